"""A small on-disk cache of derived data (fingerprint indexes, phrase lexicons); named for what it
holds, as ``cache`` already names :func:`functools.cache` in the modules that use both.

Anything stored here can be rebuilt from its inputs; it exists so that a one-off command —
``lossledger check`` above all, whose budget is 0.3 s — does not rebuild in every process what
took 50–100 ms to derive.  Entries carry a key describing their inputs (a ledger version, a hash
of vocabulary files) and are ignored when the key differs.  The folder is
``LOSSLEDGER_CACHE_DIR``, else the per-user cache directory; a read-only or full disk only costs
the rebuild.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from pathlib import Path
from typing import Any

from .config import setting

__all__ = ["cache_dir", "load", "store"]

#: Bumped when the layout of cached objects changes.
FORMAT = 2


def cache_dir() -> Path:
    folder = setting("cache_dir")
    if folder is None:
        import platformdirs

        folder = platformdirs.user_cache_dir("lossledger", appauthor=False)
    return Path(folder)


def _path(name: str) -> Path:
    return cache_dir() / f"{hashlib.sha256(name.encode()).hexdigest()[:24]}.pickle"


def load(name: str, key: Any) -> Any | None:
    """The object stored under ``name`` if it was stored with an equal ``key``; else None."""
    try:
        with _path(name).open("rb") as fh:
            stored = pickle.load(fh)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError, ImportError):
        return None
    if (
        not isinstance(stored, dict)
        or stored.get("format") != FORMAT
        or stored.get("key") != key
        or stored.get("name") != name
    ):
        return None
    return stored["value"]


def store(name: str, key: Any, value: Any) -> None:
    """Store ``value`` under ``name`` (atomically replaced; errors ignored)."""
    path = _path(name)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with tmp.open("wb") as fh:
            pickle.dump(
                {"format": FORMAT, "name": name, "key": key, "value": value}, fh, protocol=pickle.HIGHEST_PROTOCOL
            )
        os.replace(tmp, path)
    except (OSError, pickle.PicklingError, TypeError, AttributeError):
        pass
