"""List items whose noun the vocabulary lacks, kept for ``check`` to name with the ledger.

Outlets name the statement's categories in their own words ("108 sistemas de disparo de mísseis
e voleios", "822 rakettsystemer med flere utskytninger", "914輛車"): no word list holds them all.
In a list of figures whose other items are named, such an item is still one of the statement's
lines.  Extraction cannot tell which; ``check`` can, once the list's report is known: the item
takes the one category whose figure on that report equals it and that the text names nowhere
else (verify/check.py, ``name_with_ledger``).  An item that equals no category stays unnamed:
an outlet's typo is never bound to a line it does not match.
"""

from __future__ import annotations

from .document import Doc
from .figures import NO_METRIC, Candidate
from .model import GENERAL_STAFF, Claim
from .numbers import trailing_zeros
from .tokens import BULLETS, LIST_SEPARATORS, NUM, PUNCT, WORD

__all__ = ["BARE", "UNNAMED", "bare_numbers", "unnamed_items"]

#: the reason an unnamed item is ignored by extraction
UNNAMED = "a list item whose noun the vocabulary lacks (check names it with the ledger)"
#: the framing of a bare number kept for ``check`` (``bare_numbers``): it may be a total or an increase
BARE = "bare"
#: a bare number this small, or this round, equals some line of many reports: it names nothing
_BARE_FROM = 100
_BARE_ZEROS = 1
#: from this size one more zero is still specific: only the personnel line reaches it ("92.200")
_BARE_LARGE = 10_000
#: at most this many tokens of noun after an item's number
_NOUN_TOKENS = 10
_QUOTE_DASH = {"-", "–", "/", "(", ")", '"', "«", "»", "“", "”", "„", "'", "’", ".", "+"}


def _separator(doc: Doc, k: int) -> bool:
    tok = doc.tokens[k]
    return tok.raw in LIST_SEPARATORS or (tok.kind == WORD and tok.norm in doc.lex.conjunctions)


def _items_gap(doc: Doc, lo: int, hi: int, noun: bool) -> bool:
    """Whether tokens [lo, hi) after an item are (its ``noun``: words, brackets, dashes, then) a
    run of separators and qualifiers (", and", "、", ", more than") that holds a separator."""
    if hi <= lo or hi - lo > _NOUN_TOKENS + 3:
        return False
    toks = doc.tokens
    if any(t.nl_before and t.raw not in BULLETS for t in toks[lo + 1 : hi + 1]):
        return False
    tail = hi
    while tail > lo and (_separator(doc, tail - 1) or _qualifier(doc, tail - 1)):
        tail -= 1
    if not any(_separator(doc, k) for k in range(tail, hi)) or (tail > lo) != noun:
        return False
    return all(
        toks[k].kind == WORD or doc.paren[k] or (toks[k].kind == PUNCT and toks[k].raw in _QUOTE_DASH)
        for k in range(lo, tail)
    )


def _qualifier(doc: Doc, k: int) -> bool:
    m = doc.cover[k] if k < len(doc.cover) else None
    return m is not None and bool(m.cats() & {"q:about", "q:more_than"})


def _gap_after(doc: Doc, item: Candidate, hi: int) -> bool:
    """Whether only a separator follows a named item (its number and noun) up to token ``hi``;
    or a noun and a separator an unnamed one."""
    if item.reason is None:
        return _items_gap(doc, item.evidence()[1], hi, False)
    return _items_gap(doc, item.last, hi, True)


def _last_item(doc: Doc, c: Candidate) -> bool:
    """The last item: a noun, then the end of the sentence or line."""
    toks = doc.tokens
    k = c.last
    while k < len(toks) and k - c.last <= _NOUN_TOKENS and doc.sent_of[k] == doc.sent_of[c.first]:
        tok = toks[k]
        if tok.nl_before and k > c.last:
            break
        if tok.kind == NUM or (tok.kind == PUNCT and tok.raw not in _QUOTE_DASH) or _separator(doc, k):
            return k > c.last and toks[k].raw in (".", "。", "!", "?", ";", "؛")
        k += 1
    return k > c.last


