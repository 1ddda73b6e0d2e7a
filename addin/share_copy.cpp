#include "share_copy.hpp"

#include "document_files.hpp"
#include "uno_strings.hpp"

#include <kpi/catalog.hpp>
#include <kpi/text_fold.hpp>

#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/container/XNamed.hpp>
#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <com/sun/star/sheet/CellFlags.hpp>
#include <com/sun/star/sheet/XArrayFormulaRange.hpp>
#include <com/sun/star/sheet/XCalculatable.hpp>
#include <com/sun/star/sheet/XCellRangeAddressable.hpp>
#include <com/sun/star/sheet/XCellRangeData.hpp>
#include <com/sun/star/sheet/XCellRangeFormula.hpp>
#include <com/sun/star/sheet/XCellRangesQuery.hpp>
#include <com/sun/star/sheet/XSheetCellCursor.hpp>
#include <com/sun/star/sheet/XSheetCellRanges.hpp>
#include <com/sun/star/sheet/XSpreadsheet.hpp>
#include <com/sun/star/table/CellRangeAddress.hpp>
#include <com/sun/star/table/XCell.hpp>
#include <com/sun/star/util/XProtectable.hpp>

#include <algorithm>
#include <filesystem>
#include <utility>
#include <vector>

namespace kpi::uno_glue {

using css::uno::Any;
using css::uno::Reference;
using css::uno::Sequence;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;

std::optional<share_format> parse_share_format(std::string_view key) {
    const std::string k = kpi::fold(key);
    if (k == "ods" || k == "calc8") return share_format::ods;
    if (k == "xlsx" || k == "calc ms excel 2007 xml") return share_format::xlsx;
    return std::nullopt;
}

namespace {

bool uses_kpi(const OUString& formula) { return kpi::first_function_in(to_utf8(formula), false) != nullptr; }

// A formula that gives Calc's error `code` without the extension (and that Excel reads the same way).
// Errors without such a formula (Err:502, #REF!, ...) become #N/A: still an error, never a number.
OUString native_error_formula(sal_Int32 code) {
    switch (code) {
    case 532: return "=1/0";        // #DIV/0!
    case 503: return "=1E308*10";   // #NUM!
    case 519: return "=\"\"+\"x\""; // #VALUE!
    default: return "=NA()";        // #N/A and the rest: not available
    }
}

using data_rows = Sequence<Sequence<Any>>;

// Writes results read with getDataArray (a number, a text, void for an error) over `range`, whose
// formulas have gone or go now (setDataArray replaces them): values in one call, then the errors as
// native formulas (setDataArray must not get a void Any: Calc crashes on it).
void put_results(const Reference<css::sheet::XSpreadsheet>& sheet, const css::table::CellRangeAddress& range,
                 data_rows values, share_result& result) {
    std::vector<std::pair<sal_Int32, sal_Int32>> errors; // column, row
    for (sal_Int32 r = 0; r < values.getLength(); ++r) {
        Any* row = values.getArray()[r].getArray();
        for (sal_Int32 c = 0; c < values[r].getLength(); ++c) {
            if (row[c].hasValue()) continue;
            errors.emplace_back(range.StartColumn + c, range.StartRow + r);
            row[c] <<= OUString();
        }
    }
    std::vector<sal_Int32> codes; // read before the formulas go
    codes.reserve(errors.size());
    for (const auto& [col, row] : errors)
        codes.push_back(sheet->getCellByPosition(col, row)->getError());
    Reference<css::sheet::XCellRangeData>(
        sheet->getCellRangeByPosition(range.StartColumn, range.StartRow, range.EndColumn, range.EndRow),
        UNO_QUERY_THROW)
        ->setDataArray(values);
    for (std::size_t i = 0; i < errors.size(); ++i)
        sheet->getCellByPosition(errors[i].first, errors[i].second)
            ->setFormula(native_error_formula(codes[i]));
    result.cells += static_cast<std::size_t>((range.EndColumn - range.StartColumn + 1)) *
                    static_cast<std::size_t>(range.EndRow - range.StartRow + 1);
    result.errors += errors.size();
}

data_rows results_of(const Reference<css::sheet::XSpreadsheet>& sheet,
                     const css::table::CellRangeAddress& a) {
    return Reference<css::sheet::XCellRangeData>(
               sheet->getCellRangeByPosition(a.StartColumn, a.StartRow, a.EndColumn, a.EndRow),
               UNO_QUERY_THROW)
        ->getDataArray();
}

css::table::CellRangeAddress address(sal_Int16 sheet, sal_Int32 col0, sal_Int32 row0, sal_Int32 col1,
                                     sal_Int32 row1) {
    css::table::CellRangeAddress a;
    a.Sheet = sheet;
    a.StartColumn = col0;
    a.StartRow = row0;
    a.EndColumn = col1;
    a.EndRow = row1;
    return a;
}

bool contains(const css::table::CellRangeAddress& a, sal_Int32 col, sal_Int32 row) {
    return col >= a.StartColumn && col <= a.EndColumn && row >= a.StartRow && row <= a.EndRow;
}

// Replaces the array formula that covers (col, row) as a whole (a part of an array cannot be changed);
// false when it was replaced already.
bool replace_array(const Reference<css::sheet::XSpreadsheet>& sheet, sal_Int32 col, sal_Int32 row,
                   std::vector<css::table::CellRangeAddress>& arrays_done, share_result& result) {
    if (std::any_of(arrays_done.begin(), arrays_done.end(),
                    [&](const auto& a) { return contains(a, col, row); }))
        return false;
    auto cursor = sheet->createCursorByRange(Reference<css::sheet::XSheetCellRange>(
        sheet->getCellRangeByPosition(col, row, col, row), UNO_QUERY_THROW));
    cursor->collapseToCurrentArray();
    const auto a = Reference<css::sheet::XCellRangeAddressable>(cursor, UNO_QUERY_THROW)->getRangeAddress();
    arrays_done.push_back(a);
    auto values = results_of(sheet, a);
    // Error codes now, while the array is there (put_results would read them after it has gone).
    std::vector<std::pair<std::pair<sal_Int32, sal_Int32>, sal_Int32>> errors;
    for (sal_Int32 r = 0; r < values.getLength(); ++r)
        for (sal_Int32 c = 0; c < values[r].getLength(); ++c)
            if (!values[r][c].hasValue()) {
                const sal_Int32 x = a.StartColumn + c, y = a.StartRow + r;
                errors.push_back({{x, y}, sheet->getCellByPosition(x, y)->getError()});
                values.getArray()[r].getArray()[c] <<= OUString();
            }
    Reference<css::sheet::XArrayFormulaRange>(cursor, UNO_QUERY_THROW)->setArrayFormula("");
    put_results(sheet, a, values, result);
    for (const auto& [where, code] : errors)
        sheet->getCellByPosition(where.first, where.second)->setFormula(native_error_formula(code));
    result.errors += errors.size();
    ++result.arrays;
    return true;
}

// Makes a protected sheet writable before its first replacement (Calc refuses block writes there and
// silently keeps an array formula it was asked to clear): protection without a password is lifted
// and put back when the sheet is done; a password stops the copy with share_error.
class sheet_unlock {
public:
    explicit sheet_unlock(Reference<css::sheet::XSpreadsheet> sheet) : sheet_(std::move(sheet)) {}
    ~sheet_unlock() {
        if (!relock_) return;
        try {
            Reference<css::util::XProtectable>(sheet_, UNO_QUERY_THROW)->protect("");
        } catch (const css::uno::Exception&) {
            // The copy's sheet stays unprotected: its values are right all the same.
        }
    }
    sheet_unlock(const sheet_unlock&) = delete;
    sheet_unlock& operator=(const sheet_unlock&) = delete;

