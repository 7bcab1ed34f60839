"""Which report an article quotes, found by its figures alone.

Every General Staff claim of an article — (metric, kind, value) — is looked up among the values
each compilation gives for every report date: totals, stated increases, and increases derived
per compilation by the ledger's own rules (ledger/points.py: ``derive_increase``, and
``bridged_dates`` for vehicles before the 2022-05-01 merge as military auto + fuel tanks).  A date scores the sum of the weights of the claims it matches;
a claim's weight is its specificity, ``log((N + 1) / (n + 1))`` for a value found on n of the N
report dates — "tanks 6465" names one day, "+0 aircraft" hundreds — halved for "about"/"more
than" figures, which match a range, and lowered by 1 % where only a transcription that the
reconciliation overruled holds the value (so of two reports that fit equally, the one whose
reconciled figures the text quotes wins).  So the date is found when the article never states it,
states it wrongly, or is in a language we read poorly.
"""

from __future__ import annotations

import bisect
import datetime as dt
import heapq
import math
from array import array
from collections import defaultdict
from dataclasses import dataclass, replace
from typing import Any

from .. import derived, registry
from ..extraction.model import Claim
from ..extraction.numbers import trailing_zeros
from ..extraction.periods import calendar_days
from ..extraction.periods import period_days as _period_days
from ..ledger.points import bridged_dates, derive_increase
from .view import LedgerView

__all__ = ["Fingerprint", "FingerprintIndex", "approximate_range", "latest_report", "period_days", "round_figure"]

GENERAL_STAFF = registry.CLAIMS  # the source whose reports a text is fingerprinted against
#: the weight kept by a figure that only an overruled transcription's value makes true
OVERRULED = 0.99
#: the most a report that only rounded figures fit can be trusted: estimates round too
_ROUNDED_ONLY = 0.45
#: a day's increases are news on that day: a report this many days before the text's publication
#: that only increases fit (no total) is a coincidence of small numbers more often than a quote
#: (a front sector's day, an air force's night); its confidence is capped at _ROUNDED_ONLY
_INCREASES_NEWS_DAYS = 7
#: a figure below this is written in text for so many reasons ("three drones shot down") that
#: small figures alone are no sure date, however few reports they fit (the war's first totals)
_SMALL = 10
#: an exact figure this large written with three zeros or more may be the outlet's rounding
_ROUND_FROM = 10_000
#: the smallest rise over a period that dates a report (stated exactly, not ending in "00"):
#: smaller or rounded sums recur by chance
_PERIOD_FROM = 1_000
#: how many bands a rounded figure's range is cut into when reports that fit equally are ranked
#: by closeness: reports a few days apart share a band, and the other figures decide between them
BANDS = 10


def latest_report(published: str | dt.date | None) -> dt.date | None:
    """The last report a text published on ``published`` can quote: that day's, or the next
    day's where the outlet's clock runs ahead of Kyiv's; None when the date is unknown."""
    if published is None:
        return None
    try:
        day = published if isinstance(published, dt.date) else dt.date.fromisoformat(str(published)[:10])
    except ValueError:
        return None
    return day + dt.timedelta(days=1)


def approximate_range(claim: Claim) -> tuple[int, int]:
    """The values a claim is true for: exact → itself; "more than V" → (V, V + step]; "about V"
    → V ± step/2, where step is the granularity the figure is written in: its stated precision
    ("1.2 million" → 100,000) or its run of trailing zeros ("more than 3000" → 1000), at most V."""
    value = claim.value
    if claim.qualifier == "exact":
        return value, value
    step = max(1, min(max(claim.precision or 1, 10 ** trailing_zeros(value)), value or 1))
    if claim.qualifier == "more_than":
        return value, value + step
    return value - step // 2, value + step // 2


#: days per letter of a stated period, for judging with no report date (months and years are
#: counted on the calendar back from the report: ``calendar_days``)
_JUDGED_DAYS = {"D": 1, "W": 7, "M": 30}


def period_days(claim: Claim, when: dt.date | None = None) -> int:
    """Days an increase covers: its stated period ("P7D", "P2W"; "P1M", "P1Y" back on the
    calendar from the report ``when``: "in November" on the report of 1 December is the 30 days
    since 1 November, "in December" on that of 1 January the 31 since 1 December), the days from
    its start to ``when`` ("since:2025-01-01": the report's total less that day's), else one day."""
    days = calendar_days(claim.period, when) or _period_days(claim.period, when, _JUDGED_DAYS)
    return 1 if days is None else days


