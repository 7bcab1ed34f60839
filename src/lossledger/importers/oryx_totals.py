"""Oryx totals as news pages quoted them (shared/data/oryx-totals): ``date,metric,count,source_url``.

Metrics are ``all_equipment`` and ``tanks``; each row's document is the cited page.  The daily
scrape (oryx-scarnecchia) is a different compilation of the same source, so the two can be
compared.
"""

from __future__ import annotations

import datetime as dt

from .. import registry, taxonomy
from ..errors import NotFound, SchemaError
from ..model import ObservationRow
from .base import check_count
from .curated import CuratedTotals

__all__ = ["OryxTotals"]

ORYX = registry.source("oryx")


class OryxTotals(CuratedTotals):
    name = "oryx-totals"
    folder = "oryx-totals"
    sources = (ORYX,)
    columns = ("date", "metric", "count", "source_url")

    def observations(self, row: dict[str, str], date: dt.date) -> tuple[str, str, list[ObservationRow]]:
        metric = row["metric"].strip()
        try:
            taxonomy.metric(metric)
        except NotFound:
            raise SchemaError(f"unknown metric {metric!r}", code="schema.metric", field="metric") from None
        value = check_count(row["count"], metric)
        return metric, metric, [ObservationRow(ORYX.slug, metric, date, "total", value, "")]
