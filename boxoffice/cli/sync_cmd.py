"""``boxoffice-admin sync ...``: connect this terminal to the central server and inspect sync.

``status`` and ``conflicts`` only read the store (and ``status`` asks the
server's health with a short timeout); ``configure``, ``enrol``,
``catalogue`` and ``now`` act. The device token lives in the OS keyring.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import select

from boxoffice import settings
from boxoffice.actor import Actor, system_actor
from boxoffice.cli.output import emit
from boxoffice.cli.parsing import aware_datetime, positive_int
from boxoffice.errors import BoxOfficeError, NotFound
from boxoffice.sales.signer import open_signer
from boxoffice.store import Store, outbox
from boxoffice.store.models import OutboxState, User
from boxoffice.sync import allocations, config, conflicts, terminal
from boxoffice.sync.errors import SyncError
from boxoffice.sync.worker import SyncWorker

ACTOR = system_actor()


def _client(store: Store) -> Any:
    client = terminal.client_for(store)
    if client is None:
        raise BoxOfficeError("cli_no_server_configured")
    return client


def cmd_status(store: Store, args: argparse.Namespace) -> int:
    with store.read() as session:
        cfg = config.load(session)
        counts = outbox.counts(session)
        info: dict[str, Any] = {
            "server": cfg.url if cfg else None,
            "terminal": settings.get(session, "terminal.name"),
            "terminal_id": config.terminal_id(session),
            "pending": counts[OutboxState.PENDING],
            "in_flight": counts[OutboxState.IN_FLIGHT],
            "needs_attention": counts[OutboxState.ATTENTION],
            "acknowledged": counts[OutboxState.ACKNOWLEDGED],
            "open_conflicts": conflicts.open_count(session),
            "last_contact": settings.find(session, config.LAST_CONTACT) or None,
            "cursor": config.cursor(session),
        }
    info["online"] = None
    if cfg is not None:
        client = _client(store)
        try:
            client.health()
            info["online"] = True
        except SyncError as exc:
            info["online"] = False
            info["error"] = str(exc)
        finally:
            client.close()
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


def cmd_conflicts(store: Store, args: argparse.Namespace) -> int:
    with store.read() as session:
        rows = [c.as_dict() for c in conflicts.listing(session, include_resolved=args.all)]
    if args.json:
        emit(rows, True, [])
        return 0
    for row in rows:
        row["state"] = "resolved" if row["resolved_at"] else "OPEN"
        row["when"] = row["created_at"][:19].replace("T", " ")
    emit(rows, False, ["id", "state", "when", "kind", "code", "operation", "message"])
    return 0


def cmd_resolve(store: Store, args: argparse.Namespace) -> int:
    with store.write() as session:
        view = conflicts.resolve(session, ACTOR, args.id, args.resolution)
    print(f"conflict {view.id} resolved: {view.resolution}")
    return 0


def cmd_configure(store: Store, args: argparse.Namespace) -> int:
    cfg = terminal.configure(
        store, ACTOR, args.url, ca_file=args.ca_file, allow_http=args.allow_http
    )
    print(f"central server: {cfg.url}" + (f" (trusting {cfg.ca_file})" if cfg.ca_file else ""))
    return 0


def cmd_enrol(store: Store, args: argparse.Namespace) -> int:
    client = _client(store)
    try:
        reply = terminal.enrol(store, ACTOR, client, args.code, open_signer(store.path))
    finally:
        client.close()
    print(
        f"enrolled as {reply.name!r} (terminal {reply.terminal_id}, prefix {reply.prefix}); "
        f"ticket key {reply.key_id} registered; device token kept in the keyring"
    )
    return 0


def cmd_catalogue(store: Store, args: argparse.Namespace) -> int:
    client = _client(store)
    try:
        counts = terminal.pull_catalogue(store, client)
    finally:
        client.close()
    print(", ".join(f"{n} {t}" for t, n in counts.items() if n) or "the catalogue is empty")
    return 0


def cmd_now(store: Store, args: argparse.Namespace) -> int:
    client = _client(store)
    try:
        worker = SyncWorker(store, client, terminal=terminal.terminal_name(store))
        pushed = worker.push_backlog()
        pulled = worker.pull_feed()
    finally:
        client.close()
    print(f"pushed {pushed} operation(s), applied {pulled} change(s)")
    return 0


def _supervisor(store: Store, username: str) -> Actor:
    """The supervisor on whose authority an allocation is asked (checked here and on the server)."""
    with store.read() as session:
        user = session.scalar(select(User).where(User.username == username.strip()))
        if user is None:
            raise NotFound("cli_user_not_in_store", username=username)
        return Actor(user.id, user.username, settings.get(session, "terminal.name"))


def cmd_allocate(store: Store, args: argparse.Namespace) -> int:
    supervisor = _supervisor(store, args.by)
    client = _client(store)
    try:
        grant = allocations.request(
            store,
            supervisor,
            client,
            args.performance,
            seat_ids=args.seat or None,
            ga_area_id=args.ga_area,
            quantity=args.quantity,
            expires_at=args.until,
        )
    finally:
        client.close()
    what = f"{len(grant.seat_ids or [])} seats" if grant.seat_ids else f"{grant.quantity} places"
    print(f"allocation {grant.allocation_id}: {what} until {grant.expires_at.isoformat()}")
    return 0


def cmd_release(store: Store, args: argparse.Namespace) -> int:
    done = allocations.release(store, ACTOR, args.allocation)
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
