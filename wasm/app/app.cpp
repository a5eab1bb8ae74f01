// app.cpp — startup, the frame's layout (toolbar, banner, tabs), autosave and the test hook.
#include "app/app.hpp"
#include "app/steps_within.hpp"
#include "app/ui_messages.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <set>
#include <sstream>
#include <utility>

#include "core/model/json.hpp"
#include "core/edit/history.hpp"
#include "core/io/importer.hpp"
#include "core/io/mask.hpp"
#include "core/tiering/segments.hpp"
#include "core/plan/assess_groups.hpp"
#include "core/plan/demo.hpp"
#include "core/roles/scripts_csv.hpp"
#include "core/persist/persist.hpp"

namespace yt::app {

const char* tab_id(Tab t) {
    static const char* ids[] = {"dashboard", "tiers", "personas", "calendar", "roi", "settings"};
    int i = static_cast<int>(t);
    return i >= 0 && i < static_cast<int>(Tab::Count) ? ids[i] : "";
}

App::App(Platform& p) : p_(p) { register_ui_messages(); }

void App::start() {
    LoadOutcome got = autosave_.load();
    vault_.start(got);
    if (vault_.locked()) {
        // Sealed: nothing of the workspace or the orders is read until the passphrase is given.
        ws_ = Workspace{};
        ws_.settings.language = vault_.language().empty() ? p_.preferred_language() : vault_.language();
        history_.reset();
        saved_version_ = history_.version();
        return;
    }
    if (got.storage_error) {
        banner_ = trf("storage.unavailable", Lang::Zh, {describe(*got.storage_error, Lang::Zh)});
    }
    if (got.workspace) {
        ws_ = std::move(*got.workspace);
    } else {
        ws_ = demo_workspace(kDemoToday);
    }
    Lang l = lang();
    if (got.newer_version) banner_ = tr("storage.blocked_newer", l);
    else if (got.workspace && !got.problems.empty())
        banner_ = trf("storage.recovered", l, {std::to_string(got.slot + 1), describe(got.problems.front().error, l)});
    else if (!got.problems.empty())
        banner_ = describe(got.problems.front().error, l);
    if (got.storage_error) banner_ = trf("storage.unavailable", l, {describe(*got.storage_error, l)});
    history_.reset();
    saved_version_ = got.workspace ? history_.version() : 0;  // a fresh demo is saved on the first frame
    dataset_.load();
    p_.request_storage_info(true);
}

// Everything of the session goes: the workspace, its history, the orders and every view's state.
void App::reset_session() {
    ws_ = Workspace{};
    history_.reset();
    derived_ = Derived{};
    first_assess_ = FirstAssess::None;
    dashboard_ = DashboardView{};
    dataset_.reset();
    tiers_ = TiersView{};
    personas_ = PersonasView{};
    calendar_ = CalendarView{};
    roi_ = RoiView{};
    settings_ = SettingsView{};
    lock_view_ = LockView{};
    banner_.clear();
    banner_is_save_failure_ = false;
    other_tab_saved_ = false;
    lock_requested_ = false;
    show_help_ = false;
    saved_version_ = 0;
}

void App::handle_vault(std::vector<Vault::Outcome>& outcomes) {
    using O = Vault::Outcome::Kind;
    for (auto& o : outcomes) {
        Lang l = lang();
        switch (o.kind) {
            case O::Unlocked: {
                auto got = load_workspace_json(o.data);
                if (!got) {
                    protect_.error = describe(got.error(), l);
                    break;
                }
                ws_ = std::move(*got);
                history_.reset();
                saved_version_ = 0;  // store it again at once: both slots under the current key
                protect_.error.clear();
                lock_view_ = LockView{};
                dataset_.load();
                p_.request_storage_info(true);
                break;
            }
            case O::UnlockFailed: protect_.error = describe(o.error, l); break;
            case O::Saved:
                p_.announce_saved(autosave_.seq());
                if (banner_is_save_failure_) {
                    banner_.clear();
                    banner_is_save_failure_ = false;
                }
                break;
            case O::SaveFailed:
                banner_ = trf("storage.failed", l, {describe(o.error, l)});
                banner_is_save_failure_ = true;
                break;
            case O::Orders: dataset_.restore(std::move(o.data)); break;
            case O::OrdersFailed: dataset_.restore_failed(describe(o.error, l)); break;
            case O::Changed:
                protect_.error.clear();
                vault_.remember_language(ws_.settings.language);
                banner_ = tr(vault_.on() ? "protect.now_on" : "protect.now_off", l);
                p_.request_storage_info(false);
                break;
            case O::ChangeFailed:
                protect_.error = describe(o.error, l);
                banner_ = trf("protect.change_failed", l, {protect_.error});
                break;
        }
    }
}

void App::handle_protect_requests() {
    using K = Outbox::Protect::Kind;
    std::vector<Outbox::Protect> reqs;
    reqs.swap(outbox_.protect);
    for (auto& r : reqs) {
        switch (r.kind) {
            case K::Unlock: protect_.error.clear(); vault_.unlock(r.text); break;
            case K::SetPassphrase:
            case K::RemovePassphrase:
                protect_.error.clear();
                vault_.change(r.kind == K::SetPassphrase ? r.text : std::string(), save_workspace_json(ws_),
                              !(ws_.dataset.name.empty() || ws_.dataset.name == "demo"));
                break;
            case K::Lock: lock(); break;
            case K::Wipe:
                dataset_.reset();  // nothing waiting to be stored may land after the wipe
                p_.wipe_storage();
                break;
            case K::IdleMinutes: vault_.set_idle_minutes(r.minutes); break;
        }
    }
}

void App::handle_events() {
    using K = PlatformEvent::Kind;
    Lang l = lang();
    std::vector<Vault::Outcome> outcomes;
    for (PlatformEvent& ev : p_.take_events()) {
        if (vault_.handle(ev, outcomes)) continue;
        const bool orders = ev.key.rfind("orders", 0) == 0;
        switch (ev.kind) {
            case K::File:
                if (!vault_.locked()) handle_file(ev.key, ev.name, std::move(ev.data));
                break;
            case K::BlobLoaded:
                if (orders && !vault_.locked()) dataset_.restore(std::move(ev.data));
                break;
            case K::BlobMissing:
                if (orders && !vault_.locked()) dataset_.restore_failed(trf("storage.orders_missing", l, {ws_.dataset.name}));
                break;
            case K::BlobSaved: p_.request_storage_info(false); break;
            case K::BlobFailed:
                banner_ = trf("storage.blob_failed", l, {describe(Error(ev.error), l)});
                break;
            case K::StorageEstimate:
                storage_info_ = {true, ev.used, ev.quota, ev.persisted};
                break;
            case K::OtherTab:
                if (!other_tab_saved_ && !vault_.locked()) banner_ = tr("tabs.other_open", l);
                break;
            case K::OtherTabSaved:
                other_tab_saved_ = true;  // stop autosaving until the user decides
                banner_.clear();
                break;
            case K::Wiped: {
                std::string what;
                std::size_t items = 0;
                for (std::size_t a = 0, b; a < ev.data.size(); a = b + 1) {
                    b = ev.data.find('\n', a);
                    if (b == std::string::npos) b = ev.data.size();
                    if (b == a) continue;
                    what += (what.empty() ? "" : "、") + ev.data.substr(a, b - a);
                    ++items;
                }
                reset_session();
                start();
                saved_version_ = history_.version();  // nothing is stored again until the user changes something
                banner_ = trf("protect.wiped", lang(), {std::to_string(items), what.empty() ? tr("protect.wiped_nothing", lang()) : what});
                break;
            }
            case K::IdleLock:
                if (vault_.on() && !vault_.locked()) lock_requested_ = true;
                break;
            default: break;
        }
    }
    vault_.drain(outcomes);
    handle_vault(outcomes);
}

void App::handle_file(const std::string& purpose, const std::string& name, std::string data) {
    auto ends_with = [&](const char* suffix) {
        std::string n = name, s = suffix;
        return n.size() >= s.size() && n.compare(n.size() - s.size(), s.size(), s) == 0;
    };
    // A workspace file is recognised by what was asked for, or (dropped) by its name or content.
    std::size_t first = data.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
    bool looks_json = first != std::string::npos && data[first] == '{' && data.find("\"yutang") != std::string::npos;
    if (purpose == "workspace" || (purpose.empty() && (ends_with(".yutang.json") || (ends_with(".json") && looks_json)))) {
        open_workspace_file(name, data);
        return;
    }
    if (purpose == "group_stats") {  // Personas → 群健康: kept for the session, the workspace does not change
        select_tab(Tab::Personas);
        auto stats = read_group_stats(data, name);
        if (!stats) {
            derived_.group_stats_error = describe(stats.error(), lang());
            banner_ = trf("ui.groups.refused", lang(), {name, derived_.group_stats_error});
            return;
        }
        derived_.group_stats_error.clear();
        derived_.group_stats_name = name;
        derived_.group_stats = std::make_shared<const GroupStatsFile>(std::move(*stats));
        banner_ = trf("ui.groups.imported", lang(), {name, std::to_string(assess_group_health(ws_, *derived_.group_stats).size())});
        return;
    }
    if (purpose == "plan") {  // a colleague's plan: compared in Settings, nothing changes yet
        select_tab(Tab::Settings);
        Status st = settings_.open_plan(ws_, name, data);
        if (!st) banner_ = trf("files.plan_bad", lang(), {name, describe(st.error(), lang())});
        return;
    }
    if (purpose == "scripts") {  // an SCRM quick-reply sheet into the script library: one undo step
        select_tab(Tab::Personas);
        import_scripts_file(name, data);
        return;
    }
    select_tab(Tab::Tiers);
    dataset_.open_import(name, std::make_shared<const std::string>(std::move(data)));
}

void App::import_scripts_file(const std::string& name, const std::string& data) {
    const Lang l = lang();
    auto got = import_scripts_csv(data, ws_.roles, script_import_persona(personas_, ws_));
    if (!got) {
        banner_ = trf("files.scripts_bad", l, {name, describe(got.error(), l)});
        return;
    }
    history_.seal();
    Status st = history_.submit(set_value("roles.scripts", got->scripts, "cmd.import_scripts"));
    history_.seal();
    banner_ = st ? trf("files.scripts_imported", l, {name, std::to_string(got->added), std::to_string(got->updated), got->encoding})
                 : describe(st.error(), l);
}

void App::open_workspace_file(const std::string& name, const std::string& text) {
    Lang l = lang();
    bool edited_outside = false;  // a hand-edited file opens (with a notice) if it still reads
    auto got = load_workspace_json(text, &edited_outside);  // checks the envelope, migrates older schemas
    if (!got) {
        banner_ = trf("files.workspace_bad", l, {name, describe(got.error(), l)});
        return;
    }
    history_.seal();
    Status st = history_.submit(set_value("", *got, "cmd.open_workspace"));
    history_.seal();
    if (!st) banner_ = describe(st.error(), l);
    else banner_ = trf(edited_outside ? "files.workspace_opened_edited" : "files.workspace_opened", lang(), {name});
}

namespace {
// Rows in an export, for the confirmation: CSV lines after the header, calendar events; -1 when
// the format has no rows to count.
long long export_rows(const PendingDownload& d) {
    auto count = [&](const char* what) {
        long long n = 0;
        for (std::size_t at = d.data.find(what); at != std::string::npos; at = d.data.find(what, at + 1)) ++n;
        return n;
    };
    if (d.mime.rfind("text/csv", 0) == 0) return std::max(0LL, count("\n") - 1);
    if (d.mime.rfind("text/calendar", 0) == 0) return count("BEGIN:VEVENT");
    return -1;
}
}  // namespace

void App::drain_outbox() {
    Lang l = lang();
    for (auto& d : outbox_.downloads) {
        if (d.show) {  // the printable plan: a page in a new tab
            Result<std::string> where = p_.open_html(d.filename, d.data);
            banner_ = where ? trf("ui.dash.printed", l, {*where}) : describe(where.error(), l);
            continue;
        }
        Status st = p_.download(d.filename, d.mime, d.data);
        if (!st) {
            banner_ = describe(st.error(), l);
            continue;
        }
        // Every export says what it did: the file, its rows, and what it holds.
        const long long rows = export_rows(d);
        banner_ = rows >= 0 ? trf("export.done_rows", l, {d.filename, thousands(rows)}) : trf("export.done", l, {d.filename});
        if (!d.note.empty()) banner_ += " " + d.note;
    }
    for (auto& k : outbox_.picks) p_.pick_file(k.purpose, k.accept);
    outbox_.downloads.clear();
    outbox_.picks.clear();
}

void App::after_change() {
    if (vault_.locked()) return;
    // Undo or redo of an import (or opening another workspace): the orders follow the dataset.
    if (!busy()) dataset_.follow();
    refresh_figures();
    if (lock_requested_ && !vault_.busy() && !busy() && (saved_version_ == history_.version() || other_tab_saved_)) {
        // Everything is stored: forget the key and every customer-related value, then show the
        // lock screen as after a reload.
        vault_.lock();
        reset_session();
        start();
        return;
    }
    if (saved_version_ == history_.version() || autosave_.blocked() || other_tab_saved_ || vault_.busy()) return;
    const bool sealed = vault_.on();
    if (sealed) vault_.remember_language(ws_.settings.language);  // the lock screen speaks it
    Status st = vault_.save(save_workspace_json(ws_));  // sealed: stored when the Saved outcome arrives
    saved_version_ = history_.version();
    if (st && !sealed) p_.announce_saved(autosave_.seq());
    if (!st) {
        banner_ = trf("storage.failed", lang(), {describe(st.error(), lang())});
        banner_is_save_failure_ = true;
    } else if (banner_is_save_failure_ && !sealed) {
        banner_.clear();
        banner_is_save_failure_ = false;
    }
}

std::string App::file_button_at(float x, float y) const {
    for (const auto& [name, r] : widgets_) {
        if (name.rfind("file:", 0) != 0) continue;
        if (x >= r[0] && y >= r[1] && x < r[0] + r[2] && y < r[1] + r[3]) {
            std::string purpose = name.substr(5);
            return purpose + "\t" + file_accept(purpose);
        }
    }
    return "";
}

void App::offer_workspace_download(WorkspaceExport kind) {
    std::string base = ws_.name.empty() ? std::string("workspace") : ws_.name;
    for (char& c : base)
        if (c == '/' || c == '\\' || c == ':' || c == '*' || c == '?' || c == '"' || c == '<' || c == '>' || c == '|') c = '_';
    Lang l = lang();
    // The plan holds no orders; KOCs are customers, so their nicknames and ids are customer data.
    const std::size_t kocs = ws_.roles.kocs.size();
    if (kind == WorkspaceExport::Masked && kocs > 0) {
        Workspace copy = ws_;
        for (Koc& k : copy.roles.kocs) {
            k.name = mask_name(k.name);
            k.customer = mask_customer_id(k.customer);
        }
        outbox_.downloads.push_back({base + "-masked.yutang.json", "application/json", save_workspace_json(copy),
                                     trf("export.ws_masked", l, {std::to_string(kocs)})});
        return;
    }
    outbox_.downloads.push_back({base + ".yutang.json", "application/json", save_workspace_json(ws_),
                                 kocs > 0 ? trf("export.ws_full", l, {std::to_string(kocs)}) : tr("export.ws_no_customers", l)});
}

// The toolbar's export: says what the file holds and, when the plan names KOCs (customers), asks
// whether their nicknames and ids go out masked or in full.
void App::draw_workspace_export() {
    Lang l = lang();
    if (!ImGui::BeginPopup("###export_ws_popup")) return;
    ViewEnv env{ws_, derived_, history_, l, widgets_};
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30);
    ImGui::TextWrapped("%s", T(l, "export.ws_explain"));
    const std::size_t kocs = ws_.roles.kocs.size();
    if (kocs > 0) {
        ImGui::TextWrapped("%s", trf("export.ws_kocs", l, {std::to_string(kocs)}).c_str());
        if (ImGui::Button(label(l, "export.ws_go_masked", "export_ws_masked").c_str())) {
            offer_workspace_download(WorkspaceExport::Masked);
            ImGui::CloseCurrentPopup();
        }
        note_widget(env, "export_ws.masked");
        ImGui::SameLine();
    }
    if (ImGui::Button(label(l, kocs > 0 ? "export.ws_go_full" : "export.ws_go", "export_ws_full").c_str())) {
        offer_workspace_download(WorkspaceExport::Full);
        ImGui::CloseCurrentPopup();
    }
    note_widget(env, "export_ws.full");
    ImGui::PopTextWrapPos();
    ImGui::EndPopup();
}

