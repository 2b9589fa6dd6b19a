"""Cash drawer: the ESC/POS pulse on the wire, the serial drawer, checkout and no-sale."""

from __future__ import annotations

import os
import select
import time
from concurrent.futures import Future

import pytest
from sqlalchemy import select as sql_select

from boxoffice.auth.overrides import authorise_override
from boxoffice.auth.permissions import Permission
from boxoffice.devices.base import DeviceKind, DeviceState, DeviceUnavailable
from boxoffice.devices.cash_drawer import EscposDrawer, SerialDrawer, pulse_bytes
from boxoffice.devices.registry import DeviceConfig, DeviceRegistry
from boxoffice.errors import PermissionDenied, ValidationError
from boxoffice.ops import aftersale, cash
from boxoffice.ops.sell import CardPayment, sell
from boxoffice.sales import checkout
from boxoffice.sales.checkout import Cash
from boxoffice.sales.no_sale import no_sale
from boxoffice.store.models import AuditEntry
from tests.devices import device_fixtures
from tests.devices.device_fixtures import TcpSink
from tests.sales import conftest as sales_fixtures
from tests.sales.conftest import World
from tests.sales.helpers import cart, eur, terminal_context

# Fixtures shared with other test packages, bound here by name.
_template = sales_fixtures._template
world = sales_fixtures.world
tcp_sink = device_fixtures.tcp_sink
free_port = device_fixtures.free_port
pty_pair = device_fixtures.pty_pair


def test_pulse_is_esc_p_on_the_chosen_pin() -> None:
    # ESC p m t1 t2: m=0 for pin 2, m=1 for pin 5; t1/t2 the on/off time.
    assert pulse_bytes(2)[:3] == b"\x1bp\x00"
    assert pulse_bytes(5)[:3] == b"\x1bp\x01"
    assert len(pulse_bytes(2)) == 5
    with pytest.raises(ValidationError, match="pin 2 or 5"):
        pulse_bytes(3)


def test_escpos_drawer_sends_the_pulse_to_a_network_printer(tcp_sink: TcpSink) -> None:
    drawer = EscposDrawer("Drawer", host="127.0.0.1", port=tcp_sink.port)
    drawer.open().result(timeout=5)
    assert tcp_sink.got.wait(5)
    assert bytes(tcp_sink.received) == pulse_bytes(2)
    assert drawer.status().state == DeviceState.READY
    drawer.close()


def test_unplugged_network_printer_is_offline_not_a_hang(free_port: int) -> None:
    drawer = EscposDrawer("Drawer", host="127.0.0.1", port=free_port, timeout=1)
    started = time.monotonic()
    with pytest.raises(DeviceUnavailable, match="Drawer is not reachable"):
        drawer.open().result(timeout=5)
    assert time.monotonic() - started < 3
    assert drawer.status().state == DeviceState.OFFLINE
    drawer.close()


def test_serial_drawer_writes_its_command_to_the_port(pty_pair: tuple[int, str]) -> None:
    master, path = pty_pair
    drawer = SerialDrawer("Drawer", path, command=b"\x07")
    drawer.open().result(timeout=5)
    ready, _, _ = select.select([master], [], [], 2)
    assert ready and os.read(master, 16) == b"\x07"
    drawer.close()


def test_missing_serial_port_gives_a_clear_state() -> None:
    drawer = SerialDrawer("Drawer", "/dev/ttyUSB-not-here")
    with pytest.raises(DeviceUnavailable, match="ttyUSB-not-here cannot be opened"):
        drawer.open().result(timeout=5)
    assert drawer.status().state == DeviceState.OFFLINE
    assert "ttyUSB-not-here" in drawer.status().message
    drawer.close()


def test_drawer_on_a_missing_receipt_printer_says_so() -> None:
    registry = DeviceRegistry(
        [DeviceConfig("Drawer", DeviceKind.CASH_DRAWER, "printer", {"printer": "Receipts"})]
    )
    future: Future[None] = registry.for_kind(DeviceKind.CASH_DRAWER).open()  # type: ignore[attr-defined]
    with pytest.raises(DeviceUnavailable, match="no device named 'Receipts'"):
        future.result(timeout=5)
    registry.close()


def _drawer_registry(sink: TcpSink) -> DeviceRegistry:
    config = DeviceConfig(
        "Drawer", DeviceKind.CASH_DRAWER, "escpos", {"host": "127.0.0.1", "port": sink.port}
    )
    return DeviceRegistry([config], {DeviceKind.CASH_DRAWER: "Drawer"})


def test_cash_paid_on_its_own_opens_the_drawer_when_it_commits(
    world: World, tcp_sink: TcpSink
) -> None:
    registry = _drawer_registry(tcp_sink)
    try:
        with world.store.write() as s:
            order = checkout.place_order(s, world.clerk, cart(world, "S-A-14"), now=world.now)
            outcome = checkout.pay(
                s, world.clerk, order, Cash(eur("100")), world.signer, now=world.now
            )
            number = order.number
        # The service only says so; it never reaches a device.
        assert outcome.open_drawer
        time.sleep(0.3)
        assert tcp_sink.connections == 0, "the service alone must not open the drawer"

        with world.store.write() as s:
            number = checkout.place_order(
                s, world.clerk, cart(world, "S-A-15"), now=world.now
            ).number
        ctx = terminal_context(world, devices=registry)
        with pytest.raises(ValidationError):  # refused and rolled back: the drawer stays shut
            aftersale.pay_reservation(ctx, world.clerk, number, [Cash(eur("-1"))])
        time.sleep(0.3)
        assert tcp_sink.connections == 0
        aftersale.pay_reservation(ctx, world.clerk, number, [Cash(eur("100"))])
        assert tcp_sink.got.wait(5)
        assert bytes(tcp_sink.received) == pulse_bytes(2)
    finally:
        registry.close()


