// clv_summary.cpp — reading per-customer summaries as CLV inputs (see clv_summary.hpp).
#include "core/tiering/clv_summary.hpp"

#include <cmath>
#include <cstdlib>
#include <cstring>
#include <optional>

#include "core/io/named_table.hpp"
#include "core/io/values.hpp"

namespace yt {

namespace {

// The SQL of docs/summary.md writes the first name of each list; lifetimes'
// summary_data_from_transaction_data writes frequency / recency / T / monetary_value, its CDNOW
// summary x / t_x / T / zbar.
const io::HeaderAlias kAliases[] = {
    {"customer", "customer|customerid|customerno|id|userid|memberid|buyerid|客户|客户编号|客户id|会员|会员编号|会员id|买家|买家id|用户id"},
    {"frequency", "frequency|x|repeatdays|repeatpurchases|复购天数|复购次数"},
    {"recency", "recency|tx|首末购间隔天数|首末购间隔|首购到末购天数"},
    {"T", "t|age|客龄天数|客龄|首购至今天数"},
    {"monetary_value", "monetaryvalue|monetary|m|zbar|平均复购金额|复购平均金额|复购客单价"},
    {"revenue", "revenue|totalrevenue|spend|totalspend|累计金额|消费总额|累计消费|总金额"},
    {"owner", "owner|负责人|归属员工|跟进人|添加人|客服|导购"},
};
constexpr int kKeys = sizeof kAliases / sizeof kAliases[0];
enum { kCustomer, kFrequency, kRecency, kT, kMonetary, kRevenue, kOwner };
constexpr int kRequired = 5;  // customer .. monetary_value

// A number as a database writes it, to the last digit ("25.549999999999997", "1e3"), or an
// amount as a shop writes it ("¥1,234.50"; at most 15 significant digits). The amount parser
// comes first: it reads the shop forms, and a decimal of fewer than 2^53 units of its last digit
// exactly (one correctly rounded division, strtod's value) without strtod's cost; longer digit
// strings and exponents go to strtod.
std::optional<double> parse_number(std::string_view cell) {
    cell = io::trim_cell(cell);
    if (auto v = io::parse_amount(cell)) return v;
    if (!cell.empty() && cell.size() < 64) {
        char buf[64];
        std::memcpy(buf, cell.data(), cell.size());
        buf[cell.size()] = 0;
        char* end = nullptr;
        const double v = std::strtod(buf, &end);
        if (end == buf + cell.size() && std::isfinite(v)) return v;
    }
    return std::nullopt;
}

// A whole number of days (or purchase days), 0 .. 10^7 ("12", "12.0").
bool parse_days(std::string_view cell, std::int32_t& out) {
    cell = io::trim_cell(cell);
    if (!cell.empty() && cell.size() <= 8) {  // the usual "123": digits only, no strtod
        std::int32_t n = 0;
        std::size_t i = 0;
        while (i < cell.size() && cell[i] >= '0' && cell[i] <= '9') n = n * 10 + (cell[i++] - '0');
        if (i == cell.size()) {
            if (n > 10000000) return false;
            out = n;
            return true;
        }
    }
    const auto v = parse_number(cell);
    if (!v || *v < 0 || *v > 1e7 || std::floor(*v) != *v) return false;
    out = static_cast<std::int32_t>(*v);
    return true;
}

}  // namespace

struct ClvSummaryReader::State {
    ClvSummaryFile out;
    std::vector<std::uint32_t> first_line;  // per customer, for the duplicate message
    io::NamedColumns cols;
    std::string file_name;
    bool have_header = false;
    std::optional<io::RecordWalk> walk;
    std::size_t rows_guess = 0;
    bool columns_reserved = false, reserved = false;
    explicit State(std::string name) : cols(kAliases, kKeys, name), file_name(std::move(name)) {}
    void reserve_columns(std::size_t n) {
        ClvInputs& in = out.inputs;
        first_line.reserve(n);
        for (auto* v : {&in.x, &in.t_x_days, &in.T_days}) v->reserve(n);
        in.included.reserve(n);
        in.m.reserve(n);
    }
    Status row(const io::FieldList& f, int line);
};

Status ClvSummaryReader::State::row(const io::FieldList& f, int line) {
    ClvInputs& in = out.inputs;
    if (!have_header) {  // the first non-blank line is the header
        cols.match(f);
        const std::string miss = cols.missing(kRequired);
        if (!miss.empty()) return Error("tiering.summary_missing_columns", {miss}, Location{file_name, line, 0, ""});
        out.columns = cols.found();
        have_header = true;
        if (cols.has(kRevenue)) out.revenue.reserve(rows_guess);
        if (cols.has(kOwner)) out.owner.reserve(rows_guess);
        return ok_status();
    }
    if (Status st = cols.decodable(f, line); !st) return st;
    auto cell = [&](int k) { return cols.cell(f, k); };
    auto bad = [&](const char* code, int k) { return Error(code, {io::cell_arg(cell(k))}, cols.where(line, k)); };
    const std::string_view id = cell(kCustomer);
    if (id.empty()) return Error("tiering.summary_no_customer", {}, cols.where(line, kCustomer));
    std::int32_t x = 0, t_x = 0, T = 0;
    if (!parse_days(cell(kFrequency), x)) return bad("tiering.summary_bad_days", kFrequency);
    if (!parse_days(cell(kRecency), t_x)) return bad("tiering.summary_bad_days", kRecency);
    if (!parse_days(cell(kT), T)) return bad("tiering.summary_bad_days", kT);
    if (t_x > T)
        return Error("tiering.summary_recency_after_T", {std::to_string(t_x), std::to_string(T)}, cols.where(line, kRecency));
    if (x == 0 && t_x != 0)
        return Error("tiering.summary_recency_without_repeat", {std::to_string(t_x)}, cols.where(line, kRecency));
    if (x > t_x)
        return Error("tiering.summary_frequency_over_recency", {std::to_string(x), std::to_string(t_x)},
                     cols.where(line, kFrequency));
    double m = 0;
    if (x > 0) {
        const auto v = parse_number(cell(kMonetary));
        if (!v) return bad("tiering.summary_bad_amount", kMonetary);
        m = *v;
    }
    bool added = false;
    const std::uint32_t c = out.customer_ids.intern(id, added);
    if (!added)
        return Error("tiering.summary_duplicate", {io::cell_arg(id), std::to_string(first_line[c])}, cols.where(line, kCustomer));
    first_line.push_back(static_cast<std::uint32_t>(line));
    in.included.push_back(1);
    in.x.push_back(x);
    in.t_x_days.push_back(t_x);
    in.T_days.push_back(T);
    in.m.push_back(m);
    ++in.customers;
    if (x > 0) ++in.repeat_buyers;
    if (cols.has(kRevenue)) {
        const auto v = parse_number(cell(kRevenue));
        if (!v) return bad("tiering.summary_bad_amount", kRevenue);
        out.revenue.push_back(*v);
    }
    if (cols.has(kOwner)) out.owner.emplace_back(cell(kOwner));
    return ok_status();
}

ClvSummaryReader::ClvSummaryReader() = default;
ClvSummaryReader::ClvSummaryReader(ClvSummaryReader&&) noexcept = default;
ClvSummaryReader& ClvSummaryReader::operator=(ClvSummaryReader&&) noexcept = default;
ClvSummaryReader::~ClvSummaryReader() = default;

Result<ClvSummaryReader> ClvSummaryReader::start(std::string_view bytes, TimeUnit unit, std::optional<Day> calibration_end,
                                                 const std::string& file_name) {
    ClvSummaryReader r;
    r.s_ = std::make_unique<State>(file_name);
    auto walk = io::RecordWalk::start(bytes, file_name);
    if (!walk) return walk.error();
    r.s_->walk.emplace(std::move(*walk));
    r.s_->out.encoding = r.s_->walk->encoding();
    r.s_->out.inputs.unit = unit;
    r.s_->out.inputs.calibration_end = calibration_end.value_or(0);
    r.s_->rows_guess = r.s_->walk->estimated_records();
    return r;
}

Result<bool> ClvSummaryReader::step(std::size_t rows) {
    if (!s_->walk) return false;
    if (!s_->reserved) {
        // Room for every row before the first is read: growing a million-entry table rehashes it
        // inside one step. The columns' room is taken in the first step; the id table (for a
        // million rows 32 MB of fresh memory, 89-111 ms in the browser at once) is written in
        // steps of its own, 32 slots per row a step would read, unless the whole file is read in
        // this one step.
        const bool whole = rows == std::size_t(-1);
        if (!s_->columns_reserved) {
            s_->columns_reserved = true;
            s_->reserve_columns(s_->rows_guess);
        }
        const std::size_t slots = rows >= std::size_t(-1) / 32 ? rows : std::max<std::size_t>(rows, 2048) * 32;
        s_->reserved = s_->out.customer_ids.reserve_in_parts(s_->rows_guess, slots);
        if (!whole) return true;
    }
    auto more = s_->walk->step(rows, [this](const io::FieldList& f, int line) { return s_->row(f, line); });
    if (!more) {
        s_->walk.reset();
        return more.error();
    }
    if (!*more) s_->walk.reset();
    return *more;
}

double ClvSummaryReader::progress() const { return s_->walk ? s_->walk->progress() : 1.0; }

Result<ClvSummaryFile> ClvSummaryReader::take() {
    if (!s_->have_header) return Error("io.empty_file", {}, Location{s_->file_name, 0, 0, ""});
    if (s_->out.size() == 0) return Error("io.header_only", {}, Location{s_->file_name, 0, 0, ""});
    return std::move(s_->out);
}

Result<ClvSummaryFile> read_clv_summary(std::string_view bytes, TimeUnit unit, std::optional<Day> calibration_end,
                                        const std::string& file_name) {
    auto r = ClvSummaryReader::start(bytes, unit, calibration_end, file_name);
    if (!r) return r.error();
    for (;;) {
        auto more = r->step(std::size_t(-1));
        if (!more) return more.error();
        if (!*more) return r->take();
    }
}

bool looks_like_clv_summary(const std::vector<std::string>& header) {
    const std::vector<std::string_view> cells(header.begin(), header.end());
    io::NamedColumns cols(kAliases, kKeys, "");
    cols.match(io::FieldList{cells.data(), cells.size()});
    return cols.missing(kRequired).empty();
}

std::optional<CustomerSummary> summary_from_clv_summary(const ClvSummaryFile& f) {
    const ClvInputs& in = f.inputs;
    if (in.calibration_end == 0 || f.revenue.size() != in.size()) return std::nullopt;
    CustomerSummary s;
    s.as_of = in.calibration_end;
    s.merged_same_day = true;
    const std::size_t n = in.size();
    s.first.resize(n);
    s.last.resize(n);
    s.orders.resize(n);
    s.revenue = f.revenue;
    s.aov.resize(n);
    s.recency.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
        s.first[i] = in.calibration_end - in.T_days[i];
        s.last[i] = s.first[i] + in.t_x_days[i];
        s.orders[i] = in.x[i] + 1;
        s.aov[i] = s.revenue[i] / s.orders[i];
        s.recency[i] = in.T_days[i] - in.t_x_days[i];
        s.total_revenue += s.revenue[i];
    }
    s.buyers = static_cast<std::uint32_t>(n);
    return s;
}

}  // namespace yt
