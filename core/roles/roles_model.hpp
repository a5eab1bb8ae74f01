// roles_model.hpp — who talks to the customers: personas, accounts, groups, operators, KOCs.
//
// Plain data held in the Workspace. Ids are short stable strings ("p1", "acc-3") so commands,
// findings and exports can point at objects across edits. Capacity, concentration and workload
// are computed from this (core/roles/*.cpp), never stored.
#pragma once
#include <string>
#include <vector>

#include "core/model/serial.hpp"

namespace yt {

// Content mix a persona aims for, in percent; the four usual strands of a persona's feed.
struct ContentMix {
    double life = 40, expertise = 30, emotion = 20, sales = 10;
    template <class Ar> void serialize(Ar& ar) {
        ar(CEREAL_NVP(life), CEREAL_NVP(expertise), CEREAL_NVP(emotion), CEREAL_NVP(sales));
    }
};

struct Persona {
    std::string id, name, initial;
    unsigned color = 0xff7f50u;  // RGB
    std::string bio, tone;
    std::vector<std::string> taboo_words;
    ContentMix mix;
    std::vector<std::string> tiers;  // tier/segment keys this persona serves
    template <class Ar> void serialize(Ar& ar) {
        ar(CEREAL_NVP(id), CEREAL_NVP(name), CEREAL_NVP(initial), CEREAL_NVP(color), CEREAL_NVP(bio),
           CEREAL_NVP(tone), CEREAL_NVP(taboo_words), CEREAL_NVP(mix), CEREAL_NVP(tiers));
    }
};

enum class Platform { WeChat = 0, WeCom = 1, QQ = 2, Other = 3 };
using AccountPlatform = Platform;  // the name to use where yt::app::Platform is also in scope

struct Account {
    std::string id, name;
    int platform = 0;  // Platform
    std::string persona;   // Persona id
    std::string operator_id;
    double cap_override = 0;  // 0 = use the platform rule
    int friends = 0;          // current
    int planned_friends = 0;  // planned by the end of the horizon
    double revenue_share = 0; // share of revenue held, typed (used when no orders name an owner)
    // Owner names in the order file (归属员工 / 添加人 column) that are this account: its customers,
    // revenue and growth then come from the orders.
    std::vector<std::string> owners;
    template <class Ar> void serialize(Ar& ar) {
        ar(CEREAL_NVP(id), CEREAL_NVP(name), CEREAL_NVP(platform), CEREAL_NVP(persona),
           CEREAL_NVP(operator_id), CEREAL_NVP(cap_override), CEREAL_NVP(friends),
           CEREAL_NVP(planned_friends), CEREAL_NVP(revenue_share), CEREAL_NVP(owners));
    }
};

struct Group {
    std::string id, name;
    std::string type;           // "deal", "community", "course", "vip", ...
    std::string owner_account;  // Account id
    bool created_by_wechat_user = false;  // then the cap is the 200 rule
    int members = 0;
    int qr_created_day = 0;     // Day the current QR code was made (0 = none)
    std::vector<std::string> tiers;
    template <class Ar> void serialize(Ar& ar) {
        ar(CEREAL_NVP(id), CEREAL_NVP(name), CEREAL_NVP(type), CEREAL_NVP(owner_account),
           CEREAL_NVP(created_by_wechat_user), CEREAL_NVP(members), CEREAL_NVP(qr_created_day),
           CEREAL_NVP(tiers));
    }
};

struct Operator {
    std::string id, name;
    double hours_per_day = 8;
    double chats_per_hour = 30;
    template <class Ar> void serialize(Ar& ar) {
        ar(CEREAL_NVP(id), CEREAL_NVP(name), CEREAL_NVP(hours_per_day), CEREAL_NVP(chats_per_hour));
    }
};

struct Koc {
    std::string id, name;
    std::string customer;  // external customer id
    std::vector<std::string> groups;
    int circle_size = 0;
    std::string incentive;
    std::string status;  // "active", "candidate", "paused"
    template <class Ar> void serialize(Ar& ar) {
        ar(CEREAL_NVP(id), CEREAL_NVP(name), CEREAL_NVP(customer), CEREAL_NVP(groups),
           CEREAL_NVP(circle_size), CEREAL_NVP(incentive), CEREAL_NVP(status));
    }
};

// One entry of the script library (话术库): a ready reply an operator (or an SCRM's auto-reply)
// sends in a persona's voice. `category` is a stored key (core/roles/scripts.hpp: welcome, faq,
// keyword, objection, crisis, festival); `keywords` are the words that trigger a keyword
// auto-reply (and help search). The reply may hold variables such as {昵称} {商品} {优惠券}, filled
// in per customer when sent (render_script()). Entries are one flat list in the order the user
// arranged them; `persona` is a Persona id.
struct ScriptEntry {
    std::string id;
    std::string persona;
    std::string category;
    std::string trigger;  // question / situation / SOP step / complaint type (the SCRM's 标题)
    std::vector<std::string> keywords;
    std::string reply;
    std::string note;     // who responds, within how long, what to offer
    template <class Ar> void serialize(Ar& ar) {
        ar(CEREAL_NVP(id), CEREAL_NVP(persona), CEREAL_NVP(category), CEREAL_NVP(trigger), CEREAL_NVP(keywords),
           CEREAL_NVP(reply), CEREAL_NVP(note));
    }
    bool operator==(const ScriptEntry& o) const {
        return id == o.id && persona == o.persona && category == o.category && trigger == o.trigger && keywords == o.keywords &&
               reply == o.reply && note == o.note;
    }
    bool operator!=(const ScriptEntry& o) const { return !(*this == o); }
};

struct RolesPlan {
    std::vector<Persona> personas;
    std::vector<Account> accounts;
    std::vector<Group> groups;
    std::vector<Operator> operators;
    std::vector<Koc> kocs;
    std::vector<ScriptEntry> scripts;     // the script library (话术库), all personas
    int monthly_new_friends = 0;          // growth forecast
    template <class Ar> void serialize(Ar& ar) {
        ar(CEREAL_NVP(personas), CEREAL_NVP(accounts), CEREAL_NVP(groups), CEREAL_NVP(operators),
           CEREAL_NVP(kocs), CEREAL_NVP(scripts), CEREAL_NVP(monthly_new_friends));
    }
};

}  // namespace yt
