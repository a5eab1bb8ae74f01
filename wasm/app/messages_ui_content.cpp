// messages_ui_content.cpp — zh/en texts of the compliance scan in Settings and the editors (keys "ui.*"; registered by
// register_ui_messages(), ui_messages.hpp).
#include "app/ui_messages.hpp"

namespace yt::app {
namespace {
const Msg kMessages[] = {
    // Settings → 违禁词.
    {"ui.terms.head", "违禁词（{0} 个，启用 {1} 个）", "Compliance terms ({0}, {1} on)"},
    {"ui.terms.about",
     "内容扫描在日历内容、SOP 步骤和话术里查找这些词（另查每个人设自己的禁用词）。级别：禁止 = 错误，警告 = 警告，提示 = 提示。"
     "序数词（第一次、第一步）和时间词（最近）等例外不提示；把鼠标移到词上可看例外，移到来源上可看说明。",
     "The content scan looks for these words in calendar items, SOP steps and scripts (and each persona's own taboo "
     "words). Levels: block = error, warn = warning, info = note. Exceptions such as ordinals (第一次) and time "
     "words (最近) are skipped; hover a word for its exceptions, a source for its note."},
    {"ui.terms.restore", "恢复内置词条", "Restore built-in terms"},
    {"ui.terms.add", "添加", "Add"},
    {"ui.terms.filter", "筛选", "Filter"},
    {"ui.terms.on", "启用", "On"},
    {"ui.terms.word", "词语", "Word"},
    {"ui.terms.level", "级别", "Level"},
    {"ui.terms.category", "类别", "Category"},
    {"ui.terms.delete", "删除", "Delete"},
    {"ui.terms.exceptions", "不提示：{0}", "Skipped in: {0}"},
    {"ui.plan.section.compliance.terms", "违禁词", "Compliance terms"},
};
}  // namespace
MsgTable ui_content_messages() { return {kMessages, sizeof kMessages / sizeof kMessages[0]}; }
}  // namespace yt::app
