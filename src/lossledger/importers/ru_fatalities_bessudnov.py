"""Russian military fatalities confirmed by name, as anonymised by A. Bessudnov (2023): records.

``fatalities_anonymised.csv`` (dataset README): one row per serviceman — ``id``, birth year, date of
death or of its confirmation, unit type, age, region, and ``source``: the archived pages that
confirm the death, several per cell, separated by spaces or newlines (quoted cells span lines),
sometimes glued together or followed by notes.  Names and implied ethnicity are "removed".
``regions.csv`` maps the English region names to ISO 3166-2 codes.

Each row becomes a record of the list ``ru-fatalities`` unless it is a duplicate (merged,
importers/evidence/dedup.py) or unusable — no date, a malformed or out-of-range date, a negative or
implausible age or birth year, no evidence link — in which case it is rejected with its line.
Blank birth year, age, unit type or region are allowed: they count in the "unknown" bucket.
The list's counts by date become the personnel series of source ``ru-fatalities`` (deaths
confirmed by name, a lower bound; not the General Staff's killed-and-wounded).
"""

from __future__ import annotations

from operator import itemgetter

from ..errors import SchemaError
from ..model import Batch, FetchedFile, FileSpec
from .base import read_csv, read_csv_cells
from .evidence.dedup import merge_persons, person_key
from .evidence.importing import DateChecker, RecordsImporter, check_int
from .evidence.known_lists import LOSSLEDGER_RECORDS, RU_FATALITIES, RU_FATALITIES_LIST
from .evidence.links import extract_links
from .evidence.observations import person_observations
from .evidence.rows import RecordRow

__all__ = ["RuFatalitiesBessudnov"]

FATALITIES = "fatalities_anonymised.csv"
REGIONS = "regions.csv"
COLUMNS = ("id", "birthYear", "deathConfirmedDate", "unitType", "age", "region", "source")


def read_regions(file: FetchedFile) -> dict[str, str]:
    """English region name → ISO code (``regNameISO``), from regions.csv."""
    return {
        row["regNameEng"].strip(): row["regNameISO"].strip()
        for _line, row in read_csv(file, ("regNameEng", "regNameISO"))
    }


class RuFatalitiesBessudnov(RecordsImporter):
    name = "ru-fatalities-bessudnov"
    folder = "ru-fatalities-bessudnov"
    compilation = LOSSLEDGER_RECORDS
    sources = (RU_FATALITIES,)
    records_list = RU_FATALITIES_LIST
    # The replication repository has no stable raw URL we could cite; a sync from the upstreams skips it.
    files = (FileSpec(FATALITIES, None, media_type="text/csv"), FileSpec(REGIONS, None, media_type="text/csv"))

    def parse(self, files: dict[str, FetchedFile]) -> Batch:
        file = files[FATALITIES]
        regions = read_regions(files[REGIONS]) if REGIONS in files else {}
        batch = Batch(self, [f.document() for f in files.values()], [], self.new_report(files))
        recset = self.new_set(files)
        rows: list[RecordRow] = []
        dates = DateChecker("deathConfirmedDate")
        columns, lines = read_csv_cells(file, COLUMNS)
        pick = itemgetter(*(columns[c] for c in COLUMNS))  # cells in COLUMNS order, no dict per row
        for line, cells in lines:
            recset.rows_read += 1
            row = pick(cells)
            try:  # a bad row is rejected with its file and line (importers/evidence/importing.py)
                rows.append(self._record(file, line, row, regions, dates, batch))
            except SchemaError as exc:
                self.reject(recset, file, line, exc, row[0].strip())
        recset.records, recset.merges = merge_persons(rows)
        batch.observations = person_observations(RU_FATALITIES.slug, recset.records, file.key)
        batch.extra = recset
        self.summarise(batch, recset)
        return batch

    def _record(
        self,
        file: FetchedFile,
        line: int,
        row: tuple[str, ...],
        regions: dict[str, str],
        dates: DateChecker,
        batch: Batch,
    ) -> RecordRow:
        """``row``: the cells of COLUMNS, in that order."""
        ident, birth_cell, date_cell, unit_cell, age_cell, region_cell, source = row
        ident = ident.strip()
        if not ident:
            raise SchemaError("no id", code="schema.id", field="id")
        raw_date = date_cell.strip()
        if not raw_date:
            raise SchemaError("no date of death or of its confirmation", code="schema.date", field="deathConfirmedDate")
        date = dates(raw_date)
        birth_year = check_int(birth_cell, "birthYear", 1900, date.year)
        age = check_int(age_cell, "age", 14, 100)
        links = extract_links(source)
        if not links:
            raise SchemaError(f"no evidence link in {source.strip()!r:.60}", code="schema.evidence", field="source")
        if birth_year is not None and age is not None and abs(date.year - birth_year - age) > 1:
            batch.report.warn(
                f"{file.label}:{line}: age {age} does not fit birth year {birth_year} and date {date} (kept)"
            )
        region = region_cell.strip() or None
        if region is not None and regions and region not in regions:
            batch.report.warn(f"{file.label}:{line}: region {region!r} is not in {REGIONS} (kept)")
        record = RecordRow(
            "", ident, "russia", date, tuple(links), file.key, line, birth_year=birth_year, age=age, region=region,
            region_code=regions.get(region or ""), unit_type=unit_cell.strip() or None,
        )  # fmt: skip
        record.key = person_key(record)
        return record
