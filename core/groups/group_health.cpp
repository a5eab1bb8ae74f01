// group_health.cpp — the figures and flags of group_health.hpp.
#include "core/groups/group_health.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <set>

#include "core/io/values.hpp"

namespace yt {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
}

std::string format_figure(double v, const char* printf_format) {
    if (std::isnan(v)) return "\xE2\x80\x94";  // —
    char b[48];
    std::snprintf(b, sizeof b, printf_format, v);
    return b;
}

bool same_group_name(const std::string& a, const std::string& b) {
    return io::trim_cell(a) == io::trim_cell(b);
}

std::vector<GroupHealth> assess_group_health(const GroupStatsFile& file, const GroupHealthThresholds& t,
                                             const std::vector<GroupRosterEntry>& roster) {
    std::vector<GroupHealth> out;
    std::vector<std::vector<const GroupStatsRow*>> rows;
    for (const auto& r : file.rows) {
        std::size_t i = 0;
        while (i < out.size() && !same_group_name(out[i].name, r.name)) ++i;
        if (i == out.size()) {
            out.emplace_back();
            out.back().name = r.name;
            rows.emplace_back();
        }
        rows[i].push_back(&r);
    }
    for (std::size_t i = 0; i < out.size(); ++i) {
        GroupHealth& g = out[i];
        auto& rs = rows[i];
        std::stable_sort(rs.begin(), rs.end(), [](const GroupStatsRow* a, const GroupStatsRow* b) { return a->first < b->first; });
        g.rows = static_cast<int>(rs.size());
        g.owner = rs.back()->owner;
        std::set<Day> dates;
        double member_sum = 0, speak_sum = 0, member_days = 0;
        long long joins = 0, quits = 0, messages = 0;
        int speak_n = 0, joins_n = 0, quits_n = 0, msg_n = 0, periods = 0;
        for (const GroupStatsRow* r : rs) {
            member_sum += r->members;
            if (r->first) {
                g.first = g.first ? std::min(g.first, r->first) : r->first;
                g.last = std::max(g.last, r->last);
                for (Day d = r->first; d <= r->last; ++d) dates.insert(d);
                ++periods;
            }
            if (r->joins >= 0) { joins += r->joins; ++joins_n; }
            if (r->quits >= 0) { quits += r->quits; ++quits_n; }
            if (r->speakers >= 0 && r->members > 0) { speak_sum += static_cast<double>(r->speakers) / r->members; ++speak_n; }
            if (r->messages >= 0) {
                messages += r->messages;
                ++msg_n;
                if (r->first) member_days += static_cast<double>(r->members) * (r->last - r->first + 1);
            }
        }
        g.members = file.per_day || periods ? rs.back()->members : 0;
        if (!file.per_day && !periods)
            for (const GroupStatsRow* r : rs) g.members = std::max(g.members, r->members);
        g.avg_members = member_sum / static_cast<double>(rs.size());
        g.days = static_cast<int>(dates.size());
        g.joins = joins_n ? static_cast<int>(joins) : -1;
        g.quits = quits_n ? static_cast<int>(quits) : -1;
        g.growth = joins_n && quits_n ? static_cast<double>(joins - quits) : kNaN;
        g.churn = quits_n && g.avg_members > 0 ? static_cast<double>(quits) / g.avg_members : kNaN;
        g.speaking_ratio = speak_n ? speak_sum / speak_n : kNaN;
        g.msgs_per_member = msg_n && g.avg_members > 0 ? static_cast<double>(messages) / g.avg_members : kNaN;
        g.msgs_per_member_day = msg_n == static_cast<int>(rs.size()) && msg_n == periods && member_days > 0
                                    ? static_cast<double>(messages) / member_days : kNaN;

        g.zombie_by_speaking = !std::isnan(g.speaking_ratio) && g.speaking_ratio < t.zombie_speaking_ratio;
        g.zombie_by_messages = !std::isnan(g.msgs_per_member_day) && g.msgs_per_member_day < t.zombie_msgs_per_member_day;
        const bool known_s = !std::isnan(g.speaking_ratio), known_m = !std::isnan(g.msgs_per_member_day);
        g.zombie = (known_s || known_m) && (!known_s || g.zombie_by_speaking) && (!known_m || g.zombie_by_messages);

        for (const auto& e : roster) {
            if (!same_group_name(e.name, g.name)) continue;
            g.in_plan = true;
            g.plan_id = e.id;
            g.plan_type = e.type;
            g.active_kocs = e.active_kocs;
            g.active_leaders = e.active_leaders;
            g.deal_without_lead = e.type == "deal" && e.active_kocs == 0 && e.active_leaders == 0;
            break;
        }
    }
    return out;
}

}  // namespace yt
