#include "kpi/customer.hpp"

#include "checks.hpp"

#include <cmath>

namespace kpi {

using detail::amount_ratio;
using detail::is_amount;
using detail::is_fraction;
using detail::is_whole;
using detail::share;

result retention_rate(double start_customers, double end_customers, double new_customers) noexcept {
    if (!is_amount(start_customers) || !is_amount(end_customers) || !is_amount(new_customers))
        return errc::out_of_domain;
    if (start_customers == 0.0) return errc::div_zero;
    const double retained = end_customers - new_customers;
    if (retained < 0.0 || retained > start_customers) return errc::out_of_domain;
    return retained / start_customers;
}

result churn_rate(double start_customers, double lost_customers) noexcept {
    return share(lost_customers, start_customers);
}

result repeat_rate(double repeat_customers, double customers) noexcept { return share(repeat_customers, customers); }

result customer_lifetime_value(double avg_order_value, double orders_per_year, double years,
                               double gross_margin) noexcept {
    if (!is_amount(avg_order_value) || !is_amount(orders_per_year) || !is_amount(years) || !is_fraction(gross_margin))
        return errc::out_of_domain;
    return finite_or_domain_error(avg_order_value * orders_per_year * years * gross_margin);
}

result discounted_lifetime_value(double margin_per_period, double retention, double discount_rate) noexcept {
    if (!is_amount(margin_per_period) || !is_fraction(retention) || !is_amount(discount_rate))
        return errc::out_of_domain;
    const double denominator = 1.0 + discount_rate - retention;
    if (denominator == 0.0) return errc::div_zero;
    return finite_or_domain_error(margin_per_period * retention / denominator);
}

result ltv_to_cac(double ltv, double cac) noexcept { return amount_ratio(ltv, cac); }

result cac_payback_months(double cac, double monthly_revenue_per_customer, double gross_margin) noexcept {
    if (!is_amount(cac) || !is_amount(monthly_revenue_per_customer) || !is_fraction(gross_margin))
        return errc::out_of_domain;
    const double monthly_margin = monthly_revenue_per_customer * gross_margin;
    if (monthly_margin == 0.0) return errc::div_zero;
    return finite_or_domain_error(cac / monthly_margin);
}

result net_promoter_score(cell_list scores) noexcept {
    double total = 0, promoters = 0, detractors = 0;
    for (const cell& c : scores) {
        if (!c) continue;
        if (!is_whole(*c) || *c < 0.0 || *c > 10.0) return errc::out_of_domain;
        total += 1;
        if (*c >= 9.0) promoters += 1;
        else if (*c <= 6.0) detractors += 1;
    }
    if (total == 0) return errc::not_available;
    return 100.0 * (promoters - detractors) / total;
}

result customer_satisfaction(cell_list scores, double scale_max) noexcept {
    if (!is_whole(scale_max) || scale_max < 2.0) return errc::out_of_domain;
    double total = 0, satisfied = 0;
    for (const cell& c : scores) {
        if (!c) continue;
        if (!is_whole(*c) || *c < 0.0 || *c > scale_max) return errc::out_of_domain;
        total += 1;
        if (*c >= scale_max - 1.0) satisfied += 1;
    }
    if (total == 0) return errc::not_available;
    return satisfied / total;
}

} // namespace kpi
