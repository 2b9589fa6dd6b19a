"""After the sale: refunds, exchanges, voids, reprints, cancellations, reservations, no-sale."""

#: An order's and a ticket's state as a refusal names it.
TERMS = {
    "order_state": {
        "pending": ("pending", "待付款"),
        "reserved": ("reserved", "已预订"),
        "paid": ("paid", "已付款"),
        "cancelled": ("cancelled", "已取消"),
        "expired": ("expired", "已过期"),
        "voided": ("voided", "已作废"),
    },
    "ticket_state": {
        "pending": ("pending", "待付款"),
        "reserved": ("reserved", "已预订"),
        "valid": ("valid", "有效"),
        "refunded": ("refunded", "已退票"),
        "voided": ("voided", "已作废"),
        "exchanged": ("exchanged", "已换票"),
        "cancelled": ("cancelled", "已取消"),
    },
}

MESSAGES = {
    # Refunds (退票; the money line is 退款).
    "refund_needs_reason": ("a refund needs a reason", "退票需要填写原因"),
    "refund_performance_started": (
        "ticket {ticket}: the performance has started; it can no longer be refunded",
        "门票{ticket}：场次已开演，不能再退票",
    ),
    "refund_order_not_paid": (
        "order {order} is {status:order_state}; nothing to refund",
        "订单{order}{status:order_state}，没有可退的门票",
    ),
    "refund_tickets_not_refundable": (
        "not refundable on order {order}: {tickets}",
        "订单{order}中以下门票不能退票：{tickets}",
    ),
    "refund_nothing_left": (
        "order {order} has no valid tickets left to refund",
        "订单{order}已没有可退的有效门票",
    ),
    "refund_card_incomplete_pending": (
        "order {order} has a card refund that went through without being booked; "
        "a supervisor must settle it before anything else is refunded",
        "订单{order}有一笔银行卡退款已完成但未入账；须由主管处理后才能继续退票",
    ),
    "refund_card_incomplete": (
        "a card refund was refused after another card was refunded; the refund is not "
        "booked — a supervisor must settle it (audit: refund.card_incomplete)",
        "另一张银行卡已退款后，这张卡的退款被拒绝；本次退票未入账——须由主管处理"
        "（审计记录：refund.card_incomplete）",
    ),
    "refund_card_refused": (
        "the card refund was refused: {reply}",
        "银行卡退款被拒绝：{reply}",
    ),
    # Exchanges.
    "exchange_order_not_paid": (
        "order {order} is {status:order_state}; nothing to exchange",
        "订单{order}{status:order_state}，没有可换的门票",
    ),
    "exchange_choose_tickets": (
        "choose valid tickets of order {order} to exchange",
        "请选择订单{order}中要换票的有效门票",
    ),
    "exchange_performance_started": (
        "ticket {ticket}: the performance has started",
        "门票{ticket}：场次已开演",
    ),
    "exchange_currency_changed": (
        "an exchange must stay in the same currency",
        "换票前后必须使用同一币种",
    ),
    "exchange_nothing_due": (
        "nothing is due on this exchange; it gives money back",
        "本次换票无需补款，而是应退款",
    ),
    "exchange_credit_covers": (
        "the credit covers the new tickets; take no payment",
        "原票金额已足够支付新票，无需收款",
    ),
    "exchange_too_many_tenders": (
        "more tenders than needed for this exchange",
        "本次换票的付款方式多于所需",
    ),
    "exchange_amount_due": (
        "the exchange needs {amount:money} more",
        "本次换票还需补款{amount:money}",
    ),
    # Voids.
    "void_needs_reason": ("a void needs a reason", "作废需要填写原因"),
    "void_order_not_paid": (
        "order {order} is {status:order_state}; it cannot be voided",
        "订单{order}{status:order_state}，不能作废",
    ),
    "void_order_partly_refunded": (
        "order {order} was partly refunded or exchanged; refund it",
        "订单{order}已部分退票或换票，请改为退票",
    ),
    "void_other_terminal": (
        "order {order} was sold at {terminal}; void it there",
        "订单{order}是在{terminal}售出的，请在该售票窗口作废",
    ),
    "void_earlier_shift": (
        "order {order} is from an earlier shift; refund it instead",
        "订单{order}属于之前的班次，请改为退票",
    ),
    "void_tickets_printed": (
        "tickets {tickets} were printed; take the ticket stock back before voiding",
        "门票{tickets}已打印；作废前请先收回票纸",
    ),
    # Reprints.
    "reprint_ticket_not_found": ("no ticket {ticket}", "没有门票{ticket}"),
    "reprint_needs_reason": ("a reprint needs a reason", "补打需要填写原因"),
    "reprint_ticket_not_valid": (
        "ticket {ticket} is {status:ticket_state}; only valid tickets can be reprinted",
        "门票{ticket}{status:ticket_state}，只有有效门票才能补打",
    ),
    # Cancelling an unfinished order or a reservation.
    "cancel_order_not_open": (
        "order {order} is {status:order_state}; use a refund or void instead",
        "订单{order}{status:order_state}，请改用退票或作废",
    ),
    "cancel_needs_reason": ("say why the order is cancelled", "请说明取消订单的原因"),
    "cancel_card_not_reversed": (
        "the card payment of {amount:money} must be reversed on the payment terminal first",
        "须先在 POS 机上撤销{amount:money}的银行卡付款",
    ),
    "cancel_card_reversal_refused": (
        "the terminal refused a reversal: {reply}",
        "POS 机拒绝撤销：{reply}",
    ),
    # Looking an order up.
    "order_lookup_not_found": ("no order {order}", "没有订单{order}"),
    # The card terminal, for after-sale ops.
    "aftersale_needs_card_terminal": (
        "this needs the card terminal, and none is connected",
        "此操作需要 POS 机，但未连接 POS 机",
    ),
    "aftersale_card_declined": ("card not approved: {reply}", "银行卡未获批准：{reply}"),
    # No sale (opening the drawer without a sale).
    "no_sale_needs_reason": (
        "say why the drawer is opened without a sale",
        "请说明无销售打开钱箱的原因",
    ),
    "no_sale_reason_too_long": (
        "keep the reason under {limit} characters",
        "原因请勿超过{limit}个字符",
    ),
}
