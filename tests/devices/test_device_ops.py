"""Device ops: the print log written by an op (never by a printer thread), settings and
device tests over ops, and device refusals that carry codes and read in Chinese."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from boxoffice.actor import system_actor
from boxoffice.bus import ChangeSet
from boxoffice.context import TerminalContext
from boxoffice.devices import printers
from boxoffice.devices import registry as device_registry
from boxoffice.devices.base import DeviceKind
from boxoffice.devices.card_terminal import zvt
from boxoffice.devices.printing import print_log, ticket_layout, ticket_stock
from boxoffice.devices.printing.escpos_ticket import EscPosTicketDriver
from boxoffice.devices.printing.print_queue import (
    MESSAGES,
    Printer,
    PrinterStatus,
    PrintJob,
    PrintQueue,
    QueueState,
)
from boxoffice.devices.printing.transports import TcpTransport
from boxoffice.devices.registry import DeviceConfig, DeviceRegistry
from boxoffice.errors import BoxOfficeError, PermissionDenied, ValidationError
from boxoffice.ops import devices as device_ops
from boxoffice.store.models import PrintOutcome, Ticket
from tests.devices.print_world import sell, snapshots
from tests.devices.printer_sim import PrinterSim, closed_port, wait_for
from tests.sales.conftest import World


@pytest.fixture
def ctx(world: World) -> Iterator[TerminalContext]:
    context = TerminalContext(world.store, "Window 1", devices=DeviceRegistry([]))
    yield context
    context.devices.close()


def _published(ctx: TerminalContext) -> list[ChangeSet]:
    seen: list[ChangeSet] = []
    ctx.bus.subscribe(seen.append)
    return seen


def _has_cjk(text: str) -> bool:
    return any("\u4e00" <= c <= "\u9fff" for c in text)


def test_the_queue_reports_outcomes_and_the_op_writes_the_log(
    world: World, ctx: TerminalContext
) -> None:
    """The printer's thread only reports; ``record_print`` writes log, print count, stock."""
    reported: list[print_log.PrintRecord] = []
    sim = PrinterSim("escpos", paper=0x12)
    queue = PrintQueue(
        Printer("Receipt 1", EscPosTicketDriver(), TcpTransport("127.0.0.1", sim.port)),
        recorder=reported.append,
    ).start()
    try:
        tickets = snapshots(world, sell(world, ["S-F-1", "S-F-2"]))
        job = PrintJob("ticket", world.clerk, tuple(tickets))
        queue.submit(job)
        assert job.done.result(10) == PrintOutcome.PRINTED
    finally:
        queue.stop()
        sim.close()
    with world.store.read() as s:
        assert print_log.history(s) == []  # the queue wrote nothing itself
    assert [(r.job_id, r.outcome, r.printer) for r in reported] == [
        (job.id, PrintOutcome.PRINTED, "Receipt 1")
    ]
    assert [t.serial for t in reported[0].tickets] == [t.serial for t in tickets]

    seen = _published(ctx)
    result = device_ops.record_print(ctx, reported[0])
    assert seen == [result.changes]
    assert result.changes.print_jobs == {job.id}
    assert result.changes.devices == {"Receipt 1"}
    assert result.changes.tickets == {t.serial for t in tickets}
    with world.store.read() as s:
        rows = print_log.history(s)
        assert [(r.ticket_serial, r.outcome, r.username, r.terminal) for r in rows] == [
            (t.serial, PrintOutcome.PRINTED, "ann", world.clerk.terminal) for t in tickets
        ]
        assert all(s.get(Ticket, t.ticket_id).print_count == 1 for t in tickets)
        assert ticket_stock.summary(s, "Receipt 1").printed == 2


def test_registry_printers_log_through_the_op_and_tell_the_bus(
    world: World, ctx: TerminalContext
) -> None:
    sim = PrinterSim("escpos", paper=0x12)
    seen = _published(ctx)
    ctx.devices = DeviceRegistry(
        [
            DeviceConfig(
                "R", DeviceKind.RECEIPT_PRINTER, "escpos", {"host": "127.0.0.1", "port": sim.port}
            )
        ],
        terminal=ctx.terminal,
        recorder=device_ops.print_recorder(ctx),
    )
    try:
        done = device_ops.print_test_page(ctx, "R").value
        assert done.result(10) == PrintOutcome.PRINTED
    finally:
        sim.close()
    assert wait_for(lambda: any("R" in c.devices and c.print_jobs for c in seen))
    with world.store.read() as s:
        (row,) = print_log.history(s, printer="R")
        assert (row.kind, row.outcome, row.terminal) == ("test", PrintOutcome.PRINTED, "Window 1")


