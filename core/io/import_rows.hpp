// import_rows.hpp — the importer's state and per-row hot path (Importer::Impl): records from the
// reader become rows of cust/day/amount and interned texts, bad rows become rejects with their
// line. Internal to core/io: importer.cpp drives it one pass at a time; import_parts.cpp runs
// several over parts of one file on threads and merges them in file order.
#pragma once
#include <algorithm>
#include <cstdint>
#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/io/csv_reader.hpp"
#include "core/io/importer.hpp"
#include "core/io/interner.hpp"
#include "core/io/layout.hpp"
#include "core/io/values.hpp"

namespace yt {

struct Importer::Impl {
    static constexpr std::size_t kDecodeChunk = 1 << 20;  // raw bytes decoded at once (UTF-16, GB18030)

    struct Attr {
        std::string key;
        int column;
        io::Interner values;
        std::vector<std::uint32_t> of_customer;
        std::vector<std::uint32_t> assigned;  // a part's customers in the order they got a value
    };

    std::shared_ptr<const std::string> owner;
    std::string_view input;
    ImportOptions opt;
    io::Layout lay;
    bool utf8 = true;
    std::string_view text;  // UTF-8 mode: the input after the BOM
    std::size_t pos = 0;    // parse position in `text` or `dec`
    std::size_t raw_pos = 0;
    std::string dec;        // decoded text not yet parsed (UTF-16, GB18030)
    io::RecordReader reader;
    std::size_t skip_pending = 0;  // title rows and the header row still to skip

    int c_cust = -1, c_date = -1, c_amount = -1, c_name = -1, c_phone = -1;
    int c_status = -1, c_owner = -1, c_product = -1, c_refund = -1, c_paid = -1;
    bool extra_texts = false;  // status, owner or product mapped: their cells are checked too
    std::size_t need = 0;      // fields a row must have
    std::size_t expected = 0;  // fields a row may have (more only if empty)

    struct Pending {
        std::string_view id;
        std::uint64_t hash;
    };
    static constexpr std::uint32_t kNone = 0xffffffffu;
    static constexpr std::size_t kBatch = 64;

    io::Interner ids;
    std::uint32_t last_id = kNone;  // the previous row's customer, whose id is last_view
    std::string_view last_view;
    char last_date_text[24] = {};  // the previous accepted date cell and its Day (none while 0 long)
    std::size_t last_date_len = 0;
    Day last_date = 0;
    bool batching = false;  // no per-customer fields: ids are resolved in batches
    std::vector<Pending> batch;
    std::uint32_t touch_sink = 0;
    const char* text_begin = nullptr;
    const char* text_end = nullptr;
    std::vector<std::uint32_t> cust;
    std::vector<Day> day;
    std::vector<double> amount;
    std::vector<std::string> names, phones;
    std::vector<Attr> attrs;

    // A per-order text column (status, owner, product): interned values, one id per row.
    struct RowText {
        io::Interner values;
        std::vector<std::uint32_t> of_row;
        std::uint32_t last = kNone;  // the previous row's value: exports repeat it row after row
        std::uint32_t id(std::string_view v) {
            if (last != kNone && values.equals(last, v)) return last;
            return last = values.intern(v);
        }
    };
    RowText statuses, owners, products;
    std::vector<double> refunds;
    std::vector<std::int64_t> unpaid_by_status;
    std::vector<double> unpaid_amount_by_status;
    std::int64_t unpaid = 0;
    double unpaid_amount = 0;

    ImportReport rep;
    bool finished = false, cancelled = false;
    bool reserved = false;  // the row vectors were sized for the input (at the first step)
    // A part of a parallel import (import_parts.cpp) also keeps what merging needs in file
    // order: when each customer got an attribute value, and each unpaid row's status and amount.
    bool part = false;
    struct UnpaidRow {
        std::uint32_t status;
        double amount;
    };
    std::vector<UnpaidRow> unpaid_rows;
    // The first customer ids as strings, made on a thread while a parallel import merges its
    // parts; take_imported() adds the rest.
    std::vector<std::string> id_texts;

