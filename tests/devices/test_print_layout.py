"""The ticket template: one file, checked completely, filled from the store."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from boxoffice.devices.printing import ticket_layout
from boxoffice.errors import ValidationError
from tests.devices.print_world import sell, snapshots
from tests.sales.conftest import World


def test_standard_template_fills_every_field_for_seated_and_standing(world: World) -> None:
    template = ticket_layout.load()
    (seated,) = snapshots(world, sell(world, ["S-C-7"], customer="Ann Lee"))
    values = ticket_layout.values(template, seated)
    assert values["place"] == "Stalls · Row C · Seat 7"
    assert values["price_line"].startswith("Adult €")
    kinds = [e.type for e in ticket_layout.fill(template, seated)]
    assert kinds.count("qr") == 1 and kinds.count("code128") == 1

    from boxoffice.money import Money
    from boxoffice.sales import checkout
    from boxoffice.sales.cart import Cart, CartItem

    with world.store.write() as s:
        sale = checkout.sell(
            s,
            world.clerk,
            Cart([CartItem(world.performance, "adult", ga_area_id=world.standing)]),
            [checkout.Cash(Money.of("500", "EUR"))],
            world.signer,
            now=world.now,
        )
        ga_id = sale.order.tickets[0].id
    (standing,) = snapshots(world, [ga_id])
    assert ticket_layout.values(template, standing)["place"] == "General admission · Standing"


def _write(tmp_path: Path, data: object) -> Path:
    path = tmp_path / "t.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda d: d.pop("stock"), "'stock' with width_mm"),
        (
            lambda d: d["elements"].append({"type": "text", "x": 1, "y": 1, "text": "{pin}"}),
            "unknown field 'pin'",
        ),
        (lambda d: d["elements"].append({"type": "blink", "x": 1, "y": 1}), "type must be one of"),
        (
            lambda d: d["elements"].append(
                {"type": "qr", "x": 500, "y": 1, "field": "barcode", "size": 9}
            ),
            "off the",
        ),
        (
            lambda d: d["elements"].append(
                {"type": "qr", "x": 1, "y": 1, "field": "holder", "size": 9}
            ),
            "field must be one of",
        ),
        (
            lambda d: d["elements"].append({"type": "text", "x": 1, "y": 1, "text": "{event"}),
            "bad format string",
        ),
        (lambda d: d["labels"].pop("en"), "'en' wording"),
    ],
)
def test_bad_template_is_refused_naming_the_problem(tmp_path: Path, mutate, message: str) -> None:  # type: ignore[no-untyped-def]
    data = json.loads(ticket_layout.default_template_path().read_text(encoding="utf-8"))
    mutate(data)
    with pytest.raises(ValidationError, match=message):
        ticket_layout.load(_write(tmp_path, data))


def test_template_that_is_not_json_or_missing(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(ValidationError, match="not valid JSON"):
        ticket_layout.load(bad)
    with pytest.raises(ValidationError, match="does not exist"):
        ticket_layout.load(tmp_path / "none.json")
