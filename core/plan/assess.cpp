// assess.cpp — the one computation of the plan (see assess.hpp for the data flow).
#include "core/plan/assess.hpp"

#include <algorithm>

#include "core/plan/demo.hpp"
#include "core/tiering/segments.hpp"

namespace yt {

Day plan_today(const Workspace& ws, Day last_order_day, std::optional<Day> clock, std::string* source) {
    auto said = [source](const char* s) {
        if (source) *source = s;
    };
    if (ws.settings.today > 0) {
        said("pinned");
        return ws.settings.today;
    }
    if (ws.dataset.name == "demo") {
        said("demo");
        return kDemoToday;
    }
    if (clock) {
        said("clock");
        return *clock;
    }
    Day t = last_order_day;
    for (const auto& item : ws.calendar.items)
        if (item.day > 0) t = std::max<Day>(t, item.day - 30);
    for (const auto& g : ws.roles.groups) t = std::max<Day>(t, g.qr_created_day);
    if (t > 0) {
        said("data");
        return t;
    }
    said("default");
    return kDemoToday;
}

void assess(const Workspace& ws, const OrderTable* orders, std::optional<Day> clock, Assessment& a) {
    assess_orders(orders, a.order_facts);
    a.today = plan_today(ws, a.order_facts.last_day, clock, &a.today_source);
    assess_tiers(ws, orders, a.tiers);
    assess_audiences(ws, orders, a.tiers, a.audiences);

    // Segment sizes from the orders reach the roles checks (unserved tiers, chats per tier) and
    // the calendar (touches per customer of the segments that have customers).
    std::map<std::string, int> sizes;
    if (a.tiers.tiers)
        for (const auto& kv : a.tiers.segment_sizes) sizes[kv.first] = kv.second;

    // Journeys: entrants from the orders; their messages reach the workload, their steps the
    // touches per customer.
    assess_journeys(ws, orders, a.tiers, &a.audiences, a.journeys);

    RolesCheckInput in;
    in.today = a.today;
    in.journey_per_day = a.journeys.journey_per_day;
    in.journey_steps_per_new_friend = a.journeys.steps_per_new_friend;
    for (const auto& kv : sizes) in.tier_sizes[kv.first] = kv.second;
    // Accounts that claim owner names in the orders get their revenue, customers and growth.
    a.accounts = account_figures(ws.roles, a.order_facts);
    for (const auto& kv : a.accounts) {
        in.account_values[kv.first] = kv.second.value;
        if (kv.second.new_per_month > 0) in.account_growth[kv.first] = kv.second.new_per_month;
    }
    // A persona that serves a saved audience serves the segments its members are in.
    Workspace expanded;
    const bool personas_name_audiences = personas_with_audience_tiers(ws, a.audiences.tiers_of, expanded);
    assess_roles(personas_name_audiences ? expanded : ws, in, a.roles);
    a.roles.today_source = a.today_source;
    double new_friends = 0;
    for (const AccountCapacity& c : a.roles.capacity.accounts) new_friends += std::max(0.0, c.growth);
    set_new_friends(a.journeys, new_friends / 30.0);
    CalendarReach reach;
    reach.journey_touches = &a.journeys.touches;
    reach.audience_tiers = &a.audiences.tiers_of;
    assess_calendar(ws, a.today, sizes, a.calendar, reach);
    assess_economics(ws, a.order_facts, a.tiers, a.economics);

    assess_content(ws, a.calendar.from, a.calendar.to, a.content);

    a.findings = a.roles.findings;
    a.findings.insert(a.findings.end(), a.calendar.findings.begin(), a.calendar.findings.end());
    a.findings.insert(a.findings.end(), a.content.findings.begin(), a.content.findings.end());
    // The Calendar shows the content findings about its items and persona weeks beside its own.
    for (std::size_t i = 0; i < a.content.findings.size(); ++i) {
        const Finding& f = a.content.findings[i];
        if (f.subject_kind != "item" && f.subject_kind != "persona") continue;
        a.calendar.findings.push_back(f);
        a.calendar.links.push_back(a.content.links[i]);
        for (const std::string& id : a.content.links[i].items) {
            int& w = a.calendar.item_worst.emplace(id, -1).first->second;
            w = std::max(w, static_cast<int>(f.severity));
        }
    }
    assess_pool(ws, a.roles, a.economics, a.pool, a.findings);
    std::stable_sort(a.findings.begin(), a.findings.end(),
                     [](const Finding& x, const Finding& y) { return static_cast<int>(x.severity) > static_cast<int>(y.severity); });
    a.errors = a.warnings = a.infos = 0;
    for (const Finding& f : a.findings) {
        if (f.severity == Severity::Error) ++a.errors;
        else if (f.severity == Severity::Warning) ++a.warnings;
        else ++a.infos;
    }
}

Assessment assess(const Workspace& ws, const OrderTable* orders, std::optional<Day> clock) {
    Assessment a;
    assess(ws, orders, clock, a);
    return a;
}

}  // namespace yt
