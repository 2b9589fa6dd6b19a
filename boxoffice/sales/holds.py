"""Cart holds: seats and standing places kept for a clerk's cart for a while.

A hold lives ``holds.ttl_seconds`` (10 minutes by default) and then frees
itself: expired holds are ignored by availability and purged before new
holds are placed. Holding is all-or-nothing; a refusal names every seat that
could not be held.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import bindparam, delete, func, literal, select, union
from sqlalchemy.orm import Session

from boxoffice import audit, settings
from boxoffice.actor import Actor
from boxoffice.clock import utc_now
from boxoffice.errors import Conflict, NotFound, ValidationError
from boxoffice.sales import sale_data
from boxoffice.sales.cart import split_places
from boxoffice.sales.sale_data import PerformanceFacts
from boxoffice.store import fast
from boxoffice.store.models import (
    LIVE_TICKET_STATES,
    Allocation,
    CartHold,
    GAArea,
    Order,
    Performance,
    PerformanceStatus,
    Row,
    Seat,
    SeatHold,
    Section,
    Ticket,
)


class SeatsUnavailable(Conflict):
    """Some of the seats asked for cannot be held; ``labels`` names them."""

    def __init__(
        self, labels: list[str] | None = None, /, *, code: str = "seats_unavailable", **params: Any
    ) -> None:
        """``labels`` name the seats (at most 12 are shown); another ``code`` says why."""
        self.labels = list(labels or [])
        if labels is not None:
            params["seats"] = self.labels[:12]
            if len(self.labels) > 12 and code == "seats_unavailable":
                code, params["more"] = "seats_unavailable_more", len(self.labels) - 12
        super().__init__(code, **params)


#: Why the central server refused a place (its ``unavailable[].reason``), as a refusal says it.
SERVER_REASONS = {
    "sold": "sold",
    "held": "held at another terminal",
    "allocated": "allocated to another terminal",
    "house_hold": "held by the house",
    "unknown_seat": "not on this seat map",
}


def refused_by_server(session: Session, body: object, fallback: str) -> SeatsUnavailable:
    """The refusal for the server's 409 body (a hold or an allocation it would not give)."""
    body = body if isinstance(body, dict) else {}
    if body.get("error") == "ga_unavailable":
        return SeatsUnavailable(code="standing_refused_by_server", left=body.get("available", 0))
    refused = [u for u in body.get("unavailable") or [] if isinstance(u, dict)]
    ids = [u.get("seat_id") for u in refused if isinstance(u.get("seat_id"), int)]
    labels = seat_labels(session, ids)
    reasons = {str(u.get("reason")) for u in refused}
    if len(reasons) == 1 and reasons <= SERVER_REASONS.keys():  # the usual case: one reason
        return SeatsUnavailable(
            [str(labels.get(u.get("seat_id"), u.get("seat_id"))) for u in refused],  # type: ignore[arg-type]
            code="seats_refused_by_server",
            reason=reasons.pop(),
        )
    return SeatsUnavailable(
        [
            f"{labels.get(u.get('seat_id'), u.get('seat_id'))} "  # type: ignore[arg-type]
            f"({SERVER_REASONS.get(str(u.get('reason')), u.get('reason'))})"
            for u in refused
        ]
        or [fallback]
    )


@dataclass(frozen=True)
class HeldSeat:
    seat_id: int
    label: str
    expires_at: datetime


def ttl(session: Session) -> timedelta:
    seconds = settings.get_int(session, "holds.ttl_seconds")
    if seconds < 30:
        raise ValidationError("hold_ttl_too_short", minimum=30)
    return timedelta(seconds=seconds)


def seat_labels(session: Session, seat_ids: Iterable[int]) -> dict[int, str]:
    """``Stalls C-12`` style labels for messages and receipts."""
    rows = session.execute(
        select(Seat.id, Section.name, Row.name, Seat.number)
        .join(Row, Seat.row_id == Row.id)
        .join(Section, Row.section_id == Section.id)
        .where(Seat.id.in_(list(seat_ids)))
    )
    return {sid: f"{section} {row}-{number}" for sid, section, row, number in rows}


