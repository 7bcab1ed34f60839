"""Oryx totals as news pages quoted them (shared/data/oryx-totals): ``date,metric,count,source_url``.

Metrics are ``all_equipment`` and ``tanks``; each row's document is the cited page.  The daily
scrape (oryx-scarnecchia) is a different compilation of the same source, so the two can be
compared.
"""

from __future__ import annotations

import datetime as dt

from .. import taxonomy
from ..errors import NotFound, SchemaError, located
from .base import Batch, DocumentRow, FetchedFile, FileSpec, Importer, ObservationRow, check_count, check_date, read_csv
from .catalog import CURATED, ORYX
from .mediazona_totals import cited_document

__all__ = ["OryxTotals"]


class OryxTotals(Importer):
    name = "oryx-totals"
    folder = "oryx-totals"
    compilation = CURATED
    sources = (ORYX,)
    files = (
        FileSpec("totals.csv", None, media_type="text/csv"),
        FileSpec("README.md", None, required=False, media_type="text/markdown"),
    )

    def parse(self, files: dict[str, FetchedFile]) -> Batch:
        file = files["totals.csv"]
        report = self.new_report(files)
        batch = Batch(self, [f.document() for f in files.values()], [], report)
        cited: dict[str, DocumentRow] = {}
        seen: dict[tuple[str, dt.date], int] = {}
        for line, row in read_csv(file, ("date", "metric", "count", "source_url")):
            report.read += 1
            with located(file=file.label, line=line):
                date = check_date(row["date"])
                metric = row["metric"].strip()
                try:
                    taxonomy.metric(metric)
                except NotFound:
                    raise SchemaError(f"unknown metric {metric!r}", code="schema.metric", field="metric") from None
                if (metric, date) in seen:
                    raise SchemaError(
                        f"duplicated {metric} on {date} (line {seen[metric, date]})", code="schema.duplicate"
                    )
                seen[metric, date] = line
                doc = cited_document(row["source_url"], file, cited)
                batch.observations.append(
                    ObservationRow(
                        source=ORYX.slug,
                        metric=metric,
                        report_date=date,
                        kind="total",
                        value=check_count(row["count"], metric),
                        document_key=doc.key,
                    )
                )
        batch.documents.extend(cited.values())
        return batch