void App::apply_theme() {
    if (applied_theme_ == ws_.settings.theme) return;
    applied_theme_ = ws_.settings.theme;
    if (applied_theme_ == "dark") ImGui::StyleColorsDark();
    else ImGui::StyleColorsLight();
}

void App::apply_density() {
    // Phones and tablets: touch targets about 40 CSS px high, a little more room between them,
    // and touches that land just beside a widget still count.
    const int narrow = narrow_screen() || p_.touch_screen() ? 1 : 0;
    if (narrow == applied_density_) return;
    applied_density_ = narrow;
    ImGuiStyle& st = ImGui::GetStyle();
    st.FramePadding = narrow ? ImVec2(8, 12) : ImVec2(4, 3);
    st.ItemSpacing = narrow ? ImVec2(8, 8) : ImVec2(8, 4);
    st.TouchExtraPadding = narrow ? ImVec2(2, 2) : ImVec2(0, 0);
    st.ScrollbarSize = narrow ? 18.0f : 14.0f;
    st.GrabMinSize = narrow ? 20.0f : 10.0f;
}

void App::draw_other_tab_choice() {
    if (!other_tab_saved_) return;
    Lang l = lang();
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.85f, 0.35f, 0.0f, 1));
    ImGui::TextWrapped("%s", T(l, "tabs.other_saved"));
    ImGui::PopStyleColor();
    if (ImGui::Button(label(l, "tabs.load_theirs", "tabs.load_theirs").c_str())) {
        LoadOutcome got = autosave_.load();
        if (got.workspace) {
            history_.seal();
            (void)history_.submit(set_value("", *got.workspace, "cmd.open_workspace"));
            history_.seal();
            saved_version_ = history_.version();  // what is stored is what is shown
        }
        other_tab_saved_ = false;
    }
    note_widget(ViewEnv{ws_, derived_, history_, l, widgets_}, "tabs.load_theirs");
    ImGui::SameLine();
    if (ImGui::Button(label(l, "tabs.keep_mine", "tabs.keep_mine").c_str())) {
        (void)autosave_.load();  // catch up with the other tab's save counter, then save over it
        other_tab_saved_ = false;
        saved_version_ = 0;
    }
    note_widget(ViewEnv{ws_, derived_, history_, l, widgets_}, "tabs.keep_mine");
    ImGui::SameLine();
    if (ImGui::Button(label(l, "files.export_workspace", "tabs.export").c_str())) offer_workspace_download(WorkspaceExport::Full);
}

