"""Back-office ops: set a store up and keep it in order.

Opening a store for administration (``open_admin``: migrated, standard roles
and price types present, the context named after the store's terminal),
naming the terminal, the demo data, checking the audit chain, importing a
seat map, events, performances and their status, price tables, users, PINs
and passwords, and lending a permission until a time. The admin CLI runs
these; a back-office screen will too.

Each op owns its transaction and returns plain data (dataclasses, dicts),
never ORM rows; what changed the catalogue publishes ``catalogue``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import func, select

from boxoffice import audit, demo, settings
from boxoffice.actor import Actor
from boxoffice.auth import grants as auth_grants
from boxoffice.auth import roles as auth_roles
from boxoffice.auth import users as auth_users
from boxoffice.auth.permissions import ROLE_PERMISSIONS, Permission
from boxoffice.bus import ChangeSet
from boxoffice.catalogue import events, performances, prices
from boxoffice.context import TerminalContext
from boxoffice.errors import ValidationError
from boxoffice.money import Money
from boxoffice.ops import OpResult
from boxoffice.sales import numbering
from boxoffice.sales.signer import open_signer
from boxoffice.store import open_store
from boxoffice.store.models import PerformanceStatus, Seat

#: What a performance's status may be, and a new performance's default.
PERFORMANCE_STATUSES: tuple[str, ...] = tuple(s.value for s in PerformanceStatus)
DEFAULT_PERFORMANCE_STATUS = PerformanceStatus.SCHEDULED.value
#: The roles a user may have, and the permissions that can be lent.
ROLES: tuple[str, ...] = tuple(sorted(ROLE_PERMISSIONS))
PERMISSIONS: tuple[str, ...] = tuple(p.value for p in Permission)

_CATALOGUE = ChangeSet.of(catalogue=True)


def open_admin(path: Path, *, language: str = "en") -> TerminalContext:
    """Open (migrating) the store at ``path`` for administration.

    Makes sure the standard roles and price types exist; the context carries
    the store's terminal name. Close it with ``close_admin``.
    """
    store = open_store(path)
    try:
        with store.write() as session:
            auth_roles.ensure_roles(session)
            prices.ensure_standard_price_types(session)
            terminal = settings.get(session, "terminal.name")
    except BaseException:
        store.dispose()
        raise
    return TerminalContext(store, terminal, language=language)


def close_admin(ctx: TerminalContext) -> None:
    """Release the store (its connections and the writer's file lock)."""
    ctx.store.dispose()


def store_path(ctx: TerminalContext) -> Path:
    return Path(ctx.store.path)


# -- the store and this terminal --------------------------------------------------
def configure_terminal(
    ctx: TerminalContext, actor: Actor, name: str | None, prefix: str | None
) -> OpResult[None]:
    """Name this terminal and set its serial/order-number prefix (None keeps the current)."""
    with ctx.store.write() as session:
        numbering.configure_terminal(
            session,
            actor,
            name or settings.get(session, "terminal.name"),
            prefix or settings.get(session, "terminal.prefix"),
        )
        terminal = settings.get(session, "terminal.name")
    ctx.terminal = terminal
    return OpResult(None, ctx.publish(_CATALOGUE))


def seed_demo(ctx: TerminalContext, actor: Actor) -> OpResult[dict[str, int]]:
    """Seed the demo venues, shows, prices, users and sales; returns what was made."""
    signer = open_signer(ctx.store.path)
    with ctx.store.write() as session:
        counts = demo.seed(session, actor, signer=signer)
    return OpResult(dict(counts), ctx.publish(_CATALOGUE))


@dataclass(frozen=True)
class AuditCheck:
    """The audit chain's state: ``problem`` is None when it is intact."""

    problem: str | None
    entries: int


def verify_audit(ctx: TerminalContext) -> OpResult[AuditCheck]:
    with ctx.store.read() as session:
        problem = audit.verify(session)
        count = len(audit.entries(session))
    return OpResult(AuditCheck(None if problem is None else str(problem), count))


# -- seat maps --------------------------------------------------------------------
@dataclass(frozen=True)
class SeatMapImported:
    id: int
    name: str
    venue: str
    seats: int
    standing_areas: int
    standing_places: int
    price_zones: int


def import_seatmap(
    ctx: TerminalContext,
    actor: Actor,
    path: Path,
    venue: str,
    *,
    fmt: str | None = None,
    name: str | None = None,
) -> OpResult[SeatMapImported]:
    """Import a seat map file (own JSON, CSV, pretix) into ``venue``: all or nothing."""
    from boxoffice.seatmaps.importer import import_seatmap as import_file

    with ctx.store.write() as session:
        seat_map = import_file(session, actor, Path(path), venue, fmt=fmt, name=name)
        seats = session.scalar(
            select(func.count()).select_from(Seat).where(Seat.seat_map_id == seat_map.id)
        )
        imported = SeatMapImported(
            id=seat_map.id,
            name=seat_map.name,
            venue=venue,
            seats=int(seats or 0),
            standing_areas=len(seat_map.ga_areas),
            standing_places=sum(a.capacity for a in seat_map.ga_areas),
            price_zones=len(seat_map.price_zones),
        )
    return OpResult(imported, ctx.publish(_CATALOGUE))


# -- events and performances ---------------------------------------------------------
@dataclass(frozen=True)
class EventRow:
    id: int
    name: str
    category: str
    duration_minutes: int
    performances: int

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "category": self.category,
            "duration_minutes": self.duration_minutes,
            "performances": self.performances,
        }


