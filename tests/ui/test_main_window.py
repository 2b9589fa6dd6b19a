"""The main window on the demo data: performances, seat maps, holds, selection."""

from __future__ import annotations

import time

import pytest
from sqlalchemy import func, select

from boxoffice.actor import Actor
from boxoffice.catalogue.house_holds import held_seats
from boxoffice.store import open_store
from boxoffice.store.models import Performance, Seat, SeatMap, User, Venue
from boxoffice.ui.qt import QApplication, QColor, QEvent, QHelpEvent, QPoint, Qt, QToolTip
from boxoffice.ui.shell.main_window import PERFORMANCE_ID
from boxoffice.ui.widgets.seat_map import HELD, KILLED, SOLD, STATE_COLOURS
from tests.ui.conftest import STORE_WAIT_MS


@pytest.fixture
def facts(demo_db):  # type: ignore[no-untyped-def]
    """What the store says: performances by venue, seat counts, holds of the first show."""
    store = open_store(demo_db)
    with store.read() as session:
        rows = session.execute(
            select(Performance.id, Venue.name, Performance.seat_map_id, Performance.starts_at)
            .join(SeatMap, SeatMap.id == Performance.seat_map_id)
            .join(Venue, Venue.id == SeatMap.venue_id)
            .order_by(Performance.starts_at, Performance.id)
        ).all()
        seats = dict(
            session.execute(select(Seat.seat_map_id, func.count()).group_by(Seat.seat_map_id)).all()
        )
        theatre = next(r.id for r in rows if r.name == "Royal Lyceum Theatre")
        holds = held_seats(session, theatre)
    store.dispose()
    arena = next(r for r in rows if r.name == "Pudong Arena")
    first_theatre = next(r for r in rows if r.id == theatre)
    return {
        "theatre": theatre,
        "theatre_seats": seats[first_theatre.seat_map_id],
        "arena": arena.id,
        "arena_seats": seats[arena.seat_map_id],
        "holds": holds,
        "performances": len(rows),
    }


@pytest.fixture
def window(qtbot, client):  # type: ignore[no-untyped-def]
    login = client.login
    qtbot.keyClicks(login.username, "clara")
    qtbot.keyClicks(login.pin, "1111")
    qtbot.keyClick(login.pin, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: client.main_window is not None, timeout=STORE_WAIT_MS)
    window = client.main_window
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.shown_performance() is not None, timeout=STORE_WAIT_MS)
    return window


def _pixel(view, seat_id: int, dx: float = 0.0) -> QColor:  # type: ignore[no-untyped-def]
    """The colour on screen at a seat's centre (shifted right by ``dx`` seat sizes)."""
    point = view.seat_scene_pos(seat_id)
    point.setX(point.x() + dx * view.layer.size)
    where: QPoint = view.mapFromScene(point)
    return view.viewport().grab().toImage().pixelColor(where)


def _close(a: QColor, b: QColor, tolerance: int = 40) -> bool:
    return all(abs(x - y) <= tolerance for x, y in zip(a.getRgb()[:3], b.getRgb()[:3], strict=True))


def test_the_list_shows_every_performance_with_venue_local_time_and_status(window, facts) -> None:  # type: ignore[no-untyped-def]
    assert window.performance_rows() == facts["performances"]
    first = window.proxy.index(0, 0)
    assert first.data().splitlines() == ["The Nutcracker", "Royal Lyceum Theatre"]
    when = window.proxy.index(0, 1).data()
    assert when.endswith(("GMT", "BST")), when
    assert window.proxy.index(0, 2).data() == "On sale"


def test_the_first_performance_is_shown_with_its_seats_and_prices(window, facts) -> None:  # type: ignore[no-untyped-def]
    assert window.shown_performance() == facts["theatre"]
    assert window.seat_map.seat_count() == facts["theatre_seats"] == 1030
    assert window.title.text() == "The Nutcracker"
    cells = dict(window.price_cells()[:7])
    assert cells["Adult"] == "€89.00"
    assert "Premium" in window.legend.text().replace("\u2060", "")


def _row_of(window, performance_id: int):  # type: ignore[no-untyped-def]
    for row in range(window.proxy.rowCount()):
        index = window.proxy.index(row, 0)
        if index.data(PERFORMANCE_ID) == performance_id:
            return index
    raise AssertionError(f"performance {performance_id} is not listed")


