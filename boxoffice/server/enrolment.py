"""Terminal enrolment, device tokens and admin tokens.

A one-time code (single use, 24 h by default) is exchanged for a device
token; the terminal registers its Ed25519 ticket public key at the same time,
which becomes a trusted ticket key for every scanner. Failed attempts are
counted per address and refused for a while after ``MAX_FAILURES``.
"""

from __future__ import annotations

import base64
import binascii
import re
from datetime import datetime, timedelta

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from boxoffice.clock import utc_now
from boxoffice.protocol.constants import DEFAULT_ENROL_HOURS
from boxoffice.protocol.keys import key_id as key_id_of
from boxoffice.server import audit, catalogue, security
from boxoffice.server.errors import ApiError, invalid, not_found
from boxoffice.server.models import AdminToken, EnrolCode, EnrolFailure, Terminal

DEFAULT_HOURS = DEFAULT_ENROL_HOURS
MAX_HOURS = 24 * 14
MAX_FAILURES = 5
FAILURE_WINDOW = timedelta(minutes=10)
PREFIX = re.compile(r"[A-Z][A-Z0-9]{0,5}")


def _derive_prefix(session: Session, name: str) -> str:
    words = re.findall(r"[A-Za-z]+|\d+", name)
    base = "".join(w[0].upper() if w[0].isalpha() else w for w in words)[:5] or "T"
    if not base[0].isalpha():
        base = ("T" + base)[:5]
    candidate, n = base, 1
    while not _prefix_free(session, candidate):
        n += 1
        candidate = f"{base[:4]}{n}"[:6]
    return candidate


def _prefix_free(session: Session, prefix: str) -> bool:
    now = utc_now()
    taken = session.scalar(select(func.count()).where(Terminal.prefix == prefix)) or 0
    pending = (
        session.scalar(
            select(func.count()).where(
                EnrolCode.prefix == prefix, EnrolCode.used_at.is_(None), EnrolCode.expires_at > now
            )
        )
        or 0
    )
    return not taken and not pending


def create_code(
    session: Session,
    name: str,
    *,
    prefix: str | None = None,
    hours: int = DEFAULT_HOURS,
    now: datetime | None = None,
    actor: str = "cli",
) -> tuple[str, EnrolCode]:
    """A code for enrolling terminal ``name``; the code itself is returned once, never stored."""
    now = now or utc_now()
    name = name.strip()
    if not name or len(name) > 80:
        raise invalid("a terminal needs a name of 1 to 80 characters")
    if not 1 <= hours <= MAX_HOURS:
        raise invalid(f"an enrolment code lasts 1 to {MAX_HOURS} hours, not {hours}")
    active = session.scalar(
        select(Terminal).where(Terminal.name == name, Terminal.revoked_at.is_(None))
    )
    if active is not None:
        raise ApiError(409, "terminal_exists", f"terminal {name!r} is already enrolled")
    if prefix is None:
        prefix = _derive_prefix(session, name)
    else:
        prefix = prefix.strip().upper()
        if not PREFIX.fullmatch(prefix):
            raise invalid(
                f"a terminal prefix is 1 to 6 letters or digits starting with a letter, "
                f"not {prefix!r}"
            )
        if not _prefix_free(session, prefix):
            raise ApiError(409, "prefix_taken", f"prefix {prefix} is already used")
    code = security.new_enrol_code()
    row = EnrolCode(
        code_hash=security.digest(security.normalise_code(code)),
        name=name,
        prefix=prefix,
        created_at=now,
        expires_at=now + timedelta(hours=hours),
    )
    session.add(row)
    session.flush()
    audit.record(
        session,
        actor,
        "enrol_code.create",
        f"terminal:{name}",
        {"prefix": prefix, "expires_at": row.expires_at.isoformat()},
        now,
    )
    return code, row


def check_rate(session: Session, address: str, now: datetime) -> None:
    since = now - FAILURE_WINDOW
    failures = session.scalars(
        select(EnrolFailure.at)
        .where(EnrolFailure.address == address, EnrolFailure.at > since)
        .order_by(EnrolFailure.at)
    ).all()
    if len(failures) >= MAX_FAILURES:
        retry = int((failures[-MAX_FAILURES] + FAILURE_WINDOW - now).total_seconds()) + 1
        raise ApiError(
            429,
            "too_many_attempts",
            f"too many failed enrolment attempts; try again in {retry} s",
            retry_after=retry,
        )


def record_failure(session: Session, address: str, now: datetime) -> None:
    session.execute(delete(EnrolFailure).where(EnrolFailure.at < now - FAILURE_WINDOW))
    session.add(EnrolFailure(address=address[:64], at=now))


