"""Each side's official acknowledgements of its own losses (shared/data/acknowledged-own-losses).

``totals.csv``: ``date,side,kind,count,qualifier,stated_by,source_url``.  Russia's figures are
source ``russian-mod``, Ukraine's ``ukraine-own``; ``side`` is whose servicemen are counted.
``killed_total``/``wounded_total`` are cumulative totals (category ``killed``/``wounded``);
``incident_killed`` is the toll of one incident (kind ``increase``, category ``incident_killed``).
``stated_by`` is kept as the observation's note.
"""

from __future__ import annotations

import datetime as dt

from .. import registry
from ..model import ObservationRow
from .base import check_count
from .curated import QUALIFIERS, CuratedTotals, check_choice

__all__ = ["AcknowledgedOwnLosses"]

RUSSIAN_MOD = registry.source("russian-mod")
UKRAINE_OWN = registry.source("ukraine-own")

SIDE_SOURCE = {"russia": RUSSIAN_MOD.slug, "ukraine": UKRAINE_OWN.slug}
KINDS = {
    "killed_total": ("killed", "total"),
    "wounded_total": ("wounded", "total"),
    "incident_killed": ("incident_killed", "increase"),
}


class AcknowledgedOwnLosses(CuratedTotals):
    name = "acknowledged-own-losses"
    folder = "acknowledged-own-losses"
    sources = (RUSSIAN_MOD, UKRAINE_OWN)
    columns = ("date", "side", "kind", "count", "qualifier", "stated_by", "source_url")

    def observations(self, row: dict[str, str], date: dt.date) -> tuple[tuple[str, str], str, list[ObservationRow]]:
        side = check_choice(row["side"], SIDE_SOURCE, "side")
        category, kind = KINDS[check_choice(row["kind"], KINDS, "kind")]
        observation = ObservationRow(
            SIDE_SOURCE[side], "personnel", date, kind, check_count(row["count"], "count"), "",
            qualifier=check_choice(row["qualifier"], QUALIFIERS, "qualifier"), side=side, category=category,
            note=row["stated_by"].strip() or None,
        )  # fmt: skip
        return (side, category), f"{side} {category}", [observation]
