// roi.cpp — 漏斗 ROI: scenarios, assumption sliders, funnel and monthly charts, scenario comparison,
// sensitivity, product fit, the channel matrix and the channel-risk panel.
//
// [SECTION] index
//   edits         the assumptions (one drag = one undo step), the active scenario, ids for new scenarios
//   formatting    compact numbers (万/亿 in Chinese, k/M in English), payback text
//   charts        funnel bars and monthly line charts drawn with ImDrawList, legends, share bars
//   layout        draw(): scenario bar, assumptions on the left, results on the right
//   scenario bar  selector, add / duplicate / delete / rename
//   assumptions   the sliders of the active scenario
//   results       summary figures, funnel, pool and cash charts
//   tables        scenario comparison, sensitivity
//   product fit   profile sliders, verdict and reasons
//   channels      the editable matrix and the risk panel
#include "views/roi.hpp"

#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdio>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/economics/channels.hpp"
#include "core/economics/validate.hpp"
#include "core/edit/history.hpp"
#include "views/toolkit.hpp"

namespace yt::app {

namespace {

// [SECTION] commands -------------------------------------------------------------------------

// The active scenario becomes the one at `index` (one undo step with the edit it follows).
Edit switch_to(int index) { return set_value("economics.active", index, "ui.roi.cmd_switch"); }
// The assumptions of scenario `id`: a whole slider drag is one undo step (same place until sealed).
Edit set_assumptions(const std::string& id, const Assumptions& a) { return set_at("economics.scenarios", id, "a", a); }

std::string unique_id(const EconomicsPlan& p, const std::string& base) {
    auto taken = [&](const std::string& id) {
        return std::any_of(p.scenarios.begin(), p.scenarios.end(), [&](const Scenario& s) { return s.id == id; });
    };
    if (!taken(base)) return base;
    for (int i = 2;; ++i) {
        std::string id = base + "_" + std::to_string(i);
        if (!taken(id)) return id;
    }
}

int active_index(const EconomicsPlan& p) {
    if (p.scenarios.empty()) return -1;
    return std::clamp(p.active, 0, static_cast<int>(p.scenarios.size()) - 1);
}

// [SECTION] formatting -----------------------------------------------------------------------

std::string fmt(const char* f, double v) {
    char b[64];
    std::snprintf(b, sizeof b, f, v);
    return b;
}

// Up to three significant digits without trailing zeros: 3 -> "3", 2.5 -> "2.5", 226.9 -> "227".
std::string short_number(double v) {
    const double a = std::fabs(v);
    std::string s = fmt(a >= 100 ? "%.0f" : a >= 10 ? "%.1f" : "%.2f", v);
    if (s.find('.') != std::string::npos) {
        while (s.back() == '0') s.pop_back();
        if (s.back() == '.') s.pop_back();
    }
    return s;
}

// 12345 -> "1.23万" (zh) / "12.3k" (en); below 10,000 the whole number with separators.
std::string compact(double v, Lang l) {
    const double a = std::fabs(v);
    if (l == Lang::Zh) {
        if (a >= 1e8) return short_number(v / 1e8) + "亿";
        if (a >= 1e4) return short_number(v / 1e4) + "万";
    } else {
        if (a >= 1e9) return short_number(v / 1e9) + "B";
        if (a >= 1e6) return short_number(v / 1e6) + "M";
        if (a >= 1e4) return short_number(v / 1e3) + "k";
    }
    if (a < 0.5) return "0";
    return thousands(std::llround(v));
}

std::string yuan(double v, Lang l) { return (v < 0 ? "-¥" : "¥") + compact(std::fabs(v), l); }
std::string count(double v) { return thousands(std::llround(v)); }

std::string payback_text(const std::optional<int>& m, Lang l) {
    return m ? trf("ui.roi.month_n", l, {std::to_string(*m)}) : std::string(T(l, "economics.label.never"));
}

std::string channel_name(const std::string& id, Lang l) {
    const std::string key = "economics.channel." + id;
    return has_tr(key) ? tr(key, l) : id;
}

std::string platform_name(const std::string& id, Lang l) {
    const std::string key = "economics.platform." + id;
    return has_tr(key) ? tr(key, l) : id;
}

const ImVec4 kGood(0.20f, 0.62f, 0.30f, 1), kWarn(0.85f, 0.55f, 0.10f, 1), kBad(0.85f, 0.22f, 0.15f, 1);
const ImVec4 kAccent(0.30f, 0.55f, 0.85f, 1);

ImVec4 sign_colour(double v) { return v >= 0 ? kGood : kBad; }
ImVec4 ltv_cac_colour(double r) { return r >= 3 ? kGood : r >= 1 ? kWarn : kBad; }

// [SECTION] charts ---------------------------------------------------------------------------

struct Series {
    std::string name;
    ImU32 colour;
    std::vector<double> y;
};

double nice_step(double raw) {
    if (!(raw > 0) || !std::isfinite(raw)) return 1;
    const double e = std::pow(10.0, std::floor(std::log10(raw)));
    const double f = raw / e;
    return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * e;
}

// A colour square the height of a text line, then the cursor on the same line.
void swatch(ImU32 colour) {
    const ImVec2 c = ImGui::GetCursorScreenPos();
    const float h = ImGui::GetTextLineHeight();
    ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(c.x, c.y + h * 0.2f), ImVec2(c.x + h * 0.6f, c.y + h * 0.8f), colour, 2);
    ImGui::Dummy(ImVec2(h * 0.7f, h));
    ImGui::SameLine();
}

// Monthly line chart: y grid with labels, the zero line, month ticks, axis titles, an optional
// dashed marker (payback month) and a tooltip with the month's values under the mouse.
void line_chart(const char* id, ImVec2 size, const std::vector<Series>& series, Lang l, bool is_money,
                const char* y_title, std::optional<int> mark, const std::string& mark_text) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 p0 = ImGui::GetCursorScreenPos();
    ImGui::InvisibleButton(id, size);
    const bool hovered = ImGui::IsItemHovered();
    const ImU32 axis = ImGui::GetColorU32(ImGuiCol_TextDisabled), grid = ImGui::GetColorU32(ImGuiCol_Border),
                text = ImGui::GetColorU32(ImGuiCol_Text);
    const float x0 = p0.x + 72, x1 = p0.x + size.x - 12, y0 = p0.y + ImGui::GetTextLineHeight() + 6,
                y1 = p0.y + size.y - ImGui::GetTextLineHeight() - 8;
    dl->AddRectFilled(ImVec2(x0, y0), ImVec2(x1, y1), ImGui::GetColorU32(ImGuiCol_FrameBg));
    dl->AddText(ImVec2(p0.x + 2, p0.y), axis, y_title);  // y-axis title
    std::size_t n = 0;
    double lo = 0, hi = 0;
    for (const Series& s : series) {
        n = std::max(n, s.y.size());
        for (double v : s.y)
            if (std::isfinite(v)) lo = std::min(lo, v), hi = std::max(hi, v);
    }
    if (n == 0) return;
    if (hi - lo < 1e-9) hi = lo + 1;
    const double step = nice_step((hi - lo) / 4);
    lo = std::floor(lo / step) * step;
    hi = std::ceil(hi / step) * step;
    auto Y = [&](double v) { return y1 - static_cast<float>((v - lo) / (hi - lo)) * (y1 - y0); };
    auto X = [&](double m) {
        return n == 1 ? (x0 + x1) / 2 : x0 + static_cast<float>((m - 1) / static_cast<double>(n - 1)) * (x1 - x0);
    };
    for (int k = 0; lo + k * step <= hi + step * 0.5; ++k) {
        const double v = lo + k * step;
        const float y = Y(v);
        dl->AddLine(ImVec2(x0, y), ImVec2(x1, y), grid);
        const std::string t = is_money ? yuan(v, l) : compact(v, l);
        const ImVec2 ts = ImGui::CalcTextSize(t.c_str());
        dl->AddText(ImVec2(x0 - 6 - ts.x, y - ts.y / 2), axis, t.c_str());
    }
    dl->AddLine(ImVec2(x0, Y(0)), ImVec2(x1, Y(0)), text, 1.5f);  // zero line
    int every = 1;
    for (int c : {1, 2, 3, 6, 12, 24, 60}) {
        every = c;
        if (static_cast<int>(n) / c <= 8) break;
    }
    for (int m = 1; m <= static_cast<int>(n); ++m) {
        if (m != 1 && m % every != 0) continue;
        const float x = X(m);
        dl->AddLine(ImVec2(x, y1), ImVec2(x, y1 + 4), axis);
        const std::string t = std::to_string(m);
        dl->AddText(ImVec2(x - ImGui::CalcTextSize(t.c_str()).x / 2, y1 + 5), axis, t.c_str());
    }
    dl->AddText(ImVec2(p0.x + 2, y1 + 5), axis, T(l, "economics.label.month"));  // x-axis title
    if (mark && *mark >= 1 && *mark <= static_cast<int>(n)) {
        const ImU32 c = ImGui::GetColorU32(kGood);
        const float x = X(*mark);
        for (float y = y0; y < y1; y += 8) dl->AddLine(ImVec2(x, y), ImVec2(x, std::min(y + 4, y1)), c, 1.5f);
        const float w = ImGui::CalcTextSize(mark_text.c_str()).x;
        const float tx = x + 4 + w > x1 ? x - 4 - w : x + 4;
        dl->AddText(ImVec2(tx, y0 + 2), c, mark_text.c_str());
    }
    for (const Series& s : series) {
        std::vector<ImVec2> pts;
        for (std::size_t i = 0; i < s.y.size(); ++i) pts.emplace_back(X(static_cast<double>(i + 1)), Y(s.y[i]));
        if (pts.size() == 1) dl->AddCircleFilled(pts[0], 3, s.colour);
        else dl->AddPolyline(pts.data(), static_cast<int>(pts.size()), s.colour, ImDrawFlags_None, 2.0f);
    }
    if (hovered) {
        const float mx = ImGui::GetIO().MousePos.x;
        int m = n == 1 ? 1 : static_cast<int>(std::lround((mx - x0) / (x1 - x0) * static_cast<double>(n - 1))) + 1;
        m = std::clamp(m, 1, static_cast<int>(n));
        dl->AddLine(ImVec2(X(m), y0), ImVec2(X(m), y1), axis);
        ImGui::BeginTooltip();
        ImGui::TextUnformatted(trf("ui.roi.month_n", l, {std::to_string(m)}).c_str());
        for (const Series& s : series) {
            if (static_cast<std::size_t>(m - 1) >= s.y.size()) continue;
            swatch(s.colour);
            const double v = s.y[static_cast<std::size_t>(m - 1)];
            ImGui::Text("%s: %s", s.name.c_str(), (is_money ? money(v) : count(v)).c_str());
        }
        ImGui::EndTooltip();
    }
}

