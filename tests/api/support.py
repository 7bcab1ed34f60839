"""Shared by tests/api and tests/web: the app over the session's synced ledger, and a real server.

``serve_in_thread`` runs uvicorn on 127.0.0.1 on a free port in a daemon thread (like httpx's
test server) and stops it on exit.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import uvicorn

from lossledger.api.app import create_app

REPO = Path(__file__).resolve().parents[2]
ARTIFACTS = REPO / "test-artifacts"


def make_app(db_path: Path, **kwargs: Any) -> Any:
    """The real app over the SQLite ledger at ``db_path`` (no access log, no background warm-up)."""
    kwargs.setdefault("access_log", False)
    kwargs.setdefault("warm", False)
    return create_app(f"sqlite:///{db_path}", **kwargs)


@contextmanager
def serve_in_thread(app: Any, *, timeout: float = 15.0) -> Iterator[str]:
    """Serve ``app`` with uvicorn on 127.0.0.1 (a free port); yields the base URL."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", access_log=False, lifespan="on"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + timeout
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("test server did not start")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout)
        sock.close()
