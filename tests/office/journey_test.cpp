// The monthly loop as a user makes it, starting only from the product's own output: the wizard driven in a
// window (and `kpi new`), two months typed into the Data sheet, a third month imported from a Meta Ads
// export, then the Dashboard (period selector, charts) and the report. Every value asserted is worked out
// by hand below. Screenshots: <build>/tests/screenshots/journey-*.png, for a person to look at.
#include "gui.hpp"
#include "kpi_tool.hpp"
#include "office_test.hpp"

#include "calc_date.hpp"

#include <kpi/workbook_template.hpp>

#include <com/sun/star/awt/PosSize.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/chart2/XChartDocument.hpp>
#include <com/sun/star/chart2/XChartTypeContainer.hpp>
#include <com/sun/star/chart2/XCoordinateSystemContainer.hpp>
#include <com/sun/star/chart2/XDataSeriesContainer.hpp>
#include <com/sun/star/chart2/data/XDataSource.hpp>
#include <com/sun/star/chart2/data/XLabeledDataSequence.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/container/XNamed.hpp>
#include <com/sun/star/document/XEmbeddedObjectSupplier.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/sheet/XCalculatable.hpp>
#include <com/sun/star/sheet/XCellRangeAddressable.hpp>
#include <com/sun/star/sheet/XCellRangeReferrer.hpp>
#include <com/sun/star/sheet/XNamedRanges.hpp>
#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>
#include <com/sun/star/sheet/XSpreadsheetView.hpp>
#include <com/sun/star/table/XColumnRowRange.hpp>
#include <com/sun/star/table/XTableChartsSupplier.hpp>
#include <com/sun/star/text/XTextRange.hpp>
#include <com/sun/star/util/XCloseable.hpp>
#include <com/sun/star/view/DocumentZoomType.hpp>

#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <map>

using namespace kpi::office_test;
using css::uno::Any;
using css::uno::Reference;
using css::uno::Sequence;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;

namespace {

// Dashboard columns (docs/workbook.md).
enum dash_col : sal_Int32 {
    c_id, c_name, c_target, c_value, c_previous, c_change, c_to_date, c_attainment, c_status, c_status_text,
    c_projection, c_pace, c_count
};

// The plan's first three period keys, as the wizard and `kpi new` make them today (the month after this one).
std::array<std::string, 3> plan_months() {
    kpi::workbook_profile p;
    const auto start = kpi::plan_start_month(p, kpi::uno_glue::today_serial());
    std::array<std::string, 3> keys;
    for (int i = 0; i < 3; ++i) {
        const int index = start.year * 12 + start.month - 1 + i;
        keys[static_cast<std::size_t>(i)] = kpi::period_key(index / 12, index % 12 + 1, kpi::period_granularity::month);
    }
    return keys;
}

// A Meta Ads export of the third month: two days of a lead campaign, 14,000,000 spent, 140 leads, 3,200
// link clicks, 130,000 impressions.
std::filesystem::path meta_export(const std::filesystem::path& dir, const std::string& month) {
    const auto file = dir / "meta-ads-month3.csv";
    std::ofstream out(file);
    out << "Reporting starts,Reporting ends,Campaign name,Amount spent (VND),Impressions,Link clicks,Results,"
           "Result indicator,Cost per result,Reach\n"
        << month << "-05," << month << "-05,Lead form,6000000,60000,1500,60,actions:leadgen_grouped,100000,30000\n"
        << month << "-20," << month << "-20,Lead form,8000000,70000,1700,80,actions:leadgen_grouped,100000,35000\n";
    return file;
}

struct journey_book {
    Reference<css::lang::XComponent> doc;
    Reference<css::sheet::XSpreadsheetDocument> spreadsheet;

