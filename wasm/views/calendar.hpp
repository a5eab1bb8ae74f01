// calendar.hpp — the 内容日历 Calendar tab: month and week views of the content plan.
//
// Layout: a toolbar (month / week, previous / today / next, the period, "from template…" which
// opens the template form, exports, the legend), the grid on the left and a side panel on the
// right (the selected item's editor, the findings of the visible range, the value-vs-promotion
// meter per channel and touches per customer per tier). The month view lists each day's items
// compactly — when a day has more than fit, one-off items and items with findings are shown
// before routine series, and "+N" opens that week; the week view has one swimlane per channel. Items are coloured by content type, and a marker tells value
// (●值) from promotion (◆促) without colour; an amber "!" marks items a finding is about.
// Festivals and their campaign windows (双11 warm-up, pre-sale ...) shade the days.
//
// Every change is an Edit: dragging an item to another day (or, in the week view, another
// channel lane) is one edit; editor fields send coalescing edits (one undo step per field,
// sealed when the field is left); applying a template is one "apply_template" edit; delete is
// one erase. The figures come from CalendarFigures (app/derived_calendar.hpp).
//
// Widgets published for browser tests (note_widget): "cal.month", "cal.week", "cal.prev",
// "cal.next", "cal.today", "cal.item.<id>" (the first visible box of each item),
// "cal.day.<YYYY-MM-DD>" (month cells), "cal.new.<YYYY-MM-DD>" (their + buttons),
// "cal.lane.<channel>.<YYYY-MM-DD>" (week cells), "cal.export.ics", "cal.export.csv",
// "cal.export.html", "cal.template" (opens the template form), "cal.template_pick" and
// "cal.apply" (in that form), "cal.finding<n>" (the n-th finding listed),
// "cal.edit.<field>" (editor fields: title, date, time, notes, campaign, coupon), "cal.edit.tier.<key>"
// (the audience checkboxes: segment keys and saved audience ids) and "cal.delete".
//
// Files: calendar.cpp (layout, navigation, dragging), calendar_grid.cpp (month and week grids),
// calendar_side.cpp (findings, meters), calendar_editor.cpp (the item editor, form helpers),
// calendar_template.cpp (the template form), calendar_edit.cpp (commands, labels, exports).
#pragma once
#include <array>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/edit/history.hpp"
#include "core/model/dates.hpp"
#include "views/toolkit.hpp"
#include "views/view.hpp"

namespace yt::app {

struct CalendarView {
    enum class Mode { Month, Week };
    Mode mode = Mode::Month;
    Day today = 0;             // this frame's "today" (RoleFigures::today)
    Day anchor = 0;            // a day of the visible month or week (0: today, on the first draw)
    std::string sel_id;        // the selected item
    Day sel_day = 0;           // the occurrence of it that was clicked
    std::string drag_id;       // the item pressed, while the button is down
    Day drag_day = 0;
    bool dragging = false;     // the press became a drag
    ui::Typing typing;  // the editor field being typed in and its text
    int fest_year = 0;         // the year the festival popup shows (0: the visible month's, on opening)
    int fest_scroll = 0;       // frames left to scroll the festival list to the visible month (on opening)
    bool focus_title = false;  // put the cursor in the title field on the next draw (new item)
    std::string tpl_id;        // template form: template, dates ("" = the visible range), audience
    std::string tpl_from, tpl_to, tpl_campaign;
    std::vector<std::string> tpl_off;  // "p:<persona>" / "g:<group>" left out (all included by default)
    int export_range = 0;      // exports cover: 0 the visible month or week, 1 the next 30 days, 2 the next 90, 3 the whole plan
    std::string status, error; // the last action's result / refusal, in the UI language

    // Drop targets drawn this frame: screen rectangle (x0, y0, x1, y1), day and lane channel
    // ("" in the month view: keep the item's channel).
    struct Cell {
        std::array<float, 4> r;
        Day day;
        std::string channel;
    };
    std::vector<Cell> cells;
    std::array<float, 4> grid_rect{};  // the grid's visible area this frame (x0, y0, x1, y1)

    void draw(const ViewEnv& e);
    // The visible range (the month, or Monday to Sunday) and the days the grid shows.
    void range(Day& from, Day& to) const;
    void grid_range(Day& from, Day& to) const;
    void select(const std::string& id, Day day);
    // Moves the period by `step` months or weeks; 0 = back to today.
    void navigate(int step);

