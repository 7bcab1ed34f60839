"""API v1 through the real app and the session's synced ledger: each endpoint answers what the
Python API (and so the CLI) answers."""

from __future__ import annotations

import json
from typing import Any

import pytest
from fastapi.routing import APIRoute

from lossledger import taxonomy
from lossledger.analysis.compare import gap_sentence
from lossledger.api.responses import public_paths
from lossledger.cli import main
from lossledger.ledger.frames import frame_records


def cli_json(capsys: pytest.CaptureFixture[str], *args: str) -> Any:
    capsys.readouterr()
    assert main(list(args)) == 0
    return json.loads(capsys.readouterr().out)


def test_day_contract(client: Any, ledger_ro: Any, synced_sqlite_path: Any, capsys: pytest.CaptureFixture[str]) -> None:
    """GET /ledger/v1/days/2024-02-16 == Ledger.show("2024-02-16") == `lossledger show 2024-02-16 --format json`."""
    r = client.get("/ledger/v1/days/2024-02-16")
    assert r.status_code == 200
    cli = cli_json(capsys, "--db", f"sqlite:///{synced_sqlite_path}", "show", "2024-02-16", "--format", "json")
    assert r.json() == public_paths(ledger_ro.show("2024-02-16")) == public_paths(cli)
    assert r.json()["figures"]["personnel"]["total"] == 400300


def test_latest(client: Any, ledger_ro: Any, synced_sqlite_path: Any, capsys: pytest.CaptureFixture[str]) -> None:
    cli = cli_json(capsys, "--db", f"sqlite:///{synced_sqlite_path}", "latest", "--format", "json")
    assert client.get("/ledger/v1/latest").json() == public_paths(ledger_ro.latest()) == public_paths(cli)
    assert client.get("/ledger/v1/latest?source=oryx").json() == public_paths(ledger_ro.latest(source="oryx"))


def test_day_of_another_source_and_as_known_at(client: Any, ledger_ro: Any) -> None:
    assert client.get("/ledger/v1/days/2025-07-19?source=oryx").json() == public_paths(
        ledger_ro.show("2025-07-19", source="oryx")
    )
    moment = "2099-01-01T00:00:00Z"
    assert client.get(f"/ledger/v1/days/2024-02-16?as_known_at={moment}").json() == public_paths(
        ledger_ro.show("2024-02-16", as_known_at=moment)
    )


def test_metrics_have_labels_in_three_languages(client: Any) -> None:
    body = client.get("/ledger/v1/metrics").json()
    assert [m["name"] for m in body] == taxonomy.metric_names()
    for m in body:
        assert set(m["labels"]) == {"en", "uk", "ru"} and all(m["labels"].values())
    tanks = next(m for m in body if m["name"] == "tanks")
    assert tanks["labels"]["uk"] == "Танки" and tanks["v2_keys"] == ["tanks"]


def test_sources(client: Any, ledger_ro: Any) -> None:
    body = client.get("/ledger/v1/sources").json()
    assert body == [s.to_dict() for s in ledger_ro.sources()]
    assert {"general-staff", "oryx", "mediazona"} <= {s["slug"] for s in body}


@pytest.mark.parametrize(
    "query",
    [
        {"start": "2023-01-01", "end": "2023-12-31"},
        {"start": "2023-01-01", "end": "2023-12-31", "daily": True, "rolling": 7},
        {"start": "2022-01-01", "end": "2024-12-31", "monthly": True},
        {"source": "oryx", "status": "destroyed"},
    ],
)
def test_series_equals_ledger_series(client: Any, ledger_ro: Any, query: dict[str, Any]) -> None:
    params = {k: str(v).lower() if isinstance(v, bool) else v for k, v in query.items()}
    r = client.get("/ledger/v1/series/tanks", params=params)
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["metric"] == "tanks" and body["label"]["uk"] == "Танки"
    assert body["records"] == frame_records(ledger_ro.series("tanks", **query))
    assert body == ledger_ro.series_records("tanks", **query).to_dict()


