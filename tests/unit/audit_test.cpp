#include "register_test_util.hpp"

#include <kpi/audit.hpp>

#include <boost/property_tree/json_parser.hpp>
#include <boost/property_tree/ptree.hpp>
#include <gtest/gtest.h>

#include <sstream>

using kpi::link_code;
using kpi_test::make_register;
using kpi_test::row_spec;
using kpi_test::strategic;
using kpi_test::tactical;
using kpi_test::today;

namespace {

boost::property_tree::ptree parse_json(const std::string& s) {
    std::istringstream in(s);
    boost::property_tree::ptree tree;
    boost::property_tree::read_json(in, tree);
    return tree;
}

row_spec named(row_spec r, std::string name, std::string source) {
    r.name = std::move(name);
    r.source = std::move(source);
    return r;
}

} // namespace

TEST(Audit, CleanRegister) {
    const auto reg = make_register({strategic("S1"), tactical("T1", "S1"), tactical("T2", "T1")});
    const auto report = kpi::audit(reg, today);
    EXPECT_EQ(report.kpi_count(), 3u);
    EXPECT_EQ(report.flagged_count(), 0u);
    EXPECT_TRUE(report.clean());
    for (std::size_t i = 0; i < 3; ++i) {
        EXPECT_EQ(report.first_issue(i, "en"), "");
        EXPECT_EQ(report.smart_issues(i, "vi"), "");
        EXPECT_EQ(report.rows()[i].smart_score(), 5);
    }
}

TEST(Audit, FlaggedRowsAndFirstIssues) {
    row_spec late = tactical("T3", "S1");
    late.deadline = "2025-12";
    row_spec generic = tactical("T4", "S1");
    generic.name = "Leads";
    const auto reg = make_register({strategic("S1"), tactical("T1", "S9"), tactical("T2", ""),
                                    late, generic, strategic("S2", "T3")});
    const auto report = kpi::audit(reg, today);
    EXPECT_EQ(report.flagged_count(), 5u);
    EXPECT_FALSE(report.clean());
    EXPECT_EQ(report.first_issue(0, "en"), "");
    EXPECT_EQ(report.first_issue(1, "en"), "Parent ID S9 is not in the register.");
    EXPECT_EQ(report.first_issue(1, "vi"), "KPI cha S9 không có trong bảng KPI.");
    EXPECT_EQ(report.first_issue(2, "en"), "Tactical KPI with no parent: link it to the goal it serves.");
    EXPECT_EQ(report.first_issue(2, "vi"),
              "KPI chiến thuật chưa có KPI cha: hãy liên kết với mục tiêu mà nó phục vụ.");
    EXPECT_EQ(report.first_issue(3, "en"), "Time-bound: deadline 2025-12 has passed");
    EXPECT_EQ(report.first_issue(3, "vi"), "Có thời hạn: thời hạn 2025-12 đã qua");
    EXPECT_EQ(report.first_issue(4, "en"), "Specific: name \"Leads\" is too generic");
    EXPECT_EQ(report.first_issue(5, "en"), "A strategic KPI cannot support the tactical KPI T3.");
    EXPECT_EQ(report.rows()[5].link.code, link_code::inverted);
    EXPECT_EQ(report.rows()[3].smart_score(), 4);
    EXPECT_EQ(report.smart_issues(1, "en"), "Relevant: link status \"Parent not found\"");

    const auto table = kpi::audit_table(report, "en");
    ASSERT_EQ(table.size(), 6u);
    EXPECT_EQ(table[1].id, "T1");
    EXPECT_EQ(table[1].link, "BROKEN");
    EXPECT_EQ(table[1].smart, 4);
    EXPECT_EQ(table[1].issue, "Parent ID S9 is not in the register.");
    EXPECT_EQ(kpi::audit_table_header()[1].in("vi"), "Liên kết");
}

