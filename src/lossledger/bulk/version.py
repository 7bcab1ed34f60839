"""Which extraction produced a bulk report: the package version plus a hash of extraction's files.

Per-outlet error rates mean something only for a given extraction (issue 15): the same archive
checked after a vocabulary change gives other figures.  The version changes whenever any file of
``lossledger/extraction/`` (code or ``vocab/*.toml`` data) changes, even without a release.
"""

from __future__ import annotations

import hashlib
from functools import cache
from importlib import resources

__all__ = ["extraction_version"]

_SUFFIXES = (".py", ".toml")


@cache
def extraction_version() -> str:
    """``<package version>+x<12 hex digits>``: the hash covers every ``.py`` and ``.toml`` file of
    ``lossledger/extraction`` (relative path and bytes, in sorted order).

    >>> extraction_version()
    '...+x...'
    """
    from .. import __version__

    digest = hashlib.sha256()
    root = resources.files("lossledger.extraction")
    for name, data in sorted(_files(root, "")):
        digest.update(name.encode() + b"\0" + data + b"\0")
    return f"{__version__}+x{digest.hexdigest()[:12]}"


def _files(folder: resources.abc.Traversable, prefix: str) -> list[tuple[str, bytes]]:
    out: list[tuple[str, bytes]] = []
    for entry in folder.iterdir():
        name = f"{prefix}{entry.name}"
        if entry.is_dir():
            if entry.name != "__pycache__":
                out.extend(_files(entry, name + "/"))
        elif entry.name.endswith(_SUFFIXES):
            out.append((name, entry.read_bytes()))
    return out
