// assess_tiers.cpp — computing TierFigures (see assess_tiers.hpp), with its two-level cache.
#include "core/plan/assess_tiers.hpp"

#include <algorithm>
#include <cmath>
#include <tuple>

namespace yt {

namespace {
// Generations are unique in the process so a view never mistakes one App's results for another's.
std::uint64_t g_generation = 0;
}  // namespace

bool OrdersIdentity::operator==(const OrdersIdentity& o) const {
    return std::tie(table, customer, day, amount, orders, customers) ==
           std::tie(o.table, o.customer, o.day, o.amount, o.orders, o.customers);
}

OrdersIdentity orders_identity(const OrderTable* t) {
    OrdersIdentity id;
    if (!t) return id;
    id.table = t;
    id.customer = t->customer.data();
    id.day = t->day.data();
    id.amount = t->amount.data();
    id.orders = t->orders();
    id.customers = t->customers();
    return id;
}

bool same_tier_settings(const TieringSettings& a, const TieringSettings& b) {
    return std::tie(a.binning, a.custom_r, a.custom_f, a.custom_m, a.split, a.manual_r_days, a.manual_f, a.manual_m,
                    a.merge_same_day, a.as_of_day, a.new_days, a.active_days, a.dormant_days) ==
           std::tie(b.binning, b.custom_r, b.custom_f, b.custom_m, b.split, b.manual_r_days, b.manual_f, b.manual_m,
                    b.merge_same_day, b.as_of_day, b.new_days, b.active_days, b.dormant_days);
}

bool same_clv_settings(const TieringSettings& a, const TieringSettings& b) {
    return std::tie(a.as_of_day, a.clv_horizon, a.clv_unit, a.clv_margin, a.clv_discount_annual) ==
           std::tie(b.as_of_day, b.clv_horizon, b.clv_unit, b.clv_margin, b.clv_discount_annual);
}

namespace {

void fill_segment_clv(TierFigures& out) {
    out.segment_clv.fill(0);
    out.segment_clv_n.fill(0);
    if (!out.tiers || !out.clv) return;
    const auto& seg = out.tiers->segments.segment;
    const auto& clv = out.clv->result.clv;
    for (std::size_t c = 0; c < seg.size() && c < clv.size(); ++c) {
        if (seg[c] >= kSegments || std::isnan(clv[c])) continue;
        out.segment_clv[seg[c]] += static_cast<double>(clv[c]);
        out.segment_clv_n[seg[c]] += 1;
    }
}

void fill_rf(const Tiers& t, TierFigures& out) {
    out.bins = t.rfm.bins;
    const auto b = static_cast<std::size_t>(out.bins);
    out.rf.assign(b * b, 0);
    for (std::size_t c = 0; c < t.rfm.r.size(); ++c) {
        const int r = t.rfm.r[c], f = t.rfm.f[c];
        if (r < 1 || f < 1 || r > out.bins || f > out.bins) continue;
        out.rf[static_cast<std::size_t>(r - 1) * b + static_cast<std::size_t>(f - 1)] += 1;
    }
    out.segment_sizes.clear();
    for (int k = 0; k < kSegments; ++k) out.segment_sizes[segment_key(k)] = static_cast<int>(t.segments.counts[k]);
}

// The parts of the job, in order.
enum class Part { Index, Summary, Scores, Profile, ClvInputs, ClvRun, ClvCheck };
// Customers per step of a part done in ranges (the summary, the CLV inputs): a million in one step
// ran 60+ ms in the browser right after a reload.
constexpr std::size_t kRange = 250000;

}  // namespace

struct TiersJob::State {
    const OrderTable* orders = nullptr;
    TieringSettings settings;
    bool changed = false;         // anything to install
    bool new_tiers = false, new_clv = false;
    std::vector<Part> parts;      // still to do
    std::size_t total = 0, done = 0;  // steps in all (the CLV run's each counted), steps done
    // results
    std::optional<Error> error;   // index or tiers failed: nothing after is done
    bool index_failed = false;
    std::shared_ptr<const OrderIndex> index;
    std::optional<OrderIndexBuilder> index_builder;
    std::optional<CustomerSummary> summary;
    std::size_t summarized = 0;   // customers summarized so far
    std::optional<TiersBuilder> tiers_builder;
    std::shared_ptr<const Tiers> tiers;
    std::shared_ptr<const ProfileCounts> profile;
    std::shared_ptr<TiersClv> clv;
    std::unique_ptr<ClvInputs> in;  // owned here: the run refers to it
    std::size_t inputs_filled = 0;  // customers of `in` filled so far
    std::optional<ClvSetup> clv_setup;
    std::optional<ClvRun> run;

