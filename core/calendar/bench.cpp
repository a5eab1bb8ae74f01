// bench.cpp — the calendar benchmark (see bench.hpp).
#include "core/calendar/bench.hpp"

#include <chrono>
#include <map>
#include <string>

#include "core/calendar/checks.hpp"
#include "core/calendar/recurrence.hpp"
#include "core/calendar/templates.hpp"

namespace yt {
namespace {

double ms_since(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

const char* const kTiers[] = {"important_value", "important_develop", "important_keep", "important_retain",
                              "general_value",   "general_develop",   "general_keep",   "general_retain"};

RolesPlan bench_roles() {
    RolesPlan r;
    for (int i = 0; i < 10; ++i) {
        Persona p;
        p.id = "p" + std::to_string(i);
        p.name = "persona " + std::to_string(i);
        p.tiers = {kTiers[i % 8], kTiers[(i + 3) % 8]};
        r.personas.push_back(p);
        for (int k = 0; k < 2; ++k) {
            Account a;
            a.id = "a" + std::to_string(i) + "_" + std::to_string(k);
            a.persona = p.id;
            a.platform = k;  // one WeChat, one WeCom account per persona
            r.accounts.push_back(a);
        }
    }
    for (int g = 0; g < 50; ++g) {
        Group gr;
        gr.id = "g" + std::to_string(g);
        gr.type = g % 5 == 0 ? "deal" : "community";
        gr.owner_account = "a" + std::to_string(g % 10) + "_" + std::to_string(g % 2);
        gr.tiers = {kTiers[g % 8]};
        gr.members = 300;
        r.groups.push_back(gr);
    }
    return r;
}

}  // namespace

CalendarBenchResult calendar_benchmark() {
    CalendarBenchResult res;
    const auto t0 = std::chrono::steady_clock::now();
    const RolesPlan roles = bench_roles();
    CalendarPlan plan;
    const Day from = days_from_civil(2026, 1, 1), to = days_from_civil(2026, 12, 31);
    const std::vector<CadenceTemplate> builtins = builtin_templates();
    std::vector<std::string> personas, groups;
    for (const Persona& p : roles.personas) personas.push_back(p.id);
    for (const Group& g : roles.groups) groups.push_back(g.id);

    auto stamp = [&](const char* id, const std::vector<std::string>& ps, const std::vector<std::string>& gs) {
        TemplateTarget t;
        t.from = from;
        t.to = to;
        t.personas = ps;
        t.groups = gs;
        auto r = apply_template(*find_template(plan, builtins, id), t, plan.items, roles);
        if (r)
            for (ContentItem& it : r.value()) plan.items.push_back(std::move(it));
    };
    stamp("moments_3_daily", personas, {});
    stamp("community_week", {}, groups);
    CadenceTemplate weekly;  // 1-on-1, official account and live, weekly per persona
    weekly.id = "bench_weekly";
    weekly.cycle_days = 7;
    weekly.slots = {TemplateSlot{1, 20 * 60, "private", "review", "回访"},
                    TemplateSlot{3, 19 * 60, "live", "live_perk", "直播"},
                    TemplateSlot{5, 21 * 60, "official", "tutorial", "长文"},
                    TemplateSlot{6, 23 * 60, "private", "coupon", "夜间提醒"}};
    {
        TemplateTarget t;
        t.from = from;
        t.to = to;
        t.personas = personas;
        auto r = apply_template(weekly, t, plan.items, roles);
        if (r)
            for (ContentItem& it : r.value()) plan.items.push_back(std::move(it));
    }
    // Monthly coupons and campaigns per persona (two of them overlap each month).
    for (int m = 1; m <= 12; ++m)
        for (std::size_t i = 0; i < personas.size(); ++i) {
            ContentItem c;
            c.id = "coupon-" + std::to_string(m) + "-" + personas[i];
            c.day = days_from_civil(2026, m, 5 + static_cast<int>(i));
            c.channel = "private";
            c.persona = personas[i];
            c.type = "coupon";
            c.coupon_id = "C" + std::to_string(m) + "_" + std::to_string(i);
            c.coupon_from = c.day;
            c.coupon_to = c.day + 6;
            c.campaign = "month" + std::to_string(m);
            plan.items.push_back(c);
        }
    res.generate_ms = ms_since(t0);

    const auto t1 = std::chrono::steady_clock::now();
    res.occurrences = static_cast<std::int64_t>(expand_occurrences(plan.items, from, to).size());
    res.expand_ms = ms_since(t1);

    const auto t2 = std::chrono::steady_clock::now();
    std::map<std::string, int> sizes;
    for (const char* t : kTiers) sizes[t] = 1000;
    RuleSet rules;
    const CalendarCheckInput in{plan, roles, rules, sizes, from, to};
    res.findings = static_cast<std::int64_t>(check_calendar(in).size());
    res.check_ms = ms_since(t2);
    res.items = static_cast<std::int64_t>(plan.items.size());
    res.total_ms = ms_since(t0);
    return res;
}

}  // namespace yt
