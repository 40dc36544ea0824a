"""Export, then import into a fresh workspace: the same assessment, record for record."""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import inspect, select

from dpia_desk import paths
from dpia_desk.exchange import (
    AssessmentExistsError,
    ImportRefusedError,
    build_document,
    export_assessment,
    import_assessment,
)
from dpia_desk.services.assessments import snapshot
from dpia_desk.store import KeychainKey, Workspace, WorkspaceReadOnlyError, add_vendor, verify_chain
from dpia_desk.store.backup import verify_backup
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
from tests.exchange.conftest import build_full_assessment, content_hash

CHILD_MODELS = (Answer, Evidence, SectionReview, Risk, Action, SignOff)
VENDOR_CACHE = frozenset({"ai_act_tier", "dpia_verdict", "grade", "open_findings"})


def _columns(row: Any, skip: frozenset[str] = frozenset()) -> dict[str, Any]:
    mapper = inspect(type(row))
    return {c.key: getattr(row, c.key) for c in mapper.column_attrs if c.key not in skip}


def _records(workspace: Workspace, assessment_id: str) -> dict[str, Any]:
    with workspace.read_session() as session:
        assessment = session.get(Assessment, assessment_id)
        assert assessment is not None
        vendor = session.get(Vendor, assessment.vendor_id)
        system = session.get(AISystem, assessment.ai_system_id)
        review = session.get(Review, assessment.review_id)
        found: dict[str, Any] = {
            "assessment": _columns(assessment),
            "vendor": _columns(vendor, VENDOR_CACHE),
            "ai_system": _columns(system),
            "review": _columns(review),
            "snapshot": snapshot(session, assessment_id).to_json(),
        }
        for model in CHILD_MODELS:
            rows = session.scalars(
                select(model).where(model.assessment_id == assessment_id).order_by(model.id)
            )
            found[model.__tablename__] = [_columns(row) for row in rows]
        return found


@pytest.fixture
def exported(make_workspace: Callable[[str], Workspace], tmp_path: Path) -> tuple[Any, Path]:
    source = build_full_assessment(make_workspace("source"))
    target = tmp_path / "assessment.json"
    with source.workspace.read_session() as session:
        export_assessment(session, source.assessment_id, target, actor="exporter")
    return source, target


def test_import_into_a_fresh_workspace_is_identical(
    exported: tuple[Any, Path], make_workspace: Callable[[str], Workspace]
) -> None:
    source, file = exported
    fresh = make_workspace("fresh")
    report = import_assessment(fresh, file, actor="importer")

    assert report.assessment_id == source.assessment_id
    assert report.vendor_id == source.vendor_id
    before = _records(source.workspace, source.assessment_id)
    after = _records(fresh, source.assessment_id)
    assert after["snapshot"] == before["snapshot"]
    for key in before:
        assert after[key] == before[key], key
    # the evidence bytes themselves, and the approved (locked) status
    assert [row["content"] for row in after["evidence"]] == [
        row["content"] for row in before["evidence"]
    ]
    assert after["assessment"]["status"] == "approved"
    assert len(after["sign_off"]) == 3 and len(after["action"]) == 2


def test_import_is_audited_and_backed_up(
    exported: tuple[Any, Path], make_workspace: Callable[[str], Workspace]
) -> None:
    _source, file = exported
    fresh = make_workspace("fresh")
    report = import_assessment(fresh, file, actor="importer")
    with fresh.read_session() as session:
        event = session.scalars(
            select(AuditEvent).where(
                AuditEvent.action == "import", AuditEvent.entity == "assessment"
            )
        ).one()
        assert event.actor == "importer"
        assert event.new_value["file_sha256"] == report.file_sha256
        assert event.new_value["counts"]["evidence"] == 2
        assert verify_chain(session).ok
    assert report.backup is not None and report.backup.parent == paths.default_backup_dir()
    assert report.backup.name.endswith("-before-import.dpia")
    key = bytes(fresh._key)
    assert verify_backup(report.backup, key=key).tables["assessment"] == 0


def test_export_of_the_import_says_the_same(
    exported: tuple[Any, Path], make_workspace: Callable[[str], Workspace]
) -> None:
    source, file = exported
    fresh = make_workspace("fresh")
    import_assessment(fresh, file, actor="importer")
    original = json.loads(file.read_text(encoding="utf-8"))
    with fresh.read_session() as session:
        again = build_document(session, source.assessment_id, exported_by="exporter")
    changing = {"exported_at", "audit", "sha256", "vendor"}
    assert {k: v for k, v in again.items() if k not in changing} == {
        k: v for k, v in original.items() if k not in changing
    }
    assert again["vendor"] == original["vendor"]


def test_the_file_is_private_and_complete(exported: tuple[Any, Path]) -> None:
    _source, file = exported
    if os.name == "posix":
        assert stat.S_IMODE(file.stat().st_mode) == 0o600
    document = json.loads(file.read_text(encoding="utf-8"))
    assert document["format"] == "dpia_desk.assessment"
    assert document["format_version"] == 1
    assert document["exported_by"] == "exporter"
    assert document["assessment"]["form_snapshot"]["id"] == "dpia"
    assert document["audit"]["chain_ok"] is True
    assert document["audit"]["workspace_events"] >= len(document["audit"]["events"]) > 0
    assert all("new_value" not in event for event in document["audit"]["events"])
    assert [e["filename"] for e in document["evidence"]] == ["data-flow.pdf", "diagram.png"]
    assert not list(file.parent.glob(".*.partial"))


