"""Shifts: float, cash movements, a sale needs a shift, blind count, close, Z and X."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import IntegrityError

from boxoffice import audit
from boxoffice.actor import Actor
from boxoffice.auth import users
from boxoffice.auth.overrides import authorise_override
from boxoffice.auth.permissions import Permission
from boxoffice.errors import Conflict, NeedsOverride, PermissionDenied, ValidationError
from boxoffice.money import Money
from boxoffice.sales import checkout, refunds
from boxoffice.shifts import cards, close, drawer, figures
from boxoffice.store import outbox
from boxoffice.store.models import CashMovement, Order, Shift, ShiftStatus, ZReport
from tests.sales.conftest import FLOAT, World
from tests.sales.helpers import cart, eur, snapshot

FLOAT_TOTAL = 10000  # tests.sales.conftest.FLOAT: 100.00 EUR


def sell_cash(world: World, *guids: str, actor: Actor | None = None) -> Order:
    with world.store.write() as s:
        return checkout.sell(
            s,
            actor or world.clerk,
            cart(world, *guids),
            [checkout.Cash(eur("500"))],
            world.signer,
            now=world.now,
        ).order


def sell_card(world: World, *guids: str) -> Order:
    with world.store.read() as s:
        total = checkout.quote(s, cart(world, *guids), now=world.now).priced.total
    result = world.terminal.authorise(total, "test")
    with world.store.write() as s:
        return checkout.sell(
            s,
            world.clerk,
            cart(world, *guids),
            [checkout.Card(result)],
            world.signer,
            now=world.now,
        ).order


def ann_shift(world: World) -> int:
    return world.shifts[("ann", world.clerk.terminal)]


def expected_cash(world: World, shift_id: int) -> int:
    with world.store.read() as s:
        shift = drawer.get_shift(s, shift_id)
        return figures.compute(s, shift, world.now).expected("cash", "EUR")


def override(world: World, permission: Permission, subject: str, reason: str = "ok") -> object:
    return authorise_override(
        world.store, world.clerk, "sue", "2468", permission, subject, reason, now=world.now
    )


# -- opening -----------------------------------------------------------------------------
def test_a_sale_needs_an_open_shift(world: World) -> None:
    with world.store.write() as s:
        bob = users.create_user(s, Actor(None, "system", "setup"), "bob", "clerk", "5555")
    bob_actor = Actor(bob.id, "bob", world.clerk.terminal)
    before = snapshot(world)
    with pytest.raises(ValidationError, match="bob has no open shift at Window 1"):
        sell_cash(world, "S-A-14", actor=bob_actor)
    assert snapshot(world) == before
    with world.store.write() as s:
        shift = drawer.open_shift(s, bob_actor, {"EUR": {1000: 5}}, now=world.now)
    order = sell_cash(world, "S-A-14", actor=bob_actor)
    assert order.shift_id == shift.id
    with world.store.read() as s:
        moves = s.scalars(select(CashMovement).where(CashMovement.shift_id == shift.id)).all()
        assert sorted(m.amount_minor for m in moves) == [5000, order.total_minor]


def test_one_open_shift_per_clerk_per_terminal_also_in_the_database(world: World) -> None:
    with world.store.write() as s, pytest.raises(Conflict, match="already has an open shift"):
        drawer.open_shift(s, world.clerk, FLOAT, now=world.now)
    with world.store.write() as s, pytest.raises(IntegrityError, match="shifts"):
        s.execute(
            text(
                "INSERT INTO shifts (terminal, username, status, opened_at, closed_by) "
                "VALUES ('Window 1', 'ann', 'open', '2030-06-01 12:00:00', '')"
            )
        )


@pytest.mark.parametrize(
    ("count", "message"),
    [
        ({"EUR": {300: 1}}, "not a EUR note or coin"),
        ({"EUR": {1000: -1}}, "0 or more"),
        ({"EUR": {1000: 1.5}}, "whole number"),
        ({"XXX": {100: 1}}, "no notes and coins"),
    ],
)
def test_a_bad_float_count_is_refused_and_changes_nothing(
    world: World, count: dict, message: str
) -> None:
    with world.store.write() as s:
        bob = users.create_user(s, Actor(None, "system", "setup"), "bob", "clerk", "5555")
    before = snapshot(world)
    with world.store.write() as s, pytest.raises(ValidationError, match=message):
        drawer.open_shift(s, Actor(bob.id, "bob", "Window 1"), count, now=world.now)
    assert snapshot(world) == before


def test_denominations_are_configured_for_the_main_currencies() -> None:
    from boxoffice.shifts.denominations import DENOMINATIONS

    for currency in ("CNY", "EUR", "USD", "GBP"):
        assert DENOMINATIONS[currency] == tuple(sorted(DENOMINATIONS[currency], reverse=True))
    assert 25 in DENOMINATIONS["USD"] and 300 not in DENOMINATIONS["EUR"]


# -- cash movements ----------------------------------------------------------------------
def test_drops_pay_ins_and_pay_outs_move_the_expected_cash(world: World) -> None:
    order = sell_cash(world, "S-A-14")
    with world.store.write() as s:
        drawer.drop(s, world.clerk, eur("50"), now=world.now)
        drawer.pay_in(s, world.clerk, eur("20"), reason="change from the safe", now=world.now)
        drawer.pay_out(s, world.clerk, eur("12.50"), reason="taxi for the artist", now=world.now)
    assert expected_cash(world, ann_shift(world)) == (
        FLOAT_TOTAL + order.total_minor - 5000 + 2000 - 1250
    )


def test_the_server_hears_of_every_opening_and_drawer_movement(world: World) -> None:
    """For the venue's day end: which drawers are open, and what left them and why."""
    shift = ann_shift(world)
    with world.store.write() as s:
        close.count_cash(s, world.supervisor, shift, {"EUR": {5000: 2}}, now=world.now)
        close.close_shift(s, world.supervisor, shift, now=world.now)
        s.execute(text("DELETE FROM outbox"))  # only what follows
        opened = drawer.open_shift(s, world.clerk, {"EUR": {2000: 4, 50: 3}}, now=world.now)
        drawer.drop(s, world.clerk, eur("50"), now=world.now)
        drawer.pay_in(s, world.clerk, eur("20"), reason="change from the safe", now=world.now)
        drawer.pay_out(s, world.clerk, eur("12.50"), reason="taxi for the artist", now=world.now)
    with world.store.read() as s:
        queued = [(e.kind, json.loads(e.body)) for e in outbox.next_batch(s, 10)]
    assert queued == [
        (
            "shift_open",
            {
                "shift": opened.id,
                "user": "ann",
                "opened_at": world.now.isoformat(),
                "float": {"EUR": 8150},
            },
        ),
        (
            "cash_movement",
            {
                "shift": opened.id,
                "kind": "drop",
                "amount": -5000,
                "currency": "EUR",
                "reason": "drop to the safe",
            },
        ),
        (
            "cash_movement",
            {
                "shift": opened.id,
                "kind": "pay_in",
                "amount": 2000,
                "currency": "EUR",
                "reason": "change from the safe",
            },
        ),
        (
            "cash_movement",
            {
                "shift": opened.id,
                "kind": "pay_out",
                "amount": -1250,
                "currency": "EUR",
                "reason": "taxi for the artist",
            },
        ),
    ]


