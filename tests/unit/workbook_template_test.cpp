// The workbook template's model (issue 5): the register it writes passes the audit, the Data sheet
// follows the data_sheet.hpp contract, deadlines are never in the past, names per language.
#include <kpi/audit.hpp>
#include <kpi/workbook_template.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <stdexcept>

namespace {

kpi::day_serial day(int y, int m, int d) { return *kpi::to_serial({y, m, d}); }

kpi::workbook_profile vi_ecommerce() {
    kpi::workbook_profile p;
    p.business_name = "Mộc Trà Online";
    p.sector = kpi::industry::ecommerce;
    p.money = kpi::currency::vnd;
    p.language = "vi";
    p.channels = {kpi::channel::facebook_ads, kpi::channel::google_ads, kpi::channel::seo_website,
                  kpi::channel::zalo_oa};
    return p;
}

kpi::workbook_profile en_b2b() {
    kpi::workbook_profile p;
    p.business_name = "Northwind Consulting";
    p.sector = kpi::industry::b2b_services;
    p.money = kpi::currency::usd;
    p.language = "en";
    p.periods = kpi::period_granularity::quarter;
    p.start_year = 2026;
    p.start_month = 4;
    p.goals = {{kpi::strategic_goal::revenue_growth, 0.2}, {kpi::strategic_goal::romi, 3}};
    p.channels = {kpi::channel::google_ads, kpi::channel::email, kpi::channel::offline_events,
                  kpi::channel::seo_website};
    return p;
}

// Parses the model's register sheet and audits it: returns the report's flagged count, with the
// first issues in `why`.
std::size_t flagged(const kpi::workbook_model& model, kpi::day_serial today, std::string& why,
                    std::size_t* kpis = nullptr, bool* clean = nullptr) {
    auto parsed = kpi::parse_register(kpi::to_grid(model.sheet(kpi::sheet_role::kpi_register)));
    if (!parsed) {
        why = kpi::describe(parsed.error(), "en");
        return 9999;
    }
    const auto& reg = parsed.value();
    const auto report = kpi::audit(reg, today);
    for (std::size_t i = 0; i < report.kpi_count(); ++i)
        if (report.rows()[i].flagged()) why += reg[i].id + ": " + report.first_issue(i, "en") + "\n";
    for (const auto& w : report.warning_texts("en")) why += w + "\n";
    if (kpis) *kpis = report.kpi_count();
    if (clean) *clean = report.clean();
    return report.flagged_count();
}

std::set<std::string> sheet_names(const kpi::workbook_model& m) {
    std::set<std::string> out;
    for (const auto& s : m.sheets) out.insert(s.name);
    return out;
}

} // namespace

TEST(WorkbookTemplate, VietnameseEcommerceRegisterIsClean) {
    const auto today = day(2026, 1, 10);
    const auto model = kpi::build_template(vi_ecommerce(), today);
    EXPECT_EQ(sheet_names(model), (std::set<std::string>{"Bảng KPI", "Dữ liệu", "Bảng điều khiển", "Hướng dẫn", "Xu hướng"}));
    std::string why;
    std::size_t kpis = 0;
    bool clean = false;
    EXPECT_EQ(flagged(model, today, why, &kpis, &clean), 0u) << why;
    EXPECT_TRUE(clean) << why;
    EXPECT_EQ(kpis, model.strategic_count + model.tactical_count);
    EXPECT_EQ(model.strategic_count, 3u); // e-commerce defaults: growth, marketing share, ROMI
    EXPECT_EQ(model.tactical_count, kpi::proposed_kpis(vi_ecommerce()).size());
    const auto& reg = model.sheet(kpi::sheet_role::kpi_register);
    EXPECT_EQ(reg.at(0, 2)->text, "Cấp độ");
    EXPECT_EQ(reg.at(1, 2)->text, "Chiến lược");
}

