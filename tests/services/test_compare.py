"""compare_vendors: the figures agree with the vendor table's and the assessments' own results."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

import pytest

from dpia_desk.demo import DEMO_VENDORS, demo_id, populate_demo
from dpia_desk.services.assessments import get_assessment, latest_assessments, snapshot
from dpia_desk.services.compare import SEVERITIES, compare_vendors, domain_order
from dpia_desk.services.reviews import start_review
from dpia_desk.services.risks import add_action, list_actions, update_action
from dpia_desk.services.summary import vendor_figures
from dpia_desk.store import NotFoundError, Passphrase, Workspace, add_vendor, list_vendors

#: A fixed demo day: the stories' dates are relative to it, so the figures are too.
TODAY = date(2026, 3, 2)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workspace]:
    """One demo workspace for the module (playing the stories takes seconds); read only here.
    Passphrase mode under its own home, so no test's keychain or home is involved."""
    folder = tmp_path_factory.mktemp("compare-demo")
    saved = os.environ.get("DPIA_DESK_HOME")
    os.environ["DPIA_DESK_HOME"] = str(folder / "home")
    try:
        workspace, _recovery = Workspace.create(folder / "demo.dpia", Passphrase("compare demo"))
        populate_demo(workspace, today=TODAY)
    finally:
        if saved is None:
            os.environ.pop("DPIA_DESK_HOME", None)
        else:
            os.environ["DPIA_DESK_HOME"] = saved
    with workspace:
        yield workspace


def _id(name: str) -> str:
    return demo_id("vendor", name)


ALL = [_id(vendor.name) for vendor in DEMO_VENDORS]


def test_cached_figures_match_the_vendor_table(demo: Workspace) -> None:
    with demo.read_session() as session:
        comparisons = compare_vendors(session, ALL, today=TODAY)
        for comparison in comparisons:
            figures = vendor_figures(session, comparison.vendor_id)
            assert comparison.ai_act_tier == figures.ai_act_tier
            assert comparison.dpia_verdict == figures.dpia_verdict
            assert comparison.grade == figures.grade
            assert comparison.open_findings == figures.open_findings
            assert comparison.critical_findings == figures.critical_findings
            assert sum(comparison.findings.values()) == (figures.open_findings or 0)
            assert set(comparison.findings) == set(SEVERITIES)
    assert [c.vendor_id for c in comparisons] == ALL  # the order asked for


def test_scorecard_and_intake_match_the_assessments(demo: Workspace) -> None:
    with demo.read_session() as session:
        for comparison in compare_vendors(session, ALL, today=TODAY):
            latest = latest_assessments(session, comparison.vendor_id)
            intake = snapshot(session, latest["vendor_intake"].id).result
            assert intake is not None
            assert comparison.inherent_tier == intake.to_json()["tier"]
            assert comparison.review_every_months == intake.to_json()["review_every_months"]
            diligence = snapshot(session, latest["vendor_due_diligence"].id).result
            assert diligence is not None
            data: dict[str, Any] = dict(diligence.to_json())
            assert comparison.overall == data["overall"]
            assert comparison.grade == data["grade"]
            assert comparison.evidence_share == data["evidence"]["evidence_share"]
            assert [d.id for d in comparison.domains] == [d["id"] for d in data["domains"]]
            assert [d.score for d in comparison.domains] == [d["score"] for d in data["domains"]]
            assert [d.evidence_share for d in comparison.domains] == [
                d["evidence_share"] for d in data["domains"]
            ]


def test_demo_stories_show_in_the_comparison(demo: Workspace) -> None:
    with demo.read_session() as session:
        talent, attrition, focus, lens = compare_vendors(
            session,
            [
                _id("TalentSift GmbH"),
                _id("Attrition Analytics B.V."),
                _id("FocusMeter Inc."),
                _id("InterviewLens Ltd"),
            ],
            today=TODAY,
        )
    # The missing DPA caps Attrition's grade although its score alone earns more.
    assert attrition.grade == "C" and attrition.grade_cap == "C"
    assert attrition.computed_grade is not None and attrition.computed_grade < "C"
    # TalentSift attached evidence; its evidence-backed share is above nought.
    assert talent.evidence_backed > 0 and talent.evidence_share is not None
    assert 0 < talent.evidence_share < 1
    assert talent.domain("information_security") is not None
    # FocusMeter: the one overdue action of the demo, and a critical finding.
    assert focus.overdue_actions == 1
    assert focus.open_actions >= focus.overdue_actions
    assert focus.critical_findings >= 1
    # InterviewLens: a prohibited practice, no due diligence answered.
    assert lens.ai_act_tier == "prohibited"
    assert lens.overall is None and lens.grade is None
    assert all(domain.score is None for domain in lens.domains)
    for comparison, demo_vendor in zip(
        (talent, attrition, focus, lens),
        ("TalentSift GmbH", "Attrition Analytics B.V.", "FocusMeter Inc.", "InterviewLens Ltd"),
        strict=True,
    ):
        assert comparison.name == demo_vendor
        assert comparison.next_review_date is not None
    # Attrition's and FocusMeter's due diligence is still a draft with required answers open:
    # their grades are provisional, as the vendor table marks them; TalentSift's is final.
    assert "grade" in attrition.provisional and "grade" in focus.provisional
    assert "grade" not in talent.provisional
    with demo.read_session() as session:
        rows = {row.name: row for row in list_vendors(session, "")}
    for comparison in (talent, attrition, focus, lens):
        assert rows[comparison.name].provisional == comparison.provisional, comparison.name


