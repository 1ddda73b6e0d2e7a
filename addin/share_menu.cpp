// "Copy for sharing...": a save dialog (ODS or XLSX), then a copy of this document whose KPI. formulas
// are replaced by their values (docs/report.md, "Copy for sharing"). The document itself keeps its
// formulas, its modified state and its location. Scripts and tests pass the dispatch arguments URL
// (the target file URL: no dialog), Format ("ods", "xlsx"; default from the URL's extension),
// Overwrite=true (else an existing file is refused) and Silent=true (no message box).
#include "commands.hpp"
#include "share_copy.hpp"
#include "ui_language.hpp"
#include "uno_strings.hpp"

#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/ui/dialogs/ExecutableDialogResults.hpp>
#include <com/sun/star/ui/dialogs/ExtendedFilePickerElementIds.hpp>
#include <com/sun/star/ui/dialogs/FilePicker.hpp>
#include <com/sun/star/ui/dialogs/TemplateDescription.hpp>
#include <com/sun/star/ui/dialogs/XFilePickerControlAccess.hpp>
#include <osl/file.hxx>

#include <filesystem>

using css::uno::Any;
using css::uno::Reference;
using css::uno::UNO_QUERY;

namespace kpi::uno_glue {
namespace {

constexpr const char* ods_en = "ODF spreadsheet (.ods)";
constexpr const char* ods_vi = "Bảng tính ODF (.ods)";
constexpr const char* xlsx_title = "Excel 2007-365 (.xlsx)";

struct picked {
    OUString url;
    share_format format = share_format::ods;
};

std::optional<picked> pick_target(const command_context& ctx, bool vi, const std::string& default_name,
                                  const OUString& folder_url) {
    auto picker = css::ui::dialogs::FilePicker::createWithMode(
        ctx.uno, css::ui::dialogs::TemplateDescription::FILESAVE_AUTOEXTENSION);
    picker->setTitle(from_utf8(vi ? "Tạo bản sao để chia sẻ" : "Copy for sharing"));
    picker->appendFilter(from_utf8(vi ? ods_vi : ods_en), "*.ods");
    picker->appendFilter(from_utf8(xlsx_title), "*.xlsx");
    picker->setCurrentFilter(from_utf8(vi ? ods_vi : ods_en));
    picker->setDefaultName(from_utf8(default_name));
    if (!folder_url.isEmpty()) {
        try {
            picker->setDisplayDirectory(folder_url);
        } catch (const css::uno::Exception&) {
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
    if (to_utf8(picker->getCurrentFilter()) == xlsx_title) p.format = share_format::xlsx;
    return p;
}

std::string system_path(const OUString& url) {
    OUString path;
    if (osl::FileBase::getSystemPathFromFileURL(url, path) != osl::FileBase::E_None) return {};
    return to_utf8(path);
}

} // namespace

void run_share_command(const command_context& ctx) {
    const std::string ui = ui_language(ctx.uno);
    const bool vi = ui.substr(0, 2) == "vi";
    const std::string title = vi ? "Tạo bản sao để chia sẻ" : "Copy for sharing";
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
    const OUString doc_url = model->getURL();
    const std::string doc_path = system_path(doc_url);
    const std::string stem = doc_path.empty() ? std::string(vi ? "bang-tinh" : "workbook")
                                              : std::filesystem::path(doc_path).stem().string();
    std::optional<share_format> format;
    if (url.isEmpty()) {
        // The dialog asks before it replaces a file (LibreOffice's own file dialog does).
        const sal_Int32 slash = doc_url.lastIndexOf('/');
        const auto chosen = pick_target(ctx, vi, stem + (vi ? "-chia-se.ods" : "-shared.ods"),
                                        slash > 0 ? doc_url.copy(0, slash) : OUString());
        if (!chosen) return;
        url = chosen->url;
        format = chosen->format;
        overwrite = true;
    } else {
        format = format_key.empty()
                     ? (std::filesystem::path(system_path(url)).extension() == ".xlsx" ? share_format::xlsx
                                                                                       : share_format::ods)
                     : parse_share_format(format_key);
        if (!format) format = share_format::ods;
    }
    const std::string target = system_path(url);
    if (target.empty()) {
        show_message(ctx, title, (vi ? "Không ghi được vào địa chỉ này: " : "Cannot write to this location: ") + to_utf8(url),
                     true);
        return;
    }
    std::error_code ec;
    if (!doc_path.empty() && std::filesystem::equivalent(doc_path, target, ec)) {
        show_message(ctx, title,
                     vi ? "Bản sao không thể thay thế chính bảng tính này: hãy chọn tên khác."
                        : "The copy cannot replace this workbook itself: choose another name.",
                     true);
        return;
    }
    if (!overwrite && std::filesystem::exists(target)) {
        show_message(ctx, title, (vi ? "Tệp đã có, không ghi đè: " : "The file exists and was not overwritten: ") + target,
                     true);
        return;
    }
    const auto result = write_shareable_copy(ctx.uno, doc, to_utf8(url), *format);
    show_message(ctx, title,
                 vi ? "Đã ghi bản sao " + target + ": " + std::to_string(result.cells) +
                          " ô công thức KPI được thay bằng giá trị. Bảng tính này vẫn giữ nguyên công thức."
                    : "Wrote the copy " + target + ": " + std::to_string(result.cells) +
                          " KPI formula cells replaced by their values. This workbook keeps its formulas.",
                 false);
}

} // namespace kpi::uno_glue
