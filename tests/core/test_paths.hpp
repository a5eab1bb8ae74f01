// test_paths.hpp — where tests find the shared real data (../shared/data beside the checkout).
#pragma once
#include <fstream>
#include <sstream>
#include <string>

#ifndef YT_SOURCE_DIR
#define YT_SOURCE_DIR "."
#endif

namespace yt::test {
inline std::string shared_data(const std::string& rel) {
    return std::string(YT_SOURCE_DIR) + "/../shared/data/" + rel;
}
inline std::string source_path(const std::string& rel) { return std::string(YT_SOURCE_DIR) + "/" + rel; }
// The bytes of a file of the checkout ("" when it cannot be read).
inline std::string source_text(const std::string& rel) {
    std::ifstream f(source_path(rel), std::ios::binary);
    std::stringstream ss;
    ss << f.rdbuf();
    return ss.str();
}
}  // namespace yt::test
