// messages_ui_shell.cpp — zh/en texts of the app shell: files, storage, other tabs, themes and the help overlay.
#include "core/i18n/i18n.hpp"

namespace yt {
namespace {
const Msg kMessages[] = {
    {"ui.open_workspace", "打开工作区…", "Open workspace…"},
    {"files.export_workspace", "导出工作区", "Export workspace"},
    {"files.save_copy", "下载工作区文件保存", "Download the workspace as a file"},
    {"tabs.other_open", "这个工作区也在另一个标签页中打开。两边的修改不会互相覆盖：另一边保存时，这里会先询问。", "This workspace is also open in another tab. Neither will overwrite the other silently: when one saves, the other asks first."},
    {"tabs.other_saved", "另一个标签页刚保存了这个工作区。这里暂停自动保存，以免覆盖它。请选择：", "Another tab just saved this workspace. Autosave is paused here so it is not overwritten. Choose:"},
    {"tabs.load_theirs", "载入另一个标签页的版本", "Load the other tab's version"},
    {"tabs.keep_mine", "保留这里的版本（覆盖保存）", "Keep this version (save over it)"},
    {"ui.storage", "浏览器存储", "Browser storage"},
    {"ui.storage_use", "已用 {0}，可用上限 {1}", "{0} used of {1} available"},
    {"ui.storage_unknown", "存储用量未知", "Storage use unknown"},
    {"ui.storage_persisted", "已获准持久保存（浏览器不会自动清除）", "Persistent: the browser will not clear it on its own"},
    {"ui.storage_not_persisted", "未获准持久保存：空间紧张时浏览器可能清除数据，请定期导出工作区文件", "Not persistent: the browser may clear it when space runs low; export the workspace file regularly"},
    {"ui.storage_ask", "申请持久保存", "Ask for persistent storage"},
    {"ui.files", "工作区文件", "Workspace file"},
    {"help.button", "帮助 F1", "Help F1"},
    {"help.title", "帮助", "Help"},
    {"help.intro", "鱼塘在你的浏览器里规划私域运营：用户分层、角色与账号、内容日历和漏斗 ROI。所有数据只保存在这台电脑的浏览器里，不会上传。按 Esc 或 F1 关闭本帮助。", "Yutang plans private-domain operations in your browser: user tiers, personas and accounts, the content calendar and funnel ROI. All data stay in this computer's browser and are never uploaded. Press Esc or F1 to close this help."},
    {"help.dashboard", "总览：工作区的关键数字和待处理的问题。", "Dashboard: the workspace's key figures and open findings."},
    {"help.tiers", "用户分层：导入订单导出文件（点“导入订单…”或把文件拖到页面上），查看 RFM 八类分层、生命周期、预测终身价值，导出分层名单（CSV，可导入 SCRM 打标签）。", "Tiers: import an order export (Import orders… or drop the file on the page), see the eight RFM segments, lifecycle and predicted lifetime value, export tier lists (CSV for SCRM tags)."},
    {"help.personas", "角色：人设、账号、社群、运营人员和 KOC；容量对照平台上限、风险集中度、工作量和交接。", "Personas: personas, accounts, groups, operators and KOCs; capacity against platform caps, risk concentration, workload and handover."},
    {"help.calendar", "内容日历：按月或按周排期，拖动改日期，点击编辑，从模板生成；节日、价值/促销比例和触达频次在发布前检查；可导出 ICS/CSV/清单。", "Calendar: plan by month or week, drag to move, click to edit, create from templates; festivals, value/promotion ratio and touch frequency are checked before anything goes out; export ICS/CSV/checklists."},
    {"help.roi", "漏斗 ROI：流量到私域的漏斗、获客成本与终身价值、回本月份，多方案对比和敏感性。", "Funnel ROI: the funnel into the private pool, acquisition cost against lifetime value, payback month, scenarios side by side and sensitivity."},
    {"help.settings", "设置：界面语言、主题、脱敏、平台规则、浏览器存储用量。", "Settings: language, theme, masking, platform rules, browser storage use."},
    {"help.files", "文件：“打开工作区…”读入 .yutang.json 文件（旧版本文件会自动升级），“导出工作区”下载当前工作区。每次修改都会自动保存到浏览器。", "Files: Open workspace… reads a .yutang.json file (older versions are upgraded), Export workspace downloads the current one. Every change is saved in the browser automatically."},
    {"help.keys", "快捷键：Ctrl+Z 撤销，Ctrl+Shift+Z 或 Ctrl+Y 重做（Mac 用 Cmd），Tab 和方向键在控件间移动，F1 帮助。触屏上长按相当于右键。", "Keys: Ctrl+Z undo, Ctrl+Shift+Z or Ctrl+Y redo (Cmd on a Mac), Tab and the arrow keys move between controls, F1 help. On a touch screen a long press acts as a right click."},
    {"help.privacy", "隐私：手机号和姓名默认脱敏显示；每次导出名单时选择脱敏（分享用）或完整（SCRM 打标签用）。设置 → 数据保护 可设密码，加密本机保存的数据并自动锁定；密码无法找回。页面不会向本站以外发出任何请求。", "Privacy: phone numbers and names are masked in lists by default; each list export asks masked (to share) or in full (for SCRM tagging). Settings → Data protection sets a passphrase that encrypts what is stored here and locks when idle; it cannot be recovered. The page makes no request beyond its own site."},
    {"cmd.open_workspace", "打开工作区文件", "Open a workspace file"},
    {"cmd.dataset", "导入订单数据", "Import order data"},
    {"files.workspace_bad", "无法打开 {0}：{1}。当前工作区未改动。", "Cannot open {0}: {1}. The current workspace is unchanged."},
    {"files.workspace_opened", "已打开 {0}（可撤销）。", "Opened {0} (undo restores the previous workspace)."},
    {"storage.orders_missing", "之前导入的订单数据（{0}）在本浏览器的存储中找不到了，请重新导入该文件。", "The order data imported earlier ({0}) are no longer in this browser's storage; import the file again."},
    {"storage.blob_failed", "订单数据无法保存到浏览器存储（{0}）。本次仍可使用；刷新后需重新导入文件。", "The order data could not be saved in browser storage ({0}). They stay usable now; after a reload, import the file again."},
};
}  // namespace

MsgTable ui_shell_messages() { return {kMessages, sizeof kMessages / sizeof kMessages[0]}; }

}  // namespace yt
