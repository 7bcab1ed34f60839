"""Each side's official acknowledgements of its own losses (shared/data/acknowledged-own-losses).

``totals.csv``: ``date,side,kind,count,qualifier,stated_by,source_url``.  Russia's figures are
source ``russian-mod``, Ukraine's ``ukraine-own``; ``side`` is whose servicemen are counted.
``killed_total``/``wounded_total`` are cumulative totals (category ``killed``/``wounded``);
``incident_killed`` is the toll of one incident (kind ``increase``, category ``incident_killed``).
``stated_by`` is kept as the observation's note.
"""

from __future__ import annotations

import datetime as dt

from ..errors import SchemaError, located
from .base import Batch, DocumentRow, FetchedFile, FileSpec, Importer, ObservationRow, check_count, check_date, read_csv
from .catalog import CURATED, RUSSIAN_MOD, UKRAINE_OWN
from .mediazona_totals import check_qualifier, cited_document

__all__ = ["AcknowledgedOwnLosses"]

SIDE_SOURCE = {"russia": RUSSIAN_MOD.slug, "ukraine": UKRAINE_OWN.slug}
KINDS = {
    "killed_total": ("killed", "total"),
    "wounded_total": ("wounded", "total"),
    "incident_killed": ("incident_killed", "increase"),
}


class AcknowledgedOwnLosses(Importer):
    name = "acknowledged-own-losses"
    folder = "acknowledged-own-losses"
    compilation = CURATED
    sources = (RUSSIAN_MOD, UKRAINE_OWN)
    files = (
        FileSpec("totals.csv", None, media_type="text/csv"),
        FileSpec("README.md", None, required=False, media_type="text/markdown"),
    )

    def parse(self, files: dict[str, FetchedFile]) -> Batch:
        file = files["totals.csv"]
        report = self.new_report(files)
        batch = Batch(self, [f.document() for f in files.values()], [], report)
        cited: dict[str, DocumentRow] = {}
        seen: dict[tuple[str, str, dt.date], int] = {}
        for line, row in read_csv(file, ("date", "side", "kind", "count", "qualifier", "stated_by", "source_url")):
            report.read += 1
            with located(file=file.label, line=line):
                date = check_date(row["date"])
                side = row["side"].strip()
                if side not in SIDE_SOURCE:
                    raise SchemaError(
                        f"unknown side {side!r} (expected russia|ukraine)", code="schema.side", field="side"
                    )
                if row["kind"].strip() not in KINDS:
                    raise SchemaError(
                        f"unknown kind {row['kind'].strip()!r} (expected {'|'.join(KINDS)})",
                        code="schema.kind",
                        field="kind",
                    )
                category, kind = KINDS[row["kind"].strip()]
                if (side, category, date) in seen:
                    raise SchemaError(
                        f"duplicated {side} {category} on {date} (line {seen[side, category, date]})",
                        code="schema.duplicate",
                    )
                seen[side, category, date] = line
                doc = cited_document(row["source_url"], file, cited)
                batch.observations.append(
                    ObservationRow(
                        source=SIDE_SOURCE[side],
                        metric="personnel",
                        report_date=date,
                        kind=kind,
                        value=check_count(row["count"], "count"),
                        qualifier=check_qualifier(row["qualifier"]),
                        document_key=doc.key,
                        side=side,
                        category=category,
                        note=row["stated_by"].strip() or None,
                    )
                )
        batch.documents.extend(cited.values())
        return batch
