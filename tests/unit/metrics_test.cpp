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

TEST(Metrics, StrategicRatios) {
    EXPECT_DOUBLE_EQ(kpi::market_share(250, 1000).value(), 0.25);
    EXPECT_EQ(kpi::market_share(1001, 1000), result(errc::out_of_domain)); // a part beyond its whole
    EXPECT_EQ(kpi::market_share(1, 0), result(errc::div_zero));
    EXPECT_DOUBLE_EQ(kpi::relative_market_share(600, 300).value(), 2.0); // leaders exceed 1
    EXPECT_DOUBLE_EQ(kpi::marketing_revenue_share(300, 1200).value(), 0.25);
    EXPECT_EQ(kpi::marketing_revenue_share(1300, 1200), result(errc::out_of_domain));
    EXPECT_DOUBLE_EQ(kpi::return_on_ad_spend(500, 100).value(), 5.0);
    EXPECT_EQ(kpi::return_on_ad_spend(500, 0), result(errc::div_zero));
    EXPECT_DOUBLE_EQ(kpi::profit_margin(1000, 750).value(), 0.25);
    EXPECT_DOUBLE_EQ(kpi::profit_margin(1000, 1500).value(), -0.5); // a loss
    EXPECT_EQ(kpi::profit_margin(0, 10), result(errc::div_zero));
    EXPECT_EQ(kpi::profit_margin(100, -10), result(errc::out_of_domain));
}

TEST(Metrics, AcquisitionCostsAndFunnelRates) {
    EXPECT_DOUBLE_EQ(kpi::cost_per_acquisition(1000, 40).value(), 25.0);
    EXPECT_DOUBLE_EQ(kpi::cost_per_click(150, 300).value(), 0.5);
    EXPECT_DOUBLE_EQ(kpi::cost_per_mille(250, 100000).value(), 2.5);
    EXPECT_EQ(kpi::cost_per_mille(1e308, 1), result(errc::out_of_domain)); // x 1000 overflows
    EXPECT_DOUBLE_EQ(kpi::mql_rate(40, 200).value(), 0.2);
    EXPECT_DOUBLE_EQ(kpi::sql_rate(10, 40).value(), 0.25);
    EXPECT_DOUBLE_EQ(kpi::win_rate(3, 10).value(), 0.3);
    EXPECT_DOUBLE_EQ(kpi::lead_to_customer_rate(3, 200).value(), 0.015);
    EXPECT_DOUBLE_EQ(kpi::cost_per_mql(2000, 40).value(), 50.0);
    EXPECT_DOUBLE_EQ(kpi::cost_per_sql(2000, 10).value(), 200.0);
    for (auto f : {kpi::cost_per_acquisition, kpi::cost_per_click, kpi::cost_per_mille, kpi::mql_rate, kpi::sql_rate,
                   kpi::win_rate, kpi::lead_to_customer_rate, kpi::cost_per_mql, kpi::cost_per_sql}) {
        EXPECT_EQ(f(1, 0), result(errc::div_zero));
        EXPECT_EQ(f(-1, 1), result(errc::out_of_domain));
        EXPECT_EQ(f(1, -1), result(errc::out_of_domain));
        EXPECT_EQ(f(inf, 1), result(errc::out_of_domain));
    }
}

TEST(Metrics, DigitalRates) {
    EXPECT_DOUBLE_EQ(kpi::engagement_rate(650, 1000).value(), 0.65);
    EXPECT_DOUBLE_EQ(kpi::bounce_rate_ga4(650, 1000).value(), 0.35);
    EXPECT_DOUBLE_EQ(kpi::bounce_rate_ga4(0, 1000).value(), 1.0);
    EXPECT_EQ(kpi::bounce_rate_ga4(1001, 1000), result(errc::out_of_domain));
    EXPECT_EQ(kpi::bounce_rate_ga4(1, 0), result(errc::div_zero));
    EXPECT_DOUBLE_EQ(kpi::bounce_rate_ua(420, 1000).value(), 0.42);
    EXPECT_DOUBLE_EQ(kpi::average_engagement_time(90000, 1500).value(), 60.0);
    EXPECT_DOUBLE_EQ(kpi::average_session_duration(180000, 1200).value(), 150.0);
    EXPECT_DOUBLE_EQ(kpi::pages_per_session(3600, 1200).value(), 3.0);
    EXPECT_DOUBLE_EQ(kpi::organic_share(480, 1200).value(), 0.4);
    EXPECT_EQ(kpi::organic_share(1300, 1200), result(errc::out_of_domain));
}

TEST(Metrics, TopNShareOfPositions) {
    const kpi::cell positions[] = {3.0, 8.0, std::nullopt, 12.0, 25.0, 10.0};
    EXPECT_DOUBLE_EQ(kpi::top_n_share(positions).value(), 0.6); // blanks ignored, 10 counts as top 10
    EXPECT_DOUBLE_EQ(kpi::top_n_share(positions, 3).value(), 0.2);
    EXPECT_DOUBLE_EQ(kpi::top_n_share(positions, 2.5).value(), 0.0);
    const kpi::cell fractional[] = {1.4, 10.6};
    EXPECT_DOUBLE_EQ(kpi::top_n_share(fractional).value(), 0.5); // Search Console averages are fractional
    const kpi::cell blanks[] = {std::nullopt, std::nullopt};
    EXPECT_EQ(kpi::top_n_share(blanks), result(errc::not_available));
    EXPECT_EQ(kpi::top_n_share({}), result(errc::not_available));
    const kpi::cell zero[] = {0.0};
    EXPECT_EQ(kpi::top_n_share(zero), result(errc::out_of_domain));
    EXPECT_EQ(kpi::top_n_share(positions, 0), result(errc::out_of_domain));
    EXPECT_EQ(kpi::top_n_share(positions, not_a_number), result(errc::out_of_domain));
}