def test_no_more_cash_leaves_the_drawer_than_it_holds(world: World) -> None:
    """A drop or pay-out beyond the drawer is refused without saying what it holds."""
    before = snapshot(world)
    for take in (
        lambda s: drawer.drop(s, world.clerk, eur("100.01"), now=world.now),
        lambda s: drawer.pay_out(s, world.clerk, eur("100.01"), reason="taxi", now=world.now),
    ):
        with world.store.write() as s, pytest.raises(ValidationError) as refused:
            take(s)
        assert "does not hold €100.01" in str(refused.value)
        assert "€100.00" not in str(refused.value)  # the expected cash stays blind
    assert snapshot(world) == before
    with world.store.write() as s:  # exactly what it holds is fine
        drawer.drop(s, world.clerk, eur("60"), now=world.now)
        drawer.pay_out(s, world.clerk, eur("40"), reason="taxi", now=world.now)
    assert expected_cash(world, ann_shift(world)) == 0


def test_an_absurd_count_is_refused(world: World) -> None:
    from boxoffice.shifts.denominations import MAX_QUANTITY

    before = snapshot(world)
    with world.store.write() as s, pytest.raises(ValidationError, match="more than a drawer"):
        close.count_cash(s, world.clerk, ann_shift(world), {"EUR": {5000: 10**12}}, now=world.now)
    assert snapshot(world) == before
    with world.store.write() as s:
        close.count_cash(
            s, world.clerk, ann_shift(world), {"EUR": {1: MAX_QUANTITY}}, now=world.now
        )


