"""Reading a stored seat map back out, as a plan or as own-format JSON.

Export is the inverse of import: importing what ``export_own`` produces,
into any venue, gives the identical plan (same guids, order, coordinates,
zones and flags), so a map can move between installations.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from boxoffice.errors import NotFound
from boxoffice.seatmaps import own_format
from boxoffice.seatmaps.plan import (
    GAAreaPlan,
    RowPlan,
    SeatMapPlan,
    SeatPlan,
    SectionPlan,
    ZonePlan,
)
from boxoffice.store.models import GAArea, PriceZone, Row, Seat, SeatMap, Section


def plan_from_store(session: Session, seat_map_id: int) -> SeatMapPlan:
    """The stored seat map as a plan, in stored order; a few queries, no ORM object per seat."""
    seat_map = session.get(SeatMap, seat_map_id)
    if seat_map is None:
        raise NotFound("seatmap_id_not_found", seat_map=seat_map_id)
    zone_rows = session.execute(
        select(PriceZone.id, PriceZone.name, PriceZone.color)
        .where(PriceZone.seat_map_id == seat_map_id)
        .order_by(PriceZone.id)
    ).all()
    zone_names = {zone_id: name for zone_id, name, _ in zone_rows}
    sections: list[SectionPlan] = []
    rows_by_id: dict[int, RowPlan] = {}
    section_rows = session.execute(
        select(Section.id, Section.name)
        .where(Section.seat_map_id == seat_map_id)
        .order_by(Section.position, Section.id)
    ).all()
    by_section: dict[int, SectionPlan] = {}
    for section_id, name in section_rows:
        by_section[section_id] = SectionPlan(name)
        sections.append(by_section[section_id])
    for row_id, section_id, name in session.execute(
        select(Row.id, Row.section_id, Row.name)
        .join(Section, Row.section_id == Section.id)
        .where(Section.seat_map_id == seat_map_id)
        .order_by(Row.section_id, Row.position, Row.id)
    ):
        rows_by_id[row_id] = RowPlan(name)
        by_section[section_id].rows.append(rows_by_id[row_id])
    for row_id, guid, number, x, y, zone_id, wheelchair, companion, restricted in session.execute(
        select(
            Seat.row_id,
            Seat.guid,
            Seat.number,
            Seat.x,
            Seat.y,
            Seat.price_zone_id,
            Seat.wheelchair,
            Seat.companion,
            Seat.restricted_view,
        )
        .where(Seat.seat_map_id == seat_map_id)
        .order_by(Seat.row_id, Seat.position, Seat.id)
    ):
        rows_by_id[row_id].seats.append(
            SeatPlan(guid, number, x, y, zone_names[zone_id], wheelchair, companion, restricted)
        )
    areas = [
        GAAreaPlan(name, capacity, zone_names[zone_id])
        for name, capacity, zone_id in session.execute(
            select(GAArea.name, GAArea.capacity, GAArea.price_zone_id)
            .where(GAArea.seat_map_id == seat_map_id)
            .order_by(GAArea.id)
        )
    ]
    return SeatMapPlan(
        name=seat_map.name,
        width=seat_map.width,
        height=seat_map.height,
        zones=[ZonePlan(name, color) for _, name, color in zone_rows],
        sections=sections,
        ga_areas=areas,
    )


def export_own(session: Session, seat_map_id: int) -> dict[str, Any]:
    """The stored seat map as own-format JSON data (``json.dump`` it to write a file)."""
    return own_format.dump(plan_from_store(session, seat_map_id))
