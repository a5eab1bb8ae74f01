// calendar_model.hpp — the content plan: what goes out, where, from whom, to whom, when.
//
// Plain data held in the Workspace. Content types are classed value or promotion; items may
// recur. Expansion of recurrences, templates, festivals and checks live beside this file.
#pragma once
#include <string>
#include <vector>

#include "core/model/serial.hpp"

namespace yt {

// Built-in channel keys: "moments", "group", "private", "official", "live", "miniprogram";
// user-defined channels are added to CalendarPlan::custom_channels.
// Built-in content types: value — "tutorial", "tryon", "review", "life";
// promotion — "promo", "live_perk", "launch", "coupon".
bool is_promotion_type(const std::string& type);

struct Recurrence {
    std::string kind;            // "", "daily", "weekly", "monthly"
    std::vector<int> weekdays;   // 0 = Monday .. 6 = Sunday, for weekly
    int until_day = 0;           // last Day (inclusive); 0 = no end
    template <class Ar> void serialize(Ar& ar) {
        ar(CEREAL_NVP(kind), CEREAL_NVP(weekdays), CEREAL_NVP(until_day));
    }
};

struct ContentItem {
    std::string id;
    int day = 0;          // Day
    int minute = 600;     // minute of the day (local Asia/Shanghai time)
    std::string channel;
    std::string persona;  // Persona id
    std::string account;  // Account id (optional)
    std::vector<std::string> tiers;
    std::vector<std::string> groups;
    std::string type;
    std::string title, notes, campaign;
    std::string coupon_id;
    int coupon_from = 0, coupon_to = 0;  // Day window for coupons
    std::vector<std::string> mechanics;  // "满减", "抽奖", ...
    Recurrence repeat;
    // How a private or group message goes out: "mass" (WeCom's mass-send tool: counts against the
    // monthly quota), "owner" (typed by the account's owner), "bot"; "" = the channel's usual way
    // (private messages: mass send; group posts: typed in the group).
    std::string sent_as;
    template <class Ar> void serialize(Ar& ar) {
        ar(CEREAL_NVP(id), CEREAL_NVP(day), CEREAL_NVP(minute), CEREAL_NVP(channel), CEREAL_NVP(persona),
           CEREAL_NVP(account), CEREAL_NVP(tiers), CEREAL_NVP(groups), CEREAL_NVP(type), CEREAL_NVP(title),
           CEREAL_NVP(notes), CEREAL_NVP(campaign), CEREAL_NVP(coupon_id), CEREAL_NVP(coupon_from),
           CEREAL_NVP(coupon_to), CEREAL_NVP(mechanics), CEREAL_NVP(repeat), CEREAL_NVP(sent_as));
    }
};

struct TemplateSlot {
    int day_offset = 0;   // day within the template's cycle
    int minute = 600;
    std::string channel, type, title;
    template <class Ar> void serialize(Ar& ar) {
        ar(CEREAL_NVP(day_offset), CEREAL_NVP(minute), CEREAL_NVP(channel), CEREAL_NVP(type), CEREAL_NVP(title));
    }
};

struct CadenceTemplate {
    std::string id, name;
    int cycle_days = 7;  // slots repeat every cycle_days (0 = run once, e.g. a welcome sequence)
    std::vector<TemplateSlot> slots;
    template <class Ar> void serialize(Ar& ar) {
        ar(CEREAL_NVP(id), CEREAL_NVP(name), CEREAL_NVP(cycle_days), CEREAL_NVP(slots));
    }
};

struct SopStep {
    int day = 0;  // day N after the trigger
    std::string channel, type, title;
    std::string persona;  // Persona id whose voice it is ("" = the journey's audience's usual persona)
    std::string account;  // Account id that sends it ("" = any account of the persona)
    std::string script;   // ScriptEntry id used as the message ("" = none)
    std::string coupon;   // coupon id or name handed out with the step ("" = none)
    // How it goes out: "" = one by one from the SCRM sidebar (an SOP reminder), "mass" = WeCom's
    // mass-send tool, which counts against the monthly mass quota.
    std::string sent_as;
    template <class Ar> void serialize(Ar& ar) {
        ar(CEREAL_NVP(day), CEREAL_NVP(channel), CEREAL_NVP(type), CEREAL_NVP(title), CEREAL_NVP(persona),
           CEREAL_NVP(account), CEREAL_NVP(script), CEREAL_NVP(coupon), CEREAL_NVP(sent_as));
    }
};

// A journey (lifecycle SOP): steps on day N after a trigger. Triggers: "new_friend",
// "first_purchase", "repurchase" (timed by the product's measured repurchase interval),
// "dormant_30", "birthday", "after_sale".
struct Sop {
    std::string id, name;
    std::string trigger;
    std::string audience;  // Audience id narrowing who enters ("" = everyone the trigger fires for)
    bool enabled = true;
    std::vector<SopStep> steps;
    template <class Ar> void serialize(Ar& ar) {
        ar(CEREAL_NVP(id), CEREAL_NVP(name), CEREAL_NVP(trigger), CEREAL_NVP(audience), CEREAL_NVP(enabled),
           CEREAL_NVP(steps));
    }
};

struct ChannelPolicy {
    std::string channel;
    double max_promo_share = 0.2;  // over the rolling window
    int window_days = 14;
    template <class Ar> void serialize(Ar& ar) { ar(CEREAL_NVP(channel), CEREAL_NVP(max_promo_share), CEREAL_NVP(window_days)); }
};

struct FestivalWindow {  // per-workspace edits to a festival's window
    std::string id;
    int days_before = 0, days_after = 0;
    int major = -1;  // -1 = built-in; 1 = a peak for this brand (festival-gap check); 0 = not
    template <class Ar> void serialize(Ar& ar) {
        ar(CEREAL_NVP(id), CEREAL_NVP(days_before), CEREAL_NVP(days_after), CEREAL_NVP(major));
    }
};

struct PhaseSpan {  // one phase of a shopping festival: "presale", "spot", "burst", "wave1", ...
    std::string id;
    int start = 0, end = 0;  // Days, inclusive
    template <class Ar> void serialize(Ar& ar) { ar(CEREAL_NVP(id), CEREAL_NVP(start), CEREAL_NVP(end)); }
};

// A shopping festival's phases in one year as the platforms announced them (they change every
// year). The plan's entries win over the built-in ones (core/calendar/festivals.cpp).
struct FestivalYear {
    std::string festival;  // "double_11", "618", ...
    int year = 0;
    std::vector<PhaseSpan> phases;
    std::string source;    // where the dates come from
    template <class Ar> void serialize(Ar& ar) {
        ar(CEREAL_NVP(festival), CEREAL_NVP(year), CEREAL_NVP(phases), CEREAL_NVP(source));
    }
};

struct CalendarPlan {
    std::vector<ContentItem> items;
    std::vector<CadenceTemplate> templates;
    std::vector<Sop> sops;
    std::vector<ChannelPolicy> policies;
    std::vector<FestivalWindow> festival_windows;
    std::vector<std::string> custom_channels;
    int quiet_from = 22 * 60, quiet_to = 8 * 60;  // minutes; no touches in between
    std::vector<FestivalYear> festival_years;
    template <class Ar> void serialize(Ar& ar) {
        ar(CEREAL_NVP(items), CEREAL_NVP(templates), CEREAL_NVP(sops), CEREAL_NVP(policies),
           CEREAL_NVP(festival_windows), CEREAL_NVP(custom_channels), CEREAL_NVP(quiet_from), CEREAL_NVP(quiet_to),
           CEREAL_NVP(festival_years));
    }
};

}  // namespace yt
