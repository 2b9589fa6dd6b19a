"""The integrated card terminal over ZVT (TCP, port 20007 by default).

One transaction is one TCP connection: the ECR sends a command, the
terminal acknowledges (``80 00 00``) and then sends, each acknowledged by
us, intermediate status (``04 FF``, shown to the clerk), status information
(``04 0F``: result, amount, receipt number, terminal id, auth code, card
name, masked card number), print lines (``06 D1``, the slip) and finally a
completion (``06 0F``) or an abort (``06 1E`` with its reason).

A card is never charged twice. Every sale and refund is written to the
``CardJournal`` as *pending* before it goes out. A retry with the same
reference returns the earlier approval instead of asking again. If the
terminal goes silent mid-transaction the attempt becomes *unknown* and is
settled at once (or before the next transaction, if the terminal is gone):
the terminal's last receipt (``06 20``) tells whether it charged; if it did,
the charge is reversed (``06 30``) — or, with ``timeout_policy="confirm"``,
kept — so every attempt ends in a known state.

Only scheme, last four digits, auth code, terminal id and the slip text
leave this module; raw messages are never logged (they may carry a card
number).
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass, field
from pathlib import Path

from boxoffice.devices.base import (
    Device,
    DeviceError,
    DeviceKind,
    DeviceState,
    DeviceTimeout,
    DeviceUnavailable,
)
from boxoffice.devices.card_terminal import zvt, zvt_link
from boxoffice.devices.card_terminal.journal import Attempt, CardJournal
from boxoffice.devices.registry import DeviceConfig, DeviceRegistry, register_driver
from boxoffice.errors import ValidationError
from boxoffice.money import Money
from boxoffice.sales.payment_terminal import CardResult

log = logging.getLogger(__name__)

#: Config byte of the registration: the ECR prints payment and admin receipts
#: (the terminal sends print lines), and wants intermediate status (0x02|0x04|0x08).
CONFIG_BYTE = 0x0E
_LONG_DIGITS = re.compile(r"\d{9,}(?=\d{4})")


class NotSent(DeviceUnavailable):
    """The terminal could not be reached: nothing was asked of it."""


@dataclass
class Outcome:
    status: zvt.StatusInfo | None = None
    lines: list[str] = field(default_factory=list)
    abort_code: int | None = None
    completion: dict[int, bytes] = field(default_factory=dict)


@dataclass(frozen=True)
class EndOfDay:
    total: Money | None
    receipt: tuple[str, ...]


def _mask(line: str) -> str:
    """Belt and braces: hide all but the last 4 of any long digit run on a slip line."""
    return _LONG_DIGITS.sub(lambda m: "*" * len(m.group()), line)


class ZvtTerminal(Device):
    kind = DeviceKind.PAYMENT_TERMINAL

    def __init__(
        self,
        name: str,
        host: str,
        journal: CardJournal,
        *,
        serial_url: str = "",
        baudrate: int = 9600,
        port: int = 20007,
        password: str = "000000",
        currency: str = "EUR",
        connect_timeout: float = 5.0,
        ack_timeout: float = 5.0,
        answer_timeout: float = 180.0,
        timeout_policy: str = "reverse",
        on_display: Callable[[str], None] | None = None,
    ) -> None:
        super().__init__(name)
        if bool(host) == bool(serial_url):
            raise ValidationError("zvt_address_missing")
        if not (password.isdigit() and len(password) == 6):
            raise ValidationError("zvt_password_invalid")
        if timeout_policy not in ("reverse", "confirm"):
            raise ValidationError("zvt_timeout_policy_invalid")
        self.host, self.port, self.journal = host, port, journal
        self.serial_url, self.baudrate = serial_url, baudrate
        self.password = zvt.bcd(password, 3)
        self.currency = currency
        zvt.currency_bcd(currency)  # a currency the driver knows
        self.connect_timeout, self.ack_timeout = connect_timeout, ack_timeout
        self.answer_timeout, self.timeout_policy = answer_timeout, timeout_policy
        self.on_display = on_display
        self.terminal_id = ""
        self._io = threading.RLock()
        self._cancel = threading.Event()

    def describe(self) -> str:
        return f"ZVT {self.host}:{self.port}" if self.host else f"ZVT {self.serial_url}"

    # -- the PaymentTerminal protocol (blocking; run off the UI thread) -------------
    def authorise(self, amount: Money, reference: str) -> CardResult:
        return self._money("sale", amount, reference)

    def refund(self, amount: Money, reference: str, original: CardResult) -> CardResult:
        return self._money("refund", amount, reference)

    def reverse(self, original: CardResult) -> CardResult:
        receipt = _receipt_of(original)
        with self._io:
            self._settle_open()
            sale = next(
                (a for a in self._attempts() if a.receipt_no == receipt and a.kind == "sale"), None
            )
            if sale is not None and sale.state == "reversed":
                return CardResult(
                    True,
                    original.amount,
                    original.scheme,
                    original.last4,
                    original.auth_code,
                    original.terminal_ref,
                    "already reversed",
                )
            outcome = self._transact(
                zvt.Cmd.REVERSAL, self.password + zvt.encode_bmps([(0x87, zvt.bcd(receipt, 2))])
            )
            result = self._result(original.amount, outcome)
            if result.approved and sale is not None:
                self.journal.update(sale.reference, state="reversed")
            return result

    # -- more of the terminal -------------------------------------------------------
    def register(self) -> str:
        """Log on to the terminal (06 00); returns its terminal id if it says."""
        with self._io:
            data = self.password + bytes([CONFIG_BYTE]) + zvt.currency_bcd(self.currency)
            outcome = self._transact(zvt.Cmd.REGISTRATION, data)
            if outcome.abort_code is not None:
                raise DeviceError(
                    "zvt_logon_refused",
                    terminal=self.name,
                    reason=zvt.result_text(outcome.abort_code),
                )
            tid = outcome.completion.get(0x29)
            if tid is not None:
                self.terminal_id = zvt.bcd_digits(tid)
            return self.terminal_id

    def end_of_day(self) -> EndOfDay:
        """Close the terminal's day (06 50): its totals go to the acquirer."""
        with self._io:
            self._settle_open()
            outcome = self._transact(zvt.Cmd.END_OF_DAY, self.password)
            if outcome.abort_code is not None:
                raise DeviceError(
                    "zvt_end_of_day_failed", reason=zvt.result_text(outcome.abort_code)
                )
            total = None
            if outcome.status is not None and outcome.status.amount_minor is not None:
                total = Money(outcome.status.amount_minor, self.currency)
            # Many terminals restart their receipt numbers with the new day.
            self.journal.close_day()
            return EndOfDay(total, tuple(_mask(line) for line in outcome.lines))

    # -- queued versions for the UI ------------------------------------------------
    def authorise_async(self, amount: Money, reference: str) -> Future[CardResult]:
        return self.run(self.authorise, amount, reference)

    def refund_async(
        self, amount: Money, reference: str, original: CardResult
    ) -> Future[CardResult]:
        return self.run(self.refund, amount, reference, original)

    def reverse_async(self, original: CardResult) -> Future[CardResult]:
        return self.run(self.reverse, original)

    def end_of_day_async(self) -> Future[EndOfDay]:
        return self.run(self.end_of_day)

    # -- sales and refunds ---------------------------------------------------------
    def _money(self, kind: str, amount: Money, reference: str) -> CardResult:
        if amount.minor <= 0:
            raise ValidationError("card_amount_not_positive")
        if not reference:
            raise ValidationError("card_reference_missing")
        currency = zvt.currency_bcd(amount.currency)
        with self._io:
            self._settle_open()
            prior = self.journal.get(reference)
            if prior is not None:
                if prior.kind != kind or prior.amount_minor != amount.minor:
                    raise ValidationError(
                        "card_reference_reused",
                        reference=reference,
                        kind=prior.kind,
                        amount=Money(prior.amount_minor, prior.currency),
                    )
                if prior.state == "approved":
                    log.info("%s %s was approved before; not sent again", kind, reference)
                    return self._from_attempt(prior)
            self._cancel.clear()
            self.journal.put(Attempt(reference, kind, amount.minor, amount.currency, "pending"))
            command = zvt.Cmd.AUTHORISATION if kind == "sale" else zvt.Cmd.REFUND
            data = zvt.encode_bmps([(0x04, zvt.bcd(amount.minor, 6)), (0x49, currency)])
            if kind == "refund":
                data = self.password + data
            try:
                outcome = self._transact(command, data)
            except NotSent:
                self.journal.update(reference, state="not_charged", message="terminal not reached")
                raise
            except DeviceUnavailable:
                self.journal.update(reference, state="unknown")
                settled = self._settle(self.journal.get(reference))  # type: ignore[arg-type]
                return self._from_attempt(settled)
            result = self._result(amount, outcome)
            state = (
                "approved"
                if result.approved
                else ("cancelled" if outcome.abort_code == 0x6C else "declined")
            )
            self.journal.put(self._attempt_from(reference, kind, amount, state, result, outcome))
            return result

    def _attempts(self) -> list[Attempt]:
        return self.journal.all()

    def _settle_open(self) -> None:
        for attempt in self.journal.open_attempts():
            self._settle(attempt)

    def _settle(self, attempt: Attempt) -> Attempt:
        """Find out whether the terminal charged for ``attempt`` and end it in a known state."""
        try:
            last = self._transact(zvt.Cmd.REPEAT_RECEIPT, self.password)
            status = last.status
            ours = (
                status is not None
                and status.approved
                and status.receipt_no != ""
                and status.receipt_no not in self.journal.known_receipts()
                and status.amount_minor == attempt.amount_minor
            )
            if not ours:
                log.info("%s %s: the terminal did not charge", attempt.kind, attempt.reference)
                return self.journal.update(
                    attempt.reference,
                    state="not_charged",
                    message="the terminal did not answer in time; nothing was charged",
                )
            assert status is not None
            fields = dict(
                receipt_no=status.receipt_no,
                trace=status.trace,
                terminal_id=status.terminal_id,
                scheme=zvt.scheme_of(status.card_name),
                last4=status.last4,
                auth_code=status.auth_code[:20],
            )
            if attempt.kind == "refund" or self.timeout_policy == "confirm":
                return self.journal.update(
                    attempt.reference,
                    state="approved",
                    message="approved (confirmed after the terminal was slow to answer)",
                    **fields,
                )
            reversal = self._transact(
                zvt.Cmd.REVERSAL,
                self.password + zvt.encode_bmps([(0x87, zvt.bcd(status.receipt_no, 2))]),
            )
            if reversal.status is None or not reversal.status.approved:
                raise DeviceError("zvt_reversal_refused")
            log.info("%s %s: timed out, reversed", attempt.kind, attempt.reference)
            return self.journal.update(
                attempt.reference,
                state="reversed",
                message="the terminal did not answer in time; the payment was reversed",
                **fields,
            )
        except DeviceError as exc:
            self.journal.update(attempt.reference, state="unknown")
            raise DeviceUnavailable(
                "card_outcome_unknown",
                terminal=self.name,
                kind=attempt.kind,
                reference=attempt.reference,
                reason=exc,
            ) from exc

    def _from_attempt(self, a: Attempt) -> CardResult:
        amount = Money(a.amount_minor, a.currency)
        if a.state != "approved":
            return CardResult(False, amount, message=a.message or a.state)
        return CardResult(
            True,
            amount,
            a.scheme,
            a.last4,
            a.auth_code,
            f"ZVT:{a.terminal_id}:{a.receipt_no}",
            a.message or "approved",
        )

    @staticmethod
    def _attempt_from(
        reference: str, kind: str, amount: Money, state: str, r: CardResult, o: Outcome
    ) -> Attempt:
        s = o.status
        return Attempt(
            reference,
            kind,
            amount.minor,
            amount.currency,
            state,
            receipt_no=s.receipt_no if s else "",
            trace=s.trace if s else "",
            terminal_id=s.terminal_id if s else "",
            scheme=r.scheme,
            last4=r.last4,
            auth_code=r.auth_code,
            message=r.message,
        )

    def _result(self, amount: Money, outcome: Outcome) -> CardResult:
        lines = tuple(_mask(line) for line in outcome.lines)
        status = outcome.status
        if outcome.abort_code is not None or status is None or not status.approved:
            code = (
                outcome.abort_code
                if outcome.abort_code is not None
                else (status.result if status else 0xFF)
            )
            return CardResult(False, amount, message=zvt.result_text(code), receipt=lines)
        if status.amount_minor is not None and status.amount_minor != amount.minor:
            raise DeviceError("zvt_amount_mismatch")
        return CardResult(
            True,
            amount,
            zvt.scheme_of(status.card_name),
            status.last4,
            status.auth_code[:20],
            f"ZVT:{status.terminal_id}:{status.receipt_no}",
            "approved",
            lines,
        )

    def cancel(self) -> None:
        """Ask the terminal to stop the running payment (06 B0), e.g. the customer changed
        their mind before presenting a card. Safe from any thread; returns at once. The
        terminal decides: once it is online with the bank it may still approve."""
        self._cancel.set()

    # -- one exchange --------------------------------------------------------------
    def _next(self, link: zvt_link.Link) -> zvt.Apdu:
        """The terminal's next message; sends a requested abort while it waits."""
        waited, aborted = 0.0, False
        while True:
            step = min(0.25, max(self.answer_timeout - waited, 0.01))
            try:
                return link.receive(step)
            except DeviceTimeout:
                waited += step
                if self._cancel.is_set() and not aborted:
                    aborted = True
                    log.info("%s: abort requested by the clerk", self.name)
                    link.send(zvt.apdu(zvt.Cmd.ABORT_ECR.value))
                if waited >= self.answer_timeout:
                    raise DeviceTimeout(
                        "card_terminal_timeout",
                        terminal=self.name,
                        seconds=f"{self.answer_timeout:g}",
                    ) from None

    def _open_link(self) -> zvt_link.Link:
        if self.host:
            return zvt_link.TcpLink(self.host, self.port, self.connect_timeout, self.name)
        return zvt_link.SerialLink(self.serial_url, self.name, self.baudrate)

    def _transact(self, command: zvt.Cmd, data: bytes) -> Outcome:
        try:
            link = self._open_link()
        except zvt_link.NotConnected as exc:
            raise NotSent(exc.code, **exc.params) from exc
        try:
            link.send(zvt.apdu(command.value, data))
            first = link.receive(self.ack_timeout)
            if first.control[0] == 0x84:
                raise DeviceError(
                    "zvt_command_refused",
                    terminal=self.name,
                    reason=zvt.result_text(first.control[1]),
                )
            if first.control != zvt.Cmd.ACK.value:
                raise zvt.ZvtError("zvt_no_ack", terminal=self.name, answer=first.name)
            outcome = Outcome()
            while True:
                msg = self._next(link)
                control = msg.control
                if control == zvt.Cmd.ACK.value:
                    continue  # the terminal took our abort request; its 06 1E follows
                link.send(zvt.ACK if control in _KNOWN else b"\x84\x83\x00")
                if control == zvt.Cmd.INTERMEDIATE.value:
                    text = zvt.intermediate_text(msg.data[0]) if msg.data else "Please wait"
                    self.set_status(DeviceState.BUSY, text)
                    if self.on_display is not None:
                        self.on_display(text)
                elif control == zvt.Cmd.STATUS_INFO.value:
                    outcome.status = zvt.parse_status(msg.data)
                elif control == zvt.Cmd.PRINT_LINE.value:
                    outcome.lines.append(zvt.parse_print_line(msg.data))
                elif control == zvt.Cmd.COMPLETION.value:
                    try:
                        outcome.completion = zvt.parse_bmps(msg.data)
                    except zvt.ZvtError:
                        outcome.completion = {}  # optional fields we do not need
                    break
                elif control == zvt.Cmd.ABORT.value:
                    outcome.abort_code = msg.data[0] if msg.data else 0xFF
                    break
        finally:
            link.close()
        log.info(
            "%s: %s ended with %s",
            self.name,
            command.name,
            "abort " + zvt.result_text(outcome.abort_code)
            if outcome.abort_code is not None
            else "completion",
        )
        self.set_status(DeviceState.READY, "")
        return outcome


