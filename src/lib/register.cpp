#include "kpi/register.hpp"

#include "kpi/text_fold.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <unordered_map>

namespace kpi {

// ---------------------------------------------------------------------------------------------
// cells and grids

bool grid_cell::is_empty() const noexcept {
    if (std::holds_alternative<std::monostate>(v)) return true;
    if (const auto* s = string()) return trim(*s).empty();
    return false;
}

grid::grid(std::initializer_list<std::initializer_list<grid_cell>> rows) {
    rows_ = rows.size();
    for (const auto& r : rows) cols_ = std::max(cols_, r.size());
    cells_.resize(rows_ * cols_);
    std::size_t i = 0;
    for (const auto& r : rows) {
        std::size_t j = 0;
        for (const auto& c : r) cells_[i * cols_ + j++] = c;
        ++i;
    }
}

grid grid::from_rows(const std::vector<std::vector<grid_cell>>& rows) {
    std::size_t cols = 0;
    for (const auto& r : rows) cols = std::max(cols, r.size());
    grid g(rows.size(), cols);
    for (std::size_t i = 0; i < rows.size(); ++i)
        for (std::size_t j = 0; j < rows[i].size(); ++j) g.at(i, j) = rows[i][j];
    return g;
}

// ---------------------------------------------------------------------------------------------
// words

namespace {

struct header_alias {
    std::string_view key; // fold_key form
    column col;
};

constexpr header_alias header_aliases[] = {
    {"id", column::id}, {"ma", column::id}, {"ma kpi", column::id}, {"kpi id", column::id},
    {"id kpi", column::id}, {"kpi code", column::id}, {"code", column::id},
    {"name", column::name}, {"kpi name", column::name}, {"ten kpi", column::name},
    {"ten", column::name}, {"kpi", column::name}, {"ten chi so", column::name},
    {"chi so", column::name}, {"metric", column::name},
    {"level", column::level}, {"cap do", column::level}, {"cap", column::level},
    {"kpi level", column::level}, {"cap do kpi", column::level}, {"cap kpi", column::level},
    {"group", column::group}, {"nhom", column::group}, {"kpi group", column::group},
    {"nhom kpi", column::group},
    {"parent", column::parent}, {"kpi cha", column::parent}, {"parent id", column::parent},
    {"parent kpi", column::parent}, {"cha", column::parent}, {"ma kpi cha", column::parent},
    {"id cha", column::parent}, {"ma cha", column::parent}, {"supports", column::parent},
    {"owner", column::owner}, {"nguoi phu trach", column::owner}, {"phu trach", column::owner},
    {"responsible", column::owner},
    {"unit", column::unit}, {"don vi", column::unit}, {"don vi tinh", column::unit},
    {"dvt", column::unit},
    {"direction", column::direction}, {"chieu", column::direction},
    {"polarity", column::direction}, {"chieu tot", column::direction},
    {"baseline", column::baseline}, {"co so", column::baseline},
    {"gia tri co so", column::baseline}, {"muc co so", column::baseline},
    {"target", column::target}, {"muc tieu", column::target}, {"chi tieu", column::target},
    {"deadline", column::deadline}, {"thoi han", column::deadline}, {"han", column::deadline},
    {"due date", column::deadline}, {"due", column::deadline}, {"han chot", column::deadline},
    {"actual", column::actual}, {"thuc te", column::actual}, {"ket qua", column::actual},
    {"actual result", column::actual}, {"ket qua thuc te", column::actual},
    {"gia tri thuc te", column::actual},
    {"source", column::source}, {"nguon", column::source}, {"formula", column::source},
    {"data source", column::source}, {"nguon du lieu", column::source},
    {"cong thuc", column::source},
};

template <class E>
struct value_alias {
    std::string_view key;
    E value;
};

constexpr value_alias<kpi_level> level_aliases[] = {
    {"strategic", kpi_level::strategic}, {"strategy", kpi_level::strategic},
    {"strategic kpi", kpi_level::strategic}, {"chien luoc", kpi_level::strategic},
    {"kpi chien luoc", kpi_level::strategic},
    {"tactical", kpi_level::tactical}, {"tactic", kpi_level::tactical},
    {"tactical kpi", kpi_level::tactical}, {"chien thuat", kpi_level::tactical},
    {"kpi chien thuat", kpi_level::tactical},
};

constexpr value_alias<kpi_group> group_aliases[] = {
    {"acquisition cost", kpi_group::acquisition_cost},
    {"acquisition and cost", kpi_group::acquisition_cost},
    {"acquisition", kpi_group::acquisition_cost},
    {"thu hut chi phi", kpi_group::acquisition_cost},
    {"thu hut va chi phi", kpi_group::acquisition_cost},
    {"thu hut", kpi_group::acquisition_cost},
    {"digital seo", kpi_group::digital_seo}, {"digital and seo", kpi_group::digital_seo},
    {"digital", kpi_group::digital_seo}, {"kenh so seo", kpi_group::digital_seo},
    {"kenh so va seo", kpi_group::digital_seo}, {"kenh so", kpi_group::digital_seo},
    {"customer value relationship", kpi_group::customer_value},
    {"customer value and relationship", kpi_group::customer_value},
    {"customer value", kpi_group::customer_value},
    {"gia tri quan he khach hang", kpi_group::customer_value},
    {"gia tri va quan he khach hang", kpi_group::customer_value},
    {"gia tri khach hang", kpi_group::customer_value},
};

constexpr value_alias<kpi_direction> direction_aliases[] = {
    {"higher is better", kpi_direction::higher_is_better},
    {"higher", kpi_direction::higher_is_better}, {"up", kpi_direction::higher_is_better},
    {"cao hon tot hon", kpi_direction::higher_is_better},
    {"cao hon", kpi_direction::higher_is_better}, {"tang", kpi_direction::higher_is_better},
    {"lower is better", kpi_direction::lower_is_better},
    {"lower", kpi_direction::lower_is_better}, {"down", kpi_direction::lower_is_better},
    {"thap hon tot hon", kpi_direction::lower_is_better},
    {"thap hon", kpi_direction::lower_is_better}, {"giam", kpi_direction::lower_is_better},
};

template <class E, std::size_t N>
E lookup(std::string_view text, const value_alias<E> (&aliases)[N]) {
    if (trim(text).empty()) return E::missing;
    const std::string key = fold_key(text);
    for (const auto& a : aliases)
        if (a.key == key) return a.value;
    return E::unrecognised;
}

std::optional<column> lookup_header(std::string_view text) {
    const std::string key = fold_key(text);
    for (const auto& a : header_aliases)
        if (a.key == key) return a.col;
    return std::nullopt;
}

std::string format_number(double d) {
    char buf[64];
    if (std::isfinite(d) && d == std::floor(d) && std::fabs(d) < 1e15)
        std::snprintf(buf, sizeof buf, "%.0f", d);
    else
        std::snprintf(buf, sizeof buf, "%.15g", d);
    return buf;
}

std::string display_of(const grid_cell& c) {
    if (const auto* d = c.number()) return format_number(*d);
    if (const auto* s = c.string()) return std::string(trim(*s));
    return {};
}

bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }

// Registers repeat a few values per column (levels, groups, periods): each distinct text is
// recognised once. Keys view the grid's strings, which outlive the cache. Bounded: past `limit`
// distinct texts, values are computed without being remembered.
template <class V>
class value_cache {
public:
    template <class F>
    V get(std::string_view key, F&& compute) {
        if (const auto it = map_.find(key); it != map_.end()) return it->second;
        V v = compute(key);
        if (map_.size() < limit) map_.emplace(key, v);
        return v;
    }

private:
    static constexpr std::size_t limit = 4096;
    std::unordered_map<std::string_view, V> map_;
};

// Validates thousands grouping of an integer part ("1,234,567" with sep ','), writes the digits.
bool ungroup(std::string_view s, char sep, std::string& digits) {
    std::size_t group = 0;
    bool first = true;
    for (const char c : s) {
        if (c == sep) {
            if (group == 0 || (first && group > 3) || (!first && group != 3)) return false;
            first = false;
            group = 0;
        } else if (is_digit(c)) {
            digits += c;
            ++group;
        } else {
            return false;
        }
    }
    return !(first ? group == 0 : group != 3);
}

} // namespace

