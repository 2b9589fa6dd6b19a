"""Reports: dates, time zones, writing PDF and CSV files (``boxoffice.reports``)."""

MESSAGES = {
    "report_bad_date": (
        "{text!r} is not a date; write it as YYYY-MM-DD",
        "{text!r}不是日期；请写成 YYYY-MM-DD",
    ),
    "report_date_out_of_range": (
        "{day} is outside the years {first}–{last} a report can cover",
        "{day}超出报表可涵盖的年份范围（{first}–{last}）",
    ),
    "report_cannot_write": ("cannot write {path}: {reason}", "无法写入{path}：{reason}"),
    "report_path_is_folder": (
        "{path} is a folder; give a file name",
        "{path}是文件夹；请给出文件名",
    ),
    "report_path_not_file": (
        "{path} is not an ordinary file; give a file name",
        "{path}不是普通文件；请给出文件名",
    ),
    "report_folder_missing": (
        "cannot write {path}: folder {folder} does not exist",
        "无法写入{path}：文件夹{folder}不存在",
    ),
    "report_folder_not_writable": (
        "cannot write {path}: folder {folder} is not writable",
        "无法写入{path}：文件夹{folder}不可写",
    ),
    "report_bad_format": (
        "reports are written as {formats}, not {fmt!r}",
        "报表只能写成{formats}格式，不能是{fmt!r}",
    ),
    "report_bad_page_size": (
        "page size must be one of {sizes}, not {page!r}",
        "纸张尺寸必须是{sizes}之一，不能是{page!r}",
    ),
    # Report texts with names or figures in them (``reports.model.Phrase``): the PDF
    # keeps the English, the screen shows the terminal's language.
    "report_z_title": ("Z report {number} — {terminal}", "交班报表（Z）{number}——{terminal}"),
    "report_x_title": (
        "X report (running, not closed) — {terminal}",
        "班中报表（X，不清零）——{terminal}",
    ),
    "report_zx_subtitle": ("shift {shift} · clerk {clerk}", "班次{shift} · 售票员{clerk}"),
    "report_z_closed_offline": (
        "Closed offline: {count} operations had not reached the central server yet.",
        "离线交班：尚有{count}项操作未送达中央服务器。",
    ),
    "report_orders_in_status": ("orders {status:order_state}", "订单（{status:order_state}）"),
    "report_tickets_in_status": ("tickets {status:ticket_state}", "门票（{status:ticket_state}）"),
    "report_sales_total": ("sales total {currency}", "销售总额（{currency}）"),
    "report_discounts_total": ("discounts given {currency}", "折扣总额（{currency}）"),
    "report_day_end_local": (
        "{day} ({zone}) · this terminal's figures only",
        "{day}（{zone}）· 仅本售票窗口数据",
    ),
    "report_day_end_server": (
        "{day} ({zone}) · every terminal, server figures as of {as_of}",
        "{day}（{zone}）· 所有售票窗口，服务器数据截至{as_of}",
    ),
    "report_server_figures_missing": (
        "The server's figures are missing: {reason}",
        "缺少服务器数据：{reason}",
    ),
    "report_partial": (
        "PARTIAL: {terminals} not known to the central server; "
        "their figures are this store's only.",
        "不完整：中央服务器上没有{terminals}的记录；其数据仅来自本售票窗口。",
    ),
    "report_open_shift_of": ("{clerk} ({where})", "{clerk}（{where}）"),
    "report_incomplete": (
        "INCOMPLETE: {count} shift(s) still open: {shifts}",
        "未完成：仍有{count}个班次未交班：{shifts}",
    ),
    "report_z_of": ("Z {number} of {terminal}", "{terminal}的交班报表（Z）{number}"),
    "report_mismatch": (
        "MISMATCH: {reports} differ(s) between this terminal and the server; "
        "check both copies before signing off.",
        "不一致：{reports}在本售票窗口与服务器上的副本不同；审核确认前请核对两份副本。",
    ),
    "report_terminal_revoked": ("{terminal} (revoked)", "{terminal}（已吊销）"),
    "report_terminal_opened_as": (
        "{terminal} (opened as {opened_as})",
        "{terminal}（开班时名为{opened_as}）",
    ),
    "report_unsent_then": (
        "{count} operations not yet sent then",
        "当时有{count}项操作尚未发送",
    ),
}