def test_clicking_a_performance_loads_its_map_without_blocking(qtbot, window, facts) -> None:  # type: ignore[no-untyped-def]
    index = _row_of(window, facts["arena"])
    window.performances.scrollTo(index)
    where = window.performances.visualRect(index).center()
    started = time.perf_counter()
    qtbot.mouseClick(window.performances.viewport(), Qt.MouseButton.LeftButton, pos=where)
    returned = time.perf_counter() - started
    # The 20,000-seat load runs on the store worker: the UI thread is free at once.
    assert returned < 0.1, f"selecting took {returned:.3f} s on the UI thread"
    assert not window.seat_map.has_map(), "the map is still loading in the background"
    assert window.title.text() == "Starlight World Tour"
    qtbot.waitUntil(lambda: window.shown_performance() == facts["arena"], timeout=STORE_WAIT_MS)
    assert window.seat_map.seat_count() == facts["arena_seats"] == 20_000
    assert window.title.text() == "Starlight World Tour"
    assert ("Adult", "¥1,280.00") in window.price_cells()


def test_the_filter_narrows_the_list(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    window.find_action.trigger()
    qtbot.keyClicks(window.filter, "warehouse")
    assert window.performance_rows() == 4
    assert all("Neon Harbour" in window.proxy.index(r, 0).data() for r in range(4))


def test_held_seats_are_drawn_grey(window, facts) -> None:  # type: ignore[no-untyped-def]
    view = window.seat_map
    holds = facts["holds"]
    assert holds, "the demo holds house seats on the first performance"
    for seat_id, kind in holds.items():
        state = KILLED if kind.value == "kill" else HELD
        expected = QColor(STATE_COLOURS[state])
        assert view.seat_colour(seat_id) == expected
        # Away from the centre (held seats have a light pip in the middle).
        seen = _pixel(view, seat_id, dx=0.3)
        assert _close(seen, expected), (seat_id, seen.name(), expected.name())
        r, g, b = seen.getRgb()[:3]
        assert max(r, g, b) - min(r, g, b) < 12, f"{seen.name()} is not grey"
    free = next(view.layer.data.seat_ids[i] for i in range(20) if view.layer.data.holds[i] == 0)
    zone = view.layer.data.zones[view.layer.data.zone_index[view.layer.data.index_of(free)]]
    assert _close(_pixel(view, free), QColor(zone.color))


def test_clicking_a_seat_selects_it_and_clicking_again_releases_it(qtbot, window, facts) -> None:  # type: ignore[no-untyped-def]
    view = window.seat_map
    data = view.layer.data
    seat = next(data.seat_ids[i] for i in range(len(data)) if data.holds[i] == 0)
    where = view.mapFromScene(view.seat_scene_pos(seat))
    before = _pixel(view, seat, dx=0.75)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert view.selected_seat_ids() == [seat]
    label = view.seat_label(seat)
    assert f"{label.section} row {label.row} seat {label.number}" in window.selection.text()
    assert window.selection.text().startswith("Selected (1)")
    # The selection is visible: a dark halo appears around the seat.
    halo = _pixel(view, seat, dx=0.75)
    assert halo != before
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert view.selected_seat_ids() == []
    assert window.selection.text().startswith("No seats selected")


def test_a_held_seat_cannot_be_selected_and_says_why(qtbot, window, facts) -> None:  # type: ignore[no-untyped-def]
    view = window.seat_map
    held = next(s for s, k in facts["holds"].items() if k.value == "house")
    qtbot.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=view.mapFromScene(view.seat_scene_pos(held))
    )
    assert view.selected_seat_ids() == []
    assert "House seat" in window.statusBar().currentMessage()


def test_keyboard_moves_along_the_row_and_space_selects(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    view = window.seat_map
    window.go_map_action.trigger()
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Space)  # puts the cursor on the first seat
    first = view.cursor_seat_id()
    qtbot.keyClick(view, Qt.Key.Key_Right)
    second = view.cursor_seat_id()
    assert second != first
    assert view.seat_label(second).row == view.seat_label(first).row
    qtbot.keyClick(view, Qt.Key.Key_Space)
    assert view.selected_seat_ids() == [second]
    qtbot.keyClick(view, Qt.Key.Key_Down)
    assert view.seat_label(view.cursor_seat_id()).row != view.seat_label(second).row
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert view.selected_seat_ids() == []


def test_zoom_actions_and_fit(window) -> None:  # type: ignore[no-untyped-def]
    view = window.seat_map
    fitted = view.zoom_factor()
    window.zoom_in_action.trigger()
    assert view.zoom_factor() > fitted
    window.zoom_out_action.trigger()
    window.zoom_out_action.trigger()
    assert view.zoom_factor() < fitted
    window.fit_action.trigger()
    assert view.zoom_factor() == pytest.approx(fitted, rel=1e-3)
    for action in (window.zoom_in_action, window.logout_action, window.quit_action):
        assert not action.shortcuts()[0].isEmpty(), action.text()