def purge_expired(
    session: Session, performance_id: int | None = None, now: datetime | None = None
) -> int:
    query = delete(CartHold).where(CartHold.expires_at <= (now or utc_now()))
    if performance_id is not None:
        query = query.where(CartHold.performance_id == performance_id)
    return session.execute(query).rowcount or 0


def sellable_performance(
    session: Session, performance_id: int, now: datetime | None = None
) -> Performance:
    """The performance if it can be sold at ``now``: on sale and inside its sale window.

    Without an explicit sale end, sales close when the performance starts.
    """
    sellable(session, performance_id, now)
    performance = session.get(Performance, performance_id)
    assert performance is not None
    return performance


def sellable(
    session: Session, performance_id: int, now: datetime | None = None
) -> PerformanceFacts:
    """As ``sellable_performance``, answering from the sale cache (no ORM object)."""
    now = now or utc_now()
    performance = sale_data.performances(session, [performance_id]).get(performance_id)
    if performance is None:
        raise NotFound("sale_performance_not_found", performance=performance_id)
    if performance.status != PerformanceStatus.ON_SALE:
        raise ValidationError(
            "performance_not_on_sale",
            performance=performance_id,
            status=performance.status.value,
        )
    if performance.sale_starts_at is not None and now < performance.sale_starts_at:
        raise ValidationError(
            "performance_sale_not_started",
            performance=performance_id,
            at=f"{performance.sale_starts_at:%Y-%m-%d %H:%M}",
        )
    sale_end = performance.sale_ends_at or performance.starts_at
    if now >= sale_end:
        raise ValidationError(
            "performance_sale_closed", performance=performance_id, at=f"{sale_end:%Y-%m-%d %H:%M}"
        )
    return performance


# Seats among ``seat_ids`` that block a sale, built once (these run inside every sale).
_PERF = bindparam("performance_id")
_SEATS = bindparam("seat_ids", expanding=True)
_CART = bindparam("cart_id")
_NOW = bindparam("now", type_=CartHold.__table__.c.expires_at.type)
_SOLD = select(Ticket.seat_id).where(
    Ticket.performance_id == _PERF,
    Ticket.seat_id.in_(_SEATS),
    Ticket.status.in_(LIVE_TICKET_STATES),
)
_HOUSE_HELD = select(SeatHold.seat_id).where(
    SeatHold.performance_id == _PERF, SeatHold.seat_id.in_(_SEATS)
)
_OTHER_CARTS = select(CartHold.seat_id).where(
    CartHold.performance_id == _PERF,
    CartHold.seat_id.in_(_SEATS),
    CartHold.cart_id != _CART,
    CartHold.expires_at > _NOW,
)
#: Marks (as seat -1) that the cart itself holds something unexpired.
_CART_HOLDS = select(literal(-1)).where(CartHold.cart_id == _CART, CartHold.expires_at > _NOW)
_SOLD_OR_HOUSE_HELD = union(_SOLD, _HOUSE_HELD)
_BLOCKED = union(_SOLD, _HOUSE_HELD, _OTHER_CARTS)
_BLOCKED_OR_CART_HOLDS = union(_SOLD, _HOUSE_HELD, _OTHER_CARTS, _CART_HOLDS)


_LIVE = ", ".join(f"'{state.value}'" for state in LIVE_TICKET_STATES)
_BLOCKED_OR_CART_HOLDS_SQL = (
    "SELECT seat_id FROM tickets WHERE performance_id = ? AND seat_id IN ({seats}) "
    f"AND status IN ({_LIVE}) "
    "UNION SELECT seat_id FROM seat_holds WHERE performance_id = ? AND seat_id IN ({seats}) "
    "UNION SELECT seat_id FROM cart_holds WHERE performance_id = ? AND seat_id IN ({seats}) "
    "AND cart_id != ? AND expires_at > ? "
    "UNION SELECT -1 FROM cart_holds WHERE cart_id = ? AND expires_at > ?"
)


