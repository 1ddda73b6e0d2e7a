// Channel data import (issue 7, docs/import.md): platform exports -> (period, channel) -> raw measure
// sums for the Data sheet (data_sheet.hpp). UNO-free: the glue hands over the bytes of a CSV file or
// the cells of an XLSX export's first sheet, then writes the aggregated rows into the workbook.
//
//   bytes --decode_text--> UTF-8 --parse_csv--> grid --import_grid--> file_import (rows + summary)
//   several files --merge_imports--> the rows to write (currencies checked across files)
#pragma once

#include "kpi/data_sheet.hpp"
#include "kpi/import_format.hpp"
#include "kpi/import_text.hpp"
#include "kpi/outcome.hpp"
#include "kpi/period.hpp"
#include "kpi/register.hpp" // kpi::grid, kpi::parse_number

#include <array>
#include <bitset>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kpi {

// ---- numbers --------------------------------------------------------------------------------

// How a file writes decimals: "1,234.5" (dot) or "1.234,5" (comma, Vietnamese/European). A file is
// sniffed once (sniff_decimal_style), so that "1.234" means 1.234 in a dot file and 1234 in a comma
// file; `unknown` leaves single separators to kpi::parse_number's rule (3 digits after: thousands).
enum class decimal_style : std::uint8_t { unknown, dot, comma };

struct amount {
    double value = 0.0;
    std::string currency; // ISO code found in the text ("VND" for "₫1.234" or "1.234 đ"), or ""
};

// A number cell of an export: currency symbols or codes around it (₫ đ VND $ US$ USD € EUR),
// thousands separators in either style, a trailing %, and accounting negatives "(1,234)".
// nullopt: not a number. Texts that mean "nothing" ("", "--", "-", "—", "N/A") are empty_amount().
[[nodiscard]] std::optional<amount> parse_amount(std::string_view text, decimal_style style = decimal_style::unknown);
[[nodiscard]] bool is_empty_amount(std::string_view text) noexcept;
// The style most texts vote for (unambiguous ones only: "1,5", "1.234,5", "12.50", "1,234,567.8").
[[nodiscard]] decimal_style sniff_decimal_style(const std::vector<std::string_view>& texts);

// ---- dates ----------------------------------------------------------------------------------

struct date_span {
    day_serial first = 0;
    day_serial last = 0;
};
// Date order of d/m/y-looking texts: day first (Vietnamese, default) or month first (en-US).
enum class date_order : std::uint8_t { day_first, month_first };

// A date cell: ISO "2026-01-15", "15/01/2026" (or 01/15/2026 with month_first), GA4 "20260115",
// "Jan 15, 2026", "15 Jan 2026", "15 thg 1, 2026", reporting windows "2026-01-01 - 2026-01-31",
// months and quarters as kpi::parse_period reads them ("2026-01", "2026-Q1"), and Calc date serials
// (numbers, from an XLSX export; an integer 19000101..99991231 is read as YYYYMMDD).
[[nodiscard]] std::optional<date_span> parse_export_date(const grid_cell& cell, date_order order = date_order::day_first);
[[nodiscard]] std::optional<date_span> parse_export_date(std::string_view text, date_order order = date_order::day_first);

// ---- recognition ----------------------------------------------------------------------------

struct recognised_export {
    export_platform platform = export_platform::plain;
    std::string_view language;  // "en" / "vi" (plain: the language of its headers)
    std::size_t header_row = 0; // grid row of the header
    const export_signature* signature = nullptr; // nullptr for plain
};
// Looks for the header in the first `scan_rows` rows; nullopt when no signature matches.
[[nodiscard]] std::optional<recognised_export> recognise_export(const grid& g, std::size_t scan_rows = 12);

// ---- import ---------------------------------------------------------------------------------

enum class skip_reason : std::uint8_t {
    total_row,      // "Total: Account", "Tổng cộng"
    no_date,        // the date cell is empty or not a date
    spans_periods,  // a segment across two periods of the workbook: the import is refused (import_error)
    bad_number,     // a measure cell that is not a number
    no_channel,     // plain CSV: the channel is empty or not one of ours
    empty_row,      // every measure cell empty
    negative_count, // a count column (impressions, clicks, leads, ...) holds a negative number "(1,234)"
};
[[nodiscard]] std::string_view to_string(skip_reason r) noexcept;
[[nodiscard]] text describe(skip_reason r) noexcept;

struct skipped_row {
    std::size_t line = 0; // 1-based line (CSV) or row (sheet) in the export
    skip_reason reason = skip_reason::no_date;
    std::string detail;   // the offending cell text, the column name
};

struct import_summary {
    std::string source;                // file name, for messages
    export_platform platform = export_platform::plain;
    std::string language;              // of the export's UI
    std::string encoding;              // "UTF-8", "UTF-16LE", "XLSX", ...
    decimal_style style = decimal_style::unknown;
    std::size_t rows_read = 0;         // data rows below the header
    std::size_t rows_imported = 0;
    std::size_t rows_skipped = 0;      // all of them (skipped lists the first few)
    std::array<std::size_t, 7> skipped_by_reason{};
    std::vector<skipped_row> skipped;  // at most max_listed_skips
    std::vector<std::string> unknown_columns;  // headers no signature column names
    std::vector<std::string> imported_columns; // headers that were imported
    std::string currency;              // detected ("VND"), "" when the export does not say; after a
                                       // conversion, the workbook's currency
    std::string converted_from;        // the export's currency when its money was converted ("USD")
    double rate = 0.0;                 // the rate used: 1 converted_from = rate currency
    std::string repeated_of;           // the file this one repeats (same path or content): counted once
    static constexpr std::size_t max_listed_skips = 20;
};

