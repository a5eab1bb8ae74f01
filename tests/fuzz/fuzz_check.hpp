// fuzz_check.hpp — check(cond) for the fuzz targets: a failed check names its file and line and
// aborts, so libFuzzer keeps the input.
#pragma once
#include <cstdio>
#include <cstdlib>

inline void fuzz_check_at(bool ok, const char* what, const char* file, int line) {
    if (ok) return;
    std::fprintf(stderr, "check failed at %s:%d: %s\n", file, line, what);
    std::abort();
}
#define check(cond) fuzz_check_at((cond), #cond, __FILE__, __LINE__)