@functools.cache
def _now_text(dialect: Any) -> Any:
    """How the store writes a time (``expires_at``'s own bind processing)."""
    process = _NOW.type.dialect_impl(dialect).bind_processor(dialect)
    return process or (lambda value: value)


def _sold_or_house_held(session: Session, performance_id: int, seat_ids: list[int]) -> set[int]:
    params = {"performance_id": performance_id, "seat_ids": seat_ids}
    return {s for (s,) in fast.execute(session, _SOLD_OR_HOUSE_HELD, params) if s is not None}


def _refuse_blocked(session: Session, seat_ids: list[int], blocked: set[int]) -> None:
    if blocked:
        labels = seat_labels(session, blocked)
        raise SeatsUnavailable([labels.get(s, str(s)) for s in seat_ids if s in blocked])


def require_allocated(session: Session, terminal: str, items: Iterable[Any], now: datetime) -> None:
    """Offline, refuse any place outside this terminal's unexpired allocation."""
    split = split_places(items)
    seats = {performance: set(ids) for performance, ids in split.seats.items()}
    places = split.standing
    live = (
        Allocation.terminal == terminal,
        Allocation.released_at.is_(None),
        Allocation.expires_at > now,
    )
    for performance_id, wanted in seats.items():
        mine = set(
            session.scalars(
                select(Allocation.seat_id).where(
                    Allocation.performance_id == performance_id,
                    Allocation.seat_id.in_(wanted),
                    *live,
                )
            )
        )
        outside = wanted - mine
        if outside:
            labels = seat_labels(session, outside)
            raise SeatsUnavailable(
                [labels.get(s, str(s)) for s in sorted(outside)],
                code="seats_not_allocated",
                terminal=terminal,
            )
    for (performance_id, area_id), quantity in places.items():
        leased = (
            session.scalar(
                select(func.coalesce(func.sum(Allocation.quantity), 0)).where(
                    Allocation.performance_id == performance_id,
                    Allocation.ga_area_id == area_id,
                    *live,
                )
            )
            or 0
        )
        sold_here = (
            session.scalar(
                select(func.count())
                .select_from(Ticket)
                .join(Order, Ticket.order_id == Order.id)
                .where(
                    Ticket.performance_id == performance_id,
                    Ticket.ga_area_id == area_id,
                    Ticket.status.in_(LIVE_TICKET_STATES),
                    Order.terminal == terminal,
                )
            )
            or 0
        )
        if quantity > leased - sold_here:
            raise SeatsUnavailable(
                code="standing_not_allocated", area=area_id, left=max(leased - sold_here, 0)
            )


def check_seats_free(
    session: Session, performance_id: int, seat_ids: list[int], cart_id: str, now: datetime
) -> None:
    """Refuse, naming them, seats that are sold, house-held or in another live cart.

    For a sale straight from the seat map: nothing is written, the tickets
    about to be inserted hold the seats. (The quote has already checked that
    the seats are on the performance's seat map.)
    """
    sellable(session, performance_id, now)
    params = {
        "performance_id": performance_id,
        "seat_ids": seat_ids,
        "cart_id": cart_id,
        "now": now,
    }
    blocked = {s for (s,) in fast.execute(session, _BLOCKED, params) if s is not None}
    _refuse_blocked(session, seat_ids, blocked)


