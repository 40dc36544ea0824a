"""The demo workspace tells its six stories, and a second `demo` run changes nothing.

One module-level run of ``dpia-desk demo`` (twice, in this process, keychain mode with an
in-memory keyring of its own) feeds the workspace tests; the data tests read the shipped
``demo_data`` without a workspace.
"""

from __future__ import annotations

import contextlib
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import keyring
import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

import dpia_desk
from dpia_desk.cli import main
from dpia_desk.demo import DEMO_VENDORS, demo_id
from dpia_desk.demo_assessments import (
    DemoDataError,
    add_months,
    data_root,
    iter_steps,
    load_stories,
    resolve_dates,
)
from dpia_desk.questionnaire import evaluate
from dpia_desk.scoring import score_form
from dpia_desk.scoring.bias_audit import compute_bias_audit, read_bias_csv
from dpia_desk.services.assessments import (
    evidence_content,
    form_of,
    list_evidence,
    normalise_for,
    stored_answers,
)
from dpia_desk.services.library import current_form
from dpia_desk.services.reviews import list_reviews, review_assessments, review_overview
from dpia_desk.services.risks import is_overdue, list_actions, list_risks, register_outcome
from dpia_desk.services.signoff import latest_section_reviews, list_signoffs
from dpia_desk.store import KeychainKey, RecoveryKey, Workspace, get_vendor, verify_chain
from dpia_desk.store.models import (
    Action,
    Answer,
    Assessment,
    AuditEvent,
    Evidence,
    Review,
    Risk,
    SectionReview,
    SignOff,
)
from tests.memory_keyring import MemoryKeyring

TALENTSIFT = "TalentSift GmbH"
INTERVIEWLENS = "InterviewLens Ltd"
ATTRITION = "Attrition Analytics B.V."
PAYFLOW = "PayFlow Paie SAS"
FOCUSMETER = "FocusMeter Inc."
HIREBOT = "HireBot Oy"

#: The vendor table's figures each story must produce: (AI Act tier, DPIA verdict, grade).
EXPECTED_FIGURES = {
    TALENTSIFT: ("high", "required", "B"),
    INTERVIEWLENS: ("prohibited", None, None),
    ATTRITION: ("high", "required", "C"),
    PAYFLOW: (None, "not_required", "A"),
    FOCUSMETER: ("high", "required", "D"),
    HIREBOT: ("limited", "likely_required", "A"),
}
#: Completed reviews set the next review date from the intake cadence (tier 1: 12, tier 2: 24).
CADENCE_MONTHS = {TALENTSIFT: 12, PAYFLOW: 24}
COUNTED = {
    "review": Review,
    "assessment": Assessment,
    "answer": Answer,
    "evidence": Evidence,
    "risk": Risk,
    "action": Action,
    "sign_off": SignOff,
    "section_review": SectionReview,
}


# --- one demo workspace for the module ----------------------------------------------------------


@dataclass(frozen=True)
class DemoRun:
    path: Path
    recovery: str
    today: date
    first: dict[str, Any]
    second: dict[str, Any]
    counts_first: dict[str, int]
    counts_second: dict[str, int]
    vendors_first: dict[str, tuple[Any, ...]]
    vendors_second: dict[str, tuple[Any, ...]]
    new_events: list[tuple[str, str, str | None, str | None, Any, Any]]


def _run_demo(path: Path) -> dict[str, Any]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(["--workspace", str(path), "demo", "--json"])
    assert code == 0
    result: dict[str, Any] = json.loads(out.getvalue())
    return result


def _counts(session: Session) -> dict[str, int]:
    return {
        name: int(session.scalar(select(func.count()).select_from(model)) or 0)
        for name, model in COUNTED.items()
    }


def _vendor_rows(session: Session) -> dict[str, tuple[Any, ...]]:
    rows: dict[str, tuple[Any, ...]] = {}
    for demo in DEMO_VENDORS:
        vendor = get_vendor(session, demo_id("vendor", demo.name))
        rows[demo.name] = (
            vendor.ai_act_tier,
            vendor.dpia_verdict,
            vendor.grade,
            vendor.open_findings,
            vendor.next_review_date,
        )
    return rows


