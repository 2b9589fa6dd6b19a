"""Core execution for the sale's hot path.

``session.execute`` routes every statement through the ORM (entity set-up,
autoflush, result adaptation); for plain column reads and counter updates
inside a sale that costs more than SQLite itself. These helpers run on the
session's own connection and transaction, so they see its writes that were
flushed and take part in its commit.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import CursorResult, Executable
from sqlalchemy.orm import Session


def execute(
    session: Session, statement: Executable, params: dict[str, Any] | None = None
) -> CursorResult[Any]:
    return session.connection().execute(statement, params)  # type: ignore[return-value]
