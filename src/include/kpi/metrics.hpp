// The marketing metrics: pure functions on numbers, one per catalog entry.
// Rates and shares are fractions (0.05 means 5 %). Definitions and sources: docs/functions.md.
#pragma once

#include "kpi/result.hpp"

namespace kpi {

// Acquisition and cost
result cost_per_lead(double spend, double leads) noexcept;                   // spend / leads
result customer_acquisition_cost(double cost, double new_customers) noexcept; // cost / new customers
result click_through_rate(double clicks, double impressions) noexcept;       // clicks / impressions
result conversion_rate(double conversions, double visitors) noexcept;        // conversions / visitors

// Strategic
// (revenue x gross_margin - spend) / spend
result return_on_marketing_investment(double revenue, double spend, double gross_margin = 1.0) noexcept;
// (current - previous) / previous
result revenue_growth(double current, double previous) noexcept;

} // namespace kpi
