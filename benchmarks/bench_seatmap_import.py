"""Importing a 100,000-seat own-format map (an arena) into a fresh store: budget 5 s.

Times what an administrator waits for, through the op the admin CLI runs
(``ops.backoffice.import_seatmap``): reading and parsing the file,
validating, the bulk insert and the commit (fsync on), with migrations done
beforehand so only the import is measured.
"""

from __future__ import annotations

import json
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from benchmarks import Metric
from boxoffice.actor import system_actor
from boxoffice.context import TerminalContext
from boxoffice.ops import backoffice
from boxoffice.seatmaps.own_format import FORMAT, VERSION
from boxoffice.store import open_store

SECTIONS = 20
ROWS = 50
SEATS_PER_ROW = 100  # 20 x 50 x 100 = 100,000 seats


def arena_plan() -> dict[str, Any]:
    """An own-format arena: 20 blocks of 50 rows of 100 seats, 4 price zones."""
    zones = ["Floor", "Lower", "Upper", "Gods"]
    sections = []
    for s in range(SECTIONS):
        rows = []
        for r in range(ROWS):
            seats = []
            for k in range(SEATS_PER_ROW):
                seat: dict[str, Any] = {
                    "guid": f"B{s:02d}-R{r:02d}-{k + 1}",
                    "number": str(k + 1),
                    "x": (s % 5) * 3100 + k * 30.0,
                    "y": (s // 5) * 1600 + r * 31.5,
                    "zone": zones[r * len(zones) // ROWS],
                }
                if r == ROWS - 1 and k < 4:
                    seat["wheelchair"] = True
                seats.append(seat)
            rows.append({"name": str(r + 1), "seats": seats})
        sections.append({"name": f"Block {s + 1}", "rows": rows})
    return {
        "format": FORMAT,
        "version": VERSION,
        "name": "Arena 100k",
        "size": {"width": 15500, "height": 6400},
        "zones": [{"name": z, "color": "#336699"} for z in zones],
        "sections": sections,
        "ga_areas": [{"name": "Floor standing", "capacity": 5000, "zone": "Floor"}],
    }


def run() -> Iterator[Metric]:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "arena.json"
        path.write_text(json.dumps(arena_plan()), encoding="utf-8")
        store = open_store(Path(tmp) / "bench.sqlite3")
        try:
            started = time.perf_counter()
            imported = backoffice.import_seatmap(
                TerminalContext(store, "bench"), system_actor("bench"), path, "Bench Arena"
            ).value
            elapsed = time.perf_counter() - started
        finally:
            store.dispose()
        assert imported.id and imported.seats == SECTIONS * ROWS * SEATS_PER_ROW
    yield Metric("seatmap_import_100k_seats", elapsed, "s", target=5.0)
