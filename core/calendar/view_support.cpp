// view_support.cpp — moving items and finding links (view_support.hpp).
#include "core/calendar/view_support.hpp"

#include <algorithm>

#include "core/calendar/catalog.hpp"
#include "core/calendar/recurrence.hpp"

namespace yt {
namespace {


bool contains(const std::vector<std::string>& v, const std::string& s) { return std::find(v.begin(), v.end(), s) != v.end(); }

Day arg_day(const Finding& f, std::size_t i) { return i < f.args.size() ? f.args[i].as_day() : 0; }
std::string arg_text(const Finding& f, std::size_t i) { return i < f.args.size() ? f.args[i].text : std::string(); }

bool occurs_in(const ContentItem& it, Day a, Day b) { return a != 0 && b >= a && !occurrence_days(it, a, b).empty(); }

// The channel whose name key check_calendar() put in args[0].
std::string channel_of_name_key(const CalendarPlan& plan, const std::string& name_key) {
    std::vector<std::string> keys = all_channels(plan);
    keys.push_back("group_deal");
    for (const std::string& k : keys) {
        const std::string key = k == "group_deal" ? std::string("calendar.channel.group_deal") : channel_name_key(k);
        if (name_key == key) return k;
    }
    return {};
}

template <class Pred>
void collect(const CalendarPlan& plan, Day a, Day b, FindingLink& out, Pred keep) {
    for (const ContentItem& it : plan.items)
        if (keep(it) && occurs_in(it, a, b)) out.items.push_back(it.id);
}

}  // namespace

ContentItem shift_item(const ContentItem& item, int days) {
    ContentItem out = item;
    if (days == 0) return out;
    out.day += days;
    if (out.repeat.until_day != 0) out.repeat.until_day += days;
    if (out.coupon_from != 0) out.coupon_from += days;
    if (out.coupon_to != 0) out.coupon_to += days;
    if (out.repeat.kind == "weekly")
        for (int& w : out.repeat.weekdays)
            if (w >= 0 && w <= 6) w = ((w + days) % 7 + 7) % 7;
    return out;
}


FindingLink finding_link(const Finding& f, const CalendarPlan& plan, const RolesPlan& roles, const AudienceTiers* audiences) {
    FindingLink out;
    const std::string& r = f.rule;
    if (f.subject_kind == "item") {
        out.items.push_back(f.subject);
        out.from = out.to = out.focus = arg_day(f, 4);
        return out;
    }
    if (r == "calendar.coupon_overlap" || r == "calendar.promo_overlap") {
        out.from = out.focus = arg_day(f, 3);
        out.to = arg_day(f, 4);
        const bool coupon = r == "calendar.coupon_overlap";
        const std::string a = arg_text(f, 1), b = arg_text(f, 2);
        for (const ContentItem& it : plan.items) {
            const std::string& key = coupon ? it.coupon_id : it.campaign;
            bool first = f.args.size() > 6 && (it.id == f.args[5].text || it.id == f.args[6].text);
            if (first || (!key.empty() && (key == a || key == b) && (coupon || is_promotion_type(it.type))))
                out.items.push_back(it.id);
        }
        return out;
    }
    if (r == "calendar.promo_ratio" || r == "calendar.promo_ratio_persona") {
        const Day w0 = arg_day(f, 6), w1 = arg_day(f, 7), run0 = arg_day(f, 8), run1 = arg_day(f, 9);
        out.focus = w0;
        out.from = run0 ? std::min(w0, run0) : w0;
        out.to = std::max(w1, run1);
        const std::string ch = channel_of_name_key(plan, arg_text(f, 0));
        const bool per_persona = r == "calendar.promo_ratio_persona";
        collect(plan, w0, w1, out, [&](const ContentItem& it) {
            return is_promotion_type(it.type) && policy_channel(it, roles) == ch && (!per_persona || it.persona == f.subject);
        });
        return out;
    }
    if (r == "calendar.touches_day" || r == "calendar.touches_week") {
        out.from = out.focus = arg_day(f, 3);
        out.to = arg_day(f, 4);
        out.broad = true;
        collect(plan, out.from, out.to, out, [&](const ContentItem& it) { return item_reaches(it, roles, f.subject, audiences); });
        return out;
    }
    if (r == "wecom.mass_quota") {
        if (f.args.size() > 1) {  // {1} the month, YYYY-MM
            auto first = parse_day(f.args[1].text + "-01");
            if (first) {
                const Ymd m = civil_from_days(*first);
                out.from = out.focus = *first;
                out.to = *first + days_in_month(m.y, m.m) - 1;
            }
        }
        collect(plan, out.from, out.to, out, [&](const ContentItem& it) {
            if (f.subject_kind == "group") return it.channel == "group" && contains(it.groups, f.subject);
            return it.channel == "private" && private_via_wecom(it, roles) && item_reaches(it, roles, f.subject, audiences);
        });
        return out;
    }
    if (r == "calendar.festival_gap") {
        out.from = arg_day(f, 3);
        out.to = out.focus = arg_day(f, 1);
        return out;
    }
    if (f.subject_kind == "day") {
        auto d = parse_day(f.subject);
        if (d) out.from = out.to = out.focus = *d;
    }
    return out;
}

}  // namespace yt