void legend(const std::vector<Series>& series, bool is_money, Lang l) {
    for (std::size_t i = 0; i < series.size(); ++i) {
        const Series& s = series[i];
        if (i) ImGui::SameLine(0, 18);
        swatch(s.colour);
        const std::string last = s.y.empty() ? "—" : (is_money ? yuan(s.y.back(), l) : compact(s.y.back(), l));
        ImGui::TextUnformatted(trf("ui.roi.legend_end", l, {s.name, last}).c_str());
    }
}

constexpr ImU32 kStageColours[] = {IM_COL32(66, 120, 200, 255), IM_COL32(52, 150, 190, 255),
                                   IM_COL32(60, 165, 140, 255), IM_COL32(100, 175, 80, 255),
                                   IM_COL32(220, 150, 50, 255)};

// Funnel: one centred bar per stage (width ∝ √value so small stages stay visible), the stage
// name on the left, the value and the conversion from the previous stage on the right.
void funnel_chart(const std::vector<FunnelStage>& st, Lang l, float width) {
    const float row = ImGui::GetTextLineHeight() + 12, bar_h = row - 6;
    const float label_w = 130, value_w = 230;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 p0 = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(width, row * static_cast<float>(st.size())));
    double top = 0;
    for (const FunnelStage& s : st) top = std::max(top, s.value);
    const float bl = p0.x + label_w, br = p0.x + std::max(label_w + 60, width - value_w);
    const float cx = (bl + br) / 2, bw = br - bl;
    const ImU32 text = ImGui::GetColorU32(ImGuiCol_Text), conv = ImGui::GetColorU32(kAccent);
    const float ty = (bar_h - ImGui::GetTextLineHeight()) / 2;
    for (std::size_t i = 0; i < st.size(); ++i) {
        const float y = p0.y + row * static_cast<float>(i);
        const float w = top > 0 ? std::max(3.0f, static_cast<float>(std::sqrt(st[i].value / top)) * bw) : 3.0f;
        dl->AddRectFilled(ImVec2(cx - w / 2, y), ImVec2(cx + w / 2, y + bar_h), kStageColours[i % 5], 3);
        dl->AddText(ImVec2(p0.x, y + ty), text, T(l, st[i].key));
        const std::string v = count(st[i].value);
        dl->AddText(ImVec2(br + 10, y + ty), text, v.c_str());
        if (i > 0) {
            // Repeat orders are not a share of the buyers (a buyer may buy again several times):
            // they read as repeat orders per buyer, not as a conversion.
            const bool repeat = std::string(st[i].key) == "economics.stage.repeat";
            char per[32];
            std::snprintf(per, sizeof per, "%.2f", st[i].conversion);
            const std::string c = repeat ? trf("ui.roi.repeat_per_buyer", l, {per}) : trf("ui.roi.conversion", l, {ui::pct(st[i].conversion, 1)});
            dl->AddText(ImVec2(br + 110, y + ty), conv, c.c_str());
        }
    }
}

// A horizontal bar for a share in [0, 1], then its percentage.
void share_bar(double share, float width, ImU32 colour) {
    const ImVec2 c = ImGui::GetCursorScreenPos();
    const float h = ImGui::GetTextLineHeight();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(ImVec2(c.x, c.y + 2), ImVec2(c.x + width, c.y + h - 2), ImGui::GetColorU32(ImGuiCol_FrameBg), 2);
    dl->AddRectFilled(ImVec2(c.x, c.y + 2), ImVec2(c.x + width * static_cast<float>(std::clamp(share, 0.0, 1.0)), c.y + h - 2),
                      colour, 2);
    ImGui::Dummy(ImVec2(width, h));
    ImGui::SameLine();
    ImGui::TextUnformatted(ui::pct(share, 1).c_str());
}


