// The SMART check of one KPI row: five criteria, each met or failed with reason codes, and the
// reasons as text in English or Vietnamese (docs/register.md, "SMART").
//
//  Specific    a name that is not a bare generic word ("Sales", "Doanh số"), a unit, and for a
//              tactical KPI a recognised group.
//  Measurable  a numeric target and a source.
//  Achievable  a numeric target within the plausible band of a numeric baseline. With k =
//              smart_options::max_improvement (default 3, "an improvement of at most 3x the
//              baseline") and a baseline b > 0:
//                higher is better:  target <= b + k*b        (= 4b)
//                lower is better:   target >= b / (1 + k)    (= b/4, the mirror image: at most a
//                                                             4-fold reduction)
//                direction missing or not recognised: both bounds.
//              A baseline <= 0 (growth rates, new channels) has no multiplicative band: not judged
//              by the band. With a known direction, a target on the wrong side of the baseline
//              (below it although higher is better, above it although lower is better) fails,
//              whatever the baseline's sign. A missing or non-numeric baseline or target fails it.
//  Relevant    the link code is OK.
//  Time-bound  a deadline that parses; and, while the KPI has no final result, its last day is
//              not before today. A final result is an Actual typed as a value; an empty Actual
//              or one computed by a formula (a live measurement) is not (cell functions see only
//              values: for them any Actual is a result).
#pragma once

#include "kpi/link_audit.hpp"
#include "kpi/period.hpp"
#include "kpi/register.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kpi {

enum class smart_criterion : std::uint8_t { specific, measurable, achievable, relevant, time_bound };
inline constexpr std::size_t smart_criteria_count = 5;

// "specific", ... (for JSON)
[[nodiscard]] std::string_view to_string(smart_criterion c) noexcept;
// {"Specific", "Cụ thể"}, {"Time-bound", "Có thời hạn"}, ...
[[nodiscard]] text criterion_title(smart_criterion c) noexcept;

// Why a criterion fails. Declared in criterion order, so a reason mask lists them in that order.
enum class smart_reason : std::uint8_t {
    name_missing,         // specific
    name_generic,         // specific
    unit_missing,         // specific
    group_missing,        // specific (tactical only)
    group_unrecognised,   // specific (tactical only)
    target_missing,       // measurable
    target_not_numeric,   // measurable
    source_missing,       // measurable
    no_numeric_target,    // achievable
    baseline_missing,     // achievable
    baseline_not_numeric, // achievable
    target_above_band,    // achievable: target > baseline * (1 + k)
    target_below_band,    // achievable: target < baseline / (1 + k)
    target_wrong_side,    // achievable: target below the baseline although higher is better, or
                          // above it although lower is better
    link_not_ok,          // relevant
    deadline_missing,     // time-bound
    deadline_unparsed,    // time-bound
    deadline_passed,      // time-bound
};
inline constexpr std::size_t smart_reason_count = 18;

[[nodiscard]] smart_criterion criterion_of(smart_reason r) noexcept;
[[nodiscard]] std::string_view to_string(smart_reason r) noexcept; // "unit_missing", ...

struct smart_options {
    double max_improvement = 3.0; // k above
};

struct smart_result {
    std::uint32_t reasons = 0; // bit (1 << reason)

    [[nodiscard]] bool has(smart_reason r) const noexcept {
        return (reasons >> static_cast<unsigned>(r)) & 1u;
    }
    [[nodiscard]] bool met(smart_criterion c) const noexcept;
    [[nodiscard]] int score() const noexcept; // criteria met, 0..5
    [[nodiscard]] std::vector<smart_reason> reason_list() const; // in criterion order
    [[nodiscard]] std::vector<smart_criterion> failed() const;   // in criterion order
};

// The bare generic names (fold_key form), en and vi.
[[nodiscard]] bool is_generic_name(std::string_view name);

// Row i of the register, with its link code (from audit_links).
[[nodiscard]] smart_result check_smart(const kpi_register& reg, std::size_t i, link_code link,
                                       day_serial today, const smart_options& options = {});

// One reason as words, with the row's values filled in ("deadline 2025-12 has passed",
// "thời hạn 2025-12 đã qua"). language: "en", "vi", "vi-VN", ... (anything else is English).
[[nodiscard]] std::string describe(smart_reason r, const kpi_register& reg, std::size_t i,
                                   link_code link, std::string_view language,
                                   const smart_options& options = {});

// The failed criteria as one string: "Specific: no unit; Time-bound: deadline 2025-12 has
// passed" ("" when all five are met).
[[nodiscard]] std::string describe_failures(const smart_result& s, const kpi_register& reg,
                                            std::size_t i, link_code link,
                                            std::string_view language,
                                            const smart_options& options = {});

} // namespace kpi
