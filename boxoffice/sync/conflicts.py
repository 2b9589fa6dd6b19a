"""Conflicts the server reported: stored with both sides' facts, listed, resolved.

The money already taken is never touched here: resolving a conflict records
what the supervisor decided (refund the customer, re-seat them, accept it),
and the follow-up (a refund, an exchange) is done with the usual services.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from boxoffice import audit
from boxoffice.actor import Actor
from boxoffice.auth.guard import require
from boxoffice.auth.permissions import Permission
from boxoffice.clock import utc_now
from boxoffice.errors import NotFound, ValidationError
from boxoffice.messages import render
from boxoffice.store.models import OutboxEntry, SyncConflict

#: The server's conflict reasons the catalogue explains (``sync_conflict_<reason>``).
REASONS = frozenset(
    {
        "seat_taken",
        "not_allocated",
        "already_redeemed",
        "already_refunded",
        "ticket_revoked",
        "ticket_unknown",
        "late_for_closed_shift",
        "out_of_order",
        "rejected",
    }
)


def conflict_message(reason: str, lang: str = "en") -> str:
    """What the server's conflict ``reason`` means for the person at the counter, in ``lang``.

    The words are the catalogue's (``sync_conflict_<reason>``); a reason this
    terminal does not know yet is named as it came.
    """
    if reason in REASONS:
        return render(f"sync_conflict_{reason}", {}, lang)
    return render("sync_conflict_unknown", {"reason": reason}, lang)


@dataclass(frozen=True)
class ConflictView:
    """One conflict as a supervisor reads it."""

    id: int
    operation: int | None  # the outbox sequence number
    kind: str
    code: str
    message: str
    client_facts: dict[str, Any]
    server_facts: dict[str, Any]
    created_at: datetime
    resolved_at: datetime | None
    resolved_by: str
    resolution: str

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "operation": self.operation,
            "kind": self.kind,
            "code": self.code,
            "message": self.message,
            "client_facts": self.client_facts,
            "server_facts": self.server_facts,
            "created_at": self.created_at.isoformat(),
            "resolved_at": self.resolved_at.isoformat() if self.resolved_at else None,
            "resolved_by": self.resolved_by,
            "resolution": self.resolution,
        }


def _dump(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)


def record(
    session: Session,
    *,
    entry: OutboxEntry | None,
    code: str,
    message: str,
    server_facts: dict[str, Any] | None = None,
    server_ref: str | None = None,
    kind: str | None = None,
    client_facts: Any = None,
    now: datetime | None = None,
) -> SyncConflict | None:
    """Store one conflict (once: a replayed report with the same ``server_ref`` is ignored)."""
    if server_ref is not None:
        existing = session.scalar(select(SyncConflict).where(SyncConflict.server_ref == server_ref))
        if existing is not None:
            return None
    if entry is not None:
        already = session.scalar(
            select(SyncConflict).where(
                SyncConflict.outbox_id == entry.id, SyncConflict.code == code
            )
        )
        if already is not None:
            return None
    conflict = SyncConflict(
        outbox_id=entry.id if entry is not None else None,
        server_ref=server_ref,
        kind=kind or (entry.kind if entry is not None else "server"),
        code=code,
        message=message,
        client_facts=entry.body if entry is not None else _dump(client_facts or {}),
        server_facts=_dump(server_facts or {}),
        created_at=now or utc_now(),
        resolved_by="",
        resolution="",
    )
    session.add(conflict)
    session.flush()
    return conflict


def merge_from_server(session: Session, reported: list[Any], now: datetime) -> int:
    """Take in the server's list of this terminal's conflicts; how many were new.

    Conflicts found on the server's side (a ticket of ours admitted twice, a
    late sale of a closed shift) arrive here even when no reply of ours
    carried them; one a supervisor resolved centrally is marked resolved here.
    """
    new = 0
    for item in reported:
        ref = str(item.id)
        row = session.scalar(select(SyncConflict).where(SyncConflict.server_ref == ref))
        if row is None:
            entry = (
                session.scalar(
                    select(OutboxEntry).where(OutboxEntry.idempotency_key == item.idempotency_key)
                )
                if item.idempotency_key
                else None
            )
            row = record(
                session,
                entry=entry,
                code=item.reason,
                message=conflict_message(item.reason),
                server_facts=item.server_facts if isinstance(item.server_facts, dict) else {},
                server_ref=ref,
                kind=item.kind or None,
                client_facts=item.client_facts,
                now=now,
            )
            if row is None:  # already known under its operation, without the server's id
                continue
            new += 1
        if item.state == "resolved" and row.resolved_at is None:
            row.resolved_at = item.resolved_at or now
            row.resolved_by = (item.resolved_by or "server")[:40]
            row.resolution = " — ".join(
                t for t in (item.resolution or "resolved on the server", item.note or "") if t
            )
    session.flush()
    return new


def _view(row: SyncConflict) -> ConflictView:
    return ConflictView(
        id=row.id,
        operation=row.outbox_id,
        kind=row.kind,
        code=row.code,
        message=row.message,
        client_facts=json.loads(row.client_facts or "{}"),
        server_facts=json.loads(row.server_facts or "{}"),
        created_at=row.created_at,
        resolved_at=row.resolved_at,
        resolved_by=row.resolved_by,
        resolution=row.resolution,
    )


def listing(session: Session, *, include_resolved: bool = False) -> list[ConflictView]:
    query = select(SyncConflict).order_by(SyncConflict.id)
    if not include_resolved:
        query = query.where(SyncConflict.resolved_at.is_(None))
    return [_view(row) for row in session.scalars(query)]


def open_count(session: Session) -> int:
    return (
        session.scalar(
            select(func.count()).select_from(SyncConflict).where(SyncConflict.resolved_at.is_(None))
        )
        or 0
    )


def resolve(
    session: Session,
    actor: Actor,
    conflict_id: int,
    resolution: str,
    *,
    now: datetime | None = None,
) -> ConflictView:
    """A supervisor records how a conflict was settled (audited)."""
    now = now or utc_now()
    require(session, actor, Permission.CONFLICT_RESOLVE, subject=f"conflict:{conflict_id}", now=now)
    text = resolution.strip()
    if not text:
        raise ValidationError("conflict_needs_resolution")
    row = session.get(SyncConflict, conflict_id)
    if row is None:
        raise NotFound("conflict_not_found", conflict=conflict_id)
    if row.resolved_at is not None:
        raise ValidationError(
            "conflict_already_resolved",
            conflict=conflict_id,
            by=row.resolved_by,
            at=f"{row.resolved_at:%Y-%m-%d %H:%M}",
        )
    row.resolved_at = now
    row.resolved_by = actor.username
    row.resolution = text
    session.flush()
    audit.record(
        session,
        actor,
        "sync.conflict.resolve",
        f"conflict:{conflict_id}",
        {"code": row.code, "operation": row.outbox_id, "resolution": text},
        at=now,
    )
    return _view(row)
