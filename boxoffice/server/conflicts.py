"""Conflicts: operations the server could not apply as sent, with both sides' facts.

Money already taken is never dropped: the order and its payments are booked
whatever happens to its seats; the conflict says what a supervisor must
sort out (refund the customer, move them, accept it).
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from boxoffice.clock import utc_now
from boxoffice.server import audit
from boxoffice.server.errors import ApiError, invalid, not_found
from boxoffice.server.models import ConflictRecord

RESOLUTIONS = ("refund_customer", "reseated", "accepted", "no_action")
STATES = ("open", "resolved", "all")


def as_dict(c: ConflictRecord) -> dict[str, Any]:
    return {
        "id": c.id,
        "terminal_id": c.terminal_id,
        "idempotency_key": c.idempotency_key,
        "kind": c.kind,
        "reason": c.reason,
        "state": c.state,
        "client_facts": json.loads(c.client_facts),
        "server_facts": json.loads(c.server_facts),
        "created_at": c.created_at.isoformat(),
        "resolution": c.resolution,
        "resolved_by": c.resolved_by,
        "resolved_at": c.resolved_at.isoformat() if c.resolved_at else None,
        "note": c.note,
    }


def record(
    session: Session,
    terminal_id: int,
    key: str,
    kind: str,
    reason: str,
    client: dict[str, Any],
    server: dict[str, Any],
    now: datetime,
) -> dict[str, Any]:
    row = ConflictRecord(
        terminal_id=terminal_id,
        idempotency_key=key,
        kind=kind,
        reason=reason,
        state="open",
        client_facts=json.dumps(client, sort_keys=True, default=str),
        server_facts=json.dumps(server, sort_keys=True, default=str),
        created_at=now,
        note="",
    )
    session.add(row)
    session.flush()
    return {
        "id": row.id,
        "reason": reason,
        "client_facts": json.loads(row.client_facts),
        "server_facts": json.loads(row.server_facts),
    }


def list_conflicts(
    session: Session, state: str = "open", terminal_id: int | None = None
) -> list[dict[str, Any]]:
    if state not in STATES:
        raise invalid(f"state is one of {', '.join(STATES)}, not {state!r}")
    q = select(ConflictRecord).order_by(ConflictRecord.id)
    if state != "all":
        q = q.where(ConflictRecord.state == state)
    if terminal_id is not None:
        q = q.where(ConflictRecord.terminal_id == terminal_id)
    return [as_dict(c) for c in session.scalars(q)]


def resolve(
    session: Session,
    conflict_id: int,
    resolution: str,
    resolved_by: str,
    note: str = "",
    now: datetime | None = None,
) -> dict[str, Any]:
    if resolution not in RESOLUTIONS:
        raise invalid(f"resolution is one of {', '.join(RESOLUTIONS)}, not {resolution!r}")
    if not resolved_by.strip():
        raise invalid("say who resolves the conflict (resolved_by)")
    row = session.get(ConflictRecord, conflict_id)
    if row is None:
        raise not_found(f"conflict {conflict_id}")
    if row.state == "resolved":
        raise ApiError(409, "already_resolved", f"conflict {conflict_id} was already resolved")
    row.state = "resolved"
    row.resolution = resolution
    row.resolved_by = resolved_by.strip()[:80]
    row.resolved_at = now or utc_now()
    row.note = note[:400]
    audit.record(
        session,
        row.resolved_by,
        "conflict.resolve",
        f"conflict:{row.id}",
        {"reason": row.reason, "resolution": resolution, "note": row.note},
        row.resolved_at,
    )
    return as_dict(row)