    explicit journey_book(Reference<css::lang::XComponent> d) : doc(std::move(d)), spreadsheet(doc, UNO_QUERY_THROW) {}
    ~journey_book() {
        Reference<css::util::XCloseable> closeable(doc, UNO_QUERY);
        if (closeable.is()) {
            try {
                closeable->close(true);
            } catch (const css::uno::Exception&) {
            }
        }
    }
    Reference<css::frame::XFrame> frame() const {
        return Reference<css::frame::XModel>(doc, UNO_QUERY_THROW)->getCurrentController()->getFrame();
    }
    Reference<css::sheet::XSpreadsheet> sheet(const std::string& name) const {
        return Reference<css::sheet::XSpreadsheet>(spreadsheet->getSheets()->getByName(ou(name)), UNO_QUERY_THROW);
    }
    void recalc() const { Reference<css::sheet::XCalculatable>(doc, UNO_QUERY_THROW)->calculateAll(); }
    Reference<css::table::XCellRange> named(const char* name) const {
        Reference<css::sheet::XNamedRanges> names(
            Reference<css::beans::XPropertySet>(doc, UNO_QUERY_THROW)->getPropertyValue("NamedRanges"), UNO_QUERY_THROW);
        return Reference<css::sheet::XCellRangeReferrer>(names->getByName(OUString::createFromAscii(name)),
                                                         UNO_QUERY_THROW)
            ->getReferredCells();
    }

    // Types a number into the Data sheet's row of (period, channel), in the measure's column.
    void type(const std::string& data, const std::string& period, const std::string& channel, kpi::measure m,
              double value) const {
        auto s = sheet(data);
        for (sal_Int32 r = 1; r < 2000; ++r) {
            const auto p = u8(s->getCellByPosition(0, r)->getFormula());
            if (p.empty()) break;
            if (p == period && u8(s->getCellByPosition(1, r)->getFormula()) == channel) {
                s->getCellByPosition(2 + static_cast<sal_Int32>(m), r)->setValue(value);
                return;
            }
        }
        ADD_FAILURE() << "no Data row for " << period << " " << channel;
    }

