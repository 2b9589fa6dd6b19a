"""What the Cash screen reads: drawers without their expected cash, and when to ask a supervisor."""

from __future__ import annotations

import dataclasses

import pytest

from boxoffice import settings
from boxoffice.actor import Actor, system_actor
from boxoffice.auth import users
from boxoffice.context import TerminalContext
from boxoffice.errors import BoxOfficeError, NeedsOverride, ValidationError
from boxoffice.money import Money
from boxoffice.ops import cash
from boxoffice.shifts import approvals, close, drawer, drawer_state
from tests.sales.conftest import FLOAT, World
from tests.shifts.test_shifts import ann_shift, expected_cash, sell_cash

__all__ = ["World"]


def _all_values(obj: object) -> list[object]:
    """Every value inside a (nested) dataclass, tuple, list or dict."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return [v for f in dataclasses.fields(obj) for v in _all_values(getattr(obj, f.name))]
    if isinstance(obj, list | tuple):
        return [v for item in obj for v in _all_values(item)]
    if isinstance(obj, dict):
        return [v for pair in obj.items() for item in pair for v in _all_values(item)]
    return [obj]


def test_the_desk_shows_drawers_without_what_they_should_hold(world: World) -> None:
    sell_cash(world, "S-A-14")
    shift_id = ann_shift(world)
    with world.store.write() as s:
        drawer.drop(s, world.clerk, Money(2000, "EUR"), now=world.now)
        drawer.pay_in(s, world.clerk, Money(500, "EUR"), reason="change", now=world.now)
    expected = expected_cash(world, shift_id)
    with world.store.read() as s:
        desk = drawer_state.load(s, world.clerk, now=world.now)
    assert desk.mine is not None and desk.mine.shift_id == shift_id
    assert [s.username for s in desk.shifts] == ["ann"]  # a clerk sees only their drawer
    assert desk.mine.currencies == ("EUR",) and desk.float_currencies == ("EUR",)
    assert [(m.kind, m.amount.minor, m.by) for m in desk.mine.movements] == [
        ("drop", -2000, "ann"),
        ("pay_in", 500, "ann"),
    ]
    assert desk.mine.counted_at is None and desk.mine.counted == {}
    numbers = [v for v in _all_values(desk) if isinstance(v, int) and not isinstance(v, bool)]
    minors = [v.minor for v in _all_values(desk) if isinstance(v, Money)]
    for hidden in (expected, sum(q * d for d, q in FLOAT["EUR"].items())):
        assert hidden not in numbers + minors
    assert not desk.rights.report_x and desk.rights.cash_drop and not desk.rights.payout_large

    with world.store.read() as s:
        sup = drawer_state.load(s, world.supervisor, now=world.now)
    assert sorted(s.username for s in sup.shifts) == ["ann", "sue"]  # a supervisor sees all
    assert sup.rights.report_x and sup.rights.signoff and sup.rights.report_z

    with world.store.write() as s:
        close.count_cash(s, world.clerk, shift_id, {"EUR": {2000: 4, 10: 3}}, now=world.now)
    with world.store.read() as s:
        counted = drawer_state.load(s, world.clerk, now=world.now).mine
    assert counted is not None and counted.counted == {"EUR": 8030}


def test_float_currencies_come_from_the_setting_else_the_venues(world: World) -> None:
    with world.store.write() as s:
        settings.put(s, "shifts.currency", "chf, EUR, XXX")
    with world.store.read() as s:
        assert drawer_state.float_currencies(s) == ("CHF", "EUR")  # unknown ones dropped


def test_a_pay_out_needs_an_override_only_over_the_limit_and_without_the_right(
    world: World,
) -> None:
    ctx = TerminalContext(world.store, world.clerk.terminal, clock=lambda: world.now)
    cash.pay_in(ctx, world.clerk, Money(30000, "EUR"), reason="change")
    cash.pay_out(ctx, world.clerk, Money(10000, "EUR"), reason="taxi")  # at the limit
    with pytest.raises(NeedsOverride) as refused:
        cash.pay_out(ctx, world.clerk, Money(10001, "EUR"), reason="taxi")
    assert refused.value.permission == "cash_payout_large"
    assert refused.value.subject == f"shift:{ann_shift(world)}"
    cash.pay_in(ctx, world.supervisor, Money(30000, "EUR"), reason="change")
    cash.pay_out(ctx, world.supervisor, Money(10001, "EUR"), reason="taxi")  # sue may
    with world.store.write() as s:
        bob = users.create_user(s, system_actor("t"), "bob", "door", "5555")
    with world.store.read() as s, pytest.raises(NeedsOverride):  # no right either way
        approvals.require(s, Actor(bob.id, "bob", "x"), "cash_payout_large", now=world.now)


class _Undo(Exception):
    """Raised to roll a trial close back."""


def _close_refusal(
    world: World, shift_id: int, vouchers: dict[str, int] | None = None
) -> BaseException | None:
    """What closing the shift would say now (the close is rolled back either way)."""
    try:
        with world.store.write() as s:
            close.close_shift(s, world.clerk, shift_id, vouchers_counted=vouchers, now=world.now)
            raise _Undo
    except _Undo:
        return None
    except BoxOfficeError as refused:
        return refused


def test_a_close_needs_sign_off_only_after_a_count_off_by_more_than_the_threshold(
    world: World,
) -> None:
    shift_id = ann_shift(world)
    not_counted = _close_refusal(world, shift_id)
    assert isinstance(not_counted, ValidationError) and not_counted.code == "shift_count_first"
    with world.store.write() as s:  # 5.00 short: at the threshold, not over it
        close.count_cash(s, world.clerk, shift_id, {"EUR": {2000: 4, 500: 3}}, now=world.now)
    assert _close_refusal(world, shift_id) is None
    # An uncounted voucher tender is no variance; a counted one is.
    over = _close_refusal(world, shift_id, {"EUR": 600})
    assert isinstance(over, NeedsOverride) and over.code == "shift_variance_over_limit"
    assert over.permission == "variance_signoff" and over.subject == f"shift:{shift_id}"
    assert over.params["tender"] == "voucher" and over.params["variance"] == Money(600, "EUR")
    with world.store.write() as s:
        close.count_cash(
            s, world.supervisor, shift_id, {"EUR": {2000: 4, 500: 2, 1: 99}}, now=world.now
        )
    short = _close_refusal(world, shift_id)  # 9.01 short
    assert isinstance(short, NeedsOverride) and short.params["variance"] == Money(-901, "EUR")
