"""Selecting a seat by click on the 20,000-seat arena map.

* ``seatmap_click_select_20k_p99`` (budget 16 ms): the demo arena (the
  "Bowl", 20,000 seats) fitted in a shown 1366×768 seat-map view; 200 real
  mouse clicks (a press and a release ``QMouseEvent`` sent to the viewport)
  on the pixels of available seats spread over the house, timed from the
  press to the selection painted (the posted viewport update processed).
  The 99th percentile. Every click must select the seat under it (nearest within
  half the seat pitch) and the viewport must have painted, or the run
  fails. The cart is cleared every 8 clicks, outside the timing, as a sale
  would.
  Its baseline, from the same run: ``seatmap_bare_repaint_p99``, the same
  view repainting the same seat's area with no click (update + paint):
  what painting costs before the click lookup and the selection.
"""

from __future__ import annotations

import os
import random
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from benchmarks import Metric
from benchmarks.bench_client import _seeded_store

CLICKS = 200
WARMUP = 10


def percentile(samples: list[float], q: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(len(ordered) * q))]


def _arena(db: Path):  # type: ignore[no-untyped-def]
    from sqlalchemy import func, select

    from boxoffice.seatmaps.view_model import load_seat_map
    from boxoffice.store import open_store
    from boxoffice.store.models import Seat

    store = open_store(db)
    try:
        with store.read() as session:
            seat_map_id, seats = session.execute(
                select(Seat.seat_map_id, func.count())
                .group_by(Seat.seat_map_id)
                .order_by(func.count().desc())
                .limit(1)
            ).one()
            if seats != 20_000:
                raise RuntimeError(f"the demo arena has {seats} seats, not 20,000")
            data = load_seat_map(session, seat_map_id)
            data.index_seats()
            return data
    finally:
        store.dispose()


def click_timings(data, clicks: int = CLICKS) -> tuple[list[float], list[float]]:  # type: ignore[no-untyped-def]
    """(click → selection painted ms, bare repaint of the same area ms) per click."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QMouseEvent
    from PySide6.QtTest import QTest

    from boxoffice.ui.qt import QApplication, QEvent, QObject, QPointF, Qt
    from boxoffice.ui.widgets.seat_map import AVAILABLE, SeatMapView

    app = QApplication.instance() or QApplication([])
    view = SeatMapView()
    view.resize(1366, 768)
    view.show()
    QTest.qWaitForWindowExposed(view)
    view.show_map(data)
    for _ in range(3):
        app.processEvents()
    layer = view.layer
    assert layer is not None
    rng = random.Random(14)
    # Seats whose own pixel takes them (at this zoom a pixel may be nearer a neighbour).
    targets = []
    for i in rng.sample(range(len(data)), len(data)):
        if layer.states.state[i] != AVAILABLE:
            continue
        where = view.mapFromScene(QPointF(data.xs[i], data.ys[i]))
        if layer.seat_at(view.mapToScene(where)) == i:
            targets.append((i, where))
        if len(targets) == clicks + WARMUP:
            break
    viewport = view.viewport()

    class Paints(QObject):
        count = 0

        def eventFilter(self, watched, event):  # type: ignore[no-untyped-def]
            if event.type() == QEvent.Type.Paint:
                Paints.count += 1
            return False

    paints = Paints()
    viewport.installEventFilter(paints)
    left, none = Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton

    def click(where):  # type: ignore[no-untyped-def]
        local = QPointF(where)
        screen = QPointF(viewport.mapToGlobal(where))
        for kind, buttons in (
            (QEvent.Type.MouseButtonPress, left),
            (QEvent.Type.MouseButtonRelease, none),
        ):
            event = QMouseEvent(kind, local, screen, left, buttons, Qt.KeyboardModifier.NoModifier)
            QApplication.sendEvent(viewport, event)

    selected, bare = [], []
    for n, (i, where) in enumerate(targets):
        if n % 8 == 0:
            view.clear_selection()
            app.processEvents()
        before = Paints.count
        started = time.perf_counter()
        click(where)
        app.processEvents()  # the posted update: the selection painted
        elapsed = (time.perf_counter() - started) * 1000
        if data.seat_ids[i] not in view.selected_seat_ids() or Paints.count == before:
            raise RuntimeError(f"a click on seat index {i} did not select and paint it")
        before = Paints.count
        started = time.perf_counter()
        viewport.update(view.mapFromScene(layer.states.seat_rect(i)).boundingRect())
        app.processEvents()
        bare_elapsed = (time.perf_counter() - started) * 1000
        if Paints.count == before:
            raise RuntimeError("the bare repaint did not paint")
        if n >= WARMUP:
            selected.append(elapsed)
            bare.append(bare_elapsed)
    viewport.removeEventFilter(paints)
    view.close()
    view.deleteLater()
    app.processEvents()
    return selected, bare


def run() -> Iterator[Metric]:
    with tempfile.TemporaryDirectory(prefix="bench-select-") as tmp:
        data = _arena(_seeded_store(Path(tmp)))
    selected, bare = click_timings(data)
    yield Metric(
        "seatmap_click_select_20k_p99",
        percentile(selected, 0.99),
        "ms",
        16.0,
        baseline=percentile(bare, 0.99),
        baseline_of="seatmap_bare_repaint_p99",
    )
    yield Metric("seatmap_click_select_20k_p50", percentile(selected, 0.50), "ms", 16.0)
    yield Metric("seatmap_bare_repaint_p99", percentile(bare, 0.99), "ms", 16.0)


if __name__ == "__main__":
    for metric in run():
        print(metric.to_json())