// A table cell with a label; the whole text shows on hover when the column clips it.
void label_cell(const char* text) {
    ImGui::TableNextColumn();
    ImGui::AlignTextToFramePadding();
    // In a column of set width a long label (English) wraps instead of running under the slider.
    const bool wrap = column_has_set_width();
    if (wrap) ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(text);
    if (wrap) ImGui::PopTextWrapPos();
}

}  // namespace

// [SECTION] layout ---------------------------------------------------------------------------

void RoiView::send(const ViewEnv& e, Edit cmd) {
    Status st = e.sink.submit(std::move(cmd));
    if (!st) error = describe(st.error(), e.lang);
    else error.clear();
}

void RoiView::draw(const ViewEnv& e) {
    seal_pending = false;
    draw_scenario_bar(e);
    if (!error.empty()) ImGui::TextColored(kBad, "%s", error.c_str());
    // The assumptions' sliders need about 460 px beside their labels: below that room the
    // results go under them (tablets in portrait, phones).
    const float avail = ImGui::GetContentRegionAvail().x;
    const bool stack = narrow_screen() || avail < 1000.0f;
    const float left_w = stack ? avail : std::min(460.0f, avail * 0.4f);
    begin_pane("###roi_left", left_w, true, 0, stack);
    draw_assumptions(e);
    end_pane(stack);
    pane_beside(stack);
    begin_pane("###roi_right", 0, false, 0, stack);
    draw_results(e);
    Lang l = e.lang;
    if (ImGui::CollapsingHeader(label(l, "ui.roi.comparison", "roi_h_compare").c_str(), ImGuiTreeNodeFlags_DefaultOpen))
        draw_comparison(e);
    if (ImGui::CollapsingHeader(label(l, "economics.label.sensitivity", "roi_h_sens").c_str(), ImGuiTreeNodeFlags_DefaultOpen))
        draw_sensitivity(e);
    if (ImGui::CollapsingHeader(label(l, "economics.label.product_fit", "roi_h_fit").c_str(), ImGuiTreeNodeFlags_DefaultOpen))
        draw_product(e);
    if (ImGui::CollapsingHeader(label(l, "ui.roi.channels", "roi_h_channels").c_str(), ImGuiTreeNodeFlags_DefaultOpen))
        draw_channels(e);
    if (ImGui::CollapsingHeader(label(l, "economics.label.channel_risk", "roi_h_risk").c_str(), ImGuiTreeNodeFlags_DefaultOpen))
        draw_risk(e);
    end_pane(stack);
    if (seal_pending) e.sink.seal();
}

bool RoiView::slider(const ViewEnv& e, const char* key, const char* id, double& v, double lo, double hi, const char* f,
                     bool log, const char* widget) {
    ImGui::TableNextRow();
    label_cell(T(e.lang, key));
    ImGui::TableNextColumn();
    ImGui::SetNextItemWidth(-FLT_MIN);
    const std::string sid = std::string("##") + id;
    ImGuiSliderFlags flags = ImGuiSliderFlags_AlwaysClamp | (log ? ImGuiSliderFlags_Logarithmic : 0);
    const std::string name = widget ? std::string(widget) : std::string("roi.") + id;
    const bool changed = value_slider(e, name.c_str(), sid.c_str(), ImGuiDataType_Double, &v, &lo, &hi, f, flags);
    if (ImGui::IsItemDeactivatedAfterEdit()) seal_pending = true;
    return changed;
}

bool RoiView::percent(const ViewEnv& e, const char* key, const char* id, double& rate, double hi_percent,
                      const char* widget, bool log) {
    double p = rate * 100.0;
    if (!slider(e, key, id, p, 0.0, hi_percent, "%.1f%%", log, widget)) return false;
    rate = std::clamp(p / 100.0, 0.0, 1.0);
    return true;
}

// [SECTION] scenario bar ---------------------------------------------------------------------

void RoiView::draw_scenario_bar(const ViewEnv& e) {
    const Lang l = e.lang;
    const EconomicsPlan& plan = e.ws.economics;
    const int active = active_index(plan);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(T(l, "economics.label.scenario"));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(260);
    const char* preview = active >= 0 ? plan.scenarios[static_cast<std::size_t>(active)].name.c_str() : "";
    const bool open = begin_combo(e, "roi_scenario", "###roi_scenario", preview);
    if (open) {
        for (int i = 0; i < static_cast<int>(plan.scenarios.size()); ++i) {
            ImGui::PushID(i);
            const bool selected = i == active;
            if (ImGui::Selectable(plan.scenarios[static_cast<std::size_t>(i)].name.c_str(), selected) && !selected) {
                send(e, switch_to(i));
                e.sink.seal();
            }
            note_widget(e, ("roi_scenario_item_" + std::to_string(i)).c_str());
            if (selected) ImGui::SetItemDefaultFocus();
            ImGui::PopID();
        }
        ImGui::EndCombo();
    }

    // Add: a fresh scenario with one paid traffic source, made the active one.
    // On a narrow screen the buttons wrap to the next line rather than run off its edge.
    const std::string add_label = label(l, "ui.roi.add", "roi_add");
    flow_line(button_width(add_label.c_str()));
    const bool add = ImGui::Button(add_label.c_str());
    note_widget(e, "roi_add");
    if (add) {
        Scenario s;
        s.id = unique_id(plan, "scenario_" + std::to_string(plan.scenarios.size() + 1));
        s.name = trf("ui.roi.new_name", l, {std::to_string(plan.scenarios.size() + 1)});
        TrafficSource src;
        src.id = "paid";
        src.name = T(l, "ui.roi.default_source");
        src.visitors_per_month = 10000;
        src.cost_per_visitor = 1.0;
        src.add_friend_rate = 0.05;
        s.a.sources.push_back(src);
        const int at = static_cast<int>(plan.scenarios.size());
        std::vector<Edit> parts;
        parts.push_back(insert_edit("economics.scenarios", s, at));
        parts.push_back(switch_to(at));
        send(e, batch_edit("cmd.insert", std::move(parts)));
        e.sink.seal();
    }

    // Duplicate: a named copy of the active scenario's assumptions, right after it.
    const std::string dup_label = label(l, "ui.roi.duplicate", "roi_dup");
    flow_line(button_width(dup_label.c_str()));
    ImGui::BeginDisabled(active < 0);
    const bool dup = ImGui::Button(dup_label.c_str());
    note_widget(e, "roi_dup");
    ImGui::EndDisabled();
    if (dup && active >= 0) {
        Scenario s = plan.scenarios[static_cast<std::size_t>(active)];
        s.id = unique_id(plan, s.id + "_copy");
        s.name = trf("ui.roi.copy_name", l, {s.name});
        std::vector<Edit> parts;
        parts.push_back(insert_edit("economics.scenarios", s, active + 1));
        parts.push_back(switch_to(active + 1));
        send(e, batch_edit("cmd.insert", std::move(parts)));
        e.sink.seal();
    }

    // Delete the active scenario (never the last one); the neighbour becomes active.
    const std::string del_label = label(l, "ui.roi.delete", "roi_del");
    flow_line(button_width(del_label.c_str()));
    ImGui::BeginDisabled(plan.scenarios.size() <= 1);
    const bool del = ImGui::Button(del_label.c_str());
    note_widget(e, "roi_del");
    ImGui::EndDisabled();
    if (del && plan.scenarios.size() > 1 && active >= 0) {
        const Scenario& s = plan.scenarios[static_cast<std::size_t>(active)];
        const int next = std::min(active, static_cast<int>(plan.scenarios.size()) - 2);
        std::vector<Edit> parts;
        parts.push_back(erase_edit("economics.scenarios", s.id));
        parts.push_back(switch_to(next));
        send(e, batch_edit("cmd.erase", std::move(parts)));
        e.sink.seal();
    }

    // Rename: typed into a buffer, committed as one update when the field is left.
    if (active >= 0) {
        const Scenario& s = plan.scenarios[static_cast<std::size_t>(active)];
        const float name_w = std::min(240.0f, ImGui::GetContentRegionAvail().x * 0.6f);
        flow_line(ImGui::CalcTextSize(T(l, "ui.roi.name")).x + ImGui::GetStyle().ItemSpacing.x + name_w);
        ImGui::TextUnformatted(T(l, "ui.roi.name"));
        ImGui::SameLine();
        if (!renaming) name_buf = s.name;
        ImGui::SetNextItemWidth(name_w);
        ui::input_string("###roi_rename", name_buf);
        note_widget(e, "roi_rename");
        renaming = ImGui::IsItemActive();
        if (ImGui::IsItemDeactivatedAfterEdit()) {
            const bool blank = name_buf.find_first_not_of(" \t") == std::string::npos;
            if (!blank && name_buf != s.name) {
                Scenario next = s;
                next.name = name_buf;
                send(e, set_field("economics.scenarios", next, "name"));
            }
            e.sink.seal();
        }
    }
}

