"""Response shapes for the OpenAPI document (docs only: routes build plain JSON).

They mirror docs/sync-protocol.md so a client generated from
``/api/v1/openapi.json`` knows the replies too, not only the requests.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel


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


def doc(model: type[BaseModel], status: int = 200, *errors: int) -> dict[int | str, Any]:
    """``responses=`` for a route: its reply and the error shape of its refusals."""
    out: dict[int | str, Any] = {status: {"model": model}}
    for code in (401, 422, *errors):
        out[code] = {"model": ErrorOut}
    return out