def _last_seq(session: Session) -> int:
    return int(session.scalar(select(func.max(AuditEvent.seq))) or 0)


@pytest.fixture(scope="module")
def demo_run(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DemoRun]:
    # Module scope runs before the per-test isolation fixtures: isolate by hand, the same way.
    home = tmp_path_factory.mktemp("demo_home")
    path = tmp_path_factory.mktemp("demo_workspace") / "demo.dpia"
    previous = keyring.get_keyring()
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DPIA_DESK_HOME", str(home))
        patch.delenv("DPIA_DESK_PASSPHRASE", raising=False)
        keyring.set_keyring(MemoryKeyring())
        try:
            today = date.today()
            first = _run_demo(path)
            with (
                Workspace.open(path, KeychainKey(), read_only=True) as workspace,
                workspace.read_session() as session,
            ):
                counts_first = _counts(session)
                vendors_first = _vendor_rows(session)
                seq = _last_seq(session)
            second = _run_demo(path)
            with (
                Workspace.open(path, KeychainKey(), read_only=True) as workspace,
                workspace.read_session() as session,
            ):
                counts_second = _counts(session)
                vendors_second = _vendor_rows(session)
                new_events = [
                    (e.actor, e.action, e.entity, e.field, e.old_value, e.new_value)
                    for e in session.scalars(
                        select(AuditEvent).where(AuditEvent.seq > seq).order_by(AuditEvent.seq)
                    )
                ]
        finally:
            keyring.set_keyring(previous)
    yield DemoRun(
        path=path,
        recovery=str(first["recovery_key"]),
        today=today,
        first=first,
        second=second,
        counts_first=counts_first,
        counts_second=counts_second,
        vendors_first=vendors_first,
        vendors_second=vendors_second,
        new_events=new_events,
    )


@pytest.fixture
def session(demo_run: DemoRun) -> Iterator[Session]:
    key = RecoveryKey.parse(demo_run.recovery)
    with (
        Workspace.open(demo_run.path, key, read_only=True) as workspace,
        workspace.read_session() as opened,
    ):
        yield opened


def _review(session: Session, vendor: str) -> Review:
    reviews = list_reviews(session, demo_id("vendor", vendor))
    assert len(reviews) == 1, f"{vendor}: {len(reviews)} reviews"
    return reviews[0]


def _steps(session: Session, vendor: str) -> dict[str, Assessment]:
    return review_assessments(session, _review(session, vendor).id)


# --- what the first look shows ------------------------------------------------------------------


def test_demo_creates_six_vendors_each_with_one_review(demo_run: DemoRun) -> None:
    assert demo_run.first["created"] is True
    assert demo_run.first["vendors_added"] == len(DEMO_VENDORS) == 6
    assert demo_run.counts_first["review"] == 6
    assert demo_run.counts_first["evidence"] >= 3
    assert demo_run.counts_first["sign_off"] > 0 and demo_run.counts_first["section_review"] > 0


def test_the_vendor_table_shows_each_storys_tier_verdict_and_grade(demo_run: DemoRun) -> None:
    for name, (tier, verdict, grade) in EXPECTED_FIGURES.items():
        row = demo_run.vendors_first[name]
        assert row[:3] == (tier, verdict, grade), name
    open_findings = {name: row[3] for name, row in demo_run.vendors_first.items()}
    assert open_findings[PAYFLOW] == 0  # every finding closed by a done action
    assert all(count and count > 0 for name, count in open_findings.items() if name != PAYFLOW)
    assert open_findings[FOCUSMETER] == max(open_findings.values())


def test_completed_reviews_set_the_next_review_date_from_the_intake_cadence(
    demo_run: DemoRun,
) -> None:
    for name, row in demo_run.vendors_first.items():
        demo = next(d for d in DEMO_VENDORS if d.name == name)
        expected = (
            add_months(demo_run.today, CADENCE_MONTHS[name])
            if name in CADENCE_MONTHS
            else demo_run.today + timedelta(days=demo.review_in_days)
        )
        assert row[4] == expected, name


