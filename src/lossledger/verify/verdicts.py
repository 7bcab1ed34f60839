"""Judging one claim against the ledger: match, rounded, stale, mismatch or unverifiable.

General Staff claims are judged against the reconciled series at the reference date (the report
the article presents), and against every compilation's value that day (an article that copies
orc-losses' figure quotes the statement as someone transcribed it).  A figure that equals an
earlier day's value is ``stale``, with that date.  Claims attributed to other sources are judged
against those sources' own series (Mediazona, Oryx, each side's acknowledged losses), which are
sparse: an exact value anywhere near the claim's date is a match.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from ..extraction.model import Claim
from ..extraction.numbers import trailing_zeros
from ..ledger.plausibility import Flag
from ..ledger.points import Point
from .fingerprint import approximate_range, period_days
from .view import LedgerView

__all__ = ["VERDICTS", "Judgement", "judge_general_staff", "judge_other", "line_value", "reach_days", "STALE_DAYS"]

VERDICTS = ("match", "stale", "mismatch", "rounded", "unverifiable")
#: How far back a total is recognised as an earlier report's.  Increases repeat by chance
#: ("+15 tanks" happens every few days), so only the two previous reports count for them.
STALE_DAYS = 14
STALE_DAYS_INCREASE = 2
#: How near a sparse source's figure must be to the claim's date to call a difference a mismatch.
NEAR_DAYS = 10


@dataclass
class Judgement:
    """A claim with its verdict and the ledger's evidence."""

    claim: Claim
    verdict: str
    ledger_value: int | None = None
    ledger_date: dt.date | None = None
    explanation: str = ""
    documents: list[int] = field(default_factory=list)
    #: the ledger value is itself an implausible total (ledger/plausibility.py)
    ledger_flags: list[Flag] = field(default_factory=list)

    @property
    def difference(self) -> int | None:
        return None if self.ledger_value is None else self.claim.value - self.ledger_value

    def to_dict(self) -> dict[str, Any]:
        c = self.claim
        return {
            "metric": c.metric,
            "kind": c.kind,
            "value": c.value,
            "qualifier": c.qualifier,
            "source": c.source,
            "verdict": self.verdict,
            "ledger_value": self.ledger_value,
            "ledger_date": self.ledger_date.isoformat() if self.ledger_date else None,
            "difference": self.difference,
            "span": [c.span[0], c.span[1]],
            "text": c.text,
            "explanation": self.explanation,
            "documents": self.documents,
            "ledger_flags": [f.to_dict() for f in self.ledger_flags],
        }


def line_value(point: Point | None, kind: str) -> int | None:
    """The figure of a report's line of ``kind``: its total or its increase."""
    if point is None:
        return None
    return point.total if kind == "total" else point.increase


def _fits(claim: Claim, value: int | None) -> bool:
    if value is None:
        return False
    lo, hi = approximate_range(claim)
    return lo <= value <= hi


def _rounded_exact(claim: Claim, value: int) -> bool:
    """An 'exact' figure written with a run of zeros ("400,000") is a rounding of a near value."""
    zeros = trailing_zeros(claim.value)
    return zeros >= 2 and abs(claim.value - value) < 10**zeros // 2


def _flagged(judgement: Judgement, flags: list[Flag]) -> Judgement:
    """Say so when the ledger value a claim was compared with is itself flagged as implausible."""
    judgement.ledger_flags = [f for f in flags if f.value == judgement.ledger_value]
    if judgement.ledger_flags:
        rules = ", ".join(dict.fromkeys(f.rule for f in judgement.ledger_flags))
        judgement.explanation += f" (the ledger value is itself flagged as implausible: {rules})"
    return judgement


def judge_general_staff(claim: Claim, series: dict[str, dict[dt.date, Point]], when: dt.date | None) -> Judgement:
    """Judge a General Staff claim against the reconciled series around ``when``."""
    judgement = _judge_general_staff(claim, series, when)
    point = series.get(claim.metric, {}).get(judgement.ledger_date) if judgement.ledger_date else None
    return _flagged(judgement, point.flags) if point and claim.kind == "total" else judgement