// [SECTION] assumptions ----------------------------------------------------------------------

void RoiView::draw_assumptions(const ViewEnv& e) {
    const Lang l = e.lang;
    const EconomicsPlan& plan = e.ws.economics;
    ImGui::TextColored(kAccent, "%s", T(l, "ui.roi.assumptions"));
    note_widget(e, "roi_title");
    const int active = active_index(plan);
    if (active < 0) {
        ImGui::TextWrapped("%s", T(l, "economics.no_scenarios"));
        return;
    }
    const Scenario& sc = plan.scenarios[static_cast<std::size_t>(active)];
    if (Status st = validate(sc.a); !st) ImGui::TextColored(kBad, "%s", describe(st.error(), l).c_str());
    Assumptions a = sc.a;
    bool changed = false;
    auto section = [&](const char* key) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::Spacing();
        ImGui::TextColored(kAccent, "%s", T(l, key));
        ImGui::TableNextColumn();
    };
    draw_calibration(e, sc);
    if (!begin_table("###roi_assume", 2, ImGuiTableFlags_SizingFixedFit)) return;
    ImGui::TableSetupColumn("##k", ImGuiTableColumnFlags_WidthFixed, l == Lang::En ? 205.0f : 165.0f);
    ImGui::TableSetupColumn("##v", ImGuiTableColumnFlags_WidthStretch);

    section("ui.roi.sec_value");
    changed |= slider(e, "economics.param.aov", "aov", a.aov, 1, 10000, "¥%.0f", true, "roi_aov");
    changed |= percent(e, "economics.param.gross_margin", "margin", a.gross_margin, 100, "roi_margin");
    changed |= slider(e, "economics.param.public_cac", "public_cac", a.public_cac, 0, 2000, "¥%.0f", false, "roi_public_cac");
    changed |= slider(e, "economics.param.perks_per_order", "perks", a.perks_per_order, 0, 200, "¥%.1f", false, "roi_perks");

    section("ui.roi.sec_conversion");
    changed |= percent(e, "economics.param.join_group_rate", "join_group", a.join_group_rate, 100, "roi_join_group");
    changed |= percent(e, "economics.param.first_purchase_rate", "first_purchase", a.first_purchase_rate, 100,
                       "roi_first_purchase");
    changed |= percent(e, "economics.param.repeat_rate", "repeat", a.repeat_rate, 100, "roi_repeat");
    changed |= percent(e, "economics.param.monthly_churn", "churn", a.monthly_churn, 50, "roi_churn");
    changed |= slider(e, "economics.param.referrals_per_buyer", "referrals", a.referrals_per_buyer, 0, 1, "%.3f", false,
                      "roi_referrals");

    section("ui.roi.sec_costs");
    changed |= slider(e, "economics.param.operators", "operators", a.operators, 0, 50, "%.1f", false, "roi_operators");
    changed |= slider(e, "economics.param.operator_cost", "operator_cost", a.operator_cost, 0, 50000, "¥%.0f", false);
    changed |= slider(e, "economics.param.accounts", "accounts", a.accounts, 0, 200, "%.0f", false, "roi_accounts");
    changed |= slider(e, "economics.param.account_cost", "account_cost", a.account_cost, 0, 5000, "¥%.0f", false);
    changed |= slider(e, "economics.param.tools_cost", "tools_cost", a.tools_cost, 0, 50000, "¥%.0f", false);
    {
        ImGui::TableNextRow();
        label_cell(T(l, "economics.param.horizon_months"));
        ImGui::TableNextColumn();
        ImGui::SetNextItemWidth(-FLT_MIN);
        int h = a.horizon_months;
        const int h_lo = 1, h_hi = kMaxHorizonMonths;
        if (value_slider(e, "roi_horizon", "##horizon", ImGuiDataType_S32, &h, &h_lo, &h_hi, "%d", ImGuiSliderFlags_AlwaysClamp)) {
            a.horizon_months = h;
            changed = true;
        }
        if (ImGui::IsItemDeactivatedAfterEdit()) seal_pending = true;
    }

    section("ui.roi.sec_sources");
    for (std::size_t i = 0; i < a.sources.size(); ++i) {
        TrafficSource& s = a.sources[i];
        ImGui::PushID(static_cast<int>(i));
        const std::string n = std::to_string(i);
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextWrapped("%s", s.name.empty() ? s.id.c_str() : s.name.c_str());
        ImGui::TableNextColumn();
        changed |= slider(e, "economics.param.visitors_per_month", "visitors", s.visitors_per_month, 0, 1000000, "%.0f",
                          true, ("roi_visitors_" + n).c_str());
        changed |= slider(e, "economics.param.cost_per_visitor", "cpv", s.cost_per_visitor, 0, 50, "¥%.2f", false,
                          ("roi_cpv_" + n).c_str());
        changed |= percent(e, "economics.param.add_friend_rate", "add_friend", s.add_friend_rate, 100,
                           ("roi_add_friend_" + n).c_str());
        ImGui::PopID();
    }
    end_table(e, "tbl.roi_assume");
    if (changed) send(e, set_assumptions(sc.id, a));
}