TEST(WorkbookTemplate, EnglishB2bRegisterIsClean) {
    const auto today = day(2026, 3, 1);
    const auto model = kpi::build_template(en_b2b(), today);
    EXPECT_EQ(sheet_names(model), (std::set<std::string>{"KPI Register", "Data", "Dashboard", "Guide", "Trends"}));
    std::string why;
    bool clean = false;
    EXPECT_EQ(flagged(model, today, why, nullptr, &clean), 0u) << why;
    EXPECT_TRUE(clean) << why;
    EXPECT_EQ(model.strategic_count, 2u);
}

TEST(WorkbookTemplate, EveryIndustryLanguageAndCurrencyIsClean) {
    const auto today = day(2026, 7, 20);
    for (auto sector : {kpi::industry::ecommerce, kpi::industry::retail_fnb, kpi::industry::b2b_services,
                        kpi::industry::education, kpi::industry::other})
        for (auto money : {kpi::currency::vnd, kpi::currency::usd, kpi::currency::eur})
            for (const char* lang : {"vi", "en"})
                for (auto periods : {kpi::period_granularity::month, kpi::period_granularity::quarter}) {
                    kpi::workbook_profile p;
                    p.sector = sector;
                    p.money = money;
                    p.language = lang;
                    p.periods = periods;
                    p.start_year = 2026;
                    p.start_month = 1;
                    const auto model = kpi::build_template(p, today);
                    std::string why;
                    bool clean = false;
                    EXPECT_EQ(flagged(model, today, why, nullptr, &clean), 0u)
                        << kpi::to_string(sector) << " " << lang << "\n" << why;
                    EXPECT_TRUE(clean) << why;
                }
}

TEST(WorkbookTemplate, AllGoalsAndChannelsAndExtremeTargetsStayClean) {
    kpi::workbook_profile p;
    p.language = "en";
    p.goals = {{kpi::strategic_goal::revenue_growth, 2.5}, // far above the typical baseline
               {kpi::strategic_goal::profit_margin, 0.3},
               {kpi::strategic_goal::market_share, 0.4},
               {kpi::strategic_goal::marketing_revenue_share, 0.5},
               {kpi::strategic_goal::romi, 10}};
    for (std::size_t c = 0; c + 1 < kpi::channel_count; ++c) p.channels.push_back(static_cast<kpi::channel>(c));
    const auto today = day(2026, 1, 1);
    const auto model = kpi::build_template(p, today);
    std::string why;
    bool clean = false;
    EXPECT_EQ(flagged(model, today, why, nullptr, &clean), 0u) << why;
    EXPECT_TRUE(clean) << why;
    EXPECT_EQ(model.strategic_count, 5u);
    EXPECT_EQ(model.tactical_count, 22u);
}

TEST(WorkbookTemplate, EveryTacticalKpiLinksToAChosenGoal) {
    auto p = en_b2b();
    const auto proposals = kpi::proposed_kpis(p);
    ASSERT_FALSE(proposals.empty());
    std::set<std::string> ids;
    for (const auto& k : proposals) {
        EXPECT_TRUE(k.goal == kpi::strategic_goal::revenue_growth || k.goal == kpi::strategic_goal::romi) << k.id;
        EXPECT_EQ(k.goal_id, kpi::goal_id(k.goal));
        EXPECT_TRUE(ids.insert(k.id).second) << "duplicate " << k.id;
        EXPECT_FALSE(k.name_en.empty());
        EXPECT_FALSE(k.name_vi.empty());
        EXPECT_NE(k.name_en, k.name_vi);
        EXPECT_EQ(k.function.rfind("KPI.", 0), 0u);
        if (k.direction == kpi::kpi_direction::lower_is_better) EXPECT_LT(k.target, k.baseline) << k.id;
        else EXPECT_GT(k.target, k.baseline) << k.id;
    }
    EXPECT_TRUE(ids.count("GG-CPC"));
    EXPECT_TRUE(ids.count("EM-CTR"));
}