def _after_brackets(doc: Doc, k: int) -> int:
    """The token after a bracketed group starting at ``k`` ("312 (+0) lancia…"), else ``k``."""
    end = doc.bracket_end(k, 9)
    return k if end is None else end


def _unnamed(c: Candidate) -> bool:
    """A number with no noun of its own: no metric, or personnel only for want of one."""
    return c.reason == NO_METRIC or (c.reason is None and c.how == "bare")


def unnamed_items(doc: Doc, cands: list[Candidate]) -> list[Claim]:
    """Claims with no metric for the numbers of a list of General Staff figures whose nouns the
    vocabulary lacks ("312 (+0) lancia missili multipli" between named items), and for their
    bracketed increases (framing ``bracketed``, right after their item); source and kind are the
    list's."""
    if doc.lex.term_before_number or not any(_unnamed(c) for c in cands):
        return []
    numbers = [c for c in cands if c.parent is None and not doc.paren[c.first] and (c.reason is None or _unnamed(c))]
    inside = {c.first: c for c in cands if doc.paren[c.first] and c.reason in (None, NO_METRIC)}
    out: list[Claim] = []
    named: Candidate | None = None  # the last named figure of the list being read
    for i, c in enumerate(numbers):
        prev = numbers[i - 1] if i > 0 else None
        if prev is None or prev.reason not in (None, UNNAMED) or not _gap_after(doc, prev, c.first):
            named = None
        if not _unnamed(c):
            named = c
            continue
        nxt = numbers[i + 1] if i + 1 < len(numbers) else None
        noun = _after_brackets(doc, c.last)
        if named is None or noun >= len(doc.tokens) or doc.tokens[noun].kind != WORD:
            continue
        if not ((nxt is not None and _items_gap(doc, noun, nxt.first, True)) or _last_item(doc, c)):
            continue
        if named.source != "general-staff" or named.metric == "personnel":
            continue
        c.reason = UNNAMED
        out.append(_claim(doc, c, named.kind or "total", named.source))
        child = next((inside[k] for k in range(c.last, noun) if k in inside), None)
        if child is not None:
            child.reason = UNNAMED
            out.append(_claim(doc, child, "increase", named.source, ["bracketed"]))
    return out


def _claim(doc: Doc, c: Candidate, kind: str, source: str, framing: list[str] | None = None) -> Claim:
    return Claim(
        metric="",
        value=c.num.int_value,
        kind=kind,
        qualifier="exact",
        source=source,
        span=(doc.tokens[c.first].start, doc.tokens[c.last - 1].end),
        confidence=0.5,
        text=doc.text[c.num.start : c.num.end],
        precision=c.num.precision,
        framing=framing or [],
        kind_by="list",
    )


def bare_numbers(doc: Doc, cands: list[Candidate]) -> list[Claim]:
    """Numbers no word names in a sentence that speaks of losses ("The count stood at 387,060 at
    the start of the month"), for ``check`` to name with the report the text quotes: only one
    line's figure, total or increase, may equal it exactly.  Small and round numbers are left
    out: they equal some line of any report."""
    out: list[Claim] = []
    for c in cands:
        if c.reason != NO_METRIC or c.parent is not None or doc.paren[c.first] or c.num.words_only:
            continue
        value = c.num.int_value
        if value < _BARE_FROM or trailing_zeros(value) > _BARE_ZEROS + (value >= _BARE_LARGE):
            continue
        a, b = doc.sentence_range(c.first)
        if doc.matches_in(a, b, "frame:") or doc.matches_in(a, b, "kind:"):
            out.append(_claim(doc, c, "total", GENERAL_STAFF, [BARE]))
    return out
