// options.cpp — the option-table parser and the per-subcommand help (see options.hpp).
#include "cli/options.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>

#include "core/model/dates.hpp"

namespace yt::cli {
namespace {

std::string lower(std::string_view s) {
    std::string o(s);
    for (char& c : o) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return o;
}

// Levenshtein distance where swapping two neighbours counts one (optimal string alignment).
std::size_t edit_distance(const std::string& a, const std::string& b) {
    const std::size_t n = a.size(), m = b.size();
    std::vector<std::vector<std::size_t>> d(n + 1, std::vector<std::size_t>(m + 1));
    for (std::size_t i = 0; i <= n; ++i) d[i][0] = i;
    for (std::size_t j = 0; j <= m; ++j) d[0][j] = j;
    for (std::size_t i = 1; i <= n; ++i)
        for (std::size_t j = 1; j <= m; ++j) {
            const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
        }
    return d[n][m];
}


std::vector<std::string> split_choices(std::string_view meta) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= meta.size()) {
        const std::size_t bar = std::min(meta.find('|', start), meta.size());
        out.emplace_back(meta.substr(start, bar - start));
        start = bar + 1;
    }
    return out;
}

const char* meta(const Option& o, Lang lang) { return lang == Lang::En ? o.meta_en : o.meta_zh; }
std::string dashed(std::string_view name) { return "--" + std::string(name); }

// "-5", "-0.5": a negative number is an argument, not an option.
bool looks_like_option(const std::string& s) {
    if (s.size() < 2 || s[0] != '-') return false;
    return !(std::isdigit(static_cast<unsigned char>(s[1])) || s[1] == '.');
}

Error unknown_option(const Command& cmd, const std::string& typed, std::string_view name) {
    std::vector<std::string> names;
    for (const Option& o : cmd.options) names.push_back(o.name);
    const std::string near = closest(name, names);
    if (near.empty()) return Error("cli.unknown_option", {cmd.name, typed});
    return Error("cli.unknown_option_near", {cmd.name, typed, dashed(near)});
}

}  // namespace

std::size_t display_width(std::string_view s) {
    std::size_t w = 0;
    for (std::size_t i = 0; i < s.size();) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        const std::size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        unsigned cp = len == 1 ? c : c & (0x3F >> (len - 1));
        for (std::size_t k = 1; k < len && i + k < s.size(); ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
        w += cp >= 0x2E80 ? 2 : 1;
        i += len;
    }
    return w;
}

std::string closest(std::string_view word, const std::vector<std::string>& candidates) {
    const std::string w = lower(word);
    if (w.empty()) return "";
    std::string best;
    std::size_t best_d = std::string::npos;
    for (const std::string& c : candidates) {
        const std::size_t d = edit_distance(w, lower(c));
        if (d < best_d) { best_d = d; best = c; }
    }
    const std::size_t allowed = std::min<std::size_t>(3, 1 + w.size() / 4);
    if (best_d <= allowed) return best;
    // A beginning that only one candidate has: --calib for --calibration-end.
    std::string only;
    for (const std::string& c : candidates) {
        if (lower(c).compare(0, w.size(), w) != 0) continue;
        if (!only.empty()) return "";
        only = c;
    }
    return w.size() >= 3 ? only : "";
}

Status check_value(const Option& o, const std::string& v) {
    const std::string opt = dashed(o.name);
    switch (o.value) {
        case Value::None:
        case Value::Text:
            return ok_status();
        case Value::Number: {
            char* end = nullptr;
            const double x = std::strtod(v.c_str(), &end);
            if (std::isspace(static_cast<unsigned char>(v[0])) || end != v.c_str() + v.size() || !std::isfinite(x))
                return Error("cli.bad_number", {opt, v});
            return ok_status();
        }
        case Value::Count:
            if (v.size() > 18 || v.find_first_not_of("0123456789") != std::string::npos) return Error("cli.bad_count", {opt, v});
            return ok_status();
        case Value::Date:
            if (!parse_day(v)) return Error("cli.bad_date", {opt, v});
            return ok_status();
        case Value::Choice: {
            const std::vector<std::string> words = split_choices(o.meta_en);
            if (std::find(words.begin(), words.end(), v) != words.end()) return ok_status();
            const std::string near = closest(v, words);
            if (near.empty()) return Error("cli.bad_choice", {opt, v, o.meta_en});
            return Error("cli.bad_choice_near", {opt, v, o.meta_en, near});
        }
    }
    return ok_status();
}

