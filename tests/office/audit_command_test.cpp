// "Audit KPI register" from the menu (dispatched like a click), in a real Calc: the audit sheet,
// the conditional format, one Undo, and never touching a user's sheet.
#include "office_test.hpp"

#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/document/XUndoManagerSupplier.hpp>
#include <com/sun/star/frame/DispatchHelper.hpp>
#include <com/sun/star/frame/XDispatchProvider.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/sheet/XCellRangeData.hpp>
#include <com/sun/star/sheet/XSheetConditionalEntries.hpp>
#include <com/sun/star/sheet/XSheetConditionalEntry.hpp>
#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>
#include <com/sun/star/style/XStyleFamiliesSupplier.hpp>
#include <com/sun/star/util/XCloseable.hpp>
#include <com/sun/star/sheet/XArrayFormulaRange.hpp>
#include <com/sun/star/sheet/XCalculatable.hpp>
#include <com/sun/star/text/XText.hpp>
#include <com/sun/star/awt/PosSize.hpp>
#include <com/sun/star/awt/XWindow.hpp>
#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/frame/XFrame.hpp>
#include <com/sun/star/sheet/XSpreadsheetView.hpp>
#include <com/sun/star/table/XColumnRowRange.hpp>
#include <com/sun/star/table/XTableRows.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <thread>
#include <unistd.h>

using namespace kpi::office_test;
using css::uno::Any;
using css::uno::Reference;
using css::uno::UNO_QUERY_THROW;

namespace {

struct open_register {
    kpi::office::session& in;
    Reference<css::lang::XComponent> doc;
    Reference<css::sheet::XSpreadsheetDocument> spreadsheet;

    explicit open_register(const char* name, kpi::office::session& o = office()) : in(o) {
        // A fresh folder per run: no lock file of an earlier, interrupted run can ask questions.
        const auto copy = std::filesystem::path(KPI_TEST_WORK_DIR) / ("docs-" + std::to_string(getpid())) / name;
        std::filesystem::create_directories(copy.parent_path());
        std::filesystem::copy_file(std::filesystem::path(KPI_TEST_DATA_DIR) / name, copy,
                                   std::filesystem::copy_options::overwrite_existing);
        doc = in.open(copy);
        spreadsheet.set(doc, UNO_QUERY_THROW);
    }
    ~open_register() {
        Reference<css::util::XCloseable> closeable(doc, css::uno::UNO_QUERY);
        if (closeable.is()) closeable->close(true);
    }

