"""POST /ledger/v1/check answers exactly what ``lossledger check --format json`` prints."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from lossledger.api.responses import public_paths
from lossledger.cli import main
from lossledger.verify import check

from ..conftest import ARTICLES

SEED = ARTICLES / "seed-000_219740b5187f23e2.txt"


def cli_check(capsys: pytest.CaptureFixture[str], db: Path, *args: str) -> Any:
    capsys.readouterr()
    assert main(["--db", f"sqlite:///{db}", "check", *args, "--format", "json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_check_contract(
    client: Any, synced_sqlite_path: Path, ledger_ro: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    text = SEED.read_text(encoding="utf-8")
    r = client.post("/ledger/v1/check", json={"text": text})
    assert r.status_code == 200, r.text
    assert r.headers["cache-control"] == "no-store"
    body = r.json()
    # the API shows documents read from disk by their dataset-relative name, not the server's path
    cli = cli_check(capsys, synced_sqlite_path, str(SEED))
    assert body == public_paths(cli) == public_paths(check(text, ledger_ro).to_dict())
    assert "file:" not in r.text and "file:" in json.dumps(cli)
    assert body["report_date"] == "2024-02-16"
    assert {c["verdict"] for c in body["claims"]} <= {"match", "stale", "mismatch", "rounded", "unverifiable"}
    assert any(n["code"] == "personnel-framed-as-deaths" for n in body["notes"])


def test_check_with_published(client: Any, synced_sqlite_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = SEED.read_text(encoding="utf-8")
    body = client.post("/ledger/v1/check", json={"text": text, "published": "2024-02-16"}).json()
    assert body == public_paths(cli_check(capsys, synced_sqlite_path, str(SEED), "--published", "2024-02-16"))


def test_check_is_repeatable(client: Any) -> None:
    """The per-version view the API keeps between checks gives the same answer each time."""
    text = SEED.read_text(encoding="utf-8")
    first = client.post("/ledger/v1/check", json={"text": text}).json()
    assert client.post("/ledger/v1/check", json={"text": text}).json() == first


@pytest.mark.parametrize(
    "payload",
    [{}, {"text": 5}, {"text": "x", "published": "16.02.2024"}, {"text": "x", "extra": 1}, [], "text"],
)
def test_check_refuses_bad_input(client: Any, payload: Any) -> None:
    r = client.post("/ledger/v1/check", json=payload)
    assert r.status_code == 400 and r.json()["code"] == "input.validation"


def test_check_takes_hostile_text(client: Any) -> None:
    text = '<script>alert("x")</script> The General Staff said 400,300 <b>personnel</b> & 6,465 tanks.'
    r = client.post("/ledger/v1/check", json={"text": text})
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/json")
    for claim in r.json()["claims"]:
        assert 0 <= claim["span"][0] < claim["span"][1] <= len(text)
