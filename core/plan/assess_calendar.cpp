// assess_calendar.cpp — computing CalendarFigures (see assess_calendar.hpp for the span).
#include "core/plan/assess_calendar.hpp"

#include <algorithm>

#include "core/calendar/catalog.hpp"
#include "core/calendar/checks.hpp"
#include "core/calendar/recurrence.hpp"

namespace yt {

namespace {

constexpr int kMaxSpan = 3 * 366;

// The span the figures cover (derived_calendar.hpp).
void choose_span(const Workspace& ws, Day today, Day& from, Day& to) {
    from = today - 31;
    to = today + 92;
    for (const ContentItem& it : ws.calendar.items) {
        if (it.day <= 0) continue;
        from = std::min(from, it.day);
        Day end = it.day;
        if (!it.repeat.kind.empty()) end = it.repeat.until_day != 0 ? it.repeat.until_day : std::max(it.day, today) + 366;
        to = std::max(to, end);
    }
    from = std::max(from, today - kMaxSpan / 2);
    to = std::min(to, from + kMaxSpan);
}

bool same_windows(const std::vector<FestivalWindow>& a, const std::vector<FestivalWindow>& b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (a[i].id != b[i].id || a[i].days_before != b[i].days_before || a[i].days_after != b[i].days_after ||
            a[i].major != b[i].major)
            return false;
    return true;
}

bool same_years(const std::vector<FestivalYear>& a, const std::vector<FestivalYear>& b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (a[i].festival != b[i].festival || a[i].year != b[i].year || a[i].phases.size() != b[i].phases.size())
            return false;
        for (std::size_t k = 0; k < a[i].phases.size(); ++k) {
            const PhaseSpan &x = a[i].phases[k], &y = b[i].phases[k];
            if (x.id != y.id || x.start != y.start || x.end != y.end) return false;
        }
    }
    return true;
}

}  // namespace

std::vector<Festival> CalendarFigures::festivals(Day a, Day b, const std::vector<FestivalWindow>& windows) const {
    // festivals_between(a, b) reads the years of a to b + 1.
    const int ya = civil_from_days(a).y, yb = civil_from_days(b).y + 1;
    if (a > b || ya < fest_y0 || yb > fest_y1 || !same_windows(windows, fest_windows))
        return festivals_between(a, b, windows, fest_years);
    std::vector<Festival> out;
    for (const Festival& f : fest_cache)
        if (f.end >= a && f.start <= b) out.push_back(f);
    return out;
}

std::vector<ChannelMix> CalendarFigures::mix(Day a, Day b) const {
    std::vector<ChannelMix> out;
    a = std::max(a, from);
    b = std::min(b, to);
    for (std::size_t c = 0; c < channels.size(); ++c) {
        ChannelMix m;
        m.channel = channels[c];
        m.max_promo_share = channel_limit[c];
        for (Day d = a; d <= b; ++d) {
            m.value += value_per_day[c][static_cast<std::size_t>(d - from)];
            m.promo += promo_per_day[c][static_cast<std::size_t>(d - from)];
        }
        out.push_back(m);
    }
    return out;
}

std::vector<TierLoad> CalendarFigures::load(Day a, Day b) const {
    std::vector<TierLoad> out;
    for (std::size_t t = 0; t < tiers.size(); ++t) {
        TierLoad l;
        l.tier = tiers[t];
        l.cap_day = cap_day;
        l.cap_week = cap_week;
        const std::vector<double>& c = touches[t];
        auto at = [&](Day d) { return d >= from && d <= to ? c[static_cast<std::size_t>(d - from)] : 0.0; };
        JourneyTouches extra;
        auto j = journey_touches.find(l.tier);
        if (j != journey_touches.end()) extra = j->second;
        for (Day d = std::max(a, from); d <= std::min(b, to); ++d) l.max_day = std::max(l.max_day, at(d) + extra.day);
        for (Day w = a - weekday(a); w <= b; w += 7) {
            double s = extra.week;
            for (Day d = w; d < w + 7; ++d) s += at(d);
            l.max_week = std::max(l.max_week, s);
        }
        out.push_back(l);
    }
    return out;
}

std::vector<std::size_t> CalendarFigures::findings_in(Day a, Day b) const {
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < findings.size(); ++i) {
        const FindingLink& k = links[i];
        if (k.from == 0 || (k.from <= b && std::max(k.from, k.to) >= a)) out.push_back(i);
    }
    std::stable_sort(out.begin(), out.end(), [&](std::size_t x, std::size_t y) { return findings[x].severity > findings[y].severity; });
    return out;
}

