#include "kpi/example.hpp"

#include <charconv>
#include <chrono>
#include <cmath>

namespace kpi {
namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
    while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
    return s;
}

// Splits at top-level separators (not inside braces, parentheses or quotes).
std::vector<std::string_view> split_top(std::string_view s, std::string_view separators) {
    std::vector<std::string_view> parts;
    int depth = 0;
    bool quoted = false;
    std::size_t begin = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (c == '"') quoted = !quoted;
        if (quoted) continue;
        if (c == '(' || c == '{') ++depth;
        else if (c == ')' || c == '}') --depth;
        else if (depth == 0 && separators.find(c) != std::string_view::npos) {
            parts.push_back(trim(s.substr(begin, i - begin)));
            begin = i + 1;
        }
    }
    parts.push_back(trim(s.substr(begin)));
    return parts;
}

std::optional<double> number(std::string_view s) {
    s = trim(s);
    double v = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
    return v;
}

} // namespace

result evaluate_call(const function_info& f, const std::vector<std::vector<cell>>& args, double today) {
    if (args.size() > f.params.size()) return errc::bad_value;
    std::vector<double> numbers;
    cell_list first;
    for (std::size_t i = 0; i < f.params.size(); ++i) {
        const param_info& p = f.params[i];
        const bool omitted = i >= args.size() || args[i].empty();
        if (p.kind == param_kind::range) {
            if (i != 0) return errc::bad_value;
            if (!omitted) first = args[i];
            continue;
        }
        if (omitted) {
            if (p.kind == param_kind::number) return errc::bad_value;
            numbers.push_back(p.kind == param_kind::optional_date ? today : p.default_value);
            continue;
        }
        if (args[i].size() != 1 || !args[i][0]) return errc::bad_value;
        numbers.push_back(*args[i][0]);
    }
    if (f.scalar) return f.scalar(numbers);
    if (f.over_range) return f.over_range(first, numbers);
    return errc::bad_value;
}

double date_serial(int year, unsigned month, unsigned day) noexcept {
    using namespace std::chrono;
    const sys_days d = year_month_day{std::chrono::year{year}, std::chrono::month{month}, std::chrono::day{day}};
    const sys_days null_date = year_month_day{std::chrono::year{1899}, December, std::chrono::day{30}};
    return static_cast<double>((d - null_date).count());
}

std::optional<example_call> parse_example(std::string_view example) {
    const auto arrow = example.find("->");
    if (arrow == std::string_view::npos) return std::nullopt;
    std::string_view call = trim(example.substr(0, arrow));
    if (call.empty() || call.front() != '=') return std::nullopt;
    call.remove_prefix(1);
    const auto open = call.find('(');
    if (open == std::string_view::npos || call.back() != ')') return std::nullopt;
    example_call out;
    out.function = std::string(call.substr(0, open));
    const auto inner = call.substr(open + 1, call.size() - open - 2);
    for (auto part : split_top(inner, ";")) out.args.emplace_back(part);
    out.expected = std::string(trim(example.substr(arrow + 2)));
    return out;
}

std::optional<std::vector<cell>> argument_cells(std::string_view arg) {
    arg = trim(arg);
    if (arg.empty()) return std::vector<cell>{};
    if (arg == "TRUE") return std::vector<cell>{1.0};
    if (arg == "FALSE") return std::vector<cell>{0.0};
    if (arg.front() == '{' && arg.back() == '}') {
        std::vector<cell> out;
        for (auto part : split_top(arg.substr(1, arg.size() - 2), ";|")) {
            const auto v = number(part);
            if (!v) return std::nullopt;
            out.emplace_back(*v);
        }
        return out;
    }
    if (arg.starts_with("DATE(") && arg.back() == ')') {
        const auto parts = split_top(arg.substr(5, arg.size() - 6), ";");
        if (parts.size() != 3) return std::nullopt;
        const auto y = number(parts[0]), m = number(parts[1]), d = number(parts[2]);
        if (!y || !m || !d) return std::nullopt;
        return std::vector<cell>{date_serial(static_cast<int>(*y), static_cast<unsigned>(*m), static_cast<unsigned>(*d))};
    }
    if (const auto v = number(arg)) return std::vector<cell>{*v};
    return std::nullopt;
}

std::optional<expected_number> parse_expected_number(std::string_view text) {
    const auto v = number(text);
    if (!v) return std::nullopt;
    const auto dot = text.find('.');
    const int decimals = dot == std::string_view::npos ? 0 : static_cast<int>(trim(text).size() - dot - 1);
    // Exact-looking values still get a relative tolerance for rounding in floating point.
    const double tolerance = std::max(0.5 * std::pow(10.0, -decimals) * (decimals > 0 ? 1.0 : 0.0),
                                      1e-12 * std::max(1.0, std::fabs(*v)));
    return expected_number{*v, tolerance};
}

} // namespace kpi
