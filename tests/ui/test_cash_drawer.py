"""The Cash screen's Drawer tab with a real store: open a shift, drops, pay-ins, pay-outs."""

from __future__ import annotations

import json

from pytestqt.qtbot import QtBot
from sqlalchemy import select

from boxoffice import audit
from boxoffice.money import Money
from boxoffice.shifts import drawer
from boxoffice.store.models import CashKind, CashMovement, CountPurpose, ShiftCount
from boxoffice.ui.common.workers import StoreWorker
from boxoffice.ui.qt import Qt
from tests.sales.conftest import _template  # noqa: F401
from tests.ui.cash_helpers import (
    FLOAT_TOTAL,
    CashWorld,
    cash_world,
    make_screen,
    open_shift,
    settle,
    snapshot,
    type_count,
    worker,
)
from tests.ui.conftest import STORE_WAIT_MS

__all__ = ["cash_world", "worker"]


def _movements(world: CashWorld, shift_id: int) -> list[tuple[str, int, str]]:
    with world.store.read() as s:
        rows = s.scalars(
            select(CashMovement).where(CashMovement.shift_id == shift_id).order_by(CashMovement.id)
        )
        return [(CashKind(m.kind).value, m.amount_minor, m.reason) for m in rows]


def test_open_a_shift_with_a_float_counted_by_denomination(
    qtbot: QtBot, app, worker: StoreWorker, cash_world: CashWorld
) -> None:
    screen = make_screen(qtbot, worker, cash_world.clerk)
    page = screen.drawer_page
    assert screen.current_page() == "drawer" and page.stack.currentIndex() == 0
    assert page.currency.currentText() == "EUR"
    assert page.float_count.first_field().hasFocus()  # ready to count
    type_count(qtbot, page.float_count, {2000: 5, 500: 4, 50: 10, 1: 3})
    assert page.float_count.fields[2000].text() == "5"
    assert page.float_count.total_label.text() == "Total: €125.03"
    assert page.float_count._line_totals[500].text() == "€20.00"

    with qtbot.waitSignal(screen.deskShown, timeout=STORE_WAIT_MS):
        page.open_button.click()
    settle(qtbot, screen, worker)
    assert screen.message.text() == "Shift opened with a float of €125.03."
    assert page.stack.currentIndex() == 1
    assert page.status.text().startswith("Shift ") and "Ann Clerk (ann)" in page.status.text()
    with cash_world.store.read() as s:
        shift = drawer.find_open(s, cash_world.clerk)
        assert shift is not None
        counted = {
            c.denomination_minor: c.quantity
            for c in s.scalars(
                select(ShiftCount).where(
                    ShiftCount.shift_id == shift.id, ShiftCount.purpose == CountPurpose.FLOAT
                )
            )
        }
    assert counted == {2000: 5, 500: 4, 50: 10, 1: 3}
    assert _movements(cash_world, shift.id) == [("float", 12503, "opening float")]
    assert screen.desk is not None and screen.desk.mine is not None
    assert screen.desk.mine.shift_id == shift.id


def test_opening_twice_and_opening_without_the_right_are_refused_with_the_service_message(
    qtbot: QtBot, app, worker: StoreWorker, cash_world: CashWorld
) -> None:
    screen = make_screen(qtbot, worker, cash_world.clerk)
    page = screen.drawer_page
    open_shift(cash_world, cash_world.clerk)  # meanwhile, at another window of the same till
    before = snapshot(cash_world)
    type_count(qtbot, page.float_count, {2000: 1})
    page.open_button.click()
    qtbot.waitUntil(lambda: "already has" in screen.message.text(), timeout=STORE_WAIT_MS)
    assert screen.message.text() == ("ann already has an open shift at Window 1; close it first")
    assert screen.message.property("kind") == "error"
    assert snapshot(cash_world) == before

    door = make_screen(qtbot, worker, cash_world.door)
    assert not door.drawer_page.open_button.isEnabled()
    assert "may not open a shift" in door.drawer_page.open_note.text()
    type_count(qtbot, door.drawer_page.float_count, {2000: 1})
    door.drawer_page.open_shift()  # the service has the last word, not the button
    qtbot.waitUntil(lambda: "override" in door.message.text(), timeout=STORE_WAIT_MS)
    assert door.message.text() == "a supervisor's override is needed to open a shift"
    assert snapshot(cash_world) == before


