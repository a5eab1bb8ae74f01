// i18n.cpp — lookup over all module string tables.
#include "core/i18n/i18n.hpp"

#include <mutex>
#include <string>
#include <unordered_map>
#include <unordered_set>

namespace yt {

namespace {
// Every core module's table, in lookup order.
std::vector<MsgTable> core_tables() {
    return {core_messages(), io_messages(), tiering_messages(), roles_messages(), calendar_messages(), economics_messages(),
            rules_messages(), report_messages(), content_messages(), groups_messages(), journeys_messages()};
}

// The tables front ends added (add_message_table), after the core ones.
std::vector<MsgTable>& added_tables() {
    static std::vector<MsgTable> t;
    return t;
}

std::vector<MsgTable> all_tables() {
    std::vector<MsgTable> all = core_tables();
    all.insert(all.end(), added_tables().begin(), added_tables().end());
    return all;
}

std::unordered_map<std::string_view, const Msg*>& index() {
    static std::unordered_map<std::string_view, const Msg*> idx = [] {
        std::unordered_map<std::string_view, const Msg*> m;
        for (MsgTable t : core_tables())
            for (std::size_t i = 0; i < t.size; ++i) m.emplace(t.data[i].key, &t.data[i]);
        return m;
    }();
    return idx;
}
}  // namespace

void add_message_table(MsgTable t) {
    added_tables().push_back(t);
    auto& idx = index();
    for (std::size_t i = 0; i < t.size; ++i) idx.emplace(t.data[i].key, &t.data[i]);
}

std::vector<std::string> duplicate_message_keys() {
    std::unordered_set<std::string_view> seen;
    std::vector<std::string> twice;
    for (MsgTable t : all_tables())
        for (std::size_t i = 0; i < t.size; ++i)
            if (!seen.insert(t.data[i].key).second) twice.emplace_back(t.data[i].key);
    return twice;
}

Lang parse_lang(std::string_view s) { return s.substr(0, 2) == "en" ? Lang::En : Lang::Zh; }
const char* lang_code(Lang l) { return l == Lang::En ? "en" : "zh"; }

const char* tr(std::string_view key, Lang lang) {
    auto& idx = index();
    auto it = idx.find(key);
    if (it == idx.end()) {
        // Unknown keys are shown as themselves; keep a stable copy since `key` may be a temporary.
        static std::mutex mu;
        static std::unordered_set<std::string> unknown;
        std::lock_guard<std::mutex> lock(mu);
        return unknown.emplace(key).first->c_str();
    }
    return lang == Lang::En ? it->second->en : it->second->zh;
}

bool has_tr(std::string_view key) { return index().count(key) != 0; }

std::string format_msg(std::string_view t, const std::vector<std::string>& args) {
    std::string out;
    out.reserve(t.size() + 16);
    for (std::size_t i = 0; i < t.size(); ++i) {
        if (t[i] == '{') {
            std::size_t j = i + 1;
            std::size_t n = 0;
            bool digits = false;
            while (j < t.size() && t[j] >= '0' && t[j] <= '9') { n = n * 10 + (t[j] - '0'); ++j; digits = true; }
            if (digits && j < t.size() && t[j] == '}') {
                if (n < args.size()) out += args[n];
                i = j;
                continue;
            }
        }
        out += t[i];
    }
    return out;
}

std::string trf(std::string_view key, Lang lang, const std::vector<std::string>& args) {
    return format_msg(tr(key, lang), args);
}

std::string describe(const Error& e, Lang lang) {
    std::string msg = trf(e.code, lang, e.args);
    std::string where;
    if (!e.where.file.empty()) where += e.where.file;
    if (e.where.line > 0) {
        if (!where.empty()) where += lang == Lang::En ? ", " : "，";
        where += trf("loc.line", lang, {std::to_string(e.where.line)});
    }
    if (e.where.column > 0) {
        if (!where.empty()) where += lang == Lang::En ? ", " : "，";
        where += trf("loc.column", lang, {std::to_string(e.where.column)});
    }
    if (!e.where.field.empty()) {
        if (!where.empty()) where += lang == Lang::En ? ", " : "，";
        where += trf("loc.field", lang, {e.where.field});
    }
    if (where.empty()) return msg;
    return lang == Lang::En ? where + ": " + msg : where + "：" + msg;
}

}  // namespace yt
