"""The ``boxoffice-server`` command: admin subcommands, HTTPS, refusing plain HTTP off loopback."""

from __future__ import annotations

import datetime as dt
import ipaddress
import json
import ssl
from pathlib import Path

import httpx
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from fastapi.testclient import TestClient

from boxoffice.server import cli
from boxoffice.server.app import create_app
from boxoffice.server.db import ServerStore
from tests.server import helpers
from tests.server.helpers import push
from tests.server.test_processes import ServerProcess


def test_enrol_code_admin_token_and_conflicts_from_the_cli(
    sqlite_url: str, sqlite_store: ServerStore, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["enrol-code", "--db", sqlite_url, "--name", "Window 1", "--prefix", "W1"]) == 0
    out = capsys.readouterr().out
    code = out.split(": ")[1].split()[0]
    assert cli.main(["admin-token", "--db", sqlite_url, "--name", "ops"]) == 0
    assert capsys.readouterr().out.startswith("bxa_")
    with TestClient(create_app(sqlite_store)) as client:
        _k, public = helpers.new_key()
        w1 = client.post("/api/v1/enrol", json={"code": code, "public_key": public}).json()
        seller = helpers.Seller("W1")
        push(client, w1["token"], [seller.op("sale", seller.sale([helpers.HOUSE_SEAT]))])
    assert cli.main(["enrol-code", "--db", sqlite_url, "--name", "Window 1"]) == 1
    assert "already enrolled" in capsys.readouterr().err
    assert cli.main(["conflicts", "list", "--db", sqlite_url]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [c["reason"] for c in listed] == ["seat_taken"]
    assert (
        cli.main(
            [
                "conflicts",
                "resolve",
                str(listed[0]["id"]),
                "--db",
                sqlite_url,
                "--resolution",
                "nonsense",
                "--by",
                "sue",
            ]
        )
        == 1
    )
    assert "resolution is one of" in capsys.readouterr().err
    assert (
        cli.main(
            [
                "conflicts",
                "resolve",
                str(listed[0]["id"]),
                "--db",
                sqlite_url,
                "--resolution",
                "refund_customer",
                "--by",
                "sue",
                "--note",
                "cash back",
            ]
        )
        == 0
    )
    assert json.loads(capsys.readouterr().out)["state"] == "resolved"
    assert cli.main(["conflicts", "list", "--db", sqlite_url]) == 0
    assert json.loads(capsys.readouterr().out) == []
    assert cli.main(["terminals", "revoke", str(w1["terminal_id"]), "--db", sqlite_url]) == 0
    assert json.loads(capsys.readouterr().out)["revoked_at"] is not None


def test_plain_http_off_loopback_is_refused(
    sqlite_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["--db", sqlite_url, "--host", "0.0.0.0", "--port", "1"]) == 2
    assert "refusing plain HTTP" in capsys.readouterr().err
    assert cli.main(["--db", sqlite_url, "--cert", "/nonexistent.pem"]) == 2
    assert cli.is_loopback("127.0.0.1") and cli.is_loopback("::1")
    assert not cli.is_loopback("192.168.1.10")


def _self_signed(tmp: Path) -> tuple[Path, Path]:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "boxoffice test")])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = tmp / "cert.pem", tmp / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert_path, key_path


@pytest.mark.slow
def test_https_with_a_venue_certificate(sqlite_store: ServerStore, tmp_path: Path) -> None:
    cert, key = _self_signed(tmp_path)

    class TLSServer(ServerProcess):
        def start(self) -> TLSServer:
            import subprocess
            import sys
            import time

            self.base = f"https://127.0.0.1:{self.port}"
            with self.log.open("ab") as out:
                self.proc = subprocess.Popen(
                    [
                        sys.executable,
                        "-m",
                        "boxoffice.server.cli",
                        "--db",
                        self.url,
                        "--port",
                        str(self.port),
                        "--cert",
                        str(cert),
                        "--key",
                        str(key),
                    ],
                    cwd=Path(__file__).resolve().parents[2],
                    stdout=out,
                    stderr=subprocess.STDOUT,
                )
            for _ in range(300):
                try:
                    httpx.get(
                        f"{self.base}/api/v1/health",
                        verify=ssl.create_default_context(cafile=str(cert)),
                        timeout=1,
                    )
                    return self
                except httpx.HTTPError:
                    time.sleep(0.1)
            raise RuntimeError(self.log.read_text())

    server = TLSServer(sqlite_store.url, tmp_path / "tls.log").start()
    try:
        r = httpx.get(
            f"{server.base}/api/v1/health", verify=ssl.create_default_context(cafile=str(cert))
        )
        assert r.status_code == 200 and r.json()["status"] == "ok"
        with pytest.raises(httpx.ConnectError):  # an unknown CA is not trusted
            httpx.get(f"{server.base}/api/v1/health")
        with pytest.raises(httpx.HTTPError):  # and nobody speaks plain HTTP there
            httpx.get(f"http://127.0.0.1:{server.port}/api/v1/health")
    finally:
        server.kill()


def test_expired_allocations_are_listed_for_reclaiming(
    sqlite_url: str, sqlite_store: ServerStore, capsys: pytest.CaptureFixture[str]
) -> None:
    from datetime import UTC, datetime, timedelta

    from sqlalchemy import update

    from boxoffice.server.models import Allocation

    with TestClient(create_app(sqlite_store)) as client:
        code = helpers.make_code(sqlite_store, "Window 1", "W1")
        _k, public = helpers.new_key()
        w1 = client.post("/api/v1/enrol", json={"code": code, "public_key": public}).json()
        for seats in ([1, 2], [3]):
            r = client.post(
                "/api/v1/allocations",
                json={
                    "performance_id": 1,
                    "seat_ids": seats,
                    "requested_by": "sue",
                    "expires_at": (datetime.now(UTC) + timedelta(hours=1)).isoformat(),
                },
                headers=helpers.auth(w1["token"]),
            )
            assert r.status_code == 201
    with sqlite_store.session() as s:  # the first one ran out
        s.execute(
            update(Allocation)
            .where(Allocation.id == 1)
            .values(expires_at=datetime.now(UTC) - timedelta(minutes=1))
        )
    assert cli.main(["allocations", "list", "--expired", "--db", sqlite_url]) == 0
    assert [a["seat_ids"] for a in json.loads(capsys.readouterr().out)] == [[1, 2]]
    assert cli.main(["allocations", "reclaim", "1", "--db", sqlite_url]) == 0
    assert json.loads(capsys.readouterr().out)["seats_freed"] == [1, 2]
    assert cli.main(["allocations", "reclaim", "2", "--db", sqlite_url]) == 1
    assert "reclaim it early only with force" in capsys.readouterr().err
