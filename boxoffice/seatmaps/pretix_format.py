"""pretix's published seating-plan JSON (``seating-plan.schema.json``), which many venues have.

Mapping, following pretix's own ``SeatingPlan.iter_all_seats``:

* each pretix *zone* becomes a section; zones without seats (a stage drawn
  with areas only) are skipped; a zone without a name is named after its
  ``zone_id``, else "Zone n";
* each *row* becomes a row named by ``row_number``; pretix lets a row be drawn
  as several objects (e.g. either side of an aisle) sharing one
  ``row_number`` in a zone, and those are merged in file order;
* positions are relative: a seat's absolute point is zone.position +
  row.position + seat.position (a missing row position counts as 0, 0);
* *categories* become price zones; areas (shapes, text) are decoration and
  ignored. Fields pretix does not define for our purpose (``uuid``,
  ``row_label``, ``radius`` ...) are ignored, as pretix's editor adds more over time.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from boxoffice.seatmaps.errors import JsonFields, decode_json, join
from boxoffice.seatmaps.plan import RowPlan, SeatMapPlan, SeatPlan, SectionPlan, ZonePlan
from boxoffice.seatmaps.validate import Locator, validate_plan

DEFAULT_COLOR = "#888888"
_SEAT_FIELDS = {
    "guid": "seat_guid",
    "number": "seat_number",
    "zone": "category",
    "x": "position.x",
    "y": "position.y",
}


def looks_like(data: Any) -> bool:
    """Whether decoded JSON has pretix's shape (top-level zones and categories)."""
    return isinstance(data, Mapping) and "zones" in data and "categories" in data


class _PretixLocator(Locator):
    """Maps plan places back to the pretix file, through skipped zones and merged rows."""

    def __init__(self) -> None:
        self.zone_of_section: list[int] = []
        #: per section, per plan row: the pretix row index of each seat
        self.rows_of_seats: list[list[list[tuple[int, int]]]] = []
        #: per section, per plan row: the first pretix row index
        self.first_row: list[list[int]] = []

    def zone(self, zi: int, field: str) -> str:
        return f"categories[{zi}].{field}"

    def section(self, si: int, field: str) -> str:
        return f"zones[{self.zone_of_section[si]}].{field}"

    def row(self, si: int, ri: int, field: str) -> str:
        name = "row_number" if field == "name" else field
        return f"zones[{self.zone_of_section[si]}].rows[{self.first_row[si][ri]}].{name}"

    def seat(self, si: int, ri: int, ki: int, field: str) -> str:
        pretix_row, pretix_seat = self.rows_of_seats[si][ri][ki]
        zone = self.zone_of_section[si]
        name = _SEAT_FIELDS.get(field, field)
        return f"zones[{zone}].rows[{pretix_row}].seats[{pretix_seat}].{name}"


def parse(data: str | Mapping[str, Any], filename: str = "plan.json") -> SeatMapPlan:
    """A validated plan, with absolute coordinates, from a pretix seating plan."""
    f = JsonFields(filename)
    top = f.obj(decode_json(data, filename) if isinstance(data, str) else data, "")
    name = f.string(f.require(top, "name", ""), "name")
    width = height = 0.0
    if "size" in top:
        size = f.obj(top["size"], "size")
        width = f.number(f.require(size, "width", "size"), "size.width")
        height = f.number(f.require(size, "height", "size"), "size.height")

    zones: list[ZonePlan] = []
    for ci, raw in enumerate(f.array(f.require(top, "categories", ""), "categories")):
        path = f"categories[{ci}]"
        category = f.obj(raw, path)
        cat_name = f.string(f.require(category, "name", path), f"{path}.name")
        color = category.get("color")
        color = DEFAULT_COLOR if color in (None, "") else f.string(color, f"{path}.color")
        zones.append(ZonePlan(cat_name, color))
    known = {z.name for z in zones}

    locator = _PretixLocator()
    sections: list[SectionPlan] = []
    for zi, raw in enumerate(f.array(f.require(top, "zones", ""), "zones")):
        zpath = f"zones[{zi}]"
        zone = f.obj(raw, zpath)
        zx, zy = f.position(f.require(zone, "position", zpath), f"{zpath}.position")
        rows: dict[str, RowPlan] = {}
        seat_places: dict[str, list[tuple[int, int]]] = {}
        first_row: dict[str, int] = {}
        for ri, raw_row in enumerate(f.array(f.require(zone, "rows", zpath), f"{zpath}.rows")):
            rpath = f"{zpath}.rows[{ri}]"
            row = f.obj(raw_row, rpath)
            row_number = f.string(f.require(row, "row_number", rpath), f"{rpath}.row_number")
            rx, ry = zx, zy
            if "position" in row:
                dx, dy = f.position(row["position"], f"{rpath}.position")
                rx, ry = zx + dx, zy + dy
            raw_seats = f.array(f.require(row, "seats", rpath), f"{rpath}.seats")
            if not raw_seats:
                continue
            if row_number not in rows:
                rows[row_number] = RowPlan(row_number)
                seat_places[row_number] = []
                first_row[row_number] = ri
            seats = rows[row_number].seats
            places = seat_places[row_number]
            for ki, raw_seat in enumerate(raw_seats):
                seats.append(_seat(f, raw_seat, f"{rpath}.seats[{ki}]", rx, ry, known))
                places.append((ri, ki))
        if not rows:
            continue
        section_name = zone.get("name")
        if section_name is None or section_name == "":
            fallback = zone.get("zone_id")
            section_name = fallback if isinstance(fallback, str) and fallback.strip() else None
            section_name = section_name or f"Zone {zi + 1}"
        else:
            section_name = f.string(section_name, f"{zpath}.name")
        sections.append(SectionPlan(section_name, list(rows.values())))
        locator.zone_of_section.append(zi)
        locator.first_row.append(list(first_row.values()))
        locator.rows_of_seats.append(list(seat_places.values()))

    plan = SeatMapPlan(name, width, height, zones, sections, [])
    validate_plan(plan, filename, locator)
    return plan


def _seat(f: JsonFields, raw: Any, path: str, rx: float, ry: float, known: set[str]) -> SeatPlan:
    """One seat at its absolute position; paths are built only on error."""
    if type(raw) is not dict:
        raw = f.obj(raw, path)
    try:
        guid, number = raw["seat_guid"], raw["seat_number"]
        position, category = raw["position"], raw["category"]
    except KeyError as exc:
        raise f.fail(join(path, exc.args[0]), "seatmap_field_missing") from None
    if type(guid) is not str:
        f.string(guid, f"{path}.seat_guid")
    if type(number) is not str:
        f.string(number, f"{path}.seat_number")
    if type(category) is not str:
        f.string(category, f"{path}.category")
    if category not in known:
        defined = [f'"{c}"' for c in sorted(known)] or ["none"]
        raise f.fail(
            f"{path}.category", "seatmap_unknown_category", category=category, defined=defined
        )
    x, y = f.position(position, f"{path}.position")
    return SeatPlan(guid, number, rx + x, ry + y, category)
