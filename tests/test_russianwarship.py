"""russianwarship.rip API pages: the documented example, saved pages, and paging a live-like API."""

from __future__ import annotations

import json
import re
import threading
from functools import partial
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlparse

import pytest

from lossledger import taxonomy
from lossledger.errors import SchemaError
from lossledger.ledger import Ledger
from lossledger.warday import day_of_war

from .conftest import DATA, SHARED

V2_KEYS = re.findall(
    r'"(\w+)":', (SHARED / "formats" / "russianwarship-api.md").read_text().split('"stats": {', 1)[1].split("}", 1)[0]
)


def documented_example() -> dict[str, Any]:
    """The `/statistics/latest` example of the format document, as JSON."""
    doc = (SHARED / "formats" / "russianwarship-api.md").read_text()
    block = doc.split("## 3. `GET /api/v2/statistics/latest`", 1)[1].split("```json", 1)[1].split("```", 1)[0]
    return json.loads(block)


def test_documented_example_imports(ledger: Ledger, tmp_path: Path) -> None:
    folder = tmp_path / "data" / "russianwarship-api"
    folder.mkdir(parents=True)
    (folder / "latest-2024-02-16.json").write_text(json.dumps(documented_example()))
    result = ledger.sync(tmp_path / "data")
    report = next(r for r in result.reports if r.dataset == "russianwarship-api")
    assert report.added == 2 * 14  # 14 lines carried on 2024-02-16 (atgm_srbm frozen at 4 is skipped)
    assert report.skipped == {"line not in the statement on that date (API fills or freezes it)": 2}
    day = ledger.show("2024-02-16")
    assert day.figures["personnel"].to_dict() == {
        "total": 400300,
        "increase": 1210,
        "qualifier": "about",
        "documents": day.figures["personnel"].documents,
    }
    assert day.figures["tanks"].increase == 23 and not day.figures["tanks"].increase_derived
    assert any(d.uri.startswith("https://www.facebook.com/GeneralStaff.ua/") for d in day.documents)


def _records_from_petroivaniuk(first: str, last: str) -> list[dict[str, Any]]:
    """v2 records built from PetroIvaniuk's transcription, keyed by the v2 names."""
    equipment = {
        r["date"]: r
        for r in json.loads((DATA / "general-staff-petroivaniuk" / "russia_losses_equipment.json").read_text())
    }
    personnel = {
        r["date"]: r
        for r in json.loads((DATA / "general-staff-petroivaniuk" / "russia_losses_personnel.json").read_text())
    }
    import datetime as dt

    records, prev = [], None
    for date in sorted(d for d in equipment if first <= d <= last):
        merged = {**equipment[date], "personnel": personnel[date]["personnel"]}
        stats = {}
        for key in V2_KEYS:
            metric = taxonomy.resolve_key("russianwarship", key, dt.date.fromisoformat(date))
            petro_key = next((k for k in merged if k not in ("date", "day") and _petro(k, date) == metric), None)
            stats[key] = int(merged[petro_key]) if petro_key else (4 if key == "atgm_srbm_systems" else 0)
        increase = {k: stats[k] - (prev or stats)[k] for k in V2_KEYS}
        records.append(
            {
                "date": date,
                "day": day_of_war(dt.date.fromisoformat(date)),
                "resource": f"https://www.facebook.com/GeneralStaff.ua/posts/{date}",
                "war_status": {"code": 1, "alias": "in_progress"},
                "stats": stats,
                "increase": increase,
            }
        )
        prev = stats
    return records


def _petro(key: str, date: str) -> str | None:
    try:
        return taxonomy.resolve_key("petroivaniuk", key)
    except SchemaError:
        return None


class ApiHandler(BaseHTTPRequestHandler):
    """/api/v2/statistics?offset&limit over a list of records, oldest first (§5 of the format)."""

    def __init__(self, records: list[dict[str, Any]], calls: list[str], *args: Any) -> None:
        self.records, self.calls = records, calls
        super().__init__(*args)

    def log_message(self, *args: Any) -> None:
        pass

    def do_GET(self) -> None:  # noqa: N802
        url = urlparse(self.path)
        self.calls.append(self.path)
        if url.path != "/api/v2/statistics":
            self.send_error(404)
            return
        q = parse_qs(url.query)
        offset, limit = int(q["offset"][0]), int(q["limit"][0])
        body = json.dumps(
            {
                "message": "The data were fetched successfully.",
                "data": {"records": self.records[offset : offset + limit], "paging": {}},
            }
        ).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.mark.slow
def test_pages_of_a_live_api(ledger: Ledger, monkeypatch: pytest.MonkeyPatch) -> None:
    records = _records_from_petroivaniuk("2024-01-01", "2024-04-30")
    calls: list[str] = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(ApiHandler, records, calls))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    monkeypatch.setenv("LOSSLEDGER_RUSSIANWARSHIP_API", f"http://127.0.0.1:{server.server_address[1]}/api/v2")
    try:
        result = ledger.sync(None, only=["russianwarship-api"])
        again = ledger.sync(None, only=["russianwarship-api"])  # same pages: nothing new
        assert again.added == 0 and again.superseded == 0
        calls[:] = calls[:3]
    finally:
        server.shutdown()
        server.server_close()
    assert [c.split("offset=")[1].split("&")[0] for c in calls] == ["0", "50", "100"]
    report = next(r for r in result.reports if r.dataset == "russianwarship-api")
    assert report.read == len(records) == 121
    day = ledger.show("2024-02-16").figures
    assert day["tanks"].total == 6465 and day["tanks"].increase == 23 and not day["tanks"].increase_derived


def test_conflicting_pages_are_refused(ledger: Ledger, tmp_path: Path) -> None:
    folder = tmp_path / "data" / "russianwarship-api"
    folder.mkdir(parents=True)
    one = documented_example()
    two = json.loads(json.dumps(one))
    two["data"]["stats"]["tanks"] = 6466
    (folder / "a.json").write_text(json.dumps(one))
    (folder / "b.json").write_text(json.dumps(two))
    with pytest.raises(SchemaError, match="russianwarship-api/b.json:record 0: 2024-02-16 tanks .total. given twice"):
        ledger.sync(tmp_path / "data")
