"""The pipeline's value types: what sources fetch, importers produce and the ledger writes.

The bottom layer (with errors, taxonomy and config): it imports no other part of lossledger, so
``sources/``, ``importers/`` and ``ledger/`` can all use these types without importing each other
(sources → importers → ledger, one way; tests/test_layers.py checks it).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, NamedTuple, Protocol

from . import taxonomy
from .errors import ParseError, SchemaError

__all__ = [
    "MAX_COUNT",
    "Batch",
    "CompilationInfo",
    "DocumentRow",
    "FetchedFile",
    "FileSpec",
    "ImportReport",
    "ObservationRow",
    "Producer",
    "SourceInfo",
    "utcnow",
]


def utcnow() -> dt.datetime:
    """Now in UTC, naive (the store keeps UTC without tzinfo)."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


#: No single loss count can reach this; anything above is a corrupted cell (schema.absurd).
MAX_COUNT = 50_000_000


@dataclass(frozen=True)
class SourceInfo:
    slug: str
    name: str
    kind: str  # claims | evidence | acknowledgement
    url: str | None = None
    description: str = ""


@dataclass(frozen=True)
class CompilationInfo:
    slug: str
    name: str
    url: str | None = None
    license: str | None = None
    description: str = ""


@dataclass(frozen=True)
class FileSpec:
    """A file an importer reads from its dataset folder."""

    name: str
    upstream: str | None = None  # raw HTTPS URL of the public upstream file
    required: bool = True
    media_type: str = "application/json"


@dataclass
class FetchedFile:
    """The bytes of one file with where and when they were read."""

    dataset: str
    name: str
    uri: str
    data: bytes
    retrieved_at: dt.datetime
    media_type: str = "application/octet-stream"
    snapshot: str | None = None
    etag: str | None = None
    last_modified: str | None = None

    @cached_property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()

    @property
    def label(self) -> str:
        """How errors name this file: ``dataset/name``."""
        return f"{self.dataset}/{self.name}"

    @cached_property
    def key(self) -> str:
        """``sha256:<hex>``, the document's key (cached: importers cite it on each of 58k rows)."""
        return f"sha256:{self.sha256}"

    def document(self) -> DocumentRow:
        return DocumentRow(
            key=self.key,
            uri=self.uri,
            media_type=self.media_type,
            sha256=self.sha256,
            size=len(self.data),
            retrieved_at=self.retrieved_at,
            dataset=self.dataset,
            snapshot=self.snapshot,
        )

    def text(self) -> str:
        """The file as UTF-8 text (BOM allowed); :class:`ParseError` with the line of a bad byte."""
        if b"\x00" in self.data[:65536]:
            raise ParseError("binary data, not text", code="parse.binary", file=self.label)
        try:
            return self.data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            line = self.data.count(b"\n", 0, exc.start) + 1
            raise ParseError(
                f"invalid UTF-8 at byte {exc.start}", code="parse.encoding", file=self.label, line=line
            ) from None


@dataclass(frozen=True)
class DocumentRow:
    """A document to record: a file (key ``sha256:…``) or a cited page (key ``uri:…``)."""

    key: str
    uri: str
    media_type: str
    sha256: str | None = None
    size: int | None = None
    retrieved_at: dt.datetime | None = None
    parent_key: str | None = None
    dataset: str | None = None
    snapshot: str | None = None

    @classmethod
    def cited(cls, uri: str, parent: FetchedFile, media_type: str = "text/html") -> DocumentRow:
        """A page a file cites as its source (not fetched by us)."""
        return cls(key=f"uri:{uri}", uri=uri, media_type=media_type, parent_key=parent.key, dataset=parent.dataset)


class ObservationRow(NamedTuple):
    """One figure as an importer read it (immutable; ``_replace`` gives a variant).

    A named tuple, not a frozen dataclass: a full sync builds 67k of them, and a frozen
    dataclass's ``__init__`` (``object.__setattr__`` per field) took 1.6 µs each, this 0.5 µs.
    """

    source: str
    metric: str
    report_date: dt.date
    kind: str
    value: int
    document_key: str
    qualifier: str = "exact"
    side: str = "russia"
    category: str = ""
    status: str = ""
    period_days: int | None = None
    note: str | None = None

    def cell(self) -> tuple[str, str, str, str, str, str, dt.date]:
        """The identity of the figure within one compilation."""
        return (self.source, self.side, self.metric, self.category, self.status, self.kind, self.report_date)


@dataclass
class ImportReport:
    """What one importer read, added, left unchanged, superseded and skipped (with reasons)."""

    dataset: str
    files: list[str] = field(default_factory=list)
    read: int = 0
    added: int = 0
    unchanged: int = 0
    superseded: int = 0
    skipped: Counter[str] = field(default_factory=Counter)
    warnings: list[str] = field(default_factory=list)
    status: str = "imported"  # imported | unchanged | failed
    #: implausible totals this import wrote (ledger/plausibility.py), as dicts
    flags: list[dict[str, Any]] = field(default_factory=list)

    def skip(self, reason: str, n: int = 1) -> None:
        self.skipped[reason] += n

    def warn(self, message: str) -> None:
        if len(self.warnings) < 200:
            self.warnings.append(message)

    def metric_of(self, compilation: str, key: str, day: dt.date, where: str, record: int) -> str | None:
        """The metric a transcription's ``key`` names on ``day``; an unknown key is skipped with a
        warning naming ``where`` (the file) and the record, and gives None."""
        try:
            return taxonomy.resolve_key(compilation, key, day)
        except SchemaError:
            self.skip(f"unknown field {key!r}")
            self.warn(f"{where}: record {record} ({day}): unknown field {key!r} skipped")
            return None

    def to_dict(self) -> dict[str, Any]:
        return {
            "dataset": self.dataset,
            "status": self.status,
            "files": self.files,
            "read": self.read,
            "added": self.added,
            "unchanged": self.unchanged,
            "superseded": self.superseded,
            "skipped": dict(self.skipped),
            "warnings": self.warnings,
            "flags": self.flags,
        }


class Producer(Protocol):
    """What the ledger needs to know of whoever produced a batch (an importer): its name, the
    compilation it reads and the sources that compilation transcribes."""

    @property
    def name(self) -> str: ...
    @property
    def compilation(self) -> CompilationInfo: ...
    @property
    def sources(self) -> Sequence[SourceInfo]: ...


@dataclass
class Batch:
    """An importer's output for one dataset, ready to write (ledger/writer.py: ``write_batch``)."""

    importer: Producer
    documents: list[DocumentRow]
    observations: list[ObservationRow]
    report: ImportReport
    extra: Any = None  # importer-specific payload (e.g. records), written by ``ledger.writer.write_batch``
