#include "kpi/import.hpp"

#include "kpi/import_csv.hpp"
#include "kpi/text_fold.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <functional>
#include <map>
#include <stdexcept>
#include <set>
#include <utility>

namespace kpi {
namespace {

bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }

bool iequals_ascii(std::string_view a, std::string_view b) noexcept {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        char x = a[i], y = b[i];
        if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
        if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
        if (x != y) return false;
    }
    return true;
}

// Currency markers, longest first so "US$" wins over "$" and "VNĐ" over "Đ".
struct currency_marker {
    std::string_view text;
    std::string_view code;
    bool word; // letters: must not touch other letters
};
constexpr std::array<currency_marker, 12> currency_markers{{
    {"US$", "USD", false}, {"VNĐ", "VND", true}, {"VND", "VND", true}, {"USD", "USD", true},
    {"EUR", "EUR", true}, {"\xE2\x82\xAB", "VND", false}, {"\xC4\x91", "VND", true}, {"\xC4\x90", "VND", true},
    {"$", "USD", false}, {"\xE2\x82\xAC", "EUR", false}, {"vnđ", "VND", true}, {"vnd", "VND", true},
}};

bool is_ascii_letter(char c) noexcept { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Removes currency markers from t, returning the (single) code found; "?" when two different ones.
std::string strip_currency(std::string& t) {
    // Most cells are plain numbers: no letter, no '$', nothing beyond ASCII, so no marker to look for.
    if (std::none_of(t.begin(), t.end(), [](char c) { return is_ascii_letter(c) || c == '$' || static_cast<unsigned char>(c) >= 0x80; }))
        return "";
    std::string found;
    for (const auto& m : currency_markers) {
        for (std::size_t p = 0; p + m.text.size() <= t.size();) {
            const bool hit = m.word ? iequals_ascii(std::string_view(t).substr(p, m.text.size()), m.text) ||
                                          std::string_view(t).substr(p, m.text.size()) == m.text
                                    : std::string_view(t).substr(p, m.text.size()) == m.text;
            if (!hit) {
                ++p;
                continue;
            }
            if (m.word) {
                const bool before_ok = p == 0 || !is_ascii_letter(t[p - 1]);
                const bool after_ok = p + m.text.size() >= t.size() || !is_ascii_letter(t[p + m.text.size()]);
                if (!before_ok || !after_ok) {
                    ++p;
                    continue;
                }
            }
            if (!found.empty() && found != m.code) return "?";
            found = std::string(m.code);
            t.erase(p, m.text.size());
        }
    }
    return found;
}

// Digits with `group` separators (or spaces) every three digits: "1.234.567". Writes the digits.
bool ungroup(std::string_view s, char group, std::string& out) {
    if (s.empty()) return false;
    std::size_t digits_in_group = 0;
    bool first_group = true;
    for (char c : s) {
        if (is_digit(c)) {
            out += c;
            ++digits_in_group;
        } else if (c == group || c == ' ') {
            if (digits_in_group == 0 || (first_group ? digits_in_group > 3 : digits_in_group != 3)) return false;
            first_group = false;
            digits_in_group = 0;
        } else {
            return false;
        }
    }
    return first_group || digits_in_group == 3;
}

std::optional<double> to_double(std::string_view canonical) {
    double v = 0;
    const auto* end = canonical.data() + canonical.size();
    const auto r = std::from_chars(canonical.data(), end, v);
    if (r.ec != std::errc() || r.ptr != end || !std::isfinite(v)) return std::nullopt;
    return v;
}

constexpr std::array<std::string_view, 12> month_short{"jan", "feb", "mar", "apr", "may", "jun",
                                                       "jul", "aug", "sep", "oct", "nov", "dec"};

int month_of_word(std::string_view w) {
    if (w.size() < 3) return 0;
    for (std::size_t i = 0; i < month_short.size(); ++i)
        if (w.substr(0, 3) == month_short[i]) {
            static constexpr std::array<std::string_view, 12> full{"january", "february", "march", "april", "may", "june",
                                                                   "july", "august", "september", "october", "november", "december"};
            if (w.size() == 3 || full[i] == w || (w.size() == 4 && w == "sept")) return static_cast<int>(i) + 1;
        }
    return 0;
}

std::optional<date_span> day_span(int y, int m, int d) {
    const auto s = to_serial(civil_date{y, m, d});
    if (!s) return std::nullopt;
    return date_span{*s, *s};
}

int to_int(std::string_view digits) {
    int v = 0;
    for (char c : digits) v = v * 10 + (c - '0');
    return v;
}

// The ISO week `week` of `year` (weeks start on Monday; week 1 holds January 4th).
std::optional<date_span> iso_week_span(int year, int week) {
    const auto jan4 = to_serial(civil_date{year, 1, 4});
    if (!jan4 || week < 1 || week > 53) return std::nullopt;
    const int weekday = ((*jan4 - 2) % 7 + 7) % 7; // serial 2 (1900-01-01) was a Monday: 0 = Monday
    const day_serial first = *jan4 - weekday + (week - 1) * 7;
    if (week == 53) {
        // Only years whose ISO year has 53 weeks: the Monday after week 52 still has its Thursday in `year`.
        if (to_civil(first + 3).year != year) return std::nullopt;
    }
    return date_span{first, first + 6};
}

std::optional<date_span> parse_single_date(std::string_view raw, date_order order) {
    std::string_view t = trim(raw);
    if (t.empty()) return std::nullopt;
    // Google Ads week segments: "Week of Oct 26, 2026" (the week's first day).
    for (const std::string_view prefix : {std::string_view("Week of "), std::string_view("week of "),
                                          std::string_view("Tu\xe1\xba\xa7n c\xe1\xbb\xa7""a ")})
        if (t.substr(0, prefix.size()) == prefix) {
            const auto d = parse_single_date(t.substr(prefix.size()), order);
            if (!d || d->first != d->last) return std::nullopt;
            return date_span{d->first, d->first + 6};
        }
    // A time after the date ("2026-01-15 00:00:00", "2026-01-15T00:00").
    if (const auto p = t.find_first_of(" T"); p != std::string_view::npos && p >= 8 && p + 3 < t.size() &&
                                              is_digit(t[p + 1]) && t.find(':', p) != std::string_view::npos)
        t = t.substr(0, p);
    // ISO week "2026-W43" / "2026W43": Monday to Sunday.
    if (const auto w = t.find_first_of("Ww"); w == 4 || (w == 5 && t[4] == '-')) {
        const auto year = t.substr(0, 4), week = t.substr(w + 1);
        if (std::all_of(year.begin(), year.end(), is_digit) && !week.empty() && week.size() <= 2 &&
            std::all_of(week.begin(), week.end(), is_digit))
            return iso_week_span(to_int(year), to_int(week));
    }
    // GA4 "Year month": YYYYMM.
    if (t.size() == 6 && std::all_of(t.begin(), t.end(), is_digit)) {
        const int y = to_int(t.substr(0, 4)), m = to_int(t.substr(4, 2));
        if (m < 1 || m > 12) return std::nullopt;
        const auto a = to_serial(civil_date{y, m, 1});
        const auto b = to_serial(civil_date{y + (m == 12), m % 12 + 1, 1});
        if (!a || !b) return std::nullopt;
        return date_span{*a, *b - 1};
    }
    // GA4: YYYYMMDD.
    if (t.size() == 8 && std::all_of(t.begin(), t.end(), is_digit))
        return day_span(to_int(t.substr(0, 4)), to_int(t.substr(4, 2)), to_int(t.substr(6, 2)));
    // n/n/yyyy in either order (n-n-yyyy, n.n.yyyy).
    {
        std::array<std::string_view, 3> parts{};
        std::size_t count = 0, start = 0;
        bool ok = true;
        for (std::size_t i = 0; i <= t.size() && ok; ++i) {
            if (i == t.size() || t[i] == '/' || t[i] == '-' || t[i] == '.') {
                if (count == 3) ok = false;
                else parts[count++] = t.substr(start, i - start);
                start = i + 1;
            } else if (!is_digit(t[i])) {
                ok = false;
            }
        }
        if (ok && count == 3 && parts[2].size() == 4 && !parts[0].empty() && parts[0].size() <= 2 && !parts[1].empty() &&
            parts[1].size() <= 2) {
            int a = to_int(parts[0]), b = to_int(parts[1]);
            const int y = to_int(parts[2]);
            bool day_first = order == date_order::day_first;
            if (day_first && b > 12 && a <= 12) day_first = false;
            if (!day_first && a > 12 && b <= 12) day_first = true;
            return day_first ? day_span(y, b, a) : day_span(y, a, b);
        }
    }
    // Month names: "Jan 15, 2026", "15 January 2026", "15 thg 1, 2026", "Tháng 1 15, 2026".
    {
        const std::string key = fold_key(t);
        std::vector<std::string_view> tokens;
        std::string_view k = key;
        while (!k.empty()) {
            const auto sp = k.find(' ');
            tokens.push_back(k.substr(0, sp));
            k = sp == std::string_view::npos ? std::string_view{} : k.substr(sp + 1);
        }
        int month = 0;
        std::vector<int> numbers;
        std::vector<std::size_t> number_len;
        bool ok = true;
        for (std::size_t i = 0; i < tokens.size() && ok; ++i) {
            const auto tok = tokens[i];
            if (std::all_of(tok.begin(), tok.end(), is_digit)) {
                if (tok.size() > 4) ok = false;
                numbers.push_back(to_int(tok));
                number_len.push_back(tok.size());
            } else if ((tok == "thg" || tok == "thang") && i + 1 < tokens.size() &&
                       std::all_of(tokens[i + 1].begin(), tokens[i + 1].end(), is_digit) && tokens[i + 1].size() <= 2) {
                if (month) ok = false;
                month = to_int(tokens[++i]);
            } else if (const int m = month_of_word(tok); m && !month) {
                month = m;
            } else if (tok == "ngay") {
                // "ngày 15 tháng 1 năm 2026"
            } else if (tok == "nam") {
            } else {
                ok = false;
            }
        }
        // "October 2026", "Oct 2026", "tháng 10 năm 2026", "Tháng 10/2026": the whole month.
        if (ok && month && numbers.size() == 1 && number_len[0] == 4) {
            const auto a = to_serial(civil_date{numbers[0], month, 1});
            const auto b = to_serial(civil_date{numbers[0] + (month == 12), month % 12 + 1, 1});
            if (a && b) return date_span{*a, *b - 1};
        }
        if (ok && month && numbers.size() == 2) {
            const int year_index = number_len[0] == 4 ? 0 : (number_len[1] == 4 ? 1 : -1);
            if (year_index >= 0) {
                const int day = numbers[static_cast<std::size_t>(1 - year_index)];
                return day_span(numbers[static_cast<std::size_t>(year_index)], month, day);
            }
        }
    }
    if (const auto p = parse_period(t)) return date_span{p->first, p->last};
    return std::nullopt;
}

} // namespace

