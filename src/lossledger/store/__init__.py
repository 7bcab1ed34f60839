"""The store: tables (models.py), engine and transactions (db.py), Alembic migrations."""

from .db import connect, migrate, transaction, utcnow
from .models import Compilation, Document, FetchState, Observation, Source, SyncRun, metadata

__all__ = [
    "Compilation",
    "Document",
    "FetchState",
    "Observation",
    "Source",
    "SyncRun",
    "connect",
    "metadata",
    "migrate",
    "transaction",
    "utcnow",
]
