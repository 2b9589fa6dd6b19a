"""Scan to verdict at a door: offline, from the local store and trusted public keys only.

``read_code`` does the pure part (what was scanned, is the signature good)
outside the store's write lock; ``judge`` looks the ticket up, decides, and
records the scan, the movement and its outbox operation in one transaction,
so two scans of one ticket at one terminal can never both admit. Other
doors' admissions and revocations arrive through the change feed
(``checkin.remote``).

Checks, in order: readable → genuine (trusted key, signature) → revoked
(refund, void, exchange, reprint) or unpaid → for one of this door's
performances (else wrong performance of the same show, or wrong event) →
inside the door window → not admitted yet (or re-entry allowed).
"""

from __future__ import annotations

import re
import time
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, NamedTuple

from sqlalchemy import bindparam, func, insert, or_, select, update
from sqlalchemy.orm import Session

from boxoffice import audit
from boxoffice.actor import Actor
from boxoffice.auth.guard import require
from boxoffice.auth.permissions import Permission
from boxoffice.checkin import attention, order_codes
from boxoffice.checkin.policy import DoorWindow, window
from boxoffice.checkin.verdicts import Outcome, PreviousAdmission, Verdict
from boxoffice.clock import utc_now
from boxoffice.errors import ValidationError
from boxoffice.sales import barcodes
from boxoffice.sales.barcodes import TrustedKeys, VerifyStatus
from boxoffice.sales.signer import trusted_keys
from boxoffice.store import Store, fast
from boxoffice.store.models import (
    Admission,
    BarcodeRevocation,
    Counter,
    DoorScan,
    Order,
    OrderStatus,
    Performance,
    Ticket,
    TicketPresence,
    TicketStatus,
)
from boxoffice.sync import outbox

#: A ticket serial as printed under the barcode (``numbering.ticket_serials``).
SERIAL = re.compile(r"[A-Z][A-Z0-9]{0,5}-T\d{7,12}")
MAX_DOOR_NAME = 80
#: How long a door trusts a successful permission check before it checks again.
PERMISSION_RECHECK_SECONDS = 5.0

_STATUS_REVOKED = {
    TicketStatus.REFUNDED: "refunded",
    TicketStatus.VOIDED: "voided",
    TicketStatus.EXCHANGED: "exchanged",
    TicketStatus.CANCELLED: "cancelled",
}
_REVOKED_WORDS = {
    "refunded": "was refunded",
    "voided": "was voided (sale undone)",
    "exchanged": "was exchanged for another ticket",
    "cancelled": "was cancelled",
    "reprinted": "was replaced by a reprint; this is an old copy",
}


# --------------------------------------------------------------------------- context


@dataclass(frozen=True)
class DoorContext:
    """What a door serves: its name and the door windows of its performances."""

    door: str
    windows: dict[int, DoorWindow]
    price_type_notes: dict[int, str] = field(default_factory=dict)
    #: Notes for the few seats that need one (wheelchair spaces, companion seats).
    seat_notes: dict[int, str] = field(default_factory=dict)

    @property
    def event_ids(self) -> set[int]:
        return {w.event_id for w in self.windows.values()}

    def describe(self) -> str:
        return ", ".join(
            f"{w.event_name} {w.local(w.starts_at)} (performance {p})"
            for p, w in self.windows.items()
        )


def load_context(session: Session, performance_ids: Iterable[int], door: str) -> DoorContext:
    """The door's performances, checked once when the door opens (unknown ids refused)."""
    ids = list(dict.fromkeys(performance_ids))
    if not ids:
        raise ValidationError("a door serves at least one performance")
    for pid in ids:
        if isinstance(pid, bool) or not isinstance(pid, int) or pid < 1:
            raise ValidationError(f"a performance id is a whole number, not {pid!r}")
    name = door.strip() if isinstance(door, str) else ""
    if not name or len(name) > MAX_DOOR_NAME or not name.isprintable():
        raise ValidationError(f"a door name is 1..{MAX_DOOR_NAME} printable characters")
    windows = {pid: window(session, pid) for pid in ids}
    return DoorContext(
        door=name,
        windows=windows,
        price_type_notes=attention.price_type_notes(session),
        seat_notes=attention.seat_notes(session, [w.seat_map_id for w in windows.values()]),
    )


