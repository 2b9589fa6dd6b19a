"""Best available: the seats a clerk is offered when a customer asks for "N good seats".

The search is a pure function of plain data (``RowSeats``) so that it can be
tested without a database and run on the UI thread within the 20 ms budget on
a 20,000-seat map. A ``SeatLayout`` holds the static structure of one seat map
(rows, zones, aisles), which never changes while availability changes with
every sale: load it once per seat map, then search with a set of unavailable
seat ids.

Scoring — a block of N adjacent seats (one row, consecutive positions, no aisle
in between, all in the requested zone) is compared by, in this order:

1. **orphans**: a block that leaves a single available seat alone between
   itself and a sold seat, a row end or an aisle loses to every block that does
   not. Single seats are what a box office cannot sell, so this rule is
   absolute: an orphan-making block is offered only if no orphan-free block
   exists anywhere.
2. **one zone** (only when no zone was asked for): a block within one price
   zone beats one that straddles two (the party would pay different prices for
   neighbouring seats).
3. **cost = depth + side_weight × offset**, lowest wins. ``depth`` is the
   row's place in the rank order (0 for the nearest rank, rows of equal rank
   share a depth); ``offset`` is the distance of the block's centre from the
   row's centre, in seat positions, divided by the half-length of the row (0 in
   the middle, almost 1 at a row end). The default ``side_weight`` of 4 says
   that moving from the centre to the very end of a row is about as bad as
   moving four rows back: the end pair of row A (cost ≈ 3.8) just beats the
   centre of row E (4) and easily beats the centre of row 10 (9), while a
   pair a fifth of the way out in row A (0.8) beats the centre of row B (1).
   A front-row seat at the extreme side is a poor seat, but not worse than
   the back of the house. Pure "nearest row first, then centre" is
   ``side_weight=0`` (the centre distance then only breaks ties).
4. ties: smaller centre distance, then the earlier row (rank order, then the
   caller's order), then the leftmost block.

Because the cost of any block in a row is at least the row's depth, once an
orphan-free, one-zone block of cost ``c`` is found, rows deeper than ``c`` are
not looked at: on a busy map the search usually stops after a few rows.

When no block of N exists (and ``allow_split`` is true) the fallback is the
nearest split, looked for within one section when any section has room (a
party split between stalls and circle is not seated "near" each other), else
across the house; within that: the fewest groups of adjacent seats (each
group in one row), then within one zone (if no zone was asked for), then the
fewest consecutive rows, then nearest the stage. Group sizes are balanced
(2 + 2 rather than 3 + 1 where the rows allow it) and each group is placed
centrally and orphan-free where possible. The result is flagged ``split=True``.
"""

from __future__ import annotations

import gc
import re
from collections.abc import Callable, Container, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from heapq import nlargest
from itertools import chain, groupby
from math import hypot
from operator import itemgetter, sub
from typing import Literal

from sqlalchemy import select
from sqlalchemy.orm import Session

from boxoffice.errors import NotFound, ValidationError
from boxoffice.store.models import PriceZone, Row, Seat, SeatMap, Section

#: Rows of depth this much further back are worth a move from row centre to row end.
SIDE_WEIGHT = 4.0
#: Two neighbours further apart than this many typical seat pitches are split by an aisle.
GAP_FACTOR = 1.5

#: A run of available seats in the per-row availability bytes (0 = available).
_FREE_RUN = re.compile(rb"\x00+")

RankBy = Literal["section", "row"]


@dataclass(frozen=True)
class RowSeats:
    """One row as plain data: the search's only input besides N and the zone.

    ``rank``: lower is nearer the stage; the caller combines section and row
    (e.g. stalls row A before circle row A). Rows with equal rank are equally
    good and compete on centrality alone. ``seat_ids``, ``zone_ids``,
    ``available`` and ``gap_after`` run along the row, left to right;
    ``gap_after[i]`` marks an aisle or physical gap between seat i and i + 1
    (empty means none). ``section_id`` groups rows for split seating (a split
    stays within consecutive rows of one section when it can).
    """

    row_id: int
    rank: int
    seat_ids: tuple[int, ...]
    zone_ids: tuple[int, ...]
    available: tuple[bool, ...]
    gap_after: tuple[bool, ...] = ()
    label: str = ""
    section_id: int = 0

    def __post_init__(self) -> None:
        count = len(self.seat_ids)
        if len(self.zone_ids) != count or len(self.available) != count:
            raise ValidationError("best_row_lengths_differ", row=self.row_id)
        if self.gap_after and len(self.gap_after) != count:
            raise ValidationError("best_row_gaps_invalid", row=self.row_id)


