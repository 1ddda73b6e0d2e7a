#include "kpi/catalog.hpp"
#include "kpi/catalog_text.hpp"

#include "kpi/customer.hpp"
#include "kpi/metrics.hpp"
#include "kpi/statistics.hpp"
#include "kpi/targets.hpp"
#include "kpi/trend.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <limits>

namespace kpi {
namespace {

using enum param_kind;
using enum domain;

constexpr double not_given = std::numeric_limits<double>::quiet_NaN();

// ---- evaluators: the catalog's uniform entry to the core --------------------------------------

template <result (*F)(double, double) noexcept> result call2(std::span<const double> a) noexcept { return F(a[0], a[1]); }
template <result (*F)(double, double, double) noexcept> result call3(std::span<const double> a) noexcept {
    return F(a[0], a[1], a[2]);
}
template <result (*F)(double, double, double, double) noexcept> result call4(std::span<const double> a) noexcept {
    return F(a[0], a[1], a[2], a[3]);
}
result eval_attainment(std::span<const double> a) noexcept {
    return attainment(a[0], a[1], std::isnan(a[2]) ? std::nullopt : std::optional<double>(a[2]), a[3] != 0.0);
}
result eval_status(std::span<const double> a) noexcept { return status(a[0], a[1], a[2] != 0.0, a[3]); }
result eval_pace(std::span<const double> a) noexcept { return pace(a[0], a[1], a[2], a[3], a[4], a[5]); }
result eval_topn(cell_list c, std::span<const double> rest) noexcept { return top_n_share(c, rest[0]); }
result eval_nps(cell_list c, std::span<const double>) noexcept { return net_promoter_score(c); }
result eval_csat(cell_list c, std::span<const double> rest) noexcept { return customer_satisfaction(c, rest[0]); }
result eval_cmgr(cell_list c, std::span<const double>) noexcept { return compound_monthly_growth(c); }
result eval_projection(cell_list c, std::span<const double> rest) noexcept {
    return project_to_deadline(c, rest[0], rest[1] != 0.0 ? projection_kind::cumulative : projection_kind::rate);
}
result eval_pace_status(std::span<const double> a) noexcept { return pace_status(a[0], a[1], a[2] != 0.0, a[3]); }

// ---- parameters --------------------------------------------------------------------------------

constexpr param_info num(std::string_view name, text display, text description, domain d = amount) {
    return {name, display, description, number, 0.0, d};
}
constexpr param_info opt(std::string_view name, text display, text description, double def, domain d,
                         param_kind k = optional_number) {
    return {name, display, description, k, def, d};
}

// Shared parameters
constexpr param_info p_spend = num("spend", {"spend", "chi phí"},
                                   {"Marketing or ad spend in the period (money, >= 0).",
                                    "Chi phí marketing hoặc quảng cáo trong kỳ (tiền, >= 0)."});
constexpr param_info p_gross_margin =
    opt("grossMargin", {"gross_margin", "biên lợi nhuận gộp"},
        {"Optional gross margin as a fraction 0..1 (default 1: revenue is used as is).",
         "Tùy chọn: biên lợi nhuận gộp, phân số 0..1 (mặc định 1: dùng nguyên doanh thu)."},
        1.0, fraction);
constexpr param_info p_leads = num("leads", {"leads", "số lead"},
                                   {"Number of leads generated (> 0).", "Số khách hàng tiềm năng (lead) thu được (> 0)."},
                                   divisor);
constexpr param_info p_mqls_div = num("mqls", {"mqls", "số MQL"},
                                      {"Number of marketing-qualified leads (MQLs) (> 0).",
                                       "Số lead đủ điều kiện marketing (MQL) (> 0)."},
                                      divisor);
constexpr param_info p_sqls_div = num("sqls", {"sqls", "số SQL"},
                                      {"Number of sales-qualified leads (SQLs) (> 0).",
                                       "Số lead đủ điều kiện bán hàng (SQL) (> 0)."},
                                      divisor);
constexpr param_info p_customers_won = num("customers", {"customers", "khách hàng"},
                                           {"Number of new customers won (>= 0).", "Số khách hàng mới chốt được (>= 0)."});
constexpr param_info p_sessions = num("sessions", {"sessions", "số phiên"},
                                      {"Number of sessions (> 0).", "Tổng số phiên truy cập (> 0)."}, divisor);
constexpr param_info p_engaged = num("engagedSessions", {"engaged_sessions", "phiên tương tác"},
                                     {"Engaged sessions (GA4: longer than 10 s, a conversion or 2+ page views; >= 0).",
                                      "Số phiên có tương tác (GA4: dài hơn 10 giây, có chuyển đổi hoặc từ 2 lượt xem trang; >= 0)."});
constexpr param_info p_actual = num("actual", {"actual", "thực tế"},
                                    {"Actual value achieved.", "Giá trị thực tế đạt được."}, real);
constexpr param_info p_target_nonzero = num("target", {"target", "mục tiêu"},
                                            {"Target value (not 0).", "Giá trị mục tiêu (khác 0)."}, nonzero);
constexpr param_info p_target = num("target", {"target", "mục tiêu"}, {"Target value.", "Giá trị mục tiêu."}, real);
constexpr param_info p_lower_is_better =
    opt("lowerIsBetter", {"lower_is_better", "càng thấp càng tốt"},
        {"Optional: TRUE when a lower value is better (costs, churn); default FALSE.",
         "Tùy chọn: TRUE nếu giá trị càng thấp càng tốt (chi phí, tỷ lệ rời bỏ); mặc định FALSE."},
        0.0, flag, optional_flag);
constexpr param_info p_amber =
    opt("amber", {"amber", "ngưỡng cảnh báo"},
        {"Optional attainment from which the status is 'at risk' instead of 'off track', 0..1; default 0.9.",
         "Tùy chọn: mức hoàn thành từ đó trạng thái là 'có rủi ro' thay vì 'không đạt', 0..1; mặc định 0,9."},
        0.9, fraction);

constexpr std::array revgrowth_params{
    num("current", {"current", "kỳ này"}, {"Revenue of the current period (>= 0).", "Doanh thu kỳ hiện tại (>= 0)."}),
    num("previous", {"previous", "kỳ trước"}, {"Revenue of the comparison period (> 0).", "Doanh thu kỳ so sánh (> 0)."},
        divisor),
};
constexpr param_info p_own_sales = num("ownSales", {"own_sales", "doanh số của mình"},
                                       {"Own sales in the market (money or units, >= 0).",
                                        "Doanh số của doanh nghiệp trên thị trường (tiền hoặc số lượng, >= 0)."});
constexpr std::array marketshare_params{
    p_own_sales,
    num("marketSales", {"market_sales", "doanh số thị trường"},
        {"Total sales of the market, in the same unit (> 0).", "Tổng doanh số toàn thị trường, cùng đơn vị (> 0)."},
        divisor),
};
constexpr std::array relshare_params{
    p_own_sales,
    num("largestCompetitorSales", {"largest_competitor_sales", "doanh số đối thủ lớn nhất"},
        {"Sales of the largest competitor, in the same unit (> 0).",
         "Doanh số của đối thủ cạnh tranh lớn nhất, cùng đơn vị (> 0)."},
        divisor),
};
constexpr std::array mktrevshare_params{
    num("marketingSourcedRevenue", {"marketing_sourced_revenue", "doanh thu từ marketing"},
        {"Revenue from deals that marketing sourced (>= 0).", "Doanh thu từ các thương vụ do marketing tạo ra (>= 0)."}),
    num("totalRevenue", {"total_revenue", "tổng doanh thu"}, {"Total revenue (> 0).", "Tổng doanh thu (> 0)."},
        divisor),
};
constexpr std::array romi_params{
    num("revenue", {"revenue", "doanh thu"},
        {"Revenue attributed to the marketing (money, >= 0).", "Doanh thu do hoạt động marketing mang lại (tiền, >= 0)."}),
    num("spend", {"spend", "chi phí"},
        {"Marketing spend that produced the revenue (money, > 0).", "Chi phí marketing đã tạo ra doanh thu đó (tiền, > 0)."},
        divisor),
    p_gross_margin,
};
constexpr std::array roas_params{
    num("revenue", {"revenue", "doanh thu"},
        {"Revenue attributed to the ads (money, >= 0).", "Doanh thu do quảng cáo mang lại (tiền, >= 0)."}),
    num("adSpend", {"ad_spend", "chi phí quảng cáo"}, {"Ad spend (money, > 0).", "Chi phí quảng cáo (tiền, > 0)."},
        divisor),
};
constexpr std::array profitmargin_params{
    num("revenue", {"revenue", "doanh thu"}, {"Revenue (money, > 0).", "Doanh thu (tiền, > 0)."}, divisor),
    num("cost", {"cost", "chi phí"}, {"Total cost of that revenue (money, >= 0).", "Tổng chi phí tương ứng (tiền, >= 0)."}),
};
constexpr std::array cpl_params{p_spend, p_leads};
constexpr std::array cpa_params{
    p_spend, num("conversions", {"conversions", "chuyển đổi"},
                 {"Number of conversions (acquisitions) (> 0).", "Số lượt chuyển đổi (> 0)."}, divisor)};
constexpr std::array cac_params{
    num("cost", {"cost", "chi phí"},
        {"Total sales and marketing cost of acquiring the customers (money, >= 0).",
         "Tổng chi phí bán hàng và marketing để có được khách hàng (tiền, >= 0)."}),
    num("newCustomers", {"new_customers", "khách hàng mới"},
        {"Number of new customers acquired in the period (> 0).", "Số khách hàng mới có được trong kỳ (> 0)."}, divisor),
};
constexpr std::array cpc_params{
    p_spend, num("clicks", {"clicks", "lượt nhấp"}, {"Number of clicks (> 0).", "Số lượt nhấp (> 0)."}, divisor)};
constexpr std::array cpm_params{
    p_spend, num("impressions", {"impressions", "lượt hiển thị"},
                 {"Number of impressions (> 0).", "Số lượt hiển thị (> 0)."}, divisor)};
constexpr std::array ctr_params{
    num("clicks", {"clicks", "lượt nhấp"}, {"Number of clicks (>= 0).", "Số lượt nhấp (>= 0)."}),
    num("impressions", {"impressions", "lượt hiển thị"}, {"Number of impressions (> 0).", "Số lượt hiển thị (> 0)."},
        divisor),
};
constexpr std::array convrate_params{
    num("conversions", {"conversions", "chuyển đổi"}, {"Number of conversions (>= 0).", "Số lượt chuyển đổi (>= 0)."}),
    num("visitors", {"visitors", "lượt truy cập"},
        {"Number of visitors, sessions or clicks the conversions come from (> 0).",
         "Số người truy cập, phiên hoặc lượt nhấp tạo ra chuyển đổi (> 0)."},
        divisor),
};
constexpr std::array mqlrate_params{
    num("mqls", {"mqls", "số MQL"},
        {"Leads that became marketing-qualified leads (MQLs) (>= 0).",
         "Số lead trở thành lead đủ điều kiện marketing (MQL) (>= 0)."}),
    p_leads,
};
constexpr std::array sqlrate_params{
    num("sqls", {"sqls", "số SQL"},
        {"MQLs that became sales-qualified leads (SQLs) (>= 0).", "Số MQL trở thành lead đủ điều kiện bán hàng (SQL) (>= 0)."}),
    p_mqls_div,
};
constexpr std::array winrate_params{p_customers_won, p_sqls_div};
constexpr std::array leadtocustomer_params{p_customers_won, p_leads};
constexpr std::array costpermql_params{p_spend, p_mqls_div};
constexpr std::array costpersql_params{p_spend, p_sqls_div};

constexpr std::array engagement_params{p_engaged, p_sessions};
constexpr std::array bounce_ua_params{
    num("singlePageSessions", {"single_page_sessions", "phiên một trang"},
        {"Sessions with a single page view (>= 0).", "Số phiên chỉ xem một trang (>= 0)."}),
    p_sessions,
};
constexpr std::array avgengagement_params{
    num("engagementSeconds", {"engagement_seconds", "thời gian tương tác (giây)"},
        {"Total user engagement time in seconds (>= 0).", "Tổng thời gian tương tác của người dùng, tính bằng giây (>= 0)."}),
    num("activeUsers", {"active_users", "người dùng hoạt động"},
        {"Number of active users (> 0).", "Số người dùng hoạt động (> 0)."}, divisor),
};
constexpr std::array avgsession_params{
    num("sessionSeconds", {"session_seconds", "thời lượng phiên (giây)"},
        {"Total duration of all sessions in seconds (>= 0).", "Tổng thời lượng của mọi phiên, tính bằng giây (>= 0)."}),
    p_sessions,
};
constexpr std::array pagespersession_params{
    num("views", {"views", "lượt xem trang"}, {"Number of page views (>= 0).", "Số lượt xem trang (>= 0)."}),
    p_sessions,
};
constexpr std::array organicshare_params{
    num("organicSessions", {"organic_sessions", "phiên tự nhiên"},
        {"Sessions from organic search (>= 0).", "Số phiên đến từ tìm kiếm tự nhiên (>= 0)."}),
    p_sessions,
};
constexpr std::array topn_params{
    param_info{"positions", {"positions", "thứ hạng"},
               {"Range of keyword ranking positions (>= 1); blank cells are ignored.",
                "Vùng thứ hạng của các từ khóa (>= 1); ô trống được bỏ qua."},
               range, 0.0, positive},
    opt("n", {"n", "n"}, {"Optional: the top positions that count, default 10.", "Tùy chọn: số vị trí đầu được tính, mặc định 10."},
        10.0, positive),
};

constexpr param_info p_start_customers = num("startCustomers", {"start_customers", "khách hàng đầu kỳ"},
                                             {"Customers at the start of the period (> 0).",
                                              "Số khách hàng đầu kỳ (> 0)."},
                                             divisor);
constexpr std::array retention_params{
    p_start_customers,
    num("endCustomers", {"end_customers", "khách hàng cuối kỳ"},
        {"Customers at the end of the period (>= 0).", "Số khách hàng cuối kỳ (>= 0)."}),
    num("newCustomers", {"new_customers", "khách hàng mới"},
        {"New customers gained during the period (>= 0).", "Số khách hàng mới có thêm trong kỳ (>= 0)."}),
};
constexpr std::array churn_params{
    p_start_customers,
    num("lostCustomers", {"lost_customers", "khách hàng rời bỏ"},
        {"Customers lost during the period (>= 0).", "Số khách hàng rời bỏ trong kỳ (>= 0)."}),
};
constexpr std::array repeatrate_params{
    num("repeatCustomers", {"repeat_customers", "khách hàng mua lại"},
        {"Customers who bought more than once (>= 0).", "Số khách hàng mua từ hai lần trở lên (>= 0)."}),
    num("customers", {"customers", "khách hàng"}, {"All customers who bought (> 0).", "Tổng số khách hàng đã mua (> 0)."},
        divisor),
};
constexpr std::array clv_params{
    num("avgOrderValue", {"avg_order_value", "giá trị đơn trung bình"},
        {"Average order value (money, >= 0).", "Giá trị trung bình mỗi đơn hàng (tiền, >= 0)."}),
    num("ordersPerYear", {"orders_per_year", "số đơn mỗi năm"},
        {"Orders per customer per year (>= 0).", "Số đơn hàng của mỗi khách hàng trong một năm (>= 0)."}),
    num("years", {"years", "số năm"}, {"Expected customer lifetime in years (>= 0).", "Thời gian gắn bó dự kiến, tính bằng năm (>= 0)."}),
    p_gross_margin,
};
constexpr std::array clvdiscounted_params{
    num("marginPerPeriod", {"margin_per_period", "lợi nhuận mỗi kỳ"},
        {"Margin per customer per period (money, >= 0).", "Lợi nhuận gộp trên mỗi khách hàng trong mỗi kỳ (tiền, >= 0)."}),
    num("retentionRate", {"retention_rate", "tỷ lệ giữ chân"},
        {"Retention rate per period, 0..1.", "Tỷ lệ giữ chân khách hàng mỗi kỳ, 0..1."}, fraction),
    num("discountRate", {"discount_rate", "lãi suất chiết khấu"},
        {"Discount rate per period (>= 0, e.g. 0.1).", "Lãi suất chiết khấu mỗi kỳ (>= 0, ví dụ 0,1)."}),
};
constexpr std::array ltvcac_params{
    num("ltv", {"ltv", "giá trị vòng đời"}, {"Customer lifetime value (money, >= 0).", "Giá trị vòng đời khách hàng (tiền, >= 0)."}),
    num("cac", {"cac", "CAC"}, {"Customer acquisition cost (money, > 0).", "Chi phí thu hút một khách hàng (tiền, > 0)."},
        divisor),
};
constexpr std::array payback_params{
    num("cac", {"cac", "CAC"}, {"Customer acquisition cost (money, >= 0).", "Chi phí thu hút một khách hàng (tiền, >= 0)."}),
    num("monthlyRevenuePerCustomer", {"monthly_revenue_per_customer", "doanh thu tháng mỗi khách"},
        {"Monthly revenue per customer (money, > 0).", "Doanh thu hằng tháng trên mỗi khách hàng (tiền, > 0)."}, divisor),
    p_gross_margin,
};
constexpr std::array nps_params{
    param_info{"scores", {"scores", "điểm đánh giá"},
               {"Range of 0-10 answers to 'How likely are you to recommend us?'; blank cells are ignored.",
                "Vùng câu trả lời 0-10 cho câu hỏi 'Bạn có sẵn lòng giới thiệu chúng tôi không?'; ô trống được bỏ qua."},
               range, 0.0, score},
};
constexpr std::array csat_params{
    param_info{"scores", {"scores", "điểm đánh giá"},
               {"Range of satisfaction scores (whole numbers up to scale_max); blank cells are ignored.",
                "Vùng điểm hài lòng (số nguyên, tối đa bằng thang điểm); ô trống được bỏ qua."},
               range, 0.0, score},
    opt("scaleMax", {"scale_max", "thang điểm"},
        {"Optional: the top of the scale, default 5 (a 1-5 survey).", "Tùy chọn: điểm cao nhất của thang, mặc định 5 (khảo sát 1-5)."},
        5.0, positive),
};

constexpr std::array variance_params{p_actual, p_target_nonzero};
constexpr std::array attainment_params{
    p_actual, p_target,
    opt("baseline", {"baseline", "mốc ban đầu"},
        {"Optional starting value the progress is measured from; omitted: none.",
         "Tùy chọn: giá trị xuất phát để đo tiến độ; bỏ trống: không dùng."},
        not_given, real),
    p_lower_is_better,
};
constexpr std::array status_params{p_actual, p_target_nonzero, p_lower_is_better, p_amber};
constexpr std::array pace_params{
    num("actual", {"actual", "thực tế"}, {"Value achieved so far.", "Giá trị đạt được tính đến nay."}, real),
    p_target_nonzero,
    num("startDate", {"start_date", "ngày bắt đầu"}, {"First day of the period.", "Ngày đầu tiên của kỳ."}, date),
    num("endDate", {"end_date", "ngày kết thúc"}, {"Last day of the period (after start_date).", "Ngày cuối cùng của kỳ (sau ngày bắt đầu)."},
        date),
    opt("asOf", {"as_of", "tính đến ngày"}, {"Optional: the date of the actual value, default today.",
                                            "Tùy chọn: ngày của giá trị thực tế, mặc định là hôm nay."},
        0.0, date, optional_date),
    opt("baseline", {"baseline", "mốc ban đầu"}, {"Optional value at start_date, default 0.", "Tùy chọn: giá trị tại ngày bắt đầu, mặc định 0."},
        0.0, real),
};
constexpr std::array projection_params{
    param_info{"values", {"values", "giá trị"},
               {"Range of the KPI's values per period, oldest first, the last cell being the current period (>= 0); a blank cell is a period without data.",
                "Vùng giá trị của KPI theo từng kỳ, kỳ cũ nhất trước, ô cuối là kỳ hiện tại (>= 0); ô trống là kỳ chưa có số liệu."},
               range, 0.0, amount},
    num("periodsAhead", {"periods_ahead", "số kỳ còn lại"},
        {"Periods from the last cell of values to the deadline (a whole number >= 0; 0: the current period).",
         "Số kỳ từ ô cuối của vùng giá trị đến hạn chót (số nguyên >= 0; 0: kỳ hiện tại)."},
        periods),
    opt("cumulative", {"cumulative", "cộng dồn"},
        {"Optional: TRUE for a KPI summed over the plan (leads, revenue): total so far plus the run rate per period times the periods left; default FALSE: a rate (CPL, CTR), projected along the trend of the last 6 values.",
         "Tùy chọn: TRUE với KPI cộng dồn theo kế hoạch (lead, doanh thu): tổng đến nay cộng tốc độ mỗi kỳ nhân số kỳ còn lại; mặc định FALSE: KPI tỷ lệ (CPL, CTR), dự phóng theo xu hướng của 6 giá trị gần nhất."},
        0.0, flag, optional_flag),
};
constexpr std::array pacestatus_params{
    num("projection", {"projection", "giá trị dự kiến"},
        {"Projected value at the deadline, e.g. from KPI.PROJECTION (>= 0).",
         "Giá trị dự kiến tại hạn chót, ví dụ từ KPI.PROJECTION (>= 0)."}),
    num("target", {"target", "mục tiêu"},
        {"Target value at the deadline (> 0; 0 only when lower is better).",
         "Giá trị mục tiêu tại hạn chót (> 0; chỉ được bằng 0 khi càng thấp càng tốt)."},
        divisor),
    p_lower_is_better,
    opt("tolerance", {"tolerance", "dung sai"},
        {"Optional: the band around a projected attainment of 1 that counts as on pace, 0..1; default 0.05 (ahead from 1.05, behind below 0.95).",
         "Tùy chọn: khoảng quanh mức hoàn thành dự kiến bằng 1 được coi là đúng tiến độ, 0..1; mặc định 0,05 (vượt tiến độ từ 1,05, chậm tiến độ dưới 0,95)."},
        pace_tolerance, fraction),
};
constexpr std::array cmgr_params{
    param_info{"values", {"values", "giá trị"},
               {"Range of values per period, oldest first (>= 0); blank cells are ignored.",
                "Vùng giá trị theo từng kỳ, kỳ cũ nhất trước (>= 0); ô trống được bỏ qua."},
               range, 0.0, amount},
};
constexpr std::array abtest_params{
    num("conversionsA", {"conversions_a", "chuyển đổi A"}, {"Conversions in variant A (>= 0).", "Số chuyển đổi của phương án A (>= 0)."}),
    num("visitorsA", {"visitors_a", "lượt truy cập A"}, {"Visitors of variant A (> 0).", "Số lượt truy cập của phương án A (> 0)."}, divisor),
    num("conversionsB", {"conversions_b", "chuyển đổi B"}, {"Conversions in variant B (>= 0).", "Số chuyển đổi của phương án B (>= 0)."}),
    num("visitorsB", {"visitors_b", "lượt truy cập B"}, {"Visitors of variant B (> 0).", "Số lượt truy cập của phương án B (> 0)."}, divisor),
};
constexpr std::array each_params{
    param_info{"name", {"name", "tên hàm"},
               {"Name of a KPI function without the KPI. prefix, e.g. \"CPL\".",
                "Tên một hàm KPI, không có tiền tố KPI., ví dụ \"CPL\"."},
               param_kind::name, 0.0, other},
    param_info{"range1", {"range1", "vùng 1"},
               {"The function's first argument: a column (or a range of any shape), or a single value used on every row.",
                "Đối số thứ nhất của hàm: một cột (hoặc vùng bất kỳ), hoặc một giá trị đơn dùng cho mọi dòng."},
               range, 0.0, other},
    param_info{"range2", {"range2", "vùng 2"},
               {"Optional: the function's next argument, of the same size as range1, or a single value.",
                "Tùy chọn: đối số tiếp theo của hàm, cùng kích thước với vùng 1, hoặc một giá trị đơn."},
               optional_range, 0.0, other},
    param_info{"range3", {"range3", "vùng 3"}, {"Optional: the next argument.", "Tùy chọn: đối số tiếp theo."},
               optional_range, 0.0, other},
    param_info{"range4", {"range4", "vùng 4"}, {"Optional: the next argument.", "Tùy chọn: đối số tiếp theo."},
               optional_range, 0.0, other},
    param_info{"range5", {"range5", "vùng 5"}, {"Optional: the next argument.", "Tùy chọn: đối số tiếp theo."},
               optional_range, 0.0, other},
    param_info{"range6", {"range6", "vùng 6"}, {"Optional: the next argument.", "Tùy chọn: đối số tiếp theo."},
               optional_range, 0.0, other},
};

// The register functions (docs/register.md): a KPI's ID and the register range, header row first.
constexpr param_info p_kpi_id{"id", {"id", "mã KPI"},
                              {"The ID of a KPI in the register (text or number).",
                               "Mã (ID) của một KPI trong bảng KPI (chữ hoặc số)."},
                              key, 0.0, other};
constexpr param_info p_register{"kpiRegister", {"register", "bảng KPI"},
                                {"The KPI register range, its header row first (ID, Level, Parent, ...; English or Vietnamese headers).",
                                 "Vùng bảng KPI, dòng tiêu đề ở trên cùng (ID, Cấp độ, KPI cha, ...; tiêu đề tiếng Việt hoặc tiếng Anh)."},
                                table, 0.0, other};
constexpr std::array kpi_in_register_params{p_kpi_id, p_register};
constexpr std::array register_params{p_register};

// ---- the table -------------------------------------------------------------------------------

#define FARRIS(ch) "Farris, Bendle, Pfeifer, Reibstein, Marketing Metrics, 2nd ed. (2010), " ch

using fg = function_group;

constexpr std::array functions{
    // ---- strategic
    function_info{"REVGROWTH", "KPI.REVGROWTH", fg::strategic,
                  {"Revenue growth: (current - previous) / previous, as a fraction (Farris et al., ch. 4).",
                   "Tăng trưởng doanh thu: (kỳ này - kỳ trước) / kỳ trước, dạng phân số (Farris và cộng sự, chương 4)."},
                  revgrowth_params, "(current - previous) / previous", FARRIS("ch. 4 (Growth: percentage and CAGR)"),
                  "=KPI.REVGROWTH(1150;1000) -> 0.15", &call2<revenue_growth>},
    function_info{"MARKETSHARE", "KPI.MARKETSHARE", fg::strategic,
                  {"Market share: own_sales / market_sales, as a fraction (Farris et al., ch. 2).",
                   "Thị phần: doanh số của mình / doanh số thị trường, dạng phân số (Farris và cộng sự, chương 2)."},
                  marketshare_params, "own_sales / market_sales (own_sales <= market_sales)",
                  FARRIS("ch. 2 (Market share)"), "=KPI.MARKETSHARE(250;1000) -> 0.25", &call2<market_share>},
    function_info{"RELSHARE", "KPI.RELSHARE", fg::strategic,
                  {"Relative market share: own_sales / largest_competitor_sales (Farris et al., ch. 2).",
                   "Thị phần tương đối: doanh số của mình / doanh số đối thủ lớn nhất (Farris và cộng sự, chương 2)."},
                  relshare_params, "own_sales / largest_competitor_sales", FARRIS("ch. 2 (Relative market share)"),
                  "=KPI.RELSHARE(250;500) -> 0.5", &call2<relative_market_share>},
    function_info{"MKTREVSHARE", "KPI.MKTREVSHARE", fg::strategic,
                  {"Marketing-sourced revenue share: marketing_sourced_revenue / total_revenue (HubSpot).",
                   "Tỷ trọng doanh thu từ marketing: doanh thu từ marketing / tổng doanh thu (HubSpot)."},
                  mktrevshare_params, "marketing_sourced_revenue / total_revenue",
                  "HubSpot, marketing metrics: marketing-sourced revenue", "=KPI.MKTREVSHARE(300;1200) -> 0.25",
                  &call2<marketing_revenue_share>},
    function_info{"ROMI", "KPI.ROMI", fg::strategic,
                  {"Return on marketing investment: (revenue x gross_margin - spend) / spend (Farris et al., ch. 10).",
                   "Tỷ suất hoàn vốn marketing (ROMI): (doanh thu x biên lợi nhuận gộp - chi phí) / chi phí (Farris và cộng sự, chương 10)."},
                  romi_params, "(revenue x gross_margin - spend) / spend", FARRIS("ch. 10 (Return on marketing investment)"),
                  "=KPI.ROMI(300000000;60000000;0.4) -> 1", &call3<return_on_marketing_investment>},
    function_info{"ROAS", "KPI.ROAS", fg::strategic,
                  {"Return on ad spend: revenue / ad_spend (Google Ads Help).",
                   "Lợi tức trên chi phí quảng cáo (ROAS): doanh thu / chi phí quảng cáo (Google Ads Help)."},
                  roas_params, "revenue / ad_spend", "Google Ads Help: Return on ad spend (ROAS)",
                  "=KPI.ROAS(500;100) -> 5", &call2<return_on_ad_spend>},
    function_info{"PROFITMARGIN", "KPI.PROFITMARGIN", fg::strategic,
                  {"Profit margin: (revenue - cost) / revenue, as a fraction (Farris et al., ch. 3).",
                   "Biên lợi nhuận: (doanh thu - chi phí) / doanh thu, dạng phân số (Farris và cộng sự, chương 3)."},
                  profitmargin_params, "(revenue - cost) / revenue", FARRIS("ch. 3 (Margin %)"),
                  "=KPI.PROFITMARGIN(1000;750) -> 0.25", &call2<profit_margin>},
    // ---- acquisition and cost
    function_info{"CPL", "KPI.CPL", fg::acquisition,
                  {"Cost per lead: spend / leads (HubSpot).", "Chi phí cho mỗi lead (CPL): chi phí / số lead (HubSpot)."},
                  cpl_params, "spend / leads", "HubSpot, marketing metrics: cost per lead", "=KPI.CPL(100;4) -> 25",
                  &call2<cost_per_lead>},
    function_info{"CPA", "KPI.CPA", fg::acquisition,
                  {"Cost per acquisition: spend / conversions (Google Ads Help; Farris et al., ch. 9).",
                   "Chi phí cho mỗi chuyển đổi (CPA): chi phí / số chuyển đổi (Google Ads Help; Farris và cộng sự, chương 9)."},
                  cpa_params, "spend / conversions", "Google Ads Help: Cost per acquisition (CPA); " FARRIS("ch. 9"),
                  "=KPI.CPA(1000;40) -> 25", &call2<cost_per_acquisition>},
    function_info{"CAC", "KPI.CAC", fg::acquisition,
                  {"Customer acquisition cost: cost / new_customers (Farris et al., ch. 5).",
                   "Chi phí thu hút khách hàng (CAC): chi phí / số khách hàng mới (Farris và cộng sự, chương 5)."},
                  cac_params, "cost / new_customers", FARRIS("ch. 5 (Average acquisition cost)"),
                  "=KPI.CAC(50000000;40) -> 1250000", &call2<customer_acquisition_cost>},
    function_info{"CPC", "KPI.CPC", fg::acquisition,
                  {"Cost per click: spend / clicks (Google Ads Help).",
                   "Chi phí mỗi lượt nhấp (CPC): chi phí / số lượt nhấp (Google Ads Help)."},
                  cpc_params, "spend / clicks", "Google Ads Help: Cost-per-click (CPC); " FARRIS("ch. 9"),
                  "=KPI.CPC(150;300) -> 0.5", &call2<cost_per_click>},
    function_info{"CPM", "KPI.CPM", fg::acquisition,
                  {"Cost per thousand impressions: spend / impressions x 1000 (Google Ads Help).",
                   "Chi phí cho mỗi nghìn lượt hiển thị (CPM): chi phí / lượt hiển thị x 1000 (Google Ads Help)."},
                  cpm_params, "spend / impressions x 1000", "Google Ads Help: Cost per thousand impressions (CPM); " FARRIS("ch. 9"),
                  "=KPI.CPM(250;100000) -> 2.5", &call2<cost_per_mille>},
    function_info{"CTR", "KPI.CTR", fg::acquisition,
                  {"Click-through rate: clicks / impressions, as a fraction (Google Ads Help).",
                   "Tỷ lệ nhấp (CTR): lượt nhấp / lượt hiển thị, dạng phân số (Google Ads Help)."},
                  ctr_params, "clicks / impressions", "Google Ads Help: Clickthrough rate (CTR); " FARRIS("ch. 9"),
                  "=KPI.CTR(250;10000) -> 0.025", &call2<click_through_rate>},
    function_info{"CONVRATE", "KPI.CONVRATE", fg::acquisition,
                  {"Conversion rate: conversions / visitors, as a fraction (Google Ads Help).",
                   "Tỷ lệ chuyển đổi: số chuyển đổi / số lượt truy cập, dạng phân số (Google Ads Help)."},
                  convrate_params, "conversions / visitors", "Google Ads Help: Conversion rate",
                  "=KPI.CONVRATE(30;1200) -> 0.025", &call2<conversion_rate>},
    function_info{"MQLRATE", "KPI.MQLRATE", fg::acquisition,
                  {"Lead-to-MQL rate: mqls / leads, as a fraction (HubSpot lifecycle stages).",
                   "Tỷ lệ lead thành MQL: số MQL / số lead, dạng phân số (giai đoạn vòng đời của HubSpot)."},
                  mqlrate_params, "mqls / leads", "HubSpot Knowledge Base: lifecycle stages (lead, MQL, SQL, customer)",
                  "=KPI.MQLRATE(40;200) -> 0.2", &call2<mql_rate>},
    function_info{"SQLRATE", "KPI.SQLRATE", fg::acquisition,
                  {"MQL-to-SQL rate: sqls / mqls, as a fraction (HubSpot lifecycle stages).",
                   "Tỷ lệ MQL thành SQL: số SQL / số MQL, dạng phân số (giai đoạn vòng đời của HubSpot)."},
                  sqlrate_params, "sqls / mqls", "HubSpot Knowledge Base: lifecycle stages (lead, MQL, SQL, customer)",
                  "=KPI.SQLRATE(10;40) -> 0.25", &call2<sql_rate>},
    function_info{"WINRATE", "KPI.WINRATE", fg::acquisition,
                  {"SQL-to-customer (win) rate: customers / sqls, as a fraction (HubSpot lifecycle stages).",
                   "Tỷ lệ chốt đơn: số khách hàng / số SQL, dạng phân số (giai đoạn vòng đời của HubSpot)."},
                  winrate_params, "customers / sqls", "HubSpot Knowledge Base: lifecycle stages (lead, MQL, SQL, customer)",
                  "=KPI.WINRATE(3;10) -> 0.3", &call2<win_rate>},
    function_info{"LEADTOCUSTOMER", "KPI.LEADTOCUSTOMER", fg::acquisition,
                  {"Lead-to-customer rate: customers / leads, as a fraction (HubSpot lifecycle stages).",
                   "Tỷ lệ lead thành khách hàng: số khách hàng / số lead, dạng phân số (giai đoạn vòng đời của HubSpot)."},
                  leadtocustomer_params, "customers / leads",
                  "HubSpot Knowledge Base: lifecycle stages (lead, MQL, SQL, customer)",
                  "=KPI.LEADTOCUSTOMER(3;200) -> 0.015", &call2<lead_to_customer_rate>},
    function_info{"COSTPERMQL", "KPI.COSTPERMQL", fg::acquisition,
                  {"Cost per MQL: spend / mqls (HubSpot lifecycle stages).",
                   "Chi phí cho mỗi MQL: chi phí / số MQL (giai đoạn vòng đời của HubSpot)."},
                  costpermql_params, "spend / mqls", "HubSpot Knowledge Base: lifecycle stages (lead, MQL, SQL, customer)",
                  "=KPI.COSTPERMQL(2000;40) -> 50", &call2<cost_per_mql>},
    function_info{"COSTPERSQL", "KPI.COSTPERSQL", fg::acquisition,
                  {"Cost per SQL: spend / sqls (HubSpot lifecycle stages).",
                   "Chi phí cho mỗi SQL: chi phí / số SQL (giai đoạn vòng đời của HubSpot)."},
                  costpersql_params, "spend / sqls", "HubSpot Knowledge Base: lifecycle stages (lead, MQL, SQL, customer)",
                  "=KPI.COSTPERSQL(2000;10) -> 200", &call2<cost_per_sql>},
    // ---- digital and SEO
    function_info{"ENGAGEMENTRATE", "KPI.ENGAGEMENTRATE", fg::digital,
                  {"Engagement rate (GA4): engaged_sessions / sessions, as a fraction (Google Analytics 4 Help).",
                   "Tỷ lệ tương tác (GA4): phiên tương tác / số phiên, dạng phân số (Google Analytics 4 Help)."},
                  engagement_params, "engaged_sessions / sessions", "Google Analytics 4 Help: Engagement rate and bounce rate",
                  "=KPI.ENGAGEMENTRATE(650;1000) -> 0.65", &call2<engagement_rate>},
    function_info{"BOUNCE_GA4", "KPI.BOUNCE.GA4", fg::digital,
                  {"Bounce rate, GA4 definition: 1 - engaged_sessions / sessions (Google Analytics 4 Help).",
                   "Tỷ lệ thoát theo GA4: 1 - phiên tương tác / số phiên (Google Analytics 4 Help)."},
                  engagement_params, "1 - engaged_sessions / sessions",
                  "Google Analytics 4 Help: Engagement rate and bounce rate", "=KPI.BOUNCE.GA4(650;1000) -> 0.35",
                  &call2<bounce_rate_ga4>},
    function_info{"BOUNCE_UA", "KPI.BOUNCE.UA", fg::digital,
                  {"Bounce rate, Universal Analytics definition: single_page_sessions / sessions (Google Analytics Help).",
                   "Tỷ lệ thoát theo Universal Analytics: phiên một trang / số phiên (Google Analytics Help)."},
                  bounce_ua_params, "single_page_sessions / sessions",
                  "Google Analytics Help (Universal Analytics): Bounce rate; " FARRIS("ch. 9"),
                  "=KPI.BOUNCE.UA(420;1000) -> 0.42", &call2<bounce_rate_ua>},
    function_info{"AVGENGAGEMENT", "KPI.AVGENGAGEMENT", fg::digital,
                  {"Average engagement time per active user in seconds: engagement_seconds / active_users (GA4 Help).",
                   "Thời gian tương tác trung bình mỗi người dùng (giây): thời gian tương tác / người dùng hoạt động (GA4 Help)."},
                  avgengagement_params, "engagement_seconds / active_users",
                  "Google Analytics 4 Help: Average engagement time", "=KPI.AVGENGAGEMENT(90000;1500) -> 60",
                  &call2<average_engagement_time>},
    function_info{"AVGSESSION", "KPI.AVGSESSION", fg::digital,
                  {"Average session duration in seconds: session_seconds / sessions (Google Analytics Help).",
                   "Thời lượng phiên trung bình (giây): tổng thời lượng phiên / số phiên (Google Analytics Help)."},
                  avgsession_params, "session_seconds / sessions",
                  "Google Analytics Help (Universal Analytics): Avg. Session Duration",
                  "=KPI.AVGSESSION(180000;1200) -> 150", &call2<average_session_duration>},
    function_info{"PAGESPERSESSION", "KPI.PAGESPERSESSION", fg::digital,
                  {"Pages per session: views / sessions (Google Analytics Help).",
                   "Số trang mỗi phiên: lượt xem trang / số phiên (Google Analytics Help)."},
                  pagespersession_params, "views / sessions", "Google Analytics Help (Universal Analytics): Pages/Session",
                  "=KPI.PAGESPERSESSION(3600;1200) -> 3", &call2<pages_per_session>},
    function_info{"ORGANICSHARE", "KPI.ORGANICSHARE", fg::digital,
                  {"Organic search share of sessions: organic_sessions / sessions (Google Analytics channel groups).",
                   "Tỷ trọng phiên từ tìm kiếm tự nhiên: phiên tự nhiên / số phiên (nhóm kênh của Google Analytics)."},
                  organicshare_params, "organic_sessions / sessions",
                  "Google Analytics 4 Help: Default channel group (Organic Search)",
                  "=KPI.ORGANICSHARE(480;1200) -> 0.4", &call2<organic_share>},
    function_info{"TOPN", "KPI.TOPN", fg::digital,
                  {"Share of keywords ranking in the top n: count(position <= n) / count(positions), blanks ignored (Google Search Console).",
                   "Tỷ lệ từ khóa nằm trong top n: số thứ hạng <= n / số thứ hạng, bỏ qua ô trống (Google Search Console)."},
                  topn_params, "count(positions <= n) / count(non-blank positions)",
                  "Google Search Console Help: Average position; top-n keyword share as reported by rank trackers",
                  "=KPI.TOPN({3;8;12;25};10) -> 0.5", nullptr, &eval_topn},
    // ---- customer value and relationship
    function_info{"RETENTION", "KPI.RETENTION", fg::customer,
                  {"Customer retention rate: (end_customers - new_customers) / start_customers (Farris et al., ch. 5).",
                   "Tỷ lệ giữ chân khách hàng: (khách cuối kỳ - khách mới) / khách đầu kỳ (Farris và cộng sự, chương 5)."},
                  retention_params, "(end_customers - new_customers) / start_customers",
                  FARRIS("ch. 5 (Retention rate)"), "=KPI.RETENTION(200;210;30) -> 0.9", &call3<retention_rate>},
    function_info{"CHURN", "KPI.CHURN", fg::customer,
                  {"Churn rate: lost_customers / start_customers (Farris et al., ch. 5).",
                   "Tỷ lệ rời bỏ: khách hàng rời bỏ / khách hàng đầu kỳ (Farris và cộng sự, chương 5)."},
                  churn_params, "lost_customers / start_customers", FARRIS("ch. 5 (Retention and churn)"),
                  "=KPI.CHURN(200;20) -> 0.1", &call2<churn_rate>},
    function_info{"REPEATRATE", "KPI.REPEATRATE", fg::customer,
                  {"Repeat customer rate: repeat_customers / customers (Shopify Help Center).",
                   "Tỷ lệ khách hàng mua lại: khách mua lại / tổng khách hàng (Shopify Help Center)."},
                  repeatrate_params, "repeat_customers / customers", "Shopify Help Center: Repeat customer rate",
                  "=KPI.REPEATRATE(120;400) -> 0.3", &call2<repeat_rate>},
    function_info{"CLV", "KPI.CLV", fg::customer,
                  {"Customer lifetime value, simple: avg_order_value x orders_per_year x years x gross_margin.",
                   "Giá trị vòng đời khách hàng, cách tính đơn giản: giá trị đơn TB x số đơn mỗi năm x số năm x biên lợi nhuận gộp."},
                  clv_params, "avg_order_value x orders_per_year x years x gross_margin",
                  "Undiscounted historic CLV (average order value x purchase frequency x lifespan x margin); see " FARRIS("ch. 5"),
                  "=KPI.CLV(50;4;3;0.4) -> 240", &call4<customer_lifetime_value>},
    function_info{"CLV_DISCOUNTED", "KPI.CLV.DISCOUNTED", fg::customer,
                  {"Customer lifetime value with retention and discounting: m x r / (1 + d - r) (Gupta & Lehmann 2003).",
                   "Giá trị vòng đời khách hàng có chiết khấu: m x r / (1 + d - r) (Gupta & Lehmann 2003)."},
                  clvdiscounted_params, "margin_per_period x retention_rate / (1 + discount_rate - retention_rate)",
                  "Gupta & Lehmann, Customers as assets, Journal of Interactive Marketing 17(1), 2003; " FARRIS("ch. 5 (CLV)"),
                  "=KPI.CLV.DISCOUNTED(90;0.8;0.1) -> 240", &call3<discounted_lifetime_value>},
    function_info{"LTVCAC", "KPI.LTVCAC", fg::customer,
                  {"LTV to CAC ratio: ltv / cac (Skok, SaaS Metrics 2.0).",
                   "Tỷ lệ LTV trên CAC: giá trị vòng đời / chi phí thu hút khách hàng (Skok, SaaS Metrics 2.0)."},
                  ltvcac_params, "ltv / cac", "David Skok, SaaS Metrics 2.0 (forEntrepreneurs, 2013): LTV:CAC",
                  "=KPI.LTVCAC(3600;1200) -> 3", &call2<ltv_to_cac>},
    function_info{"PAYBACK", "KPI.PAYBACK", fg::customer,
                  {"CAC payback in months: cac / (monthly_revenue_per_customer x gross_margin) (Skok, SaaS Metrics 2.0).",
                   "Số tháng hoàn vốn CAC: CAC / (doanh thu tháng mỗi khách x biên lợi nhuận gộp) (Skok, SaaS Metrics 2.0)."},
                  payback_params, "cac / (monthly_revenue_per_customer x gross_margin)",
                  "David Skok, SaaS Metrics 2.0 (forEntrepreneurs, 2013): months to recover CAC",
                  "=KPI.PAYBACK(1200;200;0.5) -> 12", &call3<cac_payback_months>},
    function_info{"NPS", "KPI.NPS", fg::customer,
                  {"Net Promoter Score: % of scores 9-10 minus % of scores 0-6, from -100 to 100 (Reichheld 2003, Bain).",
                   "Chỉ số NPS: % điểm 9-10 trừ % điểm 0-6, từ -100 đến 100 (Reichheld 2003, Bain)."},
                  nps_params, "100 x (count(9..10) - count(0..6)) / count(scores)",
                  "Reichheld, The One Number You Need to Grow, Harvard Business Review (Dec. 2003); Bain & Company, Net Promoter System",
                  "=KPI.NPS({10;9;9;8;7;6;3;10}) -> 25", nullptr, &eval_nps},
    function_info{"CSAT", "KPI.CSAT", fg::customer,
                  {"Customer satisfaction (top-2-box): share of scores >= scale_max - 1 (ACSI; Farris et al., ch. 2).",
                   "Mức độ hài lòng (top-2-box): tỷ lệ điểm >= thang điểm - 1 (ACSI; Farris và cộng sự, chương 2)."},
                  csat_params, "count(scores >= scale_max - 1) / count(scores)",
                  "Top-2-box satisfaction: " FARRIS("ch. 2 (Customer satisfaction)") "; American Customer Satisfaction Index (ACSI)",
                  "=KPI.CSAT({5;4;4;3;2}) -> 0.6", nullptr, &eval_csat},
    // ---- targets and status
    function_info{"VARIANCE", "KPI.VARIANCE", fg::targets,
                  {"Variance to target: (actual - target) / target, as a fraction (budget variance).",
                   "Chênh lệch so với mục tiêu: (thực tế - mục tiêu) / mục tiêu, dạng phân số (chênh lệch ngân sách)."},
                  variance_params, "(actual - target) / target",
                  "Budget variance analysis, e.g. Horngren, Datar, Rajan, Cost Accounting, ch. on flexible budgets and variances",
                  "=KPI.VARIANCE(110;100) -> 0.1", &call2<variance_to_target>},
    function_info{"ATTAINMENT", "KPI.ATTAINMENT", fg::targets,
                  {"Target attainment: actual / target, or (actual - baseline) / (target - baseline); lower is better: target / actual, or (baseline - actual) / (baseline - target).",
                   "Mức hoàn thành mục tiêu: thực tế / mục tiêu, hoặc (thực tế - mốc) / (mục tiêu - mốc); càng thấp càng tốt: mục tiêu / thực tế, hoặc (mốc - thực tế) / (mốc - mục tiêu)."},
                  attainment_params,
                  "higher is better: actual / target, or (actual - b) / (target - b); lower is better: target / actual, or (b - actual) / (b - target)",
                  "KPI target attainment with a baseline: Kaplan & Norton, The Balanced Scorecard (1996); Parmenter, Key Performance Indicators, 4th ed. (2019)",
                  "=KPI.ATTAINMENT(90;100;50) -> 0.8", &eval_attainment},
    function_info{"STATUS", "KPI.STATUS", fg::targets,
                  {"Status for 3-icon sets: 1 when attainment >= 1, 0 when >= amber, else -1.",
                   "Trạng thái cho bộ 3 biểu tượng: 1 khi mức hoàn thành >= 1, 0 khi >= ngưỡng cảnh báo, ngược lại -1."},
                  status_params, "1 if attainment >= 1; 0 if attainment >= amber; else -1 (attainment as in KPI.ATTAINMENT)",
                  "Traffic-light (RAG) KPI status, Parmenter, Key Performance Indicators, 4th ed. (2019); Calc 3-icon set conditional format",
                  "=KPI.STATUS(95;100) -> 0", &eval_status},
    function_info{"STATUSTEXT", "KPI.STATUSTEXT", fg::targets,
                  {"Status in words in the UI language: On track / At risk / Off track (as KPI.STATUS).",
                   "Trạng thái bằng chữ theo ngôn ngữ giao diện: Đạt / Có rủi ro / Không đạt (như KPI.STATUS)."},
                  status_params, "the words for KPI.STATUS: 1 On track, 0 At risk, -1 Off track",
                  "Traffic-light (RAG) KPI status, Parmenter, Key Performance Indicators, 4th ed. (2019)",
                  "=KPI.STATUSTEXT(95;100) -> At risk", &eval_status, nullptr, output_kind::status_text},
    function_info{"PACE", "KPI.PACE", fg::targets,
                  {"Pace to target: value projected to end_date at the straight-line run rate since start_date, divided by target.",
                   "Tiến độ so với mục tiêu: giá trị dự kiến đến ngày kết thúc theo tốc độ đều từ ngày bắt đầu, chia cho mục tiêu."},
                  pace_params, "(baseline + (actual - baseline) x (end - start) / (as_of - start)) / target",
                  "Straight-line run-rate forecast (linear extrapolation of the period-to-date value)",
                  "=KPI.PACE(40;100;DATE(2024;1;1);DATE(2024;1;31);DATE(2024;1;16)) -> 0.8", &eval_pace},
    function_info{"PROJECTION", "KPI.PROJECTION", fg::targets,
                  {"Projected value at the deadline: a rate along the least-squares trend of its last 6 values (3 at least, else the latest value; #N/A when the trend reaches 0); a cumulative KPI as its total plus the run rate times the periods left.",
                   "Giá trị dự kiến tại hạn chót: KPI tỷ lệ theo đường xu hướng bình phương tối thiểu của 6 giá trị gần nhất (không nhỏ hơn 0); KPI cộng dồn bằng tổng đến nay cộng tốc độ mỗi kỳ nhân số kỳ còn lại."},
                  projection_params,
                  "rate: least-squares line a + b x through the last up to 6 values with data (x = position in values), at x = last position + periods_ahead, at least 0; cumulative: sum + sum / (periods from the first value to the last cell) x periods_ahead",
                  "Linear least squares regression: NIST/SEMATECH e-Handbook of Statistical Methods, sec. 4.1.4.1; straight-line run-rate forecast (linear extrapolation of the period-to-date value, as KPI.PACE)",
                  "=KPI.PROJECTION({100;110;120};3) -> 150", nullptr, &eval_projection},
    function_info{"PACESTATUS", "KPI.PACESTATUS", fg::targets,
                  {"Pace of a projection against the target: 1 ahead (projected attainment >= 1 + tolerance), 0 on pace (>= 1 - tolerance), -1 behind.",
                   "Tiến độ của giá trị dự kiến so với mục tiêu: 1 vượt tiến độ (mức hoàn thành dự kiến >= 1 + dung sai), 0 đúng tiến độ (>= 1 - dung sai), -1 chậm tiến độ."},
                  pacestatus_params,
                  "1 if attainment >= 1 + tolerance; 0 if attainment >= 1 - tolerance; else -1 (attainment = projection / target, or target / projection when lower is better)",
                  "Straight-line run-rate forecast against the target (as KPI.PACE); tolerance band as in traffic-light (RAG) KPI status, Parmenter, Key Performance Indicators, 4th ed. (2019)",
                  "=KPI.PACESTATUS(150;140) -> 1", &eval_pace_status},
    function_info{"CMGR", "KPI.CMGR", fg::targets,
                  {"Compound growth rate per period from the first to the last non-blank value: (last / first) ^ (1 / periods) - 1.",
                   "Tốc độ tăng trưởng kép mỗi kỳ từ giá trị đầu đến giá trị cuối khác trống: (cuối / đầu) ^ (1 / số kỳ) - 1."},
                  cmgr_params, "(last / first) ^ (1 / periods) - 1, periods = cells from the first to the last value",
                  FARRIS("ch. 4 (Growth: percentage and CAGR), per period"), "=KPI.CMGR({100;110;121}) -> 0.1", nullptr,
                  &eval_cmgr},
    function_info{"ABTEST_P", "KPI.ABTEST.P", fg::targets,
                  {"A/B test: two-sided p-value of the pooled two-proportion z-test of conversion rates A and B.",
                   "Kiểm định A/B: giá trị p hai phía của kiểm định z hai tỷ lệ (gộp) cho tỷ lệ chuyển đổi A và B."},
                  abtest_params, "z = (pB - pA) / sqrt(p (1 - p) (1/nA + 1/nB)), p pooled; p-value = 2 (1 - Phi(|z|))",
                  "NIST/SEMATECH e-Handbook of Statistical Methods, comparing two proportions (sec. 7.3.3); normal law from Boost.Math",
                  "=KPI.ABTEST.P(200;5000;250;5000) -> 0.01587", &call4<ab_test_p_value>},
    // ---- register audit (docs/register.md)
    function_info{"LINKSTATUS", "KPI.LINKSTATUS", fg::audit,
                  {"Link code of a KPI in the register: OK, UNLINKED, BROKEN, CYCLE, INVERTED, NOROOT, DUPLICATE or NOLEVEL.",
                   "Mã liên kết của một KPI trong bảng KPI: OK, UNLINKED, BROKEN, CYCLE, INVERTED, NOROOT, DUPLICATE hoặc NOLEVEL."},
                  kpi_in_register_params,
                  "the KPI's parent chain must reach a strategic KPI; the first failing rule gives the code",
                  "This add-in's linkage rules (docs/register.md); strategic/tactical cascade as in Parmenter, Key Performance Indicators, 4th ed. (2019)",
                  "=KPI.LINKSTATUS(\"T1\";{\"ID\";\"Level\";\"Parent\"|\"S1\";\"Strategic\";\"\"|\"T1\";\"Tactical\";\"S1\"}) -> OK", nullptr, nullptr, output_kind::text},
    function_info{"SMART", "KPI.SMART", fg::audit,
                  {"Number of SMART criteria (specific, measurable, achievable, relevant, time-bound) a KPI of the register meets, 0..5.",
                   "Số tiêu chí SMART (cụ thể, đo lường được, khả thi, liên quan, có thời hạn) mà một KPI trong bảng đạt, 0..5."},
                  kpi_in_register_params, "count of the five SMART criteria met (rules in docs/register.md)",
                  "Doran, There's a S.M.A.R.T. way to write management's goals and objectives, Management Review 70(11), 1981",
                  "=KPI.SMART(\"S1\";{\"ID\";\"Name\";\"Level\";\"Unit\";\"Target\";\"Source\";\"Baseline\";\"Deadline\";\"Parent\"|\"S1\";\"Revenue growth\";\"Strategic\";\"%\";0.2;\"P&L\";0.1;\"2099-12\";\"\"}) -> 5", nullptr, nullptr, output_kind::number},
    function_info{"SMARTISSUES", "KPI.SMARTISSUES", fg::audit,
                  {"The SMART criteria a KPI of the register fails, each with a short reason, in the UI language (empty when all are met).",
                   "Các tiêu chí SMART mà một KPI trong bảng chưa đạt, mỗi tiêu chí kèm lý do ngắn, theo ngôn ngữ giao diện (trống khi đạt hết)."},
                  kpi_in_register_params, "the failed criteria with their reasons",
                  "Doran (1981); reasons and thresholds in docs/register.md",
                  "=KPI.SMARTISSUES(\"S1\";{\"ID\";\"Name\";\"Level\";\"Unit\";\"Target\";\"Parent\"|\"S1\";\"Revenue growth\";\"Strategic\";\"%\";0.2;\"\"}) -> Measurable: no source; Achievable: no baseline; Time-bound: no deadline", nullptr, nullptr, output_kind::text},
    function_info{"AUDIT", "KPI.AUDIT", fg::audit,
                  {"Audit of the whole register as an array (enter as an array formula): a header row, then per KPI its ID, link code, SMART score and first issue.",
                   "Kiểm tra cả bảng KPI dưới dạng mảng (nhập dạng công thức mảng): một dòng tiêu đề, rồi mỗi KPI: ID, mã liên kết, điểm SMART và vấn đề đầu tiên."},
                  register_params, "one row per KPI: ID, link code, SMART score (0..5), first issue",
                  "This add-in's linkage and SMART rules (docs/register.md)",
                  "=KPI.AUDIT({\"ID\";\"Level\";\"Parent\"|\"S1\";\"Strategic\";\"\"|\"T1\";\"Tactical\";\"S1\"}) -> ID", nullptr, nullptr, output_kind::array},
    // ---- tools
    function_info{"EACH", "KPI.EACH", fg::tools,
                  {"Applies one KPI function to whole columns at once (enter as an array formula); name without KPI., e.g. \"CPL\".",
                   "Áp dụng một hàm KPI cho cả cột trong một lần gọi (nhập dạng công thức mảng); tên không có KPI., ví dụ \"CPL\"."},
                  each_params, "name(range1[i]; range2[i]; ...) for every row i",
                  "This add-in; the function's own source applies", "=KPI.EACH(\"CPL\";100;4) -> 25"},
};
#undef FARRIS

bool equal_ignoring_case(std::string_view a, std::string_view b) noexcept {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::toupper(static_cast<unsigned char>(x)) == std::toupper(static_cast<unsigned char>(y));
           });
}

} // namespace

