"""A performance's seat map as plain arrays, for drawing — no Qt, no ORM objects.

The seat-map widget must paint 100,000 seats quickly, so it wants columns
(``array`` of floats and small ints), not one ORM object per seat. The seats
come from one SELECT (seats ⋈ rows ⋈ sections, left-joined to the
performance's holds); zones and standing areas are a few rows each. The
functions here are read-only queries a worker thread calls inside
``store.read()``; what they return is safe to hand to the UI thread.
"""

from __future__ import annotations

import statistics
from array import array
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session

from boxoffice.store.models import (
    GAArea,
    HoldKind,
    PriceZone,
    Row,
    Seat,
    SeatHold,
    SeatMap,
    Section,
    User,
    Venue,
)

if TYPE_CHECKING:
    from boxoffice.catalogue.prices import PriceRow

#: Hold codes stored per seat in ``SeatMapData.holds`` (0 = not held).
HOLD_CODES: tuple[HoldKind | None, ...] = (
    None,
    HoldKind.HOUSE,
    HoldKind.PRESS,
    HoldKind.COMPANION,
    HoldKind.PRODUCTION,
    HoldKind.KILL,
)
HOLD_CODE: dict[HoldKind, int] = {kind: i for i, kind in enumerate(HOLD_CODES) if kind}
KILL_CODE = HOLD_CODE[HoldKind.KILL]


@dataclass(frozen=True)
class PriceZoneInfo:
    """A price zone as the map legend shows it."""

    id: int
    name: str
    color: str


@dataclass(frozen=True)
class StandingArea:
    """A general-admission area; the map draws it as a labelled box."""

    id: int
    name: str
    capacity: int
    zone_index: int


@dataclass(frozen=True)
class SeatLabel:
    """What a clerk reads aloud: section, row, seat, zone."""

    section: str
    row: str
    number: str
    zone: str


