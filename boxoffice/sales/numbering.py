"""Order numbers and ticket serials: terminal prefix + counter, never reused.

The counter row is updated inside the sale's own transaction, under the
store's write lock, so two sales can never draw the same number; a sale that
rolls back never issued its number to anyone.
"""

from __future__ import annotations

from sqlalchemy import insert, update
from sqlalchemy.orm import Session

from boxoffice import settings
from boxoffice.store import fast
from boxoffice.store.models import Counter


def next_value(session: Session, name: str, count: int = 1) -> int:
    """Reserve ``count`` consecutive values; returns the first.

    No autoflush: a sale's pending rows are written once, at its end.
    """
    table = Counter.__table__
    result = fast.execute(
        session,
        update(table)
        .where(table.c.name == name)
        .values(value=table.c.value + count)
        .returning(table.c.value),
    ).scalar()
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
