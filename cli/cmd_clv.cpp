// cmd_clv.cpp — `yutang clv FILE [--columns customer=2,date=3,amount=5] [--calibration-end DATE]
// [--unit day|week|month] [--horizon 39] [--margin 0.5] [--discount 0.1] [--out FILE.csv] [--json]`:
// fits BG/NBD + Gamma-Gamma on an order export and prints the parameters, fit quality and CLV
// totals (JSON with --json); --out writes one row per modelled customer:
//   customer,x,t_x,T,p_alive,expected_purchases,expected_avg_value,clv
// (times in --unit; expected purchases and CLV over --horizon periods; --discount is annual).
// Import options shared with `tier` and `bench`: --columns (1-based indexes or header names; keys
// customer, date, amount, order, status, owner, product, refund, paid, name, phone, ...),
// --delimiter comma|tab|semicolon|pipe|whitespace, --header yes|no, --threads N (the import's
// threads; 0, the default, is one per core, and the result is the same), --sheet NAME|N (which
// worksheet of an .xlsx/.xlsm workbook; the first visible one by default), --statuses CLASS,... (the
// order-status classes counted as purchases; default completed,paid,partial_refund,refunding,unknown;
// the others: refunded, closed, unpaid). What the import excluded is printed first (and under
// "import" with --json).
// `yutang clv --summary FILE` reads per-customer summaries made elsewhere instead of orders
// (customer, frequency, recency, T, monetary_value [, revenue] [, owner]; recency and T in whole
// days; see core/tiering/clv_summary.hpp and docs/summary.md); the import options do not apply,
// --calibration-end dates the output and, with a revenue column, draws the segments; with an
// owner column the CLV is also totalled per owner ("owners", largest first).
// Boolean flags: --json, --summary, --mask. Exit 0 ok (a model that cannot be fitted is reported in "status"),
// 2 bad input.
//
// This file also defines the import/option helpers tiering_import_bytes(), tiering_load_orders(),
// tiering_number_arg(), tiering_date_arg(), tiering_import_json() and tiering_print_notices(), which
// cmd_tier.cpp and cmd_bench.cpp declare and use.
#include <cmath>
#include <cstdio>
#include <fstream>
#include <algorithm>
#include <functional>
#include <optional>
#include <iostream>
#include <sstream>
#include <string>
#include <string_view>

#include "cli/cli_common.hpp"
#include "cli/file_bytes.hpp"
#include "core/io/csv_write.hpp"
#include "core/io/importer.hpp"
#include "core/tiering/clv.hpp"
#include "core/tiering/clv_breakdown.hpp"
#include "core/tiering/clv_summary.hpp"
#include "core/tiering/segments.hpp"
#include "core/tiering/summary.hpp"

