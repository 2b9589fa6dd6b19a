"""The door screen with a real store worker: scan, see the verdict, scan the next."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from pathlib import Path

import pytest

from boxoffice.store import open_store
from boxoffice.ui.door_screen import COLOURS, DoorScreen
from boxoffice.ui.qt import Qt
from boxoffice.ui.workers import StoreWorker
from tests.checkin.conftest import DoorWorld, dw, tonight  # noqa: F401
from tests.sales.conftest import _template, world  # noqa: F401

SHOTS = Path("/tmp/door")


@pytest.fixture
def screen(qtbot, dw: DoorWorld, tonight: tuple[int, list[str]]) -> Iterator[DoorScreen]:  # type: ignore[no-untyped-def]  # noqa: F811
    perf, _ = tonight
    worker = StoreWorker(lambda: open_store(dw.world.store.path))
    widget = DoorScreen(worker, dw.doorman, [perf], "Main door")
    qtbot.addWidget(widget)
    widget.resize(720, 560)
    widget.show()
    yield widget
    worker.shutdown()


def _scan(qtbot, screen: DoorScreen, code: str) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(screen.verdictShown, timeout=10_000):
        qtbot.keyClicks(screen.scan_field, code)
        qtbot.keyClick(screen.scan_field, Qt.Key.Key_Return)


def test_a_scanner_typing_codes_gets_admit_then_already_in(  # type: ignore[no-untyped-def]
    qtbot,
    screen: DoorScreen,
    tonight: tuple[int, list[str]],  # noqa: F811
) -> None:
    _, codes = tonight
    with qtbot.waitSignal(screen.statsShown, timeout=10_000):
        _scan(qtbot, screen, codes[0])
    assert screen.outcome_label.text() == "ADMIT"
    assert screen.stats_label.text() == "Tonight's show: 1 of 2 admitted"
    assert screen.panel.property("verdictKind") == "admit"
    assert screen.count_label.text() == "Inside now: 1"
    assert screen.scan_field.text() == "" and screen.scan_field.hasFocus()
    SHOTS.mkdir(exist_ok=True)
    screen.grab().save(str(SHOTS / "door-admit.png"))
    _scan(qtbot, screen, codes[0])
    assert screen.outcome_label.text() == "ALREADY IN"
    assert screen.panel.property("verdictKind") == "refuse"
    assert "Main door" in screen.reason_label.text()
    _scan(qtbot, screen, "hello there")
    assert screen.outcome_label.text() == "NOT A TICKET"
    screen.grab().save(str(SHOTS / "door-refuse.png"))
    assert screen.history.rowCount() == 3
    assert screen.history.item(2, 0).text() == "ADMIT"  # newest first
    assert COLOURS["refuse"] in screen.panel.styleSheet()


def test_escape_clears_a_half_typed_code(qtbot, screen: DoorScreen) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(screen.scan_field, "BXAAA")
    qtbot.keyClick(screen.scan_field, Qt.Key.Key_Escape)
    assert screen.scan_field.text() == ""
    assert screen.outcome_label.text() == "Ready"
