"""No sale: open the cash drawer without a transaction (to give change, check a note).

A drawer opened without money changing hands is where cash goes missing,
so it needs the ``no_sale`` permission (or a supervisor's override), a
reason, and an audit entry. This service only records it; the op that
commits it (``ops.cash.no_sale``, ``ops.devices.drawer_test``) opens the
terminal's drawer afterwards, so the drawer never opens for a no-sale that
was rolled back.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy.orm import Session

from boxoffice import audit
from boxoffice.actor import Actor
from boxoffice.auth.guard import require
from boxoffice.auth.permissions import Permission
from boxoffice.clock import utc_now
from boxoffice.errors import ValidationError
from boxoffice.store.models import Override

MAX_REASON = 200


def no_sale(
    session: Session,
    actor: Actor,
    reason: str,
    *,
    overrides: Sequence[Override] = (),
    now: datetime | None = None,
) -> None:
    """Record a no-sale (checked and audited); the caller opens the drawer after the commit."""
    now = now or utc_now()
    reason = reason.strip()
    if not reason:
        raise ValidationError("no_sale_needs_reason")
    if len(reason) > MAX_REASON:
        raise ValidationError("no_sale_reason_too_long", limit=MAX_REASON)
    require(session, actor, Permission.NO_SALE, overrides=overrides, now=now)
    audit.record(session, actor, "drawer.no_sale", "drawer", {"reason": reason}, at=now)
