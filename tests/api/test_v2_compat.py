"""russianwarship.rip v2: our responses against the documented examples, field by field.

The examples are read from shared/formats/russianwarship-api.md itself (its ```json blocks), so
the test follows the document: same key sets, key order, types and message strings.  Values are
compared where the document states them (2024-02-16); ``resource`` is a placeholder there.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

import pytest

from lossledger.api.compat import TERMS, v2_keys

from ..conftest import SHARED

FORMAT_DOC = SHARED / "formats" / "russianwarship-api.md"
SUCCESS = "The data were fetched successfully."


def _examples() -> dict[str, Any]:
    """The document's first JSON example of each numbered section ("3. GET /api/v2/statistics/latest")."""
    text = FORMAT_DOC.read_text(encoding="utf-8")
    out: dict[str, Any] = {}
    heading = ""
    for block in re.split(r"(?m)^(## .*)$", text):
        if block.startswith("#"):
            heading = block.strip("# ").strip()
            continue
        for raw in re.findall(r"```json\n(.*?)```", block, flags=re.S):
            out.setdefault(heading, json.loads(raw))
    return out


EXAMPLES = _examples()


def example(prefix: str) -> Any:
    return next(v for k, v in EXAMPLES.items() if k.startswith(prefix))


def same_shape(ours: Any, theirs: Any, path: str = "$", *, ignore_values: frozenset[str] = frozenset()) -> None:
    """Key sets, key order and JSON types equal, recursively (values not compared)."""
    assert type(ours) is type(theirs) or (ours is None or theirs is None), (
        f"{path}: {type(ours).__name__} != {type(theirs).__name__}"
    )
    if isinstance(theirs, dict):
        assert list(ours) == list(theirs), f"{path}: keys {list(ours)} != {list(theirs)}"
        for key in theirs:
            same_shape(ours[key], theirs[key], f"{path}.{key}", ignore_values=ignore_values)
    elif isinstance(theirs, list) and theirs:
        assert ours, f"{path}: empty list"
        same_shape(ours[0], theirs[0], f"{path}[0]", ignore_values=ignore_values)


def test_the_document_has_the_examples() -> None:
    assert {"3.", "5.", "6.", "7."} <= {k.split(" ")[0] for k in EXAMPLES}


def test_contract_2024_02_16(client: Any) -> None:
    r = client.get("/api/v2/statistics/2024-02-16")
    assert r.status_code == 200
    data = r.json()["data"]
    assert data["stats"]["personnel_units"] == 400300
    assert data["increase"]["personnel_units"] == 1210
    assert data["stats"]["tanks"] == 6465
    assert data["day"] == 723


def test_record_matches_the_documented_example_field_by_field(client: Any) -> None:
    documented = example("3.")
    ours = client.get("/api/v2/statistics/2024-02-16").json()
    same_shape(ours, documented)
    assert ours["message"] == documented["message"] == SUCCESS
    for part in ("stats", "increase"):  # every documented figure of that day, incl. the inferred atgm 4/+0
        assert ours["data"][part] == documented["data"][part]
    for key in ("date", "day", "war_status"):
        assert ours["data"][key] == documented["data"][key]
    assert ours["data"]["resource"].startswith("https://")


def test_latest_is_the_newest_record(client: Any, ledger_ro: Any) -> None:
    ours = client.get("/api/v2/statistics/latest").json()
    same_shape(ours, example("3."))
    assert ours["data"]["date"] == ledger_ro.latest_date().isoformat()


def test_record_values_are_ints_never_null(client: Any) -> None:
    body = client.get("/api/v2/statistics?offset=0&limit=50").json()
    for record in body["data"]["records"]:
        assert isinstance(record["day"], int)
        for part in ("stats", "increase"):
            assert list(record[part]) == v2_keys()
            assert all(type(v) is int for v in record[part].values()), record["date"]


def test_list_matches_the_documented_example(client: Any) -> None:
    documented = example("5.")
    r = client.get("/api/v2/statistics?date_from=2024-02-16&date_to=2024-02-16")
    assert r.status_code == 200
    ours = r.json()
    same_shape(ours, documented)
    assert ours["data"]["records"][0]["stats"] == documented["data"]["records"][0]["stats"]
    assert ours["data"]["records"][0]["increase"] == documented["data"]["records"][0]["increase"]
    paging = ours["data"]["paging"]
    assert list(paging) == ["next_url", "prev_url", "first_url", "last_url"]
    # as recorded from upstream (docs/api.md): prev_url is a URL on the first page, last_url asks
    # for the remainder; links are relative without a configured public URL
    assert paging["next_url"] is None
    assert paging["first_url"] == "/api/v2/statistics?offset=0&limit=50&date_from=2024-02-16&date_to=2024-02-16"
    assert paging["prev_url"] == paging["first_url"]
    assert paging["last_url"] == "/api/v2/statistics?offset=0&limit=1&date_from=2024-02-16&date_to=2024-02-16"


