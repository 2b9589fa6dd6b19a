"""The change feed: events written in the transaction of their change.

Cursor safety with concurrent writers: a sequence number is handed out when
a row is inserted, not when its transaction commits, so on PostgreSQL a
reader could see seq 12 before seq 11 commits and skip 11 for ever. Each
event therefore records its writer's transaction id (``tx``), and a reader
returns only events of transactions older than the oldest one still running
(``pg_snapshot_xmin``): that set can no longer grow, so paging through it in
(tx, seq) order never skips or repeats. On SQLite writers are serial
(``BEGIN IMMEDIATE``), so seq order is commit order and ``tx`` is 0.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import insert, literal_column, select, text, tuple_
from sqlalchemy.orm import Session

from boxoffice.clock import utc_now
from boxoffice.server.db import is_postgres
from boxoffice.server.errors import invalid
from boxoffice.server.models import FeedEvent

BUFFER = "feed_buffer"
KINDS = ("seat_state", "revocation", "redemption", "catalogue", "allocation")
_TX_PG = literal_column("pg_current_xact_id()::text::bigint")
_XMIN_PG = text("SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint")


def emit(session: Session, kind: str, data: dict[str, Any], now: datetime | None = None) -> None:
    emit_many(session, kind, [data], now)


def emit_many(
    session: Session, kind: str, items: list[dict[str, Any]], now: datetime | None = None
) -> None:
    if not items:
        return
    assert kind in KINDS, kind
    at = now or utc_now()
    rows = [{"kind": kind, "data": json.dumps(d, separators=(",", ":")), "at": at} for d in items]
    buffer = session.info.get(BUFFER)
    if buffer is not None:  # a batch of operations writes its events once, at its end
        buffer.extend(rows)
        return
    _insert(session, rows)


def buffered(session: Session) -> None:
    """Collect this transaction's events and write them with ``flush_buffer``."""
    session.info[BUFFER] = []


def flush_buffer(session: Session) -> None:
    rows = session.info.pop(BUFFER, None)
    if rows:
        _insert(session, rows)


def _insert(session: Session, rows: list[dict[str, Any]]) -> None:
    stmt = insert(FeedEvent)
    if is_postgres(session):
        stmt = stmt.values(tx=_TX_PG)  # the writer's transaction id, for safe reading
    session.execute(stmt, rows)


@dataclass(frozen=True)
class Cursor:
    tx: int = 0
    seq: int = 0

    def __str__(self) -> str:
        return f"{self.tx}.{self.seq}"

    @classmethod
    def parse(cls, raw: str | None) -> Cursor:
        if raw is None or raw.strip() in ("", "0"):
            return cls()
        try:
            tx, seq = raw.strip().split(".")
            cursor = cls(int(tx), int(seq))
        except ValueError:
            raise invalid(f"cursor {raw!r} is not one this server handed out") from None
        if cursor.tx < 0 or cursor.seq < 0:
            raise invalid(f"cursor {raw!r} is not one this server handed out")
        return cursor


def read(session: Session, cursor: Cursor, limit: int) -> tuple[list[dict[str, Any]], Cursor, bool]:
    """Events after ``cursor`` (at most ``limit``), the next cursor, and whether more wait."""
    query = select(FeedEvent).where(
        tuple_(FeedEvent.tx, FeedEvent.seq) > tuple_(cursor.tx, cursor.seq)
    )
    if is_postgres(session):
        horizon = session.execute(_XMIN_PG).scalar_one()
        query = query.where(FeedEvent.tx < horizon)
    rows = session.scalars(query.order_by(FeedEvent.tx, FeedEvent.seq).limit(limit + 1)).all()
    more = len(rows) > limit
    rows = rows[:limit]
    events = [
        {"seq": r.seq, "kind": r.kind, "at": r.at.isoformat(), "data": json.loads(r.data)}
        for r in rows
    ]
    if rows:
        cursor = Cursor(rows[-1].tx, rows[-1].seq)
    return events, cursor, more


def snapshot_cursor(session: Session) -> Cursor:
    """A cursor from which nothing committed after this transaction's snapshot is missed.

    Events of transactions still running at the snapshot may be delivered
    again after it (catalogue upserts are idempotent, so that is harmless).
    """
    if is_postgres(session):
        horizon = session.execute(_XMIN_PG).scalar_one()
        return Cursor(max(horizon - 1, 0), 2**62)
    top = session.scalar(select(FeedEvent.seq).order_by(FeedEvent.seq.desc()).limit(1))
    return Cursor(0, top or 0)
