// "Copy for sharing" in a real office (docs/report.md): `kpi share` and the menu command write a copy
// whose KPI. formulas (single cells and whole array formulas) hold their values, errors as plain
// formulas giving the same error; other formulas stay; the original file and the open document are
// left as they were; an existing file is refused without --force / Overwrite; FilterName or Format.
#include "gui.hpp"
#include "kpi_tool.hpp"
#include "office_test.hpp"

#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/container/XNamed.hpp>
#include <com/sun/star/frame/DispatchHelper.hpp>
#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/frame/XDispatchProvider.hpp>
#include <com/sun/star/frame/XFrame.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/sheet/XArrayFormulaRange.hpp>
#include <com/sun/star/sheet/XCalculatable.hpp>
#include <com/sun/star/sheet/XCellRangeFormula.hpp>
#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>
#include <com/sun/star/sheet/XUsedAreaCursor.hpp>
#include <com/sun/star/table/XCell.hpp>
#include <com/sun/star/text/XTextRange.hpp>
#include <com/sun/star/util/XCloseable.hpp>
#include <com/sun/star/util/XModifiable.hpp>
#include <com/sun/star/util/XProtectable.hpp>
#include <osl/file.hxx>

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <fstream>
#include <map>
#include <sstream>
#include <thread>
#include <unistd.h>

using namespace kpi::office_test;
using css::uno::Reference;
using css::uno::UNO_QUERY_THROW;
namespace fs = std::filesystem;

