"""The status-bar sync indicator shows what the worker says, and tells offline apart."""

from __future__ import annotations

import os
from datetime import UTC, datetime

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

from boxoffice.bus import ChangeSet, EventBus
from boxoffice.sync.status import SyncStatus
from boxoffice.ui.common.bus_adapter import BusAdapter
from boxoffice.ui.qt import QMainWindow, QWidget
from boxoffice.ui.shell.app import create_app
from boxoffice.ui.widgets.sync_status import SyncStatusIndicator
from tests.screenshots import screenshot_dir

SHOTS = screenshot_dir("sync")


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
    bus = EventBus()
    current = {"status": SyncStatus(configured=True, online=True, waiting=0)}
    indicator = SyncStatusIndicator(lambda: current["status"], changes=BusAdapter(bus))
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
    bus.publish(ChangeSet(sync=True))  # as the sync worker does when its state changes
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
    bus.publish(ChangeSet(sync=True))
    qtbot.waitUntil(lambda: indicator.state == "conflict", timeout=2000)
    assert "2 conflict(s)" in indicator.text()
    assert "supervisor" in indicator.toolTip()
    qtbot.wait(50)
    window.grab().save(str(SHOTS / "sync-conflict.png"))


def test_it_does_not_poll_and_redraws_on_a_sync_change_set_from_any_thread(qtbot) -> None:
    import threading

    bus = EventBus()
    reads = []
    current = {"status": SyncStatus(configured=True, online=True)}

    def source() -> SyncStatus:
        reads.append(threading.get_ident())
        return current["status"]

    indicator = SyncStatusIndicator(source, changes=BusAdapter(bus))
    window = _window(qtbot, indicator)
    current["status"] = SyncStatus(configured=True, online=False, waiting=4)
    qtbot.wait(300)
    assert indicator.state == "online", "no timer reads the worker behind the bus's back"
    assert len(reads) == 1
    bus.publish(ChangeSet(orders=["u1"]))  # not about sync: nothing to read
    qtbot.wait(50)
    assert len(reads) == 1
    # The sync worker publishes from its own thread; the label is redrawn on the UI thread.
    publisher = threading.Thread(target=bus.publish, args=(ChangeSet(sync=True),))
    publisher.start()
    publisher.join()
    qtbot.waitUntil(lambda: indicator.state == "offline", timeout=2000)
    assert "4 waiting" in indicator.text()
    assert set(reads) == {threading.get_ident()}
    assert window.isVisible()


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

    from boxoffice.context import TerminalContext
    from boxoffice.ops.queries import SignedInUser
    from boxoffice.ui.common.workers import MainThreadGarbageCollector, StoreWorker
    from boxoffice.ui.shell.main_window import MainWindow

    # As the client does: Python's cycle collector only on the UI thread, so no
    # widget of this test is freed from the store worker's thread later on.
    collector = MainThreadGarbageCollector()
    status = {"now": SyncStatus(configured=True, online=False, waiting=2)}

    class Sync:  # what the window reads of the sync worker
        @property
        def status(self) -> SyncStatus:
            return status["now"]

    context = TerminalContext(store=world.store, terminal="Window 1", sync=Sync())
    worker = StoreWorker(lambda: world.store)
    worker.context = context
    window = MainWindow(worker, context, world.clerk, SignedInUser("ann", "Ann Clerk", "clerk"))
    qtbot.addWidget(window)
    window.show()
    try:
        qtbot.waitUntil(lambda: window.shown_performance() is not None, timeout=15_000)
        assert window.sync_label.state == "offline"
        assert "2 waiting" in window.sync_label.text()
        window.grab().save(str(SHOTS / "main-window-offline.png"))
        status["now"] = SyncStatus(configured=True, online=True, waiting=0)
        context.publish(ChangeSet(sync=True))
        qtbot.waitUntil(lambda: window.sync_label.state == "online", timeout=3000)
    finally:
        window.close_for_logout()
        worker.shutdown()
        window.deleteLater()
        worker.deleteLater()
        qtbot.wait(50)
        gc.collect()
        collector.stop()


def test_the_sync_worker_publishes_a_sync_change_set_when_its_state_changes(world) -> None:  # type: ignore[no-untyped-def]
    from boxoffice.sync.errors import ServerUnreachable
    from boxoffice.sync.worker import SyncWorker

    class Away:
        """A server that does not answer."""

        def health(self) -> None:
            raise ServerUnreachable(
                "sync_no_answer", server="https://box:8765", kind="ConnectError", reason="refused"
            )

        def push(self, operations):  # type: ignore[no-untyped-def]
            raise AssertionError("not reached")

        def pull(self, cursor, limit):  # type: ignore[no-untyped-def]
            raise AssertionError("not reached")

    bus = EventBus()
    heard: list[ChangeSet] = []
    bus.subscribe(heard.append)
    worker = SyncWorker(world.store, Away(), terminal="Window 1", bus=bus)
    heard.clear()  # whatever the first reading of the outbox said
    with pytest.raises(ServerUnreachable):
        worker.sync_once()
    assert heard == [ChangeSet(sync=True)]
    assert "ConnectError" in worker.status.last_error
    assert worker.status.error is not None and worker.status.error.code == "sync_no_answer"
    assert (
        worker.status.error_text("zh_CN") == "https://box:8765没有应答（ConnectError：refused）。"
    )
    with pytest.raises(ServerUnreachable):
        worker.sync_once()  # offline again, same error: nothing changed, nothing published
    assert heard == [ChangeSet(sync=True)]
