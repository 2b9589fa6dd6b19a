"""The local store's settings (``boxoffice.settings``) and demo data (``boxoffice.demo``)."""

MESSAGES = {
    "setting_unknown": ("unknown setting '{key}'", "未知设置项“{key}”。"),
    "setting_not_whole_number": (
        "setting {key} must be a whole number, not '{value}'",
        "设置项{key}必须是整数，不能是“{value}”。",
    ),
    "demo_store_not_empty": (
        "this store already has venues; the demo only seeds an empty store",
        "本地数据库已有场馆；演示数据只能写入空数据库。",
    ),
}
