"""Cash ops: a shift's drawer from the float to the Z slip, and the day end.

One function per thing a clerk or supervisor does at the Cash screen (or the
admin CLI): open a shift, drop, pay in, pay out, count and close, sign off a
variance, X report, Z slip (print and reprint), day end; and the queries the
screen reads (the desk, today's Z reports). Each op owns its transactions
(``ctx.store.write()``), publishes what it changed (the shift, print jobs)
on the context's bus after the commit, and returns an ``OpResult`` of plain
data.

Overrides travel by id: the screen asks a supervisor (``NeedsOverride`` says
for which permission and subject), gets an override id, and calls the op
again with it; the op reads the row inside its own transaction, where the
guard consumes it.

The shift services never reach the network or a printer; the ops do:
``day_end`` asks the central server through the terminal's sync link and
lets ``shifts.day_end`` merge; ``print_z_slip`` checks and audits the slip
(``shifts.slips``) and only then hands it to the receipt printer's queue.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from concurrent.futures import Future
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

from boxoffice import protocol as wire
from boxoffice.actor import Actor
from boxoffice.auth.permissions import Permission
from boxoffice.bus import ChangeSet
from boxoffice.context import TerminalContext
from boxoffice.devices.base import DeviceKind
from boxoffice.devices.printing import print_log, shift_slips, z_slip
from boxoffice.devices.printing.print_queue import PrinterStatus, PrintJob, PrintQueue, QueueState
from boxoffice.devices.printing.shift_slips import SlipPrinterProblem
from boxoffice.errors import BoxOfficeError, NeedsOverride
from boxoffice.money import Money
from boxoffice.ops import OpResult
from boxoffice.ops import devices as device_ops
from boxoffice.reports import day_end as day_end_reports
from boxoffice.reports import export, zx
from boxoffice.reports.model import Cell, Lines, Phrase, Report, Section, cell_text
from boxoffice.sales import no_sale as sales_no_sale
from boxoffice.shifts import cards, close, denominations, drawer, drawer_state, slips
from boxoffice.shifts import day_end as shift_day_end
from boxoffice.shifts.business_day import business_day, report_timezone
from boxoffice.shifts.cards import BatchLine
from boxoffice.shifts.denominations import denominations as notes_and_coins
from boxoffice.shifts.drawer_state import COMMON_SCHEMES, CashDesk, CashRights, DrawerState
from boxoffice.store.models import Override, PrintOutcome
from boxoffice.sync.credentials import KeyringUnavailable
from boxoffice.sync.errors import SyncError

__all__ = [
    "COMMON_SCHEMES",
    "BatchLine",
    "CashDesk",
    "CashRights",
    "Cell",
    "CloseOutcome",
    "DrawerState",
    "Lines",
    "Money",
    "NeedsOverride",
    "Permission",
    "Phrase",
    "PrintOutcome",
    "QueueState",
    "Report",
    "Section",
    "ShownReport",
    "SlipPrinterProblem",
    "SlipQueued",
    "ZSlipChoice",
    "cell_text",
    "notes_and_coins",
]

Count = Mapping[str, Mapping[int, int]]


# -- plain data for the screen ------------------------------------------------------------
@dataclass(frozen=True)
class ShownReport:
    """A Z or X report: the content as stored (or computed) and the report built from it."""

    content: dict[str, Any]
    report: Report
    sha256: str = ""

    @property
    def slip(self) -> list[str]:
        return zx.slip(self.content)


@dataclass(frozen=True)
class CloseOutcome:
    """What a close did: the count it stored, and the Z report or the sign-off it waits for."""

    counted: dict[str, int] | None = None
    z: ShownReport | None = None
    #: The close is waiting for a supervisor's sign-off of a variance (the count is on record).
    signoff: NeedsOverride | None = None


@dataclass(frozen=True)
class SlipQueued:
    """A Z slip recorded (audited) and waiting in the receipt printer's queue."""

    job: PrintJob
    queue: PrintQueue
    terminal: str
    number: int

    @property
    def printer(self) -> str:
        return self.queue.printer.name

    @property
    def reprint(self) -> bool:
        return self.job.reprint


