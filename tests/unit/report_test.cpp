#include "register_test_util.hpp"

#include <kpi/report.hpp>

#include <gtest/gtest.h>

#include <algorithm>

using kpi_test::make_register;
using kpi_test::row_spec;
using kpi_test::strategic;
using kpi_test::tactical;
using kpi_test::today;

namespace {

row_spec with_actual(row_spec r, double actual) {
    r.actual = actual;
    return r;
}

row_spec in_group(row_spec r, std::string group, std::string name) {
    r.group = std::move(group);
    r.name = std::move(name);
    return r;
}

kpi::report_context context(std::string lang) {
    kpi::report_context c;
    c.language = std::move(lang);
    c.company = "Mộc Trà Online";
    c.period = "2026-01 – 2026-10";
    c.source_name = "sample.ods";
    c.register_sheet = "KPI Register";
    c.today = today;
    return c;
}

// All text of a sheet, one string per cell.
std::vector<std::string> texts(const kpi::sheet_model& s) {
    std::vector<std::string> out;
    for (const auto& row : s.rows)
        for (const auto& cell : row)
            if (cell.type == kpi::model_cell::kind::text) out.push_back(cell.text);
    return out;
}

bool has_text(const kpi::sheet_model& s, const std::string& t) {
    const auto all = texts(s);
    return std::find(all.begin(), all.end(), t) != all.end();
}

const kpi::sheet_model* find_sheet(const kpi::workbook_model& m, kpi::sheet_role role) {
    for (const auto& s : m.sheets)
        if (s.role == role) return &s;
    return nullptr;
}

} // namespace

TEST(Report, StrategicAndTacticalKpisGoToTheirSectionsWithAttainmentAndStatus) {
    // S1 revenue growth 0.15 target, actual 0.18 -> on track; T1 CPL lower is better, target 80 000,
    // actual 100 000 -> attainment 0.8 -> off track; T2 digital at 0.92 of target -> at risk.
    const auto reg = make_register({
        with_actual(strategic("S1"), 0.18),
        with_actual(tactical("T1", "S1"), 100000.0),
        with_actual(in_group(tactical("T2", "S1"), "Digital & SEO", "Organic sessions share"), 73600.0),
        in_group(tactical("T3", "S1"), "Customer value & relationship", "Repeat purchase rate"),
    });
    const auto audit = kpi::audit(reg, today);
    const auto r = kpi::build_report(audit, context("en"));
    ASSERT_EQ(r.strategic.size(), 1u);
    EXPECT_EQ(r.strategic[0].id, "S1");
    EXPECT_NEAR(*r.strategic[0].attainment, 1.2, 1e-12);
    EXPECT_EQ(*r.strategic[0].status, 1);
    ASSERT_EQ(r.tactical[0].size(), 1u); // acquisition & cost
    EXPECT_NEAR(*r.tactical[0][0].attainment, 0.8, 1e-12);
    EXPECT_EQ(*r.tactical[0][0].status, -1);
    ASSERT_EQ(r.tactical[1].size(), 1u); // digital & SEO: lower is better, 80 000 / 73 600 > 1
    EXPECT_EQ(*r.tactical[1][0].status, 1);
    ASSERT_EQ(r.tactical[2].size(), 1u); // customer value: no actual -> no status
    EXPECT_FALSE(r.tactical[2][0].status.has_value());
    EXPECT_FALSE(r.tactical[2][0].attainment.has_value());
    EXPECT_TRUE(r.tactical[3].empty());
    EXPECT_EQ(r.tactical_count(), 3u);
    EXPECT_EQ(r.kpi_count, 4u);
}

TEST(Report, FlaggedKpisAreFindingsWithReasonsInTheReportLanguage) {
    const auto reg = make_register({strategic("S1"), tactical("T1", ""), tactical("T2", "S9")});
    const auto audit = kpi::audit(reg, today);
    const auto en = kpi::build_report(audit, context("en"));
    ASSERT_EQ(en.findings.size(), 2u);
    EXPECT_EQ(en.findings[0].id, "T1");
    EXPECT_EQ(en.findings[0].link, kpi::link_code::unlinked);
    EXPECT_FALSE(en.findings[0].link_problem.empty());
    EXPECT_EQ(en.findings[1].link, kpi::link_code::broken);
    EXPECT_NE(en.findings[1].link_problem.find("S9"), std::string::npos);
    const auto vi = kpi::build_report(audit, context("vi"));
    EXPECT_NE(vi.findings[0].link_problem, en.findings[0].link_problem);
    EXPECT_EQ(vi.flagged_count, 2u);
}

TEST(Report, DefiningFunctionComesFromTheActualFormulaThenTheSourceText) {
    EXPECT_EQ(kpi::defining_function("=KPI.CPL(B2;C2)", "")->display, "KPI.CPL");
    // The API's programmatic form, as getFormula() returns add-in calls.
    ASSERT_NE(kpi::defining_function("=org.kpimarketing.KpiFunctions.cac($'Data'.B2;C2)", ""), nullptr);
    EXPECT_EQ(kpi::defining_function("=org.kpimarketing.KpiFunctions.cac($'Data'.B2;C2)", "")->display, "KPI.CAC");
    EXPECT_EQ(kpi::defining_function("", "KPI.CONVRATE, số liệu GA4")->display, "KPI.CONVRATE");
    EXPECT_EQ(kpi::defining_function("=SUM(A1:A3)", "kpi.bounce.ga4 from GA4")->display, "KPI.BOUNCE.GA4");
    // The formula wins over the source text; tools are not definitions.
    EXPECT_EQ(kpi::defining_function("=KPI.ROAS(A1;B1)", "KPI.CPL")->display, "KPI.ROAS");
    EXPECT_EQ(kpi::defining_function("=KPI.EACH(\"cpl\";A1:A9;B1:B9)", "Zalo OA"), nullptr);
    EXPECT_EQ(kpi::defining_function("", "Zalo OA"), nullptr);
    EXPECT_EQ(kpi::defining_function("=KPI.NOSUCH(1)", "KPI."), nullptr);
}

