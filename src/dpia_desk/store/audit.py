"""The audit trail: an append-only chain of events, each hash covering the one before.

Recording
    :func:`record_event` appends one event in the caller's session (so it commits, or rolls back,
    with the change it describes). Events are numbered ``seq`` 1, 2, 3... without gaps.

What the hash covers
    ``hash = SHA-256(canonical JSON of {seq, at, actor, action, entity, entity_id, field,
    old_digest, new_digest, prev_hash})``, where ``prev_hash`` is the previous event's hash (64
    zeros for the first) and ``old_digest``/``new_digest`` are ``SHA-256(nonce || canonical JSON
    of the value)`` with a random 16-byte ``value_nonce`` per event. Canonical JSON: sorted keys,
    no spaces, UTF-8.

Erasure
    :func:`erase_event_values` clears the values and the nonce of the events about erased
    entities. The digests stay, so the chain still verifies; without the nonce, even a guessable
    value (a country code, a name) cannot be confirmed from its digest. Database triggers refuse
    any other update and every delete.

Verification
    :func:`verify_chain` recomputes everything and names the first event that does not fit.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from enum import Enum
from typing import Any

from sqlalchemy import or_, select, tuple_, update
from sqlalchemy.orm import Session

from dpia_desk.store.models import AuditEvent, utc_now

GENESIS_HASH = "0" * 64


def to_jsonable(value: Any) -> Any:
    """Dates and enums as JSON-friendly text; containers converted recursively."""
    if isinstance(value, Enum):
        return to_jsonable(value.value)
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat(timespec="microseconds")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(key): to_jsonable(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [to_jsonable(item) for item in value]
    if isinstance(value, set | frozenset):
        return sorted(to_jsonable(item) for item in value)
    if isinstance(value, bytes | bytearray):
        raise TypeError("record a digest of binary content, never the content")
    return value


def canonical_json(value: Any) -> bytes:
    return json.dumps(
        value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
    ).encode("utf-8")


def value_digest(nonce: bytes, value: Any) -> str:
    return hashlib.sha256(nonce + canonical_json(value)).hexdigest()


def _timestamp(at: datetime) -> str:
    return at.astimezone(UTC).isoformat(timespec="microseconds")


def event_hash(event: AuditEvent) -> str:
    body = {
        "seq": event.seq,
        "at": _timestamp(event.at),
        "actor": event.actor,
        "action": event.action,
        "entity": event.entity,
        "entity_id": event.entity_id,
        "field": event.field,
        "old_digest": event.old_digest,
        "new_digest": event.new_digest,
        "prev_hash": event.prev_hash,
    }
    return hashlib.sha256(canonical_json(body)).hexdigest()


def record_event(
    session: Session,
    actor: str,
    action: str,
    entity: str,
    entity_id: str | None,
    field: str | None = None,
    old: Any = None,
    new: Any = None,
) -> AuditEvent:
    """Append one event (flushed, not committed: it commits with the caller's change)."""
    last = session.execute(
        select(AuditEvent.seq, AuditEvent.hash).order_by(AuditEvent.seq.desc()).limit(1)
    ).first()
    seq, prev_hash = (1, GENESIS_HASH) if last is None else (last.seq + 1, last.hash)
    nonce = secrets.token_bytes(16)
    old_value, new_value = to_jsonable(old), to_jsonable(new)
    event = AuditEvent(
        seq=seq,
        at=utc_now(),
        actor=actor,
        action=action,
        entity=entity,
        entity_id=entity_id,
        field=field,
        old_value=old_value,
        new_value=new_value,
        value_nonce=nonce.hex(),
        old_digest=value_digest(nonce, old_value),
        new_digest=value_digest(nonce, new_value),
        prev_hash=prev_hash,
        hash="",
    )
    event.hash = event_hash(event)
    session.add(event)
    session.flush()
    return event


def erase_event_values(session: Session, entities: Iterable[tuple[str, str]]) -> int:
    """Clear the values (and nonces) of every event about the given ``(entity, id)`` pairs."""
    pairs = list(entities)
    erased = 0
    for start in range(0, len(pairs), 400):  # stay under SQLite's bound-parameter limit
        chunk = pairs[start : start + 400]
        result = session.execute(
            update(AuditEvent)
            .where(tuple_(AuditEvent.entity, AuditEvent.entity_id).in_(chunk))
            .where(
                or_(
                    AuditEvent.value_nonce.is_not(None),
                    AuditEvent.old_value.is_not(None),
                    AuditEvent.new_value.is_not(None),
                )
            )
            .values(old_value=None, new_value=None, value_nonce=None)
            .execution_options(synchronize_session=False)
        )
        erased += int(getattr(result, "rowcount", 0) or 0)
    return erased


@dataclass(frozen=True)
class ChainReport:
    """The result of :func:`verify_chain`. ``first_broken`` is the seq of the first bad event;
    ``last_hash`` the hash of the newest event (keep it elsewhere to compare later)."""

    events: int
    erased: int
    first_broken: int | None = None
    reason: str | None = None
    last_hash: str = GENESIS_HASH

    @property
    def ok(self) -> bool:
        return self.first_broken is None


def chain_head(session: Session) -> str | None:
    """``"<seq>:<hash>"`` of the newest event, or ``None`` for an empty trail."""
    last = session.execute(
        select(AuditEvent.seq, AuditEvent.hash).order_by(AuditEvent.seq.desc()).limit(1)
    ).first()
    return None if last is None else f"{last.seq}:{last.hash}"


def verify_chain(session: Session, known_head: str | None = None) -> ChainReport:
    """Check every event; with ``known_head`` (``"<seq>:<hash>"`` seen earlier, e.g. by this
    computer), also that the chain still contains that event unchanged, which catches events
    removed from the end (a shorter chain is otherwise valid)."""
    known_seq, _, known_hash = (known_head or "0:").partition(":")
    expected_seq, prev_hash, count, erased = 1, GENESIS_HASH, 0, 0
    rows = session.execute(
        select(AuditEvent).order_by(AuditEvent.seq).execution_options(yield_per=1000)
    )
    for event in rows.scalars():
        count += 1
        problem = _problem(event, expected_seq, prev_hash)
        if problem is None and str(event.seq) == known_seq and event.hash != known_hash:
            problem = "it differs from the event this computer saw earlier (the chain was rebuilt)"
        if problem is not None:
            return ChainReport(count, erased, event.seq, problem, prev_hash)
        if event.value_nonce is None:
            erased += 1
        expected_seq, prev_hash = event.seq + 1, event.hash
    if known_seq.isdigit() and int(known_seq) >= expected_seq:
        return ChainReport(
            count,
            erased,
            expected_seq,
            f"the trail ends at event {expected_seq - 1}, but this computer saw event "
            f"{known_seq}: events were removed from the end",
            prev_hash,
        )
    return ChainReport(count, erased, last_hash=prev_hash)


def _problem(event: AuditEvent, expected_seq: int, prev_hash: str) -> str | None:
    if event.seq != expected_seq:
        return f"event {expected_seq} is missing (the next one is {event.seq})"
    if event.prev_hash != prev_hash:
        return "its link to the previous event does not match (an event was removed or replaced)"
    if not hmac.compare_digest(event.hash, event_hash(event)):
        return "its content does not match its hash (it was changed after it was recorded)"
    if event.value_nonce is None:
        if event.old_value is not None or event.new_value is not None:
            return "it holds values although they were erased"
        return None
    try:
        nonce = bytes.fromhex(event.value_nonce)
    except ValueError:
        return "its value nonce is not hexadecimal"
    if not hmac.compare_digest(event.old_digest, value_digest(nonce, event.old_value)):
        return "its old value does not match its digest (it was changed after it was recorded)"
    if not hmac.compare_digest(event.new_digest, value_digest(nonce, event.new_value)):
        return "its new value does not match its digest (it was changed after it was recorded)"
    return None
