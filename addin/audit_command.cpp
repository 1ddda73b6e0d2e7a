// "Audit KPI register": finds the register on the active sheet, highlights flagged rows with a
// conditional format (cell style "KPI Flagged"), writes or refreshes the audit sheet ("KPI Audit",
// "Kiểm tra KPI" in a Vietnamese UI). Everything it changes is one undo step.
#include "calc_date.hpp"
#include "commands.hpp"
#include "sheet_grid.hpp"
#include "ui_language.hpp"
#include "undo_context.hpp"
#include "uno_strings.hpp"

#include <kpi/audit.hpp>

#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XNameContainer.hpp>
#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>
#include <com/sun/star/sheet/ConditionOperator.hpp>
#include <com/sun/star/sheet/XCellRangeData.hpp>
#include <com/sun/star/sheet/XNamedRanges.hpp>
#include <com/sun/star/sheet/XSheetConditionalEntries.hpp>
#include <com/sun/star/sheet/XSheetConditionalEntry.hpp>
#include <com/sun/star/sheet/XSheetOperation.hpp>
#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>
#include <com/sun/star/sheet/XSpreadsheetView.hpp>
#include <com/sun/star/sheet/CellFlags.hpp>
#include <com/sun/star/style/XStyleFamiliesSupplier.hpp>
#include <com/sun/star/table/CellAddress.hpp>
#include <com/sun/star/table/CellVertJustify2.hpp>
#include <com/sun/star/table/XColumnRowRange.hpp>
#include <com/sun/star/table/XTableColumns.hpp>
#include <com/sun/star/awt/FontWeight.hpp>
#include <com/sun/star/container/XNamed.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/sheet/XCellRangeAddressable.hpp>
#include <com/sun/star/sheet/XCellRangeReferrer.hpp>

#include <chrono>
#include <iterator>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

using css::uno::Any;
using css::uno::Reference;
using css::uno::Sequence;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;

