"""The records tables: models and migration 0002 agree, and the migration goes down and up."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

from lossledger.ledger import Ledger
from lossledger.store import db
from lossledger.store.models import metadata

TABLES = {"record_list", "record", "record_link", "record_merge", "record_rejection"}


def test_records_models_match_migration(ledger: Ledger) -> None:
    with ledger.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), metadata)
    assert diff == []
    assert set(inspect(ledger.engine).get_table_names()) >= TABLES


def test_migration_0002_down_and_up(ledger: Ledger) -> None:
    db.downgrade(ledger.engine, "0001")
    assert "observation" in inspect(ledger.engine).get_table_names()
    assert not TABLES & set(inspect(ledger.engine).get_table_names())
    db.migrate(ledger.engine)
    assert set(inspect(ledger.engine).get_table_names()) >= TABLES
    assert db.current_revision(ledger.engine) == db.HEAD == db.head_revision()