# --------------------------------------------------------------------------- reading


@dataclass(frozen=True)
class Scanned:
    """The result of reading a scan, before the store is consulted."""

    text: str
    kind: str  # ticket | order | serial | refused
    claim: barcodes.TicketClaim | None = None
    order_claim: order_codes.OrderClaim | None = None
    serial: str = ""
    refusal: Verdict | None = None
    #: Why the signature check failed (``unknown_key`` may mean our key list is old).
    status: VerifyStatus | None = None


def _printable(code: object) -> str:
    text = (code if isinstance(code, str) else repr(code))[:200]
    return "".join(ch if ch.isprintable() else "?" for ch in text)


def read_code(code: object, trusted: TrustedKeys) -> Scanned:
    """Classify and verify a scan; never raises, whatever ``code`` is."""
    text = _printable(code)
    if not isinstance(code, str):
        return Scanned(text, "refused", refusal=Verdict(Outcome.MALFORMED, "a scan is text"))
    stripped = code.strip()
    upper = stripped.upper()
    if SERIAL.fullmatch(upper):
        return Scanned(text, "serial", serial=upper)
    if order_codes.looks_like_order_code(stripped):
        checked = order_codes.verify(stripped, trusted)
        if checked.claim is None:
            return Scanned(
                text,
                "refused",
                refusal=_signature_refusal(checked.status, checked.reason),
                status=checked.status,
            )
        return Scanned(text, "order", order_claim=checked.claim)
    verification = barcodes.verify(stripped, trusted)
    if verification.claim is None:
        reason = verification.reason
        if verification.status is VerifyStatus.MALFORMED and not upper.startswith(barcodes.PREFIX):
            reason += "; nor is it a ticket serial (like W1-T0000123) or an order code"
        return Scanned(
            text,
            "refused",
            refusal=_signature_refusal(verification.status, reason),
            status=verification.status,
        )
    return Scanned(text, "ticket", claim=verification.claim)


def _signature_refusal(status: VerifyStatus, reason: str) -> Verdict:
    if status is VerifyStatus.MALFORMED:
        return Verdict(Outcome.MALFORMED, reason)
    return Verdict(Outcome.FORGED, reason)


# --------------------------------------------------------------------------- judging


class _Row(NamedTuple):
    """The columns of a stored ticket the door needs (read with Core: the hot path)."""

    id: int
    order_id: int
    serial: str | None
    performance_id: int
    seat_id: int | None
    ga_area_id: int | None
    price_type_id: int
    status: TicketStatus
    reissue: int
    key_id: str | None


_ROW_COLUMNS = (
    Ticket.id,
    Ticket.order_id,
    Ticket.serial,
    Ticket.performance_id,
    Ticket.seat_id,
    Ticket.ga_area_id,
    Ticket.price_type_id,
    Ticket.status,
    Ticket.reissue,
    Ticket.key_id,
)