def test_printer_states_read_in_chinese() -> None:
    queue = PrintQueue(
        Printer("Tickets", EscPosTicketDriver(), TcpTransport("127.0.0.1", closed_port())),
        retries=1,
    ).start()
    try:
        queue.submit(PrintJob("test", system_actor("Window 1"), data=b"x"))
        assert wait_for(lambda: queue.view().state == QueueState.PAUSED)
        view = queue.view()
    finally:
        queue.stop()
    assert view.status == PrinterStatus.OFFLINE
    assert view.message.startswith("printer offline: check cable and power")
    assert view.message == view.text("en")
    zh = view.text("zh_CN")
    assert zh.startswith("打印机离线：请检查连接线和电源")
    assert "does not answer" not in zh and "没有应答" in zh  # the cause, in Chinese too
    for status in PrinterStatus:
        english = MESSAGES[status]
        chinese = PrintQueueView(status).text("zh_CN")
        assert english and _has_cjk(chinese), status
    assert MESSAGES[PrinterStatus.PAPER_LOW] == "paper is running low"
    assert PrintQueueView(PrinterStatus.UNKNOWN).text("zh_CN") == "打印机状态未知（打印机没有应答）"


def PrintQueueView(status: PrinterStatus):  # type: ignore[no-untyped-def]
    from boxoffice.devices.printing.print_queue import QueueView

    return QueueView("P", QueueState.IDLE, status, MESSAGES[status], 0, params={"status": status})


def test_device_settings_over_ops(world: World, ctx: TerminalContext) -> None:
    admin = system_actor("Window 1")
    seen = _published(ctx)
    result = device_ops.save_device(
        ctx, admin, " Drawer 1 ", "cash_drawer", "serial", "url=/dev/ttyS0"
    )
    assert result.value == "Drawer 1"
    assert "Drawer 1" in result.changes.devices and seen
    (row,) = device_ops.device_rows(ctx)
    assert (row.name, row.kind, row.where, row.printer) == (
        "Drawer 1",
        DeviceKind.CASH_DRAWER,
        "/dev/ttyS0",
        False,
    )
    assert device_ops.device_settings(ctx).value.use == {DeviceKind.CASH_DRAWER: "Drawer 1"}

    with pytest.raises(PermissionDenied) as refused:
        device_ops.save_device(ctx, world.clerk, "Other", "cash_drawer", "serial", "url=/x")
    assert "manage devices" in str(refused.value)
    with pytest.raises(ValidationError) as bad:
        device_ops.save_device(ctx, admin, "D", "cash_drawer", "serial", "port 9100")
    assert bad.value.code == "device_option_malformed"
    assert bad.value.message("zh_CN") == "每个选项请写成“名称=值”，而不是“port 9100”"
    assert [r.name for r in device_ops.device_rows(ctx)] == ["Drawer 1"]

    with pytest.raises(ValidationError) as not_printer:
        device_ops.print_test_page(ctx, "Drawer 1")
    assert not_printer.value.code == "device_not_a_printer"

    with pytest.raises(PermissionDenied):
        device_ops.remove_device(ctx, world.supervisor, "Drawer 1")
    device_ops.remove_device(ctx, admin, "Drawer 1")
    assert device_ops.device_rows(ctx) == []
    assert device_ops.device_settings(ctx).value.devices == ()


def test_scan_readings_name_a_garbled_code_by_its_code() -> None:
    reading = device_ops.read_scan("W1-\x1b", "Gun")
    assert reading.kind is None and reading.error is not None
    assert reading.error.code == "scan_control_character"
    assert "U+001B" in reading.error.message("zh_CN") and "控制字符" in reading.error.message(
        "zh_CN"
    )
    wallet = device_ops.read_scan("134567890123456789", "Gun")
    assert (wallet.kind, wallet.masked) == (device_ops.ScanKind.WECHAT_PAY, "13…6789")


