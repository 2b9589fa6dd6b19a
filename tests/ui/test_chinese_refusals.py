"""The Chinese UI through real refusals of sales, check-in and shifts: no English sentence.

Each refusal is the real one: the sell op, the door and the shift services
are driven into refusing, and the test reads what the screen shows (the op
runner's refusal box, the door screen's verdict and history, the Cash
screen's message line). Every refusal is rendered from its code
(``error.message(lang)``); none is translated by matching English text. The
only Latin words allowed are the names and data the test put in itself.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from boxoffice.auth.overrides import authorise_override
from boxoffice.auth.permissions import LABELS, ROLE_PERMISSIONS
from boxoffice.clock import utc_now
from boxoffice.context import TerminalContext
from boxoffice.errors import LEGACY, BoxOfficeError, NeedsOverride
from boxoffice.messages import term
from boxoffice.ops.sell import sell
from boxoffice.sales import checkout, refunds, voids
from boxoffice.sales.cart import Cart, CartItem
from boxoffice.shifts import close
from boxoffice.store import open_store
from boxoffice.store.models import Order
from boxoffice.ui.common.error_text import error_text
from boxoffice.ui.common.op_runner import OpRunner
from boxoffice.ui.common.workers import StoreWorker
from boxoffice.ui.qt import Qt, QWidget
from boxoffice.ui.screens.door import DoorScreen
from boxoffice.ui.shell.app import create_app
from tests.checkin.conftest import DoorWorld, dw, tonight
from tests.checkin.test_door_verdicts import _resign
from tests.sales.conftest import World, _template, world
from tests.sales.helpers import cart, close_shift_of, eur
from tests.screenshots import screenshot_dir
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
from tests.ui.test_door_screen import _scan, _screen

__all__ = ["_template", "cash_world", "dw", "tonight", "worker", "world"]

SHOTS = screenshot_dir("refusals")

#: Two or more consecutive ASCII words: an English sentence (or a piece of one).
ENGLISH = re.compile(r"[A-Za-z][A-Za-z'’-]*(?:[ \t,;:.]+[A-Za-z][A-Za-z'’-]*)+")
#: Names and data the tests put in themselves (an event, a door, a terminal, a seat map's
#: section, a venue).
DATA = (
    "Tonight's show", "Main door", "Door 1", "Window 1", "Window 2", "Hamlet", "Lyceum", "Stalls",
)  # fmt: skip


def english_in(text: str) -> list[str]:
    """The English sentences left in ``text`` once the tests' own names are taken out."""
    for name in DATA:
        text = text.replace(name, "")
    return ENGLISH.findall(text)


def assert_chinese(what: str, text: str) -> None:
    assert text, what
    assert re.search(r"[\u4e00-\u9fff]", text), (what, text)
    assert english_in(text) == [], (what, text)


def test_the_english_detector_finds_english_and_lets_names_pass() -> None:
    assert english_in("the seat is sold") == ["the seat is sold"]
    assert english_in("座位已售出：Main door，Window 1，€10.00，EUR，S-A-1") == []
    assert english_in("Tonight's show：已入场") == []


@pytest.fixture
def zh(app) -> Iterator[None]:  # type: ignore[no-untyped-def]
    create_app("zh_CN")
    yield
    create_app("en")


# -- sales: the sell op's refusals, shown by the op runner ------------------------------------
@pytest.fixture
def till(qtbot: QtBot, world: World) -> Iterator[tuple[OpRunner, QWidget]]:
    """A screen with an op runner on a store worker whose context is ann's terminal."""
    worker = StoreWorker(lambda: open_store(world.store.path))

    def start(store: Any) -> bool:
        ctx = TerminalContext(store, world.clerk.terminal, clock=lambda: world.now)
        ctx.cache["signer"] = world.signer
        worker.context = ctx
        return True

    started: list[bool] = []
    worker.call(start, started.append)
    qtbot.waitUntil(lambda: started == [True], timeout=STORE_WAIT_MS)
    screen = QWidget()
    qtbot.addWidget(screen)
    screen.resize(640, 400)
    screen.show()
    yield OpRunner(worker, world.clerk, screen), screen
    worker.shutdown()


def _refusal_shown(qtbot: QtBot, runner: OpRunner, *args: Any, **kwargs: Any) -> str:
    """Run the sell op through ``runner``; the text of the refusal box it shows."""
    runner.refusal_box = None
    runner.run(sell, *args, done=lambda result: pytest.fail(f"sold: {result}"), **kwargs)
    qtbot.waitUntil(lambda: runner.refusal_box is not None, timeout=STORE_WAIT_MS)
    box = runner.refusal_box
    assert box is not None and box.isVisible()
    text = box.text()
    box.close()
    return text


