"""Helpers for server tests: a small catalogue, enrolment, operation envelopes."""

from __future__ import annotations

import base64
import time
import uuid
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from boxoffice.sales.signing_keys import public_bytes
from boxoffice.server import enrolment
from boxoffice.server.db import ServerStore

if TYPE_CHECKING:
    from fastapi.testclient import TestClient

SEATS = 60
GA_CAPACITY = 10
HOUSE_SEAT = 60


def small_catalogue(
    now: datetime | None = None, seats: int = SEATS
) -> dict[str, list[dict[str, Any]]]:
    """One venue, one map of 60 seats (seat 60 a house seat), a GA area of 10, two shows."""
    # A fixed time: two calls describe the same catalogue.
    later = (now or datetime(2030, 1, 1, 19, 30, tzinfo=UTC)).isoformat()
    return {
        "venues": [{"id": 1, "name": "Test Hall", "currency": "EUR"}],
        "seat_maps": [{"id": 1, "venue_id": 1, "name": "main"}],
        "seats": [{"id": i, "seat_map_id": 1, "guid": f"A-{i}"} for i in range(1, seats + 1)],
        "ga_areas": [{"id": 1, "seat_map_id": 1, "name": "Floor", "capacity": GA_CAPACITY}],
        "performances": [
            {
                "id": 1,
                "event_id": 1,
                "seat_map_id": 1,
                "starts_at": later,
                "status": "on_sale",
                "currency": "EUR",
            },
            {
                "id": 2,
                "event_id": 1,
                "seat_map_id": 1,
                "starts_at": later,
                "status": "off_sale",
                "currency": "EUR",
            },
        ],
        "seat_holds": [{"id": 1, "performance_id": 1, "seat_id": HOUSE_SEAT, "kind": "house"}],
        "roles": [{"id": 1, "name": "supervisor"}, {"id": 2, "name": "clerk"}],
        "role_permissions": [
            {"role_id": 1, "permission": "allocation_manage"},
            {"role_id": 2, "permission": "sell"},
        ],
        "users": [
            {"id": 1, "username": "sue", "role_id": 1, "active": True},
            {"id": 2, "username": "clara", "role_id": 2, "active": True},
        ],
    }


def new_key() -> tuple[Ed25519PrivateKey, str]:
    key = Ed25519PrivateKey.generate()
    return key, base64.b64encode(public_bytes(key)).decode()


def make_code(store: ServerStore, name: str, prefix: str | None = None) -> str:
    with store.session() as s:
        code, _ = enrolment.create_code(s, name, prefix=prefix)
    return code


def admin_token(store: ServerStore) -> str:
    with store.session() as s:
        return enrolment.create_admin_token(s, "test admin")


def auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def envelope(seq: int, kind: str, body: dict[str, Any], key: str | None = None) -> dict:
    return {
        "idempotency_key": key or str(uuid.uuid4()),
        "terminal_seq": seq,
        "kind": kind,
        "client_time": datetime.now(UTC).isoformat(),
        "body": body,
    }


class Seller:
    """Builds sale bodies the way ``checkout._order_body`` does, with its own numbering."""

    def __init__(self, prefix: str) -> None:
        self.prefix = prefix
        self.next_ticket = 1
        self.next_order = 1
        self.seq = 0

    def sale(
        self,
        seats: list[int],
        *,
        performance: int = 1,
        ga: int = 0,
        offline: bool = False,
        shift: int | None = None,
        price: int = 2500,
    ) -> dict[str, Any]:
        tickets = []
        for seat in [*seats, *([None] * ga)]:
            tid = self.next_ticket
            self.next_ticket += 1
            tickets.append(
                {
                    "id": tid,
                    "serial": f"{self.prefix}-T{tid:07d}",
                    "performance": performance,
                    "seat": seat,
                    "ga_area": None if seat else 1,
                    "price": price,
                    "price_type": 1,
                    "status": "valid",
                }
            )
        number = f"{self.prefix}-{self.next_order:06d}"
        self.next_order += 1
        total = price * len(tickets)
        return {
            "uuid": str(uuid.uuid4()),
            "number": number,
            "terminal": self.prefix,
            "user": "clara",
            "status": "paid",
            "currency": "EUR",
            "total": total,
            "tax": 0,
            "reserved_until": None,
            "tickets": tickets,
            "offline": offline,
            "shift": shift,
            "payments": [
                {
                    "n": 0,
                    "kind": "cash",
                    "amount": total,
                    "rounding": 0,
                    "scheme": "",
                    "last4": "",
                    "auth": "",
                }
            ],
        }

    def op(self, kind: str, body: dict[str, Any], key: str | None = None) -> dict[str, Any]:
        self.seq += 1
        if key is None and kind == "sale":
            key = f"{body['uuid']}:sale"
        return envelope(self.seq, kind, body, key)


