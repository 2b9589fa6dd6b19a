"""What the Cash screen reads: drawers without their expected cash, and when to ask a supervisor."""

from __future__ import annotations

import dataclasses

from boxoffice import settings
from boxoffice.actor import Actor, system_actor
from boxoffice.auth import users
from boxoffice.money import Money
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


def test_a_pay_out_needs_approval_only_over_the_limit_and_without_the_right(world: World) -> None:
    with world.store.read() as s:
        assert not approvals.payout_needs_approval(s, world.clerk, Money(10000, "EUR"))
        assert approvals.payout_needs_approval(s, world.clerk, Money(10001, "EUR"))
        assert not approvals.payout_needs_approval(s, world.supervisor, Money(10001, "EUR"))
    with world.store.write() as s:
        bob = users.create_user(s, system_actor("t"), "bob", "door", "5555")
    with world.store.read() as s:  # a door user: over the limit and no right either way
        assert approvals.payout_needs_approval(s, Actor(bob.id, "bob", "x"), Money(20000, "EUR"))


def test_a_close_needs_sign_off_only_after_a_count_off_by_more_than_the_threshold(
    world: World,
) -> None:
    shift_id = ann_shift(world)
    with world.store.read() as s:
        assert not approvals.close_needs_signoff(s, shift_id, now=world.now)  # not counted yet
    with world.store.write() as s:  # 5.00 short: at the threshold, not over it
        close.count_cash(s, world.clerk, shift_id, {"EUR": {2000: 4, 500: 3}}, now=world.now)
    with world.store.read() as s:
        assert not approvals.close_needs_signoff(s, shift_id, now=world.now)
        # An uncounted voucher tender is no variance; a counted one is.
        assert approvals.close_needs_signoff(s, shift_id, {"EUR": 600}, now=world.now)
    with world.store.write() as s:
        close.count_cash(
            s, world.supervisor, shift_id, {"EUR": {2000: 4, 500: 2, 1: 99}}, now=world.now
        )
    with world.store.read() as s:
        assert approvals.close_needs_signoff(s, shift_id, now=world.now)  # 5.01 short
