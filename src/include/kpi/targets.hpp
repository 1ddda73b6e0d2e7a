// Targets and status: how far an actual value is from its target. Definitions: docs/functions.md.
#pragma once

#include "kpi/result.hpp"

#include <optional>
#include <string_view>

namespace kpi {

result variance_to_target(double actual, double target) noexcept; // (actual - target) / target

// Higher is better: actual / target, or (actual - b) / (target - b) with a baseline b.
// Lower is better: target / actual, or (b - actual) / (b - target).
result attainment(double actual, double target, std::optional<double> baseline = std::nullopt,
                  bool lower_is_better = false) noexcept;

// 1 (on track) when attainment >= 1, 0 (at risk) when >= amber, else -1 (off track).
// amber must lie within 0..1.
result status(double actual, double target, bool lower_is_better = false, double amber = 0.9) noexcept;

// The words for a status value (1, 0, -1) in a UI language ("en", "vi", ...; others fall back to English).
std::string_view status_word(double status_value, std::string_view language) noexcept;

// Projected value at end_date at the straight-line run rate since start_date, divided by target:
// (baseline + (actual - baseline) x (end - start) / (as_of - start)) / target.
// Dates are serial day numbers. end must be after start (else out_of_domain); as_of on or before start
// has no run rate yet (div_zero); an as_of after end counts as end.
result pace(double actual, double target, double start_date, double end_date, double as_of,
            double baseline = 0.0) noexcept;

} // namespace kpi
