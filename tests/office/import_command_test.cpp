// Channel data import in a real Calc (docs/import.md): the menu command dispatched with Files=...
// and Silent=true (no picker, no message box), on the Data-sheet fixtures of tests/data/import and on
// workbooks built by `kpi new`; values in the right rows, other cells untouched, re-import changes
// nothing, bad input leaves the document as it was, one Undo; `kpi import` exit codes.
#include "kpi_tool.hpp"
#include "gui.hpp"
#include "office_test.hpp"

#include <kpi/data_sheet.hpp>
#include <kpi/text_fold.hpp>

#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/document/XUndoManagerSupplier.hpp>
#include <com/sun/star/frame/DispatchHelper.hpp>
#include <com/sun/star/frame/XDispatchProvider.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/sheet/XCalculatable.hpp>
#include <com/sun/star/sheet/XCellRangeAddressable.hpp>
#include <com/sun/star/sheet/XCellRangeFormula.hpp>
#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>
#include <com/sun/star/sheet/XUsedAreaCursor.hpp>
#include <com/sun/star/util/XCloseable.hpp>
#include <com/sun/star/util/XModifiable.hpp>
#include <com/sun/star/frame/XStorable.hpp>
#include <com/sun/star/text/XText.hpp>
#include <com/sun/star/text/XTextRange.hpp>
#include <osl/file.hxx>

#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <map>
#include <set>
#include <tuple>
#include <sstream>
#include <thread>
#include <unistd.h>

using namespace kpi::office_test;
using css::uno::Reference;
using css::uno::UNO_QUERY_THROW;
namespace fs = std::filesystem;

namespace {

fs::path data_file(const std::string& name) { return fs::path(KPI_TEST_DATA_DIR) / "import" / name; }

fs::path work_dir() {
    const auto dir = fs::path(KPI_TEST_WORK_DIR) / ("docs-" + std::to_string(getpid()));
    fs::create_directories(dir);
    return dir;
}

std::string url_of(const fs::path& p) {
    OUString url;
    osl::FileBase::getFileURLFromSystemPath(ou(fs::absolute(p).string()), url);
    return u8(url);
}

struct expected_value {
    std::string file, granularity, period;
    kpi::channel ch;
    kpi::measure m;
    double value;
};

std::vector<expected_value> expected_values() {
    std::ifstream in(data_file("expected.csv"));
    std::vector<expected_value> out;
    std::string line;
    std::getline(in, line);
    while (std::getline(in, line)) {
        std::vector<std::string> f;
        std::stringstream ls(line);
        std::string x;
        while (std::getline(ls, x, ',')) f.push_back(x);
        if (f.size() != 6) continue;
        expected_value e{f[0], f[1], f[2], kpi::channel::all_channels, kpi::measure::spend, std::stod(f[5])};
        for (std::size_t i = 0; i < kpi::channel_count; ++i)
            if (kpi::to_string(static_cast<kpi::channel>(i)) == f[3]) e.ch = static_cast<kpi::channel>(i);
        for (std::size_t i = 0; i < kpi::measure_count; ++i)
            if (kpi::to_string(static_cast<kpi::measure>(i)) == f[4]) e.m = static_cast<kpi::measure>(i);
        out.push_back(e);
    }
    return out;
}

// A document (a fresh copy of a file) with the Data sheet read back as formulas.
struct workbook {
    Reference<css::lang::XComponent> doc;
    Reference<css::sheet::XSpreadsheetDocument> spreadsheet;
    std::string data_sheet;

    workbook(const fs::path& source, std::string sheet_name) : data_sheet(std::move(sheet_name)) {
        static int n = 0;
        const auto copy = work_dir() / (std::to_string(++n) + "-" + source.filename().string());
        fs::copy_file(source, copy, fs::copy_options::overwrite_existing);
        doc = office().open(copy);
        spreadsheet.set(doc, UNO_QUERY_THROW);
    }
    ~workbook() {
        Reference<css::util::XCloseable> closeable(doc, css::uno::UNO_QUERY);
        if (closeable.is()) closeable->close(true);
    }

