"""DMU map positions set by hand

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23

Positions a person drags stakeholders to on a DMU view are kept in the plan and win
over the automatic layout.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("PRAGMA user_version = 2")
    op.create_table(
        "node_positions",
        sa.Column("stakeholder_id", sa.Uuid(), nullable=False),
        sa.Column("view", sa.String(length=20), nullable=False),
        sa.Column("x", sa.Float(), nullable=False),
        sa.Column("y", sa.Float(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["stakeholder_id"],
            ["stakeholders.id"],
            name=op.f("fk_node_positions_stakeholder_id_stakeholders"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_node_positions")),
        sa.UniqueConstraint("stakeholder_id", "view", name="stakeholder_view"),
    )
    with op.batch_alter_table("node_positions", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_node_positions_stakeholder_id"),
            ["stakeholder_id"],
            unique=False,
        )


def downgrade() -> None:
    with op.batch_alter_table("node_positions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_node_positions_stakeholder_id"))
    op.drop_table("node_positions")
    if op.get_bind().dialect.name == "sqlite":
        op.execute("PRAGMA user_version = 1")
