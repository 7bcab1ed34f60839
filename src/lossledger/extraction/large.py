"""Texts too big to analyse in one piece: read in windows, each distinct passage once.

A news article is a few kilobytes; a pasted archive, a scraped site or hostile input can be
megabytes.  Analysing it whole keeps every token, match and candidate in memory at once (a 5 MB
text took 436 MB) and repeats the work for every repeated paragraph.  Here the text is cut into
passages (paragraphs, and sentences of paragraphs that are themselves huge); a passage repeated
verbatim is analysed once, since it states the same figures again; the distinct passages are
analysed in windows of about ``WINDOW`` characters.  Memory then grows with one window plus the
results, and a text made of a few passages repeated costs what those passages cost.

Context does not cross a window's edge (a source named in one window does not attribute figures
in the next), which only matters for texts far longer than any article.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Callable, Iterator

from .model import Claim, Extraction, Ignored

__all__ = ["LARGE", "WINDOW", "extract_large"]

#: texts longer than this are read in windows
LARGE = 200_000
#: characters of distinct passages analysed together
WINDOW = 32_000
#: a paragraph longer than this is cut into sentences (and a sentence into pieces)
_LONG_PARAGRAPH = 4_000
_PARAGRAPH = re.compile(r"[^\n]+")
_SENTENCE = re.compile(r".+?(?:[.!?。！？؟։።۔।](?=\s)|$)", re.S)


def _passages(text: str) -> Iterator[tuple[int, str]]:
    """(offset, passage) of every paragraph, or of every sentence of a long paragraph, or of
    pieces of a sentence that is longer still, cut at a space."""
    for para in _PARAGRAPH.finditer(text):
        if para.end() - para.start() <= _LONG_PARAGRAPH:
            yield para.start(), para.group()
            continue
        for sent in _SENTENCE.finditer(para.group()):
            start = para.start() + sent.start()
            piece = sent.group()
            while len(piece) > _LONG_PARAGRAPH:
                cut = piece.rfind(" ", 0, _LONG_PARAGRAPH)
                cut = cut if cut > 0 else _LONG_PARAGRAPH
                yield start, piece[:cut]
                start, piece = start + cut, piece[cut:]
            if piece.strip():
                yield start, piece


def _windows(text: str) -> Iterator[tuple[str, list[tuple[int, int]]]]:
    """Windows of distinct passages: (window text, [(window offset, text offset) per passage])."""
    seen: set[str] = set()
    parts: list[str] = []
    starts: list[tuple[int, int]] = []
    size = 0
    for offset, passage in _passages(text):
        key = passage.strip()
        if key in seen:
            continue
        seen.add(key)
        starts.append((size, offset))
        parts.append(passage)
        size += len(passage) + 1
        if size >= WINDOW:
            yield "\n".join(parts), starts
            parts, starts, size = [], [], 0
    if parts:
        yield "\n".join(parts), starts


def _mapper(starts: list[tuple[int, int]]) -> Callable[[int], int]:
    """Window offset -> text offset, passage by passage."""
    firsts = [w for w, _t in starts]

    def to_text(pos: int) -> int:
        import bisect

        k = max(0, bisect.bisect_right(firsts, pos) - 1)
        window_start, text_start = starts[k]
        return text_start + (pos - window_start)

    return to_text


def extract_large(
    text: str, language: str, published: dt.date | None, extract_one: Callable[[str, dt.date | None, str], Extraction]
) -> Extraction:
    """``extract`` for a large text: windows of distinct passages (see the module docstring)."""
    claims: dict[tuple[str, str, str, int, str], Claim] = {}
    ignored: list[Ignored] = []
    dates: Counter[dt.date] = Counter()
    for window, starts in _windows(text):
        found = extract_one(window, published, language)
        to_text = _mapper(starts)
        if found.as_of is not None:
            dates[found.as_of] += 1
        for c in found.claims:
            key = (c.source, c.metric, c.kind, c.value, c.qualifier)
            if key not in claims:
                c.span = (to_text(c.span[0]), to_text(c.span[1]))
                claims[key] = c
        for i in found.ignored:
            ignored.append(Ignored(i.value, (to_text(i.span[0]), to_text(i.span[1])), i.reason))
    as_of = dates.most_common(1)[0][0] if dates else None
    ordered = sorted(claims.values(), key=lambda c: c.span[0])
    return Extraction(language=language, as_of=as_of, claims=ordered, ignored=ignored)
