// The ratio metrics: pure functions on numbers, one per catalog entry.
// Rates and shares are fractions (0.05 means 5 %). Definitions and sources: docs/functions.md.
// Common rules: counts, spend and revenue are >= 0 (else out_of_domain); a zero denominator is
// div_zero; a part larger than its whole (shares) is out_of_domain; an overflow is out_of_domain.
#pragma once

#include "kpi/cells.hpp"
#include "kpi/result.hpp"

namespace kpi {

// Strategic
result revenue_growth(double current, double previous) noexcept;              // (current - previous) / previous
result market_share(double own_sales, double market_sales) noexcept;          // own / market (part of whole)
result relative_market_share(double own_sales, double largest_competitor_sales) noexcept; // own / largest rival
result marketing_revenue_share(double marketing_revenue, double total_revenue) noexcept;  // part of whole
// (revenue x gross_margin - spend) / spend
result return_on_marketing_investment(double revenue, double spend, double gross_margin = 1.0) noexcept;
result return_on_ad_spend(double revenue, double ad_spend) noexcept;          // revenue / ad spend
result profit_margin(double revenue, double cost) noexcept;                   // (revenue - cost) / revenue

// Acquisition and cost
result cost_per_lead(double spend, double leads) noexcept;                   // spend / leads
result cost_per_acquisition(double spend, double conversions) noexcept;      // spend / conversions
result customer_acquisition_cost(double cost, double new_customers) noexcept; // cost / new customers
result cost_per_click(double spend, double clicks) noexcept;                 // spend / clicks
result cost_per_mille(double spend, double impressions) noexcept;            // spend / impressions x 1000
result click_through_rate(double clicks, double impressions) noexcept;       // clicks / impressions
result conversion_rate(double conversions, double visitors) noexcept;        // conversions / visitors
result mql_rate(double mqls, double leads) noexcept;                         // mqls / leads
result sql_rate(double sqls, double mqls) noexcept;                          // sqls / mqls
result win_rate(double customers, double sqls) noexcept;                     // customers / sqls
result lead_to_customer_rate(double customers, double leads) noexcept;       // customers / leads
result cost_per_mql(double spend, double mqls) noexcept;                     // spend / mqls
result cost_per_sql(double spend, double sqls) noexcept;                     // spend / sqls

// Digital and SEO
result engagement_rate(double engaged_sessions, double sessions) noexcept;   // engaged / sessions (part of whole)
result bounce_rate_ga4(double engaged_sessions, double sessions) noexcept;   // 1 - engaged / sessions
result bounce_rate_ua(double single_page_sessions, double sessions) noexcept; // single-page / sessions
result average_engagement_time(double engagement_seconds, double active_users) noexcept;
result average_session_duration(double session_seconds, double sessions) noexcept;
result pages_per_session(double views, double sessions) noexcept;
result organic_share(double organic_sessions, double sessions) noexcept;     // part of whole
// Share of the non-blank positions that are <= n. Positions are >= 1 and n >= 1 (else out_of_domain);
// no position at all is not_available.
result top_n_share(cell_list positions, double n = 10.0) noexcept;

} // namespace kpi