    void dispatch(const std::string& command) {
        auto frame = Reference<css::frame::XModel>(doc, UNO_QUERY_THROW)->getCurrentController()->getFrame();
        auto helper = css::frame::DispatchHelper::create(in.context());
        css::beans::PropertyValue silent;
        silent.Name = "Silent";
        silent.Value <<= true; // no modal message box to wait on
        helper->executeDispatch(Reference<css::frame::XDispatchProvider>(frame, UNO_QUERY_THROW),
                                ou("org.kpimarketing.command:" + command), "", 0,
                                css::uno::Sequence<css::beans::PropertyValue>(&silent, 1));
    }
    bool has_sheet(const std::string& name) { return spreadsheet->getSheets()->hasByName(ou(name)); }
    int sheet_count() {
        return Reference<css::container::XIndexAccess>(spreadsheet->getSheets(), UNO_QUERY_THROW)->getCount();
    }
    Reference<css::sheet::XSpreadsheet> sheet(const std::string& name) {
        return Reference<css::sheet::XSpreadsheet>(spreadsheet->getSheets()->getByName(ou(name)), UNO_QUERY_THROW);
    }
    std::string text(const std::string& sheet_name, int col, int row) {
        return u8(sheet(sheet_name)->getCellByPosition(col, row)->getFormula());
    }
    // The rows of an audit sheet as "ID|LINK|SMART" strings (LINK: the code column).
    std::vector<std::string> audit_rows(const std::string& sheet_name) {
        auto range = sheet(sheet_name)->getCellRangeByPosition(0, 5, 5, 40);
        std::vector<std::string> out;
        for (const auto& row : Reference<css::sheet::XCellRangeData>(range, UNO_QUERY_THROW)->getDataArray()) {
            OUString id, link;
            double smart = -1;
            row[0] >>= id;
            row[4] >>= link;
            row[5] >>= smart;
            if (id.isEmpty()) break; // the table ends at an empty row; warnings follow it
            out.push_back(u8(id) + "|" + u8(link) + "|" + std::to_string(static_cast<int>(smart)));
        }
        return out;
    }
    // Our conditional-format rules on the register's KPI rows.
    int flagged_rules(const std::string& sheet_name) {
        Reference<css::beans::XPropertySet> props(sheet(sheet_name)->getCellRangeByName("A2:M10"), UNO_QUERY_THROW);
        Reference<css::sheet::XSheetConditionalEntries> entries(props->getPropertyValue("ConditionalFormat"),
                                                               UNO_QUERY_THROW);
        int n = 0;
        for (sal_Int32 i = 0; i < entries->getCount(); ++i) {
            Reference<css::sheet::XSheetConditionalEntry> entry(entries->getByIndex(i), UNO_QUERY_THROW);
            n += entry->getStyleName() == "KPI Flagged";
        }
        return n;
    }
    void undo() {
        Reference<css::document::XUndoManagerSupplier>(doc, UNO_QUERY_THROW)->getUndoManager()->undo();
    }
};

// Every KPI of register-en.fods with its link code and SMART score.
const std::vector<std::string> expected_rows{"S1|OK|5",       "S2|OK|5",    "T1|OK|5",
                                             "T2|OK|5",       "T3|UNLINKED|3", "T4|BROKEN|4",
                                             "T5|CYCLE|4",    "T6|CYCLE|4", "S3|INVERTED|4"};
// The audit sheet lists the flagged ones.
const std::vector<std::string> flagged_rows{"T3|UNLINKED|3", "T4|BROKEN|4", "T5|CYCLE|4", "T6|CYCLE|4",
                                            "S3|INVERTED|4"};

} // namespace

TEST(AuditCommand, WritesTheAuditSheetAndHighlightsFlaggedRows) {
    open_register book("register-en.fods");
    ASSERT_FALSE(book.has_sheet("KPI Audit"));
    book.dispatch("Audit");
    ASSERT_TRUE(book.has_sheet("KPI Audit"));
    EXPECT_EQ(book.audit_rows("KPI Audit"), flagged_rows);
    EXPECT_EQ(book.text("KPI Audit", 0, 1), "9 KPIs, 5 flagged");
    EXPECT_EQ(book.text("KPI Audit", 3, 5), "No parent"); // T3: the link status in words, the code beside it
    // Below the table (rows 6-10), after an empty row: the warnings, the goals no tactical KPI serves.
    EXPECT_EQ(book.text("KPI Audit", 0, 11), "Warnings");
    EXPECT_EQ(book.text("KPI Audit", 0, 12), "Strategic goal S2 (Marketing ROMI) has no tactical KPI serving it.");
    EXPECT_EQ(book.text("KPI Audit", 0, 13), "Strategic goal S3 (Market share in HCMC) has no tactical KPI serving it.");
    EXPECT_EQ(book.flagged_rules("KPI Register"), 1);
    Reference<css::style::XStyleFamiliesSupplier> styles(book.doc, UNO_QUERY_THROW);
    Reference<css::container::XNameAccess> cell_styles(styles->getStyleFamilies()->getByName("CellStyles"),
                                                      UNO_QUERY_THROW);
    EXPECT_TRUE(cell_styles->hasByName("KPI Flagged"));
}

TEST(AuditCommand, VietnameseRegisterIsRecognised) {
    open_register book("register-vi.fods");
    book.dispatch("Audit");
    ASSERT_TRUE(book.has_sheet("KPI Audit"));
    EXPECT_EQ(book.audit_rows("KPI Audit"), flagged_rows);
}

TEST(AuditCommand, OneUndoRevertsEverything) {
    open_register book("register-en.fods");
    const int sheets_before = book.sheet_count();
    book.dispatch("Audit");
    ASSERT_TRUE(book.has_sheet("KPI Audit"));
    book.undo();
    EXPECT_FALSE(book.has_sheet("KPI Audit"));
    EXPECT_EQ(book.sheet_count(), sheets_before);
    EXPECT_EQ(book.flagged_rules("KPI Register"), 0);
}

