// group_stats.hpp — a WeCom customer-group (客户群) statistics export, read into rows.
//
// One row per group, either per day (a 日期 column) or for a period (a 统计周期 column holding
// "2024-03-01~2024-03-30", or no date at all). Headers are matched by name with synonyms (see
// group_stats.cpp); the file's encoding (UTF-8, UTF-16, GB18030) and delimiter are detected by
// core/io, whose CSV reader splits the records. Errors name the line, the column and the cell.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "core/model/dates.hpp"
#include "core/model/result.hpp"

namespace yt {

struct GroupStatsRow {
    int line = 0;               // 1-based line of the file
    std::string name, owner;    // 群名称, 群主
    Day first = 0, last = 0;    // the day (first == last) or the period; 0 = not given
    int members = 0;            // 群人数 (required)
    // Optional counts; -1 = the column is absent or the cell blank.
    int joins = -1, quits = -1, speakers = -1, messages = -1;
};

struct GroupStatsFile {
    std::string encoding;        // "utf-8", "gb18030", ...
    bool per_day = false;        // a 日期 column: one row per group and day
    std::vector<std::string> columns;  // keys found: name, owner, members, joins, quits, speakers, messages, date, period
    std::vector<GroupStatsRow> rows;
};

// Errors: io.empty_file, io.binary_file, io.spreadsheet_file, io.header_only, io.bad_encoding,
// io.bad_date; groups.missing_columns {0: the missing headers}, groups.bad_count {0: cell},
// groups.no_name, groups.bad_period {0: cell}. Line, column and header are in Error::where.
Result<GroupStatsFile> read_group_stats(std::string_view bytes, const std::string& file_name = "");

}  // namespace yt
