"""Refusals of a sale from the command line (``boxoffice-admin sell``, ``ops.sell_queries``)."""

MESSAGES = {
    "sell_nothing_chosen": (
        "nothing to sell: give --seat, --best or --ga",
        "没有要售出的票：请指定 --seat、--best 或 --ga。",
    ),
    "sell_seat_not_found": (
        "no seat {seats} on this performance's seat map",
        "本场次的座位图上没有座位{seats}。",
    ),
    "sell_best_none": (
        "no {count} adjacent seats available (zone: {zone})",
        "没有{count}个相邻的可售座位（票区：{zone}）。",
    ),
    "sell_ga_invalid": (
        "not an area and a quantity: '{text}' (use e.g. Standing:2)",
        "不是有效的区域和数量：“{text}”（例如 Standing:2）。",
    ),
    "sell_print_timeout": (
        "the sale is booked, but printer {printer} did not print within {seconds} s: reprint",
        "已售出，但打印机{printer}在{seconds}秒内未打印：请补打。",
    ),
    "sell_print_failed": (
        "the sale is booked, but printer {printer} reported {outcome}: reprint",
        "已售出，但打印机{printer}报告{outcome}：请补打。",
    ),
}
