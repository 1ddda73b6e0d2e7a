#include "kpi/metrics.hpp"

#include "checks.hpp"

#include <cmath>

namespace kpi {

using detail::amount_ratio;
using detail::is_amount;
using detail::is_fraction;
using detail::share;

// ---- strategic ----
result revenue_growth(double current, double previous) noexcept {
    if (!is_amount(current) || !is_amount(previous)) return errc::out_of_domain;
    if (previous == 0.0) return errc::div_zero;
    return finite_or_domain_error((current - previous) / previous);
}
result market_share(double own_sales, double market_sales) noexcept { return share(own_sales, market_sales); }
result relative_market_share(double own_sales, double largest_competitor_sales) noexcept {
    return amount_ratio(own_sales, largest_competitor_sales);
}
result marketing_revenue_share(double marketing_revenue, double total_revenue) noexcept {
    return share(marketing_revenue, total_revenue);
}
result return_on_marketing_investment(double revenue, double spend, double gross_margin) noexcept {
    if (!is_amount(revenue) || !is_amount(spend) || !is_fraction(gross_margin)) return errc::out_of_domain;
    if (spend == 0.0) return errc::div_zero;
    return finite_or_domain_error((revenue * gross_margin - spend) / spend);
}
result return_on_ad_spend(double revenue, double ad_spend) noexcept { return amount_ratio(revenue, ad_spend); }
result profit_margin(double revenue, double cost) noexcept {
    if (!is_amount(revenue) || !is_amount(cost)) return errc::out_of_domain;
    if (revenue == 0.0) return errc::div_zero;
    return finite_or_domain_error((revenue - cost) / revenue);
}

// ---- acquisition and cost ----
result cost_per_lead(double spend, double leads) noexcept { return amount_ratio(spend, leads); }
result cost_per_acquisition(double spend, double conversions) noexcept { return amount_ratio(spend, conversions); }
result customer_acquisition_cost(double cost, double new_customers) noexcept {
    return amount_ratio(cost, new_customers);
}
result cost_per_click(double spend, double clicks) noexcept { return amount_ratio(spend, clicks); }
result cost_per_mille(double spend, double impressions) noexcept {
    const result r = amount_ratio(spend, impressions);
    return r ? finite_or_domain_error(r.value() * 1000.0) : r;
}
result click_through_rate(double clicks, double impressions) noexcept { return amount_ratio(clicks, impressions); }
result conversion_rate(double conversions, double visitors) noexcept { return amount_ratio(conversions, visitors); }
result mql_rate(double mqls, double leads) noexcept { return amount_ratio(mqls, leads); }
result sql_rate(double sqls, double mqls) noexcept { return amount_ratio(sqls, mqls); }
result win_rate(double customers, double sqls) noexcept { return amount_ratio(customers, sqls); }
result lead_to_customer_rate(double customers, double leads) noexcept { return amount_ratio(customers, leads); }
result cost_per_mql(double spend, double mqls) noexcept { return amount_ratio(spend, mqls); }
result cost_per_sql(double spend, double sqls) noexcept { return amount_ratio(spend, sqls); }

// ---- digital and SEO ----
result engagement_rate(double engaged_sessions, double sessions) noexcept { return share(engaged_sessions, sessions); }
result bounce_rate_ga4(double engaged_sessions, double sessions) noexcept {
    const result r = share(engaged_sessions, sessions);
    return r ? result(1.0 - r.value()) : r;
}
result bounce_rate_ua(double single_page_sessions, double sessions) noexcept {
    return share(single_page_sessions, sessions);
}
result average_engagement_time(double engagement_seconds, double active_users) noexcept {
    return amount_ratio(engagement_seconds, active_users);
}
result average_session_duration(double session_seconds, double sessions) noexcept {
    return amount_ratio(session_seconds, sessions);
}
result pages_per_session(double views, double sessions) noexcept { return amount_ratio(views, sessions); }
result organic_share(double organic_sessions, double sessions) noexcept { return share(organic_sessions, sessions); }

result top_n_share(cell_list positions, double n) noexcept {
    if (!std::isfinite(n) || n < 1.0) return errc::out_of_domain;
    double total = 0, within = 0;
    for (const cell& c : positions) {
        if (!c) continue;
        if (!std::isfinite(*c) || *c < 1.0) return errc::out_of_domain;
        total += 1;
        if (*c <= n) within += 1;
    }
    if (total == 0) return errc::not_available;
    return within / total;
}

} // namespace kpi
