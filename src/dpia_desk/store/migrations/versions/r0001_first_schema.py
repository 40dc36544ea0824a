"""The first schema: vendors, AI systems, reviews, assessments and their parts, the audit trail.

Revision ID: 0001
Revises: (none)
Create Date: 2026-11-27

Timestamps are ISO 8601 UTC text (models.UTCDateTime stores them as String(32)); the literal SQL
of the audit triggers is frozen here, as a migration must not change when the models do.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

AUDIT_TRIGGERS = (
    "CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event "
    "BEGIN SELECT RAISE(ABORT, 'audit events cannot be deleted'); END",
    "CREATE TRIGGER audit_event_only_erasure BEFORE UPDATE ON audit_event "
    "WHEN NEW.seq IS NOT OLD.seq OR NEW.at IS NOT OLD.at OR NEW.actor IS NOT OLD.actor "
    "OR NEW.action IS NOT OLD.action OR NEW.entity IS NOT OLD.entity "
    "OR NEW.entity_id IS NOT OLD.entity_id OR NEW.field IS NOT OLD.field "
    "OR NEW.old_digest IS NOT OLD.old_digest OR NEW.new_digest IS NOT OLD.new_digest "
    "OR NEW.prev_hash IS NOT OLD.prev_hash OR NEW.hash IS NOT OLD.hash "
    "OR NEW.old_value IS NOT NULL OR NEW.new_value IS NOT NULL OR NEW.value_nonce IS NOT NULL "
    "BEGIN SELECT RAISE(ABORT, 'audit events can only have their values erased'); END",
)


def upgrade() -> None:
    op.create_table(
        "audit_event",
        sa.Column("seq", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("at", sa.String(length=32), nullable=False),
        sa.Column("actor", sa.String(length=200), nullable=False),
        sa.Column("action", sa.String(length=50), nullable=False),
        sa.Column("entity", sa.String(length=50), nullable=False),
        sa.Column("entity_id", sa.String(length=36), nullable=True),
        sa.Column("field", sa.String(length=100), nullable=True),
        sa.Column("old_value", sa.JSON(none_as_null=True), nullable=True),
        sa.Column("new_value", sa.JSON(none_as_null=True), nullable=True),
        sa.Column("value_nonce", sa.String(length=32), nullable=True),
        sa.Column("old_digest", sa.String(length=64), nullable=False),
        sa.Column("new_digest", sa.String(length=64), nullable=False),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.CheckConstraint("length(hash) = 64", name=op.f("ck_audit_event_hash_hex")),
        sa.CheckConstraint("seq >= 1", name=op.f("ck_audit_event_seq_positive")),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_audit_event")),
        sa.UniqueConstraint("hash", name=op.f("uq_audit_event_hash")),
    )
    with op.batch_alter_table("audit_event", schema=None) as batch_op:
        batch_op.create_index(
            "ix_audit_event_entity_entity_id", ["entity", "entity_id"], unique=False
        )

    op.create_table(
        "vendor",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("sort_name", sa.String(length=200), nullable=False),
        sa.Column("country", sa.String(length=2), nullable=True),
        sa.Column("website", sa.String(length=2048), nullable=True),
        sa.Column("contacts", sa.JSON(), nullable=False),
        sa.Column("contract_status", sa.String(length=20), nullable=False),
        sa.Column("dpa_status", sa.String(length=20), nullable=False),
        sa.Column("sub_processors", sa.JSON(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("next_review_date", sa.Date(), nullable=True),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.Column("ai_act_tier", sa.String(length=20), nullable=True),
        sa.Column("dpia_verdict", sa.String(length=20), nullable=True),
        sa.Column("grade", sa.String(length=1), nullable=True),
        sa.Column("open_findings", sa.Integer(), nullable=True),
        sa.CheckConstraint(
            "contract_status IN ('none', 'negotiating', 'signed', 'expired', 'terminated')",
            name=op.f("ck_vendor_contract_status"),
        ),
        sa.CheckConstraint(
            "dpa_status IN ('not_started', 'requested', 'in_review', 'signed', 'not_required')",
            name=op.f("ck_vendor_dpa_status"),
        ),
        sa.CheckConstraint(
            "grade IS NULL OR grade IN ('A', 'B', 'C', 'D', 'E')", name=op.f("ck_vendor_grade")
        ),
        sa.CheckConstraint(
            "country IS NULL OR (length(country) = 2 AND country = upper(country))",
            name=op.f("ck_vendor_country_alpha2"),
        ),
        sa.CheckConstraint("length(trim(name)) > 0", name=op.f("ck_vendor_name_not_blank")),
        sa.CheckConstraint(
            "open_findings IS NULL OR open_findings >= 0", name=op.f("ck_vendor_open_findings")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_vendor")),
    )
    with op.batch_alter_table("vendor", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_vendor_ai_act_tier"), ["ai_act_tier"], unique=False)
        batch_op.create_index(batch_op.f("ix_vendor_country"), ["country"], unique=False)
        batch_op.create_index(batch_op.f("ix_vendor_dpia_verdict"), ["dpia_verdict"], unique=False)
        batch_op.create_index(batch_op.f("ix_vendor_grade"), ["grade"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_vendor_next_review_date"), ["next_review_date"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_vendor_open_findings"), ["open_findings"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_vendor_sort_name"), ["sort_name"], unique=False)

    op.create_table(
        "workspace_setting",
        sa.Column("key", sa.String(length=100), nullable=False),
        sa.Column("value", sa.JSON(), nullable=True),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_workspace_setting")),
    )
    op.create_table(
        "ai_system",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("vendor_id", sa.String(length=36), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("intended_purpose", sa.Text(), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.CheckConstraint("length(trim(name)) > 0", name=op.f("ck_ai_system_name_not_blank")),
        sa.ForeignKeyConstraint(
            ["vendor_id"],
            ["vendor.id"],
            name=op.f("fk_ai_system_vendor_id_vendor"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ai_system")),
    )
    with op.batch_alter_table("ai_system", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_ai_system_vendor_id"), ["vendor_id"], unique=False)

    op.create_table(
        "review",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("vendor_id", sa.String(length=36), nullable=False),
        sa.Column("ai_system_id", sa.String(length=36), nullable=True),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("started_at", sa.String(length=32), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.CheckConstraint(
            "status IN ('in_progress', 'completed', 'cancelled')", name=op.f("ck_review_status")
        ),
        sa.ForeignKeyConstraint(
            ["ai_system_id"],
            ["ai_system.id"],
            name=op.f("fk_review_ai_system_id_ai_system"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["vendor_id"],
            ["vendor.id"],
            name=op.f("fk_review_vendor_id_vendor"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_review")),
    )
    with op.batch_alter_table("review", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_review_ai_system_id"), ["ai_system_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_review_vendor_id"), ["vendor_id"], unique=False)

    op.create_table(
        "assessment",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("review_id", sa.String(length=36), nullable=True),
        sa.Column("vendor_id", sa.String(length=36), nullable=False),
        sa.Column("ai_system_id", sa.String(length=36), nullable=True),
        sa.Column("form_id", sa.String(length=100), nullable=False),
        sa.Column("form_version", sa.String(length=50), nullable=False),
        sa.Column("form_snapshot", sa.JSON(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("previous_version_id", sa.String(length=36), nullable=True),
        sa.Column("review_date", sa.Date(), nullable=True),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.CheckConstraint(
            "status IN ('draft', 'in_review', 'approved', 'rejected')",
            name=op.f("ck_assessment_status"),
        ),
        sa.CheckConstraint("version >= 1", name=op.f("ck_assessment_version_positive")),
        sa.ForeignKeyConstraint(
            ["ai_system_id"],
            ["ai_system.id"],
            name=op.f("fk_assessment_ai_system_id_ai_system"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["previous_version_id"],
            ["assessment.id"],
            name=op.f("fk_assessment_previous_version_id_assessment"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["review_id"],
            ["review.id"],
            name=op.f("fk_assessment_review_id_review"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["vendor_id"],
            ["vendor.id"],
            name=op.f("fk_assessment_vendor_id_vendor"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_assessment")),
    )
    with op.batch_alter_table("assessment", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_assessment_ai_system_id"), ["ai_system_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_assessment_form_id"), ["form_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_assessment_previous_version_id"), ["previous_version_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_assessment_review_id"), ["review_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_assessment_status"), ["status"], unique=False)
        batch_op.create_index(batch_op.f("ix_assessment_vendor_id"), ["vendor_id"], unique=False)

    op.create_table(
        "answer",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("assessment_id", sa.String(length=36), nullable=False),
        sa.Column("question_id", sa.String(length=100), nullable=False),
        sa.Column("value", sa.JSON(), nullable=True),
        sa.Column("comment", sa.Text(), nullable=False),
        sa.Column("answered_by", sa.String(length=200), nullable=False),
        sa.Column("answered_at", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(
            ["assessment_id"],
            ["assessment.id"],
            name=op.f("fk_answer_assessment_id_assessment"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_answer")),
        sa.UniqueConstraint(
            "assessment_id", "question_id", name=op.f("uq_answer_assessment_id_question_id")
        ),
    )
    op.create_table(
        "evidence",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("assessment_id", sa.String(length=36), nullable=False),
        sa.Column("question_id", sa.String(length=100), nullable=True),
        sa.Column("filename", sa.String(length=255), nullable=False),
        sa.Column("media_type", sa.String(length=127), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.Column("expires_on", sa.Date(), nullable=True),
        sa.Column("added_by", sa.String(length=200), nullable=False),
        sa.Column("added_at", sa.String(length=32), nullable=False),
        sa.CheckConstraint("length(sha256) = 64", name=op.f("ck_evidence_sha256_hex")),
        sa.CheckConstraint(
            "length(trim(filename)) > 0", name=op.f("ck_evidence_filename_not_blank")
        ),
        sa.CheckConstraint("size >= 0", name=op.f("ck_evidence_size_not_negative")),
        sa.ForeignKeyConstraint(
            ["assessment_id"],
            ["assessment.id"],
            name=op.f("fk_evidence_assessment_id_assessment"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_evidence")),
    )
    with op.batch_alter_table("evidence", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_evidence_assessment_id"), ["assessment_id"], unique=False
        )

    op.create_table(
        "risk",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("assessment_id", sa.String(length=36), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("feared_event", sa.Text(), nullable=False),
        sa.Column("sources", sa.JSON(), nullable=False),
        sa.Column("impacts", sa.JSON(), nullable=False),
        sa.Column("severity", sa.Integer(), nullable=False),
        sa.Column("likelihood", sa.Integer(), nullable=False),
        sa.Column("residual_severity", sa.Integer(), nullable=True),
        sa.Column("residual_likelihood", sa.Integer(), nullable=True),
        sa.Column("measures", sa.Text(), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.CheckConstraint("likelihood BETWEEN 1 AND 4", name=op.f("ck_risk_likelihood")),
        sa.CheckConstraint(
            "residual_likelihood IS NULL OR residual_likelihood BETWEEN 1 AND 4",
            name=op.f("ck_risk_residual_likelihood"),
        ),
        sa.CheckConstraint(
            "residual_severity IS NULL OR residual_severity BETWEEN 1 AND 4",
            name=op.f("ck_risk_residual_severity"),
        ),
        sa.CheckConstraint("severity BETWEEN 1 AND 4", name=op.f("ck_risk_severity")),
        sa.ForeignKeyConstraint(
            ["assessment_id"],
            ["assessment.id"],
            name=op.f("fk_risk_assessment_id_assessment"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_risk")),
    )
    with op.batch_alter_table("risk", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_risk_assessment_id"), ["assessment_id"], unique=False)

    op.create_table(
        "section_review",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("assessment_id", sa.String(length=36), nullable=False),
        sa.Column("section_id", sa.String(length=100), nullable=False),
        sa.Column("rating", sa.String(length=20), nullable=False),
        sa.Column("comment", sa.Text(), nullable=False),
        sa.Column("reviewer", sa.String(length=200), nullable=False),
        sa.Column("at", sa.String(length=32), nullable=False),
        sa.CheckConstraint(
            "rating IN ('acceptable', 'improvable', 'to_be_corrected')",
            name=op.f("ck_section_review_rating"),
        ),
        sa.ForeignKeyConstraint(
            ["assessment_id"],
            ["assessment.id"],
            name=op.f("fk_section_review_assessment_id_assessment"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_section_review")),
    )
    with op.batch_alter_table("section_review", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_section_review_assessment_id"), ["assessment_id"], unique=False
        )

    op.create_table(
        "sign_off",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("assessment_id", sa.String(length=36), nullable=False),
        sa.Column("role", sa.String(length=50), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("decision", sa.String(length=10), nullable=False),
        sa.Column("statement", sa.Text(), nullable=False),
        sa.Column("signed_at", sa.String(length=32), nullable=False),
        sa.CheckConstraint("decision IN ('approve', 'reject')", name=op.f("ck_sign_off_decision")),
        sa.ForeignKeyConstraint(
            ["assessment_id"],
            ["assessment.id"],
            name=op.f("fk_sign_off_assessment_id_assessment"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sign_off")),
    )
    with op.batch_alter_table("sign_off", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_sign_off_assessment_id"), ["assessment_id"], unique=False
        )

    op.create_table(
        "action",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("assessment_id", sa.String(length=36), nullable=False),
        sa.Column("risk_id", sa.String(length=36), nullable=True),
        sa.Column("finding_ref", sa.String(length=200), nullable=True),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("owner", sa.String(length=200), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.CheckConstraint(
            "status IN ('open', 'in_progress', 'done')", name=op.f("ck_action_status")
        ),
        sa.ForeignKeyConstraint(
            ["assessment_id"],
            ["assessment.id"],
            name=op.f("fk_action_assessment_id_assessment"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["risk_id"], ["risk.id"], name=op.f("fk_action_risk_id_risk"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_action")),
    )
    with op.batch_alter_table("action", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_action_assessment_id"), ["assessment_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_action_due_date"), ["due_date"], unique=False)
        batch_op.create_index(batch_op.f("ix_action_risk_id"), ["risk_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_action_status"), ["status"], unique=False)

    for trigger in AUDIT_TRIGGERS:
        op.execute(trigger)


def downgrade() -> None:
    op.execute("DROP TRIGGER IF EXISTS audit_event_only_erasure")
    op.execute("DROP TRIGGER IF EXISTS audit_event_no_delete")
    with op.batch_alter_table("action", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_action_status"))
        batch_op.drop_index(batch_op.f("ix_action_risk_id"))
        batch_op.drop_index(batch_op.f("ix_action_due_date"))
        batch_op.drop_index(batch_op.f("ix_action_assessment_id"))

    op.drop_table("action")
    with op.batch_alter_table("sign_off", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sign_off_assessment_id"))

    op.drop_table("sign_off")
    with op.batch_alter_table("section_review", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_section_review_assessment_id"))

    op.drop_table("section_review")
    with op.batch_alter_table("risk", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_risk_assessment_id"))

    op.drop_table("risk")
    with op.batch_alter_table("evidence", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_evidence_assessment_id"))

    op.drop_table("evidence")
    op.drop_table("answer")
    with op.batch_alter_table("assessment", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_assessment_vendor_id"))
        batch_op.drop_index(batch_op.f("ix_assessment_status"))
        batch_op.drop_index(batch_op.f("ix_assessment_review_id"))
        batch_op.drop_index(batch_op.f("ix_assessment_previous_version_id"))
        batch_op.drop_index(batch_op.f("ix_assessment_form_id"))
        batch_op.drop_index(batch_op.f("ix_assessment_ai_system_id"))

    op.drop_table("assessment")
    with op.batch_alter_table("review", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_review_vendor_id"))
        batch_op.drop_index(batch_op.f("ix_review_ai_system_id"))

    op.drop_table("review")
    with op.batch_alter_table("ai_system", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_ai_system_vendor_id"))

    op.drop_table("ai_system")
    op.drop_table("workspace_setting")
    with op.batch_alter_table("vendor", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_vendor_sort_name"))
        batch_op.drop_index(batch_op.f("ix_vendor_open_findings"))
        batch_op.drop_index(batch_op.f("ix_vendor_next_review_date"))
        batch_op.drop_index(batch_op.f("ix_vendor_grade"))
        batch_op.drop_index(batch_op.f("ix_vendor_dpia_verdict"))
        batch_op.drop_index(batch_op.f("ix_vendor_country"))
        batch_op.drop_index(batch_op.f("ix_vendor_ai_act_tier"))

    op.drop_table("vendor")
    with op.batch_alter_table("audit_event", schema=None) as batch_op:
        batch_op.drop_index("ix_audit_event_entity_entity_id")

    op.drop_table("audit_event")
