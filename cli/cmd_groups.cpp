// cmd_groups.cpp — `yutang groups --stats FILE [--workspace WS.json] [--json]`: the health of each
// customer group in a WeCom group-statistics export (core/groups): members, net growth, churn,
// speaking ratio, messages per member (and per member-day), the zombie flag and, with a workspace,
// the plan's group of the same name with its active KOCs / 团长 and the deal-group flag. The
// thresholds are the workspace's rules (the shipped defaults without one).
#include <cmath>
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include "cli/cli_common.hpp"
#include "cli/options.hpp"
#include "core/groups/group_health.hpp"
#include "core/plan/assess_groups.hpp"
#include "core/rules/rules_model.hpp"

namespace yt::cli {

namespace {

std::string pad(const std::string& s, std::size_t w) {
    const std::size_t n = display_width(s);
    return s + std::string(n < w ? w - n : 0, ' ');
}

std::string json_text(const std::string& s) { return "\"" + json_escape(s) + "\""; }

std::string to_json(const std::string& file, const GroupStatsFile& f, const GroupHealthThresholds& t,
                    const std::vector<GroupHealth>& h) {
    int zombies = 0, no_lead = 0;
    std::string g;
    for (std::size_t i = 0; i < h.size(); ++i) {
        const GroupHealth& x = h[i];
        zombies += x.zombie;
        no_lead += x.deal_without_lead;
        std::string flags;
        if (x.zombie) flags += "\"zombie\"";
        if (x.deal_without_lead) flags += std::string(flags.empty() ? "" : ",") + "\"deal_without_lead\"";
        g += std::string(i ? ",\n" : "\n") + "  {\"name\":" + json_text(x.name) + ",\"owner\":" + json_text(x.owner) +
             ",\"rows\":" + std::to_string(x.rows) + ",\"days\":" + std::to_string(x.days) +
             ",\"first\":" + (x.first ? json_text(format_day(x.first)) : "null") +
             ",\"last\":" + (x.last ? json_text(format_day(x.last)) : "null") +
             ",\"members\":" + std::to_string(x.members) + ",\"avg_members\":" + json_number(x.avg_members) +
             ",\"joins\":" + (x.joins >= 0 ? std::to_string(x.joins) : "null") +
             ",\"quits\":" + (x.quits >= 0 ? std::to_string(x.quits) : "null") +
             ",\"growth\":" + json_number(x.growth) + ",\"churn\":" + json_number(x.churn) +
             ",\"speaking_ratio\":" + json_number(x.speaking_ratio) + ",\"msgs_per_member\":" + json_number(x.msgs_per_member) +
             ",\"msgs_per_member_day\":" + json_number(x.msgs_per_member_day) + ",\"zombie\":" + (x.zombie ? "true" : "false") +
             ",\"in_plan\":" + (x.in_plan ? "true" : "false") + ",\"plan_id\":" + json_text(x.plan_id) +
             ",\"plan_type\":" + json_text(x.plan_type) + ",\"active_kocs\":" + std::to_string(x.active_kocs) +
             ",\"active_leaders\":" + std::to_string(x.active_leaders) +
             ",\"deal_without_lead\":" + (x.deal_without_lead ? "true" : "false") + ",\"flags\":[" + flags + "]}";
    }
    return "{\"file\":" + json_text(file) + ",\"encoding\":" + json_text(f.encoding) +
           ",\"per_day\":" + (f.per_day ? "true" : "false") +
           ",\"thresholds\":{\"zombie_speaking_ratio\":" + json_number(t.zombie_speaking_ratio) +
           ",\"zombie_msgs_per_member_day\":" + json_number(t.zombie_msgs_per_member_day) + "}" +
           ",\"zombies\":" + std::to_string(zombies) + ",\"deal_without_lead\":" + std::to_string(no_lead) +
           ",\"groups\":[" + g + "\n]}\n";
}

}  // namespace

int cmd_groups(const Args& args, Lang lang) {
    const std::string path = args.get("stats");
    auto bytes = read_file(path);
    if (!bytes) return fail(bytes.error(), lang);
    auto file = read_group_stats(*bytes, path);
    if (!file) return fail(file.error(), lang);
    Workspace ws;
    ws.rules = default_rules();
    if (args.has("workspace")) {
        auto w = read_workspace(args, args.get("workspace"));
        if (!w) return fail(w.error(), lang);
        ws = std::move(*w);
    }
    const GroupHealthThresholds t = group_health_thresholds(ws.rules);
    const std::vector<GroupHealth> h = assess_group_health(ws, *file);
    if (args.has("json")) {
        std::cout << to_json(path, *file, t, h);
        return 0;
    }
    const char* cols[] = {"groups.col.name", "groups.col.owner", "groups.col.days", "groups.col.members",
                          "groups.col.growth", "groups.col.churn", "groups.col.speaking", "groups.col.msgs",
                          "groups.col.msgs_day", "groups.col.leads", "groups.col.flags"};
    std::vector<std::vector<std::string>> table;
    table.emplace_back();
    for (const char* c : cols) table.back().push_back(tr(c, lang));
    int zombies = 0, no_lead = 0;
    for (const GroupHealth& x : h) {
        zombies += x.zombie;
        no_lead += x.deal_without_lead;
        std::string flags;
        if (x.zombie) flags = tr("groups.flag.zombie", lang);
        if (x.deal_without_lead) flags += (flags.empty() ? "" : "; ") + std::string(tr("groups.flag.no_lead", lang));
        table.push_back({x.name, x.owner.empty() ? "-" : x.owner, x.days ? std::to_string(x.days) : "-",
                         std::to_string(x.members), format_figure(x.growth, "%+.0f"), format_figure(x.churn * 100, "%.1f%%"),
                         format_figure(x.speaking_ratio * 100, "%.1f%%"), format_figure(x.msgs_per_member, "%.2f"),
                         format_figure(x.msgs_per_member_day, "%.3f"),
                         x.in_plan ? trf("groups.leads", lang, {std::to_string(x.active_kocs), std::to_string(x.active_leaders)})
                                   : std::string(tr("groups.not_in_plan", lang)),
                         flags});
    }
    std::vector<std::size_t> w(table.front().size(), 0);
    for (const auto& row : table)
        for (std::size_t c = 0; c < row.size(); ++c) w[c] = std::max(w[c], display_width(row[c]));
    for (const auto& row : table) {
        std::string line;
        for (std::size_t c = 0; c < row.size(); ++c) line += c + 1 < row.size() ? pad(row[c], w[c] + 2) : row[c];
        while (!line.empty() && line.back() == ' ') line.pop_back();
        std::cout << line << "\n";
    }
    std::cout << "\n"
              << trf("groups.summary", lang,
                     {std::to_string(h.size()), file->encoding,
                      tr(file->per_day ? "groups.form.per_day" : "groups.form.period", lang), std::to_string(zombies),
                      std::to_string(no_lead)})
              << "\n"
              << trf("groups.thresholds", lang,
                     {format_figure(t.zombie_speaking_ratio * 100, "%.1f%%"), format_figure(t.zombie_msgs_per_member_day, "%.3f")})
              << "\n";
    return 0;
}

}  // namespace yt::cli
