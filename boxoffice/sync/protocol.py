"""The wire protocol (``docs/sync-protocol.md``) as validated Python types.

Every reply is parsed into these models before anything is applied: a reply
that does not match (not JSON, a missing field, a float for money, a time
without a zone) raises ``BadServerReply`` and changes nothing locally.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal, TypeVar

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, StrictInt, ValidationError

from boxoffice.sync.errors import BadServerReply

M = TypeVar("M", bound=BaseModel)

#: The server takes at most this many operations in one batch.
MAX_BATCH = 500


@dataclass(frozen=True)
class Operation:
    """One outbox entry as it goes on the wire."""

    seq: int
    key: str
    kind: str
    body: dict[str, Any]
    created_at: datetime

    def wire(self) -> dict[str, Any]:
        return {
            "idempotency_key": self.key,
            "terminal_seq": self.seq,
            "kind": self.kind,
            "client_time": self.created_at.isoformat(),
            "body": self.body,
        }


class _Reply(BaseModel):
    model_config = ConfigDict(extra="allow")


class Health(_Reply):
    status: str
    api: str
    server_time: AwareDatetime


class Enrolment(_Reply):
    terminal_id: StrictInt
    name: str
    prefix: str
    token: str = Field(min_length=8)
    key_id: str
    server_time: AwareDatetime


class ConflictInfo(_Reply):
    id: StrictInt | str
    reason: str
    client_facts: Any = None
    server_facts: Any = None


class ErrorInfo(_Reply):
    error: str
    message: str = ""


class OpResult(_Reply):
    idempotency_key: str
    terminal_seq: StrictInt
    status: Literal["applied", "replayed", "conflict", "rejected", "out_of_order"]
    result: dict[str, Any] | None = None
    conflict: ConflictInfo | None = None
    error: ErrorInfo | None = None
    first_status: str | None = None


class PushReply(_Reply):
    results: list[OpResult]
    last_seq: StrictInt | None = None
    server_time: AwareDatetime


class FeedEvent(_Reply):
    seq: StrictInt
    kind: str
    at: AwareDatetime
    data: dict[str, Any]


class FeedPage(_Reply):
    events: list[FeedEvent]
    cursor: str
    more: bool


class Hold(_Reply):
    hold_id: str
    performance_id: StrictInt
    seat_ids: list[StrictInt] = []
    ga_area_id: StrictInt | None = None
    quantity: StrictInt | None = None
    expires_at: AwareDatetime


class Allocation(_Reply):
    allocation_id: StrictInt
    terminal_id: StrictInt
    performance_id: StrictInt
    seat_ids: list[StrictInt] | None = None
    ga_area_id: StrictInt | None = None
    quantity: StrictInt | None = None
    expires_at: AwareDatetime


class Allocations(_Reply):
    allocations: list[Allocation]


class Catalogue(_Reply):
    cursor: str
    tables: dict[str, list[dict[str, Any]]]


class TerminalInfo(_Reply):
    terminal_id: StrictInt
    name: str
    prefix: str
    key_id: str
    last_seq: StrictInt | None = None


class ServerConflict(_Reply):
    id: StrictInt | str
    idempotency_key: str | None = None
    kind: str = ""
    reason: str
    state: Literal["open", "resolved"] = "open"
    client_facts: Any = None
    server_facts: Any = None
    resolution: str | None = None
    resolved_by: str | None = None
    resolved_at: AwareDatetime | None = None
    note: str | None = None


class Conflicts(_Reply):
    conflicts: list[ServerConflict]


def parse(model: type[M], data: Any, what: str) -> M:
    """``data`` as ``model``, or ``BadServerReply`` naming the first bad field."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "(top level)"
        raise BadServerReply(
            f"the server's reply to {what} is not valid: {where}: {first['msg']} "
            f"({exc.error_count()} problem(s)); nothing was changed"
        ) from None
