"""Seat-map import/export tests, and the helpers they share.

``assert_import_refused`` is the heart of invariant 10 for seat maps: a bad
file gives one precise message and leaves every table exactly as it was.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from boxoffice.actor import Actor
from boxoffice.seatmaps.errors import SeatMapFormatError
from boxoffice.seatmaps.importer import import_seatmap
from boxoffice.store import Store
from boxoffice.store.models import (
    AuditEntry,
    GAArea,
    PriceZone,
    Row,
    Seat,
    SeatMap,
    Section,
    Venue,
)

SAMPLES = Path(__file__).resolve().parents[2] / "resources" / "samples"
OWN_SAMPLE = SAMPLES / "seatmap-playhouse.json"
CSV_SAMPLE = SAMPLES / "seatmap-studio.csv"
PRETIX_SAMPLE = SAMPLES / "seatmap-pretix-theatre.json"

_COUNTED = (Venue, SeatMap, PriceZone, Section, Row, Seat, GAArea, AuditEntry)


def table_counts(store: Store) -> dict[str, int]:
    """Rows in every table an import touches, the audit log included."""
    with store.read() as session:
        return {
            model.__tablename__: session.scalar(select(func.count()).select_from(model)) or 0
            for model in _COUNTED
        }


def write_file(directory: Path, name: str, content: str | bytes) -> Path:
    path = directory / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def assert_import_refused(
    store: Store,
    admin: Actor,
    path: Path,
    message: str,
    fmt: str | None = None,
    venue: str = "Refused Venue",
) -> SeatMapFormatError:
    """Importing ``path`` fails with exactly ``message`` and writes nothing at all."""
    before = table_counts(store)
    with pytest.raises(SeatMapFormatError) as caught, store.write() as session:
        import_seatmap(session, admin, path, venue, fmt)
    assert str(caught.value) == message
    assert table_counts(store) == before
    return caught.value
