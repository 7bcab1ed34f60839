"""series_point, derived_state: the precomputed daily series (issue 12), filled at sync

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "series_point",
        sa.Column("source_id", sa.Integer(), nullable=False),
        sa.Column("metric", sa.String(length=64), nullable=False),
        sa.Column("report_date", sa.Date(), nullable=False),
        sa.Column("record", sa.Text(), nullable=False),
        sa.Column("lead", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(["source_id"], ["source.id"], name=op.f("fk_series_point_source_id_source")),
        sa.PrimaryKeyConstraint("source_id", "metric", "report_date", name=op.f("pk_series_point")),
    )
    op.create_table(
        "derived_state",
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("sync_id", sa.Integer(), nullable=False),
        sa.Column("built_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_derived_state")),
    )


def downgrade() -> None:
    op.drop_table("derived_state")
    op.drop_table("series_point")
