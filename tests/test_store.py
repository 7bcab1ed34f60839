"""Schema: migrations are the only way the schema changes, and they match the models."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

from lossledger.ledger import Ledger
from lossledger.store import db
from lossledger.store.models import metadata


def test_head_constant_is_alembics_head() -> None:
    assert db.head_revision() == db.HEAD


def test_models_and_migrations_agree(ledger: Ledger) -> None:
    with ledger.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), metadata)
    assert diff == []


def test_open_migrates_a_new_database_once(db_url: str) -> None:
    with Ledger.open(db_url) as first:
        assert db.current_revision(first.engine) == db.HEAD
        tables = set(inspect(first.engine).get_table_names())
    assert {"source", "compilation", "document", "observation", "sync_run", "fetch_state"} <= tables
    with Ledger.open(db_url) as again:  # already current: nothing to do, nothing breaks
        assert db.current_revision(again.engine) == db.HEAD


def test_downgrade_and_upgrade(db_url: str) -> None:
    with Ledger.open(db_url) as opened:
        db.downgrade(opened.engine)
        assert "observation" not in inspect(opened.engine).get_table_names()
        db.migrate(opened.engine)
        assert "observation" in inspect(opened.engine).get_table_names()
