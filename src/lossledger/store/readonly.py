"""Opening an SQLite ledger read-only, also on read-only media (a DVD, a read-only mount, a
folder the user may not write).

``mode=ro`` alone is not enough there: a ledger is in WAL mode, and SQLite opens a WAL database
read-only only if its ``-shm`` file exists or can be created next to it
(https://sqlite.org/wal.html#readonly).  When the folder cannot be written and no ``-wal`` file
holds unmerged changes, the file is opened ``immutable=1`` (no lock or shared-memory files):
nobody can be changing it.  Imports nothing heavy: the sqlite3 fast path of ``check``
(verify/view.py) uses it as well as store/db.py.
"""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import quote

__all__ = ["needs_immutable", "read_only_uri", "writable"]


def writable(path: Path) -> bool:
    """Whether ``path`` (a file, or the folder to create it in) can be written.

    ``os.access`` answers False on a read-only file system even for root (EROFS)."""
    target = path if path.exists() else path.parent
    while not target.exists() and target != target.parent:
        target = target.parent
    return os.access(target, os.W_OK) and (not path.exists() or os.access(path.parent, os.W_OK))


def needs_immutable(path: Path) -> bool:
    """True when the ledger's folder cannot hold SQLite's lock files and nothing is left in its WAL."""
    wal = path.with_name(path.name + "-wal")
    return not os.access(path.parent, os.W_OK) and not (wal.exists() and wal.stat().st_size > 0)


def read_only_uri(path: Path) -> str:
    """The ``file:`` URI that opens ``path`` read-only (``immutable`` where needed)."""
    uri = f"file:{quote(str(path.resolve()))}?mode=ro"
    return uri + "&immutable=1" if needs_immutable(path) else uri
