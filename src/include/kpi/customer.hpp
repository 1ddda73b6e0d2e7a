// Customer value and relationship metrics. Definitions and sources: docs/functions.md.
#pragma once

#include "kpi/cells.hpp"
#include "kpi/result.hpp"

namespace kpi {

// (end - new) / start; the retained customers must lie within 0..start.
result retention_rate(double start_customers, double end_customers, double new_customers) noexcept;
result churn_rate(double start_customers, double lost_customers) noexcept;   // lost / start (part of whole)
result repeat_rate(double repeat_customers, double customers) noexcept;     // repeat / customers (part of whole)
// avg_order_value x orders_per_year x years x gross_margin (simple, undiscounted CLV)
result customer_lifetime_value(double avg_order_value, double orders_per_year, double years,
                               double gross_margin = 1.0) noexcept;
// m r / (1 + d - r): infinite-horizon CLV with constant margin, retention and discount rate
result discounted_lifetime_value(double margin_per_period, double retention_rate, double discount_rate) noexcept;
result ltv_to_cac(double ltv, double cac) noexcept;                          // ltv / cac
// cac / (monthly revenue per customer x gross margin), in months
result cac_payback_months(double cac, double monthly_revenue_per_customer, double gross_margin = 1.0) noexcept;
// Net Promoter Score: % of 9-10 minus % of 0-6 (-100..100). Blanks are ignored; a score outside 0..10
// or not whole is out_of_domain; no score at all is not_available.
result net_promoter_score(cell_list scores) noexcept;
// Top-2-box CSAT: share of scores >= scale_max - 1. scale_max >= 2 and whole; scores whole in 0..scale_max.
result customer_satisfaction(cell_list scores, double scale_max = 5.0) noexcept;

} // namespace kpi
