// templates.cpp — built-in cadence templates and stamping a template onto a range (templates.hpp).
#include "core/calendar/templates.hpp"

#include <algorithm>
#include <map>
#include <unordered_set>

#include "core/rules/rule_value.hpp"

namespace yt {
namespace {

TemplateSlot slot(int day, int hh, int mm, const char* channel, const char* type, const char* title) {
    TemplateSlot s;
    s.day_offset = day;
    s.minute = hh * 60 + mm;
    s.channel = channel;
    s.type = type;
    s.title = title;
    return s;
}

std::string owner_persona(const RolesPlan& roles, const std::string& group_id) {
    for (const Group& g : roles.groups) {
        if (g.id != group_id) continue;
        for (const Account& a : roles.accounts)
            if (a.id == g.owner_account) return a.persona;
    }
    return {};
}

std::string owner_account(const RolesPlan& roles, const std::string& group_id) {
    for (const Group& g : roles.groups)
        if (g.id == group_id) return g.owner_account;
    return {};
}

std::string first_account_of(const RolesPlan& roles, const std::string& persona) {
    for (const Account& a : roles.accounts)
        if (a.persona == persona) return a.id;
    return {};
}

}  // namespace

std::vector<CadenceTemplate> builtin_templates() {
    std::vector<CadenceTemplate> out;
    {
        CadenceTemplate t;
        t.id = "community_week";
        t.name = "社群周节奏";
        t.cycle_days = 7;
        t.slots = {
            slot(0, 20, 0, "group", "tutorial", "干货教程：本周护肤/上妆小技巧"),
            slot(1, 12, 30, "group", "tryon", "试色图：新色号上脸实拍"),
            slot(2, 20, 0, "group", "review", "用户评价：群友晒单与反馈"),
            slot(3, 19, 0, "group", "live_perk", "直播预告：今晚直播间专属福利"),
            slot(4, 12, 30, "group", "tryon", "周五试色：周末妆容推荐"),
            slot(5, 10, 0, "group", "life", "周末闲聊：分享你的周末妆容"),
            slot(6, 20, 0, "group", "review", "一周好评精选"),
        };
        out.push_back(t);
    }
    {
        // 21 posts a week, mix ≈ life 40 % / expertise 30 % / emotion 15 % / sales 15 %.
        CadenceTemplate t;
        t.id = "moments_3_daily";
        t.name = "每天 3 条朋友圈";
        t.cycle_days = 7;
        const char* morning[7] = {"life", "life", "life", "life", "life", "life", "life"};
        const char* noon[7] = {"tutorial", "tryon", "tutorial", "review", "tutorial", "tryon", "life"};
        const char* evening[7] = {"life", "tryon", "promo", "life", "coupon", "review", "launch"};
        const char* title_of[] = {"life", "早安日常", "tutorial", "干货分享", "tryon", "试色种草", "review", "用户好评",
                                  "promo", "限时福利", "coupon", "专属优惠券", "launch", "新品上新"};
        auto title = [&](const char* type) {
            for (std::size_t i = 0; i + 1 < sizeof title_of / sizeof title_of[0]; i += 2)
                if (std::string(title_of[i]) == type) return title_of[i + 1];
            return type;
        };
        for (int d = 0; d < 7; ++d) {
            t.slots.push_back(slot(d, 8, 0, "moments", morning[d], title(morning[d])));
            t.slots.push_back(slot(d, 12, 30, "moments", noon[d], title(noon[d])));
            t.slots.push_back(slot(d, 20, 30, "moments", evening[d], title(evening[d])));
        }
        out.push_back(t);
    }
    {
        CadenceTemplate t;
        t.id = "welcome_7day";
        t.name = "7 天新人欢迎序列";
        t.cycle_days = 0;
        t.slots = {
            slot(0, 10, 0, "private", "life", "D1 欢迎语 + 新人礼包领取"),
            slot(1, 20, 0, "private", "tutorial", "D2 肤质小测试与护肤资料"),
            slot(2, 20, 0, "private", "tryon", "D3 热门色号试色合集"),
            slot(3, 19, 0, "private", "live_perk", "D4 直播预约 + 社群福利"),
            slot(4, 20, 0, "private", "review", "D5 真实用户案例"),
            slot(5, 12, 0, "private", "coupon", "D6 新人限时券（48 小时）"),
            slot(6, 20, 0, "private", "life", "D7 一对一回访：用得怎么样？"),
        };
        out.push_back(t);
    }
    return out;
}

const CadenceTemplate* find_template(const CalendarPlan& plan, const std::vector<CadenceTemplate>& builtins,
                                     const std::string& id) {
    for (const CadenceTemplate& t : plan.templates)
        if (t.id == id) return &t;
    for (const CadenceTemplate& t : builtins)
        if (t.id == id) return &t;
    return nullptr;
}

Status template_fits(const CadenceTemplate& tpl, const std::string& persona, const RolesPlan& roles, const RuleSet& rules) {
    // Moments slots on the busiest day of the cycle.
    std::map<int, int> per_day;
    int most = 0;
    for (const TemplateSlot& s : tpl.slots)
        if (s.channel == "moments") most = std::max(most, ++per_day[tpl.cycle_days > 0 ? s.day_offset % tpl.cycle_days : s.day_offset]);
    if (most <= 1) return ok_status();
    bool wecom = false;
    for (const Account& a : roles.accounts) wecom = wecom || (a.persona == persona && a.platform == static_cast<int>(Platform::WeCom));
    const double limit = rule_value(rules, "wecom.moments_visible_per_day");
    if (!wecom || limit <= 0 || most <= limit) return ok_status();
    std::string name = persona;
    for (const Persona& p : roles.personas)
        if (p.id == persona && !p.name.empty()) name = p.name;
    return Error("calendar.template_platform", {tpl.id, name, std::to_string(most), std::to_string(static_cast<int>(limit))});
}

Result<std::vector<ContentItem>> apply_template(const CadenceTemplate& tpl, const TemplateTarget& target,
                                                const std::vector<ContentItem>& existing, const RolesPlan& roles,
                                                const RuleSet* rules) {
    if (rules)
        for (const std::string& p : target.personas)
            if (Status st = template_fits(tpl, p, roles, *rules); !st) return st.error();
    if (target.from > target.to)
        return Error("calendar.bad_range", {format_day(target.from), format_day(target.to)});
    if (target.to - target.from > 3 * 366) return Error("calendar.range_too_long", {"3"});

    std::unordered_set<std::string> used;
    used.reserve(existing.size() * 2 + 16);
    for (const ContentItem& it : existing) used.insert(it.id);
    int next = 1;
    auto fresh_id = [&]() {
        std::string id;
        do id = tpl.id + "-" + std::to_string(next++);
        while (used.count(id));
        used.insert(id);
        return id;
    };

    bool any_target = false;
    std::vector<ContentItem> out;
    for (const TemplateSlot& s : tpl.slots) {
        const bool to_groups = s.channel == "group";
        const std::vector<std::string>& targets = to_groups ? target.groups : target.personas;
        for (const std::string& who : targets) {
            any_target = true;
            ContentItem base;
            base.minute = s.minute;
            base.channel = s.channel;
            base.type = s.type;
            base.title = s.title;
            base.tiers = target.tiers;
            base.campaign = target.campaign;
            if (to_groups) {
                base.groups = {who};
                base.persona = owner_persona(roles, who);
                if (base.persona.empty() && !target.personas.empty()) base.persona = target.personas.front();
                base.account = owner_account(roles, who);
            } else {
                base.persona = who;
                base.account = first_account_of(roles, who);
            }
            const int cycle = tpl.cycle_days;
            const int offset = s.day_offset < 0 ? 0 : s.day_offset;
            auto emit = [&](Day d, const char* kind) {
                ContentItem it = base;
                it.id = fresh_id();
                it.day = d;
                if (kind) {
                    it.repeat.kind = kind;
                    it.repeat.until_day = target.to;
                    if (std::string(kind) == "weekly") it.repeat.weekdays = {weekday(d)};
                }
                out.push_back(std::move(it));
            };
            if (cycle <= 0) {
                if (target.from + offset <= target.to) emit(target.from + offset, nullptr);
            } else if (cycle == 1) {
                emit(target.from, "daily");
            } else if (cycle == 7) {
                const Day first = target.from + offset % 7;
                if (first <= target.to) emit(first, "weekly");
            } else {
                for (Day c = target.from; c <= target.to; c += cycle)
                    if (c + offset % cycle <= target.to) emit(c + offset % cycle, nullptr);
            }
        }
    }
    if (!any_target && !tpl.slots.empty()) return Error("calendar.no_target", {tpl.id});
    return out;
}

}  // namespace yt