// "Calibrate from my orders": the measured values next to the scenario's, each marked measured
// (equal to what the orders say) or assumed, and one button that puts them all in (one undo step).
void RoiView::draw_calibration(const ViewEnv& e, const Scenario& sc) {
    const Lang l = e.lang;
    const Calibration& c = e.d.economics.calibration;
    // The team the Personas tab plans: accounts and operators, unless the scenario overrides them.
    const double n_accounts = static_cast<double>(e.ws.roles.accounts.size());
    const double n_operators = static_cast<double>(e.ws.roles.operators.size());
    const bool team_differs = (n_accounts > 0 && sc.a.accounts != n_accounts) || (n_operators > 0 && sc.a.operators != n_operators);
    if (team_differs) {
        ImGui::PushStyleColor(ImGuiCol_Text, kWarn);
        ImGui::TextWrapped("%s", trf("ui.roi.team_differs", l, {fmt("%.0f", sc.a.accounts), fmt("%.0f", sc.a.operators),
                                                                fmt("%.0f", n_accounts), fmt("%.0f", n_operators)})
                                     .c_str());
        ImGui::PopStyleColor();
        if (ImGui::SmallButton(label(l, "ui.roi.team_use", "roi_team_use").c_str())) {
            Assumptions next = sc.a;
            if (n_accounts > 0) next.accounts = n_accounts;
            if (n_operators > 0) next.operators = n_operators;
            e.sink.seal();
            send(e, set_assumptions(sc.id, next));
            e.sink.seal();
        }
        note_widget(e, "roi_team_use");
    }
    if (!c.any) {
        ui::text_wrapped(T(l, "ui.roi.calib_none"), true);
        return;
    }
    auto same = [](double a, double b) { return std::abs(a - b) <= 0.005 * std::max(std::abs(a), std::abs(b)) + 1e-9; };
    struct Row {
        const char* key;
        bool has;
        double measured, current;
        const char* fmt;
        double scale;
    } rows[] = {
        {"economics.param.aov", c.has_aov, c.aov, sc.a.aov, "¥%.0f", 1},
        {"economics.param.repeat_rate", c.has_repeat, c.repeat_rate, sc.a.repeat_rate, "%.1f%%", 100},
        {"economics.param.monthly_churn", c.has_churn, c.monthly_churn, sc.a.monthly_churn, "%.1f%%", 100},
        {"ui.roi.calib_ltv", c.has_ltv, c.ltv * sc.a.gross_margin, sc.a.ltv_override, "¥%.0f", 1},
    };
    ImGui::TextColored(kAccent, "%s", T(l, "ui.roi.calib_title"));
    if (ImGui::BeginTable("###roi_calib", 3, ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_RowBg)) {
        for (const Row& r : rows) {
            if (!r.has) continue;
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(T(l, r.key));
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(trf("ui.roi.calib_measured", l, {fmt(r.fmt, r.measured * r.scale)}).c_str());
            ImGui::TableNextColumn();
            const bool m = same(r.measured, r.current);
            ImGui::TextColored(m ? kGood : kWarn, "%s", T(l, m ? "ui.roi.calib_is_measured" : "ui.roi.calib_is_assumed"));
        }
        ImGui::EndTable();
    }
    if (c.has_aov)
        ui::text_wrapped(trf("ui.roi.calib_aov_split", l, {fmt("¥%.0f", c.aov_first), fmt("¥%.0f", c.aov_repeat),
                                                                 fmt("%.2f", c.repeat_orders_per_buyer)}),
                               true);
    if (ImGui::Button(label(l, "ui.roi.calibrate", "roi_calibrate").c_str())) {
        e.sink.seal();
        send(e, set_assumptions(sc.id, calibrated(sc.a, c)));
        e.sink.seal();
    }
    note_widget(e, "roi_calibrate");
    ui::text_wrapped(T(l, "ui.roi.calib_basis"), true);  // wrapped: a phone has no room beside the button
    ImGui::Spacing();
}

// [SECTION] results --------------------------------------------------------------------------

void RoiView::draw_results(const ViewEnv& e) {
    const Lang l = e.lang;
    const EconomicsFigures& d = e.d.economics;
    if (d.plan_error) {
        ImGui::PushStyleColor(ImGuiCol_Text, kBad);
        ImGui::TextWrapped("%s", trf("ui.roi.invalid", l, {describe(*d.plan_error, l)}).c_str());
        ImGui::PopStyleColor();
    }
    if (!d.funnel) {
        if (d.funnel_error) ImGui::TextColored(kBad, "%s", describe(*d.funnel_error, l).c_str());
        return;
    }
    const FunnelSummary& s = d.funnel->summary;
    const std::vector<MonthRow>& months = d.funnel->months;

    // Summary figures: LTV, CACs, LTV:CAC, payback, ROI.
    if (begin_table("###roi_summary", 6, ImGuiTableFlags_Borders | ImGuiTableFlags_SizingStretchProp, 560)) {
        auto cell = [&](const char* key, const std::string& value, std::optional<ImVec4> colour) {
            ImGui::TableNextColumn();
            ImGui::TextDisabled("%s", T(l, key));
            ImGui::TableNextColumn();
            if (colour) ImGui::TextColored(*colour, "%s", value.c_str());
            else ImGui::TextUnformatted(value.c_str());
        };
        const std::string dash = "—";
        cell("economics.label.ltv", money(s.ltv), std::nullopt);
        cell("economics.label.ltv_cac", s.ltv_cac ? fmt("%.2f", *s.ltv_cac) : dash,
             s.ltv_cac ? std::optional<ImVec4>(ltv_cac_colour(*s.ltv_cac)) : std::nullopt);
        cell("economics.label.payback_month", payback_text(s.payback_month, l),
             std::optional<ImVec4>(s.payback_month ? kGood : kBad));
        cell("economics.label.cac_public", money(s.cac_public), std::nullopt);
        cell("economics.label.cac_private", s.cac_private ? money(*s.cac_private) : dash,
             s.cac_private ? std::optional<ImVec4>(*s.cac_private <= s.cac_public ? kGood : kWarn) : std::nullopt);
        cell("economics.label.roi", s.roi ? ui::pct(*s.roi, 1) : dash,
             s.roi ? std::optional<ImVec4>(sign_colour(*s.roi)) : std::nullopt);
        end_table(e, "tbl.roi_summary");
    }
    ImGui::TextDisabled("%s", trf("ui.roi.totals", l,
                                  {yuan(s.total_revenue, l), yuan(s.total_cost, l), compact(s.total_new_buyers, l),
                                   compact(s.final_pool, l), ui::pct(s.monthly_churn, 1)})
                                  .c_str());

    const float width = ImGui::GetContentRegionAvail().x;
    ImGui::Spacing();
    ImGui::TextUnformatted(T(l, "ui.roi.funnel"));
    ImGui::SameLine();
    ImGui::TextDisabled("%s", T(l, "ui.roi.funnel_note"));
    funnel_chart(d.stages, l, width);

    // Pool size and cumulative cash by month, side by side.
    std::vector<Series> pool = {{T(l, "economics.label.pool"), IM_COL32(66, 120, 200, 255), {}},
                                {T(l, "economics.label.buyers"), IM_COL32(100, 175, 80, 255), {}}};
    std::vector<Series> cash = {{T(l, "economics.label.cumulative_cash"), IM_COL32(220, 120, 40, 255), {}},
                                {T(l, "economics.label.cash"), IM_COL32(150, 150, 160, 255), {}}};
    for (const MonthRow& m : months) {
        pool[0].y.push_back(m.pool);
        pool[1].y.push_back(m.buyers);
        cash[0].y.push_back(m.cumulative_cash);
        cash[1].y.push_back(m.cash);
    }
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    const float cw = std::max(200.0f, (width - gap) / 2);
    const ImVec2 size(cw, 210);
    ImGui::Spacing();
    ImGui::BeginGroup();
    ImGui::TextUnformatted(T(l, "ui.roi.pool_chart"));
    line_chart("###roi_pool_chart", size, pool, l, false, T(l, "ui.roi.axis_people"), std::nullopt, "");
    legend(pool, false, l);
    ImGui::EndGroup();
    ImGui::SameLine();
    ImGui::BeginGroup();
    ImGui::TextUnformatted(T(l, "ui.roi.cash_chart"));
    line_chart("###roi_cash_chart", size, cash, l, true, T(l, "ui.roi.axis_yuan"), s.payback_month,
               payback_text(s.payback_month, l));
    legend(cash, true, l);
    ImGui::EndGroup();
    ImGui::Spacing();
}

