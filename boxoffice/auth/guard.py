"""The one place services check permissions (design invariant 7).

Every service that performs a guarded action calls ``require`` inside its
own transaction, before changing anything; hiding a button in the UI is a
convenience on top (``has_permission``), never the check itself.

An action is allowed when the actor is the system actor (admin CLI), when
the user's role or an unexpired grant gives the permission, or when a
supervisor override for exactly this permission, this user, this terminal
(and this subject, if the override names one) is passed and still unused.
The override is then consumed in the caller's transaction: if the action
fails and rolls back, the override stays unused and can be tried again.

Refusals say what would help: ``NeedsOverride(permission, subject=...)``
when a supervisor's override would allow the action (the caller asks for
one and retries), a plain ``PermissionDenied`` with the user, role and
permission when no override can (an administrator must change the role, or
the override given is unusable, its ``code`` saying why).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from sqlalchemy import update
from sqlalchemy.orm import Session

from boxoffice import audit
from boxoffice.actor import Actor
from boxoffice.auth import access
from boxoffice.auth.permissions import ROLE_PERMISSIONS, Permission, parse_permission
from boxoffice.clock import utc_now
from boxoffice.errors import NeedsOverride, PermissionDenied
from boxoffice.store.models import Override, User

#: A supervisor's override is for the action at hand, not for later.
OVERRIDE_VALID_FOR = timedelta(minutes=10)


def override_for(overrides: Sequence[Override], permission: Permission) -> Override | None:
    """The override among ``overrides`` given for ``permission``, if any."""
    return next((o for o in overrides if o.permission == permission.value), None)


def check(
    session: Session,
    actor: Actor,
    permission: Permission,
    *,
    subject: str = "",
    overrides: Sequence[Override] = (),
    now: datetime | None = None,
) -> None:
    """Raise as ``require`` would, without using the override up.

    For actions that must ask a device first (a card refund on the terminal):
    refuse before any money moves; ``require`` consumes the override later,
    in the transaction that books the action.
    """
    if actor.user_id is None:
        return
    now = now or utc_now()
    if permission in access.effective_permissions(session, actor.user_id, now):
        return
    override = override_for(overrides, permission)
    if override is None:
        raise _denied(session, actor, permission, subject)
    who, active = _who(session, actor)
    if not active:
        raise PermissionDenied("permission_denied_inactive", permission=permission.value, **who)
    problem = _override_problem(session.get(Override, override.id), actor, permission, subject, now)
    if problem is not None:
        raise _refused(session, actor, permission, problem)


def has_permission(
    session: Session, actor: Actor, permission: Permission | str, now: datetime | None = None
) -> bool:
    """Whether ``actor`` may do this without an override (for the UI to show or hide)."""
    perm = parse_permission(permission)
    if actor.user_id is None:  # the system actor
        return True
    return perm in access.effective_permissions(session, actor.user_id, now or utc_now())


def _who(session: Session, actor: Actor) -> tuple[dict[str, str], bool]:
    """The acting user as a refusal names them (``user``, ``role``), and whether active."""
    user = session.get(User, actor.user_id)
    if user is None:
        return {"user": actor.username, "role": ""}, False
    return {"user": user.username, "role": user.role.name}, user.active


def _denied(
    session: Session, actor: Actor, perm: Permission, subject: str = ""
) -> PermissionDenied:
    """The refusal when no override was given: ask a supervisor, if one could help."""
    who, active = _who(session, actor)
    if not active:
        code = "permission_denied_inactive" if who["role"] else "permission_denied_unknown_user"
        return PermissionDenied(code, permission=perm.value, **who)
    if perm in ROLE_PERMISSIONS["supervisor"]:
        return NeedsOverride(perm.value, subject=subject, **who)
    return PermissionDenied("permission_denied_ask_admin", permission=perm.value, **who)


def _refused(
    session: Session, actor: Actor, perm: Permission, problem: tuple[str, dict[str, object]]
) -> PermissionDenied:
    """The refusal when the override given cannot authorise this action."""
    code, params = problem
    who, _active = _who(session, actor)
    return PermissionDenied(code, permission=perm.value, **who, **params)


def _override_problem(
    stored: Override | None, actor: Actor, perm: Permission, subject: str, now: datetime
) -> tuple[str, dict[str, object]] | None:
    """Why this override cannot authorise this action (code, params), or ``None`` if it can."""
    if stored is None:
        return "override_missing", {}
    if stored.used_at is not None:
        return "override_used", {}
    if stored.permission != perm.value:
        return "override_other_permission", {"given": stored.permission}
    if stored.for_user_id != actor.user_id:
        return "override_other_user", {}
    if stored.terminal != actor.terminal:
        return "override_other_terminal", {}
    if stored.subject and stored.subject != subject:
        return "override_other_subject", {"given": stored.subject, "subject": subject}
    if now - stored.created_at > OVERRIDE_VALID_FOR:
        minutes = int(OVERRIDE_VALID_FOR.total_seconds() // 60)
        return "override_expired", {"minutes": minutes}
    return None


def require(
    session: Session,
    actor: Actor,
    permission: Permission | str,
    *,
    subject: str = "",
    override: Override | None = None,
    overrides: Sequence[Override] = (),
    now: datetime | None = None,
) -> None:
    """Return if ``actor`` may do this now; otherwise raise NeedsOverride or PermissionDenied.

    ``overrides`` are the supervisor overrides the clerk holds for this
    action; the one for ``permission`` (if any) is the one considered.

    ``subject`` names what the action is about (e.g. "order:1042"); it must
    match the override's subject when the supervisor named one. A usable
    override is marked used and audited "override.used" in this session.
    An override is only consumed when it is needed.
    """
    perm = parse_permission(permission)
    if actor.user_id is None:  # the system actor
        return
    now = now or utc_now()
    if perm in access.effective_permissions(session, actor.user_id, now):
        return
    override = override or override_for(overrides, perm)
    if override is None:
        raise _denied(session, actor, perm, subject)
    who, active = _who(session, actor)
    if not active:
        raise PermissionDenied("permission_denied_inactive", permission=perm.value, **who)
    # Read the override afresh: the object passed in may be stale or detached.
    stored = session.get(Override, override.id, populate_existing=True)
    problem = _override_problem(stored, actor, perm, subject, now)
    if problem is not None:
        raise _refused(session, actor, perm, problem)
    assert stored is not None
    claimed = session.execute(
        update(Override)
        .where(Override.id == stored.id, Override.used_at.is_(None))
        .values(used_at=now)
        .execution_options(synchronize_session="fetch")
    )
    if claimed.rowcount != 1:  # someone used it between our read and now
        raise _refused(session, actor, perm, ("override_used", {}))
    supervisor = session.get(User, stored.supervisor_id)
    audit.record(
        session,
        actor,
        "override.used",
        subject or stored.subject,
        {
            "override_id": stored.id,
            "permission": perm.value,
            "supervisor": supervisor.username if supervisor else str(stored.supervisor_id),
            "for_user": actor.username,
        },
        at=now,
    )
