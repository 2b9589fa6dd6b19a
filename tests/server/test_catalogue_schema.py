"""The catalogue's own wire schema: the server checks it, and load-demo goes through it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import func, select

from boxoffice.catalogue_export import export_store
from boxoffice.protocol import catalogue as schema
from boxoffice.server import catalogue, cli, migrate
from boxoffice.server.db import ServerStore
from boxoffice.server.errors import ApiError
from boxoffice.server.models import CatalogueRow, InvPerformance, InvSeat
from boxoffice.store import open_store
from tests.server import helpers


@pytest.mark.parametrize(
    ("table", "row", "field"),
    [
        ("venues", {"id": 1, "name": None}, "venues.name"),
        ("venues", {"id": "1", "name": "Hall"}, "venues.id"),
        ("venues", {"id": 1, "colour": "red"}, "venues.colour"),
        (
            "performances",
            {**helpers.small_catalogue()["performances"][0], "status": "gone"},
            "status",
        ),
        (
            "performances",
            {**helpers.small_catalogue()["performances"][0], "starts_at": "2030-01-01T19:30"},
            "has no time zone",
        ),
        ("seats", {"id": 9, "guid": "A-9"}, "seats.seat_map_id"),
    ],
)
def test_a_row_outside_the_schema_imports_nothing(
    sqlite_url: str, table: str, row: dict, field: str
) -> None:
    store = ServerStore(sqlite_url)
    migrate.upgrade(store)
    tables = helpers.small_catalogue()
    tables[table] = [*tables.get(table, [])[:1], row]
    with pytest.raises(ApiError, match=field) as caught, store.session() as s:
        catalogue.import_tables(s, tables)
    assert caught.value.status == 422
    with store.read() as s:
        assert s.scalar(select(func.count()).select_from(CatalogueRow)) == 0
    store.dispose()


def test_cli_loads_the_demo_and_imports_a_store_through_the_protocol(
    tmp_path: Path, sqlite_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["load-demo", "--db", sqlite_url]) == 0
    assert "demo catalogue loaded" in capsys.readouterr().out
    store = ServerStore(sqlite_url)
    with store.read() as s:
        demo_perfs = s.scalar(select(func.count()).select_from(InvPerformance))
        demo_seats = s.scalar(select(func.count()).select_from(InvSeat))
    assert demo_perfs and demo_seats
    # A terminal-format store of our own, exported (in process) and imported by the CLI.
    path = tmp_path / "shop.sqlite3"
    open_store(path).dispose()
    assert cli.main(["import-catalogue", "--from-store", str(path), "--db", sqlite_url]) == 0
    with store.read() as s:
        assert s.scalar(select(func.count()).select_from(InvPerformance)) == 0
    # The same JSON the client writes can be imported as a file.
    file = tmp_path / "catalogue.json"
    file.write_text(json.dumps({"tables": helpers.small_catalogue()}))
    assert cli.main(["import-catalogue", "--file", str(file), "--db", sqlite_url]) == 0
    with store.read() as s:
        assert s.scalar(select(func.count()).select_from(InvSeat)) == helpers.SEATS
    assert (
        cli.main(["import-catalogue", "--from-store", str(tmp_path / "none"), "--db", sqlite_url])
        == 2
    )
    store.dispose()
    assert export_store(path) == {name: [] for name in schema.TABLES}
