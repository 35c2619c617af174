"""Account pipeline, revenue won, margin and pipeline source

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24

The shared metrics of the sales-marketing agreement need our own commercial figures
per account: ``annual_revenue`` is the customer's turnover and is not pipeline.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("PRAGMA user_version = 3")
    with op.batch_alter_table("accounts", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "pipeline_value",
                sa.Numeric(precision=18, scale=2, asdecimal=False),
                nullable=True,
            )
        )
        batch_op.add_column(
            sa.Column(
                "won_revenue",
                sa.Numeric(precision=18, scale=2, asdecimal=False),
                nullable=True,
            )
        )
        batch_op.add_column(sa.Column("expected_margin_pct", sa.Float(), nullable=True))
        batch_op.add_column(
            sa.Column(
                "pipeline_source",
                sa.String(length=30),
                nullable=False,
                server_default="",
            )
        )


def downgrade() -> None:
    with op.batch_alter_table("accounts", schema=None) as batch_op:
        batch_op.drop_column("pipeline_source")
        batch_op.drop_column("expected_margin_pct")
        batch_op.drop_column("won_revenue")
        batch_op.drop_column("pipeline_value")
    if op.get_bind().dialect.name == "sqlite":
        op.execute("PRAGMA user_version = 2")
