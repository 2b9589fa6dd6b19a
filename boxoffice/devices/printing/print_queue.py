"""Print queues: one worker thread per printer, so printing never holds up a sale.

The sale commits first; then the UI submits a job here and goes on. Each
printer's worker renders the job (in its thread), checks or watches the
printer's status, sends the job in one write, and reports the outcome as a
``print_log.PrintRecord`` to its ``recorder``; the recorder's owner writes the
print log (one row a ticket), the ticket's print count and the ticket stock in
its own transaction. The queue never opens the store (``store=`` is a
shortcut for ``recorder=print_log.writer(store)``, for the CLI and tests).

* A printer that cannot be reached is retried ``retries`` times, then its
  queue pauses as OFFLINE.
* Out of paper, paper jam or cutter jam pauses the queue with that status;
  jobs keep queueing. The clerk fixes the printer and ``resume()``s, or
  ``redirect()``s the waiting jobs to another printer.
* ESC/POS printers are asked for their paper sensor (``DLE EOT 4``) before
  each job; BOCA printers send status bytes on their own (0x06 ticket
  printed, 0x10 out of paper, 0x18 paper jam, 0x1D cutter jam), read here by
  a background thread. No reply means UNKNOWN and the job is logged as
  ``unconfirmed``: silence is never taken for "paper OK".

``on_change`` is called from the worker thread with a ``QueueView``; a Qt
UI forwards it to the UI thread with a signal.
"""

from __future__ import annotations

import enum
import logging
import os
import queue
import threading
import time
import uuid
from collections import deque
from collections.abc import Callable, Sequence
from concurrent.futures import Future
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, Literal

from boxoffice.actor import Actor
from boxoffice.clock import utc_now
from boxoffice.devices.printing import print_log, receipts, z_slip
from boxoffice.devices.printing.escpos_ticket import EscPosTicketDriver
from boxoffice.devices.printing.fgl import (
    STATUS_CUTTER_JAM,
    STATUS_OUT_OF_PAPER,
    STATUS_PAPER_JAM,
    STATUS_TICKET_PRINTED,
    FglTicketDriver,
)
from boxoffice.devices.printing.pdf_ticket import PdfTicketDriver
from boxoffice.devices.printing.ticket_data import TicketData
from boxoffice.devices.printing.transports import PrinterOffline, Transport
from boxoffice.errors import BoxOfficeError, ValidationError
from boxoffice.messages import render
from boxoffice.store.models import PrintOutcome

if TYPE_CHECKING:
    from boxoffice.store import Store

log = logging.getLogger(__name__)

ESC_POS_PAPER_QUERY = b"\x10\x04\x04"  # DLE EOT 4: paper roll sensor
#: Jobs for a roll (receipt) printer, never for a BOCA ticket printer; what they are called.
ROLL_JOBS = {"receipt": "receipts", "z_slip": "Z slips", "x_slip": "X slips"}


class PrinterStatus(enum.StrEnum):
    READY = "ready"
    UNKNOWN = "unknown"  # the printer did not say; never read as "paper OK"
    PAPER_LOW = "paper_low"
    OUT_OF_PAPER = "out_of_paper"
    PAPER_JAM = "paper_jam"
    CUTTER_JAM = "cutter_jam"
    OFFLINE = "offline"


#: Statuses that stop the queue until the clerk resumes or redirects it.
STOPPING = (
    PrinterStatus.OUT_OF_PAPER,
    PrinterStatus.PAPER_JAM,
    PrinterStatus.CUTTER_JAM,
    PrinterStatus.OFFLINE,
)
FGL_STATUS = {
    STATUS_OUT_OF_PAPER: PrinterStatus.OUT_OF_PAPER,
    STATUS_PAPER_JAM: PrinterStatus.PAPER_JAM,
    STATUS_CUTTER_JAM: PrinterStatus.CUTTER_JAM,
}
#: Why a printer stopped or how it is, as a code: ``QueueView.code``/``params``
#: render it in the terminal's language (``boxoffice.messages.devices``).
STATUS_CODE = "printer_status"
#: The English words for each status (logs, the CLI, older callers).
MESSAGES = {status: render(STATUS_CODE, {"status": status.value}) for status in PrinterStatus}


class QueueState(enum.StrEnum):
    IDLE = "idle"
    PRINTING = "printing"
    PAUSED = "paused"
    STOPPED = "stopped"