void App::draw_help() {
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false)) show_help_ = false;
    if (!show_help_) return;
    Lang l = lang();
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + vp->WorkSize.x * 0.5f, vp->WorkPos.y + vp->WorkSize.y * 0.5f),
                            ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(std::min(760.0f, vp->WorkSize.x - 40), std::min(560.0f, vp->WorkSize.y - 40)));
    bool open = true;
    if (ImGui::Begin(label(l, "help.title", "help").c_str(), &open, ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings)) {
        for (const char* k : {"help.intro", "help.dashboard", "help.tiers", "help.personas", "help.calendar", "help.roi",
                              "help.settings", "help.files", "help.keys", "help.privacy"}) {
            ImGui::TextWrapped("%s", T(l, k));
            ImGui::Spacing();
        }
    }
    ImGui::End();
    if (!open) show_help_ = false;
}

std::string App::dispatch(const std::string& command_json) {
    if (vault_.locked()) return tr("protect.locked", lang());
    auto edit = edit_from_json(command_json);
    if (!edit) return describe(edit.error(), lang());
    history_.seal();
    Status st = history_.submit(std::move(edit.value()));
    history_.seal();
    if (!st) return describe(st.error(), lang());
    after_change();
    return "";
}

std::string App::status_json() const {
    std::ostringstream o;
    o << "{\"customers\":" << (derived_.orders ? derived_.orders->customers() : 0)
      << ",\"orders\":" << (derived_.orders ? derived_.orders->orders() : 0) << ",\"busy\":" << (busy() ? "true" : "false")
      << ",\"orders_pending\":" << (dataset_.pending() ? "true" : "false") << ",\"frame\":" << frames_ << ",\"progress\":";
    if (dataset_.import().stage == OrderImport::Stage::Running) o << dataset_.import().progress;
    else o << "null";
    o << "}";
    return o.str();
}