    // Parts of draw().
    void draw_toolbar(const ViewEnv& e);
    void draw_month(const ViewEnv& e);
    void draw_week(const ViewEnv& e);
    // Narrow screens: the visible range as a list of days with their items (no grid).
    void draw_agenda(const ViewEnv& e);
    void draw_side(const ViewEnv& e);
    void draw_editor(const ViewEnv& e);
    void draw_template(const ViewEnv& e);  // the popup opened by "cal.template"
    void draw_festivals(const ViewEnv& e);  // the popup opened by "cal.festivals" (calendar_festivals.cpp)
    void apply_template_form(const ViewEnv& e, const CadenceTemplate& tpl, bool persona_slots, bool group_slots,
                             const std::string& from_hint, const std::string& to_hint);
    void draw_meters(const ViewEnv& e);
    void draw_findings(const ViewEnv& e);
    // Draws one item box at (x, y) of size (w, h); handles select, drag start and the tooltip.
    void item_box(const ViewEnv& e, const ContentItem& it, Day day, float x, float y, float w, float h, bool with_time);
    // The mouse was released over a cell while dragging: one update command.
    void drop(const ViewEnv& e, float x, float y);
    // Inserts a new item on `day` (channel "" = Moments) and selects it.
    void add_item(const ViewEnv& e, Day day, const std::string& channel);
    // Text field over `current`; `on_change` with every change (a coalescing update), sealed when
    // left. `key` is the field's id and, as "cal.edit.<key>", its published name.
    void text_field(const ViewEnv& e, const char* key, const std::string& current,
                    const std::function<void(const std::string&)>& on_change, float height = 0);
    // The item's context menu (right click, or a long press on touch screens).
    void item_menu(const ViewEnv& e, const ContentItem& it, Day day);
    // Submits `c`; `discrete` seals before and after. Records a refusal in `error`.
    bool submit(const ViewEnv& e, Edit c, bool discrete);
};

// Edits, labels and exports of this view (calendar_edit.cpp).
namespace cal {
// Replaces the item with value.id; later updates of the same field of the same item coalesce.
Edit update_item(const std::string& field, ContentItem value);
Edit insert_item(ContentItem value);
Edit erase_item(const std::string& id);
// "●值" / "◆促" (en "●V" / "◆P"): tells value from promotion without colour.
std::string marker(const std::string& type, Lang l);
// A box's text: marker, optional "HH:MM", title (or the type's name when untitled).
std::string box_label(const ContentItem& it, bool with_time, Lang l);
// Fill and border colours (ImU32) of an item box by content type; promotions get a darker border.
unsigned fill_colour(const std::string& type);
unsigned border_colour(const std::string& type);
// "HH:MM" or "H:MM" -> minutes; -1 when invalid.
int parse_hhmm(const std::string& s);
// The name of a channel or policy key ("group_deal") in the UI language.
std::string channel_name(const std::string& channel, Lang l);
// The days an export covers: range 0 = [visible_from, visible_to], 1/2 = the next 30/90 days from
// today, 3 = the whole span of the figures.
void export_span(const CalendarFigures& d, int range, Day visible_from, Day visible_to, Day& from, Day& to);
// An export of [from, to] as a download; `stamp_utc` is the ICS DTSTAMP (the export time).
PendingDownload export_file(const Workspace& ws, const std::string& format, Day from, Day to, Lang l, std::int64_t stamp_utc);
}  // namespace cal

// Form helpers shared by the view's panels (calendar_editor.cpp).
namespace cal_ui {
bool has(const std::vector<std::string>& v, const std::string& s);
// `v` with `s` added (on) or removed.
std::vector<std::string> toggled(std::vector<std::string> v, const std::string& s, bool on);
// Checkboxes laid out up to `per_row` to a line (fewer when the labels are too wide);
// `on_toggle(index, checked)` when one is clicked; `drawn(index)` (optional) right after each
// checkbox, e.g. to publish it.
void checkbox_grid(const char* id, int n, int per_row, const std::function<std::string(int)>& name,
                   const std::function<bool(int)>& checked, const std::function<void(int, bool)>& on_toggle,
                   const std::function<void(int)>& drawn = nullptr);
// A text field over view state that shows `hint` while empty (e.g. the value used when left empty).
void hinted_input(const char* id, std::string& buf, const char* hint, float width);
}  // namespace cal_ui

}  // namespace yt::app
