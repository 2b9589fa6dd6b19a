"""Shared set-up for the auth tests: a small staff and a fixed clock.

Argon2id hashing stays at its production cost (~0.1 s a hash on a 2-core
machine). To keep the suite quick, ``staff`` hashes each distinct secret
once per test run and reuses that genuine argon2id hash; every
verification still runs the real argon2.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

import pytest

from boxoffice.actor import Actor
from boxoffice.auth import secrets as auth_secrets
from boxoffice.auth.roles import ensure_roles
from boxoffice.auth.users import create_user
from boxoffice.store import Store

#: A fixed "now" so expiry and lockout are tested at exact instants.
T0 = datetime(2030, 6, 1, 12, 0, tzinfo=UTC)
TERMINAL = "till-1"

ANN_PIN = "1234"  # clerk
BEN_PIN = "4321"  # clerk
SUE_PIN = "2468"  # supervisor
DORA_PIN = "5555"  # door
ADAM_PASSWORD = "correct horse battery"  # admin

#: Every secret used in the auth tests, to prove none reaches the audit log.
ALL_SECRETS = (ANN_PIN, BEN_PIN, SUE_PIN, DORA_PIN, ADAM_PASSWORD)

_HASHES: dict[str, str] = {}


def _cached_hash(secret: str) -> str:
    if secret not in _HASHES:
        _HASHES[secret] = auth_secrets.HASHER.hash(secret)
    return _HASHES[secret]


@dataclass(frozen=True)
class Staff:
    ann: Actor
    ben: Actor
    sue: Actor
    dora: Actor
    adam: Actor


def make_staff(store: Store, admin: Actor, monkeypatch: pytest.MonkeyPatch) -> Staff:
    """Roles plus one user per role (two clerks), each signed in at ``TERMINAL``."""
    monkeypatch.setattr(auth_secrets, "hash_secret", _cached_hash)
    people = [
        ("ann", "clerk", ANN_PIN, "pin"),
        ("ben", "clerk", BEN_PIN, "pin"),
        ("sue", "supervisor", SUE_PIN, "pin"),
        ("dora", "door", DORA_PIN, "pin"),
        ("adam", "admin", ADAM_PASSWORD, "password"),
    ]
    actors: dict[str, Actor] = {}
    with store.write() as session:
        ensure_roles(session, admin)
        for name, role, secret, kind in people:
            user = create_user(session, admin, name, role, secret, kind=kind, now=T0)
            actors[name] = Actor(user.id, user.username, TERMINAL)
    return Staff(**actors)
