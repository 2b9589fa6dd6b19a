"""The store worker when windows close under it: no crash, no call into a dead window.

Each test holds a job on the worker thread with an event, so the race that
made the suite flaky ("Signal source has been deleted") happens every time.
"""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from sqlalchemy import text

from boxoffice.store import open_store
from boxoffice.ui.common.workers import StoreWorker
from boxoffice.ui.qt import QObject, QWidget

WAIT_S = 30  # generous: the CI machine is a loaded 2-core box


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    path = tmp_path / "worker.sqlite3"
    open_store(path).dispose()  # migrate once, outside the timed parts
    return path


def _held_job(started: threading.Event, release: threading.Event):  # type: ignore[no-untyped-def]
    def job(session):  # type: ignore[no-untyped-def]
        started.set()
        assert release.wait(WAIT_S), "the test never released the job"
        return session.execute(text("select 42")).scalar_one()

    return job


def test_deleting_the_owner_while_a_job_runs_neither_raises_nor_calls_back(
    qtbot, store_path: Path
) -> None:  # type: ignore[no-untyped-def]
    owner = QObject()
    worker = StoreWorker(lambda: open_store(store_path), owner)
    started, release = threading.Event(), threading.Event()
    results: list[object] = []
    worker.read(_held_job(started, release), results.append)
    assert started.wait(WAIT_S)
    # The job finishes while the owner (and the worker with it) is being deleted.
    threading.Timer(0.2, release.set).start()
    owner.deleteLater()
    qtbot.waitUntil(release.is_set, timeout=WAIT_S * 1000)
    qtbot.wait(300)  # let a stray result arrive, if one were coming
    assert results == []


def test_a_window_deleted_while_its_job_runs_is_not_called_back(qtbot, store_path: Path) -> None:  # type: ignore[no-untyped-def]
    worker = StoreWorker(lambda: open_store(store_path))
    window = QWidget()
    shown: list[object] = []

    def show(result: object) -> None:
        window.setWindowTitle(str(result))  # raises if the window is gone
        shown.append(result)

    started, release = threading.Event(), threading.Event()
    worker.read(_held_job(started, release), show)
    worker.read(lambda session: "still here", shown.append)  # not owned by the window
    assert started.wait(WAIT_S)
    window.deleteLater()
    qtbot.waitUntil(lambda: not _valid(window), timeout=WAIT_S * 1000)
    release.set()
    qtbot.waitUntil(lambda: worker.pending() == 0, timeout=WAIT_S * 1000)
    assert shown == ["still here"]
    worker.shutdown()


def test_shutdown_waits_for_the_running_job_and_runs_nothing_after(qtbot, store_path: Path) -> None:  # type: ignore[no-untyped-def]
    worker = StoreWorker(lambda: open_store(store_path))
    started, release = threading.Event(), threading.Event()
    ran: list[str] = []

    def queued(session):  # type: ignore[no-untyped-def]
        ran.append("queued")

    worker.read(_held_job(started, release))
    worker.read(queued)
    assert started.wait(WAIT_S)
    threading.Timer(0.3, release.set).start()
    worker.shutdown()
    assert release.is_set(), "shutdown returned before the running job finished"
    assert worker.closed and worker.pending() == 0
    worker.read(lambda session: ran.append("late"))
    qtbot.wait(300)
    assert ran == [], "queued and late jobs never touch the closed store"
    assert worker.pending() == 0


def _valid(obj: QObject) -> bool:
    from shiboken6 import isValid

    return isValid(obj)


def test_run_hands_jobs_the_terminal_context(qtbot, store_path: Path) -> None:  # type: ignore[no-untyped-def]
    from boxoffice.context import TerminalContext

    worker = StoreWorker(lambda: open_store(store_path))
    seen: list[object] = []
    try:
        # Not given one (a screen tested alone): a bare context on the worker's store, made once.
        worker.run(lambda ctx: (ctx.terminal, ctx.store is worker.store()), seen.append)
        qtbot.waitUntil(lambda: len(seen) == 1, timeout=WAIT_S * 1000)
        assert seen[0] == ("", True)
        bare = worker.context
        worker.run(lambda ctx: ctx is bare, seen.append)
        qtbot.waitUntil(lambda: len(seen) == 2, timeout=WAIT_S * 1000)
        assert seen[1] is True
        assert bare is not None
        worker.context = TerminalContext(store=bare.store, terminal="Window 3")
        worker.run(lambda ctx: ctx.terminal, seen.append)
        qtbot.waitUntil(lambda: len(seen) == 3, timeout=WAIT_S * 1000)
        assert seen[2] == "Window 3"
    finally:
        worker.shutdown()


def test_post_from_a_device_thread_runs_on_the_store_worker_in_order(
    qtbot, store_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """A printer's thread posts its print-log write: it runs as a store job, after earlier ones."""
    worker = StoreWorker(lambda: open_store(store_path))
    ran: list[tuple[str, str]] = []
    started, release = threading.Event(), threading.Event()
    held = _held_job(started, release)

    def first(session):  # type: ignore[no-untyped-def]
        held(session)
        ran.append(("read", ""))  # on the store thread, like the posted job

    worker.read(first)
    assert started.wait(WAIT_S)
    store_thread = threading.Event()

    def log_entry() -> None:
        ran.append(("posted", threading.current_thread().name))
        store_thread.set()

    printer = threading.Thread(target=worker.post, args=(log_entry,), name="print:Receipt")
    printer.start()
    printer.join(WAIT_S)
    qtbot.waitUntil(lambda: worker.pending() == 2, timeout=WAIT_S * 1000)  # queued behind
    release.set()
    qtbot.waitUntil(lambda: worker.pending() == 0 and len(ran) == 2, timeout=WAIT_S * 1000)
    assert ran[0] == ("read", "")
    assert ran[1][0] == "posted"
    assert ran[1][1] not in ("print:Receipt", threading.main_thread().name)
    worker.shutdown()
    # After shutdown a post runs at once, on the caller's thread (devices finishing up).
    late: list[str] = []
    worker.post(lambda: late.append(threading.current_thread().name))
    assert late == [threading.main_thread().name]
