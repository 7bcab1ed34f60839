"""ledger core: source, compilation, document, observation, sync_run, fetch_state

Revision ID: 0001
Revises:
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "compilation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("slug", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("license", sa.String(length=200), nullable=True),
        sa.Column("description", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_compilation")),
        sa.UniqueConstraint("slug", name=op.f("uq_compilation_slug")),
    )
    op.create_table(
        "document",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=600), nullable=False),
        sa.Column("uri", sa.Text(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=True),
        sa.Column("media_type", sa.String(length=100), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=True),
        sa.Column("retrieved_at", sa.DateTime(), nullable=True),
        sa.Column("parent_id", sa.Integer(), nullable=True),
        sa.Column("dataset", sa.String(length=100), nullable=True),
        sa.Column("snapshot", sa.String(length=200), nullable=True),
        sa.ForeignKeyConstraint(["parent_id"], ["document.id"], name=op.f("fk_document_parent_id_document")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_document")),
        sa.UniqueConstraint("key", name=op.f("uq_document_key")),
    )
    op.create_table(
        "fetch_state",
        sa.Column("url", sa.String(length=1000), nullable=False),
        sa.Column("etag", sa.String(length=300), nullable=True),
        sa.Column("last_modified", sa.String(length=100), nullable=True),
        sa.Column("sha256", sa.String(length=64), nullable=True),
        sa.Column("fetched_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("url", name=op.f("pk_fetch_state")),
    )
    op.create_table(
        "source",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("slug", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("description", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_source")),
        sa.UniqueConstraint("slug", name=op.f("uq_source_slug")),
    )
    op.create_table(
        "sync_run",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("finished_at", sa.DateTime(), nullable=True),
        sa.Column("origin", sa.Text(), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_run")),
    )
    op.create_table(
        "observation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("source_id", sa.Integer(), nullable=False),
        sa.Column("compilation_id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("sync_id", sa.Integer(), nullable=False),
        sa.Column("side", sa.String(length=16), nullable=False),
        sa.Column("metric", sa.String(length=64), nullable=False),
        sa.Column("category", sa.String(length=64), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("report_date", sa.Date(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("value", sa.BigInteger(), nullable=False),
        sa.Column("qualifier", sa.String(length=16), nullable=False),
        sa.Column("period_days", sa.Integer(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.Column("superseded_at", sa.DateTime(), nullable=True),
        # "=" and OR, not IN: SQLite builds an IN list's ephemeral table for every row (models.one_of).
        sa.CheckConstraint(
            "kind = 'total' OR kind = 'increase' OR kind = 'correction'", name=op.f("ck_observation_kind")
        ),
        sa.CheckConstraint(
            "qualifier = 'exact' OR qualifier = 'about' OR qualifier = 'more_than'",
            name=op.f("ck_observation_qualifier"),
        ),
        sa.CheckConstraint("side = 'russia' OR side = 'ukraine'", name=op.f("ck_observation_side")),
        sa.ForeignKeyConstraint(
            ["compilation_id"], ["compilation.id"], name=op.f("fk_observation_compilation_id_compilation")
        ),
        sa.ForeignKeyConstraint(["document_id"], ["document.id"], name=op.f("fk_observation_document_id_document")),
        sa.ForeignKeyConstraint(["source_id"], ["source.id"], name=op.f("fk_observation_source_id_source")),
        sa.ForeignKeyConstraint(["sync_id"], ["sync_run.id"], name=op.f("fk_observation_sync_id_sync_run")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_observation")),
    )
    with op.batch_alter_table("observation", schema=None) as batch_op:
        batch_op.create_index("ix_observation_series", ["source_id", "metric", "report_date"], unique=False)
        batch_op.create_index(
            "uq_observation_current",
            ["compilation_id", "source_id", "side", "metric", "category", "status", "kind", "report_date"],
            unique=True,
            sqlite_where=sa.text("superseded_at IS NULL"),
            postgresql_where=sa.text("superseded_at IS NULL"),
        )


def downgrade() -> None:
    with op.batch_alter_table("observation", schema=None) as batch_op:
        batch_op.drop_index(
            "uq_observation_current",
            sqlite_where=sa.text("superseded_at IS NULL"),
            postgresql_where=sa.text("superseded_at IS NULL"),
        )
        batch_op.drop_index("ix_observation_series")

    op.drop_table("observation")
    op.drop_table("sync_run")
    op.drop_table("source")
    op.drop_table("fetch_state")
    op.drop_table("document")
    op.drop_table("compilation")
