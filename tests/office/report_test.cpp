// KPI reports in a real office (docs/report.md): `kpi report` on the shipped sample, read back with
// pdftotext (every section, the values Calc computed) and rendered with pdftoppm to
// <build>/tests/screenshots/report-*.png for a person to look at; other formats; several workbooks in
// one run with progress and exit codes; overwrite refusal; the menu command by dispatch.
#include "kpi_tool.hpp"
#include "gui.hpp"
#include "office_test.hpp"

#include <kpi/catalog.hpp>
#include <kpi/data_sheet.hpp>

#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/container/XNameAccess.hpp>
#include <com/sun/star/frame/DispatchHelper.hpp>
#include <com/sun/star/frame/XDispatchProvider.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/sheet/XSpreadsheet.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/sheet/XCalculatable.hpp>
#include <com/sun/star/sheet/XPrintAreas.hpp>
#include <com/sun/star/style/XStyleFamiliesSupplier.hpp>
#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>
#include <com/sun/star/table/XCell.hpp>
#include <com/sun/star/util/XCloseable.hpp>
#include <com/sun/star/util/XModifiable.hpp>
#include <com/sun/star/awt/PosSize.hpp>
#include <com/sun/star/chart/XChartDataArray.hpp>
#include <com/sun/star/chart/XChartDocument.hpp>
#include <com/sun/star/container/XNamed.hpp>
#include <com/sun/star/document/XEmbeddedObjectSupplier.hpp>
#include <com/sun/star/table/XTableChartsSupplier.hpp>
#include <com/sun/star/awt/XWindow.hpp>
#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/frame/XFrame.hpp>
#include <osl/file.hxx>

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>
#include <atomic>
#include <chrono>
#include <memory>
#include <functional>
#include <optional>
#include <thread>
#include <unistd.h>

using namespace kpi::office_test;
using css::uno::Reference;
using css::uno::UNO_QUERY_THROW;
namespace fs = std::filesystem;

namespace {

const fs::path sample = sample_workbook();

fs::path work_dir(const std::string& name) { return fresh_dir(name); }

std::string run(const std::string& command) { return run_command(command).out; }

std::string pdf_text(const fs::path& pdf) { return run("pdftotext -layout " + quoted(pdf) + " -"); }

int pdf_pages(const fs::path& pdf) {
    const auto info = run("pdfinfo " + quoted(pdf));
    const auto at = info.find("Pages:");
    return at == std::string::npos ? 0 : std::stoi(info.substr(at + 6));
}


std::string url_of(const fs::path& p) {
    OUString url;
    osl::FileBase::getFileURLFromSystemPath(ou(fs::absolute(p).string()), url);
    return u8(url);
}

// The sample's KPI register as Calc computes it: (ID, unit, actual) of each row.
struct computed_kpi {
    std::string id, unit;
    double actual = 0;
    bool has_actual = false;
};

std::vector<computed_kpi> computed_sample_actuals() {
    auto doc = office().open(sample, true);
    Reference<css::sheet::XCalculatable>(doc, UNO_QUERY_THROW)->calculateAll();
    Reference<css::sheet::XSpreadsheetDocument> spreadsheet(doc, UNO_QUERY_THROW);
    Reference<css::sheet::XSpreadsheet> reg(spreadsheet->getSheets()->getByName("KPI Register"), UNO_QUERY_THROW);
    std::vector<computed_kpi> out;
    for (int row = 1; row < 50; ++row) {
        const auto id = u8(reg->getCellByPosition(0, row)->getFormula());
        if (id.empty()) break;
        computed_kpi k;
        k.id = id;
        k.unit = u8(reg->getCellByPosition(6, row)->getFormula());
        auto actual = reg->getCellByPosition(11, row);
        k.has_actual = actual->getType() != css::table::CellContentType_EMPTY;
        k.actual = actual->getValue();
        out.push_back(k);
    }
    Reference<css::util::XCloseable>(doc, UNO_QUERY_THROW)->close(true);
    return out;
}

// A value the way a Vietnamese report shows it: 30,5% for a "%" unit, 192.175 from 1000 up,
// else 4,02.
std::string vietnamese_display(double v, const std::string& unit) {
    char buffer[64];
    if (unit.find('%') != std::string::npos) {
        std::snprintf(buffer, sizeof buffer, "%.1f%%", v * 100);
    } else if (std::fabs(v) >= 1000) {
        std::string digits = std::to_string(static_cast<long long>(std::llround(v)));
        for (int at = static_cast<int>(digits.size()) - 3; at > 0; at -= 3) digits.insert(static_cast<std::size_t>(at), ".");
        return digits;
    } else {
        std::snprintf(buffer, sizeof buffer, "%.2f", v);
    }
    std::string s = buffer;
    for (auto& c : s)
        if (c == '.') c = ',';
    return s;
}


} // namespace

