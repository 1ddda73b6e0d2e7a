// The "Data" sheet of a KPI workbook: the contract shared by the template builder (writes it),
// the channel importer (fills it) and the report (reads it). docs/workbook.md describes it.
//
// Layout (long format): one header row, then one row per period and channel:
//   Period | Channel | one column per raw measure (below, in this order) | KPI formula columns
// Period is text: "2026-01" for monthly workbooks, "2026-Q1" for quarterly ones (period_key()).
// Channel is the channel's title in the workbook's language (channel_title()); recognised back in
// either language, case- and diacritics-insensitive. A measure nobody filled is an empty cell.
#pragma once

#include "kpi/catalog.hpp" // kpi::text

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kpi {

enum class channel : std::uint8_t {
    facebook_ads,   // Facebook / Meta Ads
    google_ads,     // Google Ads
    tiktok_ads,     // TikTok Ads
    zalo_oa,        // Zalo Official Account
    seo_website,    // SEO and website (GA4, Search Console)
    email,          // email marketing
    offline_events, // offline events
    all_channels,   // the business as a whole (revenue, customers: strategic measures)
};
inline constexpr std::size_t channel_count = 8;

enum class measure : std::uint8_t {
    spend,              // money spent (workbook currency)
    impressions,        // ad or search impressions
    clicks,             // link clicks / search clicks
    leads,              // leads (Meta "Results" for lead objectives, form submissions)
    conversions,        // conversions / purchases
    revenue,            // conversion value / revenue (workbook currency)
    new_customers,      // new customers acquired
    sessions,           // website sessions
    engaged_sessions,   // GA4 engaged sessions
    organic_sessions,   // sessions from organic search
    active_users,       // GA4 active users
    engagement_seconds, // GA4 user engagement duration, in seconds
    page_views,         // views / page views
    followers,          // new followers (Zalo OA, TikTok)
    position_weighted,  // sum of (average search position x impressions): average = this / impressions
};
inline constexpr std::size_t measure_count = 15;

// Header and channel titles in en and vi ("Spend" / "Chi phí").
[[nodiscard]] text measure_title(measure m) noexcept;
[[nodiscard]] text channel_title(channel c) noexcept;
[[nodiscard]] std::string_view to_string(measure m) noexcept; // "spend", ... (ids for JSON / docs)
[[nodiscard]] std::string_view to_string(channel c) noexcept; // "facebook_ads", ...

// Recognises a header or channel cell in either language (fold()-insensitive); nullopt when unknown.
[[nodiscard]] std::optional<measure> recognise_measure(std::string_view header);
[[nodiscard]] std::optional<channel> recognise_channel(std::string_view title);

// The two fixed key columns' titles: {"Period", "Kỳ"}, {"Channel", "Kênh"}.
[[nodiscard]] text period_column_title() noexcept;
[[nodiscard]] text channel_column_title() noexcept;

enum class period_granularity : std::uint8_t { month, quarter };

// The key of the period containing a civil date: "2026-01" or "2026-Q1".
[[nodiscard]] std::string period_key(int year, int month, period_granularity g);

// How a measure adds up when rows are aggregated (all are sums; averages are kept as weighted sums).
[[nodiscard]] constexpr bool is_money(measure m) noexcept { return m == measure::spend || m == measure::revenue; }

} // namespace kpi