    void import(const std::vector<std::string>& files, const std::string& rate = "") {
        auto frame = Reference<css::frame::XModel>(doc, UNO_QUERY_THROW)->getCurrentController()->getFrame();
        css::uno::Sequence<OUString> urls(static_cast<sal_Int32>(files.size()));
        for (std::size_t i = 0; i < files.size(); ++i)
            urls.getArray()[i] = ou(files[i].find('/') == std::string::npos ? url_of(data_file(files[i])) : url_of(files[i]));
        css::uno::Sequence<css::beans::PropertyValue> args(rate.empty() ? 2 : 3);
        args.getArray()[0].Name = "Files";
        args.getArray()[0].Value <<= urls;
        args.getArray()[1].Name = "Silent";
        args.getArray()[1].Value <<= true;
        if (!rate.empty()) {
            const OUString text = ou(rate);
            args.getArray()[2].Name = "Rates";
            args.getArray()[2].Value <<= css::uno::Sequence<OUString>(&text, 1);
        }
        css::frame::DispatchHelper::create(office().context())
            ->executeDispatch(Reference<css::frame::XDispatchProvider>(frame, UNO_QUERY_THROW),
                              "org.kpimarketing.command:Import", "", 0, args);
    }

    Reference<css::sheet::XSpreadsheet> sheet(const std::string& name) const {
        return Reference<css::sheet::XSpreadsheet>(spreadsheet->getSheets()->getByName(ou(name)), UNO_QUERY_THROW);
    }
    // Every cell of a sheet's used area as its formula text (values as text, formulas as formulas).
    std::vector<std::vector<std::string>> formulas(const std::string& name) const {
        auto cursor = sheet(name)->createCursor();
        Reference<css::sheet::XUsedAreaCursor> used(cursor, UNO_QUERY_THROW);
        used->gotoStartOfUsedArea(false);
        used->gotoEndOfUsedArea(true);
        std::vector<std::vector<std::string>> out;
        for (const auto& row : Reference<css::sheet::XCellRangeFormula>(cursor, UNO_QUERY_THROW)->getFormulaArray()) {
            out.emplace_back();
            for (const auto& cell : row) out.back().push_back(u8(cell));
        }
        return out;
    }
    std::vector<std::vector<std::string>> data() const { return formulas(data_sheet); }
    bool modified() const { return Reference<css::util::XModifiable>(doc, UNO_QUERY_THROW)->isModified(); }
    void undo() { Reference<css::document::XUndoManagerSupplier>(doc, UNO_QUERY_THROW)->getUndoManager()->undo(); }
};

// Data-sheet rows as (period|channel id) -> row index, and the column of each measure.
struct data_index {
    std::map<std::string, std::size_t> rows;
    std::map<kpi::measure, std::size_t> cols;
    std::size_t kpi_col = 0;
    explicit data_index(const std::vector<std::vector<std::string>>& g) {
        for (std::size_t c = 0; c < g[0].size(); ++c) {
            if (const auto m = kpi::recognise_measure(g[0][c])) cols[*m] = c;
            if (g[0][c] == "CPL") kpi_col = c;
        }
        for (std::size_t r = 1; r < g.size(); ++r)
            if (const auto ch = kpi::recognise_channel(g[r][1]))
                rows.emplace(g[r][0] + "|" + std::string(kpi::to_string(*ch)), r);
    }
};

void set_cell_text(const Reference<css::sheet::XSpreadsheet>& sheet, int col, int row, const std::string& text) {
    Reference<css::text::XText>(sheet->getCellByPosition(col, row), UNO_QUERY_THROW)->setString(ou(text));
}

double number(const std::string& s) { return s.empty() ? std::nan("") : std::stod(s); }

// Imports one sample into a fresh copy of a fixture and checks every expected value, and that every
// other cell of the original rows and the other sheets kept its content.
void check_sample(const std::string& fixture, const std::string& sheet, const std::string& granularity,
                  const std::string& sample) {
    SCOPED_TRACE(sample + " into " + fixture);
    workbook book(data_file(fixture), sheet);
    const auto before = book.data();
    const auto other_sheets_before = book.formulas(sheet == "Data" ? sheet : "Ghi chú");
    book.import({sample});
    const auto after = book.data();
    const data_index index(after);
    std::set<std::pair<std::size_t, std::size_t>> written;
    std::size_t checked = 0;
    for (const auto& e : expected_values()) {
        if (e.file != sample || e.granularity != granularity) continue;
        const auto row = index.rows.find(e.period + "|" + std::string(kpi::to_string(e.ch)));
        ASSERT_NE(row, index.rows.end()) << e.period << " " << kpi::to_string(e.ch);
        const auto col = index.cols.at(e.m);
        EXPECT_NEAR(number(after[row->second][col]), e.value, 1e-6 * std::max(1.0, std::abs(e.value)))
            << e.period << " " << kpi::to_string(e.ch) << " " << kpi::to_string(e.m);
        written.insert({row->second, col});
        ++checked;
    }
    EXPECT_GT(checked, 0u);
    // The original rows: only the written cells changed.
    for (std::size_t r = 0; r < before.size(); ++r)
        for (std::size_t c = 0; c < before[r].size(); ++c)
            if (!written.count({r, c})) {
                EXPECT_EQ(after[r][c], before[r][c]) << "row " << r + 1 << " col " << c + 1;
            }
    // Appended rows carry the KPI formula of their own row.
    for (std::size_t r = before.size(); r < after.size(); ++r)
        EXPECT_NE(after[r][index.kpi_col].find("C" + std::to_string(r + 1) + ";"), std::string::npos) << after[r][index.kpi_col];
    if (sheet != "Data") {
        EXPECT_EQ(book.formulas("Ghi chú"), other_sheets_before);
    }
}

} // namespace

