"""The seat-map query (Qt-free) and the widget on a 100,000-seat map."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import func, select

from boxoffice.seatmaps import view_model
from boxoffice.store import open_store
from boxoffice.store.models import Performance, Seat, SeatHold


def test_a_performance_map_loads_as_columns_with_its_holds(demo_db: Path) -> None:
    store = open_store(demo_db)
    with store.read() as session:
        first = session.scalar(select(Performance).order_by(Performance.starts_at).limit(1))
        assert first is not None
        data = view_model.load_performance_seat_map(session, first.id)
        seats = session.scalar(
            select(func.count()).select_from(Seat).where(Seat.seat_map_id == first.seat_map_id)
        )
        holds = session.scalar(
            select(func.count()).select_from(SeatHold).where(SeatHold.performance_id == first.id)
        )
        other = session.scalar(
            select(Performance.id).where(
                Performance.seat_map_id == first.seat_map_id, Performance.id != first.id
            )
        )
        assert other is not None
        unheld = view_model.load_performance_seat_map(session, other)
        assert view_model.store_state(session) == (3, 5)
    store.dispose()
    assert len(data) == seats == 1030
    assert data.held_count() == holds == 8
    assert unheld.held_count() == 0, "holds belong to one performance, not to the map"
    assert [z.name for z in data.zones][:2] == ["Premium", "Standard"]
    label = data.label(data.position(data.seat_ids[0]))
    assert (label.section, label.row, label.number) == ("Stalls", "A", "1")
    assert 20 < data.seat_pitch() < 24  # theatre seats are 22 units apart


def test_the_widget_draws_every_seat_of_a_100k_map(qtbot, app) -> None:  # type: ignore[no-untyped-def]
    from boxoffice.ui.widgets.seat_map import SOLD, SeatMapView

    data = view_model.synthetic_grid(100_000)
    view = SeatMapView()
    qtbot.addWidget(view)
    view.resize(1000, 700)
    view.show()
    qtbot.waitExposed(view)
    view.show_map(data)
    assert view.seat_count() == 100_000
    view.set_seat_states({seat: SOLD for seat in data.seat_ids[:1000]})
    assert view.seat_colour(data.seat_ids[0]).name() == "#37474f"
    assert view.seat_colour(data.seat_ids[1000]).name() == data.zones[0].color