TEST(KpiReport, SamplePdfHasEverySectionAndTheValuesCalcComputed) {
    const auto dir = work_dir("sample");
    const auto pdf = dir / "kpi-report.pdf";
    // No --lang: the register's Vietnamese header decides.
    const auto r = run_kpi("report " + quoted(sample) + " -o " + quoted(pdf));
    ASSERT_EQ(r.exit_code, 0) << r.out;
    EXPECT_NE(r.out.find("[1/1]"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("1 of 1 report written"), std::string::npos) << r.out;
    ASSERT_TRUE(fs::exists(pdf));
    EXPECT_GE(pdf_pages(pdf), 7); // cover, summary, 3 groups, findings, appendix
    const auto text = pdf_text(pdf);
    for (const char* section :
         {"Báo cáo KPI marketing", "Mộc Trà Online (Hồ Chí Minh)", "2026-01 – 2026-10", "Tóm tắt điều hành",
          "Thu hút & chi phí", "Kênh số & SEO", "Giá trị & quan hệ khách hàng", "Kết quả kiểm tra liên kết và SMART",
          "Phụ lục: định nghĩa các KPI", "Trang 1 / ", "Mức hoàn thành mục tiêu theo KPI"})
        EXPECT_NE(text.find(section), std::string::npos) << "missing: " << section;
    // Findings: the unlinked Zalo KPI; appendix: the catalog's formula of the CPL.
    EXPECT_NE(text.find("UNLINKED"), std::string::npos);
    EXPECT_NE(text.find("spend / leads"), std::string::npos);
    // Every actual Calc computes for the register is in the report, formatted.
    const auto actuals = computed_sample_actuals();
    ASSERT_EQ(actuals.size(), 8u);
    for (const auto& k : actuals) {
        ASSERT_TRUE(k.has_actual) << k.id;
        const auto shown = vietnamese_display(k.actual, k.unit);
        EXPECT_NE(text.find(shown), std::string::npos) << k.id << " actual " << k.actual << " shown as " << shown;
    }
    // Page 1 (the cover), page 4 (a group's table, after the summary and the KPI tree) and page 5 (its
    // chart, on a page of its own), for a person to look at (-singlefile: pdftoppm would pad the page
    // number of a 10-page file to "01").
    const auto shots = gui::screenshot_dir();
    for (const int page : {1, 4, 5}) {
        const auto p = std::to_string(page);
        run("pdftoppm -r 70 -png -singlefile -f " + p + " -l " + p + " " + quoted(pdf) + " " +
            quoted(shots / ("report-sample-vi-page-" + p)));
        EXPECT_GT(fs::file_size(shots / ("report-sample-vi-page-" + p + ".png")), 10000u);
    }
}

TEST(KpiReport, EnglishReportInOtherFormats) {
    const auto dir = work_dir("formats");
    const auto xlsx = dir / "report.xlsx";
    auto r = run_kpi("report " + quoted(sample) + " --lang en -o " + quoted(xlsx));
    ASSERT_EQ(r.exit_code, 0) << r.out;
    auto doc = office().open(xlsx, true);
    Reference<css::sheet::XSpreadsheetDocument> spreadsheet(doc, UNO_QUERY_THROW);
    auto names = spreadsheet->getSheets()->getElementNames();
    std::vector<std::string> sheets;
    for (const auto& n : names) sheets.push_back(u8(n));
    EXPECT_EQ(sheets, (std::vector<std::string>{"Cover", "Summary", "KPI tree", "Acquisition & cost", "Digital & SEO",
                                                 "Customer value & relationship", "Findings", "Appendix"}));
    Reference<css::sheet::XSpreadsheet> summary(spreadsheet->getSheets()->getByName("Summary"), UNO_QUERY_THROW);
    EXPECT_EQ(u8(summary->getCellByPosition(0, 0)->getFormula()), "Executive summary: strategic KPIs");
    EXPECT_EQ(u8(summary->getCellByPosition(0, 4)->getFormula()), "S1");
    EXPECT_EQ(u8(summary->getCellByPosition(9, 4)->getFormula()), "On track");
    Reference<css::util::XCloseable>(doc, UNO_QUERY_THROW)->close(true);

    r = run_kpi("report " + quoted(sample) + " --lang en --period 'Q3 2026' --format html -o " + quoted(dir / "report.html"));
    ASSERT_EQ(r.exit_code, 0) << r.out;
    const auto html = file_bytes(dir / "report.html");
    EXPECT_NE(html.find("Linkage audit and SMART findings"), std::string::npos);
    EXPECT_NE(html.find("Q3 2026"), std::string::npos); // --period wins over the period found in the workbook
    // ODS next to the workbook when there is no -o: a copy of the sample in the work folder.
    fs::copy_file(sample, dir / "client.fods");
    r = run_kpi("report " + quoted(dir / "client.fods") + " --format ods");
    ASSERT_EQ(r.exit_code, 0) << r.out;
    ASSERT_TRUE(fs::exists(dir / "client-report.ods"));
    // Page setup as saved: A4 landscape, a footer, the title and table header repeated on every page.
    auto ods = office().open(dir / "client-report.ods", true);
    Reference<css::sheet::XSpreadsheetDocument> report_doc(ods, UNO_QUERY_THROW);
    Reference<css::sheet::XSpreadsheet> acquisition(report_doc->getSheets()->getByName(ou("Thu hút & chi phí")),
                                                   UNO_QUERY_THROW);
    Reference<css::sheet::XPrintAreas> areas(acquisition, UNO_QUERY_THROW);
    EXPECT_TRUE(areas->getPrintTitleRows());
    EXPECT_EQ(areas->getTitleRows().EndRow, 3);
    OUString style_name;
    Reference<css::beans::XPropertySet>(acquisition, UNO_QUERY_THROW)->getPropertyValue("PageStyle") >>= style_name;
    Reference<css::container::XNameAccess> page_styles(
        Reference<css::style::XStyleFamiliesSupplier>(ods, UNO_QUERY_THROW)->getStyleFamilies()->getByName("PageStyles"),
        UNO_QUERY_THROW);
    Reference<css::beans::XPropertySet> page(page_styles->getByName(style_name), UNO_QUERY_THROW);
    sal_Int32 width = 0, height = 0;
    bool footer = false;
    page->getPropertyValue("Width") >>= width;
    page->getPropertyValue("Height") >>= height;
    page->getPropertyValue("FooterIsOn") >>= footer;
    EXPECT_NEAR(width, 29700, 5); // 1/100 mm, rounded through the file
    EXPECT_NEAR(height, 21000, 5);
    EXPECT_TRUE(footer);
    Reference<css::util::XCloseable>(ods, UNO_QUERY_THROW)->close(true);
}

TEST(KpiReport, SeveralWorkbooksInOneRunWithProgressAndExitCodes) {
    const auto dir = work_dir("batch");
    const auto out = dir / "reports";
    const auto no_register = fs::path(KPI_TEST_DATA_DIR) / "no-register.fods";
    const auto r = run_kpi("report " + quoted(sample) + " " + quoted(no_register) + " " + quoted(dir / "missing.ods") +
                           " --lang en -o " + quoted(out));
    EXPECT_EQ(r.exit_code, 2) << r.out;
    for (const char* line : {"[1/3]", "[2/3]", "[3/3]", "No KPI register found", "no such workbook",
                             "1 of 3 reports written"})
        EXPECT_NE(r.out.find(line), std::string::npos) << "missing: " << line << "\n" << r.out;
    EXPECT_TRUE(fs::exists(out / "sample-sme-2026-report.pdf"));
    EXPECT_FALSE(fs::exists(out / "no-register-report.pdf"));
    EXPECT_FALSE(fs::exists(out / "missing-report.pdf"));
    EXPECT_EQ(run_kpi("report --format doc " + quoted(sample)).exit_code, 2);
    EXPECT_EQ(run_kpi("report").exit_code, 2);
}

TEST(KpiReport, AnExistingFileIsOverwrittenOnlyWithForce) {
    const auto dir = work_dir("overwrite");
    const auto pdf = dir / "kpi-report.pdf";
    std::ofstream(pdf) << "the manager's annotated copy";
    auto r = run_kpi("report " + quoted(sample) + " -o " + quoted(pdf));
    EXPECT_EQ(r.exit_code, 2) << r.out;
    EXPECT_NE(r.out.find("--force"), std::string::npos) << r.out;
    EXPECT_EQ(file_bytes(pdf), "the manager's annotated copy");
    r = run_kpi("report " + quoted(sample) + " -o " + quoted(pdf) + " --force");
    EXPECT_EQ(r.exit_code, 0) << r.out;
    EXPECT_EQ(file_bytes(pdf).substr(0, 5), "%PDF-");
}

TEST(ReportCommand, MenuCommandExportsTheOpenDocumentAndLeavesItAlone) {
    const auto dir = work_dir("menu");
    const auto copy = dir / "sample.fods";
    fs::copy_file(sample, copy);
    auto doc = office().open(copy);
    auto model = Reference<css::frame::XModel>(doc, UNO_QUERY_THROW);
    Reference<css::sheet::XCalculatable>(doc, UNO_QUERY_THROW)->calculateAll();
    Reference<css::util::XModifiable> modifiable(doc, UNO_QUERY_THROW);
    modifiable->setModified(false);
    auto dispatch = [&](const fs::path& target, bool overwrite) {
        css::uno::Sequence<css::beans::PropertyValue> args(3);
        args.getArray()[0].Name = "URL";
        args.getArray()[0].Value <<= ou(url_of(target));
        args.getArray()[1].Name = "Silent";
        args.getArray()[1].Value <<= true;
        args.getArray()[2].Name = "Overwrite";
        args.getArray()[2].Value <<= overwrite;
        css::frame::DispatchHelper::create(office().context())
            ->executeDispatch(Reference<css::frame::XDispatchProvider>(model->getCurrentController()->getFrame(),
                                                                       UNO_QUERY_THROW),
                              "org.kpimarketing.command:Report", "", 0, args);
    };
    const auto pdf = dir / "from-menu.pdf";
    dispatch(pdf, false);
    ASSERT_TRUE(fs::exists(pdf));
    EXPECT_NE(pdf_text(pdf).find("Báo cáo KPI marketing"), std::string::npos);
    EXPECT_FALSE(modifiable->isModified());
    Reference<css::sheet::XSpreadsheetDocument> spreadsheet(doc, UNO_QUERY_THROW);
    EXPECT_EQ(spreadsheet->getSheets()->getElementNames().getLength(), 3); // no sheet added to the workbook

    std::ofstream(dir / "taken.pdf") << "keep";
    dispatch(dir / "taken.pdf", false);
    EXPECT_EQ(file_bytes(dir / "taken.pdf"), "keep");
    dispatch(dir / "taken.pdf", true);
    EXPECT_EQ(file_bytes(dir / "taken.pdf").substr(0, 5), "%PDF-");
    // XLSX from the extension of the target.
    dispatch(dir / "from-menu.xlsx", false);
    EXPECT_EQ(file_bytes(dir / "from-menu.xlsx").substr(0, 2), "PK");
    Reference<css::util::XCloseable>(doc, UNO_QUERY_THROW)->close(true);
}

// ---- the save dialog, in a real window under Xvfb ---------------------------------------------------

namespace {

using namespace kpi::office_test::gui;

// A workbook open in a window, with the menu command run as a click does (no arguments) on another thread.
struct open_workbook {
    Reference<css::lang::XComponent> doc;
    std::optional<dispatch_in_background> command;
    explicit open_workbook(const fs::path& file) : doc(office().open(file)) {
        frame()->getContainerWindow()->setPosSize(0, 0, 1280, 800, css::awt::PosSize::POSSIZE);
    }
    ~open_workbook() {
        // A command still waiting in a dialog (a failed step) is ended with the office at teardown.
        if (command && !command->finished(std::chrono::seconds(5))) return;
        try {
            Reference<css::util::XCloseable>(doc, UNO_QUERY_THROW)->close(true);
        } catch (const css::uno::Exception&) {
        }
    }
    Reference<css::frame::XFrame> frame() const {
        return Reference<css::frame::XModel>(doc, UNO_QUERY_THROW)->getCurrentController()->getFrame();
    }
    void click_export() { command.emplace(frame(), "org.kpimarketing.command:Report"); }
};

} // namespace

// The save dialog as a user meets it: it opens in the workbook's folder with NAME-report.pdf; choosing
// an existing file asks "Do you want to replace it?", and "No" there keeps the file; a new name writes the
// report and says where. Screenshots: <build>/tests/screenshots/report-export-{dialog,replace}.png.
void save_dialog_asks_before_replacing_a_file();

TEST(ReportDialog, SaveDialogAsksBeforeReplacingAFile) {
    if (!in_a_window()) GTEST_SKIP() << "not in a window";
    try {
        save_dialog_asks_before_replacing_a_file();
    } catch (const css::uno::Exception& e) {
        FAIL() << "office exception " << u8(e.Message) << "\n" << dump_windows();
    }
}

void save_dialog_asks_before_replacing_a_file() {
    const auto dir = work_dir("dialog");
    const auto copy = dir / "shop.fods";
    fs::copy_file(sample, copy);
    std::ofstream(dir / "taken.pdf") << "keep";
    const auto shots = screenshot_dir();
    {
        open_workbook book(copy);
        book.click_export();
        ASSERT_TRUE(wait_for(button("Save")).is()) << "no save dialog";
        EXPECT_EQ(proposed_file_name(), "shop-report.pdf");
        screenshot(shots / "report-export-dialog.png");
        ASSERT_TRUE(type_file_name((dir / "taken.pdf").string())) << dump_windows();
        press_later save("Save");
        ASSERT_TRUE(save.pressed());
        // LibreOffice's question: replace the existing file?
        ASSERT_TRUE(wait_for(button("Yes")).is()) << "no question before replacing\n" << dump_windows();
        screenshot(shots / "report-export-replace.png");
        ASSERT_TRUE(press("No")); // "Do you want to replace it?"
        std::this_thread::sleep_for(std::chrono::milliseconds(500));
        ASSERT_TRUE(press("Cancel")); // the dialog
    }
    EXPECT_EQ(file_bytes(dir / "taken.pdf"), "keep");
    {
        open_workbook book(copy);
        book.click_export();
        ASSERT_TRUE(type_file_name((dir / "new-report.pdf").string()));
        press_later save("Save");
        ASSERT_TRUE(save.pressed());
        ASSERT_TRUE(press("OK")) << "no message saying where the report went";
    }
    ASSERT_TRUE(fs::exists(dir / "new-report.pdf"));
    EXPECT_EQ(file_bytes(dir / "new-report.pdf").substr(0, 5), "%PDF-");
}

// In a Vietnamese office the save dialog of "Xuất báo cáo KPI..." has the Vietnamese title and file
// types, and proposes NAME-bao-cao.pdf (NAME-report.pdf in English). Screenshot report-export-dialog-vi.png.
TEST(ReportDialog, SaveDialogIsVietnameseInAVietnameseOffice) {
    if (!in_a_window()) GTEST_SKIP() << "not in a window";
    const auto dir = work_dir("dialog-vi");
    fs::copy_file(sample, dir / "shop.fods");
    auto vi = start_office_with_extension("vi", "vi");
    auto doc = vi->open(dir / "shop.fods");
    auto frame = Reference<css::frame::XModel>(doc, UNO_QUERY_THROW)->getCurrentController()->getFrame();
    frame->getContainerWindow()->setPosSize(0, 0, 1280, 800, css::awt::PosSize::POSSIZE);
    dispatch_in_background command(frame, "org.kpimarketing.command:Report", {}, *vi);
    auto has_name = [](const std::string& text) {
        return [text](const Reference<css::accessibility::XAccessibleContext>& c) {
            return u8(c->getAccessibleName()).find(text) != std::string::npos;
        };
    };
    const auto dialog = wait_for(has_name("Xuất báo cáo KPI"), *vi);
    ASSERT_TRUE(dialog.is()) << "no save dialog titled in Vietnamese\n" << dump_windows(*vi);
    EXPECT_TRUE(wait_for(has_name("Tài liệu PDF (.pdf)"), *vi).is()) << dump_windows(*vi);
    EXPECT_TRUE(wait_for(has_name("Bảng tính ODF (.ods)"), *vi).is());
    EXPECT_EQ(proposed_file_name(*vi), "shop-bao-cao.pdf");
    screenshot(screenshot_dir() / "report-export-dialog-vi.png");
    // The file dialog's Cancel as this office labels it ("Cancel" in 7.4's vi, "Huỷ (C)" in 25.2's)
    EXPECT_TRUE(press(stock_label("_Cancel", "fps", *vi), *vi));
    EXPECT_TRUE(command.finished());
    EXPECT_FALSE(fs::exists(dir / "shop-bao-cao.pdf"));
    Reference<css::util::XCloseable>(doc, UNO_QUERY_THROW)->close(true);
}

// A bilingual register ("Level / Cấp độ" headers) does not tell the report's language: the menu
// command then writes it in the office's UI language (English office: English; Vietnamese: Vietnamese),
// and `kpi report` in the language of its environment (LC_ALL, LC_MESSAGES, LANG).
TEST(ReportCommand, ReportOfABilingualRegisterIsInTheUiLanguage) {
    auto vi = start_office_with_extension("vi", "vi");
    const auto dir = work_dir("ui-language");
    for (auto* in : {&office(), vi.get()}) {
        const bool vietnamese = in == vi.get();
        auto doc = in->new_spreadsheet();
        Reference<css::sheet::XSpreadsheetDocument> book(doc, UNO_QUERY_THROW);
        Reference<css::sheet::XSpreadsheet> sheet(
            Reference<css::container::XIndexAccess>(book->getSheets(), UNO_QUERY_THROW)->getByIndex(0), UNO_QUERY_THROW);
        const std::vector<std::vector<std::string>> rows{
            {"ID", "Name / Tên KPI", "Level / Cấp độ", "Parent / KPI cha", "Target / Mục tiêu", "Actual / Thực tế"},
            {"S1", "Revenue growth", "Strategic", "", "0.2", "0.25"},
            {"T1", "Leads", "Tactical", "S1", "100", "120"}};
        for (std::size_t r = 0; r < rows.size(); ++r)
            for (std::size_t c = 0; c < rows[r].size(); ++c)
                if (!rows[r][c].empty())
                    sheet->getCellByPosition(static_cast<sal_Int32>(c), static_cast<sal_Int32>(r))
                        ->setFormula(ou(rows[r][c]));
        const auto pdf = dir / (vietnamese ? "vi.pdf" : "en.pdf");
        css::uno::Sequence<css::beans::PropertyValue> args(2);
        args.getArray()[0].Name = "URL";
        args.getArray()[0].Value <<= ou(url_of(pdf));
        args.getArray()[1].Name = "Silent";
        args.getArray()[1].Value <<= true;
        css::frame::DispatchHelper::create(in->context())
            ->executeDispatch(Reference<css::frame::XDispatchProvider>(
                                  Reference<css::frame::XModel>(doc, UNO_QUERY_THROW)->getCurrentController()->getFrame(),
                                  UNO_QUERY_THROW),
                              "org.kpimarketing.command:Report", "", 0, args);
        ASSERT_TRUE(fs::exists(pdf)) << pdf;
        const auto text = pdf_text(pdf);
        EXPECT_NE(text.find(vietnamese ? "Báo cáo KPI marketing" : "Marketing KPI report"), std::string::npos) << text;
        EXPECT_EQ(text.find(vietnamese ? "Marketing KPI report" : "Báo cáo KPI marketing"), std::string::npos);
        if (!vietnamese) store_as_ods(doc, dir / "bilingual.ods");
        Reference<css::util::XCloseable>(doc, UNO_QUERY_THROW)->close(true);
    }
    for (const std::string lang : {"vi_VN.UTF-8", "en_US.UTF-8"}) {
        const auto pdf = dir / ("cli-" + lang.substr(0, 2) + ".pdf");
        const auto r = run_kpi("report " + quoted(dir / "bilingual.ods") + " -o " + quoted(pdf),
                               "LC_ALL= LC_MESSAGES= LANG=" + lang);
        ASSERT_EQ(r.exit_code, 0) << r.out;
        const auto text = pdf_text(pdf);
        EXPECT_NE(text.find(lang[0] == 'v' ? "Báo cáo KPI marketing" : "Marketing KPI report"), std::string::npos)
            << lang << "\n" << text;
    }
}

// ---- KPIs over time: a workbook with a Trends sheet (the contract in docs/report.md) ----------------

namespace {

using css::uno::Any;
using css::uno::Sequence;

// Writes rows of numbers and texts ("" stays empty) into a sheet from A1.
void fill(const Reference<css::sheet::XSpreadsheet>& sheet, const std::vector<std::vector<Any>>& rows) {
    for (std::size_t r = 0; r < rows.size(); ++r)
        for (std::size_t c = 0; c < rows[r].size(); ++c) {
            auto cell = sheet->getCellByPosition(static_cast<sal_Int32>(c), static_cast<sal_Int32>(r));
            double d = 0;
            OUString s;
            if (rows[r][c] >>= d) cell->setValue(d);
            else if ((rows[r][c] >>= s) && !s.isEmpty()) cell->setFormula(s);
        }
}

Any t(const char* s) { return Any(ou(s)); }
Any n(double d) { return Any(d); }
const Any e = Any(OUString());

// A register (S1 revenue growth with a target of 25 %, S2 with no tactical KPI, T1 a CPL with a
// target of 80,000 VND, T2 a CTR whose deadline 2026-03 has passed) and a Trends sheet: monthly
// 2026-01 .. 2026-08, nothing in 2026-04, data up to 2026-06. Numbers as in unit.ReportTrends.
fs::path trends_workbook(const fs::path& dir) {
    auto doc = office().new_spreadsheet();
    Reference<css::sheet::XSpreadsheetDocument> spreadsheet(doc, UNO_QUERY_THROW);
    auto sheets = spreadsheet->getSheets();
    Reference<css::container::XIndexAccess> index(sheets, UNO_QUERY_THROW);
    Reference<css::container::XNamed>(index->getByIndex(0), UNO_QUERY_THROW)->setName("KPI Register");
    sheets->insertNewByName("Trends", 1);
    Reference<css::sheet::XSpreadsheet> reg(sheets->getByName("KPI Register"), UNO_QUERY_THROW);
    fill(reg, {{t("ID"), t("Name"), t("Level"), t("Group"), t("Parent"), t("Owner"), t("Unit"), t("Direction"),
                t("Baseline"), t("Target"), t("Deadline"), t("Actual"), t("Source")},
               {t("S1"), t("Revenue growth 2026"), t("Strategic"), e, e, t("Director"), t("%"), t("Higher is better"),
                n(0.10), n(0.25), t("2026-Q4"), e, t("KPI.REVGROWTH")},
               {t("S2"), t("Market share 2026"), t("Strategic"), e, e, t("Director"), t("%"), t("Higher is better"),
                n(0.05), n(0.08), t("2026-Q4"), e, t("KPI.MARKETSHARE")},
               {t("T1"), t("Cost per lead on Facebook"), t("Tactical"), t("Acquisition & cost"), t("S1"), t("Lan"),
                t("VND"), t("Lower is better"), n(100000), n(80000), t("2026-Q4"), e, t("KPI.CPL, Meta Ads")},
               {t("T2"), t("Click-through rate on Google"), t("Tactical"), t("Digital & SEO"), t("S1"), t("Minh"),
                t("%"), t("Higher is better"), n(0.01), n(0.02), t("2026-03"), e, t("KPI.CTR, Google Ads")}});
    Reference<css::sheet::XSpreadsheet> trends(sheets->getByName("Trends"), UNO_QUERY_THROW);
    auto header = [](const char* label) {
        std::vector<Any> h{t("ID"), t(label)};
        for (const char* k : {"2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06", "2026-07", "2026-08"})
            h.push_back(t(k));
        return h;
    };
    fill(trends, {{t("KPI trends by period")},
                  header("Period value"),
                  {t("S1"), t("Revenue growth 2026"), n(0.10), n(0.11), n(0.12), e, n(0.13), n(0.15)},
                  {t("T1"), t("Cost per lead on Facebook"), n(100000), n(96000), n(92000), e, n(90000), n(84000)},
                  {t("T2"), t("Click-through rate on Google"), n(0.015), t("n/a"), n(0.018), e, n(0.02), n(0.021)},
                  {},
                  header("Plan to date"),
                  {t("S1"), t("Revenue growth 2026"), n(0.10), n(0.105), n(0.11), n(0.11), n(0.12), n(0.13)},
                  {t("T1"), t("Cost per lead on Facebook"), n(100000), n(98000), n(96000), n(96000), n(94500), n(92000)},
                  {t("T2"), t("Click-through rate on Google"), n(0.015), n(0.016), n(0.017), n(0.017), n(0.018),
                   n(0.019)}});
    const auto file = dir / "trends-workbook.ods";
    store_as_ods(doc, file);
    Reference<css::util::XCloseable>(doc, UNO_QUERY_THROW)->close(true);
    return file;
}

// pdftotext's text with runs of spaces made one (table columns apart by any number of spaces).
std::string squeezed(std::string s) {
    std::string out;
    for (char c : s)
        if (!(c == ' ' && !out.empty() && out.back() == ' ')) out += c;
    return out;
}

// The data of a chart on a sheet of a report document: column descriptions (series) and values.
struct chart_data {
    std::vector<std::string> series;
    std::vector<std::vector<double>> rows;
};
chart_data read_chart(const Reference<css::sheet::XSpreadsheet>& sheet, const std::string& name) {
    auto charts = Reference<css::table::XTableChartsSupplier>(sheet, UNO_QUERY_THROW)->getCharts();
    Reference<css::document::XEmbeddedObjectSupplier> embedded(charts->getByName(ou(name)), UNO_QUERY_THROW);
    Reference<css::chart::XChartDocument> chart(embedded->getEmbeddedObject(), UNO_QUERY_THROW);
    Reference<css::chart::XChartDataArray> data(chart->getData(), UNO_QUERY_THROW);
    chart_data out;
    for (const auto& d : data->getColumnDescriptions()) out.series.push_back(u8(d));
    // The chart API marks a missing value with its own number (getNotANumber(): DBL_MIN here): as NaN.
    for (const auto& row : data->getData()) {
        auto& values = out.rows.emplace_back();
        for (double v : row) values.push_back(data->isNotANumber(v) ? NAN : v);
    }
    return out;
}

} // namespace

TEST(KpiReportTrends, PdfShowsThePeriodFiguresWorkedOutByHand) {
    const auto dir = work_dir("trends");
    const auto workbook = trends_workbook(dir);
    const auto pdf = dir / "trends.pdf";
    auto r = run_kpi("report " + quoted(workbook) + " --lang en -o " + quoted(pdf));
    ASSERT_EQ(r.exit_code, 0) << r.out;
    const auto text = squeezed(pdf_text(pdf));
    // The last period with data, 2026-06, and its previous one.
    // (Header cells wrap in the PDF: their texts are checked in the ODS, TrendChartsHoldRealSeries.)
    for (const char* part : {"Plan to date", "Pace", "What moved 2026-06", "2026-01 – 2026-06"})
        EXPECT_NE(text.find(part), std::string::npos) << "missing: " << part;
    // T1: 84,000 after 90,000 -> -6,000; plan to date 92,000; least squares over 100,000 96,000
    // 92,000 - 90,000 84,000 projected 6 months on to 2026-12: 68,000; 80,000 / 68,000 = 1.18: ahead.
    EXPECT_NE(text.find("84,000 90,000 -6,000 92,000"), std::string::npos) << text;
    EXPECT_NE(text.find("68,000 Ahead of pace"), std::string::npos);
    // S1: 15.0% after 13.0% -> +2.0%; plan to date 13.0%; projected 20.0% against 25%: behind.
    EXPECT_NE(text.find("15.0% 13.0% +2.0% 13.0%"), std::string::npos);
    EXPECT_NE(text.find("20.0% Behind pace"), std::string::npos);
    // T2: the deadline passed; the text in a number cell; the empty April; S2 without a tactical KPI.
    for (const char* sentence : {"Deadline passed", "The deadline 2026-03 passed before 2026-06: no projection.",
                                 "2026-02 on the Trends sheet holds the text \"n/a\" where a number belongs",
                                 "No KPI has a value in: 2026-04.", "Strategic goals without a tactical KPI:",
                                 "S2 Market share 2026", "KPIs behind pace"})
        EXPECT_NE(text.find(sentence), std::string::npos) << "missing: " << sentence;

    // --period: March. T1 92,000 after 96,000 -> -4,000; plan to date 96,000; 100,000 96,000 92,000
    // go down 4,000 a month: 9 months on, 56,000.
    const auto march = dir / "march.pdf";
    r = run_kpi("report " + quoted(workbook) + " --lang en --period 2026-03 -o " + quoted(march));
    ASSERT_EQ(r.exit_code, 0) << r.out;
    const auto march_text = squeezed(pdf_text(march));
    EXPECT_NE(march_text.find("92,000 96,000 -4,000 96,000"), std::string::npos) << march_text;
    EXPECT_NE(march_text.find("56,000 Ahead of pace"), std::string::npos);
    // A period the Trends sheet does not have: refused, nothing written.
    r = run_kpi("report " + quoted(workbook) + " --lang en --period 2025-12 -o " + quoted(dir / "none.pdf"));
    EXPECT_EQ(r.exit_code, 2) << r.out;
    EXPECT_NE(r.out.find("The period 2025-12 is not on the Trends sheet (periods 2026-01 – 2026-08)."), std::string::npos)
        << r.out;
    EXPECT_FALSE(fs::exists(dir / "none.pdf"));

    // Pages to look at: the summary (figures, What moved, chart) and the acquisition section.
    const auto shots = gui::screenshot_dir();
    run("pdftoppm -r 80 -png " + quoted(pdf) + " " + quoted(shots / "report-trends-en-page"));
    // pdftoppm pads page numbers to the width of the page count ("-02" in a report of 10 pages or more).
    const auto pad = std::to_string(pdf_pages(pdf)).size();
    EXPECT_TRUE(fs::exists(shots / ("report-trends-en-page-" + std::string(pad - 1, '0') + "2.png")));
}

TEST(KpiReportTrends, TrendChartsHoldRealSeries) {
    const auto dir = work_dir("trends-chart");
    const auto workbook = trends_workbook(dir);
    const auto ods = dir / "trends.ods";
    auto r = run_kpi("report " + quoted(workbook) + " --lang en -o " + quoted(ods));
    ASSERT_EQ(r.exit_code, 0) << r.out;
    auto doc = office().open(ods, true);
    Reference<css::sheet::XSpreadsheetDocument> spreadsheet(doc, UNO_QUERY_THROW);
    auto sheet = [&](const char* name) {
        return Reference<css::sheet::XSpreadsheet>(spreadsheet->getSheets()->getByName(ou(name)), UNO_QUERY_THROW);
    };
    // Summary: S1's attainment by period (value / 25 %) and the 100 % target line, 2026-01 .. 2026-06.
    for (const auto& [col, title] : std::vector<std::pair<int, std::string>>{{4, "Value 2026-06"},
                                                                             {5, "Previous 2026-05"},
                                                                             {6, "Change"},
                                                                             {7, "Plan to date"},
                                                                             {11, "Projection at deadline"},
                                                                             {12, "Pace"}})
        EXPECT_EQ(u8(sheet("Summary")->getCellByPosition(col, 3)->getFormula()), title);
    const auto summary = read_chart(sheet("Summary"), "KPITrendChart0");
    EXPECT_EQ(summary.series, (std::vector<std::string>{"S1", "Target = 100%"}));
    ASSERT_EQ(summary.rows.size(), 6u);
    const double s1[] = {0.40, 0.44, 0.48, NAN, 0.52, 0.60};
    for (std::size_t k = 0; k < 6; ++k) {
        if (std::isnan(s1[k])) EXPECT_TRUE(std::isnan(summary.rows[k][0])) << k << ": " << summary.rows[k][0];
        else EXPECT_NEAR(summary.rows[k][0], s1[k], 1e-9) << k;
        EXPECT_EQ(summary.rows[k][1], 1.0);
    }
    // Acquisition: T1's attainment 80,000 / value: 0.8 in January, 80/84 in June.
    const auto acquisition = read_chart(sheet("Acquisition & cost"), "KPITrendChart1");
    EXPECT_EQ(acquisition.series, (std::vector<std::string>{"T1", "Target = 100%"}));
    ASSERT_EQ(acquisition.rows.size(), 6u);
    EXPECT_NEAR(acquisition.rows[0][0], 0.8, 1e-9);
    EXPECT_NEAR(acquisition.rows[5][0], 80000.0 / 84000.0, 1e-9);
    Reference<css::util::XCloseable>(doc, UNO_QUERY_THROW)->close(true);
}

// ---- the report's layout in the PDF: charts whole on a page, notes, changes, headers, icons -------------

namespace {

// A workbook as a user makes it: `kpi new` (e-commerce, Facebook, Google, TikTok, e-mail: 13 tactical
// KPIs, most without data), three months typed into the Data sheet for Facebook and the business as
// a whole. FB-CTR: 2,000 / 100,000 = 2.0 %, 3,000 / 120,000 = 2.5 %, 3,200 / 130,000 = 2.4615 %: a change
// of -0.0385 points in the third month. Returns the workbook and the three month keys.
std::pair<fs::path, std::vector<std::string>> user_workbook(const fs::path& dir, const std::string& lang) {
    const auto file = dir / ("shop-" + lang + ".ods");
    const auto made = run_kpi("new --industry ecommerce --lang " + lang +
                              " --channels facebook,google,tiktok,email --name Shop -o " + quoted(file));
    EXPECT_EQ(made.exit_code, 0) << made.out;
    auto doc = office().open(file);
    Reference<css::sheet::XSpreadsheetDocument> book(doc, UNO_QUERY_THROW);
    Reference<css::sheet::XSpreadsheet> data(
        book->getSheets()->getByName(ou(std::string(kpi::text{"Data", "Dữ liệu"}.in(lang)))), UNO_QUERY_THROW);
    const std::string facebook(kpi::channel_title(kpi::channel::facebook_ads).in(lang));
    const std::string all(kpi::channel_title(kpi::channel::all_channels).in(lang));
    std::vector<std::string> months;
    using m = kpi::measure;
    const std::vector<std::vector<std::pair<m, double>>> fb{
        {{m::spend, 10e6}, {m::leads, 80}, {m::clicks, 2000}, {m::impressions, 100000}, {m::revenue, 30e6}},
        {{m::spend, 12e6}, {m::leads, 120}, {m::clicks, 3000}, {m::impressions, 120000}, {m::revenue, 40e6}},
        {{m::spend, 14e6}, {m::leads, 140}, {m::clicks, 3200}, {m::impressions, 130000}}};
    const double revenue[] = {100e6, 120e6, 130e6};
    for (sal_Int32 r = 1; r < 2000; ++r) {
        const auto period = u8(data->getCellByPosition(0, r)->getFormula());
        if (period.empty()) break;
        if (std::find(months.begin(), months.end(), period) == months.end()) months.push_back(period);
        const auto k = static_cast<std::size_t>(std::find(months.begin(), months.end(), period) - months.begin());
        if (k > 2) continue;
        const auto channel = u8(data->getCellByPosition(1, r)->getFormula());
        if (channel == facebook)
            for (const auto& [measure, value] : fb[k])
                data->getCellByPosition(2 + static_cast<sal_Int32>(measure), r)->setValue(value);
        if (channel == all) data->getCellByPosition(2 + static_cast<sal_Int32>(m::revenue), r)->setValue(revenue[k]);
    }
    store_as_ods(doc, file);
    Reference<css::util::XCloseable>(doc, UNO_QUERY_THROW)->close(true);
    months.resize(3);
    return {file, months};
}

std::string page_text(const fs::path& pdf, int page) {
    return run("pdftotext -layout -f " + std::to_string(page) + " -l " + std::to_string(page) + " " + quoted(pdf) + " -");
}

// A word of a page with its box in PDF points (pdftotext -bbox).
struct pdf_word {
    std::string text;
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
};
std::vector<pdf_word> page_words(const fs::path& pdf, int page) {
    const auto html = run("pdftotext -bbox -f " + std::to_string(page) + " -l " + std::to_string(page) + " " +
                          quoted(pdf) + " -");
    std::vector<pdf_word> out;
    for (std::size_t at = html.find("<word "); at != std::string::npos; at = html.find("<word ", at + 1)) {
        pdf_word w;
        const auto number = [&](const char* name) {
            const auto p = html.find(std::string(name) + "=\"", at) + std::strlen(name) + 2;
            return std::stod(html.substr(p));
        };
        w.x0 = number("xMin");
        w.y0 = number("yMin");
        w.x1 = number("xMax");
        w.y1 = number("yMax");
        const auto open = html.find('>', at) + 1;
        w.text = html.substr(open, html.find("</word>", open) - open);
        out.push_back(w);
    }
    return out;
}

// A page rendered to a PPM picture at `dpi`: width, height and RGB bytes.
struct picture {
    int width = 0, height = 0;
    std::vector<unsigned char> rgb;
    [[nodiscard]] bool saturated(int x, int y) const { // a colour, not black, grey or the light header tint
        const auto* p = &rgb[(static_cast<std::size_t>(y) * static_cast<std::size_t>(width) + static_cast<std::size_t>(x)) * 3];
        return std::max({p[0], p[1], p[2]}) - std::min({p[0], p[1], p[2]}) > 90;
    }
};
picture render(const fs::path& pdf, int page, int dpi, const fs::path& stem) {
    run("pdftoppm -r " + std::to_string(dpi) + " -f " + std::to_string(page) + " -l " + std::to_string(page) +
        " -singlefile " + quoted(pdf) + " " + quoted(stem));
    std::ifstream in(stem.string() + ".ppm", std::ios::binary);
    std::string magic;
    picture p;
    int max = 0;
    in >> magic >> p.width >> p.height >> max;
    in.get();
    p.rgb.resize(static_cast<std::size_t>(p.width) * static_cast<std::size_t>(p.height) * 3);
    in.read(reinterpret_cast<char*>(p.rgb.data()), static_cast<std::streamsize>(p.rgb.size()));
    return p;
}

// Header words of the report's tables (en and vi) of three letters or more.
const std::vector<std::string> header_words{
    "Supports", "Unit", "Target", "Value", "Previous", "Change", "Plan", "date", "Attainment", "Status", "words",
    "Projection", "deadline", "Pace", "Deadline", "Direction", "Period", "Link", "problem", "SMART",
    "criteria", "Level", "Function", "Formula", "Definition", "source", "Data", "Owner", "Baseline", "Actual",
    "Phục", "mục", "tiêu", "Đơn", "Mục", "Giá", "trị", "trước", "Thay", "đổi", "Lũy", "từ", "đầu", "hoạch",
    "Mức", "hoàn", "thành", "Trạng", "thái", "Diễn", "giải", "báo", "tại", "thời", "hạn", "Tiến", "Thời",
    "Chiều", "Liên", "kết", "Vấn", "Tiêu", "chí", "chưa", "đạt", "Cấp", "Hàm", "Công", "thức", "Nguồn", "định",
    "nghĩa", "liệu", "Người", "phụ", "trách", "Thực"};

// The layout checks of one report PDF (see the test below).
void check_report_layout(const fs::path& pdf, const std::vector<std::string>& months, const std::string& lang) {
    const bool vi = lang == "vi";
    const int pages = pdf_pages(pdf);
    ASSERT_GT(pages, 3);
    // Charts, as drawn: the PDF keeps the text of a chart clipped off a page, so a word counts where the
    // rendered page shows it (dark pixels in its box). A whole chart shows its title (a word only the
    // title has) and, at the right end of its category axis under the plot, the last month on one page;
    // a cut chart shows one of them on a page and the other on the next.
    const std::string title_word = vi ? "(giá" : "(period";
    int chart_pages = 0;
    for (int page = 1; page <= pages; ++page) {
        const auto pic = render(pdf, page, 70, pdf.parent_path() / ("page-" + lang + "-" + std::to_string(page)));
        const double scale = 70 / 72.0;
        auto shown = [&](const pdf_word& w) {
            for (int y = static_cast<int>(w.y0 * scale); y <= static_cast<int>(w.y1 * scale) && y < pic.height; ++y)
                for (int x = static_cast<int>(w.x0 * scale); x <= static_cast<int>(w.x1 * scale) && x < pic.width; ++x) {
                    const auto* p = &pic.rgb[(static_cast<std::size_t>(y) * static_cast<std::size_t>(pic.width) +
                                              static_cast<std::size_t>(x)) * 3];
                    if (p[0] < 110 && p[1] < 110 && p[2] < 110) return true;
                }
            return false;
        };
        bool title = false, axis = false;
        for (const auto& w : page_words(pdf, page)) {
            if (w.text == title_word && shown(w)) title = true;
            if (w.text == months[2] && w.x0 > 400 && w.y0 > 150 && shown(w)) axis = true;
        }
        chart_pages += title;
        EXPECT_EQ(title, axis) << lang << " page " << page << ": a chart cut by a page break (title shown: " << title
                               << ", axis shown: " << axis << ")";
    }
    EXPECT_EQ(chart_pages, 2) << lang << ": the summary's chart and the acquisition section's";

    for (int page = 1; page <= pages; ++page) {
        const auto text = squeezed(page_text(pdf, page));
        // The header words: none broken in two (both halves on the page). pdftotext may cut a word that
        // the page shows whole at a Vietnamese letter ("tr" + "ị" with no gap between them): such
        // neighbours on one line are joined first.
        std::vector<std::string> words;
        const pdf_word* previous = nullptr;
        for (const auto& w : page_words(pdf, page)) {
            const bool touching = previous && std::fabs(w.y0 - previous->y0) < 0.5 && w.x0 - previous->x1 < 0.5 &&
                                  w.x0 - previous->x1 > -1.0;
            if (touching) words.back() += w.text;
            else words.push_back(w.text);
            previous = &w;
        }
        for (const auto& w : header_words)
            for (std::size_t k = 1; k < w.size(); ++k) {
                if ((static_cast<unsigned char>(w[k]) & 0xC0) == 0x80) continue; // inside a letter
                const auto head = w.substr(0, k), tail = w.substr(k);
                if (std::find(words.begin(), words.end(), head) != words.end() &&
                    std::find(words.begin(), words.end(), tail) != words.end())
                    ADD_FAILURE() << lang << " page " << page << ": \"" << w << "\" broken as \"" << head << "\" + \""
                                  << tail << "\"\n" << text;
            }
    }

    const auto all = squeezed(pdf_text(pdf));
    // Notes: one sentence for the KPIs without any data (FB-CAC, the Google ones, ...), none per KPI.
    EXPECT_NE(all.find(vi ? "Chưa có số liệu cho kỳ " + months[2] : "No data for " + months[2] + " yet"), std::string::npos)
        << all;
    for (const char* id : {"FB-CAC,", "GG-CPC,", "EM-ROAS"}) EXPECT_NE(all.find(id), std::string::npos) << id;
    EXPECT_EQ(all.find(vi ? "để dự báo." : "to project from."), std::string::npos);
    EXPECT_EQ(all.find("• FB-CAC:"), std::string::npos);
    // FB-CTR's change: -0.0385 points shows as -0.04 %, never -0.0 %.
    EXPECT_NE(all.find(vi ? "-0,04%" : "-0.04%"), std::string::npos);
    EXPECT_EQ(all.find(vi ? "-0,0%" : "-0.0%"), std::string::npos);
}

// The page of the section whose table starts with `first_id`'s row, and the status icons' vertical
// centres on it against the first line of each row's ID (pixels at `dpi`).
void check_icons_on_their_rows(const fs::path& pdf, const std::string& section, const std::vector<std::string>& ids,
                               const fs::path& stem) {
    int page = 0;
    for (int p = 1; p <= pdf_pages(pdf) && page == 0; ++p) {
        auto text = page_text(pdf, p);
        text.erase(0, text.find_first_not_of(" \n\f"));
        // Not a KPI tree page (it shows the group's name and the KPIs' IDs too, in boxes).
        const bool tree = text.rfind("KPI tree", 0) == 0 || text.rfind("Cây KPI", 0) == 0;
        if (!tree && text.find(section) != std::string::npos && text.find(ids[0]) != std::string::npos)
            page = p;
    }
    ASSERT_GT(page, 0) << section;
    const int dpi = 100;
    const auto words = page_words(pdf, page);
    const auto pic = render(pdf, page, dpi, stem);
    ASSERT_GT(pic.width, 0);
    const double scale = dpi / 72.0;
    // The rows: each ID's first line; the icon column lies right of the attainment values.
    std::vector<std::pair<double, double>> rows;
    double table_top = 1e9, table_bottom = 0;
    for (const auto& id : ids)
        for (const auto& w : words)
            if (w.text == id && w.x0 < 80) {
                rows.emplace_back(w.y0 * scale, w.y1 * scale);
                table_top = std::min(table_top, w.y0 * scale);
                table_bottom = std::max(table_bottom, w.y1 * scale);
                break;
            }
    ASSERT_EQ(rows.size(), ids.size());
    // Coloured blobs (the traffic lights) between the table's first row and 40 px below its last ID.
    std::vector<std::pair<int, int>> blobs; // (top, bottom) of runs of rows holding coloured pixels
    int run_top = -1;
    for (int y = static_cast<int>(table_top) - 20; y < static_cast<int>(table_bottom) + 40 && y < pic.height; ++y) {
        bool coloured = false;
        for (int x = pic.width / 2; x < pic.width && !coloured; ++x) coloured = pic.saturated(x, y);
        if (coloured && run_top < 0) run_top = y;
        if (!coloured && run_top >= 0) {
            if (y - run_top >= 3) blobs.emplace_back(run_top, y - 1); // not a stray anti-aliased pixel
            run_top = -1;
        }
    }
    ASSERT_GE(blobs.size(), 2u) << "status icons on page " << page;
    for (const auto& [top, bottom] : blobs) {
        const double centre = (top + bottom) / 2.0;
        const bool on_a_row = std::any_of(rows.begin(), rows.end(), [&](const auto& r) {
            return centre >= r.first - 2 && centre <= r.second + 2;
        });
        EXPECT_TRUE(on_a_row) << "an icon at y " << top << ".." << bottom << " px is not on its row's first line";
    }
}

} // namespace

TEST(KpiReportLayout, ChartsWholeNotesCondensedChangesPreciseHeadersUnbrokenIconsOnTheirRows) {
    const auto dir = work_dir("layout");
    const auto shots = gui::screenshot_dir();
    for (const std::string lang : {"en", "vi"}) {
        const auto [workbook, months] = user_workbook(dir, lang);
        ASSERT_EQ(months.size(), 3u);
        const auto pdf = dir / ("layout-" + lang + ".pdf");
        const auto r = run_kpi("report " + quoted(workbook) + " -o " + quoted(pdf));
        ASSERT_EQ(r.exit_code, 0) << r.out;
        // Every page to look at.
        run("pdftoppm -r 70 -png " + quoted(pdf) + " " + quoted(shots / ("report-layout-" + lang)));
        check_report_layout(pdf, months, lang);
        check_icons_on_their_rows(pdf, lang == "vi" ? "Thu hút & chi phí" : "Acquisition & cost",
                                  {"FB-CPL", "FB-CTR", "FB-ROAS"}, dir / ("icons-" + lang));
    }
}

// ---- the KPI tree pages: right after the executive summary, every KPI on them, never below 8 pt ----------

namespace {

// pdftotext's word boxes are as high as the font size times DejaVu Sans's ascent + descent as the PDF
// declares them: 1.299 (measured: the footer's 10 pt words are 13.0 pt high, 8 pt words 10.39 pt).
constexpr double word_height_per_point = 1.29;

bool starts_with_title(const fs::path& pdf, int page, const std::string& title) {
    auto text = page_text(pdf, page);
    text.erase(0, text.find_first_not_of(" \n\f"));
    return text.rfind(title, 0) == 0;
}

// The pages from the one after the last executive-summary page while each starts with the tree's title.
std::vector<int> tree_pages(const fs::path& pdf, const std::string& summary_title, const std::string& tree_title) {
    const int pages = pdf_pages(pdf);
    int last_summary = 0;
    for (int p = 1; p <= pages; ++p)
        if (starts_with_title(pdf, p, summary_title)) last_summary = p;
    std::vector<int> out;
    for (int p = last_summary + 1; last_summary > 0 && p <= pages && starts_with_title(pdf, p, tree_title); ++p)
        out.push_back(p);
    return out;
}

// A register of `rows` KPIs with English headers: a goal every 30 rows; tactical KPIs under the goal or
// under the KPI before them; every 25th tactical KPI without a parent.
fs::path large_register(const fs::path& dir, int rows) {
    const auto file = dir / ("register-" + std::to_string(rows) + ".fods");
    std::ofstream out(file);
    out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document "
           "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
           "xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" "
           "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" office:version=\"1.3\" "
           "office:mimetype=\"application/vnd.oasis.opendocument.spreadsheet\"><office:body><office:spreadsheet>"
           "<table:table table:name=\"KPI Register\">\n";
    const auto text = [&](const std::string& s) {
        out << "<table:table-cell office:value-type=\"string\"><text:p>" << s << "</text:p></table:table-cell>";
    };
    const auto number = [&](double v) {
        out << "<table:table-cell office:value-type=\"float\" office:value=\"" << v << "\"/>";
    };
    const char* const groups[] = {"Acquisition &amp; cost", "Digital &amp; SEO", "Customer value &amp; relationship"};
    out << "<table:table-row>";
    for (const char* h : {"ID", "Name", "Level", "Group", "Parent", "Unit", "Direction", "Target", "Actual"}) text(h);
    out << "</table:table-row>\n";
    for (int i = 0; i < rows; ++i) {
        const bool strategic = i % 30 == 0;
        std::string parent;
        if (!strategic && i % 25 != 7)
            parent = (i % 4 == 0 || (i - 1) % 30 == 0) ? "S" + std::to_string(i / 30 * 30) : "T" + std::to_string(i - 1);
        out << "<table:table-row>";
        text((strategic ? "S" : "T") + std::to_string(i));
        text("Cost per lead of campaign " + std::to_string(i));
        text(strategic ? "Strategic" : "Tactical");
        text(strategic ? "" : groups[i % 3]);
        text(parent);
        text("VND");
        text("Lower is better");
        number(150000);
        number(140000 + (i % 7) * 5000);
        out << "</table:table-row>\n";
    }
    out << "</table:table></office:spreadsheet></office:body></office:document>\n";
    return file;
}

double smallest_word_height(const std::vector<pdf_word>& words) {
    double h = 1e9;
    for (const auto& w : words) h = std::min(h, w.y1 - w.y0);
    return h;
}

} // namespace

TEST(KpiReportTree, TreePageFollowsTheSummaryWithEveryKpiInStatusColours) {
    const auto dir = work_dir("tree");
    const auto shots = gui::screenshot_dir();
    const auto kpis = computed_sample_actuals();
    ASSERT_FALSE(kpis.empty());
    for (const std::string lang : {"vi", "en"}) {
        const bool vi = lang == "vi";
        const auto pdf = dir / ("tree-" + lang + ".pdf");
        const auto r = run_kpi("report " + quoted(sample) + " --lang " + lang + " -o " + quoted(pdf));
        ASSERT_EQ(r.exit_code, 0) << r.out;
        const std::string summary_title = vi ? "Tóm tắt điều hành" : "Executive summary";
        const std::string tree_title = vi ? "Cây KPI" : "KPI tree";
        const auto pages = tree_pages(pdf, summary_title, tree_title);
        // The sample's 8 KPIs fit on one page.
        ASSERT_EQ(pages.size(), 1u) << lang;
        const int page = pages.front();
        // The page after it is the first tactical group's.
        EXPECT_TRUE(starts_with_title(pdf, page + 1, vi ? "Thu hút & chi phí" : "Acquisition & cost")) << lang;
        const auto words = page_words(pdf, page);
        const auto pic = render(pdf, page, 72, dir / ("tree-" + lang));
        for (const auto& k : kpis) {
            const auto w = std::find_if(words.begin(), words.end(), [&](const pdf_word& x) { return x.text == k.id; });
            ASSERT_NE(w, words.end()) << lang << ": " << k.id << " not on the tree page";
            // The box's fill just left of its ID (the box's text starts 2 mm = 5.7 pt inside it).
            const int x = static_cast<int>(w->x0 - 2), y = static_cast<int>((w->y0 + w->y1) / 2);
            const auto* px = &pic.rgb[(static_cast<std::size_t>(y) * static_cast<std::size_t>(pic.width) +
                                       static_cast<std::size_t>(x)) * 3];
            // S1 and S2 are on track in the summary's table (30.5 % against 25 %, 4.02 against 4): the
            // Good style's green; T1 is off track in its group's table (192,175 against 160,000 VND, lower
            // is better): the Bad style's red.
            if (k.id == "S1" || k.id == "S2") {
                EXPECT_TRUE(px[1] > px[0] + 20 && px[1] > px[2] + 20)
                    << lang << " " << k.id << ": " << int(px[0]) << "," << int(px[1]) << "," << int(px[2]);
            }
            if (k.id == "T1") {
                EXPECT_TRUE(px[0] > px[1] + 20 && px[0] > px[2] + 20)
                    << lang << " " << k.id << ": " << int(px[0]) << "," << int(px[1]) << "," << int(px[2]);
            }
        }
        EXPECT_GE(smallest_word_height(words), 8 * word_height_per_point) << lang;
        // The lane of KPIs not linked: T7 has no parent.
        EXPECT_NE(page_text(pdf, page).find("UNLINKED"), std::string::npos) << lang;
        const auto p = std::to_string(page);
        run("pdftoppm -r 70 -png -singlefile -f " + p + " -l " + p + " " + quoted(pdf) + " " +
            quoted(shots / ("report-tree-" + lang)));
        EXPECT_GT(fs::file_size(shots / ("report-tree-" + lang + ".png")), 10000u);
    }
}

TEST(KpiReportTree, LargeRegisterSplitsAcrossPagesWithoutShrinkingText) {
    const auto dir = work_dir("tree-large");
    const int rows = 300;
    const auto workbook = large_register(dir, rows);
    const auto pdf = dir / "tree-300.pdf";
    const auto r = run_kpi("report " + quoted(workbook) + " --lang en -o " + quoted(pdf));
    ASSERT_EQ(r.exit_code, 0) << r.out;
    const auto pages = tree_pages(pdf, "Executive summary", "KPI tree");
    // 300 boxes 18 mm high do not fit one page 158 mm high: several pages, each numbered "page n of N"
    // with N the number of tree pages printed (a layout page cut in two would print a page without it).
    ASSERT_GE(pages.size(), 2u);
    const auto n = std::to_string(pages.size());
    std::set<std::string> seen;
    for (std::size_t i = 0; i < pages.size(); ++i) {
        const auto text = squeezed(page_text(pdf, pages[i]));
        EXPECT_NE(text.find("KPI tree — page " + std::to_string(i + 1) + " of " + n), std::string::npos)
            << "page " << pages[i] << ": " << text.substr(0, 80);
        const auto words = page_words(pdf, pages[i]);
        EXPECT_GE(smallest_word_height(words), 8 * word_height_per_point) << "page " << pages[i];
        for (const auto& w : words) seen.insert(w.text);
    }
    for (int i = 0; i < rows; ++i) {
        const std::string id = (i % 30 == 0 ? "S" : "T") + std::to_string(i);
        EXPECT_TRUE(seen.count(id)) << id << " is on no tree page";
    }
    // After the tree, the first tactical group's section.
    EXPECT_TRUE(starts_with_title(pdf, pages.back() + 1, "Acquisition & cost"));
    const auto p = std::to_string(pages[1]);
    run("pdftoppm -r 70 -png -singlefile -f " + p + " -l " + p + " " + quoted(pdf) + " " +
        quoted(gui::screenshot_dir() / "report-tree-300-page-2"));
}