TEST(ImportCommand, EverySampleLandsInItsPeriodAndChannelRows) {
    for (const char* sample : {"meta-en.csv", "meta-vi-utf16.csv", "google-ads-en.csv", "google-ads-vi.csv", "ga4-en.csv",
                               "ga4-vi.csv", "search-console-en.csv", "search-console-vi.csv", "tiktok-en.csv",
                               "tiktok-vi.csv", "zalo-oa-vi.csv", "zalo-oa-en.csv", "plain.csv"})
        check_sample("workbook-vi.fods", "Dữ liệu", "month", sample);
}

TEST(ImportCommand, QuarterlyEnglishWorkbook) {
    for (const char* sample : {"ga4-en.csv", "search-console-en.csv", "zalo-oa-en.csv", "plain.csv"})
        check_sample("workbook-en.fods", "Data", "quarter", sample);
}

TEST(ImportCommand, ImportingTheSameFilesTwiceChangesNothingTheSecondTime) {
    workbook book(data_file("workbook-vi.fods"), "Dữ liệu");
    const std::vector<std::string> files{"meta-vi-utf16.csv", "google-ads-vi.csv", "ga4-vi.csv", "plain.csv"};
    const auto before = book.data();
    book.import(files);
    const auto once = book.data();
    ASSERT_NE(once, before);
    Reference<css::util::XModifiable>(book.doc, UNO_QUERY_THROW)->setModified(false);
    book.import(files);
    EXPECT_EQ(book.data(), once);
    EXPECT_FALSE(book.modified()); // not a single cell was set
}

TEST(ImportCommand, SeveralFilesOfOneChannelAddUp) {
    workbook book(data_file("workbook-vi.fods"), "Dữ liệu");
    book.import({"ga4-en.csv", "ga4-vi.csv"});
    const auto g = book.data();
    const data_index index(g);
    double expected = 0;
    for (const auto& e : expected_values())
        if ((e.file == "ga4-en.csv" || e.file == "ga4-vi.csv") && e.granularity == "month" && e.period == "2026-01" &&
            e.m == kpi::measure::sessions)
            expected += e.value;
    ASSERT_GT(expected, 0);
    EXPECT_DOUBLE_EQ(number(g[index.rows.at("2026-01|seo_website")][index.cols.at(kpi::measure::sessions)]), expected);
}

TEST(ImportCommand, BadInputLeavesTheDocumentAsItWas) {
    for (const auto& [fixture, sheet, sample] :
         std::vector<std::tuple<std::string, std::string, std::string>>{
             {"workbook-vi.fods", "Dữ liệu", "empty.csv"},
             {"workbook-vi.fods", "Dữ liệu", "unknown.csv"},
             {"workbook-vi.fods", "Dữ liệu", "broken-utf8.csv"},
             {"workbook-vi.fods", "Dữ liệu", "mixed-currency.csv"},
             {"workbook-en.fods", "Data", "meta-en.csv"}, // VND into a USD workbook
         }) {
        SCOPED_TRACE(sample + " into " + fixture);
        workbook book(data_file(fixture), sheet);
        const auto before = book.data();
        ASSERT_FALSE(book.modified());
        book.import({"plain.csv", sample}); // a good file first: nothing of it is written either
        EXPECT_EQ(book.data(), before);
        EXPECT_FALSE(book.modified());
    }
    workbook no_data_sheet(fs::path(KPI_TEST_DATA_DIR) / "no-register.fods", "Data");
    const auto before = no_data_sheet.data();
    no_data_sheet.import({"plain.csv"});
    EXPECT_EQ(no_data_sheet.data(), before);
    EXPECT_FALSE(no_data_sheet.modified());
}