std::optional<column> recognise_header(std::string_view header) {
    if (auto c = lookup_header(header)) return c;
    // Bilingual headers: "Target / Mục tiêu", "Mục tiêu (Target)".
    std::size_t start = 0;
    for (std::size_t i = 0; i <= header.size(); ++i) {
        if (i == header.size() || header[i] == '/' || header[i] == '(' || header[i] == ')' ||
            header[i] == '|' || header[i] == '\n') {
            if (i > start && (start > 0 || i < header.size()))
                if (auto c = lookup_header(header.substr(start, i - start))) return c;
            start = i + 1;
        }
    }
    return std::nullopt;
}

kpi_level parse_level(std::string_view t) { return lookup(t, level_aliases); }
kpi_group parse_group(std::string_view t) { return lookup(t, group_aliases); }
kpi_direction parse_direction(std::string_view t) { return lookup(t, direction_aliases); }

std::string_view to_string(column c) noexcept {
    constexpr std::string_view names[] = {"id",       "name",      "level",    "group", "parent",
                                          "owner",    "unit",      "direction", "baseline",
                                          "target",   "deadline",  "actual",   "source"};
    return names[static_cast<std::size_t>(c)];
}

text column_title(column c) noexcept {
    constexpr text titles[] = {
        {"ID", "ID"},           {"Name", "Tên KPI"},      {"Level", "Cấp độ"},
        {"Group", "Nhóm"},      {"Parent", "KPI cha"},    {"Owner", "Người phụ trách"},
        {"Unit", "Đơn vị"},     {"Direction", "Chiều"},   {"Baseline", "Cơ sở"},
        {"Target", "Mục tiêu"}, {"Deadline", "Thời hạn"}, {"Actual", "Thực tế"},
        {"Source", "Nguồn"},
    };
    return titles[static_cast<std::size_t>(c)];
}

