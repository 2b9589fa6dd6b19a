"""Checks every plan must pass before it is stored, whatever file it came from.

Problems are reported in the words of the source file: each format supplies
a ``Locator`` that turns a place in the plan (the third seat of the second
row of the first section) into its path in that file (``zones[0].rows[1]
.seats[2]`` for pretix, ``line 17`` for CSV). Limits come from the database
columns, so a plan that passes here cannot fail on insert.
"""

from __future__ import annotations

import math
import re

from boxoffice.seatmaps.errors import SeatMapFormatError, Where
from boxoffice.seatmaps.plan import SeatMapPlan
from boxoffice.store.models import GAArea, PriceZone, Row, Seat, SeatMap, Section


def _length(column: object) -> int:
    return int(column.type.length)  # type: ignore[attr-defined]


MAX_MAP_NAME = _length(SeatMap.__table__.c.name)
MAX_ZONE_NAME = _length(PriceZone.__table__.c.name)
MAX_SECTION_NAME = _length(Section.__table__.c.name)
MAX_ROW_NAME = _length(Row.__table__.c.name)
MAX_GUID = _length(Seat.__table__.c.guid)
MAX_SEAT_NUMBER = _length(Seat.__table__.c.number)
MAX_GA_NAME = _length(GAArea.__table__.c.name)
COLOR = re.compile(r"#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})")


class Locator:
    """Where a plan element lives in the source file; this default speaks the own format.

    ``field`` is always the plan's field name (``guid``, ``zone``, ``name`` ...);
    a subclass translates it into the file's own vocabulary.
    """

    def map_field(self, field: str) -> Where:
        return "size.width" if field == "width" else "size.height" if field == "height" else field

    def zone(self, zi: int, field: str) -> Where:
        return f"zones[{zi}].{field}"

    def section(self, si: int, field: str) -> Where:
        return f"sections[{si}].{field}"

    def row(self, si: int, ri: int, field: str) -> Where:
        return f"sections[{si}].rows[{ri}].{field}"

    def seat(self, si: int, ri: int, ki: int, field: str) -> Where:
        return f"sections[{si}].rows[{ri}].seats[{ki}].{field}"

    def ga(self, gi: int, field: str) -> Where:
        return f"ga_areas[{gi}].{field}"


def _check_name(filename: str, where: Where, value: object, limit: int) -> None:
    if not isinstance(value, str) or not value.strip():
        raise SeatMapFormatError(filename, where, "seatmap_text_empty")
    if len(value) > limit:
        raise SeatMapFormatError(
            filename, where, "seatmap_text_too_long", length=len(value), limit=limit
        )


def validate_plan(plan: SeatMapPlan, filename: str, locator: Locator | None = None) -> None:
    """Raise ``SeatMapFormatError`` for the first problem found; return if the plan is sound."""
    loc = locator or Locator()
    _check_name(filename, loc.map_field("name"), plan.name, MAX_MAP_NAME)
    for field in ("width", "height"):
        value = getattr(plan, field)
        if not isinstance(value, int | float) or not math.isfinite(value) or value < 0:
            raise SeatMapFormatError(
                filename, loc.map_field(field), "seatmap_size_negative", got=repr(value)
            )

    zones: dict[str, int] = {}
    for zi, zone in enumerate(plan.zones):
        _check_name(filename, loc.zone(zi, "name"), zone.name, MAX_ZONE_NAME)
        if zone.name in zones:
            raise SeatMapFormatError(
                filename,
                loc.zone(zi, "name"),
                "seatmap_duplicate_name",
                name=repr(zone.name),
                other=loc.zone(zones[zone.name], "name"),
            )
        zones[zone.name] = zi
        if not isinstance(zone.color, str) or not COLOR.fullmatch(zone.color):
            raise SeatMapFormatError(
                filename,
                loc.zone(zi, "color"),
                "seatmap_bad_colour",
                got=repr(zone.color),
            )

    def unknown_zone(where: Where, name: str) -> SeatMapFormatError:
        if not zones:
            return SeatMapFormatError(filename, where, "seatmap_unknown_zone_none", zone=repr(name))
        known = [repr(z) for z in zones]
        return SeatMapFormatError(
            filename, where, "seatmap_unknown_zone", zone=repr(name), known=known
        )

    sections: dict[str, int] = {}
    guids: dict[str, tuple[int, int, int]] = {}
    for si, section in enumerate(plan.sections):
        _check_name(filename, loc.section(si, "name"), section.name, MAX_SECTION_NAME)
        if section.name in sections:
            other = loc.section(sections[section.name], "name")
            raise SeatMapFormatError(
                filename,
                loc.section(si, "name"),
                "seatmap_duplicate_section",
                name=repr(section.name),
                other=other,
            )
        sections[section.name] = si
        rows: dict[str, int] = {}
        for ri, row in enumerate(section.rows):
            _check_name(filename, loc.row(si, ri, "name"), row.name, MAX_ROW_NAME)
            if row.name in rows:
                other = loc.row(si, rows[row.name], "name")
                raise SeatMapFormatError(
                    filename,
                    loc.row(si, ri, "name"),
                    "seatmap_duplicate_row",
                    name=repr(row.name),
                    section=repr(section.name),
                    other=other,
                )
            rows[row.name] = ri
            for ki, seat in enumerate(row.seats):
                guid = seat.guid
                if guid in guids:
                    other = loc.seat(*guids[guid], "guid")
                    raise SeatMapFormatError(
                        filename,
                        loc.seat(si, ri, ki, "guid"),
                        "seatmap_duplicate_guid",
                        guid=repr(guid),
                        other=other,
                    )
                guids[guid] = (si, ri, ki)
                if not guid.strip() or len(guid) > MAX_GUID:
                    _check_name(filename, loc.seat(si, ri, ki, "guid"), guid, MAX_GUID)
                if len(seat.number) > MAX_SEAT_NUMBER:
                    _check_name(
                        filename, loc.seat(si, ri, ki, "number"), seat.number, MAX_SEAT_NUMBER
                    )
                if seat.zone not in zones:
                    raise unknown_zone(loc.seat(si, ri, ki, "zone"), seat.zone)
                for field in ("x", "y"):
                    value = getattr(seat, field)
                    if not math.isfinite(value):
                        raise SeatMapFormatError(
                            filename,
                            loc.seat(si, ri, ki, field),
                            "seatmap_expected_finite_number",
                            got=repr(value),
                        )

    areas: dict[str, int] = {}
    for gi, area in enumerate(plan.ga_areas):
        _check_name(filename, loc.ga(gi, "name"), area.name, MAX_GA_NAME)
        if area.name in areas:
            raise SeatMapFormatError(
                filename,
                loc.ga(gi, "name"),
                "seatmap_duplicate_name",
                name=repr(area.name),
                other=loc.ga(areas[area.name], "name"),
            )
        areas[area.name] = gi
        if type(area.capacity) is not int or area.capacity <= 0:
            raise SeatMapFormatError(
                filename,
                loc.ga(gi, "capacity"),
                "seatmap_capacity_not_positive",
                got=repr(area.capacity),
            )
        if area.zone not in zones:
            raise unknown_zone(loc.ga(gi, "zone"), area.zone)

    if not guids and not plan.ga_areas:
        raise SeatMapFormatError(filename, "", "seatmap_plan_empty")
