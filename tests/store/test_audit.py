"""The hash-chained audit trail: recording, verification, tamper detection, erasure."""

from __future__ import annotations

import itertools
import json

import pytest
import sqlcipher3
from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError

from dpia_desk.store import RecoveryKey, Workspace, add_vendor, update_vendor, verify_chain
from dpia_desk.store.audit import GENESIS_HASH, erase_event_values, record_event
from dpia_desk.store.engine import raw_key_literal
from dpia_desk.store.models import AuditEvent
from tests.store.helpers import raw_open


def _events(workspace: Workspace) -> list[AuditEvent]:
    with workspace.read_session() as session:
        return list(session.scalars(select(AuditEvent).order_by(AuditEvent.seq)))


@pytest.fixture
def audited(keychain_workspace: tuple[Workspace, RecoveryKey]) -> tuple[Workspace, RecoveryKey]:
    workspace, recovery = keychain_workspace
    with workspace.session() as session:
        vendor = add_vendor(session, actor="alice", name="Acme", country="DE")
    with workspace.session() as session:
        update_vendor(session, vendor.id, actor="bob", country="FR", notes="moved to Paris")
    return workspace, recovery


def test_changes_are_recorded_as_a_chain(audited: tuple[Workspace, RecoveryKey]) -> None:
    workspace, _ = audited
    events = _events(workspace)
    assert [(e.seq, e.actor, e.action, e.entity, e.field) for e in events] == [
        (1, events[0].actor, "create", "workspace", None),
        (2, "alice", "create", "vendor", None),
        (3, "bob", "update", "vendor", "country"),
        (4, "bob", "update", "vendor", "notes"),
    ]
    assert events[0].prev_hash == GENESIS_HASH
    assert all(later.prev_hash == earlier.hash for earlier, later in itertools.pairwise(events))
    assert (events[2].old_value, events[2].new_value) == ("DE", "FR")
    assert events[1].new_value["name"] == "Acme"
    assert all(e.at.tzinfo is not None for e in events)
    with workspace.read_session() as session:
        report = verify_chain(session)
    assert report.ok and report.events == 4 and report.erased == 0


def test_an_unchanged_value_records_nothing(audited: tuple[Workspace, RecoveryKey]) -> None:
    workspace, _ = audited
    vendor_id = _events(workspace)[1].entity_id
    assert vendor_id is not None
    with workspace.session() as session:
        update_vendor(session, vendor_id, actor="carol", country="fr", notes="moved to Paris")
    assert len(_events(workspace)) == 4


def test_the_app_cannot_edit_or_delete_events(audited: tuple[Workspace, RecoveryKey]) -> None:
    workspace, _ = audited
    for statement in (
        update(AuditEvent).where(AuditEvent.seq == 3).values(new_value="ES"),
        update(AuditEvent).where(AuditEvent.seq == 3).values(actor="mallory"),
    ):
        with (
            pytest.raises(IntegrityError, match="only have their values erased"),
            workspace.session() as session,
        ):
            session.execute(statement)
    with pytest.raises(IntegrityError, match="cannot be deleted"), workspace.session() as session:
        session.execute(AuditEvent.__table__.delete().where(AuditEvent.seq == 2))
    with workspace.read_session() as session:
        assert verify_chain(session).ok


@pytest.mark.parametrize(
    ("statement", "broken", "reason"),
    [
        ("UPDATE audit_event SET new_value = json_quote('ES') WHERE seq = 3", 3, "new value"),
        ("UPDATE audit_event SET actor = 'mallory' WHERE seq = 2", 2, "does not match its hash"),
        ("DELETE FROM audit_event WHERE seq = 2", 3, "event 2 is missing"),
        ("DELETE FROM audit_event WHERE seq = 4", None, None),  # the newest: see below
        ("UPDATE audit_event SET value_nonce = NULL, old_value = NULL WHERE seq = 3", 3, "erased"),
    ],
    ids=["value", "actor", "middle-event", "last-event", "half-erased"],
)
def test_edits_with_the_key_are_caught(
    audited: tuple[Workspace, RecoveryKey], statement: str, broken: int | None, reason: str | None
) -> None:
    workspace, recovery = audited
    path = workspace.path
    workspace.close()
    connection = raw_open(path, raw_key_literal(recovery.raw))
    connection.execute("DROP TRIGGER audit_event_only_erasure")
    connection.execute("DROP TRIGGER audit_event_no_delete")
    connection.execute(statement)
    connection.commit()
    connection.close()
    with Workspace.open(path, recovery) as reopened:
        with reopened.read_session() as session:
            alone = verify_chain(session)
        report = reopened.verify_audit_trail()
    if broken is None:
        # A chain cut at the end is valid in itself; this computer remembers the newest event.
        assert alone.ok and alone.events == 3
        assert report.first_broken == 4 and "removed from the end" in (report.reason or "")
        with Workspace.open(path, recovery) as again:
            assert not again.verify_audit_trail().ok  # still reported after a reopen
    else:
        assert report.first_broken == broken
        assert reason is not None and reason in (report.reason or "")


def test_erasure_keeps_the_chain_valid_and_forgets_the_values(
    audited: tuple[Workspace, RecoveryKey],
) -> None:
    workspace, recovery = audited
    vendor_id = _events(workspace)[1].entity_id
    assert vendor_id is not None
    with workspace.session() as session:
        erased = erase_event_values(session, [("vendor", vendor_id)])
        record_event(session, "dpo", "erase", "vendor", vendor_id)
    assert erased == 3
    events = _events(workspace)
    assert all((e.old_value, e.new_value, e.value_nonce) == (None, None, None) for e in events[1:4])
    with workspace.read_session() as session:
        report = verify_chain(session)
    assert report.ok and report.erased == 3 and report.events == 5
    workspace.close()
    connection = raw_open(workspace.path, raw_key_literal(recovery.raw))
    dump = json.dumps(connection.execute("SELECT * FROM audit_event").fetchall())
    connection.close()
    assert "Acme" not in dump and "Paris" not in dump


def test_events_need_json_friendly_values(
    keychain_workspace: tuple[Workspace, RecoveryKey],
) -> None:
    workspace, _ = keychain_workspace
    with pytest.raises(TypeError, match="digest"), workspace.session() as session:
        record_event(session, "a", "add", "evidence", None, "content", None, b"\x00PDF")


def test_raw_sqlcipher3_sees_the_triggers(audited: tuple[Workspace, RecoveryKey]) -> None:
    workspace, recovery = audited
    workspace.close()
    connection = raw_open(workspace.path, raw_key_literal(recovery.raw))
    with pytest.raises(sqlcipher3.IntegrityError):
        connection.execute("DELETE FROM audit_event")
    connection.close()
