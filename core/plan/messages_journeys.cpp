// messages_journeys.cpp — zh/en texts of the journeys (core/plan/journeys.hpp, journey_tasks.hpp)
// and their view, keys "journeys.*".
#include "core/i18n/i18n.hpp"

namespace yt {
namespace {
const Msg kMessages[] = {
    {"journeys.trigger.new_friend", "新好友", "New friend"},
    {"journeys.trigger.first_purchase", "首单", "First order"},
    {"journeys.trigger.repurchase", "复购周期", "Repurchase cycle"},
    {"journeys.trigger.dormant_30", "30 天未购", "30 days without a purchase"},
    {"journeys.trigger.birthday", "生日", "Birthday"},
    {"journeys.trigger.after_sale", "售后回访", "After-sale follow-up"},
    {"journeys.off_suffix", "（停用）", " (off)"},
    {"journeys.field.date", "日期", "Date"},
    {"journeys.field.operator", "运营", "Operator"},
    {"journeys.field.account", "账号", "Account"},
    {"journeys.field.journey", "旅程", "Journey"},
    {"journeys.field.step_day", "第几天", "Day"},
    {"journeys.field.channel", "渠道", "Channel"},
    {"journeys.field.title", "内容", "Step"},
    {"journeys.field.script", "话术", "Script"},
    {"journeys.field.coupon", "优惠券", "Coupon"},
    {"journeys.field.customers", "预计人数", "Customers expected"},
    {"journeys.task.day", "第 {0} 天", "day {0}"},
    {"journeys.task.customers", "约 {0} 人", "about {0} customers"},
    {"journeys.task.summary", "旅程任务 · {0} · {1} 项，约 {2} 人次", "Journey tasks · {0} · {1} steps, about {2} messages"},
    {"journeys.task.no_operator", "未分配运营", "No operator"},
    {"journeys.checklist.title", "旅程每日任务", "Journey tasks per day"},
    {"journeys.checklist.note", "人数是按近期订单和新好友预测估算的每日平均值。",
     "Customer counts are daily averages estimated from recent orders and the new-friend forecast."},
    {"journeys.checklist.empty", "这段时间没有旅程任务。", "No journey tasks in this period."},
};
}  // namespace

MsgTable journeys_messages() { return {kMessages, sizeof kMessages / sizeof kMessages[0]}; }

}  // namespace yt
