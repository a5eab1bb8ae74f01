// clv.cpp — run_clv: compression, both fits, per-customer scoring with per-(x, T) caching.
#include "core/tiering/clv.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>
#include <unordered_map>

namespace yt {

namespace {

// For every group g of one x: GH[g] = G(x, T_g, H) and dsum[g] = Σ_k disc_k (G_k − G_{k−1}).
// The series S(z) = Σ c_n z^n inside G (see bgnbd_expected_if_alive) has coefficients that depend
// on x only: they are computed once, up to the length needed at the largest z, and every (T, k)
// is then evaluated with multiplications only.
// G(x, T, k) from the coefficients of S (bgnbd_expected_if_alive), or its fixed-dropout limit
// when the value overflows.
double series_G(const BgNbdParams& p, const std::vector<double>& coef, double C, double eps, int x, double T, int k) {
    const double z = k / (p.alpha + T + k);
    const double L = std::log((p.alpha + T) / (p.alpha + T + k));
    double Sz = 0, zp = z;
    for (std::size_t j = 0; j < coef.size(); ++j) {
        const double term = coef[j] * zp;
        Sz += term;
        if (j > 2 && std::fabs(term) <= 1e-17 * std::fabs(Sz)) break;
        zp *= z;
    }
    const double head = std::fabs(eps) < 1e-12 ? -L : -std::expm1(eps * L) / eps;
    const double G = C * (head - std::exp(eps * L) * Sz);
    return std::isfinite(G) ? G : bgnbd_expected_if_alive_fixed_dropout(p, x, T, k);
}

void horizon_sums(const BgNbdParams& p, int x, const std::vector<std::uint32_t>& groups, const std::vector<std::int32_t>& gT,
                  double ud, const std::vector<double>& disc, std::vector<double>& GH, std::vector<double>& dsum) {
    const int horizon = static_cast<int>(disc.size()) - 1;
    const double eps = p.a - 1, A = p.a + p.b - 1 - p.r, C = p.a + p.b + x - 1;
    double min_T = 1e300;
    for (std::uint32_t g : groups) min_T = std::min(min_T, gT[g] / ud);
    const double z_max = horizon / (p.alpha + min_T + horizon);
    std::vector<double> coef;
    double c = A / C, zn = z_max, S = 0;
    int small = 0;
    bool overflow = false;  // a, b in the millions: G in its fixed-dropout limit (bgnbd.hpp)
    for (int k = 1; k < 2000000; ++k) {
        coef.push_back(c);
        const double term = c * zn;
        S += term;
        if (!std::isfinite(S)) {
            overflow = true;
            break;
        }
        const double ratio = (A + k) * (p.a + k - 1) / ((C + k) * (k + 1));
        if (c == 0 || (std::fabs(ratio * z_max) < 1 && std::fabs(term) <= 1e-17 * std::fabs(S))) {
            if (c == 0 || ++small >= 2) break;
        } else {
            small = 0;
        }
        c *= ratio;
        zn *= z_max;
    }
    for (std::uint32_t g : groups) {
        const double T = gT[g] / ud;
        double prev = 0, sum = 0;
        for (int k = 1; k <= horizon; ++k) {
            const double Gk = overflow ? bgnbd_expected_if_alive_fixed_dropout(p, x, T, k) : series_G(p, coef, C, eps, x, T, k);
            sum += (Gk - prev) * disc[static_cast<std::size_t>(k)];
            prev = Gk;
        }
        GH[g] = prev;
        dsum[g] = sum;
    }
}

}  // namespace

Status bgnbd_usable(const Result<BgNbdFit>& f) {
    if (!f) return f.error();
    if (!f->converged) return Error("tiering.fit_not_converged", {"bgnbd", f->stop});
    return ok_status();
}

Status gg_usable(const Result<GgFit>& f) {
    if (!f) return f.error();
    if (!f->converged) return Error("tiering.fit_not_converged", {"gamma_gamma", f->stop});
    return ok_status();
}

// The BG/NBD fit's rows of bgnbd_data_auto in parts: BgNbdTickRows' steps over the ticks (put on
// the grid first when opt.grid_days > 1), then one that takes the rows and regrids them when the
// auto grid finds too many. ClvRun makes its rows with it a part per step; the functions below
// run it to the end. `in` must outlive it.
struct ClvRun::Rows {
    Rows(const ClvInputs& in, const ClvOptions& opt, std::size_t range)
        : grid(opt.grid_days > 1 ? opt.grid_days : 1), regrid(opt.grid_days == 0), max_rows(opt.max_unique_rows) {
        const std::size_t n = in.size();
        const std::int32_t *t_x = in.t_x_days.data(), *T_ = in.T_days.data();
        if (grid > 1) {
            tx.resize(n);
            T.resize(n);
            for (std::size_t i = 0; i < n; ++i) {
                tx[i] = (in.t_x_days[i] + grid / 2) / grid;
                T[i] = (in.T_days[i] + grid / 2) / grid;
            }
            t_x = tx.data();
            T_ = T.data();
        }
        builder.emplace(in.x.data(), t_x, T_, n, grid / unit_days(in.unit), in.included.empty() ? nullptr : in.included.data(),
                        range);
    }
    static int steps_for(std::size_t n, std::size_t range) { return BgNbdTickRows::steps_for(n, range) + 1; }
    // Does the next part (the builder's, then the take and regrid); true while parts remain.
    bool step() {
        if (part < builder->steps()) {
            builder->step();
            ++part;
            return true;
        }
        if (part > builder->steps()) return false;
        ++part;
        rows = builder->take();
        grid_used = grid;
        if (regrid && rows.rows() > max_rows) {
            grid_used = 7;
            rows = regrid_bgnbd_data(rows, 7);
        }
        return false;
    }
    BgNbdData take(int* grid_out) {
        while (step()) {
        }
        if (grid_out) *grid_out = grid_used;
        return std::move(rows);
    }

