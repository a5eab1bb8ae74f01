// messages_content.cpp — zh/en texts of the content compliance scan (keys "content.*"): the
// findings of core/plan/assess_content.cpp (arguments listed in assess_content.hpp), their fixes,
// term levels and categories, and the errors of a term edit (content_terms.hpp).
#include "core/i18n/i18n.hpp"

namespace yt {
namespace {
const Msg kMessages[] = {
    // Findings: {0} word, {1} title / step / trigger, {2} the text around it, {3} source or persona,
    // {4} item day / step day, {5} persona or SOP name, {6} count.
    {"content.msg.absolute_term.item", "内容“{1}”（{4}）用了绝对化用语“{0}”：{2}（依据：{3}）",
     "Item “{1}” ({4}) uses the absolute term “{0}”: {2} (source: {3})"},
    {"content.msg.absolute_term.sop", "旅程“{5}”第 {4} 天“{1}”用了绝对化用语“{0}”（依据：{3}）",
     "Journey “{5}”, day {4} “{1}”, uses the absolute term “{0}” (source: {3})"},
    {"content.msg.absolute_term.script", "{5} 的话术“{1}”用了绝对化用语“{0}”：{2}（依据：{3}）",
     "{5}'s script “{1}” uses the absolute term “{0}”: {2} (source: {3})"},
    {"content.msg.medical_claim.item", "内容“{1}”（{4}）用了医疗用语“{0}”：{2}（依据：{3}）",
     "Item “{1}” ({4}) makes the medical claim “{0}”: {2} (source: {3})"},
    {"content.msg.medical_claim.sop", "旅程“{5}”第 {4} 天“{1}”用了医疗用语“{0}”（依据：{3}）",
     "Journey “{5}”, day {4} “{1}”, makes the medical claim “{0}” (source: {3})"},
    {"content.msg.medical_claim.script", "{5} 的话术“{1}”用了医疗用语“{0}”：{2}（依据：{3}）",
     "{5}'s script “{1}” makes the medical claim “{0}”: {2} (source: {3})"},
    {"content.msg.cosmetics_claim.item", "内容“{1}”（{4}）有化妆品功效宣称“{0}”：{2}（依据：{3}）",
     "Item “{1}” ({4}) makes the cosmetics efficacy claim “{0}”: {2} (source: {3})"},
    {"content.msg.cosmetics_claim.sop", "旅程“{5}”第 {4} 天“{1}”有化妆品功效宣称“{0}”（依据：{3}）",
     "Journey “{5}”, day {4} “{1}”, makes the cosmetics efficacy claim “{0}” (source: {3})"},
    {"content.msg.cosmetics_claim.script", "{5} 的话术“{1}”有化妆品功效宣称“{0}”：{2}（依据：{3}）",
     "{5}'s script “{1}” makes the cosmetics efficacy claim “{0}”: {2} (source: {3})"},
    {"content.msg.taboo_word.item", "内容“{1}”（{4}）用了人设 {3} 的禁用词“{0}”：{2}",
     "Item “{1}” ({4}) uses “{0}”, a taboo word of persona {3}: {2}"},
    {"content.msg.taboo_word.sop", "旅程“{5}”第 {4} 天“{1}”用了人设 {3} 的禁用词“{0}”",
     "Journey “{5}”, day {4} “{1}”, uses “{0}”, a taboo word of persona {3}"},
    {"content.msg.taboo_word.script", "{5} 的话术“{1}”用了人设的禁用词“{0}”：{2}",
     "{5}'s script “{1}” uses “{0}”, one of the persona's taboo words: {2}"},
    // {0} persona, {1} promotion share, {2} target, {3} promotion items, {4} items, {5}–{6} week, {7} margin (points).
    {"content.msg.mix_off", "{0} 在 {5} 至 {6} 这周促销内容占 {1}（{4} 条中 {3} 条），比内容配比目标 {2} 高出 {7} 个百分点以上",
     "{0}'s promotion share in the week {5} to {6} is {1} ({3} of {4} items), more than {7} points above the mix target {2}"},
    {"content.fix.absolute_term", "删掉或改写“{0}”，改用可以证明的具体事实（时间、范围、数据来源）",
     "Remove or rewrite “{0}”; state a provable fact instead (when, where, which data)"},
    {"content.fix.medical_claim", "删掉“{0}”：普通化妆品和食品不能宣称医疗作用，改说使用感受和方法",
     "Remove “{0}”: cosmetics and food may not claim a medical effect; describe how it feels and how to use it"},
    {"content.fix.cosmetics_claim", "删掉“{0}”，或确认产品有对应的特殊化妆品注册证和功效评价依据",
     "Remove “{0}”, or make sure the product holds the special-cosmetics registration and efficacy evidence"},
    {"content.fix.taboo_word", "换掉“{0}”：这是人设自己定的禁用词（在“人设与账号”里修改）",
     "Replace “{0}”: the persona's own taboo list says so (edit it under Personas)"},
    {"content.fix.mix_off", "把这周的部分促销换成生活、专业或情感内容，或在“人设与账号”调整内容配比",
     "Swap some of the week's promotions for life, expertise or emotion posts, or adjust the persona's mix"},

    // Subject kinds of content findings (the CLI's text output).
    {"rules.kind.sop", "旅程", "Journey"},
    {"rules.kind.script", "话术", "script"},

    // Levels and categories of terms (Settings).
    {"content.level.block", "禁止", "block"},
    {"content.level.warn", "警告", "warn"},
    {"content.level.info", "提示", "info"},
    {"content.category.absolute", "绝对化用语", "absolute term"},
    {"content.category.medical", "医疗用语", "medical claim"},
    {"content.category.cosmetics", "化妆品功效", "cosmetics efficacy"},

    // Errors of a term edit.
    {"content.bad_term_word", "词条“{0}”没有填写词语", "Term “{0}” has no word"},
    {"content.bad_term_level", "级别“{0}”无效：应为 block、warn 或 info", "Level “{0}” is not block, warn or info"},
    {"content.bad_term_category", "类别“{0}”无效：应为 absolute、medical 或 cosmetics",
     "Category “{0}” is not absolute, medical or cosmetics"},
    {"cmd.restore_terms", "恢复内置违禁词", "Restore built-in terms"},
};
}  // namespace
MsgTable content_messages() { return {kMessages, sizeof kMessages / sizeof kMessages[0]}; }
}  // namespace yt
