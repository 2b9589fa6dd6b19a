"""Every refusal of the shift services carries a code, and reads in Chinese by it.

The services are driven into each refusal for real; the error must not be a
legacy English sentence (code ``"message"``), and its Chinese rendering must
be Chinese with only the names and figures kept (no English words left).
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from boxoffice.context import TerminalContext
from boxoffice.errors import LEGACY, BoxOfficeError, NeedsOverride
from boxoffice.money import Money
from boxoffice.ops import cash
from boxoffice.shifts import cards, close, denominations, drawer
from boxoffice.shifts.cards import BatchLine
from tests.sales.conftest import FLOAT, World

#: Names and figures a message keeps as they are.
KEPT = re.compile(r"ann|sue|VISA|Window \d|EUR|€-?[\d.,]+|-?[\d.,]+|'[^']*'")


def refusal(world: World, act: Callable[..., object]) -> BoxOfficeError:
    with pytest.raises(BoxOfficeError) as caught, world.store.write() as s:
        act(s)
    return caught.value


def eur(minor: int) -> Money:
    return Money(minor, "EUR")


def test_shift_refusals_have_codes_and_chinese_words(world: World) -> None:
    ann, sue = world.clerk, world.supervisor
    ann_shift = world.shifts[("ann", "Window 1")]
    now = world.now
    said = {
        "pay-out without a reason": refusal(
            world, lambda s: drawer.pay_out(s, ann, eur(500), reason=" ", now=now)
        ),
        "pay-in without a reason": refusal(
            world, lambda s: drawer.pay_in(s, ann, eur(500), reason="", now=now)
        ),
        "drop of nothing": refusal(world, lambda s: drawer.drop(s, ann, eur(0), now=now)),
        "drop beyond the drawer": refusal(
            world, lambda s: drawer.drop(s, ann, eur(50000), now=now)
        ),
        "second shift": refusal(world, lambda s: drawer.open_shift(s, ann, FLOAT, now=now)),
        "no such shift": refusal(world, lambda s: drawer.get_shift(s, 999)),
        "close before the count": refusal(
            world, lambda s: close.close_shift(s, sue, ann_shift, now=now)
        ),
        "too many notes": refusal(
            world, lambda s: denominations.validate({"EUR": {2000: 100_001}})
        ),
        "a coin that is not one": refusal(world, lambda s: denominations.validate({"EUR": {3: 1}})),
        "a negative quantity": refusal(world, lambda s: denominations.validate({"EUR": {100: -1}})),
        "an unknown currency": refusal(world, lambda s: denominations.validate({"XXX": {1: 1}})),
        "a batch line twice": refusal(
            world,
            lambda s: cards.enter_batch(
                s, ann, ann_shift, [BatchLine("VISA", eur(1), 1), BatchLine("visa", eur(2), 1)]
            ),
        ),
        "a Z report that is not there": refusal(
            world, lambda s: close.z_report(s, terminal="Window 1", number=7)
        ),
    }
    with world.store.write() as s:  # 50.00 in a drawer that should hold 100.00
        close.count_cash(s, ann, ann_shift, {"EUR": {5000: 1}}, now=now)
    said["variance over the limit"] = refusal(
        world, lambda s: close.close_shift(s, ann, ann_shift, now=now)
    )
    said["sign-off without the right"] = refusal(
        world, lambda s: close.close_shift(s, ann, ann_shift, signoff_reason="x", now=now)
    )
    with world.store.write() as s:
        close.close_shift(s, sue, ann_shift, signoff_reason="counted twice", now=now)
    said["closing twice"] = refusal(world, lambda s: close.close_shift(s, sue, ann_shift, now=now))
    said["no shift open"] = refusal(
        world, lambda s: drawer.pay_in(s, ann, eur(500), reason="float top-up", now=now)
    )
    ctx = TerminalContext(world.store, "Window 1", clock=lambda: now)
    with pytest.raises(BoxOfficeError) as caught:
        cash.x_report(ctx, sue, ann_shift)
    said["X report of a closed shift"] = caught.value

    for what, error in said.items():
        assert error.code != LEGACY, (what, str(error))
        chinese = error.message("zh_CN")
        assert chinese != str(error), what
        assert re.search(r"[\u4e00-\u9fff]", chinese), (what, chinese)
        assert re.findall(r"[A-Za-z]{2,}", KEPT.sub("", chinese)) == [], (what, chinese)
    assert said["no shift open"].message("zh_CN") == (
        "ann在Window 1没有未交班的班次；请先开班（清点备用金）"
    )
    assert said["drop beyond the drawer"].params["amount"] == eur(50000)
    variance = said["variance over the limit"]
    assert isinstance(variance, NeedsOverride) and variance.subject == f"shift:{ann_shift}"
    assert variance.message("zh_CN") == "现金长短款-€50.00超出限额：须由主管填写原因审核确认"
    assert isinstance(said["sign-off without the right"], NeedsOverride)
