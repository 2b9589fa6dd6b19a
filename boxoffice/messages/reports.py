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
}
