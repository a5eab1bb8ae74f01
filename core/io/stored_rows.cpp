// stored_rows.cpp — the compact stored form of an import (see stored_rows.hpp).
//
// Layout: "YTR2", then the report and the table's small parts (small_parts(), once), then the
// arrays (arrays(): ids, per-order columns, attribute, owner, product and status columns), each as
// a 64-bit count followed by its values packed (below). One traversal lists every field for
// writing, sizing and reading alike, so the three cannot differ.
//
// Packed values: an integer is the step from the value before it in its array (the first from 0),
// zigzagged, as a varint (7 bits a byte, low bits first); a double is its cents where cents / 100
// gives the same double back (zigzagged, shifted left by one, as a varint), else a 1 and its 8
// bytes; a text is the number of bytes it shares with the one before it in its list, the length
// of the rest, and the rest. For a million customers' 2.8 million orders sorted by date this
// takes 68 MB down to 23: a customer index about 3 bytes, a day 1, an amount 2-3.
//
// "YTR1", the form earlier versions stored, is still read: the same layout with each value as
// its raw bytes and each text as a 32-bit length and its bytes.
#include "core/io/stored_rows.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <type_traits>

#include "core/model/order_status.hpp"

namespace yt {

namespace {

constexpr char kMagic[4] = {'Y', 'T', 'R', '2'};     // packed values: what is written
constexpr char kRawMagic[4] = {'Y', 'T', 'R', '1'};  // raw values: read only
constexpr std::uint32_t kNone = 0xffffffffu;

// ---- packed values ----------------------------------------------------------------------------

constexpr std::size_t kMaxPacked = 10 + 8;  // the most bytes one packed value takes

std::size_t put_varint(std::uint64_t v, unsigned char* p) {
    std::size_t n = 0;
    while (v >= 0x80) {
        p[n++] = static_cast<unsigned char>(v | 0x80);
        v >>= 7;
    }
    p[n++] = static_cast<unsigned char>(v);
    return n;
}

// Reads a varint from [p, end); false when it runs past end or over 10 bytes.
bool get_varint(const unsigned char*& p, const unsigned char* end, std::uint64_t& v) {
    if (p != end && *p < 0x80) {  // one byte: most steps of a day, a status, an owner
        v = *p++;
        return true;
    }
    v = 0;
    for (unsigned shift = 0; shift < 70; shift += 7) {
        if (p == end) return false;
        const unsigned b = *p++;
        v |= static_cast<std::uint64_t>(b & 0x7f) << shift;
        if (b < 0x80) return true;
    }
    return false;
}

std::uint64_t zigzag(std::uint64_t d) { return (d << 1) ^ (0 - (d >> 63)); }
std::uint64_t unzigzag(std::uint64_t v) { return (v >> 1) ^ (0 - (v & 1)); }

// An integer as 64 bits (two's complement), and back if it fits T.
template <class T>
std::uint64_t wide(T x) {
    if constexpr (std::is_signed_v<T>) return static_cast<std::uint64_t>(static_cast<std::int64_t>(x));
    else return static_cast<std::uint64_t>(x);
}
template <class T>
bool narrow(std::uint64_t u, T& x) {
    x = static_cast<T>(u);
    return wide(x) == u;
}

// Whole cents that give `a` back exactly (not -0, NaN or past 1e13).
bool as_cents(double a, std::int64_t& cents) {
    if (!(std::fabs(a) < 1e13) || (a == 0 && std::signbit(a))) return false;
    const double c = std::nearbyint(a * 100.0);
    if (c / 100.0 != a) return false;
    cents = static_cast<std::int64_t>(c);
    return true;
}

// Packs x (the array's value before it: prev) at p; returns the bytes written.
template <class T>
std::size_t pack(T x, T prev, unsigned char* p) {
    if constexpr (std::is_floating_point_v<T>) {
        static_assert(sizeof(T) == 8);
        std::int64_t cents = 0;
        if (as_cents(x, cents)) return put_varint(zigzag(static_cast<std::uint64_t>(cents)) << 1, p);
        p[0] = 1;
        std::memcpy(p + 1, &x, 8);
        return 9;
    } else {
        return put_varint(zigzag(wide(x) - wide(prev)), p);
    }
}

// Unpacks one value from [p, end) after prev; false when cut short or out of T's range.
template <class T>
bool unpack(const unsigned char*& p, const unsigned char* end, T prev, T& x) {
    std::uint64_t v = 0;
    if (!get_varint(p, end, v)) return false;
    if constexpr (std::is_floating_point_v<T>) {
        if (v == 1) {
            if (end - p < 8) return false;
            std::memcpy(&x, p, 8);
            p += 8;
            return true;
        }
        if (v & 1) return false;
        x = static_cast<T>(static_cast<std::int64_t>(unzigzag(v >> 1))) / 100.0;
        return true;
    } else {
        return narrow(wide(prev) + unzigzag(v), x);
    }
}

// The bytes a text shares with the one before it.
std::size_t shared_prefix(std::string_view a, std::string_view b) {
    const std::size_t n = std::min(a.size(), b.size());
    std::size_t i = 0;
    while (i < n && a[i] == b[i]) ++i;
    return i;
}

// ---- the small parts: written and read whole -------------------------------------------------

// Appends values (the writer's archive) or only counts their bytes (the sizer's).
struct SmallOut {
    std::string* out = nullptr;  // null: only count
    std::size_t bytes = 0;
    static constexpr bool reading = false;
    void raw(const void* p, std::size_t n) {
        bytes += n;
        if (out) out->append(static_cast<const char*>(p), n);
    }
    template <class T>
    void num(T& v) { raw(&v, sizeof v); }
    void flag(bool& b) {
        std::uint8_t v = b ? 1 : 0;
        num(v);
    }
    void str(const std::string& s) {
        auto n = static_cast<std::uint32_t>(s.size());
        num(n);
        raw(s.data(), s.size());
    }
    bool ok() const { return true; }
};

struct SmallIn {
    std::string_view in;
    std::size_t pos = 0;
    bool bad = false;
    static constexpr bool reading = true;
    bool take(void* p, std::size_t n) {
        if (bad || n > in.size() - pos) return !(bad = true);
        std::memcpy(p, in.data() + pos, n);
        pos += n;
        return true;
    }
    template <class T>
    void num(T& v) {
        if (!take(&v, sizeof v)) v = T{};
    }
    void flag(bool& b) {  // 0 or 1: any other byte is damage (never loaded as a bool)
        std::uint8_t v = 0;
        num(v);
        if (v > 1) bad = true;
        b = v == 1;
    }
    void str(std::string& s) {
        std::uint32_t n = 0;
        num(n);
        if (bad || n > in.size() - pos) {
            bad = true;
            return;
        }
        s.assign(in.data() + pos, n);
        pos += n;
    }
    bool ok() const { return !bad; }
    // The unread bytes as [here(), end()), for the packed arrays' reader; moved past by to().
    const unsigned char* start() const { return reinterpret_cast<const unsigned char*>(in.data()); }
    const unsigned char* here() const { return start() + pos; }
    const unsigned char* end() const { return start() + in.size(); }
    void to(const unsigned char* p) { pos = static_cast<std::size_t>(p - start()); }
};

// A list: its count, then each element through `each`. A count the rest of the copy cannot hold
// is a damaged copy (a reader never sizes a list from it).
template <class A, class T, class F>
void list(A& a, std::vector<T>& v, F each) {
    auto n = static_cast<std::uint32_t>(v.size());
    a.num(n);
    if constexpr (A::reading) {
        if (!a.ok() || n > a.in.size() - a.pos) {
            a.bad = true;
            return;
        }
        v.assign(n, T{});
    }
    for (T& x : v) {
        each(x);
        if (!a.ok()) return;
    }
}

template <class A>
void status_num(A& a, OrderStatus& s) {
    auto v = static_cast<std::int32_t>(s);
    a.num(v);
    if (v < 0 || v >= kOrderStatuses) {  // damage: never made into an OrderStatus
        if constexpr (A::reading) a.bad = true;
        v = 0;
    }
    s = static_cast<OrderStatus>(v);
}

template <class A>
void error(A& a, Error& e) {
    a.str(e.code);
    a.str(e.where.file);
    a.num(e.where.line);
    a.num(e.where.column);
    a.str(e.where.field);
    list(a, e.args, [&](std::string& s) { a.str(s); });
}

template <class A>
void mapping(A& a, ColumnMapping& m) {
    for (int* c : {&m.customer, &m.date, &m.amount, &m.order, &m.name, &m.phone, &m.status, &m.owner, &m.product,
                   &m.refund, &m.paid})
        a.num(*c);
    list(a, m.attributes, [&](AttributeBinding& b) {
        a.str(b.key);
        a.num(b.column);
    });
}

template <class A>
void report(A& a, ImportReport& r) {
    a.str(r.file_name);
    a.str(r.encoding);
    a.str(r.delimiter);
    a.flag(r.has_header);
    list(a, r.header, [&](std::string& s) { a.str(s); });
    mapping(a, r.mapping);
    for (std::int64_t* n : {&r.rows_read, &r.rows_accepted, &r.rows_rejected, &r.rows_excluded, &r.excluded_by_status,
                            &r.excluded_unpaid, &r.excluded_customers, &r.refunds_subtracted, &r.rows_blank, &r.refunds,
                            &r.customers})
        a.num(*n);
    a.num(r.excluded_amount);
    list(a, r.statuses, [&](StatusCount& s) {
        a.str(s.value);
        status_num(a, s.status);
        a.flag(s.included);
        a.num(s.rows);
        a.num(s.excluded);
        a.num(s.excluded_amount);
    });
    list(a, r.warnings, [&](Error& e) { error(a, e); });
    a.num(r.first_day);
    a.num(r.last_day);
    list(a, r.rejected, [&](Error& e) { error(a, e); });
    a.flag(r.finished);
    a.flag(r.cancelled);
    a.num(r.parts);
}

// The report, the unpaid totals and the attribute columns' names (their values are arrays).
// `t` is the rows' table, `o` their other columns (o.table is not used).
template <class A>
void small_parts(A& a, ImportReport& r, OrderTable& t, ImportedOrders& o) {
    report(a, r);
    a.num(o.unpaid);
    a.num(o.unpaid_amount);
    list(a, t.attributes, [&](AttributeColumn& c) {
        a.str(c.name);
        a.str(c.dimension);
    });
}

// ---- the arrays: written and read a part at a time ------------------------------------------

// Each call of a traversal's pod()/strings()/pool() is one section, numbered in call order; a
// step handles the section `at` from element `offset` while its byte budget lasts, then the next.
struct Cursor {
    std::size_t at = 0, offset = 0;  // the section being handled, and its elements done
    std::size_t section = 0;         // this traversal's count so far
    std::size_t budget = 0;          // bytes left in this step
    // Whether the next section is the one to work on now (and counts it).
    bool mine() {
        const bool m = section == at && budget > 0;
        ++section;
        return m;
    }
    void finished() {
        ++at;
        offset = 0;
    }
};

// Writes (or, over a counting SmallOut, sizes) the arrays a step at a time, packed.
struct ArraysOut {
    Cursor c;
    SmallOut w;
    void count(std::size_t n) {
        auto v = static_cast<std::uint64_t>(n);
        w.num(v);
    }
    template <class T>
    void pod(std::vector<T>& v) {
        static_assert(std::is_integral_v<T> || std::is_floating_point_v<T>);
        if (!c.mine()) return;
        if (c.offset == 0) count(v.size());
        const std::size_t k = std::min(v.size() - c.offset, std::max<std::size_t>(1, c.budget / sizeof(T)));
        unsigned char buf[4096];
        std::size_t n = 0;
        for (std::size_t i = c.offset; i < c.offset + k; ++i) {
            if (n > sizeof buf - kMaxPacked) {
                w.raw(buf, n);
                n = 0;
            }
            n += pack(v[i], i ? v[i - 1] : T{}, buf + n);
        }
        w.raw(buf, n);
        c.offset += k;
        c.budget -= std::min(c.budget, k * sizeof(T) + 8);
        if (c.offset == v.size()) c.finished();
    }
    void strings(const std::vector<std::string>& v) {
        if (!c.mine()) return;
        if (c.offset == 0) count(v.size());
        while (c.offset < v.size() && c.budget > 0) {
            const std::string& s = v[c.offset];
            const std::size_t same = c.offset ? shared_prefix(s, v[c.offset - 1]) : 0;
            unsigned char head[20];
            std::size_t n = put_varint(same, head);
            n += put_varint(s.size() - same, head + n);
            w.raw(head, n);
            w.raw(s.data() + same, s.size() - same);
            ++c.offset;
            c.budget -= std::min(c.budget, s.size() + 4);
        }
        if (c.offset == v.size()) c.finished();
    }
    void pool(StringPool& p) { strings(p.values()); }
};

// Reads the arrays a step at a time, through the SmallIn that read the small parts: packed, or
// raw (an earlier version's copy).
struct ArraysIn {
    Cursor c;
    SmallIn r;
    bool packed = true;
    std::vector<std::string> texts;  // a pool's values until its section is read whole
    std::size_t expect = 0;          // the section's count
    bool count() {
        std::uint64_t v = 0;
        r.num(v);
        // Each element takes at least one byte (text: its length): a larger count is damage.
        if (!r.ok() || v > r.in.size() - r.pos) return !(r.bad = true);
        expect = static_cast<std::size_t>(v);
        return true;
    }
    template <class T>
    void pod(std::vector<T>& v) {
        if (r.bad || !c.mine()) return;
        if (c.offset == 0) {
            if (!count() || (!packed && expect > (r.in.size() - r.pos) / sizeof(T))) {
                r.bad = true;
                return;
            }
            // Sized, not filled: each step writes only its own part of the array (after a reload
            // fresh wasm memory is slow to write, and 22 MB of amounts zeroed at once blocked
            // the frame for ~60 ms).
            v.clear();
            v.reserve(expect);
        }
        const std::size_t k = std::min(expect - c.offset, std::max<std::size_t>(1, c.budget / sizeof(T)));
        v.resize(c.offset + k);
        if (!packed) {
            if (k && !r.take(v.data() + c.offset, k * sizeof(T))) return;
        } else {
            const unsigned char *p = r.here(), *end = r.end();
            T prev = c.offset ? v[c.offset - 1] : T{};
            for (std::size_t i = c.offset; i < c.offset + k; ++i) {
                if (!unpack(p, end, prev, v[i])) {
                    r.bad = true;
                    return;
                }
                prev = v[i];
            }
            r.to(p);
        }
        c.offset += k;
        c.budget -= std::min(c.budget, k * sizeof(T) + 8);
        if (c.offset == expect) c.finished();
    }
    // One text: packed after the one before it in v, or raw.
    void text(std::vector<std::string>& v) {
        if (!packed) {
            r.str(v.emplace_back());
            return;
        }
        const unsigned char *p = r.here(), *end = r.end();
        std::uint64_t same = 0, rest = 0;
        const std::size_t before = v.size();
        if (!get_varint(p, end, same) || !get_varint(p, end, rest) || same > (before ? v[before - 1].size() : 0) ||
            rest > static_cast<std::uint64_t>(end - p)) {
            r.bad = true;
            return;
        }
        std::string& s = v.emplace_back();
        s.reserve(same + rest);
        if (same) s.assign(v[before - 1], 0, same);
        s.append(reinterpret_cast<const char*>(p), rest);
        r.to(p + rest);
    }
    void strings(std::vector<std::string>& v) {
        if (r.bad || !c.mine()) return;
        if (c.offset == 0) {
            if (!count()) return;
            v.clear();
            v.reserve(expect);
        }
        while (c.offset < expect && c.budget > 0) {
            text(v);
            if (!r.ok()) return;
            ++c.offset;
            c.budget -= std::min(c.budget, v.back().size() + 4);
        }
        if (c.offset == expect) c.finished();
    }
    void pool(StringPool& p) {
        const std::size_t at = c.at;
        strings(texts);
        if (c.at == at) return;  // not this section's last part
        p.adopt_distinct(std::move(texts));
        texts = {};
    }
};

// Every array of the rows, in the stored order (`t` and `o` as for small_parts).
template <class A>
void arrays(A& a, OrderTable& t, ImportedOrders& o) {
    a.pool(t.customer_ids);
    a.strings(t.customer_names);
    a.strings(t.customer_phones);
    a.pod(t.customer);
    a.pod(t.day);
    a.pod(t.amount);
    for (AttributeColumn& c : t.attributes) {
        a.pool(c.values);
        a.pod(c.of_customer);
    }
    a.pool(t.owners);
    a.pool(t.products);
    a.pod(t.owner);
    a.pod(t.product);
    a.pool(o.status_values);
    a.pod(o.status);
    a.pod(o.refund);
    a.pod(o.unpaid_by_status);
    a.pod(o.unpaid_amount_by_status);
}

// Every index in range and every column of its table's length.
bool consistent(const ImportedOrders& o) {
    const OrderTable& t = o.table;
    const std::size_t n = t.orders(), k = t.customers();
    auto per = [](std::size_t size, std::size_t want) { return size == 0 || size == want; };
    auto below = [](const std::vector<std::uint32_t>& v, std::size_t limit, bool none_ok) {
        return std::all_of(v.begin(), v.end(), [&](std::uint32_t x) { return x < limit || (none_ok && x == kNone); });
    };
    if (t.day.size() != n || t.amount.size() != n || !below(t.customer, k, false)) return false;
    if (!per(t.customer_names.size(), k) || !per(t.customer_phones.size(), k)) return false;
    for (const AttributeColumn& c : t.attributes)
        if (c.of_customer.size() != k || !below(c.of_customer, c.values.size(), true)) return false;
    if (!per(t.owner.size(), n) || !below(t.owner, t.owners.size(), true)) return false;
    if (!per(t.product.size(), n) || !below(t.product, t.products.size(), true)) return false;
    if (!per(o.status.size(), n) || !below(o.status, o.status_values.size(), false)) return false;
    if (!per(o.refund.size(), n)) return false;
    return o.unpaid_by_status.size() == o.unpaid_amount_by_status.size() &&
           o.unpaid_by_status.size() <= o.status_values.size();
}

}  // namespace

// ---- writer -----------------------------------------------------------------------------------

struct StoredRowsWriter::State {
    // The traversals take references they may change; the writer's archives only read them.
    OrderTable* table;
    ImportedOrders* rest;
    ImportReport* report;
    ImportedOrders none;  // a plain import's status, refund and unpaid columns: none
    // Sized first, in steps (the same traversals over a counting SmallOut: packing a million
    // customers' arrays is work a frame should not do whole), so the body is allocated once.
    ArraysOut size;
    bool sized = false;
    std::size_t sections = 1;  // the arrays' sections, once the sizing has counted them
    ArraysOut arrays;
    std::string out;
    std::size_t total = 0;
    bool done = false;
};

StoredRowsWriter::StoredRowsWriter(const OrderTable& table, const ImportedOrders* imported, const ImportReport& report)
    : s_(std::make_unique<State>()) {
    State& s = *s_;
    s.table = const_cast<OrderTable*>(imported ? &imported->table : &table);
    s.rest = imported ? const_cast<ImportedOrders*>(imported) : &s.none;
    s.report = const_cast<ImportReport*>(&report);
    small_parts(s.size.w, *s.report, *s.table, *s.rest);
}

StoredRowsWriter::~StoredRowsWriter() = default;
StoredRowsWriter::StoredRowsWriter(StoredRowsWriter&&) noexcept = default;
StoredRowsWriter& StoredRowsWriter::operator=(StoredRowsWriter&&) noexcept = default;

bool StoredRowsWriter::step(std::size_t max_bytes) {
    State& s = *s_;
    if (s.done) return false;
    ArraysOut& a = s.sized ? s.arrays : s.size;
    a.c.section = 0;
    a.c.budget = std::max<std::size_t>(max_bytes, 1);
    arrays(a, *s.table, *s.rest);
    s.sections = a.c.section;
    const bool finished = a.c.at == a.c.section;
    if (s.sized) return !(s.done = finished);
    if (finished) {
        s.sized = true;
        s.total = sizeof kMagic + s.size.w.bytes;
        s.out.reserve(s.total);
        s.out.append(kMagic, sizeof kMagic);
        s.arrays.w.out = &s.out;
        small_parts(s.arrays.w, *s.report, *s.table, *s.rest);
    }
    return true;
}

double StoredRowsWriter::progress() const {
    const State& s = *s_;
    if (s.done) return 1.0;
    if (!s.sized) return 0.5 * static_cast<double>(s.size.c.at) / static_cast<double>(std::max<std::size_t>(1, s.sections));
    return 0.5 + 0.5 * static_cast<double>(s.out.size()) / static_cast<double>(std::max<std::size_t>(1, s.total));
}

std::string StoredRowsWriter::take() { return std::move(s_->out); }

// ---- reader -----------------------------------------------------------------------------------

struct StoredRowsReader::State {
    ImportedOrders rows;
    ImportReport report;
    ArraysIn arrays;
    bool started = false, done = false;
};

StoredRowsReader::StoredRowsReader(std::string_view body) : s_(std::make_unique<State>()) { s_->arrays.r.in = body; }
StoredRowsReader::~StoredRowsReader() = default;
StoredRowsReader::StoredRowsReader(StoredRowsReader&&) noexcept = default;
StoredRowsReader& StoredRowsReader::operator=(StoredRowsReader&&) noexcept = default;

Result<bool> StoredRowsReader::step(std::size_t max_bytes) {
    State& s = *s_;
    ArraysIn& a = s.arrays;
    SmallIn& r = a.r;
    if (s.done) return false;
    if (!s.started) {
        s.started = true;
        if (r.in.size() < sizeof kMagic) return Error("io.bad_stored_import");
        a.packed = std::memcmp(r.in.data(), kMagic, sizeof kMagic) == 0;
        if (!a.packed && std::memcmp(r.in.data(), kRawMagic, sizeof kRawMagic) != 0) return Error("io.bad_stored_import");
        r.pos = sizeof kMagic;
        small_parts(r, s.report, s.rows.table, s.rows);
        if (!r.ok()) return Error("io.bad_stored_import");
    }
    a.c.section = 0;
    a.c.budget = std::max<std::size_t>(max_bytes, 1);
    arrays(a, s.rows.table, s.rows);
    if (!r.ok()) return Error("io.bad_stored_import");
    if (a.c.at < a.c.section) return true;
    if (r.pos != r.in.size() || !consistent(s.rows)) return Error("io.bad_stored_import");
    s.done = true;
    return false;
}

double StoredRowsReader::progress() const {
    const SmallIn& r = s_->arrays.r;
    return r.in.empty() ? 1.0 : static_cast<double>(r.pos) / static_cast<double>(r.in.size());
}

bool stored_rows_current(std::string_view body) {
    return body.size() >= sizeof kMagic && std::memcmp(body.data(), kMagic, sizeof kMagic) == 0;
}

ImportedOrders StoredRowsReader::take_rows() { return std::move(s_->rows); }
ImportReport StoredRowsReader::take_report() { return std::move(s_->report); }

std::string write_stored_rows(const OrderTable& table, const ImportedOrders* imported, const ImportReport& report) {
    StoredRowsWriter w(table, imported, report);
    while (w.step(std::size_t{1} << 30)) {
    }
    return w.take();
}

Result<std::pair<ImportedOrders, ImportReport>> read_stored_rows(std::string_view body) {
    StoredRowsReader r(body);
    for (;;) {
        auto more = r.step(std::size_t{1} << 30);
        if (!more) return more.error();
        if (!*more) break;
    }
    return std::make_pair(r.take_rows(), r.take_report());
}

}  // namespace yt
