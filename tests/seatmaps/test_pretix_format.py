"""pretix seating plans: relative positions made absolute, precise refusals."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from boxoffice.actor import Actor
from boxoffice.seatmaps import pretix_format
from boxoffice.seatmaps.errors import SeatMapFormatError
from boxoffice.seatmaps.importer import load_plan
from boxoffice.store import Store
from tests.seatmaps import PRETIX_SAMPLE, assert_import_refused, write_file


def test_real_shaped_plan_gets_absolute_coordinates() -> None:
    plan = load_plan(PRETIX_SAMPLE)

    assert plan.name == "Kleines Theater am Markt"
    assert (plan.width, plan.height) == (600, 450)
    assert [(z.name, z.color) for z in plan.zones] == [
        ("Kategorie 1", "#d3515a"),
        ("Kategorie 2", "#3b7dd8"),
        ("Kategorie 3", "#4caf50"),
    ]
    # The stage zone has only shapes, so it is not a section.
    assert [s.name for s in plan.sections] == ["Parkett", "Balkon"]
    parkett, balkon = plan.sections
    assert [r.name for r in parkett.rows] == ["1", "2", "3", "4"]
    assert plan.seat_count == 70

    def at(seat: Any) -> tuple[float, float]:
        return (seat.x, seat.y)

    # seat = zone.position + row.position + seat.position
    assert at(parkett.rows[0].seats[0]) == (100 + 30 + 0, 150 + 0 + 0)
    assert at(parkett.rows[0].seats[9]) == (100 + 30 + 270, 150)
    assert at(parkett.rows[1].seats[0]) == (100 + 15, 150 + 32)
    assert at(balkon.rows[1].seats[0]) == (85.5 + 5, 330 + 34)
    seat = balkon.rows[1].seats[12]
    assert (seat.guid, seat.number, seat.zone) == ("balkon-2-13", "13", "Kategorie 3")
    assert at(seat) == (85.5 + 5 + 360, 364)


def test_row_drawn_either_side_of_an_aisle_becomes_one_row() -> None:
    row4 = load_plan(PRETIX_SAMPLE).sections[0].rows[3]
    assert [s.number for s in row4.seats] == [str(n) for n in range(1, 13)]
    assert (row4.seats[5].x, row4.seats[5].y) == (100 + 0 + 150, 150 + 96)
    assert (row4.seats[6].x, row4.seats[6].y) == (100 + 210 + 0, 150 + 96)


def mini() -> dict[str, Any]:
    """A two-zone pretix plan with the optional fields pretix's editor adds."""

    def seat(guid: str, x: float, category: str = "Cat A") -> dict[str, Any]:
        return {
            "seat_guid": guid,
            "seat_number": guid[-1],
            "position": {"x": x, "y": 0},
            "category": category,
            "radius": 10,
            "uuid": f"u-{guid}",
        }

    return {
        "name": "Mini",
        "categories": [{"name": "Cat A", "color": "#aa0000"}, {"name": "Cat B"}],
        "size": {"width": 500, "height": 300},
        "zones": [
            {
                "name": "Front",
                "zone_id": "front",
                "position": {"x": 10, "y": 20},
                "rows": [
                    {
                        "row_number": "1",
                        "row_label": None,
                        "position": {"x": 5, "y": 7},
                        "seats": [seat("f-1-1", 0), seat("f-1-2", 25)],
                    }
                ],
                "areas": [],
            },
            {
                "position": {"x": 0.5, "y": 200},
                "zone_id": "back",
                "rows": [
                    {"row_number": "1", "seats": [seat("b-1-1", 3.25, "Cat B")]},
                ],
            },
        ],
    }


def test_floats_missing_row_position_and_unnamed_zone() -> None:
    plan = pretix_format.parse(mini(), "mini.json")
    back = plan.sections[1]
    assert back.name == "back"  # no name: the zone_id stands in
    assert (back.rows[0].seats[0].x, back.rows[0].seats[0].y) == (3.75, 200)
    assert plan.zones[1].color == "#888888"
    front = plan.sections[0].rows[0].seats[1]
    assert (front.x, front.y) == (10 + 5 + 25, 20 + 7)


