"""Request bodies of the server's routes other than the operations themselves.

Terminals send ``EnrolIn``, ``BatchIn``, ``HoldIn`` and ``AllocationIn``;
an administrator's tools send the others. Unknown fields are refused, so a
typo is an error, not a silently ignored wish.
"""

from __future__ import annotations

from typing import Any

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

from boxoffice.protocol.constants import (
    DEFAULT_ENROL_HOURS,
    DEFAULT_HOLD_TTL,
    MAX_BATCH,
    MAX_SEATS,
)
from boxoffice.protocol.operations import Envelope


class _In(BaseModel):
    model_config = ConfigDict(extra="forbid")


class EnrolIn(_In):
    """``POST /enrol``: a one-time code and the terminal's ticket key (base64)."""

    code: str = Field(min_length=1, max_length=40)
    public_key: str = Field(min_length=1, max_length=200)
    client_time: AwareDatetime | None = None


class BatchIn(_In):
    """``POST /operations``: operations in the terminal's sequence order."""

    sent_at: AwareDatetime | None = None
    clock_offset_ms: int | None = Field(default=None, ge=-(10**10), le=10**10)
    operations: list[Envelope] = Field(max_length=MAX_BATCH)


class HoldIn(_In):
    """``POST /holds``: seats (or a GA quantity) kept for a sale in progress."""

    performance_id: int
    seat_ids: list[int] = Field(default_factory=list, max_length=MAX_SEATS)
    ga_area_id: int | None = None
    quantity: int | None = None
    ttl_seconds: int = DEFAULT_HOLD_TTL


class AllocationIn(_In):
    """``POST /allocations``: seats (or a GA quantity) a terminal may sell offline."""

    performance_id: int
    seat_ids: list[int] = Field(default_factory=list, max_length=MAX_SEATS)
    ga_area_id: int | None = None
    quantity: int | None = None
    expires_at: AwareDatetime
    requested_by: str = Field(min_length=1, max_length=80)


class AdminAllocationIn(AllocationIn):
    """``POST /admin/allocations``: the same, for a terminal the administrator names."""

    terminal_id: int


class EnrolCodeIn(_In):
    """``POST /admin/enrol-codes``: a one-time code for a terminal to enrol with."""

    name: str = Field(min_length=1, max_length=80)
    prefix: str | None = Field(default=None, max_length=6)
    hours: int = DEFAULT_ENROL_HOURS


class ResolveIn(_In):
    """``POST /admin/conflicts/{id}/resolve``: how a supervisor settled a conflict."""

    resolution: str
    note: str = Field(default="", max_length=400)
    resolved_by: str = Field(min_length=1, max_length=80)


class ReclaimIn(_In):
    """``POST /admin/allocations/{id}/reclaim``."""

    force: bool = False


class CatalogueIn(_In):
    """``PUT /admin/catalogue``: whole catalogue tables (``boxoffice.protocol.catalogue``)."""

    tables: dict[str, list[dict[str, Any]]]
