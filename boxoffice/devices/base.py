"""What every device is: a name, a kind, a state, and its own job queue.

A box office cannot wait on a printer that is out of paper or a terminal
whose cable was pulled. So every device does its I/O on its own worker
thread (one job at a time, in order) and callers get a ``Future`` back; the
UI never blocks on hardware. A device that is missing, unplugged or silent
reports a clear ``DeviceStatus`` instead of hanging, and every blocking call
inside a driver carries a timeout.

One ``Protocol`` per device kind says what the rest of the application may
ask of it; drivers (ESC/POS, BOCA FGL, serial drawer, ZVT, ...) fill them.
"""

from __future__ import annotations

import enum
import logging
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any, Protocol, TypeVar, runtime_checkable

from boxoffice.errors import BoxOfficeError
from boxoffice.money import Money
from boxoffice.sales.payment_terminal import CardResult

log = logging.getLogger(__name__)

T = TypeVar("T")


class DeviceKind(enum.StrEnum):
    TICKET_PRINTER = "ticket_printer"
    RECEIPT_PRINTER = "receipt_printer"
    CASH_DRAWER = "cash_drawer"
    SCANNER = "scanner"
    PAYMENT_TERMINAL = "payment_terminal"


class DeviceState(enum.StrEnum):
    NOT_CONFIGURED = "not_configured"  # no device of this kind is set up
    UNKNOWN = "unknown"  # not used yet, or it did not say (never "fine")
    READY = "ready"
    BUSY = "busy"
    OFFLINE = "offline"  # missing, unplugged, refused the connection, silent
    ERROR = "error"  # answered, but with a fault (paper out, declined set-up, ...)


@dataclass(frozen=True)
class DeviceStatus:
    state: DeviceState
    #: What the clerk reads, in English (logs, the CLI).
    message: str = ""
    #: ``message`` as a catalogue code and its parameters ("" when there is none).
    code: str = ""
    params: dict[str, Any] = field(default_factory=dict, compare=False)

    def text(self, lang: str = "en") -> str:
        """``message`` in ``lang`` (by its code; as it is when it has none)."""
        if not self.code:
            return self.message
        from boxoffice.messages import render

        return render(self.code, self.params, lang)

    @property
    def usable(self) -> bool:
        return self.state in (DeviceState.READY, DeviceState.BUSY, DeviceState.UNKNOWN)


class DeviceError(BoxOfficeError):
    """A device refused or failed; the message is for the clerk."""


class DeviceUnavailable(DeviceError):
    """The device is not configured, not connected or does not answer."""


class DeviceTimeout(DeviceUnavailable):
    """The device stopped answering within its time limit."""


StatusListener = Callable[["Device", DeviceStatus], None]


class JobQueue:
    """One worker thread that runs a device's jobs in order, off the UI thread."""

    def __init__(self, name: str) -> None:
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix=f"device-{name}")
        self._closed = False

    def submit(self, fn: Callable[..., T], *args: Any) -> Future[T]:
        if self._closed:
            future: Future[T] = Future()
            future.set_exception(DeviceUnavailable("device_closed"))
            return future
        return self._pool.submit(fn, *args)

    def close(self, wait: bool = True) -> None:
        self._closed = True
        self._pool.shutdown(wait=wait, cancel_futures=True)


