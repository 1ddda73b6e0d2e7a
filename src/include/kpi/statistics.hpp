// Statistics on series and experiments. Definitions and sources: docs/functions.md.
#pragma once

#include "kpi/cells.hpp"
#include "kpi/result.hpp"

namespace kpi {

// Compound growth per period from the first to the last non-blank value:
// (last / first) ^ (1 / periods) - 1, periods = distance between their positions. Values >= 0;
// a first value of 0 is div_zero; fewer than two values is not_available.
result compound_monthly_growth(cell_list values) noexcept;

// Two-sided p-value of the pooled two-proportion z-test of conversion rates A and B.
// Counts >= 0 with conversions <= visitors; identical all-or-nothing rates give 1.
result ab_test_p_value(double conversions_a, double visitors_a, double conversions_b, double visitors_b) noexcept;

} // namespace kpi
