"""Store jobs of the Cash screen: each runs one cash op on the store worker's thread.

A job is built on the UI thread from plain values (``make_job(...)``) and
returns a function of the terminal's one ``TerminalContext`` (the shell's,
``StoreWorker.context``: the screen runs it with ``StoreWorker.run``) that
calls an op of ``boxoffice.ops.cash``; the op publishes what it changed on
that context's bus, which the screen hears through the shell's bus adapter.
Nothing here touches Qt, the store's sessions or a service.

A refusal the clerk can resolve with a supervisor (a large
pay-out, a variance over the threshold) is the op's ``NeedsOverride``: it
comes back as a result saying so, with the refusal itself (its code and
parameters); any other refusal is raised and shown by its code.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from boxoffice.errors import NeedsOverride
from boxoffice.ops import cash
from boxoffice.ops.cash import CloseOutcome, ShownReport

if TYPE_CHECKING:
    from boxoffice.actor import Actor
    from boxoffice.context import TerminalContext
    from boxoffice.money import Money
    from boxoffice.ops.cash import BatchLine, CashDesk, Report

#: One step: an op called on the terminal's context, returning plain data.
Job = Callable[["TerminalContext"], Any]

__all__ = ["CloseOutcome", "Job", "NeedsSupervisor", "ShownReport"]


@dataclass(frozen=True)
class NeedsSupervisor:
    """The op refused, and a supervisor's approval would let it through."""

    error: NeedsOverride

    @property
    def message(self) -> str:
        return str(self.error)


def _ids(overrides: Sequence[Any]) -> list[int]:
    """Overrides by id (the dialog hands back what the guard granted)."""
    return [int(getattr(o, "id", o)) for o in overrides]


def load_desk(actor: Actor) -> Job:
    def job(ctx: TerminalContext) -> CashDesk:
        return cash.desk(ctx, actor).value

    return job


def open_shift(actor: Actor, count: Mapping[str, Mapping[int, int]]) -> Job:
    def job(ctx: TerminalContext) -> int:
        return cash.open_shift(ctx, actor, count).value

    return job


def move_cash(actor: Actor, kind: str, amount: Money, reason: str) -> Job:
    """A drop or a pay-in (never needs a supervisor beyond ``cash_drop``)."""
    if kind not in ("drop", "pay_in"):
        raise ValueError(f"unknown drawer movement {kind!r}")

    def job(ctx: TerminalContext) -> None:
        if kind == "drop":
            cash.drop(ctx, actor, amount, reason=reason)
        else:
            cash.pay_in(ctx, actor, amount, reason=reason)

    return job


def pay_out(actor: Actor, amount: Money, reason: str, overrides: Sequence[Any] = ()) -> Job:
    def job(ctx: TerminalContext) -> NeedsSupervisor | None:
        try:
            cash.pay_out(ctx, actor, amount, reason=reason, overrides=_ids(overrides))
        except NeedsOverride as needed:
            if overrides:
                raise
            return NeedsSupervisor(needed)
        return None

    return job


def close_shift(
    actor: Actor,
    shift_id: int,
    *,
    count: Mapping[str, Mapping[int, int]] | None,
    count_overrides: Sequence[Any] = (),
    batch: list[BatchLine] | None,
    vouchers: Mapping[str, int] | None,
    offline: bool,
    signoff_reason: str = "",
    overrides: Sequence[Any] = (),
) -> Job:
    """Count (if given) and close, in one op (``ops.cash.close_shift``).

    ``count_overrides``: a supervisor's approval to replace a count on record.
    """

    def job(ctx: TerminalContext) -> CloseOutcome:
        return cash.close_shift(
            ctx,
            actor,
            shift_id,
            count=count,
            recount_overrides=_ids(count_overrides),
            batch=batch,
            vouchers=vouchers,
            offline=offline,
            signoff_reason=signoff_reason,
            overrides=_ids(overrides),
        ).value

    return job


def x_report(actor: Actor, shift_id: int) -> Job:
    """The running figures of an open shift (audited, so a write)."""

    def job(ctx: TerminalContext) -> ShownReport:
        return cash.x_report(ctx, actor, shift_id).value

    return job


def day_end(actor: Actor, on: Any) -> Job:
    """The venue's day end for ``on`` as a report (``ops.cash.day_end_report``)."""

    def job(ctx: TerminalContext) -> Report:
        return cash.day_end_report(ctx, actor, on).value

    return job


def save_report(report: Report, path: Path, fmt: str) -> Job:
    def job(ctx: TerminalContext) -> Path:
        return cash.save_report(ctx, report, path, fmt).value

    return job
