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

#: Refusals of sign-in, permissions, overrides, grants, users and roles.
#: ``{role:role} '{user}'`` names the acting user as "clerk 'ann'".
MESSAGES: dict[str, tuple[str, str]] = {
    # guard: may this user do this now?
    "permission_denied_ask_admin": (
        "{role:role} '{user}' may not {permission:permission}; ask an administrator",
        "{role:role}“{user}”无权{permission:permission}，请联系管理员。",
    ),
    "permission_denied_inactive": (
        "deactivated user '{user}' may not {permission:permission}, even with an override",
        "用户“{user}”已停用，无权{permission:permission}，主管授权也无效。",
    ),
    "permission_denied_unknown_user": (
        "user '{user}' may not {permission:permission}: there is no such user",
        "用户“{user}”不存在，无权{permission:permission}。",
    ),
    "override_missing": (
        "{role:role} '{user}' may not {permission:permission}: the override does not exist",
        "{role:role}“{user}”无权{permission:permission}：该主管授权不存在。",
    ),
    "override_used": (
        "{role:role} '{user}' may not {permission:permission}: "
        "the override has already been used; each override allows one action",
        "{role:role}“{user}”无权{permission:permission}：该主管授权已使用过，每次授权只能用于一项操作。",
    ),
    "override_other_permission": (
        "{role:role} '{user}' may not {permission:permission}: "
        "the override was given to {given:permission}, not to {permission:permission}",
        "{role:role}“{user}”无权{permission:permission}：该主管授权用于{given:permission}，"
        "不能用于{permission:permission}。",
    ),
    "override_other_user": (
        "{role:role} '{user}' may not {permission:permission}: "
        "the override was given for another user",
        "{role:role}“{user}”无权{permission:permission}：该主管授权不是为您签发的。",
    ),
    "override_other_terminal": (
        "{role:role} '{user}' may not {permission:permission}: "
        "the override was given at another terminal",
        "{role:role}“{user}”无权{permission:permission}：该主管授权是在其他售票窗口签发的。",
    ),
    "override_other_subject": (
        "{role:role} '{user}' may not {permission:permission}: "
        "the override was given for {given}, not for {subject}",
        "{role:role}“{user}”无权{permission:permission}：该主管授权针对{given}，不针对{subject}。",
    ),
    "override_expired": (
        "{role:role} '{user}' may not {permission:permission}: "
        "the override has expired (overrides are valid for {minutes} minutes)",
        "{role:role}“{user}”无权{permission:permission}：该主管授权已过期（授权有效期为{minutes}分钟）。",
    ),
    # overrides: a supervisor authorises one action
    "override_system_actor": ("the system actor needs no override", "系统操作无需主管授权。"),
    "override_needs_reason": (
        "an override needs a reason (e.g. 'customer double-charged')",
        "主管授权需要填写原因（例如“顾客被重复扣款”）。",
    ),
    "override_reason_too_long": (
        "the reason may have at most {max} characters",
        "原因最多{max}个字符。",
    ),
    "override_subject_too_long": (
        "the subject may have at most {max} characters",
        "授权对象最多{max}个字符。",
    ),
    "override_own_action": (
        "a supervisor cannot authorise their own action; another person must approve it",
        "主管不能为自己的操作授权，须由另一人授权。",
    ),
    "override_user_missing": (
        "the signed-in user '{user}' does not exist",
        "当前登录的用户“{user}”不存在。",
    ),
    "override_supervisor_may_not": (
        "{role:role} '{user}' may not {permission:permission} and so cannot authorise it",
        "{role:role}“{user}”自己无权{permission:permission}，因此不能为此授权。",
    ),
    # sign-in
    "wrong_credentials": ("Wrong username or PIN/password.", "用户名或 PIN/密码错误。"),
    "user_locked": (
        "Too many wrong attempts: '{user}' is locked until {until}.",
        "错误次数过多：“{user}”已被锁定至{until}。",
    ),
    "wrong_credentials_locked": (
        "Wrong username or PIN/password. "
        "Too many wrong attempts: '{user}' is locked until {until}.",
        "用户名或 PIN/密码错误。错误次数过多：“{user}”已被锁定至{until}。",
    ),
    "user_deactivated": (
        "User '{user}' is deactivated; ask an administrator.",
        "用户“{user}”已停用，请联系管理员。",
    ),
    # PINs and passwords
    "secret_kind_unknown": (
        "a secret is a 'pin' or a 'password', not '{kind}'",
        "登录凭据只能是“pin”或“password”，不能是“{kind}”。",
    ),
    "pin_digits_only": ("a PIN may contain digits (0-9) only", "PIN 只能包含数字（0-9）。"),
    "pin_length": (
        "a PIN must have {min} to {max} digits, not {length}",
        "PIN 须为{min}至{max}位数字，而不是{length}位。",
    ),
    "password_too_short": (
        "a password must have at least {min} characters",
        "密码至少需要{min}个字符。",
    ),
    "password_too_long": (
        "a password may have at most {max} characters",
        "密码最多{max}个字符。",
    ),
    "password_blank": ("a password cannot be only spaces", "密码不能只包含空格。"),
    # users and roles
    "username_invalid": (
        "a username is 2 to 40 characters of letters, digits, '.', '_' or '-'; '{username}' is not",
        "用户名须为2至40个字母、数字、“.”、“_”或“-”；“{username}”不符合。",
    ),
    "user_not_found": ("no user named '{username}'", "没有名为“{username}”的用户。"),
    "user_exists": (
        "there is already a user named '{username}'",
        "已有名为“{username}”的用户。",
    ),
    "display_name_too_long": (
        "a display name may have at most {max} characters",
        "显示名称最多{max}个字符。",
    ),
    "own_role_change": ("you cannot change your own role", "不能更改自己的角色。"),
    "own_activation_change": (
        "you cannot deactivate or reactivate yourself",
        "不能停用或重新启用自己。",
    ),
    "role_beyond_own": (
        "'{user}' may not give the role '{role:role}': it allows {permissions:permission}, "
        "which you may not do yourself",
        "“{user}”不能授予角色“{role:role}”：该角色可以{permissions:permission}，而您自己无权这样做。",
    ),
    "role_not_found": (
        "no role named '{role}' (roles: {roles})",
        "没有名为“{role}”的角色（现有角色：{roles}）。",
    ),
    "role_not_found_none_yet": (
        "no role named '{role}' (roles: none yet)",
        "没有名为“{role}”的角色（尚无任何角色）。",
    ),
    "permission_unknown": ("no permission named '{name}'", "没有名为“{name}”的权限。"),
    # grants: a permission lent for a while
    "grant_expiry_needs_time_zone": (
        "the expiry time needs a time zone (e.g. 18:00+01:00)",
        "到期时间需要带时区（例如 18:00+01:00）。",
    ),
    "grant_expiry_past": ("the expiry time must be in the future", "到期时间必须晚于现在。"),
    "grant_needs_reason": ("a grant needs a reason", "临时授权需要填写原因。"),
    "grant_beyond_own_role": (
        "'{user}' may not grant '{permission}' ({permission:permission}): "
        "you can only grant what your own role allows",
        "“{user}”不能授予“{permission}”（{permission:permission}）权限：只能授予自己角色拥有的权限。",
    ),
    "grant_user_deactivated": ("user '{username}' is deactivated", "用户“{username}”已停用。"),
    "grant_not_needed": (
        "{role:role} '{username}' may already {permission:permission}; no grant needed",
        "{role:role}“{username}”本来就可以{permission:permission}，无需临时授权。",
    ),
    "grant_not_found": ("no grant number {grant}", "没有编号为{grant}的临时授权。"),
    "grant_already_revoked": (
        "grant {grant} was already revoked",
        "临时授权{grant}已被撤销。",
    ),
}