namespace {

const fs::path sample = sample_workbook();

fs::path share_dir(const std::string& name) { return fresh_dir("share-" + name); }

std::string bytes_of(const fs::path& p) { return file_bytes(p); }

std::string q(const fs::path& p) { return quoted(p); }

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

// One cell as the test compares it.
struct cell_state {
    std::string formula; // "" for a constant
    double value = 0;
    std::string text;
    int error = 0;
};

// Every cell of every sheet's used area, by "Sheet!col,row".
std::map<std::string, cell_state> cells_of(const Reference<css::lang::XComponent>& doc) {
    std::map<std::string, cell_state> out;
    Reference<css::sheet::XSpreadsheetDocument> spreadsheet(doc, UNO_QUERY_THROW);
    Reference<css::container::XIndexAccess> sheets(spreadsheet->getSheets(), UNO_QUERY_THROW);
    for (sal_Int32 s = 0; s < sheets->getCount(); ++s) {
        Reference<css::sheet::XSpreadsheet> sheet(sheets->getByIndex(s), UNO_QUERY_THROW);
        const auto name = u8(Reference<css::container::XNamed>(sheet, UNO_QUERY_THROW)->getName());
        auto cursor = sheet->createCursor();
        Reference<css::sheet::XUsedAreaCursor> used(cursor, UNO_QUERY_THROW);
        used->gotoStartOfUsedArea(false);
        used->gotoEndOfUsedArea(true);
        const auto formulas = Reference<css::sheet::XCellRangeFormula>(cursor, UNO_QUERY_THROW)->getFormulaArray();
        for (sal_Int32 r = 0; r < formulas.getLength(); ++r)
            for (sal_Int32 c = 0; c < formulas[r].getLength(); ++c) {
                auto cell = sheet->getCellByPosition(c, r);
                cell_state st;
                const auto f = u8(formulas[r][c]);
                if (cell->getType() == css::table::CellContentType_FORMULA) st.formula = f;
                st.value = cell->getValue();
                st.text = u8(Reference<css::text::XTextRange>(cell, UNO_QUERY_THROW)->getString());
                st.error = cell->getError();
                out[name + "!" + std::to_string(c) + "," + std::to_string(r)] = st;
            }
    }
    return out;
}

bool uses_kpi(const std::string& formula) {
    const auto f = lower(formula);
    return f.find("kpi.") != std::string::npos || f.find("kpimarketing") != std::string::npos;
}

// The copy shows what the original computes, with no KPI formula left; other formulas kept.
void expect_same_results_without_kpi_formulas(const std::map<std::string, cell_state>& original,
                                              const std::map<std::string, cell_state>& copy, int& kpi_cells) {
    kpi_cells = 0;
    for (const auto& [where, o] : original) {
        const auto it = copy.find(where);
        ASSERT_NE(it, copy.end()) << where;
        const auto& c = it->second;
        EXPECT_FALSE(uses_kpi(c.formula)) << where << ": " << c.formula;
        EXPECT_EQ(c.error, o.error) << where;
        if (o.error == 0) {
            EXPECT_NEAR(c.value, o.value, 1e-9 * std::max(1.0, std::fabs(o.value))) << where;
            EXPECT_EQ(c.text, o.text) << where;
        }
        if (uses_kpi(o.formula)) {
            ++kpi_cells;
            if (o.error == 0) {
                EXPECT_TRUE(c.formula.empty()) << where << " is still a formula: " << c.formula;
            }
        } else {
            EXPECT_EQ(c.formula.empty(), o.formula.empty()) << where << ": " << o.formula << " -> " << c.formula;
        }
    }
}

std::map<std::string, cell_state> computed(const fs::path& file) {
    auto doc = office().open(file, true);
    Reference<css::sheet::XCalculatable>(doc, UNO_QUERY_THROW)->calculateAll();
    auto cells = cells_of(doc);
    Reference<css::util::XCloseable>(doc, UNO_QUERY_THROW)->close(true);
    return cells;
}

// A small workbook: an array formula (KPI.EACH), a single KPI formula, a text result (KPI.STATUSTEXT),
// an error (#DIV/0!) and an ordinary SUM over the array.
fs::path write_mixed_workbook(const fs::path& dir) {
    auto doc = office().new_spreadsheet();
    Reference<css::sheet::XSpreadsheetDocument> spreadsheet(doc, UNO_QUERY_THROW);
    Reference<css::sheet::XSpreadsheet> sheet(
        Reference<css::container::XIndexAccess>(spreadsheet->getSheets(), UNO_QUERY_THROW)->getByIndex(0), UNO_QUERY_THROW);
    const double spend[] = {1000, 2500, 900}, leads[] = {10, 0, 30};
    for (int r = 0; r < 3; ++r) {
        sheet->getCellByPosition(0, r)->setValue(spend[r]);
        sheet->getCellByPosition(1, r)->setValue(leads[r]);
    }
    Reference<css::sheet::XArrayFormulaRange>(sheet->getCellRangeByName("C1:C3"), UNO_QUERY_THROW)
        ->setArrayFormula("=KPI.EACH(\"CPL\";A1:A3;B1:B3)");
    sheet->getCellByPosition(3, 0)->setFormula("=SUM(C1;C3)");
    sheet->getCellByPosition(4, 0)->setFormula("=KPI.CPL(A1;B1)");
    sheet->getCellByPosition(4, 1)->setFormula("=KPI.STATUSTEXT(90;100)");
    sheet->getCellByPosition(4, 2)->setFormula("=KPI.CPL(A2;B2)");
    // A small register and its audit as a 3x4 array (header row, then S1 and T1): texts and numbers.
    const char* register_cells[3][3] = {{"ID", "Level", "Parent"}, {"S1", "Strategic", ""}, {"T1", "Tactical", "S1"}};
    for (int r = 0; r < 3; ++r)
        for (int c = 0; c < 3; ++c)
            if (*register_cells[r][c])
                Reference<css::text::XTextRange>(sheet->getCellByPosition(c, 5 + r), UNO_QUERY_THROW)
                    ->setString(ou(register_cells[r][c]));
    Reference<css::sheet::XArrayFormulaRange>(sheet->getCellRangeByName("F6:I8"), UNO_QUERY_THROW)
        ->setArrayFormula("=KPI.AUDIT(A6:C8)");
    // KPI formulas mixed with ordinary ones in one block of formula cells: a KPI column beside an
    // ordinary one (written down the column), a row of KPI formulas ending in an ordinary one (along the row).
    for (int r = 0; r < 3; ++r) {
        const auto row = std::to_string(r + 1);
        sheet->getCellByPosition(10, r)->setFormula(ou("=A" + row + "*2"));
        sheet->getCellByPosition(11, r)->setFormula(ou("=KPI.CPL(A" + row + ";10)"));
    }
    for (int c = 0; c < 3; ++c)
        sheet->getCellByPosition(c, 9)->setFormula(ou("=KPI.CPL(" + std::to_string(10 * (c + 1)) + ";2)"));
    sheet->getCellByPosition(3, 9)->setFormula("=A10+1");
    // A sheet protected without a password (the copy lifts and restores it) with a KPI formula and a
    // KPI.EACH array, and one protected with a password that holds only an ordinary formula.
    auto sheets = spreadsheet->getSheets();
    sheets->insertNewByName("Locked", 1);
    sheets->insertNewByName("Secret", 2);
    Reference<css::sheet::XSpreadsheet> locked(sheets->getByName("Locked"), UNO_QUERY_THROW);
    locked->getCellByPosition(0, 0)->setFormula("=KPI.CPL(100;4)");
    locked->getCellByPosition(0, 1)->setValue(300); // CPL 300 / 6 = 50
    locked->getCellByPosition(1, 1)->setValue(6);
    locked->getCellByPosition(0, 2)->setValue(600); // CPL 600 / 4 = 150
    locked->getCellByPosition(1, 2)->setValue(4);
    Reference<css::sheet::XArrayFormulaRange>(locked->getCellRangeByName("C2:C3"), UNO_QUERY_THROW)
        ->setArrayFormula("=KPI.EACH(\"CPL\";A2:A3;B2:B3)");
    Reference<css::util::XProtectable>(locked, UNO_QUERY_THROW)->protect("");
    Reference<css::sheet::XSpreadsheet> secret(sheets->getByName("Secret"), UNO_QUERY_THROW);
    secret->getCellByPosition(0, 0)->setFormula("=SUM(1;2)");
    Reference<css::util::XProtectable>(secret, UNO_QUERY_THROW)->protect("pw");
    const auto file = dir / "mixed.ods";
    store_as_ods(doc, file);
    Reference<css::util::XCloseable>(doc, UNO_QUERY_THROW)->close(true);
    return file;
}

} // namespace

