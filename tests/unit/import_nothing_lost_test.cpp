// Import checks that keep figures from being lost or counted wrong (docs/import.md): the workbook's
// currency read from every number format Calc writes, conversion with a rate, files given twice,
// negative counts, time-segmented exports (Week / Month / Quarter / Year) and segments that span two
// workbook periods. Every expected sum below is worked out by hand in its comment.
#include <kpi/import.hpp>

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <unistd.h>

using namespace kpi;
namespace fs = std::filesystem;

namespace {

import_options options(period_granularity g = period_granularity::month,
                       const std::string& currency = "VND") {
    import_options o;
    o.periods = g;
    o.workbook_currency = currency;
    o.source = "x.csv";
    return o;
}

double value_of(const file_import& f, const std::string& period, channel ch, measure m,
                bool* present = nullptr) {
    for (const auto& r : f.rows)
        if (r.period == period && r.ch == ch) {
            if (present)
                *present = r.has[static_cast<std::size_t>(m)];
            return r.values[static_cast<std::size_t>(m)];
        }
    if (present)
        *present = false;
    return -1;
}

fs::path temp_dir() {
    const auto d = fs::temp_directory_path() / ("kpi-import-unit-" + std::to_string(getpid()));
    fs::create_directories(d);
    return d;
}

void write(const fs::path& p, const std::string& bytes) {
    std::ofstream(p, std::ios::binary) << bytes;
}

} // namespace

// ---- the workbook's currency ---------------------------------------------------------------------

TEST(ImportCurrencyFormat, CalcLocaleBracketWithSymbol) {
    // The $ of "[$" is Calc's syntax, not dollars (the bug: these read as "?" and skipped the check).
    EXPECT_EQ(currency_of_number_format("#.##0 [$\xE2\x82\xAB-42A]"), "VND");
    EXPECT_EQ(currency_of_number_format("#,##0 [$\xE2\x82\xAB-42A]"), "VND");
    EXPECT_EQ(currency_of_number_format("#,##0 [$\xE2\x82\xAB-42A];[RED]-#,##0 [$\xE2\x82\xAB-42A]"), "VND");
    EXPECT_EQ(currency_of_number_format("#,##0.00 [$\xE2\x82\xAC-407]"), "EUR");
    EXPECT_EQ(currency_of_number_format("[$\xE2\x82\xAC-407] #,##0.00"), "EUR");
    EXPECT_EQ(currency_of_number_format("#,##0.00 [$\xC2\xA3-809]"), "GBP");
}

TEST(ImportCurrencyFormat, DollarsByTheirLocale) {
    EXPECT_EQ(currency_of_number_format("[$$-409]#,##0.00"), "USD");
    EXPECT_EQ(currency_of_number_format("[$$-409]#,##0.00;[RED]-[$$-409]#,##0.00"), "USD");
    EXPECT_EQ(currency_of_number_format("[$$-C09]#,##0.00"), "AUD");
    EXPECT_EQ(currency_of_number_format("[$$-1009]#,##0.00"), "CAD");
    EXPECT_EQ(currency_of_number_format("$#,##0.00"), "USD"); // a bare $ outside a bracket
}

TEST(ImportCurrencyFormat, IsoCodeInABracket) {
    EXPECT_EQ(currency_of_number_format("#,##0.00 [$USD]"), "USD");
    EXPECT_EQ(currency_of_number_format("[$USD] #,##0.00"), "USD");
    EXPECT_EQ(currency_of_number_format("#,##0 [$VND-42A]"), "VND");
    EXPECT_EQ(currency_of_number_format("[$EUR-407] #,##0.00"), "EUR");
}