@dataclass(frozen=True)
class ZSlipChoice:
    """A stored Z report someone may want a (new) slip of, and how many slips came out."""

    z_report_id: int
    terminal: str
    number: int
    shift_id: int
    clerk: str
    closed_by: str
    closed_at: datetime
    reference: str
    #: Slips printed or sent (unconfirmed) so far; the next one says REPRINT if above 0.
    copies: int


def _overrides(session: Any, ids: Sequence[int | Override]) -> list[Override]:
    """The override rows for ``ids`` (an ``Override`` passed by mistake is taken by its id)."""
    rows = []
    for item in ids:
        row = session.get(Override, getattr(item, "id", item))
        if row is not None:
            rows.append(row)
    return rows


def _shift_changed(ctx: TerminalContext, shift_id: int) -> ChangeSet:
    return ctx.publish(ChangeSet.of(shifts=[shift_id]))


def _now(ctx: TerminalContext, now: datetime | None) -> datetime:
    return now or ctx.now()


# -- the desk -------------------------------------------------------------------------------
def desk(ctx: TerminalContext, actor: Actor) -> OpResult[CashDesk]:
    """The drawers the actor may see, their movements and the actor's rights (a query)."""
    with ctx.store.read() as session:
        return OpResult(drawer_state.load(session, actor))


# -- opening and moving cash -----------------------------------------------------------------
def open_shift(
    ctx: TerminalContext, actor: Actor, float_count: Count, *, now: datetime | None = None
) -> OpResult[int]:
    """Open the actor's drawer with a float counted by denomination; returns the shift id."""
    with ctx.store.write() as session:
        shift_id = drawer.open_shift(session, actor, float_count, now=_now(ctx, now)).id
    return OpResult(shift_id, _shift_changed(ctx, shift_id))


def drop(
    ctx: TerminalContext,
    actor: Actor,
    amount: Money,
    *,
    reason: str = "",
    now: datetime | None = None,
) -> OpResult[int]:
    """Take cash out of the drawer into the safe; returns the shift id."""
    with ctx.store.write() as session:
        row = drawer.drop(
            session, actor, amount, reason=reason or "drop to the safe", now=_now(ctx, now)
        )
        shift_id = row.shift_id
    return OpResult(shift_id, _shift_changed(ctx, shift_id))


def pay_in(
    ctx: TerminalContext, actor: Actor, amount: Money, *, reason: str, now: datetime | None = None
) -> OpResult[int]:
    """Cash put into the drawer that is not a sale; returns the shift id."""
    with ctx.store.write() as session:
        shift_id = drawer.pay_in(session, actor, amount, reason=reason, now=_now(ctx, now)).shift_id
    return OpResult(shift_id, _shift_changed(ctx, shift_id))


def pay_out(
    ctx: TerminalContext,
    actor: Actor,
    amount: Money,
    *,
    reason: str,
    overrides: Sequence[int] = (),
    now: datetime | None = None,
) -> OpResult[int]:
    """Cash paid out of the drawer; a large one raises ``NeedsOverride`` without an override."""
    with ctx.store.write() as session:
        row = drawer.pay_out(
            session,
            actor,
            amount,
            reason=reason,
            overrides=_overrides(session, overrides),
            now=_now(ctx, now),
        )
        shift_id = row.shift_id
    return OpResult(shift_id, _shift_changed(ctx, shift_id))


def no_sale(
    ctx: TerminalContext,
    actor: Actor,
    reason: str,
    *,
    overrides: Sequence[int] = (),
    now: datetime | None = None,
) -> OpResult[None]:
    """Open the drawer without a sale (``no_sale`` or an override, a reason, audited).

    The sales service records it; this terminal's drawer opens once that is
    committed (never for a refused or rolled-back no-sale).
    """
    with ctx.store.write() as session:
        sales_no_sale.no_sale(
            session, actor, reason, overrides=_overrides(session, overrides), now=_now(ctx, now)
        )
    device_ops.open_drawer(ctx, "no-sale")
    return OpResult(None)