_KNOWN = {
    zvt.Cmd.INTERMEDIATE.value,
    zvt.Cmd.STATUS_INFO.value,
    zvt.Cmd.PRINT_LINE.value,
    zvt.Cmd.COMPLETION.value,
    zvt.Cmd.ABORT.value,
}


def _receipt_of(result: CardResult) -> str:
    parts = result.terminal_ref.split(":")
    if len(parts) != 3 or parts[0] != "ZVT" or not parts[2].isdigit():
        raise ValidationError("zvt_payment_not_zvt")
    return parts[2]


def _factory(config: DeviceConfig, registry: DeviceRegistry) -> Device:
    from boxoffice.paths import data_dir

    journal = Path(str(config.option("journal", data_dir() / f"zvt-{config.name}.json")))
    return ZvtTerminal(
        config.name,
        str(config.option("host", "")),
        CardJournal(journal),
        serial_url=str(config.option("serial_url", "")),
        baudrate=int(config.option("baudrate", 9600)),
        port=int(config.option("port", 20007)),
        password=str(config.option("password", "000000")),
        currency=str(config.option("currency", "EUR")),
        timeout_policy=str(config.option("timeout_policy", "reverse")),
    )


register_driver(
    DeviceKind.PAYMENT_TERMINAL,
    "zvt",
    _factory,
    "integrated ZVT card terminal: host (port 20007) or serial_url; password; currency",
)
