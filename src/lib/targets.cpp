#include "kpi/targets.hpp"

#include <algorithm>
#include <cmath>

namespace kpi {
namespace {
bool all_finite(std::initializer_list<double> values) noexcept {
    return std::all_of(values.begin(), values.end(), [](double v) { return std::isfinite(v); });
}
result quotient(double numerator, double denominator) noexcept {
    if (denominator == 0.0) return errc::div_zero;
    return finite_or_domain_error(numerator / denominator);
}
} // namespace

result variance_to_target(double actual, double target) noexcept {
    if (!all_finite({actual, target})) return errc::out_of_domain;
    return quotient(actual - target, target);
}

result attainment(double actual, double target, std::optional<double> baseline, bool lower_is_better) noexcept {
    if (!all_finite({actual, target, baseline.value_or(0.0)})) return errc::out_of_domain;
    if (!baseline) return lower_is_better ? quotient(target, actual) : quotient(actual, target);
    const double b = *baseline;
    return lower_is_better ? quotient(b - actual, b - target) : quotient(actual - b, target - b);
}

result status(double actual, double target, bool lower_is_better, double amber) noexcept {
    if (!std::isfinite(amber) || amber < 0.0 || amber > 1.0) return errc::out_of_domain;
    const result a = attainment(actual, target, std::nullopt, lower_is_better);
    if (!a) return a;
    return a.value() >= 1.0 ? 1.0 : a.value() >= amber ? 0.0 : -1.0;
}

std::string_view status_word(double status_value, std::string_view language) noexcept {
    const bool vi = language.substr(0, 2) == "vi";
    if (status_value > 0) return vi ? "Đạt" : "On track";
    if (status_value == 0) return vi ? "Có rủi ro" : "At risk";
    return vi ? "Không đạt" : "Off track";
}

result pace(double actual, double target, double start_date, double end_date, double as_of, double baseline) noexcept {
    if (!all_finite({actual, target, start_date, end_date, as_of, baseline})) return errc::out_of_domain;
    const double total = end_date - start_date;
    if (total <= 0.0) return errc::out_of_domain;
    const double elapsed = std::min(as_of, end_date) - start_date;
    if (elapsed <= 0.0) return errc::div_zero;
    const double projected = baseline + (actual - baseline) * (total / elapsed);
    return quotient(projected, target);
}

} // namespace kpi