def test_the_same_assessment_twice_is_refused(
    exported: tuple[Any, Path], make_workspace: Callable[[str], Workspace]
) -> None:
    source, file = exported
    with pytest.raises(AssessmentExistsError, match="already in this workspace"):
        import_assessment(source.workspace, file, actor="importer")
    fresh = make_workspace("fresh")
    import_assessment(fresh, file, actor="importer")
    before = content_hash(fresh)
    with pytest.raises(AssessmentExistsError):
        import_assessment(fresh, file, actor="importer")
    assert content_hash(fresh) == before


def test_an_existing_vendor_is_attached_to_and_kept(
    exported: tuple[Any, Path], make_workspace: Callable[[str], Workspace]
) -> None:
    source, file = exported
    target = make_workspace("target")
    with target.session() as session:
        add_vendor(session, actor="t", name="Hireflow (our name)", vendor_id=source.vendor_id)
    report = import_assessment(target, file, actor="importer")
    with target.read_session() as session:
        vendor = session.get(Vendor, source.vendor_id)
        assert vendor is not None and vendor.name == "Hireflow (our name)"
        assessment = session.get(Assessment, source.assessment_id)
        assert assessment is not None and assessment.vendor_id == source.vendor_id
    assert any("already in this workspace" in line for line in report.unmapped)


def test_attach_to_another_vendor_on_request(
    exported: tuple[Any, Path], make_workspace: Callable[[str], Workspace]
) -> None:
    source, file = exported
    target = make_workspace("target")
    with target.session() as session:
        other = add_vendor(session, actor="t", name="Other vendor").id
    report = import_assessment(target, file, actor="importer", vendor_id=other)
    assert report.vendor_id == other
    with target.read_session() as session:
        assert session.get(Vendor, source.vendor_id) is None
        assessment = session.get(Assessment, source.assessment_id)
        assert assessment is not None and assessment.vendor_id == other
        system = session.get(AISystem, source.ai_system_id)
        assert system is not None and system.vendor_id == other
    missing = "00000000-0000-4000-8000-000000000000"
    with pytest.raises(ImportRefusedError, match="no vendor with id"):
        import_assessment(make_workspace("empty"), file, actor="i", vendor_id=missing)


def test_a_new_version_of_an_approved_assessment(
    exported: tuple[Any, Path], make_workspace: Callable[[str], Workspace]
) -> None:
    source, file = exported
    report = import_assessment(source.workspace, file, actor="importer", mode="new_version")
    assert report.assessment_id != source.assessment_id
    with source.workspace.read_session() as session:
        new = session.get(Assessment, report.assessment_id)
        assert new is not None
        assert (new.version, new.status, new.previous_version_id) == (
            2,
            "draft",
            source.assessment_id,
        )
        assert session.scalars(select(SignOff).where(SignOff.assessment_id == new.id)).all() == []
        answers = session.scalars(select(Answer).where(Answer.assessment_id == new.id)).all()
        assert len(answers) > 50
        actions = session.scalars(select(Action).where(Action.assessment_id == new.id)).all()
        risk_ids = {r.id for r in session.scalars(select(Risk).where(Risk.assessment_id == new.id))}
        assert {a.risk_id for a in actions if a.risk_id} <= risk_ids and risk_ids
        assert snapshot(session, new.id).answers == snapshot(session, source.assessment_id).answers
    assert any("sign-off" in line for line in report.unmapped)
    # version 2 is a draft: a third import waits until it is approved or rejected
    before = content_hash(source.workspace)
    with pytest.raises(ImportRefusedError, match="still draft"):
        import_assessment(source.workspace, file, actor="importer", mode="new_version")
    assert content_hash(source.workspace) == before


def test_a_read_only_workspace_is_refused_before_anything(
    exported: tuple[Any, Path],
) -> None:
    source, file = exported
    path = source.workspace.path
    source.workspace.close()
    with (
        Workspace.open(path, KeychainKey(), read_only=True) as read_only,
        pytest.raises(WorkspaceReadOnlyError),
    ):
        import_assessment(read_only, file, actor="importer")
    assert not paths.default_backup_dir().exists() or not list(
        paths.default_backup_dir().glob("*before-import*")
    )


def test_a_vendor_wide_step_of_a_review_about_an_ai_system_round_trips(
    make_workspace: Callable[[str], Workspace], tmp_path: Path
) -> None:
    """The intake of a review about one system is vendor-wide (no AI system of its own); its
    file still carries the review's system, and imports."""
    from dpia_desk.services.reviews import start_review

    source = make_workspace("source")
    with source.session() as session:
        vendor = add_vendor(session, actor="t", name="Hireflow GmbH", country="DE")
        system = AISystem(vendor_id=vendor.id, name="CV ranking")
        session.add(system)
        session.flush()
        _review, intake = start_review(
            session, actor="t", vendor_id=vendor.id, ai_system_id=system.id
        )
        intake_id, system_id = intake.id, system.id
    assert intake.ai_system_id is None
    path = tmp_path / "intake.json"
    with source.read_session() as session:
        export_assessment(session, intake_id, path)
    assert json.loads(path.read_text(encoding="utf-8"))["ai_system"]["id"] == system_id
    target = make_workspace("target")
    import_assessment(target, path, actor="t")
    with target.read_session() as session:
        imported = session.get(Assessment, intake_id)
        assert imported is not None and imported.ai_system_id is None
        assert session.get(Review, imported.review_id).ai_system_id == system_id