TEST(Report, RegisterLanguageFollowsTheHeader) {
    EXPECT_EQ(kpi::register_language(make_register({strategic("S1")})), "en");
    auto vi = kpi::parse_register(kpi::grid{{"ID", "Tên KPI", "Cấp độ", "KPI cha", "Mục tiêu"}, {"S1", "Doanh thu", "Chiến lược"}});
    ASSERT_TRUE(vi.ok());
    EXPECT_EQ(kpi::register_language(vi.value()), "vi");
    auto bare = kpi::parse_register(kpi::grid{{"ID", "Level", "Parent"}, {"S1", "Strategic"}});
    ASSERT_TRUE(bare.ok());
    EXPECT_EQ(kpi::register_language(bare.value()), "en");
    auto undecided = kpi::parse_register(kpi::grid{{"id", "level / cấp độ", "parent / kpi cha"}, {"S1", "Strategic"}});
    ASSERT_TRUE(undecided.ok());
    EXPECT_EQ(kpi::register_language(undecided.value()), "");
}

TEST(Report, CompanyAndPeriodAreFoundByTheirLabels) {
    const kpi::grid notes{{"Ghi chú"}, {"Công ty:", "Mộc Trà Online"}, {"Ngành", "Trà"}};
    EXPECT_EQ(kpi::find_company(notes).value_or(""), "Mộc Trà Online");
    EXPECT_FALSE(kpi::find_company(kpi::grid{{"Company", ""}}).has_value());
    const kpi::grid data{{"Tháng", "Chi phí"}, {"2026-01", 1}, {"2026-02", 2}, {"", 3}, {"2026-10", 4}, {"Tổng", 10}};
    EXPECT_EQ(kpi::find_period(data).value_or(""), "2026-01 – 2026-10");
    const kpi::grid one{{"x"}, {"Period", "Leads"}, {"2026-Q3", 120}};
    EXPECT_EQ(kpi::find_period(one).value_or(""), "2026-Q3");
    EXPECT_FALSE(kpi::find_period(kpi::grid{{"Month"}, {"soon"}}).has_value());
    // Periods without figures (a plan's future rows) are not the reporting period.
    const kpi::grid plan{{"Kỳ", "Kênh", "Chi phí"}, {"2026-01", "Facebook", 5}, {"2026-02", "Facebook", 7},
                         {"2026-03", "Facebook"}, {"2026-12", "Facebook"}};
    EXPECT_EQ(kpi::find_period(plan).value_or(""), "2026-01 – 2026-02");
    EXPECT_FALSE(kpi::find_period(kpi::grid{{"Kỳ", "Chi phí"}, {"2026-01"}}).has_value());
    // The template's dashboard names the business in its title.
    EXPECT_EQ(kpi::find_company(kpi::grid{{"Bảng điều khiển KPI - Mộc Trà Online"}}).value_or(""), "Mộc Trà Online");
    EXPECT_EQ(kpi::find_company(kpi::grid{{"KPI dashboard - Acme B2B"}}).value_or(""), "Acme B2B");
    EXPECT_EQ(kpi::report_file_name("sales-2026", "pdf"), "sales-2026-report.pdf");
    EXPECT_EQ(kpi::report_file_name("sales-2026", "pdf", "vi"), "sales-2026-bao-cao.pdf"); // the save dialog in vi
}

TEST(Report, WorkbookHasEverySectionInTheReportLanguage) {
    const auto reg = make_register({
        with_actual(strategic("S1"), 0.18),
        with_actual(tactical("T1", "S1"), 100000.0),
        in_group(tactical("T3", "S1"), "Customer value & relationship", "Repeat purchase rate"),
        tactical("T4", ""),
    });
    const auto audit = kpi::audit(reg, today);
    const auto en = kpi::report_workbook(kpi::build_report(audit, context("en")));
    std::vector<kpi::sheet_role> roles;
    for (const auto& s : en.sheets) roles.push_back(s.role);
    // No digital KPI: no digital section.
    EXPECT_EQ(roles, (std::vector<kpi::sheet_role>{kpi::sheet_role::report_cover, kpi::sheet_role::report_summary,
                                                   kpi::sheet_role::report_acquisition,
                                                   kpi::sheet_role::report_customer, kpi::sheet_role::report_findings,
                                                   kpi::sheet_role::report_appendix}));
    ASSERT_TRUE(en.page.has_value());
    EXPECT_EQ(en.page->footer_left, "Mộc Trà Online");
    const auto& cover = *find_sheet(en, kpi::sheet_role::report_cover);
    EXPECT_TRUE(has_text(cover, "Marketing KPI report"));
    EXPECT_TRUE(has_text(cover, "2026-01 – 2026-10"));
    EXPECT_TRUE(has_text(cover, "2026-06-15"));
    const auto& summary = *find_sheet(en, kpi::sheet_role::report_summary);
    EXPECT_TRUE(has_text(summary, "On track"));
    EXPECT_EQ(summary.print_title_rows, 4);
    ASSERT_EQ(summary.style_rules.size(), 3u); // the status dot's colours
    const auto& acquisition = *find_sheet(en, kpi::sheet_role::report_acquisition);
    ASSERT_EQ(acquisition.charts.size(), 1u); // T1 has an attainment
    EXPECT_EQ(acquisition.charts[0].type, kpi::chart_type::bar);
    EXPECT_GE(acquisition.print_area->last_row, acquisition.charts[0].anchor.last_row);
    const auto& customer = *find_sheet(en, kpi::sheet_role::report_customer);
    EXPECT_TRUE(customer.charts.empty()); // nothing to chart without actuals
    EXPECT_TRUE(has_text(customer, "No data yet"));
    const auto& findings = *find_sheet(en, kpi::sheet_role::report_findings);
    EXPECT_TRUE(has_text(findings, "T4"));
    EXPECT_TRUE(has_text(findings, "UNLINKED"));
    const auto& appendix = *find_sheet(en, kpi::sheet_role::report_appendix);
    EXPECT_TRUE(has_text(appendix, "KPI.CPL"));
    EXPECT_TRUE(has_text(appendix, std::string(kpi::find_function("KPI.CPL")->formula)));

    const auto vi = kpi::report_workbook(kpi::build_report(audit, context("vi")));
    EXPECT_TRUE(has_text(*find_sheet(vi, kpi::sheet_role::report_cover), "Báo cáo KPI marketing"));
    EXPECT_TRUE(has_text(*find_sheet(vi, kpi::sheet_role::report_summary), "Đạt"));
    EXPECT_EQ(vi.language, "vi");
}

