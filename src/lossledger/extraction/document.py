"""One analysed document: tokens, vocabulary matches, sentences, clauses and numbers.

Built once per ``extract()`` call; every later step (figures, attribution, dates) reads it.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict
from dataclasses import dataclass, field

from .numbers import NumberPhrase, find_numbers
from .tokens import NUM, PUNCT, Token, split_sentences, to_ascii_digits, tokenize
from .vocab import Lexicon, Match, lexicon

__all__ = ["CLAUSE_BREAKS", "Doc", "analyse", "quotations"]

#: Punctuation that ends a clause (the scope of most cues) inside a sentence.
CLAUSE_BREAKS = {",", "،", ";", ":", "(", ")", "[", "]", "؛", "，", "；", "、", "："}


@dataclass
class Doc:
    """The analysed text."""

    text: str
    language: str
    lex: Lexicon
    tokens: list[Token]
    matches: list[Match]
    numbers: list[NumberPhrase]
    sentences: list[tuple[int, int]]
    context: list[Match] = field(default_factory=list)  # sources, sides, framing, date cues
    match_at: dict[int, Match] = field(default_factory=dict)
    ctx_at: dict[int, Match] = field(default_factory=dict)
    ctx_end: dict[int, Match] = field(default_factory=dict)
    framing: list[Match] = field(default_factory=list)  # death / loss / wounded words
    frame_at: dict[int, Match] = field(default_factory=dict)
    match_end: dict[int, Match] = field(default_factory=dict)
    cover: list[Match | None] = field(default_factory=list)
    sent_of: list[int] = field(default_factory=list)
    clause_of: list[int] = field(default_factory=list)
    paren: list[int] = field(default_factory=list)  # id of the enclosing (...) group, 0 = none
    quoted: list[bool] = field(default_factory=list)  # inside quotation marks (within a paragraph)
    #: why a token is no part of the article's prose: a "read also" box, a web address; else None
    aside: list[str | None] = field(default_factory=list)

    _sorted: list[Match] = field(default_factory=list)

    _memo: dict[tuple[int, int, str], list[Match]] = field(default_factory=dict)
    _by_prefix: dict[str, tuple[list[Match], list[int]]] = field(default_factory=dict)

    def named_sources(self) -> set[str]:
        """The source cues (``src:…``) the text names anywhere."""
        return {c for m in self.context for c, _ in m.entries if c.startswith("src:")}

    def matches_in(self, first: int, last: int, prefix: str) -> list[Match]:
        """Matches (of every layer) inside tokens [first, last) with the category ``prefix``, or one
        starting with it when it ends in a colon ("kind:"); every match for "".

        Memoised: the same clause and sentence ranges are asked about for every figure in them;
        each category's matches are indexed once, so a look-up skips the others.
        """
        key = (first, last, prefix)
        found = self._memo.get(key)
        if found is not None:
            return found
        by_prefix = self._by_prefix
        if not by_prefix:  # every category's (and prefix's) matches, in order, in one pass
            having: dict[str, list[Match]] = defaultdict(list)
            for m in self._sorted:
                for p in m.prefixes:
                    having[p].append(m)
            by_prefix.update((p, (ms, [m.start for m in ms])) for p, ms in having.items())
        index = by_prefix.get(prefix)
        if index is None:
            self._memo[key] = []
            return []
        ms, starts = index
        out: list[Match] = []
        k = bisect_left(starts, first)
        while k < len(ms) and ms[k].start < last:
            m = ms[k]
            if m.end <= last:
                out.append(m)
            k += 1
        self._memo[key] = out
        return out

    def bracket_end(self, i: int, within: int) -> int | None:
        """Index after the ')' closing a '(' at token i, when it comes within ``within`` tokens, on
        the same line, with no other '(' first; else None."""
        toks = self.tokens
        if i >= len(toks) or toks[i].raw != "(":
            return None
        for j in range(i + 1, min(len(toks), i + within)):
            if toks[j].raw == ")":
                return j + 1
            if toks[j].raw == "(" or toks[j].nl_before:
                return None
        return None

    def all_matches(self) -> list[Match]:
        """Primary and context matches, in text order."""
        return self._sorted

    def add_cues(self, cues: list[Match]) -> None:
        """Add cues found from structure rather than words (periods.py) to every later look-up.  A
        period cue replaces the words of a total inside it: "since the beginning" is the war's
        start, but "since the beginning of October" a new loss since that day."""
        if cues:
            spans = [(c.start, c.end) for c in cues if c.has("kind:periods")]
            kept = [
                m
                for m in self._sorted
                if not (
                    m.has("kind:total")
                    and all(x.startswith("kind:") for x in m.cats())
                    and any(a <= m.start and m.end <= b for a, b in spans)
                )
            ]
            self._sorted = sorted(kept + cues, key=lambda m: m.start)
            self._memo.clear()
            self._by_prefix.clear()

    def to_total_ending(self, k: int) -> Match | None:
        """The word that brings a figure to its value (``[kind] to_total``: "to", "auf", "до")
        ending right before token ``k``, if one does."""
        m = self.match_end.get(k)
        return m if m is not None and m.has("kind:to_total") else None

    def before_qualifier(self, k: int) -> int:
        """Where a qualifier ending right before token ``k`` ("about", "more than", "‒ близько")
        starts; ``k`` when none does."""
        m = self.match_end.get(k)
        return m.start if m is not None and (m.has("q:about") or m.has("q:more_than")) else k

    clause_bounds: dict[int, tuple[int, int]] = field(default_factory=dict)

    def clause_range(self, i: int) -> tuple[int, int]:
        """Token range of the clause holding token i."""
        return self.clause_bounds[self.clause_of[i]]

    def sentence_range(self, i: int) -> tuple[int, int]:
        return self.sentences[self.sent_of[i]]


def analyse(text: str, language: str) -> Doc:
    """Tokenise ``text`` and find its vocabulary matches, sentences, clauses and numbers."""
    norm = to_ascii_digits(text)
    lex = lexicon(language)
    tokens = tokenize(norm)
    matches, context, framing = lex.scan_layers(tokens)
    numbers = find_numbers(tokens, matches, lex)
    doc = Doc(norm, language, lex, tokens, matches, numbers, split_sentences(tokens, lex.abbreviations))
    doc.context = context
    doc.ctx_at = {m.start: m for m in context}
    doc.ctx_end = {m.end: m for m in context}
    doc.framing = framing
    doc.frame_at = {m.start: m for m in framing}
    doc._sorted = sorted(matches + context + framing, key=lambda m: m.start)
    doc.match_at = {m.start: m for m in matches}
    doc.match_end = {m.end: m for m in matches}
    cover: list[Match | None] = [None] * len(tokens)
    for m in matches:
        if m.end - m.start > 1:
            for k in range(m.start, m.end):
                cover[k] = m
        else:
            cover[m.start] = m
    doc.cover = cover
    _segment(doc)
    doc.aside = _asides(doc)
    return doc


#: a web address, or a slug of one ("ukraina-21-600-tentara-rusia"): no spaces, three hyphens or
#: more, letters and digits
_ADDRESS = re.compile(r"(?:https?://|www\.)\S+|(?<!\S)(?=[^\s]*\d)(?=[^\s]*[^\W\d_])[\w.%]+(?:-[\w.%]+){3,}/?(?!\S)")


#: what a slug needs (three hyphens without a space between): a cheap test before ``_ADDRESS``,
#: which costs a regex step at every character
_THREE_HYPHENS = re.compile(r"-[^\s-]*-[^\s-]*-")


def _asides(doc: Doc) -> list[str | None]:
    """Per token, why it is no part of the article's prose (see :attr:`Doc.aside`)."""
    out: list[str | None] = [
        "a related article's headline, not this article" if boxed else None for boxed in _related_boxes(doc)
    ]
    for k, end in _credits(doc):
        out[k:end] = ["an image's credit, not the article's prose"] * (end - k)
    if "www" in doc.text or "http" in doc.text or _THREE_HYPHENS.search(doc.text):
        starts = [t.start for t in doc.tokens]
        for m in _ADDRESS.finditer(doc.text):
            for k in range(bisect_left(starts, m.start()), bisect_left(starts, m.end())):
                out[k] = "part of a web address"
    return out