def test_a_feed_update_recolours_only_those_seats(window) -> None:  # type: ignore[no-untyped-def]
    view = window.seat_map
    data = view.layer.data
    free = [data.seat_ids[i] for i in range(len(data)) if data.holds[i] == 0][:3]
    view.set_seat_states({free[0]: SOLD})
    assert view.seat_colour(free[0]) == QColor(STATE_COLOURS[SOLD])
    assert _close(_pixel(view, free[0]), QColor(STATE_COLOURS[SOLD]))
    zone = data.zones[data.zone_index[data.index_of(free[1])]]
    assert view.seat_colour(free[1]) == QColor(zone.color)


def test_hovering_a_seat_names_section_row_seat_and_zone(qtbot, window, facts) -> None:  # type: ignore[no-untyped-def]
    view = window.seat_map
    held = next(s for s, k in facts["holds"].items() if k.value == "house")
    label = view.seat_label(held)
    where = view.mapFromScene(view.seat_scene_pos(held))
    event = QHelpEvent(QEvent.Type.ToolTip, where, view.viewport().mapToGlobal(where))
    QApplication.sendEvent(view.viewport(), event)
    qtbot.waitUntil(QToolTip.isVisible, timeout=10_000)
    text = QToolTip.text()
    assert f"Section {label.section} · Row {label.row} · Seat {label.number}" in text
    assert f"Zone: {label.zone}" in text
    assert "House seat" in text
    QToolTip.hideText()


def test_a_standing_only_show_draws_its_areas_and_offers_no_seats(qtbot, window, demo_db) -> None:  # type: ignore[no-untyped-def]
    store = open_store(demo_db)
    with store.read() as session:
        club = session.scalar(
            select(Performance.id)
            .join(SeatMap, SeatMap.id == Performance.seat_map_id)
            .join(Venue, Venue.id == SeatMap.venue_id)
            .where(Venue.name == "The Warehouse")
            .order_by(Performance.starts_at)
            .limit(1)
        )
    store.dispose()
    window.select_performance(club)
    qtbot.waitUntil(lambda: window.shown_performance() == club, timeout=STORE_WAIT_MS)
    view = window.seat_map
    assert view.seat_count() == 0
    assert window.selection.text() == "Standing only — sold by quantity, not by seat."
    texts = [item.text() for item in view.scene().items() if hasattr(item, "text")]
    assert "Standing floor" in texts and "Standing · capacity 800" in texts
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Space)
    qtbot.keyClick(view, Qt.Key.Key_Down)
    assert view.selected_seat_ids() == []


def test_logging_out_while_a_map_is_loading_drops_it_and_signing_in_again_works(
    qtbot, client, window, facts
) -> None:  # type: ignore[no-untyped-def]
    import threading

    from shiboken6 import isValid

    started, release = threading.Event(), threading.Event()

    def hold(_store):  # type: ignore[no-untyped-def]
        started.set()
        release.wait(STORE_WAIT_MS / 1000)

    client.worker.call(hold)  # keeps the arena's map queued until the window is gone
    assert started.wait(STORE_WAIT_MS / 1000)
    assert window.select_performance(facts["arena"])
    window.logout_action.trigger()
    assert client.main_window is None and client.login.isVisible()
    qtbot.waitUntil(lambda: not isValid(window), timeout=STORE_WAIT_MS)
    release.set()  # the map now loads for a deleted window: it must be dropped quietly
    qtbot.waitUntil(lambda: client.worker.pending() == 0, timeout=STORE_WAIT_MS)
    assert client.login.isVisible() and client.main_window is None
    login = client.login
    qtbot.keyClicks(login.username, "clara")
    qtbot.keyClicks(login.pin, "1111")
    qtbot.keyClick(login.pin, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: client.main_window is not None, timeout=STORE_WAIT_MS)
    again = client.main_window
    qtbot.waitUntil(lambda: again.shown_performance() is not None, timeout=STORE_WAIT_MS)
    assert "Clara Clerk" in again.user_label.text()


def _sign_in(qtbot, client, username: str, pin: str):  # type: ignore[no-untyped-def]
    login = client.login
    qtbot.keyClicks(login.username, username)
    qtbot.keyClicks(login.pin, pin)
    qtbot.keyClick(login.pin, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: client.main_window is not None, timeout=STORE_WAIT_MS)
    window = client.main_window
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.shown_performance() is not None, timeout=STORE_WAIT_MS)
    return window


def _hold_seat(demo_db, performance_id: int, seat_id: int) -> None:  # type: ignore[no-untyped-def]
    """A supervisor holds a house seat at another terminal: the store changes under the view."""
    from boxoffice.catalogue.house_holds import place
    from boxoffice.store.models.holds import HoldKind

    store = open_store(demo_db)
    try:
        with store.write() as session:
            sam = session.scalar(select(User).where(User.username == "sam"))
            performance = session.get(Performance, performance_id)
            guid = session.get(Seat, seat_id).guid
            place(
                session,
                Actor(sam.id, sam.username, "Window 2"),
                performance,
                [guid],
                HoldKind.HOUSE,
            )
    finally:
        store.dispose()


