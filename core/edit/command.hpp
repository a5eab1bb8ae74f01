// command.hpp — every change to a Workspace is a Command with apply and undo.
//
// Views and the test hook never mutate the Workspace directly: they build a Command and hand it
// to a CommandSink (the app's History). History keeps undo/redo stacks and a version stamp that
// increases on every change (autosave and derived-figure caches key on it).
#pragma once
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/model/result.hpp"
#include "core/plan/workspace.hpp"

namespace yt {

class Command {
public:
    virtual ~Command() = default;
    // i18n key naming the edit for the undo menu, e.g. "cmd.rename".
    virtual std::string label() const = 0;
    // Applies the edit. On error the workspace is unchanged.
    virtual Status apply(Workspace& ws) = 0;
    virtual void undo(Workspace& ws) = 0;
    // Typing into a field sends one command per change; History asks the previous command to
    // absorb the next one (same target, already applied) so one undo reverts the whole edit.
    virtual bool absorb(const Command& /*next*/) { return false; }
};

using CommandPtr = std::unique_ptr<Command>;

class CommandSink {
public:
    virtual ~CommandSink() = default;
    virtual Status submit(CommandPtr cmd) = 0;
    // Ends coalescing of consecutive edits to one field (see Command::absorb).
    virtual void seal() {}
};

class History : public CommandSink {
public:
    explicit History(Workspace& ws, std::size_t limit = 500) : ws_(ws), limit_(limit) {}
    Status submit(CommandPtr cmd) override;
    bool undo();
    bool redo();
    bool can_undo() const { return !done_.empty(); }
    bool can_redo() const { return !undone_.empty(); }
    std::string undo_label() const { return done_.empty() ? "" : done_.back()->label(); }
    std::string redo_label() const { return undone_.empty() ? "" : undone_.back()->label(); }
    std::uint64_t version() const { return version_; }
    // Forget history (after loading another workspace); bumps the version.
    void reset();
    // Ends coalescing: the next command starts a new undo step (called when a field loses focus).
    void seal() override { sealed_ = true; }

private:
    Workspace& ws_;
    std::size_t limit_;
    std::vector<CommandPtr> done_, undone_;
    std::uint64_t version_ = 1;
    bool sealed_ = true;
};

// Sets one value inside the workspace: `at` locates it, `value` is the new content.
template <class T>
class SetValue : public Command {
public:
    SetValue(std::string label, std::function<T&(Workspace&)> at, T value)
        : label_(std::move(label)), at_(std::move(at)), next_(std::move(value)) {}
    std::string label() const override { return label_; }
    Status apply(Workspace& ws) override {
        T& slot = at_(ws);
        slot_ = &slot;
        prev_ = slot;
        slot = next_;
        return ok_status();
    }
    void undo(Workspace& ws) override { at_(ws) = prev_; }
    // Merges only an edit of the very same value (both already applied, so both located their
    // slot): two edits of different rules under one label stay two undo steps.
    bool absorb(const Command& next) override {
        auto* o = dynamic_cast<const SetValue<T>*>(&next);
        if (!o || o->label_ != label_ || o->slot_ != slot_) return false;
        next_ = o->next_;
        return true;
    }

private:
    std::string label_;
    std::function<T&(Workspace&)> at_;
    T next_, prev_{};
    const T* slot_ = nullptr;  // where the value lived when applied
};

template <class T>
CommandPtr make_set(std::string label, std::function<T&(Workspace&)> at, T value) {
    return std::make_unique<SetValue<T>>(std::move(label), std::move(at), std::move(value));
}

// A group of commands applied (and undone) as one; stops and rolls back on the first error.
class Batch : public Command {
public:
    Batch(std::string label, std::vector<CommandPtr> parts) : label_(std::move(label)), parts_(std::move(parts)) {}
    std::string label() const override { return label_; }
    Status apply(Workspace& ws) override;
    void undo(Workspace& ws) override;

private:
    std::string label_;
    std::vector<CommandPtr> parts_;
};

}  // namespace yt
