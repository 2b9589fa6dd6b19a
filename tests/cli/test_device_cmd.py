"""``boxoffice-admin device``: configure devices and test them against real listeners."""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import select

from boxoffice.devices.card_terminal.zvt_simulator import ZvtSimulator
from boxoffice.devices.cash_drawer import pulse_bytes
from boxoffice.store import open_store
from boxoffice.store.models import AuditEntry
from tests.cli.test_admin_cli import run
from tests.devices import device_fixtures
from tests.devices.device_fixtures import TcpSink

tcp_sink = device_fixtures.tcp_sink
free_port = device_fixtures.free_port
pty_pair = device_fixtures.pty_pair

Cli = Callable[..., tuple[int, str, str]]


@pytest.fixture
def cli(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Cli:
    db = tmp_path / "shop.sqlite3"

    def _run(*args: str) -> tuple[int, str, str]:
        return run(db, *args, monkeypatch=monkeypatch, capsys=capsys)

    _run.db = db  # type: ignore[attr-defined]
    return _run


def test_add_list_remove(cli: Cli) -> None:
    code, out, _ = cli(
        "device", "add", "Drawer 1", "--kind", "cash_drawer", "--driver", "escpos",
        "--option", "host=10.0.0.5", "--option", "pin=5",
    )  # fmt: skip
    assert code == 0 and "saved" in out
    code, out, _ = cli("device", "list", "--json")
    assert json.loads(out) == [
        {
            "name": "Drawer 1",
            "kind": "cash_drawer",
            "driver": "escpos",
            "options": "host=10.0.0.5; pin=5",
            "used": "yes",
        }
    ]
    assert cli("device", "remove", "Drawer 1")[0] == 0
    assert cli("device", "list")[1].strip() == "(none)"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--driver", "escpos", "--option", "port 9100"], "name=value, not 'port 9100'"),
        (["--driver", "laser"], "no cash_drawer driver 'laser'"),
    ],
)
def test_bad_device_settings_change_nothing(cli: Cli, args: list[str], message: str) -> None:
    code, _, err = cli("device", "add", "Drawer", "--kind", "cash_drawer", *args)
    assert code == 2 and message in err
    assert cli("device", "list")[1].strip() == "(none)"


def test_drawer_test_opens_it_as_an_audited_no_sale(cli: Cli, tcp_sink: TcpSink) -> None:
    cli("device", "add", "Drawer", "--kind", "cash_drawer", "--driver", "escpos",
        "--option", "host=127.0.0.1", "--option", f"port={tcp_sink.port}")  # fmt: skip
    code, out, err = cli("device", "test", "Drawer")
    assert code == 0, err
    assert "drawer opened" in out
    assert tcp_sink.got.wait(3) and bytes(tcp_sink.received) == pulse_bytes(2)
    store = open_store(cli.db)  # type: ignore[attr-defined]
    with store.read() as s:
        actions = s.scalars(select(AuditEntry.action).where(AuditEntry.action == "drawer.no_sale"))
        assert list(actions) == ["drawer.no_sale"]
    store.dispose()


def test_an_unreachable_drawer_is_reported(cli: Cli, free_port: int) -> None:
    cli("device", "add", "Drawer", "--kind", "cash_drawer", "--driver", "escpos",
        "--option", "host=127.0.0.1", "--option", f"port={free_port}")  # fmt: skip
    code, _, err = cli("device", "test", "Drawer")
    assert code == 2 and "Drawer is not reachable" in err


def test_scanner_test_reads_one_scan(cli: Cli, pty_pair: tuple[int, str]) -> None:
    master, path = pty_pair
    cli("device", "add", "Gun", "--kind", "scanner", "--driver", "serial",
        "--option", f"url={path}")  # fmt: skip
    timer = threading.Timer(0.5, lambda: os.write(master, b"281234567890123456\r"))
    timer.start()
    code, out, err = cli("device", "test", "Gun", "--wait", "5")
    timer.join()
    assert code == 0, err
    assert "Gun: read '28…3456' (alipay)" in out


def test_zvt_terminal_test_logs_on(cli: Cli) -> None:
    sim = ZvtSimulator()
    try:
        journal = cli.db.parent / "zvt.json"  # type: ignore[attr-defined]
        added = cli("device", "add", "Card", "--kind", "payment_terminal", "--driver", "zvt",
                    "--option", "host=127.0.0.1", "--option", f"port={sim.port}",
                    "--option", f"journal={journal}")  # fmt: skip
        assert added[0] == 0, added[2]
        code, out, err = cli("device", "test", "Card")
    finally:
        sim.close()
    assert code == 0, err
    assert "Card: logged on (terminal id 52500038)" in out
    assert sim.received == ["06 00"]


def test_unknown_or_broken_devices(cli: Cli) -> None:
    code, _, err = cli("device", "test", "Nope")
    assert code == 2 and "no device named 'Nope'" in err
    cli("device", "add", "Gun", "--kind", "scanner", "--driver", "keyboard",
        "--option", "max_gap_ms=20")  # fmt: skip
    code, out, _ = cli("device", "test", "Gun")
    assert code == 0 and "keyboard scanner" in out