text group_title(kpi_group g) noexcept {
    switch (g) {
    case kpi_group::acquisition_cost: return {"Acquisition & cost", "Thu hút & chi phí"};
    case kpi_group::digital_seo: return {"Digital & SEO", "Kênh số & SEO"};
    case kpi_group::customer_value:
        return {"Customer value & relationship", "Giá trị & quan hệ khách hàng"};
    case kpi_group::missing:
    case kpi_group::unrecognised: break;
    }
    return {"", ""};
}

std::string_view to_string(kpi_level l) noexcept {
    switch (l) {
    case kpi_level::strategic: return "strategic";
    case kpi_level::tactical: return "tactical";
    case kpi_level::unrecognised: return "unrecognised";
    case kpi_level::missing: break;
    }
    return "";
}

std::string_view to_string(kpi_group g) noexcept {
    switch (g) {
    case kpi_group::acquisition_cost: return "acquisition_cost";
    case kpi_group::digital_seo: return "digital_seo";
    case kpi_group::customer_value: return "customer_value";
    case kpi_group::unrecognised: return "unrecognised";
    case kpi_group::missing: break;
    }
    return "";
}

std::string_view to_string(kpi_direction d) noexcept {
    switch (d) {
    case kpi_direction::higher_is_better: return "higher_is_better";
    case kpi_direction::lower_is_better: return "lower_is_better";
    case kpi_direction::unrecognised: return "unrecognised";
    case kpi_direction::missing: break;
    }
    return "";
}

