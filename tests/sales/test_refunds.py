"""Refunds: permission, fee rules by time before the start, tenders, revocation, audit."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime, timedelta

import pytest
from sqlalchemy import func, select

from boxoffice import audit, settings
from boxoffice.actor import Actor, system_actor
from boxoffice.auth import grants
from boxoffice.auth.overrides import authorise_override
from boxoffice.auth.permissions import Permission
from boxoffice.catalogue import discounts
from boxoffice.errors import BoxOfficeError, PermissionDenied, ValidationError
from boxoffice.money import Money
from boxoffice.ops import aftersale
from boxoffice.sales import checkout, refunds
from boxoffice.sales.cart import Cart, CartItem
from boxoffice.sales.quote import quote
from boxoffice.store.models import (
    BarcodeRevocation,
    CashKind,
    CashMovement,
    GiftCard,
    OrderStatus,
    OutboxEntry,
    Payment,
    Performance,
    TenderKind,
    TicketStatus,
)
from tests.sales.aftersale_helpers import ctx_of
from tests.sales.conftest import World
from tests.sales.helpers import cart, eur, snapshot


def sell(
    world: World,
    guids: Sequence[str],
    tenders: Sequence[checkout.Tender] | None = None,
    *,
    actor: Actor | None = None,
    price_type: str = "adult",
) -> str:
    """Sell seats of the first performance (exact cash by default); the order number."""
    c = cart(world, *guids, price_type=price_type)
    with world.store.write() as s:
        if tenders is None:
            tenders = [checkout.Cash(quote(s, c, now=world.now).priced.total)]
        sale = checkout.sell(s, actor or world.clerk, c, tenders, world.signer, now=world.now)
        assert sale.order.status == OrderStatus.PAID
        return sale.order.number


def refund_on_terminal(
    world: World,
    actor: Actor,
    number: str,
    ids: Sequence[int] | None,
    terminal: object,
    **kwargs: object,
) -> aftersale.RefundDone:
    """The refund op, card shares through ``terminal``."""
    return aftersale.refund(
        ctx_of(world), actor, number, ids, card_terminal=terminal, **kwargs
    ).value


def ticket_ids(world: World, number: str) -> list[int]:
    with world.store.read() as s:
        return [t.id for t in checkout.get_order(s, number).tickets]


def do_refund(
    world: World,
    actor: Actor,
    number: str,
    ids: Sequence[int] | None = None,
    *,
    now: datetime | None = None,
    **kwargs: object,
) -> refunds.RefundPlan:
    with world.store.write() as s:
        order = checkout.get_order(s, number)
        plan, _ = refunds.refund(
            s, actor, order, ids, reason="customer cannot come", now=now or world.now, **kwargs
        )
        return plan


def start_of(world: World, performance: int) -> datetime:
    with world.store.read() as s:
        p = s.get(Performance, performance)
        assert p is not None
        return p.starts_at


def add_rule(
    world: World,
    hours: int,
    percent: str = "0",
    fee: str | None = None,
    performance: int | None = None,
) -> None:
    with world.store.write() as s:
        discounts.add_refund_rule(
            s,
            system_actor(),
            hours,
            fee_percent=percent,
            fee=eur(fee) if fee else None,
            performance_id=performance,
        )


def cash_total(world: World, number: str) -> int:
    with world.store.read() as s:
        order = checkout.get_order(s, number)
        return int(
            s.scalar(
                select(func.coalesce(func.sum(CashMovement.amount_minor), 0)).where(
                    CashMovement.order_id == order.id
                )
            )
            or 0
        )


# -- permission -------------------------------------------------------------------
def test_a_clerk_may_not_refund_and_nothing_changes(world: World) -> None:
    number = sell(world, ["S-A-14"])
    before = snapshot(world)
    with pytest.raises(PermissionDenied):
        do_refund(world, world.clerk, number)
    assert snapshot(world) == before


def test_a_clerk_with_a_grant_refunds(world: World) -> None:
    number = sell(world, ["S-A-14"])
    with world.store.write() as s:
        grants.grant(
            s,
            world.supervisor,
            "ann",
            Permission.REFUND,
            world.now + timedelta(hours=8),
            "rush hour",
            now=world.now,
        )
    plan = do_refund(world, world.clerk, number)
    assert plan.net == eur("89.00")
    assert cash_total(world, number) == 0


def test_a_grant_that_has_expired_no_longer_allows_a_refund(world: World) -> None:
    number = sell(world, ["S-A-14"])
    with world.store.write() as s:
        grants.grant(
            s,
            world.supervisor,
            "ann",
            Permission.REFUND,
            world.now + timedelta(hours=1),
            "rush hour",
            now=world.now,
        )
    with pytest.raises(PermissionDenied):
        do_refund(world, world.clerk, number, now=world.now + timedelta(hours=2))


def test_a_supervisor_override_allows_one_refund(world: World) -> None:
    number = sell(world, ["S-A-14", "S-A-15"])
    first, second = ticket_ids(world, number)
    override = authorise_override(
        world.store,
        world.clerk,
        "sue",
        "2468",
        Permission.REFUND,
        subject=f"order:{number}",
        reason="customer ill",
        now=world.now,
    )
    do_refund(world, world.clerk, number, [first], overrides=[override])
    before = snapshot(world)
    with pytest.raises(PermissionDenied, match="already been used"):
        do_refund(world, world.clerk, number, [second], overrides=[override])
    assert snapshot(world) == before


def test_an_override_for_another_order_does_not_count(world: World) -> None:
    number = sell(world, ["S-A-14"])
    other = sell(world, ["S-A-15"])
    override = authorise_override(
        world.store,
        world.clerk,
        "sue",
        "2468",
        Permission.REFUND,
        subject=f"order:{other}",
        reason="customer ill",
        now=world.now,
    )
    with pytest.raises(PermissionDenied):
        do_refund(world, world.clerk, number, overrides=[override])


def test_a_refund_needs_a_reason(world: World) -> None:
    number = sell(world, ["S-A-14"])
    with world.store.write() as s, pytest.raises(ValidationError, match="reason"):
        refunds.refund(
            s, world.supervisor, checkout.get_order(s, number), reason="  ", now=world.now
        )


# -- whole order and some tickets -----------------------------------------------
def test_refunding_the_whole_order(world: World) -> None:
    number = sell(world, ["S-A-14", "S-A-15"])
    plan = do_refund(world, world.supervisor, number)
    assert plan.gross == eur("178.00") and plan.fee == eur("0") and plan.net == eur("178.00")
    with world.store.read() as s:
        order = checkout.get_order(s, number)
        assert {t.status for t in order.tickets} == {TicketStatus.REFUNDED}
        assert [p.amount_minor for p in order.payments] == [17800, -17800]
        assert order.payments[1].refund_of_id == order.payments[0].id
        assert order.payments[1].kind == TenderKind.CASH
        refund_moves = s.scalars(
            select(CashMovement).where(
                CashMovement.order_id == order.id, CashMovement.kind == CashKind.REFUND
            )
        ).all()
        assert [m.amount_minor for m in refund_moves] == [-17800]
    assert cash_total(world, number) == 0


def test_refunding_some_tickets_leaves_the_rest_valid(world: World) -> None:
    number = sell(world, ["S-A-14", "S-A-15", "S-A-1"])  # 89 + 89 + 59 (Standard)
    ids = ticket_ids(world, number)
    plan = do_refund(world, world.supervisor, number, [ids[2]])
    assert plan.net == eur("59.00")
    with world.store.read() as s:
        order = checkout.get_order(s, number)
        assert order.status == OrderStatus.PAID
        assert [t.status for t in order.tickets] == [
            TicketStatus.VALID,
            TicketStatus.VALID,
            TicketStatus.REFUNDED,
        ]
    assert cash_total(world, number) == 17800
    # The rest can be refunded later, and then nothing is left.
    plan = do_refund(world, world.supervisor, number)
    assert plan.net == eur("178.00")
    assert cash_total(world, number) == 0
    with pytest.raises(ValidationError, match="no valid tickets"):
        do_refund(world, world.supervisor, number)


def test_refunding_the_same_ticket_twice_is_refused(world: World) -> None:
    number = sell(world, ["S-A-14", "S-A-15"])
    first, _ = ticket_ids(world, number)
    do_refund(world, world.supervisor, number, [first])
    before = snapshot(world)
    with pytest.raises(ValidationError, match="not refundable"):
        do_refund(world, world.supervisor, number, [first])
    assert snapshot(world) == before


def test_a_ticket_of_another_order_cannot_be_refunded_through_this_one(world: World) -> None:
    number = sell(world, ["S-A-14"])
    other = sell(world, ["S-A-15"])
    before = snapshot(world)
    with pytest.raises(ValidationError):
        do_refund(world, world.supervisor, number, ticket_ids(world, other))
    assert snapshot(world) == before


def test_an_unpaid_order_cannot_be_refunded(world: World) -> None:
    with world.store.write() as s:
        order = checkout.place_order(s, world.clerk, cart(world, "S-A-14"), now=world.now)
        number = order.number
    with pytest.raises(ValidationError, match="pending"):
        do_refund(world, world.supervisor, number)


# -- fee rules --------------------------------------------------------------------
@pytest.mark.parametrize(
    ("rules", "hours_left", "fee"),
    [
        ([], 1, "0"),  # no rule: free, even an hour before
        ([(48, "10", None)], 24, "8.90"),
        ([(48, "10", None)], 48, "8.90"),  # from 48 h before the start on
        ([(48, "10", None)], 49, "0"),
        ([(48, "10", None)], 72, "0"),
        ([(48, "10", None), (2, "100", None)], 24, "8.90"),
        ([(48, "10", None), (2, "100", None)], 3, "8.90"),
        ([(48, "10", None), (2, "100", None)], 2, "89.00"),
        ([(48, "10", None), (2, "100", None)], 1, "89.00"),
        ([(2, "100", None), (48, "10", None)], 1, "89.00"),  # order of rules is irrelevant
        ([(48, "0", "2.50")], 24, "2.50"),  # a fixed fee
        ([(48, "10", "2.50")], 24, "11.40"),  # both
        ([(48, "100", "5.00")], 24, "89.00"),  # never more than the price
        ([(0, "50", None)], 1, "0"),  # a rule "from the start on" never applies before it
    ],
)
def test_fee_by_time_before_the_performance(
    world: World,
    rules: list[tuple[int, str, str | None]],
    hours_left: int,
    fee: str,
) -> None:
    for hours, percent, fixed in rules:
        add_rule(world, hours, percent, fixed)
    number = sell(world, ["S-A-14"])  # 89.00
    now = start_of(world, world.performance) - timedelta(hours=hours_left)
    plan = do_refund(world, world.supervisor, number, now=now)
    assert plan.fee == eur(fee)
    assert plan.net == eur("89.00") - eur(fee)
    with world.store.read() as s:
        order = checkout.get_order(s, number)
        assert order.tickets[0].refund_fee_minor == eur(fee).minor
        assert sum(p.amount_minor for p in order.payments) == eur(fee).minor
    # What goes back in cash is what was refunded, the fee stays in the drawer.
    assert cash_total(world, number) == eur(fee).minor


def test_the_fee_is_per_ticket(world: World) -> None:
    add_rule(world, 48, "10")
    number = sell(world, ["S-A-14", "S-A-1"])  # 89 + 59
    now = start_of(world, world.performance) - timedelta(hours=5)
    plan = do_refund(world, world.supervisor, number, now=now)
    assert [line.fee for line in plan.lines] == [eur("8.90"), eur("5.90")]
    assert plan.net == eur("133.20")


def test_performance_rules_replace_the_house_defaults(world: World) -> None:
    add_rule(world, 48, "10")  # house default
    add_rule(world, 24, "50", performance=world.performance)
    start = start_of(world, world.performance)
    number = sell(world, ["S-A-14", "S-A-15"])
    first, second = ticket_ids(world, number)
    # 36 h before: only the performance's own 24 h rule counts, so no fee.
    plan = do_refund(world, world.supervisor, number, [first], now=start - timedelta(hours=36))
    assert plan.fee == eur("0")
    plan = do_refund(world, world.supervisor, number, [second], now=start - timedelta(hours=12))
    assert plan.fee == eur("44.50")
    # The other performance still follows the house rule.
    c = cart(world, "S-A-14", performance=world.other_performance)
    with world.store.write() as s:
        other = checkout.sell(
            s, world.clerk, c, [checkout.Cash(eur("89"))], world.signer, now=world.now
        ).order.number
    other_start = start_of(world, world.other_performance)
    plan = do_refund(world, world.supervisor, other, now=other_start - timedelta(hours=36))
    assert plan.fee == eur("8.90")


@pytest.mark.parametrize("after", [timedelta(0), timedelta(minutes=1), timedelta(days=1)])
def test_no_refund_once_the_performance_has_started(world: World, after: timedelta) -> None:
    number = sell(world, ["S-A-14"])
    before = snapshot(world)
    with pytest.raises(ValidationError, match="started"):
        do_refund(world, world.supervisor, number, now=start_of(world, world.performance) + after)
    assert snapshot(world) == before


def test_waiving_the_fee_needs_price_override(world: World) -> None:
    add_rule(world, 48, "10")
    number = sell(world, ["S-A-14"])
    now = start_of(world, world.performance) - timedelta(hours=5)
    with world.store.write() as s:
        grants.grant(
            s, world.supervisor, "ann", Permission.REFUND, now + timedelta(hours=1), "rush", now=now
        )
    before = snapshot(world)
    with pytest.raises(PermissionDenied, match="override a price"):
        do_refund(world, world.clerk, number, now=now, waive_fee=True)
    assert snapshot(world) == before
    override = authorise_override(
        world.store,
        world.clerk,
        "sue",
        "2468",
        Permission.PRICE_OVERRIDE,
        subject=f"order:{number}",
        reason="show was rescheduled",
        now=now,
    )
    plan = do_refund(world, world.clerk, number, now=now, waive_fee=True, overrides=[override])
    assert plan.fee == eur("0") and plan.net == eur("89.00")
    assert cash_total(world, number) == 0


def test_a_supervisor_may_waive_the_fee(world: World) -> None:
    add_rule(world, 48, "10")
    number = sell(world, ["S-A-14"])
    now = start_of(world, world.performance) - timedelta(hours=5)
    plan = do_refund(world, world.supervisor, number, now=now, waive_fee=True)
    assert plan.fee == eur("0")
    assert plan.lines[0].rule == "fee waived"


# -- back to the original tenders ----------------------------------------------------
def sell_split(world: World, guids: Sequence[str], card: str) -> str:
    """Card for ``card`` (authorised on the simulated terminal), cash for the rest."""
    c = cart(world, *guids)
    result = world.terminal.authorise(eur(card), "sale")
    assert result.approved
    with world.store.write() as s:
        order = checkout.place_order(s, world.clerk, c, now=world.now)
        checkout.pay(s, world.clerk, order, checkout.Card(result), world.signer, now=world.now)
        due = checkout.remaining(s, order)
        outcome = checkout.pay(
            s, world.clerk, order, checkout.Cash(due), world.signer, now=world.now
        )
        assert outcome.completed
        return order.number


def test_a_split_order_is_refunded_to_card_and_cash_in_proportion(world: World) -> None:
    number = sell_split(world, ["S-A-14", "S-A-15"], "100.00")  # 178 = 100 card + 78 cash
    first, second = ticket_ids(world, number)
    world.terminal.journal.clear()
    done = refund_on_terminal(
        world, world.supervisor, number, [first], world.terminal, reason="ill"
    )
    # 89 over 100 : 78 → 50 card, 39 cash.
    assert [(t.kind, t.amount) for t in done.tenders] == [
        (TenderKind.CARD, -eur("50.00")),
        (TenderKind.CASH, -eur("39.00")),
    ]
    assert [(kind, amount) for kind, amount, _ in world.terminal.journal] == [
        ("refund", eur("50.00"))
    ]
    assert done.tenders[0].terminal_ref and done.tenders[0].card_last4 == "4242"
    assert cash_total(world, number) == 7800 - 3900
    with world.store.read() as s:
        moves = s.scalars(select(CashMovement).where(CashMovement.kind == CashKind.REFUND)).all()
        assert [(m.amount_minor, m.payment_id) for m in moves] == [(-3900, done.tenders[1].payment)]
    # The second ticket takes what is left on each tender.
    done = refund_on_terminal(
        world, world.supervisor, number, [second], world.terminal, reason="ill"
    )
    assert [t.amount for t in done.tenders] == [-eur("50.00"), -eur("39.00")]
    assert cash_total(world, number) == 0
    assert [amount for kind, amount, _ in world.terminal.journal if kind == "refund"] == [
        eur("50.00"),
        eur("50.00"),
    ]


def test_a_card_refund_needs_the_terminal(world: World) -> None:
    number = sell_split(world, ["S-A-14"], "50.00")
    before = snapshot(world)
    with pytest.raises(ValidationError, match="terminal"):
        do_refund(world, world.supervisor, number)
    assert snapshot(world) == before


def test_a_declined_card_refund_changes_nothing(world: World) -> None:
    number = sell_split(world, ["S-A-14"], "50.00")
    before = snapshot(world)
    world.terminal.decline_next = True
    with pytest.raises(ValidationError, match="refused"):
        refund_on_terminal(world, world.supervisor, number, None, world.terminal, reason="x")
    assert snapshot(world) == before


def test_the_terminal_is_not_touched_without_refund_permission(world: World) -> None:
    """A refused refund must not give money back on the card and then fail to book it."""
    number = sell_split(world, ["S-A-14"], "50.00")
    world.terminal.journal.clear()
    before = snapshot(world)
    with pytest.raises(PermissionDenied):
        refund_on_terminal(world, world.clerk, number, None, world.terminal, reason="x")
    assert world.terminal.journal == []
    assert snapshot(world) == before


def test_the_terminal_is_not_touched_without_a_reason(world: World) -> None:
    number = sell_split(world, ["S-A-14"], "50.00")
    world.terminal.journal.clear()
    with pytest.raises(ValidationError, match="reason"):
        refund_on_terminal(world, world.supervisor, number, None, world.terminal, reason=" ")
    assert world.terminal.journal == []


def test_refund_with_terminal_and_an_override(world: World) -> None:
    number = sell_split(world, ["S-A-14"], "50.00")
    override = authorise_override(
        world.store,
        world.clerk,
        "sue",
        "2468",
        Permission.REFUND,
        subject=f"order:{number}",
        reason="customer ill",
        now=world.now,
    )
    world.terminal.journal.clear()
    done = refund_on_terminal(
        world, world.clerk, number, None, world.terminal, reason="ill", overrides=[override]
    )
    assert done.net == eur("89.00")
    assert [(k, a) for k, a, _ in world.terminal.journal] == [("refund", eur("50.00"))]


def test_a_used_override_does_not_reach_the_terminal(world: World) -> None:
    number = sell_split(world, ["S-A-14", "S-A-15"], "50.00")
    first, second = ticket_ids(world, number)
    override = authorise_override(
        world.store,
        world.clerk,
        "sue",
        "2468",
        Permission.REFUND,
        subject=f"order:{number}",
        reason="customer ill",
        now=world.now,
    )
    args = (world, world.clerk, number)
    refund_on_terminal(*args, [first], world.terminal, reason="x", overrides=[override])
    world.terminal.journal.clear()
    with pytest.raises(PermissionDenied, match="already been used"):
        refund_on_terminal(*args, [second], world.terminal, reason="x", overrides=[override])
    assert world.terminal.journal == []


def test_to_cash_gives_everything_back_in_cash(world: World) -> None:
    number = sell_split(world, ["S-A-14", "S-A-15"], "100.00")
    world.terminal.journal.clear()
    plan = do_refund(world, world.supervisor, number, to_cash=True)
    assert {a.kind for a in plan.allocations} == {TenderKind.CASH}
    assert sum(a.amount.minor for a in plan.allocations) == 17800
    assert world.terminal.journal == []
    assert cash_total(world, number) == 7800 - 17800
    with world.store.read() as s:
        order = checkout.get_order(s, number)
        assert sum(p.amount_minor for p in order.payments) == 0


def test_a_half_comped_order_refunds_only_the_paid_half(world: World) -> None:
    c = cart(world, "S-A-14")  # 89.00
    with world.store.write() as s:
        order = checkout.place_order(s, world.supervisor, c, now=world.now)
        checkout.pay(
            s, world.supervisor, order, checkout.Cash(eur("44.50")), world.signer, now=world.now
        )
        out = checkout.pay(
            s, world.supervisor, order, checkout.Comp("house guest"), world.signer, now=world.now
        )
        assert out.completed
        number = order.number
    plan = do_refund(world, world.supervisor, number)
    assert sorted((a.kind, a.amount.minor) for a in plan.allocations) == [
        (TenderKind.CASH, 4450),
        (TenderKind.COMP, 4450),
    ]
    assert cash_total(world, number) == 0  # 44.50 in, 44.50 out, not a cent more


# -- revocation, resale, audit, outbox ---------------------------------------------
def test_refunded_tickets_are_revoked_and_their_seats_sell_again(world: World) -> None:
    number = sell(world, ["S-A-14", "S-A-15"])
    first, _ = ticket_ids(world, number)
    do_refund(world, world.supervisor, number, [first])
    with world.store.read() as s:
        rows = s.scalars(select(BarcodeRevocation)).all()
        assert [(r.ticket_id, r.up_to_reissue, r.reason) for r in rows] == [(first, 0, "refunded")]
        assert rows[0].serial.startswith("W")
    again = sell(world, ["S-A-14"])
    assert again != number
    with pytest.raises(BoxOfficeError):  # the other seat is still sold
        sell(world, ["S-A-15"])


def test_a_refund_is_audited_and_queued_for_the_server(world: World) -> None:
    add_rule(world, 48, "10")
    number = sell(world, ["S-A-14", "S-A-15"])
    first, _ = ticket_ids(world, number)
    now = start_of(world, world.performance) - timedelta(hours=10)
    do_refund(world, world.supervisor, number, [first], now=now)
    with world.store.read() as s:
        entries = audit.entries(s, "refund")
        assert len(entries) == 1
        assert entries[0].subject == f"order:{number}"
        assert entries[0].username == "sue"
        details = json.loads(entries[0].details)
        assert details["gross"] == 8900 and details["fee"] == 890 and details["net"] == 8010
        assert details["reason"] == "customer cannot come"
        outbox = s.scalars(select(OutboxEntry).where(OutboxEntry.kind == "refund")).all()
        assert len(outbox) == 1
        body = json.loads(outbox[0].body)
        assert body["ticket_ids"] == [first] and body["net"] == 8010
        assert audit.verify(s) is None


def test_the_plan_matches_the_refund(world: World) -> None:
    number = sell_split(world, ["S-A-14", "S-A-1"], "70.00")
    with world.store.read() as s:
        order = checkout.get_order(s, number)
        planned = refunds.plan_refund(s, order, now=world.now)
        assert s.scalar(select(func.count()).select_from(Payment)) == 2  # planning books nothing
    done = refund_on_terminal(world, world.supervisor, number, None, world.terminal, reason="x")
    assert [(t.kind, -t.amount) for t in done.tenders] == [
        (a.kind, a.amount) for a in planned.allocations
    ]


def test_a_gift_card_share_goes_back_onto_the_card(world: World) -> None:
    with world.store.write() as s:
        discounts.issue_gift_card(s, system_actor(), "GIFT-0001", eur("50.00"))
    number = sell(
        world, ["S-A-14"], [checkout.GiftCardTender("gift-0001"), checkout.Cash(eur("39"))]
    )
    plan = do_refund(world, world.supervisor, number)
    assert sorted((a.kind, a.amount.minor) for a in plan.allocations) == [
        (TenderKind.CASH, 3900),
        (TenderKind.GIFT_CARD, 5000),
    ]
    with world.store.read() as s:
        card = s.scalar(select(GiftCard).where(GiftCard.code == "GIFT-0001"))
        assert card is not None and card.balance_minor == 5000
    assert cash_total(world, number) == 0


def test_to_cash_takes_a_gift_card_share_in_cash(world: World) -> None:
    with world.store.write() as s:
        discounts.issue_gift_card(s, system_actor(), "GIFT-0002", eur("89.00"))
    number = sell(world, ["S-A-14"], [checkout.GiftCardTender("GIFT-0002")])
    do_refund(world, world.supervisor, number, to_cash=True)
    with world.store.read() as s:
        card = s.scalar(select(GiftCard).where(GiftCard.code == "GIFT-0002"))
        assert card is not None and card.balance_minor == 0
    assert cash_total(world, number) == -8900


# -- cash rounding ------------------------------------------------------------------
def rounded_cash_sale(world: World, guids: Sequence[str], price_type: str) -> str:
    """Cash rounded to 5.00 (as if the venue had configured it): 72.00 is paid as 70.00."""
    with world.store.write() as s:
        settings.put(s, "cash_rounding.EUR", "500")
    c = cart(world, *guids, price_type=price_type)
    with world.store.write() as s:
        total = quote(s, c, now=world.now).priced.total
        order = checkout.place_order(s, world.clerk, c, now=world.now)
        out = checkout.pay(
            s, world.clerk, order, checkout.Cash(total + eur("10")), world.signer, now=world.now
        )
        assert out.completed
        return order.number


@pytest.mark.parametrize(
    ("price_type", "paid", "back"),
    [
        ("senior", 7000, 7000),  # 72.00 paid as 70.00 (rounded down)
        ("student", 4000, 4000),  # 39.00 paid as 40.00 (rounded up)
    ],
)
def test_a_rounded_cash_sale_is_refunded_in_full(
    world: World, price_type: str, paid: int, back: int
) -> None:
    number = rounded_cash_sale(world, ["S-A-14"], price_type)
    assert cash_total(world, number) == paid
    do_refund(world, world.supervisor, number)
    assert cash_total(world, number) == paid - back
    with world.store.read() as s:
        order = checkout.get_order(s, number)
        assert sum(p.amount_minor + p.rounding_minor for p in order.payments) == 0


def test_a_rounded_cash_refund_of_some_tickets_is_rounded_too(world: World) -> None:
    number = rounded_cash_sale(world, ["S-A-14", "S-A-15"], "senior")  # 144.00 paid 145.00
    first, second = ticket_ids(world, number)
    assert cash_total(world, number) == 14500
    do_refund(world, world.supervisor, number, [first])  # 72.00 back as 70.00
    assert cash_total(world, number) == 14500 - 7000
    with world.store.read() as s:
        order = checkout.get_order(s, number)
        assert sum(p.amount_minor + p.rounding_minor for p in order.payments) == 7200
    do_refund(world, world.supervisor, number, [second])  # 72.00 back as 75.00: all of it
    assert cash_total(world, number) == 0


def test_a_refund_half_done_on_two_cards_is_recorded_and_blocks_a_second_try(
    world: World,
) -> None:
    """Card 1 refunded, card 2 declined: not silent, and a retry cannot refund card 1 again."""
    from boxoffice.sales.payment_terminal import CardResult, SimulatedTerminal

    cart = Cart(
        [CartItem(world.performance, "adult", seat_id=world.seats[g]) for g in ("S-A-14", "S-A-15")]
    )
    with world.store.write() as s:
        c1 = world.terminal.authorise(Money.of("100.00", "EUR"), "x")
        c2 = world.terminal.authorise(Money.of("78.00", "EUR"), "x")
        number = checkout.sell(
            s,
            world.clerk,
            cart,
            [checkout.Card(c1), checkout.Card(c2)],
            world.signer,
            now=world.now,
        ).order.number

    class SecondRefundDeclined(SimulatedTerminal):
        def refund(self, amount: Money, reference: str, original: CardResult) -> CardResult:
            self.decline_next = len(self.journal) == 1
            return super().refund(amount, reference, original)

    terminal = SecondRefundDeclined()
    for _ in range(2):
        with pytest.raises(ValidationError, match="supervisor must settle"):
            refund_on_terminal(
                world, world.supervisor, number, None, terminal, reason="customer ill"
            )
    assert [k for k, _, _ in terminal.journal] == ["refund", "refund-declined"]
    with world.store.read() as s:
        (entry,) = audit.entries(s, "refund.card_incomplete")
        assert entry.subject == f"order:{number}"
        assert all(t.status == TicketStatus.VALID for t in checkout.get_order(s, number).tickets)