// ---- numbers ----------------------------------------------------------------------------------

bool is_empty_amount(std::string_view text) noexcept {
    const auto t = trim(text);
    return t.empty() || t == "-" || t == "--" || t == "\xE2\x80\x94" || t == "\xE2\x80\x93" || t == "N/A" ||
           t == "n/a" || t == "(not set)";
}

std::string currency_code(std::string_view text) {
    std::string t(trim(text));
    if (t.size() == 3 && std::all_of(t.begin(), t.end(), is_ascii_letter)) {
        for (auto& c : t) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
        return t;
    }
    auto code = strip_currency(t);
    return code == "?" ? "" : code;
}

namespace {

// Currency symbols as Calc's locales write them, matched exactly (a [$...] bracket or a quoted literal).
struct symbol_code {
    std::string_view symbol;
    std::string_view code;
};
constexpr std::array<symbol_code, 22> exact_symbols{{
    {"\xE2\x82\xAB", "VND"}, {"\xC4\x91", "VND"}, {"\xC4\x90", "VND"}, {"VN\xC4\x90", "VND"}, {"vn\xC4\x91", "VND"},
    {"$", "USD"}, {"US$", "USD"}, {"\xE2\x82\xAC", "EUR"}, {"\xC2\xA3", "GBP"}, {"\xC2\xA5", "JPY"},
    {"\xEF\xBF\xA5", "CNY"}, {"\xE2\x82\xA9", "KRW"}, {"\xE0\xB8\xBF", "THB"}, {"R$", "BRL"}, {"S$", "SGD"},
    {"A$", "AUD"}, {"C$", "CAD"}, {"HK$", "HKD"}, {"NT$", "TWD"}, {"Rp", "IDR"}, {"RM", "MYR"}, {"\xE2\x82\xB1", "PHP"},
}};

// Dollars by the locale of a [$$-LCID] bracket (hexadecimal LCID as Calc writes it).
std::string_view dollar_of_lcid(std::string_view lcid) {
    static constexpr std::array<symbol_code, 8> dollars{{
        {"409", "USD"}, {"C09", "AUD"}, {"1009", "CAD"}, {"1409", "NZD"}, {"4809", "SGD"}, {"3C09", "HKD"},
        {"80A", "MXN"}, {"2C0A", "ARS"},
    }};
    for (const auto& d : dollars)
        if (iequals_ascii(d.symbol, lcid)) return d.code;
    return "USD";
}

bool is_iso_code(std::string_view t) {
    return t.size() == 3 && std::all_of(t.begin(), t.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

// A currency symbol or ISO code as written in a format ("₫", "€", "USD", "vnđ"); "" when the text is not one.
std::string symbol_currency(std::string_view raw, std::string_view lcid = {}) {
    const auto t = trim(raw);
    if (t.empty()) return "";
    if (is_iso_code(t)) return std::string(t);
    if (t == "$") return std::string(dollar_of_lcid(lcid));
    for (const auto& e : exact_symbols)
        if (t == e.symbol) return std::string(e.code);
    if (iequals_ascii(t, "vnd")) return "VND";
    return "";
}

std::size_t utf8_length(char lead) noexcept {
    const auto c = static_cast<unsigned char>(lead);
    return c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
}

} // namespace

std::string currency_of_number_format(std::string_view f) {
    std::set<std::string> codes;
    auto add = [&](std::string code) {
        if (!code.empty()) codes.insert(std::move(code));
    };
    for (std::size_t i = 0; i < f.size();) {
        const char c = f[i];
        if (c == '"') {
            const auto end = f.find('"', i + 1);
            const auto literal = f.substr(i + 1, end == std::string_view::npos ? std::string_view::npos : end - i - 1);
            add(symbol_currency(literal));
            i = end == std::string_view::npos ? f.size() : end + 1;
        } else if (c == '\\' && i + 1 < f.size()) {
            const auto len = utf8_length(f[i + 1]);
            if (len > 1 || f[i + 1] == '$') add(symbol_currency(f.substr(i + 1, len)));
            i += 1 + len;
        } else if (c == '[') {
            const auto end = f.find(']', i);
            if (end == std::string_view::npos) break;
            const auto inner = f.substr(i + 1, end - i - 1);
            if (!inner.empty() && inner.front() == '$') {
                // [$SYMBOL-LCID], [$SYMBOL], [$-LCID] (a locale, no symbol)
                const auto body = inner.substr(1);
                const auto dash = body.rfind('-');
                const auto symbol = dash == std::string_view::npos ? body : body.substr(0, dash);
                const auto lcid = dash == std::string_view::npos ? std::string_view{} : body.substr(dash + 1);
                if (!trim(symbol).empty()) {
                    auto code = symbol_currency(symbol, lcid);
                    add(code.empty() ? std::string(trim(symbol)) : code); // an unknown symbol as written
                }
            }
            i = end + 1;
        } else if (c == '$') {
            add("USD");
            ++i;
        } else if (static_cast<unsigned char>(c) >= 0x80) {
            const auto len = utf8_length(c);
            add(symbol_currency(f.substr(i, len)));
            i += len;
        } else {
            ++i;
        }
    }
    return codes.size() == 1 ? *codes.begin() : "";
}

std::optional<amount> parse_amount(std::string_view text, decimal_style style) {
    std::string t(trim(text));
    if (t.empty() || t.size() > 80) return std::nullopt;
    amount out;
    out.currency = strip_currency(t);
    if (out.currency == "?") return std::nullopt;
    // Spaces (and U+00A0) group thousands or surround the symbol: keep them for ungroup, trim the ends.
    std::string s;
    s.reserve(t.size());
    for (std::size_t i = 0; i < t.size(); ++i) {
        if (static_cast<unsigned char>(t[i]) == 0xC2 && i + 1 < t.size() && static_cast<unsigned char>(t[i + 1]) == 0xA0) {
            s += ' ';
            ++i;
        } else if (static_cast<unsigned char>(t[i]) == 0xE2 && i + 2 < t.size() &&
                   static_cast<unsigned char>(t[i + 1]) == 0x80 && static_cast<unsigned char>(t[i + 2]) == 0xAF) {
            s += ' '; // U+202F narrow no-break space
            i += 2;
        } else {
            s += t[i];
        }
    }
    std::string_view v = trim(s);
    bool negative = false;
    if (v.size() >= 2 && v.front() == '(' && v.back() == ')') {
        negative = true;
        v = trim(v.substr(1, v.size() - 2));
    }
    if (!v.empty() && (v.front() == '-' || v.front() == '+')) {
        negative = negative != (v.front() == '-');
        v = trim(v.substr(1));
    }
    bool percent = false;
    if (!v.empty() && v.back() == '%') {
        percent = true;
        v = trim(v.substr(0, v.size() - 1));
    }
    if (v.empty() || (!is_digit(v.front()) && v.front() != '.' && v.front() != ',')) return std::nullopt;
    std::optional<double> value;
    if (style == decimal_style::unknown) {
        value = parse_number(v);
    } else {
        const char decimal = style == decimal_style::dot ? '.' : ',';
        const char group = style == decimal_style::dot ? ',' : '.';
        const auto dp = v.find(decimal);
        if (dp != std::string_view::npos && v.find(decimal, dp + 1) != std::string_view::npos) return std::nullopt;
        const auto int_part = v.substr(0, dp);
        std::string canonical;
        if (int_part.find(group) != std::string_view::npos || int_part.find(' ') != std::string_view::npos) {
            if (!ungroup(int_part, group, canonical)) return std::nullopt;
        } else {
            if (!std::all_of(int_part.begin(), int_part.end(), is_digit)) return std::nullopt;
            canonical.append(int_part.empty() ? std::string_view("0") : int_part);
        }
        if (dp != std::string_view::npos) {
            const auto frac = v.substr(dp + 1);
            if (frac.empty() || !std::all_of(frac.begin(), frac.end(), is_digit)) return std::nullopt;
            canonical += '.';
            canonical.append(frac);
        }
        value = to_double(canonical);
    }
    if (!value) return std::nullopt;
    out.value = (negative ? -*value : *value) / (percent ? 100.0 : 1.0);
    return out;
}

namespace {

// One text's vote for the decimal style (unambiguous texts only).
void vote_decimal(std::string_view text, std::size_t& dot, std::size_t& comma) {
    std::size_t commas = 0, dots = 0, last_sep = std::string_view::npos, digits_after = 0;
    char last = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == ',' || c == '.') {
            (c == ',' ? commas : dots) += 1;
            last = c;
            last_sep = i;
            digits_after = 0;
        } else if (is_digit(c) && last_sep != std::string_view::npos) {
            ++digits_after;
        }
    }
    if (commas && dots) (last == ',' ? comma : dot) += 1;
    else if (commas > 1) dot += 1;
    else if (dots > 1) comma += 1;
    else if ((commas == 1 || dots == 1) && digits_after != 3 && digits_after > 0) (commas ? comma : dot) += 1;
}

decimal_style decimal_of_votes(std::size_t dot, std::size_t comma) {
    if (dot > comma) return decimal_style::dot;
    if (comma > dot) return decimal_style::comma;
    return decimal_style::unknown;
}

} // namespace

