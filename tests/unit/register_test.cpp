#include "register_test_util.hpp"

#include <kpi/register.hpp>
#include <kpi/text_fold.hpp>

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

using kpi::column;
using kpi::grid_cell;
using kpi::kpi_direction;
using kpi::kpi_group;
using kpi::kpi_level;

TEST(TextFold, VietnameseDiacriticsCaseAndSpaces) {
    EXPECT_EQ(kpi::fold("  Cấp   ĐỘ "), "cap do");
    EXPECT_EQ(kpi::fold("Người phụ trách"), "nguoi phu trach");
    EXPECT_EQ(kpi::fold("Đơn vị"), "don vi");
    EXPECT_EQ(kpi::fold("đ"), "d");
    EXPECT_EQ(kpi::fold("Thời hạn"), "thoi han");
    EXPECT_EQ(kpi::fold("Ạ Ặ Ẹ Ệ Ỉ Ị Ọ Ợ Ụ Ự Ỳ Ỹ ạ ặ ẹ ệ ỉ ị ọ ợ ụ ự ỳ ỹ"),
              "a a e e i i o o u u y y a a e e i i o o u u y y");
    EXPECT_EQ(kpi::fold("ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ àáâãèéêìíòóôõùúý ĂăĨĩŨũƠơƯư"),
              "aaaaeeeiioooouuy aaaaeeeiioooouuy aaiiuuoouu");
    // Decomposed (NFD) input: the combining marks are dropped.
    EXPECT_EQ(kpi::fold("Ca\xCC\x82\xCC\x81p \xC4\x91o\xCC\xA3\xCC\x82"), "cap do");
    // U+00A0 is a space; tabs and new lines too.
    EXPECT_EQ(kpi::fold("KPI\xC2\xA0\tcha\n"), "kpi cha");
}

TEST(TextFold, InvalidUtf8IsKeptNotFatal) {
    EXPECT_EQ(kpi::fold("A\xFF" "B"), "a\xFF" "b");
    EXPECT_EQ(kpi::fold("\xE1\xBA"), "\xE1\xBA"); // truncated sequence
    EXPECT_EQ(kpi::fold(""), "");
    EXPECT_EQ(kpi::fold("   "), "");
}

TEST(TextFold, KeyDropsPunctuation) {
    EXPECT_EQ(kpi::fold_key("Acquisition & cost"), "acquisition cost");
    EXPECT_EQ(kpi::fold_key("KPI_cha:"), "kpi cha");
    EXPECT_EQ(kpi::fold_key("=KPI.BOUNCE.GA4(B2)"), "kpi bounce ga4 b2");
    EXPECT_EQ(kpi::trim("\xC2\xA0 x y \t"), "x y");
}

TEST(RegisterHeader, EveryColumnInEnglishAndVietnamese) {
    const std::pair<const char*, column> cases[] = {
        {"ID", column::id},           {"Name", column::name},
        {"Tên KPI", column::name},    {"KPI name", column::name},
        {"Level", column::level},     {"Cấp độ", column::level},
        {"Group", column::group},     {"Nhóm", column::group},
        {"Parent", column::parent},   {"KPI cha", column::parent},
        {"Owner", column::owner},     {"Người phụ trách", column::owner},
        {"Unit", column::unit},       {"Đơn vị", column::unit},
        {"Direction", column::direction}, {"Chiều", column::direction},
        {"Baseline", column::baseline},   {"Cơ sở", column::baseline},
        {"Target", column::target},   {"Mục tiêu", column::target},
        {"Deadline", column::deadline}, {"Thời hạn", column::deadline},
        {"Actual", column::actual},   {"Thực tế", column::actual},
        {"Source", column::source},   {"Nguồn", column::source},
    };
    for (const auto& [header, col] : cases) {
        EXPECT_EQ(kpi::recognise_header(header), col) << header;
        // Vietnamese typed without diacritics, in capitals, with stray spaces.
        std::string plain = kpi::fold(header);
        for (auto& ch : plain) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
        EXPECT_EQ(kpi::recognise_header("  " + plain + " "), col) << plain;
    }
}

