// Channel data import (docs/import.md), step 3: the ONE table of export signatures, per platform and
// UI language. An export is recognised by its header row: every `required` column of a signature must
// be there. Each column's header lists its accepted spellings separated by '|' and is compared after
// kpi::fold_key (case, diacritics, punctuation and spacing ignored). A `prefix` column also matches
// headers that continue after it: Meta writes "Amount spent (VND)", the currency in parentheses.
#pragma once

#include "kpi/data_sheet.hpp"

#include <cstdint>
#include <span>
#include <string_view>

namespace kpi {

enum class export_platform : std::uint8_t {
    meta_ads, google_ads, ga4, search_console, tiktok_ads, zalo_oa, plain
};
[[nodiscard]] std::string_view to_string(export_platform p) noexcept; // "meta_ads", ...
[[nodiscard]] text platform_title(export_platform p) noexcept;        // {"Meta Ads Manager", ...}

enum class column_role : std::uint8_t {
    measure,       // a raw measure, summed (money converted from the file's number style)
    date,          // a day, a month, or a reporting window "2026-01-01 - 2026-01-31"
    date_start,    // first day of the reporting window (Meta "Reporting starts")
    date_end,      // last day of the reporting window (Meta "Reporting ends")
    currency,      // an ISO currency code per row (Meta "Currency", Google Ads "Currency code")
    channel_group, // GA4 "Session default channel group": "Organic Search" rows also count as organic sessions
    position,      // Search Console average position: kept as position x impressions
    ignored,       // known, derived or descriptive (CTR, CPC, campaign name): not imported, not "unknown"
};

struct column_signature {
    std::string_view headers; // accepted spellings, '|'-separated
    column_role role;
    measure target = measure::spend; // for role == measure
    bool required = false;
    bool prefix = false;
};

struct export_signature {
    export_platform platform;
    std::string_view language; // UI language of the export: "en" or "vi"
    channel feeds;             // the Data sheet channel its rows go to
    std::span<const column_signature> columns;
};

// Every signature, in the order they are tried (the best match wins: all required columns present,
// then the most recognised columns). The plain CSV of our own column names is not in this table:
// its columns are the Data sheet's (recognise_measure, "Date"/"Period", "Channel").
[[nodiscard]] std::span<const export_signature> export_signatures() noexcept;

// Whether a folded header (fold_key) matches a signature column.
[[nodiscard]] bool header_matches(std::string_view folded_header, const column_signature& column);

} // namespace kpi