decimal_style sniff_decimal_style(const std::vector<std::string_view>& texts) {
    std::size_t dot = 0, comma = 0;
    for (const auto text : texts) vote_decimal(text, dot, comma);
    return decimal_of_votes(dot, comma);
}

// ---- dates ------------------------------------------------------------------------------------

std::optional<date_span> parse_export_date(std::string_view text, date_order order) {
    const auto t = trim(text);
    // A reporting window: "2026-01-01 - 2026-01-31", "Jan 1, 2026 – Jan 31, 2026", "... đến ...".
    for (const std::string_view sep : {std::string_view(" - "), std::string_view(" \xE2\x80\x93 "),
                                       std::string_view(" \xE2\x80\x94 "), std::string_view(" to "),
                                       std::string_view(" \xC4\x91\xE1\xBA\xBFn ")}) {
        if (const auto p = t.find(sep); p != std::string_view::npos) {
            const auto a = parse_single_date(t.substr(0, p), order);
            const auto b = parse_single_date(t.substr(p + sep.size()), order);
            if (!a || !b || b->last < a->first) return std::nullopt;
            return date_span{a->first, b->last};
        }
    }
    return parse_single_date(t, order);
}

std::optional<date_span> parse_export_date(const grid_cell& value, date_order order) {
    if (const auto* d = value.number()) {
        if (!std::isfinite(*d)) return std::nullopt;
        const double v = std::floor(*d);
        if (v == *d && v >= 19000101 && v <= 99991231) {
            const auto n = static_cast<long>(v);
            return day_span(static_cast<int>(n / 10000), static_cast<int>(n / 100 % 100), static_cast<int>(n % 100));
        }
        if (v == *d && v >= 190001 && v <= 999912) // GA4 "Year month" as a number: 202610
            return parse_export_date(std::string_view(std::to_string(static_cast<long>(v))), order);
        if (v < 2 || v > 2958465) return std::nullopt;
        const auto s = static_cast<day_serial>(v);
        return date_span{s, s};
    }
    if (const auto* s = value.string()) return parse_export_date(std::string_view(*s), order);
    return std::nullopt;
}

// ---- recognition ------------------------------------------------------------------------------

