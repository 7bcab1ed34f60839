"""HTTP behaviour shared by every endpoint: the one error shape, caching, CORS, the access log."""

from __future__ import annotations

import io
import json
import logging
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from lossledger.api.middleware import ACCESS_LOGGER

from .support import make_app

V1_ERROR_KEYS = {"ok", "error", "code", "status"}


@pytest.mark.parametrize(
    ("method", "path", "status"),
    [
        ("GET", "/ledger/v1/days/2099-01-01", 404),
        ("GET", "/ledger/v1/days/not-a-date", 400),
        ("GET", "/ledger/v1/series/not-a-metric", 404),
        ("GET", "/ledger/v1/series/tanks?rolling=0", 400),
        ("GET", "/ledger/v1/series/tanks?daily=maybe", 400),
        ("GET", "/ledger/v1/latest?source=nobody", 404),
        ("GET", "/ledger/v1/nowhere", 404),
        ("DELETE", "/ledger/v1/metrics", 405),
        ("POST", "/ledger/v1/check", 400),
        ("GET", "/ledger/v1/compare/tanks?sources=general-staff", 400),
        # a valid metric Oryx has no series for: nothing to compare, not a bad request
        ("GET", "/ledger/v1/compare/submarines", 404),
    ],
)
def test_v1_errors_have_one_shape(client: TestClient, method: str, path: str, status: int) -> None:
    r = client.request(method, path, json={} if method == "POST" else None)
    assert r.status_code == status, r.text
    body = r.json()
    assert V1_ERROR_KEYS <= set(body) <= V1_ERROR_KEYS | {"place"}
    assert body["ok"] is False and body["status"] == status and isinstance(body["error"], str) and body["code"]


def test_v2_errors_keep_the_laravel_shape(client: TestClient) -> None:
    body = client.get("/api/v2/statistics/2099-01-01").json()
    assert set(body) == {"message", "errors"}
    assert set(client.get("/api/v2/nowhere").json()) == {"message"}


def test_405_keeps_the_allow_header(client: TestClient) -> None:
    r = client.delete("/ledger/v1/metrics")
    assert r.status_code == 405 and "GET" in r.headers["allow"]


@pytest.mark.parametrize(
    "path",
    [
        "/api/v2/statistics/latest",
        "/ledger/v1/days/2024-02-16",
        "/ledger/v1/series/tanks?start=2024-01-01&end=2024-12-31",
        "/",
    ],
)
def test_etag_and_304(client: TestClient, path: str) -> None:
    first = client.get(path)
    etag = first.headers["etag"]
    assert first.status_code == 200 and etag.startswith('"s')
    assert "max-age" in first.headers["cache-control"] and "public" in first.headers["cache-control"]
    again = client.get(path)  # from the in-process cache
    assert again.content == first.content and again.headers["etag"] == etag
    revalidated = client.get(path, headers={"If-None-Match": etag})
    assert revalidated.status_code == 304 and revalidated.content == b"" and revalidated.headers["etag"] == etag
    assert client.get(path, headers={"If-None-Match": f"W/{etag}"}).status_code == 304
    assert client.get(path, headers={"If-None-Match": '"s0-other"'}).status_code == 200


def test_304_before_computing(api_app: Any, synced_sqlite_path: Path) -> None:
    """A fresh app (empty cache) answers a known ETag with 304 too."""
    etag = TestClient(api_app).get("/api/v2/statistics/2024-02-16").headers["etag"]
    fresh = TestClient(make_app(synced_sqlite_path))
    assert fresh.get("/api/v2/statistics/2024-02-16", headers={"If-None-Match": etag}).status_code == 304


def test_distinct_queries_have_distinct_etags(client: TestClient) -> None:
    a = client.get("/api/v2/statistics?offset=0&limit=1").headers["etag"]
    b = client.get("/api/v2/statistics?offset=1&limit=1").headers["etag"]
    assert a != b


def test_errors_are_not_cached(client: TestClient) -> None:
    r = client.get("/api/v2/statistics/2099-01-01")
    assert r.status_code == 422 and "etag" not in r.headers


def test_head(client: TestClient) -> None:
    client.get("/api/v2/war-info")
    r = client.head("/api/v2/war-info")
    assert r.status_code == 200 and r.content == b"" and r.headers["etag"]


def test_native_api_has_no_cors_unless_configured(client: TestClient) -> None:
    r = client.get("/ledger/v1/latest", headers={"Origin": "https://example.org"})
    assert r.status_code == 200 and "access-control-allow-origin" not in r.headers


def test_cors_configured_for_the_native_api(synced_sqlite_path: Path) -> None:
    app = make_app(synced_sqlite_path, cors_origins="https://example.org, https://other.example")
    c = TestClient(app)
    for _ in range(2):  # the second answer comes from the cache and must carry CORS headers too
        r = c.get("/ledger/v1/metrics", headers={"Origin": "https://example.org"})
        assert r.headers["access-control-allow-origin"] == "https://example.org"
        assert "etag" in r.headers["access-control-expose-headers"].lower()
    assert (
        "access-control-allow-origin"
        not in c.get("/ledger/v1/sources", headers={"Origin": "https://evil.example"}).headers
    )
    pre = c.options(
        "/ledger/v1/series/tanks", headers={"Origin": "https://other.example", "Access-Control-Request-Method": "GET"}
    )
    assert pre.status_code == 200 and pre.headers["access-control-allow-origin"] == "https://other.example"
    # writes answer no cross-origin request, configured or not
    for path in ("/ledger/v1/check", "/ledger/v1/sync"):
        pre = c.options(path, headers={"Origin": "https://example.org", "Access-Control-Request-Method": "POST",
                                       "Access-Control-Request-Headers": "content-type"})  # fmt: skip
        assert "access-control-allow-origin" not in pre.headers
        post = c.post(path, json={"text": "x"}, headers={"Origin": "https://example.org"})
        assert "access-control-allow-origin" not in post.headers


def test_cors_from_the_environment(synced_sqlite_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LOSSLEDGER_CORS", "*")
    r = TestClient(make_app(synced_sqlite_path)).get("/ledger/v1/metrics", headers={"Origin": "https://any.example"})
    assert r.headers["access-control-allow-origin"] == "*"


def test_access_log_is_json_lines(synced_sqlite_path: Path) -> None:
    logger = logging.getLogger(ACCESS_LOGGER)
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    try:
        c = TestClient(make_app(synced_sqlite_path, access_log=True), raise_server_exceptions=False)
        c.get("/api/v2/statistics/2024-02-16?x=1", headers={"User-Agent": "test-agent"})
        c.get("/api/v2/statistics/2024-02-16?x=1")
        c.get("/api/v2/statistics/1999-01-01")
    finally:
        logger.removeHandler(handler)
    lines = [json.loads(line) for line in stream.getvalue().splitlines()]
    assert len(lines) == 3
    first, second, third = lines
    assert first["method"] == "GET" and first["path"] == "/api/v2/statistics/2024-02-16" and first["query"] == "x=1"
    assert first["status"] == 200 and first["bytes"] > 500 and first["ms"] >= 0 and first["user_agent"] == "test-agent"
    assert (first["cache"], second["cache"]) == ("miss", "hit")
    assert third["status"] == 422
    assert first["ts"].endswith("Z")
