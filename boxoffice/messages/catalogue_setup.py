"""Setting up the catalogue: venues, events, performances, price types, prices, discounts, holds.

(Not `messages/catalogue.py`: that name would shadow `boxoffice.messages.catalogue()`.)
"""

MESSAGES = {
    # Venues and seat maps.
    "venue_needs_name": ("a venue needs a name", "场馆需要一个名称"),
    "catalogue_venue_not_found": ("no venue named '{venue}'", "没有名为“{venue}”的场馆"),
    "catalogue_seat_map_not_found": (
        "venue '{venue}' has no seat map named '{seat_map}'",
        "场馆“{venue}”没有名为“{seat_map}”的座位图",
    ),
    "venue_has_no_seat_map": (
        "venue '{venue}' has no seat map; import one first",
        "场馆“{venue}”还没有座位图，请先导入",
    ),
    "venue_seat_map_ambiguous": (
        "venue '{venue}' has several seat maps ({seat_maps}); name one",
        "场馆“{venue}”有多个座位图（{seat_maps}），请指定一个",
    ),
    # Events and performances.
    "event_needs_name": ("an event needs a name", "演出需要一个名称"),
    "event_duration_not_whole": (
        "duration must be a whole number of minutes",
        "时长必须是整数分钟",
    ),
    "event_duration_out_of_range": (
        "duration must be 1 to 1440 minutes, not {minutes}",
        "时长必须在 1 到 1440 分钟之间，而不是{minutes}",
    ),
    "event_exists": ("an event named '{event}' already exists", "名为“{event}”的演出已存在"),
    "catalogue_event_not_found": ("no event '{event}'", "没有演出“{event}”"),
    "performance_time_without_zone": (
        "{field} needs a time zone (e.g. 2026-12-01T19:30+08:00)",
        "{field}需要带时区（例如 2026-12-01T19:30+08:00）",
    ),
    "catalogue_sale_window_reversed": (
        "the sale window ends before it starts",
        "销售期的结束时间早于开始时间",
    ),
    "performance_status_change_refused": (
        "performance {performance} is {status:performance_status}; "
        "it cannot become {new_status:performance_status}",
        "场次{performance}当前为{status:performance_status}，不能改为{new_status:performance_status}",
    ),
    "catalogue_performance_not_found": ("no performance {performance}", "没有场次{performance}"),
    # Price types, zones and prices.
    "price_type_code_invalid": (
        "price type code '{code}' must be letters, digits or _",
        "票种代码“{code}”只能包含字母、数字或 _",
    ),
    "price_type_time_without_zone": ("the {field} needs a time zone", "{field}需要带时区"),
    "catalogue_min_quantity_below_one": (
        "minimum quantity must be at least 1",
        "最少购买张数至少为 1",
    ),
    "price_type_exists": ("price type '{code}' already exists", "票种“{code}”已存在"),
    "catalogue_price_type_not_found": (
        "no price type '{code}' (have: {known})",
        "没有票种“{code}”（现有：{known}）",
    ),
    "catalogue_price_zone_not_found": (
        "performance {performance} has no price zone '{zone}' (have: {known})",
        "场次{performance}没有票区“{zone}”（现有：{known}）",
    ),
    "price_currency_mismatch": (
        "performance {performance} sells in {currency}, not {given}",
        "场次{performance}以{currency}销售，而不是{given}",
    ),
    "catalogue_price_negative": ("a price cannot be negative", "票价不能为负数"),
    "price_complimentary_not_zero": (
        "{code} is complimentary; its price must be 0",
        "{code}为赠票票种，票价必须为 0",
    ),
    # Discounts, vouchers, gift cards, refund fees.
    "discount_percent_or_amount": (
        "give either a percentage or a fixed amount",
        "请给出百分比或固定金额（二选一）",
    ),
    "discount_percent_invalid": (
        "a percentage must be above 0 and at most 100, not {percent}",
        "百分比必须大于 0 且不超过 100，而不是{percent}",
    ),
    "catalogue_voucher_code_exists": (
        "voucher code {code} already exists",
        "兑换券券码{code}已存在",
    ),
    "gift_card_code_too_short": (
        "a gift card code needs at least 6 letters or digits",
        "礼品卡卡号至少需要 6 位字母或数字",
    ),
    "gift_card_amount_not_positive": (
        "a gift card must hold a positive amount",
        "礼品卡金额必须大于零",
    ),
    "catalogue_gift_card_exists": ("gift card {code} already exists", "礼品卡{code}已存在"),
    "refund_fee_percent_out_of_range": (
        "a refund fee percentage is between 0 and 100",
        "退票手续费百分比必须在 0 到 100 之间",
    ),
    "refund_fee_hours_negative": (
        "hours before the start cannot be negative",
        "开演前小时数不能为负数",
    ),
    # House seats and kills.
    "hold_seats_not_on_map": (
        "no such seats on this map: {seats}",
        "座位图上没有这些座位：{seats}",
    ),
    "hold_seats_already_held": ("already held: {seats}", "已预留：{seats}"),
}

#: A performance's status as a refusal names it.
TERMS = {
    "performance_status": {
        "scheduled": ("scheduled", "已排期"),
        "on_sale": ("on_sale", "在售"),
        "off_sale": ("off_sale", "停售"),
        "cancelled": ("cancelled", "已取消"),
    },
}
