"""``boxoffice-admin sell`` end to end: the sales tests' store, real arguments, real tickets."""

from __future__ import annotations

import io
import json
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from boxoffice.actor import system_actor
from boxoffice.auth import users
from boxoffice.cli.main import main
from boxoffice.devices.card_terminal.zvt_simulator import ZvtSimulator
from boxoffice.errors import AuthenticationFailed, NotFound, ValidationError
from boxoffice.sales import barcodes, signing_keys
from boxoffice.sales.seat_search import best_available
from boxoffice.store.models import Discount, Seat, Ticket
from tests.sales.conftest import World


@pytest.fixture
def sell(world: World, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):
    """Run ``boxoffice-admin sell`` on the world's store; returns (exit, stdout, stderr)."""

    def _run(
        *args: str, pin: str = "1234", user: str = "ann", lang: str = "en"
    ) -> tuple[int, str, str]:
        monkeypatch.setattr(sys, "stdin", io.StringIO(pin + "\n"))
        monkeypatch.setenv("LANG", "C.UTF-8")
        for name in ("LC_ALL", "LC_MESSAGES"):
            monkeypatch.delenv(name, raising=False)
        argv = ["--db", str(world.store.path), "--lang", lang, "sell", "--user", user]
        code = main([*argv, "--performance", str(world.performance), *args])
        out, err = capsys.readouterr()
        return code, out, err

    return _run


@pytest.fixture
def cli_device(world: World, capsys: pytest.CaptureFixture[str]):
    """``boxoffice-admin device add ...`` on the world's store."""

    def _add(*args: str) -> None:
        code = main(["--db", str(world.store.path), "device", "add", *args])
        assert code == 0, capsys.readouterr().err
        capsys.readouterr()

    return _add


def counts(world: World) -> dict[str, int]:
    with world.store.read() as s:
        return {
            t: int(s.execute(text(f"SELECT count(*) FROM {t}")).scalar_one())
            for t in ("orders", "tickets", "payments", "cash_movements")
        }


def trusted(world: World) -> barcodes.TrustedKeys:
    public = signing_keys.public_bytes(world.signer.private_key)
    return barcodes.TrustedKeys.from_pairs([(public, "Window 1")])


def test_two_seat_cash_sale_prints_json_with_barcodes_that_verify(world: World, sell) -> None:
    code, out, err = sell("--seat", "S-A-14", "--seat", "S-A-15", "--cash", "500", "--json")
    assert code == 0, err
    sale = json.loads(out)
    assert sale["order"] and len(sale["serials"]) == len(sale["barcodes"]) == 2
    assert sale["currency"] == "EUR"
    assert Decimal(sale["total"]) > 0
    assert Decimal(sale["total"]) + Decimal(sale["change"]) == Decimal("500")
    keys = trusted(world)
    for barcode in sale["barcodes"]:
        verdict = barcodes.verify(barcode, keys, performance_id=world.performance)
        assert verdict.genuine, verdict.reason
    with world.store.read() as s:
        sold = s.scalars(
            select(Seat.guid).join(Ticket, Ticket.seat_id == Seat.id).order_by(Seat.guid)
        ).all()
    assert sold == ["S-A-14", "S-A-15"]


def test_best_available_sells_the_seats_the_search_offers(world: World, sell) -> None:
    with world.store.read() as s:
        offered = best_available(s, world.performance, 2, "Window 1", zone="Premium")
    code, out, err = sell("--best", "2", "--zone", "Premium", "--cash", "200", "--json")
    assert code == 0, err
    assert len(json.loads(out)["serials"]) == 2
    with world.store.read() as s:
        sold = set(s.scalars(select(Ticket.seat_id)))
    assert sold == set(offered.seat_ids)


def test_general_admission_sale(world: World, sell) -> None:
    code, out, err = sell("--ga", "Standing:3", "--cash", "200")
    assert code == 0, err
    assert out.startswith("order ") and "3 tickets" in out
    with world.store.read() as s:
        areas = s.scalars(select(Ticket.ga_area_id)).all()
    assert areas == [world.standing] * 3


def test_a_seat_already_sold_is_refused_by_code_and_nothing_is_sold(world: World, sell) -> None:
    assert sell("--seat", "S-A-14", "--cash", "500")[0] == 0
    before = counts(world)
    code, out, err = sell("--seat", "S-A-13", "--seat", "S-A-14", "--cash", "500")
    assert code == 2 and out == ""
    assert err.startswith("boxoffice-admin: error: ") and len(err.strip().splitlines()) == 1
    refusal = ValidationError("seats_unavailable", seats=["Stalls A-14"])
    assert err.strip() == f"boxoffice-admin: error: {refusal}"
    assert counts(world) == before
    code, _, err_zh = sell("--seat", "S-A-14", "--cash", "500", lang="zh_CN")
    assert code == 2 and err_zh.strip() == f"boxoffice-admin: error: {refusal.message('zh_CN')}"
    assert counts(world) == before


def test_wrong_pin_is_refused_and_nothing_is_sold(world: World, sell) -> None:
    before = counts(world)
    code, out, err = sell("--best", "2", "--cash", "500", pin="9999")
    assert code == 2 and out == ""
    assert err.strip() == f"boxoffice-admin: error: {AuthenticationFailed('wrong_credentials')}"
    assert counts(world) == before