def check_seats_free_unless_cart_holds(
    session: Session, performance_id: int, seat_ids: list[int], cart_id: str, now: datetime
) -> bool:
    """``check_seats_free`` in the same query as ``cart_has_holds``.

    Returns ``True`` (having checked nothing) when the cart holds anything
    unexpired: the caller then takes the holding path. Otherwise refuses
    blocked seats as ``check_seats_free`` does and returns ``False``.
    """
    sellable(session, performance_id, now)
    conn = session.connection()
    if conn.dialect.name == "sqlite":
        # The same query as _BLOCKED_OR_CART_HOLDS, straight to the driver: with
        # its four IN lists, SQLAlchemy's expansion costs more than SQLite's run.
        marks = ", ".join("?" for _ in seat_ids)
        stamp = _now_text(conn.dialect)(now)
        seats_of = [performance_id, *seat_ids]
        rows = conn.connection.driver_connection.execute(  # type: ignore[union-attr]
            _BLOCKED_OR_CART_HOLDS_SQL.format(seats=marks),
            [*seats_of, *seats_of, *seats_of, cart_id, stamp, cart_id, stamp],
        ).fetchall()
    else:
        params = {
            "performance_id": performance_id,
            "seat_ids": seat_ids,
            "cart_id": cart_id,
            "now": now,
        }
        rows = fast.execute(session, _BLOCKED_OR_CART_HOLDS, params).all()
    found = {s for (s,) in rows if s is not None}
    if -1 in found:
        return True
    _refuse_blocked(session, seat_ids, found)
    return False


def check_ga_free(
    session: Session,
    performance_id: int,
    ga_area_id: int,
    quantity: int,
    cart_id: str,
    now: datetime,
) -> None:
    performance = sellable_performance(session, performance_id, now)
    area = session.get(GAArea, ga_area_id)
    if area is None or area.seat_map_id != performance.seat_map_id:
        raise NotFound("standing_area_not_at_performance", area=ga_area_id)
    left = ga_remaining(session, performance_id, ga_area_id, now, exclude_cart=cart_id)
    if quantity > left:
        raise SeatsUnavailable(
            code="standing_unavailable", area=area.name, left=max(left, 0), quantity=quantity
        )


def hold_seats(
    session: Session,
    actor: Actor,
    performance_id: int,
    seat_ids: Iterable[int],
    cart_id: str,
    *,
    now: datetime | None = None,
) -> list[HeldSeat]:
    """Hold every seat for ``cart_id`` or none; seats this cart holds already are renewed."""
    now = now or utc_now()
    wanted = list(dict.fromkeys(seat_ids))
    if not wanted:
        raise ValidationError("no_seats_chosen")
    performance = sellable_performance(session, performance_id, now)
    purge_expired(session, performance_id, now)
    on_map = set(
        session.scalars(
            select(Seat.id).where(Seat.id.in_(wanted), Seat.seat_map_id == performance.seat_map_id)
        )
    )
    if len(on_map) != len(wanted):
        missing = [str(s) for s in wanted if s not in on_map]
        raise NotFound("seats_not_on_map", seats=missing)
    blocked = _sold_or_house_held(session, performance_id, wanted)
    mine: dict[int, CartHold] = {}
    for hold in session.scalars(
        select(CartHold).where(
            CartHold.performance_id == performance_id, CartHold.seat_id.in_(wanted)
        )
    ):
        if hold.cart_id == cart_id:
            mine[hold.seat_id or 0] = hold
        else:
            blocked.add(hold.seat_id or 0)
    if blocked:
        labels = seat_labels(session, blocked)
        raise SeatsUnavailable([labels.get(s, str(s)) for s in wanted if s in blocked])
    expires = now + ttl(session)
    for seat_id in wanted:
        if seat_id in mine:
            mine[seat_id].expires_at = expires
        else:
            session.add(
                CartHold(
                    cart_id=cart_id,
                    performance_id=performance_id,
                    seat_id=seat_id,
                    quantity=1,
                    terminal=actor.terminal,
                    username=actor.username,
                    created_at=now,
                    expires_at=expires,
                )
            )
    session.flush()
    labels = seat_labels(session, wanted)
    audit.record(
        session,
        actor,
        "hold.seats",
        f"performance:{performance_id}",
        {"cart": cart_id, "seats": [labels[s] for s in wanted]},
        at=now,
    )
    return [HeldSeat(s, labels[s], expires) for s in wanted]


