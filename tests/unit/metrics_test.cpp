#include <kpi/metrics.hpp>

#include <gtest/gtest.h>

#include <limits>

using kpi::errc;
using kpi::result;

namespace {
constexpr double inf = std::numeric_limits<double>::infinity();
constexpr double not_a_number = std::numeric_limits<double>::quiet_NaN();
} // namespace

TEST(Metrics, CostPerLeadDividesSpendByLeads) {
    EXPECT_EQ(kpi::cost_per_lead(100, 4), result(25.0));
    EXPECT_EQ(kpi::cost_per_lead(0, 4), result(0.0));
    EXPECT_EQ(kpi::cost_per_lead(100, 0), result(errc::div_zero));
    EXPECT_EQ(kpi::cost_per_lead(-1, 4), result(errc::out_of_domain));
    EXPECT_EQ(kpi::cost_per_lead(100, -4), result(errc::out_of_domain));
    EXPECT_EQ(kpi::cost_per_lead(not_a_number, 4), result(errc::out_of_domain));
    EXPECT_EQ(kpi::cost_per_lead(inf, 4), result(errc::out_of_domain));
}

TEST(Metrics, RatiosOfCounts) {
    EXPECT_DOUBLE_EQ(kpi::click_through_rate(250, 10000).value(), 0.025);
    EXPECT_DOUBLE_EQ(kpi::conversion_rate(30, 1200).value(), 0.025);
    EXPECT_DOUBLE_EQ(kpi::customer_acquisition_cost(50'000'000, 40).value(), 1'250'000);
    EXPECT_EQ(kpi::click_through_rate(1, 0), result(errc::div_zero));
    EXPECT_EQ(kpi::conversion_rate(1, 0), result(errc::div_zero));
    EXPECT_EQ(kpi::customer_acquisition_cost(1, 0), result(errc::div_zero));
}

TEST(Metrics, HugeRatiosThatOverflowAreOutOfDomain) {
    EXPECT_EQ(kpi::cost_per_lead(1e308, 1e-10), result(errc::out_of_domain));
    EXPECT_EQ(kpi::cost_per_lead(1e308, 1), result(1e308));
}

TEST(Metrics, RomiWithAndWithoutMargin) {
    EXPECT_DOUBLE_EQ(kpi::return_on_marketing_investment(300, 100).value(), 2.0);
    EXPECT_DOUBLE_EQ(kpi::return_on_marketing_investment(300'000'000, 60'000'000, 0.4).value(), 1.0);
    EXPECT_DOUBLE_EQ(kpi::return_on_marketing_investment(50, 100).value(), -0.5);
    EXPECT_EQ(kpi::return_on_marketing_investment(300, 0), result(errc::div_zero));
    EXPECT_EQ(kpi::return_on_marketing_investment(300, 100, 1.5), result(errc::out_of_domain));
    EXPECT_EQ(kpi::return_on_marketing_investment(300, 100, -0.1), result(errc::out_of_domain));
    EXPECT_EQ(kpi::return_on_marketing_investment(-300, 100), result(errc::out_of_domain));
}

TEST(Metrics, RevenueGrowth) {
    EXPECT_DOUBLE_EQ(kpi::revenue_growth(1150, 1000).value(), 0.15);
    EXPECT_DOUBLE_EQ(kpi::revenue_growth(800, 1000).value(), -0.2);
    EXPECT_EQ(kpi::revenue_growth(100, 0), result(errc::div_zero));
    EXPECT_EQ(kpi::revenue_growth(-1, 10), result(errc::out_of_domain));
}
