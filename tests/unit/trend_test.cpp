// KPIs over time: the projection to the deadline and the pace, on values worked out by hand.
#include <kpi/trend.hpp>

#include <gtest/gtest.h>

#include <limits>
#include <optional>
#include <vector>

using kpi::errc;
using kpi::projection_kind;
using kpi::result;

namespace {
constexpr std::nullopt_t blank = std::nullopt;
using cells = std::vector<kpi::cell>;

result rate(const cells& values, double ahead) { return kpi::project_to_deadline(values, ahead); }
result cumulative(const cells& values, double ahead) {
    return kpi::project_to_deadline(values, ahead, projection_kind::cumulative);
}
} // namespace

TEST(Trend, RateFollowsTheLeastSquaresLine) {
    // y = 100 + 10 x through x = 0, 1, 2; at x = 2 + 3 = 5: 150
    EXPECT_NEAR(rate({100, 110, 120}, 3).value(), 150.0, 1e-9);
    // the default kind is the rate
    EXPECT_EQ(kpi::project_to_deadline(cells{100, 110, 120}, 3), rate({100, 110, 120}, 3));
    // not on a line: x 0..3, y 10, 30, 20, 40: mean x 1.5, mean y 25, Sxy = 40, Sxx = 5, slope 8;
    // at x = 3 + 2 = 5: 25 + 8 x 3.5 = 53
    EXPECT_NEAR(rate({10, 30, 20, 40}, 2).value(), 53.0, 1e-9);
}

TEST(Trend, RateSkipsBlanksButKeepsTheirPositions) {
    // the line through (0, 100) and (2, 120), at x = 2 + 1 = 3: 130
    EXPECT_NEAR(rate({100, blank, 120}, 1).value(), 130.0, 1e-9);
    // a blank last period: the line through (0, 100), (1, 110) at x = 2 + 1 = 3: 130
    EXPECT_NEAR(rate({100, 110, blank}, 1).value(), 130.0, 1e-9);
}

TEST(Trend, RateLooksAtTheLastSixValuesWithData) {
    // 500 is the seventh value from the end: left out; the rest lie on y = 10 x
    EXPECT_NEAR(rate({500, 10, 20, 30, 40, 50, 60}, 1).value(), 70.0, 1e-9);
    // the window counts values with data, not positions: (1, 10), (3, 30) ... (7, 70), at x = 9: 90
    EXPECT_NEAR(rate({500, 10, blank, 30, 40, 50, 60, 70}, 2).value(), 90.0, 1e-9);
    // with 500 in the window the line would be another one: (0, 500), (1, 10) ... (5, 50)
    // mean x 2.5, mean y 108.33..., Sxy = -1075, Sxx = 17.5, at x = 6: about -106.67 -> clamped to 0
    EXPECT_EQ(rate({500, 10, 20, 30, 40, 50}, 1).value(), 0.0);
}

TEST(Trend, RateNeverFallsBelowZero) {
    // y = 30 - 10 x: at x = 2 + 2 = 4 the line is at -10
    EXPECT_EQ(rate({30, 20, 10}, 2), result(0.0));
    EXPECT_NEAR(rate({30, 20, 10}, 0).value(), 10.0, 1e-12);
    EXPECT_NEAR(rate({30, 20, blank}, 1).value(), 0.0, 1e-12); // at x = 3: exactly 0
}

TEST(Trend, RateOfOneValueIsThatValue) {
    EXPECT_EQ(rate({blank, 42, blank}, 5), result(42.0));
    EXPECT_EQ(rate({42}, 0), result(42.0));
}

TEST(Trend, RateAsOfNowIsTheLastValue) {
    // periods_ahead 0 and data in the last element: that element, not the line (which gives 128.33)
    EXPECT_EQ(rate({100, 110, 130}, 0), result(130.0));
    // no data in the last element: the line at x = 2: 120
    EXPECT_NEAR(rate({100, 110, blank}, 0).value(), 120.0, 1e-9);
}

TEST(Trend, CumulativeAddsTheRunRateForThePeriodsLeft) {
    // 60 so far over 3 periods: 20 a period; 60 + 20 x 3 = 120
    EXPECT_EQ(cumulative({10, 20, 30}, 3), result(120.0));
    // the run rate counts from the first value with data: 30 over 2 periods, 30 + 15 x 2 = 60
    EXPECT_EQ(cumulative({blank, 10, 20}, 2), result(60.0));
    // a blank last period still counts as elapsed: 30 over 3 periods, 30 + 10 x 1 = 40
    EXPECT_EQ(cumulative({10, 20, blank}, 1), result(40.0));
    EXPECT_EQ(cumulative({10, 20, 30}, 0), result(60.0));
    EXPECT_EQ(cumulative({0, 0}, 4), result(0.0));
}

