#include <kpi/period.hpp>

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

using kpi::civil_date;
using kpi::period;
using kpi::period_kind;

namespace {
kpi::day_serial serial(int y, int m, int d) { return kpi::to_serial({y, m, d}).value(); }
} // namespace

TEST(Period, CalcSerials) {
    EXPECT_EQ(kpi::to_serial({1900, 1, 1}), 2);
    EXPECT_EQ(kpi::to_serial({2025, 12, 31}), 46022);
    EXPECT_EQ(kpi::to_serial({2024, 2, 29}), 45351);
    EXPECT_EQ(kpi::to_serial({9999, 12, 31}), 2958465);
    EXPECT_EQ(kpi::to_civil(1), (civil_date{1899, 12, 31}));
    EXPECT_EQ(kpi::to_civil(46188), (civil_date{2026, 6, 15}));
    EXPECT_EQ(kpi::to_serial({2026, 2, 29}), std::nullopt);
    EXPECT_EQ(kpi::to_serial({1900, 2, 29}), std::nullopt);
    EXPECT_EQ(kpi::to_serial({2000, 2, 29}), 36585);
    EXPECT_EQ(kpi::to_serial({2026, 13, 1}), std::nullopt);
    EXPECT_EQ(kpi::to_serial({2026, 4, 31}), std::nullopt);
    EXPECT_EQ(kpi::to_serial({1899, 12, 31}), std::nullopt);
    EXPECT_EQ(kpi::to_serial({10000, 1, 1}), std::nullopt);
}

TEST(Period, RoundTripEveryDayOfFourCenturies) {
    for (kpi::day_serial s = 2; s < 2 + 146097; ++s) {
        const civil_date d = kpi::to_civil(s);
        ASSERT_EQ(kpi::to_serial(d), s) << d.year << '-' << d.month << '-' << d.day;
    }
}

TEST(Period, Days) {
    for (const char* text : {"2026-12-31", "2026/12/31", "2026.12.31", "31/12/2026", "31-12-2026",
                             "31.12.2026", " 31/12/2026 "}) {
        const auto p = kpi::parse_period(text);
        ASSERT_TRUE(p) << text;
        EXPECT_EQ(p->kind, period_kind::day) << text;
        EXPECT_EQ(p->first, 46387) << text;
        EXPECT_EQ(p->last, 46387) << text;
    }
    EXPECT_EQ(kpi::parse_period("1/2/2026")->last, serial(2026, 2, 1)); // day/month: 1 February
    EXPECT_EQ(kpi::parse_period("29/02/2024")->last, 45351);
}

TEST(Period, Months) {
    for (const char* text : {"2026-12", "2026/12", "12/2026", "12-2026", "Tháng 12/2026",
                             "thang 12 2026", "THÁNG 12-2026"}) {
        const auto p = kpi::parse_period(text);
        ASSERT_TRUE(p) << text;
        EXPECT_EQ(p->kind, period_kind::month) << text;
        EXPECT_EQ(p->first, serial(2026, 12, 1)) << text;
        EXPECT_EQ(p->last, 46387) << text;
    }
    EXPECT_EQ(kpi::parse_period("2/2026")->last, serial(2026, 2, 28));
    EXPECT_EQ(kpi::parse_period("2024-2")->last, 45351);
}

TEST(Period, Quarters) {
    for (const char* text : {"2026-Q4", "2026 Q4", "2026Q4", "Q4-2026", "Q4/2026", "q4 2026",
                             "Quý 4/2026", "quy 4 2026", "QUÝ 4 - 2026", "Q04/2026"}) {
        const auto p = kpi::parse_period(text);
        ASSERT_TRUE(p) << text;
        EXPECT_EQ(p->kind, period_kind::quarter) << text;
        EXPECT_EQ(p->first, serial(2026, 10, 1)) << text;
        EXPECT_EQ(p->last, 46387) << text;
    }
    EXPECT_EQ(kpi::parse_period("Q1-2026")->last, serial(2026, 3, 31));
    EXPECT_EQ(kpi::parse_period("2026-Q2")->last, serial(2026, 6, 30));
    EXPECT_EQ(kpi::parse_period("Q3/2026")->last, serial(2026, 9, 30));
}

TEST(Period, Years) {
    for (const char* text : {"2026", " 2026 ", "Năm 2026", "nam 2026"}) {
        const auto p = kpi::parse_period(text);
        ASSERT_TRUE(p) << text;
        EXPECT_EQ(p->kind, period_kind::year) << text;
        EXPECT_EQ(p->first, serial(2026, 1, 1)) << text;
        EXPECT_EQ(p->last, 46387) << text;
    }
}

TEST(Period, Rejects) {
    for (const char* text :
         {"", "   ", "abc", "tomorrow", "12345", "2026-12-31-1", "Q5-2026", "Q0-2026", "31/02/2026",
          "2026-00", "2026-13", "13/2026", "0/2026", "26-12-31", "2026-12-31T10:00", "Q4", "12/26",
          "1899", "10000", "Tháng 2026", "Năm 12/2026", "2026 Q", "Q4-2026-1", "2026--", "+2026",
          "2026 năm 2026", "-2026", "2026-", "/12/2026"})
        EXPECT_EQ(kpi::parse_period(text), std::nullopt) << text;
    EXPECT_EQ(kpi::parse_period(std::string(1000, '1')), std::nullopt);
}

TEST(Period, Numbers) {
    EXPECT_EQ(kpi::period_from_number(46022.0), (period{period_kind::day, 46022, 46022}));
    EXPECT_EQ(kpi::period_from_number(46022.75)->last, 46022); // a date-time: its day
    EXPECT_EQ(kpi::period_from_number(2026.0)->kind, period_kind::year);
    EXPECT_EQ(kpi::period_from_number(2026.0)->last, 46387);
    EXPECT_EQ(kpi::period_from_number(2026.5)->kind, period_kind::day); // not an integer year
    EXPECT_EQ(kpi::period_from_number(2958465.0)->last, 2958465);
    EXPECT_EQ(kpi::period_from_number(2958466.0), std::nullopt);
    EXPECT_EQ(kpi::period_from_number(2.0)->last, 2); // 1900-01-01
    EXPECT_EQ(kpi::period_from_number(1.99), std::nullopt); // 1899-12-31: before the text forms' range
    EXPECT_EQ(kpi::period_from_number(0.0), std::nullopt);
    EXPECT_EQ(kpi::period_from_number(-5.0), std::nullopt);
    EXPECT_EQ(kpi::period_from_number(std::numeric_limits<double>::quiet_NaN()), std::nullopt);
    EXPECT_EQ(kpi::period_from_number(std::numeric_limits<double>::infinity()), std::nullopt);
}

TEST(Period, CanonicalTextAndPassing) {
    EXPECT_EQ(kpi::to_string(*kpi::parse_period("31/12/2026")), "2026-12-31");
    EXPECT_EQ(kpi::to_string(*kpi::parse_period("12/2026")), "2026-12");
    EXPECT_EQ(kpi::to_string(*kpi::parse_period("Quý 4/2026")), "2026-Q4");
    EXPECT_EQ(kpi::to_string(*kpi::parse_period("Năm 2026")), "2026");
    EXPECT_EQ(kpi::format_iso(46188), "2026-06-15");
    const period q = *kpi::parse_period("2026-Q2");
    EXPECT_FALSE(kpi::has_passed(q, serial(2026, 6, 30))); // the last day is still on time
    EXPECT_TRUE(kpi::has_passed(q, serial(2026, 7, 1)));
}
