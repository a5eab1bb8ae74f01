// summary_model.cpp — a per-customer summary read and modelled in parts (see summary_model.hpp).
#include "app/summary_model.hpp"

#include <algorithm>

#include "core/tiering/tiering.hpp"

namespace yt::app {

struct SummaryModel::State {
    std::shared_ptr<const std::string> bytes;
    std::optional<ClvSummaryReader> reader;
    std::optional<ClvSummaryFile> file;
    TieringSettings settings;
    ClvOptions options;
    std::optional<ClvRun> run;  // reads file->inputs, which stay in place (this State is on the heap)
    int run_steps = 1;
    std::optional<ClvResult> result;
    ClvBreakdown breakdown;
    std::optional<Error> error;
};

SummaryModel::SummaryModel() : s_(std::make_unique<State>()) {}
SummaryModel::SummaryModel(SummaryModel&&) noexcept = default;
SummaryModel& SummaryModel::operator=(SummaryModel&&) noexcept = default;
SummaryModel::~SummaryModel() = default;

Result<SummaryModel> SummaryModel::start(std::shared_ptr<const std::string> bytes, const std::string& file_name,
                                         const TieringSettings& settings, std::optional<Day> calibration_end) {
    auto setup = clv_options(settings);
    if (!setup) return setup.error();
    SummaryModel m;
    State& s = *m.s_;
    s.bytes = bytes ? std::move(bytes) : std::make_shared<const std::string>();
    s.settings = settings;
    s.options = setup->options;
    auto r = ClvSummaryReader::start(*s.bytes, setup->unit, calibration_end, file_name);
    if (r) s.reader.emplace(std::move(*r));
    else s.error = r.error();
    return m;
}

bool SummaryModel::step() {
    State& s = *s_;
    if (s.error || s.result) return false;
    if (s.reader) {
        auto more = s.reader->step(kRowsPerStep);
        if (more && *more) return true;
        auto f = more ? s.reader->take() : Result<ClvSummaryFile>(more.error());
        s.reader.reset();
        s.bytes.reset();
        if (!f) {
            s.error = f.error();
            return false;
        }
        s.file.emplace(std::move(*f));
        s.run.emplace(s.file->inputs, s.options);
        s.run_steps = s.run->steps();
        return true;
    }
    if (!s.run) return false;
    if (s.run->step()) return true;
    auto r = s.run->take();
    s.run.reset();
    if (!r) {
        s.error = r.error();
        return false;
    }
    s.result.emplace(std::move(*r));
    s.breakdown = clv_breakdown(*s.result, summary_from_clv_summary(*s.file), s.file->owner, s.settings);
    return false;
}

double SummaryModel::progress() const {
    const State& s = *s_;
    if (s.result) return 1;
    if (s.reader) return 0.5 * s.reader->progress();
    if (s.run) return 0.5 + 0.5 * s.run->done() / std::max(1, s.run_steps);
    return 0.5;
}

bool SummaryModel::reading() const { return s_->reader.has_value(); }
const std::optional<Error>& SummaryModel::error() const { return s_->error; }
bool SummaryModel::done() const { return s_->result.has_value(); }
const ClvSummaryFile& SummaryModel::file() const { return *s_->file; }
const ClvResult& SummaryModel::result() const { return *s_->result; }
const ClvBreakdown& SummaryModel::breakdown() const { return s_->breakdown; }
const ClvOptions& SummaryModel::options() const { return s_->options; }

std::string SummaryModel::customers_csv(bool mask) const {
    CsvWriter w;
    if (!done()) return w.take();
    clv_customers_header(w);
    const ClvSummaryFile& f = *s_->file;
    clv_customers_rows(w, [&](std::size_t i) -> std::string_view { return f.customer_ids.at(static_cast<std::uint32_t>(i)); },
                       f.inputs, *s_->result, mask, 0, f.size());
    return w.take();
}

}  // namespace yt::app
