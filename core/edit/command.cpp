// command.cpp — History (undo/redo stacks) and Batch.
#include "core/edit/command.hpp"

namespace yt {

Status History::submit(CommandPtr cmd) {
    if (!cmd) return Error("cmd.empty");
    Status st = cmd->apply(ws_);
    if (!st) return st;
    ++version_;
    undone_.clear();
    if (!sealed_ && !done_.empty() && done_.back()->absorb(*cmd)) return st;
    sealed_ = false;
    done_.push_back(std::move(cmd));
    if (done_.size() > limit_) done_.erase(done_.begin());
    return st;
}

bool History::undo() {
    sealed_ = true;
    if (done_.empty()) return false;
    done_.back()->undo(ws_);
    undone_.push_back(std::move(done_.back()));
    done_.pop_back();
    ++version_;
    return true;
}

bool History::redo() {
    sealed_ = true;
    if (undone_.empty()) return false;
    Status st = undone_.back()->apply(ws_);
    if (!st) return false;
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

Status Batch::apply(Workspace& ws) {
    for (std::size_t i = 0; i < parts_.size(); ++i) {
        Status st = parts_[i]->apply(ws);
        if (!st) {
            while (i > 0) parts_[--i]->undo(ws);
            return st;
        }
    }
    return ok_status();
}

void Batch::undo(Workspace& ws) {
    for (std::size_t i = parts_.size(); i > 0; --i) parts_[i - 1]->undo(ws);
}

}  // namespace yt
