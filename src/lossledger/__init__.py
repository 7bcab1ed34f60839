"""lossledger: a verifiable ledger of reported losses in the Russia–Ukraine war.

The public API; the CLI (``lossledger``), the REST API and the dashboard are thin layers over it:

    >>> from lossledger import Ledger, check, extract
    >>> ledger = Ledger.open()                         # --db > $LOSSLEDGER_DB > per-user SQLite
    >>> ledger.sync("../shared/data")                  # doctest: +SKIP
    >>> [(c.metric, c.kind, c.value) for c in extract("Russia lost 6,465 tanks.").claims]
    [('tanks', 'total', 6465)]
    >>> check("Russia has lost 6,465 tanks, the General Staff said on 16 February 2024.", ledger).report_date
    datetime.date(2024, 2, 16)

Names are imported on first use (PEP 562), so ``import lossledger`` — which every ``lossledger``
command does — loads neither SQLAlchemy nor pandas until something needs them.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from .errors import (
    ConfigError,
    FetchError,
    InputError,
    LossLedgerError,
    NotFound,
    ParseError,
    SchemaError,
    StoreError,
)

if TYPE_CHECKING:
    from .analysis.compare import compare
    from .analysis.estimate import estimate_population
    from .extraction import Claim, Extraction, Ignored, extract
    from .ledger import Ledger
    from .records import count as count_records
    from .records import duplicates as record_duplicates
    from .records import lists as record_lists
    from .records import rejections as record_rejections
    from .verify.check import check
    from .verify.report import CheckReport

__version__ = "0.1.0"

#: public name → (module, attribute), imported on first access
_LAZY = {
    "Ledger": ("lossledger.ledger", "Ledger"),
    "extract": ("lossledger.extraction", "extract"),
    "Extraction": ("lossledger.extraction", "Extraction"),
    "Claim": ("lossledger.extraction", "Claim"),
    "Ignored": ("lossledger.extraction", "Ignored"),
    "check": ("lossledger.verify", "check"),
    "CheckReport": ("lossledger.verify", "CheckReport"),
    "compare": ("lossledger.analysis.compare", "compare"),
    "count_records": ("lossledger.records", "count"),
    "record_duplicates": ("lossledger.records", "duplicates"),
    "record_lists": ("lossledger.records", "lists"),
    "record_rejections": ("lossledger.records", "rejections"),
    "estimate_population": ("lossledger.analysis.estimate", "estimate_population"),
}

__all__ = [
    "CheckReport",
    "Claim",
    "ConfigError",
    "Extraction",
    "FetchError",
    "Ignored",
    "InputError",
    "Ledger",
    "LossLedgerError",
    "NotFound",
    "ParseError",
    "SchemaError",
    "StoreError",
    "__version__",
    "check",
    "compare",
    "count_records",
    "estimate_population",
    "extract",
    "record_duplicates",
    "record_lists",
    "record_rejections",
]


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        module, attribute = _LAZY[name]
        value = getattr(import_module(module), attribute)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
