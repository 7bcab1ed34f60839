"""Numbers as written in the wild: digit groups, decimals with scale words, words, mixtures.

- Thousands separators of every locale: "400,300", "103.770", "400 300" (space, NBSP, thin
  space), "15'000" (Swiss apostrophe); a group after a separator must have exactly three digits,
  anything else is a decimal part ("1,18 млн", "1.2 million") or a separate number.
- Scale words multiply: "400 mila", "13 тис.", "۱۳۰ هزار", "1,18 млн"; compounds add up:
  "646 тис. 400", "377 bin 820", "مليون و77 ألفا و830", "13万4100", "2만9천63".
- Number words from the language's vocabulary: "one submarine", "zwei Flugzeuge", "півтори тисячі".

Babel parses one locale's number at a time and needs to know the locale's separators; news copy
mixes locales and glues scale words and words to digits, so the grammar here is hand-written
(Babel is used in the tests to write numbers as each locale does and check they parse back).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .tokens import NUM, PUNCT, UNSPACED, WORD, Token, to_ascii_digits, tokenize
from .vocab import Lexicon, Match, lexicon

__all__ = ["RANGE_MARKS", "NumberPhrase", "find_numbers", "parse_digits", "parse_number", "trailing_zeros"]


@dataclass(slots=True)
class NumberPhrase:
    """A number found in the text: tokens [first, last), its value and stated granularity."""

    first: int
    last: int
    start: int
    end: int
    value: float
    precision: int
    text: str
    words_only: bool = False  # written without digits ("one", "тисячу")
    has_scale: bool = False
    raw_digits: str = ""  # the digit token as written, when the phrase is one digit token
    glued: str = ""  # a postposition glued to its last scale word ("देखि" of "१९ हजारदेखि")
    names_itself: bool = False  # a list's noun without a number, which counts one (implicit.py)

    @property
    def int_value(self) -> int:
        return int(round(self.value))


def trailing_zeros(value: int) -> int:
    """The run of zeros a figure ends with ("400,000": 5)."""
    return len(str(value)) - len(str(value).rstrip("0")) if value else 0


@lru_cache(maxsize=16384)
def parse_digits(raw: str) -> tuple[float, int, int] | None:
    """(value, precision, decimals) of a digit token such as "12 129", "1.003", "1,18", "27.5".

    A single separator followed by exactly three digits is a thousands separator ("1.003" is
    1003, as Italian, German, Spanish and Turkish write it); with 1-2 or 4+ digits after it, it
    is a decimal point ("1,18", "1.2").  None when the token is no number (e.g. "24.02.22").
    """
    parts = re.split(r"([^\d]+)", raw)
    groups = parts[0::2]
    seps = [("nl" if "\n" in s else s) for s in parts[1::2]]
    if len(groups) == 1:
        return float(groups[0]), 1, 0
    if all(len(g) == 3 for g in groups[1:]) and len(set(seps)) == 1 and len(groups[0]) <= 3:
        return float("".join(groups)), 1, 0
    if _indian(groups, seps):  # "1,17,950", "2,50,000": lakh grouping (South Asian press)
        return float("".join(groups)), 1, 0
    if len(groups) == 2 and seps[0] in (".", ","):
        value = float(f"{groups[0]}.{groups[1]}")
        return value, 1, len(groups[1])
    # thousands groups then a decimal part with the other separator: "1,234.5", "1.234,5"
    mixed = len(groups) >= 3 and seps[-1] in (".", ",") and len(set(seps[:-1])) == 1 and seps[-1] != seps[0]
    if mixed and len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:-1]):
        return float("".join(groups[:-1]) + "." + groups[-1]), 1, len(groups[-1])
    return None


def _indian(groups: list[str], seps: list[str]) -> bool:
    """Groups of two digits before a last group of three, commas only ("12,34,567")."""
    return (
        len(groups) >= 3
        and set(seps) == {","}
        and 1 <= len(groups[0]) <= 2
        and all(len(g) == 2 for g in groups[1:-1])
        and len(groups[-1]) == 3
    )


_AMBIGUOUS_GROUP = re.compile(r"^\d{1,3}[.,]\d{3}$")
#: one to three digits, a separator and four or five: no decimal a count is written with (a count
#: with a fraction needs a scale word after it, "1,1845 млн"), but a group typed with a digit too many
_MISGROUPED = re.compile(r"^\d{1,3}[.,]\d{4,5}$")


@dataclass
class _State:
    """The running value of a number phrase: ``total`` of completed scale groups, ``current`` the
    group being read ("646 тис. 400": total 646000, current 400)."""

    total: float = 0.0
    current: float | None = None
    last_scale: float = float("inf")
    precision: int = 1
    has_scale: bool = False
    words_only: bool = True
    pending_connector: bool = False
    decimals: int = 0
    current_is_word: bool = False
    hundreds: bool = False  # ``current`` is a count of hundreds a scale word made ("४ सय": 400)
    half_before: bool = False  # "साढे १३ हजार": a half is added to the count before the scale word

    def empty(self) -> bool:
        return self.current is None and self.total == 0

    def add_half(self) -> bool:
        """ "e mezzo", "з половиною": half of the unit just read ("27.000 e mezzo" = 27500)."""
        if self.current is not None:
            unit = 1000.0 if self.current >= 1000 and self.current % 1000 == 0 else 1.0
            self.current += unit / 2
            return True
        if self.last_scale == float("inf"):
            return False
        self.total += self.last_scale / 2
        return True

    def add_value(self, kind: str, value: float, decimals: int) -> bool:
        """A digit group or number word; False when it starts a new number instead."""
        if self.current is not None:
            # "twenty one", "двадцять п'ять", "сто двадцять": word units after word tens/hundreds
            # "ninety eight", "four hundred ninety eight": units after a word's tens
            tens = self.current_is_word and self.current % 100 >= 20 and self.current % 10 == 0 and value < 10
            hundreds = self.current_is_word and self.current % 100 == 0 and self.current < 1000 and value < 100
            if kind == "numword" and (tens or hundreds):
                self.current += value
                return True
            if self.hundreds and kind == "digits" and value < 100 and not decimals:
                self.current += value  # "४ सय ५०", "१ सय १२": hundreds written with the word, then the rest
                self.hundreds = False
                return True
            return False
        if self.total and value >= self.last_scale:
            return False
        if self.total and not self.pending_connector and kind == "numword" and value < 1:
            return False
        self.current, self.current_is_word, self.decimals = value, kind == "numword", decimals
        self.words_only = self.words_only and kind == "numword"
        self.pending_connector, self.precision = False, 1
        return True

    def add_scale(self, value: float, first: bool) -> bool:
        """A scale word multiplies what was read ("400 mila", "мільйон" alone means one million)."""
        if value == 100 and self.current is not None and self.current < 100:
            self.current *= 100
            self.hundreds = True
            return True
        if value == 100 and self.current is None and first:  # "yüz bin", "hundred thousand": 100 of what follows
            self.current, self.current_is_word = 100.0, True
            return True
        if value >= self.last_scale or (self.current is None and not first and not self.pending_connector):
            return False
        count = 1.0 if self.current is None else self.current
        if self.half_before and self.current is not None:
            count, self.half_before = count + 0.5, False
        self.total += count * value
        self.precision = max(1, int(round(value / (10**self.decimals))))
        self.has_scale, self.last_scale = True, value
        self.current, self.decimals, self.pending_connector = None, 0, False
        return True


def _abbreviation_dot(tokens: list[Token], i: int) -> bool:
    """A '.' after a scale word abbreviates it ("646 тис. 400", "285 tys. żołnierzy") unless it
    ends the sentence ("… em 95 mil. O site")."""
    if i >= len(tokens) or tokens[i].raw != "." or tokens[i].nl_before:
        return False
    if i + 1 >= len(tokens) or tokens[i + 1].nl_before:
        return False
    nxt = tokens[i + 1]
    return nxt.kind == NUM or nxt.kind == PUNCT and nxt.raw == "(" or nxt.raw[:1].islower()


def find_numbers(tokens: list[Token], matches: list[Match], lex: Lexicon) -> list[NumberPhrase]:
    """Every number phrase in ``tokens``; ``matches`` are the vocabulary matches of the same tokens."""
    by_start = {m.start: m for m in matches}
    out: list[NumberPhrase] = []
    i, n = 0, len(tokens)
    numeric = {m.start for m in matches if m.cats() & {"scale", "numword", "half_before"}}
    glued = _glued_scales(tokens, matches, lex)
    while i < n:
        if tokens[i].kind != NUM and i not in numeric:
            i += 1
            continue
        phrase = _assemble(tokens, i, by_start, glued)
        if phrase is None or _lone_character(tokens, phrase, by_start) or _inside_name(tokens, phrase, numeric):
            i += 1
            continue
        out.append(phrase)
        i = phrase.last
    _share_range_scales(tokens, out, lex)
    return _comma_spaced_thousands(tokens, out, matches, lex)


def _comma_spaced_thousands(
    tokens: list[Token], phrases: list[NumberPhrase], matches: list[Match], lex: Lexicon
) -> list[NumberPhrase]:
    """ "26, 350 ரஷ்ய வீரர்கள்", "wanajeshi 5, 840 wa Urusi": a comma typed with a space after it as
    the thousands separator, between one to three digits and three more followed by a word.  Not
    in a list of numbers ("700, 800 and 850": a comma before the first group, or a word joining
    numbers after the second) nor after a month's name ("March 26, 350 soldiers": a date)."""
    out: list[NumberPhrase] = []
    months: set[int] | None = None  # where a month's name ends (found once, where needed)
    k = 0
    while k < len(phrases):
        a = phrases[k]
        b = phrases[k + 1] if k + 1 < len(phrases) else None
        if b is not None and _spaced_thousands(tokens, a, b, lex):
            if months is None:
                months = {m.end for m in matches if m.has("date:month")}
            if a.first in months:
                out.append(a)
                k += 1
                continue
            out.append(
                NumberPhrase(a.first, b.last, a.start, b.end, a.value * 1000 + b.value, 1, a.text, raw_digits="")
            )
            k += 2
            continue
        out.append(a)
        k += 1
    return out