TEST(ImportCommand, OneUndoRevertsAnImport) {
    workbook book(data_file("workbook-vi.fods"), "Dữ liệu");
    const auto before = book.data();
    book.import({"meta-en.csv", "google-ads-en.csv", "tiktok-en.csv", "ga4-en.csv"});
    ASSERT_NE(book.data(), before);
    ASSERT_GT(book.data().size(), before.size()); // rows were appended too
    book.undo();
    EXPECT_EQ(book.data(), before);
}

// ---- workbooks built by `kpi new`, and the kpi tool ----------------------------------------------

namespace {

std::string q(const fs::path& p) { return quoted(p); }

} // namespace

TEST(KpiImport, IntoAWizardBuiltWorkbookThenIdempotent) {
    const auto dir = work_dir();
    const auto book = dir / "wizard-vi.ods";
    fs::remove(book);
    const auto built = run_kpi("new --industry ecommerce --lang vi --currency vnd --periods month --start 2026-01 "
                               "--channels facebook,google,tiktok,zalo,seo,email -o " + q(book));
    ASSERT_EQ(built.exit_code, 0) << built.out;
    std::string samples;
    for (const char* s : {"meta-vi-utf16.csv", "google-ads-vi.csv", "ga4-vi.csv", "search-console-vi.csv", "tiktok-vi.csv",
                          "zalo-oa-vi.csv"})
        samples += " " + q(data_file(s));
    const auto first = run_kpi("import " + q(book) + samples + " --in-place --lang en");
    ASSERT_EQ(first.exit_code, 0) << first.out;
    EXPECT_NE(first.out.find("0 rows added"), std::string::npos) << first.out; // the builder wrote every period
    EXPECT_EQ(first.out.find(" 0 cells changed"), std::string::npos) << first.out;
    const auto second = run_kpi("import " + q(book) + samples + " --in-place --lang en");
    ASSERT_EQ(second.exit_code, 0) << second.out;
    EXPECT_NE(second.out.find("0 cells changed, 0 rows updated, 0 rows added"), std::string::npos) << second.out;

    // The values, read back in the office, and no formula of the Data sheet in error.
    workbook wb(book, "Dữ liệu");
    const auto g = wb.data();
    const data_index index(g);
    std::size_t checked = 0;
    for (const auto& e : expected_values()) {
        if (e.granularity != "month" || e.file.find("-vi") == std::string::npos || e.file.rfind("zalo", 0) == 0) continue;
        if (e.file.rfind("plain", 0) == 0) continue;
        const auto row = index.rows.find(e.period + "|" + std::string(kpi::to_string(e.ch)));
        ASSERT_NE(row, index.rows.end()) << e.period << " " << kpi::to_string(e.ch);
        double sum = 0; // GA4 and Search Console both feed SEO & website, in different measures
        for (const auto& f : expected_values())
            if (f.granularity == "month" && f.period == e.period && f.ch == e.ch && f.m == e.m &&
                f.file.find("-vi") != std::string::npos)
                sum += f.value;
        EXPECT_NEAR(number(g[row->second][index.cols.at(e.m)]), sum, 1e-6 * std::max(1.0, sum)) << e.file;
        ++checked;
    }
    EXPECT_GT(checked, 20u);
}

TEST(KpiImport, QuarterlyUsdWizardWorkbookRefusesVnd) {
    const auto dir = work_dir();
    const auto book = dir / "wizard-en.ods";
    fs::remove(book);
    ASSERT_EQ(run_kpi("new --industry b2b --lang en --currency usd --periods quarter --start 2026-01 -o " + q(book)).exit_code, 0);
    const auto bytes = file_bytes(book);
    const auto vnd = run_kpi("import " + q(book) + " " + q(data_file("meta-en.csv")) + " --in-place --lang en");
    EXPECT_EQ(vnd.exit_code, 2) << vnd.out;
    EXPECT_NE(vnd.out.find("the export is in VND but the workbook is in USD"), std::string::npos) << vnd.out;
    EXPECT_EQ(file_bytes(book), bytes); // left as it was
    const auto ga4 = run_kpi("import " + q(book) + " " + q(data_file("ga4-en.csv")) + " -o " + q(dir / "wizard-en-ga4.ods") +
                             " --force --lang en");
    EXPECT_EQ(ga4.exit_code, 0) << ga4.out;
}

