"""Dates in a text: finding date mentions cheaply, and resolving the report date (``as_of``).

Mentions are found on the token list with the vocabulary's month and weekday names (Babel's CLDR
names plus each vocab file's extras): "24.02.22", "24 лютого 2022 року", "Feb. 24, 2022",
"3. September", "24 de febrero", "this Friday", "yesterday".  Numbers inside them are dates, not
figures.  Relative phrases ("this Friday", "am Mittwoch") are resolved against ``published`` by
dateparser — only on those short spans, and cached, because dateparser is slow on whole texts.

The General Staff's report of day D covers the losses of day D-1, so a date introduced as "the
past day" ("За минулу добу, 1 жовтня") is the day before the report (report date = date + 1).
"""

from __future__ import annotations

import datetime as dt
import tomllib
from collections.abc import Collection
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from ..warday import WAR_START
from .tokens import DASHES, NUM, PUNCT, Token
from .vocab import Lexicon, Match

__all__ = ["DateMention", "find_dates", "infer_year", "resolve_relative"]

INVASION = WAR_START  # the first day a loss figure can belong to


@dataclass(slots=True)
class DateMention:
    """A date mention at tokens [first, last): whatever of day, month, year and weekday it states."""

    first: int
    last: int
    start: int
    end: int
    day: int | None = None
    month: int | None = None
    year: int | None = None
    weekday: int | None = None  # 0 = Monday
    relative: str | None = None  # "today" | "yesterday"
    as_of_cue: bool = False
    since_cue: bool = False
    range_end: bool = False
    previous_day: bool = False
    metadata: bool = False  # the scraper's " date 2024-09" prefix

    def date(self, year: int | None = None) -> dt.date | None:
        y = self.year or year
        if y is None or self.month is None or self.day is None:
            return None
        try:
            return dt.date(y, self.month, self.day)
        except ValueError:
            return None


def _year(v: int) -> int | None:
    if 1900 <= v <= 2100:
        return v
    if len(str(v)) == 2 or v < 100:
        return 2000 + v
    return None


def _num(tok: Token) -> int | None:
    return int(tok.raw) if tok.kind == NUM and tok.raw.isdigit() else None


def _dotted(tok: Token) -> tuple[int, int, int | None] | None:
    """ "24.02.22", "30.7.2022", "24.02" as (day, month, year)."""
    parts = tok.raw.split(".")
    if tok.kind != NUM or len(parts) not in (2, 3) or not all(p.isdigit() for p in parts):
        return None
    if len(parts) == 2 and (len(parts[1]) != 2 or len(parts[0]) > 2):
        return None
    day, month = int(parts[0]), int(parts[1])
    if not (1 <= day <= 31 and 1 <= month <= 12):
        return None
    year = _year(int(parts[2])) if len(parts) == 3 and len(parts[2]) in (2, 4) else None
    if len(parts) == 3 and year is None:
        return None
    return day, month, year


