// messages.cpp — zh/en texts for the io module's error codes and labels (keys "io.*").
#include "core/i18n/i18n.hpp"

namespace yt {
namespace {
const Msg kMessages[] = {
    // Whole-file errors.
    {"io.empty_file", "文件是空的，没有可导入的数据", "The file is empty: there is nothing to import"},
    {"io.binary_file", "这不是文本文件（CSV/TSV/TXT），无法读取", "This is not a text file (CSV/TSV/TXT) and cannot be read"},
    {"io.spreadsheet_file", "这是 Excel 工作簿（xlsx/xls）：请在 Excel 中“另存为”CSV 后再导入",
     "This is an Excel workbook (xlsx/xls): save it as CSV in Excel, then import that"},
    {"io.header_only", "文件只有表头，没有数据行", "The file has a header row but no data rows"},
    {"io.missing_columns", "找不到必需的列：{0}。请在列映射中指定（例如 customer=2,date=3,amount=5）",
     "Required columns not found: {0}. Map them explicitly (e.g. customer=2,date=3,amount=5)"},
    {"io.bad_mapping", "列映射 {0} 指向第 {1} 列，但文件只有 {2} 列", "Mapping {0} points at column {1}, but the file has only {2} columns"},
    {"io.bad_option", "选项 {0} 的值无效：{1}", "Invalid value for option {0}: {1}"},
    {"io.bad_column_spec", "列映射写法有误：{0}（应为 键=列号，如 customer=2）", "Bad column mapping: {0} (expected key=number, e.g. customer=2)"},
    {"io.unknown_column", "表头中没有名为 {0} 的列", "No column named {0} in the header"},
    {"io.cancelled", "导入已取消", "Import cancelled"},
    {"io.bad_stored_import", "保存的导入数据无法读取，请重新导入文件", "The stored import cannot be read; import the file again"},
    {"io.no_valid_rows", "没有一行数据可以导入（{0} 行被拒绝，第一处原因见位置）", "No row could be imported ({0} rows rejected; see the location for the first)"},
    // Row errors.
    {"io.missing_field", "缺少“{0}”列（这一行只有 {1} 列）", "Missing the {0} column (this row has only {1} fields)"},
    {"io.unclosed_quote", "引号没有闭合，文件在引号内结束", "Unclosed quote: the file ends inside a quoted field"},
    {"io.too_many_fields", "这一行有 {0} 列，多于表头的 {1} 列（金额中的千分位逗号是否未加引号？）",
     "This row has {0} fields, more than the {1} expected (an unquoted thousands separator?)"},
    {"io.empty_customer", "客户ID为空", "The customer id is empty"},
    {"io.bad_date", "无法识别的日期：“{0}”（应为 2024-03-05、2024/3/5 或 20240305）",
     "Unrecognised date \"{0}\" (expected 2024-03-05, 2024/3/5 or 20240305)"},
    {"io.bad_amount", "无法识别的金额：“{0}”", "Unrecognised amount \"{0}\""},
    {"io.bad_encoding", "文字编码错误：“{0}”（文件编码可能选错了）", "Invalid text encoding: \"{0}\" (wrong file encoding?)"},
    // Labels for the import preview.
    {"io.key.customer", "客户ID", "Customer ID"},
    {"io.key.date", "下单日期", "Order date"},
    {"io.key.amount", "金额", "Amount"},
    {"io.key.order", "订单号", "Order ID"},
    {"io.key.name", "姓名", "Name"},
    {"io.key.phone", "手机", "Phone"},
    {"io.key.gender", "性别", "Gender"},
    {"io.key.age", "年龄", "Age"},
    {"io.key.birthday", "生日", "Birthday"},
    {"io.key.city", "城市", "City"},
    {"io.key.province", "省份", "Province"},
    {"io.key.category", "偏好品类", "Preferred category"},
    {"io.key.tags", "标签", "Tags"},
    {"io.key.channel", "渠道", "Channel"},
    {"io.key.source", "来源", "Source"},
    {"io.key.level", "会员等级", "Member level"},
    {"io.delim.comma", "逗号", "Comma"},
    {"io.delim.tab", "制表符", "Tab"},
    {"io.delim.semicolon", "分号", "Semicolon"},
    {"io.delim.pipe", "竖线", "Pipe"},
    {"io.delim.whitespace", "空格", "Whitespace"},
    {"io.enc.utf-8", "UTF-8", "UTF-8"},
    {"io.enc.utf-16le", "UTF-16（Unicode 文本）", "UTF-16 LE (Unicode text)"},
    {"io.enc.utf-16be", "UTF-16 BE", "UTF-16 BE"},
    {"io.enc.gb18030", "GBK/GB18030（中文 Excel）", "GBK/GB18030 (Chinese Excel)"},
};
}  // namespace
MsgTable io_messages() { return {kMessages, sizeof kMessages / sizeof kMessages[0]}; }
}  // namespace yt
