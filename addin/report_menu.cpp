// "Export KPI report...": a save dialog (PDF by default; ODS, XLSX, HTML), then the report of this
// document, as it is now, written as a new document and exported (docs/report.md). The document
// itself is not changed. Scripts and tests pass the dispatch arguments URL (the target file URL: no
// dialog), Format ("pdf", "ods", "xlsx", "html"; default from the URL's extension), Overwrite=true
// (else an existing file is refused) and Silent=true (no message box).
#include "commands.hpp"
#include "document_files.hpp"
#include "report_writer.hpp"
#include "save_dialog.hpp"
#include "ui_language.hpp"
#include "uno_strings.hpp"

#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>

#include <filesystem>

using css::uno::Reference;
using css::uno::UNO_QUERY;

namespace kpi::uno_glue {

void run_report_command(const command_context& ctx) {
    const std::string ui = ui_language(ctx.uno);
    const bool vi = ui.substr(0, 2) == "vi";
    const std::string title = vi ? "Xuất báo cáo KPI" : "Export KPI report";
    const auto model = document_model(ctx);
    Reference<css::sheet::XSpreadsheetDocument> doc(model, UNO_QUERY);
    if (!doc.is()) return;

    const std::string stem = document_stem(ctx);
    const auto file = choose_output_file(
        ctx, ui, title,
        {{vi ? "Tài liệu PDF (.pdf)" : "PDF document (.pdf)", "*.pdf", "pdf"},
         {vi ? "Bảng tính ODF (.ods)" : "ODF spreadsheet (.ods)", "*.ods", "ods"},
         {"Excel 2007-365 (.xlsx)", "*.xlsx", "xlsx"},
         {vi ? "Tài liệu HTML (.html)" : "HTML document (.html)", "*.html", "html"}},
        stem.empty() ? std::string(vi ? "bao-cao-kpi.pdf" : "kpi-report.pdf") : kpi::report_file_name(stem, "pdf", ui));
    if (!file) return;
    auto format = parse_report_format(file->target.format);
    if (!format) {
        const auto ext = std::filesystem::path(file->path).extension().string();
        format = ext.size() > 1 ? parse_report_format(ext.substr(1)) : std::nullopt;
    }
    if (!format) format = report_format::pdf;
    if (refuse_existing_file(ctx, ui, title, *file)) return;

    report_request request;
    request.fallback_language = ui;
    request.period_from_dashboard = true; // the Dashboard's period selector, else the latest period
    request.source_name = stem.empty() ? std::string() : std::filesystem::path(system_path(model->getURL())).filename().string();
    auto read = read_report(doc, request);
    if (auto* problem = std::get_if<std::string>(&read)) {
        show_message(ctx, title, *problem, true);
        return;
    }
    export_report(ctx.uno, std::get<kpi::report>(read), to_utf8(file->target.url), *format);
    show_message(ctx, title, (vi ? "Đã ghi báo cáo KPI: " : "The KPI report was written to ") + file->path, false);
}

} // namespace kpi::uno_glue
