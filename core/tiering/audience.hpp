// audience.hpp — evaluating saved audiences (人群包, core/tiering/audience_model.hpp) over the
// customers of an OrderTable: who is in each, how many, and how many per segment.
//
// Columnar: a condition is turned into a match table over the interned values of its column
// (segment byte, stage byte, attribute value id, tag value id, product or owner id), then one pass
// over the customers reads that table; no string is compared per customer. What needs the orders
// once (each customer's most bought product and last owner, the tags of each tags cell, the month
// of each birthday, the number of each age) is prepared by audience_columns() and can be cached
// with the orders.
//
// Rules:
//   - a customer matches a value condition when its value is any of the condition's values; a
//     tags cell is split on ，,;/|、 (and spaces around) and matches when any of its tags does;
//   - a range condition matches when the number lies in [min, max] (an open side is unbounded);
//     a customer without the number (no CLV, no age) does not match;
//   - `negate` flips a condition (so "not in Shanghai" includes customers with no city);
//   - `match` "all" needs every condition, "any" one of them; an audience without conditions holds
//     every customer of the table;
//   - a customer of the table without a purchase has no segment or stage (counted apart).
// Errors are values on each result: "audience.unknown_field" {field}, "audience.unknown_ref" {id},
// "audience.cycle" {id}, "audience.ref_error" {id} (a referenced audience has an error), and
// those of check_audience().
#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/model/orders.hpp"
#include "core/model/result.hpp"
#include "core/tiering/audience_model.hpp"
#include "core/tiering/segments.hpp"
#include "core/tiering/summary.hpp"

namespace yt {

enum class AudienceFieldKind { Unknown, Values, Range };

// The fields, in the order the editor offers them.
const std::vector<std::string>& audience_fields();
AudienceFieldKind audience_field_kind(const std::string& field);
// i18n key of a field's name: "audience.field.<field>".
std::string audience_field_name_key(const std::string& field);

// Splits a tags cell on ，,;/|、 and trims spaces; empty parts are dropped.
std::vector<std::string> split_tags(const std::string& cell);

// Month 1..12 of a birthday text ("1990-05-12", "1990/5/12", "05-12", "5月12日", "19900512"),
// 0 when none is found.
int birthday_month(const std::string& text);

// Whether an audience can be saved: match "all"/"any" ("audience.bad_match" {match}); each
// condition's field known, a range field with at least one bound and min <= max
// ("audience.no_range" {field}, "audience.bad_range" {field}), segment and stage keys known and
// months 1..12 ("audience.bad_value" {field, value}), no reference to itself ("audience.cycle").
Status check_audience(const Audience& a);

// What audience_columns() prepares from one OrderTable.
struct AudienceColumns {
    static constexpr std::uint32_t kNone = 0xffffffffu;
    std::size_t customers = 0;
    std::vector<std::uint32_t> top_product;  // per customer: product id bought on most orders (ties: first bought)
    std::vector<std::uint32_t> last_owner;   // per customer: owner id of the last order that names one
    StringPool tags;                           // every tag of the tags column, split
    std::vector<std::vector<std::uint32_t>> tags_of_value;  // per value id of the tags column
    std::vector<std::uint8_t> month_of_value;  // per value id of the birthday column (0 = none)
    std::vector<double> age_of_value;          // per value id of the age column (NaN = none)
    int tags_column = -1, birthday_column = -1, age_column = -1;  // indexes in OrderTable::attributes
};
AudienceColumns audience_columns(const OrderTable& t, const OrderIndex& idx);

// Per-customer figures the conditions read; any pointer may be null (then no customer has it).
struct AudienceInputs {
    const OrderTable* orders = nullptr;
    const AudienceColumns* columns = nullptr;
    const std::vector<std::uint8_t>* segment = nullptr;  // 0..7 or kNoSegment
    const std::vector<std::uint8_t>* stage = nullptr;    // 0..3 or kNoStage
    const std::vector<float>* clv = nullptr;              // NaN = none
    const std::vector<float>* p_alive = nullptr;
};

struct AudienceResult {
    std::string id;
    std::optional<Error> error;           // then nobody is counted
    std::vector<std::uint8_t> member;     // per customer: 1 when in the audience
    std::uint32_t count = 0;
    std::array<std::uint32_t, kSegments + 1> by_segment{};  // index kSegments: without a segment
    // Keys of the segments that have members, in segment order.
    std::vector<std::string> segment_keys() const;
};

// Every audience of `all`, in order; references are evaluated once each.
std::vector<AudienceResult> evaluate_audiences(const std::vector<Audience>& all, const AudienceInputs& in);
// One audience (e.g. as being edited) whose references point into `all` (its own id, if in
// `all`, is taken to be this one).
AudienceResult evaluate_audience(const Audience& a, const std::vector<Audience>& all, const AudienceInputs& in);

// The values a value field takes in the data, most customers first (segment and stage: their
// keys; birth_month: "1".."12"; audience: none — the caller lists the audiences).
std::vector<std::string> audience_value_choices(const std::string& field, const AudienceInputs& in);

bool same_audience(const Audience& a, const Audience& b);

}  // namespace yt
