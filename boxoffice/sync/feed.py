"""Apply the server's change feed to the local store.

One page of events is applied in one transaction together with the new
cursor (``worker.pull_feed``), so a crash never applies an event twice or
skips one. Events are idempotent anyway (upserts, "insert if missing"), so a
replayed page does no harm.

- ``seat_state``: seats other terminals sold, hold or were allocated go into
  ``remote_seats`` (this terminal's own seats are already in its store).
- ``revocation``: refunded, voided, reprinted-over and exchanged barcodes go
  into ``barcode_revocations`` so the door refuses them offline.
- ``redemption``: another door's admission, recorded as the door would
  (``store.door_feed.apply_remote_admission``), so every terminal can check in
  offline with the whole house's admissions.
- ``catalogue``: an upsert (or delete) in the catalogue cache.
- ``allocation``: a release or reclaim ends this terminal's local allocation rows.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from datetime import datetime
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.dialects.sqlite import insert
from sqlalchemy.orm import Session

from boxoffice.bus import ChangeSet
from boxoffice.errors import ValidationError
from boxoffice.protocol import FeedEvent
from boxoffice.store.door_feed import apply_remote_admission, apply_remote_revocation
from boxoffice.store.models import Allocation, AllocationLink, RemoteSeat
from boxoffice.sync import catalogue
from boxoffice.sync.errors import BadServerReply

log = logging.getLogger(__name__)


def _door(
    apply_remote: Callable[[Session, object, datetime | None], Any],
    session: Session,
    data: dict[str, Any],
    at: datetime,
) -> None:
    """Revocations and admissions are the door's facts: one place applies them."""
    try:
        apply_remote(session, data, at)
    except ValidationError as exc:
        raise BadServerReply("sync_feed_invalid", reason=exc) from None


def _int(data: dict[str, Any], key: str, *, optional: bool = False) -> int | None:
    value = data.get(key)
    if value is None and optional:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise BadServerReply("sync_feed_field_not_int", field=key, value=repr(value))
    return value


def _str(data: dict[str, Any], key: str) -> str:
    value = data.get(key)
    if not isinstance(value, str):
        raise BadServerReply("sync_feed_field_not_text", field=key, value=repr(value))
    return value


def _seat_state(session: Session, data: dict[str, Any], at: datetime, me: int | None) -> None:
    seat_id = _int(data, "seat_id", optional=True)
    performance_id = _int(data, "performance_id")
    state = _str(data, "state")
    if seat_id is None:
        # A standing area: "available" with the places left. The server counts
        # them; this terminal sells standing places offline only from a lease.
        _int(data, "quantity")
        return
    if state not in ("sold", "held", "allocated", "free"):
        raise BadServerReply("sync_feed_unknown_seat_state", state=state)
    if _int(data, "terminal_id", optional=True) == me and me is not None:
        return  # our own sale or hold: the store has it already
    if state == "free":
        session.execute(
            delete(RemoteSeat).where(
                RemoteSeat.performance_id == performance_id, RemoteSeat.seat_id == seat_id
            )
        )
        return
    expires = data.get("expires_at")
    if expires is not None:
        try:
            expires_at = datetime.fromisoformat(str(expires))
        except ValueError:
            raise BadServerReply("sync_feed_expiry_not_a_time", value=repr(expires)) from None
        if expires_at.tzinfo is None:
            raise BadServerReply("sync_feed_expiry_no_time_zone", value=repr(expires))
    else:
        expires_at = None
    stmt = insert(RemoteSeat).values(
        performance_id=performance_id,
        seat_id=seat_id,
        state=state,
        terminal=str(data.get("terminal_id") or ""),
        expires_at=expires_at,
        updated_at=at,
    )
    session.execute(
        stmt.on_conflict_do_update(
            index_elements=["performance_id", "seat_id"],
            set_={
                "state": stmt.excluded.state,
                "terminal": stmt.excluded.terminal,
                "expires_at": stmt.excluded.expires_at,
                "updated_at": stmt.excluded.updated_at,
            },
        )
    )


def _catalogue(session: Session, data: dict[str, Any]) -> None:
    table = _str(data, "table")
    row = data.get("row")
    if row is None:
        catalogue.remove(session, table, data.get("id", data.get("key")))
    else:
        catalogue.upsert(session, table, [row])


def _allocation(session: Session, data: dict[str, Any], at: datetime, me: int | None) -> None:
    state = _str(data, "state")
    if state not in ("granted", "released", "reclaimed"):
        raise BadServerReply("sync_feed_unknown_allocation_state", state=state)
    if me is None or _int(data, "terminal_id") != me or state == "granted":
        return  # a grant is stored when this terminal asked for it
    server_id = _int(data, "allocation_id")
    rows = select(AllocationLink.allocation_id).where(
        AllocationLink.server_allocation_id == server_id
    )
    session.execute(
        update(Allocation)
        .where(Allocation.id.in_(rows), Allocation.released_at.is_(None))
        .values(released_at=at)
    )


def changes_of(events: Iterable[FeedEvent], *, terminal_id: int | None) -> ChangeSet:
    """What a page of the feed changed, for the views (published after its commit).

    Another terminal's sale, hold or release names its performance and seat (the
    seat map repaints that seat); a revocation or an admission names the ticket
    and, where the event says, its performance's check-ins; a catalogue row
    changes the catalogue. Our own seats are not news.
    """
    performances: set[int] = set()
    seats: set[tuple[int, int]] = set()
    tickets: set[str] = set()
    checkins: set[int] = set()
    catalogue_changed = False
    for event in events:
        data = event.data if isinstance(event.data, dict) else {}
        performance = data.get("performance_id")
        performance = performance if isinstance(performance, int) else None
        if event.kind == "seat_state":
            if terminal_id is not None and data.get("terminal_id") == terminal_id:
                continue
            if performance is not None:
                performances.add(performance)
                seat = data.get("seat_id")
                if isinstance(seat, int):
                    seats.add((performance, seat))
        elif event.kind in ("revocation", "redemption"):
            serial = data.get("serial")
            if isinstance(serial, str):
                tickets.add(serial)
            if performance is not None:
                checkins.add(performance)
        elif event.kind == "catalogue":
            catalogue_changed = True
        elif event.kind == "allocation" and performance is not None:
            performances.add(performance)
    return ChangeSet.of(
        performances=performances,
        seats=seats,
        tickets=tickets,
        checkins=checkins,
        catalogue=catalogue_changed,
    )


def apply(
    session: Session, events: Iterable[FeedEvent], *, terminal_id: int | None, now: datetime
) -> int:
    """Apply events in order; raises ``BadServerReply`` (and the caller rolls back) on a bad one."""
    count = 0
    for event in events:
        data = event.data
        try:
            if event.kind == "seat_state":
                _seat_state(session, data, event.at, terminal_id)
            elif event.kind == "revocation":
                _door(apply_remote_revocation, session, data, event.at)
            elif event.kind == "redemption":
                _door(apply_remote_admission, session, data, event.at)
            elif event.kind == "catalogue":
                _catalogue(session, data)
            elif event.kind == "allocation":
                _allocation(session, data, event.at, terminal_id)
            else:
                log.warning("change feed event of unknown kind %r skipped", event.kind)
        except BadServerReply as exc:
            raise BadServerReply(
                "sync_feed_event_refused", seq=event.seq, kind=event.kind, reason=exc
            ) from None
        count += 1
    session.flush()
    return count
