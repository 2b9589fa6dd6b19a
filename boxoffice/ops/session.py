"""Starting a terminal, signing in and out, and shutting the terminal down.

The one place a ``TerminalContext`` is built for the desktop client:
``start_terminal`` opens (and migrates) the local store, seeds the demo data
on a first ``--demo`` start, reads the terminal's name from the settings,
points the printers' print log at the store, loads the device registry and
starts the sync worker (which publishes its state changes on the context's
bus). The client then hands that context to every screen.

Everything heavy (SQLAlchemy, Alembic, the services) is imported inside the
functions, on the store worker's thread, so importing this module costs the
client's cold start nothing.

No Qt here, and no module-level state.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from boxoffice.bus import EventBus
from boxoffice.context import Mode, TerminalContext
from boxoffice.ops import OpResult
from boxoffice.sync.status import STANDALONE, SyncStatus

if TYPE_CHECKING:
    from boxoffice.actor import Actor
    from boxoffice.ops.queries import SignedInUser
    from boxoffice.store import Store

log = logging.getLogger(__name__)

__all__ = [
    "SEEDING",
    "STANDALONE",
    "OverrideGrant",
    "SignedIn",
    "SyncStatus",
    "TerminalStarted",
    "authorise_override",
    "close_devices",
    "open_local_store",
    "sign_in",
    "start_terminal",
    "stop_sync",
    "warm_imports",
]

#: What ``start_terminal`` reports through ``progress`` while it works.
SEEDING = "seeding"


def open_local_store(path: Path) -> Store:
    """The terminal's local store at ``path``, created or migrated as needed."""
    from boxoffice.store import open_store

    return open_store(path)


def warm_imports() -> None:
    """Import the store and the queries' modules (no store is opened).

    The client calls this on a side thread while the main thread imports Qt,
    so the store worker later finds them already imported.
    """
    import boxoffice.ops.queries
    import boxoffice.store.engine  # noqa: F401  (Alembic only if the store needs migrating)


@dataclass
class TerminalStarted:
    """What starting the terminal found: its context and whether anyone can work here."""

    context: TerminalContext
    venues: int
    users: int
    #: Every device registry made for this terminal (closed by ``close_terminal``).
    made: list[Any] = field(default_factory=list)

    @property
    def terminal(self) -> str:
        return self.context.terminal


def start_terminal(
    store: Store,
    *,
    demo: bool = False,
    terminal: str | None = None,
    language: str = "en",
    bus: EventBus | None = None,
    progress: Callable[[str], None] | None = None,
    made: list[Any] | None = None,
    submit: Callable[[Callable[[], Any]], Any] | None = None,
) -> TerminalStarted:
    """Build this terminal's context on an open store.

    ``demo``: seed an empty store with the demo venues, shows and staff
    (``progress(SEEDING)`` is called first: it takes seconds). ``terminal``:
    this terminal's name; None reads the store's ``terminal.name`` setting.
    The device registry is appended to ``made`` as soon as it exists, so a
    caller that quits before this returns can still close it. ``submit``
    (the client's ``StoreWorker.post``) is where the printers' reports go to
    be written to the print log: the one store worker, never a printer's
    thread; without it they are written where they arrive.
    """
    from boxoffice import settings
    from boxoffice.ops.queries import store_state

    venues, users = store_state(store)
    if demo and venues == 0:
        from boxoffice import demo as demo_data
        from boxoffice.actor import system_actor
        from boxoffice.sales.signer import open_signer

        if progress is not None:
            progress(SEEDING)
        with store.write() as session:
            demo_data.seed(session, system_actor("demo-setup"), signer=open_signer(store.path))
        venues, users = store_state(store)
    if terminal is None:
        with store.read() as session:
            terminal = settings.get(session, "terminal.name")
    from boxoffice.ops import devices as device_ops
    from boxoffice.sync import runtime

    bus = bus if bus is not None else EventBus()
    made = made if made is not None else []
    context = TerminalContext(
        store=store, terminal=terminal, bus=bus, mode=Mode.LIVE, language=language
    )
    # Printers report what they printed to the print-log op on this context,
    # run by ``submit`` (the store worker).
    devices = device_ops.start_devices(context, submit)
    made.append(devices)
    context.devices = devices
    context.sync = runtime.start_for(store, bus=bus)
    return TerminalStarted(context, venues, users, made)


def close_devices(made: list[Any], ctx: TerminalContext | None = None) -> None:
    """Close the device registries in ``made`` (emptied).

    Call after the last store job (it may have queued a slip) and before the
    store closes (a print queue logs the job it is finishing). ``ctx``, if
    given, no longer names a device registry.
    """
    registries = list(made)
    made.clear()
    if ctx is not None:
        ctx.devices = None
    for registry in registries:
        registry.close()


def stop_sync(ctx: TerminalContext) -> None:
    """Stop the terminal's sync worker, if it runs (at shut-down)."""
    if ctx.sync is not None:
        ctx.sync.stop()
        ctx.sync = None


@dataclass(frozen=True)
class SignedIn:
    """A successful sign-in: who acts, and what the status bar names."""

    actor: Actor
    user: SignedInUser


def sign_in(ctx: TerminalContext, username: str, pin: str) -> OpResult[SignedIn]:
    """Check ``username`` and ``pin`` at this terminal (lockout and audit committed first)."""
    from boxoffice.auth.login import login
    from boxoffice.ops.queries import signed_in_user

    actor = login(ctx.store, username, pin, ctx.terminal)
    return OpResult(SignedIn(actor, signed_in_user(ctx, actor.username)))


@dataclass(frozen=True)
class OverrideGrant:
    """A supervisor's single-use approval, as plain data (never the store's row).

    The services that consume an override read it afresh by ``id``; they
    match it to the action by ``permission``.
    """

    id: int
    permission: str
    subject: str
    reason: str
    #: The approving supervisor, by username and by user id (a sign-off records who).
    supervisor: str
    supervisor_id: int


def authorise_override(
    ctx: TerminalContext,
    actor: Actor,
    supervisor: str,
    pin: str,
    permission: str,
    subject: str = "",
    reason: str = "",
) -> OpResult[OverrideGrant]:
    """A supervisor approves ``permission`` (about ``subject``) for ``actor``, once.

    A wrong PIN counts towards the supervisor's lockout and is audited before
    the refusal is raised (``auth.overrides.authorise_override``).
    """
    from boxoffice.auth.overrides import authorise_override as authorise

    override = authorise(ctx.store, actor, supervisor, pin, permission, subject, reason)
    return OpResult(
        OverrideGrant(
            id=override.id,
            permission=override.permission,
            subject=override.subject,
            reason=override.reason,
            supervisor=supervisor,
            supervisor_id=override.supervisor_id,
        )
    )