def round_sum(value: int) -> bool:
    """A sum written with two zeros or more at its end ("about 300,000 this year", "over 7,700"):
    the rise of many reports could be it, so it dates none."""
    return trailing_zeros(value) >= 2


def round_figure(claim: Claim) -> bool:
    """A large figure written with a run of zeros and no qualifier ("570 000 Russian soldiers
    eliminated"): where no report holds it exactly it is the outlet's rounding."""
    return claim.qualifier == "exact" and claim.value >= _ROUND_FROM and trailing_zeros(claim.value) >= 3


@dataclass
class Fingerprint:
    """The best report date for an article's General Staff figures, with the evidence."""

    date: dt.date | None
    confidence: float
    score: float = 0.0
    runner_up: dt.date | None = None
    runner_up_score: float = 0.0
    matched: int = 0
    claims: int = 0
    #: the date rests on a coincidence more likely than a quote: small figures only, or only a
    #: day's increases weeks before the text (its confidence is capped at _ROUNDED_ONLY)
    coincidence: bool = False

    def to_dict(self) -> dict[str, object]:
        return {
            "date": self.date.isoformat() if self.date else None,
            "confidence": round(self.confidence, 3),
            "score": round(self.score, 2),
            "runner_up": {"date": self.runner_up.isoformat(), "score": round(self.runner_up_score, 2)}
            if self.runner_up
            else None,
            "matched_claims": self.matched,
            "claims": self.claims,
        }


