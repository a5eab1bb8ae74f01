// scripts_csv.cpp — the script library as CSV, export and import (see scripts_csv.hpp).
#include "core/roles/scripts_csv.hpp"

#include <algorithm>
#include <map>

#include "core/i18n/i18n.hpp"
#include "core/io/csv_reader.hpp"
#include "core/io/csv_write.hpp"
#include "core/io/encoding.hpp"
#include "core/roles/capacity.hpp"
#include "core/roles/scripts.hpp"

namespace yt {

namespace {

enum Col { kGroup, kTitle, kContent, kKeywords, kPersona, kNote, kId, kCols };
const char* const kHeader[kCols] = {"分组", "标题", "内容", "关键词", "人设", "备注", "编号"};

std::string category_name(const std::string& key) {
    const std::string k = "roles.category." + key;
    return has_tr(k) ? tr(k, Lang::Zh) : key;
}

std::string lower_ascii(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

std::string trimmed(std::string_view s) {
    const char* ws = " \t\r\n";
    const std::size_t a = s.find_first_not_of(ws);
    if (a == std::string_view::npos) return {};
    return std::string(s.substr(a, s.find_last_not_of(ws) + 1 - a));
}

int column_of(std::string_view header) {
    std::string h = lower_ascii(trimmed(header));
    static const std::map<std::string, int> names = {
        {"分组", kGroup},    {"分类", kGroup},    {"类型", kGroup},     {"category", kGroup}, {"group", kGroup},
        {"kind", kGroup},    {"标题", kTitle},    {"触发", kTitle},     {"title", kTitle},    {"trigger", kTitle},
        {"内容", kContent},  {"回复", kContent},  {"话术", kContent},   {"content", kContent}, {"reply", kContent},
        {"关键词", kKeywords}, {"keywords", kKeywords}, {"keyword", kKeywords},
        {"人设", kPersona},  {"persona", kPersona}, {"备注", kNote}, {"note", kNote},
        {"编号", kId},       {"id", kId}};
    auto it = names.find(h);
    return it == names.end() ? -1 : it->second;
}

// The category of a group cell: a key, a zh or en name, an old kind; "" → faq; unknown → "".
std::string category_of_group(const std::string& cell) {
    if (cell.empty()) return "faq";
    const std::string low = lower_ascii(cell);
    for (const std::string& k : script_categories()) {
        const std::string key = "roles.category." + k;
        if (low == k || cell == tr(key, Lang::Zh) || low == lower_ascii(tr(key, Lang::En))) return k;
    }
    if (low == "greeting" || low == "complaint") return category_of_kind(low);
    return "";
}

// Where a cell is: its line, its column in the file (1-based) and the name of the field it holds.
Location at(int line, int file_col, int field) { return Location{"", line, file_col + 1, kHeader[field]}; }

}  // namespace

std::string export_scripts_csv(const RolesPlan& plan, const std::string& persona_id) {
    CsvWriter w;
    w.row(std::vector<std::string>(std::begin(kHeader), std::end(kHeader)));
    for (const ScriptEntry& e : plan.scripts) {
        if (!persona_id.empty() && e.persona != persona_id) continue;
        const Persona* p = find_persona(plan, e.persona);
        const std::string name = p && !p->name.empty() ? p->name : e.persona;
        std::string keywords;
        for (const std::string& k : e.keywords) keywords += (keywords.empty() ? "" : "、") + k;
        w.row({category_name(e.category), e.trigger, e.reply, keywords, name, e.note, e.id});
    }
    return w.take();
}

Result<ScriptImport> import_scripts_csv(std::string_view bytes, const RolesPlan& plan, const std::string& default_persona) {
    std::string storage;
    std::string_view text;
    const auto enc = io::whole_text(bytes, storage, text);
    if (!enc) return enc.error();
    ScriptImport out;
    out.encoding = encoding_name(*enc);

    io::RecordReader reader(io::detect_dialect(text, true));
    std::size_t pos = 0;
    int cols[kCols];
    std::fill(std::begin(cols), std::end(cols), -1);
    std::size_t header_cells = 0;
    bool header = true;
    std::vector<std::pair<int, ScriptEntry>> rows;  // (line, entry)
    while (reader.next(text, pos, true) == io::RecordReader::Got::Record) {
        const io::FieldList f = reader.fields();
        const int line = reader.record_line();
        const bool blank = std::all_of(f.begin(), f.end(), [](std::string_view c) { return trimmed(c).empty(); });
        if (blank) continue;
        if (header) {
            header = false;
            header_cells = f.size();
            for (std::size_t i = 0; i < f.size(); ++i) {
                const int c = column_of(f[i]);
                if (c >= 0 && cols[c] < 0) cols[c] = static_cast<int>(i);
            }
            if (cols[kContent] < 0) return Error("roles.csv_no_content", {}, Location{"", line, 0, kHeader[kContent]});
            continue;
        }
        if (f.size() > header_cells)
            return Error("roles.csv_extra_cells", {std::to_string(f.size()), std::to_string(header_cells)},
                         Location{"", line, static_cast<int>(header_cells) + 1, ""});
        std::string cell[kCols];
        for (int c = 0; c < kCols; ++c) {
            if (cols[c] < 0 || static_cast<std::size_t>(cols[c]) >= f.size()) continue;
            const std::string_view v = f[static_cast<std::size_t>(cols[c])];
            if (!io::is_valid_utf8(v)) return Error("roles.csv_bad_text", {}, Location{"", line, cols[c] + 1, kHeader[c]});
            cell[c] = c == kContent || c == kNote ? std::string(v) : trimmed(v);
        }
        ScriptEntry e;
        e.reply = cell[kContent];
        if (trimmed(e.reply).empty()) return Error("roles.csv_empty_reply", {}, at(line, cols[kContent], kContent) );
        e.category = category_of_group(cell[kGroup]);
        if (e.category.empty()) return Error("roles.csv_bad_category", {cell[kGroup]}, at(line, cols[kGroup], kGroup));
        e.persona = default_persona;
        if (!cell[kPersona].empty()) {
            e.persona.clear();
            for (const Persona& p : plan.personas)
                if (p.id == cell[kPersona] || p.name == cell[kPersona]) e.persona = p.id;
            if (e.persona.empty()) return Error("roles.csv_unknown_persona", {cell[kPersona]}, at(line, cols[kPersona], kPersona));
        }
        e.trigger = cell[kTitle];
        e.keywords = split_keywords(cell[kKeywords]);
        e.note = cell[kNote];
        e.id = cell[kId];
        if (!e.id.empty())
            for (const auto& prev : rows)
                if (prev.second.id == e.id) return Error("roles.csv_duplicate_id", {e.id}, at(line, cols[kId], kId));
        rows.emplace_back(line, std::move(e));
    }
    if (header) return Error("io.empty_file");
    if (rows.empty()) return Error("roles.csv_no_rows");

    out.scripts = plan.scripts;
    std::vector<ScriptEntry> added;
    for (auto& row : rows) {
        ScriptEntry& e = row.second;
        auto same = std::find_if(out.scripts.begin(), out.scripts.end(), [&](const ScriptEntry& x) { return !e.id.empty() && x.id == e.id; });
        if (same != out.scripts.end()) {
            *same = std::move(e);
            ++out.updated;
        } else {
            added.push_back(std::move(e));
        }
    }
    for (ScriptEntry& e : added) {
        if (e.id.empty() || std::any_of(out.scripts.begin(), out.scripts.end(), [&](const ScriptEntry& x) { return x.id == e.id; }))
            e.id = fresh_script_id(out.scripts);
        out.scripts.push_back(std::move(e));
        ++out.added;
    }
    return out;
}

}  // namespace yt