def _broken(change: str) -> dict[str, Any]:
    data = mini()
    zone = data["zones"][1]
    seat = zone["rows"][0]["seats"][0]
    match change:
        case "x string":
            seat["position"]["x"] = "abc"
        case "y bool":
            seat["position"]["y"] = False
        case "x null":
            seat["position"]["x"] = None
        case "no position":
            del seat["position"]
        case "unknown category":
            seat["category"] = "Balkon"
        case "missing seat_guid":
            del seat["seat_guid"]
        case "duplicate guid":
            seat["seat_guid"] = "f-1-2"
        case "row position":
            zone["rows"][0]["position"] = {"x": "1", "y": 0}
        case "zone position":
            del zone["position"]
        case "row number":
            zone["rows"][0]["row_number"] = 1
        case "duplicate zone":
            zone["name"] = "Front"
        case "no categories":
            del data["categories"]
        case "category colour":
            data["categories"][0]["color"] = "blue"
        case "seats not list":
            zone["rows"][0]["seats"] = None
        case "size string":
            data["size"]["width"] = "500px"
    return data


ERRORS = {
    "x string": 'zones[1].rows[0].seats[0].position.x: expected number, got "abc"',
    "y bool": "zones[1].rows[0].seats[0].position.y: expected number, got false",
    "x null": "zones[1].rows[0].seats[0].position.x: expected number, got null",
    "no position": "zones[1].rows[0].seats[0].position: required field is missing",
    "unknown category": (
        'zones[1].rows[0].seats[0].category: unknown category "Balkon" '
        '(the plan defines: "Cat A", "Cat B")'
    ),
    "missing seat_guid": "zones[1].rows[0].seats[0].seat_guid: required field is missing",
    "duplicate guid": (
        "zones[1].rows[0].seats[0].seat_guid: duplicate seat guid 'f-1-2' "
        "(also at zones[0].rows[0].seats[1].seat_guid)"
    ),
    "row position": 'zones[1].rows[0].position.x: expected number, got "1"',
    "zone position": "zones[1].position: required field is missing",
    "row number": "zones[1].rows[0].row_number: expected string, got 1",
    "duplicate zone": "zones[1].name: duplicate section name 'Front' (also at zones[0].name)",
    "no categories": "categories: required field is missing",
    "category colour": "categories[0].color: expected a colour like #1f77b4, got 'blue'",
    "seats not list": "zones[1].rows[0].seats: expected list, got null",
    "size string": 'size.width: expected number, got "500px"',
}


@pytest.mark.parametrize("change", sorted(ERRORS))
def test_malformed_pretix_plan_names_the_exact_path_and_writes_nothing(
    change: str, store: Store, admin: Actor, tmp_path: Path
) -> None:
    path = write_file(tmp_path, "plan.json", json.dumps(_broken(change)))
    assert_import_refused(store, admin, path, f"plan.json: {ERRORS[change]}", fmt="pretix")


def test_merged_row_reports_duplicates_at_the_original_row(tmp_path: Path) -> None:
    data = mini()
    front = data["zones"][0]
    second_half = json.loads(json.dumps(front["rows"][0]))
    second_half["seats"] = [dict(second_half["seats"][0], seat_guid="f-1-9")]
    second_half["seats"].append(dict(second_half["seats"][0], seat_guid="f-1-1"))
    front["rows"].append(second_half)
    with pytest.raises(SeatMapFormatError) as caught:
        pretix_format.parse(data, "plan.json")
    assert str(caught.value) == (
        "plan.json: zones[0].rows[1].seats[1].seat_guid: duplicate seat guid 'f-1-1' "
        "(also at zones[0].rows[0].seats[0].seat_guid)"
    )


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "plan.json: the file is empty"),
        (
            b'{"name": "x", "zones": [}',
            "plan.json: line 1, column 25: invalid JSON: Expecting value",
        ),
        (
            b'{"name": "Th\xe9\xe2tre"}',
            "plan.json: line 1: not UTF-8 text (byte 0xe9 at offset 12); save the file as UTF-8",
        ),
    ],
    ids=["empty", "bad json", "not utf-8"],
)
def test_unreadable_pretix_files(
    content: bytes, message: str, store: Store, admin: Actor, tmp_path: Path
) -> None:
    path = write_file(tmp_path, "plan.json", content)
    assert_import_refused(store, admin, path, message, fmt="pretix")