# -- talking to the API ----------------------------------------------------------
def push(client: TestClient, token: str, ops: list[dict], **extra) -> dict:
    r = client.post("/api/v1/operations", json={"operations": ops, **extra}, headers=auth(token))
    assert r.status_code == 200, r.text
    return r.json()


def read_all(
    client: TestClient, token: str, cursor: str | None = None, limit: int = 7, at_least: int = 0
):
    """Page through the feed; waits (up to 10 s) for ``at_least`` events.

    On a PostgreSQL shared with other test runs, their open transactions hold
    the feed's horizon back for a moment: a reader waits, it never skips.
    """
    events: list[dict] = []
    deadline = time.monotonic() + 10
    while True:
        params = {"limit": limit} | ({"cursor": cursor} if cursor else {})
        page = client.get("/api/v1/feed", params=params, headers=auth(token)).json()
        events += page["events"]
        cursor = page["cursor"]
        if page["more"]:
            continue
        if len(events) >= at_least or time.monotonic() > deadline:
            return events, cursor
        time.sleep(0.05)


def wait_for_kind(client: TestClient, token: str, kind: str, count: int) -> list[dict]:
    """The ``data`` of the first ``count`` events of ``kind`` (waits up to 10 s for them)."""
    found: list[dict] = []
    cursor = None
    deadline = time.monotonic() + 10
    while len(found) < count and time.monotonic() < deadline:
        events, cursor = read_all(client, token, cursor, limit=1000)
        found += [e["data"] for e in events if e["kind"] == kind]
        if len(found) < count:
            time.sleep(0.05)
    return found


def z_report(
    number: int,
    shift: int,
    *,
    closed_at: str,
    opened_at: str = "2030-06-01T08:00:00+00:00",
    terminal: str = "Window 1",
    clerk: str = "clara",
    float_: int = 10000,
    cash_sales: int = 0,
    counted: int | None = None,
    card: int = 0,
    signoff: dict[str, str] | None = None,
) -> dict[str, Any]:
    """A Z report body shaped as ``shifts.close`` writes it (EUR cash, perhaps card)."""
    expected = float_ + cash_sales
    counted = expected if counted is None else counted
    lines = [
        {
            "tender": "cash",
            "currency": "EUR",
            "expected": expected,
            "counted": counted,
            "variance": counted - expected,
        }
    ]
    tenders = [
        {
            "tender": "cash",
            "currency": "EUR",
            "taken": cash_sales,
            "given_back": 0,
            "net": cash_sales,
            "payments": 1 if cash_sales else 0,
            "refunds": 0,
        }
    ]
    if card:
        lines.append(
            {
                "tender": "card",
                "currency": "EUR",
                "expected": card,
                "counted": None,
                "variance": None,
            }
        )
        tenders.append(
            {
                "tender": "card",
                "currency": "EUR",
                "taken": card,
                "given_back": 0,
                "net": card,
                "payments": 1,
                "refunds": 0,
            }
        )
    return {
        "kind": "Z",
        "number": number,
        "shift": shift,
        "terminal": terminal,
        "clerk": clerk,
        "opened_at": opened_at,
        "as_of": closed_at,
        "closed_at": closed_at,
        "closed_by": clerk,
        "cash": [
            {
                "currency": "EUR",
                "float": float_,
                "sales": cash_sales,
                "refunds": 0,
                "drops": 0,
                "pay_ins": 0,
                "pay_outs": 0,
                "expected": expected,
            }
        ],
        "tenders": tenders,
        "card_schemes": [],
        "card_reconciliation": [],
        "card_mismatch": False,
        "reconciliation": lines,
        "signoff": signoff,
        "offline": False,
        "unsynced_operations": 0,
        "orders": {"paid": 1} if cash_sales else {},
        "sales_total": {"EUR": cash_sales + card} if cash_sales or card else {},
        "discounts": {},
        "tickets": {},
    }