// The wizard's review step shows each KPI as a checkbox in one of two columns: a short name (Data column
// header and channel) that fits one (44 characters) for every KPI, in both languages; at most 22 KPIs
// and 5 goal headings, so the two columns of 16 rows always hold them.
TEST(WorkbookTemplate, ShortNamesFitTheReviewStep) {
    kpi::workbook_profile p;
    for (std::size_t g = 0; g < kpi::strategic_goal_count; ++g) p.goals.push_back({static_cast<kpi::strategic_goal>(g), 0.2});
    for (std::size_t c = 0; c + 1 < kpi::channel_count; ++c) p.channels.push_back(static_cast<kpi::channel>(c));
    const auto all = kpi::proposed_kpis(p);
    EXPECT_LE(all.size() + kpi::strategic_goal_count, 2u * 16u - 2u); // a repeated heading per column at worst
    auto chars = [](const std::string& s) {
        return std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; });
    };
    for (const auto& k : all) {
        for (const char* lang : {"en", "vi"}) {
            EXPECT_LE(chars(k.short_name(lang)), 44) << k.id << " " << lang << ": " << k.short_name(lang);
            EXPECT_NE(k.short_name(lang).find(" - "), std::string::npos) << k.id;
        }
    }
}

TEST(WorkbookTemplate, ExcludedKpisAreLeftOut) {
    auto p = vi_ecommerce();
    const auto all = kpi::proposed_kpis(p);
    p.excluded_kpis = {"FB-CPL", "SEO-ORG"};
    const auto model = kpi::build_template(p, day(2026, 1, 1));
    EXPECT_EQ(model.tactical_count, all.size() - 2);
    const auto grid = kpi::to_grid(model.sheet(kpi::sheet_role::kpi_register));
    for (std::size_t r = 0; r < grid.rows(); ++r) {
        const auto* id = grid.at(r, 0).string();
        ASSERT_NE(id, nullptr);
        EXPECT_NE(*id, "FB-CPL");
        EXPECT_NE(*id, "SEO-ORG");
    }
}

TEST(WorkbookTemplate, DeadlinesAreNeverInThePast) {
    auto p = en_b2b();
    p.periods = kpi::period_granularity::month;
    p.start_year = 2024; // a plan that started long ago
    p.start_month = 3;
    for (auto today : {day(2024, 3, 1), day(2025, 2, 28), day(2025, 3, 1), day(2026, 12, 31), day(2031, 6, 15)}) {
        const auto model = kpi::build_template(p, today);
        auto parsed = kpi::parse_register(kpi::to_grid(model.sheet(kpi::sheet_role::kpi_register)));
        ASSERT_TRUE(parsed);
        for (const auto& row : parsed.value().rows()) {
            ASSERT_TRUE(row.deadline.value) << row.id;
            EXPECT_GE(row.deadline.value->last, today) << row.id;
            EXPECT_LT(row.deadline.value->last, today + 366) << row.id; // the next checkpoint, not later
        }
    }
    // Plan starting in January 2026, built in January: tactical by June, strategic by December.
    p.start_year = 2026;
    p.start_month = 1;
    const auto model = kpi::build_template(p, day(2026, 1, 5));
    const auto& reg = model.sheet(kpi::sheet_role::kpi_register);
    // Deadlines are dates (the last day of the period) shown as months, so formulas can use them.
    EXPECT_EQ(reg.at(1, 10)->number, day(2026, 12, 31));
    EXPECT_EQ(reg.at(reg.rows.size() - 1, 10)->number, day(2026, 6, 30));
    p.language = "vi";
    p.periods = kpi::period_granularity::quarter;
    const auto vi = kpi::build_template(p, day(2026, 1, 5));
    EXPECT_EQ(vi.sheet(kpi::sheet_role::kpi_register).at(1, 10)->number, day(2026, 12, 31));
    bool month_format = false;
    for (const auto& s : vi.sheet(kpi::sheet_role::kpi_register).styles)
        month_format = month_format || (s.area.first_col == 10 && s.number_code == "MM/YYYY");
    EXPECT_TRUE(month_format);
}

