"""Device ops: set up this terminal's devices, try them out, and log what printers did.

The device settings screen, the admin CLI (``device ...``) and the start-up
code come here; none of them opens a transaction or builds a device itself.

- ``open_devices(ctx, submit)``: this terminal's registry, built from the
  store's settings, its printers reporting what they printed to
  ``print_recorder`` (run by ``submit``: the client's store worker), and
  every device's state changes published on the bus as
  ``ChangeSet(devices=[name])`` (``status_publisher``: views never poll a
  device).
- ``record_print(ctx, record)``: what a print queue reported (a
  ``print_log.PrintRecord``) written to the print log, the tickets' print
  count and the ticket stock in one transaction; publishes
  ``ChangeSet(print_jobs=..., devices=...)``. Printers never open the store.
- ``device_settings`` / ``device_rows``: what the screen lists (plain data).
- ``save_device`` / ``remove_device``: permission-checked, audited edits; the
  live registry follows.
- ``open_drawer(ctx)``: pulse this terminal's cash drawer; the ops that take
  cash or record a no-sale call it after their commit (the services only say
  whether it should open), so a rolled-back sale never opens it.
- Device tests: ``print_test_page``, ``drawer_test`` (an audited no-sale: the drawer
  opens after the commit), ``read_scan`` / ``scanner_test``,
  ``card_terminal_test`` (a ZVT log-on).
- Printing for the admin CLI: ``render_ticket`` (bytes or a picture),
  ``print_history`` (the print log), ``stock_levels`` (ticket stock).

Names a screen needs about devices (``DeviceKind``, ``DeviceState``,
``Scan``, ``ScanKind``, ``ScanRouter``) are re-exported here, so the UI
reaches devices through ops only. No Qt, no module state.
"""

from __future__ import annotations

import logging
import queue
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import Future
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from boxoffice.bus import ChangeSet
from boxoffice.devices import registry as device_registry
from boxoffice.devices.base import Device, DeviceError, DeviceKind, DeviceState, Scan
from boxoffice.devices.printing import print_log
from boxoffice.devices.registry import DeviceConfig, DeviceRegistry
from boxoffice.devices.scanners.codes import ScanKind, classify
from boxoffice.devices.scanners.router import ScanRouter
from boxoffice.errors import BoxOfficeError, NotFound, ValidationError
from boxoffice.ops import OpResult

if TYPE_CHECKING:
    from boxoffice.actor import Actor
    from boxoffice.context import TerminalContext

log = logging.getLogger(__name__)

__all__ = [
    "TICKET_FORMATS",
    "DeviceKind",
    "DeviceRow",
    "DeviceSettings",
    "DeviceState",
    "KeyboardScanner",
    "Scan",
    "ScanKind",
    "ScanReading",
    "ScanRouter",
    "card_terminal_test",
    "device_rows",
    "device_settings",
    "drawer_test",
    "drawer_test_and_wait",
    "driver_help",
    "format_options",
    "keyboard_scanner",
    "open_devices",
    "open_drawer",
    "print_history",
    "print_recorder",
    "print_test_page",
    "read_scan",
    "record_print",
    "refuse_if_not_configured",
    "reload_devices",
    "remove_device",
    "render_ticket",
    "save_device",
    "scanner_test",
    "serial_scanners",
    "start_devices",
    "status_publisher",
    "stock_levels",
]


# -- plain data for screens ----------------------------------------------------------
@dataclass(frozen=True)
class DeviceSettings:
    """The devices configured in the store, and which one serves each kind here."""

    devices: tuple[DeviceConfig, ...]
    use: Mapping[DeviceKind, str]


@dataclass(frozen=True)
class DeviceRow:
    """One line of the device table: the configuration and the live state."""

    name: str
    kind: DeviceKind
    driver: str
    #: Where the device is (port, address) or, before it is built, its options.
    where: str
    options: str
    state: DeviceState
    #: Why it is in that state, in the terminal's language (``ctx.language``).
    message: str
    #: It prints (a test page makes sense).
    printer: bool


