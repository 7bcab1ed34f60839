"""Behaviour fixtures: the API's bodies, the CLI's JSON and the dashboard, byte for byte.

Recorded on the shared data just before the import-layering refactoring (issue 14), so that
moving code between modules cannot change what a user sees.  Each case is one request or one
command; its status, content type and body are compared with ``tests/fixtures/behaviour/*.json.gz``.
Bodies larger than ``INLINE_LIMIT`` are kept as a sha256 (still byte-exact, just not diffable) so
the repository stays small.

Normalised, because they legitimately vary between runs and machines (and nothing else is):
- the folder of the synced ledger and of ../shared (temp paths), replaced by ``<TMP>``/``<SHARED>``;
- moments of "now" (a document's ``retrieved_at``, a source's ``fetched`` time and age, the sync
  time of ``healthz``), which the sync stamps with the wall clock: ISO timestamps of today and
  ages in hours are replaced by ``<NOW>``/``<AGE>``;
- the package version string.

Regenerate after an intended change: ``python tests/test_behaviour_fixtures.py --record``.
"""

from __future__ import annotations

import datetime as dt
import gzip
import hashlib
import json
import re
import sys
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "tests" / "fixtures" / "behaviour"
INLINE_LIMIT = 60_000

#: Native API, upstream-compatible API, errors, the dashboard and the OpenAPI document.
HTTP_CASES: list[str] = [
    "/ledger/v1/metrics",
    "/ledger/v1/sources",
    "/ledger/v1/latest",
    "/ledger/v1/latest?source=oryx",
    "/ledger/v1/latest?source=mediazona",
    "/ledger/v1/days/2023-05-28",
    "/ledger/v1/days/2022-03-01",
    "/ledger/v1/days/2024-06-15?source=general-staff",
    "/ledger/v1/figures/2023-05-28/tanks",
    "/ledger/v1/figures/2022-05-10/vehicles",
    "/ledger/v1/series/tanks?start=2024-01-01&end=2024-02-15",
    "/ledger/v1/series/vehicles?start=2022-04-20&end=2022-05-10",
    "/ledger/v1/series/personnel?start=2025-01-01&end=2025-03-01&daily=true&rolling=7",
    "/ledger/v1/series/tanks?source=oryx&start=2023-01-01&end=2023-03-01",
    "/ledger/v1/series/tanks?monthly=true",
    "/ledger/v1/conflicts?metric=tanks",
    "/ledger/v1/conflicts?start=2022-03-01&end=2022-06-01",
    "/ledger/v1/compare/tanks",
    "/ledger/v1/compare/tanks?start=2023-01-01&end=2023-06-01&by_status=false",
    "/ledger/v1/compare/personnel?sources=general-staff,mediazona",
    "/ledger/v1/claims",
    "/ledger/v1/claims?lang=uk",
    "/ledger/v1/observations/1",
    "/ledger/v1/observations/20000",
    "/ledger/v1/documents/1",
    "/ledger/v1/changes",
    # errors
    "/ledger/v1/days/1999-01-01",
    "/ledger/v1/days/not-a-date",
    "/ledger/v1/series/nonsense",
    "/ledger/v1/latest?source=nobody",
    "/ledger/v1/observations/999999999",
    "/ledger/v1/compare/tanks?sources=general-staff",
    "/ledger/v1/nowhere",
    # russianwarship.rip-compatible
    "/api/v1/statistics/latest",
    "/api/v2/statistics/latest",
    "/api/v1/statistics?limit=5",
    "/api/v2/statistics?offset=100&limit=3",
    "/api/v2/statistics?date_from=2022-05-01&date_to=2022-05-03",
    "/api/v1/statistics/2022-05-01",
    "/api/v2/statistics/2023-05-28",
    "/api/v2/statistics/2022-01-01",
    "/api/v2/statistics/2022-13-01",
    "/api/v2/statistics?date_from=bad",
    "/api/v1/terms/en",
    "/api/v2/terms/ua",
    "/api/v2/terms/en/tanks",
    "/api/v2/terms/ru",
    "/api/v2/terms/en/nothing",
    "/api/v2/war-info",
    "/api/v1/war-info",
    "/api/v2/war-info/status",
    "/api/v2/war-info/status/ua",
    # pages
    "/",
    "/?lang=uk",
    "/docs",
    "/openapi.json",
]

