// The export signatures: docs/import.md cites the documentation of each platform's columns and says
// which Vietnamese labels could not be confirmed from a public source.
#include "kpi/import_format.hpp"

#include "kpi/text_fold.hpp"

#include <array>

namespace kpi {
namespace {

using R = column_role;
using M = measure;

constexpr column_signature measure_col(std::string_view h, M m, bool required = false, bool prefix = false) {
    return {h, R::measure, m, required, prefix};
}
constexpr column_signature role_col(std::string_view h, R r, bool required = false, bool prefix = false) {
    return {h, r, M::spend, required, prefix};
}
constexpr column_signature ignored(std::string_view h, bool prefix = false) { return {h, R::ignored, M::spend, false, prefix}; }

// Meta Ads Manager: Ads Reporting / Ads Manager "Export table data" (CSV or .xlsx).
constexpr std::array meta_en{
    role_col("Reporting starts", R::date_start, true),
    role_col("Reporting ends", R::date_end),
    role_col("Month|Week", R::date, false, true), // a time breakdown: "2026-10-01 - 2026-10-31"
    measure_col("Amount spent", M::spend, true, true),
    measure_col("Impressions", M::impressions, true),
    measure_col("Link clicks", M::clicks),
    measure_col("Results", M::leads),
    measure_col("Purchases|Website purchases", M::conversions),
    measure_col("Purchases conversion value|Website purchases conversion value", M::revenue),
    role_col("Currency", R::currency),
    ignored("Campaign name|Ad set name|Ad name|Account name|Reach|Frequency|Result indicator|Result type|Ends|Starts|"
            "Budget|Budget type|Attribution setting|Campaign delivery|Ad set delivery|Delivery|Clicks (all)|Bid strategy"),
    ignored("Cost per|CPM|CPC|CTR", true),
};
constexpr std::array meta_vi{
    role_col("Bắt đầu báo cáo", R::date_start, true),
    role_col("Kết thúc báo cáo", R::date_end),
    role_col("Tháng|Tuần", R::date, false, true),
    measure_col("Số tiền đã chi tiêu", M::spend, true, true),
    measure_col("Lượt hiển thị", M::impressions, true),
    measure_col("Lượt click vào liên kết|Lượt nhấp vào liên kết", M::clicks),
    measure_col("Kết quả", M::leads),
    measure_col("Lượt mua|Lượt mua trên trang web", M::conversions),
    role_col("Đơn vị tiền tệ", R::currency),
    ignored("Tên chiến dịch|Tên nhóm quảng cáo|Tên quảng cáo|Tên tài khoản|Người tiếp cận|Tần suất|Chỉ báo kết quả|"
            "Loại kết quả|Kết thúc|Bắt đầu|Ngân sách|Loại ngân sách|Cài đặt ghi nhận|Phân phối|Lượt click (tất cả)"),
    ignored("Chi phí trên mỗi|CPM|CPC|CTR", true),
};

// Google Ads: a report or statistics table downloaded as CSV, segmented by Day. Above the header:
// the report's title and date range; below the data: "Total: ..." rows.
constexpr std::array google_ads_en{
    role_col("Day|Date", R::date, true),
    // Segments: "Month" (2026-10-01, October 2026), "Week" / "Week (Mon - Sun)" (the first day), "Quarter", "Year".
    role_col("Month|Week|Quarter|Year", R::date, false, true),
    measure_col("Cost", M::spend, true),
    measure_col("Impr.|Impressions", M::impressions, true),
    measure_col("Clicks", M::clicks, true),
    measure_col("Conversions", M::conversions),
    measure_col("Conv. value|Conversion value", M::revenue),
    role_col("Currency code|Currency", R::currency),
    ignored("Campaign|Ad group|Campaign type|Campaign status|Status|Budget|Account|Customer ID|Interactions|"
            "Interaction rate|Conv. rate|Conv. value / cost|All conv.|View-through conv.|Search impr. share|"
            "Bid strategy type|Avg. cost"),
    ignored("CTR|Avg.|Cost / conv", true),
};
constexpr std::array google_ads_vi{
    role_col("Ngày", R::date, true),
    role_col("Tháng|Tuần|Quý|Năm", R::date, false, true),
    measure_col("Chi phí", M::spend, true),
    measure_col("Lượt hiển thị|Số lượt hiển thị|H.thị", M::impressions, true), // "H.thị": Google's vi abbreviation
    measure_col("Lượt nhấp|Số lượt nhấp", M::clicks, true),
    measure_col("Lượt chuyển đổi|Số lượt chuyển đổi|Chuyển đổi", M::conversions),
    measure_col("Giá trị chuyển đổi|Giá trị lượt chuyển đổi", M::revenue),
    role_col("Mã đơn vị tiền tệ|Mã tiền tệ|Đơn vị tiền tệ", R::currency),
    ignored("Chiến dịch|Nhóm quảng cáo|Loại chiến dịch|Trạng thái chiến dịch|Trạng thái|Ngân sách|Tài khoản|"
            "Lượt tương tác|Tỷ lệ tương tác|Tỷ lệ chuyển đổi|Tất cả lượt chuyển đổi"),
    ignored("CTR|CPC|Chi phí / lượt chuyển đổi|Chi phí trung bình", true),
};

// Google Analytics 4: a report or exploration downloaded as CSV ('#' comment block above each table;
// dates as YYYYMMDD).
constexpr std::array ga4_en{
    role_col("Date", R::date, true),
    role_col("Year month|Month|ISO week of the year|Week", R::date), // "202610"
    measure_col("Sessions", M::sessions, true),
    measure_col("Engaged sessions", M::engaged_sessions),
    measure_col("Active users", M::active_users),
    measure_col("Views|Screen page views", M::page_views),
    measure_col("User engagement duration|User engagement", M::engagement_seconds),
    measure_col("Key events|Conversions", M::conversions),
    measure_col("Total revenue|Purchase revenue", M::revenue),
    role_col("Session default channel group", R::channel_group),
    ignored("Total users|New users|Engagement rate|Bounce rate|Event count|Events per session|Sessions per user|"
            "Views per session|Session source / medium|Session source|Session medium|Nth day"),
    ignored("Average", true),
};
constexpr std::array ga4_vi{
    role_col("Ngày", R::date, true),
    role_col("Năm tháng|Tháng của năm|Tháng|Tuần", R::date),
    measure_col("Số phiên|Phiên", M::sessions, true),
    measure_col("Số phiên tương tác|Phiên tương tác|Phiên có tương tác", M::engaged_sessions),
    measure_col("Người dùng đang hoạt động|Người dùng hoạt động|Số người dùng đang hoạt động", M::active_users),
    measure_col("Lượt xem", M::page_views),
    measure_col("Thời lượng tương tác của người dùng|Mức độ tương tác của người dùng", M::engagement_seconds),
    measure_col("Sự kiện chính|Lượt chuyển đổi", M::conversions),
    measure_col("Tổng doanh thu|Doanh thu mua hàng", M::revenue),
    role_col("Nhóm kênh mặc định của phiên|Nhóm kênh mặc định cho phiên", R::channel_group),
    ignored("Tổng số người dùng|Người dùng mới|Tỷ lệ tương tác|Tỷ lệ thoát|Số lượt sự kiện|Số sự kiện mỗi phiên|"
            "Nguồn / phương tiện của phiên"),
    ignored("Thời gian tương tác trung bình", true),
};

// Google Search Console: Performance > Export > "Download CSV" (a zip; its Dates.csv is this table).
constexpr std::array search_console_en{
    role_col("Date|Dates", R::date, true),
    role_col("Month|Week", R::date),
    measure_col("Clicks", M::clicks, true),
    measure_col("Impressions", M::impressions, true),
    role_col("Position|Average position", R::position, true),
    ignored("CTR"),
};
constexpr std::array search_console_vi{
    role_col("Ngày", R::date, true),
    role_col("Tháng|Tuần", R::date),
    // Google's Vietnamese Search Console help says "số lượt nhấp, số lượt hiển thị, vị trí, CTR".
    measure_col("Số lần nhấp|Lượt nhấp|Số lượt nhấp", M::clicks, true),
    measure_col("Số lần hiển thị|Lượt hiển thị|Số lượt hiển thị", M::impressions, true),
    role_col("Vị trí|Vị trí trung bình", R::position, true),
    ignored("CTR"),
};

// TikTok Ads Manager: Reporting > custom report, "By Day", exported as CSV or .xlsx.
constexpr std::array tiktok_en{
    role_col("By Day|Date|Day", R::date, true),
    role_col("By Month|By Week|Month|Week", R::date),
    measure_col("Cost|Total cost", M::spend, true),
    measure_col("Impressions", M::impressions, true),
    measure_col("Clicks (destination)", M::clicks, true),
    measure_col("Conversions", M::conversions),
    role_col("Currency", R::currency),
    ignored("Campaign name|Ad group name|Ad name|Campaign ID|Ad group ID|Ad ID|Primary status|Status|Reach|Frequency|"
            "Clicks (all)|Conversion rate (CVR)|Conversion rate|Paid likes"),
    ignored("CTR|CPC|CPM|Cost per", true),
};
constexpr std::array tiktok_vi{
    role_col("Theo ngày|Ngày", R::date, true),
    role_col("Theo tháng|Theo tuần|Tháng|Tuần", R::date),
    measure_col("Chi phí|Tổng chi phí", M::spend, true),
    measure_col("Lượt hiển thị|Số lần hiển thị", M::impressions, true),
    measure_col("Lượt nhấp (Đích)|Lượt nhấp (đích đến)|Số lượt nhấp (đích)", M::clicks, true),
    measure_col("Lượt chuyển đổi|Chuyển đổi", M::conversions),
    role_col("Đơn vị tiền tệ", R::currency),
    ignored("Tên chiến dịch|Tên nhóm quảng cáo|Tên quảng cáo|Số người tiếp cận|Tần suất|Tỷ lệ chuyển đổi"),
    ignored("CTR|CPC|CPM|Chi phí mỗi|Chi phí trên mỗi", true),
};

// Zalo Official Account: Thống kê (statistics) > Người quan tâm / Bài viết, exported to Excel.
constexpr std::array zalo_vi{
    role_col("Ngày|Thời gian", R::date, true),
    measure_col("Người quan tâm mới|Lượt quan tâm mới", M::followers, true),
    measure_col("Lượt xem|Lượt xem bài viết", M::page_views),
    ignored("Người bỏ quan tâm|Lượt bỏ quan tâm|Tổng người quan tâm|Lượt tương tác|Lượt chia sẻ|Lượt thích"),
};
constexpr std::array zalo_en{
    role_col("Date|Time", R::date, true),
    measure_col("New followers", M::followers, true),
    measure_col("Views|Article views", M::page_views),
    ignored("Unfollowers|Lost followers|Total followers|Interactions|Shares|Likes"),
};

constexpr std::array<export_signature, 12> signatures{{
    {export_platform::meta_ads, "en", channel::facebook_ads, meta_en},
    {export_platform::meta_ads, "vi", channel::facebook_ads, meta_vi},
    {export_platform::google_ads, "en", channel::google_ads, google_ads_en},
    {export_platform::google_ads, "vi", channel::google_ads, google_ads_vi},
    {export_platform::ga4, "en", channel::seo_website, ga4_en},
    {export_platform::ga4, "vi", channel::seo_website, ga4_vi},
    {export_platform::search_console, "en", channel::seo_website, search_console_en},
    {export_platform::search_console, "vi", channel::seo_website, search_console_vi},
    {export_platform::tiktok_ads, "en", channel::tiktok_ads, tiktok_en},
    {export_platform::tiktok_ads, "vi", channel::tiktok_ads, tiktok_vi},
    {export_platform::zalo_oa, "vi", channel::zalo_oa, zalo_vi},
    {export_platform::zalo_oa, "en", channel::zalo_oa, zalo_en},
}};

} // namespace

std::string_view to_string(export_platform p) noexcept {
    switch (p) {
    case export_platform::meta_ads: return "meta_ads";
    case export_platform::google_ads: return "google_ads";
    case export_platform::ga4: return "ga4";
    case export_platform::search_console: return "search_console";
    case export_platform::tiktok_ads: return "tiktok_ads";
    case export_platform::zalo_oa: return "zalo_oa";
    case export_platform::plain: return "plain";
    }
    return "?";
}

text platform_title(export_platform p) noexcept {
    switch (p) {
    case export_platform::meta_ads: return {"Meta Ads Manager", "Trình quản lý quảng cáo Meta"};
    case export_platform::google_ads: return {"Google Ads", "Google Ads"};
    case export_platform::ga4: return {"Google Analytics 4", "Google Analytics 4"};
    case export_platform::search_console: return {"Google Search Console", "Google Search Console"};
    case export_platform::tiktok_ads: return {"TikTok Ads Manager", "TikTok Ads Manager"};
    case export_platform::zalo_oa: return {"Zalo OA", "Zalo OA"};
    case export_platform::plain: return {"plain CSV (our column names)", "CSV thường (tên cột của chúng tôi)"};
    }
    return {"?", "?"};
}

std::span<const export_signature> export_signatures() noexcept { return signatures; }

bool header_matches(std::string_view folded, const column_signature& column) {
    std::string_view list = column.headers;
    std::string key;
    while (!list.empty()) {
        const auto bar = list.find('|');
        const auto one = list.substr(0, bar);
        list = bar == std::string_view::npos ? std::string_view{} : list.substr(bar + 1);
        fold_into(one, key, true);
        if (folded == key) return true;
        if (column.prefix && folded.size() > key.size() && folded.substr(0, key.size()) == key && folded[key.size()] == ' ')
            return true;
    }
    return false;
}

} // namespace kpi
