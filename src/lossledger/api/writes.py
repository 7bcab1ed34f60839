"""The POST endpoints: checking an article (no state changed) and syncing (token only).

``POST /ledger/v1/check`` answers exactly what ``lossledger check --format json`` prints; its body is
limited to 1 MB (middleware.py, 413).  ``POST /ledger/v1/sync`` changes the ledger, so it runs only
on a server started with a token and only for a request carrying it as
``Authorization: Bearer <LOSSLEDGER_TOKEN>``: 401 without credentials, 403 with wrong ones or on a
read-only server.
"""

from __future__ import annotations

import hmac
import threading
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Request, Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from ..config import setting
from .models import CheckRequest, CheckResultV1, ErrorV1, SyncRequest
from .paths import NATIVE_PREFIX
from .responses import NO_STORE, dumps_v1, public_paths, service

__all__ = ["router"]

router = APIRouter(prefix=NATIVE_PREFIX, tags=["ledger v1 (native)"])

_bearer = HTTPBearer(auto_error=False, description="The server's LOSSLEDGER_TOKEN.")
_sync_lock = threading.Lock()


def _json(data: Any) -> Response:
    return Response(dumps_v1(data), media_type="application/json", headers={"Cache-Control": NO_STORE})


@router.post(
    "/check",
    response_model=CheckResultV1,
    response_class=Response,
    summary="Check an article's figures against the ledger",
    responses={400: {"model": ErrorV1}, 413: {"model": ErrorV1, "description": "Body larger than 1 MB."}},
)
def check(request: Request, body: CheckRequest) -> Response:
    """Exactly ``lossledger check --format json``: the report date the article quotes, a confidence,
    every claim with its verdict (match, stale, mismatch, rounded, unverifiable), framing notes and
    the other sources' figures as context.  Nothing is stored."""
    from ..verify import LedgerView
    from ..verify import check as check_article

    state = service(request)
    # One view per ledger version: it keeps the rows and fingerprint index it read between checks.
    view = state.memo("check-view", lambda: LedgerView.from_ledger(state.ledger))
    return _json(public_paths(check_article(body.text, view, published=body.published).to_dict()))


def _authorize(request: Request, credentials: HTTPAuthorizationCredentials | None) -> None:
    state = service(request)
    if not state.writable:
        raise HTTPException(403, "this server is read-only: start it with a token (LOSSLEDGER_TOKEN) to allow sync")
    if credentials is None or credentials.scheme.lower() != "bearer":
        raise HTTPException(401, "sync needs Authorization: Bearer <token>", headers={"WWW-Authenticate": "Bearer"})
    if not hmac.compare_digest(credentials.credentials.encode(), str(state.token).encode()):
        raise HTTPException(403, "wrong token")


@router.post(
    "/sync",
    response_model=dict[str, Any],
    response_class=Response,
    summary="Sync the ledger (token only)",
    responses={
        400: {"model": ErrorV1, "description": "A malformed body."},
        401: {"model": ErrorV1, "description": "No bearer token."},
        403: {"model": ErrorV1, "description": "Wrong token, or the server is read-only."},
        409: {"model": ErrorV1, "description": "A sync is already running."},
    },
)
def sync(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
    body: SyncRequest | None = None,
) -> Response:
    """:meth:`Ledger.sync` from ``origin`` (default: ``$LOSSLEDGER_SYNC_FROM``, else the public
    upstreams); atomic and idempotent.  Answers the sync's report, as ``lossledger sync --format json``."""
    _authorize(request, credentials)
    body = body or SyncRequest()
    if not _sync_lock.acquire(blocking=False):
        raise HTTPException(409, "a sync is already running")
    try:
        state = service(request)
        result = state.ledger.sync(setting("sync_from", body.origin), only=body.only, force=body.force)
        state.refresh()
    finally:
        _sync_lock.release()
    return _json(result.to_dict())