TEST(ImportCurrencyFormat, QuotedOrEscapedSymbolsAndCodes) {
    EXPECT_EQ(currency_of_number_format("#,##0\" \xE2\x82\xAB\""), "VND");
    EXPECT_EQ(currency_of_number_format("#,##0 \"\xE2\x82\xAC\""), "EUR");
    EXPECT_EQ(currency_of_number_format("#,##0\\\xE2\x82\xAC"), "EUR");
    EXPECT_EQ(currency_of_number_format("#,##0 \"\xC4\x91\""), "VND");
    EXPECT_EQ(currency_of_number_format("#,##0 \"VND\""), "VND");
    EXPECT_EQ(currency_of_number_format("\"USD \"#,##0.00"), "USD");
    EXPECT_EQ(currency_of_number_format("#,##0.00 \"EUR\""), "EUR");
    EXPECT_EQ(currency_of_number_format("#,##0 \"vn\xC4\x91\""), "VND");
}

TEST(ImportCurrencyFormat, FormatsWithoutACurrency) {
    EXPECT_EQ(currency_of_number_format("#,##0"), "");
    EXPECT_EQ(currency_of_number_format("0.00%"), "");
    EXPECT_EQ(currency_of_number_format("[$-42A]DD/MM/YYYY"), ""); // a locale, no symbol
    EXPECT_EQ(currency_of_number_format("#,##0 \" units\""), "");
    EXPECT_EQ(currency_of_number_format("General"), "");
    // Two different currencies in one format: none is trusted.
    EXPECT_EQ(currency_of_number_format("[$$-409]#,##0;[$\xE2\x82\xAC-407]#,##0"), "");
    // A symbol we do not know is kept as written, so that it never passes for the export's currency.
    EXPECT_EQ(currency_of_number_format("#,##0 [$\xE2\x82\xB4-422]"), "\xE2\x82\xB4");
}

// ---- conversion with a rate ----------------------------------------------------------------------

namespace {
// Google Ads, en, USD: two days of October 2026.
const std::string usd_ads = "Day,Currency code,Cost,Impr.,Clicks\n"
                            "2026-10-01,USD,120.50,1000,10\n"
                            "2026-10-02,USD,79.50,500,5\n";
} // namespace

TEST(ImportRates, AnExportInAnotherCurrencyIsRefusedWithBothNamed) {
    const auto r = import_bytes(usd_ads, options());
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, import_error::kind::mixed_currency);
    const auto en = describe(r.error(), "en");
    EXPECT_NE(en.find("the export is in USD but the workbook is in VND"), std::string::npos) << en;
    EXPECT_NE(en.find("--rate USD="), std::string::npos) << en;
    const auto vi = describe(r.error(), "vi");
    EXPECT_NE(vi.find("tệp xuất dùng USD nhưng sổ tính dùng VND"), std::string::npos) << vi;
}

TEST(ImportRates, ARateConvertsMoneyOnly) {
    auto o = options();
    o.rates["USD"] = 25000;
    const auto r = import_bytes(usd_ads, o);
    ASSERT_TRUE(r) << describe(r.error(), "en");
    // (120.50 + 79.50) USD = 200 USD x 25,000 = 5,000,000 VND; impressions 1000 + 500 = 1500 unchanged.
    EXPECT_DOUBLE_EQ(value_of(r.value(), "2026-10", channel::google_ads, measure::spend), 5000000.0);
    EXPECT_DOUBLE_EQ(value_of(r.value(), "2026-10", channel::google_ads, measure::impressions), 1500.0);
    EXPECT_EQ(r.value().summary.currency, "VND");
    EXPECT_EQ(r.value().summary.converted_from, "USD");
    EXPECT_NE(describe(r.value().summary, "en").find("converted from USD, 1 USD = 25000 VND"),
              std::string::npos);
    EXPECT_NE(describe(r.value().summary, "vi").find("quy đổi từ USD"), std::string::npos);
    // A rate for another currency does not help.
    auto eur = options();
    eur.rates["EUR"] = 27000;
    EXPECT_FALSE(import_bytes(usd_ads, eur));
}