def test_a_large_pay_out_needs_a_supervisor(world: World) -> None:
    with world.store.write() as s:  # the drawer holds 200.00
        drawer.pay_in(s, world.clerk, eur("100"), reason="change from the safe", now=world.now)
    before = snapshot(world)
    with world.store.write() as s, pytest.raises(PermissionDenied, match="large amount"):
        drawer.pay_out(s, world.clerk, eur("150"), reason="piano tuner", now=world.now)
    with world.store.write() as s, pytest.raises(ValidationError, match="reason"):
        drawer.pay_out(s, world.clerk, eur("10"), reason=" ", now=world.now)
    assert snapshot(world) == before
    token = override(
        world, Permission.CASH_PAYOUT_LARGE, f"shift:{ann_shift(world)}", "piano tuner invoice"
    )
    with world.store.write() as s:
        drawer.pay_out(
            s, world.clerk, eur("150"), reason="piano tuner", overrides=[token], now=world.now
        )
    assert expected_cash(world, ann_shift(world)) == FLOAT_TOTAL + 10000 - 15000
    with world.store.read() as s:
        assert [e.details for e in audit.entries(s, "override.used")]


def test_the_pay_out_limit_is_a_setting(world: World) -> None:
    from boxoffice import settings

    with world.store.write() as s:
        settings.put(s, "shifts.payout_limit.EUR", "10.00")
    with world.store.write() as s, pytest.raises(PermissionDenied):
        drawer.pay_out(s, world.clerk, eur("10.01"), reason="flowers", now=world.now)