namespace {

struct plain_columns {
    std::optional<std::size_t> date, channel, currency;
    std::size_t measures = 0;
    bool vi = false;
};

plain_columns plain_header(const grid& g, std::size_t r) {
    plain_columns p;
    for (std::size_t c = 0; c < g.cols(); ++c) {
        const auto* s = g.at(r, c).string();
        if (!s) continue;
        const auto key = fold_key(*s);
        if (key == "date" || key == "period" || key == "ngay" || key == "ky") {
            if (!p.date) p.date = c;
            p.vi = p.vi || key == "ngay" || key == "ky";
        } else if (key == "channel" || key == "kenh") {
            if (!p.channel) p.channel = c;
            p.vi = p.vi || key == "kenh";
        } else if (key == "currency" || key == "tien te" || key == "don vi tien te") {
            p.currency = c;
        } else if (recognise_measure(*s)) {
            ++p.measures;
        }
    }
    return p;
}

struct signature_match {
    std::size_t matched = 0;
    bool all_required = false;
    bool all_but_date = false;
};

signature_match match_signature(const std::vector<std::string>& folded, const export_signature& sig) {
    signature_match m;
    m.all_required = m.all_but_date = true;
    auto present_in = [&](const column_signature& col) {
        for (const auto& h : folded)
            if (!h.empty() && header_matches(h, col)) return true;
        return false;
    };
    // A required date column is there when any of the signature's date columns is (Day, or a
    // Week / Month / Quarter segment instead).
    bool any_date = false;
    for (const auto& col : sig.columns)
        if ((col.role == column_role::date || col.role == column_role::date_start) && present_in(col)) any_date = true;
    for (const auto& col : sig.columns) {
        const bool present = present_in(col);
        if (present && col.role != column_role::ignored) ++m.matched;
        const bool is_date = col.role == column_role::date || col.role == column_role::date_start;
        if (col.required && !present && !(is_date && any_date)) {
            m.all_required = false;
            if (col.role != column_role::date && col.role != column_role::date_start) m.all_but_date = false;
        }
    }
    return m;
}

std::vector<std::string> folded_row(const grid& g, std::size_t r) {
    std::vector<std::string> out(g.cols());
    for (std::size_t c = 0; c < g.cols(); ++c)
        if (const auto* s = g.at(r, c).string()) out[c] = fold_key(*s);
    return out;
}

} // namespace

std::optional<recognised_export> recognise_export(const grid& g, std::size_t scan_rows) {
    const auto sigs = export_signatures();
    for (std::size_t r = 0; r < std::min(scan_rows, g.rows()); ++r) {
        const auto plain = plain_header(g, r);
        if (plain.date && plain.channel && plain.measures > 0)
            return recognised_export{export_platform::plain, plain.vi ? "vi" : "en", r, nullptr};
        const auto folded = folded_row(g, r);
        const export_signature* best = nullptr;
        std::size_t best_matched = 0;
        for (const auto& sig : sigs) {
            const auto m = match_signature(folded, sig);
            if (m.all_required && m.matched > best_matched) {
                best = &sig;
                best_matched = m.matched;
            }
        }
        if (best) return recognised_export{best->platform, best->language, r, best};
    }
    return std::nullopt;
}

// ---- import -----------------------------------------------------------------------------------

std::string_view to_string(skip_reason r) noexcept {
    switch (r) {
    case skip_reason::total_row: return "total_row";
    case skip_reason::no_date: return "no_date";
    case skip_reason::spans_periods: return "spans_periods";
    case skip_reason::bad_number: return "bad_number";
    case skip_reason::no_channel: return "no_channel";
    case skip_reason::empty_row: return "empty_row";
    case skip_reason::negative_count: return "negative_count";
    }
    return "?";
}

text describe(skip_reason r) noexcept {
    switch (r) {
    case skip_reason::total_row: return {"total rows", "dòng tổng"};
    case skip_reason::no_date: return {"rows without a readable date", "dòng không đọc được ngày"};
    case skip_reason::spans_periods:
        return {"rows whose reporting window spans two periods (export by day or by month)",
                "dòng có khoảng thời gian báo cáo trải qua hai kỳ (hãy xuất theo ngày hoặc theo tháng)"};
    case skip_reason::bad_number: return {"rows with a cell that is not a number", "dòng có ô không phải là số"};
    case skip_reason::no_channel: return {"rows without a known channel", "dòng không có kênh hợp lệ"};
    case skip_reason::empty_row: return {"rows without any figure", "dòng không có số liệu"};
    case skip_reason::negative_count:
        return {"rows with a negative count (impressions, clicks, leads... cannot be below zero: check the export)",
                "dòng có số đếm âm (lượt hiển thị, lượt nhấp, lead... không thể nhỏ hơn 0: hãy kiểm tra tệp xuất)"};
    }
    return {"?", "?"};
}

std::string_view to_string(import_error::kind k) noexcept {
    switch (k) {
    case import_error::kind::empty: return "empty";
    case import_error::kind::encoding: return "encoding";
    case import_error::kind::unrecognised: return "unrecognised";
    case import_error::kind::no_date_column: return "no_date_column";
    case import_error::kind::no_data: return "no_data";
    case import_error::kind::mixed_currency: return "mixed_currency";
    case import_error::kind::spans_periods: return "spans_periods";
    }
    return "?";
}

namespace {

struct column_plan {
    column_role role = column_role::ignored;
    measure m = measure::spend;
    bool used = false;
};

bool is_total_row(const grid& g, std::size_t r, std::string& scratch) {
    for (std::size_t c = 0; c < g.cols(); ++c) {
        const auto* s = g.at(r, c).string();
        if (!s) {
            if (g.at(r, c).number()) return false;
            continue;
        }
        if (trim(*s).empty()) continue;
        fold_into(*s, scratch, true);
        const std::string_view k = scratch;
        auto word = [&](std::string_view w) {
            return k.substr(0, w.size()) == w && (k.size() == w.size() || k[w.size()] == ' ');
        };
        return word("total") || word("totals") || word("tong") || word("tong cong") || word("grand total");
    }
    return false;
}

bool is_organic(std::string_view group, std::string& scratch) {
    fold_into(group, scratch, true);
    return scratch == "organic search" || scratch == "tim kiem tu nhien" || scratch == "tim kiem khong phai tra tien";
}

std::string join(const std::vector<std::string>& items, std::string_view sep) {
    std::string out;
    for (const auto& i : items) {
        if (!out.empty()) out += sep;
        out += i;
    }
    return out;
}

std::string cell_text(const grid_cell& value) {
    if (const auto* s = value.string()) return std::string(trim(*s));
    if (const auto* d = value.number()) {
        char buf[32];
        const auto r = std::to_chars(buf, buf + sizeof buf, *d);
        return std::string(buf, r.ptr);
    }
    return "";
}

// The currency in a money header: "Amount spent (VND)", "Cost (USD)".
std::string header_currency(std::string_view header) {
    const auto open = header.rfind('(');
    const auto close = header.rfind(')');
    if (open == std::string_view::npos || close == std::string_view::npos || close < open) return "";
    const auto inner = trim(header.substr(open + 1, close - open - 1));
    const auto code = currency_code(inner);
    return code;
}

int period_code(day_serial s, period_granularity g) {
    const auto d = to_civil(s);
    return d.year * 100 + (g == period_granularity::quarter ? (d.month - 1) / 3 + 1 : d.month);
}

std::string period_text(int code, period_granularity g) {
    const int year = code / 100, part = code % 100;
    return period_key(year, g == period_granularity::quarter ? (part - 1) * 3 + 1 : part, g);
}

using aggregate_map = std::map<std::pair<std::string, channel>, period_values>;

void add_row(aggregate_map& into, const period_values& row) {
    auto& target = into[{row.period, row.ch}];
    target.period = row.period;
    target.ch = row.ch;
    for (std::size_t m = 0; m < measure_count; ++m)
        if (row.has[m]) {
            target.values[m] += row.values[m];
            target.has.set(m);
        }
}

} // namespace

