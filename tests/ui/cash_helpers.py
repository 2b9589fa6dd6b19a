"""Fixtures and helpers for the Cash screen tests: a small box office with no shift open.

The sales tests' template (the Lyceum in EUR, clerk ann PIN 1234, supervisor
sue PIN 2468) plus a door user (dee, no cash rights). Unlike the sales
``world``, nobody has a shift open: opening one is what the screen is for.
Every store call the tests make to arrange or check is a service call.

The receipt printer is real as far as the client can tell: a TCP listener on
a local port speaking ESC/POS status (``tests/devices/printer_sim.py``),
configured in the store's device settings, so the registry builds a real
print queue for it.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QTabBar
from pytestqt.qtbot import QtBot
from sqlalchemy import select, text

from boxoffice.actor import Actor, system_actor
from boxoffice.auth import users
from boxoffice.bus import EventBus
from boxoffice.clock import utc_now
from boxoffice.context import TerminalContext
from boxoffice.devices import registry as device_registry
from boxoffice.devices.base import DeviceKind
from boxoffice.devices.printing import escpos_preview
from boxoffice.devices.registry import DeviceConfig, DeviceRegistry
from boxoffice.money import Money
from boxoffice.ops import devices as device_ops
from boxoffice.sales import checkout
from boxoffice.sales.cart import Cart, CartItem
from boxoffice.sales.signer import Signer, open_signer, register
from boxoffice.shifts import drawer, figures
from boxoffice.store import Store, open_store
from boxoffice.store.models import Seat, User
from boxoffice.ui.common.workers import StoreWorker
from boxoffice.ui.qt import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    Qt,
    QTableWidget,
    QWidget,
)
from boxoffice.ui.screens.cash.screen import CashScreen
from boxoffice.ui.screens.cash.slip_jobs import ReceiptPrinterRoute
from tests.devices.printer_sim import PrinterSim
from tests.sales.conftest import TERMINAL
from tests.ui.conftest import STORE_WAIT_MS

#: Counted into every drawer the tests open through the services: 100.00 EUR.
FLOAT = {"EUR": {2000: 2, 1000: 3, 500: 4, 200: 2, 100: 2, 50: 4, 10: 20}}
FLOAT_TOTAL = 10000


@dataclass
class CashWorld:
    store: Store
    signer: Signer
    clerk: Actor  # ann
    supervisor: Actor  # sue
    door: Actor  # dee
    seats: dict[str, int]
    #: The terminal's bus: the worker's context and the printers' reports share it, as in
    #: the client (``ops.session.start_terminal``).
    bus: EventBus = field(default_factory=EventBus)


@pytest.fixture
def cash_world(_template: Path, tmp_path: Path) -> Iterator[CashWorld]:
    path = tmp_path / "boxoffice.sqlite3"
    shutil.copy(_template, path)
    store = open_store(path)
    signer = open_signer(path)
    with store.write() as s:
        register(s, signer, TERMINAL)
        users.create_user(s, system_actor("setup"), "dee", "door", "3333", display_name="Dee")
        ids = {u.username: u.id for u in s.scalars(select(User))}
        seats = dict(s.execute(select(Seat.guid, Seat.id)).all())
    yield CashWorld(
        store=store,
        signer=signer,
        clerk=Actor(ids["ann"], "ann", TERMINAL),
        supervisor=Actor(ids["sue"], "sue", TERMINAL),
        door=Actor(ids["dee"], "dee", TERMINAL),
        seats=seats,
    )
    store.dispose()


def eur(amount: str) -> Money:
    return Money.of(amount, "EUR")


def open_shift(world: CashWorld, actor: Actor) -> int:
    with world.store.write() as s:
        return drawer.open_shift(s, actor, FLOAT).id


def sell_cash(world: CashWorld, actor: Actor, *guids: str) -> int:
    """A cash sale of adult seats; returns the order total in minor units."""
    cart = Cart([CartItem(1, "adult", seat_id=world.seats[g]) for g in guids])
    with world.store.write() as s:
        total = checkout.quote(s, cart, now=utc_now()).priced.total
        checkout.sell(s, actor, cart, [checkout.Cash(total)], world.signer)
    return total.minor


def expected_cash(world: CashWorld, shift_id: int) -> int:
    """What the service says the drawer should hold (the figure the count must not see)."""
    with world.store.read() as s:
        shift = drawer.get_shift(s, shift_id)
        return figures.compute(s, shift, utc_now()).expected("cash", "EUR")


WATCHED = ("shifts", "shift_counts", "cash_movements", "card_batch_totals", "z_reports",
           "audit_log", "overrides")  # fmt: skip


def snapshot(world: CashWorld) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of the tables a refused cash action must leave as they were."""
    with world.store.read() as s:
        return {
            t: [tuple(r) for r in s.execute(text(f"SELECT * FROM {t} ORDER BY 1"))] for t in WATCHED
        }


@pytest.fixture
def worker(cash_world: CashWorld) -> Iterator[StoreWorker]:
    w = StoreWorker(lambda: cash_world.store)
    # The terminal's one context, as the shell sets it once the terminal has started.
    w.context = TerminalContext(cash_world.store, TERMINAL, bus=cash_world.bus)
    yield w
    w.shutdown()


