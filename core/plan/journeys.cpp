// journeys.cpp — entrants per trigger, messages per sender and touches per segment (journeys.hpp).
#include "core/plan/journeys.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <memory>

#include "core/model/dates.hpp"
#include "core/tiering/audience.hpp"

namespace yt {

namespace {

constexpr int kBirthdayWindow = 365;

// Customers entering each order-based trigger over its window (all customers, or the members of
// `mask`), with the segments they are in.
void count_entrants(const CustomerSummary& s, const std::vector<std::uint8_t>& seg, const std::vector<char>& birthday,
                    const std::vector<std::uint8_t>* mask, std::map<std::string, TriggerInflow>& out) {
    struct Window {
        const char* trigger;
        int days;
    };
    const Window windows[] = {{"first_purchase", 30}, {"repurchase", 90}, {"after_sale", 30}, {"dormant_30", 30},
                              {"birthday", kBirthdayWindow}};
    const Day a = s.as_of;
    // Counted per window and segment in a plain array (a map looked up by name for every hit took
    // most of the time over a million customers).
    enum { kFirst, kRepurchase, kAfterSale, kDormant, kBirthday, kWindows };
    std::array<std::array<std::uint32_t, kSegments + 1>, kWindows> per_seg{};
    for (std::size_t c = 0; c < s.size(); ++c) {
        if (mask && (c >= mask->size() || !(*mask)[c])) continue;
        const bool bought = s.orders[c] > 0;
        const std::size_t k = c < seg.size() && seg[c] < kSegments ? seg[c] : kSegments;
        if (bought) {
            const Day first = s.first[c], last = s.last[c];
            per_seg[kFirst][k] += first > a - 30 && first <= a;
            per_seg[kRepurchase][k] += last > a - 90 && last <= a;
            per_seg[kAfterSale][k] += last > a - 30 && last <= a;
            per_seg[kDormant][k] += last > a - 60 && last <= a - 30;
        }
        per_seg[kBirthday][k] += c < birthday.size() && birthday[c];
    }
    for (int w = 0; w < kWindows; ++w) {
        TriggerInflow& in = out[windows[w].trigger];
        in = TriggerInflow{};
        in.window_days = windows[w].days;
        const auto& counts = per_seg[static_cast<std::size_t>(w)];
        std::uint32_t n = 0;
        for (std::uint32_t x : counts) n += x;
        if (n == 0) continue;
        in.customers = n;
        in.per_day = static_cast<double>(n) / windows[w].days;
        for (int k = 0; k < kSegments; ++k)
            if (counts[static_cast<std::size_t>(k)] > 0)
                in.segments[segment_key(k)] = static_cast<double>(counts[static_cast<std::size_t>(k)]) / n;
    }
}

void count_triggers(const OrderTable* orders, const TierFigures& tiers, JourneyFigures& out) {
    out.triggers.clear();
    out.from_orders = false;
    out.as_of = 0;
    out.repurchase_interval_days = 0;
    out.repeat_buyers = 0;
    out.birthday.reset();
    for (const std::string& t : sop_triggers()) out.triggers[t];
    if (!orders || !tiers.tiers) return;
    const CustomerSummary& s = tiers.tiers->summary;
    out.from_orders = true;
    out.as_of = s.as_of;
    auto birthday = std::make_shared<std::vector<char>>(s.size(), 0);
    for (const AttributeColumn& col : orders->attributes) {
        if (col.name != "birthday") continue;
        std::vector<char> readable(col.values.size(), 0);
        for (std::size_t v = 0; v < col.values.size(); ++v) readable[v] = birthday_month(col.values.at(static_cast<std::uint32_t>(v))) != 0;
        for (std::size_t c = 0; c < s.size() && c < col.of_customer.size(); ++c)
            (*birthday)[c] = col.of_customer[c] != AttributeColumn::kNoValue && readable[col.of_customer[c]];
    }
    out.birthday = birthday;
    count_entrants(s, tiers.tiers->segments.segment, *birthday, nullptr, out.triggers);
    std::vector<double> intervals;
    for (std::size_t c = 0; c < s.size(); ++c)
        if (s.orders[c] >= 2 && s.last[c] > s.first[c])
            intervals.push_back(static_cast<double>(s.last[c] - s.first[c]) / (s.orders[c] - 1));
    if (!intervals.empty()) {
        const auto mid = intervals.begin() + static_cast<std::ptrdiff_t>(intervals.size() / 2);
        std::nth_element(intervals.begin(), mid, intervals.end());
        double med = *mid;
        if (intervals.size() % 2 == 0) med = (med + *std::max_element(intervals.begin(), mid)) / 2;
        out.repurchase_interval_days = med;
        out.repeat_buyers = static_cast<std::uint32_t>(intervals.size());
    }
}

std::string sender_of(const SopStep& st) { return !st.account.empty() ? st.account : st.persona; }

}  // namespace

const JourneyFigure* JourneyFigures::journey(const std::string& id) const {
    for (const JourneyFigure& j : journeys)
        if (j.id == id) return &j;
    return nullptr;
}

void set_new_friends(JourneyFigures& j, double per_day) {
    j.new_friends_per_day = std::max(0.0, per_day);
    for (JourneyFigure& f : j.journeys) {
        if (f.trigger != "new_friend" || !f.enabled) continue;
        f.inflow_per_day = j.new_friends_per_day * f.audience_share;
        f.messages_per_day = f.inflow_per_day * f.shape.steps;
        f.by_sender.clear();  // sent by the account that gained the friend (workload.hpp)
    }
}

int repurchase_start_days(const JourneyFigures& j) {
    if (j.repurchase_interval_days <= 0) return 0;
    return std::max(1, static_cast<int>(std::lround(j.repurchase_interval_days)) - 7);
}

void prepare_journey_triggers(const OrderTable* orders, const TierFigures& tiers, JourneyFigures& out) {
    const std::uint64_t gen = orders && tiers.tiers ? tiers.generation : 0;
    // trig_generation starts at ~0, which no tiers result (nor 0, no orders) has.
    if (gen == out.trig_generation && (orders && tiers.tiers) == out.from_orders) return;
    count_triggers(orders, tiers, out);
    out.trig_generation = gen;
}

void assess_journeys(const Workspace& ws, const OrderTable* orders, const TierFigures& tiers, const AudienceFigures* audiences,
                     JourneyFigures& out) {
    prepare_journey_triggers(orders, tiers, out);
    out.journeys.clear();
    out.touches.clear();
    out.journey_per_day.clear();
    out.steps_per_new_friend = 0;
    std::map<std::string, std::map<std::string, TriggerInflow>> by_audience;  // counted once per call
    for (const Sop& s : ws.calendar.sops) {
        JourneyFigure f;
        f.id = s.id;
        f.trigger = s.trigger;
        f.enabled = s.enabled;
        f.shape = sop_shape(s);
        const std::map<std::string, TriggerInflow>* entrants = &out.triggers;
        if (!s.audience.empty()) {
            // Only the audience's members enter: counted over them when the orders are there; a
            // missing or broken audience lets no one in.
            const AudienceFigure* af = audiences ? audiences->find(s.audience) : nullptr;
            f.audience_ok = af && !af->error;
            f.audience_share = f.audience_ok ? af->share : 0;
            if (f.audience_ok && af->members && out.from_orders) {
                auto [it, fresh] = by_audience.try_emplace(s.audience);
                if (fresh)
                    count_entrants(tiers.tiers->summary, tiers.tiers->segments.segment, *out.birthday, af->members.get(), it->second);
                entrants = &it->second;
            } else {
                entrants = nullptr;
            }
        }
        if (f.enabled && s.trigger == "new_friend") {
            out.steps_per_new_friend += f.shape.steps * f.audience_share;
            f.inflow_per_day = out.new_friends_per_day * f.audience_share;
        } else if (f.enabled && entrants) {
            auto it = entrants->find(s.trigger);
            if (it != entrants->end()) {
                f.inflow_per_day = it->second.per_day;
                for (const auto& kv : it->second.segments) f.tiers.push_back(kv.first);
            }
        }
        f.messages_per_day = f.inflow_per_day * f.shape.steps;
        if (s.trigger != "new_friend" && f.inflow_per_day > 0) {
            for (const SopStep& st : s.steps) f.by_sender[sender_of(st)] += f.inflow_per_day;
            for (const auto& kv : f.by_sender) out.journey_per_day[kv.first] += kv.second;
            for (const std::string& t : f.tiers) {
                JourneyTouches& x = out.touches[t];
                x.day = std::max(x.day, static_cast<double>(f.shape.peak_day));
                x.week = std::max(x.week, static_cast<double>(f.shape.peak_week));
                x.mass_month = std::max(x.mass_month, static_cast<double>(f.shape.mass_month));
            }
        }
        out.journeys.push_back(std::move(f));
    }
    out.ready = true;
}

}  // namespace yt