TEST(KpiImport, ExitCodesAndMessages) {
    const auto dir = work_dir();
    const auto book = dir / "cli-book.fods";
    fs::copy_file(data_file("workbook-vi.fods"), book, fs::copy_options::overwrite_existing);
    const auto bytes = file_bytes(book);
    struct c { std::string args; int code; std::string says; };
    const auto out = dir / "cli-out.fods";
    fs::remove(out);
    for (const auto& x : std::vector<c>{
             {"import " + q(book) + " /nonexistent/x.csv --in-place", 2, "no such export"},
             {"import /nonexistent/book.ods " + q(data_file("plain.csv")) + " --in-place", 2, "no such workbook"},
             {"import " + q(book) + " " + q(data_file("unknown.csv")) + " --in-place --lang en", 2, "not a recognised export"},
             {"import " + q(book) + " " + q(data_file("empty.csv")) + " --in-place --lang en", 2, "the file is empty"},
             {"import " + q(book) + " " + q(data_file("broken-utf8.csv")) + " --in-place --lang en", 2, "not valid UTF-8"},
             {"import " + q(book) + " " + q(data_file("mixed-currency.csv")) + " --in-place --lang en", 2, "several currencies"},
             {"import " + q(fs::path(KPI_TEST_DATA_DIR) / "no-register.fods") + " " + q(data_file("plain.csv")) + " -o " + q(out) +
                  " --lang en", 2, "No Data sheet found"},
             {"import " + q(book) + " " + q(data_file("plain.csv")), 2, "usage: kpi import"},
             {"import " + q(book) + " " + q(data_file("plain.csv")) + " --in-place -o " + q(out), 2, "usage: kpi import"},
         }) {
        const auto r = run_kpi(x.args);
        EXPECT_EQ(r.exit_code, x.code) << x.args << "\n" << r.out;
        EXPECT_NE(r.out.find(x.says), std::string::npos) << x.args << "\n" << r.out;
    }
    EXPECT_EQ(file_bytes(book), bytes);
    EXPECT_FALSE(fs::exists(out));

    const auto ok = run_kpi("import " + q(book) + " " + q(data_file("plain.csv")) + " -o " + q(out) + " --lang vi");
    EXPECT_EQ(ok.exit_code, 0) << ok.out;
    EXPECT_NE(ok.out.find("Cột không nhập: Budget note"), std::string::npos) << ok.out;
    const auto again = run_kpi("import " + q(book) + " " + q(data_file("plain.csv")) + " -o " + q(out) + " --lang en");
    EXPECT_EQ(again.exit_code, 2) << again.out;
    EXPECT_NE(again.out.find("already exists; use --force"), std::string::npos) << again.out;
    EXPECT_EQ(file_bytes(book), bytes); // -o never writes the source workbook
}