    std::size_t expected_customers = 0;  // what the id table is sized for
    bool ids_ready = false;              // ... and it is written
    bool ids_in_parts = false;           // ... over several steps
    // Sizes the row vectors for `bytes` of input, and the id table too unless `ids_later`
    // (step() then writes the table in parts: for a million customers it is 32 MB).
    void reserve_for(std::size_t bytes, bool ids_later = false) {
        reserved = true;
        const double est = static_cast<double>(bytes) / std::max(lay.raw_bytes_per_record, 4.0);
        const auto rows = static_cast<std::size_t>(std::min(est * 1.05 + 64, 3.2e7));  // more rows grow the vectors
        expected_customers = rows / 4;  // ~2.8 orders each in typical shop data
        if (!ids_later) {
            ids.reserve(expected_customers);
            ids_ready = true;
        }
        cust.reserve(rows);
        day.reserve(rows);
        amount.reserve(rows);
        // The per-row columns a file maps too: grown by doubling, the status column of a
        // million-customer export (8 MB copied into 16 MB of fresh memory) stalled one step of
        // the browser's import at 28-37 ms where its others took 7.
        if (c_status >= 0) statuses.of_row.reserve(rows);
        if (c_owner >= 0) owners.of_row.reserve(rows);
        if (c_product >= 0) products.of_row.reserve(rows);
        if (c_refund >= 0) refunds.reserve(rows);
    }

    // import_parts.cpp: parses the whole input as parts on threads and merges them; nullopt
    // when it is not worth it or not possible (then nothing has changed and one pass follows).
    std::optional<Status> run_parts();
    // Adds part p's rows, texts and counts after this one's; cmap maps its customers to ours.
    void absorb(Impl& p, int line_offset, const std::vector<std::uint32_t>& cmap);

    std::string field_name(int col, const char* key) const {
        if (col >= 0 && static_cast<std::size_t>(col) < lay.header.size() && !lay.header[col].empty())
            return io::safe_text(lay.header[col]);
        return key;
    }

    void reject(const char* code, int line, int col, const char* key, std::vector<std::string> args) {
        ++rep.rows_rejected;
        if (rep.rejected.size() < opt.max_rejects_kept)
            rep.rejected.emplace_back(code, std::move(args),
                                      Location{opt.file_name, line, col >= 0 ? col + 1 : 0, field_name(col, key)});
    }

    void new_customer() {
        if (c_name >= 0) names.emplace_back();
        if (c_phone >= 0) phones.emplace_back();
        for (auto& a : attrs) a.of_customer.push_back(AttributeColumn::kNoValue);
    }

    // Returns false (and rejects the row) when a mapped text field is not valid UTF-8.
    bool texts_valid(const io::FieldList& f, int line) {
        auto bad = [&](int col) {
            return col >= 0 && static_cast<std::size_t>(col) < f.size() && io::has_high_byte(f[col]) &&
                   !io::is_valid_utf8(f[col]);
        };
        const int cols[] = {c_cust, c_name, c_phone, c_status, c_owner, c_product};
        const char* keys[] = {"customer", "name", "phone", "status", "owner", "product"};
        for (int k = 0; k < 6; ++k)
            if (bad(cols[k])) {
                reject("io.bad_encoding", line, cols[k], keys[k], {io::safe_text(f[cols[k]])});
                return false;
            }
        for (const auto& a : attrs)
            if (bad(a.column)) {
                reject("io.bad_encoding", line, a.column, a.key.c_str(), {io::safe_text(f[a.column])});
                return false;
            }
        return true;
    }

