// demo_roles.hpp — the demo brand's personas, accounts, groups, operators, KOCs and scripts.
//
// A cosmetics brand, 花漾 Huayang: two personas (小婉, lifestyle; 美妆顾问阿杰, expert), four
// accounts near their caps, six groups, two operators (one over hours), three KOCs and a script
// library. It also sets ws.rules = default_rules() and ws.brand when empty. The demo is built so
// that check() shows findings an operator would act on (acc1 filling up, a group past the QR
// limit, an account holding too much revenue, an operator over hours).
#pragma once
#include "core/plan/workspace.hpp"

namespace yt {

void fill_demo_roles(Workspace& ws);

}  // namespace yt
