"""Selling: cart, places and holds, tenders, the sell op (``sales``, ``ops.sell``)."""

#: Why the central server would not hold a seat (``holds.SERVER_REASONS``).
TERMS = {
    "hold_refusal": {
        "sold": ("sold", "已售出"),
        "held": ("held at another terminal", "已被其他售票窗口锁定"),
        "allocated": ("allocated to another terminal", "已分配给其他售票窗口"),
        "house_hold": ("held by the house", "为内部预留座"),
        "unknown_seat": ("not on this seat map", "不在此座位图上"),
    },
}

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
    # -- performances, seats and standing places
    "sale_performance_not_found": ("no performance {performance}", "没有场次{performance}"),
    "performance_not_on_sale": (
        "performance {performance} is {status}, not on sale",
        "场次{performance}的状态为{status}，未开售",
    ),
    "performance_sale_not_started": (
        "performance {performance} goes on sale at {at} UTC",
        "场次{performance}将于{at}（UTC）开售",
    ),
    "performance_sale_closed": (
        "sales for performance {performance} closed at {at} UTC",
        "场次{performance}已于{at}（UTC）停售",
    ),
    "seats_not_allocated": (
        "not available: {seats} (not allocated to {terminal} for offline sale)",
        "不可售：{seats}（不在{terminal}的离线座位配额内）",
    ),
    "standing_not_allocated": (
        "not available: standing area {area}: {left} left of this terminal's offline allocation",
        "不可售：站票区{area}在本售票窗口的离线座位配额中仅剩{left}张",
    ),
    "standing_unavailable": (
        "not available: {area}: only {left} left, {quantity} asked",
        "不可售：{area}仅剩{left}张，需要{quantity}张",
    ),
    "seats_refused_by_server": (
        "not available: {seats} ({reason:hold_refusal})",
        "不可售：{seats}（{reason:hold_refusal}）",
    ),
    "standing_refused_by_server": (
        "not available: standing places: only {left} left",
        "不可售：站票仅剩{left}张",
    ),
    "no_seats_chosen": ("no seats chosen", "未选择座位"),
    "seats_not_on_map": (
        "seats not on this performance's seat map: {seats}",
        "以下座位不在本场次的座位图上：{seats}",
    ),
    "standing_area_not_found": ("no standing area {area}", "没有站票区{area}"),
    "standing_area_not_at_performance": (
        "no standing area {area} at this performance",
        "本场次没有站票区{area}",
    ),
    "standing_area_not_at_performance_id": (
        "standing area {area} is not at performance {performance}",
        "站票区{area}不属于场次{performance}",
    ),
    "seat_not_at_performance": (
        "seat {seat} is not on performance {performance}",
        "座位{seat}不属于场次{performance}",
    ),
    "standing_quantity_invalid": (
        "quantity must be a whole number of at least 1",
        "数量必须是不小于1的整数",
    ),
    "hold_ttl_too_short": (
        "holds.ttl_seconds must be at least {minimum}",
        "holds.ttl_seconds至少为{minimum}",
    ),
    "availability_threshold_invalid": (
        "the alert threshold must be a whole number ≥ 0",
        "提醒阈值必须是不小于0的整数",
    ),
    # -- best available
    "best_row_lengths_differ": (
        "row {row}: seat_ids, zone_ids and available must have the same length",
        "第{row}排：seat_ids、zone_ids和available的长度必须相同",
    ),
    "best_row_gaps_invalid": (
        "row {row}: gap_after must be empty or one flag per seat",
        "第{row}排：gap_after必须为空或每个座位一个标记",
    ),
    "best_zone_not_found": (
        "no price zone named '{zone}' in this seat map",
        "此座位图中没有名为“{zone}”的票区",
    ),
    "best_count_invalid": (
        "ask for at least one seat, not {count}",
        "至少选择一个座位，而不是{count}个",
    ),
    "best_side_weight_negative": ("side_weight cannot be negative", "side_weight不能为负数"),
    "best_row_twice": ("each row may appear only once", "每一排只能出现一次"),
    "best_rank_by_invalid": (
        "rank_by must be 'section' or 'row', not '{rank_by}'",
        "rank_by必须是“section”或“row”，而不是“{rank_by}”",
    ),
    "best_seat_map_not_found": ("no seat map with id {seat_map}", "没有编号为{seat_map}的座位图"),
    # -- the cart and its prices
    "cart_empty": ("the cart is empty", "购物车是空的"),
    "cart_item_seat_or_standing": (
        "each ticket is either a seat or a standing place",
        "每张票必须是一个座位或一个站票位",
    ),
    "sale_price_type_not_found": ("no price type '{price_type}'", "没有票种“{price_type}”"),
    "price_type_not_sold_in_zone": (
        "{price_type} is not sold in {zone} for this performance",
        "本场次的{zone}不出售{price_type}",
    ),
    "order_mixes_currencies": (
        "one order cannot mix currencies; sell them separately",
        "一个订单不能混用币种，请分开销售",
    ),
    "cash_rounding_setting_invalid": (
        "setting cash_rounding.{currency} must be a whole number ≥ 1",
        "设置cash_rounding.{currency}必须是不小于1的整数",
    ),
    # -- customers and terminals
    "customer_phone_short": (
        "phone number '{phone}' has too few digits",
        "电话号码“{phone}”位数太少",
    ),
    "customer_email_invalid": ("'{email}' is not an email address", "“{email}”不是电子邮件地址"),
    "customer_name_too_long": (
        "the name is longer than {limit} characters",
        "姓名超过{limit}个字符",
    ),
    "customer_search_too_short": (
        "type at least two characters to search",
        "请至少输入两个字符再搜索",
    ),
    "terminal_name_missing": ("a terminal needs a name", "售票窗口需要名称"),
    "terminal_prefix_invalid": (
        "a terminal prefix is 1 to 6 letters or digits starting with a letter, not '{prefix}'",
        "售票窗口前缀须为1至6个字母或数字且以字母开头，“{prefix}”不符合",
    ),
    # -- giving money back
    "refund_more_than_left": (
        "only {amount:money} can still be refunded",
        "最多还可退款{amount:money}",
    ),
    "card_refund_first": (
        "the card refund of {amount:money} must be done on the terminal first",
        "须先在 POS 机上完成{amount:money}的银行卡退款",
    ),
    "card_refund_other_amount": (
        "the card refund on the terminal was for another amount",
        "POS 机上的银行卡退款金额不符",
    ),
    "card_result_last4_only": (
        "a card result may carry only the last four digits",
        "银行卡结果只能包含卡号后四位",
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
    "card_declined": ("card not approved: {reason}", "银行卡未获批准：{reason}"),
    "card_declined_no_reason": ("declined", "被拒绝"),
    "card_amount_over_due": (
        "card amount {amount:money} is more than the {due:money} due",
        "刷卡金额{amount:money}超过应付的{due:money}",
    ),
    "card_terminal_missing": (
        "no card terminal is set up at this terminal",
        "本售票窗口未设置 POS 机",
    ),
    "wallet_give_back_failed": (
        "the sale failed and the wallet payment {reference} could not be refunded ({status}); "
        "refund it with the wallet provider and call a supervisor",
        "销售失败，且移动支付{reference}未能退款（{status}）；请通过支付机构退款并联系主管",
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
}
