// "Copy for sharing...": a save dialog (ODS or XLSX), then a copy of this document whose KPI. formulas
// are replaced by their values (docs/report.md, "Copy for sharing"). The document itself keeps its
// formulas, its modified state and its location. Scripts and tests pass the dispatch arguments URL
// (the target file URL: no dialog), Format ("ods", "xlsx") or FilterName ("calc8", "Calc MS Excel
// 2007 XML"; default from the URL's extension; anything else is refused),
// Overwrite=true (else an existing file is refused) and Silent=true (no message box).
#include "commands.hpp"
#include "document_files.hpp"
#include "save_dialog.hpp"
#include "share_copy.hpp"
#include "ui_language.hpp"
#include "uno_strings.hpp"

#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/frame/XModel.hpp>

#include <filesystem>

using css::uno::Reference;
using css::uno::UNO_QUERY;

namespace kpi::uno_glue {

void run_share_command(const command_context& ctx) {
    const std::string ui = ui_language(ctx.uno);
    const bool vi = ui.substr(0, 2) == "vi";
    const std::string title = vi ? "Tạo bản sao để chia sẻ" : "Copy for sharing";
    const auto model = document_model(ctx);
    Reference<css::sheet::XSpreadsheetDocument> doc(model, UNO_QUERY);
    if (!doc.is()) return;

    const std::string stem = document_stem(ctx);
    const auto file = choose_output_file(ctx, ui, title,
                                         {{vi ? "Bảng tính ODF (.ods)" : "ODF spreadsheet (.ods)", "*.ods", "ods"},
                                          {"Excel 2007-365 (.xlsx)", "*.xlsx", "xlsx"}},
                                         (stem.empty() ? std::string(vi ? "bang-tinh" : "workbook") : stem) +
                                             (vi ? "-chia-se.ods" : "-shared.ods"));
    if (!file) return;
    const std::string& path = file->path;
    // Format ("ods", "xlsx") or FilterName ("calc8", "Calc MS Excel 2007 XML"), else the extension.
    std::string format_key = file->target.format;
    for (const auto& argument : ctx.arguments) {
        OUString filter;
        if (format_key.empty() && argument.Name == "FilterName" && (argument.Value >>= filter))
            format_key = to_utf8(filter);
    }
    auto format = parse_share_format(format_key);
    if (!format && !format_key.empty()) {
        show_message(ctx, title,
                     (vi ? "Định dạng không hỗ trợ (chỉ ods hoặc xlsx): "
                         : "Unsupported format (ods or xlsx only): ") +
                         format_key,
                     true);
        return;
    }
    if (!format) format = std::filesystem::path(path).extension() == ".xlsx" ? share_format::xlsx : share_format::ods;
    std::error_code ec;
    const std::string doc_path = system_path(model->getURL());
    if (!doc_path.empty() && std::filesystem::equivalent(doc_path, path, ec)) {
        show_message(ctx, title,
                     vi ? "Bản sao không thể thay thế chính bảng tính này: hãy chọn tên khác."
                        : "The copy cannot replace this workbook itself: choose another name.",
                     true);
        return;
    }
    if (refuse_existing_file(ctx, ui, title, *file)) return;
    share_result result;
    try {
        result = write_shareable_copy(ctx.uno, doc, to_utf8(file->target.url), *format, file->target.overwrite);
    } catch (const share_error& e) {
        if (e.reason() == share_error::kind::target_exists)
            show_message(ctx, title,
                         (vi ? "Tệp đã có, không ghi đè: " : "The file exists and was not overwritten: ") +
                             e.subject(),
                         true);
        else
            show_message(ctx, title,
                         vi ? "Trang tính \"" + e.subject() +
                                  "\" được bảo vệ bằng mật khẩu và có công thức KPI: hãy bỏ bảo vệ (Công cụ > "
                                  "Bảo vệ trang tính) rồi tạo lại bản sao."
                            : "The sheet \"" + e.subject() +
                                  "\" is protected with a password and holds KPI formulas: remove its protection "
                                  "(Tools > Protect Sheet) and make the copy again.",
                         true);
        return;
    }
    show_message(ctx, title,
                 vi ? "Đã ghi bản sao " + path + ": " + std::to_string(result.cells) +
                          " ô công thức KPI được thay bằng giá trị. Bảng tính này vẫn giữ nguyên công thức."
                    : "Wrote the copy " + path + ": " + std::to_string(result.cells) +
                          " KPI formula cells replaced by their values. This workbook keeps its formulas.",
                 false);
}

} // namespace kpi::uno_glue
