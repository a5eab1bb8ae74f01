// personas_edit.cpp — the Commands of the 角色 view (see personas.hpp).
#include <algorithm>
#include <functional>
#include <vector>

#include "core/edit/list_edit.hpp"
#include "views/personas.hpp"

namespace yt::app {

namespace {

// Replaces the object with `value.id` in a list; a later update of the same field of the same
// object (submitted before the sink is sealed) is absorbed, so one undo reverts a whole edit.
template <class T>
class UpdateById : public Command {
public:
    using Locate = std::function<std::vector<T>&(Workspace&)>;
    UpdateById(std::string label, Locate at, std::string field, T value)
        : label_(std::move(label)), at_(std::move(at)), field_(std::move(field)), value_(std::move(value)) {}
    std::string label() const override { return label_; }
    Status apply(Workspace& ws) override {
        auto& v = at_(ws);
        auto it = std::find_if(v.begin(), v.end(), [&](const T& x) { return x.id == value_.id; });
        if (it == v.end()) return Error("cmd.unknown_id", {value_.id});
        prev_ = *it;
        *it = value_;
        return ok_status();
    }
    void undo(Workspace& ws) override {
        for (auto& x : at_(ws))
            if (x.id == prev_.id) {
                x = prev_;
                return;
            }
    }
    bool absorb(const Command& next) override {
        auto* o = dynamic_cast<const UpdateById<T>*>(&next);
        if (!o || o->field_ != field_ || o->value_.id != value_.id || o->label_ != label_) return false;
        value_ = o->value_;  // already applied by History; prev_ stays the state before the first edit
        return true;
    }

private:
    std::string label_;
    Locate at_;
    std::string field_;
    T value_, prev_{};
};

class ReassignAccount : public Command {
public:
    ReassignAccount(std::string account, std::string op) : account_(std::move(account)), op_(std::move(op)) {}
    std::string label() const override { return "ui.roles.cmd.reassign"; }
    Status apply(Workspace& ws) override {
        auto r = plan_account_reassign(ws.roles, account_, op_);
        if (!r) return r.error();
        done_ = *r;
        apply_account_reassign(ws.roles, done_);
        return ok_status();
    }
    void undo(Workspace& ws) override { undo_account_reassign(ws.roles, done_); }

private:
    std::string account_, op_;
    AccountReassign done_;
};

class TransferGroup : public Command {
public:
    TransferGroup(std::string group, std::string owner) : group_(std::move(group)), owner_(std::move(owner)) {}
    std::string label() const override { return "ui.roles.cmd.transfer"; }
    Status apply(Workspace& ws) override {
        auto t = plan_group_transfer(ws.roles, ws.rules, group_, owner_, TransferCounts{});
        if (!t) return t.error();
        done_ = *t;
        apply_group_transfer(ws.roles, done_);
        return ok_status();
    }
    void undo(Workspace& ws) override { undo_group_transfer(ws.roles, done_); }

private:
    std::string group_, owner_;
    GroupTransfer done_;
};

std::vector<Persona>& personas(Workspace& w) { return w.roles.personas; }
std::vector<Account>& accounts(Workspace& w) { return w.roles.accounts; }
std::vector<Group>& groups(Workspace& w) { return w.roles.groups; }
std::vector<Operator>& operators(Workspace& w) { return w.roles.operators; }
std::vector<Koc>& kocs(Workspace& w) { return w.roles.kocs; }
std::vector<ScriptEntry>& scripts(Workspace& w) { return w.roles.scripts; }
std::vector<Sop>& sops(Workspace& w) { return w.calendar.sops; }

template <class T>
CommandPtr insert(std::vector<T>& (*at)(Workspace&), T v, int index = -1) {
    return std::make_unique<ListEdit<T>>("cmd.insert", at, ListEdit<T>::Op::Insert, std::move(v), "", index);
}
template <class T>
CommandPtr erase(std::vector<T>& (*at)(Workspace&), const std::string& id) {
    return std::make_unique<ListEdit<T>>("cmd.erase", at, ListEdit<T>::Op::Erase, T{}, id);
}
template <class T>
CommandPtr update(std::vector<T>& (*at)(Workspace&), const std::string& field, T v) {
    return std::make_unique<UpdateById<T>>("cmd.update", at, field, std::move(v));
}

}  // namespace

namespace roles_cmd {
CommandPtr update_persona(const std::string& field, Persona v) { return update(personas, field, std::move(v)); }
CommandPtr update_account(const std::string& field, Account v) { return update(accounts, field, std::move(v)); }
CommandPtr update_group(const std::string& field, Group v) { return update(groups, field, std::move(v)); }
CommandPtr update_operator(const std::string& field, Operator v) { return update(operators, field, std::move(v)); }
CommandPtr update_koc(const std::string& field, Koc v) { return update(kocs, field, std::move(v)); }
CommandPtr set_monthly_new_friends(int value) {
    return make_set<int>("ui.roles.cmd.growth", [](Workspace& w) -> int& { return w.roles.monthly_new_friends; },
                         std::max(0, value));
}
CommandPtr reassign_account(const std::string& account, const std::string& op) {
    return std::make_unique<ReassignAccount>(account, op);
}
CommandPtr transfer_group(const std::string& group, const std::string& owner) {
    return std::make_unique<TransferGroup>(group, owner);
}
CommandPtr add_persona(Persona p) { return insert(personas, std::move(p)); }
CommandPtr erase_persona(const std::string& id) { return erase(personas, id); }
CommandPtr add_account(Account a) { return insert(accounts, std::move(a)); }
CommandPtr erase_account(const std::string& id) { return erase(accounts, id); }
CommandPtr add_group(Group g) { return insert(groups, std::move(g)); }
CommandPtr erase_group(const std::string& id) { return erase(groups, id); }
CommandPtr add_operator(Operator o) { return insert(operators, std::move(o)); }
CommandPtr erase_operator(const std::string& id) { return erase(operators, id); }
CommandPtr add_koc(Koc k) { return insert(kocs, std::move(k)); }
CommandPtr erase_koc(const std::string& id) { return erase(kocs, id); }
CommandPtr update_script(const std::string& field, ScriptEntry s) { return update(scripts, field, std::move(s)); }
CommandPtr add_script(ScriptEntry s, int index) { return insert(scripts, std::move(s), index); }
CommandPtr erase_script(const std::string& id) { return erase(scripts, id); }
CommandPtr move_script(const std::string& id, int index) {
    return std::make_unique<ListMove<ScriptEntry>>("cmd.move", scripts, id, index);
}
CommandPtr update_journey(const std::string& field, Sop s) { return update(sops, field, std::move(s)); }
CommandPtr add_journey(Sop s) { return insert(sops, std::move(s)); }
CommandPtr erase_journey(const std::string& id) { return erase(sops, id); }
}  // namespace roles_cmd

}  // namespace yt::app