TEST(ImportCommand, XlsxExportIsReadThroughTheOffice) {
    // A TikTok export saved as .xlsx: dates as date serials and as text, numbers as numbers.
    const auto xlsx = work_dir() / "tiktok-export.xlsx";
    {
        auto doc = office().new_spreadsheet();
        Reference<css::sheet::XSpreadsheetDocument> sd(doc, UNO_QUERY_THROW);
        Reference<css::container::XIndexAccess> sheets(sd->getSheets(), UNO_QUERY_THROW);
        Reference<css::sheet::XSpreadsheet> sheet(sheets->getByIndex(0), UNO_QUERY_THROW);
        const char* header[] = {"By Day", "Campaign name", "Cost", "Impressions", "Clicks (destination)", "Conversions"};
        for (int c = 0; c < 6; ++c) set_cell_text(sheet, c, 0, header[c]);
        // 2026-01-30 and 2026-01-31 as Calc date serials, 2026-02-01 as text.
        const double serial_jan30 = 46052, serial_jan31 = 46053;
        const double rows[3][4] = {{1000000, 5000, 50, 2}, {2000000.5, 6000, 60, 3}, {4000000, 7000, 70, 4}};
        for (int r = 0; r < 3; ++r) {
            if (r < 2) sheet->getCellByPosition(0, r + 1)->setValue(r == 0 ? serial_jan30 : serial_jan31);
            else set_cell_text(sheet, 0, r + 1, "2026-02-01");
            set_cell_text(sheet, 1, r + 1, "Spark");
            for (int c = 0; c < 4; ++c) sheet->getCellByPosition(c + 2, r + 1)->setValue(rows[r][c]);
        }
        css::uno::Sequence<css::beans::PropertyValue> props(1);
        props.getArray()[0].Name = "FilterName";
        props.getArray()[0].Value <<= OUString("Calc MS Excel 2007 XML");
        Reference<css::frame::XStorable>(doc, UNO_QUERY_THROW)->storeToURL(ou(url_of(xlsx)), props);
        Reference<css::util::XCloseable>(doc, UNO_QUERY_THROW)->close(true);
    }
    workbook book(data_file("workbook-vi.fods"), "Dữ liệu");
    book.import({xlsx.string()});
    const auto g = book.data();
    const data_index index(g);
    ASSERT_TRUE(index.rows.count("2026-01|tiktok_ads"));
    ASSERT_TRUE(index.rows.count("2026-02|tiktok_ads"));
    EXPECT_DOUBLE_EQ(number(g[index.rows.at("2026-01|tiktok_ads")][index.cols.at(kpi::measure::spend)]), 3000000.5);
    EXPECT_DOUBLE_EQ(number(g[index.rows.at("2026-01|tiktok_ads")][index.cols.at(kpi::measure::clicks)]), 110);
    EXPECT_DOUBLE_EQ(number(g[index.rows.at("2026-02|tiktok_ads")][index.cols.at(kpi::measure::conversions)]), 4);
}

// The summary a user sees after the menu command (no Silent argument): a message box naming the file,
// its platform and the rows read, and what changed on the Data sheet; OK closes it. Screenshot:
// <build>/tests/screenshots/import-summary.png.
TEST(ImportCommand, SummaryMessageBoxSaysWhatWasImported) {
    if (!gui::in_a_window()) GTEST_SKIP() << "not in a window";
    workbook book(data_file("workbook-vi.fods"), "Dữ liệu");
    auto frame = Reference<css::frame::XModel>(book.doc, UNO_QUERY_THROW)->getCurrentController()->getFrame();
    const auto file = url_of(data_file("meta-en.csv"));
    const OUString url = ou(file);
    css::uno::Sequence<css::beans::PropertyValue> args(1);
    args.getArray()[0].Name = "Files";
    args.getArray()[0].Value <<= css::uno::Sequence<OUString>(&url, 1);
    gui::dispatch_in_background command(frame, "org.kpimarketing.command:Import", args);
    const auto message = gui::wait_for([](const Reference<css::accessibility::XAccessibleContext>& c) {
        return u8(c->getAccessibleName()).find("cells changed") != std::string::npos;
    });
    const bool shown = message.is();
    if (shown) {
        const auto text = u8(message->getAccessibleName());
        EXPECT_NE(text.find("meta-en.csv"), std::string::npos) << text;
        EXPECT_NE(text.find("Meta"), std::string::npos) << text;
        EXPECT_NE(text.find("rows read"), std::string::npos) << text;
        EXPECT_NE(text.find("Sheet \"Dữ liệu\""), std::string::npos) << text;
        gui::screenshot(gui::screenshot_dir() / "import-summary.png");
        EXPECT_TRUE(gui::press("OK"));
        EXPECT_TRUE(command.finished()) << "the command did not return after OK";
    } else {
        ADD_FAILURE() << "no summary message box\n" << gui::dump_windows();
    }
    EXPECT_TRUE(book.modified()); // the import happened
}

namespace {

void write_text(const fs::path& p, const std::string& text) { std::ofstream(p, std::ios::binary) << text; }

// The Data sheet value of (period, channel, measure) in a stored workbook, read back in the office.
double data_value(workbook& wb, const std::string& period, kpi::channel ch, kpi::measure m) {
    const auto g = wb.data();
    const data_index index(g);
    const auto row = index.rows.find(period + "|" + std::string(kpi::to_string(ch)));
    if (row == index.rows.end()) {
        ADD_FAILURE() << "no Data row " << period << " " << kpi::to_string(ch);
        return std::nan("");
    }
    return number(g[row->second][index.cols.at(m)]);
}

} // namespace