#: CLI commands with JSON output (``--db`` is added).
CLI_CASES: list[list[str]] = [
    ["show", "2023-05-28", "--format", "json"],
    ["show", "2022-05-01", "--format", "json", "--source", "general-staff"],
    ["latest", "--format", "json"],
    ["latest", "--source", "oryx", "--format", "json"],
    ["series", "tanks", "--from", "2024-01-01", "--to", "2024-02-01", "--format", "json"],
    ["series", "vehicles", "--from", "2022-04-25", "--to", "2022-05-05", "--daily", "--format", "json"],
    ["series", "personnel", "--monthly", "--format", "json"],
    ["series", "tanks", "--source", "oryx", "--status", "destroyed", "--format", "json"],
    ["conflicts", "--metric", "tanks", "--format", "json"],
    ["conflicts", "--format", "json"],
    ["sources", "--format", "json"],
    ["changes", "--format", "json"],
    ["status", "--format", "json"],
    ["estimate", "--format", "json", "oryx", "ru-fatalities"],
    ["compare", "tanks", "--format", "json"],
    ["compare", "personnel", "--sources", "general-staff,mediazona", "--format", "json"],
    ["records", "lists", "--format", "json"],
    ["records", "count", "oryx", "--format", "json"],
    ["records", "count", "ru-fatalities", "--format", "json"],
    ["records", "duplicates", "ru-fatalities", "--format", "json"],
    ["records", "rejected", "oryx", "--format", "json"],
    ["check", "<SHARED>/articles/seed-000_219740b5187f23e2.txt", "--format", "json"],
    ["check", "<SHARED>/articles/seed-000_219740b5187f23e2.txt", "--format", "markdown"],
    ["show", "1999-01-01", "--format", "json"],
    ["series", "nonsense", "--format", "json"],
]

_ISO_NOW = r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?"


def normalise(text: str, tmp: Path, shared: Path) -> str:
    """Replace what legitimately varies between runs (see the module docstring)."""
    from lossledger import __version__

    text = text.replace(str(tmp), "<TMP>").replace(str(shared), "<SHARED>")
    today = dt.datetime.now(dt.UTC).date()
    for day in (today - dt.timedelta(days=1), today, today + dt.timedelta(days=1)):
        text = re.sub(day.isoformat() + _ISO_NOW[len(r"\d{4}-\d{2}-\d{2}") :], "<NOW>", text)
    text = re.sub(r'("(?:age_hours|age|hours_since_fetch)"\s*:\s*)[0-9.]+', r"\1<AGE>", text)
    text = re.sub(r"\b\d+(?:\.\d+)? (h|hours?|days?) old\b", r"<AGE> \1 old", text)  # "is 6805 h old"
    return text.replace(f'"{__version__}"', '"<VERSION>"')


def _entry(status: int, content_type: str, body: str) -> dict[str, Any]:
    raw = body.encode()
    if len(raw) > INLINE_LIMIT:
        return {"status": status, "type": content_type, "sha256": hashlib.sha256(raw).hexdigest(), "size": len(raw)}
    return {"status": status, "type": content_type, "body": body}


def record_http(db_path: Path, tmp: Path, shared: Path) -> dict[str, dict[str, Any]]:
    """Every HTTP case, answered by the real app over the ledger at ``db_path``."""
    from fastapi.testclient import TestClient

    from tests.api.support import make_app

    out: dict[str, dict[str, Any]] = {}
    with TestClient(make_app(db_path), raise_server_exceptions=False) as client:
        for path in HTTP_CASES:
            response = client.get(path)
            body = normalise(response.text, tmp, shared)
            out[path] = _entry(response.status_code, response.headers.get("content-type", ""), body)
    return out


