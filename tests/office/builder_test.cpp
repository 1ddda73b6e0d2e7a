// The KPI workbook template in a real Calc (issue 5): built through the wizard's entry point
// run_new_workbook (over the bridge, as the dialog does in-process), recalculated, every formula
// without an error value, the register audit-clean, existing sheets kept, one Undo, and `kpi new`.
#include "office_test.hpp"

#include "calc_date.hpp"
#include "new_workbook_command.hpp"
#include "sheet_grid.hpp"

#include <kpi/audit.hpp>

#include <com/sun/star/awt/PosSize.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XEnumeration.hpp>
#include <com/sun/star/container/XEnumerationAccess.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/container/XNameAccess.hpp>
#include <com/sun/star/container/XNamed.hpp>
#include <com/sun/star/document/XUndoManagerSupplier.hpp>
#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/sheet/CellFlags.hpp>
#include <com/sun/star/sheet/ConditionEntryType.hpp>
#include <com/sun/star/sheet/FormulaResult.hpp>
#include <com/sun/star/sheet/IconSetType.hpp>
#include <com/sun/star/sheet/ValidationType.hpp>
#include <com/sun/star/sheet/XCalculatable.hpp>
#include <com/sun/star/sheet/XCellRangeAddressable.hpp>
#include <com/sun/star/sheet/XCellRangeData.hpp>
#include <com/sun/star/sheet/XCellRangeReferrer.hpp>
#include <com/sun/star/sheet/XCellRangesQuery.hpp>
#include <com/sun/star/sheet/XConditionEntry.hpp>
#include <com/sun/star/sheet/XConditionalFormat.hpp>
#include <com/sun/star/sheet/XConditionalFormats.hpp>
#include <com/sun/star/sheet/XNamedRanges.hpp>
#include <com/sun/star/sheet/XPrintAreas.hpp>
#include <com/sun/star/sheet/XSheetCellRanges.hpp>
#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>
#include <com/sun/star/sheet/XSpreadsheetView.hpp>
#include <com/sun/star/sheet/XViewFreezable.hpp>
#include <com/sun/star/style/XStyleFamiliesSupplier.hpp>
#include <com/sun/star/table/XCell.hpp>
#include <com/sun/star/table/XTableChartsSupplier.hpp>
#include <com/sun/star/text/XText.hpp>
#include <com/sun/star/text/XTextRange.hpp>
#include <com/sun/star/util/XCloseable.hpp>
#include <com/sun/star/view/DocumentZoomType.hpp>

#include "gui.hpp"
#include "kpi_tool.hpp"

#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <sys/wait.h>
#include <unistd.h>

using namespace kpi::office_test;
using css::uno::Any;
using css::uno::Reference;
using css::uno::Sequence;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;

namespace {

bool windowed() {
    const char* g = std::getenv("KPI_TEST_GUI");
    return g && std::string(g) == "1";
}

kpi::workbook_profile vi_ecommerce() {
    kpi::workbook_profile p;
    p.business_name = "Mộc Trà Online";
    p.sector = kpi::industry::ecommerce;
    p.money = kpi::currency::vnd;
    p.language = "vi";
    p.channels = {kpi::channel::facebook_ads, kpi::channel::google_ads, kpi::channel::seo_website,
                  kpi::channel::zalo_oa};
    return p;
}

kpi::workbook_profile en_b2b() {
    kpi::workbook_profile p;
    p.business_name = "Northwind Consulting";
    p.sector = kpi::industry::b2b_services;
    p.money = kpi::currency::usd;
    p.language = "en";
    p.periods = kpi::period_granularity::quarter;
    p.goals = {{kpi::strategic_goal::revenue_growth, 0.2},
               {kpi::strategic_goal::profit_margin, 0.25},
               {kpi::strategic_goal::market_share, 0.05},
               {kpi::strategic_goal::marketing_revenue_share, 0.4},
               {kpi::strategic_goal::romi, 3}};
    p.channels = {kpi::channel::google_ads, kpi::channel::email, kpi::channel::offline_events,
                  kpi::channel::seo_website, kpi::channel::tiktok_ads};
    return p;
}

struct workbook {
    Reference<css::lang::XComponent> doc;
    Reference<css::sheet::XSpreadsheetDocument> spreadsheet;