std::string_view domain_rule(domain d) noexcept { return domain_text(d).en; }

text group_title(function_group g) noexcept {
    switch (g) {
    case function_group::strategic: return {"Strategic", "Chiến lược"};
    case function_group::acquisition: return {"Acquisition & cost", "Thu hút & chi phí"};
    case function_group::digital: return {"Digital & SEO", "Kênh số & SEO"};
    case function_group::customer: return {"Customer value & relationship", "Giá trị & quan hệ khách hàng"};
    case function_group::targets: return {"Targets & status", "Mục tiêu & trạng thái"};
    case function_group::audit: return {"Register audit", "Kiểm tra bảng KPI"};
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

const function_info* find_each_function(std::string_view name) noexcept {
    constexpr std::string_view prefix = "KPI.";
    for (const auto& f : functions) {
        if (equal_ignoring_case(f.display, name) || equal_ignoring_case(f.name, name) ||
            equal_ignoring_case(f.display.substr(prefix.size()), name))
            return &f;
    }
    return nullptr;
}

} // namespace kpi

namespace kpi {

const function_info* first_function_in(std::string_view s, bool skip_tools) noexcept {
    using sv = std::string_view;
    auto word_char = [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_';
    };
    auto starts_with_ci = [](sv text, sv prefix) {
        if (text.size() < prefix.size()) return false;
        for (std::size_t i = 0; i < prefix.size(); ++i)
            if (std::tolower(static_cast<unsigned char>(text[i])) != prefix[i]) return false;
        return true;
    };
    auto contains_ci = [&](sv text, sv needle) {
        for (std::size_t i = 0; i + needle.size() <= text.size(); ++i)
            if (starts_with_ci(text.substr(i), needle)) return true;
        return false;
    };
    for (std::size_t i = 0; i < s.size();) {
        if (!word_char(s[i])) {
            ++i;
            continue;
        }
        std::size_t j = i;
        while (j < s.size() && word_char(s[j])) ++j;
        sv token = s.substr(i, j - i);
        i = j;
        while (!token.empty() && token.back() == '.') token.remove_suffix(1);
        const function_info* f = nullptr;
        if (starts_with_ci(token, "kpi.")) {
            f = find_function(token); // a display name, case-insensitive
        } else if (contains_ci(token, "kpimarketing")) {
            const auto dot = token.rfind('.');
            if (dot != sv::npos) f = find_each_function(token.substr(dot + 1));
        }
        if (f && !(skip_tools && (f->group == function_group::tools || f->group == function_group::audit))) return f;
    }
    return nullptr;
}

} // namespace kpi
