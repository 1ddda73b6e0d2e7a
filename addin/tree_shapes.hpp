// The KPI tree's layout (kpi/tree_layout.hpp) as drawing shapes: one page of it on a Calc draw page.
// Shared by "Draw KPI tree" (a sheet of the workbook, boxes hyperlinked to the register) and the report
// (one sheet per layout page after the executive summary).
#pragma once

#include <kpi/tree_layout.hpp>

#include <com/sun/star/drawing/XDrawPage.hpp>
#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>

#include <cstddef>
#include <functional>
#include <string>

namespace kpi::uno_glue {

// Shape names: every shape of a tree is named with this prefix ("kpitree:box:3", "kpitree:edge:2",
// "kpitree:label:0").
inline constexpr char tree_shape_prefix[] = "kpitree:";

// The numbers the next shapes' names get (counted over the pages drawn on one draw page).
struct tree_shape_numbers {
    std::size_t label = 0, box = 0, edge = 0;
};

// Draws page `page` of the layout on `draw_page`, `dy` mm below the page's top: its labels, one
// rectangle per box (bold ID, short name, actual / target, the status colour; the full name in the
// description), connectors glued to the boxes. `link` gives a box's hyperlink ("" or an empty
// function: none).
void draw_tree_page(const css::uno::Reference<css::sheet::XSpreadsheetDocument>& doc,
                    const css::uno::Reference<css::drawing::XDrawPage>& draw_page,
                    const kpi::tree_layout& layout, std::size_t page, double dy, tree_shape_numbers& numbers,
                    const std::function<std::string(const kpi::tree_box&)>& link = {});

} // namespace kpi::uno_glue
