"""Fixtures are real things: real SQLite files and real PostgreSQL databases, the real shared data.

``db_url`` runs a test on SQLite and on PostgreSQL at 127.0.0.1:5432 (``LOSSLEDGER_TEST_PG``);
each PostgreSQL test gets a database of its own, dropped afterwards.  When no server answers,
the PostgreSQL variants are skipped with that reason — CI has one, so they run there.
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from lossledger.ledger import Ledger

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("LOSSLEDGER_SHARED", REPO.parent / "shared")).resolve()
DATA = SHARED / "data"
ARTICLES = SHARED / "articles"
PG_URL = os.environ.get("LOSSLEDGER_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")


def pytest_configure(config: pytest.Config) -> None:
    """Derived-data caches (lossledger/derived.py) go to a folder of this run, not the user's."""
    if "LOSSLEDGER_CACHE_DIR" not in os.environ:
        import tempfile

        os.environ["LOSSLEDGER_CACHE_DIR"] = tempfile.mkdtemp(prefix="lossledger-test-cache-")


def _pg_admin():  # type: ignore[no-untyped-def]
    from sqlalchemy import create_engine

    return create_engine(PG_URL, isolation_level="AUTOCOMMIT", pool_pre_ping=True)


_pg_reason: str | None = None


def pg_unavailable() -> str | None:
    """Why PostgreSQL cannot be used here, or None when it can."""
    global _pg_reason
    if _pg_reason is None:
        try:
            from sqlalchemy import text

            engine = _pg_admin()
            with engine.connect() as conn:
                conn.execute(text("SELECT 1"))
            engine.dispose()
            _pg_reason = ""
        except Exception as exc:  # no server, no driver
            _pg_reason = f"no PostgreSQL at {PG_URL}: {exc.__class__.__name__}: {str(exc).splitlines()[0][:120]}"
    return _pg_reason or None


def new_pg_database() -> str:
    """Create an empty database; returns its URL."""
    from sqlalchemy import text

    name = f"lossledger_test_{uuid.uuid4().hex[:12]}"
    engine = _pg_admin()
    with engine.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    engine.dispose()
    return PG_URL.rsplit("/", 1)[0] + "/" + name


def drop_pg_database(url: str) -> None:
    from sqlalchemy import text

    name = url.rsplit("/", 1)[1]
    engine = _pg_admin()
    with engine.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    engine.dispose()


def _make_url(backend: str, tmp: Path) -> str:
    if backend == "sqlite":
        return f"sqlite:///{tmp / 'ledger.sqlite'}"
    reason = pg_unavailable()
    if reason:
        pytest.skip(reason)
    return new_pg_database()


BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """An empty ledger database URL, on each backend."""
    url = _make_url(request.param, tmp_path)
    yield url
    if url.startswith("postgresql"):
        drop_pg_database(url)


@pytest.fixture
def ledger(db_url: str) -> Iterator[Ledger]:
    """A fresh, migrated ledger on each backend."""
    with Ledger.open(db_url) as opened:
        yield opened


@pytest.fixture(scope="session", params=BACKENDS)
def synced_url(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A ledger synced once per session from ../shared/data, on each backend.  Read-only: tests
    that write must use ``ledger`` or copy ``synced_sqlite_path``."""
    url = _make_url(request.param, tmp_path_factory.mktemp(f"synced-{request.param}"))
    with Ledger.open(url) as opened:
        opened.sync(DATA)
    yield url
    if url.startswith("postgresql"):
        drop_pg_database(url)


@pytest.fixture
def synced(synced_url: str) -> Iterator[Ledger]:
    """The session's synced ledger (read-only), on each backend."""
    with Ledger.open(synced_url) as opened:
        yield opened


@pytest.fixture(scope="session")
def synced_sqlite_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An SQLite file synced from ../shared/data once per session (read-only; copy it to write)."""
    path = tmp_path_factory.mktemp("synced-sqlite") / "ledger.sqlite"
    with Ledger.open(f"sqlite:///{path}") as opened:
        opened.sync(DATA)
    return path


@pytest.fixture
def synced_sqlite_copy(synced_sqlite_path: Path, tmp_path: Path) -> Path:
    """A private, writable copy of the session's synced SQLite ledger."""
    target = tmp_path / "ledger.sqlite"
    shutil.copy(synced_sqlite_path, target)
    return target


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A writable copy of ../shared/data to break on purpose."""
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    return target
