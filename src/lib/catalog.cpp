#include "kpi/catalog.hpp"

#include <algorithm>
#include <array>
#include <cctype>

namespace kpi {
namespace {

using enum param_kind;

// ---- parameters, shared where several functions take the same one ----------------------------

constexpr param_info p_spend{"spend", {"spend", "chi phí"},
                             {"Marketing or ad spend in the period (money, >= 0).",
                              "Chi phí marketing hoặc quảng cáo trong kỳ (tiền, >= 0)."}};
constexpr param_info p_gross_margin{"grossMargin", {"gross_margin", "biên lợi nhuận gộp"},
                                    {"Optional gross margin as a fraction 0..1 (default 1: revenue is used as is).",
                                     "Tùy chọn: biên lợi nhuận gộp, phân số 0..1 (mặc định 1: dùng nguyên doanh thu)."},
                                    optional_number, 1.0};

constexpr std::array cpl_params{
    p_spend,
    param_info{"leads", {"leads", "số lead"},
               {"Number of leads generated (> 0).", "Số khách hàng tiềm năng (lead) thu được (> 0)."}},
};
constexpr std::array cac_params{
    param_info{"cost", {"cost", "chi phí"},
               {"Total sales and marketing cost of acquiring the customers (money, >= 0).",
                "Tổng chi phí bán hàng và marketing để có được khách hàng (tiền, >= 0)."}},
    param_info{"newCustomers", {"new_customers", "khách hàng mới"},
               {"Number of new customers acquired in the period (> 0).",
                "Số khách hàng mới có được trong kỳ (> 0)."}},
};
constexpr std::array ctr_params{
    param_info{"clicks", {"clicks", "lượt nhấp"}, {"Number of clicks (>= 0).", "Số lượt nhấp (>= 0)."}},
    param_info{"impressions", {"impressions", "lượt hiển thị"},
               {"Number of impressions (> 0).", "Số lượt hiển thị (> 0)."}},
};
constexpr std::array convrate_params{
    param_info{"conversions", {"conversions", "chuyển đổi"},
               {"Number of conversions (>= 0).", "Số lượt chuyển đổi (>= 0)."}},
    param_info{"visitors", {"visitors", "lượt truy cập"},
               {"Number of visitors, sessions or clicks the conversions come from (> 0).",
                "Số người truy cập, phiên hoặc lượt nhấp tạo ra chuyển đổi (> 0)."}},
};
constexpr std::array romi_params{
    param_info{"revenue", {"revenue", "doanh thu"},
               {"Revenue attributed to the marketing (money, >= 0).",
                "Doanh thu do hoạt động marketing mang lại (tiền, >= 0)."}},
    param_info{"spend", {"spend", "chi phí"},
               {"Marketing spend that produced the revenue (money, > 0).",
                "Chi phí marketing đã tạo ra doanh thu đó (tiền, > 0)."}},
    p_gross_margin,
};
constexpr std::array revgrowth_params{
    param_info{"current", {"current", "kỳ này"},
               {"Revenue of the current period (>= 0).", "Doanh thu kỳ hiện tại (>= 0)."}},
    param_info{"previous", {"previous", "kỳ trước"},
               {"Revenue of the comparison period (> 0).", "Doanh thu kỳ so sánh (> 0)."}},
};

// ---- the table -------------------------------------------------------------------------------

constexpr std::array functions{
    function_info{
        "REVGROWTH", "KPI.REVGROWTH", function_group::strategic,
        {"Revenue growth: (current - previous) / previous, as a fraction.",
         "Tăng trưởng doanh thu: (kỳ này - kỳ trước) / kỳ trước, dạng phân số."},
        revgrowth_params, "(current - previous) / previous",
        "Period-over-period growth; Farris et al., Marketing Metrics, 2nd ed. (2010), ch. 1",
        "=KPI.REVGROWTH(1150000000;1000000000) -> 0.15"},
    function_info{
        "ROMI", "KPI.ROMI", function_group::strategic,
        {"Return on marketing investment: (revenue x gross_margin - spend) / spend.",
         "Tỷ suất hoàn vốn marketing (ROMI): (doanh thu x biên lợi nhuận gộp - chi phí) / chi phí."},
        romi_params, "(revenue x gross_margin - spend) / spend",
        "Marketing ROI; Farris et al., Marketing Metrics, 2nd ed. (2010), ch. 10",
        "=KPI.ROMI(300000000;60000000;0.4) -> 1"},
    function_info{
        "CPL", "KPI.CPL", function_group::acquisition,
        {"Cost per lead: spend / leads.", "Chi phí cho mỗi lead (CPL): chi phí / số lead."}, cpl_params,
        "spend / leads", "HubSpot, Marketing metrics glossary: cost per lead",
        "=KPI.CPL(100;4) -> 25"},
    function_info{
        "CAC", "KPI.CAC", function_group::acquisition,
        {"Customer acquisition cost: cost / new_customers.",
         "Chi phí thu hút khách hàng (CAC): chi phí / số khách hàng mới."},
        cac_params, "cost / new_customers",
        "Farris et al., Marketing Metrics, 2nd ed. (2010), ch. 5 (acquisition cost)",
        "=KPI.CAC(50000000;40) -> 1250000"},
    function_info{
        "CTR", "KPI.CTR", function_group::acquisition,
        {"Click-through rate: clicks / impressions, as a fraction.",
         "Tỷ lệ nhấp (CTR): lượt nhấp / lượt hiển thị, dạng phân số."},
        ctr_params, "clicks / impressions", "Google Ads Help: Clickthrough rate (CTR)",
        "=KPI.CTR(250;10000) -> 0.025"},
    function_info{
        "CONVRATE", "KPI.CONVRATE", function_group::acquisition,
        {"Conversion rate: conversions / visitors, as a fraction.",
         "Tỷ lệ chuyển đổi: số chuyển đổi / số lượt truy cập, dạng phân số."},
        convrate_params, "conversions / visitors", "Google Ads Help: Conversion rate",
        "=KPI.CONVRATE(30;1200) -> 0.025"},
};

bool equal_ignoring_case(std::string_view a, std::string_view b) noexcept {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::toupper(static_cast<unsigned char>(x)) == std::toupper(static_cast<unsigned char>(y));
           });
}

} // namespace

text group_title(function_group g) noexcept {
    switch (g) {
    case function_group::strategic: return {"Strategic", "Chiến lược"};
    case function_group::acquisition: return {"Acquisition & cost", "Thu hút & chi phí"};
    case function_group::digital: return {"Digital & SEO", "Kênh số & SEO"};
    case function_group::customer: return {"Customer value & relationship", "Giá trị & quan hệ khách hàng"};
    case function_group::targets: return {"Targets & status", "Mục tiêu & trạng thái"};
    case function_group::tools: return {"Tools", "Công cụ"};
    }
    return {"", ""};
}

std::span<const function_info> catalog() noexcept { return functions; }

const function_info* find_function(std::string_view name) noexcept {
    for (const auto& f : functions)
        if (f.name == name || equal_ignoring_case(f.display, name)) return &f;
    return nullptr;
}

} // namespace kpi
