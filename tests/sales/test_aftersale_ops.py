"""The after-sale ops: change-sets published, device work outside the transaction, money never lost.

The services' own rules are pinned in test_refunds, test_exchanges,
test_voids_and_reprints and test_cancellation_and_reservations; here, what
the ops add on top: what they tell the views, and what happens to card money
when the booking fails after the terminal answered.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta

import pytest

from boxoffice import audit
from boxoffice.bus import ChangeSet
from boxoffice.errors import BoxOfficeError, NeedsOverride, PermissionDenied, ValidationError
from boxoffice.money import Money
from boxoffice.ops import aftersale
from boxoffice.sales import checkout, refunds
from boxoffice.sales.checkout import Card, Cash, get_order, place_order
from boxoffice.sales.payment_terminal import CardResult, SimulatedTerminal
from boxoffice.sales.quote import quote
from boxoffice.store.models import OrderStatus, TicketStatus
from tests.sales.aftersale_helpers import ctx_of
from tests.sales.conftest import World
from tests.sales.helpers import cart, eur, snapshot


def sell(world: World, guids: Sequence[str], card: bool = False) -> str:
    c = cart(world, *guids)
    with world.store.write() as s:
        total = quote(s, c, now=world.now).priced.total
        tender = Card(world.terminal.authorise(total, "sale")) if card else Cash(total)
        return checkout.sell(s, world.clerk, c, [tender], world.signer, now=world.now).order.number


def heard(ctx: object) -> list[ChangeSet]:
    seen: list[ChangeSet] = []
    ctx.bus.subscribe(seen.append)  # type: ignore[attr-defined]
    return seen


def test_a_refund_publishes_what_it_changed(world: World) -> None:
    number = sell(world, ["S-A-14", "S-A-15"])
    ctx = ctx_of(world)
    seen = heard(ctx)
    with world.store.read() as s:
        order = get_order(s, number)
        first = order.tickets[0]
        first_id, serial, seat, uuid = first.id, first.serial, first.seat_id, order.uuid
    result = aftersale.refund(ctx, world.supervisor, number, [first_id], reason="ill")
    assert result.value.tickets == (serial,)
    assert result.value.net == eur("89.00")
    assert [(t.kind, t.amount) for t in result.value.tenders] == [("cash", -eur("89.00"))]
    changes = result.changes
    assert changes.orders == {uuid} and changes.tickets == {serial}
    assert changes.performances == {world.performance}
    assert changes.seats == {(world.performance, seat)}
    assert changes.shifts == {world.shifts[("sue", "Window 1")]} and changes.sync
    assert seen == [changes]
    with world.store.read() as s:
        assert s.get(type(first), first_id).status == TicketStatus.REFUNDED


def test_a_refused_refund_publishes_nothing(world: World) -> None:
    number = sell(world, ["S-A-14"])
    ctx = ctx_of(world)
    seen = heard(ctx)
    before = snapshot(world)
    with pytest.raises(PermissionDenied) as refused:
        aftersale.refund(ctx, world.clerk, number, reason="ill")
    # A supervisor could approve it: the screen asks for an override when the
    # guard says so (NeedsOverride), otherwise it shows the refusal.
    assert isinstance(refused.value, BoxOfficeError)
    if isinstance(refused.value, NeedsOverride):
        assert refused.value.permission == "refund"
    assert seen == [] and snapshot(world) == before


def test_card_money_given_back_but_not_booked_is_recorded(world: World) -> None:
    """The terminal refunded the card; then the booking failed: a supervisor must see it."""
    number = sell(world, ["S-A-14"], card=True)

    class RefundedMeanwhile(SimulatedTerminal):
        def refund(self, amount: Money, reference: str, original: CardResult) -> CardResult:
            answer = super().refund(amount, reference, original)
            # Someone else refunds the ticket in cash while the terminal talks to the bank.
            with world.store.write() as s:
                refunds.refund(s, world.supervisor, get_order(s, number), reason="x", to_cash=True)
            return answer

    terminal = RefundedMeanwhile()
    with pytest.raises(ValidationError, match=r"nothing to refund|no valid tickets"):
        aftersale.refund(
            ctx_of(world), world.supervisor, number, card_terminal=terminal, reason="ill"
        )
    assert [k for k, _, _ in terminal.journal] == ["refund"]
    with world.store.read() as s:
        (entry,) = audit.entries(s, aftersale.CARD_INCOMPLETE)
        assert entry.subject == f"order:{number}"
    # Until a supervisor settles it, no further refund of that order reaches a terminal.
    with pytest.raises(ValidationError) as refused:
        aftersale.refund(
            ctx_of(world), world.supervisor, number, card_terminal=terminal, reason="ill"
        )
    assert refused.value.code in ("refund_card_incomplete_pending", "refund_order_not_paid")


def test_a_card_refund_without_a_terminal_is_refused_before_anything_moves(world: World) -> None:
    number = sell(world, ["S-A-14"], card=True)
    before = snapshot(world)
    with pytest.raises(ValidationError) as refused:
        aftersale.refund(ctx_of(world), world.supervisor, number, reason="ill")
    assert refused.value.code == "aftersale_needs_card_terminal"
    assert "card terminal" in str(refused.value)
    assert "POS 机" in refused.value.message("zh_CN")
    assert snapshot(world) == before


def test_an_exchange_charged_by_card_is_reversed_when_the_booking_fails(world: World) -> None:
    number = sell(world, ["S-A-14"])
    with world.store.read() as s:
        (old,) = [t.id for t in get_order(s, number).tickets]
    # The new cart costs more (two seats): the difference is charged by card ...
    new_cart = cart(world, "S-A-1", "S-A-2")

    class SeatGoneMeanwhile(SimulatedTerminal):
        def authorise(self, amount: Money, reference: str) -> CardResult:
            answer = super().authorise(amount, reference)
            # ... while another window sells one of the new seats.
            sell(world, ["S-A-2"])
            return answer

    terminal = SeatGoneMeanwhile()
    with pytest.raises(BoxOfficeError):
        aftersale.exchange(
            ctx_of(world), world.supervisor, number, [old], new_cart, card_terminal=terminal
        )
    assert [k for k, _, _ in terminal.journal] == ["sale", "reversal"]
    with world.store.read() as s:
        order = get_order(s, number)
        assert order.status == OrderStatus.PAID
        assert [t.status for t in order.tickets] == [TicketStatus.VALID]


def test_an_exchange_charged_by_card(world: World) -> None:
    number = sell(world, ["S-A-14"])
    with world.store.read() as s:
        (old,) = [(t.id, t.serial) for t in get_order(s, number).tickets]
    ctx = ctx_of(world)
    seen = heard(ctx)
    world.terminal.journal.clear()
    result = aftersale.exchange(
        ctx,
        world.supervisor,
        number,
        [old[0]],
        cart(world, "S-A-1", "S-A-2"),
        card_terminal=world.terminal,
    )
    done = result.value
    assert done.old_tickets == (old[1],) and len(done.new_tickets) == 2
    # The old ticket's 89 is credit; what the new seats cost beyond it, the card paid.
    assert done.credit == eur("89.00") and done.collected.minor > 0
    assert [(k, a) for k, a, _ in world.terminal.journal] == [("sale", done.collected)]
    assert seen == [result.changes]
    assert old[1] in result.changes.tickets and set(done.new_tickets) <= result.changes.tickets
    assert len(result.changes.orders) == 2


def test_a_void_of_a_card_sale_goes_back_on_the_terminal(world: World) -> None:
    number = sell(world, ["S-A-14"], card=True)
    world.terminal.journal.clear()
    result = aftersale.void(
        ctx_of(world), world.supervisor, number, reason="wrong date", card_terminal=world.terminal
    )
    assert [(k, a) for k, a, _ in world.terminal.journal] == [("refund", eur("89.00"))]
    assert [(t.kind, t.amount) for t in result.value.tenders] == [("card", -eur("89.00"))]
    assert result.changes.performances == {world.performance} and result.changes.shifts
    with world.store.read() as s:
        assert get_order(s, number).status == OrderStatus.VOIDED


def test_a_refused_void_never_reaches_the_terminal(world: World) -> None:
    number = sell(world, ["S-A-14"], card=True)
    world.terminal.journal.clear()
    with pytest.raises(ValidationError) as refused:
        aftersale.void(
            ctx_of(world), world.supervisor, number, reason=" ", card_terminal=world.terminal
        )
    assert refused.value.code == "void_needs_reason"
    assert refused.value.message("zh_CN") == "作废需要填写原因"
    assert world.terminal.journal == []


class RecordingQueue:
    """Stands in for a ticket printer's queue: keeps what was submitted."""

    def __init__(self) -> None:
        self.jobs: list[object] = []

    def submit(self, job: object) -> str:
        self.jobs.append(job)
        return str(getattr(job, "id", ""))