@dataclass(frozen=True)
class BestResult:
    """What the search offers; empty ``seat_ids`` (``found`` false) with a reason if nothing.

    ``groups`` are the adjacent groups (one for a block, several for a split),
    each left to right; ``seat_ids`` is their concatenation.
    """

    seat_ids: tuple[int, ...]
    split: bool
    rows_used: int
    reason: str
    groups: tuple[tuple[int, ...], ...] = ()
    row_ids: tuple[int, ...] = ()
    leaves_orphan: bool = False
    mixed_zones: bool = False

    @property
    def found(self) -> bool:
        return bool(self.seat_ids)


@dataclass(frozen=True, slots=True)
class _Row:
    """Static, precomputed structure of one row (no availability)."""

    order: int  # place in the search order: (rank, caller's order)
    depth: int  # dense index of the rank
    row_id: int
    label: str
    section_id: int
    seat_ids: tuple[int, ...]
    zone_ids: tuple[int, ...]
    centre: float  # centre position of the row
    half: float  # half-length used to normalise the centre offset (>= 1)
    segments: tuple[tuple[int, int], ...]  # [start, end) between aisles
    #: maximal one-zone stretches [start, end, zone) inside segments, left to right
    stretches: tuple[tuple[int, int, int], ...]
    longest_segment: int
    longest_by_zone: Mapping[int, int]


# An internal candidate block: (orphan, mixed, cost, dist, order, start) + row.
_Key = tuple[bool, bool, float, float, int, int]
# A place where a group may go: (lo, hi, run_start, run_end) within one row.
_Piece = tuple[int, int, int, int]


class SeatLayout:
    """The static seat structure of one seat map, built once and searched many times."""

    def __init__(
        self, rows: Iterable[RowSeats], zone_names: Mapping[int, str] | None = None
    ) -> None:
        given = list(rows)
        ranks = sorted({r.rank for r in given})
        depth_of = {rank: i for i, rank in enumerate(ranks)}
        ordered = sorted(enumerate(given), key=lambda item: (item[1].rank, item[0]))
        self._rows: tuple[_Row, ...] = tuple(
            _prepare(order, depth_of[row.rank], row) for order, (_, row) in enumerate(ordered)
        )
        self.zone_names: dict[int, str] = dict(zone_names or {})
        self.seat_count = sum(len(r.seat_ids) for r in self._rows)

    @classmethod
    def load(cls, session: Session, seat_map_id: int, *, rank_by: RankBy = "section") -> SeatLayout:
        """Read a seat map's rows in one query; see ``load_rows`` for the rank order."""
        # The load builds tens of thousands of long-lived tuples, which only trigger
        # collections that find nothing to free (up to half the load time on 20,000 seats).
        with _gc_paused():
            rows, zone_names = _query_rows(session, seat_map_id, rank_by, None)
            return cls(rows, zone_names)

    def seat_ids(self) -> list[int]:
        """Every seat id of the layout, rows in rank order (for tests and tools)."""
        return [seat for row in self._rows for seat in row.seat_ids]

    def zone_named(self, name: str) -> int:
        """The id of the price zone called ``name`` (case-insensitive)."""
        wanted = name.strip().casefold()
        for zone_id, zone_name in self.zone_names.items():
            if zone_name.casefold() == wanted:
                return zone_id
        raise NotFound("best_zone_not_found", zone=name)

    def find_best(
        self,
        n: int,
        unavailable: Container[int] = frozenset(),
        zone_id: int | None = None,
        *,
        allow_split: bool = True,
        side_weight: float = SIDE_WEIGHT,
    ) -> BestResult:
        """The best ``n`` seats given the ids of seats that cannot be sold (see module doc)."""
        contains = unavailable.__contains__

        def avail_of(row: _Row) -> bytes:
            return bytes(map(contains, row.seat_ids))

        return self._search(avail_of, n, zone_id, allow_split, side_weight)

    def _search(
        self,
        avail_of: Callable[[_Row], bytes],
        n: int,
        zone_id: int | None,
        allow_split: bool,
        side_weight: float,
    ) -> BestResult:
        if n < 1:
            raise ValidationError("best_count_invalid", count=n)
        if side_weight < 0:
            raise ValidationError("best_side_weight_negative")
        where = f" in {self._zone_label(zone_id)}" if zone_id is not None else ""
        found = _best_block(self._rows, avail_of, n, zone_id, side_weight)
        if found is not None:
            key, row = found
            orphan, mixed, _, _, _, start = key
            seats = row.seat_ids[start : start + n]
            reason = f"{n} together in {row.label}{where}"
            if mixed:
                zones = dict.fromkeys(self._zone_label(z) for z in row.zone_ids[start : start + n])
                reason += f" (across zones {' and '.join(zones)}: no block within one zone)"
            if orphan:
                reason += " (leaves a single seat: no block avoids one)"
            return BestResult(
                seats, False, 1, reason, (seats,), (row.row_id,), bool(orphan), bool(mixed)
            )
        if not allow_split:
            return _empty(f"no {n} adjacent seats{where} (split seating not allowed)")
        split = _best_split(self._rows, avail_of, n, zone_id)
        if split is None:
            free = _count_free(self._rows, avail_of, zone_id)
            return _empty(f"only {free} seats available{where}; {n} requested")
        groups, mixed = split
        seat_ids = tuple(chain.from_iterable(seats for _, seats in groups))
        row_ids = tuple(dict.fromkeys(row.row_id for row, _ in groups))
        labels = list(dict.fromkeys(row.label for row, _ in groups))
        sizes = " + ".join(str(len(seats)) for _, seats in groups)
        across = labels[0] if len(labels) == 1 else ", ".join(labels[:-1]) + " and " + labels[-1]
        reason = f"no {n} adjacent seats{where}: nearest split is {sizes} in {across}"
        if mixed:
            reason += " (across zones)"
        return BestResult(
            seat_ids,
            True,
            len(row_ids),
            reason,
            tuple(seats for _, seats in groups),
            row_ids,
            False,
            mixed,
        )

    def _zone_label(self, zone_id: int | None) -> str:
        if zone_id is None:
            return "any zone"
        return self.zone_names.get(zone_id, f"zone {zone_id}")


