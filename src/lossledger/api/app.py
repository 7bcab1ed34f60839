"""The web application: the native API (``/ledger/v1``), russianwarship.rip's ``/api/v1`` and
``/api/v2`` as a drop-in, its term icons, the dashboard, ``/docs`` and ``/healthz``.

    >>> app = create_app("sqlite:///ledger.sqlite")             # doctest: +SKIP
    >>> uvicorn.run(app, host="127.0.0.1", port=8000)           # doctest: +SKIP

One app per ledger, read-only by default: ``POST /ledger/v1/sync`` runs only when the app was made
with ``read_only=False`` and a token (argument or ``LOSSLEDGER_TOKEN``).  Middleware, outermost
first (middleware.py): JSON-lines access log, trailing slashes served as without, security headers
(and ``no-store`` on errors), CORS (upstream's API from any origin; the native API's reads from
``cors_origins`` / ``LOSSLEDGER_CORS``; writes never), the 1 MB body limit, the response cache,
plain series answered before routing (fastpath.py).
Links the API generates start with ``public_url`` (``LOSSLEDGER_PUBLIC_URL``) or are relative.
"""

from __future__ import annotations

import gc
import logging
import logging.handlers
import sys
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import TextIO
from urllib.parse import urlsplit

from fastapi import FastAPI, Request, Response

from .. import __version__
from ..config import setting
from ..errors import ConfigError
from ..ledger import Ledger
from ..ledger.results import Health
from . import native, upstream, writes
from .compat import ICON_PATH, build_table
from .errors import install_error_handlers, v1_error
from .fastpath import PlainSeriesMiddleware
from .middleware import (
    ACCESS_LOGGER,
    AccessLogMiddleware,
    BodyLimitMiddleware,
    CorsMiddleware,
    ResponseCacheMiddleware,
    SecurityHeadersMiddleware,
    TrailingSlashMiddleware,
)
from .models import ErrorV1, HealthV1
from .paths import UPSTREAM_NAMESPACE
from .responses import NO_STORE, dumps_v1, service
from .state import ServiceState

__all__ = ["BODY_LIMIT", "app_from_env", "configure_access_log", "create_app"]

log = logging.getLogger("lossledger.api")

#: Request bodies above this are refused with 413 (an article is a few dozen KB).
BODY_LIMIT = 1024 * 1024

DESCRIPTION = """\
A verifiable ledger of reported losses in the Russia–Ukraine war.

* **ledger v1** (`/ledger/v1`) — the ledger's own view: metrics, sources, reports by date
  (`/ledger/v1/days/{date}` is `lossledger show DATE --format json`), series, conflicts between
  transcriptions, claims vs. confirmed, provenance of every figure, and `POST /ledger/v1/check`
  for an article's figures.
* **v1** and **v2** (`/api/v1`, `/api/v2`) — drop-in compatible with the russianwarship.rip API,
  both versions: same paths, keys, key order, types, messages and status codes, readable from any
  origin (CORS). Details the published evidence leaves open are marked **[I]** in each endpoint's
  description with the behaviour chosen. Figures their keys cannot hold (ground robotic systems)
  are served by the native API only.

Every GET answers with an `ETag` and `Cache-Control`; send `If-None-Match` to get 304.
Errors: native `{"ok": false, "error", "code", "status"}`; upstream `{"message", "errors"}` (422).
"""


def configure_access_log(
    stream: TextIO | None = None, *, path: str | None = None, max_bytes: int = 50 * 1024 * 1024, backups: int = 3
) -> logging.Logger:
    """Send the JSON-lines access log to ``stream`` (default: stderr), or to the file ``path``
    rotated at ``max_bytes`` with ``backups`` old files kept — at most ``(backups + 1) × max_bytes``
    on disk; unless already configured.  On stderr, bounding it is the process manager's job
    (journald, Docker's ``max-size``): docs/api.md."""
    logger = logging.getLogger(ACCESS_LOGGER)
    if not logger.handlers:
        handler: logging.Handler
        if path is not None:
            handler = logging.handlers.RotatingFileHandler(
                path, maxBytes=max_bytes, backupCount=backups, encoding="utf-8"
            )
        else:
            handler = logging.StreamHandler(stream or sys.stderr)
        handler.setFormatter(logging.Formatter("%(message)s"))
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)
        logger.propagate = False
    return logger


def _cors_list(origins: list[str] | str | None) -> list[str]:
    """Allowed origins: the argument, else ``LOSSLEDGER_CORS``; a string is comma-separated."""
    raw = origins if origins is not None else (setting("cors") or "")
    if isinstance(raw, str):
        return [o.strip() for o in raw.split(",") if o.strip()]
    return list(raw)


def _register_warmers(state: ServiceState) -> None:
    """The per-version tables built before a version is served (state.py): the compatible records
    and the dashboard's claims summary, the slow ones to build on a request."""
    state.warmers["compat-table"] = lambda: build_table(state.ledger)
    for lang in ("en", "uk"):
        state.warmers[f"claims-{lang}"] = lambda lang=lang: native.claims_summary(state.ledger, lang)  # type: ignore[misc]


