"""Store work off the UI thread: one serial background executor, results as signals.

Anki's habit: every database call runs on one background thread, in order,
and hands back plain data. A 20,000-seat load or an argon2 PIN check then
never freezes the window, and two jobs never fight over SQLite's write lock.
The store itself is opened on that thread too (imports, migrations), so the
login screen can paint before SQLAlchemy is even imported.
"""

from __future__ import annotations

import contextlib
import gc
import logging
import traceback
from collections.abc import Callable
from concurrent.futures import Future
from typing import TYPE_CHECKING, Any

from shiboken6 import isValid

from boxoffice.bus import EventBus
from boxoffice.ui.qt import (
    QCoreApplication,
    QEvent,
    QObject,
    QRunnable,
    QThreadPool,
    QTimer,
    Signal,
    Slot,
)

if TYPE_CHECKING:
    from boxoffice.context import TerminalContext
    from boxoffice.ops.session import Store

log = logging.getLogger(__name__)

Done = Callable[[Any], None]
Failed = Callable[[BaseException], None]


class _Relay(QObject):
    """Carries one job's result to the UI thread.

    The job emits on this object, not on the worker: the relay belongs to the
    job, so it cannot have been deleted under it (a worker deleted mid-job
    used to make the emit raise "Signal source has been deleted"). If the
    worker is gone, the queued result simply has no receiver.
    """

    finished = Signal(int, object, object)  # job number, result, (exception, job, relay)


class _Job(QRunnable):
    def __init__(self, worker: StoreWorker, number: int, fn: Callable[[], Any]) -> None:
        super().__init__()
        self._number = number
        self._fn: Callable[[], Any] | None = fn
        # Made on the UI thread, like the worker it reports to.
        self._relay: _Relay | None = _Relay()
        self._relay.finished.connect(worker._deliver)

    def run(self) -> None:
        fn, self._fn = self._fn, None
        relay, self._relay = self._relay, None
        assert fn is not None and relay is not None
        try:
            result, error = fn(), None
        except BaseException as exc:
            result, error = None, exc
            if not _is_expected(exc):
                log.error("store job failed:\n%s", "".join(traceback.format_exception(exc)))
        # The job's closure and the relay go back with the result, so their
        # last references (often to a window) are dropped on the UI thread:
        # a Qt object must never be destroyed on this one.
        relay.finished.emit(self._number, result, (error, fn, relay))
        del fn, relay


def _is_expected(exc: BaseException) -> bool:
    from boxoffice.errors import BoxOfficeError

    return isinstance(exc, BoxOfficeError)