TEST(Report, ValuesGetFormatsThatFitTheirUnit) {
    auto pct = in_group(tactical("T1", "S1"), "Digital & SEO", "Click-through rate");
    pct.unit = "%";
    pct.baseline = 0.015;
    pct.target = 0.02;
    pct.direction = "Higher is better";
    pct.actual = 0.018;
    const auto reg = make_register({with_actual(strategic("S1"), 0.2), pct, with_actual(tactical("T2", "S1"), 95000.0)});
    const auto m = kpi::report_workbook(kpi::build_report(kpi::audit(reg, today), context("en")));
    auto formats_of = [](const kpi::sheet_model& s) {
        std::vector<std::string> codes;
        for (const auto& st : s.styles)
            if (st.number_code && st.area.first_col != st.area.last_col) codes.push_back(*st.number_code);
        return codes;
    };
    EXPECT_EQ(formats_of(*find_sheet(m, kpi::sheet_role::report_digital)), std::vector<std::string>{"0.0%"});
    EXPECT_EQ(formats_of(*find_sheet(m, kpi::sheet_role::report_acquisition)), std::vector<std::string>{"#,##0"});
}

TEST(Report, FormulasUsingTheAddInAreRecognisedInEveryForm) {
    EXPECT_EQ(kpi::first_function_in("{=KPI.EACH(\"cpl\";A1:A3;B1:B3)}", false)->display, "KPI.EACH");
    EXPECT_EQ(kpi::first_function_in("{=KPI.EACH(\"cpl\";A1:A3;B1:B3)}", true), nullptr);
    EXPECT_EQ(kpi::first_function_in("of:=ORG.KPIMARKETING.KPIFUNCTIONS.AUDIT([.A1:.M9])", false)->display, "KPI.AUDIT");
    EXPECT_EQ(kpi::first_function_in("=org.kpimarketing.KpiFunctions.BOUNCE_GA4(A1;B1)", false)->display,
              "KPI.BOUNCE.GA4");
    EXPECT_EQ(kpi::first_function_in("=SUM(A1:A3)+KPIX.CPL(1)", false), nullptr);
    EXPECT_EQ(kpi::first_function_in("=\"KPI\"&A1", false), nullptr);
}

// ---- KPIs over time: the Trends sheet -------------------------------------------------------------

namespace {

using kpi::grid_cell;

// A Trends sheet per the contract: a title, block 1 (period values), a blank row, block 2 (plan to
// date). Monthly 2026-01 .. 2026-08; 2026-04 has no value for any KPI; data up to 2026-06.
kpi::grid trends_grid() {
    const grid_cell e{};
    std::vector<std::vector<grid_cell>> g{
        {"Xu hướng KPI theo kỳ"},
        {"ID", "Period value", "2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06", "2026-07", "2026-08"},
        {"S1", "Revenue growth", 0.10, 0.11, 0.12, "", 0.13, 0.15, "", ""},
        {"T1", "CPL Facebook", 100000.0, 96000.0, 92000.0, e, 90000.0, 84000.0, e, e},
        {"T2", "CTR Google", 0.015, "n/a", 0.018, e, 0.02, 0.021},
        {"T3", "Repeat buyers", 5, 6, 7, e, 8, 9},
        {"T4", "CPL Zalo", 50000.0, 52000.0, "", e, 55000.0, ""}, // June: spend but no leads
        {"X9", "Not in the register", 1, 2, 3},
        {},
        {"ID", "Plan to date", "2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06", "2026-07", "2026-08"},
        {"S1", "Revenue growth", 0.10, 0.105, 0.11, 0.11, 0.12, 0.13},
        {"T1", "CPL Facebook", 100000.0, 98000.0, 96000.0, 96000.0, 94500.0, 92000.0},
        {"T2", "CTR Google", 0.015, 0.016, 0.017, 0.017, 0.018, 0.019},
        {"T3", "Repeat buyers", 5, 11, 18, 18, 26, 35},
        {"T4", "CPL Zalo", 50000.0, 51000.0, 51000.0, 51000.0, 52300.0, 52300.0},
    };
    return kpi::grid::from_rows(g);
}

kpi::kpi_register trends_register() {
    auto s1 = strategic("S1");
    s1.target = 0.25;
    s1.deadline = "2026-Q4";
    auto s2 = strategic("S2"); // no tactical KPI serves it
    s2.name = "Market share 2026";
    auto t1 = tactical("T1", "S1"); // CPL, lower is better, target 80 000, deadline 2026-Q4
    auto t2 = in_group(tactical("T2", "S1"), "Digital & SEO", "Click-through rate");
    t2.unit = "%";
    t2.direction = "Higher is better";
    t2.baseline = 0.01;
    t2.target = 0.02;
    t2.deadline = "2026-03"; // passed before the report's period
    auto t3 = in_group(tactical("T3", "S1"), "Customer value & relationship", "Repeat buyers");
    t3.unit = "customers";
    t3.direction = "Higher is better";
    t3.baseline = 0.0;
    t3.target = 0.0;
    auto t4 = tactical("T4", "S1");
    t4.name = "Cost per lead on Zalo";
    return make_register({s1, s2, t1, t2, t3, t4});
}

const kpi::report_line& line_of(const kpi::report& r, const std::string& id) {
    for (const auto& l : r.strategic)
        if (l.id == id) return l;
    for (const auto& g : r.tactical)
        for (const auto& l : g)
            if (l.id == id) return l;
    throw std::runtime_error("no line " + id);
}

bool has_note(const kpi::report_line& l, const std::string& part) {
    return std::any_of(l.notes.begin(), l.notes.end(), [&](const std::string& n) { return n.find(part) != std::string::npos; });
}

} // namespace

