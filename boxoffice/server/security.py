"""Device and admin tokens, enrolment codes: random, shown once, stored hashed.

Tokens carry 256 bits of randomness, so a plain SHA-256 is the right hash at
rest (a slow password hash buys nothing against a search of 2^256 and would
cost every API call tens of milliseconds).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

DEVICE_PREFIX = "bxt_"
ADMIN_PREFIX = "bxa_"
#: No 0/O, 1/I/L: a code is read aloud or typed from a screen.
CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
CODE_GROUPS = 3
CODE_GROUP_LEN = 4


def digest(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def new_token(prefix: str) -> str:
    return prefix + secrets.token_urlsafe(32)


def new_enrol_code() -> str:
    groups = [
        "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_GROUP_LEN))
        for _ in range(CODE_GROUPS)
    ]
    return "-".join(groups)


def normalise_code(code: str) -> str:
    """Upper case, without spaces and dashes: ``k7qh 93xm-pc2d`` is the same code."""
    return "".join(ch for ch in code.upper() if ch not in " -\t")


def same(a: str, b: str) -> bool:
    return hmac.compare_digest(a, b)
