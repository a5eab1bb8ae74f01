// assess_content.hpp — the content compliance scan and the personas' content mix, part of the
// Assessment (core/plan/assess.hpp).
//
// Scanned: calendar items (title and notes), journey/SOP steps (title) and script replies. Each
// text is searched for the workspace's enabled compliance terms (core/rules/content_terms.hpp)
// and, for content a persona posts (items and scripts of that persona), the persona's taboo
// words; matching is on code points (core/rules/term_match.hpp), skipping a term's context
// exceptions (a taboo word that is also a term shares the term's exceptions). Where hits overlap
// the longest wins (最佳 over 最). One finding per text owner and word, naming the word:
//   content.absolute_term / content.medical_claim / content.cosmetics_claim   a term, by its
//       category; severity from its level (block error, warn warning, info note)
//   content.taboo_word    a persona's taboo word in its own content (warning)
//   content.mix_off       a persona's promotion share in a Monday-based week above its mix
//                         target (Persona::mix, sales of the four strands) by more than the rule
//                         content.mix_promo_margin, in weeks with at least content.mix_min_items
//                         of its items
// Subjects: "item" (item id), "sop" (SOP id), "script" (the script's id), "persona".
// Args of a word finding: {0} word, {1} item title / step title / script trigger, {2} the text
// around the word, {3} the term's source (taboo: the persona's name), {4} the item's first day
// (YYYY-MM-DD) / the step's day / "", {5} persona name (items, scripts) or SOP name, {6} count.
// Args of content.mix_off: {0} persona name, {1} promotion share, {2} target, {3} promotion items,
// {4} items, {5} week start, {6} week end, {7} margin in percentage points.
#pragma once
#include <string>
#include <vector>

#include "core/calendar/view_support.hpp"
#include "core/model/dates.hpp"
#include "core/plan/workspace.hpp"
#include "core/rules/finding.hpp"

namespace yt {

struct ContentFigures {
    std::vector<Finding> findings;
    std::vector<FindingLink> links;  // per finding: the calendar items and days it is about
};

// Scans the workspace; content.mix_off looks at the weeks overlapping [from, to].
void assess_content(const Workspace& ws, Day from, Day to, ContentFigures& out);

}  // namespace yt
