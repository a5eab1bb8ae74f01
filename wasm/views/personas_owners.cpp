// personas_owners.cpp — the 角色 view's "订单归属" section: owner names found in the orders (the
// 归属员工 / 添加人 / 客服 column) and the account each belongs to. Claiming an owner for an
// account makes that account's revenue, customers and growth come from the orders (the
// concentration and capacity checks then use them). One combo per owner; a change is one
// undoable command over the accounts. Owners no account claims are listed with the account whose
// name or operator matches them as a suggestion ("认领建议").
#include <imgui.h>

#include <algorithm>

#include "core/plan/assess_orders.hpp"
#include "views/personas.hpp"
#include "views/toolkit.hpp"

namespace yt::app {

using namespace roles_ui;
using namespace ui;

namespace {

// The accounts with `owner` moved to `account` ("" = to none).
std::vector<Account> with_owner(std::vector<Account> accounts, const std::string& owner, const std::string& account) {
    for (Account& a : accounts) {
        a.owners.erase(std::remove(a.owners.begin(), a.owners.end(), owner), a.owners.end());
        if (a.id == account) a.owners.push_back(owner);
    }
    return accounts;
}

// One undoable edit that replaces the accounts (an owner moved between them).
Edit set_accounts(const std::vector<Account>& accounts) { return set_value("roles.accounts", accounts, "ui.roles.cmd.owner"); }

const Account* claimant(const RolesPlan& roles, const std::string& owner) {
    for (const Account& a : roles.accounts)
        if (std::find(a.owners.begin(), a.owners.end(), owner) != a.owners.end()) return &a;
    return nullptr;
}

}  // namespace

void PersonasView::draw_owners(const ViewEnv& e) {
    const OrderFacts& facts = e.d.order_facts;
    if (facts.owners.empty()) return;  // the orders have no owner column
    Lang l = e.lang;
    if (!section(*this, l, "ui.roles.owners", "owners")) return;
    text_wrapped(T(l, "ui.roles.owners_help"));
    std::map<std::string, std::string> suggested;
    for (const OwnerSuggestion& s : unclaimed_owners(e.ws.roles, facts)) suggested[s.owner] = s.account;
    const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit;
    if (!ImGui::BeginTable("###owners", 4, flags)) return;
    ImGui::TableSetupColumn(T(l, "ui.roles.owner_col"));
    ImGui::TableSetupColumn(T(l, "ui.roles.owner_customers"));
    ImGui::TableSetupColumn(T(l, "ui.roles.owner_revenue"));
    ImGui::TableSetupColumn(T(l, "ui.roles.owner_account"), ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableHeadersRow();
    int row = 0;
    for (const OwnerFigures& o : facts.owners) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(o.owner.c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(thousands(o.customers).c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(money(o.revenue).c_str());
        ImGui::TableNextColumn();
        const Account* cur = claimant(e.ws.roles, o.owner);
        const std::string& hint = suggested[o.owner];
        std::string preview = cur ? (cur->name.empty() ? cur->id : cur->name) : T(l, "ui.roles.owner_none");
        if (!cur && !hint.empty())
            for (const Account& a : e.ws.roles.accounts)
                if (a.id == hint) preview = trf("ui.roles.owner_suggest", l, {a.name.empty() ? a.id : a.name});
        ImGui::SetNextItemWidth(-1);
        const std::string id = "###owner." + std::to_string(row);
        if (ImGui::BeginCombo(id.c_str(), preview.c_str())) {
            if (ImGui::Selectable(T(l, "ui.roles.owner_none"), cur == nullptr) && cur)
                submit(e, set_accounts(with_owner(e.ws.roles.accounts, o.owner, "")), true);
            for (const Account& a : e.ws.roles.accounts) {
                ImGui::PushID(a.id.c_str());
                if (ImGui::Selectable((a.name.empty() ? a.id : a.name).c_str(), cur && cur->id == a.id) && (!cur || cur->id != a.id))
                    submit(e, set_accounts(with_owner(e.ws.roles.accounts, o.owner, a.id)), true);
                ImGui::PopID();
            }
            ImGui::EndCombo();
        }
        note_widget(e, ("owner." + std::to_string(row)).c_str());
        ++row;
    }
    ImGui::EndTable();
    // Take every suggestion at once (one undo step).
    bool any = false;
    for (const auto& kv : suggested) any = any || !kv.second.empty();
    if (any && ImGui::Button(label(l, "ui.roles.owner_take_all", "owner_take_all").c_str())) {
        std::vector<Account> accounts = e.ws.roles.accounts;
        for (const auto& kv : suggested)
            if (!kv.second.empty()) accounts = with_owner(std::move(accounts), kv.first, kv.second);
        submit(e, set_accounts(std::move(accounts)), true);
    }
    if (any) note_widget(e, "owner_take_all");
}

}  // namespace yt::app
