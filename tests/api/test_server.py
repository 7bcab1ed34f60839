"""End to end on real servers: uvicorn in a thread, and ``lossledger serve --workers 2`` as a process."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from .support import make_app, serve_in_thread

pytestmark = pytest.mark.slow


def test_real_server_in_a_thread(synced_sqlite_path: Path) -> None:
    with serve_in_thread(make_app(synced_sqlite_path)) as base, httpx.Client(base_url=base, timeout=30) as client:
        r = client.get("/api/v2/statistics/2024-02-16")
        assert r.status_code == 200 and r.json()["data"]["day"] == 723
        assert (
            client.get("/api/v2/statistics/2024-02-16", headers={"If-None-Match": r.headers["etag"]}).status_code == 304
        )
        paging = client.get("/api/v2/statistics?offset=0&limit=1", headers={"Host": "evil.example"}).json()["data"][
            "paging"
        ]
        assert paging["next_url"] == "/api/v2/statistics?offset=1&limit=1"  # relative: no public URL configured
        assert (
            client.post(
                "/ledger/v1/check", content=b"z" * (1024 * 1024 + 1), headers={"Content-Type": "application/json"}
            ).status_code
            == 413
        )
        assert client.get("/healthz").json()["ok"] is True


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_lossledger_serve_with_workers(synced_sqlite_path: Path, tmp_path: Path) -> None:
    port = _free_port()
    log = tmp_path / "stderr.log"
    env = {**os.environ, "LOSSLEDGER_TOKEN": "", "LOSSLEDGER_CORS": ""}
    code = "import sys; from lossledger.cli import main; sys.exit(main())"
    cmd = [
        sys.executable,
        "-c",
        code,
        "serve",
        "--db",
        str(synced_sqlite_path),
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--workers",
        "2",
        "--sync-every",
        "6h",  # a refresher that never fires during the test: starting it must not disturb serving
    ]
    with log.open("wb") as err:
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=err, env=env, start_new_session=True)
        try:
            base = f"http://127.0.0.1:{port}"
            deadline = time.monotonic() + 60
            while True:
                try:
                    if httpx.get(base + "/healthz", timeout=2).status_code == 200:
                        break
                except httpx.HTTPError:
                    pass
                assert proc.poll() is None and time.monotonic() < deadline, log.read_text()
                time.sleep(0.2)
            for _ in range(10):  # several requests, so both workers answer some
                assert httpx.get(base + "/api/v2/statistics/latest", timeout=30).status_code == 200
            # on a loopback address, links are absolute to it (Python clients cannot follow relative ones)
            paging = httpx.get(
                base + "/api/v1/statistics?limit=50", headers={"Host": "evil.example"}, timeout=30
            ).json()["data"]["paging"]
            assert paging["next_url"] == f"{base}/api/v1/statistics?offset=50&limit=50"
            assert httpx.post(base + "/ledger/v1/sync", timeout=10).status_code == 403  # read-only without a token
            assert httpx.get(base + "/", timeout=10).status_code == 200
            assert httpx.get(base + "/static/vendor/uplot/uPlot.iife.min.js", timeout=10).status_code == 200
        finally:
            proc.terminate()
            proc.wait(20)
    access = [json.loads(line) for line in log.read_text().splitlines() if line.startswith("{")]
    assert any(a["path"] == "/api/v2/statistics/latest" and a["status"] == 200 for a in access)
    assert any(a["path"] == "/ledger/v1/sync" and a["status"] == 403 for a in access)
