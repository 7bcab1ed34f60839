"""The ledger's tables.  Who reports (source), who transcribed it (compilation), what was read
(document) and what it said (observation) are kept apart, so every figure traces back to its
source document, compilation and date.

Nothing is overwritten: a value that changes in a later sync is a new observation; the old row
gets ``superseded_at`` (when it stopped being current) and stays queryable, which is what
"as known at" queries read.  All timestamps are UTC without tzinfo (portable across SQLite and
PostgreSQL).  Schema changes go through ``migrations/``; a test checks models and migrations agree.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy import (
    BigInteger,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

__all__ = [
    "Base",
    "Compilation",
    "DatasetState",
    "Document",
    "FetchState",
    "KINDS",
    "Observation",
    "QUALIFIERS",
    "RECORD_STATUSES",
    "DerivedState",
    "Record",
    "RecordLink",
    "RecordList",
    "RecordMerge",
    "RecordRejection",
    "SIDES",
    "SeriesPoint",
    "Source",
    "SyncRun",
    "metadata",
    "one_of",
]

metadata = MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "ck": "ck_%(table_name)s_%(constraint_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

#: total = cumulative since 2022-02-24; increase = over the last day (or period_days);
#: correction = the part of a day's change in a total that revises earlier counts
#: (PetroIvaniuk's corrections file), so that increase = Δtotal − correction.
KINDS = ("total", "increase", "correction")
QUALIFIERS = ("exact", "about", "more_than")
SIDES = ("russia", "ukraine")


def one_of(column: str, values: Sequence[str]) -> str:
    """A CHECK that ``column`` holds one of ``values``, spelt with ``=`` and ``OR``, not ``IN``.

    SQLite compiles ``IN ('a', 'b')`` inside a CHECK into an ephemeral b-tree that it builds
    again for every inserted row (``EXPLAIN INSERT``: OpenEphemeral + IdxInsert per value); the
    OR form is the same test without it.  Measured on the 67k observations of a full sync:
    executemany 0.57 → 0.33 s.

    >>> one_of("side", SIDES)
    "side = 'russia' OR side = 'ukraine'"
    """
    return " OR ".join(f"{column} = '{v}'" for v in values)


class Base(DeclarativeBase):
    metadata = metadata


class Source(Base):
    """Who reports a figure: the General Staff, Oryx, Mediazona/BBC, a government about itself…"""

    __tablename__ = "source"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    slug: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(32))  # claims | evidence | acknowledgement
    url: Mapped[str | None] = mapped_column(Text)
    description: Mapped[str] = mapped_column(Text, default="")


class Compilation(Base):
    """Who transcribed a source: PetroIvaniuk, orc-losses, russianwarship.rip, our own extraction…"""

    __tablename__ = "compilation"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    slug: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    url: Mapped[str | None] = mapped_column(Text)
    license: Mapped[str | None] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")


class Document(Base):
    """What was read: a file or page, by content (sha256) or, for a cited page we did not fetch,
    by URI.  ``parent_id`` links a cited page to the file that cited it (orc-losses' sourceUri)."""

    __tablename__ = "document"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(String(600), unique=True)  # "sha256:<hex>" or "uri:<uri>"
    uri: Mapped[str] = mapped_column(Text)
    sha256: Mapped[str | None] = mapped_column(String(64))
    media_type: Mapped[str] = mapped_column(String(100))
    size: Mapped[int | None] = mapped_column(BigInteger)
    retrieved_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("document.id"))
    dataset: Mapped[str | None] = mapped_column(String(100))
    snapshot: Mapped[str | None] = mapped_column(String(200))  # upstream commit (SNAPSHOT file)


class SyncRun(Base):
    """One run of ``sync`` (or of a single import): when, from where, what it did."""

    __tablename__ = "sync_run"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    started_at: Mapped[dt.datetime] = mapped_column(DateTime)
    finished_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    origin: Mapped[str] = mapped_column(Text)
    summary: Mapped[str] = mapped_column(Text, default="")  # JSON of the import reports