    workbook() {
        doc = office().new_spreadsheet();
        spreadsheet.set(doc, UNO_QUERY_THROW);
    }
    explicit workbook(Reference<css::lang::XComponent> opened)
        : doc(std::move(opened)), spreadsheet(doc, UNO_QUERY_THROW) {}
    ~workbook() {
        try {
            Reference<css::util::XCloseable> closeable(doc, UNO_QUERY);
            if (closeable.is()) closeable->close(true);
        } catch (const css::uno::Exception& e) {
            ADD_FAILURE() << "closing the document: " << u8(e.Message);
        }
    }
    kpi::uno_glue::sheet_names build(const kpi::workbook_profile& profile) {
        auto frame = Reference<css::frame::XModel>(doc, UNO_QUERY_THROW)->getCurrentController()->getFrame();
        return kpi::uno_glue::run_new_workbook({office().context(), frame, {}}, profile);
    }
    int sheet_count() {
        return Reference<css::container::XIndexAccess>(spreadsheet->getSheets(), UNO_QUERY_THROW)->getCount();
    }
    bool has_sheet(const std::string& name) { return spreadsheet->getSheets()->hasByName(ou(name)); }
    Reference<css::sheet::XSpreadsheet> sheet(const std::string& name) {
        return Reference<css::sheet::XSpreadsheet>(spreadsheet->getSheets()->getByName(ou(name)), UNO_QUERY_THROW);
    }
    Reference<css::sheet::XNamedRanges> names() {
        return Reference<css::sheet::XNamedRanges>(
            Reference<css::beans::XPropertySet>(doc, UNO_QUERY_THROW)->getPropertyValue("NamedRanges"),
            UNO_QUERY_THROW);
    }
    void recalc() { Reference<css::sheet::XCalculatable>(doc, UNO_QUERY_THROW)->calculateAll(); }

    // Every formula cell of every sheet: "Sheet!A1 error N" for those with an error.
    std::vector<std::string> formula_errors(std::size_t& formulas) {
        std::vector<std::string> out;
        formulas = 0;
        Reference<css::container::XIndexAccess> sheets(spreadsheet->getSheets(), UNO_QUERY_THROW);
        for (sal_Int32 s = 0; s < sheets->getCount(); ++s) {
            Reference<css::sheet::XSpreadsheet> sh(sheets->getByIndex(s), UNO_QUERY_THROW);
            const std::string name = u8(Reference<css::container::XNamed>(sh, UNO_QUERY_THROW)->getName());
            auto ranges = Reference<css::sheet::XCellRangesQuery>(sh, UNO_QUERY_THROW)
                              ->queryContentCells(css::sheet::CellFlags::FORMULA);
            auto cells = ranges->getCells()->createEnumeration();
            while (cells->hasMoreElements()) {
                Reference<css::table::XCell> cell(cells->nextElement(), UNO_QUERY_THROW);
                ++formulas;
                if (cell->getError() != 0)
                    out.push_back(name + " " + u8(cell->getFormula()) + " error " + std::to_string(cell->getError()));
            }
        }
        return out;
    }

