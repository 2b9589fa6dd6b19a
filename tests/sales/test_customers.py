"""Customers on orders: stored with the order, found again by number, name, phone or email."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from boxoffice.errors import ValidationError
from boxoffice.money import Money
from boxoffice.sales.cart import Cart, CartItem, CustomerDetails
from boxoffice.sales.checkout import Cash, place_order, sell
from boxoffice.sales.customers import find_or_create_customer, search_orders
from boxoffice.store.models import Customer, Order
from tests.sales.conftest import World


def cart(world: World, guid: str) -> Cart:
    return Cart([CartItem(world.performance, "adult", seat_id=world.seats[guid])])


def sale(world: World, guid: str, customer: CustomerDetails | None, minutes: int = 0) -> str:
    with world.store.write() as s:
        return sell(
            s,
            world.clerk,
            cart(world, guid),
            [Cash(Money.of("100", "EUR"))],
            world.signer,
            now=world.now + timedelta(minutes=minutes),
            customer=customer,
        ).order.number


def found(world: World, text: str) -> list[str]:
    with world.store.read() as s:
        return [o.number for o in search_orders(s, text)]


@pytest.fixture
def orders(world: World) -> dict[str, str]:
    """Three customers' orders and one without a customer, in time order."""
    return {
        "wei": sale(
            world,
            "S-A-14",
            CustomerDetails("Li Wei", "+86 138-0013-8000", "Li.Wei@Example.com"),
            1,
        ),
        "mary": sale(world, "S-A-15", CustomerDetails("Mary Ann  O'Brien", "087 123 4567"), 2),
        "anon": sale(world, "S-A-16", None, 3),
        "marian": sale(world, "S-A-17", CustomerDetails(name="Marian Keyes"), 4),
    }


def test_search_by_order_number(world: World, orders: dict[str, str]) -> None:
    assert found(world, orders["anon"]) == [orders["anon"]]
    assert found(world, orders["wei"].lower()) == [orders["wei"]]
    assert found(world, "W1-999999") == []


def test_search_by_name_ignores_case_and_spacing_and_matches_parts(
    world: World, orders: dict[str, str]
) -> None:
    assert found(world, "li wei") == [orders["wei"]]
    assert found(world, "O'BRIEN") == [orders["mary"]]
    assert found(world, "mary ann o'b") == [orders["mary"]]
    # Newest first.
    assert found(world, "MAR") == [orders["marian"], orders["mary"]]
    assert found(world, "Nobody") == []


@pytest.mark.parametrize(
    "typed",
    ["+86 138-0013-8000", "13800138000", "138 0013 8000", "(138) 0013-8000", "8000", "0013 8000"],
)
def test_search_by_phone_in_any_format_or_its_last_digits(
    world: World, orders: dict[str, str], typed: str
) -> None:
    assert found(world, typed) == [orders["wei"]]


def test_phone_search_needs_four_digits_that_match_the_end(
    world: World, orders: dict[str, str]
) -> None:
    assert found(world, "800") == []  # too short to be a phone search
    assert found(world, "8001") == []
    assert found(world, "0013") == []  # in the middle, not at the end
    assert found(world, "123-4567") == [orders["mary"]]


def test_search_by_email_ignores_case(world: World, orders: dict[str, str]) -> None:
    assert found(world, "li.wei@example.com") == [orders["wei"]]
    assert found(world, "LI.WEI@EXAMPLE.COM") == [orders["wei"]]
    assert found(world, "other@example.com") == []


def test_search_needs_two_characters(world: World) -> None:
    with pytest.raises(ValidationError, match="at least two"), world.store.read() as s:
        search_orders(s, " a ")


@pytest.mark.parametrize(
    ("details", "message"),
    [
        (CustomerDetails("Ann", phone="12"), "phone number '12' has too few digits"),
        (CustomerDetails("Ann", phone="call me"), "too few digits"),
        (CustomerDetails("Ann", email="ann@"), "'ann@' is not an email address"),
        (CustomerDetails("Ann", email="ann at example.com"), "not an email address"),
        (CustomerDetails("A" * 201), "longer than 200"),
    ],
)
def test_invalid_details_are_refused_and_nothing_is_stored(
    world: World, details: CustomerDetails, message: str
) -> None:
    with pytest.raises(ValidationError, match=message), world.store.write() as s:
        place_order(s, world.clerk, cart(world, "S-A-14"), now=world.now, customer=details)
    with world.store.read() as s:
        assert s.scalar(select(func.count()).select_from(Customer)) == 0
        assert s.scalar(select(func.count()).select_from(Order)) == 0


def test_same_phone_or_email_reuses_the_customer(world: World) -> None:
    first = sale(world, "S-A-14", CustomerDetails("J. Murphy", "087-123-4567"), 1)
    second = sale(world, "S-A-15", CustomerDetails("John Murphy", "(087) 123 4567"), 2)
    third = sale(world, "S-A-16", CustomerDetails(email="JM@Example.ie"), 3)
    fourth = sale(world, "S-A-17", CustomerDetails("John", email="jm@example.ie"), 4)
    with world.store.read() as s:
        owners = dict(s.execute(select(Order.number, Order.customer_id)).all())
        # Same phone under another name is another customer: nobody's order
        # changes hands at will-call because a family shares a phone.
        assert owners[first] != owners[second]
        assert owners[third] == owners[fourth]  # the email booking had no name yet
        assert owners[first] != owners[third]
        assert s.scalar(select(func.count()).select_from(Customer)) == 3
        phone_customer = s.get(Customer, owners[first])
        assert phone_customer is not None
        assert phone_customer.name == "J. Murphy"  # not overwritten by the second booking
    assert sorted(found(world, "4567")) == sorted([first, second])
    assert found(world, "john murphy") == [second]


def test_customer_is_kept_exactly_as_typed_with_lookup_keys(world: World) -> None:
    with world.store.write() as s:
        customer = find_or_create_customer(
            s, CustomerDetails("  Zoë  Ní Bhriain ", " +353 (0)1 234 5678 ", "Zoe@X.ie "), world.now
        )
        assert (customer.name, customer.phone, customer.email) == (
            "Zoë  Ní Bhriain",
            "+353 (0)1 234 5678",
            "Zoe@X.ie",
        )
        assert customer.name_key == "zoë ní bhriain"
        assert customer.phone_key == "353012345678"
        assert customer.email_key == "zoe@x.ie"