std::string App::state_json() const {
    const ProtectStatus& ps = vault_.status();
    std::ostringstream pj;
    pj << ",\"protect\":{\"on\":" << (ps.on ? "true" : "false") << ",\"locked\":" << (ps.locked ? "true" : "false")
       << ",\"busy\":" << (ps.busy ? "true" : "false") << ",\"iterations\":" << ps.iterations
       << ",\"idle_minutes\":" << ps.idle_minutes << ",\"error\":" << json_quote(protect_.error) << "}";
    auto widgets_json = [&](std::ostringstream& o) {
        o << ",\"widgets\":{";
        bool first = true;
        for (const auto& [name, r] : widgets_) {
            o << (first ? "" : ",") << json_quote(name) << ":[" << r[0] << "," << r[1] << "," << r[2] << "," << r[3] << "]";
            first = false;
        }
        // The layout as drawn: what each widget shows of itself, and which ones cut their text.
        o << "},\"layout\":{\"visible\":{";
        first = true;
        for (const auto& [name, r] : widgets_) {
            if (r.visible[2] <= 0 || r.visible[3] <= 0) continue;
            o << (first ? "" : ",") << json_quote(name) << ":[" << r.visible[0] << "," << r.visible[1] << ","
              << r.visible[2] << "," << r.visible[3] << "]";
            first = false;
        }
        o << "},\"cut\":[";
        first = true;
        for (const auto& [name, r] : widgets_) {
            if (!r.cut) continue;
            o << (first ? "" : ",") << json_quote(name);
            first = false;
        }
        const WheelTarget wt = wheel_target();
        o << "]},\"wheel\":{\"hovered\":" << json_quote(wt.hovered) << ",\"locked\":" << json_quote(wt.locked)
          << ",\"scroll\":[" << wt.scroll << "," << wt.scroll_max << "],\"ctrl\":" << (wt.ctrl ? "true" : "false")
          << ",\"shift\":" << (wt.shift ? "true" : "false") << "}}";
    };
    if (vault_.locked()) {
        // Locked: nothing of the workspace or the orders (there is none in memory).
        std::ostringstream o;
        o << "{\"workspace\":null,\"locked\":true,\"frame\":" << frames_ << ",\"language\":\"" << lang_code(lang())
          << "\",\"saved_seq\":" << autosave_.seq() << ",\"customers\":0,\"banner\":" << json_quote(banner_) << pj.str();
        widgets_json(o);
        return o.str();
    }
    std::string ws = save_workspace_json(ws_);
    while (!ws.empty() && (ws.back() == '\n')) ws.pop_back();
    char revenue[32];
    std::snprintf(revenue, sizeof revenue, "%.2f", derived_.revenue);
    std::ostringstream o;
    o << "{\"workspace\":" << ws << ",\"frame\":" << frames_ << ",\"tab\":\"" << tab_id(tab_) << "\""
      << ",\"language\":\"" << lang_code(lang()) << "\",\"version\":" << history_.version()
      << ",\"saved_seq\":" << autosave_.seq() << ",\"can_undo\":" << (history_.can_undo() ? "true" : "false")
      << ",\"can_redo\":" << (history_.can_redo() ? "true" : "false")
      << ",\"customers\":" << (derived_.orders ? derived_.orders->customers() : 0)
      << ",\"orders\":" << (derived_.orders ? derived_.orders->orders() : 0) << ",\"revenue\":" << revenue
      << ",\"excluded_rows\":" << derived_.import_report.rows_excluded << ",\"import_notices\":[";
    {
        bool first_notice = true;
        for (const Error& n : import_notices(derived_.import_report)) {
            o << (first_notice ? "" : ",") << json_quote(trf(n.code, lang(), n.args));
            first_notice = false;
        }
    }
    o << "]";
    // The plan's headline figures (the Assessment the tabs draw): what an import changes.
    {
        const Derived& d = derived_;
        o << ",\"plan\":{\"today\":" << json_quote(format_day(d.today)) << ",\"today_source\":" << json_quote(d.today_source)
          << ",\"errors\":" << d.errors << ",\"warnings\":" << d.warnings << ",\"infos\":" << d.infos
          << ",\"owners\":" << d.order_facts.owners.size() << ",\"products\":" << d.order_facts.products.size()
          << ",\"segments\":{";
        if (d.tiers.tiers)
            for (int k = 0; k < kSegments; ++k)
                o << (k ? "," : "") << json_quote(segment_key(k)) << ":" << d.tiers.tiers->segments.counts[k];
        o << "},\"audiences\":{";  // saved audiences: members (the count the Tiers tab shows) or the error code
        for (std::size_t k = 0; k < d.audiences.list.size(); ++k) {
            const AudienceFigure& f = d.audiences.list[k];
            o << (k ? "," : "") << json_quote(f.id) << ":{\"count\":" << f.count << ",\"error\":"
              << json_quote(f.error ? f.error->code : std::string()) << "}";
        }
        o << "},\"account_revenue\":{";
        bool first = true;
        for (const auto& kv : d.accounts) {
            o << (first ? "" : ",") << json_quote(kv.first) << ":" << kv.second.value.revenue;
            first = false;
        }
        const Calibration& c = d.economics.calibration;
        o << "},\"measured_aov\":" << (c.has_aov ? c.aov : 0.0) << ",\"touch_tiers\":" << d.calendar.tiers.size()
          << ",\"ltv\":" << (d.economics.funnel ? d.economics.funnel->summary.ltv : 0.0) << ",\"finding_rules\":[";
        std::set<std::string> rules;
        for (const Finding& f : d.findings) rules.insert(f.rule);
        first = true;
        for (const std::string& r : rules) {
            o << (first ? "" : ",") << json_quote(r);
            first = false;
        }
        o << "]";
        // Journeys: entrants and messages a day each, and each operator's journey messages.
        o << ",\"journeys\":{";
        first = true;
        for (const JourneyFigure& f : d.journeys.journeys) {
            o << (first ? "" : ",") << json_quote(f.id) << ":{\"inflow\":" << f.inflow_per_day << ",\"messages\":" << f.messages_per_day
              << ",\"peak_week\":" << f.shape.peak_week << "}";
            first = false;
        }
        o << "},\"operators\":{";
        first = true;
        for (const OperatorLoad& op : d.roles.workload.operators) {
            o << (first ? "" : ",") << json_quote(op.id) << ":{\"hours\":" << op.hours_needed << ",\"chats\":" << op.chats_per_day
              << ",\"journey\":" << op.journey_per_day << "}";
            first = false;
        }
        o << "}}";
    }
    // Group health of the imported group statistics (session only).
    o << ",\"group_health\":{\"file\":" << json_quote(derived_.group_stats_name)
      << ",\"error\":" << json_quote(derived_.group_stats_error) << ",\"groups\":[";
    if (derived_.group_stats) {
        bool first = true;
        for (const GroupHealth& g : assess_group_health(ws_, *derived_.group_stats)) {
            auto num = [](double v) { return std::isnan(v) ? std::string("null") : std::to_string(v); };
            o << (first ? "" : ",") << "{\"name\":" << json_quote(g.name) << ",\"members\":" << g.members
              << ",\"growth\":" << num(g.growth) << ",\"churn\":" << num(g.churn) << ",\"speaking_ratio\":"
              << num(g.speaking_ratio) << ",\"msgs_per_member\":" << num(g.msgs_per_member)
              << ",\"msgs_per_member_day\":" << num(g.msgs_per_member_day) << ",\"zombie\":" << (g.zombie ? "true" : "false")
              << ",\"plan_id\":" << json_quote(g.plan_id) << ",\"deal_without_lead\":" << (g.deal_without_lead ? "true" : "false") << "}";
            first = false;
        }
    }
    o << "]}";
    o << ",\"banner\":" << json_quote(banner_) << ",\"help\":" << (show_help_ ? "true" : "false")
      << ",\"other_tab_saved\":" << (other_tab_saved_ ? "true" : "false") << ",\"busy\":" << (busy() ? "true" : "false")
      << ",\"orders_pending\":" << (dataset_.pending() ? "true" : "false")
      << ",\"orders_error\":" << json_quote(derived_.orders_error)
      << ",\"storage\":{\"known\":" << (storage_info_.known ? "true" : "false") << ",\"used\":" << storage_info_.used
      << ",\"quota\":" << storage_info_.quota << ",\"persisted\":" << (storage_info_.persisted ? "true" : "false") << "}"
      << ",\"locked\":false" << pj.str();
    widgets_json(o);
    return o.str();
}