def test_sale_refusals_reach_the_chinese_clerk_in_chinese(
    qtbot: QtBot, zh: None, world: World, till: tuple[OpRunner, QWidget]
) -> None:
    runner, _ = till
    ann = world.clerk
    with world.store.write() as s:  # S-A-1 is sold at another window first
        checkout.sell(s, world.supervisor, cart(world, "S-A-1"), [checkout.Cash(eur("500"))],
                      world.signer, now=world.now)  # fmt: skip
    shown = {
        "seat already sold": _refusal_shown(
            qtbot, runner, ann, cart(world, "S-A-1"), [checkout.Cash(eur("500"))]
        ),
        "short cash tender": _refusal_shown(
            qtbot, runner, ann, cart(world, "S-A-2"), [checkout.Cash(eur("1"))]
        ),
    }
    close_shift_of(world, "ann", at=world.now)
    shown["no open shift"] = _refusal_shown(
        qtbot, runner, ann, cart(world, "S-A-3"), [checkout.Cash(eur("500"))]
    )
    for what, text in shown.items():
        assert_chinese(what, text)
    assert "A" in shown["seat already sold"] and "1" in shown["seat already sold"]
    assert "ann" in shown["no open shift"] and "开班" in shown["no open shift"]
    # And the same refusals, by code, read in English in an English UI.
    with pytest.raises(BoxOfficeError) as caught:
        sell(TerminalContext(world.store, ann.terminal, clock=lambda: world.now), ann,
             cart(world, "S-A-3"), [checkout.Cash(eur("500"))], signer=world.signer)  # fmt: skip
    assert caught.value.code != LEGACY
    assert error_text(caught.value, "en") == str(caught.value)
    assert english_in(str(caught.value)) != []


# -- check-in: the door screen -----------------------------------------------------------------
def _sell_tonight(w: World, perf: int, guid: str) -> Any:
    with w.store.write() as s:
        sale = checkout.sell(
            s, w.clerk, Cart([CartItem(perf, "adult", seat_id=w.seats[guid])]),
            [checkout.Cash(eur("40.00"))], w.signer, now=utc_now(),
        )  # fmt: skip
        (ticket,) = sale.order.tickets
        return ticket.barcode, ticket.order_id


@pytest.fixture
def door_zh(qtbot: QtBot, dw: DoorWorld, tonight: tuple[int, list[str]]) -> Iterator[DoorScreen]:
    yield from _screen(qtbot, dw, tonight[0], "zh_CN")


def test_door_refusals_reach_the_chinese_door_staff_in_chinese(
    qtbot: QtBot, dw: DoorWorld, tonight: tuple[int, list[str]], door_zh: DoorScreen
) -> None:
    perf, codes = tonight
    w = dw.world
    refunded_code, order_id = _sell_tonight(w, perf, "S-A-16")
    with w.store.write() as s:
        order = checkout.get_order(s, order_id)
        refunds.refund(s, w.supervisor, order, reason="ill", now=utc_now(), to_cash=True)
    (other,) = dw.sell("S-A-1")  # a ticket for Hamlet, another event
    screen = door_zh
    verdicts: dict[str, tuple[str, str]] = {}
    for what, code in (
        ("forged", _resign(codes[1], False)),
        ("admitted", codes[0]),
        ("already admitted", codes[0]),
        ("refunded", refunded_code),
        ("wrong performance", other.barcode),
    ):
        _scan(qtbot, screen, code)
        verdicts[what] = (screen.outcome_label.text(), screen.reason_label.text())
        assert screen.last_verdict is not None
        if what == "admitted":
            assert screen.last_verdict.outcome == "admitted"
        else:
            assert screen.last_verdict.outcome != "admitted", what
    screen.grab().save(str(SHOTS / "door-refusals-zh_CN.png"))
    for what, (outcome, reason) in verdicts.items():
        assert_chinese(f"{what}: outcome", outcome)
        assert_chinese(f"{what}: reason", reason)
    assert len({outcome for outcome, _ in verdicts.values()}) >= 4  # each says what it is
    for row in range(screen.history.rowCount()):
        for column in range(screen.history.columnCount()):
            item = screen.history.item(row, column)
            if item is not None and column != 1:  # column 1: the ticket's serial (data)
                assert english_in(item.text()) == [], item.text()
    assert_chinese("counts", screen.stats_label.text())


# -- shifts: the Cash screen ----------------------------------------------------------------------
def _message_after(qtbot: QtBot, screen: Any, act: Any) -> str:
    screen.say("")
    act()
    qtbot.waitUntil(lambda: screen.message.text() != "", timeout=STORE_WAIT_MS)
    return str(screen.message.text())


