// The web report (kpi::html_report): escaping, every KPI present, the figures as the PDF formats
// them, both languages, 1,000 KPIs, an empty report, and valid HTML5 by a strict parser.
#include "register_test_util.hpp"

#include <kpi/html_report.hpp>

#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

using kpi_test::make_register;
using kpi_test::row_spec;
using kpi_test::strategic;
using kpi_test::tactical;
using kpi_test::today;

namespace {

namespace fs = std::filesystem;

kpi::report_context context(std::string lang) {
    kpi::report_context c;
    c.language = std::move(lang);
    c.company = "Mộc Trà Online";
    c.period = "2026-01 – 2026-06";
    c.source_name = "plan.ods";
    c.register_sheet = "KPI Register";
    c.today = today;
    return c;
}

std::size_t count(const std::string& haystack, const std::string& needle) {
    std::size_t n = 0;
    for (auto at = haystack.find(needle); at != std::string::npos;
         at = haystack.find(needle, at + needle.size()))
        ++n;
    return n;
}

fs::path temp_dir() {
    const auto dir = fs::temp_directory_path() / ("kpi-html-test-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    return dir;
}

// Runs the strict HTML5 check (tests/tools/check_html.py, html5lib) on `html`; "" when it passes.
std::string html5_problems(const std::string& html, const std::string& name) {
    const auto file = temp_dir() / (name + ".html");
    std::ofstream(file, std::ios::binary) << html;
    const auto log = temp_dir() / (name + ".log");
    const std::string cmd = std::string("/usr/bin/python3 '") + KPI_CHECK_HTML + "' '" + file.string() +
                            "' 2> '" + log.string() + "'";
    const int rc = std::system(cmd.c_str());
    std::ifstream in(log);
    std::stringstream text;
    text << in.rdbuf();
    return rc == 0 ? std::string() : "exit " + std::to_string(rc) + ": " + text.str();
}

// A Trends sheet (block 1: each period's value; block 2: plan to date), as the report tests use.
kpi::grid trends_grid() {
    const kpi::grid_cell e{};
    std::vector<std::vector<kpi::grid_cell>> g{
        {"ID", "Value by period", "2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06"},
        {"S1", "Revenue growth", 0.10, 0.11, 0.12, "", 0.13, 0.15},
        {"T1", "CPL Facebook", 100000.0, 96000.0, 92000.0, e, 90000.0, 84000.0},
        {},
        {"ID", "Plan to date", "2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06"},
        {"S1", "Revenue growth", 0.10, 0.105, 0.11, 0.11, 0.12, 0.13},
        {"T1", "CPL Facebook", 100000.0, 98000.0, 96000.0, 96000.0, 94500.0, 92000.0},
    };
    return kpi::grid::from_rows(g);
}

kpi::report trends_report(const std::string& lang) {
    auto s1 = strategic("S1");
    s1.target = 0.25;
    s1.deadline = "2026-Q4";
    auto t1 = tactical("T1", "S1"); // CPL, lower is better, target 80 000, deadline 2026-Q4
    const auto reg = make_register({s1, t1});
    auto ctx = context(lang);
    ctx.trends = kpi::read_trends(trends_grid());
    return kpi::build_report(kpi::audit(reg, today), ctx);
}

} // namespace

TEST(HtmlReport, NumbersAreFormattedAsTheReportSheetsShowThem) {
    EXPECT_EQ(kpi::format_number(192175.4, "#,##0", "en"), "192,175");
    EXPECT_EQ(kpi::format_number(192175.4, "#,##0", "vi"), "192.175");
    EXPECT_EQ(kpi::format_number(1234567.891, "#,##0.00", "en"), "1,234,567.89");
    EXPECT_EQ(kpi::format_number(1234567.891, "#,##0.00", "vi"), "1.234.567,89");
    EXPECT_EQ(kpi::format_number(0.305, "0.0%", "en"), "30.5%");
    EXPECT_EQ(kpi::format_number(0.305, "0.0%", "vi"), "30,5%");
    EXPECT_EQ(kpi::format_number(0.8, "0%", "en"), "80%");
    EXPECT_EQ(kpi::format_number(999.5, "#,##0", "en"), "1,000"); // half away from zero
    EXPECT_EQ(kpi::format_number(-6000, "#,##0", "en"), "-6,000");
    // Signed change formats (kpi::change_format): +2.0 points, -6,000, a tiny change with more decimals.
    EXPECT_EQ(kpi::format_number(0.02, kpi::change_format("0.0%", 0.02), "en"), "+2.0%");
    EXPECT_EQ(kpi::format_number(-6000, kpi::change_format("#,##0", -6000), "en"), "-6,000");
    EXPECT_EQ(kpi::format_number(-0.000385, kpi::change_format("0.0%", -0.000385), "en"), "-0.04%");
    EXPECT_EQ(kpi::format_number(0, kpi::change_format("#,##0", 0), "vi"), "0");
    EXPECT_EQ(kpi::format_number(-0.4, kpi::change_format("#,##0", -0.4), "vi"), "-0,4");
}

TEST(HtmlReport, EscapesEveryTextAndKeepsEmojiAndRightToLeftNames) {
    auto s1 = strategic("S1");
    s1.name = "Revenue <script>alert('x')</script> & \"growth\" 🚀";
    auto t1 = tactical("T1", "S1");
    t1.name = "تكلفة العميل المحتمل"; // right-to-left
    t1.owner = "Lan & Minh <b>bold</b>";
    t1.actual = 100000.0;
    auto t2 = tactical("T<img src=x onerror=alert(1)>", "S1");
    t2.name = "Bad\x01name \xC3"; // a control character and a cut UTF-8 sequence
    auto ctx = context("en");
    ctx.company = "Acme </style><script>alert(2)</script> \"Co\" ‘quoted’";
    const auto reg = make_register({s1, t1, t2});
    const auto r = kpi::build_report(kpi::audit(reg, today), ctx);
    const auto html = kpi::html_report(r);

    EXPECT_EQ(html.find("<script"), std::string::npos);
    EXPECT_EQ(html.find("<img"), std::string::npos);
    EXPECT_EQ(html.find("<b>bold"), std::string::npos);
    EXPECT_NE(html.find("Revenue &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;growth&quot; 🚀"),
              std::string::npos);
    EXPECT_NE(html.find("تكلفة العميل المحتمل"), std::string::npos);
    EXPECT_NE(html.find("<bdi>تكلفة العميل المحتمل</bdi>"),
              std::string::npos); // isolated from its neighbours
    EXPECT_NE(html.find("Lan &amp; Minh &lt;b&gt;bold&lt;/b&gt;"), std::string::npos);
    EXPECT_NE(html.find("data-kpi=\"T&lt;img src=x onerror=alert(1)&gt;\""), std::string::npos);
    EXPECT_NE(html.find("Bad\xEF\xBF\xBDname \xEF\xBF\xBD"), std::string::npos); // U+FFFD for both
    // The company inside the print stylesheet's footer: a CSS string that cannot close <style>.
    EXPECT_EQ(html.find("</style><script>"), std::string::npos);
    EXPECT_NE(html.find("@bottom-left{content:\"Acme \\3C /style\\3E \\3C script\\3E alert(2)\\3C "
                        "/script\\3E  \\22 Co\\22  ‘quoted’\""),
              std::string::npos);
    EXPECT_EQ(html5_problems(html, "escaping"), "");
}

TEST(HtmlReport, EveryKpiIsThereWithItsFiguresAndStatusInTheReportLanguage) {
    const auto en = kpi::html_report(trends_report("en"));
    EXPECT_NE(en.find("<html lang=\"en\""), std::string::npos);
    // S1 and T1: a row in their section's table and in the appendix.
    EXPECT_EQ(count(en, "<tr data-kpi=\"S1\">"), 4u); // summary, What moved, behind pace, appendix
    EXPECT_EQ(count(en, "<tr data-kpi=\"T1\">"), 3u); // its section, What moved, appendix
    // T1 in 2026-06 (worked out in unit.ReportTrends.LatestPeriodFiguresWorkedOutByHand): 84,000 after
    // 90,000, change -6,000, plan to date 92,000, attainment 80,000 / 92,000 = 87.0 %, off track, projection
    // 68,000 ahead.
    for (const char* s :
         {">84,000<", ">90,000<", ">-6,000<", ">92,000<", ">87.0%<", ">68,000<", ">Ahead of pace<"})
        EXPECT_NE(en.find(s), std::string::npos) << s;
    EXPECT_NE(en.find("<span class=\"icon\" aria-hidden=\"true\">✖</span>Off track"), std::string::npos);
    // S1: 0.13 / 0.25 = 52.0 %, change +2.0 points, projection 20.0 % behind.
    for (const char* s : {">52.0%<", ">+2.0%<", ">20.0%<", ">Behind pace<"})
        EXPECT_NE(en.find(s), std::string::npos) << s;
    // The trend chart is inline SVG with the target line, its data (T1 in January: 80,000 / 100,000 = 80 %).
    EXPECT_NE(en.find("<svg viewBox=\"0 0 800 320\""), std::string::npos);
    EXPECT_NE(en.find("Target = 100%"), std::string::npos);
    EXPECT_NE(en.find("data-label=\"T1\">80%<"), std::string::npos);
    // Sections, in order, and no spreadsheet words.
    const auto summary = en.find("Executive summary: strategic KPIs</h2>");
    const auto group = en.find("Acquisition &amp; cost</h2>");
    const auto findings = en.find("Linkage audit and SMART findings</h2>");
    const auto appendix = en.find("Appendix: KPI definitions</h2>");
    ASSERT_NE(summary, std::string::npos);
    EXPECT_LT(summary, group);
    // The KPI tree between the summary and the first group: the core's SVG inline (no XML declaration
    // inside the page), one box per KPI with its ID as the tooltip's start.
    const auto tree = en.find("<section id=\"tree\">\n<h2>KPI tree</h2>");
    EXPECT_LT(summary, tree);
    EXPECT_LT(tree, group);
    EXPECT_EQ(en.find("<?xml"), std::string::npos);
    EXPECT_EQ(en.find("http://"), std::string::npos);
    for (const char* s : {"<title>S1", "<title>T1"})
        EXPECT_NE(en.find(s, tree), std::string::npos) << s;
    EXPECT_NE(en.find("<a href=\"#tree\">KPI tree</a>"), std::string::npos);
    EXPECT_LT(group, findings);
    EXPECT_LT(findings, appendix);
    for (const char* s : {"Sheet 1", "Sheet 2", "Overview", "Trang tính"})
        EXPECT_EQ(en.find(s), std::string::npos) << s;
    EXPECT_EQ(html5_problems(en, "trends-en"), "");

    const auto vi = kpi::html_report(trends_report("vi"));
    EXPECT_NE(vi.find("<html lang=\"vi\""), std::string::npos);
    for (const char* s :
         {">84.000<", ">90.000<", ">-6.000<", ">92.000<", ">87,0%<", ">68.000<", ">52,0%<", ">+2,0%<",
          "Vượt tiến độ", "Chậm tiến độ", "Không đạt", "Tóm tắt điều hành: KPI chiến lược</h2>",
          "Phụ lục: định nghĩa các KPI</h2>", "Mục tiêu = 100%", "Trang", "Cây KPI</h2>"})
        EXPECT_NE(vi.find(s), std::string::npos) << s;
    for (const char* s : {"Sheet 1", "Overview", "Executive summary", "Off track", "Attainment", "Deadline"})
        EXPECT_EQ(vi.find(s), std::string::npos) << s;
    EXPECT_EQ(html5_problems(vi, "trends-vi"), "");
}

TEST(HtmlReport, WithoutTrendsTheSectionsHaveABarChartOfAttainment) {
    auto s1 = strategic("S1");
    s1.actual = 0.18; // 0.18 / 0.15 = 120.0 %: on track
    auto t1 = tactical("T1", "S1");
    t1.actual = 100000.0; // 80,000 / 100,000 = 80.0 %: off track
    auto t2 = tactical("T2", "S1");
    t2.actual = 86000.0; // 80,000 / 86,000 = 93.0 %: at risk
    auto t3 = tactical("T3", "");
    const auto reg = make_register({s1, t1, t2, t3});
    const auto html = kpi::html_report(kpi::build_report(kpi::audit(reg, today), context("en")));
    EXPECT_NE(html.find("Attainment of target by KPI"), std::string::npos);
    for (const char* s : {">120.0%<", ">80.0%<", ">93.0%<", ">100,000<", ">86,000<", "✔</span>On track",
                          "▲</span>At risk", "✖</span>Off track", "○</span>No data yet", ">UNLINKED<"})
        EXPECT_NE(html.find(s), std::string::npos) << s;
    EXPECT_EQ(html5_problems(html, "bars"), "");
}

TEST(HtmlReport, AThousandKpisAreAllThereAndTheFileIsValid) {
    std::vector<row_spec> rows{strategic("S1")};
    for (int i = 1; i <= 1000; ++i) {
        auto t = tactical("T" + std::to_string(i), "S1");
        t.actual = 80000.0 + i; // attainment 80,000 / (80,000 + i)
        rows.push_back(t);
    }
    const auto reg = make_register(rows);
    const auto started = std::chrono::steady_clock::now();
    const auto html = kpi::html_report(kpi::build_report(kpi::audit(reg, today), context("vi")));
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    EXPECT_LT(seconds, 5.0);
    for (int i = 1; i <= 1000; ++i)
        ASSERT_EQ(count(html, "<tr data-kpi=\"T" + std::to_string(i) + "\">"), 2u)
            << i;                                        // its section and the appendix
    EXPECT_NE(html.find(">81.000<"), std::string::npos); // T1000's actual, Vietnamese grouping
    EXPECT_EQ(html5_problems(html, "thousand"), "");
}

TEST(HtmlReport, AnEmptyReportIsAValidPageThatSaysSo) {
    kpi::report r;
    r.context = context("vi");
    const auto html = kpi::html_report(r);
    EXPECT_NE(html.find("Bảng KPI chưa có KPI chiến lược nào"), std::string::npos);
    EXPECT_NE(html.find("0 trên 0 KPI"), std::string::npos);
    EXPECT_EQ(html.find("data-kpi="), std::string::npos);
    EXPECT_EQ(html5_problems(html, "empty"), "");
}

TEST(HtmlReport, WritingReplacesTheFileAtomically) {
    const auto dir = temp_dir() / "atomic";
    fs::remove_all(dir);
    fs::create_directories(dir);
    const auto target = dir / "report.html";
    std::ofstream(target) << "old";
    kpi::write_file_atomically(target, "new content");
    std::ifstream in(target);
    std::stringstream text;
    text << in.rdbuf();
    EXPECT_EQ(text.str(), "new content");
    std::size_t files = 0;
    for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir))
        ++files;
    EXPECT_EQ(files, 1u); // no temporary file left beside it
    EXPECT_THROW(kpi::write_file_atomically(dir / "missing" / "x.html", "x"), fs::filesystem_error);
    fs::remove_all(temp_dir());
}

TEST(HtmlReport, TheCheckerRejectsBrokenAndNonSelfContainedPages) {
    const std::string head =
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>x</title></head>";
    EXPECT_EQ(html5_problems(head + "<body><p>ok</p></body></html>", "ok"), "");
    EXPECT_NE(html5_problems(head + "<body><p>a</span></p></body></html>", "stray-end-tag"), "");
    EXPECT_NE(html5_problems(head + "<body><script>alert(1)</script></body></html>", "script"), "");
    EXPECT_NE(
        html5_problems(head + "<body><img src=\"https://example.org/c.png\" alt=\"\"></body></html>", "url"),
        "");
    EXPECT_NE(html5_problems(head + "<body><p onclick=\"x()\">a</p></body></html>", "handler"), "");
}
