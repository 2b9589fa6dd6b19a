"""Signing in with a username and a PIN or password, with lockout.

API contract — why there are two entry points
---------------------------------------------
A wrong PIN must count towards the lockout even though the sign-in fails.
If the check raised inside the caller's ``with store.write()`` block, the
transaction would roll back and the counter with it, so a guesser could try
forever. Therefore:

* ``login(store, username, secret, terminal)`` is what the UI calls. It opens
  its own write transaction, records the attempt (counter, lock, audit),
  COMMITS, and only then raises ``AuthenticationFailed`` — or returns the
  signed-in ``Actor``. Call it outside any open write transaction.
* ``authenticate(session, ...)`` is the same check inside a transaction the
  caller owns. It never raises for bad credentials; it returns a
  ``LoginOutcome`` whose ``error`` the caller must raise only AFTER the
  transaction has committed (``outcome.actor_or_raise()``).

The rules: 5 wrong secrets in a row lock the user for 5 minutes; while
locked even the right secret is refused, with a message saying until when;
success resets the counter. An unknown username and a wrong secret give the
same message (no user enumeration), and both are audited.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from boxoffice import audit
from boxoffice.actor import Actor
from boxoffice.auth import secrets as auth_secrets
from boxoffice.clock import utc_now
from boxoffice.errors import AuthenticationFailed
from boxoffice.store import Store
from boxoffice.store.models import User

MAX_FAILED_ATTEMPTS = 5
LOCKOUT = timedelta(minutes=5)
WRONG_CREDENTIALS = "Wrong username or PIN/password."

#: The actor recorded for attempts on a username that does not exist.
UNKNOWN_USERNAME = "(unknown)"


@dataclass(frozen=True)
class LoginOutcome:
    """The result of one sign-in attempt; commit first, then act on it."""

    actor: Actor | None
    error: AuthenticationFailed | None

    @property
    def ok(self) -> bool:
        return self.error is None

    def actor_or_raise(self) -> Actor:
        """The signed-in actor, or raise the failure (call after the commit)."""
        if self.error is not None:
            raise self.error
        assert self.actor is not None
        return self.actor


@dataclass(frozen=True)
class CredentialCheck:
    """Internal result shared by sign-in and supervisor overrides."""

    user: User | None
    error: AuthenticationFailed | None


def find_user(session: Session, username: str) -> User | None:
    """The user whose name matches ``username`` ignoring case, or ``None``."""
    return session.scalar(select(User).where(func.lower(User.username) == username.lower()))


def _until_text(when: datetime) -> str:
    return when.astimezone(UTC).strftime("%H:%M:%S UTC")


def check_credentials(
    session: Session,
    username: str,
    secret: str,
    terminal: str,
    *,
    now: datetime,
    purpose: str = "login",
    requested_by: Actor | None = None,
) -> CredentialCheck:
    """Verify a user's secret, updating the lockout state and auditing failures.

    Changes the session (counter, lock, audit) whatever the outcome; the
    caller must commit before raising ``error``. ``purpose`` is "login" or
    "override"; for an override, ``requested_by`` is the signed-in clerk,
    recorded as the actor of the audit entries.
    """
    details_base: dict[str, str] = {"purpose": purpose}
    user = find_user(session, username)
    if user is None:
        auth_secrets.burn_verify(secret)
        who = requested_by or Actor(None, UNKNOWN_USERNAME, terminal)
        audit.record(
            session,
            who,
            "login.failed",
            f"user:{username[:40]}",
            {**details_base, "reason": "unknown user"},
        )
        return CredentialCheck(None, AuthenticationFailed("wrong_credentials"))

    who = requested_by or Actor(user.id, user.username, terminal)
    subject = f"user:{user.username}"
    if user.locked_until is not None:
        if user.locked_until > now:
            audit.record(
                session,
                who,
                "login.refused",
                subject,
                {**details_base, "reason": "locked", "locked_until": user.locked_until},
            )
            return CredentialCheck(
                None,
                AuthenticationFailed(
                    "user_locked", user=user.username, until=_until_text(user.locked_until)
                ),
            )
        user.locked_until = None

    if not auth_secrets.verify_secret(user.secret_hash, secret):
        user.failed_attempts = (user.failed_attempts or 0) + 1
        audit.record(
            session,
            who,
            "login.failed",
            subject,
            {**details_base, "reason": "wrong secret", "attempt": user.failed_attempts},
        )
        if user.failed_attempts >= MAX_FAILED_ATTEMPTS:
            user.locked_until = now + LOCKOUT
            user.failed_attempts = 0
            audit.record(
                session,
                who,
                "login.locked",
                subject,
                {**details_base, "locked_until": user.locked_until},
            )
            return CredentialCheck(
                None,
                AuthenticationFailed(
                    "wrong_credentials_locked",
                    user=user.username,
                    until=_until_text(user.locked_until),
                ),
            )
        return CredentialCheck(None, AuthenticationFailed("wrong_credentials"))

    # The secret is right: the person has proved who they are.
    user.failed_attempts = 0
    if not user.active:
        audit.record(session, who, "login.refused", subject, {**details_base, "reason": "inactive"})
        return CredentialCheck(
            None,
            AuthenticationFailed("user_deactivated", user=user.username),
        )
    if auth_secrets.needs_rehash(user.secret_hash):
        user.secret_hash = auth_secrets.hash_secret(secret)
    session.flush()
    return CredentialCheck(user, None)


def authenticate(
    session: Session,
    username: str,
    secret: str,
    terminal: str,
    *,
    now: datetime | None = None,
) -> LoginOutcome:
    """Check a sign-in inside the caller's transaction; never raises for bad credentials.

    The caller must let the transaction commit and only then call
    ``outcome.actor_or_raise()``, or the failure counter is lost.
    """
    now = now or utc_now()
    check = check_credentials(session, username, secret, terminal, now=now)
    if check.error is not None or check.user is None:
        return LoginOutcome(None, check.error or AuthenticationFailed("wrong_credentials"))
    actor = Actor(check.user.id, check.user.username, terminal)
    audit.record(session, actor, "login", f"user:{check.user.username}", {})
    return LoginOutcome(actor, None)


def login(
    store: Store,
    username: str,
    secret: str,
    terminal: str,
    *,
    now: datetime | None = None,
) -> Actor:
    """Sign in in a transaction of its own: records the attempt, commits, then raises.

    Returns the signed-in ``Actor``; raises ``AuthenticationFailed`` after the
    failure (counter, lock, audit) has been committed.
    """
    with store.write() as session:
        outcome = authenticate(session, username, secret, terminal, now=now)
    return outcome.actor_or_raise()
