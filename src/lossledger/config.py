"""Configuration: an explicit argument first, then a ``LOSSLEDGER_*`` variable, then a default.

Every setting the program reads goes through :func:`setting`, so the precedence rule lives in one
place.  The default ledger is an SQLite file in the per-user data directory
(``platformdirs.user_data_dir("lossledger")``), so a fresh machine works with no set-up.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

from .errors import ConfigError

__all__ = ["default_db_url", "resolve_db_url", "setting"]

ENV_PREFIX = "LOSSLEDGER_"


def setting(name: str, explicit: str | None = None, default: str | None = None) -> str | None:
    """Return ``explicit`` if given, else ``$LOSSLEDGER_<NAME>`` if set and non-empty, else ``default``."""
    if explicit is not None:
        return explicit
    value = os.environ.get(ENV_PREFIX + name.upper())
    if value:
        return value
    return default


def default_db_url() -> str:
    """The embedded default: ``sqlite:///<user data dir>/ledger.sqlite``."""
    folder = Path(platformdirs.user_data_dir("lossledger", appauthor=False))
    return f"sqlite:///{folder / 'ledger.sqlite'}"


def resolve_db_url(explicit: str | None = None) -> str:
    """The database URL to use: ``--db`` > ``LOSSLEDGER_DB`` > the per-user SQLite file.

    A plain path (no ``://``) is taken as an SQLite file.
    """
    url = setting("db", explicit) or default_db_url()
    if "://" not in url:
        if not url.strip():
            raise ConfigError("empty database URL", code="config.db")
        url = f"sqlite:///{Path(url).expanduser().resolve()}"
    return url
