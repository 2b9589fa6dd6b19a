"""Store settings (key/value) with typed getters and defaults in one place."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from sqlalchemy import select
from sqlalchemy.orm import Session

from boxoffice.errors import ValidationError
from boxoffice.store import versions
from boxoffice.store.models import Setting

DEFAULTS: dict[str, str] = {
    "terminal.name": "Window 1",
    #: Prefix of order numbers and ticket serials: unique per terminal.
    "terminal.prefix": "W1",
    "holds.ttl_seconds": "600",
    "reservations.default_hours": "72",
}


def _cache(session: Session) -> dict[str, str | None]:
    return session.info.setdefault("settings", {})


def _stored(session: Session) -> Mapping[str, str]:
    """Every stored setting, shared between sessions until the table changes."""
    return versions.cached(
        session,
        "settings",
        ("settings",),
        # Through the ORM: a setting changed in this session but not flushed yet counts.
        lambda: MappingProxyType({row.key: row.value for row in session.scalars(select(Setting))}),
    )


def find(session: Session, key: str) -> str | None:
    """The stored value or the default; ``None`` when neither exists."""
    cache = _cache(session)
    if key not in cache:
        value = _stored(session).get(key)
        cache[key] = value if value is not None else DEFAULTS.get(key)
    return cache[key]


def get(session: Session, key: str) -> str:
    value = find(session, key)
    if value is None:
        raise ValidationError("setting_unknown", key=key)
    return value


def get_int(session: Session, key: str) -> int:
    value = get(session, key)
    try:
        return int(value)
    except ValueError:
        raise ValidationError("setting_not_whole_number", key=key, value=value) from None


def put(session: Session, key: str, value: str) -> None:
    _cache(session).pop(key, None)
    row = session.get(Setting, key)
    if row is None:
        session.add(Setting(key=key, value=value))
    else:
        row.value = value
    session.flush()