def test_one_year_daily_series_with_average_and_corrections(client: Any) -> None:
    body = client.get("/ledger/v1/series/personnel?start=2023-01-01&end=2023-12-31&daily=true&rolling=7").json()
    records = body["records"]
    assert len(records) == 365 and records[0]["date"] == "2023-01-01"
    assert all("rolling_7" in r and "corrected" in r and "missing" in r for r in records)
    everything = client.get("/ledger/v1/series/tanks").json()["records"]
    assert any(r["corrected"] for r in everything), "the tanks series has corrections to mark"


def test_empty_series_range(client: Any) -> None:
    r = client.get("/ledger/v1/series/tanks?start=2025-01-01&end=2024-01-01")
    assert r.status_code == 200 and r.json()["records"] == []


def test_conflicts(client: Any, ledger_ro: Any) -> None:
    assert client.get("/ledger/v1/conflicts").json() == [c.to_dict() for c in ledger_ro.conflicts()]
    tanks = client.get("/ledger/v1/conflicts?metric=tanks&start=2022-01-01&end=2022-12-31").json()
    assert tanks == [c.to_dict() for c in ledger_ro.conflicts(metric="tanks", start="2022-01-01", end="2022-12-31")]
    assert tanks and all(len(c["values"]) >= 2 for c in tanks)


def test_compare_general_staff_tanks_with_oryx_by_status(client: Any, ledger_ro: Any) -> None:
    body = client.get("/ledger/v1/compare/tanks").json()
    latest = body["latest"]
    assert body["sources"] == ["general-staff", "oryx"]
    assert {"oryx:destroyed", "oryx:damaged", "oryx:abandoned", "oryx:captured", "ratio"} <= set(latest)
    assert latest["general-staff_date"] <= latest["date"]  # the claim of that date or the nearest earlier one
    assert latest["general-staff"] == ledger_ro.show(latest["general-staff_date"]).figures["tanks"].total
    assert body["gap"] == gap_sentence("tanks", latest["general-staff"], latest["oryx"], "General Staff", "Oryx")
    assert len(body["records"]) > 10


def test_claims_vs_confirmed(client: Any) -> None:
    rows = {r["metric"]: r for r in client.get("/ledger/v1/claims").json()}
    assert rows["personnel"]["confirmed_source"] == "mediazona"
    assert rows["tanks"]["confirmed_source"] == "oryx" and set(rows["tanks"]["by_status"]) == {
        "destroyed",
        "damaged",
        "abandoned",
        "captured",
    }
    for r in rows.values():
        assert r["claim"] >= r["confirmed"] > 0 and r["claim_date"] <= r["date"]
        assert r["gap"] == gap_sentence(
            r["metric"],
            r["claim"],
            r["confirmed"],
            "General Staff",
            {"oryx": "Oryx", "mediazona": "Mediazona/BBC"}[r["confirmed_source"]],
        )
    uk = {r["metric"]: r for r in client.get("/ledger/v1/claims?lang=uk").json()}
    assert uk["tanks"]["label"] == "Танки" and uk["tanks"]["gap"].startswith("Генштаб")


def test_figure_provenance(client: Any, ledger_ro: Any) -> None:
    body = client.get("/ledger/v1/figures/2024-02-16/tanks").json()
    shown = ledger_ro.show("2024-02-16").figures["tanks"]
    assert body["total"] == shown.total and body["increase"] == shown.increase
    assert sorted(d["id"] for d in body["documents"]) == shown.documents
    totals = [o for o in body["observations"] if o["kind"] == "total"]
    assert totals and all(o["value"] == 6465 for o in totals) and all(o["id"] for o in totals)
    assert client.get("/ledger/v1/figures/2024-02-16/nope").status_code == 404
    assert client.get("/ledger/v1/figures/1999-01-01/tanks").status_code == 404


def test_documents(client: Any, ledger_ro: Any) -> None:
    doc_id = ledger_ro.show("2024-02-16").documents[-1].id
    assert client.get(f"/ledger/v1/documents/{doc_id}").json() == public_paths(ledger_ro.documents([doc_id])[0])
    r = client.get("/ledger/v1/documents/999999999")
    assert r.status_code == 404 and r.json()["code"] == "ledger.document"


