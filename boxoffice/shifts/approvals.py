"""Refusals a supervisor could lift, raised as ``NeedsOverride`` with what they are about.

``guard.require`` answers yes or no; the drawer's guarded steps (a large
pay-out, a recount, a variance sign-off, someone else's Z slip) need the
caller to learn *which* approval would let the step through, so the screen
can ask a supervisor and retry with the override, without querying again.
``require`` here raises ``NeedsOverride(permission, subject=...)`` when the
actor lacks a supervisor's permission and holds no override for it, and
otherwise leaves the decision (and the override's consumption) to the guard.

``VarianceNeedsSignoff`` is the close refused because a variance is over the
threshold and nobody has signed it off yet: it names the tender and the
variance, and asks for ``variance_signoff`` with a reason.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from boxoffice.actor import Actor
from boxoffice.auth import guard
from boxoffice.auth.permissions import ROLE_PERMISSIONS, Permission, parse_permission
from boxoffice.errors import BoxOfficeError, NeedsOverride
from boxoffice.money import Money
from boxoffice.store.models import Override


class VarianceNeedsSignoff(NeedsOverride):
    """A variance over the threshold: a supervisor signs it off with a reason."""

    def __init__(self, *, subject: str, tender: str, variance: Money, **params: Any) -> None:
        BoxOfficeError.__init__(
            self,
            "shift_variance_over_limit",
            permission=Permission.VARIANCE_SIGNOFF.value,
            subject=subject,
            tender=tender,
            variance=variance,
            **params,
        )


def require(
    session: Session,
    actor: Actor,
    permission: Permission | str,
    *,
    subject: str = "",
    overrides: Sequence[Override] = (),
    now: datetime | None = None,
) -> None:
    """``guard.require``; a supervisor's permission missing and no override: ``NeedsOverride``."""
    perm = parse_permission(permission)
    if (
        actor.user_id is not None
        and guard.override_for(overrides, perm) is None
        and perm in ROLE_PERMISSIONS["supervisor"]
        and not guard.has_permission(session, actor, perm, now)
    ):
        raise NeedsOverride(perm.value, subject=subject)
    guard.require(session, actor, perm, subject=subject, overrides=overrides, now=now)