void App::draw_toolbar() {
    Lang l = lang();
    ViewEnv env{ws_, derived_, history_, l, widgets_, &outbox_, &storage_info_};
    // The items flow: each goes on the line if it fits, else starts the next one (phones).
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(T(l, "app.title"));
    note_widget(env, "app.title");
    // Which plan this is: the demo (a made-up brand) or the user's own, and a pinned date.
    std::string which = "|  " + ws_.name;
    if (ws_.dataset.name == "demo") which += std::string(" · ") + T(l, "ui.toolbar.demo");
    if (ws_.settings.today > 0) which += " · " + trf("ui.toolbar.pinned", l, {format_day(ws_.settings.today)});
    flow_line(ImGui::CalcTextSize(which.c_str()).x);
    ImGui::AlignTextToFramePadding();
    ImGui::TextDisabled("%s", which.c_str());
    note_widget(env, "ws_which");
    flow_line(button_width(T(l, "ui.open_workspace")));
    file_button(env, T(l, "ui.open_workspace"), "workspace");
    flow_line(button_width(T(l, "files.export_workspace")));
    if (ImGui::Button(label(l, "files.export_workspace", "export_ws").c_str())) ImGui::OpenPopup("###export_ws_popup");
    note_widget(env, "export_ws");
    draw_workspace_export();
    flow_line(button_width(T(l, "help.button")));
    if (ImGui::Button(label(l, "help.button", "help_button").c_str())) show_help_ = !show_help_;
    note_widget(env, "help_button");
    if (vault_.on()) {
        flow_line(button_width(T(l, "protect.lock_now")));
        if (ImGui::Button(label(l, "protect.lock_now", "lock_now").c_str())) lock_requested_ = true;
        note_widget(env, "lock_now");
    }
    // Undo, redo, the language switch and the save state, right-aligned when they fit.
    const std::string saved = autosave_.seq() > 0 ? trf("ui.saved", l, {std::to_string(autosave_.seq())}) : T(l, "ui.not_saved");
    const char* lang_text = l == Lang::Zh ? "EN" : "中文";
    const float sp = ImGui::GetStyle().ItemSpacing.x;
    const float right_w = button_width(T(l, "ui.undo")) + button_width(T(l, "ui.redo")) +
                          ImGui::CalcTextSize(lang_text).x + 2 * ImGui::GetStyle().FramePadding.x +
                          ImGui::CalcTextSize(saved.c_str()).x + 3 * sp;
    const float line_end = ImGui::GetWindowContentRegionMax().x;
    if (ImGui::GetItemRectMax().x - ImGui::GetWindowPos().x + sp + right_w <= line_end)
        ImGui::SameLine(std::max(line_end - right_w, ImGui::GetItemRectMax().x - ImGui::GetWindowPos().x + sp));
    ImGui::BeginDisabled(!history_.can_undo());
    // The tooltip names what the button would undo or redo ("撤销：修改平台规则").
    auto what = [&](const std::string& cmd_label, const char* key) {
        if (cmd_label.empty() || !ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) return;
        ImGui::SetTooltip("%s", trf(key, l, {has_tr(cmd_label) ? std::string(tr(cmd_label, l)) : cmd_label}).c_str());
    };
    if (ImGui::Button(label(l, "ui.undo", "undo").c_str())) history_.undo();
    note_widget(env, "undo");
    what(history_.undo_label(), "ui.undo_what");
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::BeginDisabled(!history_.can_redo());
    if (ImGui::Button(label(l, "ui.redo", "redo").c_str())) history_.redo();
    note_widget(env, "redo");
    what(history_.redo_label(), "ui.redo_what");
    ImGui::EndDisabled();
    ImGui::SameLine();
    bool switch_lang = ImGui::Button((std::string(lang_text) + "###langswitch").c_str());
    note_widget(env, "langswitch");
    if (switch_lang)
        dispatch(l == Lang::Zh ? R"({"type":"set_language","value":"en"})" : R"({"type":"set_language","value":"zh"})");
    flow_line(ImGui::CalcTextSize(saved.c_str()).x);
    ImGui::AlignTextToFramePadding();
    ImGui::TextDisabled("%s", saved.c_str());
    note_widget(env, "saved");
    if (!banner_.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.85f, 0.2f, 0.1f, 1));
        ImGui::TextWrapped("%s", banner_.c_str());
        ImGui::PopStyleColor();
        if (banner_is_save_failure_ || autosave_.blocked()) {
            // Work that cannot be stored stays in memory; a file keeps it safe.
            ImGui::SameLine();
            if (ImGui::SmallButton(label(l, "files.save_copy", "banner_download").c_str())) offer_workspace_download(WorkspaceExport::Full);
            note_widget(ViewEnv{ws_, derived_, history_, l, widgets_}, "banner_download");
        }
        ImGui::SameLine();
        if (ImGui::SmallButton("x###banner_close")) banner_.clear();
    }
    draw_other_tab_choice();
}