// A VND workbook built by `kpi new` (its Spend format "#,##0 [$₫-42A]") refuses a USD export, names both
// currencies, and stays byte for byte as it was; the menu command refuses it too (document unmodified);
// with --rate USD=25000 the money is converted: (120.50 + 79.50) USD x 25,000 = 5,000,000 VND.
TEST(KpiImport, UsdExportIntoVndWorkbookRefusedThenConvertedWithARate) {
    const auto dir = work_dir();
    const auto book = dir / "vnd-book.ods";
    fs::remove(book);
    ASSERT_EQ(run_kpi("new --industry ecommerce --lang vi --currency vnd --periods month --start 2026-01 "
                      "--channels facebook,google -o " + q(book)).exit_code, 0);
    const auto usd = dir / "google-ads-usd.csv";
    write_text(usd, "Day,Currency code,Cost,Impr.,Clicks\n2026-01-05,USD,120.50,1000,10\n2026-01-06,USD,79.50,500,5\n");
    const auto bytes = file_bytes(book);
    const auto refused = run_kpi("import " + q(book) + " " + q(usd) + " --in-place --lang en");
    EXPECT_EQ(refused.exit_code, 2) << refused.out;
    EXPECT_NE(refused.out.find("the export is in USD but the workbook is in VND"), std::string::npos) << refused.out;
    EXPECT_NE(refused.out.find("--rate USD="), std::string::npos) << refused.out;
    const auto refused_vi = run_kpi("import " + q(book) + " " + q(usd) + " --in-place --lang vi");
    EXPECT_NE(refused_vi.out.find("tệp xuất dùng USD nhưng sổ tính dùng VND"), std::string::npos) << refused_vi.out;
    EXPECT_EQ(file_bytes(book), bytes);
    {
        workbook menu(book, "Dữ liệu");
        menu.import({usd.string()});
        EXPECT_FALSE(menu.modified()); // the menu command refused it as well
        menu.import({usd.string()}, "USD=25000"); // the Rates dispatch argument converts
        EXPECT_TRUE(menu.modified());
        EXPECT_DOUBLE_EQ(data_value(menu, "2026-01", kpi::channel::google_ads, kpi::measure::spend), 5000000.0);
    }
    const auto converted = run_kpi("import " + q(book) + " " + q(usd) + " --in-place --lang en --rate USD=25000");
    ASSERT_EQ(converted.exit_code, 0) << converted.out;
    EXPECT_NE(converted.out.find("converted from USD, 1 USD = 25000 VND"), std::string::npos) << converted.out;
    workbook wb(book, "Dữ liệu");
    EXPECT_DOUBLE_EQ(data_value(wb, "2026-01", kpi::channel::google_ads, kpi::measure::spend), 5000000.0);
    EXPECT_DOUBLE_EQ(data_value(wb, "2026-01", kpi::channel::google_ads, kpi::measure::impressions), 1500.0);
}

