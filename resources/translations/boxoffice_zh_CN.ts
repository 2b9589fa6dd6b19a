<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>BoxOfficeApp</name>
    <message>
        <location filename="../../boxoffice/ui/shell/app.py" line="171"/>
        <source>Opening the store…</source>
        <extracomment>A scripted ``--screenshot`` gives up after this long (first demo seeding included). None: use the store&apos;s ``terminal.name`` setting once the store is open. The terminal&apos;s context, once it has started (store, name, bus, devices, sync). The one Qt adapter of the context&apos;s bus (made with the context). Every device registry made, closed at shut-down even if start-up never answered.</extracomment>
        <translation>正在打开本地数据库…</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/shell/app.py" line="196"/>
        <source>Setting up the demo venues, shows and staff (first start only)…</source>
        <translation>正在创建演示场馆、演出和员工（仅首次启动）…</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/shell/app.py" line="212"/>
        <source>This store has no users yet. Create one with “boxoffice-admin user add”, or start with --demo.</source>
        <translation>此数据库还没有用户。请用“boxoffice-admin user add”创建用户，或使用 --demo 启动。</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/shell/app.py" line="225"/>
        <source>The store could not be opened: %1</source>
        <translation>无法打开本地数据库：%1</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/shell/app.py" line="248"/>
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
        <translation>银行卡结算合计（取自 POS 机的结算单）(&amp;B)</translation>
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
        <translation>未录入银行卡结算合计：刷卡收入将不做核对。</translation>
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
        <location filename="../../boxoffice/ui/screens/cash/screen.py" line="120"/>
        <source>Cash — %1</source>
        <extracomment>A step that takes longer than this shows a progress bar. Z slips on this terminal&apos;s receipt printer; None when there is none. Where Save PDF/CSV writes; replaced in tests (the file dialog blocks).</extracomment>
        <translation>现金 — %1</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/cash/screen.py" line="127"/>
        <source>Cash drawer at %1</source>
        <translation>%1的钱箱</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/cash/screen.py" line="129"/>
        <source>Signed in: %1</source>
        <translation>已登录：%1</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/cash/screen.py" line="135"/>
        <source>&amp;Which shift</source>
        <translation>选择班次(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/cash/screen.py" line="155"/>
        <source>&amp;Drawer</source>
        <translation>钱箱(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/cash/screen.py" line="156"/>
        <source>C&amp;lose shift</source>
        <translation>交班(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/cash/screen.py" line="157"/>
        <source>&amp;X report</source>
        <translation>班中报表（X）(&amp;X)</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/cash/screen.py" line="158"/>
        <source>Day &amp;end</source>
        <translation>日结(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/cash/screen.py" line="176"/>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/cash/screen.py" line="179"/>
        <source>Save &amp;PDF…</source>
        <translation>保存 PDF(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/cash/screen.py" line="181"/>
        <source>Save CS&amp;V…</source>
        <translation>保存 CSV(&amp;V)…</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/cash/screen.py" line="183"/>
        <source>Print &amp;Z slip</source>
        <translation>打印交班单(&amp;Z)</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/cash/screen.py" line="184"/>
        <source>Print the Z report on the receipt printer</source>
        <translation>在小票打印机上打印交班报表（Z）</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/cash/screen.py" line="187"/>
        <source>Pic&amp;k a Z slip to reprint…</source>
        <translation>选择要补打的交班单(&amp;K)…</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/cash/screen.py" line="189"/>
        <source>Print the slip of a Z report closed today at this terminal again</source>
        <translation>再次打印本售票窗口今天已交班的某份交班报表（Z）的交班单</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/cash/screen.py" line="300"/>
        <source>Shift %1 — %2 (%3), opened %4</source>
        <translation>班次%1 — %2（%3），开班于%4</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/cash/screen.py" line="389"/>
        <source>Still working on the last step…</source>
        <translation>上一步仍在处理中…</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/cash/screen.py" line="431"/>
        <source>Something went wrong: %1</source>
        <translation>出现错误：%1</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/cash/screen.py" line="437"/>
        <source>Please confirm</source>
        <translation>请确认</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/cash/screen.py" line="440"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/cash/screen.py" line="526"/>
        <source>There is no report on this tab to save yet.</source>
        <translation>此页还没有可保存的报表。</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/cash/screen.py" line="529"/>
        <source>Save the report as PDF</source>
        <translation>将报表保存为 PDF</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/cash/screen.py" line="529"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/cash/screen.py" line="531"/>
        <source>Save the report as CSV</source>
        <translation>将报表保存为 CSV</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/cash/screen.py" line="531"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/cash/screen.py" line="540"/>
        <source>Saved %1.</source>
        <translation>已保存%1。</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/cash/screen.py" line="541"/>
        <source>Writing %1…</source>
        <translation>正在写入%1…</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/cash/screen.py" line="548"/>
        <location filename="../../boxoffice/ui/screens/cash/screen.py" line="558"/>
        <source>No receipt printer is set up at this terminal.</source>
        <translation>本售票窗口未设置小票打印机。</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/cash/screen.py" line="551"/>
        <source>Close a shift first: its Z report is then printed.</source>
        <translation>请先交班：之后才能打印它的交班报表（Z）。</translation>
    </message>
</context>
<context>
    <name>ClosePage</name>
    <message>
        <location filename="../../boxoffice/ui/screens/cash/close_page.py" line="61"/>
        <source>There is no open shift to close at this terminal.</source>
        <extracomment>What this page tells the screen (it connects them). Batch lines already stored per shift, so a retried close does not store them again. Shifts whose stored count may be replaced: the supervisor&apos;s override (none needed when the user may sign off variances themselves).</extracomment>
        <translation>本售票窗口没有需要交班的班次。</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/cash/close_page.py" line="82"/>
        <source>Count every note and coin in the drawer. The count is blind: what the drawer should hold appears on the Z report, after your count is stored.</source>
        <translation>请清点钱箱中的每一张纸币和每一枚硬币。本次为盲盘：钱箱应有金额要等您的清点结果保存后，才会出现在交班报表（Z）上。</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/cash/close_page.py" line="88"/>
        <source>Cou&amp;nt the drawer</source>
        <translation>清点钱箱(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/cash/close_page.py" line="95"/>
        <source>Recount…</source>
        <translation>重新清点…</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/cash/close_page.py" line="96"/>
        <source>Count the drawer again (a supervisor approves)</source>
        <translation>重新清点钱箱（需主管授权）</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/cash/close_page.py" line="106"/>
        <source>&amp;Gift vouchers counted</source>
        <translation>已清点礼品卡(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/cash/close_page.py" line="114"/>
        <source>(paper vouchers taken today, if the venue counts them)</source>
        <translation>（今天收到的纸质兑换券，如场馆要求清点）</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/cash/close_page.py" line="120"/>
        <source>&amp;Close shift</source>
        <translation>交班(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/cash/close_page.py" line="171"/>
        <source>Close your shift %1 (opened %2)</source>
        <translation>为您的班次%1交班（开班于%2）</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/cash/close_page.py" line="177"/>
        <source>Close shift %1 of %2 (opened %3)</source>
        <translation>为%2的班次%1交班（开班于%3）</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/cash/close_page.py" line="200"/>
        <source>The drawer was counted at %1: %2. Closing uses this count.</source>
        <translation>钱箱已于%1清点：%2。交班将使用此清点结果。</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/cash/close_page.py" line="211"/>
        <source>Your role may not close this shift: ask a supervisor.</source>
        <translation>您的角色不能为此班次交班：请联系主管。</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/cash/close_page.py" line="221"/>
        <source>Count of %1</source>
        <translation>%1清点</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/cash/close_page.py" line="260"/>
        <source>Count shift %1 again: the count on record will be replaced.</source>
        <translation>重新清点班次%1：已保存的清点结果将被替换。</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/cash/close_page.py" line="273"/>
        <source>Recount approved: count the drawer again, then close.</source>
        <translation>已授权重新清点：请再次清点钱箱，然后交班。</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/cash/close_page.py" line="305"/>
        <source>Close shift %1 with %2 counted? The count cannot be changed afterwards without a supervisor.</source>
        <translation>以清点金额%2为班次%1交班？此后没有主管授权不能再更改清点结果。</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/cash/close_page.py" line="310"/>
        <source>Close shift %1 now?</source>
        <translation>现在为班次%1交班？</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/cash/close_page.py" line="313"/>
        <source>Close shift</source>
        <translation>交班</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/cash/close_page.py" line="341"/>
        <source>Closing the shift…</source>
        <translation>正在交班…</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/cash/close_page.py" line="380"/>
        <source>Shift %1 is closed: Z report %2.</source>
        <translation>班次%1已交班：交班报表（Z）%2。</translation>
    </message>
</context>
<context>
    <name>DayEndPage</name>
    <message>
        <location filename="../../boxoffice/ui/screens/cash/day_end_page.py" line="44"/>
        <source>Business da&amp;y</source>
        <extracomment>What this page tells the screen (it connects them).</extracomment>
        <translation>营业日(&amp;Y)</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/cash/day_end_page.py" line="53"/>
        <source>Pick a day to see its figures.</source>
        <translation>选择日期以查看当日数据。</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/cash/day_end_page.py" line="64"/>
        <source>(venue time: %1)</source>
        <translation>（场馆时间：%1）</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/cash/day_end_page.py" line="80"/>
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
        <translation>%1的数量</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/widgets/denomination_count.py" line="136"/>
        <source>%1: “%2” is not a number of notes or coins (0 or more).</source>
        <translation>%1：“%2”不是有效的张数或枚数（0 或以上）。</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/widgets/denomination_count.py" line="142"/>
        <source>%1: %2 is more than %3 — please check the count.</source>
        <translation>%1：%2超过%3 — 请核对清点结果。</translation>
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
        <location filename="../../boxoffice/ui/screens/devices/settings_panel.py" line="66"/>
        <source>Ticket printer</source>
        <translation>门票打印机</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/devices/settings_panel.py" line="67"/>
        <source>Receipt printer</source>
        <translation>小票打印机</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/devices/settings_panel.py" line="68"/>
        <source>Cash drawer</source>
        <translation>钱箱</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/devices/settings_panel.py" line="69"/>
        <source>Scanner</source>
        <translation>扫描枪</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/devices/settings_panel.py" line="70"/>
        <source>Card terminal</source>
        <translation>POS 机</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/devices/settings_panel.py" line="76"/>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/devices/settings_panel.py" line="77"/>
        <source>Busy</source>
        <translation>忙碌</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/devices/settings_panel.py" line="78"/>
        <source>Not checked yet</source>
        <translation>尚未检测</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/devices/settings_panel.py" line="79"/>
        <source>Not set up</source>
        <translation>未设置</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/devices/settings_panel.py" line="80"/>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/devices/settings_panel.py" line="81"/>
        <source>Fault</source>
        <translation>故障</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/devices/settings_panel.py" line="87"/>
        <source>ticket barcode</source>
        <translation>门票条码</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/devices/settings_panel.py" line="88"/>
        <source>ticket serial</source>
        <translation>票号</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/devices/settings_panel.py" line="89"/>
        <source>order number</source>
        <translation>订单号</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/devices/settings_panel.py" line="90"/>
        <source>WeChat Pay payment code</source>
        <translation>微信支付付款码</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/devices/settings_panel.py" line="91"/>
        <source>Alipay payment code</source>
        <translation>支付宝付款码</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/devices/settings_panel.py" line="92"/>
        <source>other code</source>
        <translation>其他码</translation>
    </message>
</context>
<context>
    <name>DeviceSettingsPanel</name>
    <message>
        <location filename="../../boxoffice/ui/screens/devices/settings_panel.py" line="120"/>
        <source>&amp;Devices at this terminal</source>
        <translation>本售票窗口设备(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/devices/settings_panel.py" line="126"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/devices/settings_panel.py" line="127"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/devices/settings_panel.py" line="128"/>
        <source>Driver</source>
        <translation>驱动</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/devices/settings_panel.py" line="129"/>
        <source>Where</source>
        <translation>连接</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/devices/settings_panel.py" line="130"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/devices/settings_panel.py" line="143"/>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/devices/settings_panel.py" line="144"/>
        <source>&amp;Test print</source>
        <translation>打印测试页(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/devices/settings_panel.py" line="145"/>
        <source>Open dra&amp;wer</source>
        <translation>打开钱箱(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/devices/settings_panel.py" line="168"/>
        <source>&amp;Name</source>
        <translation>名称(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/devices/settings_panel.py" line="169"/>
        <source>&amp;Kind</source>
        <translation>类型(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/devices/settings_panel.py" line="170"/>
        <source>Dri&amp;ver</source>
        <translation>驱动(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/devices/settings_panel.py" line="171"/>
        <source>&amp;Options</source>
        <translation>参数(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/devices/settings_panel.py" line="175"/>
        <source>&amp;Save device</source>
        <translation>保存设备(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/devices/settings_panel.py" line="176"/>
        <source>New d&amp;evice</source>
        <translation>新建设备(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/devices/settings_panel.py" line="177"/>
        <source>Re&amp;move</source>
        <translation>删除(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/devices/settings_panel.py" line="182"/>
        <source>Set up a device</source>
        <translation>设备设置</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/devices/settings_panel.py" line="190"/>
        <source>Scan a code here (or type it and press Enter)</source>
        <translation>在此扫码（或手动输入后按回车）</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/devices/settings_panel.py" line="192"/>
        <source>No scan yet.</source>
        <translation>尚未扫码。</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/devices/settings_panel.py" line="195"/>
        <source>S&amp;canner test</source>
        <translation>扫描枪测试(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/devices/settings_panel.py" line="300"/>
        <source>No driver for this kind is installed yet.</source>
        <translation>尚未安装此类设备的驱动。</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/devices/settings_panel.py" line="329"/>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/devices/settings_panel.py" line="337"/>
        <source>Saved %1.</source>
        <translation>已保存%1。</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/devices/settings_panel.py" line="344"/>
        <source>Choose a device first.</source>
        <translation>请先选择设备。</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/devices/settings_panel.py" line="349"/>
        <source>Removed %1.</source>
        <translation>已删除%1。</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/devices/settings_panel.py" line="358"/>
        <source>Choose a printer in the list first.</source>
        <translation>请先在列表中选择打印机。</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/devices/settings_panel.py" line="361"/>
        <source>%1 is not a printer.</source>
        <translation>%1不是打印机。</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/devices/settings_panel.py" line="363"/>
        <source>Sending a test page to %1…</source>
        <translation>正在向%1发送测试页…</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/devices/settings_panel.py" line="373"/>
        <source>Opening the drawer…</source>
        <translation>正在打开钱箱…</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/devices/settings_panel.py" line="377"/>
        <source>No-sale recorded; the drawer opens now.</source>
        <translation>已记录无销售开箱；钱箱即将打开。</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/devices/settings_panel.py" line="384"/>
        <source>%1: test page sent.</source>
        <translation>%1：测试页已发送。</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/devices/settings_panel.py" line="386"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/devices/settings_panel.py" line="398"/>
        <source>From %1: &lt;b&gt;%2&lt;/b&gt; — %3</source>
        <translation>来自%1：&lt;b&gt;%2&lt;/b&gt; — %3</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/devices/settings_panel.py" line="407"/>
        <source>keyboard</source>
        <translation>键盘</translation>
    </message>
</context>
<context>
    <name>DoorScreen</name>
    <message>
        <location filename="../../boxoffice/ui/screens/door/screen.py" line="80"/>
        <source>Door: %1</source>
        <extracomment>Background colour of the verdict panel: go, stop, or go but look.</extracomment>
        <translation>检票口：%1</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/door/screen.py" line="83"/>
        <source>Scan a ticket or type its serial, then Enter</source>
        <translation>扫描门票或输入票号，然后按回车</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/door/screen.py" line="85"/>
        <source>&amp;Check</source>
        <translation>检票(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/door/screen.py" line="91"/>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/door/screen.py" line="93"/>
        <source>Waiting for the first scan</source>
        <translation>等待首次扫描</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/door/screen.py" line="114"/>
        <source>Verdict</source>
        <extracomment>Admitted against expected for the door&apos;s performances, read again on change-sets.</extracomment>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/door/screen.py" line="114"/>
        <source>Ticket</source>
        <translation>门票</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/door/screen.py" line="114"/>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/door/screen.py" line="143"/>
        <source>Checking…</source>
        <translation>正在验票…</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/door/screen.py" line="159"/>
        <source>ADMIT</source>
        <translation>准许入场</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/door/screen.py" line="161"/>
        <source>ADMIT %1</source>
        <translation>准许入场%1人</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/door/screen.py" line="172"/>
        <source>Inside now: %1</source>
        <translation>场内人数：%1</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/door/screen.py" line="211"/>
        <source>%1: %2 of %3 admitted</source>
        <translation>%1：已入场%2/%3</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/door/screen.py" line="214"/>
        <source> (%1 double admissions)</source>
        <translation>（重复入场%1次）</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/door/screen.py" line="222"/>
        <source>NO VERDICT</source>
        <translation>无法判定</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/door/screen.py" line="228"/>
        <source>WENT OUT</source>
        <translation>已出场</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/door/screen.py" line="229"/>
        <source>ALREADY IN</source>
        <translation>已入场</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/door/screen.py" line="230"/>
        <source>NOT VALID</source>
        <translation>票已失效</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/door/screen.py" line="231"/>
        <source>FORGED</source>
        <translation>伪造票</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/door/screen.py" line="232"/>
        <source>NOT A TICKET</source>
        <translation>非门票</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/door/screen.py" line="233"/>
        <source>WRONG PERFORMANCE</source>
        <translation>场次不符</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/door/screen.py" line="234"/>
        <source>WRONG EVENT</source>
        <translation>演出不符</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/door/screen.py" line="235"/>
        <source>TOO EARLY</source>
        <translation>未到检票时间</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/door/screen.py" line="236"/>
        <source>EXPIRED</source>
        <translation>已过期</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/door/screen.py" line="237"/>
        <source>NOT PAID</source>
        <translation>未付款</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/door/screen.py" line="238"/>
        <source>UNKNOWN</source>
        <translation>查无此票</translation>
    </message>
</context>
<context>
    <name>DrawerPage</name>
    <message>
        <location filename="../../boxoffice/ui/screens/cash/drawer_page.py" line="64"/>
        <source>Open your shift</source>
        <extracomment>What this page tells the screen (it connects them).</extracomment>
        <translation>开班</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/cash/drawer_page.py" line="68"/>
        <source>Count the float into the drawer note by note and coin by coin. Enter or ↓ moves to the next row.</source>
        <translation>逐张逐枚清点装入钱箱的备用金。回车或 ↓ 移到下一行。</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/cash/drawer_page.py" line="77"/>
        <source>C&amp;urrency</source>
        <translation>币种(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/cash/drawer_page.py" line="85"/>
        <source>&amp;Open shift</source>
        <translation>开班(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/cash/drawer_page.py" line="121"/>
        <source>Opening the shift…</source>
        <translation>正在开班…</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/cash/drawer_page.py" line="127"/>
        <source>Shift opened with a float of %1.</source>
        <translation>已开班，备用金%1。</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/cash/drawer_page.py" line="154"/>
        <source>e.g. taxi for the artist, change from the safe</source>
        <translation>例如：艺人打车费、从保险柜取零钱</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/cash/drawer_page.py" line="155"/>
        <source>&amp;Amount</source>
        <translation>金额(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/cash/drawer_page.py" line="157"/>
        <source>Rea&amp;son</source>
        <translation>原因(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/cash/drawer_page.py" line="163"/>
        <source>Drop to sa&amp;fe</source>
        <translation>投库(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/cash/drawer_page.py" line="164"/>
        <source>Take cash out of the drawer into the safe</source>
        <translation>从钱箱取出现金投库（交入保险柜）</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/cash/drawer_page.py" line="166"/>
        <source>Pay &amp;in</source>
        <translation>补入现金(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/cash/drawer_page.py" line="167"/>
        <source>Put cash into the drawer (not a sale)</source>
        <translation>向钱箱补入现金（非销售）</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/cash/drawer_page.py" line="169"/>
        <source>Pay ou&amp;t</source>
        <translation>支出现金(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/cash/drawer_page.py" line="171"/>
        <source>Pay cash out of the drawer; large amounts need a supervisor</source>
        <translation>从钱箱支出现金；大额需主管授权</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/cash/drawer_page.py" line="178"/>
        <source>Drops, pay-ins and pay-outs this shift</source>
        <translation>本班次的投库、补入现金与支出现金</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/cash/drawer_page.py" line="183"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/cash/drawer_page.py" line="183"/>
        <source>What</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/cash/drawer_page.py" line="183"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/cash/drawer_page.py" line="183"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/cash/drawer_page.py" line="183"/>
        <source>By</source>
        <translation>经办人</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/cash/drawer_page.py" line="207"/>
        <source>Drop to the safe</source>
        <translation>投库</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/cash/drawer_page.py" line="208"/>
        <source>Pay-in</source>
        <translation>补入现金</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/cash/drawer_page.py" line="209"/>
        <source>Pay-out</source>
        <translation>支出现金</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/cash/drawer_page.py" line="228"/>
        <source>Recording…</source>
        <translation>正在记录…</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/cash/drawer_page.py" line="238"/>
        <source>%1 of %2 recorded.</source>
        <translation>已记录%1：%2。</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/cash/drawer_page.py" line="247"/>
        <source>Pay-out of %1 (“%2”) is over the limit:</source>
        <translation>支出%1（“%2”）超过限额：</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/cash/drawer_page.py" line="253"/>
        <source>A supervisor must approve this pay-out.</source>
        <translation>此笔支出需要主管授权。</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/cash/drawer_page.py" line="284"/>
        <source>Your role may not open a shift: ask a supervisor.</source>
        <translation>您的角色不能开班：请联系主管。</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/cash/drawer_page.py" line="290"/>
        <source>Shift %1 is open — %2 (%3)</source>
        <translation>班次%1进行中 — %2（%3）</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/cash/drawer_page.py" line="296"/>
        <source>Opened %1 at %2.</source>
        <translation>于%1在%2开班。</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/cash/drawer_page.py" line="301"/>
        <source>The cash was counted at %1; close the shift next.</source>
        <translation>现金已于%1清点；下一步请交班。</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/cash/drawer_page.py" line="318"/>
        <source>None yet.</source>
        <translation>暂无。</translation>
    </message>
</context>
<context>
    <name>ErrorText</name>
    <message>
        <location filename="../../boxoffice/ui/common/error_text.py" line="27"/>
        <source>Something went wrong: %1</source>
        <translation>出现错误：%1</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../boxoffice/ui/shell/login_dialog.py" line="88"/>
        <source>Box Office — Sign in</source>
        <translation>票房 — 登录</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/shell/login_dialog.py" line="93"/>
        <source>Box Office</source>
        <translation>票房售票系统</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/shell/login_dialog.py" line="174"/>
        <source>Sign in to terminal “%1”</source>
        <translation>登录售票窗口“%1”</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/shell/login_dialog.py" line="102"/>
        <source>Username</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/shell/login_dialog.py" line="107"/>
        <source>PIN</source>
        <translation>PIN 码</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/shell/login_dialog.py" line="114"/>
        <source>&amp;Username</source>
        <translation>用户名(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/shell/login_dialog.py" line="116"/>
        <source>&amp;PIN</source>
        <translation>PIN 码(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/shell/login_dialog.py" line="120"/>
        <location filename="../../boxoffice/ui/shell/login_dialog.py" line="172"/>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/shell/login_dialog.py" line="123"/>
        <source>Sign in (Enter)</source>
        <translation>登录（回车）</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/shell/login_dialog.py" line="255"/>
        <source>Enter your username.</source>
        <translation>请输入用户名。</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/shell/login_dialog.py" line="259"/>
        <source>Enter your PIN.</source>
        <translation>请输入 PIN 码。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../boxoffice/ui/shell/main_window.py" line="142"/>
        <source>Box Office — %1 — %2</source>
        <extracomment>The permission each screen opened from the menus needs (the services check again). The sync worker&apos;s state; None: working alone.</extracomment>
        <translation>票房 — %1 — %2</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/shell/main_window.py" line="156"/>
        <source>Find event or venue (Ctrl+F)</source>
        <translation>查找演出或场馆（Ctrl+F）</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/shell/main_window.py" line="160"/>
        <source>Performance</source>
        <translation>场次</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/shell/main_window.py" line="160"/>
        <source>Starts (local)</source>
        <translation>开演（当地时间）</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/shell/main_window.py" line="160"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/shell/main_window.py" line="180"/>
        <source>&amp;Performances</source>
        <translation>场次(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/shell/main_window.py" line="191"/>
        <source>No performance selected</source>
        <translation>未选择场次</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/shell/main_window.py" line="215"/>
        <source>P&amp;rices</source>
        <translation>票价(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/shell/main_window.py" line="219"/>
        <source>Price type</source>
        <translation>票种</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/shell/main_window.py" line="219"/>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/shell/main_window.py" line="228"/>
        <source>Prices include tax.</source>
        <translation>票价已含税。</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/shell/main_window.py" line="267"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/shell/main_window.py" line="269"/>
        <source>&amp;Log out</source>
        <translation>退出登录(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/shell/main_window.py" line="269"/>
        <source>Sign out and hand over</source>
        <translation>退出登录，交接给下一位</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/shell/main_window.py" line="271"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/shell/main_window.py" line="276"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/shell/main_window.py" line="278"/>
        <source>Zoom &amp;in</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/shell/main_window.py" line="281"/>
        <source>Zoom &amp;out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/shell/main_window.py" line="283"/>
        <source>&amp;Fit seat map</source>
        <translation>显示全图(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/shell/main_window.py" line="288"/>
        <source>F&amp;ind performance</source>
        <translation>查找场次(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/shell/main_window.py" line="290"/>
        <source>Go to &amp;performances</source>
        <translation>转到场次列表(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/shell/main_window.py" line="293"/>
        <source>Go to &amp;seat map</source>
        <translation>转到座位图(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/shell/main_window.py" line="296"/>
        <source>Go to p&amp;rices</source>
        <translation>转到票价(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/shell/main_window.py" line="299"/>
        <source>&amp;Clear seat selection</source>
        <translation>清除已选座位(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/shell/main_window.py" line="310"/>
        <source>&amp;Cash</source>
        <translation>现金(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/shell/main_window.py" line="312"/>
        <source>&amp;Drawer (open shift, drop, pay-in, pay-out)…</source>
        <translation>钱箱（开班、投库、补入现金、支出现金）(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/shell/main_window.py" line="317"/>
        <source>&amp;Close shift (count and Z report)…</source>
        <translation>交班（清点与交班报表（Z））(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/shell/main_window.py" line="322"/>
        <source>&amp;X report…</source>
        <translation>班中报表（X）(&amp;X)…</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/shell/main_window.py" line="325"/>
        <source>Day &amp;end…</source>
        <translation>日结(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/shell/main_window.py" line="335"/>
        <source>&amp;Door</source>
        <translation>检票(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/shell/main_window.py" line="337"/>
        <source>&amp;Check tickets at the door…</source>
        <translation>检票口检票(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/shell/main_window.py" line="340"/>
        <source>&amp;Terminal</source>
        <translation>售票窗口(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/shell/main_window.py" line="342"/>
        <source>&amp;Devices at this terminal…</source>
        <translation>本售票窗口设备(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/shell/main_window.py" line="357"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/shell/main_window.py" line="358"/>
        <source>&amp;About Box Office</source>
        <translation>关于售票系统(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/shell/main_window.py" line="657"/>
        <source>&lt;h3&gt;Box Office&lt;/h3&gt;&lt;p&gt;Offline-first point of sale for venue box offices.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Keyboard&lt;/b&gt;&lt;br&gt;Alt+1 performances · Alt+2 seat map · Alt+3 prices · Ctrl+F find&lt;br&gt;Seat map: arrow keys move, Space selects, Esc clears, + / − zoom, 0 fits&lt;br&gt;Cash: Ctrl+Shift+D drawer · Ctrl+Shift+C close shift · Ctrl+Shift+X X report · Ctrl+Shift+E day end&lt;br&gt;Ctrl+Shift+K door check-in · Ctrl+Shift+V devices at this terminal&lt;br&gt;Ctrl+L log out · Ctrl+Q quit&lt;/p&gt;</source>
        <translation>&lt;h3&gt;票房&lt;/h3&gt;&lt;p&gt;面向场馆票房、离线优先的售票系统。&lt;/p&gt;&lt;p&gt;&lt;b&gt;键盘操作&lt;/b&gt;&lt;br&gt;Alt+1 场次 · Alt+2 座位图 · Alt+3 票价 · Ctrl+F 查找&lt;br&gt;座位图：方向键移动，空格键选择，Esc 清除，+ / − 缩放，0 显示全图&lt;br&gt;现金：Ctrl+Shift+D 钱箱 · Ctrl+Shift+C 交班 · Ctrl+Shift+X 班中报表（X） · Ctrl+Shift+E 日结&lt;br&gt;Ctrl+Shift+K 检票 · Ctrl+Shift+V 本售票窗口设备&lt;br&gt;Ctrl+L 退出登录 · Ctrl+Q 退出&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/shell/main_window.py" line="734"/>
        <source>Devices at this terminal</source>
        <translation>本售票窗口设备</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/shell/main_window.py" line="375"/>
        <source>Scheduled</source>
        <translation>已排期</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/shell/main_window.py" line="376"/>
        <source>On sale</source>
        <translation>在售</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/shell/main_window.py" line="377"/>
        <source>Off sale</source>
        <translation>停售</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/shell/main_window.py" line="378"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/shell/main_window.py" line="384"/>
        <source>Adult</source>
        <translation>成人</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/shell/main_window.py" line="385"/>
        <source>Concession</source>
        <translation>优惠</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/shell/main_window.py" line="386"/>
        <source>Child</source>
        <translation>儿童</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/shell/main_window.py" line="387"/>
        <source>Senior</source>
        <translation>老年</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/shell/main_window.py" line="388"/>
        <source>Student</source>
        <translation>学生</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/shell/main_window.py" line="389"/>
        <source>Group (10+)</source>
        <translation>团体（10人以上）</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/shell/main_window.py" line="390"/>
        <source>VIP presale</source>
        <translation>VIP 预售</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/shell/main_window.py" line="391"/>
        <source>Complimentary</source>
        <translation>赠票</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/shell/main_window.py" line="402"/>
        <source>ddd d MMM yyyy</source>
        <comment>date format</comment>
        <translation>yyyy年M月d日 ddd</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/shell/main_window.py" line="404"/>
        <source>ddd d MMM</source>
        <comment>short date format</comment>
        <translation>M月d日 ddd</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/shell/main_window.py" line="412"/>
        <source>Loading performances…</source>
        <translation>正在加载场次…</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/shell/main_window.py" line="445"/>
        <source>There are no performances yet. An administrator adds them.</source>
        <translation>还没有场次，请由管理员添加。</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/shell/main_window.py" line="482"/>
        <source>Loading seat map…</source>
        <translation>正在加载座位图…</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/shell/main_window.py" line="508"/>
        <source>This seat map has no seats.</source>
        <translation>此座位图没有座位。</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/shell/main_window.py" line="515"/>
        <source>Standing only — sold by quantity, not by seat.</source>
        <translation>仅站票 — 按数量出售，不选座位。</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/shell/main_window.py" line="521"/>
        <source>Could not load: %1</source>
        <translation>无法加载：%1</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/shell/main_window.py" line="522"/>
        <source>Box Office</source>
        <translation>票房</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/shell/main_window.py" line="558"/>
        <source>Held</source>
        <translation>预留</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/shell/main_window.py" line="559"/>
        <source>Killed</source>
        <translation>封座</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/shell/main_window.py" line="560"/>
        <source>Sold</source>
        <translation>已售</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/shell/main_window.py" line="561"/>
        <source>Selected</source>
        <translation>已选</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/shell/main_window.py" line="563"/>
        <source>Dashed ring: keyboard cursor (arrow keys, Space selects)</source>
        <translation>虚线圆圈：键盘光标（方向键移动，空格键选择）</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/shell/main_window.py" line="595"/>
        <source>No prices set</source>
        <translation>尚未设置票价</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/shell/main_window.py" line="610"/>
        <source>No seats selected — click a seat, or use the arrow keys and Space.</source>
        <translation>未选座位 — 点击座位，或使用方向键和空格键。</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/shell/main_window.py" line="617"/>
        <source>%1 row %2 seat %3</source>
        <translation>%1 %2排%3座</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/shell/main_window.py" line="624"/>
        <source> and %1 more</source>
        <translation> 等另外%1个</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/shell/main_window.py" line="627"/>
        <source>Selected (%1): %2</source>
        <translation>已选（%1）：%2</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/shell/main_window.py" line="633"/>
        <source>%1 row %2 seat %3 is not for sale: %4</source>
        <translation>%1 %2排%3座不可出售：%4</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/shell/main_window.py" line="644"/>
        <location filename="../../boxoffice/ui/shell/main_window.py" line="645"/>
        <source>Working…</source>
        <translation>处理中…</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/shell/main_window.py" line="655"/>
        <source>About Box Office</source>
        <translation>关于售票系统</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/shell/status_bar.py" line="29"/>
        <source>Clerk</source>
        <extracomment>The translation context of these texts (literal in each call, so pyside6-lupdate finds them).</extracomment>
        <translation>售票员</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/shell/status_bar.py" line="30"/>
        <source>Supervisor</source>
        <translation>主管</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/shell/status_bar.py" line="31"/>
        <source>Door staff</source>
        <translation>检票员</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/shell/status_bar.py" line="32"/>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/shell/status_bar.py" line="50"/>
        <source>Signed in: %1 (%2)</source>
        <translation>已登录：%1（%2）</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/shell/status_bar.py" line="55"/>
        <source>Role: %1</source>
        <translation>角色：%1</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/shell/status_bar.py" line="57"/>
        <source>Terminal: %1</source>
        <translation>售票窗口：%1</translation>
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
        <translation>“%1”不是有效的%2金额。</translation>
    </message>
</context>
<context>
    <name>OpRunner</name>
    <message>
        <location filename="../../boxoffice/ui/common/op_runner.py" line="138"/>
        <source>Box Office</source>
        <extracomment>The override dialog on screen, if any (tests answer it). The last refusal shown in a message box (tests read it).</extracomment>
        <translation>票房</translation>
    </message>
</context>
<context>
    <name>OverrideDialog</name>
    <message>
        <location filename="../../boxoffice/ui/common/override_dialog.py" line="69"/>
        <source>Supervisor approval</source>
        <extracomment>(``OverrideGrant`` or None, reason): the action may be retried with it.</extracomment>
        <translation>主管授权</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/common/override_dialog.py" line="69"/>
        <source>Sign off</source>
        <translation>审核确认</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/common/override_dialog.py" line="82"/>
        <source>Why (kept in the audit log)</source>
        <translation>原因（记入审计日志）</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/common/override_dialog.py" line="86"/>
        <source>&amp;Supervisor</source>
        <translation>主管(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/common/override_dialog.py" line="87"/>
        <source>&amp;PIN</source>
        <translation>PIN 码(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/common/override_dialog.py" line="91"/>
        <source>&amp;Reason</source>
        <translation>原因(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/common/override_dialog.py" line="98"/>
        <source>&amp;Authorise</source>
        <translation>授权(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/common/override_dialog.py" line="98"/>
        <source>Sign &amp;off</source>
        <translation>审核确认(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/common/override_dialog.py" line="101"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/common/override_dialog.py" line="129"/>
        <source>Type the supervisor&apos;s username.</source>
        <translation>请输入主管的用户名。</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/common/override_dialog.py" line="133"/>
        <source>Type the supervisor&apos;s PIN.</source>
        <translation>请输入主管的 PIN 码。</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/common/override_dialog.py" line="137"/>
        <source>Give a reason: it is kept with the approval.</source>
        <translation>请填写原因：它会与授权记录一起保存。</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/common/override_dialog.py" line="146"/>
        <source>Checking…</source>
        <translation>正在核对…</translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message>
        <location filename="../../boxoffice/ui/shell/login_dialog.py" line="54"/>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/shell/login_dialog.py" line="55"/>
        <source>Clear the PIN (Esc)</source>
        <translation>清除 PIN 码（Esc）</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/shell/login_dialog.py" line="60"/>
        <source>Delete the last digit (Backspace)</source>
        <translation>删除最后一位（退格键）</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/shell/login_dialog.py" line="61"/>
        <source>Backspace</source>
        <translation>退格</translation>
    </message>
</context>
<context>
    <name>ReportText</name>
    <message>
        <location filename="../../boxoffice/ui/widgets/report_text.py" line="22"/>
        <source>Day end</source>
        <extracomment>Every fixed text of the Z/X and day-end reports (``reports.zx``, ``reports.day_end``).</extracomment>
        <translation>日结</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/widgets/report_text.py" line="23"/>
        <source>Terminal</source>
        <translation>售票窗口</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/widgets/report_text.py" line="24"/>
        <source>Clerk</source>
        <translation>售票员</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/widgets/report_text.py" line="25"/>
        <source>Shift</source>
        <translation>班次</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/widgets/report_text.py" line="26"/>
        <source>Opened</source>
        <translation>开班</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/widgets/report_text.py" line="27"/>
        <source>Time zone</source>
        <translation>时区</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/widgets/report_text.py" line="28"/>
        <source>Closed</source>
        <translation>交班时间</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/widgets/report_text.py" line="29"/>
        <source>Closed by</source>
        <translation>交班人</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/widgets/report_text.py" line="30"/>
        <source>Z number</source>
        <translation>交班报表（Z）编号</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/widgets/report_text.py" line="31"/>
        <source>Unsynced operations</source>
        <translation>未同步操作</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/widgets/report_text.py" line="32"/>
        <source>Variance signed off</source>
        <translation>长短款审核确认</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/widgets/report_text.py" line="33"/>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/widgets/report_text.py" line="34"/>
        <source>As of</source>
        <translation>截至</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/widgets/report_text.py" line="35"/>
        <source>X report: running figures. The shift stays open; nothing is reset.</source>
        <translation>班中报表（X）：实时数据。班次仍未交班，数据不清零。</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/widgets/report_text.py" line="46"/>
        <source>Expected and counted</source>
        <translation>应有与实点</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/widgets/report_text.py" line="47"/>
        <source>Cash drawer</source>
        <translation>钱箱</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/widgets/report_text.py" line="48"/>
        <source>Takings by tender</source>
        <translation>按支付方式的收入</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/widgets/report_text.py" line="49"/>
        <source>Card reconciliation</source>
        <translation>刷卡对账</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/widgets/report_text.py" line="50"/>
        <source>Counted by denomination</source>
        <translation>按面额清点</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/widgets/report_text.py" line="51"/>
        <source>Activity</source>
        <translation>业务量</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/widgets/report_text.py" line="52"/>
        <source>Terminals</source>
        <translation>售票窗口</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/widgets/report_text.py" line="53"/>
        <source>Venue totals</source>
        <translation>场馆合计</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/widgets/report_text.py" line="54"/>
        <source>Cash drawers</source>
        <translation>钱箱合计</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/widgets/report_text.py" line="56"/>
        <source>Sign-offs and flags</source>
        <translation>审核确认与标记</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/widgets/report_text.py" line="57"/>
        <source>source: &apos;server&apos; = from the central server; &apos;local&apos; = this store only; &apos;local+server&apos; = this store, checked against the server&apos;s copy.</source>
        <translation>来源：“服务器”= 来自中央服务器；“本地”= 仅本售票窗口的数据；“本地+服务器”= 本售票窗口的数据，并已与服务器副本核对。</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/widgets/report_text.py" line="62"/>
        <source>Closed shifts only. – : not counted (no batch total entered).</source>
        <translation>仅含已交班的班次。– ：未清点（未录入银行卡结算合计）。</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/widgets/report_text.py" line="65"/>
        <source>Summed over the day&apos;s Z reports: float + sales − refunds − drops ± pay-ins/outs.</source>
        <translation>按当日交班报表（Z）汇总：备用金 + 销售 − 退款 − 投库 ± 补入/支出现金。</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/widgets/report_text.py" line="69"/>
        <source>– : nothing counted (electronic tender, or no batch total entered).</source>
        <translation>–：未清点（电子支付，或未录入银行卡结算合计）。</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/widgets/report_text.py" line="72"/>
        <source>Expected = float + cash sales − refunds − drops + pay-ins − pay-outs.</source>
        <translation>应有 = 备用金 + 现金销售 − 退款 − 投库 + 补入现金 − 支出现金。</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/widgets/report_text.py" line="76"/>
        <source>tender</source>
        <translation>支付方式</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/widgets/report_text.py" line="77"/>
        <source>currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/widgets/report_text.py" line="78"/>
        <source>expected</source>
        <translation>应有</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/widgets/report_text.py" line="79"/>
        <source>counted</source>
        <translation>实点</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/widgets/report_text.py" line="80"/>
        <source>variance</source>
        <translation>长短款</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/widgets/report_text.py" line="81"/>
        <source>line</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/widgets/report_text.py" line="82"/>
        <source>amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/widgets/report_text.py" line="83"/>
        <source>payments</source>
        <translation>笔数</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/widgets/report_text.py" line="84"/>
        <source>taken</source>
        <translation>收入</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/widgets/report_text.py" line="85"/>
        <source>refunds</source>
        <translation>退款笔数</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/widgets/report_text.py" line="86"/>
        <source>given back</source>
        <translation>退回</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/widgets/report_text.py" line="87"/>
        <source>net</source>
        <translation>净额</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/widgets/report_text.py" line="88"/>
        <source>scheme</source>
        <translation>卡组织</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/widgets/report_text.py" line="89"/>
        <source>shift</source>
        <translation>班次</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/widgets/report_text.py" line="90"/>
        <source>shift count</source>
        <translation>班次笔数</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/widgets/report_text.py" line="91"/>
        <source>batch</source>
        <translation>批次</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/widgets/report_text.py" line="92"/>
        <source>difference</source>
        <translation>差值</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/widgets/report_text.py" line="93"/>
        <source>status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/widgets/report_text.py" line="94"/>
        <source>denomination</source>
        <translation>面额</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/widgets/report_text.py" line="95"/>
        <source>quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/widgets/report_text.py" line="96"/>
        <source>value</source>
        <translation>小计</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/widgets/report_text.py" line="97"/>
        <source>item</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/widgets/report_text.py" line="98"/>
        <source>count</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/widgets/report_text.py" line="99"/>
        <source>terminal</source>
        <translation>售票窗口</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/widgets/report_text.py" line="100"/>
        <source>source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/widgets/report_text.py" line="125"/>
        <source>Expected in drawers</source>
        <translation>钱箱应有现金</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/widgets/report_text.py" line="126"/>
        <source>local+server</source>
        <translation>本地+服务器</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/widgets/report_text.py" line="127"/>
        <source>this store</source>
        <translation>本售票窗口</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/widgets/report_text.py" line="128"/>
        <source>not known here</source>
        <translation>本售票窗口不知道</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/widgets/report_text.py" line="129"/>
        <source>variance signed off</source>
        <translation>长短款已审核确认</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/widgets/report_text.py" line="130"/>
        <source>card batch mismatch</source>
        <translation>银行卡结算合计不符</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/widgets/report_text.py" line="131"/>
        <source>see its Z report</source>
        <translation>见该交班报表（Z）</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/widgets/report_text.py" line="132"/>
        <source>closed offline</source>
        <translation>离线交班</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/widgets/report_text.py" line="133"/>
        <source>copies differ</source>
        <translation>副本不一致</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/widgets/report_text.py" line="134"/>
        <source>this store&apos;s copy is shown</source>
        <translation>显示本售票窗口的副本</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/widgets/report_text.py" line="55"/>
        <location filename="../../boxoffice/ui/widgets/report_text.py" line="101"/>
        <source>Z reports</source>
        <translation>交班报表（Z）</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/widgets/report_text.py" line="38"/>
        <source>LOCAL FIGURES ONLY: what this terminal&apos;s store holds. Other terminals&apos; figures come from the central server.</source>
        <translation>仅本地数据：本售票窗口保存的数据。其他售票窗口的数据来自中央服务器。</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/widgets/report_text.py" line="43"/>
        <source>Business day</source>
        <translation>营业日</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/widgets/report_text.py" line="44"/>
        <source>Shifts still open</source>
        <translation>未交班的班次</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/widgets/report_text.py" line="102"/>
        <source>open shifts</source>
        <translation>未交班的班次</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/widgets/report_text.py" line="103"/>
        <source>unsynced operations</source>
        <translation>未同步操作</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/widgets/report_text.py" line="104"/>
        <source>last contact</source>
        <translation>最后联系</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/widgets/report_text.py" line="105"/>
        <source>Z</source>
        <translation>Z</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/widgets/report_text.py" line="106"/>
        <source>clerk</source>
        <translation>售票员</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/widgets/report_text.py" line="107"/>
        <source>closed</source>
        <translation>交班时间</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/widgets/report_text.py" line="108"/>
        <source>opened</source>
        <translation>开班时间</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/widgets/report_text.py" line="109"/>
        <source>running cash</source>
        <translation>当前现金</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/widgets/report_text.py" line="110"/>
        <source>flag</source>
        <translation>标记</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/widgets/report_text.py" line="111"/>
        <source>detail</source>
        <translation>详情</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/widgets/report_text.py" line="113"/>
        <source>Opening float</source>
        <translation>备用金</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/widgets/report_text.py" line="114"/>
        <source>Cash sales</source>
        <translation>现金销售</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/widgets/report_text.py" line="115"/>
        <source>Cash refunds</source>
        <translation>现金退款</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/widgets/report_text.py" line="116"/>
        <source>Drops to the safe</source>
        <translation>投库</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/widgets/report_text.py" line="117"/>
        <source>Pay-ins</source>
        <translation>补入现金</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/widgets/report_text.py" line="118"/>
        <source>Pay-outs</source>
        <translation>支出现金</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/widgets/report_text.py" line="119"/>
        <source>Expected in drawer</source>
        <translation>钱箱应有</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/widgets/report_text.py" line="120"/>
        <source>cash</source>
        <translation>现金</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/widgets/report_text.py" line="121"/>
        <source>card</source>
        <translation>银行卡</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/widgets/report_text.py" line="122"/>
        <source>voucher</source>
        <translation>兑换券</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/widgets/report_text.py" line="123"/>
        <source>complimentary</source>
        <translation>赠票</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/widgets/report_text.py" line="124"/>
        <source>exchange credit</source>
        <translation>换票抵扣</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/widgets/report_text.py" line="135"/>
        <source>ok</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/widgets/report_text.py" line="136"/>
        <source>mismatch</source>
        <translation>不符</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/widgets/report_text.py" line="137"/>
        <source>no batch total</source>
        <translation>无银行卡结算合计</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/widgets/report_text.py" line="138"/>
        <source>local</source>
        <translation>本地</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/widgets/report_text.py" line="139"/>
        <source>server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/widgets/report_text.py" line="141"/>
        <source>pending</source>
        <translation>待付款</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/widgets/report_text.py" line="142"/>
        <source>reserved</source>
        <translation>已预留</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/widgets/report_text.py" line="143"/>
        <source>paid</source>
        <translation>已付款</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/widgets/report_text.py" line="144"/>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/widgets/report_text.py" line="145"/>
        <source>expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/widgets/report_text.py" line="146"/>
        <source>voided</source>
        <translation>已作废</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/widgets/report_text.py" line="147"/>
        <source>valid</source>
        <translation>有效</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/widgets/report_text.py" line="148"/>
        <source>refunded</source>
        <translation>已退款</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/widgets/report_text.py" line="149"/>
        <source>exchanged</source>
        <translation>已换票</translation>
    </message>
</context>
<context>
    <name>ReportView</name>
    <message>
        <location filename="../../boxoffice/ui/widgets/report_view.py" line="183"/>
        <source>Nothing to show</source>
        <extracomment>Facts shown side by side in the report&apos;s head. Extra width a column gets beyond what its contents measure. A fact longer than this (a hash, a sign-off reason) gets a row of its own.</extracomment>
        <translation>无内容</translation>
    </message>
</context>
<context>
    <name>SeatMapView</name>
    <message>
        <location filename="../../boxoffice/ui/widgets/seat_map.py" line="86"/>
        <source>House seat</source>
        <extracomment>Seat states (what a feed update changes); zone colour shows only when available. Seats per spatial tile: small enough that a re-colour rebuilds little. Tiles whose unavailable seats share one set of state batches. Hold code (``ops.queries.HOLD_CODES``) → seat state: every hold is HELD, a kill is KILLED.</extracomment>
        <translation>内部预留座</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/widgets/seat_map.py" line="87"/>
        <source>Press hold</source>
        <translation>媒体预留</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/widgets/seat_map.py" line="88"/>
        <source>Companion hold</source>
        <translation>轮椅陪同座预留</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/widgets/seat_map.py" line="89"/>
        <source>Production hold</source>
        <translation>剧组预留</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/widgets/seat_map.py" line="90"/>
        <source>Killed</source>
        <translation>封座（不售）</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/widgets/seat_map.py" line="457"/>
        <source>Choose a performance to see its seat map.</source>
        <extracomment>Zone-coloured batches: never change after the map is built.</extracomment>
        <translation>请选择场次以查看座位图。</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/widgets/seat_map.py" line="517"/>
        <source>Standing · capacity %1</source>
        <translation>站票 · 容量%1</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/widgets/seat_map.py" line="522"/>
        <location filename="../../boxoffice/ui/widgets/seat_map.py" line="650"/>
        <source>Zone: %1</source>
        <translation>票区：%1</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/widgets/seat_map.py" line="618"/>
        <source>Not available</source>
        <translation>不可售</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/widgets/seat_map.py" line="645"/>
        <source>Section %1 · Row %2 · Seat %3</source>
        <translation>区域%1 · %2排 · %3座</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/widgets/seat_map.py" line="655"/>
        <source>Sold</source>
        <translation>已售</translation>
    </message>
</context>
<context>
    <name>SlipPrinting</name>
    <message>
        <location filename="../../boxoffice/ui/screens/cash/slips.py" line="87"/>
        <source>A Z slip is still on its way to the printer…</source>
        <extracomment>How long a slip may take to come out before it is taken back out of the queue. How often the printer&apos;s queue is looked at while a slip is on its way. How it ended: a ``PrintOutcome`` value, &quot;not_printed&quot; (the printer stopped or was too slow; the slip was taken back) or &quot;refused&quot; (nothing was recorded). What the slip printing tells the screen (it connects them).</extracomment>
        <translation>上一张交班单仍在发往打印机…</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/cash/slips.py" line="93"/>
        <source>Asking %1 whether it can print…</source>
        <translation>正在询问%1能否打印…</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/cash/slips.py" line="106"/>
        <source>Recording the Z slip…</source>
        <translation>正在记录交班单…</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/cash/slips.py" line="125"/>
        <source>Print the slip of Z report %1 at %2: %3</source>
        <translation>打印%2的交班报表（Z）%1的交班单：%3</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/cash/slips.py" line="139"/>
        <source>Printing Z slip %1 on %2…</source>
        <translation>正在%2上打印交班单%1…</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/cash/slips.py" line="160"/>
        <source>Z slip %1 was not printed — %2: %3. Print it again once the printer is ready.</source>
        <translation>交班单%1未打印——%2：%3。打印机就绪后请再打印一次。</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/cash/slips.py" line="186"/>
        <source>no slip within %1 s</source>
        <translation>%1秒内未打印出小票</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/cash/slips.py" line="200"/>
        <source>Z slip %1 printed on %2 (marked REPRINT).</source>
        <translation>交班单%1已在%2上打印（标注 REPRINT，即补打）。</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/cash/slips.py" line="202"/>
        <source>Z slip %1 printed on %2.</source>
        <translation>交班单%1已在%2上打印。</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/cash/slips.py" line="208"/>
        <source>Z slip %1 sent to %2, but the printer gave no status reply: check that it came out.</source>
        <translation>交班单%1已发送到%2，但打印机没有回复状态：请确认交班单已打出。</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/cash/slips.py" line="222"/>
        <source>Z slip %1 could not be printed on %2 (see the print log).</source>
        <translation>交班单%1无法在%2上打印（见打印日志）。</translation>
    </message>
</context>
<context>
    <name>SyncStatusIndicator</name>
    <message>
        <location filename="../../boxoffice/ui/widgets/sync_status.py" line="64"/>
        <source>No central server configured — working locally</source>
        <translation>未配置中央服务器 — 本地工作</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/widgets/sync_status.py" line="66"/>
        <source>Sales are kept in this terminal&apos;s local store. No central server is set up, so nothing is sent anywhere.</source>
        <translation>销售记录保存在本售票窗口的本地数据库中。未设置中央服务器，因此不会向任何地方发送数据。</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/widgets/sync_status.py" line="73"/>
        <source>Online</source>
        <translation>在线</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/widgets/sync_status.py" line="73"/>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message numerus="yes">
        <location filename="../../boxoffice/ui/widgets/sync_status.py" line="74"/>
        <source>%n waiting</source>
        <translation>
            <numerusform>%n 项待发送</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/widgets/sync_status.py" line="77"/>
        <source>last contact %1</source>
        <translation>最后联系%1</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/widgets/sync_status.py" line="80"/>
        <source>never in contact</source>
        <translation>从未联系</translation>
    </message>
    <message numerus="yes">
        <location filename="../../boxoffice/ui/widgets/sync_status.py" line="82"/>
        <source>%n conflict(s)</source>
        <translation>
            <numerusform>%n 个冲突</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/widgets/sync_status.py" line="85"/>
        <source>Connected to the central server; sales are sent as they happen.</source>
        <translation>已连接中央服务器；销售随时发送。</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/widgets/sync_status.py" line="88"/>
        <source>The central server is not answering. Sales continue from this terminal&apos;s allocation and are sent when it is back.</source>
        <translation>中央服务器无响应。本售票窗口继续在其座位配额内销售，服务器恢复后再发送。</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/widgets/sync_status.py" line="91"/>
        <source>Operations waiting to be sent: %1</source>
        <translation>等待发送的操作：%1</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/widgets/sync_status.py" line="95"/>
        <source>Operations the server refused: %1</source>
        <translation>服务器拒绝的操作：%1</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/widgets/sync_status.py" line="101"/>
        <source>Open conflicts for a supervisor: %1</source>
        <translation>待主管处理的冲突：%1</translation>
    </message>
</context>
<context>
    <name>XReportPage</name>
    <message>
        <location filename="../../boxoffice/ui/screens/cash/x_page.py" line="32"/>
        <source>Choose an open shift to see its running figures.</source>
        <extracomment>What this page tells the screen (it connects them).</extracomment>
        <translation>选择一个未交班的班次以查看其实时数据。</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/cash/x_page.py" line="41"/>
        <source>No shift is open at this terminal.</source>
        <translation>本售票窗口没有未交班的班次。</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/cash/x_page.py" line="53"/>
        <source>Reading the running figures…</source>
        <translation>正在读取实时数据…</translation>
    </message>
</context>
<context>
    <name>ZReprintDialog</name>
    <message>
        <location filename="../../boxoffice/ui/screens/cash/slips.py" line="265"/>
        <source>Reprint a Z slip</source>
        <extracomment>terminal, Z number</extracomment>
        <translation>补打交班单</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/cash/slips.py" line="266"/>
        <source>&amp;Z reports closed today at %1</source>
        <translation>%1今天已交班的交班报表（Z）(&amp;Z)</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/cash/slips.py" line="271"/>
        <source>Z report</source>
        <translation>交班报表（Z）</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/cash/slips.py" line="271"/>
        <source>Clerk</source>
        <translation>售票员</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/cash/slips.py" line="271"/>
        <source>Closed</source>
        <translation>交班时间</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/cash/slips.py" line="271"/>
        <source>Slips printed</source>
        <translation>已打印小票</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/cash/slips.py" line="283"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/cash/slips.py" line="286"/>
        <source>&amp;Print slip</source>
        <translation>打印小票(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/cash/slips.py" line="290"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/cash/slips.py" line="328"/>
        <source>Every copy after the first says REPRINT and is in the print log.</source>
        <translation>第一张之后的每一张都标注 REPRINT（补打），并记入打印日志。</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/screens/cash/slips.py" line="332"/>
        <source>No Z report has been closed at %1 today.</source>
        <translation>%1今天还没有交班的交班报表（Z）。</translation>
    </message>
</context>
</TS>
