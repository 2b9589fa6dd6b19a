"""A supervisor authorising one action for the clerk at the terminal.

The supervisor walks over, types their username and PIN on the clerk's
terminal, and names a reason; the result is an ``Override`` that lets this
clerk, at this terminal, do this one thing once (``guard.require`` consumes
it). The supervisor's PIN is checked exactly like a sign-in: wrong PINs
count towards the supervisor's lockout.

API contract: like ``login.login``, ``authorise_override`` takes the
``Store`` and runs its own write transaction, so a wrong PIN (and any
refusal) is committed to the lockout counter and the audit log before the
error is raised. Call it outside any open write transaction, then pass the
returned override to the service that performs the action.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from boxoffice import audit
from boxoffice.actor import Actor
from boxoffice.auth import access
from boxoffice.auth.login import check_credentials
from boxoffice.auth.permissions import Permission, parse_permission
from boxoffice.clock import utc_now
from boxoffice.errors import BoxOfficeError, PermissionDenied, ValidationError
from boxoffice.store import Store
from boxoffice.store.models import Override, User

REASON_MAX = 200
SUBJECT_MAX = 200


def authorise_override(
    store: Store,
    actor: Actor,
    supervisor_username: str,
    supervisor_secret: str,
    permission: Permission | str,
    subject: str = "",
    reason: str = "",
    *,
    now: datetime | None = None,
) -> Override:
    """Check the supervisor and record a single-use override for ``actor``.

    Raises (after committing the attempt): AuthenticationFailed for a wrong
    or locked supervisor; PermissionDenied when the supervisor may not do
    the action themselves; ValidationError for a missing reason (checked
    before the PIN, changing nothing). Audited "override.granted" with both
    names, or "override.refused" with the refusal's code and parameters
    (``why``, ``why_params``: the audit text renders them in any language).
    """
    now = now or utc_now()
    perm = parse_permission(permission)
    reason = reason.strip()
    subject = subject.strip()
    if actor.is_system:
        raise ValidationError("override_system_actor")
    if not reason:
        raise ValidationError("override_needs_reason")
    if len(reason) > REASON_MAX:
        raise ValidationError("override_reason_too_long", max=REASON_MAX)
    if len(subject) > SUBJECT_MAX:
        raise ValidationError("override_subject_too_long", max=SUBJECT_MAX)

    error: BoxOfficeError | None = None
    override: Override | None = None
    with store.write() as session:
        check = check_credentials(
            session,
            supervisor_username,
            supervisor_secret,
            actor.terminal,
            now=now,
            purpose="override",
            requested_by=actor,
        )
        supervisor = check.user
        if check.error is not None or supervisor is None:
            error = check.error
        else:
            error = _refusal(session, actor, supervisor, perm, now)
            sup_actor = Actor(supervisor.id, supervisor.username, actor.terminal)
            details = {
                "supervisor": supervisor.username,
                "for_user": actor.username,
                "permission": perm.value,
                "reason": reason,
            }
            if error is not None:
                audit.record(
                    session,
                    sup_actor,
                    "override.refused",
                    subject,
                    {**details, "why": error.code, "why_params": error.params},
                )
            else:
                override = Override(
                    permission=perm.value,
                    subject=subject,
                    for_user_id=actor.user_id,
                    supervisor_id=supervisor.id,
                    reason=reason,
                    terminal=actor.terminal,
                    created_at=now,
                    used_at=None,
                )
                session.add(override)
                session.flush()
                audit.record(
                    session,
                    sup_actor,
                    "override.granted",
                    subject,
                    {**details, "override_id": override.id},
                )
    if error is not None:
        raise error
    assert override is not None
    return override


def _refusal(
    session: Session, actor: Actor, supervisor: User, perm: Permission, now: datetime
) -> BoxOfficeError | None:
    """Why ``supervisor`` may not authorise ``perm`` for ``actor``, or ``None``.

    The supervisor's role must allow the action: a permission lent by a grant
    lets its holder act, not vouch for others.
    """
    if supervisor.id == actor.user_id:
        return ValidationError("override_own_action")
    if session.get(User, actor.user_id) is None:
        return ValidationError("override_user_missing", user=actor.username)
    if perm not in access.role_permissions(supervisor):
        return PermissionDenied(
            "override_supervisor_may_not",
            role=supervisor.role.name,
            user=supervisor.username,
            permission=perm.value,
        )
    return None
