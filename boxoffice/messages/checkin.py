"""The door: check-in (检票) verdicts and refusals, order codes, barcodes and signing keys.

Codes of ``boxoffice.checkin``, the door's feed facts (``store.door_feed``),
``sales.barcodes``, ``sales.signing_keys`` and ``checkin.order_codes``. The
door screen shows a verdict's reason and attention notes from here, by code,
in the terminal's language.
"""

_FIELDS = {
    "version": ("version", "版本"),
    "key id": ("key id", "密钥编号"),
    "issue time": ("issue time", "签发时间"),
    "ticket id": ("ticket id", "门票编号"),
    "performance": ("performance", "场次"),
    "seat or area": ("seat or area", "座位或区域"),
    "price type": ("price type", "票种"),
    "reissue": ("reissue", "补打次数"),
    "event": ("event", "演出"),
    "order id": ("order id", "订单编号"),
    "ticket count": ("ticket count", "门票张数"),
}

TERMS = {
    # Why a ticket no longer admits (after "ticket W1-T0000123 ...").
    "checkin_revoked": {
        "refunded": ("was refunded", "已退票，票已失效"),
        "voided": ("was voided (sale undone)", "已作废（销售已撤销），票已失效"),
        "exchanged": ("was exchanged for another ticket", "已换票，票已失效"),
        "cancelled": ("was cancelled", "已取消，票已失效"),
        "reprinted": (
            "was replaced by a reprint; this is an old copy",
            "已补打，这是旧票，票已失效",
        ),
    },
    # An order's or a ticket's state as the door and will-call name it.
    "checkin_status": {
        "pending": ("pending", "待付款"),
        "reserved": ("reserved", "已预订未付款"),
        "paid": ("paid", "已付款"),
        "valid": ("valid", "有效"),
        "refunded": ("refunded", "已退票"),
        "voided": ("voided", "已作废"),
        "exchanged": ("exchanged", "已换票"),
        "cancelled": ("cancelled", "已取消"),
        "expired": ("expired", "已过期"),
    },
    "checkin_outcome": {
        "admitted": ("admitted", "已检票入场"),
        "readmitted": ("readmitted", "再次入场"),
    },
    "barcode_kind": {"ticket": ("barcode", "条码"), "order": ("order barcode", "订单条码")},
    "barcode_any": {"ticket": ("ticket barcode", "门票条码"), "order": ("order code", "订单码")},
    "barcode_article": {
        "ticket": ("a ticket barcode", "门票条码"),
        "order": ("an order barcode", "订单条码"),
    },
    "barcode_field": _FIELDS,
}