std::optional<double> parse_number(std::string_view text) {
    std::string_view s = trim(text);
    if (s.empty() || s.size() > 64) return std::nullopt;
    bool negative = false;
    if (s.front() == '+' || s.front() == '-') {
        negative = s.front() == '-';
        s.remove_prefix(1);
    }
    bool percent = false;
    if (!s.empty() && s.back() == '%') {
        percent = true;
        s.remove_suffix(1);
        s = trim(s);
    }
    // Spaces inside (ASCII or U+00A0) group thousands: turn them into the group separator ' '.
    std::string t;
    t.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == ' ') {
            t += ' ';
        } else if (static_cast<unsigned char>(s[i]) == 0xC2 && i + 1 < s.size() &&
                   static_cast<unsigned char>(s[i + 1]) == 0xA0) {
            t += ' ';
            ++i;
        } else {
            t += s[i];
        }
    }
    if (t.empty()) return std::nullopt;
    const auto commas = std::count(t.begin(), t.end(), ',');
    const auto dots = std::count(t.begin(), t.end(), '.');
    const auto spaces = std::count(t.begin(), t.end(), ' ');
    const bool has_exponent = t.find_first_of("eE") != std::string::npos;

    char group = 0;
    char decimal = 0;
    if (commas > 0 && dots > 0) {
        decimal = t.find_last_of(",.") == t.rfind(',') ? ',' : '.';
        group = decimal == ',' ? '.' : ',';
        if (std::count(t.begin(), t.end(), decimal) != 1) return std::nullopt;
    } else if (commas > 1 || dots > 1) {
        group = commas > 1 ? ',' : '.';
    } else if (commas == 1 || dots == 1) {
        // One separator: thousands when it follows 1-3 digits (not a leading 0) and exactly
        // three digits follow ("1.000", "250,000"); otherwise decimal ("1.5", "0.125", "1,25").
        const char sep = commas == 1 ? ',' : '.';
        const std::size_t p = t.find(sep);
        bool thousands = t.size() - p - 1 == 3 && p >= 1 && p <= 3 && t[0] != '0';
        for (std::size_t i = 0; i < t.size() && thousands; ++i)
            thousands = i == p || is_digit(t[i]);
        if (thousands)
            group = sep;
        else
            decimal = sep;
    }
    if (spaces > 0) {
        if (group != 0 || has_exponent) return std::nullopt;
        group = ' ';
    }
    std::string normal;
    std::string_view int_part = t;
    std::string_view frac_part;
    if (decimal != 0) {
        const std::size_t p = t.find(decimal);
        int_part = std::string_view(t).substr(0, p);
        frac_part = std::string_view(t).substr(p + 1);
    }
    if (group != 0) {
        if (has_exponent) return std::nullopt;
        if (!ungroup(int_part, group, normal)) return std::nullopt;
    } else {
        normal.append(int_part);
    }
    if (decimal != 0) {
        normal += '.';
        normal.append(frac_part);
    }
    // Only digits, one '.', an exponent: from_chars does the rest and must consume everything.
    for (const char c : normal)
        if (!(is_digit(c) || c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-'))
            return std::nullopt;
    if (normal.empty() || !(is_digit(normal.front()) || normal.front() == '.')) return std::nullopt;
    double value = 0;
    const auto [end, ec] = std::from_chars(normal.data(), normal.data() + normal.size(), value);
    if (ec != std::errc() || end != normal.data() + normal.size() || !std::isfinite(value))
        return std::nullopt;
    if (percent) value /= 100.0;
    return negative ? -value : value;
}

// ---------------------------------------------------------------------------------------------
// the register

std::optional<std::size_t> kpi_register::column_index(column c) const noexcept {
    const std::int32_t i = col_[static_cast<std::size_t>(c)];
    if (i < 0) return std::nullopt;
    return static_cast<std::size_t>(i);
}

std::string_view kpi_register::text(std::size_t i, column c) const noexcept {
    const auto ci = column_index(c);
    if (!ci) return {};
    if (const auto* s = grid_.at(rows_[i].grid_row, *ci).string()) return trim(*s);
    return {};
}

bool kpi_register::has_value(std::size_t i, column c) const noexcept {
    const auto ci = column_index(c);
    return ci && !grid_.at(rows_[i].grid_row, *ci).is_empty();
}

std::string kpi_register::display(std::size_t i, column c) const {
    const auto ci = column_index(c);
    if (!ci) return {};
    return display_of(grid_.at(rows_[i].grid_row, *ci));
}

std::string_view to_string(register_error::kind k) noexcept {
    return k == register_error::kind::empty ? "empty" : "missing_columns";
}

std::string describe(const register_error& e, std::string_view language) {
    const bool vi = language.substr(0, 2) == "vi";
    if (e.code == register_error::kind::empty)
        return vi ? "Không tìm thấy bảng KPI: vùng dữ liệu trống."
                  : "No KPI register found: the range is empty.";
    std::string out = vi ? "Không tìm thấy bảng KPI: thiếu cột " : "No KPI register found: the header has no column ";
    for (std::size_t i = 0; i < e.missing.size(); ++i) {
        if (i > 0) out += ", ";
        out += column_title(e.missing[i]).in(language);
    }
    out += '.';
    return out;
}

class register_builder {
public:
    static register_result build(grid g, const parse_options& options) {
        if (g.rows() == 0 || g.cols() == 0) return register_error{};
        // The header: the first scanned row naming every required column.
        const std::size_t scan = std::min(std::max<std::size_t>(options.header_scan_rows, 1), g.rows());
        std::size_t best_row = 0;
        std::size_t best_count = 0;
        std::vector<column> best_missing(required_columns.begin(), required_columns.end());
        std::optional<std::size_t> header;
        std::array<std::int32_t, column_count> col{};
        for (std::size_t r = 0; r < scan && !header; ++r) {
            std::array<std::int32_t, column_count> c{};
            c.fill(-1);
            for (std::size_t j = 0; j < g.cols(); ++j) {
                const auto* s = g.at(r, j).string();
                if (!s) continue;
                if (const auto k = recognise_header(*s)) {
                    auto& slot = c[static_cast<std::size_t>(*k)];
                    if (slot < 0) slot = static_cast<std::int32_t>(j); // the first one wins
                }
            }
            std::vector<column> missing;
            for (const column req : required_columns)
                if (c[static_cast<std::size_t>(req)] < 0) missing.push_back(req);
            const std::size_t found = required_columns.size() - missing.size();
            if (missing.empty()) {
                header = r;
                col = c;
            } else if (found > best_count) {
                best_count = found;
                best_row = r;
                best_missing = std::move(missing);
            }
        }
        if (!header) return register_error{register_error::kind::missing_columns, best_missing, best_row};

        kpi_register reg;
        reg.header_row_ = *header;
        reg.col_ = col;
        reg.rows_.reserve(g.rows() - *header - 1);
        auto at = [&](std::size_t r, column c) -> const grid_cell* {
            const std::int32_t j = col[static_cast<std::size_t>(c)];
            return j < 0 ? nullptr : &g.at(r, static_cast<std::size_t>(j));
        };
        auto text_of = [&](std::size_t r, column c) -> std::string_view {
            const grid_cell* x = at(r, c);
            if (!x) return {};
            if (const auto* s = x->string()) return *s;
            return {};
        };
        value_cache<kpi_level> levels;
        value_cache<kpi_group> groups;
        value_cache<kpi_direction> directions;
        value_cache<std::optional<period>> periods;
        value_cache<std::optional<double>> numbers;
        auto number_of = [&](std::size_t r, column c) {
            number_field f;
            const grid_cell* x = at(r, c);
            if (!x) return f;
            f.formula = g.is_formula(r, static_cast<std::size_t>(reg.col_[static_cast<std::size_t>(c)]));
            if (x->is_empty()) return f;
            f.present = true;
            if (const auto* d = x->number()) {
                if (std::isfinite(*d)) f.value = *d;
            } else if (const auto* s = x->string()) {
                f.value = numbers.get(*s, [](std::string_view t) { return parse_number(t); });
            }
            return f;
        };
        for (std::size_t r = *header + 1; r < g.rows(); ++r) {
            const grid_cell* id_cell = at(r, column::id);
            if (id_cell->is_empty()) {
                bool any = false;
                for (std::size_t j = 0; j < g.cols() && !any; ++j) any = !g.at(r, j).is_empty();
                if (any) reg.no_id_.push_back(r);
                continue;
            }
            kpi_row row;
            row.grid_row = r;
            row.id = display_of(*id_cell);
            row.id_key = fold(row.id);
            if (const grid_cell* p = at(r, column::parent); p && !p->is_empty()) {
                row.parent = display_of(*p);
                row.parent_key = fold(row.parent);
            }
            row.level = levels.get(text_of(r, column::level), [](std::string_view t) { return parse_level(t); });
            row.group = groups.get(text_of(r, column::group), [](std::string_view t) { return parse_group(t); });
            row.direction = directions.get(text_of(r, column::direction),
                                           [](std::string_view t) { return parse_direction(t); });
            // A number in a word column is present but not recognised.
            if (const grid_cell* x = at(r, column::level); x && x->number()) row.level = kpi_level::unrecognised;
            if (const grid_cell* x = at(r, column::group); x && x->number()) row.group = kpi_group::unrecognised;
            if (const grid_cell* x = at(r, column::direction); x && x->number())
                row.direction = kpi_direction::unrecognised;
            row.baseline = number_of(r, column::baseline);
            row.target = number_of(r, column::target);
            row.actual = number_of(r, column::actual);
            if (const grid_cell* x = at(r, column::deadline); x && !x->is_empty()) {
                row.deadline.present = true;
                if (const auto* d = x->number())
                    row.deadline.value = period_from_number(*d);
                else if (const auto* s = x->string())
                    row.deadline.value = periods.get(*s, [](std::string_view t) { return parse_period(t); });
            }
            reg.rows_.push_back(std::move(row));
        }
        reg.grid_ = std::move(g);
        return reg;
    }
};

register_result parse_register(grid g, const parse_options& options) {
    return register_builder::build(std::move(g), options);
}

} // namespace kpi
