// "Export KPI report...": a save dialog (PDF by default; ODS, XLSX, HTML), then the report of this
// document, as it is now, written as a new document and exported (docs/report.md). The document
// itself is not changed. Scripts and tests pass the dispatch arguments URL (the target file URL: no
// dialog), Format ("pdf", "ods", "xlsx", "html"; default from the URL's extension), Overwrite=true
// (else an existing file is refused) and Silent=true (no message box).
#include "commands.hpp"
#include "report_writer.hpp"
#include "ui_language.hpp"
#include "uno_strings.hpp"

#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>
#include <com/sun/star/ui/dialogs/ExecutableDialogResults.hpp>
#include <com/sun/star/ui/dialogs/ExtendedFilePickerElementIds.hpp>
#include <com/sun/star/ui/dialogs/FilePicker.hpp>
#include <com/sun/star/ui/dialogs/TemplateDescription.hpp>
#include <com/sun/star/ui/dialogs/XFilePickerControlAccess.hpp>
#include <osl/file.hxx>

#include <array>
#include <filesystem>

using css::uno::Any;
using css::uno::Reference;
using css::uno::UNO_QUERY;

namespace kpi::uno_glue {
namespace {

struct picked {
    OUString url;
    report_format format = report_format::pdf;
};

struct filter_entry {
    report_format format;
    const char* en;
    const char* vi;
    const char* pattern;
};
constexpr std::array filters{
    filter_entry{report_format::pdf, "PDF document (.pdf)", "Tài liệu PDF (.pdf)", "*.pdf"},
    filter_entry{report_format::ods, "ODF spreadsheet (.ods)", "Bảng tính ODF (.ods)", "*.ods"},
    filter_entry{report_format::xlsx, "Excel 2007-365 (.xlsx)", "Excel 2007-365 (.xlsx)", "*.xlsx"},
    filter_entry{report_format::html, "HTML document (.html)", "Tài liệu HTML (.html)", "*.html"},
};

std::optional<picked> pick_target(const command_context& ctx, bool vi, const std::string& default_name,
                                  const OUString& folder_url) {
    auto picker = css::ui::dialogs::FilePicker::createWithMode(
        ctx.uno, css::ui::dialogs::TemplateDescription::FILESAVE_AUTOEXTENSION);
    picker->setTitle(from_utf8(vi ? "Xuất báo cáo KPI" : "Export KPI report"));
    for (const auto& f : filters) picker->appendFilter(from_utf8(vi ? f.vi : f.en), OUString::createFromAscii(f.pattern));
    picker->setCurrentFilter(from_utf8(vi ? filters[0].vi : filters[0].en));
    picker->setDefaultName(from_utf8(default_name));
    if (!folder_url.isEmpty()) {
        try {
            picker->setDisplayDirectory(folder_url);
        } catch (const css::uno::Exception&) {
            // The folder is gone: the dialog starts where it likes.
        }
    }
    Reference<css::ui::dialogs::XFilePickerControlAccess> controls(picker, UNO_QUERY);
    if (controls.is()) {
        try {
            controls->setValue(css::ui::dialogs::ExtendedFilePickerElementIds::CHECKBOX_AUTOEXTENSION, 0, Any(true));
        } catch (const css::uno::Exception&) {
        }
    }
    if (picker->execute() != css::ui::dialogs::ExecutableDialogResults::OK) return std::nullopt;
    const auto files = picker->getSelectedFiles();
    if (files.getLength() == 0) return std::nullopt;
    picked p;
    p.url = files[0];
    const std::string current = to_utf8(picker->getCurrentFilter());
    for (const auto& f : filters)
        if (current == (vi ? f.vi : f.en)) p.format = f.format;
    return p;
}

std::string system_path(const OUString& url) {
    OUString path;
    if (osl::FileBase::getSystemPathFromFileURL(url, path) != osl::FileBase::E_None) return {};
    return to_utf8(path);
}

std::optional<report_format> format_of_path(const std::string& path) {
    const auto ext = std::filesystem::path(path).extension().string();
    return ext.size() < 2 ? std::nullopt : parse_report_format(ext.substr(1));
}

} // namespace

void run_report_command(const command_context& ctx) {
    const std::string ui = ui_language(ctx.uno);
    const bool vi = ui.substr(0, 2) == "vi";
    const std::string title = vi ? "Xuất báo cáo KPI" : "Export KPI report";
    if (!ctx.frame.is()) return;
    auto controller = ctx.frame->getController();
    Reference<css::frame::XModel> model(controller.is() ? controller->getModel() : nullptr);
    Reference<css::sheet::XSpreadsheetDocument> doc(model, UNO_QUERY);
    if (!doc.is()) return;

    OUString url;
    std::string format_key;
    bool overwrite = false;
    for (const auto& argument : ctx.arguments) {
        OUString text;
        if (argument.Name == "URL") argument.Value >>= url;
        else if (argument.Name == "Format" && (argument.Value >>= text)) format_key = to_utf8(text);
        else if (argument.Name == "Overwrite") argument.Value >>= overwrite;
    }
    const std::string doc_path = model.is() ? system_path(model->getURL()) : std::string();
    const std::string stem = doc_path.empty() ? std::string(vi ? "bao-cao-kpi" : "kpi") : std::filesystem::path(doc_path).stem().string();

    std::optional<report_format> format;
    if (url.isEmpty()) {
        // The dialog asks before it replaces a file (LibreOffice's own file dialog does).
        const OUString doc_url = model.is() ? model->getURL() : OUString();
        const sal_Int32 slash = doc_url.lastIndexOf('/');
        const auto chosen = pick_target(ctx, vi, kpi::report_file_name(stem, "pdf"),
                                        slash > 0 ? doc_url.copy(0, slash) : OUString());
        if (!chosen) return;
        url = chosen->url;
        format = chosen->format;
        overwrite = true;
    } else {
        format = format_key.empty() ? format_of_path(system_path(url)) : parse_report_format(format_key);
        if (!format) format = report_format::pdf;
    }
    const std::string target = system_path(url);
    if (target.empty()) {
        show_message(ctx, title, (vi ? "Không ghi được vào địa chỉ này: " : "Cannot write to this location: ") + to_utf8(url), true);
        return;
    }
    if (!overwrite && std::filesystem::exists(target)) {
        show_message(ctx, title,
                     (vi ? "Tệp đã có, không ghi đè: " : "The file exists and was not overwritten: ") + target, true);
        return;
    }

    report_request request;
    request.fallback_language = ui;
    request.source_name = doc_path.empty() ? std::string() : std::filesystem::path(doc_path).filename().string();
    auto read = read_report(doc, request);
    if (auto* problem = std::get_if<std::string>(&read)) {
        show_message(ctx, title, *problem, true);
        return;
    }
    export_report(ctx.uno, std::get<kpi::report>(read), to_utf8(url), *format);
    show_message(ctx, title, (vi ? "Đã ghi báo cáo KPI: " : "The KPI report was written to ") + target, false);
}

} // namespace kpi::uno_glue
