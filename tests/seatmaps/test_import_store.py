"""Importing into the store: what lands in the tables, audit, names, all-or-nothing."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from boxoffice import audit
from boxoffice.actor import Actor
from boxoffice.errors import Conflict, ValidationError
from boxoffice.seatmaps import save as save_module
from boxoffice.seatmaps.errors import SeatMapFormatError
from boxoffice.seatmaps.importer import import_seatmap, load_plan
from boxoffice.store import Store
from boxoffice.store.models import GAArea, PriceZone, Row, Seat, SeatMap, Section, Venue
from tests.seatmaps import (
    CSV_SAMPLE,
    OWN_SAMPLE,
    PRETIX_SAMPLE,
    assert_import_refused,
    table_counts,
    write_file,
)


@pytest.mark.parametrize(
    ("sample", "fmt", "seats", "zones", "areas"),
    [
        (OWN_SAMPLE, "own", 52, 4, 1),
        (CSV_SAMPLE, "csv", 22, 3, 0),
        (PRETIX_SAMPLE, "pretix", 70, 3, 0),
    ],
    ids=["own", "csv", "pretix"],
)
def test_each_format_lands_in_the_store_and_is_audited(
    sample: Path, fmt: str, seats: int, zones: int, areas: int, store: Store, admin: Actor
) -> None:
    with store.write() as session:
        seat_map = import_seatmap(session, admin, sample, "Grand Theatre")
        map_id = seat_map.id

    with store.read() as session:
        stored = session.get(SeatMap, map_id)
        assert stored is not None
        assert stored.venue.name == "Grand Theatre"
        assert stored.source_format == fmt
        assert len(session.scalars(select(Seat).where(Seat.seat_map_id == map_id)).all()) == seats
        assert len(stored.price_zones) == zones
        assert len(stored.ga_areas) == areas
        [entry] = audit.entries(session, "seatmap.import")
        details = json.loads(entry.details)
        assert entry.subject == f"seat_map:{map_id}"
        assert details["seats"] == seats
        assert details["format"] == fmt
        assert details["venue"] == "Grand Theatre"
        assert audit.verify(session) is None


def test_rows_and_seats_keep_file_order_as_positions(store: Store, admin: Actor) -> None:
    with store.write() as session:
        map_id = import_seatmap(session, admin, PRETIX_SAMPLE, "Theater").id

    with store.read() as session:
        sections = session.scalars(
            select(Section).where(Section.seat_map_id == map_id).order_by(Section.position)
        ).all()
        assert [s.name for s in sections] == ["Parkett", "Balkon"]
        parkett = sections[0]
        assert [(r.name, r.position) for r in parkett.rows] == [
            ("1", 0),
            ("2", 1),
            ("3", 2),
            ("4", 3),
        ]
        row4 = parkett.rows[3]
        assert [s.position for s in row4.seats] == list(range(12))
        assert [s.number for s in row4.seats] == [str(n) for n in range(1, 13)]
        seat = session.scalar(select(Seat).where(Seat.guid == "balkon-2-1"))
        assert seat is not None
        assert (seat.x, seat.y) == (90.5, 364)
        assert seat.price_zone.name == "Kategorie 3"
        assert seat.row.section.name == "Balkon"


def test_accessibility_flags_and_ga_area_are_stored(store: Store, admin: Actor) -> None:
    with store.write() as session:
        map_id = import_seatmap(session, admin, OWN_SAMPLE, "Playhouse").id

    with store.read() as session:
        flagged = session.scalars(
            select(Seat.guid).where(Seat.seat_map_id == map_id, Seat.wheelchair.is_(True))
        ).all()
        assert sorted(flagged) == ["stalls-D-1", "stalls-D-8"]
        companions = session.scalars(select(Seat.guid).where(Seat.companion.is_(True))).all()
        assert sorted(companions) == ["stalls-D-2", "stalls-D-7"]
        restricted = session.scalars(select(Seat.guid).where(Seat.restricted_view.is_(True)))
        assert len(restricted.all()) == 4
        area = session.scalar(select(GAArea).where(GAArea.seat_map_id == map_id))
        assert area is not None
        assert (area.name, area.capacity, area.price_zone.name) == (
            "Standing at the back",
            40,
            "Standing",
        )


def test_same_map_name_in_one_venue_is_a_conflict_and_changes_nothing(
    store: Store, admin: Actor
) -> None:
    with store.write() as session:
        import_seatmap(session, admin, OWN_SAMPLE, "Playhouse")
    before = table_counts(store)

    with pytest.raises(Conflict) as caught, store.write() as session:
        import_seatmap(session, admin, OWN_SAMPLE, "Playhouse")

    assert str(caught.value) == (
        "venue 'Playhouse' already has a seat map named 'Little Playhouse'; "
        "import it under another name or into another venue"
    )
    assert table_counts(store) == before


def test_same_file_under_another_name_or_in_another_venue_is_fine(
    store: Store, admin: Actor
) -> None:
    with store.write() as session:
        first = import_seatmap(session, admin, OWN_SAMPLE, "Playhouse")
        second = import_seatmap(session, admin, OWN_SAMPLE, "Playhouse", name="Concert layout")
        third = import_seatmap(session, admin, OWN_SAMPLE, "Other House")
        ids = (first.id, second.id, third.id)

    with store.read() as session:
        names = session.execute(
            select(Venue.name, SeatMap.name).join(SeatMap.venue).order_by(SeatMap.id)
        ).all()
        assert [tuple(n) for n in names] == [
            ("Playhouse", "Little Playhouse"),
            ("Playhouse", "Concert layout"),
            ("Other House", "Little Playhouse"),
        ]
        assert len(set(ids)) == 3
        # guids are unique per map, not globally: each map has all 52
        for map_id in ids:
            guids = session.scalars(select(Seat.guid).where(Seat.seat_map_id == map_id)).all()
            assert len(set(guids)) == 52


def test_blank_name_override_is_refused(store: Store, admin: Actor) -> None:
    refused = pytest.raises(ValidationError, match="a seat map name must be 1 to 200 characters")
    with refused, store.write() as session:
        import_seatmap(session, admin, OWN_SAMPLE, "Playhouse", name="  ")
    assert table_counts(store)["venues"] == 0


def test_failure_after_writing_seats_rolls_everything_back(
    store: Store, admin: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The venue and seats are already flushed when the audit step fails: none survive."""

    real_record = audit.record
    reached: list[int] = []

    def failing_record(session: Session, actor: Actor, action: str, *args: Any, **kw: Any) -> Any:
        if action == "seatmap.import":
            reached.append(session.scalar(select(func.count()).select_from(Seat)) or 0)
            raise RuntimeError("disk full")
        return real_record(session, actor, action, *args, **kw)

    before = table_counts(store)
    monkeypatch.setattr(save_module.audit, "record", failing_record)
    with pytest.raises(RuntimeError, match="disk full"), store.write() as session:
        import_seatmap(session, admin, OWN_SAMPLE, "Brand New Venue")
    assert reached == [52]  # the seats had been written when it failed
    assert table_counts(store) == before