# Statements of the hot path, built once: a scan only binds its values.
_ROW_BY_ID = select(*_ROW_COLUMNS).where(Ticket.id == bindparam("ticket_id"))
_ROW_BY_SERIAL = select(*_ROW_COLUMNS).where(Ticket.serial == bindparam("serial"))
_REVOCATIONS = select(BarcodeRevocation.reason).where(
    BarcodeRevocation.ticket_id == bindparam("ticket_id"),
    BarcodeRevocation.up_to_reissue >= bindparam("reissue"),
    # A revocation that does not name its key may be for this ticket: refuse.
    or_(BarcodeRevocation.key_id == bindparam("key_id"), BarcodeRevocation.key_id.is_(None)),
)
_PRESENCE = TicketPresence.__table__
_ADMISSIONS = Admission.__table__
_COUNTERS = Counter.__table__
_PRESENCE_KEY = (_PRESENCE.c.key_id == bindparam("p_key")) & (
    _PRESENCE.c.ticket_id == bindparam("p_ticket")
)
_PRESENCE_READ = select(
    _PRESENCE.c.inside,
    _PRESENCE.c.first_at,
    _PRESENCE.c.first_door,
    _PRESENCE.c.first_terminal,
    _PRESENCE.c.first_by,
).where(_PRESENCE_KEY)
_PRESENCE_TOGGLE = (
    update(_PRESENCE)
    .where(_PRESENCE_KEY)
    .values(inside=bindparam("p_inside"), last_move_at=bindparam("p_at"))
)
_SCAN_INSERT = insert(DoorScan.__table__)
_COUNTER_BUMP = (
    update(_COUNTERS)
    .where(_COUNTERS.c.name == bindparam("c_name"))
    .values(value=_COUNTERS.c.value + bindparam("c_delta"))
    .returning(_COUNTERS.c.value)
)


def _run(session: Session, statement: Any, **params: Any) -> Any:
    """A prebuilt Core statement on the session's connection (no ORM, no autoflush)."""
    return session.connection().execute(statement, params)


def _read_row(session: Session, statement: Any, **params: Any) -> _Row | None:
    found = _run(session, statement, **params).first()
    return None if found is None else _Row(*found)


def _row_of(ticket: Ticket) -> _Row:
    return _Row(*(getattr(ticket, c.key) for c in _ROW_COLUMNS))


@dataclass(frozen=True)
class _Facts:
    """What is known about the ticket being judged, from its code and the store."""

    key_id: str
    ticket_id: int
    reissue: int
    performance_id: int
    event_id: int | None
    seat_id: int | None
    ga_area_id: int | None
    price_type_id: int
    row: _Row | None

    @property
    def serial(self) -> str:
        return (self.row.serial or "") if self.row is not None else ""

    def verdict(self, outcome: Outcome, reason: str, **kw: object) -> Verdict:
        return Verdict(
            outcome,
            reason,
            ticket_id=self.ticket_id,
            serial=self.serial,
            performance_id=self.performance_id,
            **kw,  # type: ignore[arg-type]
        )


def _facts_from_claim(session: Session, claim: barcodes.TicketClaim) -> _Facts:
    row = _read_row(session, _ROW_BY_ID, ticket_id=claim.ticket_id)
    if row is not None and row.key_id != claim.key_id:
        # Same number, another issuer: ticket ids are unique per terminal only,
        # so this store's ticket with that id is a different ticket.
        row = None
    return _Facts(
        key_id=claim.key_id,
        ticket_id=claim.ticket_id,
        reissue=claim.reissue,
        performance_id=claim.performance_id,
        event_id=claim.event_id,
        seat_id=claim.seat_id,
        ga_area_id=claim.ga_area_id,
        price_type_id=claim.price_type_id,
        row=row,
    )


def _facts_from_row(row: _Row) -> _Facts:
    return _Facts(
        key_id=row.key_id or "",
        ticket_id=row.id,
        reissue=row.reissue,
        performance_id=row.performance_id,
        event_id=None,
        seat_id=row.seat_id,
        ga_area_id=row.ga_area_id,
        price_type_id=row.price_type_id,
        row=row,
    )


def _label(facts: _Facts) -> str:
    return f"ticket {facts.serial}" if facts.serial else f"ticket {facts.ticket_id}"


