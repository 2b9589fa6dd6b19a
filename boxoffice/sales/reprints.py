"""Reprinting a ticket: a new barcode generation, the old one revoked.

Reprints are how tickets get copied, so each needs the ``reprint``
permission (or a supervisor's override) and a reason, is audited, and
revokes every earlier barcode of the ticket; ``Ticket.reissue`` counts them.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy.orm import Session

from boxoffice import audit
from boxoffice.actor import Actor
from boxoffice.auth.guard import require
from boxoffice.auth.permissions import Permission
from boxoffice.clock import utc_now
from boxoffice.errors import NotFound, ValidationError
from boxoffice.sales import tickets
from boxoffice.sales.signer import Signer
from boxoffice.store import outbox
from boxoffice.store.models import Override, Ticket, TicketStatus


def reprint(
    session: Session,
    actor: Actor,
    ticket_id: int,
    signer: Signer,
    *,
    reason: str,
    now: datetime | None = None,
    overrides: Sequence[Override] = (),
) -> Ticket:
    now = now or utc_now()
    ticket = session.get(Ticket, ticket_id)
    if ticket is None:
        raise NotFound("reprint_ticket_not_found", ticket=ticket_id)
    if not reason.strip():
        raise ValidationError("reprint_needs_reason")
    subject = f"ticket:{ticket.serial}"
    require(
        session,
        actor,
        Permission.REPRINT,
        subject=subject,
        overrides=overrides,
        now=now,
    )
    if ticket.status != TicketStatus.VALID:
        raise ValidationError(
            "reprint_ticket_not_valid", ticket=ticket.serial, status=ticket.status.value
        )
    old = ticket.reissue
    tickets.reissue_barcode(session, ticket, signer, now, "reprinted")
    session.flush()
    details = {"reason": reason, "revoked_up_to": old, "reissue": ticket.reissue}
    audit.record(session, actor, "reprint", subject, details, at=now)
    outbox.enqueue(
        session, "reprint", {"ticket": ticket.id, "serial": ticket.serial, **details}, now=now
    )
    return ticket
