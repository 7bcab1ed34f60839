"""``lossledger serve``: the REST API (v1, russianwarship-compatible v2) and the dashboard."""

from __future__ import annotations

import os

import typer

from ..config import resolve_db_url, setting
from .app import app, state


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
        help="Bearer token that allows POST /api/v1/sync (default: $LOSSLEDGER_TOKEN; none: read-only).",
    ),
    cors: str = typer.Option(
        None, "--cors", help="Comma-separated origins allowed by CORS, or * (default: $LOSSLEDGER_CORS; none: no CORS)."
    ),
    access_log: bool = typer.Option(True, "--access-log/--no-access-log", help="JSON-lines access log on stderr."),
) -> None:
    """Serve the ledger over HTTP: API v1, russianwarship.rip-compatible v2, dashboard at /. Read-only unless a token is set."""
    import uvicorn

    from ..api.app import create_app
    from ..ledger import Ledger

    url = resolve_db_url(db or state(ctx).db)
    secret = setting("token", token)
    Ledger.open(url).close()  # migrate once, before any worker starts
    if workers == 1:
        web = create_app(url, token=secret, cors_origins=cors, read_only=not secret, access_log=access_log)
        uvicorn.run(web, host=host, port=port, access_log=False, log_level="info")
        return
    # Worker processes build the app themselves (api.app.app_from_env) from the environment.
    os.environ["LOSSLEDGER_DB"] = url
    if secret:
        os.environ["LOSSLEDGER_TOKEN"] = secret
    if cors is not None:
        os.environ["LOSSLEDGER_CORS"] = cors
    if not access_log:
        os.environ["LOSSLEDGER_ACCESS_LOG"] = "0"
    uvicorn.run(
        "lossledger.api.app:app_from_env",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        access_log=False,
        log_level="info",
    )
