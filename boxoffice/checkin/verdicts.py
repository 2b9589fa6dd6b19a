"""What the door shows after a scan: an outcome, its reason, and what to watch for.

Each refusal has its own outcome (and CLI exit status) so a turnstile script
or the door screen can react without parsing text. The reason and the
attention notes are ``Reason``s: a message code and its parameters from the
catalogue (``boxoffice.messages.checkin``), rendered in the door's language
(``verdict.message("zh_CN")``); ``verdict.reason`` is the English.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from boxoffice.messages import normalise, render


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


class Reasons(tuple):
    """Several reasons shown as one parameter, joined like ``join`` (not like a list)."""

    __slots__ = ()


def _shown(value: Any, lang: str) -> Any:
    if isinstance(value, Reason):
        return value.message(lang)
    if isinstance(value, Reasons):
        return join(value, lang)
    if isinstance(value, (list, tuple)):
        return [_shown(v, lang) for v in value]
    return value


def join(reasons: Any, lang: str = "en") -> str:
    """Several reasons as one line: ``"; "`` in English, ``"；"`` in Chinese."""
    sep = "；" if normalise(lang) == "zh_CN" else "; "
    return sep.join(r.message(lang) for r in reasons)


@dataclass(frozen=True)
class Reason:
    """One sentence the door shows, by catalogue code; parameters may be ``Reason``s too."""

    code: str
    params: Mapping[str, Any] = field(default_factory=dict)

    def message(self, lang: str = "en") -> str:
        # Rendered once per language: the journal, the audit entry and the screen share it.
        cache: dict[str, str] = self.__dict__.setdefault("_rendered", {})
        text = cache.get(lang)
        if text is None:
            params = {k: _shown(v, lang) for k, v in self.params.items()}
            text = cache[lang] = render(self.code, params, lang)
        return text

    def __str__(self) -> str:
        return self.message("en")


def note(text: str) -> Reason:
    """A note typed by an administrator (a price type's door note): shown as written."""
    return Reason("message", {"text": text})


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
    why: Reason
    ticket_id: int | None = None
    serial: str = ""
    performance_id: int | None = None
    #: What the door must check or help with (child, wheelchair space, concession ID).
    notes: tuple[Reason, ...] = ()
    #: Tickets let in by this scan (an order code admits several).
    admitted_count: int = 0
    previous: PreviousAdmission | None = None
    #: For ``revoked``: refunded, voided, reprinted, exchanged or cancelled.
    revoked_because: str = ""
    #: People inside this performance after the scan (re-entry policy) or admitted so far.
    inside: int | None = None
    details: tuple[Reason, ...] = field(default=())

    @property
    def code(self) -> str:
        """The reason's message code (``checkin_revoked``, ``checkin_admitted``, ...)."""
        return self.why.code

    @property
    def reason(self) -> str:
        """Why, in English (logs, the CLI's JSON, the door journal)."""
        return self.why.message("en")

    @property
    def attention(self) -> str:
        """The attention notes in English, joined (empty when there is nothing to watch)."""
        return join(self.notes)

    def message(self, lang: str = "en") -> str:
        """Why, in ``lang``."""
        return self.why.message(lang)

    def attention_text(self, lang: str = "en") -> str:
        """The attention notes in ``lang``."""
        return join(self.notes, lang)

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
            "code": self.code,
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
            "details": [d.message("en") for d in self.details],
        }
