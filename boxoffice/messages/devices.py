"""Devices (``boxoffice.devices``): printers, the print queue, ESC/POS, BOCA FGL,
PDF, transports, the ticket layout and stock, the device registry, the cash
drawer, scanners, the ZVT card terminal and the external card terminal.

Glossary: ticket printer 门票打印机, ticket stock 票纸, receipt 小票, card
terminal POS 机, cash drawer 钱箱.
"""

TERMS = {
    # A kind of device, as "no ... is set up" names it (``DeviceKind``).
    "device_kind": {
        "ticket_printer": ("ticket printer", "门票打印机"),
        "receipt_printer": ("receipt printer", "小票打印机"),
        "cash_drawer": ("cash drawer", "钱箱"),
        "scanner": ("scanner", "扫码枪"),
        "payment_terminal": ("payment terminal", "POS 机"),
    },
    # How a printer is, as the print queue reports it (``PrinterStatus``).
    "printer_status": {
        "ready": ("ready", "就绪"),
        "unknown": (
            "printer status unknown (it did not answer)",
            "打印机状态未知（打印机没有应答）",
        ),
        "paper_low": ("paper is running low", "纸快用完了"),
        "out_of_paper": (
            "out of paper: load paper or ticket stock, then resume",
            "缺纸：请装入纸卷或票纸，然后继续打印",
        ),
        "paper_jam": ("paper jam: clear it, then resume", "卡纸：请清除卡纸，然后继续打印"),
        "cutter_jam": ("cutter jam: clear it, then resume", "切刀卡住：请清除后继续打印"),
        "offline": (
            "printer offline: check cable and power, then resume or redirect",
            "打印机离线：请检查连接线和电源，然后继续打印或改用其他打印机",
        ),
    },
}

