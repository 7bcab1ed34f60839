"""The CLI contract: ``lossledger extract FILE|- [--published] [--language] [--format json|table]``."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import lossledger
from lossledger.cli import main

TEXT = "The General Staff said Russia had lost 1,210 troops over the past day, bringing the total to about 400,300."


def _run(args: list[str], stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    code = "import sys; from lossledger.cli import main; sys.exit(main(sys.argv[1:]))"
    return subprocess.run([sys.executable, "-c", code, *args], input=stdin, capture_output=True, text=True, timeout=120)


def test_json_from_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "a.txt"
    path.write_text(TEXT, encoding="utf-8")
    assert main(["extract", str(path), "--format", "json", "--published", "2024-02-16"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) == {"language", "as_of", "claims", "ignored"}
    assert data["language"] == "en" and data["as_of"] == "2024-02-16"
    claim = data["claims"][0]
    assert {
        "metric",
        "value",
        "kind",
        "qualifier",
        "source",
        "span",
        "confidence",
        "period",
        "text",
        "precision",
        "framing",
        "as_of",
    } <= set(claim)
    assert [(c["metric"], c["kind"], c["value"]) for c in data["claims"]] == [
        ("personnel", "increase", 1210),
        ("personnel", "total", 400300),
    ]
    start, end = data["claims"][0]["span"]
    assert TEXT[start:end] == "1,210 troops"


def test_stdin_and_table() -> None:
    proc = _run(["extract", "-"], stdin=TEXT)
    assert proc.returncode == 0, proc.stderr
    assert "400,300" in proc.stdout and "personnel" in proc.stdout
    proc = _run(["extract", "-", "--format", "json", "--language", "en"], stdin="nothing to see here")
    assert proc.returncode == 0
    assert json.loads(proc.stdout)["claims"] == []


def test_errors_are_one_line_exit_1(tmp_path: Path) -> None:
    proc = _run(["extract", str(tmp_path / "missing.txt")])
    assert proc.returncode == 1 and proc.stderr.startswith("lossledger: error:")
    binary = tmp_path / "b.bin"
    binary.write_bytes(b"\x00\x01\x02")
    proc = _run(["extract", str(binary)])
    assert proc.returncode == 1 and "binary" in proc.stderr
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\xfa")
    assert _run(["extract", str(bad)]).returncode == 1
    good = tmp_path / "good.txt"
    good.write_text(TEXT, encoding="utf-8")
    proc = _run(["extract", str(good), "--published", "yesterday"])
    assert proc.returncode == 1 and "published" in proc.stderr


def test_public_api_exports() -> None:
    for name in ("extract", "Extraction", "Claim", "Ignored"):
        assert name in lossledger.__all__
        assert hasattr(lossledger, name)
    result = lossledger.extract(TEXT)
    assert isinstance(result, lossledger.Extraction)
    assert all(isinstance(c, lossledger.Claim) for c in result.claims)