@dataclass(frozen=True)
class ScanReading:
    """What one scan is: the code shown safely (a payment code masked) and its kind,
    or the refusal of a garbled scan."""

    source: str
    masked: str = ""
    kind: ScanKind | None = None
    error: BoxOfficeError | None = None


@dataclass(frozen=True)
class KeyboardScanner:
    """A configured keyboard-wedge scanner's settings, for the UI's key filter."""

    name: str
    prefix: str
    suffix: str
    max_gap_ms: int


# -- start-up and the print log ------------------------------------------------------------
def print_recorder(
    ctx: TerminalContext, submit: Callable[[Callable[[], Any]], Any] | None = None
) -> print_log.Recorder:
    """Where this terminal's printers report what they printed: ``record_print`` on ``ctx``.

    ``submit`` hands the op to whoever owns the store work (the client's store
    worker, an executor), so the log is written there and never on a printer's
    thread; without it the op runs where the report arrives (the admin CLI, tests).
    """

    def record(rec: print_log.PrintRecord) -> None:
        if submit is None:
            record_print(ctx, rec)
        else:
            submit(lambda: record_print(ctx, rec))

    return record


def record_print(ctx: TerminalContext, rec: print_log.PrintRecord) -> OpResult[None]:
    """Write what a print queue reported (log rows, print count, ticket stock); one commit."""
    with ctx.store.write() as session:
        print_log.apply(session, rec)
    changes = ChangeSet.of(
        print_jobs=[rec.job_id],
        devices=[rec.printer],
        tickets=[t.serial for t in rec.tickets],
    )
    return OpResult(None, ctx.publish(changes))


Submit = Callable[[Callable[[], Any]], Any]


def status_publisher(ctx: TerminalContext) -> Callable[[Device, Any], None]:
    """A device state change (paper out, offline, back) as ``ChangeSet(devices=[name])``."""

    def changed(device: Device, _status: Any) -> None:
        ctx.publish(ChangeSet.of(devices=[device.name]))

    return changed


def _empty_registry(ctx: TerminalContext, submit: Submit | None = None) -> DeviceRegistry:
    return DeviceRegistry(
        [],
        terminal=ctx.terminal,
        recorder=print_recorder(ctx, submit),
        on_status=status_publisher(ctx),
    )


def open_devices(ctx: TerminalContext, submit: Submit | None = None) -> DeviceRegistry:
    """This terminal's devices as configured in the store (nothing is started yet).

    Printers get the terminal's name and ``print_recorder(ctx, submit)``; every
    device's state changes are published on ``ctx``'s bus (``status_publisher``).
    A setting that cannot be read raises (the caller decides to run without devices).
    """
    with ctx.store.read() as session:
        return DeviceRegistry.from_store(
            session,
            terminal=ctx.terminal,
            recorder=print_recorder(ctx, submit),
            on_status=status_publisher(ctx),
        )


def start_devices(ctx: TerminalContext, submit: Submit | None = None) -> DeviceRegistry:
    """``open_devices`` for a terminal starting up: never stuck on a bad setting.

    A setting that cannot be read is logged (``device list`` names it) and the
    terminal runs without devices rather than refusing to start. The receipt
    printer is built here, off the UI thread, because its first build imports
    the printer profiles (tens of milliseconds); screens then only look it up.
    """
    try:
        registry = open_devices(ctx, submit)
    except BoxOfficeError as exc:
        log.warning("devices not loaded: %s", exc)
        return _empty_registry(ctx, submit)
    if registry.name_for(DeviceKind.RECEIPT_PRINTER) is not None:
        try:
            registry.for_kind(DeviceKind.RECEIPT_PRINTER)  # a broken one says why when used
        except Exception:  # a driver bug must not keep the clerk from signing in
            log.exception("the receipt printer could not be set up")
    return registry


# -- settings --------------------------------------------------------------------------
def device_settings(ctx: TerminalContext) -> OpResult[DeviceSettings]:
    with ctx.store.read() as session:
        configs = device_registry.load_configs(session)
        use = device_registry.assignments(session)
    return OpResult(DeviceSettings(tuple(configs), use))


def _registry(ctx: TerminalContext) -> DeviceRegistry:
    if ctx.devices is None:
        ctx.devices = _empty_registry(ctx)
    return ctx.devices  # type: ignore[no-any-return]


