"""Alembic migrations of the ledger's schema (versions/), run through store/db.py."""

#: The newest migration's revision.  Kept as a constant so opening a ledger does not import
#: Alembic (~0.3 s) just to learn the schema is current, and so the fast ``check`` path can read
#: it without SQLAlchemy; tests/test_store.py checks it against Alembic's view of versions/.
HEAD = "0004"
