"""Every verdict the door gives, with the reason the door staff read."""

from __future__ import annotations

import base64
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from boxoffice import audit
from boxoffice.actor import system_actor
from boxoffice.catalogue import events, performances, prices
from boxoffice.checkin import order_codes, policy
from boxoffice.checkin.door import Door
from boxoffice.checkin.verdicts import EXIT_CODES, Outcome
from boxoffice.errors import PermissionDenied, ValidationError
from boxoffice.money import Money
from boxoffice.sales import barcodes, checkout, refunds, reprints, signing_keys, voids
from boxoffice.sales.cart import CustomerDetails
from boxoffice.store import open_store
from boxoffice.store.models import (
    Admission,
    DoorScan,
    OutboxEntry,
    Performance,
    PerformanceStatus,
    SeatMap,
    User,
    Venue,
)
from tests.checkin.conftest import DoorWorld
from tests.sales.helpers import cart, snapshot


def test_first_scan_admits_second_says_when_where_and_by_whom(dw: DoorWorld) -> None:
    (ticket,) = dw.sell("S-A-14")
    main = dw.door()
    first = main.scan(ticket.barcode, now=dw.at_door)
    assert first.outcome is Outcome.ADMITTED and first.admit
    assert first.serial == ticket.serial and first.inside == 1
    side = dw.door(name="Side door")
    again = side.scan(ticket.barcode, now=dw.at_door + timedelta(minutes=3))
    assert again.outcome is Outcome.ALREADY_ADMITTED and not again.admit
    assert again.previous is not None
    assert (again.previous.at, again.previous.door, again.previous.by) == (
        dw.at_door,
        "Main door",
        "dora",
    )
    assert "Main door" in again.reason and "dora" in again.reason and "11:30:00" in again.reason


def test_typed_serial_admits_and_an_unknown_serial_is_not_found(dw: DoorWorld) -> None:
    (ticket,) = dw.sell("S-A-14")
    door = dw.door()
    assert door.scan(f"  {ticket.serial.lower()} ", now=dw.at_door).outcome is Outcome.ADMITTED
    missing = door.scan("W9-T0099999", now=dw.at_door)
    assert missing.outcome is Outcome.NOT_FOUND and "W9-T0099999" in missing.reason


def test_refunded_voided_and_reprinted_tickets_are_revoked(dw: DoorWorld) -> None:
    w = dw.world
    refunded, voided_t, reprinted = (dw.sell(g)[0] for g in ("S-A-1", "S-A-2", "S-A-3"))
    with w.store.write() as s:
        order = checkout.get_order(s, refunded.order_id)
        refunds.refund(s, w.supervisor, order, reason="ill", now=w.now, to_cash=True)
        voids.void(
            s, w.supervisor, checkout.get_order(s, voided_t.order_id), reason="wrong", now=w.now
        )
        new = reprints.reprint(s, w.supervisor, reprinted.id, w.signer, reason="torn", now=w.now)
        new_code = new.barcode
    door = dw.door()
    verdicts = {
        name: door.scan(code, now=dw.at_door)
        for name, code in (
            ("refunded", refunded.barcode),
            ("voided", voided_t.barcode),
            ("reprinted", reprinted.barcode),
        )
    }
    for because, verdict in verdicts.items():
        assert verdict.outcome is Outcome.REVOKED, verdict
        assert verdict.revoked_because == because
    assert "refunded" in verdicts["refunded"].reason
    assert "old copy" in verdicts["reprinted"].reason
    assert door.scan(new_code, now=dw.at_door).outcome is Outcome.ADMITTED


def _resign(code: str, mutate_payload: bool, key: object = None) -> str:
    decoded = barcodes.decode(code)
    payload = bytearray(decoded.payload)
    signature = bytearray(decoded.signature)
    if mutate_payload:
        payload[-2] ^= 0x01  # a different price type or seat: a tampered payload
    else:
        signature[5] ^= 0x40
    raw = bytes(payload) + bytes(signature)
    return "BX" + base64.b32encode(raw).decode().rstrip("=")


