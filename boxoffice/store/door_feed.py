"""What the change feed tells every door: revocations and other doors' admissions.

These are store-level facts (rows in ``barcode_revocations``, ``admissions``,
``ticket_presence`` and the inside counter), so they live here, below both
the door (``boxoffice.checkin``, which reads them at every scan and records
its own admissions through ``bump_inside``) and the feed client
(``boxoffice.sync.feed``, which applies them): neither imports the other.

The feed client calls these inside its own write transaction, once per feed
item. Both are idempotent (a replayed item
changes nothing) and validate the body first: a corrupt item raises
``ValidationError`` naming the field and changes nothing.

Double admission: two doors that were offline may both have let the same
ticket in. The first scan by scan time is kept (ties: the smaller uuid, so
every store and the server agree); the other is recorded in
``admission_conflicts`` and shows in the door report. The local presence row
then names the kept admission.
"""

from __future__ import annotations

import enum
import re
import uuid as uuid_module
from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import bindparam, func, insert, select, update
from sqlalchemy.orm import Session

from boxoffice.clock import utc_now
from boxoffice.errors import ValidationError
from boxoffice.store import fast
from boxoffice.store.models import (
    Admission,
    AdmissionConflict,
    BarcodeRevocation,
    Counter,
    Ticket,
    TicketPresence,
)

#: Our own admission comes back in the feed without our uuid: same ticket and
#: scan time (to within this) is the same admission.
ECHO_TOLERANCE = timedelta(seconds=1)
_KEY_ID = re.compile(r"[0-9a-f]{8}")
#: Names admissions that arrive without a uuid (the feed's ``redemption`` shape).
_FEED_NAMESPACE = uuid_module.UUID("6b0c4d1e-5f1a-4c1e-9d59-8f7f6f1ad00e")
REVOCATION_REASONS = frozenset({"refunded", "voided", "reprinted", "exchanged", "cancelled"})
MOVEMENT_KINDS = frozenset({"entry", "exit", "reentry"})
_MAX_ID = 2**53 - 1


class Applied(enum.StrEnum):
    NEW = "new"
    DUPLICATE = "duplicate"
    #: New, and it collided with another first admission of the same ticket.
    CONFLICT = "conflict"


# --------------------------------------------------------------------------- validation


def _field(body: Mapping[str, Any], name: str) -> Any:
    if name not in body:
        raise ValidationError("feed_item_missing", name=name)
    return body[name]


def _int(body: Mapping[str, Any], name: str, low: int = 1) -> int:
    value = _field(body, name)
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= _MAX_ID:
        raise ValidationError("feed_item_not_id", name=name, low=low, value=repr(value))
    return value


def _text(body: Mapping[str, Any], name: str, limit: int, *, required: bool = True) -> str:
    value = body.get(name, "") if not required else _field(body, name)
    if not isinstance(value, str) or len(value) > limit or (required and not value.strip()):
        raise ValidationError("feed_item_not_text", name=name, limit=limit)
    return value


def _time(body: Mapping[str, Any], name: str) -> datetime:
    value = _field(body, name)
    try:
        parsed = datetime.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        parsed = None
    if parsed is None or parsed.utcoffset() is None:
        raise ValidationError("feed_item_not_time", name=name, value=repr(value))
    return parsed


def _uuid(body: Mapping[str, Any], name: str) -> str:
    value = _field(body, name)
    try:
        return str(uuid_module.UUID(value))
    except (ValueError, TypeError, AttributeError):
        raise ValidationError("feed_item_not_uuid", name=name, value=repr(value)) from None


def _key_id(body: Mapping[str, Any], *, required: bool) -> str | None:
    value = body.get("key_id")
    if value is None and not required:
        return None
    if not isinstance(value, str) or not _KEY_ID.fullmatch(value):
        raise ValidationError("feed_item_bad_key_id", value=repr(value))
    return value


def _optional_text(body: Mapping[str, Any], name: str, limit: int) -> str:
    value = body.get(name)
    if value is None:
        return ""
    if not isinstance(value, str) or len(value) > limit:
        raise ValidationError("feed_item_text_too_long", name=name, limit=limit)
    return value


def _mapping(body: object) -> Mapping[str, Any]:
    if not isinstance(body, Mapping):
        raise ValidationError("feed_item_not_object", type=type(body).__name__)
    return body


# --------------------------------------------------------------------------- revocations


