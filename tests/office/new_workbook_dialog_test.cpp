// "New KPI workbook..." (org.kpimarketing.command:NewWorkbook) in a real Calc: the menu item and the
// toolbar are registered, Silent=true builds from dispatch arguments without the dialog, and (under
// Xvfb) screenshots of the wizard's steps in English and Vietnamese:
// <build>/tests/screenshots/new-workbook-{en,vi}-step{1..4}.png, for a person to look at.
#include "gui.hpp"
#include "office_test.hpp"

#include <kpi/catalog.hpp>
#include <kpi/workbook_template.hpp>

#include <com/sun/star/beans/NamedValue.hpp>
#include <com/sun/star/awt/PosSize.hpp>
#include <com/sun/star/awt/XWindow.hpp>
#include <com/sun/star/configuration/theDefaultProvider.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/container/XNameAccess.hpp>
#include <com/sun/star/frame/DispatchHelper.hpp>
#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/frame/XDispatchProvider.hpp>
#include <com/sun/star/frame/XFrame.hpp>
#include <com/sun/star/frame/XLayoutManager.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/ui/DockingArea.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>
#include <com/sun/star/sheet/XCellRangeData.hpp>
#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>
#include <com/sun/star/util/XCloseable.hpp>
#include <com/sun/star/view/XSelectionSupplier.hpp>


#include <gtest/gtest.h>


#include <cstdlib>
#include <filesystem>
#include <set>
#include <vector>

using namespace kpi::office_test;
using css::uno::Any;
using css::uno::Reference;
using css::uno::UNO_QUERY_THROW;

namespace {

css::beans::PropertyValue arg(const char* name, const Any& value) {
    css::beans::PropertyValue p;
    p.Name = OUString::createFromAscii(name);
    p.Value = value;
    return p;
}
css::beans::PropertyValue arg(const char* name, const std::string& value) { return arg(name, Any(ou(value))); }

struct new_document {
    kpi::office::session& office;
    Reference<css::lang::XComponent> doc;
    Reference<css::sheet::XSpreadsheetDocument> spreadsheet;

    explicit new_document(kpi::office::session& o) : office(o), doc(o.new_spreadsheet()), spreadsheet(doc, UNO_QUERY_THROW) {}
    ~new_document() {
        Reference<css::util::XCloseable> closeable(doc, css::uno::UNO_QUERY);
        if (closeable.is()) closeable->close(true);
    }
    Reference<css::frame::XFrame> frame() const {
        return Reference<css::frame::XModel>(doc, UNO_QUERY_THROW)->getCurrentController()->getFrame();
    }
    void dispatch(const std::vector<css::beans::PropertyValue>& args) {
        auto helper = css::frame::DispatchHelper::create(office.context());
        helper->executeDispatch(Reference<css::frame::XDispatchProvider>(frame(), UNO_QUERY_THROW),
                                "org.kpimarketing.command:NewWorkbook", "", 0,
                                css::uno::Sequence<css::beans::PropertyValue>(args.data(), static_cast<sal_Int32>(args.size())));
    }
    int sheet_count() const {
        return Reference<css::container::XIndexAccess>(spreadsheet->getSheets(), UNO_QUERY_THROW)->getCount();
    }
    // The texts in column A of a sheet (the register's IDs).
    std::set<std::string> column_a(const std::string& sheet_name) const {
        Reference<css::sheet::XSpreadsheet> sheet(spreadsheet->getSheets()->getByName(ou(sheet_name)), UNO_QUERY_THROW);
        std::set<std::string> out;
        auto range = sheet->getCellRangeByPosition(0, 0, 0, 300);
        for (const auto& row : Reference<css::sheet::XCellRangeData>(range, UNO_QUERY_THROW)->getDataArray()) {
            OUString s;
            if (row[0] >>= s) out.insert(u8(s));
        }
        return out;
    }
};



// Opens the wizard as a menu click does (modal), pre-filled by the dispatch arguments `args`, screenshots
// its four steps (<name>-step1.png .. -step4.png; "Next" between them, as a user clicks), then presses
// Cancel: the document must stay as it was. `vi`: the wizard's Vietnamese button labels.
void screenshot_wizard(kpi::office::session& in, const std::string& name,
                       const std::vector<css::beans::PropertyValue>& args, bool vi = false) {
    new_document book(in);
    book.frame()->getContainerWindow()->setPosSize(0, 0, 1280, 800, css::awt::PosSize::POSSIZE);
    const int before = book.sheet_count();
    const auto prefix = (gui::screenshot_dir() / name).string();
    for (int s = 1; s <= 4; ++s) std::filesystem::remove(prefix + "-step" + std::to_string(s) + ".png");
    gui::dispatch_in_background command(book.frame(), "org.kpimarketing.command:NewWorkbook",
                                        css::uno::Sequence<css::beans::PropertyValue>(args.data(),
                                                                                      static_cast<sal_Int32>(args.size())),
                                        in);
    ASSERT_TRUE(gui::wait_for(gui::is_modal_dialog, in).is()) << "the wizard is not open\n" << gui::dump_windows(in);
    for (int s = 1; s <= 4; ++s) {
        if (s > 1) {
            EXPECT_TRUE(gui::press(vi ? "Tiếp >" : "Next >", in));
        }
        gui::screenshot(prefix + "-step" + std::to_string(s) + ".png");
    }
    EXPECT_TRUE(gui::press(vi ? "Hủy" : "Cancel", in));
    EXPECT_TRUE(command.finished());
    EXPECT_EQ(book.sheet_count(), before); // cancelling the wizard builds nothing
}

// Runs the command as a menu click does (no arguments: the modal wizard) on another thread, presses
// `buttons` in turn, and expects the command to return within 90 s.
void click_through(new_document& book, const std::vector<std::string>& buttons) {
    gui::dispatch_in_background command(book.frame(), "org.kpimarketing.command:NewWorkbook");
    EXPECT_TRUE(gui::wait_for(gui::is_modal_dialog).is()) << "the wizard is not running modally\n" << gui::dump_windows();
    for (const auto& b : buttons) EXPECT_TRUE(gui::press(b)) << "no button " << b;
    EXPECT_TRUE(command.finished()) << "the wizard is still open after pressing its buttons";
}

} // namespace