TEST(AuditCommand, RunningAgainRefreshesItsOwnSheet) {
    open_register book("register-en.fods");
    book.dispatch("Audit");
    book.dispatch("Audit");
    EXPECT_TRUE(book.has_sheet("KPI Audit"));
    EXPECT_FALSE(book.has_sheet("KPI Audit 2"));
    EXPECT_EQ(book.audit_rows("KPI Audit"), flagged_rows);
    EXPECT_EQ(book.flagged_rules("KPI Register"), 1);
}

TEST(AuditCommand, NeverReplacesAUsersSheetOfTheSameName) {
    open_register book("register-en.fods");
    book.spreadsheet->getSheets()->insertNewByName("KPI Audit", 1);
    book.sheet("KPI Audit")->getCellByPosition(0, 0)->setFormula("my own notes");
    book.dispatch("Audit");
    EXPECT_EQ(book.text("KPI Audit", 0, 0), "my own notes");
    ASSERT_TRUE(book.has_sheet("KPI Audit 2"));
    EXPECT_EQ(book.audit_rows("KPI Audit 2"), flagged_rows);
}

TEST(AuditCommand, NoRegisterLeavesTheDocumentAsItWas) {
    open_register book("no-register.fods");
    const int sheets_before = book.sheet_count();
    book.dispatch("Audit");
    EXPECT_EQ(book.sheet_count(), sheets_before);
}

TEST(AuditCommand, FlagColumnMarksExactlyTheFlaggedRegisterRows) {
    open_register book("register-en.fods");
    book.dispatch("Audit");
    auto audit = book.sheet("KPI Audit");
    std::string flags;
    for (int row = 1; row <= 9; ++row) flags += audit->getCellByPosition(10, row)->getValue() == 1.0 ? "1" : "0";
    EXPECT_EQ(flags, "000011111"); // S1 S2 T1 T2 fine; T3 T4 T5 T6 S3 flagged
}

// The register functions in cells of the same workbook.
TEST(RegisterFunctions, LinkStatusAndSmartPerRow) {
    open_register book("register-en.fods");
    auto sheet = book.sheet("KPI Register");
    for (int row = 1; row <= 9; ++row) {
        const auto r = std::to_string(row + 1);
        sheet->getCellByPosition(14, row)->setFormula(ou("=KPI.LINKSTATUS(A" + r + ";$A$1:$M$10)"));
        sheet->getCellByPosition(15, row)->setFormula(ou("=KPI.SMART(A" + r + ";$A$1:$M$10)"));
    }
    Reference<css::sheet::XCalculatable>(book.doc, UNO_QUERY_THROW)->calculateAll();
    std::vector<std::string> rows;
    for (int row = 1; row <= 9; ++row)
        rows.push_back(book.text("KPI Register", 0, row) + "|" +
                       u8(Reference<css::text::XText>(sheet->getCellByPosition(14, row), UNO_QUERY_THROW)->getString()) +
                       "|" + std::to_string(static_cast<int>(sheet->getCellByPosition(15, row)->getValue())));
    EXPECT_EQ(rows, expected_rows);
}

