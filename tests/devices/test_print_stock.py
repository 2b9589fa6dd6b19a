"""Ticket stock per printer: loaded, printed, voided, spoiled, on hand; audited changes."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from boxoffice.devices.printing import ticket_stock
from boxoffice.errors import ValidationError
from boxoffice.store.models import AuditEntry
from tests.sales.conftest import World


def test_stock_balance_by_printer_and_period(world: World) -> None:
    day = world.now
    with world.store.write() as s:
        ticket_stock.load(s, world.clerk, "BOCA 1", 500, now=day)
        ticket_stock.load(s, world.clerk, "BOCA 2", 200, now=day)
        ticket_stock.printed(s, world.clerk, "BOCA 1", 3, now=day)
        ticket_stock.printed(s, world.clerk, "BOCA 1", 1, serial="W1-T0000009", now=day)
        ticket_stock.spoil(s, world.clerk, "BOCA 1", 2, "paper jam", now=day)
        ticket_stock.void(s, world.supervisor, "BOCA 1", "W1-T0000009", "reprinted", now=day)
        ticket_stock.printed(s, world.clerk, "BOCA 1", 5, now=day + timedelta(days=1))
    with world.store.read() as s:
        today = ticket_stock.summary(s, "BOCA 1", since=day, until=day + timedelta(days=1))
        assert (today.loaded, today.printed, today.spoiled, today.voided) == (500, 4, 2, 1)
        assert today.on_hand == 494
        assert ticket_stock.summary(s, "BOCA 1").on_hand == 489
        assert ticket_stock.summary(s, "BOCA 2").on_hand == 200
        assert ticket_stock.printers(s) == ["BOCA 1", "BOCA 2"]
        actions = list(s.scalars(select(AuditEntry.action).order_by(AuditEntry.seq)))
        assert actions[-4:] == [
            "ticket_stock.load",
            "ticket_stock.load",
            "ticket_stock.spoil",
            "ticket_stock.void",
        ]


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda s, a: ticket_stock.load(s, a, "BOCA 1", 0), "whole number 1.."),
        (lambda s, a: ticket_stock.load(s, a, "BOCA 1", -5), "whole number 1.."),
        (lambda s, a: ticket_stock.load(s, a, "BOCA 1", True), "whole number 1.."),
        (lambda s, a: ticket_stock.load(s, a, " ", 10), "name the printer"),
        (lambda s, a: ticket_stock.spoil(s, a, "BOCA 1", 1, "  "), "needs a reason"),
        (lambda s, a: ticket_stock.void(s, a, "BOCA 1", "", "x"), "serial and a reason"),
    ],
)
def test_bad_stock_entries_are_refused_and_change_nothing(world: World, call, message: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError, match=message), world.store.write() as s:
        call(s, world.clerk)
    with world.store.read() as s:
        assert ticket_stock.printers(s) == []


def test_end_of_day_stock_report_reads_what_printing_records(world: World) -> None:
    from boxoffice.reports import stock as stock_report

    with world.store.write() as s:
        ticket_stock.load(s, world.clerk, "BOCA 1", 300, now=world.now - timedelta(days=1))
        ticket_stock.printed(s, world.clerk, "BOCA 1", 7, now=world.now)
        ticket_stock.spoil(s, world.clerk, "BOCA 1", 1, "jam", now=world.now)
    with world.store.read() as s:
        report = stock_report.build(s, world.now.date())
    (row,) = report.sections[0].rows
    # printer, opening, loaded, printed, voided, spoiled, on hand
    assert row[:7] == ["BOCA 1", 300, 0, 7, 0, 1, 292]
