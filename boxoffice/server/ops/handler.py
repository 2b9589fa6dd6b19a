"""What a handler of one operation kind gets and gives back, and how it refuses.

The batch engine (``engine.py``) hands each handler a ``Ctx`` (session,
terminal, the operation, the time, the chunk's sales prepared up front) and
gets an ``Outcome`` back; ``Rejected`` refuses the operation as sent, and a
handler raises it only before it has written anything.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ValidationError
from sqlalchemy.orm import Session

from boxoffice.protocol.operations import Envelope
from boxoffice.server import conflicts
from boxoffice.server.models import Terminal

if TYPE_CHECKING:
    from boxoffice.server.ops.sale import Prep

#: Kinds whose handlers refuse (``Rejected``) only before writing anything, so
#: they need no savepoint of their own; the others get one each.
NO_SAVEPOINT = frozenset(
    {
        "sale",
        "reservation",
        "cash_movement",
        "shift_open",
        "shift_close",
        "z_report",
        "will_call",
        "manual_redemption",
    }
)
#: Kinds that neither read orders and tickets nor need earlier sales written first.
BUFFERED_KINDS = NO_SAVEPOINT


class Rejected(Exception):
    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code, self.message = code, message


@dataclass
class Outcome:
    status: str  # applied | conflict | rejected
    result: dict[str, Any] | None = None
    conflict: dict[str, Any] | None = None
    error: dict[str, Any] | None = None
    notices: list[dict[str, Any]] = field(default_factory=list)

    def answer(self) -> dict[str, Any]:
        result = self.result
        if self.notices:
            result = {**(result or {}), "notices": self.notices}
        return {"result": result, "conflict": self.conflict, "error": self.error}


@dataclass
class Ctx:
    session: Session
    terminal: Terminal
    op: Envelope
    now: datetime
    notices: list[dict[str, Any]] = field(default_factory=list)
    prep: Prep | None = None

    def conflict(self, reason: str, client: dict[str, Any], server: dict[str, Any]) -> dict:
        return conflicts.record(
            self.session,
            self.terminal.id,
            self.op.idempotency_key,
            self.op.kind,
            reason,
            client,
            server,
            self.now,
        )

    def notice(self, reason: str, client: dict[str, Any], server: dict[str, Any]) -> None:
        c = self.conflict(reason, client, server)
        self.notices.append({"reason": reason, "conflict_id": c["id"]})


def parse(model: type[BaseModel], body: dict[str, Any]) -> Any:
    """``body`` as ``model``, or ``Rejected("invalid_body")`` naming the first bad field."""
    try:
        return model.model_validate(body)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise Rejected("invalid_body", f"{where}: {first['msg']}") from None


#: A handler: applies one operation of its kind inside the chunk's transaction.
Handler = Callable[[Ctx], Outcome]
