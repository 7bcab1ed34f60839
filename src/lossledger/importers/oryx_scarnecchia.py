"""Oryx's visually confirmed losses as scraped by scarnecchia/scrape_oryx: the daily counts.

``daily_count.csv`` holds, per country, equipment type and date, the running count by status
(destroyed, abandoned, captured, damaged) and in all (``type_total``).  Its ``equipment_type``
column is messy: trailing newlines, renamed types ("Trucks, Vehicles, and Jeeps" → "…, Jeeps, and
Trains"), and summary headings with counts inside the name ("Losses excluding Recon Drones and
Trucks - 17594, of which: …").  Types are normalised through ``[oryx.*]`` in taxonomy.toml;
headings are skipped (they repeat the categories).  The ``*_diff`` columns are derivable and not
stored.  Each category is an observation of its metric with ``category`` = the Oryx type (empty
when the type *is* the metric, e.g. Tanks) and ``status`` = the status ('' for the total).
The per-item event files of the same folder are imported as records (issue 7).
"""

from __future__ import annotations

import datetime as dt

from .. import registry, taxonomy
from ..errors import SchemaError, located
from ..model import Batch, FetchedFile, FileSpec, ObservationRow
from .base import Importer, check_count, check_date, read_csv

__all__ = ["OryxDailyCounts", "ORYX_COMPILATION"]

ORYX = registry.source("oryx")

RAW = "https://raw.githubusercontent.com/scarnecchia/scrape_oryx/main/outputfiles/"
DAILY = "daily_count.csv"
STATUSES = ("destroyed", "abandoned", "captured", "damaged")
SIDES = {"russia": "russia", "ukraine": "ukraine"}

ORYX_COMPILATION = registry.compilation("oryx-scarnecchia")


class OryxDailyCounts(Importer):
    name = "oryx-scarnecchia"
    folder = "oryx-scarnecchia"
    compilation = ORYX_COMPILATION
    sources = (ORYX,)
    files = (FileSpec(DAILY, RAW + DAILY, media_type="text/csv"),)

    def parse(self, files: dict[str, FetchedFile]) -> Batch:
        file = files[DAILY]
        report = self.new_report(files)
        batch = Batch(self, [file.document()], [], report)
        seen: dict[tuple[str, str, dt.date], int] = {}
        required = ("country", "equipment_type", "type_total", "date_recorded", *STATUSES)
        for line, row in read_csv(file, required):
            report.read += 1
            with located(file=file.label, line=line):
                self._row(file, row, line, seen, batch)
        return batch

    def _row(
        self, file: FetchedFile, row: dict[str, str], line: int, seen: dict[tuple[str, str, dt.date], int], batch: Batch
    ) -> None:
        report = batch.report
        side = SIDES.get(row["country"].strip().lower())
        if side is None:
            raise SchemaError(f"unknown country {row['country']!r}", code="schema.country", field="country")
        heading = taxonomy.oryx_heading(row["equipment_type"])
        if heading:
            report.skip(heading)
            return
        try:
            category = taxonomy.oryx_category(row["equipment_type"])
        except SchemaError:
            report.skip("unknown Oryx equipment type")
            report.warn(f"{file.label}:{line}: unknown Oryx equipment type {row['equipment_type'].strip()!r} skipped")
            return
        counts = {s: check_count(row[s], s) for s in (*STATUSES, "type_total")}
        raw_date = row["date_recorded"].strip()
        if raw_date < "2022-02-24" and not any(counts.values()):
            report.skip("zero baseline row dated before the invasion")
            return
        date = check_date(raw_date, "date_recorded")
        if sum(counts[s] for s in STATUSES) != counts["type_total"]:
            report.warn(f"{file.label}:{line}: statuses do not add up to type_total for {category.slug}")
        key = (side, category.slug, date)
        if key in seen:
            raise SchemaError(f"duplicated {category.slug} on {date} (line {seen[key]})", code="schema.duplicate")
        seen[key] = line
        sub = "" if category.slug == category.metric or category.metric == "all_equipment" else category.slug
        for status in (*STATUSES, "type_total"):
            batch.observations.append(
                ObservationRow(
                    source=ORYX.slug,
                    metric=category.metric,
                    report_date=date,
                    kind="total",
                    value=counts[status],
                    document_key=file.key,
                    side=side,
                    category=sub,
                    status="" if status == "type_total" else status,
                )
            )
