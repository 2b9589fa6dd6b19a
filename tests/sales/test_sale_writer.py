"""A sale's seat check and its rows written without a unit-of-work flush."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import event, inspect, select

from boxoffice import audit
from boxoffice.actor import system_actor
from boxoffice.catalogue import house_holds
from boxoffice.errors import Conflict
from boxoffice.sales.checkout import Cash, flush_sale, sell
from boxoffice.sales.holds import SeatsUnavailable, hold_seats
from boxoffice.store import row_writer
from boxoffice.store.models import (
    CartHold,
    CashMovement,
    HoldKind,
    Order,
    OutboxEntry,
    Performance,
    Setting,
    Ticket,
    TicketStatus,
)
from tests.sales.conftest import World
from tests.sales.helpers import cart, eur


def _statements(world: World) -> list[str]:
    seen: list[str] = []

    def record(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        seen.append(statement)

    event.listen(world.store.write_engine, "before_cursor_execute", record)
    return seen


def test_sold_rows_are_stored_and_the_session_is_clean(world: World) -> None:
    with world.store.write() as s:
        sale = sell(
            s,
            world.clerk,
            cart(world, "S-A-14", "S-A-15"),
            [Cash(eur("200.00"))],
            world.signer,
            now=world.now,
        )
        order = sale.order
        assert inspect(order).persistent
        assert all(inspect(t).persistent for t in order.tickets)
        assert not s.new and not s.dirty
        seen = _statements(world)
        s.flush()  # nothing is left for the unit of work to write
        assert seen == []
        ids = (order.id, [t.id for t in order.tickets], order.payments[0].id)
    with world.store.read() as s:
        stored = s.get(Order, ids[0])
        assert stored is not None
        assert [t.id for t in stored.tickets] == ids[1]
        assert all(t.status == TicketStatus.VALID and t.print_count == 0 for t in stored.tickets)
        movement = s.scalars(select(CashMovement).where(CashMovement.order_id.is_not(None))).one()
        assert (movement.order_id, movement.payment_id) == (ids[0], ids[2])
        assert s.scalars(select(OutboxEntry.kind)).all() == ["sale"]


def test_a_sale_rolled_back_after_writing_leaves_nothing(world: World) -> None:
    with pytest.raises(RuntimeError), world.store.write() as s:
        sale = sell(
            s,
            world.clerk,
            cart(world, "S-A-14"),
            [Cash(eur("100.00"))],
            world.signer,
            now=world.now,
        )
        order = sale.order
        raise RuntimeError("power cut before commit")
    assert inspect(order).transient  # as after a flush that was rolled back
    with world.store.read() as s:
        assert s.scalars(select(Order)).all() == []
        assert s.scalars(select(Ticket)).all() == []


def test_the_live_seat_index_still_refuses_a_double_sale(world: World) -> None:
    """Code that skipped every check still cannot sell a sold seat twice."""
    with world.store.write() as s:
        sell(s, world.clerk, cart(world, "S-A-14"), [Cash(eur("89"))], world.signer, now=world.now)
    with world.store.read() as s:
        sold = s.scalars(select(Ticket)).one()
        fields = {
            c: getattr(sold, c)
            for c in (
                "order_id",
                "performance_id",
                "seat_id",
                "price_zone_id",
                "price_type_id",
                "list_price_minor",
                "price_minor",
                "tax_rate_bp",
                "tax_minor",
            )
        }
    with pytest.raises(Conflict, match="sold in the meantime"), world.store.write() as s:
        s.add(Ticket(**fields, status=TicketStatus.PENDING))
        flush_sale(s)


def test_a_deletion_in_the_session_goes_through_the_unit_of_work(world: World) -> None:
    with world.store.write() as s:
        s.add(Setting(key="kept", value="1"))
        s.add(Setting(key="dropped", value="2"))
    with world.store.write() as s:
        s.delete(s.get(Setting, "dropped"))
        s.add(Setting(key="added", value="3"))
        row_writer.write_pending(s)
        assert not s.new and not s.deleted
    with world.store.read() as s:
        keys = set(s.scalars(select(Setting.key)))
    assert {"kept", "added"} <= keys and "dropped" not in keys


def test_a_house_seat_cannot_be_sold_straight_from_the_map(world: World) -> None:
    with world.store.write() as s:
        perf = s.get(Performance, world.performance)
        assert perf is not None
        house_holds.place(s, system_actor("box office manager"), perf, ["S-A-14"], HoldKind.HOUSE)
    with pytest.raises(SeatsUnavailable, match="A-14"), world.store.write() as s:
        sell(s, world.clerk, cart(world, "S-A-14"), [Cash(eur("89"))], world.signer, now=world.now)


def test_selling_a_cart_that_holds_its_seats_gives_the_holds_back(world: World) -> None:
    c = cart(world, "S-A-14", "S-A-15")
    with world.store.write() as s:
        hold_seats(
            s, world.clerk, world.performance, [world.seats["S-A-14"]], c.cart_id, now=world.now
        )
    with world.store.write() as s:
        sell(s, world.clerk, c, [Cash(eur("200"))], world.signer, now=world.now)
    with world.store.read() as s:
        assert s.scalars(select(CartHold).where(CartHold.cart_id == c.cart_id)).all() == []
        assert [e.subject for e in audit.entries(s, "hold.release")] == [f"cart:{c.cart_id}"]
