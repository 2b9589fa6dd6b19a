"""Venues: created by name, looked up by name, or as the venue a performance is at."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from boxoffice import audit
from boxoffice.actor import Actor
from boxoffice.errors import NotFound, ValidationError
from boxoffice.money import exponent
from boxoffice.store.models import Performance, SeatMap, Venue


def find(session: Session, name: str) -> Venue | None:
    return session.scalar(select(Venue).where(Venue.name == name))


def get(session: Session, name: str) -> Venue:
    venue = find(session, name)
    if venue is None:
        raise NotFound("catalogue_venue_not_found", venue=name)
    return venue


def get_or_create(
    session: Session,
    actor: Actor,
    name: str,
    *,
    currency: str = "EUR",
    city: str = "",
    timezone: str = "UTC",
) -> Venue:
    """The venue called ``name``, created (and audited) if it does not exist yet."""
    name = name.strip()
    if not name:
        raise ValidationError("venue_needs_name")
    venue = find(session, name)
    if venue is not None:
        return venue
    exponent(currency)
    venue = Venue(name=name, currency=currency, city=city, timezone=timezone)
    session.add(venue)
    session.flush()
    audit.record(
        session, actor, "venue.create", f"venue:{venue.id}", {"name": name, "currency": currency}
    )
    return venue


def list_venues(session: Session) -> list[Venue]:
    return list(session.scalars(select(Venue).order_by(Venue.name)))


def of_performance(session: Session, performance: Performance) -> Venue:
    """The venue ``performance`` is at (through its seat map): tickets and receipts print it."""
    seat_map = session.get(SeatMap, performance.seat_map_id)
    assert seat_map is not None  # a performance's seat map is a foreign key
    venue = session.get(Venue, seat_map.venue_id)
    assert venue is not None
    return venue
