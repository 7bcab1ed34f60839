"""The fuzz campaign, in small: random and mutated texts through ``extract`` and ``check``, random
bytes and mutated dataset files through ``sync`` (a failed sync leaves the ledger's dump equal),
random query strings through the API.  Modest, derandomized example counts keep it to seconds;
benchmarks/fuzz.py runs the same mutators for 10^5 texts and 10^4 files.
"""

from __future__ import annotations

import json
import random
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lossledger import extract
from lossledger.errors import LossLedgerError
from lossledger.ledger import Ledger
from lossledger.verify import LedgerView, check

from .api.support import make_app
from .conftest import ARTICLES, DATA
from .fuzzing import (
    QUERY_PATHS,
    SMALL_DATASETS,
    dump_digest,
    mutate_file,
    mutate_text,
    random_query,
    random_text,
    trim_dataset,
)

FUZZ = settings(
    max_examples=40, deadline=None, derandomize=True, database=None, suppress_health_check=list(HealthCheck)
)
SEEDS = [p.read_text(encoding="utf-8") for p in sorted(ARTICLES.glob("*.txt"))] + [
    json.loads(line)["text"] for line in (ARTICLES / "dev.jsonl").read_text(encoding="utf-8").splitlines()[:20]
]


def _texts() -> st.SearchStrategy[str]:
    mutated = st.builds(
        lambda rng, seed: mutate_text(rng, seed), st.randoms(use_true_random=False), st.sampled_from(SEEDS)
    )
    generated = st.builds(random_text, st.randoms(use_true_random=False))
    return st.one_of(st.text(max_size=500), generated, mutated)


def _well_formed(found: dict[str, Any], text: str) -> None:
    json.dumps(found)
    for claim in found["claims"]:
        start, end = claim["span"]
        assert 0 <= start <= end <= len(text)


@FUZZ
@given(text=_texts())
def test_extract_any_text(text: str) -> None:
    _well_formed(extract(text).to_dict(), text)


def test_extract_a_text_with_a_lone_surrogate() -> None:
    """Found by benchmarks/fuzz.py: a lone surrogate (a JSON '\\udf9d' sent to POST /api/v1/check)
    reached language detection, which cannot encode it."""
    claims = extract("Росія втратила 6465 танків \udf9d").claims
    assert [(c.metric, c.value) for c in claims] == [("tanks", 6465)]


@pytest.fixture(scope="module")
def view(synced_sqlite_path: Path) -> Iterator[LedgerView]:
    opened = LedgerView.open(f"sqlite:///{synced_sqlite_path}")
    yield opened
    opened.close()


@FUZZ
@given(text=_texts(), published=st.one_of(st.none(), st.dates()))
def test_check_any_text(view: LedgerView, text: str, published: Any) -> None:
    report = check(text, view, published=published).to_dict()
    json.dumps(report)
    assert {c["verdict"] for c in report["claims"]} <= {"match", "rounded", "stale", "mismatch", "unverifiable"}


# --- sync ----------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def small_origin(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The small datasets as they are, and orc-losses trimmed to its 60 newest records."""
    origin = tmp_path_factory.mktemp("fuzz-origin")
    for folder in SMALL_DATASETS:
        shutil.copytree(DATA / folder, origin / folder)
    trim_dataset(DATA / "general-staff-orc-losses", origin / "general-staff-orc-losses", 60)
    return origin


@pytest.fixture(scope="module")
def base_ledger(small_origin: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("fuzz-ledger") / "ledger.sqlite"
    with Ledger.open(f"sqlite:///{path}") as ledger:
        ledger.sync(small_origin)
    return path


FOLDERS = [*SMALL_DATASETS, "general-staff-orc-losses"]


def _sync_broken(work: Path, folder: str, base_ledger: Path) -> None:
    """Sync ``work/folder`` into a copy of the base ledger: it works, or fails leaving the dump equal."""
    ledger_path = work / "ledger.sqlite"
    shutil.copy(base_ledger, ledger_path)
    before = dump_digest(ledger_path)
    with Ledger.open(f"sqlite:///{ledger_path}") as ledger:
        try:
            ledger.sync(work, only=[folder], force=True)
            return
        except LossLedgerError as exc:
            assert str(exc).strip() and "\n" not in str(exc)
    assert dump_digest(ledger_path) == before, "a failed sync changed the ledger"


def _data_files(folder: Path) -> list[Path]:
    """The files an importer reads (not a JSON schema beside them)."""
    return sorted(p for p in folder.iterdir() if p.suffix in (".csv", ".json") and ".schema." not in p.name)


@settings(FUZZ, max_examples=30)
@given(rng=st.randoms(use_true_random=False), folder=st.sampled_from(FOLDERS))
def test_sync_of_a_mutated_file(
    rng: random.Random, folder: str, small_origin: Path, base_ledger: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    work = tmp_path_factory.mktemp("fuzz-sync")
    shutil.copytree(small_origin / folder, work / folder)
    mutate_file(rng, rng.choice(_data_files(work / folder)))
    _sync_broken(work, folder, base_ledger)


@settings(FUZZ, max_examples=15)
@given(data=st.binary(max_size=2048), folder=st.sampled_from(FOLDERS))
def test_sync_of_random_bytes(
    data: bytes, folder: str, small_origin: Path, base_ledger: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    work = tmp_path_factory.mktemp("fuzz-bytes")
    shutil.copytree(small_origin / folder, work / folder)
    _data_files(work / folder)[0].write_bytes(data)
    _sync_broken(work, folder, base_ledger)


# --- API -------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def api(synced_sqlite_path: Path) -> Iterator[TestClient]:
    with TestClient(make_app(synced_sqlite_path), raise_server_exceptions=False) as client:
        yield client


@settings(FUZZ, max_examples=60)
@given(rng=st.randoms(use_true_random=False), path=st.sampled_from(QUERY_PATHS))
def test_api_any_query_string(api: TestClient, rng: random.Random, path: str) -> None:
    response = api.get(f"{path}?{random_query(rng)}")
    assert response.status_code < 500, (path, response.status_code, response.text[:300])
    if response.status_code >= 400 and response.headers.get("content-type", "").startswith("application/json"):
        body = response.json()
        if path.startswith("/api/"):  # russianwarship.rip's own error shape (docs/api.md)
            assert isinstance(body, dict) and body.get("message"), body
        else:
            assert body.get("ok") is False and body.get("status") == response.status_code, body
