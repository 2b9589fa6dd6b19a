"""Best available: hand-built rows for each rule, properties against a brute force, real maps."""

from __future__ import annotations

from collections.abc import Sequence

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from boxoffice.actor import Actor
from boxoffice.catalogue import venues
from boxoffice.demo import theatre_plan
from boxoffice.errors import NotFound, ValidationError
from boxoffice.sales.best_available import (
    SIDE_WEIGHT,
    BestResult,
    RowSeats,
    SeatLayout,
    find_best,
    gaps_from_positions,
    load_rows,
)
from boxoffice.seatmaps.plan import RowPlan, SeatMapPlan, SeatPlan, SectionPlan, ZonePlan
from boxoffice.seatmaps.save import save_plan
from boxoffice.store import Store
from boxoffice.store.models import Row, Seat, Section


def make_row(
    row_id: int,
    rank: int,
    pattern: str,
    zones: Sequence[int] | None = None,
    label: str = "",
    section_id: int = 0,
) -> RowSeats:
    """A row from a picture: '.' free, 'X' sold, '|' an aisle after the previous seat.

    Seat ids are row_id * 100 + position, so a test can read positions back.
    """
    avail: list[bool] = []
    gaps: list[bool] = []
    for ch in pattern:
        if ch == "|":
            gaps[-1] = True
            continue
        avail.append(ch == ".")
        gaps.append(False)
    count = len(avail)
    return RowSeats(
        row_id=row_id,
        rank=rank,
        seat_ids=tuple(row_id * 100 + i for i in range(count)),
        zone_ids=tuple(zones) if zones is not None else (1,) * count,
        available=tuple(avail),
        gap_after=tuple(gaps),
        label=label or f"row {row_id}",
        section_id=section_id,
    )


def positions(result: BestResult) -> list[tuple[int, int]]:
    """(row id, position) of each seat, for seat ids made by ``make_row``."""
    return [divmod(s, 100) for s in result.seat_ids]


# --- the rules, one by one ------------------------------------------------------------------


def test_nearest_row_wins_whatever_the_input_order() -> None:
    rows = [make_row(3, 2, "." * 10), make_row(1, 0, "." * 10), make_row(2, 1, "." * 10)]
    result = find_best(rows, 4)
    assert result.found and not result.split and result.rows_used == 1
    assert {r for r, _ in positions(result)} == {1}
    assert result.reason == "4 together in row 1"


def test_centre_block_wins_within_a_row() -> None:
    result = find_best([make_row(1, 0, "." * 10)], 2)
    assert positions(result) == [(1, 4), (1, 5)]
    odd = find_best([make_row(1, 0, "." * 11)], 3)
    assert positions(odd) == [(1, 4), (1, 5), (1, 6)]


def test_zone_filter_is_respected() -> None:
    rows = [make_row(1, 0, "." * 8, zones=[2] * 8), make_row(2, 1, "." * 8, zones=[1] * 8)]
    result = find_best(rows, 2, zone_id=1, zone_names={1: "Premium", 2: "Standard"})
    assert {r for r, _ in positions(result)} == {2}
    assert result.reason == "2 together in row 2 in Premium"


def test_zone_filter_uses_only_the_zone_part_of_a_row() -> None:
    row = make_row(1, 0, "." * 10, zones=[2, 2, 2, 1, 1, 1, 1, 2, 2, 2])
    result = find_best([row], 3, zone_id=1)
    assert all(3 <= p <= 6 for _, p in positions(result))


def test_any_zone_prefers_a_block_within_one_zone() -> None:
    # The centre pair (2, 3) straddles zones 1 and 2; (1, 2) and (3, 4) would strand
    # seat 0 or 5, so the one-zone pairs at the ends win (the left one on a tie).
    row = make_row(1, 0, "......", zones=[1, 1, 1, 2, 2, 2])
    result = find_best([row], 2)
    assert positions(result) == [(1, 0), (1, 1)]
    assert not result.mixed_zones
    # When only a straddling block exists it is offered, and flagged.
    narrow = make_row(2, 0, "XX..XX", zones=[1, 1, 1, 2, 2, 2])
    mixed = find_best([narrow], 2, zone_names={1: "Stalls", 2: "Circle"})
    assert positions(mixed) == [(2, 2), (2, 3)]
    assert mixed.mixed_zones and "Stalls and Circle" in mixed.reason


