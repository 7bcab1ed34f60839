"""Counts no number writes: a list's item named with an indefinite article, or with none, is one.

A list of figures often names a single loss without a number: "eight tanks, four MLRS, 119
vehicles and a helicopter", "втратили танк, бойову броньовану машину, 25 артилерійських
систем", "pět letadel, vrtulník". Where "one" is a number word that doubles as the article
("un hélicoptère", "ein Hubschrauber") the number reader already sees it; English writes "a" or
"an" (``[language] indefinite``), and languages without articles write the bare noun
(``[language] bare_noun_one``). Such an item becomes a number phrase of value one spanning its
article (so the noun after it is found as for any number) or its noun (which then is its own
count, as the Arabic dual "غواصتين" is), but only inside a list: the items next to it, across
a comma or a conjunction, are counts with their nouns, or are such items in turn. A noun with a
number of its own before it, or a word after it that is no separator, is no such item.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .numbers import NumberPhrase
from .tokens import LIST_SEPARATORS, WORD

if TYPE_CHECKING:
    from .dates import DateMention
    from .document import Doc

__all__ = ["add_implicit_ones"]

#: metrics a lone noun never counts one of: people are counted, not named one by one in these
#: lists; "equipment" is a heading, not an item; vehicles' two parts are one line of the
#: statement ("107 одиниць автомобільної техніки та цистерн з ПММ")
_NEVER = frozenset({"personnel", "pow", "all_equipment", "fuel_tanks", "military_auto"})
#: what may close the last item: the sentence's or clause's end
_CLOSERS = {".", "!", "?", ")"}
#: at most this many words of an item before its noun when the item opens the list
_LEAD = 6
#: at most this many tokens in a list item
_ITEM = 12
#: the count of an item that follows stands within its first this many tokens ("свыше 19,5 тыс.")
_OPENING = 2
#: the dashes that set a sum or a number off: "танки, літаки й гелікоптери – усього 2273
#: одиниці" (a sum after the list), "45 – средств ПВО" (a number before its noun)
_DASHES = frozenset({"–", "—"})
#: what ends a list item besides separators and the sentence's end
_ITEM_ENDS = _DASHES | {":"}


def _metric(doc: Doc, k: int) -> tuple[str, int] | None:
    """(metric, end) of a plain metric noun starting at token k (no stated form, no non-claim)."""
    m = doc.match_at.get(k)
    if m is None or any(cat.startswith("non:") for cat, _ in m.entries):
        return None
    for cat, _ in m.entries:
        if cat.startswith("metric:"):
            return cat[7:], m.end
    return None


def _separator(doc: Doc, k: int, commas_only: bool = False) -> bool:
    """Whether token k separates list items: a comma, or a conjunction that is no part of a
    phrase ("ships *and* boats" names one line)."""
    tok = doc.tokens[k]
    if tok.raw in LIST_SEPARATORS:
        return True
    if commas_only or tok.kind != WORD or tok.norm not in doc.lex.conjunctions:
        return False
    cover = doc.cover[k]
    return cover is None or cover.end - cover.start == 1


def _numbered_item(doc: Doc, lo: int, hi: int, counts: dict[int, NumberPhrase], opening: bool = False) -> bool:
    """Whether tokens [lo, hi) are a list item with a count and a metric noun ("25 артсистем"),
    the count ``opening`` it (a qualifier before it at most) where the item follows: a scale word
    alone is no count ("на тисячі танків, броньованих машин": thousands of each)."""
    reach = min(hi, lo + _OPENING) if opening else hi
    counted = any(k in counts and not (counts[k].words_only and counts[k].has_scale) for k in range(lo, reach))
    return counted and any(_metric(doc, k) is not None for k in range(lo, hi))


def _in_item(doc: Doc, k: int, sent: int) -> bool:
    """Whether token k may be part of a list item in sentence ``sent``."""
    return doc.sent_of[k] == sent and not _separator(doc, k) and doc.tokens[k].raw not in _ITEM_ENDS


def _back(doc: Doc, k: int, sent: int) -> bool:
    """Whether an item that reaches token k goes on back to token k - 1 (not across a line break)."""
    return k > 0 and not doc.tokens[k].nl_before and _in_item(doc, k - 1, sent)


def _item_before(doc: Doc, sep: int) -> tuple[int, int]:
    """The tokens of the item that ends at separator ``sep`` (back to the one before it)."""
    lo, sent = sep, doc.sent_of[sep]
    while _back(doc, lo, sent) and sep - lo < _ITEM:
        lo -= 1
    return lo, sep


def _item_after(doc: Doc, k: int) -> tuple[int, int]:
    """The tokens of the item that starts at ``k`` (to the next separator or the clause's end)."""
    n = len(doc.tokens)
    sent = doc.sent_of[k]
    while k < n and doc.sent_of[k] == sent and _separator(doc, k):
        k += 1  # ", and", ", та"
    hi = k
    while hi < n and _in_item(doc, hi, sent) and not (hi > k and doc.tokens[hi].nl_before) and hi - k < _ITEM:
        hi += 1
    return k, hi


def _item_start(doc: Doc, first: int, starts: set[int]) -> int | None:
    """Where the item of the noun at ``first`` starts (its words before the noun: "and *even* a
    submarine", "окупанти втратили танк"), or None if they hold a number of its own ("25
    російських танків", "3 tys. czołgów", "57 оперативно-тактичних БПЛА", "45 – средств ПВО")."""
    sent = doc.sent_of[first]
    lo = first
    while first - lo < _LEAD and (_back(doc, lo, sent) or (lo > 0 and doc.tokens[lo - 1].raw in _DASHES)):
        if lo - 1 in starts:
            return None
        lo -= 1
    return lo


def add_implicit_ones(doc: Doc, dates: list[DateMention]) -> None:
    """Add to ``doc.numbers`` a number phrase of value one for each list item named without a
    number (see the module); a date is no count of a list's item.  Where the noun stands bare, a
    comma must separate it from the list's counts: after "and" a bare noun shares the count
    before it ("28 кораблів і катерів", "123 aviona i helikoptera", "1987 tanků a dalších
    obrněných vozidel")."""
    lex = doc.lex
    if not (lex.indefinite or lex.bare_noun_one):
        return
    bare = not lex.indefinite
    toks = doc.tokens
    n = len(toks)
    starts = {k for num in doc.numbers for k in range(num.first, num.last)}
    in_dates = {k for d in dates for k in range(d.first, d.last)}
    counts = {k: num for num in doc.numbers for k in range(num.first, num.last) if k not in in_dates}
    # every noun that could be such an item: its first token -> (the item's start, the noun's
    # start, the noun's end)
    items: dict[int, tuple[int, int, int]] = {}
    for m in doc.matches:
        found = _metric(doc, m.start)
        if found is None or found[0] in _NEVER or m.start in starts:
            continue
        first = m.start
        if not bare:
            if first == 0 or toks[first - 1].norm not in lex.indefinite:
                continue
            first -= 1
        end = found[1]
        if (
            end < n
            and doc.sent_of[end] == doc.sent_of[m.start]
            and not (_separator(doc, end) or toks[end].raw in _CLOSERS)
        ):
            continue  # "танки – 3 120": the noun names the number after it
        lo = _item_start(doc, first, starts)
        if lo is not None:
            items[first] = (lo, m.start, end)
    accepted: dict[int, tuple[int, int, int]] = {}
    changed = True
    while changed:  # an item next to an accepted one is in the list too ("танк, бойову машину, 25 …")
        changed = False
        for first, (start, _noun, end) in items.items():
            if first in accepted:
                continue
            ok = False
            if start > 0 and _separator(doc, start - 1):
                sep = start - 1
                while sep > 0 and _separator(doc, sep - 1):
                    sep -= 1  # ", and a helicopter"
                lo, hi = _item_before(doc, sep)
                ok = _numbered_item(doc, lo, hi, counts) or any(a in accepted for a in range(lo, hi))
                if ok and bare and (start < first or not _separator(doc, start - 1, commas_only=True)):
                    # "28 кораблів і катерів", "2139 tanků a jiných obrněnců": one count for both;
                    # "300 samolotów, drugie tyle śmigłowców": words before a bare noun quantify it
                    continue
            if not ok and end < n and _separator(doc, end, commas_only=bare):
                lo, hi = _item_after(doc, end)
                ok = _numbered_item(doc, lo, hi, counts, opening=True) or any(a in accepted for a in range(lo, hi))
            if ok:
                accepted[first] = items[first]
                changed = True
    if not accepted:
        return
    out = []
    for first, (_start, noun, end) in accepted.items():
        last = end if bare else first + 1
        out.append(
            NumberPhrase(
                first=first,
                last=last,
                start=toks[first].start,
                end=toks[last - 1].end,
                value=1.0,
                precision=1,
                text="",
                words_only=True,
                names_itself=noun == first,
            )
        )
    doc.numbers = sorted(doc.numbers + out, key=lambda p: p.first)
