"""The sell op: one commit, then drawer, paper, sync and the change-set; refusals by code."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from boxoffice.bus import ChangeSet
from boxoffice.devices.base import DeviceKind
from boxoffice.devices.registry import DeviceConfig, DeviceRegistry
from boxoffice.errors import ValidationError
from boxoffice.ops.sell import CardPayment, sell
from boxoffice.sales.checkout import Cash
from boxoffice.sales.holds import SeatsUnavailable
from boxoffice.store.models import Allocation, AuditEntry, Order, OutboxEntry, Shift, ShiftStatus
from boxoffice.sync.status import SyncStatus
from tests.sales.conftest import World
from tests.sales.helpers import cart, eur, terminal_context


class FakeLink:
    """A sync link as the op sees it: a status, and ``wake`` counted."""

    def __init__(self, status: SyncStatus) -> None:
        self.status = status
        self.woken = 0

    def wake(self) -> None:
        self.woken += 1


def _sale_bodies(world: World) -> list[dict[str, Any]]:
    with world.store.read() as s:
        return [
            json.loads(e.body)
            for e in s.scalars(select(OutboxEntry).where(OutboxEntry.kind == "sale"))
        ]


def test_a_cash_sale_commits_once_and_publishes_what_changed(world: World) -> None:
    ctx = terminal_context(world)
    heard: list[ChangeSet] = []
    ctx.bus.subscribe(heard.append)
    result = sell(ctx, world.clerk, cart(world, "S-A-1", "S-A-2"), [Cash(eur("200"))])
    done = result.value
    assert len(done.serials) == 2 and done.change == eur("200") - done.total
    assert done.payments[0].kind == "cash" and not done.offline
    seats = {(world.performance, world.seats[g]) for g in ("S-A-1", "S-A-2")}
    assert result.changes.seats == seats
    assert result.changes.performances == {world.performance}
    assert result.changes.orders == {done.order_uuid}
    assert result.changes.tickets == set(done.serials)
    assert result.changes.shifts == {world.shifts[("ann", world.clerk.terminal)]}
    assert not result.changes.sync  # a terminal working alone
    assert heard == [result.changes]
    with world.store.read() as s:
        entries = s.scalars(select(AuditEntry).where(AuditEntry.subject == f"order:{done.number}"))
        (entry,) = entries.all()  # one entry per sale, carrying its tenders and discounts
    details = json.loads(entry.details)
    assert entry.action == "sale" and details["tenders"][0]["kind"] == "cash"
    assert "discounts" in details
    (body,) = _sale_bodies(world)
    assert "offline" not in body


def test_an_offline_sale_comes_from_the_allocation_and_is_marked_once(world: World) -> None:
    link = FakeLink(SyncStatus(configured=True, online=False))
    ctx = terminal_context(world, sync=link)
    with pytest.raises(SeatsUnavailable) as refused:
        sell(ctx, world.clerk, cart(world, "S-B-1"), [Cash(eur("100"))])
    assert refused.value.code == "seats_not_allocated"
    assert refused.value.params["terminal"] == world.clerk.terminal
    assert "not allocated to Window 1 for offline sale" in str(refused.value)
    chinese = refused.value.message("zh_CN")
    assert "离线座位配额" in chinese and "not allocated" not in chinese
    assert link.woken == 0  # nothing was sold
    with world.store.write() as s:
        s.add(
            Allocation(
                performance_id=world.performance,
                terminal=world.clerk.terminal,
                seat_id=world.seats["S-B-1"],
                expires_at=world.now + timedelta(hours=6),
            )
        )
    result = sell(ctx, world.clerk, cart(world, "S-B-1"), [Cash(eur("100"))])
    assert result.value.offline and result.changes.sync
    assert link.woken == 1  # the sale goes to the server as soon as it can
    (body,) = _sale_bodies(world)
    assert body["offline"] is True


def test_without_an_open_shift_no_card_is_charged(world: World) -> None:
    with world.store.write() as s:
        shift = s.get_one(Shift, world.shifts[("ann", world.clerk.terminal)])
        shift.status = ShiftStatus.CLOSED
    with pytest.raises(ValidationError) as refused:
        sell(
            terminal_context(world),
            world.clerk,
            cart(world, "S-A-3"),
            [CardPayment(terminal=world.terminal)],
        )
    assert refused.value.code == "shift_not_open"
    assert refused.value.params == {"user": "ann", "terminal": world.clerk.terminal}
    assert "has no open shift at Window 1" in str(refused.value)
    assert refused.value.message("zh_CN").startswith("ann在Window 1没有未交班的班次")
    assert world.terminal.journal == []


def test_cash_and_card_split_in_one_sale(world: World) -> None:
    c = cart(world, "S-A-4", "S-A-5")
    ctx = terminal_context(world)
    with world.store.read() as s:
        from boxoffice.sales.checkout import quote

        total = quote(s, c, now=world.now).priced.total
    done = sell(
        ctx, world.clerk, c, [Cash(eur("20")), CardPayment(total - eur("20"), world.terminal)]
    ).value
    assert [p.kind for p in done.payments] == ["cash", "card"]
    assert world.terminal.journal[0][1] == total - eur("20")


def test_a_tender_too_short_after_the_card_gives_the_card_back(world: World) -> None:
    c = cart(world, "S-A-6", "S-A-7")
    with pytest.raises(ValidationError) as refused:
        sell(terminal_context(world), world.clerk, c, [CardPayment(eur("1"), world.terminal)])
    assert refused.value.code == "sale_failed_card_reversed"
    assert refused.value.params["error"].code == "tenders_short"
    assert "still due — the card payment was reversed" in str(refused.value)
    assert [kind for kind, _, _ in world.terminal.journal] == ["sale", "reversal"]
    with world.store.read() as s:
        assert s.scalars(select(Order)).all() == []


def test_tickets_and_receipt_are_queued_after_the_commit(world: World, tmp_path: Path) -> None:
    registry = DeviceRegistry(
        [
            DeviceConfig("Tickets", DeviceKind.TICKET_PRINTER, "pdf", {"folder": str(tmp_path)}),
            DeviceConfig(
                "Receipts", DeviceKind.RECEIPT_PRINTER, "pdf", {"folder": str(tmp_path / "r")}
            ),
        ]
    )
    try:
        ctx = terminal_context(world, devices=registry)
        result = sell(ctx, world.clerk, cart(world, "S-A-8"), [Cash(eur("100"))])
        assert len(result.value.print_jobs) == 2
        assert result.changes.print_jobs == set(result.value.print_jobs)
        for kind in (DeviceKind.TICKET_PRINTER, DeviceKind.RECEIPT_PRINTER):
            assert registry.for_kind(kind).print_queue.wait_idle(60)  # slow under load
    finally:
        registry.close()  # stops the queues: a job not yet printed would be dropped
    assert list(tmp_path.glob("*.pdf")), "the ticket was printed"


def test_a_server_refusal_names_the_seats_and_why_in_both_languages(world: World) -> None:
    from boxoffice.sales.holds import refused_by_server

    body = {"unavailable": [{"seat_id": world.seats["S-A-1"], "reason": "held"}]}
    with world.store.read() as s:
        refusal = refused_by_server(s, body, "409")
        standing = refused_by_server(s, {"error": "ga_unavailable", "available": 2}, "409")
    assert refusal.code == "seats_refused_by_server" and refusal.params["reason"] == "held"
    assert str(refusal).endswith("(held at another terminal)")
    assert refusal.message("zh_CN").endswith("（已被其他售票窗口锁定）")
    assert standing.code == "standing_refused_by_server" and standing.params == {"left": 2}
    assert str(standing) == "not available: standing places: only 2 left"