def test_shift_refusals_reach_the_chinese_cash_screen_in_chinese(
    qtbot: QtBot, zh: None, cash_world: CashWorld, worker: StoreWorker
) -> None:
    shift_id = open_shift(cash_world, cash_world.clerk)
    screen = make_screen(qtbot, worker, cash_world.clerk)
    page = screen.drawer_page
    before = snapshot(cash_world)
    shown: dict[str, str] = {}

    def drop_too_much() -> None:
        page.amount.setText("500")
        qtbot.keyClick(page.drop_button, Qt.Key.Key_Space)

    shown["drop beyond the drawer"] = _message_after(qtbot, screen, drop_too_much)
    settle(qtbot, screen, worker)
    assert screen.message.property("kind") == "error"
    assert shown["drop beyond the drawer"] == (  # by its code, in the glossary's words
        "钱箱中没有€500.00的EUR现金，不能投库；如果钱箱中的现金多于系统记录，请先补入现金"
    )
    screen.grab().save(str(SHOTS / "cash-refusal-zh_CN.png"))

    shown["a clerk's Z (day end)"] = _message_after(
        qtbot, screen, lambda: screen.show_page("day_end")
    )
    settle(qtbot, screen, worker)
    shown["a clerk's X"] = _message_after(qtbot, screen, lambda: screen.show_page("x"))
    settle(qtbot, screen, worker)
    # The close page always counts what is typed; the service's own refusal of a close
    # without a count, raised for real, goes through the screen's error display.
    with pytest.raises(BoxOfficeError) as uncounted, cash_world.store.write() as s:
        close.close_shift(s, cash_world.supervisor, shift_id)
    assert uncounted.value.code != LEGACY
    shown["close without a count"] = _message_after(
        qtbot, screen, lambda: screen.fail(uncounted.value)
    )
    assert snapshot(cash_world) == before  # nothing was dropped, counted or closed

    screen.show_page("close")
    close_page = screen.close_page

    def close_short() -> None:  # nothing typed: a count of nothing, far short of the float
        close_page.close_button.click()
        box = getattr(screen, "confirm_box", None)
        if box is not None:
            box.defaultButton().click()

    shown["a close with a short count"] = _message_after(qtbot, screen, close_short)
    settle(qtbot, screen, worker)
    screen.grab().save(str(SHOTS / "cash-close-short-zh_CN.png"))
    for what, text in shown.items():
        assert_chinese(what, text)
    assert "主管授权" in shown["a clerk's Z (day end)"]
    assert "长短款" in shown["a close with a short count"]


# -- refusals with names in them, rendered by code --------------------------------------------
def test_permission_and_override_refusals_name_who_and_what_in_chinese(world: World) -> None:
    with world.store.write() as s:
        total = checkout.quote(s, cart(world, "S-A-14"), now=world.now).priced.total
        order_id = checkout.sell(
            s, world.clerk, cart(world, "S-A-14"), [checkout.Cash(total)], world.signer,
            now=world.now,
        ).order.id  # fmt: skip
    # A supervisor could approve: the refusal says so by code, in either language.
    with pytest.raises(NeedsOverride) as needs, world.store.write() as s:
        voids.void(s, world.clerk, s.get(Order, order_id), reason="x", now=world.now)
    assert needs.value.permission == "void" and needs.value.params["user"] == "ann"
    assert str(needs.value) == "a supervisor's override is needed to void a sale"
    assert error_text(needs.value, "zh_CN") == "需要主管授权才能作废销售"

    with pytest.raises(BoxOfficeError) as caught:
        authorise_override(
            world.store, world.supervisor, "ann", "1234", "void", "", "wrong seat", now=world.now
        )
    assert caught.value.code != LEGACY
    assert_chinese("a clerk cannot authorise", error_text(caught.value, "zh_CN"))

    token = authorise_override(
        world.store, world.clerk, "sue", "2468", "void", "", "wrong seat", now=world.now
    )
    with pytest.raises(BoxOfficeError) as stale, world.store.write() as s:
        voids.void(s, world.clerk, s.get(Order, order_id), reason="x", overrides=[token],
                   now=world.now + timedelta(minutes=11))  # fmt: skip
    assert stale.value.code != LEGACY
    assert_chinese("an expired override", error_text(stale.value, "zh_CN"))


def test_a_legacy_refusal_is_shown_as_its_text(app) -> None:  # type: ignore[no-untyped-def]
    legacy = BoxOfficeError("The printer said something nobody coded.")
    assert legacy.code == LEGACY
    assert error_text(legacy, "zh_CN") == "The printer said something nobody coded."


def test_every_permission_and_role_a_refusal_can_name_has_chinese_words() -> None:
    for permission in LABELS:
        chinese = term("permission", permission.value, "zh_CN")
        assert re.search(r"[\u4e00-\u9fff]", chinese), permission
    for role in ROLE_PERMISSIONS:
        assert re.search(r"[\u4e00-\u9fff]", term("role", role, "zh_CN")), role


def test_screenshots_go_to_a_temporary_folder_unless_asked(monkeypatch, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.delenv("BOXOFFICE_SCREENSHOTS", raising=False)
    default = screenshot_dir("refusals")
    assert "docs" not in default.parts and default.is_dir()
    monkeypatch.setenv("BOXOFFICE_SCREENSHOTS", str(tmp_path / "docs-shots"))
    assert screenshot_dir("refusals") == tmp_path / "docs-shots"
