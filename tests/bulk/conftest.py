"""Bulk fixtures: one two-worker LocalCluster per module, and small generated corpora."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from ..conftest import ARTICLES


@pytest.fixture(scope="module")
def cluster() -> Iterator[object]:
    """A real dask.distributed LocalCluster of 2 worker processes (one thread each)."""
    from distributed import LocalCluster

    with LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=logging.ERROR
    ) as running:
        yield running


@pytest.fixture(scope="session")
def ledger_url(synced_sqlite_path: Path) -> str:
    return f"sqlite:///{synced_sqlite_path}"


@pytest.fixture(scope="session")
def small_corpus(ledger_url: str, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """300 texts in 6 shards, with the dev texts mixed in."""
    from lossledger.bulk import generate_corpus

    folder = tmp_path_factory.mktemp("corpus")
    generate_corpus(folder, 300, db=ledger_url, shard_size=50, seed=7, dev=ARTICLES / "dev.jsonl")
    return folder