class Observation(Base):
    """One figure as one compilation transcribed it from one document."""

    __tablename__ = "observation"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("source.id"))
    compilation_id: Mapped[int] = mapped_column(ForeignKey("compilation.id"))
    document_id: Mapped[int] = mapped_column(ForeignKey("document.id"))
    sync_id: Mapped[int] = mapped_column(ForeignKey("sync_run.id"))
    side: Mapped[str] = mapped_column(String(16), default="russia")  # whose losses
    metric: Mapped[str] = mapped_column(String(64))
    # A source's own sub-series of the metric ('' = the metric itself): an Oryx equipment type,
    # Mediazona's 'named_deaths' / 'probate_estimate', 'killed' / 'wounded' / 'incident'.
    category: Mapped[str] = mapped_column(String(64), default="")
    status: Mapped[str] = mapped_column(String(16), default="")  # Oryx: destroyed|damaged|abandoned|captured
    report_date: Mapped[dt.date] = mapped_column(Date)
    kind: Mapped[str] = mapped_column(String(16))
    value: Mapped[int] = mapped_column(BigInteger)
    qualifier: Mapped[str] = mapped_column(String(16), default="exact")
    period_days: Mapped[int | None] = mapped_column(Integer)  # increases over a stated period
    note: Mapped[str | None] = mapped_column(Text)  # e.g. who stated an acknowledged figure
    recorded_at: Mapped[dt.datetime] = mapped_column(DateTime)
    superseded_at: Mapped[dt.datetime | None] = mapped_column(DateTime)

    __table_args__ = (
        CheckConstraint(one_of("kind", KINDS), name="kind"),
        CheckConstraint(one_of("qualifier", QUALIFIERS), name="qualifier"),
        CheckConstraint(one_of("side", SIDES), name="side"),
        # One current value per cell of a compilation; superseded rows are history.
        Index(
            "uq_observation_current",
            "compilation_id",
            "source_id",
            "side",
            "metric",
            "category",
            "status",
            "kind",
            "report_date",
            unique=True,
            sqlite_where=text("superseded_at IS NULL"),
            postgresql_where=text("superseded_at IS NULL"),
        ),
        Index("ix_observation_series", "source_id", "metric", "report_date"),
        # No index on recorded_at alone: every query that reads it (as-known-at, changes) also
        # narrows by source and metric, which ix_observation_series serves (EXPLAIN QUERY PLAN);
        # it cost 0.04 s of the 67k-row insert of a full sync.
    )


class FetchState(Base):
    """HTTP validators of the last fetch of a URL, so unchanged files are not reloaded."""

    __tablename__ = "fetch_state"
    url: Mapped[str] = mapped_column(String(1000), primary_key=True)
    etag: Mapped[str | None] = mapped_column(String(300))
    last_modified: Mapped[str | None] = mapped_column(String(100))
    sha256: Mapped[str | None] = mapped_column(String(64))
    fetched_at: Mapped[dt.datetime] = mapped_column(DateTime)


class DatasetState(Base):
    """The files of a dataset folder's latest import (a hash of their names and sha256 keys).

    ``sync`` skips a dataset only when its files are exactly these: files that are merely known
    (an older version of the folder) are imported again, so that the current figures are always
    those the latest sync of the dataset read, and a corrected file reverts a bad value."""

    __tablename__ = "dataset_state"
    dataset: Mapped[str] = mapped_column(String(100), primary_key=True)
    files_key: Mapped[str] = mapped_column(String(64))
    sync_id: Mapped[int] = mapped_column(ForeignKey("sync_run.id"))
    imported_at: Mapped[dt.datetime] = mapped_column(DateTime)


# --- Evidence registries (issue 7) ---------------------------------------------------------------
# A record is one confirmed item of a publisher's list: a person (anonymised: birth year, age,
# region, unit type, date of death or of its confirmation) or a piece of equipment (system,
# status, date recorded), always with its evidence links.  Records are never edited: a record
# whose content changes upstream is a new record (its key is a hash of its content) and the old
# one gets ``withdrawn_at``, as observations get ``superseded_at``.

#: Oryx's statuses of a lost item.
RECORD_STATUSES = ("destroyed", "damaged", "abandoned", "captured")


class RecordList(Base):
    """A registry of confirmed items as one publisher keeps it (named deaths, photographed losses).

    ``import_key`` names the input files of the latest import (a hash of their sha256 keys):
    the merges and rejections of that import are the list's current accounting, and
    ``rows_read`` = current records + current merges + current rejections."""

    __tablename__ = "record_list"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    slug: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(16))  # person | equipment
    source_id: Mapped[int] = mapped_column(ForeignKey("source.id"))
    compilation_id: Mapped[int] = mapped_column(ForeignKey("compilation.id"))
    description: Mapped[str] = mapped_column(Text, default="")
    import_key: Mapped[str | None] = mapped_column(String(64))
    imported_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    rows_read: Mapped[int] = mapped_column(Integer, default=0)  # by the latest import

    __table_args__ = (CheckConstraint(one_of("kind", ("person", "equipment")), name="kind"),)


