"""Review, sign-off, locking, versions; the risk register and the action plan."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from dpia_desk.questionnaire import load_form_text
from dpia_desk.services.assessments import set_answer, snapshot, start_assessment
from dpia_desk.services.errors import (
    AssessmentLockedError,
    InvalidInputError,
    SignOffBlockedError,
)
from dpia_desk.services.risks import (
    actions_from_findings,
    add_action,
    add_risk,
    is_overdue,
    list_actions,
    list_risks,
    register_outcome,
    update_action,
    update_risk,
)
from dpia_desk.services.signoff import (
    latest_section_reviews,
    rate_section,
    reopen,
    sign_off,
    signoff_status,
)
from dpia_desk.store import Workspace
from dpia_desk.store.models import Assessment

FORM = """
schema_version: 1
id: two_roles
version: 1.0.0
status: released
title: Two roles
source: {author: tests, licence: CC0-1.0}
sections:
  - id: people
    title: People
    owner_role: hr
    questions:
      - id: informed
        type: yes_no
        text: Were staff informed?
        refs: [ai_act:art26.7]
        choices:
          - id: "no"
            flag: {severity: high, text: Staff were not informed.}
  - id: systems
    title: Systems
    owner_role: it
    questions:
      - {id: encrypted, type: yes_no, text: Is data encrypted?, refs: [gdpr:art32.1.a]}
"""


@pytest.fixture
def assessment_id(workspace: Workspace, vendor_id: str) -> str:
    form = load_form_text(FORM, "two_roles.yaml")
    with workspace.session() as session:
        return start_assessment(session, actor="a", vendor_id=vendor_id, form=form).id


def answer(workspace: Workspace, assessment_id: str, **values: str) -> None:
    with workspace.session() as session:
        for question_id, value in values.items():
            set_answer(
                session,
                actor="a",
                assessment_id=assessment_id,
                question_id=question_id,
                value=value,
            )


def test_approval_is_refused_while_required_questions_are_open(
    workspace: Workspace, assessment_id: str
) -> None:
    answer(workspace, assessment_id, informed="yes")
    with workspace.session() as session, pytest.raises(SignOffBlockedError) as caught:
        sign_off(
            session,
            actor="a",
            assessment_id=assessment_id,
            role="hr",
            name="Hana",
            decision="approve",
        )
    assert caught.value.missing == ("encrypted",)
    assert "Is data encrypted?" in str(caught.value)


def test_every_role_signs_then_the_assessment_locks_and_reopens_as_a_new_version(
    workspace: Workspace, assessment_id: str
) -> None:
    answer(workspace, assessment_id, informed="yes", encrypted="yes")
    with workspace.read_session() as session:
        status = signoff_status(session, assessment_id)
    assert status.required == ("hr", "it", "dpo_legal")
    for role, name in (("hr", "Hana"), ("it", "Ivo"), ("legal", "Lea")):
        with workspace.session() as session:
            sign_off(
                session,
                actor=name,
                assessment_id=assessment_id,
                role=role,
                name=name,
                decision="approve",
                statement="Reviewed my sections.",
            )
    with workspace.read_session() as session:
        assert session.get(Assessment, assessment_id).status == "approved"
    with workspace.session() as session, pytest.raises(AssessmentLockedError):
        set_answer(
            session, actor="a", assessment_id=assessment_id, question_id="encrypted", value="no"
        )
    with workspace.session() as session:
        new_id = reopen(session, actor="a", assessment_id=assessment_id).id
    with workspace.read_session() as session:
        new = snapshot(session, new_id)
        old = snapshot(session, assessment_id)
    assert new.version == 2 and new.status == "draft" and not new.locked
    assert new.answers == old.answers == {"informed": "yes", "encrypted": "yes"}
    assert old.locked


def test_a_rejection_locks_as_rejected(workspace: Workspace, assessment_id: str) -> None:
    with workspace.session() as session:
        sign_off(
            session,
            actor="d",
            assessment_id=assessment_id,
            role="dpo",
            name="Dora",
            decision="reject",
            statement="Incomplete.",
        )
    with workspace.read_session() as session:
        assert session.get(Assessment, assessment_id).status == "rejected"


def test_section_ratings_keep_the_latest(workspace: Workspace, assessment_id: str) -> None:
    with workspace.session() as session:
        rate_section(
            session,
            actor="d",
            assessment_id=assessment_id,
            section_id="people",
            rating="to_be_corrected",
            comment="Say when staff were told.",
        )
        rate_section(
            session,
            actor="d",
            assessment_id=assessment_id,
            section_id="people",
            rating="acceptable",
        )
        with pytest.raises(InvalidInputError):
            rate_section(
                session,
                actor="d",
                assessment_id=assessment_id,
                section_id="people",
                rating="great",
            )
    with workspace.read_session() as session:
        reviews = latest_section_reviews(session, assessment_id)
    assert reviews["people"].rating == "acceptable"


def test_risk_register_rates_with_the_cnil_matrix(workspace: Workspace, assessment_id: str) -> None:
    with workspace.session() as session:
        risk = add_risk(
            session,
            actor="d",
            assessment_id=assessment_id,
            title="Illegitimate access",
            severity=4,
            likelihood=3,
            sources=["external attacker"],
        )
        with pytest.raises(InvalidInputError, match="1 to 4"):
            update_risk(session, actor="d", risk_id=risk.id, likelihood=5)
    with workspace.read_session() as session:
        outcome = register_outcome(list_risks(session, assessment_id))
    assert outcome.prior_consultation  # unrated measures keep the inherent (high) level
    with workspace.session() as session:
        update_risk(session, actor="d", risk_id=risk.id, residual_severity=2, residual_likelihood=1)
    with workspace.read_session() as session:
        outcome = register_outcome(list_risks(session, assessment_id))
    assert not outcome.prior_consultation
    assert outcome.heat_map["inherent"][3][2] == 1


def test_actions_from_findings_and_overdue(workspace: Workspace, assessment_id: str) -> None:
    answer(workspace, assessment_id, informed="no")
    with workspace.session() as session:
        created = actions_from_findings(session, actor="d", assessment_id=assessment_id)
        again = actions_from_findings(session, actor="d", assessment_id=assessment_id)
    assert [a.finding_ref for a in created] == ["informed.no"]
    assert again == []
    with workspace.session() as session:
        late = add_action(
            session,
            actor="d",
            assessment_id=assessment_id,
            title="Sign the DPA",
            due_date=date.today() - timedelta(days=1),
        )
        assert is_overdue(late)
        update_action(session, actor="d", action_id=late.id, status="done")
        assert not is_overdue(late)
        with pytest.raises(InvalidInputError):
            add_action(session, actor="d", assessment_id=assessment_id, title="  ")
    with workspace.read_session() as session:
        assert len(list_actions(session, assessment_id)) == 2
