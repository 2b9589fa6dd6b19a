"""PINs and passwords: the rules they must meet, and argon2id hashing.

Only the argon2id hash is ever stored. The hasher keeps argon2-cffi's
defaults (RFC 9106's low-memory profile: t=3, m=64 MiB, p=4), about 0.1 s
per hash on a terminal-class machine: slow for a guesser, unnoticeable at login.
There is deliberately no "fast mode" switch that could leak into production;
tests stay quick by hashing few secrets.
"""

from __future__ import annotations

from functools import lru_cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from boxoffice.errors import ValidationError

PIN = "pin"
PASSWORD = "password"
KINDS = (PIN, PASSWORD)

PIN_MIN, PIN_MAX = 4, 12
PASSWORD_MIN, PASSWORD_MAX = 8, 128

HASHER = PasswordHasher()


def check_kind(kind: str) -> str:
    """``kind`` if it is 'pin' or 'password'; otherwise a ValidationError."""
    if kind not in KINDS:
        raise ValidationError("secret_kind_unknown", kind=kind)
    return kind


def check_secret(kind: str, secret: str) -> None:
    """Refuse a PIN or password that breaks the rules, saying which rule.

    A PIN is 4–12 ASCII digits (typed on a terminal's number pad); a password is
    8–128 characters and not only spaces.
    """
    check_kind(kind)
    if kind == PIN:
        if not (secret.isascii() and secret.isdigit()):
            raise ValidationError("pin_digits_only")
        if not PIN_MIN <= len(secret) <= PIN_MAX:
            raise ValidationError("pin_length", min=PIN_MIN, max=PIN_MAX, length=len(secret))
        return
    if len(secret) < PASSWORD_MIN:
        raise ValidationError("password_too_short", min=PASSWORD_MIN)
    if len(secret) > PASSWORD_MAX:
        raise ValidationError("password_too_long", max=PASSWORD_MAX)
    if not secret.strip():
        raise ValidationError("password_blank")


def hash_secret(secret: str) -> str:
    """The argon2id hash of ``secret`` (salted; two calls give different hashes)."""
    return HASHER.hash(secret)


def verify_secret(secret_hash: str, secret: str) -> bool:
    """Whether ``secret`` matches ``secret_hash``; a damaged hash never matches."""
    try:
        return HASHER.verify(secret_hash, secret)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def needs_rehash(secret_hash: str) -> bool:
    """Whether the hash was made with weaker parameters than today's (rehash at login)."""
    try:
        return HASHER.check_needs_rehash(secret_hash)
    except InvalidHashError:
        return True


@lru_cache(maxsize=1)
def _dummy_hash() -> str:
    return HASHER.hash("not-a-real-secret")


def burn_verify(secret: str) -> None:
    """Spend as long as a real verification, so an unknown username takes no less time."""
    verify_secret(_dummy_hash(), secret)
