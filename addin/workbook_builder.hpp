// Writes a kpi::workbook_model (src/include/kpi/workbook_template.hpp) into a Calc document:
// shared by the wizard's Finish (in the office) and `kpi new` (over the bridge). docs/workbook.md.
#pragma once

#include <kpi/workbook_template.hpp>

#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>

#include <array>
#include <string>

namespace kpi::uno_glue {

// The names the sheets got, indexed by kpi::sheet_role (a taken name gets " 2", " 3", ...).
using sheet_names = std::array<std::string, kpi::sheet_role_count>;

// Adds the model's sheets after the document's existing ones, never replacing or changing a
// sheet that is already there; named ranges whose names are taken get "_2", "_3", ... Cell
// contents go in one setDataArray per sheet and one setFormulaArray per rectangle of formulas.
// The icon set is created by importing a one-sheet document that has it (the UNO API of Calc 7.4
// cannot create icon-set entries); `context` loads that document. Run it inside an undo_context
// to make it one undo step. Throws css::uno::Exception or std::exception on failure.
sheet_names write_workbook(const css::uno::Reference<css::uno::XComponentContext>& context,
                           const css::uno::Reference<css::sheet::XSpreadsheetDocument>& document,
                           const kpi::workbook_model& model);

// View settings, after write_workbook and OUTSIDE its undo context (inside it, Calc 7.4 could no
// longer undo the sheet insertions): frozen header rows, and the Dashboard as the active sheet.
// Needs the document's controller; does nothing without one.
void show_workbook(const css::uno::Reference<css::sheet::XSpreadsheetDocument>& document,
                   const kpi::workbook_model& model, const sheet_names& names);

} // namespace kpi::uno_glue