TEST(Audit, EveryLinkCodeHasWords) {
    const auto reg = make_register({strategic("S1"), strategic("D"), strategic("D"),
                                    tactical("T1", "T1"), tactical("T2", "T1"),
                                    [] { auto r = tactical("N", "S1"); r.level = "?"; return r; }(),
                                    tactical("T3", "D"), tactical("T4", "")});
    const auto report = kpi::audit(reg, today);
    EXPECT_EQ(report.first_issue(1, "en"), "ID D is used by more than one KPI.");
    EXPECT_EQ(report.first_issue(3, "en"), "The chain of parents loops back to this KPI.");
    EXPECT_EQ(report.first_issue(4, "en"),
              "The chain of parents stops at T1 (Loop of parents) without reaching a strategic KPI.");
    EXPECT_EQ(report.first_issue(4, "vi"),
              "Chuỗi KPI cha dừng ở T1 (Vòng lặp KPI cha) mà không tới KPI chiến lược nào.");
    EXPECT_EQ(report.first_issue(5, "en"), "Level \"?\" is neither Strategic nor Tactical.");
    EXPECT_EQ(report.first_issue(6, "en"), "Parent ID D is used by more than one KPI.");
    for (std::size_t i = 1; i < reg.size(); ++i) {
        EXPECT_NE(report.rows()[i].link.code, link_code::ok);
        EXPECT_FALSE(report.describe_link(i, "en").empty());
        EXPECT_FALSE(report.describe_link(i, "vi").empty());
        EXPECT_NE(report.describe_link(i, "en"), report.describe_link(i, "vi"));
    }
}

TEST(Audit, FindById) {
    const auto reg = make_register({strategic("S1"), tactical("Tăng-1", "S1")});
    const auto report = kpi::audit(reg, today);
    EXPECT_EQ(report.find("s1"), 0u);
    EXPECT_EQ(report.find(" TANG-1 "), 1u);
    EXPECT_EQ(report.find("nope"), std::nullopt);
    EXPECT_EQ(report.find(""), std::nullopt);
}

TEST(Audit, MixedBounceRateDefinitions) {
    const auto reg = make_register(
        {strategic("S1"), named(tactical("B1", "S1"), "Bounce rate (GA4)", "=KPI.BOUNCE.GA4(B2;C2)"),
         named(tactical("B2", "S1"), "Bounce rate", "=KPI.BOUNCE.UA(B3;C3)"),
         named(tactical("B3", "S1"), "Tỷ lệ thoát trang chủ", "GA4 export")});
    const auto report = kpi::audit(reg, today);
    ASSERT_EQ(report.warnings().size(), 1u);
    const auto& w = report.warnings()[0];
    EXPECT_EQ(w.family->id, "bounce_rate");
    ASSERT_EQ(w.variants.size(), 2u);
    EXPECT_EQ(w.variants[0].variant->id, "ga4");
    EXPECT_EQ(w.variants[0].rows, (std::vector<std::uint32_t>{1, 3}));
    EXPECT_EQ(w.variants[1].variant->id, "ua");
    EXPECT_EQ(w.variants[1].rows, (std::vector<std::uint32_t>{2}));
    EXPECT_EQ(report.flagged_count(), 0u); // warnings do not flag a KPI ...
    EXPECT_FALSE(report.clean());           // ... but the register is not clean
    EXPECT_EQ(report.warning_texts("en")[0],
              "Bounce rate is defined in 2 ways: GA4 (1 - engaged sessions / sessions) [B1, B3]; "
              "Universal Analytics (single-page sessions) [B2].");
    EXPECT_EQ(report.warning_texts("vi")[0].rfind("Tỷ lệ thoát được định nghĩa theo 2 cách: ", 0), 0u);
}

TEST(Audit, MixedChurnDefinitionsAndNoFalseAlarms) {
    const auto churn = make_register(
        {strategic("S1"), named(tactical("C1", "S1"), "Churn rate", "=KPI.CHURN(B2;C2)"),
         named(tactical("C2", "S1"), "Tỷ lệ rời bỏ", "=1-KPI.RETENTION(B3;C3;D3)")});
    const auto r1 = kpi::audit(churn, today);
    ASSERT_EQ(r1.warnings().size(), 1u);
    EXPECT_EQ(r1.warnings()[0].family->id, "churn_rate");

    // One definition only, a retention KPI next to a churn KPI, the word "quality" (contains
    // "ua"): no warning.
    const auto fine = make_register(
        {strategic("S1"), named(tactical("C1", "S1"), "Churn rate", "=KPI.CHURN(B2;C2)"),
         named(tactical("R1", "S1"), "Retention rate", "=KPI.RETENTION(B3;C3;D3)"),
         named(tactical("B1", "S1"), "Bounce rate", "=KPI.BOUNCE.GA4(B2;C2)"),
         named(tactical("Q1", "S1"), "Lead quality bounce review", "CRM")});
    EXPECT_TRUE(kpi::audit(fine, today).warnings().empty());
}

