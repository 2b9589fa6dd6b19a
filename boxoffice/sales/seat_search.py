"""Best available for a performance: the cached layout plus today's availability."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from boxoffice.errors import NotFound
from boxoffice.sales.availability import seat_states
from boxoffice.sales.best_available import BestResult, SeatLayout
from boxoffice.store.models import Performance, Section

#: Maps with more sections than this are bowls (arenas): row 1 of every block
#: is equally near the stage, so rows are ranked across sections.
BOWL_SECTIONS = 8


_LAYOUTS: dict[tuple[str, int], SeatLayout] = {}


def layout_for(session: Session, seat_map_id: int) -> SeatLayout:
    """The seat map's row structure; it never changes, so it is loaded once per store."""
    # Keyed by the store file, not the engine object: an id() can be reused
    # by another store's engine once the first is gone.
    key = (str(session.get_bind().url), seat_map_id)
    layout = _LAYOUTS.get(key)
    if layout is None:
        sections = session.scalar(
            select(func.count()).select_from(Section).where(Section.seat_map_id == seat_map_id)
        )
        rank_by = "row" if (sections or 0) > BOWL_SECTIONS else "section"
        layout = SeatLayout.load(session, seat_map_id, rank_by=rank_by)
        if len(_LAYOUTS) > 32:
            _LAYOUTS.clear()
        _LAYOUTS[key] = layout
    return layout


def best_available(
    session: Session,
    performance_id: int,
    quantity: int,
    terminal: str,
    *,
    zone: str | None = None,
    now: datetime | None = None,
    offline: bool = False,
    allow_split: bool = True,
) -> BestResult:
    """The best ``quantity`` seats this terminal may sell now (offline: from its allocation)."""
    performance = session.get(Performance, performance_id)
    if performance is None:
        raise NotFound("sale_performance_not_found", performance=performance_id)
    layout = layout_for(session, performance.seat_map_id)
    zone_id = layout.zone_named(zone) if zone else None
    unavailable = seat_states(
        session, performance_id, terminal, now=now, offline=offline
    ).unavailable()
    return layout.find_best(quantity, unavailable, zone_id, allow_split=allow_split)
