#include "register_test_util.hpp"

#include <kpi/smart.hpp>

#include <gtest/gtest.h>

using kpi::link_code;
using kpi::smart_criterion;
using kpi::smart_reason;
using kpi_test::make_register;
using kpi_test::row_spec;
using kpi_test::strategic;
using kpi_test::tactical;
using kpi_test::today;

namespace {

kpi::smart_result check(const row_spec& r, link_code link = link_code::ok,
                        kpi::smart_options options = {}) {
    const auto reg = make_register({r});
    return kpi::check_smart(reg, 0, link, today, options);
}

std::vector<smart_reason> reasons(const row_spec& r, link_code link = link_code::ok) {
    return check(r, link).reason_list();
}

row_spec t() { return tactical("T1", "S1"); }

} // namespace

TEST(Smart, CompleteRowsScoreFive) {
    EXPECT_EQ(check(t()).score(), 5);
    EXPECT_EQ(check(strategic("S1")).score(), 5);
    EXPECT_TRUE(check(t()).reason_list().empty());
}

TEST(Smart, SpecificName) {
    row_spec r = t();
    r.name = "";
    EXPECT_EQ(reasons(r), std::vector{smart_reason::name_missing});
    for (const char* generic : {"Sales", " LEADS ", "Marketing", "traffic", "Doanh số",
                                "doanh so", "Khách hàng", "Doanh thu"}) {
        r.name = generic;
        EXPECT_EQ(reasons(r), std::vector{smart_reason::name_generic}) << generic;
    }
    r.name = "Qualified leads from the website form";
    EXPECT_TRUE(reasons(r).empty());
    r.name = "Doanh số kênh online";
    EXPECT_TRUE(reasons(r).empty());
}

TEST(Smart, SpecificUnitAndGroup) {
    row_spec r = t();
    r.unit = "";
    EXPECT_EQ(reasons(r), std::vector{smart_reason::unit_missing});
    r = t();
    r.group = "";
    EXPECT_EQ(reasons(r), std::vector{smart_reason::group_missing});
    r.group = "Misc";
    EXPECT_EQ(reasons(r), std::vector{smart_reason::group_unrecognised});
    // No group is fine for a strategic KPI.
    EXPECT_TRUE(reasons(strategic("S1")).empty());
    // Several reasons, one criterion: the score drops by one.
    r.unit = "";
    r.name = "Sales";
    const auto s = check(r);
    EXPECT_EQ(s.score(), 4);
    EXPECT_EQ(s.failed(), std::vector{smart_criterion::specific});
    EXPECT_EQ(s.reason_list(), (std::vector{smart_reason::name_generic, smart_reason::unit_missing,
                                            smart_reason::group_unrecognised}));
}

TEST(Smart, Measurable) {
    row_spec r = t();
    r.source = "";
    EXPECT_EQ(reasons(r), std::vector{smart_reason::source_missing});
    r = t();
    r.target = kpi::grid_cell{};
    EXPECT_EQ(reasons(r), (std::vector{smart_reason::target_missing, smart_reason::no_numeric_target}));
    r.target = "a lot";
    EXPECT_EQ(reasons(r),
              (std::vector{smart_reason::target_not_numeric, smart_reason::no_numeric_target}));
    r.target = "80.000"; // text that is a number
    EXPECT_TRUE(reasons(r).empty());
}

TEST(Smart, AchievableHigherIsBetter) {
    row_spec r = t();
    r.direction = "Higher is better";
    r.baseline = 100.0;
    r.target = 400.0; // improvement 300 = 3x the baseline: allowed
    EXPECT_TRUE(reasons(r).empty());
    r.target = 400.5;
    EXPECT_EQ(reasons(r), std::vector{smart_reason::target_above_band});
    r.target = 100.0; // the baseline itself: no improvement, but not the wrong side
    EXPECT_TRUE(reasons(r).empty());
    // The factor is an option.
    r.target = 250.0;
    EXPECT_EQ(check(r, link_code::ok, {.max_improvement = 1.0}).reason_list(),
              std::vector{smart_reason::target_above_band});
}

TEST(Smart, AchievableLowerIsBetter) {
    row_spec r = t();
    r.direction = "Thấp hơn tốt hơn";
    r.baseline = 100000.0;
    r.target = 25000.0; // a quarter of the baseline: allowed
    EXPECT_TRUE(reasons(r).empty());
    r.target = 24999.0;
    EXPECT_EQ(reasons(r), std::vector{smart_reason::target_below_band});
    r.target = 0.0;
    EXPECT_EQ(reasons(r), std::vector{smart_reason::target_below_band});
    r.target = 100000.0; // the baseline itself
    EXPECT_TRUE(reasons(r).empty());
}

