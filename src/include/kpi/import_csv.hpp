// Channel data import (docs/import.md), step 2: CSV text as a grid of text cells.
// RFC 4180 (quoted fields, "" inside quotes, line breaks inside quotes), with what platform exports
// add around it: the delimiter is sniffed (',' ';' or tab: Excel in a Vietnamese or European locale
// writes ';', Excel's "Unicode text" and Meta/TikTok UTF-16 exports use tabs); lines starting with
// '#' are comments (GA4 writes a '#' block before each table) and blank lines are skipped; a '#'
// comment after data has started ends the table (GA4 appends further tables after a blank line).
#pragma once

#include "kpi/register.hpp" // kpi::grid

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace kpi {

struct csv_table {
    grid cells;            // every cell is text (empty fields are empty cells)
    char delimiter = ',';
    std::size_t comment_lines = 0;           // '#' lines skipped
    std::vector<std::size_t> source_lines;   // 1-based line in the text of each grid row
};

// Which of ',' ';' '\t' splits the first lines (comments and blank lines excepted) into the most
// fields; ties prefer tab, then ';', then ','.
[[nodiscard]] char sniff_delimiter(std::string_view text);

// Every record of the table, one at a time, as parse_csv reads them (comments and blank lines skipped,
// trailing empty fields dropped, the table ends at a '#' comment after data): `record` gets the
// fields and the 1-based line the record starts on, and returns false to stop. Nothing but the
// current record is held.
void for_each_csv_record(std::string_view utf8_text, char delimiter,
                         const std::function<bool(std::vector<std::string>& fields, std::size_t line)>& record);

[[nodiscard]] csv_table parse_csv(std::string_view utf8_text);
[[nodiscard]] csv_table parse_csv(std::string_view utf8_text, char delimiter);

} // namespace kpi
