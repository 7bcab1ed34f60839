"""records: record_list, record, record_link, record_merge, record_rejection (evidence registries, issue 7)

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "record_list",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("slug", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("source_id", sa.Integer(), nullable=False),
        sa.Column("compilation_id", sa.Integer(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("import_key", sa.String(length=64), nullable=True),
        sa.Column("imported_at", sa.DateTime(), nullable=True),
        sa.Column("rows_read", sa.Integer(), nullable=False),
        sa.CheckConstraint("kind = 'person' OR kind = 'equipment'", name=op.f("ck_record_list_kind")),
        sa.ForeignKeyConstraint(
            ["compilation_id"], ["compilation.id"], name=op.f("fk_record_list_compilation_id_compilation")
        ),
        sa.ForeignKeyConstraint(["source_id"], ["source.id"], name=op.f("fk_record_list_source_id_source")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_record_list")),
        sa.UniqueConstraint("slug", name=op.f("uq_record_list_slug")),
    )
    op.create_table(
        "record",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("list_id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("external_id", sa.String(length=100), nullable=True),
        sa.Column("side", sa.String(length=16), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("birth_year", sa.Integer(), nullable=True),
        sa.Column("age", sa.Integer(), nullable=True),
        sa.Column("region", sa.String(length=100), nullable=True),
        sa.Column("region_code", sa.String(length=16), nullable=True),
        sa.Column("unit_type", sa.String(length=100), nullable=True),
        sa.Column("system", sa.String(length=300), nullable=True),
        sa.Column("category", sa.String(length=64), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=True),
        sa.Column("origin", sa.String(length=100), nullable=True),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("line", sa.Integer(), nullable=False),
        sa.Column("sync_id", sa.Integer(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.Column("withdrawn_at", sa.DateTime(), nullable=True),
        # "=" and OR, not IN: SQLite builds an IN list's ephemeral table for every row (models.one_of).
        sa.CheckConstraint("side = 'russia' OR side = 'ukraine'", name=op.f("ck_record_side")),
        sa.CheckConstraint(
            "status IS NULL OR status = 'destroyed' OR status = 'damaged' OR status = 'abandoned' "
            "OR status = 'captured'",
            name=op.f("ck_record_status"),
        ),
        sa.ForeignKeyConstraint(["document_id"], ["document.id"], name=op.f("fk_record_document_id_document")),
        sa.ForeignKeyConstraint(["list_id"], ["record_list.id"], name=op.f("fk_record_list_id_record_list")),
        sa.ForeignKeyConstraint(["sync_id"], ["sync_run.id"], name=op.f("fk_record_sync_id_sync_run")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_record")),
        sa.UniqueConstraint("list_id", "key", name=op.f("uq_record_list_id_key")),
    )

    op.create_table(
        "record_rejection",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("list_id", sa.Integer(), nullable=False),
        sa.Column("import_key", sa.String(length=64), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("line", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=64), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("external_id", sa.String(length=100), nullable=True),
        sa.Column("sync_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"], ["document.id"], name=op.f("fk_record_rejection_document_id_document")
        ),
        sa.ForeignKeyConstraint(["list_id"], ["record_list.id"], name=op.f("fk_record_rejection_list_id_record_list")),
        sa.ForeignKeyConstraint(["sync_id"], ["sync_run.id"], name=op.f("fk_record_rejection_sync_id_sync_run")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_record_rejection")),
        sa.UniqueConstraint(
            "list_id",
            "import_key",
            "document_id",
            "line",
            name=op.f("uq_record_rejection_list_id_import_key_document_id_line"),
        ),
    )
    op.create_table(
        "record_link",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("record_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("host", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(["record_id"], ["record.id"], name=op.f("fk_record_link_record_id_record")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_record_link")),
        sa.UniqueConstraint("record_id", "position", name=op.f("uq_record_link_record_id_position")),
    )

    op.create_table(
        "record_merge",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("list_id", sa.Integer(), nullable=False),
        sa.Column("import_key", sa.String(length=64), nullable=False),
        sa.Column("record_id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("external_id", sa.String(length=100), nullable=True),
        sa.Column("reason", sa.String(length=200), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("line", sa.Integer(), nullable=False),
        sa.Column("sync_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["document_id"], ["document.id"], name=op.f("fk_record_merge_document_id_document")),
        sa.ForeignKeyConstraint(["list_id"], ["record_list.id"], name=op.f("fk_record_merge_list_id_record_list")),
        sa.ForeignKeyConstraint(["record_id"], ["record.id"], name=op.f("fk_record_merge_record_id_record")),
        sa.ForeignKeyConstraint(["sync_id"], ["sync_run.id"], name=op.f("fk_record_merge_sync_id_sync_run")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_record_merge")),
        sa.UniqueConstraint(
            "list_id",
            "import_key",
            "document_id",
            "line",
            name=op.f("uq_record_merge_list_id_import_key_document_id_line"),
        ),
    )


def downgrade() -> None:
    op.drop_table("record_merge")

    op.drop_table("record_link")
    op.drop_table("record_rejection")

    op.drop_table("record")
    op.drop_table("record_list")
