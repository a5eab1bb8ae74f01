// edit_sample.cpp — sample_edit(): picks a kind, a section and a place from the workspace as it is.
#include "core/edit/edit_sample.hpp"

#include <string>
#include <vector>

#include "core/edit/edit_json_util.hpp"

namespace yt {

namespace {

using rapidjson::Value;
using namespace edit_json_util;

int pick(std::mt19937& rng, int n) { return n <= 0 ? 0 : std::uniform_int_distribution<int>(0, n - 1)(rng); }

std::string word(std::mt19937& rng) {
    static const char* const parts[] = {"私域", "会员", "Lily", "福利", "新客", "复购", " ", "🎁", "\"引号\"", "a\\b", "团购", "7"};
    std::string s;
    for (int i = 0, n = 1 + pick(rng, 3); i < n; ++i) s += parts[pick(rng, 12)];
    return s;
}

// Every leaf (string, number, bool) under `v`, as field paths.
void leaves(const Value& v, const std::string& path, std::vector<std::pair<std::string, const Value*>>& out) {
    if (v.IsObject()) {
        for (const auto& m : v.GetObject())
            leaves(m.value, path.empty() ? m.name.GetString() : path + "." + m.name.GetString(), out);
    } else if (v.IsArray()) {
        for (rapidjson::SizeType i = 0; i < v.Size(); ++i) leaves(v[i], path.empty() ? std::to_string(i) : path + "." + std::to_string(i), out);
    } else if (!path.empty() && path != "id") {
        out.emplace_back(path, &v);
    }
}

// A new value of the leaf's kind.
std::string leaf_value(const Value& v, std::mt19937& rng) {
    if (v.IsBool()) return v.GetBool() ? "false" : "true";
    if (v.IsInt()) return std::to_string(v.GetInt() + pick(rng, 21) - 10);
    if (v.IsNumber()) return value_json(v.GetDouble() * (0.5 + pick(rng, 100) / 100.0));
    return value_json(word(rng));
}

struct ListPick {
    std::string section, id, json;
    int size = 0;
};

template <class T>
void add(std::vector<ListPick>& out, const char* section, const std::vector<T>& v, std::mt19937& rng) {
    ListPick p{section, "", "", static_cast<int>(v.size())};
    if (!v.empty()) {
        const T& x = v[static_cast<std::size_t>(pick(rng, static_cast<int>(v.size())))];
        p.id = x.id;
        p.json = value_json(x);
    }
    out.push_back(std::move(p));
}

std::vector<ListPick> lists(const Workspace& ws, std::mt19937& rng) {
    std::vector<ListPick> out;
    add(out, "roles.personas", ws.roles.personas, rng);
    add(out, "roles.accounts", ws.roles.accounts, rng);
    add(out, "roles.groups", ws.roles.groups, rng);
    add(out, "roles.operators", ws.roles.operators, rng);
    add(out, "roles.kocs", ws.roles.kocs, rng);
    add(out, "roles.scripts", ws.roles.scripts, rng);
    add(out, "calendar.items", ws.calendar.items, rng);
    add(out, "calendar.sops", ws.calendar.sops, rng);
    add(out, "economics.scenarios", ws.economics.scenarios, rng);
    add(out, "rules", ws.rules.rules, rng);
    add(out, "compliance.terms", ws.compliance.terms, rng);
    add(out, "audiences", ws.audiences, rng);
    return out;
}

Edit leaf_set(const ListPick& p, std::mt19937& rng) {
    rapidjson::Document d;
    d.Parse(p.json.c_str());
    std::vector<std::pair<std::string, const Value*>> all;
    leaves(d, "", all);
    if (all.empty()) return make_edit("set", "name", "", "", value_json(word(rng)));
    const auto& [path, v] = all[static_cast<std::size_t>(pick(rng, static_cast<int>(all.size())))];
    return make_edit("set", p.section, p.id, path, leaf_value(*v, rng));
}

}  // namespace

Edit sample_edit(const Workspace& ws, std::mt19937& rng) {
    const std::vector<ListPick> ls = lists(ws, rng);
    const ListPick& l = ls[static_cast<std::size_t>(pick(rng, static_cast<int>(ls.size())))];
    switch (pick(rng, 12)) {
        case 0: return set_value(pick(rng, 2) ? "name" : "brand", word(rng));
        case 1: return set_value("settings.theme", std::string(pick(rng, 2) ? "light" : "dark"));
        case 2: return make_edit("update", "tiering", "", "", "{\"new_days\":" + std::to_string(7 + pick(rng, 60)) + "}");
        case 3: {  // insert a copy of an element under a new id, somewhere
            if (l.id.empty()) return set_value("name", word(rng));
            rapidjson::Document d;
            d.Parse(l.json.c_str());
            const std::string id = l.id + "_" + std::to_string(pick(rng, 1000000));
            d["id"].SetString(id.c_str(), static_cast<rapidjson::SizeType>(id.size()), d.GetAllocator());
            Edit e = make_edit("insert", l.section, id, "", to_text(d));
            e.index = pick(rng, l.size + 1);
            return e;
        }
        case 4: return l.id.empty() ? set_value("brand", word(rng)) : erase_edit(l.section, l.id);
        case 5: return l.id.empty() ? set_value("brand", word(rng)) : move_edit(l.section, l.id, pick(rng, l.size));
        case 6: {
            if (ws.roles.accounts.empty() || ws.roles.operators.empty()) return set_value("name", word(rng));
            const int a = pick(rng, static_cast<int>(ws.roles.accounts.size())), o = pick(rng, static_cast<int>(ws.roles.operators.size()));
            return make_edit("reassign", "roles.accounts", ws.roles.accounts[static_cast<std::size_t>(a)].id, "",
                             value_json(ws.roles.operators[static_cast<std::size_t>(o)].id));
        }
        case 7: {
            if (ws.roles.groups.empty() || ws.roles.accounts.empty()) return set_value("name", word(rng));
            const int g = pick(rng, static_cast<int>(ws.roles.groups.size())), a = pick(rng, static_cast<int>(ws.roles.accounts.size()));
            return make_edit("transfer", "roles.groups", ws.roles.groups[static_cast<std::size_t>(g)].id, "",
                             value_json(ws.roles.accounts[static_cast<std::size_t>(a)].id));
        }
        case 8: return make_edit("restore_content_terms", "", "", "", "");
        case 9: {
            TemplateRequest r;
            r.id = "community_week";
            r.from = "2026-12-0" + std::to_string(1 + pick(rng, 9));
            r.to = "2026-12-2" + std::to_string(pick(rng, 9));
            for (const Group& g : ws.roles.groups)
                if (pick(rng, 2)) r.groups.push_back(g.id);
            return template_edit(r);
        }
        case 10: return batch_edit("cmd.update", {leaf_set(l, rng), set_value("economics.active", pick(rng, 3))});
        default: return l.id.empty() ? set_value("name", word(rng)) : leaf_set(l, rng);
    }
}

}  // namespace yt
