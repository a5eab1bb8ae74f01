// sop.cpp — built-in SOPs and their daily touch load (see sop.hpp).
#include "core/calendar/sop.hpp"

#include <algorithm>

namespace yt {
namespace {
SopStep step(int day, const char* channel, const char* type, const char* title) {
    SopStep s;
    s.day = day;
    s.channel = channel;
    s.type = type;
    s.title = title;
    return s;
}
bool is_lifecycle_key(const std::string& k) {
    return k == "new" || k == "active" || k == "dormant" || k == "churned" || k == "potential";
}
}  // namespace

std::vector<std::string> sop_triggers() { return {"new_friend", "first_purchase", "dormant_30", "birthday"}; }

std::vector<Sop> builtin_sops() {
    std::vector<Sop> out;
    Sop a;
    a.id = "sop_new_friend";
    a.name = "新好友 7 天培育";
    a.trigger = "new_friend";
    a.steps = {step(0, "private", "life", "欢迎语 + 新人礼"), step(1, "private", "tutorial", "护肤/彩妆资料包"),
               step(3, "private", "live_perk", "直播预约 + 入群邀请"), step(5, "private", "coupon", "新人限时券"),
               step(6, "private", "life", "一对一回访")};
    out.push_back(a);
    Sop b;
    b.id = "sop_first_purchase";
    b.name = "首单关怀";
    b.trigger = "first_purchase";
    b.steps = {step(0, "private", "life", "感谢下单 + 物流提醒"), step(3, "private", "tutorial", "使用教程"),
               step(7, "private", "review", "邀请晒单评价"), step(15, "private", "coupon", "复购券提醒")};
    out.push_back(b);
    Sop c;
    c.id = "sop_dormant_30";
    c.name = "30 天沉默唤醒";
    c.trigger = "dormant_30";
    c.steps = {step(0, "private", "life", "关怀问候"), step(3, "private", "coupon", "回归专属券"),
               step(7, "private", "launch", "新品推荐")};
    out.push_back(c);
    Sop d;
    d.id = "sop_birthday";
    d.name = "生日关怀";
    d.trigger = "birthday";
    d.steps = {step(0, "private", "coupon", "生日祝福 + 生日券"), step(3, "private", "life", "生日券到期提醒")};
    out.push_back(d);
    return out;
}

std::map<std::string, double> default_sop_inflow(const std::map<std::string, int>& sizes, int monthly_new_friends) {
    std::map<std::string, double> in;
    double total = 0;
    for (const auto& kv : sizes)
        if (!is_lifecycle_key(kv.first) && kv.second > 0) total += kv.second;
    auto size_of = [&](const char* k) {
        auto it = sizes.find(k);
        return it == sizes.end() ? 0.0 : static_cast<double>(std::max(0, it->second));
    };
    in["new_friend"] = std::max(0, monthly_new_friends) / 30.0;
    in["first_purchase"] = size_of("new") / 30.0;
    in["dormant_30"] = size_of("dormant") / 30.0;
    in["birthday"] = total / 365.0;
    return in;
}

std::vector<SopLoad> sop_load(const std::vector<Sop>& sops, const std::map<std::string, double>& inflow,
                              int horizon_days) {
    horizon_days = std::max(1, horizon_days);
    std::vector<SopLoad> out;
    for (const Sop& s : sops) {
        SopLoad l;
        l.sop = s.id;
        l.trigger = s.trigger;
        auto it = inflow.find(s.trigger);
        l.inflow = it == inflow.end() ? 0.0 : std::max(0.0, it->second);
        l.touches_per_customer = static_cast<int>(s.steps.size());
        l.steady_touches_per_day = l.inflow * static_cast<double>(s.steps.size());
        l.touches_by_day.assign(static_cast<std::size_t>(horizon_days), 0.0);
        for (const SopStep& st : s.steps) {
            const int from = std::max(0, st.day);
            l.span_days = std::max(l.span_days, from + 1);
            for (int d = from; d < horizon_days; ++d) l.touches_by_day[static_cast<std::size_t>(d)] += l.inflow;
            l.steady_by_channel[st.channel] += l.inflow;
        }
        out.push_back(std::move(l));
    }
    return out;
}

}  // namespace yt
