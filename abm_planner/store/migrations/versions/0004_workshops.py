"""Workshops, blind estimates, action items and plan snapshots

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25

The account-planning workshop is run in the app: who took part on which side, the
agenda, each side's blind estimates, the actions agreed, and named snapshots of the
plan kept inside the file. Decisions gain the workshop they were taken in, the
records they concern and their details (both estimates, the reason).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
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


def _indexes(table: str, *columns: str) -> None:
    with op.batch_alter_table(table, schema=None) as batch_op:
        for column in columns:
            batch_op.create_index(batch_op.f(f"ix_{table}_{column}"), [column], unique=False)


def _fk(table: str, column: str, target: str, ondelete: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        [column], [f"{target}.id"], name=op.f(f"fk_{table}_{column}_{target}"), ondelete=ondelete
    )


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("PRAGMA user_version = 4")
    op.create_table(
        "plan_snapshots",
        sa.Column("label", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("taken_at", sa.DateTime(), nullable=False),
        sa.Column("record_count", sa.Integer(), nullable=False),
        sa.Column("payload", sa.LargeBinary(), nullable=False),
        sa.Column("schema_revision", sa.Integer(), nullable=False),
        *_record_columns(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_plan_snapshots")),
        sa.UniqueConstraint("label", name=op.f("uq_plan_snapshots_label")),
    )
    op.create_table(
        "workshops",
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=True),
        sa.Column("ended_at", sa.DateTime(), nullable=True),
        sa.Column("start_snapshot_id", sa.Uuid(), nullable=True),
        sa.Column("end_snapshot_id", sa.Uuid(), nullable=True),
        *_record_columns(),
        _fk("workshops", "end_snapshot_id", "plan_snapshots", "SET NULL"),
        _fk("workshops", "start_snapshot_id", "plan_snapshots", "SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_workshops")),
    )
    op.create_table(
        "action_items",
        sa.Column("workshop_id", sa.Uuid(), nullable=True),
        sa.Column("account_id", sa.Uuid(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("owner_id", sa.Uuid(), nullable=True),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("linked", sa.Text(), nullable=False),
        *_record_columns(),
        _fk("action_items", "account_id", "accounts", "CASCADE"),
        _fk("action_items", "owner_id", "team_members", "SET NULL"),
        _fk("action_items", "workshop_id", "workshops", "SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_action_items")),
    )
    _indexes("action_items", "account_id", "owner_id", "workshop_id")
    op.create_table(
        "agenda_steps",
        sa.Column("workshop_id", sa.Uuid(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("step", sa.String(length=30), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("minutes", sa.Integer(), nullable=True),
        sa.Column("done", sa.Boolean(), nullable=False),
        *_record_columns(),
        _fk("agenda_steps", "workshop_id", "workshops", "CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agenda_steps")),
    )
    _indexes("agenda_steps", "workshop_id")
    op.create_table(
        "workshop_accounts",
        sa.Column("workshop_id", sa.Uuid(), nullable=False),
        sa.Column("account_id", sa.Uuid(), nullable=False),
        *_record_columns(),
        _fk("workshop_accounts", "account_id", "accounts", "CASCADE"),
        _fk("workshop_accounts", "workshop_id", "workshops", "CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_workshop_accounts")),
        sa.UniqueConstraint("workshop_id", "account_id", name="workshop_account"),
    )
    _indexes("workshop_accounts", "account_id", "workshop_id")
    op.create_table(
        "workshop_participants",
        sa.Column("workshop_id", sa.Uuid(), nullable=False),
        sa.Column("team_member_id", sa.Uuid(), nullable=True),
        sa.Column("side", sa.String(length=20), nullable=False),
        *_record_columns(),
        _fk("workshop_participants", "team_member_id", "team_members", "SET NULL"),
        _fk("workshop_participants", "workshop_id", "workshops", "CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_workshop_participants")),
        sa.UniqueConstraint("workshop_id", "team_member_id", name="workshop_member"),
    )
    _indexes("workshop_participants", "team_member_id", "workshop_id")
    op.create_table(
        "estimates",
        sa.Column("workshop_id", sa.Uuid(), nullable=False),
        sa.Column("side", sa.String(length=20), nullable=False),
        sa.Column("subject", sa.String(length=30), nullable=False),
        sa.Column("stakeholder_id", sa.Uuid(), nullable=True),
        sa.Column("account_id", sa.Uuid(), nullable=True),
        sa.Column("criterion_id", sa.Uuid(), nullable=True),
        sa.Column("value", sa.Float(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        *_record_columns(),
        _fk("estimates", "account_id", "accounts", "CASCADE"),
        _fk("estimates", "criterion_id", "criteria", "CASCADE"),
        _fk("estimates", "stakeholder_id", "stakeholders", "CASCADE"),
        _fk("estimates", "workshop_id", "workshops", "CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_estimates")),
    )
    _indexes("estimates", "account_id", "criterion_id", "stakeholder_id", "workshop_id")
    with op.batch_alter_table("decisions", schema=None) as batch_op:
        batch_op.add_column(sa.Column("workshop_id", sa.Uuid(), nullable=True))
        batch_op.add_column(sa.Column("linked", sa.Text(), nullable=False, server_default="[]"))
        batch_op.add_column(sa.Column("details", sa.Text(), nullable=False, server_default="{}"))
        batch_op.create_index(batch_op.f("ix_decisions_workshop_id"), ["workshop_id"], unique=False)
        batch_op.create_foreign_key(
            batch_op.f("fk_decisions_workshop_id_workshops"),
            "workshops",
            ["workshop_id"],
            ["id"],
            ondelete="SET NULL",
        )


def downgrade() -> None:
    with op.batch_alter_table("decisions", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_decisions_workshop_id_workshops"), type_="foreignkey"
        )
        batch_op.drop_index(batch_op.f("ix_decisions_workshop_id"))
        batch_op.drop_column("details")
        batch_op.drop_column("linked")
        batch_op.drop_column("workshop_id")
    for table in (
        "estimates",
        "workshop_participants",
        "workshop_accounts",
        "agenda_steps",
        "action_items",
        "workshops",
        "plan_snapshots",
    ):
        op.drop_table(table)
    if op.get_bind().dialect.name == "sqlite":
        op.execute("PRAGMA user_version = 3")