TEST(ReportTrends, SheetIsReadByTheContract) {
    const auto t = kpi::read_trends(trends_grid());
    ASSERT_TRUE(t.has_value());
    EXPECT_EQ(t->keys, (std::vector<std::string>{"2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06",
                                                 "2026-07", "2026-08"}));
    EXPECT_EQ(t->granularity(), kpi::period_kind::month);
    ASSERT_EQ(t->period_value.size(), 6u); // block 1 ends at the blank row
    ASSERT_EQ(t->plan_to_date.size(), 5u);
    const auto* t2 = t->value_row("T2");
    ASSERT_NE(t2, nullptr);
    EXPECT_FALSE(t2->values[1].has_value()); // "n/a": no number
    ASSERT_EQ(t2->texts.size(), 1u);
    EXPECT_EQ(t2->texts[0], (std::pair<std::size_t, std::string>{1, "n/a"}));
    EXPECT_FALSE(t->value_row("S1")->values[3].has_value()); // "" is no data
    EXPECT_EQ(*t->plan_row("T1")->values[5], 92000.0);
    EXPECT_FALSE(t->plan_row("T1")->values[6].has_value());
    // The last period with a value anywhere in block 1: 2026-06.
    EXPECT_EQ(kpi::latest_trend_period(*t), 5u);
    EXPECT_EQ(kpi::find_trend_period(*t, "2026-03"), 2u);
    EXPECT_EQ(kpi::find_trend_period(*t, "Tháng 3/2026"), 2u);
    EXPECT_FALSE(kpi::find_trend_period(*t, "2026-Q1").has_value()); // another granularity
    EXPECT_FALSE(kpi::find_trend_period(*t, "2025-12").has_value());
    EXPECT_FALSE(kpi::find_trend_period(*t, "soon").has_value());
    // Without a header row "ID" + periods there is no Trends sheet.
    EXPECT_FALSE(kpi::read_trends(kpi::grid{{"ID", "KPI", "Owner"}, {"S1", "x", "y"}}).has_value());
    // Quarters.
    const auto q = kpi::read_trends(kpi::grid{{"ID", "Giá trị theo kỳ", "2026-Q1", "2026-Q2"}, {"S1", "x", 1, 2}});
    ASSERT_TRUE(q.has_value());
    EXPECT_EQ(q->granularity(), kpi::period_kind::quarter);
    EXPECT_EQ(kpi::find_trend_period(*q, "Quý 2/2026"), 1u);
}

TEST(ReportTrends, SelectorAndPeriodIndex) {
    EXPECT_EQ(kpi::selector_period("2026-05"), "2026-05");
    EXPECT_EQ(kpi::selector_period(" 2026-Q2 "), "2026-Q2");
    EXPECT_EQ(kpi::selector_period("Latest period"), "");
    EXPECT_EQ(kpi::selector_period("Kỳ gần nhất"), "");
    EXPECT_EQ(kpi::selector_period("Plan to date"), "");
    EXPECT_EQ(kpi::selector_period("Từ đầu kế hoạch"), "");
    // 2026-12-31 is 6 months after 2026-06-15 and 2 quarters after it.
    const auto dec = kpi::parse_period("2026-12-31")->first, jun = kpi::parse_period("2026-06-15")->first;
    EXPECT_EQ(kpi::period_index(dec, kpi::period_kind::month) - kpi::period_index(jun, kpi::period_kind::month), 6);
    EXPECT_EQ(kpi::period_index(dec, kpi::period_kind::quarter) - kpi::period_index(jun, kpi::period_kind::quarter), 2);
}

TEST(ReportTrends, LatestPeriodFiguresWorkedOutByHand) {
    const auto reg = trends_register();
    const auto audit = kpi::audit(reg, today);
    auto ctx = context("en");
    ctx.trends = kpi::read_trends(trends_grid());
    const auto r = kpi::build_report(audit, ctx);
    ASSERT_TRUE(r.as_of.has_value());
    EXPECT_EQ(r.as_of->key, "2026-06");
    EXPECT_EQ(r.as_of->previous_key, "2026-05");
    EXPECT_EQ(r.as_of->keys.size(), 6u);
    EXPECT_EQ(r.context.period, "2026-06");

    // T1 (CPL, lower is better, target 80 000, deadline 2026-Q4 = 6 months after 2026-06).
    const auto& t1 = line_of(r, "T1");
    ASSERT_TRUE(t1.trend.has_value());
    EXPECT_EQ(*t1.trend->value, 84000.0);
    EXPECT_EQ(*t1.trend->previous, 90000.0);
    EXPECT_EQ(*t1.trend->change, -6000.0);
    EXPECT_NEAR(*t1.trend->relative_change, -6000.0 / 90000.0, 1e-12);
    EXPECT_EQ(*t1.trend->plan_to_date, 92000.0);
    EXPECT_EQ(*t1.actual, 92000.0); // the actual is plan to date as of the report's period
    EXPECT_NEAR(*t1.attainment, 80000.0 / 92000.0, 1e-12);
    EXPECT_EQ(*t1.status, -1); // 0.87 < 0.9
    // Least squares through (0,100000) (1,96000) (2,92000) (4,90000) (5,84000): mean x 2.4, mean y
    // 92400, Sxx 17.2, Sxy -48800; at x = 5 + 6: 92400 - 48800 x 8.6 / 17.2 = 68000.
    EXPECT_NEAR(*t1.trend->projection, 68000.0, 1e-6);
    EXPECT_EQ(*t1.trend->pace, 1); // 80000 / 68000 = 1.18 >= 1.05: ahead
    // Attainment by period: 80000 / value, none in April.
    ASSERT_EQ(t1.trend->attainment.size(), 6u);
    EXPECT_NEAR(*t1.trend->attainment[0], 0.8, 1e-12);
    EXPECT_FALSE(t1.trend->attainment[3].has_value());
    EXPECT_NEAR(*t1.trend->attainment[5], 80000.0 / 84000.0, 1e-12);

    // S1: 0.10 0.11 0.12 - 0.13 0.15; mean y 0.122, Sxy 0.156; at x 11: 0.122 + 0.156 x 8.6 / 17.2
    // = 0.2; target 0.25: 0.8 < 0.95, behind.
    const auto& s1 = line_of(r, "S1");
    EXPECT_NEAR(*s1.trend->change, 0.02, 1e-12);
    EXPECT_NEAR(*s1.trend->projection, 0.2, 1e-12);
    EXPECT_EQ(*s1.trend->pace, -1);
    EXPECT_NEAR(*s1.attainment, 0.13 / 0.25, 1e-12);

    // T2: deadline 2026-03 passed before 2026-06: no projection, a sentence; the text "n/a" too.
    const auto& t2 = line_of(r, "T2");
    EXPECT_TRUE(t2.trend->deadline_passed);
    EXPECT_FALSE(t2.trend->projection.has_value());
    EXPECT_FALSE(t2.trend->pace.has_value());
    EXPECT_TRUE(has_note(t2, "The deadline 2026-03 passed before 2026-06")) << t2.notes.size();
    EXPECT_TRUE(has_note(t2, "2026-02 on the Trends sheet holds the text \"n/a\""));
    EXPECT_NEAR(*t2.trend->change, 0.001, 1e-12);
    EXPECT_EQ(*t2.status, 0); // 0.019 / 0.02 = 0.95: at risk

    // T3: a target of 0: no attainment, status or pace; a sentence; the projection still:
    // 5 6 7 - 8 9 -> mean 7, Sxy 13; 7 + 13 x 8.6 / 17.2 = 13.5.
    const auto& t3 = line_of(r, "T3");
    EXPECT_FALSE(t3.attainment.has_value());
    EXPECT_FALSE(t3.status.has_value());
    EXPECT_FALSE(t3.trend->pace.has_value());
    EXPECT_NEAR(*t3.trend->projection, 13.5, 1e-12);
    EXPECT_TRUE(has_note(t3, "The target is 0"));
    EXPECT_TRUE(std::all_of(t3.trend->attainment.begin(), t3.trend->attainment.end(),
                            [](const kpi::cell& c) { return !c.has_value(); }));

    // T4: spend but no leads in June (a blank): no value, no change, a sentence.
    const auto& t4 = line_of(r, "T4");
    EXPECT_FALSE(t4.trend->value.has_value());
    EXPECT_FALSE(t4.trend->change.has_value());
    EXPECT_FALSE(t4.trend->nothing_to_project); // earlier values: projected from them
    EXPECT_TRUE(t4.notes.empty()); // said once for the table (data_notes)

    // S2 is not on the Trends sheet: no figures over time.
    EXPECT_FALSE(line_of(r, "S2").trend.has_value());

    // What moved: |relative change| S1 0.02/0.13 = 0.154, T3 1/8 = 0.125, T1 0.067, T2 0.05.
    ASSERT_EQ(r.moved.size(), 4u);
    EXPECT_EQ(r.moved[0].id, "S1");
    EXPECT_EQ(r.moved[1].id, "T3");
    EXPECT_EQ(r.moved[2].id, "T1");
    EXPECT_TRUE(r.moved[2].better); // CPL down
    EXPECT_EQ(r.moved[3].id, "T2");
    ASSERT_EQ(r.behind.size(), 1u);
    EXPECT_EQ(r.behind[0].id, "S1");
    ASSERT_EQ(r.goals_without_tactical.size(), 1u);
    EXPECT_EQ(r.goals_without_tactical[0].first, "S2");
    // Sheet-level: 2026-04 is empty; X9 is not in the register.
    ASSERT_EQ(r.trend_notes.size(), 2u);
    EXPECT_EQ(r.trend_notes[0], "No KPI has a value in: 2026-04.");
    EXPECT_NE(r.trend_notes[1].find("X9"), std::string::npos);
}