    // A part done in several steps (each a call) stays first until its last.
    void again(Part p) { parts.insert(parts.begin(), p); }
    // The next kRange customers of part p: fill(begin, end), `done` moved on, and p kept first while
    // customers are left; true once all are done.
    template <class Fill>
    bool next_range(Part p, std::size_t& done, Fill fill) {
        const std::size_t end = std::min(index->customers(), done + kRange);
        fill(done, end);
        done = end;
        if (done < index->customers()) again(p);
        return done == index->customers();
    }
    void clv_failed(Error e) {
        clv->error = std::move(e);
        parts.clear();
    }
    void do_part(Part p);
};

void TiersJob::State::do_part(Part p) {
    switch (p) {
        case Part::Index: {
            // One step of the builder per call; the part stays first until the index is built.
            if (!index_builder) index_builder.emplace(*orders);
            if (index_builder->step()) return again(Part::Index);
            auto idx = index_builder->take();
            index_builder.reset();
            if (!idx) {
                error = idx.error();
                index_failed = true;
                parts.clear();
                return;
            }
            index = std::make_shared<const OrderIndex>(std::move(*idx));
            return;
        }
        case Part::Summary: {
            const SummaryOptions so = summary_options(settings);
            if (!summary) summary = summary_start(*index, so);
            next_range(Part::Summary, summarized,
                       [&](std::size_t b, std::size_t e) { summarize_range(*index, so, b, e, *summary); });
            return;
        }
        case Part::Scores: {
            if (!tiers_builder) {
                tiers_builder.emplace(std::move(*summary), settings);
                summary.reset();
            }
            if (tiers_builder->step()) return again(Part::Scores);
            auto t = tiers_builder->take();
            tiers_builder.reset();
            if (!t) {
                error = t.error();
                parts.clear();
                return;
            }
            tiers = std::make_shared<const Tiers>(std::move(*t));
            return;
        }
        case Part::Profile:
            profile = std::make_shared<const ProfileCounts>(
                profile_counts(*orders, tiers->segments, &tiers->rfm, &tiers->lifecycle));
            return;
        case Part::ClvInputs: {
            if (!in) {
                clv = std::make_shared<TiersClv>();
                auto setup = clv_options(settings);
                if (!setup) return clv_failed(setup.error());
                clv_setup = std::move(*setup);
                clv->unit = clv_setup->unit;
                std::optional<Day> cal;
                if (settings.as_of_day > 0) cal = static_cast<Day>(settings.as_of_day);
                auto started = clv_inputs_start(*index, cal, clv_setup->unit);
                if (!started) return clv_failed(started.error());
                in = std::make_unique<ClvInputs>(std::move(*started));
                inputs_filled = 0;
            }
            if (!next_range(Part::ClvInputs, inputs_filled,
                            [&](std::size_t b, std::size_t e) { clv_inputs_range(*index, b, e, *in); }))
                return;
            clv->calibration_end = in->calibration_end;
            clv->included = in->customers;
            clv->repeat_buyers = in->repeat_buyers;
            run.emplace(*in, clv_setup->options);
            return;
        }
        case Part::ClvRun:
            if (run->step()) again(Part::ClvRun);
            return;
        case Part::ClvCheck: {
            auto r = run->take();
            if (!r) return clv_failed(r.error());
            clv->result = std::move(*r);
            if (clv->result.bg_ok) clv->check = bgnbd_frequency_check(clv->result.bg.params, *in, 7);
            run.reset();
            in.reset();  // a million customers' inputs: not kept past the job's end
            return;
        }
    }
}

TiersJob::TiersJob(const OrderTable* orders, const TieringSettings& s, const TierFigures& current)
    : s_(std::make_unique<State>()) {
    State& st = *s_;
    st.orders = orders;
    st.settings = s;
    const bool new_orders = orders_identity(orders) != current.key_orders;
    const bool tier_change = !current.key_settings || !same_tier_settings(*current.key_settings, s);
    const bool clv_change = !current.key_settings || !same_clv_settings(*current.key_settings, s);
    st.changed = new_orders || tier_change || clv_change;
    if (!st.changed || !orders || orders->orders() == 0) return;
    if (!new_orders && current.index) st.index = current.index;
    else st.parts.push_back(Part::Index);
    st.new_tiers = new_orders || tier_change || !current.tiers;
    if (st.new_tiers) {
        st.parts.insert(st.parts.end(), {Part::Summary, Part::Scores, Part::Profile});
    } else {
        st.tiers = current.tiers;
        st.profile = current.profile;
    }
    st.new_clv = new_orders || clv_change || !current.clv;
    if (st.new_clv) st.parts.insert(st.parts.end(), {Part::ClvInputs, Part::ClvRun, Part::ClvCheck});
    else st.clv = std::const_pointer_cast<TiersClv>(current.clv);
    // Steps in all: a part done in several steps counts each.
    const std::size_t nc = orders->customers();
    const std::size_t more_ranges = nc > 0 ? (nc + kRange - 1) / kRange - 1 : 0;  // a ranged part's steps but one
    st.total = st.parts.size() + (st.new_clv ? ClvRun::steps_for(nc) - 1 + more_ranges : 0);
    if (!st.index) st.total += OrderIndexBuilder::kSteps - 1;
    if (st.new_tiers) st.total += more_ranges + TiersBuilder::kSteps - 1;
}

TiersJob::TiersJob(TiersJob&&) noexcept = default;
TiersJob& TiersJob::operator=(TiersJob&&) noexcept = default;
TiersJob::~TiersJob() = default;

bool TiersJob::step() {
    if (!s_ || s_->parts.empty()) return false;
    const Part p = s_->parts.front();
    s_->parts.erase(s_->parts.begin());
    // The CLV run's fit parts do not count: ClvRun::steps() leaves them out (done() stays).
    const int run_before = p == Part::ClvRun ? s_->run->done() : -1;
    s_->do_part(p);
    if (p != Part::ClvRun || s_->run->done() != run_before) ++s_->done;
    return !s_->parts.empty();
}

double TiersJob::progress() const {
    if (!s_ || s_->parts.empty() || s_->total == 0) return 1;
    return std::min(1.0, static_cast<double>(s_->done) / static_cast<double>(s_->total));
}

std::shared_ptr<const OrderIndex> TiersJob::index() const { return s_->index; }
std::shared_ptr<const Tiers> TiersJob::tiers() const { return s_->error ? nullptr : s_->tiers; }

void TiersJob::install(const OrderTable* orders, TierFigures& out) {
    while (step()) {
    }
    State& st = *s_;
    out.ready = true;
    if (!st.changed) return;
    out.key_orders = orders_identity(orders);
    out.key_settings = st.settings;
    out.generation = ++g_generation;
    if (!orders || orders->orders() == 0) {
        out.index.reset();
        out.tiers.reset();
        out.profile.reset();
        out.clv.reset();
        out.error.reset();
        out.rf.clear();
        out.segment_sizes.clear();
        return;
    }
    out.index = st.index;
    if (st.new_tiers) {
        out.tiers.reset();
        out.profile.reset();
    }
    if (st.new_clv) out.clv.reset();
    if (st.index_failed) {
        out.error = st.error;
        return;
    }
    if (st.new_tiers) ++out.computations;
    if (st.error) {  // the tiers could not be computed (settings or data): no CLV either
        out.error = st.error;
        out.rf.clear();
        out.segment_sizes.clear();
        return;
    }
    out.error.reset();
    if (st.new_tiers) {
        out.tiers = st.tiers;
        out.profile = st.profile;
        fill_rf(*out.tiers, out);
    }
    if (st.new_clv) ++out.clv_computations;
    out.clv = st.clv;
    fill_segment_clv(out);
}

void assess_tiers(const Workspace& ws, const OrderTable* orders, TierFigures& out) {
    TiersJob(orders, ws.tiering, out).install(orders, out);
}

}  // namespace yt
