// assess_tiers.hpp — the tiers part of the Assessment (core/plan/assess.hpp): what the Tiers tab shows, computed from the orders and ws.tiering: the
// rule-based tiers (summary, RFM, 8 segments, lifecycle), the CLV fits with per-customer
// predictions, the predicted-vs-actual repeat purchase check and the R×F counts. Never saved.
//
// assess_tiers() runs after every workspace change but recomputes only when the orders (by
// identity: table address, column buffers and sizes) or ws.tiering changed, and the CLV part only
// when the orders or the CLV settings (as-of, horizon, unit, margin, discount) changed: a million
// customers take most of a second. The four-dimension profile counts come with the tiers. `generation` changes whenever the results do, so views can
// rebuild their own indexes (sorted customer list) only then.
#pragma once
#include <array>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/model/orders.hpp"
#include "core/plan/workspace.hpp"
#include "core/tiering/frequency_check.hpp"
#include "core/tiering/tiering.hpp"

namespace yt {

// What identifies one OrderTable's contents without reading it all.
struct OrdersIdentity {
    const void* table = nullptr;
    const void* customer = nullptr;
    const void* day = nullptr;
    const void* amount = nullptr;
    std::size_t orders = 0, customers = 0;
    bool operator==(const OrdersIdentity& o) const;
    bool operator!=(const OrdersIdentity& o) const { return !(*this == o); }
};
OrdersIdentity orders_identity(const OrderTable* t);

struct TiersClv {
    std::optional<Error> error;   // the inputs could not be built or the options are invalid
    ClvResult result;             // result.status says whether the models can be used
    TimeUnit unit = TimeUnit::Week;
    Day calibration_end = 0;
    std::uint32_t included = 0, repeat_buyers = 0;
    std::optional<FrequencyCheck> check;  // when the BG/NBD fit is usable
    bool usable() const { return !error && result.status.ok() && result.bg_ok && result.gg_ok; }
};

struct TierFigures {
    bool ready = false;
    std::uint64_t generation = 0;            // changes whenever tiers or clv change
    std::optional<Error> error;              // compute_tiers failed (settings or data)
    std::shared_ptr<const Tiers> tiers;      // null without orders or on error
    std::shared_ptr<const TiersClv> clv;     // null without tiers
    std::shared_ptr<const ProfileCounts> profile;  // four-dimension profile, with the tiers
    int bins = 5;
    std::vector<std::uint32_t> rf;           // bins × bins counts, rf[(r-1) * bins + (f-1)]
    std::map<std::string, int> segment_sizes;  // segment key -> customers (for other views)
    std::array<double, kSegments> segment_clv{};            // CLV totals per segment
    std::array<std::uint32_t, kSegments> segment_clv_n{};   // customers with a CLV per segment
    std::uint64_t computations = 0;          // how many times the tiers were computed (tests)
    std::uint64_t clv_computations = 0;

    // cache keys
    OrdersIdentity key_orders;
    std::optional<TieringSettings> key_settings;
    std::shared_ptr<const OrderIndex> index;
};

// True when the two settings give the same rule-based tiers / the same CLV results.
bool same_tier_settings(const TieringSettings& a, const TieringSettings& b);
bool same_clv_settings(const TieringSettings& a, const TieringSettings& b);

void assess_tiers(const Workspace& ws, const OrderTable* orders, TierFigures& out);

// assess_tiers() in steps: what it would recompute for (orders, settings) given what `current`
// holds, one part per step() — the order index, the summary, the scores with segments and
// lifecycle, the profile, the CLV inputs, each fit, the predictions with the frequency check —
// so a caller that must not block (the app, modelling a fresh import between frames) can spread
// it over frames. install() puts the results into a TierFigures exactly as assess_tiers() would
// (assess_tiers() is this job run to the end), so the next assess() finds them current.
// The orders' buffers must not change until install(); the table itself may have moved (install
// is given it where it is then). A job that finds nothing to redo has no steps.
class TiersJob {
public:
    TiersJob(const OrderTable* orders, const TieringSettings& s, const TierFigures& current);
    TiersJob(TiersJob&&) noexcept;
    TiersJob& operator=(TiersJob&&) noexcept;
    ~TiersJob();
    bool step();              // does the next part; false when none is left
    double progress() const;  // 0..1, by parts done
    void install(const OrderTable* orders, TierFigures& out);
    // The order index and the rule-based tiers the job computed (null when it computed none, or
    // they failed), for work that follows before install() (the app's import change).
    std::shared_ptr<const OrderIndex> index() const;
    std::shared_ptr<const Tiers> tiers() const;

private:
    struct State;
    std::unique_ptr<State> s_;
};

}  // namespace yt
