// The first KPI functions, evaluated by a real Calc with the installed extension.
#include "office_test.hpp"

#include <gtest/gtest.h>

using namespace kpi::office_test;

namespace {
constexpr int div0 = 532, value_error = 519, num_error = 503, not_available = 32767, missing_arg = 502;
} // namespace

TEST(Functions, CplComputesAndDividesByZeroAsDiv0) {
    const auto ok = evaluate("=KPI.CPL(100;4)");
    EXPECT_EQ(ok.error, 0);
    EXPECT_DOUBLE_EQ(ok.value, 25.0);
    EXPECT_EQ(evaluate("=KPI.CPL(100;0)").error, div0);
    EXPECT_EQ(evaluate("=KPI.CPL(100;0)").text, "#DIV/0!");
}

TEST(Functions, DocumentsStoreTheProgrammaticName) {
    EXPECT_EQ(evaluate("=kpi.cpl(100;4)").formula, "=ORG.KPIMARKETING.KPIFUNCTIONS.CPL(100;4)");
}

TEST(Functions, EachFirstFunctionGivesItsDocumentedValue) {
    EXPECT_DOUBLE_EQ(evaluate("=KPI.CAC(50000000;40)").value, 1250000.0);
    EXPECT_DOUBLE_EQ(evaluate("=KPI.CTR(250;10000)").value, 0.025);
    EXPECT_DOUBLE_EQ(evaluate("=KPI.CONVRATE(30;1200)").value, 0.025);
    EXPECT_DOUBLE_EQ(evaluate("=KPI.ROMI(300;100)").value, 2.0);
    EXPECT_DOUBLE_EQ(evaluate("=KPI.ROMI(300000000;60000000;0.4)").value, 1.0);
    EXPECT_DOUBLE_EQ(evaluate("=KPI.REVGROWTH(1150;1000)").value, 0.15);
}

TEST(Functions, CellReferencesWork) {
    set_value(1, 10, 2000000);
    set_value(2, 10, 80);
    const auto r = evaluate("=KPI.CPL(B11;C11)", 3, 10);
    EXPECT_EQ(r.error, 0);
    EXPECT_DOUBLE_EQ(r.value, 25000.0);
}

TEST(Functions, ErrorTableOfTheReadme) {
    // zero denominator
    EXPECT_EQ(evaluate("=KPI.CTR(5;0)").error, div0);
    EXPECT_EQ(evaluate("=KPI.ROMI(5;0)").error, div0);
    EXPECT_EQ(evaluate("=KPI.REVGROWTH(5;0)").error, div0);
    // out of domain: negative counts or spend, margin outside 0..1
    EXPECT_EQ(evaluate("=KPI.CPL(-100;4)").error, num_error);
    EXPECT_EQ(evaluate("=KPI.CAC(100;-4)").error, num_error);
    EXPECT_EQ(evaluate("=KPI.ROMI(300;100;1.5)").error, num_error);
    EXPECT_EQ(evaluate("=KPI.ROMI(300;100;-0.5)").error, num_error);
    // text
    EXPECT_EQ(evaluate("=KPI.CPL(\"abc\";4)").error, value_error);
    EXPECT_EQ(evaluate("=KPI.ROMI(300;100;\"abc\")").error, value_error);
    set_text(5, 20, "many");
    EXPECT_EQ(evaluate("=KPI.CPL(100;F21)", 6, 20).error, value_error);
    // an error in an argument passes through
    EXPECT_EQ(evaluate("=KPI.CPL(1/0;4)").error, div0);
    EXPECT_EQ(evaluate("=KPI.CPL(NA();4)").error, not_available);
    EXPECT_EQ(evaluate("=KPI.ROMI(300;100;NA())").error, not_available);
    // a missing required argument
    EXPECT_EQ(evaluate("=KPI.CPL(;4)").error, missing_arg);
    // overflow
    EXPECT_EQ(evaluate("=KPI.CPL(1E+308;1E-10)").error, num_error);
}

TEST(Functions, OptionalMarginDefaultsToOne) {
    EXPECT_DOUBLE_EQ(evaluate("=KPI.ROMI(300;100)").value, evaluate("=KPI.ROMI(300;100;1)").value);
    clear_cell(7, 30);
    // Calc hands an empty cell over as 0, like its own functions do: a margin of 0 (documented)
    EXPECT_DOUBLE_EQ(evaluate("=KPI.ROMI(300;100;H31)", 8, 30).value, -1.0);
}
