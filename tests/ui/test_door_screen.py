"""The door screen with a real store worker: scan, see the verdict, scan the next."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import re
from collections.abc import Iterator

import pytest

from boxoffice.bus import ChangeSet
from boxoffice.context import TerminalContext
from boxoffice.store import open_store
from boxoffice.ui.common.workers import StoreWorker
from boxoffice.ui.qt import QApplication, Qt
from boxoffice.ui.screens.door import COLOURS, DoorScreen
from boxoffice.ui.shell.app import install_translations
from tests.checkin.conftest import DoorWorld, dw, tonight  # noqa: F401
from tests.sales.conftest import _template, world  # noqa: F401
from tests.screenshots import screenshot_dir
from tests.ui.conftest import STORE_WAIT_MS

SHOTS = screenshot_dir("door")
ENGLISH_WORDS = re.compile(r"\b(?:ticket|admitted|door|order|scan|barcode|the)\b", re.I)


def _screen(qtbot, world_at_door: DoorWorld, perf: int, lang: str) -> Iterator[DoorScreen]:  # type: ignore[no-untyped-def]
    translators = install_translations(QApplication.instance(), lang)  # type: ignore[arg-type]
    store = world_at_door.world.store
    ctx = TerminalContext(store, "Door 1", language=lang)
    worker = StoreWorker(lambda: open_store(store.path))
    widget = DoorScreen(ctx, worker, world_at_door.doorman, [perf], "Main door")
    qtbot.addWidget(widget)
    widget.resize(720, 560)
    widget.show()
    qtbot.waitUntil(lambda: widget.stats_label.text() != "", timeout=STORE_WAIT_MS)
    yield widget
    worker.shutdown()
    for translator in translators:
        QApplication.removeTranslator(translator)


@pytest.fixture
def screen(qtbot, dw: DoorWorld, tonight: tuple[int, list[str]]) -> Iterator[DoorScreen]:  # type: ignore[no-untyped-def]  # noqa: F811
    yield from _screen(qtbot, dw, tonight[0], "en")


@pytest.fixture
def screen_zh(qtbot, dw: DoorWorld, tonight: tuple[int, list[str]]) -> Iterator[DoorScreen]:  # type: ignore[no-untyped-def]  # noqa: F811
    yield from _screen(qtbot, dw, tonight[0], "zh_CN")


def _scan(qtbot, screen: DoorScreen, code: str) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(screen.verdictShown, timeout=STORE_WAIT_MS):
        qtbot.keyClicks(screen.scan_field, code)
        qtbot.keyClick(screen.scan_field, Qt.Key.Key_Return)


def test_a_scanner_typing_codes_gets_admit_then_already_in(  # type: ignore[no-untyped-def]
    qtbot,
    screen: DoorScreen,
    tonight: tuple[int, list[str]],  # noqa: F811
) -> None:
    _, codes = tonight
    assert screen.stats_label.text() == "Tonight's show: 0 of 2 admitted"  # read on opening
    _scan(qtbot, screen, codes[0])
    # The scan's change-set (checkins of this performance) makes the screen count again.
    qtbot.waitUntil(
        lambda: screen.stats_label.text() == "Tonight's show: 1 of 2 admitted",
        timeout=STORE_WAIT_MS,
    )
    assert screen.outcome_label.text() == "ADMIT"
    assert screen.panel.property("verdictKind") == "admit"
    assert screen.count_label.text() == "Inside now: 1"
    assert screen.scan_field.text() == "" and screen.scan_field.hasFocus()
    SHOTS.mkdir(exist_ok=True)
    screen.grab().save(str(SHOTS / "door-admit.png"))
    _scan(qtbot, screen, codes[0])
    assert screen.outcome_label.text() == "ALREADY IN"
    assert screen.last_verdict is not None
    assert screen.last_verdict.code == "checkin_already_admitted"
    assert screen.panel.property("verdictKind") == "refuse"
    assert "Main door" in screen.reason_label.text()
    _scan(qtbot, screen, "hello there")
    assert screen.outcome_label.text() == "NOT A TICKET"
    screen.grab().save(str(SHOTS / "door-refuse.png"))
    assert screen.history.rowCount() == 3
    assert screen.history.item(2, 0).text() == "ADMIT"  # newest first
    assert COLOURS["refuse"] in screen.panel.styleSheet()


def test_counts_follow_other_doors_through_the_bus_not_a_timer(  # type: ignore[no-untyped-def]
    qtbot,
    screen: DoorScreen,
    dw: DoorWorld,  # noqa: F811
    tonight: tuple[int, list[str]],  # noqa: F811
) -> None:
    perf, codes = tonight
    other = dw.door(perf, name="South door")
    other.scan(codes[1])  # another door of this terminal, outside the screen
    assert screen.stats_label.text() == "Tonight's show: 0 of 2 admitted"  # nothing polls
    with qtbot.waitSignal(screen.statsShown, timeout=STORE_WAIT_MS):
        screen._ctx.bus.publish(ChangeSet.of(checkins=[perf]))
    assert screen.stats_label.text() == "Tonight's show: 1 of 2 admitted"
    with qtbot.assertNotEmitted(screen.statsShown, wait=200):
        screen._ctx.bus.publish(ChangeSet.of(checkins=[perf + 1000], sync=True))


def test_the_chinese_door_screen_shows_no_english_sentence(  # type: ignore[no-untyped-def]
    qtbot,
    screen_zh: DoorScreen,
    tonight: tuple[int, list[str]],  # noqa: F811
) -> None:
    _, codes = tonight
    screen = screen_zh
    _scan(qtbot, screen, codes[0])
    assert screen.outcome_label.text() == "准许入场"
    assert screen.reason_label.text().endswith("已检票入场")
    _scan(qtbot, screen, codes[0])
    assert screen.outcome_label.text() == "已入场"
    assert "“Main door”入口" in screen.reason_label.text()
    SHOTS.mkdir(exist_ok=True)
    screen.grab().save(str(SHOTS / "door-zh-already.png"))
    _scan(qtbot, screen, "hello there")
    screen.grab().save(str(SHOTS / "door-zh-refuse.png"))
    for row in range(screen.history.rowCount()):
        for column in (0, 2):
            # The door's and the terminal's names are data, not sentences.
            text = screen.history.item(row, column).text().replace("Main door", "")
            text = text.replace("Door 1", "")
            assert not ENGLISH_WORDS.search(text), text
    assert not ENGLISH_WORDS.search(screen.stats_label.text()), screen.stats_label.text()


def test_escape_clears_a_half_typed_code(qtbot, screen: DoorScreen) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(screen.scan_field, "BXAAA")
    qtbot.keyClick(screen.scan_field, Qt.Key.Key_Escape)
    assert screen.scan_field.text() == ""
    assert screen.outcome_label.text() == "Ready"
