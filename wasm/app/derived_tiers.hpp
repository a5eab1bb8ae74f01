// derived_tiers.hpp — figures the tiers view shows, computed from the Workspace (and orders) when
// the History version changes. Never saved.
#pragma once
#include "core/model/orders.hpp"
#include "core/model/workspace.hpp"

namespace yt::app {

struct TiersDerived {
    bool ready = false;
};

void refresh_tiers(const Workspace& ws, const OrderTable* orders, TiersDerived& out);

}  // namespace yt::app
