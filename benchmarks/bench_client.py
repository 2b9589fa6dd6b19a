"""The desktop client: cold start to the login screen, and the seat-map widget.

* ``client_cold_start_to_login`` (budget 2 s): a fresh ``python -m boxoffice
  --screenshot`` process on a seeded demo store, timed from launch to exit
  after the login screen has painted with the store open and sign-in ready.
  The median of five runs (a whole process start is at the mercy of
  whatever else the machine is doing; the median is the typical start).
  Its baseline, from the same run: ``pyside6_bare_window_painted``, a fresh
  Python process that imports PySide6, shows one bare window, grabs it to a
  PNG and exits (median of five): what Python and Qt cost before any of ours.
* ``seatmap_load_first_paint_100k`` (budget 0.5 s): a 100,000-seat map
  already in memory (as the store worker hands it over) drawn into a shown
  1280×800 view and rendered to a QImage. The worst of three runs.
* ``seatmap_recolour_1000`` (budget 16 ms): on that map, 1,000 seats
  scattered over the whole house change state (a feed update) and the view
  repaints synchronously. The worst of five runs.
"""

from __future__ import annotations

import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from benchmarks import Metric

ROOT = Path(__file__).resolve().parent.parent


def _seeded_store(folder: Path) -> Path:
    from boxoffice import demo
    from boxoffice.actor import system_actor
    from boxoffice.store import open_store

    path = folder / "demo.sqlite3"
    store = open_store(path)
    with store.write() as session:
        demo.seed(session, system_actor("benchmark"))
    store.dispose()
    return path


def cold_start_seconds(db: Path, shot: Path) -> float:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "boxoffice", "--db", str(db), "--screenshot", str(shot)],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
    )
    elapsed = time.perf_counter() - started
    if not shot.exists() or shot.stat().st_size == 0:
        raise RuntimeError("the client exited without painting the login screen")
    return elapsed


#: A bare PySide6 window, painted and saved, in a fresh process: the client's yardstick.
BARE_WINDOW = """
import sys
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication(sys.argv[:1])
label = QLabel("Sign in")
label.resize(1024, 700)
label.show()
app.processEvents()
if not label.grab().save(sys.argv[1]):
    raise SystemExit("the bare window was not painted")
"""


def bare_window_seconds(shot: Path) -> float:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-c", BARE_WINDOW, str(shot)],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
    )
    elapsed = time.perf_counter() - started
    if not shot.exists() or shot.stat().st_size == 0:
        raise RuntimeError("the bare window was not painted")
    return elapsed


def seat_map_timings(seats: int = 100_000) -> tuple[list[float], list[float]]:
    """(load + first paint seconds per run, recolour milliseconds per run)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from boxoffice.seatmaps.view_model import synthetic_grid
    from boxoffice.ui.qt import QApplication, QImage, QPainter
    from boxoffice.ui.widgets.seat_map import AVAILABLE, SOLD, SeatMapView

    app = QApplication.instance() or QApplication([])
    data = synthetic_grid(seats)
    view = SeatMapView()
    view.resize(1280, 800)
    view.show()
    app.processEvents()

    loads = []
    for _ in range(3):
        view.show_message("…")
        app.processEvents()
        started = time.perf_counter()
        view.show_map(data)
        image = QImage(view.viewport().size(), QImage.Format.Format_ARGB32_Premultiplied)
        painter = QPainter(image)
        view.render(painter)
        painter.end()
        loads.append(time.perf_counter() - started)
        if view.seat_count() != seats:
            raise RuntimeError(f"drew {view.seat_count()} seats, not {seats}")
    view.viewport().repaint()

    rng = random.Random(7)
    recolours = []
    for _ in range(5):
        changed = rng.sample(list(data.seat_ids), 1000)
        started = time.perf_counter()
        view.set_seat_states({seat: SOLD for seat in changed})
        view.viewport().repaint()
        recolours.append((time.perf_counter() - started) * 1000)
        view.set_seat_states({seat: AVAILABLE for seat in changed})
        view.viewport().repaint()
    view.close()
    view.deleteLater()
    app.processEvents()
    return loads, recolours


def run() -> Iterator[Metric]:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        db = _seeded_store(folder)
        starts, bare = [], []
        for i in range(5):  # interleaved, so both see the same machine
            starts.append(cold_start_seconds(db, folder / f"login-{i}.png"))
            bare.append(bare_window_seconds(folder / f"bare-{i}.png"))
    yield Metric(
        "client_cold_start_to_login",
        statistics.median(starts),
        "s",
        2.0,
        baseline=statistics.median(bare),
        baseline_of="pyside6_bare_window_painted",
    )
    yield Metric("pyside6_bare_window_painted", statistics.median(bare), "s", 2.0)
    loads, recolours = seat_map_timings()
    yield Metric("seatmap_load_first_paint_100k", max(loads), "s", 0.5)
    yield Metric("seatmap_recolour_1000", max(recolours), "ms", 16)


if __name__ == "__main__":
    for metric in run():
        print(metric.to_json())