    void on_record(const io::FieldList& f, int line) {
        if (skip_pending > 0) {
            if (io::is_blank(f)) ++rep.rows_blank;
            else --skip_pending;
            return;
        }
        const std::size_t n = f.size();
        if (n < need) {
            if (io::is_blank(f)) { ++rep.rows_blank; return; }
            ++rep.rows_read;
            const int cols[] = {c_cust, c_date, c_amount};
            const char* keys[] = {"customer", "date", "amount"};
            int k = 0;
            while (k < 2 && static_cast<std::size_t>(cols[k]) < n) ++k;
            reject("io.missing_field", line, cols[k], keys[k], {keys[k], std::to_string(n)});
            return;
        }
        ++rep.rows_read;
        if (reader.unclosed_quote()) {
            reject("io.unclosed_quote", line, -1, "", {});
            return;
        }
        if (n > expected) {
            for (std::size_t i = expected; i < n; ++i)
                if (!io::trim_cell(f[i]).empty()) {
                    reject("io.too_many_fields", line, static_cast<int>(i), "",
                           {std::to_string(n), std::to_string(expected)});
                    return;
                }
        }
        const std::string_view id = io::strip_excel_text(io::trim_cell(f[c_cust]));
        if (id.empty()) {
            if (io::is_blank(f)) { --rep.rows_read; ++rep.rows_blank; return; }
            reject("io.empty_customer", line, c_cust, "customer", {});
            return;
        }
        // Exports are usually sorted by time: most rows repeat the previous row's date text.
        const std::string_view dt = f[c_date];
        std::optional<Day> d;
        if (last_date_len > 0 && dt.size() == last_date_len && dt.size() <= sizeof last_date_text &&
            io::bytes_equal(dt.data(), last_date_text, dt.size())) {
            d = last_date;
        } else {
            d = io::parse_order_date(dt);
            if (d && dt.size() <= sizeof last_date_text) {
                std::memcpy(last_date_text, dt.data(), dt.size());
                last_date_len = dt.size();
                last_date = *d;
            }
        }
        auto cell = [&](int col) {
            return col >= 0 && static_cast<std::size_t>(col) < n ? io::strip_excel_text(io::trim_cell(f[col]))
                                                                  : std::string_view{};
        };
        if (!d) {
            // No date at all: with a status column, or with a zero amount, an order never paid
            // (交易关闭, 等待买家付款 with 付款时间 blank), not a bad row.
            if (blank_date(dt)) {
                const std::string_view av = io::trim_cell(f[c_amount]);
                const auto a0 = io::parse_amount(av);
                if (c_status >= 0 || av.empty() || (a0 && *a0 == 0)) {
                    if (!texts_valid(f, line)) return;
                    not_paid(id, cell(c_status), a0 ? *a0 : 0);
                    return;
                }
            }
            reject("io.bad_date", line, c_date, "date", {io::safe_text(f[c_date])});
            return;
        }
        const auto a = io::parse_amount(f[c_amount]);
        if (!a) {
            reject("io.bad_amount", line, c_amount, "amount", {io::safe_text(f[c_amount])});
            return;
        }
        if ((io::has_high_byte(id) || c_name >= 0 || c_phone >= 0 || extra_texts || !attrs.empty()) && !texts_valid(f, line))
            return;
        if (c_paid >= 0 || c_refund >= 0) {
            // A marketplace row with a blank payment time and nothing paid is not a purchase.
            if (c_paid >= 0 && *a == 0 && blank_date(cell(c_paid))) {
                not_paid(id, cell(c_status), 0);
                return;
            }
            if (c_refund >= 0) {
                const std::string_view rv = cell(c_refund);
                const auto r = rv.empty() ? std::optional<double>(0.0) : io::parse_amount(rv);
                if (!r) {
                    reject("io.bad_amount", line, c_refund, "refund", {io::safe_text(rv)});
                    return;
                }
                refunds.push_back(*r < 0 ? -*r : *r);
            }
        }
        if (c_status >= 0) statuses.of_row.push_back(statuses.id(cell(c_status)));
        if (c_owner >= 0) owners.of_row.push_back(text_or_none(owners, cell(c_owner)));
        if (c_product >= 0) products.of_row.push_back(text_or_none(products, cell(c_product)));
        const std::uint64_t h = io::hash_bytes(id.data(), id.size());
        if (batching && id.data() >= text_begin && id.data() + id.size() <= text_end) {
            // Resolved in flush(), a batch at a time, so the table's cache misses overlap.
            batch.push_back({id, h});
            if (batch.size() == kBatch) flush();
        } else {
            flush();
            cust.push_back(resolve(id, h));
        }
        day.push_back(*d);
        amount.push_back(*a);
        if (rep.rows_accepted == 0) {
            rep.first_day = rep.last_day = *d;
        } else {
            rep.first_day = std::min(rep.first_day, *d);
            rep.last_day = std::max(rep.last_day, *d);
        }
        ++rep.rows_accepted;
        if (*a < 0) ++rep.refunds;
        if (batching) return;
        const std::uint32_t c = cust.back();
        if (c_name >= 0 && names[c].empty()) names[c] = std::string(cell(c_name));
        if (c_phone >= 0 && phones[c].empty()) phones[c] = std::string(cell(c_phone));
        for (auto& at : attrs) {
            if (at.of_customer[c] != AttributeColumn::kNoValue) continue;
            const std::string_view v = cell(at.column);
            if (v.empty()) continue;
            at.of_customer[c] = at.values.intern(v);
            if (part) at.assigned.push_back(c);
        }
    }

