// messages.cpp — zh/en texts for the roles module's error codes and labels (keys "roles.*").
#include "core/i18n/i18n.hpp"

namespace yt {
namespace {
const Msg kMessages[] = {
    // Error codes (handover.hpp).
    {"roles.unknown_group", "没有编号为“{0}”的群", "There is no group “{0}”"},
    {"roles.unknown_account", "没有编号为“{0}”的账号", "There is no account “{0}”"},
    {"roles.unknown_operator", "没有编号为“{0}”的运营", "There is no operator “{0}”"},
    {"roles.same_owner", "群“{0}”的群主已经是“{1}”", "Group “{0}” is already owned by “{1}”"},
    {"roles.same_operator", "账号“{0}”已经由“{1}”负责", "Account “{0}” is already run by “{1}”"},
    {"roles.transfer_day_limit", "今天已向“{1}”转让 {2} 个群，达到每天 {3} 个的上限，群“{0}”明天再转",
     "{2} groups were already transferred to “{1}” today, the daily limit is {3}; transfer “{0}” tomorrow"},
    {"roles.transfer_90d_limit", "群“{0}”90 天内已转让 {1} 次，达到上限 {2} 次",
     "Group “{0}” was already transferred {1} times in 90 days; the limit is {2}"},

    // Labels.
    {"roles.platform.0", "个人微信", "WeChat"},
    {"roles.platform.1", "企业微信", "WeCom"},
    {"roles.platform.2", "QQ", "QQ"},
    {"roles.platform.3", "其他", "Other"},
    {"roles.kind.faq", "常见问题", "FAQ"},
    {"roles.kind.keyword", "关键词回复", "Keyword reply"},
    {"roles.kind.greeting", "欢迎语", "Greeting"},
    {"roles.kind.complaint", "投诉处理", "Complaint playbook"},
};
}  // namespace
MsgTable roles_messages() { return {kMessages, sizeof kMessages / sizeof kMessages[0]}; }
}  // namespace yt
