// "Draw KPI tree": the core's tree layout (kpi/tree_layout.hpp) as shapes on a sheet of its own
// ("KPI Tree" / "Cây KPI"): one rectangle per KPI (ID, short name, actual / target, the status
// colour), connectors glued to the boxes, each box hyperlinked to its register row. docs/register.md.
#pragma once

#include "tree_shapes.hpp"

#include <kpi/tree_layout.hpp>

#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>
#include <com/sun/star/table/CellRangeAddress.hpp>

#include <string>
#include <utility>

namespace kpi::uno_glue {

// The sheet-local named range that marks the tree sheet as the command's (it points at A1 of that
// sheet). A redraw replaces that sheet (and only it) by a new one of the same name and place.
inline constexpr char tree_marker_name[] = "KPI_Tree";

// Where the register is: its sheet's name and the address its grid was read from.
struct register_place {
    std::string sheet;
    css::table::CellRangeAddress block;
};

// Draws (or redraws) the tree on a new tree sheet; returns the sheet's name.
// The caller wraps it in one undo step.
std::string draw_tree(const css::uno::Reference<css::sheet::XSpreadsheetDocument>& doc,
                      const kpi::tree_layout& layout, const kpi::kpi_register& reg,
                      const register_place& place);

// The hyperlink target of a register cell: "#Register.A5", "#'KPI register'.A5".
std::string cell_link(const std::string& sheet, sal_Int32 column, sal_Int32 row);

} // namespace kpi::uno_glue