TEST(Trend, ProjectionErrors) {
    EXPECT_EQ(rate({blank, blank}, 1), result(errc::not_available));
    EXPECT_EQ(cumulative({blank, blank}, 1), result(errc::not_available));
    EXPECT_EQ(rate({}, 1), result(errc::not_available));
    EXPECT_EQ(rate({100, 110}, -1), result(errc::bad_value));
    EXPECT_EQ(cumulative({100, 110}, -1), result(errc::bad_value));
    EXPECT_EQ(rate({100, 110}, 1.5), result(errc::bad_value));
    EXPECT_EQ(rate({100, 110}, std::numeric_limits<double>::quiet_NaN()), result(errc::bad_value));
    EXPECT_EQ(rate({100, 110}, std::numeric_limits<double>::infinity()), result(errc::bad_value));
    EXPECT_EQ(rate({100, -1, 120}, 1), result(errc::out_of_domain));
    EXPECT_EQ(cumulative({100, -1, 120}, 1), result(errc::out_of_domain));
    EXPECT_EQ(rate({100, std::numeric_limits<double>::infinity()}, 1), result(errc::out_of_domain));
    // overflow: slope 1e308, at x = 1 + 10
    EXPECT_EQ(rate({0, 1e308}, 10), result(errc::out_of_domain));
    EXPECT_EQ(cumulative({1e308, 1e308}, 10), result(errc::out_of_domain));
}

TEST(Trend, PaceHigherIsBetter) {
    EXPECT_EQ(kpi::pace_status(110, 100, false), result(1.0)); // 1.10 >= 1.05
    EXPECT_EQ(kpi::pace_status(100, 100, false), result(0.0)); // 1.00 within 0.95..1.05
    EXPECT_EQ(kpi::pace_status(90, 100, false), result(-1.0)); // 0.90 < 0.95
    EXPECT_EQ(kpi::pace_status(106, 100, false), result(1.0));
    EXPECT_EQ(kpi::pace_status(104, 100, false), result(0.0));
    EXPECT_EQ(kpi::pace_status(96, 100, false), result(0.0));
    EXPECT_EQ(kpi::pace_status(94, 100, false), result(-1.0));
    EXPECT_EQ(kpi::pace_status(0, 100, false), result(-1.0));
}

TEST(Trend, PaceLowerIsBetter) {
    EXPECT_EQ(kpi::pace_status(90, 100, true), result(1.0));   // 100 / 90 = 1.11
    EXPECT_EQ(kpi::pace_status(100, 100, true), result(0.0));  // 1
    EXPECT_EQ(kpi::pace_status(110, 100, true), result(-1.0)); // 100 / 110 = 0.909
    EXPECT_EQ(kpi::pace_status(0, 100, true), result(1.0));    // nothing where less is better
    EXPECT_EQ(kpi::pace_status(0, 0, true), result(1.0));
    EXPECT_EQ(kpi::pace_status(5, 0, true), result(-1.0)); // attainment 0 / 5 = 0
}

TEST(Trend, PaceToleranceBoundsAreInclusive) {
    // tolerance 0.25 (exact in binary): ahead from 1.25, on pace from 0.75
    EXPECT_EQ(kpi::pace_status(125, 100, false, 0.25), result(1.0));
    EXPECT_EQ(kpi::pace_status(124, 100, false, 0.25), result(0.0));
    EXPECT_EQ(kpi::pace_status(75, 100, false, 0.25), result(0.0));
    EXPECT_EQ(kpi::pace_status(74, 100, false, 0.25), result(-1.0));
    // lower is better: 100 / 80 = 1.25 ahead; 100 / 125 = 0.8 on pace; 100 / 140 = 0.71 behind
    EXPECT_EQ(kpi::pace_status(80, 100, true, 0.25), result(1.0));
    EXPECT_EQ(kpi::pace_status(125, 100, true, 0.25), result(0.0));
    EXPECT_EQ(kpi::pace_status(140, 100, true, 0.25), result(-1.0));
    // tolerance 0: on target is ahead; tolerance 1: anything is at least on pace
    EXPECT_EQ(kpi::pace_status(100, 100, false, 0.0), result(1.0));
    EXPECT_EQ(kpi::pace_status(99, 100, false, 0.0), result(-1.0));
    EXPECT_EQ(kpi::pace_status(0, 100, false, 1.0), result(0.0));
    EXPECT_EQ(kpi::pace_status(200, 100, false, 1.0), result(1.0));
    EXPECT_EQ(kpi::pace_status(199, 100, false, 1.0), result(0.0));
}

TEST(Trend, PaceErrors) {
    EXPECT_EQ(kpi::pace_status(110, 0, false), result(errc::div_zero));
    EXPECT_EQ(kpi::pace_status(-1, 100, false), result(errc::out_of_domain));
    EXPECT_EQ(kpi::pace_status(100, -1, false), result(errc::out_of_domain));
    EXPECT_EQ(kpi::pace_status(100, -1, true), result(errc::out_of_domain));
    EXPECT_EQ(kpi::pace_status(100, 100, false, -0.01), result(errc::out_of_domain));
    EXPECT_EQ(kpi::pace_status(100, 100, false, 1.01), result(errc::out_of_domain));
    EXPECT_EQ(kpi::pace_status(100, 100, false, std::numeric_limits<double>::quiet_NaN()),
              result(errc::out_of_domain));
    EXPECT_EQ(kpi::pace_status(std::numeric_limits<double>::infinity(), 100, false),
              result(errc::out_of_domain));
    // an attainment that overflows: 1e308 / 1e-300
    EXPECT_EQ(kpi::pace_status(1e308, 1e-300, false), result(errc::out_of_domain));
}