TEST(RegisterFunctions, SmartIssuesAuditArrayAndErrors) {
    open_register book("register-en.fods");
    auto sheet = book.sheet("KPI Register");
    auto text_of = [&](int col, int row) {
        return u8(Reference<css::text::XText>(sheet->getCellByPosition(col, row), UNO_QUERY_THROW)->getString());
    };
    sheet->getCellByPosition(14, 0)->setFormula("=KPI.SMARTISSUES(\"T3\";$A$1:$M$10)");
    sheet->getCellByPosition(14, 1)->setFormula("=KPI.SMARTISSUES(\"S1\";$A$1:$M$10)");
    sheet->getCellByPosition(14, 2)->setFormula("=KPI.LINKSTATUS(\"NOPE\";$A$1:$M$10)");
    sheet->getCellByPosition(14, 3)->setFormula("=KPI.LINKSTATUS(\"T1\";$B$1:$C$10)");
    sheet->getCellByPosition(14, 4)->setFormula("=KPI.SMART(NA();$A$1:$M$10)");
    Reference<css::sheet::XArrayFormulaRange>(sheet->getCellRangeByPosition(16, 0, 19, 9), UNO_QUERY_THROW)
        ->setArrayFormula("=KPI.AUDIT($A$1:$M$10)");
    Reference<css::sheet::XCalculatable>(book.doc, UNO_QUERY_THROW)->calculateAll();

    const auto issues = text_of(14, 0);
    EXPECT_NE(issues.find("Specific:"), std::string::npos) << issues;
    EXPECT_NE(issues.find("Relevant:"), std::string::npos) << issues;
    EXPECT_EQ(text_of(14, 1), "");
    EXPECT_EQ(sheet->getCellByPosition(14, 2)->getError(), 32767); // #N/A: not in the register
    EXPECT_EQ(sheet->getCellByPosition(14, 3)->getError(), 519);   // #VALUE!: no register header
    EXPECT_EQ(sheet->getCellByPosition(14, 4)->getError(), 32767); // the ID's error passes through
    EXPECT_EQ(text_of(16, 0), "ID");
    EXPECT_EQ(text_of(16, 5) + "|" + text_of(17, 5) + "|" + text_of(18, 5), "T3|UNLINKED|3");
    EXPECT_EQ(text_of(16, 9) + "|" + text_of(17, 9), "S3|INVERTED");
    EXPECT_NE(text_of(19, 6).find("X9"), std::string::npos) << text_of(19, 6);
}

// A screenshot of the highlighted register in a real window (only when run under Xvfb, as ctest
// does): build/tests/screenshots/audit-register.png, for a person to look at.
TEST(AuditCommand, ScreenshotOfTheHighlightedRegister) {
    const char* display = std::getenv("DISPLAY");
    if (!display || std::getenv("KPI_TEST_GUI") == nullptr) GTEST_SKIP() << "not in a window";
    open_register book("register-en.fods");
    book.dispatch("Audit");
    auto controller = Reference<css::frame::XModel>(book.doc, UNO_QUERY_THROW)->getCurrentController();
    Reference<css::sheet::XSpreadsheetView>(controller, UNO_QUERY_THROW)->setActiveSheet(book.sheet("KPI Register"));
    auto window = controller->getFrame()->getContainerWindow();
    window->setPosSize(0, 0, 1280, 800, css::awt::PosSize::POSSIZE);
    std::this_thread::sleep_for(std::chrono::seconds(2)); // let the window paint
    const auto dir = std::filesystem::path(KPI_TEST_WORK_DIR).parent_path() / "screenshots";
    std::filesystem::create_directories(dir);
    const auto png = dir / "audit-register.png";
    const std::string command = "xwd -root -silent | xwdtopnm 2>/dev/null | pnmtopng > '" + png.string() + "'";
    ASSERT_EQ(std::system(command.c_str()), 0);
    EXPECT_GT(std::filesystem::file_size(png), 10000u);
}

