"""Permissions lent to one user for a while ("Ann may refund until 18:00").

A grant is the standing alternative to a supervisor typing their PIN for
every refund during a rush. It always expires, can be revoked early, and a
grantor can only lend what their own role gives them, so nobody can hand
out more authority than they hold.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from boxoffice import audit
from boxoffice.actor import Actor
from boxoffice.auth import guard, users
from boxoffice.auth.access import active_grants, effective_permissions, role_permissions
from boxoffice.auth.permissions import Permission, parse_permission
from boxoffice.clock import utc_now
from boxoffice.errors import Conflict, NotFound, PermissionDenied, ValidationError
from boxoffice.store.models import Grant, User


def grant(
    session: Session,
    actor: Actor,
    username: str,
    permission: Permission | str,
    expires_at: datetime,
    reason: str,
    *,
    now: datetime | None = None,
) -> Grant:
    """Lend ``permission`` to ``username`` until ``expires_at``; audited "grant".

    Needs Permission.grant. A grantor may only lend a permission their own
    role gives them (lent permissions cannot be lent on); the system actor
    may lend anything.
    """
    now = now or utc_now()
    perm = parse_permission(permission)
    reason = reason.strip()
    if expires_at.tzinfo is None or expires_at.utcoffset() is None:
        raise ValidationError("grant_expiry_needs_time_zone")
    if expires_at <= now:
        raise ValidationError("grant_expiry_past")
    if not reason:
        raise ValidationError("grant_needs_reason")
    guard.require(session, actor, Permission.GRANT, now=now)
    if not actor.is_system:
        grantor = session.get(User, actor.user_id)
        if grantor is None or perm not in role_permissions(grantor):
            raise PermissionDenied(
                "grant_beyond_own_role", user=actor.username, permission=perm.value
            )
    user = users.get_user(session, username)
    if not user.active:
        raise ValidationError("grant_user_deactivated", username=user.username)
    if perm in role_permissions(user):
        raise ValidationError(
            "grant_not_needed", role=user.role.name, username=user.username, permission=perm.value
        )
    row = Grant(
        user_id=user.id,
        permission=perm.value,
        expires_at=expires_at,
        granted_by=actor.username,
        reason=reason,
        created_at=now,
    )
    session.add(row)
    session.flush()
    audit.record(
        session,
        actor,
        "grant",
        f"user:{user.username}",
        {
            "grant_id": row.id,
            "permission": perm.value,
            "expires_at": expires_at,
            "reason": reason,
        },
    )
    return row


def revoke_grant(
    session: Session, actor: Actor, grant_id: int, *, now: datetime | None = None
) -> Grant:
    """End a grant before it expires; audited "grant.revoke". Needs Permission.grant."""
    now = now or utc_now()
    guard.require(session, actor, Permission.GRANT, now=now)
    row = session.get(Grant, grant_id)
    if row is None:
        raise NotFound("grant_not_found", grant=grant_id)
    if row.revoked_at is not None:
        raise Conflict("grant_already_revoked", grant=grant_id)
    row.revoked_at = now
    session.flush()
    audit.record(
        session,
        actor,
        "grant.revoke",
        f"user:{row.user.username}",
        {"grant_id": row.id, "permission": row.permission},
    )
    return row


def list_grants(
    session: Session, username: str, *, now: datetime | None = None, include_past: bool = False
) -> list[Grant]:
    """A user's grants: only those in force at ``now`` unless ``include_past``."""
    user = users.get_user(session, username)
    if not include_past:
        return active_grants(session, user.id, now)
    return list(session.scalars(select(Grant).where(Grant.user_id == user.id).order_by(Grant.id)))


__all__ = [
    "active_grants",
    "effective_permissions",
    "grant",
    "list_grants",
    "revoke_grant",
    "role_permissions",
]
