// settings.hpp — the 设置 Settings tab: its view state and draw(), 导入同事的方案 Import a
// colleague's plan (settings_plan.cpp): a workspace file compared with the current plan, list by
// list, and the changes the user ticks taken as one undoable command; and the compliance terms
// (settings_terms.cpp).
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/edit/plan_diff.hpp"
#include "views/protect.hpp"
#include "views/view.hpp"

namespace yt::app {

// The colleague's plan being reviewed (the dialog is open while `theirs` is set).
struct PlanImport {
    std::string file_name;
    std::optional<Workspace> theirs;
    std::vector<PlanChange> changes;
    std::vector<char> take;  // per change: ticked
};

struct SettingsView {
    std::string name_buf, brand_buf;  // text being typed
    std::string date_buf;             // the pinned planning date being typed
    int date_buf_for = -1;            // the pinned date date_buf was made from
    std::uint64_t synced_version = 0;
    PlanImport plan;
    ProtectSettings protect;  // 数据保护
    std::string term_word, term_filter;  // 违禁词: the new term being typed, the list's filter
    int term_level = 1, term_category = 0;  // the new term's level (warn) and category (absolute)
    void draw(const ViewEnv& e, std::uint64_t version);
    // 违禁词 Compliance terms (settings_terms.cpp).
    void draw_terms(const ViewEnv& e);

    // A workspace file chosen with "Import a colleague's plan": compared with `mine`, every change
    // ticked. Errors (unreadable file, newer schema) come back and nothing opens.
    Status open_plan(const Workspace& mine, const std::string& name, const std::string& text);
    // Takes the ticked changes as one command (cmd.import_plan) and closes the dialog.
    Status take_plan(const ViewEnv& e);
    void close_plan() { plan = PlanImport{}; }
    void draw_plan_dialog(const ViewEnv& e);
};

}  // namespace yt::app
