// The kpi tool, run as a user would: its own private office, exit codes, text and JSON output.
#include "office_test.hpp"

#include "kpi_tool.hpp"

#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>
#include <com/sun/star/util/XCloseable.hpp>

#include <gtest/gtest.h>

#include <unistd.h>

using namespace kpi::office_test;
using css::uno::Reference;
using css::uno::UNO_QUERY_THROW;

namespace {

std::string data(const char* name) { return "'" + (std::filesystem::path(KPI_TEST_DATA_DIR) / name).string() + "'"; }

// A small register stored as ODS: S1 (its deadline long past, its Actual `actual`, typed as a value or
// a formula as given), T1 serving S1, and S2, a goal no tactical KPI serves. Every other field is
// SMART-clean, so S1's Actual alone decides whether it is flagged.
std::string register_with_actual(const std::string& name, const std::string& actual) {
    auto doc = office().new_spreadsheet();
    Reference<css::sheet::XSpreadsheet> sheet(
        Reference<css::container::XIndexAccess>(
            Reference<css::sheet::XSpreadsheetDocument>(doc, UNO_QUERY_THROW)->getSheets(), UNO_QUERY_THROW)
            ->getByIndex(0),
        UNO_QUERY_THROW);
    const std::vector<std::vector<std::string>> rows{
        {"ID", "Name", "Level", "Group", "Parent", "Owner", "Unit", "Direction", "Baseline", "Target", "Deadline",
         "Actual", "Source"},
        {"S1", "Revenue growth 2020", "Strategic", "", "", "Owner", "%", "Higher is better", "0.1", "0.15", "2020-12",
         actual, "KPI.REVGROWTH"},
        {"T1", "Cost per lead on Facebook Ads", "Tactical", "Acquisition & cost", "S1", "Lan", "VND",
         "Lower is better", "100000", "80000", "2099-12", "", "KPI.CPL"},
        {"S2", "Profit margin 2027", "Strategic", "", "", "Owner", "%", "Higher is better", "0.1", "0.12", "2099-12",
         "", "KPI.PROFITMARGIN"}};
    for (std::size_t r = 0; r < rows.size(); ++r)
        for (std::size_t c = 0; c < rows[r].size(); ++c)
            if (!rows[r][c].empty())
                sheet->getCellByPosition(static_cast<sal_Int32>(c), static_cast<sal_Int32>(r))->setFormula(ou(rows[r][c]));
    const auto file = std::filesystem::path(KPI_TEST_WORK_DIR) / ("live-" + std::to_string(getpid())) / name;
    std::filesystem::create_directories(file.parent_path());
    store_as_ods(doc, file);
    Reference<css::util::XCloseable>(doc, UNO_QUERY_THROW)->close(true);
    return "'" + file.string() + "'";
}

} // namespace

TEST(KpiTool, AuditFlagsTheRegisterAndExitsOne) {
    const auto r = run_kpi("audit " + data("register-en.fods") + " --lang en");
    EXPECT_EQ(r.exit_code, 1) << r.out;
    EXPECT_NE(r.out.find("9 KPIs, 5 flagged"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("T3  UNLINKED   3/5"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("T4  BROKEN     4/5    Parent ID X9 is not in the register."), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("S1  OK         5/5"), std::string::npos) << r.out;
}

TEST(KpiTool, AuditSpeaksVietnamese) {
    const auto r = run_kpi("audit " + data("register-vi.fods") + " --lang vi");
    EXPECT_EQ(r.exit_code, 1) << r.out;
    EXPECT_NE(r.out.find("KPI cha X9 không có trong bảng KPI."), std::string::npos) << r.out;
}

TEST(KpiTool, AuditJson) {
    const auto r = run_kpi("audit " + data("register-en.fods") + " --json");
    EXPECT_EQ(r.exit_code, 1) << r.out;
    EXPECT_EQ(r.out.rfind("{", 0), 0u) << r.out;
    EXPECT_NE(r.out.find("\"id\":\"T5\""), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("\"link\":\"CYCLE\""), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("\"flagged\":5"), std::string::npos) << r.out;
}

TEST(KpiTool, BadInputExitsTwoWithAClearMessage) {
    const auto missing = run_kpi("audit /nonexistent/book.ods");
    EXPECT_EQ(missing.exit_code, 2);
    EXPECT_NE(missing.out.find("no such workbook"), std::string::npos) << missing.out;
    const auto no_register = run_kpi("audit " + data("no-register.fods"));
    EXPECT_EQ(no_register.exit_code, 2);
    EXPECT_NE(no_register.out.find("No KPI register found"), std::string::npos) << no_register.out;
    const auto bad_lang = run_kpi("audit " + data("register-en.fods") + " --lang fr");
    EXPECT_EQ(bad_lang.exit_code, 2);
    const auto unknown = run_kpi("frobnicate");
    EXPECT_EQ(unknown.exit_code, 2);
}

// A live Actual (a formula) past its deadline needs a new deadline; a typed number is the final result.
TEST(KpiTool, PassedDeadlineWithAFormulaActualIsFlagged) {
    const auto live = run_kpi("audit " + register_with_actual("live.ods", "=1+1") + " --json");
    EXPECT_EQ(live.exit_code, 1) << live.out;
    EXPECT_NE(live.out.find("\"id\":\"S1\",\"level\":\"strategic\",\"parent\":\"\",\"link\":\"OK\",\"smart\":4,"
                            "\"flagged\":true,\"failed\":[\"time_bound\"]"),
              std::string::npos)
        << live.out;
    EXPECT_NE(live.out.find("\"reason\":\"deadline_passed\""), std::string::npos) << live.out;
    EXPECT_NE(live.out.find("\"flagged\":1,"), std::string::npos) << live.out;

    const auto typed = run_kpi("audit " + register_with_actual("typed.ods", "2") + " --json");
    EXPECT_EQ(typed.exit_code, 0) << typed.out;
    EXPECT_NE(typed.out.find("\"flagged\":0,"), std::string::npos) << typed.out;
    EXPECT_EQ(typed.out.find("deadline_passed"), std::string::npos) << typed.out;
}

// A goal no tactical KPI serves is a warning in words and in JSON; it flags nothing and the exit
// status stays 0.
TEST(KpiTool, AuditNamesAGoalWithoutTacticalKpis) {
    const auto book = register_with_actual("goal.ods", "2");
    const auto en = run_kpi("audit " + book + " --lang en");
    EXPECT_EQ(en.exit_code, 0) << en.out;
    EXPECT_NE(en.out.find("Warnings:\n  - Strategic goal S2 (Profit margin 2027) has no tactical KPI serving it.\n"),
              std::string::npos)
        << en.out;
    EXPECT_EQ(en.out.find("Strategic goal S1"), std::string::npos) << en.out;
    const auto vi = run_kpi("audit " + book + " --lang vi");
    EXPECT_EQ(vi.exit_code, 0) << vi.out;
    EXPECT_NE(vi.out.find("Mục tiêu chiến lược S2 (Profit margin 2027) chưa có KPI chiến thuật nào phục vụ."),
              std::string::npos)
        << vi.out;
    const auto json = run_kpi("audit " + book + " --json");
    EXPECT_EQ(json.exit_code, 0) << json.out;
    EXPECT_NE(json.out.find("\"goals_without_tactical\":[{\"row\":4,\"id\":\"S2\",\"name\":\"Profit margin 2027\","),
              std::string::npos)
        << json.out;
}