class _Finder:
    def __init__(self, tokens: list[Token], matches: list[Match], lex: Lexicon) -> None:
        self.tokens = tokens
        self.day_links = lex.day_links | {"."}
        self.day_marks = lex.day_marks
        self.year_links = lex.year_links | {",", "'", "."}
        # only date matches: other layers may start at the same token
        self.at: dict[int, Match] = {m.start: m for m in matches if "date:" in m.prefixes}
        self.at_end: dict[int, Match] = {m.end: m for m in matches if "date:" in m.prefixes}
        self.n = len(tokens)

    def month_at(self, i: int) -> tuple[int, int] | None:
        m = self.at.get(i)
        if m is not None and m.has("date:month"):
            end = m.end
            if end < self.n and self.tokens[end].raw == "." and not self.tokens[end].nl_before:
                end += 1
            return int(m.get("date:month")), end
        return None

    def number_after(self, i: int, lo: int, hi: int, skip: Collection[str] = ()) -> tuple[int, int] | None:
        j = i
        while j < self.n and (self.tokens[j].raw in skip or self.tokens[j].norm in skip):
            j += 1
        if j < self.n:
            v = _num(self.tokens[j])
            if v is not None and lo <= v <= hi and not self.tokens[j].nl_before:
                return v, j + 1
        return None

    def _marked(self, j: int) -> bool:
        """Whether token j is a day number's mark ("14*일*")."""
        return j < self.n and self.tokens[j].norm in self.day_marks

    def _in_range(self, i: int) -> bool:
        """Whether a marked day number at i is a range's end: a range word follows its mark or
        precedes it ("14일*부터*", "*至*17日"); "7일 동안" (seven days) is a span, not a date."""
        after, before = self.at.get(i + 2), self.at_end.get(i)
        return any(m is not None and (m.has("date:range_from") or m.has("date:range_to")) for m in (after, before))

    def find(self) -> list[DateMention]:
        out: list[DateMention] = []
        starts = {m.start for m in self.at.values()}
        starts.update(i for i, t in enumerate(self.tokens) if t.kind == NUM)
        done = 0
        for i in sorted(starts):
            if i < done:
                continue
            found = self._at(i)
            if found is not None:
                out.append(found)
                done = max(found.last, i + 1)
        return out

    def _mention(self, first: int, last: int, **kw: int | None) -> DateMention:
        t = self.tokens
        return DateMention(first, last, t[first].start, t[last - 1].end, **kw)  # type: ignore[arg-type]

    def _at(self, i: int) -> DateMention | None:
        tok = self.tokens[i]
        dotted = _dotted(tok)
        if dotted:
            return self._mention(i, i + 1, day=dotted[0], month=dotted[1], year=dotted[2])
        iso = self._iso(i)
        if iso:
            return iso
        day = _num(tok)
        if day is not None and 1 <= day <= 31 and len(tok.raw) <= 2:
            j = i + 1
            while j < self.n and self.tokens[j].norm in self.day_links and j < i + 3:
                j += 1
            month = self.month_at(j)
            if month is not None and not self.tokens[j].nl_before:
                year = self.number_after(month[1], 1900, 2100, skip=self.year_links)
                last = year[1] if year else month[1]
                return self._mention(i, last, day=day, month=month[0], year=year[0] if year else None)
        if day is not None and 1 <= day <= 31 and len(tok.raw) <= 2 and self._marked(i + 1) and self._in_range(i):
            return self._mention(i, i + 2, day=day)  # "14일부터 17일까지": days of the month around them
        month = self.month_at(i)
        if month is not None:
            day2 = self.number_after(month[1], 1, 31, skip=(".",))
            if day2 is not None and len(self.tokens[day2[1] - 1].raw) <= 2:
                year = self.number_after(day2[1], 1900, 2100, skip=(",",))
                last = year[1] if year else day2[1] + self._marked(day2[1])
                return self._mention(i, last, day=day2[0], month=month[0], year=year[0] if year else None)
            year = self.number_after(month[1], 1900, 2100, skip=self.year_links - {",", "."})
            if year is not None:
                return self._mention(i, year[1], month=month[0], year=year[0])
        m = self.at.get(i)
        if m is not None and m.has("date:weekday"):
            return self._mention(i, m.end, weekday=int(m.get("date:weekday")) % 7)
        if m is not None and (m.has("date:today") or m.has("date:yesterday") or m.has("date:relative")):
            rel = "today" if m.has("date:today") else "yesterday" if m.has("date:yesterday") else "other"
            return DateMention(i, m.end, tok.start, self.tokens[m.end - 1].end, relative=rel)
        return None

    def _iso(self, i: int) -> DateMention | None:
        t = self.tokens
        y = _num(t[i])
        if y is None or not (1900 <= y <= 2100) or i + 2 >= self.n or t[i + 1].raw not in DASHES:
            return None
        mo = _num(t[i + 2])
        if mo is None or not (1 <= mo <= 12) or len(t[i + 2].raw) != 2:
            return None
        if i + 4 < self.n + 1 and i + 4 <= self.n - 1 + 1 and i + 3 < self.n and t[i + 3].raw in DASHES:
            d = _num(t[i + 4]) if i + 4 < self.n else None
            if d is not None and 1 <= d <= 31:
                dm = self._mention(i, i + 5, day=d, month=mo, year=y)
                dm.metadata = i <= 2
                return dm
        dm = self._mention(i, i + 3, month=mo, year=y)
        dm.metadata = i <= 2
        return dm


def _cue_before(matches_by_end: dict[int, Match], tokens: list[Token], i: int, cat: str, reach: int = 3) -> bool:
    for j in range(i, max(-1, i - reach - 1), -1):
        m = matches_by_end.get(j)
        if m is not None and m.has(cat):
            return True
        if j < i and j < len(tokens) and tokens[j].kind == PUNCT and tokens[j].raw in ".;\n":
            return False
    return False


def _cue_at(matches_at: dict[int, Match], i: int, cat: str) -> bool:
    m = matches_at.get(i)
    return m is not None and m.has(cat)


def find_dates(tokens: list[Token], matches: list[Match], lex: Lexicon) -> list[DateMention]:
    """Every date mention, with the cues around it (as of / since / range end / previous day);
    ``lex`` gives the words that link a day, its month and its year ("24 de febrero de 2024")."""
    mentions = _Finder(tokens, matches, lex).find()
    dated = [m for m in matches if "date:" in m.prefixes]
    by_end = {m.end: m for m in dated}
    matches_at = {m.start: m for m in dated}
    mentions = _range_days(mentions, tokens, matches_at)
    for k, dm in enumerate(mentions):
        dm.as_of_cue = _cue_before(by_end, tokens, dm.first, "date:as_of")
        dm.since_cue = _cue_before(by_end, tokens, dm.first, "date:since", 2)
        dm.previous_day = _cue_before(by_end, tokens, dm.first, "date:previous_day", 4)
        if k > 0 and _joined(mentions[k - 1], dm, tokens, matches_at):
            prev = mentions[k - 1]
            dm.range_end, dm.since_cue = True, False
            prev.since_cue = True
            if dm.month is None and prev.month is not None and dm.day is not None and prev.day is not None:
                dm.month, dm.year = prev.month, prev.year  # "12월 14일부터 17일까지"
                if dm.day < prev.day:
                    dm.month, dm.year = (prev.month % 12) + 1, (prev.year + (prev.month == 12)) if prev.year else None
    return mentions


