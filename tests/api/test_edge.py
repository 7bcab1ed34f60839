"""Safe on the open internet: no Host header trusted, security headers, no-store errors, no server
paths, trailing slashes served, /docs offline, a bounded access log."""

from __future__ import annotations

import json
import logging
import re
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from lossledger.api.app import configure_access_log
from lossledger.api.middleware import ACCESS_LOGGER
from lossledger.errors import ConfigError
from lossledger.web import STATIC, render_docs

from .support import make_app

POISONED = ["/api/v2/statistics?offset=0&limit=2", "/api/v1/statistics?offset=0&limit=2", "/api/v2/terms/en",
            "/api/v1/terms/ua/tanks", "/", "/docs", "/ledger/v1/latest"]  # fmt: skip


@pytest.mark.parametrize("public_url", [None, "https://losses.example.org"])
def test_a_forged_host_reaches_no_later_client(synced_sqlite_path: Path, public_url: str | None) -> None:
    """One request with ``Host: evil.example`` first (it fills the response cache), then an honest one."""
    c = TestClient(make_app(synced_sqlite_path, public_url=public_url))
    for path in POISONED:
        forged = c.get(path, headers={"Host": "evil.example", "X-Forwarded-Host": "evil.example"})
        honest = c.get(path)
        assert forged.status_code == honest.status_code == 200, path
        for r in (forged, honest):
            assert b"evil.example" not in r.content, path
            assert "evil.example" not in json.dumps(dict(r.headers)), path
        assert honest.content == forged.content
    links = c.get("/api/v2/statistics?offset=0&limit=2").json()["data"]["paging"]
    assert all(v.startswith(f"{public_url or ''}/api/v2/statistics?") for v in links.values() if v)


def test_security_headers(client: TestClient) -> None:
    for path in ("/api/v2/statistics/latest", "/ledger/v1/metrics", "/", "/docs", "/static/app.js", "/healthz",
                 "/api/v2/statistics/2099-01-01", "/ledger/v1/nowhere"):  # fmt: skip
        r = client.get(path)
        assert r.headers["x-content-type-options"] == "nosniff", path
        assert r.headers["referrer-policy"] == "no-referrer", path
        assert r.headers["x-frame-options"] == "DENY", path
        assert "frame-ancestors 'none'" in r.headers["content-security-policy"], path
    page = client.get("/").headers["content-security-policy"]
    assert "script-src 'self'" in page and "'unsafe-inline'" not in page and "default-src 'none'" in page
    assert "connect-src 'self'" in page
    data = client.get("/api/v2/war-info").headers["content-security-policy"]
    assert data.startswith("default-src 'none'")


@pytest.mark.parametrize(
    ("method", "path", "status"),
    [("GET", "/api/v2/statistics/2099-01-01", 422), ("GET", "/api/v1/nowhere", 404), ("GET", "/ledger/v1/days/1999-01-01", 404),
     ("DELETE", "/api/v2/statistics/latest", 405), ("GET", "/ledger/v1/series/tanks?rolling=0", 400),
     ("POST", "/ledger/v1/sync", 403), ("GET", "/images/icons/nope.svg", 404)],
)  # fmt: skip
def test_errors_are_never_stored(client: TestClient, method: str, path: str, status: int) -> None:
    r = client.request(method, path)
    assert r.status_code == status, r.text
    assert r.headers["cache-control"] == "no-store"
    assert "etag" not in r.headers


@pytest.mark.parametrize("path", ["/api/v2/statistics/latest", "/api/v1/statistics", "/ledger/v1/metrics", "/healthz"])
def test_a_trailing_slash_is_served_not_redirected(client: TestClient, path: str) -> None:
    r = client.get(path + "/", follow_redirects=False)
    assert r.status_code == 200 and "location" not in r.headers
    assert r.json() == client.get(path).json() or path == "/healthz"


def test_no_server_paths_in_documents(client: TestClient, ledger_ro: Any, synced_sqlite_path: Path) -> None:
    doc_ids = [d.id for d in ledger_ro.show("2024-02-16").documents]
    assert any(d.uri.startswith("file:") for d in ledger_ro.documents(doc_ids))  # the ledger has them
    folder = str(synced_sqlite_path.parent.parent)
    shared = "/shared/data"
    obs = client.get("/ledger/v1/figures/2024-02-16/tanks").json()["observations"][0]["id"]
    for path in [f"/ledger/v1/documents/{i}" for i in doc_ids] + [
        "/ledger/v1/days/2024-02-16", "/ledger/v1/latest", "/ledger/v1/figures/2024-02-16/tanks",
        f"/ledger/v1/observations/{obs}", "/ledger/v1/changes?limit=50",
    ]:  # fmt: skip
        text = client.get(path).text
        assert "file:" not in text and shared not in text and folder not in text, path
    doc = client.get(f"/ledger/v1/documents/{doc_ids[0]}").json()
    assert doc["uri"] == f"{doc['dataset']}/{doc['uri'].split('/')[-1]}" and len(doc["sha256"]) == 64


def test_docs_are_served_from_the_package(client: TestClient) -> None:
    page = client.get("/docs")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert page.content == render_docs()
    sources = re.findall(r"""(?:src|href)="([^"]+)""", page.text)
    assert sources and all(s.startswith("/static/") or s.startswith("data:") for s in sources), sources
    for s in sources:
        if s.startswith("/static/"):
            assert client.get(s).status_code == 200, s
    assert "<script>" not in page.text  # no inline script: the CSP allows none
    assert (STATIC / "vendor" / "swagger-ui" / "swagger-ui-bundle.js").stat().st_size > 500_000
    assert client.get("/openapi.json").json()["openapi"].startswith("3.")


def test_the_access_log_file_is_bounded(synced_sqlite_path: Path, tmp_path: Path) -> None:
    logger = logging.getLogger(ACCESS_LOGGER)
    saved = logger.handlers[:]
    logger.handlers.clear()
    target = tmp_path / "access.log"
    try:
        configure_access_log(path=str(target), max_bytes=4096, backups=2)
        c = TestClient(make_app(synced_sqlite_path, access_log=True))
        for i in range(120):
            c.get(f"/api/v2/war-info?n={i}")
        for handler in logger.handlers:
            handler.flush()
    finally:
        for handler in logger.handlers:
            handler.close()
        logger.handlers[:] = saved
    files = sorted(tmp_path.glob("access.log*"))
    assert [f.name for f in files] == ["access.log", "access.log.1", "access.log.2"]
    assert all(f.stat().st_size <= 4096 for f in files)
    assert json.loads(target.read_text().splitlines()[-1])["query"] == "n=119"


@pytest.mark.parametrize("url", ["ftp://x.example", "losses.example.org", "https://x.example/?a=1", "https://"])
def test_a_public_url_must_be_an_http_origin(synced_sqlite_path: Path, url: str) -> None:
    with pytest.raises(ConfigError):
        make_app(synced_sqlite_path, public_url=url)
