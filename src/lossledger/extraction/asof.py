"""The report date a text states or implies (``as_of``), and per-figure dates ("as of February 2").

Candidates, strongest first: the end of the statement header's range ("з 24.02.22 по 16.02.24",
"24 Şubat-12 Mayıs"); a date after an as-of cue ("станом на 27 лютого", "Stand 4. September");
the day after a date introduced as the past day ("За минулу добу, 1 жовтня" -> 2 October, since the
report of day D covers day D-1); a date in a sentence that quotes the General Staff ("said on
Sept. 7"); a weekday or "today" resolved against the publication date ("this Friday").  Failing
all, a text quoting General Staff figures is taken to quote that day's report: ``published``.
A date without its year takes the year of publication, else the year whose General Staff totals
hold the total the text states (dates.infer_year).  The invasion date and dates before it are
never report dates.
"""

from __future__ import annotations

import datetime as dt

from .dates import INVASION, DateMention, infer_year, resolve_relative, weekday_before
from .document import Doc
from .figures import Candidate
from .model import GENERAL_STAFF

__all__ = ["resolve_as_of", "stated_weekday"]


def _year_hint(figs: list[Candidate]) -> int | None:
    for metric in ("personnel", "tanks"):
        for c in figs:
            if c.metric == metric and c.kind == "total" and c.source == GENERAL_STAFF:
                year = infer_year(metric, c.num.int_value)
                if year:
                    return year
    return None


def _resolve(dm: DateMention, base: dt.date | None, year: int | None, language: str, doc: Doc) -> dt.date | None:
    if dm.day is not None and dm.month is not None:
        if dm.year is not None:
            return dm.date()
        if base is not None:
            found = dm.date(base.year)
            if found is not None and found > base + dt.timedelta(days=1):
                found = dm.date(base.year - 1)
            return found
        return dm.date(year) if year else None
    if base is None:
        return None
    if dm.weekday is not None:
        # the latest such weekday on or before publication ("this Friday" on a Friday is that day)
        return weekday_before(base, dm.weekday)
    if dm.relative == "today":
        return base
    if dm.relative == "yesterday":
        return base - dt.timedelta(days=1)
    if dm.relative is not None:
        return resolve_relative(doc.text[dm.start : dm.end], language, base)
    return None


def _by_sentence(doc: Doc, figs: list[Candidate]) -> dict[int, list[int]]:
    out: dict[int, list[int]] = {}
    for i, c in enumerate(figs):
        out.setdefault(doc.sent_of[c.first], []).append(i)
    return out


def _source_near(figs: list[Candidate], index: dict[int, list[int]], doc: Doc, dm: DateMention) -> str | None:
    s = doc.sent_of[dm.first]
    same = [figs[i] for i in index.get(s, [])]
    if same:
        return min(same, key=lambda c: abs(c.first - dm.first)).source
    prev = index.get(s - 1, [])
    return figs[prev[-1]].source if prev else None


def _score(dm: DateMention, doc: Doc, gs_sentences: set[int]) -> int:
    if dm.range_end:
        return 100
    s = doc.sent_of[dm.first]
    if dm.as_of_cue and gs_sentences & {s - 1, s, s + 1}:  # "a 26 de novembro" far from figures is any date
        return 80
    if dm.previous_day:
        return 70
    if dm.weekday is not None or dm.relative in ("today", "other"):
        return 40
    if dm.relative == "yesterday":
        return 0
    if doc.sent_of[dm.first] in gs_sentences:
        return 50
    return 10


def resolve_as_of(
    doc: Doc, dates: list[DateMention], figs: list[Candidate], published: dt.date | None
) -> tuple[dt.date | None, dict[int, dt.date]]:
    """(document as_of, {candidate index in ``figs``: its own as_of})."""
    meta = next((d for d in dates if d.metadata), None)
    base = published or (meta.date() if meta else None)
    year = base.year if base else (meta.year if meta and meta.year else _year_hint(figs))
    gs_sentences = {doc.sent_of[c.first] for c in figs if c.source == GENERAL_STAFF}
    # a sentence naming the General Staff and speaking of losses dates its report too
    lossy = {doc.sent_of[m.start] for m in doc.framing if m.has("frame:loss")}
    gs_sentences |= {doc.sent_of[m.start] for m in doc.context if m.has("src:general-staff")} & lossy
    index = _by_sentence(doc, figs)
    best: tuple[int, dt.date] | None = None
    per_fig: dict[int, dt.date] = {}
    for dm in dates:
        if dm.metadata or dm.since_cue:
            continue
        found = _resolve(dm, base, year, doc.language, doc)
        if found is None or found <= INVASION or (base is not None and found > base + dt.timedelta(days=1)):
            continue
        if dm.previous_day:
            found += dt.timedelta(days=1)
        src = _source_near(figs, index, doc, dm)
        if dm.as_of_cue and src not in (None, GENERAL_STAFF):
            _attach(doc, figs, index, dm, src, found, per_fig)
            continue
        score = _score(dm, doc, gs_sentences)
        if score >= 40 and (best is None or (score, found) > best):
            best = (score, found)
    if best is not None:
        return best[1], per_fig
    if any(c.source == GENERAL_STAFF for c in figs):
        return base, per_fig
    if per_fig:
        return max(per_fig.values()), per_fig
    return None, per_fig


def stated_weekday(doc: Doc, dates: list[DateMention], figs: list[Candidate]) -> int | None:
    """The weekday of a text that gives no date to resolve it against ("on Monday, Ukraine's
    General Staff said"): the first weekday named in a sentence with the General Staff's figures,
    or in the first sentence, None when it names none or names two."""
    gs_sentences = {doc.sent_of[c.first] for c in figs if c.source == GENERAL_STAFF} | {0}
    named = {dm.weekday for dm in dates if dm.weekday is not None and doc.sent_of[dm.first] in gs_sentences}
    return named.pop() if len(named) == 1 else None


def _attach(
    doc: Doc,
    figs: list[Candidate],
    index: dict[int, list[int]],
    dm: DateMention,
    src: str,
    date: dt.date,
    out: dict[int, dt.date],
) -> None:
    """An as-of date for another source's figures of this sentence or the one before."""
    s = doc.sent_of[dm.first]
    for i in index.get(s - 1, []) + index.get(s, []):
        if figs[i].source == src:
            out[i] = date
