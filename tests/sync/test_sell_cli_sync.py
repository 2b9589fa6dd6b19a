"""``boxoffice-admin sell`` on a terminal enrolled with a central server.

Online it holds the seats on the server before booking them (the sale reaches
the server at once); offline it sells only from this terminal's allocation
(invariant 3), exactly as the desktop client does.
"""

from __future__ import annotations

import io
import sys

import pytest

from boxoffice.cli.main import main
from tests.sales.conftest import World
from tests.sync.harness import RunningServer, link


def _sell(world: World, monkeypatch: pytest.MonkeyPatch, capsys, *args: str):  # type: ignore[no-untyped-def]
    monkeypatch.setattr(sys, "stdin", io.StringIO("1234\n"))
    argv = ["--db", str(world.store.path), "--lang", "en", "sell", "--user", "ann"]
    code = main([*argv, "--performance", str(world.performance), *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_an_enrolled_terminal_sells_through_the_server_online_and_from_its_allocation_offline(
    world: World,
    server: RunningServer,
    default_ring,  # type: ignore[no-untyped-def]
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    server.import_catalogue(world.store)
    link(world.store, server, default_ring, world.signer).close()

    code, _, err = _sell(world, monkeypatch, capsys, "--seat", "S-A-9", "--cash", "100")
    assert code == 0, err
    sold = server.query(
        "select seat_id from server_tickets where performance_id = :p", p=world.performance
    )
    assert (world.seats["S-A-9"],) in sold  # held, then sold on the server, at once

    server.stop()
    code, _, err = _sell(world, monkeypatch, capsys, "--seat", "S-A-10", "--cash", "100")
    assert code == 2
    assert "allocat" in err  # offline, and S-A-10 is not in this terminal's allocation