def test_a_second_run_duplicates_nothing_and_changes_no_figure(demo_run: DemoRun) -> None:
    assert demo_run.second["created"] is False and demo_run.second["vendors_added"] == 0
    assert demo_run.counts_second == demo_run.counts_first
    assert demo_run.vendors_second == demo_run.vendors_first
    # Nothing changed, so nothing is logged (the next review date is left to the reviews).
    assert demo_run.new_events == []


def test_the_audit_chain_verifies_after_both_runs(session: Session) -> None:
    report = verify_chain(session)
    assert report.ok, report


def test_every_demo_answer_is_valid_for_its_frozen_form(session: Session) -> None:
    assessments = list(session.scalars(select(Assessment)))
    assert len(assessments) >= 20
    for assessment in assessments:
        form = form_of(assessment)
        answers = stored_answers(session, assessment.id)
        for question_id, value in answers.items():
            assert normalise_for(form, question_id, value) == value, (form.id, question_id)
        state = evaluate(form, answers)
        assert not state.problems, (form.id, state.problems)
        assert not state.ignored, (form.id, [i.question_id for i in state.ignored])
        if assessment.status in ("approved", "in_review"):
            assert state.complete, (form.id, assessment.vendor_id, state.missing)


# --- the stories --------------------------------------------------------------------------------


def test_talentsift_went_all_the_way(session: Session) -> None:
    review = _review(session, TALENTSIFT)
    assert review.status == "completed"
    steps = _steps(session, TALENTSIFT)
    assert set(steps) == {
        "vendor_intake",
        "vendor_due_diligence",
        "ai_act_screening",
        "dpia_screening",
        "dpia",
        "ll144_bias_audit",
    }
    assert all(a.status == "approved" for a in steps.values())
    dpia_roles = {s.role for s in list_signoffs(session, steps["dpia"].id)}
    assert dpia_roles == {"hr", "it", "dpo"}
    overview = review_overview(session, review.id)
    assert overview.plan.blockers == ()
    assert overview.facts.inherent_tier == 1
    assert overview.plan.step("vendor_due_diligence").depth == "full"

    # The register had a high residual risk that the measures brought down (Art. 36 averted).
    risks = list_risks(session, steps["dpia"].id)
    assert not register_outcome(risks).prior_consultation
    revised = [
        e
        for risk in risks
        for e in session.scalars(
            select(AuditEvent).where(
                AuditEvent.entity == "risk",
                AuditEvent.entity_id == risk.id,
                AuditEvent.action == "update",
                AuditEvent.field == "residual_likelihood",
            )
        )
    ]
    assert [(e.old_value, e.new_value) for e in revised] == [(3, 1)]
    fixed = next(r for r in risks if r.id == revised[0].entity_id)
    assert any(
        a.risk_id == fixed.id and a.status == "done"
        for a in list_actions(session, steps["dpia"].id)
    )


def test_talentsift_bias_audit_data_is_attached_and_readable(session: Session) -> None:
    ll144 = _steps(session, TALENTSIFT)["ll144_bias_audit"]
    attached = [e for e in list_evidence(session, ll144.id) if e.question_id == "audit_data_csv"]
    assert len(attached) == 1 and attached[0].media_type == "text/csv"
    assert stored_answers(session, ll144.id)["audit_data_csv"] == [attached[0].filename]
    _evidence, content = evidence_content(session, attached[0].id)
    data = read_bias_csv(content.decode("utf-8"), attached[0].filename)
    assert data.kind == "selection" and sum(row.applicants for row in data.rows) > 10_000
    compute_bias_audit(data, exclude_small=True)
    overview = review_overview(session, _review(session, TALENTSIFT).id)
    assert overview.steps["ll144_bias_audit"].result is not None
    assert overview.steps["ll144_bias_audit"].result.to_json()["status"] == "compliant"