Result<Args> parse_command_line(const Command& cmd, int argc, char** argv, int first) {
    Args a;
    bool operands_only = false;
    for (int i = first; i < argc; ++i) {
        const std::string s = argv[i];
        if (operands_only || !looks_like_option(s)) {
            a.positional.push_back(s);
            continue;
        }
        if (s == "--") {
            operands_only = true;
            continue;
        }
        if (s == "-h") {
            a.flags.insert("help");
            continue;
        }
        if (s.compare(0, 2, "--") != 0) return unknown_option(cmd, s, std::string_view(s).substr(1));  // -json
        const std::size_t eq = s.find('=');
        const std::string name = s.substr(2, eq == std::string::npos ? std::string::npos : eq - 2);
        const auto it = std::find_if(cmd.options.begin(), cmd.options.end(), [&](const Option& o) { return name == o.name; });
        if (it == cmd.options.end()) return unknown_option(cmd, dashed(name), name);
        const Option& o = *it;
        if (a.has(name)) return Error("cli.repeated_option", {dashed(name)});
        if (o.value == Value::None) {
            if (eq != std::string::npos) return Error("cli.flag_value", {dashed(name), s.substr(eq + 1)});
            a.flags.insert(name);
            continue;
        }
        std::string v;
        if (eq != std::string::npos) v = s.substr(eq + 1);
        else if (i + 1 < argc && std::string_view(argv[i + 1]).substr(0, 2) != "--") v = argv[++i];
        if (v.empty()) return Error("cli.missing_value", {dashed(name)});
        if (Status st = check_value(o, v); !st) return st.error();
        a.opts[name] = v;
    }
    if (a.flags.count("help")) return a;
    for (const Option& o : cmd.options)
        if (o.required && !a.has(o.name)) return Error("cli.missing_option", {cmd.name, dashed(o.name)});
    if (a.positional.size() > cmd.max_operands) return Error("cli.extra_argument", {cmd.name, a.positional[cmd.max_operands]});
    return a;
}

std::string usage_line(const Command& cmd, Lang lang) {
    std::string s = cmd.name;
    const char* operands = lang == Lang::En ? cmd.operands_en : cmd.operands_zh;
    if (*operands) s += std::string(" ") + operands;
    bool optional = false;
    for (const Option& o : cmd.options) {
        if (!o.required) { optional = true; continue; }
        s += " " + dashed(o.name) + " " + meta(o, lang);
    }
    if (optional) s += lang == Lang::En ? " [options]" : " [选项]";
    return s;
}

std::string command_help(const Command& cmd, Lang lang) {
    const bool en = lang == Lang::En;
    std::string out = (en ? "usage: yutang " : "用法：yutang ") + usage_line(cmd, lang) + "\n" + (en ? cmd.en : cmd.zh) + "\n\n" +
                      (en ? "options:\n" : "选项：\n");
    std::vector<std::string> left;
    std::size_t width = 0;
    for (const Option& o : cmd.options) {
        std::string l = "  " + dashed(o.name);
        if (o.value != Value::None) l += std::string(" ") + meta(o, lang);
        width = std::max(width, display_width(l));
        left.push_back(l);
    }
    for (std::size_t i = 0; i < cmd.options.size(); ++i) {
        const Option& o = cmd.options[i];
        out += left[i] + std::string(width - display_width(left[i]) + 3, ' ') + (en ? o.en : o.zh);
        if (o.required) out += en ? " (required)" : "（必需）";
        out += "\n";
    }
    return out;
}

const Command* find_command(std::string_view name) {
    for (const Command& c : commands())
        if (name == c.name) return &c;
    return nullptr;
}

}  // namespace yt::cli
