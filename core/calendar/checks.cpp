// checks.cpp — the content-calendar checks (see checks.hpp for what each one measures).
//
// [SECTION] shared preparation: expansion, lookups, audience tiers
// [SECTION] promotion ratio
// [SECTION] touches per customer
// [SECTION] WeCom mass-message quota
// [SECTION] quiet hours
// [SECTION] overlapping coupons and campaigns
// [SECTION] festival gaps
#include "core/calendar/checks.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <unordered_map>

#include "core/calendar/catalog.hpp"
#include "core/calendar/festivals.hpp"
#include "core/calendar/reach.hpp"
#include "core/rules/rule_value.hpp"

namespace yt {
namespace {

constexpr int kMaxWindow = 62;      // longest rolling window honoured; expansion starts this far back
constexpr int kWeComPlatform = 1;  // Account::platform value of WeCom (enum in roles_model.hpp)

// ---- [SECTION] shared preparation ---------------------------------------------------------------

struct Prepared {
    const CalendarCheckInput* in = nullptr;
    Day lo = 0;  // first expanded day (from - kMaxWindow)
    std::vector<Occurrence> occ;
    std::vector<std::string> tiers;
    std::unordered_map<std::string, int> tier_index;
    std::vector<std::vector<int>> audience;  // per item: tier indexes
    std::unordered_map<std::string, const Persona*> personas;
    std::unordered_map<std::string, const Group*> groups;
    std::unordered_map<std::string, const Account*> accounts;
};


// A tier as a finding names it: the segment's catalogue key, or the tier as written when it is
// not one of the eight segments.
FindingArg tier_arg(const std::string& tier) { return FindingArg::name_or("tiering.seg." + tier, tier); }

// The checked tiers among `tiers`, audiences expanded (indices, each once).
void add_tiers(std::vector<int>& out, const std::vector<std::string>& tiers, const Prepared& p) {
    for (const std::string& t : expand_audiences(tiers, p.in->audience_tiers)) {
        auto it = p.tier_index.find(t);
        if (it != p.tier_index.end() && std::find(out.begin(), out.end(), it->second) == out.end())
            out.push_back(it->second);
    }
}

// The checked tiers an item reaches (indices, sorted): its aim (reach.hpp), audiences expanded.
std::vector<int> audience_of(const ContentItem& it, const Prepared& p) {
    std::vector<int> out;
    const ItemAim aim = item_aim(it, p.in->roles);
    if (aim.everyone)
        for (int i = 0; i < static_cast<int>(p.tiers.size()); ++i) out.push_back(i);
    else
        add_tiers(out, aim.tiers, p);
    std::sort(out.begin(), out.end());
    return out;
}

Prepared prepare(const CalendarCheckInput& in) {
    Prepared p;
    p.in = &in;
    p.lo = in.from - kMaxWindow;
    if (in.from <= in.to) p.occ = expand_occurrences(in.plan.items, p.lo, in.to);
    for (const Persona& x : in.roles.personas) p.personas.emplace(x.id, &x);
    for (const Group& x : in.roles.groups) p.groups.emplace(x.id, &x);
    for (const Account& x : in.roles.accounts) p.accounts.emplace(x.id, &x);
    if (!in.tier_sizes.empty()) {
        for (const auto& kv : in.tier_sizes)
            if (kv.second > 0) p.tiers.push_back(kv.first);
    } else {
        auto take = [&p](const std::vector<std::string>& ts) {
            for (const std::string& t : ts)
                if (!t.empty() && std::find(p.tiers.begin(), p.tiers.end(), t) == p.tiers.end()) p.tiers.push_back(t);
        };
        for (const Persona& x : in.roles.personas) take(x.tiers);
        for (const Group& x : in.roles.groups) take(x.tiers);
        for (const ContentItem& x : in.plan.items) take(x.tiers);
        std::sort(p.tiers.begin(), p.tiers.end());
    }
    for (int i = 0; i < static_cast<int>(p.tiers.size()); ++i) p.tier_index.emplace(p.tiers[i], i);
    p.audience.reserve(in.plan.items.size());
    for (const ContentItem& it : in.plan.items) p.audience.push_back(audience_of(it, p));
    return p;
}

// Runs of consecutive flagged indexes: calls f(first, last) for each run.
template <class F>
void for_each_run(const std::vector<char>& flag, F f) {
    const int n = static_cast<int>(flag.size());
    for (int i = 0; i < n;) {
        if (!flag[i]) { ++i; continue; }
        int j = i;
        while (j + 1 < n && flag[j + 1]) ++j;
        f(i, j);
        i = j + 1;
    }
}

// ---- [SECTION] promotion ratio ----------------------------------------------------------------

struct Series {
    std::vector<int> total, promo;  // per day from p.lo
};

void ratio_findings(const Prepared& p, const std::string& channel, const std::string& persona, const Series& s,
                    bool per_persona, std::vector<Finding>& out) {
    if (s.total.empty()) return;  // an item with no occurrence in the span
    const CalendarCheckInput& in = *p.in;
    const ChannelPolicy pol = channel_policy(in.plan, in.rules, channel);
    const int w = std::max(1, std::min(kMaxWindow, pol.window_days));
    const int min_items = static_cast<int>(in.rules.value_or("calendar.promo_ratio_min_items", 5));
    const int n = in.to - in.from + 1;
    std::vector<char> flag(static_cast<std::size_t>(n), 0);
    std::vector<double> share(static_cast<std::size_t>(n), 0.0);
    std::vector<int> tot(static_cast<std::size_t>(n), 0), pro(static_cast<std::size_t>(n), 0);
    // Prefix sums over the expanded span.
    const int span = static_cast<int>(s.total.size());
    std::vector<int> pt(static_cast<std::size_t>(span + 1), 0), pp(static_cast<std::size_t>(span + 1), 0);
    for (int i = 0; i < span; ++i) {
        pt[i + 1] = pt[i] + s.total[i];
        pp[i + 1] = pp[i] + s.promo[i];
    }
    for (int k = 0; k < n; ++k) {
        const int end = in.from + k - p.lo;  // index of the window's last day
        const int begin = std::max(0, end - w + 1);
        const int t = pt[end + 1] - pt[begin], pr = pp[end + 1] - pp[begin];
        tot[k] = t;
        pro[k] = pr;
        if (t >= min_items && t > 0) {
            share[k] = static_cast<double>(pr) / t;
            flag[k] = share[k] > pol.max_promo_share + 1e-9;
        }
    }
    for_each_run(flag, [&](int a, int b) {
        int worst = a;
        for (int k = a; k <= b; ++k)
            if (share[k] > share[worst]) worst = k;
        Finding f;
        f.rule = per_persona ? "calendar.promo_ratio_persona" : "calendar.promo_ratio";
        f.severity = Severity::Warning;
        f.value = share[worst];
        f.limit = pol.max_promo_share;
        const Day end_day = in.from + worst;
        if (per_persona) {
            f.subject_kind = "persona";
            f.subject = persona;
        } else {
            f.subject_kind = "day";
            f.subject = format_day(end_day);
        }
        f.message = per_persona ? "calendar.finding.promo_ratio_persona" : "calendar.finding.promo_ratio";
        f.fix = "calendar.fix.promo_ratio";
        // {0} channel, {1} share, {2} limit, {3} promo items, {4} items, {5} window days,
        // {6} worst window start, {7} worst window end, {8} run start, {9} run end, {10} persona
        f.args.push_back(FindingArg::name(channel == "group_deal" ? std::string("calendar.channel.group_deal")
                                                                  : channel_name_key(channel)));
        f.args.push_back(FindingArg::percent(share[worst]));
        f.args.push_back(FindingArg::percent(pol.max_promo_share));
        f.args.push_back(FindingArg::num(pro[worst]));
        f.args.push_back(FindingArg::num(tot[worst]));
        f.args.push_back(FindingArg::num(w));
        f.args.push_back(FindingArg::day(std::max(end_day - w + 1, p.lo)));
        f.args.push_back(FindingArg::day(end_day));
        f.args.push_back(FindingArg::day(in.from + a));
        f.args.push_back(FindingArg::day(in.from + b));
        std::string pname = persona;
        auto pe = p.personas.find(persona);
        if (pe != p.personas.end() && !pe->second->name.empty()) pname = pe->second->name;
        f.args.push_back(pname);
        out.push_back(std::move(f));
    });
}

std::vector<Finding> promo_ratio(const Prepared& p) {
    std::vector<Finding> out;
    const CalendarCheckInput& in = *p.in;
    if (in.from > in.to) return out;
    const int span = in.to - p.lo + 1;
    std::map<std::string, Series> by_channel;
    std::map<std::pair<std::string, std::string>, Series> by_persona;
    auto bump = [span](Series& s, int idx, bool promo) {
        if (s.total.empty()) {
            s.total.assign(static_cast<std::size_t>(span), 0);
            s.promo.assign(static_cast<std::size_t>(span), 0);
        }
        ++s.total[idx];
        if (promo) ++s.promo[idx];
    };
    // Resolve each item's two series once; occurrences then only touch arrays.
    std::vector<Series*> chan_of(in.plan.items.size()), pers_of(in.plan.items.size());
    std::vector<char> promo_of(in.plan.items.size());
    for (std::size_t i = 0; i < in.plan.items.size(); ++i) {
        const ContentItem& it = in.plan.items[i];
        const std::string key = policy_channel(it, p.in->roles);
        chan_of[i] = &by_channel[key];
        pers_of[i] = &by_persona[{key, it.persona}];
        promo_of[i] = is_promotion_type(it.type);
    }
    for (const Occurrence& o : p.occ) {
        bump(*chan_of[o.item], o.day - p.lo, promo_of[o.item]);
        bump(*pers_of[o.item], o.day - p.lo, promo_of[o.item]);
    }
    for (const auto& kv : by_channel) ratio_findings(p, kv.first, "", kv.second, false, out);
    // Per persona, only where a channel is shared by several personas (else it repeats the above).
    std::map<std::string, int> personas_on;
    for (const auto& kv : by_persona)
        if (!kv.first.second.empty()) ++personas_on[kv.first.first];
    for (const auto& kv : by_persona)
        if (!kv.first.second.empty() && personas_on[kv.first.first] > 1)
            ratio_findings(p, kv.first.first, kv.first.second, kv.second, true, out);
    return out;
}

// ---- [SECTION] touches per customer -------------------------------------------------------------

// Touches per customer: counts[tier][day - lo] over the expanded span. Group messages: a customer
// is taken to be in one group of their tier, the busiest one that day (max over the tier's groups,
// not the sum). A Moments post counts calendar.moments_touch_weight touches (the shipped rule when the
// workspace lacks it).
std::vector<std::vector<double>> tier_counts(const Prepared& p) {
    const CalendarCheckInput& in = *p.in;
    const int span = in.from <= in.to ? in.to - p.lo + 1 : 0;
    const std::size_t n = static_cast<std::size_t>(span);
    const double moments_weight = std::max(0.0, rule_value(in.rules, "calendar.moments_touch_weight"));
    std::vector<std::vector<double>> c(p.tiers.size(), std::vector<double>(n, 0.0));
    // Per item: the known groups it goes to (indexes into roles.groups) and its touch weight.
    const std::vector<Group>& groups = in.roles.groups;
    std::unordered_map<std::string, int> group_index;
    for (int g = 0; g < static_cast<int>(groups.size()); ++g) group_index.emplace(groups[g].id, g);
    std::vector<std::vector<int>> item_groups(in.plan.items.size());
    std::vector<double> weight(in.plan.items.size(), 1.0);
    for (std::size_t i = 0; i < in.plan.items.size(); ++i) {
        const ContentItem& it = in.plan.items[i];
        if (it.channel == "group")
            for (const std::string& gid : it.groups) {
                auto g = group_index.find(gid);
                if (g != group_index.end()) item_groups[i].push_back(g->second);
            }
        if (it.channel == "moments") weight[i] = moments_weight;
    }
    std::vector<std::vector<double>> per_group(groups.size());  // messages per day, per group
    for (const Occurrence& o : p.occ) {
        const std::size_t d = static_cast<std::size_t>(o.day - p.lo);
        const std::vector<int>& gs = item_groups[o.item];
        if (!gs.empty()) {
            for (int g : gs) {
                std::vector<double>& v = per_group[static_cast<std::size_t>(g)];
                if (v.empty()) v.assign(n, 0.0);
                v[d] += 1.0;
            }
            continue;
        }
        const double w = weight[o.item];
        for (int t : p.audience[o.item]) c[static_cast<std::size_t>(t)][d] += w;
    }
    std::vector<std::vector<double>> busiest(p.tiers.size(), std::vector<double>(n, 0.0));
    for (std::size_t g = 0; g < groups.size(); ++g) {
        if (per_group[g].empty()) continue;
        std::vector<int> tiers;
        add_tiers(tiers, groups[g].tiers, p);
        for (int t : tiers) {
            std::vector<double>& b = busiest[static_cast<std::size_t>(t)];
            for (std::size_t d = 0; d < n; ++d) b[d] = std::max(b[d], per_group[g][d]);
        }
    }
    for (std::size_t t = 0; t < c.size(); ++t)
        for (std::size_t d = 0; d < n; ++d) c[t][d] += busiest[t][d];
    return c;
}

Finding touch_finding(const Prepared& p, const char* rule, int tier, double value, double limit, Day a, Day b,
                      double from_journeys) {
    Finding f;
    f.rule = rule;
    f.severity = Severity::Warning;
    f.subject_kind = "tier";
    f.subject = p.tiers[static_cast<std::size_t>(tier)];
    f.value = value;
    f.limit = limit;
    const bool sized = p.in->tier_sizes.count(f.subject) != 0;
    f.message = std::string("calendar.finding.") + (std::string(rule) == "calendar.touches_day" ? "touches_day" : "touches_week") +
                (from_journeys > 0 ? "_journey" : sized ? "_sized" : "");
    f.fix = from_journeys > 0 ? "calendar.fix.touches_journey" : "calendar.fix.touches";
    // {0} tier, {1} touches, {2} cap, {3} first day, {4} last day, {5} customers in tier
    // (messages *_sized use {5}; without tier sizes it is "?"), {6} touches from journeys
    // (messages *_journey)
    f.args.push_back(tier_arg(f.subject));
    f.args.push_back(FindingArg::num(value));
    f.args.push_back(FindingArg::num(limit));
    f.args.push_back(FindingArg::day(a));
    f.args.push_back(FindingArg::day(b));
    auto it = p.in->tier_sizes.find(f.subject);
    f.args.push_back(it == p.in->tier_sizes.end() ? FindingArg("?") : FindingArg::num(it->second));
    f.args.push_back(FindingArg::num(from_journeys));
    return f;
}

std::vector<Finding> touch_caps(const Prepared& p) {
    std::vector<Finding> out;
    const CalendarCheckInput& in = *p.in;
    if (in.from > in.to) return out;
    const double cap_day = in.rules.value_or("calendar.max_touches_day", 3);
    const double cap_week = in.rules.value_or("calendar.max_touches_week", 10);
    const std::vector<std::vector<double>> c = tier_counts(p);
    const int n = in.to - in.from + 1;
    for (std::size_t t = 0; t < p.tiers.size(); ++t) {
        const std::vector<double>& cnt = c[t];
        std::vector<char> flag(static_cast<std::size_t>(n), 0);
        JourneyTouches extra;
        if (in.journey_touches) {
            auto j = in.journey_touches->find(p.tiers[t]);
            if (j != in.journey_touches->end()) extra = j->second;
        }
        for (int k = 0; k < n; ++k) flag[k] = cnt[in.from + k - p.lo] + extra.day > cap_day + 1e-9;
        for_each_run(flag, [&](int a, int b) {
            double worst = 0;
            for (int k = a; k <= b; ++k) worst = std::max(worst, cnt[in.from + k - p.lo] + extra.day);
            out.push_back(touch_finding(p, "calendar.touches_day", static_cast<int>(t), worst, cap_day, in.from + a,
                                        in.from + b, extra.day));
        });
        // Monday-based weeks overlapping [from, to]; a run of heavy weeks gives one finding.
        const Day first_monday = in.from - weekday(in.from);
        const int weeks = (in.to - first_monday) / 7 + 1;
        std::vector<char> wflag(static_cast<std::size_t>(weeks), 0);
        std::vector<double> wsum(static_cast<std::size_t>(weeks), 0.0);
        for (int wk = 0; wk < weeks; ++wk) {
            double s = 0;
            for (Day d = first_monday + 7 * wk; d < first_monday + 7 * wk + 7 && d <= in.to; ++d) s += cnt[d - p.lo];
            wsum[wk] = s + extra.week;
            wflag[wk] = wsum[wk] > cap_week + 1e-9;
        }
        for_each_run(wflag, [&](int a, int b) {
            double worst = 0;
            for (int k = a; k <= b; ++k) worst = std::max(worst, wsum[k]);
            out.push_back(touch_finding(p, "calendar.touches_week", static_cast<int>(t), worst, cap_week,
                                        first_monday + 7 * a, std::min<Day>(in.to, first_monday + 7 * b + 6), extra.week));
        });
    }
    return out;
}

// ---- [SECTION] WeCom mass-message quota ----------------------------------------------------------

bool is_wecom(const Prepared& p, const std::string& account_id) {
    auto a = p.accounts.find(account_id);
    return a != p.accounts.end() && a->second->platform == kWeComPlatform;
}

// Whether an item goes out through WeCom's mass-send tool (the only sends the quota counts).
bool is_mass_send(const ContentItem& it) {
    if (!it.sent_as.empty()) return it.sent_as == "mass";
    return it.channel == "private";  // private messages default to a mass send; group posts are typed in the group
}

std::vector<Finding> wecom_quota(const Prepared& p) {
    std::vector<Finding> out;
    const CalendarCheckInput& in = *p.in;
    if (in.from > in.to) return out;
    const double rule = in.rules.value_or("wecom.mass_quota_month", 0);
    // Months overlapping [from, to]: key = y * 12 + (m - 1).
    const Ymd a = civil_from_days(in.from), b = civil_from_days(in.to);
    const int m0 = a.y * 12 + a.m - 1, m1 = b.y * 12 + b.m - 1;
    const int months = m1 - m0 + 1;
    std::vector<std::vector<int>> per_tier(p.tiers.size(), std::vector<int>(static_cast<std::size_t>(months), 0));
    std::map<std::string, std::vector<int>> per_group;
    // Per item: whether it is a WeCom private mass send, and the WeCom-owned groups it goes to.
    std::vector<char> private_wecom(in.plan.items.size(), 0);
    std::vector<std::vector<std::vector<int>*>> group_series(in.plan.items.size());
    for (std::size_t i = 0; i < in.plan.items.size(); ++i) {
        const ContentItem& it = in.plan.items[i];
        if (!is_mass_send(it)) continue;
        if (it.channel == "private") {
            private_wecom[i] = private_via_wecom(it, p.in->roles);
        } else if (it.channel == "group") {
            for (const std::string& gid : it.groups) {
                auto g = p.groups.find(gid);
                const std::string owner = g == p.groups.end() ? std::string() : g->second->owner_account;
                if (!is_wecom(p, it.account.empty() ? owner : it.account)) continue;
                auto& v = per_group[gid];
                if (v.empty()) v.assign(static_cast<std::size_t>(months), 0);
                group_series[i].push_back(&v);
            }
        }
    }
    for (const Occurrence& o : p.occ) {
        if (o.day < in.from) continue;
        const Ymd d = civil_from_days(o.day);
        const std::size_t mi = static_cast<std::size_t>(d.y * 12 + d.m - 1 - m0);
        if (private_wecom[o.item])
            for (int t : p.audience[o.item]) ++per_tier[static_cast<std::size_t>(t)][mi];
        for (std::vector<int>* v : group_series[o.item]) ++(*v)[mi];
    }
    auto limit_of = [&](int mi) {
        const int key = m0 + mi;
        return rule > 0 ? rule : static_cast<double>(days_in_month(key / 12, key % 12 + 1));
    };
    auto month_text = [&](int mi) {
        const int key = m0 + mi;
        char buf[16];
        std::snprintf(buf, sizeof buf, "%04d-%02d", key / 12, key % 12 + 1);
        return std::string(buf);
    };
    for (std::size_t t = 0; t < p.tiers.size(); ++t) {
        double journeys = 0;  // a journey's mass steps that can fall in one month for one customer
        if (in.journey_touches) {
            auto j = in.journey_touches->find(p.tiers[t]);
            if (j != in.journey_touches->end()) journeys = j->second.mass_month;
        }
        for (int mi = 0; mi < months; ++mi)
            if (per_tier[t][mi] + journeys > limit_of(mi)) {
                Finding f;
                f.rule = "wecom.mass_quota";
                f.severity = Severity::Error;
                f.subject_kind = "tier";
                f.subject = p.tiers[t];
                f.value = per_tier[t][mi] + journeys;
                f.limit = limit_of(mi);
                f.message = journeys > 0 ? "calendar.finding.wecom_quota_tier_journey" : "calendar.finding.wecom_quota_tier";
                f.fix = "calendar.fix.wecom_quota";
                // {0} tier, {1} month, {2} sends, {3} quota, {4} of them from journeys
                f.args.push_back(tier_arg(p.tiers[t]));
                f.args.push_back(month_text(mi));
                f.args.push_back(FindingArg::num(f.value));
                f.args.push_back(FindingArg::num(f.limit));
                f.args.push_back(FindingArg::num(journeys));
                out.push_back(std::move(f));
            }
    }
    for (const auto& kv : per_group)
        for (int mi = 0; mi < months; ++mi)
            if (kv.second[mi] > limit_of(mi)) {
                Finding f;
                f.rule = "wecom.mass_quota";
                f.severity = Severity::Error;
                f.subject_kind = "group";
                f.subject = kv.first;
                f.value = kv.second[mi];
                f.limit = limit_of(mi);
                f.message = "calendar.finding.wecom_quota_group";
                f.fix = "calendar.fix.wecom_quota";
                // {0} group name, {1} month, {2} sends, {3} quota
                auto g = p.groups.find(kv.first);
                f.args.push_back(g != p.groups.end() && !g->second->name.empty() ? g->second->name : kv.first);
                f.args.push_back(month_text(mi));
                f.args.push_back(FindingArg::num(f.value));
                f.args.push_back(FindingArg::num(f.limit));
                out.push_back(std::move(f));
            }
    return out;
}

// ---- [SECTION] quiet hours -------------------------------------------------------------------

bool in_quiet(int minute, int from, int to) {
    if (from == to) return false;
    minute = ((minute % 1440) + 1440) % 1440;
    return from < to ? (minute >= from && minute < to) : (minute >= from || minute < to);
}

std::vector<Finding> quiet_hours(const Prepared& p) {
    std::vector<Finding> out;
    const CalendarCheckInput& in = *p.in;
    std::vector<char> done(in.plan.items.size(), 0);
    for (const Occurrence& o : p.occ) {
        if (o.day < in.from || done[o.item]) continue;
        const ContentItem& it = in.plan.items[o.item];
        if (!in_quiet(it.minute, in.plan.quiet_from, in.plan.quiet_to)) continue;
        done[o.item] = 1;
        Finding f;
        f.rule = "calendar.quiet_hours";
        f.severity = Severity::Warning;
        f.subject_kind = "item";
        f.subject = it.id;
        f.value = it.minute;
        f.limit = in.plan.quiet_from;
        f.message = "calendar.finding.quiet_hours";
        f.fix = "calendar.fix.quiet_hours";
        // {0} title, {1} time, {2} quiet from, {3} quiet to, {4} first day in range
        f.args = {it.title.empty() ? it.id : it.title, format_hhmm(it.minute), format_hhmm(in.plan.quiet_from),
                  format_hhmm(in.plan.quiet_to), FindingArg::day(o.day)};
        out.push_back(std::move(f));
    }
    return out;
}

// ---- [SECTION] overlapping coupons and campaigns ---------------------------------------------------

struct Span {
    std::string key;      // coupon id / campaign name
    std::string item;     // first item id (for the UI to jump to)
    Day start = 0, end = 0;
    std::vector<int> tiers;
};

void merge_into(std::vector<Span>& spans, const std::string& key, const std::string& item, Day a, Day b,
                const std::vector<int>& tiers) {
    auto it = std::find_if(spans.begin(), spans.end(), [&](const Span& s) { return s.key == key; });
    if (it == spans.end()) {
        spans.push_back(Span{key, item, a, b, tiers});
        return;
    }
    it->start = std::min(it->start, a);
    it->end = std::max(it->end, b);
    for (int t : tiers)
        if (std::find(it->tiers.begin(), it->tiers.end(), t) == it->tiers.end()) it->tiers.push_back(t);
}

void pair_findings(const Prepared& p, std::vector<Span>& spans, const char* rule, const char* msg,
                   std::vector<Finding>& out) {
    for (Span& s : spans) std::sort(s.tiers.begin(), s.tiers.end());
    std::sort(spans.begin(), spans.end(), [](const Span& a, const Span& b) {
        return a.start != b.start ? a.start < b.start : a.key < b.key;
    });
    for (std::size_t i = 0; i < spans.size(); ++i)
        for (std::size_t j = i + 1; j < spans.size(); ++j) {
            const Span& a = spans[i];
            const Span& b = spans[j];
            if (b.start > a.end) break;  // sorted by start: no later span overlaps a either
            const Day os = std::max(a.start, b.start), oe = std::min(a.end, b.end);
            if (os > oe) continue;
            std::vector<std::string> shared;
            std::string first;
            for (int t : a.tiers) {
                if (!std::binary_search(b.tiers.begin(), b.tiers.end(), t)) continue;
                const std::string& key = p.tiers[static_cast<std::size_t>(t)];
                if (first.empty()) first = key;
                shared.push_back(tier_arg(key).text);  // a key, or the tier as written
            }
            if (first.empty()) continue;
            Finding f;
            f.rule = rule;
            f.severity = Severity::Warning;
            f.subject_kind = "tier";
            f.subject = first;
            f.value = oe - os + 1;
            f.limit = 0;
            f.message = msg;
            f.fix = std::string(rule) == "calendar.coupon_overlap" ? "calendar.fix.coupon_overlap"
                                                                   : "calendar.fix.promo_overlap";
            // {0} shared tiers, {1} first, {2} second, {3} overlap start, {4} overlap end,
            // {5} first item id, {6} second item id
            f.args.push_back(FindingArg::names(shared));
            f.args.push_back(a.key);
            f.args.push_back(b.key);
            f.args.push_back(FindingArg::day(os));
            f.args.push_back(FindingArg::day(oe));
            f.args.push_back(a.item);
            f.args.push_back(b.item);
            out.push_back(std::move(f));
        }
}

std::vector<Finding> overlaps(const Prepared& p) {
    std::vector<Finding> out;
    const CalendarCheckInput& in = *p.in;
    std::vector<Span> coupons, campaigns;
    for (const Occurrence& o : p.occ) {
        if (o.day < in.from) continue;
        const ContentItem& it = in.plan.items[o.item];
        const std::vector<int>& aud = p.audience[o.item];
        if (!it.coupon_id.empty()) {
            Day a = o.day, b = o.day;
            if (it.coupon_from != 0 && it.coupon_to >= it.coupon_from) {
                a = it.coupon_from;
                b = it.coupon_to;
            }
            merge_into(coupons, it.coupon_id, it.id, a, b, aud);
        } else if (is_promotion_type(it.type) && !it.campaign.empty()) {
            merge_into(campaigns, it.campaign, it.id, o.day, o.day, aud);
        }
    }
    pair_findings(p, coupons, "calendar.coupon_overlap", "calendar.finding.coupon_overlap", out);
    pair_findings(p, campaigns, "calendar.promo_overlap", "calendar.finding.promo_overlap", out);
    return out;
}

// ---- [SECTION] festival gaps ----------------------------------------------------------------

std::vector<Finding> festival_gaps(const Prepared& p) {
    std::vector<Finding> out;
    const CalendarCheckInput& in = *p.in;
    if (in.from > in.to) return out;
    const int lead = std::max(1, static_cast<int>(rule_value(in.rules, "calendar.festival_lead_days")));
    std::vector<int> per_day(static_cast<std::size_t>(in.to - p.lo + 1), 0);
    for (const Occurrence& o : p.occ) ++per_day[static_cast<std::size_t>(o.day - p.lo)];
    // With a `today`, only festivals ahead within calendar.festival_gap_horizon_days are checked:
    // a gap before a festival months away is not yet a gap, and one in the past is moot.
    const double horizon = rule_value(in.rules, "calendar.festival_gap_horizon_days");
    for (const Festival& fe : festivals_between(in.from, in.to, in.plan.festival_windows, in.plan.festival_years)) {
        if (!fe.major || fe.date > in.to || fe.date - 1 < in.from) continue;
        if (in.today > 0 && (fe.date <= in.today || (horizon > 0 && fe.date > in.today + horizon))) continue;
        const Day a = std::max(in.from, fe.date - lead), b = fe.date - 1;
        int items = 0;
        for (Day d = a; d <= b; ++d) items += per_day[static_cast<std::size_t>(d - p.lo)];
        if (items > 0) continue;
        Finding f;
        f.rule = "calendar.festival_gap";
        f.severity = Severity::Info;
        f.subject_kind = "day";
        f.subject = format_day(fe.date);
        f.value = b - a + 1;
        f.limit = lead;
        f.message = "calendar.finding.festival_gap";
        f.fix = "calendar.fix.festival_gap";
        // {0} festival, {1} festival day, {2} empty days, {3} first empty day, {4} festival id
        f.args.push_back(FindingArg::name(festival_name_key(fe.id)));
        f.args.push_back(FindingArg::day(fe.date));
        f.args.push_back(FindingArg::num(b - a + 1));
        f.args.push_back(FindingArg::day(a));
        f.args.push_back(fe.id);
        out.push_back(std::move(f));
    }
    return out;
}

void append(std::vector<Finding>& to, std::vector<Finding>&& from) {
    for (Finding& f : from) to.push_back(std::move(f));
}

}  // namespace

ChannelPolicy channel_policy(const CalendarPlan& plan, const RuleSet& rules, const std::string& channel) {
    for (const ChannelPolicy& p : plan.policies)
        if (p.channel == channel) return p;
    ChannelPolicy p;
    p.channel = channel;
    p.window_days = 14;
    if (channel == "moments") p.max_promo_share = rules.value_or("moments.max_promo_share", 0.2);
    else if (channel == "group_deal") p.max_promo_share = rules.value_or("calendar.deal_group_max_promo_share", 0.8);
    else if (channel == "live") p.max_promo_share = 0.6;       // a live stream sells by nature
    else if (channel == "miniprogram") p.max_promo_share = 0.5;
    else p.max_promo_share = 0.3;                                // group, private, official, custom
    return p;
}

std::vector<Finding> check_calendar(const CalendarCheckInput& in) {
    const Prepared p = prepare(in);
    std::vector<Finding> out = promo_ratio(p);
    append(out, touch_caps(p));
    append(out, wecom_quota(p));
    append(out, quiet_hours(p));
    append(out, overlaps(p));
    append(out, festival_gaps(p));
    return out;
}

std::vector<Finding> check_promo_ratio(const CalendarCheckInput& in) { return promo_ratio(prepare(in)); }
std::vector<Finding> check_touch_caps(const CalendarCheckInput& in) { return touch_caps(prepare(in)); }
std::vector<Finding> check_wecom_quota(const CalendarCheckInput& in) { return wecom_quota(prepare(in)); }
std::vector<Finding> check_quiet_hours(const CalendarCheckInput& in) { return quiet_hours(prepare(in)); }
std::vector<Finding> check_overlaps(const CalendarCheckInput& in) { return overlaps(prepare(in)); }
std::vector<Finding> check_festival_gaps(const CalendarCheckInput& in) { return festival_gaps(prepare(in)); }

std::map<std::string, std::vector<double>> touches_by_tier(const CalendarCheckInput& in) {
    std::map<std::string, std::vector<double>> out;
    if (in.from > in.to) return out;
    const Prepared p = prepare(in);
    const std::vector<std::vector<double>> c = tier_counts(p);
    for (std::size_t t = 0; t < p.tiers.size(); ++t)
        out[p.tiers[t]] = std::vector<double>(c[t].begin() + (in.from - p.lo), c[t].end());
    return out;
}

}  // namespace yt
