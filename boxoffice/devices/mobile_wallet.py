"""Mobile-wallet tenders: the customer shows a WeChat Pay / Alipay code, the terminal collects.

A ``WalletProvider`` is one acquirer's API for customer-presented codes
("micropay" / "face-to-face barcode pay"): ``pay`` may answer *paid*,
*failed* or *pending* (the customer must confirm on the phone); ``query``
follows a pending trade; ``cancel`` takes back a trade that never settled.
Providers deduplicate by our reference (their out-trade number), so a
retried ``pay`` never charges twice. ``collect`` drives one payment to a
known end: paid, failed, or — if the customer never confirms — cancelled.

The real providers need merchant credentials and are configured later;
``SimulatedWalletProvider`` behaves like them for tests and demos. A sale
paid by wallet goes through the sell op (``boxoffice.ops.sell``, tender
``WalletPayment``), which collects, books the trade as a ``Card`` tender
whose scheme is the wallet (``WalletResult.as_card_result``: only the
provider's trade number is kept, never the customer's code), and refunds it
if the booking fails.
"""

from __future__ import annotations

import itertools
import threading
import time
from collections import deque
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from typing import Protocol

from boxoffice.devices.scanners.codes import ScanKind, ScannedCode
from boxoffice.errors import ValidationError
from boxoffice.messages import Notice
from boxoffice.money import Money
from boxoffice.sales.payment_terminal import CardResult

SCHEME = {ScanKind.WECHAT_PAY: "WECHAT PAY", ScanKind.ALIPAY: "ALIPAY"}


@dataclass(frozen=True)
class WalletResult:
    status: str  # paid, failed, pending, cancelled, refunded
    amount: Money
    wallet: ScanKind
    reference: str
    trade_no: str = ""
    #: The provider's own words (shown as they come), e.g. "insufficient balance".
    message: str = ""
    #: Why, when the terminal itself ended the trade (``wallet_not_confirmed``), by code.
    reason: Notice | None = None

    def why(self) -> Notice | str:
        """Why this trade was not paid: the terminal's coded reason, else the provider's words."""
        return self.reason or self.message or Notice("wallet_not_paid_no_reason")

    @property
    def paid(self) -> bool:
        return self.status == "paid"

    def as_card_result(self) -> CardResult:
        """What checkout books: the wallet as scheme, its trade number as reference."""
        if not self.paid:
            return CardResult(False, self.amount, SCHEME[self.wallet], message=str(self.why()))
        return CardResult(
            True,
            self.amount,
            SCHEME[self.wallet],
            auth_code=self.trade_no[-20:],
            terminal_ref=f"{self.wallet.value}:{self.trade_no}"[:40],
            message="paid",
        )


class WalletProvider(Protocol):
    def pay(self, code: ScannedCode, amount: Money, reference: str) -> WalletResult: ...

    def query(self, reference: str) -> WalletResult: ...

    def cancel(self, reference: str) -> WalletResult: ...

    def refund(self, reference: str, amount: Money, refund_reference: str) -> WalletResult: ...


def collect(
    providers: Mapping[ScanKind, WalletProvider],
    code: ScannedCode,
    amount: Money,
    reference: str,
    *,
    wait_s: float = 60.0,
    poll_s: float = 2.0,
    sleep: Callable[[float], None] = time.sleep,
) -> WalletResult:
    """Take ``amount`` with a scanned wallet code; always ends paid, failed or cancelled.

    Refuses (``ValidationError``, by code) a code that is not a wallet's, an
    amount of zero, a wallet with no account here, and a trade that could not
    be cancelled. A trade the customer never confirmed is cancelled with the
    reason ``wallet_not_confirmed`` (``WalletResult.reason``).

    Blocking (network): run it off the UI thread.
    """
    if not code.is_wallet_payment:
        raise ValidationError("wallet_code_unknown")
    if amount.minor <= 0:
        raise ValidationError("wallet_amount_not_positive")
    provider = providers.get(code.kind)
    if provider is None:
        raise ValidationError("wallet_account_missing", wallet=SCHEME[code.kind].title())
    result = provider.pay(code, amount, reference)
    waited = 0.0
    while result.status == "pending" and waited < wait_s:
        sleep(poll_s)
        waited += poll_s
        result = provider.query(reference)
    if result.status == "pending":
        result = provider.cancel(reference)
        if result.status != "cancelled":
            raise ValidationError(
                "wallet_cancel_failed", wallet=SCHEME[code.kind].title(), reference=reference
            )
        result = replace(result, reason=Notice("wallet_not_confirmed"))
    return result