TEST(ReportTrends, RequestedPeriodAndVietnameseSentences) {
    const auto reg = trends_register();
    const auto audit = kpi::audit(reg, today);
    auto ctx = context("vi");
    ctx.trends = kpi::read_trends(trends_grid());
    ctx.requested_period = "2026-03";
    const auto r = kpi::build_report(audit, ctx);
    ASSERT_TRUE(r.as_of.has_value());
    EXPECT_EQ(r.as_of->key, "2026-03");
    const auto& t1 = line_of(r, "T1");
    EXPECT_EQ(*t1.trend->value, 92000.0);
    EXPECT_EQ(*t1.trend->change, -4000.0);
    EXPECT_EQ(*t1.trend->plan_to_date, 96000.0);
    // 100000 96000 92000: slope -4000; 9 months to 2026-12: x = 11 -> 100000 - 44000.
    EXPECT_NEAR(*t1.trend->projection, 56000.0, 1e-6);
    // 2026-03 is T2's deadline itself: projected with 0 periods ahead, its value.
    const auto& t2 = line_of(r, "T2");
    EXPECT_FALSE(t2.trend->deadline_passed);
    EXPECT_NEAR(*t2.trend->projection, 0.018, 1e-12);
    EXPECT_TRUE(has_note(t2, "Kỳ 2026-02 trên trang Xu hướng chứa chữ “n/a”"));
    EXPECT_TRUE(has_note(line_of(r, "T3"), "Mục tiêu bằng 0"));

    // A period the sheet lacks: said, and the latest used.
    ctx.requested_period = "2025-12";
    const auto other = kpi::build_report(audit, ctx);
    EXPECT_EQ(other.as_of->key, "2026-06");
    EXPECT_EQ(other.trend_notes.front(), "Kỳ 2025-12 không có trên trang Xu hướng (các kỳ 2026-01 – 2026-08).");
    EXPECT_EQ(kpi::period_not_in_trends(*ctx.trends, "soon", "en"),
              "\"soon\" is not a period (such as 2026-03 or 2026-Q2); the Trends sheet has the periods 2026-01 – 2026-08.");
}

TEST(ReportTrends, EmptyTrendsSheetGivesASentenceAndNoFigures) {
    const auto reg = trends_register();
    const auto audit = kpi::audit(reg, today);
    auto ctx = context("en");
    ctx.trends = kpi::read_trends(kpi::grid{{"ID", "Period value", "2026-01", "2026-02"}, {"T1", "CPL", "", ""}});
    const auto r = kpi::build_report(audit, ctx);
    EXPECT_FALSE(r.as_of.has_value());
    EXPECT_FALSE(line_of(r, "T1").trend.has_value());
    ASSERT_EQ(r.trend_notes.size(), 1u);
    EXPECT_EQ(r.trend_notes[0], "The Trends sheet has no values yet: no figures by period.");
    EXPECT_EQ(r.context.period, "2026-01 – 2026-10"); // the cover keeps the period found elsewhere
}

