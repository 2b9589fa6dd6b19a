"""Shifts, the cash drawer, counts, card batches, Z and X slips (``boxoffice.shifts``,
``boxoffice.ops.cash``, ``devices.printing.shift_slips`` / ``z_slip``).

Glossary: 班次, 交班, 备用金, 投库, 补入现金/支出现金, 盲盘, 长短款, 审核确认,
交班报表（Z）, 交班单, 班中报表（X，不清零）, 主管授权.
"""

TERMS = {
    #: What moves cash in or out of the drawer ("a {movement} must be more than zero").
    "cash_movement": {
        "drop": ("drop", "投库"),
        "pay-in": ("pay-in", "补入现金"),
        "pay-out": ("pay-out", "支出现金"),
    },
    #: The tenders a shift is reconciled by.
    "drawer_tender": {
        "cash": ("cash", "现金"),
        "card": ("card", "银行卡"),
        "voucher": ("voucher", "兑换券"),
    },
    #: The slips a receipt printer prints for a shift.
    "shift_slip": {
        "z": ("Z slips", "交班单"),
        "x": ("X slips", "班中报表（X）"),
    },
}

MESSAGES = {
    # -- opening, finding ------------------------------------------------------------
    "shift_not_open": (
        "{user} has no open shift at {terminal}; open a shift (count the float) first",
        "{user}在{terminal}没有未交班的班次；请先开班（清点备用金）",
    ),
    "shift_not_found": ("no shift {shift}", "没有班次{shift}"),
    "shift_already_open": (
        "{user} already has an open shift at {terminal}; close it first",
        "{user}在{terminal}已有未交班的班次；请先交班",
    ),
    # -- drawer movements -------------------------------------------------------------
    "cash_not_in_drawer": (
        "the drawer does not hold {amount:money} in {currency} cash: no {movement:cash_movement}; "
        "if the drawer holds more than the system knows, book a pay-in first",
        "钱箱中没有{amount:money}的{currency}现金，不能{movement:cash_movement}；"
        "如果钱箱中的现金多于系统记录，请先补入现金",
    ),
    "cash_amount_not_positive": (
        "a {movement:cash_movement} must be more than zero",
        "{movement:cash_movement}金额必须大于零",
    ),
    "cash_reason_needed": (
        "a {movement:cash_movement} needs a reason",
        "{movement:cash_movement}必须填写原因",
    ),
    # -- count and close --------------------------------------------------------------
    "shift_closed_count_final": (
        "shift {shift} is closed; its count is final",
        "班次{shift}已交班，盲盘结果不能再改",
    ),
    "shift_closed_x_report": (
        "shift {shift} is closed; print its Z report instead",
        "班次{shift}已交班；请打印它的交班报表（Z）",
    ),
    "shift_already_closed": (
        "shift {shift} is already closed; a shift is never reopened",
        "班次{shift}已交班；已交班的班次不能重新打开",
    ),
    "shift_count_first": (
        "count the cash in the drawer before closing the shift",
        "交班前请先盲盘清点钱箱中的现金",
    ),
    "shift_voucher_count_negative": (
        "a voucher count cannot be negative",
        "兑换券清点金额不能为负数",
    ),
    "shift_variance_over_limit": (
        "the {tender:drawer_tender} variance of {variance:money} is over the limit: "
        "a supervisor must sign it off with a reason",
        "{tender:drawer_tender}长短款{variance:money}超出限额：须由主管填写原因审核确认",
    ),
    "shift_closed_reconciliation_final": (
        "shift {shift} is closed; its reconciliation is final",
        "班次{shift}已交班，对账结果不能再改",
    ),
    # -- limits (settings) --------------------------------------------------------------
    "shift_limit_not_amount": (
        "setting {key} must be an amount, not {value!r}",
        "设置项{key}必须是金额，而不是{value!r}",
    ),
    "shift_limit_negative": (
        "setting {key} must not be negative",
        "设置项{key}不能为负数",
    ),
    # -- notes and coins ------------------------------------------------------------------
    "no_denominations": (
        "no notes and coins are configured for {currency!r}",
        "没有为{currency!r}设置纸币和硬币面额",
    ),
    "denomination_not_minor": (
        "denomination {denomination!r} must be in minor units",
        "面额{denomination!r}必须以最小货币单位表示",
    ),
    "denomination_not_of_currency": (
        "{denomination:money} is not a {currency} note or coin",
        "{denomination:money}不是{currency}的纸币或硬币面额",
    ),
    "denomination_quantity_invalid": (
        "the number of {denomination:money} must be a whole number of 0 or more, not {quantity!r}",
        "{denomination:money}的张数/枚数必须是0或更大的整数，而不是{quantity!r}",
    ),
    "denomination_quantity_too_large": (
        "{quantity} × {denomination:money} is more than a drawer or a safe bag holds "
        "(at most {most}); check the count",
        "{quantity} × {denomination:money}超出钱箱或保险袋的容量（最多{most}）；请核对清点",
    ),
    # -- card batch (the card terminal's end-of-day totals) --------------------------------
    "card_batch_not_mapping": (
        "the terminal's end-of-day result is not a mapping",
        "POS 机的结算结果格式无效",
    ),
    "card_batch_no_currency": (
        "the terminal's end-of-day result has no currency",
        "POS 机的结算结果没有币种",
    ),
    "card_batch_no_schemes": (
        "the terminal's end-of-day result has no schemes",
        "POS 机的结算结果没有卡组织合计",
    ),
    "card_batch_bad_scheme": (
        "scheme name {scheme!r} in the terminal's result is not valid",
        "POS 机结算结果中的卡组织名称{scheme!r}无效",
    ),
    "card_batch_totals_not_mapping": (
        "totals of {scheme} in the terminal's result are not a mapping",
        "POS 机结算结果中{scheme}的合计格式无效",
    ),
    "card_batch_amount_not_whole": (
        "amount_minor of {scheme} must be a whole number",
        "{scheme}的金额（amount_minor）必须是整数",
    ),
    "card_batch_count_not_whole": (
        "count of {scheme} must be a whole number of 0 or more",
        "{scheme}的笔数必须是0或更大的整数",
    ),
    "card_batch_bad_source": (
        "batch totals come from 'manual' entry or the 'terminal'",
        "银行卡结算合计只能来自手工录入（manual）或 POS 机（terminal）",
    ),
    "card_batch_scheme_needed": (
        "each batch total needs a card scheme",
        "每一行银行卡结算合计都须填写卡组织",
    ),
    "card_batch_scheme_twice": ("{scheme} is entered twice", "{scheme}录入了两次"),
    # -- Z reports and slips ------------------------------------------------------------------
    "z_report_not_found_for_shift": (
        "no Z report for shift {shift}",
        "班次{shift}没有交班报表（Z）",
    ),
    "z_report_not_found": (
        "no Z report for Z {number} at {terminal}",
        "{terminal}没有第{number}号交班报表（Z）",
    ),
    "z_report_id_not_found": (
        "no Z report with id {z_report}",
        "没有编号为{z_report}的交班报表（Z）",
    ),
    "z_report_unnamed": (
        "name the Z report: its id, or its terminal and number",
        "请指明交班报表（Z）：给出其编号，或售票窗口和序号",
    ),
    "z_report_hash_mismatch": (
        "Z {number} at {terminal} does not match the hash in the audit log; "
        "it is not printed (run verify-audit)",
        "{terminal}的第{number}号交班报表（Z）与审计日志中的哈希值不符，"
        "不予打印（请运行 verify-audit）",
    ),
    "shift_missing_for_z": (
        "the shift of Z {number} at {terminal} is missing",
        "{terminal}第{number}号交班报表（Z）的班次不存在",
    ),
    "slip_on_ticket_printer": (
        "{printer} is a ticket printer; {slip:shift_slip} print on the receipt printer",
        "{printer}是门票打印机；{slip:shift_slip}须在小票打印机上打印",
    ),
    "slip_printer_not_found": (
        "no printer named {printer!r} (see `device list`)",
        "没有名为{printer!r}的打印机（见 `device list`）",
    ),
    "slip_printer_not_receipt": (
        "{printer} is a {kind}, not a receipt printer; Z slips print on the receipt printer",
        "{printer}是{kind}，不是小票打印机；交班单须在小票打印机上打印",
    ),
    "slip_printer_problem": ("{printer}: {reason}", "{printer}：{reason}"),
    "z_slip_wrong_driver": (
        "a Z slip prints on a receipt printer (ESC/POS) or as PDF",
        "交班单只能在小票打印机（ESC/POS）上打印或存为 PDF",
    ),
    "unknown_report_timezone": (
        "unknown time zone {zone!r} for reports",
        "报表时区{zone!r}无效",
    ),
    # -- day end --------------------------------------------------------------------------
    "day_end_no_server": (
        "this terminal is not connected to a central server",
        "本售票窗口未连接中央服务器",
    ),
}
