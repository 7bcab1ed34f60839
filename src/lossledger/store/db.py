"""Engine, transactions and migrations, the same on SQLite and PostgreSQL.

``connect(url)`` returns an engine whose schema is at the newest migration (running Alembic when
it is not); ``transaction(engine)`` is one atomic unit: everything inside commits together or not
at all, which is how a failed import leaves the ledger exactly as it was.

A PostgreSQL server that accepts connections but never answers must not hold a command: every
connection has a connect timeout and a statement timeout (``LOSSLEDGER_DB_CONNECT_TIMEOUT``,
``LOSSLEDGER_DB_STATEMENT_TIMEOUT``, in seconds; a value the URL itself gives wins), and TCP
keepalives so that a server gone mid-command is noticed.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError, SQLAlchemyError

from ..config import setting
from ..errors import ConfigError, NotFound, StoreError
from .migrations import HEAD
from .readonly import read_only_uri, writable

__all__ = [
    "HEAD",
    "SYNC_LOCK",
    "bulk_cache",
    "connect",
    "downgrade",
    "head_revision",
    "lock_for_sync",
    "migrate",
    "transaction",
]

MIGRATIONS = Path(__file__).with_name("migrations")


def _normalise(url: str) -> str:
    if url.startswith("postgresql://") or url.startswith("postgres://"):
        url = "postgresql+psycopg://" + url.split("://", 1)[1]
    return url


def _sqlite_pragmas(engine: Engine, *, read_only: bool = False) -> None:
    # pysqlite's own transaction handling defers BEGIN and breaks transactional DDL; the SQLAlchemy
    # docs' recipe ("Serializable isolation / Savepoints / Transactional DDL") takes control of it.
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        if not read_only:  # these write the file's header; a read-only open keeps what it finds
            # 16 KiB pages for a new file (a no-op once the file exists): a full sync's bulk insert
            # (190k rows) is 0.08–0.13 s faster than with the default 4 KiB, and the file's queries
            # (show, series, changes, records count, export) are as fast or faster (measured).
            cur.execute("PRAGMA page_size=16384")
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=NORMAL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA busy_timeout=10000")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        conn.exec_driver_sql("BEGIN")


def _sqlite_file(parsed: Any) -> Path | None:
    """The file of an SQLite URL (None: in memory, or already a ``file:`` URI)."""
    name = parsed.database
    if not name or name == ":memory:" or name.startswith("file:"):
        return None
    return Path(name).expanduser()


def _prepare_sqlite(parsed: Any, read_only: bool) -> Any:
    """Create the folder of a new ledger, or point a read-only open at the file's ``mode=ro`` URI."""
    path = _sqlite_file(parsed)
    if path is None:
        return parsed
    if read_only:
        if not path.is_file():
            raise NotFound(f"no ledger at {path} (`lossledger sync` creates one)", code="store.missing")
        return parsed.set(database=read_only_uri(path), query={"uri": "true"})
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        reason = str(exc.strerror or exc)
        if "read-only" not in reason.lower() and not writable(path):
            reason += ": the folder is read-only here"
        raise StoreError(f"cannot create the ledger {path}: {reason}", code="store.create") from None
    return parsed


#: Defaults of the PostgreSQL timeouts, in seconds (a full sync's longest statement takes ~2 s).
CONNECT_TIMEOUT = 10
STATEMENT_TIMEOUT = 300


def _seconds(name: str, default: int) -> float:
    raw = setting(name, None, str(default)) or str(default)
    try:
        value = float(raw)
    except ValueError:
        raise ConfigError(
            f"LOSSLEDGER_{name.upper()}: not a number of seconds: {raw!r}", code="config.timeout"
        ) from None
    if value <= 0:
        raise ConfigError(f"LOSSLEDGER_{name.upper()}: must be positive: {raw!r}", code="config.timeout")
    return value


def _postgres_args(parsed: Any, read_only: bool) -> dict[str, Any]:
    """libpq parameters: timeouts, keepalives, read-only transactions — those the URL lacks."""
    options = [f"-c statement_timeout={int(_seconds('db_statement_timeout', STATEMENT_TIMEOUT) * 1000)}"]
    if read_only:
        options.append("-c default_transaction_read_only=on")
    wanted: dict[str, Any] = {
        "connect_timeout": max(1, round(_seconds("db_connect_timeout", CONNECT_TIMEOUT))),
        "keepalives": 1,
        "keepalives_idle": 30,
        "keepalives_interval": 10,
        "keepalives_count": 3,
        "options": " ".join(options),
    }
    given = dict(parsed.query)
    if "options" in given:  # after ours: PostgreSQL takes the last of a setting given twice
        wanted["options"] += f" {given['options']}"
    return {k: v for k, v in wanted.items() if k not in given or k == "options"}


def create(url: str, *, read_only: bool = False) -> Engine:
    """An engine for ``url`` (no migration).  SQLite parent folders are created, unless
    ``read_only``: then the file must exist and is opened read-only (PostgreSQL: read-only
    transactions)."""
    url = _normalise(url)
    try:
        parsed = make_url(url)
    except Exception as exc:
        raise ConfigError(f"invalid database URL {url!r}: {exc}", code="config.db") from None
    kwargs: dict[str, Any] = {}
    if parsed.get_backend_name() == "sqlite":
        parsed = _prepare_sqlite(parsed, read_only)
    else:
        kwargs["pool_pre_ping"] = True
        if parsed.get_backend_name() == "postgresql":
            kwargs["connect_args"] = _postgres_args(parsed, read_only)
    try:
        engine = create_engine(parsed, **kwargs)
    except Exception as exc:  # unknown dialect, missing driver
        raise ConfigError(
            f"cannot use database URL {parsed.render_as_string(hide_password=True)}: {exc}", code="config.db"
        ) from None
    if parsed.get_backend_name() == "sqlite":
        _sqlite_pragmas(engine, read_only=read_only)
    _typed_errors(engine)
    return engine


