// import_ok.hpp — the import tests' helper: import bytes that must import, or fail the test.
#pragma once
#include <catch2/catch.hpp>

#include <string>

#include "core/io/importer.hpp"

namespace yt::test {

inline ImportResult import_ok(const std::string& bytes, const ImportOptions& o = {}) {
    auto r = import_orders(bytes, o);
    if (!r) FAIL("import failed: " << r.error().code);
    return std::move(r).value();
}

}  // namespace yt::test