TEST(RegisterHeader, VariantsAndUnknowns) {
    EXPECT_EQ(kpi::recognise_header("kpi_cha"), column::parent);
    EXPECT_EQ(kpi::recognise_header("Parent ID"), column::parent);
    EXPECT_EQ(kpi::recognise_header("Target / Mục tiêu"), column::target);
    EXPECT_EQ(kpi::recognise_header("Mục tiêu (Target)"), column::target);
    EXPECT_EQ(kpi::recognise_header("TÊN   KPI"), column::name);
    EXPECT_EQ(kpi::recognise_header("Comment"), std::nullopt);
    EXPECT_EQ(kpi::recognise_header(""), std::nullopt);
    EXPECT_EQ(kpi::recognise_header("/"), std::nullopt);
}

TEST(RegisterValues, LevelGroupDirectionEnglishAndVietnamese) {
    EXPECT_EQ(kpi::parse_level("Strategic"), kpi_level::strategic);
    EXPECT_EQ(kpi::parse_level("CHIẾN LƯỢC"), kpi_level::strategic);
    EXPECT_EQ(kpi::parse_level("chien luoc"), kpi_level::strategic);
    EXPECT_EQ(kpi::parse_level(" tactical "), kpi_level::tactical);
    EXPECT_EQ(kpi::parse_level("Chiến thuật"), kpi_level::tactical);
    EXPECT_EQ(kpi::parse_level("chien thuat"), kpi_level::tactical);
    EXPECT_EQ(kpi::parse_level(""), kpi_level::missing);
    EXPECT_EQ(kpi::parse_level("  "), kpi_level::missing);
    EXPECT_EQ(kpi::parse_level("Operational"), kpi_level::unrecognised);

    EXPECT_EQ(kpi::parse_group("Acquisition & cost"), kpi_group::acquisition_cost);
    EXPECT_EQ(kpi::parse_group("Thu hút & chi phí"), kpi_group::acquisition_cost);
    EXPECT_EQ(kpi::parse_group("thu hut va chi phi"), kpi_group::acquisition_cost);
    EXPECT_EQ(kpi::parse_group("Digital & SEO"), kpi_group::digital_seo);
    EXPECT_EQ(kpi::parse_group("Kênh số & SEO"), kpi_group::digital_seo);
    EXPECT_EQ(kpi::parse_group("Customer value & relationship"), kpi_group::customer_value);
    EXPECT_EQ(kpi::parse_group("Giá trị & quan hệ khách hàng"), kpi_group::customer_value);
    EXPECT_EQ(kpi::parse_group("GIA TRI & QUAN HE KHACH HANG"), kpi_group::customer_value);
    EXPECT_EQ(kpi::parse_group(""), kpi_group::missing);
    EXPECT_EQ(kpi::parse_group("Other"), kpi_group::unrecognised);

    EXPECT_EQ(kpi::parse_direction("Higher is better"), kpi_direction::higher_is_better);
    EXPECT_EQ(kpi::parse_direction("Cao hơn tốt hơn"), kpi_direction::higher_is_better);
    EXPECT_EQ(kpi::parse_direction("cao hon tot hon"), kpi_direction::higher_is_better);
    EXPECT_EQ(kpi::parse_direction("Lower is better"), kpi_direction::lower_is_better);
    EXPECT_EQ(kpi::parse_direction("Thấp hơn tốt hơn"), kpi_direction::lower_is_better);
    EXPECT_EQ(kpi::parse_direction(""), kpi_direction::missing);
    EXPECT_EQ(kpi::parse_direction("sideways"), kpi_direction::unrecognised);
}