    int grid;
    bool regrid;
    std::size_t max_rows;
    std::vector<std::int32_t> tx, T;  // ticks on the grid (grid > 1)
    std::optional<BgNbdTickRows> builder;
    int part = 0;
    BgNbdData rows;
    int grid_used = 1;
};

BgNbdData bgnbd_data_from_inputs(const ClvInputs& in, int grid_days) {
    ClvOptions opt;
    opt.grid_days = std::max(grid_days, 1);  // exact days, or this grid: never the auto rule
    return ClvRun::Rows(in, opt, in.size()).take(nullptr);
}

BgNbdData bgnbd_data_auto(const ClvInputs& in, const ClvOptions& opt, int* grid_used) {
    return ClvRun::Rows(in, opt, in.size()).take(grid_used);
}

GgData gg_data_from_inputs(const ClvInputs& in) { return make_gg_data(in.x, in.m, &in.included); }

std::vector<double> totals_by_group(const std::vector<float>& v, const std::vector<std::uint8_t>& group, int groups) {
    std::vector<double> out(static_cast<std::size_t>(groups), 0.0);
    for (std::size_t i = 0; i < v.size() && i < group.size(); ++i)
        if (group[i] < groups && std::isfinite(v[i])) out[group[i]] += v[i];
    return out;
}

namespace {
std::size_t rows_range(std::size_t score_range) { return std::max(score_range, ClvRun::kMinRowsRange); }
}  // namespace

int ClvRun::steps_for(std::size_t customers, std::size_t score_range) {
    const std::size_t r = std::max<std::size_t>(score_range, 1);
    return Rows::steps_for(customers, rows_range(r)) + 3 + ClvScorer::kSetupParts +
           static_cast<int>(std::max<std::size_t>((customers + r - 1) / r, 1));
}

ClvRun::ClvRun(const ClvInputs& in, const ClvOptions& opt, std::size_t score_range)
    : in_(&in), opt_(opt), range_(std::max<std::size_t>(score_range, 1)), steps_(steps_for(in.size(), range_)),
      rows_steps_(Rows::steps_for(in.size(), rows_range(range_))) {
    if (opt.horizon < 1 || opt.horizon > 10000) error_ = Error("tiering.bad_clv_options", {"horizon"});
    else if (!(opt.margin >= 0 && opt.margin <= 1)) error_ = Error("tiering.bad_clv_options", {"margin"});
    else if (!(opt.discount_annual >= 0 && opt.discount_annual < 10)) error_ = Error("tiering.bad_clv_options", {"discount"});
    if (error_) next_ = steps_;
}

ClvRun::ClvRun(ClvRun&&) noexcept = default;
ClvRun& ClvRun::operator=(ClvRun&&) noexcept = default;
ClvRun::~ClvRun() = default;

// Part k of the rows: as bgnbd_data_auto makes them, bit for bit.
void ClvRun::rows_step(int k) {
    if (k == 0) rows_ = std::make_unique<Rows>(*in_, opt_, rows_range(range_));
    if (rows_->step()) return;
    bg_rows_ = std::make_unique<BgNbdData>(rows_->take(&res_.grid_days));
    rows_.reset();
}

bool ClvRun::step() {
    if (next_ >= steps_) return false;
    if (next_ < rows_steps_) {
        rows_step(next_);
        ++next_;
        return next_ < steps_;
    }
    switch (next_ - rows_steps_) {
        case 0: {  // the fit, kBgFitIterations of its iterations a part
            if (!bg_fit_) bg_fit_ = std::make_unique<BgNbdFitRun>(*bg_rows_, opt_.fit);
            if (bg_fit_->step(kBgFitIterations)) return true;
            Result<BgNbdFit> bg = bg_fit_->take();
            res_.bg_status = bgnbd_usable(bg);
            res_.bg_ok = res_.bg_status.ok();
            if (bg) res_.bg = *bg;
            bg_fit_.reset();
            bg_rows_.reset();
            break;
        }
        case 1: gg_rows_ = std::make_unique<GgData>(gg_data_from_inputs(*in_)); break;
        case 2: {  // the fit, kGgFitIterations of its iterations a part
            if (!gg_fit_) gg_fit_ = std::make_unique<GgFitRun>(*gg_rows_, opt_.fit);
            if (gg_fit_->step(kGgFitIterations)) return true;
            Result<GgFit> gg = gg_fit_->take();
            res_.gg_status = gg_usable(gg);
            res_.gg_ok = res_.gg_status.ok();
            if (gg) res_.gg = *gg;
            res_.status = !res_.bg_ok ? res_.bg_status : res_.gg_status;
            gg_fit_.reset();
            gg_rows_.reset();
            break;
        }
        default: {
            const int k = next_ - rows_steps_ - 3;  // the scorer's setup parts, then its ranges
            if (k == 0) scorer_ = std::make_unique<ClvScorer>(*in_, opt_, res_);
            if (k < ClvScorer::kSetupParts) {
                scorer_->setup(k);
                break;
            }
            const std::size_t begin = static_cast<std::size_t>(k - ClvScorer::kSetupParts) * range_;
            scorer_->score(std::min(begin, in_->size()), std::min(begin + range_, in_->size()));
            if (next_ + 1 == steps_) scorer_.reset();
        }
    }
    ++next_;
    return next_ < steps_;
}

Result<ClvResult> ClvRun::take() {
    while (step()) {
    }
    if (error_) return *error_;
    return std::move(res_);
}

Result<ClvResult> run_clv(const ClvInputs& in, const ClvOptions& opt) { return ClvRun(in, opt).take(); }

void predict_clv(const ClvInputs& in, const ClvOptions& opt, ClvResult& res) {
    ClvScorer scorer(in, opt, res);
    for (int part = 0; part < ClvScorer::kSetupParts; ++part) scorer.setup(part);
    scorer.score(0, in.size());
}

ClvScorer::ClvScorer(const ClvInputs& in, const ClvOptions& opt, ClvResult& res)
    : in_(&in), res_(&res), opt_(opt) {}

// Part 0: the period discount, the totals, the result vectors' room (filled as they are scored,
// so no part writes five arrays of every customer at once) and the log tables; part 1: the
// distinct (x, T) pairs of every customer; part 2: their horizon sums.
void ClvScorer::setup(int part) {
    const ClvInputs& in = *in_;
    ClvResult& res = *res_;
    const double ud = unit_days(in.unit);
    const std::size_t n = in.size();
    const BgNbdParams p = res.bg.params;
    if (part == 0) {
        res.period_discount = std::pow(1 + opt_.discount_annual, ud / 365.25) - 1;
        res.total_clv = 0;
        res.total_expected_purchases = 0;
        for (std::vector<float>* v : {&res.p_alive, &res.expected_purchases, &res.p_no_purchase, &res.expected_value, &res.clv}) {
            v->clear();
            v->reserve(n);
        }
        if (!res.bg_ok) return;
        const double H = opt_.horizon;
        // log(α + d / unit) for every day count d, and log(b + x − 1) for every x
        for (std::size_t i = 0; i < n; ++i) {
            if (!in.included[i]) continue;
            max_days_ = std::max(max_days_, in.T_days[i]);
            max_x_ = std::max(max_x_, in.x[i]);
        }
        lt_.resize(static_cast<std::size_t>(max_days_) + 1);
        lth_.resize(lt_.size());
        for (std::size_t d = 0; d < lt_.size(); ++d) {
            lt_[d] = std::log(p.alpha + d / ud);
            lth_[d] = std::log(p.alpha + d / ud + H);
        }
        lbx_.assign(static_cast<std::size_t>(max_x_) + 1, 0.0);
        for (std::size_t x = 1; x < lbx_.size(); ++x) lbx_[x] = std::log(p.a) - std::log(p.b + static_cast<double>(x) - 1);
        return;
    }
    if (!res.bg_ok) return;
    const std::int32_t max_x = max_x_, max_days = max_days_;
    if (part == 1) {
        // G(x, T, k) depends on (x, T) only: number the distinct pairs (a dense table when it is
        // small, which it is for any realistic shop; a hash map otherwise), compute the horizon
        // value and the discounted sum once per pair; score() then takes customers in sequential
        // passes.
        group_.assign(n, 0);
        const std::uint64_t dense_size = (static_cast<std::uint64_t>(max_x) + 1) * (static_cast<std::uint64_t>(max_days) + 1);
        if (dense_size <= (1u << 22)) {
            std::vector<std::int32_t> id(static_cast<std::size_t>(dense_size), -1);
            for (std::size_t i = 0; i < n; ++i) {
                if (!in.included[i]) continue;
                const std::size_t cell = static_cast<std::size_t>(in.x[i]) * (static_cast<std::size_t>(max_days) + 1) +
                                         static_cast<std::size_t>(in.T_days[i]);
                if (id[cell] < 0) {
                    id[cell] = static_cast<std::int32_t>(gx_.size());
                    gx_.push_back(in.x[i]);
                    gT_.push_back(in.T_days[i]);
                }
                group_[i] = static_cast<std::uint32_t>(id[cell]);
            }
        } else {
            std::unordered_map<std::uint64_t, std::uint32_t> id;
            for (std::size_t i = 0; i < n; ++i) {
                if (!in.included[i]) continue;
                const std::uint64_t key = (static_cast<std::uint64_t>(in.x[i]) << 32) | static_cast<std::uint32_t>(in.T_days[i]);
                auto it = id.emplace(key, static_cast<std::uint32_t>(gx_.size()));
                if (it.second) {
                    gx_.push_back(in.x[i]);
                    gT_.push_back(in.T_days[i]);
                }
                group_[i] = it.first->second;
            }
        }
        return;
    }
    std::vector<double> disc(static_cast<std::size_t>(opt_.horizon) + 1);
    for (int k = 0; k <= opt_.horizon; ++k) disc[static_cast<std::size_t>(k)] = std::pow(1 + res.period_discount, -k);
    GH_.assign(gx_.size(), 0.0);
    dsum_.assign(gx_.size(), 0.0);
    std::vector<std::vector<std::uint32_t>> by_x(static_cast<std::size_t>(max_x) + 1);
    for (std::size_t g = 0; g < gx_.size(); ++g) by_x[static_cast<std::size_t>(gx_[g])].push_back(static_cast<std::uint32_t>(g));
    for (std::size_t x = 0; x < by_x.size(); ++x)
        if (!by_x[x].empty()) horizon_sums(p, static_cast<int>(x), by_x[x], gT_, ud, disc, GH_, dsum_);
    std::vector<std::int32_t>().swap(gx_);
    std::vector<std::int32_t>().swap(gT_);
}

void ClvScorer::score(std::size_t begin, std::size_t end) {
    const ClvInputs& in = *in_;
    ClvResult& res = *res_;
    const BgNbdParams p = res.bg.params;
    const float nanf = std::numeric_limits<float>::quiet_NaN();
    for (std::vector<float>* v : {&res.p_alive, &res.expected_purchases, &res.p_no_purchase, &res.expected_value, &res.clv})
        if (v->size() < end) v->resize(end, nanf);  // within the room part 0 took
    for (std::size_t i = begin; i < end; ++i) {
        if (!in.included[i]) continue;
        const std::int32_t x = in.x[i];
        // The expected spend per purchase, once per customer: kept, and used in the CLV below.
        const double ev = res.gg_ok ? gg_expected_value(res.gg.params, x, in.m[i]) : 0.0;
        if (res.gg_ok) res.expected_value[i] = static_cast<float>(ev);
        if (!res.bg_ok) continue;
        const std::size_t Td = static_cast<std::size_t>(in.T_days[i]);
        const std::uint32_t g = group_[i];
        double pa = 1;
        if (x > 0)
            pa = 1 / (1 + std::exp(lbx_[static_cast<std::size_t>(x)] +
                                   (p.r + x) * (lt_[Td] - lt_[static_cast<std::size_t>(in.t_x_days[i])])));
        res.p_alive[i] = static_cast<float>(pa);
        res.expected_purchases[i] = static_cast<float>(pa * GH_[g]);
        res.p_no_purchase[i] = static_cast<float>((1 - pa) + pa * std::exp((p.r + x) * (lt_[Td] - lth_[Td])));
        res.total_expected_purchases += pa * GH_[g];
        if (res.gg_ok) {
            const double c = opt_.margin * ev * pa * dsum_[g];
            res.clv[i] = static_cast<float>(c);
            res.total_clv += c;
        }
    }
}

}  // namespace yt