# -- count and close -------------------------------------------------------------------------
def _shown_z(body: str, sha256: str) -> ShownReport:
    content = json.loads(body)
    return ShownReport(content, zx.from_content(content, sha256), sha256)


def close_shift(
    ctx: TerminalContext,
    actor: Actor,
    shift_id: int,
    *,
    count: Count | None = None,
    recount_overrides: Sequence[int] = (),
    batch: Sequence[BatchLine] | None = None,
    vouchers: Mapping[str, int] | None = None,
    offline: bool = False,
    signoff_reason: str = "",
    overrides: Sequence[int] = (),
    now: datetime | None = None,
) -> OpResult[CloseOutcome]:
    """Count (blind) and close a shift: one op, two transactions, in this order.

    1. The count (if given) and the card batch are committed first. The count
       is then on record before any expected figure or variance is computed,
       so nothing the close says can change what was counted (a recount needs
       ``variance_signoff``: ``recount_overrides``).
    2. The close: the Z report is computed, signed (hashed into the audit
       chain) and stored, or, when a variance is over the threshold and not
       signed off, the close waits: ``CloseOutcome.signoff`` says so (the
       count stays on record) and the caller asks a supervisor and calls
       again with ``signoff_reason`` and the override (``overrides``).

    Any other refusal is raised; if it comes from step 1, nothing is stored.
    """
    when = _now(ctx, now)
    counted = None
    changes = ChangeSet.of(shifts=[shift_id])
    stored = False
    if count is not None or batch:
        with ctx.store.write() as session:  # transaction 1: the count is on record
            if count is not None:
                counted = close.count_cash(
                    session,
                    actor,
                    shift_id,
                    count,
                    overrides=_overrides(session, recount_overrides),
                    now=when,
                ).counted
            if batch:
                cards.enter_batch(session, actor, shift_id, list(batch), now=when)
        stored = True
    try:
        with ctx.store.write() as session:  # transaction 2: the close and its Z report
            z = close.close_shift(
                session,
                actor,
                shift_id,
                signoff_reason=signoff_reason,
                overrides=_overrides(session, overrides),
                vouchers_counted=vouchers,
                offline=offline,
                now=when,
            )
            shown = _shown_z(z.content, z.sha256)
    except NeedsOverride as needed:
        if needed.permission != "variance_signoff" or overrides:
            if stored:  # the count is on record though the close was refused
                ctx.publish(changes)
            raise
        return OpResult(CloseOutcome(counted, signoff=needed), ctx.publish(changes))
    except BaseException:
        if stored:
            ctx.publish(changes)
        raise
    return OpResult(CloseOutcome(counted, shown), ctx.publish(changes))


def x_report(
    ctx: TerminalContext, actor: Actor, shift_id: int, *, now: datetime | None = None
) -> OpResult[ShownReport]:
    """The running figures of an open shift (audited as ``report.x``, so a write)."""
    with ctx.store.write() as session:
        content = close.x_report(session, actor, shift_id, now=_now(ctx, now))
    return OpResult(ShownReport(content, zx.from_content(content)))


def save_report(ctx: TerminalContext, report: Report, path: Path, fmt: str) -> OpResult[Path]:
    """Write a report shown on screen as PDF or CSV; returns the file written."""
    return OpResult(export.write(report, path, fmt))


# -- Z and X slips ---------------------------------------------------------------------------
def _copies(session: Any, reference: str) -> int:
    """Slips of this Z that came out (printed, or sent without a status reply)."""
    return sum(
        e.outcome in (PrintOutcome.PRINTED, PrintOutcome.UNCONFIRMED)
        for e in print_log.history(session, kind="z_slip", order_number=reference)
    )


