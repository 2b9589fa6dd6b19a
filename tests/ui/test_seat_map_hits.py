"""Seats are easy to hit: at 1366×768 a click takes the nearest seat, but never a far one.

Real mouse events on the signed-in main window showing the demo theatre
(1,030 seats); the click positions are worked out on screen, in pixels.
"""

from __future__ import annotations

import math
import random
from array import array

import pytest

from boxoffice.ui.qt import QPoint, QPointF, Qt
from boxoffice.ui.widgets.seat_hits import REACH_OF_PITCH, SeatHitIndex
from boxoffice.ui.widgets.seat_map import AVAILABLE
from tests.ui.conftest import STORE_WAIT_MS


@pytest.fixture
def view(qtbot, client):  # type: ignore[no-untyped-def]
    """The theatre's seat map in a main window of 1366×768 (a common till screen)."""
    login = client.login
    qtbot.keyClicks(login.username, "clara")
    qtbot.keyClicks(login.pin, "1111")
    qtbot.keyClick(login.pin, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: client.main_window is not None, timeout=STORE_WAIT_MS)
    window = client.main_window
    window.resize(1366, 768)
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.shown_performance() is not None, timeout=STORE_WAIT_MS)
    seat_map = window.seat_map
    assert window.width() == 1366 and seat_map.layer is not None
    assert len(seat_map.layer.data) == 1030, "the demo theatre"
    return seat_map


def _pixel(view, i: int) -> QPointF:  # type: ignore[no-untyped-def]
    data = view.layer.data
    return QPointF(view.mapFromScene(QPointF(data.xs[i], data.ys[i])))


def _distance(view, i: int, where: QPoint) -> float:  # type: ignore[no-untyped-def]
    """Scene distance from seat ``i`` to the scene point under pixel ``where``."""
    point = view.mapToScene(where)
    data = view.layer.data
    return math.hypot(data.xs[i] - point.x(), data.ys[i] - point.y())


def test_a_click_between_two_seats_of_a_row_takes_the_nearer_one(qtbot, view) -> None:  # type: ignore[no-untyped-def]
    data, states = view.layer.data, view.layer.states.state
    pairs = [
        i
        for i in range(len(data) - 1)
        if data.row_index[i] == data.row_index[i + 1]
        and states[i] == states[i + 1] == AVAILABLE
        and abs(
            math.hypot(data.xs[i + 1] - data.xs[i], data.ys[i + 1] - data.ys[i]) - view.layer.pitch
        )
        < 0.1 * view.layer.pitch
    ]
    a = pairs[len(pairs) // 2]
    b = a + 1
    pa, pb = _pixel(view, a), _pixel(view, b)
    gap_px = math.hypot(pb.x() - pa.x(), pb.y() - pa.y())
    assert gap_px < 20, f"seats are small at 1366×768 ({gap_px:.1f} px apart)"
    # Just on a's side of the middle: off both dots, slightly nearer to a.
    for share in (0.45, 0.55):
        where = (pa + (pb - pa) * share).toPoint()
        near, far = (a, b) if share < 0.5 else (b, a)
        assert _distance(view, near, where) < _distance(view, far, where)
        assert _distance(view, near, where) > view.layer.size / 2, "the click misses the dot"
        view.clear_selection()
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=where)
        assert view.selected_seat_ids() == [data.seat_ids[near]]


def test_a_click_far_from_any_seat_selects_nothing(qtbot, view) -> None:  # type: ignore[no-untyped-def]
    data = view.layer.data
    pitch = view.layer.pitch
    brute = SeatHitIndex(data.xs, data.ys, pitch * 10)  # to measure, not to select
    seats = view.mapFromScene(view.layer.boundingRect()).boundingRect()
    far = None
    for y in range(seats.top(), seats.bottom(), 3):  # inside the seated area: an aisle
        for x in range(seats.left(), seats.right(), 3):
            point = view.mapToScene(QPoint(x, y))
            i = brute.nearest(point.x(), point.y())
            if i is not None and math.hypot(data.xs[i] - point.x(), data.ys[i] - point.y()) > pitch:
                far = QPoint(x, y)
                break
        if far is not None:
            break
    assert far is not None, "the theatre has an aisle a pitch from every seat"
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=far)
    assert view.selected_seat_ids() == []
    # Just inside the reach of a seat still takes it.
    i = len(data) // 2
    while view.layer.states.state[i] != AVAILABLE:
        i += 1
    reach = pitch * REACH_OF_PITCH
    centre = _pixel(view, i).toPoint()
    p = next(
        centre + QPoint(dx, 0)
        for dx in range(1, 40)
        if view.layer.size / 2 < _distance(view, i, centre + QPoint(dx, 0)) < reach
    )  # off the dot, inside the reach
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=p)
    assert view.selected_seat_ids() == [data.seat_ids[i]]


def test_the_index_finds_the_nearest_seat_within_reach_as_a_full_scan_does() -> None:
    from boxoffice.seatmaps.view_model import synthetic_grid

    data = synthetic_grid(5_000, columns=100, pitch=10.0)
    rng = random.Random(5)
    # Jitter so rows are not a perfect lattice (ties would prove nothing).
    xs = array("d", [x + rng.uniform(-2, 2) for x in data.xs])
    ys = array("d", [y + rng.uniform(-2, 2) for y in data.ys])
    whole = SeatHitIndex.for_pitch(xs, ys, 10.0)
    part = SeatHitIndex.for_pitch(xs, ys, 10.0)
    assert not part.build(1000), "built in steps; a lookup finishes the rest"
    assert whole.reach == 5.0
    for _ in range(400):
        x, y = rng.uniform(-20, max(xs) + 20), rng.uniform(-20, max(ys) + 20)
        best, best_d = None, whole.reach**2
        for i in range(len(xs)):
            d = (xs[i] - x) ** 2 + (ys[i] - y) ** 2
            if d <= best_d:
                best, best_d = i, d
        for index in (whole, part):
            got = index.nearest(x, y)
            if best is None:
                assert got is None
            else:
                assert got is not None
                assert (xs[got] - x) ** 2 + (ys[got] - y) ** 2 == pytest.approx(best_d)