def test_detection_by_extension_and_content(tmp_path: Path) -> None:
    own = shutil.copy(OWN_SAMPLE, tmp_path / "house.seatmap")
    pretix = shutil.copy(PRETIX_SAMPLE, tmp_path / "export.txt.json")
    csv = shutil.copy(CSV_SAMPLE, tmp_path / "seats.data")
    assert load_plan(own).name == "Little Playhouse"
    assert load_plan(pretix).name == "Kleines Theater am Markt"
    assert load_plan(csv).seat_count == 22


def test_explicit_format_overrides_detection(tmp_path: Path) -> None:
    with pytest.raises(SeatMapFormatError) as caught:
        load_plan(PRETIX_SAMPLE, "own")
    assert (
        str(caught.value) == "seatmap-pretix-theatre.json: categories: unknown field "
        "(allowed: format, ga_areas, name, sections, size, version, zones)"
    )


def test_unknown_json_shape_asks_for_a_format(store: Store, admin: Actor, tmp_path: Path) -> None:
    path = write_file(tmp_path, "plan.json", '{"name": "x", "seats": []}')
    assert_import_refused(
        store,
        admin,
        path,
        'plan.json: cannot tell the format: expected "format": "boxoffice-seatmap" (own format) '
        'or top-level "zones" and "categories" (pretix); name the format explicitly',
    )


def test_missing_file_and_unknown_format_are_clear(
    store: Store, admin: Actor, tmp_path: Path
) -> None:
    missing = tmp_path / "nowhere.json"
    assert_import_refused(
        store, admin, missing, "nowhere.json: cannot read the file: No such file or directory"
    )
    assert_import_refused(
        store,
        admin,
        OWN_SAMPLE,
        "seatmap-playhouse.json: unknown format 'xml'; expected one of own, csv, pretix",
        fmt="xml",
    )


def test_price_zone_and_seat_counts_match_the_plan(store: Store, admin: Actor) -> None:
    plan = load_plan(CSV_SAMPLE)
    with store.write() as session:
        map_id = import_seatmap(session, admin, CSV_SAMPLE, "Studio").id
    with store.read() as session:
        zones = session.scalars(
            select(PriceZone.name).where(PriceZone.seat_map_id == map_id).order_by(PriceZone.id)
        ).all()
        assert list(zones) == [z.name for z in plan.zones]
        rows = session.scalars(select(Row).join(Section).where(Section.seat_map_id == map_id))
        assert sum(len(r.seats) for r in rows) == plan.seat_count
