// plan_json.cpp — the Assessment as JSON (see plan_json.hpp).
#include "cli/plan_json.hpp"

#include "cli/cli_common.hpp"
#include "core/plan/assess_orders.hpp"
#include "core/tiering/lifecycle.hpp"
#include "core/tiering/segments.hpp"

namespace yt::cli {

std::string quoted(const std::string& s) { return "\"" + json_escape(s) + "\""; }

std::string finding_json(const Finding& f, Lang lang) {
    std::string o = "{\"rule\":" + quoted(f.rule) + ",\"severity\":" + quoted(severity_name(f.severity));
    o += ",\"subject_kind\":" + quoted(f.subject_kind) + ",\"subject\":" + quoted(f.subject);
    o += ",\"value\":" + json_number(f.value) + ",\"limit\":" + json_number(f.limit);
    o += ",\"message\":" + quoted(finding_message(f, lang));
    o += ",\"fix\":" + quoted(finding_fix(f, lang));
    o += ",\"message_key\":" + quoted(f.message) + ",\"fix_key\":" + quoted(f.fix) + ",\"args\":[";
    const std::vector<std::string> args = finding_args(f, lang);  // in `lang`
    for (std::size_t i = 0; i < args.size(); ++i) o += (i ? "," : "") + quoted(args[i]);
    return o + "]}";
}

std::string kind_label(const std::string& kind, Lang lang) {
    const std::string key = "rules.kind." + kind;
    return has_tr(key) ? tr(key, lang) : kind;
}

namespace {
std::string opt_number(const std::optional<double>& v) { return v ? json_number(*v) : "null"; }
}  // namespace

std::string headline_json(const Workspace& ws, const Assessment& a) {
    const OrderFacts& o = a.order_facts;
    std::string j = "{\"orders\":{\"customers\":" + std::to_string(o.customers) + ",\"orders\":" + std::to_string(o.orders) +
                    ",\"revenue\":" + json_number(o.revenue) + ",\"first_day\":" + quoted(o.any ? format_day(o.first_day) : "") +
                    ",\"last_day\":" + quoted(o.any ? format_day(o.last_day) : "") + "}";
    j += ",\"segments\":{";
    bool first = true;
    if (a.tiers.tiers)
        for (int k = 0; k < kSegments; ++k) {
            j += (first ? "" : ",") + quoted(segment_key(k)) + ":" + std::to_string(a.tiers.tiers->segments.counts[k]);
            first = false;
        }
    j += "},\"lifecycle\":{";
    first = true;
    if (a.tiers.tiers)
        for (int s = 0; s < kStages; ++s) {
            j += (first ? "" : ",") + quoted(stage_key(s)) + ":" + std::to_string(a.tiers.tiers->lifecycle.counts[s]);
            first = false;
        }
    j += "},\"accounts\":[";
    const auto& from_orders = a.accounts;
    for (std::size_t i = 0; i < a.roles.concentration.accounts.size(); ++i) {
        const AccountShare& s = a.roles.concentration.accounts[i];
        std::string name;
        for (const Account& acc : ws.roles.accounts)
            if (acc.id == s.id) name = acc.name;
        auto it = from_orders.find(s.id);
        j += (i ? "," : "") + std::string("{\"id\":") + quoted(s.id) + ",\"name\":" + quoted(name) +
             ",\"share\":" + json_number(s.share) + ",\"revenue_share\":" + json_number(s.revenue_share) +
             ",\"customers\":" + std::to_string(it == from_orders.end() ? 0 : it->second.customers) +
             ",\"basis\":" + quoted(a.roles.concentration.basis) + "}";
    }
    const Calibration& c = a.economics.calibration;
    j += "],\"economics\":{\"calibration\":{\"measured\":" + std::string(c.any ? "true" : "false") +
         ",\"aov\":" + (c.has_aov ? json_number(c.aov) : "null") + ",\"aov_first\":" + (c.has_aov ? json_number(c.aov_first) : "null") +
         ",\"aov_repeat\":" + (c.has_aov ? json_number(c.aov_repeat) : "null") +
         ",\"repeat_rate\":" + (c.has_repeat ? json_number(c.repeat_rate) : "null") +
         ",\"monthly_churn\":" + (c.has_churn ? json_number(c.monthly_churn) : "null") +
         ",\"ltv\":" + (c.has_ltv ? json_number(c.ltv) : "null") + "}";
    j += ",\"active\":";
    if (a.economics.funnel) {
        const FunnelSummary& f = a.economics.funnel->summary;
        j += "{\"scenario\":" + quoted(a.economics.active_id) + ",\"ltv\":" + json_number(f.ltv) +
             ",\"cac_public\":" + json_number(f.cac_public) + ",\"cac_private\":" + opt_number(f.cac_private) +
             ",\"ltv_cac\":" + opt_number(f.ltv_cac) +
             ",\"payback_month\":" + (f.payback_month ? std::to_string(*f.payback_month) : "null") +
             ",\"roi\":" + opt_number(f.roi) + "}";
    } else {
        j += "null";
    }
    return j + "}}";
}

}  // namespace yt::cli
