"""The russianwarship.rip records, v1 and v2, built from the ledger (shared/formats/russianwarship-api.md).

The keys and the metric each holds on a date come from ``taxonomy.toml``'s
``[keys.russianwarship]`` — the one place aliases live — through :func:`taxonomy.resolve_key`
(``vehicles_fuel_tanks`` is the 'military auto' line before the 2022-05-01 merge).  The whole
table is built once per ledger version from one :meth:`Ledger.points` call (~0.5 s) and each
record is encoded once per flavour; the endpoints then only slice and join bytes.

The two flavours of the upstream API (§2 and its notes):

- **v2**: 15 keys (``submarines`` last), ``war_status`` in every record, list records with
  ``increase``;
- **v1**: keys 1–14 (no ``submarines``), no ``war_status``; a single record has ``increase``
  (E12's raw v1 body of 2022-10-03), a list record has not (the recorded v1 list pages of
  ``SerhiiMiroshnychenko/Losses_of_the_invaders`` · ``data/statistics_step_*.json``).

Which records exist, and so what ``offset`` counts: upstream has no record dated 2022-02-26 —
its list starts 2022-02-25 (day 2), then 2022-02-27 (day 4), 2022-02-28… (the recorded v1 page
at offset 0, whose 50th record is day 52 and whose page at offset 200 ends on 2022-11-02, day
252); docs/api.md lists all the evidence.  The ledger has 2022-02-26 (PetroIvaniuk dates the
24–26 February summary, which upstream dates 2022-02-27, to that day), so the compatible table
leaves it out: offset k is then 2022-02-26 + k days for every k ≥ 1, as clients compute it.

Inferred details [I] and the choice made for each (also in the OpenAPI descriptions):

- ``atgm_srbm_systems`` after its line ended (2022-04-30): the last total, frozen, increase 0 —
  "frozen at 4 afterwards in every sample seen" (§2).  Generally, a discontinued line keeps its
  last total; a line not yet reported (cruise missiles before 2022-05-01, submarines before
  2023-09-14) is 0 — "present (value 0) even in records before" (§2).  Never null (§1).
- ``increase`` the ledger cannot state (the day before was not reported): the change against the
  previous record; on the first record, against zero.
- ``resource``: the statement page the ledger holds for that date (mil.gov.ua, via orc-losses);
  the ledger has no Facebook post ids, so the URL is not the original's.  With no page, the
  General Staff's own URL — the field is a string in every sample, never null.
- ``war_status``: always ``{"code": 1, "alias": "in_progress"}``, the only attested value.
"""

from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from .. import taxonomy
from ..ledger import Ledger
from ..ledger.series import Point
from ..registry import CLAIMS
from ..warday import WAR_START, day_of_war
from .responses import dumps_v2

__all__ = [
    "FLAVOURS",
    "ICON_PATH",
    "SUCCESS",
    "TERMS",
    "UPSTREAM_ABSENT",
    "CompatTable",
    "Flavour",
    "WAR_STATUS",
    "build_table",
    "status_description",
    "term_titles",
    "v2_keys",
    "war_info",
]

#: Compared literally by several clients (§1, E4 E7 E8).
SUCCESS = "The data were fetched successfully."
COMPILATION = "russianwarship"
WAR_STATUS = {"code": 1, "alias": "in_progress"}
#: Where upstream serves its term icons (§6); this server serves icons of its own at the same path.
ICON_PATH = "/images/icons/"
FALLBACK_RESOURCE = "https://www.zsu.gov.ua/"
#: Report dates upstream has no record for, though the ledger has (see the module docstring).
UPSTREAM_ABSENT = frozenset({dt.date(2022, 2, 26)})

