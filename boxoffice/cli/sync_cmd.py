"""``boxoffice-admin sync ...``: connect this terminal to the central server and inspect sync.

``status`` and ``conflicts`` only read the store (and ``status`` asks the
server's health with a short timeout); ``configure``, ``enrol``,
``catalogue`` and ``now`` act. The device token lives in the OS keyring.
The work is done by ``boxoffice.ops.terminal``, imported when a command runs.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from pathlib import Path

from boxoffice.actor import system_actor
from boxoffice.cli.output import emit
from boxoffice.cli.parsing import aware_datetime, positive_int
from boxoffice.context import TerminalContext

ACTOR = system_actor()


def cmd_status(ctx: TerminalContext, args: argparse.Namespace) -> int:
    from boxoffice.ops import terminal as terminal_ops

    info = terminal_ops.sync_status(ctx).value
    if args.json:
        print(json.dumps(info, indent=2, default=str))
        return 0
    state = {None: "working alone (no server configured)", True: "online", False: "OFFLINE"}
    print(f"server:          {info['server'] or '-'}  ({state[info['online']]})")
    if info.get("error"):
        print(f"                 {info['error']}")
    print(f"terminal:        {info['terminal']} (server id {info['terminal_id'] or '-'})")
    waiting = info["pending"] + info["in_flight"] + info["needs_attention"]
    print(
        f"waiting:         {waiting} operation(s) "
        f"({info['pending']} pending, {info['in_flight']} in flight, "
        f"{info['needs_attention']} need attention)"
    )
    print(f"acknowledged:    {info['acknowledged']}")
    print(f"last contact:    {info['last_contact'] or 'never'}")
    print(f"open conflicts:  {info['open_conflicts']}")
    return 0


def cmd_conflicts(ctx: TerminalContext, args: argparse.Namespace) -> int:
    from boxoffice.ops import terminal as terminal_ops

    rows = terminal_ops.conflict_list(ctx, include_resolved=args.all).value
    if args.json:
        emit(rows, True, [])
        return 0
    for row in rows:
        row["state"] = "resolved" if row["resolved_at"] else "OPEN"
        row["when"] = row["created_at"][:19].replace("T", " ")
    emit(rows, False, ["id", "state", "when", "kind", "code", "operation", "message"])
    return 0


def cmd_resolve(ctx: TerminalContext, args: argparse.Namespace) -> int:
    from boxoffice.ops import terminal as terminal_ops

    view = terminal_ops.resolve_conflict(ctx, ACTOR, args.id, args.resolution).value
    print(f"conflict {view.id} resolved: {view.resolution}")
    return 0


def cmd_configure(ctx: TerminalContext, args: argparse.Namespace) -> int:
    from boxoffice.ops import terminal as terminal_ops

    cfg = terminal_ops.configure_server(
        ctx, ACTOR, args.url, ca_file=args.ca_file, allow_http=args.allow_http
    ).value
    print(f"central server: {cfg.url}" + (f" (trusting {cfg.ca_file})" if cfg.ca_file else ""))
    return 0


def cmd_enrol(ctx: TerminalContext, args: argparse.Namespace) -> int:
    from boxoffice.ops import terminal as terminal_ops

    reply = terminal_ops.enrol(ctx, ACTOR, args.code).value
    print(
        f"enrolled as {reply.name!r} (terminal {reply.terminal_id}, prefix {reply.prefix}); "
        f"ticket key {reply.key_id} registered; device token kept in the keyring"
    )
    return 0


def cmd_catalogue(ctx: TerminalContext, args: argparse.Namespace) -> int:
    from boxoffice.ops import terminal as terminal_ops

    counts = terminal_ops.pull_catalogue(ctx).value
    print(", ".join(f"{n} {t}" for t, n in counts.items() if n) or "the catalogue is empty")
    return 0


def cmd_now(ctx: TerminalContext, args: argparse.Namespace) -> int:
    from boxoffice.ops import terminal as terminal_ops

    pushed, pulled = terminal_ops.sync_now(ctx).value
    print(f"pushed {pushed} operation(s), applied {pulled} change(s)")
    return 0


def cmd_allocate(ctx: TerminalContext, args: argparse.Namespace) -> int:
    from boxoffice.ops import terminal as terminal_ops

    grant = terminal_ops.allocate(
        ctx,
        args.by,
        args.performance,
        seat_ids=args.seat or None,
        ga_area_id=args.ga_area,
        quantity=args.quantity,
        expires_at=args.until,
    ).value
    what = f"{len(grant.seat_ids or [])} seats" if grant.seat_ids else f"{grant.quantity} places"
    print(f"allocation {grant.allocation_id}: {what} until {grant.expires_at.isoformat()}")
    return 0


def cmd_release(ctx: TerminalContext, args: argparse.Namespace) -> int:
    from boxoffice.ops import terminal as terminal_ops

    done = terminal_ops.release_allocation(ctx, ACTOR, args.allocation).value
    print(
        f"allocation {args.allocation} released here; the release goes to the server as "
        f"operation {done['operation']}, after every sale before it"
    )
    return 0


def register(
    add: Callable[..., argparse.ArgumentParser],
    group: Callable[[str, str], argparse._SubParsersAction],
) -> None:
    """Add the ``sync`` command group to ``boxoffice-admin``."""
    sy = group("sync", "central server: status, conflicts, enrolment, allocations")
    p = add("status", cmd_status, sy, help="online or not, operations waiting, conflicts")
    p.add_argument("--json", action="store_true")
    p = add("conflicts", cmd_conflicts, sy, help="list conflicts the server reported")
    p.add_argument("--all", action="store_true", help="resolved ones too")
    p.add_argument("--json", action="store_true")
    p = add("resolve", cmd_resolve, sy, help="record how a conflict was settled")
    p.add_argument("id", type=positive_int)
    p.add_argument("--resolution", required=True, help="e.g. 'refunded the customer'")
    p = add("configure", cmd_configure, sy, help="set the central server's address")
    p.add_argument("url", help="https://server:8765")
    p.add_argument("--ca-file", type=Path, default=None, help="the venue's own CA (PEM)")
    p.add_argument(
        "--allow-http", action="store_true", help="allow plain HTTP to a non-loopback server"
    )
    p = add("enrol", cmd_enrol, sy, help="enrol with a one-time code from the administrator")
    p.add_argument("code")
    add("catalogue", cmd_catalogue, sy, help="load the server's catalogue into this store")
    add("now", cmd_now, sy, help="push waiting operations and pull changes now")
    p = add("allocate", cmd_allocate, sy, help="ask for seats to sell offline")
    p.add_argument("--performance", type=positive_int, required=True)
    p.add_argument("--seat", type=positive_int, action="append", default=[], help="seat id")
    p.add_argument("--ga-area", type=positive_int, default=None)
    p.add_argument("--quantity", type=positive_int, default=None)
    p.add_argument("--until", type=aware_datetime, required=True, help="ISO time with offset")
    p.add_argument(
        "--by",
        required=True,
        help="the supervisor asking (needs allocation_manage, also centrally)",
    )
    p = add("release", cmd_release, sy, help="give back what is unsold of an allocation")
    p.add_argument("allocation", type=positive_int)
