// sop.cpp — built-in journeys and the shape of one journey (sop.hpp).
#include "core/calendar/sop.hpp"

#include <algorithm>
#include <map>

namespace yt {
namespace {
SopStep step(int day, const char* channel, const char* type, const char* title, const char* coupon = "") {
    SopStep s;
    s.day = day;
    s.channel = channel;
    s.type = type;
    s.title = title;
    s.coupon = coupon;
    return s;
}
Sop journey(const char* id, const char* name, const char* trigger, std::vector<SopStep> steps) {
    Sop s;
    s.id = id;
    s.name = name;
    s.trigger = trigger;
    s.steps = std::move(steps);
    return s;
}
}  // namespace

std::vector<std::string> sop_triggers() {
    return {"new_friend", "first_purchase", "repurchase", "dormant_30", "birthday", "after_sale"};
}

bool is_sop_trigger(const std::string& t) {
    const std::vector<std::string> all = sop_triggers();
    return std::find(all.begin(), all.end(), t) != all.end();
}

std::vector<Sop> builtin_sops() {
    return {
        journey("sop_new_friend", "新好友 7 天培育", "new_friend",
                {step(0, "private", "life", "欢迎语 + 新人礼", "新人礼"), step(1, "private", "tutorial", "护肤/彩妆资料包"),
                 step(3, "private", "live_perk", "直播预约 + 入群邀请"), step(7, "private", "life", "一对一回访")}),
        journey("sop_first_purchase", "首单关怀", "first_purchase",
                {step(0, "private", "life", "感谢下单 + 物流提醒"), step(3, "private", "tutorial", "使用教程"),
                 step(7, "private", "review", "邀请晒单评价")}),
        journey("sop_repurchase", "复购提醒（按回购周期）", "repurchase",
                {step(0, "private", "tutorial", "用量回访"), step(4, "private", "coupon", "复购券", "复购券"),
                 step(7, "private", "promo", "补货提醒")}),
        journey("sop_dormant_30", "30 天沉默唤醒", "dormant_30",
                {step(0, "private", "life", "关怀问候"), step(3, "private", "coupon", "回归专属券", "回归券"),
                 step(7, "private", "launch", "新品推荐")}),
        journey("sop_birthday", "生日关怀", "birthday",
                {step(0, "private", "coupon", "生日祝福 + 生日券", "生日券"), step(3, "private", "life", "生日券到期提醒")}),
        journey("sop_after_sale", "售后回访", "after_sale",
                {step(5, "private", "life", "收货回访"), step(15, "private", "review", "使用反馈")}),
    };
}

SopShape sop_shape(const Sop& s) {
    SopShape out;
    std::map<int, int> per_day, mass;
    for (const SopStep& st : s.steps) {
        ++per_day[std::max(0, st.day)];
        if (st.sent_as == "mass") ++mass[std::max(0, st.day)];
    }
    for (const auto& kv : mass) {
        int n = 0;
        for (auto it = mass.lower_bound(kv.first); it != mass.end() && it->first < kv.first + 31; ++it) n += it->second;
        out.mass_month = std::max(out.mass_month, n);
    }
    out.steps = static_cast<int>(s.steps.size());
    for (const auto& [day, n] : per_day) {
        out.peak_day = std::max(out.peak_day, n);
        out.span_days = std::max(out.span_days, day + 1);
        int week = 0;  // steps in the 7 days starting at this step's day
        for (auto it = per_day.lower_bound(day); it != per_day.end() && it->first < day + 7; ++it) week += it->second;
        out.peak_week = std::max(out.peak_week, week);
    }
    return out;
}

}  // namespace yt