    // Types plausible raw figures into every input cell of the Data sheet and the business figures.
    void fill_data(const std::string& data_name, const std::string& dashboard_name) {
        auto data = sheet(data_name);
        const auto block = kpi::uno_glue::read_used_area(data);
        const auto rows = static_cast<sal_Int32>(block.cells.rows());
        Sequence<Sequence<Any>> values(rows - 1);
        for (sal_Int32 r = 1; r < rows; ++r) {
            Sequence<Any> row(static_cast<sal_Int32>(kpi::measure_count));
            const double k = 1.0 + 0.05 * r;
            // spend, impressions, clicks, leads, conversions, revenue, new customers, sessions, engaged,
            // organic, active users, engagement seconds, page views, followers, position x impressions
            const double v[kpi::measure_count] = {1000 * k, 100000 * k, 2000 * k, 150 * k, 60 * k, 9000 * k, 20 * k,
                                                  5000 * k, 3000 * k,   1500 * k,   4000 * k, 180000 * k, 12000 * k,
                                                  300 * k, 400000 * k};
            for (std::size_t m = 0; m < kpi::measure_count; ++m) row.getArray()[m] <<= v[m];
            // The whole business earns more than its marketing channels bring in.
            if (const auto* channel = block.cells.at(static_cast<std::size_t>(r), 1).string();
                channel && kpi::recognise_channel(*channel) == kpi::channel::all_channels)
                row.getArray()[static_cast<sal_Int32>(kpi::measure::revenue)] <<= 100 * v[5];
            values.getArray()[r - 1] = row;
        }
        Reference<css::sheet::XCellRangeData>(
            data->getCellRangeByPosition(2, 1, 1 + static_cast<sal_Int32>(kpi::measure_count), rows - 1),
            UNO_QUERY_THROW)
            ->setDataArray(values);
        // Business figures: every cell of the KPI_Inputs named range (per period: revenue of the same
        // period last year, total costs, market size, whichever the goals need) and the gross margin get
        // values that keep every KPI in its domain (a market larger than the revenue, a margin 0..1).
        auto named_cells = [&](const char* name) -> Reference<css::table::XCellRange> {
            if (!names()->hasByName(OUString::createFromAscii(name))) return nullptr;
            Reference<css::sheet::XCellRangeReferrer> ref(names()->getByName(OUString::createFromAscii(name)),
                                                          UNO_QUERY_THROW);
            return ref->getReferredCells();
        };
        if (auto margin = named_cells("KPI_GrossMargin"); margin.is()) margin->getCellByPosition(0, 0)->setValue(0.4);
        if (auto inputs = named_cells("KPI_Inputs"); inputs.is()) {
            auto header = sheet(dashboard_name);
            const auto address = Reference<css::sheet::XCellRangeAddressable>(inputs, UNO_QUERY_THROW)->getRangeAddress();
            for (sal_Int32 c = address.StartColumn; c <= address.EndColumn; ++c) {
                const std::string title = u8(header->getCellByPosition(c, address.StartRow - 1)->getFormula());
                const bool market = title.find("arket") != std::string::npos || title.find("thị trường") != std::string::npos;
                for (sal_Int32 r = address.StartRow; r <= address.EndRow; ++r)
                    header->getCellByPosition(c, r)->setValue(market ? 1e9 : 50000);
            }
        }
    }

    // Dashboard rows from the header row on: ID -> (actual, status) as read back.
    std::map<std::string, std::pair<Any, Any>> dashboard(const std::string& name) {
        auto block = sheet(name)->getCellRangeByPosition(0, 4, 11, 400);
        std::map<std::string, std::pair<Any, Any>> out;
        for (const auto& row : Reference<css::sheet::XCellRangeData>(block, UNO_QUERY_THROW)->getDataArray()) {
            OUString id;
            row[0] >>= id;
            if (id.isEmpty()) break; // the end of the KPI table
            out[u8(id)] = {row[6], row[8]}; // Actual (plan to date), Status
        }
        return out;
    }