    static std::uint32_t text_or_none(RowText& t, std::string_view v) {
        return v.empty() ? OrderTable::kNoValue : t.id(v);
    }

    // "", "-", "null", "0000-00-00 ...": how exports write "no time".
    static bool blank_date(std::string_view v) {
        v = io::trim_cell(v);
        return v.empty() || v == "-" || v == "--" || v == "null" || v == "NULL" || v == "\\N" ||
               v.substr(0, 10) == "0000-00-00";
    }

    // A row that is not a purchase for want of a payment: its customer id is still seen (so a
    // buyer with only such rows is counted among those who are not customers), the row is not kept.
    void not_paid(std::string_view id, std::string_view status, double amount) {
        flush();
        (void)resolve(id, io::hash_bytes(id.data(), id.size()));
        if (c_status >= 0) {
            const std::uint32_t sid = statuses.id(status);
            if (part) unpaid_rows.push_back({sid, amount});
            if (unpaid_by_status.size() <= sid) {
                unpaid_by_status.resize(sid + 1, 0);
                unpaid_amount_by_status.resize(sid + 1, 0);
            }
            ++unpaid_by_status[sid];
            unpaid_amount_by_status[sid] += amount;
        } else {
            if (part) unpaid_rows.push_back({kNone, amount});
            ++unpaid;
            unpaid_amount += amount;
        }
    }

    std::uint32_t resolve(std::string_view id, std::uint64_t h) {
        // Consecutive rows of one customer (sorted exports) skip the table; the previous id is
        // compared in the text, not in the table, which would be a cache miss.
        if (last_id != kNone && id.size() == last_view.size() && io::bytes_equal(id.data(), last_view.data(), id.size()))
            return last_id;
        bool added;
        const std::uint32_t c = ids.intern_hashed(id, h, added);
        if (added) new_customer();
        const bool in_text = id.data() >= text_begin && id.data() + id.size() <= text_end;
        last_id = in_text ? c : kNone;
        last_view = in_text ? id : std::string_view{};
        return c;
    }

    void flush() {
        // Independent loads of the home slots first: the CPU overlaps their cache misses. (Measured
        // faster here than __builtin_prefetch at push time, and wasm has no prefetch at all.)
        std::uint32_t sink = 0;
        for (const Pending& p : batch) sink += ids.touch(p.hash);
        touch_sink += sink;  // keeps the loads
        for (const Pending& p : batch) cust.push_back(resolve(p.id, p.hash));
        batch.clear();
    }

