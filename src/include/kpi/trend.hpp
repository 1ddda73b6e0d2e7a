// KPIs over time: a KPI's values by period, its projection to the deadline and its pace.
// The cell functions KPI.PROJECTION and KPI.PACESTATUS, the Dashboard's Trends sheet and the
// report all compute through these, so the three show the same numbers.
#pragma once

#include "kpi/cells.hpp"
#include "kpi/result.hpp"

#include <cstddef>

namespace kpi {

// How a KPI adds up over time.
//  rate:       a ratio of the period's sums (CPL, CTR, ROAS, margins): the value at the deadline is the
//              value of the deadline's period, projected along the recent trend.
//  cumulative: a count or an amount summed over the plan (leads, followers, revenue): the value at the
//              deadline is the total so far plus the run rate times the periods left.
enum class projection_kind : unsigned char { rate, cumulative };

// How many of the most recent values with data the rate trend looks at, and how many it needs:
// with fewer, the projection is the latest value (two periods are no trend).
inline constexpr std::size_t trend_window = 6;
inline constexpr std::size_t trend_min_points = 3;

// The value expected at the deadline, `periods_ahead` periods after the last element of `values`
// (one element per period, in period order, blank = no data in that period; the last element is
// the period "as of" which the projection is made, with or without data).
//  rate: the least-squares line through the last up to trend_window values with data (x = position
//        in `values`), evaluated at (size - 1 + periods_ahead); fewer than trend_min_points values
//        with data: the latest of them; periods_ahead 0 and data in the last element: that element.
//        A line at or below 0 there has left the KPI's range: not_available (no projection).
//  cumulative: sum + (sum / positions from the first value with data to the end) x periods_ahead.
// Errors: no value with data, or a rate trend at or below 0 -> not_available; periods_ahead negative or not whole -> bad_value;
// a negative value -> out_of_domain.
[[nodiscard]] result project_to_deadline(cell_list values, double periods_ahead,
                                         projection_kind kind = projection_kind::rate) noexcept;

// Pace of a projection against the target: 1 ahead (projected attainment >= 1 + tolerance),
// 0 on pace (>= 1 - tolerance), -1 behind. Attainment as KPI.ATTAINMENT without a baseline:
// projection / target, or target / projection when lower is better (a projection of 0 when lower
// is better is ahead). Errors: target 0 -> div_zero (higher is better); negative inputs or a
// tolerance outside 0..1 -> out_of_domain.
inline constexpr double pace_tolerance = 0.05;
[[nodiscard]] result pace_status(double projection, double target, bool lower_is_better,
                                 double tolerance = pace_tolerance) noexcept;

} // namespace kpi