def parse_public_key(raw: str) -> bytes:
    try:
        key = base64.b64decode(raw.strip(), validate=True)
    except (binascii.Error, ValueError):
        raise invalid("public_key is not base64") from None
    if len(key) != 32:
        raise invalid(f"public_key must be a raw 32-byte Ed25519 key, not {len(key)} bytes")
    try:
        Ed25519PublicKey.from_public_bytes(key)
    except ValueError:
        raise invalid("public_key is not an Ed25519 public key") from None
    return key


def enrol(
    session: Session, code: str, public_key: str, *, now: datetime | None = None
) -> tuple[Terminal, str]:
    """Use the code once; returns the new terminal and its device token (shown once)."""
    now = now or utc_now()
    key = parse_public_key(public_key)
    code_hash = security.digest(security.normalise_code(code))
    row = session.scalar(select(EnrolCode).where(EnrolCode.code_hash == code_hash))
    # One statement decides: two terminals racing with one code cannot both win.
    won = session.execute(
        update(EnrolCode)
        .where(
            EnrolCode.code_hash == code_hash,
            EnrolCode.used_at.is_(None),
            EnrolCode.expires_at > now,
        )
        .values(used_at=now)
    ).rowcount
    if row is None or not won:
        reason = (
            "is not known"
            if row is None
            else "was already used"
            if row.used_at is not None
            else "has expired"
        )
        raise ApiError(401, "enrolment_code_invalid", f"this enrolment code {reason}")
    kid = key_id_of(key)
    if session.scalar(select(Terminal).where(Terminal.key_id == kid)) is not None:
        raise ApiError(409, "key_in_use", "this ticket key is already registered; make a new one")
    old = session.scalar(select(Terminal).where(Terminal.name == row.name))
    if old is not None and old.revoked_at is None:
        raise ApiError(409, "terminal_exists", f"terminal {row.name!r} is already enrolled")
    if old is not None:  # a revoked terminal of that name keeps its history under a new name
        old.name = f"{old.name} (revoked #{old.id})"[:80]
        session.flush()
    token = security.new_token(security.DEVICE_PREFIX)
    terminal = Terminal(
        name=row.name,
        prefix=row.prefix,
        token_hash=security.digest(token),
        public_key=base64.b64encode(key).decode(),
        key_id=kid,
        enrolled_at=now,
        last_seq=0,
        last_contact=now,
    )
    session.add(terminal)
    session.flush()
    row.terminal_id = terminal.id
    catalogue.put_ticket_key(session, terminal, now)
    audit.record(
        session,
        terminal.name,
        "terminal.enrol",
        f"terminal:{terminal.id}",
        {"prefix": terminal.prefix, "key_id": kid},
        now,
    )
    return terminal, token


def authenticate(session: Session, token: str | None) -> Terminal:
    if not token or not token.startswith(security.DEVICE_PREFIX):
        raise ApiError(401, "unauthenticated", "a device token is required (Authorization: Bearer)")
    terminal = session.scalar(select(Terminal).where(Terminal.token_hash == security.digest(token)))
    if terminal is None:
        raise ApiError(401, "unauthenticated", "this device token is not known")
    if terminal.revoked_at is not None:
        raise ApiError(403, "terminal_revoked", f"terminal {terminal.name!r} was revoked")
    return terminal


def revoke(
    session: Session, terminal_id: int, now: datetime | None = None, actor: str = "cli"
) -> Terminal:
    now = now or utc_now()
    terminal = session.get(Terminal, terminal_id)
    if terminal is None:
        raise not_found(f"terminal {terminal_id}")
    if terminal.revoked_at is None:
        terminal.revoked_at = now
        catalogue.put_ticket_key(session, terminal, now)
        audit.record(
            session,
            actor,
            "terminal.revoke",
            f"terminal:{terminal.id}",
            {"name": terminal.name, "key_id": terminal.key_id},
            now,
        )
    return terminal


def create_admin_token(
    session: Session, name: str, now: datetime | None = None, actor: str = "cli"
) -> str:
    name = name.strip()
    if not name:
        raise invalid("an admin token needs a name (who holds it)")
    token = security.new_token(security.ADMIN_PREFIX)
    session.add(
        AdminToken(name=name[:80], token_hash=security.digest(token), created_at=now or utc_now())
    )
    audit.record(session, actor, "admin_token.create", f"admin:{name[:80]}", {}, now)
    return token


def authenticate_admin(session: Session, token: str | None) -> AdminToken:
    if not token or not token.startswith(security.ADMIN_PREFIX):
        if token and token.startswith(security.DEVICE_PREFIX):
            raise ApiError(403, "admin_required", "this needs an admin token, not a device token")
        raise ApiError(401, "unauthenticated", "an admin token is required (Authorization: Bearer)")
    row = session.scalar(select(AdminToken).where(AdminToken.token_hash == security.digest(token)))
    if row is None or row.revoked_at is not None:
        raise ApiError(401, "unauthenticated", "this admin token is not known")
    return row
