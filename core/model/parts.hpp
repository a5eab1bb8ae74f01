// parts.hpp — where a part of work done a range at a time ends (the app runs long loops over a
// million customers a part per frame; the CLI and tests ask for everything at once).
#pragma once
#include <cstddef>

namespace yt {

// The end of the part that starts at `next` and covers up to `count` of `size` items: `size` when
// fewer are left. A count of "all the rest" (SIZE_MAX) does not overflow. Requires next <= size.
constexpr std::size_t part_end(std::size_t next, std::size_t count, std::size_t size) {
    return count >= size - next ? size : next + count;
}

}  // namespace yt
