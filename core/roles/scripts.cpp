// scripts.cpp — script categories, reply variables and search (see scripts.hpp).
#include "core/roles/scripts.hpp"

#include <algorithm>

#include "core/rules/term_match.hpp"

namespace yt {

const std::vector<std::string>& script_categories() {
    static const std::vector<std::string> k = {"welcome", "faq", "keyword", "objection", "crisis", "festival"};
    return k;
}

bool is_script_category(std::string_view key) {
    const auto& k = script_categories();
    return std::find(k.begin(), k.end(), key) != k.end();
}

std::string category_of_kind(std::string_view kind) {
    if (kind == "greeting") return "welcome";
    if (kind == "complaint") return "crisis";
    if (is_script_category(kind)) return std::string(kind);
    return "faq";
}

const std::vector<std::string>& script_variables() {
    static const std::vector<std::string> k = {"{昵称}", "{商品}", "{优惠券}", "{nickname}", "{product}", "{coupon}"};
    return k;
}

RenderedScript render_script(std::string_view reply, const SampleCustomer& who) {
    RenderedScript out;
    out.text.reserve(reply.size() + 32);
    std::size_t i = 0;
    while (i < reply.size()) {
        const std::size_t open = reply.find('{', i);
        if (open == std::string_view::npos) break;
        const std::size_t close = reply.find('}', open + 1);
        if (close == std::string_view::npos) break;
        // A "{" before the closing brace starts the variable again: "{{昵称}" keeps the first "{".
        const std::size_t again = reply.find('{', open + 1);
        if (again != std::string_view::npos && again < close) {
            out.text.append(reply.substr(i, again - i));
            i = again;
            continue;
        }
        out.text.append(reply.substr(i, open - i));
        const std::string_view name = reply.substr(open, close + 1 - open);
        if (name == "{昵称}" || name == "{nickname}") out.text += who.nickname;
        else if (name == "{商品}" || name == "{product}") out.text += who.product;
        else if (name == "{优惠券}" || name == "{coupon}") out.text += who.coupon;
        else {
            out.text.append(name);
            if (std::find(out.unknown.begin(), out.unknown.end(), name) == out.unknown.end()) out.unknown.emplace_back(name);
        }
        i = close + 1;
    }
    out.text.append(reply.substr(i));
    return out;
}

namespace {

std::string_view trim(std::string_view s) {
    const char* ws = " \t\r\n";
    const std::size_t a = s.find_first_not_of(ws);
    if (a == std::string_view::npos) return {};
    const std::size_t b = s.find_last_not_of(ws);
    return s.substr(a, b + 1 - a);
}

bool contains(const std::string& text, const std::vector<char32_t>& q) {
    if (text.empty()) return false;
    const FoldedText t(text);
    return std::search(t.cps.begin(), t.cps.end(), q.begin(), q.end()) != t.cps.end();
}

}  // namespace

bool script_matches(const ScriptEntry& e, std::string_view query) {
    query = trim(query);
    if (query.empty()) return true;
    const FoldedText q(query);
    if (contains(e.trigger, q.cps) || contains(e.reply, q.cps) || contains(e.note, q.cps)) return true;
    for (const std::string& k : e.keywords)
        if (contains(k, q.cps)) return true;
    return false;
}

std::vector<std::size_t> find_scripts(const std::vector<ScriptEntry>& scripts, const ScriptFilter& f) {
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < scripts.size(); ++i) {
        const ScriptEntry& e = scripts[i];
        if (!f.persona.empty() && e.persona != f.persona) continue;
        if (!f.category.empty() && e.category != f.category) continue;
        if (!script_matches(e, f.query)) continue;
        out.push_back(i);
    }
    return out;
}

std::string fresh_script_id(const std::vector<ScriptEntry>& scripts) {
    for (int n = 1;; ++n) {
        const std::string id = "s" + std::to_string(n);
        bool used = false;
        for (const ScriptEntry& e : scripts) used = used || e.id == id;
        if (!used) return id;
    }
}

std::vector<std::string> split_keywords(std::string_view text) {
    std::vector<std::string> out;
    static const std::string_view seps[] = {",", "，", "、", ";", "；", "|", "\n", "\r"};
    std::size_t start = 0, i = 0;
    auto flush = [&](std::size_t end) {
        const std::string_view k = trim(text.substr(start, end - start));
        if (!k.empty() && std::find(out.begin(), out.end(), k) == out.end()) out.emplace_back(k);
    };
    while (i < text.size()) {
        std::size_t len = 0;
        for (std::string_view s : seps)
            if (text.substr(i, s.size()) == s) {
                len = s.size();
                break;
            }
        if (len == 0) {
            ++i;
            continue;
        }
        flush(i);
        i += len;
        start = i;
    }
    flush(text.size());
    return out;
}

}  // namespace yt