    std::size_t audit_flagged(const std::string& register_name, std::size_t& kpis, std::string& why) {
        auto block = kpi::uno_glue::read_used_area(sheet(register_name));
        auto parsed = kpi::parse_register(std::move(block.cells));
        if (!parsed) {
            why = kpi::describe(parsed.error(), "en");
            return 9999;
        }
        const auto& reg = parsed.value();
        const auto report = kpi::audit(reg, kpi::uno_glue::today_serial());
        kpis = report.kpi_count();
        for (std::size_t i = 0; i < report.kpi_count(); ++i)
            if (report.rows()[i].flagged()) why += reg[i].id + ": " + report.first_issue(i, "en") + "\n";
        return report.flagged_count();
    }
};

// What a person sees of the Dashboard's conditional formats (docs/workbook.md, "The icon set"): one icon
// set (3 traffic lights) on the Status column whose values do not show (ShowValue false, or a text that
// is empty), and the "Status in words" and "Pace" columns coloured by formula conditions that name Calc's
// "Good", "Neutral" and "Bad" styles and refer to the row's own cells. Returns how many status cells hold
// a number.
int check_dashboard_formats(workbook& book, const std::string& dash_name, const std::string& language,
                            const std::string& step) {
    SCOPED_TRACE(step);
    auto dash = book.sheet(dash_name);
    Reference<css::sheet::XConditionalFormats> formats(
        Reference<css::beans::XPropertySet>(dash, UNO_QUERY_THROW)->getPropertyValue("ConditionalFormats"),
        UNO_QUERY_THROW);
    const bool vi = language == "vi";
    // Column -> (Formula1, StyleName) of its formula conditions, in order.
    std::map<sal_Int32, std::vector<std::pair<std::string, std::string>>> conditions;
    int icon_sets = 0, numbers = 0;
    for (const auto& f : formats->getConditionalFormats()) {
        Reference<css::sheet::XSheetCellRanges> ranges(
            Reference<css::beans::XPropertySet>(f, UNO_QUERY_THROW)->getPropertyValue("Range"),
            UNO_QUERY_THROW);
        const auto addresses = ranges->getRangeAddresses();
        if (addresses.getLength() != 1) {
            ADD_FAILURE() << "a conditional format over " << addresses.getLength() << " ranges";
            continue;
        }
        const auto area = addresses[0];
        EXPECT_EQ(area.StartRow, 4) << "column " << area.StartColumn; // the KPI table starts on row 5
        for (sal_Int32 i = 0; i < f->getCount(); ++i) {
            Reference<css::sheet::XConditionEntry> entry(f->getByIndex(i), UNO_QUERY_THROW);
            Reference<css::beans::XPropertySet> p(entry, UNO_QUERY_THROW);
            if (entry->getType() == css::sheet::ConditionEntryType::ICONSET) {
                ++icon_sets;
                EXPECT_EQ(area.StartColumn, 8); // Status, column I
                sal_Int32 icons = -1;
                p->getPropertyValue("Icons") >>= icons;
                EXPECT_EQ(icons, css::sheet::IconSetType::ICONSET_3TRAFFICLIGHTS1);
                bool show_value = true;
                p->getPropertyValue("ShowValue") >>= show_value;
                std::cout << "[   info   ] " << step << ": the icon set's ShowValue is " << std::boolalpha
                          << show_value << "\n";
                for (sal_Int32 r = area.StartRow; r <= area.EndRow; ++r) {
                    auto cell = dash->getCellByPosition(area.StartColumn, r);
                    sal_Int32 result = 0;
                    Reference<css::beans::XPropertySet>(cell, UNO_QUERY_THROW)
                        ->getPropertyValue("FormulaResultType2") >>= result;
                    if (cell->getError() != 0 || result != css::sheet::FormulaResult::VALUE)
                        continue;
                    ++numbers;
                    const auto shown =
                        u8(Reference<css::text::XTextRange>(cell, UNO_QUERY_THROW)->getString());
                    EXPECT_TRUE(!show_value || shown.empty())
                        << "the status " << cell->getValue() << " on row " << r + 1 << " shows as \"" << shown
                        << "\"";
                }
            } else if (entry->getType() == css::sheet::ConditionEntryType::CONDITION) {
                OUString formula, style;
                p->getPropertyValue("Formula1") >>= formula;
                p->getPropertyValue("StyleName") >>= style;
                conditions[area.StartColumn].emplace_back(u8(formula), u8(style));
            }
        }
    }
    EXPECT_EQ(icon_sets, 1);
    using rules = std::vector<std::pair<std::string, std::string>>;
    EXPECT_EQ(conditions[9], (rules{{"$I5=1", "Good"}, {"$I5=0", "Neutral"}, {"$I5=-1", "Bad"}})); // words, J
    EXPECT_EQ(conditions[11],
              (rules{{std::string("$L5=\"") + (vi ? "Vượt tiến độ" : "Ahead") + "\"", "Good"},
                     {std::string("$L5=\"") + (vi ? "Đúng tiến độ" : "On pace") + "\"", "Neutral"},
                     {std::string("$L5=\"") + (vi ? "Chậm tiến độ" : "Behind") + "\"", "Bad"}}));
    EXPECT_EQ(conditions.size(), 2u);
    Reference<css::container::XNameAccess> cell_styles(
        Reference<css::style::XStyleFamiliesSupplier>(book.doc, UNO_QUERY_THROW)
            ->getStyleFamilies()
            ->getByName("CellStyles"),
        UNO_QUERY_THROW);
    for (const char* style : {"Good", "Neutral", "Bad"})
        EXPECT_TRUE(cell_styles->hasByName(OUString::createFromAscii(style))) << style;
    return numbers;
}

// Checks everything a built workbook must have; `names` from build().
void check_built(workbook& book, const kpi::workbook_profile& profile, const kpi::uno_glue::sheet_names& names) {
    const auto model = kpi::build_template(profile, kpi::uno_glue::today_serial());
    for (std::size_t i = 0; i < kpi::template_sheet_count; ++i) EXPECT_TRUE(book.has_sheet(names[i])) << names[i];
    const auto& reg_name = names[static_cast<std::size_t>(kpi::sheet_role::kpi_register)];
    const auto& data_name = names[static_cast<std::size_t>(kpi::sheet_role::data)];
    const auto& dash_name = names[static_cast<std::size_t>(kpi::sheet_role::dashboard)];

    // Audit-clean register, as Calc shows it.
    std::size_t kpis = 0;
    std::string why;
    EXPECT_EQ(book.audit_flagged(reg_name, kpis, why), 0u) << why;
    EXPECT_EQ(kpis, model.strategic_count + model.tactical_count);

    // No error value anywhere, before and after typing data.
    book.recalc();
    std::size_t formulas = 0;
    auto errors = book.formula_errors(formulas);
    EXPECT_TRUE(errors.empty()) << errors.size() << " errors, first: " << errors.front();
    EXPECT_GT(formulas, 100u);
    book.fill_data(data_name, dash_name);
    book.recalc();
    errors = book.formula_errors(formulas);
    EXPECT_TRUE(errors.empty()) << errors.size() << " errors, first: " << errors.front();

    // With data, every KPI has a numeric actual and a status of -1, 0 or 1.
    const auto rows = book.dashboard(dash_name);
    EXPECT_EQ(rows.size(), kpis);
    for (const auto& [id, values] : rows) {
        double actual = 0, status = 9;
        EXPECT_TRUE(values.first >>= actual) << id << " has no actual";
        EXPECT_TRUE(values.second >>= status) << id << " has no status";
        EXPECT_TRUE(status == -1 || status == 0 || status == 1) << id << " status " << status;
    }

    // The icon set (3 traffic lights) on the status column, the drop-downs, charts, names, print areas.
    auto dash = book.sheet(dash_name);
    Reference<css::sheet::XConditionalFormats> formats(
        Reference<css::beans::XPropertySet>(dash, UNO_QUERY_THROW)->getPropertyValue("ConditionalFormats"),
        UNO_QUERY_THROW);
    int icon_sets = 0;
    for (const auto& f : formats->getConditionalFormats())
        for (sal_Int32 i = 0; i < f->getCount(); ++i) {
            Reference<css::sheet::XConditionEntry> entry(f->getByIndex(i), UNO_QUERY_THROW);
            if (entry->getType() != css::sheet::ConditionEntryType::ICONSET) continue;
            ++icon_sets;
            sal_Int32 icons = -1;
            Reference<css::beans::XPropertySet>(entry, UNO_QUERY_THROW)->getPropertyValue("Icons") >>= icons;
            EXPECT_EQ(icons, css::sheet::IconSetType::ICONSET_3TRAFFICLIGHTS1);
        }
    EXPECT_EQ(icon_sets, 1);
    EXPECT_GT(check_dashboard_formats(book, dash_name, profile.language, "built"), 0);
    EXPECT_EQ(Reference<css::table::XTableChartsSupplier>(dash, UNO_QUERY_THROW)->getCharts()->getElementNames().getLength(),
              static_cast<sal_Int32>(2 * model.strategic_count)); // per goal: trend and attainment
    Reference<css::beans::XPropertySet> validation(
        Reference<css::beans::XPropertySet>(book.sheet(reg_name)->getCellRangeByName("C2"), UNO_QUERY_THROW)
            ->getPropertyValue("Validation"),
        UNO_QUERY_THROW);
    css::sheet::ValidationType type{};
    validation->getPropertyValue("Type") >>= type;
    EXPECT_EQ(type, css::sheet::ValidationType_LIST);
    EXPECT_TRUE(book.names()->hasByName("KPI_Register"));
    EXPECT_TRUE(book.names()->hasByName("KPI_Data"));
    EXPECT_EQ(Reference<css::sheet::XPrintAreas>(book.sheet(data_name), UNO_QUERY_THROW)->getPrintAreas().getLength(), 1);
    // Frozen header rows, in a window (headless, the hidden document's view did not keep them).
    auto controller = Reference<css::frame::XModel>(book.doc, UNO_QUERY_THROW)->getCurrentController();
    Reference<css::sheet::XSpreadsheetView> view(controller, UNO_QUERY);
    Reference<css::sheet::XViewFreezable> freezable(controller, UNO_QUERY);
    if (windowed() && view.is() && freezable.is()) {
        view->setActiveSheet(book.sheet(data_name));
        EXPECT_TRUE(freezable->hasFrozenPanes());
    }
}

} // namespace