TEST(NewWorkbookCommand, MenuItemAndToolbarAreRegistered) {
    auto provider = css::configuration::theDefaultProvider::get(office().context());
    const Any path(css::beans::NamedValue{"nodepath", Any(OUString("/org.openoffice.Office.Addons/AddonUI"))});
    Reference<css::container::XNameAccess> ui(
        provider->createInstanceWithArguments("com.sun.star.configuration.ConfigurationAccess",
                                              css::uno::Sequence<Any>(&path, 1)),
        UNO_QUERY_THROW);
    Reference<css::container::XNameAccess> toolbars(ui->getByName("OfficeToolBar"), UNO_QUERY_THROW);
    ASSERT_TRUE(toolbars->hasByName("org.kpimarketing.toolbar"));
    Reference<css::container::XNameAccess> menus(ui->getByName("OfficeMenuBar"), UNO_QUERY_THROW);
    Reference<css::container::XNameAccess> menu(menus->getByName("org.kpimarketing.menu"), UNO_QUERY_THROW);
    Reference<css::container::XNameAccess> items(menu->getByName("Submenu"), UNO_QUERY_THROW);
    ASSERT_TRUE(items->hasByName("m1_new"));
    Reference<css::container::XNameAccess> item(items->getByName("m1_new"), UNO_QUERY_THROW);
    OUString url;
    item->getByName("URL") >>= url;
    EXPECT_EQ(u8(url), "org.kpimarketing.command:NewWorkbook");
}

TEST(NewWorkbookCommand, SilentBuildsFromDispatchArguments) {
    new_document book(office());
    const int before = book.sheet_count();
    book.dispatch({arg("Silent", Any(true)), arg("Industry", "retail"), arg("Language", "en"),
                   arg("Currency", "USD"), arg("Channels", "facebook,zalo"), arg("BusinessName", "Test Shop"),
                   arg("Goals", "revenue_growth=0.3,romi=2.5")});
    EXPECT_EQ(book.sheet_count(), before + static_cast<int>(kpi::template_sheet_count));
    ASSERT_TRUE(book.spreadsheet->getSheets()->hasByName("KPI Register"));
    const auto ids = book.column_a("KPI Register");
    EXPECT_TRUE(ids.count("S-REV")) << "revenue growth goal";
    EXPECT_TRUE(ids.count("S-ROMI"));
    bool has_facebook = false, has_google = false;
    for (const auto& id : ids) {
        has_facebook |= id.rfind("FB-", 0) == 0;
        has_google |= id.rfind("GG-", 0) == 0;
    }
    EXPECT_TRUE(has_facebook);
    EXPECT_FALSE(has_google);
}