def receipt_printer_queue(ctx: TerminalContext, name: str | None = None) -> PrintQueue:
    """The queue of this terminal's receipt printer (or printer ``name``)."""
    return shift_slips.receipt_printer_queue(ctx.devices, name)


def print_z_slip(
    ctx: TerminalContext,
    actor: Actor,
    *,
    z_report_id: int | None = None,
    terminal: str = "",
    number: int = 0,
    overrides: Sequence[int] = (),
    queue: PrintQueue | None = None,
    now: datetime | None = None,
) -> OpResult[SlipQueued]:
    """Record and queue the slip of a stored Z report on the receipt printer.

    Refuses, recording nothing, when the actor may not print it
    (``NeedsOverride`` for ``report_z`` when a supervisor could), the report
    is unknown, or its stored content no longer matches the hash the audit
    chain holds. Once a slip of a Z report has come out, later ones say
    REPRINT. ``job.done`` resolves with the outcome once the printer is done.
    """
    when = _now(ctx, now)
    queue = queue or receipt_printer_queue(ctx)
    shift_slips.for_receipt_printer(queue, "z")
    with ctx.store.write() as session:
        z = slips.find_z_report(session, z_report_id=z_report_id, terminal=terminal, number=number)
        slip = z_slip.from_z_report(z, printed_at=when)
        reprint = _copies(session, slip.reference) > 0
        slips.record_z_slip(
            session,
            actor,
            z,
            printer=queue.printer.name,
            reprint=reprint,
            overrides=_overrides(session, overrides),
            now=when,
        )
        slip = replace(slip, reprint=reprint)
        shift_id, z_terminal, z_number = z.shift_id, z.terminal, z.number
    job = PrintJob("z_slip", actor, slip=slip, reprint=reprint)
    queue.submit(job)
    changes = ChangeSet.of(shifts=[shift_id], print_jobs=[job.id] if job.id is not None else [])
    return OpResult(SlipQueued(job, queue, z_terminal, z_number), ctx.publish(changes))


def print_x_slip(
    ctx: TerminalContext,
    actor: Actor,
    shift_id: int,
    *,
    queue: PrintQueue | None = None,
    now: datetime | None = None,
) -> OpResult[PrintJob]:
    """Queue the running figures of an open shift as a slip (``report_x``, audited)."""
    when = _now(ctx, now)
    queue = queue or receipt_printer_queue(ctx)
    shift_slips.for_receipt_printer(queue, "x")
    with ctx.store.write() as session:
        content = close.x_report(session, actor, shift_id, now=when)
    job = PrintJob("x_slip", actor, slip=z_slip.Slip(content, printed_at=when))
    queue.submit(job)
    changes = ChangeSet.of(print_jobs=[job.id] if job.id is not None else [])
    return OpResult(job, ctx.publish(changes))


def slip_printer_name(ctx: TerminalContext) -> str:
    """This terminal's receipt printer, or "" when none is set up."""
    if ctx.devices is None:
        return ""
    return ctx.devices.name_for(DeviceKind.RECEIPT_PRINTER) or ""


def _failed(error: BaseException) -> Future[Any]:
    future: Future[Any] = Future()
    future.set_exception(error)
    return future


def check_slip_printer(ctx: TerminalContext) -> Future[PrinterStatus]:
    """Ask the receipt printer, on its device thread, whether it can print a slip now."""
    try:
        printer = shift_slips.receipt_printer(ctx.devices)
    except BoxOfficeError as exc:
        return _failed(exc)
    return printer.queue.submit(shift_slips.ready_for_slips, printer.print_queue)


#: How long taking a slip back waits for the printer to stop sending it (a pause under it).
CANCEL_WAIT_S = 2.0


def cancel_slip(ctx: TerminalContext, queued: SlipQueued) -> Future[bool]:
    """Take a waiting slip out of the queue (logged as cancelled), on the device thread.

    A slip the printer has just paused under is still being sent for a moment:
    the cancel waits for that (up to ``CANCEL_WAIT_S``). False: it was not taken
    back (it is being printed, or already done).
    """
    try:
        printer = shift_slips.receipt_printer(ctx.devices)
    except BoxOfficeError as exc:
        return _failed(exc)
    return printer.queue.submit(queued.queue.cancel, queued.job.id, CANCEL_WAIT_S)


