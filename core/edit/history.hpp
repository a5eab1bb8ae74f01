// history.hpp — the undo/redo stacks over Edits, and the sink views hand their edits to.
//
// Views and the test hook never mutate the Workspace directly: they build an Edit (edit.hpp) and
// submit it to an EditSink (the app's History). History applies it, keeps the edit and its
// inverse, and a version stamp that increases on every change (autosave and derived-figure caches
// key on it).
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "core/edit/edit.hpp"

namespace yt {

class EditSink {
public:
    virtual ~EditSink() = default;
    virtual Status submit(Edit e) = 0;
    // Ends coalescing of consecutive edits to one place (see same_place).
    virtual void seal() {}
};

class History : public EditSink {
public:
    explicit History(Workspace& ws, std::size_t limit = 500) : ws_(ws), limit_(limit) {}
    // Applies `e`. Typing into a field sends one edit per change: while unsealed, an edit of the
    // same place as the last one joins it (one undo reverts the whole typing or drag).
    Status submit(Edit e) override;
    bool undo();
    bool redo();
    bool can_undo() const { return !done_.empty(); }
    bool can_redo() const { return !undone_.empty(); }
    // The i18n keys naming what undo / redo would do ("" when nothing).
    std::string undo_label() const { return done_.empty() ? "" : edit_label(done_.back().forward); }
    std::string redo_label() const { return undone_.empty() ? "" : edit_label(undone_.back().forward); }
    std::uint64_t version() const { return version_; }
    // Forget history (after loading another workspace); bumps the version.
    void reset();
    // Ends coalescing: the next edit starts a new undo step (called when a field loses focus).
    void seal() override { sealed_ = true; }
    // Bytes the stacks hold (the edits' text), for the memory benchmark.
    std::size_t held_bytes() const;

private:
    struct Step {
        Edit forward, inverse;
    };
    Workspace& ws_;
    std::size_t limit_;
    std::vector<Step> done_, undone_;
    std::uint64_t version_ = 1;
    bool sealed_ = true;
};

}  // namespace yt
