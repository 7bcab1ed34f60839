"""Alembic environment: migrations run on the connection lossledger hands over (store/db.py)."""

from __future__ import annotations

from alembic import context

from lossledger.store.models import metadata

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - alembic CLI use
    raise SystemExit("run migrations through lossledger (lossledger.store.migrate)")

context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