def z_slips_of_day(
    ctx: TerminalContext, terminal: str, on: date | None = None, *, now: datetime | None = None
) -> OpResult[list[ZSlipChoice]]:
    """The Z reports closed at ``terminal`` on business day ``on`` (default today), in order.

    Listing them needs no permission (printing one does): it shows who closed
    when, never an amount.
    """
    with ctx.store.read() as session:
        if on is None:
            on = (now or ctx.now()).astimezone(report_timezone(session)).date()
        day = business_day(session, on)
        choices = []
        for z in slips.z_reports_between(session, terminal, day.start, day.end):
            content = close.content_of(z)
            reference = z_slip.from_z_report(z).reference
            choices.append(
                ZSlipChoice(
                    z_report_id=z.id,
                    terminal=z.terminal,
                    number=z.number,
                    shift_id=z.shift_id,
                    clerk=str(content.get("clerk", "")),
                    closed_by=str(content.get("closed_by", "")),
                    closed_at=z.created_at,
                    reference=reference,
                    copies=_copies(session, reference),
                )
            )
    return OpResult(choices)


# -- day end ---------------------------------------------------------------------------------
def _same_z(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Two copies of a Z report compared in the wire's shape (what the server keeps)."""
    return close.canonical(wire.ZReport.model_validate(a).model_dump(mode="json")) == (
        close.canonical(wire.ZReport.model_validate(b).model_dump(mode="json"))
    )


def day_end(
    ctx: TerminalContext,
    actor: Actor,
    on: date,
    *,
    server: Any = None,
    local_only: bool = False,
    now: datetime | None = None,
) -> OpResult[shift_day_end.DayEnd]:
    """The venue's day end for a supervisor: the server's figures merged with this store's.

    ``server`` is anything with ``day_end(on, tz)`` (the sync client); by
    default the terminal's sync link, or a client for the configured server
    (closed afterwards). Without a server, or when it does not answer (or
    answers nonsense), the local figures come back with ``server_error``
    saying why; nothing in the store changes either way except the audit entry.
    """
    when = _now(ctx, now)
    with ctx.store.write() as session:
        shift_day_end.record_request(session, actor, on, when)
    with ctx.store.read() as session:
        local = shift_day_end.local_day_end(session, on, when)
        tz = report_timezone(session).key
    own_client = None
    if server is None and not local_only:
        server = getattr(ctx.sync, "client", None)
        if server is None:
            from boxoffice.sync import terminal as sync_terminal

            server = own_client = sync_terminal.client_for(ctx.store)
    try:
        if server is None:
            local.server_error = BoxOfficeError("day_end_no_server").message(ctx.language)
            return OpResult(local)
        try:
            reply = server.day_end(on, tz)
        except (SyncError, KeyringUnavailable) as exc:
            local.server_error = str(exc)
            return OpResult(local)
        return OpResult(local.merge(reply, same=_same_z))
    finally:
        if own_client is not None:
            own_client.close()


def day_end_report(
    ctx: TerminalContext,
    actor: Actor,
    on: date,
    *,
    local_only: bool = False,
    now: datetime | None = None,
) -> OpResult[Report]:
    """``day_end`` as the report the screen and the CLI show."""
    fetched = day_end(ctx, actor, on, local_only=local_only, now=now).value
    with ctx.store.read() as session:
        tz = report_timezone(session)
    return OpResult(day_end_reports.to_report(fetched, tz))


def timezone_name(ctx: TerminalContext) -> str:
    with ctx.store.read() as session:
        return report_timezone(session).key


def check_count(count: Count) -> dict[str, dict[int, int]]:
    """A count checked as the close will check it (no store): clear refusals early."""
    return denominations.validate(count)
