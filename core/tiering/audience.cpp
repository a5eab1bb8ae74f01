// audience.cpp — evaluating saved audiences over an OrderTable (see audience.hpp for the rules).
#include "core/tiering/audience.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <functional>
#include <map>
#include <numeric>
#include <set>

#include "core/tiering/lifecycle.hpp"

namespace yt {

namespace {

// Attribute columns a value condition may name (the importer's canonical keys).
const char* const kAttributeFields[] = {"city", "province", "category", "gender", "channel", "source", "level"};

bool is_attribute_field(const std::string& f) {
    return std::find(std::begin(kAttributeFields), std::end(kAttributeFields), f) != std::end(kAttributeFields);
}

int attribute_index(const OrderTable& t, const std::string& name) {
    for (std::size_t i = 0; i < t.attributes.size(); ++i)
        if (t.attributes[i].name == name) return static_cast<int>(i);
    return -1;
}

std::string trim(const std::string& s) {
    std::size_t a = 0, b = s.size();
    while (a < b && (s[a] == ' ' || s[a] == '\t')) ++a;
    while (b > a && (s[b - 1] == ' ' || s[b - 1] == '\t')) --b;
    return s.substr(a, b - a);
}

double parse_number(const std::string& text) {
    const std::string s = trim(text);
    if (s.empty()) return NAN;
    char* end = nullptr;
    const double v = std::strtod(s.c_str(), &end);
    if (end == s.c_str() || !std::isfinite(v)) return NAN;
    return v;  // "28岁" reads as 28
}

}  // namespace

const std::vector<std::string>& audience_fields() {
    static const std::vector<std::string> kFields = {
        "segment", "stage", "city", "province", "tag", "clv", "p_alive", "age", "birth_month", "gender",
        "category", "product", "owner", "channel", "source", "level", "audience"};
    return kFields;
}

AudienceFieldKind audience_field_kind(const std::string& f) {
    if (f == "clv" || f == "p_alive" || f == "age") return AudienceFieldKind::Range;
    if (f == "segment" || f == "stage" || f == "tag" || f == "birth_month" || f == "product" || f == "owner" ||
        f == "audience" || is_attribute_field(f))
        return AudienceFieldKind::Values;
    return AudienceFieldKind::Unknown;
}

std::string audience_field_name_key(const std::string& field) { return "audience.field." + field; }

std::vector<std::string> split_tags(const std::string& cell) {
    std::vector<std::string> out;
    std::string cur;
    auto flush = [&] {
        std::string t = trim(cur);
        if (!t.empty() && std::find(out.begin(), out.end(), t) == out.end()) out.push_back(t);
        cur.clear();
    };
    for (std::size_t i = 0; i < cell.size();) {
        const unsigned char c = static_cast<unsigned char>(cell[i]);
        if (c == ',' || c == ';' || c == '/' || c == '|') {
            flush();
            ++i;
            continue;
        }
        // ， U+FF0C (EF BC 8C), 、 U+3001 (E3 80 81), ； U+FF1B (EF BC 9B)
        if (cell.compare(i, 3, "\xEF\xBC\x8C") == 0 || cell.compare(i, 3, "\xE3\x80\x81") == 0 ||
            cell.compare(i, 3, "\xEF\xBC\x9B") == 0) {
            flush();
            i += 3;
            continue;
        }
        cur += cell[i];
        ++i;
    }
    flush();
    return out;
}

int birthday_month(const std::string& text) {
    // Digit groups in order; "月" marks the month explicitly.
    std::vector<std::string> groups;
    std::string cur;
    int month_mark = -1;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c >= '0' && c <= '9') {
            cur += c;
            continue;
        }
        if (!cur.empty()) groups.push_back(cur), cur.clear();
        if (text.compare(i, 3, "\xE6\x9C\x88") == 0 && !groups.empty()) month_mark = static_cast<int>(groups.size()) - 1;  // 月
    }
    if (!cur.empty()) groups.push_back(cur);
    auto valid = [](const std::string& g) {
        if (g.empty() || g.size() > 2) return 0;
        const int m = std::atoi(g.c_str());
        return m >= 1 && m <= 12 ? m : 0;
    };
    if (month_mark >= 0) return valid(groups[static_cast<std::size_t>(month_mark)]);
    if (groups.size() == 1 && groups[0].size() == 8) return valid(groups[0].substr(4, 2));  // 19900512
    if (groups.size() >= 3 && groups[0].size() == 4) return valid(groups[1]);             // 1990-05-12
    if (groups.size() == 2 && groups[0].size() == 4) return valid(groups[1]);             // 1990-05
    if (groups.size() == 2) return valid(groups[0]);                                       // 05-12
    return 0;
}

