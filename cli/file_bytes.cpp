// file_bytes.cpp — mapping or reading a whole file (see file_bytes.hpp).
#include "cli/file_bytes.hpp"

#include <cstdio>
#include <cstring>
#include <utility>

#if !defined(__wasm__) && (defined(__unix__) || defined(__APPLE__))
#define YT_HAVE_MMAP 1
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace yt::cli {

namespace {
Error cannot_read(const std::string& path) { return Error("cli.cannot_read", {path}, Location{path, 0, 0, ""}); }
}  // namespace

Result<std::string> read_whole_file(const std::string& path) {
    std::FILE* f = std::fopen(path.c_str(), "rb");
    if (!f) return cannot_read(path);
    std::string out;
    long size = -1;
    if (std::fseek(f, 0, SEEK_END) == 0) size = std::ftell(f);
    if (size >= 0 && std::fseek(f, 0, SEEK_SET) == 0) {
        out.resize(static_cast<std::size_t>(size));
        const std::size_t got = std::fread(out.data(), 1, out.size(), f);
        out.resize(got);
    }
    // Whatever is left (a file that grew, or one whose length is unknown, such as a pipe).
    char chunk[1 << 16];
    for (std::size_t n; (n = std::fread(chunk, 1, sizeof chunk, f)) > 0;) out.append(chunk, n);
    const bool bad = std::ferror(f) != 0;
    std::fclose(f);
    if (bad) return cannot_read(path);
    return out;
}

Result<FileBytes> FileBytes::open(const std::string& path) {
    FileBytes fb;
#ifdef YT_HAVE_MMAP
    const int fd = ::open(path.c_str(), O_RDONLY);
    if (fd < 0) return cannot_read(path);
    struct stat st;
    if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0) {
        void* p = ::mmap(nullptr, static_cast<std::size_t>(st.st_size), PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
        if (p != MAP_FAILED) {
            ::close(fd);
            fb.map_ = static_cast<const char*>(p);
            fb.size_ = static_cast<std::size_t>(st.st_size);
            return fb;
        }
    }
    ::close(fd);
#endif
    // One read of the file's length; a file that is not what its length says (a pipe, one that
    // changes) is read as read_whole_file does.
    std::FILE* f = std::fopen(path.c_str(), "rb");
    if (!f) return cannot_read(path);
    long size = -1;
    if (std::fseek(f, 0, SEEK_END) == 0) size = std::ftell(f);
    if (size > 0 && std::fseek(f, 0, SEEK_SET) == 0) {
        const auto n = static_cast<std::size_t>(size);
        fb.buf_.reset(new char[n]);
        const bool whole = std::fread(fb.buf_.get(), 1, n, f) == n && std::fgetc(f) == EOF && !std::ferror(f);
        std::fclose(f);
        if (whole) {
            fb.size_ = n;
            return fb;
        }
        fb.buf_.reset();
    } else {
        std::fclose(f);
    }
    auto bytes = read_whole_file(path);
    if (!bytes) return bytes.error();
    fb.size_ = bytes->size();
    fb.buf_.reset(new char[fb.size_ + 1]);
    std::memcpy(fb.buf_.get(), bytes->data(), fb.size_);
    return fb;
}

FileBytes::FileBytes(FileBytes&& o) noexcept
    : map_(std::exchange(o.map_, nullptr)), size_(std::exchange(o.size_, 0)), buf_(std::move(o.buf_)) {}

FileBytes& FileBytes::operator=(FileBytes&& o) noexcept {
    if (this != &o) {
        release();
        map_ = std::exchange(o.map_, nullptr);
        size_ = std::exchange(o.size_, 0);
        buf_ = std::move(o.buf_);
    }
    return *this;
}

FileBytes::~FileBytes() { release(); }

void FileBytes::release() {
#ifdef YT_HAVE_MMAP
    if (map_) ::munmap(const_cast<char*>(map_), size_);
#endif
    map_ = nullptr;
    size_ = 0;
    buf_.reset();
}

}  // namespace yt::cli
