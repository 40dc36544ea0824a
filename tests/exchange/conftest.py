"""Shared pieces of the exchange tests: workspaces, a full DPIA, content hashes, sealing."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from dpia_desk.exchange.document import document_digest
from dpia_desk.services.assessments import add_evidence, set_answers, set_comment, start_assessment
from dpia_desk.services.library import current_form
from dpia_desk.services.risks import add_action, add_risk
from dpia_desk.services.signoff import rate_section, sign_off
from dpia_desk.store import KeychainKey, Workspace, add_vendor
from dpia_desk.store.models import AISystem, Review

REPO_ROOT = Path(__file__).resolve().parents[2]
GOLDEN_DPIA = REPO_ROOT / "tests" / "golden" / "dpia" / "cv_ranking_complete.yaml"
#: The CNIL PIA software's files (GPL test data): beside the repository, never inside it.
CNIL_FIXTURES = REPO_ROOT.parent / "shared" / "fixtures" / "cnil"

PDF_BYTES = b"%PDF-1.4\n% a tiny stand-in for a SOC 2 report\n" + bytes(range(256)) * 40
PNG_BYTES = b"\x89PNG\r\n\x1a\n" + b"\x00\xff" * 3000


@pytest.fixture
def make_workspace(tmp_path: Path) -> Iterator[Callable[[str], Workspace]]:
    opened: list[Workspace] = []

    def make(name: str) -> Workspace:
        workspace, _recovery = Workspace.create(tmp_path / f"{name}.dpia", KeychainKey())
        opened.append(workspace)
        return workspace

    yield make
    for workspace in opened:
        if not workspace.closed:
            workspace.close()


@dataclass(frozen=True)
class FullAssessment:
    workspace: Workspace
    vendor_id: str
    ai_system_id: str
    review_id: str
    assessment_id: str


def build_full_assessment(workspace: Workspace, *, approve: bool = True) -> FullAssessment:
    """A DPIA with every kind of record: answers, comments, evidence, section reviews, risks,
    actions (one tied to a risk), sign-offs (all approving: the assessment ends approved)."""
    answers = yaml.safe_load(GOLDEN_DPIA.read_text(encoding="utf-8"))["answers"]
    actor = "alice"
    with workspace.session() as session:
        vendor = add_vendor(
            session,
            actor=actor,
            name="Hireflow GmbH",
            country="DE",
            website="https://hireflow.example",
            contacts=[{"name": "Zoë Weiß", "role": "DPO", "email": "dpo@hireflow.example"}],
            sub_processors=[{"name": "Cloud host", "country": "IE"}, "Support desk"],
            notes="Ranking tool for sales roles.\n<b>not markup</b> & =SUM(A1)",
            contract_status="negotiating",
            dpa_status="in_review",
            next_review_date=date(2027, 3, 1),
        )
        system = AISystem(
            vendor_id=vendor.id,
            name="Talent ranker",
            description="Ranks applications against job requirements.",
            intended_purpose="Pre-selection of applicants",
        )
        session.add(system)
        session.flush()
        review = Review(vendor_id=vendor.id, ai_system_id=system.id, title="2026 review")
        session.add(review)
        session.flush()
        assessment = start_assessment(
            session,
            actor=actor,
            vendor_id=vendor.id,
            form=current_form("dpia"),
            ai_system_id=system.id,
            review_id=review.id,
            review_date=date(2027, 1, 15),
        )
        set_answers(session, actor=actor, assessment_id=assessment.id, answers=answers)
        set_comment(
            session,
            actor=actor,
            assessment_id=assessment.id,
            question_id="purposes",
            comment="Agreed with the works council on 3 March. «Ünïcödé» ✓ 漢字",
        )
        set_comment(
            session,
            actor=actor,
            assessment_id=assessment.id,
            question_id="legitimate_interests",
            comment="Only a comment on this one.",
        )
        add_evidence(
            session,
            actor=actor,
            assessment_id=assessment.id,
            question_id="data_flows",
            filename="data-flow.pdf",
            content=PDF_BYTES,
            expires_on=date(2027, 6, 30),
        )
        add_evidence(
            session,
            actor="bob",
            assessment_id=assessment.id,
            question_id=None,
            filename="diagram.png",
            content=PNG_BYTES,
        )
        rate_section(
            session,
            actor="dora",
            assessment_id=assessment.id,
            section_id="necessity",
            rating="improvable",
            comment="Say why photos are not needed.",
        )
        risk = add_risk(
            session,
            actor=actor,
            assessment_id=assessment.id,
            title="Ranking leaks to line managers",
            feared_event="Illegitimate access",
            sources=["internal_accidental", "vendor_or_subprocessor"],
            impacts=["embarrassment", "discrimination"],
            severity=3,
            likelihood=2,
            residual_severity=2,
            residual_likelihood=1,
            measures="Role-based access; quarterly review.",
        )
        add_action(
            session,
            actor=actor,
            assessment_id=assessment.id,
            title="Quarterly access review",
            owner="IT security",
            due_date=date(2026, 12, 31),
            risk_id=risk.id,
        )
        add_action(
            session,
            actor=actor,
            assessment_id=assessment.id,
            title="Publish the notice",
            status="in_progress",
            finding_ref="information_to_people.partial",
        )
        if approve:
            for role, name in (("hr", "Hanna HR"), ("it", "Ivo IT"), ("dpo", "Dora DPO")):
                sign_off(
                    session,
                    actor=actor,
                    assessment_id=assessment.id,
                    role=role,
                    name=name,
                    decision="approve",
                    statement=f"Approved by {name}.",
                )
        return FullAssessment(workspace, vendor.id, system.id, review.id, assessment.id)


def content_hash(workspace: Workspace) -> str:
    """A digest of every row of every table (the audit trail included)."""
    digest = hashlib.sha256()
    connection = workspace.raw_connection(read_only=True)
    try:
        tables = [
            str(row[0])
            for row in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
            )
        ]
        for table in tables:
            digest.update(table.encode())
            rows = connection.execute(f'SELECT * FROM "{table}"').fetchall()  # noqa: S608
            for row in sorted(rows, key=repr):
                digest.update(repr(row).encode())
    finally:
        connection.close()
    return digest.hexdigest()


def seal(document: dict[str, Any]) -> dict[str, Any]:
    """Recompute the document's sha256 after a test edited it (as a forger would)."""
    document["sha256"] = document_digest(document)
    return document
