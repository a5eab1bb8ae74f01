// history.cpp — History: undo by applying the inverse edit, redo by applying the edit again.
#include "core/edit/history.hpp"

namespace yt {

Status History::submit(Edit e) {
    auto inverse = apply(ws_, e);
    if (!inverse) return inverse.error();
    ++version_;
    undone_.clear();
    if (!sealed_ && !done_.empty() && e.kind == "set" && same_place(done_.back().forward, e)) {
        done_.back().forward = std::move(e);  // the first edit's inverse still puts back the value before it
        return ok_status();
    }
    sealed_ = false;
    done_.push_back(Step{std::move(e), std::move(inverse.value())});
    if (done_.size() > limit_) done_.erase(done_.begin());
    return ok_status();
}

bool History::undo() {
    sealed_ = true;
    if (done_.empty()) return false;
    if (!apply(ws_, done_.back().inverse)) return false;
    undone_.push_back(std::move(done_.back()));
    done_.pop_back();
    ++version_;
    return true;
}

bool History::redo() {
    sealed_ = true;
    if (undone_.empty()) return false;
    auto inverse = apply(ws_, undone_.back().forward);
    if (!inverse) return false;
    undone_.back().inverse = std::move(inverse.value());
    done_.push_back(std::move(undone_.back()));
    undone_.pop_back();
    ++version_;
    return true;
}

void History::reset() {
    done_.clear();
    undone_.clear();
    ++version_;
}

namespace {
std::size_t bytes_of(const Edit& e) {
    std::size_t n = sizeof(Edit) + e.kind.size() + e.section.size() + e.target.size() + e.field.size() + e.value.size() + e.label.size();
    for (const Edit& p : e.parts) n += bytes_of(p);
    return n;
}
}  // namespace

std::size_t History::held_bytes() const {
    std::size_t n = 0;
    for (const auto* stack : {&done_, &undone_})
        for (const Step& s : *stack) n += bytes_of(s.forward) + bytes_of(s.inverse);
    return n;
}

}  // namespace yt
