"""Selling: cart, places and holds, tenders, the sell op (``sales``, ``ops.sell``)."""

MESSAGES = {
    # -- places and holds
    "seats_unavailable": ("not available: {seats}", "不可售：{seats}"),
    "seats_unavailable_more": (
        "not available: {seats} … ({more} more)",
        "不可售：{seats}……（另有{more}个）",
    ),
    "seat_sold_meanwhile": (
        "a seat in this cart was sold in the meantime; choose again",
        "购物车中的座位刚被售出，请重新选座",
    ),
    "seat_twice_in_cart": (
        "the same seat is in the cart twice ({seats})",
        "同一座位在购物车中出现了两次（{seats}）",
    ),
    "shift_not_open": (
        "{user} has no open shift at {terminal}; open a shift (count the float) first",
        "{user}在{terminal}没有未交班的班次；请先开班（清点备用金）",
    ),
    # -- orders and reservations
    "order_not_found": ("no order {order}", "没有订单{order}"),
    "order_not_payable": (
        "order {order} is {status}; nothing to pay",
        "订单{order}的状态为{status}，无需付款",
    ),
    "order_nothing_to_issue": (
        "order {order} is {status}; nothing to issue",
        "订单{order}的状态为{status}，没有可出的票",
    ),
    "order_not_free": ("order {order} costs {amount:money}", "订单{order}还需支付{amount:money}"),
    "order_already_covered": ("order {order} is already covered", "订单{order}已付清"),
    "reservation_lapsed": (
        "reservation {order} lapsed at its payment deadline",
        "预订{order}已过付款期限，已失效",
    ),
    "reservation_deadline_naive": (
        "the payment deadline needs a time zone",
        "付款期限需要注明时区",
    ),
    "reservation_deadline_past": (
        "the payment deadline must be in the future",
        "付款期限必须是将来的时间",
    ),
    "reservation_deadline_after_start": (
        "the payment deadline must be before the performance starts",
        "付款期限必须早于场次开始时间",
    ),
    "reservation_needs_server": (
        "reservations need the central server; sell them online",
        "预订需要连接中央服务器，请在联网时办理",
    ),
    "reservation_needs_customer": (
        "a reservation needs the customer's name or phone",
        "预订需要顾客姓名或电话",
    ),
    # -- tenders
    "tenders_more_than_needed": ("more tenders than needed", "付款方式多于所需"),
    "tenders_short": (
        "tenders do not cover the total: {amount:money} still due",
        "付款不足：尚欠{amount:money}",
    ),
    "order_paid_in": ("this order is paid in {currency}", "此订单以{currency}支付"),
    "cash_tendered_missing": ("enter the cash handed over", "请输入收到的现金"),
    "comp_needs_reason": ("a complimentary payment needs a reason", "赠票需要填写原因"),
    "only_due": ("only {amount:money} is due", "只需支付{amount:money}"),
    "card_declined": ("card not approved: {reason}", "银行卡未获批准：{reason}"),
    "card_amount_over_due": (
        "card amount {amount:money} is more than the {due:money} due",
        "刷卡金额{amount:money}超过应付的{due:money}",
    ),
    "card_terminal_missing": (
        "no card terminal is set up at this terminal",
        "本售票窗口未设置 POS 机",
    ),
    "card_reversal_failed": (
        "the sale failed and the terminal would not reverse the payment {reference} ({reason}); "
        "refund it on the terminal and call a supervisor",
        "销售失败，且 POS 机未能撤销付款{reference}（{reason}）；请在 POS 机上退款并联系主管",
    ),
    "sale_failed_card_reversed": (
        "{error} — the card payment was reversed",
        "{error}——银行卡付款已撤销",
    ),
    "sale_failed_wallet_refunded": (
        "{error} — the wallet payment was refunded",
        "{error}——移动支付款项已退回",
    ),
    "wallet_not_paid": ("{wallet} payment not made: {reason}", "{wallet}未付款：{reason}"),
    "wallet_providers_missing": (
        "no WeChat Pay or Alipay account is set up at this box office",
        "本售票处未设置微信支付或支付宝账户",
    ),
    # -- gift cards
    "gift_card_not_active": ("no active gift card {code}", "没有有效的礼品卡{code}"),
    "gift_card_expired": ("gift card {code} expired on {date}", "礼品卡{code}已于{date}过期"),
    "gift_card_currency": (
        "gift card {code} is in {currency}, not {order_currency}",
        "礼品卡{code}的币种为{currency}，不是{order_currency}",
    ),
    "gift_card_empty": ("gift card {code} has no balance left", "礼品卡{code}余额为零"),
    "gift_card_short": (
        "gift card {code} holds only {amount:money}",
        "礼品卡{code}余额仅{amount:money}",
    ),
}
