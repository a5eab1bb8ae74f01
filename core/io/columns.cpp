// columns.cpp — header aliases (zh/en), column-spec parsing and the content-based column guess.
#include "core/io/columns.hpp"

#include <algorithm>
#include <cstring>

#include "core/io/values.hpp"

namespace yt {

namespace {

struct Alias {
    const char* key;
    const char* names;  // normalised names, '|'-separated, best first
};

// Normalised form: ASCII lower case, no spaces/_/-/./'/'/*/colons, bracketed parts removed.
const Alias kAliases[] = {
    {"customer", "会员id|用户id|客户编号|客户id|买家id|会员编号|会员号|会员卡号|用户编号|客户号|买家会员名|买家账号|"
                 "买家昵称|会员账号|客户|会员|用户|买家|customerid|userid|memberid|buyerid|clientid|custid|"
                 "customer|user|member|buyer|client|openid|unionid"},
    {"date", "下单时间|付款时间|订单日期|支付时间|创建时间|下单日期|付款日期|支付日期|交易时间|交易日期|成交时间|"
             "订单时间|购买日期|购买时间|订单创建时间|日期|时间|orderdate|date|ordertime|purchasedate|paymenttime|"
             "paidat|paytime|createdat|createtime|transactiondate|datetime|time"},
    {"amount", "实付金额|订单金额|支付金额|金额|实收金额|付款金额|买家实付金额|实付款|成交金额|交易金额|消费金额|"
               "订单总额|总金额|销售额|应付金额|总价|amount|total|payment|paid|orderamount|ordertotal|totalamount|"
               "paymentamount|revenue|sales|price|value"},
    {"order", "订单号|订单编号|订单id|交易号|交易单号|流水号|orderid|orderno|ordernumber|order|transactionid"},
    {"status", "订单状态|交易状态|状态|订单状况|支付状态|付款状态|退款状态|售后状态|status|orderstatus|"
               "financialstatus|paymentstatus|orderstate"},
    {"owner", "归属员工|添加人|客服|导购|跟进人|所属员工|专属顾问|归属客服|所属客服|负责人|跟进员工|添加员工|"
              "归属人|所属导购|服务顾问|顾问|企微员工|员工|业务员|销售|owner|staff|salesperson|salesrep|"
              "assignee|agent|advisor|consultant|accountowner"},
    {"product", "商品名称|商品|宝贝标题|选购商品|商品标题|宝贝名称|产品名称|产品|品名|商品简称|sku|商品sku|"
                "货号|商品编码|商家编码|商品货号|规格编码|商品id|product|productname|item|itemname|"
                "producttitle|lineitemname|productid|itemid|skuid|skucode"},
    {"refund", "退款金额|已退款金额|退款|退款额|售后退款金额|refund|refundamount|refunded|amountrefunded|"
               "refundedamount"},
    {"name", "姓名|收货人|收货人姓名|客户姓名|会员姓名|名字|昵称|name|customername|fullname|nickname"},
    {"phone", "手机|手机号|手机号码|电话|联系电话|联系方式|收货人手机|收货人电话|phone|mobile|tel|telephone|cellphone|"
              "phonenumber"},
    {"gender", "性别|gender|sex"},
    {"age", "年龄|age"},
    {"birthday", "生日|出生日期|birthday|birthdate|dob|dateofbirth"},
    {"city", "城市|所在城市|收货城市|市|city"},
    {"province", "省份|省|收货省份|所在省份|province|state"},
    {"category", "偏好品类|品类|类目|商品类目|商品品类|商品分类|preferredcategory|category"},
    {"tags", "标签|客户标签|会员标签|用户标签|tags|tag|labels"},
    {"channel", "渠道|来源渠道|下单渠道|销售渠道|店铺|平台|channel|platform|store|shop"},
    {"source", "来源|客户来源|用户来源|source|referrer|utmsource"},
    {"level", "会员等级|等级|会员级别|level|viplevel|memberlevel|tier"},
};

struct Dim {
    const char* key;
    const char* dimension;
};
const Dim kDimensions[] = {
    {"gender", "basic"},       {"age", "basic"},       {"birthday", "basic"}, {"city", "basic"},
    {"province", "basic"},     {"category", "preference"}, {"tags", "preference"}, {"channel", "behaviour"},
    {"source", "behaviour"},   {"level", "value"},
};

// Payment-time headers (a subset of the date names): a blank cell there means "not paid".
const char* const kPaidTime = "付款时间|支付时间|买家付款时间|订单付款时间|支付完成时间|付款日期|支付日期|"
                              "paymenttime|paytime|paidat|paidtime|paymentdate|paiddate";

bool contains(std::string_view s, std::string_view p) { return s.find(p) != std::string_view::npos; }

bool in_list(std::string_view n, std::string_view names) {
    while (!names.empty()) {
        const std::size_t bar = names.find('|');
        if (names.substr(0, bar) == n) return true;
        if (bar == std::string_view::npos) break;
        names.remove_prefix(bar + 1);
    }
    return false;
}

bool eat(std::string_view& s, std::string_view p) {
    if (s.substr(0, p.size()) != p) return false;
    s.remove_prefix(p.size());
    return true;
}

}  // namespace

std::string normalise_header(std::string_view h) {
    h = io::trim_cell(h);
    std::string out;
    int depth = 0;
    while (!h.empty()) {
        if (eat(h, "(") || eat(h, "[") || eat(h, "\xEF\xBC\x88") || eat(h, "\xE3\x80\x90")) { ++depth; continue; }  // （ 【
        if (eat(h, ")") || eat(h, "]") || eat(h, "\xEF\xBC\x89") || eat(h, "\xE3\x80\x91")) {                     // ） 】
            if (depth > 0) --depth;
            continue;
        }
        if (eat(h, "\xEF\xBC\x9A") || eat(h, "\xE3\x80\x80")) continue;  // ： and the ideographic space
        const char c = h.front();
        h.remove_prefix(1);
        if (depth > 0) continue;
        if (c == ' ' || c == '_' || c == '-' || c == '.' || c == '/' || c == '*' || c == ':' || c == '\t') continue;
        out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
    }
    return out;
}

bool header_in_list(std::string_view n, std::string_view names) { return in_list(n, names); }

namespace {

std::string key_by_contains(const std::string& n) {
    if (contains(n, "订单") && (contains(n, "号") || contains(n, "编号") || contains(n, "id"))) return "order";
    if (contains(n, "手机") || contains(n, "电话") || contains(n, "phone") || contains(n, "mobile")) return "phone";
    const bool who = contains(n, "会员") || contains(n, "客户") || contains(n, "用户") || contains(n, "买家") ||
                     contains(n, "customer") || contains(n, "user") || contains(n, "member") ||
                     contains(n, "buyer") || contains(n, "client");
    if (who && (contains(n, "id") || contains(n, "编号") || contains(n, "账号") || contains(n, "号")))
        return "customer";
    if (contains(n, "金额") || contains(n, "实付") || contains(n, "amount")) return "amount";
    if (contains(n, "时间") || contains(n, "日期") || contains(n, "date") || contains(n, "time")) return "date";
    return "";
}

bool parse_index(std::string_view s, int& out) {
    if (s.empty() || s.size() > 6) return false;
    int v = 0;
    for (char c : s) {
        if (c < '0' || c > '9') return false;
        v = v * 10 + (c - '0');
    }
    out = v;
    return true;
}

}  // namespace

int ColumnMapping::column_of(std::string_view key) const {
    if (key == "customer") return customer;
    if (key == "date") return date;
    if (key == "amount") return amount;
    if (key == "order") return order;
    if (key == "name") return name;
    if (key == "phone") return phone;
    if (key == "status") return status;
    if (key == "owner") return owner;
    if (key == "product") return product;
    if (key == "refund") return refund;
    if (key == "paid") return paid;
    for (const auto& a : attributes)
        if (a.key == key) return a.column;
    return -1;
}

bool ColumnMapping::set(std::string_view key, int column) {
    if (key == "customer") customer = column;
    else if (key == "date") date = column;
    else if (key == "amount") amount = column;
    else if (key == "order") order = column;
    else if (key == "name") name = column;
    else if (key == "phone") phone = column;
    else if (key == "status") status = column;
    else if (key == "owner") owner = column;
    else if (key == "product") product = column;
    else if (key == "refund") refund = column;
    else if (key == "paid") paid = column;
    else if (is_attribute_key(key)) {
        attributes.erase(std::remove_if(attributes.begin(), attributes.end(),
                                        [&](const AttributeBinding& a) { return a.key == key; }),
                         attributes.end());
        if (column >= 0) {
            attributes.push_back({std::string(key), column});
            std::stable_sort(attributes.begin(), attributes.end(),
                             [](const AttributeBinding& a, const AttributeBinding& b) { return a.column < b.column; });
        }
    } else {
        return false;
    }
    return true;
}

int ColumnMapping::max_column() const {
    int m = std::max({customer, date, amount, order, name, phone, status, owner, product, refund, paid});
    for (const auto& a : attributes) m = std::max(m, a.column);
    return m;
}

const std::vector<std::string>& mapping_keys() {
    static const std::vector<std::string> kKeys = {
        "customer", "date",     "amount", "order", "status", "owner",    "product", "refund", "paid",
        "name",     "phone",    "gender", "age",   "birthday", "city",   "province", "category", "tags",
        "channel",  "source",   "level"};
    return kKeys;
}

bool is_attribute_key(std::string_view key) { return attribute_dimension(key)[0] != '\0'; }

const char* attribute_dimension(std::string_view key) {
    for (const auto& d : kDimensions)
        if (key == d.key) return d.dimension;
    return "";
}

std::string key_for_header(std::string_view header, int* priority) {
    const std::string n = normalise_header(header);
    if (n.empty()) return "";
    for (const auto& a : kAliases) {
        std::string_view names = a.names;
        int rank = 0;
        while (!names.empty()) {
            const std::size_t bar = names.find('|');
            const std::string_view one = names.substr(0, bar);
            if (one == n) {
                if (priority) *priority = rank;
                return a.key;
            }
            ++rank;
            if (bar == std::string_view::npos) break;
            names.remove_prefix(bar + 1);
        }
    }
    std::string k = key_by_contains(n);
    if (priority) *priority = 1000;
    return k;
}

ColumnMapping mapping_from_header(const std::vector<std::string>& header) {
    ColumnMapping m;
    std::vector<int> best_rank(mapping_keys().size(), 1 << 30);
    for (int col = 0; col < static_cast<int>(header.size()); ++col) {
        int rank = 0;
        const std::string key = key_for_header(header[static_cast<std::size_t>(col)], &rank);
        if (key.empty()) continue;
        const auto& keys = mapping_keys();
        const std::size_t k = static_cast<std::size_t>(std::find(keys.begin(), keys.end(), key) - keys.begin());
        if (rank < best_rank[k]) {
            best_rank[k] = rank;
            m.set(key, col);
        }
    }
    return m;
}

bool is_nickname_header(std::string_view header) {
    const std::string n = normalise_header(header);
    return contains(n, "昵称") || contains(n, "nick");
}

bool is_payment_time_header(std::string_view header) { return in_list(normalise_header(header), kPaidTime); }

void prefer_unique_keys(ColumnMapping& m, const std::vector<std::string>& header,
                        const std::vector<std::vector<std::string>>& rows) {
    auto head = [&](int c) { return c >= 0 && c < static_cast<int>(header.size()) ? header[c] : std::string(); };
    if (m.paid < 0 && m.date >= 0 && !is_payment_time_header(head(m.date)))
        for (int c = 0; c < static_cast<int>(header.size()); ++c) {
            bool free = true;
            for (const auto& k : mapping_keys()) free = free && m.column_of(k) != c;
            if (free && is_payment_time_header(header[c])) {
                m.paid = c;
                break;
            }
        }
    if (m.phone < 0) return;
    // No customer column at all (an export with 手机号 but no member id): the phone is the key,
    // unless it is masked (checked below).
    const bool no_key = m.customer < 0;
    if (!no_key && !is_nickname_header(head(m.customer))) return;
    // Marketplaces mask phones (138****5678): a masked column is no better a key than a nickname.
    std::size_t filled = 0, masked = 0;
    for (const auto& r : rows) {
        if (m.phone >= static_cast<int>(r.size())) continue;
        const std::string_view v = io::trim_cell(r[static_cast<std::size_t>(m.phone)]);
        if (v.empty()) continue;
        ++filled;
        masked += v.find('*') != std::string_view::npos;
    }
    if (filled == 0 || masked * 10 > filled) return;
    const int nick = m.customer;
    m.customer = m.phone;
    m.phone = -1;
    if (m.name < 0 && !no_key) m.name = nick;
}

std::vector<Error> mapping_warnings(const ColumnMapping& m, const std::vector<std::string>& header) {
    std::vector<Error> out;
    if (m.customer < 0 || m.customer >= static_cast<int>(header.size()) || !is_nickname_header(header[m.customer]))
        return out;
    // The better key: a member/user id or phone column, by its header.
    std::string alt;
    for (int c = 0; c < static_cast<int>(header.size()) && alt.empty(); ++c) {
        if (c == m.customer || is_nickname_header(header[c])) continue;
        const std::string k = key_for_header(header[c]);
        if (k == "customer" || k == "phone") alt = io::trim_cell(header[c]);
    }
    const std::string col = std::string(io::trim_cell(header[m.customer]));
    if (alt.empty()) out.emplace_back("io.nickname_key", std::vector<std::string>{col});
    else out.emplace_back("io.nickname_key_alt", std::vector<std::string>{col, alt});
    return out;
}

void guess_columns(ColumnMapping& m, const std::vector<std::vector<std::string>>& rows) {
    std::size_t columns = 0;
    for (const auto& r : rows) columns = std::max(columns, r.size());
    struct Stats {
        std::size_t filled = 0, dates = 0, amounts = 0, decimals = 0;
    };
    std::vector<Stats> st(columns);
    for (const auto& r : rows) {
        for (std::size_t c = 0; c < r.size(); ++c) {
            const std::string_view v = io::trim_cell(r[c]);
            if (v.empty()) continue;
            ++st[c].filled;
            if (io::parse_order_date(v)) ++st[c].dates;
            if (io::parse_amount(v)) {
                ++st[c].amounts;
                if (v.find('.') != std::string_view::npos) ++st[c].decimals;
            }
        }
    }
    const std::size_t n = rows.size();
    auto used = [&](int c) {
        for (const auto& k : mapping_keys())
            if (m.column_of(k) == c) return true;
        return false;
    };
    auto mostly = [](std::size_t part, std::size_t whole) { return whole > 0 && part * 10 >= whole * 9; };
    if (m.date < 0) {
        for (std::size_t c = 0; c < columns; ++c)
            if (!used(static_cast<int>(c)) && mostly(st[c].filled, n) && mostly(st[c].dates, st[c].filled)) {
                m.date = static_cast<int>(c);
                break;
            }
    }
    if (m.amount < 0) {
        int plain = -1, decimal = -1;
        for (std::size_t c = 0; c < columns; ++c) {
            if (used(static_cast<int>(c)) || !mostly(st[c].filled, n) || !mostly(st[c].amounts, st[c].filled)) continue;
            if (st[c].dates == st[c].filled) continue;  // YYYYMMDD dates are numbers too
            plain = static_cast<int>(c);
            if (st[c].decimals > 0) decimal = static_cast<int>(c);
        }
        m.amount = decimal >= 0 ? decimal : plain;
    }
    if (m.customer < 0) {
        for (std::size_t c = 0; c < columns; ++c)
            if (!used(static_cast<int>(c)) && mostly(st[c].filled, n) && st[c].dates < st[c].filled) {
                m.customer = static_cast<int>(c);
                break;
            }
    }
}

Result<ColumnMapping> parse_column_spec(std::string_view spec, const std::vector<std::string>& header) {
    ColumnMapping m;
    while (!spec.empty()) {
        std::size_t sep = spec.find_first_of(",;");
        std::string_view part = io::trim_cell(spec.substr(0, sep));
        spec = sep == std::string_view::npos ? std::string_view{} : spec.substr(sep + 1);
        if (part.empty()) continue;
        const std::size_t eq = part.find('=');
        if (eq == std::string_view::npos) return Error("io.bad_column_spec", {std::string(part)});
        std::string key(io::trim_cell(part.substr(0, eq)));
        for (char& c : key) if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        if (key == "order_id") key = "order";
        if (key == "customer_id" || key == "user_id" || key == "member_id") key = "customer";
        const std::string_view value = io::trim_cell(part.substr(eq + 1));
        int index = 0;
        if (parse_index(value, index)) {
            if (index < 1) return Error("io.bad_column_spec", {std::string(part)});
            --index;
        } else {
            auto it = std::find_if(header.begin(), header.end(),
                                   [&](const std::string& h) { return io::trim_cell(h) == value; });
            if (value.empty() || it == header.end()) return Error("io.unknown_column", {std::string(value)});
            index = static_cast<int>(it - header.begin());
        }
        if (!m.set(key, index)) return Error("io.bad_column_spec", {std::string(part)});
    }
    return m;
}

std::string format_column_spec(const ColumnMapping& m) {
    std::string out;
    for (const auto& key : mapping_keys()) {
        const int c = m.column_of(key);
        if (c < 0) continue;
        if (!out.empty()) out += ',';
        out += key + "=" + std::to_string(c + 1);
    }
    return out;
}

}  // namespace yt