def test_list_is_ascending_from_the_oldest_record(client: Any) -> None:
    first = client.get("/api/v2/statistics?offset=0&limit=5").json()["data"]
    dates = [r["date"] for r in first["records"]]
    # the recorded upstream page at offset 0 (docs/api.md): 2022-02-25, then 2022-02-27 — no 2022-02-26
    assert dates == ["2022-02-25", "2022-02-27", "2022-02-28", "2022-03-01", "2022-03-02"]
    assert [r["day"] for r in first["records"]] == [2, 4, 5, 6, 7]
    assert first["paging"]["prev_url"] == "/api/v2/statistics?offset=0&limit=5"
    assert first["paging"]["next_url"] == "/api/v2/statistics?offset=5&limit=5"
    # the recorded page's 50th record is day 52, and the page at offset 200 ends on 2022-11-02
    assert client.get("/api/v1/statistics?offset=49&limit=1").json()["data"]["records"][0]["day"] == 52
    assert client.get("/api/v1/statistics?offset=200&limit=50").json()["data"]["records"][-1]["date"] == "2022-11-02"


def test_no_record_for_2022_02_26(client: Any) -> None:
    """Upstream holds none (recorded list pages); the ledger's PetroIvaniuk row of that date stays native."""
    assert client.get("/api/v2/statistics/2022-02-26").status_code == 422
    assert client.get("/api/v2/statistics?date_from=2022-02-26&date_to=2022-02-26").json()["data"]["records"] == []
    assert client.get("/ledger/v1/days/2022-02-26").status_code == 200


def test_list_paging_walks_to_the_end(client: Any) -> None:
    page = client.get("/api/v2/statistics?offset=0&limit=50&date_from=2024-01-01&date_to=2024-03-31").json()["data"]
    seen = [r["date"] for r in page["records"]]
    while page["paging"]["next_url"]:
        page = client.get(page["paging"]["next_url"]).json()["data"]
        seen += [r["date"] for r in page["records"]]
    assert seen[0] == "2024-01-01" and seen[-1] == "2024-03-31"
    assert len(seen) == len(set(seen)) == 91
    last = client.get(page["paging"]["last_url"]).json()["data"]
    assert last["records"][-1]["date"] == "2024-03-31" and last["paging"]["next_url"] is None


def test_list_records_equal_single_records(client: Any) -> None:
    listed = client.get("/api/v2/statistics?date_from=2022-04-28&date_to=2022-05-03").json()["data"]["records"]
    for record in listed:
        assert client.get(f"/api/v2/statistics/{record['date']}").json()["data"] == record


def test_merge_and_frozen_lines(client: Any) -> None:
    """vehicles_fuel_tanks = military auto before the 2022-05-01 merge (taxonomy); atgm frozen at 4 after 04-30."""
    before = client.get("/api/v2/statistics/2022-04-14").json()["data"]
    assert before["day"] == 50
    assert before["stats"]["atgm_srbm_systems"] == 4
    assert before["stats"]["cruise_missiles"] == 0 and before["stats"]["submarines"] == 0
    later = client.get("/api/v2/statistics/2022-10-03").json()["data"]
    assert later["day"] == 222
    assert later["stats"]["atgm_srbm_systems"] == 4 and later["increase"]["atgm_srbm_systems"] == 0


@pytest.mark.parametrize("date", ["2022-03-15", "2022-04-30", "2022-05-01", "2023-06-01", "2024-02-16", "2025-12-31"])
def test_v2_figures_equal_the_ledger(client: Any, ledger_ro: Any, date: str) -> None:
    """Every v2 figure of a date is the ledger's (Ledger.show) figure of the metric the taxonomy maps the key to."""
    from lossledger import taxonomy

    shown = ledger_ro.show(date).figures
    data = client.get(f"/api/v2/statistics/{date}").json()["data"]
    compared = 0
    for key in v2_keys():
        metric = taxonomy.resolve_key("russianwarship", key, dt.date.fromisoformat(date))
        if metric in shown and shown[metric].total is not None:
            compared += 1
            assert data["stats"][key] == shown[metric].total, (date, key)
            if shown[metric].increase is not None:
                assert data["increase"][key] == shown[metric].increase, (date, key)
    assert compared >= 10


@pytest.mark.parametrize("lang", ["en", "ua"])
def test_terms_serve_exactly_the_documented_strings(client: Any, lang: str) -> None:
    documented = example("6.")
    ours = client.get(f"/api/v2/terms/{lang}").json()
    assert ours["message"] == SUCCESS
    assert list(ours["data"]) == v2_keys()
    for key, term in ours["data"].items():
        assert list(term) == ["title", "icon"]
        en, ua, icon = TERMS[key]
        assert term["icon"] == f"/images/icons/{icon}"  # our own icon, relative without a public URL
        assert client.get(term["icon"]).headers["content-type"] == "image/svg+xml"
        assert term["title"] == (en if lang == "en" else ua or "Підводні човни")
    if lang == "en":
        for key, term in documented["data"].items():
            assert ours["data"][key]["title"] == term["title"]
            assert term["icon"].endswith(ours["data"][key]["icon"])  # upstream's path, on this server