def test_orphan_avoided_within_a_row() -> None:
    # X . . . . . X, need 3: the centre block (2-4) would strand seats 1 and 5.
    result = find_best([make_row(1, 0, "X.....X")], 3)
    assert positions(result) == [(1, 1), (1, 2), (1, 3)]
    assert not result.leaves_orphan


def test_orphan_avoided_by_going_to_another_row() -> None:
    # Four in a five-seat gap always strands one; the row behind has a clean block.
    rows = [make_row(1, 0, "X.....X"), make_row(2, 1, "XX....XX")]
    result = find_best(rows, 4)
    assert positions(result) == [(2, 2), (2, 3), (2, 4), (2, 5)]
    assert not result.leaves_orphan


def test_orphan_accepted_only_when_nothing_avoids_it() -> None:
    rows = [make_row(1, 0, "X.....X"), make_row(2, 1, "X.....X")]
    result = find_best(rows, 4)
    assert result.found and not result.split
    assert {r for r, _ in positions(result)} == {1}  # still the best row by the other rules
    assert result.leaves_orphan
    assert "single seat" in result.reason


def test_a_whole_run_is_a_clean_fit() -> None:
    rows = [make_row(1, 0, "X....X....X")]
    assert positions(find_best(rows, 4)) == [(1, 1), (1, 2), (1, 3), (1, 4)]


def test_aisles_break_adjacency() -> None:
    # Three seats, aisle, three seats: four together does not fit, the next row does.
    rows = [make_row(1, 0, "...|..."), make_row(2, 1, "......")]
    result = find_best(rows, 4)
    assert {r for r, _ in positions(result)} == {2}
    # Alone, the aisle row can only offer a split, balanced 2 + 2 across the aisle.
    alone = find_best([make_row(1, 0, "...|...")], 4)
    assert alone.split and alone.rows_used == 1
    assert [len(g) for g in alone.groups] == [2, 2]
    # An aisle is also a row end for orphans: 2 of 3 beside an aisle strands one.
    aisle = find_best([make_row(1, 0, "...|...."), make_row(2, 1, "..")], 2)
    assert not aisle.leaves_orphan


def test_side_weight_trades_rows_against_centrality() -> None:
    """With the default weight, row 1 at the end beats row 10's centre but not row 2's."""
    front_side = make_row(1, 0, ".." + "X" * 18)  # only the two end seats of row 1
    sold_out = [make_row(r, r - 1, "X" * 20) for r in range(2, 10)]
    tenth = make_row(10, 9, "." * 20)
    assert {r for r, _ in positions(find_best([front_side, *sold_out, tenth], 2))} == {1}
    second = make_row(2, 1, "." * 20)
    assert {r for r, _ in positions(find_best([front_side, second, tenth], 2))} == {2}
    # Rank first, centre second: the front row wins even at its end.
    strict = find_best([front_side, second], 2, side_weight=0)
    assert {r for r, _ in positions(strict)} == {1}
    # Equal rank (e.g. row 1 of every arena block): the more central block wins.
    a = make_row(1, 0, "." * 4 + "X" * 16)
    b = make_row(2, 0, "X" * 6 + "." * 8 + "X" * 6)
    assert {r for r, _ in positions(find_best([a, b], 4))} == {2}


def test_split_fallback_uses_the_nearest_adjacent_rows() -> None:
    rows = [
        make_row(1, 0, "XX..XX", label="row A"),
        make_row(2, 1, "XXX..X", label="row B"),
        make_row(3, 2, "X...XX", label="row C"),
        make_row(4, 3, "...XXX", label="row D"),
    ]
    result = find_best(rows, 4, zone_names={1: "Category 1"})
    assert result.split and result.rows_used == 2
    assert [len(g) for g in result.groups] == [2, 2]
    assert {r for r, _ in positions(result)} == {1, 2}
    assert result.reason == "no 4 adjacent seats: nearest split is 2 + 2 in row A and row B"
    zoned = find_best(rows, 4, zone_id=1, zone_names={1: "Category 1"})
    assert zoned.reason.startswith("no 4 adjacent seats in Category 1: nearest split")


