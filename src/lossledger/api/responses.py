"""Encoding and caching of API responses.

Routes return bytes they (or a per-version cache) encoded once; :func:`cached_response` adds the
ETag and Cache-Control that let clients, proxies and the in-process cache (middleware.py) reuse it.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import cache
from typing import Any

from fastapi import Request, Response

from ..results import Result, json_default
from .state import ServiceState, etag_for, etag_matches

__all__ = ["CACHE_CONTROL", "NO_STORE", "cached_response", "dumps_v1", "dumps_v2", "public_paths", "service"]

#: The General Staff reports once a day and the ledger changes only on sync: five minutes fresh,
#: then served stale for up to an hour while revalidating (a 304 costs no recomputation here).
CACHE_CONTROL = "public, max-age=300, stale-while-revalidate=3600"
NO_STORE = "no-store"


@cache
def _dataset_folders() -> frozenset[str]:
    from ..importers import IMPORTERS

    return frozenset(i.folder for i in IMPORTERS)


def _public_uri(uri: str) -> str:
    """A ``file://`` URI as the dataset-relative name of its file: the server's paths stay private.

    >>> _public_uri("file:///srv/data/oryx-totals/totals.csv")
    'oryx-totals/totals.csv'
    """
    parts = [p for p in uri.split("://", 1)[-1].split("/") if p]
    for i, part in enumerate(parts):
        if part in _dataset_folders():
            return "/".join(parts[i:])
    return parts[-1] if parts else ""


def public_paths(data: Any) -> Any:
    """``data`` (a library result is taken as its ``to_dict()``) with every ``file://`` URI (a
    document synced from a local folder) made dataset-relative.

    Documents read from disk are identified by their sha256 and dataset; where the server keeps the
    folder is nobody's business over HTTP.
    """
    if isinstance(data, Result):
        data = data.to_dict()
    if isinstance(data, str):
        return _public_uri(data) if data.startswith("file:") else data
    if isinstance(data, dict):
        return {k: public_paths(v) for k, v in data.items()}
    if isinstance(data, list):
        return [public_paths(v) for v in data]
    return data


def dumps_v1(data: Any) -> bytes:
    """Compact UTF-8 JSON for the v1 API (same values as the CLI's ``--format json``)."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), default=json_default).encode()


def dumps_v2(data: Any) -> bytes:
    """JSON as the original PHP/Laravel API writes it: compact, ``\\uXXXX`` for non-ASCII and ``/``
    escaped as ``\\/`` (shared/formats/russianwarship-api.md §1, E12) — PHP ``json_encode``'s
    defaults.  Safe to do on the encoded text: ``/`` can only occur inside JSON strings."""
    return json.dumps(data, ensure_ascii=True, separators=(",", ":")).replace("/", "\\/").encode()


def service(request: Request) -> ServiceState:
    """The :class:`ServiceState` of the app serving ``request``."""
    return request.app.state.service  # type: ignore[no-any-return]


def cached_response(
    request: Request, body: bytes | Callable[[], bytes], *, status_code: int = 200, media_type: str = "application/json"
) -> Response:
    """A response tagged for caching; 304 when ``If-None-Match`` already names it (nothing computed)."""
    state = service(request)
    etag = etag_for(state.version(), request.url.path, request.scope.get("query_string", b""))
    headers = {"ETag": etag, "Cache-Control": CACHE_CONTROL}
    inm = request.headers.get("if-none-match")
    if inm and etag_matches(inm, etag):
        return Response(status_code=304, headers=headers)
    content = body() if callable(body) else body
    return Response(content, status_code=status_code, media_type=media_type, headers=headers)
