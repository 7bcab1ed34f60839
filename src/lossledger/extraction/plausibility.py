"""Kinds by size: a General Staff figure too small to be a total is an increase, and the reverse.

Words do not always say whether a figure is a total or a new loss: a list after "за минулу добу"
may be the totals, "Russia lost two tanks" has no cue at all, and a headline "Four tanks and 1,400
more soldiers" carries "more" on one item.  When no cue in the figure's own clause decides, its
size does (magnitudes.py): below half the smallest total of the metric in the month before the
text's era it is a new loss; above any increase the metric had around that era (for the period
the text gives) it is a total.  A cue in the figure's own clause or next to it always wins.

The era is the publication date, else a dated mention in the text, else the month whose totals
hold the text's largest figure that no month's increase could be.
"""

from __future__ import annotations

import datetime as dt

from .dates import INVASION, DateMention
from .figures import Candidate
from .magnitudes import METRICS, Magnitudes, magnitudes
from .model import GENERAL_STAFF
from .periods import period_days

__all__ = ["era_hint", "settle_kinds"]

#: kinds set by these may be overruled by size; a cue in the clause or next to the figure may not
_WEAK = {"default", "sentence", "trailing", "list"}
#: a month or year ("im Mai", "in 2024") is a period or the date a cumulative figure was stated
_DATED = {"period"}
_DAYS = {"D": 1, "W": 7, "M": 31, "Y": 366}


def era_hint(dates: list[DateMention], figs: list[Candidate], published: dt.date | None) -> dt.date | None:
    """A date near the text's figures (see the module docstring), or None."""
    if published is not None:
        return published
    found = [
        day
        for d in dates
        if d.year and d.month
        for day in [d.date() if d.day else dt.date(d.year, d.month, 15)]
        if day is not None and day > INVASION
    ]
    if found:
        return max(found)
    table = magnitudes()
    for metric in METRICS:
        biggest = max((c.num.int_value for c in figs if c.metric == metric and c.reason is None), default=0)
        ceiling = table.largest_increase(metric, None, days=31)  # above it, no month's loss: a total
        if ceiling is not None and biggest > ceiling:
            months = table.months_of_total(metric, biggest)
            if months:
                return months[-1] + dt.timedelta(days=14)
    return None


def _days(period: str | None, era: dt.date | None) -> int:
    days = period_days(period, era, _DAYS)
    if days is None:  # "since January" with no report date: a year at most; no period: a day
        return 366 if period and period.startswith("since:") else 1
    return days


def settle_kinds(
    figs: list[Candidate],
    era: dt.date | None,
    own: dict[int, dt.date] | None = None,
    lists: list[list[Candidate]] | None = None,
) -> None:
    """Overrule weakly cued kinds whose size contradicts them: a total too small (General Staff
    figures only: others count fewer), an increase too big (any source).  ``own`` gives a
    figure's own era (by ``id``) where its sentence names a date.  In a list of totals
    (``lists``) whose other items stay totals, an item too small for one stays one: "21,200 killed, 162
    vehicles, 176 jets, 83 tanks, 1,523 others" is a list of totals with the outlet's typos in
    it (838 tanks), which ``check`` then shows as wrong, not as another count."""
    before = {id(c): (c.kind, c.period, c.kind_by, c.source) for c in figs}
    _settle(figs, era, own or {})
    for group in lists or ():
        moved = [c for c in group if c.kind_by == "size" and before[id(c)][2] != "size" and before[id(c)][0] == "total"]
        if moved and len(group) >= _LIST_KEEPS and len(moved) * 2 < len(group):
            for c in moved:
                c.kind, c.period, c.kind_by, c.source = before[id(c)]


#: the fewest items of a list whose kind outweighs the size of a few of them
_LIST_KEEPS = 4