def _typed_errors(engine: Engine) -> None:
    """A database that fails while answering (a timeout, a lost connection, a lock, read-only
    media) raises :class:`StoreError`, so reads that fail are rendered like any other error."""

    @event.listens_for(engine, "handle_error")
    def _on_error(context: Any) -> None:
        if getattr(context, "is_pre_ping", False):  # the pool reconnects by itself
            return
        if context.is_disconnect or isinstance(context.sqlalchemy_exception, OperationalError):
            raise StoreError(f"database error: {_reason(context.original_exception, engine)}", code="store.query")


def _reason(exc: BaseException, engine: Engine) -> str:
    """The first line of a database error, saying so when the ledger is read-only."""
    reason = f"{exc.__class__.__name__}: {(str(exc).splitlines() or [''])[0]}"
    path = _sqlite_file(engine.url)
    lowered = reason.lower()
    if "database is locked" in lowered:
        return f"the ledger is locked by another writer: another sync is running ({reason})"
    if (
        "terminating connection" in lowered
        or "server closed the connection" in lowered
        or "connection is lost" in lowered
    ):
        return f"the connection to the database was lost ({reason})"
    if "readonly" in lowered or "read-only" in lowered or (path is not None and path.exists() and not writable(path)):
        return f"the ledger is read-only here, only commands that read can use it ({reason})"
    return reason


def head_revision() -> str:
    """The newest migration's revision id, as Alembic computes it from migrations/versions."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory(str(MIGRATIONS)).get_current_head()
    assert head is not None
    return head


def _alembic_config(conn: Connection) -> Any:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["connection"] = conn
    return cfg


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def migrate(engine: Engine, revision: str = "head") -> None:
    """Bring the schema to ``revision`` (default: the newest) inside one transaction."""
    from alembic import command

    with engine.begin() as conn:
        command.upgrade(_alembic_config(conn), revision)


def downgrade(engine: Engine, revision: str = "base") -> None:
    """Take the schema back to ``revision`` (default: empty) inside one transaction."""
    from alembic import command

    with engine.begin() as conn:
        command.downgrade(_alembic_config(conn), revision)


def connect(url: str, *, upgrade: bool = True, read_only: bool = False) -> Engine:
    """An engine for ``url`` whose schema is current; :class:`StoreError` if the database is unusable.

    ``read_only``: for commands that only read — nothing is created, migrated or written (an
    older schema is read as it is), so a ledger on read-only media can be queried."""
    engine = create(url, read_only=read_only)
    try:
        revision = current_revision(engine)
        if read_only and revision is None:
            raise NotFound(
                f"{engine.url.render_as_string(hide_password=True)} holds no ledger yet (`lossledger sync` creates one)",
                code="store.missing",
            )
        if upgrade and not read_only and revision != HEAD:
            migrate(engine)
    except (SQLAlchemyError, StoreError) as exc:
        engine.dispose()
        reason = exc.message.removeprefix("database error: ") if isinstance(exc, StoreError) else _reason(exc, engine)
        raise StoreError(
            f"cannot open ledger {engine.url.render_as_string(hide_password=True)}: {reason}", code="store.open"
        ) from None
    except NotFound:
        engine.dispose()
        raise
    return engine


@contextmanager
def transaction(engine: Engine) -> Iterator[Connection]:
    """One atomic unit of work; database errors surface as :class:`StoreError`."""
    try:
        with engine.begin() as conn:
            yield conn
    except (SQLAlchemyError, StoreError) as exc:
        if isinstance(exc, StoreError) and exc.code != "store.query":
            raise
        reason = exc.message.removeprefix("database error: ") if isinstance(exc, StoreError) else _reason(exc, engine)
        raise StoreError(
            f"database error, nothing of this transaction was committed: {reason}", code="store.write"
        ) from None


#: The advisory lock a sync holds for its transaction on PostgreSQL ("lossledg" as a 64-bit integer).
SYNC_LOCK = 0x6C6F73736C656467


def lock_for_sync(conn: Connection) -> None:
    """Take the ledger's sync lock for the current transaction, or fail saying another sync runs.

    Two syncs writing at once would both insert the sources of an empty ledger (a raw
    ``IntegrityError … uq_source_slug``) or revise each other's figures; the lock serialises them.
    SQLite serialises writers itself (the second waits ``busy_timeout``, then "database is
    locked", which :func:`transaction` words the same way)."""
    if conn.dialect.name != "postgresql":
        return
    if not conn.execute(text("SELECT pg_try_advisory_xact_lock(:key)"), {"key": SYNC_LOCK}).scalar():
        raise StoreError("another sync is running on this ledger: try again when it has finished", code="store.busy")


@contextmanager
def bulk_cache(conn: Connection, mib: int = 64) -> Iterator[None]:
    """A page cache of ``mib`` MiB on a SQLite connection while a bulk write runs (else a no-op).

    With the default 2 MiB, a full sync (a 36 MB file) spills pages to the WAL and reads them back
    as its random-keyed indexes grow; with 64 MiB a sync took 1.51–1.56 s instead of 1.55–1.59 s
    (min of 5 runs in one process, three rounds).  The connection's own size is restored afterwards.
    """
    if conn.dialect.name != "sqlite":
        yield
        return
    before = int(conn.exec_driver_sql("PRAGMA cache_size").scalar_one())
    conn.exec_driver_sql(f"PRAGMA cache_size=-{mib * 1024}")
    try:
        yield
    finally:
        with suppress(SQLAlchemyError):  # a broken connection must not hide the error that broke it
            conn.exec_driver_sql(f"PRAGMA cache_size={before}")