def test_observation_provenance(client: Any, ledger_ro: Any) -> None:
    obs = client.get("/ledger/v1/figures/2024-02-16/tanks").json()["observations"][0]["id"]
    r = client.get(f"/ledger/v1/observations/{obs}")
    assert r.status_code == 200, r.text
    assert r.json() == public_paths(ledger_ro.provenance(obs))
    assert client.get("/ledger/v1/observations/999999999").status_code == 404


def test_changes(client: Any, ledger_ro: Any) -> None:
    assert client.get("/ledger/v1/changes?limit=5").json() == public_paths(ledger_ro.changes(limit=5))


def test_healthz_reports_the_age_of_each_source(client: Any, ledger_ro: Any) -> None:
    r = client.get("/healthz")
    assert r.status_code == 200 and r.headers["cache-control"] == "no-store"
    body = r.json()
    assert body["ok"] is True and body["version"] == ledger_ro.version() and body["read_only"] is True
    by_source = {s["source"]: s for s in body["sources"]}
    assert {"general-staff", "oryx", "mediazona"} <= set(by_source)
    for s in by_source.values():
        assert isinstance(s["age_hours"], float | int) and s["newest_report"]


def test_openapi_documents_every_endpoint_and_the_inferred_choices(api_app: Any, client: Any) -> None:
    """Every route of the app that is in the schema is in /openapi.json, with a summary."""
    spec = client.get("/openapi.json").json()
    routes = {(method, route.path) for route in _api_routes(api_app) for method in route.methods if method != "HEAD"}
    assert len(routes) > 20
    documented = {(method.upper(), path) for path, item in spec["paths"].items() for method in item}
    assert routes == documented
    for path, item in spec["paths"].items():
        for operation in item.values():
            assert operation.get("summary"), path
    for path, item in spec["paths"].items():
        if path.startswith("/api/v2/statistics"):
            assert "[I]" in item["get"]["description"]
    assert client.get("/docs").status_code == 200


def _api_routes(app: Any) -> list[Any]:
    """The app's API operations in the schema, the routes of included routers too (FastAPI keeps
    an included router as one entry of ``app.routes``; its ``effective_route_contexts`` lists them)."""
    found: list[Any] = []
    for route in app.routes:
        contexts = getattr(route, "effective_route_contexts", None)
        found += list(contexts()) if contexts else [route] if isinstance(route, APIRoute) else []
    return [r for r in found if r.include_in_schema]


@pytest.mark.parametrize(
    "query",
    [
        "",
        "?start=2023-01-01&end=2023-12-31",
        "?source=oryx&start=2022-03-01",
        "?end=2022-03-01",
        "?start=2025-01-01&end=2024-01-01",
    ],
)
def test_plain_series_before_routing_equals_the_route(client: Any, query: str) -> None:
    """fastpath.py answers plain series requests; an extra parameter sends the same request through
    the FastAPI route (the precomputed rows too): bodies and headers agree."""
    fast = client.get(f"/ledger/v1/series/tanks{query}")
    routed = client.get(f"/ledger/v1/series/tanks{query}{'&' if query else '?'}via=route")
    assert fast.status_code == routed.status_code == 200
    assert fast.content == routed.content
    for name in ("content-type", "cache-control", "content-security-policy", "x-content-type-options"):
        assert fast.headers[name] == routed.headers[name], name
    assert (
        client.get(f"/ledger/v1/series/tanks{query}", headers={"If-None-Match": fast.headers["etag"]}).status_code
        == 304
    )


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/ledger/v1/series/nope", 404),
        ("/ledger/v1/series/tanks?start=2023-1-1", 400),
        ("/ledger/v1/series/tanks?start=2023-02-30", 400),
    ],
)
def test_plain_series_errors_are_the_routes(client: Any, path: str, status: int) -> None:
    r = client.get(path)
    assert r.status_code == status and r.json()["ok"] is False
