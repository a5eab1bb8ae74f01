// import_parts.cpp — the one-shot import in parallel: the input is cut at line ends into parts,
// each part is parsed by its own Importer::Impl on a thread, and the parts are merged in file
// order so that the result (ids, rows, interned texts, counts, rejects with their line numbers)
// is exactly that of one pass.
//
// Why merging in order gives one pass's result: ids (customers, statuses, owners, products) are
// numbered by first appearance, and a part's own first-appearance order is the file's order
// restricted to that part; interning a part's ids, in its order, after all earlier parts' ids,
// numbers them as one pass would. Per-customer fields keep the first non-empty value in file
// order; sums of amounts are replayed row by row in file order, so even their rounding is the same.
//
// The customer ids are merged in two steps. On threads, each id of a later part is looked up in
// the tables of the parts before it (which only read them), finding the earliest part that has
// it. Then, in file order, an id found earlier takes that part's number and the others are new
// customers, numbered after all earlier ones: the numbering of one pass, without a serial lookup
// of every id in one growing table. While the parts merge, another thread turns the first
// part's ids into the strings the order table keeps.
//
// A cut is only right at a record boundary. Cuts are made after a line end; one that falls inside
// a quoted field (a line break in a cell) shows as the earlier part ending inside an open quote,
// and one inside the title and header rows as that part still skipping them. Either way the
// parts are dropped and one pass follows. Without threads (wasm) there is only one pass.
#include <atomic>
#include <limits>

#include "core/io/import_rows.hpp"

#if defined(YT_THREADS)
#include <exception>
#include <mutex>
#include <thread>
#endif

namespace yt {

namespace {

#if defined(YT_THREADS)
constexpr std::size_t kMinParallelBytes = 4u << 20;  // smaller inputs: one pass is as fast

// The start of the line after the first line end at or after `from` in `raw` (in `enc`), or
// npos. GB18030 and UTF-8 never use the byte 0x0A inside a character; in UTF-16 a line end is a
// whole code unit at an even offset.
std::size_t next_line_start(std::string_view raw, std::size_t from, Encoding enc) {
    if (enc == Encoding::Utf16LE || enc == Encoding::Utf16BE) {
        const char lo = enc == Encoding::Utf16LE ? '\n' : '\0', hi = enc == Encoding::Utf16LE ? '\0' : '\n';
        for (std::size_t i = from & ~std::size_t(1); i + 1 < raw.size(); i += 2)
            if (raw[i] == lo && raw[i + 1] == hi) return i + 2;
        return std::string_view::npos;
    }
    if (from >= raw.size()) return std::string_view::npos;
    const void* nl = std::memchr(raw.data() + from, '\n', raw.size() - from);
    return nl ? static_cast<std::size_t>(static_cast<const char*>(nl) - raw.data()) + 1 : std::string_view::npos;
}

// Part boundaries in `raw`: 0, cuts after line ends about `size` bytes apart, raw.size().
std::vector<std::size_t> part_bounds(std::string_view raw, std::size_t size, Encoding enc) {
    std::vector<std::size_t> b{0};
    for (;;) {
        const std::size_t want = b.back() + std::max<std::size_t>(size, 1);
        if (want >= raw.size()) break;
        const std::size_t cut = next_line_start(raw, want - 1, enc);
        if (cut == std::string_view::npos || cut >= raw.size()) break;
        b.push_back(cut);
    }
    b.push_back(raw.size());
    return b;
}

// Runs work(t) for every task t < tasks on up to `threads` threads (this one among them), each
// taking the next task not yet taken; rethrows what a task threw (out of memory), as one thread
// would. Fewer threads run if no more can be had.
template <class Work>
void run_tasks(unsigned threads, std::size_t tasks, const Work& work) {
    std::atomic<std::size_t> next{0};
    std::exception_ptr failed;
    std::mutex failed_lock;
    auto loop = [&] {
        try {
            for (std::size_t t; (t = next.fetch_add(1)) < tasks;) work(t);
        } catch (...) {
            next = tasks;
            const std::lock_guard<std::mutex> hold(failed_lock);
            if (!failed) failed = std::current_exception();
        }
    };
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < threads && t < tasks; ++t) {
        try {
            pool.emplace_back(loop);
        } catch (...) {  // no more threads to be had: the ones running (and this one) do the rest
            break;
        }
    }
    loop();
    for (auto& t : pool) t.join();
    if (failed) std::rethrow_exception(failed);
}

// Where the customer ids of one part were seen first: for its id i, the earliest earlier part
// that has it (part[i]) and its id there (id[i]), or part[i] = kNew.
struct Sources {
    static constexpr std::uint32_t kNew = 0xffffffffu;
    std::vector<std::uint32_t> part, id;
};

// Fills `out` for ids [b, e) of part k from the tables of parts 0..k-1 (read only). A batch's
// slots are loaded before its lookups in each table, so their cache misses overlap.
void find_earlier(const std::vector<const io::Interner*>& tables, std::size_t k, std::uint32_t b, std::uint32_t e,
                  Sources& out, std::atomic<std::uint32_t>& sink) {
    constexpr std::uint32_t kBatch = 64;
    const io::Interner& own = *tables[k];
    std::uint64_t hash[kBatch];
    std::uint32_t touched = 0;
    for (std::uint32_t s = b; s < e; s += kBatch) {
        const std::uint32_t m = std::min(kBatch, e - s);
        for (std::uint32_t j = 0; j < m; ++j) {
            const std::string_view v = own.at(s + j);
            hash[j] = io::hash_bytes(v.data(), v.size());
            out.part[s + j] = Sources::kNew;
        }
        for (std::size_t q = 0; q < k; ++q) {
            const io::Interner& t = *tables[q];
            for (std::uint32_t j = 0; j < m; ++j)
                if (out.part[s + j] == Sources::kNew) touched += t.touch(hash[j]);
            for (std::uint32_t j = 0; j < m; ++j) {
                if (out.part[s + j] != Sources::kNew) continue;
                const std::uint32_t c = t.find_hashed(own.at(s + j), hash[j]);
                if (c == io::Interner::kNotFound) continue;
                out.part[s + j] = static_cast<std::uint32_t>(q);
                out.id[s + j] = c;
            }
        }
    }
    sink.fetch_add(touched, std::memory_order_relaxed);  // keeps the loads
}
#endif

// Interns every value of `from` into `to` in id order; returns the map from's id -> to's id.
std::vector<std::uint32_t> merge_values(const io::Interner& from, io::Interner& to) {
    std::vector<std::uint32_t> map(from.size());
    for (std::uint32_t i = 0; i < from.size(); ++i) map[i] = to.intern(from.at(i));
    return map;
}

}  // namespace

