"""``boxoffice-admin device ...``: set up this terminal's devices and try one out.

``device add "Drawer 1" --kind cash_drawer --driver escpos --option host=10.0.0.5``
stores a device (audited); ``device test NAME`` proves it works: a printer
prints its test page, a ZVT terminal logs on, a scanner waits for one scan
and says what it read, a drawer opens as an audited no-sale. The work is
done by ``boxoffice.ops.devices``, imported when a command runs.
"""

from __future__ import annotations

import argparse
import dataclasses
from collections.abc import Callable
from typing import Any

from boxoffice.actor import system_actor
from boxoffice.cli.output import emit
from boxoffice.context import TerminalContext
from boxoffice.errors import ValidationError

ACTOR = system_actor()
#: How long ``device test`` waits for a printer, terminal or drawer to answer.
ANSWER_S = 30.0


def _context(ctx: TerminalContext) -> TerminalContext:
    """The CLI's context, its devices named after the CLI (as its audit entries are)."""
    return dataclasses.replace(ctx, terminal=ACTOR.terminal)


def cmd_list(ctx: TerminalContext, args: argparse.Namespace) -> int:
    from boxoffice.ops import devices as device_ops

    settings = device_ops.device_settings(_context(ctx)).value
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


def cmd_add(ctx: TerminalContext, args: argparse.Namespace) -> int:
    from boxoffice.ops import devices as device_ops

    kind = device_ops.DeviceKind(args.kind)
    name = device_ops.save_device(
        _context(ctx), ACTOR, args.name, kind, args.driver, "; ".join(args.option),
        use=not args.not_used,
    ).value  # fmt: skip
    print(f"device {name!r} saved ({kind.value}, {args.driver})")
    return 0


def cmd_remove(ctx: TerminalContext, args: argparse.Namespace) -> int:
    from boxoffice.ops import devices as device_ops

    device_ops.remove_device(_context(ctx), ACTOR, args.name)
    print(f"device {args.name!r} removed")
    return 0


def cmd_test(ctx: TerminalContext, args: argparse.Namespace) -> int:
    from boxoffice.ops import devices as device_ops

    ctx = _context(ctx)
    ctx.devices = device_ops.open_devices(ctx)
    try:
        row = next((r for r in device_ops.device_rows(ctx) if r.name == args.name), None)
        if row is None:
            raise ValidationError("device_unknown_see_list", device=args.name)
        device_ops.refuse_if_not_configured(ctx, args.name)
        message = _TESTS[row.kind.value](ctx, args.name, args)
    finally:
        ctx.devices.close()
    print(message)
    return 0


def _printer(ctx: TerminalContext, name: str, args: Any) -> str:
    from boxoffice.ops import devices as device_ops

    device_ops.print_test_page(ctx, name).value.result(timeout=ANSWER_S)
    return f"{name}: test page printed"


def _terminal(ctx: TerminalContext, name: str, args: Any) -> str:
    from boxoffice.ops import devices as device_ops

    logon = device_ops.card_terminal_test(ctx, name).value
    if logon is None:
        return f"{name}: a stand-alone terminal; nothing to test from here"
    tid = logon.result(timeout=ANSWER_S)
    return f"{name}: logged on" + (f" (terminal id {tid})" if tid else "")


def _drawer(ctx: TerminalContext, name: str, args: Any) -> str:
    from boxoffice.ops import devices as device_ops

    device_ops.drawer_test_and_wait(ctx, ACTOR, name, "drawer test (admin CLI)", ANSWER_S)
    return f"{name}: drawer opened (recorded as a no-sale)"


def _scanner(ctx: TerminalContext, name: str, args: Any) -> str:
    from boxoffice.ops import devices as device_ops

    row = next(r for r in device_ops.device_rows(ctx) if r.name == name)
    if row.where == "keyboard":
        return f"{name}: a keyboard scanner; try it in the settings' scanner test field"
    print(f"{name}: scan a code within {args.wait:g} s…", flush=True)
    reading = device_ops.scanner_test(ctx, name, args.wait).value
    assert reading.kind is not None
    return f"{name}: read {reading.masked!r} ({reading.kind.value})"


#: The test for each kind of device (``DeviceKind`` values).
_TESTS: dict[str, Callable[[TerminalContext, str, Any], str]] = {
    "ticket_printer": _printer,
    "receipt_printer": _printer,
    "payment_terminal": _terminal,
    "cash_drawer": _drawer,
    "scanner": _scanner,
}


def register(add: Callable[..., argparse.ArgumentParser], group: Callable[..., Any]) -> None:
    """Add the ``device`` commands to ``boxoffice-admin``."""
    dv = group("device", "set up and test printers, drawers, scanners, card terminals")
    p = add("list", cmd_list, dv, help="list this terminal's devices")
    p.add_argument("--json", action="store_true")
    p = add("add", cmd_add, dv, help="add or change a device")
    p.defer(_add_arguments)
    p = add("remove", cmd_remove, dv, help="remove a device")
    p.add_argument("name")
    p = add("test", cmd_test, dv, help="print a test page, log on, read a scan, open a drawer")
    p.add_argument("name")
    p.add_argument("--wait", type=float, default=20.0, help="seconds to wait for a scan")


def _add_arguments(p: argparse.ArgumentParser) -> None:
    from boxoffice.ops.devices import DeviceKind

    p.add_argument("name")
    p.add_argument("--kind", required=True, choices=[k.value for k in DeviceKind])
    p.add_argument("--driver", required=True, help="e.g. escpos, serial, zvt, keyboard")
    p.add_argument(
        "--option", action="append", default=[], help="name=value (repeat for each option)"
    )
    p.add_argument(
        "--not-used", action="store_true", help="keep it, but do not use it at this terminal"
    )
