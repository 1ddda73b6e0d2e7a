// Channel data import core (docs/import.md): decoding, CSV, numbers, dates, recognition of every
// sample export, aggregation against expected.csv (sums computed by make_samples.py from the raw
// figures it wrote), typed errors and the summary.
#include <kpi/import.hpp>
#include <kpi/import_csv.hpp>

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

using namespace kpi;

namespace {

std::string read_file(const std::string& name) {
    std::ifstream in(std::filesystem::path(KPI_IMPORT_DATA_DIR) / name, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

import_result import_sample(const std::string& name, period_granularity g = period_granularity::month,
                            const std::string& currency = "VND") {
    import_options o;
    o.periods = g;
    o.workbook_currency = currency;
    o.source = name;
    return import_bytes(read_file(name), o);
}

double value_of(const file_import& f, const std::string& period, channel ch, measure m, bool* present = nullptr) {
    for (const auto& r : f.rows)
        if (r.period == period && r.ch == ch) {
            if (present) *present = r.has[static_cast<std::size_t>(m)];
            return r.values[static_cast<std::size_t>(m)];
        }
    if (present) *present = false;
    return 0;
}

std::optional<measure> measure_by_id(const std::string& id) {
    for (std::size_t i = 0; i < measure_count; ++i)
        if (to_string(static_cast<measure>(i)) == id) return static_cast<measure>(i);
    return std::nullopt;
}
std::optional<channel> channel_by_id(const std::string& id) {
    for (std::size_t i = 0; i < channel_count; ++i)
        if (to_string(static_cast<channel>(i)) == id) return static_cast<channel>(i);
    return std::nullopt;
}

struct expected_row {
    std::string file, granularity, period;
    channel ch;
    measure m;
    double value;
};

std::vector<expected_row> expected_rows() {
    std::vector<expected_row> out;
    std::istringstream in(read_file("expected.csv"));
    std::string line;
    std::getline(in, line); // header
    while (std::getline(in, line)) {
        std::vector<std::string> f;
        std::stringstream ls(line);
        std::string x;
        while (std::getline(ls, x, ',')) f.push_back(x);
        if (f.size() != 6) continue;
        out.push_back({f[0], f[1], f[2], *channel_by_id(f[3]), *measure_by_id(f[4]), std::stod(f[5])});
    }
    return out;
}

} // namespace

// ---- decoding ---------------------------------------------------------------------------------

TEST(ImportDecode, Utf8WithAndWithoutBom) {
    auto plain = decode_text("Ngày,Chi phí\r\n1,2\r\n");
    ASSERT_TRUE(plain);
    EXPECT_EQ(plain.value().encoding, text_encoding::utf8);
    EXPECT_EQ(plain.value().utf8, "Ngày,Chi phí\n1,2\n");
    auto bom = decode_text("\xEF\xBB\xBFNgày\r1");
    ASSERT_TRUE(bom);
    EXPECT_EQ(bom.value().encoding, text_encoding::utf8_bom);
    EXPECT_EQ(bom.value().utf8, "Ngày\n1");
}

TEST(ImportDecode, Utf16AsExcelWritesIt) {
    // "Kỳ\tA\r\n" in UTF-16LE with a BOM, in UTF-16BE with a BOM, and in UTF-16LE without one.
    const std::string le("\xFF\xFE" "K\0\xF3\x1E\t\0A\0\r\0\n\0", 14);
    auto a = decode_text(le);
    ASSERT_TRUE(a);
    EXPECT_EQ(a.value().encoding, text_encoding::utf16le);
    EXPECT_EQ(a.value().utf8, "K\xE1\xBB\xB3\tA\n");
    const std::string be("\xFE\xFF" "\0K\x1E\xF3\0\t\0A", 10);
    auto b = decode_text(be);
    ASSERT_TRUE(b);
    EXPECT_EQ(b.value().encoding, text_encoding::utf16be);
    EXPECT_EQ(b.value().utf8, "K\xE1\xBB\xB3\tA");
    const std::string no_bom("D\0a\0t\0e\0\t\0C\0o\0s\0t\0", 18);
    auto c = decode_text(no_bom);
    ASSERT_TRUE(c);
    EXPECT_EQ(c.value().encoding, text_encoding::utf16le);
    EXPECT_EQ(c.value().utf8, "Date\tCost");
    // A lone surrogate is an error.
    EXPECT_FALSE(decode_text(std::string("\xFF\xFE\x00\xD8" "A\0", 6)));
}

TEST(ImportDecode, InvalidUtf8IsAnErrorWithItsLine) {
    auto r = decode_text("a,b\nc,d\ne\xE9,f\n");
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().line, 3u);
    EXPECT_EQ(r.error().byte_offset, 9u);
    EXPECT_FALSE(decode_text("\xC0\xAF"));          // overlong
    EXPECT_FALSE(decode_text("\xED\xA0\x80"));      // surrogate
    EXPECT_FALSE(decode_text("\xEF\xBB\xBF\xFFx")); // invalid after a BOM
}

// ---- CSV ----------------------------------------------------------------------------------------

TEST(ImportCsv, SniffsTheDelimiter) {
    EXPECT_EQ(sniff_delimiter("a,b,c\n1,2,3\n"), ',');
    EXPECT_EQ(sniff_delimiter("Ngày;Chi phí;Lượt nhấp\n27/01/2026;1.234,5;3\n"), ';');
    EXPECT_EQ(sniff_delimiter("a\tb\tc\n1,5\t2\t3\n"), '\t');
    // A title line without delimiters above a comma table (Google Ads).
    EXPECT_EQ(sniff_delimiter("Campaign report\nJanuary 1, 2026 - January 31, 2026\nDay,Cost,Impr.,Clicks\n"), ',');
    // Quoted commas do not count.
    EXPECT_EQ(sniff_delimiter("\"a,b,c,d\";x\n\"1,5\";2\n"), ';');
}

TEST(ImportCsv, QuotesCommentsAndBlankLines) {
    const auto t = parse_csv("# GA4\n# Start date: 20260101\n\nDate,\"Name, full\",Note\n"
                             "20260101,\"He said \"\"hi\"\"\",\"two\nlines\"\n\n20260102,x,\n"
                             "\n# Another table\nDate,Users\n20260101,5\n");
    EXPECT_EQ(t.delimiter, ',');
    EXPECT_EQ(t.comment_lines, 3u);
    ASSERT_EQ(t.cells.rows(), 3u);
    EXPECT_EQ(*t.cells.at(0, 1).string(), "Name, full");
    EXPECT_EQ(*t.cells.at(1, 1).string(), "He said \"hi\"");
    EXPECT_EQ(*t.cells.at(1, 2).string(), "two\nlines");
    EXPECT_TRUE(t.cells.at(2, 2).is_empty());
    EXPECT_EQ(t.source_lines, (std::vector<std::size_t>{4, 5, 8}));
}

// ---- numbers ------------------------------------------------------------------------------------

TEST(ImportNumbers, BothSeparatorStylesCurrenciesAndPercents) {
    struct c { const char* text; double value; const char* currency; };
    for (const auto& x : {c{"1,234.5", 1234.5, ""}, c{"1.234,5", 1234.5, ""}, c{"\xE2\x82\xAB" "1.234.567", 1234567, "VND"},
                          c{"1.234.567 \xE2\x82\xAB", 1234567, "VND"}, c{"$1,234.50", 1234.5, "USD"},
                          c{"12.5%", 0.125, ""}, c{"1.234.567,5", 1234567.5, ""}, c{"2.500.000 VND", 2500000, "VND"},
                          c{"2.500.000 \xC4\x91", 2500000, "VND"}, c{"US$ 12.00", 12, "USD"}, c{"(1,234)", -1234, ""},
                          c{"-5", -5, ""}, c{"1 234 567", 1234567, ""}, c{"1\xC2\xA0" "234", 1234, ""},
                          c{"\xE2\x82\xAC" "9,99", 9.99, "EUR"}, c{"1234567", 1234567, ""}, c{"0.5", 0.5, ""}}) {
        const auto a = parse_amount(x.text);
        ASSERT_TRUE(a) << x.text;
        EXPECT_DOUBLE_EQ(a->value, x.value) << x.text;
        EXPECT_EQ(a->currency, x.currency) << x.text;
    }
    for (const char* bad : {"abc", "1,2,3.4.5", "12 USD 5 VND", "1.23.4", "", "$", "12a"})
        EXPECT_FALSE(parse_amount(bad)) << bad;
    for (const char* nothing : {"", "--", " - ", "\xE2\x80\x94", "N/A"}) EXPECT_TRUE(is_empty_amount(nothing)) << nothing;
    EXPECT_FALSE(is_empty_amount("0"));
}

TEST(ImportNumbers, TheFilesStyleDecidesASingleSeparator) {
    EXPECT_DOUBLE_EQ(parse_amount("1.234", decimal_style::dot)->value, 1.234);
    EXPECT_DOUBLE_EQ(parse_amount("1.234", decimal_style::comma)->value, 1234);
    EXPECT_DOUBLE_EQ(parse_amount("1.234", decimal_style::unknown)->value, 1234); // kpi::parse_number's rule
    EXPECT_DOUBLE_EQ(parse_amount("1,234", decimal_style::comma)->value, 1.234);
    EXPECT_DOUBLE_EQ(parse_amount("1,234", decimal_style::dot)->value, 1234);
    EXPECT_DOUBLE_EQ(parse_amount("12,50%", decimal_style::comma)->value, 0.125);
    EXPECT_FALSE(parse_amount("1,234.5", decimal_style::comma)); // contradicts the file's style
    EXPECT_EQ(sniff_decimal_style({"1,234.50", "12", "3.5"}), decimal_style::dot);
    EXPECT_EQ(sniff_decimal_style({"1.234.567", "12,5", "7"}), decimal_style::comma);
    EXPECT_EQ(sniff_decimal_style({"1.234", "250,000"}), decimal_style::unknown); // only ambiguous texts
}

// ---- dates --------------------------------------------------------------------------------------

TEST(ImportDates, EveryExportForm) {
    const auto d = [](int y, int m, int day) { return *to_serial(civil_date{y, m, day}); };
    struct c { const char* text; int first; int last; };
    for (const auto& x : {c{"2026-01-15", d(2026, 1, 15), d(2026, 1, 15)}, c{"15/01/2026", d(2026, 1, 15), d(2026, 1, 15)},
                          c{"20260115", d(2026, 1, 15), d(2026, 1, 15)}, c{"Jan 15, 2026", d(2026, 1, 15), d(2026, 1, 15)},
                          c{"January 5, 2026", d(2026, 1, 5), d(2026, 1, 5)}, c{"15 Jan 2026", d(2026, 1, 15), d(2026, 1, 15)},
                          c{"15 thg 1, 2026", d(2026, 1, 15), d(2026, 1, 15)},
                          c{"2026-01-15 - 2026-01-31", d(2026, 1, 15), d(2026, 1, 31)},
                          c{"1 thg 1, 2026 - 31 thg 1, 2026", d(2026, 1, 1), d(2026, 1, 31)},
                          c{"2026-02", d(2026, 2, 1), d(2026, 2, 28)}, c{"2026-Q1", d(2026, 1, 1), d(2026, 3, 31)},
                          c{"2026-01-15 00:00:00", d(2026, 1, 15), d(2026, 1, 15)},
                          c{"01/27/2026", d(2026, 1, 27), d(2026, 1, 27)}}) {
        const auto s = parse_export_date(std::string_view(x.text));
        ASSERT_TRUE(s) << x.text;
        EXPECT_EQ(s->first, x.first) << x.text;
        EXPECT_EQ(s->last, x.last) << x.text;
    }
    EXPECT_EQ(parse_export_date(std::string_view("02/03/2026"))->first, d(2026, 3, 2));
    EXPECT_EQ(parse_export_date(std::string_view("02/03/2026"), date_order::month_first)->first, d(2026, 2, 3));
    EXPECT_EQ(parse_export_date(grid_cell(46037.0))->first, 46037);           // a Calc serial from an XLSX
    EXPECT_EQ(parse_export_date(grid_cell(20260115.0))->first, d(2026, 1, 15)); // GA4 date as a number
    for (const char* bad : {"", "Total", "2026-02-30", "31/31/2026", "2026-01-31 - 2026-01-01", "yesterday"})
        EXPECT_FALSE(parse_export_date(std::string_view(bad))) << bad;
}

// ---- recognition and aggregation of the sample exports -----------------------------------------

TEST(ImportSamples, EachExportIsRecognised) {
    struct c { const char* file; export_platform platform; const char* language; };
    for (const auto& x : {c{"meta-en.csv", export_platform::meta_ads, "en"}, c{"meta-vi-utf16.csv", export_platform::meta_ads, "vi"},
                          c{"google-ads-en.csv", export_platform::google_ads, "en"},
                          c{"google-ads-vi.csv", export_platform::google_ads, "vi"}, c{"ga4-en.csv", export_platform::ga4, "en"},
                          c{"ga4-vi.csv", export_platform::ga4, "vi"}, c{"search-console-en.csv", export_platform::search_console, "en"},
                          c{"search-console-vi.csv", export_platform::search_console, "vi"},
                          c{"tiktok-en.csv", export_platform::tiktok_ads, "en"}, c{"tiktok-vi.csv", export_platform::tiktok_ads, "vi"},
                          c{"zalo-oa-vi.csv", export_platform::zalo_oa, "vi"}, c{"zalo-oa-en.csv", export_platform::zalo_oa, "en"},
                          c{"plain.csv", export_platform::plain, "en"}}) {
        const auto r = import_sample(x.file);
        ASSERT_TRUE(r) << x.file << ": " << describe(r.error(), "en");
        EXPECT_EQ(r.value().summary.platform, x.platform) << x.file;
        EXPECT_EQ(r.value().summary.language, x.language) << x.file;
    }
}

TEST(ImportSamples, SumsMatchTheRawFiguresInBothGranularities) {
    const auto expected = expected_rows();
    ASSERT_GT(expected.size(), 100u);
    std::map<std::pair<std::string, std::string>, file_import> cache;
    std::size_t checked = 0;
    for (const auto& e : expected) {
        auto key = std::make_pair(e.file, e.granularity);
        if (!cache.count(key)) {
            auto r = import_sample(e.file, e.granularity == "month" ? period_granularity::month : period_granularity::quarter);
            ASSERT_TRUE(r) << e.file << ": " << describe(r.error(), "en");
            cache.emplace(key, r.value());
        }
        bool present = false;
        const double got = value_of(cache.at(key), e.period, e.ch, e.m, &present);
        EXPECT_TRUE(present) << e.file << " " << e.period << " " << to_string(e.m);
        EXPECT_NEAR(got, e.value, 1e-6 * std::max(1.0, std::abs(e.value)))
            << e.file << " " << e.granularity << " " << e.period << " " << to_string(e.ch) << " " << to_string(e.m);
        ++checked;
    }
    // Nothing beyond what expected.csv lists: every (period, channel, measure) imported is expected.
    for (const auto& entry : cache) { // not a structured binding: clang 14 cannot capture one in a lambda
        const auto& key = entry.first;
        for (const auto& row : entry.second.rows)
            for (std::size_t m = 0; m < measure_count; ++m) {
                if (!row.has[m]) continue;
                const bool listed = std::any_of(expected.begin(), expected.end(), [&](const expected_row& e) {
                    return e.file == key.first && e.granularity == key.second && e.period == row.period && e.ch == row.ch &&
                           static_cast<std::size_t>(e.m) == m;
                });
                EXPECT_TRUE(listed) << key.first << " " << key.second << " " << row.period << " "
                                    << to_string(static_cast<measure>(m));
            }
    }
    EXPECT_EQ(checked, expected.size());
}

TEST(ImportSamples, SummaryListsSkippedRowsAndUnknownColumns) {
    const auto ads = import_sample("google-ads-en.csv");
    ASSERT_TRUE(ads);
    EXPECT_EQ(ads.value().summary.rows_read, 12u);
    EXPECT_EQ(ads.value().summary.rows_imported, 10u);
    EXPECT_EQ(ads.value().summary.skipped_by_reason[static_cast<std::size_t>(skip_reason::total_row)], 2u);
    EXPECT_EQ(ads.value().summary.currency, "VND");
    EXPECT_EQ(ads.value().summary.style, decimal_style::dot);
    EXPECT_TRUE(ads.value().summary.unknown_columns.empty());

    const auto vi = import_sample("google-ads-vi.csv");
    ASSERT_TRUE(vi);
    EXPECT_EQ(vi.value().summary.style, decimal_style::comma);
    EXPECT_EQ(vi.value().summary.encoding, "UTF-8 (BOM)");

    const auto meta = import_sample("meta-en.csv");
    ASSERT_TRUE(meta);
    EXPECT_EQ(meta.value().summary.skipped_by_reason[static_cast<std::size_t>(skip_reason::spans_periods)], 1u);
    const auto meta_q = import_sample("meta-en.csv", period_granularity::quarter);
    ASSERT_TRUE(meta_q);
    EXPECT_EQ(meta_q.value().summary.rows_skipped, 0u);

    const auto plain = import_sample("plain.csv");
    ASSERT_TRUE(plain);
    EXPECT_EQ(plain.value().summary.unknown_columns, std::vector<std::string>{"Budget note"});
    EXPECT_EQ(plain.value().summary.skipped_by_reason[static_cast<std::size_t>(skip_reason::no_channel)], 1u);
    const auto text_en = describe(plain.value().summary, "en");
    EXPECT_NE(text_en.find("1 skipped"), std::string::npos) << text_en;
    EXPECT_NE(text_en.find("Columns not imported: Budget note"), std::string::npos) << text_en;
    EXPECT_NE(text_en.find("\"Radio\""), std::string::npos) << text_en;
    const auto text_vi = describe(plain.value().summary, "vi");
    EXPECT_NE(text_vi.find("Cột không nhập: Budget note"), std::string::npos) << text_vi;

    const auto utf16 = import_sample("meta-vi-utf16.csv");
    ASSERT_TRUE(utf16);
    EXPECT_EQ(utf16.value().summary.encoding, "UTF-16LE");
}

TEST(ImportSamples, Utf16AndUtf8CopiesOfAFileGiveTheSameRows) {
    // The Vietnamese Meta export re-encoded as UTF-8: the same rows.
    const auto bytes = read_file("meta-vi-utf16.csv");
    const auto decoded = decode_text(bytes);
    ASSERT_TRUE(decoded);
    import_options o;
    const auto a = import_bytes(bytes, o);
    const auto b = import_bytes(decoded.value().utf8, o);
    ASSERT_TRUE(a && b);
    ASSERT_EQ(a.value().rows.size(), b.value().rows.size());
    for (std::size_t i = 0; i < a.value().rows.size(); ++i) EXPECT_EQ(a.value().rows[i].values, b.value().rows[i].values);
}

// ---- errors -------------------------------------------------------------------------------------

TEST(ImportErrors, BadFilesGiveTypedErrorsAndClearTexts) {
    const auto empty = import_sample("empty.csv");
    ASSERT_FALSE(empty);
    EXPECT_EQ(empty.error().code, import_error::kind::empty);
    EXPECT_EQ(import_bytes("", {}).error().code, import_error::kind::empty);
    EXPECT_NE(describe(empty.error(), "en").find("empty.csv: the file is empty"), std::string::npos);

    const auto unknown = import_sample("unknown.csv");
    ASSERT_FALSE(unknown);
    EXPECT_EQ(unknown.error().code, import_error::kind::unrecognised);
    EXPECT_NE(describe(unknown.error(), "en").find("Order ID | Customer | Total"), std::string::npos);
    EXPECT_NE(describe(unknown.error(), "vi").find("không nhận ra"), std::string::npos);

    const auto broken = import_sample("broken-utf8.csv");
    ASSERT_FALSE(broken);
    EXPECT_EQ(broken.error().code, import_error::kind::encoding);
    EXPECT_NE(describe(broken.error(), "en").find("line 3"), std::string::npos) << describe(broken.error(), "en");

    const auto mixed = import_sample("mixed-currency.csv");
    ASSERT_FALSE(mixed);
    EXPECT_EQ(mixed.error().code, import_error::kind::mixed_currency);
    EXPECT_EQ(mixed.error().currencies, (std::vector<std::string>{"USD", "VND"}));
    const auto mixed_unknown_workbook = import_sample("mixed-currency.csv", period_granularity::month, "");
    ASSERT_FALSE(mixed_unknown_workbook);
    EXPECT_EQ(mixed_unknown_workbook.error().code, import_error::kind::mixed_currency);

    const auto other = import_sample("meta-en.csv", period_granularity::month, "USD");
    ASSERT_FALSE(other);
    EXPECT_EQ(other.error().code, import_error::kind::mixed_currency);
    EXPECT_NE(describe(other.error(), "en").find("the export is in VND but the workbook is in USD"), std::string::npos)
        << describe(other.error(), "en");
    // An export without a currency (GA4) goes into any workbook.
    EXPECT_TRUE(import_sample("ga4-en.csv", period_granularity::month, "USD"));

    const auto no_date = import_bytes("Channel,Spend,Leads\nEmail,100,2\n", {});
    ASSERT_FALSE(no_date);
    EXPECT_EQ(no_date.error().code, import_error::kind::no_date_column);
    const auto meta_no_date = import_bytes("Campaign name,Amount spent (VND),Impressions,Link clicks\nA,1,2,3\n", {});
    ASSERT_FALSE(meta_no_date);
    EXPECT_EQ(meta_no_date.error().code, import_error::kind::no_date_column);

    const auto header_only = import_bytes("Day,Cost,Impr.,Clicks\n", {});
    ASSERT_FALSE(header_only);
    EXPECT_EQ(header_only.error().code, import_error::kind::no_data);
    const auto bad_rows = import_bytes("Day,Cost,Impr.,Clicks\n2026-01-01,abc,1,1\n", {});
    ASSERT_FALSE(bad_rows);
    EXPECT_EQ(bad_rows.error().code, import_error::kind::no_data);
    EXPECT_NE(bad_rows.error().detail.find("bad_number"), std::string::npos);
}

TEST(ImportMerge, SeveralFilesSumWhereTheyMeetAndMustShareACurrency) {
    auto a = import_sample("meta-en.csv");
    auto b = import_sample("google-ads-en.csv");
    ASSERT_TRUE(a && b);
    auto merged = merge_imports({a.value(), b.value()}, "VND");
    ASSERT_TRUE(merged);
    EXPECT_EQ(merged.value().size(), a.value().rows.size() + b.value().rows.size());
    auto twice = merge_imports({a.value(), a.value()}, "VND");
    ASSERT_TRUE(twice);
    ASSERT_EQ(twice.value().size(), a.value().rows.size());
    EXPECT_DOUBLE_EQ(twice.value()[0].values[0], 2 * a.value().rows[0].values[0]);
    auto usd = a.value();
    usd.summary.currency = "USD";
    auto clash = merge_imports({a.value(), usd}, "");
    ASSERT_FALSE(clash);
    EXPECT_EQ(clash.error().code, import_error::kind::mixed_currency);
}

TEST(ImportFormats, SignaturesDoNotShadowEachOther) {
    // A header made of one signature's required columns is recognised as that signature, not another.
    for (const auto& sig : export_signatures()) {
        grid g(1, sig.columns.size());
        std::size_t c = 0;
        for (const auto& col : sig.columns) {
            if (!col.required) continue;
            const auto first = col.headers.substr(0, col.headers.find('|'));
            g.at(0, c++) = grid_cell(std::string(first) + (col.prefix ? " (VND)" : ""));
        }
        const auto r = recognise_export(g);
        ASSERT_TRUE(r) << to_string(sig.platform) << " " << sig.language;
        EXPECT_EQ(r->platform, sig.platform) << sig.language;
        EXPECT_EQ(r->language, sig.language) << to_string(sig.platform);
    }
}

// Google's Vietnamese help (support.google.com/google-ads/answer/2454071?hl=vi) abbreviates the
// "Lượt hiển thị" column as "H.thị", as English writes "Impr.".
TEST(ImportFormats, GoogleAdsVietnameseAbbreviatedImpressionsHeader) {
    const kpi::grid g{{"Ngày", "Chiến dịch", "Chi phí", "H.thị", "Lượt nhấp"}, {"27/01/2026", "Tìm kiếm", "683.827,50", "31.539", "1.033"}};
    const auto found = kpi::recognise_export(g);
    ASSERT_TRUE(found.has_value());
    EXPECT_EQ(found->platform, kpi::export_platform::google_ads);
    EXPECT_EQ(found->language, "vi");
}

// The wording of Google's Vietnamese Search Console help (support.google.com/webmasters/answer/7576553?hl=vi):
// "số lượt nhấp, số lượt hiển thị, vị trí, CTR".
TEST(ImportFormats, SearchConsoleVietnameseHelpWording) {
    const kpi::grid g{{"Ngày", "Số lượt nhấp", "Số lượt hiển thị", "CTR", "Vị trí"}, {"2026-01-27", "12", "340", "3,5%", "8,2"}};
    const auto found = kpi::recognise_export(g);
    ASSERT_TRUE(found.has_value());
    EXPECT_EQ(found->platform, kpi::export_platform::search_console);
    EXPECT_EQ(found->language, "vi");
}