def _refusal(session: Session, ctx: DoorContext, facts: _Facts, now: datetime) -> Verdict | None:
    """Why this ticket may not pass this door now, or ``None`` if it may."""
    what = _label(facts)
    reasons = list(
        _run(
            session,
            _REVOCATIONS,
            ticket_id=facts.ticket_id,
            reissue=facts.reissue,
            key_id=facts.key_id,
        ).scalars()
    )
    # A refund outranks "reprinted": the door should say the ticket is dead, not old.
    reason = next((r for r in reasons if r != "reprinted"), reasons[0] if reasons else None)
    row = facts.row
    if reason is None and row is not None:
        if row.status in _STATUS_REVOKED:
            reason = _STATUS_REVOKED[row.status]
        elif row.reissue > facts.reissue:
            reason = "reprinted"
    if reason is not None:
        words = _REVOKED_WORDS.get(reason, f"was revoked ({reason})")
        return facts.verdict(Outcome.REVOKED, f"{what} {words}", revoked_because=reason)
    if row is not None:
        same = (
            row.performance_id == facts.performance_id
            and row.seat_id == facts.seat_id
            and row.ga_area_id == facts.ga_area_id
            and row.price_type_id == facts.price_type_id
        )
        if not same:
            return facts.verdict(
                Outcome.FORGED,
                f"{what}: the barcode does not match the ticket on record "
                "(performance, seat or price type differ)",
            )
        if row.status in (TicketStatus.PENDING, TicketStatus.RESERVED):
            number = fast.execute(
                session, select(Order.number).where(Order.id == row.order_id)
            ).scalar()
            return facts.verdict(
                Outcome.UNPAID,
                f"{what} belongs to order {number}, which is reserved but not paid: "
                "send the customer to the box office",
            )
    door_window = ctx.windows.get(facts.performance_id)
    if door_window is None:
        performance = session.get(Performance, facts.performance_id)
        event_id = facts.event_id or (performance.event_id if performance else None)
        where = (
            f"{performance.event.name} {performance.starts_at:%Y-%m-%d %H:%M}"
            if performance is not None
            else f"performance {facts.performance_id}"
        )
        if event_id is not None and event_id in ctx.event_ids:
            return facts.verdict(
                Outcome.WRONG_PERFORMANCE,
                f"{what} is for another performance of this show ({where}); "
                f"this door admits {ctx.describe()}",
            )
        return facts.verdict(
            Outcome.WRONG_EVENT,
            f"{what} is for another event ({where}); this door admits {ctx.describe()}",
        )
    problem = door_window.problem(now)
    if problem is not None:
        kind, text = problem
        outcome = Outcome.NOT_YET_OPEN if kind == "not_yet_open" else Outcome.EXPIRED
        return facts.verdict(outcome, f"{what}: {text}")
    return None


def inside_count(session: Session, performance_id: int) -> int:
    """People inside now, counted from the presence rows (the report's figure)."""
    return int(
        fast.execute(
            session,
            select(func.count())
            .select_from(TicketPresence)
            .where(TicketPresence.performance_id == performance_id, TicketPresence.inside),
        ).scalar()
        or 0
    )


def inside_counter(performance_id: int) -> str:
    return f"door.inside.{performance_id}"


def bump_inside(session: Session, performance_id: int | None, delta: int) -> int | None:
    """Keep the live inside count without counting the house at every scan.

    The counter row is created from a real count the first time, so a store
    filled another way (an import, the feed) starts right.
    """
    if performance_id is None:
        return None
    name = inside_counter(performance_id)
    value = _run(session, _COUNTER_BUMP, c_name=name, c_delta=delta).scalar()
    if value is None:
        value = inside_count(session, performance_id)
        fast.execute(session, insert(_COUNTERS).values(name=name, value=value))
    return int(value)