TEST(ReportTrends, PreviousTemplateTakesActualsFromTheDashboard) {
    // The previous template's Dashboard: a title, a note, the header in row 4 (ID ... Thực tế).
    const kpi::grid dash{{"Bảng điều khiển KPI - Mộc Trà"},
                         {"Tiền tệ: VND"},
                         {},
                         {"ID", "KPI", "Cấp độ", "Mục tiêu", "Thực tế", "Trạng thái"},
                         {"S1", "Doanh thu", "Chiến lược", 0.15, 0.12, 0},
                         {"T1", "CPL", "Chiến thuật", 80000.0, "", ""},
                         {"T2", "CTR", "Chiến thuật", 0.02, 0.03}};
    const auto actuals = kpi::dashboard_actuals(dash);
    EXPECT_EQ(actuals, (std::vector<std::pair<std::string, double>>{{"S1", 0.12}, {"T2", 0.03}}));
    EXPECT_EQ(kpi::dashboard_actuals(kpi::grid{{"ID", "KPI", "Target"}, {"S1", "x", 1}}).size(), 0u);

    // S1's register Actual is empty: the Dashboard's; T2 has its own: the register's wins.
    const auto reg = make_register({strategic("S1"), with_actual(tactical("T2", "S1"), 0.5), tactical("T1", "S1")});
    auto ctx = context("en");
    ctx.dashboard_actuals = actuals;
    const auto r = kpi::build_report(kpi::audit(reg, today), ctx);
    EXPECT_EQ(*line_of(r, "S1").actual, 0.12);
    EXPECT_TRUE(line_of(r, "S1").actual_from_dashboard);
    EXPECT_NEAR(*line_of(r, "S1").attainment, 0.12 / 0.15, 1e-12);
    EXPECT_EQ(*line_of(r, "T2").actual, 0.5);
    EXPECT_FALSE(line_of(r, "T1").actual.has_value());
}

TEST(ReportTrends, WorkbookShowsTheFiguresTheListsAndATrendChartPerSection) {
    const auto reg = trends_register();
    const auto audit = kpi::audit(reg, today);
    auto ctx = context("en");
    ctx.trends = kpi::read_trends(trends_grid());
    const auto m = kpi::report_workbook(kpi::build_report(audit, ctx));
    const auto& summary = *find_sheet(m, kpi::sheet_role::report_summary);
    for (const char* t : {"Value 2026-06", "Previous 2026-05", "Change", "Plan to date", "Projection at deadline", "Pace",
                          "Behind pace", "What moved 2026-06", "Strategic goals without a tactical KPI:",
                          "• S2 Market share 2026", "• No KPI has a value in: 2026-04."})
        EXPECT_TRUE(has_text(summary, t)) << t;
    // Every table cell is top-aligned: the table area (header row 3, 2 KPIs, 14 columns) is wrapped.
    const bool table_wrapped = std::any_of(summary.styles.begin(), summary.styles.end(), [](const kpi::range_style& s) {
        return s.wrap && s.area.first_row == 4 && s.area.first_col == 0 && s.area.last_row == 5 && s.area.last_col == 13;
    });
    EXPECT_TRUE(table_wrapped);
    // The status (column J) is a dot, coloured by Calc's styles Good / Neutral / Bad on KPI.STATUS's
    // 1 / 0 / -1 (an empty cell is no 0), top-aligned like the text: no icon set, which Calc 7.4 draws
    // at the bottom of a tall cell.
    EXPECT_TRUE(summary.icon_sets.empty());
    const kpi::cell_rect status{4, 9, 5, 9};
    EXPECT_TRUE(std::any_of(summary.styles.begin(), summary.styles.end(), [&](const kpi::range_style& s) {
        return s.area == status && s.number_code == "\"●\";\"●\";\"●\"";
    }));
    ASSERT_EQ(summary.style_rules.size(), 3u);
    EXPECT_EQ(summary.style_rules[0].area, status);
    EXPECT_EQ(summary.style_rules[0].formula, "AND(ISNUMBER($J5);$J5=1)");
    EXPECT_EQ(summary.style_rules[0].style, "Good");
    EXPECT_EQ(summary.style_rules[1].formula, "AND(ISNUMBER($J5);$J5=0)");
    EXPECT_EQ(summary.style_rules[1].style, "Neutral");
    EXPECT_EQ(summary.style_rules[2].formula, "AND(ISNUMBER($J5);$J5=-1)");
    EXPECT_EQ(summary.style_rules[2].style, "Bad");
    EXPECT_EQ(summary.at(4, 9)->number, -1.0); // S1 off track: the value stays, for sorting and XLSX
    // The summary's trend chart: a line chart over S1 (S2 has no Trends row) and the target line, 6 periods.
    ASSERT_EQ(summary.charts.size(), 1u);
    const auto& chart = summary.charts[0];
    EXPECT_EQ(chart.type, kpi::chart_type::line);
    ASSERT_EQ(chart.ranges.size(), 1u);
    EXPECT_EQ(chart.ranges[0].last_col - chart.ranges[0].first_col, 2); // period, S1, target
    EXPECT_EQ(chart.ranges[0].last_row - chart.ranges[0].first_row, 6);
    const auto* s1_jun = summary.at(static_cast<std::size_t>(chart.ranges[0].last_row), 1);
    ASSERT_NE(s1_jun, nullptr);
    EXPECT_NEAR(s1_jun->number, 0.15 / 0.25, 1e-12);
    EXPECT_EQ(summary.at(static_cast<std::size_t>(chart.ranges[0].last_row), 2)->number, 1.0);
    // Acquisition: T1 and T4 both have attainments by period: 2 series + target.
    const auto& acquisition = *find_sheet(m, kpi::sheet_role::report_acquisition);
    ASSERT_EQ(acquisition.charts.size(), 1u);
    EXPECT_EQ(acquisition.charts[0].ranges[0].last_col - acquisition.charts[0].ranges[0].first_col, 3);
    EXPECT_TRUE(has_text(acquisition,
                         "• No value for 2026-06 (no data yet, or nothing to divide by, e.g. spend but no leads): T4."));
    EXPECT_TRUE(has_text(acquisition, "Ahead of pace"));
    EXPECT_TRUE(has_text(*find_sheet(m, kpi::sheet_role::report_digital), "Deadline passed"));
    // Customer value: T3 has a target of 0: no series, a sentence instead of a chart.
    const auto& customer = *find_sheet(m, kpi::sheet_role::report_customer);
    EXPECT_TRUE(customer.charts.empty());
    EXPECT_TRUE(has_text(customer, "Target is 0"));
    EXPECT_TRUE(has_text(customer, "No chart by period: no KPI has both values by period and a target."));
}

