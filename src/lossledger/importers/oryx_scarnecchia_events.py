"""Oryx's visually confirmed losses as scraped by scarnecchia/scrape_oryx: the per-item events.

``event_{destroyed,damaged,abandoned,captured}.csv`` (README: one row per unique country, origin,
system, status and url): ``country`` (whose loss), ``origin`` (where the system was made),
``system`` (Oryx's name, sometimes prefixed by its running count: "1029 BMP-2(K)"), ``status``,
``url`` (the photo or post proving it) and ``date_recorded`` (when the scrape first saw it).

Each item becomes a record of the list ``oryx``: an item listed under two statuses ("damaged and
abandoned") is one record (importers/evidence/dedup.py); a row without a photo URL, with a bad date, an
unknown country or a status other than its file's is rejected with its line.  The system's
equipment type comes from importers/evidence/oryx_systems.toml.  The list's counts by date, per side,
metric and status, become series of source ``oryx-items`` (not ``oryx``: the daily counts of
the same folder are Oryx's own tallies, oryx_scarnecchia.py).
"""

from __future__ import annotations

from operator import itemgetter

from ..errors import SchemaError
from ..model import Batch, FetchedFile, FileSpec
from .base import read_csv_cells
from .evidence.dedup import equipment_key, merge_equipment
from .evidence.importing import DateChecker, RecordsImporter
from .evidence.known_lists import LOSSLEDGER_RECORDS, ORYX_ITEMS, ORYX_LIST
from .evidence.links import single_link
from .evidence.observations import equipment_observations
from .evidence.oryx_systems import SystemTypes, normalise_system
from .evidence.rows import RecordRow
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
        cells = _Cells()
        for status, name in EVENTS.items():
            if name not in files:
                continue
            file = files[name]
            columns, lines = read_csv_cells(file, COLUMNS)
            pick = itemgetter(*(columns[c] for c in COLUMNS))
            mat = columns.get("matID")
            for line, row in lines:
                recset.rows_read += 1
                try:  # a bad row is rejected with its file and line (importers/evidence/importing.py)
                    rows.append(cells.record(file, line, pick(row), status, row[mat] if mat is not None else ""))
                except SchemaError as exc:
                    self.reject(recset, file, line, exc, row[mat].strip() if mat is not None else "")
        cells.types.save()
        recset.records, recset.merges = merge_equipment(rows, equipment_key)
        documents = {status: files[name].key for status, name in EVENTS.items() if name in files}
        note = "all statuses: counted from " + ", ".join(name for name in EVENTS.values() if name in files)
        batch.observations = equipment_observations(ORYX_ITEMS.slug, recset.records, documents, note)
        batch.extra = recset
        self.summarise(batch, recset)
        return batch


class _Cells:
    """One row's cells → a record; a system cell is normalised and typed once per spelling.

    37.5k rows name 1.3k systems under 8.2k spellings (Oryx's running-count prefix); with the
    cells read by position (base.read_csv_cells) and the list's series counted per cell
    (importers/evidence/observations.py), this parse went from 0.53 to 0.47 s, cold as in a sync.
    """

    def __init__(self) -> None:
        self.dates = DateChecker("date_recorded")
        self.types = SystemTypes()
        self.systems: dict[str, tuple[str, str | None]] = {}

    def system(self, cell: str) -> tuple[str, str | None]:
        """(normalised system, its category) of a ``system`` cell."""
        found = self.systems.get(cell)
        if found is None:
            system = normalise_system(cell)
            found = self.systems[cell] = (system, self.types(system) if system else None)
        return found

    def record(self, file: FetchedFile, line: int, cells: tuple[str, ...], status: str, mat: str) -> RecordRow:
        """``cells`` are the COLUMNS of the row; ``mat`` its matID (Oryx's item id) or ''."""
        country, origin, system_cell, status_cell, url, date_cell = cells
        side = SIDES.get(country.strip().lower())
        if side is None:
            raise SchemaError(f"unknown country {country.strip()!r:.40}", code="schema.country", field="country")
        if status_cell.strip().lower() != status:
            raise SchemaError(
                f"status {status_cell.strip()!r:.20} in the file of {status} items",
                code="schema.status",
                field="status",
            )
        system, category = self.system(system_cell)
        if not system:
            raise SchemaError("no system", code="schema.system", field="system")
        link = single_link(url)
        if link is None:
            raise SchemaError(f"no evidence link in {url.strip()!r:.60}", code="schema.evidence", field="url")
        date = self.dates(date_cell.strip())
        record = RecordRow(
            "", mat.strip() or None, side, date, (link,), file.key, line, system=system[:300], category=category,
            status=status, origin=origin.strip()[:100] or None,
        )  # fmt: skip
        record.key = equipment_key(record)
        return record
