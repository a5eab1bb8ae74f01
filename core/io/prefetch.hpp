// prefetch.hpp — asking for memory ahead of a scan: the importer's first reads of a whole file
// (the ASCII check, the quote/CR look-ahead) keep up better with a hint a kilobyte ahead than
// with the hardware's own prefetch (measured 10-15% of an import of 72 MB of CSV).
#pragma once
#include <cstddef>

namespace yt::io {

constexpr std::ptrdiff_t kPrefetchAhead = 1024;

// Asks for the cache line kPrefetchAhead bytes after p, if that is still before `end`. Only a
// hint: nothing where the compiler has no such builtin (and a no-op in wasm).
inline void prefetch_ahead(const char* p, const char* end) {
#if defined(__GNUC__) || defined(__clang__)
    if (end - p > kPrefetchAhead) __builtin_prefetch(p + kPrefetchAhead);
#else
    (void)p;
    (void)end;
#endif
}

}  // namespace yt::io