def _spaced_thousands(tokens: list[Token], a: NumberPhrase, b: NumberPhrase, lex: Lexicon) -> bool:
    """Whether ``a`` ", " ``b`` is one number written with a spaced comma (see above)."""
    if not (a.raw_digits.isdigit() and len(a.raw_digits) <= 3 and len(b.raw_digits) == 3 and b.raw_digits.isdigit()):
        return False
    comma = tokens[a.last]
    if b.first != a.last + 1 or comma.raw != "," or comma.start != tokens[a.first].end:
        return False
    if tokens[b.first].start - comma.end != 1 or b.last >= len(tokens) or tokens[b.last].kind != WORD:
        return False
    if lex.joins(tokens[b.last].norm):
        return False
    return a.first == 0 or tokens[a.first - 1].raw != ","


def _glued_scales(tokens: list[Token], matches: list[Match], lex: Lexicon) -> dict[int, str]:
    """Scale words carrying a glued postposition ("हजारदेखि", thousand-from; "ezerrel"): a
    listed scale word and two or more letters more, matched through the word's key.  The number
    ends with them, so the other end of a range is not added on ("१९ हजारदेखि २० हजार" is 19,000
    to 20,000, not 19,020)."""
    out: dict[int, str] = {}
    for m in matches:
        word = tokens[m.start].norm
        if m.end - m.start != 1 or not m.has("scale") or word in lex.exact:
            continue
        for w in lex.scale_words:
            if word.startswith(w) and len(word) - len(w) >= 2:
                out[m.start] = word[len(w) :]
                break
    return out