TEST(RegisterNumbers, TextNumbers) {
    EXPECT_EQ(kpi::parse_number("1,000,000"), 1e6);
    EXPECT_EQ(kpi::parse_number("1.000.000"), 1e6);
    EXPECT_EQ(kpi::parse_number("1 000 000"), 1e6);
    EXPECT_EQ(kpi::parse_number("1\xC2\xA0" "000"), 1000.0);
    EXPECT_EQ(kpi::parse_number("1,234.5"), 1234.5);
    EXPECT_EQ(kpi::parse_number("1.234,5"), 1234.5);
    EXPECT_EQ(kpi::parse_number("1,000"), 1000.0);
    EXPECT_EQ(kpi::parse_number("1,5"), 1.5);
    EXPECT_EQ(kpi::parse_number("1.5"), 1.5);
    EXPECT_EQ(kpi::parse_number("1.000"), 1000.0);
    EXPECT_EQ(kpi::parse_number("250.000"), 250000.0);
    EXPECT_EQ(kpi::parse_number("0.125"), 0.125);
    EXPECT_EQ(kpi::parse_number("1234.567"), 1234.567);
    EXPECT_EQ(kpi::parse_number("12.50"), 12.5);
    EXPECT_EQ(kpi::parse_number("1,0000"), 1.0);
    EXPECT_EQ(kpi::parse_number(" -42 "), -42.0);
    EXPECT_EQ(kpi::parse_number("+7"), 7.0);
    EXPECT_DOUBLE_EQ(kpi::parse_number("15%").value(), 0.15);
    EXPECT_DOUBLE_EQ(kpi::parse_number("-2,5 %").value(), -0.025);
    EXPECT_EQ(kpi::parse_number("1e6"), 1e6);
    EXPECT_EQ(kpi::parse_number(".5"), 0.5);
    EXPECT_EQ(kpi::parse_number("1 000,5"), 1000.5);
    EXPECT_EQ(kpi::parse_number("1 000,000"), 1000.0); // spaces group, a comma after them is decimal
}

TEST(RegisterNumbers, RejectsWhatIsNotANumber) {
    for (const char* s : {"", " ", "abc", "12abc", "1,00,0", "1.000,000,5", "1,2,3", "--5", "5-3",
                          "inf", "nan", "1e", "%", "1e999", "1,000 000", ",", ".",
                          "1.2.3,4,5"})
        EXPECT_EQ(kpi::parse_number(s), std::nullopt) << s;
}

TEST(RegisterParse, EnglishRegister) {
    using namespace kpi_test;
    auto reg = make_register({strategic("S1"), tactical("T1", "S1")});
    ASSERT_EQ(reg.size(), 2u);
    EXPECT_EQ(reg[0].id, "S1");
    EXPECT_EQ(reg[0].level, kpi_level::strategic);
    EXPECT_EQ(reg[0].group, kpi_group::missing);
    EXPECT_EQ(reg[1].parent, "S1");
    EXPECT_EQ(reg[1].parent_key, "s1");
    EXPECT_EQ(reg[1].group, kpi_group::acquisition_cost);
    EXPECT_EQ(reg[1].direction, kpi_direction::lower_is_better);
    EXPECT_EQ(reg[1].target.value, 80000.0);
    EXPECT_EQ(reg[1].grid_row, 2u);
    ASSERT_TRUE(reg[1].deadline.value);
    EXPECT_EQ(reg[1].deadline.value->last, 46387); // 2026-12-31
    EXPECT_EQ(reg.text(1, column::owner), "Lan");
    EXPECT_EQ(reg.text(1, column::name), "Cost per lead on Facebook Ads");
    EXPECT_EQ(reg.display(1, column::target), "80000");
    EXPECT_TRUE(reg.has_value(1, column::unit));
    EXPECT_FALSE(reg.has_value(1, column::actual));
}