# -- count and close ---------------------------------------------------------------------
def test_the_count_is_blind_and_a_small_variance_closes_without_sign_off(world: World) -> None:
    order = sell_cash(world, "S-A-14")
    shift_id = ann_shift(world)
    expected = FLOAT_TOTAL + order.total_minor
    counted = {"EUR": {1000: expected // 1000, 1: expected % 1000 - 300}}  # 3.00 short
    with world.store.write() as s:
        receipt = close.count_cash(s, world.clerk, shift_id, counted, now=world.now)
    assert receipt.counted == {"EUR": expected - 300}
    assert not hasattr(receipt, "expected")
    with world.store.write() as s:
        z = close.close_shift(s, world.clerk, shift_id, now=world.now)
        content = close.content_of(z)
    (line,) = [r for r in content["reconciliation"] if r["tender"] == "cash"]
    assert (line["expected"], line["counted"], line["variance"]) == (expected, expected - 300, -300)
    assert content["number"] == 1 and content["kind"] == "Z"
    assert content["signoff"] is None


def test_a_large_variance_needs_a_supervisor_and_a_reason(world: World) -> None:
    shift_id = ann_shift(world)
    with world.store.write() as s:
        close.count_cash(s, world.clerk, shift_id, {"EUR": {2000: 4}}, now=world.now)  # 20 short
    before = snapshot(world)
    with world.store.write() as s, pytest.raises(NeedsOverride, match="sign it off") as no_reason:
        close.close_shift(s, world.clerk, shift_id, now=world.now)
    assert no_reason.value.code == "shift_variance_over_limit"
    assert no_reason.value.params["variance"] == Money(-2000, "EUR")
    assert no_reason.value.subject == f"shift:{shift_id}"
    with world.store.write() as s, pytest.raises(NeedsOverride, match="sign off") as no_right:
        close.close_shift(s, world.clerk, shift_id, signoff_reason="miscount", now=world.now)
    assert no_right.value.permission == "variance_signoff"
    assert no_right.value.subject == f"shift:{shift_id}"
    assert snapshot(world) == before
    token = override(world, Permission.VARIANCE_SIGNOFF, f"shift:{shift_id}", "counted twice")
    with world.store.write() as s:
        z = close.close_shift(
            s,
            world.clerk,
            shift_id,
            signoff_reason="a 20 note missing, reported",
            overrides=[token],
            now=world.now,
        )
        signoff = close.content_of(z)["signoff"]
    # The supervisor who typed the PIN signed it off, for ann, with that override.
    assert signoff == {
        "by": "sue",
        "for": "ann",
        "reason": "a 20 note missing, reported",
        "supervisor_override": token.id,
    }


def test_a_recount_needs_a_supervisor(world: World) -> None:
    shift_id = ann_shift(world)
    with world.store.write() as s:
        close.count_cash(s, world.clerk, shift_id, {"EUR": {2000: 4}}, now=world.now)
    with world.store.write() as s, pytest.raises(PermissionDenied, match="variance"):
        close.count_cash(s, world.clerk, shift_id, {"EUR": {2000: 5}}, now=world.now)


def test_no_close_without_a_count(world: World) -> None:
    with world.store.write() as s, pytest.raises(ValidationError, match="count the cash"):
        close.close_shift(s, world.clerk, ann_shift(world), now=world.now)


def test_a_clerk_cannot_close_someone_elses_drawer(world: World) -> None:
    sue_shift = world.shifts[("sue", world.clerk.terminal)]
    with world.store.write() as s, pytest.raises(PermissionDenied, match="Z report"):
        close.count_cash(s, world.clerk, sue_shift, {"EUR": {2000: 5}}, now=world.now)


def closed(world: World) -> tuple[int, ZReport]:
    shift_id = ann_shift(world)
    with world.store.write() as s:
        close.count_cash(s, world.clerk, shift_id, {"EUR": {2000: 5}}, now=world.now)
        z = close.close_shift(s, world.clerk, shift_id, now=world.now)
        s.expunge(z)
    return shift_id, z


def test_a_closed_shift_and_its_z_report_never_change(world: World) -> None:
    shift_id, z = closed(world)
    raw = [
        "UPDATE z_reports SET content = '{}'",
        "DELETE FROM z_reports",
        f"UPDATE shifts SET status = 'open' WHERE id = {shift_id}",
        f"UPDATE shifts SET closed_at = NULL WHERE id = {shift_id}",
        f"UPDATE cash_movements SET amount_minor = 0 WHERE shift_id = {shift_id}",
        f"DELETE FROM shift_counts WHERE shift_id = {shift_id}",
        "INSERT INTO cash_movements (terminal, shift_id, kind, amount_minor, currency, reason, "
        f"created_at) VALUES ('Window 1', {shift_id}, 'pay_in', 100, 'EUR', '', "
        "'2030-06-01 12:00:00')",
    ]
    for statement in raw:
        with world.store.write() as s, pytest.raises(IntegrityError):
            s.execute(text(statement))
    with world.store.read() as s:
        stored = close.z_report(s, shift_id=shift_id)
        assert (stored.content, stored.sha256) == (z.content, z.sha256)
        assert close.verify(s, stored)
        assert audit.verify(s) is None
        (entry,) = audit.entries(s, "shift.close")
        assert json.loads(entry.details)["sha256"] == z.sha256


def test_reopening_is_impossible(world: World) -> None:
    shift_id, _ = closed(world)
    with world.store.write() as s, pytest.raises(ValidationError, match="never reopened"):
        close.close_shift(s, world.clerk, shift_id, now=world.now)
    with world.store.write() as s, pytest.raises(ValidationError, match="closed"):
        close.count_cash(s, world.clerk, shift_id, {"EUR": {2000: 5}}, now=world.now)
    with pytest.raises(ValidationError, match="no open shift"):
        sell_cash(world, "S-A-14")  # ann's drawer is closed
    with world.store.write() as s:  # a new shift is a new drawer, with a new Z number
        new = drawer.open_shift(s, world.clerk, FLOAT, now=world.now + timedelta(hours=1))
        assert new.id != shift_id
    with world.store.read() as s:
        assert s.get(Shift, shift_id).status == ShiftStatus.CLOSED


def test_z_numbers_count_up_per_terminal(world: World) -> None:
    _, first = closed(world)
    with world.store.write() as s:
        sue = world.shifts[("sue", world.clerk.terminal)]
        close.count_cash(s, world.supervisor, sue, {"EUR": {2000: 5}}, now=world.now)
        second = close.close_shift(s, world.supervisor, sue, now=world.now)
    assert (first.number, second.number) == (1, 2)


def test_an_offline_close_carries_the_unsynced_operations(world: World) -> None:
    sell_cash(world, "S-A-14")
    sell_cash(world, "S-A-15")
    with world.store.read() as s:
        waiting = outbox.waiting(s)
    assert waiting >= 2
    with world.store.write() as s:
        close.count_cash(s, world.clerk, ann_shift(world), {"EUR": {2000: 5}}, now=world.now)
        z = close.close_shift(
            s, world.supervisor, ann_shift(world), offline=True, signoff_reason="x", now=world.now
        )
        content = close.content_of(z)
    assert content["offline"] is True
    assert content["unsynced_operations"] == waiting


def test_the_x_report_shows_running_figures_without_closing(world: World) -> None:
    order = sell_cash(world, "S-A-14")
    before_x = snapshot(world)
    with world.store.write() as s:
        x = close.x_report(s, world.supervisor, ann_shift(world), now=world.now)
    (cash,) = x["cash"]
    assert cash["expected"] == FLOAT_TOTAL + order.total_minor
    assert "reconciliation" not in x and x["kind"] == "X"
    after = snapshot(world)
    assert after["audit_log"][:-1] == before_x["audit_log"]  # only "report.x" was added
    with world.store.read() as s:
        assert s.get(Shift, ann_shift(world)).status == ShiftStatus.OPEN


# -- card reconciliation -----------------------------------------------------------------
def test_card_batch_totals_are_reconciled_per_scheme(world: World) -> None:
    order = sell_card(world, "S-A-14")
    shift_id = ann_shift(world)
    with world.store.write() as s:
        cards.enter_batch(
            s,
            world.clerk,
            shift_id,
            [cards.BatchLine("VISA", Money(order.total_minor, "EUR"), 1)],
            now=world.now,
        )
        shift = drawer.get_shift(s, shift_id)
        (visa,) = cards.reconcile(s, figures.compute(s, shift, world.now))
    assert (visa.scheme, visa.shift_net, visa.batch, visa.mismatch) == (
        "VISA",
        order.total_minor,
        order.total_minor,
        False,
    )
    result = {
        "currency": "EUR",
        "schemes": {
            "visa": {"count": 1, "amount_minor": order.total_minor - 100},
            "MASTERCARD": {"count": 1, "amount_minor": 2500},
        },
    }
    with world.store.write() as s:
        lines = cards.parse_terminal_result(result)
        cards.enter_batch(s, world.clerk, shift_id, lines, source="terminal", now=world.now)
        close.count_cash(s, world.clerk, shift_id, {"EUR": {2000: 5}}, now=world.now)
        z = close.close_shift(
            s, world.supervisor, shift_id, signoff_reason="batch short", now=world.now
        )
        content = close.content_of(z)
    by_scheme = {r["scheme"]: r for r in content["card_reconciliation"]}
    assert by_scheme["VISA"]["difference"] == -100 and by_scheme["VISA"]["mismatch"]
    assert by_scheme["MASTERCARD"]["shift"] == 0 and by_scheme["MASTERCARD"]["mismatch"]
    assert content["card_mismatch"] is True


@pytest.mark.parametrize(
    ("result", "message"),
    [
        ([], "not a mapping"),
        ({"schemes": {"VISA": {"count": 1, "amount_minor": 1}}}, "no currency"),
        ({"currency": "EUR", "schemes": {}}, "no schemes"),
        ({"currency": "EUR", "schemes": {"VISA": {"count": 1, "amount_minor": 1.5}}}, "whole"),
        ({"currency": "EUR", "schemes": {"VISA": {"count": -1, "amount_minor": 1}}}, "count"),
        ({"currency": "ZZZ", "schemes": {"VISA": {"count": 1, "amount_minor": 1}}}, "currency"),
    ],
)
def test_a_garbled_terminal_result_is_refused(result: object, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        cards.parse_terminal_result(result)  # type: ignore[arg-type]


# -- refunds and voids book onto the drawer ----------------------------------------------
def test_a_cash_refund_comes_out_of_the_refunding_clerks_drawer(world: World) -> None:
    order = sell_cash(world, "S-A-14")
    with world.store.write() as s:
        refunds.refund(s, world.supervisor, s.get(Order, order.id), reason="ill", now=world.now)
    sue = world.shifts[("sue", world.clerk.terminal)]
    with world.store.read() as s:
        fig = figures.compute(s, drawer.get_shift(s, sue), world.now)
    assert fig.cash["EUR"].refunds < 0
    assert fig.expected("cash", "EUR") == FLOAT_TOTAL + fig.cash["EUR"].refunds


def test_cash_moves_need_the_clerks_own_open_shift_and_a_reason(world: World) -> None:
    with world.store.write() as s:
        bob = users.create_user(s, Actor(None, "system", "setup"), "bob", "clerk", "5555")
    bob_actor = Actor(bob.id, "bob", "Window 1")
    before = snapshot(world)
    with world.store.write() as s, pytest.raises(ValidationError, match="no open shift"):
        drawer.drop(s, bob_actor, eur("10"), now=world.now)
    with world.store.write() as s, pytest.raises(ValidationError, match="reason"):
        drawer.pay_in(s, world.clerk, eur("10"), reason="", now=world.now)
    with world.store.write() as s, pytest.raises(ValidationError, match="more than zero"):
        drawer.drop(s, world.clerk, eur("0"), now=world.now)
    assert snapshot(world) == before


def test_door_staff_may_not_see_an_x_report(world: World) -> None:
    with world.store.write() as s:
        dora = users.create_user(s, Actor(None, "system", "setup"), "dora", "door", "3333")
    with world.store.write() as s, pytest.raises(PermissionDenied, match="X report"):
        close.x_report(s, Actor(dora.id, "dora", "Window 1"), ann_shift(world), now=world.now)


def test_the_clerk_cannot_read_the_expected_cash_before_a_blind_count(world: World) -> None:
    with world.store.write() as s, pytest.raises(PermissionDenied, match="X report"):
        close.x_report(s, world.clerk, ann_shift(world), now=world.now)


@pytest.mark.parametrize(
    ("currency", "count", "total"),
    [
        ("CNY", {10000: 2, 50: 3, 10: 4}, 20190),
        ("USD", {2000: 1, 25: 4}, 2100),
        ("GBP", {5000: 1, 2: 3}, 5006),
        ("EUR", {50000: 1, 1: 1}, 50001),
    ],
)
def test_floats_in_other_currencies_are_counted_by_their_own_notes_and_coins(
    world: World, currency: str, count: dict[int, int], total: int
) -> None:
    with world.store.write() as s:
        bob = users.create_user(s, Actor(None, "system", "setup"), "bob", "clerk", "5555")
        shift = drawer.open_shift(s, Actor(bob.id, "bob", "Window 1"), {currency: count})
        fig = figures.compute(s, shift, world.now)
    assert fig.cash[currency].float == total == fig.expected("cash", currency)