Status check_audience(const Audience& a) {
    if (a.match != "all" && a.match != "any") return Error("audience.bad_match", {a.match});
    for (const AudienceCondition& c : a.conditions) {
        switch (audience_field_kind(c.field)) {
            case AudienceFieldKind::Unknown: return Error("audience.unknown_field", {c.field});
            case AudienceFieldKind::Range:
                if (!c.has_min && !c.has_max) return Error("audience.no_range", {c.field});
                if (c.has_min && c.has_max && c.min > c.max) return Error("audience.bad_range", {c.field});
                if ((c.has_min && !std::isfinite(c.min)) || (c.has_max && !std::isfinite(c.max)))
                    return Error("audience.bad_range", {c.field});
                break;
            case AudienceFieldKind::Values:
                for (const std::string& v : c.values) {
                    bool ok = true;
                    if (c.field == "segment") ok = segment_from_key(v) >= 0;
                    else if (c.field == "stage") {
                        ok = false;
                        for (int s = 0; s < kStages; ++s) ok = ok || v == stage_key(s);
                    }
                    else if (c.field == "birth_month") {
                        const int m = std::atoi(v.c_str());
                        ok = m >= 1 && m <= 12 && std::to_string(m) == v;
                    } else if (c.field == "audience" && !a.id.empty() && v == a.id) {
                        return Error("audience.cycle", {a.id});
                    }
                    if (!ok) return Error("audience.bad_value", {c.field, v});
                }
                break;
        }
    }
    return ok_status();
}

AudienceColumns audience_columns(const OrderTable& t, const OrderIndex& idx) {
    AudienceColumns out;
    const std::size_t n = t.customers();
    out.customers = n;
    out.top_product.assign(n, AudienceColumns::kNone);
    out.last_owner.assign(n, AudienceColumns::kNone);
    const bool products = t.product.size() == t.orders(), owners = t.owner.size() == t.orders();
    if ((products || owners) && idx.customers() == n) {
        std::vector<std::pair<std::uint32_t, std::uint32_t>> counts;  // (product, orders), first bought first
        for (std::size_t c = 0; c < n; ++c) {
            counts.clear();
            for (std::uint32_t k = idx.offset[c]; k < idx.offset[c + 1]; ++k) {
                const std::uint32_t row = idx.orders[k].row;
                if (owners && t.owner[row] != OrderTable::kNoValue) out.last_owner[c] = t.owner[row];  // day order
                if (!products || t.product[row] == OrderTable::kNoValue) continue;
                auto it = std::find_if(counts.begin(), counts.end(), [&](const auto& p) { return p.first == t.product[row]; });
                if (it == counts.end()) counts.emplace_back(t.product[row], 1);
                else ++it->second;
            }
            std::uint32_t best = 0;
            for (const auto& p : counts)
                if (p.second > best) best = p.second, out.top_product[c] = p.first;
        }
    }
    out.tags_column = attribute_index(t, "tags");
    out.birthday_column = attribute_index(t, "birthday");
    out.age_column = attribute_index(t, "age");
    if (out.tags_column >= 0) {
        const StringPool& vals = t.attributes[static_cast<std::size_t>(out.tags_column)].values;
        out.tags_of_value.resize(vals.size());
        for (std::uint32_t v = 0; v < vals.size(); ++v)
            for (const std::string& tag : split_tags(vals.at(v))) out.tags_of_value[v].push_back(out.tags.intern(tag));
    }
    if (out.birthday_column >= 0) {
        const StringPool& vals = t.attributes[static_cast<std::size_t>(out.birthday_column)].values;
        out.month_of_value.resize(vals.size());
        for (std::uint32_t v = 0; v < vals.size(); ++v) out.month_of_value[v] = static_cast<std::uint8_t>(birthday_month(vals.at(v)));
    }
    if (out.age_column >= 0) {
        const StringPool& vals = t.attributes[static_cast<std::size_t>(out.age_column)].values;
        out.age_of_value.resize(vals.size());
        for (std::uint32_t v = 0; v < vals.size(); ++v) out.age_of_value[v] = parse_number(vals.at(v));
    }
    return out;
}

