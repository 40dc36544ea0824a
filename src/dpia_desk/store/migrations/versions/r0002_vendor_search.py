"""Vendor search and sorting at scale: a trigram index over folded names, one index per sort key.

Revision ID: 0002
Revises: 0001
Create Date: 2027-01-18

* ``vendor_name_search``: an FTS5 table with the trigram tokenizer over ``vendor.sort_name``
  (external content: the names are not stored twice), kept in step by three triggers, built from
  the existing vendors, with the FTS5 ``secure-delete`` option on so that erasing a vendor removes
  its name from the index at once (SQLite's ``secure_delete`` then overwrites the freed bytes).
* The single-column indexes on country, grade, open findings and next review date become
  ``(<column>, sort_name)``, so the first page of each sort the vendor table offers is read from
  an index in either direction (``dpia_desk.store.vendor_list``). The AI Act tier and the DPIA
  verdict sort by severity, through expression indexes; the plain tier index stays for the
  dashboard's counts, the plain verdict index (which nothing queried) goes.

The SQL is frozen here, as a migration must not change when the code does; a test keeps it equal
to what the models create (``dpia_desk.store.models``, from ``vendor_list``).
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

TIER_RANK = (
    "(CASE WHEN ai_act_tier IS NULL THEN NULL WHEN ai_act_tier = 'out_of_scope' THEN 1 "
    "WHEN ai_act_tier = 'minimal' THEN 2 WHEN ai_act_tier = 'limited' THEN 3 "
    "WHEN ai_act_tier = 'high' THEN 4 WHEN ai_act_tier = 'prohibited' THEN 5 ELSE 6 END)"
)
VERDICT_RANK = (
    "(CASE WHEN dpia_verdict IS NULL THEN NULL WHEN dpia_verdict = 'not_required' THEN 1 "
    "WHEN dpia_verdict = 'consider' THEN 2 WHEN dpia_verdict = 'likely_required' THEN 3 "
    "WHEN dpia_verdict = 'required' THEN 4 ELSE 5 END)"
)
SEVERITY_INDEXES = (
    f"CREATE INDEX ix_vendor_tier_severity ON vendor ({TIER_RANK}, sort_name)",
    f"CREATE INDEX ix_vendor_verdict_severity ON vendor ({VERDICT_RANK}, sort_name)",
)
SEARCH = (
    "CREATE VIRTUAL TABLE vendor_name_search USING fts5(sort_name, content='vendor', "
    "content_rowid='rowid', tokenize='trigram case_sensitive 1', columnsize=0)",
    "CREATE TRIGGER vendor_name_search_insert AFTER INSERT ON vendor BEGIN "
    "INSERT INTO vendor_name_search (rowid, sort_name) VALUES (new.rowid, new.sort_name); END",
    "CREATE TRIGGER vendor_name_search_delete AFTER DELETE ON vendor BEGIN "
    "INSERT INTO vendor_name_search (vendor_name_search, rowid, sort_name) "
    "VALUES ('delete', old.rowid, old.sort_name); END",
    "CREATE TRIGGER vendor_name_search_update AFTER UPDATE OF sort_name ON vendor BEGIN "
    "INSERT INTO vendor_name_search (vendor_name_search, rowid, sort_name) "
    "VALUES ('delete', old.rowid, old.sort_name); "
    "INSERT INTO vendor_name_search (rowid, sort_name) VALUES (new.rowid, new.sort_name); END",
    "INSERT INTO vendor_name_search (vendor_name_search, rank) VALUES ('secure-delete', 1)",
    "INSERT INTO vendor_name_search (vendor_name_search) VALUES ('rebuild')",
)
#: Single-column indexes that become (column, sort_name).
WIDENED = ("country", "grade", "open_findings", "next_review_date")


def upgrade() -> None:
    for column in (*WIDENED, "dpia_verdict"):
        op.drop_index(f"ix_vendor_{column}", table_name="vendor")
    for column in WIDENED:
        op.create_index(f"ix_vendor_{column}_sort_name", "vendor", [column, "sort_name"])
    for statement in SEVERITY_INDEXES + SEARCH:
        op.execute(statement)


def downgrade() -> None:
    for trigger in ("insert", "delete", "update"):
        op.execute(f"DROP TRIGGER vendor_name_search_{trigger}")
    op.execute("DROP TABLE vendor_name_search")
    op.execute("DROP INDEX ix_vendor_tier_severity")
    op.execute("DROP INDEX ix_vendor_verdict_severity")
    for column in WIDENED:
        op.drop_index(f"ix_vendor_{column}_sort_name", table_name="vendor")
    for column in (*WIDENED, "dpia_verdict"):
        op.create_index(f"ix_vendor_{column}", "vendor", [column])
