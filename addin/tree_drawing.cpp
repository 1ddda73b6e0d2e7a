#include "tree_drawing.hpp"
#include "tree_shapes.hpp"

#include "calc_date.hpp"
#include "commands.hpp"
#include "sheet_grid.hpp"
#include "ui_language.hpp"
#include "undo_context.hpp"
#include "uno_strings.hpp"

#include <kpi/audit.hpp>

#include <com/sun/star/awt/FontWeight.hpp>
#include <com/sun/star/awt/Point.hpp>
#include <com/sun/star/awt/Size.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/container/XNamed.hpp>
#include <com/sun/star/document/XUndoManagerSupplier.hpp>
#include <com/sun/star/drawing/ConnectorType.hpp>
#include <com/sun/star/drawing/LineStyle.hpp>
#include <com/sun/star/drawing/TextHorizontalAdjust.hpp>
#include <com/sun/star/drawing/TextVerticalAdjust.hpp>
#include <com/sun/star/drawing/XDrawPage.hpp>
#include <com/sun/star/drawing/XDrawPages.hpp>
#include <com/sun/star/drawing/XDrawPagesSupplier.hpp>
#include <com/sun/star/drawing/XShape.hpp>
#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>
#include <com/sun/star/sheet/XCellRangeAddressable.hpp>
#include <com/sun/star/sheet/XCellRangeReferrer.hpp>
#include <com/sun/star/sheet/XNamedRanges.hpp>
#include <com/sun/star/sheet/XSpreadsheetView.hpp>
#include <com/sun/star/table/CellAddress.hpp>
#include <com/sun/star/text/XText.hpp>
#include <com/sun/star/text/XTextCursor.hpp>
#include <com/sun/star/text/XTextRange.hpp>
#include <com/sun/star/util/XProtectable.hpp>

#include <vector>

using css::uno::Any;
using css::uno::Reference;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;

