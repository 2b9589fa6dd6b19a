"""Opening a shift and moving cash in and out of its drawer.

Every cash movement of a shift is a signed ``CashMovement`` row carrying
the shift id: the float (+), cash sales (+), refunds (−), drops to the safe
(−), pay-ins (+) and pay-outs (−). Expected drawer cash is their sum per
currency, which is float + cash in − cash out − drops by construction
(design invariant 5).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import bindparam, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from boxoffice import audit
from boxoffice.actor import Actor
from boxoffice.auth.guard import require
from boxoffice.auth.permissions import Permission
from boxoffice.clock import utc_now
from boxoffice.errors import Conflict, NotFound, ValidationError
from boxoffice.money import Money
from boxoffice.shifts import approvals, denominations, limits
from boxoffice.shifts.denominations import Count
from boxoffice.store import fast, outbox
from boxoffice.store.models import (
    CashKind,
    CashMovement,
    CountPurpose,
    Override,
    Shift,
    ShiftCount,
    ShiftStatus,
)


def find_open(session: Session, actor: Actor) -> Shift | None:
    """The actor's open shift at their terminal, if any."""
    return session.scalar(
        select(Shift).where(
            Shift.terminal == actor.terminal,
            Shift.username == actor.username,
            Shift.status == ShiftStatus.OPEN,
        )
    )


#: Built once: every sale asks twice (placing and paying).
_OPEN_SHIFT = select(Shift.id).where(
    Shift.terminal == bindparam("terminal"),
    Shift.username == bindparam("username"),
    Shift.status == ShiftStatus.OPEN,
)


def open_shift_id(session: Session, actor: Actor) -> int:
    """The id of the actor's open shift; a sale or refund without one is refused."""
    shift_id = fast.execute(  # on the sale's hot path: no ORM round
        session, _OPEN_SHIFT, {"terminal": actor.terminal, "username": actor.username}
    ).scalar()
    if shift_id is None:
        raise ValidationError("shift_not_open", user=actor.username, terminal=actor.terminal)
    return shift_id


def get_shift(session: Session, shift_id: int) -> Shift:
    shift = session.get(Shift, shift_id)
    if shift is None:
        raise NotFound("shift_not_found", shift=shift_id)
    return shift


def open_shift(
    session: Session, actor: Actor, float_count: Count, *, now: datetime | None = None
) -> Shift:
    """Open the actor's drawer with a float counted by denomination."""
    now = now or utc_now()
    require(session, actor, Permission.SHIFT_OPEN, now=now)
    counted = denominations.validate(float_count)
    if find_open(session, actor) is not None:
        raise Conflict("shift_already_open", user=actor.username, terminal=actor.terminal)
    shift = Shift(
        terminal=actor.terminal,
        user_id=actor.user_id,
        username=actor.username,
        status=ShiftStatus.OPEN,
        opened_at=now,
        closed_by="",
    )
    session.add(shift)
    try:
        session.flush()
    except IntegrityError as exc:  # another window of the same clerk was quicker
        raise Conflict("shift_already_open", user=actor.username, terminal=actor.terminal) from exc
    for currency, lines in counted.items():
        for denomination, quantity in lines.items():
            session.add(
                ShiftCount(
                    shift_id=shift.id,
                    purpose=CountPurpose.FLOAT,
                    currency=currency,
                    denomination_minor=denomination,
                    quantity=quantity,
                    counted_at=now,
                )
            )
    floats = denominations.totals(counted)
    for currency, amount in floats.items():
        session.add(_movement(shift, actor, CashKind.FLOAT, amount, currency, "opening float", now))
    audit.record(
        session,
        actor,
        "shift.open",
        f"shift:{shift.id}",
        {"float": floats, "count": _json_count(counted)},
        at=now,
    )
    # The server lists the drawers still open at the day end.
    outbox.enqueue(
        session,
        "shift_open",
        {"shift": shift.id, "user": actor.username, "opened_at": now.isoformat(), "float": floats},
        now=now,
    )
    session.flush()
    return shift


def _json_count(count: dict[str, dict[int, int]]) -> dict[str, dict[str, int]]:
    return {cur: {str(d): q for d, q in sorted(lines.items())} for cur, lines in count.items()}


def _movement(
    shift: Shift,
    actor: Actor,
    kind: CashKind,
    amount_minor: int,
    currency: str,
    reason: str,
    now: datetime,
) -> CashMovement:
    return CashMovement(
        terminal=shift.terminal,
        shift_id=shift.id,
        user_id=actor.user_id,
        kind=kind,
        amount_minor=amount_minor,
        currency=currency,
        reason=reason,
        created_at=now,
    )


