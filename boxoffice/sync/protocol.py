"""The wire protocol (``docs/sync-protocol.md``) as validated Python types.

Every reply is parsed into these models before anything is applied: a reply
that does not match (not JSON, a missing field, a float for money, a time
without a zone) raises ``BadServerReply`` and changes nothing locally.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Literal, TypeVar

from pydantic import (
    AwareDatetime,
    BaseModel,
    ConfigDict,
    Field,
    StrictInt,
    ValidationError,
    field_serializer,
)

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


# -- the day end (Z reports as terminals send them, and the server's day end) -----
class ZLine(_Reply):
    """Expected against counted for one tender and currency at a shift's close."""

    tender: str = Field(min_length=1, max_length=40)
    currency: str = Field(min_length=3, max_length=3)
    expected: StrictInt
    counted: StrictInt | None
    variance: StrictInt | None


class ZCash(_Reply):
    currency: str = Field(min_length=3, max_length=3)
    float: StrictInt
    sales: StrictInt
    refunds: StrictInt
    drops: StrictInt
    pay_ins: StrictInt
    pay_outs: StrictInt
    expected: StrictInt


class ZTender(_Reply):
    tender: str = Field(min_length=1, max_length=40)
    currency: str = Field(min_length=3, max_length=3)
    taken: StrictInt
    given_back: StrictInt
    net: StrictInt
    payments: StrictInt
    refunds: StrictInt


class ZScheme(_Reply):
    scheme: str = Field(max_length=40)
    currency: str = Field(min_length=3, max_length=3)
    net: StrictInt
    count: StrictInt


class ZSignoff(_Reply):
    by: str
    reason: str


class ZReport(_Reply):
    """A closed shift's Z report: the body of a ``z_report`` operation, as stored.

    The server checks this shape when the operation arrives, so the day end it
    hands out later is made only of well-formed reports.
    """

    number: StrictInt = Field(ge=1)
    shift: StrictInt | str
    terminal: str = Field(min_length=1, max_length=80)
    clerk: str = Field(max_length=80)
    opened_at: AwareDatetime
    closed_at: AwareDatetime
    closed_by: str = Field(max_length=80)
    cash: list[ZCash] = Field(max_length=20)
    tenders: list[ZTender] = Field(max_length=50)
    card_schemes: list[ZScheme] = Field(default_factory=list, max_length=50)
    reconciliation: list[ZLine] = Field(max_length=50)
    card_mismatch: bool = False
    signoff: ZSignoff | None = None
    offline: bool = False
    unsynced_operations: StrictInt = 0
    orders: dict[str, StrictInt] = Field(default_factory=dict)
    sales_total: dict[str, StrictInt] = Field(default_factory=dict)
    discounts: dict[str, StrictInt] = Field(default_factory=dict)
    tickets: dict[str, StrictInt] = Field(default_factory=dict)

    @field_serializer("opened_at", "closed_at")
    def _as_written(self, value: datetime) -> str:
        """Times go back out as the terminal wrote them (``isoformat``), so copies compare."""
        return value.isoformat()


class OpenShift(_Reply):
    """A shift the server has seen open and not (yet) seen closed."""

    shift: str
    clerk: str = ""
    opened_at: AwareDatetime | None = None
    float: dict[str, StrictInt] = Field(default_factory=dict)


class TerminalDay(_Reply):
    terminal: str
    last_contact: AwareDatetime | None = None
    revoked: bool = False
    z_reports: list[ZReport] = Field(default_factory=list)
    open_shifts: list[OpenShift] = Field(default_factory=list)


class DayEnd(_Reply):
    """``GET /day-end``: every terminal's Z reports closed in the venue's day."""

    day: date
    tz: str
    start: AwareDatetime
    end: AwareDatetime
    as_of: AwareDatetime
    terminals: list[TerminalDay]


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