class FingerprintIndex:
    """For every (metric, kind): the sorted values of every compilation's figures, with their dates
    and whether the reconciled figure of that date has the value (1) or only an overruled one (0).

    Built from every General Staff observation (~0.1 s); kept in memory per ledger version and
    on disk (lossledger/derived.py), as plain arrays that load in
    milliseconds, so a command-line check does not rebuild it.  The cache key is the ledger's
    URL and version (newest sync, newest observation, count of current observations).
    """

    def __init__(self, pairs: dict[tuple[str, str], tuple[array[int], array[int], array[int]]], n_dates: int) -> None:
        self.pairs = pairs
        self.n_dates = n_dates
        self._totals: dict[str, dict[int, int]] = {}  # reconciled totals by date ordinal, per metric

    @classmethod
    def build(cls, view: LedgerView) -> FingerprintIndex:
        values: dict[tuple[str, str], set[tuple[int, int]]] = defaultdict(set)
        totals: dict[str, dict[str, dict[dt.date, int]]] = defaultdict(lambda: defaultdict(dict))
        corrections: dict[tuple[str, dt.date], int] = {}
        dates: set[dt.date] = set()
        for row in view.raw(GENERAL_STAFF):
            metric, date, value = row.metric, row.report_date, row.value
            dates.add(date)
            if row.kind == "correction":
                corrections[(metric, date)] = value
                continue
            values[(metric, row.kind)].add((value, date.toordinal()))
            if row.kind == "total":
                totals[row.compilation][metric][date] = value
        for lines in totals.values():
            for metric, date, parts in bridged_dates(lines, lambda _v: True):
                lines[metric][date] = sum(parts)
            for metric, by_date in lines.items():
                for date, total in by_date.items():
                    values[(metric, "total")].add((total, date.toordinal()))
                    increase = derive_increase(by_date, date, corrections.get((metric, date)))
                    if increase is not None:
                        values[(metric, "increase")].add((increase, date.toordinal()))
        reconciled = {
            (metric, kind, value, date.toordinal())
            for metric, by_date in view.points(GENERAL_STAFF).items()
            for date, p in by_date.items()
            for kind, value in (("total", p.total), ("increase", p.increase))
            if value is not None
        }
        pairs = {}
        for (metric, kind), found in values.items():
            ordered = sorted(found)
            pairs[(metric, kind)] = (
                array("q", [v for v, _d in ordered]),
                array("l", [d for _v, d in ordered]),
                array("b", [(metric, kind, v, d) in reconciled for v, d in ordered]),
            )
        return cls(pairs, len(dates))

    @classmethod
    def load(cls, view: LedgerView) -> FingerprintIndex:
        """The index of ``view``'s ledger: from memory, from the disk cache, or built (and cached)."""
        key = (view.url, view.version)
        index = _MEMORY.get(key)
        if index is not None:
            return index
        name = f"fingerprint:{view.url}"
        stored = derived.load(name, view.version)
        if stored is not None:
            index = cls(*stored)
        else:
            index = cls.build(view)
            derived.store(name, view.version, (index.pairs, index.n_dates))
        _MEMORY.clear()
        _MEMORY[key] = index
        return index

    def adopt(self, view: LedgerView) -> None:
        """Serve this index for ``view``: a copy of the ledger it was built from (a bulk worker's
        shipped SQLite file), so the worker need not build it again."""
        _MEMORY.clear()
        _MEMORY[(view.url, view.version)] = self

    def _matching(self, claim: Claim) -> tuple[array[int], array[int], array[int]]:
        """(values, date ordinals, reconciled flags) of the compilations' figures that make
        ``claim`` true."""
        found = self.pairs.get((claim.metric, claim.kind))
        if not found:
            return array("q"), array("l"), array("b")
        values, days, reconciled = found
        lo, hi = approximate_range(claim)
        start, end = bisect.bisect_left(values, lo), bisect.bisect_right(values, hi)
        return values[start:end], days[start:end], reconciled[start:end]

    def ordinals(self, claim: Claim) -> dict[int, bool]:
        """Report dates (as ordinals) on which some compilation's figure makes ``claim`` true,
        each with whether the reconciled figure does."""
        return _by_date(*self._matching(claim)[1:])

    def period_ordinals(self, claim: Claim, *, month_starts: bool = False) -> dict[int, bool]:
        """Report dates (as ordinals) on which the rise over an increase's period — the report's
        reconciled total less that of the period's first day ("in November": the report of
        1 December less that of 1 November) — makes ``claim`` true; only reports of the 1st of a
        month with ``month_starts`` (calendar months)."""
        totals = self._totals.get(claim.metric)
        if totals is None:
            values, days, reconciled = self.pairs.get((claim.metric, "total"), (array("q"), array("l"), array("b")))
            totals = self._totals[claim.metric] = {d: v for v, d, r in zip(values, days, reconciled, strict=True) if r}
        lo, hi = approximate_range(claim)
        out = {}
        for d, total in totals.items():
            day = dt.date.fromordinal(d)
            if month_starts and day.day != 1:
                continue
            before = totals.get(d - period_days(claim, day))
            if before is not None and lo <= total - before <= hi:
                out[d] = True
        return out

    def fits_on(self, claim: Claim, date: dt.date) -> bool:
        """Whether some compilation's figure of report ``date`` makes ``claim`` true."""
        return date.toordinal() in self._matching(claim)[1]

    def find(
        self,
        claims: list[Claim],
        *,
        near: dt.date | None = None,
        latest: dt.date | None = None,
        earliest: dt.date | None = None,
        weekday: int | None = None,
    ) -> Fingerprint:
        """Score every report date against ``claims`` (General Staff ones, deduplicated); none
        after ``latest`` (a text cannot quote a report published after it was), and none before
        ``earliest`` when it is given.  Among equally fitting dates, one falling on ``weekday``
        (the text's "on Monday", 0 = Monday) comes first."""
        distinct = {(c.metric, c.kind, c.value, c.qualifier, c.period): c for c in claims if c.source == GENERAL_STAFF}
        if not distinct:
            return Fingerprint(None, 0.0)
        n_dates = max(self.n_dates, 1)
        last = latest.toordinal() if latest is not None else None
        first = earliest.toordinal() if earliest is not None else None
        scores: dict[int, float] = defaultdict(float)  # by date ordinal
        # rounded figures' distance from each date's values: by band, and exactly
        banded: dict[int, float] = defaultdict(float)
        distance: dict[int, float] = defaultdict(float)
        weights = []
        matched_by: dict[int, int] = defaultdict(int)
        exact_on: set[int] = set()
        total_on: set[int] = set()
        large_on: set[int] = set()
        for claim in distinct.values():
            if claim.multi_day:  # "31,190 in November": the rise over its period, where one fits
                if (
                    near is not None
                    or claim.qualifier != "exact"
                    or claim.value < _PERIOD_FROM
                    or round_sum(claim.value)
                ):
                    # a text's own date decides (a sum that fits another day is the outlet's slip);
                    # "about 300,000 this year", "8,000 in 31 months", "4 this week" recur
                    continue
                values, days, found = array("q"), array("l"), self.period_ordinals(claim)
            else:
                values, days, flags = self._matching(claim)
                if not days and round_figure(claim):  # "570 000 … eliminated", no report's figure: a rounding
                    claim = replace(claim, qualifier="about", framing=list(claim.framing))
                    values, days, flags = self._matching(claim)
                found = _by_date(days, flags)
            if last is not None:
                found = {d: r for d, r in found.items() if d <= last}
            if first is not None:
                found = {d: r for d, r in found.items() if d >= first}
            if claim.multi_day and not found:
                continue  # an outlet's own sum that fits no period is no evidence against a date
            weight = math.log((n_dates + 1) / (len(found) + 1)) * (1.0 if claim.qualifier == "exact" else 0.5)
            weights.append(weight if found else math.log(n_dates + 1) * 0.5)
            far = _closeness(claim, values, days) if claim.qualifier != "exact" else {}
            for d, reconciled in found.items():
                scores[d] += weight if reconciled else weight * OVERRULED
                if far:
                    banded[d] += weight * math.floor(far[d] * BANDS)
                    distance[d] += weight * far[d]
                matched_by[d] += 1
            if claim.qualifier == "exact":
                exact_on.update(found)
            if claim.kind == "total":
                total_on.update(found)
            if claim.value >= _SMALL:
                large_on.update(found)
        if not scores:
            return Fingerprint(None, 0.0, claims=len(distinct))
        nearest = near.toordinal() if near is not None else None
        # a figure the text calls a record ("the deadliest day of the war") is news on the first
        # report that holds it: the earliest of the dates that fit as well
        record = any("record" in c.framing for c in distinct.values())

        def rank(item: tuple[int, float]) -> tuple[float, int, int, bool, float, int, float, int]:
            """Score; then nearness to the text's date; then, for a record, the earliest date; then
            the band of the date's values in its rounded figures' ranges (``_closeness``); then the
            newest report where an exact figure fits, or, where only rounded figures fit, the
            closest and then the earliest: "more than 1,000,000" is news on the day it is first
            reached."""
            d, score = item
            exact = d in exact_on
            return (
                round(score, 9), -abs(d - nearest) if nearest is not None else 0, -d if record else 0,
                weekday is not None and (d + 6) % 7 == weekday, -round(banded[d], 9),
                exact, 0.0 if exact else -round(distance[d], 9), d if exact else -d,
            )  # fmt: skip

        top = heapq.nlargest(2, scores.items(), key=rank)
        (best, score), (runner, runner_score) = top[0], (top[1] if len(top) > 1 else (None, 0.0))
        confidence = _confidence(score, runner_score, sum(weights), matched_by[best])
        if best not in exact_on:  # only rounded figures ("about 728,000", "more than a million") fit it
            confidence = min(confidence, _ROUNDED_ONLY)
        coincidence = best not in large_on or (
            last is not None and best not in total_on and last - best > _INCREASES_NEWS_DAYS
        )
        if coincidence:
            confidence = min(confidence, _ROUNDED_ONLY)
        return Fingerprint(
            dt.date.fromordinal(best), confidence, score, dt.date.fromordinal(runner) if runner else None,
            runner_score, matched_by[best], len(distinct), coincidence,
        )  # fmt: skip