@pytest.fixture
def printer_sim() -> Iterator[PrinterSim]:
    """A network receipt printer with paper in (answers ``DLE EOT 4`` with 0x12)."""
    sim = PrinterSim("escpos", paper=0x12)
    yield sim
    sim.close()


def add_receipt_printer(world: CashWorld, port: int, name: str = "Receipt") -> None:
    """Set up an ESC/POS network receipt printer at 127.0.0.1:``port`` for this terminal."""
    config = DeviceConfig(
        name, DeviceKind.RECEIPT_PRINTER, "escpos", {"host": "127.0.0.1", "port": port}
    )
    with world.store.write() as s:
        device_registry.save_config(s, system_actor("setup"), config)


@pytest.fixture
def devices(cash_world: CashWorld) -> Iterator[list[DeviceRegistry]]:
    """Registries made by ``open_devices``; closed (threads stopped) after the test."""
    made: list[DeviceRegistry] = []
    yield made
    for registry in made:
        registry.close()


CUT = b"\x1dV\x00"  # GS V 0: full cut, the end of every ESC/POS slip


def printed_slips(sim: PrinterSim) -> list[list[str]]:
    """The text lines of every whole slip the printer received, drawn as it would print them."""
    data = bytes(sim.received)
    slips = []
    for chunk in data.split(CUT)[:-1]:
        body = chunk[chunk.index(b"\x1b@") :]  # after the status queries: ESC @ starts a job
        slips.append(escpos_preview.render(body + CUT).texts)
    return slips


def open_devices(world: CashWorld, made: list[DeviceRegistry]) -> ReceiptPrinterRoute:
    """This terminal's devices as the client loads them, as the Cash screen's printer route."""
    # As the client's first store job does: printers log through the print-log op.
    registry = device_ops.open_devices(TerminalContext(world.store, TERMINAL, bus=world.bus))
    made.append(registry)
    return ReceiptPrinterRoute(registry)


def make_screen(qtbot: QtBot, worker: StoreWorker, actor: Actor, **kwargs: Any) -> CashScreen:
    """A Cash screen shown, active, with its first desk loaded."""
    screen = CashScreen(worker, actor, **kwargs)
    qtbot.addWidget(screen)
    with qtbot.waitSignal(screen.deskShown, timeout=STORE_WAIT_MS):
        screen.show()
    qtbot.waitExposed(screen)
    screen.activateWindow()
    qtbot.waitUntil(screen.isActiveWindow, timeout=STORE_WAIT_MS)
    return screen


def settle(qtbot: QtBot, screen: CashScreen, worker: StoreWorker) -> None:
    """Wait until the screen's step and every store job it queued are done."""
    qtbot.waitUntil(lambda: not screen.busy() and worker.pending() == 0, timeout=STORE_WAIT_MS)


def type_count(qtbot: QtBot, widget: Any, quantities: dict[int, int]) -> None:
    for denomination, quantity in quantities.items():
        field = widget.fields[denomination]
        field.clear()
        qtbot.keyClicks(field, str(quantity))


def all_texts(root: QWidget) -> list[str]:
    """Every text a person could read in ``root``'s widget tree (shown or on another tab)."""
    out = [root.windowTitle()]
    for widget in [root, *root.findChildren(QWidget)]:
        out += [widget.toolTip(), widget.accessibleName()]
        if isinstance(widget, QLabel | QAbstractButton | QLineEdit):
            out.append(widget.text())
            if isinstance(widget, QLineEdit):
                out.append(widget.placeholderText())
        if isinstance(widget, QGroupBox):
            out.append(widget.title())
        if isinstance(widget, QComboBox):
            out += [widget.itemText(i) for i in range(widget.count())]
        if isinstance(widget, QTableWidget):
            for r in range(widget.rowCount()):
                for c in range(widget.columnCount()):
                    item = widget.item(r, c)
                    if item is not None:
                        out.append(item.text())
            for c in range(widget.columnCount()):
                header = widget.horizontalHeaderItem(c)
                if header is not None:
                    out.append(header.text())
    for bar in root.findChildren(QTabBar):
        out += [bar.tabText(i) for i in range(bar.count())]
    return [t for t in out if t]


def mnemonics(root: QWidget) -> list[str]:
    """The Alt+letter of every button, label, group box and tab in ``root``."""
    texts: list[str] = []
    for widget in root.findChildren(QAbstractButton) + root.findChildren(QLabel):
        texts.append(widget.text())
    texts += [g.title() for g in root.findChildren(QGroupBox)]
    for bar in root.findChildren(QTabBar):
        texts += [bar.tabText(i) for i in range(bar.count())]
    letters = []
    for t in texts:
        found = re.search(r"&([^&])", t.replace("&&", ""))
        if found:
            letters.append(found.group(1).lower())
    return letters


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def press(qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier | None = None) -> None:
    """A key press where the keyboard focus is, as a person at the till would type."""
    if modifier is None:
        qtbot.keyClick(focused(), key)
    else:
        qtbot.keyClick(focused(), key, modifier)
