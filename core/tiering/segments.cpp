// segments.cpp — 8-segment assignment, thresholds (mean/median/manual), names and the segment table.
#include "core/tiering/segments.hpp"

#include <algorithm>
#include <cmath>

#include "core/tiering/radix.hpp"

namespace yt {

namespace {
const char* const kKeys[kSegments] = {"important_value", "important_develop", "important_keep", "important_retain",
                                      "general_value",   "general_develop",   "general_keep",   "general_retain"};
const char* const kKlaviyo[kSegments] = {"Champions", "Recent",  "At risk", "At risk",
                                         "Loyal",     "Recent",  "Needs attention", "Inactive"};
const char* const kShopify[kSegments] = {"CHAMPIONS", "PROMISING", "AT_RISK",          "ALMOST_LOST",
                                         "LOYAL",     "NEW",       "PREVIOUSLY_LOYAL", "DORMANT"};

// Median by order statistics on ordered keys (no full sort).
double median_of(const std::vector<double>& v) {
    const std::size_t n = v.size();
    std::vector<std::uint64_t> keys(n);
    for (std::size_t i = 0; i < n; ++i) keys[i] = ordered_key(v[i]);
    const std::vector<std::uint64_t> mid = keys_at_ranks(keys, {(n - 1) / 2, n / 2});
    return (from_ordered_key(mid[0]) + from_ordered_key(mid[1])) / 2;
}
}  // namespace

const char* segment_key(int s) { return s >= 0 && s < kSegments ? kKeys[s] : "none"; }
int segment_from_key(std::string_view k) {
    for (int s = 0; s < kSegments; ++s)
        if (k == kKeys[s]) return s;
    return -1;
}
std::string segment_name_key(int s) { return std::string("tiering.seg.") + segment_key(s); }
std::string segment_rfm_name_key(int s) { return std::string("tiering.seg.") + segment_key(s) + ".rfm"; }
const char* segment_klaviyo(int s) { return s >= 0 && s < kSegments ? kKlaviyo[s] : ""; }
const char* segment_shopify(int s) { return s >= 0 && s < kSegments ? kShopify[s] : ""; }

// Index = (M low ? 4 : 0) + {near&high: 0, near&low: 1, far&high: 2, far&low: 3}.
int segment_of(bool r_near, bool f_high, bool m_high) {
    return (m_high ? 0 : 4) + (r_near ? 0 : 2) + (f_high ? 0 : 1);
}
bool segment_r_near(int s) { return (s & 2) == 0; }
bool segment_f_high(int s) { return (s & 1) == 0; }
bool segment_m_high(int s) { return s < 4; }

Result<SplitThresholds> split_thresholds(const CustomerSummary& s, const std::string& rule, double manual_r_days,
                                         double manual_f, double manual_m) {
    SplitThresholds th;
    th.rule = rule;
    if (rule == "manual") {
        if (!std::isfinite(manual_r_days) || !std::isfinite(manual_f) || !std::isfinite(manual_m))
            return Error("tiering.bad_split", {rule});
        th.r_days = manual_r_days;
        th.f = manual_f;
        th.m = manual_m;
        th.inclusive = true;
        return th;
    }
    if (rule != "mean" && rule != "median") return Error("tiering.bad_split", {rule});
    if (s.buyers == 0) return Error("tiering.no_buyers", {format_day(s.as_of)});
    const std::size_t n = s.size();
    if (rule == "mean") {
        double sr = 0, sf = 0, sm = 0;
        for (std::size_t i = 0; i < n; ++i) {
            if (s.orders[i] <= 0) continue;
            sr += s.recency[i];
            sf += s.orders[i];
            sm += s.revenue[i];
        }
        th.r_days = sr / s.buyers;
        th.f = sf / s.buyers;
        th.m = sm / s.buyers;
    } else {
        std::vector<double> v;
        v.reserve(s.buyers);
        for (std::size_t i = 0; i < n; ++i) if (s.orders[i] > 0) v.push_back(s.recency[i]);
        th.r_days = median_of(v);
        v.clear();
        for (std::size_t i = 0; i < n; ++i) if (s.orders[i] > 0) v.push_back(s.orders[i]);
        th.f = median_of(v);
        v.clear();
        for (std::size_t i = 0; i < n; ++i) if (s.orders[i] > 0) v.push_back(s.revenue[i]);
        th.m = median_of(v);
    }
    th.inclusive = false;
    return th;
}

Result<SplitThresholds> split_from_settings(const CustomerSummary& s, const TieringSettings& t) {
    return split_thresholds(s, t.split, t.manual_r_days, t.manual_f, t.manual_m);
}

Segmentation assign_segments(const CustomerSummary& s, const SplitThresholds& th) {
    Segmentation out;
    out.thresholds = th;
    const std::size_t n = s.size();
    out.segment.assign(n, kNoSegment);
    for (std::size_t i = 0; i < n; ++i) {
        if (s.orders[i] <= 0) { ++out.unscored; continue; }
        const double r = s.recency[i], f = s.orders[i], m = s.revenue[i];
        const bool near = th.inclusive ? r <= th.r_days : r < th.r_days;
        const bool fh = th.inclusive ? f >= th.f : f > th.f;
        const bool mh = th.inclusive ? m >= th.m : m > th.m;
        const int seg = segment_of(near, fh, mh);
        out.segment[i] = static_cast<std::uint8_t>(seg);
        ++out.counts[static_cast<std::size_t>(seg)];
    }
    return out;
}

std::array<SegmentRow, kSegments> segment_table(const CustomerSummary& s, const Segmentation& seg,
                                                const std::vector<float>* clv) {
    std::array<SegmentRow, kSegments> t{};
    const std::size_t n = s.size();
    for (std::size_t i = 0; i < n; ++i) {
        const int g = seg.segment[i];
        if (g >= kSegments) continue;
        SegmentRow& row = t[static_cast<std::size_t>(g)];
        ++row.customers;
        row.revenue += s.revenue[i];
        row.mean_recency += s.recency[i];
        row.mean_frequency += s.orders[i];
        if (clv && i < clv->size() && std::isfinite((*clv)[i])) row.clv_total += (*clv)[i];
    }
    for (auto& row : t) {
        if (row.customers == 0) continue;
        row.mean_monetary = row.revenue / row.customers;
        row.mean_recency /= row.customers;
        row.mean_frequency /= row.customers;
    }
    return t;
}

}  // namespace yt
