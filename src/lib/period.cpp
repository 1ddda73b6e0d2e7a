#include "kpi/period.hpp"

#include "kpi/text_fold.hpp"

#include <array>
#include <cmath>
#include <cstdio>
#include <vector>

namespace kpi {
namespace {

// Days from 1970-01-01 to y-m-d in the proleptic Gregorian calendar (H. Hinnant's algorithm).
constexpr std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) noexcept {
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const auto yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

// Calc's day 0 is 1899-12-30.
constexpr std::int64_t calc_epoch = days_from_civil(1899, 12, 30);
constexpr int min_year = 1900;
constexpr int max_year = 9999;

constexpr bool is_leap(int y) noexcept { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

constexpr int days_in_month(int y, int m) noexcept {
    constexpr std::array<int, 12> days{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && is_leap(y) ? 29 : days[static_cast<std::size_t>(m - 1)];
}

std::optional<period> make_day(int y, int m, int d) noexcept {
    const auto s = to_serial({y, m, d});
    if (!s) return std::nullopt;
    return period{period_kind::day, *s, *s};
}

std::optional<period> make_month(int y, int m) noexcept {
    if (m < 1 || m > 12) return std::nullopt;
    const auto first = to_serial({y, m, 1});
    const auto last = to_serial({y, m, days_in_month(y, m)});
    if (!first || !last) return std::nullopt;
    return period{period_kind::month, *first, *last};
}

std::optional<period> make_quarter(int y, int q) noexcept {
    if (q < 1 || q > 4) return std::nullopt;
    const auto first = make_month(y, q * 3 - 2);
    const auto last = make_month(y, q * 3);
    if (!first || !last) return std::nullopt;
    return period{period_kind::quarter, first->first, last->last};
}

std::optional<period> make_year(int y) noexcept {
    const auto first = to_serial({y, 1, 1});
    const auto last = to_serial({y, 12, 31});
    if (!first || !last) return std::nullopt;
    return period{period_kind::year, *first, *last};
}

// A period text as tokens: digit runs, the quarter marker (q / quý), the words tháng (month)
// and năm (year). Separators (- / . , space) only separate.
struct token {
    enum kind_t { number, quarter, month_word, year_word } kind;
    int value = 0;       // number
    std::size_t digits = 0; // number
};

struct token_list {
    std::array<token, 5> items{};
    std::size_t count = 0;
    [[nodiscard]] std::size_t size() const noexcept { return count; }
    [[nodiscard]] bool empty() const noexcept { return count == 0; }
    const token& operator[](std::size_t i) const noexcept { return items[i]; }
    void push_back(token t) noexcept { items[count++] = t; }
};

bool tokenize(std::string_view folded, token_list& out) {
    std::size_t i = 0;
    while (i < folded.size()) {
        const char c = folded[i];
        if (c >= '0' && c <= '9') {
            std::size_t j = i;
            int v = 0;
            while (j < folded.size() && folded[j] >= '0' && folded[j] <= '9') {
                if (j - i >= 4) return false; // never more than four digits
                v = v * 10 + (folded[j] - '0');
                ++j;
            }
            if (out.size() == 5) return false;
            out.push_back({token::number, v, j - i});
            i = j;
        } else if (c == '-' || c == '/' || c == '.' || c == ',' || c == ' ') {
            ++i;
        } else if (c >= 'a' && c <= 'z') {
            std::size_t j = i;
            while (j < folded.size() && folded[j] >= 'a' && folded[j] <= 'z') ++j;
            const std::string_view word = folded.substr(i, j - i);
            if (out.size() == 5) return false;
            if (word == "q" || word == "quy" || word == "quarter") {
                out.push_back({token::quarter});
            } else if (word == "thang" || word == "month") {
                out.push_back({token::month_word});
            } else if (word == "nam" || word == "year") {
                out.push_back({token::year_word});
            } else {
                return false;
            }
            i = j;
        } else {
            return false;
        }
        if (out.size() > 4) return false;
    }
    return true;
}

bool is_year(const token& t) noexcept { return t.kind == token::number && t.digits == 4; }
bool is_small(const token& t) noexcept {
    return t.kind == token::number && t.digits >= 1 && t.digits <= 2;
}

} // namespace

std::optional<day_serial> to_serial(civil_date d) noexcept {
    if (d.year < min_year || d.year > max_year || d.month < 1 || d.month > 12 || d.day < 1 ||
        d.day > days_in_month(d.year, d.month))
        return std::nullopt;
    return static_cast<day_serial>(
        days_from_civil(d.year, static_cast<unsigned>(d.month), static_cast<unsigned>(d.day)) -
        calc_epoch);
}

civil_date to_civil(day_serial serial) noexcept {
    // H. Hinnant's civil_from_days.
    const std::int64_t z = static_cast<std::int64_t>(serial) + calc_epoch + 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const auto doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t y = static_cast<std::int64_t>(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    return {static_cast<int>(y + (m <= 2)), static_cast<int>(m), static_cast<int>(d)};
}

std::optional<period> parse_period(std::string_view text) {
    if (text.size() > 64) return std::nullopt;
    thread_local std::string folded;
    fold_into(text, folded, false);
    // Separators separate: none may lead or trail ("2026-" is not a year).
    const auto is_sep = [](char c) { return c == '-' || c == '/' || c == '.' || c == ','; };
    if (folded.empty() || is_sep(folded.front()) || is_sep(folded.back())) return std::nullopt;
    token_list t;
    if (!tokenize(folded, t) || t.empty()) return std::nullopt;

    // Optional leading word: tháng (a month must follow), năm (a year must follow).
    if (t[0].kind == token::month_word) {
        if (t.size() == 3 && is_small(t[1]) && is_year(t[2])) return make_month(t[2].value, t[1].value);
        return std::nullopt;
    }
    if (t[0].kind == token::year_word) {
        if (t.size() == 2 && is_year(t[1])) return make_year(t[1].value);
        return std::nullopt;
    }
    switch (t.size()) {
    case 1:
        if (is_year(t[0])) return make_year(t[0].value);
        break;
    case 2:
        if (is_year(t[0]) && is_small(t[1])) return make_month(t[0].value, t[1].value);
        if (is_small(t[0]) && is_year(t[1])) return make_month(t[1].value, t[0].value);
        break;
    case 3:
        if (t[0].kind == token::quarter && is_small(t[1]) && is_year(t[2]))
            return make_quarter(t[2].value, t[1].value);
        if (is_year(t[0]) && t[1].kind == token::quarter && is_small(t[2]))
            return make_quarter(t[0].value, t[2].value);
        if (is_year(t[0]) && is_small(t[1]) && is_small(t[2]))
            return make_day(t[0].value, t[1].value, t[2].value);
        if (is_small(t[0]) && is_small(t[1]) && is_year(t[2]))
            return make_day(t[2].value, t[1].value, t[0].value);
        break;
    default:
        break;
    }
    return std::nullopt;
}

std::optional<period> period_from_number(double value) noexcept {
    if (!std::isfinite(value)) return std::nullopt;
    if (value >= 1900 && value <= 2200 && value == std::floor(value))
        return make_year(static_cast<int>(value));
    if (value < 2 || value >= 2958466) return std::nullopt; // 1900-01-01 .. 9999-12-31
    const auto s = static_cast<day_serial>(std::floor(value));
    return period{period_kind::day, s, s};
}

std::string format_iso(day_serial serial) {
    const civil_date d = to_civil(serial);
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
    return buf;
}

std::string to_string(const period& p) {
    const civil_date d = to_civil(p.first);
    char buf[32];
    switch (p.kind) {
    case period_kind::day:
        return format_iso(p.first);
    case period_kind::month:
        std::snprintf(buf, sizeof buf, "%04d-%02d", d.year, d.month);
        return buf;
    case period_kind::quarter:
        std::snprintf(buf, sizeof buf, "%04d-Q%d", d.year, (d.month - 1) / 3 + 1);
        return buf;
    case period_kind::year:
        std::snprintf(buf, sizeof buf, "%04d", d.year);
        return buf;
    }
    return {};
}

} // namespace kpi
