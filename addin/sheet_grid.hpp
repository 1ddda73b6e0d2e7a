// Calc cell data as the core's kpi::grid: for the cell functions (range arguments), the menu
// commands (a sheet's used area) and the kpi tool (the same API, over the bridge).
#pragma once

#include <kpi/register.hpp>

#include <com/sun/star/sheet/XSpreadsheet.hpp>
#include <com/sun/star/table/CellRangeAddress.hpp>
#include <com/sun/star/uno/Any.hxx>
#include <com/sun/star/uno/Sequence.hxx>

namespace kpi::uno_glue {

// A range argument or getDataArray() result: numbers stay numbers, text becomes UTF-8 text,
// empty cells (void or "") are empty.
kpi::grid to_grid(const css::uno::Sequence<css::uno::Sequence<css::uno::Any>>& data);

struct sheet_block {
    kpi::grid cells;
    css::table::CellRangeAddress address; // where `cells` was read from
};

// Marks the formula cells of `range` (the range block.cells was read from) in block.cells, so the
// core can tell a typed Actual from a live one. One query for the whole range.
void mark_formula_cells(sheet_block& block, const css::uno::Reference<css::uno::XInterface>& range);

// The used area of a sheet, read in one call, its formula cells marked.
sheet_block read_used_area(const css::uno::Reference<css::sheet::XSpreadsheet>& sheet);

} // namespace kpi::uno_glue
