<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>BoxOfficeApp</name>
    <message>
        <location filename="../../boxoffice/ui/app.py" line="260"/>
        <source>Opening the store…</source>
        <extracomment>A scripted ``--screenshot`` gives up after this long (first demo seeding included). None: use the store&apos;s ``terminal.name`` setting once the store is open. The running sync worker; None when no central server is configured. This terminal&apos;s devices (an empty registry when none is set up). This terminal&apos;s devices, from the first store job; closed at shut-down.</extracomment>
        <translation>正在打开本地数据库…</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/app.py" line="274"/>
        <source>Setting up the demo venues, shows and staff (first start only)…</source>
        <translation>正在创建演示场馆、演出和员工（仅首次启动）…</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/app.py" line="290"/>
        <source>This store has no users yet. Create one with “boxoffice-admin user add”, or start with --demo.</source>
        <translation>此数据库还没有用户。请用“boxoffice-admin user add”创建用户，或使用 --demo 启动。</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/app.py" line="303"/>
        <source>The store could not be opened: %1</source>
        <translation>无法打开本地数据库：%1</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/app.py" line="324"/>
        <source>Checking…</source>
        <translation>正在验证…</translation>
    </message>
</context>
<context>
    <name>CardBatchEntry</name>
    <message>
        <location filename="../../boxoffice/ui/widgets/card_batch.py" line="44"/>
        <source>Card &amp;batch totals (from the card terminal&apos;s end-of-day slip)</source>
        <extracomment>More card payments than this on one shift&apos;s slip is a typing mistake.</extracomment>
        <translation>刷卡批次合计（取自刷卡终端的日结单）(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/widgets/card_batch.py" line="51"/>
        <location filename="../../boxoffice/ui/widgets/card_batch.py" line="83"/>
        <source>Scheme</source>
        <translation>卡组织</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/widgets/card_batch.py" line="54"/>
        <location filename="../../boxoffice/ui/widgets/card_batch.py" line="83"/>
        <source>Payments</source>
        <translation>笔数</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/widgets/card_batch.py" line="55"/>
        <source>Number of payments (optional)</source>
        <translation>交易笔数（可不填）</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/widgets/card_batch.py" line="71"/>
        <source>Add sc&amp;heme</source>
        <extracomment>Shown only for a drawer that holds more than one currency.</extracomment>
        <translation>添加卡组织(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/widgets/card_batch.py" line="83"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/widgets/card_batch.py" line="95"/>
        <source>Re&amp;move scheme</source>
        <translation>移除卡组织(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/widgets/card_batch.py" line="97"/>
        <source>No batch totals entered: card takings are not checked.</source>
        <translation>未录入批次合计：刷卡收入将不做核对。</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/widgets/card_batch.py" line="138"/>
        <source>Name the card scheme (for example VISA).</source>
        <translation>请填写卡组织（例如 VISA）。</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/widgets/card_batch.py" line="148"/>
        <source>“%1” is not a number of payments.</source>
        <translation>“%1”不是有效的笔数。</translation>
    </message>
</context>
<context>
    <name>CashScreen</name>
    <message>
        <location filename="../../boxoffice/ui/cash_screen.py" line="134"/>
        <source>Cash — %1</source>
        <extracomment>A step that takes longer than this shows a progress bar. Z slips on this terminal&apos;s receipt printer; None when there is none. Where Save PDF/CSV writes; replaced in tests (the file dialog blocks).</extracomment>
        <translation>现金 — %1</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/cash_screen.py" line="141"/>
        <source>Cash drawer at %1</source>
        <translation>%1 的钱箱</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/cash_screen.py" line="143"/>
        <source>Signed in: %1</source>
        <translation>已登录：%1</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/cash_screen.py" line="149"/>
        <source>&amp;Which shift</source>
        <translation>选择班次(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/cash_screen.py" line="165"/>
        <source>&amp;Drawer</source>
        <translation>钱箱(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/cash_screen.py" line="166"/>
        <source>C&amp;lose shift</source>
        <translation>交班结账(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/cash_screen.py" line="167"/>
        <source>&amp;X report</source>
        <translation>X 报表(&amp;X)</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/cash_screen.py" line="168"/>
        <source>Day &amp;end</source>
        <translation>日结(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/cash_screen.py" line="186"/>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/cash_screen.py" line="189"/>
        <source>Save &amp;PDF…</source>
        <translation>保存 PDF(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/cash_screen.py" line="191"/>
        <source>Save CS&amp;V…</source>
        <translation>保存 CSV(&amp;V)…</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/cash_screen.py" line="193"/>
        <source>Print &amp;Z slip</source>
        <translation>打印 Z 小票(&amp;Z)</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/cash_screen.py" line="194"/>
        <source>Print the Z report on the receipt printer</source>
        <translation>在小票打印机上打印 Z 报表</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/cash_screen.py" line="197"/>
        <source>Pic&amp;k a Z slip to reprint…</source>
        <translation>选择 Z 小票重印(&amp;K)…</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/cash_screen.py" line="199"/>
        <source>Print the slip of a Z report closed today at this terminal again</source>
        <translation>重新打印本终端今天已结账的某份 Z 报表的小票</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/cash_screen.py" line="304"/>
        <source>Shift %1 — %2 (%3), opened %4</source>
        <translation>班次 %1 — %2（%3），开班于 %4</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/cash_screen.py" line="393"/>
        <source>Still working on the last step…</source>
        <translation>上一步仍在处理中…</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/cash_screen.py" line="434"/>
        <source>Something went wrong: %1</source>
        <translation>出现错误：%1</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/cash_screen.py" line="440"/>
        <source>Please confirm</source>
        <translation>请确认</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/cash_screen.py" line="443"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/cash_screen.py" line="529"/>
        <source>There is no report on this tab to save yet.</source>
        <translation>此页还没有可保存的报表。</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/cash_screen.py" line="532"/>
        <source>Save the report as PDF</source>
        <translation>将报表保存为 PDF</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/cash_screen.py" line="532"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/cash_screen.py" line="534"/>
        <source>Save the report as CSV</source>
        <translation>将报表保存为 CSV</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/cash_screen.py" line="534"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/cash_screen.py" line="543"/>
        <source>Saved %1.</source>
        <translation>已保存 %1。</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/cash_screen.py" line="544"/>
        <source>Writing %1…</source>
        <translation>正在写入 %1…</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/cash_screen.py" line="551"/>
        <location filename="../../boxoffice/ui/cash_screen.py" line="561"/>
        <source>No receipt printer is set up at this terminal.</source>
        <translation>本终端未设置小票打印机。</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/cash_screen.py" line="554"/>
        <source>Close a shift first: its Z report is then printed.</source>
        <translation>请先交班结账：之后才能打印它的 Z 报表。</translation>
    </message>
</context>
<context>
    <name>ClosePage</name>
    <message>
        <location filename="../../boxoffice/ui/cash_close_page.py" line="60"/>
        <source>There is no open shift to close at this terminal.</source>
        <extracomment>Batch lines already stored per shift, so a retried close does not store them again. Shifts whose stored count may be replaced: the supervisor&apos;s override (none needed when the user may sign off variances themselves).</extracomment>
        <translation>本终端没有需要结账的班次。</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/cash_close_page.py" line="81"/>
        <source>Count every note and coin in the drawer. The count is blind: what the drawer should hold appears on the Z report, after your count is stored.</source>
        <translation>请清点钱箱中的每一张纸币和每一枚硬币。这是盲点：钱箱应有金额要等您的清点结果保存后，才会出现在 Z 报表上。</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/cash_close_page.py" line="87"/>
        <source>Cou&amp;nt the drawer</source>
        <translation>清点钱箱(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/cash_close_page.py" line="94"/>
        <source>Recount…</source>
        <translation>重新清点…</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/cash_close_page.py" line="95"/>
        <source>Count the drawer again (a supervisor approves)</source>
        <translation>重新清点钱箱（需主管批准）</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/cash_close_page.py" line="107"/>
        <source>&amp;Gift vouchers counted</source>
        <translation>已清点礼品券(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/cash_close_page.py" line="115"/>
        <source>(paper vouchers taken today, if the venue counts them)</source>
        <translation>（今天收到的纸质礼品券，如场馆要求清点）</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/cash_close_page.py" line="121"/>
        <source>&amp;Close shift</source>
        <translation>交班结账(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/cash_close_page.py" line="172"/>
        <source>Close your shift %1 (opened %2)</source>
        <translation>结束您的班次 %1（开班于 %2）</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/cash_close_page.py" line="178"/>
        <source>Close shift %1 of %2 (opened %3)</source>
        <translation>结束 %2 的班次 %1（开班于 %3）</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/cash_close_page.py" line="201"/>
        <source>The drawer was counted at %1: %2. Closing uses this count.</source>
        <translation>钱箱已于 %1 清点：%2。结账将使用此清点结果。</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/cash_close_page.py" line="212"/>
        <source>Your role may not close this shift: ask a supervisor.</source>
        <translation>您的角色不能结束此班次：请联系主管。</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/cash_close_page.py" line="222"/>
        <source>Count of %1</source>
        <translation>%1 清点</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/cash_close_page.py" line="261"/>
        <source>Count shift %1 again: the count on record will be replaced.</source>
        <translation>重新清点班次 %1：已保存的清点结果将被替换。</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/cash_close_page.py" line="274"/>
        <source>Recount approved: count the drawer again, then close.</source>
        <translation>已批准重新清点：请再次清点钱箱，然后结账。</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/cash_close_page.py" line="306"/>
        <source>Close shift %1 with %2 counted? The count cannot be changed afterwards without a supervisor.</source>
        <translation>以清点金额 %2 结束班次 %1？此后没有主管批准不能再更改清点结果。</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/cash_close_page.py" line="311"/>
        <source>Close shift %1 now?</source>
        <translation>现在结束班次 %1？</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/cash_close_page.py" line="314"/>
        <source>Close shift</source>
        <translation>交班结账</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/cash_close_page.py" line="342"/>
        <source>Closing the shift…</source>
        <translation>正在结账…</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/cash_close_page.py" line="381"/>
        <source>Shift %1 is closed: Z report %2.</source>
        <translation>班次 %1 已结账：Z 报表 %2。</translation>
    </message>
</context>
<context>
    <name>DayEndPage</name>
    <message>
        <location filename="../../boxoffice/ui/cash_report_pages.py" line="92"/>
        <source>Business da&amp;y</source>
        <translation>营业日(&amp;Y)</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/cash_report_pages.py" line="101"/>
        <source>Pick a day to see its figures.</source>
        <translation>选择日期以查看当日数据。</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/cash_report_pages.py" line="112"/>
        <source>(venue time: %1)</source>
        <translation>（场馆时间：%1）</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/cash_report_pages.py" line="128"/>
        <source>Adding up the day…</source>
        <translation>正在汇总当日数据…</translation>
    </message>
</context>
<context>
    <name>DenominationCount</name>
    <message>
        <location filename="../../boxoffice/ui/widgets/denomination_count.py" line="100"/>
        <source>Number of %1</source>
        <extracomment>More of one note or coin than this is a typing mistake, not a drawer. Enter on the last row: the count is done.</extracomment>
        <translation>%1 的数量</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/widgets/denomination_count.py" line="136"/>
        <source>%1: “%2” is not a number of notes or coins (0 or more).</source>
        <translation>%1：“%2”不是有效的张数或枚数（0 或以上）。</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/widgets/denomination_count.py" line="142"/>
        <source>%1: %2 is more than %3 — please check the count.</source>
        <translation>%1：%2 超过 %3 — 请核对清点结果。</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/widgets/denomination_count.py" line="209"/>
        <source>Total: %1</source>
        <translation>合计：%1</translation>
    </message>
</context>
<context>
    <name>DeviceSettings</name>
    <message>
        <location filename="../../boxoffice/ui/device_settings.py" line="65"/>
        <source>Ticket printer</source>
        <translation>票据打印机</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/device_settings.py" line="66"/>
        <source>Receipt printer</source>
        <translation>小票打印机</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/device_settings.py" line="67"/>
        <source>Cash drawer</source>
        <translation>钱箱</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/device_settings.py" line="68"/>
        <source>Scanner</source>
        <translation>扫描枪</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/device_settings.py" line="69"/>
        <source>Card terminal</source>
        <translation>刷卡终端</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/device_settings.py" line="75"/>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/device_settings.py" line="76"/>
        <source>Busy</source>
        <translation>忙碌</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/device_settings.py" line="77"/>
        <source>Not checked yet</source>
        <translation>尚未检测</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/device_settings.py" line="78"/>
        <source>Not set up</source>
        <translation>未设置</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/device_settings.py" line="79"/>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/device_settings.py" line="80"/>
        <source>Fault</source>
        <translation>故障</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/device_settings.py" line="86"/>
        <source>ticket barcode</source>
        <translation>门票条码</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/device_settings.py" line="87"/>
        <source>ticket serial</source>
        <translation>票号</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/device_settings.py" line="88"/>
        <source>order number</source>
        <translation>订单号</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/device_settings.py" line="89"/>
        <source>WeChat Pay payment code</source>
        <translation>微信支付付款码</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/device_settings.py" line="90"/>
        <source>Alipay payment code</source>
        <translation>支付宝付款码</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/device_settings.py" line="91"/>
        <source>other code</source>
        <translation>其他码</translation>
    </message>
</context>
<context>
    <name>DeviceSettingsPanel</name>
    <message>
        <location filename="../../boxoffice/ui/device_settings.py" line="153"/>
        <source>&amp;Devices at this terminal</source>
        <translation>本终端设备(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/device_settings.py" line="159"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/device_settings.py" line="160"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/device_settings.py" line="161"/>
        <source>Driver</source>
        <translation>驱动</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/device_settings.py" line="162"/>
        <source>Where</source>
        <translation>连接</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/device_settings.py" line="163"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/device_settings.py" line="176"/>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/device_settings.py" line="177"/>
        <source>&amp;Test print</source>
        <translation>打印测试页(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/device_settings.py" line="178"/>
        <source>Open dra&amp;wer</source>
        <translation>打开钱箱(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/device_settings.py" line="201"/>
        <source>&amp;Name</source>
        <translation>名称(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/device_settings.py" line="202"/>
        <source>&amp;Kind</source>
        <translation>类型(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/device_settings.py" line="203"/>
        <source>Dri&amp;ver</source>
        <translation>驱动(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/device_settings.py" line="204"/>
        <source>&amp;Options</source>
        <translation>参数(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/device_settings.py" line="208"/>
        <source>&amp;Save device</source>
        <translation>保存设备(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/device_settings.py" line="209"/>
        <source>New d&amp;evice</source>
        <translation>新建设备(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/device_settings.py" line="210"/>
        <source>Re&amp;move</source>
        <translation>删除(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/device_settings.py" line="215"/>
        <source>Set up a device</source>
        <translation>设备设置</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/device_settings.py" line="223"/>
        <source>Scan a code here (or type it and press Enter)</source>
        <translation>在此扫码（或手动输入后按回车）</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/device_settings.py" line="225"/>
        <source>No scan yet.</source>
        <translation>尚未扫码。</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/device_settings.py" line="228"/>
        <source>S&amp;canner test</source>
        <translation>扫描枪测试(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/device_settings.py" line="330"/>
        <source>No driver for this kind is installed yet.</source>
        <translation>尚未安装此类设备的驱动。</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/device_settings.py" line="361"/>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/device_settings.py" line="365"/>
        <source>Saved %1.</source>
        <translation>已保存 %1。</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/device_settings.py" line="371"/>
        <source>Choose a device first.</source>
        <translation>请先选择设备。</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/device_settings.py" line="376"/>
        <source>Removed %1.</source>
        <translation>已删除 %1。</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/device_settings.py" line="384"/>
        <source>Choose a printer in the list first.</source>
        <translation>请先在列表中选择打印机。</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/device_settings.py" line="388"/>
        <source>%1 is not a printer.</source>
        <translation>%1 不是打印机。</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/device_settings.py" line="390"/>
        <source>Sending a test page to %1…</source>
        <translation>正在向 %1 发送测试页…</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/device_settings.py" line="395"/>
        <source>Opening the drawer…</source>
        <translation>正在打开钱箱…</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/device_settings.py" line="399"/>
        <source>No-sale recorded; the drawer opens now.</source>
        <translation>已记录无销售开箱；钱箱即将打开。</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/device_settings.py" line="406"/>
        <source>%1: test page sent.</source>
        <translation>%1：测试页已发送。</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/device_settings.py" line="408"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/device_settings.py" line="420"/>
        <source>From %1: &lt;b&gt;%2&lt;/b&gt; — %3</source>
        <translation>来自%1：&lt;b&gt;%2&lt;/b&gt; — %3</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/device_settings.py" line="429"/>
        <source>keyboard</source>
        <translation>键盘</translation>
    </message>
</context>
<context>
    <name>DoorScreen</name>
    <message>
        <location filename="../../boxoffice/ui/door_screen.py" line="69"/>
        <source>Door: %1</source>
        <extracomment>Background colour of the verdict panel: go, stop, or go but look. The counts behind &quot;n of m admitted&quot; are refreshed at most this often.</extracomment>
        <translation>检票口：%1</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/door_screen.py" line="72"/>
        <source>Scan a ticket or type its serial, then Enter</source>
        <translation>扫描门票或输入票号，然后按回车</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/door_screen.py" line="74"/>
        <source>&amp;Check</source>
        <translation>检票(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/door_screen.py" line="80"/>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/door_screen.py" line="82"/>
        <source>Waiting for the first scan</source>
        <translation>等待首次扫描</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/door_screen.py" line="103"/>
        <source>Verdict</source>
        <extracomment>Admitted against expected for the door&apos;s performances, refreshed after each scan.</extracomment>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/door_screen.py" line="103"/>
        <source>Ticket</source>
        <translation>门票</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/door_screen.py" line="103"/>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/door_screen.py" line="128"/>
        <source>Checking…</source>
        <translation>正在验票…</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/door_screen.py" line="145"/>
        <source>ADMIT</source>
        <translation>准许入场</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/door_screen.py" line="147"/>
        <source>ADMIT %1</source>
        <translation>准许入场 %1 人</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/door_screen.py" line="158"/>
        <source>Inside now: %1</source>
        <translation>场内人数：%1</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/door_screen.py" line="189"/>
        <source>%1: %2 of %3 admitted</source>
        <translation>%1：已入场 %2 / %3</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/door_screen.py" line="192"/>
        <source> (%1 double admissions)</source>
        <translation>（重复入场 %1 次）</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/door_screen.py" line="200"/>
        <source>NO VERDICT</source>
        <translation>无法判定</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/door_screen.py" line="206"/>
        <source>WENT OUT</source>
        <translation>已出场</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/door_screen.py" line="207"/>
        <source>ALREADY IN</source>
        <translation>已入场</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/door_screen.py" line="208"/>
        <source>NOT VALID</source>
        <translation>票已作废</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/door_screen.py" line="209"/>
        <source>FORGED</source>
        <translation>伪造票</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/door_screen.py" line="210"/>
        <source>NOT A TICKET</source>
        <translation>非门票</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/door_screen.py" line="211"/>
        <source>WRONG PERFORMANCE</source>
        <translation>场次不符</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/door_screen.py" line="212"/>
        <source>WRONG EVENT</source>
        <translation>演出不符</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/door_screen.py" line="213"/>
        <source>TOO EARLY</source>
        <translation>未到检票时间</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/door_screen.py" line="214"/>
        <source>EXPIRED</source>
        <translation>已过期</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/door_screen.py" line="215"/>
        <source>NOT PAID</source>
        <translation>未付款</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/door_screen.py" line="216"/>
        <source>UNKNOWN</source>
        <translation>查无此票</translation>
    </message>
</context>
<context>
    <name>DrawerPage</name>
    <message>
        <location filename="../../boxoffice/ui/cash_drawer_page.py" line="61"/>
        <source>Open your shift</source>
        <translation>开班</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/cash_drawer_page.py" line="65"/>
        <source>Count the float into the drawer note by note and coin by coin. Enter or ↓ moves to the next row.</source>
        <translation>逐张逐枚清点放入钱箱的备用金。回车或 ↓ 移到下一行。</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/cash_drawer_page.py" line="74"/>
        <source>C&amp;urrency</source>
        <translation>币种(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/cash_drawer_page.py" line="82"/>
        <source>&amp;Open shift</source>
        <translation>开班(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/cash_drawer_page.py" line="118"/>
        <source>Opening the shift…</source>
        <translation>正在开班…</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/cash_drawer_page.py" line="124"/>
        <source>Shift opened with a float of %1.</source>
        <translation>已开班，备用金 %1。</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/cash_drawer_page.py" line="151"/>
        <source>e.g. taxi for the artist, change from the safe</source>
        <translation>例如：艺人打车费、从保险柜取零钱</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/cash_drawer_page.py" line="152"/>
        <source>&amp;Amount</source>
        <translation>金额(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/cash_drawer_page.py" line="154"/>
        <source>Rea&amp;son</source>
        <translation>原因(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/cash_drawer_page.py" line="160"/>
        <source>Drop to sa&amp;fe</source>
        <translation>存入保险柜(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/cash_drawer_page.py" line="161"/>
        <source>Take cash out of the drawer into the safe</source>
        <translation>从钱箱取出现金存入保险柜</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/cash_drawer_page.py" line="163"/>
        <source>Pay &amp;in</source>
        <translation>放入现金(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/cash_drawer_page.py" line="164"/>
        <source>Put cash into the drawer (not a sale)</source>
        <translation>向钱箱放入现金（非销售）</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/cash_drawer_page.py" line="166"/>
        <source>Pay ou&amp;t</source>
        <translation>支出现金(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/cash_drawer_page.py" line="168"/>
        <source>Pay cash out of the drawer; large amounts need a supervisor</source>
        <translation>从钱箱支出现金；大额需主管批准</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/cash_drawer_page.py" line="175"/>
        <source>Drops, pay-ins and pay-outs this shift</source>
        <translation>本班次的存入保险柜、放入与支出</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/cash_drawer_page.py" line="180"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/cash_drawer_page.py" line="180"/>
        <source>What</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/cash_drawer_page.py" line="180"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/cash_drawer_page.py" line="180"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/cash_drawer_page.py" line="180"/>
        <source>By</source>
        <translation>经办人</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/cash_drawer_page.py" line="204"/>
        <source>Drop to the safe</source>
        <translation>存入保险柜</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/cash_drawer_page.py" line="205"/>
        <source>Pay-in</source>
        <translation>放入现金</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/cash_drawer_page.py" line="206"/>
        <source>Pay-out</source>
        <translation>支出现金</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/cash_drawer_page.py" line="225"/>
        <source>Recording…</source>
        <translation>正在记录…</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/cash_drawer_page.py" line="235"/>
        <source>%1 of %2 recorded.</source>
        <translation>已记录%1：%2。</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/cash_drawer_page.py" line="246"/>
        <source>Pay-out of %1 (“%2”) is over the limit:</source>
        <translation>支出 %1（“%2”）超过限额：</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/cash_drawer_page.py" line="252"/>
        <source>A supervisor must approve this pay-out.</source>
        <translation>此笔支出需要主管批准。</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/cash_drawer_page.py" line="283"/>
        <source>Your role may not open a shift: ask a supervisor.</source>
        <translation>您的角色不能开班：请联系主管。</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/cash_drawer_page.py" line="289"/>
        <source>Shift %1 is open — %2 (%3)</source>
        <translation>班次 %1 进行中 — %2（%3）</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/cash_drawer_page.py" line="295"/>
        <source>Opened %1 at %2.</source>
        <translation>于 %1 在 %2 开班。</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/cash_drawer_page.py" line="300"/>
        <source>The cash was counted at %1; close the shift next.</source>
        <translation>现金已于 %1 清点；下一步请结账。</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/cash_drawer_page.py" line="317"/>
        <source>None yet.</source>
        <translation>暂无。</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../boxoffice/ui/login_dialog.py" line="89"/>
        <source>Box Office — Sign in</source>
        <translation>票房 — 登录</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/login_dialog.py" line="94"/>
        <source>Box Office</source>
        <translation>票房售票系统</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/login_dialog.py" line="175"/>
        <source>Sign in to terminal “%1”</source>
        <translation>登录终端“%1”</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/login_dialog.py" line="103"/>
        <source>Username</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/login_dialog.py" line="108"/>
        <source>PIN</source>
        <translation>PIN 码</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/login_dialog.py" line="115"/>
        <source>&amp;Username</source>
        <translation>用户名(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/login_dialog.py" line="117"/>
        <source>&amp;PIN</source>
        <translation>PIN 码(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/login_dialog.py" line="121"/>
        <location filename="../../boxoffice/ui/login_dialog.py" line="173"/>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/login_dialog.py" line="124"/>
        <source>Sign in (Enter)</source>
        <translation>登录（回车）</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/login_dialog.py" line="256"/>
        <source>Enter your username.</source>
        <translation>请输入用户名。</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/login_dialog.py" line="260"/>
        <source>Enter your PIN.</source>
        <translation>请输入 PIN 码。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../boxoffice/ui/main_window.py" line="110"/>
        <source>Box Office — %1 — %2</source>
        <translation>票房 — %1 — %2</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/main_window.py" line="123"/>
        <source>Find event or venue (Ctrl+F)</source>
        <translation>查找演出或场馆（Ctrl+F）</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/main_window.py" line="127"/>
        <source>Performance</source>
        <translation>场次</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/main_window.py" line="127"/>
        <source>Starts (local)</source>
        <translation>开演（当地时间）</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/main_window.py" line="127"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/main_window.py" line="147"/>
        <source>&amp;Performances</source>
        <translation>场次(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/main_window.py" line="158"/>
        <source>No performance selected</source>
        <translation>未选择场次</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/main_window.py" line="182"/>
        <source>P&amp;rices</source>
        <translation>票价(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/main_window.py" line="186"/>
        <source>Price type</source>
        <translation>票种</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/main_window.py" line="186"/>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/main_window.py" line="195"/>
        <source>Prices include tax.</source>
        <translation>票价已含税。</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/main_window.py" line="234"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/main_window.py" line="236"/>
        <source>&amp;Log out</source>
        <translation>注销(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/main_window.py" line="236"/>
        <source>Sign out and hand over</source>
        <translation>退出登录，交接给下一位</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/main_window.py" line="238"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/main_window.py" line="243"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/main_window.py" line="245"/>
        <source>Zoom &amp;in</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/main_window.py" line="248"/>
        <source>Zoom &amp;out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/main_window.py" line="250"/>
        <source>&amp;Fit seat map</source>
        <translation>适合窗口(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/main_window.py" line="255"/>
        <source>F&amp;ind performance</source>
        <translation>查找场次(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/main_window.py" line="257"/>
        <source>Go to &amp;performances</source>
        <translation>转到场次列表(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/main_window.py" line="260"/>
        <source>Go to &amp;seat map</source>
        <translation>转到座位图(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/main_window.py" line="263"/>
        <source>Go to p&amp;rices</source>
        <translation>转到票价(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/main_window.py" line="266"/>
        <source>&amp;Clear seat selection</source>
        <translation>清除已选座位(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/main_window.py" line="277"/>
        <source>&amp;Cash</source>
        <translation>现金(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/main_window.py" line="279"/>
        <source>&amp;Drawer (open shift, drop, pay-in, pay-out)…</source>
        <translation>钱箱（开班、存入保险柜、放入、支出）(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/main_window.py" line="284"/>
        <source>&amp;Close shift (count and Z report)…</source>
        <translation>交班结账（清点与 Z 报表）(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/main_window.py" line="289"/>
        <source>&amp;X report…</source>
        <translation>X 报表(&amp;X)…</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/main_window.py" line="292"/>
        <source>Day &amp;end…</source>
        <translation>日结(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/main_window.py" line="302"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/main_window.py" line="303"/>
        <source>&amp;About Box Office</source>
        <translation>关于票房(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/main_window.py" line="310"/>
        <source>Signed in: %1 (%2)</source>
        <translation>已登录：%1（%2）</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/main_window.py" line="315"/>
        <source>Role: %1</source>
        <translation>角色：%1</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/main_window.py" line="317"/>
        <source>Terminal: %1</source>
        <translation>终端：%1</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/main_window.py" line="327"/>
        <source>Clerk</source>
        <translation>售票员</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/main_window.py" line="328"/>
        <source>Supervisor</source>
        <translation>主管</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/main_window.py" line="329"/>
        <source>Door staff</source>
        <translation>检票员</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/main_window.py" line="330"/>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/main_window.py" line="336"/>
        <source>Scheduled</source>
        <translation>已排期</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/main_window.py" line="337"/>
        <source>On sale</source>
        <translation>在售</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/main_window.py" line="338"/>
        <source>Off sale</source>
        <translation>停售</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/main_window.py" line="339"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/main_window.py" line="345"/>
        <source>Adult</source>
        <translation>成人</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/main_window.py" line="346"/>
        <source>Concession</source>
        <translation>优惠</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/main_window.py" line="347"/>
        <source>Child</source>
        <translation>儿童</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/main_window.py" line="348"/>
        <source>Senior</source>
        <translation>长者</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/main_window.py" line="349"/>
        <source>Student</source>
        <translation>学生</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/main_window.py" line="350"/>
        <source>Group (10+)</source>
        <translation>团体（10人以上）</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/main_window.py" line="351"/>
        <source>VIP presale</source>
        <translation>VIP 预售</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/main_window.py" line="352"/>
        <source>Complimentary</source>
        <translation>赠票</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/main_window.py" line="363"/>
        <source>ddd d MMM yyyy</source>
        <comment>date format</comment>
        <translation>yyyy年M月d日 ddd</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/main_window.py" line="365"/>
        <source>ddd d MMM</source>
        <comment>short date format</comment>
        <translation>M月d日 ddd</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/main_window.py" line="373"/>
        <source>Loading performances…</source>
        <translation>正在加载场次…</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/main_window.py" line="408"/>
        <source>There are no performances yet. An administrator adds them.</source>
        <translation>还没有场次，请由管理员添加。</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/main_window.py" line="440"/>
        <source>Loading seat map…</source>
        <translation>正在加载座位图…</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/main_window.py" line="466"/>
        <source>This seat map has no seats.</source>
        <translation>此座位图没有座位。</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/main_window.py" line="473"/>
        <source>Standing only — sold by quantity, not by seat.</source>
        <translation>仅站票 — 按数量出售，不选座位。</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/main_window.py" line="479"/>
        <source>Could not load: %1</source>
        <translation>无法加载：%1</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/main_window.py" line="480"/>
        <source>Box Office</source>
        <translation>票房</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/main_window.py" line="495"/>
        <source>Held</source>
        <translation>保留</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/main_window.py" line="496"/>
        <source>Killed</source>
        <translation>封座</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/main_window.py" line="497"/>
        <source>Sold</source>
        <translation>已售</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/main_window.py" line="498"/>
        <source>Selected</source>
        <translation>已选</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/main_window.py" line="500"/>
        <source>Dashed ring: keyboard cursor (arrow keys, Space selects)</source>
        <translation>虚线圆圈：键盘光标（方向键移动，空格键选择）</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/main_window.py" line="532"/>
        <source>No prices set</source>
        <translation>尚未设置票价</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/main_window.py" line="547"/>
        <source>No seats selected — click a seat, or use the arrow keys and Space.</source>
        <translation>未选座位 — 点击座位，或使用方向键和空格键。</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/main_window.py" line="554"/>
        <source>%1 row %2 seat %3</source>
        <translation>%1 %2排 %3座</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/main_window.py" line="561"/>
        <source> and %1 more</source>
        <translation> 等另外 %1 个</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/main_window.py" line="564"/>
        <source>Selected (%1): %2</source>
        <translation>已选（%1）：%2</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/main_window.py" line="570"/>
        <source>%1 row %2 seat %3 is not for sale: %4</source>
        <translation>%1 %2排 %3座不可出售：%4</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/main_window.py" line="581"/>
        <location filename="../../boxoffice/ui/main_window.py" line="582"/>
        <source>Working…</source>
        <translation>处理中…</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/main_window.py" line="592"/>
        <source>About Box Office</source>
        <translation>关于票房</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/main_window.py" line="594"/>
        <source>&lt;h3&gt;Box Office&lt;/h3&gt;&lt;p&gt;Offline-first point of sale for venue box offices.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Keyboard&lt;/b&gt;&lt;br&gt;Alt+1 performances · Alt+2 seat map · Alt+3 prices · Ctrl+F find&lt;br&gt;Seat map: arrow keys move, Space selects, Esc clears, + / − zoom, 0 fits&lt;br&gt;Cash: Ctrl+Shift+D drawer · Ctrl+Shift+C close shift · Ctrl+Shift+X X report · Ctrl+Shift+E day end&lt;br&gt;Ctrl+L log out · Ctrl+Q quit&lt;/p&gt;</source>
        <translation>&lt;h3&gt;票房&lt;/h3&gt;&lt;p&gt;面向场馆票房、离线优先的售票系统。&lt;/p&gt;&lt;p&gt;&lt;b&gt;键盘操作&lt;/b&gt;&lt;br&gt;Alt+1 场次 · Alt+2 座位图 · Alt+3 票价 · Ctrl+F 查找&lt;br&gt;座位图：方向键移动，空格键选择，Esc 清除，+ / − 缩放，0 适合窗口&lt;br&gt;现金：Ctrl+Shift+D 钱箱 · Ctrl+Shift+C 交班结账 · Ctrl+Shift+X X 报表 · Ctrl+Shift+E 日结&lt;br&gt;Ctrl+L 注销 · Ctrl+Q 退出&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>MoneyEdit</name>
    <message>
        <location filename="../../boxoffice/ui/widgets/money_edit.py" line="40"/>
        <source>Enter an amount.</source>
        <translation>请输入金额。</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/widgets/money_edit.py" line="47"/>
        <source>“%1” is not an amount in %2.</source>
        <translation>“%1”不是有效的 %2 金额。</translation>
    </message>
</context>
<context>
    <name>OverrideDialog</name>
    <message>
        <location filename="../../boxoffice/ui/override_dialog.py" line="68"/>
        <source>Supervisor approval</source>
        <extracomment>(override or None, reason): the action may be retried with it.</extracomment>
        <translation>主管批准</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/override_dialog.py" line="68"/>
        <source>Sign off</source>
        <translation>签核</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/override_dialog.py" line="81"/>
        <source>Why (kept in the audit log)</source>
        <translation>原因（记入审计日志）</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/override_dialog.py" line="85"/>
        <source>&amp;Supervisor</source>
        <translation>主管(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/override_dialog.py" line="86"/>
        <source>&amp;PIN</source>
        <translation>PIN 码(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/override_dialog.py" line="90"/>
        <source>&amp;Reason</source>
        <translation>原因(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/override_dialog.py" line="97"/>
        <source>&amp;Authorise</source>
        <translation>批准(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/override_dialog.py" line="97"/>
        <source>Sign &amp;off</source>
        <translation>签核(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/override_dialog.py" line="100"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/override_dialog.py" line="128"/>
        <source>Type the supervisor&apos;s username.</source>
        <translation>请输入主管的用户名。</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/override_dialog.py" line="132"/>
        <source>Type the supervisor&apos;s PIN.</source>
        <translation>请输入主管的 PIN 码。</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/override_dialog.py" line="136"/>
        <source>Give a reason: it is kept with the approval.</source>
        <translation>请填写原因：它会与批准记录一起保存。</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/override_dialog.py" line="145"/>
        <source>Checking…</source>
        <translation>正在核对…</translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message>
        <location filename="../../boxoffice/ui/login_dialog.py" line="55"/>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/login_dialog.py" line="56"/>
        <source>Clear the PIN (Esc)</source>
        <translation>清除 PIN 码（Esc）</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/login_dialog.py" line="61"/>
        <source>Delete the last digit (Backspace)</source>
        <translation>删除最后一位（退格键）</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/login_dialog.py" line="62"/>
        <source>Backspace</source>
        <translation>退格</translation>
    </message>
</context>
<context>
    <name>ReportText</name>
    <message>
        <location filename="../../boxoffice/ui/report_text.py" line="19"/>
        <source>Day end</source>
        <extracomment>Every fixed text of the Z/X and day-end reports (``reports.zx``, ``reports.day_end``).</extracomment>
        <translation>日结</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/report_text.py" line="20"/>
        <source>Terminal</source>
        <translation>终端</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/report_text.py" line="21"/>
        <source>Clerk</source>
        <translation>售票员</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/report_text.py" line="22"/>
        <source>Shift</source>
        <translation>班次</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/report_text.py" line="23"/>
        <source>Opened</source>
        <translation>开班</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/report_text.py" line="24"/>
        <source>Time zone</source>
        <translation>时区</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/report_text.py" line="25"/>
        <source>Closed</source>
        <translation>结账</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/report_text.py" line="26"/>
        <source>Closed by</source>
        <translation>结账人</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/report_text.py" line="27"/>
        <source>Z number</source>
        <translation>Z 编号</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/report_text.py" line="28"/>
        <source>Unsynced operations</source>
        <translation>未同步操作</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/report_text.py" line="29"/>
        <source>Variance signed off</source>
        <translation>差额签核</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/report_text.py" line="30"/>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/report_text.py" line="31"/>
        <source>As of</source>
        <translation>截至</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/report_text.py" line="32"/>
        <source>X report: running figures. The shift stays open; nothing is reset.</source>
        <translation>X 报表：当前运行数据。班次保持开放，不会清零。</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/report_text.py" line="43"/>
        <source>Expected and counted</source>
        <translation>应有与实点</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/report_text.py" line="44"/>
        <source>Cash drawer</source>
        <translation>钱箱</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/report_text.py" line="45"/>
        <source>Takings by tender</source>
        <translation>按支付方式的收入</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/report_text.py" line="46"/>
        <source>Card reconciliation</source>
        <translation>刷卡对账</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/report_text.py" line="47"/>
        <source>Counted by denomination</source>
        <translation>按面额清点</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/report_text.py" line="48"/>
        <source>Activity</source>
        <translation>业务量</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/report_text.py" line="49"/>
        <source>Terminals</source>
        <translation>终端</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/report_text.py" line="50"/>
        <source>Venue totals</source>
        <translation>场馆合计</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/report_text.py" line="51"/>
        <source>Cash drawers</source>
        <translation>钱箱合计</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/report_text.py" line="53"/>
        <source>Sign-offs and flags</source>
        <translation>签核与标记</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/report_text.py" line="54"/>
        <source>source: &apos;server&apos; = from the central server; &apos;local&apos; = this store only; &apos;local+server&apos; = this store, checked against the server&apos;s copy.</source>
        <translation>来源：“服务器”= 来自中央服务器；“本地”= 仅本终端数据库；“本地+服务器”= 本终端数据库，并已与服务器副本核对。</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/report_text.py" line="59"/>
        <source>Closed shifts only. – : not counted (no batch total entered).</source>
        <translation>仅含已结班次。– ：未清点（未输入批结总额）。</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/report_text.py" line="62"/>
        <source>Summed over the day&apos;s Z reports: float + sales − refunds − drops ± pay-ins/outs.</source>
        <translation>按当日 Z 报表汇总：备用金 + 销售 − 退款 − 存入保险柜 ± 存入/支出。</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/report_text.py" line="66"/>
        <source>– : nothing counted (electronic tender, or no batch total entered).</source>
        <translation>–：未清点（电子支付，或未录入批次合计）。</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/report_text.py" line="69"/>
        <source>Expected = float + cash sales − refunds − drops + pay-ins − pay-outs.</source>
        <translation>应有 = 备用金 + 现金销售 − 退款 − 存入保险柜 + 放入 − 支出。</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/report_text.py" line="73"/>
        <source>tender</source>
        <translation>支付方式</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/report_text.py" line="74"/>
        <source>currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/report_text.py" line="75"/>
        <source>expected</source>
        <translation>应有</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/report_text.py" line="76"/>
        <source>counted</source>
        <translation>实点</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/report_text.py" line="77"/>
        <source>variance</source>
        <translation>差额</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/report_text.py" line="78"/>
        <source>line</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/report_text.py" line="79"/>
        <source>amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/report_text.py" line="80"/>
        <source>payments</source>
        <translation>笔数</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/report_text.py" line="81"/>
        <source>taken</source>
        <translation>收入</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/report_text.py" line="82"/>
        <source>refunds</source>
        <translation>退款笔数</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/report_text.py" line="83"/>
        <source>given back</source>
        <translation>退回</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/report_text.py" line="84"/>
        <source>net</source>
        <translation>净额</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/report_text.py" line="85"/>
        <source>scheme</source>
        <translation>卡组织</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/report_text.py" line="86"/>
        <source>shift</source>
        <translation>班次</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/report_text.py" line="87"/>
        <source>shift count</source>
        <translation>班次笔数</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/report_text.py" line="88"/>
        <source>batch</source>
        <translation>批次</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/report_text.py" line="89"/>
        <source>difference</source>
        <translation>差异</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/report_text.py" line="90"/>
        <source>status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/report_text.py" line="91"/>
        <source>denomination</source>
        <translation>面额</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/report_text.py" line="92"/>
        <source>quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/report_text.py" line="93"/>
        <source>value</source>
        <translation>小计</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/report_text.py" line="94"/>
        <source>item</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/report_text.py" line="95"/>
        <source>count</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/report_text.py" line="96"/>
        <source>terminal</source>
        <translation>终端</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/report_text.py" line="97"/>
        <source>source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/report_text.py" line="122"/>
        <source>Expected in drawers</source>
        <translation>钱箱应有现金</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/report_text.py" line="123"/>
        <source>local+server</source>
        <translation>本地+服务器</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/report_text.py" line="124"/>
        <source>this store</source>
        <translation>本终端</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/report_text.py" line="125"/>
        <source>not known here</source>
        <translation>本终端未知</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/report_text.py" line="126"/>
        <source>variance signed off</source>
        <translation>差额已签核</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/report_text.py" line="127"/>
        <source>card batch mismatch</source>
        <translation>银行卡批结不符</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/report_text.py" line="128"/>
        <source>see its Z report</source>
        <translation>见该 Z 报表</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/report_text.py" line="129"/>
        <source>closed offline</source>
        <translation>离线结班</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/report_text.py" line="130"/>
        <source>copies differ</source>
        <translation>副本不一致</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/report_text.py" line="131"/>
        <source>this store&apos;s copy is shown</source>
        <translation>显示本终端的副本</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/report_text.py" line="165"/>
        <source>%1 · this terminal&apos;s figures only</source>
        <translation>%1 · 仅本终端数据</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/report_text.py" line="169"/>
        <source>%1 · every terminal, server figures as of %2</source>
        <translation>%1 · 所有终端，服务器数据截至 %2</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/report_text.py" line="173"/>
        <source>The server&apos;s figures are missing: %1</source>
        <translation>缺少服务器数据：%1</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/report_text.py" line="178"/>
        <source>PARTIAL: %1 not known to the central server; their figures are this store&apos;s only.</source>
        <translation>不完整：中央服务器不知道 %1；其数据仅来自本终端数据库。</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/report_text.py" line="185"/>
        <source>INCOMPLETE: %1 shift(s) still open: %2</source>
        <translation>未完成：仍有 %1 个班次未结：%2</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/report_text.py" line="190"/>
        <source>MISMATCH: %1 differ(s) between this terminal and the server; check both copies before signing off.</source>
        <translation>不一致：%1 在本终端与服务器之间不同；签核前请核对两份副本。</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/report_text.py" line="198"/>
        <source>%1 operations not yet sent then</source>
        <translation>当时有 %1 项操作尚未发送</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/report_text.py" line="202"/>
        <source>%1 (revoked)</source>
        <translation>%1（已吊销）</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/report_text.py" line="52"/>
        <location filename="../../boxoffice/ui/report_text.py" line="98"/>
        <source>Z reports</source>
        <translation>Z 报表</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/report_text.py" line="35"/>
        <source>LOCAL FIGURES ONLY: what this terminal&apos;s store holds. Other terminals&apos; figures come from the central server.</source>
        <translation>仅本地数据：本终端数据库中的内容。其他终端的数据来自中央服务器。</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/report_text.py" line="40"/>
        <source>Business day</source>
        <translation>营业日</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/report_text.py" line="41"/>
        <source>Shifts still open</source>
        <translation>未结班次</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/report_text.py" line="99"/>
        <source>open shifts</source>
        <translation>未结班次</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/report_text.py" line="100"/>
        <source>unsynced operations</source>
        <translation>未同步操作</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/report_text.py" line="101"/>
        <source>last contact</source>
        <translation>最近联系</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/report_text.py" line="102"/>
        <source>Z</source>
        <translation>Z</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/report_text.py" line="103"/>
        <source>clerk</source>
        <translation>售票员</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/report_text.py" line="104"/>
        <source>closed</source>
        <translation>结班时间</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/report_text.py" line="105"/>
        <source>opened</source>
        <translation>开班时间</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/report_text.py" line="106"/>
        <source>running cash</source>
        <translation>当前现金</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/report_text.py" line="107"/>
        <source>flag</source>
        <translation>标记</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/report_text.py" line="108"/>
        <source>detail</source>
        <translation>详情</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/report_text.py" line="110"/>
        <source>Opening float</source>
        <translation>备用金</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/report_text.py" line="111"/>
        <source>Cash sales</source>
        <translation>现金销售</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/report_text.py" line="112"/>
        <source>Cash refunds</source>
        <translation>现金退款</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/report_text.py" line="113"/>
        <source>Drops to the safe</source>
        <translation>存入保险柜</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/report_text.py" line="114"/>
        <source>Pay-ins</source>
        <translation>放入现金</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/report_text.py" line="115"/>
        <source>Pay-outs</source>
        <translation>支出现金</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/report_text.py" line="116"/>
        <source>Expected in drawer</source>
        <translation>钱箱应有</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/report_text.py" line="117"/>
        <source>cash</source>
        <translation>现金</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/report_text.py" line="118"/>
        <source>card</source>
        <translation>银行卡</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/report_text.py" line="119"/>
        <source>voucher</source>
        <translation>礼品券</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/report_text.py" line="120"/>
        <source>complimentary</source>
        <translation>赠票</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/report_text.py" line="121"/>
        <source>exchange credit</source>
        <translation>换票抵扣</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/report_text.py" line="132"/>
        <source>ok</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/report_text.py" line="133"/>
        <source>mismatch</source>
        <translation>不符</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/report_text.py" line="134"/>
        <source>no batch total</source>
        <translation>无批次合计</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/report_text.py" line="135"/>
        <source>local</source>
        <translation>本地</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/report_text.py" line="136"/>
        <source>server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/report_text.py" line="138"/>
        <source>pending</source>
        <translation>待付款</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/report_text.py" line="139"/>
        <source>reserved</source>
        <translation>已预留</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/report_text.py" line="140"/>
        <source>paid</source>
        <translation>已付款</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/report_text.py" line="141"/>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/report_text.py" line="142"/>
        <source>expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/report_text.py" line="143"/>
        <source>voided</source>
        <translation>已作废</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/report_text.py" line="144"/>
        <source>valid</source>
        <translation>有效</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/report_text.py" line="145"/>
        <source>refunded</source>
        <translation>已退款</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/report_text.py" line="146"/>
        <source>exchanged</source>
        <translation>已换票</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/report_text.py" line="153"/>
        <source>Z report %1 — %2</source>
        <extracomment>Texts with a variable part: the pattern, the template with %1, %2 …, which groups are words.</extracomment>
        <translation>Z 报表 %1 — %2</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/report_text.py" line="157"/>
        <source>X report (running, not closed) — %1</source>
        <translation>X 报表（运行中，未结账）— %1</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/report_text.py" line="161"/>
        <source>shift %1 · clerk %2</source>
        <translation>班次 %1 · 售票员 %2</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/report_text.py" line="206"/>
        <source>Closed offline: %1 operations had not reached the central server yet.</source>
        <translation>离线结账：尚有 %1 个操作未到达中央服务器。</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/report_text.py" line="213"/>
        <source>%1 (opened as %2)</source>
        <translation>%1（以 %2 的名义开班）</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/report_text.py" line="217"/>
        <source>orders %1</source>
        <translation>订单 %1</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/report_text.py" line="222"/>
        <source>tickets %1</source>
        <translation>门票 %1</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/report_text.py" line="227"/>
        <source>sales total %1</source>
        <translation>销售总额 %1</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/report_text.py" line="231"/>
        <source>discounts given %1</source>
        <translation>折扣总额 %1</translation>
    </message>
</context>
<context>
    <name>ReportView</name>
    <message>
        <location filename="../../boxoffice/ui/report_view.py" line="183"/>
        <source>Nothing to show</source>
        <extracomment>Facts shown side by side in the report&apos;s head. Extra width a column gets beyond what its contents measure. A fact longer than this (a hash, a sign-off reason) gets a row of its own.</extracomment>
        <translation>无内容</translation>
    </message>
</context>
<context>
    <name>SeatMapView</name>
    <message>
        <location filename="../../boxoffice/ui/widgets/seat_map.py" line="78"/>
        <source>House seat</source>
        <extracomment>Seat states (what a feed update changes); zone colour shows only when available. Seats per spatial tile: small enough that a re-colour rebuilds little. Tiles whose unavailable seats share one set of state batches. Hold code (view_model.HOLD_CODES) → seat state: every hold is HELD, a kill is KILLED.</extracomment>
        <translation>内部保留座</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/widgets/seat_map.py" line="79"/>
        <source>Press hold</source>
        <translation>媒体保留</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/widgets/seat_map.py" line="80"/>
        <source>Companion hold</source>
        <translation>陪同保留</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/widgets/seat_map.py" line="81"/>
        <source>Production hold</source>
        <translation>制作保留</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/widgets/seat_map.py" line="82"/>
        <source>Killed</source>
        <translation>封座（不售）</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/widgets/seat_map.py" line="451"/>
        <source>Choose a performance to see its seat map.</source>
        <extracomment>Zone-coloured batches: never change after the map is built.</extracomment>
        <translation>请选择场次以查看座位图。</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/widgets/seat_map.py" line="511"/>
        <source>Standing · capacity %1</source>
        <translation>站票 · 容量 %1</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/widgets/seat_map.py" line="516"/>
        <location filename="../../boxoffice/ui/widgets/seat_map.py" line="623"/>
        <source>Zone: %1</source>
        <translation>票区：%1</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/widgets/seat_map.py" line="591"/>
        <source>Not available</source>
        <translation>不可售</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/widgets/seat_map.py" line="618"/>
        <source>Section %1 · Row %2 · Seat %3</source>
        <translation>区域 %1 · %2排 · %3座</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/widgets/seat_map.py" line="628"/>
        <source>Sold</source>
        <translation>已售</translation>
    </message>
</context>
<context>
    <name>ServiceMessages</name>
    <message>
        <location filename="../../boxoffice/ui/service_messages.py" line="25"/>
        <source>Wrong username or PIN/password.</source>
        <extracomment>Whole messages and the phrases that appear inside patterned ones.</extracomment>
        <translation>用户名或 PIN 码/密码错误。</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/service_messages.py" line="27"/>
        <source>out of paper: load paper or ticket stock, then resume</source>
        <translation>缺纸：请装入纸卷或票纸，然后继续</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/service_messages.py" line="28"/>
        <source>paper jam: clear it, then resume</source>
        <translation>卡纸：请清除，然后继续</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/service_messages.py" line="29"/>
        <source>cutter jam: clear it, then resume</source>
        <translation>切刀卡住：请清除，然后继续</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/service_messages.py" line="30"/>
        <source>printer offline: check cable and power, then resume or redirect</source>
        <translation>打印机离线：请检查线缆和电源，然后继续或改用其他打印机</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/service_messages.py" line="34"/>
        <source>count the cash in the drawer before closing the shift</source>
        <translation>结账前请先清点钱箱中的现金</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/service_messages.py" line="35"/>
        <source>a pay-in needs a reason</source>
        <translation>放入现金需要填写原因</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/service_messages.py" line="36"/>
        <source>a pay-out needs a reason</source>
        <translation>支出现金需要填写原因</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/service_messages.py" line="37"/>
        <source>a voucher count cannot be negative</source>
        <translation>礼品券清点金额不能为负数</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/service_messages.py" line="38"/>
        <source>each batch total needs a card scheme</source>
        <translation>每一笔批次合计都需要填写卡组织</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/service_messages.py" line="40"/>
        <source>an override needs a reason (e.g. &apos;customer double-charged&apos;)</source>
        <translation>授权需要填写原因（例如“顾客被重复扣款”）</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/service_messages.py" line="43"/>
        <source>a supervisor cannot authorise their own action; another person must approve it</source>
        <translation>主管不能为自己的操作授权；须由另一人批准</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/service_messages.py" line="47"/>
        <source>the override does not exist</source>
        <translation>该授权不存在</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/service_messages.py" line="48"/>
        <source>the override has already been used; each override allows one action</source>
        <translation>该授权已被使用；每次授权只允许一项操作</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/service_messages.py" line="51"/>
        <source>the override has already been used</source>
        <translation>该授权已被使用</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/service_messages.py" line="52"/>
        <source>the override was given for another user</source>
        <translation>该授权是给另一位用户的</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/service_messages.py" line="53"/>
        <source>the override was given at another terminal</source>
        <translation>该授权是在另一台终端上给出的</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/service_messages.py" line="54"/>
        <source>ask a supervisor for an override</source>
        <translation>请主管授权</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/service_messages.py" line="55"/>
        <source>ask an administrator</source>
        <translation>请联系管理员</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/service_messages.py" line="57"/>
        <source>clerk</source>
        <translation>售票员</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/service_messages.py" line="58"/>
        <source>supervisor</source>
        <translation>主管</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/service_messages.py" line="59"/>
        <source>door</source>
        <translation>检票员</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/service_messages.py" line="60"/>
        <source>admin</source>
        <translation>管理员</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/service_messages.py" line="61"/>
        <source>user</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/service_messages.py" line="62"/>
        <source>deactivated user</source>
        <translation>已停用用户</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/service_messages.py" line="64"/>
        <source>cash</source>
        <translation>现金</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/service_messages.py" line="65"/>
        <source>card</source>
        <translation>银行卡</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/service_messages.py" line="66"/>
        <source>voucher</source>
        <translation>礼品券</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/service_messages.py" line="67"/>
        <source>drop</source>
        <translation>存入保险柜</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/service_messages.py" line="68"/>
        <source>pay-in</source>
        <translation>放入现金</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/service_messages.py" line="69"/>
        <source>pay-out</source>
        <translation>支出现金</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/service_messages.py" line="71"/>
        <source>sell tickets</source>
        <translation>售票</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/service_messages.py" line="72"/>
        <source>issue complimentary tickets</source>
        <translation>发放赠票</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/service_messages.py" line="73"/>
        <source>override a price</source>
        <translation>修改票价</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/service_messages.py" line="74"/>
        <source>give a manual discount</source>
        <translation>手动打折</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/service_messages.py" line="75"/>
        <source>refund</source>
        <translation>退款</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/service_messages.py" line="76"/>
        <source>exchange tickets</source>
        <translation>换票</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/service_messages.py" line="77"/>
        <source>void a sale</source>
        <translation>作废销售</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/service_messages.py" line="78"/>
        <source>reprint a ticket</source>
        <translation>重打门票</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/service_messages.py" line="79"/>
        <source>open the cash drawer without a sale</source>
        <translation>无销售打开钱箱</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/service_messages.py" line="80"/>
        <source>drop cash from the drawer to the safe</source>
        <translation>将钱箱现金存入保险柜</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/service_messages.py" line="81"/>
        <source>pay out a large amount of cash</source>
        <translation>支出大额现金</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/service_messages.py" line="82"/>
        <source>open a shift</source>
        <translation>开班</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/service_messages.py" line="83"/>
        <source>close a shift</source>
        <translation>交班结账</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/service_messages.py" line="84"/>
        <source>sign off a cash variance</source>
        <translation>签核现金差额</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/service_messages.py" line="85"/>
        <source>print an X report</source>
        <translation>打印 X 报表</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/service_messages.py" line="86"/>
        <source>print a Z report</source>
        <translation>打印 Z 报表</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/service_messages.py" line="87"/>
        <source>view sales reports</source>
        <translation>查看销售报表</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/service_messages.py" line="88"/>
        <source>check tickets in at the door</source>
        <translation>在入口检票</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/service_messages.py" line="89"/>
        <source>hand out will-call tickets</source>
        <translation>发放预留取票</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/service_messages.py" line="90"/>
        <source>redeem a voucher by typing its code</source>
        <translation>手动输入券码兑换礼品券</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/service_messages.py" line="91"/>
        <source>manage house seats and kills</source>
        <translation>管理保留座位和封锁座位</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/service_messages.py" line="92"/>
        <source>manage offline seat allocations</source>
        <translation>管理离线座位分配</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/service_messages.py" line="93"/>
        <source>resolve sync conflicts</source>
        <translation>处理同步冲突</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/service_messages.py" line="94"/>
        <source>edit events and performances</source>
        <translation>编辑活动和场次</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/service_messages.py" line="95"/>
        <source>edit prices and discounts</source>
        <translation>编辑票价和折扣</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/service_messages.py" line="96"/>
        <source>import seat maps</source>
        <translation>导入座位图</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/service_messages.py" line="97"/>
        <source>manage users</source>
        <translation>管理用户</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/service_messages.py" line="98"/>
        <source>grant permissions</source>
        <translation>授予权限</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/service_messages.py" line="99"/>
        <source>manage devices and terminals</source>
        <translation>管理设备和终端</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/service_messages.py" line="100"/>
        <source>verify the audit log</source>
        <translation>校验审计日志</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/service_messages.py" line="112"/>
        <source>Too many wrong attempts: %1 is locked until %2.</source>
        <extracomment>Who was refused, as ``guard`` names them: &quot;clerk &apos;ann&apos;&quot;, &quot;deactivated user &apos;bob&apos;&quot;. Most specific first: the first that matches wins. A group marked True is a phrase (a role, a permission, a tender, a nested message) translated in turn.</extracomment>
        <translation>错误次数过多：%1 已被锁定，直至 %2。</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/service_messages.py" line="116"/>
        <source>%1 has no open shift at %2; open a shift (count the float) first</source>
        <translation>%1 在 %2 没有未结班次；请先开班（清点备用金）</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/service_messages.py" line="122"/>
        <source>%1 already has an open shift at %2; close it first</source>
        <translation>%1 在 %2 已有未结班次；请先结账</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/service_messages.py" line="126"/>
        <source>%1 already has an open shift at %2</source>
        <translation>%1 在 %2 已有未结班次</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/service_messages.py" line="131"/>
        <source>the %1 variance of %2 is over the limit: a supervisor must sign it off with a reason</source>
        <translation>%1差额 %2 超过限额：须由主管填写原因签核</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/service_messages.py" line="140"/>
        <source>shift %1 is already closed; a shift is never reopened</source>
        <translation>班次 %1 已结账；班次结账后不能重新打开</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/service_messages.py" line="146"/>
        <source>shift %1 is closed; its count is final</source>
        <translation>班次 %1 已结账；清点结果不能再改</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/service_messages.py" line="150"/>
        <source>shift %1 is closed; its reconciliation is final</source>
        <translation>班次 %1 已结账；对账结果不能再改</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/service_messages.py" line="154"/>
        <source>shift %1 is closed; print its Z report instead</source>
        <translation>班次 %1 已结账；请改为打印其 Z 报表</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/service_messages.py" line="159"/>
        <source>the drawer does not hold %1 in %2 cash: no %3; if the drawer holds more than the system knows, book a pay-in first</source>
        <translation>钱箱中的 %2 现金不足 %1：不能%3；如果钱箱里的现金比系统记录的多，请先登记放入现金</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/service_messages.py" line="169"/>
        <source>a %1 must be more than zero</source>
        <translation>%1金额必须大于零</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/service_messages.py" line="175"/>
        <source>%1 × %2 is more than a drawer or a safe bag holds (at most %3); check the count</source>
        <translation>%1 × %2 超过钱箱或保险袋的容量（最多 %3）；请核对清点数</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/service_messages.py" line="182"/>
        <source>%1 is not a %2 note or coin</source>
        <translation>%1 不是 %2 的纸币或硬币面额</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/service_messages.py" line="186"/>
        <source>no notes and coins are configured for %1</source>
        <translation>%1 未配置纸币和硬币面额</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/service_messages.py" line="190"/>
        <source>%1 is entered twice</source>
        <translation>%1 输入了两次</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/service_messages.py" line="194"/>
        <source>%1 has more decimal places than %2 allows (%3)</source>
        <translation>%1 的小数位数超过 %2 允许的位数（%3）</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/service_messages.py" line="198"/>
        <source>the reason may have at most %1 characters</source>
        <translation>原因最多 %1 个字符</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/service_messages.py" line="202"/>
        <source>the override was given to %1, not to %2</source>
        <translation>该授权用于%1，而不是%2</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/service_messages.py" line="208"/>
        <source>the override was given for %1, not for %2</source>
        <translation>该授权针对 %1，而不是 %2</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/service_messages.py" line="212"/>
        <source>the override has expired (overrides are valid for %1 minutes)</source>
        <translation>该授权已过期（授权有效期为 %1 分钟）</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/service_messages.py" line="218"/>
        <source>%1 %2 may not %3 and so cannot authorise it</source>
        <translation>%1“%2”无权%3，因此不能授权</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/service_messages.py" line="225"/>
        <source>%1 %2 may not %3, even with an override</source>
        <translation>%1“%2”无权%3，即使有授权也不行</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/service_messages.py" line="232"/>
        <source>%1 %2 may not %3; %4</source>
        <translation>%1“%2”无权%3；%4</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/service_messages.py" line="240"/>
        <source>%1 %2 may not %3: %4</source>
        <translation>%1“%2”无权%3：%4</translation>
    </message>
</context>
<context>
    <name>SlipPrinting</name>
    <message>
        <location filename="../../boxoffice/ui/cash_slips.py" line="82"/>
        <source>A Z slip is still on its way to the printer…</source>
        <extracomment>How long a slip may take to come out before it is taken back out of the queue. How often the printer&apos;s queue is looked at while a slip is on its way. How it ended: a ``PrintOutcome`` value, &quot;not_printed&quot; (the printer stopped or was too slow; the slip was taken back) or &quot;refused&quot; (nothing was recorded).</extracomment>
        <translation>上一张 Z 小票仍在发往打印机…</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/cash_slips.py" line="88"/>
        <source>Asking %1 whether it can print…</source>
        <translation>正在询问 %1 能否打印…</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/cash_slips.py" line="101"/>
        <source>Recording the Z slip…</source>
        <translation>正在记录 Z 小票…</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/cash_slips.py" line="120"/>
        <source>Print the slip of Z report %1 at %2: %3</source>
        <translation>打印 %2 的 Z 报表 %1 的小票：%3</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/cash_slips.py" line="134"/>
        <source>Printing Z slip %1 on %2…</source>
        <translation>正在 %2 上打印 Z 小票 %1…</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/cash_slips.py" line="154"/>
        <source>Z slip %1 was not printed — %2: %3. Print it again once the printer is ready.</source>
        <translation>Z 小票 %1 未打印 — %2：%3。打印机就绪后请再打印一次。</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/cash_slips.py" line="180"/>
        <source>no slip within %1 s</source>
        <translation>%1 秒内未打印出小票</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/cash_slips.py" line="194"/>
        <source>Z slip %1 printed on %2 (marked REPRINT).</source>
        <translation>Z 小票 %1 已在 %2 上打印（标注 REPRINT，即重印）。</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/cash_slips.py" line="196"/>
        <source>Z slip %1 printed on %2.</source>
        <translation>Z 小票 %1 已在 %2 上打印。</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/cash_slips.py" line="202"/>
        <source>Z slip %1 sent to %2, but the printer gave no status reply: check that it came out.</source>
        <translation>Z 小票 %1 已发送到 %2，但打印机没有回复状态：请确认小票已打出。</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/cash_slips.py" line="216"/>
        <source>Z slip %1 could not be printed on %2 (see the print log).</source>
        <translation>Z 小票 %1 无法在 %2 上打印（见打印日志）。</translation>
    </message>
</context>
<context>
    <name>SyncStatusIndicator</name>
    <message>
        <location filename="../../boxoffice/ui/widgets/sync_status.py" line="56"/>
        <source>No central server configured — working locally</source>
        <translation>未配置中央服务器 — 本地工作</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/widgets/sync_status.py" line="58"/>
        <source>Sales are kept in this terminal&apos;s local store. No central server is set up, so nothing is sent anywhere.</source>
        <translation>销售记录保存在本终端的本地数据库中。未设置中央服务器，因此不会向任何地方发送数据。</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/widgets/sync_status.py" line="65"/>
        <source>Online</source>
        <translation>在线</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/widgets/sync_status.py" line="65"/>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message numerus="yes">
        <location filename="../../boxoffice/ui/widgets/sync_status.py" line="66"/>
        <source>%n waiting</source>
        <translation>
            <numerusform>%n 项待发送</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/widgets/sync_status.py" line="69"/>
        <source>last contact %1</source>
        <translation>最后联系 %1</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/widgets/sync_status.py" line="72"/>
        <source>never in contact</source>
        <translation>从未联系</translation>
    </message>
    <message numerus="yes">
        <location filename="../../boxoffice/ui/widgets/sync_status.py" line="74"/>
        <source>%n conflict(s)</source>
        <translation>
            <numerusform>%n 个冲突</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/widgets/sync_status.py" line="77"/>
        <source>Connected to the central server; sales are sent as they happen.</source>
        <translation>已连接中央服务器；销售随时发送。</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/widgets/sync_status.py" line="80"/>
        <source>The central server is not answering. Sales continue from this terminal&apos;s allocation and are sent when it is back.</source>
        <translation>中央服务器无响应。本终端继续销售其分配的座位，服务器恢复后再发送。</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/widgets/sync_status.py" line="83"/>
        <source>Operations waiting to be sent: %1</source>
        <translation>等待发送的操作：%1</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/widgets/sync_status.py" line="87"/>
        <source>Operations the server refused: %1</source>
        <translation>服务器拒绝的操作：%1</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/widgets/sync_status.py" line="93"/>
        <source>Open conflicts for a supervisor: %1</source>
        <translation>待主管处理的冲突：%1</translation>
    </message>
</context>
<context>
    <name>XReportPage</name>
    <message>
        <location filename="../../boxoffice/ui/cash_report_pages.py" line="37"/>
        <source>Choose an open shift to see its running figures.</source>
        <translation>选择一个未结班次以查看其运行数据。</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/cash_report_pages.py" line="46"/>
        <source>No shift is open at this terminal.</source>
        <translation>本终端没有未结班次。</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/cash_report_pages.py" line="58"/>
        <source>Reading the running figures…</source>
        <translation>正在读取运行数据…</translation>
    </message>
</context>
<context>
    <name>ZReprintDialog</name>
    <message>
        <location filename="../../boxoffice/ui/cash_slips.py" line="259"/>
        <source>Reprint a Z slip</source>
        <extracomment>terminal, Z number</extracomment>
        <translation>重印 Z 小票</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/cash_slips.py" line="260"/>
        <source>&amp;Z reports closed today at %1</source>
        <translation>%1 今天已结账的 &amp;Z 报表</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/cash_slips.py" line="265"/>
        <source>Z report</source>
        <translation>Z 报表</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/cash_slips.py" line="265"/>
        <source>Clerk</source>
        <translation>售票员</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/cash_slips.py" line="265"/>
        <source>Closed</source>
        <translation>结账时间</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/cash_slips.py" line="265"/>
        <source>Slips printed</source>
        <translation>已打印小票</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/cash_slips.py" line="277"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/cash_slips.py" line="280"/>
        <source>&amp;Print slip</source>
        <translation>打印小票(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/cash_slips.py" line="284"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/cash_slips.py" line="322"/>
        <source>Every copy after the first says REPRINT and is in the print log.</source>
        <translation>第一张之后的每一张都标注 REPRINT（重印），并记入打印日志。</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/cash_slips.py" line="326"/>
        <source>No Z report has been closed at %1 today.</source>
        <translation>%1 今天还没有结账的 Z 报表。</translation>
    </message>
</context>
</TS>
