"""Seat-map import, export and views (``boxoffice.seatmaps``).

A file problem reads "file: where: problem": ``where`` is a JSON path
(``zones[0].rows[3].seats[7].position.x``) or a CSV line and column.
"""

MESSAGES = {
    "seatmap_format": ("{file}: {problem}", "{file}：{problem}"),
    "seatmap_format_at": ("{file}: {where}: {problem}", "{file}：{where}：{problem}"),
    # where in the file, when it is not a JSON path
    "seatmap_at_line": ("line {line}", "第{line}行"),
    "seatmap_at_line_column": ('line {line}, column "{column}"', "第{line}行“{column}”列"),
    "seatmap_at_line_char": ("line {line}, column {column}", "第{line}行第{column}个字符"),
    "seatmap_at_line_seat_columns": (
        'line {line}, columns "section", "row" and "seat"',
        "第{line}行“section”、“row”和“seat”列",
    ),
    "seatmap_at_top_level": ("(top level)", "（顶层）"),
    "seatmap_at_map_name": ("map name", "座位图名称"),
    # reading the file
    "seatmap_file_empty": ("the file is empty", "文件为空。"),
    "seatmap_unreadable": ("cannot read the file: {reason}", "无法读取文件：{reason}"),
    "seatmap_not_utf8": (
        "not UTF-8 text (byte {byte} at offset {offset}); save the file as UTF-8",
        "不是 UTF-8 文本（偏移{offset}处的字节{byte}）；请将文件另存为 UTF-8。",
    ),
    "seatmap_invalid_json": ("invalid JSON: {reason}", "JSON 无效：{reason}"),
    "seatmap_json_too_deep": ("invalid JSON: nested too deeply", "JSON 无效：嵌套层级过深。"),
    "seatmap_format_unknown": (
        'cannot tell the format: expected "format": "boxoffice-seatmap" (own format) or '
        'top-level "zones" and "categories" (pretix); name the format explicitly',
        '无法判断格式：应有 "format": "boxoffice-seatmap"（本系统格式），或顶层的 "zones" 和 '
        '"categories"（pretix）；请明确指定格式。',
    ),
    "seatmap_format_not_supported": (
        "unknown format {format}; expected one of {formats}",
        "未知格式{format}；应为{formats}之一。",
    ),
    "seatmap_wrong_format": (
        'expected "{expected}", got {got}',
        '应为 "{expected}"，实际为{got}。',
    ),
    "seatmap_version_unsupported": (
        "version {version} is not supported (this program reads {supported})",
        "不支持版本{version}（本程序读取版本{supported}）。",
    ),
    # JSON fields
    "seatmap_field_missing": ("required field is missing", "缺少必填字段。"),
    "seatmap_field_unknown": (
        "unknown field (allowed: {allowed})",
        "未知字段（允许：{allowed}）。",
    ),
    "seatmap_expected_object": ("expected object, got {got}", "应为对象，实际为{got}。"),
    "seatmap_expected_list": ("expected list, got {got}", "应为列表，实际为{got}。"),
    "seatmap_expected_string": ("expected string, got {got}", "应为字符串，实际为{got}。"),
    "seatmap_expected_number": ("expected number, got {got}", "应为数字，实际为{got}。"),
    "seatmap_expected_finite_number": (
        "expected finite number, got {got}",
        "应为有限数字，实际为{got}。",
    ),
    "seatmap_expected_whole_number": (
        "expected whole number, got {got}",
        "应为整数，实际为{got}。",
    ),
    "seatmap_expected_boolean": (
        "expected true or false, got {got}",
        "应为 true 或 false，实际为{got}。",
    ),
    "seatmap_unknown_category": (
        'unknown category "{category}" (the plan defines: {defined})',
        '未知类别 "{category}"（座位图定义的类别：{defined}）。',
    ),
    # CSV
    "seatmap_csv_no_header": (
        "the first line must be a header row naming {expected}",
        "第一行必须是列出{expected}的表头。",
    ),
    "seatmap_csv_unknown_column": (
        'unknown column "{column}"; the header must name {expected}',
        '未知列 "{column}"；表头必须列出{expected}。',
    ),
    "seatmap_csv_column_twice": (
        'column "{column}" appears twice in the header',
        '列 "{column}" 在表头中出现了两次。',
    ),
    "seatmap_csv_column_missing": (
        'the header has no "{column}" column',
        '表头中没有 "{column}" 列。',
    ),
    "seatmap_csv_field_count": (
        "expected {expected} fields as in the header, found {found}",
        "应与表头一样有{expected}个字段，实际有{found}个。",
    ),
    "seatmap_csv_bad_accessible": (
        "expected true/false, yes/no, 1/0 or empty, got {got}",
        "应为 true/false、yes/no、1/0 或留空，实际为{got}。",
    ),
    "seatmap_csv_unreadable": ("not readable as CSV: {reason}", "无法按 CSV 读取：{reason}"),
    "seatmap_csv_no_seats": ("the file has a header but no seats", "文件只有表头，没有座位。"),
    # the plan
    "seatmap_text_empty": ("must not be empty", "不能为空。"),
    "seatmap_text_too_long": (
        "is {length} characters long; the limit is {limit}",
        "长度为{length}个字符，上限为{limit}个。",
    ),
    "seatmap_size_negative": ("must be a number ≥ 0, got {got}", "必须是≥0的数字，实际为{got}。"),
    "seatmap_duplicate_name": (
        "duplicate name {name} (also at {other})",
        "名称{name}重复（另见{other}）。",
    ),
    "seatmap_bad_colour": (
        "expected a colour like #1f77b4, got {got}",
        "应为 #1f77b4 这样的颜色，实际为{got}。",
    ),
    "seatmap_unknown_zone": (
        "unknown zone {zone} (known: {known})",
        "未知票区{zone}（已有票区：{known}）。",
    ),
    "seatmap_unknown_zone_none": (
        "unknown zone {zone} (known: none)",
        "未知票区{zone}（尚无票区）。",
    ),
    "seatmap_duplicate_section": (
        "duplicate section name {name} (also at {other})",
        "区域名称{name}重复（另见{other}）。",
    ),
    "seatmap_duplicate_row": (
        "duplicate row name {name} in section {section} (also at {other})",
        "区域{section}中排名{name}重复（另见{other}）。",
    ),
    "seatmap_duplicate_guid": (
        "duplicate seat guid {guid} (also at {other})",
        "座位 guid {guid}重复（另见{other}）。",
    ),
    "seatmap_capacity_not_positive": (
        "expected a positive whole number, got {got}",
        "应为正整数，实际为{got}。",
    ),
    "seatmap_plan_empty": (
        "the plan has no seats and no general-admission areas",
        "座位图中既没有座位，也没有站票区域。",
    ),
    # saving and reading stored maps
    "seatmap_name_length": (
        "a seat map name must be 1 to {max} characters",
        "座位图名称须为1至{max}个字符。",
    ),
    "seatmap_source_format_unknown": (
        "unknown seat-map format {format}; expected one of {formats}",
        "未知座位图格式{format}；应为{formats}之一。",
    ),
    "seatmap_name_taken": (
        "venue '{venue}' already has a seat map named '{name}'; "
        "import it under another name or into another venue",
        "场馆“{venue}”已有名为“{name}”的座位图；请换一个名称或导入到其他场馆。",
    ),
    "seatmap_id_not_found": ("no seat map with id {seat_map}", "没有编号为{seat_map}的座位图。"),
    "seatmap_not_found": ("no seat map {seat_map}", "没有座位图{seat_map}。"),
}
