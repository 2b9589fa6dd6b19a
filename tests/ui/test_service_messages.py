"""The core's refusals reach a Chinese-speaking clerk in Chinese.

Each message here is the real one: the test drives the shift, drawer and
override services into refusing, then reads what the UI would show. A core
message reworded without its pattern would fall back to English and fail.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from boxoffice.auth.overrides import authorise_override
from boxoffice.auth.permissions import LABELS, ROLE_PERMISSIONS
from boxoffice.errors import BoxOfficeError, NeedsOverride
from boxoffice.money import Money
from boxoffice.sales import checkout, voids
from boxoffice.shifts import close, denominations, drawer
from boxoffice.store.models import Order
from boxoffice.ui.common.workers import StoreWorker
from boxoffice.ui.qt import Qt
from boxoffice.ui.service_messages import SERVICE_MESSAGES, service_message
from boxoffice.ui.shell.app import create_app
from tests.sales.conftest import FLOAT, World, _template, world
from tests.sales.helpers import cart, eur
from tests.ui.cash_helpers import (
    CashWorld,
    cash_world,
    make_screen,
    open_shift,
    settle,
    snapshot,
    worker,
)
from tests.ui.conftest import STORE_WAIT_MS

__all__ = ["_template", "cash_world", "worker", "world"]

ROOT = Path(__file__).resolve().parents[2]

#: Names and figures that stay as written inside a translated message.
KEPT = re.compile(r"ann|sue|Window \d|EUR|€[\d.,]+|[\d.,]+")


def refusal(world: World, act: Callable[..., object]) -> str:
    """What the service said when it refused ``act(session)``; nothing it did is kept."""
    with pytest.raises(BoxOfficeError) as caught, world.store.write() as s:
        act(s)
    return str(caught.value)


def english_left(text: str) -> list[str]:
    """Latin words left once the kept names and figures are taken out."""
    return re.findall(r"[A-Za-z]{2,}", KEPT.sub("", text))


@pytest.fixture
def zh(app) -> Iterator[None]:  # type: ignore[no-untyped-def]
    create_app("zh_CN")
    yield
    create_app("en")


def test_shift_and_drawer_refusals_are_shown_in_chinese(world: World, zh: None) -> None:
    ann, sue = world.clerk, world.supervisor
    ann_shift = world.shifts[("ann", "Window 1")]
    said = {
        "pay-out without a reason": refusal(
            world, lambda s: drawer.pay_out(s, ann, eur("5"), reason=" ", now=world.now)
        ),
        "drop of nothing": refusal(world, lambda s: drawer.drop(s, ann, eur("0"), now=world.now)),
        "drop beyond the drawer": refusal(
            world, lambda s: drawer.drop(s, ann, eur("500"), now=world.now)
        ),
        "second shift": refusal(world, lambda s: drawer.open_shift(s, ann, FLOAT, now=world.now)),
        "close before the count": refusal(
            world, lambda s: close.close_shift(s, sue, ann_shift, now=world.now)
        ),
        "too many notes": refusal(
            world, lambda s: denominations.validate({"EUR": {2000: 100_001}})
        ),
        "a coin that is not one": refusal(world, lambda s: denominations.validate({"EUR": {3: 1}})),
        "three decimals": refusal(world, lambda s: Money.of("1.234", "EUR")),
    }

    with world.store.write() as s:  # 50.00 in a drawer that should hold 100.00
        close.count_cash(s, ann, ann_shift, {"EUR": {5000: 1}}, now=world.now)
    said["variance over the limit"] = refusal(
        world, lambda s: close.close_shift(s, sue, ann_shift, now=world.now)
    )
    with world.store.write() as s:
        close.close_shift(s, sue, ann_shift, signoff_reason="counted twice", now=world.now)
    said["closing twice"] = refusal(
        world, lambda s: close.close_shift(s, sue, ann_shift, now=world.now)
    )
    said["no shift open"] = refusal(
        world, lambda s: drawer.pay_in(s, ann, eur("5"), reason="float top-up", now=world.now)
    )

    assert said["drop beyond the drawer"].startswith("the drawer does not hold €500.00")
    for what, english in said.items():
        shown = service_message(english)
        assert shown != english, what
        assert re.search(r"[\u4e00-\u9fff]", shown), what
        assert english_left(shown) == [], (what, shown)
    assert service_message(said["variance over the limit"]).startswith("现金差额 ")
    assert service_message(said["no shift open"]) == (
        "ann 在 Window 1 没有未结班次；请先开班（清点备用金）"
    )
    assert "不能存入保险柜" in service_message(said["drop beyond the drawer"])


def test_permission_and_override_refusals_name_who_and_what_in_chinese(
    world: World, zh: None
) -> None:
    with world.store.write() as s:
        total = checkout.quote(s, cart(world, "S-A-14"), now=world.now).priced.total
        order_id = checkout.sell(
            s,
            world.clerk,
            cart(world, "S-A-14"),
            [checkout.Cash(total)],
            world.signer,
            now=world.now,
        ).order.id
    # A supervisor could approve: the refusal says so by code, in either language.
    with pytest.raises(NeedsOverride) as needs, world.store.write() as s:
        voids.void(s, world.clerk, s.get(Order, order_id), reason="x", now=world.now)
    assert needs.value.permission == "void" and needs.value.params["user"] == "ann"
    assert str(needs.value) == "a supervisor's override is needed to void a sale"
    assert needs.value.message("zh_CN") == "需要主管授权才能作废销售"

    with pytest.raises(BoxOfficeError) as caught:
        authorise_override(
            world.store, world.supervisor, "ann", "1234", "void", "", "wrong seat", now=world.now
        )
    cannot = str(caught.value)
    assert service_message(cannot) == "售票员“ann”无权作废销售，因此不能授权"

    token = authorise_override(
        world.store, world.clerk, "sue", "2468", "void", "", "wrong seat", now=world.now
    )
    stale = refusal(
        world,
        lambda s: voids.void(
            s,
            world.clerk,
            s.get(Order, order_id),
            reason="x",
            overrides=[token],
            now=world.now + timedelta(minutes=11),
        ),
    )
    shown = service_message(stale)
    assert shown == "售票员“ann”无权作废销售：该授权已过期（授权有效期为 10 分钟）", shown


def test_english_stays_word_for_word(world: World, app) -> None:  # type: ignore[no-untyped-def]
    english = refusal(world, lambda s: drawer.drop(s, world.clerk, eur("500"), now=world.now))
    assert service_message(english) == english
    assert service_message("something the catalogue has never seen") == (
        "something the catalogue has never seen"
    )


def test_every_permission_and_role_a_refusal_can_name_is_in_the_catalogue() -> None:
    for label in LABELS.values():
        assert label in SERVICE_MESSAGES, label
    for role in ROLE_PERMISSIONS:
        assert role in SERVICE_MESSAGES, role


def test_the_chinese_cash_screen_says_why_a_drop_was_refused(
    qtbot, zh: None, cash_world: CashWorld, worker: StoreWorker
) -> None:  # type: ignore[no-untyped-def]
    """Dropping more than the drawer holds: the clerk reads the reason in Chinese."""
    open_shift(cash_world, cash_world.clerk)
    screen = make_screen(qtbot, worker, cash_world.clerk)
    page = screen.drawer_page
    before = snapshot(cash_world)
    page.amount.setText("500")
    qtbot.keyClick(page.drop_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: screen.message.text() != "", timeout=STORE_WAIT_MS)
    settle(qtbot, screen, worker)
    assert screen.message.text() == (  # by its code, in the glossary's words
        "钱箱中没有€500.00的EUR现金，不能投库；如果钱箱中的现金多于系统记录，请先补入现金"
    )
    assert screen.message.property("kind") == "error"
    assert snapshot(cash_world) == before
    screen.grab().save(str(ROOT / "docs/screenshots/cash-refusal-zh_CN.png"))


def test_names_are_kept_as_written_even_when_they_look_like_placeholders(zh: None) -> None:
    said = "ann%2 has no open shift at Till %1; open a shift (count the float) first"
    assert service_message(said) == "ann%2 在 Till %1 没有未结班次；请先开班（清点备用金）"