def record_cli(db_path: Path, tmp: Path, shared: Path) -> dict[str, dict[str, Any]]:
    """Every CLI case, run in-process through the console script's ``main`` (errors rendered too)."""
    import contextlib
    import io

    from lossledger.cli import main

    out: dict[str, dict[str, Any]] = {}
    for args in CLI_CASES:
        real = [a.replace("<SHARED>", str(shared)) for a in args]
        at = 2 if real[0] == "records" else 1
        stdout, stderr = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
            code = main([*real[:at], "--db", str(db_path), *real[at:]])
        text = normalise(stdout.getvalue() + "\n--stderr--\n" + stderr.getvalue(), tmp, shared)
        out[" ".join(args)] = _entry(code, "", text)
    return out


def _load(name: str) -> dict[str, dict[str, Any]]:
    with gzip.open(FIXTURES / f"{name}.json.gz", "rt", encoding="utf-8") as fh:
        return json.load(fh)  # type: ignore[no-any-return]


def _save(name: str, data: dict[str, dict[str, Any]]) -> None:
    FIXTURES.mkdir(parents=True, exist_ok=True)
    raw = json.dumps(data, ensure_ascii=False, indent=0, sort_keys=True).encode()
    with open(FIXTURES / f"{name}.json.gz", "wb") as fh, gzip.GzipFile(fileobj=fh, mode="wb", mtime=0) as gz:
        gz.write(raw)


def _compare(expected: dict[str, dict[str, Any]], actual: dict[str, dict[str, Any]]) -> None:
    assert sorted(actual) == sorted(expected), "cases changed: record again (see the module docstring)"
    different = [case for case in expected if actual[case] != expected[case]]
    if different:
        first = different[0]
        exp, act = expected[first], actual[first]
        detail = ""
        if "body" in exp and "body" in act:
            at = next((i for i, (a, b) in enumerate(zip(exp["body"], act["body"], strict=False)) if a != b),
                      min(len(exp["body"]), len(act["body"])))  # fmt: skip
            detail = f"\n  expected …{exp['body'][max(0, at - 80) : at + 80]!r}\n  actual   …{act['body'][max(0, at - 80) : at + 80]!r}"
        pytest.fail(f"{len(different)} case(s) differ: {different}; first: {first} status "
                    f"{exp.get('status')}→{act.get('status')}{detail}")  # fmt: skip


def test_http_bodies_unchanged(synced_sqlite_path: Path) -> None:
    from tests.conftest import SHARED

    _compare(_load("http"), record_http(synced_sqlite_path, synced_sqlite_path.parent, SHARED))


def test_cli_json_unchanged(synced_sqlite_path: Path) -> None:
    from tests.conftest import SHARED

    _compare(_load("cli"), record_cli(synced_sqlite_path, synced_sqlite_path.parent, SHARED))


def test_a_changed_value_is_caught(synced_sqlite_path: Path) -> None:
    """The comparison can fail: one changed byte in one body is reported."""
    expected = _load("http")
    changed = json.loads(json.dumps(expected))
    case = "/ledger/v1/days/2023-05-28"
    changed[case]["body"] = changed[case]["body"].replace("3797", "3798", 1)
    assert changed[case] != expected[case]
    with pytest.raises(pytest.fail.Exception, match="2023-05-28"):
        _compare(expected, changed)


def main() -> None:
    """``--record``: sync ../shared/data into a fresh SQLite ledger and write the fixtures."""
    import tempfile

    if sys.argv[1:] != ["--record"]:
        sys.exit("usage: python tests/test_behaviour_fixtures.py --record")
    sys.path.insert(0, str(REPO))
    import os

    os.environ.setdefault("LOSSLEDGER_CACHE_DIR", tempfile.mkdtemp(prefix="lossledger-record-cache-"))
    from lossledger.ledger import Ledger
    from tests.conftest import DATA, SHARED

    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        db_path = tmp / "ledger.sqlite"
        with Ledger.open(f"sqlite:///{db_path}") as opened:
            opened.sync(DATA)
        _save("http", record_http(db_path, tmp, SHARED))
        _save("cli", record_cli(db_path, tmp, SHARED))
    print(f"recorded {len(HTTP_CASES)} HTTP and {len(CLI_CASES)} CLI cases in {FIXTURES}")


if __name__ == "__main__":
    main()
