"""What an importer hands over for a list: records, merged duplicates and rejected rows.

Built by ``parse`` without the database (so a bad file fails before anything is written) and
carried in :attr:`~lossledger.model.Batch.extra`; ``ledger/records_writer.py`` writes it.
A record's ``key`` is the sha256 of its canonical content, so re-importing the same rows finds
the same keys and adds nothing, and a row corrected upstream becomes a new record.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from .known_lists import ListInfo

__all__ = ["MergeRow", "RecordRow", "RecordSet", "RejectRow", "content_key", "import_key"]


def content_key(*parts: object) -> str:
    """sha256 (hex) of the parts joined with a unit separator; None counts as empty.

    >>> content_key("person", "11842", 1992)[:12]
    'a426ebc8c2c9'
    """
    text = "\x1f".join("" if p is None else str(p) for p in parts)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def import_key(document_keys: Iterable[str]) -> str:
    """The identity of one import: a hash of its input files' keys (order does not matter)."""
    return content_key(*sorted(document_keys))


@dataclass(slots=True)
class RecordRow:
    """One record as read; person or equipment fields are None for the other kind."""

    key: str
    external_id: str | None
    side: str
    date: dt.date
    links: tuple[str, ...]
    document_key: str
    line: int
    birth_year: int | None = None
    age: int | None = None
    region: str | None = None
    region_code: str | None = None
    unit_type: str | None = None
    system: str | None = None
    category: str | None = None
    status: str | None = None
    origin: str | None = None


@dataclass(frozen=True, slots=True)
class MergeRow:
    """A row that is the same item as the record ``into`` (its key), and why."""

    key: str
    into: str
    external_id: str | None
    reason: str
    detail: str
    document_key: str
    line: int


@dataclass(frozen=True, slots=True)
class RejectRow:
    """A row that could not be a record: where, and why (an error code and message)."""

    document_key: str
    file: str
    line: int
    code: str
    reason: str
    external_id: str | None = None


@dataclass
class RecordSet:
    """An importer's records for one list (the ``extra`` of its batch)."""

    info: ListInfo
    import_key: str
    rows_read: int = 0
    records: list[RecordRow] = field(default_factory=list)
    merges: list[MergeRow] = field(default_factory=list)
    rejections: list[RejectRow] = field(default_factory=list)

    def accounting(self) -> dict[str, object]:
        """Every row read is a record, a merged duplicate or a rejection: the three add up."""
        return {
            "list": self.info.slug,
            "rows": self.rows_read,
            "records": len(self.records),
            "merged": dict(Counter(m.reason for m in self.merges)),
            "rejected": dict(Counter(r.code for r in self.rejections)),
        }
