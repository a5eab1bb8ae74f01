// tiers.hpp — the 用户分层 Tiers tab: its view state and draw().
#pragma once
#include <cstdint>
#include <string>

#include "views/view.hpp"

namespace yt::app {

struct TiersView {
    void draw(const ViewEnv& e);
};

}  // namespace yt::app
