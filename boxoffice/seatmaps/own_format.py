"""The project's own seat-map JSON: what we export, and the richest thing we import.

Unlike pretix's format it carries accessibility flags and general-admission
areas, and coordinates are absolute. It is strict: unknown fields are
refused so that a misspelt ``"wheelchiar": true`` is an error, not a seat
silently sold as ordinary. See docs/seatmap-format.md.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from boxoffice.seatmaps.errors import JsonFields, decode_json, show
from boxoffice.seatmaps.plan import (
    GAAreaPlan,
    RowPlan,
    SeatMapPlan,
    SeatPlan,
    SectionPlan,
    ZonePlan,
)
from boxoffice.seatmaps.validate import validate_plan

FORMAT = "boxoffice-seatmap"
VERSION = 1

_TOP = frozenset({"format", "version", "name", "size", "zones", "sections", "ga_areas"})
_SIZE = frozenset({"width", "height"})
_ZONE = frozenset({"name", "color"})
_SECTION = frozenset({"name", "rows"})
_ROW = frozenset({"name", "seats"})
_SEAT = frozenset(
    {"guid", "number", "x", "y", "zone", "wheelchair", "companion", "restricted_view"}
)
_GA = frozenset({"name", "capacity", "zone"})


def looks_like(data: Any) -> bool:
    """Whether decoded JSON claims to be in this format (for format detection)."""
    return isinstance(data, Mapping) and data.get("format") == FORMAT


def parse(data: str | Mapping[str, Any], filename: str = "plan.json") -> SeatMapPlan:
    """A validated plan from own-format JSON text (or already-decoded JSON)."""
    f = JsonFields(filename)
    top = f.obj(decode_json(data, filename) if isinstance(data, str) else data, "")
    f.only(top, _TOP, "")
    fmt = f.require(top, "format", "")
    if fmt != FORMAT:
        raise f.fail("format", "seatmap_wrong_format", expected=FORMAT, got=show(fmt))
    version = f.integer(f.require(top, "version", ""), "version")
    if version != VERSION:
        raise f.fail("version", "seatmap_version_unsupported", version=version, supported=VERSION)

    name = f.string(f.require(top, "name", ""), "name")
    width = height = 0.0
    if "size" in top:
        size = f.obj(top["size"], "size")
        f.only(size, _SIZE, "size")
        width = f.number(f.require(size, "width", "size"), "size.width")
        height = f.number(f.require(size, "height", "size"), "size.height")

    zones = []
    for zi, raw in enumerate(f.array(f.require(top, "zones", ""), "zones")):
        path = f"zones[{zi}]"
        zone = f.obj(raw, path)
        f.only(zone, _ZONE, path)
        zone_name = f.string(f.require(zone, "name", path), f"{path}.name")
        color = f.string(zone["color"], f"{path}.color") if "color" in zone else "#888888"
        zones.append(ZonePlan(zone_name, color))

    sections = []
    for si, raw in enumerate(f.array(f.require(top, "sections", ""), "sections")):
        spath = f"sections[{si}]"
        section = f.obj(raw, spath)
        f.only(section, _SECTION, spath)
        rows = []
        for ri, raw_row in enumerate(f.array(f.require(section, "rows", spath), f"{spath}.rows")):
            rpath = f"{spath}.rows[{ri}]"
            row = f.obj(raw_row, rpath)
            f.only(row, _ROW, rpath)
            seats = [
                _seat(f, raw_seat, f"{rpath}.seats[{ki}]")
                for ki, raw_seat in enumerate(
                    f.array(f.require(row, "seats", rpath), f"{rpath}.seats")
                )
            ]
            rows.append(RowPlan(f.string(f.require(row, "name", rpath), f"{rpath}.name"), seats))
        sections.append(
            SectionPlan(f.string(f.require(section, "name", spath), f"{spath}.name"), rows)
        )

    areas = []
    for gi, raw in enumerate(f.array(top.get("ga_areas", []), "ga_areas")):
        path = f"ga_areas[{gi}]"
        area = f.obj(raw, path)
        f.only(area, _GA, path)
        areas.append(
            GAAreaPlan(
                name=f.string(f.require(area, "name", path), f"{path}.name"),
                capacity=f.integer(f.require(area, "capacity", path), f"{path}.capacity"),
                zone=f.string(f.require(area, "zone", path), f"{path}.zone"),
            )
        )

    plan = SeatMapPlan(name, width, height, zones, sections, areas)
    validate_plan(plan, filename)
    return plan


def _seat(f: JsonFields, raw: Any, path: str) -> SeatPlan:
    """One seat; the hot path of a 100,000-seat import, so paths are built only on error."""
    if type(raw) is not dict:
        raw = f.obj(raw, path)
    if not _SEAT.issuperset(raw):
        f.only(raw, _SEAT, path)
    try:
        guid, number, x, y, zone = raw["guid"], raw["number"], raw["x"], raw["y"], raw["zone"]
    except KeyError as exc:
        raise f.fail(f"{path}.{exc.args[0]}", "seatmap_field_missing") from None
    if type(guid) is not str:
        f.string(guid, f"{path}.guid")
    if type(number) is not str:
        f.string(number, f"{path}.number")
    if type(zone) is not str:
        f.string(zone, f"{path}.zone")
    x = f.number(x, f"{path}.x")
    y = f.number(y, f"{path}.y")
    wheelchair = companion = restricted = False
    if len(raw) > 5:
        wheelchair = f.boolean(raw.get("wheelchair", False), f"{path}.wheelchair")
        companion = f.boolean(raw.get("companion", False), f"{path}.companion")
        restricted = f.boolean(raw.get("restricted_view", False), f"{path}.restricted_view")
    return SeatPlan(guid, number, x, y, zone, wheelchair, companion, restricted)


def dump(plan: SeatMapPlan) -> dict[str, Any]:
    """The plan as own-format JSON data; accessibility flags appear only when true."""

    def seat(s: SeatPlan) -> dict[str, Any]:
        out: dict[str, Any] = {"guid": s.guid, "number": s.number, "x": s.x, "y": s.y}
        out["zone"] = s.zone
        if s.wheelchair:
            out["wheelchair"] = True
        if s.companion:
            out["companion"] = True
        if s.restricted_view:
            out["restricted_view"] = True
        return out

    return {
        "format": FORMAT,
        "version": VERSION,
        "name": plan.name,
        "size": {"width": plan.width, "height": plan.height},
        "zones": [{"name": z.name, "color": z.color} for z in plan.zones],
        "sections": [
            {
                "name": section.name,
                "rows": [
                    {"name": row.name, "seats": [seat(s) for s in row.seats]}
                    for row in section.rows
                ],
            }
            for section in plan.sections
        ],
        "ga_areas": [
            {"name": a.name, "capacity": a.capacity, "zone": a.zone} for a in plan.ga_areas
        ],
    }


__all__ = ["FORMAT", "VERSION", "dump", "looks_like", "parse"]
