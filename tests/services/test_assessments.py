"""Answering an assessment: frozen forms, validation, comments, evidence, audit, locking."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from dpia_desk.questionnaire import load_form_text
from dpia_desk.services.assessments import (
    add_evidence,
    evidence_content,
    form_of,
    remove_evidence,
    safe_filename,
    set_answer,
    set_answers,
    set_comment,
    snapshot,
    start_assessment,
    stored_answers,
)
from dpia_desk.services.errors import (
    AnswerRejectedError,
    EvidenceRejectedError,
    UnknownQuestionError,
)
from dpia_desk.services.library import current_form
from dpia_desk.store import Workspace, verify_chain
from dpia_desk.store.models import AuditEvent

HIGH_RISK_CV_FILTER = {
    "is_ai_system": "yes",
    "scope_exclusion": "none",
    "our_role": "deployer",
    "provider_triggers": ["none"],
    "prohibited_practices": ["none"],
    "emotion_recognition": "no",
    "biometric_categorisation": "none",
    "biometric_identification": "none",
    "employment_uses": ["recruitment_filtering_applications"],
    "other_annex_iii_uses": ["none"],
    "annex_i_safety_component": "no",
    "profiling": "yes",
    "interacts_with_people": "no",
    "generates_synthetic_content": "no",
    "deployer_type": "private_organisation",
    "used_on_workers": "no",
    "decides_about_people": "yes",
    "significant_decision_effect": "yes",
    "gpai_model_provider": "no",
}


def start(workspace: Workspace, vendor_id: str, form_id: str = "ai_act_screening") -> str:
    with workspace.session() as session:
        return start_assessment(
            session, actor="hr.lead", vendor_id=vendor_id, form=current_form(form_id)
        ).id


def test_answers_give_a_tier_with_reasons(workspace: Workspace, vendor_id: str) -> None:
    assessment_id = start(workspace, vendor_id)
    with workspace.session() as session:
        changed = set_answers(
            session, actor="hr.lead", assessment_id=assessment_id, answers=HIGH_RISK_CV_FILTER
        )
    assert "employment_uses" in changed
    with workspace.read_session() as session:
        current = snapshot(session, assessment_id)
    assert current.result is not None
    document = current.result.to_json()
    assert document["tier"] == "high"
    assert all(reason["refs"] for reason in document["reasons"])
    assert any("employment_uses" in str(reason["answers"]) for reason in document["reasons"])


def test_yaml_booleans_are_stored_canonically(workspace: Workspace, vendor_id: str) -> None:
    assessment_id = start(workspace, vendor_id)
    with workspace.session() as session:
        set_answer(
            session, actor="a", assessment_id=assessment_id, question_id="is_ai_system", value=True
        )
    with workspace.read_session() as session:
        assert stored_answers(session, assessment_id) == {"is_ai_system": "yes"}


def test_an_invalid_answer_set_changes_nothing(workspace: Workspace, vendor_id: str) -> None:
    assessment_id = start(workspace, vendor_id)
    bad = {"is_ai_system": "yes", "our_role": "emperor", "no_such_question": 1}
    with workspace.session() as session, pytest.raises(AnswerRejectedError) as caught:
        set_answers(session, actor="a", assessment_id=assessment_id, answers=bad)
    assert "our_role" in str(caught.value)
    assert "no_such_question" in str(caught.value)
    with workspace.read_session() as session:
        assert stored_answers(session, assessment_id) == {}


def test_unknown_question_is_named(workspace: Workspace, vendor_id: str) -> None:
    assessment_id = start(workspace, vendor_id)
    with workspace.session() as session, pytest.raises(UnknownQuestionError, match="uses_bio"):
        set_answer(session, actor="a", assessment_id=assessment_id, question_id="uses_bio", value=1)


def test_clearing_an_answer_and_auditing_each_change(workspace: Workspace, vendor_id: str) -> None:
    assessment_id = start(workspace, vendor_id)
    with workspace.session() as session:
        assert set_answer(
            session, actor="a", assessment_id=assessment_id, question_id="profiling", value="yes"
        )
        assert not set_answer(  # same value: no change, no event
            session, actor="a", assessment_id=assessment_id, question_id="profiling", value="yes"
        )
        assert set_answer(
            session, actor="b", assessment_id=assessment_id, question_id="profiling", value=None
        )
    with workspace.read_session() as session:
        assert stored_answers(session, assessment_id) == {}
        events = session.scalars(
            select(AuditEvent).where(AuditEvent.action == "answer").order_by(AuditEvent.seq)
        ).all()
        assert [(e.actor, e.old_value, e.new_value) for e in events] == [
            ("a", None, "yes"),
            ("b", "yes", None),
        ]
        assert verify_chain(session).ok


def test_comments(workspace: Workspace, vendor_id: str) -> None:
    assessment_id = start(workspace, vendor_id)
    with workspace.session() as session:
        set_comment(
            session,
            actor="a",
            assessment_id=assessment_id,
            question_id="profiling",
            comment="  Vendor confirmed in the call of 3 May.  ",
        )
    with workspace.read_session() as session:
        current = snapshot(session, assessment_id)
    assert current.comments == {"profiling": "Vendor confirmed in the call of 3 May."}
    assert current.answers == {}


def test_evidence_is_kept_encrypted_and_counted(workspace: Workspace, vendor_id: str) -> None:
    assessment_id = start(workspace, vendor_id, "vendor_due_diligence")
    form = current_form("vendor_due_diligence")
    question = next(q.id for q in form.questions if q.evidence_requested)
    content = b"%PDF-1.4 SOC 2 type II report canary-7c1f"
    with workspace.session() as session:
        evidence = add_evidence(
            session,
            actor="it",
            assessment_id=assessment_id,
            question_id=question,
            filename="../../etc/soc2.pdf",
            content=content,
        )
        evidence_id = evidence.id
    with workspace.read_session() as session:
        stored, data = evidence_content(session, evidence_id)
        assert stored.filename == "soc2.pdf"
        assert stored.media_type == "application/pdf"
        assert data == content
        assert snapshot(session, assessment_id).evidence_counts == {question: 1}
    with workspace.session() as session:
        remove_evidence(session, actor="it", evidence_id=evidence_id)
    with workspace.read_session() as session:
        assert snapshot(session, assessment_id).evidence_counts == {}
    for suffix in ("", "-wal"):
        path = workspace.path.with_name(workspace.path.name + suffix)
        if path.exists():
            assert b"canary-7c1f" not in path.read_bytes()


def test_evidence_above_the_limit_is_refused(workspace: Workspace, vendor_id: str) -> None:
    assessment_id = start(workspace, vendor_id, "vendor_due_diligence")
    with workspace.session() as session, pytest.raises(EvidenceRejectedError, match="limit"):
        add_evidence(
            session,
            actor="it",
            assessment_id=assessment_id,
            question_id=None,
            filename="huge.bin",
            content=b"x" * 2048,
            max_bytes=1024,
        )


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("report.pdf", "report.pdf"),
        ("../../etc/passwd", "passwd"),
        ("C:\\Users\\me\\evil.docx", "evil.docx"),
        ("\x00\x1b[31mred.txt", "[31mred.txt"),
        ("...", "attachment"),
        ("", "attachment"),
    ],
)
def test_attachment_names_never_become_paths(given: str, expected: str) -> None:
    assert safe_filename(given) == expected


def test_long_attachment_names_keep_their_extension() -> None:
    name = safe_filename("a" * 400 + ".pdf")
    assert len(name) == 255
    assert name.endswith(".pdf")


FORM_V1 = """
schema_version: 1
id: mini
version: 1.0.0
status: released
title: Mini
source: {author: tests, licence: CC0-1.0}
sections:
  - id: s
    title: S
    questions:
      - {id: q1, type: yes_no, text: First question, refs: [gdpr:art35.1]}
"""


def test_an_assessment_keeps_the_form_it_was_started_on(
    workspace: Workspace, vendor_id: str
) -> None:
    v1 = load_form_text(FORM_V1, "mini.yaml")
    with workspace.session() as session:
        assessment_id = start_assessment(session, actor="a", vendor_id=vendor_id, form=v1).id
        set_answer(session, actor="a", assessment_id=assessment_id, question_id="q1", value="no")
    v2 = load_form_text(
        FORM_V1.replace("1.0.0", "2.0.0").replace("First question", "Reworded"), "mini.yaml"
    )
    assert v2.question("q1").text == "Reworded"
    with workspace.read_session() as session:
        current = snapshot(session, assessment_id)
    assert current.form.version == "1.0.0"
    assert current.form.question("q1").text == "First question"
    assert current.answers == {"q1": "no"}
    assert form_of is not None
