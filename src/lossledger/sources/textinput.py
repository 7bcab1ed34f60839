"""Reading one text document — a file, a URL or standard input — for ``extract`` and ``check``.

Bytes are checked before anything parses them: a size cap, binary content (NUL bytes) and invalid
UTF-8 are refused with an error naming the input and the byte offset.  A URL is streamed: a body
declared or grown past the cap is refused as soon as that is known (never read whole into
memory), and the whole read has one deadline, so a server that trickles bytes cannot hold it.
HTML (from a URL or a saved page) is reduced to the article's text by trafilatura, a maintained
boilerplate remover: navigation, "read also" boxes, other articles' teasers and footers go, which
the extractor would otherwise read as the article (issue 11); its publication date, when the page
states one, comes along.  A fragment trafilatura finds no article in falls back to the page's
visible text.
"""

from __future__ import annotations

import hashlib
import sys
import time
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
        raise _too_large(len(data), name)
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


#: Longest wait for any one network operation (connect, a read) within a URL's deadline.
_STEP_TIMEOUT = 5.0


def _too_large(size: int, name: str) -> InputError:
    return InputError(
        f"input is {size} bytes, more than the {MAX_TEXT_BYTES} allowed", code="input.too_large", file=name
    )


def _read_url(url: str, deadline: float) -> tuple[bytes, str, str]:
    """(body, final URL, media type) of ``url``, streamed under the size cap within ``deadline``
    seconds in all; :class:`FetchError` (one line) when the server fails or is too slow."""
    import httpx

    end = time.monotonic() + deadline
    step = min(deadline, _STEP_TIMEOUT)
    chunks: list[bytes] = []
    size = 0
    try:
        with (
            httpx.Client(timeout=httpx.Timeout(step), follow_redirects=True) as client,
            client.stream("GET", url) as response,
        ):
            response.raise_for_status()
            declared = response.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > MAX_TEXT_BYTES:
                raise _too_large(int(declared), url)
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > MAX_TEXT_BYTES:
                    raise _too_large(size, url)
                chunks.append(chunk)
                if time.monotonic() > end:
                    raise FetchError(
                        f"cannot fetch: no complete answer within the {deadline:g} s deadline ({size} bytes read)",
                        code="fetch.timeout",
                        file=url,
                    )
            media_type = response.headers.get("content-type", "text/plain").split(";")[0].strip() or "text/plain"
            return b"".join(chunks), str(response.url), media_type
    except httpx.HTTPError as exc:
        # httpx's messages may run over two lines ("For more information check: …"): the first says it
        reason = (str(exc).strip().splitlines() or [exc.__class__.__name__])[0]
        raise FetchError(f"cannot fetch: {reason}", code="fetch.http", file=url) from None


def read_text_input(arg: str, *, timeout: float = 20.0) -> TextDocument:
    """Read ``arg`` — a path, an ``http(s)://`` URL, or ``-`` for standard input — as text.

    ``timeout`` is the deadline of a URL's whole read (connecting, waiting, every byte)."""
    media_type = "text/plain"
    if arg == "-":
        data = sys.stdin.buffer.read(MAX_TEXT_BYTES + 1)
        uri = "stdin:"
    elif arg.startswith(("http://", "https://")):
        data, uri, media_type = _read_url(arg, timeout)
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