def escpos_paper_status(reply: bytes) -> PrinterStatus:
    """Decode a ``DLE EOT 4`` reply; an empty reply is UNKNOWN, not READY."""
    if not reply:
        return PrinterStatus.UNKNOWN
    b = reply[-1]
    if b & 0x93 != 0x12:  # fixed bits 1 and 4 set, 0 and 7 clear: otherwise not a status byte
        return PrinterStatus.UNKNOWN
    if b & 0x60:
        return PrinterStatus.OUT_OF_PAPER
    if b & 0x0C:
        return PrinterStatus.PAPER_LOW
    return PrinterStatus.READY


@dataclass
class Printer:
    """A named printer: how to render for it and how to reach it."""

    name: str
    driver: EscPosTicketDriver | FglTicketDriver | PdfTicketDriver
    transport: Transport
    status_timeout: float = 1.0  # ESC/POS: how long to wait for DLE EOT's answer

    @property
    def protocol(self) -> Literal["escpos", "fgl", "pdf"]:
        return self.driver.language  # type: ignore[return-value]

    def render(self, job: PrintJob) -> bytes:
        if job.data:
            return job.data
        if job.kind == "receipt":
            assert job.receipt is not None
            return receipts.render(job.receipt, self.driver)
        if job.kind in ("z_slip", "x_slip"):
            return z_slip.render(job.slip, self.driver)
        return self.driver.render(job.tickets)


@dataclass
class PrintJob:
    """Tickets, a receipt or a Z/X slip to print for ``actor``; rendered by the printer's worker.

    ``test`` and ``raw`` jobs carry ready ``data``: a test page goes through the
    queue like a ticket; a ``raw`` job (a drawer kick) jumps the queue and is
    sent even while the queue is paused, without status checks or logging.
    ``done`` resolves with the final ``PrintOutcome`` (raw: ``None``, or the
    ``PrinterOffline`` error).
    """

    kind: Literal["ticket", "receipt", "z_slip", "x_slip", "test", "raw"]
    actor: Actor
    tickets: tuple[TicketData, ...] = ()
    receipt: Any = None
    slip: z_slip.Slip | None = None
    reprint: bool = False
    data: bytes = b""
    id: str = field(default_factory=lambda: str(uuid.uuid4()))
    attempts: int = 0
    done: Future[Any] = field(default_factory=Future, compare=False, repr=False)

    def __post_init__(self) -> None:
        if self.kind == "receipt" and self.receipt is None:
            raise ValidationError("print_receipt_missing")
        if self.kind in ("z_slip", "x_slip") and (
            self.slip is None or self.kind != f"{self.slip.kind.lower()}_slip"
        ):
            raise ValidationError("print_slip_missing", kind=self.kind)
        if self.kind in ("test", "raw") and not self.data:
            raise ValidationError("print_data_missing", kind=self.kind)
        if self.kind == "ticket" and not self.tickets:
            raise ValidationError("print_ticket_job_empty")


@dataclass(frozen=True)
class QueueView:
    """What the clerk sees about one printer."""

    printer: str
    state: QueueState
    status: PrinterStatus
    message: str
    waiting: int
    #: ``message`` as a code and its parameters, for the terminal's language.
    code: str = STATUS_CODE
    params: dict[str, Any] = field(default_factory=dict, compare=False)

    def text(self, lang: str = "en") -> str:
        """What the clerk reads, in ``lang``."""
        return render(self.code, self.params, lang)


