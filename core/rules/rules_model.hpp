// rules_model.hpp — platform caps and quotas as dated, sourced, editable data.
//
// Every number the checker compares against is a Rule in the workspace (Settings edits them).
// default_rules() gives the shipped defaults with their sources (see shared domain notes).
#pragma once
#include <string>
#include <vector>

#include "core/i18n/i18n.hpp"
#include "core/model/serial.hpp"

namespace yt {

struct Rule {
    std::string id;      // stable id, e.g. "wechat.friend_cap"
    double value = 0;
    std::string unit;    // "friends", "members", "days", "per_month", "ratio", ...
    std::string source;  // where the number comes from
    std::string date;    // when the source said it (YYYY-MM or YYYY-MM-DD)
    std::string note;    // free text, zh or en

    template <class Ar> void serialize(Ar& ar) {
        ar(CEREAL_NVP(id), CEREAL_NVP(value), CEREAL_NVP(unit),
           CEREAL_NVP(source), CEREAL_NVP(date), CEREAL_NVP(note));
    }
};

struct RuleSet {
    std::vector<Rule> rules;
    const Rule* find(const std::string& id) const {
        for (const auto& r : rules) if (r.id == id) return &r;
        return nullptr;
    }
    double value_or(const std::string& id, double fallback) const {
        const Rule* r = find(id);
        return r ? r->value : fallback;
    }
};

RuleSet default_rules();

// A rule's unit and source in the UI language: the shipped words translated ("groups_per_day" is
// "个群/天"), a unit or source the user changed as it is.
std::string rule_unit_text(const Rule& r, Lang l);
std::string rule_source_text(const Rule& r, Lang l);

}  // namespace yt
