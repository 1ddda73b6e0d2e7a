#include <kpi/targets.hpp>

#include <gtest/gtest.h>

#include <limits>

using kpi::errc;
using kpi::result;

TEST(Targets, VarianceToTarget) {
    EXPECT_NEAR(kpi::variance_to_target(110, 100).value(), 0.1, 1e-15);
    EXPECT_NEAR(kpi::variance_to_target(80, 100).value(), -0.2, 1e-15);
    EXPECT_EQ(kpi::variance_to_target(80, 0), result(errc::div_zero));
    EXPECT_DOUBLE_EQ(kpi::variance_to_target(-50, -100).value(), -0.5);
}

TEST(Targets, AttainmentHigherIsBetter) {
    EXPECT_DOUBLE_EQ(kpi::attainment(80, 100).value(), 0.8);
    EXPECT_DOUBLE_EQ(kpi::attainment(90, 100, 50.0).value(), 0.8);
    EXPECT_EQ(kpi::attainment(80, 0), result(errc::div_zero));
    EXPECT_EQ(kpi::attainment(80, 50, 50.0), result(errc::div_zero));
}

TEST(Targets, AttainmentLowerIsBetter) {
    EXPECT_DOUBLE_EQ(kpi::attainment(125, 100, std::nullopt, true).value(), 0.8); // a cost above target
    EXPECT_DOUBLE_EQ(kpi::attainment(80, 100, std::nullopt, true).value(), 1.25);
    EXPECT_DOUBLE_EQ(kpi::attainment(45, 30, 50.0, true).value(), 0.25); // churn 50 % -> 45 %, target 30 %
    EXPECT_EQ(kpi::attainment(0, 100, std::nullopt, true), result(errc::div_zero));
    EXPECT_EQ(kpi::attainment(45, 50, 50.0, true), result(errc::div_zero));
}

TEST(Targets, StatusThresholds) {
    EXPECT_EQ(kpi::status(100, 100), result(1.0));
    EXPECT_EQ(kpi::status(95, 100), result(0.0));
    EXPECT_EQ(kpi::status(90, 100), result(0.0));
    EXPECT_EQ(kpi::status(89, 100), result(-1.0));
    EXPECT_EQ(kpi::status(89, 100, false, 0.8), result(0.0));
    EXPECT_EQ(kpi::status(105, 100, true), result(0.0)); // lower is better: 100/105 = 0.95
    EXPECT_EQ(kpi::status(95, 100, true), result(1.0));
    EXPECT_EQ(kpi::status(95, 100, false, 1.5), result(errc::out_of_domain));
    EXPECT_EQ(kpi::status(95, 0), result(errc::div_zero));
}

TEST(Targets, StatusWordsInBothLanguages) {
    EXPECT_EQ(kpi::status_word(1, "en"), "On track");
    EXPECT_EQ(kpi::status_word(0, "en-US"), "At risk");
    EXPECT_EQ(kpi::status_word(-1, "fr"), "Off track");
    EXPECT_EQ(kpi::status_word(1, "vi"), "Đạt");
    EXPECT_EQ(kpi::status_word(0, "vi-VN"), "Có rủi ro");
    EXPECT_EQ(kpi::status_word(-1, "vi"), "Không đạt");
}

TEST(Targets, PaceProjectsTheRunRate) {
    // 30-day period, half elapsed, 40 of 100 done: on pace for 80
    EXPECT_DOUBLE_EQ(kpi::pace(40, 100, 0, 30, 15).value(), 0.8);
    EXPECT_DOUBLE_EQ(kpi::pace(40, 100, 0, 30, 45).value(), 0.4); // after the end: the actual counts
    EXPECT_DOUBLE_EQ(kpi::pace(60, 100, 0, 30, 15, 20).value(), 1.0); // from a baseline of 20: 20 + 40 x 2
    EXPECT_EQ(kpi::pace(40, 100, 0, 30, 0), result(errc::div_zero));
    EXPECT_EQ(kpi::pace(40, 100, 30, 0, 15), result(errc::out_of_domain));
    EXPECT_EQ(kpi::pace(40, 0, 0, 30, 15), result(errc::div_zero));
    EXPECT_EQ(kpi::pace(std::numeric_limits<double>::infinity(), 100, 0, 30, 15), result(errc::out_of_domain));
}
