// cmd_bench.cpp — `yutang bench [--customers 1000000] [--seed S] [--file F [--columns …]]
// [--repeat N] [--threads N] [--json]`: times the tiering pipeline on synthetic data (or on an
// order file): generate (not counted) or read_file (counted: the user waits for it), parse/import
// (--threads: the import's threads, 0 = one per core), summary, RFM + segments + lifecycle, CLV inputs,
// BG/NBD fit, Gamma-Gamma fit, CLV scoring, total; plus peak memory (VmHWM from
// /proc/self/status where it exists — under Node that is the whole node process — and the wasm
// linear memory size on wasm).
//
// Each step shows wall-clock and process-CPU milliseconds (the CPU figure is the honest one on a
// busy machine). With --repeat N the pipeline runs N times on the same input and the table shows
// the first run and the fastest run: under V8 a long loop in a function called once runs in the
// baseline (Liftoff) code, so first runs of wasm are slower than warm ones. Repeats keep the input
// bytes alive, which raises the peak by their size.
// Boolean flags: --json. Exit 0 ok, 2 bad input.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <functional>
#include <iostream>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "cli/cli_common.hpp"
#include "cli/file_bytes.hpp"
#include "core/io/importer.hpp"
#include "core/tiering/clv.hpp"
#include "core/tiering/lifecycle.hpp"
#include "core/tiering/rfm.hpp"
#include "core/tiering/segments.hpp"
#include "core/tiering/simulate.hpp"
#include "core/tiering/summary.hpp"