#: §6: the API's own titles and icon files.  These are the API's strings, not aliases of metrics,
#: so they live here; ``ua`` for ``submarines`` is not attested and comes from the taxonomy's
#: Ukrainian label ("presumably Підводні човни", §6).
TERMS: dict[str, tuple[str, str | None, str]] = {
    "personnel_units": ("Personnel units", "Особовий склад", "icon-people.svg"),
    "tanks": ("Tanks", "Танки", "icon-tank.svg"),
    "armoured_fighting_vehicles": ("Armoured fighting vehicles", "Бойові броньовані машини", "icon-bbm.svg"),
    "artillery_systems": ("Artillery systems", "Артилерійські системи", "icon-art.svg"),
    "mlrs": ("Multiple Launch Rocket System", "Реактивні системи залпового вогню", "icon-rszv.svg"),
    "aa_warfare_systems": ("Anti-aircraft warfare systems", "Системи протиповітряної оборони", "icon-ppo.svg"),
    "planes": ("Planes", "Літаки", "icon-plane.svg"),
    "helicopters": ("Helicopters", "Гелікоптери", "icon-helicopter.svg"),
    "vehicles_fuel_tanks": ("Vehicles and fuel tanks", "Автомобільна техніка та цистерни з ПММ", "icon-auto.svg"),
    "warships_cutters": ("Warships and cutters", "Військові кораблі та катери", "icon-ship.svg"),
    "cruise_missiles": ("Cruise missiles", "Крилаті ракети", "icon-rocket.svg"),
    "uav_systems": ("Unmanned aerial vehicle systems", "Безпілотні літальні апарати", "icon-bpla.svg"),
    "special_military_equip": ("Special military equipment", "Спец. техніка", "icon-special.svg"),
    "atgm_srbm_systems": (
        "Anti-tank guided missile and short-range ballistic missile systems",
        "Оперативно-тактичні ракетні комплекси та тактичні ракетні комплекси",
        "icon-trk.svg",
    ),
    "submarines": ("Submarines", None, "icon-submarine.svg"),
}

#: §7 [I]: only ``data.description`` is known to exist; these texts are ours.
STATUS_DESCRIPTIONS = {"en": "The war is in progress.", "ua": "Війна триває."}


def v2_keys() -> list[str]:
    """The 15 v2 keys in the API's order, as taxonomy.toml lists them under [keys.russianwarship]."""
    return list(taxonomy.compilation_keys(COMPILATION))


@dataclass(frozen=True)
class Flavour:
    """One version of the upstream API: its keys and what its records carry."""

    version: str
    keys: tuple[str, ...]
    war_status: bool
    list_increase: bool

    @property
    def prefix(self) -> str:
        return f"/api/{self.version}"


#: §2 notes: v1 has keys 1–14 and no ``war_status``; v2 adds ``submarines`` and ``war_status``.
FLAVOURS = {
    "v1": Flavour("v1", tuple(k for k in v2_keys() if k != "submarines"), war_status=False, list_increase=False),
    "v2": Flavour("v2", tuple(v2_keys()), war_status=True, list_increase=True),
}


def term_titles(lang: str, keys: tuple[str, ...], base_url: str = "") -> dict[str, dict[str, str]]:
    """``{key: {"title", "icon"}}`` for ``lang`` in ``en``/``ua``, in key order.

    Icons point at this server (``base_url``, the configured public URL, or a relative path):
    it serves icons of its own at upstream's paths, so a client showing them needs no other host.
    """
    out = {}
    for key in keys:
        en, ua, icon = TERMS[key]
        title = en if lang == "en" else (ua or taxonomy.label(taxonomy.resolve_key(COMPILATION, key), "uk"))
        out[key] = {"title": title, "icon": f"{base_url}{ICON_PATH}{icon}"}
    return out


def status_description(lang: str) -> dict[str, Any]:
    return {**WAR_STATUS, "description": STATUS_DESCRIPTIONS[lang]}


def war_info(current: str) -> dict[str, Any]:
    """``/war-info``'s data for the latest report date ``current``.

    Keys and order as recorded from upstream (``dahakayuriy/home_work_bt`` · ``war-info.json``:
    ``date_start``, ``date_end`` null, ``current_day``, ``current_date``, ``war_status``).
    """
    return {"date_start": WAR_START.isoformat(), "date_end": None,
            "current_day": day_of_war(dt.date.fromisoformat(current)), "current_date": current,
            "war_status": dict(WAR_STATUS)}  # fmt: skip


