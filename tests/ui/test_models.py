"""Item models: qtmodeltester, laziness, SQL filtering and sorting."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy import insert

from dpia_desk.demo import DEMO_VENDORS
from dpia_desk.store import Workspace, add_vendor, list_vendors, set_vendor_summary
from dpia_desk.store.models import Vendor, fold_for_search, new_id
from dpia_desk.ui.context import WorkspaceContext, WorkspaceVendorSource
from dpia_desk.ui.labels import grade_label, tier_label
from dpia_desk.ui.models.rows import ColumnSpec, RowsTableModel
from dpia_desk.ui.models.vendor_table import (
    BADGE_ROLE,
    BLOCK_ROWS,
    PROVISIONAL_ROLE,
    VENDOR_ID_ROLE,
    Column,
    VendorTableModel,
)
from dpia_desk.ui.navigation import NavigationModel
from dpia_desk.ui.pages import page_specs
from dpia_desk.ui.theme import current_theme
from dpia_desk.ui.workers import WorkRunner


def _add_many(workspace: Workspace, count: int) -> None:
    """Bulk rows straight into the table (the store's add_vendor audits each one, which is
    right for users and slow for a thousand test rows)."""
    countries = ("DE", "FR", "NL", "US", "GB")
    names = [f"Vendor {number:05d}" for number in range(count)]
    with workspace.session() as session:
        session.execute(
            insert(Vendor),
            [
                {
                    "id": new_id(),
                    "name": name,
                    "sort_name": fold_for_search(name),
                    "country": countries[number % len(countries)],
                }
                for number, name in enumerate(names)
            ],
        )


def test_vendor_model_passes_modeltester(
    qtmodeltester: ModelTester, demo_workspace: Workspace, context: WorkspaceContext
) -> None:
    model = VendorTableModel(WorkspaceVendorSource(context))
    assert model.rowCount() == len(DEMO_VENDORS)
    # The tester stays connected: the resets below are checked too.
    qtmodeltester.check(model, force_py=True)
    model.set_filter("a")
    model.sort(Column.COUNTRY, Qt.SortOrder.DescendingOrder)
    model.reload()
    assert model.rowCount() > 0


def test_vendor_model_shows_demo_vendors(
    demo_workspace: Workspace, context: WorkspaceContext
) -> None:
    model = VendorTableModel(WorkspaceVendorSource(context))
    names = {model.index(row, Column.NAME).data() for row in range(model.rowCount())}
    assert names == {demo.name for demo in DEMO_VENDORS}
    first = model.index(0, Column.TIER)
    row = model.vendor_at(0)
    assert row is not None
    assert first.data(BADGE_ROLE) == f"tier:{row.ai_act_tier or ''}"
    assert first.data() == tier_label(row.ai_act_tier)
    assert isinstance(first.data(VENDOR_ID_ROLE), str)


def test_vendor_model_marks_a_passed_review_date(
    workspace: Workspace, context: WorkspaceContext
) -> None:
    today = date.today()
    with workspace.session() as session:
        for name, when in (
            ("Past GmbH", today - timedelta(days=3)),
            ("Soon SAS", today + timedelta(days=10)),
            ("Unplanned Ltd", None),
        ):
            session.get(
                Vendor, add_vendor(session, actor="t", name=name).id
            ).next_review_date = when
    model = VendorTableModel(WorkspaceVendorSource(context))
    cells = {
        model.index(row, Column.NAME).data(): model.index(row, Column.NEXT_REVIEW)
        for row in range(model.rowCount())
    }
    past, soon, unplanned = cells["Past GmbH"], cells["Soon SAS"], cells["Unplanned Ltd"]
    assert past.data().endswith("· overdue")  # in words, not only in colour
    assert past.data(Qt.ItemDataRole.ForegroundRole) == current_theme().color("error")
    assert past.data(Qt.ItemDataRole.ToolTipRole) == "Review overdue by 3 day(s)"
    assert "overdue" not in soon.data()
    assert soon.data(Qt.ItemDataRole.ForegroundRole) is None
    assert soon.data(Qt.ItemDataRole.ToolTipRole) == "Review due in 10 day(s)"
    assert unplanned.data() == ""
    assert unplanned.data(Qt.ItemDataRole.ToolTipRole) == "No review planned"
    name = model.index(0, Column.NAME)
    assert name.data(Qt.ItemDataRole.ForegroundRole) is None


def test_vendor_model_marks_provisional_figures(
    workspace: Workspace, context: WorkspaceContext
) -> None:
    with workspace.session() as session:
        vendor_id = add_vendor(session, actor="t", name="Halfway Oy").id
        set_vendor_summary(
            session, vendor_id, ai_act_tier="minimal", dpia_verdict="not_required", grade="B",
            open_findings=0, provisional=("tier", "grade"),
        )  # fmt: skip
    model = VendorTableModel(WorkspaceVendorSource(context))
    tier, verdict, grade = (
        model.index(0, column) for column in (Column.TIER, Column.VERDICT, Column.GRADE)
    )
    assert tier.data(PROVISIONAL_ROLE) and grade.data(PROVISIONAL_ROLE)
    assert not verdict.data(PROVISIONAL_ROLE)
    assert not model.index(0, Column.NAME).data(PROVISIONAL_ROLE)
    assert "Provisional" in tier.data(Qt.ItemDataRole.ToolTipRole)
    assert "Provisional" not in (verdict.data(Qt.ItemDataRole.ToolTipRole) or "")
    assert grade.data(Qt.ItemDataRole.AccessibleTextRole) == f"{grade.data()}, provisional"
    assert grade.data() == grade_label("B")  # the text itself stays the grade


def test_vendor_model_is_lazy(workspace: Workspace, context: WorkspaceContext) -> None:
    _add_many(workspace, 1000)
    model = VendorTableModel(WorkspaceVendorSource(context))
    assert model.rowCount() == 1000
    assert model.count_is_exact
    assert model.queries == 1 and model.cached_rows == BLOCK_ROWS  # only the first block
    assert model.index(999, Column.NAME).data() == "Vendor 00999"
    assert model.index(0, Column.NAME).data() == "Vendor 00000"
    assert model.queries == 2
    assert model.cached_rows == 2 * BLOCK_ROWS
    model.index(1, Column.NAME).data()
    assert model.queries == 2  # the same block is served from the cache


def test_vendor_model_counts_on_the_runner(
    qtbot: QtBot, workspace: Workspace, context: WorkspaceContext
) -> None:
    _add_many(workspace, 450)
    runner = WorkRunner()
    counts: list[int] = []
    model = VendorTableModel(WorkspaceVendorSource(context), runner=runner)
    model.count_changed.connect(counts.append)
    # The first block is there at once; the rest arrives with the count from the runner.
    assert model.rowCount() == BLOCK_ROWS
    qtbot.waitUntil(lambda: model.rowCount() == 450, timeout=5000)
    assert counts == [450] and model.count_is_exact
    model.set_filter("vendor 0000")  # fewer than a block: exact at once, no count job
    assert model.rowCount() == 10 and model.count_is_exact
    runner.shutdown()


def test_vendor_model_filters_and_sorts_in_sql(
    workspace: Workspace, context: WorkspaceContext
) -> None:
    _add_many(workspace, 300)
    with workspace.session() as session:
        add_vendor(session, actor="test", name="Zoë Analytics", country="SE")
    model = VendorTableModel(WorkspaceVendorSource(context))
    counts: list[int] = []
    model.count_changed.connect(counts.append)

    model.set_filter("zoe")  # accents and case are ignored
    assert model.rowCount() == 1
    assert model.index(0, Column.NAME).data() == "Zoë Analytics"
    model.set_filter("vendor 0029")
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == [
        f"Vendor 0029{d}" for d in range(10)
    ]
    model.set_filter("")
    assert model.rowCount() == 301
    assert counts == [1, 10, 301]

    model.sort(Column.NAME, Qt.SortOrder.DescendingOrder)
    assert model.index(0, Column.NAME).data() == "Zoë Analytics"
    assert model.index(1, Column.NAME).data() == "Vendor 00299"
    model.sort(Column.COUNTRY, Qt.SortOrder.AscendingOrder)
    countries = [model.index(r, Column.COUNTRY).data() for r in range(model.rowCount())]
    assert countries == sorted(countries)


def test_reload_keeps_rows_when_count_is_unchanged(
    demo_workspace: Workspace, context: WorkspaceContext
) -> None:
    model = VendorTableModel(WorkspaceVendorSource(context))
    resets: list[bool] = []
    changes: list[bool] = []
    model.modelReset.connect(lambda: resets.append(True))
    model.dataChanged.connect(lambda *_args: changes.append(True))
    model.index(0, 0).data()
    model.reload()
    assert resets == [] and changes == [True]
    with demo_workspace.session() as session:
        add_vendor(session, actor="test", name="Another Vendor")
    model.reload()
    assert resets == [True]
    assert model.rowCount() == len(DEMO_VENDORS) + 1


def test_navigation_model_passes_modeltester(qtmodeltester: ModelTester, app: object) -> None:
    model = NavigationModel(page_specs())
    qtmodeltester.check(model, force_py=True)
    titles = [model.index(row).data() for row in range(model.rowCount())]
    # The five pages of the foundation come first, in this order; others may follow.
    assert titles[:5] == ["Vendors", "Assessments", "Actions", "Forms", "Audit log"]


def test_rows_model_passes_modeltester(qtmodeltester: ModelTester) -> None:
    model = RowsTableModel(
        [
            ColumnSpec("Name", lambda r: r[0]),
            ColumnSpec("Size", lambda r: str(r[1]), align_right=True),
        ]
    )
    model.set_rows([("a", 1), ("b", 2)])
    qtmodeltester.check(model, force_py=True)
    model.set_rows([("c", 3)])
    assert model.index(0, 1).data() == "3"


def test_narrowing_a_small_result_needs_no_query(
    workspace: Workspace, context: WorkspaceContext
) -> None:
    _add_many(workspace, 300)
    with workspace.session() as session:
        for name in ("Zoë Analytics", "Zoe Payroll", "ZOE HR"):
            add_vendor(session, actor="test", name=name)
    model = VendorTableModel(WorkspaceVendorSource(context))
    model.set_filter("vendor 002")  # 100 matches: one query, all in the first block
    queries = model.queries
    for typed in ("vendor 0029", "vendor 00299"):
        model.set_filter(typed)
        with workspace.read_session() as session:
            expected = [row.name for row in list_vendors(session, typed)]
        assert [model.index(r, 0).data() for r in range(model.rowCount())] == expected
    assert model.queries == queries  # narrowed in memory
    model.set_filter("zo")
    model.set_filter("zoe")  # accents and case folded exactly as the store does
    assert sorted(model.index(r, 0).data() for r in range(model.rowCount())) == sorted(
        ["Zoë Analytics", "Zoe Payroll", "ZOE HR"]
    )
    queries = model.queries
    model.set_filter("zo")  # widening needs the database again
    assert model.queries == queries + 1
    model.set_filter("vendor")  # more than a block: never narrowed from a partial result
    model.set_filter("vendor 001")
    assert model.rowCount() == 100
