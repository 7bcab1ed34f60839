"""Plain series requests answered before routing: the uncached hot path.

``GET /ledger/v1/series/{metric}?source=&start=&end=`` — a series as known now, no view — is a
slice of the precomputed daily series (ledger/daily.py), a few µs of work; routed through FastAPI
it cost ~0.6 ms of CPU, most of it parameter handling for the route's ten query parameters
(benchmarks/api.py, ``year-uncached``).  This middleware answers exactly those requests — the
same body, ETag and headers as the route (tests/api/test_v1.py compares them) — and passes
everything else on: other parameters, a malformed value (the route's 400), an unknown metric
(its 404), a ledger whose precomputed series is not current.
"""

from __future__ import annotations

import datetime as dt
import re
from urllib.parse import parse_qsl

from starlette.types import ASGIApp, Receive, Scope, Send

from .. import taxonomy
from ..registry import CLAIMS
from .native import SERIES_PATH, precomputed, series_body, span
from .responses import CACHE_CONTROL
from .state import ServiceState, etag_for, etag_matches

__all__ = ["PlainSeriesMiddleware", "plain_series"]

PLAIN_KEYS = frozenset({"source", "start", "end"})
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _date(text: str | None) -> dt.date | None:
    """A YYYY-MM-DD date or None when absent; ValueError when malformed (the route answers that)."""
    if text is None:
        return None
    if not _DATE.match(text):
        raise ValueError(text)
    return dt.date.fromisoformat(text)


def plain_series(state: ServiceState, path: str, query: bytes) -> bytes | None:
    """The body of a plain series request, or None when the route must answer it."""
    metric = path[len(SERIES_PATH) :]
    if not metric or metric not in taxonomy.metrics():
        return None
    pairs = parse_qsl(query.decode("latin-1"), keep_blank_values=True)
    params = dict(pairs)
    if len(params) != len(pairs) or not params.keys() <= PLAIN_KEYS:
        return None
    source = params.get("source", CLAIMS)
    try:
        start, end = _date(params.get("start")), _date(params.get("end"))
    except ValueError:
        return None
    rows = precomputed(state, source, metric) if source and len(source) <= 64 else None
    if rows is None:
        return None
    return series_body(metric, source, rows, *span(start, end))


class PlainSeriesMiddleware:
    """Answer plain series GETs from the precomputed daily series, before FastAPI routes them."""

    def __init__(self, app: ASGIApp, state: ServiceState) -> None:
        self.app = app
        self.state = state

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] == "GET" and scope["path"].startswith(SERIES_PATH):
            query = scope.get("query_string", b"")
            body = plain_series(self.state, scope["path"], query)
            if body is not None:
                etag = etag_for(self.state.version(), scope["path"], query)
                headers = [(b"etag", etag.encode()), (b"cache-control", CACHE_CONTROL.encode())]
                inm = next((v.decode("latin-1") for k, v in scope["headers"] if k == b"if-none-match"), None)
                if inm and etag_matches(inm, etag):
                    await send({"type": "http.response.start", "status": 304, "headers": headers})
                    await send({"type": "http.response.body", "body": b""})
                    return
                headers += [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
                await send({"type": "http.response.start", "status": 200, "headers": headers})
                await send({"type": "http.response.body", "body": body})
                return
        await self.app(scope, receive, send)
