// messages.cpp — zh/en texts for the groups module (keys "groups.*"): import errors, the
// figures' names and formulas, the flags (shared by the CLI and the app).
#include "core/i18n/i18n.hpp"

namespace yt {
namespace {
const Msg kMessages[] = {
    {"groups.missing_columns", "找不到必需的列：{0}（客户群统计需要 群名称 和 群人数）",
     "Required column(s) missing: {0} (group statistics need 群名称 group name and 群人数 members)"},
    {"groups.bad_count", "无法识别的人数或条数：“{0}”（应为不小于 0 的整数）",
     "Unrecognised count \"{0}\" (expected a whole number, 0 or more)"},
    {"groups.no_name", "群名称是空的", "The group name is empty"},
    {"groups.bad_period", "无法识别的统计周期：“{0}”（应为 2024-03-01~2024-03-30）",
     "Unrecognised period \"{0}\" (expected 2024-03-01~2024-03-30)"},

    {"groups.col.name", "群名称", "Group"},
    {"groups.col.owner", "群主", "Owner"},
    {"groups.col.days", "天数", "Days"},
    {"groups.col.members", "群人数", "Members"},
    {"groups.col.growth", "净增", "Growth"},
    {"groups.col.churn", "退群率", "Churn"},
    {"groups.col.speaking", "发言率", "Speaking"},
    {"groups.col.msgs", "人均消息", "Msgs/member"},
    {"groups.col.msgs_day", "人均日消息", "Msgs/member-day"},
    {"groups.col.leads", "KOC / 团长", "KOC / leader"},
    {"groups.col.flags", "标记", "Flags"},

    {"groups.formula.growth", "净增 = 入群人数 − 退群人数（{0} − {1}）", "Growth = joins − quits ({0} − {1})"},
    {"groups.formula.churn", "退群率 = 退群人数 ÷ 平均群人数（{0} ÷ {1}）", "Churn = quits ÷ average members ({0} ÷ {1})"},
    {"groups.formula.speaking", "发言率 = 发言人数 ÷ 群人数（按日统计时取每日比例的平均）",
     "Speaking ratio = speakers ÷ members (the mean of the daily ratios in a per-day file)"},
    {"groups.formula.msgs", "人均消息 = 消息数 ÷ 平均群人数", "Messages per member = messages ÷ average members"},
    {"groups.formula.msgs_day", "人均日消息 = 消息数 ÷ 成员·天数（各天群人数之和）",
     "Messages per member-day = messages ÷ member-days (the sum of each day's members)"},

    {"groups.flag.zombie", "僵尸群", "Zombie group"},
    {"groups.flag.zombie_why", "发言率 {0} 低于 {1}，人均日消息 {2} 低于 {3}（阈值在设置的规则中修改）",
     "Speaking ratio {0} under {1} and messages per member-day {2} under {3} (thresholds are rules in Settings)"},
    {"groups.flag.no_lead", "成交群无活跃 KOC/团长", "Deal group without an active KOC or leader"},
    {"groups.flag.no_lead_why", "计划中的成交群“{0}”没有状态为“active”的 KOC 或团长",
     "The plan's deal group “{0}” has no KOC or group-buy leader with status “active”"},
    {"groups.thresholds", "僵尸群：发言率低于 {0} 且人均日消息低于 {1}（估计值，规则 group.zombie_speaking_ratio 与 group.zombie_msgs_per_member_day）",
     "Zombie group: speaking ratio under {0} and messages per member-day under {1} (estimates; rules group.zombie_speaking_ratio and group.zombie_msgs_per_member_day)"},
    {"groups.not_in_plan", "不在计划中", "not in the plan"},
    {"groups.leads", "{0} KOC / {1} 团长", "{0} KOC / {1} leader"},
    {"groups.summary", "{0} 个群（{1}，{2}）：{3} 个僵尸群，{4} 个成交群无活跃 KOC/团长",
     "{0} group(s) ({1}, {2}): {3} zombie, {4} deal group(s) without an active KOC or leader"},
    {"groups.form.per_day", "按日", "per day"},
    {"groups.form.period", "按周期", "per period"},
};
}  // namespace
MsgTable groups_messages() { return {kMessages, sizeof kMessages / sizeof kMessages[0]}; }
}  // namespace yt