    // Parses the records of `t` from `pos` on until `limit` (or NeedMore). Sets `ended` at the
    // end of input. Views into `t` do not outlive the call (pending ids are flushed).
    // Not inlined into step(), so that each slice is a call of its own (see step()).
#if defined(__GNUC__) || defined(__clang__)
    __attribute__((noinline))
#endif
    void parse(std::string_view t, std::size_t limit, bool eof, bool& ended) {
        ended = false;
        text_begin = t.data();
        text_end = t.data() + t.size();
        while (pos < limit) {
            const auto got = reader.next(t, pos, eof);
            if (got == io::RecordReader::Got::Record) {
                on_record(reader.fields(), reader.record_line());
                continue;
            }
            if (got == io::RecordReader::Got::End) ended = true;
            break;
        }
        flush();
        last_id = kNone;  // last_view points into `t`
        if (eof && pos >= t.size()) ended = true;
    }

    Status finish() {
        finished = true;
        rep.finished = true;
        rep.customers = static_cast<std::int64_t>(ids.size());
        if (rep.rows_accepted == 0) {
            Location where{opt.file_name, 0, 0, ""};
            if (!rep.rejected.empty()) where = rep.rejected.front().where;
            const std::string first = rep.rejected.empty() ? "" : rep.rejected.front().code;
            return Error("io.no_valid_rows", {std::to_string(rep.rows_rejected), first}, where);
        }
        return ok_status();
    }

    Status step(std::size_t max_bytes) {
        if (cancelled) return Error("io.cancelled", {}, Location{opt.file_name, 0, 0, ""});
        if (finished) return ok_status();
        if (!reserved) {
            if (max_bytes >= input.size())  // the whole input in one step: in parts where possible
                if (auto st = run_parts()) return *st;
            reserve_for(input.size(), true);
        }
        if (!ids_ready) {
            // A large id table is written in steps of its own, each as many bytes as four times
            // the text the step would parse (a slot per 4 bytes, 16 bytes a slot): about the same
            // time, so the caller's adaptive chunk sizes both. (Fresh memory in the browser: 16 MB
            // of table took 40-44 ms where 2 MB of a GB18030 file parsed in about 20.) A small
            // table is written in one go and the step goes on to parse.
            const bool whole = max_bytes >= input.size();
            ids_ready = ids.reserve_in_parts(expected_customers, whole ? max_bytes : std::max<std::size_t>(max_bytes / 4, 4096));
            if (!ids_ready || ids_in_parts) {
                ids_in_parts = true;
                return ok_status();
            }
        }
        max_bytes = std::max<std::size_t>(max_bytes, 1);
        bool ended = false;
        if (utf8) {
            const std::size_t limit = max_bytes >= text.size() - pos ? text.size() : pos + max_bytes;
            // In slices, as the decoding path is: under V8 a long loop in a function called once
            // stays in baseline code, while a function called per slice is soon optimised.
            while (!ended && pos < limit) parse(text, std::min(limit, pos + kDecodeChunk), true, ended);
            if (!ended && pos >= text.size()) ended = true;
            return ended ? finish() : ok_status();
        }
        std::size_t decoded = 0;
        for (;;) {
            const bool eof = raw_pos >= input.size();
            parse(dec, dec.size(), eof, ended);
            if (ended) return finish();
            dec.erase(0, pos);
            pos = 0;
            reader.text_changed();
            if (decoded >= max_bytes) return ok_status();
            // Decode at least as much as is pending, so a long record costs O(n) rescans overall.
            std::size_t want = std::max(std::min(kDecodeChunk, max_bytes - decoded), dec.size());
            want = std::max<std::size_t>(want, 16);
            const std::string_view chunk = input.substr(raw_pos, want);
            const bool last = raw_pos + chunk.size() >= input.size();
            const std::size_t used = io::decode_append(lay.enc.encoding, chunk, last, dec);
            reader.text_changed();
            raw_pos += used;
            decoded += used;
        }
    }
};

}  // namespace yt
