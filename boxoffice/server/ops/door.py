"""At the door and the will-call window: admissions, exits, re-entries, and facts kept.

The first admission by scan time wins, not the first to sync; a later one is
a conflict that both doors learn of. Will-call collections and manual
redemptions change no seat: the server keeps them as facts.
"""

from __future__ import annotations

from sqlalchemy import select

from boxoffice.protocol.operations import AdmissionBody
from boxoffice.server import feed
from boxoffice.server.models import Admission, ServerTicket, Terminal
from boxoffice.server.ops.handler import Ctx, Outcome, Rejected, parse


def admission(ctx: Ctx) -> Outcome:
    body: AdmissionBody = parse(AdmissionBody, ctx.op.body)
    s = ctx.session
    tk = None
    if body.serial:
        tk = s.scalar(select(ServerTicket).where(ServerTicket.serial == body.serial))
    elif body.key_id and body.ticket_id is not None:
        seller = s.scalar(select(Terminal).where(Terminal.key_id == body.key_id))
        if seller is not None:
            tk = s.scalar(
                select(ServerTicket).where(
                    ServerTicket.terminal_id == seller.id,
                    ServerTicket.client_ticket_id == body.ticket_id,
                )
            )
    else:
        raise Rejected("invalid_body", "an admission names the serial, or key_id and ticket_id")
    client = {
        **ctx.op.body,
        "scanned_at": body.scanned_at.isoformat(),
        "terminal_id": ctx.terminal.id,
    }
    if tk is None:
        return Outcome(
            "conflict", conflict=ctx.conflict("ticket_unknown", client, {"ticket": None})
        )
    if tk.status != "valid" or body.reissue < tk.reissue:
        return Outcome(
            "conflict",
            conflict=ctx.conflict(
                "ticket_revoked",
                client,
                {"serial": tk.serial, "status": tk.status, "reissue": tk.reissue},
            ),
        )
    first = s.scalar(select(Admission).where(Admission.ticket_id == tk.id))
    # The door's own extras (its admission uuid, door, user, ...) travel on to other doors.
    extras = {k: ctx.op.body[k] for k in DOOR_EXTRAS if k in ctx.op.body}
    event = {
        **extras,
        "serial": tk.serial,
        "key_id": tk.key_id,
        "ticket_id": tk.client_ticket_id,
        "reissue": body.reissue,
        "scanned_at": body.scanned_at.isoformat(),
        "terminal_id": ctx.terminal.id,
        "gate": body.gate,
    }
    if ctx.op.body.get("kind") == "exit":
        # With re-entry, the other doors must know the holder went out; an exit
        # admits nothing, so it never makes or loses a first admission.
        feed.emit(s, "redemption", event, ctx.now)
        return Outcome("applied", result={"serial": tk.serial, "admitted": False, "exit": True})
    if first is None:
        s.add(
            Admission(
                ticket_id=tk.id,
                terminal_id=ctx.terminal.id,
                scanned_at=body.scanned_at,
                gate=body.gate,
                reissue=body.reissue,
            )
        )
        feed.emit(s, "redemption", event, ctx.now)
        return Outcome("applied", result={"serial": tk.serial, "admitted": True})
    if body.re_entry:
        feed.emit(s, "redemption", event, ctx.now)
        return Outcome("applied", result={"serial": tk.serial, "admitted": True, "re_entry": True})
    earlier = {
        "terminal_id": first.terminal_id,
        "scanned_at": first.scanned_at.isoformat(),
        "gate": first.gate,
    }
    if body.scanned_at < first.scanned_at:  # first by scan time wins, not first to sync
        first.terminal_id, first.scanned_at, first.gate = (
            ctx.terminal.id,
            body.scanned_at,
            body.gate,
        )
        feed.emit(s, "redemption", event, ctx.now)
        c = ctx.conflict(
            "already_redeemed",
            {**client, "winner": True},
            {**earlier, "winner": False, "serial": tk.serial},
        )
        return Outcome("conflict", result={"serial": tk.serial, "admitted": True}, conflict=c)
    c = ctx.conflict(
        "already_redeemed",
        {**client, "winner": False},
        {**earlier, "winner": True, "serial": tk.serial},
    )
    return Outcome("conflict", result={"serial": tk.serial, "admitted": False}, conflict=c)


DOOR_EXTRAS = ("uuid", "performance_id", "kind", "door", "terminal", "user", "order_uuid")


def record_only(ctx: Ctx) -> Outcome:
    """Kinds the server keeps as facts (the receipt holds the body for ever) without effect.

    ``will_call`` (tickets handed out at the window) and ``manual_redemption``
    (a voucher redeemed by hand) change no seat and revoke nothing.
    """
    if ctx.op.kind == "will_call" and not isinstance(ctx.op.body.get("order"), str):
        raise Rejected("invalid_body", "order: a will-call collection names the order's uuid")
    return Outcome("applied", result={"recorded": ctx.op.kind})