TEST(Builder, VietnameseEcommerceWorkbook) {
    workbook book;
    const auto names = book.build(vi_ecommerce());
    EXPECT_EQ(names[0], "Bảng KPI");
    EXPECT_EQ(names[1], "Dữ liệu");
    EXPECT_EQ(names[2], "Bảng điều khiển");
    EXPECT_EQ(names[3], "Hướng dẫn");
    check_built(book, vi_ecommerce(), names);
}

TEST(Builder, EnglishB2bServicesWorkbook) {
    workbook book;
    const auto names = book.build(en_b2b());
    EXPECT_EQ(names[0], "KPI Register");
    EXPECT_EQ(names[1], "Data");
    check_built(book, en_b2b(), names);
}

TEST(Builder, ExistingSheetsAreNeverOverwritten) {
    workbook book;
    book.spreadsheet->getSheets()->insertNewByName("Data", 1);
    book.sheet("Data")->getCellByPosition(0, 0)->setFormula("my own data");
    const int before = book.sheet_count();
    const auto names = book.build(en_b2b());
    EXPECT_EQ(book.sheet_count(), before + static_cast<int>(kpi::template_sheet_count));
    EXPECT_EQ(u8(book.sheet("Data")->getCellByPosition(0, 0)->getFormula()), "my own data");
    EXPECT_EQ(names[1], "Data 2");
    // The Trends sheet (behind the Dashboard) sums "Data 2", not the user's sheet.
    std::string sums;
    for (sal_Int32 r = 0; r < 200 && sums.empty(); ++r) {
        const std::string f = u8(book.sheet("Trends")->getCellByPosition(2, r)->getFormula());
        if (f.find("SUMIFS") != std::string::npos) sums = f;
    }
    EXPECT_NE(sums.find("'Data 2'"), std::string::npos) << sums;
    check_built(book, en_b2b(), names);
    EXPECT_EQ(u8(book.sheet("Data")->getCellByPosition(0, 0)->getFormula()), "my own data");
}