TEST(WorkbookTemplate, DataSheetFollowsTheContract) {
    const auto p = vi_ecommerce();
    const auto model = kpi::build_template(p, day(2026, 1, 1));
    const auto& data = model.sheet(kpi::sheet_role::data);
    ASSERT_GE(data.rows.size(), 2u);
    EXPECT_EQ(data.at(0, 0)->text, kpi::period_column_title().vi);
    EXPECT_EQ(data.at(0, 1)->text, kpi::channel_column_title().vi);
    for (std::size_t i = 0; i < kpi::measure_count; ++i)
        EXPECT_EQ(kpi::recognise_measure(data.at(0, 2 + i)->text), static_cast<kpi::measure>(i));
    // The KPI columns after the measures (one per metric the KPIs use) are not mistaken for measures.
    EXPECT_GE(data.cols(), 2 + kpi::measure_count + 8);
    for (std::size_t c = 2 + kpi::measure_count; c < data.cols(); ++c) {
        EXPECT_EQ(kpi::recognise_measure(data.at(0, c)->text), std::nullopt) << data.at(0, c)->text;
        EXPECT_EQ(data.at(1, c)->type, kpi::model_cell::kind::formula);
        EXPECT_NE(data.at(1, c)->text.find("KPI."), std::string::npos);
    }
    // 12 months x (4 channels + all channels), from the month after the one of `today` (no start given).
    EXPECT_EQ(data.rows.size(), 1u + 12u * 5u);
    EXPECT_EQ(data.at(1, 0)->text, "2026-02");
    EXPECT_EQ(data.at(data.rows.size() - 1, 0)->text, "2027-01");
    EXPECT_EQ(kpi::recognise_channel(data.at(data.rows.size() - 1, 1)->text), kpi::channel::all_channels);
    // Every row is as wide as the header.
    for (const auto& row : data.rows) EXPECT_EQ(row.size(), data.cols());
}

TEST(WorkbookTemplate, RegisterHasDropDownsAndExtraColumnsAreIgnored) {
    const auto model = kpi::build_template(en_b2b(), day(2026, 1, 1));
    const auto& reg = model.sheet(kpi::sheet_role::kpi_register);
    ASSERT_EQ(reg.validations.size(), 4u);
    std::set<std::int32_t> cols;
    for (const auto& v : reg.validations) cols.insert(v.area.first_col);
    EXPECT_EQ(cols, (std::set<std::int32_t>{2, 3, 4, 7})); // Level, Group, Parent, Direction
    EXPECT_EQ(kpi::parse_level(reg.validations[0].values[0]), kpi::kpi_level::strategic);
    EXPECT_EQ(kpi::parse_direction(reg.validations[3].values[1]), kpi::kpi_direction::lower_is_better);
    EXPECT_EQ(kpi::recognise_header("Channel"), std::nullopt);
    EXPECT_EQ(kpi::recognise_header("Notes"), std::nullopt);
    EXPECT_EQ(kpi::recognise_header("Kênh"), std::nullopt);
    EXPECT_EQ(kpi::recognise_header("Ghi chú"), std::nullopt);
    EXPECT_EQ(reg.frozen_rows, 1);
}

TEST(WorkbookTemplate, DashboardHasAChartPerGoalAndAnIconSet) {
    const auto model = kpi::build_template(vi_ecommerce(), day(2026, 1, 1));
    const auto& dash = model.sheet(kpi::sheet_role::dashboard);
    // Per goal: the trend (actual by period and target) and the attainment in the period shown.
    EXPECT_EQ(dash.charts.size(), 2 * model.strategic_count);
    ASSERT_EQ(dash.icon_sets.size(), 1u);
    EXPECT_EQ(dash.icon_sets[0].area.last_row - dash.icon_sets[0].area.first_row + 1,
              static_cast<std::int32_t>(model.strategic_count + model.tactical_count));
    std::set<std::string> names;
    for (const auto& n : model.names) names.insert(n.name);
    EXPECT_TRUE(names.count("KPI_Register"));
    EXPECT_TRUE(names.count("KPI_Data"));
    EXPECT_TRUE(names.count("KPI_Dashboard"));
    // Formulas refer to the other sheets only through placeholders.
    for (const auto& s : model.sheets)
        for (const auto& row : s.rows)
            for (const auto& c : row)
                if (c.type == kpi::model_cell::kind::formula) {
                    EXPECT_EQ(c.text.find("Bảng KPI"), std::string::npos) << c.text;
                    EXPECT_EQ(c.text.find("Dữ liệu"), std::string::npos) << c.text;
                }
}