TEST(Smart, AchievableTargetOnTheWrongSideOfTheBaseline) {
    row_spec r = t();
    r.direction = "Higher is better";
    r.baseline = 100.0;
    r.target = 50.0; // a decline although higher is better
    EXPECT_EQ(reasons(r), std::vector{smart_reason::target_wrong_side});
    EXPECT_EQ(check(r).score(), 4);
    EXPECT_FALSE(check(r).met(smart_criterion::achievable));
    r.target = 99.99;
    EXPECT_EQ(reasons(r), std::vector{smart_reason::target_wrong_side});
    r.direction = "Thấp hơn tốt hơn";
    r.baseline = 100000.0;
    r.target = 120000.0; // a rise although lower is better
    EXPECT_EQ(reasons(r), std::vector{smart_reason::target_wrong_side});
    r.target = 500000.0; // also above 4x: the wrong side is the reason given
    EXPECT_EQ(reasons(r), std::vector{smart_reason::target_wrong_side});
    // Without a known direction there is no wrong side: only the band.
    for (const char* direction : {"", "sideways"}) {
        r.direction = direction;
        r.target = 120000.0;
        EXPECT_TRUE(reasons(r).empty()) << direction;
    }
    // A baseline <= 0 has no band, but a side: -5 % to -10 % is a decline.
    r.direction = "Higher is better";
    r.baseline = -0.05;
    r.target = -0.10;
    EXPECT_EQ(reasons(r), std::vector{smart_reason::target_wrong_side});
    r.baseline = 0.0;
    r.target = -1.0;
    EXPECT_EQ(reasons(r), std::vector{smart_reason::target_wrong_side});
    r.target = 0.0;
    EXPECT_TRUE(reasons(r).empty());
}

TEST(Smart, WrongSideTextsNameTheDirection) {
    row_spec up = strategic("S1"); // unit "%": the values are shown as percentages
    up.baseline = 0.30;
    up.target = 0.10;
    row_spec down = t(); // VND per lead, lower is better
    down.baseline = 100000.0;
    down.target = "120.000";
    const auto reg = make_register({up, down});
    const auto r = kpi::smart_reason::target_wrong_side;
    EXPECT_EQ(kpi::describe(r, reg, 0, link_code::ok, "en"),
              "target 10% is below the baseline 30% although higher is better");
    EXPECT_EQ(kpi::describe(r, reg, 0, link_code::ok, "vi"),
              "mục tiêu 10% thấp hơn giá trị cơ sở 30% dù chỉ số càng cao càng tốt");
    EXPECT_EQ(kpi::describe(r, reg, 1, link_code::ok, "en"),
              "target 120.000 is above the baseline 100000 although lower is better");
    EXPECT_EQ(kpi::describe(r, reg, 1, link_code::ok, "vi"),
              "mục tiêu 120.000 cao hơn giá trị cơ sở 100000 dù chỉ số càng thấp càng tốt");
    const auto s = kpi::check_smart(reg, 0, link_code::ok, today);
    EXPECT_EQ(kpi::describe_failures(s, reg, 0, link_code::ok, "en"),
              "Achievable: target 10% is below the baseline 30% although higher is better");
    EXPECT_EQ(kpi::to_string(r), "target_wrong_side");
    EXPECT_EQ(kpi::criterion_of(r), smart_criterion::achievable);
}

TEST(Smart, AchievableWithoutDirectionUsesBothBounds) {
    row_spec r = t();
    r.direction = "";
    r.baseline = 100.0;
    r.target = 401.0;
    EXPECT_EQ(reasons(r), std::vector{smart_reason::target_above_band});
    r.target = 24.0;
    EXPECT_EQ(reasons(r), std::vector{smart_reason::target_below_band});
    r.target = 300.0;
    EXPECT_TRUE(reasons(r).empty());
}

TEST(Smart, AchievableBaselines) {
    row_spec r = t();
    r.baseline = kpi::grid_cell{};
    EXPECT_EQ(reasons(r), std::vector{smart_reason::baseline_missing});
    r.baseline = "n/a";
    EXPECT_EQ(reasons(r), std::vector{smart_reason::baseline_not_numeric});
    // A baseline <= 0 has no multiplicative band: not judged.
    r.direction = "Higher is better";
    r.baseline = 0.0;
    r.target = 1e9;
    EXPECT_TRUE(reasons(r).empty());
    r.baseline = -0.05;
    r.target = 0.10;
    EXPECT_TRUE(reasons(r).empty());
}

TEST(Smart, Relevant) {
    for (const auto code : {link_code::unlinked, link_code::broken, link_code::cycle,
                            link_code::inverted, link_code::noroot, link_code::duplicate,
                            link_code::nolevel}) {
        const auto s = check(t(), code);
        EXPECT_EQ(s.reason_list(), std::vector{smart_reason::link_not_ok});
        EXPECT_EQ(s.score(), 4);
        EXPECT_FALSE(s.met(smart_criterion::relevant));
    }
}

