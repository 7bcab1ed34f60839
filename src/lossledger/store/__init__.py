"""The store: tables (models.py), engine and transactions (db.py), bulk inserts (bulk.py), and
Alembic migrations (migrations/).  Nothing is imported here, so that ``store.migrations.HEAD`` can
be read without loading SQLAlchemy."""
