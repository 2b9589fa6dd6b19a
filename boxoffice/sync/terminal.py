"""Setting a terminal up for the central server: address, enrolment, catalogue.

Enrolment exchanges the administrator's one-time code for a device token
(kept in the OS keyring by ``ServerClient.enrol``) and registers this
terminal's ticket-signing public key, so every door can verify our tickets.
The server hands out the terminal's name and prefix; they replace the local
ones so serials and order numbers stay unique across the venue.
"""

from __future__ import annotations

import base64
from pathlib import Path
from typing import Any

from keyring.backend import KeyringBackend

from boxoffice import audit, settings
from boxoffice.actor import Actor
from boxoffice.auth.guard import require
from boxoffice.auth.permissions import Permission
from boxoffice.errors import ValidationError
from boxoffice.protocol import Enrolment
from boxoffice.sales import numbering, signing_keys
from boxoffice.sales.signer import Signer, register
from boxoffice.store import Store
from boxoffice.sync import catalogue, config
from boxoffice.sync.client import ServerClient
from boxoffice.sync.credentials import TokenStore


def configure(
    store: Store,
    actor: Actor,
    url: str,
    *,
    ca_file: Path | str | None = None,
    allow_http: bool = False,
) -> config.ServerConfig:
    """Point this terminal at a server (checked: HTTPS unless loopback or allowed)."""
    checked = config.ServerConfig(
        config.check_url(url, allow_http=allow_http), config.check_ca_file(ca_file), allow_http
    )
    with store.write() as session:
        require(session, actor, Permission.DEVICE_MANAGE)
        config.save(session, checked)
        audit.record(
            session,
            actor,
            "sync.configure",
            f"server:{checked.url}",
            {"ca_file": str(checked.ca_file or ""), "allow_http": allow_http},
        )
    return checked


def terminal_name(store: Store) -> str:
    with store.read() as session:
        return settings.get(session, "terminal.name")


def client_for(
    store: Store, *, backend: KeyringBackend | None = None, **kw: Any
) -> ServerClient | None:
    """A client for the configured server, or ``None`` when this terminal works alone."""
    with store.read() as session:
        cfg = config.load(session)
    if cfg is None:
        return None
    tokens = TokenStore(cfg.url, str(store.path.resolve()), backend)
    return ServerClient(cfg, tokens, **kw)


def enrol(
    store: Store,
    actor: Actor,
    client: ServerClient,
    code: str,
    signer: Signer,
) -> Enrolment:
    """Enrol with a one-time code; takes the server's name and prefix for this terminal."""
    with store.read() as session:
        require(session, actor, Permission.DEVICE_MANAGE)
    public = base64.b64encode(signing_keys.public_bytes(signer.private_key)).decode()
    reply = client.enrol(code, public)
    if reply.key_id != signer.key_id:
        raise ValidationError("sync_enrol_key_mismatch", server_key=reply.key_id, key=signer.key_id)
    # The token is in the keyring now; the store learns who we are to the server.
    with store.write() as session:
        numbering.configure_terminal(session, actor, reply.name, reply.prefix)
        settings.put(session, config.TERMINAL_ID, str(reply.terminal_id))
        register(session, signer, reply.name)
        audit.record(
            session,
            actor,
            "sync.enrol",
            f"terminal:{reply.name}",
            {"server": client.base, "terminal_id": reply.terminal_id, "key_id": reply.key_id},
        )
    return reply


def pull_catalogue(store: Store, client: ServerClient) -> dict[str, int]:
    """Load the server's catalogue into the local cache and follow the feed from there."""
    snapshot = client.catalogue()
    with store.write() as session:
        counts = catalogue.apply_snapshot(session, snapshot.tables)
        if config.cursor(session) is None:
            config.set_cursor(session, snapshot.cursor)
    return counts
