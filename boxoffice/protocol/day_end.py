"""The day end on the wire: Z reports as terminals send them, and the server's day end.

A closed shift's Z report is the body of a ``z_report`` operation; the
server checks its shape when it arrives and hands the reports out again in
``GET /day-end``, terminal by terminal.
"""

from __future__ import annotations

from datetime import date, datetime

from pydantic import AwareDatetime, Field, StrictInt, field_serializer

from boxoffice.protocol.replies import Reply


class ZLine(Reply):
    """Expected against counted for one tender and currency at a shift's close."""

    tender: str = Field(min_length=1, max_length=40)
    currency: str = Field(min_length=3, max_length=3)
    expected: StrictInt
    counted: StrictInt | None
    variance: StrictInt | None


class ZCash(Reply):
    currency: str = Field(min_length=3, max_length=3)
    float: StrictInt
    sales: StrictInt
    refunds: StrictInt
    drops: StrictInt
    pay_ins: StrictInt
    pay_outs: StrictInt
    expected: StrictInt


class ZTender(Reply):
    tender: str = Field(min_length=1, max_length=40)
    currency: str = Field(min_length=3, max_length=3)
    taken: StrictInt
    given_back: StrictInt
    net: StrictInt
    payments: StrictInt
    refunds: StrictInt


class ZScheme(Reply):
    scheme: str = Field(max_length=40)
    currency: str = Field(min_length=3, max_length=3)
    net: StrictInt
    count: StrictInt


class ZSignoff(Reply):
    by: str
    reason: str


class ZReport(Reply):
    """A closed shift's Z report: the body of a ``z_report`` operation, as stored.

    The server checks this shape when the operation arrives, so the day end it
    hands out later is made only of well-formed reports.
    """

    number: StrictInt = Field(ge=1)
    shift: StrictInt | str
    terminal: str = Field(min_length=1, max_length=80)
    clerk: str = Field(max_length=80)
    opened_at: AwareDatetime
    closed_at: AwareDatetime
    closed_by: str = Field(max_length=80)
    cash: list[ZCash] = Field(max_length=20)
    tenders: list[ZTender] = Field(max_length=50)
    card_schemes: list[ZScheme] = Field(default_factory=list, max_length=50)
    reconciliation: list[ZLine] = Field(max_length=50)
    card_mismatch: bool = False
    signoff: ZSignoff | None = None
    offline: bool = False
    unsynced_operations: StrictInt = 0
    orders: dict[str, StrictInt] = Field(default_factory=dict)
    sales_total: dict[str, StrictInt] = Field(default_factory=dict)
    discounts: dict[str, StrictInt] = Field(default_factory=dict)
    tickets: dict[str, StrictInt] = Field(default_factory=dict)

    @field_serializer("opened_at", "closed_at")
    def _as_written(self, value: datetime) -> str:
        """Times go back out as the terminal wrote them (``isoformat``), so copies compare."""
        return value.isoformat()


class OpenShift(Reply):
    """A shift the server has seen open and not (yet) seen closed."""

    shift: str
    clerk: str = ""
    opened_at: AwareDatetime | None = None
    float: dict[str, StrictInt] = Field(default_factory=dict)


class TerminalDay(Reply):
    terminal: str
    last_contact: AwareDatetime | None = None
    revoked: bool = False
    z_reports: list[ZReport] = Field(default_factory=list)
    open_shifts: list[OpenShift] = Field(default_factory=list)


class DayEnd(Reply):
    """``GET /day-end``: every terminal's Z reports closed in the venue's day."""

    day: date
    tz: str
    start: AwareDatetime
    end: AwareDatetime
    as_of: AwareDatetime
    terminals: list[TerminalDay]
