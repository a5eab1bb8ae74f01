// list_edit.hpp — insert / update / erase / move of an object with an `id` in one of the
// Workspace's lists (personas, accounts, groups, items, scenarios, rules, scripts, ...), as
// undoable Commands.
#pragma once
#include <algorithm>
#include <functional>
#include <string>
#include <vector>

#include "core/edit/command.hpp"

namespace yt {

template <class T>
class ListEdit : public Command {
public:
    enum class Op { Insert, Update, Erase };
    using Locate = std::function<std::vector<T>&(Workspace&)>;

    // Insert: `value` is appended (or placed at `index` if >= 0). Update: the element whose id is
    // value.id is replaced. Erase: the element with id `id` is removed.
    ListEdit(std::string label, Locate at, Op op, T value, std::string id = {}, int index = -1)
        : label_(std::move(label)), at_(std::move(at)), op_(op), value_(std::move(value)), id_(std::move(id)),
          index_(index) {
        if (id_.empty()) id_ = value_.id;
    }
    std::string label() const override { return label_; }

    Status apply(Workspace& ws) override {
        auto& v = at_(ws);
        auto it = std::find_if(v.begin(), v.end(), [&](const T& x) { return x.id == id_; });
        switch (op_) {
            case Op::Insert:
                if (id_.empty()) return Error("cmd.missing_id");
                if (it != v.end()) return Error("cmd.duplicate_id", {id_});
                pos_ = (index_ >= 0 && static_cast<std::size_t>(index_) <= v.size()) ? static_cast<std::size_t>(index_)
                                                                                      : v.size();
                v.insert(v.begin() + static_cast<std::ptrdiff_t>(pos_), value_);
                return ok_status();
            case Op::Update:
                if (it == v.end()) return Error("cmd.unknown_id", {id_});
                if (value_.id != id_) return Error("cmd.id_changed", {id_});
                prev_ = *it;
                *it = value_;
                return ok_status();
            case Op::Erase:
                if (it == v.end()) return Error("cmd.unknown_id", {id_});
                pos_ = static_cast<std::size_t>(it - v.begin());
                prev_ = *it;
                v.erase(it);
                return ok_status();
        }
        return Error("cmd.bad_op");
    }

    void undo(Workspace& ws) override {
        auto& v = at_(ws);
        switch (op_) {
            case Op::Insert: v.erase(v.begin() + static_cast<std::ptrdiff_t>(pos_)); break;
            case Op::Update:
                for (auto& x : v)
                    if (x.id == id_) x = prev_;
                break;
            case Op::Erase: v.insert(v.begin() + static_cast<std::ptrdiff_t>(pos_), prev_); break;
        }
    }

private:
    std::string label_;
    Locate at_;
    Op op_;
    T value_, prev_{};
    std::string id_;
    int index_;
    std::size_t pos_ = 0;
};

// Moves the element with id `id` to position `index` of the list (clamped to its end): the
// order of a list the user arranges (the script library). One undo step puts it back.
template <class T>
class ListMove : public Command {
public:
    using Locate = std::function<std::vector<T>&(Workspace&)>;
    ListMove(std::string label, Locate at, std::string id, int index)
        : label_(std::move(label)), at_(std::move(at)), id_(std::move(id)), index_(index) {}
    std::string label() const override { return label_; }

    Status apply(Workspace& ws) override {
        auto& v = at_(ws);
        auto it = std::find_if(v.begin(), v.end(), [&](const T& x) { return x.id == id_; });
        if (it == v.end()) return Error("cmd.unknown_id", {id_});
        if (index_ < 0) return Error("cmd.bad_value", {std::to_string(index_)}, Location{"", 0, 0, "index"});
        from_ = static_cast<std::size_t>(it - v.begin());
        to_ = std::min(static_cast<std::size_t>(index_), v.size() - 1);
        move(v, from_, to_);
        return ok_status();
    }
    void undo(Workspace& ws) override { move(at_(ws), to_, from_); }

private:
    static void move(std::vector<T>& v, std::size_t from, std::size_t to) {
        if (from < to) std::rotate(v.begin() + static_cast<std::ptrdiff_t>(from), v.begin() + static_cast<std::ptrdiff_t>(from) + 1,
                                   v.begin() + static_cast<std::ptrdiff_t>(to) + 1);
        else if (to < from) std::rotate(v.begin() + static_cast<std::ptrdiff_t>(to), v.begin() + static_cast<std::ptrdiff_t>(from),
                                        v.begin() + static_cast<std::ptrdiff_t>(from) + 1);
    }
    std::string label_;
    Locate at_;
    std::string id_;
    int index_;
    std::size_t from_ = 0, to_ = 0;
};

}  // namespace yt