TEST(NewWorkbookCommand, ExcludedKpisStayOut) {
    new_document all(office());
    all.dispatch({arg("Silent", Any(true)), arg("Language", "en"), arg("Channels", "facebook")});
    std::vector<std::string> fb;
    for (const auto& id : all.column_a("KPI Register"))
        if (id.rfind("FB-", 0) == 0) fb.push_back(id);
    ASSERT_GE(fb.size(), 2u);
    new_document some(office());
    some.dispatch({arg("Silent", Any(true)), arg("Language", "en"), arg("Channels", "facebook"), arg("Exclude", fb[0])});
    const auto ids = some.column_a("KPI Register");
    EXPECT_FALSE(ids.count(fb[0]));
    EXPECT_TRUE(ids.count(fb[1]));
}

TEST(NewWorkbookCommand, BadArgumentsChangeNothing) {
    new_document book(office());
    const int before = book.sheet_count();
    book.dispatch({arg("Silent", Any(true)), arg("Industry", "space travel")});
    book.dispatch({arg("Silent", Any(true)), arg("Channels", "carrier pigeon")});
    EXPECT_EQ(book.sheet_count(), before);
}

TEST(NewWorkbookDialog, ScreenshotsEnglish) {
    if (!gui::in_a_window()) GTEST_SKIP() << "not in a window";
    screenshot_wizard(office(), "new-workbook-en", {arg("Industry", "ecommerce")});
}

TEST(NewWorkbookDialog, ScreenshotsVietnamese) {
    if (!gui::in_a_window()) GTEST_SKIP() << "not in a window";
    auto vi = start_office_with_extension("vi", "vi");
    screenshot_wizard(*vi, "new-workbook-vi", {arg("Industry", "b2b")}, true);
}

// The modal wizard as a user drives it (buttons pressed through the accessibility API): Next to the
// review step, Finish builds; Cancel changes nothing.
TEST(NewWorkbookDialog, NextNextNextFinishBuildsTheWorkbook) {
    if (!gui::in_a_window()) GTEST_SKIP() << "not in a window";
    new_document book(office());
    const int before = book.sheet_count();
    click_through(book, {"Next >", "Next >", "Next >", "Finish"});
    EXPECT_EQ(book.sheet_count(), before + static_cast<int>(kpi::template_sheet_count));
}

// Step 4 lists the proposed KPIs as checkboxes under the goal each serves: unticking one leaves it out
// of the register, the others stay.
TEST(NewWorkbookDialog, UntickedKpiStaysOutOfTheRegister) {
    if (!gui::in_a_window()) GTEST_SKIP() << "not in a window";
    new_document book(office());
    const int before = book.sheet_count();
    gui::dispatch_in_background command(book.frame(), "org.kpimarketing.command:NewWorkbook");
    ASSERT_TRUE(gui::wait_for(gui::is_modal_dialog).is()) << gui::dump_windows();
    for (int i = 0; i < 3; ++i) EXPECT_TRUE(gui::press("Next >"));
    // The English UI's defaults: e-commerce with Facebook Ads among its channels.
    EXPECT_TRUE(gui::wait_for(gui::checkbox("Click-through rate - Facebook Ads")).is()) << gui::dump_windows();
    EXPECT_TRUE(gui::click_checkbox("Cost per lead - Facebook Ads"));
    EXPECT_TRUE(gui::press("Finish"));
    ASSERT_TRUE(command.finished());
    ASSERT_EQ(book.sheet_count(), before + static_cast<int>(kpi::template_sheet_count));
    const auto ids = book.column_a("KPI Register");
    EXPECT_FALSE(ids.count("FB-CPL")) << "unticked";
    EXPECT_TRUE(ids.count("FB-CTR"));
    EXPECT_TRUE(ids.count("GG-CPC"));
}

TEST(NewWorkbookDialog, CancelChangesNothing) {
    if (!gui::in_a_window()) GTEST_SKIP() << "not in a window";
    new_document book(office());
    const int before = book.sheet_count();
    click_through(book, {"Next >", "Cancel"});
    EXPECT_EQ(book.sheet_count(), before);
}

