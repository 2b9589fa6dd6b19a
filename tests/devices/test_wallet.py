"""Mobile-wallet tenders: scanned WeChat Pay / Alipay codes collected through a provider."""

from __future__ import annotations

import pytest

from boxoffice.devices.mobile_wallet import SimulatedWalletProvider, collect
from boxoffice.devices.scanners.codes import ScanKind, classify
from boxoffice.errors import ValidationError
from boxoffice.money import Money
from boxoffice.sales import checkout
from boxoffice.sales.checkout import Card
from tests.sales import conftest as sales_fixtures
from tests.sales.conftest import World
from tests.sales.helpers import cart, eur

# Fixtures shared with other test packages, bound here by name.
_template = sales_fixtures._template
world = sales_fixtures.world

WECHAT = "134567890123456789"
ALIPAY = "281234567890123456"


def cny(text: str) -> Money:
    return Money.of(text, "CNY")


@pytest.fixture
def providers() -> dict[ScanKind, SimulatedWalletProvider]:
    return {k: SimulatedWalletProvider(k) for k in (ScanKind.WECHAT_PAY, ScanKind.ALIPAY)}


def test_paid_at_once(providers: dict[ScanKind, SimulatedWalletProvider]) -> None:
    result = collect(providers, classify(WECHAT), cny("280.00"), "W1-000001/1")
    assert result.paid and result.wallet == ScanKind.WECHAT_PAY
    card = result.as_card_result()
    assert (card.approved, card.scheme, card.last4) == (True, "WECHAT PAY", "")
    assert card.terminal_ref == f"wechat_pay:{result.trade_no}"
    assert providers[ScanKind.WECHAT_PAY].collected_minor == 28000


def test_customer_confirms_on_the_phone(providers: dict[ScanKind, SimulatedWalletProvider]) -> None:
    alipay = providers[ScanKind.ALIPAY]
    alipay.script("confirm")
    slept: list[float] = []
    result = collect(providers, classify(ALIPAY), cny("99.50"), "r1", sleep=slept.append)
    assert result.paid
    assert alipay.calls == ["pay", "query", "query"]
    assert slept == [2.0, 2.0]


def test_never_confirmed_is_cancelled_not_left_open(
    providers: dict[ScanKind, SimulatedWalletProvider],
) -> None:
    wechat = providers[ScanKind.WECHAT_PAY]
    wechat.script("never")
    result = collect(
        providers, classify(WECHAT), cny("10.00"), "r2", wait_s=6, poll_s=2, sleep=lambda s: None
    )
    assert result.status == "cancelled"
    assert result.reason is not None and result.reason.code == "wallet_not_confirmed"
    assert str(result.why()) == "the customer did not confirm in time; cancelled"
    assert result.why().message("zh_CN") == "顾客未及时在手机上确认，已撤销付款"
    assert not result.as_card_result().approved
    assert wechat.calls == ["pay", "query", "query", "query", "cancel"]
    assert wechat.collected_minor == 0


def test_declined_and_reused_codes(providers: dict[ScanKind, SimulatedWalletProvider]) -> None:
    providers[ScanKind.WECHAT_PAY].script("insufficient")
    failed = collect(providers, classify(WECHAT), cny("10.00"), "r3")
    assert failed.status == "failed" and failed.message == "insufficient balance"
    again = collect(providers, classify(WECHAT), cny("10.00"), "r4")  # same code, new attempt
    assert again.status == "failed"
    assert "already used" in again.message


def test_a_retry_with_the_same_reference_charges_once(
    providers: dict[ScanKind, SimulatedWalletProvider],
) -> None:
    first = collect(providers, classify(WECHAT), cny("50.00"), "W1-000009/1")
    second = collect(providers, classify(WECHAT), cny("50.00"), "W1-000009/1")
    assert first.trade_no == second.trade_no
    assert providers[ScanKind.WECHAT_PAY].collected_minor == 5000


