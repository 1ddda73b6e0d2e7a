// "Import channel data...": a file picker (CSV, TSV, XLSX; several files), the import into this
// document's Data sheet as one undo step, and a summary. Scripts and tests pass the dispatch
// arguments Files (a sequence of file URLs: no picker), Silent=true (no message box) and Rates (a
// sequence of "USD=25000" texts, as kpi import --rate).
#include "commands.hpp"
#include "import_command.hpp"
#include "ui_language.hpp"
#include "undo_context.hpp"
#include "uno_strings.hpp"

#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/ui/dialogs/ExecutableDialogResults.hpp>
#include <com/sun/star/ui/dialogs/FilePicker.hpp>
#include <com/sun/star/ui/dialogs/TemplateDescription.hpp>
#include <com/sun/star/ui/dialogs/XFilePicker3.hpp>
#include <osl/file.hxx>

#include <map>

using css::uno::Reference;
using css::uno::UNO_QUERY;

namespace kpi::uno_glue {
namespace {

std::vector<OUString> files_argument(const command_context& ctx) {
    std::vector<OUString> urls;
    for (const auto& argument : ctx.arguments) {
        if (argument.Name != "Files") continue;
        css::uno::Sequence<OUString> seq;
        OUString one;
        if (argument.Value >>= seq)
            for (const auto& u : seq) urls.push_back(u);
        else if (argument.Value >>= one)
            urls.push_back(one);
    }
    return urls;
}

std::map<std::string, double> rates_argument(const command_context& ctx) {
    std::map<std::string, double> rates;
    for (const auto& argument : ctx.arguments) {
        if (argument.Name != "Rates") continue;
        css::uno::Sequence<OUString> seq;
        OUString one;
        if (argument.Value >>= one) seq = css::uno::Sequence<OUString>(&one, 1);
        else argument.Value >>= seq;
        for (const auto& text : seq)
            if (const auto rate = kpi::parse_rate(to_utf8(text))) rates[rate->first] = rate->second;
    }
    return rates;
}

std::vector<OUString> pick_files(const command_context& ctx, bool vi) {
    auto picker = css::ui::dialogs::FilePicker::createWithMode(ctx.uno,
                                                              css::ui::dialogs::TemplateDescription::FILEOPEN_SIMPLE);
    picker->setTitle(vi ? from_utf8("Nhập dữ liệu kênh") : OUString("Import channel data"));
    picker->setMultiSelectionMode(true);
    picker->appendFilter(vi ? from_utf8("Tệp xuất (CSV, TSV, XLSX)") : OUString("Exports (CSV, TSV, XLSX)"),
                         "*.csv;*.tsv;*.txt;*.xlsx;*.xls;*.ods");
    picker->appendFilter(vi ? from_utf8("Tất cả tệp") : OUString("All files"), "*.*");
    if (picker->execute() != css::ui::dialogs::ExecutableDialogResults::OK) return {};
    std::vector<OUString> urls;
    for (const auto& u : picker->getSelectedFiles()) urls.push_back(u);
    return urls;
}

} // namespace

void run_import_command(const command_context& ctx) {
    const std::string lang = ui_language(ctx.uno);
    const bool vi = lang.substr(0, 2) == "vi";
    const std::string title = vi ? "Nhập dữ liệu kênh" : "Import channel data";
    const auto model = document_model(ctx);
    Reference<css::sheet::XSpreadsheetDocument> doc(model, UNO_QUERY);
    if (!doc.is()) return;

    auto urls = files_argument(ctx);
    if (urls.empty()) urls = pick_files(ctx, vi);
    if (urls.empty()) return;
    std::vector<std::filesystem::path> files;
    for (const auto& url : urls) {
        OUString path;
        if (osl::FileBase::getSystemPathFromFileURL(url, path) != osl::FileBase::E_None) path = url;
        files.emplace_back(to_utf8(path));
    }
    import_run run;
    {
        undo_context undo(model, title);
        run = import_files(ctx.uno, doc, files, lang, "", rates_argument(ctx));
    }
    show_message(ctx, title, run.message, !run.ok);
}

} // namespace kpi::uno_glue
