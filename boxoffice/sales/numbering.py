"""Order numbers and ticket serials: terminal prefix + counter, never reused.

The counter row is updated inside the sale's own transaction, under the
store's write lock, so two sales can never draw the same number; a sale that
rolls back never issued its number to anyone.
"""

from __future__ import annotations

import re

from sqlalchemy import Integer, bindparam, insert, update
from sqlalchemy.orm import Session

from boxoffice import audit, settings
from boxoffice.actor import Actor
from boxoffice.auth.guard import require
from boxoffice.auth.permissions import Permission
from boxoffice.errors import ValidationError
from boxoffice.store import fast
from boxoffice.store.models import Counter

PREFIX = re.compile(r"[A-Z][A-Z0-9]{0,5}")


_COUNTERS = Counter.__table__
#: Built once: this runs twice in every sale.
_BUMP = fast.Prepared(
    update(_COUNTERS)
    .where(_COUNTERS.c.name == bindparam("counter_name"))
    .values(value=_COUNTERS.c.value + bindparam("step", type_=Integer))
    .returning(_COUNTERS.c.value)
)


def next_value(session: Session, name: str, count: int = 1) -> int:
    """Reserve ``count`` consecutive values; returns the first.

    No autoflush: a sale's pending rows are written once, at its end.
    """
    table = Counter.__table__
    found = _BUMP.rows(session, counter_name=name, step=count)
    result = found[0][0] if found else None
    if result is None:
        fast.execute(session, insert(table).values(name=name, value=count))
        return 1
    return int(result) - count + 1


def prefix(session: Session) -> str:
    return settings.get(session, "terminal.prefix")


def order_number(session: Session) -> str:
    return f"{prefix(session)}-{next_value(session, 'order'):06d}"


def ticket_serials(session: Session, count: int) -> list[str]:
    first = next_value(session, "ticket", count)
    p = prefix(session)
    return [f"{p}-T{first + i:07d}" for i in range(count)]


def configure_terminal(session: Session, actor: Actor, name: str, prefix: str) -> None:
    """Name this terminal and give it the prefix that keeps its numbers unique.

    Every terminal of a venue needs its own prefix: serials and order numbers
    are unique only as prefix + counter. (Enrolment with the central server
    will hand these out; until then the administrator sets them here.)
    """
    require(session, actor, Permission.DEVICE_MANAGE)
    name, prefix = name.strip(), prefix.strip().upper()
    if not name:
        raise ValidationError("terminal_name_missing")
    if not PREFIX.fullmatch(prefix):
        raise ValidationError("terminal_prefix_invalid", prefix=prefix)
    old = (settings.get(session, "terminal.name"), settings.get(session, "terminal.prefix"))
    settings.put(session, "terminal.name", name)
    settings.put(session, "terminal.prefix", prefix)
    audit.record(
        session,
        actor,
        "terminal.configure",
        f"terminal:{name}",
        {"prefix": prefix, "old": list(old)},
    )
