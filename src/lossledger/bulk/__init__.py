"""At scale: a whole news archive checked on Dask (issue 15).

``check_archive(inputs, out)`` runs the same extraction and verification as ``lossledger check``
over JSONL/Parquet shards or WARC files, on a local Dask cluster or a running one, and writes
Parquet partitioned by month and language, a summary per outlet × language × month and an HTML
report naming the extraction version.  ``generate_corpus`` writes a test archive with errors
injected at known rates, and ``rate_recovery`` compares a report with them.

    >>> from lossledger.bulk import check_archive                        # doctest: +SKIP
    >>> check_archive(["archive/*.jsonl"], "out", workers=2).articles    # doctest: +SKIP
    200000

Names are imported on first use: Dask is loaded only when a bulk function is called.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .corpus import generate_corpus
    from .recovery import rate_recovery
    from .run import ArchiveResult, check_archive
    from .version import extraction_version

__all__ = ["ArchiveResult", "check_archive", "extraction_version", "generate_corpus", "rate_recovery"]

_HOME = {
    "ArchiveResult": ".run",
    "check_archive": ".run",
    "extraction_version": ".version",
    "generate_corpus": ".corpus",
    "rate_recovery": ".recovery",
}


def __getattr__(name: str) -> Any:
    if name in _HOME:
        return getattr(import_module(_HOME[name], __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
