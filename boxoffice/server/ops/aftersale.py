"""After a sale: refunds, voids, exchanges, cancelled reservations and reprints.

Tickets leave their order, their seats (or GA places) are freed, and their
barcodes are revoked through the feed; a reprint revokes the earlier prints.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from boxoffice.protocol.operations import ExchangeBody, ReprintBody, TicketsBody
from boxoffice.server import feed, inventory
from boxoffice.server.models import ServerOrder, ServerTicket
from boxoffice.server.ops.handler import Ctx, Outcome, Rejected, parse


def _order(ctx: Ctx, uuid: str) -> ServerOrder | None:
    return ctx.session.scalar(select(ServerOrder).where(ServerOrder.uuid == uuid))


def _close_tickets(
    ctx: Ctx, uuid: str, serials: list[str | None] | None, new_status: str, reason_word: str
) -> Outcome:
    """Refund, void, exchange, cancel: tickets leave, seats are freed, barcodes revoked."""
    s = ctx.session
    order = _order(ctx, uuid)
    client = {"order": uuid, "tickets": serials, "kind": ctx.op.kind, "body": ctx.op.body}
    if order is None:
        c = ctx.conflict("ticket_unknown", client, {"order": None})
        return Outcome("conflict", conflict=c)
    q = select(ServerTicket).where(ServerTicket.order_id == order.id)
    if serials:
        q = q.where(ServerTicket.serial.in_([x for x in serials if x]))
    tickets = s.scalars(q).all()
    known = {t.serial for t in tickets}
    missing = [x for x in (serials or []) if x and x not in known]
    already = [t for t in tickets if t.status not in ("valid", "reserved", "conflict")]
    changed = []
    events, revocations = [], []
    for tk in tickets:
        if tk in already:
            continue
        was_live = tk.status in ("valid", "reserved")
        tk.status = new_status
        changed.append(tk.serial)
        if was_live and tk.seat_id is not None:
            inventory.free_sold_seat(s, tk.performance_id, tk.seat_id, tk.serial)
            events += inventory.seat_events(tk.performance_id, [tk.seat_id], "free", None)
        elif was_live and tk.ga_area_id is not None:
            inventory.give_back_ga(s, tk.performance_id, tk.ga_area_id, 1)
        revocations.append(_revocation(tk, reason_word, tk.reissue))
    feed.emit_many(s, "seat_state", events, ctx.now)
    feed.emit_many(s, "revocation", revocations, ctx.now)
    remaining = s.scalar(
        select(ServerTicket.id)
        .where(ServerTicket.order_id == order.id, ServerTicket.status.in_(("valid", "reserved")))
        .limit(1)
    )
    if remaining is None:
        order.status = {
            "refunded": "refunded",
            "voided": "voided",
            "exchanged": "exchanged",
            "cancelled": "cancelled",
        }[new_status]
    result = {"order": uuid, "tickets": [{"serial": x, "status": new_status} for x in changed]}
    if already or missing:
        c = ctx.conflict(
            "already_refunded" if already else "ticket_unknown",
            client,
            {
                "tickets": [{"serial": t.serial, "status": t.status} for t in already],
                "unknown": missing,
            },
        )
        return Outcome("conflict", result=result, conflict=c)
    return Outcome("applied", result=result)


def _revocation(tk: ServerTicket, reason: str, up_to: int) -> dict[str, Any]:
    return {
        "serial": tk.serial,
        "key_id": tk.key_id,
        "ticket_id": tk.client_ticket_id,
        "terminal_id": tk.terminal_id,
        "up_to_reissue": up_to,
        "reason": reason,
    }


def refund(ctx: Ctx) -> Outcome:
    body = parse(TicketsBody, ctx.op.body)
    return _close_tickets(ctx, body.order, body.tickets or None, "refunded", "refunded")


def void(ctx: Ctx) -> Outcome:
    body = parse(TicketsBody, ctx.op.body)
    return _close_tickets(ctx, body.order, None, "voided", "voided")


def exchange(ctx: Ctx) -> Outcome:
    body = parse(ExchangeBody, ctx.op.body)
    if not body.old:
        raise Rejected("invalid_body", "an exchange names the old tickets (old)")
    out = _close_tickets(ctx, body.order, body.old, "exchanged", "exchanged")
    if out.result is not None:
        out.result["new_order"] = body.new_order
    return out


def reservation_cancel(ctx: Ctx) -> Outcome:
    uuid = ctx.op.body.get("uuid")
    if not isinstance(uuid, str):
        raise Rejected("invalid_body", "uuid: a reservation cancel names the order's uuid")
    return _close_tickets(ctx, uuid, None, "cancelled", "voided")


def reprint(ctx: Ctx) -> Outcome:
    body = parse(ReprintBody, ctx.op.body)
    s = ctx.session
    tk = s.scalar(select(ServerTicket).where(ServerTicket.serial == body.serial))
    if tk is None:
        return Outcome(
            "conflict", conflict=ctx.conflict("ticket_unknown", ctx.op.body, {"ticket": None})
        )
    tk.reissue = max(tk.reissue, body.reissue)
    feed.emit(s, "revocation", _revocation(tk, "reprinted", body.revoked_up_to), ctx.now)
    return Outcome("applied", result={"ticket": tk.serial, "reissue": tk.reissue})