TEST(ImportRates, ParseRate) {
    EXPECT_EQ(parse_rate("USD=25000"), (std::pair<std::string, double>{"USD", 25000}));
    EXPECT_EQ(parse_rate("usd:25.400,5"), (std::pair<std::string, double>{"USD", 25400.5}));
    EXPECT_EQ(parse_rate("EUR=0.92"), (std::pair<std::string, double>{"EUR", 0.92}));
    EXPECT_FALSE(parse_rate("USD"));
    EXPECT_FALSE(parse_rate("USD=-3"));
    EXPECT_FALSE(parse_rate("USD=0"));
    EXPECT_FALSE(parse_rate("dollar=3"));
}

// ---- the same file twice -------------------------------------------------------------------------

TEST(ImportRepeats, SamePathOrSameBytesCountedOnce) {
    const auto dir = temp_dir();
    // Plain CSV: 1,200,000 + 1,500,000 = 2,700,000 VND of Facebook spend in 2026-10.
    const std::string csv =
        "Date,Channel,Spend\n2026-10-01,Facebook Ads,1200000\n2026-10-02,Facebook Ads,1500000\n";
    write(dir / "a.csv", csv);
    write(dir / "copy.csv", csv);
    write(dir / "other.csv", "Date,Channel,Spend\n2026-10-03,Facebook Ads,100000\n");
    fs::remove(dir / "link.csv");
    fs::create_symlink(dir / "a.csv", dir / "link.csv");
    const std::vector<fs::path> files{
        dir / "a.csv",    dir / "a.csv", dir / "copy.csv", dir / "link.csv", dir / "sub" / ".." / "a.csv",
        dir / "other.csv"};
    fs::create_directories(dir / "sub");
    const auto rep = find_repeated_exports(files);
    ASSERT_EQ(rep.size(), 6u);
    EXPECT_FALSE(rep[0]);
    EXPECT_EQ(rep[1], std::optional<std::size_t>(0)); // same path
    EXPECT_EQ(rep[2], std::optional<std::size_t>(0)); // same bytes
    EXPECT_EQ(rep[3], std::optional<std::size_t>(0)); // a link to it
    EXPECT_EQ(rep[4], std::optional<std::size_t>(0)); // the same path spelt otherwise
    EXPECT_FALSE(rep[5]);

    // Summed the way import_files does: the repeats left out.
    std::vector<file_import> kept;
    for (std::size_t i = 0; i < files.size(); ++i) {
        if (rep[i])
            continue;
        auto r = import_file(files[i], options());
        ASSERT_TRUE(r);
        kept.push_back(r.value());
    }
    const auto merged = merge_imports(kept, "VND");
    ASSERT_TRUE(merged);
    ASSERT_EQ(merged.value().size(), 1u);
    // 2,700,000 + 100,000 (other.csv) = 2,800,000, not 2,700,000 x 4 + 100,000.
    EXPECT_DOUBLE_EQ(merged.value()[0].values[static_cast<std::size_t>(measure::spend)], 2800000.0);

    EXPECT_EQ(describe_repeat("copy.csv", "a.csv", false, "en"),
              "copy.csv: the same content as a.csv: counted once.");
    EXPECT_EQ(describe_repeat("a.csv", "a.csv", true, "vi"),
              "a.csv: đã có trong danh sách (a.csv): chỉ tính một lần.");
    fs::remove_all(dir);
}

// ---- negative counts -----------------------------------------------------------------------------

TEST(ImportNegatives, AccountingNegativeCountIsRefusedPerRowMoneyMayBeNegative) {
    const std::string csv = "Day,Currency code,Cost,Impr.,Clicks\n"
                            "2026-10-01,VND,\"1,000,000\",\"(1,234)\",10\n" // line 2: refused
                            "2026-10-02,VND,\"500,000\",\"2,000\",-3\n"     // line 3: refused
                            "2026-10-03,VND,\"(200,000)\",\"1,000\",20\n";  // line 4: a refund, kept
    const auto r = import_bytes(csv, options());
    ASSERT_TRUE(r) << describe(r.error(), "en");
    const auto& s = r.value().summary;
    EXPECT_EQ(s.skipped_by_reason[static_cast<std::size_t>(skip_reason::negative_count)], 2u);
    ASSERT_GE(s.skipped.size(), 2u);
    EXPECT_EQ(s.skipped[0].line, 2u);
    EXPECT_EQ(s.skipped[0].detail, "Impr.: (1,234)");
    // Only line 4: spend -200,000, impressions 1,000, clicks 20.
    EXPECT_DOUBLE_EQ(value_of(r.value(), "2026-10", channel::google_ads, measure::spend), -200000.0);
    EXPECT_DOUBLE_EQ(value_of(r.value(), "2026-10", channel::google_ads, measure::impressions), 1000.0);
    EXPECT_DOUBLE_EQ(value_of(r.value(), "2026-10", channel::google_ads, measure::clicks), 20.0);
    EXPECT_NE(describe(s, "en").find("Skipped 2 rows with a negative count"), std::string::npos)
        << describe(s, "en");
    EXPECT_NE(describe(s, "vi").find("Bỏ qua 2 dòng có số đếm âm"), std::string::npos) << describe(s, "vi");
}

