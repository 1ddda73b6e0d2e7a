#include <kpi/customer.hpp>

#include <gtest/gtest.h>

#include <limits>
#include <vector>

using kpi::errc;
using kpi::result;

namespace {
constexpr double inf = std::numeric_limits<double>::infinity();
std::vector<kpi::cell> scores(std::initializer_list<double> values) {
    return std::vector<kpi::cell>(values.begin(), values.end());
}
} // namespace

TEST(Customer, RetentionExcludesNewCustomers) {
    EXPECT_DOUBLE_EQ(kpi::retention_rate(200, 210, 30).value(), 0.9);
    EXPECT_DOUBLE_EQ(kpi::retention_rate(200, 30, 30).value(), 0.0);
    EXPECT_EQ(kpi::retention_rate(0, 10, 5), result(errc::div_zero));
    EXPECT_EQ(kpi::retention_rate(200, 20, 30), result(errc::out_of_domain));  // more new than at the end
    EXPECT_EQ(kpi::retention_rate(200, 300, 30), result(errc::out_of_domain)); // retained more than started
    EXPECT_EQ(kpi::retention_rate(-200, 210, 30), result(errc::out_of_domain));
}

TEST(Customer, ChurnAndRepeat) {
    EXPECT_DOUBLE_EQ(kpi::churn_rate(200, 20).value(), 0.1);
    EXPECT_EQ(kpi::churn_rate(200, 201), result(errc::out_of_domain));
    EXPECT_EQ(kpi::churn_rate(0, 0), result(errc::div_zero));
    EXPECT_DOUBLE_EQ(kpi::repeat_rate(120, 400).value(), 0.3);
    EXPECT_EQ(kpi::repeat_rate(-1, 400), result(errc::out_of_domain));
}

TEST(Customer, SimpleLifetimeValueIsTheProduct) {
    EXPECT_DOUBLE_EQ(kpi::customer_lifetime_value(50, 4, 3).value(), 600.0);
    EXPECT_DOUBLE_EQ(kpi::customer_lifetime_value(50, 4, 3, 0.4).value(), 240.0);
    EXPECT_EQ(kpi::customer_lifetime_value(50, 4, 3, 1.2), result(errc::out_of_domain));
    EXPECT_EQ(kpi::customer_lifetime_value(1e308, 10, 3), result(errc::out_of_domain));
    EXPECT_EQ(kpi::customer_lifetime_value(-50, 4, 3), result(errc::out_of_domain));
}

TEST(Customer, DiscountedLifetimeValueGuptaLehmann) {
    EXPECT_NEAR(kpi::discounted_lifetime_value(90, 0.8, 0.1).value(), 240.0, 1e-9);
    EXPECT_NEAR(kpi::discounted_lifetime_value(100, 0.9, 0.1).value(), 450.0, 1e-9);
    EXPECT_DOUBLE_EQ(kpi::discounted_lifetime_value(100, 0, 0.1).value(), 0.0);
    EXPECT_EQ(kpi::discounted_lifetime_value(100, 1, 0), result(errc::div_zero)); // forever, undiscounted
    EXPECT_EQ(kpi::discounted_lifetime_value(100, 1.1, 0.1), result(errc::out_of_domain));
    EXPECT_EQ(kpi::discounted_lifetime_value(100, 0.8, -0.1), result(errc::out_of_domain));
}

TEST(Customer, LtvToCacAndPayback) {
    EXPECT_DOUBLE_EQ(kpi::ltv_to_cac(3600, 1200).value(), 3.0);
    EXPECT_EQ(kpi::ltv_to_cac(3600, 0), result(errc::div_zero));
    EXPECT_DOUBLE_EQ(kpi::cac_payback_months(1200, 200).value(), 6.0);
    EXPECT_DOUBLE_EQ(kpi::cac_payback_months(1200, 200, 0.5).value(), 12.0);
    EXPECT_EQ(kpi::cac_payback_months(1200, 200, 0), result(errc::div_zero));
    EXPECT_EQ(kpi::cac_payback_months(1200, 0), result(errc::div_zero));
    EXPECT_EQ(kpi::cac_payback_months(1200, 200, 2), result(errc::out_of_domain));
}

TEST(Customer, NetPromoterScore) {
    const auto s = scores({10, 9, 9, 8, 7, 6, 3, 10});
    EXPECT_DOUBLE_EQ(kpi::net_promoter_score(s).value(), 25.0);
    EXPECT_DOUBLE_EQ(kpi::net_promoter_score(scores({10, 10})).value(), 100.0);
    EXPECT_DOUBLE_EQ(kpi::net_promoter_score(scores({0, 6})).value(), -100.0);
    EXPECT_DOUBLE_EQ(kpi::net_promoter_score(scores({7, 8})).value(), 0.0);
    const kpi::cell with_blanks[] = {10.0, std::nullopt, 0.0, std::nullopt};
    EXPECT_DOUBLE_EQ(kpi::net_promoter_score(with_blanks).value(), 0.0);
    EXPECT_EQ(kpi::net_promoter_score(scores({11})), result(errc::out_of_domain));
    EXPECT_EQ(kpi::net_promoter_score(scores({-1})), result(errc::out_of_domain));
    EXPECT_EQ(kpi::net_promoter_score(scores({8.5})), result(errc::out_of_domain));
    EXPECT_EQ(kpi::net_promoter_score(scores({inf})), result(errc::out_of_domain));
    EXPECT_EQ(kpi::net_promoter_score({}), result(errc::not_available));
}

TEST(Customer, TopTwoBoxSatisfaction) {
    EXPECT_DOUBLE_EQ(kpi::customer_satisfaction(scores({5, 4, 4, 3, 2})).value(), 0.6);
    EXPECT_DOUBLE_EQ(kpi::customer_satisfaction(scores({7, 6, 5, 1}), 7).value(), 0.5);
    EXPECT_DOUBLE_EQ(kpi::customer_satisfaction(scores({10, 9, 8}), 10).value(), 2.0 / 3.0);
    EXPECT_EQ(kpi::customer_satisfaction(scores({6}), 5), result(errc::out_of_domain));
    EXPECT_EQ(kpi::customer_satisfaction(scores({4.5}), 5), result(errc::out_of_domain));
    EXPECT_EQ(kpi::customer_satisfaction(scores({1}), 1), result(errc::out_of_domain));
    EXPECT_EQ(kpi::customer_satisfaction(scores({1}), 4.5), result(errc::out_of_domain));
    EXPECT_EQ(kpi::customer_satisfaction({}), result(errc::not_available));
}
