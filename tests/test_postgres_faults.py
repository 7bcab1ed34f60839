"""PostgreSQL faults: a server that never answers fails fast; one sync at a time; a sync whose
connection is killed mid-way leaves the ledger complete or unchanged, says so, and the next works."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import create_engine, text

from lossledger.cli import main
from lossledger.errors import LossLedgerError, StoreError
from lossledger.ledger import Ledger
from lossledger.store.db import SYNC_LOCK

from .conftest import DATA, drop_pg_database, new_pg_database, pg_unavailable
from .test_sync import state


@pytest.fixture
def pg_ledger() -> Iterator[Ledger]:
    """A fresh ledger in a PostgreSQL database of its own."""
    reason = pg_unavailable()
    if reason:
        pytest.skip(reason)
    url = new_pg_database()
    with Ledger.open(url) as opened:
        yield opened
    drop_pg_database(url)


@pytest.fixture
def silent_server() -> Iterator[str]:
    """A TCP server on 127.0.0.1 that accepts connections and never says a word."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    held: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        server.settimeout(0.2)
        while not stop.is_set():
            try:
                held.append(server.accept()[0])
            except OSError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield f"postgresql+psycopg://postgres@127.0.0.1:{server.getsockname()[1]}/ledger"
    stop.set()
    thread.join()
    for conn in held:
        conn.close()
    server.close()


def test_a_server_that_never_answers_fails_fast(
    silent_server: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("psycopg")
    monkeypatch.setenv("LOSSLEDGER_DB_CONNECT_TIMEOUT", "2")
    start = time.monotonic()
    with pytest.raises(StoreError, match="cannot open ledger"):
        Ledger.open(silent_server)
    assert time.monotonic() - start < 10
    assert main(["show", "2024-02-16", "--db", silent_server]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("lossledger: error: cannot open ledger"), err


def _admin(url: str) -> Any:
    return create_engine(url, isolation_level="AUTOCOMMIT")


@pytest.mark.postgres
def test_a_statement_that_waits_too_long_is_cancelled(
    pg_ledger: Ledger, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    pg_ledger.sync(DATA, only=["oryx-totals"])
    url = pg_ledger.engine.url.render_as_string(hide_password=False)
    monkeypatch.setenv("LOSSLEDGER_DB_STATEMENT_TIMEOUT", "1")
    blocker = create_engine(url)
    with blocker.connect() as conn, conn.begin():
        conn.execute(text("LOCK TABLE observation IN ACCESS EXCLUSIVE MODE"))
        start = time.monotonic()
        assert main(["show", "2022-04-20", "--source", "oryx", "--db", url]) == 1
        assert time.monotonic() - start < 10
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "statement timeout" in err, err
    blocker.dispose()


@pytest.mark.postgres
def test_one_sync_at_a_time(pg_ledger: Ledger, capsys: pytest.CaptureFixture[str]) -> None:
    """SQLite serialises writers itself; PostgreSQL by the sync's advisory lock."""
    ledger = pg_ledger
    url = ledger.engine.url.render_as_string(hide_password=False)
    holder = _admin(url)
    with holder.connect() as conn:
        conn.execute(text("SELECT pg_advisory_lock(:k)"), {"k": SYNC_LOCK})
        with pytest.raises(StoreError, match="another sync is running"):
            ledger.sync(DATA, only=["oryx-totals"])
        assert main(["sync", "--db", url, "--from", str(DATA), "--only", "oryx-totals"]) == 1
        assert "another sync is running" in capsys.readouterr().err
        conn.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": SYNC_LOCK})
    holder.dispose()
    assert ledger.sync(DATA, only=["oryx-totals"]).added == 14


def _kill_the_sync(admin: Any, database: str, delay: float, killed: list[int]) -> None:
    """Once the sync holds its lock (it is writing), wait ``delay`` s and terminate its backend."""
    deadline = time.monotonic() + 120
    query = text(
        "SELECT l.pid FROM pg_locks l JOIN pg_database d ON d.oid = l.database "
        "WHERE l.locktype = 'advisory' AND d.datname = :db AND l.granted"
    )
    with admin.connect() as conn:
        while time.monotonic() < deadline:
            pid = conn.execute(query, {"db": database}).scalar()
            if pid is not None:
                time.sleep(delay)
                if conn.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid}).scalar():
                    killed.append(pid)
                return
            time.sleep(0.01)


@pytest.mark.postgres
@pytest.mark.slow
def test_a_sync_whose_connection_is_killed(pg_ledger: Ledger) -> None:
    """Killed 0.3 s into the write (the bulk insert runs ~2 s); a kill after the commit is
    accepted too (the ledger is then complete)."""
    ledger, delay = pg_ledger, 0.3
    url = ledger.engine.url.render_as_string(hide_password=False)
    admin = _admin(url.rsplit("/", 1)[0] + "/postgres")
    empty = state(ledger)
    killed: list[int] = []
    killer = threading.Thread(target=_kill_the_sync, args=(admin, url.rsplit("/", 1)[1], delay, killed))
    killer.start()
    error: LossLedgerError | None = None
    try:
        ledger.sync(DATA)
    except LossLedgerError as exc:
        error = exc
    killer.join()
    admin.dispose()
    with Ledger.open(url) as fresh:
        after = state(fresh)
        if error is None:  # the kill came after the commit: the ledger is complete
            assert after[0][0] > 40000
        else:
            assert killed, error
            assert after == empty, "a killed sync left part of its work"
            assert "connection to the database was lost" in str(error) and "nothing" in str(error), str(error)
        retry = fresh.sync(DATA)
        assert fresh.show("2024-02-16").figures["tanks"].total == 6465
        assert retry.added > 40000 or error is None