int CalendarFigures::worst(const std::string& item) const {
    auto it = item_worst.find(item);
    return it == item_worst.end() ? -1 : it->second;
}

void assess_calendar(const Workspace& ws, Day today, const std::map<std::string, int>& tier_sizes, CalendarFigures& out,
                     const CalendarReach& reach) {
    out.today = today;
    const int year = civil_from_days(out.today).y;
    if (out.fest_y0 != year - 1 || out.fest_y1 != year + 2 || !same_windows(ws.calendar.festival_windows, out.fest_windows) ||
        !same_years(ws.calendar.festival_years, out.fest_years)) {
        out.fest_y0 = year - 1;
        out.fest_y1 = year + 2;
        out.fest_windows = ws.calendar.festival_windows;
        out.fest_years = ws.calendar.festival_years;
        out.fest_cache.clear();
        for (int y = out.fest_y0; y <= out.fest_y1; ++y)
            if (auto r = festivals_for_year(y, out.fest_windows, ws.calendar.festival_years))
                for (Festival& f : r.value()) out.fest_cache.push_back(std::move(f));
        std::stable_sort(out.fest_cache.begin(), out.fest_cache.end(), [](const Festival& x, const Festival& y) { return x.date < y.date; });
    }
    choose_span(ws, out.today, out.from, out.to);
    const std::size_t n = static_cast<std::size_t>(out.to - out.from + 1);

    CalendarCheckInput in{ws.calendar, ws.roles, ws.rules, tier_sizes, out.from, out.to, today};
    in.audience_tiers = reach.audience_tiers;
    out.journey_touches.clear();
    if (reach.journey_touches) out.journey_touches = *reach.journey_touches;
    in.journey_touches = &out.journey_touches;
    out.findings = check_calendar(in);
    out.links.clear();
    out.item_worst.clear();
    for (const Finding& f : out.findings) {
        out.links.push_back(finding_link(f, ws.calendar, ws.roles, in.audience_tiers));
        if (out.links.back().broad) continue;
        for (const std::string& id : out.links.back().items) {
            int& w = out.item_worst.emplace(id, -1).first->second;
            w = std::max(w, static_cast<int>(f.severity));
        }
    }

    // Value and promotion items per policy channel and day.
    std::vector<std::string> keys = all_channels(ws.calendar);
    keys.insert(std::find(keys.begin(), keys.end(), "group") + 1, "group_deal");
    std::vector<std::vector<int>> value(keys.size(), std::vector<int>(n, 0)), promo = value;
    std::vector<std::string> policy(ws.calendar.items.size());
    for (std::size_t i = 0; i < policy.size(); ++i) policy[i] = policy_channel(ws.calendar.items[i], ws.roles);
    for (const Occurrence& o : expand_occurrences(ws.calendar.items, out.from, out.to)) {
        const ContentItem& it = ws.calendar.items[o.item];
        auto k = std::find(keys.begin(), keys.end(), policy[o.item]);
        if (k == keys.end()) {  // a channel neither built in nor declared: shown after the others
            keys.push_back(policy[o.item]);
            value.emplace_back(n, 0);
            promo.emplace_back(n, 0);
            k = keys.end() - 1;
        }
        const std::size_t c = static_cast<std::size_t>(k - keys.begin());
        ++(is_promotion_type(it.type) ? promo : value)[c][static_cast<std::size_t>(o.day - out.from)];
    }
    out.channels.clear();
    out.channel_limit.clear();
    out.value_per_day.clear();
    out.promo_per_day.clear();
    for (std::size_t c = 0; c < keys.size(); ++c) {
        bool any = false;
        for (std::size_t d = 0; d < n && !any; ++d) any = value[c][d] || promo[c][d];
        if (!any) continue;
        out.channels.push_back(keys[c]);
        out.channel_limit.push_back(channel_policy(ws.calendar, ws.rules, keys[c]).max_promo_share);
        out.value_per_day.push_back(std::move(value[c]));
        out.promo_per_day.push_back(std::move(promo[c]));
    }

    // Touches per customer per tier and day.
    out.cap_day = ws.rules.value_or("calendar.max_touches_day", 3);
    out.cap_week = ws.rules.value_or("calendar.max_touches_week", 10);
    out.tiers.clear();
    out.touches.clear();
    for (auto& kv : touches_by_tier(in)) {
        out.tiers.push_back(kv.first);
        kv.second.resize(n, 0.0);
        out.touches.push_back(std::move(kv.second));
    }
    out.ready = true;
}

}  // namespace yt