// A second workbook in the same document: new names everywhere, the first one untouched. (With
// the frozen rows set inside the undo context and the Dashboard imported, Calc 7.4 crashed on
// closing such a document; write_workbook/show_workbook no longer do either.)
TEST(Builder, SecondWorkbookInTheSameDocument) {
    workbook book;
    const auto first = book.build(en_b2b());
    const auto again = book.build(en_b2b());
    EXPECT_EQ(first[0], "KPI Register");
    EXPECT_EQ(again[0], "KPI Register 2");
    EXPECT_EQ(again[1], "Data 2");
    EXPECT_TRUE(book.names()->hasByName("KPI_Register_2"));
    check_built(book, en_b2b(), again);
}

// Saved as ODS and opened again, a built workbook keeps its icons without values and its coloured words,
// whether the document's own first sheet (which the wizard keeps and `kpi new` removes) stays or not.
TEST(Builder, SavedWorkbookKeepsIconsWithoutValuesAndColouredWords) {
    for (const bool delete_first : {false, true}) {
        const std::string how = delete_first ? "first sheet deleted" : "first sheet kept";
        const auto file =
            std::filesystem::path(KPI_TEST_WORK_DIR) /
            ("saved-" + std::to_string(getpid()) + (delete_first ? "-deleted" : "-kept") + ".ods");
        kpi::uno_glue::sheet_names names;
        {
            workbook book;
            const auto first =
                Reference<css::container::XNamed>(
                    Reference<css::container::XIndexAccess>(book.spreadsheet->getSheets(), UNO_QUERY_THROW)
                        ->getByIndex(0),
                    UNO_QUERY_THROW)
                    ->getName();
            names = book.build(en_b2b());
            if (delete_first)
                book.spreadsheet->getSheets()->removeByName(first);
            EXPECT_NE(book.has_sheet(u8(first)), delete_first);
            book.fill_data(names[static_cast<std::size_t>(kpi::sheet_role::data)],
                           names[static_cast<std::size_t>(kpi::sheet_role::dashboard)]);
            book.recalc();
            EXPECT_GT(check_dashboard_formats(book,
                                              names[static_cast<std::size_t>(kpi::sheet_role::dashboard)],
                                              "en", how + ", built"),
                      0);
            store_as_ods(book.doc, file);
        }
        workbook book(office().open(file));
        book.recalc();
        EXPECT_GT(check_dashboard_formats(book, names[static_cast<std::size_t>(kpi::sheet_role::dashboard)],
                                          "en", how + ", saved and opened again"),
                  0);
    }
}

