"""One app over the session's synced SQLite ledger, built once per test run, called in-process."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from lossledger.ledger import Ledger

from .support import make_app


@pytest.fixture(scope="session")
def api_app(synced_sqlite_path: Path) -> Any:
    """The real app over the session's synced ledger (read-only)."""
    return make_app(synced_sqlite_path)


@pytest.fixture(scope="session")
def client(api_app: Any) -> Iterator[TestClient]:
    """An in-process client; server errors come back as 500 responses, as a real client sees them."""
    with TestClient(api_app, raise_server_exceptions=False) as test_client:
        yield test_client


@pytest.fixture(scope="session")
def ledger_ro(synced_sqlite_path: Path) -> Iterator[Ledger]:
    """The same ledger through the Python API, to compare the HTTP answers with."""
    with Ledger.open(f"sqlite:///{synced_sqlite_path}") as opened:
        yield opened