def test_a_reprint_queues_the_new_paper_after_the_commit(world: World) -> None:
    number = sell(world, ["S-A-14"])
    with world.store.read() as s:
        (ticket,) = get_order(s, number).tickets
        ticket_id, serial = ticket.id, ticket.serial
    queue = RecordingQueue()
    result = aftersale.reprint(
        ctx_of(world),
        world.supervisor,
        ticket_id,
        reason="torn",
        ticket_printer=queue,  # type: ignore[arg-type]
    )
    assert result.value.ticket == serial and result.value.reissue == 1
    (job,) = queue.jobs
    assert job.reprint and job.kind == "ticket"  # type: ignore[attr-defined]
    assert result.value.print_job == job.id  # type: ignore[attr-defined]
    assert result.changes.tickets == {serial} and result.changes.sync


def test_a_reservation_paid_by_card_after_its_deadline_is_reversed(world: World) -> None:
    with world.store.write() as s:
        number = place_order(
            s,
            world.clerk,
            cart(world, "S-A-14"),
            now=world.now,
            reserve_until=world.now + timedelta(hours=1),
            customer=checkout.CustomerDetails(name="Niamh Kelly", phone="+353 86 123 4567"),
        ).number
    ctx = ctx_of(world)
    world.terminal.journal.clear()

    late = SimulatedTerminal()
    late_ctx = ctx_of(world)
    late_ctx.clock = lambda: world.now + timedelta(hours=2)
    with pytest.raises(ValidationError, match="lapsed"):
        aftersale.pay_reservation(late_ctx, world.clerk, number, card_terminal=late)
    assert [k for k, _, _ in late.journal] == ["sale", "reversal"]

    result = aftersale.pay_reservation(ctx, world.clerk, number, card_terminal=world.terminal)
    assert result.value.status == "paid" and result.value.remaining.minor == 0
    assert [(t.kind, t.amount) for t in result.value.paid] == [("card", eur("89.00"))]
    assert result.changes.orders and result.changes.performances == {world.performance}


def test_releasing_a_reservation_frees_its_seats(world: World) -> None:
    with world.store.write() as s:
        number = place_order(
            s,
            world.clerk,
            cart(world, "S-A-14"),
            now=world.now,
            reserve_until=world.now + timedelta(days=1),
            customer=checkout.CustomerDetails(name="Niamh Kelly", phone="+353 86 123 4567"),
        ).number
    result = aftersale.release_reservation(
        ctx_of(world), world.clerk, number, reason="customer called"
    )
    assert result.value.status == "cancelled" and result.value.reversed == ()
    assert result.changes.seats == {(world.performance, world.seats["S-A-14"])}
