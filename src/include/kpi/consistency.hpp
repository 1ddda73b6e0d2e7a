// Definition-consistency: a register that measures one metric with two different definitions
// (GA4 and Universal Analytics bounce rate; churn from KPI.CHURN and churn as 1 - retention).
// The variant families live in one table (consistency.cpp, documented in docs/register.md).
// A row belongs to a family when its Name or Source mentions one of the family's words, and to
// a variant when it also mentions one of the variant's words. Words are matched on whole words of
// the fold_key form of "Name Source" ("KPI.BOUNCE.GA4(B2)" -> "kpi bounce ga4 b2").
#pragma once

#include "kpi/catalog.hpp" // kpi::text
#include "kpi/register.hpp"

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

namespace kpi {

struct metric_variant {
    std::string_view id;                // "ga4"
    text title;                         // {"GA4 (engaged sessions)", "GA4 (phiên tương tác)"}
    std::span<const std::string_view> words; // fold_key phrases, matched as whole words
};

struct metric_family {
    std::string_view id; // "bounce_rate"
    text title;          // {"Bounce rate", "Tỷ lệ thoát"}
    std::span<const std::string_view> words;
    std::span<const metric_variant> variants;
};

[[nodiscard]] std::span<const metric_family> metric_families() noexcept;

struct variant_use {
    const metric_variant* variant;
    std::vector<std::uint32_t> rows; // register rows using it
};

// One family measured in two or more ways.
struct consistency_warning {
    const metric_family* family;
    std::vector<variant_use> variants; // two or more, in table order
};

[[nodiscard]] std::vector<consistency_warning> check_consistency(const kpi_register& reg);

// "Bounce rate is defined in 2 ways: GA4 (B1), Universal Analytics (B2, B5)." (IDs: at most 5 per
// variant, then "…").
[[nodiscard]] std::string describe(const consistency_warning& w, const kpi_register& reg,
                                   std::string_view language);

} // namespace kpi
