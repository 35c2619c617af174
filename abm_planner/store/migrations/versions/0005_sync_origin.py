"""Offline copies of a team plan: where they came from and the last shared state

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-26

A plan file copied from a team database remembers the server (without password) and,
per table, the records both sides last agreed on, so ``abm-planner sync`` can merge
the offline edits and the team's edits three ways. Both tables stay in the file:
copies and syncs never send them to a server.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def _record_columns() -> list[sa.Column]:
    """The identity, timestamps and version every record carries."""
    return [
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
    ]


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("PRAGMA user_version = 5")
    op.create_table(
        "sync_origin",
        sa.Column("origin", sa.Text(), nullable=False),
        sa.Column("plan_id", sa.String(length=36), nullable=False),
        sa.Column("copied_at", sa.DateTime(), nullable=False),
        sa.Column("synced_at", sa.DateTime(), nullable=True),
        sa.Column("schema_revision", sa.Integer(), nullable=False),
        sa.Column("base_records", sa.Integer(), nullable=False),
        *_record_columns(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_origin")),
    )
    op.create_table(
        "sync_base",
        sa.Column("table_name", sa.String(length=100), nullable=False),
        sa.Column("row_count", sa.Integer(), nullable=False),
        sa.Column("payload", sa.LargeBinary(), nullable=False),
        *_record_columns(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_base")),
        sa.UniqueConstraint("table_name", name=op.f("uq_sync_base_table_name")),
    )


def downgrade() -> None:
    op.drop_table("sync_base")
    op.drop_table("sync_origin")
    if op.get_bind().dialect.name == "sqlite":
        op.execute("PRAGMA user_version = 4")