#: marks that join a range's two ends ("60–70"); the words are each language's [numbers] range_words
RANGE_MARKS = {"-", "–", "—", "‒", "~"}


def _share_range_scales(tokens: list[Token], phrases: list[NumberPhrase], lex: Lexicon) -> None:
    """ "60–70 ezer", "500 és 600 ezer", "19-20 ათასი": the first end of a range takes the scale
    word written once after the second."""
    for a, b in zip(phrases, phrases[1:], strict=False):
        if a.has_scale or not b.has_scale or a.words_only or b.first - a.last != 1:
            continue
        joiner = tokens[a.last]
        if joiner.raw not in RANGE_MARKS and not lex.joins(joiner.norm):
            continue
        scale = b.precision
        if scale > 1 and a.value * scale < b.value and a.value * 10 * scale > b.value:
            a.value, a.has_scale, a.precision = a.value * scale, True, scale


def _lone_character(tokens: list[Token], phrase: NumberPhrase, by_start: dict[int, Match]) -> bool:
    """A numeral of one character in a script without spaces ("十" in "不十分", "만" in "수만",
    "이" inside a Korean word) is a number only before a counter or a metric ("三架", "만 명")."""
    if not phrase.words_only or phrase.last - phrase.first != 1 or len(tokens[phrase.first].raw) != 1:
        return False
    if not UNSPACED.match(tokens[phrase.first].raw):
        return False
    nxt = by_start.get(phrase.last)
    return nxt is None or not any(c == "counter" or c.startswith(("metric:", "stmt:", "weak:")) for c in nxt.cats())


def _inside_name(tokens: list[Token], phrase: NumberPhrase, numeric: set[int]) -> bool:
    """A number word hyphenated to other words on both sides is part of a name: Turkish "on"
    (ten) in "Rostov-on-Don", not "twenty-one" (whose neighbours are numbers themselves)."""
    a, b = phrase.first, phrase.last
    if not phrase.words_only or b - a != 1 or a < 2 or b + 1 >= len(tokens):
        return False
    left, right = tokens[a - 1], tokens[b]
    return (
        left.raw == "-" == right.raw
        and left.end == tokens[a].start
        and right.start == tokens[a].end
        and tokens[a - 2].end == left.start
        and tokens[b + 1].start == right.end
        and tokens[a - 2].kind == WORD == tokens[b + 1].kind
        and a - 2 not in numeric
        and b + 1 not in numeric
    )


