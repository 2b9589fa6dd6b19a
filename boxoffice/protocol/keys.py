"""Ticket keys as the wire names them: the short id of a terminal's Ed25519 public key.

Every barcode carries its key's id, the server publishes each enrolled
terminal's key under it (catalogue table ``ticket_keys``), and scanners pick
the key to try by it.
"""

from __future__ import annotations

import hashlib

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from boxoffice.errors import ValidationError


def key_id(public_key: Ed25519PublicKey | bytes) -> str:
    """Short id of a public key: the first 4 bytes of SHA-256 of its raw bytes, as 8 hex.

    Short because every barcode carries it; it only picks the key to try, the
    signature is what proves anything, so a collision cannot forge a ticket.
    """
    raw = (
        public_key
        if isinstance(public_key, bytes)
        else public_key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    )
    if len(raw) != 32:
        raise ValidationError("public_key_wrong_length", length=len(raw))
    return hashlib.sha256(raw).digest()[:4].hex()