@dataclass
class CompatTable:
    """Every record upstream would hold, oldest first, kept only as encoded JSON per flavour (bytes
    hold no references, so ~1,600 records add nothing to the garbage collector's work)."""

    dates: list[str]
    index: dict[str, int]
    #: flavour version → encoded single record (``/statistics/{date}``, ``latest``)
    single: dict[str, list[bytes]] = field(default_factory=dict)
    #: flavour version → encoded list record (``/statistics``)
    listed: dict[str, list[bytes]] = field(default_factory=dict)

    def span(self, date_from: str | None, date_to: str | None) -> tuple[int, int]:
        """Positions [lo, hi) of the records within [date_from, date_to] (ISO strings sort as dates)."""
        lo = bisect.bisect_left(self.dates, date_from) if date_from else 0
        hi = bisect.bisect_right(self.dates, date_to) if date_to else len(self.dates)
        return lo, max(lo, hi)

    def body(self, version: str, position: int) -> bytes:
        """The full response of one date: ``{"message": ..., "data": record}``."""
        return b'{"message":' + dumps_v2(SUCCESS) + b',"data":' + self.single[version][position] + b"}"


def _resource(points: list[Point], uris: dict[int, str]) -> str:
    for doc_id in sorted({d for p in points for d in p.document_ids}):
        uri = uris.get(doc_id, "")
        if uri.startswith(("https://", "http://")):
            return uri
    return FALLBACK_RESOURCE


def _value(
    metric: str, date: dt.date, points: dict[str, dict[dt.date, Point]], last: dict[str, int]
) -> tuple[int, int | None]:
    point = points.get(metric, {}).get(date)
    if point is not None and point.total is not None:
        last[metric] = point.total
        return point.total, point.increase
    info = taxonomy.metrics().get(metric)
    if info is not None and info.until is not None and date > info.until and metric in last:
        return last[metric], 0  # a discontinued line stays frozen at its last total [I]
    return 0, None


def _encode(record: dict[str, Any], stats: dict[str, int], increase: dict[str, int], table: CompatTable) -> None:
    for flavour in FLAVOURS.values():
        head: dict[str, Any] = dict(record)
        if flavour.war_status:
            head["war_status"] = dict(WAR_STATUS)
        head["stats"] = {k: stats[k] for k in flavour.keys}
        listed = dumps_v2(head)
        head["increase"] = {k: increase[k] for k in flavour.keys}
        single = dumps_v2(head)
        table.single.setdefault(flavour.version, []).append(single)
        table.listed.setdefault(flavour.version, []).append(single if flavour.list_increase else listed)


def build_table(ledger: Ledger) -> CompatTable:
    """All General Staff report dates upstream would hold, as v1 and v2 records, oldest first
    (offset 0 = the oldest, §5; no record for :data:`UPSTREAM_ABSENT`)."""
    points = ledger.points(source=CLAIMS)
    dates = sorted({d for by_date in points.values() for d, p in by_date.items() if p.total is not None})
    dates = [d for d in dates if d not in UPSTREAM_ABSENT]
    doc_ids = sorted({i for by_date in points.values() for p in by_date.values() for i in p.document_ids})
    uris = {d.id: d.uri for d in ledger.documents(doc_ids)}
    keys = v2_keys()
    last: dict[str, int] = {}
    previous: dict[str, int] | None = None
    iso = [d.isoformat() for d in dates]
    table = CompatTable(iso, {d: i for i, d in enumerate(iso)})
    for date in dates:
        stats: dict[str, int] = {}
        increase: dict[str, int] = {}
        for key in keys:
            total, inc = _value(taxonomy.resolve_key(COMPILATION, key, date), date, points, last)
            stats[key] = total
            increase[key] = inc if inc is not None else total - (previous[key] if previous else 0)
        day_points = [by_date[date] for by_date in points.values() if date in by_date]
        record = {"date": date.isoformat(), "day": day_of_war(date), "resource": _resource(day_points, uris)}
        _encode(record, stats, increase, table)
        previous = stats
    return table
