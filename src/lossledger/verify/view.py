"""What ``check`` reads of a ledger: one source's current observations at a time, by SQL.

The same SQL text (named parameters) runs through SQLAlchemy for any backend
(:meth:`LedgerView.from_ledger`) or, for an SQLite file, through the standard library's
``sqlite3`` (:meth:`LedgerView.open`): importing SQLAlchemy alone costs ~0.2 s on this machine,
and ``lossledger check`` must answer in 0.3 s.  Rows come back in the shape
:func:`~lossledger.ledger.points.build_points` takes, so checking reconciles exactly as ``show``
does.  A test checks both paths read identical rows.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..ledger.points import DEFAULT_CATEGORY, DEFAULT_SIDE, Point, RawRow, build_points, read_window, with_parts

if TYPE_CHECKING:
    from ..ledger import Ledger

__all__ = ["LedgerView"]

#: A source's current observations (its side and status bound by name; :meth:`LedgerView._current`).
_CURRENT = (
    "FROM observation o JOIN source s ON s.id = o.source_id JOIN compilation c ON c.id = o.compilation_id "
    "WHERE o.superseded_at IS NULL AND s.slug = :source AND o.side = :side AND o.status = :status"
)
#: The columns of :class:`~lossledger.ledger.points.RawRow`, in its order.
_SELECT = (
    "SELECT o.metric, o.kind, o.report_date, o.value, o.qualifier, o.document_id, o.id, c.slug, o.period_days, o.category "
    + _CURRENT
)
#: Any change to the current figures inserts observations (a revision inserts its new value),
#: so the newest sync and the newest observation identify the ledger's content.
_VERSION = "SELECT (SELECT max(id) FROM sync_run), (SELECT max(id) FROM observation)"
_CATEGORIES = "SELECT DISTINCT o.category FROM observation o JOIN source s ON s.id = o.source_id WHERE s.slug = :source AND o.superseded_at IS NULL"
_SOURCES = "SELECT slug FROM source"

Query = Callable[[str, dict[str, Any]], list[tuple[Any, ...]]]


class LedgerView:
    """Read-only access to a ledger's current observations, for checking articles."""

    def __init__(self, query: Query, *, url: str, iso_dates: bool, close: Callable[[], None] | None = None) -> None:
        self._query = query
        self.url = url
        self._iso = iso_dates  # sqlite3 binds and returns dates as ISO text
        self._close = close
        self._cache: dict[tuple[Any, ...], list[RawRow]] = {}
        self._dates: dict[Any, dt.date] = {}
        self._categories: dict[str, list[str]] = {}
        self.version = tuple(query(_VERSION, {})[0])
        self.sources = {row[0] for row in query(_SOURCES, {})}

    # --- opening -------------------------------------------------------------------------------

    @classmethod
    def from_ledger(cls, ledger: Ledger) -> LedgerView:
        """Read through the ledger's SQLAlchemy engine (any backend)."""
        from sqlalchemy import text

        engine = ledger.engine

        def query(sql: str, params: dict[str, Any]) -> list[tuple[Any, ...]]:
            with engine.connect() as conn:
                return [tuple(r) for r in conn.execute(text(sql), params).all()]

        return cls(query, url=ledger.url, iso_dates=False)

    @classmethod
    def open(cls, url: str | None = None) -> LedgerView:
        """The view of the ledger at ``url`` (``--db`` > $LOSSLEDGER_DB > per-user SQLite file).

        An SQLite ledger whose schema is current is read with ``sqlite3``; anything else (another
        backend, a ledger that needs migrating or does not exist yet) through :class:`Ledger`.
        """
        from ..config import resolve_db_url

        resolved = resolve_db_url(url)
        path = _sqlite_path(resolved)
        if path is not None and path.is_file():
            view = cls._sqlite(path, resolved)
            if view is not None:
                return view
        from ..ledger import Ledger

        return cls.from_ledger(Ledger.open(resolved, read_only=True))

    @classmethod
    def _sqlite(cls, path: Path, url: str) -> LedgerView | None:
        import sqlite3

        from ..store.migrations import HEAD
        from ..store.readonly import read_only_uri

        conn = sqlite3.connect(read_only_uri(path), uri=True, check_same_thread=False)
        try:
            version = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        except sqlite3.Error:
            version = None
        if version is None or version[0] != HEAD:
            conn.close()
            return None

        def query(sql: str, params: dict[str, Any]) -> list[tuple[Any, ...]]:
            return conn.execute(sql, params).fetchall()

        return cls(query, url=url, iso_dates=True, close=conn.close)

    def close(self) -> None:
        if self._close:
            self._close()

    # --- reading -------------------------------------------------------------------------------

    def _date(self, value: Any) -> dt.date:
        day = self._dates.get(value)
        if day is None:
            day = self._dates[value] = value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value)[:10])
        return day

    def _current(self, columns: str, source: str, status: str, category: str | None) -> tuple[str, dict[str, Any]]:
        """SQL selecting ``columns`` of ``source``'s current observations (its default side, and
        its default category unless one is given), with its parameters."""
        if category is None:
            category = DEFAULT_CATEGORY.get(source)
        sql = f"SELECT {columns} {_CURRENT}" if columns else _SELECT
        params: dict[str, Any] = {"source": source, "side": DEFAULT_SIDE.get(source, "russia"), "status": status}
        if category is not None:
            sql += " AND o.category = :category"
            params["category"] = category
        return sql, params

    def newest_total_date(self, source: str, metric: str, on: dt.date, category: str | None = None) -> dt.date | None:
        """The newest report date on or before ``on`` with a total of ``metric`` from ``source``."""
        sql, params = self._current("max(o.report_date)", source, "", category)
        sql += " AND o.metric = :metric AND o.kind = 'total' AND o.report_date <= :end"
        params.update(metric=metric, end=on.isoformat() if self._iso else on)
        found = self._query(sql, params)[0][0]
        return None if found is None else self._date(found)

    def categories(self, source: str) -> list[str]:
        """The categories of ``source`` (kept, like its rows: a view reads one ledger version)."""
        found = self._categories.get(source)
        if found is None:
            found = self._categories[source] = sorted(r[0] for r in self._query(_CATEGORIES, {"source": source}))
        return found

    def raw(
        self,
        source: str,
        *,
        metrics: list[str] | None = None,
        start: dt.date | None = None,
        end: dt.date | None = None,
        status: str = "",
        category: str | None = None,
    ) -> list[RawRow]:
        """Rows of ``source`` (its default side and category) in the shape of ``build_points``."""
        if category is None:
            category = DEFAULT_CATEGORY.get(source)
        wanted = tuple(sorted(with_parts(metrics))) if metrics else None
        key = (source, wanted, start, end, status, category)
        cached = self._cache.get(key)
        if cached is not None:
            return cached
        sql, params = self._current("", source, status, category)
        if wanted:
            names = [f"m{i}" for i in range(len(wanted))]
            sql += f" AND o.metric IN ({', '.join(':' + n for n in names)})"
            params.update(zip(names, wanted, strict=True))
        for name, bound, op in (("start", start, ">="), ("end", end, "<=")):
            if bound is not None:
                sql += f" AND o.report_date {op} :{name}"
                params[name] = bound.isoformat() if self._iso else bound
        rows = [
            RawRow(metric, kind, self._date(date), int(value), qualifier, doc, obs, comp, period, cat)
            for metric, kind, date, value, qualifier, doc, obs, comp, period, cat in self._query(sql, params)
        ]
        self._cache[key] = rows
        return rows

    def points(
        self, source: str, *, start: dt.date | None = None, end: dt.date | None = None, **kwargs: Any
    ) -> dict[str, dict[dt.date, Point]]:
        """Reconciled points of ``source`` within [start, end] (the reconciliation window is read around it)."""
        lo, hi = read_window(start, end)
        return build_points(
            self.raw(source, start=lo, end=hi, **kwargs),
            metrics=kwargs.get("metrics"),
            start=start,
            end=end,
            source=source,
        )

    def uris(self, ids: set[int]) -> dict[int, str]:
        """URIs of documents, by id."""
        if not ids:
            return {}
        names = {f"d{i}": doc for i, doc in enumerate(sorted(ids))}
        sql = f"SELECT id, uri FROM document WHERE id IN ({', '.join(':' + n for n in names)})"
        return {int(i): uri for i, uri in self._query(sql, names)}


def _sqlite_path(url: str) -> Path | None:
    prefix = "sqlite:///"
    if not url.startswith(prefix) or "?" in url:
        return None
    return Path(url[len(prefix) :])
