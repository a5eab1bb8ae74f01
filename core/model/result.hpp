// result.hpp — errors as values for the whole core.
//
// Every core function that can fail returns Result<T> (or Status for no value). An Error carries
// a stable code ("io.bad_date"), a location (line/column/field) and string arguments — never a
// pre-formatted sentence. Front ends turn codes into words with i18n::describe() (zh and en).
#pragma once
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace yt {

struct Location {
    std::string file;   // file name or logical source ("workspace", "clipboard"), may be empty
    int line = 0;       // 1-based; 0 = unknown
    int column = 0;     // 1-based; 0 = unknown
    std::string field;  // field or column name, may be empty
};

struct Error {
    std::string code;               // stable id, e.g. "persist.checksum"; see i18n tables
    Location where;
    std::vector<std::string> args;  // substituted into the message template as {0}, {1}, ...

    Error() = default;
    explicit Error(std::string c, std::vector<std::string> a = {}, Location l = {})
        : code(std::move(c)), where(std::move(l)), args(std::move(a)) {}
};

template <class T>
class [[nodiscard]] Result {
public:
    Result(T value) : v_(std::move(value)) {}
    Result(Error e) : v_(std::move(e)) {}
    bool ok() const { return v_.index() == 0; }
    explicit operator bool() const { return ok(); }
    T& value() & { return std::get<0>(v_); }
    const T& value() const& { return std::get<0>(v_); }
    T&& value() && { return std::get<0>(std::move(v_)); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() { return value(); }
    const T& operator*() const { return value(); }
    const Error& error() const { return std::get<1>(v_); }

private:
    std::variant<T, Error> v_;
};

struct Unit {};
using Status = Result<Unit>;
inline Status ok_status() { return Status(Unit{}); }

}  // namespace yt