TEST(Builder, OneUndoRemovesEverything) {
    if (!windowed())
        GTEST_SKIP() << "Undo of sheet insertion needs a window (KPI_TEST_GUI=1 under xvfb-run)";
    workbook book;
    book.sheet(u8(Reference<css::container::XNamed>(
                      Reference<css::container::XIndexAccess>(book.spreadsheet->getSheets(), UNO_QUERY_THROW)->getByIndex(0),
                      UNO_QUERY_THROW)
                      ->getName()))
        ->getCellByPosition(0, 0)
        ->setFormula("kept");
    const int sheets_before = book.sheet_count();
    const auto names_before = book.names()->getElementNames().getLength();
    auto undo = Reference<css::document::XUndoManagerSupplier>(book.doc, UNO_QUERY_THROW)->getUndoManager();
    const auto steps_before = undo->getAllUndoActionTitles().getLength();
    book.build(vi_ecommerce());
    EXPECT_EQ(book.sheet_count(), sheets_before + static_cast<int>(kpi::template_sheet_count));
    EXPECT_EQ(undo->getAllUndoActionTitles().getLength(), steps_before + 1);
    undo->undo();
    EXPECT_EQ(book.sheet_count(), sheets_before);
    EXPECT_EQ(book.names()->getElementNames().getLength(), names_before);
    EXPECT_FALSE(book.has_sheet("Bảng KPI"));
    Reference<css::container::XIndexAccess> sheets(book.spreadsheet->getSheets(), UNO_QUERY_THROW);
    EXPECT_EQ(u8(Reference<css::sheet::XSpreadsheet>(sheets->getByIndex(0), UNO_QUERY_THROW)
                     ->getCellByPosition(0, 0)
                     ->getFormula()),
              "kept");
}

// ---- kpi new -------------------------------------------------------------------------------------

namespace {

std::filesystem::path fresh_dir() {
    const auto dir = std::filesystem::path(KPI_TEST_WORK_DIR) / ("new-" + std::to_string(getpid()));
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir;
}

} // namespace

TEST(KpiNew, BuildsAuditCleanWorkbooksAndRefusesToOverwrite) {
    const auto dir = fresh_dir();
    const auto ods = (dir / "vi.ods").string();
    auto r = run_kpi("new --industry ecommerce --lang vi --channels facebook,google,seo,zalo -o '" + ods + "'");
    ASSERT_EQ(r.exit_code, 0) << r.out;
    EXPECT_TRUE(std::filesystem::is_regular_file(ods));
    EXPECT_NE(r.out.find("\"Bảng KPI\""), std::string::npos) << r.out;

    r = run_kpi("audit '" + ods + "' --lang en");
    EXPECT_EQ(r.exit_code, 0) << r.out;
    EXPECT_NE(r.out.find("0 flagged"), std::string::npos) << r.out;
    if (windowed()) { // the file keeps the frozen header rows (a view setting): opened in a window, they hold
        auto doc = office().open(ods);
        auto controller = Reference<css::frame::XModel>(doc, UNO_QUERY_THROW)->getCurrentController();
        Reference<css::sheet::XSpreadsheetView> view(controller, UNO_QUERY_THROW);
        Reference<css::sheet::XViewFreezable> freezable(controller, UNO_QUERY_THROW);
        auto sheets = Reference<css::sheet::XSpreadsheetDocument>(doc, UNO_QUERY_THROW)->getSheets();
        for (const char* name : {"Bảng KPI", "Dữ liệu"}) {
            view->setActiveSheet(Reference<css::sheet::XSpreadsheet>(sheets->getByName(ou(name)), UNO_QUERY_THROW));
            EXPECT_TRUE(freezable->hasFrozenPanes()) << name;
        }
        Reference<css::util::XCloseable>(doc, UNO_QUERY_THROW)->close(true);
    }

    const auto size = std::filesystem::file_size(ods);
    r = run_kpi("new --industry b2b --lang en -o '" + ods + "'");
    EXPECT_EQ(r.exit_code, 2) << r.out;
    EXPECT_NE(r.out.find("already exists; use --force"), std::string::npos) << r.out;
    EXPECT_EQ(std::filesystem::file_size(ods), size);

    r = run_kpi("new --industry b2b --lang en --currency usd --periods quarter --start 2026-04 "
                "--goals revenue_growth=0.2,romi=3 --name 'Northwind' -o '" + ods + "' --force");
    EXPECT_EQ(r.exit_code, 0) << r.out;
    EXPECT_NE(r.out.find("\"KPI Register\""), std::string::npos) << r.out;
    r = run_kpi("audit '" + ods + "' --json");
    EXPECT_EQ(r.exit_code, 0) << r.out;
    EXPECT_NE(r.out.find("\"flagged\":0"), std::string::npos) << r.out;

    const auto xlsx = (dir / "en.xlsx").string();
    r = run_kpi("new --industry education --lang en -o '" + xlsx + "'");
    EXPECT_EQ(r.exit_code, 0) << r.out;
    EXPECT_TRUE(std::filesystem::is_regular_file(xlsx));
}

