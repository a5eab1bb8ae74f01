// scripts.hpp — the script library (话术库): categories, variables in replies, search.
//
// Categories (stored keys; names are "roles.category.<key>" in the catalogue, zh and en):
//   welcome    欢迎语 — a new friend or a new group member
//   faq        常见问题
//   keyword    关键词回复 — an auto-reply sent when a message holds one of the entry's keywords
//   objection  异议处理 — "too expensive", "does it work", hesitation before buying
//   crisis     负面/危机处理 — complaints, bad reactions, negative feedback
//   festival   节日问候
// Workspaces before schema 5 had kinds: faq, keyword, greeting (→ welcome), complaint (→ crisis).
//
// Variables in a reply are written in braces and filled in per customer when the reply is sent:
//   {昵称} / {nickname}   the customer's nickname
//   {商品} / {product}    the product the message is about
//   {优惠券} / {coupon}   the coupon offered
// render_script() fills them from a sample customer for the preview; anything else in braces is
// left as written and listed, so the editor can point it out (a typo such as {昵陈} would reach
// customers as is). Only ASCII braces count.
//
// Search (find_scripts) is a substring match over trigger, keywords, reply and note on code
// points, with full-width forms and ASCII case folded (core/rules/term_match.hpp), so 优惠 finds
// 优惠券 and vc finds VC; the persona and category filters are exact.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/roles/roles_model.hpp"

namespace yt {

// The category keys in display order.
const std::vector<std::string>& script_categories();
bool is_script_category(std::string_view key);
// The category of a pre-schema-5 kind ("greeting" → "welcome", "complaint" → "crisis"; a key
// that is already a category stays; anything else → "faq").
std::string category_of_kind(std::string_view kind);

// The sample customer of the preview.
struct SampleCustomer {
    std::string nickname = "小美";
    std::string product = "花漾水光精华";
    std::string coupon = "满199减30券";
};

// The variable names (with braces) in the order listed above, Chinese first.
const std::vector<std::string>& script_variables();

struct RenderedScript {
    std::string text;                  // the reply with the known variables filled in
    std::vector<std::string> unknown;  // "{…}" not known, once each, in order of appearance
};
RenderedScript render_script(std::string_view reply, const SampleCustomer& who = {});

// Which entries to show: all three conditions must hold; an empty one holds for every entry.
struct ScriptFilter {
    std::string query;     // substring of trigger, a keyword, reply or note (spaces around ignored)
    std::string persona;   // Persona id
    std::string category;  // category key
};
bool script_matches(const ScriptEntry& e, std::string_view query);
// Indices into `scripts` of the entries that pass, in list order.
std::vector<std::size_t> find_scripts(const std::vector<ScriptEntry>& scripts, const ScriptFilter& f);

// "s<n>" with the smallest n not used by `scripts`.
std::string fresh_script_id(const std::vector<ScriptEntry>& scripts);
// Keywords from typed text: split on , ， 、 ; ； | and line breaks, trimmed, empty ones and
// repeats dropped.
std::vector<std::string> split_keywords(std::string_view text);

}  // namespace yt
