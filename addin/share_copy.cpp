#include "share_copy.hpp"

#include "document_files.hpp"
#include "uno_strings.hpp"

#include <kpi/catalog.hpp>
#include <kpi/text_fold.hpp>

#include <com/sun/star/container/XIndexAccess.hpp>
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
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/table/XCell.hpp>
#include <com/sun/star/text/XTextRange.hpp>

#include <algorithm>
#include <filesystem>
#include <set>
#include <tuple>
#include <vector>

namespace kpi::uno_glue {

using css::uno::Any;
using css::uno::Reference;
using css::uno::Sequence;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;

std::optional<share_format> parse_share_format(std::string_view key) {
    const std::string k = kpi::fold(key);
    if (k == "ods") return share_format::ods;
    if (k == "xlsx") return share_format::xlsx;
    return std::nullopt;
}

namespace {

bool uses_kpi(const OUString& formula) { return kpi::first_function_in(to_utf8(formula), false) != nullptr; }

// A formula that gives Calc's error `code` without the extension (and that Excel reads the same way).
OUString native_error_formula(sal_Int32 code) {
    switch (code) {
    case 532: return "=1/0";          // #DIV/0!
    case 503: return "=1E308*10";     // #NUM!
    case 519: return "=\"\"+\"x\"";   // #VALUE!
    default: return "=NA()";          // #N/A and the rest: not available
    }
}

void put_value(const Reference<css::sheet::XSpreadsheet>& sheet, sal_Int32 col, sal_Int32 row, share_result& result) {
    auto cell = sheet->getCellByPosition(col, row);
    const sal_Int32 error = cell->getError();
    sal_Int32 type = 0; // css::sheet::FormulaResult: VALUE 1, STRING 2, ERROR 4
    Reference<css::beans::XPropertySet>(cell, UNO_QUERY_THROW)->getPropertyValue("FormulaResultType2") >>= type;
    if (error != 0) {
        cell->setFormula(native_error_formula(error));
        ++result.errors;
    } else if (type == 2) {
        Reference<css::text::XTextRange> text(cell, UNO_QUERY_THROW);
        const OUString s = text->getString();
        text->setString(s); // replaces the formula by the text
    } else {
        cell->setValue(cell->getValue());
    }
    ++result.cells;
}

} // namespace

share_result replace_kpi_formulas(const Reference<css::sheet::XSpreadsheetDocument>& document) {
    share_result result;
    Reference<css::container::XIndexAccess> sheets(document->getSheets(), UNO_QUERY_THROW);
    for (sal_Int32 s = 0; s < sheets->getCount(); ++s) {
        Reference<css::sheet::XSpreadsheet> sheet(sheets->getByIndex(s), UNO_QUERY_THROW);
        auto formula_cells = Reference<css::sheet::XCellRangesQuery>(sheet, UNO_QUERY_THROW)
                                 ->queryContentCells(css::sheet::CellFlags::FORMULA);
        if (!formula_cells.is()) continue;
        std::set<std::tuple<sal_Int32, sal_Int32, sal_Int32, sal_Int32>> arrays_done;
        for (const auto& area : formula_cells->getRangeAddresses()) {
            auto range = sheet->getCellRangeByPosition(area.StartColumn, area.StartRow, area.EndColumn, area.EndRow);
            const auto formulas = Reference<css::sheet::XCellRangeFormula>(range, UNO_QUERY_THROW)->getFormulaArray();
            for (sal_Int32 r = 0; r < formulas.getLength(); ++r) {
                for (sal_Int32 c = 0; c < formulas[r].getLength(); ++c) {
                    const OUString& f = formulas[r][c];
                    if (!uses_kpi(f)) continue;
                    const sal_Int32 col = area.StartColumn + c, row = area.StartRow + r;
                    if (!f.startsWith("{")) {
                        put_value(sheet, col, row, result);
                        continue;
                    }
                    // An array formula: its whole range at once (a part of it cannot be changed), the
                    // first time one of its cells comes up (the snapshot above still shows the others).
                    const bool done = std::any_of(arrays_done.begin(), arrays_done.end(), [&](const auto& d) {
                        return col >= std::get<0>(d) && row >= std::get<1>(d) && col <= std::get<2>(d) &&
                               row <= std::get<3>(d);
                    });
                    if (done) continue;
                    auto cursor = sheet->createCursorByRange(
                        Reference<css::sheet::XSheetCellRange>(sheet->getCellRangeByPosition(col, row, col, row), UNO_QUERY_THROW));
                    cursor->collapseToCurrentArray();
                    const auto a = Reference<css::sheet::XCellRangeAddressable>(cursor, UNO_QUERY_THROW)->getRangeAddress();
                    if (!arrays_done.emplace(a.StartColumn, a.StartRow, a.EndColumn, a.EndRow).second) continue;
                    // Results first (errors by position), then the array goes, then the values come back.
                    struct result_cell {
                        bool is_error = false, is_text = false;
                        sal_Int32 error = 0;
                        double number = 0;
                        OUString text;
                    };
                    std::vector<result_cell> cells;
                    for (sal_Int32 y = a.StartRow; y <= a.EndRow; ++y)
                        for (sal_Int32 x = a.StartColumn; x <= a.EndColumn; ++x) {
                            auto cell = sheet->getCellByPosition(x, y);
                            result_cell rc;
                            rc.error = cell->getError();
                            rc.is_error = rc.error != 0;
                            sal_Int32 type = 0;
                            Reference<css::beans::XPropertySet>(cell, UNO_QUERY_THROW)->getPropertyValue("FormulaResultType2") >>= type;
                            rc.is_text = type == 2;
                            if (rc.is_text) rc.text = Reference<css::text::XTextRange>(cell, UNO_QUERY_THROW)->getString();
                            else rc.number = cell->getValue();
                            cells.push_back(rc);
                        }
                    Reference<css::sheet::XArrayFormulaRange>(cursor, UNO_QUERY_THROW)->setArrayFormula("");
                    std::size_t i = 0;
                    for (sal_Int32 y = a.StartRow; y <= a.EndRow; ++y)
                        for (sal_Int32 x = a.StartColumn; x <= a.EndColumn; ++x, ++i) {
                            auto cell = sheet->getCellByPosition(x, y);
                            const auto& rc = cells[i];
                            if (rc.is_error) {
                                cell->setFormula(native_error_formula(rc.error));
                                ++result.errors;
                            } else if (rc.is_text) {
                                Reference<css::text::XTextRange>(cell, UNO_QUERY_THROW)->setString(rc.text);
                            } else {
                                cell->setValue(rc.number);
                            }
                            ++result.cells;
                        }
                    ++result.arrays;
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
                                  const std::string& target_url, share_format format) {
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
