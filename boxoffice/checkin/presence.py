"""Letting a ticket through: the movement, who is inside, and the operation for the server."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from sqlalchemy import bindparam, insert, select, update
from sqlalchemy.orm import Session

from boxoffice.actor import Actor
from boxoffice.checkin import attention
from boxoffice.checkin.context import DoorContext
from boxoffice.checkin.facts import Facts, run
from boxoffice.checkin.verdicts import Outcome, PreviousAdmission, Verdict
from boxoffice.store import outbox
from boxoffice.store.door_feed import bump_inside
from boxoffice.store.models import Admission, TicketPresence

_PRESENCE = TicketPresence.__table__
_ADMISSIONS = Admission.__table__
_PRESENCE_KEY = (_PRESENCE.c.key_id == bindparam("p_key")) & (
    _PRESENCE.c.ticket_id == bindparam("p_ticket")
)
_PRESENCE_READ = select(
    _PRESENCE.c.inside,
    _PRESENCE.c.first_at,
    _PRESENCE.c.first_door,
    _PRESENCE.c.first_terminal,
    _PRESENCE.c.first_by,
).where(_PRESENCE_KEY)
_PRESENCE_TOGGLE = (
    update(_PRESENCE)
    .where(_PRESENCE_KEY)
    .values(inside=bindparam("p_inside"), last_move_at=bindparam("p_at"))
)


def move(
    session: Session,
    actor: Actor,
    ctx: DoorContext,
    facts: Facts,
    now: datetime,
    *,
    allow_exit: bool = True,
    order_uuid: str = "",
) -> Verdict:
    """Admit, re-admit, let out, or refuse as already admitted; writes the movement."""
    door_window = ctx.windows[facts.performance_id]
    key = {"p_key": facts.key_id, "p_ticket": facts.ticket_id}
    presence = run(session, _PRESENCE_READ, **key).first()
    notes = attention.combine(
        ctx.price_type_notes.get(facts.price_type_id),
        ctx.seat_notes.get(facts.seat_id) if facts.seat_id is not None else None,
    )
    previous = None
    if presence is not None:
        inside_now, first_at, first_door, first_terminal, first_by = presence
        first_at = first_at.replace(tzinfo=UTC) if first_at.tzinfo is None else first_at
        previous = PreviousAdmission(first_at, first_door, first_terminal, first_by)
        if not door_window.reentry or (inside_now and not allow_exit):
            return facts.verdict(
                Outcome.ALREADY_ADMITTED,
                "checkin_already_admitted",
                at=door_window.local(first_at, "%Y-%m-%d %H:%M:%S"),
                door=first_door,
                terminal=first_terminal,
                by=first_by,
                kw={"previous": previous},
            )
        kind = "exit" if inside_now else "reentry"
        run(session, _PRESENCE_TOGGLE, **key, p_inside=not inside_now, p_at=now)
    else:
        kind = "entry"
    admission_uuid = str(uuid.uuid4())
    movement = {
        "uuid": admission_uuid,
        "key_id": facts.key_id,
        "ticket_id": facts.ticket_id,
        "serial": facts.serial,
        "performance_id": facts.performance_id,
        "kind": kind,
        "door": ctx.door,
        "terminal": actor.terminal,
        "username": actor.username,
        "scanned_at": now,
        "source": "local",
        "order_uuid": order_uuid,
    }
    run(session, insert(_ADMISSIONS), **movement)
    if presence is None:
        run(
            session,
            insert(_PRESENCE),
            key_id=facts.key_id,
            ticket_id=facts.ticket_id,
            performance_id=facts.performance_id,
            inside=True,
            first_uuid=admission_uuid,
            first_at=now,
            first_door=ctx.door,
            first_terminal=actor.terminal,
            first_by=actor.username,
            last_move_at=now,
        )
    # Exits travel too, so that with re-entry every door knows who is inside.
    body = admission_body(Admission(**movement), facts.reissue)
    outbox.enqueue(session, "admission", body, key=admission_uuid, now=now)
    inside = bump_inside(session, facts.performance_id, -1 if kind == "exit" else 1)
    if kind == "exit":
        return facts.verdict(
            Outcome.EXITED, "checkin_exited", kw={"previous": previous, "inside": inside}
        )
    entry = kind == "entry"
    return facts.verdict(
        Outcome.ADMITTED if entry else Outcome.READMITTED,
        "checkin_admitted" if entry else "checkin_readmitted",
        kw={"notes": notes, "admitted_count": 1, "previous": previous, "inside": inside},
    )


def admission_body(admission: Admission, reissue: int) -> dict[str, object]:
    """The ``admission`` operation (``docs/sync-protocol.md``), with this door's extras.

    The protocol's fields are ``serial``, ``key_id``, ``ticket_id``,
    ``reissue``, ``scanned_at``, ``gate`` and ``re_entry``; the rest is stored
    as sent, and ``store.door_feed.apply_remote_admission`` reads it all.
    """
    return {
        "serial": admission.serial,
        "key_id": admission.key_id,
        "ticket_id": admission.ticket_id,
        "reissue": reissue,
        "scanned_at": admission.scanned_at.isoformat(),
        "gate": admission.door,
        "re_entry": admission.kind == "reentry",
        "uuid": admission.uuid,
        "performance_id": admission.performance_id,
        "kind": admission.kind,
        "door": admission.door,
        "terminal": admission.terminal,
        "user": admission.username,
        "order_uuid": admission.order_uuid,
    }