TEST(Report, AppendixFunctionColumnFitsTheLongestNameAndCellsAreTopAligned) {
    auto s1 = strategic("S1");
    s1.source = "KPI.PROFITMARGIN";
    const auto reg = make_register({s1});
    const auto m = kpi::report_workbook(kpi::build_report(kpi::audit(reg, today), context("en")));
    const auto& appendix = *find_sheet(m, kpi::sheet_role::report_appendix);
    std::int32_t width = 0;
    for (const auto& [col, w] : appendix.column_widths)
        if (col == 4) width = w;
    // 16 characters at 2.6 mm plus 5 mm of margins.
    EXPECT_GE(width, 500 + 260 * 16);
    EXPECT_TRUE(std::any_of(appendix.styles.begin(), appendix.styles.end(), [](const kpi::range_style& s) {
        return s.wrap && s.area.first_col == 0 && s.area.first_row == 4;
    }));
}

// ---- the report's layout: notes, changes, column widths, charts on one page, icons -------------------

namespace {

// The Trends register and grid with two more acquisition KPIs that have no data at all (T5, T6),
// and T7 with a target of 0 like T3.
kpi::kpi_register register_with_empty_kpis() {
    auto s1 = strategic("S1");
    s1.target = 0.25;
    s1.deadline = "2026-Q4";
    auto t3 = in_group(tactical("T3", "S1"), "Customer value & relationship", "Repeat buyers");
    t3.unit = "customers";
    t3.direction = "Higher is better";
    t3.baseline = 0.0;
    t3.target = 0.0;
    auto t7 = t3;
    t7.id = "T7";
    auto t4 = tactical("T4", "S1");
    t4.name = "Cost per lead on Zalo";
    return make_register({s1, tactical("T1", "S1"), t3, t4, tactical("T5", "S1"), tactical("T6", "S1"), t7});
}

kpi::grid grid_with_empty_kpis() {
    auto g = trends_grid();
    std::vector<std::vector<grid_cell>> rows;
    for (std::size_t r = 0; r < g.rows(); ++r) {
        auto& row = rows.emplace_back();
        for (std::size_t c = 0; c < g.cols(); ++c) row.push_back(g.at(r, c));
        if (r == 6) { // after T4 in block 1: two KPIs without any value
            rows.push_back({"T5", "CAC Facebook"});
            rows.push_back({"T6", "CPC Google"});
        }
    }
    return kpi::grid::from_rows(rows);
}

const kpi::range_style* style_at(const kpi::sheet_model& s, std::int32_t row, std::int32_t col) {
    const kpi::range_style* found = nullptr;
    for (const auto& st : s.styles)
        if (st.number_code && st.area.first_row <= row && row <= st.area.last_row && st.area.first_col <= col &&
            col <= st.area.last_col)
            found = &st; // the last one written wins, as in Calc
    return found;
}

std::int32_t column_width(const kpi::sheet_model& s, std::int32_t col) {
    std::int32_t width = 2258; // Calc's default
    for (const auto& [c, w] : s.column_widths)
        if (c == col) width = w;
    return width;
}

} // namespace

TEST(ReportLayout, NotesOnTheDataAreOneSentencePerKind) {
    const auto reg = register_with_empty_kpis();
    const auto audit = kpi::audit(reg, today);
    auto ctx = context("en");
    ctx.trends = kpi::read_trends(grid_with_empty_kpis());
    const auto r = kpi::build_report(audit, ctx);
    // Acquisition: T1 84,000 in June; T4 blank in June but values before (projected from them); T5 and T6
    // nothing at all (no projection).
    const auto& acquisition = r.tactical[0];
    ASSERT_EQ(acquisition.size(), 4u);
    EXPECT_TRUE(line_of(r, "T5").trend->nothing_to_project);
    EXPECT_FALSE(line_of(r, "T5").trend->projection.has_value());
    EXPECT_TRUE(line_of(r, "T5").notes.empty());
    EXPECT_EQ(kpi::data_notes(acquisition, r.as_of, "en"),
              (std::vector<std::string>{
                  "No data for 2026-06 yet (or nothing to divide by, e.g. spend but no leads): T5, T6 (no projection "
                  "without data).",
                  "No value for 2026-06 (no data yet, or nothing to divide by, e.g. spend but no leads): T4."}));
    // The same note of several KPIs once, after their IDs.
    EXPECT_EQ(kpi::data_notes(r.tactical[2], r.as_of, "en"),
              std::vector<std::string>{"T3, T7: The target is 0: attainment, status and pace cannot be computed."});
    // In the workbook: one line per sentence, no line per KPI.
    const auto m = kpi::report_workbook(r);
    const auto& sheet = *find_sheet(m, kpi::sheet_role::report_acquisition);
    EXPECT_TRUE(has_text(sheet, "• No data for 2026-06 yet (or nothing to divide by, e.g. spend but no leads): T5, T6 "
                                "(no projection without data)."));
    for (const auto& t : texts(sheet)) {
        EXPECT_EQ(t.find("to project from"), std::string::npos) << t;
        EXPECT_NE(t.rfind("• T", 0), 0u) << t;
    }

    // Vietnamese, as of May: the previous period (April) has no value for anyone.
    ctx = context("vi");
    ctx.trends = kpi::read_trends(grid_with_empty_kpis());
    ctx.requested_period = "2026-05";
    const auto may = kpi::build_report(audit, ctx);
    EXPECT_EQ(kpi::data_notes(may.tactical[0], may.as_of, "vi"),
              (std::vector<std::string>{
                  "Chưa có số liệu cho kỳ 2026-05 (hoặc không có gì để chia, ví dụ có chi phí nhưng chưa có lead): T5, "
                  "T6 (chưa có số liệu thì chưa dự báo được).",
                  "Kỳ trước (2026-04) không có giá trị, nên không tính được thay đổi: T1, T4."}));
    EXPECT_EQ(kpi::data_notes(may.tactical[2], may.as_of, "vi"),
              (std::vector<std::string>{
                  "Kỳ trước (2026-04) không có giá trị, nên không tính được thay đổi: T3.",
                  "T3, T7: Mục tiêu bằng 0: không tính được mức hoàn thành, trạng thái và tiến độ."}));
}

