#include <kpi/data_sheet.hpp>

#include <gtest/gtest.h>

#include <set>
#include <string>

TEST(DataSheet, MeasureTitlesRoundTripInBothLanguages) {
    std::set<std::string> seen;
    for (std::size_t i = 0; i < kpi::measure_count; ++i) {
        const auto m = static_cast<kpi::measure>(i);
        EXPECT_EQ(kpi::recognise_measure(kpi::measure_title(m).en), m) << kpi::to_string(m);
        EXPECT_EQ(kpi::recognise_measure(kpi::measure_title(m).vi), m) << kpi::to_string(m);
        EXPECT_TRUE(seen.insert(std::string(kpi::to_string(m))).second);
    }
    EXPECT_EQ(kpi::recognise_measure("  CHI PHI "), kpi::measure::spend);
    EXPECT_EQ(kpi::recognise_measure("phiên tương tác"), kpi::measure::engaged_sessions);
    EXPECT_EQ(kpi::recognise_measure("Budget"), std::nullopt);
}

TEST(DataSheet, ChannelTitlesRoundTrip) {
    for (std::size_t i = 0; i < kpi::channel_count; ++i) {
        const auto c = static_cast<kpi::channel>(i);
        EXPECT_EQ(kpi::recognise_channel(kpi::channel_title(c).en), c);
        EXPECT_EQ(kpi::recognise_channel(kpi::channel_title(c).vi), c);
    }
    EXPECT_EQ(kpi::recognise_channel("quang cao facebook"), kpi::channel::facebook_ads);
    EXPECT_EQ(kpi::recognise_channel("Instagram"), std::nullopt);
}

TEST(DataSheet, PeriodKeys) {
    EXPECT_EQ(kpi::period_key(2026, 1, kpi::period_granularity::month), "2026-01");
    EXPECT_EQ(kpi::period_key(2026, 12, kpi::period_granularity::month), "2026-12");
    EXPECT_EQ(kpi::period_key(2026, 3, kpi::period_granularity::quarter), "2026-Q1");
    EXPECT_EQ(kpi::period_key(2026, 4, kpi::period_granularity::quarter), "2026-Q2");
    EXPECT_EQ(kpi::period_key(2026, 12, kpi::period_granularity::quarter), "2026-Q4");
}