def _piece(tokens: list[Token], i: int, by_start: dict[int, Match]) -> tuple[str, float, int, int] | None:
    """The numeric piece at token i: (kind, value, decimals, next index)."""
    tok = tokens[i]
    if tok.kind == NUM:
        parsed = parse_digits(tok.raw)
        if parsed is None:
            return None
        return "digits", parsed[0], parsed[2], i + 1
    m = by_start.get(i)
    if m is None:
        return None
    for cat in ("scale", "numword", "connector", "half", "half_before"):
        if m.has(cat):
            value = m.get(cat)
            end = m.end
            # abbreviated scale words take their dot: "тис.", "tys.", "Tsd.", "млн."
            if cat == "scale" and _abbreviation_dot(tokens, end):
                end += 1
            return cat, float(value or 0), 0, end
    return None


def _word_hyphen(tokens: list[Token], j: int) -> bool:
    """Token j is a hyphen glued to a word on both sides."""
    if tokens[j].raw not in ("-", "‐") or j + 1 >= len(tokens):
        return False
    before, after = tokens[j - 1], tokens[j + 1]
    return before.kind == WORD and after.kind == WORD and before.end == tokens[j].start and tokens[j].end == after.start


def _assemble(tokens: list[Token], i: int, by_start: dict[int, Match], glued: dict[int, str]) -> NumberPhrase | None:
    """The number phrase starting at token i, read piece by piece (see :class:`_State`)."""
    first = _piece(tokens, i, by_start)
    if first is None or first[0] in ("connector", "half"):
        return None
    st = _State()
    j = last_good = i
    if first[0] == "half_before":  # "साढे": the number after it and a half (of its scale)
        st.half_before, j = True, first[3]
    tail = ""
    while j < len(tokens):
        if j > i and _word_hyphen(tokens, j) and (after := _piece(tokens, j + 1, by_start)) and after[0] == "numword":
            j += 1  # "twenty-five", "vingt-deux": number words joined by a hyphen are one number
            continue
        piece = _piece(tokens, j, by_start)
        if piece is None or (j > i and tokens[j].nl_before and not (piece[0] == "digits" and tokens[j].raw == "000")):
            break
        kind, value, decimals, nxt = piece
        if kind == "connector":
            if st.empty():
                break
            st.pending_connector, j = True, nxt
            continue
        if kind == "half_before":
            break
        if kind == "half":
            if not st.empty() and st.add_half():
                last_good = nxt
            break
        if kind == "scale" and value >= 1000 and st.total == 0 and j > i and _AMBIGUOUS_GROUP.match(tokens[j - 1].raw):
            # "1,475 млн", "1.47 Millionen": before a scale word a lone separator with three
            # digits is a decimal point — nobody writes 1,475 million losses meaning 1.475 billion
            st.current, st.decimals = float(tokens[j - 1].raw.replace(",", ".")), 3
        ok = st.add_scale(value, j == i) if kind == "scale" else st.add_value(kind, value, decimals)
        if not ok:
            break
        if kind == "scale" and j in glued:
            last_good, tail = nxt, glued[j]
            break
        last_good = j = nxt
    if last_good == i:
        return None
    raw = tokens[i].raw if last_good == i + 1 and tokens[i].kind == NUM else ""
    value = st.total + (st.current or 0.0) + (0.5 if st.half_before and st.current else 0.0)
    if raw and _MISGROUPED.match(raw):
        value = float(re.sub(r"\D", "", raw))  # "1,1104 tanks": a mistyped group, no fraction of a tank
    return NumberPhrase(
        first=i,
        last=last_good,
        start=tokens[i].start,
        end=tokens[last_good - 1].end,
        value=value,
        precision=st.precision if st.has_scale else 1,
        text="",
        words_only=st.words_only,
        has_scale=st.has_scale,
        raw_digits=raw,
        glued=tail,
    )


def parse_number(text: str, language: str = "en") -> float | None:
    """The value of ``text`` when it is one number phrase ("1,18 млн", "646 тис. 400"), else None.

    >>> parse_number("646 тис. 400", "uk")
    646400.0
    """
    norm = to_ascii_digits(text.strip())
    tokens = tokenize(norm)
    if not tokens:
        return None
    lex = lexicon(language)
    matches = lex.scan(tokens)
    phrases = find_numbers(tokens, matches, lex)
    if len(phrases) != 1 or phrases[0].first != 0:
        return None
    trailing = [t for t in tokens[phrases[0].last :] if not (t.kind == PUNCT and t.raw in ".,")]
    if trailing and any(t.kind == WORD for t in trailing):
        return None
    return phrases[0].value