def test_a_change_set_naming_the_performance_recolours_only_its_changed_seats(
    qtbot, client, window, facts, demo_db
) -> None:  # type: ignore[no-untyped-def]
    import threading

    from boxoffice.bus import ChangeSet

    view = window.seat_map
    data = view.layer.data
    free = [data.seat_ids[i] for i in range(len(data)) if data.holds[i] == 0]
    chosen, held = free[0], free[40]
    assert view.select_seat(chosen)
    window.zoom_in_action.trigger()
    zoom = view.zoom_factor()
    _hold_seat(demo_db, facts["theatre"], held)
    qtbot.wait(200)
    assert view.seat_colour(held) != QColor(STATE_COLOURS[HELD]), "views do not poll the store"

    with qtbot.assertNotEmitted(window.performanceRefreshed, wait=300):
        client.context.publish(ChangeSet.of(performances=[facts["arena"]]))  # not on screen
    with qtbot.waitSignal(window.performanceRefreshed, timeout=STORE_WAIT_MS) as shown:
        # Published where ops and the sync feed publish: off the UI thread.
        threading.Thread(
            target=client.context.publish, args=(ChangeSet.of(performances=[facts["theatre"]]),)
        ).start()
    assert shown.args == [facts["theatre"]]
    assert view.seat_colour(held) == QColor(STATE_COLOURS[HELD])
    assert view.selected_seat_ids() == [chosen], "the clerk's selection stays"
    assert view.zoom_factor() == pytest.approx(zoom)
    qtbot.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=view.mapFromScene(view.seat_scene_pos(held))
    )
    assert "House seat" in window.statusBar().currentMessage()


def test_a_catalogue_change_reloads_the_list_and_keeps_the_performance(
    qtbot, client, window, facts
) -> None:  # type: ignore[no-untyped-def]
    from boxoffice.bus import ChangeSet

    assert window.select_performance(facts["arena"])
    qtbot.waitUntil(lambda: window.shown_performance() == facts["arena"], timeout=STORE_WAIT_MS)
    with qtbot.waitSignal(window.seatMapShown, timeout=STORE_WAIT_MS) as shown:
        client.context.publish(ChangeSet(catalogue=True))
    assert shown.args == [facts["arena"]]
    assert window.performance_rows() == facts["performances"]
    assert window.performances.currentIndex().data(PERFORMANCE_ID) == facts["arena"]


def test_a_clerk_is_offered_neither_the_door_nor_the_device_settings(window) -> None:  # type: ignore[no-untyped-def]
    for action in (window.door_action, window.devices_action):
        assert not action.isEnabled() and not action.isVisible()
    assert not window.door_menu.menuAction().isVisible()
    assert not window.terminal_menu.menuAction().isVisible()
    assert window.door_screen is None and window.device_settings is None


def test_door_staff_reach_the_door_screen_by_keyboard_but_not_the_devices(qtbot, client) -> None:  # type: ignore[no-untyped-def]
    window = _sign_in(qtbot, client, "dora", "3333")
    assert window.door_menu.menuAction().isVisible()
    assert window.door_action in window.door_menu.actions()
    assert window.door_action.shortcut().toString() == "Ctrl+Shift+K"  # shown in the menu
    assert not window.devices_action.isEnabled()
    window.activateWindow()
    qtbot.keyClick(
        window,
        Qt.Key.Key_K,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    qtbot.waitUntil(
        lambda: window.door_screen is not None and window.door_screen.isVisible(),
        timeout=STORE_WAIT_MS,
    )
    door = window.door_screen
    assert door.isWindow()
    assert door.windowTitle() == f"Door: {window.terminal}"
    assert door._performances == [window.shown_performance()]


def test_an_administrator_reaches_the_door_and_the_devices(qtbot, client) -> None:  # type: ignore[no-untyped-def]
    window = _sign_in(qtbot, client, "ada", "9999")
    assert window.devices_action in window.terminal_menu.actions()
    assert window.devices_action.shortcut().toString() == "Ctrl+Shift+V"
    assert window.devices_action.isEnabled() and window.door_action.isEnabled()
    window.activateWindow()
    qtbot.keyClick(
        window,
        Qt.Key.Key_V,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    qtbot.waitUntil(
        lambda: window.device_settings is not None and window.device_settings.isVisible(),
        timeout=STORE_WAIT_MS,
    )
    panel = window.device_settings
    assert panel.isWindow() and panel.registry is client.devices
    window.door_action.trigger()
    assert window.door_screen is not None and window.door_screen.isVisible()
    window.logout_action.trigger()
    assert not panel.isVisible()
