"""Erasing a vendor or an assessment removes its content from every page of the file."""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from dpia_desk.store import (
    RecoveryKey,
    Workspace,
    add_vendor,
    count_vendors,
    record_event,
    verify_chain,
)
from dpia_desk.store.erasure import vendor_erasure_plan
from dpia_desk.store.folding import fold_for_search
from dpia_desk.store.models import (
    Action,
    AISystem,
    Answer,
    Assessment,
    AuditEvent,
    Evidence,
    Review,
    Risk,
    SectionReview,
    SignOff,
    Vendor,
)
from tests.store.helpers import decrypt_pages

CANARY = "ERASE-ME-3b1f-Zoë-Candidate"


def decrypted_pages(path: Path, key: bytes) -> bytes:
    """Every page of the file decrypted (free pages included), end to end."""
    return b"".join(decrypt_pages(path, key))


def _holds_canary(blob: bytes) -> bool:
    return any(
        needle in blob for needle in (CANARY.encode(), CANARY.encode("utf-16-le"), b"ERASE-ME-3b1f")
    )


def _fill(workspace: Workspace) -> tuple[str, str]:
    """A vendor full of canaries (and a neighbour that must survive)."""
    with workspace.session() as session:
        vendor = add_vendor(
            session, actor="hr", name=f"{CANARY} GmbH", notes=f"notes {CANARY} " * 20,
            contacts=[{"name": CANARY, "email": "dpo@canary.example"}],
        )  # fmt: skip
        keeper = add_vendor(session, actor="hr", name="Keeper Ltd", notes="stays")
        system = AISystem(vendor_id=vendor.id, name=f"{CANARY} ranker", description=CANARY)
        review = Review(vendor_id=vendor.id, title=f"Review of {CANARY}")
        session.add_all([system, review])
        session.flush()
        assessment = Assessment(
            vendor_id=vendor.id, ai_system_id=system.id, review_id=review.id,
            form_id="dpia", form_version="1.0.0", form_snapshot={"title": CANARY},
        )  # fmt: skip
        session.add(assessment)
        session.flush()
        content = (CANARY * 400).encode()
        answer = Answer(assessment_id=assessment.id, question_id="q1", value={"text": CANARY},
                        comment=CANARY, answered_by="hr")  # fmt: skip
        session.add_all([
            answer,
            Evidence(assessment_id=assessment.id, filename=f"{CANARY}.pdf",
                     media_type="application/pdf", size=len(content),
                     sha256=hashlib.sha256(content).hexdigest(), content=content,
                     added_by="it", expires_on=date(2027, 1, 1)),
            Risk(assessment_id=assessment.id, title=CANARY, feared_event=CANARY,
                 severity=3, likelihood=2, measures=CANARY),
            SignOff(assessment_id=assessment.id, role="dpo", name=CANARY,
                    decision="approve", statement=CANARY),
            SectionReview(assessment_id=assessment.id, section_id="s1", rating="improvable",
                          comment=CANARY, reviewer="dpo"),
        ])  # fmt: skip
        session.flush()
        session.add(Action(assessment_id=assessment.id, title=CANARY, owner="it"))
        record_event(session, "hr", "answer", "answer", answer.id, "value", None, CANARY)
        record_event(session, "hr", "update", "assessment", assessment.id, "q1", None, CANARY)
        return vendor.id, keeper.id


