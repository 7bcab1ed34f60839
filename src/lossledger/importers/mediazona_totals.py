"""Mediazona / BBC News Russian totals as their publishers stated them (shared/data/mediazona-totals).

``totals.csv``: ``date,count,kind,qualifier,increase,increase_days,source_url``; each row is a
total "as of" its date with the cited page as its document.  ``kind`` is ``named_deaths`` (the
list of names) or ``probate_estimate`` (Mediazona/Meduza's statistical estimate): both are
personnel observations of source ``mediazona``, told apart by ``category``.  A stated increase
("1,176 in two weeks") is a second observation of kind ``increase`` with its period.
"""

from __future__ import annotations

import datetime as dt

from ..errors import SchemaError, located
from .base import Batch, DocumentRow, FetchedFile, FileSpec, Importer, ObservationRow, check_count, check_date, read_csv
from .catalog import CURATED, MEDIAZONA

__all__ = ["MediazonaTotals", "cited_document", "check_qualifier"]

KINDS = ("named_deaths", "probate_estimate")
QUALIFIERS = ("exact", "about", "more_than")


def check_qualifier(value: str) -> str:
    q = value.strip()
    if q not in QUALIFIERS:
        raise SchemaError(
            f"unknown qualifier {q!r} (expected {'|'.join(QUALIFIERS)})", code="schema.qualifier", field="qualifier"
        )
    return q


def cited_document(url: str, file: FetchedFile, cited: dict[str, DocumentRow]) -> DocumentRow:
    """The page a curated row cites, recorded once per URL."""
    url = url.strip()
    if not url.startswith(("http://", "https://")):
        raise SchemaError(f"source_url is not an http(s) URL: {url!r:.60}", code="schema.url", field="source_url")
    return cited.setdefault(url, DocumentRow.cited(url, file))


class MediazonaTotals(Importer):
    name = "mediazona-totals"
    folder = "mediazona-totals"
    compilation = CURATED
    sources = (MEDIAZONA,)
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
        for line, row in read_csv(
            file, ("date", "count", "kind", "qualifier", "increase", "increase_days", "source_url")
        ):
            report.read += 1
            with located(file=file.label, line=line):
                date = check_date(row["date"])
                kind = row["kind"].strip()
                if kind not in KINDS:
                    raise SchemaError(
                        f"unknown kind {kind!r} (expected {'|'.join(KINDS)})", code="schema.kind", field="kind"
                    )
                if (kind, date) in seen:
                    raise SchemaError(f"duplicated {kind} on {date} (line {seen[kind, date]})", code="schema.duplicate")
                seen[kind, date] = line
                doc = cited_document(row["source_url"], file, cited)
                base = ObservationRow(
                    source=MEDIAZONA.slug, metric="personnel", report_date=date, kind="total",
                    value=check_count(row["count"], "count"), document_key=doc.key,
                    qualifier=check_qualifier(row["qualifier"]), category=kind,
                )  # fmt: skip
                batch.observations.append(base)
                if row["increase"].strip():
                    days = check_count(row["increase_days"], "increase_days") if row["increase_days"].strip() else None
                    increase = check_count(row["increase"], "increase")
                    batch.observations.append(
                        base._replace(kind="increase", value=increase, qualifier="exact", period_days=days)
                    )
        batch.documents.extend(cited.values())
        return batch
