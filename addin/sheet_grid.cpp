#include "sheet_grid.hpp"

#include "uno_strings.hpp"

#include <algorithm>

#include <com/sun/star/sheet/CellFlags.hpp>
#include <com/sun/star/sheet/XCellRangeAddressable.hpp>
#include <com/sun/star/sheet/XCellRangeData.hpp>
#include <com/sun/star/sheet/XCellRangesQuery.hpp>
#include <com/sun/star/sheet/XSheetCellRanges.hpp>
#include <com/sun/star/sheet/XSheetCellCursor.hpp>
#include <com/sun/star/sheet/XUsedAreaCursor.hpp>

namespace kpi::uno_glue {

namespace {

// UTF-16 to UTF-8 with a copy-only path for ASCII text (most register cells): one allocation.
std::string utf8_of(const OUString& s) {
    const sal_Unicode* p = s.getStr();
    const auto n = static_cast<std::size_t>(s.getLength());
    std::string out(n, '\0');
    for (std::size_t i = 0; i < n; ++i) {
        if (p[i] >= 0x80) return to_utf8(s);
        out[i] = static_cast<char>(p[i]);
    }
    return out;
}

} // namespace

void mark_formula_cells(sheet_block& block, const css::uno::Reference<css::uno::XInterface>& range) {
    // One call: Calc answers with the blocks of formula cells (a column of formulas is one range),
    // so the cost is the number of formula cells, not another read of the whole area.
    css::uno::Reference<css::sheet::XCellRangesQuery> query(range, css::uno::UNO_QUERY);
    if (!query.is()) return;
    const auto formulas = query->queryContentCells(css::sheet::CellFlags::FORMULA);
    if (!formulas.is()) return;
    const auto& area = block.address;
    const auto rows = static_cast<sal_Int32>(block.cells.rows());
    const auto cols = static_cast<sal_Int32>(block.cells.cols());
    for (const auto& a : formulas->getRangeAddresses()) {
        if (a.Sheet != area.Sheet) continue;
        for (sal_Int32 r = std::max(a.StartRow, area.StartRow); r <= a.EndRow && r - area.StartRow < rows; ++r)
            for (sal_Int32 c = std::max(a.StartColumn, area.StartColumn); c <= a.EndColumn && c - area.StartColumn < cols;
                 ++c)
                block.cells.set_formula(static_cast<std::size_t>(r - area.StartRow),
                                        static_cast<std::size_t>(c - area.StartColumn));
    }
}

kpi::grid to_grid(const css::uno::Sequence<css::uno::Sequence<css::uno::Any>>& data) {
    std::size_t cols = 0;
    for (const auto& row : data) cols = std::max(cols, static_cast<std::size_t>(row.getLength()));
    kpi::grid grid(static_cast<std::size_t>(data.getLength()), cols);
    for (sal_Int32 r = 0; r < data.getLength(); ++r) {
        const auto& row = data[r];
        for (sal_Int32 c = 0; c < row.getLength(); ++c) {
            const auto& value = row[c];
            auto& out = grid.at(static_cast<std::size_t>(r), static_cast<std::size_t>(c));
            if (value.getValueTypeClass() == css::uno::TypeClass_DOUBLE) {
                out = kpi::grid_cell(*static_cast<const double*>(value.getValue()));
            } else if (value.getValueTypeClass() == css::uno::TypeClass_STRING) {
                const auto& s = *static_cast<const OUString*>(value.getValue());
                if (!s.isEmpty()) out = kpi::grid_cell(utf8_of(s));
            } else {
                double number = 0.0;
                if (value >>= number) out = kpi::grid_cell(number);
            }
        }
    }
    return grid;
}

sheet_block read_used_area(const css::uno::Reference<css::sheet::XSpreadsheet>& sheet) {
    auto cursor = sheet->createCursor();
    css::uno::Reference<css::sheet::XUsedAreaCursor> used(cursor, css::uno::UNO_QUERY_THROW);
    used->gotoStartOfUsedArea(false);
    used->gotoEndOfUsedArea(true);
    sheet_block block;
    block.address = css::uno::Reference<css::sheet::XCellRangeAddressable>(cursor, css::uno::UNO_QUERY_THROW)
                        ->getRangeAddress();
    block.cells = to_grid(css::uno::Reference<css::sheet::XCellRangeData>(cursor, css::uno::UNO_QUERY_THROW)
                              ->getDataArray());
    mark_formula_cells(block, cursor);
    return block;
}

} // namespace kpi::uno_glue
