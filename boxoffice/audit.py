"""The tamper-evident audit log: append-only, each entry chained by SHA-256.

Every state-changing service call appends an entry in the same transaction
as its effect. Each entry's hash covers its own fields and the previous
entry's hash, and ``audit_head`` keeps the last seq and hash, so editing,
inserting, reordering or deleting any entry — the last one included — breaks
``verify``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import bindparam, insert, select, update
from sqlalchemy.orm import Session

from boxoffice.actor import Actor
from boxoffice.clock import utc_now
from boxoffice.protocol.audit_hash import GENESIS, canonical_json, entry_hash
from boxoffice.store import fast
from boxoffice.store.models import AuditEntry, AuditHead

__all__ = ["AuditEntry", "AuditProblem", "entries", "entry_hash", "record", "verify"]

_HEAD_TABLE = AuditHead.__table__
_HEAD = fast.Prepared(select(_HEAD_TABLE.c.seq, _HEAD_TABLE.c.hash).where(_HEAD_TABLE.c.id == 1))
_MOVE_HEAD = fast.Prepared(
    update(_HEAD_TABLE)
    .where(_HEAD_TABLE.c.id == 1)
    .values(seq=bindparam("new_seq"), hash=bindparam("new_hash"))
)


def record(
    session: Session,
    actor: Actor,
    action: str,
    subject: str = "",
    details: dict[str, Any] | None = None,
    *,
    at: datetime | None = None,
) -> AuditEntry:
    """Append one entry; call inside the transaction that makes the change.

    The store's ``BEGIN IMMEDIATE`` holds the write lock, so reading the head
    and appending cannot interleave with another writer.
    """
    found = _HEAD.rows(session)
    head = found[0] if found else None
    prev_seq, prev_hash = head if head else (0, GENESIS)
    if at is not None and at.tzinfo is None:
        raise ValueError("naive datetime given; audit times must be timezone-aware")
    when = (at or utc_now()).astimezone(UTC)
    body = canonical_json(details or {})
    seq = prev_seq + 1
    digest = entry_hash(
        seq, when, actor.user_id, actor.username, actor.terminal, action, subject, body, prev_hash
    )
    entry = AuditEntry(
        seq=seq,
        at=when,
        user_id=actor.user_id,
        username=actor.username,
        terminal=actor.terminal,
        action=action,
        subject=subject,
        details=body,
        prev_hash=prev_hash,
        hash=digest,
    )
    session.add(entry)
    # The head moves now (one statement, no ORM object to load and flush); the
    # entries are written with the rest of the transaction, which commits or
    # rolls back both.
    if head is None:
        fast.execute(session, insert(_HEAD_TABLE).values(id=1, seq=seq, hash=digest))
    else:
        _MOVE_HEAD.rows(session, new_seq=seq, new_hash=digest)
    return entry


@dataclass(frozen=True)
class AuditProblem:
    seq: int
    reason: str

    def __str__(self) -> str:
        return f"audit entry {self.seq}: {self.reason}"


def verify(session: Session) -> AuditProblem | None:
    """The first broken entry, or ``None`` when the chain is intact."""
    prev_hash = GENESIS
    expected_seq = 1
    last_seq = 0
    for entry in session.scalars(select(AuditEntry).order_by(AuditEntry.seq)):
        if entry.seq != expected_seq:
            return AuditProblem(expected_seq, f"missing (next entry found is {entry.seq})")
        if entry.prev_hash != prev_hash:
            return AuditProblem(entry.seq, "does not follow the previous entry (prev_hash differs)")
        digest = entry_hash(
            entry.seq,
            entry.at,
            entry.user_id,
            entry.username,
            entry.terminal,
            entry.action,
            entry.subject,
            entry.details,
            entry.prev_hash,
        )
        if digest != entry.hash:
            return AuditProblem(entry.seq, "altered (its content no longer matches its hash)")
        prev_hash = entry.hash
        last_seq = entry.seq
        expected_seq += 1
    found = _HEAD.rows(session)
    head = found[0] if found else None
    if head is None:
        if last_seq:
            return AuditProblem(last_seq, "the chain head is missing")
        return None
    head_seq, head_hash = head
    if head_seq != last_seq:
        return AuditProblem(last_seq + 1, f"missing (the log should run to entry {head_seq})")
    if head_hash != prev_hash:
        return AuditProblem(last_seq, "altered (the chain head records a different hash)")
    return None


def entries(session: Session, action: str | None = None) -> list[AuditEntry]:
    query = select(AuditEntry).order_by(AuditEntry.seq)
    if action:
        query = query.where(AuditEntry.action == action)
    return list(session.scalars(query))