def reload_devices(ctx: TerminalContext) -> OpResult[DeviceSettings]:
    """Re-read the settings into the live registry: changed or removed devices are closed."""
    settings = device_settings(ctx).value
    _registry(ctx).replace(list(settings.devices), settings.use)
    changes = ChangeSet.of(devices=[c.name for c in settings.devices])
    return OpResult(settings, ctx.publish(changes))


def device_rows(ctx: TerminalContext) -> list[DeviceRow]:
    """The live registry as the device table shows it (builds each device once)."""
    registry = _registry(ctx)
    rows = []
    for config in registry.configs():
        device = registry.get(config.name)
        status = device.status()
        options = device_registry.format_options(config.options)
        rows.append(
            DeviceRow(
                name=config.name,
                kind=config.kind,
                driver=config.driver,
                where=device.describe() or options,
                options=options,
                state=status.state,
                message=status.text(ctx.language),
                printer=callable(getattr(device, "test_print", None)),
            )
        )
    return rows


def device(ctx: TerminalContext, name: str) -> Device:
    """The live device called ``name`` (a ``MissingDevice`` that says why, if it cannot be)."""
    return _registry(ctx).get(name)


def format_options(options: Mapping[str, str | int | bool]) -> str:
    """Options as the settings show and take them: ``host=10.0.0.5; port=9100``."""
    return device_registry.format_options(options)


def refuse_if_not_configured(ctx: TerminalContext, name: str) -> None:
    """Raise why device ``name`` cannot work (not set up, driver missing, bad settings)."""
    live = _registry(ctx).get(name)
    error = getattr(live, "error", None)
    if live.status().state == DeviceState.NOT_CONFIGURED and callable(error):
        raise error()


def driver_help(kind: DeviceKind) -> dict[str, str]:
    """The drivers installed for ``kind``, each with its one-line help."""
    return device_registry.drivers(kind)


def save_device(
    ctx: TerminalContext,
    actor: Actor,
    name: str,
    kind: DeviceKind | str,
    driver: str,
    options: str | Mapping[str, str | int | bool],
    *,
    use: bool = True,
) -> OpResult[str]:
    """Add or change a device (``device_manage``, audited); ``options`` as ``a=1; b=x``.

    Returns the device's name as stored; the live registry follows.
    """
    parsed = device_registry.parse_options(options) if isinstance(options, str) else dict(options)
    config = DeviceConfig(name, DeviceKind(kind), driver, parsed)
    with ctx.store.write() as session:
        device_registry.save_config(session, actor, config, use=use)
    stored = name.strip()
    return _after_edit(ctx, stored)


def remove_device(ctx: TerminalContext, actor: Actor, name: str) -> OpResult[str]:
    """Remove a device (``device_manage``, audited); it is closed if it was running."""
    with ctx.store.write() as session:
        device_registry.remove_config(session, actor, name)
    return _after_edit(ctx, name)


def _after_edit(ctx: TerminalContext, name: str) -> OpResult[str]:
    changes = ChangeSet.of(devices=[name])
    if ctx.devices is not None:
        changes = changes | reload_devices(ctx).changes
    else:
        ctx.publish(changes)
    return OpResult(name, changes)


# -- device tests ------------------------------------------------------------------------
def _configured(ctx: TerminalContext, name: str) -> tuple[DeviceConfig, Device]:
    registry = _registry(ctx)
    config = next((c for c in registry.configs() if c.name == name), None)
    if config is None:
        raise NotFound("device_not_found", device=name)
    return config, registry.get(name)


def print_test_page(ctx: TerminalContext, name: str) -> OpResult[Future[Any]]:
    """Send a test page to printer ``name``; the Future resolves when it is out (or refused)."""
    _, printer = _configured(ctx, name)
    action = getattr(printer, "test_print", None)
    if action is None:
        raise ValidationError("device_not_a_printer", device=name)
    return OpResult(action(), ChangeSet.of(devices=[name]))