TEST(KpiNew, BadArgumentsExitTwo) {
    const auto dir = fresh_dir();
    const auto out = "'" + (dir / "x.ods").string() + "'";
    EXPECT_EQ(run_kpi("new --industry banking -o " + out).exit_code, 2);
    EXPECT_EQ(run_kpi("new --lang fr -o " + out).exit_code, 2);
    EXPECT_EQ(run_kpi("new --channels facebook,myspace -o " + out).exit_code, 2);
    EXPECT_EQ(run_kpi("new --goals happiness=1 -o " + out).exit_code, 2);
    EXPECT_EQ(run_kpi("new --start 2026-13 -o " + out).exit_code, 2);
    EXPECT_EQ(run_kpi("new -o '" + (dir / "x.txt").string() + "'").exit_code, 2);
    EXPECT_EQ(run_kpi("new --industry ecommerce").exit_code, 2);
    EXPECT_FALSE(std::filesystem::exists(dir / "x.ods"));
}

// `kpi new`, opened, typed into and saved, `kpi import --in-place`, opened again: after every step the
// Dashboard shows traffic lights without the status values and the status words and pace in colour.
TEST(KpiNew, DashboardKeepsIconsWithoutValuesAndColouredWordsThroughSaveAndImport) {
    const auto dir = fresh_dir();
    const auto plan = dir / "plan.ods";
    auto r = run_kpi("new --industry ecommerce --lang vi --channels facebook,google -o " + quoted(plan));
    ASSERT_EQ(r.exit_code, 0) << r.out;
    const std::string dash = "Bảng điều khiển", data = "Dữ liệu";
    std::string month;
    {
        workbook book(office().open(plan));
        check_dashboard_formats(book, dash, "vi", "kpi new, opened");
        month = u8(book.sheet(data)->getCellByPosition(0, 1)->getFormula());
        book.fill_data(data, dash);
        book.recalc();
        EXPECT_GT(check_dashboard_formats(book, dash, "vi", "kpi new, typed into"), 0);
        store_as_ods(book.doc, plan);
    }
    {
        workbook book(office().open(plan));
        book.recalc();
        EXPECT_GT(check_dashboard_formats(book, dash, "vi", "typed, saved and opened again"), 0);
    }
    // A Meta Ads export of the plan's first month (its figures replace the typed Facebook ones).
    ASSERT_EQ(month.size(), 7u) << month; // YYYY-MM
    const auto csv = dir / "meta.csv";
    {
        std::ofstream out(csv);
        out << "Reporting starts,Reporting ends,Campaign name,Amount spent (VND),Impressions,Link "
               "clicks,Results,"
               "Result indicator,Cost per result,Reach\n"
            << month << "-05," << month
            << "-05,Lead form,6000000,60000,1500,60,actions:leadgen_grouped,100000,30000\n";
    }
    r = run_kpi("import " + quoted(plan) + " " + quoted(csv) + " --in-place");
    ASSERT_EQ(r.exit_code, 0) << r.out;
    workbook book(office().open(plan));
    book.recalc();
    EXPECT_GT(check_dashboard_formats(book, dash, "vi", "kpi import --in-place, opened again"), 0);
    if (windowed()) {
        auto controller = Reference<css::frame::XModel>(book.doc, UNO_QUERY_THROW)->getCurrentController();
        controller->getFrame()->getContainerWindow()->setPosSize(0, 0, 1280, 800, css::awt::PosSize::POSSIZE);
        Reference<css::sheet::XSpreadsheetView>(controller, UNO_QUERY_THROW)
            ->setActiveSheet(book.sheet(dash));
        Reference<css::beans::XPropertySet> view(controller, UNO_QUERY_THROW);
        view->setPropertyValue("ZoomType", Any(sal_Int16(css::view::DocumentZoomType::BY_VALUE)));
        view->setPropertyValue("ZoomValue", Any(sal_Int16(100)));
        gui::screenshot(gui::screenshot_dir() / "kpi-new-imported-dashboard-vi.png");
    }
}
