// channels.hpp — the channel comparison matrix and the risk of keeping the pool on few channels.
//
// default_channels() is the editable starting matrix (EconomicsPlan::channels): personal WeChat,
// WeCom, official account, WeChat groups, own app / mini-program, public platforms. Its numbers
// are illustrative defaults for the operator to edit, not measurements. The matrix feeds the
// scenarios through channel_effects(): the maintenance cost of every channel in use
// (pool_share > 0) adds to the monthly operating cost, and the share-weighted ban risk adds to
// churn. channel_risk() works out what a ban or a platform rule change would cost.
#pragma once
#include <string>
#include <vector>

#include "core/economics/economics_model.hpp"
#include "core/i18n/i18n.hpp"
#include "core/rules/finding.hpp"

namespace yt {

std::vector<ChannelRow> default_channels();

// The platform a channel runs on: WeChat-family channels share "wechat" (one rule change hits
// them all), "own" for own app / mini-program, "public" for public platforms; an unknown channel
// id is its own platform.
std::string platform_of(const std::string& channel);

struct ChannelEffects {
    double channel_cost = 0;  // per month: sum of maintenance_cost over channels in use
    double ban_loss = 0;      // per month: sum of pool_share x ban_risk (shares normalised to 1)
};
ChannelEffects channel_effects(const std::vector<ChannelRow>& channels);

struct RiskInput {
    double buyers = 0;  // buyers in the pool (e.g. the simulation's last month)
    double ltv = 0;     // gross-margin LTV per buyer
    // Friends per account; empty = `accounts` accounts of equal size holding the whole pool.
    std::vector<double> account_friends;
    double accounts = 1;
    double rule_change_impact = 1.0;  // share of a platform's users lost when it changes its rules
};

struct ChannelExposure {
    std::string channel, platform;
    double share = 0;              // of the pool (normalised)
    double expected_monthly_loss = 0;  // share x ban_risk x pool value
};

struct PlatformExposure {
    std::string platform;
    double share = 0;
    double loss_if_rule_change = 0;  // share x rule_change_impact x pool value
};

struct ChannelRisk {
    double pool_value = 0;  // buyers x ltv
    std::vector<ChannelExposure> channels;
    std::vector<PlatformExposure> platforms;  // largest share first
    std::string top_platform;
    double top_platform_share = 0;
    double top_account_share = 0;
    double loss_if_top_account_banned = 0;       // top_account_share x pool value
    double loss_if_top_platform_changes = 0;     // top platform share x impact x pool value
    // Concentrated = the whole pool on one account of the largest channel; spread = as planned.
    double expected_monthly_loss_concentrated = 0;
    double expected_monthly_loss_spread = 0;
    double worst_event_loss_concentrated = 0;  // one ban takes the whole pool
    double worst_event_loss_spread = 0;        // one ban takes the largest account
    double spreading_benefit = 0;              // worst_event_loss_concentrated - worst_event_loss_spread
    std::vector<Finding> findings;             // warnings, message keys "economics.risk.*"
};

ChannelRisk channel_risk(const std::vector<ChannelRow>& channels, const RiskInput& in);

}  // namespace yt
