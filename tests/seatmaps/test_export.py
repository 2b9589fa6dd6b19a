"""Export to the own format, and round trips through files and the store."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from boxoffice.actor import Actor
from boxoffice.catalogue import venues
from boxoffice.errors import NotFound
from boxoffice.seatmaps import own_format
from boxoffice.seatmaps.export import export_own, plan_from_store
from boxoffice.seatmaps.importer import import_seatmap, load_plan
from boxoffice.seatmaps.plan import (
    GAAreaPlan,
    RowPlan,
    SeatMapPlan,
    SeatPlan,
    SectionPlan,
    ZonePlan,
)
from boxoffice.seatmaps.save import save_plan
from boxoffice.store import Store
from tests.seatmaps import CSV_SAMPLE, OWN_SAMPLE, PRETIX_SAMPLE


@pytest.mark.parametrize("sample", [OWN_SAMPLE, CSV_SAMPLE, PRETIX_SAMPLE], ids=lambda p: p.name)
def test_export_then_import_elsewhere_gives_the_identical_plan(
    sample: Path, store: Store, admin: Actor, tmp_path: Path
) -> None:
    with store.write() as session:
        first = import_seatmap(session, admin, sample, "Venue One").id
        exported = export_own(session, first)
    path = tmp_path / "exported.json"
    path.write_text(json.dumps(exported, indent=1), encoding="utf-8")
    with store.write() as session:
        second = import_seatmap(session, admin, path, "Venue Two").id

    with store.read() as session:
        original = plan_from_store(session, first)
        copied = plan_from_store(session, second)
    assert copied == original == load_plan(sample)
    assert copied.seat_count > 0


def test_export_is_the_documented_own_format(store: Store, admin: Actor) -> None:
    with store.write() as session:
        map_id = import_seatmap(session, admin, OWN_SAMPLE, "Playhouse").id
    with store.read() as session:
        data = export_own(session, map_id)
    assert (data["format"], data["version"], data["name"]) == (
        "boxoffice-seatmap",
        1,
        "Little Playhouse",
    )
    assert data["size"] == {"width": 440, "height": 400}
    row_d = data["sections"][0]["rows"][3]
    assert row_d["seats"][0] == {
        "guid": "stalls-D-1",
        "number": "1",
        "x": 100,
        "y": 216,
        "zone": "Standard",
        "wheelchair": True,
    }
    assert data["ga_areas"] == [
        {"name": "Standing at the back", "capacity": 40, "zone": "Standing"}
    ]
    assert json.loads(OWN_SAMPLE.read_text()) == data


def test_export_of_a_missing_map_is_not_found(store: Store) -> None:
    with store.read() as session, pytest.raises(NotFound, match="no seat map with id 999"):
        export_own(session, 999)


# --- generated plans --------------------------------------------------------------------------

_names = st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=12).filter(
    lambda s: s.strip() != ""
)
_coords = st.one_of(
    st.integers(-(10**6), 10**6),
    st.floats(-1e6, 1e6, allow_nan=False, allow_infinity=False),
)
_colors = st.from_regex(r"#[0-9a-fA-F]{6}", fullmatch=True)


@st.composite
def plans(draw: st.DrawFn) -> SeatMapPlan:
    zone_names = draw(st.lists(_names, min_size=1, max_size=4, unique=True))
    zones = [ZonePlan(n, draw(_colors)) for n in zone_names]
    guids = iter(draw(st.lists(_names, min_size=12, max_size=12, unique=True)))
    counter = itertools.count()
    sections = []
    for section_name in draw(st.lists(_names, max_size=3, unique=True)):
        rows = []
        for row_name in draw(st.lists(_names, min_size=1, max_size=3, unique=True)):
            seats = [
                SeatPlan(
                    guid=next(guids, None) or f"extra-{next(counter)}",
                    number=draw(st.text(max_size=5)),
                    x=draw(_coords),
                    y=draw(_coords),
                    zone=draw(st.sampled_from(zone_names)),
                    wheelchair=draw(st.booleans()),
                    companion=draw(st.booleans()),
                    restricted_view=draw(st.booleans()),
                )
                for _ in range(draw(st.integers(0, 4)))
            ]
            rows.append(RowPlan(row_name, seats))
        sections.append(SectionPlan(section_name, rows))
    areas = [
        GAAreaPlan(name, draw(st.integers(1, 100_000)), draw(st.sampled_from(zone_names)))
        for name in draw(st.lists(_names, max_size=2, unique=True))
    ]
    if not areas and not any(r.seats for s in sections for r in s.rows):
        areas = [GAAreaPlan("Standing", 10, zone_names[0])]
    return SeatMapPlan(
        name=draw(_names),
        width=draw(st.floats(0, 1e5)),
        height=draw(st.integers(0, 10**5)),
        zones=zones,
        sections=sections,
        ga_areas=areas,
    )


@settings(max_examples=100, deadline=None)
@given(plans())
def test_own_format_round_trips_any_plan(plan: SeatMapPlan) -> None:
    text = json.dumps(own_format.dump(plan))
    assert own_format.parse(text, "generated.json") == plan


_venue_numbers = itertools.count()


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(plan=plans())
def test_store_round_trips_any_plan(plan: SeatMapPlan, store: Store, admin: Actor) -> None:
    with store.write() as session:
        venue = venues.get_or_create(session, admin, f"Generated {next(_venue_numbers)}")
        map_id = save_plan(session, admin, venue, plan, "own").id
        exported = export_own(session, map_id)
    assert own_format.parse(json.dumps(exported), "exported.json") == plan
