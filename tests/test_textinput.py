"""Reading a text from a URL: streamed with a size cap and a total deadline, errors on one line.

A hostile server on 127.0.0.1 trickles bytes, sends an endless body, or declares a huge one.
"""

from __future__ import annotations

import contextlib
import threading
import time
import tracemalloc
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from lossledger.cli import main
from lossledger.errors import FetchError, InputError
from lossledger.sources.textinput import MAX_TEXT_BYTES, read_text_input

ARTICLE = "<html><body><p>Russia has lost 6,465 tanks, the General Staff said.</p></body></html>"


class Hostile(BaseHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass

    def _head(self, length: int | None = None, media: str = "text/plain") -> None:
        self.send_response(200)
        self.send_header("Content-Type", media)
        if length is not None:
            self.send_header("Content-Length", str(length))
        self.end_headers()

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            if self.path == "/article.html":
                body = ARTICLE.encode()
                self._head(len(body), "text/html; charset=utf-8")
                self.wfile.write(body)
            elif self.path == "/trickle":  # a byte every 0.2 s, for ever
                self._head()
                while True:
                    self.wfile.write(b"x")
                    self.wfile.flush()
                    time.sleep(0.2)
            elif self.path == "/endless":  # no Content-Length, 1 MiB chunks until the client hangs up
                self._head()
                chunk = b"a" * (1 << 20)
                for _ in range(512):
                    self.wfile.write(chunk)
            elif self.path == "/declared":  # says 512 MiB up front
                self._head(512 << 20)
                self.wfile.write(b"a" * 1024)
            elif self.path == "/silent":  # headers never come
                time.sleep(30)
            else:
                self.send_error(404)


@pytest.fixture(scope="module")
def hostile() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), Hostile)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_a_page_is_read(hostile: str) -> None:
    doc = read_text_input(f"{hostile}/article.html")
    assert doc.media_type == "text/html" and "6,465 tanks" in doc.text and doc.uri.endswith("/article.html")


def test_a_trickling_server_is_cut_at_the_deadline(hostile: str) -> None:
    start = time.monotonic()
    with pytest.raises(FetchError, match="deadline|timed out") as info:
        read_text_input(f"{hostile}/trickle", timeout=1.5)
    assert time.monotonic() - start < 4
    assert "\n" not in str(info.value) and f"{hostile}/trickle" in str(info.value)


def test_a_silent_server_is_cut_at_the_deadline(hostile: str) -> None:
    start = time.monotonic()
    with pytest.raises(FetchError):
        read_text_input(f"{hostile}/silent", timeout=1.0)
    assert time.monotonic() - start < 4


def test_an_endless_body_is_refused_without_reading_it_all(hostile: str) -> None:
    tracemalloc.start()
    try:
        with pytest.raises(InputError, match="more than") as info:
            read_text_input(f"{hostile}/endless")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert info.value.code == "input.too_large"
    assert peak < 3 * MAX_TEXT_BYTES  # not the 512 MiB the server would send


def test_a_declared_huge_body_is_refused_up_front(hostile: str) -> None:
    start = time.monotonic()
    with pytest.raises(InputError, match="536870912 bytes"):
        read_text_input(f"{hostile}/declared")
    assert time.monotonic() - start < 2


def test_http_errors_are_one_line(hostile: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", f"{hostile}/missing"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "404" in err and err.startswith("lossledger: error: "), err