class StoreWorker(QObject):
    """Opens the store lazily and runs jobs against it one at a time, in order.

    ``run(fn, done)`` runs ``fn(context)``: an op or a query on the
    terminal's context (``boxoffice.ops``), the way screens reach the core.
    ``call(fn, done)`` runs ``fn(store)`` and ``read(fn, done)`` runs
    ``fn(session)`` in a read session, for screens not yet moved onto ops.
    ``done(result)`` or ``failed(exc)`` is then called on the UI thread.
    """

    busyChanged = Signal(bool)
    #: A job may emit this (from the worker thread) to say what it is doing now.
    progress = Signal(str)
    #: ``post(fn)`` from any thread: queued to this object's (the UI) thread.
    _posted = Signal(object)

    def __init__(self, opener: Callable[[], Store], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._opener = opener
        self._store: Store | None = None
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)  # serial: one job at a time, in order
        self._pool.setExpiryTimeout(-1)  # keep the one thread (and its connections)
        self._callbacks: dict[int, tuple[Done | None, Failed | None]] = {}
        self._next = 0
        self._closed = False
        #: The terminal's context (set by the shell once the terminal has started).
        self.context: TerminalContext | None = None
        #: The bus of the bare context a worker without one makes (``terminal_context``).
        self._bare_bus = EventBus()
        # Qt queues an emission from another thread to this one: ``_submit`` and
        # the job table are only ever touched on the UI thread.
        self._posted.connect(self._run_posted)

    # -- submitting ----------------------------------------------------------
    def store(self) -> Store:
        """The open store; call only from a job (opens it on first use)."""
        if self._store is None:
            self._store = self._opener()
        return self._store

    def terminal_context(self) -> TerminalContext:
        """The context ops get; call only from a job.

        A worker that was not given one (a screen tested on its own) gets a
        bare context on its store, made once: no sync link, no devices.
        """
        if self.context is None:
            from boxoffice.context import TerminalContext

            self.context = TerminalContext(store=self.store(), terminal="", bus=self._bare_bus)
        return self.context

    @property
    def bus(self) -> EventBus:
        """The bus the jobs' ops publish on: the context's (a screen's adapter listens here).

        Readable on the UI thread before any job ran: a worker without a
        context yet names the bus its bare context will get.
        """
        return self.context.bus if self.context is not None else self._bare_bus

    def run(
        self,
        fn: Callable[[TerminalContext], Any],
        done: Done | None = None,
        failed: Failed | None = None,
    ) -> int:
        """Run ``fn(context)`` (an op or a query) in the background; returns the job number."""
        return self._submit(lambda: fn(self.terminal_context()), done, failed)

    def call(
        self, fn: Callable[[Store], Any], done: Done | None = None, failed: Failed | None = None
    ) -> int:
        """Run ``fn(store)`` in the background; returns the job number."""
        return self._submit(lambda: fn(self.store()), done, failed)

    def read(
        self, fn: Callable[[Any], Any], done: Done | None = None, failed: Failed | None = None
    ) -> int:
        """Run ``fn(session)`` in a read-only session in the background."""

        def job() -> Any:
            with self.store().read() as session:
                return fn(session)

        return self._submit(job, done, failed)

    def post(self, fn: Callable[[], Any]) -> None:
        """Queue ``fn()`` as a store job from ANY thread (a printer's, the sync worker's).

        ``run``/``call`` must be called on the UI thread (they touch the job
        table and make the job's Qt relay there); ``post`` hands ``fn`` over by
        a queued signal, so it is safe from a device thread. Nobody is called
        back; a failure is logged. Once the worker is shut down (the devices
        finishing their last job before the store closes), ``fn`` runs at once
        on the caller's thread: no store job can run any more, so it is still
        the only writer.
        """
        if self._closed:
            fn()
            return
        if isValid(self):
            with contextlib.suppress(RuntimeError):  # deleted between the check and now
                self._posted.emit(fn)

    @Slot(object)
    def _run_posted(self, fn: Callable[[], Any]) -> None:
        if self._closed:  # posted just before shutdown: the store is still open
            fn()
        else:
            self._submit(fn, None, None)

    def _submit(self, fn: Callable[[], Any], done: Done | None, failed: Failed | None) -> int:
        self._next += 1
        number = self._next
        if self._closed:
            # A late callback of a closing window asking for more: nothing
            # will run it, and nothing must outlive shutdown() on the thread.
            log.debug("store worker shut down; job %d dropped", number)
            return number
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
        if number not in self._callbacks:
            return  # dropped by shutdown()
        done, failed = self._callbacks.pop(number)
        if not self._callbacks:
            self.busyChanged.emit(False)
        if not _owner_alive(done if error is None else failed):
            return  # its window was closed and deleted meanwhile: nobody to tell
        if error is None:
            if done is not None:
                done(result)
        elif failed is not None:
            failed(error)
        else:
            log.error("unhandled store job error: %s", error)

    def shutdown(self, before_close: Callable[[], None] | None = None) -> None:
        """Drop queued jobs, wait for the running one, close the store (at quit).

        Afterwards no job runs and none can be submitted, so the worker (and
        the windows its jobs reference) can be deleted safely. The wait has no
        time limit on purpose: giving up would leave a job running against a
        store and a worker that are about to go away.

        ``before_close`` runs after the last job and before the store closes:
        the place to stop devices whose threads still write to the store (a
        print queue logs the job it is finishing).
        """
        self._closed = True
        self._pool.clear()
        self._pool.waitForDone()
        if self._callbacks:
            self._callbacks.clear()
            self.busyChanged.emit(False)
        try:
            if before_close is not None:
                before_close()
            # Print-log records a device posted before it stopped: written now, before
            # the store closes (``_run_posted`` runs them here, as the only writer).
            QCoreApplication.sendPostedEvents(self, QEvent.Type.MetaCall)
        finally:
            if self._store is not None:
                self._store.dispose()
                self._store = None

    @property
    def closed(self) -> bool:
        return self._closed


def _owner_alive(callback: Callable[..., Any] | None) -> bool:
    """False when ``callback`` belongs to a Qt object that has been deleted.

    A window closed (``deleteLater``) while one of its jobs ran must not be
    called back: touching its widgets would raise. The owner is the bound
    method's ``self`` or, for a lambda, the Qt object it closes over.
    """
    if callback is None:
        return True
    owners = [getattr(callback, "__self__", None)]
    for cell in getattr(callback, "__closure__", None) or ():
        try:
            owners.append(cell.cell_contents)
        except ValueError:  # a cell not yet filled
            continue
    return all(isValid(o) for o in owners if isinstance(o, QObject))


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


class FutureRelay(QObject):
    """Brings a device thread's Future outcome back to the UI thread.

    Devices (printers, the cash drawer, card terminals) answer on their own
    threads with a ``concurrent.futures.Future``; the callback must run on the
    UI thread. A Future that ends after the relay's owner was deleted is
    dropped (emitting on a deleted object would raise in the device's thread).
    """

    done = Signal(object, object)  # callback, finished future

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.done.connect(lambda callback, future: callback(future))

    def watch(self, future: Future[Any], callback: Callable[[Future[Any]], None]) -> None:
        def finished(f: Future[Any]) -> None:
            if isValid(self):
                with contextlib.suppress(RuntimeError):  # deleted between the check and now
                    self.done.emit(callback, f)

        future.add_done_callback(finished)
