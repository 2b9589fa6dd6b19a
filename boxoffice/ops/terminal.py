"""Terminal ops: connect this terminal to the central server and look after sync.

Set the server's address, enrol with a one-time code, load the server's
catalogue, push and pull now, read the sync state (asking the server's
health with a short timeout), list and resolve conflicts, ask for and give
back offline allocations. The admin CLI's ``sync`` commands run these; the
desktop client's sync screens will too.

A client for the configured server is made for the op and closed after it
(``ctx.sync`` is the desktop client's running link and is left alone).
Values are plain data (dicts, dataclasses, the protocol's replies).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select

from boxoffice import protocol, settings
from boxoffice.actor import Actor
from boxoffice.bus import ChangeSet
from boxoffice.context import TerminalContext
from boxoffice.errors import BoxOfficeError, NotFound
from boxoffice.ops import OpResult
from boxoffice.sales.signer import open_signer
from boxoffice.store import outbox
from boxoffice.store.models import OutboxState, User
from boxoffice.sync import allocations, config, conflicts, terminal
from boxoffice.sync.errors import SyncError
from boxoffice.sync.worker import SyncWorker

_SYNC = ChangeSet.of(sync=True)


def _client(ctx: TerminalContext) -> Any:
    client = terminal.client_for(ctx.store)
    if client is None:
        raise BoxOfficeError("cli_no_server_configured")
    return client


def sync_status(ctx: TerminalContext) -> OpResult[dict[str, Any]]:
    """Server, online or not, operations waiting, conflicts, last contact, feed cursor.

    ``online`` is None when no server is configured; otherwise the server's
    health is asked (``error`` says why it did not answer).
    """
    with ctx.store.read() as session:
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
        client = _client(ctx)
        try:
            client.health()
            info["online"] = True
        except SyncError as exc:
            info["online"] = False
            info["error"] = str(exc)
        finally:
            client.close()
    return OpResult(info)


def conflict_list(
    ctx: TerminalContext, *, include_resolved: bool = False
) -> OpResult[list[dict[str, Any]]]:
    """The conflicts the server reported (open ones, or all), as dicts."""
    with ctx.store.read() as session:
        rows = [c.as_dict() for c in conflicts.listing(session, include_resolved=include_resolved)]
    return OpResult(rows)


@dataclass(frozen=True)
class ConflictResolved:
    id: int
    resolution: str


def resolve_conflict(
    ctx: TerminalContext, actor: Actor, conflict_id: int, resolution: str
) -> OpResult[ConflictResolved]:
    """Record how a conflict was settled (audited)."""
    with ctx.store.write() as session:
        view = conflicts.resolve(session, actor, conflict_id, resolution)
        done = ConflictResolved(view.id, view.resolution)
    return OpResult(done, ctx.publish(_SYNC))


@dataclass(frozen=True)
class ServerAddress:
    url: str
    ca_file: Path | None


def configure_server(
    ctx: TerminalContext,
    actor: Actor,
    url: str,
    *,
    ca_file: Path | None = None,
    allow_http: bool = False,
) -> OpResult[ServerAddress]:
    """Point this terminal at a server (HTTPS unless loopback or ``allow_http``)."""
    cfg = terminal.configure(ctx.store, actor, url, ca_file=ca_file, allow_http=allow_http)
    done = ServerAddress(cfg.url, Path(cfg.ca_file) if cfg.ca_file else None)
    return OpResult(done, ctx.publish(_SYNC))


def enrol(ctx: TerminalContext, actor: Actor, code: str) -> OpResult[protocol.Enrolment]:
    """Enrol with a one-time code: the server names this terminal and registers its ticket key."""
    client = _client(ctx)
    try:
        reply = terminal.enrol(ctx.store, actor, client, code, open_signer(ctx.store.path))
    finally:
        client.close()
    ctx.terminal = reply.name
    return OpResult(reply, ctx.publish(ChangeSet.of(sync=True, catalogue=True)))


def pull_catalogue(ctx: TerminalContext) -> OpResult[dict[str, int]]:
    """Load the server's catalogue into this store: rows per table."""
    client = _client(ctx)
    try:
        counts = terminal.pull_catalogue(ctx.store, client)
    finally:
        client.close()
    return OpResult(counts, ctx.publish(ChangeSet.of(sync=True, catalogue=True)))


def sync_now(ctx: TerminalContext) -> OpResult[tuple[int, int]]:
    """Push the waiting operations and pull the feed now: (pushed, applied)."""
    client = _client(ctx)
    try:
        worker = SyncWorker(ctx.store, client, terminal=terminal.terminal_name(ctx.store))
        pushed = worker.push_backlog()
        pulled = worker.pull_feed()
    finally:
        client.close()
    return OpResult((pushed, pulled), ctx.publish(ChangeSet.of(sync=True, catalogue=bool(pulled))))


def _supervisor(ctx: TerminalContext, username: str) -> Actor:
    """The supervisor on whose authority an allocation is asked (checked here and on the server)."""
    with ctx.store.read() as session:
        user = session.scalar(select(User).where(User.username == username.strip()))
        if user is None:
            raise NotFound("cli_user_not_in_store", username=username)
        return Actor(user.id, user.username, settings.get(session, "terminal.name"))


def allocate(
    ctx: TerminalContext,
    supervisor: str,
    performance_id: int,
    *,
    seat_ids: list[int] | None = None,
    ga_area_id: int | None = None,
    quantity: int | None = None,
    expires_at: datetime,
) -> OpResult[protocol.Allocation]:
    """Ask the server for seats (or standing places) to sell offline, on ``supervisor``'s
    authority (a user name in this store; checked here and on the server)."""
    by = _supervisor(ctx, supervisor)
    client = _client(ctx)
    try:
        grant = allocations.request(
            ctx.store,
            by,
            client,
            performance_id,
            seat_ids=seat_ids,
            ga_area_id=ga_area_id,
            quantity=quantity,
            expires_at=expires_at,
        )
    finally:
        client.close()
    changes = ChangeSet.of(performances=[performance_id], sync=True)
    return OpResult(grant, ctx.publish(changes))


def release_allocation(
    ctx: TerminalContext, actor: Actor, allocation_id: int
) -> OpResult[dict[str, object]]:
    """Give back what is unsold of an allocation: ends here now, the release is queued."""
    done = allocations.release(ctx.store, actor, allocation_id)
    return OpResult(done, ctx.publish(_SYNC))


__all__ = [
    "ConflictResolved",
    "ServerAddress",
    "allocate",
    "configure_server",
    "conflict_list",
    "enrol",
    "pull_catalogue",
    "release_allocation",
    "resolve_conflict",
    "sync_now",
    "sync_status",
]
