"""``lossledger serve``: the native API, russianwarship.rip's v1 and v2, and the dashboard."""

from __future__ import annotations

import ipaddress
import os

import typer

from ..config import resolve_db_url, setting
from ..errors import ConfigError
from .application import app, state


def _default_public_url(host: str, port: int) -> str | None:
    """The address itself when serving on loopback only: the one name every client here uses, and
    absolute links work for clients that cannot resolve a relative one (Python's urllib, requests).
    Elsewhere the public name is unknown (a proxy, TLS): relative links, unless configured."""
    try:
        loopback = host == "localhost" or ipaddress.ip_address(host).is_loopback
    except ValueError:
        loopback = False
    return f"http://{host}:{port}" if loopback else None


def _log_rounds() -> None:
    """One stderr line per periodic sync, beside uvicorn's own (which configures only its loggers)."""
    import logging

    logger = logging.getLogger("lossledger.refresh")
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(levelname)s:     %(name)s: %(message)s"))
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    logger.propagate = False


@app.command()
def serve(
    ctx: typer.Context,
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on."),
    port: int = typer.Option(8000, "--port", help="Port to listen on."),
    db: str = typer.Option(None, "--db", help="Database URL or SQLite path (overrides the global --db)."),
    workers: int = typer.Option(1, "--workers", min=1, help="Worker processes (each keeps its own caches)."),
    token: str = typer.Option(
        None,
        "--token",
        help="Bearer token that allows POST /ledger/v1/sync (default: $LOSSLEDGER_TOKEN; none: read-only).",
    ),
    cors: str = typer.Option(
        None,
        "--cors",
        help="Origins (comma-separated, or *) that may read the native API (default: $LOSSLEDGER_CORS; none). "
        "/api/v1 and /api/v2 are readable from any origin; writes from none.",
    ),
    public_url: str = typer.Option(
        None,
        "--public-url",
        help="Public base URL for generated links, e.g. https://losses.example.org (default: $LOSSLEDGER_PUBLIC_URL; "
        "on a loopback --host that address; else relative links). Never taken from the Host header.",
    ),
    sync_every: str = typer.Option(
        None,
        "--sync-every",
        help="Sync the ledger every interval (6h, 30m) while serving (default: $LOSSLEDGER_SYNC_EVERY).",
    ),
    sync_from: str = typer.Option(
        None, "--sync-from", help="Origin of those syncs (default: $LOSSLEDGER_SYNC_FROM, else the public upstreams)."
    ),
    access_log: bool = typer.Option(
        True, "--access-log/--no-access-log", help="JSON-lines access log (stderr by default)."
    ),
    access_log_file: str = typer.Option(
        None,
        "--access-log-file",
        help="Write the access log to this file, rotated at --access-log-max-mb (3 old files kept); needs --workers 1.",
    ),
    access_log_max_mb: float = typer.Option(
        50.0, "--access-log-max-mb", min=0.01, help="Size at which the log file rotates."
    ),
) -> None:
    """Serve the ledger over HTTP: native API at /ledger/v1, russianwarship.rip-compatible /api/v1 and /api/v2, dashboard at /. Read-only unless a token is set."""
    import uvicorn

    from ..api.app import configure_access_log, create_app
    from ..ledger import Ledger
    from ..refresh import Refresher, parse_interval

    url = resolve_db_url(db or state(ctx).db)
    secret = setting("token", token)
    base = setting("public_url", public_url) or _default_public_url(host, port)
    every = setting("sync_every", sync_every)
    if access_log_file and workers > 1:
        raise ConfigError(
            "--access-log-file needs --workers 1 (several processes cannot rotate one file safely): log to stderr "
            "and let the process manager bound it",
            code="config.access_log",
        )
    if access_log and access_log_file:
        configure_access_log(path=access_log_file, max_bytes=int(access_log_max_mb * 1024 * 1024))
    Ledger.open(url).close()  # migrate once, before any worker starts
    refresher = None
    if every:
        _log_rounds()
        refresher = Refresher(url, parse_interval(every), setting("sync_from", sync_from)).start()
    try:
        if workers == 1:
            web = create_app(
                url, token=secret, cors_origins=cors, read_only=not secret, access_log=access_log, public_url=base
            )
            uvicorn.run(web, host=host, port=port, access_log=False, log_level="info")
            return
        # Worker processes build the app themselves (api.app.app_from_env) from the environment.
        os.environ["LOSSLEDGER_DB"] = url
        for name, value in (("TOKEN", secret), ("CORS", cors), ("PUBLIC_URL", base)):
            if value is not None:
                os.environ[f"LOSSLEDGER_{name}"] = value
        if not access_log:
            os.environ["LOSSLEDGER_ACCESS_LOG"] = "0"
        uvicorn.run("lossledger.api.app:app_from_env", factory=True, host=host, port=port, workers=workers,
                    access_log=False, log_level="info")  # fmt: skip
    finally:
        if refresher is not None:
            refresher.stop(timeout=0)
