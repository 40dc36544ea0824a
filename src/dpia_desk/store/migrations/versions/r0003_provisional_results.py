"""Provisional results in the vendor table: which cached figures come from unfinished forms.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-27

``vendor.provisional`` lists, comma-separated, the cached figures (``tier``, ``verdict``,
``grade``) that were scored while required questions were still unanswered, so the vendor table
can mark them instead of presenting a half-answered questionnaire's grade as final. Empty when
every figure is final; existing vendors start empty and are marked when next scored.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A plain ADD COLUMN, not a batch (copy-and-move) operation: the copy would lose the
    # expression indexes and the search triggers of 0002, which SQLAlchemy cannot reflect.
    op.add_column(
        "vendor", sa.Column("provisional", sa.String(40), nullable=False, server_default="")
    )


def downgrade() -> None:
    op.execute("ALTER TABLE vendor DROP COLUMN provisional")