TEST(RegisterParse, VietnameseHeadersAnyOrderWithAndWithoutDiacritics) {
    for (const bool diacritics : {true, false}) {
        std::vector<std::vector<grid_cell>> rows = {
            diacritics ? std::vector<grid_cell>{"KPI cha", "Mục tiêu", "Tên KPI", "Cấp độ", "ID",
                                                "Nhóm", "Thời hạn", "Chiều", "Cơ sở", "Đơn vị", "Nguồn"}
                       : std::vector<grid_cell>{"kpi cha", "MUC TIEU", "ten kpi", "Cap do", "id",
                                                "nhom", "thoi han", "chieu", "co so", "don vi", "nguon"},
            {"", "15%", "Tăng trưởng doanh thu", diacritics ? "Chiến lược" : "chien luoc", "S1", "",
             "31/12/2026", "Cao hơn tốt hơn", "10%", "%", "=KPI.REVGROWTH(B2;C2)"},
            {"S1", "80.000", "Chi phí mỗi lead Facebook", diacritics ? "Chiến thuật" : "CHIEN THUAT",
             "T1", "Thu hút & chi phí", "Q4/2026", "Thấp hơn tốt hơn", "100.000", "VND", "=KPI.CPL(B2;C2)"},
        };
        auto result = kpi::parse_register(kpi::grid::from_rows(rows));
        ASSERT_TRUE(result.ok());
        const auto& reg = result.value();
        ASSERT_EQ(reg.size(), 2u);
        EXPECT_EQ(reg[0].level, kpi_level::strategic);
        EXPECT_EQ(reg[1].level, kpi_level::tactical);
        EXPECT_EQ(reg[1].parent, "S1");
        EXPECT_EQ(reg[1].group, kpi_group::acquisition_cost);
        EXPECT_EQ(reg[1].direction, kpi_direction::lower_is_better);
        EXPECT_DOUBLE_EQ(reg[0].target.value.value(), 0.15);
        EXPECT_EQ(reg[1].target.value, 80000.0);    // "80.000": Vietnamese thousands dot
        EXPECT_EQ(reg[1].baseline.value, 100000.0); // "100.000"
        EXPECT_EQ(reg[0].deadline.value->last, 46387);
        EXPECT_EQ(reg[1].deadline.value->kind, kpi::period_kind::quarter);
        EXPECT_EQ(reg.column_index(column::id), 4u);
        EXPECT_EQ(reg.column_index(column::owner), std::nullopt);
        EXPECT_EQ(reg.text(0, column::owner), "");
    }
}

TEST(RegisterParse, MissingRequiredColumnsIsATypedError) {
    auto r = kpi::parse_register(kpi::grid{{"ID", "Name", "Target"}, {"S1", "x", 1}});
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, kpi::register_error::kind::missing_columns);
    EXPECT_EQ(r.error().missing, (std::vector<column>{column::level, column::parent}));
    EXPECT_EQ(kpi::describe(r.error(), "en"),
              "No KPI register found: the header has no column Level, Parent.");
    EXPECT_EQ(kpi::describe(r.error(), "vi"), "Không tìm thấy bảng KPI: thiếu cột Cấp độ, KPI cha.");

    auto e = kpi::parse_register(kpi::grid{});
    ASSERT_FALSE(e.ok());
    EXPECT_EQ(e.error().code, kpi::register_error::kind::empty);
    EXPECT_EQ(kpi::to_string(e.error().code), "empty");

    auto n = kpi::parse_register(kpi::grid{{1, 2, 3}});
    ASSERT_FALSE(n.ok());
    EXPECT_EQ(n.error().missing.size(), 3u);
}

TEST(RegisterParse, HeaderScanSkipsATitleRow) {
    kpi::grid g{{"KPI register 2026"}, {"ID", "Level", "Parent"}, {"S1", "Strategic", ""}};
    EXPECT_FALSE(kpi::parse_register(g).ok()); // default: the first row is the header
    auto r = kpi::parse_register(g, {.header_scan_rows = 5});
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r.value().header_row(), 1u);
    EXPECT_EQ(r.value().size(), 1u);
    EXPECT_EQ(r.value()[0].grid_row, 2u);
}

TEST(RegisterParse, BlankRowsSkippedRowsWithoutIdListed) {
    kpi::grid g{{"ID", "Level", "Parent", "Name"},
                {"S1", "Strategic", "", "Revenue"},
                {"", "", "", ""},
                {" ", "", "", ""},
                {"", "Tactical", "S1", "Orphan data"},
                {1, "Tactical", "S1", "numeric id"},
                {"T2", "Tactical", 1, "numeric parent"}};
    auto r = kpi::parse_register(g);
    ASSERT_TRUE(r.ok());
    const auto& reg = r.value();
    ASSERT_EQ(reg.size(), 3u);
    EXPECT_EQ(reg[1].id, "1");
    EXPECT_EQ(reg[2].parent_key, "1");
    ASSERT_EQ(reg.rows_without_id().size(), 1u);
    EXPECT_EQ(reg.rows_without_id()[0], 4u);
}

