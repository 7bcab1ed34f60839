"""Mediazona / BBC News Russian totals as their publishers stated them (shared/data/mediazona-totals).

``totals.csv``: ``date,count,kind,qualifier,increase,increase_days,source_url``; each row is a
total "as of" its date with the cited page as its document.  ``kind`` is ``named_deaths`` (the
list of names) or ``probate_estimate`` (Mediazona/Meduza's statistical estimate): both are
personnel observations of source ``mediazona``, told apart by ``category``.  A stated increase
("1,176 in two weeks") is a second observation of kind ``increase`` with its period.
"""

from __future__ import annotations

import datetime as dt

from .. import registry
from ..model import ObservationRow
from .base import check_count
from .curated import QUALIFIERS, CuratedTotals, check_choice

__all__ = ["MediazonaTotals"]

MEDIAZONA = registry.source("mediazona")

KINDS = ("named_deaths", "probate_estimate")


class MediazonaTotals(CuratedTotals):
    name = "mediazona-totals"
    folder = "mediazona-totals"
    sources = (MEDIAZONA,)
    columns = ("date", "count", "kind", "qualifier", "increase", "increase_days", "source_url")

    def observations(self, row: dict[str, str], date: dt.date) -> tuple[str, str, list[ObservationRow]]:
        kind = check_choice(row["kind"], KINDS, "kind")
        total = ObservationRow(
            MEDIAZONA.slug, "personnel", date, "total", check_count(row["count"], "count"), "",
            qualifier=check_choice(row["qualifier"], QUALIFIERS, "qualifier"), category=kind,
        )  # fmt: skip
        found = [total]
        if row["increase"].strip():
            days = check_count(row["increase_days"], "increase_days") if row["increase_days"].strip() else None
            increase = check_count(row["increase"], "increase")
            found.append(total._replace(kind="increase", value=increase, qualifier="exact", period_days=days))
        return kind, kind, found