TEST(ReportLayout, AChangeOtherThanZeroNeverShowsAsZero) {
    // A click-through rate of 2.5 % then 3,200 / 130,000 = 2.4615 %: a change of -0.0385 points, which
    // one decimal shows as -0.0 %; two decimals: -0.04 %. T1: 84,000.4 after 84,000.8: -0.4, "#,##0"
    // shows -0; one decimal: -0.4.
    auto s1 = strategic("S1");
    s1.deadline = "2026-Q4";
    auto t2 = in_group(tactical("T2", "S1"), "Digital & SEO", "Click-through rate");
    t2.unit = "%";
    t2.direction = "Higher is better";
    t2.target = 0.02;
    const auto reg = make_register({s1, tactical("T1", "S1"), t2});
    const kpi::grid trends{{"ID", "Period value", "2026-05", "2026-06"},
                           {"S1", "Revenue growth", 0.10, 0.12},
                           {"T1", "CPL", 84000.8, 84000.4},
                           {"T2", "CTR", 0.025, 3200.0 / 130000.0}};
    auto ctx = context("en");
    ctx.trends = kpi::read_trends(trends);
    const auto m = kpi::report_workbook(kpi::build_report(kpi::audit(reg, today), ctx));
    // Tables with a Supports column: ID, KPI, Supports, Unit, Target, Value, Previous, Change (7); the
    // KPI's row is 4.
    const auto* ctr = style_at(*find_sheet(m, kpi::sheet_role::report_digital), 4, 7);
    ASSERT_NE(ctr, nullptr);
    EXPECT_EQ(*ctr->number_code, "+0.00%;-0.00%;0.00%");
    const auto* cpl = style_at(*find_sheet(m, kpi::sheet_role::report_acquisition), 4, 7);
    ASSERT_NE(cpl, nullptr);
    EXPECT_EQ(*cpl->number_code, "+#,##0.0;-#,##0.0;#,##0.0");
    // The summary's S1: +2.0 points: one decimal is enough.
    const auto* s = style_at(*find_sheet(m, kpi::sheet_role::report_summary), 4, 6);
    ASSERT_NE(s, nullptr);
    EXPECT_EQ(*s->number_code, "+0.0%;-0.0%;0.0%");
}

TEST(ReportLayout, NoWordOfATableIsWiderThanItsColumn) {
    // DejaVu Sans Bold (the PDF's font here): "Projection" is 5.747 em (P 0.733, r 0.493, o 0.687 x2, j
    // 0.343, e 0.678, c 0.593, t 0.478, i 0.343, n 0.712), at 10 pt (3.528 mm an em) 20.3 mm: with the
    // cell's margins more than 21 mm. It broke in a 20 mm column.
    EXPECT_GE(kpi::word_width("Projection", true), 2128);
    EXPECT_GT(kpi::word_width("Projection", true), kpi::word_width("Projection", false));
    EXPECT_GT(kpi::word_width("Trạng", true), kpi::word_width("Trang", true));
    for (const std::string lang : {"en", "vi"})
        for (const bool over_time : {true, false}) {
            auto ctx = context(lang);
            if (over_time) ctx.trends = kpi::read_trends(grid_with_empty_kpis());
            const auto reg = register_with_empty_kpis();
            const auto m = kpi::report_workbook(kpi::build_report(kpi::audit(reg, today), ctx));
            std::size_t headers = 0;
            for (const auto& s : m.sheets)
                for (const auto& st : s.styles) {
                    if (!st.header && !st.wrap) continue;
                    headers += st.header;
                    for (auto r = st.area.first_row; r <= st.area.last_row; ++r)
                        for (auto c = st.area.first_col; c <= st.area.last_col; ++c) {
                            const auto* cell = s.at(static_cast<std::size_t>(r), static_cast<std::size_t>(c));
                            if (!cell || cell->type != kpi::model_cell::kind::text) continue;
                            std::string word;
                            for (const char ch : cell->text + " ") {
                                if (ch != ' ') {
                                    word += ch;
                                    continue;
                                }
                                EXPECT_LE(kpi::word_width(word, st.header), column_width(s, c))
                                    << lang << " " << s.name << " row " << r << " col " << c << ": " << word;
                                word.clear();
                            }
                        }
                }
            EXPECT_GE(headers, 5u) << lang; // every table's header was looked at
        }
    // The summary's "Projection at deadline" (the KPIs behind pace) is in its third column.
    auto ctx = context("en");
    ctx.trends = kpi::read_trends(grid_with_empty_kpis());
    const auto reg = register_with_empty_kpis();
    const auto m = kpi::report_workbook(kpi::build_report(kpi::audit(reg, today), ctx));
    const auto& summary = *find_sheet(m, kpi::sheet_role::report_summary);
    bool found = false;
    for (std::size_t r = 0; r < summary.rows.size(); ++r)
        if (const auto* c = summary.at(r, 2); c && c->text == "Projection at deadline") found = true;
    EXPECT_TRUE(found);
    EXPECT_GE(column_width(summary, 2), 2128);
}

TEST(ReportLayout, EveryChartStartsAPageWithItsDataBelowIt) {
    for (const bool over_time : {true, false}) {
        auto ctx = context("en");
        if (over_time) ctx.trends = kpi::read_trends(grid_with_empty_kpis());
        auto reg = register_with_empty_kpis();
        if (!over_time) { // actual values, so that the sections without trends get their bar charts
            auto t1 = with_actual(tactical("T1", "S1"), 90000.0);
            reg = make_register({with_actual(strategic("S1"), 0.2), t1, with_actual(tactical("T5", "S1"), 85000.0)});
        }
        const auto m = kpi::report_workbook(kpi::build_report(kpi::audit(reg, today), ctx));
        std::size_t charts = 0;
        for (const auto& s : m.sheets)
            for (const auto& chart : s.charts) {
                ++charts;
                // A new page starts at the chart's first row; its data lies below it.
                EXPECT_NE(std::find(s.page_break_before.begin(), s.page_break_before.end(), chart.anchor.first_row),
                          s.page_break_before.end())
                    << s.name << " " << chart.name;
                if (chart.type == kpi::chart_type::line) { // a trend chart's data table (a bar chart's is the KPI table)
                    for (const auto& range : chart.ranges) EXPECT_GT(range.first_row, chart.anchor.last_row) << s.name;
                }
            }
        EXPECT_EQ(charts, over_time ? 2u : 1u); // summary and acquisition; the acquisition's bar chart
    }
}