namespace {

// Rows of an export, read in passes: the first rows as a grid (the header is looked for there) and
// then every row from a given index, one at a time. A grid source hands out its own rows; a CSV source
// parses its text again on each pass and holds one record at a time.
using row_visitor = std::function<bool(const grid& g, std::size_t r, std::size_t line)>;
struct row_source {
    grid head;                       // the first rows (grid sources: unused, see head_grid)
    const grid* head_grid = nullptr; // where the header is looked for
    std::function<void(std::size_t from, const row_visitor&)> rows;
};

// The workbook period and the kind of segment a date column holds, from its header.
enum class segment : std::uint8_t { day, week, month, quarter, year };

bool has_word(std::string_view key, std::string_view w) {
    for (std::size_t p = key.find(w); p != std::string_view::npos; p = key.find(w, p + 1))
        if ((p == 0 || key[p - 1] == ' ') && (p + w.size() == key.size() || key[p + w.size()] == ' ')) return true;
    return false;
}

segment segment_of_header(std::string_view key) {
    if (has_word(key, "week") || has_word(key, "tuan")) return segment::week;
    if (has_word(key, "quarter") || has_word(key, "quy")) return segment::quarter;
    if (has_word(key, "month") || has_word(key, "thang")) return segment::month;
    if (key == "year" || key == "nam") return segment::year;
    return segment::day;
}

// A single day read from a segment column stands for the segment that starts (week) or holds it.
date_span widen(date_span span, segment seg) {
    if (span.first != span.last || seg == segment::day) return span;
    const auto d = to_civil(span.first);
    auto serial = [](int y, int m) { return *to_serial(civil_date{y, m, 1}); };
    switch (seg) {
    case segment::day: return span;
    case segment::week: return {span.first, span.first + 6};
    case segment::month: return {serial(d.year, d.month), serial(d.year + (d.month == 12), d.month % 12 + 1) - 1};
    case segment::quarter: {
        const int q = (d.month - 1) / 3;
        return {serial(d.year, q * 3 + 1), serial(d.year + (q == 3), (q + 1) % 4 * 3 + 1) - 1};
    }
    case segment::year: return {serial(d.year, 1), serial(d.year + 1, 1) - 1};
    }
    return span;
}

bool is_window_text(const grid_cell& cell) {
    const auto* s = cell.string();
    if (!s) return false;
    for (const std::string_view sep : {std::string_view(" - "), std::string_view(" \xE2\x80\x93 "),
                                       std::string_view(" \xE2\x80\x94 "), std::string_view(" to "),
                                       std::string_view(" \xC4\x91\xE1\xBA\xBFn ")})
        if (s->find(sep) != std::string::npos) return true;
    return false;
}

const grid_cell& empty_cell() {
    static const grid_cell e;
    return e;
}

import_result import_rows(const row_source& src, const import_options& options, const std::string& encoding) {
    auto error = [&](import_error::kind k, std::string detail = "") {
        return import_error{k, options.source, std::move(detail), {}, "", "", {}, 0};
    };
    const grid& head = *src.head_grid;
    bool any = false;
    for (std::size_t r = 0; r < head.rows() && !any; ++r)
        for (std::size_t c = 0; c < head.cols() && !any; ++c) any = !head.at(r, c).is_empty();
    if (!any) return error(import_error::kind::empty);

    const auto rec = recognise_export(head);
    if (!rec) {
        // A header we know that lacks only its date column: say so rather than "unrecognised".
        for (std::size_t r = 0; r < std::min<std::size_t>(12, head.rows()); ++r) {
            const auto plain = plain_header(head, r);
            if (plain.channel && plain.measures > 0 && !plain.date) return error(import_error::kind::no_date_column);
            const auto folded = folded_row(head, r);
            for (const auto& sig : export_signatures()) {
                const auto m = match_signature(folded, sig);
                if (!m.all_required && m.all_but_date && m.matched >= 2) return error(import_error::kind::no_date_column);
            }
        }
        std::size_t first = 0;
        while (first < head.rows()) {
            bool row_any = false;
            for (std::size_t c = 0; c < head.cols(); ++c) row_any = row_any || !head.at(first, c).is_empty();
            if (row_any) break;
            ++first;
        }
        std::vector<std::string> seen;
        for (std::size_t c = 0; c < head.cols() && first < head.rows(); ++c)
            if (auto t = cell_text(head.at(first, c)); !t.empty()) seen.push_back(std::move(t));
        auto detail = join(seen, " | ");
        if (detail.size() > 160) detail = detail.substr(0, 157) + "...";
        return error(import_error::kind::unrecognised, detail);
    }

    file_import out;
    auto& sum = out.summary;
    sum.source = options.source;
    sum.platform = rec->platform;
    sum.language = std::string(rec->language);
    sum.encoding = encoding;
    const std::size_t h = rec->header_row;
    const std::size_t width = head.cols();
    auto at = [width](const grid& g, std::size_t r, std::size_t c) -> const grid_cell& {
        return c < width && c < g.cols() ? g.at(r, c) : empty_cell();
    };

    // The plan of each column.
    std::vector<column_plan> plan(width);
    std::optional<std::size_t> date_col, start_col, end_col, channel_col, group_col, position_col;
    segment date_segment = segment::day;
    std::vector<std::size_t> currency_cols;
    std::bitset<measure_count> claimed;
    std::set<std::string> header_currencies;
    std::string key;
    auto take_date = [&](std::size_t c) {
        const auto seg = segment_of_header(key);
        if (!date_col || seg < date_segment) {
            date_col = c;
            date_segment = seg;
        }
    };
    for (std::size_t c = 0; c < width; ++c) {
        const auto* s = head.at(h, c).string();
        if (!s || trim(*s).empty()) continue;
        fold_into(*s, key, true);
        auto& p = plan[c];
        bool known = false;
        if (rec->platform == export_platform::plain) {
            if (key == "date" || key == "period" || key == "ngay" || key == "ky") {
                if (!date_col) date_col = c;
                known = true;
            } else if (key == "channel" || key == "kenh") {
                if (!channel_col) channel_col = c;
                known = true;
            } else if (key == "currency" || key == "tien te" || key == "don vi tien te") {
                currency_cols.push_back(c);
                known = true;
            } else if (const auto m = recognise_measure(*s)) {
                known = true;
                if (!claimed[static_cast<std::size_t>(*m)]) {
                    p = {column_role::measure, *m, true};
                    claimed.set(static_cast<std::size_t>(*m));
                }
            }
        } else {
            for (const auto& col : rec->signature->columns) {
                if (!header_matches(key, col)) continue;
                known = true;
                switch (col.role) {
                case column_role::measure:
                    if (!claimed[static_cast<std::size_t>(col.target)]) {
                        p = {column_role::measure, col.target, true};
                        claimed.set(static_cast<std::size_t>(col.target));
                    }
                    break;
                case column_role::date: take_date(c); break;
                case column_role::date_start: if (!start_col) start_col = c; break;
                case column_role::date_end: if (!end_col) end_col = c; break;
                case column_role::currency: currency_cols.push_back(c); break;
                case column_role::channel_group: if (!group_col) group_col = c; break;
                case column_role::position: if (!position_col) position_col = c; break;
                case column_role::ignored: break;
                }
                break;
            }
        }
        if (!known) sum.unknown_columns.emplace_back(trim(*s));
        if (p.used) {
            sum.imported_columns.emplace_back(trim(*s));
            if (is_money(p.m))
                if (auto code = header_currency(*s); !code.empty()) header_currencies.insert(code);
        }
    }
    if (position_col) sum.imported_columns.emplace_back(trim(*head.at(h, *position_col).string()));
    if (!date_col && !start_col) return error(import_error::kind::no_date_column);
    const auto date_column = date_col ? *date_col : *start_col;
    const bool window_columns = !date_col && end_col; // Meta: each row a reporting window

    // Pass 1: the file's number style and date order, from its measure cells and date cells.
    std::size_t dot_votes = 0, comma_votes = 0;
    bool month_first_seen = false, day_first_seen = false;
    src.rows(h + 1, [&](const grid& g, std::size_t r, std::size_t) {
        for (std::size_t c = 0; c < width; ++c)
            if (plan[c].used || (position_col && c == *position_col))
                if (const auto* s = at(g, r, c).string()) vote_decimal(*s, dot_votes, comma_votes);
        if (const auto* s = at(g, r, date_column).string()) {
            const auto t = trim(*s);
            const auto a = t.find('/');
            const auto b = a == std::string_view::npos ? a : t.find('/', a + 1);
            if (b != std::string_view::npos && a <= 2 && b - a - 1 <= 2) {
                const int x = to_int(t.substr(0, a)), y = to_int(t.substr(a + 1, b - a - 1));
                if (x > 12) day_first_seen = true;
                if (y > 12) month_first_seen = true;
            }
        }
        return true;
    });
    sum.style = decimal_of_votes(dot_votes, comma_votes);
    const date_order order = month_first_seen && !day_first_seen ? date_order::month_first : date_order::day_first;

    // Pass 2: the rows, summed by (period, channel) as they come.
    aggregate_map aggregate;
    period_values row;
    std::string scratch;
    std::set<std::string> currencies, converted;
    std::vector<skipped_row> straddling;
    std::size_t straddling_count = 0;
    auto skip = [&](std::size_t line, skip_reason why, std::string detail) {
        ++sum.rows_skipped;
        ++sum.skipped_by_reason[static_cast<std::size_t>(why)];
        if (sum.skipped.size() < import_summary::max_listed_skips)
            sum.skipped.push_back(skipped_row{line, why, std::move(detail)});
    };
    const channel fixed_channel = rec->signature ? rec->signature->feeds : channel::all_channels;
    const auto sessions_index = static_cast<std::size_t>(measure::sessions);
    const auto organic_index = static_cast<std::size_t>(measure::organic_sessions);
    const auto impressions_index = static_cast<std::size_t>(measure::impressions);
    const auto position_index = static_cast<std::size_t>(measure::position_weighted);
    std::map<int, std::string> period_texts;
    std::set<std::string> row_currencies;
    src.rows(h + 1, [&](const grid& g, std::size_t r, std::size_t line) {
        bool row_any = false;
        for (std::size_t c = 0; c < width && !row_any; ++c) row_any = !at(g, r, c).is_empty();
        if (!row_any) return true;
        ++sum.rows_read;
        if (is_total_row(g, r, scratch)) {
            skip(line, skip_reason::total_row, cell_text(at(g, r, 0)));
            return true;
        }
        const auto& date_cell = at(g, r, date_column);
        auto span = parse_export_date(date_cell, order);
        if (span && end_col) {
            if (const auto end = parse_export_date(at(g, r, *end_col), order)) span->last = std::max(span->last, end->last);
        }
        if (!span) {
            skip(line, skip_reason::no_date, cell_text(date_cell));
            return true;
        }
        *span = widen(*span, date_segment);
        const int p_first = period_code(span->first, options.periods);
        if (period_code(span->last, options.periods) != p_first) {
            std::string detail = format_iso(span->first) + " - " + format_iso(span->last);
            if (window_columns || (date_segment == segment::day && is_window_text(date_cell))) {
                skip(line, skip_reason::spans_periods, std::move(detail)); // a reporting window: listed
            } else {
                ++straddling_count; // a segment (week, month, quarter...) across two periods: refused below
                if (straddling.size() < 5) straddling.push_back(skipped_row{line, skip_reason::spans_periods,
                                                                            cell_text(date_cell) + " = " + detail});
            }
            return true;
        }
        channel ch = fixed_channel;
        if (channel_col) {
            const auto* s = at(g, r, *channel_col).string();
            const auto c = s ? recognise_channel(*s) : std::nullopt;
            if (!c) {
                skip(line, skip_reason::no_channel, cell_text(at(g, r, *channel_col)));
                return true;
            }
            ch = *c;
        }
        row.values.fill(0.0);
        row.has.reset();
        row_currencies = header_currencies;
        for (std::size_t c = 0; c < width; ++c) {
            const bool is_position = position_col && c == *position_col;
            if (!plan[c].used && !is_position) continue;
            const auto& here = at(g, r, c);
            double value = 0.0;
            if (const auto* d = here.number()) {
                value = *d;
            } else if (const auto* s = here.string()) {
                if (is_empty_amount(*s)) continue;
                const auto a = parse_amount(*s, sum.style);
                if (!a) {
                    skip(line, skip_reason::bad_number, cell_text(head.at(h, c)) + ": " + std::string(trim(*s)));
                    return true;
                }
                value = a->value;
                if (!a->currency.empty()) row_currencies.insert(a->currency);
            } else {
                continue;
            }
            // A count cannot be negative: "(1,234)" impressions is a wrong export, not a refund.
            if (value < 0 && (is_position || !is_money(plan[c].m))) {
                skip(line, skip_reason::negative_count, cell_text(head.at(h, c)) + ": " + cell_text(here));
                return true;
            }
            const auto index = is_position ? position_index : static_cast<std::size_t>(plan[c].m);
            row.values[index] = value;
            row.has.set(index);
        }
        if (row.has[position_index]) {
            if (row.has[impressions_index]) row.values[position_index] *= row.values[impressions_index];
            else row.has.reset(position_index);
        }
        if (group_col) {
            row.has.set(organic_index);
            row.values[organic_index] = 0.0;
            if (const auto* s = at(g, r, *group_col).string(); s && row.has[sessions_index] && is_organic(*s, scratch))
                row.values[organic_index] = row.values[sessions_index];
        }
        for (const auto c : currency_cols)
            if (auto code = currency_code(cell_text(at(g, r, c))); !code.empty()) row_currencies.insert(code);
        bool figures = false;
        for (std::size_t m = 0; m < measure_count; ++m) figures = figures || (row.has[m] && m != organic_index);
        if (!figures) {
            skip(line, skip_reason::empty_row, "");
            return true;
        }
        // Money in another currency than the workbook's, with a rate the user gave: converted.
        if (row_currencies.size() == 1 && !options.workbook_currency.empty() &&
            *row_currencies.begin() != options.workbook_currency) {
            if (const auto rate = options.rates.find(*row_currencies.begin()); rate != options.rates.end()) {
                for (std::size_t m = 0; m < measure_count; ++m)
                    if (row.has[m] && is_money(static_cast<measure>(m))) row.values[m] *= rate->second;
                converted.insert(*row_currencies.begin());
                row_currencies.clear();
            }
        }
        currencies.insert(row_currencies.begin(), row_currencies.end());
        auto [it, inserted] = period_texts.try_emplace(p_first);
        if (inserted) it->second = period_text(p_first, options.periods);
        row.period = it->second;
        row.ch = ch;
        add_row(aggregate, row);
        ++sum.rows_imported;
        return true;
    });
    if (straddling_count > 0) {
        auto e = error(import_error::kind::spans_periods);
        e.rows = std::move(straddling);
        e.count = straddling_count;
        e.periods = options.periods == period_granularity::quarter ? "quarter" : "month";
        return e;
    }
    if (currencies.size() > 1 || (!options.workbook_currency.empty() && currencies.size() == 1 &&
                                  *currencies.begin() != options.workbook_currency)) {
        auto e = error(import_error::kind::mixed_currency);
        e.workbook_currency = options.workbook_currency;
        e.currencies.assign(currencies.begin(), currencies.end());
        return e;
    }
    if (currencies.size() == 1) sum.currency = *currencies.begin();
    if (!converted.empty()) {
        sum.converted_from = join(std::vector<std::string>(converted.begin(), converted.end()), ", ");
        sum.rate = options.rates.at(*converted.begin());
        sum.currency = options.workbook_currency;
    }
    if (sum.rows_imported == 0) {
        std::string detail;
        if (!sum.skipped.empty())
            detail = std::string(to_string(sum.skipped.front().reason)) + " (line " + std::to_string(sum.skipped.front().line) +
                     (sum.skipped.front().detail.empty() ? "" : ": ") + sum.skipped.front().detail + ")";
        return error(import_error::kind::no_data, detail);
    }
    out.rows.reserve(aggregate.size());
    for (auto& [k, v] : aggregate) out.rows.push_back(std::move(v));
    return out;
}

import_error encoding_error(const decode_error& e, const import_options& options) {
    return import_error{import_error::kind::encoding,
                        options.source,
                        "line " + std::to_string(e.line) + ", byte " + std::to_string(e.byte_offset + 1) + " (" +
                            std::string(to_string(e.encoding)) + ")",
                        {}, "", "", {}, 0};
}

// The rows of decoded CSV text, parsed record by record on each pass.
import_result import_csv_text(std::string_view text, const import_options& options, const std::string& encoding) {
    const char delim = sniff_delimiter(text);
    row_source src;
    std::vector<std::vector<std::string>> first;
    std::size_t width = 0;
    for_each_csv_record(text, delim, [&](std::vector<std::string>& fields, std::size_t) {
        width = std::max(width, fields.size());
        first.push_back(std::move(fields));
        return first.size() < 12;
    });
    src.head = grid(first.size(), width);
    for (std::size_t r = 0; r < first.size(); ++r)
        for (std::size_t c = 0; c < first[r].size(); ++c)
            if (!first[r][c].empty()) src.head.at(r, c) = grid_cell(std::move(first[r][c]));
    src.head_grid = &src.head;
    src.rows = [text, delim, width](std::size_t from, const row_visitor& visit) {
        grid one(1, width);
        std::size_t index = 0;
        for_each_csv_record(text, delim, [&](std::vector<std::string>& fields, std::size_t line) {
            if (index++ < from) return true;
            for (std::size_t c = 0; c < width; ++c) {
                if (c < fields.size() && !fields[c].empty()) one.at(0, c) = grid_cell(std::move(fields[c]));
                else one.at(0, c) = grid_cell();
            }
            return visit(one, 0, line);
        });
    };
    return import_rows(src, options, encoding);
}

} // namespace

