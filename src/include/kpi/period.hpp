// Deadlines: a day, a month, a quarter or a year, resolved to the first and last day.
// Days are Calc date serial numbers (days since 1899-12-30, so 1 is 1899-12-31 and 46022 is
// 2025-12-31): the glue passes Calc's own numbers and TODAY() through unchanged.
// Accepted forms (docs/register.md has the full table):
//   number          a date serial (its integer part); an integer 1900..2200 is read as a year
//   2026-12-31      ISO day (also 2026/12/31, 2026.12.31)
//   31/12/2026      day/month/year, Vietnamese order (also 31-12-2026, 31.12.2026)
//   2026-12, 12/2026, Tháng 12/2026    month
//   2026-Q4, Q4-2026, Q4/2026, Q4 2026, Quý 4/2026    quarter
//   2026, Năm 2026  year
// Years have four digits (1900..9999); anything else is not a period (std::nullopt).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kpi {

using day_serial = std::int32_t;

struct civil_date {
    int year;
    int month; // 1..12
    int day;   // 1..31
    friend bool operator==(const civil_date&, const civil_date&) = default;
};

// nullopt when the date does not exist (2026-02-30) or the year is outside 1900..9999.
[[nodiscard]] std::optional<day_serial> to_serial(civil_date d) noexcept;
[[nodiscard]] civil_date to_civil(day_serial serial) noexcept;

enum class period_kind { day, month, quarter, year };

struct period {
    period_kind kind;
    day_serial first; // first day of the period
    day_serial last;  // last day: the deadline of a KPI
    friend bool operator==(const period&, const period&) = default;
};

// Text as typed in a cell. Case-, diacritics- and surrounding-space-insensitive.
[[nodiscard]] std::optional<period> parse_period(std::string_view text);

// A numeric cell: a date serial (a day), or an integral 1900..2200 which is a year (a date
// serial in that range would be a day in 1905/1906, never a plausible deadline).
// Serial range accepted: 2 (1900-01-01) .. 2958465 (9999-12-31), like the text forms; NaN/inf
// -> nullopt.
[[nodiscard]] std::optional<period> period_from_number(double value) noexcept;

// Canonical text: "2026-12-31", "2026-12", "2026-Q4", "2026".
[[nodiscard]] std::string to_string(const period& p);
// "2026-12-31"
[[nodiscard]] std::string format_iso(day_serial serial);

// A deadline has passed when its last day is before today (the last day itself is still on time).
[[nodiscard]] constexpr bool has_passed(const period& p, day_serial today) noexcept {
    return p.last < today;
}

} // namespace kpi
