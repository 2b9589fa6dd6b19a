"""Issuing tickets: serials and signed barcodes, inside the sale's transaction."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from boxoffice.sales import barcodes, numbering, sale_data
from boxoffice.sales.signer import Signer
from boxoffice.store import fast
from boxoffice.store.models import BarcodeRevocation, Ticket, TicketStatus


def claim_for(
    session: Session, ticket: Ticket, signer: Signer, now: datetime
) -> barcodes.TicketClaim:
    performance = sale_data.performances(session, [ticket.performance_id])[ticket.performance_id]
    return barcodes.TicketClaim(
        ticket_id=ticket.id,
        performance_id=ticket.performance_id,
        seat_id=ticket.seat_id,
        ga_area_id=ticket.ga_area_id,
        price_type_id=ticket.price_type_id,
        issued_at=now.replace(microsecond=0),
        key_id=signer.key_id,
        reissue=ticket.reissue,
        event_id=performance.event_id,
    )


_TOP_ID = fast.Prepared(select(func.max(Ticket.id)))


def _assign_ids(session: Session, tickets: Sequence[Ticket]) -> None:
    """Give not-yet-written tickets their ids now, so each is inserted once, complete.

    The barcode signs the ticket id; without this every ticket would be
    inserted, then updated with its serial and barcode. Safe because the
    store's writes run under ``BEGIN IMMEDIATE``: no other writer can take an
    id between this read and the commit. Other unwritten tickets in the
    session are flushed first so autoincrement cannot hand out the same ids.
    """
    missing = [t for t in tickets if t.id is None]
    if not missing:
        return
    others = [o for o in session.new if isinstance(o, Ticket) and o.id is None and o not in missing]
    if others:
        session.flush()
    with session.no_autoflush:
        top = _TOP_ID.rows(session)[0][0] or 0
    top = max(top, session.info.get("ticket_id_high", 0))
    for offset, ticket in enumerate(missing, start=1):
        ticket.id = top + offset
    session.info["ticket_id_high"] = top + len(missing)


def issue(session: Session, tickets: Sequence[Ticket], signer: Signer, now: datetime) -> None:
    """Give each ticket its serial and barcode and make it valid."""
    _assign_ids(session, tickets)
    serials = numbering.ticket_serials(session, len(tickets))
    for ticket, serial in zip(tickets, serials, strict=True):
        ticket.serial = serial
        ticket.status = TicketStatus.VALID
        ticket.issued_at = now
        ticket.key_id = signer.key_id
        ticket.barcode = barcodes.sign(claim_for(session, ticket, signer, now), signer.private_key)


def reissue_barcode(
    session: Session, ticket: Ticket, signer: Signer, now: datetime, reason: str
) -> None:
    """A new barcode generation; every earlier one is revoked."""
    revoke(session, ticket, reason, now)
    ticket.reissue += 1
    ticket.key_id = signer.key_id
    ticket.barcode = barcodes.sign(claim_for(session, ticket, signer, now), signer.private_key)


def revoke(session: Session, ticket: Ticket, reason: str, now: datetime) -> None:
    """Record that this ticket's barcodes up to its current generation no longer admit."""
    session.add(
        BarcodeRevocation(
            ticket_id=ticket.id,
            serial=ticket.serial or "",
            up_to_reissue=ticket.reissue,
            reason=reason,
            revoked_at=now,
        )
    )


def mark_printed(session: Session, ticket_ids: Sequence[int], now: datetime) -> None:
    """Called by the print queue once the printer confirmed the tickets."""
    for ticket_id in ticket_ids:
        ticket = session.get(Ticket, ticket_id)
        if ticket is not None:
            ticket.printed_at = now
            ticket.print_count += 1
