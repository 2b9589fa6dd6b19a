"""The admin CLI's own refusals (``boxoffice.cli``): arguments, reports, sync setup."""

#: The kind of secret a user signs in with, as the CLI asks for it.
TERMS = {
    "secret": {
        "pin": ("PIN", "PIN"),
        "password": ("password", "密码"),
    },
}

MESSAGES = {
    # arguments
    "cli_not_aware_datetime": (
        "not a date and time: '{text}' (use e.g. 2026-12-01T19:30+01:00)",
        "不是有效的日期时间：“{text}”（例如 2026-12-01T19:30+01:00）。",
    ),
    "cli_no_time_zone": (
        "'{text}' has no time zone; add one, e.g. {text}+01:00, or use --tz",
        "“{text}”没有时区；请加上时区（例如 {text}+01:00），或使用 --tz。",
    ),
    "cli_not_local_datetime": (
        "not a date and time: '{text}' (use e.g. 2026-12-01T19:30)",
        "不是有效的日期时间：“{text}”（例如 2026-12-01T19:30）。",
    ),
    "cli_unknown_time_zone": ("unknown time zone '{zone}'", "未知时区“{zone}”。"),
    "cli_not_whole_number": ("not a whole number: '{text}'", "不是整数：“{text}”。"),
    "cli_not_positive": ("must be at least 1, not {value}", "至少为1，不能是{value}。"),
    "cli_not_a_time": (
        "not a time: '{text}' (use 18:00 or 2026-12-01T18:00)",
        "不是有效的时间：“{text}”（例如 18:00 或 2026-12-01T18:00）。",
    ),
    "cli_bad_option": ("{option}: {reason}", "{option}：{reason}"),
    "cli_secrets_differ": (
        "the two {kind:secret}s differ",
        "两次输入的{kind:secret}不一致。",
    ),
    "cli_no_secret_on_stdin": (
        "no {kind:secret} given on standard input",
        "标准输入中没有{kind:secret}。",
    ),
    # the store
    "cli_store_unreadable": (
        "cannot open store {path}: {reason}",
        "无法打开本地数据库{path}：{reason}",
    ),
    # door
    "cli_no_verdict": ("no verdict: {kind}: {reason}", "无法给出检票结果：{kind}：{reason}"),
    # reports
    "cli_terminal_unknown": (
        "no terminal named '{terminal}' in this store (known: {known})",
        "本数据库中没有名为“{terminal}”的售票窗口（已知：{known}）。",
    ),
    "cli_no_z_reports": ("no Z reports on {date}", "{date}没有交班报表（Z）。"),
    "cli_no_z_reports_at": (
        "no Z reports on {date} at {terminal}",
        "{date}在{terminal}没有交班报表（Z）。",
    ),
    "cli_no_open_shifts": ("no open shifts", "没有未交班的班次。"),
    "cli_no_open_shifts_at": ("no open shifts at {terminal}", "{terminal}没有未交班的班次。"),
    "cli_day_end_all_terminals": (
        "the day end covers every terminal; leave out --terminal",
        "日结涵盖所有售票窗口；请去掉 --terminal。",
    ),
    "cli_local_only_day_end": (
        "--local is for the day end (other reports are local anyway)",
        "--local 只用于日结（其他报表本来就只用本地数据）。",
    ),
    "cli_slip_only_z": (
        "--slip prints the Z report for the receipt printer; use it with z",
        "--slip 在小票打印机上打印交班报表（Z）；请与 z 一起使用。",
    ),
    "cli_report_target": (
        "say where the report goes: --pdf FILE or --csv FILE",
        "请指定报表的输出位置：--pdf 文件 或 --csv 文件。",
    ),
    "cli_report_target_z": (
        "say where the report goes: --pdf FILE or --csv FILE "
        "(or --slip / --printer NAME for the Z slip)",
        "请指定报表的输出位置：--pdf 文件 或 --csv 文件（交班单用 --slip / --printer 名称）。",
    ),
    "cli_slip_not_printed": (
        "{printer}: {reason}; the slip was not printed",
        "{printer}：{reason}；交班单未打印。",
    ),
    "cli_z_slip_failed": (
        "{printer}: Z {number} of {terminal} could not be printed (see `print log`)",
        "{printer}：{terminal}的交班单（Z）{number}未能打印（见 `print log`）。",
    ),
    # sync setup
    "cli_no_server_configured": (
        "no central server configured: run 'boxoffice-admin sync configure URL' first",
        "尚未配置中央服务器：请先运行“boxoffice-admin sync configure URL”。",
    ),
    "cli_user_not_in_store": (
        "no user '{username}' in this store",
        "本数据库中没有用户“{username}”。",
    ),
}
