"""What a new user meets first: a first sync that fits 80 columns, a STALE that says why, counts
and dates where expected, the README's examples working right after a first sync."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from lossledger import extract
from lossledger.cli import main
from lossledger.errors import InputError

from .conftest import DATA, REPO

MAIN = "import sys; from lossledger.cli import main; sys.exit(main(sys.argv[1:]))"


def _cli(args: list[str], **env: str) -> subprocess.CompletedProcess[str]:
    environ = {**os.environ, "COLUMNS": "80", **env}
    return subprocess.run([sys.executable, "-c", MAIN, *args], capture_output=True, text=True, env=environ, timeout=300)


def test_the_first_sync_fits_80_columns(tmp_path: Path) -> None:
    done = _cli(["sync", "--db", str(tmp_path / "l.sqlite"), "--from", str(DATA)])
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert max(len(line) for line in lines) <= 80, [line for line in lines if len(line) > 80]
    assert len(lines) <= 30, done.stdout
    assert "general-staff-petroivaniuk" in done.stdout and "ru-fatalities-bessudnov" in done.stdout
    assert all(line.startswith("lossledger: warning: ") for line in done.stderr.splitlines()), done.stderr


def test_status_says_why_a_snapshot_is_stale(synced_sqlite_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["status", "--db", str(synced_sqlite_path), "-f", "json"]) == 0
    out, err = capsys.readouterr()
    rows = {r["source"]: r for r in json.loads(out)}
    assert rows["general-staff"]["stale"] and "snapshot" in rows["general-staff"]["stale_reason"]
    assert rows["russian-mod"]["stale_reason"] is None
    warning = next(line for line in err.splitlines() if "general-staff is stale" in line)
    assert "synced from a snapshot" in warning and "lossledger sync" in warning


def test_records_count_without_a_breakdown_prints_the_count(
    synced_sqlite_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["records", "count", "ru-fatalities", "--db", str(synced_sqlite_path), "--window", "14d"]) == 0
    body = capsys.readouterr().out.splitlines()[1:]  # below the title
    assert any("all records" in line and "18,835" in line for line in body), body
    assert any("in the last 14 days" in line for line in body), body


def test_compare_prints_dates_in_80_columns(synced_sqlite_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(synced_sqlite_path)
    assert main(["compare", "tanks", "--db", db, "-f", "json"]) == 0
    records = json.loads(capsys.readouterr().out)
    assert all(re.fullmatch(r"\d{4}-\d{2}-\d{2}", r["date"]) for r in records), records[0]
    assert main(["compare", "tanks", "--db", db]) == 0
    table = capsys.readouterr().out
    assert "T00:00:00" not in table and "2022-04-20" in table
    assert max(len(line) for line in table.splitlines()) <= 80


def test_export_parquet_says_where_it_wrote(
    synced_sqlite_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(synced_sqlite_path)
    target = tmp_path / "all.parquet"
    assert main(["export", "--db", db, "--format", "parquet", "--out", str(target)]) == 0
    out, err = capsys.readouterr()
    assert out == "" and f"wrote parquet to {target}" in err and target.stat().st_size > 100_000
    for where in ([], ["--out", "-"]):
        assert main(["export", "--db", db, "--format", "parquet", *where]) == 1
        out, err = capsys.readouterr()
        assert out == "" and "not written to standard output" in err
    assert not Path("-").exists()


def test_a_code_that_is_no_language_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    for code in ("xx", "qq", "zz", "und"):
        with pytest.raises(InputError, match="ISO 639-1"):
            extract("Russia lost 6,465 tanks.", language=code)
    # any real language is accepted, with or without a vocabulary (vocabularies are being added)
    assert extract("Russia lost 6,465 tanks.", language="la").language == "la"
    assert extract("Russia lost 6,465 tanks.", language="uk-UA").language == "uk"
    assert main(["extract", str(REPO / "README.md"), "--language", "xx"]) == 1
    assert "ISO 639-1" in capsys.readouterr().err


def test_the_readme_as_known_at_example_works_after_a_first_sync(
    synced_sqlite_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    example = re.search(r"lossledger show 2024-02-16 .*?--as-known-at (\S+?)\]", readme)
    assert example, "README shows no --as-known-at example"
    db = str(synced_sqlite_path)
    assert main(["show", "2024-02-16", "--db", db, "--as-known-at", example.group(1), "-f", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["figures"]["tanks"]["total"] == 6465
    # a moment before the first sync is refused saying so (not "no report for 2024-02-16")
    assert main(["show", "2024-02-16", "--db", db, "--as-known-at", "2022-01-01T00:00"]) == 1
    assert "knew nothing" in capsys.readouterr().err


def test_the_readme_test_command_mentions_chromium() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    block = readme.split("python -m pytest -n 2", 1)[0].rsplit("```bash", 1)[1]
    assert "chromium" in block and "chromium-driver" in block