// ---- time-segmented exports ----------------------------------------------------------------------

TEST(ImportSegments, SegmentValuesAsDates) {
    auto span = [](std::string_view t) {
        const auto d = parse_export_date(t);
        return d ? format_iso(d->first) + ".." + format_iso(d->last) : std::string("none");
    };
    EXPECT_EQ(span("October 2026"), "2026-10-01..2026-10-31");
    EXPECT_EQ(span("Oct 2026"), "2026-10-01..2026-10-31");
    EXPECT_EQ(span("tháng 10 năm 2026"), "2026-10-01..2026-10-31");
    EXPECT_EQ(span("Tháng 2/2026"), "2026-02-01..2026-02-28");
    EXPECT_EQ(span("202610"), "2026-10-01..2026-10-31");
    EXPECT_EQ(span("202612"), "2026-12-01..2026-12-31");
    EXPECT_EQ(span("202613"), "none");
    EXPECT_EQ(span("2026-10"), "2026-10-01..2026-10-31");
    // ISO weeks: week 1 of 2026 holds Thursday 1 January, so it starts Monday 2025-12-29;
    // week 43 starts 42 x 7 = 294 days later: 2026-10-19 (Monday) to 2026-10-25.
    EXPECT_EQ(span("2026-W01"), "2025-12-29..2026-01-04");
    EXPECT_EQ(span("2026-W43"), "2026-10-19..2026-10-25");
    EXPECT_EQ(span("2026W44"), "2026-10-26..2026-11-01");
    EXPECT_EQ(span("2026-W53"), "2026-12-28..2027-01-03"); // 2026 has 53 ISO weeks (1 Jan 2026 is a Thursday)
    EXPECT_EQ(span("2027-W53"), "none");
    EXPECT_EQ(span("Week of Oct 26, 2026"), "2026-10-26..2026-11-01");
    EXPECT_EQ(span("2026-Q4"), "2026-10-01..2026-12-31");
    EXPECT_EQ(span("Q4 2026"), "2026-10-01..2026-12-31");
    const auto number = parse_export_date(grid_cell(202610.0));
    ASSERT_TRUE(number);
    EXPECT_EQ(format_iso(number->first), "2026-10-01");
}

namespace {
// Google Ads segmented by Month, en: September and October 2026, two campaigns each.
const std::string ads_month_en = "Campaign report\n\"September 1, 2026 - October 31, 2026\"\n"
                                 "Month,Campaign,Currency code,Cost,Impr.,Clicks\n"
                                 "2026-09-01,Search,VND,\"1,000,000\",\"10,000\",300\n"
                                 "2026-09-01,Brand,VND,\"500,000\",\"4,000\",200\n"
                                 "2026-10-01,Search,VND,\"1,200,000\",\"12,000\",400\n"
                                 "2026-10-01,Brand,VND,\"300,000\",\"3,000\",100\n"
                                 "Total: Account,,VND,\"3,000,000\",\"29,000\",1000\n";
} // namespace

