"""What the records importers share: their report and the rejection of bad rows.

A row-level problem (bad date, negative age, no evidence link…) rejects that row — reported
with its file and line, stored in ``record_rejection`` — and the import goes on; a file-level
problem (not UTF-8, wrong header, a truncated quoted cell, a row with too few cells) raises a
:class:`~lossledger.errors.ParseError`/:class:`~lossledger.errors.SchemaError` from ``parse``,
before anything is written, so the sync's one transaction leaves the ledger unchanged.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any, ClassVar

from ...errors import SchemaError
from ...model import Batch, FetchedFile, ImportReport
from ..base import Importer, check_date
from .known_lists import ListInfo
from .rows import RecordSet, RejectRow

__all__ = ["REASONS", "DateChecker", "RecordsImporter", "RecordsReport", "check_int"]

#: How a rejection's error code reads in reports.
REASONS = {
    "schema.evidence": "no evidence link",
    "schema.date": "missing or malformed date",
    "schema.date_range": "date out of range",
    "schema.negative": "negative age",
    "schema.range": "implausible age or birth year",
    "schema.type": "not a whole number",
    "schema.id": "no id",
    "schema.country": "unknown country",
    "schema.status": "status not the file's",
    "schema.system": "no system",
}


@dataclass
class RecordsReport(ImportReport):
    """An import report with the list's accounting (rows = records + merged + rejected)."""

    records: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        out = super().to_dict()
        out["records"] = self.records
        return out


class DateChecker:
    """:func:`~lossledger.importers.base.check_date` memoized for one parse: a list of 20–40k
    rows has a few hundred distinct dates, and each check asks the clock for Kyiv's today."""

    def __init__(self, field_name: str) -> None:
        self.field_name = field_name
        self.seen: dict[str, dt.date | SchemaError] = {}

    def __call__(self, value: str) -> dt.date:
        found = self.seen.get(value)
        if found is None:
            try:
                found = check_date(value, self.field_name)
            except SchemaError as exc:
                found = exc
            self.seen[value] = found
        if isinstance(found, SchemaError):
            raise SchemaError(found.message, code=found.code, field=found.field)
        return found


def check_int(value: str, field_name: str, low: int, high: int) -> int | None:
    """A whole number in [low, high], or None for a blank cell; :class:`SchemaError` otherwise."""
    text = value.strip()
    if not text:
        return None
    try:
        number = int(float(text)) if text.endswith(".0") else int(text)
    except ValueError:
        raise SchemaError(
            f"{field_name}: not a whole number: {text!r:.20}", code="schema.type", field=field_name
        ) from None
    if number < 0:
        raise SchemaError(f"negative {field_name}: {number}", code="schema.negative", field=field_name)
    if not low <= number <= high:
        raise SchemaError(f"{field_name} {number} outside {low}–{high}", code="schema.range", field=field_name)
    return number


class RecordsImporter(Importer):
    """An importer whose batch carries a :class:`RecordSet` besides its observations."""

    records_list: ClassVar[ListInfo]

    def new_report(self, files: dict[str, FetchedFile]) -> RecordsReport:
        return RecordsReport(dataset=self.name, files=[f.label for f in files.values()])

    def new_set(self, files: dict[str, FetchedFile]) -> RecordSet:
        from .rows import import_key

        return RecordSet(self.records_list, import_key(f.key for f in files.values()))

    @staticmethod
    def reject(recset: RecordSet, file: FetchedFile, line: int, exc: SchemaError, external_id: str | None) -> None:
        field_note = f" [{exc.field}]" if exc.field else ""
        recset.rejections.append(
            RejectRow(file.key, file.label, line, exc.code, exc.message + field_note, external_id or None)
        )

    def summarise(self, batch: Batch, recset: RecordSet) -> None:
        """Counts of merged and rejected rows in the report, one warning per kind of rejection."""
        report = batch.report
        report.read = recset.rows_read
        for merge in recset.merges:
            report.skip(f"merged: {merge.reason}")
        by_code: dict[tuple[str, str], list[int]] = defaultdict(list)
        for r in recset.rejections:
            report.skip(f"rejected: {REASONS.get(r.code, r.code)}")
            by_code[(r.file, r.code)].append(r.line)
        for (file, code), lines in by_code.items():
            sample = ", ".join(map(str, lines[:5])) + ("…" if len(lines) > 5 else "")
            report.warn(
                f"{file}: {len(lines)} row(s) rejected ({REASONS.get(code, code)}), line(s) {sample}; "
                f"`lossledger records rejected {recset.info.slug}` lists them"
            )
        if isinstance(report, RecordsReport):
            report.records = recset.accounting()
