#include <kpi/statistics.hpp>

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

using kpi::errc;
using kpi::result;

TEST(Statistics, CompoundGrowthPerPeriod) {
    const std::vector<kpi::cell> v{100.0, 110.0, 121.0};
    EXPECT_NEAR(kpi::compound_monthly_growth(v).value(), 0.1, 1e-12);
    // blanks at the ends are skipped; a blank inside still counts as a period
    const std::vector<kpi::cell> gaps{std::nullopt, 100.0, std::nullopt, 121.0, std::nullopt};
    EXPECT_NEAR(kpi::compound_monthly_growth(gaps).value(), 0.1, 1e-12);
    const std::vector<kpi::cell> decline{100.0, 0.0};
    EXPECT_DOUBLE_EQ(kpi::compound_monthly_growth(decline).value(), -1.0);
    const std::vector<kpi::cell> from_zero{0.0, 10.0};
    EXPECT_EQ(kpi::compound_monthly_growth(from_zero), result(errc::div_zero));
    const std::vector<kpi::cell> one{100.0};
    EXPECT_EQ(kpi::compound_monthly_growth(one), result(errc::not_available));
    const std::vector<kpi::cell> negative{100.0, -5.0};
    EXPECT_EQ(kpi::compound_monthly_growth(negative), result(errc::out_of_domain));
}

TEST(Statistics, AbTestPValueMatchesTheNormalLaw) {
    // pA = 4 %, pB = 5 %, n = 5000 each: z = 2.41192, p = erfc(z / sqrt 2)
    const double z = 0.01 / std::sqrt(0.045 * 0.955 * (2.0 / 5000));
    EXPECT_NEAR(kpi::ab_test_p_value(200, 5000, 250, 5000).value(), std::erfc(z / std::sqrt(2.0)), 1e-12);
    EXPECT_NEAR(kpi::ab_test_p_value(250, 5000, 200, 5000).value(), std::erfc(z / std::sqrt(2.0)), 1e-12);
    EXPECT_DOUBLE_EQ(kpi::ab_test_p_value(100, 1000, 100, 1000).value(), 1.0);
    EXPECT_DOUBLE_EQ(kpi::ab_test_p_value(0, 1000, 0, 1000).value(), 1.0);
    EXPECT_LT(kpi::ab_test_p_value(100, 1000, 300, 1000).value(), 1e-20);
    EXPECT_EQ(kpi::ab_test_p_value(10, 0, 10, 100), result(errc::div_zero));
    EXPECT_EQ(kpi::ab_test_p_value(101, 100, 10, 100), result(errc::out_of_domain));
    EXPECT_EQ(kpi::ab_test_p_value(-1, 100, 10, 100), result(errc::out_of_domain));
}
