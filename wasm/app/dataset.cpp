// dataset.cpp — the held orders and their stored copy (see dataset.hpp): load, restore after a
// reload, use and store a finished import, and follow the workspace's dataset through undo.
#include "app/dataset.hpp"

#include <ctime>
#include <fstream>
#include <sstream>

#include "app/vault.hpp"
#include "core/io/import_blob.hpp"

namespace yt::app {

std::string Dataset::key_of(const DatasetInfo& d) { return d.name + "|" + d.imported_at; }

// The demo's customers (the bundled order export, imported like any user file), or a request
// for the user's own orders, which arrive through restore().
void Dataset::load() {
    const Lang l = parse_lang(ws_.settings.language);
    orders_of_ = key_of(ws_.dataset);
    packed_now_.reset();  // set again when stored orders arrive (restore)
    if (ws_.dataset.name == "blank") {  // a blank plan: no customers until the user imports some
        d_.orders.reset();
        d_.rows_copy.reset();
    } else if (ws_.dataset.name.empty() || ws_.dataset.name == "demo") {
        std::ifstream f(p_.asset_path("demo/orders.csv"), std::ios::binary);
        if (f) {
            std::stringstream ss;
            ss << f.rdbuf();
            ImportOptions opts;
            opts.file_name = "orders.csv";
            auto r = import_orders(ss.str(), opts);
            if (r) d_.orders = std::move(r->orders);
            else d_.orders_error = describe(r.error(), l);
        }
    } else {
        pending_ = true;
        vault_.get_orders();
    }
    summarise_orders(d_);
    refresh_derived(ws_, d_, history_.version());
}

void Dataset::restore(std::string packed) {
    pending_ = false;
    std::size_t body = 0;
    auto got = unpack_import_head(packed, &body);
    if (!got) {
        d_.orders_error = describe(got.error(), parse_lang(ws_.settings.language));
        return;
    }
    // The stored copy, as it is, is both the stored form and what is read: the reader skips its
    // header line (moving 100 MB down to drop it held the page for ~40 ms).
    auto bytes = std::make_shared<const std::string>(std::move(packed));
    packed_now_ = Packed{std::string(), bytes};
    got->options.statuses = ws_.tiering.statuses;  // the status choice saved in the workspace
    got->options.skip = body;
    restore_import(got->file_name, std::move(bytes), std::move(got->options), got->rows);
}

void Dataset::restore_failed(std::string message) {
    pending_ = false;
    d_.orders_error = std::move(message);
}

void Dataset::step() {
    if (store_pending_) {  // the import used in the previous frame goes to storage
        store_pending_ = false;
        if (packed_now_) packed_now_->put(vault_);
        return;
    }
    // A finished import is used a frame after its last part, so no frame holds both.
    if (done_) {
        CompletedImport c = std::move(*done_);
        done_.reset();
        apply(std::move(c));
        return;
    }
    pump();
}

DatasetInfo Dataset::info_of(const CompletedImport& c) const {
    DatasetInfo info;
    info.name = c.file_name;
    info.encoding = c.report.encoding;
    info.rows = static_cast<int>(c.report.rows_read);
    info.customers = static_cast<int>(c.orders.customers());
    info.rejected = static_cast<int>(c.report.rows_rejected);
    // Today in China (UTC+8): the app may read the clock; the core never does.
    info.imported_at = c.restored ? ws_.dataset.imported_at
                                  : format_day(static_cast<Day>((std::time(nullptr) + 8 * 3600) / 86400));
    // How the customers moved between segments since the previous import of the user's own
    // orders (matched after the model: model_step()), kept with the dataset as aggregates.
    if (c.change_result) info.change = *c.change_result;
    return info;
}

// The dataset and the status choice it was read with: one undo step.
Edit Dataset::dataset_edit(const DatasetInfo& info, const StatusPolicy& statuses) const {
    TieringSettings tiering = ws_.tiering;
    tiering.statuses = statuses;
    std::vector<Edit> parts;
    parts.push_back(set_value("dataset", info));
    if (tiering.statuses != ws_.tiering.statuses) parts.push_back(set_value("tiering", tiering));
    return batch_edit("cmd.dataset", std::move(parts));
}

void Dataset::apply(CompletedImport c) {
    const DatasetInfo info = info_of(c);
    if (!c.restored && d_.orders && packed_now_)  // the user's own orders being replaced
        replaced_ = Stash{orders_of_, std::move(d_.orders), std::move(d_.rows_copy), d_.statuses_applied, d_.import_report,
                          packed_now_};
    orders_of_ = c.restored ? key_of(ws_.dataset) : key_of(info);
    d_.orders = std::move(c.orders);
    if (c.model) c.model->install(&*d_.orders, d_.tiers);  // the model computed between frames
    if (c.facts_done) {  // and the order facts
        d_.order_facts = std::move(c.facts);
        moved_orders(&*d_.orders, d_.order_facts);
    }
    d_.rows_copy = std::move(c.rows_copy);
    d_.statuses_applied = c.options.statuses;
    d_.import_report = c.report;
    d_.orders_error.clear();
    summarise_orders(d_);
    d_.version = 0;  // the orders changed: recompute everything that depends on them
    if (!c.restored) {
        history_.seal();
        (void)history_.submit(dataset_edit(info, c.options.statuses));
        history_.seal();
        packed_now_.reset();
    }
    // The rows as read, with the options (core/io/stored_rows.hpp): a new file's, or those of a
    // file an older version stored, which take its place.
    if (c.packed_rows) {
        packed_now_ = Packed{pack_import_head(c.file_name, c.options, true), c.packed_rows};
        store_pending_ = true;  // handed to storage next frame: this one has the first assess
    }
}

// Undo or redo between two imports of the user's own orders: the replaced file comes back (and
// becomes the stored copy again); the one it replaces is kept in its place for redo.
bool Dataset::swap_replaced() {
    const std::string want = key_of(ws_.dataset);
    if (replaced_.key != want || !replaced_.orders) return false;
    Stash now{orders_of_, std::move(d_.orders), std::move(d_.rows_copy), d_.statuses_applied, d_.import_report, packed_now_};
    d_.orders = std::move(replaced_.orders);
    d_.rows_copy = std::move(replaced_.rows_copy);
    d_.statuses_applied = replaced_.statuses;
    d_.import_report = replaced_.report;
    d_.orders_error.clear();
    packed_now_ = replaced_.packed;
    if (packed_now_) packed_now_->put(vault_);
    orders_of_ = want;
    summarise_orders(d_);
    d_.version = 0;
    replaced_ = now.packed ? std::move(now) : Stash{};
    return true;
}

// Undo or redo of an import (or opening another workspace) changed which orders the plan is
// about: bring those orders back (the replaced file, the demo's, or the stored copy) so every
// figure follows.
void Dataset::follow() {
    if (pending_ || busy() || key_of(ws_.dataset) == orders_of_ || swap_replaced()) return;
    d_.orders.reset();
    d_.rows_copy.reset();
    d_.orders_error.clear();
    load();
}

// The status choice changed: the rows' stored copy (derived.hpp) is read again under it as a
// restore is, a part per frame, with its progress shown. (Read from rows held in memory in the
// frame of the change, a million customers blocked the browser's page for 0.36-0.47 s.)
// Until it is used the plan keeps the figures of the orders it holds. An open import dialog (an
// undo can change the choice behind it) is left alone until it is closed.
bool Dataset::recount() {
    if (busy() || imp_.stage != OrderImport::Stage::Closed || !d_.rows_copy || ws_.tiering.statuses == d_.statuses_applied)
        return false;
    ImportOptions o;
    o.statuses = ws_.tiering.statuses;
    o.skip = d_.rows_copy.at;
    restore_import(ws_.dataset.name, d_.rows_copy.bytes, std::move(o), true);
    imp_.recounting = true;
    return true;
}

void Dataset::reset() {
    if (imp_.importer) imp_.importer->cancel();
    imp_ = OrderImport{};
    done_.reset();
    store_pending_ = false;
    notice_.clear();
    pending_ = false;
    replaced_ = Stash{};
    packed_now_.reset();
}

void Dataset::Packed::put(Vault& v) const { v.put_orders(head, body); }

}  // namespace yt::app
