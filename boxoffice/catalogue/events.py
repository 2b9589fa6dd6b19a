"""Events: the show itself (name, category, description, running time)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from boxoffice import audit
from boxoffice.actor import Actor
from boxoffice.auth.guard import require
from boxoffice.auth.permissions import Permission
from boxoffice.errors import Conflict, NotFound, ValidationError
from boxoffice.store.models import Event


def add_event(
    session: Session,
    actor: Actor,
    name: str,
    *,
    category: str = "",
    description: str = "",
    duration_minutes: int = 120,
) -> Event:
    require(session, actor, Permission.CATALOGUE_EDIT)
    name = name.strip()
    if not name:
        raise ValidationError("event_needs_name")
    if isinstance(duration_minutes, bool) or not isinstance(duration_minutes, int):
        raise ValidationError("event_duration_not_whole")
    if not 1 <= duration_minutes <= 24 * 60:
        raise ValidationError("event_duration_out_of_range", minutes=duration_minutes)
    if session.scalar(select(Event.id).where(Event.name == name)) is not None:
        raise Conflict("event_exists", event=name)
    event = Event(
        name=name,
        category=category.strip(),
        description=description,
        duration_minutes=duration_minutes,
    )
    session.add(event)
    session.flush()
    audit.record(
        session,
        actor,
        "event.add",
        f"event:{event.id}",
        {"name": name, "category": event.category, "duration": duration_minutes},
    )
    return event


def get_event(session: Session, ref: str | int) -> Event:
    """An event by id or by exact name."""
    event = None
    if isinstance(ref, int) or (isinstance(ref, str) and ref.isdigit()):
        event = session.get(Event, int(ref))
    if event is None and isinstance(ref, str):
        event = session.scalar(select(Event).where(Event.name == ref))
    if event is None:
        raise NotFound("catalogue_event_not_found", event=str(ref))
    return event


def list_events(session: Session) -> list[Event]:
    return list(session.scalars(select(Event).order_by(Event.name)))
