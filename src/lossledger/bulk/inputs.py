"""Archive inputs: JSONL or Parquet shards and WARC files, local paths or fsspec URLs.

A *shard* is the unit of work and of completion: one JSONL or WARC file, or one row group of a
Parquet file.  Its id is derived from its name (URL and part), so a re-run finds the markers of
the shards it already finished.  Reading a shard yields articles and, for records that cannot be
checked, rejects with the reason — a bad record never stops its shard.

Records (JSONL objects, Parquet rows): ``url``, ``outlet`` (default: the URL's host),
``published`` (YYYY-MM-DD or an ISO timestamp; may be missing), ``language`` (optional ISO 639-1),
and ``text`` or ``html`` (reduced to text by :func:`lossledger.sources.textinput.html_to_text`).
WARC files as crawls ship them: every ``response`` record with an HTML payload is an article, its
URL the ``WARC-Target-URI``, its date the ``WARC-Date`` (the crawl date: WARC carries no
publication date), its outlet the host.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from ..errors import InputError

__all__ = ["Article", "Reject", "Shard", "list_shards", "read_shard"]

_KINDS = {
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".jsonl.gz": "jsonl",
    ".ndjson.gz": "jsonl",
    ".json.gz": "jsonl",
    ".parquet": "parquet",
    ".warc": "warc",
    ".warc.gz": "warc",
}
_GLOB = ("*", "?", "[")


@dataclass(frozen=True)
class Shard:
    """One unit of work: a file (or a Parquet row group), by URL."""

    url: str
    kind: str
    part: int | None = None

    @property
    def name(self) -> str:
        return self.url if self.part is None else f"{self.url}#row-group={self.part}"

    @property
    def id(self) -> str:
        return hashlib.sha256(self.name.encode()).hexdigest()[:20]


@dataclass
class Article:
    """A record ready to check."""

    record: int
    url: str
    outlet: str
    published: dt.date | None
    language: str | None
    text: str


@dataclass
class Reject:
    """A record that could not be checked, and why (``code``: a stable reason)."""

    record: int
    url: str | None
    code: str
    reason: str

    def to_dict(self, shard: Shard) -> dict[str, Any]:
        return {"shard": shard.name, "record": self.record, "url": self.url, "code": self.code, "reason": self.reason}


def _kind(path: str) -> str | None:
    lower = path.lower()
    for suffix in sorted(_KINDS, key=len, reverse=True):
        if lower.endswith(suffix):
            return _KINDS[suffix]
    return None


def list_shards(inputs: Sequence[str]) -> list[Shard]:
    """The shards of ``inputs`` (files, folders, glob patterns; local or any fsspec URL), in order,
    each once.  Raises :class:`InputError` naming an input that matches nothing readable."""
    from fsspec.core import url_to_fs

    shards: dict[str, Shard] = {}
    for item in inputs:
        fs, path = url_to_fs(item)
        if any(c in path for c in _GLOB):
            found = sorted(fs.glob(path))
        elif fs.isdir(path):
            found = sorted(fs.find(path))
        elif fs.exists(path):
            found = [path]
        else:
            raise InputError("no such file or folder", code="input.missing", file=item)
        matched = [(p, k) for p in found if (k := _kind(p)) is not None]
        if not matched:
            raise InputError("no .jsonl, .parquet or .warc files", code="input.empty", file=item)
        for p, kind in matched:
            url = p if _is_local(fs) else fs.unstrip_protocol(p)
            for shard in _expand(url, kind):
                shards.setdefault(shard.id, shard)
    return list(shards.values())


def _is_local(fs: Any) -> bool:
    protocol = fs.protocol if isinstance(fs.protocol, str) else fs.protocol[0]
    return bool(protocol in ("file", "local"))


def _expand(url: str, kind: str) -> list[Shard]:
    if kind != "parquet":
        return [Shard(url, kind)]
    import fsspec
    import pyarrow.parquet as pq

    with fsspec.open(url, "rb") as fh:
        groups = pq.ParquetFile(fh).num_row_groups
    return [Shard(url, kind, i) for i in range(groups)]


def read_shard(shard: Shard) -> Iterator[Article | Reject]:
    """Articles and rejects of ``shard``, in record order (records numbered from 1)."""
    if shard.kind == "warc":
        yield from _read_warc(shard)
    else:
        for record, row in _rows(shard):
            yield row if isinstance(row, Reject) else _article(record, row)


def _rows(shard: Shard) -> Iterator[tuple[int, dict[str, Any] | Reject]]:
    import fsspec

    if shard.kind == "parquet":
        import pyarrow.parquet as pq

        with fsspec.open(shard.url, "rb") as fh:
            table = pq.ParquetFile(fh).read_row_group(shard.part or 0)
        for i, row in enumerate(table.to_pylist(), start=1):
            yield i, row
        return
    with fsspec.open(shard.url, "rt", encoding="utf-8", errors="strict", compression="infer") as fh:
        for i, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                yield i, Reject(i, None, "parse.json", f"invalid JSON at column {exc.colno}: {exc.msg}")
                continue
            yield (
                i,
                row if isinstance(row, dict) else Reject(i, None, "schema.record", "a record must be a JSON object"),
            )


def _article(record: int, row: dict[str, Any]) -> Article | Reject:
    url = row.get("url")
    if not isinstance(url, str) or not url.strip():
        return Reject(record, None, "schema.url", "missing 'url'")
    text, html = row.get("text"), row.get("html")
    if isinstance(text, str) and text.strip():
        body = text
    elif isinstance(html, str) and html.strip():
        from ..sources.textinput import html_to_text

        body = html_to_text(html)
    else:
        return Reject(record, url, "schema.text", "neither 'text' nor 'html' is a non-empty string")
    try:
        published = _date(row.get("published"))
    except ValueError:
        return Reject(record, url, "schema.published", f"'published' is not a date: {row.get('published')!r}")
    language = row.get("language")
    if language is not None and not isinstance(language, str):
        return Reject(record, url, "schema.language", f"'language' is not a string: {language!r}")
    outlet = row.get("outlet")
    if outlet is not None and not isinstance(outlet, str):
        return Reject(record, url, "schema.outlet", f"'outlet' is not a string: {outlet!r}")
    return Article(record, url, outlet or _host(url), published, language or None, body)


def _date(value: Any) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        raise ValueError(value)
    return dt.date.fromisoformat(value.strip()[:10])


def _host(url: str) -> str:
    return urlsplit(url).hostname or "unknown"


def _read_warc(shard: Shard) -> Iterator[Article | Reject]:
    import fsspec
    from warcio.archiveiterator import ArchiveIterator

    from ..sources.textinput import html_to_text

    with fsspec.open(shard.url, "rb") as fh:
        for i, rec in enumerate(ArchiveIterator(fh), start=1):
            if rec.rec_type not in ("response", "resource"):
                continue
            url = rec.rec_headers.get_header("WARC-Target-URI")
            ctype = (rec.http_headers.get_header("Content-Type") if rec.http_headers else None) or (
                rec.rec_headers.get_header("Content-Type") or ""
            )
            if rec.http_headers and not (rec.http_headers.get_statuscode() or "").startswith("2"):
                continue
            if "html" not in ctype.lower():
                continue  # robots.txt, images, feeds: not articles
            charset = _charset(ctype)
            try:
                page = rec.content_stream().read().decode(charset, errors="replace")
            except LookupError:
                yield Reject(i, url, "parse.charset", f"unknown charset {charset!r}")
                continue
            text = html_to_text(page)
            if not text.strip():
                yield Reject(i, url, "schema.text", "the page has no visible text")
                continue
            date = rec.rec_headers.get_header("WARC-Date") or ""
            try:
                published = _date(date)
            except ValueError:
                published = None
            yield Article(i, url or f"{shard.name}#{i}", _host(url or ""), published, None, text)


def _charset(content_type: str) -> str:
    for part in content_type.split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            return value.strip().strip('"')
    return "utf-8"