// [SECTION] tables ---------------------------------------------------------------------------

void RoiView::draw_comparison(const ViewEnv& e) {
    const Lang l = e.lang;
    const EconomicsFigures& d = e.d.economics;
    const int cols = std::min<int>(static_cast<int>(d.comparison.size()), 60);
    if (cols == 0) return;
    if (!begin_table("###roi_compare", 1 + cols,
                           ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp, 560))
        return;
    ImGui::TableSetupColumn(T(l, "ui.assumption"), ImGuiTableColumnFlags_WidthFixed, 170);
    for (int i = 0; i < cols; ++i) {
        const ScenarioFigures& f = d.comparison[static_cast<std::size_t>(i)];
        std::string head = f.id == d.active_id ? trf("ui.roi.active_name", l, {f.name}) : f.name;
        head += "###roi_cmp_col" + std::to_string(i);
        ImGui::TableSetupColumn(head.c_str());
    }
    table_headers(e, "tbl.roi_compare");
    auto row = [&](const char* key, auto value) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(T(l, key));
        for (int i = 0; i < cols; ++i) {
            ImGui::TableNextColumn();
            const ScenarioFigures& f = d.comparison[static_cast<std::size_t>(i)];
            if (!f.summary) {
                ImGui::TextDisabled("—");
                continue;
            }
            value(f);
        }
    };
    row("economics.label.ltv", [&](const ScenarioFigures& f) { ImGui::TextUnformatted(money(f.summary->ltv).c_str()); });
    row("economics.label.cac_public",
        [&](const ScenarioFigures& f) { ImGui::TextUnformatted(money(f.summary->cac_public).c_str()); });
    row("economics.label.cac_private", [&](const ScenarioFigures& f) {
        ImGui::TextUnformatted(f.summary->cac_private ? money(*f.summary->cac_private).c_str() : "—");
    });
    row("economics.label.ltv_cac", [&](const ScenarioFigures& f) {
        if (f.summary->ltv_cac) ImGui::TextColored(ltv_cac_colour(*f.summary->ltv_cac), "%.2f", *f.summary->ltv_cac);
        else ImGui::TextUnformatted("—");
    });
    row("economics.label.payback_month", [&](const ScenarioFigures& f) {
        ImGui::TextColored(f.summary->payback_month ? kGood : kBad, "%s", payback_text(f.summary->payback_month, l).c_str());
    });
    row("economics.label.roi", [&](const ScenarioFigures& f) {
        if (f.summary->roi) ImGui::TextColored(sign_colour(*f.summary->roi), "%s", ui::pct(*f.summary->roi, 1).c_str());
        else ImGui::TextUnformatted("—");
    });
    row("ui.roi.total_revenue",
        [&](const ScenarioFigures& f) { ImGui::TextUnformatted(yuan(f.summary->total_revenue, l).c_str()); });
    row("ui.roi.total_cost", [&](const ScenarioFigures& f) { ImGui::TextUnformatted(yuan(f.summary->total_cost, l).c_str()); });
    row("economics.label.cumulative_cash", [&](const ScenarioFigures& f) {
        ImGui::TextColored(sign_colour(f.final_cumulative_cash), "%s", yuan(f.final_cumulative_cash, l).c_str());
    });
    row("ui.roi.final_pool", [&](const ScenarioFigures& f) { ImGui::TextUnformatted(compact(f.summary->final_pool, l).c_str()); });
    // Last row: errors, or a button to make the scenario the active one.
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    for (int i = 0; i < cols; ++i) {
        ImGui::TableNextColumn();
        const ScenarioFigures& f = d.comparison[static_cast<std::size_t>(i)];
        if (f.error) {
            ImGui::PushStyleColor(ImGuiCol_Text, kBad);
            ImGui::TextWrapped("%s", describe(*f.error, l).c_str());
            ImGui::PopStyleColor();
        } else if (f.id != d.active_id) {
            ImGui::PushID(i);
            const bool use = ImGui::SmallButton(T(l, "ui.roi.make_active"));
            note_widget(e, ("roi_use_" + std::to_string(i)).c_str());
            ImGui::PopID();
            if (use) {
                const auto& sc = e.ws.economics.scenarios;
                for (std::size_t k = 0; k < sc.size(); ++k)
                    if (sc[k].id == f.id) {
                        send(e, switch_to(static_cast<int>(k)));
                        e.sink.seal();
                    }
            }
        }
    }
    end_table(e, "tbl.roi_compare");
}

void RoiView::draw_sensitivity(const ViewEnv& e) {
    const Lang l = e.lang;
    const EconomicsFigures& d = e.d.economics;
    if (!d.sensitivity) {
        ImGui::TextDisabled("%s", T(l, "ui.roi.no_sensitivity"));
        return;
    }
    const Sensitivity& s = *d.sensitivity;
    if (!s.rows.empty() && s.rows.front().payback_shift > 0)
        ImGui::TextWrapped("%s", trf("ui.roi.sens_lead", l,
                                     {tr("economics.param." + s.rows.front().param, l), fmt("%.0f", s.rows.front().payback_shift)})
                                     .c_str());
    else
        ImGui::TextWrapped("%s", T(l, "ui.roi.sens_none"));
    ImGui::TextDisabled("%s", trf("ui.roi.sens_base", l, {payback_text(s.base_payback, l), ui::pct(s.base_roi, 1)}).c_str());
    if (!begin_table("###roi_sens", 6, ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp, 520))
        return;
    ImGui::TableSetupColumn(T(l, "ui.assumption"), ImGuiTableColumnFlags_WidthStretch, 2.0f);
    ImGui::TableSetupColumn(T(l, "ui.roi.col_payback_low"));
    ImGui::TableSetupColumn(T(l, "ui.roi.col_payback_high"));
    ImGui::TableSetupColumn(T(l, "ui.roi.col_shift"));
    ImGui::TableSetupColumn(T(l, "ui.roi.col_roi_low"));
    ImGui::TableSetupColumn(T(l, "ui.roi.col_roi_high"));
    table_headers(e, "tbl.roi_sens");
    for (std::size_t i = 0; i < s.rows.size(); ++i) {
        const SensitivityRow& r = s.rows[i];
        ImGui::TableNextRow();
        if (i == 0 && r.payback_shift > 0)
            ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg1, ImGui::GetColorU32(ImVec4(kWarn.x, kWarn.y, kWarn.z, 0.25f)));
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(tr("economics.param." + r.param, l));
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(payback_text(r.payback_low, l).c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(payback_text(r.payback_high, l).c_str());
        ImGui::TableNextColumn();
        ImGui::Text("%.0f", r.payback_shift);
        ImGui::TableNextColumn();
        ImGui::TextColored(sign_colour(r.roi_low), "%s", ui::pct(r.roi_low, 1).c_str());
        ImGui::TableNextColumn();
        ImGui::TextColored(sign_colour(r.roi_high), "%s", ui::pct(r.roi_high, 1).c_str());
    }
    end_table(e, "tbl.roi_sens");
}

