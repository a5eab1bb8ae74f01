// fuzz_playbook.cpp — libFuzzer target for the playbook's two file readers: a WeCom customer-group
// statistics export (core/groups/group_stats, then the health figures of core/groups/group_health)
// and a script-library CSV (core/roles/scripts_csv) imported into the demo plan's library.
//
// Build and run with Debian's clang: `./build.sh fuzz 60` (tests/fuzz/run.sh); seeds in
// tests/fuzz/seeds/playbook. Each input is read both ways. Errors must carry a code; a statistics
// file read gives rows with lines in order and no negative count, and a group is a zombie only by
// one of its two figures; an imported library holds the old entries plus the added ones, and
// written back as CSV and imported into itself it comes back the same.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/groups/group_health.hpp"
#include "core/groups/group_stats.hpp"
#include "core/plan/demo.hpp"
#include "core/roles/scripts_csv.hpp"
#include "fuzz_check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    static const yt::Workspace demo = yt::demo_workspace(yt::kDemoToday);

    auto stats = yt::read_group_stats(bytes, "groups.csv");
    if (!stats) {
        check(!stats.error().code.empty());
    } else {
        int line = 0;
        for (const yt::GroupStatsRow& r : stats->rows) {
            check(r.line > line);
            line = r.line;
            check(r.members >= 0 && r.joins >= -1 && r.quits >= -1 && r.speakers >= -1 && r.messages >= -1);
        }
        const auto health = yt::assess_group_health(*stats, {}, {});
        check(health.size() <= stats->rows.size());
        for (const yt::GroupHealth& h : health) check(!h.zombie || h.zombie_by_speaking || h.zombie_by_messages);
    }

    auto scripts = yt::import_scripts_csv(bytes, demo.roles);
    if (!scripts) {
        check(!scripts.error().code.empty());
    } else {
        check(scripts->scripts.size() == demo.roles.scripts.size() + static_cast<std::size_t>(scripts->added));
        yt::RolesPlan after = demo.roles;
        after.scripts = scripts->scripts;
        auto again = yt::import_scripts_csv(yt::export_scripts_csv(after), after);
        check(again && again->added == 0 && again->scripts == scripts->scripts);
    }
    return 0;
}
