"""CSV seat maps: section,row,seat,x,y,category[,accessible]."""

from __future__ import annotations

from pathlib import Path

import pytest

from boxoffice.actor import Actor
from boxoffice.seatmaps import csv_format
from boxoffice.seatmaps.importer import load_plan
from boxoffice.store import Store
from tests.seatmaps import CSV_SAMPLE, assert_import_refused, write_file

HEADER = "section,row,seat,x,y,category,accessible\n"


def test_sample_imports_sections_rows_zones_and_accessibility() -> None:
    plan = load_plan(CSV_SAMPLE)

    assert plan.name == "seatmap-studio"
    assert plan.seat_count == 22
    assert [s.name for s in plan.sections] == ["Studio", "Gallery"]
    assert [r.name for r in plan.sections[0].rows] == ["A", "B", "C"]
    assert [z.name for z in plan.zones] == ["Front", "Back", "Gallery"]
    assert len({z.color for z in plan.zones}) == 3
    seat = plan.sections[0].rows[1].seats[2]
    assert (seat.guid, seat.number, seat.x, seat.y, seat.zone) == (
        "Studio-B-3",
        "3",
        96,
        90,
        "Back",
    )
    assert sorted(s.guid for s in plan.seats() if s.wheelchair) == ["Studio-C-1", "Studio-C-6"]
    # Size: the seats' extent plus the same margin on the far side as on the near side.
    assert (plan.width, plan.height) == (180 + 40, 200 + 60)


def test_order_of_first_appearance_and_any_column_order() -> None:
    text = (
        "Category,Y,X,Seat,Row,Section\n"
        "Cheap,30,5,2,B,Left\n"
        "Dear,10,5,1,A,Right\n"
        "Cheap,30,10,1,B,Left\n"
        "Dear,20,5,1,A,Left\n"
    )
    plan = csv_format.parse(text, "order.csv", name="Order test")
    assert plan.name == "Order test"
    assert [s.name for s in plan.sections] == ["Left", "Right"]
    assert [r.name for r in plan.sections[0].rows] == ["B", "A"]
    assert [s.number for s in plan.sections[0].rows[0].seats] == ["2", "1"]
    assert [z.name for z in plan.zones] == ["Cheap", "Dear"]
    assert plan.sections[1].rows[0].seats[0].x == 5


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("true", True),
        ("YES", True),
        ("1", True),
        ("false", False),
        ("No", False),
        ("0", False),
        ("", False),
    ],
)
def test_accessible_values(cell: str, expected: bool) -> None:
    plan = csv_format.parse(HEADER + f"S,A,1,0,0,Z,{cell}\n", "map.csv")
    assert plan.seats()[0].wheelchair is expected


def test_accessible_column_is_optional() -> None:
    plan = csv_format.parse("section,row,seat,x,y,category\nS,A,1,0,0,Z\n", "map.csv")
    assert plan.seats()[0].wheelchair is False


def test_semicolon_spreadsheet_with_decimal_comma_and_bom() -> None:
    text = "\ufeffsection;row;seat;x;y;category\nS;A;1;12,5;3;Z\n"
    plan = csv_format.parse(text, "excel.csv")
    assert (plan.seats()[0].x, plan.seats()[0].y) == (12.5, 3)


def test_long_places_get_a_stable_guid_within_the_limit() -> None:
    section = "Grand Tier Left Private Boxes and Loges for Patrons"
    plan = csv_format.parse(HEADER + f"{section},Box 12,Seat 4,0,0,Z,\n", "map.csv")
    again = csv_format.parse(HEADER + f"{section},Box 12,Seat 4,0,0,Z,\n", "map.csv")
    guid = plan.seats()[0].guid
    assert len(guid) == 64
    assert guid == again.seats()[0].guid
    assert guid.startswith("Grand Tier Left Private Boxes")
    other = csv_format.parse(HEADER + f"{section},Box 12,Seat 5,0,0,Z,\n", "map.csv")
    assert other.seats()[0].guid != guid


