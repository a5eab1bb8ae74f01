// plan_diff.hpp — what differs between my plan and a colleague's, and taking some of it.
//
//   auto theirs = load_workspace_json(text);               // refuses a newer schema
//   std::vector<PlanChange> d = diff_plans(ws, *theirs);   // added / removed / changed, per list
//   Workspace merged = merge_plans(ws, *theirs, chosen);   // submit as ONE command (one undo)
// Compared, by id: personas, accounts, groups, operators, KOCs, scripts, calendar items, templates, SOPs,
// scenarios, rules and compliance terms (the lists of list_sections()). "Added" is in theirs only, "removed" in
// mine only, "changed" in both with different content (the fields that differ, by their JSON
// names). The workspace's name, brand, settings and dataset are the reader's own and not compared.
#pragma once
#include <string>
#include <vector>

#include "core/plan/workspace.hpp"

namespace yt {

struct PlanChange {
    enum class Kind { Added, Removed, Changed };
    std::string section;              // "roles.personas", ... (list_sections())
    std::string id;
    std::string name;                 // the item's name (or title, word, trigger), else its id
    Kind kind = Kind::Changed;
    std::vector<std::string> fields;  // Changed: the fields that differ
};

// In list_sections() order, and within a section in the order of theirs (removed ones last).
std::vector<PlanChange> diff_plans(const Workspace& mine, const Workspace& theirs);

// `mine` with the `take` changes of `theirs` applied: added items inserted after the item that
// precedes them in theirs (or at the start), removed ones erased, changed ones replaced whole.
// Changes that do not apply (an id no longer there, or already there) are skipped.
Workspace merge_plans(const Workspace& mine, const Workspace& theirs, const std::vector<PlanChange>& take);

}  // namespace yt