def test_forged_signature_tampered_payload_and_unknown_key_are_forged(dw: DoorWorld) -> None:
    (ticket,) = dw.sell("S-A-14")
    door = dw.door()
    assert ticket.barcode is not None
    bad_signature = door.scan(_resign(ticket.barcode, False), now=dw.at_door)
    tampered = door.scan(_resign(ticket.barcode, True), now=dw.at_door)
    # A well-made ticket from a key nobody trusts (a home-made "signing terminal").
    rogue = signing_keys.generate()
    claim = barcodes.decode(ticket.barcode).claim
    fake = barcodes.sign(
        barcodes.TicketClaim(
            ticket_id=claim.ticket_id,
            performance_id=claim.performance_id,
            seat_id=claim.seat_id,
            ga_area_id=None,
            price_type_id=claim.price_type_id,
            issued_at=claim.issued_at,
            key_id=signing_keys.key_id(rogue.public_key()),
            event_id=claim.event_id,
        ),
        rogue,
    )
    unknown = door.scan(fake, now=dw.at_door)
    for verdict in (bad_signature, tampered, unknown):
        assert verdict.outcome is Outcome.FORGED, verdict
        assert verdict.ticket_id is None  # nothing a forged code says is trusted
    assert "signature" in bad_signature.reason and "unknown key" in unknown.reason
    # The genuine ticket was not used up by the forgeries.
    assert door.scan(ticket.barcode, now=dw.at_door).outcome is Outcome.ADMITTED


def _other_event_performance(dw: DoorWorld) -> int:
    w = dw.world
    admin = system_actor("setup")
    with w.store.write() as s:
        seat_map = s.scalars(select(SeatMap)).first()
        assert seat_map is not None
        starts = s.get(Performance, w.performance).starts_at  # type: ignore[union-attr]
        event = events.add_event(s, admin, "Macbeth", duration_minutes=120)
        p = performances.add_performance(
            s, admin, event, seat_map, starts, status=PerformanceStatus.ON_SALE
        )
        prices.set_price(s, admin, p, "Premium", "adult", Money.of("50.00", "EUR"), "5")
        return p.id


def test_codes_for_another_performance_or_event_are_refused(dw: DoorWorld) -> None:
    w = dw.world
    other_perf = dw.sell("S-A-14", performance=w.other_performance)[0]
    macbeth = _other_event_performance(dw)
    other_event = dw.sell("S-A-14", performance=macbeth)[0]
    door = dw.door()
    wrong_perf = door.scan(other_perf.barcode, now=dw.at_door)
    wrong_event = door.scan(other_event.barcode, now=dw.at_door)
    assert wrong_perf.outcome is Outcome.WRONG_PERFORMANCE
    assert "another performance of this show" in wrong_perf.reason
    assert wrong_event.outcome is Outcome.WRONG_EVENT and "Macbeth" in wrong_event.reason
    # A door serving both shows at once (a foyer for two halls) admits both.
    shared = dw.door(w.performance, macbeth, name="Foyer")
    assert shared.scan(other_event.barcode, now=dw.at_door).outcome is Outcome.ADMITTED


def test_door_window_not_yet_open_expired_and_cancelled(dw: DoorWorld) -> None:
    w = dw.world
    tickets = dw.sell("S-A-1", "S-A-2")
    door = dw.door()
    starts = dw.at_door + timedelta(minutes=30)
    early = door.scan(tickets[0].barcode, now=starts - timedelta(hours=3))
    assert early.outcome is Outcome.NOT_YET_OPEN and "open at" in early.reason
    late = door.scan(tickets[0].barcode, now=starts + timedelta(minutes=171))  # Hamlet: 170 min
    assert late.outcome is Outcome.EXPIRED and "expired" in late.reason
    # The venue opens earlier and lets people in up to half an hour after the end.
    with w.store.write() as s:
        policy.set_policy(
            s,
            system_actor(),
            w.performance,
            reentry=False,
            opens_before_minutes=200,
            closes_after_end_minutes=30,
        )
    door.refresh()
    assert door.scan(tickets[0].barcode, now=starts - timedelta(hours=3)).admit
    assert door.scan(tickets[1].barcode, now=starts + timedelta(minutes=171)).admit


