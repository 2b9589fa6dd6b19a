"""``boxoffice-admin sync ...`` on a real store and a real server.

The CLI uses whatever keyring the machine has; here keyring is told (by its
own ``PYTHON_KEYRING_BACKEND`` variable) to use keyrings.alt's plaintext file
backend, whose file lands under the test's ``XDG_DATA_HOME``.
"""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import keyring
import keyring.core
import pytest

from boxoffice.cli.main import main
from boxoffice.clock import utc_now
from boxoffice.sales import checkout
from boxoffice.store import outbox
from boxoffice.sync import conflicts
from tests.sales.conftest import World
from tests.sales.helpers import cart, eur
from tests.sync.harness import RunningServer


@pytest.fixture
def os_keyring(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyrings.alt.file.PlaintextKeyring")
    old = keyring.get_keyring()
    keyring.core.init_backend()
    yield keyring.get_keyring()
    keyring.set_keyring(old)


def _cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_status_and_conflicts_without_a_server(
    world: World, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(world.store.path)
    with world.store.write() as s:
        checkout.sell(
            s, world.clerk, cart(world, "S-A-1"), [checkout.Cash(eur("500"))], world.signer
        )
        entry = outbox.next_batch(s, 1)[0]
        conflicts.record(s, entry=entry, code="seat_taken", message="seat sold elsewhere first")
    code, out, _ = _cli(capsys, "--db", db, "sync", "status")
    assert code == 0
    assert "working alone" in out and "1 operation(s) (1 pending" in out
    assert "open conflicts:  1" in out
    code, out, _ = _cli(capsys, "--db", db, "sync", "conflicts")
    assert code == 0 and "OPEN" in out and "seat_taken" in out
    code, out, _ = _cli(capsys, "--db", db, "sync", "resolve", "1", "--resolution", "refunded")
    assert code == 0 and "resolved: refunded" in out
    code, out, _ = _cli(capsys, "--db", db, "sync", "conflicts", "--all", "--json")
    assert json.loads(out)[0]["resolved_by"] == "system"
    code, _, err = _cli(capsys, "--db", db, "sync", "resolve", "1", "--resolution", "again")
    assert code == 2 and "already resolved" in err
    code, _, err = _cli(capsys, "--db", db, "sync", "now")
    assert code == 2 and "no central server configured" in err
    code, _, err = _cli(capsys, "--db", db, "sync", "configure", "http://192.0.2.7:8765")
    assert code == 2 and "refusing plain HTTP" in err


def test_enrol_push_and_status_against_a_server(
    world: World, server: RunningServer, os_keyring, capsys: pytest.CaptureFixture[str]
) -> None:  # type: ignore[no-untyped-def]
    db = str(world.store.path)
    server.import_catalogue(world.store)
    with world.store.write() as s:
        checkout.sell(
            s, world.clerk, cart(world, "S-B-3"), [checkout.Cash(eur("500"))], world.signer
        )
    assert _cli(capsys, "--db", db, "sync", "configure", server.url)[0] == 0
    code, _, err = _cli(capsys, "--db", db, "sync", "enrol", "WRONG-CODE-0000")
    assert code == 2 and "401" in err
    code, out, _ = _cli(capsys, "--db", db, "sync", "enrol", server.enrol_code("Window 1", "W1"))
    assert code == 0 and "enrolled as 'Window 1'" in out and "keyring" in out
    code, out, _ = _cli(capsys, "--db", db, "sync", "now")
    assert code == 0 and "pushed 1 operation(s)" in out
    code, out, _ = _cli(capsys, "--db", db, "sync", "status", "--json")
    info = json.loads(out)
    assert info["online"] is True and info["acknowledged"] == 1 and info["pending"] == 0
    assert server.query("select count(*) from server_orders") == [(1,)]
    code, out, _ = _cli(capsys, "--db", db, "sync", "catalogue")
    assert code == 0 and "seats" in out
    seat = str(world.seats["S-B-9"])
    until = (utc_now() + timedelta(hours=4)).isoformat()
    code, _, err = _cli(
        capsys,
        "--db",
        db,
        "sync",
        "allocate",
        "--performance",
        str(world.performance),
        "--until",
        until,
        "--by",
        "sue",
    )
    assert code == 2 and "name the seats" in err
    code, out, err = _cli(
        capsys,
        "--db",
        db,
        "sync",
        "allocate",
        "--performance",
        str(world.performance),
        "--seat",
        seat,
        "--until",
        until,
        "--by",
        "sue",
    )
    assert code == 0 and "1 seats until" in out, err
    allocation = out.split()[1].rstrip(":")
    code, out, _ = _cli(capsys, "--db", db, "sync", "release", allocation)
    assert code == 0 and "after every sale before it" in out
    code, out, _ = _cli(capsys, "--db", db, "sync", "now")
    assert code == 0 and "pushed 1 operation(s)" in out
    server.stop()
    code, out, _ = _cli(capsys, "--db", db, "sync", "status")
    assert code == 0 and "OFFLINE" in out and "no answer" in out
