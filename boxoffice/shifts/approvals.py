"""Whether a refused drawer action is waiting for a supervisor, so the UI can ask for one.

``drawer.pay_out`` refuses a large pay-out with ``PermissionDenied`` and
``close.close_shift`` refuses a large variance with ``ValidationError``; the
messages are for people. These answer the yes/no question a screen needs
("ask a supervisor and try again?") from the same rules, without telling the
caller any expected figure: ``close_needs_signoff`` only answers once the
blind count is on record.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from sqlalchemy.orm import Session

from boxoffice.actor import Actor
from boxoffice.auth.guard import has_permission
from boxoffice.auth.permissions import Permission
from boxoffice.clock import utc_now
from boxoffice.money import Money
from boxoffice.shifts import close, limits
from boxoffice.shifts.drawer import get_shift
from boxoffice.shifts.figures import compute
from boxoffice.store.models import ShiftStatus


def payout_needs_approval(session: Session, actor: Actor, amount: Money) -> bool:
    """A pay-out above the limit by someone who may not make large ones."""
    if amount <= limits.payout_limit(session, amount.currency):
        return False
    return not has_permission(session, actor, Permission.CASH_PAYOUT_LARGE)


def close_needs_signoff(
    session: Session,
    shift_id: int,
    vouchers_counted: Mapping[str, int] | None = None,
    now: datetime | None = None,
) -> bool:
    """A counted, open shift whose variance in some tender is over the threshold.

    The same test as ``close.close_shift`` makes; False before the count.
    """
    shift = get_shift(session, shift_id)
    if shift.status != ShiftStatus.OPEN or shift.counted_at is None:
        return False
    figures = compute(session, shift, now or utc_now())
    content = close.report_content(
        session,
        figures,
        kind="Z",
        counted=close.stored_count(session, shift_id),
        vouchers_counted=vouchers_counted,
    )
    return bool(close.over_threshold(session, content["reconciliation"]))
