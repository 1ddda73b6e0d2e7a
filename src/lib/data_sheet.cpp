#include "kpi/data_sheet.hpp"

#include "kpi/text_fold.hpp"

#include <cstdio>

namespace kpi {
namespace {

struct measure_entry {
    measure id;
    std::string_view key;
    text title;
};

constexpr std::array<measure_entry, measure_count> measures{{
    {measure::spend, "spend", {"Spend", "Chi phí"}},
    {measure::impressions, "impressions", {"Impressions", "Lượt hiển thị"}},
    {measure::clicks, "clicks", {"Clicks", "Lượt nhấp"}},
    {measure::leads, "leads", {"Leads", "Lead"}},
    {measure::conversions, "conversions", {"Conversions", "Chuyển đổi"}},
    {measure::revenue, "revenue", {"Revenue", "Doanh thu"}},
    {measure::new_customers, "new_customers", {"New customers", "Khách hàng mới"}},
    {measure::sessions, "sessions", {"Sessions", "Phiên"}},
    {measure::engaged_sessions, "engaged_sessions", {"Engaged sessions", "Phiên tương tác"}},
    {measure::organic_sessions, "organic_sessions", {"Organic sessions", "Phiên tự nhiên"}},
    {measure::active_users, "active_users", {"Active users", "Người dùng hoạt động"}},
    {measure::engagement_seconds, "engagement_seconds", {"Engagement seconds", "Giây tương tác"}},
    {measure::page_views, "page_views", {"Page views", "Lượt xem trang"}},
    {measure::followers, "followers", {"New followers", "Người theo dõi mới"}},
    {measure::position_weighted, "position_weighted",
     {"Position x impressions", "Vị trí x lượt hiển thị"}},
}};

struct channel_entry {
    channel id;
    std::string_view key;
    text title;
};

constexpr std::array<channel_entry, channel_count> channels{{
    {channel::facebook_ads, "facebook_ads", {"Facebook Ads", "Quảng cáo Facebook"}},
    {channel::google_ads, "google_ads", {"Google Ads", "Quảng cáo Google"}},
    {channel::tiktok_ads, "tiktok_ads", {"TikTok Ads", "Quảng cáo TikTok"}},
    {channel::zalo_oa, "zalo_oa", {"Zalo OA", "Zalo OA"}},
    {channel::seo_website, "seo_website", {"SEO & website", "SEO & website"}},
    {channel::email, "email", {"Email", "Email"}},
    {channel::offline_events, "offline_events", {"Offline events", "Sự kiện offline"}},
    {channel::all_channels, "all_channels", {"All channels", "Tất cả kênh"}},
}};

} // namespace

text measure_title(measure m) noexcept { return measures[static_cast<std::size_t>(m)].title; }
text channel_title(channel c) noexcept { return channels[static_cast<std::size_t>(c)].title; }
std::string_view to_string(measure m) noexcept { return measures[static_cast<std::size_t>(m)].key; }
std::string_view to_string(channel c) noexcept { return channels[static_cast<std::size_t>(c)].key; }

std::optional<measure> recognise_measure(std::string_view header) {
    const auto key = fold_key(header);
    for (const auto& m : measures)
        if (key == fold_key(m.title.en) || key == fold_key(m.title.vi) || key == fold_key(m.key)) return m.id;
    return std::nullopt;
}

std::optional<channel> recognise_channel(std::string_view title) {
    const auto key = fold_key(title);
    for (const auto& c : channels)
        if (key == fold_key(c.title.en) || key == fold_key(c.title.vi) || key == fold_key(c.key)) return c.id;
    return std::nullopt;
}

text period_column_title() noexcept { return {"Period", "Kỳ"}; }
text channel_column_title() noexcept { return {"Channel", "Kênh"}; }

std::string period_key(int year, int month, period_granularity g) {
    char buffer[32];
    if (g == period_granularity::quarter)
        std::snprintf(buffer, sizeof buffer, "%04d-Q%d", year, (month - 1) / 3 + 1);
    else
        std::snprintf(buffer, sizeof buffer, "%04d-%02d", year, month);
    return buffer;
}

} // namespace kpi
