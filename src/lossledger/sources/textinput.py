"""Reading one text document — a file, a URL or standard input — for ``extract`` and ``check``.

Bytes are checked before anything parses them: a size cap, binary content (NUL bytes) and invalid
UTF-8 are refused with an error naming the input and the byte offset.  HTML (from a URL or a saved
page) is reduced to the article's text by trafilatura, a maintained boilerplate remover:
navigation, "read also" boxes, other articles' teasers and footers go, which the extractor would
otherwise read as the article (issue 11); its publication date, when the page states one, comes
along.  A fragment trafilatura finds no article in falls back to the page's visible text.
"""

from __future__ import annotations

import hashlib
import sys
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from ..errors import FetchError, InputError, ParseError

__all__ = ["MAX_TEXT_BYTES", "TextDocument", "article_from_html", "decode_text", "html_to_text", "read_text_input"]

#: Inputs above this are refused (the news pages we read are < 1 MB; 5 MB texts must still work).
MAX_TEXT_BYTES = 16 * 1024 * 1024


@dataclass(frozen=True)
class TextDocument:
    """A text read from somewhere, with what provenance needs."""

    text: str
    uri: str
    sha256: str
    media_type: str
    published: str | None = None  # YYYY-MM-DD, from an HTML page's metadata


def decode_text(data: bytes, name: str) -> str:
    """Decode UTF-8 bytes (BOM allowed) or raise :class:`ParseError` naming ``name`` and the offset."""
    if len(data) > MAX_TEXT_BYTES:
        raise InputError(
            f"input is {len(data)} bytes, more than the {MAX_TEXT_BYTES} allowed", code="input.too_large", file=name
        )
    nul = data.find(b"\x00")
    if nul != -1:
        raise ParseError(f"binary data (NUL byte at offset {nul}), not text", code="parse.binary", file=name)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ParseError(f"invalid UTF-8 at byte {exc.start}", code="parse.encoding", file=name) from None


class _VisibleText(HTMLParser):
    _SKIP = {"script", "style", "noscript", "template", "svg", "head"}
    _BLOCK = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "article", "blockquote"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._SKIP:
            self._skipping += 1
        elif tag in self._BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP and self._skipping:
            self._skipping -= 1
        elif tag in self._BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(data)


def html_to_text(html: str) -> str:
    """The article text of an HTML page (trafilatura), else its visible text, one block per line."""
    return article_from_html(html)[0]


def article_from_html(html: str) -> tuple[str, str | None]:
    """(article text, publication date YYYY-MM-DD or None) of an HTML page."""
    import trafilatura

    found = trafilatura.bare_extraction(html, include_comments=False, include_tables=True, with_metadata=True)
    text = getattr(found, "text", None) if found is not None else None
    date = getattr(found, "date", None) if found is not None else None
    if not text or not text.strip():
        return visible_text(html), date
    return text, date


def visible_text(html: str) -> str:
    """Visible text of an HTML page, one block per line (the standard library's parser)."""
    parser = _VisibleText()
    parser.feed(html)
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).splitlines())
    return "\n".join(line for line in lines if line)


def _looks_like_html(text: str) -> bool:
    head = text[:2048].lstrip().lower()
    return head.startswith("<!doctype html") or head.startswith("<html") or "<body" in head


def read_text_input(arg: str, *, timeout: float = 20.0) -> TextDocument:
    """Read ``arg`` — a path, an ``http(s)://`` URL, or ``-`` for standard input — as text."""
    media_type = "text/plain"
    if arg == "-":
        data = sys.stdin.buffer.read(MAX_TEXT_BYTES + 1)
        uri = "stdin:"
    elif arg.startswith(("http://", "https://")):
        import httpx

        try:
            response = httpx.get(arg, timeout=timeout, follow_redirects=True)
            response.raise_for_status()
        except httpx.HTTPError as exc:
            raise FetchError(f"cannot fetch: {exc}", code="fetch.http", file=arg) from None
        data = response.content
        uri = str(response.url)
        media_type = response.headers.get("content-type", "text/plain").split(";")[0].strip() or "text/plain"
    else:
        path = Path(arg)
        if not path.is_file():
            raise InputError("no such file", code="input.missing", file=arg)
        with path.open("rb") as fh:
            data = fh.read(MAX_TEXT_BYTES + 1)
        uri = path.resolve().as_uri()
        if path.suffix.lower() in {".html", ".htm"}:
            media_type = "text/html"
    text = decode_text(data, arg)
    published = None
    if media_type == "text/html" or (media_type == "text/plain" and _looks_like_html(text)):
        (text, published), media_type = article_from_html(text), "text/html"
    return TextDocument(
        text=text, uri=uri, sha256=hashlib.sha256(data).hexdigest(), media_type=media_type, published=published
    )