// The validation message: no channel ticked, Next on step 3 stays there and says why
// (new-workbook-en-nochannel-step4.png shows step 3 with the message).
TEST(NewWorkbookDialog, ScreenshotOfAValidationMessage) {
    if (!gui::in_a_window()) GTEST_SKIP() << "not in a window";
    screenshot_wizard(office(), "new-workbook-en-nochannel", {arg("Channels", "none")});
}

// The longest review step: every goal and channel, 22 KPIs under 5 headings in two columns
// (new-workbook-en-all-step4.png).
TEST(NewWorkbookDialog, ScreenshotOfTheLongestReview) {
    if (!gui::in_a_window()) GTEST_SKIP() << "not in a window";
    screenshot_wizard(office(), "new-workbook-en-all",
                      {arg("Channels", "facebook,google,tiktok,zalo,seo,email,events"),
                       arg("Goals", "revenue_growth=20%,profit_margin=0.2,market_share=10%,marketing_revenue_share=0.5,romi=3")});
}

// Issue 2: Calc's own Function Wizard (Insert > Function...) in a Vietnamese office, opened on a cell
// holding =KPI.CPL(100;4), shows the catalog's Vietnamese description and argument names.
// Screenshot: <build>/tests/screenshots/function-wizard-vi.png.
TEST(FunctionWizard, ShowsTheVietnameseHelpOfAKpiFunction) {
    if (!gui::in_a_window()) GTEST_SKIP() << "not in a window";
    const auto* cpl = kpi::find_function("KPI.CPL");
    ASSERT_NE(cpl, nullptr);
    auto vi = start_office_with_extension("vi", "vi");
    new_document book(*vi);
    book.frame()->getContainerWindow()->setPosSize(0, 0, 1280, 800, css::awt::PosSize::POSSIZE);
    Reference<css::container::XIndexAccess> sheets(book.spreadsheet->getSheets(), UNO_QUERY_THROW);
    Reference<css::sheet::XSpreadsheet> sheet(sheets->getByIndex(0), UNO_QUERY_THROW);
    auto cell = sheet->getCellByPosition(0, 0);
    cell->setFormula("=KPI.CPL(100;4)");
    ASSERT_DOUBLE_EQ(cell->getValue(), 25);
    Reference<css::view::XSelectionSupplier>(book.frame()->getController(), UNO_QUERY_THROW)->select(Any(cell));

    gui::dispatch_in_background command(book.frame(), ".uno:FunctionDialog", {}, *vi);
    const std::string description(cpl->description.vi);
    const auto shown = gui::wait_for(
        [&](const Reference<css::accessibility::XAccessibleContext>& c) {
            return u8(c->getAccessibleName()).find(description.substr(0, 30)) != std::string::npos;
        },
        *vi);
    EXPECT_TRUE(shown.is()) << "no Vietnamese description of KPI.CPL in the wizard\n" << gui::dump_windows(*vi);
    for (const auto& p : cpl->params) {
        const std::string name(p.display.vi);
        EXPECT_TRUE(gui::wait_for(
                        [&](const Reference<css::accessibility::XAccessibleContext>& c) {
                            return u8(c->getAccessibleName()).find(name) != std::string::npos;
                        },
                        *vi)
                        .is())
            << "argument " << name;
    }
    gui::screenshot(gui::screenshot_dir() / "function-wizard-vi.png");
    EXPECT_TRUE(gui::press(gui::stock_label("_Cancel", "for", *vi), *vi)); // "Cancel" in 7.4, "Huỷ (C)" in 25.2
    EXPECT_TRUE(command.finished());
}

