"""The outbox: operations for the central server, written with their effect.

``enqueue`` is called inside the transaction of the sale (refund, void, ...)
so the operation exists exactly when its effect does. The sync worker
(``boxoffice.sync.worker``) sends entries in ``id`` order (the ``id`` is the
terminal's sequence number, assigned by the same insert) and marks them
acknowledged; an entry is never deleted before that.
"""

from __future__ import annotations

import json
import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from boxoffice.clock import utc_now
from boxoffice.store.models import OutboxEntry, OutboxState


def enqueue(
    session: Session,
    kind: str,
    body: dict[str, Any],
    *,
    key: str | None = None,
    now: datetime | None = None,
) -> OutboxEntry:
    entry = OutboxEntry(
        idempotency_key=key or str(uuid.uuid4()),
        kind=kind,
        body=json.dumps(
            body, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str
        ),
        state=OutboxState.PENDING,
        created_at=now or utc_now(),
    )
    session.add(entry)
    return entry


def waiting(session: Session) -> int:
    """How many operations have not been acknowledged yet (for the status bar)."""
    return (
        session.scalar(
            select(func.count())
            .select_from(OutboxEntry)
            .where(OutboxEntry.state != OutboxState.ACKNOWLEDGED)
        )
        or 0
    )


# -- the worker's side -------------------------------------------------------------
#: States the worker still has to send (in flight = sent, answer not yet recorded).
UNSENT = (OutboxState.PENDING, OutboxState.IN_FLIGHT)


def next_batch(session: Session, limit: int) -> list[OutboxEntry]:
    """The oldest unacknowledged operations, in sequence (``id``) order.

    In-flight entries come again: after a crash or a lost reply nobody knows
    whether the server applied them, and the idempotency key makes resending
    them safe (the server answers its first result again).
    """
    return list(
        session.scalars(
            select(OutboxEntry)
            .where(OutboxEntry.state.in_(UNSENT))
            .order_by(OutboxEntry.id)
            .limit(limit)
        )
    )


def mark_in_flight(session: Session, ids: list[int], now: datetime) -> None:
    """Record that these are about to be sent (committed before the request goes)."""
    if not ids:
        return
    session.execute(
        update(OutboxEntry)
        .where(OutboxEntry.id.in_(ids), OutboxEntry.state.in_(UNSENT))
        .values(state=OutboxState.IN_FLIGHT, sent_at=now, attempts=OutboxEntry.attempts + 1)
        .execution_options(synchronize_session=False)
    )


def acknowledge(session: Session, entry_id: int, result: dict[str, Any], now: datetime) -> None:
    """The server applied the operation (now or on an earlier attempt)."""
    session.execute(
        update(OutboxEntry)
        .where(OutboxEntry.id == entry_id)
        .values(
            state=OutboxState.ACKNOWLEDGED,
            acknowledged_at=now,
            last_error="",
            result=json.dumps(result, sort_keys=True, default=str),
        )
        .execution_options(synchronize_session=False)
    )


def acknowledge_many(
    session: Session, answers: list[tuple[int, dict[str, Any]]], now: datetime
) -> None:
    """Acknowledge a batch in one bulk UPDATE by primary key (10,000 after a long outage)."""
    if answers:
        session.execute(
            update(OutboxEntry),
            [
                {
                    "id": entry_id,
                    "state": OutboxState.ACKNOWLEDGED,
                    "acknowledged_at": now,
                    "last_error": "",
                    "result": json.dumps(result, sort_keys=True, default=str),
                }
                for entry_id, result in answers
            ],
        )


def needs_attention(
    session: Session, entry_id: int, error: str, result: dict[str, Any] | None = None
) -> None:
    """The server refused the operation as sent; a supervisor must look at it.

    The row stays (with the refusal) and the local effect stays: nothing sold
    is dropped because the server disagreed.
    """
    session.execute(
        update(OutboxEntry)
        .where(OutboxEntry.id == entry_id)
        .values(
            state=OutboxState.ATTENTION,
            last_error=error,
            result=json.dumps(result, sort_keys=True, default=str) if result else None,
        )
        .execution_options(synchronize_session=False)
    )


def failed_attempt(session: Session, ids: list[int], error: str) -> None:
    """The batch did not get through (network, server down): keep it for the next try."""
    if ids:
        session.execute(
            update(OutboxEntry)
            .where(OutboxEntry.id.in_(ids), OutboxEntry.state == OutboxState.IN_FLIGHT)
            .values(last_error=error[:500])
            .execution_options(synchronize_session=False)
        )


def counts(session: Session) -> dict[OutboxState, int]:
    """How many entries are in each state."""
    rows = session.execute(
        select(OutboxEntry.state, func.count()).group_by(OutboxEntry.state)
    ).all()
    found = {state: int(n) for state, n in rows}
    return {state: found.get(state, 0) for state in OutboxState}
