// rfm.cpp — RFM binning: mid-rank quantile scores (counting or order statistics) and custom cut-offs.
#include "core/tiering/rfm.hpp"

#include <algorithm>
#include <cmath>

#include "core/tiering/radix.hpp"

namespace yt {

namespace {

Status check_cuts(const std::vector<double>& c, const char* dim) {
    if (c.empty() || c.size() > 9) return Error("tiering.bad_cutoffs", {dim});
    for (std::size_t i = 0; i < c.size(); ++i) {
        if (!std::isfinite(c[i])) return Error("tiering.bad_cutoffs", {dim});
        if (i > 0 && !(c[i] > c[i - 1])) return Error("tiering.bad_cutoffs", {dim});
    }
    return ok_status();
}

template <class T>
void ranges_of(const std::vector<T>& v, const std::vector<std::uint8_t>& score, int k, std::vector<ScoreRange>& out) {
    out.assign(static_cast<std::size_t>(k), ScoreRange{});
    for (std::size_t i = 0; i < v.size(); ++i) {
        const int s = score[i];
        if (s == 0) continue;
        ScoreRange& r = out[static_cast<std::size_t>(s - 1)];
        const double x = static_cast<double>(v[i]);
        if (r.count == 0) { r.lo = r.hi = x; }
        else { r.lo = std::min(r.lo, x); r.hi = std::max(r.hi, x); }
        ++r.count;
    }
}

// score of a block of `equal` values with `below` worse values among n.
inline std::uint8_t mid_rank_score(std::int64_t below, std::int64_t equal, std::int64_t n, int k) {
    std::int64_t s = 1 + (static_cast<std::int64_t>(k) * (2 * below + equal)) / (2 * n);
    return static_cast<std::uint8_t>(s > k ? k : s);
}

// Integer values in a small range: a histogram gives every value's score directly (cuts.table);
// false when the values are not such.
template <class T>
bool cuts_by_counting(const std::vector<T>& v, const std::vector<std::uint8_t>& include, int k, bool higher_is_better,
                      QuantileCuts& cuts) {
    double lo = 0, hi = 0;
    bool any = false;
    for (std::size_t i = 0; i < v.size(); ++i) {
        if (!include[i]) continue;
        const double x = static_cast<double>(v[i]);
        if (x != std::floor(x) || std::fabs(x) > 1e9) return false;
        if (!any) { lo = hi = x; any = true; }
        else { lo = std::min(lo, x); hi = std::max(hi, x); }
    }
    cuts.counting = true;
    if (!any) return true;
    if (hi - lo > (1 << 22)) return false;
    const auto base = static_cast<std::int64_t>(lo);
    const std::size_t range = static_cast<std::size_t>(static_cast<std::int64_t>(hi) - base) + 1;
    std::vector<std::uint32_t> count(range, 0);
    std::int64_t n = 0;
    for (std::size_t i = 0; i < v.size(); ++i)
        if (include[i]) { ++count[static_cast<std::size_t>(static_cast<std::int64_t>(v[i]) - base)]; ++n; }
    std::vector<std::uint8_t> score(range, 0);
    std::int64_t below = 0;
    for (std::size_t j = 0; j < range; ++j) {  // worst first
        const std::size_t b = higher_is_better ? j : range - 1 - j;
        if (!count[b]) continue;
        score[b] = mid_rank_score(below, count[b], n, k);
        below += count[b];
    }
    cuts.base = base;
    cuts.table = std::move(score);
    return true;
}

// General values (revenue): the first key of every score from order statistics (no full
// sort). score(K) >= s  <=>  2·below(K) + equal(K) >= T_s = ceil(2n(s−1)/k). With
// m = ceil(T_s/2) − 1, the smallest such key is the m-th smallest key if its block of equal
// keys passes the test, else the next larger key (no earlier block can pass: 2·below+equal <=
// 2m − 1 < T_s there; the next block has 2·below+equal >= 2m + 3 > T_s).
inline std::uint64_t worst_first_key(double x, bool higher_is_better) {
    const std::uint64_t key = ordered_key(x);
    return higher_is_better ? key : ~key;
}

// The first part: the included keys of v[cuts.taken, end) (in parts: a million customers' keys
// are 8 MB of fresh memory).
template <class T>
void selection_keys(const std::vector<T>& v, const std::vector<std::uint8_t>& include, std::size_t end, QuantileCuts& cuts) {
    cuts.counting = false;
    std::vector<std::uint64_t>& keys = cuts.keys;
    if (cuts.taken == 0) keys.reserve(v.size());
    for (std::size_t i = cuts.taken; i < end; ++i)
        if (include[i]) keys.push_back(worst_first_key(static_cast<double>(v[i]), cuts.higher_is_better));
    cuts.taken = end;
}

// The second part: the key at each candidate rank.
inline void selection_ranks(QuantileCuts& cuts, int k) {
    const std::vector<std::uint64_t>& keys = cuts.keys;
    const std::int64_t n = static_cast<std::int64_t>(keys.size());
    if (n == 0) return;
    std::vector<std::size_t> ranks;
    for (int s = 2; s <= k; ++s) {
        const std::int64_t goal = (2 * n * (s - 1) + k - 1) / k;
        std::int64_t m = (goal + 1) / 2 - 1;
        m = std::max<std::int64_t>(0, std::min(m, n - 1));
        ranks.push_back(static_cast<std::size_t>(m));
        cuts.target.push_back(goal);
    }
    cuts.cand = keys_at_ranks(keys, ranks);
}

// The third part: each candidate's block tested, the first key of each score from it.
inline void selection_finish(QuantileCuts& cuts) {
    const std::vector<std::uint64_t>& cand = cuts.cand;
    const std::size_t nt = cand.size();
    std::vector<std::int64_t> below(nt, 0), equal(nt, 0);
    std::vector<std::uint64_t> next(nt, ~0ull);
    for (std::uint64_t key : cuts.keys)
        for (std::size_t t = 0; t < nt; ++t) {
            if (key < cand[t]) ++below[t];
            else if (key == cand[t]) ++equal[t];
            else if (key < next[t]) next[t] = key;
        }
    cuts.first_key.assign(nt, 0);
    cuts.reachable.assign(nt, 0);
    for (std::size_t t = 0; t < nt; ++t) {
        const bool pass = 2 * below[t] + equal[t] >= cuts.target[t];
        cuts.reachable[t] = pass || next[t] != ~0ull;  // else no key reaches this score
        cuts.first_key[t] = pass ? cand[t] : next[t];
    }
    std::vector<std::uint64_t>().swap(cuts.keys);
    cuts.cand.clear();
    cuts.target.clear();
}

// A dimension's cuts as far as one part goes: a table of counts (done), or the included keys of
// the first `keys_end` entries, which selection_keys() completes and selection_ranks() and
// selection_finish() turn into cuts.
template <class T>
QuantileCuts cuts_start(const std::vector<T>& v, const std::vector<std::uint8_t>& include, int k, bool higher_is_better,
                        std::size_t keys_end) {
    QuantileCuts cuts;
    cuts.higher_is_better = higher_is_better;
    if (!cuts_by_counting(v, include, k, higher_is_better, cuts)) selection_keys(v, include, std::min(keys_end, v.size()), cuts);
    return cuts;
}

template <class T>
QuantileCuts cuts_of(const std::vector<T>& v, const std::vector<std::uint8_t>& include, int k, bool higher_is_better) {
    QuantileCuts cuts = cuts_start(v, include, k, higher_is_better, v.size());
    if (!cuts.counting) {
        selection_ranks(cuts, k);
        selection_finish(cuts);
    }
    return cuts;
}

// Every included customer's score from the cuts (0 for the others).
template <class T>
void scores_from(const QuantileCuts& cuts, const std::vector<T>& v, const std::vector<std::uint8_t>& include,
                 std::vector<std::uint8_t>& out) {
    out.assign(v.size(), 0);
    if (cuts.counting) {
        if (cuts.table.empty()) return;
        for (std::size_t i = 0; i < v.size(); ++i)
            if (include[i]) out[i] = cuts.table[static_cast<std::size_t>(static_cast<std::int64_t>(v[i]) - cuts.base)];
        return;
    }
    const std::size_t nt = cuts.first_key.size();
    for (std::size_t i = 0; i < v.size(); ++i) {
        if (!include[i]) continue;
        const std::uint64_t key = worst_first_key(static_cast<double>(v[i]), cuts.higher_is_better);
        int s = 1;
        for (std::size_t t = 0; t < nt; ++t) s += cuts.reachable[t] && key >= cuts.first_key[t];
        out[i] = static_cast<std::uint8_t>(s);
    }
}

template <class T>
void scores_of(const std::vector<T>& v, const std::vector<std::uint8_t>& include, int k, bool higher_is_better,
               std::vector<std::uint8_t>& out) {
    scores_from(cuts_of(v, include, k, higher_is_better), v, include, out);
}

}  // namespace

Result<BinningSpec> make_binning(const std::string& name, const std::vector<double>& cut_r,
                                 const std::vector<double>& cut_f, const std::vector<double>& cut_m) {
    BinningSpec b;
    b.name = name;
    if (name == "quintile") b.bins = 5;
    else if (name == "quartile") b.bins = 4;
    else if (name == "tercile") b.bins = 3;
    else if (name == "custom") {
        for (auto st : {check_cuts(cut_r, "r"), check_cuts(cut_f, "f"), check_cuts(cut_m, "m")})
            if (!st) return st.error();
        if (cut_r.size() != cut_f.size() || cut_f.size() != cut_m.size()) return Error("tiering.bad_cutoffs", {"rfm"});
        b.bins = static_cast<int>(cut_r.size()) + 1;
        b.cut_r = cut_r;
        b.cut_f = cut_f;
        b.cut_m = cut_m;
    } else {
        return Error("tiering.bad_binning", {name});
    }
    return b;
}

Result<BinningSpec> binning_from_settings(const TieringSettings& s) {
    return make_binning(s.binning, s.custom_r, s.custom_f, s.custom_m);
}

void quantile_scores(const std::vector<double>& v, const std::vector<std::uint8_t>& include, int k,
                     bool higher_is_better, std::vector<std::uint8_t>& out) {
    scores_of(v, include, k, higher_is_better, out);
}

Result<RfmScores> score_rfm(const CustomerSummary& s, const BinningSpec& b) { return RfmScorer(s, b).take(); }

RfmScorer::RfmScorer(const CustomerSummary& s, const BinningSpec& b) : s_(&s), b_(b) {
    if (s.buyers == 0) {
        error_ = Error("tiering.no_buyers", {format_day(s.as_of)});
        return;
    }
    const std::size_t n = s.size();
    include_.resize(n);
    for (std::size_t i = 0; i < n; ++i) include_[i] = s.orders[i] > 0;
    out_.bins = b.bins;
}

bool RfmScorer::step() {
    if (error_ || next_ >= kSteps) return false;
    const CustomerSummary& s = *s_;
    const int k = b_.bins;
    const int part = next_++;
    const int dim = part / 4;
    const bool custom = b_.name == "custom";
    if (custom && part == 0) {  // custom cut-offs: all three scores in one pass
        const std::size_t n = s.size();
        out_.r.assign(n, 0);
        out_.f.assign(n, 0);
        out_.m.assign(n, 0);
        for (std::size_t i = 0; i < n; ++i) {
            if (!include_[i]) continue;
            int r = k, f = 1, m = 1;
            for (double c : b_.cut_r) r -= s.recency[i] > c;
            for (double c : b_.cut_f) f += s.orders[i] >= c;
            for (double c : b_.cut_m) m += s.revenue[i] >= c;
            out_.r[i] = static_cast<std::uint8_t>(r);
            out_.f[i] = static_cast<std::uint8_t>(f);
            out_.m[i] = static_cast<std::uint8_t>(m);
        }
    }
    // A dimension in four parts: its cuts by quantile (unless custom: a table of counts, or the
    // included keys of the first half, then those of the second half and the keys at the
    // candidate ranks, then the cuts from them), then the scores from the cuts and the value range
    // of each score. (Revenue's keys and ranks in one part took 31-42 ms in the browser for a
    // million customers, the keys alone 21-38 ms.)
    const auto dimension = [&](const auto& values, bool higher_is_better, std::vector<std::uint8_t>& score, auto& ranges) {
        if (part % 4 == 0) {
            cuts_ = custom ? QuantileCuts{} : cuts_start(values, include_, k, higher_is_better, values.size() / 2);
            return;
        }
        if (part % 4 == 1) {
            if (!custom && !cuts_.counting) {
                selection_keys(values, include_, values.size(), cuts_);
                selection_ranks(cuts_, k);
            }
            return;
        }
        if (part % 4 == 2) {
            if (!custom && !cuts_.counting) selection_finish(cuts_);
            return;
        }
        if (!custom) scores_from(cuts_, values, include_, score);
        cuts_ = QuantileCuts{};
        ranges_of(values, score, k, ranges);
    };
    if (dim == 0) dimension(s.recency, false, out_.r, out_.r_ranges);
    else if (dim == 1) dimension(s.orders, true, out_.f, out_.f_ranges);
    else dimension(s.revenue, true, out_.m, out_.m_ranges);
    return next_ < kSteps;
}

Result<RfmScores> RfmScorer::take() {
    while (step()) {
    }
    if (error_) return *error_;
    return std::move(out_);
}

}  // namespace yt