def _credits(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges of image credits: a credit word before a colon (``[nonclaims] credit``:
    "(Photo: Russian Defence Ministry Press Service via AP)", "(画像:ロシア国防省)") up to the end
    of its brackets or its line.  A ministry named there took a picture; it says nothing."""
    toks = doc.tokens
    out = []
    for m in doc.matches:
        if not m.has("non:credit") or m.end >= len(toks) or toks[m.end].raw not in (":", "："):
            continue
        group, end = doc.paren[m.start], m.end + 1
        while end < len(toks) and not toks[end].nl_before and (not group or doc.paren[end] == group):
            end += 1
        out.append((m.start, end))
    return out


#: lines after a "read also:" line that still belong to its box: headlines, short and few
_BOX_LINES, _BOX_LINE_TOKENS = 5, 24


def _related_boxes(doc: Doc) -> list[bool]:
    """Tokens of "read also" boxes (``[nonclaims] related``): the rest of a line that starts with
    the marker and, when the marker ends its line ("Читайте також:"), the short lines after it
    up to a blank line.  Web pages pasted whole carry them; their figures are other articles'."""
    out = [False] * len(doc.tokens)
    starts = [m for m in doc.matches if m.has("non:related") and (m.start == 0 or doc.tokens[m.start].nl_before)]
    for m in starts:
        k = m.end
        while k < len(doc.tokens) and not doc.tokens[k].nl_before:
            k += 1
        for j in range(m.start, k):
            out[j] = True
        if k - m.end > 1:  # the headline is on the marker's line
            continue
        for _ in range(_BOX_LINES):
            if k >= len(doc.tokens) or "\n\n" in doc.text[doc.tokens[k - 1].end : doc.tokens[k].start]:
                break
            end = k + 1
            while end < len(doc.tokens) and not doc.tokens[end].nl_before:
                end += 1
            if end - k > _BOX_LINE_TOKENS:
                break
            for j in range(k, end):
                out[j] = True
            k = end
    return out


def _spaced_dash(doc: Doc, k: int) -> bool:
    """A dash between spaces ("verloren – allein am Freitag") ends a clause, and so does an em
    dash between words, spaced or not (English sets asides off so); one right after a statement
    term ("tanks – 6,465") does too, which only narrows where kind cues apply."""
    tok = doc.tokens[k]
    if tok.raw not in ("–", "—", "‒") or k == 0 or k + 1 >= len(doc.tokens):
        return False
    if doc.tokens[k - 1].kind == NUM:  # "1 210 — за последние сутки": the dash introduces its cue
        return False
    if tok.raw == "—" and doc.tokens[k + 1].kind != NUM:
        return True  # "280,470 troops—which includes 3,150 lost in the past week—as …": an aside
    return doc.tokens[k - 1].end < tok.start and doc.tokens[k + 1].start > tok.end


#: at most this many tokens between the two dashes of an aside
_DASHED_ASIDE = 30


def _dashed_asides(doc: Doc, sent_of: list[int]) -> list[tuple[int, int]]:
    """Token spans [first dash, second dash) of asides set off by a pair of dashes in a sentence
    ("–well beyond the number Moscow has acknowledged–"): words with no number between, so not a
    statement's lines ("tanks – 6465, guns – 300") nor a figure's apposition ("– 9,676 to be exact –")."""
    toks = doc.tokens
    out: list[tuple[int, int]] = []
    dashes = [k for k, t in enumerate(toks) if t.raw in ("–", "—") and 0 < k < len(toks) - 1]
    for a, b in zip(dashes, dashes[1:], strict=False):
        if (
            sent_of[a] == sent_of[b]
            and 1 < b - a <= _DASHED_ASIDE
            and toks[a + 1].kind != NUM
            and toks[a - 1].kind != NUM
            and toks[a - 1].end < toks[a].start  # a space before the opening dash: no compound
            and all(toks[k].kind != NUM and not toks[k].nl_before for k in range(a + 1, b + 1))
            and (out == [] or out[-1][1] < a)
        ):
            out.append((a, b))
    return out


def _segment(doc: Doc) -> None:
    """Sentence, clause and bracket of every token, in one pass."""
    n = len(doc.tokens)
    sent_of = [0] * n
    for s, (a, b) in enumerate(doc.sentences):
        sent_of[a:b] = [s] * (b - a)
    clause_of = [0] * n
    paren = [0] * n
    bounds: dict[int, tuple[int, int]] = {}
    cid, depth_id, pid, prev_sent, lo = 0, 0, 0, -1, 0
    for k, tok in enumerate(doc.tokens):
        new = sent_of[k] != prev_sent
        if new:
            depth_id, prev_sent = 0, sent_of[k]
        if tok.kind == PUNCT and (tok.raw in CLAUSE_BREAKS or _spaced_dash(doc, k)):
            new = True
            if tok.raw in "([":
                pid += 1
                depth_id = pid
            elif tok.raw in ")]":
                depth_id = 0
        if new:
            if k:
                bounds[cid] = (lo, k)
            cid, lo = cid + 1, k
        clause_of[k] = cid
        paren[k] = depth_id
    if n:
        bounds[cid] = (lo, n)
    for a, b in _dashed_asides(doc, sent_of):
        pid += 1
        paren[a:b] = [pid if g == 0 else g for g in paren[a:b]]
    doc.sent_of = sent_of
    doc.clause_of = clause_of
    doc.clause_bounds = bounds
    doc.paren = paren
    doc.quoted = _quoted(doc)


#: quotation marks that open, close, or do either (written by hand: no library segments quotes
#: across the 40 languages' conventions; German „…“ and Danish »…« are covered by the pairs)
_PAIRS = {"“": "”", "„": "“", "«": "»", "»": "«", "「": "」", "『": "』", '"': '"', "‘": "’"}


#: the closing marks a quotation's opening mark may take across paragraphs: its pair's, and "„"
#: also closes with "”" (Romanian, Polish, Hungarian) besides "“" (German)
_CLOSERS = {opening: (closing,) for opening, closing in _PAIRS.items()} | {"„": ("“", "”")}
#: a quotation may run on over this many paragraph breaks to the paragraph that closes it
_QUOTE_PARAGRAPHS = 3


def quotations(doc: Doc) -> list[tuple[int, int]]:
    """(opening, closing) token of each quotation that closes, across paragraph breaks too: wire
    copy quotes a report over several paragraphs and names its speaker after the last ("„Rusia …
    2025.¶ … ¶ … în Donbas”, a transmis Ministerul britanic").  A paragraph that opens with the same
    mark goes on with the quotation (the English convention); a quotation still open after
    ``_QUOTE_PARAGRAPHS`` breaks was never closed and is dropped."""
    out: list[tuple[int, int]] = []
    closers: tuple[str, ...] = ()
    start, breaks = -1, 0
    for k, tok in enumerate(doc.tokens):
        if start >= 0 and tok.nl_before:
            breaks += 1
            if breaks > _QUOTE_PARAGRAPHS:
                start = -1
        if tok.kind != PUNCT:
            continue
        if start >= 0 and tok.raw in closers and not (tok.nl_before and tok.raw == doc.tokens[start].raw):
            out.append((start, k))
            start = -1
        elif start < 0 and tok.raw in _CLOSERS:
            start, closers, breaks = k, _CLOSERS[tok.raw], 0
    return out


def _quoted(doc: Doc) -> list[bool]:
    """Whether each token is inside a quotation: from an opening mark to its closing one, never
    past the end of a paragraph (an unclosed quote ends there)."""
    out = [False] * len(doc.tokens)
    closer: str | None = None
    for k, tok in enumerate(doc.tokens):
        if closer is not None and tok.nl_before:
            closer = None
        if tok.kind == PUNCT and closer is not None and tok.raw == closer:
            closer = None
            continue
        if tok.kind == PUNCT and closer is None and tok.raw in _PAIRS:
            closer = _PAIRS[tok.raw]
            continue
        out[k] = closer is not None
    return out
