// assess_content.cpp — the content compliance scan and the content mix (see assess_content.hpp).
//
// [SECTIONS] words in one text · word findings per item, step and script · content mix per week
#include "core/plan/assess_content.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include "core/calendar/recurrence.hpp"
#include "core/rules/rule_value.hpp"
#include "core/rules/term_match.hpp"

namespace yt {

namespace {

// ---- [SECTION] words in one text ---------------------------------------------------------------

struct Hit {
    std::size_t at = 0, len = 0;  // code points
    int term = -1;                // index into the terms, or -1 for a taboo word
    std::string word;
};

const std::vector<std::string>& no_exceptions() {
    static const std::vector<std::string> none;
    return none;
}

// The exceptions a taboo word shares with a term of the same word.
const std::vector<std::string>& exceptions_of(const std::vector<ContentTerm>& terms, const std::string& word) {
    for (const ContentTerm& t : terms)
        if (t.word == word) return t.exceptions;
    return no_exceptions();
}

// Enabled terms and the given taboo words in `text`; where hits overlap, the longer one (a term
// before a taboo word of the same length) covers the shorter.
std::vector<Hit> words_in(const std::string& text, const std::vector<ContentTerm>& terms, const std::vector<std::string>& taboo) {
    std::vector<Hit> all;
    if (text.empty()) return all;
    const FoldedText folded(text);
    for (std::size_t i = 0; i < terms.size(); ++i) {
        const ContentTerm& t = terms[i];
        if (!t.enabled || t.word.empty()) continue;
        const std::size_t len = code_points(t.word);
        for (std::size_t at : find_word(folded, t.word, t.exceptions)) all.push_back(Hit{at, len, static_cast<int>(i), t.word});
    }
    for (const std::string& w : taboo) {
        if (w.empty()) continue;
        const std::size_t len = code_points(w);
        for (std::size_t at : find_word(folded, w, exceptions_of(terms, w))) all.push_back(Hit{at, len, -1, w});
    }
    std::stable_sort(all.begin(), all.end(), [](const Hit& a, const Hit& b) {
        if (a.len != b.len) return a.len > b.len;
        return (a.term >= 0) > (b.term >= 0);
    });
    std::vector<Hit> kept;
    for (const Hit& h : all) {
        const bool covered = std::any_of(kept.begin(), kept.end(), [&](const Hit& k) { return h.at >= k.at && h.at + h.len <= k.at + k.len; });
        if (!covered) kept.push_back(h);
    }
    return kept;
}

// ---- [SECTION] word findings per item, step and script -----------------------------------------

// A word rule, the start of its message key (+ "item", "sop" or "script") and its fix.
struct WordRule {
    const char* rule;
    const char* message;
    const char* fix;
};
constexpr WordRule kMedical{"content.medical_claim", "content.msg.medical_claim.", "content.fix.medical_claim"};
constexpr WordRule kCosmetics{"content.cosmetics_claim", "content.msg.cosmetics_claim.", "content.fix.cosmetics_claim"};
constexpr WordRule kAbsolute{"content.absolute_term", "content.msg.absolute_term.", "content.fix.absolute_term"};
constexpr WordRule kTaboo{"content.taboo_word", "content.msg.taboo_word.", "content.fix.taboo_word"};

const WordRule& rule_of(const ContentTerm& t) {
    if (t.category == "medical") return kMedical;
    if (t.category == "cosmetics") return kCosmetics;
    return kAbsolute;
}

Severity severity_of(const ContentTerm& t) {
    return t.level == "block" ? Severity::Error : t.level == "info" ? Severity::Info : Severity::Warning;
}

// One owner of texts (an item, a step, a script entry) and where its findings point.
struct Owner {
    std::string kind, id, title;
    FindingArg day;       // an item's first day, a step's day number, or nothing
    std::string context;  // persona or SOP name
    std::string persona_name;
};

// Findings about one owner: one per word, the first occurrence quoted, the count in `value`.
void scan_owner(const Owner& o, const std::vector<const std::string*>& texts, const std::vector<ContentTerm>& terms,
                const std::vector<std::string>& taboo, std::vector<Finding>& out) {
    struct Seen {
        Hit first;
        const std::string* text;
        int count = 0;
    };
    std::vector<Seen> seen;  // in order of first appearance
    for (const std::string* t : texts) {
        std::vector<Hit> hits = words_in(*t, terms, taboo);
        std::sort(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) { return a.at < b.at; });
        for (const Hit& h : hits) {
            auto s = std::find_if(seen.begin(), seen.end(), [&](const Seen& x) { return x.first.term == h.term && x.first.word == h.word; });
            if (s == seen.end()) seen.push_back(Seen{h, t, 1});
            else ++s->count;
        }
    }
    for (const Seen& s : seen) {
        Finding f;
        const bool taboo_word = s.first.term < 0;
        const WordRule& rule = taboo_word ? kTaboo : rule_of(terms[static_cast<std::size_t>(s.first.term)]);
        f.rule = rule.rule;
        f.severity = taboo_word ? Severity::Warning : severity_of(terms[static_cast<std::size_t>(s.first.term)]);
        f.subject_kind = o.kind;
        f.subject = o.id;
        f.value = s.count;
        f.message = rule.message + o.kind;
        f.fix = rule.fix;
        f.args = {s.first.word,
                  o.title,
                  excerpt(*s.text, s.first.at, s.first.len),
                  taboo_word ? o.persona_name : terms[static_cast<std::size_t>(s.first.term)].source,
                  o.day,
                  o.context,
                  FindingArg::num(s.count)};
        out.push_back(std::move(f));
    }
}

const Persona* find_persona(const Workspace& ws, const std::string& id) {
    for (const Persona& p : ws.roles.personas)
        if (p.id == id) return &p;
    return nullptr;
}

std::string persona_name(const Persona* p, const std::string& id) { return p && !p->name.empty() ? p->name : id; }

// ---- [SECTION] content mix per week -------------------------------------------------------------

void content_mix(const Workspace& ws, Day from, Day to, ContentFigures& out) {
    if (from > to) return;
    const double margin = rule_value(ws.rules, "content.mix_promo_margin");
    const int min_items = std::max(1, static_cast<int>(rule_value(ws.rules, "content.mix_min_items")));
    const Day week0 = from - weekday(from);
    const std::size_t weeks = static_cast<std::size_t>((to - week0) / 7 + 1);
    std::map<std::string, std::pair<std::vector<int>, std::vector<int>>> counts;  // persona -> (items, promo) per week
    for (const Occurrence& o : expand_occurrences(ws.calendar.items, from, to)) {
        const ContentItem& it = ws.calendar.items[o.item];
        auto& c = counts[it.persona];
        if (c.first.empty()) c.first.assign(weeks, 0), c.second.assign(weeks, 0);
        const std::size_t w = static_cast<std::size_t>((o.day - week0) / 7);
        ++c.first[w];
        if (is_promotion_type(it.type)) ++c.second[w];
    }
    for (const Persona& p : ws.roles.personas) {
        const ContentMix& m = p.mix;
        const double sum = m.life + m.expertise + m.emotion + m.sales;
        auto c = counts.find(p.id);
        if (sum <= 0 || c == counts.end()) continue;
        const double target = m.sales / sum;
        for (std::size_t w = 0; w < weeks; ++w) {
            const int n = c->second.first[w], promo = c->second.second[w];
            if (n < min_items) continue;
            const double share = static_cast<double>(promo) / n;
            if (share <= target + margin + 1e-9) continue;
            const Day a = week0 + static_cast<Day>(7 * w), b = a + 6;
            Finding f;
            f.rule = "content.mix_off";
            f.severity = Severity::Warning;
            f.subject_kind = "persona";
            f.subject = p.id;
            f.value = share;
            f.limit = target + margin;
            f.message = "content.msg.mix_off";
            f.fix = "content.fix.mix_off";
            f.args = {persona_name(&p, p.id),   FindingArg::percent(share), FindingArg::percent(target),
                      FindingArg::num(promo),   FindingArg::num(n),         FindingArg::day(a),
                      FindingArg::day(b),       FindingArg::num(std::lround(margin * 100))};
            FindingLink link;
            link.from = link.focus = a;
            link.to = b;
            for (const ContentItem& it : ws.calendar.items)
                if (it.persona == p.id && is_promotion_type(it.type) && !occurrence_days(it, a, b).empty()) link.items.push_back(it.id);
            out.findings.push_back(std::move(f));
            out.links.push_back(std::move(link));
        }
    }
}

}  // namespace

