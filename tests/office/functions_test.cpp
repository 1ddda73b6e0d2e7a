// The first KPI functions, evaluated by a real Calc with the installed extension.
#include "office_test.hpp"

#include <kpi/catalog.hpp>
#include <kpi/example.hpp>

#include <gtest/gtest.h>

#include <cmath>

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

// ---- issue 3: the whole catalog ------------------------------------------------------------------

// Every function's documented example (docs/functions.md), typed into a real Calc, gives its result.
TEST(Functions, EveryCatalogExampleGivesItsDocumentedResultInCalc) {
    int checked = 0;
    for (const auto& f : kpi::catalog()) {
        SCOPED_TRACE(std::string(f.example));
        const auto call = kpi::parse_example(f.example);
        ASSERT_TRUE(call.has_value());
        const std::string formula(f.example.substr(0, f.example.find(" ->")));
        const auto r = evaluate(formula);
        EXPECT_EQ(r.error, 0) << r.text;
        if (const auto expected = kpi::parse_expected_number(call->expected)) {
            EXPECT_NEAR(r.value, expected->value, expected->tolerance);
        } else {
            EXPECT_EQ(r.text, call->expected);
        }
        ++checked;
    }
    EXPECT_EQ(checked, static_cast<int>(kpi::catalog().size()));
}

TEST(Functions, OptionalArgumentsTakeTheirDefaults) {
    EXPECT_DOUBLE_EQ(evaluate("=KPI.TOPN({3;8;12;25})").value, 0.5);
    EXPECT_DOUBLE_EQ(evaluate("=KPI.TOPN({3;8;12;25};3)").value, 0.25);
    EXPECT_DOUBLE_EQ(evaluate("=KPI.CSAT({5;4;4;3;2})").value, 0.6);
    EXPECT_DOUBLE_EQ(evaluate("=KPI.CSAT({10;9;8;2};10)").value, 0.5);
    EXPECT_DOUBLE_EQ(evaluate("=KPI.CLV(50;4;3)").value, 600.0);
    EXPECT_DOUBLE_EQ(evaluate("=KPI.PAYBACK(1200;200)").value, 6.0);
    EXPECT_DOUBLE_EQ(evaluate("=KPI.ATTAINMENT(80;100)").value, 0.8);
    EXPECT_DOUBLE_EQ(evaluate("=KPI.ATTAINMENT(125;100;;TRUE())").value, 0.8);
    EXPECT_DOUBLE_EQ(evaluate("=KPI.ATTAINMENT(45;30;50;TRUE())").value, 0.25);
    EXPECT_DOUBLE_EQ(evaluate("=KPI.ATTAINMENT(45;30;50;1)").value, 0.25);
    EXPECT_DOUBLE_EQ(evaluate("=KPI.STATUS(89;100)").value, -1.0);
    EXPECT_DOUBLE_EQ(evaluate("=KPI.STATUS(89;100;FALSE();0.8)").value, 0.0);
    EXPECT_DOUBLE_EQ(evaluate("=KPI.STATUS(95;100;TRUE())").value, 1.0);
    EXPECT_EQ(evaluate("=KPI.STATUSTEXT(100;100)").text, "On track");
    EXPECT_EQ(evaluate("=KPI.STATUSTEXT(50;100)").text, "Off track");
    EXPECT_EQ(evaluate("=KPI.STATUSTEXT(50;0)").error, div0);
    // PACE's as_of defaults to today: half of a 30-day period around today has elapsed
    EXPECT_NEAR(evaluate("=KPI.PACE(40;100;TODAY()-15;TODAY()+15)").value, 0.8, 1e-12);
    EXPECT_NEAR(evaluate("=KPI.PACE(60;100;TODAY()-15;TODAY()+15;;20)").value, 1.0, 1e-12);
    EXPECT_EQ(evaluate("=KPI.PACE(40;100;TODAY();TODAY()+15)").error, div0);
}