MALFORMED = [
    (
        "x not a number",
        HEADER + "S,A,1,0,0,Z,\nS,A,2,abc,0,Z,\n",
        'line 3, column "x": expected number, got "abc"',
    ),
    ("y empty", HEADER + "S,A,1,0,,Z,\n", 'line 2, column "y": expected number, got ""'),
    ("nan refused", HEADER + "S,A,1,nan,0,Z,\n", 'line 2, column "x": expected number, got "nan"'),
    ("seat empty", HEADER + "S,A, ,0,0,Z,\n", 'line 2, column "seat": must not be empty'),
    ("category empty", HEADER + "S,A,1,0,0,,\n", 'line 2, column "category": must not be empty'),
    (
        "accessible unknown",
        HEADER + "S,A,1,0,0,Z,maybe\n",
        'line 2, column "accessible": expected true/false, yes/no, 1/0 or empty, got "maybe"',
    ),
    (
        "too few fields",
        HEADER + "S,A,1,0,0,Z,\nS,A,2,0\n",
        "line 3: expected 7 fields as in the header, found 4",
    ),
    (
        "missing column",
        "section,row,seat,x,y\nS,A,1,0,0\n",
        'line 1: the header has no "category" column',
    ),
    (
        "unknown column",
        "section,row,seat,x,y,category,accesible\nS,A,1,0,0,Z,yes\n",
        'line 1: unknown column "accesible"; the header must name '
        "section,row,seat,x,y,category[,accessible]",
    ),
    (
        "no header",
        "Stalls,A,1,10,20,Z\n",
        "line 1: the first line must be a header row naming "
        "section,row,seat,x,y,category[,accessible]",
    ),
    (
        "duplicate column",
        "section,row,seat,x,y,category,x\nS,A,1,0,0,Z,1\n",
        'line 1: column "x" appears twice in the header',
    ),
    (
        "duplicate seat",
        HEADER + "S,A,1,0,0,Z,\nS,A,2,0,0,Z,\nS,A,1,5,0,Z,\n",
        'line 4, columns "section", "row" and "seat": duplicate seat guid \'S-A-1\' '
        '(also at line 2, columns "section", "row" and "seat")',
    ),
    ("header only", HEADER, "the file has a header but no seats"),
    ("empty", "", "the file is empty"),
    (
        "long row name",
        HEADER + f"S,{'R' * 41},1,0,0,Z,\n",
        'line 2, column "row": is 41 characters long; the limit is 40',
    ),
]


@pytest.mark.parametrize(
    ("text", "message"), [m[1:] for m in MALFORMED], ids=[m[0] for m in MALFORMED]
)
def test_malformed_csv_names_line_and_column_and_writes_nothing(
    text: str, message: str, store: Store, admin: Actor, tmp_path: Path
) -> None:
    path = write_file(tmp_path, "map.csv", text)
    assert_import_refused(store, admin, path, f"map.csv: {message}")


def test_non_utf8_csv_names_the_line(store: Store, admin: Actor, tmp_path: Path) -> None:
    path = write_file(tmp_path, "map.csv", HEADER.encode() + b"S,A,1,0,0,Caf\xe9,\n")
    assert_import_refused(
        store,
        admin,
        path,
        "map.csv: line 2: not UTF-8 text (byte 0xe9 at offset 54); save the file as UTF-8",
    )


def test_a_file_problem_has_a_code_and_reads_in_chinese(tmp_path) -> None:
    """The place stays as in the file; the problem is said in the clerk's language."""
    from boxoffice.seatmaps.errors import SeatMapFormatError
    from boxoffice.seatmaps.importer import load_plan

    path = tmp_path / "hall.csv"
    path.write_text("section,row,seat,x,y,category,category\nA,1,1,0,0,std,std\n", "utf-8")
    with pytest.raises(SeatMapFormatError) as caught:
        load_plan(path)
    error = caught.value
    assert error.code == "seatmap_format_at" and error.problem.code == "seatmap_csv_column_twice"
    assert str(error) == 'hall.csv: line 1: column "category" appears twice in the header'
    assert error.message("zh_CN") == 'hall.csv：第1行：列 "category" 在表头中出现了两次。'
