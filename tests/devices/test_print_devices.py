"""Printers as registry devices: built from settings, status for the clerk, test print, drawer.

Needs the device registry (``boxoffice.devices.base``/``registry``); skipped where absent.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("boxoffice.devices.registry")

from boxoffice.context import TerminalContext
from boxoffice.devices import printers
from boxoffice.devices.base import DeviceKind, DeviceState
from boxoffice.devices.registry import DeviceConfig, DeviceRegistry
from boxoffice.ops import devices as device_ops
from boxoffice.store.models import PrintOutcome
from tests.devices.print_world import sell, snapshots
from tests.devices.printer_sim import PrinterSim, wait_for
from tests.sales.conftest import World


@pytest.fixture
def registry(world: World) -> Iterator[dict[str, Any]]:
    """What the terminal's start-up gives each registry: its name and the print-log op."""
    ctx = TerminalContext(world.store, "Window 1")
    yield {"terminal": ctx.terminal, "recorder": device_ops.print_recorder(ctx)}


def test_fgl_ticket_printer_from_settings_prints_and_reports_paper_out(
    world: World, registry: dict[str, Any]
) -> None:
    sim = PrinterSim("fgl", script=[0x06, 0x10])
    reg = DeviceRegistry(
        **registry,
        configs=[
            DeviceConfig(
                "BOCA 1", DeviceKind.TICKET_PRINTER, "fgl", {"host": "127.0.0.1", "port": sim.port}
            )
        ],
    )
    try:
        device = reg.for_kind(DeviceKind.TICKET_PRINTER)
        assert isinstance(device, printers.QueuedPrinter)
        assert device.describe() == f"fgl on tcp://127.0.0.1:{sim.port}"
        tickets = snapshots(world, sell(world, ["S-J-1"]))
        assert device.print_tickets(tickets, world.clerk).result(10) == PrintOutcome.PRINTED
        assert device.status().state == DeviceState.READY
        device.print_tickets(snapshots(world, sell(world, ["S-J-2"])), world.clerk)
        assert wait_for(lambda: device.status().state == DeviceState.ERROR)
        assert "out of paper" in device.status().message
    finally:
        reg.close()
        sim.close()


def test_escpos_receipt_printer_test_print_and_drawer_kick(
    world: World, registry: dict[str, Any]
) -> None:
    sim = PrinterSim("escpos", paper=0x12)
    reg = DeviceRegistry(
        **registry,
        configs=[
            DeviceConfig(
                "Receipt",
                DeviceKind.RECEIPT_PRINTER,
                "escpos",
                {"host": "127.0.0.1", "port": sim.port},
            )
        ],
    )
    try:
        device = reg.get("Receipt")
        assert device.test_print().result(10) == PrintOutcome.PRINTED  # type: ignore[attr-defined]
        assert wait_for(lambda: b"Test print: Receipt" in sim.received)
        assert device.kick_drawer(2).result(5) is None  # type: ignore[attr-defined]
        pulse = b"\x1bp\x0022"  # ESC p, pin 2, on/off times as python-escpos sends them
        assert wait_for(lambda: bytes(sim.received).endswith(pulse))
    finally:
        reg.close()
        sim.close()


def test_bad_printer_settings_give_a_missing_device_with_the_reason(tmp_path: Path) -> None:
    reg = DeviceRegistry(
        [
            DeviceConfig("B", DeviceKind.TICKET_PRINTER, "fgl", {}),
            DeviceConfig(
                "E", DeviceKind.RECEIPT_PRINTER, "escpos", {"text_mode": "utf8", "host": "x"}
            ),
            DeviceConfig("P", DeviceKind.TICKET_PRINTER, "pdf", {"folder": str(tmp_path)}),
        ]
    )
    try:
        assert "host or its serial_url" in reg.get("B").status().message
        assert reg.get("B").status().state == DeviceState.NOT_CONFIGURED
        assert "text mode must be one of" in reg.get("E").status().message
        assert reg.get("P").describe() == f"pdf on {tmp_path}"
        with pytest.raises(Exception, match="cannot open a cash drawer"):
            reg.get("P").kick_drawer().result(1)  # type: ignore[attr-defined]
    finally:
        reg.close()