def _warm(state: ServiceState) -> None:
    """Build the per-version caches before the first request asks (in a thread: startup stays fast)."""
    try:
        for name, build in state.warmers.items():
            state.memo(name, build)
    except Exception:  # an empty or broken ledger: the requests will report it
        log.debug("cache warm-up failed", exc_info=True)
    # Everything loaded so far (modules, pandas, SQLAlchemy, the caches) lives as long as the
    # process: moving it out of the collector's generations keeps full collections — pauses in
    # the p99 latency — short.
    gc.freeze()


def create_app(
    ledger_url: str | None = None,
    *,
    token: str | None = None,
    cors_origins: list[str] | str | None = None,
    read_only: bool = True,
    access_log: bool = True,
    warm: bool = True,
    version_ttl: float = 1.0,
    public_url: str | None = None,
) -> FastAPI:
    """The app serving the ledger at ``ledger_url`` (``--db`` > ``LOSSLEDGER_DB`` > per-user file).

    ``read_only=False`` enables ``POST /ledger/v1/sync`` for requests bearing ``token``
    (argument > ``LOSSLEDGER_TOKEN``); without a token that is a configuration error.
    ``public_url`` (> ``LOSSLEDGER_PUBLIC_URL``), e.g. ``https://losses.example.org``, starts the
    links the API generates (paging, icons); without one they are relative.
    """
    token = setting("token", token)
    if not read_only and not token:
        raise ConfigError("a writable server needs a token (--token or LOSSLEDGER_TOKEN)", code="config.token")
    base = _public_base(setting("public_url", public_url))
    state = ServiceState(
        Ledger.open(ledger_url), token=token, read_only=read_only, version_ttl=version_ttl, public_url=base
    )
    if warm:
        _register_warmers(state)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        if warm:
            threading.Thread(target=_warm, args=(state,), name="lossledger-warm", daemon=True).start()
        yield
        state.ledger.close()

    app = FastAPI(
        title="lossledger",
        version=__version__,
        description=DESCRIPTION,
        lifespan=lifespan,
        docs_url=None,  # served from the package by web/ (no CDN)
        redoc_url=None,
        redirect_slashes=False,  # TrailingSlashMiddleware serves them; a redirect would trust Host
    )
    app.state.service = state
    install_error_handlers(app)
    app.include_router(native.router)
    app.include_router(writes.router)
    for router in upstream.routers():
        app.include_router(router)
    _add_health(app)

    from .pages import mount_dashboard

    mount_dashboard(app)

    app.add_middleware(PlainSeriesMiddleware, state=state)
    app.add_middleware(ResponseCacheMiddleware, state=state)
    app.add_middleware(BodyLimitMiddleware, limit=BODY_LIMIT)
    app.add_middleware(CorsMiddleware, origins=_cors_list(cors_origins), public_paths=(UPSTREAM_NAMESPACE, ICON_PATH))
    app.add_middleware(SecurityHeadersMiddleware)
    app.add_middleware(TrailingSlashMiddleware)
    if access_log:
        configure_access_log()
        app.add_middleware(AccessLogMiddleware)
    return app


def _public_base(url: str | None) -> str:
    """The configured public URL without a trailing slash ("" = relative links); an http(s) origin
    (with an optional path prefix) or a configuration error."""
    if not url:
        return ""
    parsed = urlsplit(url)
    if parsed.scheme not in ("http", "https") or not parsed.netloc or parsed.query or parsed.fragment:
        raise ConfigError(
            f"not a public base URL: {url!r} (expected e.g. https://losses.example.org)", code="config.public_url"
        )
    return url.rstrip("/")


def _add_health(app: FastAPI) -> None:
    @app.get("/healthz", response_model=HealthV1, response_class=Response, tags=["operations"], summary="Liveness and freshness",
             responses={503: {"model": ErrorV1, "description": "The database does not answer."}})  # fmt: skip
    def healthz(request: Request) -> Response:
        """``ok`` while the database answers, with the ledger's version and, per source, the newest
        report date, its age in hours and whether it is stale (:meth:`Ledger.status`).  Never cached."""
        state = service(request)
        try:
            rows = state.ledger.status()
            version = state.version()
        except Exception as exc:
            log.warning("healthz: database error: %s", exc)
            return v1_error(
                503, f"database unavailable: {exc.__class__.__name__}", "store.unavailable", {"Cache-Control": NO_STORE}
            )
        body = Health(ok=True, version=version, read_only=not state.writable, sources=rows)
        return Response(dumps_v1(body), media_type="application/json", headers={"Cache-Control": NO_STORE})


def app_from_env() -> FastAPI:
    """Factory for ``uvicorn --factory`` and worker processes: configuration from ``LOSSLEDGER_*``
    (``DB``, ``TOKEN`` — its presence makes sync available —, ``CORS``, ``PUBLIC_URL``, ``ACCESS_LOG=0``)."""
    token = setting("token")
    return create_app(None, token=token, read_only=not token, access_log=setting("access_log", None, "1") != "0")
