"""Texts too big to analyse in one piece: read in windows, each distinct passage once.

A news article is a few kilobytes; a pasted archive, a scraped site or hostile input can be
megabytes.  Analysing it whole keeps every token, match and candidate in memory at once (a 5 MB
text took 436 MB) and repeats the work for every repeated paragraph.  Here the text is cut into
passages (paragraphs, and sentences of paragraphs that are themselves huge); a passage repeated
verbatim is analysed once, since it states the same figures again; the distinct passages are
analysed in windows of about ``WINDOW`` characters.  Memory then grows with one window plus the
results, and a text made of a few passages repeated costs what those passages cost.

Context does not cross a window's edge (a source named in one window does not attribute figures
in the next), which only matters for texts far longer than any article.  Windows are therefore
independent, and on a machine with more than one core they are read by this process and
``workers - 1`` helper processes at once (``LOSSLEDGER_WORKERS``, default: up to 2 processes);
results are merged in window order, so the output is the same for any number of workers.
Helpers are forked, so only a process with one thread uses them (see ``_pool``).
"""

from __future__ import annotations

import datetime as dt
import os
import re
import threading
from collections import Counter, deque
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from ..errors import ConfigError
from .model import Claim, Extraction, Ignored

if TYPE_CHECKING:  # imported where a large text is read: at start they cost every command 30 ms
    from concurrent.futures import Future, ProcessPoolExecutor

__all__ = ["LARGE", "WINDOW", "extract_large", "workers"]

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


#: processes that read the windows of one large text unless configured: two (this one and a
#: helper) where there are two cores; more cost memory (a helper holds a language's vocabulary)
_DEFAULT_WORKERS = 2

#: windows queued for each helper before this process reads one itself: enough that a helper
#: never waits while this process reads a slow window
_QUEUED = 4

OneText = Callable[[str, dt.date | None, str], Extraction]


def workers(explicit: int | None = None) -> int:
    """Processes reading a large text's windows: ``explicit``, else ``$LOSSLEDGER_WORKERS``, else
    up to 2, never more than the cores this process may use."""
    from ..config import setting  # platformdirs with it: only where a large text is read

    raw = setting("workers", None if explicit is None else str(explicit))
    if raw is None:
        cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
        return min(_DEFAULT_WORKERS, cores)
    if not raw.strip().isdigit() or int(raw) < 1:
        raise ConfigError(
            f"workers (LOSSLEDGER_WORKERS) must be a whole number of at least 1, not {raw!r}", code="config.workers"
        )
    return int(raw)


def _pool(n: int) -> ProcessPoolExecutor | None:
    """Helper processes for windows, or None where none should start.  They are forked, so they
    start at once with the vocabularies already loaded; only a process with one thread forks (the
    CLI, a script): forking a threaded one (the web server) is unsafe, and starting fresh
    interpreters instead re-runs the caller's main module, which a notebook or stdin has not got."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    if n < 2 or threading.active_count() > 1 or "fork" not in multiprocessing.get_all_start_methods():
        return None
    try:
        return ProcessPoolExecutor(max_workers=n - 1, mp_context=multiprocessing.get_context("fork"))
    except (OSError, ValueError):  # no semaphores or processes here: read alone
        return None


def _read_windows(
    text: str, language: str, published: dt.date | None, extract_one: OneText, n: int
) -> Iterator[tuple[Extraction, list[tuple[int, int]]]]:
    """Each window's extraction, in window order: this process reads a window whenever the
    helpers already have ``_QUEUED`` each queued, so none waits for work; when the windows run
    out, it takes back the queued windows no helper has started, so none waits for the others."""
    from concurrent.futures import Future
    from concurrent.futures.process import BrokenProcessPool

    windows = _windows(text)
    first = next(windows, None)
    if first is None:
        return
    yield extract_one(first[0], published, language), first[1]  # loads the vocabulary before any fork
    pool = _pool(n)
    if pool is None:
        for window, starts in windows:
            yield extract_one(window, published, language), starts
        return
    queued: deque[tuple[Future[Extraction] | Extraction, str, list[tuple[int, int]]]] = deque()
    try:
        for window, starts in windows:
            future: Future[Extraction] | None = None
            if sum(isinstance(f, Future) and not f.done() for f, _w, _s in queued) < _QUEUED * (n - 1):
                try:
                    future = pool.submit(extract_one, window, published, language)
                except BrokenProcessPool:  # a helper died (killed, out of memory): read on alone
                    n = 1
            queued.append((future if future is not None else extract_one(window, published, language), window, starts))
            while queued and (not isinstance(queued[0][0], Future) or queued[0][0].done()):
                yield _result(*queued.popleft(), language, published, extract_one)
        while queued:
            while isinstance(queued[0][0], Future) and not queued[0][0].done():
                if not _take_back(queued, language, published, extract_one):
                    break
            yield _result(*queued.popleft(), language, published, extract_one)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _take_back(
    queued: deque[tuple[Future[Extraction] | Extraction, str, list[tuple[int, int]]]],
    language: str,
    published: dt.date | None,
    extract_one: OneText,
) -> bool:
    """Read here the last queued window that no helper has started; False if there is none."""
    from concurrent.futures import Future

    for k in range(len(queued) - 1, -1, -1):
        found, window, starts = queued[k]
        if isinstance(found, Future) and found.cancel():
            queued[k] = (extract_one(window, published, language), window, starts)
            return True
    return False


def _result(
    found: Future[Extraction] | Extraction,
    window: str,
    starts: list[tuple[int, int]],
    language: str,
    published: dt.date | None,
    extract_one: OneText,
) -> tuple[Extraction, list[tuple[int, int]]]:
    from concurrent.futures import Future
    from concurrent.futures.process import BrokenProcessPool

    if not isinstance(found, Future):
        return found, starts
    try:
        return found.result(), starts
    except BrokenProcessPool:  # a helper died (killed, out of memory): this process reads it
        return extract_one(window, published, language), starts


def extract_large(
    text: str, language: str, published: dt.date | None, extract_one: OneText, processes: int = 1
) -> Extraction:
    """``extract`` for a large text: windows of distinct passages, read by ``processes``
    processes (see the module docstring)."""
    claims: dict[tuple[str, str, str, int, str], Claim] = {}
    ignored: list[Ignored] = []
    dates: Counter[dt.date] = Counter()
    for found, starts in _read_windows(text, language, published, extract_one, processes):
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