std::vector<std::string> AudienceResult::segment_keys() const {
    std::vector<std::string> out;
    for (int s = 0; s < kSegments; ++s)
        if (by_segment[static_cast<std::size_t>(s)] > 0) out.emplace_back(segment_key(s));
    return out;
}

namespace {

class Evaluator {
public:
    Evaluator(const std::vector<Audience>& all, const AudienceInputs& in) : all_(all), in_(in) {
        n_ = in.orders ? in.orders->customers() : 0;
    }

    // The result of audience `i` of `all`, computed once.
    const AudienceResult& saved(std::size_t i) {
        auto it = done_.find(i);
        if (it != done_.end()) return it->second;
        AudienceResult r = evaluate(all_[i]);
        return done_.emplace(i, std::move(r)).first->second;
    }

    AudienceResult evaluate(const Audience& a) {
        AudienceResult r;
        r.id = a.id;
        r.member.assign(n_, 0);
        if (std::find(stack_.begin(), stack_.end(), a.id) != stack_.end()) {
            r.error = Error("audience.cycle", {a.id});
            return r;
        }
        if (Status st = check_audience(a); !st) {
            r.error = st.error();
            return r;
        }
        stack_.push_back(a.id);
        std::vector<std::uint8_t> cond(n_);
        const bool all = a.match == "all";
        if (a.conditions.empty() || all) std::fill(r.member.begin(), r.member.end(), 1);
        for (const AudienceCondition& c : a.conditions) {
            if (auto err = condition(c, cond)) {
                r.error = *err;
                break;
            }
            const std::uint8_t flip = c.negate ? 1 : 0;
            if (all)
                for (std::size_t k = 0; k < n_; ++k) r.member[k] &= static_cast<std::uint8_t>(cond[k] ^ flip);
            else
                for (std::size_t k = 0; k < n_; ++k) r.member[k] |= static_cast<std::uint8_t>(cond[k] ^ flip);
        }
        stack_.pop_back();
        if (r.error) {
            std::fill(r.member.begin(), r.member.end(), 0);
            return r;
        }
        const std::vector<std::uint8_t>* seg = in_.segment && in_.segment->size() == n_ ? in_.segment : nullptr;
        for (std::size_t k = 0; k < n_; ++k) {
            if (!r.member[k]) continue;
            ++r.count;
            const std::uint8_t s = seg ? (*seg)[k] : kNoSegment;
            ++r.by_segment[s < kSegments ? s : kSegments];
        }
        return r;
    }

private:
    // Fills `out` (0/1 per customer) for condition `c` before negation; an error stops.
    std::optional<Error> condition(const AudienceCondition& c, std::vector<std::uint8_t>& out) {
        std::fill(out.begin(), out.end(), 0);
        const std::set<std::string> values(c.values.begin(), c.values.end());
        const OrderTable* t = in_.orders;
        const AudienceColumns* cols = in_.columns && in_.columns->customers == n_ ? in_.columns : nullptr;
        // A byte per customer (segment, stage) looked up in a 256-entry table.
        auto by_byte = [&](const std::vector<std::uint8_t>* v, const char* (*key)(int)) {
            if (!v || v->size() != n_) return;
            std::array<std::uint8_t, 256> hit{};
            for (int s = 0; s < 255; ++s) hit[static_cast<std::size_t>(s)] = values.count(key(s)) ? 1 : 0;
            hit[255] = 0;
            for (std::size_t k = 0; k < n_; ++k) out[k] = hit[(*v)[k]];
        };
        // An id per customer looked up in a table over the pool's ids.
        auto by_id = [&](const std::vector<std::uint32_t>& ids, const std::vector<std::uint8_t>& hit) {
            if (ids.size() != n_) return;
            for (std::size_t k = 0; k < n_; ++k) out[k] = ids[k] < hit.size() ? hit[ids[k]] : 0;
        };
        auto pool_hits = [&](const StringPool& pool) {
            std::vector<std::uint8_t> hit(pool.size());
            for (std::uint32_t v = 0; v < pool.size(); ++v) hit[v] = values.count(pool.at(v)) ? 1 : 0;
            return hit;
        };
        auto range_hit = [&](double x) {
            return std::isfinite(x) && (!c.has_min || x >= c.min) && (!c.has_max || x <= c.max) ? 1 : 0;
        };
        auto by_float = [&](const std::vector<float>* v) {
            if (!v || v->size() != n_) return;
            for (std::size_t k = 0; k < n_; ++k) out[k] = static_cast<std::uint8_t>(range_hit(static_cast<double>((*v)[k])));
        };
        const std::string& f = c.field;
        if (f == "segment") by_byte(in_.segment, [](int s) { return segment_key(s); });
        else if (f == "stage") by_byte(in_.stage, [](int s) { return stage_key(s); });
        else if (f == "clv") by_float(in_.clv);
        else if (f == "p_alive") by_float(in_.p_alive);
        else if (f == "product" && t && cols) by_id(cols->top_product, pool_hits(t->products));
        else if (f == "owner" && t && cols) by_id(cols->last_owner, pool_hits(t->owners));
        else if (f == "tag" && t && cols && cols->tags_column >= 0) {
            const std::vector<std::uint8_t> tag_hit = pool_hits(cols->tags);
            std::vector<std::uint8_t> hit(cols->tags_of_value.size());
            for (std::size_t v = 0; v < hit.size(); ++v)
                for (std::uint32_t tag : cols->tags_of_value[v]) hit[v] |= tag_hit[tag];
            by_id(t->attributes[static_cast<std::size_t>(cols->tags_column)].of_customer, hit);
        } else if (f == "birth_month" && t && cols && cols->birthday_column >= 0) {
            std::vector<std::uint8_t> hit(cols->month_of_value.size());
            for (std::size_t v = 0; v < hit.size(); ++v)
                hit[v] = cols->month_of_value[v] > 0 && values.count(std::to_string(cols->month_of_value[v])) ? 1 : 0;
            by_id(t->attributes[static_cast<std::size_t>(cols->birthday_column)].of_customer, hit);
        } else if (f == "age" && t && cols && cols->age_column >= 0) {
            std::vector<std::uint8_t> hit(cols->age_of_value.size());
            for (std::size_t v = 0; v < hit.size(); ++v) hit[v] = static_cast<std::uint8_t>(range_hit(cols->age_of_value[v]));
            by_id(t->attributes[static_cast<std::size_t>(cols->age_column)].of_customer, hit);
        } else if (is_attribute_field(f) && t) {
            const int col = attribute_index(*t, f);
            if (col >= 0) {
                const AttributeColumn& a = t->attributes[static_cast<std::size_t>(col)];
                by_id(a.of_customer, pool_hits(a.values));
            }
        } else if (f == "audience") {
            for (const std::string& ref : c.values) {
                auto at = std::find_if(all_.begin(), all_.end(), [&](const Audience& x) { return x.id == ref; });
                if (at == all_.end()) return Error("audience.unknown_ref", {ref});
                if (std::find(stack_.begin(), stack_.end(), ref) != stack_.end())
                    return Error("audience.cycle", {ref});
                const AudienceResult* r = &saved(static_cast<std::size_t>(at - all_.begin()));
                if (r->error) {
                    // A cycle through an audience being evaluated is this audience's cycle too.
                    const bool ours = r->error->code == "audience.cycle" && !r->error->args.empty() &&
                                      std::find(stack_.begin(), stack_.end(), r->error->args[0]) != stack_.end();
                    if (ours) return r->error;
                    return Error("audience.ref_error", {ref});
                }
                for (std::size_t k = 0; k < n_; ++k) out[k] |= r->member[k];
            }
        }
        return std::nullopt;
    }

