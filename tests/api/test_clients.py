"""The request patterns of real kinds of russianwarship.rip clients, replayed against our server.

Each test does what one kind of public client does (docs/api.md names them; the code here is ours):
a bot reading v1 `latest`, a date picker turning a date into an offset, a chart asking for "the
last N days" from `day`, a script walking `next_url`, a browser app whose fetch needs a preflight,
and a bot asking the list for `war-info`'s `current_date`.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text

from lossledger.api.compat import FLAVOURS

from .support import make_app

SUCCESS = "The data were fetched successfully."
V1_KEYS = list(FLAVOURS["v1"].keys)


def test_a_bot_reading_v1_latest(client: TestClient, ledger_ro: Any) -> None:
    r = client.get("/api/v1/statistics/latest")
    assert r.status_code == 200 and r.headers["content-type"] == "application/json"
    body = r.json()
    assert body["message"] == SUCCESS  # compared literally by such bots
    data = body["data"]
    assert list(data) == ["date", "day", "resource", "stats", "increase"]  # v1: no war_status
    assert list(data["stats"]) == list(data["increase"]) == V1_KEYS and "submarines" not in data["stats"]
    assert all(type(v) is int for v in [*data["stats"].values(), *data["increase"].values(), data["day"]])
    assert data["date"] == ledger_ro.latest_date().isoformat()
    v2 = client.get("/api/v2/statistics/latest").json()["data"]
    assert {k: v2["stats"][k] for k in V1_KEYS} == data["stats"]


def _picker_offset(picked: dt.date) -> int:
    # what a date picker client computes: days since 27 February, plus one
    return (picked - dt.date(2022, 2, 27)).days + 1


@pytest.mark.parametrize("picked", ["2022-03-01", "2022-02-27", "2023-05-10", "2024-02-16", "2026-08-22"])
def test_a_date_picker_gets_the_day_it_asked_for(client: TestClient, picked: str) -> None:
    day = dt.date.fromisoformat(picked)
    r = client.get(f"/api/v1/statistics?offset={_picker_offset(day)}&limit=1")
    records = r.json()["data"]["records"]
    assert [rec["date"] for rec in records] == [picked]
    assert list(records[0]) == ["date", "day", "resource", "stats"]  # v1 list records carry no increase


def test_a_month_picker_gets_whole_months(client: TestClient) -> None:
    """February is three records (25, 27, 28 — no 26th upstream), March starts at offset 3."""
    february = client.get("/api/v1/statistics?offset=0&limit=3").json()["data"]["records"]
    assert [r["date"] for r in february] == ["2022-02-25", "2022-02-27", "2022-02-28"]
    march = client.get("/api/v1/statistics?offset=3&limit=31").json()["data"]["records"]
    assert march[0]["date"] == "2022-03-01" and march[-1]["date"] == "2022-03-31"
    october = client.get("/api/v1/statistics?offset=217&limit=31").json()["data"]["records"]
    assert october[0]["date"] == "2022-10-01" and october[-1]["date"] == "2022-10-31"


@pytest.mark.parametrize("n", [1, 7, 41])
def test_the_last_n_days_from_day(client: TestClient, ledger_ro: Any, n: int) -> None:
    day = client.get("/api/v2/statistics/latest").json()["data"]["day"]
    r = client.get(f"/api/v1/statistics/?offset={day - n - 2}&limit={n}")  # with the client's trailing slash
    assert r.status_code == 200
    dates = [rec["date"] for rec in r.json()["data"]["records"]]
    newest = ledger_ro.latest_date()
    assert dates == [(newest - dt.timedelta(days=n - 1 - i)).isoformat() for i in range(n)]


def _walk(client: TestClient, url: str) -> list[str]:
    """Follow next_url as a client does, resolving it against the URL it came from (as a browser)."""
    seen: list[str] = []
    pages = 0
    while url:
        data = client.get(url).json()["data"]
        seen += [r["date"] for r in data["records"]]
        url = urljoin(url, data["paging"]["next_url"]) if data["paging"]["next_url"] and data["records"] else ""
        pages += 1
        assert pages < 100
    return seen


_GS_DATES = (
    "SELECT DISTINCT o.report_date FROM observation o JOIN source s ON s.id = o.source_id "
    "WHERE s.slug = 'general-staff' AND o.superseded_at IS NULL ORDER BY o.report_date"
)


def test_paging_by_next_url_reads_every_record_once(client: TestClient, ledger_ro: Any) -> None:
    seen = _walk(client, "http://testserver/api/v2/statistics?offset=0&limit=50")
    with ledger_ro.engine.connect() as conn:
        dates = conn.execute(text(_GS_DATES)).scalars()
        expected = [str(d)[:10] for d in dates if str(d)[:10] != "2022-02-26"]
    assert seen == expected and len(seen) == len(set(seen))


def test_paging_links_use_the_configured_public_url(synced_sqlite_path: Path) -> None:
    c = TestClient(make_app(synced_sqlite_path, public_url="https://losses.example.org/"))
    paging = c.get("/api/v1/statistics?offset=50&limit=50").json()["data"]["paging"]
    assert paging["next_url"] == "https://losses.example.org/api/v1/statistics?offset=100&limit=50"
    assert paging["prev_url"] == "https://losses.example.org/api/v1/statistics?offset=0&limit=50"
    total = len(c.get("/api/v1/statistics?offset=0&limit=50").json()["data"]["records"])
    assert total == 50
    last = paging["last_url"]
    offset, limit = (int(part.split("=")[1]) for part in last.split("?")[1].split("&"))
    records = c.get(last.removeprefix("https://losses.example.org")).json()["data"]["records"]
    assert len(records) == limit and offset % 50 == 0  # the remainder, as upstream's last_url asks
    icon = c.get("/api/v2/terms/en/tanks").json()["data"]["icon"]
    assert icon == "https://losses.example.org/images/icons/icon-tank.svg"


def test_a_browser_app_preflight_then_fetch(client: TestClient) -> None:
    origin = {"Origin": "https://someones-app.example"}
    pre = client.options(
        "/api/v2/statistics/latest",
        headers={**origin, "Access-Control-Request-Method": "GET", "Access-Control-Request-Headers": "content-type"},
    )
    assert pre.status_code == 200
    assert pre.headers["access-control-allow-origin"] == "*"
    assert "GET" in pre.headers["access-control-allow-methods"]
    assert "content-type" in pre.headers["access-control-allow-headers"].lower()
    for path in ("/api/v2/statistics/latest", "/api/v1/terms/ua", "/images/icons/icon-tank.svg"):
        for _ in range(2):  # the second from the response cache
            r = client.get(path, headers=origin)
            assert r.status_code == 200 and r.headers["access-control-allow-origin"] == "*", path


def test_a_bot_asks_the_list_for_current_date(client: TestClient) -> None:
    current = client.get("/api/v2/war-info").json()["data"]["current_date"]
    records = client.get(f"/api/v2/statistics?offset=0&limit=50&date_from={current}&date_to={current}").json()["data"][
        "records"
    ]
    assert records and records[0]["date"] == current  # the bot reads records[0] unguarded