def test_refund_within_what_was_paid(providers: dict[ScanKind, SimulatedWalletProvider]) -> None:
    alipay = providers[ScanKind.ALIPAY]
    collect(providers, classify(ALIPAY), cny("80.00"), "r5")
    alipay.refund("r5", cny("30.00"), "r5/R1")
    with pytest.raises(ValidationError, match="more than what was paid"):
        alipay.refund("r5", cny("60.00"), "r5/R2")
    assert alipay.collected_minor == 5000


@pytest.mark.parametrize(
    ("text", "message"),
    [("W1-000123", "not a WeChat Pay or Alipay payment code")],
)
def test_not_a_wallet_code(
    providers: dict[ScanKind, SimulatedWalletProvider], text: str, message: str
) -> None:
    with pytest.raises(ValidationError, match=message):
        collect(providers, classify(text), cny("1.00"), "r6")


def test_wallet_not_set_up() -> None:
    with pytest.raises(ValidationError, match="no Alipay account is set up"):
        collect({}, classify(ALIPAY), cny("1.00"), "r7")


def test_a_wallet_payment_completes_a_sale(world: World) -> None:
    providers = {ScanKind.WECHAT_PAY: SimulatedWalletProvider(ScanKind.WECHAT_PAY)}
    with world.store.read() as s:
        due = checkout.quote(s, cart(world, "S-A-14"), now=world.now).priced.total
    result = collect(providers, classify(WECHAT), due, "cart-1/1")
    with world.store.write() as s:
        sale = checkout.sell(
            s,
            world.clerk,
            cart(world, "S-A-14"),
            [Card(result.as_card_result())],
            world.signer,
            now=world.now,
        )
        payment = sale.order.payments[0]
        assert payment.card_scheme == "WECHAT PAY"
        assert WECHAT not in (payment.auth_code + payment.terminal_ref)


def test_a_wallet_sale_goes_through_the_sell_op_and_is_refunded_if_not_booked(
    world: World,
) -> None:
    from boxoffice.ops.sell import PaymentGivenBack, WalletPayment, sell
    from boxoffice.sales.checkout import Cash
    from tests.sales.helpers import terminal_context

    wechat = SimulatedWalletProvider(ScanKind.WECHAT_PAY)
    providers = {ScanKind.WECHAT_PAY: wechat}
    ctx = terminal_context(world)
    done = sell(
        ctx, world.clerk, cart(world, "S-A-14"),
        [WalletPayment(classify(WECHAT), providers=providers)],
    ).value  # fmt: skip
    assert wechat.collected_minor == done.total.minor
    assert done.payments[0].scheme == "WECHAT PAY"

    c = cart(world, "S-A-15")
    with world.store.write() as s:  # another window sells the seat first
        checkout.sell(s, world.supervisor, cart(world, "S-A-15"), [Cash(eur("100"))],
                      world.signer, now=world.now)  # fmt: skip
    with pytest.raises(ValidationError, match="the wallet payment was refunded") as refused:
        sell(
            ctx,
            world.clerk,
            c,
            [WalletPayment(classify("104567890123456789"), providers=providers)],
        )
    assert isinstance(refused.value, PaymentGivenBack)
    assert refused.value.code == "sale_failed_wallet_refunded"
    assert wechat.collected_minor == done.total.minor  # the second one went back

    # The box office's wallet accounts may come from the context instead.
    ctx.cache["wallet_providers"] = providers
    sell(ctx, world.clerk, cart(world, "S-A-16"), [WalletPayment(classify("134567890123456780"))])
    assert wechat.collected_minor > done.total.minor


def test_a_wallet_payment_not_made_books_nothing(world: World) -> None:
    from boxoffice.ops.sell import WalletPayment, sell
    from tests.sales.helpers import terminal_context

    wechat = SimulatedWalletProvider(ScanKind.WECHAT_PAY)
    wechat.script("insufficient")
    paying = WalletPayment(classify(WECHAT), providers={ScanKind.WECHAT_PAY: wechat})
    with pytest.raises(ValidationError, match="Wechat Pay payment not made: insufficient") as e:
        sell(terminal_context(world), world.clerk, cart(world, "S-A-14"), [paying])
    assert e.value.code == "wallet_not_paid"