def _move(
    session: Session,
    actor: Actor,
    ctx: DoorContext,
    facts: _Facts,
    now: datetime,
    *,
    allow_exit: bool = True,
    order_uuid: str = "",
) -> Verdict:
    """Admit, re-admit, let out, or refuse as already admitted; writes the movement."""
    what = _label(facts)
    door_window = ctx.windows[facts.performance_id]
    key = {"p_key": facts.key_id, "p_ticket": facts.ticket_id}
    presence = _run(session, _PRESENCE_READ, **key).first()
    note = attention.combine(
        ctx.price_type_notes.get(facts.price_type_id, ""),
        ctx.seat_notes.get(facts.seat_id, "") if facts.seat_id is not None else "",
    )
    previous = None
    if presence is not None:
        inside_now, first_at, first_door, first_terminal, first_by = presence
        first_at = first_at.replace(tzinfo=UTC) if first_at.tzinfo is None else first_at
        previous = PreviousAdmission(first_at, first_door, first_terminal, first_by)
        if not door_window.reentry or (inside_now and not allow_exit):
            return facts.verdict(
                Outcome.ALREADY_ADMITTED,
                f"{what} was already admitted at "
                f"{door_window.local(first_at, '%Y-%m-%d %H:%M:%S')} at door {first_door!r} "
                f"({first_terminal}) by {first_by}",
                previous=previous,
            )
        kind = "exit" if inside_now else "reentry"
        _run(session, _PRESENCE_TOGGLE, **key, p_inside=not inside_now, p_at=now)
    else:
        kind = "entry"
    admission_uuid = str(uuid.uuid4())
    movement = {
        "uuid": admission_uuid,
        "key_id": facts.key_id,
        "ticket_id": facts.ticket_id,
        "serial": facts.serial,
        "performance_id": facts.performance_id,
        "kind": kind,
        "door": ctx.door,
        "terminal": actor.terminal,
        "username": actor.username,
        "scanned_at": now,
        "source": "local",
        "order_uuid": order_uuid,
    }
    _run(session, insert(_ADMISSIONS), **movement)
    if presence is None:
        _run(
            session,
            insert(_PRESENCE),
            key_id=facts.key_id,
            ticket_id=facts.ticket_id,
            performance_id=facts.performance_id,
            inside=True,
            first_uuid=admission_uuid,
            first_at=now,
            first_door=ctx.door,
            first_terminal=actor.terminal,
            first_by=actor.username,
            last_move_at=now,
        )
    if kind != "exit":  # the server knows admissions only; an exit stays at this door
        body = admission_body(Admission(**movement), facts.reissue)
        outbox.enqueue(session, "admission", body, key=admission_uuid, now=now)
    inside = bump_inside(session, facts.performance_id, -1 if kind == "exit" else 1)
    if kind == "exit":
        return facts.verdict(
            Outcome.EXITED,
            f"{what} went out; it may come back in (re-entry allowed)",
            previous=previous,
            inside=inside,
        )
    outcome = Outcome.ADMITTED if kind == "entry" else Outcome.READMITTED
    text = "admitted" if kind == "entry" else "re-admitted"
    return facts.verdict(
        outcome,
        f"{what} {text}",
        attention=note,
        admitted_count=1,
        previous=previous,
        inside=inside,
    )


def admission_body(admission: Admission, reissue: int) -> dict[str, object]:
    """The ``admission`` operation (``docs/sync-protocol.md``), with this door's extras.

    The protocol's fields are ``serial``, ``key_id``, ``ticket_id``,
    ``reissue``, ``scanned_at``, ``gate`` and ``re_entry``; the rest is stored
    as sent, and ``checkin.remote.apply_remote_admission`` reads it all.
    """
    return {
        "serial": admission.serial,
        "key_id": admission.key_id,
        "ticket_id": admission.ticket_id,
        "reissue": reissue,
        "scanned_at": admission.scanned_at.isoformat(),
        "gate": admission.door,
        "re_entry": admission.kind == "reentry",
        "uuid": admission.uuid,
        "performance_id": admission.performance_id,
        "kind": admission.kind,
        "door": admission.door,
        "terminal": admission.terminal,
        "user": admission.username,
        "order_uuid": admission.order_uuid,
    }


