"""The status-bar sync indicator shows what the worker says, and tells offline apart."""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

from boxoffice.sync.status import SyncStatus
from boxoffice.ui.app import create_app
from boxoffice.ui.qt import QMainWindow, QWidget
from boxoffice.ui.widgets.sync_status import SyncStatusIndicator

SHOTS = Path(os.environ.get("BOXOFFICE_SHOTS", "/tmp/sync"))


@pytest.fixture(autouse=True)
def styled(qapp):  # type: ignore[no-untyped-def]
    """Our style sheet, as the client has it (colours say online/offline/conflict)."""
    application = create_app("en")
    yield application
    create_app("en")


def _window(qtbot, indicator: QWidget) -> QMainWindow:
    window = QMainWindow()
    window.setCentralWidget(QWidget())
    window.statusBar().addPermanentWidget(indicator)
    window.resize(900, 120)
    qtbot.addWidget(window)
    window.show()
    return window


def test_indicator_follows_the_worker_state(qtbot) -> None:
    current = {"status": SyncStatus(configured=True, online=True, waiting=0)}
    indicator = SyncStatusIndicator(lambda: current["status"], poll_ms=20)
    window = _window(qtbot, indicator)
    assert indicator.state == "online"
    assert indicator.text().startswith("● Online")
    assert "0 waiting" in indicator.text()
    assert "never in contact" in indicator.text()

    contact = datetime.now(UTC).replace(microsecond=0)
    current["status"] = SyncStatus(
        configured=True,
        online=False,
        waiting=12,
        last_contact=contact,
        last_error="no answer from https://box:8765 (ConnectError)",
    )
    qtbot.waitUntil(lambda: indicator.state == "offline", timeout=2000)
    assert "Offline" in indicator.text() and "12 waiting" in indicator.text()
    assert contact.astimezone().strftime("%H:%M:%S") in indicator.text()
    assert "allocation" in indicator.toolTip()
    assert "ConnectError" in indicator.toolTip()
    SHOTS.mkdir(parents=True, exist_ok=True)
    qtbot.wait(50)  # let the status bar lay out the longer text
    window.grab().save(str(SHOTS / "sync-offline.png"))

    current["status"] = SyncStatus(
        configured=True, online=True, waiting=0, conflicts=2, last_contact=contact
    )
    qtbot.waitUntil(lambda: indicator.state == "conflict", timeout=2000)
    assert "2 conflict(s)" in indicator.text()
    assert "supervisor" in indicator.toolTip()
    qtbot.wait(50)
    window.grab().save(str(SHOTS / "sync-conflict.png"))


def test_without_a_server_it_says_the_terminal_works_alone(qtbot) -> None:
    indicator = SyncStatusIndicator(None)
    window = _window(qtbot, indicator)
    assert window.isVisible()
    assert indicator.state == "local"
    assert "working locally" in indicator.text()


def test_indicator_speaks_chinese(qtbot) -> None:
    create_app("zh_CN")
    status = SyncStatus(configured=True, online=False, waiting=3)
    indicator = SyncStatusIndicator(lambda: status)
    window = _window(qtbot, indicator)
    assert "离线" in indicator.text() and "3 项待发送" in indicator.text()
    qtbot.wait(50)
    window.grab().save(str(SHOTS / "sync-offline-zh.png"))


def test_the_main_window_status_bar_shows_the_worker_state(qtbot, world) -> None:  # type: ignore[no-untyped-def]
    import gc

    from boxoffice.seatmaps.view_model import SignedInUser
    from boxoffice.ui.main_window import MainWindow
    from boxoffice.ui.workers import MainThreadGarbageCollector, StoreWorker

    # As the client does: Python's cycle collector only on the UI thread, so no
    # widget of this test is freed from the store worker's thread later on.
    collector = MainThreadGarbageCollector()
    status = {"now": SyncStatus(configured=True, online=False, waiting=2)}
    worker = StoreWorker(lambda: world.store)
    window = MainWindow(
        worker,
        world.clerk,
        SignedInUser("ann", "Ann Clerk", "clerk"),
        "Window 1",
        sync_status=lambda: status["now"],
    )
    qtbot.addWidget(window)
    window.show()
    try:
        qtbot.waitUntil(lambda: window.shown_performance() is not None, timeout=15_000)
        assert window.sync_label.state == "offline"
        assert "2 waiting" in window.sync_label.text()
        window.grab().save(str(SHOTS / "main-window-offline.png"))
        status["now"] = SyncStatus(configured=True, online=True, waiting=0)
        qtbot.waitUntil(lambda: window.sync_label.state == "online", timeout=3000)
    finally:
        window.close_for_logout()
        worker.shutdown()
        window.deleteLater()
        worker.deleteLater()
        qtbot.wait(50)
        gc.collect()
        collector.stop()