def test_split_prefers_fewest_groups() -> None:
    rows = [make_row(1, 0, "X.X.X.X"), make_row(2, 1, "XX...XX")]
    result = find_best(rows, 4)
    # Three singles in row 1 plus one more would be four groups; 1 + 3 is two.
    assert result.split and [len(g) for g in result.groups] == [1, 3]
    assert result.rows_used == 2


def test_split_stays_in_one_section() -> None:
    rows = [
        make_row(1, 0, "XX..XX", section_id=1),
        make_row(9, 1, "XX..XX", section_id=2),  # next in rank, but another section
        make_row(2, 2, "XX..XX", section_id=1),
    ]
    result = find_best(rows, 4)
    assert result.split and {r for r, _ in positions(result)} == {1, 2}
    # No section has room on its own: then any rows, nearest first.
    rows = [make_row(1, 0, "X..X", section_id=1), make_row(9, 1, "X..X", section_id=2)]
    assert {r for r, _ in positions(find_best(rows, 4))} == {1, 9}


def test_no_split_when_not_allowed() -> None:
    rows = [make_row(1, 0, "XX..XX"), make_row(2, 1, "XX..XX")]
    result = find_best(rows, 4, allow_split=False)
    assert not result.found and result.seat_ids == () and not result.split
    assert "split seating not allowed" in result.reason


def test_not_enough_seats_gives_an_empty_result_with_a_reason() -> None:
    rows = [make_row(1, 0, "X.X.X"), make_row(2, 1, "XXXX.", zones=[1, 1, 1, 1, 2])]
    result = find_best(rows, 4, zone_id=1, zone_names={1: "Premium"})
    assert not result.found and result.rows_used == 0
    assert result.reason == "only 2 seats available in Premium; 4 requested"
    assert find_best([], 1).reason == "only 0 seats available; 1 requested"


def test_bad_input_is_refused() -> None:
    with pytest.raises(ValidationError):
        find_best([make_row(1, 0, "...")], 0)
    with pytest.raises(ValidationError):
        RowSeats(1, 0, (1, 2), (1,), (True, True))
    with pytest.raises(ValidationError):
        RowSeats(1, 0, (1, 2), (1, 1), (True, True), gap_after=(False,))


def test_layout_searches_with_unavailable_ids() -> None:
    layout = SeatLayout([make_row(1, 0, "......"), make_row(2, 1, "......")])
    assert positions(layout.find_best(2)) == [(1, 2), (1, 3)]
    sold = {100, 101, 102, 103}
    assert positions(layout.find_best(2, sold)) == [(2, 2), (2, 3)]
    assert layout.seat_count == 12
    # Row 1 keeps only its end pairs: row 2's centre (cost 1) beats them (cost 3.2)...
    assert positions(layout.find_best(2, {102, 103})) == [(2, 2), (2, 3)]
    # ...unless rank comes strictly first.
    assert positions(layout.find_best(2, {102, 103}, side_weight=0)) == [(1, 0), (1, 1)]


def test_gaps_from_positions_flags_wide_steps_only() -> None:
    xs = [0, 22, 44, 110, 132, 154]
    assert gaps_from_positions(xs, [0] * 6) == (False, False, True, False, False, False)
    # A curved row keeps its seats together when the steps are equal along the curve.
    assert not any(gaps_from_positions([0, 10, 20, 28, 34], [0, 0, 6, 12, 20]))
    assert gaps_from_positions([5], [5]) == (False,)


# --- properties against a brute force ---------------------------------------------------------


def _run(row: RowSeats, s: int, n: int) -> tuple[int, int] | None:
    """The free run [a, b) around the block [s, s + n), or None if it is not a block."""
    gaps = row.gap_after or (False,) * len(row.seat_ids)
    if not all(row.available[s : s + n]) or any(gaps[s : s + n - 1]):
        return None
    a = s
    while a > 0 and row.available[a - 1] and not gaps[a - 1]:
        a -= 1
    b = s + n
    while b < len(row.seat_ids) and row.available[b] and not gaps[b - 1]:
        b += 1
    return a, b