@dataclass
class SeatMapData:
    """Seats as parallel columns; index ``i`` is one seat in every column."""

    seat_map_id: int
    name: str
    width: float
    height: float
    zones: list[PriceZoneInfo]
    seat_ids: array  # 'q'
    xs: array  # 'd'
    ys: array  # 'd'
    zone_index: array  # 'H', index into ``zones``
    holds: bytearray  # HOLD_CODES index per seat
    row_index: array  # 'I', index into ``row_names``/``row_section``
    numbers: list[str]
    row_names: list[str]
    row_section: array  # 'H', index into ``section_names``
    section_names: list[str]
    standing: list[StandingArea] = field(default_factory=list)
    performance_id: int | None = None
    #: Seats already sold, reserved or in another window's cart (painted as sold).
    taken: frozenset[int] = frozenset()
    _positions: dict[int, int] | None = field(default=None, repr=False, compare=False)

    def __len__(self) -> int:
        return len(self.seat_ids)

    def label(self, i: int) -> SeatLabel:
        row = self.row_index[i]
        return SeatLabel(
            self.section_names[self.row_section[row]],
            self.row_names[row],
            self.numbers[i],
            self.zones[self.zone_index[i]].name,
        )

    def index_of(self, seat_id: int) -> int:
        """Position of ``seat_id`` in the columns."""
        return self.position(seat_id)

    def position(self, seat_id: int) -> int:
        """Position of ``seat_id`` in the columns, via a map built once.

        Loaders build the map on the worker thread (``index_seats``) so a
        feed update on the UI thread never pays for 100,000 dict inserts.
        """
        if self._positions is None:
            self.index_seats()
        assert self._positions is not None
        return self._positions[seat_id]

    def index_seats(self) -> None:
        self._positions = {seat_id: i for i, seat_id in enumerate(self.seat_ids)}

    def held_count(self) -> int:
        return len(self.holds) - self.holds.count(0)

    def seat_pitch(self) -> float:
        """Typical distance between neighbouring seats of a row, in map units.

        The widget sizes seat symbols from this, so a theatre with seats 22
        units apart and an arena with seats 3 units apart both look right.
        """
        gaps: list[float] = []
        xs, ys, rows = self.xs, self.ys, self.row_index
        step = max(1, len(xs) // 5000)
        for i in range(1, len(xs), step):
            if rows[i] == rows[i - 1]:
                d = ((xs[i] - xs[i - 1]) ** 2 + (ys[i] - ys[i - 1]) ** 2) ** 0.5
                if d > 0:
                    gaps.append(d)
        return statistics.median(gaps) if gaps else 20.0


@dataclass(frozen=True)
class PerformanceSummary:
    """One line of the performance list."""

    id: int
    event: str
    venue: str
    starts_local: datetime  # aware, in the venue's time zone
    status: str
    currency: str
    seat_map_id: int


@dataclass(frozen=True)
class SignedInUser:
    """Who the status bar names."""

    username: str
    display_name: str
    role: str


def performance_summaries(session: Session) -> list[PerformanceSummary]:
    """Every performance, soonest first, with the venue's local start time."""
    # Catalogue services are imported when first needed, not on the login path.
    from boxoffice.catalogue import performances as catalogue_performances

    out = []
    for p in catalogue_performances.list_performances(session):
        venue = p.seat_map.venue
        out.append(
            PerformanceSummary(
                id=p.id,
                event=p.event.name,
                venue=venue.name,
                starts_local=p.starts_at.astimezone(ZoneInfo(venue.timezone or "UTC")),
                status=p.status.value,
                currency=p.currency,
                seat_map_id=p.seat_map_id,
            )
        )
    return out


def price_rows(session: Session, performance_id: int) -> list[PriceRow]:
    """The performance's price table (zone × price type), via the catalogue service."""
    from boxoffice.catalogue import prices as catalogue_prices

    return catalogue_prices.price_table(session, performance_id)


def signed_in_user(session: Session, username: str) -> SignedInUser:
    from boxoffice.auth import users as auth_users

    user = auth_users.get_user(session, username)
    return SignedInUser(user.username, user.display_name or user.username, user.role.name)


def load_seat_map(
    session: Session, seat_map_id: int, performance_id: int | None = None
) -> SeatMapData:
    """The seat map as columns, with the performance's house holds if one is given."""
    seat_map = session.get(SeatMap, seat_map_id)
    if seat_map is None:
        from boxoffice.errors import NotFound

        raise NotFound("seatmap_not_found", seat_map=seat_map_id)
    zones = list(
        session.execute(
            select(PriceZone.id, PriceZone.name, PriceZone.color)
            .where(PriceZone.seat_map_id == seat_map_id)
            .order_by(PriceZone.id)
        )
    )
    zone_pos = {zid: i for i, (zid, _, _) in enumerate(zones)}
    hold_join = and_(SeatHold.seat_id == Seat.id, SeatHold.performance_id == (performance_id or -1))
    rows = session.execute(
        select(
            Seat.id,
            Seat.x,
            Seat.y,
            Seat.price_zone_id,
            Seat.number,
            Seat.row_id,
            Row.name,
            Section.id,
            Section.name,
            SeatHold.kind,
        )
        .join(Row, Row.id == Seat.row_id)
        .join(Section, Section.id == Row.section_id)
        .outerjoin(SeatHold, hold_join)
        .where(Seat.seat_map_id == seat_map_id)
        .order_by(Section.position, Section.id, Row.position, Row.id, Seat.position, Seat.id)
    ).all()

    seat_ids = array("q")
    xs = array("d")
    ys = array("d")
    zone_index = array("H")
    holds = bytearray(len(rows))
    row_index = array("I")
    numbers: list[str] = []
    row_names: list[str] = []
    row_section = array("H")
    section_names: list[str] = []
    row_pos: dict[int, int] = {}
    section_pos: dict[int, int] = {}
    for i, (sid, x, y, zid, number, rid, rname, secid, secname, kind) in enumerate(rows):
        seat_ids.append(sid)
        xs.append(x)
        ys.append(y)
        zone_index.append(zone_pos[zid])
        numbers.append(number)
        r = row_pos.get(rid)
        if r is None:
            s = section_pos.get(secid)
            if s is None:
                s = section_pos[secid] = len(section_names)
                section_names.append(secname)
            r = row_pos[rid] = len(row_names)
            row_names.append(rname)
            row_section.append(s)
        row_index.append(r)
        if kind is not None:
            holds[i] = HOLD_CODE[HoldKind(kind)]

    standing = [
        StandingArea(gid, gname, capacity, zone_pos[zid])
        for gid, gname, capacity, zid in session.execute(
            select(GAArea.id, GAArea.name, GAArea.capacity, GAArea.price_zone_id)
            .where(GAArea.seat_map_id == seat_map_id)
            .order_by(GAArea.id)
        )
    ]
    data = SeatMapData(
        seat_map_id=seat_map.id,
        name=seat_map.name,
        width=seat_map.width or 0.0,
        height=seat_map.height or 0.0,
        zones=[PriceZoneInfo(zid, name, color) for zid, name, color in zones],
        seat_ids=seat_ids,
        xs=xs,
        ys=ys,
        zone_index=zone_index,
        holds=holds,
        row_index=row_index,
        numbers=numbers,
        row_names=row_names,
        row_section=row_section,
        section_names=section_names,
        standing=standing,
        performance_id=performance_id,
    )
    data.index_seats()
    return data


def load_performance_seat_map(session: Session, performance_id: int) -> SeatMapData:
    """The seat map a performance sells, with that performance's holds."""
    from boxoffice.catalogue import performances as catalogue_performances
    from boxoffice.sales.availability import SeatState, seat_states

    performance = catalogue_performances.get_performance(session, performance_id)
    data = load_seat_map(session, performance.seat_map_id, performance_id)
    gone = {SeatState.SOLD, SeatState.RESERVED, SeatState.HELD_ELSEWHERE}
    states = seat_states(session, performance_id, terminal="")
    data.taken = frozenset(s for s, st in states.states.items() if st in gone)
    return data


def synthetic_grid(count: int, columns: int = 400, pitch: float = 10.0) -> SeatMapData:
    """A rectangular map of ``count`` seats in memory, for benchmarks and tests.

    Blocks of 50 rows with an aisle between them, four zones in bands from
    the front; nothing is held.
    """
    zones = [
        PriceZoneInfo(1, "Category 1", "#b71c1c"),
        PriceZoneInfo(2, "Category 2", "#e65100"),
        PriceZoneInfo(3, "Category 3", "#2e7d32"),
        PriceZoneInfo(4, "Category 4", "#1565c0"),
    ]
    rows_total = (count + columns - 1) // columns
    blocks = rows_total // 50 + 1
    row_of = array("I", [i // columns for i in range(count)])
    data = SeatMapData(
        seat_map_id=0,
        name=f"Synthetic {count}",
        width=columns * pitch,
        height=(rows_total + blocks) * pitch,
        zones=zones,
        seat_ids=array("q", range(1, count + 1)),
        xs=array("d", [(i % columns) * pitch for i in range(count)]),
        ys=array("d", [(r + r // 50) * pitch for r in row_of]),
        zone_index=array("H", [min(3, r * 4 // rows_total) for r in row_of]),
        holds=bytearray(count),
        row_index=row_of,
        numbers=[str(i % columns + 1) for i in range(count)],
        row_names=[str(r + 1) for r in range(rows_total)],
        row_section=array("H", [r // 50 for r in range(rows_total)]),
        section_names=[f"Block {b + 1}" for b in range(blocks)],
    )
    data.index_seats()
    return data


def store_state(session: Session) -> tuple[int, int]:
    """(venues, users) in the store: is there anything to sell, anyone to sign in?"""
    venues = session.scalar(select(func.count()).select_from(Venue)) or 0
    users = session.scalar(select(func.count()).select_from(User)) or 0
    return venues, users