#: the most tokens between a range's two dates ("14 – 17", "14일부터 17일까지", "14日至17日")
_RANGE_GAP = 4


def _joined(prev: DateMention, dm: DateMention, tokens: list[Token], matches_at: dict[int, Match]) -> bool:
    """Whether two dates are a range's ends: only dashes and range words between them, "to" words
    ("bis", "至") or "from" words that follow their date ("14일*부터* 17일", "14日*から*")."""
    j, joined = prev.last, False
    while j < dm.first:
        m = matches_at.get(j)
        if tokens[j].raw in DASHES:
            j, joined = j + 1, True
        elif m is not None and (m.has("date:range_to") or m.has("date:range_from")):
            j, joined = m.end, True
        else:
            return False
    return joined and dm.first - prev.last <= _RANGE_GAP


def _range_days(mentions: list[DateMention], tokens: list[Token], matches_at: dict[int, Match]) -> list[DateMention]:
    """A bare day that opens a range ending in a full date ("from 14 to 17 December", "vom 14.
    bis 17. Dezember", "11–17 березня") or closes one opening with a full date ("from November 28
    to 29") is a date of that month (of the month before or after when the order of the days says
    so: "28 to 3 March", "November 28 to 3")."""
    out: list[DateMention] = []
    taken = {j for dm in mentions for j in range(dm.first, dm.last)}

    def linked(k: int) -> bool:  # a dash or a "to" word between the two ends
        return tokens[k].raw in DASHES or _cue_at(matches_at, k, "date:range_to")

    def bare_day(k: int) -> int | None:
        day = _num(tokens[k])
        return day if day is not None and k not in taken and 1 <= day <= 31 and len(tokens[k].raw) <= 2 else None

    for dm in mentions:
        if dm.day is None or dm.month is None:
            out.append(dm)
            continue
        k = dm.first - 1
        while k >= 0 and k > dm.first - 3 and linked(k):
            k -= 1
        if k >= 0 and tokens[k].raw == "." and k < dm.first - 1:
            k -= 1  # "vom 14. bis"
        day = bare_day(k) if 0 <= k < dm.first - 1 else None
        if day is not None:
            month, year = _month_step(dm.month, dm.year, -1 if day > dm.day else 0)
            end = k + 1 if tokens[k + 1].raw != "." else k + 2
            out.append(DateMention(k, end, tokens[k].start, tokens[end - 1].end, day=day, month=month, year=year))
            taken.update(range(k, end))
        out.append(dm)
        k = dm.last
        while k < len(tokens) and k < dm.last + 2 and linked(k):
            k += 1
        day = bare_day(k) if dm.last < k < len(tokens) and not tokens[k].nl_before else None
        if day is not None:
            month, year = _month_step(dm.month, dm.year, 1 if day < dm.day else 0)
            out.append(DateMention(k, k + 1, tokens[k].start, tokens[k].end, day=day, month=month, year=year))
            taken.add(k)
    return out


def _month_step(month: int, year: int | None, step: int) -> tuple[int, int | None]:
    """The month (and year, where known) ``step`` months (-1, 0 or 1) from ``month``."""
    if step < 0 and month == 1:
        return 12, year - 1 if year else None
    if step > 0 and month == 12:
        return 1, year + 1 if year else None
    return month + step, year


@lru_cache(maxsize=4096)
def resolve_relative(phrase: str, language: str, base: dt.date) -> dt.date | None:
    """A relative date phrase ("this Friday", "am Mittwoch") as a date, relative to ``base``.

    dateparser does the parsing (on this short phrase only); the result is cached.
    """
    import dateparser

    settings = {"RELATIVE_BASE": dt.datetime(base.year, base.month, base.day, 12), "PREFER_DATES_FROM": "past"}
    try:
        parsed = dateparser.parse(phrase, languages=[language, "en"], settings=settings)
    except Exception:  # dateparser raises assorted errors on odd input; a phrase we cannot read is no date
        return None
    if parsed is None:
        return None
    found = parsed.date()
    return found if found <= base else None


def weekday_before(base: dt.date, weekday: int) -> dt.date:
    """The latest date on or before ``base`` that falls on ``weekday`` (0 = Monday)."""
    return base - dt.timedelta(days=(base.weekday() - weekday) % 7)


@cache
def _eras() -> dict[str, list[tuple[int, int, int]]]:
    raw = tomllib.loads(
        resources.files(__package__).joinpath("vocab").joinpath("_eras.toml").read_text(encoding="utf-8")
    )
    return {metric: [(int(y), lo, hi) for y, (lo, hi) in years.items()] for metric, years in raw.items()}


def infer_year(metric: str, value: int) -> int | None:
    """The year whose General Staff totals of ``metric`` include ``value`` (None if unsure)."""
    years = [y for y, lo, hi in _eras().get(metric, []) if lo <= value <= hi]
    return years[0] if len(years) == 1 else None
