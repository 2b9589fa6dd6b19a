"""A seat map as plain data, independent of file format and database.

Every importer parses into a ``SeatMapPlan`` and validates it completely;
only a valid plan is written to the store, so an import is all-or-nothing.
Coordinates are absolute (offsets of pretix zones and rows already applied).
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class ZonePlan:
    """A price zone (pretix: category)."""

    name: str
    color: str = "#888888"


@dataclass(frozen=True)
class SeatPlan:
    guid: str
    number: str
    x: float
    y: float
    zone: str
    wheelchair: bool = False
    companion: bool = False
    restricted_view: bool = False


@dataclass
class RowPlan:
    name: str
    seats: list[SeatPlan] = field(default_factory=list)


@dataclass
class SectionPlan:
    name: str
    rows: list[RowPlan] = field(default_factory=list)


@dataclass(frozen=True)
class GAAreaPlan:
    name: str
    capacity: int
    zone: str


@dataclass
class SeatMapPlan:
    name: str
    width: float = 0
    height: float = 0
    zones: list[ZonePlan] = field(default_factory=list)
    sections: list[SectionPlan] = field(default_factory=list)
    ga_areas: list[GAAreaPlan] = field(default_factory=list)

    def seats(self) -> list[SeatPlan]:
        return [seat for s in self.sections for r in s.rows for seat in r.seats]

    @property
    def seat_count(self) -> int:
        return sum(len(r.seats) for s in self.sections for r in s.rows)
