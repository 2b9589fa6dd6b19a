"""Will-call (取票处取票) and manual redemption (核销) of vouchers (兑换券) and gift cards (礼品卡).

Codes of ``boxoffice.willcall`` and of ``sales.gift_cards`` (the one place a
gift card's balance goes down, at the terminal and at will-call alike).
"""

MESSAGES = {
    # -- finding an order and handing out its tickets ----------------------------------
    "willcall_search_empty": (
        "type an order number, name, phone, email or card digits",
        "请输入订单号、姓名、电话、电子邮箱或银行卡末几位",
    ),
    "willcall_card_digits": (
        "give the last 2 to 4 digits of the card",
        "请输入银行卡的末2至4位",
    ),
    "willcall_order_unpaid": (
        "order {order} is reserved and not paid: take the payment before handing out tickets",
        "订单{order}已预订但未付款：请先收款再取票",
    ),
    "willcall_order_not_paid": (
        "order {order} is {status:checkin_status}: nothing to hand out",
        "订单{order}{status:checkin_status}：没有可取的门票",
    ),
    "willcall_already_handed_out": (
        "ticket {ticket} was already handed out; another copy is a reprint: give a reason "
        "(needs the reprint permission or a supervisor's override)",
        "门票{ticket}已取过；再取一份即为补打：请填写原因（需要补打权限或主管授权）",
    ),
    "willcall_already_handed_out_at": (
        "ticket {ticket} was already handed out ({at} UTC); another copy is a reprint: "
        "give a reason (needs the reprint permission or a supervisor's override)",
        "门票{ticket}已于{at}（UTC）取过；再取一份即为补打：请填写原因（需要补打权限或主管授权）",
    ),
    "willcall_ticket_not_in_order": (
        "ticket {ticket} is not part of order {order}",
        "门票{ticket}不属于订单{order}",
    ),
    "willcall_ticket_not_valid": (
        "ticket {ticket} is {status:checkin_status}: it cannot be handed out",
        "门票{ticket}{status:checkin_status}，票已失效：不能取票",
    ),
    "willcall_nothing_to_hand_out": (
        "order {order} has no valid tickets to hand out",
        "订单{order}没有可取的有效门票",
    ),
    # -- manual redemption ---------------------------------------------------------------
    "redeem_limit_setting_invalid": (
        "setting {key} must be a whole number",
        "设置项{key}应为整数",
    ),
    "redeem_needs_customer": (
        "name the customer (or their order): the daily redemption limit is per customer",
        "请指明顾客（或其订单）：每日手动核销次数按顾客限制",
    ),
    "redeem_no_customer": ("no customer {customer}", "没有顾客{customer}"),
    "redeem_daily_limit": (
        "this customer has already had {used} manual redemptions today "
        "(limit {limit} a day); a supervisor must deal with it",
        "该顾客今天已手动核销{used}次（每日上限{limit}次）；请主管处理",
    ),
    "redeem_needs_reason": (
        "a manual redemption needs a reason (e.g. 'barcode torn')",
        "手动核销需要填写原因（例如“条码撕坏”）",
    ),
    "redeem_reason_too_long": (
        "the reason is longer than {limit} characters",
        "原因超过了{limit}个字符",
    ),
    "redeem_voucher_code_missing": ("type the voucher code", "请输入兑换券券码"),
    "redeem_voucher_not_found": ("no active voucher {code}", "没有有效的兑换券{code}"),
    "redeem_voucher_used_up": (
        "voucher {code} has been used up ({limit} of {limit})",
        "兑换券{code}已用完（{limit}/{limit}次）",
    ),
    # -- gift cards (sales.gift_cards) ----------------------------------------------------
    "gift_card_code_empty": ("(empty code)", "（空券码）"),
    "gift_card_not_found": ("no active gift card {code}", "没有有效的礼品卡{code}"),
    "gift_card_expired": ("gift card {code} expired on {day}", "礼品卡{code}已于{day}过期"),
    "gift_card_wrong_currency": (
        "gift card {code} is in {card}, not {sale}",
        "礼品卡{code}的币种是{card}，不是{sale}",
    ),
    "gift_card_sale_currency": ("this order is paid in {currency}", "本订单以{currency}支付"),
    "gift_card_amount_missing": (
        "say how much to take off the gift card",
        "请输入礼品卡扣款金额",
    ),
    "gift_card_empty": ("gift card {code} has no balance left", "礼品卡{code}已无余额"),
    "gift_card_charge_not_positive": (
        "the amount to redeem must be positive",
        "核销金额必须大于零",
    ),
    "gift_card_more_than_due": ("only {due:money} is due", "应付金额只有{due:money}"),
    "gift_card_insufficient": (
        "gift card {code} holds only {balance:money}",
        "礼品卡{code}余额只有{balance:money}",
    ),
}