    // The Dashboard row of a KPI ID: its cells from column A to the last column.
    std::vector<Reference<css::table::XCell>> row(const std::string& dashboard, const std::string& id) const {
        auto s = sheet(dashboard);
        for (sal_Int32 r = 4; r < 400; ++r) {
            const std::string shown =
                u8(Reference<css::text::XTextRange>(s->getCellByPosition(c_id, r), UNO_QUERY_THROW)->getString());
            if (shown.empty()) break; // the end of the KPI table
            if (shown != id) continue;
            std::vector<Reference<css::table::XCell>> out;
            for (sal_Int32 c = 0; c < c_count; ++c) out.push_back(s->getCellByPosition(c, r));
            return out;
        }
        ADD_FAILURE() << "no Dashboard row " << id;
        return {};
    }
    void select_period(const std::string& choice) const {
        Reference<css::text::XTextRange>(named("KPI_Period")->getCellByPosition(0, 0), UNO_QUERY_THROW)->setString(ou(choice));
        recalc();
    }
};

std::string text_of(const Reference<css::table::XCell>& c) {
    return u8(Reference<css::text::XTextRange>(c, UNO_QUERY_THROW)->getString());
}

// Every chart of the sheet: its name -> the values of each series (text cells as NaN).
std::map<std::string, std::vector<std::vector<double>>> chart_series(const Reference<css::sheet::XSpreadsheet>& sheet) {
    std::map<std::string, std::vector<std::vector<double>>> out;
    auto charts = Reference<css::table::XTableChartsSupplier>(sheet, UNO_QUERY_THROW)->getCharts();
    for (const auto& name : charts->getElementNames()) {
        Reference<css::document::XEmbeddedObjectSupplier> embedded(charts->getByName(name), UNO_QUERY_THROW);
        Reference<css::chart2::XChartDocument> chart(embedded->getEmbeddedObject(), UNO_QUERY_THROW);
        auto& series_values = out[u8(name)];
        Reference<css::chart2::XCoordinateSystemContainer> systems(chart->getFirstDiagram(), UNO_QUERY_THROW);
        for (const auto& system : systems->getCoordinateSystems())
            for (const auto& type : Reference<css::chart2::XChartTypeContainer>(system, UNO_QUERY_THROW)->getChartTypes())
                for (const auto& series : Reference<css::chart2::XDataSeriesContainer>(type, UNO_QUERY_THROW)->getDataSeries())
                    for (const auto& labeled :
                         Reference<css::chart2::data::XDataSource>(series, UNO_QUERY_THROW)->getDataSequences()) {
                        auto values = labeled->getValues();
                        OUString role;
                        Reference<css::beans::XPropertySet>(values, UNO_QUERY_THROW)->getPropertyValue("Role") >>= role;
                        if (role != "values-y") continue;
                        std::vector<double> v;
                        for (const auto& a : values->getData()) {
                            double d = std::nan("");
                            a >>= d;
                            v.push_back(d);
                        }
                        series_values.push_back(std::move(v));
                    }
    }
    return out;
}

double value_of(const Reference<css::table::XCell>& c) {
    return c->getType() == css::table::CellContentType_FORMULA && text_of(c).empty() ? std::nan("") : c->getValue();
}

// The numbers this journey types and imports, and what they give (FB = Facebook Ads, VND):
//   month 1 typed:    spend 10,000,000, leads  80, clicks 2,000, impressions 100,000, revenue 30,000,000
//   month 2 typed:    spend 12,000,000, leads 120, clicks 3,000, impressions 120,000, revenue 40,000,000
//   month 3 imported: spend 14,000,000, leads 140, clicks 3,200, impressions 130,000 (no revenue)
//   All channels revenue typed: 100,000,000, 120,000,000, 130,000,000.
// FB-CPL by month: 125,000, 100,000, 100,000. Plan to date at month 3: 36,000,000 / 340 = 105,882.35;
// at month 2: 22,000,000 / 200 = 110,000. Change month 3 - month 2: 0; month 2 - month 1: -25,000.
// Projection at month 3 (deadline: the plan's 6th month, 3 periods ahead): the least-squares line through
// (0, 125,000), (1, 100,000), (2, 100,000): mean x 1, mean y 108,333.33, slope -12,500; at x = 5:
// 108,333.33 - 12,500 x 4 = 58,333.33. As of month 2 only two values: no trend, the latest, 100,000.
// Target (ecommerce VND, 15 % below the typical 130,000): 110,000, lower is better: plan-to-date attainment
// 110,000 / 105,882.35 = 103.9 % -> on track (1); pace 110,000 / 58,333 = 1.89 >= 1.05 -> Ahead.
// FB-CTR by month: 2.0 %, 2.5 %, 3,200 / 130,000 = 2.4615 %.
constexpr double cpl1 = 125000, cpl2 = 100000, cpl3 = 100000, cpl_to_date3 = 36e6 / 340, cpl_to_date2 = 110000,
                 cpl_projection3 = 325000.0 / 3 - 50000;

void type_two_months(const journey_book& book, const std::string& data, const std::array<std::string, 3>& months,
                     const std::string& facebook, const std::string& all) {
    using m = kpi::measure;
    book.type(data, months[0], facebook, m::spend, 10000000);
    book.type(data, months[0], facebook, m::leads, 80);
    book.type(data, months[0], facebook, m::clicks, 2000);
    book.type(data, months[0], facebook, m::impressions, 100000);
    book.type(data, months[0], facebook, m::revenue, 30000000);
    book.type(data, months[1], facebook, m::spend, 12000000);
    book.type(data, months[1], facebook, m::leads, 120);
    book.type(data, months[1], facebook, m::clicks, 3000);
    book.type(data, months[1], facebook, m::impressions, 120000);
    book.type(data, months[1], facebook, m::revenue, 40000000);
    book.type(data, months[0], all, m::revenue, 100000000);
    book.type(data, months[1], all, m::revenue, 120000000);
    book.type(data, months[2], all, m::revenue, 130000000);
}

// The Dashboard in the window at 1280x800, 100 % zoom, then a screenshot.
void screenshot_dashboard(const journey_book& book, const std::string& dashboard, const std::string& png) {
    book.frame()->getContainerWindow()->setPosSize(0, 0, 1280, 800, css::awt::PosSize::POSSIZE);
    auto controller = Reference<css::frame::XModel>(book.doc, UNO_QUERY_THROW)->getCurrentController();
    Reference<css::sheet::XSpreadsheetView>(controller, UNO_QUERY_THROW)->setActiveSheet(book.sheet(dashboard));
    Reference<css::beans::XPropertySet> view(controller, UNO_QUERY_THROW);
    view->setPropertyValue("ZoomType", Any(sal_Int16(css::view::DocumentZoomType::BY_VALUE)));
    view->setPropertyValue("ZoomValue", Any(sal_Int16(100)));
    gui::screenshot(gui::screenshot_dir() / png);
}

// The width of the Dashboard's KPI table (columns A to Pace) fits a 1280-px window at 100 % zoom with room
// for the row headers and the scroll bar: at most 1,180 px = 31.2 cm at 96 dpi.
void expect_table_fits_1280(const journey_book& book, const std::string& dashboard) {
    auto columns = Reference<css::table::XColumnRowRange>(book.sheet(dashboard), UNO_QUERY_THROW)->getColumns();
    sal_Int32 width = 0;
    for (sal_Int32 c = 0; c <= c_pace; ++c) {
        sal_Int32 w = 0;
        Reference<css::beans::XPropertySet>(columns->getByIndex(c), UNO_QUERY_THROW)->getPropertyValue("Width") >>= w;
        width += w;
    }
    EXPECT_LE(width, 31200) << "the KPI table is " << width / 100.0 << " mm wide";
}

std::string pdf_text(const std::filesystem::path& pdf) {
    const auto r = run_command("pdftotext -layout " + quoted(pdf) + " -");
    EXPECT_EQ(r.exit_code, 0) << r.out;
    return r.out;
}

// The line of a KPI's row in the report's tables: the first line holding `id` on a page other than the
// KPI tree's (whose box shows the ID too; pdftotext ends each page with a form feed).
std::string table_line(const std::string& text, const std::string& id, const std::string& tree_title) {
    std::size_t page_start = 0;
    while (page_start < text.size()) {
        auto page_end = text.find('\f', page_start);
        if (page_end == std::string::npos) page_end = text.size();
        const auto page = text.substr(page_start, page_end - page_start);
        const auto at = page.find(id);
        if (at != std::string::npos && page.find(tree_title) == std::string::npos)
            return page.substr(at, page.find('\n', at) - at);
        page_start = page_end + 1;
    }
    return {};
}

} // namespace

