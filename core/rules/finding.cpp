// finding.cpp — typed finding arguments and their rendering at the edge (see finding.hpp).
#include "core/rules/finding.hpp"

#include "core/model/number_text.hpp"

namespace yt {

FindingArg FindingArg::num(double v) {
    FindingArg a;
    a.kind = Kind::Number;
    a.number = v;
    return a;
}

FindingArg FindingArg::percent(double ratio) {
    FindingArg a;
    a.kind = Kind::Percent;
    a.number = ratio;
    return a;
}

FindingArg FindingArg::day(Day d) {
    FindingArg a;
    a.kind = Kind::Day;
    a.number = d;
    return a;
}

FindingArg FindingArg::name(std::string key) {
    FindingArg a;
    a.kind = Kind::Name;
    a.text = std::move(key);
    return a;
}

FindingArg FindingArg::name_or(const std::string& key, std::string fallback) {
    return has_tr(key) ? name(key) : FindingArg(std::move(fallback));
}

FindingArg FindingArg::names(const std::vector<std::string>& keys) {
    FindingArg a;
    a.kind = Kind::Names;
    for (std::size_t i = 0; i < keys.size(); ++i) a.text += (i ? "\n" : "") + keys[i];
    return a;
}

namespace {

template <class F>
std::string join_keys(const std::string& text, const char* sep, F name_of) {
    std::string out;
    std::size_t at = 0;
    while (at <= text.size()) {
        std::size_t end = text.find('\n', at);
        if (end == std::string::npos) end = text.size();
        out += (out.empty() ? "" : sep) + name_of(text.substr(at, end - at));
        at = end + 1;
    }
    return out;
}

std::string name_text(const std::string& key, Lang lang) { return has_tr(key) ? tr(key, lang) : key; }

}  // namespace

std::string FindingArg::str() const {
    switch (kind) {
        case Kind::Text: return text;
        case Kind::Number: return count_text(number);
        case Kind::Percent: return percent_text(number);
        case Kind::Day: return format_day(static_cast<Day>(number));
        case Kind::Name: return text;
        case Kind::Names: return join_keys(text, ", ", [](const std::string& k) { return k; });
    }
    return text;
}

std::string finding_arg_text(const FindingArg& a, Lang lang) {
    if (a.kind == FindingArg::Kind::Name) return name_text(a.text, lang);
    if (a.kind == FindingArg::Kind::Names)
        return join_keys(a.text, lang == Lang::En ? ", " : "\xE3\x80\x81",  // 、
                         [lang](const std::string& k) { return name_text(k, lang); });
    return a.str();
}

std::vector<std::string> finding_args(const Finding& f, Lang lang) {
    std::vector<std::string> out;
    out.reserve(f.args.size());
    for (const FindingArg& a : f.args) out.push_back(finding_arg_text(a, lang));
    return out;
}

std::string finding_message(const Finding& f, Lang lang) { return trf(f.message, lang, finding_args(f, lang)); }

std::string finding_fix(const Finding& f, Lang lang) {
    return f.fix.empty() ? std::string() : trf(f.fix, lang, finding_args(f, lang));
}

}  // namespace yt
