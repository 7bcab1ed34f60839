"""What every importer shares: the rows it produces, its report, and the checks on raw values.

An importer turns fetched files (bytes + provenance) into a :class:`Batch` — documents and
observations — without touching the database; writing happens later, for all datasets of a sync
in one transaction, so a bad file anywhere leaves the ledger unchanged.  Every check raises a
:mod:`lossledger.errors` error naming the file and the place (line, or JSON record index).
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any, ClassVar, NamedTuple

from .. import taxonomy
from ..errors import ParseError, SchemaError
from ..warday import WAR_START, today_kyiv

if TYPE_CHECKING:
    from sqlalchemy import Connection

__all__ = [
    "MAX_COUNT",
    "Batch",
    "CompilationInfo",
    "DocumentRow",
    "FetchedFile",
    "FileSpec",
    "ImportReport",
    "Importer",
    "ObservationRow",
    "SourceInfo",
    "check_count",
    "check_date",
    "load_json",
    "read_csv",
    "read_csv_cells",
]

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


@dataclass
class Batch:
    """An importer's output for one dataset, ready to write."""

    importer: Importer
    documents: list[DocumentRow]
    observations: list[ObservationRow]
    report: ImportReport
    extra: Any = None  # importer-specific payload (e.g. records), written by its own ``write``


class Importer:
    """Base of the importers: one subclass per dataset folder (or per part of one).

    Subclasses set ``name``, ``folder``, ``files``, ``compilation``, ``sources`` and implement
    :meth:`parse`; :meth:`write` stores observations and may be extended for other tables.
    """

    name: ClassVar[str]
    folder: ClassVar[str]
    files: ClassVar[Sequence[FileSpec]]
    compilation: ClassVar[CompilationInfo]
    sources: ClassVar[Sequence[SourceInfo]]
    #: file-name patterns read in addition to ``files`` (local folders and listable mirrors)
    patterns: ClassVar[Sequence[str]] = ()

    def parse(self, files: dict[str, FetchedFile]) -> Batch:
        raise NotImplementedError

    def write(self, conn: Connection, batch: Batch, *, sync_id: int, now: dt.datetime) -> ImportReport:
        from ..ledger.writer import write_observations

        write_observations(conn, batch, sync_id=sync_id, now=now)
        return batch.report

    def new_report(self, files: dict[str, FetchedFile]) -> ImportReport:
        return ImportReport(dataset=self.name, files=[f.label for f in files.values()])


# --- checks on raw values ------------------------------------------------------------------


def load_json(file: FetchedFile) -> Any:
    """Parse a JSON file; truncated or malformed JSON raises :class:`ParseError` with line:column."""
    text = file.text()
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise ParseError(
            f"malformed JSON: {exc.msg} (column {exc.colno})", code="parse.json", file=file.label, line=exc.lineno
        ) from None


def load_json_array(file: FetchedFile) -> list[Any]:
    """A JSON file that must hold an array of daily records (the General Staff transcriptions)."""
    data = load_json(file)
    if not isinstance(data, list):
        raise SchemaError("expected a JSON array of daily records", code="schema.type", file=file.label)
    return data


def check_daily_record(record: Any, index: int, seen: dict[dt.date, int]) -> dt.date:
    """The date of daily record ``index``: it must be an object whose date is valid and not yet in
    ``seen`` (date → index of the record that had it), which it is then added to."""
    if not isinstance(record, dict):
        raise SchemaError(f"record {index} is not an object", code="schema.type")
    date = check_date(record.get("date"))
    if date in seen:
        raise SchemaError(f"duplicated date {date} (records {seen[date]} and {index})", code="schema.duplicate")
    seen[date] = index
    return date


def read_csv(file: FetchedFile, required: Sequence[str]) -> Iterator[tuple[int, dict[str, str]]]:
    """Rows of a CSV file as (line, row); the header must hold ``required`` columns.

    ``line`` is the physical line where the record starts (quoted cells may span lines).
    A row with a different number of cells than the header raises :class:`ParseError`.
    """
    header, reader = _open_csv(file, required)
    for line, cells in _csv_rows(file, reader, len(header)):
        yield line, dict(zip(header, cells, strict=True))