    const std::vector<Audience>& all_;
    const AudienceInputs& in_;
    std::size_t n_ = 0;
    std::map<std::size_t, AudienceResult> done_;
    std::vector<std::string> stack_;
};

}  // namespace

std::vector<AudienceResult> evaluate_audiences(const std::vector<Audience>& all, const AudienceInputs& in) {
    Evaluator ev(all, in);
    std::vector<AudienceResult> out;
    out.reserve(all.size());
    for (std::size_t i = 0; i < all.size(); ++i) out.push_back(ev.saved(i));
    // Each audience on a cycle names itself (found from whichever member the search started at).
    for (AudienceResult& r : out)
        if (r.error && r.error->code == "audience.cycle") r.error->args = {r.id};
    return out;
}

AudienceResult evaluate_audience(const Audience& a, const std::vector<Audience>& all, const AudienceInputs& in) {
    // References to its own id resolve to this version, not the saved one.
    std::vector<Audience> others = all;
    auto self = std::find_if(others.begin(), others.end(), [&](const Audience& x) { return x.id == a.id; });
    if (self != others.end()) *self = a;
    Evaluator ev(others, in);
    AudienceResult r = self != others.end() ? ev.saved(static_cast<std::size_t>(self - others.begin())) : ev.evaluate(a);
    if (r.error && r.error->code == "audience.cycle") r.error->args = {r.id};
    return r;
}

