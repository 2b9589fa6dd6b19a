"""The cash ops (``boxoffice.ops.cash``): what they commit, what they publish, and how a
refusal a supervisor could lift comes back (``NeedsOverride``), then goes through with an
override passed by id."""

from __future__ import annotations

from datetime import timedelta

import pytest

from boxoffice import audit
from boxoffice.auth.overrides import authorise_override
from boxoffice.bus import ChangeSet
from boxoffice.context import TerminalContext
from boxoffice.errors import NeedsOverride, PermissionDenied, ValidationError
from boxoffice.money import Money
from boxoffice.ops import cash
from boxoffice.shifts import close
from tests.sales.conftest import World


def context(world: World) -> tuple[TerminalContext, list[ChangeSet]]:
    ctx = TerminalContext(world.store, world.clerk.terminal, clock=lambda: world.now)
    seen: list[ChangeSet] = []
    ctx.bus.subscribe(seen.append)
    return ctx, seen


def test_drawer_ops_publish_the_shift_they_changed(world: World) -> None:
    ctx, seen = context(world)
    shift_id = world.shifts[("ann", world.clerk.terminal)]
    result = cash.pay_in(ctx, world.clerk, Money(5000, "EUR"), reason="change")
    assert result.value == shift_id and result.changes == ChangeSet.of(shifts=[shift_id])
    cash.drop(ctx, world.clerk, Money(1000, "EUR"))
    assert seen == [ChangeSet.of(shifts=[shift_id])] * 2
    with pytest.raises(ValidationError) as refused:
        cash.drop(ctx, world.clerk, Money(0, "EUR"))
    assert refused.value.code == "cash_amount_not_positive"
    assert len(seen) == 2  # a refusal publishes nothing


def test_a_large_pay_out_goes_through_with_an_override_passed_by_id(world: World) -> None:
    ctx, _ = context(world)
    shift_id = world.shifts[("ann", world.clerk.terminal)]
    cash.pay_in(ctx, world.clerk, Money(50000, "EUR"), reason="change")
    with pytest.raises(NeedsOverride) as refused:
        cash.pay_out(ctx, world.clerk, Money(20000, "EUR"), reason="artist's taxi")
    assert (refused.value.permission, refused.value.subject) == (
        "cash_payout_large",
        f"shift:{shift_id}",
    )
    token = authorise_override(
        world.store,
        world.clerk,
        "sue",
        "2468",
        refused.value.permission,
        refused.value.subject,
        "agreed",
        now=world.now,
    )
    cash.pay_out(
        ctx, world.clerk, Money(20000, "EUR"), reason="artist's taxi", overrides=[token.id]
    )
    with pytest.raises(PermissionDenied, match="already been used"):  # one action each
        cash.pay_out(ctx, world.clerk, Money(20000, "EUR"), reason="again", overrides=[token.id])


def test_count_and_close_is_one_op_and_the_count_stays_when_a_sign_off_is_needed(
    world: World,
) -> None:
    ctx, seen = context(world)
    shift_id = world.shifts[("ann", world.clerk.terminal)]
    waiting = cash.close_shift(ctx, world.clerk, shift_id, count={"EUR": {5000: 1}}).value
    assert waiting.counted == {"EUR": 5000} and waiting.z is None
    assert waiting.signoff is not None and waiting.signoff.code == "shift_variance_over_limit"
    with world.store.read() as s:  # the blind count is on record, the shift still open
        assert close.stored_count(s, shift_id) == {"EUR": {5000: 1}}
    token = authorise_override(
        world.store,
        world.clerk,
        "sue",
        "2468",
        waiting.signoff.permission,
        waiting.signoff.subject,
        "counted twice",
        now=world.now,
    )
    closed = cash.close_shift(
        ctx, world.clerk, shift_id, signoff_reason="a 50 note missing", overrides=[token.id]
    ).value
    assert closed.z is not None and closed.z.content["number"] == 1
    assert closed.z.content["signoff"]["by"] == "sue" and closed.counted is None
    assert seen == [ChangeSet.of(shifts=[shift_id])] * 2


def test_the_day_end_without_a_server_says_why(world: World) -> None:
    ctx, _ = context(world)
    alone = cash.day_end(ctx, world.supervisor, world.now.date(), local_only=True).value
    assert alone.local_only
    assert alone.server_error == "this terminal is not connected to a central server"
    ctx.language = "zh_CN"
    asked = cash.day_end(
        ctx, world.supervisor, world.now.date(), now=world.now + timedelta(minutes=1)
    ).value
    assert asked.server_error == "本售票窗口未连接中央服务器"
    with pytest.raises(PermissionDenied, match="override is needed to print a Z report"):  # a clerk
        cash.day_end(ctx, world.clerk, world.now.date())


def test_a_no_sale_needs_a_reason_and_is_audited(world: World) -> None:
    ctx, _ = context(world)
    with pytest.raises(ValidationError):
        cash.no_sale(ctx, world.supervisor, "  ")
    cash.no_sale(ctx, world.supervisor, "change for the float")
    with world.store.read() as s:
        (entry,) = audit.entries(s, "drawer.no_sale")
    assert entry.username == "sue"
