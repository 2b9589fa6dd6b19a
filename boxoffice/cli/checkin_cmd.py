"""``boxoffice-admin checkin`` and ``door-stats``: the door from a script or a turnstile.

``checkin CODE --performance ID`` prints the verdict and exits 0 only when the
holder may go in; every refusal has its own exit status (``EXIT_CODES`` in
``boxoffice.checkin.verdicts``, listed in ``docs/checkin.md``), and 2 means
no verdict could be given (bad arguments, unknown performance, unreadable
store). Whatever CODE is, the command answers without a traceback. Both
commands run the door ops (``boxoffice.ops.door``), imported when they run.
"""

from __future__ import annotations

import argparse
import json
from typing import Any

from boxoffice.actor import system_actor
from boxoffice.cli.output import emit, fail
from boxoffice.cli.parsing import positive_int
from boxoffice.context import TerminalContext
from boxoffice.errors import BoxOfficeError


def _show(verdict: Any, as_json: bool) -> None:
    if as_json:
        print(json.dumps({**verdict.to_dict(), "exit_code": verdict.exit_code}, ensure_ascii=False))
        return
    print(f"{verdict.outcome.value.upper().replace('_', ' ')}: {verdict.reason}")
    if verdict.attention:
        print(f"attention: {verdict.attention}")
    if verdict.admitted_count > 1:
        print(f"admitted: {verdict.admitted_count}")
    if verdict.inside is not None:
        print(f"inside now: {verdict.inside}")


def cmd_checkin(ctx: TerminalContext, args: argparse.Namespace) -> int:
    try:
        from boxoffice.ops import door as door_ops

        actor = system_actor(ctx.terminal)
        door = door_ops.open_door(ctx, actor, args.performance, args.door or ctx.terminal).value
        verdict = door_ops.scan(ctx, door, args.code).value.verdict
    except BoxOfficeError as exc:
        return fail(exc, args.lang)
    except Exception as exc:  # never a traceback at a turnstile; the message says what broke
        broken = BoxOfficeError("cli_no_verdict", kind=type(exc).__name__, reason=str(exc))
        return fail(broken, args.lang)
    _show(verdict, args.json)
    return verdict.exit_code


def cmd_door_stats(ctx: TerminalContext, args: argparse.Namespace) -> int:
    from boxoffice.ops import door as door_ops

    report = door_ops.door_stats(ctx, args.performance).value
    if args.json:
        print(json.dumps([r.to_dict() for r in report], ensure_ascii=False, indent=2))
        return 0
    rows = []
    for r in report:
        rows.append(
            {
                "performance": r.performance_id,
                "event": r.event,
                "door": "(all)",
                "expected": r.expected,
                "admitted": r.admitted,
                "inside": r.inside,
                "refused": r.refused,
                "conflicts": len(r.conflicts),
            }
        )
        rows.extend(
            {
                "performance": r.performance_id,
                "door": d.door,
                "admitted": d.admitted,
                "refused": d.refused,
            }
            for d in r.doors
        )
    emit(
        rows,
        False,
        ["performance", "event", "door", "expected", "admitted", "inside", "refused", "conflicts"],
    )
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    """Add ``checkin`` and ``door-stats`` to ``boxoffice-admin`` (options declared when run)."""
    p = sub.add_parser("checkin", help="scan one code at the door and print the verdict")
    p.set_defaults(handler=cmd_checkin)
    p.defer(_checkin_arguments)
    p = sub.add_parser("door-stats", help="admitted against expected, per performance and door")
    p.add_argument("--performance", type=positive_int, action="append", required=True)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_door_stats)


def _checkin_arguments(p: argparse.ArgumentParser) -> None:
    from boxoffice.ops.door import EXIT_CODES

    codes = ", ".join(f"{o.value}={c}" for o, c in EXIT_CODES.items())
    p.description = f"Exit status: {codes}; 2 = no verdict (bad arguments or store)."
    p.add_argument("code", help="the scanned barcode, order code or typed ticket serial")
    p.add_argument(
        "--performance",
        type=positive_int,
        action="append",
        required=True,
        help="a performance this door admits (repeat for a door serving several)",
    )
    p.add_argument("--door", default=None, help="door name (default: this terminal's name)")
    p.add_argument("--json", action="store_true")