def brute_force_blocks(
    rows: Sequence[RowSeats], n: int, zone_id: int | None, side_weight: float
) -> dict[tuple[int, int], tuple]:
    """Every block of n with the documented score: {(row_id, start): key}."""
    depth = {rank: i for i, rank in enumerate(sorted({r.rank for r in rows}))}
    order = {
        r.row_id: i
        for i, (_, r) in enumerate(sorted(enumerate(rows), key=lambda t: (t[1].rank, t[0])))
    }
    out = {}
    for row in rows:
        count = len(row.seat_ids)
        centre = (count - 1) / 2
        for s in range(count - n + 1):
            run = _run(row, s, n)
            zones = row.zone_ids[s : s + n]
            if run is None or (zone_id is not None and set(zones) != {zone_id}):
                continue
            a, b = run
            orphan = s - a == 1 or b - s - n == 1
            mixed = len(set(zones)) > 1
            dist = abs(s - (centre - (n - 1) / 2))
            cost = depth[row.rank] + side_weight * dist / max(1.0, centre)
            out[(row.row_id, s)] = (orphan, mixed, cost, dist, order[row.row_id], s)
    return out


patterns = st.lists(st.sampled_from(".....X|"), min_size=1, max_size=14).map("".join)


@st.composite
def houses(draw: st.DrawFn) -> list[RowSeats]:
    count = draw(st.integers(0, 6))
    rows = []
    for row_id in range(1, count + 1):
        pattern = draw(patterns).lstrip("|").replace("||", "|") or "."
        seats = len(pattern.replace("|", ""))
        zones = draw(st.lists(st.sampled_from([1, 1, 2, 3]), min_size=seats, max_size=seats))
        rank = draw(st.integers(0, 4))
        section = draw(st.integers(0, 1))
        rows.append(make_row(row_id, rank, pattern, zones, section_id=section))
    return rows


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    rows=houses(),
    n=st.integers(1, 6),
    zone_id=st.sampled_from([None, 1, 2]),
    side_weight=st.sampled_from([SIDE_WEIGHT, 0.0, 1.5]),
    allow_split=st.booleans(),
)
def test_properties_against_brute_force(
    rows: list[RowSeats],
    n: int,
    zone_id: int | None,
    side_weight: float,
    allow_split: bool,
) -> None:
    result = find_best(rows, n, zone_id, allow_split=allow_split, side_weight=side_weight)
    # A cached layout searched with unavailable ids answers exactly the same.
    sold = {
        s for row in rows for s, free in zip(row.seat_ids, row.available, strict=True) if not free
    }
    layout = SeatLayout(rows)
    assert (
        layout.find_best(n, sold, zone_id, allow_split=allow_split, side_weight=side_weight)
        == result
    )
    by_id = {
        sid: (row, i, row.available[i], row.zone_ids[i])
        for row in rows
        for i, sid in enumerate(row.seat_ids)
    }
    blocks = brute_force_blocks(rows, n, zone_id, side_weight)
    free_in_zone = sum(1 for _, _, free, zone in by_id.values() if free and zone_id in (None, zone))

    assert result.reason
    if not result.found:
        assert not blocks
        assert result.groups == () and result.rows_used == 0
        assert free_in_zone < n or not allow_split
        return
    # Seats: n distinct, all available, all in the zone, groups add up.
    assert len(result.seat_ids) == n == len(set(result.seat_ids))
    assert all(by_id[s][2] for s in result.seat_ids)
    if zone_id is not None:
        assert all(by_id[s][3] == zone_id for s in result.seat_ids)
    assert tuple(s for g in result.groups for s in g) == result.seat_ids
    # Every group is adjacent within one row, with no aisle inside.
    for group in result.groups:
        row, start, _, _ = by_id[group[0]]
        assert group == row.seat_ids[start : start + len(group)]
        assert _run(row, start, len(group)) is not None
    assert result.rows_used == len({by_id[s][0].row_id for s in result.seat_ids})

    if blocks:
        # A block exists: the result is one, and the best one by the documented score.
        assert not result.split and result.rows_used == 1 and len(result.groups) == 1
        row, start, _, _ = by_id[result.seat_ids[0]]
        assert blocks[(row.row_id, start)] == min(blocks.values())
        if any(not key[0] for key in blocks.values()):
            assert not result.leaves_orphan
        assert result.leaves_orphan == blocks[(row.row_id, start)][0]
    else:
        assert allow_split and result.split and len(result.groups) >= 2


# --- the store --------------------------------------------------------------------------------


def _save(store: Store, admin: Actor, plan: SeatMapPlan) -> int:
    with store.write() as session:
        venue = venues.get_or_create(session, admin, "Test House")
        return save_plan(session, admin, venue, plan, "own").id


