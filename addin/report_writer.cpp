#include "report_writer.hpp"

#include "calc_date.hpp"
#include "document_files.hpp"
#include "sheet_grid.hpp"
#include "tree_shapes.hpp"
#include "uno_strings.hpp"
#include "workbook_builder.hpp"

#include <kpi/html_report.hpp>
#include <kpi/text_fold.hpp>

#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/container/XNamed.hpp>
#include <com/sun/star/document/XDocumentProperties.hpp>
#include <com/sun/star/document/XDocumentPropertiesSupplier.hpp>
#include <com/sun/star/sheet/XCellRangeData.hpp>
#include <com/sun/star/sheet/XCellRangeFormula.hpp>
#include <com/sun/star/sheet/XCellRangeReferrer.hpp>
#include <com/sun/star/sheet/XNamedRanges.hpp>
#include <com/sun/star/chart/XChartDocument.hpp>
#include <com/sun/star/document/XEmbeddedObjectSupplier.hpp>
#include <com/sun/star/table/XTableChartsSupplier.hpp>
#include <com/sun/star/sheet/XSpreadsheet.hpp>
#include <com/sun/star/sheet/XSpreadsheets.hpp>
#include <com/sun/star/sheet/XCellRangeAddressable.hpp>
#include <com/sun/star/drawing/XDrawPage.hpp>
#include <com/sun/star/drawing/XDrawPagesSupplier.hpp>
#include <com/sun/star/table/XColumnRowRange.hpp>
#include <com/sun/star/table/XTableColumns.hpp>
#include <com/sun/star/table/XTableRows.hpp>

#include <stdexcept>

