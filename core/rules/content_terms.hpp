// content_terms.hpp — words that content must not use, or should use with care: the Advertising
// Law's absolute terms (极限词), medical claims and cosmetics efficacy claims, as dated, sourced,
// editable data (the workspace's `compliance.terms`; Settings edits them through commands).
//
// A term has a level — "block" (the law names it, or an official ruling does: an error),
// "warn" (commonly listed, usually a violation: a warning), "info" (needs evidence, or only
// risky in product names: a note) — a category ("absolute", "medical", "cosmetics"), a source
// (weak or unverified sources say so in the note) and context exceptions: longer phrases that
// contain the word but make no claim (第一次 and 第一步 are ordinals, 最近 is a time), which the
// scan skips. default_content_terms() is the shipped list (from the playbook's section 1).
#pragma once
#include <string>
#include <vector>

#include "core/model/result.hpp"
#include "core/model/serial.hpp"

namespace yt {

struct ContentTerm {
    std::string id;                       // stable id, e.g. "abs.national"
    std::string word;                     // as written in copy, e.g. "国家级"
    std::string level = "warn";           // "block", "warn", "info"
    std::string category = "absolute";    // "absolute", "medical", "cosmetics"
    std::vector<std::string> exceptions;  // phrases containing `word` that are not a claim
    std::string source;                   // where the rule comes from
    std::string note;                     // zh and en
    bool enabled = true;
    bool builtin = false;                 // shipped (restore_content_terms brings it back)
    template <class Ar> void serialize(Ar& ar) {
        ar(CEREAL_NVP(id), CEREAL_NVP(word), CEREAL_NVP(level), CEREAL_NVP(category), CEREAL_NVP(exceptions),
           CEREAL_NVP(source), CEREAL_NVP(note), CEREAL_NVP(enabled), CEREAL_NVP(builtin));
    }
};

struct CompliancePlan {
    std::vector<ContentTerm> terms;
    template <class Ar> void serialize(Ar& ar) { ar(CEREAL_NVP(terms)); }
};

// The shipped list, every term enabled and marked builtin.
std::vector<ContentTerm> default_content_terms();

// The list with every built-in term back as shipped (in shipped order, deleted ones re-added,
// edits and disabling undone), followed by the user's own terms as they are.
std::vector<ContentTerm> restore_content_terms(const std::vector<ContentTerm>& current);

// A term a user may save: a word, a known level and category (codes "content.bad_term_*").
Status check_content_term(const ContentTerm& t);

}  // namespace yt