TEST(KpiShare, SampleToXlsxKeepsEveryValueAndNoKpiFormula) {
    const auto dir = share_dir("sample");
    const auto out = dir / "shared.xlsx";
    const auto before = bytes_of(sample);
    const auto mtime = fs::last_write_time(sample);
    const auto r = run_kpi("share " + q(sample) + " -o " + q(out));
    ASSERT_EQ(r.exit_code, 0) << r.out;
    EXPECT_NE(r.out.find("65 KPI formula cells"), std::string::npos) << r.out;
    EXPECT_EQ(bytes_of(sample), before) << "the workbook itself changed";
    EXPECT_EQ(fs::last_write_time(sample), mtime);
    int kpi_cells = 0;
    expect_same_results_without_kpi_formulas(computed(sample), computed(out), kpi_cells);
    EXPECT_EQ(kpi_cells, 65);
}

TEST(KpiShare, ArrayFormulasTextsErrorsAndOtherFormulas) {
    const auto dir = share_dir("mixed");
    const auto workbook = write_mixed_workbook(dir);
    const auto out = dir / "mixed-shared.ods";
    const auto before = bytes_of(workbook);
    const auto r = run_kpi("share " + q(workbook) + " -o " + q(out));
    ASSERT_EQ(r.exit_code, 0) << r.out;
    // Sheet1: 3 KPI.EACH + 3 single + 12 KPI.AUDIT + 3 + 3 single cells; Locked: 1 + 2 KPI.EACH; 3 arrays;
    // #DIV/0! twice (E3 and C2).
    EXPECT_NE(r.out.find(": 27 KPI formula cells"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("(3 array formulas, 2 error results"), std::string::npos) << r.out;
    EXPECT_EQ(bytes_of(workbook), before) << "the workbook itself changed";
    const auto original = computed(workbook);
    const auto copy = computed(out);
    int kpi_cells = 0;
    expect_same_results_without_kpi_formulas(original, copy, kpi_cells);
    EXPECT_EQ(kpi_cells, 27);
    EXPECT_EQ(copy.at("Sheet1!10,2").formula, "=A3*2");
    EXPECT_EQ(copy.at("Sheet1!11,2").value, 90); // KPI.CPL(900; 10)
    EXPECT_TRUE(copy.at("Sheet1!11,2").formula.empty());
    EXPECT_EQ(copy.at("Sheet1!2,9").value, 15);
    EXPECT_TRUE(copy.at("Sheet1!2,9").formula.empty());
    EXPECT_EQ(copy.at("Sheet1!3,9").formula, "=A10+1");
    EXPECT_EQ(copy.at("Sheet1!3,9").value, 6);
    EXPECT_EQ(copy.at("Locked!0,0").value, 25);
    EXPECT_EQ(copy.at("Locked!2,1").value, 50);
    EXPECT_EQ(copy.at("Locked!2,2").value, 150);
    EXPECT_EQ(copy.at("Secret!0,0").formula, "=SUM(1;2)");
    {
        auto doc = office().open(out, true);
        Reference<css::sheet::XSpreadsheetDocument> shared(doc, UNO_QUERY_THROW);
        EXPECT_TRUE(Reference<css::util::XProtectable>(shared->getSheets()->getByName("Locked"), UNO_QUERY_THROW)
                        ->isProtected());
        EXPECT_TRUE(Reference<css::util::XProtectable>(shared->getSheets()->getByName("Secret"), UNO_QUERY_THROW)
                        ->isProtected());
        Reference<css::util::XCloseable>(doc, UNO_QUERY_THROW)->close(true);
    }
    EXPECT_EQ(copy.at("Sheet1!2,0").value, 100); // KPI.EACH's CPL of 1000 / 10, now a number
    EXPECT_TRUE(copy.at("Sheet1!2,0").formula.empty());
    EXPECT_NEAR(copy.at("Sheet1!3,0").value, 130, 1e-9); // the SUM over the replaced array: 100 + 30
    EXPECT_EQ(copy.at("Sheet1!3,0").formula, "=SUM(C1;C3)"); // ordinary formulas stay formulas
    EXPECT_EQ(copy.at("Sheet1!2,1").error, 532);             // #DIV/0! inside the array, now =1/0
    EXPECT_EQ(copy.at("Sheet1!2,1").formula, "=1/0");
    EXPECT_EQ(copy.at("Sheet1!4,1").text, "At risk");
    EXPECT_TRUE(copy.at("Sheet1!4,1").formula.empty());
    EXPECT_EQ(copy.at("Sheet1!4,2").formula, "=1/0"); // a single KPI.CPL giving #DIV/0!
    // KPI.AUDIT's array: texts stay texts, the SMART score stays a number.
    EXPECT_EQ(copy.at("Sheet1!5,5").text, "ID");
    EXPECT_EQ(copy.at("Sheet1!5,6").text, "S1");
    EXPECT_EQ(copy.at("Sheet1!5,7").text, "T1");
    EXPECT_EQ(copy.at("Sheet1!6,7").text, original.at("Sheet1!6,7").text);
    EXPECT_FALSE(copy.at("Sheet1!6,7").text.empty());
    EXPECT_EQ(copy.at("Sheet1!7,6").value, original.at("Sheet1!7,6").value);
    for (int row = 5; row <= 7; ++row)
        for (int col = 5; col <= 8; ++col)
            EXPECT_TRUE(copy.at("Sheet1!" + std::to_string(col) + "," + std::to_string(row)).formula.empty())
                << col << "," << row;
}

TEST(KpiShare, APasswordProtectedSheetWithKpiFormulasIsRefused) {
    const auto dir = share_dir("password");
    auto doc = office().new_spreadsheet();
    Reference<css::sheet::XSpreadsheet> sheet(
        Reference<css::container::XIndexAccess>(
            Reference<css::sheet::XSpreadsheetDocument>(doc, UNO_QUERY_THROW)->getSheets(), UNO_QUERY_THROW)
            ->getByIndex(0),
        UNO_QUERY_THROW);
    sheet->getCellByPosition(0, 0)->setFormula("=KPI.CPL(100;4)");
    Reference<css::util::XProtectable>(sheet, UNO_QUERY_THROW)->protect("pw");
    const auto workbook = dir / "locked.ods";
    store_as_ods(doc, workbook);
    Reference<css::util::XCloseable>(doc, UNO_QUERY_THROW)->close(true);
    const auto r = run_kpi("share " + q(workbook) + " -o " + q(dir / "out.xlsx"));
    EXPECT_EQ(r.exit_code, 2) << r.out;
    EXPECT_NE(r.out.find("'Sheet1' is protected with a password"), std::string::npos) << r.out;
    EXPECT_FALSE(fs::exists(dir / "out.xlsx"));
}

TEST(KpiShare, AnExistingFileIsReplacedOnlyWithForce) {
    const auto dir = share_dir("force");
    std::ofstream(dir / "taken.ods") << "keep";
    auto r = run_kpi("share " + q(sample) + " -o " + q(dir / "taken.ods"));
    EXPECT_EQ(r.exit_code, 2) << r.out;
    EXPECT_NE(r.out.find("--force"), std::string::npos) << r.out;
    EXPECT_EQ(bytes_of(dir / "taken.ods"), "keep");
    r = run_kpi("share " + q(sample) + " -o " + q(dir / "taken.ods") + " --force");
    EXPECT_EQ(r.exit_code, 0) << r.out;
    EXPECT_EQ(bytes_of(dir / "taken.ods").substr(0, 2), "PK");
    EXPECT_EQ(run_kpi("share " + q(dir / "missing.ods") + " -o " + q(dir / "x.ods")).exit_code, 2);
    EXPECT_EQ(run_kpi("share " + q(sample) + " -o " + q(dir / "x.ods") + " --format pdf").exit_code, 2);
}

TEST(ShareCommand, MenuCommandLeavesTheOpenDocumentAsItWas) {
    const auto dir = share_dir("menu");
    fs::copy_file(sample, dir / "shop.fods");
    auto doc = office().open(dir / "shop.fods");
    auto model = Reference<css::frame::XModel>(doc, UNO_QUERY_THROW);
    Reference<css::sheet::XSpreadsheetDocument> spreadsheet(doc, UNO_QUERY_THROW);
    Reference<css::sheet::XSpreadsheet> data(spreadsheet->getSheets()->getByName("Marketing 2026"), UNO_QUERY_THROW);
    data->getCellByPosition(1, 1)->setValue(40000000); // an unsaved change: January's spend
    Reference<css::sheet::XCalculatable>(doc, UNO_QUERY_THROW)->calculateAll();
    const auto cpl_formula = u8(data->getCellByPosition(9, 1)->getFormula());
    ASSERT_TRUE(uses_kpi(cpl_formula)) << cpl_formula;
    const double cpl = data->getCellByPosition(9, 1)->getValue();
    ASSERT_EQ(cpl_formula.rfind("=ORG.KPIMARKETING.KPIFUNCTIONS.CPL(", 0), 0) << cpl_formula; // what the API gives
    auto dispatch = [&](const fs::path& target, bool overwrite, const std::string& filter = "") {
        css::uno::Sequence<css::beans::PropertyValue> args(filter.empty() ? 3 : 4);
        args.getArray()[0].Name = "URL";
        args.getArray()[0].Value <<= ou("file://" + target.string());
        args.getArray()[1].Name = "Silent";
        args.getArray()[1].Value <<= true;
        args.getArray()[2].Name = "Overwrite";
        args.getArray()[2].Value <<= overwrite;
        if (!filter.empty()) {
            args.getArray()[3].Name = "FilterName";
            args.getArray()[3].Value <<= ou(filter);
        }
        css::frame::DispatchHelper::create(office().context())
            ->executeDispatch(Reference<css::frame::XDispatchProvider>(model->getCurrentController()->getFrame(),
                                                                       UNO_QUERY_THROW),
                              "org.kpimarketing.command:Share", "", 0, args);
    };
    dispatch(dir / "copy.xlsx", false);
    ASSERT_TRUE(fs::exists(dir / "copy.xlsx"));
    // The open document: its formula, its unsaved change, its modified flag, its location.
    EXPECT_EQ(u8(data->getCellByPosition(9, 1)->getFormula()), cpl_formula);
    EXPECT_TRUE(Reference<css::util::XModifiable>(doc, UNO_QUERY_THROW)->isModified());
    const auto url = u8(model->getURL());
    EXPECT_EQ(url.substr(url.size() - 10), "/shop.fods") << url;
    // The copy: the unsaved change's result as a value.
    auto copy = office().open(dir / "copy.xlsx", true);
    Reference<css::sheet::XSpreadsheet> copy_data(
        Reference<css::sheet::XSpreadsheetDocument>(copy, UNO_QUERY_THROW)->getSheets()->getByName("Marketing 2026"),
        UNO_QUERY_THROW);
    EXPECT_EQ(copy_data->getCellByPosition(9, 1)->getType(), css::table::CellContentType_VALUE);
    EXPECT_NEAR(copy_data->getCellByPosition(9, 1)->getValue(), cpl, 1e-6);
    int kpi_left = 0;
    for (const auto& [where, cell] : cells_of(copy)) kpi_left += uses_kpi(cell.formula) ? 1 : 0;
    EXPECT_EQ(kpi_left, 0);
    Reference<css::util::XCloseable>(copy, UNO_QUERY_THROW)->close(true);
    EXPECT_TRUE(Reference<css::util::XModifiable>(doc, UNO_QUERY_THROW)->isModified());

    // FilterName chooses the format over the name's extension; an unknown format writes nothing.
    dispatch(dir / "copy-by-filter.data", false, "calc8");
    EXPECT_NE(bytes_of(dir / "copy-by-filter.data").find("application/vnd.oasis.opendocument.spreadsheet"),
              std::string::npos);
    dispatch(dir / "copy.pdf", false, "calc_pdf_Export");
    EXPECT_FALSE(fs::exists(dir / "copy.pdf"));

    std::ofstream(dir / "taken.ods") << "keep";
    dispatch(dir / "taken.ods", false);
    EXPECT_EQ(bytes_of(dir / "taken.ods"), "keep");
    dispatch(dir / "taken.ods", true);
    EXPECT_EQ(bytes_of(dir / "taken.ods").substr(0, 2), "PK");
    Reference<css::util::XCloseable>(doc, UNO_QUERY_THROW)->close(true);
}

// The menu command as a click runs it (no arguments): LibreOffice's save dialog opens in the
// workbook's folder with NAME-shared.ods; a new name (the dialog adds .ods) writes the copy and a
// message says where.
// Screenshot: <build>/tests/screenshots/share-dialog.png.
TEST(ShareDialog, SaveDialogWritesTheCopy) {
    if (!gui::in_a_window()) GTEST_SKIP() << "not in a window";
    const auto dir = share_dir("dialog");
    fs::copy_file(sample, dir / "shop.fods");
    auto doc = office().open(dir / "shop.fods");
    auto frame = Reference<css::frame::XModel>(doc, UNO_QUERY_THROW)->getCurrentController()->getFrame();
    gui::dispatch_in_background command(frame, "org.kpimarketing.command:Share");
    bool done = false;
    try {
        const bool dialog = gui::wait_for(gui::button("Save")).is();
        EXPECT_TRUE(dialog) << "no save dialog";
        if (dialog) {
            gui::screenshot(gui::screenshot_dir() / "share-dialog.png");
            // A name without extension: the dialog adds the chosen type's (ODS, the first one).
            EXPECT_TRUE(gui::type_file_name((dir / "for-colleagues").string()));
            gui::press_later save("Save");
            EXPECT_TRUE(save.pressed());
            done = gui::press("OK"); // "Wrote the copy ..."
            EXPECT_TRUE(done) << "no message saying where the copy went\n" << gui::dump_windows();
        }
    } catch (const css::uno::Exception& e) {
        ADD_FAILURE() << "office exception " << u8(e.Message);
    }
    if (done) done = command.finished();
    EXPECT_TRUE(done) << "the command did not return";
    EXPECT_TRUE(fs::exists(dir / "for-colleagues.ods"));
    EXPECT_EQ(bytes_of(dir / "for-colleagues.ods").substr(0, 2), "PK");
    if (done) Reference<css::util::XCloseable>(doc, UNO_QUERY_THROW)->close(true);
}

// In a Vietnamese office the save dialog of "Tạo bản sao để chia sẻ..." has the Vietnamese title and
// file types and proposes NAME-chia-se.ods. Screenshot: share-dialog-vi.png.
TEST(ShareDialog, SaveDialogIsVietnameseInAVietnameseOffice) {
    if (!gui::in_a_window()) GTEST_SKIP() << "not in a window";
    const auto dir = share_dir("dialog-vi");
    fs::copy_file(sample, dir / "shop.fods");
    auto vi = start_office_with_extension("vi", "vi");
    auto doc = vi->open(dir / "shop.fods");
    auto frame = Reference<css::frame::XModel>(doc, UNO_QUERY_THROW)->getCurrentController()->getFrame();
    gui::dispatch_in_background command(frame, "org.kpimarketing.command:Share", {}, *vi);
    auto has_name = [](const std::string& text) {
        return [text](const Reference<css::accessibility::XAccessibleContext>& c) {
            return u8(c->getAccessibleName()).find(text) != std::string::npos;
        };
    };
    ASSERT_TRUE(gui::wait_for(has_name("Tạo bản sao để chia sẻ"), *vi).is()) << gui::dump_windows(*vi);
    EXPECT_TRUE(gui::wait_for(has_name("Bảng tính ODF (.ods)"), *vi).is()) << gui::dump_windows(*vi);
    EXPECT_EQ(gui::proposed_file_name(*vi), "shop-chia-se.ods");
    gui::screenshot(gui::screenshot_dir() / "share-dialog-vi.png");
    // The file dialog's Cancel as this office labels it ("Cancel" in 7.4's vi, "Huỷ (C)" in 25.2's)
    EXPECT_TRUE(gui::press(gui::stock_label("_Cancel", "fps", *vi), *vi));
    EXPECT_TRUE(command.finished());
    EXPECT_FALSE(fs::exists(dir / "shop-chia-se.ods"));
    Reference<css::util::XCloseable>(doc, UNO_QUERY_THROW)->close(true);
}