namespace kpi::uno_glue {

using css::uno::Any;
using css::uno::Reference;
using css::uno::Sequence;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;

std::optional<report_format> parse_report_format(std::string_view key) {
    const std::string k = kpi::fold(key);
    if (k == "pdf") return report_format::pdf;
    if (k == "ods") return report_format::ods;
    if (k == "xlsx") return report_format::xlsx;
    if (k == "html" || k == "htm") return report_format::html;
    return std::nullopt;
}

std::string_view extension(report_format f) noexcept {
    switch (f) {
    case report_format::pdf: return "pdf";
    case report_format::ods: return "ods";
    case report_format::xlsx: return "xlsx";
    case report_format::html: return "html";
    }
    return "pdf";
}

std::string_view filter_name(report_format f) noexcept {
    switch (f) {
    case report_format::pdf: return "calc_pdf_Export";
    case report_format::ods: return "calc8";
    case report_format::xlsx: return "Calc MS Excel 2007 XML";
    case report_format::html: return "HTML (StarCalc)";
    }
    return "calc_pdf_Export";
}

namespace {

std::string document_title(const Reference<css::sheet::XSpreadsheetDocument>& document) {
    Reference<css::document::XDocumentPropertiesSupplier> supplier(document, UNO_QUERY);
    if (!supplier.is()) return {};
    auto props = supplier->getDocumentProperties();
    return props.is() ? to_utf8(props->getTitle()) : std::string();
}

// The formulas of a column of the register, one per KPI row ("" for a constant or an empty cell).
std::vector<std::string> actual_formulas(const Reference<css::sheet::XSpreadsheet>& sheet, const sheet_block& block,
                                         const kpi::kpi_register& reg) {
    std::vector<std::string> out(reg.size());
    const auto col = reg.column_index(kpi::column::actual);
    if (!col || reg.size() == 0) return out;
    const sal_Int32 sheet_col = block.address.StartColumn + static_cast<sal_Int32>(*col);
    const sal_Int32 first = block.address.StartRow;
    const sal_Int32 last = block.address.StartRow + static_cast<sal_Int32>(reg.source_grid().rows()) - 1;
    Reference<css::sheet::XCellRangeFormula> range(sheet->getCellRangeByPosition(sheet_col, first, sheet_col, last),
                                                   UNO_QUERY_THROW);
    const auto formulas = range->getFormulaArray();
    for (std::size_t i = 0; i < reg.size(); ++i) {
        const auto r = static_cast<sal_Int32>(reg[i].grid_row);
        if (r < formulas.getLength() && formulas[r].getLength() > 0 && formulas[r][0].startsWith("="))
            out[i] = to_utf8(formulas[r][0]);
    }
    return out;
}

// The sheets whose name folds to one of `names` ("Trends", "Xu hướng"), in document order.
std::vector<Reference<css::sheet::XSpreadsheet>> sheets_named(const Reference<css::sheet::XSpreadsheetDocument>& document,
                                                              std::initializer_list<std::string_view> names) {
    std::vector<Reference<css::sheet::XSpreadsheet>> out;
    auto all = document->getSheets();
    for (const auto& name : all->getElementNames()) {
        const auto key = kpi::fold_key(to_utf8(name));
        for (const auto n : names)
            if (key == n) out.emplace_back(all->getByName(name), UNO_QUERY_THROW);
    }
    return out;
}

// The text of the cell the document's named range KPI_Period names ("" when there is none).
std::string dashboard_period(const Reference<css::sheet::XSpreadsheetDocument>& document) {
    Reference<css::beans::XPropertySet> props(document, UNO_QUERY);
    if (!props.is()) return {};
    Reference<css::sheet::XNamedRanges> names(props->getPropertyValue("NamedRanges"), UNO_QUERY);
    if (!names.is() || !names->hasByName("KPI_Period")) return {};
    Reference<css::sheet::XCellRangeReferrer> referrer(names->getByName("KPI_Period"), UNO_QUERY);
    if (!referrer.is()) return {};
    auto cells = referrer->getReferredCells();
    if (!cells.is()) return {};
    const auto g = to_grid(Reference<css::sheet::XCellRangeData>(cells, UNO_QUERY_THROW)->getDataArray());
    if (g.rows() == 0 || g.cols() == 0) return {};
    const auto* s = g.at(0, 0).string();
    return s ? *s : std::string();
}

// The trend charts (KPITrendChart*) compare several KPIs: they get a legend.
void show_trend_legends(const Reference<css::sheet::XSpreadsheetDocument>& doc) {
    Reference<css::container::XIndexAccess> sheets(doc->getSheets(), UNO_QUERY_THROW);
    for (sal_Int32 i = 0; i < sheets->getCount(); ++i) {
        auto charts = Reference<css::table::XTableChartsSupplier>(sheets->getByIndex(i), UNO_QUERY_THROW)->getCharts();
        for (const auto& name : charts->getElementNames()) {
            if (!name.startsWith("KPITrendChart")) continue;
            Reference<css::document::XEmbeddedObjectSupplier> embedded(charts->getByName(name), UNO_QUERY_THROW);
            Reference<css::beans::XPropertySet> chart(embedded->getEmbeddedObject(), UNO_QUERY);
            if (chart.is()) chart->setPropertyValue("HasLegend", Any(true));
        }
    }
}

// The KPI tree: one sheet per layout page ("KPI tree", "KPI tree 2", ...) right after the executive
// summary, in its page style. Column A and rows 1-16 cover exactly the report's tree sheet size, the
// layout page a little less: the sheet prints as one page at 100 %.
void write_tree_sheets(const Reference<css::sheet::XSpreadsheetDocument>& doc, const kpi::tree_layout& layout,
                       const std::string& summary_sheet) {
    auto sheets = doc->getSheets();
    if (!sheets->hasByName(from_utf8(summary_sheet))) return;
    Reference<css::beans::XPropertySet> summary(sheets->getByName(from_utf8(summary_sheet)), UNO_QUERY_THROW);
    const auto page_style = summary->getPropertyValue("PageStyle");
    auto position = static_cast<sal_Int16>(
        Reference<css::sheet::XCellRangeAddressable>(summary, UNO_QUERY_THROW)->getRangeAddress().Sheet + 1);
    const std::string base = layout.options.language.substr(0, 2) == "vi" ? "Cây KPI" : "KPI tree";
    auto pages = Reference<css::drawing::XDrawPagesSupplier>(doc, UNO_QUERY_THROW)->getDrawPages();
    tree_shape_numbers numbers;
    for (std::size_t p = 0; p < layout.pages.size(); ++p, ++position) {
        std::string name = p == 0 ? base : base + " " + std::to_string(p + 1);
        for (int n = 2; sheets->hasByName(from_utf8(name)); ++n) name = base + " (" + std::to_string(n) + ")";
        sheets->insertNewByName(from_utf8(name), position);
        Reference<css::beans::XPropertySet> sheet(sheets->getByName(from_utf8(name)), UNO_QUERY_THROW);
        sheet->setPropertyValue("PageStyle", page_style);
        Reference<css::table::XColumnRowRange> grid(sheet, UNO_QUERY_THROW);
        Reference<css::beans::XPropertySet>(grid->getColumns()->getByIndex(0), UNO_QUERY_THROW)
            ->setPropertyValue("Width", Any(static_cast<sal_Int32>(kpi::report_tree_sheet_width * 100)));
        constexpr int rows = 16;
        for (int r = 0; r < rows; ++r)
            Reference<css::beans::XPropertySet>(grid->getRows()->getByIndex(r), UNO_QUERY_THROW)
                ->setPropertyValue("Height",
                                   Any(static_cast<sal_Int32>(kpi::report_tree_sheet_height * 100 / rows)));
        Reference<css::drawing::XDrawPage> draw_page(pages->getByIndex(position), UNO_QUERY_THROW);
        draw_tree_page(doc, draw_page, layout, p, 0, numbers);
    }
}

} // namespace

std::variant<kpi::report, std::string> read_report(const Reference<css::sheet::XSpreadsheetDocument>& document,
                                                   const report_request& request) {
    Reference<css::container::XIndexAccess> sheets(document->getSheets(), UNO_QUERY_THROW);
    std::optional<std::string> company, period;
    std::optional<kpi::kpi_register> reg;
    std::optional<kpi::register_error> first_error;
    Reference<css::sheet::XSpreadsheet> register_sheet;
    sheet_block register_block;
    // Sheets in order until the register, the company and the period are all found (a big Data sheet
    // after them is not read).
    for (sal_Int32 s = 0; s < sheets->getCount() && !(reg && company && period); ++s) {
        Reference<css::sheet::XSpreadsheet> sheet(sheets->getByIndex(s), UNO_QUERY_THROW);
        auto block = read_used_area(sheet);
        if (!company) company = kpi::find_company(block.cells);
        if (!period) period = kpi::find_period(block.cells);
        if (reg) continue;
        kpi::parse_options options;
        options.header_scan_rows = 20;
        const auto address = block.address;
        auto parsed = kpi::parse_register(std::move(block.cells), options);
        if (parsed) {
            reg = std::move(parsed).value();
            register_sheet = sheet;
            register_block.address = address;
        } else if (!first_error) {
            first_error = parsed.error();
        }
    }
    const std::string fallback = request.fallback_language.substr(0, 2) == "vi" ? "vi" : "en";
    if (!reg) {
        const std::string lang = request.language.empty() ? fallback : request.language;
        if (first_error) return kpi::describe(*first_error, lang);
        return std::string(lang == "vi" ? "Sổ làm việc không có trang nào." : "The workbook has no sheets.");
    }
    kpi::report_context ctx;
    ctx.language = request.language;
    if (ctx.language.empty()) ctx.language = kpi::register_language(*reg);
    if (ctx.language.empty()) ctx.language = fallback;
    ctx.company = company.value_or(document_title(document));
    ctx.period = request.period.empty() ? period.value_or("") : request.period;
    ctx.source_name = request.source_name.empty() ? document_title(document) : request.source_name;
    ctx.register_sheet = to_utf8(Reference<css::container::XNamed>(register_sheet, UNO_QUERY_THROW)->getName());
    ctx.today = today_serial();
    ctx.actual_formulas = actual_formulas(register_sheet, register_block, *reg);
    // Over time: the Trends sheet and the period asked for.
    for (const auto& sheet : sheets_named(document, {"trends", "xu huong"}))
        if (auto trends = kpi::read_trends(read_used_area(sheet).cells)) {
            ctx.trends = std::move(trends);
            break;
        }
    if (ctx.trends) {
        if (!request.period.empty()) {
            if (!kpi::find_trend_period(*ctx.trends, request.period))
                return kpi::period_not_in_trends(*ctx.trends, request.period, ctx.language);
            ctx.requested_period = request.period;
        } else if (request.period_from_dashboard) {
            ctx.requested_period = kpi::selector_period(dashboard_period(document));
            if (!ctx.requested_period.empty() && !kpi::find_trend_period(*ctx.trends, ctx.requested_period))
                ctx.requested_period.clear(); // a selector naming another period: the latest with data
        }
    }
    // A previous-template workbook (no Trends sheet): actuals on the Dashboard, the register's Actual empty.
    if (!ctx.trends)
        for (const auto& sheet : sheets_named(document, {"dashboard", "bang dieu khien"}))
            if (sheet != register_sheet) {
                ctx.dashboard_actuals = kpi::dashboard_actuals(read_used_area(sheet).cells);
                if (!ctx.dashboard_actuals.empty()) break;
            }
    const auto audit = kpi::audit(*reg, ctx.today);
    return kpi::build_report(audit, std::move(ctx));
}

void export_report(const Reference<css::uno::XComponentContext>& context, const kpi::report& report,
                   const std::string& target_url, report_format format) {
    if (format == report_format::html) {
        // One self-contained page made by the core from the same report (not the office's sheet
        // export), written to a temporary file beside the target and renamed over it.
        const std::string path = system_path(from_utf8(target_url));
        if (path.empty()) throw std::runtime_error("not a local file: " + target_url);
        kpi::write_file_atomically(path, kpi::html_report(report));
        return;
    }
    const auto model = kpi::report_workbook(report);
    const hidden_document created(context, "private:factory/scalc");
    const auto& component = created.component();
    Reference<css::sheet::XSpreadsheetDocument> doc(component, UNO_QUERY_THROW);
    auto sheets = doc->getSheets();
    // The new document's own empty sheet goes once the report's sheets are in.
    const auto initial = Reference<css::container::XIndexAccess>(sheets, UNO_QUERY_THROW)->getCount() > 0
                             ? Reference<css::container::XNamed>(
                                   Reference<css::container::XIndexAccess>(sheets, UNO_QUERY_THROW)->getByIndex(0),
                                   UNO_QUERY_THROW)
                                   ->getName()
                             : OUString();
    const auto names = write_workbook(context, doc, model);
    write_tree_sheets(doc, report.tree, names[static_cast<std::size_t>(kpi::sheet_role::report_summary)]);
    if (!initial.isEmpty() && sheets->hasByName(initial)) {
        bool ours = false;
        for (const auto& sheet : model.sheets)
            ours = ours || from_utf8(names[static_cast<std::size_t>(sheet.role)]) == initial;
        if (!ours) sheets->removeByName(initial);
    }
    show_workbook(doc, model, names);
    show_trend_legends(doc);

    store_to_url(component, target_url, filter_name(format));
}

} // namespace kpi::uno_glue
