"""Property: for any sequence of shift events and sales, the drawer adds up to the cent.

Expected cash = float + cash in − cash out − drops, computed here by the test's
own ledger and compared with the store's figures and the Z report; after the
close, nothing that happens changes the shift or its Z report.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from boxoffice.errors import BoxOfficeError, ValidationError
from boxoffice.money import Money
from boxoffice.sales import checkout, refunds
from boxoffice.sales.tender_reversal import original_card
from boxoffice.shifts import close, drawer, figures
from boxoffice.store.models import Order, Shift
from tests.sales.helpers import cart
from tests.shifts.conftest import fresh_world

FLOAT_TOTAL = 10000
SEATS = [f"S-{row}-{n}" for row in "ABCD" for n in range(10, 16)]


@dataclass(frozen=True)
class Sell:
    seat: int
    card: bool


@dataclass(frozen=True)
class Refund:
    order: int


@dataclass(frozen=True)
class Move:
    kind: str  # drop, pay_in, pay_out
    minor: int


events = st.lists(
    st.one_of(
        st.builds(Sell, st.integers(0, len(SEATS) - 1), st.booleans()),
        st.builds(Refund, st.integers(0, 10)),
        st.builds(Move, st.sampled_from(["drop", "pay_in", "pay_out"]), st.integers(1, 10000)),
    ),
    min_size=1,
    max_size=12,
)


def _apply(
    world, event, ledger: dict[str, int], orders: list[tuple[int, bool]], *, predict: bool = True
) -> None:
    """Do ``event``; with ``predict``, the ledger says whether the drawer may give the cash."""
    now = world.now
    if isinstance(event, Sell):
        c = cart(world, SEATS[event.seat])
        with world.store.read() as s:
            total = checkout.quote(s, c, now=now).priced.total
        tender = (
            checkout.Card(world.terminal.authorise(total, "p"))
            if event.card
            else checkout.Cash(total + Money(1234, "EUR"))  # change is given back
        )
        try:
            with world.store.write() as s:
                sale = checkout.sell(s, world.clerk, c, [tender], world.signer, now=now)
                orders.append((sale.order.id, event.card))
        except BoxOfficeError:
            return  # seat sold already: nothing happened
        if not event.card:
            ledger["ann"] += total.minor
    elif isinstance(event, Refund):
        if event.order >= len(orders):
            return
        order_id, by_card = orders[event.order]
        with world.store.write() as s:
            order = s.get(Order, order_id)
            try:
                results = {}
                if by_card:
                    original = next(p for p in order.payments if p.amount_minor > 0)
                    r = world.terminal.refund(
                        Money(original.amount_minor, "EUR"), "r", original_card(original)
                    )
                    results = {original.id: r}
                _, booked = refunds.refund(
                    s, world.supervisor, order, reason="p", card_results=results, now=now
                )
            except BoxOfficeError:
                return  # already refunded
        ledger["sue"] += sum(p.amount_minor for p in booked if p.kind.value == "cash")
    else:
        amount = Money(event.minor, "EUR")
        who = "sue" if event.kind == "pay_out" else "ann"
        if predict and event.kind != "pay_in" and event.minor > ledger[who]:
            # More than the drawer holds never leaves it: refused, nothing booked.
            with pytest.raises(ValidationError, match="does not hold"), world.store.write() as s:
                if event.kind == "drop":
                    drawer.drop(s, world.clerk, amount, now=now)
                else:
                    drawer.pay_out(s, world.supervisor, amount, reason="supplies", now=now)
            return
        with world.store.write() as s:
            if event.kind == "drop":
                drawer.drop(s, world.clerk, amount, now=now)
                ledger["ann"] -= event.minor
            elif event.kind == "pay_in":
                drawer.pay_in(s, world.clerk, amount, reason="change", now=now)
                ledger["ann"] += event.minor
            else:
                drawer.pay_out(s, world.supervisor, amount, reason="supplies", now=now)
                ledger["sue"] -= event.minor


def checkout_card(payment):
    from boxoffice.sales.tender_reversal import original_card

    return original_card(payment)


@hypothesis_settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(events, events)
def test_expected_cash_is_float_plus_in_minus_out_minus_drops(
    _template: Path, before_close: list, after_close: list
) -> None:
    with fresh_world(_template) as world:
        ledger = {"ann": FLOAT_TOTAL, "sue": FLOAT_TOTAL}
        orders: list[tuple[int, bool]] = []
        for event in before_close:
            _apply(world, event, ledger, orders)
        ann = world.shifts[("ann", "Window 1")]
        sue = world.shifts[("sue", "Window 1")]
        with world.store.read() as s:
            for name, shift_id in (("ann", ann), ("sue", sue)):
                fig = figures.compute(s, s.get(Shift, shift_id), world.now)
                assert fig.expected("cash", "EUR") == ledger[name], name

        # Close ann's drawer with a count that matches to the cent (any coins will do).
        counted = ledger["ann"]
        count = {"EUR": {1: counted}} if counted > 0 else {}
        with world.store.write() as s:
            close.count_cash(s, world.supervisor, ann, count, now=world.now)
            z = close.close_shift(
                s, world.supervisor, ann, signoff_reason="negative drawer", now=world.now
            )
            z_content, z_hash = z.content, z.sha256
            shift_row = s.get(Shift, ann)
            shift_state = (shift_row.status, shift_row.closed_at, shift_row.z_number)
        (cash_line,) = [
            line for line in close.content_of(z)["reconciliation"] if line["tender"] == "cash"
        ]
        assert cash_line["expected"] == ledger["ann"]
        assert cash_line["variance"] == max(counted, 0) - ledger["ann"]

        # Whatever happens next, the closed shift and its Z report stay as they were.
        for event in after_close:
            with contextlib.suppress(BoxOfficeError):  # ann's sales and drops are refused
                _apply(world, event, {"ann": 0, "sue": 0}, orders, predict=False)
        with pytest.raises(BoxOfficeError, match="never reopened"), world.store.write() as s:
            close.close_shift(s, world.supervisor, ann, now=world.now)
        with world.store.read() as s:
            z_now = close.z_report(s, shift_id=ann)
            assert (z_now.content, z_now.sha256) == (z_content, z_hash)
            assert close.verify(s, z_now)
            row = s.get(Shift, ann)
            assert (row.status, row.closed_at, row.z_number) == shift_state
            fig = figures.compute(s, row, world.now)
            assert fig.expected("cash", "EUR") == ledger["ann"]