def apply_remote_revocation(session: Session, body: object, at: datetime | None = None) -> Applied:
    """A ticket refunded, voided, exchanged or reprinted elsewhere stops admitting here.

    Body (the feed's ``revocation`` event data): ``ticket_id``,
    ``up_to_reissue`` (every barcode generation up to it is dead), ``reason``
    (refunded | voided | reprinted | exchanged | cancelled), ``key_id`` (the
    issuing key; without it the door refuses every ticket with that id),
    optional ``serial`` and ``revoked_at`` (default: ``at``, the event time).
    """
    item = _mapping(body)
    ticket_id = _int(item, "ticket_id")
    up_to = _int(item, "up_to_reissue", low=0)
    reason = _field(item, "reason")
    if reason not in REVOCATION_REASONS:
        raise ValidationError(
            "feed_item_bad_reason", allowed=str(sorted(REVOCATION_REASONS)), value=repr(reason)
        )
    key_id = _key_id(item, required=False)
    revoked_at = _time(item, "revoked_at") if "revoked_at" in item or at is None else at
    serial = _optional_text(item, "serial", 32)
    existing = session.scalar(
        select(BarcodeRevocation.id).where(
            BarcodeRevocation.ticket_id == ticket_id,
            BarcodeRevocation.reason == reason,
            BarcodeRevocation.up_to_reissue >= up_to,
            BarcodeRevocation.key_id.is_(None)
            if key_id is None
            else BarcodeRevocation.key_id == key_id,
        )
    )
    if existing is not None:
        return Applied.DUPLICATE
    session.add(
        BarcodeRevocation(
            ticket_id=ticket_id,
            serial=serial,
            up_to_reissue=up_to,
            reason=reason,
            revoked_at=revoked_at,
            key_id=key_id,
        )
    )
    session.flush()
    return Applied.NEW


# --------------------------------------------------------------------------- admissions


def apply_remote_admission(
    session: Session, body: object, at: datetime | None = None, *, now: datetime | None = None
) -> Applied:
    """Another door's admission; idempotent.

    Reads both shapes: this door's own ``admission`` operation body
    (``door.admission_body``: with ``uuid``, ``kind``, ``door``, ``user``,
    ``performance_id``) and the feed's ``redemption`` event data
    (``serial``, ``key_id``, ``ticket_id``, ``reissue``, ``scanned_at``,
    ``terminal_id``, ``gate``). The latter has no uuid: one is derived from
    the ticket, time and terminal, and an event matching a local admission
    (our own, echoed back) changes nothing.
    """
    item = _mapping(body)
    key_id = _key_id(item, required=True)
    assert key_id is not None
    ticket_id = _int(item, "ticket_id")
    scanned_at = _time(item, "scanned_at")
    kind = item.get("kind", "reentry" if item.get("re_entry") is True else "entry")
    if kind not in MOVEMENT_KINDS:
        raise ValidationError("feed_item_bad_kind", allowed=str(sorted(MOVEMENT_KINDS)))
    terminal_id = item.get("terminal_id")
    if terminal_id is not None and (
        isinstance(terminal_id, bool) or not isinstance(terminal_id, int)
    ):
        raise ValidationError("feed_item_bad_terminal_id", value=repr(terminal_id))
    terminal = _optional_text(item, "terminal", 80) or (
        f"terminal {terminal_id}" if terminal_id is not None else "another terminal"
    )
    door = _optional_text(item, "door", 80) or _optional_text(item, "gate", 80) or terminal
    if not door.strip():
        raise ValidationError("feed_item_blank_door")
    user = _optional_text(item, "user", 40)
    serial = _optional_text(item, "serial", 32)
    order_uuid = _optional_text(item, "order_uuid", 36)
    performance_id = (
        _int(item, "performance_id") if item.get("performance_id") is not None else None
    )
    if "uuid" in item:
        admission_uuid = _uuid(item, "uuid")
        if session.scalar(select(Admission.id).where(Admission.uuid == admission_uuid)):
            return Applied.DUPLICATE
    else:
        admission_uuid = str(
            uuid_module.uuid5(
                _FEED_NAMESPACE, f"{key_id}:{ticket_id}:{scanned_at.isoformat()}:{terminal}"
            )
        )
        echo = session.scalar(
            select(Admission.id).where(
                Admission.key_id == key_id,
                Admission.ticket_id == ticket_id,
                Admission.kind != "exit",
                Admission.scanned_at >= scanned_at - ECHO_TOLERANCE,
                Admission.scanned_at <= scanned_at + ECHO_TOLERANCE,
            )
        )
        if echo is not None:
            return Applied.DUPLICATE
    if performance_id is None:
        performance_id = _known_performance(session, key_id, ticket_id)
    session.add(
        Admission(
            uuid=admission_uuid,
            key_id=key_id,
            ticket_id=ticket_id,
            serial=serial,
            performance_id=performance_id,
            kind=kind,
            door=door,
            terminal=terminal,
            username=user,
            scanned_at=scanned_at,
            source="remote",
            order_uuid=order_uuid,
        )
    )
    session.flush()
    conflict = _reconcile(session, key_id, ticket_id, performance_id, now or utc_now())
    return Applied.CONFLICT if conflict else Applied.NEW