def test_two_cash_tenders_in_one_sale_open_the_drawer_once(world: World, tcp_sink: TcpSink) -> None:
    # The sell op opens the terminal's drawer itself (ctx.devices), after its commit.
    registry = _drawer_registry(tcp_sink)
    try:
        sell(
            terminal_context(world, devices=registry),
            world.clerk,
            cart(world, "S-A-14"),
            [Cash(eur("50")), Cash(eur("50"))],
        )
        assert tcp_sink.got.wait(5)
        time.sleep(0.3)
        assert tcp_sink.connections == 1
    finally:
        registry.close()


def test_card_sale_and_rolled_back_cash_sale_leave_the_drawer_shut(
    world: World, tcp_sink: TcpSink
) -> None:
    registry = _drawer_registry(tcp_sink)
    ctx = terminal_context(world, devices=registry)
    try:
        sell(ctx, world.clerk, cart(world, "S-A-14"), [CardPayment(terminal=world.terminal)])
        with pytest.raises(ValidationError, match="do not cover"):
            # Not enough cash: the sale is refused and rolled back.
            sell(ctx, world.clerk, cart(world, "S-A-15"), [Cash(eur("1"))])
        with world.store.write() as s:  # the domain service alone never opens it
            due = checkout.quote(s, cart(world, "S-A-16"), now=world.now).priced.total
            checkout.sell(
                s, world.clerk, cart(world, "S-A-16"), [Cash(due)], world.signer, now=world.now
            )
        time.sleep(0.5)
        assert tcp_sink.connections == 0
    finally:
        registry.close()


def test_no_sale_needs_the_permission_and_is_audited(world: World, tcp_sink: TcpSink) -> None:
    registry = _drawer_registry(tcp_sink)
    ctx = terminal_context(world, devices=registry)
    try:
        with pytest.raises(PermissionDenied):
            cash.no_sale(ctx, world.clerk, "change for the bar")
        with pytest.raises(ValidationError, match="say why"):
            cash.no_sale(ctx, world.supervisor, "  ")
        time.sleep(0.3)
        assert tcp_sink.connections == 0

        cash.no_sale(ctx, world.supervisor, "change for the bar")
        assert tcp_sink.got.wait(5)
        assert bytes(tcp_sink.received) == pulse_bytes(2)
        with world.store.read() as s:
            entries = s.scalars(
                sql_select(AuditEntry).where(AuditEntry.action == "drawer.no_sale")
            ).all()
        assert [(e.username, e.terminal) for e in entries] == [("sue", world.clerk.terminal)]
        assert "change for the bar" in entries[0].details
    finally:
        registry.close()


def test_clerk_no_sale_with_a_supervisor_override(world: World, tcp_sink: TcpSink) -> None:
    override = authorise_override(
        world.store, world.clerk, "sue", "2468", Permission.NO_SALE, reason="float check"
    )
    with world.store.write() as s:
        no_sale(s, world.clerk, "float check", overrides=[override])
    with world.store.read() as s:
        entry = s.scalars(sql_select(AuditEntry).where(AuditEntry.action == "drawer.no_sale")).one()
    assert entry.username == "ann"


def test_the_no_sale_service_alone_never_opens_a_drawer(world: World, tcp_sink: TcpSink) -> None:
    # Nothing listens for commits any more: only an op with the terminal's devices opens it,
    # and a terminal without a drawer (no devices) records the no-sale all the same.
    registry = _drawer_registry(tcp_sink)
    try:
        with world.store.write() as s:
            no_sale(s, world.supervisor, "count")
        cash.no_sale(terminal_context(world), world.supervisor, "count again")
        time.sleep(0.3)
        assert tcp_sink.connections == 0
        with world.store.read() as s:
            entries = s.scalars(
                sql_select(AuditEntry).where(AuditEntry.action == "drawer.no_sale")
            ).all()
        assert len(entries) == 2
    finally:
        registry.close()


def test_drawer_on_the_receipt_printer_goes_through_its_queue(tcp_sink: TcpSink) -> None:
    registry = DeviceRegistry(
        [
            DeviceConfig(
                "Receipts",
                DeviceKind.RECEIPT_PRINTER,
                "escpos",
                {"connection": "network", "host": "127.0.0.1", "port": tcp_sink.port},
            ),
            DeviceConfig("Drawer", DeviceKind.CASH_DRAWER, "printer", {"printer": "Receipts"}),
        ]
    )
    try:
        registry.for_kind(DeviceKind.CASH_DRAWER).open().result(timeout=10)  # type: ignore[attr-defined]
        deadline = time.monotonic() + 5
        while pulse_bytes(2) not in bytes(tcp_sink.received):
            assert time.monotonic() < deadline, bytes(tcp_sink.received)
            time.sleep(0.05)
    finally:
        registry.close()
