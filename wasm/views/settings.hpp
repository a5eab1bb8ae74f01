// settings.hpp — the 设置 Settings tab: its view state and draw().
#pragma once
#include <cstdint>
#include <string>

#include "views/protect.hpp"
#include "views/view.hpp"

namespace yt::app {

struct SettingsView {
    std::string name_buf, brand_buf;  // text being typed
    std::uint64_t synced_version = 0;
    ProtectSettings protect;  // 数据保护
    void draw(const ViewEnv& e, std::uint64_t version);
};

}  // namespace yt::app
