"""What the screens read: plain data for views, never ORM rows.

The performance list, a performance's seat map as arrays (``SeatMapData``)
with its price table, and who is signed in (with what they may do, so the
shell offers only the screens the user may use; the services still check
every action). Each query opens its own read transaction on the context's
store. The types views need are re-exported here, so the UI imports
``boxoffice.ops.queries`` and never ``boxoffice.seatmaps`` or the store.

No Qt here, and no module-level state.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from boxoffice.catalogue.prices import PriceRow
from boxoffice.seatmaps import view_model
from boxoffice.seatmaps.view_model import (
    HOLD_CODES,
    KILL_CODE,
    PerformanceSummary,
    PriceZoneInfo,
    SeatLabel,
    SeatMapData,
    StandingArea,
    synthetic_grid,
)

if TYPE_CHECKING:
    from boxoffice.context import TerminalContext
    from boxoffice.store import Store


@dataclass(frozen=True)
class SignedInUser:
    """Who the status bar names, and what they may do (permission values)."""

    username: str
    display_name: str
    role: str
    permissions: frozenset[str] = field(default_factory=frozenset)

    def may(self, permission: str) -> bool:
        return permission in self.permissions


@dataclass(frozen=True)
class PerformanceView:
    """One performance as the main window shows it: the seat map and the price table."""

    performance_id: int
    seat_map: SeatMapData
    prices: list[PriceRow]


def store_state(store: Store) -> tuple[int, int]:
    """(venues, users) in the store: is there anything to sell, anyone to sign in?

    Takes the store, not a context: it is asked while the terminal starts.
    """
    with store.read() as session:
        return view_model.store_state(session)


def performance_summaries(ctx: TerminalContext) -> list[PerformanceSummary]:
    """Every performance, by start, with its event, venue, local start and status."""
    with ctx.store.read() as session:
        return view_model.performance_summaries(session)


def performance_view(ctx: TerminalContext, performance_id: int) -> PerformanceView:
    """The performance's seat map (holds and sold seats marked) and its prices."""
    with ctx.store.read() as session:
        return PerformanceView(
            performance_id,
            view_model.load_performance_seat_map(session, performance_id),
            view_model.price_rows(session, performance_id),
        )


def signed_in_user(ctx: TerminalContext, username: str) -> SignedInUser:
    """The user's name and role, and the permissions they hold now."""
    from boxoffice.auth import grants, users

    with ctx.store.read() as session:
        user = users.get_user(session, username)
        permissions = grants.effective_permissions(session, user.id, ctx.now())
        return SignedInUser(
            user.username,
            user.display_name or user.username,
            user.role.name,
            frozenset(p.value for p in permissions),
        )


__all__ = [
    "HOLD_CODES",
    "KILL_CODE",
    "PerformanceSummary",
    "PerformanceView",
    "PriceRow",
    "PriceZoneInfo",
    "SeatLabel",
    "SeatMapData",
    "SignedInUser",
    "StandingArea",
    "performance_summaries",
    "performance_view",
    "signed_in_user",
    "store_state",
    "synthetic_grid",
]
