// columns.hpp — which column of an order file holds what: header-name matching (Chinese and
// English), guessing from the cells, and explicit mappings like "customer=2,date=3,amount=5".
//
// Keys: customer, date, amount (required); order, status, owner, product, refund, paid (optional,
// per order: the order's status, the staff member who owns the customer, the product bought, the
// refunded amount, the payment time); name, phone (optional, per customer);
// attribute keys become profile fields (AttributeColumn) with a dimension:
//   basic: gender, age, birthday, city, province   preference: category, tags
//   behaviour: channel, source                      value: level
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "core/model/result.hpp"

namespace yt {

struct AttributeBinding {
    std::string key;  // "gender", "city", ...
    int column = -1;  // 0-based
};

// 0-based column indexes; -1 = not mapped.
struct ColumnMapping {
    int customer = -1, date = -1, amount = -1;
    int order = -1, name = -1, phone = -1;
    int status = -1, owner = -1, product = -1, refund = -1, paid = -1;
    std::vector<AttributeBinding> attributes;  // in column order

    bool complete() const { return customer >= 0 && date >= 0 && amount >= 0; }
    // The column bound to `key` (any key above), or -1.
    int column_of(std::string_view key) const;
    // Binds `key` to `column` (-1 unbinds). Returns false for an unknown key.
    bool set(std::string_view key, int column);
    // Highest mapped column, or -1.
    int max_column() const;
};

// All keys, required first: customer, date, amount, order, status, owner, product, refund, paid,
// name, phone, then attribute keys.
const std::vector<std::string>& mapping_keys();
bool is_attribute_key(std::string_view key);
// "basic", "preference", "behaviour" or "value" for an attribute key; "" otherwise.
const char* attribute_dimension(std::string_view key);

// The key a header cell names ("会员ID" -> "customer", "实付金额(元)" -> "amount"), or "".
// `priority` (lower = better) ranks several headers naming the same key.
std::string key_for_header(std::string_view header, int* priority = nullptr);

// A header cell in the form the alias lists use: ASCII lower case, no spaces/_/-/./'/'/*/colons,
// bracketed parts removed ("群人数（人）" -> "群人数", "Member Total" -> "membertotal").
std::string normalise_header(std::string_view header);
// Whether normalised header `n` is one of `names` ('|'-separated normalised names).
bool header_in_list(std::string_view n, std::string_view names);

// Maps header cells to keys: for each key the best-ranked header wins, then the leftmost.
ColumnMapping mapping_from_header(const std::vector<std::string>& header);

// A header naming a nickname (买家昵称, 微信昵称, nickname): not unique, a poor customer key.
bool is_nickname_header(std::string_view header);
// A header naming a payment time (付款时间, 支付时间, paid_at): its blank cells mean "not paid".
bool is_payment_time_header(std::string_view header);

// After mapping from the header: when the customer key is a nickname column and the sample rows
// have an unmasked phone column, the phone becomes the key (and the nickname the name); a
// payment-time column other than the date column becomes `paid`.
void prefer_unique_keys(ColumnMapping& m, const std::vector<std::string>& header,
                        const std::vector<std::vector<std::string>>& rows);

// Warnings about a mapping: io.nickname_key / io.nickname_key_alt (the customer key is a
// nickname; the alternative column's header named when there is one).
std::vector<Error> mapping_warnings(const ColumnMapping& m, const std::vector<std::string>& header);

// Fills the unmapped required keys from the cells of sample data rows: date = the first free
// column whose cells are (>= 90%) dates, amount = the rightmost free column of amounts (one with
// decimals preferred), customer = the first free column that is non-empty in >= 90% of rows.
void guess_columns(ColumnMapping& m, const std::vector<std::vector<std::string>>& rows);

// Parses "customer=2,date=3,amount=5" (1-based indexes, like the CLI's --columns) or with header
// names as values ("customer=会员ID"). Separators: ',' or ';'. Errors: io.bad_column_spec (the
// offending part), io.unknown_column (a header name not in `header`).
Result<ColumnMapping> parse_column_spec(std::string_view spec, const std::vector<std::string>& header = {});
// The inverse: "customer=2,date=3,amount=5,city=7".
std::string format_column_spec(const ColumnMapping& m);

}  // namespace yt
