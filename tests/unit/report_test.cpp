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
    ASSERT_EQ(summary.icon_sets.size(), 1u);
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
