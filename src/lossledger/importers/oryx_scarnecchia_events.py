"""Oryx's visually confirmed losses as scraped by scarnecchia/scrape_oryx: the per-item events.

``event_{destroyed,damaged,abandoned,captured}.csv`` (README: one row per unique country, origin,
system, status and url): ``country`` (whose loss), ``origin`` (where the system was made),
``system`` (Oryx's name, sometimes prefixed by its running count: "1029 BMP-2(K)"), ``status``,
``url`` (the photo or post proving it) and ``date_recorded`` (when the scrape first saw it).

Each item becomes a record of the list ``oryx``: an item listed under two statuses ("damaged and
abandoned") is one record (records/dedup.py); a row without a photo URL, with a bad date, an
unknown country or a status other than its file's is rejected with its line.  The system's
equipment type comes from records/oryx_systems.toml.  The list's counts by date, per side,
metric and status, become series of source ``oryx-items`` (not ``oryx``: the daily counts of
the same folder are Oryx's own tallies, oryx_scarnecchia.py).
"""

from __future__ import annotations

from ..errors import SchemaError
from ..records.dedup import equipment_key, merge_equipment
from ..records.importing import DateChecker, RecordsImporter
from ..records.links import single_link
from ..records.lists import LOSSLEDGER_RECORDS, ORYX_ITEMS, ORYX_LIST
from ..records.observations import equipment_observations
from ..records.oryx_systems import category_of, normalise_system
from ..records.rows import RecordRow
from .base import Batch, FetchedFile, FileSpec, read_csv
from .oryx_scarnecchia import RAW

__all__ = ["OryxEvents"]

STATUSES = ("destroyed", "damaged", "abandoned", "captured")
EVENTS = {status: f"event_{status}.csv" for status in STATUSES}
COLUMNS = ("country", "origin", "system", "status", "url", "date_recorded")
SIDES = {"russia": "russia", "ukraine": "ukraine"}


class OryxEvents(RecordsImporter):
    name = "oryx-scarnecchia-events"
    folder = "oryx-scarnecchia"
    compilation = LOSSLEDGER_RECORDS
    sources = (ORYX_ITEMS,)
    records_list = ORYX_LIST
    files = tuple(FileSpec(name, RAW + name, media_type="text/csv") for name in EVENTS.values())

    def parse(self, files: dict[str, FetchedFile]) -> Batch:
        batch = Batch(self, [f.document() for f in files.values()], [], self.new_report(files))
        recset = self.new_set(files)
        rows: list[RecordRow] = []
        dates = DateChecker("date_recorded")
        for status, name in EVENTS.items():
            if name not in files:
                continue
            file = files[name]
            for line, row in read_csv(file, COLUMNS):
                recset.rows_read += 1
                try:  # a bad row is rejected with its file and line (records/importing.py)
                    rows.append(self._record(file, line, row, status, dates))
                except SchemaError as exc:
                    self.reject(recset, file, line, exc, row.get("matID", "").strip())
        recset.records, recset.merges = merge_equipment(rows, equipment_key)
        documents = {status: files[name].key for status, name in EVENTS.items() if name in files}
        note = "all statuses: counted from " + ", ".join(name for name in EVENTS.values() if name in files)
        batch.observations = equipment_observations(ORYX_ITEMS.slug, recset.records, documents, note)
        batch.extra = recset
        self.summarise(batch, recset)
        return batch

    def _record(self, file: FetchedFile, line: int, row: dict[str, str], status: str, dates: DateChecker) -> RecordRow:
        side = SIDES.get(row["country"].strip().lower())
        if side is None:
            raise SchemaError(f"unknown country {row['country'].strip()!r:.40}", code="schema.country", field="country")
        if row["status"].strip().lower() != status:
            raise SchemaError(
                f"status {row['status'].strip()!r:.20} in the file of {status} items",
                code="schema.status",
                field="status",
            )
        system = normalise_system(row["system"])
        if not system:
            raise SchemaError("no system", code="schema.system", field="system")
        link = single_link(row["url"])
        if link is None:
            raise SchemaError(f"no evidence link in {row['url'].strip()!r:.60}", code="schema.evidence", field="url")
        date = dates(row["date_recorded"].strip())
        record = RecordRow(
            key="", external_id=row.get("matID", "").strip() or None, side=side, date=date, links=(link,),
            document_key=file.key, line=line, system=system[:300], category=category_of(system), status=status,
            origin=row["origin"].strip()[:100] or None,
        )  # fmt: skip
        record.key = equipment_key(record)
        return record