def read_csv_cells(
    file: FetchedFile, required: Sequence[str]
) -> tuple[dict[str, int], Iterator[tuple[int, list[str]]]]:
    """The columns of a CSV file (name → position) and its rows as (line, cells).

    What :func:`read_csv` reads, without a dict per row, for the importers of the 58k rows of
    the Oryx events and the fatalities list (reading the four events files: 0.11 → 0.05 s).
    The header is checked now; a bad row raises when the iteration reaches it.
    """
    header, reader = _open_csv(file, required)
    return {h: i for i, h in enumerate(header)}, _csv_rows(file, reader, len(header))


def _open_csv(file: FetchedFile, required: Sequence[str]) -> tuple[list[str], Any]:
    """The stripped header, checked for ``required`` columns, and the reader positioned after it."""
    text = file.text()
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader)
    except StopIteration:
        raise ParseError("empty file (no header)", code="parse.csv", file=file.label, line=1) from None
    except csv.Error as exc:
        raise ParseError(f"malformed CSV: {exc}", code="parse.csv", file=file.label, line=1) from None
    header = [h.strip() for h in header]
    missing = [c for c in required if c not in header]
    if missing:
        raise SchemaError(f"missing column(s) {', '.join(missing)}", code="schema.columns", file=file.label, line=1)
    return header, reader


def _csv_rows(file: FetchedFile, reader: Any, width: int) -> Iterator[tuple[int, list[str]]]:
    """(line, cells) of the rows; blank lines are skipped, a row of another width raises."""
    start = reader.line_num + 1
    try:
        for cells in reader:
            if len(cells) != width:
                if cells and any(c.strip() for c in cells):
                    raise ParseError(
                        f"{len(cells)} cells where the header has {width}",
                        code="parse.csv",
                        file=file.label,
                        line=start,
                    )
            elif cells:
                yield start, cells
            start = reader.line_num + 1
    except csv.Error as exc:
        raise ParseError(f"malformed CSV: {exc}", code="parse.csv", file=file.label, line=start) from None


def check_count(value: Any, field_name: str, *, allow_negative: bool = False) -> int:
    """A count: an int (not a bool, not a float with a fraction, not a string), >= 0, not absurd."""
    if isinstance(value, bool) or not isinstance(value, int):
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        elif isinstance(value, str) and value.strip().lstrip("-").isdigit():
            value = int(value.strip())
        else:
            raise SchemaError(
                f"{field_name}: expected a whole number, got {value!r:.40}", code="schema.type", field=field_name
            )
    if value < 0 and not allow_negative:
        raise SchemaError(f"negative count for {field_name}: {value}", code="schema.negative", field=field_name)
    if abs(value) > MAX_COUNT:
        raise SchemaError(f"absurd count for {field_name}: {value}", code="schema.absurd", field=field_name)
    return int(value)


def check_date(value: Any, field_name: str = "date", *, not_before: dt.date = WAR_START) -> dt.date:
    """A report date: ISO ``YYYY-MM-DD``, not before 2022-02-24, not after tomorrow (Kyiv)."""
    if not isinstance(value, str):
        raise SchemaError(
            f"{field_name}: expected a YYYY-MM-DD string, got {value!r:.40}", code="schema.type", field=field_name
        )
    try:
        date = dt.date.fromisoformat(value.strip())
    except ValueError:
        raise SchemaError(
            f"{field_name}: not a YYYY-MM-DD date: {value!r:.40}", code="schema.date", field=field_name
        ) from None
    if date < not_before:
        raise SchemaError(f"{field_name} {date} is before {not_before}", code="schema.date_range", field=field_name)
    if date > today_kyiv() + dt.timedelta(days=1):
        raise SchemaError(f"{field_name} {date} is in the future", code="schema.date_range", field=field_name)
    return date
