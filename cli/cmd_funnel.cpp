// cmd_funnel.cpp — `yutang funnel SCENARIO.json | --demo [--json] [--scenario ID] [--churn X]
// [--account-friends N,N,…]`: the month-by-month funnel, unit economics, scenario comparison,
// sensitivity, product fit and channel risk of an economics plan.
//
// SCENARIO.json is the economics part of a workspace ({"economics": {...}} as cereal writes it)
// or a whole workspace file; see core/economics/plan_json.hpp. --scenario picks a scenario by id
// or 0-based index (default: the plan's active one); --churn overrides the monthly churn (e.g.
// from the CLV model); --account-friends gives per-account friend counts for the channel risk.
// Boolean flags: --json, --demo. Exit 0 ok, 2 bad input.
#include <cstdio>
#include <iostream>
#include <sstream>
#include <string>

#include "cli/cli_common.hpp"
#include "core/economics/channels.hpp"
#include "core/economics/demo_economics.hpp"
#include "core/economics/plan_json.hpp"
#include "core/economics/product_fit.hpp"
#include "core/economics/scenarios.hpp"
#include "core/economics/validate.hpp"

namespace yt::cli {

namespace {

std::string num(double v) { return json_number(v); }
template <class T> std::string opt(const std::optional<T>& v) { return v ? json_number(static_cast<double>(*v)) : "null"; }
std::string str(const std::string& s) { return "\"" + json_escape(s) + "\""; }

std::optional<double> parse_double(const std::string& s) {
    if (s.empty()) return std::nullopt;
    char* end = nullptr;
    const double v = std::strtod(s.c_str(), &end);
    if (end != s.c_str() + s.size()) return std::nullopt;
    return v;
}

Result<std::size_t> pick_scenario(const EconomicsPlan& plan, const Args& args) {
    if (!args.has("scenario")) return static_cast<std::size_t>(plan.active);
    const std::string want = args.get("scenario");
    for (std::size_t i = 0; i < plan.scenarios.size(); ++i)
        if (plan.scenarios[i].id == want) return i;
    if (!want.empty() && want.find_first_not_of("0123456789") == std::string::npos && want.size() < 6) {
        const std::size_t i = std::stoul(want);
        if (i < plan.scenarios.size()) return i;
    }
    return Error("economics.unknown_scenario", {want}, Location{"", 0, 0, "scenario"});
}

Result<std::vector<double>> parse_friends(const std::string& list) {
    std::vector<double> out;
    std::stringstream ss(list);
    std::string item;
    while (std::getline(ss, item, ',')) {
        const std::optional<double> v = parse_double(item);
        if (!v || !(*v >= 0) || *v > 1e9) return bad_field("account-friends", v.value_or(-1), 0, 1e9);
        out.push_back(*v);
    }
    return out;
}

std::string summary_json(const FunnelSummary& s) {
    std::string o = "{";
    o += "\"ltv\":" + num(s.ltv) + ",\"cac_public\":" + num(s.cac_public) + ",\"cac_private\":" + opt(s.cac_private);
    o += ",\"ltv_cac\":" + opt(s.ltv_cac) + ",\"payback_month\":" + opt(s.payback_month) + ",\"roi\":" + opt(s.roi);
    o += ",\"total_revenue\":" + num(s.total_revenue) + ",\"total_gross_profit\":" + num(s.total_gross_profit);
    o += ",\"total_cost\":" + num(s.total_cost) + ",\"total_new_buyers\":" + num(s.total_new_buyers);
    o += ",\"final_pool\":" + num(s.final_pool) + ",\"final_buyers\":" + num(s.final_buyers);
    o += ",\"monthly_churn\":" + num(s.monthly_churn) + ",\"expected_purchases\":" + num(s.expected_purchases);
    return o + "}";
}

std::string month_json(const MonthRow& m) {
    std::string o = "{\"month\":" + std::to_string(m.month);
    const std::pair<const char*, double> fields[] = {
        {"visitors", m.visitors}, {"new_friends", m.new_friends}, {"pool", m.pool},
        {"group_members", m.group_members}, {"new_buyers", m.new_buyers}, {"buyers", m.buyers},
        {"orders", m.orders}, {"revenue", m.revenue}, {"gross_profit", m.gross_profit},
        {"acquisition_cost", m.acquisition_cost}, {"operating_cost", m.operating_cost},
        {"perks_cost", m.perks_cost}, {"cost", m.cost}, {"cash", m.cash}, {"cumulative_cash", m.cumulative_cash}};
    for (const auto& [k, v] : fields) o += std::string(",\"") + k + "\":" + num(v);
    return o + "}";
}

std::string reasons_json(const std::vector<FitReason>& reasons, Lang lang) {
    std::string o = "[";
    for (std::size_t i = 0; i < reasons.size(); ++i) {
        const FitReason& r = reasons[i];
        o += (i ? "," : "") + std::string("{\"key\":") + str(r.key) + ",\"positive\":" + (r.positive ? "true" : "false");
        o += ",\"text\":" + str(trf(r.key, lang, r.args)) + "}";
    }
    return o + "]";
}

std::string risk_json(const ChannelRisk& r, Lang lang) {
    std::string o = "{\"pool_value\":" + num(r.pool_value) + ",\"top_platform\":" + str(r.top_platform);
    o += ",\"top_platform_share\":" + num(r.top_platform_share) + ",\"top_account_share\":" + num(r.top_account_share);
    o += ",\"loss_if_top_account_banned\":" + num(r.loss_if_top_account_banned);
    o += ",\"loss_if_top_platform_changes\":" + num(r.loss_if_top_platform_changes);
    o += ",\"expected_monthly_loss_concentrated\":" + num(r.expected_monthly_loss_concentrated);
    o += ",\"expected_monthly_loss_spread\":" + num(r.expected_monthly_loss_spread);
    o += ",\"worst_event_loss_concentrated\":" + num(r.worst_event_loss_concentrated);
    o += ",\"worst_event_loss_spread\":" + num(r.worst_event_loss_spread);
    o += ",\"spreading_benefit\":" + num(r.spreading_benefit) + ",\"platforms\":[";
    for (std::size_t i = 0; i < r.platforms.size(); ++i)
        o += (i ? "," : "") + std::string("{\"platform\":") + str(r.platforms[i].platform) +
             ",\"share\":" + num(r.platforms[i].share) + ",\"loss_if_rule_change\":" +
             num(r.platforms[i].loss_if_rule_change) + "}";
    o += "],\"findings\":[";
    for (std::size_t i = 0; i < r.findings.size(); ++i) {
        const Finding& f = r.findings[i];
        o += (i ? "," : "") + std::string("{\"rule\":") + str(f.rule) + ",\"subject\":" + str(f.subject) +
             ",\"value\":" + num(f.value) + ",\"limit\":" + num(f.limit) + ",\"message\":" +
             str(finding_message(f, lang)) + ",\"fix\":" + str(finding_fix(f, lang)) + "}";
    }
    return o + "]}";
}

struct Report {
    const Scenario* scenario = nullptr;
    FunnelResult funnel;
    std::vector<ScenarioRow> comparison;
    Sensitivity sens;
    ProductFit fit;
    ChannelRisk risk;
};

std::string to_json(const Report& r, Lang lang) {
    std::string o = "{\"scenario\":" + str(r.scenario->name) + ",\"scenario_id\":" + str(r.scenario->id);
    o += ",\"months\":[";
    for (std::size_t i = 0; i < r.funnel.months.size(); ++i) o += (i ? ",\n" : "\n") + month_json(r.funnel.months[i]);
    o += "],\n\"summary\":" + summary_json(r.funnel.summary) + ",\n\"scenarios\":[";
    for (std::size_t i = 0; i < r.comparison.size(); ++i)
        o += (i ? "," : "") + std::string("{\"id\":") + str(r.comparison[i].id) + ",\"name\":" +
             str(r.comparison[i].name) + ",\"summary\":" + summary_json(r.comparison[i].summary) + "}";
    o += "],\n\"sensitivity\":{\"base_payback_month\":" + opt(r.sens.base_payback) + ",\"base_roi\":" +
         num(r.sens.base_roi) + ",\"rows\":[";
    for (std::size_t i = 0; i < r.sens.rows.size(); ++i) {
        const SensitivityRow& s = r.sens.rows[i];
        o += (i ? "," : "") + std::string("{\"param\":") + str(s.param) + ",\"payback_low\":" + opt(s.payback_low) +
             ",\"payback_high\":" + opt(s.payback_high) + ",\"roi_low\":" + num(s.roi_low) + ",\"roi_high\":" +
             num(s.roi_high) + ",\"payback_shift\":" + num(s.payback_shift) + "}";
    }
    o += "]},\n\"product_fit\":{\"score\":" + num(r.fit.score) + ",\"verdict\":" + str(r.fit.verdict) +
         ",\"reasons\":" + reasons_json(r.fit.reasons, lang) + "},\n\"channel_risk\":" + risk_json(r.risk, lang);
    return o + "}\n";
}

std::string fixed(double v, int digits = 0) {
    char b[48];
    std::snprintf(b, sizeof b, "%.*f", digits, v);
    return b;
}

std::string payback_text(const std::optional<int>& p, Lang lang) {
    return p ? std::to_string(*p) : std::string(tr("economics.label.never", lang));
}

void print_text(const Report& r, Lang lang) {
    std::ostream& out = std::cout;
    out << tr("economics.label.scenario", lang) << ": " << r.scenario->name << "\n\n";
    const char* cols[] = {"month", "new_friends", "pool", "buyers", "orders", "revenue", "cost", "cumulative_cash"};
    for (const char* c : cols) out << tr(std::string("economics.label.") + c, lang) << "\t";
    out << "\n";
    for (const MonthRow& m : r.funnel.months)
        out << m.month << "\t" << fixed(m.new_friends) << "\t" << fixed(m.pool) << "\t" << fixed(m.buyers) << "\t"
            << fixed(m.orders) << "\t" << fixed(m.revenue) << "\t" << fixed(m.cost) << "\t" << fixed(m.cumulative_cash)
            << "\n";
    const FunnelSummary& s = r.funnel.summary;
    auto line = [&](const char* key, const std::string& v) { out << tr(key, lang) << ": " << v << "\n"; };
    out << "\n";
    line("economics.label.ltv", fixed(s.ltv, 1));
    line("economics.label.cac_public", fixed(s.cac_public, 1));
    line("economics.label.cac_private", s.cac_private ? fixed(*s.cac_private, 1) : "-");
    line("economics.label.ltv_cac", s.ltv_cac ? fixed(*s.ltv_cac, 2) : "-");
    line("economics.label.payback_month", payback_text(s.payback_month, lang));
    line("economics.label.roi", s.roi ? fixed(*s.roi * 100, 1) + "%" : "-");

    out << "\n" << tr("economics.label.scenario", lang) << "\n";
    for (const ScenarioRow& c : r.comparison)
        out << "  " << c.name << "\t" << tr("economics.label.payback_month", lang) << " "
            << payback_text(c.summary.payback_month, lang) << "\tROI "
            << (c.summary.roi ? fixed(*c.summary.roi * 100, 1) + "%" : "-") << "\tLTV:CAC "
            << (c.summary.ltv_cac ? fixed(*c.summary.ltv_cac, 2) : "-") << "\n";

    out << "\n" << tr("economics.label.sensitivity", lang) << "\n";
    for (const SensitivityRow& x : r.sens.rows)
        out << "  " << tr("economics.param." + x.param, lang) << "\t" << payback_text(x.payback_low, lang) << " / "
            << payback_text(x.payback_high, lang) << "\tROI " << fixed(x.roi_low * 100, 1) << "% / "
            << fixed(x.roi_high * 100, 1) << "%\n";

    out << "\n" << tr("economics.label.product_fit", lang) << ": " << tr("economics.verdict." + r.fit.verdict, lang)
        << " (" << tr("economics.label.score", lang) << " " << fixed(r.fit.score) << ")\n";
    for (const FitReason& x : r.fit.reasons) out << "  " << (x.positive ? "+ " : "- ") << trf(x.key, lang, x.args) << "\n";

    out << "\n" << tr("economics.label.channel_risk", lang) << "\n";
    line("economics.label.loss_account_ban", fixed(r.risk.loss_if_top_account_banned));
    line("economics.label.loss_rule_change", fixed(r.risk.loss_if_top_platform_changes));
    line("economics.label.expected_ban_loss",
         fixed(r.risk.expected_monthly_loss_concentrated) + " / " + fixed(r.risk.expected_monthly_loss_spread));
    line("economics.label.spreading_benefit", fixed(r.risk.spreading_benefit));
    for (const Finding& f : r.risk.findings)
        out << "  ! " << finding_message(f, lang) << " " << finding_fix(f, lang) << "\n";
}

}  // namespace

int cmd_funnel(const Args& args, Lang lang) {
    EconomicsPlan plan;
    if (args.has("demo")) {
        plan = demo_economics();
    } else {
        if (args.positional.empty())
            return fail(Error("cli.usage", {"yutang funnel SCENARIO.json | --demo [--json] [--scenario ID] [--churn X]"}),
                        lang);
        const std::string& path = args.positional[0];
        Result<std::string> text = read_file(path);
        if (!text) return fail(text.error(), lang);
        Result<EconomicsPlan> loaded = economics_from_json(*text);
        if (!loaded) {
            Error e = loaded.error();
            e.where.file = path;
            return fail(e, lang);
        }
        plan = std::move(*loaded);
    }
    Status st = validate_plan(plan);
    if (!st) return fail(st.error(), lang);

    SimOptions base;
    if (args.has("churn")) {
        const std::optional<double> c = parse_double(args.get("churn"));
        if (!c || !(*c >= 0 && *c <= 1)) return fail(bad_field("churn", c.value_or(-1), 0, 1), lang);
        base.monthly_churn = *c;
    }
    RiskInput risk_in;
    if (args.has("account-friends")) {
        Result<std::vector<double>> f = parse_friends(args.get("account-friends"));
        if (!f) return fail(f.error(), lang);
        risk_in.account_friends = std::move(*f);
    }
    Result<std::size_t> index = pick_scenario(plan, args);
    if (!index) return fail(index.error(), lang);

    Report rep;
    rep.scenario = &plan.scenarios[*index];
    Result<FunnelResult> funnel = simulate_plan(plan, *index, base);
    if (!funnel) return fail(funnel.error(), lang);
    rep.funnel = std::move(*funnel);
    Result<std::vector<ScenarioRow>> cmp = compare_scenarios(plan, base);
    if (!cmp) return fail(cmp.error(), lang);
    rep.comparison = std::move(*cmp);
    Result<Sensitivity> sens = sensitivity(plan, *index, base);
    if (!sens) return fail(sens.error(), lang);
    rep.sens = std::move(*sens);
    rep.fit = assess_fit(priced_by(plan.product, rep.scenario->a));  // as the app: the scenario's price and margin
    rep.fit.verdict = plan_verdict(rep.funnel.summary, rep.fit);
    risk_in.buyers = rep.funnel.summary.final_buyers;
    risk_in.ltv = rep.funnel.summary.ltv;
    risk_in.accounts = rep.scenario->a.accounts;
    rep.risk = channel_risk(plan.channels, risk_in);

    if (args.has("json")) std::cout << to_json(rep, lang);
    else print_text(rep, lang);
    return 0;
}

}  // namespace yt::cli
