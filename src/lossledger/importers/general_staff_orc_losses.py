"""orc-losses' transcription of the General Staff statement (lod-db/orc-losses).

``russian-losses.json``: one record per reported day, newest first, each with the
``sourceUri`` of the Ministry of Defence page it was read from — kept as that day's document
(a cited page whose parent is the JSON file).  Days the compilation skipped stay gaps.
Field names map to metrics through ``[keys.orc-losses]`` in taxonomy.toml.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from .. import registry
from ..errors import SchemaError, located
from ..model import Batch, DocumentRow, FetchedFile, FileSpec, ObservationRow
from .base import Importer, check_count, check_daily_record, load_json_array

__all__ = ["OrcLosses"]

GENERAL_STAFF = registry.source("general-staff")

LOSSES = "russian-losses.json"
_META = {"date", "sourceUri"}


class OrcLosses(Importer):
    name = "general-staff-orc-losses"
    folder = "general-staff-orc-losses"
    compilation = registry.compilation("orc-losses")
    sources = (GENERAL_STAFF,)
    files = (
        FileSpec(LOSSES, "https://raw.githubusercontent.com/lod-db/orc-losses/main/russian-losses.json"),
        FileSpec("russian-losses.en.schema.json", None, required=False),
    )

    def parse(self, files: dict[str, FetchedFile]) -> Batch:
        file = files[LOSSES]
        report = self.new_report(files)
        batch = Batch(self, [f.document() for f in files.values()], [], report)
        data = load_json_array(file)
        seen: dict[dt.date, int] = {}
        cited: dict[str, DocumentRow] = {}
        for index, record in enumerate(data):
            with located(file=file.label, line=f"record {index}"):
                self._record(file, record, index, seen, cited, batch)
        batch.documents.extend(cited.values())
        return batch

    def _record(
        self,
        file: FetchedFile,
        record: Any,
        index: int,
        seen: dict[dt.date, int],
        cited: dict[str, DocumentRow],
        batch: Batch,
    ) -> None:
        report = batch.report
        report.read += 1
        date = check_daily_record(record, index, seen)
        uri = record.get("sourceUri")
        if not isinstance(uri, str) or not uri.strip():
            raise SchemaError("missing sourceUri", code="schema.missing", field="sourceUri")
        uri = uri.strip()
        doc = cited.setdefault(uri, DocumentRow.cited(uri, file))
        for key, value in record.items():
            if key in _META:
                continue
            metric = report.metric_of("orc-losses", key, date, file.label, index)
            if metric is None:
                continue
            if value is None:
                report.skip("null value (line not transcribed that day)")
                continue
            count = check_count(value, key)
            batch.observations.append(
                ObservationRow(
                    source=GENERAL_STAFF.slug,
                    metric=metric,
                    report_date=date,
                    kind="total",
                    value=count,
                    document_key=doc.key,
                    qualifier="about" if metric == "personnel" else "exact",
                )
            )
