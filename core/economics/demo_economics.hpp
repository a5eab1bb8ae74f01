// demo_economics.hpp — the demo workspace's economics: a cosmetics brand's private pool.
//
// Three scenarios ("baseline", "more_paid", "conservative"), a lipstick-like product profile and
// the default channel matrix with the brand's pool shares. Used by `yutang funnel --demo` and the
// app's demo workspace. Figures are invented for illustration.
#pragma once
#include "core/economics/economics_model.hpp"

namespace yt {

EconomicsPlan demo_economics();

}  // namespace yt
