"""``boxoffice-admin device ...``: set up this terminal's devices and try one out.

``device add "Drawer 1" --kind cash_drawer --driver escpos --option host=10.0.0.5``
stores a device (audited); ``device test NAME`` proves it works: a printer
prints its test page, a ZVT terminal logs on, a scanner waits for one scan
and says what it read, a drawer opens as an audited no-sale.
"""

from __future__ import annotations

import argparse
import queue
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any

from boxoffice.actor import system_actor
from boxoffice.cli.output import emit
from boxoffice.devices import registry as device_registry
from boxoffice.devices.base import DeviceError, DeviceKind, DeviceUnavailable, Scan
from boxoffice.devices.registry import DeviceConfig, DeviceRegistry
from boxoffice.errors import ValidationError
from boxoffice.store import Store

ACTOR = system_actor()
#: How long ``device test`` waits for a printer, terminal or drawer to answer.
ANSWER_S = 30.0


def cmd_list(store: Store, args: argparse.Namespace) -> int:
    with store.read() as s:
        configs = device_registry.load_configs(s)
        used = device_registry.assignments(s)
    rows = [
        {
            "name": c.name,
            "kind": c.kind.value,
            "driver": c.driver,
            "options": device_registry.format_options(c.options),
            "used": "yes" if used.get(c.kind) == c.name else "",
        }
        for c in configs
    ]
    emit(rows, args.json, ["name", "kind", "driver", "used", "options"])
    return 0


def cmd_add(store: Store, args: argparse.Namespace) -> int:
    options = device_registry.parse_options("; ".join(args.option))
    config = DeviceConfig(args.name, DeviceKind(args.kind), args.driver, options)
    with store.write() as s:
        device_registry.save_config(s, ACTOR, config, use=not args.not_used)
    print(f"device {config.name.strip()!r} saved ({config.kind.value}, {config.driver})")
    return 0


def cmd_remove(store: Store, args: argparse.Namespace) -> int:
    with store.write() as s:
        device_registry.remove_config(s, ACTOR, args.name)
    print(f"device {args.name!r} removed")
    return 0


def cmd_test(store: Store, args: argparse.Namespace) -> int:
    with store.read() as s:
        registry = DeviceRegistry.from_store(s)
    if args.name not in {c.name for c in registry.configs()}:
        raise ValidationError(f"no device named {args.name!r} (see `device list`)")
    device = registry.get(args.name)
    try:
        status = device.status()
        if status.state.value == "not_configured":
            raise DeviceUnavailable(status.message)
        kind = next(c.kind for c in registry.configs() if c.name == args.name)
        message = _TESTS[kind](store, registry, device, args)
    finally:
        registry.close()
    print(message)
    return 0


def _printer(store: Store, registry: DeviceRegistry, device: Any, args: Any) -> str:
    device.test_print().result(timeout=ANSWER_S)
    return f"{device.name}: test page printed"


def _terminal(store: Store, registry: DeviceRegistry, device: Any, args: Any) -> str:
    register = getattr(device, "register", None)
    if register is None:
        return f"{device.name}: a stand-alone terminal; nothing to test from here"
    tid = device.run(register).result(timeout=ANSWER_S)
    return f"{device.name}: logged on" + (f" (terminal id {tid})" if tid else "")


def _drawer(store: Store, registry: DeviceRegistry, device: Any, args: Any) -> str:
    from boxoffice.sales import drawer_events
    from boxoffice.sales.no_sale import no_sale

    pulses: queue.Queue[Future[None]] = queue.Queue()

    def listener(request: drawer_events.DrawerOpen) -> None:
        if request.terminal == ACTOR.terminal:
            pulses.put(device.open())  # this drawer, whichever one the till uses

    unsubscribe = drawer_events.subscribe(listener)
    try:
        with store.write() as s:
            no_sale(s, ACTOR, "drawer test (admin CLI)")
        pulse = pulses.get(timeout=ANSWER_S)
    finally:
        unsubscribe()
    pulse.result(timeout=ANSWER_S)
    return f"{device.name}: drawer opened (recorded as a no-sale)"


def _scanner(store: Store, registry: DeviceRegistry, device: Any, args: Any) -> str:
    from boxoffice.devices.scanners.codes import classify

    if device.describe() == "keyboard":
        return f"{device.name}: a keyboard scanner; try it in the settings' scanner test field"
    scans: queue.Queue[Scan] = queue.Queue()
    device.start(scans.put)
    try:
        print(f"{device.name}: scan a code within {args.wait:g} s…", flush=True)
        try:
            scan = scans.get(timeout=args.wait)
        except queue.Empty:
            state = device.status()
            raise DeviceError(
                f"{device.name}: no scan within {args.wait:g} s ({state.state.value}"
                + (f": {state.message}" if state.message else "")
                + ")"
            ) from None
    finally:
        device.stop()
    code = classify(scan.text)
    return f"{device.name}: read {code.masked()!r} ({code.kind.value})"


_TESTS: dict[DeviceKind, Callable[[Store, DeviceRegistry, Any, Any], str]] = {
    DeviceKind.TICKET_PRINTER: _printer,
    DeviceKind.RECEIPT_PRINTER: _printer,
    DeviceKind.PAYMENT_TERMINAL: _terminal,
    DeviceKind.CASH_DRAWER: _drawer,
    DeviceKind.SCANNER: _scanner,
}


def register(add: Callable[..., argparse.ArgumentParser], group: Callable[..., Any]) -> None:
    """Add the ``device`` commands to ``boxoffice-admin``."""
    dv = group("device", "set up and test printers, drawers, scanners, card terminals")
    p = add("list", cmd_list, dv, help="list this terminal's devices")
    p.add_argument("--json", action="store_true")
    p = add("add", cmd_add, dv, help="add or change a device")
    p.add_argument("name")
    p.add_argument("--kind", required=True, choices=[k.value for k in DeviceKind])
    p.add_argument("--driver", required=True, help="e.g. escpos, serial, zvt, keyboard")
    p.add_argument(
        "--option", action="append", default=[], help="name=value (repeat for each option)"
    )
    p.add_argument(
        "--not-used", action="store_true", help="keep it, but do not use it at this terminal"
    )
    p = add("remove", cmd_remove, dv, help="remove a device")
    p.add_argument("name")
    p = add("test", cmd_test, dv, help="print a test page, log on, read a scan, open a drawer")
    p.add_argument("name")
    p.add_argument("--wait", type=float, default=20.0, help="seconds to wait for a scan")
