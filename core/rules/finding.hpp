// finding.hpp — one result of a plan-time check (platform rules, calendar checks, content).
//
// Findings are values: a rule id, a severity, the object concerned and the numbers. The
// explanation and the suggested fix are i18n keys with typed arguments — text as the user wrote
// it (names, ids), numbers, shares, days, and names of things the catalogue names (a channel, a
// tier, a festival: its i18n key) — rendered in the reader's language at the edge
// (finding_message / finding_fix). A finding never carries words of one language.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "core/i18n/i18n.hpp"
#include "core/model/dates.hpp"

namespace yt {

enum class Severity { Info = 0, Warning = 1, Error = 2 };
const char* severity_name(Severity s);  // "info", "warning", "error"

struct FindingArg {
    enum class Kind : std::uint8_t { Text, Number, Percent, Day, Name, Names };
    Kind kind = Kind::Text;
    std::string text;   // Text: as written; Name: an i18n key; Names: i18n keys, '\n'-separated
    double number = 0;  // Number; Percent: a ratio (0.25 = 25%); Day: the day

    FindingArg() = default;
    FindingArg(std::string s) : text(std::move(s)) {}  // NOLINT: plain text converts implicitly
    FindingArg(const char* s) : text(s) {}             // NOLINT
    static FindingArg num(double v);
    static FindingArg percent(double ratio);
    static FindingArg day(Day d);
    // The name the catalogue gives `key` (the key itself when it has none, e.g. a custom channel).
    static FindingArg name(std::string key);
    static FindingArg names(const std::vector<std::string>& keys);
    // name(key) when the catalogue has `key`, else the plain text `fallback` (a tier or channel
    // the user defined).
    static FindingArg name_or(const std::string& key, std::string fallback);

    // In no language: Text as written, numbers and shares as count_text / percent_text, a day as
    // YYYY-MM-DD, a Name's key, Names' keys joined by ", ". For JSON and tests.
    std::string str() const;
    Day as_day() const { return kind == Kind::Day ? static_cast<Day>(number) : 0; }
    bool operator==(const FindingArg& o) const { return kind == o.kind && text == o.text && number == o.number; }
};

struct Finding {
    std::string rule;          // rule or check id, e.g. "wechat.friend_cap"
    Severity severity = Severity::Info;
    std::string subject_kind;  // "account", "group", "persona", "operator", "item", "tier", "day"
    std::string subject;       // id of the object concerned
    double value = 0;          // the measured number
    double limit = 0;          // the rule's number
    std::string message;       // i18n key of the explanation; args below
    std::string fix;           // i18n key of the suggested fix
    std::vector<FindingArg> args;
};

// An argument in `lang`: a Name's text, Names joined by "、" (zh) or ", " (en); others as str().
std::string finding_arg_text(const FindingArg& a, Lang lang);
std::vector<std::string> finding_args(const Finding& f, Lang lang);
// The explanation and the fix in `lang` ("" when the finding has no fix).
std::string finding_message(const Finding& f, Lang lang);
std::string finding_fix(const Finding& f, Lang lang);

}  // namespace yt
