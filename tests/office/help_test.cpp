// Help shipped in the .oxt (docs/help.md), in a real office with the extension installed: the help
// folder at the extension's install location, "KPI Marketing > Help" and the wizard's Help button
// opening the right page, in the UI language.
//
// The office opens pages with the desktop's URL handler (xdg-open). This binary gives its offices a
// fake browser before they start: a desktop file associated with text/html in a private
// XDG_DATA_HOME / XDG_CONFIG_HOME (what xdg-open uses with a display) and $BROWSER (without one), both
// running a script that appends what it was asked to open to a log. No real browser starts.
#include "gui.hpp"
#include "office_test.hpp"

#include <com/sun/star/beans/NamedValue.hpp>
#include <com/sun/star/configuration/theDefaultProvider.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/container/XNameAccess.hpp>
#include <com/sun/star/deployment/PackageInformationProvider.hpp>
#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>
#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>
#include <com/sun/star/util/XCloseable.hpp>
#include <com/sun/star/util/theMacroExpander.hpp>
#include <osl/file.hxx>
#include <rtl/uri.hxx>

#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

using namespace kpi::office_test;
using css::uno::Any;
using css::uno::Reference;
using css::uno::UNO_QUERY_THROW;
namespace fs = std::filesystem;

namespace {

// Set up before main(), so every office of this binary inherits it.
struct fake_browser {
    fs::path dir = fs::path(KPI_TEST_WORK_DIR) / "fake-desktop";
    fs::path log = dir / "opened.txt";

    fake_browser() {
        fs::remove_all(dir);
        fs::create_directories(dir / "data" / "applications");
        fs::create_directories(dir / "config");
        const fs::path script = dir / "fake-browser.sh";
        std::ofstream(script) << "#!/bin/sh\nprintf '%s\\n' \"$1\" >> '" << log.string() << "'\n";
        fs::permissions(script, fs::perms::owner_all | fs::perms::group_read | fs::perms::others_read);
        std::ofstream(dir / "data" / "applications" / "kpi-fake-browser.desktop")
            << "[Desktop Entry]\nType=Application\nName=KPI fake browser\nExec=" << script.string()
            << " %u\nMimeType=text/html;\n";
        std::ofstream(dir / "config" / "mimeapps.list")
            << "[Default Applications]\ntext/html=kpi-fake-browser.desktop\n"
               "x-scheme-handler/file=kpi-fake-browser.desktop\n";
        std::ofstream(dir / "mailcap"); // no run-mailcap viewer
        setenv("XDG_DATA_HOME", (dir / "data").c_str(), 1);
        setenv("XDG_CONFIG_HOME", (dir / "config").c_str(), 1);
        setenv("BROWSER", script.c_str(), 1);
        setenv("MAILCAPS", (dir / "mailcap").c_str(), 1);
        for (const char* desktop_hint :
             {"XDG_CURRENT_DESKTOP", "DESKTOP_SESSION", "KDE_FULL_SESSION", "GNOME_DESKTOP_SESSION_ID",
              "MATE_DESKTOP_SESSION_ID", "WAYLAND_DISPLAY"})
            unsetenv(desktop_hint);
    }

    std::vector<std::string> lines() const {
        std::ifstream in(log);
        std::vector<std::string> out;
        for (std::string line; std::getline(in, line);)
            out.push_back(line);
        return out;
    }