@pytest.mark.parametrize(
    ("raise_it", "code", "english", "chinese"),
    [
        (
            lambda: DeviceRegistry([]).for_kind(DeviceKind.CASH_DRAWER).start(print),
            "device_not_configured",
            "no cash drawer is set up at this terminal",
            "本售票窗口没有设置钱箱",
        ),
        (
            lambda: ticket_layout.parse({}, "t.json"),
            "ticket_template_stock_missing",
            "t.json: 'stock' with width_mm and height_mm is required",
            "t.json：必须有含 width_mm 和 height_mm 的“stock”（票纸尺寸）",
        ),
        (
            lambda: zvt.bcd(1234567, 2),
            "zvt_bcd_overflow",
            "1234567 does not fit 2 BCD bytes",
            "“1234567”超出了2个 BCD 字节",
        ),
        (
            lambda: TcpTransport("", 9100),
            "printer_address_invalid",
            "not a printer address: '' port 9100",
            "不是有效的打印机地址：，端口9100",
        ),
    ],
)
def test_device_refusals_carry_codes(raise_it, code: str, english: str, chinese: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(BoxOfficeError) as caught:
        raise_it()
    assert caught.value.code == code
    assert str(caught.value) == english
    assert caught.value.message("zh_CN") == chinese


def test_printers_hold_no_module_state() -> None:
    assert not hasattr(printers, "_context") and not hasattr(printers, "configure")
    assert "store" not in PrintQueue.__init__.__code__.co_names  # it never keeps a store


def test_device_states_read_in_the_terminal_language(world: World) -> None:
    ctx = TerminalContext(
        world.store,
        "Window 1",
        language="zh_CN",
        devices=DeviceRegistry(
            [
                DeviceConfig("Tickets", DeviceKind.TICKET_PRINTER, "boca", {}),
                DeviceConfig("Card", DeviceKind.PAYMENT_TERMINAL, "external", {}),
                DeviceConfig("Wedge", DeviceKind.SCANNER, "keyboard", {}),
            ]
        ),
    )
    try:
        rows = {r.name: r for r in device_ops.device_rows(ctx)}
    finally:
        ctx.devices.close()
    assert rows["Tickets"].message == "Tickets：驱动程序“boca”未安装"
    assert rows["Card"].message == "独立 POS 机：每笔批准须手工录入"
    assert rows["Wedge"].message == "通过键盘输入读取"
    english = ctx.devices.get("Tickets").status()
    assert english.message == "Tickets: driver 'boca' is not installed"


def test_a_terminal_starts_without_devices_when_a_setting_is_unreadable(world: World) -> None:
    from boxoffice import settings

    ctx = TerminalContext(world.store, "Window 1")
    with world.store.write() as s:
        settings.put(s, "device.Broken", "{not json")
    with pytest.raises(ValidationError) as bad:
        device_ops.open_devices(ctx)
    assert bad.value.code == "device_settings_not_json"
    registry = device_ops.start_devices(ctx)
    try:
        assert registry.configs() == [] and registry.terminal == "Window 1"
        assert registry.recorder is not None  # prints are still logged
    finally:
        registry.close()


def test_the_print_log_is_written_by_whoever_owns_the_store_work(world: World) -> None:
    """With ``submit`` (the client's store worker), no printer thread opens the store."""
    import threading
    from concurrent.futures import ThreadPoolExecutor

    ctx = TerminalContext(world.store, "Window 1")
    writers: list[str] = []
    ctx.bus.subscribe(lambda _changes: writers.append(threading.current_thread().name))
    store_work = ThreadPoolExecutor(1, thread_name_prefix="store-worker")
    sim = PrinterSim("escpos", paper=0x12)
    queue = PrintQueue(
        Printer("R", EscPosTicketDriver(), TcpTransport("127.0.0.1", sim.port)),
        recorder=device_ops.print_recorder(ctx, store_work.submit),
    ).start()
    try:
        tickets = snapshots(world, sell(world, ["S-F-3"]))
        job = PrintJob("ticket", world.clerk, tuple(tickets))
        queue.submit(job)
        assert job.done.result(10) == PrintOutcome.PRINTED
    finally:
        queue.stop()
        sim.close()
        store_work.shutdown(wait=True)
    assert writers and all(name.startswith("store-worker") for name in writers)
    with world.store.read() as s:
        assert [r.ticket_serial for r in print_log.history(s)] == [tickets[0].serial]


def test_a_printer_that_stops_is_told_on_the_bus_as_a_device_change(world: World) -> None:
    """Views learn "out of paper" from a change-set (``status_publisher``), never by polling."""
    ctx = TerminalContext(world.store, "Window 1")
    seen = _published(ctx)
    sim = PrinterSim("escpos", paper=0x72)  # the paper-end sensor is set
    with world.store.write() as s:
        config = DeviceConfig(
            "R", DeviceKind.RECEIPT_PRINTER, "escpos", {"host": "127.0.0.1", "port": sim.port}
        )
        device_registry.save_config(s, system_actor("setup"), config)
    registry = device_ops.start_devices(ctx)
    ctx.devices = registry
    try:
        device_ops.print_test_page(ctx, "R")
        printer = registry.get("R")
        assert wait_for(lambda: printer.print_queue.view().state == QueueState.PAUSED)  # type: ignore[attr-defined]
        assert wait_for(lambda: any(c.devices == frozenset({"R"}) for c in seen))
    finally:
        registry.close()
        sim.close()
