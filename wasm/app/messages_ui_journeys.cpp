// messages_ui_journeys.cpp — zh/en texts of the journeys editor and task list (keys "ui.*"; registered by
// register_ui_messages(), ui_messages.hpp).
#include "app/ui_messages.hpp"

namespace yt::app {
namespace {
const Msg kMessages[] = {
    {"ui.journeys.title", "旅程（生命周期 SOP）", "Journeys (lifecycle SOPs)"},
    {"ui.journeys.basis", "按 {0} 为止的订单测算每天进入人数；新好友按各账号的预测，每天约 {1} 人。旅程消息计入上面运营的工作量，每位客户收到的步骤计入日历的触达检查。",
     "Customers entering a day are measured from the orders up to {0}; new friends come from each account's forecast, about {1} a day. Journey messages count in the operators' workload above, and the steps one customer receives count in the calendar's touch check."},
    {"ui.journeys.interval", "实测回购周期（中位数）{0} 天（{1} 位复购客户）：复购旅程在购买后第 {2} 天开始。",
     "Measured repurchase interval (median): {0} days over {1} repeat buyers; the repurchase journey starts {2} days after a purchase."},
    {"ui.journeys.no_orders", "还没有导入订单：只有新好友旅程有进入人数（各账号的预测，每天约 {0} 人）。",
     "No orders imported yet: only the new-friend journeys have entrants (each account's forecast, about {0} a day)."},
    {"ui.journeys.add", "添加旅程…", "Add a journey…"},
    {"ui.journeys.blank", "空白旅程", "Blank journey"},
    {"ui.journeys.new_name", "新旅程", "New journey"},
    {"ui.journeys.empty", "还没有旅程。从“添加旅程”里选一个示例开始。", "No journeys yet. Pick an example from “Add a journey”."},
    {"ui.journeys.everyone", "所有人", "Everyone"},
    {"ui.journeys.on_tip", "启用：计入工作量、触达检查和任务清单", "On: counted in the workload, the touch check and the task list"},
    {"ui.journeys.figures", "每天约 {0} 人进入 · {1} 步 · 每天 {2} 条消息 · 每位客户一天最多 {3} 条、一周最多 {4} 条",
     "about {0} customers a day · {1} steps · {2} messages a day · one customer gets at most {3} a day and {4} a week"},
    {"ui.journeys.off", "已停用：不计入工作量和检查", "Off: not counted in the workload or the checks"},
    {"ui.journeys.audience_missing", "（人群包不存在或无法计算，没有人进入）", "(the audience is missing or cannot be evaluated: no one enters)"},
    {"ui.journeys.no_birthday", "（订单没有生日列）", "(the orders have no birthday column)"},
    {"ui.journeys.tasks", "每日任务清单", "Daily task list"},
    {"ui.journeys.all_operators", "所有运营", "All operators"},
    {"ui.journeys.days", "未来 {0} 天", "Next {0} days"},
    {"ui.journeys.export.csv", "导出 CSV", "Export CSV"},
    {"ui.journeys.export.html", "打印清单", "Printable checklist"},
    {"ui.journeys.export.ics", "导出日历 .ics", "Export .ics"},
    {"ui.journeys.exported", "任务清单：{0} 项", "Task list: {0} tasks"},
    {"ui.journeys.name", "名称", "Name"},
    {"ui.journeys.trigger", "触发", "Trigger"},
    {"ui.journeys.audience", "人群包", "Audience"},
    {"ui.journeys.step", "第 {0} 步", "Step {0}"},
    {"ui.journeys.day_after", "天后（触发当天为 0）", "days after (0 = the day of the trigger)"},
    {"ui.journeys.del_step", "删除此步", "Remove step"},
    {"ui.journeys.any_persona", "任一人设", "Any persona"},
    {"ui.journeys.any_account", "任一账号", "Any account"},
    {"ui.journeys.one_by_one", "逐个发送（侧边栏，不计群发次数）", "One by one (sidebar; not a mass send)"},
    {"ui.journeys.no_script", "不用话术", "No script"},
    {"ui.journeys.coupon", "优惠券", "Coupon"},
    {"ui.journeys.text", "内容", "Text"},
    {"ui.journeys.add_step", "添加步骤", "Add a step"},
    {"ui.journeys.close", "收起", "Close"},
    {"ui.journeys.delete", "删除旅程", "Delete journey"},
};
}  // namespace
MsgTable ui_journeys_messages() { return {kMessages, sizeof kMessages / sizeof kMessages[0]}; }
}  // namespace yt::app
