// The template wizard's review step as a layout (src/include/kpi/review_step.hpp).
#include <kpi/review_step.hpp>
#include <kpi/text_fold.hpp>
#include <kpi/workbook_template.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>
#include <string>

namespace {

using kind = kpi::review_entry::kind;

kpi::workbook_profile every_channel(std::vector<kpi::goal_target> goals) {
    kpi::workbook_profile p;
    p.goals = std::move(goals);
    for (std::size_t c = 0; c + 1 < kpi::channel_count; ++c) p.channels.push_back(static_cast<kpi::channel>(c));
    return p;
}

std::vector<kpi::goal_target> every_goal() {
    std::vector<kpi::goal_target> goals;
    for (std::size_t g = 0; g < kpi::strategic_goal_count; ++g) goals.push_back({static_cast<kpi::strategic_goal>(g), 0.2});
    return goals;
}


// What holds for every layout: each proposed KPI once, under the heading of the goal it serves, every
// entry inside the two columns without two on one row, labels that fit, no heading ending column 1.
void check_layout(const kpi::workbook_profile& p, const std::string& lang) {
    const auto layout = kpi::review_layout(p, lang);
    const auto proposed = kpi::proposed_kpis(p);
    std::map<std::string, const kpi::proposed_kpi*> by_id;
    for (const auto& k : proposed) by_id[k.id] = &k;
    std::set<std::pair<std::size_t, std::size_t>> places;
    std::set<std::string> seen;
    std::string heading;
    std::set<std::string> notes;
    for (const auto& e : layout) {
        EXPECT_LT(e.column, kpi::review_columns) << e.label;
        EXPECT_LE(e.row + e.height, kpi::review_rows_per_column) << e.label;
        for (std::size_t r = e.row; r < e.row + e.height; ++r)
            EXPECT_TRUE(places.insert({e.column, r}).second) << "two entries on one row: " << e.label;
        if (e.what == kind::goal_heading) {
            EXPECT_LE(kpi::utf8_length(e.label), kpi::review_label_chars) << e.label;
            heading = e.label;
            EXPECT_FALSE(e.column == 0 && e.row == kpi::review_rows_per_column - 1) << "a heading ends column 1";
            continue;
        }
        if (e.what == kind::note) {
            // Under a chosen goal that no proposed KPI serves, right below its heading, wrapped on its rows.
            EXPECT_EQ(e.height, kpi::review_note_rows);
            EXPECT_LE(kpi::utf8_length(e.label), kpi::review_label_chars * kpi::review_note_rows) << e.label;
            EXPECT_TRUE(std::none_of(proposed.begin(), proposed.end(),
                                     [&](const auto& k) { return kpi::goal_name(k.goal, lang) == heading; }))
                << heading;
            EXPECT_TRUE(notes.insert(heading).second) << heading;
            continue;
        }
        EXPECT_EQ(e.height, 1u);
        EXPECT_LE(kpi::utf8_length(e.label), kpi::review_label_chars) << e.label;
        ASSERT_TRUE(by_id.count(e.kpi_id)) << e.kpi_id;
        const auto& k = *by_id[e.kpi_id];
        EXPECT_EQ(heading, kpi::goal_name(k.goal, lang)) << e.kpi_id << " under the wrong goal";
        EXPECT_TRUE(e.label == k.name(lang) || e.label == k.short_name(lang)) << e.label;
        EXPECT_EQ(e.tooltip, k.id + ": " + k.name(lang) + " → " + k.goal_id);
        EXPECT_TRUE(seen.insert(e.kpi_id).second) << "twice: " << e.kpi_id;
    }
    EXPECT_EQ(seen.size(), proposed.size());
    // Every chosen goal has its heading; the ones no KPI serves have their note.
    for (const auto& g : kpi::effective_goals(p)) {
        const std::string name(kpi::goal_name(g.goal, lang));
        const bool served = std::any_of(proposed.begin(), proposed.end(), [&](const auto& k) { return k.goal == g.goal; });
        EXPECT_TRUE(std::any_of(layout.begin(), layout.end(),
                                [&](const auto& e) { return e.what == kind::goal_heading && e.label == name; }))
            << name;
        EXPECT_EQ(notes.count(name), served ? 0u : 1u) << name;
    }
}

TEST(ReviewStep, EveryGoalAndChannelInBothLanguages) {
    const auto p = every_channel(every_goal());
    EXPECT_EQ(kpi::proposed_kpis(p).size(), 22u);
    for (const char* lang : {"en", "vi"}) check_layout(p, lang);
}

TEST(ReviewStep, ColumnsBreakAtTheGoalThatBalancesThem) {
    // E-commerce defaults in English: revenue growth 2 rows, marketing revenue share 8, ROMI 10 (headings
    // included); the break after the second goal gives 10 | 10 rows.
    kpi::workbook_profile p;
    p.language = "en";
    p.goals = kpi::default_goals(p.sector);
    p.channels = kpi::default_channels(p.sector);
    const auto layout = kpi::review_layout(p, "en");
    check_layout(p, "en");
    std::size_t left = 0, right = 0;
    for (const auto& e : layout) (e.column == 0 ? left : right)++;
    EXPECT_EQ(left, 10u);
    EXPECT_EQ(right, 10u);
    // Column 2 starts with the ROMI heading: no goal's KPIs are split.
    const auto second = std::find_if(layout.begin(), layout.end(), [](const auto& e) { return e.column == 1; });
    ASSERT_NE(second, layout.end());
    EXPECT_EQ(second->what, kind::goal_heading);
    EXPECT_EQ(second->label, "Return on marketing investment (ROMI)");
}

TEST(ReviewStep, OneGoalTooLongForAColumnContinuesUnderItsHeadingRepeated) {
    // Only ROMI: every KPI serves it, 1 + 22 rows do not fit one column of 16.
    const auto p = every_channel({{kpi::strategic_goal::romi, 3.0}});
    const auto layout = kpi::review_layout(p, "vi");
    check_layout(p, "vi");
    std::size_t headings = 0;
    for (const auto& e : layout) headings += e.what == kind::goal_heading;
    EXPECT_EQ(headings, 2u);
    const auto second = std::find_if(layout.begin(), layout.end(), [](const auto& e) { return e.column == 1; });
    ASSERT_NE(second, layout.end());
    EXPECT_EQ(second->what, kind::goal_heading);
    EXPECT_EQ(second->label, kpi::goal_name(kpi::strategic_goal::romi, "vi"));
    EXPECT_EQ(std::count_if(layout.begin(), layout.end(), [](const auto& e) { return e.column == 0; }),
              static_cast<std::ptrdiff_t>(kpi::review_rows_per_column));
}

TEST(ReviewStep, LongNamesGiveWayToShortNames) {
    const auto p = every_channel(every_goal());
    bool some_short = false, some_full = false;
    for (const auto& e : kpi::review_layout(p, "vi")) {
        if (e.what != kind::kpi) continue;
        for (const auto& k : kpi::proposed_kpis(p)) {
            if (k.id != e.kpi_id) continue;
            if (kpi::utf8_length(k.name("vi")) > kpi::review_label_chars) {
                EXPECT_EQ(e.label, k.short_name("vi"));
                some_short = true;
            } else {
                EXPECT_EQ(e.label, k.name("vi"));
                some_full = true;
            }
        }
    }
    EXPECT_TRUE(some_short);
    EXPECT_TRUE(some_full);
}

TEST(ReviewStep, AGoalNoProposedKpiServesSaysSo) {
    // Profit margin and ROMI with Facebook Ads only: every KPI prefers ROMI to profit margin, so
    // none serves profit margin.
    kpi::workbook_profile p;
    p.goals = {{kpi::strategic_goal::profit_margin, 0.1}, {kpi::strategic_goal::romi, 3.0}};
    p.channels = {kpi::channel::facebook_ads};
    const auto proposed = kpi::proposed_kpis(p);
    ASSERT_FALSE(proposed.empty());
    for (const auto& k : proposed) ASSERT_EQ(k.goal, kpi::strategic_goal::romi) << k.id;
    for (const char* lang : {"en", "vi"}) check_layout(p, lang);

    const auto en = kpi::review_layout(p, "en");
    ASSERT_GE(en.size(), 2u);
    EXPECT_EQ(en[0].what, kind::goal_heading);
    EXPECT_EQ(en[0].label, kpi::goal_name(kpi::strategic_goal::profit_margin, "en"));
    EXPECT_EQ(en[1].what, kind::note);
    EXPECT_EQ(en[1].label, "No KPI serves this goal yet: choose a channel on step 3");
    EXPECT_EQ(en[1].row, 1u);
    EXPECT_EQ(en[1].height, 2u);
    EXPECT_TRUE(en[1].kpi_id.empty());
    // The note's goal takes 3 rows (heading + 2), ROMI 1 + its KPIs: the columns balance best with
    // ROMI starting column 2.
    EXPECT_EQ(en[2].what, kind::goal_heading);
    EXPECT_EQ(en[2].label, kpi::goal_name(kpi::strategic_goal::romi, "en"));
    EXPECT_EQ(en[2].column, 1u);
    EXPECT_EQ(en[2].row, 0u);
    const auto vi = kpi::review_layout(p, "vi");
    EXPECT_EQ(vi[1].label, "Chưa có KPI nào phục vụ mục tiêu này: hãy chọn kênh ở bước 3");
    EXPECT_EQ(std::count_if(en.begin(), en.end(), [](const auto& e) { return e.what == kind::note; }), 1);
}

TEST(ReviewStep, EveryChoiceOfGoalsFitsTheTwoColumns) {
    // Every non-empty set of goals with every channel, with the defaults and with one channel: the
    // layout stays inside the two columns (check_layout), notes included.
    const std::vector<std::vector<kpi::channel>> channel_sets = {
        every_channel({}).channels, kpi::default_channels(kpi::industry::ecommerce), {kpi::channel::seo_website}};
    for (unsigned mask = 1; mask < (1u << kpi::strategic_goal_count); ++mask) {
        std::vector<kpi::goal_target> goals;
        for (std::size_t g = 0; g < kpi::strategic_goal_count; ++g)
            if (mask & (1u << g)) goals.push_back({static_cast<kpi::strategic_goal>(g), 0.2});
        for (const auto& channels : channel_sets) {
            kpi::workbook_profile p;
            p.goals = goals;
            p.channels = channels;
            SCOPED_TRACE("goals mask " + std::to_string(mask) + ", " + std::to_string(channels.size()) + " channels");
            check_layout(p, "vi");
        }
    }
}

} // namespace