def test_terms_table_equals_the_document() -> None:
    """TERMS holds §6's table verbatim (titles en/ua and icon files)."""
    text = FORMAT_DOC.read_text(encoding="utf-8")
    rows = re.findall(r"^\| (\w+) \| (.+?) \| (.+?) \| (icon-[\w-]+\.svg) \|$", text, flags=re.M)
    table = {key: (en, ua, icon) for key, en, ua, icon in rows}
    assert set(table) == set(TERMS)
    for key, (en, ua, icon) in TERMS.items():
        assert (en, icon) == (table[key][0], table[key][2])
        assert ua == table[key][1] or (ua is None and table[key][1].startswith("(not seen"))


def test_single_term(client: Any) -> None:
    r = client.get("/api/v2/terms/en/artillery_systems")
    assert r.status_code == 200
    assert r.json() == {
        "message": SUCCESS,
        "data": {"title": "Artillery systems", "icon": "/images/icons/icon-art.svg"},
    }


def test_war_info_as_recorded_upstream(client: Any, ledger_ro: Any) -> None:
    """The documented keys (§7) and the recorded answer's full key set and order (docs/api.md)."""
    documented = example("7.")["data"]
    ours = client.get("/api/v2/war-info").json()
    assert ours["message"] == SUCCESS
    assert list(ours["data"]) == ["date_start", "date_end", "current_day", "current_date", "war_status"]
    assert set(documented) <= set(ours["data"])
    latest = ledger_ro.latest_date()
    assert ours["data"]["current_date"] == latest.isoformat()  # the latest report, not the calendar date
    assert ours["data"]["current_day"] == (latest - dt.date(2022, 2, 24)).days + 1
    assert ours["data"]["date_start"] == "2022-02-24" and ours["data"]["date_end"] is None
    assert ours["data"]["war_status"] == {"code": 1, "alias": "in_progress"}


def test_war_status(client: Any) -> None:
    assert client.get("/api/v2/war-info/status").json() == {
        "message": SUCCESS,
        "data": {"code": 1, "alias": "in_progress"},
    }
    for lang in ("en", "ua"):
        data = client.get(f"/api/v2/war-info/status/{lang}").json()["data"]
        assert list(data) == ["code", "alias", "description"] and isinstance(data["description"], str)


def assert_422(r: Any, field: str) -> None:
    """§8: status 422, ``message`` a string, ``errors`` an object of string arrays."""
    assert r.status_code == 422, r.text
    body = r.json()
    assert body["message"] == "The given data was invalid."
    assert isinstance(body["errors"], dict) and field in body["errors"]
    assert all(isinstance(v, list) and all(isinstance(s, str) for s in v) for v in body["errors"].values())


@pytest.mark.parametrize("date", ["2022-02-24", "2021-01-01", "2099-01-01"])
def test_a_date_without_record_is_422(client: Any, date: str) -> None:
    assert_422(client.get(f"/api/v2/statistics/{date}"), "date")


@pytest.mark.parametrize("date", ["2024-2-16", "abc", "2024-02-30", "20240216"])
def test_a_malformed_date_is_422(client: Any, date: str) -> None:
    assert_422(client.get(f"/api/v2/statistics/{date}"), "date")


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("limit=51", "limit"),
        ("limit=0", "limit"),
        ("offset=-1", "offset"),
        ("limit=x", "limit"),
        ("date_from=2024-13-01", "date_from"),
        ("date_to=yesterday", "date_to"),
    ],
)
def test_list_validation_is_422(client: Any, query: str, field: str) -> None:
    assert_422(client.get(f"/api/v2/statistics?{query}"), field)


def test_unknown_lang_and_term_are_422(client: Any) -> None:
    assert_422(client.get("/api/v2/terms/ru"), "lang")
    assert_422(client.get("/api/v2/terms/en/ground_robots"), "term")
    assert_422(client.get("/api/v2/war-info/status/uk"), "lang")


def test_body_is_encoded_like_php(client: Any) -> None:
    """§1: ``/`` escaped as ``\\/`` in the raw body; compact; application/json."""
    r = client.get("/api/v2/terms/ua")
    assert r.headers["content-type"] == "application/json"
    assert b"\\/images\\/icons\\/" in r.content
    assert b'": ' not in r.content
    assert b"\\u041e" in r.content  # "О" of "Особовий склад", as PHP's json_encode writes it


def test_ground_robots_stay_in_v1(client: Any) -> None:
    day = client.get("/ledger/v1/days/2026-08-08").json()  # the statement lists them from 2026-05-03
    assert day["figures"]["ground_robots"]["total"] > 0
    v2 = client.get("/api/v2/statistics/2026-08-08").json()["data"]["stats"]
    assert not any("robot" in k for k in v2)
    metrics = {m["name"]: m for m in client.get("/ledger/v1/metrics").json()}
    assert metrics["ground_robots"]["v2_keys"] == []