class Record(Base):
    """One confirmed item of a list, with the place (document, line) it was read from."""

    __tablename__ = "record"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    list_id: Mapped[int] = mapped_column(ForeignKey("record_list.id"))
    key: Mapped[str] = mapped_column(String(64))  # sha256 of the record's canonical content
    external_id: Mapped[str | None] = mapped_column(String(100))  # the publisher's id (row id, Oryx matID)
    side: Mapped[str] = mapped_column(String(16), default="russia")  # whose loss
    date: Mapped[dt.date] = mapped_column(Date)  # of death or its confirmation; Oryx: recorded
    birth_year: Mapped[int | None] = mapped_column(Integer)
    age: Mapped[int | None] = mapped_column(Integer)
    region: Mapped[str | None] = mapped_column(String(100))
    region_code: Mapped[str | None] = mapped_column(String(16))
    unit_type: Mapped[str | None] = mapped_column(String(100))
    system: Mapped[str | None] = mapped_column(String(300))
    category: Mapped[str | None] = mapped_column(String(64))  # taxonomy [oryx.*] slug, when known
    status: Mapped[str | None] = mapped_column(String(16))
    origin: Mapped[str | None] = mapped_column(String(100))  # country of manufacture
    document_id: Mapped[int] = mapped_column(ForeignKey("document.id"))
    line: Mapped[int] = mapped_column(Integer)
    sync_id: Mapped[int] = mapped_column(ForeignKey("sync_run.id"))
    recorded_at: Mapped[dt.datetime] = mapped_column(DateTime)
    withdrawn_at: Mapped[dt.datetime | None] = mapped_column(DateTime)

    __table_args__ = (
        UniqueConstraint("list_id", "key"),
        CheckConstraint(one_of("side", SIDES), name="side"),
        CheckConstraint("status IS NULL OR " + one_of("status", RECORD_STATUSES), name="status"),
        # No (list_id, date) index: counts read a whole list anyway (≤ 40k rows), and each index
        # costs the sync's bulk insert of every record.
    )


class RecordLink(Base):
    """An evidence link of a record (an archived page, a photo), in the order the list gave them."""

    __tablename__ = "record_link"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    record_id: Mapped[int] = mapped_column(ForeignKey("record.id"))
    position: Mapped[int] = mapped_column(Integer)
    url: Mapped[str] = mapped_column(Text)
    host: Mapped[str] = mapped_column(String(200))

    # The unique (record_id, position) index also serves lookups by record.
    __table_args__ = (UniqueConstraint("record_id", "position"),)


class RecordMerge(Base):
    """A row of a list that is the same item as a record (a duplicate), and why."""

    __tablename__ = "record_merge"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    list_id: Mapped[int] = mapped_column(ForeignKey("record_list.id"))
    import_key: Mapped[str] = mapped_column(String(64))
    record_id: Mapped[int] = mapped_column(ForeignKey("record.id"))  # the record kept
    key: Mapped[str] = mapped_column(String(64))  # content key of the merged row
    external_id: Mapped[str | None] = mapped_column(String(100))
    reason: Mapped[str] = mapped_column(String(200))
    detail: Mapped[str] = mapped_column(Text, default="")
    document_id: Mapped[int] = mapped_column(ForeignKey("document.id"))
    line: Mapped[int] = mapped_column(Integer)
    sync_id: Mapped[int] = mapped_column(ForeignKey("sync_run.id"))

    __table_args__ = (UniqueConstraint("list_id", "import_key", "document_id", "line"),)


class RecordRejection(Base):
    """A row of a list that could not be a record (bad date, negative age, no evidence…), and why."""

    __tablename__ = "record_rejection"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    list_id: Mapped[int] = mapped_column(ForeignKey("record_list.id"))
    import_key: Mapped[str] = mapped_column(String(64))
    document_id: Mapped[int] = mapped_column(ForeignKey("document.id"))
    line: Mapped[int] = mapped_column(Integer)
    code: Mapped[str] = mapped_column(String(64))
    reason: Mapped[str] = mapped_column(Text)
    external_id: Mapped[str | None] = mapped_column(String(100))
    sync_id: Mapped[int] = mapped_column(ForeignKey("sync_run.id"))

    __table_args__ = (UniqueConstraint("list_id", "import_key", "document_id", "line"),)


class SeriesPoint(Base):
    """The current default series of every source and metric, one row per report date, precomputed
    at sync (ledger/daily.py) so a series request is one indexed range query, not a reconciliation.

    ``record`` is the row as ``Ledger.series`` gives it (frames.py), as JSON; ``lead`` is the same
    row when it is the first of the range asked for (``corrected`` then cannot compare with the day
    before), only where that differs.
    """

    __tablename__ = "series_point"
    source_id: Mapped[int] = mapped_column(ForeignKey("source.id"), primary_key=True)
    metric: Mapped[str] = mapped_column(String(64), primary_key=True)
    report_date: Mapped[dt.date] = mapped_column(Date, primary_key=True)
    record: Mapped[str] = mapped_column(Text)
    lead: Mapped[str | None] = mapped_column(Text)


class DerivedState(Base):
    """Which sync a table derived from the observations was last built at (``series_point``): it is
    current while no later sync has added observations."""

    __tablename__ = "derived_state"
    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    sync_id: Mapped[int] = mapped_column(Integer)
    built_at: Mapped[dt.datetime] = mapped_column(DateTime)
