"""Implausible totals: values a transcription most likely got wrong, flagged with the rule that fired.

A cumulative total is compared with the previous plausible total of the same compilation's series:

* ``tenfold-jump`` — it is ten times that total or more, within a month of it;
* ``fell``         — it is lower, and no correction is recorded for that day (PetroIvaniuk's
                     corrections file records the days the General Staff revised counts down);
* ``daily-bound``  — a General Staff total grew more a day than the metric's ``max_daily``
                     (taxonomy.toml: orc-losses' pull-request bounds).

Oryx's totals are exempt: they are sums of a change log whose equipment types appear over time
(all equipment went from 100 to 1,041 on 2022-03-29 as types were added) and whose items are
re-classified and removed, so they may jump and fall.

A value flagged for its size (a jump, a growth over the bound) or a dip the next total climbs
back from is an outlier: the next value is compared with the total before it, so a single wrong
value is one flag, not two.  A fall that stays is the series' new level after its flag.  Pure Python over the
per-compilation totals :func:`~lossledger.ledger.points.build_points` sums; ``sync`` warns about
the flags of the values it wrote, ``show``/``conflicts`` list them, ``check`` says when the value
it compared with is one.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from .. import taxonomy
from ..registry import BOUNDED, EXEMPT

__all__ = ["Flag", "JUMP_FACTOR", "JUMP_WITHIN_DAYS", "RULES", "flag_totals"]

RULES = ("tenfold-jump", "fell", "daily-bound")
JUMP_FACTOR = 10
#: Sparse series (a side's acknowledged losses, years apart) grow tenfold legitimately.
JUMP_WITHIN_DAYS = 31


@dataclass(frozen=True)
class Flag:
    """One implausible value of one compilation, and why."""

    compilation: str
    value: int
    rule: str
    detail: str

    def to_dict(self) -> dict[str, Any]:
        return {"compilation": self.compilation, "value": self.value, "rule": self.rule, "detail": self.detail}


def _bound(metric: str, source: str | None) -> int | None:
    known = taxonomy.metrics().get(metric)
    return known.max_daily if known and source in BOUNDED else None


def _rules(
    source: str | None,
    bound: int | None,
    before: tuple[dt.date, int],
    date: dt.date,
    value: int,
    correction: int | None,
) -> list[tuple[str, str]]:
    (last_date, last), days = before, (date - before[0]).days
    fired: list[tuple[str, str]] = []
    if value < last and correction is None:
        fired.append(("fell", f"{value:,} is below the {last:,} of {last_date}, with no correction recorded"))
    if last > 0 and value >= JUMP_FACTOR * last and days <= JUMP_WITHIN_DAYS:
        fired.append(("tenfold-jump", f"{value:,} is {value / last:.0f}× the {last:,} of {last_date}"))
    growth = value - last - (correction or 0)
    if bound is not None and growth > bound * days:
        per = "" if days == 1 else f" over {days} days"
        fired.append(("daily-bound", f"+{growth:,} since {last_date}{per}; at most {bound:,} a day is plausible"))
    return fired


def _outlier(rules: list[tuple[str, str]], last: int, following: int | None) -> bool:
    """Flagged for its size, or a dip the next total climbs back from: the next value is compared
    with the total before this one.  Otherwise (a small fall that stays) it is the new level."""
    if any(r in ("tenfold-jump", "daily-bound") for r, _ in rules):
        return True
    return following is not None and following >= last


def flag_totals(
    totals: Iterable[tuple[str, str, dt.date, int]],
    corrections: Mapping[tuple[str, dt.date], int] | None = None,
    *,
    source: str | None = None,
) -> dict[tuple[str, dt.date], list[Flag]]:
    """Flags by (metric, date) of ``totals`` — (compilation, metric, date, value) of one source's
    cumulative totals — given the corrections recorded by (metric, date)."""
    series: dict[tuple[str, str], list[tuple[dt.date, int]]] = defaultdict(list)
    for comp, metric, date, value in totals:
        series[(comp, metric)].append((date, value))
    if source in EXEMPT:
        return {}
    corrections = corrections or {}
    out: dict[tuple[str, dt.date], list[Flag]] = defaultdict(list)
    for (comp, metric), points in series.items():
        points.sort()
        bound = _bound(metric, source)
        base = points[0]
        for i in range(1, len(points)):
            date, value = points[i]
            last = base[1]
            # the common case first (a full series is 40k values): grew, within every bound
            if last <= value < JUMP_FACTOR * last and (bound is None or value - last <= bound * (date - base[0]).days):
                base = (date, value)
                continue
            rules = _rules(source, bound, base, date, value, corrections.get((metric, date)))
            if rules:
                out[(metric, date)].extend(Flag(comp, value, rule, detail) for rule, detail in rules)
            following = points[i + 1][1] if i + 1 < len(points) else None
            if not rules or not _outlier(rules, last, following):
                base = (date, value)
    return dict(out)