# -- the cash drawer ---------------------------------------------------------------------
def open_drawer(ctx: TerminalContext, why: str = "cash") -> Future[None] | None:
    """Pulse this terminal's cash drawer (queued on its own thread); call after the commit.

    Returns the pulse's Future, or None when no drawer is set up here or it
    could not be asked: a drawer fault never undoes what was committed (the
    clerk opens the drawer with its key).
    """
    if ctx.devices is None or ctx.devices.name_for(DeviceKind.CASH_DRAWER) is None:
        return None
    try:
        return ctx.devices.for_kind(DeviceKind.CASH_DRAWER).open()  # type: ignore[no-any-return]
    except Exception:
        log.exception("the cash drawer did not open (%s)", why)
        return None


def _record_no_sale(ctx: TerminalContext, actor: Actor, reason: str) -> None:
    from boxoffice.sales.no_sale import no_sale

    with ctx.store.write() as session:
        no_sale(session, actor, reason)


def drawer_test(
    ctx: TerminalContext, actor: Actor, reason: str = "drawer test from device settings"
) -> OpResult[None]:
    """Open the drawer as a no-sale: permission-checked and audited by the sales service;
    this terminal's drawer opens once the entry is committed."""
    _record_no_sale(ctx, actor, reason)
    open_drawer(ctx, "no-sale")
    return OpResult(None, ctx.publish(ChangeSet.of(devices=["cash_drawer"])))


def drawer_test_and_wait(
    ctx: TerminalContext, actor: Actor, name: str, reason: str, timeout: float
) -> OpResult[None]:
    """``drawer_test`` that opens drawer ``name`` and waits for its pulse (the admin CLI)."""
    _, drawer = _configured(ctx, name)
    _record_no_sale(ctx, actor, reason)
    pulse: Future[None] = drawer.open()  # type: ignore[attr-defined]
    changes = ctx.publish(ChangeSet.of(devices=[name]))
    pulse.result(timeout=timeout)
    return OpResult(None, changes)


def read_scan(text: str, source: str) -> ScanReading:
    """What ``text`` scanned by ``source`` is; a garbled scan is named, never raised."""
    try:
        code = classify(text)
    except BoxOfficeError as exc:
        return ScanReading(source, error=exc)
    return ScanReading(source, code.masked(), code.kind)


def scanner_test(ctx: TerminalContext, name: str, wait: float) -> OpResult[ScanReading]:
    """Start serial scanner ``name``, wait up to ``wait`` s for one scan, and say what it is."""
    _, scanner = _configured(ctx, name)
    scans: queue.Queue[Scan] = queue.Queue()
    scanner.start(scans.put)  # type: ignore[attr-defined]
    try:
        try:
            scan = scans.get(timeout=wait)
        except queue.Empty:
            status = scanner.status()
            params = {"scanner": name, "seconds": f"{wait:g}", "state": status.state.value}
            if status.message:
                raise DeviceError(
                    "scanner_no_scan_detail", **params, detail=status.message
                ) from None
            raise DeviceError("scanner_no_scan", **params) from None
    finally:
        scanner.stop()  # type: ignore[attr-defined]
    code = classify(scan.text)
    return OpResult(ScanReading(scan.source, code.masked(), code.kind))


def card_terminal_test(ctx: TerminalContext, name: str) -> OpResult[Future[str] | None]:
    """Log on to card terminal ``name`` (ZVT registration): the Future carries its id.

    ``None`` for a stand-alone terminal (amounts typed from its slip): there is
    nothing to reach from here.
    """
    _, terminal = _configured(ctx, name)
    register = getattr(terminal, "register", None)
    if register is None:
        return OpResult(None)
    return OpResult(terminal.run(register), ChangeSet.of(devices=[name]))


# -- scanners for the UI's key filter ------------------------------------------------------
def keyboard_scanner(device: object) -> KeyboardScanner | None:
    """``device``'s keyboard-wedge settings, or None if it is not a keyboard scanner."""
    from boxoffice.devices.scanners.serial_scanner import KeyboardWedgeScanner

    if not isinstance(device, KeyboardWedgeScanner):
        return None
    return KeyboardScanner(device.name, device.prefix, device.suffix, device.max_gap_ms)