def test_action_counts_follow_today(demo: Workspace) -> None:
    focus = _id("FocusMeter Inc.")
    with demo.read_session() as session:
        mine = [
            action
            for action in list_actions(session)
            if action.status != "done"
            and get_assessment(session, action.assessment_id).vendor_id == focus
        ]
        (later,) = compare_vendors(session, [focus], today=TODAY + timedelta(days=3650))
        (earlier,) = compare_vendors(session, [focus], today=date(2000, 1, 1))
    assert later.open_actions == earlier.open_actions == len(mine)
    # Ten years on, every dated action is past due; undated ones never are.
    assert later.overdue_actions == sum(1 for action in mine if action.due_date is not None)
    assert earlier.overdue_actions == 0


def test_repeated_ids_once_and_progress_reported(demo: Workspace) -> None:
    seen: list[tuple[int, int]] = []
    with demo.read_session() as session:
        result = compare_vendors(
            session,
            [ALL[0], ALL[1], ALL[0]],
            today=TODAY,
            progress=lambda done, total: seen.append((done, total)),
        )
    assert [c.vendor_id for c in result] == ALL[:2]
    assert seen == [(1, 2), (2, 2)]


def test_domain_order_is_the_union_in_form_order(demo: Workspace) -> None:
    with demo.read_session() as session:
        comparisons = compare_vendors(session, ALL[:3], today=TODAY)
    order = domain_order(comparisons)
    assert [domain_id for domain_id, _title in order] == [d.id for d in comparisons[0].domains]
    assert order[0] == ("information_security", "Information security")


def test_unknown_vendor_is_refused(demo: Workspace) -> None:
    with demo.read_session() as session, pytest.raises(NotFoundError):
        compare_vendors(session, [ALL[0], "no-such-vendor"], today=TODAY)


def test_vendor_without_assessments(workspace: Workspace) -> None:
    with workspace.session() as session:
        vendor = add_vendor(session, actor="tester", name="Blank Ltd", country="IE")
        vendor_id = vendor.id
    with workspace.read_session() as session:
        (blank,) = compare_vendors(session, [vendor_id])
    assert blank.name == "Blank Ltd" and blank.country == "IE"
    assert blank.open_findings is None  # "not assessed", as the vendor table shows it
    assert blank.inherent_tier is None and blank.ai_act_tier is None and blank.grade is None
    assert blank.domains == ()
    assert blank.findings == dict.fromkeys(SEVERITIES, 0)
    assert (blank.open_actions, blank.overdue_actions) == (0, 0)


def test_done_actions_are_not_open(workspace: Workspace, vendor_id: str) -> None:
    with workspace.session() as session:
        _review, intake = start_review(session, actor="tester", vendor_id=vendor_id)
        first = add_action(
            session, actor="tester", assessment_id=intake.id, title="Late", due_date=TODAY
        )
        add_action(
            session,
            actor="tester",
            assessment_id=intake.id,
            title="Soon",
            due_date=TODAY + timedelta(days=9),
        )
        add_action(session, actor="tester", assessment_id=intake.id, title="Undated")
        first_id = first.id
    with workspace.read_session() as session:
        (before,) = compare_vendors(session, [vendor_id], today=TODAY + timedelta(days=1))
    assert (before.open_actions, before.overdue_actions) == (3, 1)
    assert before.open_findings == 0  # an empty intake raises nothing
    with workspace.session() as session:
        update_action(session, actor="tester", action_id=first_id, status="done")
    with workspace.read_session() as session:
        (after,) = compare_vendors(session, [vendor_id], today=TODAY + timedelta(days=1))
    assert (after.open_actions, after.overdue_actions) == (2, 0)


def test_no_vendors_no_comparison(workspace: Workspace) -> None:
    with workspace.read_session() as session:
        assert compare_vendors(session, []) == []
