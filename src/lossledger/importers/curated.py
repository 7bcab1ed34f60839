"""Curated CSVs of dated totals, each row citing the page that stated it.

Three folders of shared/data have this shape — ``mediazona-totals``, ``oryx-totals`` and
``acknowledged-own-losses``: a ``totals.csv`` (with ``date`` and ``source_url`` columns) and a
README.  Each row becomes one or two observations of the ``lossledger-curated`` compilation whose
document is the cited page.  A subclass says which columns it needs and what a row means
(:meth:`CuratedTotals.observations`); reading, locating errors, refusing duplicates and recording
the cited pages are shared here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Hashable, Iterable, Sequence

from .. import registry
from ..errors import SchemaError, located
from ..model import Batch, DocumentRow, FetchedFile, FileSpec, ObservationRow
from .base import Importer, check_date, read_csv

__all__ = ["QUALIFIERS", "CuratedTotals", "check_choice", "cited_document"]

CURATED = registry.compilation("lossledger-curated")

QUALIFIERS = ("exact", "about", "more_than")


def check_choice(value: str, allowed: Iterable[str], field: str) -> str:
    """``value`` stripped, if it is one of ``allowed``; :class:`SchemaError` (``schema.<field>``) otherwise."""
    text = value.strip()
    allowed = tuple(allowed)
    if text not in allowed:
        raise SchemaError(
            f"unknown {field} {text!r} (expected {'|'.join(allowed)})", code=f"schema.{field}", field=field
        )
    return text


def cited_document(url: str, file: FetchedFile, cited: dict[str, DocumentRow]) -> DocumentRow:
    """The page a curated row cites, recorded once per URL."""
    url = url.strip()
    if not url.startswith(("http://", "https://")):
        raise SchemaError(f"source_url is not an http(s) URL: {url!r:.60}", code="schema.url", field="source_url")
    return cited.setdefault(url, DocumentRow.cited(url, file))


class CuratedTotals(Importer):
    """An importer of one folder's ``totals.csv``; subclasses set ``columns`` and ``observations``."""

    compilation = CURATED
    files = (
        FileSpec("totals.csv", None, media_type="text/csv"),
        FileSpec("README.md", None, required=False, media_type="text/markdown"),
    )
    #: the columns a row must have (``date`` and ``source_url`` among them)
    columns: Sequence[str] = ("date", "source_url")

    def observations(self, row: dict[str, str], date: dt.date) -> tuple[Hashable, str, list[ObservationRow]]:
        """What one row states: (its identity on its date, that identity in words, its observations
        with an empty ``document_key``).  Raises :class:`SchemaError` for a bad cell."""
        raise NotImplementedError

    def parse(self, files: dict[str, FetchedFile]) -> Batch:
        file = files["totals.csv"]
        report = self.new_report(files)
        batch = Batch(self, [f.document() for f in files.values()], [], report)
        cited: dict[str, DocumentRow] = {}
        seen: dict[tuple[Hashable, dt.date], int] = {}
        for line, row in read_csv(file, self.columns):
            report.read += 1
            with located(file=file.label, line=line):
                date = check_date(row["date"])
                identity, label, observations = self.observations(row, date)
                if (identity, date) in seen:
                    raise SchemaError(
                        f"duplicated {label} on {date} (line {seen[identity, date]})", code="schema.duplicate"
                    )
                seen[identity, date] = line
                doc = cited_document(row["source_url"], file, cited)
                batch.observations.extend(o._replace(document_key=doc.key) for o in observations)
        batch.documents.extend(cited.values())
        return batch
