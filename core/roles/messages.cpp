// messages.cpp — zh/en texts for the roles module's error codes and labels (keys "roles.*"); the
// Personas tab's own words are the app's (wasm/app/messages_ui_roles.cpp).
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
    // Script categories (core/roles/scripts.hpp).
    {"roles.category.welcome", "欢迎语", "Welcome"},
    {"roles.category.faq", "常见问题", "FAQ"},
    {"roles.category.keyword", "关键词回复", "Keyword reply"},
    {"roles.category.objection", "异议处理", "Objection handling"},
    {"roles.category.crisis", "负面危机处理", "Negative feedback / crisis"},
    {"roles.category.festival", "节日问候", "Festival greeting"},
    {"roles.bad_script_category", "“{0}”不是话术分类", "“{0}” is not a script category"},
    // Script CSV import errors (core/roles/scripts_csv.hpp).
    {"roles.csv_no_content", "表头里没有“内容”列（话术正文）", "The header has no 内容 (content) column"},
    {"roles.csv_no_rows", "文件只有表头，没有话术", "The file has a header and no scripts"},
    {"roles.csv_bad_text", "这一格不是有效的文字（编码不对？）", "This cell is not valid text (wrong encoding?)"},
    {"roles.csv_extra_cells", "这一行有 {0} 格，比表头的 {1} 列多", "This row has {0} cells, more than the {1} columns of the header"},
    {"roles.csv_empty_reply", "这一行没有内容（话术正文）", "This row has no content (the reply)"},
    {"roles.csv_bad_category", "分组“{0}”不是话术分类（欢迎语、常见问题、关键词回复、异议处理、负面危机处理、节日问候）",
     "Group “{0}” is not a script category (welcome, FAQ, keyword reply, objection handling, negative feedback / crisis, festival greeting)"},
    {"roles.csv_unknown_persona", "没有叫“{0}”的人设", "There is no persona “{0}”"},
    {"roles.csv_duplicate_id", "编号“{0}”在文件里出现了两次", "The id “{0}” appears twice in the file"},
};
}  // namespace
MsgTable roles_messages() { return {kMessages, sizeof kMessages / sizeof kMessages[0]}; }
}  // namespace yt
