// finding.hpp — one result of a plan-time check (platform rules, calendar checks).
//
// Findings are values: a rule id, a severity, the object concerned and the numbers. The
// explanation and the suggested fix are i18n keys with arguments, rendered by the front end.
#pragma once
#include <string>
#include <vector>

namespace yt {

enum class Severity { Info = 0, Warning = 1, Error = 2 };
const char* severity_name(Severity s);  // "info", "warning", "error"

struct Finding {
    std::string rule;          // rule or check id, e.g. "wechat.friend_cap"
    Severity severity = Severity::Info;
    std::string subject_kind;  // "account", "group", "persona", "operator", "item", "tier", "day"
    std::string subject;       // id of the object concerned
    double value = 0;          // the measured number
    double limit = 0;          // the rule's number
    std::string message;       // i18n key of the explanation; args below
    std::string fix;           // i18n key of the suggested fix
    std::vector<std::string> args;
};

}  // namespace yt
