#include "kpi/workbook_template.hpp"

#include "kpi/text_fold.hpp"

#include <algorithm>
#include <map>
#include <cmath>
#include <cstdio>
#include <stdexcept>
#include <unordered_set>

namespace kpi {
namespace {

using sv = std::string_view;

// ---- tables ---------------------------------------------------------------------------------------

enum class unit_kind : std::uint8_t { money_per, rate, times, seconds };

struct metric_info {
    sv key;
    sv code;         // in KPI IDs: "FB-CPL"
    sv function;     // display name of the cell function
    measure numerator, denominator;
    kpi_group group;
    kpi_direction direction;
    unit_kind unit;
    text per;        // "lead" for money_per units ("VND per lead")
    text name;       // the metric's name
    text header;     // its column on the Data sheet
    double improvement; // target = baseline * (1 + improvement), or (1 - improvement) when lower is better
    int goal_order;  // index into goal_preferences
};

constexpr strategic_goal goal_preferences[][strategic_goal_count] = {
    // costs
    {strategic_goal::romi, strategic_goal::marketing_revenue_share, strategic_goal::profit_margin,
     strategic_goal::revenue_growth, strategic_goal::market_share},
    // returns
    {strategic_goal::romi, strategic_goal::marketing_revenue_share, strategic_goal::revenue_growth,
     strategic_goal::profit_margin, strategic_goal::market_share},
    // reach and engagement
    {strategic_goal::marketing_revenue_share, strategic_goal::market_share, strategic_goal::revenue_growth,
     strategic_goal::romi, strategic_goal::profit_margin},
    // conversion
    {strategic_goal::revenue_growth, strategic_goal::marketing_revenue_share, strategic_goal::market_share,
     strategic_goal::romi, strategic_goal::profit_margin},
};

constexpr kpi_group acq = kpi_group::acquisition_cost;
constexpr kpi_group dig = kpi_group::digital_seo;
constexpr kpi_direction up = kpi_direction::higher_is_better;
constexpr kpi_direction down = kpi_direction::lower_is_better;

constexpr metric_info metrics[] = {
    {"cpl", "CPL", "KPI.CPL", measure::spend, measure::leads, acq, down, unit_kind::money_per, {"lead", "lead"},
     {"Cost per lead", "Chi phí mỗi lead"}, {"CPL", "CPL"}, 0.15, 0},
    {"cpc", "CPC", "KPI.CPC", measure::spend, measure::clicks, acq, down, unit_kind::money_per, {"click", "lượt nhấp"},
     {"Cost per click", "Chi phí mỗi lượt nhấp"}, {"CPC", "CPC"}, 0.10, 0},
    {"cpm", "CPM", "KPI.CPM", measure::spend, measure::impressions, acq, down, unit_kind::money_per,
     {"1,000 impressions", "1.000 lượt hiển thị"},
     {"Cost per thousand impressions", "Chi phí mỗi nghìn lượt hiển thị"}, {"CPM", "CPM"}, 0.10, 0},
    {"cpa", "CPA", "KPI.CPA", measure::spend, measure::conversions, acq, down, unit_kind::money_per,
     {"conversion", "chuyển đổi"}, {"Cost per conversion", "Chi phí mỗi chuyển đổi"}, {"CPA", "CPA"}, 0.15, 0},
    {"cac", "CAC", "KPI.CAC", measure::spend, measure::new_customers, acq, down, unit_kind::money_per,
     {"new customer", "khách hàng mới"},
     {"Cost of acquiring a new customer", "Chi phí có một khách hàng mới"}, {"CAC", "CAC"}, 0.15, 0},
    {"ctr", "CTR", "KPI.CTR", measure::clicks, measure::impressions, acq, up, unit_kind::rate, {"", ""},
     {"Click-through rate", "Tỷ lệ nhấp"}, {"CTR", "CTR"}, 0.20, 2},
    {"roas", "ROAS", "KPI.ROAS", measure::revenue, measure::spend, acq, up, unit_kind::times, {"", ""},
     {"Return on ad spend", "Doanh thu trên chi phí quảng cáo"}, {"ROAS", "ROAS"}, 0.20, 1},
    {"convrate", "CVR", "KPI.CONVRATE", measure::conversions, measure::sessions, dig, up, unit_kind::rate, {"", ""},
     {"Website conversion rate per session", "Tỷ lệ chuyển đổi theo phiên của website"},
     {"Conversion rate", "Tỷ lệ chuyển đổi"}, 0.20, 3},
    {"engagement", "ENG", "KPI.ENGAGEMENTRATE", measure::engaged_sessions, measure::sessions, dig, up, unit_kind::rate,
     {"", ""}, {"Engagement rate (GA4)", "Tỷ lệ tương tác (GA4)"}, {"Engagement rate", "Tỷ lệ tương tác"}, 0.10,
     2},
    {"organic", "ORG", "KPI.ORGANICSHARE", measure::organic_sessions, measure::sessions, dig, up, unit_kind::rate,
     {"", ""}, {"Share of sessions from organic search", "Tỷ trọng phiên từ tìm kiếm tự nhiên"},
     {"Organic share", "Tỷ trọng tự nhiên"}, 0.20, 2},
    {"avgengagement", "AVGENG", "KPI.AVGENGAGEMENT", measure::engagement_seconds, measure::active_users, dig, up,
     unit_kind::seconds, {"", ""},
     {"Average engagement time per active user", "Thời gian tương tác trung bình mỗi người dùng hoạt động"},
     {"Avg engagement (s)", "Tương tác TB (giây)"}, 0.20, 2},
    {"leadtocustomer", "L2C", "KPI.LEADTOCUSTOMER", measure::new_customers, measure::leads, acq, up, unit_kind::rate,
     {"", ""}, {"Lead-to-customer rate", "Tỷ lệ lead thành khách hàng"},
     {"Lead to customer", "Lead thành khách"}, 0.20, 3},
};

constexpr std::array<sv, std::size(metrics)> metric_key_list = [] {
    std::array<sv, std::size(metrics)> keys{};
    for (std::size_t i = 0; i < std::size(metrics); ++i) keys[i] = metrics[i].key;
    return keys;
}();

const metric_info* find_metric(sv key) {
    for (const auto& m : metrics)
        if (m.key == key) return &m;
    return nullptr;
}

struct channel_kpi {
    sv metric;
    double baseline; // money in USD before the industry factor; rates as fractions
    text note;
};

struct channel_info {
    channel id;
    sv code;    // ID prefix
    sv cli_key; // `kpi new --channels`
    text owner;
    std::array<channel_kpi, 4> kpis; // metric "" ends the list
};

constexpr text no_note{"", ""};

constexpr channel_info channel_table[] = {
    {channel::facebook_ads, "FB", "facebook", {"Ads specialist", "Chuyên viên quảng cáo"},
     {{{"cpl", 5.0, no_note}, {"ctr", 0.012, no_note}, {"roas", 3.0, no_note}, {"cac", 25.0, no_note}}}},
    {channel::google_ads, "GG", "google", {"Ads specialist", "Chuyên viên quảng cáo"},
     {{{"cpc", 0.6, no_note}, {"ctr", 0.04, no_note}, {"cpa", 15.0, no_note}, {"roas", 4.0, no_note}}}},
    {channel::tiktok_ads, "TT", "tiktok", {"Ads specialist", "Chuyên viên quảng cáo"},
     {{{"cpm", 3.0, no_note}, {"ctr", 0.01, no_note}, {"cpa", 12.0, no_note}, {"", 0, no_note}}}},
    {channel::zalo_oa, "ZL", "zalo", {"Zalo OA admin", "Phụ trách Zalo OA"},
     {{{"cpl", 3.0, no_note}, {"leadtocustomer", 0.12, no_note}, {"", 0, no_note}, {"", 0, no_note}}}},
    {channel::seo_website, "SEO", "seo", {"Website lead", "Phụ trách website"},
     {{{"organic", 0.3, no_note},
       {"engagement", 0.55, no_note},
       {"convrate", 0.02, no_note},
       {"avgengagement", 45.0, no_note}}}},
    {channel::email, "EM", "email", {"Email marketer", "Phụ trách email"},
     {{{"ctr", 0.025,
        {"For email, Impressions are the emails delivered.", "Với email, Lượt hiển thị là số email gửi thành công."}},
       {"roas", 8.0, no_note},
       {"", 0, no_note},
       {"", 0, no_note}}}},
    {channel::offline_events, "EV", "events", {"Events lead", "Phụ trách sự kiện"},
     {{{"cpl", 8.0, no_note}, {"cac", 60.0, no_note}, {"leadtocustomer", 0.15, no_note}, {"", 0, no_note}}}},
};

const channel_info* find_channel(channel c) {
    for (const auto& ch : channel_table)
        if (ch.id == c) return &ch;
    return nullptr;
}

struct goal_info {
    strategic_goal goal;
    sv id;
    sv key;
    sv function;
    text name;
    double baseline;
    bool percent; // shown as a percentage (ROMI is shown as a multiple)
};

constexpr goal_info goal_table[] = {
    {strategic_goal::revenue_growth, "S-REV", "revenue_growth", "KPI.REVGROWTH",
     {"Revenue growth", "Tăng trưởng doanh thu"}, 0.10, true},
    {strategic_goal::profit_margin, "S-MARGIN", "profit_margin", "KPI.PROFITMARGIN",
     {"Profit margin", "Biên lợi nhuận"}, 0.15, true},
    {strategic_goal::market_share, "S-SHARE", "market_share", "KPI.MARKETSHARE", {"Market share", "Thị phần"}, 0.03,
     true},
    {strategic_goal::marketing_revenue_share, "S-MKTREV", "marketing_revenue_share", "KPI.MKTREVSHARE",
     {"Share of revenue from marketing", "Tỷ trọng doanh thu từ marketing"}, 0.30, true},
    {strategic_goal::romi, "S-ROMI", "romi", "KPI.ROMI",
     {"Return on marketing investment (ROMI)", "Tỷ suất hoàn vốn marketing (ROMI)"}, 1.5, false},
};

const goal_info& info(strategic_goal g) { return goal_table[static_cast<std::size_t>(g)]; }

double industry_factor(industry i) {
    switch (i) {
    case industry::ecommerce: return 1.0;
    case industry::retail_fnb: return 0.8;
    case industry::b2b_services: return 3.0;
    case industry::education: return 1.5;
    case industry::other: return 1.0;
    }
    return 1.0;
}

double gross_margin_default(industry i) {
    switch (i) {
    case industry::ecommerce: return 0.35;
    case industry::retail_fnb: return 0.55;
    case industry::b2b_services: return 0.6;
    case industry::education: return 0.6;
    case industry::other: return 0.4;
    }
    return 0.4;
}

double usd_to(currency c) {
    switch (c) {
    case currency::vnd: return 25000.0;
    case currency::usd: return 1.0;
    case currency::eur: return 0.92;
    }
    return 1.0;
}

sv currency_code(currency c) {
    switch (c) {
    case currency::vnd: return "VND";
    case currency::usd: return "USD";
    case currency::eur: return "EUR";
    }
    return "";
}

// Two significant digits: 0.0144 -> 0.014, 123456 -> 120000.
double nice(double x) {
    if (x == 0 || !std::isfinite(x)) return x;
    const double e = std::floor(std::log10(std::fabs(x))) - 1;
    const double f = std::pow(10.0, e);
    return std::round(x / f) * f;
}

bool is_vi(sv language) { return language.substr(0, 2) == "vi"; }
std::string str(text t, sv language) { return std::string(t.in(language)); }

std::string unit_text(const metric_info& m, currency money, sv language) {
    const bool vi = is_vi(language);
    switch (m.unit) {
    case unit_kind::money_per:
        return std::string(currency_code(money)) + (vi ? "/" : " per ") + std::string(m.per.in(language));
    case unit_kind::rate: return "%";
    case unit_kind::times: return vi ? "lần" : "times";
    case unit_kind::seconds: return vi ? "giây" : "seconds";
    }
    return "";
}

number_kind number_of(unit_kind u) {
    switch (u) {
    case unit_kind::money_per: return number_kind::currency;
    case unit_kind::rate: return number_kind::percent;
    case unit_kind::times: return number_kind::decimal;
    case unit_kind::seconds: return number_kind::seconds;
    }
    return number_kind::decimal;
}

strategic_goal pick_goal(const metric_info& m, const std::vector<goal_target>& goals) {
    for (const auto g : goal_preferences[m.goal_order])
        for (const auto& t : goals)
            if (t.goal == g) return g;
    return goals.front().goal;
}

// Month arithmetic on a month index (year * 12 + month - 1).
int month_index(int year, int month) { return year * 12 + month - 1; }
int year_of(int index) { return index / 12; }
int month_of(int index) { return index % 12 + 1; }
day_serial last_day(int index) {
    const int next = index + 1;
    return *to_serial({year_of(next), month_of(next), 1}) - 1;
}

// The first checkpoint first + k * step (k >= 0) whose last day is not before today.
int checkpoint(int first, int step, day_serial today) {
    int m = first;
    while (last_day(m) < today) m += step;
    return m;
}

int plan_start(const workbook_profile& p, day_serial today) {
    const auto s = plan_start_month(p, today);
    const int month = p.periods == period_granularity::quarter ? (s.month - 1) / 3 * 3 + 1 : s.month;
    return month_index(s.year, month);
}

void validate(const workbook_profile& p) {
    if (p.language != "vi" && p.language != "en")
        throw std::invalid_argument("language must be vi or en, not '" + p.language + "'");
    if (p.start_year == 0 && p.start_month == 0) return; // the period after today's
    if (p.start_month < 1 || p.start_month > 12) throw std::invalid_argument("start month must be 1..12");
    if (p.start_year < 1900 || p.start_year > 9000) throw std::invalid_argument("start year must be 1900..9000");
}

std::vector<channel> effective_channels(const workbook_profile& p) {
    std::vector<channel> out;
    for (const auto c : p.channels.empty() ? default_channels(p.sector) : p.channels)
        if (c != channel::all_channels && std::find(out.begin(), out.end(), c) == out.end()) out.push_back(c);
    std::sort(out.begin(), out.end());
    return out;
}

proposed_kpi make_kpi(const channel_info& ch, const channel_kpi& ck, const workbook_profile& p,
                      const std::vector<goal_target>& goals) {
    const metric_info& m = *find_metric(ck.metric);
    proposed_kpi k;
    k.id = std::string(ch.code) + "-" + std::string(m.code);
    const text title = channel_title(ch.id);
    k.name_en = std::string(m.name.en) + " - " + std::string(title.en);
    k.name_vi = std::string(m.name.vi) + " - " + std::string(title.vi);
    k.short_name_en = std::string(m.header.en) + " - " + std::string(title.en);
    k.short_name_vi = std::string(m.header.vi) + " - " + std::string(title.vi);
    k.source = ch.id;
    k.metric = std::string(m.key);
    k.function = std::string(m.function);
    k.group = m.group;
    k.direction = m.direction;
    k.goal = pick_goal(m, goals);
    k.goal_id = std::string(info(k.goal).id);
    const double base = m.unit == unit_kind::money_per ? ck.baseline * industry_factor(p.sector) * usd_to(p.money)
                                                       : ck.baseline;
    k.baseline = nice(base);
    k.target = nice(m.direction == down ? k.baseline * (1 - m.improvement) : k.baseline * (1 + m.improvement));
    return k;
}

// ---- model building helpers -------------------------------------------------------------------------

struct sheet_writer {
    sheet_model& s;
    void set(std::size_t row, std::size_t col, model_cell c) {
        if (s.rows.size() <= row) s.rows.resize(row + 1);
        auto& r = s.rows[row];
        if (r.size() <= col) r.resize(col + 1);
        r[col] = std::move(c);
    }
    void text(std::size_t row, std::size_t col, std::string t) { set(row, col, model_cell::of_text(std::move(t))); }
    void number(std::size_t row, std::size_t col, double d) { set(row, col, model_cell::of_number(d)); }
    void formula(std::size_t row, std::size_t col, std::string f) {
        set(row, col, model_cell::of_formula(std::move(f)));
    }
    void style(cell_rect area, std::optional<number_kind> number, bool bold = false, bool header = false) {
        s.styles.push_back({area, number, bold, header, false, std::nullopt, 0});
    }
};

cell_rect rect(std::size_t r0, std::size_t c0, std::size_t r1, std::size_t c1) {
    return {static_cast<std::int32_t>(r0), static_cast<std::int32_t>(c0), static_cast<std::int32_t>(r1),
            static_cast<std::int32_t>(c1)};
}

std::string cell_ref(std::size_t row, std::size_t col, bool absolute = false) {
    const auto c = column_letters(static_cast<std::int32_t>(col));
    return absolute ? "$" + c + "$" + std::to_string(row + 1) : c + std::to_string(row + 1);
}

// Register columns, in the contract's order, then two of ours (ignored by parse_register).
enum reg_col : std::size_t {
    rc_id, rc_name, rc_level, rc_group, rc_parent, rc_owner, rc_unit, rc_direction, rc_baseline, rc_target,
    rc_deadline, rc_actual, rc_source, rc_channel, rc_notes, rc_count
};
constexpr std::size_t dash_header_row = 3;
constexpr std::size_t register_validation_rows = 500; // drop-downs reach below the KPIs for new rows

struct row_plan { // one register row
    bool strategic = false;
    strategic_goal goal{};
    const goal_info* g = nullptr;
    proposed_kpi k;       // tactical
    const metric_info* m = nullptr;
    double target = 0, baseline = 0;
    std::size_t register_row = 0;
};

std::string data_column(measure m) {
    return "{data}.$" + column_letters(static_cast<std::int32_t>(2 + static_cast<std::size_t>(m))) + ":$" +
           column_letters(static_cast<std::int32_t>(2 + static_cast<std::size_t>(m)));
}
constexpr sv data_period_column = "{data}.$A:$A";
constexpr sv data_channel_column = "{data}.$B:$B";

} // namespace

// ---- public: lookups ----------------------------------------------------------------------------------

std::string_view goal_id(strategic_goal g) noexcept { return info(g).id; }
std::string_view goal_name(strategic_goal g, std::string_view language) noexcept { return info(g).name.in(language); }
std::string_view to_string(strategic_goal g) noexcept { return info(g).key; }

std::optional<strategic_goal> parse_goal(std::string_view key) {
    const auto k = fold_key(key);
    for (const auto& g : goal_table)
        if (k == fold_key(g.key) || k == fold_key(g.id)) return g.goal;
    if (k == "growth" || k == "revenue") return strategic_goal::revenue_growth;
    if (k == "margin") return strategic_goal::profit_margin;
    if (k == "share") return strategic_goal::market_share;
    if (k == "mktrevshare" || k == "marketing share") return strategic_goal::marketing_revenue_share;
    return std::nullopt;
}

std::string_view to_string(industry i) noexcept {
    switch (i) {
    case industry::ecommerce: return "ecommerce";
    case industry::retail_fnb: return "retail_fnb";
    case industry::b2b_services: return "b2b_services";
    case industry::education: return "education";
    case industry::other: return "other";
    }
    return "";
}

std::optional<industry> parse_industry(std::string_view key) {
    const auto k = fold_key(key);
    if (k == "ecommerce" || k == "e commerce") return industry::ecommerce;
    if (k == "retail fnb" || k == "retail" || k == "fnb" || k == "retail f b") return industry::retail_fnb;
    if (k == "b2b services" || k == "b2b") return industry::b2b_services;
    if (k == "education") return industry::education;
    if (k == "other") return industry::other;
    return std::nullopt;
}

std::optional<channel> parse_channel_key(std::string_view key) {
    const auto k = fold_key(key);
    for (const auto& c : channel_table)
        if (k == c.cli_key || k == fold_key(c.code)) return c.id;
    if (auto c = recognise_channel(key); c && *c != channel::all_channels) return c;
    if (k == "meta") return channel::facebook_ads;
    if (k == "website") return channel::seo_website;
    if (k == "offline") return channel::offline_events;
    return std::nullopt;
}

std::span<const std::string_view> metric_keys() noexcept { return metric_key_list; }

std::vector<goal_target> default_goals(industry sector) {
    using g = strategic_goal;
    switch (sector) {
    case industry::ecommerce: return {{g::revenue_growth, 0.25}, {g::marketing_revenue_share, 0.6}, {g::romi, 3.0}};
    case industry::retail_fnb: return {{g::revenue_growth, 0.15}, {g::profit_margin, 0.2}, {g::romi, 2.0}};
    case industry::b2b_services:
        return {{g::revenue_growth, 0.2}, {g::marketing_revenue_share, 0.4}, {g::romi, 3.0}};
    case industry::education: return {{g::revenue_growth, 0.2}, {g::market_share, 0.05}, {g::romi, 2.5}};
    case industry::other: return {{g::revenue_growth, 0.15}, {g::romi, 2.0}};
    }
    return {{g::revenue_growth, 0.15}};
}

std::vector<channel> default_channels(industry sector) {
    using c = channel;
    switch (sector) {
    case industry::ecommerce: return {c::facebook_ads, c::google_ads, c::tiktok_ads, c::seo_website, c::email};
    case industry::retail_fnb: return {c::facebook_ads, c::tiktok_ads, c::zalo_oa, c::offline_events};
    case industry::b2b_services: return {c::facebook_ads, c::google_ads, c::seo_website, c::email, c::offline_events};
    case industry::education: return {c::facebook_ads, c::google_ads, c::zalo_oa, c::seo_website};
    case industry::other: return {c::facebook_ads, c::google_ads, c::seo_website};
    }
    return {c::facebook_ads};
}

plan_month plan_start_month(const workbook_profile& profile, day_serial today) {
    if (profile.start_year != 0 || profile.start_month != 0) return {profile.start_year, profile.start_month};
    const civil_date d = to_civil(today);
    int index = month_index(d.year, d.month);
    index = profile.periods == period_granularity::quarter ? index - index % 3 + 3 : index + 1;
    return {year_of(index), month_of(index)};
}

double default_target(strategic_goal g) noexcept {
    switch (g) {
    case strategic_goal::revenue_growth: return 0.15;
    case strategic_goal::profit_margin: return 0.2;
    case strategic_goal::market_share: return 0.05;
    case strategic_goal::marketing_revenue_share: return 0.4;
    case strategic_goal::romi: return 2.0;
    }
    return 0.1;
}

std::vector<goal_target> effective_goals(const workbook_profile& profile) {
    std::vector<goal_target> out;
    for (const auto& g : profile.goals.empty() ? default_goals(profile.sector) : profile.goals) {
        auto same = [&](const goal_target& t) { return t.goal == g.goal; };
        if (std::find_if(out.begin(), out.end(), same) == out.end()) out.push_back(g);
    }
    std::sort(out.begin(), out.end(), [](const goal_target& a, const goal_target& b) { return a.goal < b.goal; });
    return out;
}

std::vector<proposed_kpi> proposed_kpis(const workbook_profile& profile) {
    const auto goals = effective_goals(profile);
    std::vector<proposed_kpi> out;
    for (const auto c : effective_channels(profile)) {
        const auto* ch = find_channel(c);
        if (!ch) continue;
        for (const auto& ck : ch->kpis)
            if (!ck.metric.empty()) out.push_back(make_kpi(*ch, ck, profile, goals));
    }
    return out;
}

std::string_view placeholder(sheet_role r) noexcept {
    constexpr sv names[] = {"{register}", "{data}",    "{dashboard}", "{guide}",  "{trends}",  "{cover}",    "{summary}",
                            "{acquisition}", "{digital}", "{customer}", "{other}", "{findings}", "{appendix}"};
    static_assert(std::size(names) == sheet_role_count);
    return names[static_cast<std::size_t>(r)];
}

std::size_t sheet_model::cols() const noexcept {
    std::size_t n = 0;
    for (const auto& r : rows) n = std::max(n, r.size());
    return n;
}

const model_cell* sheet_model::at(std::size_t row, std::size_t col) const noexcept {
    if (row >= rows.size() || col >= rows[row].size()) return nullptr;
    return &rows[row][col];
}

const sheet_model& workbook_model::sheet(sheet_role r) const {
    for (const auto& s : sheets)
        if (s.role == r) return s;
    throw std::out_of_range("workbook_model: no such sheet");
}

std::string column_letters(std::int32_t col) {
    std::string s;
    for (++col; col > 0; col = (col - 1) / 26) s.insert(s.begin(), static_cast<char>('A' + (col - 1) % 26));
    return s;
}

std::string absolute_address(const cell_rect& r) {
    return "$" + column_letters(r.first_col) + "$" + std::to_string(r.first_row + 1) + ":$" +
           column_letters(r.last_col) + "$" + std::to_string(r.last_row + 1);
}

std::string quote_sheet(std::string_view name) {
    std::string out = "$'";
    for (char c : name) {
        out += c;
        if (c == '\'') out += '\'';
    }
    out += '\'';
    return out;
}

std::string resolve_formula(std::string_view formula, const std::array<std::string, sheet_role_count>& names) {
    std::string out;
    out.reserve(formula.size() + 32);
    bool in_string = false;
    for (std::size_t i = 0; i < formula.size();) {
        const char c = formula[i];
        if (c == '"') in_string = !in_string;
        if (!in_string && c == '{') {
            bool replaced = false;
            for (std::size_t r = 0; r < sheet_role_count; ++r) {
                const sv p = placeholder(static_cast<sheet_role>(r));
                if (formula.substr(i, p.size()) == p) {
                    out += quote_sheet(names[r]);
                    i += p.size();
                    replaced = true;
                    break;
                }
            }
            if (replaced) continue;
        }
        out += c;
        ++i;
    }
    return out;
}

grid to_grid(const sheet_model& sheet) {
    grid g(sheet.rows.size(), sheet.cols());
    for (std::size_t r = 0; r < sheet.rows.size(); ++r)
        for (std::size_t c = 0; c < sheet.rows[r].size(); ++c) {
            const auto& mc = sheet.rows[r][c];
            if (mc.type == model_cell::kind::text) g.at(r, c) = grid_cell(mc.text);
            else if (mc.type == model_cell::kind::number) g.at(r, c) = grid_cell(mc.number);
        }
    return g;
}

// ---- the builder --------------------------------------------------------------------------------------

workbook_model build_template(const workbook_profile& profile, day_serial today, const template_options& options) {
    validate(profile);
    const sv lang = profile.language;
    const bool vi = is_vi(lang);
    const auto goals = effective_goals(profile);
    if (goals.empty()) throw std::invalid_argument("no strategic goal");

    // KPIs: the proposals minus the excluded ones, plus the extra ones.
    std::vector<proposed_kpi> tactical;
    for (auto& k : proposed_kpis(profile))
        if (std::find(profile.excluded_kpis.begin(), profile.excluded_kpis.end(), k.id) ==
            profile.excluded_kpis.end())
            tactical.push_back(std::move(k));
    for (auto k : options.extra_kpis) {
        const auto* m = find_metric(k.metric);
        if (!m) throw std::invalid_argument("unknown metric '" + k.metric + "'");
        k.function = std::string(m->function);
        k.group = m->group;
        k.direction = m->direction;
        if (std::none_of(goals.begin(), goals.end(), [&](const goal_target& t) { return t.goal == k.goal; }))
            k.goal = pick_goal(*m, goals);
        k.goal_id = std::string(info(k.goal).id);
        tactical.push_back(std::move(k));
    }
    {
        std::unordered_set<std::string> ids;
        for (const auto& g : goals) ids.insert(fold_key(info(g.goal).id));
        for (const auto& k : tactical)
            if (!ids.insert(fold_key(k.id)).second) throw std::invalid_argument("duplicate KPI ID " + k.id);
    }

    const period_granularity gran = profile.periods;
    const int start = plan_start(profile, today);
    const int period_count = options.period_count > 0 ? options.period_count
                                                      : (gran == period_granularity::quarter ? 4 : 12);
    if (period_count > 600) throw std::invalid_argument("at most 600 periods");
    const int period_step = gran == period_granularity::quarter ? 3 : 1;
    const int strategic_end = checkpoint(start + 11, 12, today);
    const int tactical_end = checkpoint(start + 5, 6, today);
    const int plan_first = strategic_end - 11;
    const std::string plan_label = month_of(plan_first) == 1
                                       ? std::to_string(year_of(plan_first))
                                       : std::to_string(year_of(plan_first)) + "/" + std::to_string(year_of(strategic_end));

    workbook_model model;
    model.language = std::string(lang);
    model.money = profile.money;
    model.sheets.resize(template_sheet_count);
    auto& reg = model.sheets[0];
    auto& data = model.sheets[1];
    auto& dash = model.sheets[2];
    auto& trends = model.sheets[3];
    auto& guide = model.sheets[4];
    trends.role = sheet_role::trends;
    trends.name = vi ? "Xu hướng" : "Trends";
    reg.role = sheet_role::kpi_register;
    data.role = sheet_role::data;
    dash.role = sheet_role::dashboard;
    guide.role = sheet_role::guide;
    reg.name = vi ? "Bảng KPI" : "KPI Register";
    data.name = vi ? "Dữ liệu" : "Data";
    dash.name = vi ? "Bảng điều khiển" : "Dashboard";
    guide.name = vi ? "Hướng dẫn" : "Guide";

    // ---- register plan: strategic rows first, then tactical in proposal order --------------------
    std::vector<row_plan> plan;
    for (const auto& g : goals) {
        row_plan r;
        r.strategic = true;
        r.goal = g.goal;
        r.g = &info(g.goal);
        r.target = g.target;
        // A typical baseline, raised when the target would be more than a four-fold improvement on it
        // (the audit's plausible band, docs/register.md): the user replaces it with the real figure.
        r.baseline = r.g->baseline;
        if (r.target > 4 * r.baseline) r.baseline = nice(r.target / 3);
        // Every goal is higher-is-better: a target at or below the typical baseline lowers the baseline,
        // so that the register never asks to get worse.
        if (r.target > 0 && r.target <= r.baseline) r.baseline = nice(r.target / 1.25);
        plan.push_back(r);
    }
    for (auto& k : tactical) {
        row_plan r;
        r.goal = k.goal;
        r.m = find_metric(k.metric);
        r.target = k.target;
        r.baseline = k.baseline;
        r.k = k;
        plan.push_back(std::move(r));
    }
    for (std::size_t i = 0; i < plan.size(); ++i) plan[i].register_row = i + 1;
    model.strategic_count = goals.size();
    model.tactical_count = tactical.size();

    const std::string data_sheet_name = data.name;
    const std::string dash_sheet_name = dash.name;
    const text level_strategic{"Strategic", "Chiến lược"}, level_tactical{"Tactical", "Chiến thuật"};
    const text dir_higher{"Higher is better", "Cao hơn tốt hơn"}, dir_lower{"Lower is better", "Thấp hơn tốt hơn"};
    const std::string all_title = str(channel_title(channel::all_channels), lang);

    // ---- KPI Register -----------------------------------------------------------------------------
    {
        sheet_writer w{reg};
        for (std::size_t c = 0; c < rc_source + 1; ++c) w.text(0, c, str(column_title(static_cast<column>(c)), lang));
        w.text(0, rc_channel, vi ? "Kênh" : "Channel");
        w.text(0, rc_notes, vi ? "Ghi chú" : "Notes");
        const std::string baseline_note = vi ? "Cơ sở là giá trị tham khảo: hãy thay bằng số liệu thực tế của bạn."
                                             : "The baseline is a typical value: replace it with your own figure.";
        for (const auto& r : plan) {
            const std::size_t row = r.register_row;
            const bool lower = !r.strategic && r.k.direction == kpi_direction::lower_is_better;
            if (r.strategic) {
                const auto& g = *r.g;
                w.text(row, rc_id, std::string(g.id));
                w.text(row, rc_name, str(g.name, lang) + (vi ? " năm " : " in ") + plan_label);
                w.text(row, rc_level, str(level_strategic, lang));
                w.text(row, rc_owner, vi ? "Giám đốc" : "Director");
                w.text(row, rc_unit, g.percent ? "%" : (vi ? "lần" : "times"));
                w.number(row, rc_deadline, static_cast<double>(last_day(strategic_end)));
                std::string source;
                switch (r.goal) {
                case strategic_goal::revenue_growth:
                    source = vi ? "KPI.REVGROWTH(doanh thu các dòng " + all_title + " trên trang " + data_sheet_name +
                                      "; doanh thu cùng kỳ năm trước trên trang " + dash_sheet_name + ")"
                                : "KPI.REVGROWTH(revenue of the " + all_title + " rows on the " + data_sheet_name +
                                      " sheet; revenue of the same months last year on the " + dash_sheet_name +
                                      " sheet)";
                    break;
                case strategic_goal::profit_margin:
                    source = vi ? "KPI.PROFITMARGIN(doanh thu các dòng " + all_title + "; tổng chi phí trên trang " +
                                      dash_sheet_name + ")"
                                : "KPI.PROFITMARGIN(revenue of the " + all_title + " rows; total costs on the " +
                                      dash_sheet_name + " sheet)";
                    break;
                case strategic_goal::market_share:
                    source = vi ? "KPI.MARKETSHARE(doanh thu các dòng " + all_title + "; quy mô thị trường trên trang " +
                                      dash_sheet_name + ")"
                                : "KPI.MARKETSHARE(revenue of the " + all_title + " rows; market size on the " +
                                      dash_sheet_name + " sheet)";
                    break;
                case strategic_goal::marketing_revenue_share:
                    source = vi ? "KPI.MKTREVSHARE(doanh thu từ các kênh marketing; doanh thu các dòng " + all_title +
                                      " trên trang " + data_sheet_name + ")"
                                : "KPI.MKTREVSHARE(revenue of the marketing channels; revenue of the " + all_title +
                                      " rows on the " + data_sheet_name + " sheet)";
                    break;
                case strategic_goal::romi:
                    source = vi ? "KPI.ROMI(doanh thu các kênh marketing; chi phí các kênh; biên lợi nhuận gộp trên trang " +
                                      dash_sheet_name + ")"
                                : "KPI.ROMI(revenue of the marketing channels; their spend; gross margin on the " +
                                      dash_sheet_name + " sheet)";
                    break;
                }
                w.text(row, rc_source, source);
                w.text(row, rc_channel, all_title);
                w.style(rect(row, rc_baseline, row, rc_target), g.percent ? number_kind::percent : number_kind::decimal);
                w.style(rect(row, rc_actual, row, rc_actual), g.percent ? number_kind::percent : number_kind::decimal);
            } else {
                const auto& k = r.k;
                const auto& m = *r.m;
                const auto* ch = find_channel(k.source);
                w.text(row, rc_id, k.id);
                w.text(row, rc_name, k.name(lang));
                w.text(row, rc_level, str(level_tactical, lang));
                w.text(row, rc_group, str(group_title(k.group), lang));
                w.text(row, rc_parent, k.goal_id);
                w.text(row, rc_owner, ch ? str(ch->owner, lang) : std::string(vi ? "Trưởng marketing" : "Marketing lead"));
                w.text(row, rc_unit, unit_text(m, profile.money, lang));
                w.number(row, rc_deadline, static_cast<double>(last_day(tactical_end)));
                const std::string args = str(measure_title(m.numerator), lang) + "; " +
                                         str(measure_title(m.denominator), lang);
                const std::string chan = str(channel_title(k.source), lang);
                w.text(row, rc_source, vi ? std::string(m.function) + "(" + args + ") trên trang " + data_sheet_name +
                                                ", các dòng " + chan
                                          : std::string(m.function) + "(" + args + ") on the " + data_sheet_name +
                                                " sheet, " + chan + " rows");
                w.text(row, rc_channel, chan);
                std::string note = baseline_note;
                if (ch)
                    for (const auto& ck : ch->kpis)
                        if (ck.metric == m.key && !ck.note.en.empty()) note = str(ck.note, lang) + " " + note;
                w.text(row, rc_notes, note);
                w.style(rect(row, rc_baseline, row, rc_target), number_of(m.unit));
                w.style(rect(row, rc_actual, row, rc_actual), number_of(m.unit));
            }
            if (r.strategic) w.text(row, rc_notes, baseline_note);
            w.text(row, rc_direction, str(lower ? dir_lower : dir_higher, lang));
            w.number(row, rc_baseline, r.baseline);
            w.number(row, rc_target, r.target);
        }
        w.style(rect(0, 0, 0, rc_count - 1), std::nullopt, true, true);
        reg.styles.push_back({rect(1, rc_deadline, plan.size(), rc_deadline), std::nullopt, false, false, false,
                              std::string(vi ? "MM/YYYY" : "YYYY-MM"), 0, false, false});
        reg.frozen_rows = 1;
        reg.column_widths = {{rc_id, 2200},       {rc_name, 7800},   {rc_level, 2600},   {rc_group, 4200},
                             {rc_parent, 2200},   {rc_owner, 4000},  {rc_unit, 2800},    {rc_direction, 3600},
                             {rc_baseline, 2800}, {rc_target, 2800}, {rc_deadline, 2800}, {rc_actual, 2800},
                             {rc_source, 9000},   {rc_channel, 3800}, {rc_notes, 9000}};
        const std::size_t last = plan.size();
        const std::size_t vlast = std::max<std::size_t>(register_validation_rows, last + 50);
        reg.validations.push_back({rect(1, rc_level, vlast, rc_level),
                                   {str(level_strategic, lang), str(level_tactical, lang)}, std::nullopt, {}});
        reg.validations.push_back({rect(1, rc_group, vlast, rc_group),
                                   {str(group_title(kpi_group::acquisition_cost), lang),
                                    str(group_title(kpi_group::digital_seo), lang),
                                    str(group_title(kpi_group::customer_value), lang)},
                                   std::nullopt,
                                   {}});
        reg.validations.push_back(
            {rect(1, rc_parent, vlast, rc_parent), {}, sheet_role::kpi_register, rect(1, rc_id, vlast, rc_id)});
        reg.validations.push_back({rect(1, rc_direction, vlast, rc_direction),
                                   {str(dir_higher, lang), str(dir_lower, lang)}, std::nullopt, {}});
        reg.print_area = rect(0, 0, last, rc_count - 1);
        reg.print_title_rows = 1;
        model.names.push_back({"KPI_Register", sheet_role::kpi_register, rect(0, 0, last, rc_count - 1)});
    }

    // ---- Data -------------------------------------------------------------------------------------
    std::vector<const metric_info*> used_metrics;
    for (const auto& m : metrics)
        if (std::any_of(tactical.begin(), tactical.end(), [&](const proposed_kpi& k) { return k.metric == m.key; }))
            used_metrics.push_back(&m);
    std::vector<channel> data_channels;
    for (const auto& k : tactical)
        if (std::find(data_channels.begin(), data_channels.end(), k.source) == data_channels.end())
            data_channels.push_back(k.source);
    for (const auto c : effective_channels(profile))
        if (std::find(data_channels.begin(), data_channels.end(), c) == data_channels.end()) data_channels.push_back(c);
    std::sort(data_channels.begin(), data_channels.end());
    data_channels.push_back(channel::all_channels);
    const std::size_t first_metric_col = 2 + measure_count;
    std::size_t data_last_row = 0;
    {
        sheet_writer w{data};
        w.text(0, 0, str(period_column_title(), lang));
        w.text(0, 1, str(channel_column_title(), lang));
        for (std::size_t i = 0; i < measure_count; ++i) w.text(0, 2 + i, str(measure_title(static_cast<measure>(i)), lang));
        for (std::size_t j = 0; j < used_metrics.size(); ++j) w.text(0, first_metric_col + j, str(used_metrics[j]->header, lang));
        std::size_t row = 1;
        for (int p = 0; p < period_count; ++p) {
            const int index = start + p * period_step;
            const std::string key = period_key(year_of(index), month_of(index), gran);
            for (const auto c : data_channels) {
                w.text(row, 0, key);
                w.text(row, 1, str(channel_title(c), lang));
                for (std::size_t j = 0; j < used_metrics.size(); ++j) {
                    const auto& m = *used_metrics[j];
                    const auto num = cell_ref(row, 2 + static_cast<std::size_t>(m.numerator));
                    const auto den = cell_ref(row, 2 + static_cast<std::size_t>(m.denominator));
                    w.formula(row, first_metric_col + j, "=IF(AND(ISNUMBER(" + num + ");ISNUMBER(" + den + "));IF(" +
                                                             den + ">0;" + std::string(m.function) + "(" + num + ";" +
                                                             den + ");\"\");\"\")");
                }
                w.set(row, first_metric_col - 1, {}); // every row as wide as the header
                ++row;
            }
        }
        data_last_row = row - 1;
        const std::size_t lc = first_metric_col + used_metrics.size() - 1; // the last column
        w.style(rect(0, 0, 0, lc), std::nullopt, true, true);
        for (std::size_t i = 0; i < measure_count; ++i) {
            const auto m = static_cast<measure>(i);
            w.style(rect(1, 2 + i, data_last_row, 2 + i), is_money(m) ? number_kind::currency : number_kind::integer);
        }
        for (std::size_t j = 0; j < used_metrics.size(); ++j)
            w.style(rect(1, first_metric_col + j, data_last_row, first_metric_col + j),
                    number_of(used_metrics[j]->unit));
        data.frozen_rows = 1;
        data.column_widths.push_back({0, 2200});
        data.column_widths.push_back({1, 4200});
        for (std::size_t c = 2; c <= lc; ++c) data.column_widths.push_back({static_cast<std::int32_t>(c), 3000});
        data.print_area = rect(0, 0, data_last_row, lc);
        data.print_title_rows = 1;
        model.names.push_back({"KPI_Data", sheet_role::data, rect(0, 0, data_last_row, lc)});
    }

    // ---- Dashboard and Trends -------------------------------------------------------------------
    // The Trends sheet computes every KPI by period from the Data sheet (and the business figures by
    // period on the Dashboard); the Dashboard shows the period its selector names, the register's
    // Actual the plan to date. One set of formulas, so every place shows the same number.
    {
        // Row order: each goal followed by the tactical KPIs that support it (a chart per goal).
        std::vector<const row_plan*> order;
        std::vector<std::pair<std::size_t, std::size_t>> blocks; // per goal: first and last index into order
        for (const auto& r : plan) {
            if (!r.strategic) continue;
            const std::size_t first = order.size();
            order.push_back(&r);
            for (const auto& t : plan)
                if (!t.strategic && t.goal == r.goal) order.push_back(&t);
            blocks.push_back({first, order.size() - 1});
        }
        const std::size_t n = order.size();
        const std::size_t P = static_cast<std::size_t>(period_count);
        const std::size_t first_pc = 2, last_pc = first_pc + P - 1; // period columns on Trends
        const std::string last_pl = column_letters(static_cast<std::int32_t>(last_pc));

        // Trends rows.
        const std::size_t tr_last = 2, tr_selected = 3, tr_count = 4, tr_rows = 5;
        const std::size_t vh = 6, ph = vh + n + 2, nh = ph + n + 2, dh = nh + n + 2, ah = dh + n + 2;
        std::size_t chart_first = 0; // below the sums by period, once their count is known
        auto trends_row = [&](std::size_t header, std::size_t i) { return header + 1 + i; };
        auto trow_range = [&](std::size_t row) { // "{trends}.$C$7:$N$7"
            return "{trends}.$C$" + std::to_string(row + 1) + ":$" + last_pl + "$" + std::to_string(row + 1);
        };
        const std::string last_ref = "{trends}.$B$" + std::to_string(tr_last + 1);
        const std::string k_ref = "{trends}.$B$" + std::to_string(tr_selected + 1);

        // Dashboard rows and columns.
        enum : std::size_t {
            c_id, c_name, c_target, c_actual, c_previous, c_change, c_to_date, c_attainment, c_status,
            c_status_text, c_projection, c_pace, c_deadline, c_count
        };
        const std::size_t selector_row = 2, table_first = dash_header_row + 1, table_last = dash_header_row + n;
        const std::string selector = "$B$" + std::to_string(selector_row + 1);
        const text latest{"Latest period", "Kỳ gần nhất"}, to_date{"Plan to date", "Từ đầu kế hoạch"};

        // Business figures by period, below the KPI table.
        auto has_goal = [&](strategic_goal g) {
            return std::any_of(goals.begin(), goals.end(), [&](const goal_target& t) { return t.goal == g; });
        };
        const std::size_t figures_heading = table_last + 2;
        std::size_t figures_row = figures_heading + 1;
        std::string gross_margin;
        if (has_goal(strategic_goal::romi)) {
            gross_margin = "{dashboard}." + cell_ref(figures_row, c_actual, true);
            ++figures_row;
        }
        struct figure_column {
            strategic_goal goal;
            text title;
            std::size_t col = 0;
        };
        std::vector<figure_column> figures;
        for (auto f : {figure_column{strategic_goal::revenue_growth,
                                     {"Revenue in the same period last year", "Doanh thu cùng kỳ năm trước"}},
                       figure_column{strategic_goal::profit_margin,
                                     {"Total costs of the business", "Tổng chi phí của doanh nghiệp"}},
                       figure_column{strategic_goal::market_share,
                                     {"Market size (sales of the whole market)", "Quy mô thị trường (doanh số toàn thị trường)"}}})
            if (has_goal(f.goal)) {
                f.col = c_actual + figures.size();
                figures.push_back(f);
            }
        const std::size_t figures_header = figures_row, figures_first = figures_row + 1;
        const std::size_t figures_last = figures.empty() ? figures_header : figures_first + P - 1;
        auto figure_ref = [&](strategic_goal g, std::size_t p) {
            for (const auto& f : figures)
                if (f.goal == g) {
                    const std::string ref = "{dashboard}." + cell_ref(figures_first + p, f.col, true);
                    return "IF(ISNUMBER(" + ref + ");" + ref + ";\"\")";
                }
            return std::string("\"\"");
        };

        // Per KPI: the period's numerator and denominator (a number, or "" when nothing was typed) and
        // the function of the two.
        const std::string all_q = "\"" + all_title + "\"", marketing_q = "\"<>" + all_title + "\"";
        // The Data sheet's last used row (Trends!B6): the counts below look at the used rows only (a
        // COUNTIFS over whole columns scans every row of the sheet: seconds for a large workbook, where
        // SUMIFS over whole columns stops at the data; docs/performance.md, "The monthly loop").
        const std::string rows_used = "{trends}.$B$" + std::to_string(tr_rows + 1);
        auto used = [&](std::int32_t col) {
            const std::string l = column_letters(col);
            return "{data}.$" + l + "$1:INDEX({data}.$" + l + ":$" + l + ";" + rows_used + ")";
        };
        // Per (measure, channel): how many of its Data cells hold text where a number belongs (rows 2 to
        // the last used row), in the column after the last period of the sums block (text_flag below).
        auto text_count = [&](measure m, const std::string& channel) {
            const auto col = static_cast<std::int32_t>(2 + static_cast<std::size_t>(m));
            const std::string l = column_letters(col);
            const std::string range = "{data}.$" + l + "$2:INDEX({data}.$" + l + ":$" + l + ";" + rows_used + ")";
            const std::string chan = "{data}.$B$2:INDEX({data}.$B:$B;" + rows_used + ")";
            return "=COUNTIFS(" + range + ";\"<>\";" + chan + ";" + channel + ")-COUNTIFS(" + range +
                   ";\">-1E+300\";" + chan + ";" + channel + ")";
        };
        auto measured = [&](measure m, const std::string& key, const std::string& channel, const std::string& text_flag) {
            const std::string crit = std::string(data_period_column) + ";" + key + ";" +
                                     std::string(data_channel_column) + ";" + channel;
            const auto col = static_cast<std::int32_t>(2 + static_cast<std::size_t>(m));
            const std::string used_crit = used(0) + ";" + key + ";" + used(1) + ";" + channel;
            const std::string sum = "SUMIFS(" + data_column(m) + ";" + crit + ")";
            const std::string typed = "COUNTIFS(" + used(col) + ";\"<>\";" + used_crit + ")";
            // Nothing typed: ""; text among the numbers (a number typed as text): #VALUE!, never a sum that
            // silently leaves it out. The counts are the costly part of a typed cell's recalculation, so
            // they are only made where needed: a sum other than 0 has typed numbers; the text check of the
            // period runs only when the channel's column holds text somewhere.
            return "IF(" + text_flag + ">0;IF(" + typed + "=0;\"\";IF(" + typed + ">COUNTIFS(" + used(col) +
                   ";\">-1E+300\";" + used_crit + ");\"?\"*1;" + sum + "));IF(" + sum + "<>0;" + sum + ";IF(" + typed +
                   "=0;\"\";0)))";
        };
        // One sum per (measure, channel) and period, shared by every KPI that needs it (FB-CPL, FB-CAC and
        // FB-ROAS all read Facebook's spend): the Numerator and Denominator blocks refer to these rows.
        std::vector<std::pair<measure, std::string>> sums;
        std::map<std::string, std::size_t> sum_rows;
        auto shared_sum = [&](measure m, const std::string& key, const std::string& channel) {
            const auto [it, added] =
                sum_rows.emplace(std::to_string(static_cast<int>(m)) + "|" + channel, sums.size());
            if (added) sums.emplace_back(m, channel);
            return key.substr(0, key.find('$')) + std::to_string(ah + 2 + it->second);
        };
        struct terms {
            std::string num, den;
        };
        auto period_terms = [&](const row_plan& r, const std::string& key, std::size_t p) -> terms {
            if (!r.strategic) {
                const std::string chan = "\"" + str(channel_title(r.k.source), lang) + "\"";
                return {shared_sum(r.m->numerator, key, chan), shared_sum(r.m->denominator, key, chan)};
            }
            switch (r.goal) {
            case strategic_goal::revenue_growth:
            case strategic_goal::profit_margin:
            case strategic_goal::market_share: return {shared_sum(measure::revenue, key, all_q), figure_ref(r.goal, p)};
            case strategic_goal::marketing_revenue_share:
                return {shared_sum(measure::revenue, key, marketing_q), shared_sum(measure::revenue, key, all_q)};
            case strategic_goal::romi:
                return {shared_sum(measure::revenue, key, marketing_q), shared_sum(measure::spend, key, marketing_q)};
            }
            return {};
        };
        auto function_of = [&](const row_plan& r, const std::string& num, const std::string& den) {
            const std::string fn = r.strategic ? std::string(r.g->function) : std::string(r.m->function);
            return fn + "(" + num + ";" + den + (r.strategic && r.goal == strategic_goal::romi ? ";" + gross_margin : "") +
                   ")";
        };
        auto guarded = [&](const row_plan& r, const std::string& has_num, const std::string& has_den,
                           const std::string& num, const std::string& den) {
            std::string ok = has_num + ";" + has_den;
            if (r.strategic && r.goal == strategic_goal::romi) ok += ";ISNUMBER(" + gross_margin + ")";
            // An error in a term (text typed as a number) shows as that error, not as a blank.
            return "=IF(ISERROR(" + num + ")+ISERROR(" + den + ");" + num + "+" + den + ";IF(AND(" + ok + ");IF(" + den +
                   ">0;" + function_of(r, num, den) + ";\"\");\"\"))";
        };

        // ---- Trends -------------------------------------------------------------------------------
        {
            sheet_writer w{trends};
            w.text(0, 0, vi ? "Xu hướng KPI theo kỳ" : "KPI trends by period");
            w.text(1, 0, vi ? "Mọi ô trên trang này được tính từ trang " + data.name +
                                  " và số liệu doanh nghiệp trên trang " + dash.name + ": đừng nhập vào đây."
                            : "Every cell of this sheet is computed from the " + data.name +
                                  " sheet and the business figures on the " + dash.name + " sheet: do not type here.");
            w.text(tr_last, 0, vi ? "Kỳ gần nhất có dữ liệu (số thứ tự)" : "Latest period with data (number)");
            const std::string counts = "C" + std::to_string(tr_count + 1) + ":" + last_pl + std::to_string(tr_count + 1);
            w.formula(tr_last, 1, "=SUMPRODUCT(MAX((" + counts + ">0)*(COLUMN(" + counts + ")-COLUMN($C$" +
                                      std::to_string(tr_count + 1) + ")+1)))");
            w.text(tr_selected, 0, vi ? "Kỳ đang xem trên " + dash.name + " (số thứ tự)"
                                      : "Period shown on the " + dash.name + " (number)");
            const std::string sel = "{dashboard}." + selector;
            const std::string keys = "$C$" + std::to_string(vh + 1) + ":$" + last_pl + "$" + std::to_string(vh + 1);
            w.formula(tr_selected, 1, "=IF(OR(" + sel + "=\"" + str(latest, lang) + "\";" + sel + "=\"" +
                                          str(to_date, lang) + "\";" + sel + "=\"\");B" + std::to_string(tr_last + 1) +
                                          ";IFERROR(MATCH(" + sel + ";" + keys + ";0);0))");
            w.text(tr_count, 0, vi ? "Số KPI có dữ liệu" : "KPIs with data");
            w.text(tr_rows, 0, vi ? "Dòng cuối có dữ liệu trên trang " + data.name : "Last used row of the " + data.name + " sheet");
            w.formula(tr_rows, 1, "=MAX(2;SUMPRODUCT(MAX(({data}.$A$1:$A$1048576<>\"\")*ROW({data}.$A$1:$A$1048576))))");
            const text block_titles[4] = {{"Period value", "Giá trị theo kỳ"},
                                          {"Plan to date", "Lũy kế từ đầu kế hoạch"},
                                          {"Numerator to date", "Tử số lũy kế"},
                                          {"Denominator to date", "Mẫu số lũy kế"}};
            const std::size_t headers[4] = {vh, ph, nh, dh};
            for (std::size_t b = 0; b < 4; ++b) {
                w.text(headers[b], 0, b < 2 ? "ID" : (vi ? "Mã" : "Key"));
                w.text(headers[b], 1, str(block_titles[b], lang));
                w.style(rect(headers[b], 0, headers[b], last_pc), std::nullopt, true, true);
            }
            for (std::size_t p = 0; p < P; ++p) {
                const int index = start + static_cast<int>(p) * period_step;
                const std::string key = period_key(year_of(index), month_of(index), gran);
                const std::size_t col = first_pc + p;
                for (const auto h : headers) w.text(h, col, key);
                const std::string cl = column_letters(static_cast<std::int32_t>(col));
                w.formula(tr_count, col, "=COUNT(" + cl + std::to_string(vh + 2) + ":" + cl + std::to_string(vh + 1 + n) + ")");
                const std::string key_ref = cl + "$" + std::to_string(vh + 1);
                const std::string prev_cl =
                    p == 0 ? std::string() : column_letters(static_cast<std::int32_t>(col - 1));
                for (std::size_t i = 0; i < n; ++i) {
                    const auto& r = *order[i];
                    const auto t = period_terms(r, key_ref, p);
                    // The period's value, straight from its two terms.
                    w.formula(trends_row(vh, i), col,
                              guarded(r, "ISNUMBER(" + t.num + ")", "ISNUMBER(" + t.den + ")", t.num, t.den));
                    // Numerator and denominator to date: running sums over the periods in which both terms
                    // were recorded (a month with spend but no revenue typed yet does not pull ROAS down; a
                    // typed 0 counts); "" until the first such period; an error in a term stays an error in
                    // every later period. A running sum (not a SUMPRODUCT over the row) keeps a typed cell
                    // cheap: it dirties the periods from its own on, each one addition.
                    const std::string paired = "AND(ISNUMBER(" + t.num + ");ISNUMBER(" + t.den + "))";
                    const std::string failed = "ISERROR(" + t.num + ")+ISERROR(" + t.den + ")";
                    auto running = [&](std::size_t header, const std::string& term) {
                        const std::string prev = p == 0 ? std::string() : prev_cl + std::to_string(trends_row(header, i) + 1);
                        if (p == 0) return "=IF(" + failed + ";" + t.num + "+" + t.den + ";IF(" + paired + ";" + term + ";\"\"))";
                        return "=IF(" + failed + ";" + t.num + "+" + t.den + ";IF(ISERROR(" + prev + ");" + prev + ";IF(" +
                               paired + ";N(" + prev + ")+" + term + ";" + prev + ")))";
                    };
                    w.formula(trends_row(nh, i), col, running(nh, t.num));
                    w.formula(trends_row(dh, i), col, running(dh, t.den));
                    const std::string num = cl + std::to_string(trends_row(nh, i) + 1);
                    const std::string den = cl + std::to_string(trends_row(dh, i) + 1);
                    // Plan to date as of the period (after the latest period with data it stays at the latest
                    // one's: the Dashboard and the report show it up to the latest period only; a test of the
                    // latest period here would make every cell of the block depend on every typed cell).
                    w.formula(trends_row(ph, i), col, guarded(r, "ISNUMBER(" + num + ")", "TRUE()", num, den));
                }
            }
            // The sums by period, each written once.
            const std::string flag_col = column_letters(static_cast<std::int32_t>(last_pc + 1));
            w.text(ah, 0, vi ? "Tổng theo kỳ" : "Sums by period");
            w.style(rect(ah, 0, ah, last_pc + 1), std::nullopt, true, true);
            for (std::size_t j = 0; j < sums.size(); ++j) {
                w.text(ah + 1 + j, 0, str(measure_title(sums[j].first), lang));
                std::string label = sums[j].second; // the channel criterion, without its quotes
                label.erase(std::remove(label.begin(), label.end(), '"'), label.end());
                w.text(ah + 1 + j, 1, label.rfind("<>", 0) == 0 ? (vi ? "khác " : "not ") + label.substr(2) : label);
            }
            for (std::size_t p = 0; p < P; ++p) {
                const std::string cl = column_letters(static_cast<std::int32_t>(first_pc + p));
                w.text(ah, first_pc + p, period_key(year_of(start + static_cast<int>(p) * period_step),
                                                    month_of(start + static_cast<int>(p) * period_step), gran));
                for (std::size_t j = 0; j < sums.size(); ++j)
                    w.formula(ah + 1 + j, first_pc + p,
                              "=" + measured(sums[j].first, cl + "$" + std::to_string(vh + 1), sums[j].second,
                                             "$" + flag_col + "$" + std::to_string(ah + 2 + j)));
            }
            w.text(ah, last_pc + 1, vi ? "Ô chứa chữ" : "Cells with text");
            for (std::size_t j = 0; j < sums.size(); ++j)
                w.formula(ah + 1 + j, last_pc + 1, text_count(sums[j].first, sums[j].second));
            chart_first = ah + sums.size() + 2;
            for (std::size_t i = 0; i < n; ++i) {
                const std::string reg_row = std::to_string(order[i]->register_row + 1);
                for (const auto h : headers) w.formula(trends_row(h, i), 0, "={register}.$A$" + reg_row);
                w.formula(trends_row(vh, i), 1, "={register}.$B$" + reg_row);
                w.formula(trends_row(ph, i), 1, "={register}.$B$" + reg_row);
                const number_kind kind = order[i]->strategic ? (order[i]->g->percent ? number_kind::percent
                                                                                    : number_kind::decimal)
                                                             : number_of(order[i]->m->unit);
                w.style(rect(trends_row(vh, i), first_pc, trends_row(vh, i), last_pc), kind);
                w.style(rect(trends_row(ph, i), first_pc, trends_row(ph, i), last_pc), kind);
            }
            w.style(rect(0, 0, 0, 0), std::nullopt, true);
            trends.column_widths = {{0, 2600}, {1, 6400}};
            for (std::size_t c = first_pc; c <= last_pc; ++c) trends.column_widths.push_back({static_cast<std::int32_t>(c), 2400});
            trends.frozen_rows = 0;
            model.names.push_back({"KPI_Trends", sheet_role::trends, rect(vh, 0, vh + n, last_pc)});
        }

        // Chart data (on Trends, below the blocks): per goal the actual by period with the target, and
        // the attainment of the goal and its tactical KPIs in the period shown.
        std::vector<cell_rect> trend_blocks, attainment_blocks;
        {
            sheet_writer w{trends};
            std::size_t row = chart_first;
            w.text(row++, 0, vi ? "Dữ liệu biểu đồ" : "Chart data");
            for (const auto& [first, last] : blocks) {
                const auto& g = *order[first];
                const std::string reg_row = std::to_string(g.register_row + 1);
                for (std::size_t p = 0; p < P; ++p) {
                    const std::string cl = column_letters(static_cast<std::int32_t>(first_pc + p));
                    w.formula(row, first_pc + p, "=" + cl + "$" + std::to_string(vh + 1));
                    w.formula(row + 1, first_pc + p, "=" + cl + std::to_string(trends_row(vh, first) + 1));
                    w.formula(row + 2, first_pc + p, "={register}.$J$" + reg_row);
                }
                w.formula(row, 0, "={register}.$A$" + reg_row);
                w.text(row + 1, 1, vi ? "Thực tế" : "Actual");
                w.text(row + 2, 1, vi ? "Mục tiêu" : "Target");
                trend_blocks.push_back(rect(row, 1, row + 2, last_pc));
                row += 4;
                w.text(row, 1, "ID");
                w.text(row, 2, vi ? "Mức hoàn thành" : "Attainment");
                for (std::size_t i = first; i <= last; ++i) {
                    w.formula(row + 1 + i - first, 1, "={dashboard}." + cell_ref(table_first + i, c_id, true));
                    w.formula(row + 1 + i - first, 2, "={dashboard}." + cell_ref(table_first + i, c_attainment, true));
                }
                attainment_blocks.push_back(rect(row, 1, row + 1 + last - first, 2));
                row += last - first + 3;
            }
            trends.print_area = rect(0, 0, dh + n, last_pc);
        }

        // ---- Dashboard ----------------------------------------------------------------------------
        sheet_writer w{dash};
        const std::string periods = gran == period_granularity::quarter ? (vi ? "theo quý" : "quarterly")
                                                                         : (vi ? "theo tháng" : "monthly");
        const std::string name = profile.business_name.empty() ? std::string(vi ? "Doanh nghiệp của bạn" : "Your business")
                                                                : profile.business_name;
        w.text(0, 0, (vi ? "Bảng điều khiển KPI - " : "KPI dashboard - ") + name);
        w.text(1, 0, std::string(vi ? "Tiền tệ: " : "Currency: ") + std::string(currency_code(profile.money)) +
                         (vi ? "; số liệu " : "; data ") + periods + (vi ? " từ " : " from ") +
                         period_key(year_of(start), month_of(start), gran) +
                         (vi ? ". Chọn kỳ ở ô bên dưới: mọi số trên trang này theo kỳ đó."
                             : ". Pick a period below: every figure on this sheet follows it."));
        w.text(selector_row, 0, vi ? "Kỳ:" : "Period:");
        w.text(selector_row, 1, str(latest, lang));
        {
            const std::string keys = "{trends}.$C$" + std::to_string(vh + 1) + ":$" + last_pl + "$" + std::to_string(vh + 1);
            w.formula(selector_row, 2, "=IF(" + k_ref + ">0;INDEX(" + keys + ";1;" + k_ref + ");\"" +
                                           std::string(vi ? "chưa có dữ liệu" : "no data yet") + "\")");
            w.formula(selector_row, 3, "=IF(" + selector + "=\"" + str(to_date, lang) + "\";\"" +
                                           std::string(vi ? "(lũy kế đến kỳ này)" : "(plan to date up to it)") + "\";\"\")");
            std::vector<std::string> choices{str(latest, lang), str(to_date, lang)};
            for (std::size_t p = 0; p < P; ++p) {
                const int index = start + static_cast<int>(p) * period_step;
                choices.push_back(period_key(year_of(index), month_of(index), gran));
            }
            dash.validations.push_back({rect(selector_row, 1, selector_row, 1), std::move(choices), std::nullopt, {}});
        }
        w.style(rect(selector_row, 0, selector_row, 0), std::nullopt, true);
        dash.styles.push_back({rect(selector_row, 1, selector_row, 1), std::nullopt, true, false, false, std::nullopt, 0,
                               true, false});
        const text headers[c_count] = {{"ID", "ID"},
                                       {"KPI", "KPI"},
                                       {"Target", "Mục tiêu"},
                                       {"Period value", "Giá trị kỳ"},
                                       {"Previous period", "Kỳ trước"},
                                       {"Change", "Thay đổi"},
                                       {"Actual (plan to date)", "Thực tế (lũy kế)"},
                                       {"Attainment", "Mức hoàn thành"},
                                       {"Status", "Trạng thái"},
                                       {"Status in words", "Diễn giải"},
                                       {"Projection at deadline", "Dự báo đến hạn"},
                                       {"Pace", "Tiến độ"},
                                       {"Deadline (period no.)", "Hạn (kỳ thứ)"}};
        for (std::size_t c = 0; c < c_count; ++c) w.text(dash_header_row, c, str(headers[c], lang));

        const std::string dir_lower_q = "\"" + str(dir_lower, lang) + "\"";
        const std::string plan_first_index = std::to_string(start); // year * 12 + month - 1
        for (std::size_t i = 0; i < n; ++i) {
            const auto* r = order[i];
            const std::size_t row = table_first + i;
            const std::string reg_row = std::to_string(r->register_row + 1);
            const std::string lower = "{register}.$H$" + reg_row + "=" + dir_lower_q;
            const auto at = [&](std::size_t c) { return cell_ref(row, c); };
            const std::string values = trow_range(trends_row(vh, i)), to_dates = trow_range(trends_row(ph, i));
            const std::string mode_to_date = selector + "=\"" + str(to_date, lang) + "\"";
            w.formula(row, c_id, "={register}.$A$" + reg_row);
            w.formula(row, c_name, "={register}.$B$" + reg_row);
            w.formula(row, c_target, "={register}.$J$" + reg_row);
            w.formula(row, c_actual, "=IF(" + k_ref + "=0;\"\";INDEX(IF(" + mode_to_date + ";" + to_dates + ";" + values +
                                         ");1;" + k_ref + "))");
            w.formula(row, c_previous, "=IF(" + k_ref + "<2;\"\";INDEX(IF(" + mode_to_date + ";" + to_dates + ";" +
                                           values + ");1;" + k_ref + "-1))");
            w.formula(row, c_change, "=IF(AND(ISNUMBER(" + at(c_actual) + ");ISNUMBER(" + at(c_previous) + "));" +
                                         at(c_actual) + "-" + at(c_previous) + ";\"\")");
            w.formula(row, c_to_date, "=IF(OR(" + k_ref + "=0;" + k_ref + ">" + last_ref + ");\"\";INDEX(" + to_dates +
                                          ";1;" + k_ref + "))");
            // Attainment and status judge the plan to date (as of the period shown): the same actual as
            // the register's, the audit's and the report's.
            const auto actual = at(c_to_date), target = at(c_target);
            w.formula(row, c_attainment, "=IF(AND(ISNUMBER(" + actual + ");ISNUMBER(" + target + ");" + target +
                                             "<>0;OR(NOT(" + lower + ");" + actual + "<>0));KPI.ATTAINMENT(" + actual +
                                             ";" + target + ";;" + lower + ");\"\")");
            w.formula(row, c_status, "=IF(ISNUMBER(" + at(c_attainment) + ");KPI.STATUS(" + actual + ";" + target +
                                         ";" + lower + ");\"\")");
            const auto status = at(c_status);
            w.formula(row, c_status_text, "=IF(ISNUMBER(" + status + ");CHOOSE(" + status + "+2;\"" +
                                              std::string(vi ? "Không đạt" : "Off track") + "\";\"" +
                                              std::string(vi ? "Có rủi ro" : "At risk") + "\";\"" +
                                              std::string(vi ? "Đạt" : "On track") + "\");\"\")");
            // The deadline's period number in the plan (1 = the first period), from the register.
            const std::string deadline = "{register}.$K$" + reg_row;
            w.formula(row, c_deadline, "=IF(ISNUMBER(" + deadline + ");INT((YEAR(" + deadline + ")*12+MONTH(" + deadline +
                                           ")-1-" + plan_first_index + ")/" + std::to_string(period_step) + ")+1;\"\")");
            const std::string dl = at(c_deadline);
            const std::string first_value = "{trends}.$C$" + std::to_string(trends_row(vh, i) + 1);
            const std::string up_to_k = first_value + ":INDEX(" + values + ";1;" + k_ref + ")";
            w.formula(row, c_projection, "=IF(OR(NOT(ISNUMBER(" + dl + "));" + k_ref + "=0);\"\";IF(" + dl + "<" + k_ref +
                                             ";\"\";IF(COUNT(" + up_to_k + ")=0;\"\";KPI.PROJECTION(" + up_to_k + ";" + dl +
                                             "-" + k_ref + "))))");
            const std::string proj = at(c_projection);
            w.formula(row, c_pace, "=IF(AND(ISNUMBER(" + dl + ");" + k_ref + ">0;" + dl + "<" + k_ref + ");\"" +
                                       std::string(vi ? "Đã quá hạn" : "Deadline passed") + "\";IF(AND(ISNUMBER(" + proj +
                                       ");ISNUMBER(" + target + ");" + target + "<>0);CHOOSE(KPI.PACESTATUS(" + proj + ";" +
                                       target + ";" + lower + ")+2;\"" + std::string(vi ? "Chậm tiến độ" : "Behind") +
                                       "\";\"" + std::string(vi ? "Đúng tiến độ" : "On pace") + "\";\"" +
                                       std::string(vi ? "Vượt tiến độ" : "Ahead") + "\");\"\"))");
            const number_kind kind = r->strategic ? (r->g->percent ? number_kind::percent : number_kind::decimal)
                                                  : number_of(r->m->unit);
            w.style(rect(row, c_target, row, c_to_date), kind);
            w.style(rect(row, c_projection, row, c_projection), kind);
            if (r->strategic) w.style(rect(row, 0, row, c_pace), std::nullopt, true);
        }
        w.style(rect(0, 0, 0, 0), std::nullopt, true);
        dash.styles.push_back({rect(0, 0, 0, 0), std::nullopt, true, false, false, std::nullopt, 14, false, false});
        w.style(rect(dash_header_row, 0, dash_header_row, c_count - 1), std::nullopt, true, true);
        dash.styles.push_back({rect(table_first, 0, table_last, c_count - 1), std::nullopt, false, false, false,
                               std::nullopt, 0, false, true});
        for (const auto c : {c_name, c_status_text, c_pace}) // long names and words wrap inside the 1280-px table
            dash.styles.push_back({rect(table_first, c, table_last, c), std::nullopt, false, false, true, std::nullopt,
                                   0, false, true});
        w.style(rect(table_first, c_attainment, table_last, c_attainment), number_kind::percent);
        w.style(rect(table_first, c_status, table_last, c_status), number_kind::integer);
        dash.icon_sets.push_back({rect(table_first, c_status, table_last, c_status), false});
        const auto status_col = "$" + column_letters(c_status) + std::to_string(table_first + 1);
        const cell_rect words = rect(table_first, c_status_text, table_last, c_status_text);
        dash.style_rules.push_back({words, status_col + "=1", "Good"});
        dash.style_rules.push_back({words, status_col + "=0", "Neutral"});
        dash.style_rules.push_back({words, status_col + "=-1", "Bad"});
        const auto pace_col = "$" + column_letters(c_pace) + std::to_string(table_first + 1);
        const cell_rect paces = rect(table_first, c_pace, table_last, c_pace);
        dash.style_rules.push_back({paces, pace_col + "=\"" + std::string(vi ? "Vượt tiến độ" : "Ahead") + "\"", "Good"});
        dash.style_rules.push_back({paces, pace_col + "=\"" + std::string(vi ? "Đúng tiến độ" : "On pace") + "\"", "Neutral"});
        dash.style_rules.push_back({paces, pace_col + "=\"" + std::string(vi ? "Chậm tiến độ" : "Behind") + "\"", "Bad"});
        dash.frozen_rows = static_cast<std::int32_t>(dash_header_row + 1);
        // The table (A to Pace) fits a 1280-px window at 100 % zoom: 31 cm.
        dash.column_widths = {{c_id, 2300},        {c_name, 4900},        {c_target, 2300},     {c_actual, 2300},
                              {c_previous, 2300},  {c_change, 2100},      {c_to_date, 2400},    {c_attainment, 2500},
                              {c_status, 1600},    {c_status_text, 2300}, {c_projection, 2400}, {c_pace, 2300},
                              {c_deadline, 2000}};
        dash.hidden_columns.push_back(c_deadline);

        // Business figures.
        w.text(figures_heading, 0, vi ? "Số liệu doanh nghiệp (ô màu vàng: bạn nhập vào)"
                                      : "Business figures (yellow cells: you fill them in)");
        w.style(rect(figures_heading, 0, figures_heading, 0), std::nullopt, true);
        if (!gross_margin.empty()) {
            const std::size_t row = figures_heading + 1;
            w.text(row, 0, vi ? "Biên lợi nhuận gộp (cho ROMI; giá trị tham khảo, hãy thay)"
                              : "Gross margin (for ROMI; a typical value, replace it)");
            w.number(row, c_actual, gross_margin_default(profile.sector));
            w.style(rect(row, c_actual, row, c_actual), number_kind::percent);
            dash.styles.push_back({rect(row, c_actual, row, c_actual), std::nullopt, false, false, false, std::nullopt, 0,
                                   true, false});
            model.names.push_back({"KPI_GrossMargin", sheet_role::dashboard, rect(row, c_actual, row, c_actual)});
        }
        if (!figures.empty()) {
            w.text(figures_header, 0, str(period_column_title(), lang));
            for (const auto& f : figures) w.text(figures_header, f.col, str(f.title, lang));
            w.style(rect(figures_header, 0, figures_header, figures.back().col), std::nullopt, true, true);
            for (std::size_t p = 0; p < P; ++p) {
                const int index = start + static_cast<int>(p) * period_step;
                w.text(figures_first + p, 0, period_key(year_of(index), month_of(index), gran));
            }
            const cell_rect inputs = rect(figures_first, figures.front().col, figures_last, figures.back().col);
            w.style(inputs, number_kind::currency);
            dash.styles.push_back({inputs, std::nullopt, false, false, false, std::nullopt, 0, true, false});
            model.names.push_back({"KPI_Inputs", sheet_role::dashboard, inputs});
        }

        // Charts: per goal, the trend (actual by period with the target) and the attainment of the goal
        // and its tactical KPIs in the period shown.
        std::size_t chart_row = figures_last + 2;
        for (std::size_t b = 0; b < blocks.size(); ++b) {
            const auto* r = order[blocks[b].first];
            chart_spec t;
            t.name = "KPI_Trend_" + std::string(r->g->id);
            t.title = str(r->g->name, lang) + (vi ? ": thực tế theo kỳ và mục tiêu" : ": actual by period and target");
            t.type = chart_type::line;
            t.ranges = {trend_blocks[b]};
            t.first_row_is_header = true;
            t.series_in_rows = true;
            t.data_sheet = sheet_role::trends;
            t.anchor = rect(chart_row, c_id, chart_row + 15, c_target);
            dash.charts.push_back(std::move(t));
            chart_spec c;
            c.name = "KPI_Chart_" + std::string(r->g->id);
            c.title = str(r->g->name, lang) + (vi ? ": mức hoàn thành trong kỳ" : ": attainment in the period");
            c.type = chart_type::bar;
            c.ranges = {attainment_blocks[b]};
            c.first_row_is_header = true;
            c.data_sheet = sheet_role::trends;
            c.value_axis_min = 0.0;
            c.anchor = rect(chart_row, c_actual, chart_row + 15, c_pace);
            dash.charts.push_back(std::move(c));
            chart_row += 17;
        }
        dash.print_area = rect(0, 0, chart_row, c_pace);
        dash.print_title_rows = 0;
        model.names.push_back({"KPI_Dashboard", sheet_role::dashboard, rect(dash_header_row, 0, table_last, c_pace)});
        model.names.push_back({"KPI_Period", sheet_role::dashboard, rect(selector_row, 1, selector_row, 1)});

        // The register's Actual: the plan to date up to the latest period with data.
        for (std::size_t i = 0; i < n; ++i)
            reg.rows[order[i]->register_row][rc_actual] = model_cell::of_formula(
                "=IF(" + last_ref + ">0;INDEX(" + trow_range(trends_row(ph, i)) + ";1;" + last_ref + ");\"\")");
    }

    // ---- Guide -----------------------------------------------------------------------------------
    {
        sheet_writer w{guide};
        std::vector<std::pair<bool, std::string>> lines; // (heading, text)
        auto h = [&](std::string t) { lines.push_back({true, std::move(t)}); };
        auto p = [&](std::string t) { lines.push_back({false, std::move(t)}); };
        if (vi) {
            h("Hướng dẫn sử dụng sổ KPI marketing");
            p("Sổ này nối mục tiêu chiến lược của doanh nghiệp với các KPI chiến thuật của từng kênh marketing.");
            h("Các trang");
            p("• " + reg.name + ": danh sách KPI. Mỗi KPI chiến thuật có một KPI cha là mục tiêu chiến lược mà nó phục vụ. "
              "Các cột Cấp độ, Nhóm, KPI cha và Chiều có danh sách thả xuống.");
            p("• " + data.name + ": mỗi dòng là một kỳ và một kênh. Nhập số liệu thô (chi phí, lượt hiển thị, lượt nhấp, lead, "
              "doanh thu, ...) vào các cột nhập liệu; các cột KPI bên phải tự tính bằng các hàm KPI. Dòng \"" + all_title +
              "\" là số liệu của cả doanh nghiệp (tổng doanh thu, tổng khách hàng mới).");
            p("• " + dash.name + ": chọn kỳ ở ô Kỳ (mặc định: kỳ gần nhất có số liệu). Với mỗi KPI: giá trị trong kỳ, kỳ "
              "trước và mức thay đổi, thực tế lũy kế từ đầu kế hoạch (chính là cột Thực tế của " + reg.name + "), mức hoàn "
              "thành và trạng thái (đèn xanh: đạt, vàng: có rủi ro, đỏ: không đạt), dự báo đến hạn theo xu hướng các kỳ "
              "gần đây và tiến độ (vượt, đúng hay chậm tiến độ). Mỗi mục tiêu chiến lược có biểu đồ xu hướng và biểu đồ "
              "mức hoàn thành. Nhập số liệu doanh nghiệp (ô màu vàng) ở khối bên dưới bảng.");
            p("• " + trends.name + ": từng KPI theo từng kỳ, tính từ trang " + data.name + "; đừng nhập vào trang này.");
            h("Cách đọc trạng thái");
            p("Mức hoàn thành = thực tế / mục tiêu (với KPI càng thấp càng tốt như CPL: mục tiêu / thực tế). "
              "Từ 100% trở lên là đạt, từ 90% là có rủi ro, dưới 90% là không đạt.");
            p("Ô trống nghĩa là chưa có đủ số liệu để tính, không phải lỗi.");
            h("SMART là gì?");
            p("Mỗi KPI tốt đạt đủ 5 tiêu chí SMART; lệnh Kiểm tra bảng KPI chấm từng KPI theo 5 tiêu chí này:");
            p("• Cụ thể (Specific): tên rõ ràng, có đơn vị, KPI chiến thuật thuộc một nhóm.");
            p("• Đo lường được (Measurable): có mục tiêu bằng số và có nguồn dữ liệu.");
            p("• Khả thi (Achievable): mục tiêu nằm đúng phía so với giá trị cơ sở và không vượt quá 4 lần giá trị cơ sở (hoặc giảm quá 4 lần với KPI càng thấp càng tốt).");
            p("• Liên quan (Relevant): KPI chiến thuật phải nối tới một mục tiêu chiến lược.");
            p("• Có thời hạn (Time-bound): có thời hạn và thời hạn chưa qua.");
            h("Chiến lược và chiến thuật");
            p("KPI chiến lược (doanh thu, lợi nhuận, thị phần, ROMI) do lãnh đạo sở hữu và đo theo năm. KPI chiến thuật "
              "đo một kênh hay một chiến dịch và chỉ có ý nghĩa khi giúp đạt một mục tiêu chiến lược.");
            h("Lưu ý");
            p("Giá trị cơ sở và mục tiêu đề xuất là số tham khảo theo ngành: hãy thay bằng số liệu của bạn.");
        } else {
            h("How to use this marketing KPI workbook");
            p("This workbook links the business's strategic goals to the tactical KPIs of each marketing channel.");
            h("The sheets");
            p("• " + reg.name + ": the list of KPIs. Every tactical KPI has a Parent: the strategic goal it serves. "
              "Level, Group, Parent and Direction have drop-down lists.");
            p("• " + data.name + ": one row per period and channel. Type the raw figures (spend, impressions, clicks, leads, "
              "revenue, ...) into the input columns; the KPI columns on the right compute themselves with the KPI "
              "functions. The \"" + all_title + "\" rows hold the figures of the whole business (total revenue, all new "
              "customers).");
            p("• " + dash.name + ": pick a period in the Period cell (default: the latest period with data). For every "
              "KPI: its value in the period, the previous period and the change, the actual plan to date (the Actual of "
              "the " + reg.name + "), the attainment and the status (green: on track, amber: at risk, red: off track), the "
              "projection to the deadline along the recent trend and the pace (ahead, on pace or behind). Each strategic "
              "goal has a trend chart and an attainment chart. Type the business figures (yellow cells) below the table.");
            p("• " + trends.name + ": every KPI by period, computed from the " + data.name + " sheet; do not type there.");
            h("Reading the status");
            p("Attainment = actual / target (for lower-is-better KPIs such as CPL: target / actual). 100% or more is on "
              "track, from 90% at risk, below 90% off track.");
            p("An empty cell means there is not enough data yet, not an error.");
            h("What is SMART?");
            p("A good KPI meets the five SMART criteria; the Audit KPI register command scores each KPI on them:");
            p("• Specific: a clear name, a unit, and for a tactical KPI a group.");
            p("• Measurable: a numeric target and a data source.");
            p("• Achievable: the target improves on the baseline (on the right side of it) by at most four-fold.");
            p("• Relevant: a tactical KPI links to a strategic goal.");
            p("• Time-bound: a deadline that has not passed.");
            h("Strategic and tactical");
            p("Strategic KPIs (revenue, profit, market share, ROMI) belong to the leadership and are measured over the "
              "year. Tactical KPIs measure a channel or a campaign and only matter when they serve a strategic goal.");
            h("Note");
            p("The proposed baselines and targets are typical values for the industry: replace them with your own.");
        }
        for (std::size_t i = 0; i < lines.size(); ++i) {
            w.text(i, 0, lines[i].second);
            if (lines[i].first) w.style(rect(i, 0, i, 0), std::nullopt, true);
        }
        w.style(rect(0, 0, 0, 0), std::nullopt, true, true);
        guide.styles.push_back({rect(0, 0, lines.size() - 1, 0), std::nullopt, false, false, true, std::nullopt, 0});
        guide.column_widths = {{0, 26000}};
        guide.print_area = rect(0, 0, lines.size() - 1, 0);
    }
    return model;
}

} // namespace kpi
