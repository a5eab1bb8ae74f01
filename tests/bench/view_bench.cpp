// view_bench.cpp — frame times of the app with a large customer base: the stored orders of N
// synthetic customers are restored the way a reload restores them (the stored rows read back
// between frames; with --stored file, a file as older versions stored it: a chunked import),
// then the Tiers tab is drawn while its customer list scrolls. CPU time per frame from
// NewFrame to Render, headless (no GPU): what decides whether the UI stays interactive. Last,
// what every edit costs: assess() (all the plan's figures and findings, recomputed after each
// command) on the demo plan, and an edit with the customers loaded, up to the frame showing it.
// Usage: yutang_viewbench [--customers N] [--frames F] [--stored rows|file]
#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

#include "../app/memory_platform.hpp"
#include "app/app.hpp"
#include "core/io/import_blob.hpp"
#include "core/io/stored_rows.hpp"
#include "core/plan/assess.hpp"
#include "core/plan/demo.hpp"
#include "core/persist/persist.hpp"
#include "core/tiering/simulate.hpp"

using Clock = std::chrono::steady_clock;

static double ms_since(Clock::time_point t0) {
    return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}

int main(int argc, char** argv) {
    int customers = 1000000, frames = 200;
    bool stored_file = false;
    for (int i = 1; i + 1 < argc; ++i) {
        if (!std::strcmp(argv[i], "--customers")) customers = std::atoi(argv[i + 1]);
        if (!std::strcmp(argv[i], "--frames")) frames = std::atoi(argv[i + 1]);
        if (!std::strcmp(argv[i], "--stored")) stored_file = !std::strcmp(argv[i + 1], "file");
    }
    auto t0 = Clock::now();
    yt::GenOptions gen;
    gen.customers = customers;
    std::string csv = yt::orders_csv(yt::generate_orders(gen));
    std::printf("generated %d customers, %.1f MB CSV in %.0f ms\n", customers, csv.size() / 1e6, ms_since(t0));

    // A stored workspace that refers to an imported file, and its orders in large-data storage:
    // the rows the import read, as the app stores them, or the file itself.
    yt::test::MemoryPlatform p;
    yt::Workspace ws = yt::demo_workspace(yt::kDemoToday);
    ws.dataset.name = "bench.csv";
    p.store["yutang.ws.1"] = "1\n" + yt::save_workspace_json(ws);
    yt::ImportOptions opts;
    if (stored_file) {
        p.blobs["orders"] = yt::pack_import("bench.csv", opts, csv);
    } else {
        auto imp = yt::Importer::start(csv, opts);
        if (!imp) return 1;
        while (!imp->done())
            if (!imp->step(std::size_t{1} << 30)) return 1;
        const yt::ImportReport report = imp->report();
        const yt::ImportedOrders rows = imp->take_imported();
        opts.mapping = report.mapping;
        p.blobs["orders"] = yt::pack_import_head("bench.csv", opts, true) + yt::write_stored_rows(rows.table, &rows, report);
    }
    std::printf("stored orders: %.1f MB (%s)\n", p.blobs["orders"].size() / 1e6, stored_file ? "the file" : "the rows");
    csv.clear();
    csv.shrink_to_fit();

    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(1280, 800);
    io.DeltaTime = 1.0f / 60.0f;
    ImFontConfig cfg;
    cfg.OversampleH = 1;
    io.Fonts->AddFontFromFileTTF((std::string(YT_ASSET_DIR) + "/zh.ttf").c_str(), 16.0f, &cfg,
                                 io.Fonts->GetGlyphRangesChineseFull());
    unsigned char* px = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsRGBA32(&px, &w, &h);

    yt::app::App app(p);
    app.start();
    app.select_tab(yt::app::Tab::Tiers);
    std::vector<double> times;
    auto frame = [&] {
        auto f0 = Clock::now();
        ImGui::NewFrame();
        app.draw();
        ImGui::Render();
        times.push_back(ms_since(f0));
    };
    auto stats = [&](const char* what) {
        std::vector<double> s = times;
        std::sort(s.begin(), s.end());
        double sum = 0;
        for (double v : s) sum += v;
        std::printf("%s: %zu frames, mean %.2f ms, median %.2f ms, p95 %.2f ms, max %.2f ms\n", what, s.size(),
                    sum / static_cast<double>(s.size()), s[s.size() / 2], s[s.size() * 95 / 100], s.back());
        times.clear();
    };

    // 1. Restoring: frames keep coming while the import runs in chunks.
    auto r0 = Clock::now();
    frame();
    int guard = 0;
    while ((app.busy() || app.state_json().find("\"orders_pending\":true") != std::string::npos) && guard++ < 100000) frame();
    frame();  // the frame that takes the finished import and computes the tiers
    double restore_ms = ms_since(r0);
    std::string st = app.state_json();
    auto at = st.find("\"customers\":", st.find("\"can_redo\""));  // the app's count, not the payload's
    std::printf("restored %s customers in %.0f ms over %zu frames\n",
                at == std::string::npos ? "?" : st.substr(at + 12, st.find(',', at) - at - 12).c_str(), restore_ms,
                times.size());
    auto err = st.find("\"orders_error\":\"");
    if (err != std::string::npos && st[err + 16] != '"') {
        std::printf("restore failed: %s\n", st.substr(err + 16, st.find('"', err + 16) - err - 16).c_str());
        return 1;
    }
    stats(stored_file ? "restore (the file imported in chunks, then tiers and CLV)" : "restore (the stored rows read in chunks, then tiers and CLV)");

    // 2. The Tiers tab with everything loaded: still frames, then the list scrolling.
    for (int i = 0; i < 10; ++i) frame();
    times.clear();
    for (int i = 0; i < frames / 2; ++i) frame();
    stats("tiers tab, still");
    // Scroll over the customer list (its first row's rectangle comes from the test hook).
    std::string hook = app.state_json();
    auto row = hook.find("\"tiers.row0\":[");
    float rx = 900, ry = 400, rw = 0, rh = 0;
    if (row != std::string::npos) std::sscanf(hook.c_str() + row + 14, "%f,%f,%f,%f", &rx, &ry, &rw, &rh);
    std::printf("customer list row 0 at (%.0f, %.0f); %d vertices per frame\n", rx, ry, ImGui::GetDrawData()->TotalVtxCount);
    io.MousePos = ImVec2(rx + rw / 2, ry + rh / 2);
    for (int i = 0; i < frames / 2; ++i) {
        io.MouseWheel = -3.0f;
        frame();
    }
    io.MouseWheel = 0;
    hook = app.state_json();
    row = hook.find("\"tiers.row0\":[");
    float ry2 = ry;
    if (row != std::string::npos) std::sscanf(hook.c_str() + row + 14, "%*f,%f", &ry2);
    std::printf("after scrolling, row 0 is at y = %.0f (was %.0f)\n", ry2, ry);
    stats("tiers tab, scrolling");

    // 3. What an edit costs. assess() on the demo plan alone (no orders)...
    {
        const yt::Workspace demo = yt::demo_workspace(yt::kDemoToday);
        const int n = 100;
        std::size_t findings = 0;
        auto a0 = Clock::now();
        for (int i = 0; i < n; ++i) findings += yt::assess(demo, nullptr, std::nullopt).findings.size();
        std::printf("assess, demo plan without orders: %.2f ms per call (%zu findings)\n", ms_since(a0) / n, findings / n);
    }
    // ...and an edit in the app with the customers loaded: the command, then the frame showing it.
    for (int i = 0; i < 20; ++i) {
        auto e0 = Clock::now();
        const std::string err = app.dispatch(R"({"type":"set_rule","id":"wechat.friend_cap","value":)" + std::to_string(5001 + i) + "}");
        if (!err.empty()) {
            std::printf("edit failed: %s\n", err.c_str());
            return 1;
        }
        ImGui::NewFrame();
        app.draw();
        ImGui::Render();
        times.push_back(ms_since(e0));
    }
    stats("an edit (a platform rule) and the frame that shows it");
    ImGui::DestroyContext();
    return 0;
}