def ga_remaining(
    session: Session,
    performance_id: int,
    ga_area_id: int,
    now: datetime | None = None,
    exclude_cart: str | None = None,
) -> int:
    """Places left in a standing area: capacity − live tickets − unexpired holds."""
    now = now or utc_now()
    area = session.get(GAArea, ga_area_id)
    if area is None:
        raise NotFound("standing_area_not_found", area=ga_area_id)
    sold = (
        session.scalar(
            select(func.count())
            .select_from(Ticket)
            .where(
                Ticket.performance_id == performance_id,
                Ticket.ga_area_id == ga_area_id,
                Ticket.status.in_(LIVE_TICKET_STATES),
            )
        )
        or 0
    )
    held_q = select(func.coalesce(func.sum(CartHold.quantity), 0)).where(
        CartHold.performance_id == performance_id,
        CartHold.ga_area_id == ga_area_id,
        CartHold.expires_at > now,
    )
    if exclude_cart is not None:
        held_q = held_q.where(CartHold.cart_id != exclude_cart)
    held = session.scalar(held_q) or 0
    return int(area.capacity - sold - held)


def hold_ga(
    session: Session,
    actor: Actor,
    performance_id: int,
    ga_area_id: int,
    quantity: int,
    cart_id: str,
    *,
    now: datetime | None = None,
) -> datetime:
    """Hold ``quantity`` places (replacing what this cart held in the area)."""
    now = now or utc_now()
    if isinstance(quantity, bool) or not isinstance(quantity, int) or quantity < 1:
        raise ValidationError("standing_quantity_invalid")
    performance = sellable_performance(session, performance_id, now)
    area = session.get(GAArea, ga_area_id)
    if area is None or area.seat_map_id != performance.seat_map_id:
        raise NotFound("standing_area_not_at_performance", area=ga_area_id)
    purge_expired(session, performance_id, now)
    left = ga_remaining(session, performance_id, ga_area_id, now, exclude_cart=cart_id)
    if quantity > left:
        raise SeatsUnavailable(
            code="standing_unavailable", area=area.name, left=max(left, 0), quantity=quantity
        )
    session.execute(
        delete(CartHold).where(
            CartHold.cart_id == cart_id,
            CartHold.ga_area_id == ga_area_id,
            CartHold.performance_id == performance_id,
        )
    )
    expires = now + ttl(session)
    session.add(
        CartHold(
            cart_id=cart_id,
            performance_id=performance_id,
            ga_area_id=ga_area_id,
            quantity=quantity,
            terminal=actor.terminal,
            username=actor.username,
            created_at=now,
            expires_at=expires,
        )
    )
    session.flush()
    audit.record(
        session,
        actor,
        "hold.ga",
        f"performance:{performance_id}",
        {"cart": cart_id, "area": area.name, "quantity": quantity},
        at=now,
    )
    return expires


def release_seats(session: Session, actor: Actor, cart_id: str, seat_ids: Iterable[int]) -> int:
    ids = list(seat_ids)
    count = (
        session.execute(
            delete(CartHold).where(CartHold.cart_id == cart_id, CartHold.seat_id.in_(ids))
        ).rowcount
        or 0
    )
    if count:
        audit.record(session, actor, "hold.release", f"cart:{cart_id}", {"seats": ids})
    return count


def release_cart(session: Session, actor: Actor, cart_id: str) -> int:
    """Give back everything the cart holds (the clerk cleared it or the sale finished)."""
    count = session.execute(delete(CartHold).where(CartHold.cart_id == cart_id)).rowcount or 0
    if count:
        audit.record(session, actor, "hold.release", f"cart:{cart_id}", {"holds": count})
    return count


def cart_has_holds(session: Session, cart_id: str, now: datetime) -> bool:
    """Whether the cart holds anything unexpired (one cheap query for the sale path)."""
    params = {"cart_id": cart_id, "now": now}
    return fast.execute(session, _CART_HOLDS, params).first() is not None


def cart_holds(session: Session, cart_id: str, now: datetime | None = None) -> list[CartHold]:
    """The cart's unexpired holds."""
    return list(
        session.scalars(
            select(CartHold)
            .where(CartHold.cart_id == cart_id, CartHold.expires_at > (now or utc_now()))
            .order_by(CartHold.id)
        )
    )
