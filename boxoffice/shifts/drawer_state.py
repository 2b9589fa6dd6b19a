"""What the Cash screen shows about drawers, and nothing they should hold.

The blind count (``close.count_cash``) only works if no screen shows the
expected cash before the count is stored. So this read model carries who
opened a drawer and when, which currencies it holds, the drops, pay-ins and
pay-outs made (the clerk did those and knows them), and what was counted;
never the float, the takings or any sum of movements. The X report is the
one place with running figures, and it needs ``report_x``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from boxoffice import settings
from boxoffice.actor import Actor
from boxoffice.auth import grants
from boxoffice.auth.permissions import Permission
from boxoffice.clock import utc_now
from boxoffice.money import Money
from boxoffice.shifts import close
from boxoffice.shifts.business_day import report_timezone
from boxoffice.shifts.denominations import DENOMINATIONS
from boxoffice.store.models import (
    CashKind,
    CashMovement,
    Payment,
    Shift,
    ShiftStatus,
    TenderKind,
    User,
    Venue,
)

#: Card schemes offered when typing in the card terminal's batch totals.
COMMON_SCHEMES = ("VISA", "MASTERCARD", "MAESTRO", "AMEX", "UNIONPAY", "JCB", "DISCOVER", "DINERS")
#: Drawer movements a clerk makes by hand and may see listed.
SHOWN_KINDS = (CashKind.DROP, CashKind.PAY_IN, CashKind.PAY_OUT)


@dataclass(frozen=True)
class Movement:
    """A drop, pay-in or pay-out, signed as it changed the drawer."""

    kind: str  # "drop", "pay_in", "pay_out"
    amount: Money
    reason: str
    at: datetime
    by: str


@dataclass(frozen=True)
class DrawerState:
    """One open shift as the Cash screen may show it."""

    shift_id: int
    terminal: str
    username: str
    display_name: str
    opened_at: datetime
    #: Currencies the drawer holds (float and cash movements), to count each.
    currencies: tuple[str, ...]
    #: Card schemes the shift took (names only), to offer in the batch entry.
    schemes: tuple[str, ...]
    counted_at: datetime | None
    #: What the blind count found, per currency (only once it is stored).
    counted: dict[str, int]
    movements: tuple[Movement, ...]


@dataclass(frozen=True)
class CashRights:
    """What the signed-in user may do without an override (to show or hide controls)."""

    open_shift: bool = False
    cash_drop: bool = False
    payout_large: bool = False
    close_shift: bool = False
    signoff: bool = False
    report_x: bool = False
    report_z: bool = False


@dataclass(frozen=True)
class CashDesk:
    """Everything the Cash screen needs, read in one job."""

    rights: CashRights
    #: The user's own open shift at this terminal, if any.
    mine: DrawerState | None
    #: Open shifts at this terminal the user may close or see: their own, and for
    #: a supervisor (``report_z`` or ``report_x``) everyone's.
    shifts: tuple[DrawerState, ...]
    float_currencies: tuple[str, ...]
    timezone: str
    today: date


def rights(session: Session, actor: Actor, now: datetime | None = None) -> CashRights:
    if actor.user_id is None:
        held = set(Permission)
    else:
        held = set(grants.effective_permissions(session, actor.user_id, now or utc_now()))
    return CashRights(
        open_shift=Permission.SHIFT_OPEN in held,
        cash_drop=Permission.CASH_DROP in held,
        payout_large=Permission.CASH_PAYOUT_LARGE in held,
        close_shift=Permission.SHIFT_CLOSE in held,
        signoff=Permission.VARIANCE_SIGNOFF in held,
        report_x=Permission.REPORT_X in held,
        report_z=Permission.REPORT_Z in held,
    )


def float_currencies(session: Session) -> tuple[str, ...]:
    """Currencies a float may be counted in: ``shifts.currency`` if set, else the venues'.

    ``shifts.currency`` may list several (``EUR,CHF``); the first is the default.
    Only currencies with notes and coins configured are offered.
    """
    configured = settings.find(session, "shifts.currency")
    if configured:
        wanted = [c.strip().upper() for c in configured.split(",") if c.strip()]
    else:
        wanted = list(session.scalars(select(Venue.currency).order_by(Venue.id)))
    out: list[str] = []
    for currency in wanted:
        if currency in DENOMINATIONS and currency not in out:
            out.append(currency)
    return tuple(out) or tuple(DENOMINATIONS)


def drawer_state(session: Session, shift: Shift, order: Sequence[str] | None = None) -> DrawerState:
    """``order``: currencies to list first (the venue's), the rest alphabetically."""
    user = session.get(User, shift.user_id) if shift.user_id is not None else None
    currencies = session.scalars(
        select(CashMovement.currency).where(CashMovement.shift_id == shift.id).distinct()
    ).all()
    schemes = session.scalars(
        select(Payment.card_scheme)
        .where(Payment.shift_id == shift.id, Payment.kind == TenderKind.CARD)
        .distinct()
    ).all()
    names = dict(session.execute(select(User.id, User.username)).all())
    movements = tuple(
        Movement(
            CashKind(m.kind).value,
            Money(m.amount_minor, m.currency),
            m.reason,
            m.created_at,
            names.get(m.user_id, "") if m.user_id is not None else "",
        )
        for m in session.scalars(
            select(CashMovement)
            .where(CashMovement.shift_id == shift.id, CashMovement.kind.in_(SHOWN_KINDS))
            .order_by(CashMovement.created_at, CashMovement.id)
        )
    )
    counted = {
        cur: sum(d * q for d, q in lines.items())
        for cur, lines in close.stored_count(session, shift.id).items()
    }
    return DrawerState(
        shift_id=shift.id,
        terminal=shift.terminal,
        username=shift.username,
        display_name=(user.display_name if user is not None else "") or shift.username,
        opened_at=shift.opened_at,
        currencies=tuple(sorted(currencies, key=lambda c: (_rank(order or (), c), c))),
        schemes=tuple(sorted({s.upper() for s in schemes if s})),
        counted_at=shift.counted_at,
        counted=counted if shift.counted_at is not None else {},
        movements=movements,
    )


def _rank(order: Sequence[str], currency: str) -> int:
    return order.index(currency) if currency in order else len(order)


def open_shifts(session: Session, terminal: str) -> Sequence[Shift]:
    return session.scalars(
        select(Shift)
        .where(Shift.terminal == terminal, Shift.status == ShiftStatus.OPEN)
        .order_by(Shift.opened_at, Shift.id)
    ).all()


def load(session: Session, actor: Actor, now: datetime | None = None) -> CashDesk:
    """The Cash screen's view of this terminal for ``actor``."""
    now = now or utc_now()
    may = rights(session, actor, now)
    shifts = [
        s
        for s in open_shifts(session, actor.terminal)
        if s.username == actor.username or may.report_z or may.report_x
    ]
    currencies = float_currencies(session)
    states = tuple(drawer_state(session, s, currencies) for s in shifts)
    mine = next((s for s in states if s.username == actor.username), None)
    tz = report_timezone(session)
    return CashDesk(
        rights=may,
        mine=mine,
        shifts=states,
        float_currencies=currencies,
        timezone=tz.key,
        today=now.astimezone(tz).date(),
    )