void App::before_frame() { hand_wheel_outward(); }

bool App::work_between_frames(bool step) {
    if (vault_.locked()) return false;
    using F = FirstAssess;
    if (first_assess_ != F::None) {  // the first assess of newly used orders, in parts
        // Parts of one kind while the frame's aim has room for another as long as the last: a
        // part a frame left frames of 3-8 ms, each waiting for the display's next frame (the ten
        // parts of a million customers took ~170 ms that way).
        const F kind = first_assess_;
        steps_within(dataset_.step_target_ms, [&] {
            first_assess_part();
            return first_assess_ == kind;
        });
        worked_ = true;
        return true;
    }
    const bool use = dataset_.finished();  // the finished import, then its first assess (above)
    if (!use && !(step && dataset_.importing())) return false;
    dataset_.step();
    if (use) first_assess_ = F::Journeys;
    worked_ = true;
    return true;
}

// One part of the first assess; the next kind once this one's parts are done.
void App::first_assess_part() {
    using F = FirstAssess;
    const OrderTable* orders = derived_.orders ? &*derived_.orders : nullptr;
    bool more = false;  // the part stays for the next call
    switch (first_assess_) {
        case F::Journeys:  // a quarter of a million customers a part, as the calibration
            more = prepare_journey_triggers_part(orders, derived_.tiers, derived_.journeys, kCustomersPart);
            break;
        case F::Calibration:
            more = prepare_calibration_part(derived_.order_facts, derived_.tiers, derived_.economics, kCustomersPart);
            break;
        case F::List: {
            ViewEnv env{ws_, derived_, history_, lang(), widgets_};
            tiers_.list_rows(env);
            break;
        }
        default: refresh_figures(); break;
    }
    if (!more)
        first_assess_ = first_assess_ == F::Journeys      ? F::Calibration
                        : first_assess_ == F::Calibration ? F::Rest
                        : first_assess_ == F::Rest        ? F::List
                                                          : F::None;
}

