// cmd_tier.cpp — `yutang tier FILE [--columns …] [--as-of DATE] [--binning quintile|quartile|tercile|custom]
// [--cuts-r 7,30,90 --cuts-f 2,3,5 --cuts-m 100,300,800] [--split mean|median|manual]
// [--manual-r DAYS --manual-f N --manual-m AMOUNT] [--new-days 30 --active-days 90 --dormant-days 180]
// [--no-merge] [--compare EARLIER_FILE] [--statuses CLASS,...] [--json]`: rule-based tiers of an order export — RFM score ranges, the 8 segments
// (counts, revenue, means) with the thresholds used, and lifecycle stages.
// Header-mapped files need no --columns (see cmd_clv.cpp for the import options).
// Boolean flags: --json, --no-merge. Exit 0 ok, 2 bad input.
#include <iostream>
#include <optional>
#include <sstream>
#include <string>

#include "cli/cli_common.hpp"
#include "core/io/importer.hpp"
#include "core/tiering/lifecycle.hpp"
#include "core/tiering/migration.hpp"
#include "core/tiering/rfm.hpp"
#include "core/tiering/segments.hpp"
#include "core/tiering/summary.hpp"

namespace yt::cli {

// defined in cmd_clv.cpp
Result<ImportResult> tiering_load_orders(const Args& args);
Result<ImportResult> tiering_import_bytes(std::string_view bytes, const std::string& file_name, const Args& args);
Result<double> tiering_number_arg(const Args& args, const std::string& key, double def, double lo, double hi);
Result<std::optional<Day>> tiering_date_arg(const Args& args, const std::string& key);
std::string tiering_import_json(const ImportReport& r, Lang lang);
void tiering_print_notices(const ImportReport& r, Lang lang);

namespace {

std::string num(double v) { return json_number(v); }

Result<std::vector<double>> cuts_arg(const Args& args, const std::string& key) {
    std::vector<double> out;
    if (!args.has(key)) return out;
    std::stringstream ss(args.get(key));
    std::string item;
    while (std::getline(ss, item, ',')) {
        char* end = nullptr;
        const double v = std::strtod(item.c_str(), &end);
        if (item.empty() || end != item.c_str() + item.size()) return Error("tiering.bad_option", {"--" + key, args.get(key)});
        out.push_back(v);
    }
    return out;
}

std::string ranges_json(const std::vector<ScoreRange>& rs) {
    std::string o = "[";
    for (std::size_t i = 0; i < rs.size(); ++i) {
        o += (i ? ",{" : "{");
        o += "\"score\":" + std::to_string(i + 1) + ",\"customers\":" + std::to_string(rs[i].count);
        if (rs[i].count) o += ",\"min\":" + num(rs[i].lo) + ",\"max\":" + num(rs[i].hi);
        o += "}";
    }
    return o + "]";
}

}  // namespace

int cmd_tier(const Args& args, Lang lang) {
    auto as_of = tiering_date_arg(args, "as-of");
    if (!as_of) return fail(as_of.error(), lang);
    auto cr = cuts_arg(args, "cuts-r"), cf = cuts_arg(args, "cuts-f"), cm = cuts_arg(args, "cuts-m");
    for (const auto* c : {&cr, &cf, &cm})
        if (!*c) return fail(c->error(), lang);
    auto binning = make_binning(args.get("binning", "quintile"), *cr, *cf, *cm);
    if (!binning) return fail(binning.error(), lang);
    const std::string split = args.get("split", "mean");
    auto mr = tiering_number_arg(args, "manual-r", 30, 0, 1e6), mf = tiering_number_arg(args, "manual-f", 2, 0, 1e9),
         mm = tiering_number_arg(args, "manual-m", 200, -1e15, 1e15);
    auto nd = tiering_number_arg(args, "new-days", 30, 0, 1e5), ad = tiering_number_arg(args, "active-days", 90, 0, 1e5),
         dd = tiering_number_arg(args, "dormant-days", 180, 0, 1e5);
    for (const auto* r : {&mr, &mf, &mm, &nd, &ad, &dd})
        if (!*r) return fail(r->error(), lang);

    auto imp = tiering_load_orders(args);
    if (!imp) return fail(imp.error(), lang);
    const OrderTable& t = imp->orders;
    auto idx = build_order_index(t);
    if (!idx) return fail(idx.error(), lang);
    SummaryOptions so;
    so.as_of = *as_of;
    so.merge_same_day = !args.flags.count("no-merge");
    const CustomerSummary s = summarize(t, *idx, so);
    auto rfm = score_rfm(s, *binning);
    if (!rfm) return fail(rfm.error(), lang);
    auto th = split_thresholds(s, split, *mr, *mf, *mm);
    if (!th) return fail(th.error(), lang);
    const Segmentation seg = assign_segments(s, *th);
    const auto table = segment_table(s, seg);

    // --compare: the same shop's earlier export, segmented by the same rules as of its own last
    // date; the from→to matrix says who moved between segments.
    std::optional<Migration> mig;
    std::string compare_file;
    if (args.has("compare")) {
        compare_file = args.get("compare");
        auto bytes = read_file(compare_file);
        if (!bytes) return fail(bytes.error(), lang);
        auto earlier = tiering_import_bytes(*bytes, compare_file, args);
        if (!earlier) return fail(earlier.error(), lang);
        auto eidx = build_order_index(earlier->orders);
        if (!eidx) return fail(eidx.error(), lang);
        SummaryOptions eo;
        eo.merge_same_day = so.merge_same_day;
        const CustomerSummary es = summarize(earlier->orders, *eidx, eo);
        auto eth = split_thresholds(es, split, *mr, *mf, *mm);
        if (!eth) return fail(eth.error(), lang);
        const Segmentation eseg = assign_segments(es, *eth);
        mig = segment_migration(earlier->orders.customer_ids, eseg.segment, t.customer_ids, seg.segment);
    }
    auto lc = lifecycle_stages(s, {static_cast<int>(*nd), static_cast<int>(*ad), static_cast<int>(*dd)});
    if (!lc) return fail(lc.error(), lang);

    if (args.flags.count("json")) {
        std::ostringstream o;
        o << "{\"customers\":" << s.size() << ",\"buyers\":" << s.buyers << ",\"unscored\":" << seg.unscored
          << ",\"orders\":" << t.orders() << ",\"rejected_rows\":" << imp->report.rows_rejected
          << ",\"import\":" << tiering_import_json(imp->report, lang) << ",\"as_of\":\""
          << format_day(s.as_of) << "\",\"merge_same_day\":" << (s.merged_same_day ? "true" : "false")
          << ",\"revenue\":" << num(s.total_revenue);
        o << ",\"rfm\":{\"binning\":\"" << json_escape(binning->name) << "\",\"bins\":" << rfm->bins
          << ",\"r_days\":" << ranges_json(rfm->r_ranges) << ",\"f_orders\":" << ranges_json(rfm->f_ranges)
          << ",\"m_revenue\":" << ranges_json(rfm->m_ranges) << "}";
        o << ",\"thresholds\":{\"split\":\"" << json_escape(th->rule) << "\",\"r_days\":" << num(th->r_days)
          << ",\"f\":" << num(th->f) << ",\"m\":" << num(th->m) << ",\"inclusive\":" << (th->inclusive ? "true" : "false")
          << "}";
        o << ",\"segments\":[";
        for (int k = 0; k < kSegments; ++k) {
            const SegmentRow& row = table[static_cast<std::size_t>(k)];
            o << (k ? "," : "") << "{\"key\":\"" << segment_key(k) << "\",\"name_zh\":\""
              << json_escape(tr(segment_name_key(k), Lang::Zh)) << "\",\"name_en\":\""
              << json_escape(tr(segment_name_key(k), Lang::En)) << "\",\"rfm_name\":\""
              << json_escape(tr(segment_rfm_name_key(k), Lang::En)) << "\",\"customers\":" << row.customers
              << ",\"revenue\":" << num(row.revenue) << ",\"mean_recency_days\":" << num(row.mean_recency)
              << ",\"mean_frequency\":" << num(row.mean_frequency) << ",\"mean_monetary\":" << num(row.mean_monetary) << "}";
        }
        o << "],\"lifecycle\":{\"new_days\":" << lc->thresholds.new_days << ",\"active_days\":" << lc->thresholds.active_days
          << ",\"dormant_days\":" << lc->thresholds.dormant_days;
        for (int k = 0; k < kStages; ++k) o << ",\"" << stage_key(k) << "\":" << lc->counts[static_cast<std::size_t>(k)];
        o << "}";
        if (mig) {
            auto list = [&](const std::array<std::uint32_t, kSegments>& v) {
                o << "[";
                for (int k = 0; k < kSegments; ++k) o << (k ? "," : "") << v[static_cast<std::size_t>(k)];
                o << "]";
            };
            o << ",\"migration\":{\"from_file\":\"" << json_escape(compare_file) << "\",\"matched\":" << mig->matched
              << ",\"stayed\":" << mig->stayed() << ",\"new\":" << mig->new_total << ",\"gone\":" << mig->gone_total
              << ",\"segments\":[";
            for (int k = 0; k < kSegments; ++k) o << (k ? "," : "") << "\"" << segment_key(k) << "\"";
            o << "],\"matrix\":[";
            for (int k = 0; k < kSegments; ++k) {
                o << (k ? "," : "");
                list(mig->matrix[static_cast<std::size_t>(k)]);
            }
            o << "],\"new_in\":";
            list(mig->new_in);
            o << ",\"gone_from\":";
            list(mig->gone_from);
            o << "}";
        }
        o << "}\n";
        std::cout << o.str();
        return 0;
    }

    const bool en = lang == Lang::En;
    tiering_print_notices(imp->report, lang);
    std::cout << (en ? "customers: " : "客户数：") << s.size() << (en ? "  buyers: " : "  有购买：") << s.buyers
              << (en ? "  as of: " : "  截至：") << format_day(s.as_of) << "\n";
    char b[256];
    std::snprintf(b, sizeof b, en ? "thresholds (%s): R %s %.1f days, F %s %.2f, M %s %.2f\n"
                                  : "高低划分（%s）：R %s %.1f 天，F %s %.2f，M %s %.2f\n",
                  th->rule.c_str(), th->inclusive ? "<=" : "<", th->r_days, th->inclusive ? ">=" : ">", th->f,
                  th->inclusive ? ">=" : ">", th->m);
    std::cout << b;
    for (int k = 0; k < kSegments; ++k) {
        const SegmentRow& row = table[static_cast<std::size_t>(k)];
        std::snprintf(b, sizeof b, "  %-18s %-22s %8u  %14.2f\n", segment_key(k), tr(segment_name_key(k), lang),
                      row.customers, row.revenue);
        std::cout << b;
    }
    std::cout << (en ? "lifecycle:" : "生命周期：");
    for (int k = 0; k < kStages; ++k) std::cout << " " << tr(stage_name_key(k), lang) << " " << lc->counts[static_cast<std::size_t>(k)];
    std::cout << "\n";
    if (mig) {
        std::cout << (en ? "migration from " : "分层迁移，相对于 ") << compare_file << (en ? " (rows: earlier, columns: now)\n" : "（行：之前，列：现在）\n");
        for (int k = 0; k < kSegments; ++k) {
            std::snprintf(b, sizeof b, "  %-22s", tr(segment_name_key(k), lang));
            std::cout << b;
            for (int j = 0; j < kSegments; ++j) {
                std::snprintf(b, sizeof b, " %7u", mig->matrix[static_cast<std::size_t>(k)][static_cast<std::size_t>(j)]);
                std::cout << b;
            }
            std::cout << "\n";
        }
        std::cout << (en ? "matched " : "两次都有：") << mig->matched << (en ? ", stayed " : "，未变：") << mig->stayed()
                  << (en ? ", new " : "，新出现：") << mig->new_total << (en ? ", gone " : "，不再出现：") << mig->gone_total << "\n";
    }
    return 0;
}

}  // namespace yt::cli
