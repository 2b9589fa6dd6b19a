"""Applying what the change feed brings to the door: revocations and other doors' admissions.

The feed client (``boxoffice.sync``) calls these inside its own write
transaction, once per feed item. Both are idempotent (a replayed item
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
import uuid as uuid_module
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from boxoffice.clock import utc_now
from boxoffice.errors import ValidationError
from boxoffice.store.models import (
    Admission,
    AdmissionConflict,
    BarcodeRevocation,
    TicketPresence,
)

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
        raise ValidationError(f"feed item is missing {name!r}")
    return body[name]


def _int(body: Mapping[str, Any], name: str, low: int = 1) -> int:
    value = _field(body, name)
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= _MAX_ID:
        raise ValidationError(f"feed item {name!r} must be a whole number >= {low}, got {value!r}")
    return value


def _text(body: Mapping[str, Any], name: str, limit: int, *, required: bool = True) -> str:
    value = body.get(name, "") if not required else _field(body, name)
    if not isinstance(value, str) or len(value) > limit or (required and not value.strip()):
        raise ValidationError(f"feed item {name!r} must be text of 1..{limit} characters")
    return value


def _time(body: Mapping[str, Any], name: str) -> datetime:
    value = _field(body, name)
    try:
        parsed = datetime.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        parsed = None
    if parsed is None or parsed.utcoffset() is None:
        raise ValidationError(
            f"feed item {name!r} must be an ISO time with a time zone, got {value!r}"
        )
    return parsed


def _uuid(body: Mapping[str, Any], name: str) -> str:
    value = _field(body, name)
    try:
        return str(uuid_module.UUID(value))
    except (ValueError, TypeError, AttributeError):
        raise ValidationError(f"feed item {name!r} must be a uuid, got {value!r}") from None


def _mapping(body: object) -> Mapping[str, Any]:
    if not isinstance(body, Mapping):
        raise ValidationError(f"a feed item is a JSON object, got {type(body).__name__}")
    return body


# --------------------------------------------------------------------------- revocations


def apply_remote_revocation(session: Session, body: object) -> Applied:
    """A ticket refunded, voided, exchanged or reprinted elsewhere stops admitting here.

    Body: ``ticket_id``, ``up_to_reissue`` (every barcode generation up to it
    is dead), ``reason`` (refunded | voided | reprinted | exchanged |
    cancelled), ``revoked_at`` (ISO time), optional ``serial``.
    """
    item = _mapping(body)
    ticket_id = _int(item, "ticket_id")
    up_to = _int(item, "up_to_reissue", low=0)
    reason = _field(item, "reason")
    if reason not in REVOCATION_REASONS:
        raise ValidationError(
            f"feed item 'reason' must be one of {sorted(REVOCATION_REASONS)}, got {reason!r}"
        )
    revoked_at = _time(item, "revoked_at")
    serial = _text(item, "serial", 32, required=False)
    existing = session.scalar(
        select(BarcodeRevocation.id).where(
            BarcodeRevocation.ticket_id == ticket_id,
            BarcodeRevocation.reason == reason,
            BarcodeRevocation.up_to_reissue >= up_to,
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
        )
    )
    session.flush()
    return Applied.NEW


# --------------------------------------------------------------------------- admissions


def apply_remote_admission(
    session: Session, body: object, *, now: datetime | None = None
) -> Applied:
    """Another door's movement (the body ``door.admission_body`` writes); idempotent by uuid."""
    item = _mapping(body)
    admission_uuid = _uuid(item, "uuid")
    ticket_id = _int(item, "ticket_id")
    performance_id = _int(item, "performance_id")
    kind = _field(item, "kind")
    if kind not in MOVEMENT_KINDS:
        raise ValidationError(f"feed item 'kind' must be one of {sorted(MOVEMENT_KINDS)}")
    scanned_at = _time(item, "scanned_at")
    door = _text(item, "door", 80)
    terminal = _text(item, "terminal", 80)
    user = _text(item, "user", 40)
    serial = _text(item, "serial", 32, required=False)
    order_uuid = _text(item, "order_uuid", 36, required=False)
    if session.scalar(select(Admission.id).where(Admission.uuid == admission_uuid)) is not None:
        return Applied.DUPLICATE
    admission = Admission(
        uuid=admission_uuid,
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
    session.add(admission)
    session.flush()
    conflict = _reconcile(session, ticket_id, performance_id, now or utc_now())
    return Applied.CONFLICT if conflict else Applied.NEW


def _first_key(a: Admission) -> tuple[datetime, str]:
    return (a.scanned_at, a.uuid)


def _reconcile(session: Session, ticket_id: int, performance_id: int, now: datetime) -> bool:
    """Rebuild the ticket's presence from all its movements; record new conflicts."""
    moves = sorted(
        session.scalars(select(Admission).where(Admission.ticket_id == ticket_id)),
        key=_first_key,
    )
    entries = [m for m in moves if m.kind == "entry"]
    first = entries[0] if entries else moves[0]
    known = set(
        session.scalars(
            select(AdmissionConflict.lost_uuid).where(AdmissionConflict.ticket_id == ticket_id)
        )
    )
    new_conflict = False
    for lost in entries[1:]:
        if lost.uuid in known:
            continue
        new_conflict = True
        session.add(
            AdmissionConflict(
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
    presence = session.get(TicketPresence, ticket_id)
    if presence is None:
        presence = TicketPresence(ticket_id=ticket_id, performance_id=performance_id)
        session.add(presence)
    presence.inside = last.kind != "exit"
    presence.first_uuid = first.uuid
    presence.first_at = first.scanned_at
    presence.first_door = first.door
    presence.first_terminal = first.terminal
    presence.first_by = first.username
    presence.last_move_at = last.scanned_at
    session.flush()
    return new_conflict