TEST(WorkbookTemplate, ResolvesPlaceholdersToQuotedSheetNames) {
    const std::array<std::string, kpi::sheet_role_count> names{"KPI Register", "Dữ liệu 2", "It's", "Guide"};
    EXPECT_EQ(kpi::resolve_formula("=SUM({data}.$C:$C)+{dashboard}.A1", names),
              "=SUM($'Dữ liệu 2'.$C:$C)+$'It''s'.A1");
    EXPECT_EQ(kpi::resolve_formula("=\"{data}\"&{register}.A1", names), "=\"{data}\"&$'KPI Register'.A1");
    EXPECT_EQ(kpi::column_letters(0), "A");
    EXPECT_EQ(kpi::column_letters(25), "Z");
    EXPECT_EQ(kpi::column_letters(26), "AA");
    EXPECT_EQ(kpi::absolute_address({0, 0, 9, 12}), "$A$1:$M$10");
}

TEST(WorkbookTemplate, CommandLineKeys) {
    EXPECT_EQ(kpi::parse_industry("ecommerce"), kpi::industry::ecommerce);
    EXPECT_EQ(kpi::parse_industry("b2b"), kpi::industry::b2b_services);
    EXPECT_EQ(kpi::parse_industry("retail"), kpi::industry::retail_fnb);
    EXPECT_EQ(kpi::parse_industry("banking"), std::nullopt);
    EXPECT_EQ(kpi::parse_channel_key("facebook"), kpi::channel::facebook_ads);
    EXPECT_EQ(kpi::parse_channel_key("seo"), kpi::channel::seo_website);
    EXPECT_EQ(kpi::parse_channel_key("zalo"), kpi::channel::zalo_oa);
    EXPECT_EQ(kpi::parse_channel_key("all_channels"), std::nullopt);
    EXPECT_EQ(kpi::parse_goal("revenue_growth"), kpi::strategic_goal::revenue_growth);
    EXPECT_EQ(kpi::parse_goal("romi"), kpi::strategic_goal::romi);
    EXPECT_EQ(kpi::parse_goal("happiness"), std::nullopt);
}

TEST(WorkbookTemplate, RejectsWhatItCannotBuild) {
    auto p = vi_ecommerce();
    p.language = "fr";
    EXPECT_THROW((void)kpi::build_template(p, day(2026, 1, 1)), std::invalid_argument);
    p = vi_ecommerce();
    p.start_month = 13;
    EXPECT_THROW((void)kpi::build_template(p, day(2026, 1, 1)), std::invalid_argument);
    p = vi_ecommerce();
    kpi::template_options o;
    o.extra_kpis.push_back(kpi::proposed_kpis(p).front()); // same ID twice
    EXPECT_THROW((void)kpi::build_template(p, day(2026, 1, 1), o), std::invalid_argument);
    o.extra_kpis.front().id = "X-1";
    o.extra_kpis.front().metric = "happiness";
    EXPECT_THROW((void)kpi::build_template(p, day(2026, 1, 1), o), std::invalid_argument);
}

TEST(WorkbookTemplate, TwoHundredKpiModelIsClean) {
    auto p = en_b2b();
    const auto base = kpi::proposed_kpis(p);
    kpi::template_options o;
    for (std::size_t i = 0; base.size() + o.extra_kpis.size() < 200 - p.goals.size(); ++i) {
        auto k = base[i % base.size()];
        k.id += "-" + std::to_string(i / base.size() + 2);
        k.name_en += " (campaign " + std::to_string(i / base.size() + 2) + ")";
        k.name_vi += " (chiến dịch " + std::to_string(i / base.size() + 2) + ")";
        o.extra_kpis.push_back(std::move(k));
    }
    const auto today = day(2026, 3, 1);
    const auto model = kpi::build_template(p, today, o);
    EXPECT_EQ(model.strategic_count + model.tactical_count, 200u);
    std::string why;
    std::size_t kpis = 0;
    EXPECT_EQ(flagged(model, today, why, &kpis), 0u) << why;
    EXPECT_EQ(kpis, 200u);
    EXPECT_EQ(model.sheet(kpi::sheet_role::dashboard).icon_sets[0].area.last_row -
                  model.sheet(kpi::sheet_role::dashboard).icon_sets[0].area.first_row + 1,
              200);
}

