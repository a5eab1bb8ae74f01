// channels.cpp — default channel matrix, channel effects on the scenarios, and channel risk.
#include "core/economics/channels.hpp"

#include <algorithm>
#include <map>

#include "core/economics/validate.hpp"

namespace yt {

namespace {

// Heuristic thresholds for the risk warnings (editable defaults, not platform rules).
constexpr double kPlatformShareWarn = 0.7;
constexpr double kAccountShareWarn = 0.3;
constexpr double kBanRiskWarn = 0.05;

ChannelRow row(const char* id, double acq, double reach, double control, double trust, double upkeep, double ban,
               double share) {
    ChannelRow r;
    r.channel = id;
    r.acquisition_cost = acq;
    r.reach = reach;
    r.data_control = control;
    r.trust = trust;
    r.maintenance_cost = upkeep;
    r.ban_risk = ban;
    r.pool_share = share;
    return r;
}

Finding warning(const char* message, const char* fix, const std::string& kind, const std::string& subject,
                double value, double limit) {
    Finding f;
    f.rule = message;
    f.severity = Severity::Warning;
    f.subject_kind = kind;
    f.subject = subject;
    f.value = value;
    f.limit = limit;
    f.message = message;
    f.fix = fix;
    // {0} the platform or channel (its name when the catalogue has one), {1} share, {2} limit
    const std::string name_key = "economics." + kind + "." + subject;
    f.args = {subject.empty() || !has_tr(name_key) ? FindingArg(subject) : FindingArg::name(name_key),
              FindingArg::percent(value), FindingArg::percent(limit)};
    return f;
}

}  // namespace

std::vector<ChannelRow> default_channels() {
    // Columns: acquisition cost per friend (yuan), reach / data control / trust (1..5), channel
    // maintenance per month (yuan, on top of Assumptions' per-account cost), monthly ban risk,
    // pool share. Illustrative starting values for the operator to replace with their own.
    return {
        row("wechat_personal", 8, 4, 2, 5, 0, 0.03, 0.4),
        row("wecom", 10, 4, 4, 4, 100, 0.005, 0.3),
        row("official_account", 5, 3, 3, 3, 500, 0.002, 0.2),
        row("wechat_group", 3, 3, 2, 4, 0, 0.02, 0.0),
        row("own_app", 30, 2, 5, 3, 1500, 0.0, 0.1),
        row("public_platform", 15, 5, 1, 2, 0, 0.01, 0.0),
    };
}

std::string platform_of(const std::string& channel) {
    if (channel == "wechat_personal" || channel == "wecom" || channel == "official_account" ||
        channel == "wechat_group")
        return "wechat";
    if (channel == "own_app") return "own";
    if (channel == "public_platform") return "public";
    return channel;
}

ChannelEffects channel_effects(const std::vector<ChannelRow>& channels) {
    ChannelEffects e;
    double total = 0;
    for (const ChannelRow& c : channels) total += c.pool_share;
    for (const ChannelRow& c : channels) {
        if (c.pool_share <= 0) continue;
        e.channel_cost += c.maintenance_cost;
        e.ban_loss += c.pool_share / total * c.ban_risk;
    }
    return e;
}

ChannelRisk channel_risk(const std::vector<ChannelRow>& channels, const RiskInput& in) {
    ChannelRisk r;
    r.pool_value = std::max(0.0, in.buyers) * std::max(0.0, in.ltv);
    double total = 0;
    for (const ChannelRow& c : channels) total += std::max(0.0, c.pool_share);

    std::map<std::string, double> by_platform;
    const ChannelRow* largest = nullptr;
    for (const ChannelRow& c : channels) {
        ChannelExposure x;
        x.channel = c.channel;
        x.platform = platform_of(c.channel);
        x.share = total > 0 ? std::max(0.0, c.pool_share) / total : 0.0;
        x.expected_monthly_loss = x.share * c.ban_risk * r.pool_value;
        r.expected_monthly_loss_spread += x.expected_monthly_loss;
        if (x.share > 0) by_platform[x.platform] += x.share;
        if (x.share > 0 && (!largest || c.pool_share > largest->pool_share)) largest = &c;
        r.channels.push_back(x);
    }
    for (const auto& [platform, share] : by_platform)
        r.platforms.push_back({platform, share, share * in.rule_change_impact * r.pool_value});
    std::stable_sort(r.platforms.begin(), r.platforms.end(),
                     [](const PlatformExposure& a, const PlatformExposure& b) { return a.share > b.share; });
    if (!r.platforms.empty()) {
        r.top_platform = r.platforms.front().platform;
        r.top_platform_share = r.platforms.front().share;
        r.loss_if_top_platform_changes = r.platforms.front().loss_if_rule_change;
    }

    double friends = 0, most = 0;
    for (double f : in.account_friends) {
        friends += std::max(0.0, f);
        most = std::max(most, f);
    }
    if (!in.account_friends.empty())
        r.top_account_share = friends > 0 ? most / friends : 0.0;
    else
        r.top_account_share = 1.0 / std::max(1.0, in.accounts);
    r.loss_if_top_account_banned = r.top_account_share * r.pool_value;

    r.expected_monthly_loss_concentrated = largest ? largest->ban_risk * r.pool_value : 0.0;
    r.worst_event_loss_concentrated = r.pool_value;
    r.worst_event_loss_spread = r.loss_if_top_account_banned;
    r.spreading_benefit = r.worst_event_loss_concentrated - r.worst_event_loss_spread;

    if (total <= 0) {
        Finding f;
        f.rule = f.message = "economics.risk.no_shares";
        f.fix = "economics.risk.fix_set_shares";
        r.findings.push_back(f);
        return r;
    }
    if (r.top_platform_share > kPlatformShareWarn)
        r.findings.push_back(warning("economics.risk.platform_concentrated", "economics.risk.fix_spread_platforms",
                                     "platform", r.top_platform, r.top_platform_share, kPlatformShareWarn));
    if (r.top_account_share > kAccountShareWarn)
        r.findings.push_back(warning("economics.risk.account_concentrated", "economics.risk.fix_more_accounts",
                                     "account", "", r.top_account_share, kAccountShareWarn));
    for (const ChannelRow& c : channels)
        if (c.pool_share > 0 && c.ban_risk >= kBanRiskWarn)
            r.findings.push_back(warning("economics.risk.high_ban_risk", "economics.risk.fix_move_pool", "channel",
                                         c.channel, c.ban_risk, kBanRiskWarn));
    return r;
}

}  // namespace yt
