#include "new_workbook_command.hpp"

#include "calc_date.hpp"
#include "undo_context.hpp"

#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/frame/XModel.hpp>

#include <stdexcept>

namespace kpi::uno_glue {

sheet_names run_new_workbook(const command_context& ctx, const kpi::workbook_profile& profile) {
    const auto model = kpi::build_template(profile, today_serial()); // throws before touching the document
    if (!ctx.frame.is()) throw std::runtime_error("no window to build the KPI workbook in");
    auto controller = ctx.frame->getController();
    css::uno::Reference<css::frame::XModel> document(controller.is() ? controller->getModel() : nullptr);
    css::uno::Reference<css::sheet::XSpreadsheetDocument> spreadsheet(document, css::uno::UNO_QUERY);
    if (!spreadsheet.is()) throw std::runtime_error("the KPI workbook can only be built in a spreadsheet");
    sheet_names names;
    {
        undo_context undo(document, profile.language == "vi" ? "Tạo sổ KPI" : "New KPI workbook");
        names = write_workbook(ctx.uno, spreadsheet, model);
    }
    show_workbook(spreadsheet, model, names);
    return names;
}

} // namespace kpi::uno_glue