TEST(WorkbookTemplate, TheAuditCheckIsLive) {
    // The same model audited years later: every deadline has passed, so every KPI is flagged.
    const auto model = kpi::build_template(vi_ecommerce(), day(2026, 1, 10));
    std::string why;
    std::size_t kpis = 0;
    EXPECT_EQ(flagged(model, day(2030, 1, 1), why, &kpis), kpis);
    EXPECT_NE(why.find("Time-bound"), std::string::npos) << why;
}

// The plan starts with the period after today's unless the user names a start.
TEST(WorkbookTemplate, PlanStartsWithThePeriodAfterToday) {
    kpi::workbook_profile p;
    EXPECT_EQ(kpi::plan_start_month(p, day(2026, 11, 28)).year, 2026);
    EXPECT_EQ(kpi::plan_start_month(p, day(2026, 11, 28)).month, 12);
    EXPECT_EQ(kpi::plan_start_month(p, day(2026, 12, 31)).year, 2027);
    EXPECT_EQ(kpi::plan_start_month(p, day(2026, 12, 31)).month, 1);
    p.periods = kpi::period_granularity::quarter;
    EXPECT_EQ(kpi::plan_start_month(p, day(2026, 11, 28)).month, 1); // Q4 2026 -> Q1 2027
    EXPECT_EQ(kpi::plan_start_month(p, day(2026, 11, 28)).year, 2027);
    EXPECT_EQ(kpi::plan_start_month(p, day(2026, 2, 1)).month, 4);   // Q1 -> Q2
    p.start_year = 2025, p.start_month = 7;                          // named: kept
    EXPECT_EQ(kpi::plan_start_month(p, day(2026, 11, 28)).year, 2025);
    EXPECT_EQ(kpi::plan_start_month(p, day(2026, 11, 28)).month, 7);
    // A plan made in November 2026 (no start given) starts in December; its deadlines lie a half-year and a
    // year ahead, not a month.
    kpi::workbook_profile q;
    q.language = "en";
    const auto model = kpi::build_template(q, day(2026, 11, 28));
    EXPECT_EQ(model.sheet(kpi::sheet_role::data).at(1, 0)->text, "2026-12");
    const auto& reg = model.sheet(kpi::sheet_role::kpi_register);
    EXPECT_EQ(reg.at(1, 10)->number, day(2027, 11, 30));                   // strategic: end of the first year
    EXPECT_EQ(reg.at(reg.rows.size() - 1, 10)->number, day(2027, 5, 31)); // tactical: end of the first half
}

// Every proposed target lies on the right side of its baseline, for every goal the wizard offers (at the
// target it proposes) and every channel.
TEST(WorkbookTemplate, TargetsLieOnTheRightSideOfTheirBaselines) {
    kpi::workbook_profile p;
    p.language = "en";
    for (std::size_t g = 0; g < kpi::strategic_goal_count; ++g) {
        const auto goal = static_cast<kpi::strategic_goal>(g);
        p.goals.push_back({goal, kpi::default_target(goal)});
    }
    p.channels = {kpi::channel::facebook_ads, kpi::channel::google_ads,  kpi::channel::tiktok_ads,
                  kpi::channel::zalo_oa,      kpi::channel::seo_website, kpi::channel::email,
                  kpi::channel::offline_events};
    // A target below the typical baseline of its goal (marketing revenue share: typical 30 %).
    p.goals[3].target = 0.1;
    const auto model = kpi::build_template(p, day(2026, 11, 28));
    auto parsed = kpi::parse_register(kpi::to_grid(model.sheet(kpi::sheet_role::kpi_register)));
    ASSERT_TRUE(parsed);
    for (const auto& row : parsed.value().rows()) {
        ASSERT_TRUE(row.baseline.value && row.target.value) << row.id;
        if (row.direction == kpi::kpi_direction::lower_is_better) EXPECT_LT(*row.target.value, *row.baseline.value) << row.id;
        else EXPECT_GT(*row.target.value, *row.baseline.value) << row.id;
    }
}