namespace yt::cli {

// defined in cmd_clv.cpp
Result<ImportResult> tiering_import_bytes(std::string_view bytes, const std::string& file_name, const Args& args);
Result<double> tiering_number_arg(const Args& args, const std::string& key, double def, double lo, double hi);

namespace {

using Clock = std::chrono::steady_clock;

// Peak resident set in MB from /proc/self/status (VmHWM), or -1 where there is none.
double peak_rss_mb() {
    std::ifstream f("/proc/self/status");
    std::string line;
    while (f && std::getline(f, line)) {
        if (line.rfind("VmHWM:", 0) == 0) {
            std::istringstream ss(line.substr(6));
            double kb = -1;
            ss >> kb;
            return kb / 1024;
        }
    }
    return -1;
}

// Size of the wasm linear memory in MB (it only grows, so this is its peak), or -1 natively.
double wasm_memory_mb() {
#if defined(__wasm__)
    return static_cast<double>(__builtin_wasm_memory_size(0)) * 65536.0 / (1024 * 1024);
#else
    return -1;
#endif
}

double cpu_ms_now() { return 1000.0 * static_cast<double>(std::clock()) / CLOCKS_PER_SEC; }

struct Step {
    std::string key;
    bool counted = true;
    double first_ms = 0, first_cpu = 0;  // first run
    double best_ms = 0, best_cpu = 0;    // fastest run (by wall clock)
    double peak_mb = -1;                 // VmHWM after the step's first run
};

class Timer {
public:
    explicit Timer(std::vector<Step>& steps) : steps_(steps) {}
    void start() {
        t0_ = Clock::now();
        c0_ = cpu_ms_now();
    }
    void stop(const char* key, bool counted = true) {
        const double ms = std::chrono::duration<double, std::milli>(Clock::now() - t0_).count();
        const double cpu = cpu_ms_now() - c0_;
        auto it = std::find_if(steps_.begin(), steps_.end(), [key](const Step& s) { return s.key == key; });
        if (it == steps_.end()) {
            Step s;
            s.key = key;
            s.counted = counted;
            s.first_ms = s.best_ms = ms;
            s.first_cpu = s.best_cpu = cpu;
            s.peak_mb = peak_rss_mb();
            steps_.push_back(s);
        } else if (ms < it->best_ms) {
            it->best_ms = ms;
            it->best_cpu = cpu;
        }
    }

private:
    std::vector<Step>& steps_;
    Clock::time_point t0_;
    double c0_ = 0;
};

struct RunInfo {
    std::size_t customers = 0, orders = 0, fit_rows = 0;
    int grid_days = 1, bg_iterations = 0, gg_iterations = 0;
    int import_parts = 1;  // parts the import parsed in parallel
    std::string status = "ok";
};

// One pass of the counted pipeline. `drop` (if set) releases the input right after the import,
// as the app does. Returns an error for bad input.
Result<RunInfo> run_pipeline(std::string_view bytes, const std::function<void()>& drop, const std::string& name,
                             const Args& args, Timer& tm) {
    RunInfo info;
    tm.start();
    auto imp = tiering_import_bytes(bytes, name, args);
    if (!imp) return imp.error();
    tm.stop("import");
    if (drop) drop();
    const OrderTable& t = imp->orders;
    info.customers = t.customers();
    info.orders = t.orders();
    info.import_parts = imp->report.parts;

    tm.start();
    auto idx = build_order_index(t);
    if (!idx) return idx.error();
    const CustomerSummary s = summarize(t, *idx, SummaryOptions{});
    tm.stop("summary");

    tm.start();
    auto rfm = score_rfm(s, *make_binning("quintile"));
    if (!rfm) return rfm.error();
    auto th = split_thresholds(s, "mean");
    if (!th) return th.error();
    const Segmentation seg = assign_segments(s, *th);
    auto lc = lifecycle_stages(s, LifecycleThresholds{});
    if (!lc) return lc.error();
    tm.stop("rfm_segments");

    tm.start();
    auto in = clv_inputs(t, *idx, std::nullopt, TimeUnit::Week);
    if (!in) return in.error();
    tm.stop("clv_inputs");

    ClvOptions opt;
    ClvResult res;
    tm.start();
    const BgNbdData data = bgnbd_data_auto(*in, opt, &res.grid_days);
    tm.stop("bgnbd_rows");
    tm.start();
    auto bg = fit_bgnbd(data, opt.fit);
    tm.stop("bgnbd_fit");
    res.bg_status = bgnbd_usable(bg);
    res.bg_ok = res.bg_status.ok();
    if (bg) res.bg = *bg;

    tm.start();
    const GgData ggd = gg_data_from_inputs(*in);
    tm.stop("gg_rows");
    tm.start();
    auto gg = fit_gamma_gamma(ggd, opt.fit);
    tm.stop("gg_fit");
    res.gg_status = gg_usable(gg);
    res.gg_ok = res.gg_status.ok();
    if (gg) res.gg = *gg;
    res.status = !res.bg_ok ? res.bg_status : res.gg_status;

    tm.start();
    predict_clv(*in, opt, res);
    tm.stop("clv_predict");

    info.fit_rows = data.rows();
    info.grid_days = res.grid_days;
    info.bg_iterations = res.bg.iterations;
    info.gg_iterations = res.gg.iterations;
    if (!res.status.ok()) info.status = res.status.error().code;
    return info;
}

}  // namespace

int cmd_bench(const Args& args, Lang lang) {
    auto n = tiering_number_arg(args, "customers", 1000000, 1, 50000000);
    if (!n) return fail(n.error(), lang);
    auto seed = tiering_number_arg(args, "seed", 1, 0, 9007199254740991.0);
    if (!seed) return fail(seed.error(), lang);
    auto repeat = tiering_number_arg(args, "repeat", 1, 1, 100);
    if (!repeat) return fail(repeat.error(), lang);
    const int runs = static_cast<int>(*repeat);
    std::vector<Step> steps;

    // The input: a file (mapped or read: counted, the user waits for it) or generated data (not
    // counted: no user has to make it).
    std::string generated, name;
    std::optional<FileBytes> file;
    {
        Timer tm(steps);
        tm.start();
        if (args.has("file")) {
            name = args.get("file");
            auto b = FileBytes::open(name);
            if (!b) return fail(b.error(), lang);
            file.emplace(std::move(*b));
            tm.stop("read_file");
        } else {
            GenOptions g;
            g.customers = static_cast<std::uint32_t>(*n);
            g.seed = static_cast<std::uint64_t>(*seed);
            generated = orders_csv(generate_orders(g));
            name = "synthetic.csv";
            tm.stop("generate", false);
        }
    }
    const std::string_view bytes = file ? file->view() : std::string_view(generated);
    const std::size_t input_bytes = bytes.size();
    const std::function<void()> drop = [&] {
        if (file) file->release();
        std::string().swap(generated);
    };
    RunInfo info;
    for (int run = 0; run < runs; ++run) {
        Timer tm(steps);
        auto r = run_pipeline(bytes, run == runs - 1 ? drop : std::function<void()>(), name, args, tm);
        if (!r) return fail(r.error(), lang);
        info = *r;
    }

    double first = 0, first_cpu = 0, best = 0, best_cpu = 0;
    for (const Step& st : steps)
        if (st.counted) {
            first += st.first_ms;
            first_cpu += st.first_cpu;
            best += st.best_ms;
            best_cpu += st.best_cpu;
        }
    const double rss = peak_rss_mb(), wasm = wasm_memory_mb();

    if (args.flags.count("json")) {
        std::ostringstream o;
        o << "{\"customers\":" << info.customers << ",\"orders\":" << info.orders << ",\"input_bytes\":" << input_bytes
          << ",\"fit_rows\":" << info.fit_rows << ",\"grid_days\":" << info.grid_days
          << ",\"bgnbd_iterations\":" << info.bg_iterations << ",\"gg_iterations\":" << info.gg_iterations
          << ",\"status\":\"" << json_escape(info.status) << "\",\"runs\":" << runs
          << ",\"import_parts\":" << info.import_parts;
        auto table = [&](const char* name, auto field, double total) {
            o << ",\"" << name << "\":{";
            for (std::size_t i = 0; i < steps.size(); ++i) o << (i ? "," : "") << "\"" << steps[i].key << "\":" << json_number(field(steps[i]));
            o << ",\"total\":" << json_number(total) << "}";
        };
        table("ms", [](const Step& s) { return s.first_ms; }, first);
        table("cpu_ms", [](const Step& s) { return s.first_cpu; }, first_cpu);
        table("best_ms", [](const Step& s) { return s.best_ms; }, best);
        table("best_cpu_ms", [](const Step& s) { return s.best_cpu; }, best_cpu);
        o << ",\"peak_rss_mb\":" << (rss >= 0 ? json_number(rss) : "null")
          << ",\"wasm_memory_mb\":" << (wasm >= 0 ? json_number(wasm) : "null") << "}\n";
        std::cout << o.str();
        return 0;
    }
    char b[240];
    std::snprintf(b, sizeof b,
                  "%zu customers, %zu orders, %zu bytes (imported in %d part%s); BG/NBD on %zu rows (grid %d d), %d + %d "
                  "iterations\n",
                  info.customers, info.orders, input_bytes, info.import_parts, info.import_parts == 1 ? "" : "s",
                  info.fit_rows, info.grid_days, info.bg_iterations, info.gg_iterations);
    std::cout << b;
    std::cout << (runs > 1 ? "  step            first ms (cpu)        best ms (cpu)      peak MB\n"
                           : "  step                  ms (cpu)                           peak MB\n");
    for (const Step& st : steps) {
        if (runs > 1 && st.counted)
            std::snprintf(b, sizeof b, "  %-13s %9.1f (%8.1f)  %9.1f (%8.1f)  %8.1f\n", st.key.c_str(), st.first_ms, st.first_cpu,
                          st.best_ms, st.best_cpu, st.peak_mb);
        else
            std::snprintf(b, sizeof b, "  %-13s %9.1f (%8.1f)  %21s  %8.1f%s\n", st.key.c_str(), st.first_ms, st.first_cpu, "",
                          st.peak_mb, st.counted ? "" : (lang == Lang::En ? "  (not counted)" : "  （不计入）"));
        std::cout << b;
    }
    if (runs > 1)
        std::snprintf(b, sizeof b, "  %-13s %9.1f (%8.1f)  %9.1f (%8.1f)\n", "total", first, first_cpu, best, best_cpu);
    else
        std::snprintf(b, sizeof b, "  %-13s %9.1f (%8.1f)\n", "total", first, first_cpu);
    std::cout << b;
    if (rss >= 0) { std::snprintf(b, sizeof b, "  peak RSS      %9.1f MB\n", rss); std::cout << b; }
    if (wasm >= 0) { std::snprintf(b, sizeof b, "  wasm memory   %9.1f MB\n", wasm); std::cout << b; }
    if (info.status != "ok") std::cout << "  " << trf(info.status, lang, {}) << "\n";
    return 0;
}

}  // namespace yt::cli