def _settle(figs: list[Candidate], era: dt.date | None, own: dict[int, dt.date]) -> None:
    table = magnitudes()
    for c in figs:
        fig_era = own.get(id(c), era)
        if c.reason is None and _whole_war(c, fig_era):
            c.kind, c.period = "total", None  # "за два роки" in February 2024: since the invasion
            continue
        if c.reason is None and c.source == GENERAL_STAFF and _absurd(c, fig_era, table):
            continue
        if c.reason is not None or c.metric is None or c.kind_by not in _WEAK | _DATED:
            continue
        if c.source != GENERAL_STAFF and not (c.kind == "increase" and c.kind_by in _DATED):
            continue
        value = c.num.int_value
        if c.kind == "total":
            if fig_era is not None and fig_era <= INVASION + _FIRST_DAYS:
                continue  # the war's first days: a day's loss is most of the total, and tallies came before the first report
            smallest = table.smallest_total(c.metric, fig_era)
            if smallest is not None and value * 2 < smallest:
                c.kind, c.kind_by = "increase", "size"
                _speaker_by_size(c, fig_era, table)
        elif c.kind == "increase":
            largest = table.largest_increase(c.metric, fig_era, _days(c.period, fig_era))
            if largest is None or value <= largest:
                continue
            smallest = table.smallest_total(c.metric, fig_era)
            multi_day = c.period not in (None, "P1D")
            if not (multi_day and smallest is not None and value * 2 < smallest):
                c.kind, c.period, c.kind_by = "total", None, "size"
                _speaker_by_size(c, fig_era, table)
            # a loss over a stated period too small for a total as well ("п'ять літаків" over a
            # winter whose months lost fewer) keeps its kind


#: the war's first days, when news counted losses since the invasion before and besides the
#: General Staff's first report (2022-02-25): no figure is too small to be a total then
_FIRST_DAYS = dt.timedelta(days=3)
#: how close to the invasion a period's start must fall for the period to be the whole war
_WAR_START_SLACK = dt.timedelta(days=14)
#: and for a count of years ("in 3 years of war" in June 2025: the war so far)
_YEARS_SLACK = dt.timedelta(days=183)


def _whole_war(c: Candidate, era: dt.date | None) -> bool:
    """An increase over days, months or years that reach back to the invasion from the text's era
    ("за два роки" in February 2024, "in a year of war" in February 2023, "in the past two
    weeks" on 10 March 2022) is the total since it began; the same words in 2026 are two years'
    losses."""
    if era is None or c.kind != "increase" or not c.period or c.period.startswith("since:") or c.period == "P1D":
        return False
    slack = _WAR_START_SLACK if c.period[-1] == "M" else _YEARS_SLACK if c.period[-1] == "Y" else _FIRST_DAYS
    return era - dt.timedelta(days=_days(c.period, era)) <= INVASION + slack


#: a figure this many times any day's loss of its metric, and below half its smallest total, is
#: no figure of the daily statement
_NEITHER = 5


def _speaker_by_size(c: Candidate, era: dt.date | None, table: Magnitudes) -> None:
    """A General Staff figure, by a speaker named in no sentence of its own, that its size rules
    out as both a day's loss and a total ("Russia lost 325,000 in 2025 alone", "tens of thousands
    of volunteers: 32,100") is someone else's count: an estimate, an outlet's sum, a register's
    breakdown.  Its kind stays what its size makes it."""
    if c.source != GENERAL_STAFF or c.strong_source or c.metric is None:
        return
    largest = table.largest_increase(c.metric, era, 1)
    smallest = table.smallest_total(c.metric, era)
    value = c.num.int_value
    if largest is not None and smallest is not None and _NEITHER * largest < value < smallest / 2:
        c.source = "other"


#: how far beyond the bounds a cued kind must be before its size overrules the cue
_ABSURD = 10
#: a cue at most this many tokens from its figure (and its noun) is bound to it
_NEXT_TO = 2


def _absurd(c: Candidate, era: dt.date | None, table: Magnitudes) -> bool:
    """A General Staff figure whose cued kind its size rules out by far, whatever the cue: "up
    to yesterday 67,940 died" is no day's loss (ten times any day's), "put the total at 710" in
    November 2022 no total (a tenth of the smallest).  It takes the other kind; whether it fits.
    A cue right next to the figure ("6,465 tanks in the past 24 hours") is what the text says,
    and an outlet's error to report: it stands."""
    if c.metric is None or c.kind_gap <= _NEXT_TO or c.kind_by == "near":
        return False
    value = c.num.int_value
    if c.kind == "increase" and c.period in (None, "P1D"):
        largest = table.largest_increase(c.metric, era, 1)
        if largest is not None and value > _ABSURD * largest:
            c.kind, c.period, c.kind_by = "total", None, "size"
            return True
    elif c.kind == "total" and era is not None:
        smallest = table.smallest_total(c.metric, era)
        if smallest is not None and value * _ABSURD < smallest:
            c.kind, c.kind_by = "increase", "size"
            return True
    return False