namespace kpi::uno_glue {
namespace {

// The audit sheet's name in the UI language; a name already taken by a sheet the command did not
// make gets " 2", " 3", ...
constexpr kpi::text audit_sheet_name{"KPI Audit", "Kiểm tra KPI"};
constexpr char audit_marker_name[] = "KPI_Audit"; // named range that marks the sheet as ours
constexpr char flagged_style[] = "KPI Flagged";

std::string column_letters(sal_Int32 col) {
    std::string s;
    for (++col; col > 0; col = (col - 1) / 26) s.insert(s.begin(), static_cast<char>('A' + (col - 1) % 26));
    return s;
}

// The cell style flagged rows get; created once per document, never changed when it exists
// (the user may have restyled it).
void ensure_flagged_style(const Reference<css::frame::XModel>& model) {
    Reference<css::style::XStyleFamiliesSupplier> families(model, UNO_QUERY_THROW);
    Reference<css::container::XNameContainer> cell_styles(families->getStyleFamilies()->getByName("CellStyles"),
                                                         UNO_QUERY_THROW);
    if (cell_styles->hasByName(flagged_style)) return;
    Reference<css::lang::XMultiServiceFactory> factory(model, UNO_QUERY_THROW);
    Reference<css::beans::XPropertySet> style(factory->createInstance("com.sun.star.style.CellStyle"),
                                             UNO_QUERY_THROW);
    cell_styles->insertByName(flagged_style, Any(style));
    style->setPropertyValue("CellBackColor", Any(sal_Int32(0xFFD7D7)));
    style->setPropertyValue("CharColor", Any(sal_Int32(0x9C0006)));
}

// The audit sheet keeps, in a hidden column, a 1 on the row of each flagged KPI, aligned with the
// register's rows: the conditional format of a register row looks at one cell, O(1) per row. (A
// rule calling KPI.LINKSTATUS per row would hand Calc's whole register range to every call: O(n^2).)
constexpr sal_Int32 flag_column = 10; // K

css::table::CellRangeAddress kpi_rows(const sheet_block& block, const kpi::kpi_register& reg) {
    css::table::CellRangeAddress rows = block.address;
    rows.StartRow = block.address.StartRow + static_cast<sal_Int32>(reg.header_row()) + 1;
    rows.EndRow = block.address.StartRow + static_cast<sal_Int32>(reg.rows().back().grid_row);
    return rows;
}

void highlight_flagged_rows(const Reference<css::sheet::XSpreadsheet>& sheet, const sheet_block& block,
                            const kpi::kpi_register& reg, const std::string& audit_sheet) {
    if (reg.size() == 0) return;
    const auto rows = kpi_rows(block, reg);
    const std::string formula = "$'" + audit_sheet + "'.$" + column_letters(flag_column) +
                                std::to_string(rows.StartRow + 1) + "=1";

    auto cells = sheet->getCellRangeByPosition(rows.StartColumn, rows.StartRow, rows.EndColumn, rows.EndRow);
    Reference<css::beans::XPropertySet> props(cells, UNO_QUERY_THROW);
    Reference<css::sheet::XSheetConditionalEntries> entries(props->getPropertyValue("ConditionalFormat"),
                                                           UNO_QUERY_THROW);
    // Replace our own earlier rule (same style), keep any rule of the user's.
    for (sal_Int32 i = entries->getCount() - 1; i >= 0; --i) {
        Reference<css::sheet::XSheetConditionalEntry> entry(entries->getByIndex(i), UNO_QUERY);
        if (entry.is() && entry->getStyleName() == flagged_style) entries->removeByIndex(i);
    }
    std::vector<css::beans::PropertyValue> condition(4);
    condition[0].Name = "Operator";
    condition[0].Value <<= css::sheet::ConditionOperator_FORMULA;
    condition[1].Name = "Formula1";
    condition[1].Value <<= from_utf8(formula);
    condition[2].Name = "StyleName";
    condition[2].Value <<= OUString(flagged_style);
    condition[3].Name = "SourcePosition";
    condition[3].Value <<= css::table::CellAddress(0, rows.StartColumn, rows.StartRow);
    entries->addNew(Sequence<css::beans::PropertyValue>(condition.data(), static_cast<sal_Int32>(condition.size())));
    props->setPropertyValue("ConditionalFormat", Any(entries));
}

// Our audit sheet: the one the marker name points to; else a new sheet, under a free name.
Reference<css::sheet::XSpreadsheet> audit_sheet(const Reference<css::sheet::XSpreadsheetDocument>& doc,
                                                Reference<css::sheet::XNamedRanges>& names, bool& created,
                                                const std::string& base_name) {
    auto sheets = doc->getSheets();
    Reference<css::beans::XPropertySet> doc_props(doc, UNO_QUERY_THROW);
    names.set(doc_props->getPropertyValue("NamedRanges"), UNO_QUERY_THROW);
    if (names->hasByName(audit_marker_name)) {
        Reference<css::sheet::XCellRangeReferrer> marker(names->getByName(audit_marker_name), UNO_QUERY);
        if (marker.is() && marker->getReferredCells().is()) {
            Reference<css::sheet::XCellRangeAddressable> addr(marker->getReferredCells(), UNO_QUERY_THROW);
            Reference<css::container::XIndexAccess> by_index(sheets, UNO_QUERY_THROW);
            created = false;
            return Reference<css::sheet::XSpreadsheet>(by_index->getByIndex(addr->getRangeAddress().Sheet),
                                                       UNO_QUERY_THROW);
        }
    }
    std::string name = base_name;
    for (int n = 2; sheets->hasByName(from_utf8(name)); ++n) name = base_name + " " + std::to_string(n);
    Reference<css::container::XIndexAccess> by_index(sheets, UNO_QUERY_THROW);
    sheets->insertNewByName(from_utf8(name), static_cast<sal_Int16>(by_index->getCount()));
    created = true;
    return Reference<css::sheet::XSpreadsheet>(sheets->getByName(from_utf8(name)), UNO_QUERY_THROW);
}

// (setDataArray gets "" for empty cells: a void value in it crashes Calc 7.4.)
Any text_any(const std::string& s) { return Any(from_utf8(s)); }

// Writes or refreshes the audit sheet; returns its name.
std::string write_audit_sheet(const Reference<css::sheet::XSpreadsheetDocument>& doc, const kpi::audit_report& report,
                              const std::string& lang, const sheet_block& block) {
    Reference<css::sheet::XNamedRanges> names;
    bool created = false;
    auto sheet = audit_sheet(doc, names, created, std::string(audit_sheet_name.in(lang)));
    if (!created)
        Reference<css::sheet::XSheetOperation>(sheet, UNO_QUERY_THROW)
            ->clearContents(css::sheet::CellFlags::VALUE | css::sheet::CellFlags::STRING |
                            css::sheet::CellFlags::DATETIME | css::sheet::CellFlags::FORMULA |
                            css::sheet::CellFlags::ANNOTATION);

    const auto& reg = report.reg();
    const bool vi = lang.substr(0, 2) == "vi";
    // The link status in words, its machine code (as KPI.LINKSTATUS gives it) in a column of its own.
    const kpi::text headings[] = {{"ID", "ID"},
                                  {"KPI", "KPI"},
                                  {"Level", "Cấp độ"},
                                  {"Link", "Liên kết"},
                                  {"Code", "Mã"},
                                  {"SMART (0-5)", "SMART (0-5)"},
                                  {"First issue", "Vấn đề đầu tiên"},
                                  {"SMART issues", "Các tiêu chí SMART chưa đạt"}};
    constexpr sal_Int32 cols = static_cast<sal_Int32>(std::size(headings));
    std::vector<Sequence<Any>> rows;
    auto row = [&](std::vector<Any> cells) {
        cells.resize(cols, Any(OUString()));
        rows.emplace_back(cells.data(), cols);
    };
    // Title and notes stand alone on their rows: their text runs on over the empty cells beside them.
    row({text_any((vi ? "Kiểm tra bảng KPI, ngày " : "KPI register audit, ") + kpi::format_iso(report.today()))});
    row({text_any(std::to_string(report.kpi_count()) + (vi ? " KPI, " : " KPIs, ") +
                  std::to_string(report.flagged_count()) + (vi ? " cần xem lại" : " flagged"))});
    row({text_any(vi ? "Chỉ liệt kê KPI cần xem lại; các KPI khác liên kết OK và đạt SMART 5/5."
                     : "Only flagged KPIs are listed; all others link OK and meet SMART 5/5.")});
    row({});
    std::vector<Any> header;
    for (const auto& h : headings) header.push_back(text_any(std::string(h.in(lang))));
    row(header);
    const auto header_row = static_cast<sal_Int32>(rows.size() - 1);
    // The findings: flagged KPIs only (a KPI not listed is OK and 5/5), so a large clean register
    // costs little to report.
    for (std::size_t i = 0; i < report.kpi_count(); ++i) {
        const auto& r = report.rows()[i];
        if (!r.flagged()) continue;
        const auto level = reg[i].level;
        const std::string level_text = level == kpi::kpi_level::strategic
                                           ? std::string(vi ? "Chiến lược" : "Strategic")
                                           : level == kpi::kpi_level::tactical ? std::string(vi ? "Chiến thuật" : "Tactical")
                                                                               : reg.display(i, kpi::column::level);
        row({text_any(reg[i].id), text_any(reg.display(i, kpi::column::name)), text_any(level_text),
             text_any(std::string(kpi::link_status_words(r.link.code).in(lang))),
             text_any(std::string(kpi::to_string(r.link.code))), Any(static_cast<double>(r.smart_score())),
             text_any(report.first_issue(i, lang)), text_any(report.smart_issues(i, lang))});
    }
    const auto last_table_row = static_cast<sal_Int32>(rows.size() - 1);
    auto warnings = report.warning_texts(lang);
    for (auto& g : kpi::goals_without_tactical_texts(report, lang)) warnings.push_back(std::move(g));
    if (!warnings.empty()) {
        row({});
        row({text_any(vi ? "Cảnh báo" : "Warnings")});
        for (const auto& w : warnings) row({text_any(w)});
    }

    const auto n = static_cast<sal_Int32>(rows.size());
    auto range = sheet->getCellRangeByPosition(0, 0, cols - 1, n - 1);
    Reference<css::sheet::XCellRangeData>(range, UNO_QUERY_THROW)
        ->setDataArray(Sequence<Sequence<Any>>(rows.data(), n));

    Reference<css::beans::XPropertySet> bold(sheet->getCellRangeByPosition(0, header_row, cols - 1, header_row),
                                             UNO_QUERY_THROW);
    bold->setPropertyValue("CharWeight", Any(css::awt::FontWeight::BOLD));
    Reference<css::beans::XPropertySet>(sheet->getCellRangeByPosition(0, 0, 0, 0), UNO_QUERY_THROW)
        ->setPropertyValue("CharWeight", Any(css::awt::FontWeight::BOLD));
    // Columns wide enough for their usual content; the table's cells wrap (rows grow to fit), so a
    // long name, status or issue is never cut at the next column.
    auto columns = Reference<css::table::XColumnRowRange>(sheet, UNO_QUERY_THROW)->getColumns();
    const sal_Int32 widths[cols] = {2400, 6000, 2800, 4600, 2800, 2600, 9000, 12000}; // 1/100 mm
    for (sal_Int32 c = 0; c < cols; ++c)
        Reference<css::beans::XPropertySet>(columns->getByIndex(c), UNO_QUERY_THROW)
            ->setPropertyValue("Width", Any(widths[c]));
    Reference<css::beans::XPropertySet> table(
        sheet->getCellRangeByPosition(0, header_row, cols - 1, last_table_row), UNO_QUERY_THROW);
    table->setPropertyValue("IsTextWrapped", Any(true));
    table->setPropertyValue("VertJustify", Any(css::table::CellVertJustify2::TOP));
    // Every row the command wrote takes the height its wrapped text needs.
    Reference<css::beans::XPropertySet>(
        Reference<css::table::XColumnRowRange>(sheet->getCellRangeByPosition(0, 0, cols - 1, n - 1), UNO_QUERY_THROW)
            ->getRows(),
        UNO_QUERY_THROW)
        ->setPropertyValue("OptimalHeight", Any(true));

    // The flag column, row-aligned with the register (hidden: it is for the conditional format).
    // Only flagged rows get a cell; in-process calls are cheap.
    for (std::size_t i = 0; i < report.kpi_count(); ++i)
        if (report.rows()[i].flagged())
            sheet->getCellByPosition(flag_column, block.address.StartRow + static_cast<sal_Int32>(reg[i].grid_row))
                ->setValue(1.0);
    Reference<css::beans::XPropertySet>(columns->getByIndex(flag_column), UNO_QUERY_THROW)
        ->setPropertyValue("IsVisible", Any(false));

    // The marker: a named range over the audit table (also handy in formulas).
    const std::string sheet_name = to_utf8(Reference<css::container::XNamed>(sheet, UNO_QUERY_THROW)->getName());
    const std::string content = "$'" + sheet_name + "'.$A$" + std::to_string(header_row + 1) + ":$" +
                                column_letters(cols - 1) + "$" + std::to_string(last_table_row + 1);
    if (names->hasByName(audit_marker_name)) names->removeByName(audit_marker_name);
    names->addNewByName(audit_marker_name, from_utf8(content), css::table::CellAddress(0, 0, 0), 0);
    return sheet_name;
}

// With KPI_TIMINGS set in the office's environment, the command writes the time of each phase to
// stderr ("kpi-timing audit.read 0.355"): the in-Calc benchmark reads them from the office's log.
class phase_timer {
public:
    phase_timer() : enabled_(std::getenv("KPI_TIMINGS") != nullptr), start_(std::chrono::steady_clock::now()) {}
    void lap(const char* phase) {
        if (!enabled_) return;
        const auto now = std::chrono::steady_clock::now();
        std::fprintf(stderr, "kpi-timing audit.%s %.4f\n", phase, std::chrono::duration<double>(now - start_).count());
        std::fflush(stderr);
        start_ = now;
    }

private:
    bool enabled_;
    std::chrono::steady_clock::time_point start_;
};

} // namespace

void run_audit_command(const command_context& ctx) {
    const std::string lang = ui_language(ctx.uno);
    const bool vi = lang.substr(0, 2) == "vi";
    const std::string title = vi ? "Kiểm tra bảng KPI" : "Audit KPI register";
    if (!ctx.frame.is()) return;
    auto controller = ctx.frame->getController();
    Reference<css::frame::XModel> model(controller.is() ? controller->getModel() : nullptr);
    Reference<css::sheet::XSpreadsheetDocument> doc(model, UNO_QUERY);
    Reference<css::sheet::XSpreadsheetView> view(controller, UNO_QUERY);
    if (!doc.is() || !view.is()) return;

    auto sheet = view->getActiveSheet();
    phase_timer timer;
    auto block = read_used_area(sheet);
    timer.lap("read");
    kpi::parse_options options;
    options.header_scan_rows = 20; // skip a title above the table
    auto parsed = kpi::parse_register(std::move(block.cells), options);
    if (!parsed) {
        show_message(ctx, title, kpi::describe(parsed.error(), lang), true);
        return;
    }
    const auto& reg = parsed.value();
    timer.lap("parse");
    const auto report = kpi::audit(reg, today_serial());
    timer.lap("audit");

    std::string audit_name;
    {
        undo_context undo(model, title);
        ensure_flagged_style(model);
        audit_name = write_audit_sheet(doc, report, lang, block);
        timer.lap("write");
        highlight_flagged_rows(sheet, block, reg, audit_name);
        timer.lap("highlight");
    }
    view->setActiveSheet(sheet);
    const std::string summary =
        vi ? std::to_string(report.kpi_count()) + " KPI, " + std::to_string(report.flagged_count()) +
                 " KPI cần xem lại. Chi tiết ở trang \"" + audit_name + "\"."
           : std::to_string(report.kpi_count()) + " KPIs, " + std::to_string(report.flagged_count()) +
                 " flagged. Details are on the sheet \"" + audit_name + "\".";
    show_message(ctx, title, summary, false);
}

} // namespace kpi::uno_glue