// One aggregated Data sheet row: the sums of the measures the import has (has[m]).
struct period_values {
    std::string period; // period_key(): "2026-01" or "2026-Q1"
    channel ch = channel::all_channels;
    std::array<double, measure_count> values{};
    std::bitset<measure_count> has;
};

struct file_import {
    import_summary summary;
    std::vector<period_values> rows; // sorted by period, then channel
};

struct import_error {
    enum class kind : std::uint8_t {
        empty,          // no bytes, or no rows but comments/blank lines
        encoding,       // not valid UTF-8 / UTF-16
        unrecognised,   // no signature matches the header
        no_date_column, // recognised measures but no date column (plain CSV without Date/Period)
        no_data,        // a header and nothing importable below it
        mixed_currency, // several currencies in the export(s), or one different from the workbook's
        spans_periods,  // a row's date segment (a week, a quarter, a reporting window) spans two workbook periods
    };
    kind code = kind::empty;
    std::string source;                  // file name
    std::string detail;                  // encoding: "line 3, byte 57 (UTF-8)"; unrecognised: the header seen
    std::vector<std::string> currencies; // mixed_currency: the ones found
    std::string workbook_currency;       // mixed_currency: the workbook's, when known
    std::string periods;                 // spans_periods: "month" or "quarter" (the workbook's)
    std::vector<skipped_row> rows;       // spans_periods: the first rows (line, "cell text = first - last")
    std::size_t count = 0;               // spans_periods: how many rows
};
[[nodiscard]] std::string_view to_string(import_error::kind k) noexcept;
// A sentence for the user, in "en" or "vi".
[[nodiscard]] std::string describe(const import_error& e, std::string_view language);

struct import_options {
    period_granularity periods = period_granularity::month;
    std::string workbook_currency; // ISO code ("VND"); "" when the workbook does not say
    std::string source;            // file name, for messages
    // Conversion rates into the workbook's currency: rates["USD"] = 25000 means 1 USD = 25,000 of the
    // workbook's currency (`kpi import --rate USD=25000`). Money of an export in a currency with a rate
    // is multiplied by it; an export in another currency without a rate is refused.
    std::map<std::string, double> rates;
};

using import_result = outcome<file_import, import_error>;

// The bytes of a CSV / TSV / Excel "Unicode text" export.
[[nodiscard]] import_result import_bytes(std::string_view bytes, const import_options& options);
// The same, taking the bytes over: UTF-8 is decoded in place and the CSV is read record by record,
// aggregated as it goes (no grid of the whole file): memory stays about the size of the file.
[[nodiscard]] import_result import_text_file(std::string&& bytes, const import_options& options);
// A CSV export on disk, read once into memory and imported by import_text_file. Throws
// std::runtime_error when the file cannot be read.
[[nodiscard]] import_result import_file(const std::filesystem::path& file, const import_options& options);

// Files given twice in one run: for each file, the index of an earlier one it repeats (the same file
// by its resolved path, or the same bytes), else nullopt. Files that cannot be read are not repeats.
[[nodiscard]] std::vector<std::optional<std::size_t>> find_repeated_exports(const std::vector<std::filesystem::path>& files);
// "b.csv: the same file as a.csv (identical content): counted once." in "en" or "vi".
[[nodiscard]] std::string describe_repeat(const std::string& file, const std::string& earlier, bool same_path,
                                          std::string_view language);

// "USD=25000" (also "USD=25.000", "usd:25000") -> {"USD", 25000}; nullopt when not a positive rate.
[[nodiscard]] std::optional<std::pair<std::string, double>> parse_rate(std::string_view text);
// The cells of an export (an XLSX's first sheet, or a parsed CSV). `lines` maps grid rows to lines
// for messages (empty: row index + 1).
[[nodiscard]] import_result import_grid(const grid& g, const import_options& options,
                                        const std::vector<std::size_t>& lines = {}, std::string encoding = "");

// Several files into one set of rows (sums where they meet); mixed_currency when their currencies differ.
[[nodiscard]] outcome<std::vector<period_values>, import_error> merge_imports(const std::vector<file_import>& files,
                                                                              const std::string& workbook_currency);

// "meta-en.csv: Meta Ads Manager (en), 31 rows read, 31 imported; currency VND" + skipped rows and
// unknown columns, in "en" or "vi". Several lines.
[[nodiscard]] std::string describe(const import_summary& s, std::string_view language);

// ISO code of a currency symbol or name ("₫", "đ", "VND", "$", "US$", "€"): "VND", "USD", "EUR"; "" if none.
[[nodiscard]] std::string currency_code(std::string_view text);

// The currency of a Calc number format string, in every form Calc writes one:
//   "#,##0 [$₫-42A]", "#.##0 [$₫-42A]"  the [$SYMBOL-LCID] bracket ("$" there is syntax, not dollars)
//   "[$$-409]#,##0.00", "[$$-C09]..."   dollars, the LCID telling which ($-409 USD, $-C09 AUD, ...)
//   "[$USD] #,##0.00", "[$EUR-407]..."  an ISO code in the bracket
//   "#,##0\" ₫\"", "#,##0 \"VND\""      a quoted symbol or ISO code, or an escaped symbol (\€)
// "[$-42A]DD/MM/YYYY" (a locale without a symbol), "[RED]" and "0.00%" name none: "". A symbol we do
// not know is returned as written (so that it never silently matches an export); several different
// currencies in one format give "".
[[nodiscard]] std::string currency_of_number_format(std::string_view format);

} // namespace kpi
