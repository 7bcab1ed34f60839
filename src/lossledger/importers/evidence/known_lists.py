"""The lists lossledger keeps as records, and who publishes them.

A list is one publisher's registry of confirmed items.  Its counts become observations of the
list's own source (kind ``evidence``), transcribed by the ``lossledger-records`` compilation:
lossledger counted them, record by record, by each record's date.  Oryx's per-item list gets a
source of its own (``oryx-items``) so that its counts never mix with the daily counts Oryx's
scrape publishes for source ``oryx`` (different cells, no reconciliation between them).
"""

from __future__ import annotations

from dataclasses import dataclass

from ... import registry
from ...errors import NotFound
from ...model import SourceInfo

__all__ = [
    "LISTS",
    "LOSSLEDGER_RECORDS",
    "ORYX_ITEMS",
    "ORYX_LIST",
    "RU_FATALITIES",
    "RU_FATALITIES_LIST",
    "ListInfo",
    "list_info",
]

LOSSLEDGER_RECORDS = registry.compilation("lossledger-records")

RU_FATALITIES = registry.source("ru-fatalities")

ORYX_ITEMS = registry.source("oryx-items")


@dataclass(frozen=True)
class ListInfo:
    """A records list: its slug (as the CLI names it), kind, and the source of its counts."""

    slug: str
    name: str
    kind: str  # person | equipment
    source: SourceInfo
    description: str = ""


RU_FATALITIES_LIST = ListInfo(
    slug="ru-fatalities",
    name="Russian military fatalities confirmed by name (Bessudnov 2023, anonymised)",
    kind="person",
    source=RU_FATALITIES,
    description="ru-fatalities-bessudnov/fatalities_anonymised.csv: birth year, age, region, unit type, date, archived links.",
)
ORYX_LIST = ListInfo(
    slug="oryx",
    name="Oryx: equipment losses confirmed by photo or video (scarnecchia scrape, per item)",
    kind="equipment",
    source=ORYX_ITEMS,
    description="oryx-scarnecchia/event_*.csv: one row per item and status, with its photo URL.",
)

LISTS = {info.slug: info for info in (RU_FATALITIES_LIST, ORYX_LIST)}


def list_info(slug: str) -> ListInfo:
    """The list called ``slug``; :class:`NotFound` for an unknown one."""
    try:
        return LISTS[slug]
    except KeyError:
        raise NotFound(f"unknown records list {slug!r}; known: {', '.join(LISTS)}", code="records.list") from None
