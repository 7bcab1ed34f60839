"""Write endpoints refuse without the token; the body limit; nothing a client sends is rendered as HTML."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from lossledger.api.app import BODY_LIMIT
from lossledger.errors import ConfigError

from .support import make_app

TOKEN = "s3cret-token-for-tests"


def test_sync_refused_on_a_read_only_server(client: TestClient) -> None:
    for headers in ({}, {"Authorization": f"Bearer {TOKEN}"}):
        r = client.post("/ledger/v1/sync", headers=headers)
        assert r.status_code == 403 and r.json()["ok"] is False and "read-only" in r.json()["error"]


def test_a_writable_server_needs_a_token(synced_sqlite_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("LOSSLEDGER_TOKEN", raising=False)
    with pytest.raises(ConfigError):
        make_app(synced_sqlite_path, read_only=False)


@pytest.fixture
def writable(synced_sqlite_copy: Path) -> Iterator[TestClient]:
    """A writable app over a private copy of the synced ledger."""
    with TestClient(
        make_app(synced_sqlite_copy, token=TOKEN, read_only=False, version_ttl=3600), raise_server_exceptions=False
    ) as c:
        yield c


def test_sync_needs_the_bearer_token(writable: TestClient) -> None:
    r = writable.post("/ledger/v1/sync")
    assert r.status_code == 401 and r.headers["www-authenticate"] == "Bearer" and r.json()["code"] == "unauthorized"
    assert writable.post("/ledger/v1/sync", headers={"Authorization": "Basic dXNlcjpwYXNz"}).status_code == 401
    r = writable.post("/ledger/v1/sync", headers={"Authorization": "Bearer wrong"})
    assert r.status_code == 403 and r.json()["code"] == "forbidden"


def test_sync_with_the_token(writable: TestClient, data_copy: Path) -> None:
    """A sync that changes a figure changes the version: ETags and cached bodies follow at once."""
    totals = data_copy / "oryx-totals" / "totals.csv"
    totals.write_text(
        totals.read_text(encoding="utf-8").replace("2022-04-20,tanks,519,", "2022-04-20,tanks,520,"), encoding="utf-8"
    )
    before = writable.get("/healthz").json()["version"]
    cached = writable.get("/ledger/v1/days/2022-04-20?source=oryx")
    r = writable.post(
        "/ledger/v1/sync",
        headers={"Authorization": f"Bearer {TOKEN}"},
        json={"origin": str(data_copy), "only": ["oryx-totals"]},
    )
    assert r.status_code == 200, r.text
    assert [d["dataset"] for d in r.json()["datasets"]] == ["oryx-totals"]
    assert writable.get("/healthz").json()["version"] != before, r.text
    # this process sees the new version at once, though version_ttl is an hour in this fixture
    fresh = writable.get("/ledger/v1/days/2022-04-20?source=oryx")
    assert fresh.headers["etag"] != cached.headers["etag"] and fresh.content != cached.content


def test_token_from_the_environment(synced_sqlite_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LOSSLEDGER_TOKEN", TOKEN)
    c = TestClient(make_app(synced_sqlite_copy, read_only=False))
    assert c.post("/ledger/v1/sync", headers={"Authorization": "Bearer nope"}).status_code == 403


def test_body_limit_by_content_length(client: TestClient) -> None:
    r = client.post("/ledger/v1/check", content=b"x" * (BODY_LIMIT + 1), headers={"Content-Type": "application/json"})
    assert r.status_code == 413
    assert r.json() == {
        "ok": False,
        "error": f"request body larger than {BODY_LIMIT} bytes",
        "code": "input.too_large",
        "status": 413,
    }


def test_body_limit_while_streaming(client: TestClient) -> None:
    def chunks() -> Iterator[bytes]:  # no Content-Length: the limit is enforced while reading
        for _ in range(20):
            yield b"y" * (64 * 1024)

    r = client.post("/ledger/v1/check", content=chunks(), headers={"Content-Type": "application/json"})
    assert r.status_code == 413


def test_the_page_does_not_reflect_its_query(client: TestClient) -> None:
    r = client.get("/?lang=<script>alert(1)</script>")
    assert (
        r.status_code == 200 and "<script>alert(1)" not in r.text and r.headers["content-type"].startswith("text/html")
    )


def test_check_form_result_is_json_not_html(client: Any) -> None:
    """The API never answers HTML for user text: what the check returns is JSON (rendered as text by app.js)."""
    r = client.post("/ledger/v1/check", json={"text": "<script>alert(1)</script> 400,300 personnel"})
    assert r.headers["content-type"].startswith("application/json")
