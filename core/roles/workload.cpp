// workload.cpp — chats and calendar items per account, summed per operator (see workload.hpp).
#include "core/roles/workload.hpp"

#include <algorithm>

#include "core/roles/capacity.hpp"
#include "core/rules/rule_value.hpp"

namespace yt {

namespace {
constexpr double kDaysPerMonth = 30;
}

WorkloadReport workload(const RolesPlan& plan, const RuleSet& rules, const WorkloadInput& in) {
    WorkloadReport r;
    std::map<std::string, std::size_t> index;  // account id -> position in r.accounts (first wins)
    for (const auto& a : plan.accounts) {
        index.emplace(a.id, r.accounts.size());
        AccountLoad l;
        l.id = a.id;
        l.operator_id = a.operator_id;
        r.accounts.push_back(l);
    }

    // 1-on-1 chats.
    if (in.tier_sizes.empty()) {
        const double per_friend = rule_value(rules, "roles.chats_per_friend_month");
        for (std::size_t i = 0; i < plan.accounts.size(); ++i)
            r.accounts[i].chats_per_day = std::max(0, plan.accounts[i].friends) * per_friend / kDaysPerMonth;
    } else {
        const double default_chats = rule_value(rules, "roles.chats_per_friend_month");
        for (const auto& [tier, size] : in.tier_sizes) {
            if (size <= 0) continue;
            auto cit = in.tier_chats_per_month.find(tier);
            const double per_day = double(size) * (cit != in.tier_chats_per_month.end() ? cit->second : default_chats) /
                                   kDaysPerMonth;
            std::vector<std::size_t> serving;
            bool has_persona = false;
            for (const auto& p : plan.personas) {
                if (std::find(p.tiers.begin(), p.tiers.end(), tier) == p.tiers.end()) continue;
                has_persona = true;
                for (std::size_t i = 0; i < plan.accounts.size(); ++i)
                    if (plan.accounts[i].persona == p.id &&
                        std::find(serving.begin(), serving.end(), i) == serving.end())
                        serving.push_back(i);
            }
            if (!has_persona) r.unserved_tiers.push_back(tier);
            if (serving.empty()) {
                r.unassigned_chats_per_day += per_day;
                continue;
            }
            double friends = 0;
            for (auto i : serving) friends += std::max(0, plan.accounts[i].friends);
            for (auto i : serving)
                r.accounts[i].chats_per_day +=
                    per_day * (friends > 0 ? std::max(0, plan.accounts[i].friends) / friends : 1.0 / serving.size());
        }
    }

    // New friends: greeting and first questions, from each account's forecast.
    const double per_new = rule_value(rules, "roles.chats_per_new_friend");
    // A new-friend journey is the welcome routine: its steps replace the rule's estimate.
    const bool welcome_journey = in.journey_steps_per_new_friend > 0;
    for (const auto& [id, n] : in.new_friends_per_month) {
        auto it = index.find(id);
        if (it == index.end() || n <= 0) continue;
        AccountLoad& a = r.accounts[it->second];
        a.new_friend_chats_per_day = n * (welcome_journey ? in.journey_steps_per_new_friend : per_new) / kDaysPerMonth;
        a.chats_per_day += a.new_friend_chats_per_day;
        if (welcome_journey) a.journey_per_day += a.new_friend_chats_per_day;
    }

    // Journeys other than the new-friend ones, by sender.
    auto add_journey = [&](std::size_t i, double n) {
        r.accounts[i].journey_per_day += n;
        r.accounts[i].chats_per_day += n;
    };
    for (const auto& [key, n] : in.journey_per_day) {
        if (n <= 0) continue;
        auto it = key.empty() ? index.end() : index.find(key);
        if (it != index.end()) {
            add_journey(it->second, n);
            continue;
        }
        std::vector<std::size_t> senders;
        for (std::size_t i = 0; i < plan.accounts.size(); ++i)
            if (key.empty() || plan.accounts[i].persona == key) senders.push_back(i);
        if (senders.empty()) {
            r.unassigned_journey_per_day += n;
            r.unassigned_chats_per_day += n;
            continue;
        }
        double friends = 0;
        for (auto i : senders) friends += std::max(0, plan.accounts[i].friends);
        for (auto i : senders)
            add_journey(i, n * (friends > 0 ? std::max(0, plan.accounts[i].friends) / friends : 1.0 / senders.size()));
    }

    // Calendar items.
    for (const auto& [key, n] : in.items_per_day) {
        if (key.empty()) {
            r.unassigned_items_per_day += n;
            continue;
        }
        auto it = index.find(key);
        if (it != index.end()) {
            r.accounts[it->second].items_per_day += n;
            continue;
        }
        bool any = false;
        for (std::size_t i = 0; i < plan.accounts.size(); ++i)
            if (plan.accounts[i].persona == key) { r.accounts[i].items_per_day += n; any = true; }
        if (!any) r.unassigned_items_per_day += n;
    }

    // Per operator.
    const double minutes_per_item = rule_value(rules, "operator.minutes_per_item");
    const double default_cph = rule_value(rules, "operator.chats_per_hour");
    for (const auto& op : plan.operators) {
        OperatorLoad o;
        o.id = op.id;
        o.hours_available = std::max(0.0, op.hours_per_day);
        o.chats_per_hour = op.chats_per_hour > 0 ? op.chats_per_hour : default_cph;
        for (const auto& a : r.accounts) {
            if (a.operator_id != op.id) continue;
            o.accounts.push_back(a.id);
            o.chats_per_day += a.chats_per_day;
            o.items_per_day += a.items_per_day;
            o.journey_per_day += a.journey_per_day;
        }
        o.hours_needed = (o.chats_per_hour > 0 ? o.chats_per_day / o.chats_per_hour : 0) +
                         o.items_per_day * minutes_per_item / 60.0;
        o.utilisation = o.hours_available > 0 ? o.hours_needed / o.hours_available : 0;
        o.over = o.hours_needed > o.hours_available + 1e-9;
        r.operators.push_back(o);
    }
    for (const auto& a : r.accounts)
        if (!find_operator(plan, a.operator_id)) {
            r.unassigned_chats_per_day += a.chats_per_day;
            r.unassigned_items_per_day += a.items_per_day;
        }
    return r;
}

}  // namespace yt
