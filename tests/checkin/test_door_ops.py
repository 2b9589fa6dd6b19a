"""The door and will-call ops: verdicts by code in the terminal's language, and change-sets."""

from __future__ import annotations

import re

import pytest

from boxoffice.actor import system_actor
from boxoffice.bus import ChangeSet
from boxoffice.catalogue import discounts
from boxoffice.context import TerminalContext
from boxoffice.errors import ValidationError
from boxoffice.ops import door as door_ops
from boxoffice.ops import willcall as willcall_ops
from boxoffice.sales import checkout, refunds
from boxoffice.sales.cart import CustomerDetails
from tests.checkin.conftest import DoorWorld
from tests.sales.helpers import eur

LATIN_WORD = re.compile(r"[A-Za-z]{4,}")


def _ctx(dw: DoorWorld, lang: str = "en") -> tuple[TerminalContext, list[ChangeSet]]:
    w = dw.world
    ctx = TerminalContext(w.store, "Door 1", clock=lambda: w.now, language=lang)
    ctx.cache["signer"] = w.signer
    seen: list[ChangeSet] = []
    ctx.bus.subscribe(seen.append)
    return ctx, seen


def test_a_scan_publishes_the_checkin_and_the_ticket(dw: DoorWorld) -> None:
    ctx, seen = _ctx(dw)
    (ticket,) = dw.sell("S-A-1")
    door = door_ops.open_door(ctx, dw.doorman, [dw.world.performance], "Main door").value
    first = door_ops.scan(ctx, door, ticket.barcode, now=dw.at_door)
    again = door_ops.scan(ctx, door, ticket.barcode, now=dw.at_door)
    assert first.value.admit and first.value.outcome == "admitted" and first.value.exit_code == 0
    assert first.changes == ChangeSet.of(
        checkins=[dw.world.performance], tickets=[ticket.serial], sync=True
    )
    assert not again.value.admit and again.value.code == "checkin_already_admitted"
    assert again.changes == ChangeSet.of(checkins=[dw.world.performance])  # counted as refused
    assert seen == [first.changes, again.changes]
    (line,) = door_ops.door_stats(ctx, [dw.world.performance]).value
    assert (line.admitted, line.refused) == (1, 1)


def test_verdicts_and_attention_render_in_chinese_by_code(dw: DoorWorld) -> None:
    w = dw.world
    (wheelchair,) = dw.sell("S-W-1")
    (concession,) = dw.sell("S-A-2", price_type="concession")
    (refunded,) = dw.sell("S-A-3")
    with w.store.write() as s:
        order = checkout.get_order(s, refunded.order_id)
        refunds.refund(s, w.supervisor, order, reason="ill", now=w.now, to_cash=True)
    zh, _ = _ctx(dw, "zh_CN")
    en, _ = _ctx(dw, "en")
    door = door_ops.open_door(zh, dw.doorman, [w.performance], "Main door").value

    seat = door_ops.scan(zh, door, wheelchair.barcode, now=dw.at_door).value
    assert seat.admit and "轮椅位" in seat.attention and "请引座员协助" in seat.attention
    assert "已检票入场" in seat.reason
    id_check = door_ops.scan(zh, door, concession.barcode, now=dw.at_door).value
    assert id_check.attention == "请查验优惠票证件"
    dead = door_ops.scan(zh, door, refunded.barcode, now=dw.at_door).value
    assert dead.code == "checkin_revoked" and "票已失效" in dead.reason
    garbage = door_ops.scan(zh, door, "hello", now=dw.at_door).value
    assert garbage.outcome == "malformed" and "订单码" in garbage.reason
    for verdict in (seat, id_check, dead, garbage):
        # Serials, key ids and "BX" may be Latin; no English sentence may remain.
        words = LATIN_WORD.findall(verdict.reason + verdict.attention)
        assert not words, (verdict.code, verdict.reason, verdict.attention)

    # The same verdicts read as before in English.
    again = door_ops.scan(en, door, wheelchair.barcode, now=dw.at_door).value
    assert again.code == "checkin_already_admitted" and "Main door" in again.reason
    english = door_ops.scan(en, door, refunded.barcode, now=dw.at_door).value
    assert english.reason == f"ticket {refunded.serial} was refunded"


def test_collect_hands_out_tickets_and_publishes_the_order(dw: DoorWorld) -> None:
    ctx, seen = _ctx(dw)
    tickets = dw.sell("S-B-1", "S-B-2", customer=CustomerDetails("Li Wei", "", ""))
    found = willcall_ops.find_orders(ctx, dw.doorman, "Li Wei").value
    assert [m.valid_tickets for m in found] == [2]
    done = willcall_ops.collect(ctx, dw.doorman, found[0].number)
    assert [t.serial for t in done.value.tickets] == [t.serial for t in tickets]
    assert done.changes.orders == {done.value.order_uuid} and done.changes.sync
    assert seen == [done.changes]
    with pytest.raises(ValidationError) as refused:
        willcall_ops.collect(ctx, dw.doorman, found[0].number)
    assert refused.value.code == "willcall_already_handed_out_at"
    assert "再取一份即为补打" in refused.value.message("zh_CN")


def test_manual_gift_card_redemption_op(dw: DoorWorld) -> None:
    ctx, seen = _ctx(dw)
    w = dw.world
    tickets = dw.sell("S-C-1", customer=CustomerDetails("Anna Schmidt", "", ""))
    with w.store.write() as s:
        discounts.issue_gift_card(s, system_actor(), "GIFT-777777", eur("20.00"))
        customer = checkout.get_order(s, tickets[0].order_id).customer_id
    done = willcall_ops.redeem_gift_card(
        ctx, dw.doorman, "gift-777777", eur("15.00"), reason="chip broken", customer_id=customer
    )
    assert done.value.amount == eur("15.00") and done.value.kind == "gift_card"
    assert done.changes.sync and seen == [done.changes]
    with pytest.raises(ValidationError) as short:
        willcall_ops.redeem_gift_card(
            ctx, dw.doorman, "GIFT-777777", eur("6.00"), reason="again", customer_id=customer
        )
    assert short.value.code == "gift_card_insufficient"
    assert short.value.message("zh_CN").startswith("礼品卡GIFT-777777余额只有")