def test_policy_refuses_bad_values(dw: DoorWorld) -> None:
    with dw.world.store.write() as s:
        with pytest.raises(ValidationError, match="opens_before_minutes"):
            policy.set_policy(
                s, system_actor(), dw.world.performance, reentry=True, opens_before_minutes=-5
            )
        with pytest.raises(PermissionDenied):
            policy.set_policy(s, dw.doorman, dw.world.performance, reentry=True)


def test_unpaid_reservation_order_code_is_refused(dw: DoorWorld) -> None:
    w = dw.world
    with w.store.write() as s:
        order = checkout.place_order(
            s,
            w.clerk,
            cart(w, "S-A-14", "S-A-15"),
            now=w.now,
            reserve_until=w.now + timedelta(days=2),
            customer=CustomerDetails("Li Wei", "+86 138 0013 8000"),
        )
        code = order_codes.sign(order.uuid, 2, w.now, w.signer.private_key)
    verdict = dw.door().scan(code, now=dw.at_door)
    assert verdict.outcome is Outcome.UNPAID and "not paid" in verdict.reason


def test_reentry_toggles_presence_and_counts_people_inside(dw: DoorWorld) -> None:
    w = dw.world
    a, b = dw.sell("S-A-1", "S-A-2")
    with w.store.write() as s:
        policy.set_policy(s, system_actor(), w.performance, reentry=True)
    door = dw.door()
    t = dw.at_door
    steps = [
        (a, Outcome.ADMITTED, 1),
        (b, Outcome.ADMITTED, 2),
        (a, Outcome.EXITED, 1),
        (a, Outcome.READMITTED, 2),
        (b, Outcome.EXITED, 1),
    ]
    for i, (ticket, outcome, inside) in enumerate(steps):
        verdict = door.scan(ticket.barcode, now=t + timedelta(minutes=i))
        assert (verdict.outcome, verdict.inside) == (outcome, inside)
    with w.store.read() as s:
        kinds = list(s.scalars(select(Admission.kind).order_by(Admission.id)))
    assert kinds == ["entry", "entry", "exit", "reentry", "exit"]


def test_without_reentry_a_second_scan_never_lets_anyone_in(dw: DoorWorld) -> None:
    (ticket,) = dw.sell("S-A-1")
    door = dw.door()
    outcomes = [door.scan(ticket.barcode, now=dw.at_door).outcome for _ in range(3)]
    assert outcomes == [Outcome.ADMITTED, Outcome.ALREADY_ADMITTED, Outcome.ALREADY_ADMITTED]


def test_attention_for_child_concession_and_wheelchair_space(dw: DoorWorld) -> None:
    (child,) = dw.sell("S-A-1", price_type="child")
    (concession,) = dw.sell("S-A-2", price_type="concession")
    (wheelchair,) = dw.sell("S-W-1", price_type="adult")
    (plain,) = dw.sell("S-A-3")
    door = dw.door()
    notes = {
        name: door.scan(t.barcode, now=dw.at_door).attention
        for name, t in (
            ("child", child),
            ("concession", concession),
            ("wheelchair", wheelchair),
            ("plain", plain),
        )
    }
    assert notes["child"] == "Child ticket"
    assert notes["concession"] == "Check concession ID"
    assert notes["wheelchair"].startswith("Wheelchair space (row W, seat 1)")
    assert notes["plain"] == ""


def test_order_code_admits_every_ticket_of_the_order_once(dw: DoorWorld) -> None:
    w = dw.world
    tickets = dw.sell("S-A-1", "S-A-2", "S-A-3", price_type="child")
    with w.store.write() as s:
        order = checkout.get_order(s, tickets[0].order_id)
        refunds.refund(s, w.supervisor, order, [tickets[2].id], reason="one ill", to_cash=True)
        code = order_codes.for_order(order, w.signer)
        assert code == order_codes.for_order(order, w.signer)  # a reprinted receipt: same code
    door = dw.door()
    verdict = door.scan(code, now=dw.at_door)
    assert verdict.outcome is Outcome.ADMITTED
    assert verdict.admitted_count == 2 and verdict.inside == 2
    assert "2 of 3" in verdict.reason and "refunded" in verdict.reason
    assert verdict.attention == "Child ticket"
    again = door.scan(code, now=dw.at_door)
    assert again.outcome is Outcome.ALREADY_ADMITTED and again.admitted_count == 0
    # Each ticket of the order is now used: its own barcode does not admit either.
    assert door.scan(tickets[0].barcode, now=dw.at_door).outcome is Outcome.ALREADY_ADMITTED


