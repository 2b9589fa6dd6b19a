"""Offline allocations, client side: asked for and given back online.

A supervisor asks the server for a block of seats (or standing places) for
this terminal, with an expiry in server time; the grant is stored as local
``allocations`` rows (one per seat, or one with the quantity) linked to the
server's id, and from then on ``holds.require_allocated`` lets this terminal
sell them while offline. Unused places go back with an ``allocation_release``
*operation* in the outbox: it is sent after every sale made before it (the
server applies a terminal's operations in sequence order), so a release can
never overtake an offline sale from the same block.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from boxoffice import audit, protocol
from boxoffice.actor import Actor
from boxoffice.auth.guard import require
from boxoffice.auth.permissions import Permission
from boxoffice.clock import utc_now
from boxoffice.errors import NotFound, ValidationError
from boxoffice.sales import holds
from boxoffice.store import Store, outbox
from boxoffice.store.models import (
    LIVE_TICKET_STATES,
    Allocation,
    AllocationLink,
    Order,
    Ticket,
)
from boxoffice.sync.client import ServerClient
from boxoffice.sync.errors import ServerRefused


def _store_grant(session: Session, terminal: str, grant: protocol.Allocation) -> list[Allocation]:
    known = set(
        session.scalars(
            select(AllocationLink.allocation_id).where(
                AllocationLink.server_allocation_id == grant.allocation_id
            )
        )
    )
    if known:
        return list(session.scalars(select(Allocation).where(Allocation.id.in_(known))))
    rows: list[Allocation] = []
    if grant.seat_ids:
        for seat_id in grant.seat_ids:
            rows.append(
                Allocation(
                    performance_id=grant.performance_id,
                    terminal=terminal,
                    seat_id=seat_id,
                    quantity=1,
                    expires_at=grant.expires_at,
                )
            )
    elif grant.ga_area_id is not None and grant.quantity:
        rows.append(
            Allocation(
                performance_id=grant.performance_id,
                terminal=terminal,
                ga_area_id=grant.ga_area_id,
                quantity=grant.quantity,
                expires_at=grant.expires_at,
            )
        )
    session.add_all(rows)
    session.flush()
    for row in rows:
        session.add(AllocationLink(allocation_id=row.id, server_allocation_id=grant.allocation_id))
    session.flush()
    return rows


def request(
    store: Store,
    actor: Actor,
    client: ServerClient,
    performance_id: int,
    *,
    seat_ids: list[int] | None = None,
    ga_area_id: int | None = None,
    quantity: int | None = None,
    expires_at: datetime,
) -> protocol.Allocation:
    """Ask the server for an allocation (online only) and keep it for offline selling."""
    with store.read() as session:
        require(session, actor, Permission.ALLOCATION_MANAGE)
    if expires_at.tzinfo is None:
        raise ValidationError("allocation_expiry_needs_time_zone")
    if not seat_ids and not (ga_area_id is not None and quantity and quantity > 0):
        raise ValidationError("allocation_needs_seats_or_quantity")
    try:
        grant = client.request_allocation(
            performance_id,
            seat_ids=seat_ids,
            ga_area_id=ga_area_id,
            quantity=quantity,
            expires_at=expires_at,
            requested_by=actor.username,
        )
    except ServerRefused as exc:
        if exc.status == 409:
            with store.read() as session:
                raise holds.refused_by_server(session, exc.body, str(exc)) from exc
        raise
    with store.write() as session:
        require(session, actor, Permission.ALLOCATION_MANAGE)
        _store_grant(session, actor.terminal, grant)
        audit.record(
            session,
            actor,
            "allocation.grant",
            f"performance:{performance_id}",
            {
                "allocation": grant.allocation_id,
                "seats": grant.seat_ids or [],
                "ga_area": grant.ga_area_id,
                "quantity": grant.quantity,
                "expires_at": grant.expires_at.isoformat(),
            },
        )
    return grant


def refresh(store: Store, client: ServerClient, terminal: str) -> int:
    """Make sure every allocation the server lists for us is stored (after a reinstall)."""
    grants = client.allocations()
    with store.write() as session:
        for grant in grants:
            _store_grant(session, terminal, grant)
    return len(grants)


def release(
    store: Store,
    actor: Actor,
    server_allocation_id: int,
    *,
    now: datetime | None = None,
) -> dict[str, object]:
    """Give back what is unsold of an allocation: ends it here, queues the release.

    Works offline too: the release waits in the outbox behind the sales.
    """
    now = now or utc_now()
    with store.write() as session:
        require(session, actor, Permission.ALLOCATION_MANAGE)
        rows = list(
            session.scalars(
                select(Allocation)
                .join(AllocationLink, AllocationLink.allocation_id == Allocation.id)
                .where(
                    AllocationLink.server_allocation_id == server_allocation_id,
                    Allocation.released_at.is_(None),
                )
            )
        )
        if not rows:
            raise NotFound("allocation_not_open_here", allocation=server_allocation_id)
        sold_seats = set(
            session.scalars(
                select(Ticket.seat_id)
                .join(Order, Ticket.order_id == Order.id)
                .where(
                    Ticket.performance_id == rows[0].performance_id,
                    Ticket.seat_id.in_([r.seat_id for r in rows if r.seat_id is not None]),
                    Ticket.status.in_(LIVE_TICKET_STATES),
                    Order.terminal == actor.terminal,
                )
            )
        )
        unsold = [r.seat_id for r in rows if r.seat_id is not None and r.seat_id not in sold_seats]
        quantity = None
        ga = [r for r in rows if r.ga_area_id is not None]
        if ga:
            sold_ga = (
                session.scalar(
                    select(func.count())
                    .select_from(Ticket)
                    .join(Order, Ticket.order_id == Order.id)
                    .where(
                        Ticket.performance_id == ga[0].performance_id,
                        Ticket.ga_area_id == ga[0].ga_area_id,
                        Ticket.status.in_(LIVE_TICKET_STATES),
                        Order.terminal == actor.terminal,
                    )
                )
                or 0
            )
            quantity = max(sum(r.quantity for r in ga) - sold_ga, 0)
        for row in rows:
            row.released_at = now
        body: dict[str, object] = {
            "allocation_id": server_allocation_id,
            "seat_ids": None,  # everything still unsold, as the server counts it
            "quantity": None,
        }
        entry = outbox.enqueue(session, "allocation_release", body, now=now)
        session.flush()
        audit.record(
            session,
            actor,
            "allocation.release",
            f"allocation:{server_allocation_id}",
            {"unsold_seats": unsold, "unsold_places": quantity, "operation": entry.id},
            at=now,
        )
    return {"operation": entry.id, "unsold_seats": unsold, "unsold_places": quantity}