// [SECTION] product fit ----------------------------------------------------------------------

void RoiView::draw_product(const ViewEnv& e) {
    const Lang l = e.lang;
    const EconomicsFigures& d = e.d.economics;
    ProductProfile p = e.ws.economics.product;
    bool changed = false;
    // Beside the verdict on a wide screen; on a phone the verdict goes below.
    const bool narrow = narrow_screen();
    const float left = narrow ? ImGui::GetContentRegionAvail().x : std::min(420.0f, ImGui::GetContentRegionAvail().x * 0.5f);
    ImGui::BeginGroup();
    if (ImGui::BeginTable("###roi_product", 2, ImGuiTableFlags_SizingFixedFit, ImVec2(left, 0))) {
        ImGui::TableSetupColumn("##k", ImGuiTableColumnFlags_WidthFixed, 150);
        ImGui::TableSetupColumn("##v", ImGuiTableColumnFlags_WidthStretch);
        changed |= slider(e, "ui.roi.prod_frequency", "prod_frequency", p.purchases_per_year, 0, 52, "%.1f", true,
                          "roi_prod_frequency");
        changed |= percent(e, "ui.roi.prod_repurchase", "prod_repurchase", p.repurchase_rate, 100, "roi_prod_repurchase");
        changed |= percent(e, "ui.roi.prod_audience", "prod_audience", p.audience_breadth, 100, "roi_prod_audience");
        end_table(e, "tbl.roi_product");
    }
    // One price and one margin on this tab: the active scenario's.
    if (d.active >= 0 && d.active < static_cast<int>(e.ws.economics.scenarios.size())) {
        const Scenario& s = e.ws.economics.scenarios[static_cast<std::size_t>(d.active)];
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + left);
        ImGui::TextDisabled("%s", trf("ui.roi.prod_priced_by", l, {s.name.empty() ? s.id : s.name, money(s.a.aov), ui::pct(s.a.gross_margin, 1)}).c_str());
        ImGui::PopTextWrapPos();
        note_widget(e, "roi_prod_priced_by");
    }
    ImGui::EndGroup();
    if (changed)
        send(e, set_value("economics.product", p));

    if (!narrow) ImGui::SameLine(0, 24);
    ImGui::BeginGroup();
    if (d.product_error) ImGui::TextColored(kBad, "%s", describe(*d.product_error, l).c_str());
    const ProductFit& f = d.fit;
    const ImVec4 vc = f.verdict == "good" ? kGood : f.verdict == "conditional" ? kWarn : kBad;
    ImGui::TextColored(vc, "%s", tr("economics.verdict." + f.verdict, l));
    note_widget(e, "roi_verdict");
    ImGui::SameLine();
    ImGui::TextDisabled("%s", trf("ui.roi.score", l, {fmt("%.0f", f.score)}).c_str());
    if (d.funnel) ImGui::TextDisabled("%s", T(l, "ui.roi.verdict_basis"));
    const std::pair<const char*, double> parts[] = {{"ui.roi.part_frequency", f.frequency},
                                                     {"ui.roi.part_repeat", f.repeat},
                                                     {"ui.roi.part_value", f.value},
                                                     {"ui.roi.part_audience", f.audience},
                                                     {"ui.roi.part_margin", f.margin}};
    for (const auto& [key, v] : parts) {
        ImGui::TextUnformatted(T(l, key));
        ImGui::SameLine(90);
        share_bar(v, 140, ImGui::GetColorU32(kAccent));
    }
    ImGui::EndGroup();
    ImGui::PushTextWrapPos(0);
    for (const FitReason& r : f.reasons) {
        ImGui::TextColored(r.positive ? kGood : kBad, "%s", r.positive ? "+" : "-");
        ImGui::SameLine();
        ImGui::TextWrapped("%s", trf(r.key, l, r.args).c_str());
    }
    ImGui::PopTextWrapPos();
    // Measured from the orders' product column: the typed profile above can follow them.
    const std::vector<ProductFigures>& prods = e.d.order_facts.products;
    if (!prods.empty() && ImGui::BeginTable("###roi_products_measured", 5,
                                            ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit)) {
        ImGui::TableSetupColumn(T(l, "ui.roi.mp_product"), ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableSetupColumn(T(l, "ui.roi.mp_buyers"));
        ImGui::TableSetupColumn(T(l, "ui.roi.mp_repurchase"));
        ImGui::TableSetupColumn(T(l, "ui.roi.mp_days"));
        ImGui::TableSetupColumn(T(l, "ui.roi.mp_price"));
        ImGui::TableHeadersRow();
        const std::size_t shown = std::min<std::size_t>(prods.size(), 10);
        for (std::size_t i = 0; i < shown; ++i) {
            const ProductFigures& pf = prods[i];
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(pf.product.c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(thousands(pf.buyers).c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(ui::pct(pf.repurchase_rate, 1).c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(pf.median_repeat_days > 0 ? fmt("%.0f", pf.median_repeat_days).c_str() : "—");
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(money(pf.average_price).c_str());
        }
        ImGui::EndTable();
        note_widget(e, "roi_products_measured");
    }
    ImGui::Spacing();
}

// [SECTION] channels -------------------------------------------------------------------------

void RoiView::draw_channels(const ViewEnv& e) {
    const Lang l = e.lang;
    const EconomicsFigures& d = e.d.economics;
    std::vector<ChannelRow> rows = e.ws.economics.channels;
    bool changed = false;
    ImGui::TextDisabled("%s", trf("ui.roi.shares_total", l, {ui::pct(d.channel_share_total, 1)}).c_str());
    ImGui::SameLine();
    const bool reset = ImGui::SmallButton(label(l, "ui.roi.reset_channels", "roi_reset_channels").c_str());
    note_widget(e, "roi_reset_channels");
    if (reset) {
        send(e, set_value("economics.channels", default_channels()));
        e.sink.seal();
        return;
    }
    if (rows.empty()) return;
    if (!begin_table("###roi_channels", 8, ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp, 720))
        return;
    for (const char* k : {"economics.col.channel", "economics.col.acquisition_cost", "economics.col.reach",
                          "economics.col.data_control", "economics.col.trust", "economics.col.maintenance_cost",
                          "economics.col.ban_risk", "economics.col.pool_share"})
        ImGui::TableSetupColumn(T(l, k), ImGuiTableColumnFlags_WidthStretch, k == std::string("economics.col.channel") ? 1.6f : 1.0f);
    table_headers(e, "tbl.roi_channels");
    std::size_t row = 0;
    auto cell = [&](const char* id, double& v, double lo, double hi, const char* f, bool log) {
        ImGui::TableNextColumn();
        ImGui::SetNextItemWidth(-FLT_MIN);
        ImGuiSliderFlags flags = ImGuiSliderFlags_AlwaysClamp | (log ? ImGuiSliderFlags_Logarithmic : 0);
        const std::string name = std::string(id) == "##share" ? "roi_share_" + std::to_string(row)
                                                               : "roi_ch" + std::to_string(row) + "." + (id + 2);
        const bool c = value_slider(e, name.c_str(), id, ImGuiDataType_Double, &v, &lo, &hi, f, flags);
        if (ImGui::IsItemDeactivatedAfterEdit()) seal_pending = true;
        return c;
    };
    for (std::size_t i = 0; i < rows.size(); ++i) {
        ChannelRow& r = rows[i];
        row = i;
        ImGui::PushID(static_cast<int>(i));
        ImGui::TableNextRow();
        label_cell(channel_name(r.channel, l).c_str());
        changed |= cell("##acq", r.acquisition_cost, 0, 500, "¥%.1f", false);
        changed |= cell("##reach", r.reach, 1, 5, "%.1f", false);
        changed |= cell("##control", r.data_control, 1, 5, "%.1f", false);
        changed |= cell("##trust", r.trust, 1, 5, "%.1f", false);
        changed |= cell("##upkeep", r.maintenance_cost, 0, 20000, "¥%.0f", false);
        double ban = r.ban_risk * 100;
        if (cell("##ban", ban, 0, 100, "%.2f%%", true)) {
            r.ban_risk = std::clamp(ban / 100, 0.0, 1.0);
            changed = true;
        }
        // A share can grow only into what the other channels leave (shares are of one pool).
        double others = 0;
        for (std::size_t k = 0; k < rows.size(); ++k)
            if (k != i) others += rows[k].pool_share;
        const double room = std::max(r.pool_share, 1.0 - others) * 100;
        double share = r.pool_share * 100;
        if (cell("##share", share, 0, std::max(room, 0.1), "%.1f%%", false)) {
            r.pool_share = std::clamp(share / 100, 0.0, 1.0);
            changed = true;
        }
        ImGui::PopID();
    }
    end_table(e, "tbl.roi_channels");
    if (changed) send(e, set_value("economics.channels", rows));
    ImGui::Spacing();
}

void RoiView::draw_risk(const ViewEnv& e) {
    const Lang l = e.lang;
    const EconomicsFigures& d = e.d.economics;
    const ChannelRisk& r = d.risk;
    ImGui::TextWrapped("%s", trf("ui.roi.pool_value", l, {yuan(r.pool_value, l), compact(d.risk_input.buyers, l),
                                                           money(d.risk_input.ltv)})
                                 .c_str());
    if (ImGui::BeginTable("###roi_risk", 2, ImGuiTableFlags_Borders | ImGuiTableFlags_SizingStretchProp)) {
        auto line = [&](const char* key, const std::string& v) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextWrapped("%s", T(l, key));  // wrapped: a phone has room for neither at length
            ImGui::TableNextColumn();
            ImGui::TextWrapped("%s", v.c_str());
        };
        line("economics.label.loss_account_ban",
             trf("ui.roi.loss_share", l, {yuan(r.loss_if_top_account_banned, l), ui::pct(r.top_account_share, 1)}));
        line("economics.label.loss_rule_change",
             r.top_platform.empty() ? std::string("—")
                                    : trf("ui.roi.loss_platform", l, {yuan(r.loss_if_top_platform_changes, l),
                                                                      platform_name(r.top_platform, l), ui::pct(r.top_platform_share, 1)}));
        line("economics.label.expected_ban_loss",
             yuan(r.expected_monthly_loss_concentrated, l) + " / " + yuan(r.expected_monthly_loss_spread, l));
        line("economics.label.spreading_benefit", yuan(r.spreading_benefit, l));
        end_table(e, "tbl.roi_risk");
    }

    const float bar_w = 160;
    ImGui::Spacing();
    ImGui::TextUnformatted(T(l, "ui.roi.by_platform"));
    for (const PlatformExposure& p : r.platforms) {
        ImGui::BulletText("%s", platform_name(p.platform, l).c_str());
        ImGui::SameLine(220);
        share_bar(p.share, bar_w, IM_COL32(66, 120, 200, 255));
        ImGui::SameLine();
        ImGui::TextDisabled("%s", trf("ui.roi.if_rules_change", l, {yuan(p.loss_if_rule_change, l)}).c_str());
    }
    ImGui::TextUnformatted(T(l, "ui.roi.by_channel"));
    for (const ChannelExposure& c : r.channels) {
        if (c.share <= 0) continue;
        ImGui::BulletText("%s", channel_name(c.channel, l).c_str());
        ImGui::SameLine(220);
        share_bar(c.share, bar_w, IM_COL32(60, 165, 140, 255));
        ImGui::SameLine();
        ImGui::TextDisabled("%s", trf("ui.roi.monthly_loss", l, {yuan(c.expected_monthly_loss, l)}).c_str());
    }
    ImGui::TextUnformatted(T(l, "ui.roi.by_account"));
    if (d.accounts_from_roles) {
        ImGui::SameLine();
        ImGui::TextDisabled("%s", T(l, "ui.roi.accounts_from_roles"));
        const std::size_t shown = std::min<std::size_t>(d.accounts.size(), 8);
        for (std::size_t i = 0; i < shown; ++i) {
            const AccountSlice& a = d.accounts[i];
            ImGui::BulletText("%s", a.name.c_str());
            ImGui::SameLine(220);
            share_bar(a.share, bar_w, IM_COL32(220, 150, 50, 255));
            ImGui::SameLine();
            ImGui::TextDisabled("%s", trf("ui.roi.if_banned", l, {yuan(a.share * r.pool_value, l)}).c_str());
        }
        if (d.accounts.size() > shown)
            ImGui::TextDisabled("%s", trf("ui.roi.more_accounts", l, {std::to_string(d.accounts.size() - shown)}).c_str());
    } else {
        ImGui::SameLine();
        ImGui::TextDisabled("%s", trf("ui.roi.accounts_equal", l, {fmt("%.0f", d.risk_input.accounts), ui::pct(r.top_account_share, 1)}).c_str());
    }
    ImGui::Spacing();
    if (r.findings.empty()) ImGui::TextColored(kGood, "%s", T(l, "ui.roi.no_findings"));
    ImGui::PushTextWrapPos(0);
    for (const Finding& f : r.findings) {
        ImGui::TextColored(kWarn, "%s", "!");
        ImGui::SameLine();
        ImGui::TextWrapped("%s", finding_message(f, l).c_str());
        if (!f.fix.empty()) {
            ImGui::Indent();
            ImGui::TextDisabled("%s", trf("ui.roi.fix", l, {tr(f.fix, l)}).c_str());
            ImGui::Unindent();
        }
    }
    ImGui::PopTextWrapPos();
}

}  // namespace yt::app