MESSAGES = {
    # -- the print queue -----------------------------------------------------------
    "printer_status": ("{status:printer_status}", "{status:printer_status}"),
    "printer_status_detail": (
        "{status:printer_status} ({detail})",
        "{status:printer_status}（{detail}）",
    ),
    "print_receipt_missing": ("a receipt job needs a receipt", "打印小票的任务缺少小票内容"),
    "print_slip_missing": ("a {kind} job needs that report's slip", "{kind}任务缺少对应的报表单据"),
    "print_data_missing": ("a {kind} job needs its bytes", "{kind}任务缺少要发送的数据"),
    "print_ticket_job_empty": (
        "a ticket job needs at least one ticket",
        "打印门票的任务至少需要一张门票",
    ),
    "print_queue_retries_invalid": (
        "a print queue tries each job at least once",
        "打印队列对每个任务至少尝试一次",
    ),
    "print_roll_job_on_ticket_printer": (
        "{printer} is a ticket printer; it cannot print {jobs}",
        "{printer}是门票打印机，不能打印{jobs}",
    ),
    "print_queue_stopped": (
        "the print queue for {printer} is stopped",
        "{printer}的打印队列已停止",
    ),
    "print_redirect_same": ("redirect to a different printer", "请改用另一台打印机"),
    "print_redirect_busy": (
        "{printer} is printing; pause it first",
        "{printer}正在打印，请先暂停",
    ),
    "print_redirect_unsuitable": ("{printer} cannot print {jobs}", "{printer}不能打印{jobs}"),
    "print_job_failed": ("internal error: {reason}", "内部错误：{reason}"),
    # -- printers and transports -----------------------------------------------------
    "printer_printing": ("printing", "正在打印"),
    "printer_offline": ("the printer cannot be reached", "无法连接打印机"),
    "printer_host_missing": (
        "give the printer's host (network connection)",
        "请填写打印机的主机地址（网络连接）",
    ),
    "fgl_connection_missing": (
        "give the BOCA printer's host or its serial_url (one of them)",
        "请填写 BOCA 打印机的主机地址或串口（serial_url），二者填其一",
    ),
    "pdf_folder_missing": (
        "give the folder the PDF printer writes to",
        "请填写 PDF 打印机保存文件的文件夹",
    ),
    "pdf_folder_unwritable": ("cannot write to {folder}: {reason}", "无法写入{folder}：{reason}"),
    "printer_address_invalid": (
        "not a printer address: {host!r} port {port!r}",
        "不是有效的打印机地址：{host}，端口{port}",
    ),
    "printer_not_answering": (
        "printer at {printer} does not answer: {reason}",
        "{printer}上的打印机没有应答：{reason}",
    ),
    "printer_lost": (
        "lost the printer at {printer}: {reason}",
        "与{printer}上的打印机断开了连接：{reason}",
    ),
    "printer_port_unavailable": (
        "cannot open printer port {port}: {reason}",
        "无法打开打印机端口{port}：{reason}",
    ),
    "printer_lost_on_port": (
        "lost the printer on {port}: {reason}",
        "与{port}上的打印机断开了连接：{reason}",
    ),
    "printer_unreachable": (
        "printer {printer} is not reachable: {reason}",
        "无法连接打印机{printer}：{reason}",
    ),
    "printer_logo_unreadable": (
        "the printer logo {path} cannot be read: {reason}",
        "无法读取打印标志图片{path}：{reason}",
    ),
    "printer_logo_missing": (
        "the printer logo {path} does not exist",
        "打印标志图片{path}不存在",
    ),
    "print_no_tickets": ("nothing to print: no tickets", "没有可打印的内容：没有门票"),
    "print_format_unknown": (
        "no ticket format {format!r} (one of {formats})",
        "没有门票格式“{format}”（可选：{formats}）",
    ),
    "print_serial_not_found": ("no ticket with serial {serial!r}", "没有票号为“{serial}”的门票"),
    "print_pdf_no_preview": (
        "PDF tickets are written as .pdf files",
        "PDF 门票只能保存为 .pdf 文件",
    ),
    "print_job_kind_unknown": ("unknown print job kind {kind!r}", "未知的打印任务类型“{kind}”"),
    "print_font_not_a_file": (
        "{variable}={path} is not a font file",
        "{variable}={path}不是字体文件",
    ),
    "print_cjk_font_missing": (
        "no CJK font found for printing Chinese text as an image; install fonts-noto-cjk "
        "or set {variable}",
        "找不到用于将中文打印为图像的中文字体；请安装 fonts-noto-cjk 或设置{variable}",
    ),
    "print_tickets_not_in_order": (
        "not every ticket asked for is a valid ticket of {order}",
        "所选门票并非都是订单{order}的有效门票",
    ),
    "print_ticket_not_found": ("no ticket {ticket}", "没有门票{ticket}"),
    "print_ticket_not_printable": (
        "ticket {ticket} is {status}; only issued, valid tickets are printed",
        "门票{ticket}的状态为{status}；只打印已出票的有效门票",
    ),
    "print_venue_timezone_unknown": (
        "venue {venue} has an unknown time zone {timezone!r}",
        "场馆{venue}的时区“{timezone}”无法识别",
    ),
    "barcode_text_unprintable": (
        "the {what} {text!r} cannot be printed as a barcode",
        "{what}“{text}”无法打印为条码",
    ),
    # -- ESC/POS -----------------------------------------------------------------------
    "escpos_text_mode_unknown": (
        "ESC/POS text mode must be one of {modes}, got {mode!r}",
        "ESC/POS 文字模式须为{modes}之一，而不是“{mode}”",
    ),
    "escpos_profile_unknown": (
        "unknown ESC/POS printer profile {profile!r} (python-escpos profiles: "
        "default, TM-T88V, TM-T20II, ...)",
        "未知的 ESC/POS 打印机型号配置“{profile}”"
        "（python-escpos 配置如 default、TM-T88V、TM-T20II 等）",
    ),
    "escpos_width_invalid": (
        "paper width {dots} dots is not a receipt printer",
        "纸宽{dots}点不是小票打印机的纸宽",
    ),
    "escpos_connection_unknown": (
        "ESC/POS connection must be usb, serial, network or file, not {connection!r}",
        "ESC/POS 连接方式须为 usb、serial、network 或 file，而不是“{connection}”",
    ),
    "escpos_connection_incomplete": (
        "ESC/POS {connection} connection needs {setting}",
        "ESC/POS {connection}连接需要设置{setting}",
    ),
    "escpos_connection_invalid": (
        "bad ESC/POS {connection} connection settings: {reason}",
        "ESC/POS {connection}连接设置有误：{reason}",
    ),
    "escpos_truncated": (
        "job ends inside a command at offset {offset}",
        "打印数据在偏移{offset}处的指令中途结束",
    ),
    "escpos_codepage_unknown": (
        "code page {codepage} is not one this preview knows",
        "预览不认识代码页{codepage}",
    ),
    "escpos_command_unknown": (
        "unknown command {command} at offset {offset}",
        "偏移{offset}处有未知指令{command}",
    ),
    "escpos_barcode_not_code128": (
        "barcode system {system} is not Code 128 (GS k 73)",
        "条码类型{system}不是 Code 128（GS k 73）",
    ),
    "escpos_code128_no_code_set": (
        "Code 128 data must start with a code set ({{B)",
        "Code 128 数据必须以字符集（{{B）开头",
    ),
    "escpos_symbol_not_qr": (
        "GS ( k for symbol {symbol} is not QR",
        "符号{symbol}的 GS ( k 不是二维码",
    ),
    "escpos_stray_byte": (
        "stray control byte {byte} at offset {offset}",
        "偏移{offset}处有多余的控制字节{byte}",
    ),
    # -- BOCA FGL ----------------------------------------------------------------------
    "fgl_position_off_ticket": (
        "FGL position ({row}, {col}) is off the ticket",
        "FGL 位置（{row}, {col}）超出了票面",
    ),
    "fgl_size_invalid": (
        "FGL size multipliers must be 1..16, got {size}",
        "FGL 放大倍数须为 1 至 16，而不是{size}",
    ),
    "fgl_rotation_invalid": (
        "FGL rotates by 0, 90, 180 or 270 degrees, not {degrees}",
        "FGL 只能旋转 0、90、180 或 270 度，而不是{degrees}度",
    ),
    "fgl_qr_braces": ("QR data for FGL cannot contain braces", "FGL 二维码数据不能包含花括号"),
    "fgl_dpi_invalid": (
        "BOCA printers are 200, 300 or 600 dpi, not {dpi}",
        "BOCA 打印机的分辨率为 200、300 或 600 dpi，而不是{dpi}",
    ),
    "fgl_command_malformed": (
        "unterminated or malformed command at offset {offset}",
        "偏移{offset}处的指令未结束或格式错误",
    ),
    "fgl_font_unknown": ("font {font} is not one the preview draws", "预览无法绘制字体{font}"),
    "fgl_graphics_truncated": ("graphics data ends early", "图形数据提前结束"),
    "fgl_command_unknown": ("unknown command {command}", "未知指令{command}"),
    "fgl_caret_unmatched": (
        "caret at offset {offset} without a Code 128 command or closing caret",
        "偏移{offset}处的“^”没有对应的 Code 128 指令或结束“^”",
    ),
    "fgl_qr_unclosed": ("QR data without a closing brace", "二维码数据缺少结束花括号"),
    "fgl_stray_byte": ("stray byte {byte} at offset {offset}", "偏移{offset}处有多余的字节{byte}"),
    # -- PDF ----------------------------------------------------------------------------
    "pdf_page_invalid": (
        "PDF tickets are on 'stock' or 'a4' pages, not {page!r}",
        "PDF 门票的页面为“stock”或“a4”，而不是“{page}”",
    ),
    # -- receipts -------------------------------------------------------------------------
    "receipt_kind_invalid": (
        "a sale receipt is for a sale or an exchange, not {kind!r}",
        "销售小票只用于销售或换票，而不是“{kind}”",
    ),
    "receipt_order_unpaid": (
        "order {order} is {status}; it has no receipt",
        "订单{order}的状态为{status}，没有小票",
    ),
    "receipt_tickets_not_in_order": (
        "not every ticket given belongs to order {order}",
        "所给门票并非都属于订单{order}",
    ),
    "receipt_printer_unsuitable": (
        "receipts print on a receipt printer (ESC/POS) or as PDF",
        "小票只能在小票打印机（ESC/POS）上打印或输出为 PDF",
    ),
    # -- the ticket layout ---------------------------------------------------------------
    "ticket_template_not_mm": (
        "{where} must be a number of millimetres, got {value!r}",
        "{where}必须是毫米数，而不是“{value}”",
    ),
    "ticket_template_not_positive": ("{where} must be above 0", "{where}必须大于 0"),
    "ticket_template_negative": ("{where} must be at least 0", "{where}不能小于 0"),
    "ticket_template_not_object": ("{where}: expected a JSON object", "{where}：应为 JSON 对象"),
    "ticket_template_stock_missing": (
        "{where}: 'stock' with width_mm and height_mm is required",
        "{where}：必须有含 width_mm 和 height_mm 的“stock”（票纸尺寸）",
    ),
    "ticket_template_labels_missing": (
        "{where}: 'labels' must hold at least the 'en' wording",
        "{where}：“labels”至少要包含“en”的文字",
    ),
    "ticket_template_label_not_text": (
        "{where}: {label} must be text",
        "{where}：{label}必须是文字",
    ),
    "ticket_template_elements_missing": (
        "{where}: 'elements' must be a non-empty list",
        "{where}：“elements”必须是非空列表",
    ),
    "ticket_template_element_not_object": (
        "{where} must be an object",
        "{where}必须是对象",
    ),
    "ticket_template_type_unknown": (
        "{where}: type must be one of {types}, got {type!r}",
        "{where}：type 须为{types}之一，而不是“{type}”",
    ),
    "ticket_template_off_stock": (
        "{where}: position {position} is off the {stock} stock",
        "{where}：位置{position}超出了{stock}的票纸",
    ),
    "ticket_template_text_missing": (
        "{where}: 'text' must be a format string",
        "{where}：“text”必须是格式字符串",
    ),
    "ticket_template_format_bad": (
        "{where}: bad format string {text!r}: {reason}",
        "{where}：格式字符串“{text}”有误：{reason}",
    ),
    "ticket_template_field_unknown": (
        "{where}: unknown field {field!r}",
        "{where}：未知字段“{field}”",
    ),
    "ticket_template_rotate_invalid": (
        "{where}: rotate must be one of 0, 90, 180, 270",
        "{where}：rotate 须为 0、90、180、270 之一",
    ),
    "ticket_template_align_invalid": (
        "{where}: align must be left, center or right",
        "{where}：align 须为 left、center 或 right",
    ),
    "ticket_template_size_invalid": (
        "{where}: size must be one of {sizes}",
        "{where}：size 须为{sizes}之一",
    ),
    "ticket_template_code_field_invalid": (
        "{where}: field must be one of {fields}",
        "{where}：field 须为{fields}之一",
    ),
    "ticket_template_missing": ("ticket template {path} does not exist", "门票模板{path}不存在"),
    "ticket_template_not_json": (
        "ticket template {path} is not valid JSON: {reason}",
        "门票模板{path}不是有效的 JSON：{reason}",
    ),
    # -- ticket stock ------------------------------------------------------------------------
    "stock_printer_missing": ("name the printer the stock is in", "请指明票纸所在的打印机"),
    "stock_quantity_invalid": (
        "a stock quantity is a whole number 1..{most}, not {quantity!r}",
        "票纸数量须为 1 至 {most} 的整数，而不是“{quantity}”",
    ),
    "stock_spoil_reason_missing": ("spoiled stock needs a reason", "报损票纸需要填写原因"),
    "stock_void_incomplete": (
        "a voided ticket needs its serial and a reason",
        "作废的票纸需要填写票号和原因",
    ),
    # -- the registry ------------------------------------------------------------------------
    "device_unreachable": ("{device} is not reachable: {reason}", "无法连接{device}：{reason}"),
    "device_not_configured": (
        "no {device_kind:device_kind} is set up at this terminal",
        "本售票窗口没有设置{device_kind:device_kind}",
    ),
    "device_missing": ("no device named {device!r}", "没有名为“{device}”的设备"),
    "device_driver_not_installed": (
        "{device}: driver {driver!r} is not installed",
        "{device}：驱动程序“{driver}”未安装",
    ),
    "device_failed_to_start": ("{device}: {reason}", "{device}：{reason}"),
    "device_unknown_see_list": (
        "no device named {device!r} (see `device list`)",
        "没有名为“{device}”的设备（请查看 `device list`）",
    ),
    "device_closed": ("the device was closed", "设备已关闭"),
    "device_not_a_printer": ("{device} is not a printer", "{device}不是打印机"),
    "device_kind_unknown": ("no device kind {kind!r}", "没有设备类型“{kind}”"),
    "device_settings_not_json": (
        "device {device!r}: settings are not valid JSON ({reason})",
        "设备“{device}”：设置不是有效的 JSON（{reason}）",
    ),
    "device_settings_not_object": (
        "device {device!r}: settings must be a JSON object",
        "设备“{device}”：设置必须是 JSON 对象",
    ),
    "device_settings_kind_unknown": (
        "device {device!r}: unknown kind {kind!r} (one of {kinds})",
        "设备“{device}”：未知类型“{kind}”（可选：{kinds}）",
    ),
    "device_settings_driver_missing": (
        "device {device!r}: a driver is required",
        "设备“{device}”：必须指定驱动程序",
    ),
    "device_settings_options_invalid": (
        "device {device!r}: options must map names to text, numbers or yes/no",
        "设备“{device}”：选项的值必须是文字、数字或是/否",
    ),
    "device_name_invalid": (
        "a device name is 1-40 letters, digits, spaces, '-' or '_' (it is used as a key)",
        "设备名称为 1 至 40 个字母、数字、空格、“-”或“_”（用作键名）",
    ),
    "device_name_reserved": (
        "a device name may not start with 'use.'",
        "设备名称不能以“use.”开头",
    ),
    "device_option_malformed": (
        "write each option as name=value, not {option!r}",
        "每个选项请写成“名称=值”，而不是“{option}”",
    ),
    "device_option_repeated": ("option {option!r} is given twice", "选项“{option}”重复出现"),
    "device_driver_unknown": (
        "no {kind} driver {driver!r} (available: {known})",
        "没有{kind}驱动程序“{driver}”（可用：{known}）",
    ),
    "device_not_found": ("no device named {device!r}", "没有名为“{device}”的设备"),
    # -- the cash drawer ---------------------------------------------------------------------
    "drawer_pin_invalid": (
        "a drawer kick uses pin 2 or 5, not {pin}",
        "钱箱弹开信号使用 2 号或 5 号针脚，而不是{pin}号",
    ),
    "drawer_not_on_printer": (
        "{printer} cannot open a cash drawer",
        "{printer}不能打开钱箱",
    ),
    "drawer_printer_address_missing": (
        "give the printer's network address or its serial port",
        "请填写打印机的网络地址或串口",
    ),
    "drawer_serial_port_missing": (
        "a serial drawer needs its port (e.g. /dev/ttyUSB0 or COM3)",
        "串口钱箱需要设置端口（例如 /dev/ttyUSB0 或 COM3）",
    ),
    "drawer_serial_command_missing": (
        "a serial drawer needs the bytes that open it",
        "串口钱箱需要设置打开它的指令字节",
    ),
    "drawer_port_unavailable": ("{port} cannot be opened: {reason}", "无法打开{port}：{reason}"),
    "drawer_pulse_timeout": ("{port} did not take the pulse in time", "{port}未能及时接收开箱信号"),
    "drawer_hex_invalid": (
        "{what} must be hex bytes such as '07' or '1B 70 00'",
        "{what}必须是十六进制字节，例如“07”或“1B 70 00”",
    ),
    "drawer_printer_missing": (
        "name the receipt printer the drawer hangs off",
        "请指明钱箱所连接的小票打印机",
    ),
    # -- scanners ------------------------------------------------------------------------------
    "scan_empty": ("the scan was empty; scan again", "扫描内容为空，请重新扫描"),
    "scan_too_long": (
        "the scan is {length} characters long; that is no code we know",
        "扫描内容长达{length}个字符，不是可识别的码",
    ),
    "scan_control_character": (
        "the scan contains the control character {character}; "
        "check the scanner's prefix/suffix settings and scan again",
        "扫描内容含有控制字符{character}；请检查扫码枪的前缀/后缀设置后重新扫描",
    ),
    "scanner_serial_port_missing": (
        "a serial scanner needs its port (e.g. /dev/ttyACM0 or COM4)",
        "串口扫码枪需要设置端口（例如 /dev/ttyACM0 或 COM4）",
    ),
    "scanner_terminator_missing": (
        "a serial scanner needs the terminator it sends after a code",
        "串口扫码枪需要设置每个码之后发送的结束符",
    ),
    "scanner_no_scan": (
        "{scanner}: no scan within {seconds} s ({state})",
        "{scanner}：{seconds}秒内没有扫描（{state}）",
    ),
    "scanner_no_scan_detail": (
        "{scanner}: no scan within {seconds} s ({state}: {detail})",
        "{scanner}：{seconds}秒内没有扫描（{state}：{detail}）",
    ),
    "scanner_port_unavailable": (
        "{scanner}: {port} cannot be opened: {reason}",
        "{scanner}：无法打开{port}：{reason}",
    ),
    "scanner_disconnected": (
        "{scanner} was disconnected: {reason}",
        "{scanner}已断开连接：{reason}",
    ),
    "scanner_stopped": ("stopped", "已停止"),
    "scanner_reading": ("reading {port}", "正在读取{port}"),
    "scanner_keyboard": ("reads through the keyboard", "通过键盘输入读取"),
    "scanner_no_terminator": (
        "{scanner}: no terminator in {size} bytes; check the scanner's suffix and baud rate",
        "{scanner}：{size}个字节中没有结束符；请检查扫码枪的后缀和波特率",
    ),
    "scanner_bad_encoding": (
        "{scanner} sent bytes that are not {encoding}",
        "{scanner}发来的字节不是{encoding}编码",
    ),
    "scanner_already_reading": ("{scanner} is already reading", "{scanner}已在读取中"),
    "scanner_bytes_invalid": (
        "{what} {text!r} is not a valid byte string (use \\r, \\n, \\x02)",
        "{what}“{text}”不是有效的字节串（请用 \\r、\\n、\\x02）",
    ),
    "scanner_key_gap_invalid": (
        "the key gap of a scanner is 1-200 ms (scanners type ~8 ms apart)",
        "扫码枪的按键间隔为 1 至 200 毫秒（扫码枪约每 8 毫秒输入一个字符）",
    ),
    "scanner_suffix_invalid": (
        "a keyboard scanner ends its codes with 'enter', 'tab' or nothing",
        "键盘式扫码枪的结束键须为“enter”、“tab”或无",
    ),
    # -- the ZVT card terminal -----------------------------------------------------------------
    "zvt_apdu_too_long": (
        "an APDU holds at most 65535 bytes of data",
        "一个 APDU 最多包含 65535 字节数据",
    ),
    "zvt_bcd_overflow": (
        "{value!r} does not fit {size} BCD bytes",
        "“{value}”超出了{size}个 BCD 字节",
    ),
    "zvt_field_too_long": ("field too long", "字段过长"),
    "zvt_field_size": ("BMP {field} takes {size} bytes", "BMP {field}占{size}个字节"),
    "zvt_number_malformed": (
        "the terminal sent a malformed number field",
        "POS 机发来的数字字段格式错误",
    ),
    "zvt_length_malformed": (
        "the terminal sent a malformed length in a variable field",
        "POS 机发来的变长字段长度格式错误",
    ),
    "zvt_tlv_length_truncated": (
        "a TLV container ends inside a length",
        "TLV 容器在长度字段中途结束",
    ),
    "zvt_tlv_length_malformed": (
        "a TLV container has a malformed length",
        "TLV 容器的长度格式错误",
    ),
    "zvt_tlv_tag_truncated": (
        "a TLV tag runs past the end of its container",
        "TLV 标签超出了容器的末尾",
    ),
    "zvt_tlv_value_truncated": (
        "a TLV value runs past the end of its container",
        "TLV 值超出了容器的末尾",
    ),
    "zvt_field_unknown": (
        "the terminal sent field {field}, which this driver cannot read",
        "POS 机发来了本驱动无法读取的字段{field}",
    ),
    "zvt_field_truncated": (
        "field {field} runs past the end of the message",
        "字段{field}超出了报文末尾",
    ),
    "zvt_currency_unknown": (
        "this driver does not know the ZVT code of currency {currency}",
        "本驱动不知道货币{currency}的 ZVT 代码",
    ),
    "zvt_status_no_result": (
        "the terminal's status message has no result code",
        "POS 机的状态报文中没有结果代码",
    ),
    "zvt_print_line_empty": ("the terminal sent an empty print line", "POS 机发来了空的打印行"),
    "zvt_frame_not_whole": (
        "{terminal} sent a frame that is not one whole message",
        "{terminal}发来的数据帧不是一条完整的报文",
    ),
    "zvt_address_missing": (
        "give the ZVT terminal's network address or its serial port",
        "请填写 ZVT POS 机的网络地址或串口",
    ),
    "zvt_password_invalid": ("the ZVT password is six digits", "ZVT 密码为六位数字"),
    "zvt_timeout_policy_invalid": (
        "after a timeout the payment is either 'reverse'd or 'confirm'ed",
        "超时后的付款只能“reverse”（冲正）或“confirm”（确认）",
    ),
    "zvt_logon_refused": (
        "{terminal} refused the log-on: {reason}",
        "{terminal}拒绝签到：{reason}",
    ),
    "zvt_end_of_day_failed": ("end of day failed: {reason}", "POS 机结算失败：{reason}"),
    "zvt_reversal_refused": (
        "the terminal would not reverse the timed-out payment",
        "POS 机未能冲正超时的付款",
    ),
    "zvt_amount_mismatch": (
        "the terminal approved a different amount; call a supervisor",
        "POS 机批准的金额与应付金额不同，请联系主管",
    ),
    "zvt_command_refused": (
        "{terminal} refused the command: {reason}",
        "{terminal}拒绝了指令：{reason}",
    ),
    "zvt_no_ack": (
        "{terminal} answered {answer} instead of an ACK",
        "{terminal}应答了{answer}，而不是 ACK",
    ),
    "zvt_payment_not_zvt": (
        "this card payment was not made on a ZVT terminal",
        "这笔银行卡付款不是在 ZVT POS 机上完成的",
    ),
    "card_terminal_unreachable": (
        "{terminal} is not reachable at {address}: {reason}",
        "无法通过{address}连接{terminal}：{reason}",
    ),
    "card_terminal_connection_broke": (
        "{terminal}: the connection broke",
        "{terminal}：连接已中断",
    ),
    "card_terminal_timeout": (
        "{terminal} did not answer within {seconds} s",
        "{terminal}在{seconds}秒内没有应答",
    ),
    "card_terminal_closed_connection": (
        "{terminal} closed the connection mid-transaction",
        "{terminal}在交易中途关闭了连接",
    ),
    "card_terminal_no_serial_ack": (
        "{terminal} did not acknowledge on the serial line",
        "{terminal}没有在串口上确认",
    ),
    "card_terminal_frame_refused": (
        "{terminal} refused our frame three times (line noise?)",
        "{terminal}三次拒收数据帧（线路干扰？）",
    ),
    "card_terminal_port_unavailable": (
        "{terminal}: {port} cannot be opened: {reason}",
        "{terminal}：无法打开{port}：{reason}",
    ),
    "card_terminal_disconnected": (
        "{terminal} was disconnected: {reason}",
        "{terminal}已断开连接：{reason}",
    ),
    "card_amount_not_positive": ("a card amount must be more than zero", "刷卡金额必须大于零"),
    "card_reference_missing": (
        "a card payment needs a reference (order and attempt)",
        "银行卡付款需要参考号（订单和尝试次数）",
    ),
    "card_reference_reused": (
        "reference {reference} was used for another {kind} of {amount:money}",
        "参考号{reference}已用于另一笔{amount:money}的{kind}",
    ),
    "card_outcome_unknown": (
        "{terminal}: the outcome of the card {kind} {reference} is not known yet ({reason}); "
        "it is checked before the next card transaction",
        "{terminal}：银行卡{kind} {reference}的结果尚不清楚（{reason}）；下一笔刷卡交易前会先核对",
    ),
    "card_journal_damaged": (
        "the card journal {path} is damaged ({reason}); payments on this "
        "terminal stay blocked until it is repaired, so none is charged twice",
        "银行卡交易日志{path}已损坏（{reason}）；修复之前本售票窗口不能刷卡，以免重复扣款",
    ),
    # -- the external card terminal (amounts typed from its slip) --------------------------------
    "card_terminal_stand_alone": (
        "stand-alone: key in each approval",
        "独立 POS 机：每笔批准须手工录入",
    ),
    "card_terminal_stand_alone_refuses": (
        "this is a stand-alone terminal: take the payment on it, "
        "then key in the approval from its slip",
        "这是独立 POS 机：请在 POS 机上收款，再按其签购单手工录入批准信息",
    ),
    "card_amount_invalid": (
        "the amount {amount!r} is not a sum of money",
        "“{amount}”不是有效的金额",
    ),
    "card_approved_amount_not_positive": (
        "the approved amount must be more than zero",
        "批准金额必须大于零",
    ),
    "card_scheme_unknown": (
        "choose the card scheme from the list ({schemes})",
        "请从列表中选择卡组织（{schemes}）",
    ),
    "card_whole_number_typed": (
        "type only the last four digits of the card, never the whole card number",
        "只输入卡号后四位，切勿输入完整卡号",
    ),
    "card_last4_invalid": (
        "the last four digits of the card are exactly 4 digits",
        "卡号后四位必须正好是 4 位数字",
    ),
    "card_auth_code_invalid": (
        "the authorisation code is 2-8 letters or digits, as printed on the terminal slip",
        "授权码为 2 至 8 位字母或数字，以 POS 机签购单上的为准",
    ),
    "card_terminal_id_invalid": (
        "the terminal id is up to 16 letters, digits or '-'",
        "终端号最多 16 位字母、数字或“-”",
    ),
    # -- mobile wallets --------------------------------------------------------------------------
    "wallet_code_unknown": (
        "this code is not a WeChat Pay or Alipay payment code",
        "这不是微信支付或支付宝的付款码",
    ),
    "wallet_amount_not_positive": (
        "a wallet payment must be more than zero",
        "扫码支付金额必须大于零",
    ),
    "wallet_account_missing": (
        "no {wallet} account is set up at this box office",
        "本票房没有设置{wallet}账户",
    ),
    "wallet_cancel_failed": (
        "the {wallet} payment {reference} could not be cancelled; "
        "check it in the merchant portal before taking another payment",
        "{wallet}付款{reference}无法撤销；请先在商户后台核实，再收下一笔款",
    ),
    "wallet_not_confirmed": (
        "the customer did not confirm in time; cancelled",
        "顾客未及时在手机上确认，已撤销付款",
    ),
    "wallet_not_paid_no_reason": ("the wallet gave no reason", "扫码支付平台未说明原因"),
    "wallet_trade_not_found": (
        "no paid wallet trade {reference} to refund",
        "没有可退款的已付扫码交易{reference}",
    ),
    "wallet_refund_too_large": (
        "a refund cannot be more than what was paid",
        "退款不能多于已付金额",
    ),
}