TEST(ImportSegments, GoogleAdsByMonthEnglish) {
    const auto r = import_bytes(ads_month_en, options());
    ASSERT_TRUE(r) << describe(r.error(), "en");
    EXPECT_EQ(r.value().summary.platform, export_platform::google_ads);
    // September: 1,000,000 + 500,000 = 1,500,000; 10,000 + 4,000 = 14,000; 300 + 200 = 500.
    EXPECT_DOUBLE_EQ(value_of(r.value(), "2026-09", channel::google_ads, measure::spend), 1500000.0);
    EXPECT_DOUBLE_EQ(value_of(r.value(), "2026-09", channel::google_ads, measure::impressions), 14000.0);
    EXPECT_DOUBLE_EQ(value_of(r.value(), "2026-09", channel::google_ads, measure::clicks), 500.0);
    // October: 1,200,000 + 300,000 = 1,500,000; 400 + 100 = 500 clicks.
    EXPECT_DOUBLE_EQ(value_of(r.value(), "2026-10", channel::google_ads, measure::spend), 1500000.0);
    EXPECT_DOUBLE_EQ(value_of(r.value(), "2026-10", channel::google_ads, measure::clicks), 500.0);
    // Into a quarterly workbook: both months are 2026-Q3 / 2026-Q4.
    const auto q = import_bytes(ads_month_en, options(period_granularity::quarter));
    ASSERT_TRUE(q);
    EXPECT_DOUBLE_EQ(value_of(q.value(), "2026-Q3", channel::google_ads, measure::spend), 1500000.0);
    EXPECT_DOUBLE_EQ(value_of(q.value(), "2026-Q4", channel::google_ads, measure::spend), 1500000.0);
}

TEST(ImportSegments, GoogleAdsByMonthVietnameseNamesOfMonths) {
    const std::string csv = "Tháng;Chiến dịch;Chi phí;Lượt hiển thị;Lượt nhấp\n"
                            "tháng 10 năm 2026;Tìm kiếm;1.200.000;12.000;400\n"
                            "tháng 10 năm 2026;Thương hiệu;300.000;3.000;100\n"
                            "tháng 11 năm 2026;Tìm kiếm;2.000.000;20.000;800\n";
    const auto r = import_bytes(csv, options());
    ASSERT_TRUE(r) << describe(r.error(), "en");
    EXPECT_EQ(r.value().summary.language, "vi");
    // October 1.200.000 + 300.000 = 1.500.000; November 2.000.000.
    EXPECT_DOUBLE_EQ(value_of(r.value(), "2026-10", channel::google_ads, measure::spend), 1500000.0);
    EXPECT_DOUBLE_EQ(value_of(r.value(), "2026-11", channel::google_ads, measure::spend), 2000000.0);
    EXPECT_DOUBLE_EQ(value_of(r.value(), "2026-10", channel::google_ads, measure::impressions), 15000.0);
}

TEST(ImportSegments, Ga4YearMonth) {
    const std::string csv =
        "# Traffic acquisition\n# Start date: 20260901\n# End date: 20261031\n"
        "Year month,Session default channel group,Sessions,Engaged sessions\n"
        "202609,Organic Search,1000,600\n202609,Direct,500,200\n202610,Organic Search,1200,700\n";
    const auto r = import_bytes(csv, options());
    ASSERT_TRUE(r) << describe(r.error(), "en");
    EXPECT_EQ(r.value().summary.platform, export_platform::ga4);
    // September: sessions 1000 + 500 = 1500, organic 1000, engaged 600 + 200 = 800; October 1200 / 1200.
    EXPECT_DOUBLE_EQ(value_of(r.value(), "2026-09", channel::seo_website, measure::sessions), 1500.0);
    EXPECT_DOUBLE_EQ(value_of(r.value(), "2026-09", channel::seo_website, measure::organic_sessions), 1000.0);
    EXPECT_DOUBLE_EQ(value_of(r.value(), "2026-09", channel::seo_website, measure::engaged_sessions), 800.0);
    EXPECT_DOUBLE_EQ(value_of(r.value(), "2026-10", channel::seo_website, measure::organic_sessions), 1200.0);
    // Vietnamese header, "Năm tháng".
    const auto vi = import_bytes("Năm tháng,Số phiên\n202610,70\n202610,30\n", options());
    ASSERT_TRUE(vi) << describe(vi.error(), "en");
    EXPECT_DOUBLE_EQ(value_of(vi.value(), "2026-10", channel::seo_website, measure::sessions), 100.0);
}

