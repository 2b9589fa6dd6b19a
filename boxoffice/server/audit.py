"""The server's audit log: who enrolled, revoked, allocated, reclaimed, resolved, imported.

Same chain as the terminals' log (``boxoffice.protocol.audit_hash``): each
entry's hash covers its fields and the previous hash, and the head row keeps
the last one, so editing, reordering or deleting any entry breaks ``verify``.
Appends lock the head row, so concurrent server processes keep one chain.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from boxoffice.clock import utc_now
from boxoffice.protocol.audit_hash import GENESIS, canonical_json, entry_hash
from boxoffice.server.db import is_postgres
from boxoffice.server.models import ServerAuditEntry, ServerAuditHead

TERMINAL = "server"


def _hash(e: ServerAuditEntry) -> str:
    return entry_hash(
        e.seq, e.at, None, e.actor, TERMINAL, e.action, e.subject, e.details, e.prev_hash
    )


def record(
    session: Session,
    actor: str,
    action: str,
    subject: str,
    details: dict[str, Any] | None = None,
    now: datetime | None = None,
) -> ServerAuditEntry:
    q = select(ServerAuditHead).where(ServerAuditHead.id == 1)
    if is_postgres(session):
        q = q.with_for_update()
    head = session.scalar(q)
    if head is None:
        head = ServerAuditHead(id=1, seq=0, hash=GENESIS)
        session.add(head)
    entry = ServerAuditEntry(
        seq=head.seq + 1,
        at=now or utc_now(),
        actor=actor[:80],
        action=action,
        subject=subject[:200],
        details=canonical_json(details or {}),
        prev_hash=head.hash,
    )
    entry.hash = _hash(entry)
    session.add(entry)
    head.seq, head.hash = entry.seq, entry.hash
    session.flush()
    return entry


def verify(session: Session) -> list[str]:
    """Problems found in the chain (empty: intact)."""
    problems: list[str] = []
    prev, seq = GENESIS, 0
    for e in session.scalars(select(ServerAuditEntry).order_by(ServerAuditEntry.seq)):
        seq += 1
        if e.seq != seq:
            problems.append(f"entry {seq} is missing (found {e.seq})")
            seq = e.seq
        if e.prev_hash != prev:
            problems.append(f"entry {e.seq} does not follow the entry before it")
        if _hash(e) != e.hash:
            problems.append(f"entry {e.seq} ({e.action} {e.subject}) was altered")
        prev = e.hash
    head = session.get(ServerAuditHead, 1)
    if head is not None and (head.seq != seq or head.hash != prev):
        problems.append(f"the log ends at entry {seq}, but {head.seq} were written")
    return problems
