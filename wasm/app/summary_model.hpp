// summary_model.hpp — a warehouse's per-customer summary modelled in the import dialog.
//
// A brand whose orders outgrow one machine groups them by customer in its warehouse (the SQL of
// docs/summary.md) and picks the summary file here as it would an order export. The dialog
// recognises it (looks_like_clv_summary) and, instead of importing it as orders, models it as
// `yutang clv --summary` does: the file is read a part per frame (ClvSummaryReader), then both
// CLV fits and the predictions run a part per frame (ClvRun), with the plan's CLV settings (unit,
// horizon, margin, discount) and segment split, and a calibration end the user gives (the plan's
// as-of date to start with). The result is shown in the dialog (parameters, totals, CLV per
// segment and per owner) and exported per customer (the CLI's --out table). A summary has no
// orders, so the plan's customers, calendar and economics stay on the orders held.
#pragma once
#include <cstddef>
#include <memory>
#include <optional>
#include <string>

#include "core/tiering/clv.hpp"
#include "core/tiering/clv_breakdown.hpp"
#include "core/tiering/clv_summary.hpp"
#include "core/tiering/tiering_settings.hpp"

namespace yt::app {

class SummaryModel {
public:
    // Starts reading `bytes` (held until read). Errors: the plan's CLV settings' (clv_options).
    static Result<SummaryModel> start(std::shared_ptr<const std::string> bytes, const std::string& file_name,
                                      const TieringSettings& settings, std::optional<Day> calibration_end);
    SummaryModel(SummaryModel&&) noexcept;
    SummaryModel& operator=(SummaryModel&&) noexcept;
    ~SummaryModel();

    // One part of the work (a part of the rows, a fit, a range of predictions); false when
    // nothing is left (then error() or the result is set).
    bool step();
    double progress() const;
    bool reading() const;  // still reading the file (else fitting or done)

    const std::optional<Error>& error() const;
    bool done() const;                  // finished with a result
    const ClvSummaryFile& file() const;     // once read
    const ClvResult& result() const;        // once done
    const ClvBreakdown& breakdown() const;  // once done
    const ClvOptions& options() const;
    // The per-customer table (clv_customers_header/rows), UTF-8 with BOM and CRLF for Excel.
    std::string customers_csv(bool mask) const;

    static constexpr std::size_t kRowsPerStep = 5000;  // ~10 ms in wasm: a few per frame

private:
    SummaryModel();
    struct State;
    std::unique_ptr<State> s_;
};

}  // namespace yt::app
