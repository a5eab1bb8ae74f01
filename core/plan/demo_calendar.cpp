// demo_calendar.cpp — builds the demo content calendar (see demo_calendar.hpp).
#include "core/plan/demo_calendar.hpp"

#include "core/calendar/festivals.hpp"
#include "core/calendar/sop.hpp"
#include "core/calendar/templates.hpp"
#include "core/i18n/i18n.hpp"

namespace yt {
namespace {

ContentItem item(const char* id, Day day, int hh, int mm, const char* channel, const char* persona,
                 const char* account, const char* type, const std::string& title) {
    ContentItem it;
    it.id = id;
    it.day = day;
    it.minute = hh * 60 + mm;
    it.channel = channel;
    it.persona = persona;
    it.account = account;
    it.type = type;
    it.title = title;
    return it;
}

}  // namespace

void fill_demo_calendar(Workspace& ws, Day today) {
    CalendarPlan plan;
    const Day from = today - 10, to = today + 21;

    plan.templates = builtin_templates();
    plan.sops = builtin_sops();
    ChannelPolicy moments;
    moments.channel = "moments";
    moments.max_promo_share = 0.2;
    moments.window_days = 7;
    ChannelPolicy deal;
    deal.channel = "group_deal";
    deal.max_promo_share = 0.8;
    deal.window_days = 14;
    plan.policies = {moments, deal};
    plan.custom_channels = {"小红书"};
    FestivalWindow d12;
    d12.id = "double_12";
    d12.days_before = 10;
    d12.days_after = 1;
    plan.festival_windows = {d12};

    // Recurring rhythm. A healthy plan stays under the touch caps (3 a day, 10 a week per
    // customer): one Moments post a day per persona (小婉 has a WeCom account, whose customers see
    // one post of a member a day), community groups three times a week, deal groups on Mon/Wed/Fri.
    // The welcome sequence is an SOP for new friends (plan.sops), not calendar items for a tier.
    auto weekly = [&](const char* id, int wd0, std::vector<int> days, int hh, int mm, const char* channel,
                      const char* persona, const char* account, const char* type, const std::string& title) {
        ContentItem it = item(id, from + (wd0 - weekday(from) + 7) % 7, hh, mm, channel, persona, account, type, title);
        it.repeat.kind = "weekly";
        it.repeat.weekdays = std::move(days);
        it.repeat.until_day = to;
        return it;
    };
    ContentItem daily_life = item("d-xiaowan-daily", from, 12, 0, "moments", "p_xiaowan", "acc1", "life", "小婉的一天：通勤妆和午餐");
    daily_life.repeat.kind = "daily";
    daily_life.repeat.until_day = to;
    plan.items.push_back(daily_life);
    plan.items.push_back(weekly("d-community", 0, {0, 2, 5}, 20, 0, "group", "p_xiaowan", "acc4", "tutorial",
                                "干货教程 / 试色图 / 群友晒单（轮换）"));
    plan.items.back().groups = {"g3", "g6"};

    ContentItem tip = item("d-expert-tip", from, 12, 30, "moments", "p_expert", "acc3", "tutorial", "阿杰每日护肤小课堂");
    tip.repeat.kind = "daily";
    tip.repeat.until_day = to;
    plan.items.push_back(tip);

    ContentItem live = item("d-live", from + (3 - weekday(from) + 7) % 7, 20, 0, "live", "p_expert", "acc3", "live_perk",
                            "周四护肤直播：答疑 + 直播间专属赠品");
    live.repeat.kind = "weekly";
    live.repeat.weekdays = {3};
    live.repeat.until_day = to;
    live.groups = {"g4", "g5"};
    plan.items.push_back(live);

    ContentItem course = item("d-course", from, 20, 0, "group", "p_expert", "acc3", "tutorial", "护肤课堂：成分小知识");
    course.repeat.kind = "weekly";
    course.repeat.weekdays = {1, 4};
    course.repeat.until_day = to;
    course.groups = {"g4"};
    plan.items.push_back(course);

    plan.items.push_back(weekly("d-deals", 0, {0, 2, 4}, 20, 0, "group", "p_xiaowan", "acc1", "promo", "福利群秒杀：一三五晚八点"));
    plan.items.back().groups = {"g1", "g2"};
    plan.items.push_back(weekly("d-deal-reviews", 6, {6}, 20, 0, "group", "p_xiaowan", "acc1", "review", "周日好评精选：群友晒单"));
    plan.items.back().groups = {"g1", "g2"};

    ContentItem article = item("d-article", from + (5 - weekday(from) + 7) % 7, 20, 30, "official", "p_expert", "",
                               "tutorial", "公众号长文：秋冬换季护肤指南");
    article.repeat.kind = "weekly";
    article.repeat.until_day = to;
    plan.items.push_back(article);

    // A promotion-heavy Moments week for 小婉 (the promo-ratio check flags it).
    for (int d = 0; d < 7; ++d) {
        ContentItem p = item(("d-push-" + std::to_string(d + 1)).c_str(), today + 2 + d, 15, 0, "moments", "p_xiaowan",
                             "acc1", d % 2 ? "coupon" : "promo", d % 2 ? "限时券：满 199 减 40" : "爆款直降：今天下单再送小样");
        p.campaign = "week_push";
        plan.items.push_back(p);
    }

    // Two coupons for the top tier whose validity overlaps (the overlap check flags it).
    ContentItem member = item("d-coupon-member", today + 4, 10, 0, "private", "p_expert", "acc3", "coupon",
                              "黑金会员日专享券");
    member.coupon_id = "VIP-DAY-50";
    member.coupon_from = today + 4;
    member.coupon_to = today + 8;
    member.tiers = {"important_value", "important_keep"};
    plan.items.push_back(member);
    ContentItem back = item("d-coupon-return", today + 6, 11, 0, "private", "p_expert", "acc3", "coupon",
                            "回归礼：老客专属 8 折券");
    back.coupon_id = "COMEBACK-20";
    back.coupon_from = today + 6;
    back.coupon_to = today + 12;
    back.tiers = {"important_value", "important_retain"};
    plan.items.push_back(back);

    // A reminder planned too late in the evening (the quiet-hours check flags it).
    ContentItem late = item("d-late-reminder", today + 1, 22, 40, "private", "p_expert", "acc3", "live_perk",
                            "直播返场提醒：今晚 24 点截止");
    late.tiers = {"important_develop"};
    plan.items.push_back(late);

    // Festival warm-ups and day-of posts for the major festivals of the next weeks.
    int n = 0;
    for (const Festival& f : festivals_between(from, today + 45, plan.festival_windows)) {
        if (!f.major || f.date < from || f.date > today + 45) continue;
        const std::string name = tr(festival_name_key(f.id), Lang::Zh);
        ++n;
        ContentItem warm = item(("d-fest-warm-" + std::to_string(n)).c_str(), f.date - 3, 20, 0, "moments", "p_xiaowan",
                                "acc1", "tryon", name + "预热：节日妆容提前看");
        warm.campaign = f.id;
        plan.items.push_back(warm);
        ContentItem day = item(("d-fest-day-" + std::to_string(n)).c_str(), f.date, 10, 0, "group", "p_xiaowan", "acc1",
                               "promo", name + "当天福利：全场满减");
        day.groups = {"g1", "g2"};
        day.campaign = f.id;
        plan.items.push_back(day);
    }

    ws.calendar = std::move(plan);
}

}  // namespace yt
