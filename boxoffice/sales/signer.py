"""This terminal's ticket-signing key, and the public keys the store trusts.

The private key lives in a 0600 file next to the store (never in the store,
which is synced and backed up); its public half is registered in
``ticket_keys`` so scanners and other terminals can verify our tickets.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import select
from sqlalchemy.orm import Session

from boxoffice.clock import utc_now
from boxoffice.sales import signing_keys
from boxoffice.sales.barcodes import TrustedKeys
from boxoffice.store.models import TicketKey


@dataclass(frozen=True)
class Signer:
    key_id: str
    private_key: Ed25519PrivateKey


def key_path(store_path: Path) -> Path:
    return store_path.with_name(store_path.name + ".signing-key.pem")


def open_signer(store_path: Path) -> Signer:
    key = signing_keys.load_or_create(key_path(store_path))
    return Signer(signing_keys.key_id(key.public_key()), key)


def register(session: Session, signer: Signer, terminal: str) -> None:
    """Trust our own public key (idempotent)."""
    if session.get(TicketKey, signer.key_id) is None:
        raw = signing_keys.public_bytes(signer.private_key)
        session.add(
            TicketKey(
                key_id=signer.key_id,
                public_key=base64.b64encode(raw).decode(),
                terminal=terminal,
                created_at=utc_now(),
            )
        )
        session.flush()


def trusted_keys(session: Session) -> TrustedKeys:
    """Every key the store knows, revoked ones marked so, for ``barcodes.verify``."""
    keys = TrustedKeys()
    for row in session.scalars(select(TicketKey)):
        keys.add(
            base64.b64decode(row.public_key),
            terminal=row.terminal,
            revoked=row.revoked_at is not None,
        )
    return keys