TEST(ImportSegments, MetaMonthlyBreakdown) {
    const std::string csv =
        "Campaign name,Month,Reporting starts,Reporting ends,Amount spent (VND),Impressions,Results\n"
        "A,2026-10-01 - 2026-10-31,2026-10-01,2026-10-31,2000000,50000,40\n"
        "B,2026-10-01 - 2026-10-31,2026-10-01,2026-10-31,1000000,20000,10\n";
    const auto r = import_bytes(csv, options());
    ASSERT_TRUE(r) << describe(r.error(), "en");
    // 2,000,000 + 1,000,000 = 3,000,000; leads 40 + 10 = 50.
    EXPECT_DOUBLE_EQ(value_of(r.value(), "2026-10", channel::facebook_ads, measure::spend), 3000000.0);
    EXPECT_DOUBLE_EQ(value_of(r.value(), "2026-10", channel::facebook_ads, measure::leads), 50.0);
    const auto vi = import_bytes("Tháng,Bắt đầu báo cáo,Số tiền đã chi tiêu (VND),Lượt hiển thị\n"
                                 "tháng 10 năm 2026,2026-10-01,700000,9000\n",
                                 options());
    ASSERT_TRUE(vi) << describe(vi.error(), "en");
    EXPECT_DOUBLE_EQ(value_of(vi.value(), "2026-10", channel::facebook_ads, measure::spend), 700000.0);
}

TEST(ImportSegments, TikTokAndSearchConsoleByMonthOrWeek) {
    const auto tt =
        import_bytes("By Month,Cost,Impressions,Clicks (destination),Currency\n"
                     "Oct 2026,\"400,000\",\"8,000\",90,VND\nNov 2026,\"100,000\",\"2,000\",10,VND\n",
                     options());
    ASSERT_TRUE(tt) << describe(tt.error(), "en");
    EXPECT_DOUBLE_EQ(value_of(tt.value(), "2026-10", channel::tiktok_ads, measure::spend), 400000.0);
    EXPECT_DOUBLE_EQ(value_of(tt.value(), "2026-11", channel::tiktok_ads, measure::clicks), 10.0);
    const auto tt_vi = import_bytes(
        "Theo tháng;Chi phí;Lượt hiển thị;Lượt nhấp (Đích)\n2026-10;250.000;5.000;50\n", options());
    ASSERT_TRUE(tt_vi) << describe(tt_vi.error(), "en");
    EXPECT_DOUBLE_EQ(value_of(tt_vi.value(), "2026-10", channel::tiktok_ads, measure::spend), 250000.0);
    // Search Console by ISO week, both weeks inside October: clicks 30 + 50 = 80, impressions 1000 + 3000;
    // position kept as position x impressions: 5 x 1000 + 3 x 3000 = 14,000.
    const auto sc = import_bytes(
        "Week,Clicks,Impressions,CTR,Position\n2026-W41,30,1000,3%,5\n2026-W42,50,3000,1.7%,3\n", options());
    ASSERT_TRUE(sc) << describe(sc.error(), "en");
    EXPECT_DOUBLE_EQ(value_of(sc.value(), "2026-10", channel::seo_website, measure::clicks), 80.0);
    EXPECT_DOUBLE_EQ(value_of(sc.value(), "2026-10", channel::seo_website, measure::position_weighted),
                     14000.0);
}