// The wizard in a window (Next, Next, Next, Finish with its defaults: ecommerce, English, the plan from next
// month), two months typed, a Meta Ads export imported through the menu command, then the Dashboard, its
// charts and period selector, and the report of the saved workbook.
TEST(Journey, WizardTypedMonthsImportDashboardAndReport) {
    if (!gui::in_a_window()) GTEST_SKIP() << "the wizard needs a window";
    const auto months = plan_months();
    const auto dir = fresh_dir("journey-wizard");
    journey_book book(office().new_spreadsheet());
    book.frame()->getContainerWindow()->setPosSize(0, 0, 1280, 800, css::awt::PosSize::POSSIZE);
    {
        gui::dispatch_in_background command(book.frame(), "org.kpimarketing.command:NewWorkbook");
        ASSERT_TRUE(gui::wait_for(gui::is_modal_dialog).is()) << gui::dump_windows();
        for (int i = 0; i < 3; ++i) ASSERT_TRUE(gui::press("Next >"));
        ASSERT_TRUE(gui::press("Finish"));
        ASSERT_TRUE(command.finished());
    }
    ASSERT_TRUE(book.spreadsheet->getSheets()->hasByName("Dashboard")) << "the wizard built nothing";
    type_two_months(book, "Data", months, "Facebook Ads", "All channels");

    // The third month from a Meta Ads export, through the menu command (Silent: no picker, no message box).
    {
        const auto csv = meta_export(dir, months[2]);
        Sequence<css::beans::PropertyValue> args(2);
        args.getArray()[0].Name = "Files";
        const OUString url = ou("file://" + csv.string());
        args.getArray()[0].Value <<= Sequence<OUString>(&url, 1);
        args.getArray()[1].Name = "Silent";
        args.getArray()[1].Value <<= true;
        gui::dispatch_in_background command(book.frame(), "org.kpimarketing.command:Import", args);
        ASSERT_TRUE(command.finished());
    }
    book.recalc();

    // The Dashboard, default selector (the latest period with data: month 3).
    EXPECT_EQ(text_of(book.sheet("Dashboard")->getCellByPosition(2, 2)), months[2]);
    auto cpl = book.row("Dashboard", "FB-CPL");
    ASSERT_EQ(cpl.size(), static_cast<std::size_t>(c_count));
    EXPECT_DOUBLE_EQ(cpl[c_target]->getValue(), 110000);
    EXPECT_NEAR(cpl[c_value]->getValue(), cpl3, 1e-6);
    EXPECT_NEAR(cpl[c_previous]->getValue(), cpl2, 1e-6);
    EXPECT_NEAR(cpl[c_change]->getValue(), 0, 1e-6);
    EXPECT_NEAR(cpl[c_to_date]->getValue(), cpl_to_date3, 1e-6);
    EXPECT_NEAR(cpl[c_attainment]->getValue(), 110000 / cpl_to_date3, 1e-9);
    EXPECT_EQ(cpl[c_status]->getValue(), 1);
    EXPECT_EQ(text_of(cpl[c_status_text]), "On track");
    EXPECT_NEAR(cpl[c_projection]->getValue(), cpl_projection3, 1e-6);
    EXPECT_EQ(text_of(cpl[c_pace]), "Ahead");
    auto ctr = book.row("Dashboard", "FB-CTR");
    EXPECT_NEAR(ctr[c_value]->getValue(), 3200.0 / 130000, 1e-12);
    EXPECT_NEAR(ctr[c_previous]->getValue(), 0.025, 1e-12);
    EXPECT_NEAR(ctr[c_to_date]->getValue(), 8200.0 / 350000, 1e-12);
    // FB-ROAS: month 3's export has no revenue, so month 3 has no ROAS and the plan to date pairs the months
    // in which both were recorded: 70,000,000 / 22,000,000 = 3.18 (not 70 / 36 = 1.94).
    auto roas = book.row("Dashboard", "FB-ROAS");
    EXPECT_TRUE(text_of(roas[c_value]).empty());
    EXPECT_NEAR(roas[c_previous]->getValue(), 40.0 / 12, 1e-12);
    EXPECT_NEAR(roas[c_to_date]->getValue(), 70.0 / 22, 1e-12);
    // The register's Actual is the Dashboard's plan to date: one truth.
    {
        auto reg = book.sheet("KPI Register");
        bool found = false;
        for (sal_Int32 r = 1; r < 60 && !found; ++r)
            if (text_of(reg->getCellByPosition(0, r)) == "FB-CPL") {
                EXPECT_NEAR(reg->getCellByPosition(11, r)->getValue(), cpl_to_date3, 1e-6);
                found = true;
            }
        EXPECT_TRUE(found);
    }

    // Every chart has data series; the attainment charts' values are the Dashboard's attainment cells, the
    // trend charts' first series the goal's period values and the second its target.
    const auto charts = chart_series(book.sheet("Dashboard"));
    ASSERT_EQ(charts.size(), 6u); // 3 default goals x (trend, attainment)
    for (const auto& [name, series] : charts) EXPECT_GE(series.size(), 1u) << name << " has no data series";
    {
        const auto& romi = charts.at("KPI_Chart_S-ROMI");
        ASSERT_EQ(romi.size(), 1u);
        // S-ROMI's block: the goal, then its tactical KPIs in register order; FB-CPL among them.
        auto dash = book.sheet("Dashboard");
        sal_Int32 first = -1;
        for (sal_Int32 r = 4; r < 80 && first < 0; ++r)
            if (text_of(dash->getCellByPosition(0, r)) == "S-ROMI") first = r;
        ASSERT_GE(first, 0);
        ASSERT_GE(romi[0].size(), 2u);
        for (std::size_t i = 0; i < romi[0].size(); ++i) {
            const double cell = value_of(dash->getCellByPosition(c_attainment, first + static_cast<sal_Int32>(i)));
            if (std::isnan(cell)) EXPECT_TRUE(std::isnan(romi[0][i]) || romi[0][i] == 0) << i;
            else EXPECT_NEAR(romi[0][i], cell, 1e-12) << i;
        }
        const auto& trend = charts.at("KPI_Trend_S-MKTREV");
        ASSERT_EQ(trend.size(), 2u);
        // Share of revenue from marketing by month: 30 / 100, 40 / 120, month 3 none (Facebook's revenue not
        // imported: the marketing channels' revenue of month 3 is empty).
        EXPECT_NEAR(trend[0][0], 0.3, 1e-12);
        EXPECT_NEAR(trend[0][1], 40.0 / 120, 1e-12);
        EXPECT_NEAR(trend[1][0], 0.6, 1e-12); // the target line
    }

    // The period selector: month 2, then plan to date.
    book.select_period(months[1]);
    cpl = book.row("Dashboard", "FB-CPL");
    EXPECT_NEAR(cpl[c_value]->getValue(), cpl2, 1e-6);
    EXPECT_NEAR(cpl[c_previous]->getValue(), cpl1, 1e-6);
    EXPECT_NEAR(cpl[c_change]->getValue(), -25000, 1e-6);
    EXPECT_NEAR(cpl[c_to_date]->getValue(), cpl_to_date2, 1e-6);
    EXPECT_NEAR(cpl[c_projection]->getValue(), 100000, 1e-6); // two months: no trend yet
    EXPECT_EQ(text_of(cpl[c_pace]), "Ahead");                 // 110,000 / 100,000 = 1.1
    book.select_period("Plan to date");
    cpl = book.row("Dashboard", "FB-CPL");
    EXPECT_NEAR(cpl[c_value]->getValue(), cpl_to_date3, 1e-6);
    EXPECT_NEAR(cpl[c_previous]->getValue(), cpl_to_date2, 1e-6);
    EXPECT_NEAR(cpl[c_change]->getValue(), cpl_to_date3 - cpl_to_date2, 1e-6);
    book.select_period("Latest period");

    // Bad input: month 1's Facebook spend typed as text ("10.000.000", Vietnamese grouping in an English
    // office): month 1's CPL and the plan to date show #VALUE! (519), never a sum that leaves it out; other
    // months keep their values. Typed back as a number, the figures return.
    {
        auto data = book.sheet("Data");
        sal_Int32 row = -1;
        for (sal_Int32 r = 1; r < 400 && row < 0; ++r)
            if (text_of(data->getCellByPosition(0, r)) == months[0] && text_of(data->getCellByPosition(1, r)) == "Facebook Ads")
                row = r;
        ASSERT_GE(row, 0);
        Reference<css::text::XTextRange>(data->getCellByPosition(2, row), UNO_QUERY_THROW)->setString(ou("10.000.000"));
        book.recalc();
        cpl = book.row("Dashboard", "FB-CPL");
        EXPECT_EQ(cpl[c_to_date]->getError(), 519);
        EXPECT_NEAR(cpl[c_value]->getValue(), cpl3, 1e-6);
        EXPECT_TRUE(text_of(cpl[c_status]).empty()); // no status from an error
        book.select_period(months[0]);
        EXPECT_EQ(book.row("Dashboard", "FB-CPL")[c_value]->getError(), 519);
        book.select_period("Latest period");
        data->getCellByPosition(2, row)->setValue(10000000);
        book.recalc();
        EXPECT_NEAR(book.row("Dashboard", "FB-CPL")[c_to_date]->getValue(), cpl_to_date3, 1e-6);
    }
    // The "All channels" rows of the Data sheet hold revenue but no spend: their ROAS and CAC cells stay empty
    // (not 0), as every KPI cell whose inputs are not both typed.
    {
        auto data = book.sheet("Data");
        sal_Int32 roas_col = -1, all_row = -1;
        for (sal_Int32 c = 2; c < 40 && roas_col < 0; ++c)
            if (text_of(data->getCellByPosition(c, 0)) == "ROAS") roas_col = c;
        for (sal_Int32 r = 1; r < 400 && all_row < 0; ++r)
            if (text_of(data->getCellByPosition(0, r)) == months[0] && text_of(data->getCellByPosition(1, r)) == "All channels")
                all_row = r;
        ASSERT_GE(roas_col, 0);
        ASSERT_GE(all_row, 0);
        EXPECT_EQ(data->getCellByPosition(roas_col, all_row)->getType(), css::table::CellContentType_FORMULA);
        EXPECT_TRUE(text_of(data->getCellByPosition(roas_col, all_row)).empty())
            << text_of(data->getCellByPosition(roas_col, all_row));
    }
    // The business figures the user fills in are marked as inputs (yellow).
    {
        sal_Int32 color = 0;
        Reference<css::beans::XPropertySet>(book.named("KPI_Inputs")->getCellByPosition(0, 0), UNO_QUERY_THROW)
            ->getPropertyValue("CellBackColor") >>= color;
        EXPECT_EQ(color, 0xFFF8D6);
    }

    expect_table_fits_1280(book, "Dashboard");
    screenshot_dashboard(book, "Dashboard", "journey-dashboard-en.png");

    // The report of the saved workbook: `kpi report` on the file the user saved.
    const auto saved = dir / "shop.ods";
    store_as_ods(book.doc, saved);
    const auto pdf = dir / "shop-report.pdf";
    const auto r = run_kpi("report " + quoted(saved) + " -o " + quoted(pdf));
    ASSERT_EQ(r.exit_code, 0) << r.out;
    const auto text = pdf_text(pdf);
    EXPECT_NE(text.find(months[2]), std::string::npos) << "the report's period";
    EXPECT_NE(text.find("105,882"), std::string::npos) << "FB-CPL plan to date\n" << text;
    EXPECT_NE(text.find("58,333"), std::string::npos) << "FB-CPL projection\n" << text;
    EXPECT_NE(text.find("100,000"), std::string::npos) << "FB-CPL month 3\n" << text;
    // FB-CPL's line carries its figures, not "No data yet" (the report read the workbook's actuals).
    const auto line = table_line(text, "FB-CPL", "KPI tree");
    EXPECT_NE(line.find("105,882"), std::string::npos) << line;
    EXPECT_EQ(line.find("No data yet"), std::string::npos) << line;
    // The report's pages as pictures, for a person to look at.
    const auto pages = run_command("pdftoppm -r 60 -png " + quoted(pdf) + " " +
                                   quoted(gui::screenshot_dir() / "journey-report-en"));
    EXPECT_EQ(pages.exit_code, 0) << pages.out;
}