// The same export given twice (same path, a copy with the same bytes) is counted once, with a warning:
// 1,200,000 + 1,500,000 = 2,700,000 of Facebook spend in 2026-01, not 5,400,000 or 8,100,000.
TEST(KpiImport, TheSameFileTwiceIsCountedOnce) {
    const auto dir = work_dir();
    const auto book = dir / "twice-book.ods";
    fs::remove(book);
    ASSERT_EQ(run_kpi("new --industry ecommerce --lang en --currency vnd --periods month --start 2026-01 "
                      "--channels facebook,google -o " + q(book)).exit_code, 0);
    const auto a = dir / "fb-a.csv", copy = dir / "fb-copy.csv";
    const std::string csv = "Date,Channel,Spend\n2026-01-05,Facebook Ads,1200000\n2026-01-06,Facebook Ads,1500000\n";
    write_text(a, csv);
    write_text(copy, csv);
    const auto r = run_kpi("import " + q(book) + " " + q(a) + " " + q(a) + " " + q(copy) + " --in-place --lang en");
    ASSERT_EQ(r.exit_code, 0) << r.out;
    EXPECT_NE(r.out.find("given twice"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("the same content as"), std::string::npos) << r.out;
    const auto vi = run_kpi("import " + q(book) + " " + q(a) + " " + q(copy) + " -o " + q(dir / "twice-vi.ods") +
                            " --force --lang vi");
    EXPECT_NE(vi.out.find("chỉ tính một lần"), std::string::npos) << vi.out;
    workbook wb(book, "Data");
    EXPECT_DOUBLE_EQ(data_value(wb, "2026-01", kpi::channel::facebook_ads, kpi::measure::spend), 2700000.0);
}

// A Google Ads report segmented by Month into a `kpi new` workbook: the Data sheet holds each month's
// sums and the Dashboard shows October's CTR. September: clicks 300 + 200 = 500, impressions
// 10,000 + 4,000 = 14,000; October: clicks 400 + 100 = 500, impressions 12,000 + 3,000 = 15,000, so
// CTR = 500 / 15,000. A week across a month end is refused, the workbook unchanged.
TEST(KpiImport, MonthSegmentedGoogleAdsIntoAWizardWorkbook) {
    const auto dir = work_dir();
    const auto book = dir / "segments-book.ods";
    fs::remove(book);
    ASSERT_EQ(run_kpi("new --industry ecommerce --lang en --currency vnd --periods month --start 2026-09 "
                      "--channels facebook,google -o " + q(book)).exit_code, 0);
    const auto csv = dir / "google-ads-by-month.csv";
    write_text(csv, "Campaign report\n\"September 1, 2026 - October 31, 2026\"\n"
                    "Month,Campaign,Currency code,Cost,Impr.,Clicks\n"
                    "2026-09-01,Search,VND,\"1,000,000\",\"10,000\",300\n"
                    "2026-09-01,Brand,VND,\"500,000\",\"4,000\",200\n"
                    "October 2026,Search,VND,\"1,200,000\",\"12,000\",400\n"
                    "October 2026,Brand,VND,\"300,000\",\"3,000\",100\n"
                    "Total: Account,,VND,\"3,000,000\",\"29,000\",1000\n");
    const auto weeks = dir / "google-ads-by-week.csv";
    write_text(weeks, "Week,Cost,Impr.,Clicks\n2026-10-19,100,10,1\n2026-10-26,200,20,2\n");
    const auto bytes = file_bytes(book);
    const auto straddles = run_kpi("import " + q(book) + " " + q(weeks) + " --in-place --lang en");
    EXPECT_EQ(straddles.exit_code, 2) << straddles.out;
    EXPECT_NE(straddles.out.find("1 row spans two months of the workbook (line 3"), std::string::npos) << straddles.out;
    EXPECT_EQ(file_bytes(book), bytes);

    const auto r = run_kpi("import " + q(book) + " " + q(csv) + " --in-place --lang en");
    ASSERT_EQ(r.exit_code, 0) << r.out;
    workbook wb(book, "Data");
    EXPECT_DOUBLE_EQ(data_value(wb, "2026-09", kpi::channel::google_ads, kpi::measure::spend), 1500000.0);
    EXPECT_DOUBLE_EQ(data_value(wb, "2026-09", kpi::channel::google_ads, kpi::measure::clicks), 500.0);
    EXPECT_DOUBLE_EQ(data_value(wb, "2026-10", kpi::channel::google_ads, kpi::measure::spend), 1500000.0);
    EXPECT_DOUBLE_EQ(data_value(wb, "2026-10", kpi::channel::google_ads, kpi::measure::impressions), 15000.0);

    // The Dashboard (default selector: the latest period with data, 2026-10): the Google Ads CTR row.
    Reference<css::sheet::XCalculatable>(wb.doc, UNO_QUERY_THROW)->calculateAll();
    auto dash = wb.sheet("Dashboard");
    bool found = false;
    for (sal_Int32 row = 4; row < 400 && !found; ++row) {
        const auto id = u8(Reference<css::text::XTextRange>(dash->getCellByPosition(0, row), UNO_QUERY_THROW)->getString());
        if (id.empty()) break;
        if (id.rfind("GG-", 0) != 0 || id.find("CTR") == std::string::npos) continue;
        found = true;
        EXPECT_NEAR(dash->getCellByPosition(3, row)->getValue(), 500.0 / 15000.0, 1e-12) << id;
    }
    EXPECT_TRUE(found) << "no Google Ads CTR row on the Dashboard";
}
