// tiers_customers.cpp — the virtualised customer list: search (id / name substring), sort by a
// click on a column header, filter by the selected segment. The row order is a vector of customer
// indexes kept in view state and rebuilt only when the data, the sort, the search text or the
// segment filter change; each frame draws only the visible rows (ImGuiListClipper), so a million
// customers stay interactive. Personal data are masked when the workspace setting says so.
#include <imgui.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <limits>
#include <numeric>

#include "core/io/mask.hpp"
#include "views/tiers_parts.hpp"

namespace yt::app {

std::string tiers_masked(const std::string& value, int kind, bool mask) {
    if (!mask || value.empty()) return value;
    if (kind == 1) return mask_name(value);
    if (kind == 2) return mask_phone(value);
    // Ids: many shops use the phone number as the member id.
    int digits = 0;
    for (char c : value) {
        if (c >= '0' && c <= '9') ++digits;
        else if (c != '+' && c != '-' && c != ' ') return value;
    }
    return digits >= 7 ? mask_phone(value) : value;
}

namespace {

using Col = CustomerColumn;

const char* const kColumnKeys[] = {"ui.tiers.col.id", "ui.tiers.col.name", "ui.tiers.col.phone", "ui.tiers.col.segment",
                                   "ui.tiers.col.stage", "ui.tiers.col.r", "ui.tiers.col.f", "ui.tiers.col.m",
                                   "ui.tiers.col.orders", "ui.tiers.col.revenue", "ui.tiers.col.last",
                                   "ui.tiers.col.p_alive", "ui.tiers.col.clv"};
const std::string kEmpty;

bool contains_ci(const std::string& hay, const std::string& needle) {
    if (needle.empty()) return true;
    auto it = std::search(hay.begin(), hay.end(), needle.begin(), needle.end(), [](char a, char b) {
        return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
    });
    return it != hay.end();
}

const std::string& at_or_empty(const std::vector<std::string>& v, std::size_t i) {
    return i < v.size() ? v[i] : kEmpty;
}

float at_or_nan(const std::vector<float>& v, std::size_t i) {
    return i < v.size() ? v[i] : std::numeric_limits<float>::quiet_NaN();
}

// A numeric sort key per customer for the numeric columns.
std::vector<double> numeric_key(const ViewEnv& e, Col c) {
    const Tiers& t = *e.d.tiers.tiers;
    const std::size_t n = t.summary.size();
    std::vector<double> k(n, 0.0);
    const TiersClv* clv = e.d.tiers.clv.get();
    const double lowest = -std::numeric_limits<double>::infinity();
    for (std::size_t i = 0; i < n; ++i) {
        switch (c) {
            case Col::Segment: k[i] = t.segments.segment[i]; break;
            case Col::Stage: k[i] = t.lifecycle.stage[i]; break;
            case Col::R: k[i] = t.rfm.r[i]; break;
            case Col::F: k[i] = t.rfm.f[i]; break;
            case Col::M: k[i] = t.rfm.m[i]; break;
            case Col::Orders: k[i] = t.summary.orders[i]; break;
            case Col::Revenue: k[i] = t.summary.revenue[i]; break;
            case Col::Last: k[i] = t.summary.orders[i] > 0 ? t.summary.last[i] : lowest; break;
            case Col::PAlive:
            case Col::Clv: {
                const float v = clv ? at_or_nan(c == Col::PAlive ? clv->result.p_alive : clv->result.clv, i)
                                    : std::numeric_limits<float>::quiet_NaN();
                k[i] = std::isnan(v) ? lowest : v;
                break;
            }
            default: break;
        }
    }
    return k;
}

void sort_rows(const ViewEnv& e, std::vector<std::uint32_t>& rows, int column, bool ascending) {
    const auto c = static_cast<Col>(column);
    const OrderTable& t = *e.d.orders;
    auto order = [&](auto less) {
        if (ascending) std::stable_sort(rows.begin(), rows.end(), less);
        else std::stable_sort(rows.begin(), rows.end(), [&](std::uint32_t a, std::uint32_t b) { return less(b, a); });
    };
    if (c == Col::Id) {
        order([&](std::uint32_t a, std::uint32_t b) { return t.customer_ids.at(a) < t.customer_ids.at(b); });
    } else if (c == Col::Name || c == Col::Phone) {
        const auto& v = c == Col::Name ? t.customer_names : t.customer_phones;
        order([&](std::uint32_t a, std::uint32_t b) { return at_or_empty(v, a) < at_or_empty(v, b); });
    } else {
        const std::vector<double> key = numeric_key(e, c);
        order([&](std::uint32_t a, std::uint32_t b) { return key[a] < key[b]; });
    }
}

}  // namespace

void TiersView::set_sort(CustomerColumn column, bool ascending) {
    list.sort_column = static_cast<int>(column);
    list.ascending = ascending;
}

const std::vector<std::uint32_t>& TiersView::list_rows(const ViewEnv& e) {
    const TierFigures& td = e.d.tiers;
    if (!td.tiers || !e.d.orders || e.d.orders->customers() != td.tiers->summary.size()) {
        list.rows.clear();
        list.sorted.clear();
        list.generation = 0;
        return list.rows;
    }
    const bool resort = list.generation != td.generation || list.built_sort_column != list.sort_column ||
                        list.built_ascending != list.ascending;
    if (resort) {
        list.sorted.resize(td.tiers->summary.size());
        std::iota(list.sorted.begin(), list.sorted.end(), 0u);
        if (list.sort_column >= 0 && list.sort_column < static_cast<int>(Col::Count))
            sort_rows(e, list.sorted, list.sort_column, list.ascending);
        list.generation = td.generation;
        list.built_sort_column = list.sort_column;
        list.built_ascending = list.ascending;
        ++list.sorts;
    }
    if (resort || list.built_search != list.search || list.built_segment != selected_segment) {
        const OrderTable& t = *e.d.orders;
        const auto& seg = td.tiers->segments.segment;
        list.rows.clear();
        const bool all = list.search.empty() && selected_segment < 0;
        if (all) {
            list.rows = list.sorted;
        } else {
            for (std::uint32_t c : list.sorted) {
                if (selected_segment >= 0 && seg[c] != selected_segment) continue;
                if (!list.search.empty() && !contains_ci(t.customer_ids.at(c), list.search) &&
                    !contains_ci(at_or_empty(t.customer_names, c), list.search))
                    continue;
                list.rows.push_back(c);
            }
        }
        list.built_search = list.search;
        list.built_segment = selected_segment;
        ++list.filters;
    }
    return list.rows;
}

std::array<std::string, static_cast<std::size_t>(CustomerColumn::Count)> TiersView::row_texts(const ViewEnv& e,
                                                                                                std::uint32_t c) const {
    std::array<std::string, static_cast<std::size_t>(Col::Count)> out;
    const OrderTable& t = *e.d.orders;
    const Tiers& tt = *e.d.tiers.tiers;
    const TiersClv* clv = e.d.tiers.clv.get();
    const bool mask = e.ws.settings.mask_personal;
    Lang l = e.lang;
    auto put = [&](Col k, std::string s) { out[static_cast<std::size_t>(k)] = std::move(s); };
    put(Col::Id, tiers_masked(t.customer_ids.at(c), 0, mask));
    put(Col::Name, tiers_masked(at_or_empty(t.customer_names, c), 1, mask));
    put(Col::Phone, tiers_masked(at_or_empty(t.customer_phones, c), 2, mask));
    const int seg = tt.segments.segment[c];
    put(Col::Segment, seg < kSegments ? tiers_segment_name(seg, l) : tr("tiering.seg.none", l));
    const int st = tt.lifecycle.stage[c];
    put(Col::Stage, st < kStages ? tiers_stage_name(st, l) : tr("tiering.stage.none", l));
    put(Col::R, std::to_string(tt.rfm.r[c]));
    put(Col::F, std::to_string(tt.rfm.f[c]));
    put(Col::M, std::to_string(tt.rfm.m[c]));
    put(Col::Orders, std::to_string(tt.summary.orders[c]));
    put(Col::Revenue, money(tt.summary.revenue[c]));
    put(Col::Last, tt.summary.orders[c] > 0 ? format_day(tt.summary.last[c]) : "—");
    const float pa = clv ? at_or_nan(clv->result.p_alive, c) : std::numeric_limits<float>::quiet_NaN();
    put(Col::PAlive, std::isnan(pa) ? "—" : tiers_pct(pa, 1.0));
    const float cv = clv ? at_or_nan(clv->result.clv, c) : std::numeric_limits<float>::quiet_NaN();
    put(Col::Clv, std::isnan(cv) ? "—" : money(cv));
    return out;
}

void tiers_draw_customers(TiersView& v, const ViewEnv& e) {
    Lang l = e.lang;
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(T(l, "ui.tiers.search"));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(220);
    ui::input_string("###tiers_search", v.list.search);
    note_widget(e, "tiers.search");
    const std::vector<std::uint32_t>& rows = v.list_rows(e);
    ImGui::SameLine();
    ImGui::TextDisabled("%s", trf("ui.tiers.shown", l, {thousands(static_cast<long long>(rows.size())),
                                                       thousands(static_cast<long long>(v.list.sorted.size()))})
                                  .c_str());
    if (v.selected_segment >= 0) {
        ImGui::SameLine();
        const std::string chip = tiers_segment_name(v.selected_segment, l) + "  x###tiers_seg_clear";
        if (ImGui::SmallButton(chip.c_str())) v.selected_segment = -1;
        note_widget(e, "tiers.seg_clear");
    }
    if (e.ws.settings.mask_personal) ImGui::TextDisabled("%s", T(l, "ui.tiers.masked_note"));
    const int cols = static_cast<int>(Col::Count);
    const ImGuiTableFlags flags = ImGuiTableFlags_Sortable | ImGuiTableFlags_SortTristate | ImGuiTableFlags_ScrollY |
                                  ImGuiTableFlags_ScrollX | ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersV |
                                  ImGuiTableFlags_BordersOuter | ImGuiTableFlags_Resizable | ImGuiTableFlags_SizingFixedFit;
    // On phones the panes are stacked in one scrolling column: the list gets its own height.
    if (!begin_table("###tiers_customers", cols, flags, 0, narrow_screen() ? 480.0f : 0.0f)) return;
    const float widths[] = {110, 80, 110, 110, 60, 28, 28, 28, 50, 100, 90, 60, 90};
    for (int c = 0; c < cols; ++c) {
        ImGui::TableSetupColumn(T(l, kColumnKeys[c]), ImGuiTableColumnFlags_WidthFixed, widths[c], static_cast<ImGuiID>(c));
    }
    ImGui::TableSetupScrollFreeze(1, 1);
    // Headers by hand so R, F and M can say what each score covers (ties merge quantiles);
    // each is published as "tbl.tiers_customers.h<column>" like table_headers() does.
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
    for (int c = 0; c < cols; ++c) {
        if (!ImGui::TableSetColumnIndex(c)) continue;
        const char* head = ImGui::TableGetColumnName(c);
        const float room = ImGui::GetContentRegionAvail().x;
        ImGui::TableHeader(head);
        const std::string key = "tbl.tiers_customers.h" + std::to_string(c);
        note_widget(e, key.c_str());
        note_cut(e, key.c_str(), ImGui::CalcTextSize(head ? head : "").x > room + 0.5f);
        const Col col = static_cast<Col>(c);
        if ((col == Col::R || col == Col::F || col == Col::M) && ImGui::IsItemHovered() && e.d.tiers.tiers)
            ImGui::SetTooltip("%s", tiers_score_ranges(e.d.tiers.tiers->rfm, col == Col::R ? 'r' : col == Col::F ? 'f' : 'm', l).c_str());
    }
    if (ImGuiTableSortSpecs* sp = ImGui::TableGetSortSpecs()) {
        if (sp->SpecsDirty) {
            if (sp->SpecsCount > 0)
                v.set_sort(static_cast<Col>(sp->Specs[0].ColumnUserID), sp->Specs[0].SortDirection == ImGuiSortDirection_Ascending);
            else
                v.list.sort_column = -1;
            sp->SpecsDirty = false;
        }
    }
    const std::vector<std::uint32_t>& shown = v.list_rows(e);
    ImGuiListClipper clip;
    clip.Begin(static_cast<int>(shown.size()));
    while (clip.Step()) {
        for (int i = clip.DisplayStart; i < clip.DisplayEnd; ++i) {
            const std::uint32_t c = shown[static_cast<std::size_t>(i)];
            const auto texts = v.row_texts(e, c);
            ImGui::TableNextRow();
            for (int k = 0; k < cols; ++k) {
                ImGui::TableSetColumnIndex(k);
                ImGui::TextUnformatted(texts[static_cast<std::size_t>(k)].c_str());
                if (i == 0 && k == 0) note_widget(e, "tiers.row0");
            }
        }
    }
    end_table(e, "tbl.tiers_customers");
}

}  // namespace yt::app
