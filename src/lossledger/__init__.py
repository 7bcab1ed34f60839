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
    "extract",
]
