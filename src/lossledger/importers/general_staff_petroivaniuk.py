"""PetroIvaniuk's transcription of the General Staff statement (2022-Ukraine-Russia-War-Dataset).

Files: ``russia_losses_equipment.json`` and ``russia_losses_personnel.json`` (one record per day,
cumulative totals), and ``russia_losses_equipment_correction.json`` (per day, the part of a total's
change that revises earlier counts: on 2024-11-30 special equipment fell 3700 → 3617 with a
correction of −85, so the day's reported increase was +2).  ``russia_losses_equipment_oryx.json``
is an undated per-model copy of Oryx and is not imported (Oryx comes from oryx-scarnecchia).
The ``POW`` column comes from invaders-rf.com (the dataset's README), so it is attributed to
source ``invaders``, not to the General Staff.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from .. import registry
from ..errors import SchemaError, located
from ..model import Batch, FetchedFile, FileSpec, ObservationRow
from .base import Importer, check_count, check_daily_record, load_json_array

__all__ = ["PetroIvaniuk"]

GENERAL_STAFF = registry.source("general-staff")
INVADERS = registry.source("invaders")

RAW = "https://raw.githubusercontent.com/PetroIvaniuk/2022-Ukraine-Russia-War-Dataset/main/data/"
EQUIPMENT = "russia_losses_equipment.json"
PERSONNEL = "russia_losses_personnel.json"
CORRECTION = "russia_losses_equipment_correction.json"
ORYX_COPY = "russia_losses_equipment_oryx.json"

#: Fields that are not counts: handled explicitly, never "unknown".
_NOT_COUNTS = {"date", "day", "personnel*"}
_TEXT_FIELDS = {"greatest losses direction": "text annotation (direction of greatest losses), not a count"}
_QUALIFIERS = {"about": "about", "more": "more_than", "more than": "more_than", "": "exact"}


class PetroIvaniuk(Importer):
    name = "general-staff-petroivaniuk"
    folder = "general-staff-petroivaniuk"
    compilation = registry.compilation("petroivaniuk")
    sources = (GENERAL_STAFF, INVADERS)
    files = (
        FileSpec(EQUIPMENT, RAW + EQUIPMENT),
        FileSpec(PERSONNEL, RAW + PERSONNEL),
        FileSpec(CORRECTION, RAW + CORRECTION, required=False),
        FileSpec(ORYX_COPY, None, required=False),
    )

    def parse(self, files: dict[str, FetchedFile]) -> Batch:
        report = self.new_report(files)
        batch = Batch(self, [f.document() for f in files.values()], [], report)
        if ORYX_COPY in files:
            report.skip(f"{ORYX_COPY}: undated per-model Oryx copy, not a dated series")
        self._records(files[EQUIPMENT], batch, kind="total")
        self._records(files[PERSONNEL], batch, kind="total")
        if CORRECTION in files:
            self._records(files[CORRECTION], batch, kind="correction")
        return batch

    def _records(self, file: FetchedFile, batch: Batch, *, kind: str) -> None:
        data = load_json_array(file)
        seen: dict[dt.date, int] = {}
        for index, record in enumerate(data):
            with located(file=file.label, line=f"record {index}"):
                self._record(file, record, index, seen, batch, kind)

    def _record(
        self, file: FetchedFile, record: Any, index: int, seen: dict[dt.date, int], batch: Batch, kind: str
    ) -> None:
        report = batch.report
        report.read += 1
        date = check_daily_record(record, index, seen)
        qualifier = _QUALIFIERS.get(str(record.get("personnel*", "")).strip().lower())
        if qualifier is None:
            raise SchemaError(f"unknown personnel qualifier {record.get('personnel*')!r}", code="schema.qualifier")
        for key, value in record.items():
            if key in _NOT_COUNTS:
                continue
            if key in _TEXT_FIELDS:
                report.skip(_TEXT_FIELDS[key])
                continue
            metric = report.metric_of("petroivaniuk", key, date, file.label, index)
            if metric is None:
                continue
            if value is None:
                report.skip("null value")
                continue
            count = check_count(value, key, allow_negative=(kind == "correction"))
            if kind == "correction" and count == 0:
                continue
            batch.observations.append(
                ObservationRow(
                    source=INVADERS.slug if metric == "pow" else GENERAL_STAFF.slug,
                    metric=metric,
                    report_date=date,
                    kind=kind,
                    value=count,
                    document_key=file.key,
                    qualifier=qualifier if metric == "personnel" else "exact",
                )
            )