namespace yt::cli {

Result<double> tiering_number_arg(const Args& args, const std::string& key, double def, double lo, double hi);

// Builds ImportOptions from --columns/--delimiter/--header/--sheet/--threads and imports `bytes`.
Result<ImportResult> tiering_import_bytes(std::string_view bytes, const std::string& file_name, const Args& args) {
    ImportOptions io;
    io.file_name = file_name;
    if (args.has("threads")) {
        auto t = tiering_number_arg(args, "threads", 0, 0, 256);
        if (!t) return t.error();
        io.threads = static_cast<unsigned>(*t);
    }
    if (args.has("delimiter")) io.delimiter = args.get("delimiter");
    if (args.has("sheet")) io.sheet = args.get("sheet");
    if (args.has("header")) {
        const std::string h = args.get("header");
        if (h == "yes") io.header = HeaderMode::Yes;
        else if (h == "no") io.header = HeaderMode::No;
        else return Error("tiering.bad_option", {"--header", h});
    }
    if (args.has("columns")) {
        const std::string spec = args.get("columns");
        auto m = parse_column_spec(spec);
        if (!m && m.error().code == "io.unknown_column") {  // header names: read the header first
            auto pv = preview_orders(bytes, io, 1);
            if (!pv) return pv.error();
            m = parse_column_spec(spec, pv->header);
        }
        if (!m) return m.error();
        io.mapping = *m;
    }
    if (args.has("statuses")) {
        StatusPolicy p;
        for (int i = 0; i < kOrderStatuses; ++i) p.at(static_cast<OrderStatus>(i)) = false;
        std::stringstream ss(args.get("statuses"));
        std::string item;
        while (std::getline(ss, item, ',')) {
            int k = 0;
            while (k < kOrderStatuses && item != order_status_key(static_cast<OrderStatus>(k))) ++k;
            if (k == kOrderStatuses) return Error("tiering.bad_option", {"--statuses", item});
            p.at(static_cast<OrderStatus>(k)) = true;
        }
        io.statuses = p;
    }
    return import_orders(bytes, io);
}

// The import's counts, exclusions per status value and notices (words in `lang`) as a JSON object.
std::string tiering_import_json(const ImportReport& r, Lang lang) {
    std::ostringstream o;
    o << "{\"rows_read\":" << r.rows_read << ",\"accepted\":" << r.rows_accepted << ",\"rejected\":" << r.rows_rejected
      << ",\"excluded\":" << r.rows_excluded << ",\"excluded_by_status\":" << r.excluded_by_status
      << ",\"excluded_unpaid\":" << r.excluded_unpaid << ",\"excluded_amount\":" << json_number(r.excluded_amount)
      << ",\"excluded_customers\":" << r.excluded_customers << ",\"refunds_subtracted\":" << r.refunds_subtracted
      << ",\"statuses\":[";
    for (std::size_t i = 0; i < r.statuses.size(); ++i) {
        const StatusCount& s = r.statuses[i];
        o << (i ? "," : "") << "{\"value\":\"" << json_escape(s.value) << "\",\"class\":\"" << order_status_key(s.status)
          << "\",\"included\":" << (s.included ? "true" : "false") << ",\"rows\":" << s.rows
          << ",\"excluded\":" << s.excluded << "}";
    }
    o << "],\"notices\":[";
    const auto notes = import_notices(r);
    for (std::size_t i = 0; i < notes.size(); ++i)
        o << (i ? "," : "") << "{\"code\":\"" << json_escape(notes[i].code) << "\",\"text\":\""
          << json_escape(trf(notes[i].code, lang, notes[i].args)) << "\"}";
    o << "]}";
    return o.str();
}

// The notices, one line each (text output).
void tiering_print_notices(const ImportReport& r, Lang lang) {
    for (const Error& e : import_notices(r)) std::cout << trf(e.code, lang, e.args) << "\n";
}

// Reads FILE (the first positional argument) and imports it.
Result<ImportResult> tiering_load_orders(const Args& args) {
    if (args.positional.empty()) return Error("tiering.missing_file");
    const std::string path = args.positional[0];
    auto bytes = FileBytes::open(path);  // released when the import is done
    if (!bytes) return bytes.error();
    return tiering_import_bytes(bytes->view(), path, args);
}

Result<double> tiering_number_arg(const Args& args, const std::string& key, double def, double lo, double hi) {
    if (!args.has(key)) return def;
    const std::string s = args.get(key);
    char* end = nullptr;
    const double v = std::strtod(s.c_str(), &end);
    if (s.empty() || end != s.c_str() + s.size() || !(v >= lo && v <= hi)) return Error("tiering.bad_option", {"--" + key, s});
    return v;
}

Result<std::optional<Day>> tiering_date_arg(const Args& args, const std::string& key) {
    if (!args.has(key)) return std::optional<Day>{};
    const auto d = parse_day(args.get(key));
    if (!d) return Error("tiering.bad_date", {args.get(key)}, Location{"", 0, 0, "--" + key});
    return std::optional<Day>{*d};
}

namespace {

std::string num(double v) { return json_number(v); }
std::string g6(double v) {
    if (!std::isfinite(v)) return "";
    char b[32];
    std::snprintf(b, sizeof b, "%.6g", v);
    return b;
}

// One row per customer. The ids are user data (a shop may use names or nicknames as ids), so
// they go through the CSV writer's formula guard; `mask` hides them as the app's masked export does.
Status write_customers_csv(const std::string& path, const std::function<std::string_view(std::size_t)>& id_of,
                           const ClvInputs& in, const ClvResult& r, bool mask) {
    std::ofstream f(path, std::ios::binary | std::ios::trunc);
    if (!f) return Error("cli.cannot_write", {path}, Location{path, 0, 0, ""});
    CsvWriter::Options o;
    o.bom = false;
    o.crlf = false;
    CsvWriter w(o);
    clv_customers_header(w);
    constexpr std::size_t kRows = 16384;  // written in parts: a million rows are not held at once
    for (std::size_t i = 0; i < in.size(); i += kRows) {
        clv_customers_rows(w, id_of, in, r, mask, i, i + kRows);
        f << w.take();
        w = CsvWriter(o);
    }
    f << w.str();
    if (!f) return Error("cli.cannot_write", {path}, Location{path, 0, 0, ""});
    return ok_status();
}

std::string status_json(const Status& s, Lang lang) {
    if (s.ok()) return "\"ok\"";
    std::string args = "[";
    for (std::size_t i = 0; i < s.error().args.size(); ++i) args += (i ? ",\"" : "\"") + json_escape(s.error().args[i]) + "\"";
    return "{\"code\":\"" + json_escape(s.error().code) + "\",\"args\":" + args + "],\"message\":\"" +
           json_escape(describe(s.error(), lang)) + "\"}";
}

}  // namespace

namespace {

// What one run models, from either source: the raw orders or a per-customer summary.
struct ClvSource {
    ClvInputs in;
    std::function<std::string_view(std::size_t)> id;   // customer index -> external id
    std::optional<CustomerSummary> summary;            // for the segments (absent: no segments)
    const ImportReport* report = nullptr;              // the orders path's import report
    std::size_t orders = 0;                            // orders read (orders path)
    const ClvSummaryFile* file = nullptr;              // the summary path's file
};

const char* const kImportOnly[] = {"columns", "delimiter", "header", "sheet", "statuses", "threads"};

}  // namespace

int cmd_clv(const Args& args, Lang lang) {
    auto unit = parse_time_unit(args.get("unit", "week"));
    if (!unit) return fail(unit.error(), lang);
    auto cal = tiering_date_arg(args, "calibration-end");
    if (!cal) return fail(cal.error(), lang);
    ClvOptions opt;
    auto horizon = tiering_number_arg(args, "horizon", 39, 1, 10000);
    auto margin = tiering_number_arg(args, "margin", 0.5, 0, 1);
    auto discount = tiering_number_arg(args, "discount", 0.1, 0, 9.99);
    for (const auto* r : {&horizon, &margin, &discount})
        if (!*r) return fail(r->error(), lang);
    opt.horizon = static_cast<int>(*horizon);
    if (opt.horizon != *horizon) return fail(Error("tiering.bad_option", {"--horizon", args.get("horizon")}), lang);
    opt.margin = *margin;
    opt.discount_annual = *discount;

    ClvSource src;
    std::optional<ImportResult> imp;
    std::optional<ClvSummaryFile> sum;
    if (args.flags.count("summary")) {
        for (const char* k : kImportOnly)
            if (args.has(k)) return fail(Error("cli.not_with", {std::string("--") + k, "--summary"}), lang);
        if (args.positional.empty()) return fail(Error("tiering.missing_file"), lang);
        auto bytes = FileBytes::open(args.positional[0]);
        if (!bytes) return fail(bytes.error(), lang);
        auto f = read_clv_summary(bytes->view(), *unit, *cal, args.positional[0]);
        if (!f) return fail(f.error(), lang);
        sum = std::move(*f);
        src.summary = summary_from_clv_summary(*sum);
        src.in = std::move(sum->inputs);  // the file keeps its ids, encoding and columns
        src.id = [&](std::size_t i) { return sum->customer_ids.at(static_cast<std::uint32_t>(i)); };
        src.file = &*sum;
    } else {
        auto r = tiering_load_orders(args);
        if (!r) return fail(r.error(), lang);
        imp = std::move(*r);
        const OrderTable& t = imp->orders;
        auto idx = build_order_index(t);
        if (!idx) return fail(idx.error(), lang);
        auto in = clv_inputs(t, *idx, *cal, *unit);
        if (!in) return fail(in.error(), lang);
        src.in = std::move(*in);
        src.id = [&](std::size_t i) -> std::string_view { return imp->orders.customer_ids.at(static_cast<std::uint32_t>(i)); };
        SummaryOptions so;  // the segments as of the calibration end
        so.as_of = src.in.calibration_end;
        src.summary = summarize(t, *idx, so);
        src.report = &imp->report;
        src.orders = t.orders();
    }
    const ClvInputs* in = &src.in;
    auto res = run_clv(*in, opt);
    if (!res) return fail(res.error(), lang);
    const ClvResult& r = *res;

    if (args.has("out")) {
        Status st = write_customers_csv(args.get("out"), src.id, *in, r, args.flags.count("mask") > 0);
        if (!st) return fail(st.error(), lang);
    }

    // CLV per owner (when the summary names them, largest first) and per segment (8 segments,
    // mean split, as of the calibration end; none when a summary lacks revenue or the end).
    static const std::vector<std::string> kNoOwners;
    const ClvBreakdown br = clv_breakdown(r, src.summary, src.file ? src.file->owner : kNoOwners);
    const std::vector<ClvOwnerTotal>& owners = br.owners;
    const bool segmented = br.segmented;
    const std::vector<double>& seg_clv = br.segment_clv;
    const std::vector<std::uint32_t>& seg_n = br.segment_customers;

    if (args.flags.count("json")) {
        std::ostringstream o;
        o << "{\"customers\":" << in->customers << ",\"repeat_buyers\":" << in->repeat_buyers;
        if (src.report) {
            o << ",\"source\":\"orders\",\"orders\":" << src.orders << ",\"rejected_rows\":" << src.report->rows_rejected
              << ",\"import\":" << tiering_import_json(*src.report, lang);
        } else {
            o << ",\"source\":\"summary\",\"summary\":{\"encoding\":\"" << src.file->encoding << "\",\"columns\":[";
            for (std::size_t i = 0; i < src.file->columns.size(); ++i) o << (i ? ",\"" : "\"") << src.file->columns[i] << "\"";
            o << "]}";
        }
        o << ",\"calibration_end\":" << (in->calibration_end ? "\"" + format_day(in->calibration_end) + "\"" : std::string("null"))
          << ",\"unit\":\"" << unit_key(*unit)
          << "\",\"horizon\":" << opt.horizon << ",\"margin\":" << num(opt.margin)
          << ",\"discount_annual\":" << num(opt.discount_annual) << ",\"discount_per_period\":" << num(r.period_discount)
          << ",\"status\":" << status_json(r.status, lang);
        o << ",\"bgnbd\":";
        if (r.bg.rows > 0) {
            const BgNbdFit& b = r.bg;
            o << "{\"r\":" << num(b.params.r) << ",\"alpha\":" << num(b.params.alpha) << ",\"a\":" << num(b.params.a)
              << ",\"b\":" << num(b.params.b) << ",\"loglik\":" << num(b.loglik) << ",\"iterations\":" << b.iterations
              << ",\"evaluations\":" << b.evaluations << ",\"converged\":" << (b.converged ? "true" : "false")
              << ",\"grad_norm\":" << num(b.grad_norm) << ",\"stop\":\"" << json_escape(b.stop) << "\",\"rows\":" << b.rows
              << ",\"grid_days\":" << r.grid_days << ",\"status\":" << status_json(r.bg_status, lang) << "}";
        } else {
            o << "{\"status\":" << status_json(r.bg_status, lang) << "}";
        }
        o << ",\"gamma_gamma\":";
        if (r.gg.customers > 0) {
            const GgFit& g = r.gg;
            o << "{\"p\":" << num(g.params.p) << ",\"q\":" << num(g.params.q) << ",\"v\":" << num(g.params.v)
              << ",\"loglik\":" << num(g.loglik) << ",\"iterations\":" << g.iterations << ",\"evaluations\":" << g.evaluations
              << ",\"converged\":" << (g.converged ? "true" : "false") << ",\"grad_norm\":" << num(g.grad_norm)
              << ",\"stop\":\"" << json_escape(g.stop) << "\",\"customers\":" << num(g.customers)
              << ",\"status\":" << status_json(r.gg_status, lang) << "}";
        } else {
            o << "{\"status\":" << status_json(r.gg_status, lang) << "}";
        }
        o << ",\"total_clv\":" << num(r.total_clv) << ",\"total_expected_purchases\":" << num(r.total_expected_purchases)
          << ",\"segments\":[";
        for (int k = 0; segmented && k < kSegments; ++k) {
            o << (k ? "," : "") << "{\"key\":\"" << segment_key(k) << "\",\"customers\":" << seg_n[static_cast<std::size_t>(k)]
              << ",\"clv_total\":" << num(seg_clv[static_cast<std::size_t>(k)]) << "}";
        }
        o << "]";
        if (!owners.empty()) {
            o << ",\"owners\":[";
            for (std::size_t k = 0; k < owners.size(); ++k)
                o << (k ? "," : "") << "{\"owner\":\"" << json_escape(owners[k].owner) << "\",\"customers\":" << owners[k].customers
                  << ",\"clv_total\":" << num(owners[k].clv) << "}";
            o << "]";
        }
        o << "}\n";
        std::cout << o.str();
        return 0;
    }

    const bool en = lang == Lang::En;
    if (src.report) tiering_print_notices(*src.report, lang);
    std::cout << (en ? "customers: " : "客户数：") << in->customers << (en ? "  repeat buyers: " : "  复购客户：")
              << in->repeat_buyers << (en ? "  calibration end: " : "  校准截止：")
              << (in->calibration_end ? format_day(in->calibration_end) : std::string("—"))
              << (en ? "  unit: " : "  时间单位：") << unit_key(*unit) << "\n";
    if (!r.status.ok()) std::cout << describe(r.status.error(), lang) << "\n";
    if (r.bg.rows > 0) {
        char b[256];
        std::snprintf(b, sizeof b, "BG/NBD  r=%.4f alpha=%.4f a=%.4f b=%.4f  LL=%.3f  %d it, %s\n", r.bg.params.r,
                      r.bg.params.alpha, r.bg.params.a, r.bg.params.b, r.bg.loglik, r.bg.iterations,
                      r.bg.converged ? (en ? "converged" : "已收敛") : (en ? "NOT converged" : "未收敛"));
        std::cout << b;
    }
    if (r.gg.customers > 0) {
        char b[256];
        std::snprintf(b, sizeof b, "Gamma-Gamma  p=%.4f q=%.4f v=%.4f  LL=%.3f  %d it, %s\n", r.gg.params.p, r.gg.params.q,
                      r.gg.params.v, r.gg.loglik, r.gg.iterations,
                      r.gg.converged ? (en ? "converged" : "已收敛") : (en ? "NOT converged" : "未收敛"));
        std::cout << b;
    }
    if (r.status.ok()) {
        char b[200];
        std::snprintf(b, sizeof b, en ? "CLV over %d %ss: total %.2f, expected purchases %.1f\n"
                                      : "未来 %d 个%s的 CLV 合计 %.2f，预计购买 %.1f 次\n",
                      opt.horizon, en ? unit_key(*unit) : (*unit == TimeUnit::Day ? "天" : *unit == TimeUnit::Week ? "周" : "月"),
                      r.total_clv, r.total_expected_purchases);
        std::cout << b;
        if (!segmented && src.file) std::cout << tr("tiering.summary_no_segments", lang) << "\n";
        for (int k = 0; segmented && k < kSegments; ++k)
            std::cout << "  " << tr(segment_name_key(k), lang) << ": " << seg_n[static_cast<std::size_t>(k)] << " / "
                      << g6(seg_clv[static_cast<std::size_t>(k)]) << "\n";
        for (const ClvOwnerTotal& o : owners)
            std::cout << "  " << (en ? "owner " : "负责人 ") << o.owner << ": " << o.customers << " / " << g6(o.clv) << "\n";
    }
    return 0;
}

}  // namespace yt::cli
