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


class Prepared:
    """A Core statement compiled once for SQLite and run on the driver's connection.

    For the few statements every sale runs (counters, the audit chain head,
    the next ticket id): SQLAlchemy's execution path (cache key, execution
    context, result wrapping) costs several times what SQLite takes to run
    them. Parameters must already be what the driver takes (int, str), and
    rows come back as plain tuples. Statements with expanding ``IN`` lists
    are not for this. On another database it runs through SQLAlchemy.
    """

    def __init__(self, statement: Executable) -> None:
        self.statement = statement
        self._compiled: tuple[str, tuple[str, ...], dict[str, Any]] | None = None

    def rows(self, session: Session, **params: Any) -> list[tuple[Any, ...]]:
        conn = session.connection()
        if conn.dialect.name != "sqlite":
            result = conn.execute(self.statement, params)
            return [tuple(row) for row in result] if result.returns_rows else []
        if self._compiled is None:
            compiled = self.statement.compile(dialect=conn.dialect)
            positions = compiled.positiontup
            assert positions is not None
            literals = {name: bind.value for name, bind in compiled.binds.items()}
            self._compiled = (str(compiled), tuple(positions), literals)
        sql, names, defaults = self._compiled
        raw = conn.connection.driver_connection
        assert raw is not None
        values = [params[n] if n in params else defaults[n] for n in names]
        return raw.execute(sql, values).fetchall()  # type: ignore[no-any-return]
