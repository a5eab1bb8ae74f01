// audience_model.hpp — saved audiences (人群包): named selections of customers, held in the
// Workspace and evaluated against the imported orders (core/tiering/audience.hpp).
//
// An audience is a list of conditions combined with `match`: "all" (and) or "any" (or); each
// condition may be negated (not). A condition names a field and either a set of values (the
// customer matches when any value matches) or a numeric range [min, max]:
//   segment     RFM segment keys ("important_value", ...)        values
//   stage       lifecycle stage keys ("new", "active", ...)      values
//   tag         a tag; multi-value cells split on ，,;/|、         values
//   city, province, category, gender, channel, source, level
//               the customer's imported attribute                 values
//   product     the product the customer bought most often       values
//   owner       the owner (account) on the customer's last order  values
//   birth_month month of the birthday attribute, "1".."12"        values
//   age         age attribute (a number)                          range
//   clv         predicted lifetime value (margin, discounted)     range
//   p_alive     BG/NBD probability that the customer is active    range
//   audience    another audience's id (no cycles)                 values
// Ranges: min/max inclusive; a side whose has_min / has_max is false is open.
#pragma once
#include <string>
#include <vector>

#include "core/model/serial.hpp"

namespace yt {

struct AudienceCondition {
    std::string field;
    std::vector<std::string> values;  // value fields: any of them
    bool has_min = false, has_max = false;
    double min = 0, max = 0;          // range fields, inclusive
    bool negate = false;              // "not"
    template <class Ar> void serialize(Ar& ar) {
        ar(CEREAL_NVP(field), CEREAL_NVP(values), CEREAL_NVP(has_min), CEREAL_NVP(has_max), CEREAL_NVP(min),
           CEREAL_NVP(max), CEREAL_NVP(negate));
    }
};

struct Audience {
    std::string id, name, note;
    std::string match = "all";  // "all" (and) or "any" (or)
    std::vector<AudienceCondition> conditions;
    template <class Ar> void serialize(Ar& ar) {
        ar(CEREAL_NVP(id), CEREAL_NVP(name), CEREAL_NVP(note), CEREAL_NVP(match), CEREAL_NVP(conditions));
    }
};

}  // namespace yt