def test_a_clerk_without_an_open_shift_is_refused(world: World, sell) -> None:
    with world.store.write() as s:
        users.create_user(s, system_actor("setup"), "bob", "clerk", "1357")
    before = counts(world)
    code, _, err = sell("--best", "2", "--cash", "500", user="bob", pin="1357")
    expected = ValidationError("shift_not_open", user="bob", terminal="Window 1")
    assert code == 2 and err.strip() == f"boxoffice-admin: error: {expected}"
    assert counts(world) == before


def test_pdf_writes_the_tickets(world: World, sell, tmp_path: Path) -> None:
    pdf = tmp_path / "tickets.pdf"
    code, out, err = sell("--seat", "S-B-10", "--cash", "100", "--pdf", str(pdf), "--json")
    assert code == 0, err
    assert pdf.read_bytes().startswith(b"%PDF")
    serial = json.loads(out)["serials"][0]
    assert serial.encode() in pdf.read_bytes() or pdf.stat().st_size > 1000
    with world.store.read() as s:
        assert s.scalar(select(func.count()).select_from(Ticket)) == 1


def test_card_without_a_card_terminal_is_refused(world: World, sell) -> None:
    before = counts(world)
    code, _, err = sell("--seat", "S-B-11", "--card")
    assert (
        code == 2
        and err.strip() == f"boxoffice-admin: error: {ValidationError('card_terminal_missing')}"
    )
    assert counts(world) == before


def test_voucher_and_price_type_reach_the_sale(world: World, sell) -> None:
    with world.store.write() as s:
        s.add(
            Discount(
                code="FRIENDS",
                name="Friends of the theatre",
                kind="fixed",
                value=1000,
                currency="EUR",
                scope="order",
            )
        )
    code, out, err = sell(
        "--seat", "S-A-15", "--seat", "S-A-16", "--voucher", "friends", "--cash", "168", "--json"
    )  # fmt: skip
    assert code == 0, err
    assert json.loads(out)["total"] == "168.00" and json.loads(out)["change"] == "0.00"
    code, out, err = sell("--seat", "S-A-17", "--price-type", "child", "--cash", "45", "--json")
    assert code == 0, err
    assert json.loads(out)["total"] == "45.00"


def test_print_on_a_configured_printer_by_name(
    world: World, sell, cli_device, tmp_path: Path
) -> None:
    folder = tmp_path / "printed"
    folder.mkdir()
    cli_device(
        "Tickets", "--kind", "ticket_printer", "--driver", "pdf", "--option", f"folder={folder}"
    )
    code, out, err = sell("--best", "2", "--cash", "200", "--print", "Tickets")
    assert code == 0, err
    assert out.startswith("order ") and "2 tickets" in out
    printed = list(folder.iterdir())
    assert printed and all(p.read_bytes().startswith(b"%PDF") for p in printed)
    with world.store.read() as s:
        logged = s.execute(text("SELECT count(*) FROM print_log")).scalar_one()
    assert logged >= 1


def test_an_unknown_printer_is_refused_before_anything_is_sold(world: World, sell) -> None:
    before = counts(world)
    code, _, err = sell("--best", "2", "--cash", "200", "--print", "Nowhere")
    refusal = NotFound("device_not_found", device="Nowhere")
    assert code == 2 and err.strip() == f"boxoffice-admin: error: {refusal}"
    assert counts(world) == before


@pytest.mark.parametrize(
    ("args", "refusal"),
    [
        (("--ga", "Standing:25"), None),
        (("--best", "2", "--zone", "Gallery"), NotFound("best_zone_not_found", zone="Gallery")),
        (("--seat", "Z-Z-99"), NotFound("sell_seat_not_found", seats=["Z-Z-99"])),
        ((), ValidationError("sell_nothing_chosen")),
    ],
)
def test_refusals_sell_nothing(world: World, sell, args: tuple[str, ...], refusal) -> None:
    before = counts(world)
    code, out, err = sell(*args, "--cash", "5000")
    assert code == 2 and out == "" and len(err.strip().splitlines()) == 1
    if refusal is not None:
        assert err.strip() == f"boxoffice-admin: error: {refusal}"
    assert counts(world) == before


def test_a_malformed_standing_request_is_refused_in_the_chosen_language(
    world: World, sell, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as stopped:
        sell("--ga", "Standing", "--cash", "5", lang="zh_CN")
    assert stopped.value.code == 2
    refusal = ValidationError("sell_ga_invalid", text="Standing").message("zh_CN")
    assert refusal in capsys.readouterr().err
    assert counts(world)["orders"] == 0


def test_card_sale_on_the_terminals_configured_zvt_terminal(
    world: World, sell, cli_device, tmp_path: Path
) -> None:
    sim = ZvtSimulator()
    try:
        journal = tmp_path / "zvt.json"
        cli_device(
            "Card", "--kind", "payment_terminal", "--driver", "zvt",
            "--option", "host=127.0.0.1", "--option", f"port={sim.port}",
            "--option", f"journal={journal}",
        )  # fmt: skip
        code, out, err = sell("--seat", "S-A-14", "--card", "--json")
    finally:
        sim.close()
    assert code == 0, err
    sale = json.loads(out)
    assert sim.charged_minor == int(Decimal(sale["total"]) * 100) and sale["change"] == "0.00"
    with world.store.read() as s:
        kinds = s.execute(text("SELECT kind FROM payments")).scalars().all()
    assert kinds == ["card"]
