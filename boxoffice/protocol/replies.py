"""The server's replies: their shapes on the wire, and the client's checked reading of them.

Each reply is defined once, as the server sends it (``HealthOut``, ``PushOut``,
...): the server's OpenAPI document is built from these shapes
(``server/schemas.py``), and ``docs/sync-protocol.md`` describes them.

The client's parsers (``Health``, ``PushReply``, ...) derive from those
shapes: each names the fields the client reads, with the types it checks more
strictly than the document says (a time must carry its zone, a whole number
must not be a float) or more leniently (an older server may leave a field
out). A parser can only read fields its shape has (``Reply`` checks that when
the class is made); the shape's other fields are let through unchecked, like
any extra field, so a newer server can say more.

Every reply is parsed before anything is applied: a reply that does not match
raises ``BadServerReply`` and changes nothing locally.
"""

from __future__ import annotations

import inspect
from typing import Any, ClassVar, Literal, TypeVar

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, StrictInt, ValidationError
from pydantic.fields import FieldInfo

from boxoffice.protocol.errors import BadServerReply

M = TypeVar("M", bound=BaseModel)


# -- the shapes on the wire (the server's OpenAPI document) -------------------------------


class ErrorOut(BaseModel):
    error: str
    message: str


class HealthOut(BaseModel):
    status: Literal["ok"]
    api: str
    server_time: str
    database: Literal["sqlite", "postgresql"]


class TerminalOut(BaseModel):
    terminal_id: int
    name: str
    prefix: str
    key_id: str | None
    last_seq: int
    enrolled_at: str
    revoked_at: str | None
    last_contact: str | None
    clock_offset_ms: int | None


class EnrolOut(TerminalOut):
    token: str
    server_time: str


class CatalogueOut(BaseModel):
    cursor: str
    tables: dict[str, list[dict[str, Any]]]


class FeedEventOut(BaseModel):
    seq: int
    kind: Literal["seat_state", "revocation", "redemption", "catalogue", "allocation"]
    at: str
    data: dict[str, Any]


class FeedOut(BaseModel):
    events: list[FeedEventOut]
    cursor: str
    more: bool


class ConflictBrief(BaseModel):
    id: int
    reason: str
    client_facts: dict[str, Any]
    server_facts: dict[str, Any]


class OpResultOut(BaseModel):
    idempotency_key: str
    terminal_seq: int
    status: Literal["applied", "replayed", "conflict", "rejected", "out_of_order"]
    first_status: str | None = None
    result: dict[str, Any] | None
    conflict: ConflictBrief | None
    error: dict[str, Any] | None


class PushOut(BaseModel):
    results: list[OpResultOut]
    last_seq: int
    server_time: str


class HoldOut(BaseModel):
    hold_id: str
    performance_id: int
    seat_ids: list[int]
    ga_area_id: int | None
    quantity: int | None
    expires_at: str


class AllocationOut(BaseModel):
    allocation_id: int
    terminal_id: int
    performance_id: int
    seat_ids: list[int]
    ga_area_id: int | None
    quantity: int
    used: int
    state: Literal["active", "released", "reclaimed"]
    expires_at: str


class AllocationsOut(BaseModel):
    allocations: list[AllocationOut]


class ConflictOut(BaseModel):
    id: int
    terminal_id: int
    idempotency_key: str
    kind: str
    reason: str
    state: Literal["open", "resolved"]
    client_facts: dict[str, Any]
    server_facts: dict[str, Any]
    created_at: str
    resolution: str | None
    resolved_by: str | None
    resolved_at: str | None
    note: str


class ConflictsOut(BaseModel):
    conflicts: list[ConflictOut]


# -- the client's reading of them ---------------------------------------------------------


class Reply(BaseModel):
    """Base of the client's parsers: subclass a wire shape and name the fields read.

    ``class Health(Reply, HealthOut)`` reads a ``HealthOut``: the fields it
    declares are checked as it declares them; the shape's other fields are
    optional and unchecked. A declared field the shape does not have is a
    mistake, refused when the class is made. A reply that is one model for
    both ends (``protocol.day_end``) subclasses ``Reply`` alone.
    """

    model_config = ConfigDict(extra="allow")

    #: The wire shape this parser reads (set for each subclass that has one).
    shape: ClassVar[type[BaseModel] | None] = None

    @classmethod
    def __pydantic_init_subclass__(cls, **kwargs: Any) -> None:
        super().__pydantic_init_subclass__(**kwargs)
        shapes = [b for b in cls.__mro__[1:] if _is_shape(b)]
        if not shapes:  # one model for both ends (``day_end``): nothing to derive
            return
        shape = cls.shape = shapes[0]
        read = {
            name
            for base in cls.__mro__
            if issubclass(base, Reply) and base is not Reply
            for name in inspect.get_annotations(base)
        }
        foreign = read - set(shape.model_fields)
        if foreign:
            raise TypeError(f"{cls.__name__} reads {sorted(foreign)}, not in {shape.__name__}")
        unread = [name for name in cls.model_fields if name not in read]
        for name in unread:
            cls.model_fields[name] = FieldInfo.merge_field_infos(
                cls.model_fields[name], annotation=Any, default=None
            )
        if unread:
            cls.model_rebuild(force=True)


def _is_shape(base: type) -> bool:
    return issubclass(base, BaseModel) and not issubclass(base, Reply) and base is not BaseModel


class Health(Reply, HealthOut):
    status: str
    api: str
    server_time: AwareDatetime


class Enrolment(Reply, EnrolOut):
    terminal_id: StrictInt
    name: str
    prefix: str
    token: str = Field(min_length=8)
    key_id: str
    server_time: AwareDatetime


class ConflictInfo(Reply, ConflictBrief):
    id: StrictInt | str
    reason: str
    client_facts: Any = None
    server_facts: Any = None


class ErrorInfo(Reply, ErrorOut):
    error: str
    message: str = ""


class OpResult(Reply, OpResultOut):
    idempotency_key: str
    terminal_seq: StrictInt
    status: Literal["applied", "replayed", "conflict", "rejected", "out_of_order"]
    result: dict[str, Any] | None = None
    conflict: ConflictInfo | None = None
    error: ErrorInfo | None = None
    first_status: str | None = None


class PushReply(Reply, PushOut):
    results: list[OpResult]
    last_seq: StrictInt | None = None
    server_time: AwareDatetime


class FeedEvent(Reply, FeedEventOut):
    seq: StrictInt
    kind: str
    at: AwareDatetime
    data: dict[str, Any]


class FeedPage(Reply, FeedOut):
    events: list[FeedEvent]
    cursor: str
    more: bool


class Hold(Reply, HoldOut):
    hold_id: str
    performance_id: StrictInt
    seat_ids: list[StrictInt] = []
    ga_area_id: StrictInt | None = None
    quantity: StrictInt | None = None
    expires_at: AwareDatetime


class Allocation(Reply, AllocationOut):
    allocation_id: StrictInt
    terminal_id: StrictInt
    performance_id: StrictInt
    seat_ids: list[StrictInt] | None = None
    ga_area_id: StrictInt | None = None
    quantity: StrictInt | None = None
    expires_at: AwareDatetime


class Allocations(Reply, AllocationsOut):
    allocations: list[Allocation]


class Catalogue(Reply, CatalogueOut):
    cursor: str
    tables: dict[str, list[dict[str, Any]]]


class TerminalInfo(Reply, TerminalOut):
    terminal_id: StrictInt
    name: str
    prefix: str
    key_id: str
    last_seq: StrictInt | None = None


class ServerConflict(Reply, ConflictOut):
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


class Conflicts(Reply, ConflictsOut):
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