def test_tampered_order_code_is_forged_and_ticket_code_is_not_an_order_code(
    dw: DoorWorld,
) -> None:
    w = dw.world
    tickets = dw.sell("S-A-1", "S-A-2")
    with w.store.read() as s:
        order_uuid = checkout.get_order(s, tickets[0].order_id).uuid
    code = order_codes.sign(order_uuid, 2, w.now, w.signer.private_key)
    body = bytearray(base64.b32decode(code[2:] + "=" * (-len(code[2:]) % 8)))
    body[12] ^= 0x01  # another order's uuid
    tampered = "BO" + base64.b32encode(bytes(body)).decode().rstrip("=")
    door = dw.door()
    assert door.scan(tampered, now=dw.at_door).outcome is Outcome.FORGED
    # A ticket barcode's bytes under the order prefix do not verify as an order.
    assert tickets[0].barcode is not None
    swapped = door.scan("BO" + tickets[0].barcode[2:], now=dw.at_door)
    assert swapped.outcome in (Outcome.FORGED, Outcome.MALFORMED)
    assert not any(v.admit for v in (swapped,))


def test_refused_scans_are_journalled_and_audited(dw: DoorWorld) -> None:
    (ticket,) = dw.sell("S-A-1")
    door = dw.door()
    door.scan("hello", now=dw.at_door)
    door.scan(ticket.barcode, now=dw.at_door)
    door.scan(ticket.barcode, now=dw.at_door)
    with dw.world.store.read() as s:
        journal = [(d.verdict, d.door, d.username) for d in s.scalars(select(DoorScan))]
        actions = [e.action for e in audit.entries(s) if e.action.startswith("checkin.")]
        assert audit.verify(s) is None
    assert journal == [
        ("malformed", "Main door", "dora"),
        ("admitted", "Main door", "dora"),
        ("already_admitted", "Main door", "dora"),
    ]
    # Refusals go into the tamper-evident log too; the admission is in the journal.
    assert actions == ["checkin.malformed", "checkin.already_admitted"]


def test_each_admission_is_one_idempotent_outbox_operation(dw: DoorWorld) -> None:
    (ticket,) = dw.sell("S-A-1")
    door = dw.door()
    door.scan(ticket.barcode, now=dw.at_door)
    door.scan(ticket.barcode, now=dw.at_door)  # refused: no operation
    with dw.world.store.read() as s:
        entries = list(s.scalars(select(OutboxEntry).where(OutboxEntry.kind == "admission")))
        admission = s.scalars(select(Admission)).one()
    assert len(entries) == 1
    assert entries[0].idempotency_key == admission.uuid
    assert f'"ticket_id":{ticket.id}' in entries[0].body
    assert '"kind":"entry"' in entries[0].body and '"door":"Main door"' in entries[0].body
    # The protocol's fields (docs/sync-protocol.md, operation "admission").
    for field in ('"gate":"Main door"', '"re_entry":false', f'"key_id":"{ticket.key_id}"'):
        assert field in entries[0].body


def test_a_clerk_without_checkin_permission_cannot_scan(dw: DoorWorld) -> None:
    (ticket,) = dw.sell("S-A-1")
    before = snapshot(dw.world)
    door = Door(dw.world.store, dw.world.clerk, [dw.world.performance], "Main door")
    with pytest.raises(PermissionDenied, match="check tickets in"):
        door.scan(ticket.barcode, now=dw.at_door)
    assert snapshot(dw.world) == before


