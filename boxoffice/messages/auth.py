"""Users, roles, permissions, grants and overrides (``boxoffice.auth``)."""

#: Permissions as a refusal names them ("... needed to refund tickets").
TERMS = {
    "permission": {
        "sell": ("sell tickets", "售票"),
        "sell_complimentary": ("issue complimentary tickets", "发放赠票"),
        "price_override": ("override a price", "修改票价"),
        "discount_manual": ("give a manual discount", "手动打折"),
        "refund": ("refund", "退票"),
        "exchange": ("exchange tickets", "换票"),
        "void": ("void a sale", "作废销售"),
        "reprint": ("reprint a ticket", "补打门票"),
        "no_sale": ("open the cash drawer without a sale", "无销售打开钱箱"),
        "cash_drop": ("drop cash from the drawer to the safe", "投库"),
        "cash_payout_large": ("pay out a large amount of cash", "支出大额现金"),
        "shift_open": ("open a shift", "开班"),
        "shift_close": ("close a shift", "交班"),
        "variance_signoff": ("sign off a cash variance", "审核确认长短款"),
        "report_x": ("print an X report", "打印班中报表（X）"),
        "report_z": ("print a Z report", "打印交班报表（Z）"),
        "reports_view": ("view sales reports", "查看销售报表"),
        "checkin": ("check tickets in at the door", "在入口检票"),
        "will_call": ("hand out will-call tickets", "办理取票处取票"),
        "voucher_redeem_manual": ("redeem a voucher by typing its code", "手动输入券码核销兑换券"),
        "hold_manage": ("manage house seats and kills", "管理内部预留座和封座"),
        "allocation_manage": ("manage offline seat allocations", "管理离线座位配额"),
        "conflict_resolve": ("resolve sync conflicts", "处理同步冲突"),
        "catalog_edit": ("edit events and performances", "编辑演出和场次"),
        "price_edit": ("edit prices and discounts", "编辑票价和折扣"),
        "seatmap_import": ("import seat maps", "导入座位图"),
        "user_manage": ("manage users", "管理用户"),
        "grant": ("grant permissions", "授予权限"),
        "device_manage": ("manage devices and terminals", "管理设备和售票窗口"),
        "audit_verify": ("verify the audit log", "校验审计日志"),
    },
    "role": {
        "clerk": ("clerk", "售票员"),
        "supervisor": ("supervisor", "主管"),
        "door": ("door staff", "检票员"),
        "admin": ("administrator", "管理员"),
    },
}

MESSAGES: dict[str, tuple[str, str]] = {}