def test_interviewlens_review_shows_the_art5_blocker(session: Session) -> None:
    review = _review(session, INTERVIEWLENS)
    overview = review_overview(session, review.id)
    assert overview.facts.ai_act_tier == "prohibited"
    assert any("prohibited practice (Art. 5)" in b for b in overview.plan.blockers)
    assert overview.facts.critical_findings >= 1
    steps = _steps(session, INTERVIEWLENS)
    assert steps["ai_act_screening"].status == "approved"
    due_diligence = overview.plan.step("vendor_due_diligence")
    assert due_diligence.state == "in_progress"  # stopped after the scope questions
    assert overview.steps["vendor_due_diligence"].state.overall.required_answered <= 3


def test_attrition_dpia_is_in_progress_with_sections_to_be_corrected(session: Session) -> None:
    steps = _steps(session, ATTRITION)
    dpia = steps["dpia"]
    assert dpia.status == "draft"
    ratings = latest_section_reviews(session, dpia.id)
    corrected = {s for s, r in ratings.items() if r.rating == "to_be_corrected"}
    assert "necessity" in corrected and len(corrected) >= 2
    assert all(r.reviewer == "Dr. Anne Verbeek" for r in ratings.values())
    overview = review_overview(session, _review(session, ATTRITION).id)
    screening = overview.steps["dpia_screening"].result
    assert screening is not None and screening.to_json()["national_list_match"] is True
    assert overview.plan.step("dpia").state == "in_progress"


def test_payflow_needs_no_ai_act_screening_and_no_dpia(session: Session) -> None:
    review = _review(session, PAYFLOW)
    assert review.ai_system_id is None and review.status == "completed"
    steps = _steps(session, PAYFLOW)
    assert set(steps) == {"vendor_intake", "dpia_screening", "vendor_due_diligence"}
    assert all(a.status == "approved" for a in steps.values())
    plan = review_overview(session, review.id).plan
    assert plan.step("ai_act_screening").need == "not_needed"
    assert plan.step("dpia").need == "not_needed"
    assert plan.step("vendor_due_diligence").depth == "standard"


def test_focusmeter_has_a_capped_grade_and_an_overdue_action(
    session: Session, demo_run: DemoRun
) -> None:
    steps = _steps(session, FOCUSMETER)
    overview = review_overview(session, _review(session, FOCUSMETER).id)
    result = overview.steps["vendor_due_diligence"].result
    assert result is not None and result.to_json()["grade"] == "D"
    assert overview.facts.critical_findings >= 1
    actions = [a for assessment in steps.values() for a in list_actions(session, assessment.id)]
    overdue = [a for a in actions if is_overdue(a, demo_run.today)]
    assert len(overdue) == 1
    assert sum(1 for a in actions if a.status != "done") > len(overdue)
    # ... and it is the only overdue action of the whole demo.
    assert [a.id for a in list_actions(session) if is_overdue(a, demo_run.today)] == [overdue[0].id]


def test_hirebot_is_limited_risk_and_not_an_aedt(session: Session) -> None:
    overview = review_overview(session, _review(session, HIREBOT).id)
    assert overview.facts.ai_act_tier == "limited"
    ai_act = overview.steps["ai_act_screening"].result
    assert ai_act is not None and "50(1)" in ai_act.to_json()["transparency"]
    # Art. 50(1) is the provider's duty: the deployer checks the vendor meets it.
    vendor_duties = {o["id"] for o in ai_act.to_json()["vendor_obligations"]}
    assert "art50_1_ai_interaction_disclosure" in vendor_duties
    assert overview.plan.step("vendor_due_diligence").depth == "light"
    ll144 = overview.steps["ll144_bias_audit"].result
    assert ll144 is not None and ll144.to_json()["status"] == "not_applicable"
    assert overview.plan.step("dpia").need == "needed"  # two WP248 criteria: a DPIA is planned


# --- the shipped data, without a workspace ------------------------------------------------------


