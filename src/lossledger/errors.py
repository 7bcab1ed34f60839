"""The LossLedgerError tree: every failure the library reports on purpose.

    LossLedgerError            base; rendered once, at the edge (CLI / API)
     ├── InputError            something we were given is wrong
     │    ├── ParseError       cannot be read: truncated or malformed JSON/CSV, bad encoding, binary
     │    └── SchemaError      readable but wrong: types, negative counts, unknown keys, dates
     ├── FetchError            a remote document could not be fetched (HTTP status, timeout)
     ├── StoreError            the database refused or is not migrated
     ├── NotFound              no such date, metric, source or list
     └── ConfigError           bad configuration (URL, environment variable)

Every error carries a stable ``code`` (``schema.negative``) and, where known, its place
(file, line, field); :func:`located` adds the place to anything raised inside it, like
``request_context`` in httpx.  ``str(error)`` is the one line the CLI prints:

    oryx-totals/totals.csv:812: negative count for tanks (schema.negative)
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

__all__ = [
    "ConfigError",
    "FetchError",
    "InputError",
    "LossLedgerError",
    "NotFound",
    "ParseError",
    "SchemaError",
    "StoreError",
    "located",
]


class LossLedgerError(Exception):
    """Base of every error lossledger raises deliberately."""

    code = "error"
    #: HTTP status the API answers with for this error.
    status = 500

    def __init__(
        self,
        message: str,
        *,
        code: str | None = None,
        file: str | None = None,
        line: int | str | None = None,
        field: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        if code is not None:
            self.code = code
        self.file = file
        self.line = line
        self.field = field

    @property
    def place(self) -> str:
        """``file:line`` (or the parts known), empty when the error has no place."""
        parts = [p for p in (self.file, None if self.line is None else str(self.line)) if p]
        return ":".join(parts)

    def __str__(self) -> str:
        where = self.place
        field = f" [{self.field}]" if self.field else ""
        head = f"{where}: " if where else ""
        return f"{head}{self.message}{field} ({self.code})"

    def to_dict(self) -> dict[str, Any]:
        """The error as the API's JSON shape (``ok``, ``error``, ``code``, ``status``)."""
        out: dict[str, Any] = {"ok": False, "error": self.message, "code": self.code, "status": self.status}
        if self.place:
            out["place"] = self.place
        return out


class InputError(LossLedgerError):
    code = "input"
    status = 400


class ParseError(InputError):
    code = "parse"


class SchemaError(InputError):
    code = "schema"


class FetchError(LossLedgerError):
    code = "fetch"
    status = 502


class StoreError(LossLedgerError):
    code = "store"
    status = 500


class NotFound(LossLedgerError):
    code = "not_found"
    status = 404


class ConfigError(LossLedgerError):
    code = "config"
    status = 500


@contextmanager
def located(file: str | None = None, line: int | str | None = None, field: str | None = None) -> Iterator[None]:
    """Add a place to any :class:`LossLedgerError` raised inside, keeping places already set.

    >>> with located(file="totals.csv", line=3):
    ...     raise SchemaError("negative count")
    Traceback (most recent call last):
    lossledger.errors.SchemaError: totals.csv:3: negative count (schema)
    """
    try:
        yield
    except LossLedgerError as exc:
        if exc.file is None:
            exc.file = file
        if exc.line is None:
            exc.line = line
        if exc.field is None:
            exc.field = field
        raise
