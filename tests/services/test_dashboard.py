"""The dashboard: reviews due, overdue actions, blocked reviews and counts, on exact data."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import date, timedelta

import pytest
from sqlalchemy import event, insert

from dpia_desk.demo import demo_id, populate_demo
from dpia_desk.services.dashboard import (
    BLOCKER_KINDS,
    DUE_WINDOWS,
    ReviewBlocker,
    blocked_reviews,
    classify_blockers,
    dashboard,
    due_counts,
    grade_counts,
    overdue_actions,
    reviews_due,
    tier_counts,
)
from dpia_desk.services.review_plan import ReviewFacts, StepProgress, plan_review
from dpia_desk.services.reviews import close_review, start_review
from dpia_desk.services.risks import add_action, update_action
from dpia_desk.store import Passphrase, Workspace, add_vendor, set_vendor_summary
from dpia_desk.store.models import Vendor, fold_for_search, new_id

TODAY = date(2026, 3, 2)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workspace]:
    """The demo, played on :data:`TODAY` (its dates are relative to the demo day)."""
    folder = tmp_path_factory.mktemp("dashboard-demo")
    saved = os.environ.get("DPIA_DESK_HOME")
    os.environ["DPIA_DESK_HOME"] = str(folder / "home")
    try:
        workspace, _recovery = Workspace.create(folder / "demo.dpia", Passphrase("dashboard"))
        populate_demo(workspace, today=TODAY)
    finally:
        if saved is None:
            os.environ.pop("DPIA_DESK_HOME", None)
        else:
            os.environ["DPIA_DESK_HOME"] = saved
    with workspace:
        yield workspace


def _vendor(workspace: Workspace, name: str, in_days: int | None, **summary: object) -> str:
    with workspace.session() as session:
        vendor = add_vendor(
            session,
            actor="tester",
            name=name,
            next_review_date=None if in_days is None else TODAY + timedelta(days=in_days),
        )
        if summary:
            set_vendor_summary(
                session,
                vendor.id,
                ai_act_tier=summary.get("tier"),  # type: ignore[arg-type]
                dpia_verdict=None,
                grade=summary.get("grade"),  # type: ignore[arg-type]
                open_findings=None,
            )
        return vendor.id


# --- reviews due ----------------------------------------------------------------------------------


def test_reviews_due_sorted_and_counted_per_window(workspace: Workspace) -> None:
    for name, days in (
        ("Past", -3),
        ("Today", 0),
        ("Soon", 12),
        ("Month", 30),
        ("Forty", 45),
        ("Sixty", 60),
        ("Eighty", 89),
        ("Ninety-one", 91),
        ("Never", None),
    ):
        _vendor(workspace, name, days)
    with workspace.read_session() as session:
        due, counts = reviews_due(session, TODAY)
        short, _ = reviews_due(session, TODAY, days=30)
        limited, _ = reviews_due(session, TODAY, limit=2)
    assert [row.vendor_name for row in due] == [
        "Past", "Today", "Soon", "Month", "Forty", "Sixty", "Eighty",
    ]  # fmt: skip
    assert [row.days_left for row in due] == [-3, 0, 12, 30, 45, 60, 89]
    assert [row.vendor_name for row in short] == ["Past", "Today", "Soon", "Month"]
    assert [row.vendor_name for row in limited] == ["Past", "Today"]
    assert counts.overdue == 1
    assert dict(counts.within) == {30: 3, 60: 5, 90: 6}
    assert counts.total(30) == 4 and counts.total(90) == 7


def test_reviews_due_empty_workspace(workspace: Workspace) -> None:
    with workspace.read_session() as session:
        due, counts = reviews_due(session, TODAY)
        assert due == ()
        assert counts.overdue == 0 and counts.total(90) == 0
        assert due_counts(session, TODAY).within == {30: 0, 60: 0, 90: 0}


# --- overdue actions ------------------------------------------------------------------------------


def test_overdue_actions_only_open_past_due(workspace: Workspace) -> None:
    vendor_id = _vendor(workspace, "Acme HR", 100)
    with workspace.session() as session:
        _review, intake = start_review(session, actor="tester", vendor_id=vendor_id)
        ids = {}
        for title, days, status in (
            ("Very late", -20, "open"),
            ("Late", -1, "in_progress"),
            ("Late but done", -30, "done"),
            ("Due today", 0, "open"),
            ("Later", 5, "open"),
        ):
            action = add_action(
                session,
                actor="tester",
                assessment_id=intake.id,
                title=title,
                owner="HR (Ana)",
                due_date=TODAY + timedelta(days=days),
                status=status,
            )
            ids[title] = action.id
        add_action(session, actor="tester", assessment_id=intake.id, title="Undated")
    with workspace.read_session() as session:
        actions, total = overdue_actions(session, TODAY, titles={"vendor_intake": "Intake"})
        capped, capped_total = overdue_actions(session, TODAY, limit=1, titles={})
    assert total == 2 and capped_total == 2
    assert [a.title for a in actions] == ["Very late", "Late"]
    assert [a.days_overdue for a in actions] == [20, 1]
    first = actions[0]
    assert first.owner == "HR (Ana)" and first.vendor_name == "Acme HR"
    assert first.assessment_id == intake.id and first.form_id == "vendor_intake"
    assert first.form_title == "Intake" and first.assessment_version == 1
    assert first.action_id == ids["Very late"]
    assert [a.title for a in capped] == ["Very late"]
    assert capped[0].form_title == "Vendor intake"  # readable id when no title is known

    with workspace.session() as session:
        update_action(session, actor="tester", action_id=ids["Very late"], status="done")
    with workspace.read_session() as session:
        actions, total = overdue_actions(session, TODAY)
    assert [a.title for a in actions] == ["Late"] and total == 1


# --- counts ---------------------------------------------------------------------------------------


def test_tier_and_grade_counts_from_the_cached_columns(workspace: Workspace) -> None:
    _vendor(workspace, "A1", None, tier="high", grade="A")
    _vendor(workspace, "A2", None, tier="high", grade="B")
    _vendor(workspace, "A3", None, tier="minimal", grade="B")
    _vendor(workspace, "A4", None)
    with workspace.read_session() as session:
        assert tier_counts(session) == {"high": 2, "minimal": 1, None: 1}
        assert grade_counts(session) == {"A": 1, "B": 2, None: 1}


def test_counts_are_a_fixed_number_of_queries(workspace: Workspace) -> None:
    """Many vendors, and still a few aggregate statements (no per-vendor loading)."""
    with workspace.session() as session:
        session.execute(
            insert(Vendor),
            [
                {
                    "id": new_id(),
                    "name": f"Vendor {n:05d}",
                    "sort_name": fold_for_search(f"Vendor {n:05d}"),
                    "ai_act_tier": ("high", "limited", None)[n % 3],
                    "grade": ("A", "C", None, "E")[n % 4],
                    "next_review_date": TODAY + timedelta(days=n % 200 - 50),
                }
                for n in range(3000)
            ],
        )
    statements: list[str] = []

    def count(*args: object) -> None:
        if str(args[2]).lstrip().upper().startswith("SELECT"):
            statements.append(str(args[2]))

    with workspace.read_session() as session:
        event.listen(workspace.engine, "before_cursor_execute", count)
        try:
            tiers = tier_counts(session)
            grades = grade_counts(session)
            due, counts = reviews_due(session, TODAY, limit=100)
        finally:
            event.remove(workspace.engine, "before_cursor_execute", count)
    # Two GROUP BYs, the due list, and one range count for the passed dates and each window.
    assert len(statements) == 3 + 1 + len(DUE_WINDOWS)
    assert sum("GROUP BY" in statement for statement in statements) == 2
    assert sum(tiers.values()) == sum(grades.values()) == 3000
    assert tiers == {"high": 1000, "limited": 1000, None: 1000}
    assert len(due) == 100
    assert counts.overdue == 3000 // 200 * 50  # days -50..-1 of each 200-day cycle


# --- blockers -------------------------------------------------------------------------------------


def test_blockers_are_classified_from_the_plan() -> None:
    facts = ReviewFacts(
        has_ai_system=True,
        intake_answered=True,
        ai_features="evaluates_people",
        inherent_tier=1,
        ai_act_tier="prohibited",
        dpia_verdict="required",
        prior_consultation=True,
        critical_findings=3,
        progress={
            "vendor_intake": StepProgress("i", "approved", True, 5, 5, ""),
            "ai_act_screening": StepProgress("a", "rejected", True, 5, 5, ""),
            "dpia_screening": StepProgress("d", "draft", False, 1, 4, ""),
        },
    )
    plan = plan_review(facts)
    blockers = classify_blockers(plan, facts, {"dpia_screening": "DPIA screening"})
    assert [b.text for b in blockers] == list(plan.blockers)
    kinds = [b.kind for b in blockers]
    assert {"prohibited", "prior_consultation", "critical_findings", "rejected"} <= set(kinds)
    assert "unanswered" in kinds and "not_started" in kinds
    unanswered = next(b for b in blockers if b.kind == "unanswered")
    assert unanswered.form_id == "dpia_screening" and unanswered.form_title == "DPIA screening"
    critical = next(b for b in blockers if b.kind == "critical_findings")
    assert critical.count == 3
    assert min(blockers, key=lambda b: b.rank).kind == "prohibited"
    assert all(b.kind in BLOCKER_KINDS for b in blockers)


def test_unknown_blockers_are_kept_as_other() -> None:
    facts = ReviewFacts()
    plan = plan_review(facts)
    stretched = type(plan)(plan.steps, (*plan.blockers, "Something new blocks it"))
    blockers = classify_blockers(stretched, facts)
    assert [b.text for b in blockers] == list(stretched.blockers)
    assert {b.kind for b in blockers} == {"other"}
    assert ReviewBlocker("other", "x").rank == BLOCKER_KINDS.index("other")


def test_closed_reviews_are_not_listed(workspace: Workspace) -> None:
    first = _vendor(workspace, "Open one", 10)
    second = _vendor(workspace, "Closed one", 5)
    with workspace.session() as session:
        start_review(session, actor="tester", vendor_id=first)
        closed, _intake = start_review(session, actor="tester", vendor_id=second)
        close_review(session, actor="tester", review_id=closed.id, status="cancelled")
    with workspace.read_session() as session:
        result = blocked_reviews(session, titles={})
    assert result.open_reviews == 1 and result.checked == 1
    (only,) = result.reviews
    assert only.vendor_name == "Open one"
    # The intake is not answered yet: its required questions block sign-off first.
    assert (only.blockers[0].kind, only.blockers[0].form_id) == ("unanswered", "vendor_intake")
    assert only.next_step == "vendor_intake"


# --- the demo -------------------------------------------------------------------------------------


def test_demo_dashboard(demo: Workspace) -> None:
    seen: list[tuple[int, int]] = []
    with demo.read_session() as session:
        board = dashboard(session, TODAY, progress=lambda d, t: seen.append((d, t)))
    assert board.today == TODAY and board.vendor_count == 6
    # Reviews: Attrition's date passed ten days ago, FocusMeter's is in a week, InterviewLens'
    # in two; the others are months away.
    assert [(r.vendor_name, r.days_left) for r in board.due_reviews] == [
        ("Attrition Analytics B.V.", -10),
        ("FocusMeter Inc.", 7),
        ("InterviewLens Ltd", 14),
    ]
    assert board.due_counts.overdue == 1 and board.due_counts.total(30) == 3
    # The one overdue action of the demo: FocusMeter's works council information.
    (action,) = board.overdue_actions
    assert board.overdue_action_count == 1
    assert action.vendor_id == demo_id("vendor", "FocusMeter Inc.")
    assert "works council" in action.title and action.days_overdue == 5
    assert action.form_title == "EU AI Act screening"
    # Blocked reviews, the most serious first: InterviewLens uses a prohibited practice.
    blocked = board.blocked
    assert blocked.open_reviews == blocked.checked == 4
    assert blocked.reviews[0].vendor_name == "InterviewLens Ltd"
    assert blocked.reviews[0].worst.kind == "prohibited"
    focus = next(r for r in blocked.reviews if r.vendor_name == "FocusMeter Inc.")
    assert {"critical_findings", "not_started"} <= {b.kind for b in focus.blockers}
    assert seen[-1] == (4, 4)
    # Counts from the cached vendor columns.
    assert board.tier_counts == {"high": 3, "limited": 1, "prohibited": 1, None: 1}
    assert board.grade_counts == {"A": 2, "B": 1, "C": 1, "D": 1, None: 1}


def test_blocker_limit_checks_the_most_urgent_reviews_first(demo: Workspace) -> None:
    with demo.read_session() as session:
        result = blocked_reviews(session, limit=1, titles={})
    assert result.open_reviews == 4 and result.checked == 1
    (only,) = result.reviews
    assert only.vendor_name == "Attrition Analytics B.V."  # its review date passed