# -- a simulator that behaves like the providers --------------------------------------
@dataclass
class _Trade:
    reference: str
    code: str
    amount: Money
    status: str
    trade_no: str
    polls_left: int = 0
    refunded_minor: int = 0


class SimulatedWalletProvider:
    """One wallet's API. Script outcomes: ``paid``, ``insufficient``, ``confirm`` (pending,
    paid after two queries) or ``never`` (pending until cancelled)."""

    def __init__(self, wallet: ScanKind) -> None:
        self.wallet = wallet
        self.outcomes: deque[str] = deque()
        self.trades: dict[str, _Trade] = {}
        self.calls: list[str] = []
        self._used_codes: set[str] = set()
        self._numbers = itertools.count(1)
        self._lock = threading.Lock()

    def script(self, *outcomes: str) -> None:
        self.outcomes.extend(outcomes)

    def _result(self, t: _Trade, message: str = "") -> WalletResult:
        return WalletResult(t.status, t.amount, self.wallet, t.reference, t.trade_no, message)

    def pay(self, code: ScannedCode, amount: Money, reference: str) -> WalletResult:
        with self._lock:
            self.calls.append("pay")
            if reference in self.trades:  # the provider deduplicates by out-trade number
                return self._result(self.trades[reference])
            if code.text in self._used_codes:
                return WalletResult(
                    "failed", amount, self.wallet, reference,
                    message="this payment code was already used; ask for a fresh one",
                )  # fmt: skip
            self._used_codes.add(code.text)
            outcome = self.outcomes.popleft() if self.outcomes else "paid"
            trade_no = f"{self.wallet.value[:2].upper()}{next(self._numbers):012d}"
            status = {"paid": "paid", "insufficient": "failed"}.get(outcome, "pending")
            t = _Trade(reference, code.masked(), amount, status, trade_no)
            t.polls_left = 2 if outcome == "confirm" else 10**9
            self.trades[reference] = t
            message = "insufficient balance" if status == "failed" else ""
            return self._result(t, message)

    def query(self, reference: str) -> WalletResult:
        with self._lock:
            self.calls.append("query")
            t = self.trades[reference]
            if t.status == "pending":
                t.polls_left -= 1
                if t.polls_left <= 0:
                    t.status = "paid"
            return self._result(t)

    def cancel(self, reference: str) -> WalletResult:
        with self._lock:
            self.calls.append("cancel")
            t = self.trades[reference]
            if t.status in ("pending", "paid"):
                t.status = "cancelled"
            return self._result(t, "the customer did not confirm in time; cancelled")

    def refund(self, reference: str, amount: Money, refund_reference: str) -> WalletResult:
        with self._lock:
            self.calls.append("refund")
            t = self.trades.get(reference)
            if t is None or t.status not in ("paid", "refunded"):
                raise ValidationError("wallet_trade_not_found", reference=reference)
            if t.refunded_minor + amount.minor > t.amount.minor:
                raise ValidationError("wallet_refund_too_large")
            t.refunded_minor += amount.minor
            if t.refunded_minor == t.amount.minor:
                t.status = "refunded"
            return WalletResult("refunded", amount, self.wallet, refund_reference, t.trade_no)

    @property
    def collected_minor(self) -> int:
        return sum(
            t.amount.minor - t.refunded_minor
            for t in self.trades.values()
            if t.status in ("paid", "refunded")
        )