namespace kpi::uno_glue {
namespace {

constexpr kpi::text tree_sheet_name{"KPI Tree", "Cây KPI"};
std::string column_letters(sal_Int32 col) {
    std::string s;
    for (++col; col > 0; col = (col - 1) / 26)
        s.insert(s.begin(), static_cast<char>('A' + (col - 1) % 26));
    return s;
}

// The command's earlier tree sheet (the one holding the sheet-local marker name), removed with the
// undo manager locked: Calc 7.4 crashes undoing the removal of a sheet that holds shapes. Earlier undo
// steps could then refer to sheets by positions that moved, so the undo history is cleared first.
// Returns the removed sheet's name and position (name "" when there was none).
std::pair<std::string, sal_Int16> remove_old_tree(const Reference<css::frame::XModel>& model,
                                                  const Reference<css::sheet::XSpreadsheetDocument>& doc) {
    auto sheets = doc->getSheets();
    Reference<css::container::XIndexAccess> by_index(sheets, UNO_QUERY_THROW);
    for (sal_Int32 s = 0; s < by_index->getCount(); ++s) {
        Reference<css::beans::XPropertySet> sheet(by_index->getByIndex(s), UNO_QUERY_THROW);
        Reference<css::sheet::XNamedRanges> local(sheet->getPropertyValue("NamedRanges"), UNO_QUERY);
        if (!local.is() || !local->hasByName(tree_marker_name))
            continue;
        const std::string name =
            to_utf8(Reference<css::container::XNamed>(sheet, UNO_QUERY_THROW)->getName());
        Reference<css::document::XUndoManagerSupplier> supplier(model, UNO_QUERY);
        auto undo = supplier.is() ? supplier->getUndoManager() : nullptr;
        if (undo.is()) {
            undo->clear();
            undo->lock();
        }
        try {
            sheets->removeByName(from_utf8(name));
        } catch (...) {
            if (undo.is())
                undo->unlock();
            throw;
        }
        if (undo.is())
            undo->unlock();
        return {name, static_cast<sal_Int16>(s)};
    }
    return {"", static_cast<sal_Int16>(by_index->getCount())};
}

// The tree sheet: at `place` (the old tree's name and position), else a new sheet at the end under a
// free name; marked with a sheet-local named range.
Reference<css::sheet::XSpreadsheet> tree_sheet(const Reference<css::sheet::XSpreadsheetDocument>& doc,
                                               const std::string& base_name,
                                               const std::pair<std::string, sal_Int16>& old) {
    auto sheets = doc->getSheets();
    std::string name = old.first;
    if (name.empty()) {
        name = base_name;
        for (int n = 2; sheets->hasByName(from_utf8(name)); ++n)
            name = base_name + " " + std::to_string(n);
    }
    sheets->insertNewByName(from_utf8(name), old.second);
    Reference<css::beans::XPropertySet> sheet(sheets->getByName(from_utf8(name)), UNO_QUERY_THROW);
    Reference<css::sheet::XNamedRanges>(sheet->getPropertyValue("NamedRanges"), UNO_QUERY_THROW)
        ->addNewByName(tree_marker_name, from_utf8("$'" + name + "'.$A$1"),
                       css::table::CellAddress(old.second, 0, 0), 0);
    return Reference<css::sheet::XSpreadsheet>(sheet, UNO_QUERY_THROW);
}

} // namespace

std::string cell_link(const std::string& sheet, sal_Int32 column, sal_Int32 row) {
    bool plain = !sheet.empty();
    for (const char c : sheet)
        if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'))
            plain = false;
    std::string quoted = sheet;
    if (!plain) {
        quoted.clear();
        for (const char c : sheet)
            quoted += c == '\'' ? std::string("''") : std::string(1, c);
        quoted = "'" + quoted + "'";
    }
    return "#" + quoted + "." + column_letters(column) + std::to_string(row + 1);
}

std::string draw_tree(const Reference<css::sheet::XSpreadsheetDocument>& doc, const kpi::tree_layout& layout,
                      const kpi::kpi_register& reg, const register_place& place,
                      const std::pair<std::string, sal_Int16>& old) {
    const std::string lang = layout.options.language;
    auto sheet = tree_sheet(doc, std::string(tree_sheet_name.in(lang)), old);
    // Calc's draw page of a sheet has the sheet's index (XDrawPageSupplier of a sheet is deprecated).
    const sal_Int16 index =
        Reference<css::sheet::XCellRangeAddressable>(sheet, UNO_QUERY_THROW)->getRangeAddress().Sheet;
    Reference<css::drawing::XDrawPage> page(
        Reference<css::drawing::XDrawPagesSupplier>(doc, UNO_QUERY_THROW)->getDrawPages()->getByIndex(index),
        UNO_QUERY_THROW);
    const sal_Int32 id_column =
        place.block.StartColumn + static_cast<sal_Int32>(reg.column_index(kpi::column::id).value_or(0));
    const auto link = [&](const kpi::tree_box& b) {
        return cell_link(place.sheet, id_column, place.block.StartRow + static_cast<sal_Int32>(b.grid_row));
    };
    tree_shape_numbers numbers;
    for (std::size_t p = 0; p < layout.pages.size(); ++p)
        draw_tree_page(doc, page, layout, p, static_cast<double>(p) * layout.options.page_height, numbers,
                       link);
    return to_utf8(Reference<css::container::XNamed>(sheet, UNO_QUERY_THROW)->getName());
}

// "Draw KPI tree": the register of the active sheet, else of the first sheet holding one.
void run_tree_command(const command_context& ctx) {
    const std::string lang = ui_language(ctx.uno);
    const bool vi = lang.substr(0, 2) == "vi";
    const std::string title = vi ? "Vẽ cây KPI" : "Draw KPI tree";
    if (!ctx.frame.is())
        return;
    auto controller = ctx.frame->getController();
    Reference<css::frame::XModel> model(controller.is() ? controller->getModel() : nullptr);
    Reference<css::sheet::XSpreadsheetDocument> doc(model, UNO_QUERY);
    Reference<css::sheet::XSpreadsheetView> view(controller, UNO_QUERY);
    if (!doc.is() || !view.is())
        return;

    // A protected structure forbids new sheets (the API would add one anyway).
    if (Reference<css::util::XProtectable> protectable(doc, UNO_QUERY);
        protectable.is() && protectable->isProtected()) {
        show_message(
            ctx, title,
            vi ? "Cấu trúc bảng tính đang được bảo vệ: hãy bỏ bảo vệ (Công cụ > Bảo vệ cấu trúc bảng tính) "
                 "để vẽ cây KPI."
               : "The spreadsheet's structure is protected: unprotect it (Tools > Protect Spreadsheet "
                 "Structure) to draw the KPI tree.",
            true);
        return;
    }
    // Candidates: the active sheet, then every sheet in order (not our tree sheet: it holds no cells).
    std::vector<Reference<css::sheet::XSpreadsheet>> candidates{view->getActiveSheet()};
    Reference<css::container::XIndexAccess> sheets(doc->getSheets(), UNO_QUERY_THROW);
    for (sal_Int32 s = 0; s < sheets->getCount(); ++s)
        candidates.emplace_back(sheets->getByIndex(s), UNO_QUERY_THROW);
    std::optional<kpi::register_result> found;
    std::optional<kpi::register_error> first_error;
    register_place place;
    for (const auto& sheet : candidates) {
        auto block = read_used_area(sheet);
        kpi::parse_options options;
        options.header_scan_rows = 20;
        const auto address = block.address;
        auto parsed = kpi::parse_register(std::move(block.cells), options);
        if (!parsed) {
            if (!first_error)
                first_error = parsed.error();
            continue;
        }
        place.sheet = to_utf8(Reference<css::container::XNamed>(sheet, UNO_QUERY_THROW)->getName());
        place.block = address;
        found.emplace(std::move(parsed));
        break;
    }
    if (!found) {
        show_message(ctx, title, first_error ? kpi::describe(*first_error, lang) : std::string(), true);
        return;
    }
    const auto& reg = found->value();
    const auto audit = kpi::audit(reg, today_serial());
    kpi::tree_options options;
    options.language = vi ? "vi" : "en";
    const auto layout = kpi::layout_tree(audit, options);

    std::string sheet_name;
    bool failed = false;
    std::string failure;
    model->lockControllers();
    std::pair<std::string, sal_Int16> old;
    try {
        old = remove_old_tree(model, doc);
    } catch (const css::uno::Exception& e) {
        model->unlockControllers();
        show_message(ctx, title,
                     (vi ? "Không vẽ được cây KPI: " : "The KPI tree could not be drawn: ") +
                         to_utf8(e.Message),
                     true);
        return;
    }
    Reference<css::document::XUndoManagerSupplier> supplier(model, UNO_QUERY);
    auto undo_manager = supplier.is() ? supplier->getUndoManager() : nullptr;
    const sal_Int32 steps_before = undo_manager.is() ? undo_manager->getAllUndoActionTitles().getLength() : 0;
    {
        undo_context undo(model, title);
        try {
            sheet_name = draw_tree(doc, layout, reg, place, old);
        } catch (const css::uno::Exception& e) {
            failed = true;
            failure = to_utf8(e.Message);
        } catch (const std::exception& e) {
            failed = true;
            failure = e.what();
        }
    }
    model->unlockControllers();
    if (failed) {
        // Never leave a half-drawn tree: undo the step just closed, when it recorded anything (an empty
        // context adds no step: undoing then would revert the user's own last change).
        if (undo_manager.is() && undo_manager->getAllUndoActionTitles().getLength() > steps_before)
            undo_manager->undo();
        show_message(ctx, title,
                     (vi ? "Không vẽ được cây KPI: " : "The KPI tree could not be drawn: ") + failure, true);
        return;
    }
    view->setActiveSheet(Reference<css::sheet::XSpreadsheet>(
        doc->getSheets()->getByName(from_utf8(sheet_name)), UNO_QUERY_THROW));
    const std::string summary =
        vi ? std::to_string(reg.size()) + " KPI, " + std::to_string(layout.goal_count) + " mục tiêu, " +
                 std::to_string(layout.lane_count) + " KPI chưa liên kết. Cây KPI ở trang \"" + sheet_name +
                 "\"."
           : std::to_string(reg.size()) + " KPIs, " + std::to_string(layout.goal_count) + " goals, " +
                 std::to_string(layout.lane_count) + " not linked. The tree is on the sheet \"" + sheet_name +
                 "\".";
    show_message(ctx, title, summary, false);
}

} // namespace kpi::uno_glue