TEST(ImportSegments, GoogleAdsByWeekWithinMonthsAndAcrossAMonthEnd) {
    // Weeks given by their Monday: 2026-10-05..11 and 2026-10-12..18 are inside October.
    const std::string inside = "Week,Cost,Impr.,Clicks\n2026-10-05,100,10,1\n2026-10-12,200,20,2\n";
    const auto ok = import_bytes(inside, options());
    ASSERT_TRUE(ok) << describe(ok.error(), "en");
    EXPECT_DOUBLE_EQ(value_of(ok.value(), "2026-10", channel::google_ads, measure::spend), 300.0);
    // 2026-10-26 (Monday) runs to 2026-11-01: across the month end, so the file is refused.
    const std::string across = "Week,Cost,Impr.,Clicks\n2026-10-19,100,10,1\n2026-10-26,200,20,2\n";
    const auto bad = import_bytes(across, options());
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.error().code, import_error::kind::spans_periods);
    ASSERT_EQ(bad.error().rows.size(), 1u);
    EXPECT_EQ(bad.error().rows[0].line, 3u);
    const auto en = describe(bad.error(), "en");
    EXPECT_NE(
        en.find("1 row spans two months of the workbook (line 3: 2026-10-26 = 2026-10-26 - 2026-11-01)"),
        std::string::npos)
        << en;
    EXPECT_NE(en.find("Export it again segmented by day or month"), std::string::npos) << en;
    const auto vi = describe(bad.error(), "vi");
    EXPECT_NE(vi.find("1 dòng trải qua hai tháng của sổ tính (dòng 3:"), std::string::npos) << vi;
    // The same weeks in a quarterly workbook are all inside 2026-Q4: 100 + 200 = 300.
    const auto q = import_bytes(across, options(period_granularity::quarter));
    ASSERT_TRUE(q);
    EXPECT_DOUBLE_EQ(value_of(q.value(), "2026-Q4", channel::google_ads, measure::spend), 300.0);
}

TEST(ImportSegments, AQuarterIntoAMonthlyWorkbookIsRefusedAMonthIntoAQuarterlyOneIsFine) {
    const std::string quarter = "Quarter,Cost,Impr.,Clicks\n2026-07-01,900,90,9\n2026-10-01,300,30,3\n";
    const auto monthly = import_bytes(quarter, options());
    ASSERT_FALSE(monthly);
    EXPECT_EQ(monthly.error().code, import_error::kind::spans_periods);
    EXPECT_EQ(monthly.error().count, 2u);
    const auto quarterly = import_bytes(quarter, options(period_granularity::quarter));
    ASSERT_TRUE(quarterly);
    EXPECT_DOUBLE_EQ(value_of(quarterly.value(), "2026-Q3", channel::google_ads, measure::spend), 900.0);
    // Vietnamese: a "Quý" column with quarter values.
    const auto vi = import_bytes("Quý;Chi phí;Lượt hiển thị;Lượt nhấp\nQuý 4/2026;300;30;3\n", options());
    ASSERT_FALSE(vi);
    EXPECT_NE(describe(vi.error(), "vi").find("trải qua hai tháng"), std::string::npos)
        << describe(vi.error(), "vi");
    EXPECT_NE(describe(vi.error(), "vi").find("theo tháng"), std::string::npos) << describe(vi.error(), "vi");
}

// ---- streaming ---------------------------------------------------------------------------------

TEST(ImportStreaming, FileAndBytesAndGridGiveTheSameRows) {
    const auto dir = temp_dir();
    write(dir / "m.csv", ads_month_en);
    const auto from_file = import_file(dir / "m.csv", options());
    const auto from_bytes = import_bytes(ads_month_en, options());
    ASSERT_TRUE(from_file && from_bytes);
    ASSERT_EQ(from_file.value().rows.size(), from_bytes.value().rows.size());
    for (std::size_t i = 0; i < from_file.value().rows.size(); ++i) {
        EXPECT_EQ(from_file.value().rows[i].period, from_bytes.value().rows[i].period);
        EXPECT_EQ(from_file.value().rows[i].values, from_bytes.value().rows[i].values);
    }
    EXPECT_EQ(from_file.value().summary.skipped_by_reason, from_bytes.value().summary.skipped_by_reason);
    EXPECT_THROW((void)import_file(dir / "missing.csv", options()), std::runtime_error);
    fs::remove_all(dir);
}
