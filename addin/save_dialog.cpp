#include "save_dialog.hpp"

#include "document_files.hpp"
#include "uno_strings.hpp"

#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/ui/dialogs/ExecutableDialogResults.hpp>
#include <com/sun/star/ui/dialogs/ExtendedFilePickerElementIds.hpp>
#include <com/sun/star/ui/dialogs/FilePicker.hpp>
#include <com/sun/star/ui/dialogs/TemplateDescription.hpp>
#include <com/sun/star/ui/dialogs/XFilePickerControlAccess.hpp>

#include <filesystem>

namespace kpi::uno_glue {

using css::uno::Any;
using css::uno::Reference;
using css::uno::UNO_QUERY;

namespace {

OUString document_url(const command_context& ctx) {
    const auto model = document_model(ctx);
    return model.is() ? model->getURL() : OUString();
}

} // namespace

std::optional<save_target> target_from_arguments(const command_context& ctx) {
    save_target t;
    for (const auto& argument : ctx.arguments) {
        OUString text;
        if (argument.Name == "URL") argument.Value >>= t.url;
        else if (argument.Name == "Format" && (argument.Value >>= text)) t.format = to_utf8(text);
        else if (argument.Name == "Overwrite") argument.Value >>= t.overwrite;
    }
    if (t.url.isEmpty()) return std::nullopt;
    return t;
}

std::optional<save_target> ask_save_target(const command_context& ctx, const std::string& title,
                                           const std::vector<save_filter>& filters, const std::string& default_name) {
    auto picker = css::ui::dialogs::FilePicker::createWithMode(
        ctx.uno, css::ui::dialogs::TemplateDescription::FILESAVE_AUTOEXTENSION);
    picker->setTitle(from_utf8(title));
    for (const auto& f : filters) picker->appendFilter(from_utf8(f.title), from_utf8(f.pattern));
    if (!filters.empty()) picker->setCurrentFilter(from_utf8(filters.front().title));
    picker->setDefaultName(from_utf8(default_name));
    const OUString doc_url = document_url(ctx);
    if (const sal_Int32 slash = doc_url.lastIndexOf('/'); slash > 0) {
        try {
            picker->setDisplayDirectory(doc_url.copy(0, slash));
        } catch (const css::uno::Exception&) {
            // The folder is gone: the dialog starts where it likes.
        }
    }
    Reference<css::ui::dialogs::XFilePickerControlAccess> controls(picker, UNO_QUERY);
    if (controls.is()) {
        try {
            controls->setValue(css::ui::dialogs::ExtendedFilePickerElementIds::CHECKBOX_AUTOEXTENSION, 0, Any(true));
        } catch (const css::uno::Exception&) {
            // A dialog without that check box: the name is taken as typed.
        }
    }
    if (picker->execute() != css::ui::dialogs::ExecutableDialogResults::OK) return std::nullopt;
    const auto files = picker->getSelectedFiles();
    if (files.getLength() == 0) return std::nullopt;
    save_target t;
    t.url = files[0];
    t.overwrite = true; // LibreOffice's save dialog asked before it let a taken name through
    const std::string current = to_utf8(picker->getCurrentFilter());
    for (const auto& f : filters)
        if (f.title == current) t.format = f.format;
    return t;
}

std::optional<output_file> choose_output_file(const command_context& ctx, const std::string& ui,
                                              const std::string& title, const std::vector<save_filter>& filters,
                                              const std::string& default_name) {
    auto target = target_from_arguments(ctx);
    if (!target) target = ask_save_target(ctx, title, filters, default_name);
    if (!target) return std::nullopt;
    output_file file{*target, system_path(target->url)};
    if (file.path.empty()) {
        const bool vi = ui.substr(0, 2) == "vi";
        show_message(ctx, title,
                     (vi ? "Không ghi được vào địa chỉ này: " : "Cannot write to this location: ") + to_utf8(target->url),
                     true);
        return std::nullopt;
    }
    return file;
}

bool refuse_existing_file(const command_context& ctx, const std::string& ui, const std::string& title,
                          const output_file& file) {
    if (file.target.overwrite || !std::filesystem::exists(file.path)) return false;
    const bool vi = ui.substr(0, 2) == "vi";
    show_message(ctx, title,
                 (vi ? "Tệp đã có, không ghi đè: " : "The file exists and was not overwritten: ") + file.path, true);
    return true;
}

std::string document_stem(const command_context& ctx) {
    const std::string path = system_path(document_url(ctx));
    return path.empty() ? std::string() : std::filesystem::path(path).stem().string();
}

} // namespace kpi::uno_glue
