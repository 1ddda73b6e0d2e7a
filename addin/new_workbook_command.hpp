// The wizard's Finish: builds the KPI workbook into the frame's document as one undo step.
#pragma once

#include "commands.hpp"
#include "workbook_builder.hpp"

#include <kpi/workbook_profile.hpp>

namespace kpi::uno_glue {

// Builds the template for `profile` (today = the office's local date) into the document of
// ctx.frame, after its existing sheets (taken names get " 2", ...), inside one undo context:
// one Undo removes everything it added. The Dashboard is the active sheet afterwards.
// Returns the names the sheets got. Throws std::invalid_argument for a profile the template
// cannot build, std::runtime_error when the frame has no spreadsheet, css::uno::Exception when
// the office fails.
sheet_names run_new_workbook(const command_context& ctx, const kpi::workbook_profile& profile);

} // namespace kpi::uno_glue
