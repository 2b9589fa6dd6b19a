"""Codes that every area uses: the base refusals and the legacy carrier."""

MESSAGES = {
    # An English sentence raised before its area moved to codes (see boxoffice.errors).
    "message": ("{text}", "{text}"),
    "error": ("something went wrong", "出现错误"),
    "invalid_input": ("the input is not valid", "输入无效"),
    "not_found": ("not found", "未找到"),
    "conflict": ("this conflicts with what is already there", "与现有数据冲突"),
    "permission_denied": ("you may not do this", "您无权执行此操作"),
    "authentication_failed": ("wrong username or PIN/password", "用户名或 PIN/密码错误"),
    "needs_override": (
        "a supervisor's override is needed to {permission:permission}",
        "需要主管授权才能{permission:permission}",
    ),
}