void assess_content(const Workspace& ws, Day from, Day to, ContentFigures& out) {
    out.findings.clear();
    out.links.clear();
    const std::vector<ContentTerm>& terms = ws.compliance.terms;
    auto flush_links = [&out](const FindingLink& link) {
        while (out.links.size() < out.findings.size()) out.links.push_back(link);
    };
    for (const ContentItem& it : ws.calendar.items) {
        const Persona* p = find_persona(ws, it.persona);
        Owner o{"item", it.id, it.title, it.day > 0 ? FindingArg::day(it.day) : FindingArg(), persona_name(p, it.persona),
                persona_name(p, it.persona)};
        scan_owner(o, {&it.title, &it.notes}, terms, p ? p->taboo_words : no_exceptions(), out.findings);
        FindingLink link;
        link.items = {it.id};
        link.from = link.to = link.focus = it.day;
        flush_links(link);
    }
    for (const Sop& s : ws.calendar.sops)
        for (const SopStep& st : s.steps) {
            // A step sent in a persona's voice keeps to that persona's taboo words.
            const Persona* p = st.persona.empty() ? nullptr : find_persona(ws, st.persona);
            Owner o{"sop", s.id, st.title, FindingArg::num(st.day), s.name, persona_name(p, st.persona)};
            scan_owner(o, {&st.title}, terms, p ? p->taboo_words : no_exceptions(), out.findings);
            flush_links(FindingLink{});
        }
    for (const ScriptEntry& e : ws.roles.scripts) {
        const Persona* p = find_persona(ws, e.persona);
        Owner o{"script", e.id, e.trigger, "", persona_name(p, e.persona), persona_name(p, e.persona)};
        scan_owner(o, {&e.reply}, terms, p ? p->taboo_words : no_exceptions(), out.findings);
        flush_links(FindingLink{});
    }
    content_mix(ws, from, to, out);
}

}  // namespace yt
