"""``boxoffice-admin device ...``: set up this terminal's devices and try one out.

``device add "Drawer 1" --kind cash_drawer --driver escpos --option host=10.0.0.5``
stores a device (audited); ``device test NAME`` proves it works: a printer
prints its test page, a ZVT terminal logs on, a scanner waits for one scan
and says what it read, a drawer opens as an audited no-sale.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from boxoffice.actor import system_actor
from boxoffice.cli.output import emit
from boxoffice.context import TerminalContext
from boxoffice.errors import ValidationError
from boxoffice.ops import devices as device_ops
from boxoffice.ops.devices import DeviceKind
from boxoffice.store import Store

ACTOR = system_actor()
#: How long ``device test`` waits for a printer, terminal or drawer to answer.
ANSWER_S = 30.0


def _context(store: Store) -> TerminalContext:
    return TerminalContext(store, ACTOR.terminal)


def cmd_list(store: Store, args: argparse.Namespace) -> int:
    settings = device_ops.device_settings(_context(store)).value
    rows = [
        {
            "name": c.name,
            "kind": c.kind.value,
            "driver": c.driver,
            "options": device_ops.format_options(c.options),
            "used": "yes" if settings.use.get(c.kind) == c.name else "",
        }
        for c in settings.devices
    ]
    emit(rows, args.json, ["name", "kind", "driver", "used", "options"])
    return 0


def cmd_add(store: Store, args: argparse.Namespace) -> int:
    kind = DeviceKind(args.kind)
    name = device_ops.save_device(
        _context(store), ACTOR, args.name, kind, args.driver, "; ".join(args.option),
        use=not args.not_used,
    ).value  # fmt: skip
    print(f"device {name!r} saved ({kind.value}, {args.driver})")
    return 0


def cmd_remove(store: Store, args: argparse.Namespace) -> int:
    device_ops.remove_device(_context(store), ACTOR, args.name)
    print(f"device {args.name!r} removed")
    return 0


def cmd_test(store: Store, args: argparse.Namespace) -> int:
    ctx = _context(store)
    ctx.devices = device_ops.open_devices(ctx)
    try:
        row = next((r for r in device_ops.device_rows(ctx) if r.name == args.name), None)
        if row is None:
            raise ValidationError("device_unknown_see_list", device=args.name)
        device_ops.refuse_if_not_configured(ctx, args.name)
        message = _TESTS[row.kind](ctx, args.name, args)
    finally:
        ctx.devices.close()
    print(message)
    return 0


def _printer(ctx: TerminalContext, name: str, args: Any) -> str:
    device_ops.print_test_page(ctx, name).value.result(timeout=ANSWER_S)
    return f"{name}: test page printed"


def _terminal(ctx: TerminalContext, name: str, args: Any) -> str:
    logon = device_ops.card_terminal_test(ctx, name).value
    if logon is None:
        return f"{name}: a stand-alone terminal; nothing to test from here"
    tid = logon.result(timeout=ANSWER_S)
    return f"{name}: logged on" + (f" (terminal id {tid})" if tid else "")


def _drawer(ctx: TerminalContext, name: str, args: Any) -> str:
    device_ops.drawer_test_and_wait(ctx, ACTOR, name, "drawer test (admin CLI)", ANSWER_S)
    return f"{name}: drawer opened (recorded as a no-sale)"


def _scanner(ctx: TerminalContext, name: str, args: Any) -> str:
    row = next(r for r in device_ops.device_rows(ctx) if r.name == name)
    if row.where == "keyboard":
        return f"{name}: a keyboard scanner; try it in the settings' scanner test field"
    print(f"{name}: scan a code within {args.wait:g} s…", flush=True)
    reading = device_ops.scanner_test(ctx, name, args.wait).value
    assert reading.kind is not None
    return f"{name}: read {reading.masked!r} ({reading.kind.value})"


_TESTS: dict[DeviceKind, Callable[[TerminalContext, str, Any], str]] = {
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
