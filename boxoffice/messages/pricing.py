"""Pricing: price types, cart lines, discounts, vouchers, cash rounding."""

#: How a refusal names a discount: ``{kind:discount_kind} {discount}``.
TERMS = {
    "discount_kind": {
        "voucher": ("voucher", "兑换券"),
        "promotion": ("promotion", "促销"),
    },
}

MESSAGES = {
    # Values that cannot be right (mostly a set-up or programming mistake).
    "pricing_time_without_zone": ("{field} needs a time zone", "{field}缺少时区"),
    "pricing_rate_not_finite": ("{field} must be a finite number", "{field}必须是有限的数值"),
    "pricing_restriction_empty": (
        "{field} is empty; use None for 'any'",
        "{field}为空；不限制时请用 None",
    ),
    "pricing_needs_now": ("pricing needs the current time", "计算票价需要当前时间"),
    # Price types.
    "price_type_window_reversed": (
        "the sale window of {price_type} ends before it starts",
        "票种{price_type}的销售期结束时间早于开始时间",
    ),
    "price_type_min_quantity_below_one": (
        "the minimum quantity of {price_type} must be at least 1",
        "票种{price_type}的最少购买张数至少为 1",
    ),
    "price_type_not_on_sale_yet_window": (
        "{price_type} is not on sale yet: it is on sale from {start} to {end}",
        "票种{price_type}尚未开售：销售期为{start}至{end}",
    ),
    "price_type_not_on_sale_yet": (
        "{price_type} is not on sale yet: it goes on sale at {start}",
        "票种{price_type}尚未开售：开售时间为{start}",
    ),
    "price_type_sale_ended_window": (
        "{price_type} is no longer on sale: it was on sale from {start} to {end}",
        "票种{price_type}已停止销售：销售期为{start}至{end}",
    ),
    "price_type_sale_ended": (
        "{price_type} is no longer on sale: sales ended at {end}",
        "票种{price_type}已停止销售：已于{end}停售",
    ),
    "price_type_min_quantity": (
        "{price_type} needs at least {minimum} tickets in one order; the cart has {count}",
        "票种{price_type}每单至少需购买{minimum}张；购物车中有{count}张",
    ),
    # Cart lines.
    "cart_line_needs_key": ("every cart line needs a key", "购物车的每一行都需要一个标识"),
    "cart_line_price_negative": (
        "line {line}: a price cannot be negative",
        "第{line}行：票价不能为负数",
    ),
    "cart_line_tax_rate_out_of_range": (
        "line {line}: tax rate must be between 0 and 100 percent",
        "第{line}行：税率必须在 0% 到 100% 之间",
    ),
    "cart_line_override_currency": (
        "line {line}: override in {currency} for a price in {price_currency}",
        "第{line}行：改价币种为{currency}，而票价币种为{price_currency}",
    ),
    "cart_line_override_negative": (
        "line {line}: an override price cannot be negative",
        "第{line}行：修改后的票价不能为负数",
    ),
    "cart_line_twice": ("line {line} is in the cart twice", "第{line}行在购物车中出现了两次"),
    "cart_line_currency_mismatch": (
        "line {line} is priced in {line_currency}, but this sale is in {currency}",
        "第{line}行以{line_currency}计价，而本次销售以{currency}结算",
    ),
    "cart_line_unknown_price_type": (
        "line {line}: no price type {price_type} (have: {known})",
        "第{line}行：没有票种{price_type}（现有：{known}）",
    ),
    "cart_line_comp_override": (
        "line {line}: {price_type} tickets are free; their price cannot be overridden",
        "第{line}行：{price_type}为免费票，不能修改票价",
    ),
    "cart_line_comp_priced": (
        "line {line}: {price_type} tickets are free, but the line lists {price:money}",
        "第{line}行：{price_type}为免费票，但该行标价为{price:money}",
    ),
    "price_override_needs_reason": (
        "line {line}: a price override needs a reason",
        "第{line}行：修改票价需要填写原因",
    ),
    # Discounts and vouchers.
    "discount_voucher_code_empty": (
        "a voucher code cannot be empty; use None for a promotion",
        "兑换券券码不能为空；促销请不设券码",
    ),
    "discount_needs_name": ("a discount needs a name", "折扣需要一个名称"),
    "discount_kind_unknown": (
        "discount {discount}: kind must be percent or fixed",
        "折扣{discount}：类型必须是百分比或固定金额",
    ),
    "discount_scope_unknown": (
        "discount {discount}: scope must be ticket or order",
        "折扣{discount}：适用范围必须是每张票或整单",
    ),
    "discount_percent_out_of_range": (
        "discount {discount}: percent must be above 0 and at most 100",
        "折扣{discount}：百分比必须大于 0 且不超过 100",
    ),
    "discount_fixed_not_positive": (
        "discount {discount}: a fixed discount must be above zero",
        "折扣{discount}：固定金额折扣必须大于零",
    ),
    "discount_window_reversed": (
        "discount {discount} ends before it starts",
        "折扣{discount}的结束时间早于开始时间",
    ),
    "discount_usage_limit_negative": (
        "discount {discount}: usage limit cannot be negative",
        "折扣{discount}：使用次数上限不能为负数",
    ),
    "discount_times_used_negative": (
        "discount {discount}: times used cannot be negative",
        "折扣{discount}：已使用次数不能为负数",
    ),
    "discount_not_yet_valid": (
        "{kind:discount_kind} {discount} is valid from {start}",
        "{kind:discount_kind}{discount}自{start}起生效",
    ),
    "discount_expired": (
        "{kind:discount_kind} {discount} expired on {day}",
        "{kind:discount_kind}{discount}已于{day}过期",
    ),
    "discount_used_up": (
        "{kind:discount_kind} {discount} has been used {used} of {limit} times",
        "{kind:discount_kind}{discount}已使用{used}次（上限{limit}次）",
    ),
    "discount_min_spend": (
        "{kind:discount_kind} {discount} needs a minimum spend of {min_spend:money} "
        "(the cart comes to {subtotal:money})",
        "{kind:discount_kind}{discount}需满{min_spend:money}方可使用（购物车合计{subtotal:money}）",
    ),
    "discount_currency_mismatch": (
        "{kind:discount_kind} {discount} takes off {amount:money}, but this sale is in {currency}",
        "{kind:discount_kind}{discount}减免{amount:money}，而本次销售以{currency}结算",
    ),
    "discount_min_spend_currency_mismatch": (
        "{kind:discount_kind} {discount} has a minimum spend in {min_spend_currency}, "
        "but this sale is in {currency}",
        "{kind:discount_kind}{discount}的最低消费以{min_spend_currency}计，"
        "而本次销售以{currency}结算",
    ),
    "discount_named": ("{kind:discount_kind} {discount}", "{kind:discount_kind}{discount}"),
    # Why a voucher the clerk entered was left out of the price (not a refusal).
    "pricing_voucher_not_combined": (
        "{kind:discount_kind} {discount} was not applied: it cannot be combined with {better}, "
        "which saves the customer at least as much",
        "{kind:discount_kind}{discount}未使用：它不能与{better}同时使用，而后者为顾客节省的金额不少于它",
    ),
    "pricing_voucher_takes_nothing": (
        "{kind:discount_kind} {discount} was not applied: it takes nothing off this cart",
        "{kind:discount_kind}{discount}未使用：它对本购物车没有任何减免",
    ),
    "discount_twice": (
        "{kind:discount_kind} {discount} is in the cart twice",
        "{kind:discount_kind}{discount}在购物车中出现了两次",
    ),
    "discount_only_price_types": (
        "{kind:discount_kind} {discount} applies only to price types {price_types}; "
        "none in the cart",
        "{kind:discount_kind}{discount}仅适用于票种{price_types}；购物车中没有",
    ),
    "discount_only_zones": (
        "{kind:discount_kind} {discount} applies only to zones {zones}; none in the cart",
        "{kind:discount_kind}{discount}仅适用于票区{zones}；购物车中没有",
    ),
    "discount_only_price_types_in_zones": (
        "{kind:discount_kind} {discount} applies only to price types {price_types} "
        "in zones {zones}; none in the cart",
        "{kind:discount_kind}{discount}仅适用于票区{zones}中的票种{price_types}；购物车中没有",
    ),
    "discount_no_eligible_lines": (
        "{kind:discount_kind} {discount} does not apply to complimentary or overridden tickets, "
        "and the cart has no others",
        "{kind:discount_kind}{discount}不适用于赠票或已改价的门票，而购物车中没有其他门票",
    ),
    "pricing_voucher_missing": ("enter a voucher code", "请输入兑换券券码"),
    "pricing_voucher_not_found": ("there is no voucher {code}", "没有兑换券{code}"),
    "pricing_voucher_ambiguous": (
        "voucher code {code} is ambiguous ({count} vouchers match)",
        "兑换券券码{code}不唯一（有{count}张兑换券匹配）",
    ),
    # Cash rounding and spreading amounts.
    "cash_rounding_step_too_small": (
        "a cash rounding step must be at least one minor unit",
        "现金舍入单位至少为一个最小货币单位",
    ),
    "cash_rounding_mode_unknown": (
        "cash rounding mode must be one of {modes}",
        "现金舍入方式必须是以下之一：{modes}",
    ),
    "allocate_over_nothing": ("cannot spread an amount over nothing", "无法将金额分摊到空集合上"),
    "allocate_negative": ("allocate needs non-negative amounts", "分摊需要非负金额"),
    "allocate_currency_mismatch": (
        "cannot spread {currency} over {other}",
        "无法将{currency}金额分摊到{other}金额上",
    ),
}