def test_erasing_a_vendor_leaves_no_trace_in_the_file(
    keychain_workspace: tuple[Workspace, RecoveryKey],
) -> None:
    workspace, recovery = keychain_workspace
    vendor_id, keeper_id = _fill(workspace)
    workspace.fold_wal()
    assert _holds_canary(decrypted_pages(workspace.path, recovery.raw))  # the probe can see it

    with workspace.read_session() as session:
        plan = vendor_erasure_plan(session, vendor_id)
    assert plan.counts() == {
        "vendor": 1, "ai_system": 1, "review": 1, "assessment": 1, "answer": 1,
        "evidence": 1, "risk": 1, "action": 1, "sign_off": 1, "section_review": 1,
    }  # fmt: skip
    assert "1 evidence file" in plan.describe() and "bytes of evidence" in plan.describe()

    workspace.erase_vendor(vendor_id)
    with workspace.read_session() as session:
        for model in (Vendor, AISystem, Review, Assessment, Answer, Evidence, Risk, Action,
                      SignOff, SectionReview):  # fmt: skip
            remaining = session.scalar(select(func.count()).select_from(model))
            assert remaining == (1 if model is Vendor else 0), model.__name__
        assert session.get(Vendor, keeper_id) is not None
        erase = session.scalars(select(AuditEvent).where(AuditEvent.action == "erase")).one()
        assert erase.entity_id == vendor_id and erase.new_value["evidence"] == 1
        assert verify_chain(session).ok
    workspace.close()
    assert not Path(f"{workspace.path}-wal").exists()
    assert not _holds_canary(workspace.path.read_bytes())
    assert not _holds_canary(decrypted_pages(workspace.path, recovery.raw))


def test_erasing_an_assessment_keeps_its_vendor(
    keychain_workspace: tuple[Workspace, RecoveryKey],
) -> None:
    workspace, recovery = keychain_workspace
    vendor_id, _ = _fill(workspace)
    with workspace.read_session() as session:
        assessment_id = session.scalars(select(Assessment.id)).one()
    plan = workspace.erase_assessment(assessment_id)
    assert plan.counts()["answer"] == 1 and "vendor" not in plan.counts()
    with workspace.read_session() as session:
        assert session.get(Vendor, vendor_id) is not None
        assert session.scalar(select(func.count()).select_from(Evidence)) == 0
    workspace.close()
    pages = decrypted_pages(workspace.path, recovery.raw)
    assert (CANARY * 400).encode() not in pages  # the evidence file is gone
    assert f"{CANARY}.pdf".encode() not in pages


def test_erasing_something_missing_says_so(
    keychain_workspace: tuple[Workspace, RecoveryKey],
) -> None:
    workspace, _ = keychain_workspace
    from dpia_desk.store import NotFoundError

    with pytest.raises(NotFoundError):
        workspace.erase_vendor("no-such-id")


PROBE = "Qjxv Wkzq Zvjq"  # folded: "qjxv wkzq zvjq", three-letter runs found nowhere else


def _search_blobs(workspace: Workspace) -> bytes:
    """The trigram index's own pages (FTS5 keeps its segments as blobs in a shadow table)."""
    connection = workspace.raw_connection()
    try:
        rows = connection.execute("SELECT block FROM vendor_name_search_data").fetchall()
    finally:
        connection.close()
    return b"".join(row[0] for row in rows)


def test_erasing_a_vendor_leaves_no_trace_in_the_name_indexes(
    keychain_workspace: tuple[Workspace, RecoveryKey],
) -> None:
    """The folded name lives in the vendor row, in every (key, sort_name) index and, cut into
    trigrams, in the FTS5 index: all of it must be gone from the file after erasure."""
    workspace, recovery = keychain_workspace
    with workspace.session() as session:
        add_vendor(session, actor="hr", name="Keeper Ltd")
        vendor_id = add_vendor(session, actor="hr", name=PROBE).id
    workspace.fold_wal()
    folded = fold_for_search(PROBE).encode()
    grams = {folded[i : i + 3] for i in range(len(folded) - 2)}
    # The trigrams the index stores whole (others share a prefix with their neighbour term):
    # the probe must see some, or this test would prove nothing.
    stored = {gram for gram in grams if gram in _search_blobs(workspace) and b" " not in gram}
    assert len(stored) >= 3, stored
    pages = decrypted_pages(workspace.path, recovery.raw)
    assert pages.count(folded) >= 3  # the row and the sort indexes hold the folded name

    workspace.erase_vendor(vendor_id)
    assert not stored & {gram for gram in grams if gram in _search_blobs(workspace)}
    with workspace.read_session() as session:
        assert count_vendors(session, "qjx") == 0 and count_vendors(session, "keeper") == 1
    assert workspace.check().ok
    workspace.close()
    pages = decrypted_pages(workspace.path, recovery.raw)
    assert folded not in pages and PROBE.encode() not in pages
    leftovers = [gram for gram in stored if gram in pages]
    assert leftovers == [], leftovers