def serial_scanners(registry: DeviceRegistry) -> tuple[KeyboardScanner | None, Sequence[Device]]:
    """This terminal's scanners: the keyboard wedge's settings (if one is configured) and
    the scanners that read on their own thread (``start(on_scan)`` / ``stop()``)."""
    scanners = [registry.get(c.name) for c in registry.configs() if c.kind == DeviceKind.SCANNER]
    keyboard = next((k for k in map(keyboard_scanner, scanners) if k is not None), None)
    others = [s for s in scanners if keyboard_scanner(s) is None]
    return keyboard, others


# -- printing: tickets as bytes, the print log, the ticket stock -------------------------------
def __getattr__(name: str) -> Any:
    """``TEXT_MODES`` (the ESC/POS text modes) without importing the renderer up front."""
    if name == "TEXT_MODES":
        from boxoffice.devices.printing.escpos_ticket import TEXT_MODES

        return TEXT_MODES
    raise AttributeError(name)


#: The formats ``render_ticket`` writes: printer bytes, or a PDF on stock or on A4.
TICKET_FORMATS = ("escpos", "fgl", "pdf", "pdf-a4")


@dataclass(frozen=True)
class PrintLogRow:
    """One row of the print log, as plain data."""

    at: str
    printer: str
    serial: str
    order: str
    kind: str
    reprint: bool
    outcome: str
    user: str
    terminal: str
    detail: str


def render_ticket(
    ctx: TerminalContext,
    serial: str,
    fmt: str = "escpos",
    *,
    text_mode: str = "latin",
    preview: bool = False,
) -> bytes | Any:
    """Sold ticket ``serial`` as ``fmt`` printer bytes, or (``preview``) as the picture
    the printer would print (a PIL image; not for PDF). Reads only."""
    from sqlalchemy import select

    from boxoffice.devices.printing import escpos_preview, fgl_preview, ticket_data
    from boxoffice.devices.printing.escpos_ticket import EscPosConfig, EscPosTicketDriver
    from boxoffice.devices.printing.fgl import FglTicketDriver
    from boxoffice.devices.printing.pdf_ticket import PdfTicketDriver
    from boxoffice.store.models import Ticket

    if fmt not in TICKET_FORMATS:
        raise ValidationError("print_format_unknown", format=fmt, formats=list(TICKET_FORMATS))
    with ctx.store.read() as session:
        ticket_id = session.scalar(select(Ticket.id).where(Ticket.serial == serial))
        if ticket_id is None:
            raise NotFound("print_serial_not_found", serial=serial)
        data = ticket_data.load(session, ticket_id)
    if fmt == "escpos":
        raw = EscPosTicketDriver(EscPosConfig(text_mode=text_mode)).render([data])  # type: ignore[arg-type]
        return escpos_preview.render(raw).image() if preview else raw
    if fmt == "fgl":
        raw = FglTicketDriver().render([data])
        return fgl_preview.render(raw)[0].image if preview else raw
    if preview:
        raise ValidationError("print_pdf_no_preview")
    return PdfTicketDriver(page="a4" if fmt == "pdf-a4" else "stock").render([data])


def print_history(
    ctx: TerminalContext, *, serial: str | None = None, printer: str | None = None
) -> list[PrintLogRow]:
    """The print log, oldest first, for one ticket and/or printer (everything if neither)."""
    with ctx.store.read() as session:
        return [
            PrintLogRow(
                at=e.at.isoformat(timespec="seconds"),
                printer=e.printer,
                serial=e.ticket_serial or "",
                order=e.order_number,
                kind=e.kind,
                reprint=e.reprint,
                outcome=e.outcome.value,
                user=e.username,
                terminal=e.terminal,
                detail=e.detail,
            )
            for e in print_log.history(session, ticket_serial=serial, printer=printer)
        ]


def stock_levels(ctx: TerminalContext, printer: str | None = None) -> list[Any]:
    """Ticket stock per printer (``ticket_stock.StockSummary``: loaded, printed, … on hand)."""
    from boxoffice.devices.printing import ticket_stock

    with ctx.store.read() as session:
        names = [printer] if printer else ticket_stock.printers(session)
        return [ticket_stock.summary(session, name) for name in names]
