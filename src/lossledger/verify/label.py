"""Labelling help: what every number of a text equals in the ledger (``lossledger label``).

Measuring extraction on real news needs labels checked against the data, not read by eye
(issue 11).  For a text this proposes:

- the General Staff report date: the one ``check`` finds from the extracted claims when it is
  confident, else the one *every* number of the text fits best, so that a figure the extractor
  misreads still counts ("all numbers" fingerprint; small recurring increases can mislead it);
- for every number: the metrics and kinds whose value on that date (or within a few days before
  it: a stale quote) equals it, near misses on that date (an outlet's typo: 9,461 for 9,641), and
  the other sources' series values it equals (Mediazona's named deaths, Oryx, each side's
  acknowledged losses);
- a draft record in the shape of ``../shared/articles/dev.jsonl`` (claims as extracted, errors as
  the ledger sees them) for a person to correct.

Nothing here decides a label: a person checks each one (see tests/corpus/README.md).
"""

from __future__ import annotations

import bisect
import datetime as dt
import math
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from .. import registry
from ..extraction.model import Claim
from .fingerprint import FingerprintIndex, latest_report
from .view import LedgerView

__all__ = ["LabelProposal", "NumberLabel", "propose_labels"]

GENERAL_STAFF = registry.CLAIMS  # the source whose reports a text is fingerprinted against
#: A quote this many days older than the proposed report is shown as a possible stale figure.
STALE_DAYS = 3
#: A value within this share of the day's value (and not equal) is shown as a near miss.
NEAR_MISS = 0.02
#: Sources whose series are matched by value at any date (sparse, evidence-based or acknowledged).
OTHER_SOURCES = ("mediazona", "oryx", "russian-mod", "ukraine-own")


@dataclass
class NumberLabel:
    """One number of the text and what it equals in the ledger."""

    value: int
    span: tuple[int, int]
    text: str
    on_date: list[dict[str, Any]] = field(default_factory=list)  # metric/kind/date equal to it
    near_misses: list[dict[str, Any]] = field(default_factory=list)
    other_sources: list[dict[str, Any]] = field(default_factory=list)
    extracted: list[dict[str, Any]] = field(default_factory=list)  # what extract() made of it

    def to_dict(self) -> dict[str, Any]:
        return {
            "value": self.value,
            "span": list(self.span),
            "text": self.text,
            "general_staff": self.on_date,
            "near_misses": self.near_misses,
            "other_sources": self.other_sources,
            "extracted": self.extracted,
        }


@dataclass
class LabelProposal:
    """Everything ``propose_labels`` found: the dates, every number, and a draft record."""

    language: str
    report_date: dt.date | None
    report_score: float
    check_date: dt.date | None
    check_confidence: float
    numbers: list[NumberLabel]
    draft: dict[str, Any]

    def to_dict(self) -> dict[str, Any]:
        return {
            "language": self.language,
            "report_date": self.report_date.isoformat() if self.report_date else None,
            "report_score": round(self.report_score, 2),
            "check_date": self.check_date.isoformat() if self.check_date else None,
            "check_confidence": round(self.check_confidence, 3),
            "numbers": [n.to_dict() for n in self.numbers],
            "draft": self.draft,
        }


def _hits(index: FingerprintIndex, value: int) -> list[tuple[str, str, dt.date]]:
    """Every (metric, kind, report date) of the General Staff series whose value equals ``value``."""
    out: list[tuple[str, str, dt.date]] = []
    for (metric, kind), (values, days, _reconciled) in index.pairs.items():
        a, b = bisect.bisect_left(values, value), bisect.bisect_right(values, value)
        out.extend((metric, kind, dt.date.fromordinal(d)) for d in days[a:b])
    return out


def _best_date(index: FingerprintIndex, values: list[int], latest: dt.date | None) -> tuple[dt.date | None, float]:
    """The report date most of the text's numbers equal, weighted by how rare each value is; none
    after ``latest`` (a text cannot quote a report published after it was)."""
    scores: dict[dt.date, float] = defaultdict(float)
    n = max(index.n_dates, 1)
    for value in set(values):
        if value < 10:
            continue  # small numbers fit hundreds of days and say nothing
        dates = {d for _m, _k, d in _hits(index, value) if latest is None or d <= latest}
        if not dates:
            continue
        weight = math.log((n + 1) / (len(dates) + 1))
        for d in dates:
            scores[d] += weight
    if not scores:
        return None, 0.0
    best = max(scores.items(), key=lambda kv: (kv[1], kv[0]))
    return best[0], best[1]