def _event_row(event: Any) -> EventRow:
    return EventRow(
        event.id, event.name, event.category, event.duration_minutes, len(event.performances)
    )


def add_event(
    ctx: TerminalContext,
    actor: Actor,
    name: str,
    *,
    category: str = "",
    description: str = "",
    duration_minutes: int = 120,
) -> OpResult[EventRow]:
    with ctx.store.write() as session:
        event = events.add_event(
            session,
            actor,
            name,
            category=category,
            description=description,
            duration_minutes=duration_minutes,
        )
        row = _event_row(event)
    return OpResult(row, ctx.publish(_CATALOGUE))


def list_events(ctx: TerminalContext) -> OpResult[list[EventRow]]:
    with ctx.store.read() as session:
        return OpResult([_event_row(e) for e in events.list_events(session)])


def local_datetime(text: str, tz: str) -> datetime:
    """A time given without an offset is read in the venue's (or the given) zone."""
    try:
        value = datetime.fromisoformat(text.strip())
    except ValueError:
        raise ValidationError("cli_not_local_datetime", text=text) from None
    if value.tzinfo is not None:
        return value
    try:
        return value.replace(tzinfo=ZoneInfo(tz))
    except (ZoneInfoNotFoundError, ValueError):
        raise ValidationError("cli_unknown_time_zone", zone=tz) from None


@dataclass(frozen=True)
class PerformanceRow:
    id: int
    event: str
    venue: str
    seat_map: str
    #: In the venue's time zone, ISO 8601.
    starts_at: str
    status: str
    currency: str

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "event": self.event,
            "venue": self.venue,
            "seat_map": self.seat_map,
            "starts_at": self.starts_at,
            "status": self.status,
            "currency": self.currency,
        }


def _performance_row(p: Any, tz: str | None = None) -> PerformanceRow:
    return PerformanceRow(
        id=p.id,
        event=p.event.name,
        venue=p.seat_map.venue.name,
        seat_map=p.seat_map.name,
        starts_at=p.starts_at.astimezone(ZoneInfo(tz or p.seat_map.venue.timezone)).isoformat(),
        status=p.status.value,
        currency=p.currency,
    )


def add_performance(
    ctx: TerminalContext,
    actor: Actor,
    event: str | int,
    venue: str,
    starts: str,
    *,
    seat_map: str | None = None,
    tz: str | None = None,
    currency: str | None = None,
    status: str = DEFAULT_PERFORMANCE_STATUS,
    sale_starts_at: datetime | None = None,
    sale_ends_at: datetime | None = None,
) -> OpResult[PerformanceRow]:
    """Add a performance of ``event`` at ``venue``; ``starts`` without an offset is in ``tz``
    (default: the venue's zone). The row's start is shown in that zone."""
    with ctx.store.write() as session:
        found = events.get_event(session, event)
        chosen = performances.find_seat_map(session, venue, seat_map)
        zone = tz or chosen.venue.timezone
        try:
            starts_at = local_datetime(starts, zone)
        except ValidationError as exc:
            raise ValidationError("cli_bad_option", option="--starts", reason=exc) from None
        performance = performances.add_performance(
            session,
            actor,
            found,
            chosen,
            starts_at,
            currency=currency,
            status=PerformanceStatus(status),
            sale_starts_at=sale_starts_at,
            sale_ends_at=sale_ends_at,
        )
        row = _performance_row(performance, zone)
    return OpResult(row, ctx.publish(ChangeSet.of(performances=[row.id], catalogue=True)))


def list_performances(
    ctx: TerminalContext, event: str | int | None = None
) -> OpResult[list[PerformanceRow]]:
    """Every performance (of ``event``, by id or name, if given), in its venue's time."""
    with ctx.store.read() as session:
        event_id = events.get_event(session, event).id if event else None
        rows = [
            _performance_row(p) for p in performances.list_performances(session, event_id=event_id)
        ]
    return OpResult(rows)


