"""``boxoffice-admin checkin`` and ``door-stats``: the door from a script or a turnstile.

``checkin CODE --performance ID`` prints the verdict and exits 0 only when the
holder may go in; every refusal has its own exit status (``EXIT_CODES`` in
``boxoffice.checkin.verdicts``, listed in ``docs/checkin.md``), and 2 means
no verdict could be given (bad arguments, unknown performance, unreadable
store). Whatever CODE is, the command answers without a traceback.
"""

from __future__ import annotations

import argparse
import json

from boxoffice import settings
from boxoffice.actor import system_actor
from boxoffice.checkin import stats
from boxoffice.checkin.door import Door
from boxoffice.checkin.verdicts import EXIT_CODES, Verdict
from boxoffice.cli.output import emit, fail
from boxoffice.cli.parsing import positive_int
from boxoffice.errors import BoxOfficeError
from boxoffice.store import Store


def _show(verdict: Verdict, as_json: bool) -> None:
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


def cmd_checkin(store: Store, args: argparse.Namespace) -> int:
    try:
        with store.read() as session:
            terminal = settings.get(session, "terminal.name")
        door = Door(store, system_actor(terminal), args.performance, args.door or terminal)
        verdict = door.scan(args.code)
    except BoxOfficeError as exc:
        return fail(exc, args.lang)
    except Exception as exc:  # never a traceback at a turnstile; the message says what broke
        broken = BoxOfficeError("cli_no_verdict", kind=type(exc).__name__, reason=str(exc))
        return fail(broken, args.lang)
    _show(verdict, args.json)
    return verdict.exit_code


def cmd_door_stats(store: Store, args: argparse.Namespace) -> int:
    with store.read() as session:
        report = stats.door_report(session, args.performance)
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
    """Add ``checkin`` and ``door-stats`` to ``boxoffice-admin``."""
    codes = ", ".join(f"{o.value}={c}" for o, c in EXIT_CODES.items())
    p = sub.add_parser(
        "checkin",
        help="scan one code at the door and print the verdict",
        description=f"Exit status: {codes}; 2 = no verdict (bad arguments or store).",
    )
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
    p.set_defaults(handler=cmd_checkin)
    p = sub.add_parser("door-stats", help="admitted against expected, per performance and door")
    p.add_argument("--performance", type=positive_int, action="append", required=True)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_door_stats)
