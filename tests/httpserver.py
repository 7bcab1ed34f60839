"""A real HTTP server on 127.0.0.1 in a thread, serving a folder (like httpx's serve_in_thread).

Answers with ETag and Last-Modified and honours If-None-Match / If-Modified-Since (304), like a
CDN in front of raw GitHub files; logs every request so tests can see what was fetched; can be
told to fail (status codes) or stall for given paths.
"""

from __future__ import annotations

import contextlib
import hashlib
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any


class Handler(SimpleHTTPRequestHandler):
    log: list[tuple[str, int]]
    failures: dict[str, list[int]]
    stall: dict[str, float]
    listing: bool = True

    def log_message(self, format: str, *args: Any) -> None:  # keep pytest output clean
        pass

    def send_response(self, code: int, message: str | None = None) -> None:
        self.log.append((self.path, code))
        super().send_response(code, message)

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        if self.path in self.stall:
            time.sleep(self.stall[self.path])
        queue = self.failures.get(self.path)
        if queue:
            self.send_error(queue.pop(0))
            return
        path = Path(self.translate_path(self.path))
        if path.is_dir() and not self.listing:
            self.send_error(404)
            return
        if path.is_file():
            data = path.read_bytes()
            etag = '"' + hashlib.sha256(data).hexdigest()[:16] + '"'
            if self.headers.get("If-None-Match") == etag:
                self.send_response(304)
                self.send_header("ETag", etag)
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(str(path)))
            self.send_header("Content-Length", str(len(data)))
            self.send_header("ETag", etag)
            self.send_header("Last-Modified", self.date_time_string(int(path.stat().st_mtime)))
            self.end_headers()
            # a client that gave up (the timeout and size-cap tests) is no server error
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                self.wfile.write(data)
            return
        super().do_GET()


@contextmanager
def serve(
    directory: Path,
    *,
    listing: bool = True,
    failures: dict[str, list[int]] | None = None,
    stall: dict[str, float] | None = None,
) -> Iterator[tuple[str, list[tuple[str, int]]]]:
    """Serve ``directory`` on 127.0.0.1; yields (base URL, request log)."""
    log: list[tuple[str, int]] = []
    handler = type(
        "BoundHandler", (Handler,), {"log": log, "failures": failures or {}, "stall": stall or {}, "listing": listing}
    )
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(handler, directory=str(directory)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/", log
    finally:
        server.shutdown()
        server.server_close()
