// The menu commands: a table of names and the functions that run them on a document.
#pragma once

#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/frame/XFrame.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>

#include <string>
#include <string_view>

namespace kpi::uno_glue {

struct command_context {
    css::uno::Reference<css::uno::XComponentContext> uno;
    css::uno::Reference<css::frame::XFrame> frame; // the window the menu was used in
    css::uno::Sequence<css::beans::PropertyValue> arguments;
};

struct command {
    std::string_view name; // the URL path: org.kpimarketing.command:<name>
    void (*run)(const command_context&);
};

const command* find_command(std::string_view name) noexcept;

// The document shown in the command's window; null without a window or a document.
css::uno::Reference<css::frame::XModel> document_model(const command_context& ctx);

// Runs a command; reports any failure in a message box instead of letting it reach the office.
void run_command(const command& cmd, const command_context& ctx);

// Shows a message box over the frame (returns at once when the office is headless). Scripts and
// tests pass the dispatch argument Silent=true to get no message box.
void show_message(const command_context& ctx, const std::string& title, const std::string& text, bool error);

// The commands themselves (one file each).
void run_audit_command(const command_context& ctx);
void run_new_workbook_dialog(const command_context& ctx); // new_workbook_dialog.cpp
void run_import_command(const command_context& ctx);      // import_menu.cpp
void run_report_command(const command_context& ctx);      // report_menu.cpp
void run_share_command(const command_context& ctx);       // share_menu.cpp
void run_tree_command(const command_context& ctx);        // tree_drawing.cpp
void run_help_command(const command_context& ctx);        // help_command.cpp

// The file URL of a help page in the installed extension, in the UI language (help_command.cpp):
// page "index", "wizard", "fn-CPL", ...; an unknown page gives the index.
std::string help_page_url(const css::uno::Reference<css::uno::XComponentContext>& uno, std::string_view page);
// Opens that page in the user's browser.
void open_help(const css::uno::Reference<css::uno::XComponentContext>& uno, std::string_view page);

} // namespace kpi::uno_glue