def _judge_general_staff(claim: Claim, series: dict[str, dict[dt.date, Point]], when: dt.date | None) -> Judgement:
    if when is None:
        return Judgement(claim, "unverifiable", explanation="no General Staff report could be matched to this text")
    by_date = series.get(claim.metric, {})
    point = by_date.get(when)
    days = period_days(claim, when)
    if claim.kind == "increase" and days > 1:
        return _judge_period(claim, by_date, when, days)
    value = line_value(point, claim.kind)
    if value is None:
        return Judgement(claim, "unverifiable", explanation=f"the {when} report has no {claim.kind} for {claim.metric}")
    docs = point.document_ids if point else []
    candidates = {c.value for c in (point.candidates if claim.kind == "total" and point else [])}
    if claim.value == value or (claim.qualifier == "exact" and claim.value in candidates):
        # "about 400,300" is how the statement itself words personnel: equal is a match
        note = (
            ""
            if claim.value == value
            else f"equals one transcription of the {when} report; the reconciled value is {value}"
        )
        return Judgement(claim, "match", value, when, note, docs)
    if claim.qualifier != "exact" and _fits(claim, value):
        return Judgement(
            claim, "rounded", value, when, f"{claim.qualifier.replace('_', ' ')} {claim.value:,} fits {value:,}", docs
        )
    if claim.qualifier == "exact" and _rounded_exact(claim, value):
        return Judgement(claim, "rounded", value, when, f"{claim.value:,} is {value:,} rounded", docs)
    for back in range(1, (STALE_DAYS if claim.kind == "total" else STALE_DAYS_INCREASE) + 1):
        day = when - dt.timedelta(days=back)
        earlier = by_date.get(day)
        old = line_value(earlier, claim.kind)
        if (
            old is not None
            and old != value
            and (old == claim.value or (claim.qualifier != "exact" and _fits(claim, old)))
        ):
            return Judgement(
                claim,
                "stale",
                old,
                day,
                f"the figure of the {day} report; on {when} it was {value:,}",
                earlier.document_ids if earlier else [],
            )
    return Judgement(claim, "mismatch", value, when, f"the {when} report says {value:,}", docs)


def _judge_period(claim: Claim, by_date: dict[dt.date, Point], when: dt.date, days: int) -> Judgement:
    """An increase over several days ("in the past week") is the difference of two totals.  A
    month's ("in November", "im vergangenen Monat") is the month back from the report, or, where
    that does not fit, a calendar month that ended by the report (the 1st's total less the
    previous 1st's): the words name the month, the report may come weeks later."""
    judgement = _judge_span(claim, by_date, when, days)
    if judgement.verdict == "mismatch" and claim.period == "P1M":
        for end in _month_ends(when):
            fits = _judge_span(claim, by_date, end, period_days(claim, end))
            if fits.verdict in ("match", "rounded"):
                return fits
    return judgement


def reach_days(claim: Claim, when: dt.date | None) -> int:
    """How many days before the report ``when`` judging an increase reads: its period, and for a
    month's, the calendar months that ended by the report (``_judge_period``)."""
    days = period_days(claim, when)
    if when is not None and claim.period == "P1M":
        days = max([days, *((when - end).days + period_days(claim, end) for end in _month_ends(when))])
    return days + 1


def _month_ends(when: dt.date) -> list[dt.date]:
    """The 1sts that close the last two calendar months by ``when``."""
    first = when.replace(day=1)
    before = (first - dt.timedelta(days=1)).replace(day=1)
    return [d for d in (first, before) if d != when]


