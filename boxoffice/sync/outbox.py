"""The outbox: operations for the central server, written with their effect.

``enqueue`` is called inside the transaction of the sale (refund, void, ...)
so the operation exists exactly when its effect does. The sync worker (a
later issue) sends entries in ``id`` order and marks them acknowledged; an
entry is never deleted before that.
"""

from __future__ import annotations

import json
import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
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
