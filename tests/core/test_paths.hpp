// test_paths.hpp — where tests find files of the checkout, and the real data under tests/data/.
#pragma once
#include <fstream>
#include <sstream>
#include <string>

#ifndef YT_SOURCE_DIR
#define YT_SOURCE_DIR "."
#endif

namespace yt::test {
// A data file under tests/data/ (e.g. "cdnow/CDNOW_sample.txt"; see tests/data/cdnow/README.md).
inline std::string test_data(const std::string& rel) { return std::string(YT_SOURCE_DIR) + "/tests/data/" + rel; }
inline std::string source_path(const std::string& rel) { return std::string(YT_SOURCE_DIR) + "/" + rel; }
// The bytes of a file of the checkout ("" when it cannot be read).
inline std::string source_text(const std::string& rel) {
    std::ifstream f(source_path(rel), std::ios::binary);
    std::stringstream ss;
    ss << f.rdbuf();
    return ss.str();
}
}  // namespace yt::test
