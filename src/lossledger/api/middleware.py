"""Pure ASGI middleware: JSON-lines access log, request body limit, and the response cache.

Written as plain ASGI callables rather than Starlette's ``BaseHTTPMiddleware``, which wraps every
request in extra tasks and streams — on a hot endpoint that costs more than the endpoint itself.
The cache answers a repeated GET from memory before routing: that is what lets
``/api/v2/statistics/latest`` serve thousands of requests a second (benchmarks/api.py).
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import time
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .state import CachedResponse, ServiceState, etag_matches

__all__ = ["ACCESS_LOGGER", "AccessLogMiddleware", "BodyLimitMiddleware", "ResponseCacheMiddleware", "json_error_body"]

ACCESS_LOGGER = "lossledger.access"
_access = logging.getLogger(ACCESS_LOGGER)


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", ()):
        if key == name:
            return str(value.decode("latin-1"))
    return None


def json_error_body(message: str, code: str, status: int) -> bytes:
    """The v1 error shape (errors.py ``to_dict``) for errors raised outside FastAPI's handlers."""
    return json.dumps({"ok": False, "error": message, "code": code, "status": status}).encode()


class AccessLogMiddleware:
    """One JSON object per request on the ``lossledger.access`` logger (method, path, status, bytes, ms)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not _access.isEnabledFor(logging.INFO):
            await self.app(scope, receive, send)
            return
        start = time.perf_counter()
        info: dict[str, Any] = {"status": 500, "bytes": 0}

        async def logged_send(message: Message) -> None:
            if message["type"] == "http.response.start":
                info["status"] = message["status"]
            elif message["type"] == "http.response.body":
                info["bytes"] += len(message.get("body", b""))
            await send(message)

        try:
            await self.app(scope, receive, logged_send)
        finally:
            client = scope.get("client")
            record = {
                "ts": dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z"),
                "method": scope["method"], "path": scope["path"], "query": scope.get("query_string", b"").decode("latin-1"),
                "status": info["status"], "bytes": info["bytes"], "ms": round((time.perf_counter() - start) * 1000, 2),
                "client": client[0] if client else None, "cache": scope.get("state", {}).get("cache", ""),
                "user_agent": _header(scope, b"user-agent"),
            }  # fmt: skip
            _access.info(json.dumps(record, ensure_ascii=False))


class BodyLimitMiddleware:
    """Refuse request bodies over ``limit`` bytes with 413 — by Content-Length up front, else by reading.

    A body without Content-Length (chunked) is read into memory first, at most ``limit + 1`` bytes,
    and replayed to the app: raising mid-read instead would be caught by FastAPI's body parsing and
    turned into a 400.  Buffering costs nothing here — every endpoint reads its whole body anyway.
    """

    def __init__(self, app: ASGIApp, limit: int = 1024 * 1024) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        length = _header(scope, b"content-length")
        if length is not None:
            if length.isdigit() and int(length) > self.limit:
                await self._refuse(send)
            else:
                await self.app(scope, receive, send)
            return
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] != "http.request":  # the client went away
                return
            chunks.append(message.get("body", b""))
            size += len(chunks[-1])
            if size > self.limit:
                await self._refuse(send)
                return
            if not message.get("more_body", False):
                break
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if replayed:
                return await receive()
            replayed = True
            return {"type": "http.request", "body": b"".join(chunks), "more_body": False}

        await self.app(scope, replay, send)

    async def _refuse(self, send: Send) -> None:
        body = json_error_body(f"request body larger than {self.limit} bytes", "input.too_large", 413)
        headers = [
            (b"content-type", b"application/json"),
            (b"content-length", str(len(body)).encode()),
            (b"connection", b"close"),
        ]
        await send({"type": "http.response.start", "status": 413, "headers": headers})
        await send({"type": "http.response.body", "body": body})


class ResponseCacheMiddleware:
    """Serve a GET from memory when the same URL was answered at the same ledger version.

    A response is stored when it is a 200 carrying an ETag of the current version (routes opt in by
    setting one, see responses.py); ``If-None-Match`` on a stored response answers 304.
    """

    def __init__(self, app: ASGIApp, state: ServiceState) -> None:
        self.app = app
        self.state = state

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in ("GET", "HEAD"):
            await self.app(scope, receive, send)
            return
        version = self.state.version()
        key = (version, scope["path"], scope.get("query_string", b""))
        hit = self.state.responses.get(key)
        scope.setdefault("state", {})["cache"] = "hit" if hit else "miss"
        if hit is not None:
            await self._replay(scope, hit, send)
            return
        if scope["method"] == "HEAD":
            await self.app(scope, receive, send)
            return
        prefix = f'"{version}-'
        parts: list[bytes] = []
        meta: dict[str, Any] = {}

        async def capture(message: Message) -> None:
            if message["type"] == "http.response.start":
                etag = next((v.decode("latin-1") for k, v in message.get("headers", ()) if k == b"etag"), "")
                if message["status"] == 200 and etag.startswith(prefix):
                    meta.update(status=200, headers=tuple(message.get("headers", ())), etag=etag)
            elif message["type"] == "http.response.body" and meta:
                parts.append(message.get("body", b""))
                if not message.get("more_body", False):
                    self.state.responses.put(
                        key, CachedResponse(meta["status"], meta["headers"], b"".join(parts), meta["etag"])
                    )
            await send(message)

        await self.app(scope, receive, capture)

    async def _replay(self, scope: Scope, hit: CachedResponse, send: Send) -> None:
        inm = _header(scope, b"if-none-match")
        if inm and etag_matches(inm, hit.etag):
            headers = [(k, v) for k, v in hit.headers if k in (b"etag", b"cache-control", b"vary")]
            await send({"type": "http.response.start", "status": 304, "headers": headers})
            await send({"type": "http.response.body", "body": b""})
            return
        await send({"type": "http.response.start", "status": hit.status, "headers": list(hit.headers)})
        await send({"type": "http.response.body", "body": b"" if scope["method"] == "HEAD" else hit.body})


class TrailingSlashMiddleware:
    """Serve ``/path/`` as ``/path`` (``/`` itself excepted) instead of redirecting.

    Clients do call upstream's list with a trailing slash (``/statistics/?offset=…``).  A redirect
    would have to name a location, and Starlette's names an absolute URL built from the request's
    Host and scheme — wrong behind a TLS proxy, and a way to send a client elsewhere.  Serving the
    same answer needs neither; the response cache then sees one path for both.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope.get("path", "")
        if scope["type"] == "http" and len(path) > 1 and path.endswith("/"):
            scope = dict(scope)
            scope["path"] = path.rstrip("/") or "/"
            scope["raw_path"] = scope["path"].encode()
        await self.app(scope, receive, send)


