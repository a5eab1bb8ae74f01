// segments.hpp — the Chinese 8-segment RFM model (重要价值客户 … 一般挽留客户) and the per-segment table.
//
// Each of R, F, M is split in two against a threshold: the mean, the median (over customers with
// a purchase) or operator-set values. Definitions (canonical table, see shared notes C5):
//   important_value   重要价值  R near, F high, M high      general_value   一般价值  R near, F high, M low
//   important_keep    重要保持  R far,  F high, M high      general_keep    一般保持  R far,  F high, M low
//   important_develop 重要发展  R near, F low,  M high      general_develop 一般发展  R near, F low,  M low
//   important_retain  重要挽留  R far,  F low,  M high      general_retain  一般挽留  R far,  F low,  M low
// Comparisons: with mean/median a customer must be strictly better than the typical customer
// (recency < threshold is "near", F or M > threshold is "high"), so when most customers bought
// once (median F = 1) only repeat buyers count as high. Operator thresholds are inclusive:
// "within N days" (recency <= N), "at least N orders" (F >= N), "at least N spent" (M >= N).
// R is days since the last purchase, F the number of orders, M revenue net of refunds.
//
// Mapping to common English RFM segment names (R `rfm` package / Putler style) — our choice,
// made by reading each definition:
//   important_value → Champions          general_value   → Loyal Customers
//   important_develop → Potential Loyalist  general_develop → Promising / New
//   important_keep → Can't Lose Them      general_keep    → Need Attention
//   important_retain → At Risk            general_retain  → Hibernating / Lost
// plus Klaviyo's six groups and Shopify's CustomerRfmGroup values (segment_klaviyo/shopify).
//
// Segment keys are stable ids (personas and the calendar use them as tier keys); their zh/en
// names are the i18n keys "tiering.seg.<key>" and "tiering.seg.<key>.rfm".
#pragma once
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/model/result.hpp"
#include "core/tiering/summary.hpp"
#include "core/tiering/tiering_settings.hpp"

namespace yt {

constexpr int kSegments = 8;
constexpr std::uint8_t kNoSegment = 255;  // customer without a purchase by the as-of date

enum class Segment : std::uint8_t {
    ImportantValue = 0, ImportantDevelop = 1, ImportantKeep = 2, ImportantRetain = 3,
    GeneralValue = 4, GeneralDevelop = 5, GeneralKeep = 6, GeneralRetain = 7,
};

const char* segment_key(int s);            // "important_value", ...; "none" otherwise
int segment_from_key(std::string_view k);  // -1 when unknown
std::string segment_name_key(int s);       // "tiering.seg.important_value" (zh 重要价值客户 / en)
std::string segment_rfm_name_key(int s);   // "tiering.seg.important_value.rfm" (Champions / 冠军客户)
const char* segment_klaviyo(int s);        // Klaviyo RFM group: "Champions", "Loyal", "Recent", ...
const char* segment_shopify(int s);        // Shopify CustomerRfmGroup: "CHAMPIONS", "AT_RISK", ...
int segment_of(bool r_near, bool f_high, bool m_high);
bool segment_r_near(int s);
bool segment_f_high(int s);
bool segment_m_high(int s);

struct SplitThresholds {
    std::string rule = "mean";  // "mean", "median", "manual"
    double r_days = 0, f = 0, m = 0;
    bool inclusive = false;     // manual: recency <= r, F >= f, M >= m; else recency < r, F > f, M > m
};

// Errors: "tiering.bad_split" {rule}; "tiering.no_buyers" {as_of}.
Result<SplitThresholds> split_thresholds(const CustomerSummary& s, const std::string& rule, double manual_r_days = 30,
                                         double manual_f = 2, double manual_m = 200);
Result<SplitThresholds> split_from_settings(const CustomerSummary& s, const TieringSettings& t);

struct Segmentation {
    SplitThresholds thresholds;
    std::vector<std::uint8_t> segment;  // per customer: 0..7 or kNoSegment
    std::array<std::uint32_t, kSegments> counts{};
    std::uint32_t unscored = 0;         // customers without a purchase
};

Segmentation assign_segments(const CustomerSummary& s, const SplitThresholds& th);

// One row of the per-segment table.
struct SegmentRow {
    std::uint32_t customers = 0;
    double revenue = 0;
    double mean_recency = 0, mean_frequency = 0, mean_monetary = 0;  // days, orders, revenue
    double clv_total = 0;  // sum of per-customer CLV when given, else 0
};

// `clv` (optional) is per customer (ClvResult::clv); NaN entries are skipped.
std::array<SegmentRow, kSegments> segment_table(const CustomerSummary& s, const Segmentation& seg,
                                                const std::vector<float>* clv = nullptr);

}  // namespace yt