def test_door_set_up_errors_are_clear(dw: DoorWorld) -> None:
    with pytest.raises(ValidationError, match="at least one performance"):
        Door(dw.world.store, dw.doorman, [], "Main door")
    with pytest.raises(ValidationError, match="door name"):
        Door(dw.world.store, dw.doorman, [dw.world.performance], "  ")
    with pytest.raises(Exception, match="no performance 999"):
        Door(dw.world.store, dw.doorman, [999], "Main door")


@pytest.mark.parametrize(
    "code", ["", "   ", "BX", "bx" + "A" * 300, "W1-000001", "\x00\x01", "BO", "BX7" * 400_000]
)
def test_garbage_is_malformed_and_admits_nobody(dw: DoorWorld, code: str) -> None:
    verdict = dw.door().scan(code, now=dw.at_door)
    assert verdict.outcome is Outcome.MALFORMED and len(verdict.reason) < 300
    assert EXIT_CODES[verdict.outcome] != 0
    with dw.world.store.read() as s:
        assert s.scalar(select(func.count()).select_from(Admission)) == 0


def test_cancelled_performance_expires_its_tickets(dw: DoorWorld) -> None:
    w = dw.world
    (ticket,) = dw.sell("S-A-1")
    with w.store.write() as s:
        performances.set_status(s, system_actor(), w.performance, PerformanceStatus.CANCELLED)
    verdict = dw.door().scan(ticket.barcode, now=dw.at_door)
    assert verdict.outcome is Outcome.EXPIRED and "cancelled" in verdict.reason


def test_times_are_shown_on_the_venue_clock(dw: DoorWorld) -> None:
    w = dw.world
    (ticket,) = dw.sell("S-A-14")
    with w.store.write() as s:
        s.scalars(select(Venue)).one().timezone = "Asia/Shanghai"
    door = dw.door()
    early = door.scan(ticket.barcode, now=dw.at_door - timedelta(hours=2))
    # The show starts at 12:00 UTC, 20:00 in Shanghai; doors open 90 minutes earlier.
    assert early.outcome is Outcome.NOT_YET_OPEN and "open at 2030-06-11 18:30 CST" in early.reason
    door.scan(ticket.barcode, now=dw.at_door)
    again = door.scan(ticket.barcode, now=dw.at_door)
    assert "already admitted at 2030-06-11 19:30:00 CST" in again.reason


def test_a_door_rechecks_its_users_permission_within_seconds(
    dw: DoorWorld, tonight: tuple[int, list[str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    perf, codes = tonight
    door = dw.door(perf)
    assert door.scan(codes[0]).admit  # the real clock: the show is tonight
    with dw.world.store.write() as s:
        s.get(User, dw.doorman.user_id).active = False  # type: ignore[union-attr]
    monkeypatch.setattr(time, "monotonic", lambda: 10**9)  # the recheck interval has passed
    before = snapshot(dw.world)
    with pytest.raises(PermissionDenied):
        door.scan(codes[1])
    assert snapshot(dw.world) == before


def test_two_turnstiles_on_one_store_scanning_at_once_admit_once(dw: DoorWorld) -> None:
    """Two processes' worth of doors (own engines) race on the same ticket."""
    tickets = dw.sell("S-A-14", "S-A-15", "S-A-16", "S-A-17", "S-A-18")
    stores = [open_store(dw.world.store.path) for _ in range(2)]
    try:
        doors = [
            Door(store, dw.doorman, [dw.world.performance], f"Turnstile {i}")
            for i, store in enumerate(stores)
        ]
        for ticket in tickets:
            start = threading.Barrier(2)

            def scan(
                door: Door, code: str = ticket.barcode or "", start: threading.Barrier = start
            ) -> Outcome:
                start.wait()
                return door.scan(code, now=dw.at_door).outcome

            with ThreadPoolExecutor(2) as pool:
                outcomes = sorted(pool.map(scan, doors))
            assert outcomes == sorted([Outcome.ADMITTED, Outcome.ALREADY_ADMITTED])
    finally:
        for store in stores:
            store.dispose()
    with dw.world.store.read() as s:
        assert s.scalar(select(func.count()).select_from(Admission)) == len(tickets)