// The same loop from `kpi new`: the file opened and typed into, saved, `kpi import`, `kpi report`; and the
// Vietnamese Dashboard on screen.
TEST(Journey, KpiNewTypedMonthsKpiImportAndReport) {
    const auto months = plan_months();
    const auto dir = fresh_dir("journey-cli");
    const auto workbook = dir / "plan.ods";
    auto made = run_kpi("new --industry ecommerce --lang vi --channels facebook,google --name 'Mộc Trà' -o " +
                        quoted(workbook));
    ASSERT_EQ(made.exit_code, 0) << made.out;
    {
        journey_book book(office().open(workbook));
        type_two_months(book, "Dữ liệu", months, "Quảng cáo Facebook", "Tất cả kênh");
        store_as_ods(book.doc, workbook);
    }
    auto imported = run_kpi("import " + quoted(workbook) + " " + quoted(meta_export(dir, months[2])) + " --in-place");
    ASSERT_EQ(imported.exit_code, 0) << imported.out;
    const auto pdf = dir / "plan-report.pdf";
    auto reported = run_kpi("report " + quoted(workbook) + " -o " + quoted(pdf));
    ASSERT_EQ(reported.exit_code, 0) << reported.out;
    const auto text = pdf_text(pdf);
    EXPECT_NE(text.find(months[2]), std::string::npos);
    EXPECT_NE(text.find("105.882"), std::string::npos) << "FB-CPL plan to date (vi grouping)\n" << text;
    EXPECT_NE(text.find("58.333"), std::string::npos) << "FB-CPL projection\n" << text;
    const auto line = table_line(text, "FB-CPL", "Cây KPI");
    EXPECT_NE(line.find("105.882"), std::string::npos) << line;
    const auto pages = run_command("pdftoppm -r 60 -png " + quoted(pdf) + " " +
                                   quoted(gui::screenshot_dir() / "journey-report-vi"));
    EXPECT_EQ(pages.exit_code, 0) << pages.out;

    // The imported workbook as the user opens it again: the Dashboard's values and the screenshot.
    journey_book book(office().open(workbook));
    book.recalc();
    auto cpl = book.row("Bảng điều khiển", "FB-CPL");
    ASSERT_EQ(cpl.size(), static_cast<std::size_t>(c_count));
    EXPECT_NEAR(cpl[c_value]->getValue(), cpl3, 1e-6);
    EXPECT_NEAR(cpl[c_to_date]->getValue(), cpl_to_date3, 1e-6);
    EXPECT_NEAR(cpl[c_projection]->getValue(), cpl_projection3, 1e-6);
    EXPECT_EQ(text_of(cpl[c_pace]), "Vượt tiến độ");
    expect_table_fits_1280(book, "Bảng điều khiển");
    if (gui::in_a_window()) screenshot_dashboard(book, "Bảng điều khiển", "journey-dashboard-vi.png");
}