def _judge_order(
    session: Session, actor: Actor, ctx: DoorContext, claim: order_codes.OrderClaim, now: datetime
) -> Verdict:
    order = session.scalar(select(Order).where(Order.uuid == claim.order_uuid))
    if order is None:
        return Verdict(
            Outcome.NOT_FOUND,
            "this order is not in this door's store yet (sold elsewhere, not synced); "
            "scan the tickets one by one",
        )
    if order.status in (OrderStatus.PENDING, OrderStatus.RESERVED):
        return Verdict(
            Outcome.UNPAID,
            f"order {order.number} is reserved but not paid: send the customer to the box office",
        )
    if order.status != OrderStatus.PAID:
        return Verdict(
            Outcome.REVOKED,
            f"order {order.number} was {order.status.value}",
            revoked_because=order.status.value,
        )
    admitted: list[Verdict] = []
    refused: list[Verdict] = []
    for ticket in order.tickets:
        facts = _facts_from_row(_row_of(ticket))
        refusal = _refusal(session, ctx, facts, now)
        verdict = refusal or _move(
            session, actor, ctx, facts, now, allow_exit=False, order_uuid=order.uuid
        )
        (admitted if verdict.admit else refused).append(verdict)
    details = tuple(v.reason for v in refused)
    if admitted:
        count = len(admitted)
        reason = f"order {order.number}: {count} of {len(order.tickets)} tickets admitted"
        if refused:
            reason += f"; {len(refused)} not: " + "; ".join(details)
        return Verdict(
            Outcome.ADMITTED,
            reason,
            performance_id=admitted[0].performance_id,
            attention=attention.combine(*(v.attention for v in admitted)),
            admitted_count=count,
            inside=admitted[-1].inside,
            details=tuple(f"{v.serial}: {v.outcome.value}" for v in admitted) + details,
        )
    outcomes = [v.outcome for v in refused]
    for preferred in (Outcome.ALREADY_ADMITTED, Outcome.NOT_YET_OPEN, Outcome.EXPIRED):
        if preferred in outcomes:
            first = refused[outcomes.index(preferred)]
            break
    else:
        first = refused[0] if refused else Verdict(Outcome.NOT_FOUND, "the order has no tickets")
    return Verdict(
        first.outcome,
        f"order {order.number}: no ticket admitted; " + "; ".join(details),
        previous=first.previous,
        revoked_because=first.revoked_because,
        performance_id=first.performance_id,
        details=details,
    )


def judge(
    session: Session,
    actor: Actor,
    scanned: Scanned,
    ctx: DoorContext,
    *,
    now: datetime | None = None,
    check_permission: bool = True,
) -> Verdict:
    """Decide and record, in the caller's (write) transaction.

    ``check_permission=False`` only for a ``Door`` that checked it moments ago.
    """
    now = now or utc_now()
    if check_permission:
        require(session, actor, Permission.CHECKIN, now=now)
    if scanned.refusal is not None:
        verdict = scanned.refusal
    elif scanned.kind == "order":
        assert scanned.order_claim is not None
        verdict = _judge_order(session, actor, ctx, scanned.order_claim, now)
    else:
        if scanned.kind == "serial":
            row = _read_row(session, _ROW_BY_SERIAL, serial=scanned.serial)
            if row is None or row.serial is None:
                verdict = Verdict(
                    Outcome.NOT_FOUND,
                    f"no ticket {scanned.serial} in this door's store (sold elsewhere and "
                    "not synced yet, or mistyped): scan the barcode instead",
                )
                _record(session, actor, ctx, scanned, verdict, now)
                return verdict
            facts = _facts_from_row(row)
        else:
            assert scanned.claim is not None
            facts = _facts_from_claim(session, scanned.claim)
        verdict = _refusal(session, ctx, facts, now) or _move(session, actor, ctx, facts, now)
    _record(session, actor, ctx, scanned, verdict, now)
    return verdict