import_result import_bytes(std::string_view bytes, const import_options& options) {
    return import_text_file(std::string(bytes), options);
}

import_result import_text_file(std::string&& bytes, const import_options& options) {
    if (bytes.empty()) return import_error{import_error::kind::empty, options.source, "", {}, "", "", {}, 0};
    auto decoded = decode_text_in_place(std::move(bytes));
    if (!decoded) return encoding_error(decoded.error(), options);
    return import_csv_text(decoded.value().utf8, options, std::string(to_string(decoded.value().encoding)));
}

import_result import_file(const std::filesystem::path& file, const import_options& options) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + file.string());
    in.seekg(0, std::ios::end);
    const auto size = static_cast<std::size_t>(std::max<std::streamoff>(0, in.tellg()));
    in.seekg(0, std::ios::beg);
    std::string bytes(size, '\0');
    if (size > 0 && !in.read(bytes.data(), static_cast<std::streamsize>(size)))
        throw std::runtime_error("cannot read " + file.string());
    return import_text_file(std::move(bytes), options);
}

import_result import_grid(const grid& g, const import_options& options, const std::vector<std::size_t>& lines,
                          std::string encoding) {
    row_source src;
    src.head_grid = &g;
    src.rows = [&g, &lines](std::size_t from, const row_visitor& visit) {
        for (std::size_t r = from; r < g.rows(); ++r)
            if (!visit(g, r, r < lines.size() ? lines[r] : r + 1)) break;
    };
    return import_rows(src, options, encoding);
}

