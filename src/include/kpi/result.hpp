// Results of KPI computations: a value, or the reason there is none.
#pragma once

#include <cmath>
#include <string_view>

namespace kpi {

// Why a KPI could not be computed. Each maps to one spreadsheet error in the glue.
enum class errc {
    div_zero,      // a denominator is zero (e.g. CPL with 0 leads)        -> #DIV/0!
    out_of_domain, // negative count or spend, margin outside 0..1, ...     -> #NUM!
    bad_value,     // text or an unusable value where a number is expected -> #VALUE!
    not_available, // nothing to compute from (e.g. an empty range)         -> #N/A
};

std::string_view to_string(errc e) noexcept;

// A computed KPI value or an error. Kept trivially copyable: it sits on the per-cell path.
class result {
public:
    constexpr result(double value) noexcept : value_(value) {}
    constexpr result(errc error) noexcept : value_(0.0), error_(error), ok_(false) {}

    [[nodiscard]] constexpr bool ok() const noexcept { return ok_; }
    [[nodiscard]] constexpr double value() const noexcept { return value_; }
    [[nodiscard]] constexpr errc error() const noexcept { return error_; }
    constexpr explicit operator bool() const noexcept { return ok_; }

    friend constexpr bool operator==(const result& a, const result& b) noexcept {
        return a.ok_ == b.ok_ && (a.ok_ ? a.value_ == b.value_ : a.error_ == b.error_);
    }

private:
    double value_;
    errc error_ = errc::bad_value;
    bool ok_ = true;
};

// A finite value stays a value; NaN or infinity from an overflowing computation is out of domain.
constexpr result finite_or_domain_error(double v) noexcept {
    return std::isfinite(v) ? result(v) : result(errc::out_of_domain);
}

} // namespace kpi
