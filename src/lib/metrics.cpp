#include "kpi/metrics.hpp"

#include <cmath>

namespace kpi {
namespace {

// Non-negative finite amount (a count, a spend, a revenue).
constexpr bool is_amount(double v) noexcept { return std::isfinite(v) && v >= 0.0; }
constexpr bool is_fraction(double v) noexcept { return std::isfinite(v) && v >= 0.0 && v <= 1.0; }

// numerator / denominator for two non-negative amounts.
result amount_ratio(double numerator, double denominator) noexcept {
    if (!is_amount(numerator) || !is_amount(denominator)) return errc::out_of_domain;
    if (denominator == 0.0) return errc::div_zero;
    return finite_or_domain_error(numerator / denominator);
}

} // namespace

result cost_per_lead(double spend, double leads) noexcept { return amount_ratio(spend, leads); }

result customer_acquisition_cost(double cost, double new_customers) noexcept {
    return amount_ratio(cost, new_customers);
}

result click_through_rate(double clicks, double impressions) noexcept {
    return amount_ratio(clicks, impressions);
}

result conversion_rate(double conversions, double visitors) noexcept {
    return amount_ratio(conversions, visitors);
}

result return_on_marketing_investment(double revenue, double spend, double gross_margin) noexcept {
    if (!is_amount(revenue) || !is_amount(spend) || !is_fraction(gross_margin)) return errc::out_of_domain;
    if (spend == 0.0) return errc::div_zero;
    return finite_or_domain_error((revenue * gross_margin - spend) / spend);
}

result revenue_growth(double current, double previous) noexcept {
    if (!is_amount(current) || !is_amount(previous)) return errc::out_of_domain;
    if (previous == 0.0) return errc::div_zero;
    return finite_or_domain_error((current - previous) / previous);
}

} // namespace kpi
