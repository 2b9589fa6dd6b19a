"""The server's replies as validated Python types (``docs/sync-protocol.md``).

Every reply is parsed into these models before anything is applied: a reply
that does not match (not JSON, a missing field, a float for money, a time
without a zone) raises ``BadServerReply`` and changes nothing locally.
Replies allow extra fields, so a newer server can say more.
"""

from __future__ import annotations

from typing import Any, Literal, TypeVar

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, StrictInt, ValidationError

from boxoffice.protocol.errors import BadServerReply

M = TypeVar("M", bound=BaseModel)


class Reply(BaseModel):
    model_config = ConfigDict(extra="allow")


class Health(Reply):
    status: str
    api: str
    server_time: AwareDatetime


class Enrolment(Reply):
    terminal_id: StrictInt
    name: str
    prefix: str
    token: str = Field(min_length=8)
    key_id: str
    server_time: AwareDatetime


class ConflictInfo(Reply):
    id: StrictInt | str
    reason: str
    client_facts: Any = None
    server_facts: Any = None


class ErrorInfo(Reply):
    error: str
    message: str = ""


class OpResult(Reply):
    idempotency_key: str
    terminal_seq: StrictInt
    status: Literal["applied", "replayed", "conflict", "rejected", "out_of_order"]
    result: dict[str, Any] | None = None
    conflict: ConflictInfo | None = None
    error: ErrorInfo | None = None
    first_status: str | None = None


class PushReply(Reply):
    results: list[OpResult]
    last_seq: StrictInt | None = None
    server_time: AwareDatetime


class FeedEvent(Reply):
    seq: StrictInt
    kind: str
    at: AwareDatetime
    data: dict[str, Any]


class FeedPage(Reply):
    events: list[FeedEvent]
    cursor: str
    more: bool


class Hold(Reply):
    hold_id: str
    performance_id: StrictInt
    seat_ids: list[StrictInt] = []
    ga_area_id: StrictInt | None = None
    quantity: StrictInt | None = None
    expires_at: AwareDatetime


class Allocation(Reply):
    allocation_id: StrictInt
    terminal_id: StrictInt
    performance_id: StrictInt
    seat_ids: list[StrictInt] | None = None
    ga_area_id: StrictInt | None = None
    quantity: StrictInt | None = None
    expires_at: AwareDatetime


class Allocations(Reply):
    allocations: list[Allocation]


class Catalogue(Reply):
    cursor: str
    tables: dict[str, list[dict[str, Any]]]


class TerminalInfo(Reply):
    terminal_id: StrictInt
    name: str
    prefix: str
    key_id: str
    last_seq: StrictInt | None = None


class ServerConflict(Reply):
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


class Conflicts(Reply):
    conflicts: list[ServerConflict]


def parse(model: type[M], data: Any, what: str) -> M:
    """``data`` as ``model``, or ``BadServerReply`` naming the first bad field."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "(top level)"
        raise BadServerReply(
            "sync_reply_not_valid",
            what=what,
            where=where,
            problem=first["msg"],
            count=exc.error_count(),
        ) from None
