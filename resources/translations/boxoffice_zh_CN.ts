<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>BoxOfficeApp</name>
    <message>
        <location filename="../../boxoffice/ui/app.py" line="199"/>
        <source>Opening the store…</source>
        <extracomment>A scripted ``--screenshot`` gives up after this long (first demo seeding included). None: use the store&apos;s ``terminal.name`` setting once the store is open.</extracomment>
        <translation>正在打开本地数据库…</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/app.py" line="211"/>
        <source>Setting up the demo venues, shows and staff (first start only)…</source>
        <translation>正在创建演示场馆、演出和员工（仅首次启动）…</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/app.py" line="226"/>
        <source>This store has no users yet. Create one with “boxoffice-admin user add”, or start with --demo.</source>
        <translation>此数据库还没有用户。请用“boxoffice-admin user add”创建用户，或使用 --demo 启动。</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/app.py" line="239"/>
        <source>The store could not be opened: %1</source>
        <translation>无法打开本地数据库：%1</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/app.py" line="260"/>
        <source>Checking…</source>
        <translation>正在验证…</translation>
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
        <location filename="../../boxoffice/ui/device_settings.py" line="166"/>
        <source>&amp;Devices at this terminal</source>
        <translation>本终端设备(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/device_settings.py" line="172"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/device_settings.py" line="173"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/device_settings.py" line="174"/>
        <source>Driver</source>
        <translation>驱动</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/device_settings.py" line="175"/>
        <source>Where</source>
        <translation>连接</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/device_settings.py" line="176"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/device_settings.py" line="189"/>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/device_settings.py" line="190"/>
        <source>&amp;Test print</source>
        <translation>打印测试页(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/device_settings.py" line="191"/>
        <source>Open dra&amp;wer</source>
        <translation>打开钱箱(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/device_settings.py" line="214"/>
        <source>&amp;Name</source>
        <translation>名称(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/device_settings.py" line="215"/>
        <source>&amp;Kind</source>
        <translation>类型(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/device_settings.py" line="216"/>
        <source>Dri&amp;ver</source>
        <translation>驱动(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/device_settings.py" line="217"/>
        <source>&amp;Options</source>
        <translation>参数(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/device_settings.py" line="221"/>
        <source>&amp;Save device</source>
        <translation>保存设备(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/device_settings.py" line="222"/>
        <source>New d&amp;evice</source>
        <translation>新建设备(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/device_settings.py" line="223"/>
        <source>Re&amp;move</source>
        <translation>删除(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/device_settings.py" line="228"/>
        <source>Set up a device</source>
        <translation>设备设置</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/device_settings.py" line="236"/>
        <source>Scan a code here (or type it and press Enter)</source>
        <translation>在此扫码（或手动输入后按回车）</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/device_settings.py" line="238"/>
        <source>No scan yet.</source>
        <translation>尚未扫码。</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/device_settings.py" line="241"/>
        <source>S&amp;canner test</source>
        <translation>扫描枪测试(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/device_settings.py" line="343"/>
        <source>No driver for this kind is installed yet.</source>
        <translation>尚未安装此类设备的驱动。</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/device_settings.py" line="374"/>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/device_settings.py" line="378"/>
        <source>Saved %1.</source>
        <translation>已保存 %1。</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/device_settings.py" line="384"/>
        <source>Choose a device first.</source>
        <translation>请先选择设备。</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/device_settings.py" line="389"/>
        <source>Removed %1.</source>
        <translation>已删除 %1。</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/device_settings.py" line="397"/>
        <source>Choose a printer in the list first.</source>
        <translation>请先在列表中选择打印机。</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/device_settings.py" line="401"/>
        <source>%1 is not a printer.</source>
        <translation>%1 不是打印机。</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/device_settings.py" line="403"/>
        <source>Sending a test page to %1…</source>
        <translation>正在向 %1 发送测试页…</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/device_settings.py" line="408"/>
        <source>Opening the drawer…</source>
        <translation>正在打开钱箱…</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/device_settings.py" line="412"/>
        <source>No-sale recorded; the drawer opens now.</source>
        <translation>已记录无销售开箱；钱箱即将打开。</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/device_settings.py" line="419"/>
        <source>%1: test page sent.</source>
        <translation>%1：测试页已发送。</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/device_settings.py" line="421"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/device_settings.py" line="433"/>
        <source>From %1: &lt;b&gt;%2&lt;/b&gt; — %3</source>
        <translation>来自%1：&lt;b&gt;%2&lt;/b&gt; — %3</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/device_settings.py" line="442"/>
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
    <name>LoginDialog</name>
    <message>
        <location filename="../../boxoffice/ui/login_dialog.py" line="119"/>
        <source>Box Office — Sign in</source>
        <translation>票房 — 登录</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/login_dialog.py" line="124"/>
        <source>Box Office</source>
        <translation>票房售票系统</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/login_dialog.py" line="205"/>
        <source>Sign in to terminal “%1”</source>
        <translation>登录终端“%1”</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/login_dialog.py" line="133"/>
        <source>Username</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/login_dialog.py" line="138"/>
        <source>PIN</source>
        <translation>PIN 码</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/login_dialog.py" line="145"/>
        <source>&amp;Username</source>
        <translation>用户名(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/login_dialog.py" line="147"/>
        <source>&amp;PIN</source>
        <translation>PIN 码(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/login_dialog.py" line="151"/>
        <location filename="../../boxoffice/ui/login_dialog.py" line="203"/>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/login_dialog.py" line="154"/>
        <source>Sign in (Enter)</source>
        <translation>登录（回车）</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/login_dialog.py" line="286"/>
        <source>Enter your username.</source>
        <translation>请输入用户名。</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/login_dialog.py" line="290"/>
        <source>Enter your PIN.</source>
        <translation>请输入 PIN 码。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../boxoffice/ui/main_window.py" line="105"/>
        <source>Box Office — %1 — %2</source>
        <translation>票房 — %1 — %2</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/main_window.py" line="118"/>
        <source>Find event or venue (Ctrl+F)</source>
        <translation>查找演出或场馆（Ctrl+F）</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/main_window.py" line="122"/>
        <source>Performance</source>
        <translation>场次</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/main_window.py" line="122"/>
        <source>Starts (local)</source>
        <translation>开演（当地时间）</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/main_window.py" line="122"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/main_window.py" line="142"/>
        <source>&amp;Performances</source>
        <translation>场次(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/main_window.py" line="153"/>
        <source>No performance selected</source>
        <translation>未选择场次</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/main_window.py" line="177"/>
        <source>P&amp;rices</source>
        <translation>票价(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/main_window.py" line="181"/>
        <source>Price type</source>
        <translation>票种</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/main_window.py" line="181"/>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/main_window.py" line="190"/>
        <source>Prices include tax.</source>
        <translation>票价已含税。</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/main_window.py" line="229"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/main_window.py" line="231"/>
        <source>&amp;Log out</source>
        <translation>注销(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/main_window.py" line="231"/>
        <source>Sign out and hand over</source>
        <translation>退出登录，交接给下一位</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/main_window.py" line="233"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/main_window.py" line="238"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/main_window.py" line="240"/>
        <source>Zoom &amp;in</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/main_window.py" line="243"/>
        <source>Zoom &amp;out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/main_window.py" line="245"/>
        <source>&amp;Fit seat map</source>
        <translation>适合窗口(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/main_window.py" line="250"/>
        <source>F&amp;ind performance</source>
        <translation>查找场次(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/main_window.py" line="252"/>
        <source>Go to &amp;performances</source>
        <translation>转到场次列表(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/main_window.py" line="255"/>
        <source>Go to &amp;seat map</source>
        <translation>转到座位图(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/main_window.py" line="258"/>
        <source>Go to p&amp;rices</source>
        <translation>转到票价(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/main_window.py" line="261"/>
        <source>&amp;Clear seat selection</source>
        <translation>清除已选座位(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/main_window.py" line="272"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/main_window.py" line="273"/>
        <source>&amp;About Box Office</source>
        <translation>关于票房(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/main_window.py" line="280"/>
        <source>Signed in: %1 (%2)</source>
        <translation>已登录：%1（%2）</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/main_window.py" line="285"/>
        <source>Role: %1</source>
        <translation>角色：%1</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/main_window.py" line="287"/>
        <source>Terminal: %1</source>
        <translation>终端：%1</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/main_window.py" line="297"/>
        <source>Clerk</source>
        <translation>售票员</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/main_window.py" line="298"/>
        <source>Supervisor</source>
        <translation>主管</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/main_window.py" line="299"/>
        <source>Door staff</source>
        <translation>检票员</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/main_window.py" line="300"/>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/main_window.py" line="306"/>
        <source>Scheduled</source>
        <translation>已排期</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/main_window.py" line="307"/>
        <source>On sale</source>
        <translation>在售</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/main_window.py" line="308"/>
        <source>Off sale</source>
        <translation>停售</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/main_window.py" line="309"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/main_window.py" line="315"/>
        <source>Adult</source>
        <translation>成人</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/main_window.py" line="316"/>
        <source>Concession</source>
        <translation>优惠</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/main_window.py" line="317"/>
        <source>Child</source>
        <translation>儿童</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/main_window.py" line="318"/>
        <source>Senior</source>
        <translation>长者</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/main_window.py" line="319"/>
        <source>Student</source>
        <translation>学生</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/main_window.py" line="320"/>
        <source>Group (10+)</source>
        <translation>团体（10人以上）</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/main_window.py" line="321"/>
        <source>VIP presale</source>
        <translation>VIP 预售</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/main_window.py" line="322"/>
        <source>Complimentary</source>
        <translation>赠票</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/main_window.py" line="333"/>
        <source>ddd d MMM yyyy</source>
        <comment>date format</comment>
        <translation>yyyy年M月d日 ddd</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/main_window.py" line="335"/>
        <source>ddd d MMM</source>
        <comment>short date format</comment>
        <translation>M月d日 ddd</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/main_window.py" line="343"/>
        <source>Loading performances…</source>
        <translation>正在加载场次…</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/main_window.py" line="378"/>
        <source>There are no performances yet. An administrator adds them.</source>
        <translation>还没有场次，请由管理员添加。</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/main_window.py" line="410"/>
        <source>Loading seat map…</source>
        <translation>正在加载座位图…</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/main_window.py" line="436"/>
        <source>This seat map has no seats.</source>
        <translation>此座位图没有座位。</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/main_window.py" line="443"/>
        <source>Standing only — sold by quantity, not by seat.</source>
        <translation>仅站票 — 按数量出售，不选座位。</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/main_window.py" line="449"/>
        <source>Could not load: %1</source>
        <translation>无法加载：%1</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/main_window.py" line="450"/>
        <source>Box Office</source>
        <translation>票房</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/main_window.py" line="465"/>
        <source>Held</source>
        <translation>保留</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/main_window.py" line="466"/>
        <source>Killed</source>
        <translation>封座</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/main_window.py" line="467"/>
        <source>Sold</source>
        <translation>已售</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/main_window.py" line="468"/>
        <source>Selected</source>
        <translation>已选</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/main_window.py" line="470"/>
        <source>Dashed ring: keyboard cursor (arrow keys, Space selects)</source>
        <translation>虚线圆圈：键盘光标（方向键移动，空格键选择）</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/main_window.py" line="502"/>
        <source>No prices set</source>
        <translation>尚未设置票价</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/main_window.py" line="517"/>
        <source>No seats selected — click a seat, or use the arrow keys and Space.</source>
        <translation>未选座位 — 点击座位，或使用方向键和空格键。</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/main_window.py" line="524"/>
        <source>%1 row %2 seat %3</source>
        <translation>%1 %2排 %3座</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/main_window.py" line="531"/>
        <source> and %1 more</source>
        <translation> 等另外 %1 个</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/main_window.py" line="534"/>
        <source>Selected (%1): %2</source>
        <translation>已选（%1）：%2</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/main_window.py" line="540"/>
        <source>%1 row %2 seat %3 is not for sale: %4</source>
        <translation>%1 %2排 %3座不可出售：%4</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/main_window.py" line="551"/>
        <location filename="../../boxoffice/ui/main_window.py" line="552"/>
        <source>Working…</source>
        <translation>处理中…</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/main_window.py" line="562"/>
        <source>About Box Office</source>
        <translation>关于票房</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/main_window.py" line="564"/>
        <source>&lt;h3&gt;Box Office&lt;/h3&gt;&lt;p&gt;Offline-first point of sale for venue box offices.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Keyboard&lt;/b&gt;&lt;br&gt;Alt+1 performances · Alt+2 seat map · Alt+3 prices · Ctrl+F find&lt;br&gt;Seat map: arrow keys move, Space selects, Esc clears, + / − zoom, 0 fits&lt;br&gt;Ctrl+L log out · Ctrl+Q quit&lt;/p&gt;</source>
        <translation>&lt;h3&gt;票房&lt;/h3&gt;&lt;p&gt;面向场馆票房、离线优先的售票系统。&lt;/p&gt;&lt;p&gt;&lt;b&gt;键盘操作&lt;/b&gt;&lt;br&gt;Alt+1 场次 · Alt+2 座位图 · Alt+3 票价 · Ctrl+F 查找&lt;br&gt;座位图：方向键移动，空格键选择，Esc 清除，+ / − 缩放，0 适合窗口&lt;br&gt;Ctrl+L 注销 · Ctrl+Q 退出&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message>
        <location filename="../../boxoffice/ui/login_dialog.py" line="85"/>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/login_dialog.py" line="86"/>
        <source>Clear the PIN (Esc)</source>
        <translation>清除 PIN 码（Esc）</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/login_dialog.py" line="91"/>
        <source>Delete the last digit (Backspace)</source>
        <translation>删除最后一位（退格键）</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/login_dialog.py" line="92"/>
        <source>Backspace</source>
        <translation>退格</translation>
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
        <location filename="../../boxoffice/ui/login_dialog.py" line="34"/>
        <source>Wrong username or PIN/password.</source>
        <extracomment>Service messages we can show translated; others are shown as the service wrote them.</extracomment>
        <translation>用户名或 PIN 码/密码错误。</translation>
    </message>
    <message>
        <location filename="../../boxoffice/ui/login_dialog.py" line="52"/>
        <source>Too many wrong attempts: %1 is locked until %2.</source>
        <translation>错误次数过多：%1 已被锁定，直至 %2。</translation>
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
</TS>
