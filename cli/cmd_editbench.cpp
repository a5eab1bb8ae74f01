// cmd_editbench.cpp — `yutang editbench [--edits N]`: the memory undo holds after a session of N
// edits on the demo plan (sample_edit: every kind over every section, one undo step each), beside
// what a history of workspace snapshots would hold for the same session, and the time an edit,
// an undo and a redo take. Prints JSON.
#include <chrono>
#include <cstdlib>
#include <iostream>
#include <random>

#include "cli/cli_common.hpp"
#include "core/edit/edit_sample.hpp"
#include "core/edit/history.hpp"
#include "core/persist/persist.hpp"
#include "core/plan/demo.hpp"

namespace yt::cli {

int cmd_editbench(const Args& args, Lang) {
    const long n = std::strtol(args.get("edits", "1000").c_str(), nullptr, 10);
    Workspace ws = demo_workspace(kDemoToday);
    History h(ws, static_cast<std::size_t>(n));
    std::mt19937 rng(1);
    long applied = 0, refused = 0;
    std::size_t snapshots = 0;  // a snapshot history keeps the workspace as it was before each step
    double edit_ms = 0;
    using clock = std::chrono::steady_clock;
    while (applied < n) {
        Edit e = sample_edit(ws, rng);
        const std::size_t before = save_workspace_json(ws).size();
        const auto t0 = clock::now();
        Status st = h.submit(std::move(e));
        edit_ms += std::chrono::duration<double, std::milli>(clock::now() - t0).count();
        h.seal();
        if (!st) {
            ++refused;
            continue;
        }
        ++applied;
        snapshots += before;
    }
    const std::size_t held = h.held_bytes(), workspace = save_workspace_json(ws).size();
    auto t0 = clock::now();
    while (h.undo()) {
    }
    const double undo_ms = std::chrono::duration<double, std::milli>(clock::now() - t0).count();
    t0 = clock::now();
    while (h.redo()) {
    }
    const double redo_ms = std::chrono::duration<double, std::milli>(clock::now() - t0).count();
    std::cout << "{\"edits\":" << applied << ",\"refused\":" << refused << ",\"workspace_bytes\":" << workspace
              << ",\"history_bytes\":" << held << ",\"snapshot_bytes\":" << snapshots
              << ",\"edit_ms\":" << json_number(edit_ms / static_cast<double>(applied))
              << ",\"undo_ms\":" << json_number(undo_ms / static_cast<double>(applied))
              << ",\"redo_ms\":" << json_number(redo_ms / static_cast<double>(applied)) << "}\n";
    return 0;
}

}  // namespace yt::cli