def test_demo_data_ships_inside_the_package() -> None:
    root = Path(str(data_root()))
    assert root.is_dir() and root.parent == Path(dpia_desk.__file__).parent
    stories = load_stories()
    assert {s.vendor for s in stories} == {d.name for d in DEMO_VENDORS}
    systems = {s.name for d in DEMO_VENDORS for s in d.systems}
    assert all(s.ai_system is None or s.ai_system in systems for s in stories)


def test_every_data_file_answers_the_current_form_validly() -> None:
    today = date(2026, 11, 27)
    for story, step in iter_steps():
        form = current_form(step.form_id)
        answers = resolve_dates(step.mapping("answers"), today)
        for question_id, value in answers.items():
            normalise_for(form, str(question_id), value)  # raises on an invalid answer
        for question_id in step.mapping("comments"):
            assert form.find_question(str(question_id)) is not None, (story.slug, question_id)
        section_ids = {section.id for section in form.sections}
        assert all(item["section"] in section_ids for item in step.items("ratings"))
        for item in step.items("evidence"):
            assert story.files.joinpath(item["file"]).is_file(), item
            assert item.get("question") is None or form.find_question(item["question"])
        flags = {flag.key for flag in evaluate(form, answers).flags}
        for action in step.items("actions"):
            assert action.get("finding") is None or action["finding"] in flags, (
                story.slug,
                action["finding"],
            )


@pytest.mark.parametrize(
    ("slug", "form_id", "key", "expected"),
    [
        ("talentsift", "vendor_intake", "tier", 1),
        ("talentsift", "ai_act_screening", "tier", "high"),
        ("talentsift", "dpia_screening", "verdict", "required"),
        ("talentsift", "vendor_due_diligence", "grade", "B"),
        ("payflow", "vendor_intake", "tier", 2),
        ("payflow", "dpia_screening", "verdict", "not_required"),
        ("payflow", "vendor_due_diligence", "grade", "A"),
        ("hirebot", "vendor_intake", "tier", 3),
        ("hirebot", "ai_act_screening", "tier", "limited"),
        ("interviewlens", "ai_act_screening", "tier", "prohibited"),
        ("attrition", "ai_act_screening", "tier", "high"),
        ("focusmeter", "vendor_due_diligence", "grade", "D"),
        ("attrition", "vendor_due_diligence", "grade", "C"),
        ("attrition", "dpia_screening", "verdict", "required"),
        ("hirebot", "dpia_screening", "verdict", "likely_required"),
        ("hirebot", "ll144_bias_audit", "status", "not_applicable"),
        ("talentsift", "ll144_bias_audit", "status", "compliant"),
    ],
)
def test_each_answer_set_scores_as_its_story_says(
    slug: str, form_id: str, key: str, expected: object
) -> None:
    step = next(
        step for story, step in iter_steps() if story.slug == slug and step.form_id == form_id
    )
    answers = resolve_dates(step.mapping("answers"), date(2026, 11, 27))
    result = score_form(current_form(form_id), answers, strict=False).to_json()
    assert result[key] == expected


def test_relative_dates_and_month_arithmetic() -> None:
    today = date(2027, 1, 31)
    assert resolve_dates(["today", "today-5d", "today+30d", "todays"], today) == [
        "2027-01-31",
        "2027-01-26",
        "2027-03-02",
        "todays",
    ]
    assert add_months(today, 1) == date(2027, 2, 28)
    assert add_months(date(2026, 11, 27), 24) == date(2028, 11, 27)


def test_a_broken_story_file_is_named() -> None:
    with pytest.raises(DemoDataError, match="not a date"):
        from dpia_desk.demo_assessments import _as_date

        _as_date("tomorrow", date(2026, 11, 27), "x/y.yaml")


def test_a_build_without_the_demo_data_says_so(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import dpia_desk.demo_assessments as module

    monkeypatch.setattr(module, "data_root", lambda: tmp_path / "missing")
    with pytest.raises(DemoDataError, match="missing from this installation"):
        load_stories()
