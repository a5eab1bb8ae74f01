// protect.cpp — the lock screen and Settings → 数据保护 (see protect.hpp).
#include <imgui.h>

#include <algorithm>

#include "core/persist/sealed.hpp"
#include "views/protect.hpp"
#include "views/toolkit.hpp"

namespace yt::app {

namespace {

constexpr std::size_t kMinPassphrase = 8;

void ask(const ViewEnv& e, Outbox::Protect::Kind k, std::string text = {}, int minutes = 0) {
    if (e.out) e.out->protect.push_back({k, std::move(text), minutes});
}

// Forget everything: a typed word, then the button.
void draw_wipe(const ViewEnv& e, std::string& typed, const char* text_id, const char* button_id) {
    Lang l = e.lang;
    ImGui::TextWrapped("%s", T(l, "protect.wipe_explain"));
    ImGui::SetNextItemWidth(200);
    ui::input_string(label(l, "protect.wipe_type", text_id).c_str(), typed);
    note_widget(e, text_id);
    ImGui::SameLine();
    ImGui::BeginDisabled(!wipe_confirmed(typed));
    if (ImGui::Button(label(l, "protect.wipe", button_id).c_str())) {
        ask(e, Outbox::Protect::Kind::Wipe);
        typed.clear();
    }
    ImGui::EndDisabled();
    note_widget(e, button_id);
}

}  // namespace

bool wipe_confirmed(const std::string& typed) { return typed == "删除" || typed == "DELETE" || typed == "delete"; }

void LockView::draw(const ViewEnv& e) {
    Lang l = e.lang;
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->WorkPos);
    ImGui::SetNextWindowSize(vp->WorkSize);
    ImGui::Begin("###locked", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings);
    const float w = std::min(520.0f, vp->WorkSize.x - 40);
    ImGui::SetCursorPos(ImVec2((vp->WorkSize.x - w) * 0.5f, std::max(40.0f, vp->WorkSize.y * 0.2f)));
    ImGui::BeginGroup();
    ImGui::TextUnformatted(T(l, "app.title"));
    ImGui::Spacing();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + w);
    ImGui::TextWrapped("%s", T(l, "protect.locked_title"));
    ImGui::Spacing();
    const bool busy = e.protect && e.protect->busy;
    ImGui::SetNextItemWidth(w * 0.6f);
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
    const bool enter = ui::input_string(label(l, "protect.passphrase", "lock_pass").c_str(), pass,
                                    ImGuiInputTextFlags_Password | ImGuiInputTextFlags_EnterReturnsTrue);
    note_widget(e, "lock.pass");
    ImGui::SameLine();
    ImGui::BeginDisabled(busy || pass.empty());
    const bool go = ImGui::Button(label(l, "protect.unlock", "lock_unlock").c_str());
    ImGui::EndDisabled();
    note_widget(e, "lock.unlock");
    if ((go || enter) && !busy && !pass.empty()) {
        ask(e, Outbox::Protect::Kind::Unlock, pass);
        pass.assign(pass.size(), '\0');  // overwrite the typed text before letting it go
        pass.clear();
    }
    if (busy) ImGui::TextDisabled("%s", T(l, "protect.unlocking"));
    if (e.protect && !e.protect->error.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.85f, 0.2f, 0.1f, 1));
        ImGui::TextWrapped("%s", e.protect->error.c_str());
        ImGui::PopStyleColor();
        note_widget(e, "lock.error");
    }
    ImGui::Spacing();
    ImGui::Separator();
    ImGui::TextWrapped("%s", T(l, "protect.forgot"));
    draw_wipe(e, wipe_text, "lock.wipe_text", "lock.wipe");
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
    ImGui::End();
}

void ProtectSettings::draw(const ViewEnv& e) {
    Lang l = e.lang;
    const ProtectStatus ps = e.protect ? *e.protect : ProtectStatus{};
    ImGui::Spacing();
    ImGui::TextUnformatted(T(l, "protect.title"));
    ImGui::Separator();
    if (ps.on)
        ImGui::TextWrapped("%s", trf("protect.status_on", l, {kSealedCipher, kSealedKdf, thousands(ps.iterations)}).c_str());
    else
        ImGui::TextWrapped("%s", T(l, "protect.status_off"));
    note_widget(e, "protect.status");
    ImGui::SetNextItemWidth(240);
    ui::input_string(label(l, ps.on ? "protect.new_passphrase" : "protect.passphrase", "protect_pass").c_str(), pass,
                 ImGuiInputTextFlags_Password);
    note_widget(e, "protect.pass");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(240);
    ui::input_string(label(l, "protect.repeat", "protect_pass2").c_str(), pass2, ImGuiInputTextFlags_Password);
    note_widget(e, "protect.pass2");
    ImGui::BeginDisabled(ps.busy);
    if (ImGui::Button(label(l, ps.on ? "protect.change" : "protect.set", "protect_set").c_str())) {
        if (pass.size() < kMinPassphrase) note = trf("protect.too_short", l, {std::to_string(kMinPassphrase)});
        else if (pass != pass2) note = tr("protect.mismatch", l);
        else {
            note.clear();
            ask(e, Outbox::Protect::Kind::SetPassphrase, pass);
            pass.clear();
            pass2.clear();
        }
    }
    note_widget(e, "protect.set");
    if (ps.on) {
        ImGui::SameLine();
        if (ImGui::Button(label(l, "protect.remove", "protect_remove").c_str())) ask(e, Outbox::Protect::Kind::RemovePassphrase);
        note_widget(e, "protect.remove");
        ImGui::SameLine();
        if (ImGui::Button(label(l, "protect.lock_now", "protect_lock").c_str())) ask(e, Outbox::Protect::Kind::Lock);
        note_widget(e, "protect.lock");
    }
    ImGui::EndDisabled();
    if (ps.busy) ImGui::TextDisabled("%s", T(l, "protect.working"));
    if (!note.empty() || !ps.error.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.85f, 0.2f, 0.1f, 1));
        ImGui::TextWrapped("%s", (note.empty() ? ps.error : note).c_str());
        ImGui::PopStyleColor();
    }
    ImGui::TextWrapped("%s", T(l, "protect.no_recovery"));
    // Auto-lock.
    const int choices[] = {0, 5, 15, 30, 60};
    auto minutes_label = [&](int m) { return m == 0 ? std::string(T(l, "protect.idle_never")) : trf("protect.idle_minutes", l, {std::to_string(m)}); };
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(T(l, "protect.idle"));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(160);
    if (ImGui::BeginCombo("###protect_idle", minutes_label(ps.idle_minutes).c_str())) {
        for (int m : choices)
            if (ImGui::Selectable(minutes_label(m).c_str(), m == ps.idle_minutes)) ask(e, Outbox::Protect::Kind::IdleMinutes, {}, m);
        ImGui::EndCombo();
    }
    note_widget(e, "protect.idle");
    ImGui::Spacing();
    draw_wipe(e, wipe_text, "protect.wipe_text", "protect.wipe");
}

}  // namespace yt::app
