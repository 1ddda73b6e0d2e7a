#include "kpi/trend.hpp"

#include "checks.hpp"

#include <array>
#include <cmath>
#include <span>

namespace kpi {

using detail::is_amount;
using detail::is_whole;

namespace {

struct point {
    double x;
    double y;
};

// The least-squares line through `points` (at least two, distinct x) evaluated at x.
double least_squares_at(std::span<const point> points, double x) noexcept {
    const double n = static_cast<double>(points.size());
    double mean_x = 0, mean_y = 0;
    for (const point& p : points) {
        mean_x += p.x;
        mean_y += p.y;
    }
    mean_x /= n;
    mean_y /= n;
    double sxy = 0, sxx = 0;
    for (const point& p : points) {
        sxy += (p.x - mean_x) * (p.y - mean_y);
        sxx += (p.x - mean_x) * (p.x - mean_x);
    }
    const double slope = sxy / sxx;
    return mean_y + slope * (x - mean_x);
}

} // namespace

result project_to_deadline(cell_list values, double periods_ahead, projection_kind kind) noexcept {
    if (!is_whole(periods_ahead) || periods_ahead < 0.0) return errc::bad_value;
    std::size_t count = 0, first_at = 0;
    double sum = 0;
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (!values[i]) continue;
        const double v = *values[i];
        if (!is_amount(v)) return errc::out_of_domain;
        if (count++ == 0) first_at = i;
        sum += v;
    }
    if (count == 0) return errc::not_available;

    if (kind == projection_kind::cumulative) {
        const double positions = static_cast<double>(values.size() - first_at);
        return finite_or_domain_error(sum + sum / positions * periods_ahead);
    }

    const cell& last = values.back();
    if (periods_ahead == 0.0 && last) return *last;

    // The last up to trend_window values with data, newest first.
    std::array<point, trend_window> window{};
    std::size_t taken = 0;
    for (std::size_t i = values.size(); i-- > 0 && taken < trend_window;)
        if (values[i]) window[taken++] = {static_cast<double>(i), *values[i]};
    if (taken == 1) return window[0].y;

    const double at = static_cast<double>(values.size() - 1) + periods_ahead;
    const double projected = least_squares_at(std::span<const point>(window.data(), taken), at);
    if (!std::isfinite(projected)) return errc::out_of_domain;
    return projected > 0.0 ? projected : 0.0;
}

result pace_status(double projection, double target, bool lower_is_better, double tolerance) noexcept {
    if (!is_amount(projection) || !is_amount(target)) return errc::out_of_domain;
    if (!detail::is_fraction(tolerance)) return errc::out_of_domain;
    double attainment = 0;
    if (lower_is_better) {
        if (projection == 0.0) return 1.0; // nothing at all where less is better: ahead
        attainment = target / projection;
    } else {
        if (target == 0.0) return errc::div_zero;
        attainment = projection / target;
    }
    if (!std::isfinite(attainment)) return errc::out_of_domain;
    if (attainment >= 1.0 + tolerance) return 1.0;
    if (attainment >= 1.0 - tolerance) return 0.0;
    return -1.0;
}

} // namespace kpi
