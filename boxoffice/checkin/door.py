"""Scan to verdict at a door: offline, from the local store and trusted public keys only.

``read_code`` does the pure part (what was scanned, is the signature good)
outside the store's write lock; ``judge`` looks the ticket up, decides, and
records the scan, the movement and its outbox operation in one transaction,
so two scans of one ticket at one terminal can never both admit. Other
doors' admissions and revocations arrive through the change feed
(``store.door_feed``).

Checks, in order: readable → genuine (trusted key, signature) → revoked
(refund, void, exchange, reprint) or unpaid → for one of this door's
performances (else wrong performance of the same show, or wrong event) →
inside the door window → not admitted yet (or re-entry allowed).
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from boxoffice import audit
from boxoffice.actor import Actor
from boxoffice.auth.guard import require
from boxoffice.auth.permissions import Permission
from boxoffice.checkin import attention, order_codes
from boxoffice.checkin.context import DoorContext, load_context
from boxoffice.checkin.facts import (
    ROW_BY_SERIAL,
    facts_from_claim,
    facts_from_row,
    read_row,
    refusal,
    row_of,
    run,
)
from boxoffice.checkin.presence import admission_body, move
from boxoffice.checkin.reader import SERIAL, Scanned, read_code
from boxoffice.checkin.verdicts import Outcome, Reason, Reasons, Verdict
from boxoffice.clock import utc_now
from boxoffice.sales.barcodes import TrustedKeys, VerifyStatus
from boxoffice.sales.signer import trusted_keys
from boxoffice.store import Store
from boxoffice.store.door_feed import bump_inside, inside_count
from boxoffice.store.models import DoorScan, Order, OrderStatus

__all__ = [
    "SERIAL",
    "Door",
    "DoorContext",
    "Scanned",
    "admission_body",
    "bump_inside",
    "check_in",
    "inside_count",
    "judge",
    "load_context",
    "read_code",
]

#: How long a door trusts a successful permission check before it checks again.
PERMISSION_RECHECK_SECONDS = 5.0
_SCAN_INSERT = insert(DoorScan.__table__)


def _judge_order(
    session: Session, actor: Actor, ctx: DoorContext, claim: order_codes.OrderClaim, now: datetime
) -> Verdict:
    order = session.scalar(select(Order).where(Order.uuid == claim.order_uuid))
    if order is None:
        return Verdict(Outcome.NOT_FOUND, Reason("checkin_order_not_here"))
    if order.status in (OrderStatus.PENDING, OrderStatus.RESERVED):
        return Verdict(Outcome.UNPAID, Reason("checkin_order_unpaid", {"order": order.number}))
    if order.status != OrderStatus.PAID:
        return Verdict(
            Outcome.REVOKED,
            Reason("checkin_order_revoked", {"order": order.number, "status": order.status.value}),
            revoked_because=order.status.value,
        )
    admitted: list[Verdict] = []
    refused: list[Verdict] = []
    for ticket in order.tickets:
        facts = facts_from_row(row_of(ticket))
        refused_because = refusal(session, ctx, facts, now)
        verdict = refused_because or move(
            session, actor, ctx, facts, now, allow_exit=False, order_uuid=order.uuid
        )
        (admitted if verdict.admit else refused).append(verdict)
    details = Reasons(v.why for v in refused)
    if admitted:
        count = len(admitted)
        params = {"order": order.number, "count": count, "total": len(order.tickets)}
        why = (
            Reason(
                "checkin_order_admitted_some",
                {**params, "refused": len(refused), "details": details},
            )
            if refused
            else Reason("checkin_order_admitted", params)
        )
        return Verdict(
            Outcome.ADMITTED,
            why,
            performance_id=admitted[0].performance_id,
            notes=attention.combine(*(n for v in admitted for n in v.notes)),
            admitted_count=count,
            inside=admitted[-1].inside,
            details=tuple(
                Reason("checkin_ticket_outcome", {"ticket": v.serial, "outcome": v.outcome.value})
                for v in admitted
            )
            + details,
        )
    outcomes = [v.outcome for v in refused]
    for preferred in (Outcome.ALREADY_ADMITTED, Outcome.NOT_YET_OPEN, Outcome.EXPIRED):
        if preferred in outcomes:
            first = refused[outcomes.index(preferred)]
            break
    else:
        first = (
            refused[0]
            if refused
            else Verdict(Outcome.NOT_FOUND, Reason("checkin_order_no_tickets"))
        )
    return Verdict(
        first.outcome,
        Reason("checkin_order_none_admitted", {"order": order.number, "details": details}),
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
            row = read_row(session, ROW_BY_SERIAL, serial=scanned.serial)
            if row is None or row.serial is None:
                verdict = Verdict(
                    Outcome.NOT_FOUND, Reason("checkin_serial_not_here", {"serial": scanned.serial})
                )
                _record(session, actor, ctx, scanned, verdict, now)
                return verdict
            facts = facts_from_row(row)
        else:
            assert scanned.claim is not None
            facts = facts_from_claim(session, scanned.claim)
        verdict = refusal(session, ctx, facts, now) or move(session, actor, ctx, facts, now)
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
    run(
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