std::optional<Status> Importer::Impl::run_parts() {
#if !defined(YT_THREADS)
    return std::nullopt;
#else
    const unsigned threads = opt.threads != 0 ? opt.threads : std::max(1u, std::thread::hardware_concurrency());
    const std::string_view raw = utf8 ? text : input.substr(raw_pos);
    if (threads < 2 || (opt.part_bytes == 0 && raw.size() < kMinParallelBytes)) return std::nullopt;
    const std::size_t size = opt.part_bytes != 0 ? opt.part_bytes : raw.size() / threads + 1;
    const std::vector<std::size_t> bounds = part_bounds(raw, size, lay.enc.encoding);
    const std::size_t n = bounds.size() - 1;
    if (n < 2) return std::nullopt;

    // Each part starts as a copy of this importer before its first row (configuration only).
    std::vector<std::unique_ptr<Impl>> parts(n);
    for (std::size_t k = 0; k < n; ++k) {
        auto p = std::make_unique<Impl>(*this);
        const std::string_view r = raw.substr(bounds[k], bounds[k + 1] - bounds[k]);
        p->part = true;
        p->input = r;
        p->raw_pos = 0;
        if (utf8) p->text = r;
        if (k > 0) p->skip_pending = 0;
        // The first part's rows take the others' when merged: its vectors are reserved for the
        // whole input (untouched reserved memory costs nothing resident), so they never move.
        p->reserve_for(k == 0 ? raw.size() : r.size());
        parts[k] = std::move(p);
    }
    run_tasks(threads, n, [&](std::size_t k) {
        Impl& p = *parts[k];
        while (!p.finished) (void)p.step(std::numeric_limits<std::size_t>::max());
    });

    for (std::size_t k = 0; k + 1 < n; ++k)
        if (parts[k]->reader.unclosed_quote() || parts[k]->skip_pending > 0) return std::nullopt;  // a bad cut

    // Each later part's customer ids in the earlier parts' tables, in chunks on the threads.
    constexpr std::uint32_t kChunk = 1u << 14;
    std::vector<const io::Interner*> tables(n);
    std::vector<Sources> sources(n);
    std::vector<std::pair<std::size_t, std::uint32_t>> chunks;  // (part, first id)
    for (std::size_t k = 0; k < n; ++k) {
        tables[k] = &parts[k]->ids;
        if (k == 0) continue;
        const auto m = static_cast<std::uint32_t>(parts[k]->ids.size());
        sources[k].part.resize(m);
        sources[k].id.resize(m);
        for (std::uint32_t b = 0; b < m; b += kChunk) chunks.emplace_back(k, b);
    }
    std::atomic<std::uint32_t> sink{0};
    run_tasks(threads, chunks.size(), [&](std::size_t t) {
        const auto [k, b] = chunks[t];
        const auto m = static_cast<std::uint32_t>(tables[k]->size());
        find_earlier(tables, k, b, std::min(m, b + kChunk), sources[k], sink);
    });
    touch_sink += sink.load();
    for (auto& p : parts) p->ids.drop_index();  // no more look-ups: their memory is freed now

    const std::string_view whole_input = input, whole_text = text;
    std::size_t rows = 0;
    for (const auto& p : parts) rows += p->cust.size();
    int line_offset = parts[0]->reader.next_line() - 1;
    *this = std::move(*parts[0]);
    parts[0].reset();
    input = whole_input;
    text = whole_text;
    part = false;
    unpaid_rows.clear();
    for (auto& a : attrs) std::vector<std::uint32_t>().swap(a.assigned);
    cust.reserve(rows);
    day.reserve(rows);
    amount.reserve(rows);

    // Two tasks at once: the merge, and the first part's customer ids as the strings the table
    // keeps (take_imported). `ids` is only read meanwhile; the new customers' ids, numbered after
    // the first part's in file order, are added to it after both.
    const auto first = static_cast<std::uint32_t>(ids.size());
    std::size_t customers = first;
    for (const Sources& src : sources) customers += static_cast<std::size_t>(std::count(src.part.begin(), src.part.end(), Sources::kNew));
    std::vector<io::Interner> later_ids(n);
    run_tasks(threads, 2, [&](std::size_t task) {
        if (task == 1) {
            id_texts.reserve(customers);
            for (std::uint32_t i = 0; i < first; ++i) id_texts.emplace_back(ids.at(i));
            return;
        }
        std::uint32_t next = first;
        for (std::size_t k = 1; k < n; ++k) {
            // Each id's number, in place of its id in the part it was found in.
            Sources& src = sources[k];
            for (std::uint32_t i = 0; i < src.part.size(); ++i) {
                const std::uint32_t q = src.part[i];
                if (q == Sources::kNew) {
                    src.id[i] = next++;
                    new_customer();
                } else if (q != 0) {
                    src.id[i] = sources[q].id[src.id[i]];
                }
            }
            absorb(*parts[k], line_offset, src.id);
            line_offset += parts[k]->reader.next_line() - 1;
            later_ids[k] = std::move(parts[k]->ids);
            parts[k].reset();
        }
    });
    for (std::size_t k = 1; k < n; ++k) {
        for (std::uint32_t i = 0; i < sources[k].part.size(); ++i)
            if (sources[k].part[i] == Sources::kNew) ids.append_unindexed(later_ids[k].at(i));
        later_ids[k] = io::Interner();
    }
    pos = utf8 ? text.size() : 0;
    raw_pos = input.size();
    dec.clear();
    last_id = kNone;
    rep.parts = static_cast<int>(n);
    return finish();
#endif
}