def test_bad_quantities_are_named_and_nothing_is_opened(
    qtbot: QtBot, app, worker: StoreWorker, cash_world: CashWorld
) -> None:
    screen = make_screen(qtbot, worker, cash_world.clerk)
    count = screen.drawer_page.float_count
    before = snapshot(cash_world)
    for typed, message in (
        ("-3", "€20.00: “-3” is not a number of notes or coins (0 or more)."),
        ("abc", "€20.00: “abc” is not a number of notes or coins (0 or more)."),
        ("2.5", "€20.00: “2.5” is not a number of notes or coins (0 or more)."),
        ("100000", "€20.00: 100000 is more than 9,999 — please check the count."),
    ):
        type_count(qtbot, count, {2000: typed})  # type: ignore[dict-item]
        assert count.problem_label.isVisible() and count.problem_label.text() == message
        assert count.total_label.text() == "Total: —"
        assert count.fields[2000].property("invalid") is True
        screen.drawer_page.open_button.click()
        assert screen.message.text() == message and screen.message.property("kind") == "error"
        settle(qtbot, screen, worker)
        assert snapshot(cash_world) == before
    count.fields[2000].clear()
    assert not count.problem_label.isVisible() and count.total_label.text() == "Total: €0.00"


def test_drop_pay_in_and_pay_out_are_recorded_and_listed(
    qtbot: QtBot, app, worker: StoreWorker, cash_world: CashWorld
) -> None:
    shift_id = open_shift(cash_world, cash_world.clerk)
    screen = make_screen(qtbot, worker, cash_world.clerk)
    page = screen.drawer_page
    assert page.stack.currentIndex() == 1
    assert page.amount.hasFocus()

    def act(button, amount: str, reason: str, expect: str) -> None:  # type: ignore[no-untyped-def]
        page.amount.setText(amount)
        page.reason.setText(reason)
        button.click()
        qtbot.waitUntil(lambda: screen.message.text() == expect, timeout=STORE_WAIT_MS)
        settle(qtbot, screen, worker)

    act(page.drop_button, "40", "", "Drop to the safe of €40.00 recorded.")
    act(page.pay_in_button, "12,50", "change from the safe", "Pay-in of €12.50 recorded.")
    act(page.pay_out_button, "30.00", "taxi for the artist", "Pay-out of €30.00 recorded.")
    assert _movements(cash_world, shift_id) == [
        ("float", FLOAT_TOTAL, "opening float"),
        ("drop", -4000, "drop to the safe"),
        ("pay_in", 1250, "change from the safe"),
        ("pay_out", -3000, "taxi for the artist"),
    ]
    table = page.moves
    assert table.rowCount() == 3
    assert [table.item(0, c).text() for c in (1, 2, 3, 4)] == [
        "Pay-out",
        "-€30.00",
        "taxi for the artist",
        "ann",
    ]
    assert table.item(2, 1).text() == "Drop to the safe"
    assert page.amount.text() == "" and page.reason.text() == ""

    before = snapshot(cash_world)
    for amount, reason, button, expect in (
        ("5", "", page.pay_in_button, "a pay-in needs a reason"),
        ("5", "  ", page.pay_out_button, "a pay-out needs a reason"),
        ("-5", "", page.drop_button, "a drop must be more than zero"),
        ("0", "x", page.pay_in_button, "a pay-in must be more than zero"),
        ("abc", "x", page.drop_button, "“abc” is not an amount in EUR."),
        ("1.234", "x", page.drop_button, "“1.234” is not an amount in EUR."),
        ("", "x", page.drop_button, "Enter an amount."),
    ):
        act(button, amount, reason, expect)
        assert screen.message.property("kind") == "error"
        assert snapshot(cash_world) == before


