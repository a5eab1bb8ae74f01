// file_bytes.hpp — a whole input file as bytes for the importer: mapped into memory where the
// platform has mmap (no copy; the pages come straight from the page cache), otherwise read with
// one fread into a buffer (the wasm CLI under Node, where each small read is a JS call).
#pragma once
#include <memory>
#include <string>
#include <string_view>

#include "core/model/result.hpp"

namespace yt::cli {

class FileBytes {
public:
    // Errors: "cli.cannot_read" with the path.
    static Result<FileBytes> open(const std::string& path);
    FileBytes(FileBytes&& o) noexcept;
    FileBytes& operator=(FileBytes&& o) noexcept;
    FileBytes(const FileBytes&) = delete;
    FileBytes& operator=(const FileBytes&) = delete;
    ~FileBytes();

    std::string_view view() const { return std::string_view(map_ ? map_ : buf_.get(), size_); }
    // Gives the memory back (the view is empty afterwards).
    void release();

private:
    FileBytes() = default;
    const char* map_ = nullptr;    // mmap'ed file, or null
    std::size_t size_ = 0;
    std::unique_ptr<char[]> buf_;  // the file read, when not mapped (not zeroed first: it is read over)
};

// Reads a whole file into a string with one fread (sized from the file's length).
Result<std::string> read_whole_file(const std::string& path);

}  // namespace yt::cli
