"""The project's own JSON format: a faithful import, and precise refusals."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from boxoffice.actor import Actor
from boxoffice.seatmaps import own_format
from boxoffice.seatmaps.errors import SeatMapFormatError
from boxoffice.seatmaps.importer import load_plan
from boxoffice.seatmaps.plan import GAAreaPlan, ZonePlan
from boxoffice.store import Store
from tests.seatmaps import OWN_SAMPLE, assert_import_refused, write_file


def small() -> dict[str, Any]:
    """A valid two-row plan that each error case breaks in one place."""
    return {
        "format": "boxoffice-seatmap",
        "version": 1,
        "name": "Test Hall",
        "size": {"width": 300, "height": 200},
        "zones": [{"name": "A", "color": "#ff0000"}, {"name": "B", "color": "#00ff00"}],
        "sections": [
            {
                "name": "Stalls",
                "rows": [
                    {
                        "name": "1",
                        "seats": [
                            {"guid": "s-1-1", "number": "1", "x": 10, "y": 20, "zone": "A"},
                            {"guid": "s-1-2", "number": "2", "x": 40.5, "y": 20, "zone": "A"},
                        ],
                    },
                    {
                        "name": "2",
                        "seats": [
                            {"guid": "s-2-1", "number": "1", "x": 10, "y": 50, "zone": "B"},
                        ],
                    },
                ],
            }
        ],
        "ga_areas": [{"name": "Bar", "capacity": 30, "zone": "B"}],
    }


def test_sample_imports_every_seat_zone_flag_and_area() -> None:
    plan = load_plan(OWN_SAMPLE)

    assert plan.name == "Little Playhouse"
    assert (plan.width, plan.height) == (440, 400)
    assert plan.seat_count == 52
    assert [s.name for s in plan.sections] == ["Stalls", "Circle"]
    assert [r.name for r in plan.sections[0].rows] == ["A", "B", "C", "D"]
    assert plan.zones[0] == ZonePlan("Premium", "#d62728")
    assert plan.ga_areas == [GAAreaPlan("Standing at the back", 40, "Standing")]
    first = plan.sections[0].rows[0].seats[0]
    assert (first.guid, first.number, first.x, first.y, first.zone) == (
        "stalls-A-1",
        "1",
        100,
        120,
        "Premium",
    )
    seats = plan.seats()
    assert sorted(s.guid for s in seats if s.wheelchair) == ["stalls-D-1", "stalls-D-8"]
    assert sorted(s.guid for s in seats if s.companion) == ["stalls-D-2", "stalls-D-7"]
    assert sum(s.restricted_view for s in seats) == 4


def test_flags_default_to_false_and_colour_to_grey() -> None:
    data = small()
    del data["zones"][1]["color"]
    plan = own_format.parse(data, "plan.json")
    assert plan.zones[1].color == "#888888"
    seat = plan.sections[0].rows[0].seats[0]
    assert not (seat.wheelchair or seat.companion or seat.restricted_view)


def test_dump_then_parse_gives_the_same_plan() -> None:
    plan = load_plan(OWN_SAMPLE)
    again = own_format.parse(json.dumps(own_format.dump(plan)), "again.json")
    assert again == plan


def _broken(change: str) -> dict[str, Any]:
    data = small()
    seat = data["sections"][0]["rows"][0]["seats"][1]
    match change:
        case "x string":
            seat["x"] = "abc"
        case "y bool":
            seat["y"] = True
        case "x null":
            seat["x"] = None
        case "missing guid":
            del seat["guid"]
        case "number int":
            seat["number"] = 2
        case "typo flag":
            seat["wheelchiar"] = True
        case "flag not bool":
            seat["wheelchair"] = 1
        case "unknown zone":
            seat["zone"] = "C"
        case "duplicate guid":
            data["sections"][0]["rows"][1]["seats"][0]["guid"] = "s-1-1"
        case "duplicate row":
            data["sections"][0]["rows"][1]["name"] = "1"
        case "duplicate section":
            data["sections"].append(copy.deepcopy(data["sections"][0]))
        case "empty section name":
            data["sections"][0]["name"] = "  "
        case "capacity zero":
            data["ga_areas"][0]["capacity"] = 0
        case "capacity fraction":
            data["ga_areas"][0]["capacity"] = 1.5
        case "ga unknown zone":
            data["ga_areas"][0]["zone"] = "Z"
        case "bad colour":
            data["zones"][0]["color"] = "red"
        case "duplicate zone":
            data["zones"][1]["name"] = "A"
        case "wrong format":
            data["format"] = "pretix"
        case "newer version":
            data["version"] = 2
        case "rows not a list":
            data["sections"][0]["rows"] = {"name": "1"}
        case "no seats":
            data["sections"] = []
            data["ga_areas"] = []
        case "long guid":
            seat["guid"] = "g" * 65
    return data


ERRORS = {
    "x string": 'sections[0].rows[0].seats[1].x: expected number, got "abc"',
    "y bool": "sections[0].rows[0].seats[1].y: expected number, got true",
    "x null": "sections[0].rows[0].seats[1].x: expected number, got null",
    "missing guid": "sections[0].rows[0].seats[1].guid: required field is missing",
    "number int": "sections[0].rows[0].seats[1].number: expected string, got 2",
    "typo flag": (
        "sections[0].rows[0].seats[1].wheelchiar: unknown field (allowed: companion, guid, "
        "number, restricted_view, wheelchair, x, y, zone)"
    ),
    "flag not bool": "sections[0].rows[0].seats[1].wheelchair: expected true or false, got 1",
    "unknown zone": "sections[0].rows[0].seats[1].zone: unknown zone 'C' (known: 'A', 'B')",
    "duplicate guid": (
        "sections[0].rows[1].seats[0].guid: duplicate seat guid 's-1-1' "
        "(also at sections[0].rows[0].seats[0].guid)"
    ),
    "duplicate row": (
        "sections[0].rows[1].name: duplicate row name '1' in section 'Stalls' "
        "(also at sections[0].rows[0].name)"
    ),
    "duplicate section": (
        "sections[1].name: duplicate section name 'Stalls' (also at sections[0].name)"
    ),
    "empty section name": "sections[0].name: must not be empty",
    "capacity zero": "ga_areas[0].capacity: expected a positive whole number, got 0",
    "capacity fraction": "ga_areas[0].capacity: expected whole number, got 1.5",
    "ga unknown zone": "ga_areas[0].zone: unknown zone 'Z' (known: 'A', 'B')",
    "bad colour": "zones[0].color: expected a colour like #1f77b4, got 'red'",
    "duplicate zone": "zones[1].name: duplicate name 'A' (also at zones[0].name)",
    "wrong format": 'format: expected "boxoffice-seatmap", got "pretix"',
    "newer version": "version: version 2 is not supported (this program reads 1)",
    "rows not a list": "sections[0].rows: expected list, got an object",
    "no seats": "the plan has no seats and no general-admission areas",
    "long guid": "sections[0].rows[0].seats[1].guid: is 65 characters long; the limit is 64",
}


@pytest.mark.parametrize("change", sorted(ERRORS))
def test_malformed_plan_names_the_exact_place_and_writes_nothing(
    change: str, store: Store, admin: Actor, tmp_path: Path
) -> None:
    path = write_file(tmp_path, "plan.json", json.dumps(_broken(change)))
    error = assert_import_refused(store, admin, path, f"plan.json: {ERRORS[change]}", fmt="own")
    assert error.filename == "plan.json"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "plan.json: the file is empty"),
        (b"  \n", "plan.json: the file is empty"),
        (
            b'{"format": "boxoffice-seatmap",\n "version": 1\n "name": "x"}',
            "plan.json: line 3, column 2: invalid JSON: Expecting ',' delimiter",
        ),
        (
            b'{"format": "boxoffice-seatmap",\n "name": "Caf\xe9"}',
            "plan.json: line 2: not UTF-8 text (byte 0xe9 at offset 45); save the file as UTF-8",
        ),
        (b"[1, 2]", "plan.json: (top level): expected object, got a list"),
    ],
    ids=["empty", "blank", "bad json", "not utf-8", "not an object"],
)
def test_unreadable_own_files_are_refused(
    content: bytes, message: str, store: Store, admin: Actor, tmp_path: Path
) -> None:
    path = write_file(tmp_path, "plan.json", content)
    assert_import_refused(store, admin, path, message, fmt="own")


def test_nan_coordinate_is_refused_with_its_path() -> None:
    text = json.dumps(small()).replace('"x": 40.5', '"x": NaN')
    with pytest.raises(SeatMapFormatError) as caught:
        own_format.parse(text, "plan.json")
    assert str(caught.value) == (
        "plan.json: sections[0].rows[0].seats[1].x: expected finite number, got NaN"
    )


def test_documented_example_is_a_valid_plan() -> None:
    doc = (Path(__file__).resolve().parents[2] / "docs" / "seatmap-format.md").read_text()
    example = doc.split("```json\n", 1)[1].split("```", 1)[0]
    plan = own_format.parse(example, "seatmap-format.md")
    assert plan.seat_count == 4
    assert [s.guid for s in plan.seats() if s.wheelchair] == ["stalls-B-1"]
