// test_paths.hpp — where tests find the shared real data (../shared/data beside the checkout).
#pragma once
#include <string>

#ifndef YT_SOURCE_DIR
#define YT_SOURCE_DIR "."
#endif

namespace yt::test {
inline std::string shared_data(const std::string& rel) {
    return std::string(YT_SOURCE_DIR) + "/../shared/data/" + rel;
}
inline std::string source_path(const std::string& rel) { return std::string(YT_SOURCE_DIR) + "/" + rel; }
}  // namespace yt::test
