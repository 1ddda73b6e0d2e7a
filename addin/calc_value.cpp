#include "calc_value.hpp"

#include <bit>
#include <cmath>

namespace kpi::uno_glue {

double error_value(calc_error code) noexcept {
    constexpr std::uint64_t quiet_nan = 0x7ff8000000000000ULL;
    return std::bit_cast<double>(quiet_nan | static_cast<std::uint64_t>(code));
}

namespace {
calc_error error_for(kpi::errc e) noexcept {
    switch (e) {
    case kpi::errc::div_zero: return calc_error::division_by_zero;
    case kpi::errc::out_of_domain: return calc_error::illegal_fp_operation;
    case kpi::errc::bad_value: return calc_error::no_value;
    case kpi::errc::not_available: return calc_error::not_available;
    }
    return calc_error::no_value;
}
} // namespace

double to_cell(kpi::result r) noexcept {
    if (!r.ok()) return error_value(error_for(r.error()));
    if (!std::isfinite(r.value())) return error_value(calc_error::illegal_fp_operation);
    return r.value();
}

std::optional<double> optional_number(const css::uno::Any& argument, double fallback) noexcept {
    if (!argument.hasValue()) return fallback;
    double number = 0.0;
    if (argument >>= number) return number;
    bool flag = false;
    if (argument >>= flag) return flag ? 1.0 : 0.0;
    return std::nullopt;
}

} // namespace kpi::uno_glue
