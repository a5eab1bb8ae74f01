// cmd_demo.cpp — `yutang demo --out FILE.json`: writes the built-in demo workspace.
#include <iostream>

#include "cli/cli_common.hpp"
#include "core/plan/demo.hpp"
#include "core/persist/persist.hpp"

namespace yt::cli {

int cmd_demo(const Args& args, Lang lang) {
    std::string text = save_workspace_json(demo_workspace(kDemoToday));
    if (!args.has("out")) {
        std::cout << text;
        return 0;
    }
    Status st = write_file(args.get("out"), text);
    if (!st) return fail(st.error(), lang);
    return 0;
}

}  // namespace yt::cli
