// finding_catalog.hpp — every check id assess() can report, and where in the plan it is fixed.
//
// The catalogue is the list a user can look findings up in (and that tests hold assess() to: each
// id here can fire, and nothing outside it does). `area` names the part of the plan the finding is
// about, which is also the tab where it is fixed: "roles" (Personas), "calendar" (Calendar),
// "plan" (the economics plan against the roster: Funnel ROI and Personas), "content" (the words
// and mix of the content: the Calendar for items, SOP steps and mix weeks, Personas for scripts).
#pragma once
#include <string>
#include <vector>

namespace yt {

struct FindingKind {
    const char* id;
    const char* area;  // "roles", "calendar", "plan", "content"
};

const std::vector<FindingKind>& finding_catalog();
// The kind of a rule id; nullptr for an id not in the catalogue.
const FindingKind* finding_kind(const std::string& rule);

}  // namespace yt
