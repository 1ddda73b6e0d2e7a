#include "kpi/statistics.hpp"

#include "checks.hpp"

#include <boost/math/distributions/normal.hpp>

#include <cmath>

namespace kpi {

using detail::is_amount;

result compound_monthly_growth(cell_list values) noexcept {
    std::size_t first_at = 0, last_at = 0, count = 0;
    double first = 0, last = 0;
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (!values[i]) continue;
        const double v = *values[i];
        if (!is_amount(v)) return errc::out_of_domain;
        if (count++ == 0) {
            first = v;
            first_at = i;
        }
        last = v;
        last_at = i;
    }
    if (count < 2) return errc::not_available;
    if (first == 0.0) return errc::div_zero;
    const double periods = static_cast<double>(last_at - first_at);
    return finite_or_domain_error(std::pow(last / first, 1.0 / periods) - 1.0);
}

result ab_test_p_value(double conversions_a, double visitors_a, double conversions_b, double visitors_b) noexcept {
    if (!is_amount(conversions_a) || !is_amount(visitors_a) || !is_amount(conversions_b) || !is_amount(visitors_b))
        return errc::out_of_domain;
    if (visitors_a == 0.0 || visitors_b == 0.0) return errc::div_zero;
    if (conversions_a > visitors_a || conversions_b > visitors_b) return errc::out_of_domain;
    const double rate_a = conversions_a / visitors_a, rate_b = conversions_b / visitors_b;
    const double pooled = (conversions_a + conversions_b) / (visitors_a + visitors_b);
    const double se = std::sqrt(pooled * (1.0 - pooled) * (1.0 / visitors_a + 1.0 / visitors_b));
    if (!std::isfinite(se)) return errc::out_of_domain;
    if (se == 0.0) return 1.0; // both rates 0 % or both 100 %: no evidence of a difference
    const double z = std::fabs(rate_b - rate_a) / se;
    using no_throw = boost::math::policies::policy<boost::math::policies::domain_error<boost::math::policies::ignore_error>,
                                                   boost::math::policies::overflow_error<boost::math::policies::ignore_error>>;
    const boost::math::normal_distribution<double, no_throw> standard_normal;
    return finite_or_domain_error(2.0 * boost::math::cdf(boost::math::complement(standard_normal, z)));
}

} // namespace kpi