class Device:
    """Base of every driver: status bookkeeping and the job queue.

    ``run(fn)`` queues ``fn`` and returns a Future. Failures become a
    status the clerk can read: ``OSError`` (port gone, connection refused,
    timeout) means *offline*, a ``DeviceError`` keeps its own message.
    """

    kind: DeviceKind

    def __init__(self, name: str) -> None:
        self.name = name
        self._status = DeviceStatus(DeviceState.UNKNOWN)  # not used yet: never "fine"
        self._lock = threading.Lock()
        self._listeners: list[StatusListener] = []
        self.queue = JobQueue(name)

    # -- status ---------------------------------------------------------------
    def status(self) -> DeviceStatus:
        with self._lock:
            return self._status

    def on_status(self, listener: StatusListener) -> None:
        """Call ``listener(device, status)`` (from the device's thread) on every change."""
        self._listeners.append(listener)

    def set_status(self, state: DeviceState, message: str | BoxOfficeError = "") -> None:
        """Change the state; ``message`` is a refusal (read by its code) or plain words."""
        if isinstance(message, BoxOfficeError):
            new = DeviceStatus(state, str(message), message.code, dict(message.params))
        else:
            new = DeviceStatus(state, message)
        self._publish_status(new)

    def _publish_status(self, new: DeviceStatus) -> None:
        with self._lock:
            if new == self._status:
                return
            self._status = new
        for listener in list(self._listeners):
            try:
                listener(self, new)
            except Exception:  # a listener must not take the device down
                log.exception("status listener of %s failed", self.name)

    def set_status_code(self, state: DeviceState, code: str, **params: Any) -> None:
        """Change the state with words from the catalogue (``code`` and its parameters)."""
        from boxoffice.messages import render

        new = DeviceStatus(state, render(code, params), code, params)
        self._publish_status(new)

    # -- jobs -----------------------------------------------------------------
    def run(self, fn: Callable[..., T], *args: Any) -> Future[T]:
        """Queue ``fn(*args)`` on this device's thread; the Future carries its outcome."""
        return self.queue.submit(self._guarded, fn, *args)

    def _guarded(self, fn: Callable[..., T], *args: Any) -> T:
        try:
            result = fn(*args)
        except DeviceUnavailable as exc:
            self.set_status(DeviceState.OFFLINE, exc)
            raise
        except DeviceError as exc:
            self.set_status(DeviceState.ERROR, exc)
            raise
        except OSError as exc:  # includes serial.SerialException and socket errors
            error = DeviceUnavailable(
                "device_unreachable", device=self.name, reason=_os_reason(exc)
            )
            self.set_status(DeviceState.OFFLINE, error)
            raise error from exc
        if self.status().state != DeviceState.ERROR:
            self.set_status(DeviceState.READY, "")
        return result

    def describe(self) -> str:
        """Where the device is (port, address), for the settings screen."""
        return ""

    def close(self) -> None:
        self.queue.close(wait=True)


def _os_reason(exc: OSError) -> str:
    if isinstance(exc, TimeoutError):
        return "no answer in time"
    text = exc.strerror or str(exc) or type(exc).__name__
    return text


# -- one interface per kind -------------------------------------------------------
@runtime_checkable
class TicketPrinter(Protocol):
    """Prints tickets; ``tickets`` are the print issue's layout data."""

    name: str
    kind: DeviceKind

    def status(self) -> DeviceStatus: ...

    def print_tickets(self, tickets: Sequence[Any]) -> Future[None]: ...

    def test_print(self) -> Future[None]:
        """A short page that proves the printer, its paper and its cutter work."""
        ...


@runtime_checkable
class ReceiptPrinter(Protocol):
    name: str
    kind: DeviceKind

    def status(self) -> DeviceStatus: ...

    def print_receipt(self, receipt: Any) -> Future[None]: ...

    def test_print(self) -> Future[None]: ...

    def kick_drawer(self, pin: int = 2) -> Future[None]:
        """Send the ESC/POS drawer pulse ahead of any queued receipt."""
        ...


@runtime_checkable
class CashDrawer(Protocol):
    name: str
    kind: DeviceKind

    def status(self) -> DeviceStatus: ...

    def open(self) -> Future[None]:
        """Pop the drawer; returns at once, the Future says whether the pulse went out."""
        ...


@dataclass(frozen=True)
class Scan:
    """What a scanner read: the text, and which scanner read it."""

    text: str
    source: str


ScanListener = Callable[[Scan], None]


@runtime_checkable
class Scanner(Protocol):
    name: str
    kind: DeviceKind

    def status(self) -> DeviceStatus: ...

    def start(self, on_scan: ScanListener) -> None:
        """Begin reading; ``on_scan`` is called from the scanner's own thread."""
        ...

    def stop(self) -> None: ...


@runtime_checkable
class PaymentTerminalDevice(Protocol):
    """A card terminal as a device: the sales ``PaymentTerminal`` calls, queued."""

    name: str
    kind: DeviceKind

    def status(self) -> DeviceStatus: ...

    def authorise_async(self, amount: Money, reference: str) -> Future[CardResult]: ...

    def refund_async(
        self, amount: Money, reference: str, original: CardResult
    ) -> Future[CardResult]: ...

    def reverse_async(self, original: CardResult) -> Future[CardResult]: ...

    def end_of_day_async(self) -> Future[Any]: ...
