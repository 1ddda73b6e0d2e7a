// Input checks shared by the metric implementations (internal to src/lib).
#pragma once

#include "kpi/result.hpp"

#include <cmath>

namespace kpi::detail {

// Non-negative finite amount (a count, a spend, a revenue).
constexpr bool is_amount(double v) noexcept { return std::isfinite(v) && v >= 0.0; }
constexpr bool is_fraction(double v) noexcept { return std::isfinite(v) && v >= 0.0 && v <= 1.0; }
inline bool is_whole(double v) noexcept { return std::isfinite(v) && std::floor(v) == v; }

// numerator / denominator for two non-negative amounts.
inline result amount_ratio(double numerator, double denominator) noexcept {
    if (!is_amount(numerator) || !is_amount(denominator)) return errc::out_of_domain;
    if (denominator == 0.0) return errc::div_zero;
    return finite_or_domain_error(numerator / denominator);
}

// A part of a whole: 0 <= part <= whole.
inline result share(double part, double whole) noexcept {
    const result r = amount_ratio(part, whole);
    if (r && r.value() > 1.0) return errc::out_of_domain;
    return r;
}

} // namespace kpi::detail