def _book(session: Session, row: CashMovement) -> None:
    """Add a drop, pay-in or pay-out, and queue it for the central server's record."""
    session.add(row)
    outbox.enqueue(
        session,
        "cash_movement",
        {
            "shift": row.shift_id,
            "kind": CashKind(row.kind).value,
            "amount": row.amount_minor,
            "currency": row.currency,
            "reason": row.reason[:200],
        },
        now=row.created_at,
    )


def _must_hold(session: Session, shift: Shift, amount: Money, what: str) -> None:
    """Refuse taking out more cash than the drawer should hold, without saying how much
    it should hold (that would unblind the clerk's count)."""
    held = session.scalar(
        select(func.coalesce(func.sum(CashMovement.amount_minor), 0)).where(
            CashMovement.shift_id == shift.id, CashMovement.currency == amount.currency
        )
    )
    if amount.minor > int(held or 0):
        raise ValidationError(
            "cash_not_in_drawer", amount=amount, currency=amount.currency, movement=what
        )


def _own_open_shift(session: Session, actor: Actor) -> Shift:
    return get_shift(session, open_shift_id(session, actor))


def _positive(amount: Money, what: str) -> None:
    denominations.denominations(amount.currency)  # a currency this drawer can hold
    if amount.minor <= 0:
        raise ValidationError("cash_amount_not_positive", movement=what)


def drop(
    session: Session,
    actor: Actor,
    amount: Money,
    *,
    reason: str = "drop to the safe",
    now: datetime | None = None,
) -> CashMovement:
    """Take cash out of the drawer into the safe."""
    now = now or utc_now()
    require(session, actor, Permission.CASH_DROP, now=now)
    _positive(amount, "drop")
    shift = _own_open_shift(session, actor)
    _must_hold(session, shift, amount, "drop")
    row = _movement(shift, actor, CashKind.DROP, -amount.minor, amount.currency, reason, now)
    _book(session, row)
    audit.record(
        session,
        actor,
        "cash.drop",
        f"shift:{shift.id}",
        {"amount": amount.minor, "currency": amount.currency, "reason": reason},
        at=now,
    )
    session.flush()
    return row


def pay_in(
    session: Session, actor: Actor, amount: Money, *, reason: str, now: datetime | None = None
) -> CashMovement:
    """Cash put into the drawer that is not a sale (more change from the safe)."""
    now = now or utc_now()
    require(session, actor, Permission.CASH_DROP, now=now)
    _positive(amount, "pay-in")
    if not reason.strip():
        raise ValidationError("cash_reason_needed", movement="pay-in")
    shift = _own_open_shift(session, actor)
    row = _movement(shift, actor, CashKind.PAY_IN, amount.minor, amount.currency, reason, now)
    _book(session, row)
    audit.record(
        session,
        actor,
        "cash.pay_in",
        f"shift:{shift.id}",
        {"amount": amount.minor, "currency": amount.currency, "reason": reason},
        at=now,
    )
    session.flush()
    return row


def pay_out(
    session: Session,
    actor: Actor,
    amount: Money,
    *,
    reason: str,
    overrides: Sequence[Override] = (),
    now: datetime | None = None,
) -> CashMovement:
    """Cash paid out of the drawer (a taxi for the artist); large ones need a supervisor."""
    now = now or utc_now()
    require(session, actor, Permission.CASH_DROP, now=now)
    _positive(amount, "pay-out")
    if not reason.strip():
        raise ValidationError("cash_reason_needed", movement="pay-out")
    shift = _own_open_shift(session, actor)
    _must_hold(session, shift, amount, "pay-out")
    limit = limits.payout_limit(session, amount.currency)
    if amount > limit:
        approvals.require(
            session,
            actor,
            Permission.CASH_PAYOUT_LARGE,
            subject=f"shift:{shift.id}",
            overrides=overrides,
            now=now,
        )
    row = _movement(shift, actor, CashKind.PAY_OUT, -amount.minor, amount.currency, reason, now)
    _book(session, row)
    audit.record(
        session,
        actor,
        "cash.pay_out",
        f"shift:{shift.id}",
        {
            "amount": amount.minor,
            "currency": amount.currency,
            "reason": reason,
            "over_limit": amount > limit,
        },
        at=now,
    )
    session.flush()
    return row