void App::refresh_figures() {
    if (!figures_current()) refresh_derived(ws_, derived_, history_.version());
}

ImVec4 App::page_colour() {
    const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    const float a = bg.w * ImGui::GetStyle().Alpha, base = 0.94f;
    return ImVec4(bg.x * a + base * (1 - a), bg.y * a + base * (1 - a), bg.z * a + base * (1 - a), 1.0f);
}

void App::draw() {
    ImGuiIO& io = ImGui::GetIO();
    widgets_.clear();
    handle_events();
    // Today is the device's date: when it changes (after midnight) the plan is assessed again.
    if (const std::optional<Day> today = p_.local_today(); today != derived_.clock) {
        derived_.clock = today;
        derived_.version = 0;
    }
    apply_theme();
    {
        std::string err = protect_.error;
        protect_ = vault_.status();
        protect_.error = std::move(err);
    }
    apply_density();
    const bool requested_before = dataset_.start_requested();
    if (vault_.locked()) {
        ViewEnv env{ws_, derived_, history_, lang(), widgets_, &outbox_, &storage_info_, &protect_};
        lock_view_.draw(env);
        handle_protect_requests();
        drain_outbox();
        return;
    }
    // Undo / redo shortcuts (text fields keep their own undo while active).
    if (!io.WantTextInput && (io.KeyCtrl || io.KeySuper) && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Z), false)) {
        if (io.KeyShift) history_.redo(); else history_.undo();
    }
    if (!io.WantTextInput && (io.KeyCtrl || io.KeySuper) && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Y), false))
        history_.redo();

    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->WorkPos);
    ImGui::SetNextWindowSize(vp->WorkSize);
    ImGui::Begin("###main", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoBackground);  // page_colour()
    if (const float border = ImGui::GetStyle().WindowBorderSize; border > 0) {  // what NoBackground leaves out too
        const ImVec2 at = ImGui::GetWindowPos(), size = ImGui::GetWindowSize(), end(at.x + size.x, at.y + size.y);
        ImDrawList* dl = ImGui::GetWindowDrawList();
        dl->PushClipRect(at, end);  // the window's whole rectangle, as ImGui draws its border
        dl->AddRect(at, end, ImGui::GetColorU32(ImGuiCol_Border), ImGui::GetStyle().WindowRounding, 0, border);
        dl->PopClipRect();
    }
    draw_toolbar();
    ImGui::Separator();
    Lang l = lang();
    ViewEnv env{ws_, derived_, history_, l, widgets_, &outbox_, &storage_info_, &protect_,
                static_cast<std::int64_t>(std::time(nullptr)), &dataset_};
    // Tabs keep their full names; when they do not all fit (phones) the bar scrolls.
    if (ImGui::BeginTabBar("###tabs", ImGuiTabBarFlags_FittingPolicyScroll)) {
        for (int i = 0; i < static_cast<int>(Tab::Count); ++i) {
            Tab t = static_cast<Tab>(i);
            std::string key = std::string("tab.") + tab_id(t);
            ImGuiTabItemFlags flags = (tab_requested_ && tab_ == t) ? ImGuiTabItemFlags_SetSelected : 0;
            const bool open = ImGui::BeginTabItem(label(l, key.c_str(), tab_id(t)).c_str(), nullptr, flags);
            // Published as "tab.<id>" when shown (a tab scrolled out of the bar is reached by its arrows).
            if (ImGui::IsItemVisible()) {
                note_text(env, key.c_str(), T(l, key.c_str()));
                WidgetRect& r = widgets_[key];
                r.cut = r[2] + 0.5f < button_width(T(l, key.c_str()));
                if (r.visible[2] + 1.0f < r[2]) r.visible = {};  // partly behind the scroll arrows
            }
            if (open) {
                if (!tab_requested_) tab_ = t;
                ImGui::BeginChild("###tabbody");
                switch (t) {
                    case Tab::Dashboard: dashboard_.draw(env); break;
                    case Tab::Tiers: tiers_.draw(env); break;
                    case Tab::Personas: personas_.draw(env); break;
                    case Tab::Calendar: calendar_.draw(env); break;
                    case Tab::Roi: roi_.draw(env); break;
                    case Tab::Settings: settings_.draw(env, history_.version()); break;
                    default: break;
                }
                // Phones: room below the last row, so a text field near the end can scroll up
                // above the soft keyboard.
                if (narrow_screen()) ImGui::Dummy(ImVec2(1, vp->WorkSize.y * 0.5f));
                ImGui::EndChild();
                ImGui::EndTabItem();
            }
        }
        tab_requested_ = false;
        ImGui::EndTabBar();
        // Storage use is asked for again whenever Settings (which shows it) is opened.
        if (tab_ == Tab::Settings && storage_tab_seen_ != tab_) p_.request_storage_info(false);
        storage_tab_seen_ = tab_;
    }
    // A clean start from the Dashboard: a blank plan, or the demo brand's content cleared after
    // the user's own orders came in; either is one undoable step.
    if (dashboard_.want_blank || dashboard_.want_clear_demo) {
        Workspace next = dashboard_.want_blank ? blank_workspace(ws_.settings.language) : without_demo_content(ws_);
        history_.seal();
        (void)history_.submit(set_value("", next, dashboard_.want_blank ? "cmd.new_blank" : "cmd.clear_demo"));
        history_.seal();
        dashboard_.want_blank = dashboard_.want_clear_demo = false;
    }
    // The Dashboard links every figure to its tab.
    if (dashboard_.go_to >= 0 && dashboard_.go_to < static_cast<int>(Tab::Count)) {
        select_tab(static_cast<Tab>(dashboard_.go_to));
        // A finding about a script or a journey opens its editor; one about a persona,
        // account, group, KOC or operator selects that row.
        if (static_cast<Tab>(dashboard_.go_to) == Tab::Personas && !dashboard_.go_id.empty()) {
            if (dashboard_.go_kind == "script") personas_.open_script(dashboard_.go_id);
            else if (dashboard_.go_kind == "sop") personas_.open_journey(dashboard_.go_id);
            else personas_.select(dashboard_.go_kind, dashboard_.go_id, true);
        }
    }
    dashboard_.go_to = -1;
    dashboard_.go_kind.clear();
    dashboard_.go_id.clear();
    // Files a view asked to save (exports) go to the platform: a download in the browser.
    if (auto f = personas_.take_download()) outbox_.downloads.push_back(std::move(*f));
    drain_outbox();
    handle_protect_requests();
    // An import asked for in this frame starts in the next one, so this one shows the click at once.
    if (!std::exchange(worked_, false) && (requested_before || !dataset_.start_requested())) dataset_.step();
    if (reveal_dy_ != 0) {
        if (io.WantTextInput) scroll_active_into_view(reveal_dy_);
        reveal_dy_ = 0;
    }
    ImGui::End();
    draw_help();
    // A table that resized itself gets a few more frames to settle, never endlessly: a layout
    // that keeps changing waits for input (the count restarts only after a frame without change).
    const bool changed = take_layout_changed();
    settle_frames_ = changed ? settle_frames_ + 1 : 0;
    layout_settling_ = changed && settle_frames_ <= kSettleFrames;
    after_change();
}

}  // namespace yt::app
