// journeys.cpp — entrants per trigger, messages per sender and touches per segment (journeys.hpp).
#include "core/plan/journeys.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <memory>

#include "core/model/dates.hpp"
#include "core/model/parts.hpp"
#include "core/tiering/audience.hpp"

namespace yt {

namespace {

constexpr int kBirthdayWindow = 365;

using PerSeg = std::array<std::array<std::uint32_t, kSegments + 1>, TriggerSums::kWindows>;

// Customers [from, to) counted into the order-based triggers' windows they enter (all customers,
// or the members of `mask`), per segment.
void count_range(const CustomerSummary& s, const std::vector<std::uint8_t>& seg, const std::vector<char>& birthday,
                 const std::vector<std::uint8_t>* mask, std::size_t from, std::size_t to, PerSeg& per_seg) {
    const Day a = s.as_of;
    // Counted per window and segment in a plain array (a map looked up by name for every hit took
    // most of the time over a million customers).
    enum { kFirst, kRepurchase, kAfterSale, kDormant, kBirthday };
    for (std::size_t c = from; c < to; ++c) {
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
}

// The triggers' entrants from their counts per window and segment.
void fill_inflows(const PerSeg& per_seg, std::map<std::string, TriggerInflow>& out) {
    struct Window {
        const char* trigger;
        int days;
    };
    static constexpr Window windows[TriggerSums::kWindows] = {
        {"first_purchase", 30}, {"repurchase", 90}, {"after_sale", 30}, {"dormant_30", 30}, {"birthday", kBirthdayWindow}};
    for (int w = 0; w < TriggerSums::kWindows; ++w) {
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

// Customers entering each order-based trigger over its window (all customers, or the members of
// `mask`), with the segments they are in.
void count_entrants(const CustomerSummary& s, const std::vector<std::uint8_t>& seg, const std::vector<char>& birthday,
                    const std::vector<std::uint8_t>* mask, std::map<std::string, TriggerInflow>& out) {
    PerSeg per_seg{};
    count_range(s, seg, birthday, mask, 0, s.size(), per_seg);
    fill_inflows(per_seg, out);
}

// The triggers without orders: every one known, none with entrants from the orders.
void clear_triggers(JourneyFigures& out) {
    out.triggers.clear();
    out.from_orders = false;
    out.as_of = 0;
    out.repurchase_interval_days = 0;
    out.repeat_buyers = 0;
    out.birthday.reset();
    for (const std::string& t : sop_triggers()) out.triggers[t];
}

// Counts customers [m.next, m.next + count) of the tiers into `m`: their readable birthdays,
// their trigger windows and, for repeat buyers, their purchase intervals. True while customers
// are left.
bool count_triggers_range(const OrderTable& orders, const TierFigures& tiers, std::size_t count, TriggerSums& m) {
    const CustomerSummary& s = tiers.tiers->summary;
    if (!m.birthday) {  // the first part
        m.birthday = std::make_shared<std::vector<char>>(s.size(), 0);
        for (std::size_t i = 0; i < orders.attributes.size(); ++i) {
            const AttributeColumn& col = orders.attributes[i];
            if (col.name != "birthday") continue;
            m.birthday_column = static_cast<int>(i);
            m.readable.assign(col.values.size(), 0);
            for (std::size_t v = 0; v < col.values.size(); ++v)
                m.readable[v] = birthday_month(col.values.at(static_cast<std::uint32_t>(v))) != 0;
        }
    }
    const std::size_t next = std::min(m.next, s.size());
    const std::size_t end = part_end(next, count, s.size());
    if (m.birthday_column >= 0 && static_cast<std::size_t>(m.birthday_column) < orders.attributes.size()) {
        const AttributeColumn& col = orders.attributes[static_cast<std::size_t>(m.birthday_column)];
        std::vector<char>& b = *m.birthday;
        for (std::size_t c = next; c < end && c < col.of_customer.size(); ++c)
            b[c] = col.of_customer[c] != AttributeColumn::kNoValue && m.readable[col.of_customer[c]];
    }
    count_range(s, tiers.tiers->segments.segment, *m.birthday, nullptr, next, end, m.per_seg);
    for (std::size_t c = next; c < end; ++c)
        if (s.orders[c] >= 2 && s.last[c] > s.first[c])
            m.intervals.push_back(static_cast<double>(s.last[c] - s.first[c]) / (s.orders[c] - 1));
    m.next = end;
    return end < s.size();
}

// The triggers, the birthdays and the repurchase interval (a median) from every customer's counts.
void finish_triggers(const TierFigures& tiers, TriggerSums& m, JourneyFigures& out) {
    clear_triggers(out);
    out.from_orders = true;
    out.as_of = tiers.tiers->summary.as_of;
    out.birthday = std::move(m.birthday);
    fill_inflows(m.per_seg, out.triggers);
    std::vector<double>& intervals = m.intervals;
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

bool prepare_journey_triggers_part(const OrderTable* orders, const TierFigures& tiers, JourneyFigures& out,
                                   std::size_t count) {
    const std::uint64_t gen = orders && tiers.tiers ? tiers.generation : 0;
    // trig_generation starts at ~0, which no tiers result (nor 0, no orders) has.
    if (gen == out.trig_generation && (orders && tiers.tiers) == out.from_orders) return false;
    if (!orders || !tiers.tiers) {
        clear_triggers(out);
        out.trig_generation = gen;
        return false;
    }
    if (out.sums_generation != gen) {  // counts of other tiers, or none yet
        out.trig_sums = TriggerSums{};
        out.sums_generation = gen;
    }
    if (count_triggers_range(*orders, tiers, count, out.trig_sums)) return true;
    finish_triggers(tiers, out.trig_sums, out);
    out.trig_generation = gen;
    out.trig_sums = TriggerSums{};
    out.sums_generation = ~0ull;
    return false;
}

void prepare_journey_triggers(const OrderTable* orders, const TierFigures& tiers, JourneyFigures& out) {
    prepare_journey_triggers_part(orders, tiers, out, std::numeric_limits<std::size_t>::max());
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
