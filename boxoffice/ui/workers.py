"""Store work off the UI thread: one serial background executor, results as signals.

Anki's habit: every database call runs on one background thread, in order,
and hands back plain data. A 20,000-seat load or an argon2 PIN check then
never freezes the window, and two jobs never fight over SQLite's write lock.
The store itself is opened on that thread too (imports, migrations), so the
login screen can paint before SQLAlchemy is even imported.
"""

from __future__ import annotations

import gc
import logging
import traceback
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from boxoffice.ui.qt import QObject, QRunnable, QThreadPool, QTimer, Signal, Slot

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from boxoffice.store import Store

log = logging.getLogger(__name__)

Done = Callable[[Any], None]
Failed = Callable[[BaseException], None]


class _Job(QRunnable):
    def __init__(self, worker: StoreWorker, number: int, fn: Callable[[], Any]) -> None:
        super().__init__()
        self._worker = worker
        self._number = number
        self._fn: Callable[[], Any] | None = fn

    def run(self) -> None:
        fn, self._fn = self._fn, None
        assert fn is not None
        try:
            result, error = fn(), None
        except BaseException as exc:
            result, error = None, exc
            if not _is_expected(exc):
                log.error("store job failed:\n%s", "".join(traceback.format_exception(exc)))
        # The job's closure goes back with the result, so its last reference
        # (often to a window) is dropped on the UI thread: a Qt object must
        # never be destroyed on this one.
        self._worker.finished.emit(self._number, result, (error, fn))
        del fn


def _is_expected(exc: BaseException) -> bool:
    from boxoffice.errors import BoxOfficeError

    return isinstance(exc, BoxOfficeError)


class StoreWorker(QObject):
    """Opens the store lazily and runs jobs against it one at a time, in order.

    ``read(fn, done)`` runs ``fn(session)`` in a read session; ``call(fn,
    done)`` runs ``fn(store)`` (for services that own their transaction, such
    as ``auth.login``). ``done(result)`` or ``failed(exc)`` is then called on
    the UI thread.
    """

    finished = Signal(int, object, object)  # job number, result, (exception, job)
    busyChanged = Signal(bool)
    #: A job may emit this (from the worker thread) to say what it is doing now.
    progress = Signal(str)

    def __init__(self, opener: Callable[[], Store], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._opener = opener
        self._store: Store | None = None
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)  # serial: one job at a time, in order
        self._pool.setExpiryTimeout(-1)  # keep the one thread (and its connections)
        self._callbacks: dict[int, tuple[Done | None, Failed | None]] = {}
        self._next = 0
        self.finished.connect(self._deliver)

    # -- submitting ----------------------------------------------------------
    def store(self) -> Store:
        """The open store; call only from a job (opens it on first use)."""
        if self._store is None:
            self._store = self._opener()
        return self._store

    def call(
        self, fn: Callable[[Store], Any], done: Done | None = None, failed: Failed | None = None
    ) -> int:
        """Run ``fn(store)`` in the background; returns the job number."""
        return self._submit(lambda: fn(self.store()), done, failed)

    def read(
        self, fn: Callable[[Session], Any], done: Done | None = None, failed: Failed | None = None
    ) -> int:
        """Run ``fn(session)`` in a read-only session in the background."""

        def job() -> Any:
            with self.store().read() as session:
                return fn(session)

        return self._submit(job, done, failed)

    def _submit(self, fn: Callable[[], Any], done: Done | None, failed: Failed | None) -> int:
        self._next += 1
        number = self._next
        self._callbacks[number] = (done, failed)
        if len(self._callbacks) == 1:
            self.busyChanged.emit(True)
        self._pool.start(_Job(self, number, fn))
        return number

    def pending(self) -> int:
        return len(self._callbacks)

    # -- results (UI thread) -------------------------------------------------
    @Slot(int, object, object)
    def _deliver(self, number: int, result: Any, outcome: tuple[BaseException | None, Any]) -> None:
        error = outcome[0]
        done, failed = self._callbacks.pop(number, (None, None))
        if not self._callbacks:
            self.busyChanged.emit(False)
        if error is None:
            if done is not None:
                done(result)
        elif failed is not None:
            failed(error)
        else:
            log.error("unhandled store job error: %s", error)

    def shutdown(self, timeout_ms: int = 10_000) -> None:
        """Let running jobs finish, then close the store (at quit or log out of the app)."""
        self._pool.clear()
        self._pool.waitForDone(timeout_ms)
        if self._store is not None:
            self._store.dispose()
            self._store = None


class MainThreadGarbageCollector(QObject):
    """Run Python's cycle collector on the UI thread only.

    Left automatic, the collector runs in whichever thread happens to
    allocate — often the store worker — and freeing a cycle that holds a Qt
    widget there crashes Qt. Anki and calibre solve it the same way: turn
    automatic collection off and collect from a timer on the UI thread.
    """

    def __init__(self, parent: QObject | None = None, interval_ms: int = 500) -> None:
        super().__init__(parent)
        self._was_enabled = gc.isenabled()
        self._threshold = gc.get_threshold()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.check)
        self._timer.start(interval_ms)

    def check(self) -> None:
        counts = gc.get_count()
        if counts[0] > self._threshold[0]:
            generation = 0
            if counts[1] > self._threshold[1]:
                generation = 2 if counts[2] > self._threshold[2] else 1
            gc.collect(generation)

    def stop(self) -> None:
        """Collect now and hand collection back to Python (tests, shutdown)."""
        self._timer.stop()
        gc.collect()
        if self._was_enabled:
            gc.enable()