TEST(Smart, TimeBound) {
    row_spec r = t();
    r.deadline = kpi::grid_cell{};
    EXPECT_EQ(reasons(r), std::vector{smart_reason::deadline_missing});
    r.deadline = "sometime";
    EXPECT_EQ(reasons(r), std::vector{smart_reason::deadline_unparsed});
    r.deadline = "2025-12";
    EXPECT_EQ(reasons(r), std::vector{smart_reason::deadline_passed});
    r.deadline = "2026-06"; // ends 2026-06-30, today is 2026-06-15
    EXPECT_TRUE(reasons(r).empty());
    r.deadline = "15/06/2026"; // today itself: not passed
    EXPECT_TRUE(reasons(r).empty());
    r.deadline = "14/06/2026";
    EXPECT_EQ(reasons(r), std::vector{smart_reason::deadline_passed});
    r.actual = 75000.0; // a passed deadline with a result is fine
    EXPECT_TRUE(reasons(r).empty());
    r.deadline = 46022.0; // a date cell: 2025-12-31
    EXPECT_TRUE(reasons(r).empty());
    r.actual = kpi::grid_cell{};
    EXPECT_EQ(reasons(r), std::vector{smart_reason::deadline_passed});
}

TEST(Smart, PassedDeadlineWithALiveActualNeedsANewDeadline) {
    row_spec r = t();
    r.deadline = "14/06/2026"; // passed: today is 2026-06-15
    r.actual = 2.0;
    EXPECT_TRUE(reasons(r).empty()); // a typed number is the final result
    r.actual_is_formula = true;      // =1+1: a live measurement past its deadline
    EXPECT_EQ(reasons(r), std::vector{smart_reason::deadline_passed});
    r.actual = ""; // a formula showing nothing
    EXPECT_EQ(reasons(r), std::vector{smart_reason::deadline_passed});
    r.actual = 2.0;
    r.deadline = "15/06/2026"; // not passed: a live Actual is fine
    EXPECT_TRUE(reasons(r).empty());
    r.deadline = "2026-Q4";
    EXPECT_TRUE(reasons(r).empty());
}

TEST(Smart, ScoreCountsCriteriaNotReasons) {
    row_spec r = t();
    r.name = "";
    r.unit = "";
    r.source = "";
    r.deadline = kpi::grid_cell{};
    const auto s = check(r, link_code::broken);
    EXPECT_EQ(s.score(), 1); // only Achievable is met
    EXPECT_TRUE(s.met(smart_criterion::achievable));
    EXPECT_EQ(s.failed(), (std::vector{smart_criterion::specific, smart_criterion::measurable,
                                       smart_criterion::relevant, smart_criterion::time_bound}));
    r.target = kpi::grid_cell{};
    EXPECT_EQ(check(r, link_code::broken).score(), 0);
}

TEST(Smart, TextsInEnglishAndVietnamese) {
    row_spec r = t();
    r.unit = "";
    r.deadline = "2025-12";
    r.target = 10000.0; // below 100000 / 4
    const auto reg = make_register({r});
    const auto s = kpi::check_smart(reg, 0, link_code::ok, today);
    EXPECT_EQ(kpi::describe_failures(s, reg, 0, link_code::ok, "en"),
              "Specific: no unit; Achievable: target 10000 is below the plausible minimum 25000 "
              "(baseline 100000 / (1 + 3)); Time-bound: deadline 2025-12 has passed");
    EXPECT_EQ(kpi::describe_failures(s, reg, 0, link_code::ok, "vi-VN"),
              "Cụ thể: chưa có đơn vị; Khả thi: mục tiêu 10000 thấp hơn mức khả thi tối thiểu 25000 "
              "(cơ sở 100000 / (1 + 3)); Có thời hạn: thời hạn 2025-12 đã qua");
    const auto broken = kpi::check_smart(reg, 0, link_code::broken, today);
    EXPECT_NE(kpi::describe_failures(broken, reg, 0, link_code::broken, "en")
                  .find("; Relevant: link status \"Parent not found\"; "),
              std::string::npos);
    EXPECT_NE(kpi::describe_failures(broken, reg, 0, link_code::broken, "vi")
                  .find("; Liên quan: trạng thái liên kết \"Không tìm thấy KPI cha\"; "),
              std::string::npos);
    const auto clean = make_register({t()});
    EXPECT_EQ(kpi::describe_failures(kpi::check_smart(clean, 0, link_code::ok, today), clean, 0,
                                     link_code::ok, "en"),
              "");
}

TEST(Smart, EveryReasonHasTextsInBothLanguages) {
    const auto reg = make_register({t()});
    for (std::size_t k = 0; k < kpi::smart_reason_count; ++k) {
        const auto reason = static_cast<smart_reason>(k);
        const std::string en = kpi::describe(reason, reg, 0, link_code::broken, "en");
        const std::string vi = kpi::describe(reason, reg, 0, link_code::broken, "vi");
        EXPECT_FALSE(en.empty());
        EXPECT_FALSE(vi.empty());
        EXPECT_NE(en, vi) << kpi::to_string(reason);
        EXPECT_EQ(en.find('{'), std::string::npos) << en;
        EXPECT_EQ(vi.find('{'), std::string::npos) << vi;
        EXPECT_FALSE(kpi::to_string(reason).empty());
    }
}
