#include "commands.hpp"

#include "atomic_file.hpp"
#include "ui_language.hpp"
#include "uno_strings.hpp"

#include <com/sun/star/awt/MessageBoxButtons.hpp>
#include <com/sun/star/awt/MessageBoxType.hpp>
#include <com/sun/star/awt/Toolkit.hpp>
#include <com/sun/star/awt/XMessageBox.hpp>
#include <com/sun/star/awt/XMessageBoxFactory.hpp>
#include <com/sun/star/awt/XWindowPeer.hpp>
#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/uno/Exception.hpp>

#include <array>
#include <exception>

namespace kpi::uno_glue {
namespace {

constexpr std::array commands{
    command{"Audit", &run_audit_command},
    command{"NewWorkbook", &run_new_workbook_dialog},
    command{"Import", &run_import_command},
    command{"Report", &run_report_command},
    command{"Share", &run_share_command},
    command{"DrawTree", &run_tree_command},
    command{"Help", &run_help_command},
};

} // namespace

const command* find_command(std::string_view name) noexcept {
    for (const auto& c : commands)
        if (c.name == name) return &c;
    return nullptr;
}

css::uno::Reference<css::frame::XModel> document_model(const command_context& ctx) {
    if (!ctx.frame.is()) return nullptr;
    auto controller = ctx.frame->getController();
    return controller.is() ? controller->getModel() : nullptr;
}

bool silent(const command_context& ctx) {
    for (const auto& argument : ctx.arguments) {
        bool value = false;
        if (argument.Name == "Silent" && (argument.Value >>= value) && value) return true;
    }
    return false;
}

void show_message(const command_context& ctx, const std::string& title, const std::string& text, bool error) {
    try {
        if (!ctx.frame.is() || silent(ctx)) return;
        css::uno::Reference<css::awt::XWindowPeer> parent(ctx.frame->getContainerWindow(), css::uno::UNO_QUERY);
        if (!parent.is()) return;
        css::uno::Reference<css::awt::XMessageBoxFactory> factory(css::awt::Toolkit::create(ctx.uno),
                                                                 css::uno::UNO_QUERY_THROW);
        auto box = factory->createMessageBox(
            parent, error ? css::awt::MessageBoxType_ERRORBOX : css::awt::MessageBoxType_INFOBOX,
            css::awt::MessageBoxButtons::BUTTONS_OK, from_utf8(title), from_utf8(text));
        if (box.is()) box->execute();
    } catch (const css::uno::Exception&) {
        // No window to show it in (headless): nothing more to do.
    }
}

void run_command(const command& cmd, const command_context& ctx) {
    try {
        cmd.run(ctx);
    } catch (const write_error& e) {
        // A file that could not be written (read-only, locked, disk full): the sentence, the file as it was.
        std::string language = "en";
        try {
            language = ui_language(ctx.uno);
        } catch (const css::uno::Exception&) {
            // The office's language is unknown: English.
        }
        show_message(ctx, "KPI Marketing", describe(e, language), true);
    } catch (const css::uno::Exception& e) {
        show_message(ctx, "KPI Marketing", plain_office_reason(to_utf8(e.Message), "en"), true);
    } catch (const std::exception& e) {
        show_message(ctx, "KPI Marketing", e.what(), true);
    }
}

} // namespace kpi::uno_glue
