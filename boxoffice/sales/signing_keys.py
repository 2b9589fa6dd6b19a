"""A terminal's own Ed25519 key for signing ticket barcodes.

Each terminal signs with its own key so that a lost or stolen terminal can be
revoked alone, and so that terminals never share a secret. Only the public
half leaves the machine (see ``barcodes.TrustedKeys``). The private key lives
in one PEM file (PKCS8, unencrypted, mode 0600): an unattended terminal must be
able to sign after a reboot, so the file permissions are the protection.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from cryptography.exceptions import UnsupportedAlgorithm
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
)

from boxoffice.errors import ValidationError
from boxoffice.protocol.keys import key_id as key_id  # re-exported: a key's id is wire-level

#: A key file is a few hundred bytes; anything much larger is the wrong file.
MAX_KEY_FILE_BYTES = 64 * 1024
FILE_MODE = 0o600


def generate() -> Ed25519PrivateKey:
    """A fresh signing key (for tests and for ``load_or_create``)."""
    return Ed25519PrivateKey.generate()


def public_bytes(private_key: Ed25519PrivateKey) -> bytes:
    """The raw 32-byte public key: what other terminals and scanners trust."""
    return private_key.public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw
    )


def to_pem(private_key: Ed25519PrivateKey) -> bytes:
    """PKCS8 PEM, unencrypted: the on-disk form read by ``load_or_create``."""
    return private_key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )


def load(path: Path) -> Ed25519PrivateKey:
    """Read an existing key file, refusing anything that is not an Ed25519 key."""
    size = path.stat().st_size
    if size > MAX_KEY_FILE_BYTES:
        raise ValidationError("signing_key_file_too_large", path=str(path), size=size)
    data = path.read_bytes()
    try:
        key = serialization.load_pem_private_key(data, password=None)
    except (ValueError, TypeError, UnsupportedAlgorithm) as exc:
        raise ValidationError("signing_key_file_unusable", path=str(path), error=str(exc)) from exc
    if not isinstance(key, Ed25519PrivateKey):
        raise ValidationError(
            "signing_key_file_wrong_type", path=str(path), type=type(key).__name__.removeprefix("_")
        )
    return key


def load_or_create(path: Path) -> Ed25519PrivateKey:
    """This terminal's signing key: loaded from ``path``, or created there on first use.

    An existing file is never replaced: if it is corrupt, the terminal refuses
    to sign (``ValidationError``) rather than silently starting a new key under
    which earlier tickets could no longer be told from forgeries. A new key is
    written to a temporary file (mode 0600, fsynced) and then linked into place
    atomically, so a crash never leaves half a key and two processes starting
    together end up with the same key.
    """
    path = Path(path)
    if path.exists():
        return load(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    key = generate()
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    tmp = Path(tmp_name)
    try:
        # mkstemp creates the file 0600 whatever the umask; the rename keeps the mode.
        with os.fdopen(fd, "wb") as fh:
            fh.write(to_pem(key))
            fh.flush()
            os.fsync(fh.fileno())
        try:
            # link() refuses to overwrite: whoever links first wins, the other loads it.
            os.link(tmp, path)
        except FileExistsError:
            return load(path)
        except OSError:
            # No hard links on this file system: replace() is still atomic.
            os.replace(tmp, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
    _fsync_dir(path.parent)
    return key


def _fsync_dir(directory: Path) -> None:
    """Make the new directory entry durable (POSIX only; a no-op elsewhere)."""
    if os.name != "posix":
        return
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