def set_performance_status(
    ctx: TerminalContext, actor: Actor, performance_id: int, status: str
) -> OpResult[str]:
    """Put on sale, take off sale, cancel: returns the new status."""
    with ctx.store.write() as session:
        p = performances.set_status(session, actor, performance_id, PerformanceStatus(status))
        now = p.status.value
    changes = ChangeSet.of(performances=[performance_id], catalogue=True)
    return OpResult(now, ctx.publish(changes))


# -- prices -----------------------------------------------------------------------------
@dataclass(frozen=True)
class PriceSet:
    performance_id: int
    zone: str
    price_type: str
    amount: Money
    tax_rate: str


def set_price(
    ctx: TerminalContext,
    actor: Actor,
    performance_id: int,
    zone: str,
    price_type: str,
    amount: str,
    tax_rate: str,
) -> OpResult[PriceSet]:
    """Set one price (zone × price type), tax-inclusive ``amount`` in the performance's currency."""
    with ctx.store.write() as session:
        performance = performances.get_performance(session, performance_id)
        money = Money.of(amount, performance.currency)
        prices.set_price(session, actor, performance, zone, price_type, money, tax_rate)
        done = PriceSet(performance.id, zone, price_type, money, tax_rate)
    changes = ChangeSet.of(performances=[performance_id], catalogue=True)
    return OpResult(done, ctx.publish(changes))


def price_list(ctx: TerminalContext, performance_id: int) -> OpResult[list[dict[str, str]]]:
    """A performance's price table: zone, type, amount, currency, tax rate, tax."""
    with ctx.store.read() as session:
        performances.get_performance(session, performance_id)
        rows = [
            {
                "zone": r.zone,
                "type": r.price_type,
                "amount": str(r.price.amount),
                "currency": r.price.currency,
                "tax_rate": str(r.tax_rate),
                "tax": str(r.tax.amount),
            }
            for r in prices.price_table(session, performance_id)
        ]
    return OpResult(rows)


# -- users ---------------------------------------------------------------------------------
def add_user(
    ctx: TerminalContext,
    actor: Actor,
    username: str,
    role: str,
    secret: str,
    *,
    kind: str = "pin",
    display_name: str = "",
) -> OpResult[str]:
    """Create a user with a PIN (or ``kind="password"``); returns the user name."""
    with ctx.store.write() as session:
        user = auth_users.create_user(
            session, actor, username, role, secret, kind=kind, display_name=display_name
        )
        name = user.username
    return OpResult(name, ctx.publish(_CATALOGUE))


def set_secret(
    ctx: TerminalContext, actor: Actor, username: str, secret: str, kind: str
) -> OpResult[None]:
    """Change a user's PIN or password."""
    with ctx.store.write() as session:
        auth_users.set_secret(session, actor, username, secret, kind)
    return OpResult(None, ctx.publish(_CATALOGUE))


def list_users(ctx: TerminalContext) -> OpResult[list[dict[str, Any]]]:
    with ctx.store.read() as session:
        rows = [
            {
                "username": u.username,
                "name": u.display_name,
                "role": u.role.name,
                "active": u.active,
                "locked_until": u.locked_until.isoformat() if u.locked_until else "",
            }
            for u in auth_users.list_users(session)
        ]
    return OpResult(rows)


@dataclass(frozen=True)
class GrantMade:
    username: str
    permission: str
    expires_at: datetime


def grant(
    ctx: TerminalContext,
    actor: Actor,
    username: str,
    permission: str,
    until: datetime,
    reason: str,
) -> OpResult[GrantMade]:
    """Lend ``permission`` to ``username`` until ``until`` (audited, with the reason)."""
    with ctx.store.write() as session:
        made = auth_grants.grant(session, actor, username, Permission(permission), until, reason)
        done = GrantMade(username, str(made.permission), made.expires_at)
    return OpResult(done, ctx.publish(_CATALOGUE))


__all__ = [
    "DEFAULT_PERFORMANCE_STATUS",
    "PERFORMANCE_STATUSES",
    "PERMISSIONS",
    "ROLES",
    "AuditCheck",
    "EventRow",
    "GrantMade",
    "PerformanceRow",
    "PriceSet",
    "SeatMapImported",
    "add_event",
    "add_performance",
    "add_user",
    "close_admin",
    "configure_terminal",
    "grant",
    "import_seatmap",
    "list_events",
    "list_performances",
    "list_users",
    "local_datetime",
    "open_admin",
    "price_list",
    "seed_demo",
    "set_performance_status",
    "set_price",
    "set_secret",
    "store_path",
    "verify_audit",
]
