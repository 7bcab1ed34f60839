"""dataset_state: the files each dataset's latest import read (issue 13)

A dataset is skipped by ``sync`` only when its files are exactly those of its latest import;
files that are merely known (an older version of the folder) are imported again, so a corrected
file reverts a bad value.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "dataset_state",
        sa.Column("dataset", sa.String(length=100), nullable=False),
        sa.Column("files_key", sa.String(length=64), nullable=False),
        sa.Column("sync_id", sa.Integer(), nullable=False),
        sa.Column("imported_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["sync_id"], ["sync_run.id"], name=op.f("fk_dataset_state_sync_id_sync_run")),
        sa.PrimaryKeyConstraint("dataset", name=op.f("pk_dataset_state")),
    )


def downgrade() -> None:
    op.drop_table("dataset_state")