TEST(Functions, RangeFunctionsReadCellRangesAndIgnoreBlanks) {
    // B41:B48: 10, 9, blank, 8, 6, blank, 3, 10
    const double scores[] = {10, 9, -1, 8, 6, -1, 3, 10};
    for (int i = 0; i < 8; ++i) {
        if (scores[i] < 0) clear_cell(1, 40 + i);
        else set_value(1, 40 + i, scores[i]);
    }
    EXPECT_DOUBLE_EQ(evaluate("=KPI.NPS(B41:B48)", 2, 40).value, 100.0 * (3 - 2) / 6);
    EXPECT_DOUBLE_EQ(evaluate("=KPI.TOPN(B41:B48;8)", 2, 41).value, 3.0 / 6);
    EXPECT_NEAR(evaluate("=KPI.CMGR(B41:B42)", 2, 42).value, -0.1, 1e-12);
    // a blank inside a series still counts as a period: 10 -> 3 over 6 periods (rows 41..47)
    EXPECT_NEAR(evaluate("=KPI.CMGR(B41:B47)", 2, 43).value, std::pow(0.3, 1.0 / 6) - 1, 1e-12);
    EXPECT_EQ(evaluate("=KPI.NPS(B43:B43)", 2, 45).error, not_available); // a range of one blank cell
    // A single-cell reference is a value: Calc hands a blank one over as 0, as to its own functions.
    EXPECT_DOUBLE_EQ(evaluate("=KPI.NPS(B43)", 2, 46).value, -100.0);
    EXPECT_DOUBLE_EQ(evaluate("=KPI.NPS(B41)", 2, 44).value, 100.0);
    EXPECT_DOUBLE_EQ(evaluate("=KPI.NPS(9)", 2, 47).value, 100.0);
    set_text(1, 49, "great");
    EXPECT_EQ(evaluate("=KPI.NPS(B41:B50)", 2, 48).error, value_error); // text in the range
    EXPECT_EQ(evaluate("=KPI.NPS(B51:B60)", 2, 49).error, not_available); // an empty range
    EXPECT_EQ(evaluate("=KPI.NPS({11;9})", 2, 50).error, num_error);
    EXPECT_EQ(evaluate("=KPI.NPS({8.5;9})", 2, 51).error, num_error);
}

TEST(Functions, ErrorsOfTheNewFunctions) {
    EXPECT_EQ(evaluate("=KPI.MARKETSHARE(1200;1000)").error, num_error);
    EXPECT_EQ(evaluate("=KPI.BOUNCE.GA4(1;0)").error, div0);
    EXPECT_EQ(evaluate("=KPI.RETENTION(200;20;30)").error, num_error);
    EXPECT_EQ(evaluate("=KPI.CLV.DISCOUNTED(100;1;0)").error, div0);
    EXPECT_EQ(evaluate("=KPI.ABTEST.P(101;100;10;100)").error, num_error);
    EXPECT_EQ(evaluate("=KPI.CSAT({6};5)").error, num_error);
    EXPECT_EQ(evaluate("=KPI.CSAT({4};\"x\")").error, value_error);
    EXPECT_EQ(evaluate("=KPI.CMGR({100})").error, not_available);
    EXPECT_EQ(evaluate("=KPI.PACE(40;100;DATE(2024;2;1);DATE(2024;1;1);DATE(2024;1;15))").error, num_error);
}