def find_best(
    rows: Sequence[RowSeats],
    n: int,
    zone_id: int | None = None,
    *,
    allow_split: bool = True,
    side_weight: float = SIDE_WEIGHT,
    zone_names: Mapping[int, str] | None = None,
) -> BestResult:
    """The best ``n`` seats in ``rows`` using their ``available`` flags (see module doc).

    This prepares the row structure on every call; to search one map many
    times, build a ``SeatLayout`` once and pass unavailable ids instead.
    """
    layout = SeatLayout(rows, zone_names)
    by_row = {row.row_id: bytes(not a for a in row.available) for row in rows}
    if len(by_row) != len(rows):
        raise ValidationError("best_row_twice")
    return layout._search(lambda r: by_row[r.row_id], n, zone_id, allow_split, side_weight)


def load_rows(
    session: Session,
    seat_map_id: int,
    unavailable: Container[int] = frozenset(),
    *,
    rank_by: RankBy = "section",
) -> list[RowSeats]:
    """A seat map's rows as ``RowSeats``, in one query over seats, rows, sections and zones.

    Rank: with ``rank_by="section"`` (theatres: stalls, then circle, then boxes)
    sections follow ``Section.position`` and rows ``Row.position`` within
    them, so every row of an earlier section ranks before the next section.
    With ``rank_by="row"`` (arenas, where row 1 of every block is equally near
    the floor) the rank is ``Row.position`` alone and rows of the same number
    in different sections tie, to be decided by centrality. Aisles are
    ``gaps_from_positions`` of the seat coordinates.
    """
    with _gc_paused():
        return _query_rows(session, seat_map_id, rank_by, unavailable)[0]