def test_a_pay_out_over_the_limit_needs_a_supervisor_and_a_wrong_pin_changes_nothing(
    qtbot: QtBot, app, worker: StoreWorker, cash_world: CashWorld
) -> None:
    shift_id = open_shift(cash_world, cash_world.clerk)
    with cash_world.store.write() as s:  # the drawer holds enough: 400.00
        drawer.pay_in(s, cash_world.clerk, Money(30000, "EUR"), reason="from the safe")
    screen = make_screen(qtbot, worker, cash_world.clerk)
    page = screen.drawer_page
    page.amount.setText("250")
    page.reason.setText("band's petty cash")
    before = snapshot(cash_world)
    page.pay_out_button.click()
    qtbot.waitUntil(lambda: screen.override_dialog is not None, timeout=STORE_WAIT_MS)
    dialog = screen.override_dialog
    assert dialog is not None and dialog.isVisible()
    assert "Pay-out of €250.00" in dialog.what_label.text()
    assert "pay out a large amount of cash" in dialog.what_label.text()
    assert snapshot(cash_world) == before

    dialog.submit()  # nothing typed
    assert dialog.message.text() == "Type the supervisor's username."
    qtbot.keyClicks(dialog.supervisor, "sue")
    qtbot.keyClicks(dialog.pin, "0000")
    qtbot.keyClicks(dialog.reason, "band's petty cash, agreed")
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: "Wrong" in dialog.message.text(), timeout=STORE_WAIT_MS)
    assert dialog.message.text() == "Wrong username or PIN/password."
    assert dialog.isVisible() and dialog.pin.text() == "" and dialog.pin.hasFocus()
    assert _movements(cash_world, shift_id) == [
        ("float", FLOAT_TOTAL, "opening float"),
        ("pay_in", 30000, "from the safe"),
    ]

    qtbot.keyClicks(dialog.pin, "2468")
    qtbot.keyClick(dialog.pin, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: screen.message.text() == "Pay-out of €250.00 recorded.", timeout=STORE_WAIT_MS
    )
    assert screen.override_dialog is None  # closed (and deleted)
    assert _movements(cash_world, shift_id)[-1] == ("pay_out", -25000, "band's petty cash")
    with cash_world.store.read() as s:
        assert [e.action for e in audit.entries(s, "override.granted")] == ["override.granted"]
        (used,) = audit.entries(s, "override.used")
        assert used.subject == f"shift:{shift_id}"
        (payout,) = audit.entries(s, "cash.pay_out")
        assert json.loads(payout.details)["over_limit"] is True


def test_the_drawer_redraws_from_change_sets_of_its_shift_only(
    qtbot: QtBot, app, worker: StoreWorker, cash_world: CashWorld
) -> None:
    """A drop made elsewhere on this terminal's context (the admin CLI's op, a sale) shows up
    because its change-set names the clerk's shift; a change-set for another shift is ignored."""
    from boxoffice.bus import ChangeSet
    from boxoffice.ops import cash

    shift_id = open_shift(cash_world, cash_world.clerk)
    screen = make_screen(qtbot, worker, cash_world.clerk)
    page = screen.drawer_page

    def listed() -> list[str]:
        table = page.moves
        return [table.item(r, 1).text() for r in range(table.rowCount()) if table.item(r, 1)]

    assert "Drop to the safe" not in listed()
    ctx = worker.context  # the one context every job of the screen ran on
    assert ctx is not None and ctx.bus is worker.bus
    loads: list[int] = []
    screen.deskShown.connect(lambda: loads.append(1))

    ctx.publish(ChangeSet.of(shifts=[shift_id + 1000]))  # someone else's drawer
    ctx.publish(ChangeSet.of(orders=["u-1"]))
    qtbot.wait(300)
    assert loads == [] and worker.pending() == 0

    with qtbot.waitSignal(screen.deskShown, timeout=STORE_WAIT_MS):
        cash.drop(ctx, cash_world.clerk, Money(1500, "EUR"), reason="to the safe")
    assert listed()[0] == "Drop to the safe"
    assert loads == [1]