// KPIs over time: KPI.PROJECTION over typed cells (blanks are periods without data) and KPI.PACESTATUS.
TEST(Functions, ProjectionAndPaceStatusOverTypedCells) {
    // M1:M4: 100, blank, 120, 130 (a rate); M5:M7: blank, 10, 20 (a cumulative count); M9:M11 blank
    set_value(12, 0, 100), clear_cell(12, 1), set_value(12, 2, 120), set_value(12, 3, 130);
    clear_cell(12, 4), set_value(12, 5, 10), set_value(12, 6, 20);
    for (int row = 8; row <= 10; ++row) clear_cell(12, row);

    // the least-squares line through (0, 100), (2, 120), (3, 130) is 100 + 10 x (mean x 5/3, mean y
    // 350/3, slope 10): at x = 3 + 3 = 6 it is 160, at x = 4 140
    EXPECT_NEAR(evaluate("=KPI.PROJECTION(M1:M4;3)", 13, 0).value, 160.0, 1e-9);
    EXPECT_NEAR(evaluate("=KPI.PROJECTION(M1:M4;1)", 13, 1).value, 140.0, 1e-9);
    // as of now with data in the last period: that period's value
    EXPECT_DOUBLE_EQ(evaluate("=KPI.PROJECTION(M1:M4;0)", 13, 2).value, 130.0);
    // two values are no trend: the latest value
    EXPECT_DOUBLE_EQ(evaluate("=KPI.PROJECTION(M1:M3;3)", 13, 3).value, 120.0);
    // cumulative: 30 over the 2 periods since the first value, 15 a period: 30 + 15 x 2 = 60
    EXPECT_DOUBLE_EQ(evaluate("=KPI.PROJECTION(M5:M7;2;TRUE())", 13, 4).value, 60.0);
    EXPECT_DOUBLE_EQ(evaluate("=KPI.PROJECTION({10;20;30};3;1)", 13, 5).value, 120.0); // 60 + 20 x 3
    // the same cells as a rate: two values, the latest: 20
    EXPECT_DOUBLE_EQ(evaluate("=KPI.PROJECTION(M5:M7;2)", 13, 6).value, 20.0);
    EXPECT_DOUBLE_EQ(evaluate("=KPI.PROJECTION(M5:M7;2;FALSE())", 13, 7).value, 20.0);
    // a falling trend that reaches 0 (30, 20, 10, two periods on: -10) gives no projection
    EXPECT_EQ(evaluate("=KPI.PROJECTION({30;20;10};2)", 15, 0).error, not_available);

    // pace of N1 (160) against 150: 1.07 >= 1.05 ahead; against 160: 1 on pace; 130 against 150: 0.87 behind
    EXPECT_DOUBLE_EQ(evaluate("=KPI.PACESTATUS(N1;150)", 14, 0).value, 1.0);
    EXPECT_DOUBLE_EQ(evaluate("=KPI.PACESTATUS(KPI.PROJECTION(M1:M4;3);160)", 14, 1).value, 0.0);
    EXPECT_DOUBLE_EQ(evaluate("=KPI.PACESTATUS(130;150)", 14, 2).value, -1.0);
    EXPECT_DOUBLE_EQ(evaluate("=KPI.PACESTATUS(130;150;TRUE())", 14, 3).value, 1.0); // 150 / 130 = 1.15
    EXPECT_DOUBLE_EQ(evaluate("=KPI.PACESTATUS(140;150)", 14, 4).value, -1.0);          // 0.93 < 0.95
    EXPECT_DOUBLE_EQ(evaluate("=KPI.PACESTATUS(140;150;FALSE();0.1)", 14, 5).value, 0.0); // 0.93 >= 0.9

    // errors: no data #N/A; periods_ahead negative or not whole #VALUE!; a negative value #NUM!;
    // text in the range #VALUE!; a target of 0 #DIV/0!; a tolerance outside 0..1 #NUM!
    EXPECT_EQ(evaluate("=KPI.PROJECTION(M9:M11;2)", 13, 8).error, not_available);
    EXPECT_EQ(evaluate("=KPI.PROJECTION(M9:M11;2;TRUE())", 13, 9).error, not_available);
    EXPECT_EQ(evaluate("=KPI.PROJECTION(M1:M4;-1)", 13, 10).error, value_error);
    EXPECT_EQ(evaluate("=KPI.PROJECTION(M1:M4;1.5)", 13, 11).error, value_error);
    EXPECT_EQ(evaluate("=KPI.PROJECTION({100;-5;120};1)", 13, 12).error, num_error);
    set_text(12, 12, "n/a");
    EXPECT_EQ(evaluate("=KPI.PROJECTION(M11:M13;1)", 13, 13).error, value_error);
    EXPECT_EQ(evaluate("=KPI.PACESTATUS(150;0)", 14, 6).error, div0);
    EXPECT_EQ(evaluate("=KPI.PACESTATUS(150;140;FALSE();2)", 14, 7).error, num_error);
    EXPECT_EQ(evaluate("=KPI.PACESTATUS(-1;140)", 14, 8).error, num_error);
}
