// "KPI Marketing > Help" and the dialogs' Help buttons: a page of the help shipped in the .oxt
// (help/<en|vi>/<page>.html, written by packaging/gen_help.cpp), opened in the user's browser through
// the desktop's URL handler (SystemShellExecute: xdg-open on Linux), from the extension's install folder.
//
// Dispatch arguments: Page (a page name without ".html": "index" (default), "wizard", "register",
// "fn-CPL", ...; an unknown page gives the index).
#include "commands.hpp"
#include "ui_language.hpp"
#include "uno_strings.hpp"

#include <com/sun/star/deployment/PackageInformationProvider.hpp>
#include <com/sun/star/system/SystemShellExecute.hpp>
#include <com/sun/star/system/SystemShellExecuteFlags.hpp>
#include <com/sun/star/util/theMacroExpander.hpp>
#include <osl/file.hxx>
#include <rtl/uri.hxx>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <stdexcept>

namespace kpi::uno_glue {
namespace {

constexpr char extension_id[] = "org.kpimarketing.calc";

// The extension's folder as a file URL (getPackageLocation may hand a vnd.sun.star.expand: URL).
std::string package_location(const css::uno::Reference<css::uno::XComponentContext>& uno) {
    auto provider = css::deployment::PackageInformationProvider::get(uno);
    OUString location = provider->getPackageLocation(OUString::createFromAscii(extension_id));
    if (location.isEmpty())
        throw std::runtime_error("the extension " + std::string(extension_id) + " is not installed");
    const OUString expand_prefix("vnd.sun.star.expand:");
    if (location.startsWith(expand_prefix)) {
        location = rtl::Uri::decode(location.copy(expand_prefix.getLength()), rtl_UriDecodeWithCharset,
                                    RTL_TEXTENCODING_UTF8);
        location = css::util::theMacroExpander::get(uno)->expandMacros(location);
    }
    return to_utf8(location);
}

bool page_name_ok(std::string_view page) {
    return !page.empty() && page.size() < 64 && std::all_of(page.begin(), page.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_';
    });
}

bool file_exists(const std::string& url) {
    OUString path;
    if (osl::FileBase::getSystemPathFromFileURL(from_utf8(url), path) != osl::FileBase::E_None)
        return false;
    std::error_code error;
    return std::filesystem::is_regular_file(std::filesystem::path(to_utf8(path)), error);
}

std::string string_argument(const command_context& ctx, const char* name) {
    for (const auto& a : ctx.arguments) {
        OUString value;
        if (a.Name.equalsAscii(name) && (a.Value >>= value))
            return to_utf8(value);
    }
    return {};
}

} // namespace

std::string help_page_url(const css::uno::Reference<css::uno::XComponentContext>& uno,
                          std::string_view page) {
    std::string base = package_location(uno);
    if (!base.empty() && base.back() != '/')
        base += '/';
    const std::string lang = ui_language(uno).substr(0, 2) == "vi" ? "vi" : "en";
    const std::string folder = base + "help/" + lang + "/";
    if (page_name_ok(page)) {
        const std::string url = folder + std::string(page) + ".html";
        if (file_exists(url))
            return url;
    }
    const std::string index = folder + "index.html";
    if (!file_exists(index))
        throw std::runtime_error("the help pages are missing from " + base + "help/");
    return index;
}

void open_help(const css::uno::Reference<css::uno::XComponentContext>& uno, std::string_view page) {
    css::system::SystemShellExecute::create(uno)->execute(from_utf8(help_page_url(uno, page)), OUString(),
                                                          css::system::SystemShellExecuteFlags::URIS_ONLY);
}

void run_help_command(const command_context& ctx) {
    const std::string page = string_argument(ctx, "Page");
    open_help(ctx.uno, page.empty() ? "index" : page);
}

} // namespace kpi::uno_glue
