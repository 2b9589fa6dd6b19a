"""Operations as they travel: the envelope every one comes in, and the body of each kind.

A terminal's outbox entry goes on the wire as an ``Envelope`` (its idempotency
key, its place in the terminal's sequence, its kind, when the terminal made
it, and its body). The server checks a body against the model of its kind
before it changes anything (``docs/sync-protocol.md``). Bodies allow extra
fields: a terminal may send more than the server reads, and the receipt
keeps the body as sent.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, StrictInt


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


class Envelope(BaseModel):
    """One operation of a batch, as the server receives it."""

    model_config = ConfigDict(extra="forbid")

    idempotency_key: str = Field(min_length=1, max_length=80)
    terminal_seq: int = Field(ge=1, le=2**62)
    kind: str = Field(min_length=1, max_length=40)
    client_time: AwareDatetime
    body: dict[str, Any]


class _Body(BaseModel):
    model_config = ConfigDict(extra="allow", strict=False)


class TicketLine(_Body):
    """A ticket of a ``sale`` or ``reservation``: a seat or a place in a GA area."""

    id: int
    serial: str | None = Field(default=None, max_length=32)
    performance: int
    seat: int | None = None
    ga_area: int | None = None
    price: StrictInt
    price_type: int | None = None
    status: str = "valid"


class PaymentLine(_Body):
    """A tender of a sale, in minor units."""

    n: int = 0
    kind: str = Field(max_length=12)
    amount: StrictInt
    rounding: int = 0


class OrderBody(_Body):
    """``sale`` and ``reservation``: an order with its tickets and payments."""

    uuid: str = Field(min_length=1, max_length=36)
    number: str = Field(default="", max_length=32)
    user: str = Field(default="", max_length=40)
    status: str = "paid"
    currency: str = Field(min_length=3, max_length=3)
    total: StrictInt
    tickets: list[TicketLine] = Field(max_length=1000)
    payments: list[PaymentLine] = Field(default_factory=list, max_length=50)
    shift: int | str | None = None
    offline: bool = False
    hold_id: str | None = None


class TicketsBody(_Body):
    """``refund`` and ``void``: an order and (for a refund) which of its tickets."""

    order: str
    tickets: list[str | None] = Field(default_factory=list)
    reason: str = ""


class ExchangeBody(_Body):
    """``exchange``: the old order's tickets given back for a new order."""

    order: str
    new_order: str
    old: list[str | None] = Field(default_factory=list)


class ReprintBody(_Body):
    """``reprint``: a ticket printed again; earlier prints up to ``revoked_up_to`` are void."""

    ticket: int | None = None
    serial: str
    revoked_up_to: int
    reissue: int


class AdmissionBody(_Body):
    """``admission`` and ``redemption``: a ticket scanned at a door."""

    serial: str | None = None
    key_id: str | None = None
    ticket_id: int | None = None
    reissue: int = 0
    scanned_at: AwareDatetime
    gate: str = Field(default="", max_length=40)
    re_entry: bool = False


class ShiftBody(_Body):
    """``shift_open``, ``shift_close`` (and the shift fields of a ``z_report``)."""

    shift: int | str
    user: str = ""
    opened_at: AwareDatetime | None = None
    closed_at: AwareDatetime | None = None


class CashBody(_Body):
    """``cash_movement``: a drop, pay-in or pay-out, in minor units."""

    shift: int | str | None = None
    kind: str = Field(max_length=12)
    amount: StrictInt
    currency: str = Field(min_length=3, max_length=3)
    reason: str = Field(default="", max_length=200)


class ReleaseBody(_Body):
    """``allocation_release``: seats or a GA quantity given back from an allocation."""

    allocation_id: int
    seat_ids: list[int] | None = None
    quantity: int | None = None
