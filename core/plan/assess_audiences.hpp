// assess_audiences.hpp — the audiences part of the Assessment (core/plan/assess.hpp): each saved
// audience (人群包, ws.audiences) evaluated over the imported orders with the tiers, lifecycle, CLV
// and P(alive) of assess_tiers — its members, count, share and count per segment, or its error —
// and `tiers_of` (audience id -> the segment keys its members are in), which the calendar checks
// and the journeys use when a tiers list names an audience. Never saved.
//
// Cached: recomputed only when the orders, the tiers (TierFigures::generation) or ws.audiences
// change; the per-customer columns the conditions read (top product, last owner, split tags,
// birthday months, ages) only when the orders change.
//
// audience_csv() writes one audience as a CSV tag list for a WeCom SCRM (the app's export and
// `yutang audience --export` share it): header 客户ID,手机号,标签, one row per member in table
// order; the tag is the audience's name (its id when unnamed); with `mask` the phone is masked as
// core/io/mask.hpp does (and an id that is itself a phone number too).
#pragma once
#include <array>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/model/orders.hpp"
#include "core/plan/assess_tiers.hpp"
#include "core/plan/workspace.hpp"
#include "core/tiering/audience.hpp"

namespace yt {

struct AudienceFigure {
    std::string id, name;
    std::optional<Error> error;
    std::uint32_t count = 0;
    double share = 0;  // of all customers of the orders
    std::array<std::uint32_t, kSegments + 1> by_segment{};  // index kSegments: no purchase
    std::shared_ptr<const std::vector<std::uint8_t>> members;  // per customer (null without orders)
};

struct AudienceFigures {
    bool ready = false;               // orders and tiers were there
    std::uint32_t customers = 0;
    std::vector<AudienceFigure> list;  // one per ws.audiences, in its order
    std::map<std::string, std::vector<std::string>> tiers_of;  // audience id -> segment keys
    std::uint64_t computations = 0;   // how many times the audiences were evaluated (tests)
    const AudienceFigure* find(const std::string& id) const;

    // caches
    std::shared_ptr<const AudienceColumns> columns;
    OrdersIdentity key_orders;
    std::uint64_t key_generation = 0;
    std::vector<Audience> key_audiences;
    bool key_set = false;
};

// What the conditions read, from the orders and the tier figures (valid while both live).
AudienceInputs audience_inputs(const OrderTable* orders, const TierFigures& tiers, const AudienceColumns* columns);

void assess_audiences(const Workspace& ws, const OrderTable* orders, const TierFigures& tiers, AudienceFigures& out);

// One audience as being edited (not yet saved), against the saved ones: the live count.
AudienceFigure audience_figure(const Audience& a, const Workspace& ws, const OrderTable* orders, const TierFigures& tiers,
                               const AudienceFigures& figures);

// When a persona's tiers name a saved audience: `out` = ws with those personas' tiers holding
// the audience's segments instead (for the roles checks, which count by segment); else false.
bool personas_with_audience_tiers(const Workspace& ws, const std::map<std::string, std::vector<std::string>>& tiers_of,
                                  Workspace& out);

// The SCRM tag list of one audience (see above); UTF-8 with BOM, CRLF (core/io/csv_write.hpp).
std::string audience_csv(const Audience& a, const AudienceFigure& f, const OrderTable& orders, bool mask);

}  // namespace yt