def _day_values(view: LedgerView, date: dt.date) -> dict[tuple[str, str, dt.date], int]:
    """(metric, kind, date) -> value of the reconciled General Staff series around ``date``."""
    points = view.points(GENERAL_STAFF, start=date - dt.timedelta(days=STALE_DAYS), end=date)
    out: dict[tuple[str, str, dt.date], int] = {}
    for metric, series in points.items():
        for day, p in series.items():
            if p.total is not None:
                out[(metric, "total", day)] = p.total
            if p.increase is not None:
                out[(metric, "increase", day)] = p.increase
    return out


def _other_index(view: LedgerView) -> dict[int, list[dict[str, Any]]]:
    found: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for source in OTHER_SOURCES:
        if source not in view.sources:
            continue
        for row in view.raw(source):
            found[int(row.value)].append(
                {"source": source, "metric": row.metric, "kind": row.kind, "date": row.report_date.isoformat()}
            )
    return found


def _draft_claims(claims: list[Claim]) -> list[dict[str, Any]]:
    return [
        {"source": c.source, "metric": c.metric, "kind": c.kind, "value": c.value, "qualifier": c.qualifier}
        for c in claims
    ]


def _errors(
    claims: list[Claim], day: dict[tuple[str, str, dt.date], int], date: dt.date | None
) -> list[dict[str, Any]]:
    """General Staff claims stated as exact whose value differs from that day's data."""
    if date is None:
        return []
    out = []
    for c in claims:
        if c.source != GENERAL_STAFF or c.qualifier != "exact" or c.multi_day:
            continue
        data = day.get((c.metric, c.kind, date))
        if data is not None and data != c.value:
            out.append({"metric": c.metric, "kind": c.kind, "text_value": c.value, "data_value": data})
    return out


def propose_labels(
    text: str, view: LedgerView, published: dt.date | str | None = None, *, language: str | None = None
) -> LabelProposal:
    """Propose labels for ``text`` from the ledger behind ``view``; see the module docstring."""
    from ..extraction import extract
    from ..extraction.document import analyse

    found = extract(text, published=published, language=language)
    doc = analyse(text, found.language)
    index = FingerprintIndex.load(view)
    values = [int(round(n.value)) for n in doc.numbers]
    latest = latest_report(published)
    date, score = _best_date(index, values, latest)
    gs = [c for c in found.claims if c.source == GENERAL_STAFF]
    fp = index.find(gs, near=found.as_of, latest=latest, weekday=found.weekday)
    if fp.date is not None and fp.confidence >= 0.5:
        date = fp.date  # what the extractor read pins a day: better than every number's vote
    day = _day_values(view, date) if date else {}
    others = _other_index(view)
    by_span: dict[tuple[int, int], list[dict[str, Any]]] = defaultdict(list)
    for c in found.claims:
        by_span[(c.span[0], c.span[1])].append(c.to_dict())
    numbers = []
    for n, value in zip(doc.numbers, values, strict=True):
        label = NumberLabel(value, (n.start, n.end), text[n.start : n.end])
        label.on_date = [
            {"metric": m, "kind": k, "date": d.isoformat()} for (m, k, d), v in sorted(day.items()) if v == value
        ]
        label.on_date.sort(key=lambda e: e["date"], reverse=True)
        if date is not None:
            label.near_misses = [
                {"metric": m, "kind": k, "date": d.isoformat(), "value": v}
                for (m, k, d), v in day.items()
                if d == date and v != value and v >= 100 and abs(v - value) <= NEAR_MISS * v
            ]
        label.other_sources = others.get(value, [])[:8]
        label.extracted = [c for (s, e), cs in by_span.items() for c in cs if s <= n.start and n.end <= e]
        numbers.append(label)
    draft = {
        "language": found.language,
        "published": _iso(published),
        "report_date": date.isoformat() if date else None,
        "claims": _draft_claims(found.claims),
        "not_claims": [{"value": i.to_dict()["value"], "why": i.reason} for i in found.ignored],
        "errors": _errors(found.claims, day, date),
    }
    return LabelProposal(found.language, date, score, fp.date, fp.confidence, numbers, draft)


def _iso(value: dt.date | str | None) -> str | None:
    if value is None:
        return None
    return value.isoformat() if isinstance(value, dt.date) else str(value)
