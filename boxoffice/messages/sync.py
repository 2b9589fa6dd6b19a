"""The sync client's refusals (``boxoffice.sync``): server, enrolment, feed, allocations.

``{reason}`` is often the words of another system (the server's message, the
TLS library, the keyring): shown as they come.
"""

MESSAGES = {
    # calling the server
    "sync_server_refused": (
        "server refused ({status}): {reason}",
        "服务器拒绝（{status}）：{reason}",
    ),
    "sync_round_failed": ("sync failed: {reason}", "同步失败：{reason}"),
    "sync_batch_refused": ("{reason}", "{reason}"),
    "sync_enrol_code_missing": (
        "enter the enrolment code the administrator gave you",
        "请输入管理员提供的注册码。",
    ),
    "sync_not_enrolled": (
        "this terminal is not enrolled with {server}; ask the administrator for an enrolment code",
        "本售票窗口尚未在{server}注册；请向管理员索取注册码。",
    ),
    "sync_certificate_untrusted": (
        "the certificate of {server} is not trusted (CERTIFICATE_VERIFY_FAILED); if the venue "
        "runs its own CA, give its file with 'boxoffice-admin sync configure URL --ca-file FILE'",
        "{server}的证书不受信任（CERTIFICATE_VERIFY_FAILED）；如果场馆使用自己的 CA，"
        "请用“boxoffice-admin sync configure URL --ca-file FILE”指定其证书文件。",
    ),
    "sync_no_answer": (
        "no answer from {server} ({kind}: {reason})",
        "{server}没有应答（{kind}：{reason}）。",
    ),
    "sync_server_error_from": (
        "server error {status} from {server}",
        "{server}返回服务器错误{status}。",
    ),
    "sync_server_error": ("server error {status}: {reason}", "服务器错误{status}：{reason}"),
    "sync_server_error_bare": ("server error {status}", "服务器错误{status}。"),
    "sync_reply_not_json": (
        "the server's reply to {what} is not JSON (HTTP {status}, {content_type}); "
        "nothing was changed",
        "服务器对{what}的应答不是 JSON（HTTP {status}，{content_type}）；未做任何更改。",
    ),
    "sync_reply_not_valid": (
        "the server's reply to {what} is not valid: {where}: {problem} ({count} problem(s)); "
        "nothing was changed",
        "服务器对{what}的应答无效：{where}：{problem}（共{count}处问题）；未做任何更改。",
    ),
    "sync_unexpected_status": (
        "unexpected HTTP {status} for {what}",
        "{what}收到意外的 HTTP {status}。",
    ),
    "sync_day_end_other_day": (
        "the server answered with the day end of {day}, not {asked}; nothing was changed",
        "服务器返回的是{day}的日结，而不是{asked}的；未做任何更改。",
    ),
    "sync_no_operation_answered": (
        "the server answered none of the operations sent",
        "服务器没有应答任何已发送的操作。",
    ),
    "sync_answer_not_sent": (
        "the server answered operation {seq} ({key}), which was not sent",
        "服务器应答了未发送过的操作{seq}（{key}）。",
    ),
    # server address, CA file, keyring, enrolment
    "sync_url_unusable": (
        "server address '{url}' is not usable: give it as https://host[:port]",
        "服务器地址“{url}”不可用：请按 https://主机[:端口] 填写。",
    ),
    "sync_url_bad_port": (
        "server address '{url}' has a bad port number",
        "服务器地址“{url}”的端口号无效。",
    ),
    "sync_url_extras": (
        "server address '{url}' must not carry a query, fragment or credentials",
        "服务器地址“{url}”不能包含查询参数、片段或登录凭据。",
    ),
    "sync_url_plain_http": (
        "refusing plain HTTP to {host}: the device token would travel unencrypted. "
        "Use https://, or allow HTTP explicitly for an isolated network",
        "拒绝以明文 HTTP 连接{host}：设备令牌将以未加密方式传输。"
        "请使用 https://，或在隔离网络中明确允许 HTTP。",
    ),
    "sync_ca_file_missing": ("venue CA file {path} does not exist", "场馆 CA 文件{path}不存在。"),
    "sync_ca_file_not_pem": (
        "{path} is not a PEM certificate file (no BEGIN CERTIFICATE)",
        "{path}不是 PEM 证书文件（没有 BEGIN CERTIFICATE）。",
    ),
    "sync_ca_file_unusable": (
        "cannot use venue CA file {path}: {reason}",
        "无法使用场馆 CA 文件{path}：{reason}",
    ),
    "sync_keyring_unreadable": (
        "cannot read the device token from the keyring: {reason}",
        "无法从密钥环读取设备令牌：{reason}",
    ),
    "sync_keyring_unwritable": (
        "cannot keep the device token in the keyring ({reason}); "
        "install or unlock a keyring and enrol again",
        "无法在密钥环中保存设备令牌（{reason}）；请安装或解锁密钥环后重新注册。",
    ),
    "sync_enrol_key_mismatch": (
        "the server registered key {server_key}, but this terminal signs with {key}; "
        "enrol again with a fresh code",
        "服务器登记的密钥是{server_key}，但本售票窗口使用{key}签名；请用新的注册码重新注册。",
    ),
    # the catalogue the server sends
    "sync_catalogue_unknown_table": (
        "the server sent catalogue table '{table}', which this client lacks",
        "服务器发送了本客户端没有的目录表“{table}”。",
    ),
    "sync_catalogue_expected_time": (
        "{table}.{column}: expected a time, got {value}",
        "{table}.{column}：应为时间，收到{value}。",
    ),
    "sync_catalogue_not_a_time": (
        "{table}.{column}: {value} is not a time",
        "{table}.{column}：{value}不是时间。",
    ),
    "sync_catalogue_no_time_zone": (
        "{table}.{column}: {value} has no time zone",
        "{table}.{column}：{value}没有时区。",
    ),
    "sync_catalogue_not_one_of": (
        "{table}.{column}: {value} is not one of {allowed}",
        "{table}.{column}：{value}不在{allowed}之中。",
    ),
    "sync_catalogue_expected_int": (
        "{table}.{column}: expected a whole number, got {value}",
        "{table}.{column}：应为整数，收到{value}。",
    ),
    "sync_catalogue_expected_bool": (
        "{table}.{column}: expected true/false, got {value}",
        "{table}.{column}：应为 true/false，收到{value}。",
    ),
    "sync_catalogue_expected_text": (
        "{table}.{column}: expected text, got {value}",
        "{table}.{column}：应为文本，收到{value}。",
    ),
    "sync_catalogue_row_not_object": (
        "a {table} row is not an object: {row}",
        "{table}的一行不是对象：{row}",
    ),
    "sync_catalogue_unknown_columns": (
        "{table} row has unknown columns: {columns}",
        "{table}的行包含未知列：{columns}",
    ),
    "sync_catalogue_row_without_key": (
        "{table} row without its key {key}: {row}",
        "{table}的行缺少主键{key}：{row}",
    ),
    "sync_catalogue_partial_key": (
        "{table}: a deletion needs the whole key, got {key}",
        "{table}：删除需要完整的主键，收到{key}。",
    ),
    "sync_catalogue_key_not_int": (
        "{table}.{column}: {value} is not a whole number",
        "{table}.{column}：{value}不是整数。",
    ),
    "sync_catalogue_not_loaded": (
        "{reason}; the catalogue was not loaded, nothing was changed",
        "{reason}；目录未载入，未做任何更改。",
    ),
    # the change feed
    "sync_feed_invalid": ("{reason}", "{reason}"),
    "sync_feed_field_not_int": (
        "feed event field '{field}' must be a whole number, got {value}",
        "变更推送事件字段“{field}”必须是整数，收到{value}。",
    ),
    "sync_feed_field_not_text": (
        "feed event field '{field}' must be text, got {value}",
        "变更推送事件字段“{field}”必须是文本，收到{value}。",
    ),
    "sync_feed_unknown_seat_state": (
        "unknown seat state '{state}' in the change feed",
        "变更推送中有未知的座位状态“{state}”。",
    ),
    "sync_feed_expiry_not_a_time": (
        "feed event expires_at {value} is not a time",
        "变更推送事件的 expires_at {value}不是时间。",
    ),
    "sync_feed_expiry_no_time_zone": (
        "feed event expires_at {value} has no time zone",
        "变更推送事件的 expires_at {value}没有时区。",
    ),
    "sync_feed_unknown_allocation_state": (
        "unknown allocation state '{state}' in the change feed",
        "变更推送中有未知的座位配额状态“{state}”。",
    ),
    "sync_feed_event_refused": (
        "change feed event {seq} ({kind}): {reason}; nothing from this page was applied",
        "变更推送事件{seq}（{kind}）：{reason}；本页内容均未应用。",
    ),
    # offline allocations
    "allocation_expiry_needs_time_zone": (
        "the allocation's expiry needs a time zone",
        "座位配额的到期时间需要带时区。",
    ),
    "allocation_needs_seats_or_quantity": (
        "name the seats, or a standing area and a quantity",
        "请指定座位，或指定站票区域和数量。",
    ),
    "allocation_not_open_here": (
        "no open allocation {allocation} at this terminal",
        "本售票窗口没有编号为{allocation}的有效座位配额。",
    ),
    # conflicts: what the server's reason means for the person at the counter
    "sync_conflict_seat_taken": (
        "the seat was sold elsewhere first; the money taken here is kept: "
        "re-seat or refund the customer",
        "该座位已先在别处售出；本处已收款项保留：请为顾客换座或退票。",
    ),
    "sync_conflict_not_allocated": (
        "sold offline outside this terminal's allocation (the seat was still "
        "free, so the sale stands): check it",
        "离线时售出了本售票窗口座位配额以外的座位（该座位当时仍空闲，销售有效）：请核查。",
    ),
    "sync_conflict_already_redeemed": (
        "the ticket was admitted elsewhere first",
        "该票已先在别处检票入场。",
    ),
    "sync_conflict_already_refunded": (
        "the ticket had already been refunded, voided or exchanged",
        "该票此前已退票、作废或换票。",
    ),
    "sync_conflict_ticket_revoked": ("a revoked ticket was admitted", "已失效的票被检票放行。"),
    "sync_conflict_ticket_unknown": (
        "the server does not know this ticket",
        "服务器上没有这张票的记录。",
    ),
    "sync_conflict_late_for_closed_shift": (
        "a sale arrived after its shift was closed and is booked late",
        "一笔销售在其班次交班后才送达，已补记入账。",
    ),
    "sync_conflict_out_of_order": (
        "the server has later operations from this terminal: this one was not "
        "applied (was the store restored from a backup?)",
        "服务器已有本售票窗口更晚的操作：此操作未执行（本地数据是否从备份恢复过？）",
    ),
    "sync_conflict_rejected": (
        "the server refused this operation as invalid",
        "服务器认为此操作无效，已拒绝。",
    ),
    "sync_conflict_unknown": (
        "the server could not apply this operation ({reason})",
        "服务器无法执行此操作（{reason}）。",
    ),
    "conflict_needs_resolution": (
        "say how the conflict was settled (e.g. 'refunded the customer')",
        "请说明冲突是如何处理的（例如“已给顾客退款”）。",
    ),
    "conflict_not_found": ("no sync conflict {conflict}", "没有编号为{conflict}的同步冲突。"),
    "conflict_already_resolved": (
        "conflict {conflict} was already resolved by {by} on {at} UTC",
        "冲突{conflict}已由{by}于{at} UTC 处理。",
    ),
}