    // The next thing opened after `count` earlier ones, as a file path ("" after 30 s).
    std::string next_opened(std::size_t count) const {
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
        while (std::chrono::steady_clock::now() < deadline) {
            const auto all = lines();
            if (all.size() > count)
                return as_path(all[count]);
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
        return {};
    }

    static std::string as_path(const std::string& opened) {
        if (opened.rfind("file://", 0) != 0)
            return opened; // xdg-open hands a desktop file's Exec the path
        OUString path;
        osl::FileBase::getSystemPathFromFileURL(ou(opened), path);
        return u8(path);
    }
};
const fake_browser browser;

// The installed extension's folder, as a path (independent of the add-in's own lookup).
fs::path package_folder(kpi::office::session& office) {
    OUString location = css::deployment::PackageInformationProvider::get(office.context())
                            ->getPackageLocation("org.kpimarketing.calc");
    if (location.startsWith("vnd.sun.star.expand:"))
        location = css::util::theMacroExpander::get(office.context())
                       ->expandMacros(rtl::Uri::decode(location.copy(20), rtl_UriDecodeWithCharset,
                                                       RTL_TEXTENCODING_UTF8));
    OUString path;
    if (osl::FileBase::getSystemPathFromFileURL(location, path) != osl::FileBase::E_None)
        return {};
    return fs::path(u8(path));
}

css::beans::PropertyValue arg(const char* name, const std::string& value) {
    css::beans::PropertyValue p;
    p.Name = OUString::createFromAscii(name);
    p.Value <<= ou(value);
    return p;
}

struct document {
    Reference<css::lang::XComponent> doc;
    explicit document(kpi::office::session& office) : doc(office.new_spreadsheet()) {}
    ~document() {
        Reference<css::util::XCloseable> closeable(doc, css::uno::UNO_QUERY);
        if (closeable.is())
            closeable->close(true);
    }
    Reference<css::frame::XFrame> frame() const {
        return Reference<css::frame::XModel>(doc, UNO_QUERY_THROW)->getCurrentController()->getFrame();
    }
};

// Dispatches the Help command (with a Page argument unless empty) and returns what the browser got.
std::string help_opens(kpi::office::session& office, const std::string& page) {
    document book(office);
    const std::size_t before = browser.lines().size();
    std::vector<css::beans::PropertyValue> args;
    if (!page.empty())
        args.push_back(arg("Page", page));
    gui::dispatch_in_background command(
        book.frame(), "org.kpimarketing.command:Help",
        css::uno::Sequence<css::beans::PropertyValue>(args.data(), static_cast<sal_Int32>(args.size())),
        office);
    EXPECT_TRUE(command.finished(std::chrono::seconds(60)));
    return browser.next_opened(before);
}

} // namespace

TEST(Help, FolderIsInTheInstalledExtension) {
    const fs::path folder = package_folder(office());
    ASSERT_FALSE(folder.empty());
    EXPECT_TRUE(fs::is_regular_file(folder / "description.xml")) << folder;
    EXPECT_TRUE(fs::is_regular_file(folder / "help" / "help.css")) << folder;
    for (const char* lang : {"en", "vi"})
        for (const char* page :
             {"index", "register", "smart", "wizard", "import", "report", "fn-CPL", "fn-AUDIT"})
            EXPECT_TRUE(fs::is_regular_file(folder / "help" / lang / (std::string(page) + ".html")))
                << folder << " " << lang << " " << page;
}

TEST(Help, MenuEntryIsRegistered) {
    auto provider = css::configuration::theDefaultProvider::get(office().context());
    const Any path(css::beans::NamedValue{
        "nodepath",
        Any(OUString("/org.openoffice.Office.Addons/AddonUI/OfficeMenuBar/org.kpimarketing.menu/Submenu"))});
    Reference<css::container::XNameAccess> items(
        provider->createInstanceWithArguments("com.sun.star.configuration.ConfigurationAccess",
                                              css::uno::Sequence<Any>(&path, 1)),
        UNO_QUERY_THROW);
    ASSERT_TRUE(items->hasByName("m9_hlp"));
    Reference<css::container::XNameAccess> item(items->getByName("m9_hlp"), UNO_QUERY_THROW);
    OUString url, title;
    item->getByName("URL") >>= url;
    item->getByName("Title") >>= title;
    EXPECT_EQ(u8(url), "org.kpimarketing.command:Help");
    EXPECT_EQ(u8(title), "Help"); // the en-US office
}

TEST(Help, CommandOpensTheIndexInTheUiLanguage) {
    const fs::path help = package_folder(office()) / "help";
    EXPECT_EQ(help_opens(office(), ""), (help / "en" / "index.html").string());
}

TEST(Help, PageArgumentOpensThatPageOrTheIndex) {
    const fs::path en = package_folder(office()) / "help" / "en";
    EXPECT_EQ(help_opens(office(), "register"), (en / "register.html").string());
    EXPECT_EQ(help_opens(office(), "fn-CPL"), (en / "fn-CPL.html").string());
    // Nothing outside the help tree, and no page that does not exist.
    EXPECT_EQ(help_opens(office(), "../../description"), (en / "index.html").string());
    EXPECT_EQ(help_opens(office(), "no-such-page"), (en / "index.html").string());
}

TEST(Help, WizardHelpButtonOpensTheWizardPage) {
    if (!gui::in_a_window())
        GTEST_SKIP() << "needs a window (run by ctest under Xvfb)";
    document book(office());
    const std::size_t before = browser.lines().size();
    gui::dispatch_in_background command(book.frame(), "org.kpimarketing.command:NewWorkbook");
    ASSERT_TRUE(gui::wait_for(gui::is_modal_dialog).is()) << gui::dump_windows();
    EXPECT_TRUE(gui::press("Help"));
    const std::string opened = browser.next_opened(before);
    EXPECT_TRUE(gui::press("Cancel"));
    EXPECT_TRUE(command.finished());
    EXPECT_EQ(opened, (package_folder(office()) / "help" / "en" / "wizard.html").string());
    EXPECT_EQ(Reference<css::container::XIndexAccess>(
                  Reference<css::sheet::XSpreadsheetDocument>(book.doc, UNO_QUERY_THROW)->getSheets(),
                  UNO_QUERY_THROW)
                  ->getCount(),
              1); // Help and Cancel built nothing
}

TEST(Help, VietnameseOfficeOpensTheVietnamesePages) {
    auto vi = start_office_with_extension("vi", "vi");
    const fs::path help = package_folder(*vi) / "help";
    EXPECT_EQ(help_opens(*vi, ""), (help / "vi" / "index.html").string());
    EXPECT_EQ(help_opens(*vi, "wizard"), (help / "vi" / "wizard.html").string());
}