def _known_performance(session: Session, key_id: str, ticket_id: int) -> int | None:
    """The performance of a ticket named only by key and id, if this store has seen it."""
    presence = session.get(TicketPresence, (key_id, ticket_id))
    if presence is not None and presence.performance_id is not None:
        return presence.performance_id
    row = session.get(Ticket, ticket_id)
    if row is not None and row.key_id == key_id:
        return row.performance_id
    return None


def _first_key(a: Admission) -> tuple[datetime, str]:
    return (a.scanned_at, a.uuid)


def _reconcile(
    session: Session, key_id: str, ticket_id: int, performance_id: int | None, now: datetime
) -> bool:
    """Rebuild the ticket's presence from all its movements; record new conflicts."""
    moves = sorted(
        session.scalars(
            select(Admission).where(Admission.key_id == key_id, Admission.ticket_id == ticket_id)
        ),
        key=_first_key,
    )
    entries = [m for m in moves if m.kind == "entry"]
    first = entries[0] if entries else moves[0]
    performance_id = performance_id or next(
        (m.performance_id for m in moves if m.performance_id is not None), None
    )
    known = set(
        session.scalars(
            select(AdmissionConflict.lost_uuid).where(
                AdmissionConflict.key_id == key_id, AdmissionConflict.ticket_id == ticket_id
            )
        )
    )
    new_conflict = False
    for lost in entries[1:]:
        if lost.uuid in known:
            continue
        new_conflict = True
        session.add(
            AdmissionConflict(
                key_id=key_id,
                ticket_id=ticket_id,
                serial=lost.serial or first.serial,
                performance_id=performance_id,
                kept_uuid=first.uuid,
                kept_at=first.scanned_at,
                kept_door=first.door,
                lost_uuid=lost.uuid,
                lost_at=lost.scanned_at,
                lost_door=lost.door,
                lost_by=lost.username,
                detected_at=now,
            )
        )
    last = moves[-1]
    presence = session.get(TicketPresence, (key_id, ticket_id), populate_existing=True)
    was_inside = presence is not None and presence.inside
    if presence is None:
        presence = TicketPresence(key_id=key_id, ticket_id=ticket_id)
        session.add(presence)
    presence.performance_id = performance_id
    presence.inside = last.kind != "exit"
    presence.first_uuid = first.uuid
    presence.first_at = first.scanned_at
    presence.first_door = first.door
    presence.first_terminal = first.terminal
    presence.first_by = first.username or "?"
    presence.last_move_at = last.scanned_at
    session.flush()
    if presence.inside != was_inside:
        bump_inside(session, performance_id, 1 if presence.inside else -1)
    return new_conflict


# --------------------------------------------------------------------------- inside count

_COUNTERS = Counter.__table__
_COUNTER_BUMP = (
    update(_COUNTERS)
    .where(_COUNTERS.c.name == bindparam("c_name"))
    .values(value=_COUNTERS.c.value + bindparam("c_delta"))
    .returning(_COUNTERS.c.value)
)


def inside_count(session: Session, performance_id: int) -> int:
    """People inside now, counted from the presence rows (the report's figure)."""
    return int(
        fast.execute(
            session,
            select(func.count())
            .select_from(TicketPresence)
            .where(TicketPresence.performance_id == performance_id, TicketPresence.inside),
        ).scalar()
        or 0
    )


def inside_counter(performance_id: int) -> str:
    return f"door.inside.{performance_id}"


def bump_inside(session: Session, performance_id: int | None, delta: int) -> int | None:
    """Keep the live inside count without counting the house at every scan.

    The counter row is created from a real count the first time, so a store
    filled another way (an import, the feed) starts right.
    """
    if performance_id is None:
        return None
    name = inside_counter(performance_id)
    value = session.connection().execute(_COUNTER_BUMP, {"c_name": name, "c_delta": delta}).scalar()
    if value is None:
        value = inside_count(session, performance_id)
        fast.execute(session, insert(_COUNTERS).values(name=name, value=value))
    return int(value)