def test_demo_theatre_best_two_premium_are_stalls_row_a_centre(store: Store, admin: Actor) -> None:
    seat_map_id = _save(store, admin, theatre_plan())
    with store.read() as session:
        layout = SeatLayout.load(session, seat_map_id)
        premium = layout.zone_named("premium")
        result = layout.find_best(2, set(), premium)
        where = session.execute(
            select(Section.name, Row.name, Seat.number)
            .join(Row, Row.id == Seat.row_id)
            .join(Section, Section.id == Row.section_id)
            .where(Seat.id.in_(result.seat_ids))
            .order_by(Seat.position)
        ).all()
        assert [tuple(w) for w in where] == [("Stalls", "A", "13"), ("Stalls", "A", "14")]
        assert result.reason == "2 together in Stalls row A in Premium"

        # With the centre of row A sold, row A still wins, just off centre (the
        # nearest free pair inside Premium, cost 0.96 < row B's 1.0).
        centre = set(
            session.scalars(
                select(Seat.id)
                .join(Row, Row.id == Seat.row_id)
                .join(Section, Section.id == Row.section_id)
                .where(Seat.seat_map_id == seat_map_id, Section.name == "Stalls", Row.name == "A")
                .where(Seat.number.in_(["12", "13", "14", "15"]))
            )
        )
        nearby = layout.find_best(2, centre, premium)
        numbers = session.scalars(
            select(Seat.number).where(Seat.id.in_(nearby.seat_ids)).order_by(Seat.position)
        ).all()
        assert numbers == ["10", "11"]

        rows = load_rows(session, seat_map_id, unavailable=centre)
    assert len(rows) == 20 + 1 + 10 + 4
    assert rows[0].label == "Stalls row A" and rows[0].rank == 0
    assert sum(len(r.seat_ids) for r in rows) == theatre_plan().seat_count
    assert not any(any(r.gap_after) for r in rows)
    assert sum(not a for r in rows for a in r.available) == 4
    assert [r.label for r in rows[20:22]] == ["Stalls row W", "Circle row A"]


def _small_bowl() -> SeatMapPlan:
    """Two blocks of two rows, each row with an aisle after its third seat."""

    def row(name: str, block: int, r: int) -> RowPlan:
        xs = [0, 22, 44, 110, 132, 154]
        return RowPlan(
            name,
            [
                SeatPlan(f"{block}-{name}-{i + 1}", str(i + 1), x + 500 * block, 40 * r, "Z")
                for i, x in enumerate(xs)
            ],
        )

    sections = [SectionPlan(f"{101 + b}", [row("1", b, 0), row("2", b, 1)]) for b in range(2)]
    return SeatMapPlan("Bowl", 1000, 100, [ZonePlan("Z")], sections)


def test_loader_derives_aisles_and_rank_orders(store: Store, admin: Actor) -> None:
    seat_map_id = _save(store, admin, _small_bowl())
    with store.read() as session:
        by_section = load_rows(session, seat_map_id)
        by_row = load_rows(session, seat_map_id, rank_by="row")
        layout = SeatLayout.load(session, seat_map_id, rank_by="row")
        with pytest.raises(NotFound):
            SeatLayout.load(session, seat_map_id + 99)
        with pytest.raises(ValidationError):
            load_rows(session, seat_map_id, rank_by="diagonal")  # type: ignore[arg-type]
    assert all(r.gap_after == (False, False, True, False, False, False) for r in by_section)
    assert [(r.label, r.rank) for r in by_section] == [
        ("section 101 row 1", 0),
        ("section 101 row 2", 1),
        ("section 102 row 1", 2),
        ("section 102 row 2", 3),
    ]
    assert [r.rank for r in by_row] == [0, 1, 0, 1]
    # Four together never fits across the aisle: a split of 2 + 2 in one row.
    result = layout.find_best(4)
    assert result.split and [len(g) for g in result.groups] == [2, 2]
    assert result.reason == "no 4 adjacent seats: nearest split is 2 + 2 in section 101 row 1"
    three = layout.find_best(3, set(layout.seat_ids()[:3]))
    assert not three.split and "section 101 row 1" in three.reason
    with pytest.raises(NotFound):
        layout.zone_named("Nope")
