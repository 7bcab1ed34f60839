"""russianwarship.rip API v2 pages (../shared/formats/russianwarship-api.md).

Reads saved JSON responses of ``/api/v2/statistics`` (list pages: ``data.records`` + ``paging``)
and of ``/statistics/latest`` or ``/statistics/{date}`` (one record as ``data``).  ``stats`` are
totals, ``increase`` the reported 24-hour increases; each record's ``resource`` (the Facebook
post) is its document.  The API zero-fills lines the statement did not carry (``submarines`` = 0
before 2023-09-14) and freezes ``atgm_srbm_systems`` at 4 after 2022-04-30; such values are
skipped with that reason rather than recorded as General Staff figures.
Upstream, every page of the list endpoint is fetched (``limit=50``, oldest first).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from .. import registry, taxonomy
from ..errors import SchemaError, located
from ..model import Batch, DocumentRow, FetchedFile, ObservationRow
from ..warday import day_of_war
from .base import Importer, check_count, check_date, load_json

__all__ = ["API_BASE", "RussianwarshipApi"]

GENERAL_STAFF = registry.source("general-staff")

API_BASE = "https://russianwarship.rip/api/v2"
SUCCESS = "The data were fetched successfully."


class RussianwarshipApi(Importer):
    name = "russianwarship-api"
    folder = "russianwarship-api"
    compilation = registry.compilation("russianwarship-api")
    sources = (GENERAL_STAFF,)
    files = ()
    patterns = ("*.json",)
    #: pages of at most 50 records (the API's maximum); a bound on how many a sync asks for
    page_size = 50
    max_pages = 200

    def fetch_upstream(self, origin: Any) -> dict[str, FetchedFile]:
        """Every page of ``/statistics`` from the API (``LOSSLEDGER_RUSSIANWARSHIP_API`` or the
        public one), oldest first, until a page comes back short."""
        from ..config import setting

        base = (setting("russianwarship_api") or API_BASE).rstrip("/")
        pages: dict[str, FetchedFile] = {}
        for n in range(self.max_pages):
            offset = n * self.page_size
            name = f"statistics-{offset:06d}.json"
            got = origin.fetch(
                self.folder, name, f"{base}/statistics?offset={offset}&limit={self.page_size}", conditional=False
            )
            if not isinstance(got, FetchedFile):
                break
            pages[name] = got
            if len(self._records(got)) < self.page_size:
                break
        return pages

    def parse(self, files: dict[str, FetchedFile]) -> Batch:
        report = self.new_report(files)
        batch = Batch(self, [f.document() for f in files.values()], [], report)
        seen: dict[tuple[str, str, dt.date], int] = {}
        cited: dict[str, DocumentRow] = {}
        for name in sorted(files):
            file = files[name]
            for index, record in enumerate(self._records(file)):
                with located(file=file.label, line=f"record {index}"):
                    self._record(file, record, seen, cited, batch)
        batch.documents.extend(cited.values())
        return batch

    @staticmethod
    def _records(file: FetchedFile) -> list[Any]:
        body = load_json(file)
        if not isinstance(body, dict) or not isinstance(body.get("data"), dict):
            raise SchemaError(
                "expected {'message', 'data': {...}} (russianwarship.rip v2 response)",
                code="schema.type",
                file=file.label,
            )
        data = body["data"]
        if "records" in data:
            if not isinstance(data["records"], list):
                raise SchemaError("data.records is not an array", code="schema.type", file=file.label)
            return list(data["records"])
        if "stats" in data:
            return [data]
        raise SchemaError("data holds neither records nor a statistics record", code="schema.type", file=file.label)

    def _record(
        self,
        file: FetchedFile,
        record: Any,
        seen: dict[tuple[str, str, dt.date], int],
        cited: dict[str, DocumentRow],
        batch: Batch,
    ) -> None:
        report = batch.report
        report.read += 1
        if not isinstance(record, dict):
            raise SchemaError("record is not an object", code="schema.type")
        date = check_date(record.get("date"))
        day = record.get("day")
        if day is not None and check_count(day, "day") != day_of_war(date):
            report.warn(f"{file.label}: {date}: day {day} != {day_of_war(date)}")
        resource = record.get("resource")
        doc_key = file.key
        if isinstance(resource, str) and resource.strip():
            doc_key = cited.setdefault(resource.strip(), DocumentRow.cited(resource.strip(), file)).key
        for block, kind in (("stats", "total"), ("increase", "increase")):
            values = record.get(block)
            if values is None and kind == "increase":
                continue  # v1-style records carry no increase
            if not isinstance(values, dict):
                raise SchemaError(f"{block} is not an object", code="schema.type", field=block)
            for key, value in values.items():
                self._value(file, date, key, value, kind, doc_key, seen, batch)

    def _value(
        self,
        file: FetchedFile,
        date: dt.date,
        key: str,
        value: Any,
        kind: str,
        doc_key: str,
        seen: dict[tuple[str, str, dt.date], int],
        batch: Batch,
    ) -> None:
        report = batch.report
        try:
            metric = taxonomy.resolve_key("russianwarship", key, date)
        except SchemaError:
            report.skip(f"unknown field {key!r}")
            report.warn(f"{file.label}: {date}: unknown field {key!r} skipped")
            return
        count = check_count(value, key, allow_negative=(kind == "increase"))
        if not taxonomy.metric(metric).reported_on(date):
            report.skip("line not in the statement on that date (API fills or freezes it)")
            return
        cell = (metric, kind, date)
        if cell in seen:
            if seen[cell] != count:
                raise SchemaError(
                    f"{date} {key} ({kind}) given twice with different values: {seen[cell]} and {count}",
                    code="schema.duplicate",
                    field=key,
                )
            report.skip("record repeated on another page")
            return
        seen[cell] = count
        batch.observations.append(
            ObservationRow(
                source=GENERAL_STAFF.slug,
                metric=metric,
                report_date=date,
                kind=kind,
                value=count,
                document_key=doc_key,
                qualifier="about" if metric == "personnel" and kind == "total" else "exact",
            )
        )
