"""Where the central server is and how far to trust the connection.

Kept in the store's settings (``sync.*``) so the admin CLI and the client
agree. Plain HTTP would carry the device token in clear: it is refused
unless the server is on this machine (loopback) or someone said so
explicitly (``sync.allow_http``), e.g. on an isolated venue network.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from sqlalchemy.orm import Session

from boxoffice import settings
from boxoffice.errors import ValidationError

URL = "sync.server_url"
CA_FILE = "sync.ca_file"
ALLOW_HTTP = "sync.allow_http"
TERMINAL_ID = "sync.terminal_id"
CURSOR = "sync.cursor"
LAST_CONTACT = "sync.last_contact"


@dataclass(frozen=True)
class ServerConfig:
    url: str  # normalised, no trailing slash
    ca_file: Path | None = None
    allow_http: bool = False


def is_loopback(host: str) -> bool:
    if host.lower() in ("localhost", "localhost.localdomain"):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_url(url: str, *, allow_http: bool = False) -> str:
    """The server's base URL, normalised; refuses what would be unsafe or is malformed."""
    text = (url or "").strip()
    parts = urlsplit(text)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValidationError("sync_url_unusable", url=text)
    try:
        parts.port  # noqa: B018 - raises on a bad port
    except ValueError:
        raise ValidationError("sync_url_bad_port", url=text) from None
    if parts.query or parts.fragment or parts.username or parts.password:
        raise ValidationError("sync_url_extras", url=text)
    if parts.scheme == "http" and not allow_http and not is_loopback(parts.hostname):
        raise ValidationError("sync_url_plain_http", host=parts.hostname)
    return text.rstrip("/")


def check_ca_file(path: Path | str | None) -> Path | None:
    if path in (None, ""):
        return None
    p = Path(path).expanduser()
    if not p.is_file():
        raise ValidationError("sync_ca_file_missing", path=str(p))
    head = p.read_bytes()[:4096]
    if b"-----BEGIN CERTIFICATE-----" not in head:
        raise ValidationError("sync_ca_file_not_pem", path=str(p))
    return p


def load(session: Session) -> ServerConfig | None:
    """The configured server, or ``None`` when this terminal works alone."""
    url = settings.find(session, URL)
    if not url:
        return None
    allow = settings.find(session, ALLOW_HTTP) == "1"
    ca = settings.find(session, CA_FILE)
    return ServerConfig(check_url(url, allow_http=allow), Path(ca) if ca else None, allow)


def save(session: Session, config: ServerConfig) -> None:
    settings.put(session, URL, check_url(config.url, allow_http=config.allow_http))
    settings.put(session, ALLOW_HTTP, "1" if config.allow_http else "0")
    ca = check_ca_file(config.ca_file)
    settings.put(session, CA_FILE, str(ca) if ca else "")


def cursor(session: Session) -> str | None:
    """The change-feed position (opaque, from the server); ``None``: from the beginning."""
    return settings.find(session, CURSOR) or None


def set_cursor(session: Session, value: str) -> None:
    settings.put(session, CURSOR, value)


def terminal_id(session: Session) -> int | None:
    value = settings.find(session, TERMINAL_ID)
    return int(value) if value else None
