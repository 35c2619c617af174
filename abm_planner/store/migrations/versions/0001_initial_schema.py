"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-23

The first plan schema: accounts, DMU, plays, agreement and the decision log.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("PRAGMA user_version = 1")
    op.create_table(
        "criteria",
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("weight", sa.Float(), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_criteria")),
    )
    op.create_table(
        "lead_criteria",
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_lead_criteria")),
    )
    op.create_table(
        "solutions",
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_solutions")),
    )
    op.create_table(
        "team_members",
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("email", sa.String(length=320), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("function", sa.String(length=20), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_team_members")),
    )
    with op.batch_alter_table("team_members", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_team_members_name"), ["name"], unique=False
        )

    op.create_table(
        "vocabulary_terms",
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("key", sa.String(length=80), nullable=False),
        sa.Column("label", sa.String(length=200), nullable=False),
        sa.Column("value", sa.Integer(), nullable=True),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_vocabulary_terms")),
        sa.UniqueConstraint("kind", "key", name="kind_key"),
    )
    with op.batch_alter_table("vocabulary_terms", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_vocabulary_terms_kind"), ["kind"], unique=False
        )

    op.create_table(
        "accounts",
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("crm_id", sa.String(length=100), nullable=False),
        sa.Column("industry_id", sa.Uuid(), nullable=True),
        sa.Column("region", sa.String(length=100), nullable=False),
        sa.Column("country", sa.String(length=100), nullable=False),
        sa.Column("website", sa.String(length=300), nullable=False),
        sa.Column(
            "annual_revenue",
            sa.Numeric(precision=18, scale=2, asdecimal=False),
            nullable=True,
        ),
        sa.Column("employees", sa.Integer(), nullable=True),
        sa.Column("tier_id", sa.Uuid(), nullable=True),
        sa.Column("stage_id", sa.Uuid(), nullable=True),
        sa.Column("sales_owner_id", sa.Uuid(), nullable=True),
        sa.Column("marketing_owner_id", sa.Uuid(), nullable=True),
        sa.Column("fit_score", sa.Float(), nullable=True),
        sa.Column("needs", sa.Text(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("handed_off_on", sa.Date(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["industry_id"],
            ["vocabulary_terms.id"],
            name=op.f("fk_accounts_industry_id_vocabulary_terms"),
        ),
        sa.ForeignKeyConstraint(
            ["marketing_owner_id"],
            ["team_members.id"],
            name=op.f("fk_accounts_marketing_owner_id_team_members"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["sales_owner_id"],
            ["team_members.id"],
            name=op.f("fk_accounts_sales_owner_id_team_members"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["stage_id"],
            ["vocabulary_terms.id"],
            name=op.f("fk_accounts_stage_id_vocabulary_terms"),
        ),
        sa.ForeignKeyConstraint(
            ["tier_id"],
            ["vocabulary_terms.id"],
            name=op.f("fk_accounts_tier_id_vocabulary_terms"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_accounts")),
    )
    with op.batch_alter_table("accounts", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_accounts_crm_id"), ["crm_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_accounts_industry_id"), ["industry_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_accounts_marketing_owner_id"),
            ["marketing_owner_id"],
            unique=False,
        )
        batch_op.create_index(batch_op.f("ix_accounts_name"), ["name"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_accounts_sales_owner_id"), ["sales_owner_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_accounts_stage_id"), ["stage_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_accounts_tier_id"), ["tier_id"], unique=False
        )

    op.create_table(
        "plan_settings",
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("handoff_from_id", sa.Uuid(), nullable=True),
        sa.Column("handoff_to_id", sa.Uuid(), nullable=True),
        sa.Column("touch_threshold", sa.Integer(), nullable=False),
        sa.Column("max_touches_per_week", sa.Integer(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["handoff_from_id"],
            ["vocabulary_terms.id"],
            name=op.f("fk_plan_settings_handoff_from_id_vocabulary_terms"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["handoff_to_id"],
            ["vocabulary_terms.id"],
            name=op.f("fk_plan_settings_handoff_to_id_vocabulary_terms"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_plan_settings")),
    )
    op.create_table(
        "play_templates",
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("play_type_id", sa.Uuid(), nullable=True),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("trigger", sa.Text(), nullable=False),
        sa.Column("steps", sa.Text(), nullable=False),
        sa.Column("success_criteria", sa.Text(), nullable=False),
        sa.Column("lead_function", sa.String(length=20), nullable=False),
        sa.Column("typical_touches", sa.Integer(), nullable=False),
        sa.Column("duration_days", sa.Integer(), nullable=False),
        sa.Column(
            "cost", sa.Numeric(precision=14, scale=2, asdecimal=False), nullable=True
        ),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["play_type_id"],
            ["vocabulary_terms.id"],
            name=op.f("fk_play_templates_play_type_id_vocabulary_terms"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_play_templates")),
        sa.UniqueConstraint("name", name=op.f("uq_play_templates_name")),
    )
    op.create_table(
        "tier_rules",
        sa.Column("tier_id", sa.Uuid(), nullable=False),
        sa.Column("min_fit_score", sa.Float(), nullable=False),
        sa.Column("lead_function", sa.String(length=20), nullable=False),
        sa.Column("service_level", sa.Text(), nullable=False),
        sa.Column("allowed_play_types", sa.Text(), nullable=False),
        sa.Column("rules", sa.Text(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["tier_id"],
            ["vocabulary_terms.id"],
            name=op.f("fk_tier_rules_tier_id_vocabulary_terms"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tier_rules")),
        sa.UniqueConstraint("tier_id", name=op.f("uq_tier_rules_tier_id")),
    )
    op.create_table(
        "account_lead_checks",
        sa.Column("account_id", sa.Uuid(), nullable=False),
        sa.Column("lead_criterion_id", sa.Uuid(), nullable=False),
        sa.Column("met", sa.Boolean(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["accounts.id"],
            name=op.f("fk_account_lead_checks_account_id_accounts"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["lead_criterion_id"],
            ["lead_criteria.id"],
            name=op.f("fk_account_lead_checks_lead_criterion_id_lead_criteria"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_account_lead_checks")),
        sa.UniqueConstraint("account_id", "lead_criterion_id", name="account_item"),
    )
    with op.batch_alter_table("account_lead_checks", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_account_lead_checks_account_id"),
            ["account_id"],
            unique=False,
        )
        batch_op.create_index(
            batch_op.f("ix_account_lead_checks_lead_criterion_id"),
            ["lead_criterion_id"],
            unique=False,
        )

    op.create_table(
        "criterion_scores",
        sa.Column("account_id", sa.Uuid(), nullable=False),
        sa.Column("criterion_id", sa.Uuid(), nullable=False),
        sa.Column("score", sa.Integer(), nullable=False),
        sa.Column("justification", sa.Text(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["accounts.id"],
            name=op.f("fk_criterion_scores_account_id_accounts"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["criterion_id"],
            ["criteria.id"],
            name=op.f("fk_criterion_scores_criterion_id_criteria"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_criterion_scores")),
        sa.UniqueConstraint("account_id", "criterion_id", name="account_criterion"),
    )
    with op.batch_alter_table("criterion_scores", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_criterion_scores_account_id"), ["account_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_criterion_scores_criterion_id"),
            ["criterion_id"],
            unique=False,
        )

    op.create_table(
        "decisions",
        sa.Column("account_id", sa.Uuid(), nullable=True),
        sa.Column("decided_on", sa.Date(), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("decided_by", sa.String(length=300), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["accounts.id"],
            name=op.f("fk_decisions_account_id_accounts"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_decisions")),
    )
    with op.batch_alter_table("decisions", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_decisions_account_id"), ["account_id"], unique=False
        )

    op.create_table(
        "play_assignments",
        sa.Column("account_id", sa.Uuid(), nullable=False),
        sa.Column("template_id", sa.Uuid(), nullable=True),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("lead_function", sa.String(length=20), nullable=False),
        sa.Column("sales_owner_id", sa.Uuid(), nullable=True),
        sa.Column("marketing_owner_id", sa.Uuid(), nullable=True),
        sa.Column("start_on", sa.Date(), nullable=True),
        sa.Column("end_on", sa.Date(), nullable=True),
        sa.Column(
            "budget", sa.Numeric(precision=14, scale=2, asdecimal=False), nullable=True
        ),
        sa.Column("status_id", sa.Uuid(), nullable=True),
        sa.Column("expected_touches", sa.Integer(), nullable=False),
        sa.Column("outcome", sa.Text(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["accounts.id"],
            name=op.f("fk_play_assignments_account_id_accounts"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["marketing_owner_id"],
            ["team_members.id"],
            name=op.f("fk_play_assignments_marketing_owner_id_team_members"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["sales_owner_id"],
            ["team_members.id"],
            name=op.f("fk_play_assignments_sales_owner_id_team_members"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["status_id"],
            ["vocabulary_terms.id"],
            name=op.f("fk_play_assignments_status_id_vocabulary_terms"),
        ),
        sa.ForeignKeyConstraint(
            ["template_id"],
            ["play_templates.id"],
            name=op.f("fk_play_assignments_template_id_play_templates"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_play_assignments")),
    )
    with op.batch_alter_table("play_assignments", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_play_assignments_account_id"), ["account_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_play_assignments_marketing_owner_id"),
            ["marketing_owner_id"],
            unique=False,
        )
        batch_op.create_index(
            batch_op.f("ix_play_assignments_sales_owner_id"),
            ["sales_owner_id"],
            unique=False,
        )
        batch_op.create_index(
            batch_op.f("ix_play_assignments_start_on"), ["start_on"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_play_assignments_status_id"), ["status_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_play_assignments_template_id"), ["template_id"], unique=False
        )

    op.create_table(
        "play_template_roles",
        sa.Column("template_id", sa.Uuid(), nullable=False),
        sa.Column("role_id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["role_id"],
            ["vocabulary_terms.id"],
            name=op.f("fk_play_template_roles_role_id_vocabulary_terms"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["template_id"],
            ["play_templates.id"],
            name=op.f("fk_play_template_roles_template_id_play_templates"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "template_id", "role_id", name=op.f("pk_play_template_roles")
        ),
    )
    op.create_table(
        "play_template_stages",
        sa.Column("template_id", sa.Uuid(), nullable=False),
        sa.Column("stage_id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["stage_id"],
            ["vocabulary_terms.id"],
            name=op.f("fk_play_template_stages_stage_id_vocabulary_terms"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["template_id"],
            ["play_templates.id"],
            name=op.f("fk_play_template_stages_template_id_play_templates"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "template_id", "stage_id", name=op.f("pk_play_template_stages")
        ),
    )
    op.create_table(
        "stakeholders",
        sa.Column("account_id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("crm_id", sa.String(length=100), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("department", sa.String(length=200), nullable=False),
        sa.Column("email", sa.String(length=320), nullable=False),
        sa.Column("phone", sa.String(length=100), nullable=False),
        sa.Column("attitude_id", sa.Uuid(), nullable=True),
        sa.Column("influence_id", sa.Uuid(), nullable=True),
        sa.Column("inner_circle", sa.Boolean(), nullable=False),
        sa.Column("coverage_id", sa.Uuid(), nullable=True),
        sa.Column("relationship_id", sa.Uuid(), nullable=True),
        sa.Column("sales_owner_id", sa.Uuid(), nullable=True),
        sa.Column("marketing_owner_id", sa.Uuid(), nullable=True),
        sa.Column("needs", sa.Text(), nullable=False),
        sa.Column("priorities", sa.Text(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["accounts.id"],
            name=op.f("fk_stakeholders_account_id_accounts"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["attitude_id"],
            ["vocabulary_terms.id"],
            name=op.f("fk_stakeholders_attitude_id_vocabulary_terms"),
        ),
        sa.ForeignKeyConstraint(
            ["coverage_id"],
            ["vocabulary_terms.id"],
            name=op.f("fk_stakeholders_coverage_id_vocabulary_terms"),
        ),
        sa.ForeignKeyConstraint(
            ["influence_id"],
            ["vocabulary_terms.id"],
            name=op.f("fk_stakeholders_influence_id_vocabulary_terms"),
        ),
        sa.ForeignKeyConstraint(
            ["marketing_owner_id"],
            ["team_members.id"],
            name=op.f("fk_stakeholders_marketing_owner_id_team_members"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["relationship_id"],
            ["vocabulary_terms.id"],
            name=op.f("fk_stakeholders_relationship_id_vocabulary_terms"),
        ),
        sa.ForeignKeyConstraint(
            ["sales_owner_id"],
            ["team_members.id"],
            name=op.f("fk_stakeholders_sales_owner_id_team_members"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stakeholders")),
    )
    with op.batch_alter_table("stakeholders", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_stakeholders_account_id"), ["account_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_stakeholders_crm_id"), ["crm_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_stakeholders_marketing_owner_id"),
            ["marketing_owner_id"],
            unique=False,
        )
        batch_op.create_index(
            batch_op.f("ix_stakeholders_name"), ["name"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_stakeholders_sales_owner_id"),
            ["sales_owner_id"],
            unique=False,
        )

    op.create_table(
        "whitespace",
        sa.Column("account_id", sa.Uuid(), nullable=False),
        sa.Column("solution_id", sa.Uuid(), nullable=False),
        sa.Column("status_id", sa.Uuid(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["accounts.id"],
            name=op.f("fk_whitespace_account_id_accounts"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["solution_id"],
            ["solutions.id"],
            name=op.f("fk_whitespace_solution_id_solutions"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["status_id"],
            ["vocabulary_terms.id"],
            name=op.f("fk_whitespace_status_id_vocabulary_terms"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_whitespace")),
        sa.UniqueConstraint("account_id", "solution_id", name="account_solution"),
    )
    with op.batch_alter_table("whitespace", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_whitespace_account_id"), ["account_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_whitespace_solution_id"), ["solution_id"], unique=False
        )

    op.create_table(
        "objectives",
        sa.Column("account_id", sa.Uuid(), nullable=True),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("metric", sa.String(length=200), nullable=False),
        sa.Column("target", sa.Float(), nullable=True),
        sa.Column("actual", sa.Float(), nullable=True),
        sa.Column("unit", sa.String(length=40), nullable=False),
        sa.Column("owner_id", sa.Uuid(), nullable=True),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.Column("status_id", sa.Uuid(), nullable=True),
        sa.Column("stakeholder_id", sa.Uuid(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["accounts.id"],
            name=op.f("fk_objectives_account_id_accounts"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["owner_id"],
            ["team_members.id"],
            name=op.f("fk_objectives_owner_id_team_members"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["stakeholder_id"],
            ["stakeholders.id"],
            name=op.f("fk_objectives_stakeholder_id_stakeholders"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["status_id"],
            ["vocabulary_terms.id"],
            name=op.f("fk_objectives_status_id_vocabulary_terms"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_objectives")),
    )
    with op.batch_alter_table("objectives", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_objectives_account_id"), ["account_id"], unique=False
        )

    op.create_table(
        "play_targets",
        sa.Column("assignment_id", sa.Uuid(), nullable=False),
        sa.Column("stakeholder_id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["assignment_id"],
            ["play_assignments.id"],
            name=op.f("fk_play_targets_assignment_id_play_assignments"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["stakeholder_id"],
            ["stakeholders.id"],
            name=op.f("fk_play_targets_stakeholder_id_stakeholders"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "assignment_id", "stakeholder_id", name=op.f("pk_play_targets")
        ),
    )
    with op.batch_alter_table("play_targets", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_play_targets_stakeholder_id"),
            ["stakeholder_id"],
            unique=False,
        )

    op.create_table(
        "stakeholder_lines",
        sa.Column("account_id", sa.Uuid(), nullable=False),
        sa.Column("source_id", sa.Uuid(), nullable=False),
        sa.Column("target_id", sa.Uuid(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("dotted", sa.Boolean(), nullable=False),
        sa.Column("strength", sa.Integer(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "kind IN ('reports_to', 'influences', 'conflicts_with')",
            name=op.f("ck_stakeholder_lines_line_kind"),
        ),
        sa.CheckConstraint(
            "source_id <> target_id", name=op.f("ck_stakeholder_lines_no_self_line")
        ),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["accounts.id"],
            name=op.f("fk_stakeholder_lines_account_id_accounts"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["source_id"],
            ["stakeholders.id"],
            name=op.f("fk_stakeholder_lines_source_id_stakeholders"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["target_id"],
            ["stakeholders.id"],
            name=op.f("fk_stakeholder_lines_target_id_stakeholders"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stakeholder_lines")),
    )
    with op.batch_alter_table("stakeholder_lines", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_stakeholder_lines_account_id"), ["account_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_stakeholder_lines_kind"), ["kind"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_stakeholder_lines_source_id"), ["source_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_stakeholder_lines_target_id"), ["target_id"], unique=False
        )

    op.create_table(
        "stakeholder_roles",
        sa.Column("stakeholder_id", sa.Uuid(), nullable=False),
        sa.Column("role_id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["role_id"],
            ["vocabulary_terms.id"],
            name=op.f("fk_stakeholder_roles_role_id_vocabulary_terms"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["stakeholder_id"],
            ["stakeholders.id"],
            name=op.f("fk_stakeholder_roles_stakeholder_id_stakeholders"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "stakeholder_id", "role_id", name=op.f("pk_stakeholder_roles")
        ),
    )
    with op.batch_alter_table("stakeholder_roles", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_stakeholder_roles_role_id"), ["role_id"], unique=False
        )

    op.create_table(
        "touches",
        sa.Column("account_id", sa.Uuid(), nullable=False),
        sa.Column("stakeholder_id", sa.Uuid(), nullable=True),
        sa.Column("assignment_id", sa.Uuid(), nullable=True),
        sa.Column("occurred_on", sa.Date(), nullable=False),
        sa.Column("channel_id", sa.Uuid(), nullable=True),
        sa.Column("by_member_id", sa.Uuid(), nullable=True),
        sa.Column("function", sa.String(length=20), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["accounts.id"],
            name=op.f("fk_touches_account_id_accounts"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["assignment_id"],
            ["play_assignments.id"],
            name=op.f("fk_touches_assignment_id_play_assignments"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["by_member_id"],
            ["team_members.id"],
            name=op.f("fk_touches_by_member_id_team_members"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["channel_id"],
            ["vocabulary_terms.id"],
            name=op.f("fk_touches_channel_id_vocabulary_terms"),
        ),
        sa.ForeignKeyConstraint(
            ["stakeholder_id"],
            ["stakeholders.id"],
            name=op.f("fk_touches_stakeholder_id_stakeholders"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_touches")),
    )
    with op.batch_alter_table("touches", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_touches_account_id"), ["account_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_touches_assignment_id"), ["assignment_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_touches_occurred_on"), ["occurred_on"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_touches_stakeholder_id"), ["stakeholder_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("touches", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_touches_stakeholder_id"))
        batch_op.drop_index(batch_op.f("ix_touches_occurred_on"))
        batch_op.drop_index(batch_op.f("ix_touches_assignment_id"))
        batch_op.drop_index(batch_op.f("ix_touches_account_id"))

    op.drop_table("touches")
    with op.batch_alter_table("stakeholder_roles", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_stakeholder_roles_role_id"))

    op.drop_table("stakeholder_roles")
    with op.batch_alter_table("stakeholder_lines", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_stakeholder_lines_target_id"))
        batch_op.drop_index(batch_op.f("ix_stakeholder_lines_source_id"))
        batch_op.drop_index(batch_op.f("ix_stakeholder_lines_kind"))
        batch_op.drop_index(batch_op.f("ix_stakeholder_lines_account_id"))

    op.drop_table("stakeholder_lines")
    with op.batch_alter_table("play_targets", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_play_targets_stakeholder_id"))

    op.drop_table("play_targets")
    with op.batch_alter_table("objectives", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_objectives_account_id"))

    op.drop_table("objectives")
    with op.batch_alter_table("whitespace", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_whitespace_solution_id"))
        batch_op.drop_index(batch_op.f("ix_whitespace_account_id"))

    op.drop_table("whitespace")
    with op.batch_alter_table("stakeholders", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_stakeholders_sales_owner_id"))
        batch_op.drop_index(batch_op.f("ix_stakeholders_name"))
        batch_op.drop_index(batch_op.f("ix_stakeholders_marketing_owner_id"))
        batch_op.drop_index(batch_op.f("ix_stakeholders_crm_id"))
        batch_op.drop_index(batch_op.f("ix_stakeholders_account_id"))

    op.drop_table("stakeholders")
    op.drop_table("play_template_stages")
    op.drop_table("play_template_roles")
    with op.batch_alter_table("play_assignments", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_play_assignments_template_id"))
        batch_op.drop_index(batch_op.f("ix_play_assignments_status_id"))
        batch_op.drop_index(batch_op.f("ix_play_assignments_start_on"))
        batch_op.drop_index(batch_op.f("ix_play_assignments_sales_owner_id"))
        batch_op.drop_index(batch_op.f("ix_play_assignments_marketing_owner_id"))
        batch_op.drop_index(batch_op.f("ix_play_assignments_account_id"))

    op.drop_table("play_assignments")
    with op.batch_alter_table("decisions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_decisions_account_id"))

    op.drop_table("decisions")
    with op.batch_alter_table("criterion_scores", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_criterion_scores_criterion_id"))
        batch_op.drop_index(batch_op.f("ix_criterion_scores_account_id"))

    op.drop_table("criterion_scores")
    with op.batch_alter_table("account_lead_checks", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_account_lead_checks_lead_criterion_id"))
        batch_op.drop_index(batch_op.f("ix_account_lead_checks_account_id"))

    op.drop_table("account_lead_checks")
    op.drop_table("tier_rules")
    op.drop_table("play_templates")
    op.drop_table("plan_settings")
    with op.batch_alter_table("accounts", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_accounts_tier_id"))
        batch_op.drop_index(batch_op.f("ix_accounts_stage_id"))
        batch_op.drop_index(batch_op.f("ix_accounts_sales_owner_id"))
        batch_op.drop_index(batch_op.f("ix_accounts_name"))
        batch_op.drop_index(batch_op.f("ix_accounts_marketing_owner_id"))
        batch_op.drop_index(batch_op.f("ix_accounts_industry_id"))
        batch_op.drop_index(batch_op.f("ix_accounts_crm_id"))

    op.drop_table("accounts")
    with op.batch_alter_table("vocabulary_terms", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_vocabulary_terms_kind"))

    op.drop_table("vocabulary_terms")
    with op.batch_alter_table("team_members", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_team_members_name"))

    op.drop_table("team_members")
    op.drop_table("solutions")
    op.drop_table("lead_criteria")
    op.drop_table("criteria")
