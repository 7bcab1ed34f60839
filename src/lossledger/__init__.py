"""lossledger: a verifiable ledger of reported losses in the Russia–Ukraine war.

The public API; the CLI (``lossledger``), the REST API and the dashboard are thin layers over it.
"""

from __future__ import annotations

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
from .extract import Claim, Extraction, Ignored, extract
from .records import count as count_records
from .records import duplicates as record_duplicates
from .records import estimate as estimate_population
from .records import lists as record_lists
from .records import rejections as record_rejections

__version__ = "0.1.0"

__all__ = [
    "Claim",
    "ConfigError",
    "Extraction",
    "FetchError",
    "Ignored",
    "InputError",
    "LossLedgerError",
    "NotFound",
    "ParseError",
    "SchemaError",
    "StoreError",
    "__version__",
    "count_records",
    "estimate_population",
    "extract",
    "record_duplicates",
    "record_lists",
    "record_rejections",
]
