// What the template wizard asks (and `kpi new` takes on its command line): the input of the
// workbook template builder (workbook_template.hpp).
#pragma once

#include "kpi/data_sheet.hpp"

#include <string>
#include <vector>

namespace kpi {

enum class industry : std::uint8_t { ecommerce, retail_fnb, b2b_services, education, other };
enum class currency : std::uint8_t { vnd, usd, eur };

// The strategic goals the wizard offers, each with a target.
enum class strategic_goal : std::uint8_t {
    revenue_growth,          // KPI.REVGROWTH, target as a fraction (0.2 = +20 %)
    profit_margin,           // KPI.PROFITMARGIN
    market_share,            // KPI.MARKETSHARE
    marketing_revenue_share, // KPI.MKTREVSHARE
    romi,                    // KPI.ROMI
};
inline constexpr std::size_t strategic_goal_count = 5;

struct goal_target {
    strategic_goal goal;
    double target = 0.0;
};

struct workbook_profile {
    std::string business_name;
    industry sector = industry::ecommerce;
    currency money = currency::vnd;
    std::string language = "vi"; // "vi" or "en": the language of every sheet the builder writes
    period_granularity periods = period_granularity::month;
    int start_year = 0;               // 0: the period after today's (plan_start_month)
    int start_month = 0;              // 1..12; 0 with start_year 0
    std::vector<goal_target> goals;   // at least one
    std::vector<channel> channels;    // marketing channels (not all_channels)
    // Tactical KPIs the user unticked in the review step (by their proposed ID); empty: keep all.
    std::vector<std::string> excluded_kpis;
};

} // namespace kpi