void Importer::Impl::absorb(Impl& p, int line_offset, const std::vector<std::uint32_t>& cmap) {
    // Per-customer fields: the first non-empty value in file order.
    for (std::size_t i = 0; i < p.names.size(); ++i)
        if (names[cmap[i]].empty()) names[cmap[i]] = std::move(p.names[i]);
    for (std::size_t i = 0; i < p.phones.size(); ++i)
        if (phones[cmap[i]].empty()) phones[cmap[i]] = std::move(p.phones[i]);
    for (std::size_t k = 0; k < attrs.size(); ++k) {
        Attr& to = attrs[k];
        const Attr& from = p.attrs[k];
        for (const std::uint32_t c : from.assigned) {
            std::uint32_t& v = to.of_customer[cmap[c]];
            if (v == AttributeColumn::kNoValue) v = to.values.intern(from.values.at(from.of_customer[c]));
        }
    }

    // Rows.
    for (const std::uint32_t c : p.cust) cust.push_back(cmap[c]);
    day.insert(day.end(), p.day.begin(), p.day.end());
    amount.insert(amount.end(), p.amount.begin(), p.amount.end());
    refunds.insert(refunds.end(), p.refunds.begin(), p.refunds.end());
    auto rows_of = [](RowText& to, const RowText& from) {
        const std::vector<std::uint32_t> map = merge_values(from.values, to.values);
        for (const std::uint32_t v : from.of_row) to.of_row.push_back(v == OrderTable::kNoValue ? v : map[v]);
        return map;
    };
    const std::vector<std::uint32_t> smap = rows_of(statuses, p.statuses);
    rows_of(owners, p.owners);
    rows_of(products, p.products);
    for (const UnpaidRow& u : p.unpaid_rows) {
        if (u.status == kNone) {
            ++unpaid;
            unpaid_amount += u.amount;
            continue;
        }
        const std::uint32_t sid = smap[u.status];
        if (unpaid_by_status.size() <= sid) {
            unpaid_by_status.resize(sid + 1, 0);
            unpaid_amount_by_status.resize(sid + 1, 0);
        }
        ++unpaid_by_status[sid];
        unpaid_amount_by_status[sid] += u.amount;
    }

    // The report: counts, dates, and the rejects with their lines in the whole file.
    const ImportReport& r = p.rep;
    if (r.rows_accepted > 0) {
        if (rep.rows_accepted == 0) {
            rep.first_day = r.first_day;
            rep.last_day = r.last_day;
        } else {
            rep.first_day = std::min(rep.first_day, r.first_day);
            rep.last_day = std::max(rep.last_day, r.last_day);
        }
    }
    rep.rows_read += r.rows_read;
    rep.rows_accepted += r.rows_accepted;
    rep.rows_rejected += r.rows_rejected;
    rep.rows_blank += r.rows_blank;
    rep.refunds += r.refunds;
    for (const Error& e : r.rejected) {
        if (rep.rejected.size() >= opt.max_rejects_kept) break;
        rep.rejected.push_back(e);
        rep.rejected.back().where.line += line_offset;
    }
}

}  // namespace yt
