// plan_diff.cpp — comparing two plans list by list and merging chosen changes (see plan_diff.hpp).
// Items are compared through their saved JSON form (cereal), so every field the file holds counts
// and a new field needs no change here.
#include "core/edit/plan_diff.hpp"

#include <algorithm>
#include <functional>
#include <sstream>

#include "core/model/json.hpp"

namespace yt {

namespace {

template <class T>
rapidjson::Document to_doc(const T& x) {
    std::ostringstream os;
    {
        cereal::JSONOutputArchive ar(os, cereal::JSONOutputArchive::Options::NoIndent());
        ar(cereal::make_nvp("v", x));
    }
    rapidjson::Document d;
    d.Parse(os.str().c_str());
    return d;
}

std::string display_name(const rapidjson::Value& v, const std::string& id) {
    for (const char* k : {"name", "title", "label", "word", "trigger"})
        if (v.IsObject() && v.HasMember(k) && v[k].IsString() && v[k].GetStringLength() > 0)
            return std::string(v[k].GetString(), v[k].GetStringLength());
    return id;
}

template <class T>
void diff_list(const char* section, const std::vector<T>& mine, const std::vector<T>& theirs, std::vector<PlanChange>& out) {
    auto find = [](const std::vector<T>& v, const std::string& id) -> const T* {
        for (const auto& x : v)
            if (x.id == id) return &x;
        return nullptr;
    };
    for (const T& t : theirs) {
        const T* m = find(mine, t.id);
        const rapidjson::Document td = to_doc(t);
        const rapidjson::Value& tv = td["v"];
        PlanChange c;
        c.section = section;
        c.id = t.id;
        c.name = display_name(tv, t.id);
        if (!m) {
            c.kind = PlanChange::Kind::Added;
            out.push_back(std::move(c));
            continue;
        }
        const rapidjson::Document md = to_doc(*m);
        const rapidjson::Value& mv = md["v"];
        if (mv == tv) continue;
        c.kind = PlanChange::Kind::Changed;
        if (mv.IsObject() && tv.IsObject()) {
            for (auto it = tv.MemberBegin(); it != tv.MemberEnd(); ++it) {
                const auto other = mv.FindMember(it->name);
                if (other == mv.MemberEnd() || !(other->value == it->value)) c.fields.emplace_back(it->name.GetString());
            }
            for (auto it = mv.MemberBegin(); it != mv.MemberEnd(); ++it)
                if (!tv.HasMember(it->name)) c.fields.emplace_back(it->name.GetString());
        }
        out.push_back(std::move(c));
    }
    for (const T& m : mine) {
        if (find(theirs, m.id)) continue;
        PlanChange c;
        c.section = section;
        c.id = m.id;
        c.name = display_name(to_doc(m)["v"], m.id);
        c.kind = PlanChange::Kind::Removed;
        out.push_back(std::move(c));
    }
}

template <class T>
void merge_list(const char* section, std::vector<T>& mine, const std::vector<T>& theirs, const std::vector<PlanChange>& take) {
    auto at = [](std::vector<T>& v, const std::string& id) {
        return std::find_if(v.begin(), v.end(), [&](const T& x) { return x.id == id; });
    };
    for (const PlanChange& c : take) {
        if (c.section != section) continue;
        auto mine_it = at(mine, c.id);
        auto src = std::find_if(theirs.begin(), theirs.end(), [&](const T& x) { return x.id == c.id; });
        switch (c.kind) {
            case PlanChange::Kind::Removed:
                if (mine_it != mine.end()) mine.erase(mine_it);
                break;
            case PlanChange::Kind::Changed:
                if (mine_it != mine.end() && src != theirs.end()) *mine_it = *src;
                break;
            case PlanChange::Kind::Added: {
                if (mine_it != mine.end() || src == theirs.end()) break;
                // After the nearest preceding item of theirs that I have, else at the start.
                auto pos = mine.begin();
                for (auto p = src; p != theirs.begin();) {
                    --p;
                    auto here = at(mine, p->id);
                    if (here != mine.end()) { pos = here + 1; break; }
                }
                mine.insert(pos, *src);
                break;
            }
        }
    }
}

// Runs `f(section, accessor)` for every compared list.
template <class F>
void each_list(F&& f) {
    f("roles.personas", [](auto& w) -> auto& { return w.roles.personas; });
    f("roles.accounts", [](auto& w) -> auto& { return w.roles.accounts; });
    f("roles.groups", [](auto& w) -> auto& { return w.roles.groups; });
    f("roles.operators", [](auto& w) -> auto& { return w.roles.operators; });
    f("roles.kocs", [](auto& w) -> auto& { return w.roles.kocs; });
    f("roles.scripts", [](auto& w) -> auto& { return w.roles.scripts; });
    f("calendar.items", [](auto& w) -> auto& { return w.calendar.items; });
    f("calendar.templates", [](auto& w) -> auto& { return w.calendar.templates; });
    f("calendar.sops", [](auto& w) -> auto& { return w.calendar.sops; });
    f("calendar.festival_windows", [](auto& w) -> auto& { return w.calendar.festival_windows; });
    f("economics.scenarios", [](auto& w) -> auto& { return w.economics.scenarios; });
    f("rules", [](auto& w) -> auto& { return w.rules.rules; });
    f("compliance.terms", [](auto& w) -> auto& { return w.compliance.terms; });
    f("audiences", [](auto& w) -> auto& { return w.audiences; });
}

}  // namespace

std::vector<PlanChange> diff_plans(const Workspace& mine, const Workspace& theirs) {
    std::vector<PlanChange> out;
    each_list([&](const char* section, auto list) { diff_list(section, list(mine), list(theirs), out); });
    return out;
}

Workspace merge_plans(const Workspace& mine, const Workspace& theirs, const std::vector<PlanChange>& take) {
    Workspace out = mine;
    each_list([&](const char* section, auto list) { merge_list(section, list(out), list(theirs), take); });
    return out;
}

}  // namespace yt
