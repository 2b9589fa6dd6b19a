"""The device token, kept in the OS keyring (never in the store, which is backed up).

The keyring backend is whatever ``keyring`` picks on this machine (Secret
Service, macOS Keychain, Windows Credential Locker); tests point it at a
file-backed backend. One token per (server, store file): a machine may run
a training store beside the live one.
"""

from __future__ import annotations

import contextlib

import keyring
import keyring.errors
from keyring.backend import KeyringBackend

from boxoffice.errors import BoxOfficeError

SERVICE = "boxoffice-sync"


class KeyringUnavailable(BoxOfficeError):
    """No usable keyring: the token cannot be kept safely."""


class TokenStore:
    def __init__(self, server_url: str, store_path: str, backend: KeyringBackend | None = None):
        self.account = f"{server_url} {store_path}"
        self.backend = backend

    def _ring(self) -> KeyringBackend:
        return self.backend or keyring.get_keyring()

    def get(self) -> str | None:
        try:
            return self._ring().get_password(SERVICE, self.account)
        except keyring.errors.KeyringError as exc:
            raise KeyringUnavailable("sync_keyring_unreadable", reason=str(exc)) from exc

    def put(self, token: str) -> None:
        try:
            self._ring().set_password(SERVICE, self.account, token)
        except keyring.errors.KeyringError as exc:
            raise KeyringUnavailable("sync_keyring_unwritable", reason=str(exc)) from exc

    def delete(self) -> None:
        with contextlib.suppress(keyring.errors.PasswordDeleteError):
            self._ring().delete_password(SERVICE, self.account)
