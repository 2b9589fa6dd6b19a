"""The Cash screen by keyboard alone, from the main window's Cash menu; one letter, one control."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from boxoffice.devices.base import DeviceKind
from boxoffice.devices.registry import DeviceConfig, DeviceRegistry
from boxoffice.money import Money
from boxoffice.shifts import close, drawer
from boxoffice.store import open_store
from boxoffice.ui.common.workers import StoreWorker
from boxoffice.ui.qt import QApplication, QLineEdit, QPushButton, Qt
from boxoffice.ui.screens.cash.screen import CashScreen
from boxoffice.ui.screens.cash.slip_jobs import ReceiptPrinterRoute
from tests.sales.conftest import _template  # noqa: F401
from tests.ui.cash_helpers import (
    CashWorld,
    cash_world,
    focused,
    make_screen,
    mnemonics,
    open_shift,
    press,
    settle,
    worker,
)
from tests.ui.conftest import STORE_WAIT_MS

__all__ = ["cash_world", "worker"]

ALT = Qt.KeyboardModifier.AltModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def _type(qtbot: QtBot, text: str) -> None:
    qtbot.keyClicks(focused(), text)


def test_open_to_close_by_keyboard_from_the_main_window(qtbot: QtBot, client) -> None:  # type: ignore[no-untyped-def]
    login = client.login
    qtbot.keyClicks(login.username, "clara")
    qtbot.keyClicks(login.pin, "1111")
    qtbot.keyClick(login.pin, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: client.main_window is not None, timeout=STORE_WAIT_MS)
    window = client.main_window
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=STORE_WAIT_MS)

    qtbot.keyClick(window, Qt.Key.Key_D, CTRL_SHIFT)  # Cash ▸ Drawer
    qtbot.waitUntil(lambda: window.cash_screen is not None, timeout=STORE_WAIT_MS)
    screen: CashScreen = window.cash_screen
    qtbot.waitUntil(lambda: screen.desk is not None, timeout=STORE_WAIT_MS)
    settle(qtbot, screen, window.worker)
    screen.activateWindow()
    qtbot.waitUntil(screen.isActiveWindow, timeout=STORE_WAIT_MS)
    count = screen.drawer_page.float_count
    qtbot.waitUntil(lambda: focused() is count.first_field(), timeout=STORE_WAIT_MS)
    for _ in range(3):  # €500, €200, €100: none
        press(qtbot, Qt.Key.Key_Return)
    _type(qtbot, "2")  # 2 × €50
    press(qtbot, Qt.Key.Key_Down)
    _type(qtbot, "5")  # 5 × €20
    press(qtbot, Qt.Key.Key_Up)
    assert focused() is count.fields[5000]
    assert count.total_label.text() == "Total: €200.00"
    with qtbot.waitSignal(screen.deskShown, timeout=STORE_WAIT_MS):
        press(qtbot, Qt.Key.Key_O, ALT)  # &Open shift
    settle(qtbot, screen, window.worker)
    assert screen.message.text() == "Shift opened with a float of €200.00."
    assert focused() is screen.drawer_page.amount

    _type(qtbot, "25")
    press(qtbot, Qt.Key.Key_F, ALT)  # Drop to sa&fe
    qtbot.waitUntil(lambda: "recorded" in screen.message.text(), timeout=STORE_WAIT_MS)
    settle(qtbot, screen, window.worker)

    press(qtbot, Qt.Key.Key_L, ALT)  # C&lose shift
    page = screen.close_page
    qtbot.waitUntil(lambda: focused() is page.counts["EUR"].first_field(), timeout=STORE_WAIT_MS)
    for _ in range(3):
        press(qtbot, Qt.Key.Key_Return)
    _type(qtbot, "2")
    press(qtbot, Qt.Key.Key_Return)
    _type(qtbot, "3")  # 2 × €50 + 3 × €20 = €160: the drop was 25, so 15.00 short
    press(qtbot, Qt.Key.Key_Return)
    press(qtbot, Qt.Key.Key_Return)  # no €10 notes
    _type(qtbot, "3")  # + 3 × €5 = €175.00: exactly what is left
    assert page.counts["EUR"].total_label.text() == "Total: €175.00"
    press(qtbot, Qt.Key.Key_C, ALT)  # &Close shift
    qtbot.waitUntil(lambda: screen.confirm_box is not None, timeout=STORE_WAIT_MS)
    qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), QPushButton))
    press(qtbot, Qt.Key.Key_Return)  # the default: Close shift
    qtbot.waitUntil(lambda: page.z is not None or screen.busy() is False, timeout=STORE_WAIT_MS)
    settle(qtbot, screen, window.worker)
    assert page.z is not None, screen.message.text()
    (cash,) = page.z.content["reconciliation"][:1]
    assert (cash["expected"], cash["counted"], cash["variance"]) == (17500, 17500, 0)
    assert page.z.content["signoff"] is None
    store = open_store(client.options.db)
    try:
        with store.read() as s:
            stored = close.z_report(s, shift_id=page.z.content["shift"])
            assert close.content_of(stored) == page.z.content
    finally:
        store.dispose()
    press(qtbot, Qt.Key.Key_Escape)  # back to selling
    qtbot.waitUntil(lambda: not screen.isVisible(), timeout=STORE_WAIT_MS)


def test_every_shortcut_letter_on_the_cash_screen_is_used_once(
    qtbot: QtBot, app, worker: StoreWorker, cash_world: CashWorld
) -> None:
    """Alt+letter must reach exactly one control, or the keyboard user cycles between two."""
    open_shift(cash_world, cash_world.supervisor)
    # A receipt printer is set up (never started here): its slip buttons have letters too.
    receipt = DeviceConfig("Receipt", DeviceKind.RECEIPT_PRINTER, "escpos", {"host": "127.0.0.1"})
    route = ReceiptPrinterRoute(DeviceRegistry([receipt]))
    screen = make_screen(qtbot, worker, cash_world.supervisor, receipt_printer=route)
    assert screen.slip_button.isVisible() and screen.reprint_button.isVisible()
    screen.show_page("close")  # builds the count rows
    settle(qtbot, screen, worker)
    letters = mnemonics(screen)
    assert len(letters) >= 21
    assert len(letters) == len(set(letters)), " ".join(sorted(letters))


def test_the_override_dialog_has_its_own_unique_letters(
    qtbot: QtBot, app, worker: StoreWorker, cash_world: CashWorld
) -> None:
    open_shift(cash_world, cash_world.clerk)
    with cash_world.store.write() as s:  # the drawer holds enough for the pay-out
        drawer.pay_in(s, cash_world.clerk, Money(50000, "EUR"), reason="from the safe")
    screen = make_screen(qtbot, worker, cash_world.clerk)
    screen.drawer_page.amount.setText("500")
    screen.drawer_page.reason.setText("artist fee")
    screen.drawer_page.pay_out_button.click()
    qtbot.waitUntil(lambda: screen.override_dialog is not None, timeout=STORE_WAIT_MS)
    dialog = screen.override_dialog
    letters = mnemonics(dialog)
    assert sorted(letters) == ["a", "p", "r", "s"]
    assert isinstance(focused(), QLineEdit) and focused() is dialog.supervisor
