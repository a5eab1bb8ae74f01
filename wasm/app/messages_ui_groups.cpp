// messages_ui_groups.cpp — zh/en texts of the group health panel (keys "ui.*"; registered by
// register_ui_messages(), ui_messages.hpp).
#include "app/ui_messages.hpp"

namespace yt::app {
namespace {
const Msg kMessages[] = {
    // The Personas tab's section (wasm/views/personas_health.cpp).
    {"ui.groups.sec", "群健康", "Group health"},
    {"ui.groups.hint", "导入企业微信客户群统计（CSV，含 群名称、群人数，可有 入群/退群、发言人数、消息数、日期或统计周期）；只在本次使用中保留，不存入工作区",
     "Import a WeCom customer-group statistics export (CSV with 群名称 group name and 群人数 members; optionally joins/quits, speakers, messages, a date or a period). Kept for this session only, not saved in the workspace"},
    {"ui.groups.import", "导入客户群统计…", "Import group statistics…"},
    {"ui.groups.file", "{0}（{1}，{2}）", "{0} ({1}, {2})"},
    {"ui.groups.days", "{0} 天，平均 {1} 人", "{0} day(s), {1} members on average"},
    {"ui.groups.per_day", "{0}/天", "{0}/day"},
    {"ui.groups.plan_group", "计划中的群 {0}（{1}）", "Plan group {0} ({1})"},
    {"ui.groups.ok", "正常", "OK"},
    {"ui.groups.imported", "已导入客户群统计 {0}：{1} 个群", "Imported group statistics {0}: {1} group(s)"},
    {"ui.groups.refused", "客户群统计 {0} 无法导入：{1}", "Group statistics {0} could not be imported: {1}"},
};
}  // namespace
MsgTable ui_groups_messages() { return {kMessages, sizeof kMessages / sizeof kMessages[0]}; }
}  // namespace yt::app
