// importer.cpp — the incremental row importer that fills an OrderTable (see importer.hpp); the
// layout it follows (encoding, dialect, header, mapping) comes from layout.cpp.
//
// The per-row state and hot path (Importer::Impl) are in import_rows.hpp; the parallel one-shot
// import in import_parts.cpp.
#include "core/io/importer.hpp"

#include <algorithm>
#include <cstring>
#include <limits>

#include "core/io/import_rows.hpp"
#include "core/io/xlsx.hpp"

namespace yt {

namespace {

constexpr int kMaxColumn = 4096;

}  // namespace

Importer::Importer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Importer::Importer(Importer&&) noexcept = default;
Importer& Importer::operator=(Importer&&) noexcept = default;
Importer::~Importer() = default;

namespace {
// A workbook's chosen sheet as UTF-8 CSV text (the encoding and delimiter are then known).
Result<std::shared_ptr<const std::string>> workbook_text(std::string_view bytes, ImportOptions& options,
                                                         std::vector<std::string>* sheets = nullptr,
                                                         std::string* sheet = nullptr) {
    auto csv = workbook_to_csv(bytes, options.sheet);
    if (!csv) {
        Error e = csv.error();
        e.where.file = options.file_name;
        return e;
    }
    if (csv->text.empty()) return Error("io.empty_file", {}, Location{options.file_name, 0, 0, csv->sheet});
    options.encoding = Encoding::Utf8;
    options.delimiter = "comma";
    if (sheets) *sheets = std::move(csv->sheets);
    if (sheet) *sheet = csv->sheet;
    return std::make_shared<const std::string>(std::move(csv->text));
}
}  // namespace

Result<Importer> Importer::start(std::shared_ptr<const std::string> bytes, ImportOptions options) {
    std::string_view view = bytes ? std::string_view(*bytes) : std::string_view{};
    view.remove_prefix(std::min(options.skip, view.size()));
    if (is_workbook(view)) {
        auto text = workbook_text(view, options);
        if (!text) return text.error();
        bytes = std::move(*text);
        view = *bytes;
    }
    auto r = start_view(view, std::move(options));
    if (r) r->impl_->owner = std::move(bytes);
    return r;
}

Result<Importer> Importer::start(std::string bytes, ImportOptions options) {
    return start(std::make_shared<const std::string>(std::move(bytes)), std::move(options));
}

Result<Importer> Importer::start_view(std::string_view bytes, ImportOptions options) {
    if (is_workbook(bytes)) {
        auto text = workbook_text(bytes, options);
        if (!text) return text.error();
        return start(std::move(*text), std::move(options));
    }
    auto lay = io::detect_layout(bytes, options);
    if (!lay) return lay.error();
    Location where{options.file_name, 0, 0, ""};
    const ColumnMapping m = lay->mapping;  // a copy: the layout is moved below
    const auto missing = io::missing_keys(m);
    if (!missing.empty()) {
        std::string list;
        for (const auto& k : missing) list += (list.empty() ? "" : ",") + k;
        return Error("io.missing_columns", {list}, where);
    }
    for (const auto& key : mapping_keys()) {
        const int c = m.column_of(key);
        if (c >= kMaxColumn || (c >= 0 && lay->columns > 0 && c >= lay->columns))
            return Error("io.bad_mapping", {key, std::to_string(c + 1), std::to_string(lay->columns)}, where);
    }
    if (options.max_rejects_kept > 100000) options.max_rejects_kept = 100000;

    auto impl = std::make_unique<Impl>();
    impl->input = bytes;
    impl->opt = std::move(options);
    impl->lay = std::move(*lay);
    Impl& s = *impl;
    s.utf8 = s.lay.enc.encoding == Encoding::Utf8;
    s.raw_pos = s.lay.enc.bom;
    if (s.utf8) s.text = bytes.substr(s.lay.enc.bom);
    s.reader = io::RecordReader(s.lay.dialect);
    s.skip_pending = s.lay.title_rows + (s.lay.has_header ? 1 : 0);
    s.c_cust = m.customer;
    s.c_date = m.date;
    s.c_amount = m.amount;
    s.c_name = m.name;
    s.c_phone = m.phone;
    s.c_status = m.status;
    s.c_owner = m.owner;
    s.c_product = m.product;
    s.c_refund = m.refund;
    s.c_paid = m.paid;
    s.extra_texts = m.status >= 0 || m.owner >= 0 || m.product >= 0;
    s.need = static_cast<std::size_t>(std::max({m.customer, m.date, m.amount})) + 1;
    s.expected = std::max(s.lay.has_header ? s.lay.header.size() : s.lay.modal_fields, s.need);
    for (const auto& a : m.attributes)
        if (a.column >= 0 && is_attribute_key(a.key)) s.attrs.push_back({a.key, a.column, {}, {}, {}});

    s.batching = s.c_name < 0 && s.c_phone < 0 && s.attrs.empty();
    s.batch.reserve(Impl::kBatch);

    s.rep.file_name = s.opt.file_name;
    s.rep.encoding = encoding_name(s.lay.enc.encoding);
    s.rep.delimiter = io::dialect_name(s.lay.dialect);
    s.rep.has_header = s.lay.has_header;
    s.rep.header = s.lay.header;
    s.rep.mapping = m;
    s.rep.warnings = mapping_warnings(m, s.lay.header);
    return Importer(std::move(impl));
}

Status Importer::step(std::size_t max_bytes) { return impl_->step(max_bytes); }

double Importer::progress() const {
    const Impl& s = *impl_;
    if (s.finished || s.input.empty()) return 1.0;
    return std::min(1.0, static_cast<double>(read_bytes()) / static_cast<double>(s.input.size()));
}

std::size_t Importer::read_bytes() const {
    const Impl& s = *impl_;
    return s.utf8 ? s.lay.enc.bom + s.pos : s.raw_pos;
}

bool Importer::done() const { return impl_->finished || impl_->cancelled; }

void Importer::cancel() {
    impl_->cancelled = true;
    impl_->rep.cancelled = true;
}

const ImportReport& Importer::report() const { return impl_->rep; }

Preview Importer::preview(int rows) const { return io::make_preview(impl_->lay, rows); }

namespace {

void move_pool(io::Interner& from, StringPool& to) {
    to.reserve(from.size());
    for (std::uint32_t i = 0; i < from.size(); ++i) to.intern(from.at(i));
    from = io::Interner();
}

}  // namespace

ImportedOrders Importer::take_imported() {
    Impl& s = *impl_;
    ImportedOrders out;
    if (s.cancelled) return out;
    OrderTable& t = out.table;
    const std::size_t n = s.ids.size();
    s.ids.drop_index();
    {
        std::vector<std::string> ids = std::move(s.id_texts);  // distinct already: never compared
        ids.reserve(n);
        for (auto i = static_cast<std::uint32_t>(ids.size()); i < n; ++i) ids.emplace_back(s.ids.at(i));
        s.ids = io::Interner();
        t.customer_ids.adopt_distinct(std::move(ids));
    }
    t.customer = std::move(s.cust);
    t.day = std::move(s.day);
    t.amount = std::move(s.amount);
    t.customer_names = std::move(s.names);
    t.customer_phones = std::move(s.phones);
    for (auto& a : s.attrs) {
        AttributeColumn col;
        col.name = a.key;
        col.dimension = attribute_dimension(a.key);
        col.values.reserve(a.values.size());
        for (std::uint32_t i = 0; i < a.values.size(); ++i) col.values.intern(a.values.at(i));
        col.of_customer = std::move(a.of_customer);
        t.attributes.push_back(std::move(col));
    }
    s.attrs.clear();
    if (s.c_owner >= 0) {
        move_pool(s.owners.values, t.owners);
        t.owner = std::move(s.owners.of_row);
    }
    if (s.c_product >= 0) {
        move_pool(s.products.values, t.products);
        t.product = std::move(s.products.of_row);
    }
    if (s.c_status >= 0) {
        move_pool(s.statuses.values, out.status_values);
        out.status = std::move(s.statuses.of_row);
        out.unpaid_by_status = std::move(s.unpaid_by_status);
        out.unpaid_amount_by_status = std::move(s.unpaid_amount_by_status);
        out.unpaid_by_status.resize(out.status_values.size(), 0);
        out.unpaid_amount_by_status.resize(out.status_values.size(), 0);
    }
    out.refund = std::move(s.refunds);
    out.unpaid = s.unpaid;
    out.unpaid_amount = s.unpaid_amount;
    return out;
}

OrderTable Importer::take() {
    if (impl_->cancelled) return OrderTable{};
    return read_orders(take_imported(), impl_->opt.statuses, impl_->rep);
}

Result<ImportResult> import_orders(std::string_view bytes, const ImportOptions& options) {
    auto imp = Importer::start_view(bytes, options);
    if (!imp) return imp.error();
    while (!imp->done()) {
        Status st = imp->step(std::numeric_limits<std::size_t>::max());
        if (!st) return st.error();
    }
    ImportResult r;
    r.orders = imp->take();  // applies the status choice, completing the report
    r.report = imp->report();
    return r;
}

Result<Preview> preview_orders(std::string_view bytes, const ImportOptions& options, int rows) {
    if (is_workbook(bytes)) {
        ImportOptions o = options;
        std::vector<std::string> sheets;
        std::string sheet;
        auto text = workbook_text(bytes, o, &sheets, &sheet);
        if (!text) return text.error();
        auto p = preview_orders(**text, o, rows);
        if (p) {
            p->sheets = std::move(sheets);
            p->sheet = std::move(sheet);
        }
        return p;
    }
    auto lay = io::detect_layout(bytes, options);
    if (!lay) return lay.error();
    return io::make_preview(*lay, rows);
}

}  // namespace yt