// The Trends sheet: the contract the report reads (two blocks headed "ID" with period keys from column C),
// one row per KPI, and the register's Actual taken from it.
TEST(WorkbookTemplate, TrendsSheetFollowsItsContract) {
    auto p = vi_ecommerce();
    p.start_year = 2026, p.start_month = 1;
    const auto model = kpi::build_template(p, day(2026, 1, 5));
    const auto& t = model.sheet(kpi::sheet_role::trends);
    EXPECT_EQ(t.name, "Xu hướng");
    std::vector<std::size_t> headers;
    for (std::size_t r = 0; r < t.rows.size(); ++r)
        if (const auto* c = t.at(r, 0); c && c->type == kpi::model_cell::kind::text && c->text == "ID") headers.push_back(r);
    ASSERT_EQ(headers.size(), 2u);
    const std::size_t kpis = model.strategic_count + model.tactical_count;
    for (const auto h : headers) {
        for (std::size_t m = 0; m < 12; ++m)
            EXPECT_EQ(t.at(h, 2 + m)->text, "2026-" + std::string(m < 9 ? "0" : "") + std::to_string(m + 1));
        for (std::size_t i = 1; i <= kpis; ++i) {
            ASSERT_NE(t.at(h + i, 0), nullptr);
            EXPECT_EQ(t.at(h + i, 0)->type, kpi::model_cell::kind::formula);
            EXPECT_EQ(t.at(h + i, 2)->type, kpi::model_cell::kind::formula);
        }
        EXPECT_TRUE(t.at(h + kpis + 1, 0) == nullptr || t.at(h + kpis + 1, 0)->type == kpi::model_cell::kind::empty);
    }
    // A period's value is the ratio of the period's sums (SUMIFS by period and channel), never an average.
    bool ratio_of_sums = false;
    for (std::size_t i = 1; i <= kpis; ++i)
        if (t.at(headers[0] + i, 2)->text.find("KPI.CPL(") != std::string::npos) ratio_of_sums = true;
    EXPECT_TRUE(ratio_of_sums);
    // The register's Actual is a formula that reads the plan-to-date block of Trends.
    const auto& reg = model.sheet(kpi::sheet_role::kpi_register);
    for (std::size_t r = 1; r <= kpis; ++r) {
        ASSERT_EQ(reg.at(r, 11)->type, kpi::model_cell::kind::formula) << r;
        EXPECT_NE(reg.at(r, 11)->text.find("{trends}"), std::string::npos);
    }
    // Charts: contiguous data on Trends; trends have series in rows, attainments one column of values.
    const auto& dash = model.sheet(kpi::sheet_role::dashboard);
    for (const auto& c : dash.charts) {
        ASSERT_EQ(c.ranges.size(), 1u) << c.name;
        EXPECT_EQ(c.data_sheet, kpi::sheet_role::trends) << c.name;
        if (c.type == kpi::chart_type::line) {
            EXPECT_TRUE(c.series_in_rows);
            EXPECT_EQ(c.ranges[0].last_row - c.ranges[0].first_row, 2); // periods, actual, target
        } else {
            EXPECT_EQ(c.ranges[0].last_col - c.ranges[0].first_col, 1); // IDs, attainment
        }
    }
}

// 36 periods for the benchmark workbook.
TEST(WorkbookTemplate, PeriodCountOption) {
    auto p = vi_ecommerce();
    p.start_year = 2026, p.start_month = 1;
    kpi::template_options o;
    o.period_count = 36;
    const auto model = kpi::build_template(p, day(2026, 1, 5), o);
    const auto& data = model.sheet(kpi::sheet_role::data);
    EXPECT_EQ(data.at(data.rows.size() - 1, 0)->text, "2028-12");
}