    void ensure() {
        if (checked_) return;
        checked_ = true;
        Reference<css::util::XProtectable> protectable(sheet_, UNO_QUERY);
        if (!protectable.is() || !protectable->isProtected()) return;
        try {
            protectable->unprotect("");
        } catch (const css::lang::IllegalArgumentException&) {
            const std::string name = to_utf8(Reference<css::container::XNamed>(sheet_, UNO_QUERY_THROW)->getName());
            throw share_error(share_error::kind::protected_sheet,
                              "the sheet '" + name + "' is protected with a password and holds KPI formulas: "
                              "remove its protection (Tools > Protect Sheet) to make a copy for sharing",
                              name);
        }
        relock_ = true;
    }

private:
    Reference<css::sheet::XSpreadsheet> sheet_;
    bool checked_ = false;
    bool relock_ = false;
};

} // namespace

share_error::share_error(kind reason, const std::string& message, std::string subject)
    : std::runtime_error(message), reason_(reason), subject_(std::move(subject)) {}

share_result replace_kpi_formulas(const Reference<css::sheet::XSpreadsheetDocument>& document) {
    share_result result;
    Reference<css::container::XIndexAccess> sheets(document->getSheets(), UNO_QUERY_THROW);
    for (sal_Int32 s = 0; s < sheets->getCount(); ++s) {
        Reference<css::sheet::XSpreadsheet> sheet(sheets->getByIndex(s), UNO_QUERY_THROW);
        // Only the formula cells, as rectangles, each read in two calls (formulas, results).
        auto formula_cells = Reference<css::sheet::XCellRangesQuery>(sheet, UNO_QUERY_THROW)
                                 ->queryContentCells(css::sheet::CellFlags::FORMULA);
        if (!formula_cells.is()) continue;
        std::vector<css::table::CellRangeAddress> arrays_done;
        sheet_unlock unlock(sheet);
        for (const auto& area : formula_cells->getRangeAddresses()) {
            auto range =
                sheet->getCellRangeByPosition(area.StartColumn, area.StartRow, area.EndColumn, area.EndRow);
            const auto formulas =
                Reference<css::sheet::XCellRangeFormula>(range, UNO_QUERY_THROW)->getFormulaArray();
            const auto results =
                Reference<css::sheet::XCellRangeData>(range, UNO_QUERY_THROW)->getDataArray();
            // Each cell: an ordinary formula, a single-cell KPI formula or part of a KPI array.
            enum : char { other, single, array };
            const sal_Int32 rows = formulas.getLength(), cols = rows ? formulas[0].getLength() : 0;
            std::vector<char> kind(static_cast<std::size_t>(rows) * static_cast<std::size_t>(cols), other);
            auto at = [&](sal_Int32 r, sal_Int32 c) -> char& {
                return kind[static_cast<std::size_t>(r) * static_cast<std::size_t>(cols) +
                            static_cast<std::size_t>(c)];
            };
            std::size_t singles = 0;
            for (sal_Int32 r = 0; r < rows; ++r)
                for (sal_Int32 c = 0; c < cols; ++c)
                    if (uses_kpi(formulas[r][c])) {
                        at(r, c) = formulas[r][c].startsWith("{") ? array : single;
                        singles += at(r, c) == single ? 1 : 0;
                    }
            if (singles == 0 && std::find(kind.begin(), kind.end(), array) == kind.end()) continue;
            unlock.ensure();
            if (singles == kind.size()) { // the whole rectangle: one write
                put_results(sheet, area, results, result);
                continue;
            }
            for (sal_Int32 r = 0; r < rows; ++r)
                for (sal_Int32 c = 0; c < cols; ++c)
                    if (at(r, c) == array)
                        replace_array(sheet, area.StartColumn + c, area.StartRow + r, arrays_done, result);
            // Single KPI cells mixed with other formulas: runs down the columns or along the rows,
            // whichever makes fewer writes (a column of =KPI.CPL(...) beside a =SUM column is one).
            std::size_t column_runs = 0, row_runs = 0;
            for (sal_Int32 r = 0; r < rows; ++r)
                for (sal_Int32 c = 0; c < cols; ++c)
                    if (at(r, c) == single) {
                        column_runs += (r == 0 || at(r - 1, c) != single) ? 1 : 0;
                        row_runs += (c == 0 || at(r, c - 1) != single) ? 1 : 0;
                    }
            const bool down = column_runs <= row_runs;
            const sal_Int32 lines = down ? cols : rows, length = down ? rows : cols;
            for (sal_Int32 line = 0; line < lines; ++line) {
                auto cell = [&](sal_Int32 i) -> char { return down ? at(i, line) : at(line, i); };
                for (sal_Int32 i = 0; i < length;) {
                    if (cell(i) != single) {
                        ++i;
                        continue;
                    }
                    sal_Int32 end = i;
                    while (end + 1 < length && cell(end + 1) == single) ++end;
                    data_rows run(down ? end - i + 1 : 1);
                    if (down) {
                        for (sal_Int32 k = i; k <= end; ++k)
                            run.getArray()[k - i] = Sequence<Any>(results[k].getConstArray() + line, 1);
                        put_results(sheet,
                                    address(area.Sheet, area.StartColumn + line, area.StartRow + i,
                                            area.StartColumn + line, area.StartRow + end),
                                    run, result);
                    } else {
                        run.getArray()[0] = Sequence<Any>(results[line].getConstArray() + i, end - i + 1);
                        put_results(sheet,
                                    address(area.Sheet, area.StartColumn + i, area.StartRow + line,
                                            area.StartColumn + end, area.StartRow + line),
                                    run, result);
                    }
                    i = end + 1;
                }
            }
        }
    }
    return result;
}

void store_as(const Reference<css::sheet::XSpreadsheetDocument>& document, const std::string& target_url,
              share_format format) {
    store_to_url(Reference<css::lang::XComponent>(document, UNO_QUERY_THROW), target_url,
                 format == share_format::xlsx ? "Calc MS Excel 2007 XML" : "calc8");
}

share_result write_shareable_copy(const Reference<css::uno::XComponentContext>& context,
                                  const Reference<css::sheet::XSpreadsheetDocument>& document,
                                  const std::string& target_url, share_format format, bool overwrite) {
    if (!overwrite) {
        const std::string path = system_path(from_utf8(target_url));
        std::error_code ec;
        if (!path.empty() && std::filesystem::exists(path, ec))
            throw share_error(share_error::kind::target_exists, path + " exists and was not overwritten", path);
    }
    // storeToURL: the document keeps its location and its modified state.
    const temporary_file temp("ods");
    store_as(document, temp.url(), share_format::ods);
    const hidden_document loaded(context, from_utf8(temp.url()));
    const auto& copy = loaded.component();
    Reference<css::sheet::XSpreadsheetDocument> spreadsheet(copy, UNO_QUERY_THROW);
    Reference<css::sheet::XCalculatable>(copy, UNO_QUERY_THROW)->calculateAll();
    const auto result = replace_kpi_formulas(spreadsheet);
    store_as(spreadsheet, target_url, format);
    return result;
}

} // namespace kpi::uno_glue