def _judge_span(claim: Claim, by_date: dict[dt.date, Point], when: dt.date, days: int) -> Judgement:
    now, then = by_date.get(when), by_date.get(when - dt.timedelta(days=days))
    if now is None or then is None or now.total is None or then.total is None:
        return Judgement(
            claim, "unverifiable", explanation=f"the ledger lacks the totals {days} days apart that this increase spans"
        )
    value = now.total - then.total
    docs = sorted({*now.document_ids, *then.document_ids})
    span = f"between the {then.date} and {when} reports"
    if claim.value == value:
        return Judgement(claim, "match", value, when, f"{value:,} {span}", docs)
    if (claim.qualifier != "exact" and _fits(claim, value)) or (
        claim.qualifier == "exact" and _rounded_exact(claim, value)
    ):
        return Judgement(claim, "rounded", value, when, f"{value:,} {span}", docs)
    return Judgement(claim, "mismatch", value, when, f"{value:,} {span}", docs)


def judge_other(claim: Claim, view: LedgerView, when: dt.date | None) -> Judgement:
    """Judge a claim attributed to Mediazona, Oryx or a side's own acknowledgement."""
    if claim.source not in view.sources:
        return Judgement(claim, "unverifiable", explanation=f"the ledger has no series for source {claim.source!r}")
    flags: dict[dt.date, list[Flag]] = {}
    judgement = _judge_other(claim, _series(view, claim, flags), when)
    return _flagged(judgement, flags.get(judgement.ledger_date, [])) if judgement.ledger_date else judgement


def _judge_other(claim: Claim, series: list[tuple[dt.date, int | None, list[int]]], when: dt.date | None) -> Judgement:
    if not series:
        return Judgement(
            claim, "unverifiable", explanation=f"no {claim.source} {claim.kind} of {claim.metric} in the ledger"
        )
    ref = claim.as_of or when

    def distance(item: tuple[dt.date, int | None, list[int]]) -> int:
        return abs((item[0] - ref).days) if ref else 0

    exact = [s for s in series if s[1] == claim.value]
    if exact and claim.qualifier == "exact":
        date, value, docs = min(exact, key=distance)
        return Judgement(claim, "match", value, date, f"{claim.source} gave {value:,} on {date}", docs)
    fitting = [
        s for s in series if _fits(claim, s[1]) or (claim.qualifier == "exact" and _rounded_exact(claim, s[1] or 0))
    ]
    if fitting:
        date, value, docs = min(fitting, key=distance)
        return Judgement(claim, "rounded", value, date, f"{claim.source} gave {value:,} on {date}", docs)
    if ref is not None:
        near = [s for s in series if abs((s[0] - ref).days) <= NEAR_DAYS]
        if near:
            date, value, docs = min(near, key=distance)
            return Judgement(claim, "mismatch", value, date, f"{claim.source} gave {value:,} on {date}", docs)
    return Judgement(
        claim, "unverifiable", explanation=f"no {claim.source} figure near {ref or 'the article date'} to compare with"
    )


def _series(
    view: LedgerView, claim: Claim, flags: dict[dt.date, list[Flag]]
) -> list[tuple[dt.date, int | None, list[int]]]:
    """(date, value, documents) of the claim's metric and kind in every sub-series of its source
    (named deaths and the probate estimate; killed, wounded and incidents); Oryx's equipment
    types of one metric are summed.  The flags of implausible totals go into ``flags``."""
    from ..ledger.points import build_points

    categories: list[str | None] = [None] if claim.source == "oryx" else list(view.categories(claim.source))
    out: list[tuple[dt.date, int | None, list[int]]] = []
    for category in categories:
        rows = view.raw(claim.source, metrics=[claim.metric], category=category)
        for date, point in (
            build_points(rows, metrics=[claim.metric], source=claim.source).get(claim.metric, {}).items()
        ):
            value = line_value(point, claim.kind)
            if value is not None:
                out.append((date, value, point.document_ids))
                if claim.kind == "total" and point.flags:
                    flags.setdefault(date, []).extend(point.flags)
    return out
