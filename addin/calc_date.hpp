// Today as a Calc day serial (days since 1899-12-30), the way TODAY() counts, in local time.
#pragma once

#include <kpi/period.hpp>

#include <ctime>

namespace kpi::uno_glue {

inline kpi::day_serial today_serial() noexcept {
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    const auto serial = kpi::to_serial({local.tm_year + 1900, local.tm_mon + 1, local.tm_mday});
    return serial.value_or(0);
}

} // namespace kpi::uno_glue
