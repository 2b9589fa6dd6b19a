"""Where a scan goes: to the screen the clerk is on, or to the payment that waits for it.

Screens (redeem, order lookup, sell) call ``activate`` when they come to the
front; the payment dialog calls ``await_payment`` while it waits for a
customer's WeChat Pay / Alipay code. A wallet code never reaches an ordinary
screen (it is money, not a ticket); a garbled scan or a scan with nowhere to
go is reported through ``on_rejected`` and changes nothing.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from boxoffice.devices.base import Scan
from boxoffice.devices.scanners.codes import ScannedCode, classify
from boxoffice.errors import ValidationError

log = logging.getLogger(__name__)

Handler = Callable[[ScannedCode], None]
Rejected = Callable[[Scan, str], None]


class ScanRouter:
    def __init__(self, on_rejected: Rejected | None = None) -> None:
        self._lock = threading.Lock()
        self._screen: tuple[str, Handler] | None = None
        self._payment: Handler | None = None
        self._on_rejected = on_rejected

    @property
    def active_screen(self) -> str | None:
        with self._lock:
            return self._screen[0] if self._screen else None

    def activate(self, screen: str, handler: Handler) -> None:
        """``screen`` (e.g. "redeem", "lookup", "sell") now receives scans."""
        with self._lock:
            self._screen = (screen, handler)

    def deactivate(self, screen: str) -> None:
        with self._lock:
            if self._screen and self._screen[0] == screen:
                self._screen = None

    def await_payment(self, handler: Handler | None) -> None:
        """While set, wallet payment codes go to ``handler``; ``None`` when the payment closes."""
        with self._lock:
            self._payment = handler

    def dispatch(self, scan: Scan) -> bool:
        """Route one scan; ``True`` if someone took it."""
        try:
            code = classify(scan.text)
        except ValidationError as exc:
            self._reject(scan, str(exc))
            return False
        with self._lock:
            payment, screen = self._payment, self._screen
        if code.is_wallet_payment:
            if payment is None:
                label = "WeChat Pay" if code.kind.value == "wechat_pay" else "Alipay"
                article = "a" if label.startswith("W") else "an"
                self._reject(
                    Scan(code.masked(), scan.source),
                    f"{article} {label} payment code was scanned, but no payment is waiting for it",
                )
                return False
            payment(code)
            return True
        if screen is None:
            self._reject(scan, "no screen takes scans right now")
            return False
        screen[1](code)
        return True

    def _reject(self, scan: Scan, reason: str) -> None:
        log.info("scan from %s refused: %s", scan.source, reason)
        if self._on_rejected is not None:
            self._on_rejected(scan, reason)