std::vector<std::string> audience_value_choices(const std::string& field, const AudienceInputs& in) {
    std::vector<std::string> out;
    if (field == "segment") {
        for (int s = 0; s < kSegments; ++s) out.emplace_back(segment_key(s));
        return out;
    }
    if (field == "stage") {
        for (int s = 0; s < kStages; ++s) out.emplace_back(stage_key(s));
        return out;
    }
    if (field == "birth_month") {
        for (int m = 1; m <= 12; ++m) out.push_back(std::to_string(m));
        return out;
    }
    const OrderTable* t = in.orders;
    const AudienceColumns* cols = in.columns;
    if (!t) return out;
    // Customers per id of a pool, then the values most customers have first.
    auto ranked = [&](const StringPool& pool, const std::vector<std::uint32_t>& ids) {
        std::vector<std::uint32_t> n(pool.size());
        for (std::uint32_t id : ids)
            if (id < n.size()) ++n[id];
        std::vector<std::uint32_t> order(pool.size());
        std::iota(order.begin(), order.end(), 0u);
        std::stable_sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) { return n[a] > n[b]; });
        for (std::uint32_t id : order)
            if (n[id] > 0) out.push_back(pool.at(id));
    };
    if (field == "product" && cols) ranked(t->products, cols->top_product);
    else if (field == "owner" && cols) ranked(t->owners, cols->last_owner);
    else if (field == "tag" && cols && cols->tags_column >= 0) {
        std::vector<std::uint32_t> ids;  // one entry per customer and tag
        const auto& of = t->attributes[static_cast<std::size_t>(cols->tags_column)].of_customer;
        for (std::uint32_t v : of)
            if (v < cols->tags_of_value.size())
                for (std::uint32_t tag : cols->tags_of_value[v]) ids.push_back(tag);
        ranked(cols->tags, ids);
    } else if (is_attribute_field(field)) {
        const int col = attribute_index(*t, field);
        if (col >= 0) ranked(t->attributes[static_cast<std::size_t>(col)].values, t->attributes[static_cast<std::size_t>(col)].of_customer);
    }
    return out;
}

bool same_audience(const Audience& a, const Audience& b) {
    if (a.id != b.id || a.name != b.name || a.note != b.note || a.match != b.match || a.conditions.size() != b.conditions.size())
        return false;
    for (std::size_t i = 0; i < a.conditions.size(); ++i) {
        const AudienceCondition &x = a.conditions[i], &y = b.conditions[i];
        if (x.field != y.field || x.values != y.values || x.has_min != y.has_min || x.has_max != y.has_max || x.min != y.min ||
            x.max != y.max || x.negate != y.negate)
            return false;
    }
    return true;
}

}  // namespace yt