TEST(Audit, RowsWithoutIdAreAWarning) {
    kpi::grid g{{"ID", "Level", "Parent"}, {"S1", "Strategic", ""}, {"", "Tactical", "S1"}};
    auto reg = kpi::parse_register(std::move(g));
    ASSERT_TRUE(reg.ok());
    const auto report = kpi::audit(reg.value(), today);
    EXPECT_FALSE(report.clean());
    ASSERT_EQ(report.warning_texts("en").size(), 1u);
    EXPECT_EQ(report.warning_texts("en")[0], "Row 3 has data but no ID: it is not audited.");
}

TEST(Audit, JsonRoundTrips) {
    row_spec quote = tactical("T\"1", "S1");
    quote.name = "Cost per lead \\ \"FB\"\n";
    quote.unit = "";
    const auto reg = make_register(
        {strategic("S1"), quote, named(tactical("B1", "S1"), "Bounce GA4", "KPI.BOUNCE.GA4"),
         named(tactical("B2", "S1"), "Bounce UA", "KPI.BOUNCE.UA")});
    const auto report = kpi::audit(reg, today);
    const std::string json = kpi::to_json(report, "vi");
    const auto tree = parse_json(json);
    EXPECT_EQ(tree.get<std::string>("today"), "2026-06-15");
    EXPECT_EQ(tree.get<int>("kpis"), 4);
    EXPECT_EQ(tree.get<int>("flagged"), 1);
    EXPECT_EQ(tree.get<bool>("clean"), false);
    std::vector<boost::property_tree::ptree> rows;
    for (const auto& [k, v] : tree.get_child("rows")) rows.push_back(v);
    ASSERT_EQ(rows.size(), 4u);
    EXPECT_EQ(rows[1].get<std::string>("id"), "T\"1");
    EXPECT_EQ(rows[1].get<int>("row"), 3);
    EXPECT_EQ(rows[1].get<std::string>("link"), "OK");
    EXPECT_EQ(rows[1].get<int>("smart"), 4);
    EXPECT_EQ(rows[1].get<std::string>("issue"), "Cụ thể: chưa có đơn vị");
    EXPECT_EQ(rows[1].get_child("reasons").front().second.get<std::string>("reason"), "unit_missing");
    std::vector<boost::property_tree::ptree> warnings;
    for (const auto& [k, v] : tree.get_child("warnings")) warnings.push_back(v);
    ASSERT_EQ(warnings.size(), 1u);
    EXPECT_EQ(warnings[0].get<std::string>("family"), "bounce_rate");
}

TEST(Audit, JsonQuote) {
    EXPECT_EQ(kpi::json_quote("a\"b\\c\n\x01"), "\"a\\\"b\\\\c\\n\\u0001\"");
    EXPECT_EQ(kpi::json_quote("Tỷ lệ"), "\"Tỷ lệ\"");
    EXPECT_EQ(kpi::json_quote("x\xFFy"), "\"x\xEF\xBF\xBDy\"");
    EXPECT_EQ(kpi::json_quote("\xE1\xBA"), "\"\xEF\xBF\xBD\xEF\xBF\xBD\"");
    EXPECT_EQ(kpi::json_quote("\xED\xA0\x80"), "\"\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\""); // surrogate
}

TEST(Audit, VietnameseRegisterEndToEnd) {
    std::vector<std::vector<kpi::grid_cell>> rows = {
        {"ID", "Tên KPI", "Cấp độ", "Nhóm", "KPI cha", "Người phụ trách", "Đơn vị", "Chiều", "Cơ sở",
         "Mục tiêu", "Thời hạn", "Thực tế", "Nguồn"},
        {"CL1", "Tăng trưởng doanh thu", "Chiến lược", "", "", "Giám đốc", "%", "Cao hơn tốt hơn",
         "10%", "15%", "2026", "", "=KPI.REVGROWTH(B2;C2)"},
        {"CT1", "Chi phí mỗi khách hàng tiềm năng", "Chiến thuật", "Thu hút & chi phí", "CL1", "Lan",
         "VND", "Thấp hơn tốt hơn", "100.000", "80.000", "Quý 4/2026", "", "=KPI.CPL(B3;C3)"},
        {"CT2", "Doanh số", "chien thuat", "kenh so & seo", "", "Minh", "", "", "", "", "", "", ""},
    };
    auto reg = kpi::parse_register(kpi::grid::from_rows(rows));
    ASSERT_TRUE(reg.ok());
    const auto report = kpi::audit(reg.value(), today);
    EXPECT_EQ(report.rows()[0].link.code, link_code::ok);
    EXPECT_EQ(report.rows()[0].smart_score(), 5);
    EXPECT_EQ(report.rows()[1].smart_score(), 5);
    EXPECT_EQ(report.rows()[2].link.code, link_code::unlinked);
    EXPECT_EQ(report.rows()[2].smart_score(), 0);
    EXPECT_EQ(report.smart_issues(2, "vi"),
              "Cụ thể: tên \"Doanh số\" quá chung chung, chưa có đơn vị; Đo lường được: chưa có mục "
              "tiêu, chưa có nguồn dữ liệu; Khả thi: không có mục tiêu dạng số để đánh giá; Liên "
              "quan: trạng thái liên kết \"Chưa có KPI cha\"; Có thời hạn: chưa có thời hạn");
    EXPECT_EQ(report.flagged_count(), 1u);
}

