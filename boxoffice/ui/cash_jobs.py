"""Store jobs of the Cash screen: each calls services on the store worker's thread.

A job is built on the UI thread from plain values (``make_job(...)``) and
returns a function of the ``Store``; nothing here touches Qt. A refusal the
clerk can resolve with a supervisor (a large pay-out, a variance over the
threshold) comes back as a result saying so, with the service's message;
any other refusal is raised and shown as it is.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from boxoffice.errors import PermissionDenied, ValidationError

if TYPE_CHECKING:
    from boxoffice.actor import Actor
    from boxoffice.money import Money
    from boxoffice.reports.model import Report
    from boxoffice.shifts.cards import BatchLine
    from boxoffice.shifts.drawer_state import CashDesk
    from boxoffice.store import Store
    from boxoffice.store.models import Override

Job = Callable[["Store"], Any]


@dataclass(frozen=True)
class NeedsSupervisor:
    """The service refused, and a supervisor's approval would let it through."""

    message: str


@dataclass(frozen=True)
class ShownReport:
    """A Z or X report: the content as stored (or computed) and the report built from it."""

    content: dict[str, Any]
    report: Report
    sha256: str = ""

    @property
    def slip(self) -> list[str]:
        from boxoffice.reports import zx

        return zx.slip(self.content)


@dataclass(frozen=True)
class CloseOutcome:
    """What a close attempt did: the count it stored, and the Z report or why not."""

    counted: dict[str, int] | None = None
    z: ShownReport | None = None
    signoff: NeedsSupervisor | None = None


def load_desk(actor: Actor) -> Job:
    def job(store: Store) -> CashDesk:
        from boxoffice.shifts import drawer_state

        with store.read() as session:
            return drawer_state.load(session, actor)

    return job


def open_shift(actor: Actor, count: Mapping[str, Mapping[int, int]]) -> Job:
    def job(store: Store) -> int:
        from boxoffice.shifts import drawer

        with store.write() as session:
            return drawer.open_shift(session, actor, count).id

    return job


def move_cash(actor: Actor, kind: str, amount: Money, reason: str) -> Job:
    """A drop or a pay-in (never needs a supervisor beyond ``cash_drop``)."""

    def job(store: Store) -> None:
        from boxoffice.shifts import drawer

        with store.write() as session:
            if kind == "drop":
                drawer.drop(session, actor, amount, reason=reason or "drop to the safe")
            elif kind == "pay_in":
                drawer.pay_in(session, actor, amount, reason=reason)
            else:
                raise ValueError(f"unknown drawer movement {kind!r}")

    return job


def pay_out(actor: Actor, amount: Money, reason: str, overrides: Sequence[Override] = ()) -> Job:
    def job(store: Store) -> NeedsSupervisor | None:
        from boxoffice.shifts import approvals, drawer

        try:
            with store.write() as session:
                drawer.pay_out(session, actor, amount, reason=reason, overrides=overrides)
        except PermissionDenied as exc:
            if overrides:
                raise
            with store.read() as session:
                if approvals.payout_needs_approval(session, actor, amount):
                    return NeedsSupervisor(str(exc))
            raise
        return None

    return job


def close_shift(
    actor: Actor,
    shift_id: int,
    *,
    count: Mapping[str, Mapping[int, int]] | None,
    count_overrides: Sequence[Override] = (),
    batch: list[BatchLine] | None,
    vouchers: Mapping[str, int] | None,
    offline: bool,
    signoff_reason: str = "",
    overrides: Sequence[Override] = (),
) -> Job:
    """Store the blind count (if given) and the card batch, commit, then close.

    ``count_overrides``: a supervisor's approval to replace a count on record.

    The count is committed before the close is tried, so the variance the
    close may report can no longer change what was counted; a recount
    needs a supervisor (``close.count_cash``).
    """

    def job(store: Store) -> CloseOutcome:
        from boxoffice.shifts import approvals, cards, close

        counted = None
        if count is not None or batch:
            with store.write() as session:
                if count is not None:
                    counted = close.count_cash(
                        session, actor, shift_id, count, overrides=count_overrides
                    ).counted
                if batch:
                    cards.enter_batch(session, actor, shift_id, batch)
        try:
            with store.write() as session:
                z = close.close_shift(
                    session,
                    actor,
                    shift_id,
                    signoff_reason=signoff_reason,
                    overrides=overrides,
                    vouchers_counted=vouchers,
                    offline=offline,
                )
                return CloseOutcome(counted, _z_shown(z.content, z.sha256))
        except ValidationError as exc:
            with store.read() as session:
                if approvals.close_needs_signoff(session, shift_id, vouchers):
                    return CloseOutcome(counted, signoff=NeedsSupervisor(str(exc)))
            raise

    return job


def _z_shown(body: str, sha256: str) -> ShownReport:
    import json

    from boxoffice.reports import zx

    content = json.loads(body)
    return ShownReport(content, zx.from_content(content, sha256), sha256)


def x_report(actor: Actor, shift_id: int) -> Job:
    """The running figures of an open shift (audited, so a write)."""

    def job(store: Store) -> ShownReport:
        from boxoffice.reports import zx
        from boxoffice.shifts import close

        with store.write() as session:
            content = close.x_report(session, actor, shift_id)
        return ShownReport(content, zx.from_content(content))

    return job


def save_report(report: Report, path: Path, fmt: str) -> Job:
    def job(_store: Store) -> Path:
        from boxoffice.reports import export

        return export.write(report, path, fmt)

    return job
