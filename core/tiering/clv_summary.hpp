// clv_summary.hpp — per-customer summaries made elsewhere (a data warehouse), read as CLV inputs.
//
// A brand whose order history outgrows one machine groups its orders by customer where they live
// (docs/summary.md ships the SQL for DuckDB and Spark) and hands Yutang one row per customer:
//
//   customer, frequency, recency, T, monetary_value [, revenue] [, owner]
//
// in the conventions of clv_inputs.hpp, so that the fits equal the ones from the raw orders:
// frequency = x, the repeat purchase DAYS; recency = t_x, whole days from the first to the last
// purchase day; T = whole days from the first purchase day to the calibration end; monetary_value
// = m, the mean spend per repeat purchase day (ignored when frequency = 0). Optional: revenue, the
// customer's spend net of refunds up to the calibration end (with it, the RFM segments can be
// drawn), and owner, the staff member or account the customer belongs to.
//
// Headers are matched by name (English as the SQL writes them, lifetimes' names x / t_x / T /
// zbar, and Chinese ones; see clv_summary.cpp), in any order; the encoding (UTF-8, UTF-16,
// GB18030) and the delimiter are detected by core/io. Every row is checked: whole non-negative
// days, recency <= T, frequency <= recency (x distinct repeat days lie in (0, t_x]), recency = 0
// when frequency = 0, an id seen once. Errors name the line, the column and the cell.
#pragma once
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/io/interner.hpp"
#include "core/model/result.hpp"
#include "core/tiering/clv_inputs.hpp"
#include "core/tiering/summary.hpp"

namespace yt {

struct ClvSummaryFile {
    std::string encoding;               // "utf-8", "gb18030", ...
    std::vector<std::string> columns;   // keys found, in key order: customer, frequency, recency, T, monetary_value, revenue, owner
    io::Interner customer_ids;          // customer index -> id, in file order
    ClvInputs inputs;                   // every customer included; calibration_end as given to the reader (0 = not known)
    std::vector<double> revenue;        // per customer, when the file has a revenue column; else empty
    std::vector<std::string> owner;     // per customer, when the file has an owner column; else empty
    std::size_t size() const { return inputs.size(); }
};

// Errors (Error::where holds the file, line, column and header): io.empty_file, io.binary_file,
// io.spreadsheet_file, io.bad_encoding, io.header_only; tiering.summary_missing_columns {0: the
// missing headers}; tiering.summary_bad_days {0: cell} (not a whole number of days >= 0);
// tiering.summary_bad_amount {0: cell}; tiering.summary_recency_after_T {0: recency, 1: T};
// tiering.summary_frequency_over_recency {0: frequency, 1: recency};
// tiering.summary_recency_without_repeat {0: recency}; tiering.summary_no_customer;
// tiering.summary_duplicate {0: id, 1: the line it was first seen on}.
Result<ClvSummaryFile> read_clv_summary(std::string_view bytes, TimeUnit unit, std::optional<Day> calibration_end,
                                        const std::string& file_name = "");

// The same reading in parts, so a large summary is read a part per frame: start() decodes the
// bytes (kept by the caller until take()); step() reads up to `rows` rows (true while rows are
// left; an error stops the reading; the first step only sizes the tables, unless rows is
// size_t(-1)); take() returns the file. Same errors as read_clv_summary.
class ClvSummaryReader {
public:
    static Result<ClvSummaryReader> start(std::string_view bytes, TimeUnit unit, std::optional<Day> calibration_end,
                                          const std::string& file_name = "");
    ClvSummaryReader(ClvSummaryReader&&) noexcept;
    ClvSummaryReader& operator=(ClvSummaryReader&&) noexcept;
    ~ClvSummaryReader();
    Result<bool> step(std::size_t rows);
    double progress() const;  // share of the text read, 0..1
    Result<ClvSummaryFile> take();

private:
    ClvSummaryReader();
    struct State;
    std::unique_ptr<State> s_;
};

// Whether a header row names the five columns of a summary (an order import's dialog tells the
// user such a file is not orders).
bool looks_like_clv_summary(const std::vector<std::string>& header);

// The purchase summary the RFM segments read, as of the calibration end (which must be known):
// first = end − T, last = first + recency, orders = frequency + 1 purchase days, revenue from
// the file's revenue column (which must be present), recency = T − t_x. Null when either is
// missing.
std::optional<CustomerSummary> summary_from_clv_summary(const ClvSummaryFile& f);

}  // namespace yt
