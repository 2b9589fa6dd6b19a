"""What the door shows after a scan: an outcome, its reason, and what to watch for.

Each refusal has its own outcome (and CLI exit status) so a turnstile script
or the door screen can react without parsing text.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any


class Outcome(enum.StrEnum):
    ADMITTED = "admitted"
    #: Re-entry allowed by the performance's policy: the ticket was outside.
    READMITTED = "readmitted"
    #: Re-entry policy: the ticket was inside, the scan records it going out.
    EXITED = "exited"
    ALREADY_ADMITTED = "already_admitted"
    #: Refunded, voided, exchanged, cancelled or replaced by a reprint.
    REVOKED = "revoked"
    #: Bad signature or a key this door does not trust.
    FORGED = "forged"
    MALFORMED = "malformed"
    WRONG_PERFORMANCE = "wrong_performance"
    WRONG_EVENT = "wrong_event"
    NOT_YET_OPEN = "not_yet_open"
    #: The performance is over (or cancelled): the ticket no longer admits.
    EXPIRED = "expired"
    UNPAID = "unpaid"
    #: A typed serial or an order this door's store does not hold.
    NOT_FOUND = "not_found"


#: ``boxoffice-admin checkin`` exit status per outcome: 0 only when someone may go in.
EXIT_CODES: dict[Outcome, int] = {
    Outcome.ADMITTED: 0,
    Outcome.READMITTED: 0,
    Outcome.EXITED: 10,
    Outcome.ALREADY_ADMITTED: 11,
    Outcome.REVOKED: 12,
    Outcome.FORGED: 13,
    Outcome.MALFORMED: 14,
    Outcome.WRONG_PERFORMANCE: 15,
    Outcome.WRONG_EVENT: 16,
    Outcome.NOT_YET_OPEN: 17,
    Outcome.EXPIRED: 18,
    Outcome.UNPAID: 19,
    Outcome.NOT_FOUND: 20,
}

ADMITTING = frozenset({Outcome.ADMITTED, Outcome.READMITTED})


@dataclass(frozen=True)
class PreviousAdmission:
    """The admission that makes this scan a repeat: when, at which door, by whom."""

    at: datetime
    door: str
    terminal: str
    by: str


@dataclass(frozen=True)
class Verdict:
    outcome: Outcome
    reason: str
    ticket_id: int | None = None
    serial: str = ""
    performance_id: int | None = None
    #: Something the door must check or help with (child, wheelchair space, concession ID).
    attention: str = ""
    #: Tickets let in by this scan (an order code admits several).
    admitted_count: int = 0
    previous: PreviousAdmission | None = None
    #: For ``revoked``: refunded, voided, reprinted, exchanged or cancelled.
    revoked_because: str = ""
    #: People inside this performance after the scan (re-entry policy) or admitted so far.
    inside: int | None = None
    details: tuple[str, ...] = field(default=())

    @property
    def admit(self) -> bool:
        return self.outcome in ADMITTING

    @property
    def exit_code(self) -> int:
        return EXIT_CODES[self.outcome]

    def to_dict(self) -> dict[str, Any]:
        return {
            "outcome": self.outcome.value,
            "admit": self.admit,
            "reason": self.reason,
            "ticket_id": self.ticket_id,
            "serial": self.serial,
            "performance_id": self.performance_id,
            "attention": self.attention,
            "admitted_count": self.admitted_count,
            "previous": None
            if self.previous is None
            else {
                "at": self.previous.at.isoformat(),
                "door": self.previous.door,
                "terminal": self.previous.terminal,
                "by": self.previous.by,
            },
            "revoked_because": self.revoked_because,
            "inside": self.inside,
            "details": list(self.details),
        }