outcome<std::vector<period_values>, import_error> merge_imports(const std::vector<file_import>& files,
                                                                const std::string& workbook_currency) {
    std::set<std::string> currencies;
    if (!workbook_currency.empty()) currencies.insert(workbook_currency);
    for (const auto& f : files)
        if (!f.summary.currency.empty()) currencies.insert(f.summary.currency);
    if (currencies.size() > 1) {
        import_error e{import_error::kind::mixed_currency, "", "", {}, workbook_currency, "", {}, 0};
        e.currencies.assign(currencies.begin(), currencies.end());
        return e;
    }
    aggregate_map all;
    for (const auto& f : files)
        for (const auto& row : f.rows) add_row(all, row);
    std::vector<period_values> rows;
    rows.reserve(all.size());
    for (auto& [k, v] : all) rows.push_back(std::move(v));
    return rows;
}

std::string describe(const import_summary& s, std::string_view language) {
    const bool vi = language.substr(0, 2) == "vi";
    std::string out = s.source.empty() ? std::string() : s.source + ": ";
    out += std::string(platform_title(s.platform).in(language)) + " (" + s.language + ")";
    if (!s.encoding.empty()) out += ", " + s.encoding;
    if (!s.currency.empty()) out += vi ? ", tiền tệ " + s.currency : ", currency " + s.currency;
    if (!s.converted_from.empty()) {
        char rate[32];
        std::snprintf(rate, sizeof rate, "%.10g", s.rate);
        out += vi ? " (quy đổi từ " + s.converted_from + ", 1 " + s.converted_from + " = " + rate + " " + s.currency + ")"
                  : " (converted from " + s.converted_from + ", 1 " + s.converted_from + " = " + rate + " " + s.currency + ")";
    }
    out += vi ? ": đã đọc " + std::to_string(s.rows_read) + " dòng, nhập " + std::to_string(s.rows_imported) +
                    ", bỏ qua " + std::to_string(s.rows_skipped) + "."
              : ": " + std::to_string(s.rows_read) + " rows read, " + std::to_string(s.rows_imported) + " imported, " +
                    std::to_string(s.rows_skipped) + " skipped.";
    for (std::size_t i = 0; i < s.skipped_by_reason.size(); ++i) {
        if (s.skipped_by_reason[i] == 0) continue;
        const auto reason = static_cast<skip_reason>(i);
        out += "\n  " + (vi ? std::string("Bỏ qua ") : std::string("Skipped ")) + std::to_string(s.skipped_by_reason[i]) +
               " " + std::string(describe(reason).in(language));
        std::vector<std::string> examples;
        for (const auto& k : s.skipped)
            if (k.reason == reason && examples.size() < 3)
                examples.push_back((vi ? "dòng " : "line ") + std::to_string(k.line) + (k.detail.empty() ? "" : " \"" + k.detail + "\""));
        if (!examples.empty()) out += " (" + join(examples, ", ") + ")";
        out += ".";
    }
    if (!s.unknown_columns.empty())
        out += (vi ? "\n  Cột không nhập: " : "\n  Columns not imported: ") + join(s.unknown_columns, ", ") + ".";
    return out;
}