def gaps_from_positions(
    xs: Sequence[float], ys: Sequence[float], factor: float = GAP_FACTOR
) -> tuple[bool, ...]:
    """Flag the gaps after seats whose next neighbour is > ``factor`` × the row's pitch away.

    The pitch is the median distance between neighbours; the distance is
    Euclidean rather than along x only, so rows drawn on a curve or at an
    angle (arena wedges) keep their adjacency.
    """
    count = len(xs)
    if count < 2:
        return (False,) * count
    steps = list(map(hypot, map(sub, xs[1:], xs[:-1]), map(sub, ys[1:], ys[:-1])))
    limit = factor * sorted(steps)[len(steps) // 2]
    if limit <= 0:
        return (False,) * count
    return (*(step > limit for step in steps), False)


# --- the search ---------------------------------------------------------------------------


def _prepare(order: int, depth: int, row: RowSeats) -> _Row:
    count = len(row.seat_ids)
    gaps = row.gap_after or (False,) * count
    segments: list[tuple[int, int]] = []
    start = 0
    for i in range(count):
        if gaps[i] or i == count - 1:
            segments.append((start, i + 1))
            start = i + 1
    stretches: list[tuple[int, int, int]] = []
    longest: dict[int, int] = {}
    zones = row.zone_ids
    for seg_start, seg_end in segments:
        i = seg_start
        while i < seg_end:
            j = i + 1
            while j < seg_end and zones[j] == zones[i]:
                j += 1
            stretches.append((i, j, zones[i]))
            longest[zones[i]] = max(longest.get(zones[i], 0), j - i)
            i = j
    centre = (count - 1) / 2
    return _Row(
        order=order,
        depth=depth,
        row_id=row.row_id,
        label=row.label or f"row {row.row_id}",
        section_id=row.section_id,
        seat_ids=tuple(row.seat_ids),
        zone_ids=tuple(zones),
        centre=centre,
        half=max(1.0, centre),
        segments=tuple(segments),
        stretches=tuple(stretches),
        longest_segment=max((e - s for s, e in segments), default=0),
        longest_by_zone=longest,
    )


def _place(lo: int, hi: int, a: int, b: int, n: int, centre: float) -> tuple[bool, float, int]:
    """Best start for ``n`` seats in [lo, hi) inside the free run [a, b): (orphan, dist, start).

    Orphan-free first, then nearest the row centre, then leftmost. At most two
    starts make an orphan (a + 1 and b - n - 1), so the answer is among the
    seven starts around the ideal one.
    """
    target = centre - (n - 1) / 2
    last = hi - n
    ideal = min(max(round(target), lo), last)
    best: tuple[bool, float, int] | None = None
    for s in range(max(lo, ideal - 3), min(last, ideal + 3) + 1):
        cand = (s - a == 1 or b - s - n == 1, abs(s - target), s)
        if best is None or cand < best:
            best = cand
    assert best is not None
    return best


def _best_block(
    rows: Sequence[_Row],
    avail_of: Callable[[_Row], bytes],
    n: int,
    zone_id: int | None,
    side_weight: float,
) -> tuple[_Key, _Row] | None:
    best: _Key | None = None
    best_row: _Row | None = None
    for row in rows:
        # Once a clean block is known, a row whose depth alone reaches its cost cannot win.
        if (
            best is not None
            and not (best[0] or best[1])
            and (row.depth > best[2] or (row.depth == best[2] and best[3] == 0))
        ):
            break
        if zone_id is None:
            if row.longest_segment < n:
                continue
        elif row.longest_by_zone.get(zone_id, 0) < n:
            continue
        avail = avail_of(row)
        for seg_start, seg_end in row.segments:
            if seg_end - seg_start < n:
                continue
            for match in _FREE_RUN.finditer(avail, seg_start, seg_end):
                a, b = match.span()
                if b - a < n:
                    continue
                inside_one = False
                for lo, hi, zone in row.stretches:
                    if hi <= a:
                        continue
                    if lo >= b:
                        break
                    if lo <= a and hi >= b:
                        inside_one = True
                    if zone_id is not None and zone != zone_id:
                        continue
                    lo, hi = max(lo, a), min(hi, b)
                    if hi - lo < n:
                        continue
                    orphan, dist, start = _place(lo, hi, a, b, n, row.centre)
                    key = (
                        orphan,
                        False,
                        row.depth + side_weight * dist / row.half,
                        dist,
                        row.order,
                        start,
                    )
                    if best is None or key < best:
                        best, best_row = key, row
                if zone_id is None and not inside_one:
                    orphan, dist, start = _place(a, b, a, b, n, row.centre)
                    zones = row.zone_ids[start : start + n]
                    mixed = zones.count(zones[0]) != n
                    key = (
                        orphan,
                        mixed,
                        row.depth + side_weight * dist / row.half,
                        dist,
                        row.order,
                        start,
                    )
                    if best is None or key < best:
                        best, best_row = key, row
    if best is None or best_row is None:
        return None
    return best, best_row


def _pieces(
    rows: Sequence[_Row], avail_of: Callable[[_Row], bytes], zone_id: int | None
) -> dict[int | None, dict[int, list[_Piece]]]:
    """Per zone (None: any zone), per row index, the places where a group of seats may go."""
    out: dict[int | None, dict[int, list[_Piece]]] = {}
    for index, row in enumerate(rows):
        if zone_id is not None and zone_id not in row.longest_by_zone:
            continue
        avail = avail_of(row)
        for seg_start, seg_end in row.segments:
            for match in _FREE_RUN.finditer(avail, seg_start, seg_end):
                a, b = match.span()
                if zone_id is None:
                    out.setdefault(None, {}).setdefault(index, []).append((a, b, a, b))
                for lo, hi, zone in row.stretches:
                    if hi <= a or lo >= b or (zone_id is not None and zone != zone_id):
                        continue
                    per_row = out.setdefault(zone, {}).setdefault(index, [])
                    per_row.append((max(lo, a), min(hi, b), a, b))
    return out


def _fewest_groups(lengths: Iterable[int], n: int) -> int | None:
    """How many of the longest places it takes to seat ``n`` (None: not enough seats)."""
    total = 0
    for count, length in enumerate(sorted(lengths, reverse=True), 1):
        total += length
        if total >= n:
            return count
    return None


def _tightest(
    indexes: Sequence[int], tops: Mapping[int, list[int]], groups: int, n: int
) -> tuple[int, int] | None:
    """The shortest run of consecutive ``indexes`` whose ``groups`` longest places seat ``n``.

    Returns (span, first position), nearest first on equal span. Two pointers:
    the tightest end for a later start is never before the one for an earlier start.
    """
    best: tuple[int, int] | None = None
    end = 0
    for first in range(len(indexes)):
        end = max(end, first)
        while end < len(indexes):
            window = chain.from_iterable(tops[i] for i in indexes[first : end + 1])
            if sum(nlargest(groups, window)) >= n:
                break
            end += 1
        if end == len(indexes):
            break
        span = end - first + 1
        if best is None or span < best[0]:
            best = (span, first)
    return best


def _best_split(
    rows: Sequence[_Row], avail_of: Callable[[_Row], bytes], n: int, zone_id: int | None
) -> tuple[list[tuple[_Row, tuple[int, ...]]], bool] | None:
    """The nearest split (see module doc) as [(row, seat ids)], and whether zones mix.

    Within one section when any section has room, else across the house; then
    fewest groups, one zone, fewest consecutive rows, nearest.
    """
    pieces = _pieces(rows, avail_of, zone_id)
    # Per zone key, the longest places of each row: all a window test needs.
    lengths = {
        key: {
            i: sorted((hi - lo for lo, hi, _, _ in places), reverse=True)
            for i, places in per.items()
        }
        for key, per in pieces.items()
    }
    # Candidate (groups, mixed, key, row indexes): per section first, else the whole house.
    candidates: list[tuple[int, bool, int | None, list[int]]] = []
    for key, per in lengths.items():
        sections: dict[int, list[int]] = {}
        for i in sorted(per):
            sections.setdefault(rows[i].section_id, []).append(i)
        for indexes in sections.values():
            groups = _fewest_groups(chain.from_iterable(per[i] for i in indexes), n)
            if groups is not None:
                candidates.append((groups, key is None, key, indexes))
    if not candidates:
        for key, per in lengths.items():
            indexes = sorted(per)
            groups = _fewest_groups(chain.from_iterable(per[i] for i in indexes), n)
            if groups is not None:
                candidates.append((groups, key is None, key, indexes))
    if not candidates:
        return None
    fewest = min((groups, mixed) for groups, mixed, _, _ in candidates)
    best: tuple[tuple[int, int, int], int | None, list[int]] | None = None
    for groups, mixed, key, indexes in candidates:
        if (groups, mixed) != fewest:
            continue
        tops = {i: lengths[key][i][:groups] for i in indexes}
        found = _tightest(indexes, tops, groups, n)
        if found is None:  # pragma: no cover - all of ``indexes`` always seats n
            continue
        span, first = found
        head = rows[indexes[first]]
        rank = (span, head.depth, head.order)
        if best is None or rank < best[0]:
            best = (rank, key, indexes[first : first + span])
    assert best is not None
    (span, _, _), key, window_rows = best
    groups, mixed = fewest
    per_row = pieces[key]
    # The largest places in the window, nearer and more central first on equal length.
    places = sorted(
        (
            (-(hi - lo), position, abs((lo + hi - 1) / 2 - rows[i].centre), i, (lo, hi, a, b))
            for position, i in enumerate(window_rows)
            for lo, hi, a, b in per_row[i]
        )
    )[:groups]
    # Balanced sizes: the smaller places take a fair share, the larger take the rest.
    chosen: list[tuple[_Row, int, int]] = []
    remaining = n
    by_size = sorted(places, key=lambda p: -p[0])
    for left, (_, _, _, i, (lo, hi, a, b)) in zip(range(groups, 0, -1), by_size, strict=True):
        size = min(hi - lo, -(-remaining // left))
        remaining -= size
        row = rows[i]
        chosen.append((row, _place(lo, hi, a, b, size, row.centre)[2], size))
    chosen.sort(key=lambda item: (item[0].order, item[1]))
    zones = {z for row, start, size in chosen for z in row.zone_ids[start : start + size]}
    return [
        (row, row.seat_ids[start : start + size]) for row, start, size in chosen
    ], mixed and len(zones) > 1


def _count_free(
    rows: Sequence[_Row], avail_of: Callable[[_Row], bytes], zone_id: int | None
) -> int:
    total = 0
    for row in rows:
        avail = avail_of(row)
        if zone_id is None:
            total += avail.count(0)
        else:
            total += sum(
                1 for u, z in zip(avail, row.zone_ids, strict=True) if not u and z == zone_id
            )
    return total


def _empty(reason: str) -> BestResult:
    return BestResult((), False, 0, reason)


# --- loading from the store ---------------------------------------------------------------


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector (if on) for a bulk build of acyclic data."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _query_rows(
    session: Session, seat_map_id: int, rank_by: RankBy, unavailable: Container[int] | None
) -> tuple[list[RowSeats], dict[int, str]]:
    """Rows in rank order and zone names; ``unavailable=None`` marks every seat available."""
    if rank_by not in ("section", "row"):
        raise ValidationError("best_rank_by_invalid", rank_by=rank_by)
    stmt = (
        select(
            Seat.id,
            Seat.row_id,
            Seat.price_zone_id,
            Seat.x,
            Seat.y,
            Row.name,
            Row.position,
            Section.id,
            Section.name,
            PriceZone.name,
        )
        .join(Row, Row.id == Seat.row_id)
        .join(Section, Section.id == Row.section_id)
        .join(PriceZone, PriceZone.id == Seat.price_zone_id)
        .where(Seat.seat_map_id == seat_map_id)
        .order_by(Section.position, Section.id, Row.position, Row.id, Seat.position, Seat.id)
    )
    # Core rather than ORM rows: a third faster on 20,000 seats, and nothing here is mutated.
    records = session.connection().execute(stmt).all()
    if not records and session.get(SeatMap, seat_map_id) is None:
        raise NotFound("best_seat_map_not_found", seat_map=seat_map_id)
    zone_names: dict[int, str] = {}
    rows: list[RowSeats] = []
    for row_id, group in groupby(records, itemgetter(1)):
        chunk = list(group)
        _, _, _, _, _, row_name, row_position, section_id, section_name, _ = chunk[0]
        ids, _, zones, xs, ys, *_, names = zip(*chunk, strict=True)
        if not zone_names.keys() >= set(zones):
            zone_names.update(zip(zones, names, strict=True))
        prefix = f"section {section_name}" if section_name.isdigit() else section_name
        rows.append(
            RowSeats(
                row_id=row_id,
                rank=len(rows) if rank_by == "section" else row_position,
                seat_ids=ids,
                zone_ids=zones,
                available=(True,) * len(ids)
                if unavailable is None
                else tuple(s not in unavailable for s in ids),
                gap_after=gaps_from_positions(xs, ys),
                label=f"{prefix} row {row_name}",
                section_id=section_id,
            )
        )
    return rows, zone_names