namespace {

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
// The names of the items of the menu `title` in the menu bar of a document window, read through
// accessibility (what a screen reader, and a user, gets), without walking the document's cells.
std::vector<std::string> menu_items(const Reference<css::frame::XFrame>& frame, const std::string& title) {
    using gui::XAccessibleContext;
    std::function<Reference<XAccessibleContext>(const Reference<XAccessibleContext>&, int)> find_menu =
        [&](const Reference<XAccessibleContext>& c, int depth) -> Reference<XAccessibleContext> {
        if (!c.is() || depth > 8) return nullptr;
        const auto r = c->getAccessibleRole();
        if (r == gui::role::MENU && u8(c->getAccessibleName().replaceAll("~", "")) == title) return c;
        if (r == gui::role::TABLE || r == gui::role::DOCUMENT_SPREADSHEET || r == gui::role::DOCUMENT) return nullptr;
        const auto n = gui::child_count(c);
        for (sal_Int64 i = 0; i < n && i < 60; ++i)
            if (auto found = find_menu(gui::child(c, i), depth + 1); found.is()) return found;
        return nullptr;
    };
    Reference<css::accessibility::XAccessible> window(frame->getContainerWindow(), css::uno::UNO_QUERY_THROW);
    std::vector<std::string> out;
    for (int attempt = 0; attempt < 50 && out.empty(); ++attempt) {
        auto menu = find_menu(window->getAccessibleContext(), 0);
        if (menu.is())
            for (sal_Int64 i = 0, n = gui::child_count(menu); i < n; ++i) {
                auto item = gui::child(menu, i);
                if (item.is() && item->getAccessibleRole() == gui::role::MENU_ITEM)
                    out.push_back(u8(item->getAccessibleName().replaceAll("~", "")));
            }
        if (out.empty()) std::this_thread::sleep_for(std::chrono::milliseconds(200));
    }
    return out;
}
#pragma GCC diagnostic pop

} // namespace

// The menu in a real window, read through accessibility: the commands in the order of a user's
// work, Help last. (The configuration orders a set's node names by length before content, so names of different
// lengths put "New KPI workbook" last: packaging/registry/Addons.xcu.)
TEST(Menu, KpiMarketingListsItsCommandsInOrder) {
    if (!gui::in_a_window()) GTEST_SKIP() << "not in a window";
    new_document book(office());
    const std::vector<std::string> expected{"New KPI workbook...", "Import channel data...", "Audit KPI register",
                                            "Export KPI report...", "Copy for sharing...", "Draw KPI tree", "Help"};
    EXPECT_EQ(menu_items(book.frame(), "KPI Marketing"), expected) << gui::dump_windows();
}

// The "KPI Marketing" toolbar opens docked at the top (packaging/registry/CalcWindowState.xcu), below
// the standard bars rather than over them; a screenshot shows the window.
TEST(Toolbar, OpensDockedAtTheTopCoveringNoOtherBar) {
    if (!gui::in_a_window()) GTEST_SKIP() << "not in a window";
    new_document book(office());
    book.frame()->getContainerWindow()->setPosSize(0, 0, 1280, 800, css::awt::PosSize::POSSIZE);
    Reference<css::frame::XLayoutManager> layout(
        Reference<css::beans::XPropertySet>(book.frame(), UNO_QUERY_THROW)->getPropertyValue("LayoutManager"),
        UNO_QUERY_THROW);
    const OUString ours("private:resource/toolbar/addon_org.kpimarketing.toolbar");
    for (int attempt = 0; attempt < 50 && !layout->getElement(ours).is(); ++attempt)
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
    ASSERT_TRUE(layout->getElement(ours).is()) << "the toolbar is not created";
    EXPECT_TRUE(layout->isElementVisible(ours));
    EXPECT_TRUE(layout->isElementDocked(ours));
    EXPECT_FALSE(layout->isElementFloating(ours));
    const auto pos = layout->getElementPos(ours);
    const auto size = layout->getElementSize(ours);
    EXPECT_GT(size.Width, 0);
    for (const char* other : {"private:resource/toolbar/standardbar", "private:resource/toolbar/formatobjectbar"}) {
        const OUString name = OUString::createFromAscii(other);
        if (!layout->isElementVisible(name)) continue;
        // A docked element's position is its docking row (Y) and its place in that row (X, pixels).
        ASSERT_TRUE(layout->isElementDocked(name)) << other;
        const auto p = layout->getElementPos(name);
        const auto s = layout->getElementSize(name);
        const bool apart = pos.Y != p.Y || pos.X >= p.X + s.Width || p.X >= pos.X + size.Width;
        EXPECT_TRUE(apart) << other << " at " << p.X << "," << p.Y << " " << s.Width << "x" << s.Height
                           << "; ours at " << pos.X << "," << pos.Y << " " << size.Width << "x" << size.Height;
    }
    gui::screenshot(gui::screenshot_dir() / "toolbar-docked.png");
}