TEST(RegisterParse, IdsMatchCaseAndSpaceInsensitively) {
    kpi::grid g{{"ID", "Level", "Parent"}, {" Đ-1 ", "Strategic", ""}, {"t1", "Tactical", "đ-1"}};
    auto r = kpi::parse_register(g);
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r.value()[0].id, "Đ-1");
    EXPECT_EQ(r.value()[0].id_key, r.value()[1].parent_key);
}

TEST(RegisterParse, NumbersInWordColumnsAndBadValues) {
    kpi::grid g{{"ID", "Level", "Parent", "Group", "Target", "Baseline", "Deadline"},
                {"T1", 3, "", 7, "lots", std::numeric_limits<double>::infinity(), "soon"}};
    auto r = kpi::parse_register(g);
    ASSERT_TRUE(r.ok());
    const auto& row = r.value()[0];
    EXPECT_EQ(row.level, kpi_level::unrecognised);
    EXPECT_EQ(row.group, kpi_group::unrecognised);
    EXPECT_TRUE(row.target.present);
    EXPECT_FALSE(row.target.value);
    EXPECT_TRUE(row.baseline.present);
    EXPECT_FALSE(row.baseline.value);
    EXPECT_TRUE(row.deadline.present);
    EXPECT_FALSE(row.deadline.value);
}

TEST(RegisterParse, CopiesStayValid) {
    auto reg = kpi_test::make_register({kpi_test::strategic("S1")});
    kpi::kpi_register copy = reg;
    reg = kpi_test::make_register({kpi_test::strategic("X9")});
    EXPECT_EQ(copy.text(0, column::name), "Revenue growth 2026");
    EXPECT_EQ(copy[0].id, "S1");
}

TEST(RegisterParse, FormulaCellsAreMarkedOnTheirFields) {
    // Columns in another order than the helper's: the flag follows the header, not a position.
    auto g = kpi::grid{{"Actual", "ID", "Level", "Parent", "Target"},
                       {2.0, "S1", "Strategic", grid_cell{}, 0.2},
                       {2.0, "S2", "Strategic", grid_cell{}, 0.2},
                       {grid_cell{}, "S3", "Strategic", grid_cell{}, 0.2}};
    EXPECT_FALSE(g.is_formula(1, 0));
    g.set_formula(1, 0);    // S1's Actual: =1+1
    g.set_formula(3, 0);    // S3's Actual: a formula showing nothing
    g.set_formula(2, 4);    // S2's Target
    g.set_formula(2, 4, false);
    EXPECT_TRUE(g.is_formula(1, 0));
    EXPECT_FALSE(g.is_formula(2, 0));
    EXPECT_FALSE(g.is_formula(2, 4));
    const auto parsed = kpi::parse_register(std::move(g));
    ASSERT_TRUE(parsed.ok());
    const auto& reg = parsed.value();
    ASSERT_EQ(reg.size(), 3u);
    EXPECT_TRUE(reg[0].actual.formula);
    EXPECT_TRUE(reg[0].actual.present);
    EXPECT_EQ(reg[0].actual.value, 2.0);
    EXPECT_FALSE(reg[1].actual.formula);
    EXPECT_FALSE(reg[1].target.formula);
    EXPECT_TRUE(reg[2].actual.formula);
    EXPECT_FALSE(reg[2].actual.present);
    EXPECT_FALSE(reg[0].target.formula);
    // A grid without flags (a cell function's range argument) has none.
    const auto plain = kpi_test::make_register({kpi_test::strategic("S1")});
    EXPECT_FALSE(plain[0].actual.formula);
    EXPECT_FALSE(plain.source_grid().is_formula(1, 11));
}