class PrintQueue:
    """One printer's job queue and worker thread."""

    def __init__(
        self,
        printer: Printer,
        *,
        recorder: print_log.Recorder | None = None,
        store: Store | None = None,
        terminal: str = "",
        retries: int = 3,
        retry_delay: float = 0.5,
        confirm_timeout: float = 10.0,
        on_change: Callable[[QueueView], None] | None = None,
    ) -> None:
        if retries < 1:
            raise ValidationError("print_queue_retries_invalid")
        self.printer = printer
        if recorder is None and store is not None:
            recorder = print_log.writer(store)
        #: Where outcomes go (``print_log.PrintRecord``); the queue never opens the store.
        self.recorder = recorder
        self.terminal = terminal
        self.retries = retries
        self.retry_delay = retry_delay
        self.confirm_timeout = confirm_timeout
        self.on_change = on_change
        self._jobs: deque[PrintJob] = deque()
        self._cond = threading.Condition()
        self._state = QueueState.IDLE
        self._status = PrinterStatus.UNKNOWN
        self._detail: object = ""
        self._paused = False
        self._stopping = False
        self._in_flight = False
        self._events: queue.Queue[int] = queue.Queue()
        self._worker = threading.Thread(target=self._run, name=f"print:{printer.name}", daemon=True)
        self._reader: threading.Thread | None = None
        if printer.protocol == "fgl":
            self._reader = threading.Thread(
                target=self._read_status, name=f"print-status:{printer.name}", daemon=True
            )

    # -- what the UI calls ------------------------------------------------------
    def start(self) -> PrintQueue:
        self._worker.start()
        if self._reader is not None:
            self._reader.start()
        return self

    def submit(self, job: PrintJob) -> str:
        """Queue ``job`` and return at once; refuses only jobs this printer cannot print."""
        if job.kind in ROLL_JOBS and self.printer.protocol == "fgl":
            raise ValidationError(
                "print_roll_job_on_ticket_printer",
                printer=self.printer.name,
                jobs=ROLL_JOBS[job.kind],
            )
        with self._cond:
            if self._stopping:
                raise ValidationError("print_queue_stopped", printer=self.printer.name)
            if job.kind == "raw":
                self._jobs.appendleft(job)
            else:
                self._jobs.append(job)
            self._cond.notify_all()
        self._changed()
        return job.id

    def send_raw(self, data: bytes, actor: Actor) -> Future[Any]:
        """Send ``data`` next, even while paused (a drawer kick must not wait for paper)."""
        job = PrintJob("raw", actor, data=data)
        self.submit(job)
        return job.done

    def probe(self) -> PrinterStatus:
        """Ask the printer how it is now, outside the queue; raises ``PrinterOffline``.

        For callers that must know before they record anything (the admin CLI
        refuses an unreachable printer without an audit entry). Only call it
        while the queue is idle: it uses the printer's connection directly.
        """
        transport = self.printer.transport
        if self.printer.protocol == "escpos":
            transport.write(ESC_POS_PAPER_QUERY)
            return escpos_paper_status(transport.read(self.printer.status_timeout))
        if self.printer.protocol == "pdf":
            folder = getattr(transport, "folder", None)
            if folder is not None and not (folder.is_dir() and os.access(folder, os.W_OK)):
                raise PrinterOffline("pdf_folder_unwritable", folder=str(folder), reason="")
            return PrinterStatus.READY
        transport.write(b"")  # FGL: connecting is all we can ask without printing
        return self._status

    def view(self) -> QueueView:
        with self._cond:
            params: dict[str, Any] = {"status": self._status.value}
            code = STATUS_CODE
            if self._detail:
                code, params["detail"] = "printer_status_detail", self._detail
            return QueueView(
                self.printer.name,
                self._state,
                self._status,
                render(code, params),
                len(self._jobs),
                code,
                params,
            )

    def resume(self) -> None:
        """The clerk fixed the printer: try the waiting jobs again."""
        with self._cond:
            self._paused = False
            self._detail = ""
            if self._state == QueueState.PAUSED:
                self._state = QueueState.IDLE
            for job in self._jobs:
                job.attempts = 0
            self._cond.notify_all()
        self._changed()

    def redirect(self, other: PrintQueue) -> int:
        """Move every waiting job to ``other``; returns how many moved."""
        if other is self:
            raise ValidationError("print_redirect_same")
        with self._cond:
            if self._in_flight:
                raise ValidationError("print_redirect_busy", printer=self.printer.name)
            jobs = [j for j in self._jobs if j.kind != "raw"]
            roll = [ROLL_JOBS[j.kind] for j in jobs if j.kind in ROLL_JOBS]
            if roll and other.printer.protocol == "fgl":
                raise ValidationError(
                    "print_redirect_unsuitable", printer=other.printer.name, jobs=roll[0]
                )
            for job in jobs:
                self._jobs.remove(job)
        for job in jobs:
            self._record(job, job.tickets, PrintOutcome.REDIRECTED, f"to {other.printer.name}")
            other.submit(replace(job, attempts=0))
        self._changed()
        return len(jobs)

    def cancel(self, job_id: str, wait: float = 0.0) -> bool:
        """Take waiting job ``job_id`` out of the queue (logged as cancelled).

        A job being sent is not taken back; ``wait`` seconds are given for it
        to stop being sent (a job the printer just paused under is still in
        flight for a moment). False if it is not waiting (any more).
        """
        deadline = time.monotonic() + wait
        with self._cond:
            while True:
                job = next((j for j in self._jobs if j.id == job_id), None)
                if job is None:
                    return False
                if not (self._in_flight and job is self._jobs[0]):
                    self._jobs.remove(job)
                    break
                left = deadline - time.monotonic()
                if left <= 0:
                    return False
                self._cond.wait(left)
        self._record(job, job.tickets, PrintOutcome.CANCELLED, "cancelled by the clerk")
        if not job.done.done():
            job.done.set_result(PrintOutcome.CANCELLED)
        self._changed()
        return True

    def wait_idle(self, timeout: float = 10.0) -> bool:
        """Block until nothing is queued or the queue is paused (tests, shutdown)."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while self._has_work() or self._in_flight:
                left = deadline - time.monotonic()
                if left <= 0:
                    return False
                self._cond.wait(left)
        return True

    def stop(self, timeout: float = 5.0) -> None:
        with self._cond:
            self._stopping = True
            self._state = QueueState.STOPPED
            self._cond.notify_all()
        if self._worker.is_alive():
            self._worker.join(timeout)
        self.printer.transport.close()
        if self._reader is not None and self._reader.is_alive():
            self._reader.join(timeout)

    # -- the worker --------------------------------------------------------------
    def _changed(self) -> None:
        if self.on_change is not None:
            try:
                self.on_change(self.view())
            except Exception:  # a broken listener must not stop printing
                log.exception("print queue listener failed")

    def _pause(self, status: PrinterStatus, detail: object = "") -> None:
        with self._cond:
            self._paused = True
            self._state = QueueState.PAUSED
            self._status = status
            self._detail = detail
            self._cond.notify_all()
        self._changed()

    def _has_work(self) -> bool:
        return bool(self._jobs) and (not self._paused or self._jobs[0].kind == "raw")

    def _set_status(self, status: PrinterStatus) -> None:
        with self._cond:
            self._status = status

    def _run(self) -> None:
        while True:
            with self._cond:
                while not self._stopping and not self._has_work():
                    if not self._paused:
                        self._state = QueueState.IDLE
                    self._cond.notify_all()
                    self._cond.wait()
                if self._stopping:
                    return
                job = self._jobs[0]
                self._in_flight = True
                if not self._paused:
                    self._state = QueueState.PRINTING
            self._changed()
            try:
                self._process(job)
            except Exception as exc:  # never let one job kill the printer's thread
                log.exception("print job %s failed", job.id)
                self._finish(
                    job,
                    job.tickets,
                    PrintOutcome.FAILED,
                    render("print_job_failed", {"reason": exc}),
                )
            finally:
                with self._cond:
                    self._in_flight = False
                    self._cond.notify_all()

    def _finish(
        self, job: PrintJob, tickets: Sequence[TicketData], outcome: PrintOutcome, detail: str
    ) -> None:
        with self._cond:
            if self._jobs and self._jobs[0] is job:
                self._jobs.popleft()
            if not self._paused:
                self._state = QueueState.IDLE
        self._record(job, tickets, outcome, detail)
        self._changed()
        if not job.done.done():
            job.done.set_result(outcome)

    def _process(self, job: PrintJob) -> None:
        if job.kind == "raw":
            with self._cond:
                self._jobs.remove(job)
            try:
                self.printer.transport.write(job.data)
            except PrinterOffline as exc:
                job.done.set_exception(exc)
            else:
                job.done.set_result(None)
            return
        try:
            data = self.printer.render(job)
        except BoxOfficeError as exc:
            self._finish(job, job.tickets, PrintOutcome.FAILED, str(exc))
            return
        protocol = self.printer.protocol
        transport = self.printer.transport
        try:
            before = PrinterStatus.UNKNOWN
            if protocol == "escpos":
                transport.write(ESC_POS_PAPER_QUERY)
                before = escpos_paper_status(transport.read(self.printer.status_timeout))
                if before in STOPPING:
                    self._pause(before)
                    return
            elif protocol == "fgl":
                # Anything the printer said while idle: an error byte stops us before sending.
                while not self._events.empty():
                    status = FGL_STATUS.get(self._events.get_nowait())
                    if status is not None:
                        self._pause(status)
                        return
            elif protocol == "pdf":
                before = PrinterStatus.READY
            transport.write(data)
        except PrinterOffline as exc:
            job.attempts += 1
            if job.attempts >= self.retries:
                self._pause(PrinterStatus.OFFLINE, exc)
            else:
                with self._cond:
                    self._cond.wait(self.retry_delay * job.attempts)
            return
        job.attempts += 1
        if protocol == "fgl":
            self._confirm_fgl(job)
            return
        self._set_status(before)
        outcome = (
            PrintOutcome.PRINTED if before == PrinterStatus.READY else PrintOutcome.UNCONFIRMED
        )
        detail = "" if outcome == PrintOutcome.PRINTED else "the printer gave no status"
        self._finish(job, job.tickets, outcome, detail)

    def _confirm_fgl(self, job: PrintJob) -> None:
        """Count 0x06 acknowledgements, one a ticket; an error byte pauses with the rest."""
        expected = len(job.tickets) or 1
        done = 0
        while done < expected:
            try:
                byte = self._events.get(timeout=self.confirm_timeout)
            except queue.Empty:
                self._set_status(PrinterStatus.UNKNOWN)
                if done and job.tickets:
                    self._record(job, job.tickets[:done], PrintOutcome.PRINTED, "")
                self._finish(
                    job,
                    job.tickets[done:],
                    PrintOutcome.UNCONFIRMED,
                    f"no reply from the printer within {self.confirm_timeout:g} s",
                )
                return
            if byte == STATUS_TICKET_PRINTED:
                done += 1
                continue
            status = FGL_STATUS.get(byte)
            if status is None:
                log.info("printer %s sent unknown status byte 0x%02x", self.printer.name, byte)
                continue
            # Tickets acknowledged so far are out; the rest wait for resume or redirect.
            printed, rest = job.tickets[:done], job.tickets[done:]
            if printed:
                self._record(job, printed, PrintOutcome.PRINTED, "")
            if status in (PrinterStatus.PAPER_JAM, PrinterStatus.CUTTER_JAM) and rest:
                self._record(job, rest[:1], PrintOutcome.FAILED, status.value, spoiled=True)
            if not job.tickets:  # a test page: it failed, and it is not printed again
                self._pause(status)
                self._finish(job, (), PrintOutcome.FAILED, status.value)
                return
            with self._cond:
                job.tickets = rest
                job.attempts = 0
            self._pause(status)
            return
        self._set_status(PrinterStatus.READY)
        self._finish(job, job.tickets, PrintOutcome.PRINTED, "")

    def _read_status(self) -> None:
        """FGL: read unprompted status bytes; errors while idle pause the queue at once."""
        while not self._stopping:
            try:
                data = self.printer.transport.read(0.2)
            except Exception:  # a transport must not kill the status reader
                log.exception("reading status from %s failed", self.printer.name)
                time.sleep(0.2)
                continue
            for byte in data:
                with self._cond:
                    busy = self._in_flight
                if busy:
                    self._events.put(byte)
                elif byte in FGL_STATUS:
                    self._pause(FGL_STATUS[byte])
                elif byte == STATUS_TICKET_PRINTED:
                    self._set_status(PrinterStatus.READY)

    # -- the record ----------------------------------------------------------------
    def _record(
        self,
        job: PrintJob,
        tickets: Sequence[TicketData],
        outcome: PrintOutcome,
        detail: str,
        *,
        spoiled: bool = False,
    ) -> None:
        """Report what became of ``tickets`` of ``job`` to the recorder (never the store)."""
        if self.recorder is None:
            return
        order = ""
        if job.kind not in ("ticket", "raw"):
            # A slip is logged under its reference (Z number and hash prefix).
            order = job.slip.reference if job.slip else ""
            order = order or getattr(job.receipt, "order_number", "")
        rec = print_log.PrintRecord(
            at=utc_now(),
            job_id=job.id,
            kind=job.kind,
            actor=job.actor,
            printer=self.printer.name,
            protocol=self.printer.protocol,
            outcome=outcome,
            detail=detail,
            attempts=job.attempts,
            reprint=job.reprint,
            tickets=tuple(
                print_log.PrintedTicket(t.ticket_id, t.serial, t.order_number) for t in tickets
            ),
            order_number=order,
            spoiled=spoiled,
        )
        try:
            self.recorder(rec)
        except Exception:  # the log must not stop the printer; it is reported instead
            log.exception("could not record print job %s", job.id)