TEST(Audit, GoalsWithoutTactical) {
    // S-REV: T1 serves it directly and T2 through T1 (a chain). S-MARGIN: no tactical KPI at all.
    // S-SHARE: only tactical KPIs that do not link OK (a broken parent in between, an unlinked one,
    // one whose parent is the broken one) and a strategic child, which is not a tactical KPI.
    row_spec margin = strategic("S-MARGIN");
    margin.name = "Profit margin 2027";
    row_spec share = strategic("S-SHARE");
    share.name = "";
    const auto reg = make_register({strategic("S-REV"), margin, share, tactical("T1", "S-REV"),
                                    tactical("T2", "T1"), tactical("T3", "S-NONE"), tactical("T4", "T3"),
                                    tactical("T5", ""), strategic("S-SUB", "S-SHARE")});
    const auto report = kpi::audit(reg, today);
    ASSERT_EQ(report.rows()[3].link.code, link_code::ok);
    ASSERT_EQ(report.rows()[4].link.code, link_code::ok);
    ASSERT_EQ(report.rows()[5].link.code, link_code::broken);
    ASSERT_EQ(report.rows()[6].link.code, link_code::noroot);
    ASSERT_EQ(report.rows()[7].link.code, link_code::unlinked);
    // Register rows: S-MARGIN 1, S-SHARE 2, S-SUB 8 (nothing serves it either).
    EXPECT_EQ(kpi::goals_without_tactical(report), (std::vector<std::size_t>{1, 2, 8}));
    const auto en = kpi::goals_without_tactical_texts(report, "en");
    ASSERT_EQ(en.size(), 3u);
    EXPECT_EQ(en[0], "Strategic goal S-MARGIN (Profit margin 2027) has no tactical KPI serving it.");
    EXPECT_EQ(en[1], "Strategic goal S-SHARE has no tactical KPI serving it.");
    EXPECT_EQ(kpi::goals_without_tactical_texts(report, "vi")[0],
              "Mục tiêu chiến lược S-MARGIN (Profit margin 2027) chưa có KPI chiến thuật nào phục vụ.");
    // A warning: it flags no KPI and is not one of the register warnings.
    EXPECT_EQ(report.rows()[1].flagged(), false);
    EXPECT_TRUE(report.warning_texts("en").empty());

    // In JSON: the field goals_without_tactical, one object per goal.
    const auto tree = parse_json(kpi::to_json(report, "en"));
    std::vector<boost::property_tree::ptree> goals;
    for (const auto& [k, v] : tree.get_child("goals_without_tactical")) goals.push_back(v);
    ASSERT_EQ(goals.size(), 3u);
    EXPECT_EQ(goals[0].get<std::string>("id"), "S-MARGIN");
    EXPECT_EQ(goals[0].get<int>("row"), 3); // header row 1, S-REV row 2
    EXPECT_EQ(goals[0].get<std::string>("name"), "Profit margin 2027");
    EXPECT_EQ(goals[0].get<std::string>("text"), en[0]);
    EXPECT_EQ(goals[2].get<std::string>("id"), "S-SUB");

    // Once a tactical KPI serves each goal, none is left.
    const auto served = make_register({strategic("S1"), strategic("S2"), tactical("T1", "S1"), tactical("T2", "S2")});
    const auto clean = kpi::audit(served, today);
    EXPECT_TRUE(kpi::goals_without_tactical(clean).empty());
    EXPECT_TRUE(clean.clean());
    EXPECT_TRUE(parse_json(kpi::to_json(clean, "en")).get_child("goals_without_tactical").empty());
}