def _scan_performance(ctx: DoorContext, verdict: Verdict) -> int | None:
    """The door's performance a scan counts for in the door report."""
    if verdict.performance_id in ctx.windows:
        return verdict.performance_id
    if len(ctx.windows) == 1:
        return next(iter(ctx.windows))
    return None


def _record(
    session: Session,
    actor: Actor,
    ctx: DoorContext,
    scanned: Scanned,
    verdict: Verdict,
    now: datetime,
) -> None:
    """Every scan goes into the door journal; every refusal also into the audit log.

    Admissions are already kept three ways (``admissions``, the journal, and
    the operation sent to the server), so the tamper-evident log gets what a
    fraud review needs: each refused code, who scanned it and why it failed.
    """
    _run(
        session,
        _SCAN_INSERT,
        scanned_at=now,
        door=ctx.door,
        terminal=actor.terminal,
        username=actor.username,
        performances=" ".join(str(p) for p in ctx.windows),
        code=scanned.text,
        ticket_id=verdict.ticket_id,
        performance_id=_scan_performance(ctx, verdict),
        verdict=verdict.outcome.value,
        reason=verdict.reason,
        admitted=verdict.admitted_count,
    )
    if verdict.admit or verdict.outcome is Outcome.EXITED:
        return
    subject = f"ticket:{verdict.serial or verdict.ticket_id}" if verdict.ticket_id else "scan"
    audit.record(
        session,
        actor,
        f"checkin.{verdict.outcome.value}",
        subject,
        {"door": ctx.door, "code": scanned.text[:80], "reason": verdict.reason},
        at=now,
    )


def check_in(
    session: Session,
    actor: Actor,
    code: object,
    ctx: DoorContext,
    trusted: TrustedKeys,
    *,
    now: datetime | None = None,
) -> Verdict:
    """Read, verify, decide and record one scan in the caller's write transaction."""
    return judge(session, actor, read_code(code, trusted), ctx, now=now)


class Door:
    """A door (or turnstile) serving one or more performances, with its keys loaded once."""

    def __init__(
        self,
        store: Store,
        actor: Actor,
        performance_ids: Sequence[int],
        door: str,
        *,
        trusted: TrustedKeys | None = None,
    ) -> None:
        from boxoffice.checkin.remote import register_feed_handlers

        register_feed_handlers()  # other doors' admissions reach this store via the feed
        self.store = store
        self.actor = actor
        self._performance_ids = list(performance_ids)
        self._door = door
        self._permission_fresh_until = 0.0
        with store.read() as session:
            self.context = load_context(session, self._performance_ids, door)
            self.trusted = trusted if trusted is not None else trusted_keys(session)
        self._keys_from_store = trusted is None

    def _reload_keys(self) -> None:
        with self.store.read() as session:
            self.trusted = trusted_keys(session)

    def refresh(self) -> None:
        """Reload door windows and trusted keys (after a policy or key change)."""
        with self.store.read() as session:
            self.context = load_context(session, self._performance_ids, self._door)
            self.trusted = trusted_keys(session)

    def scan(self, code: object, *, now: datetime | None = None) -> Verdict:
        scanned = read_code(code, self.trusted)  # signature check outside the write lock
        if scanned.status is VerifyStatus.UNKNOWN_KEY and self._keys_from_store:
            # A terminal enrolled since the door opened: its key came with the feed.
            self._reload_keys()
            scanned = read_code(code, self.trusted)
        # The permission is checked in the service, but a door scanning every
        # second need not re-read roles and grants each time: a refusal is
        # never cached, and a revoked permission takes effect within seconds.
        check = now is not None or time.monotonic() >= self._permission_fresh_until
        with self.store.write() as session:
            verdict = judge(
                session, self.actor, scanned, self.context, now=now, check_permission=check
            )
        if check and now is None:
            self._permission_fresh_until = time.monotonic() + PERMISSION_RECHECK_SECONDS
        return verdict