_MEMORY: dict[tuple[str, tuple[Any, ...]], FingerprintIndex] = {}


def _by_date(days: array[int], reconciled: array[int]) -> dict[int, bool]:
    """Per date ordinal, whether the reconciled figure (not only an overruled one) is among them."""
    out = dict.fromkeys(days, False)
    for d, r in zip(days, reconciled, strict=True):
        if r:
            out[d] = True
    return out


def _closeness(claim: Claim, values: array[int], days: array[int]) -> dict[int, float]:
    """For a rounded claim ("more than 200,000", "about a million") and the figures that fit it:
    per report date (ordinal), how far its figure sits from the stated value, as a share of the
    range the claim stands for (0: on it; 1: at the far end).  News rounds the number just passed:
    "more than 200,000" is written the week the total passes 200,000, not when it reaches 290,000."""
    lo, hi = approximate_range(claim)
    half = max(claim.value - lo, hi - claim.value, 1)
    out: dict[int, float] = {}
    for v, d in zip(values, days, strict=True):
        out[d] = min(out.get(d, 1.0), abs(v - claim.value) / half)
    return out


def _confidence(best: float, second: float, total_weight: float, matched: int) -> float:
    """coverage × saturation × separation, capped below 0.5 when a single figure matched.

    coverage: the share of the article's evidence the date explains; saturation: enough
    specific evidence (one figure unique to a day ≈ 0.77); separation: 0.5 for a tie with the
    runner-up, 1 when nothing else comes close."""
    coverage = best / total_weight if total_weight else 0.0
    saturation = 1 - math.exp(-best / 5)
    separation = 0.5 + 0.5 * min(1.0, (best - second) / best * 2) if best else 0.0
    confidence = coverage * saturation * separation
    if matched < 2:
        confidence = min(confidence, 0.45)
    return max(0.0, min(1.0, confidence))
