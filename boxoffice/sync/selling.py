"""Selling through the sync mode: online with server holds, offline from an allocation.

Online, the seats are held on the server first (all or none; a refusal names
the seats), then the sale commits locally with its outbox entry, and the
``sale`` operation converts the holds on the server. If anything fails before
the local commit, the server holds are released again. Offline (a server is
configured but not answering), the sale is refused outside this terminal's
allocation (invariant 3, ``holds.require_allocated``). With no server
configured the terminal works alone on its own store.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Callable, Sequence
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from boxoffice.actor import Actor
from boxoffice.protocol import Hold
from boxoffice.sales import checkout, holds
from boxoffice.sales.cart import Cart
from boxoffice.sales.signer import Signer
from boxoffice.store import Store
from boxoffice.store.models import OutboxEntry, Override
from boxoffice.sync.client import ServerClient
from boxoffice.sync.errors import ServerRefused, SyncError
from boxoffice.sync.status import SyncStatus

REASONS = {
    "sold": "sold",
    "held": "held at another terminal",
    "allocated": "allocated to another terminal",
    "house_hold": "held by the house",
    "unknown_seat": "not on this seat map",
}


def must_sell_from_allocation(status: SyncStatus | None) -> bool:
    """What ``checkout.sell(offline=...)`` must be told: the sync mode drives it."""
    return status is not None and status.offline


def hold_cart(
    store: Store, client: ServerClient, cart: Cart, *, ttl_seconds: int | None = None
) -> list[Hold]:
    """Hold every place of the cart on the server, or none (naming what was refused)."""
    seats: dict[int, list[int]] = {}
    ga: dict[tuple[int, int], int] = {}
    for item in cart.items:
        if item.seat_id is not None:
            seats.setdefault(item.performance_id, []).append(item.seat_id)
        elif item.ga_area_id is not None:
            key = (item.performance_id, item.ga_area_id)
            ga[key] = ga.get(key, 0) + 1
    placed: list[Hold] = []
    try:
        for performance_id, seat_ids in seats.items():
            placed.append(client.place_hold(performance_id, seat_ids, ttl_seconds=ttl_seconds))
        for (performance_id, area_id), quantity in ga.items():
            placed.append(
                client.place_hold(
                    performance_id,
                    [],
                    ga_area_id=area_id,
                    quantity=quantity,
                    ttl_seconds=ttl_seconds,
                )
            )
    except BaseException as exc:
        release(client, placed)
        if isinstance(exc, ServerRefused) and exc.status == 409:
            raise unavailable_error(store, exc) from exc
        raise
    return placed


def unavailable_error(store: Store, exc: ServerRefused) -> holds.SeatsUnavailable:
    body = exc.body if isinstance(exc.body, dict) else {}
    if body.get("error") == "ga_unavailable":
        return holds.SeatsUnavailable([f"standing places: only {body.get('available', 0)} left"])
    refused = [u for u in body.get("unavailable") or [] if isinstance(u, dict)]
    ids = [u.get("seat_id") for u in refused if isinstance(u.get("seat_id"), int)]
    with store.read() as session:
        labels = holds.seat_labels(session, ids)
    return holds.SeatsUnavailable(
        [
            f"{labels.get(u.get('seat_id'), u.get('seat_id'))} "
            f"({REASONS.get(str(u.get('reason')), u.get('reason'))})"
            for u in refused
        ]
        or [str(exc)]
    )


def release(client: ServerClient, placed: Sequence[Hold]) -> None:
    """Give server holds back (best effort: they expire by themselves anyway)."""
    for hold in placed:
        with contextlib.suppress(SyncError):
            client.release_hold(hold.hold_id)


def _mark_offline(session: Session, order_uuid: str) -> None:
    """Tell the server the sale was made offline (same transaction as the sale).

    The server then flags a seat sold outside a still-valid allocation (e.g.
    reclaimed while we were away) with a ``not_allocated`` notice instead of
    accepting it silently.
    """
    entry = session.scalar(
        select(OutboxEntry).where(OutboxEntry.idempotency_key == f"{order_uuid}:sale")
    )
    if entry is not None:
        body = json.loads(entry.body)
        body["offline"] = True
        entry.body = json.dumps(
            body, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str
        )


def sell(
    store: Store,
    actor: Actor,
    cart: Cart,
    tenders: Sequence[checkout.Tender],
    signer: Signer,
    *,
    client: ServerClient | None,
    status: SyncStatus | None,
    now: datetime | None = None,
    overrides: Sequence[Override] = (),
    sent: Callable[[], None] | None = None,
) -> checkout.Sale:
    """One sale in the mode the sync worker says we are in.

    ``sent`` is called after the commit (pass ``worker.wake``: the sale's
    operation goes to the server now rather than at the next poll).
    """
    offline = must_sell_from_allocation(status)
    online = client is not None and status is not None and status.online
    placed = hold_cart(store, client, cart) if online and client is not None else []
    try:
        with store.write() as session:
            sale = checkout.sell(
                session,
                actor,
                cart,
                tenders,
                signer,
                now=now,
                overrides=overrides,
                offline=offline,
            )
            if offline:
                _mark_offline(session, sale.order.uuid)
    except BaseException:
        if client is not None:
            release(client, placed)
        raise
    if sent is not None:
        sent()
    return sale