// In a Vietnamese office the audit sheet speaks Vietnamese: its name, its headings, the link status in
// words (the machine code in its own column "Mã"), no raw code inside a sentence, cells that wrap
// rather than being cut; running again replaces only that sheet, and a user's sheet of that name is
// left alone.
TEST(AuditCommand, VietnameseOfficeWritesAVietnameseAuditSheet) {
    auto vi = start_office_with_extension("vi", "vi");
    const std::string name = "Kiểm tra KPI";
    {
        open_register book("register-vi.fods", *vi);
        book.dispatch("Audit");
        ASSERT_TRUE(book.has_sheet(name));
        EXPECT_FALSE(book.has_sheet("KPI Audit"));
        EXPECT_EQ(book.audit_rows(name), flagged_rows);
        EXPECT_EQ(book.text(name, 0, 0).rfind("Kiểm tra bảng KPI, ngày ", 0), 0u) << book.text(name, 0, 0);
        EXPECT_EQ(book.text(name, 1, 0), ""); // the title runs on over empty cells: not cut
        EXPECT_EQ(book.text(name, 0, 1), "9 KPI, 5 cần xem lại");
        const std::vector<std::string> headings{"ID", "KPI", "Cấp độ", "Liên kết", "Mã", "SMART (0-5)",
                                                "Vấn đề đầu tiên", "Các tiêu chí SMART chưa đạt"};
        for (int c = 0; c < 8; ++c) EXPECT_EQ(book.text(name, c, 4), headings[static_cast<std::size_t>(c)]);
        // T3 UNLINKED, T4 BROKEN, T5/T6 CYCLE, S3 INVERTED: the status in words beside the code.
        const std::vector<std::string> words{"Chưa có KPI cha", "Không tìm thấy KPI cha", "Vòng lặp KPI cha",
                                             "Vòng lặp KPI cha", "Chiến lược nằm dưới chiến thuật"};
        for (int r = 0; r < 5; ++r) EXPECT_EQ(book.text(name, 3, 5 + r), words[static_cast<std::size_t>(r)]);
        // No machine code inside the sentences (title, level, issues).
        for (int r = 0; r < 10; ++r)
            for (int c : {1, 2, 3, 6, 7})
                for (const char* code : {"UNLINKED", "BROKEN", "CYCLE", "INVERTED", "NOROOT"})
                    EXPECT_EQ(book.text(name, c, r).find(code), std::string::npos) << book.text(name, c, r);
        EXPECT_NE(book.text(name, 7, 5).find("Liên quan: trạng thái liên kết \"Chưa có KPI cha\""), std::string::npos)
            << book.text(name, 7, 5);
        // The table wraps its cells; rows take the height their text needs.
        auto audit = book.sheet(name);
        Reference<css::beans::XPropertySet> table(audit->getCellRangeByPosition(0, 4, 7, 9), UNO_QUERY_THROW);
        bool wrap = false;
        table->getPropertyValue("IsTextWrapped") >>= wrap;
        EXPECT_TRUE(wrap);
        auto rows = Reference<css::table::XColumnRowRange>(audit, UNO_QUERY_THROW)->getRows();
        sal_Int32 header_height = 0, tallest = 0;
        Reference<css::beans::XPropertySet>(rows->getByIndex(4), UNO_QUERY_THROW)->getPropertyValue("Height") >>=
            header_height;
        for (int r = 5; r <= 9; ++r) {
            sal_Int32 h = 0;
            Reference<css::beans::XPropertySet>(rows->getByIndex(r), UNO_QUERY_THROW)->getPropertyValue("Height") >>= h;
            tallest = std::max(tallest, h);
        }
        EXPECT_GT(tallest, header_height) << "a long issue should wrap onto more lines";

        book.dispatch("Audit"); // again: the same sheet, refreshed
        EXPECT_TRUE(book.has_sheet(name));
        EXPECT_FALSE(book.has_sheet(name + " 2"));
        EXPECT_EQ(book.audit_rows(name), flagged_rows);
    }
    {
        open_register book("register-vi.fods", *vi);
        book.spreadsheet->getSheets()->insertNewByName(ou(name), 1);
        book.sheet(name)->getCellByPosition(0, 0)->setFormula(ou("ghi chú của tôi"));
        book.dispatch("Audit");
        EXPECT_EQ(book.text(name, 0, 0), "ghi chú của tôi");
        ASSERT_TRUE(book.has_sheet(name + " 2"));
        EXPECT_EQ(book.audit_rows(name + " 2"), flagged_rows);
        // A screenshot of the sheet in a window, for a person to look at.
        if (std::getenv("DISPLAY") && std::getenv("KPI_TEST_GUI")) {
            auto controller = Reference<css::frame::XModel>(book.doc, UNO_QUERY_THROW)->getCurrentController();
            Reference<css::sheet::XSpreadsheetView>(controller, UNO_QUERY_THROW)->setActiveSheet(book.sheet(name + " 2"));
            controller->getFrame()->getContainerWindow()->setPosSize(0, 0, 1280, 800, css::awt::PosSize::POSSIZE);
            std::this_thread::sleep_for(std::chrono::seconds(2));
            const auto dir = std::filesystem::path(KPI_TEST_WORK_DIR).parent_path() / "screenshots";
            std::filesystem::create_directories(dir);
            const auto png = dir / "audit-sheet-vi.png";
            const std::string command = "xwd -root -silent | xwdtopnm 2>/dev/null | pnmtopng > '" + png.string() + "'";
            EXPECT_EQ(std::system(command.c_str()), 0);
        }
    }
}
