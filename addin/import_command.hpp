// Channel data import, the UNO side (docs/import.md): reads exports (CSV bytes, or an XLSX/ODS
// opened hidden in the office), finds the workbook's Data sheet (data_sheet.hpp) and writes the
// aggregated (period, channel) rows into it. Shared by the menu command (import_menu.cpp, in the
// office) and `kpi import` (over the bridge), in the kpi_glue library.
#pragma once

#include <kpi/import.hpp>

#include <com/sun/star/sheet/XSpreadsheet.hpp>
#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>
#include <com/sun/star/table/CellRangeAddress.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>

#include <array>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace kpi::uno_glue {

// Where the Data sheet's table is and what it holds.
struct data_sheet_layout {
    css::uno::Reference<css::sheet::XSpreadsheet> sheet;
    std::string name;                      // the sheet's name ("Dữ liệu", "Data")
    std::string language;                  // "vi" when its key headers are Kỳ / Kênh
    sal_Int32 header_row = 0;              // absolute sheet row of the header
    sal_Int32 period_col = 0, channel_col = 0;
    sal_Int32 first_col = 0, last_col = 0; // the table's columns (header cells that are not empty)
    std::array<sal_Int32, kpi::measure_count> measure_col{}; // -1: the sheet has no such column
    sal_Int32 last_data_row = 0;           // last row with a period or channel (header_row if none)
    kpi::period_granularity periods = kpi::period_granularity::month; // from the period texts ("2026-Q1")
    std::string currency;                  // from the Spend column's number format ("VND"), "" if none
};

// The first sheet whose header row (in its first 20 rows) names Period/Kỳ and Channel/Kênh.
std::optional<data_sheet_layout> find_data_sheet(const css::uno::Reference<css::sheet::XSpreadsheetDocument>& doc);

struct write_report {
    std::size_t cells_changed = 0;
    std::size_t rows_updated = 0;  // existing rows with at least one changed cell
    std::size_t rows_appended = 0;
    std::vector<kpi::measure> missing_columns; // imported measures the sheet has no column for
};

// Sets the measure cells of the matching (period, channel) rows when their value differs; appends
// missing rows after the last data row (period, channel title in the sheet's language, measures;
// formulas and formats copied from the row above). Never touches other cells.
write_report write_data_rows(data_sheet_layout& layout, const std::vector<kpi::period_values>& rows);

// Reads one export: a spreadsheet file (.xlsx/.xls/.ods by their magic bytes) is opened hidden and
// read-only in the office and its first sheet read; anything else is CSV text.
kpi::import_result read_export(const css::uno::Reference<css::uno::XComponentContext>& context,
                               const std::filesystem::path& file, const kpi::import_options& options);

struct import_run {
    bool ok = false;
    std::string message;                    // the summary or the error, in the requested language
    std::vector<kpi::import_summary> files; // when ok
    std::vector<std::string> warnings;      // files given twice (counted once), in the requested language
    write_report written;                   // when ok
};

// The whole import into a document: find the Data sheet, read and check every export, merge, and
// only then write (any error leaves the document as it was). `workbook_currency` overrides the one
// read from the Spend column's format when not empty; `rates` convert exports in other currencies
// (kpi::import_options::rates). A file given twice (same path or same bytes) is read once, with a
// warning. The caller wraps it in an undo context.
import_run import_files(const css::uno::Reference<css::uno::XComponentContext>& context,
                        const css::uno::Reference<css::sheet::XSpreadsheetDocument>& doc,
                        const std::vector<std::filesystem::path>& files, const std::string& language,
                        const std::string& workbook_currency = "",
                        const std::map<std::string, double>& rates = {});

} // namespace kpi::uno_glue
