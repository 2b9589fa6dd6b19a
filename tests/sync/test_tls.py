"""HTTPS with a venue's own CA: trusted when configured, refused otherwise (real TLS)."""

from __future__ import annotations

import ipaddress
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from boxoffice.actor import system_actor
from boxoffice.errors import ValidationError
from boxoffice.sync import terminal
from boxoffice.sync.errors import ServerUnreachable
from tests.sales.conftest import World
from tests.sync.harness import RunningServer


def _pem(key: ec.EllipticCurvePrivateKey) -> bytes:
    return key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )


def venue_pki(folder: Path) -> dict[str, Path]:
    """A venue CA and a server certificate for localhost signed by it."""
    now = datetime.now(UTC)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Lyceum venue CA")])
    ca = (
        x509.CertificateBuilder()
        .subject_name(ca_name)
        .issuer_name(ca_name)
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=30))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=True,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), False)
        .sign(ca_key, hashes.SHA256())
    )
    key = ec.generate_private_key(ec.SECP256R1())
    cert = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")]))
        .issuer_name(ca_name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=30))
        .add_extension(
            x509.SubjectAlternativeName(
                [x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]
            ),
            critical=False,
        )
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), False
        )
        .sign(ca_key, hashes.SHA256())
    )
    paths = {
        "ca": folder / "venue-ca.pem",
        "cert": folder / "server.pem",
        "key": folder / "key.pem",
    }
    paths["ca"].write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    paths["cert"].write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    paths["key"].write_bytes(_pem(key))
    return paths


def test_https_with_the_venue_ca_is_trusted_and_without_it_refused(
    world: World, tmp_path: Path, ring
) -> None:  # type: ignore[no-untyped-def]
    pki = venue_pki(tmp_path)
    server = RunningServer(
        f"sqlite:///{tmp_path / 'server.sqlite3'}",
        ssl={"ssl_certfile": str(pki["cert"]), "ssl_keyfile": str(pki["key"])},
    )
    admin = system_actor("tls-test")
    try:
        assert server.url.startswith("https://localhost:")
        # Without the venue's CA the certificate is not trusted: no contact at all.
        terminal.configure(world.store, admin, server.url)
        untrusting = terminal.client_for(world.store, backend=ring)
        assert untrusting is not None
        with pytest.raises(ServerUnreachable, match="CERTIFICATE_VERIFY_FAILED"):
            untrusting.health()
        untrusting.close()
        # With it, enrolment works over HTTPS.
        with pytest.raises(ValidationError, match="not a PEM certificate"):
            terminal.configure(world.store, admin, server.url, ca_file=pki["key"])
        terminal.configure(world.store, admin, server.url, ca_file=pki["ca"])
        client = terminal.client_for(world.store, backend=ring)
        assert client is not None
        assert client.health().status == "ok"
        reply = terminal.enrol(
            world.store, admin, client, server.enrol_code("Window 1", "W1"), world.signer
        )
        assert reply.prefix == "W1" and client.terminal().terminal_id == reply.terminal_id
        client.close()
    finally:
        server.close()