MESSAGES = {
    # -- verdicts: why a ticket passes or not -------------------------------------
    "checkin_admitted": ("ticket {ticket} admitted", "门票{ticket}已检票入场"),
    "checkin_readmitted": ("ticket {ticket} re-admitted", "门票{ticket}再次入场"),
    "checkin_exited": (
        "ticket {ticket} went out; it may come back in (re-entry allowed)",
        "门票{ticket}已出场；可凭票再次入场（允许再入场）",
    ),
    "checkin_already_admitted": (
        "ticket {ticket} was already admitted at {at} at door '{door}' ({terminal}) by {by}",
        "门票{ticket}已于{at}在“{door}”入口（{terminal}）由{by}检票入场",
    ),
    "checkin_revoked": (
        "ticket {ticket} {because:checkin_revoked}",
        "门票{ticket}{because:checkin_revoked}",
    ),
    "checkin_revoked_other": (
        "ticket {ticket} was revoked ({because})",
        "门票{ticket}已被吊销（{because}），票已失效",
    ),
    "checkin_barcode_mismatch": (
        "ticket {ticket}: the barcode does not match the ticket on record "
        "(performance, seat or price type differ)",
        "门票{ticket}：条码与记录中的门票不符（场次、座位或票种不同）",
    ),
    "checkin_ticket_unpaid": (
        "ticket {ticket} belongs to order {order}, which is reserved but not paid: "
        "send the customer to the box office",
        "门票{ticket}属于订单{order}，该订单已预订但未付款：请顾客到售票处付款",
    ),
    "checkin_wrong_performance": (
        "ticket {ticket} is for another performance of this show ({where}); "
        "this door admits {admits}",
        "门票{ticket}属于本演出的另一场次（{where}）；本入口检票场次：{admits}",
    ),
    "checkin_wrong_event": (
        "ticket {ticket} is for another event ({where}); this door admits {admits}",
        "门票{ticket}属于另一个演出（{where}）；本入口检票场次：{admits}",
    ),
    "checkin_performance_at": ("{event} {at}", "{event}，{at}"),
    "checkin_performance_id": ("performance {performance}", "场次{performance}"),
    "checkin_door_performance": (
        "{event} {at} (performance {performance})",
        "{event}，{at}（场次{performance}）",
    ),
    "checkin_outside_window": ("ticket {ticket}: {why}", "门票{ticket}：{why}"),
    "checkin_performance_cancelled": (
        "the performance ({event} on {at}) was cancelled",
        "该场次（{event}，{at}）已取消",
    ),
    "checkin_doors_not_open": (
        "doors for {event} on {at} open at {opens}",
        "{event}（{at}）于{opens}开始检票",
    ),
    "checkin_ticket_expired": (
        "the ticket expired: {event} on {at} ended; admission closed at {closes}",
        "门票已过期：{event}（{at}）已结束，已于{closes}停止入场",
    ),
    "checkin_serial_not_here": (
        "no ticket {serial} in this door's store (sold elsewhere and not synced yet, "
        "or mistyped): scan the barcode instead",
        "本入口数据中没有门票{serial}（在别处售出尚未同步，或输入有误）：请改为扫描条码",
    ),
    "checkin_scan_not_text": ("a scan is text", "扫描内容应为文本"),
    "checkin_not_any_code": (
        "{why}; nor is it a ticket serial (like W1-T0000123) or an order code",
        "{why}；也不是门票序列号（如 W1-T0000123）或订单码",
    ),
    "checkin_order_not_here": (
        "this order is not in this door's store yet (sold elsewhere, not synced); "
        "scan the tickets one by one",
        "本入口数据中还没有这个订单（在别处售出，尚未同步）；请逐张扫描门票",
    ),
    "checkin_order_unpaid": (
        "order {order} is reserved but not paid: send the customer to the box office",
        "订单{order}已预订但未付款：请顾客到售票处付款",
    ),
    "checkin_order_revoked": (
        "order {order} was {status:checkin_status}",
        "订单{order}{status:checkin_status}，票已失效",
    ),
    "checkin_order_admitted": (
        "order {order}: {count} of {total} tickets admitted",
        "订单{order}：{total}张门票中{count}张已检票入场",
    ),
    "checkin_order_admitted_some": (
        "order {order}: {count} of {total} tickets admitted; {refused} not: {details}",
        "订单{order}：{total}张门票中{count}张已检票入场；{refused}张未入场：{details}",
    ),
    "checkin_order_none_admitted": (
        "order {order}: no ticket admitted; {details}",
        "订单{order}：没有门票入场；{details}",
    ),
    "checkin_order_no_tickets": ("the order has no tickets", "该订单没有门票"),
    "checkin_ticket_outcome": (
        "{ticket}: {outcome:checkin_outcome}",
        "{ticket}：{outcome:checkin_outcome}",
    ),
    # -- attention: what the door must look at ----------------------------------
    "checkin_wheelchair_space": (
        "Wheelchair space (row {row}, seat {seat}): usher to assist",
        "轮椅位（{row}排{seat}座）：请引座员协助",
    ),
    "checkin_companion_seat": (
        "Companion seat next to a wheelchair space (row {row}, seat {seat})",
        "轮椅位旁的陪同座（{row}排{seat}座）",
    ),
    # The standard price types' door notes (catalogue.prices.STANDARD_PRICE_TYPES).
    "checkin_note_concession": ("Check concession ID", "请查验优惠票证件"),
    "checkin_note_child": ("Child ticket", "儿童票"),
    "checkin_note_senior": ("Check age ID", "请查验年龄证件（老年票）"),
    "checkin_note_student": ("Check student ID", "请查验学生证"),
    # -- the door's set-up ---------------------------------------------------------
    "checkin_door_needs_performance": (
        "a door serves at least one performance",
        "一个入口至少要检一个场次",
    ),
    "checkin_performance_id_invalid": (
        "a performance id is a whole number, not {value}",
        "场次编号应为整数，而不是{value}",
    ),
    "checkin_door_name_invalid": (
        "a door name is 1..{limit} printable characters",
        "入口名称应为1至{limit}个可打印字符",
    ),
    "checkin_no_performance": ("no performance {performance}", "没有场次{performance}"),
    "checkin_policy_minutes_invalid": (
        "{name} must be 0..{limit} minutes, not {value}",
        "{name}应为0至{limit}分钟，而不是{value}",
    ),
    # -- other doors' admissions and revocations from the change feed -------------
    "feed_item_missing": ("feed item is missing '{name}'", "同步数据项缺少“{name}”"),
    "feed_item_not_id": (
        "feed item '{name}' must be a whole number >= {low}, got {value}",
        "同步数据项“{name}”应为不小于{low}的整数，实际为{value}",
    ),
    "feed_item_not_text": (
        "feed item '{name}' must be text of 1..{limit} characters",
        "同步数据项“{name}”应为1至{limit}个字符的文本",
    ),
    "feed_item_text_too_long": (
        "feed item '{name}' must be text of at most {limit} characters",
        "同步数据项“{name}”应为不超过{limit}个字符的文本",
    ),
    "feed_item_not_time": (
        "feed item '{name}' must be an ISO time with a time zone, got {value}",
        "同步数据项“{name}”应为带时区的 ISO 时间，实际为{value}",
    ),
    "feed_item_not_uuid": (
        "feed item '{name}' must be a uuid, got {value}",
        "同步数据项“{name}”应为 UUID，实际为{value}",
    ),
    "feed_item_bad_key_id": (
        "feed item 'key_id' must be 8 lower-case hex digits, got {value}",
        "同步数据项“key_id”应为8位小写十六进制数字，实际为{value}",
    ),
    "feed_item_not_object": (
        "a feed item is a JSON object, got {type}",
        "同步数据项应为 JSON 对象，实际为{type}",
    ),
    "feed_item_bad_reason": (
        "feed item 'reason' must be one of {allowed}, got {value}",
        "同步数据项“reason”应为{allowed}之一，实际为{value}",
    ),
    "feed_item_bad_kind": (
        "feed item 'kind' must be one of {allowed}",
        "同步数据项“kind”应为{allowed}之一",
    ),
    "feed_item_bad_terminal_id": (
        "feed item 'terminal_id' must be a whole number, got {value}",
        "同步数据项“terminal_id”应为整数，实际为{value}",
    ),
    "feed_item_blank_door": ("feed item 'door' must not be blank", "同步数据项“door”不能为空"),
    # -- reading a barcode -----------------------------------------------------------
    "barcode_not_text": ("a barcode is text, got {type}", "条码应为文本，实际为{type}"),
    "barcode_empty": ("the {kind:barcode_kind} is empty", "{kind:barcode_kind}为空"),
    "barcode_not_ascii": (
        "the {kind:barcode_kind} contains characters that are not ASCII",
        "{kind:barcode_kind}含有非 ASCII 字符",
    ),
    "barcode_too_long": (
        "the {kind:barcode_kind} is {length} characters, longer than any "
        "{kind:barcode_any} ({limit})",
        "{kind:barcode_kind}有{length}个字符，超过了{kind:barcode_any}的最大长度（{limit}）",
    ),
    "barcode_wrong_prefix": (
        "not {kind:barcode_article}: it does not start with '{prefix}'",
        "不是{kind:barcode_article}：开头不是“{prefix}”",
    ),
    "barcode_bad_character": (
        "the {kind:barcode_kind} contains {char}, which is not a base32 character (A-Z, 2-7)",
        "{kind:barcode_kind}含有{char}，不是 base32 字符（A-Z、2-7）",
    ),
    "barcode_impossible_length": (
        "the {kind:barcode_kind} has an impossible length ({length} characters); "
        "characters are missing or extra",
        "{kind:barcode_kind}的长度不可能（{length}个字符）：缺少或多出了字符",
    ),
    "barcode_stray_bits": (
        "the {kind:barcode_kind} ends with stray bits; it is not a code this system wrote",
        "{kind:barcode_kind}末尾有多余的位：不是本系统生成的条码",
    ),
    "barcode_truncated_field": (
        "the {kind:barcode_kind} is truncated: it ends inside the {field:barcode_field}",
        "{kind:barcode_kind}不完整：在{field:barcode_field}处中断",
    ),
    "barcode_nonminimal_number": (
        "the {kind:barcode_kind} has a non-minimal number for the {field:barcode_field}",
        "{kind:barcode_kind}中{field:barcode_field}的数字编码不是最短形式",
    ),
    "barcode_overlong_number": (
        "the {kind:barcode_kind} has an over-long number for the {field:barcode_field}",
        "{kind:barcode_kind}中{field:barcode_field}的数字过长",
    ),
    "barcode_no_data": (
        "the {kind:barcode_kind} is truncated: it carries no data",
        "{kind:barcode_kind}不完整：没有数据",
    ),
    "barcode_unknown_version": (
        "unknown barcode version {version} (this software reads version {supported}); "
        "the scanner may need an update",
        "未知的条码版本{version}（本软件读取版本{supported}）；扫描设备可能需要升级",
    ),
    "barcode_signature_truncated": (
        "the {kind:barcode_kind} is truncated: the signature has {length} of {needed} bytes",
        "{kind:barcode_kind}不完整：签名只有{length}/{needed}字节",
    ),
    "barcode_trailing_bytes": (
        "the {kind:barcode_kind} has {count} unexpected bytes after the signature",
        "{kind:barcode_kind}的签名后多出{count}个字节",
    ),
    "barcode_bad_field": ("the barcode has a bad field: {error}", "条码中有无效字段：{error}"),
    "barcode_seat_or_area": (
        "a ticket is for exactly one seat or one general-admission area, "
        "got seat_id={seat} and ga_area_id={area}",
        "一张门票只对应一个座位或一个站票区域，实际为 seat_id={seat}、ga_area_id={area}",
    ),
    "barcode_id_invalid": (
        "{name} must be a whole number 1..{limit}, got {value}",
        "{name}应为1至{limit}的整数，实际为{value}",
    ),
    "barcode_reissue_invalid": (
        "reissue must be 0..{limit}, got {value}",
        "补打次数应为0至{limit}，实际为{value}",
    ),
    "barcode_key_id_invalid": (
        "key_id must be 8 lower-case hex digits, got {value}",
        "key_id 应为8位小写十六进制数字，实际为{value}",
    ),
    "barcode_issued_naive": (
        "issued_at must be a timezone-aware datetime, got {value}",
        "issued_at 应为带时区的时间，实际为{value}",
    ),
    "barcode_issued_out_of_range": (
        "issued_at {issued} is outside what a barcode can carry ({first} to {last})",
        "签发时间{issued}超出条码可记录的范围（{first}至{last}）",
    ),
    "barcode_wrong_signing_key": (
        "the ticket names key {key} but is being signed with key {signer}",
        "门票记载的密钥是{key}，却正用密钥{signer}签名",
    ),
    "barcode_now_naive": (
        "now must be a timezone-aware datetime",
        "当前时间应带时区",
    ),
    # -- verifying a barcode's signature ----------------------------------------------
    "barcode_unknown_key": ("signed by an unknown key {key}", "由未知密钥{key}签发"),
    "barcode_revoked_key": ("signed by revoked key {signer}", "由已吊销的密钥{signer}签发"),
    "barcode_forged": (
        "forged: the signature does not match the ticket data for key {signer}",
        "伪造：签名与门票数据不符（密钥{signer}）",
    ),
    "barcode_wrong_event": (
        "ticket {ticket} is for event {event}, not event {expected}",
        "门票{ticket}属于演出{event}，不是演出{expected}",
    ),
    "barcode_event_unknown": (
        "ticket {ticket} does not name its event, so it cannot be checked for event {expected}",
        "门票{ticket}未记载所属演出，无法按演出{expected}检票",
    ),
    "barcode_wrong_performance": (
        "ticket {ticket} is for performance {performance}, not performance {expected}",
        "门票{ticket}属于场次{performance}，不是场次{expected}",
    ),
    "barcode_genuine": (
        "genuine ticket {ticket}, signed by key {signer}",
        "真票：门票{ticket}，由密钥{signer}签发",
    ),
    "barcode_genuine_future": (
        "genuine ticket {ticket}, signed by key {signer}; issued {issued}, later than this "
        "scanner's clock (check the terminal clocks)",
        "真票：门票{ticket}，由密钥{signer}签发；签发时间{issued}晚于本扫描设备的时钟（请检查售票窗口的时钟）",
    ),
    # -- order codes (one code on the receipt admits the whole order) -----------------
    "order_code_bad_uuid": ("not an order uuid: {value}", "不是订单 UUID：{value}"),
    "order_code_ticket_range": (
        "an order code covers 1..{limit} tickets, not {tickets}",
        "一个订单码可包含1至{limit}张门票，而不是{tickets}张",
    ),
    "order_code_issued_naive": ("issued_at must be timezone-aware", "issued_at 应带时区"),
    "order_code_issued_out_of_range": (
        "issued_at {issued} cannot be carried in a code",
        "签发时间{issued}无法写入订单码",
    ),
    "order_code_unknown_version": (
        "unknown order barcode version {version}",
        "未知的订单条码版本{version}",
    ),
    "order_code_ticket_claim": (
        "the order barcode claims {tickets} tickets",
        "订单条码声称有{tickets}张门票",
    ),
    "order_code_unknown_key": (
        "order code signed by unknown key {key}",
        "订单码由未知密钥{key}签发",
    ),
    "order_code_revoked_key": (
        "order code signed by revoked key {key}",
        "订单码由已吊销的密钥{key}签发",
    ),
    "order_code_forged": (
        "forged: the order code's signature does not match its data (key {key})",
        "伪造：订单码的签名与数据不符（密钥{key}）",
    ),
    "order_code_genuine": (
        "genuine order code for {tickets} tickets",
        "真实的订单码，共{tickets}张门票",
    ),
    # -- signing keys and the trust list -----------------------------------------------
    "public_key_not_bytes": (
        "a public key is 32 raw bytes, got {type}",
        "公钥应为32个原始字节，实际为{type}",
    ),
    "public_key_wrong_length": (
        "an Ed25519 public key is 32 bytes, got {length}",
        "Ed25519 公钥应为32字节，实际为{length}字节",
    ),
    "public_key_invalid": ("not an Ed25519 public key: {error}", "不是 Ed25519 公钥：{error}"),
    "trust_terminal_not_text": (
        "terminal must be text, got {value}",
        "售票窗口名称应为文本，实际为{value}",
    ),
    "trust_key_id_taken": (
        "another public key already has key id {key} (terminal {terminal}); "
        "refusing to trust a second key under the same id",
        "另一个公钥已使用密钥编号{key}（售票窗口{terminal}）；拒绝信任同一编号下的第二个密钥",
    ),
    "signing_key_not_found": ("no signing key {key} to revoke", "没有可吊销的签名密钥{key}"),
    "trust_list_not_list": (
        "a trust list is a JSON list, got {type}",
        "信任列表应为 JSON 列表，实际为{type}",
    ),
    "trust_entry_fields": (
        "trust list entry {entry}: expected an object with fields {fields}",
        "信任列表第{entry}项：应为含字段{fields}的对象",
    ),
    "trust_entry_not_text": (
        "trust list entry {entry}: public_key and terminal must be text",
        "信任列表第{entry}项：public_key 和 terminal 应为文本",
    ),
    "trust_entry_revoked_flag": (
        "trust list entry {entry}: revoked must be true or false",
        "信任列表第{entry}项：revoked 应为 true 或 false",
    ),
    "trust_entry_bad_base64": (
        "trust list entry {entry}: public_key is not valid base64",
        "信任列表第{entry}项：public_key 不是有效的 base64",
    ),
    "trust_entry_key_length": (
        "trust list entry {entry}: public_key is {length} bytes, not 32",
        "信任列表第{entry}项：public_key 为{length}字节，而不是32字节",
    ),
    "trust_entry_key_id_mismatch": (
        "trust list entry {entry}: key_id {key} does not match its public key ({actual})",
        "信任列表第{entry}项：key_id {key}与其公钥不符（{actual}）",
    ),
    "trust_entry_duplicate": (
        "trust list entry {entry}: key {key} is listed twice",
        "信任列表第{entry}项：密钥{key}重复出现",
    ),
    "signing_key_file_too_large": (
        "{path} is {size} bytes, too large to be a ticket signing key; "
        "move it aside if it is not needed",
        "{path}有{size}字节，太大，不可能是门票签名密钥；如不需要请将其移走",
    ),
    "signing_key_file_unusable": (
        "{path} is not a usable ticket signing key (expected an unencrypted PKCS8 PEM "
        "Ed25519 key): {error}. It was left as it is; restore it from a backup, or move "
        "it aside to create a new key (tickets signed with the old key then need it "
        "to stay trusted)",
        "{path}不是可用的门票签名密钥（应为未加密的 PKCS8 PEM 格式 Ed25519 密钥）：{error}。"
        "文件未作改动；请从备份恢复，或将其移走以生成新密钥（此后旧密钥签发的门票仍需保持信任）",
    ),
    "signing_key_file_wrong_type": (
        "{path} holds a {type}, not an Ed25519 key; it was left as it is",
        "{path}中是{type}，不是 Ed25519 密钥；文件未作改动",
    ),
}