#: The dashboard loads only its own files: scripts, styles and data from this origin, no inline
#: script (the page's strings are a JSON data block), images from itself or data: URIs.
DASHBOARD_CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
                 "font-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")  # fmt: skip
#: Swagger UI sets inline styles as it renders; its script is the vendored file and docs.js.
DOCS_CSP = ("default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
            "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")  # fmt: skip
#: Everything else is data: nothing in it may run or be framed.
DATA_CSP = "default-src 'none'; frame-ancestors 'none'; sandbox"
HTML_CSP = {"/": DASHBOARD_CSP, "/docs": DOCS_CSP}


class SecurityHeadersMiddleware:
    """Headers every answer carries, and ``Cache-Control: no-store`` on every error.

    ``nosniff`` (a JSON or SVG body is never run as something else), a Content-Security-Policy
    (the dashboard's and /docs' own, ``default-src 'none'`` elsewhere) with ``frame-ancestors
    'none'`` and ``X-Frame-Options: DENY`` for older browsers, ``Referrer-Policy: no-referrer``.
    An error must not be kept by a proxy or browser: whatever the route set, it gets ``no-store``.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        csp = HTML_CSP.get(scope["path"], DATA_CSP).encode()

        async def secured(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [(k, v) for k, v in message.get("headers", ()) if k not in _SECURITY_NAMES]
                if message["status"] >= 400:
                    headers = [(k, v) for k, v in headers if k != b"cache-control"] + [(b"cache-control", b"no-store")]
                headers += [(b"x-content-type-options", b"nosniff"), (b"referrer-policy", b"no-referrer"),
                            (b"x-frame-options", b"DENY"), (b"content-security-policy", csp)]  # fmt: skip
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, secured)


_SECURITY_NAMES = frozenset(
    {b"x-content-type-options", b"referrer-policy", b"x-frame-options", b"content-security-policy"}
)


class CorsMiddleware:
    """Which CORS policy a request gets: read upstream's API (and its icons) from any origin, read
    the native API from the configured origins (none by default), write from no origin at all.

    Browser apps call russianwarship.rip directly, so a drop-in must let any page read it (its
    preflight ``OPTIONS`` included); the write endpoints (check, sync) answer no cross-origin
    request, configured or not.  Each policy is Starlette's CORSMiddleware; this only picks one by
    method and path, which CORSMiddleware alone cannot.
    """

    READ = ("GET", "HEAD")

    def __init__(self, app: ASGIApp, origins: list[str], public_paths: tuple[str, ...]) -> None:
        from starlette.middleware.cors import CORSMiddleware

        self.app = app
        self.public_paths = public_paths
        common: dict[str, Any] = {"allow_methods": ["GET", "HEAD", "OPTIONS"], "expose_headers": ["ETag"]}
        self.public = CORSMiddleware(app, allow_origins=["*"], allow_headers=["*"], max_age=86400, **common)
        self.configured = (
            CORSMiddleware(app, allow_origins=origins, allow_headers=["If-None-Match", "Content-Type"], max_age=600, **common)
            if origins else None
        )  # fmt: skip

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        method = scope["method"]
        if method == "OPTIONS":
            method = (_header(scope, b"access-control-request-method") or "").upper()
        if method not in self.READ:
            await self.app(scope, receive, send)
        elif scope["path"].startswith(self.public_paths):
            await self.public(scope, receive, send)
        elif self.configured is not None:
            await self.configured(scope, receive, send)
        else:
            await self.app(scope, receive, send)
