// The kpi tool, run as a user would: its own private office, exit codes, text and JSON output.
#include "office_test.hpp"

#include "kpi_tool.hpp"

#include <gtest/gtest.h>

using namespace kpi::office_test;

namespace {

std::string data(const char* name) { return "'" + (std::filesystem::path(KPI_TEST_DATA_DIR) / name).string() + "'"; }

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
