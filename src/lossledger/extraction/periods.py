"""Periods a text gives with dates: "in December", "у травні", "in 2024", "2022: …", and
ranges of days ("from 27 November to 3 December"), and counted spans ("over the past 24 hours").

A figure "in December" or "in 2024" is an increase over that period, never a total (issue 11).
February 2022 and the year 2022 are left out: news names them as the start of the war (February
named alone counts only after a word of "during": "during February"); so is a month next to a
word of saying (``[dates] said``: "said in September that …"), the date of a
statement.  These
cues are built from the date mentions (dates.py) and the language's ``[dates] during`` words (prepositions
before a month or a year; ``during_after`` for postpositions such as Turkish "ayında";
``during_suffixes`` for case endings such as Finnish "-ssa"), and added
to the document as ordinary kind cues, so every later step treats them like worded ones.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import Any

from .dates import INVASION, DateMention
from .document import Doc
from .tokens import NUM, Token
from .vocab import Match

__all__ = ["calendar_days", "period_cues", "period_days", "since_days"]


def _cue(first: int, last: int, kind: str, period: str | None) -> Match:
    entries: list[tuple[str, Any]] = [(f"kind:{kind}", None)]
    if period is not None:
        entries.append(("kind:periods", period))
    return Match(first, last, entries)


def year_of(tok: Token) -> int | None:
    """The year of the war a number token is ("2024"), else None."""
    if tok.kind == NUM and tok.raw.isdigit() and len(tok.raw) == 4 and 2022 <= int(tok.raw) <= 2030:
        return int(tok.raw)
    return None


def period_cues(doc: Doc, dates: list[DateMention], published: dt.date | None = None) -> list[Match]:
    """Kind cues for the periods the text's dates give (see the module docstring); ``published``
    counts the days since a weekday ("seit Sonntag")."""
    out: list[Match] = []
    dated: set[int] = set()
    for dm in dates:
        dated.update(range(dm.first, dm.last))
        if dm.metadata or dm.month is None or dm.day is not None or (dm.year, dm.month) == (2022, 2):
            continue
        if _during(doc, dm.first, dm.last):
            out.append(_cue(dm.first, dm.last, "increase", "P1M"))
    for start, end in zip(dates, dates[1:], strict=False):  # "з 27 листопада по 3 грудня"
        days = _range_days(start, end) or _weekday_range(start, end)
        if days is not None:
            out.append(_cue(start.first, end.last, "increase", f"P{days}D"))
        elif _from_war_start(start, end):  # "vom 24. Februar 2022 bis zum 10. Oktober 2024": a total
            out.append(_cue(start.first, end.last, "total", None))
    for m in doc.matches_in(0, len(doc.tokens), "date:month"):  # a month named alone: "in December", "у травні"
        if m.start not in dated and not _abbreviated(doc, m) and _during(doc, m.start, m.end):
            out.append(_cue(m.start, m.end, "increase", "P1M"))
    for k in [n.first for n in doc.numbers if len(n.raw_digits) == 4]:
        tok = doc.tokens[k]
        if k in dated or year_of(doc.tokens[k]) in (None, 2022):
            continue
        line_label = (k == 0 or tok.nl_before) and k + 1 < len(doc.tokens) and doc.tokens[k + 1].raw == ":"
        if line_label or _during(doc, k, k + 1):
            out.append(_cue(k, k + 1, "increase", "P1Y"))
    out.extend(_counted_periods(doc, dated, published))
    out.extend(_since_dates(doc, dates, dated))
    out.extend(_since_weekdays(doc, dates, dated, published))
    return out


#: the reports a loss "since Monday" sums when the text's day is not known: a week's at most
_WEEK = 7


def _since_weekdays(doc: Doc, dates: list[DateMention], dated: set[int], published: dt.date | None) -> list[Match]:
    """ "since Sunday", "seit Sonntag", "з понеділка": a new loss over the reports from that
    weekday's to the text's day (a week's when the text's day is not known), never a total."""
    out: list[Match] = []
    day_dates = {dm.first for dm in dates if dm.day is not None}
    for dm in dates:
        if dm.weekday is None or dm.day is not None or dm.month is not None or dm.range_end:
            continue
        if day_dates & set(range(dm.last, dm.last + 3)) or _date_follows(doc, dm.last):
            continue  # "sejak Kamis (24/2/2022)": the weekday of a date the text gives
        start = _since_start(doc, dm.first, dated)
        if start < dm.first:
            days = (published.weekday() - dm.weekday) % _WEEK if published is not None else _WEEK
            out.append(_cue(start, dm.last, "increase", f"P{days or _WEEK}D"))
    return out


def _date_follows(doc: Doc, k: int) -> bool:
    """Whether a date written in figures ("(24/2/2022)", "24.2.") starts at token ``k``, maybe
    after a bracket or a comma."""
    toks = doc.tokens
    if k < len(toks) and toks[k].raw in ("(", ","):
        k += 1
    return (
        k + 1 < len(toks) and toks[k].kind == NUM and toks[k + 1].raw in ("/", ".") and toks[k + 1].start == toks[k].end
    )


def _weekday_range(start: DateMention, end: DateMention) -> int | None:
    """The reports of a range of two weekdays ("von Sonntag bis Freitag": the losses reported on
    Monday to Friday, five), or None when they are no such range."""
    if not (start.since_cue and end.range_end) or start.weekday is None or end.weekday is None:
        return None
    if start.day is not None or end.day is not None:
        return None
    return (end.weekday - start.weekday) % _WEEK or None


def _abbreviated(doc: Doc, m: Match) -> bool:
    """A month's abbreviation as written ("mar", "sept"): a date beside a day number, alone a word
    ("en el mar", the sea); an inflected full name the abbreviation is a stem of is no abbreviation."""
    return m.has("date:abbr") and doc.tokens[m.start].raw.lower() == m.get("date:abbr")


def _since_dates(doc: Doc, dates: list[DateMention], dated: set[int]) -> list[Match]:
    """ "since January", "seit Januar 2025", "since 2024", "с 1 марта": a new loss over the time
    from that day to the report (period ``since:2025-01-01``, or ``since:--01-01`` when the year
    is left to the report's), never a total.  February 2022 and 2022 start the war: their
    figures are totals."""
    out: list[Match] = []
    for dm in dates:
        start = _since_start(doc, dm.first, dated)
        if start < dm.first and dm.month is not None and not dm.metadata and not dm.range_end:
            period = _since_period(dm.year, dm.month, dm.day or 1)
            if period is not None:
                out.append(_cue(start, dm.last, "increase", period))
            elif _war_start(dm):  # "منذ 24 فبراير": the total, which "in this period" then means
                out.append(_cue(start, dm.last, "total", None))
    for m in doc.matches_in(0, len(doc.tokens), "date:month"):  # a month named alone: "since January"
        if m.start not in dated and not _abbreviated(doc, m):
            start = _since_start(doc, m.start, dated)
            period = _since_period(None, int(m.get("date:month")), 1) if start < m.start else None
            if period is not None:
                out.append(_cue(start, m.end, "increase", period))
    for n in doc.numbers:
        year = year_of(doc.tokens[n.first]) if n.last - n.first == 1 else None
        start = _since_start(doc, n.first, dated)
        if year is not None and start < n.first and n.first not in dated:
            period = _since_period(year, 1, 1)
            if period is not None:
                out.append(_cue(start, n.last, "increase", period))
    return out


#: the days a range that starts the war may start on: the invasion and its first report
_WAR_START_DAYS = (INVASION.day, INVASION.day + 1)


def _war_start(dm: DateMention) -> bool:
    """Whether a date is the invasion's day or its first report's (24 or 25 February 2022)."""
    return dm.month == INVASION.month and dm.year in (None, INVASION.year) and dm.day in _WAR_START_DAYS


def _since_start(doc: Doc, first: int, dated: set[int]) -> int:
    """Where a "since" word right before token ``first`` starts (an article between at most: "desde
    el 1 de marzo"), else ``first``.  One right after another date is that date's postposition
    ("২৪ ফেব্রুয়ারি থেকে ১৭ অক্টোবর": from 24 February to 17 October)."""
    m = doc.ctx_end.get(first)
    if (m is None or not m.has("date:since")) and first > 0 and doc.tokens[first - 1].norm in doc.lex.articles:
        m = doc.ctx_end.get(first - 1)
    if m is None or not m.has("date:since") or m.start - 1 in dated:
        return first
    return m.start


def _since_period(year: int | None, month: int, day: int) -> str | None:
    """The period of a new loss since a day: ``since:YYYY-MM-DD`` or ``since:--MM-DD``; None for
    the start of the war (February 2022, or February with no year and no day or the 24th or
    25th)."""
    if month == 2 and (year == INVASION.year or (year is None and day in (1, *_WAR_START_DAYS))):
        return None  # "seit dem 3. Februar" (no year) is a day of a later February
    if year is not None and (year < INVASION.year or (year == INVASION.year and month < 3)):
        return None
    try:
        dt.date(year or 2024, month, day)
    except ValueError:
        return None
    return f"since:{year:04d}-{month:02d}-{day:02d}" if year else f"since:--{month:02d}-{day:02d}"


#: an increase's stated period as an ISO 8601 duration ("P1D", "P2W", "P1M", "P1Y")
_DURATION = re.compile(r"P(\d+)([DWMY])")


def period_days(period: str | None, until: dt.date | None, units: dict[str, int]) -> int | None:
    """The days an increase's period covers: a ``since:`` period's days up to ``until``
    (:func:`since_days`), or a duration counted in ``units`` (days per letter: plausibility
    bounds a month by 31, check judges one over 30); None when it is neither, or not known."""
    if period and period.startswith("since:"):
        return since_days(period, until)
    match = _DURATION.fullmatch(period or "")
    if match is None or match.group(2) not in units:
        return None
    return int(match.group(1)) * units[match.group(2)]


def calendar_days(period: str | None, until: dt.date | None) -> int | None:
    """The days a period of months or years ("P1M", "P2M", "P1Y") covers up to ``until``, counted
    back on the calendar: a month before the report of 1 January is 1 December (31 days), before
    1 March one of 28 or 29; None for other periods, or with no ``until``."""
    match = _DURATION.fullmatch(period or "")
    if match is None or until is None or match.group(2) not in ("M", "Y"):
        return None
    months = int(match.group(1)) * (12 if match.group(2) == "Y" else 1)
    year, month = divmod(until.year * 12 + until.month - 1 - months, 12)
    start = dt.date(year, month + 1, min(until.day, calendar.monthrange(year, month + 1)[1]))
    return (until - start).days


def since_days(period: str | None, until: dt.date | None) -> int | None:
    """The days from a ``since:`` period's first day to ``until`` (extraction sizes the increase
    by them, check judges it over them); None for other periods, or when ``until`` is unknown or
    not after that day."""
    start = _first_day(period, until)
    return (until - start).days if start is not None and until is not None and until > start else None


def _first_day(period: str | None, until: dt.date | None) -> dt.date | None:
    """The first day of a ``since:`` period: its date, or the last such day (month and day) on or
    before ``until`` when it names no year; None for other periods, or with no ``until``."""
    if not period or not period.startswith("since:"):
        return None
    text = period[6:]
    if not text.startswith("--"):
        return dt.date.fromisoformat(text)
    if until is None:
        return None
    month, day = int(text[2:4]), int(text[5:7])
    start = dt.date(until.year, month, min(day, 28) if month == 2 else day)
    return start if start <= until else start.replace(year=until.year - 1)


#: more years than this are no span of this war ("за 10 років афганської війни")
_WAR_YEARS = 4
#: hours of a span that is one report's day ("in the past 24 hours", "за 48 часов" is two)
_DAY_HOURS = 24


def _span_period(count: int, letter: str) -> str:
    """An ISO 8601 period for a count of a unit of time (weeks in days, as the vocabularies write
    them: "P14D"; hours in whole days: "P1D")."""
    if letter == "H":
        return f"P{max(1, -(-count // _DAY_HOURS))}D"
    if letter == "W":
        return f"P{7 * count}D"
    return f"P{count}{letter}"


def _counted_periods(doc: Doc, dated: set[int], published: dt.date | None) -> list[Match]:
    """ "over the past 24 hours", "за последние 3 дня", "over the past three months", "за три
    зимних месяца", "in drei Monaten": a period prefix (``[kind] period_prefix``) or a word of
    "during" (``[dates] during``), a count in digits or words, at most one word more, and a unit
    of time is a new loss over that time: the count of the unit, where the unit is one of CLDR's
    (vocab.py's ``time_units``) and the text's day is known (so that the plausibility check can
    tell "in 18 days of invasion", the war so far, from a span of it); after a "during" word
    only months and years ("за 11 днів" is the war's first days far more often than a span).
    A prefix right before a unit counts one ("over the past week").  After a prefix, another
    word of time (``[nonclaims] time_after``) leaves its length open (the plausibility check then
    treats it as a day)."""
    out: list[Match] = []
    if doc.lex.term_before_number:
        return out  # "지난 19일부터": where a counter follows every number, "N days" and "the Nth" look alike
    toks = doc.tokens
    numbers = {n.first: n for n in doc.numbers}
    openers = [(m, True) for m in doc.matches_in(0, len(toks), "kind:period_prefix")]
    if published is not None:
        openers += [(m, False) for m in doc.matches_in(0, len(toks), "date:during")]
    for m, prefix in openers:
        if prefix and published is not None and m.end < len(toks) and m.end not in numbers:
            # "over the past week", "за последний месяц": a unit with no count is one of it
            letter = doc.lex.time_unit(toks[m.end].norm)
            if letter is not None and letter != "H":
                out.append(_cue(m.start, m.end + 1, "increase", _span_period(1, letter)))
            continue
        n = numbers.get(m.end)
        if n is None or m.end in dated or n.value != int(n.value) or not 0 < n.value < 1000:
            continue
        letter = None
        if published is not None:
            for u in range(n.last, min(n.last + 2, len(toks))):
                letter = doc.lex.time_unit(toks[u].norm)
                if letter is not None:
                    break
        if letter is not None:
            # "за 10 років афганської війни" is no span of this war
            if (prefix or letter in "MY") and not (letter == "Y" and n.value > _WAR_YEARS):
                out.append(_cue(m.start, u + 1, "increase", _span_period(int(n.value), letter)))
            continue
        unit = doc.match_at.get(n.last)
        if (
            prefix
            and toks[n.first].kind == NUM
            and n.last == n.first + 1
            and unit is not None
            and unit.has("non:time_after")
        ):
            out.append(_cue(m.start, unit.end, "increase", None))
    return out


def _from_war_start(start: DateMention, end: DateMention) -> bool:
    """Whether two dates are a range from the war's first day (or first report) to a day."""
    return start.since_cue and end.range_end and _war_start(start)


def _range_days(start: DateMention, end: DateMention) -> int | None:
    """The days of a range of two dates ("from 27 November to 3 December", "11–17 березня"),
    both ends counted, or None when they are no range or the range starts with the war (its
    figures are totals: "from 24 February 2022 to 11 June 2025")."""
    if not (start.since_cue and end.range_end) or start.day is None or end.day is None:
        return None
    if end.month is None:  # "14일부터 17일까지": two days of one month (which, the text's date says)
        return end.day - start.day + 1 if start.month is None and end.day > start.day else None
    if _from_war_start(start, end):
        return None  # "من 25 فبراير وحتى 27 أغسطس": from the first day (or the first report) on
    year = end.year or 2023  # any year: only the distance between the two days is needed
    month = start.month or end.month
    try:
        first = dt.date(start.year or (year if month <= end.month else year - 1), month, start.day)
        last = dt.date(year, end.month, end.day)
    except ValueError:
        return None
    if first <= INVASION or not 0 < (last - first).days < 366:
        return None
    return (last - first).days + 1


def _during(doc: Doc, first: int, last: int) -> bool:
    """A "during" word before (or after) the span, maybe with an article or the word "year" between
    ("en el 2024", "pada tahun 2024", "en el año 2024"),
    or a case ending that says "in" (Finnish "lokakuussa"), and no "since" just before it ("since
    the war began in …" dates a start)."""
    before, after = doc.ctx_end.get(first), doc.ctx_at.get(last)
    if (before is None or not before.has("date:during")) and first > 0:
        k = first - 1
        if doc.tokens[k].norm in doc.lex.year_words and k > 0:  # "pada tahun 2024", "im Jahr 2024"
            before, k = doc.ctx_end.get(k), k - 1
        if (before is None or not before.has("date:during")) and doc.tokens[k].norm in doc.lex.articles:
            before = doc.ctx_end.get(k)
    worded = (before is not None and before.has("date:during")) or (
        after is not None and after.has("date:during_after")
    )
    inflected = (
        bool(doc.lex.during_suffixes) and last - first == 1 and doc.tokens[first].norm.endswith(doc.lex.during_suffixes)
    )
    if not (worded or inflected):
        return False
    sent_lo, sent_hi = doc.sentence_range(first)
    if doc.matches_in(max(sent_lo, first - 6), first, "date:since"):
        return False
    # "said in September that …", "im Juni bezifferten …": the date of a statement, not a period;
    # a word of saying in another clause ("434.000 bajas en 2024, según ha afirmado …") is not
    clause_lo, clause_hi = doc.clause_range(first)
    lo, hi = max(sent_lo, clause_lo, first - 4), min(sent_hi, clause_hi, last + 4)
    return not doc.matches_in(lo, hi, "date:said")