std::vector<std::optional<std::size_t>> find_repeated_exports(const std::vector<std::filesystem::path>& files) {
    namespace fs = std::filesystem;
    struct identity {
        fs::path resolved;
        std::uintmax_t size = 0;
        std::uint64_t hash = 0;
        bool readable = false;
    };
    auto identify = [](const fs::path& p) {
        identity id;
        std::error_code ec;
        id.resolved = fs::weakly_canonical(fs::absolute(p, ec), ec);
        if (ec) id.resolved = p;
        std::ifstream in(p, std::ios::binary);
        if (!in) return id;
        std::uint64_t h = 1469598103934665603ull; // FNV-1a
        std::array<char, 1 << 16> buf{};
        while (in) {
            in.read(buf.data(), buf.size());
            const auto n = static_cast<std::size_t>(in.gcount());
            for (std::size_t i = 0; i < n; ++i) h = (h ^ static_cast<unsigned char>(buf[i])) * 1099511628211ull;
            id.size += n;
        }
        id.hash = h;
        id.readable = true;
        return id;
    };
    auto same_bytes = [](const fs::path& a, const fs::path& b) {
        std::ifstream x(a, std::ios::binary), y(b, std::ios::binary);
        std::array<char, 1 << 16> p{}, q{};
        while (x && y) {
            x.read(p.data(), p.size());
            y.read(q.data(), q.size());
            if (x.gcount() != y.gcount() || !std::equal(p.begin(), p.begin() + x.gcount(), q.begin())) return false;
        }
        return !x && !y;
    };
    std::vector<identity> ids;
    std::vector<std::optional<std::size_t>> out(files.size());
    for (std::size_t i = 0; i < files.size(); ++i) {
        ids.push_back(identify(files[i]));
        const auto& me = ids.back();
        for (std::size_t j = 0; j < i && me.readable; ++j) {
            if (out[j] || !ids[j].readable) continue; // compare with first occurrences only
            if (ids[j].resolved == me.resolved ||
                (ids[j].size == me.size && ids[j].hash == me.hash && same_bytes(files[j], files[i]))) {
                out[i] = j;
                break;
            }
        }
    }
    return out;
}

std::string describe_repeat(const std::string& file, const std::string& earlier, bool same_path, std::string_view language) {
    const bool vi = language.substr(0, 2) == "vi";
    if (vi)
        return file + ": " + (same_path ? "đã có trong danh sách (" + earlier + ")" : "cùng nội dung với " + earlier) +
               ": chỉ tính một lần.";
    return file + ": " + (same_path ? "given twice (" + earlier + ")" : "the same content as " + earlier) + ": counted once.";
}

std::optional<std::pair<std::string, double>> parse_rate(std::string_view text) {
    const auto sep = text.find_first_of("=:");
    if (sep == std::string_view::npos) return std::nullopt;
    std::string code(trim(text.substr(0, sep)));
    for (auto& c : code) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
    if (!is_iso_code(code)) return std::nullopt;
    const auto value = parse_amount(text.substr(sep + 1));
    if (!value || !value->currency.empty() || !(value->value > 0)) return std::nullopt;
    return std::make_pair(code, value->value);
}

std::string describe(const import_error& e, std::string_view language) {
    const bool vi = language.substr(0, 2) == "vi";
    const std::string who = e.source.empty() ? std::string() : e.source + ": ";
    switch (e.code) {
    case import_error::kind::empty:
        return who + (vi ? "tệp trống (không có dòng tiêu đề, không có dữ liệu)." : "the file is empty (no header row, no data).");
    case import_error::kind::encoding:
        return who + (vi ? "tệp không phải văn bản UTF-8 hay UTF-16 hợp lệ (" + e.detail +
                               "). Hãy xuất lại dưới dạng CSV UTF-8, hoặc lưu từ Excel dưới dạng \"CSV UTF-8\" hay \"Unicode Text\"."
                         : "the file is not valid UTF-8 or UTF-16 text (" + e.detail +
                               "). Export it again as CSV UTF-8, or save it from Excel as \"CSV UTF-8\" or \"Unicode Text\".");
    case import_error::kind::unrecognised:
        return who + (vi ? "không nhận ra tệp xuất này (tiêu đề: " + e.detail +
                               "). Hỗ trợ: Meta Ads Manager, Google Ads, Google Analytics 4, Search Console, TikTok Ads, "
                               "Zalo OA, hoặc CSV có các cột Ngày, Kênh và tên các chỉ số của trang Dữ liệu."
                         : "not a recognised export (header: " + e.detail +
                               "). Supported: Meta Ads Manager, Google Ads, Google Analytics 4, Search Console, TikTok Ads, "
                               "Zalo OA, or a CSV with the columns Date, Channel and the Data sheet's measure names.");
    case import_error::kind::no_date_column:
        return who + (vi ? "tệp xuất không có cột ngày (Ngày, Bắt đầu báo cáo, Kỳ...). Hãy xuất lại có chia nhỏ theo ngày."
                         : "the export has no date column (Day, Date, Reporting starts, Period...). Export it again with a "
                           "breakdown by day.");
    case import_error::kind::no_data:
        return who + (vi ? "đã nhận ra tiêu đề nhưng không có dòng nào nhập được" : "the header was recognised but no row could be imported") +
               (e.detail.empty() ? "." : " (" + e.detail + ").");
    case import_error::kind::mixed_currency: {
        const std::string example_code = e.currencies.empty() ? std::string("USD") : e.currencies.front();
        const std::string advice =
            e.workbook_currency.empty()
                ? std::string()
                : (vi ? " Hãy xuất lại theo " + e.workbook_currency + ", hoặc cho biết tỷ giá: kpi import ... --rate " +
                            example_code + "=TỶ_GIÁ (1 " + example_code + " = TỶ_GIÁ " + e.workbook_currency + ")."
                      : " Export it again in " + e.workbook_currency + ", or give the rate: kpi import ... --rate " +
                            example_code + "=RATE (1 " + example_code + " = RATE " + e.workbook_currency + ").");
        if (e.currencies.size() > 1)
            return who + (vi ? "dữ liệu có nhiều loại tiền tệ (" + join(e.currencies, ", ") +
                                   "). Hãy nhập từng tài khoản quảng cáo cùng loại tiền với sổ tính" +
                                   (e.workbook_currency.empty() ? "" : " (" + e.workbook_currency + ")") + "."
                             : "the data holds several currencies (" + join(e.currencies, ", ") +
                                   "). Import only accounts in the workbook's currency" +
                                   (e.workbook_currency.empty() ? "" : " (" + e.workbook_currency + ")") + ".") +
                   advice;
        return who + (vi ? "tệp xuất dùng " + join(e.currencies, ", ") + " nhưng sổ tính dùng " + e.workbook_currency + "."
                         : "the export is in " + join(e.currencies, ", ") + " but the workbook is in " + e.workbook_currency + ".") +
               advice;
    }
    case import_error::kind::spans_periods: {
        const bool quarter = e.periods == "quarter";
        std::vector<std::string> listed;
        for (const auto& r : e.rows) listed.push_back((vi ? "dòng " : "line ") + std::to_string(r.line) + ": " + r.detail);
        const std::string rows = join(listed, "; ") + (e.count > e.rows.size() ? "; ..." : "");
        if (vi)
            return who + std::to_string(e.count) + " dòng trải qua hai " + (quarter ? "quý" : "tháng") +
                   " của sổ tính (" + rows + "). Hãy xuất lại, chia theo ngày" +
                   (quarter ? ", theo tháng hoặc theo quý" : " hoặc theo tháng") + ", để mỗi dòng nằm trong một " +
                   (quarter ? "quý" : "tháng") + ".";
        return who + std::to_string(e.count) + (e.count == 1 ? " row spans" : " rows span") + " two " +
               (quarter ? "quarters" : "months") + " of the workbook (" + rows + "). Export it again segmented by day" +
               (quarter ? ", month or quarter" : " or month") + ", so that each row falls within one " +
               (quarter ? "quarter" : "month") + ".";
    }
    }
    return who + std::string(to_string(e.code));
}

} // namespace kpi
