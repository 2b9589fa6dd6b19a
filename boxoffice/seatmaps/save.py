"""Writing a validated plan into the store, fast enough for a 100,000-seat arena.

Seats go in with one Core bulk ``INSERT`` (executemany) on the table, not one
ORM object each (nor the ORM bulk path, which doubles the time on 100,000
seats): that is what keeps a big import to a few seconds. Everything happens
in the caller's transaction, so a failure anywhere leaves nothing behind.
"""

from __future__ import annotations

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from boxoffice import audit
from boxoffice.actor import Actor
from boxoffice.clock import utc_now
from boxoffice.errors import Conflict, ValidationError
from boxoffice.seatmaps.plan import SeatMapPlan
from boxoffice.seatmaps.validate import validate_plan
from boxoffice.store.models import GAArea, PriceZone, Row, Seat, SeatMap, Section, Venue

#: The ``source_format`` values a seat map may record.
SOURCE_FORMATS = ("own", "csv", "pretix")


def save_plan(
    session: Session, actor: Actor, venue: Venue, plan: SeatMapPlan, source_format: str
) -> SeatMap:
    """Store ``plan`` as a new seat map of ``venue`` and audit it; never replaces a map.

    Raises ``Conflict`` if the venue already has a map with this name, and
    ``SeatMapFormatError`` if the plan is unsound (it is re-checked here because
    a plan may be built by code rather than read from a file).
    """
    if source_format not in SOURCE_FORMATS:
        raise ValidationError(
            "seatmap_source_format_unknown",
            format=repr(source_format),
            formats=list(SOURCE_FORMATS),
        )
    validate_plan(plan, f"seat map {plan.name!r}")
    taken = session.scalar(
        select(SeatMap.id).where(SeatMap.venue_id == venue.id, SeatMap.name == plan.name)
    )
    if taken is not None:
        raise Conflict("seatmap_name_taken", venue=venue.name, name=plan.name)

    seat_map = SeatMap(
        venue_id=venue.id,
        name=plan.name,
        width=plan.width,
        height=plan.height,
        source_format=source_format,
        imported_at=utc_now(),
    )
    session.add(seat_map)
    session.flush()
    map_id = seat_map.id

    zone_ids = dict(
        zip(
            [z.name for z in plan.zones],
            _insert_returning_ids(
                session,
                PriceZone,
                [{"seat_map_id": map_id, "name": z.name, "color": z.color} for z in plan.zones],
            ),
            strict=True,
        )
    )
    section_ids = _insert_returning_ids(
        session,
        Section,
        [
            {"seat_map_id": map_id, "name": s.name, "position": i}
            for i, s in enumerate(plan.sections)
        ],
    )
    row_ids = _insert_returning_ids(
        session,
        Row,
        [
            {"section_id": section_id, "name": row.name, "position": ri}
            for section_id, section in zip(section_ids, plan.sections, strict=True)
            for ri, row in enumerate(section.rows)
        ],
    )
    all_rows = [row for section in plan.sections for row in section.rows]
    seats = [
        {
            "seat_map_id": map_id,
            "row_id": row_id,
            "price_zone_id": zone_ids[seat.zone],
            "guid": seat.guid,
            "number": seat.number,
            "position": position,
            "x": seat.x,
            "y": seat.y,
            "wheelchair": seat.wheelchair,
            "companion": seat.companion,
            "restricted_view": seat.restricted_view,
        }
        for row_id, row in zip(row_ids, all_rows, strict=True)
        for position, seat in enumerate(row.seats)
    ]
    if seats:
        session.execute(insert(Seat.__table__), seats)
    if plan.ga_areas:
        session.execute(
            insert(GAArea.__table__),
            [
                {
                    "seat_map_id": map_id,
                    "price_zone_id": zone_ids[area.zone],
                    "name": area.name,
                    "capacity": area.capacity,
                }
                for area in plan.ga_areas
            ],
        )
    audit.record(
        session,
        actor,
        "seatmap.import",
        f"seat_map:{map_id}",
        {
            "venue": venue.name,
            "name": plan.name,
            "format": source_format,
            "seats": len(seats),
            "sections": len(plan.sections),
            "rows": len(all_rows),
            "zones": len(plan.zones),
            "ga_areas": len(plan.ga_areas),
            "ga_capacity": sum(a.capacity for a in plan.ga_areas),
        },
    )
    return seat_map


def _insert_returning_ids(
    session: Session, model: type, rows: list[dict[str, object]]
) -> list[int]:
    """Bulk-insert ``rows`` and return their new ids in the same order."""
    if not rows:
        return []
    table = model.__table__  # type: ignore[attr-defined]
    result = session.execute(
        insert(table).returning(table.c.id, sort_by_parameter_order=True), rows
    )
    return list(result.scalars())
