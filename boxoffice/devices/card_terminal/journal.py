"""What this terminal asked the card terminal to do, kept on disk before it is asked.

A payment is written as *pending* (fsynced) before the authorisation goes
out, and updated with its outcome. So after a timeout, a crash or a retry
the driver knows an earlier attempt for the same reference exists and can
settle it (confirm or reverse) instead of charging the card a second time.
Only receipt-safe data is kept: no card number, no expiry, no raw messages.
"""

from __future__ import annotations

import json
import os
import threading
from dataclasses import asdict, dataclass, replace
from pathlib import Path

from boxoffice.errors import ValidationError

#: Older finished entries are dropped beyond this many.
KEEP = 500

OPEN_STATES = frozenset({"pending", "unknown"})


@dataclass(frozen=True)
class Attempt:
    reference: str
    kind: str  # "sale" or "refund"
    amount_minor: int
    currency: str
    state: str  # pending, approved, declined, cancelled, reversed, not_charged, unknown
    receipt_no: str = ""
    trace: str = ""
    terminal_id: str = ""
    scheme: str = ""
    last4: str = ""
    auth_code: str = ""
    message: str = ""
    day: int = 0  # the terminal day (end-of-day count) it belongs to

    @property
    def open(self) -> bool:
        return self.state in OPEN_STATES


class CardJournal:
    """A small JSON file, rewritten atomically (temp file, fsync, rename) on each change."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self._lock = threading.Lock()
        self._entries: dict[str, Attempt] = {}
        self._day = 0
        if self.path.exists():
            try:
                raw = json.loads(self.path.read_text("utf-8"))
                self._day = int(raw["day"])
                self._entries = {e["reference"]: Attempt(**e) for e in raw["attempts"]}
            except (ValueError, TypeError, KeyError) as exc:
                raise ValidationError(
                    "card_journal_damaged", path=str(self.path), reason=str(exc)
                ) from None

    def get(self, reference: str) -> Attempt | None:
        with self._lock:
            return self._entries.get(reference)

    def all(self) -> list[Attempt]:
        with self._lock:
            return list(self._entries.values())

    def open_attempts(self) -> list[Attempt]:
        with self._lock:
            return [a for a in self._entries.values() if a.open]

    def known_receipts(self) -> set[str]:
        """Receipt numbers of this terminal day (since the last end of day)."""
        with self._lock:
            return {
                a.receipt_no for a in self._entries.values() if a.receipt_no and a.day == self._day
            }

    def close_day(self) -> None:
        """After an end of day: receipt numbers may start again, old ones say nothing."""
        with self._lock:
            self._day += 1
            self._write()

    def put(self, attempt: Attempt) -> Attempt:
        with self._lock:
            attempt = replace(attempt, day=self._day)
            self._entries.pop(attempt.reference, None)
            self._entries[attempt.reference] = attempt
            if len(self._entries) > KEEP:
                for ref in [r for r, a in self._entries.items() if not a.open][
                    : len(self._entries) - KEEP
                ]:
                    del self._entries[ref]
            self._write()
        return attempt

    def update(self, reference: str, **changes: str) -> Attempt:
        current = self.get(reference)
        assert current is not None
        return self.put(replace(current, **changes))

    def _write(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp")
        data = json.dumps(
            {"day": self._day, "attempts": [asdict(a) for a in self._entries.values()]}, indent=0
        )
        with open(tmp, "w", encoding="utf-8") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, self.path)
