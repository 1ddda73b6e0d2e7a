#include "kpi/smart.hpp"

#include "kpi/text_fold.hpp"

#include <array>
#include <cmath>
#include <cstdio>

namespace kpi {
namespace {

constexpr std::array<smart_criterion, smart_reason_count> reason_criterion{
    smart_criterion::specific,   smart_criterion::specific,   smart_criterion::specific,
    smart_criterion::specific,   smart_criterion::specific,   smart_criterion::measurable,
    smart_criterion::measurable, smart_criterion::measurable, smart_criterion::achievable,
    smart_criterion::achievable, smart_criterion::achievable, smart_criterion::achievable,
    smart_criterion::achievable, smart_criterion::achievable, smart_criterion::relevant,
    smart_criterion::time_bound, smart_criterion::time_bound, smart_criterion::time_bound,
};

constexpr std::array<std::string_view, smart_reason_count> reason_names{
    "name_missing",      "name_generic",         "unit_missing",      "group_missing",
    "group_unrecognised", "target_missing",      "target_not_numeric", "source_missing",
    "no_numeric_target", "baseline_missing",     "baseline_not_numeric", "target_above_band",
    "target_below_band", "target_wrong_side",    "link_not_ok",          "deadline_missing",  "deadline_unparsed",
    "deadline_passed",
};

// Reason texts; {v} is replaced by the row's value, {b} by the baseline, {m} by the band limit,
// {k} by the improvement factor.
constexpr std::array<text, smart_reason_count> reason_texts{{
    {"no name", "chưa có tên"},
    {"name \"{v}\" is too generic", "tên \"{v}\" quá chung chung"},
    {"no unit", "chưa có đơn vị"},
    {"no group for a tactical KPI", "KPI chiến thuật chưa có nhóm"},
    {"group \"{v}\" is not recognised", "không nhận ra nhóm \"{v}\""},
    {"no target", "chưa có mục tiêu"},
    {"target \"{v}\" is not a number", "mục tiêu \"{v}\" không phải là số"},
    {"no source", "chưa có nguồn dữ liệu"},
    {"no numeric target to judge", "không có mục tiêu dạng số để đánh giá"},
    {"no baseline", "chưa có giá trị cơ sở"},
    {"baseline \"{v}\" is not a number", "giá trị cơ sở \"{v}\" không phải là số"},
    {"target {v} is above the plausible maximum {m} (baseline {b} + {k}x)",
     "mục tiêu {v} vượt mức khả thi tối đa {m} (cơ sở {b} + {k} lần)"},
    {"target {v} is below the plausible minimum {m} (baseline {b} / (1 + {k}))",
     "mục tiêu {v} thấp hơn mức khả thi tối thiểu {m} (cơ sở {b} / (1 + {k}))"},
    // target_wrong_side, higher is better (the lower-is-better text is wrong_side_lower below)
    {"target {v} is below the baseline {b} although higher is better",
     "mục tiêu {v} thấp hơn giá trị cơ sở {b} dù chỉ số càng cao càng tốt"},
    {"link status \"{v}\"", "trạng thái liên kết \"{v}\""},
    {"no deadline", "chưa có thời hạn"},
    {"deadline \"{v}\" is not a date or period", "thời hạn \"{v}\" không phải ngày hoặc kỳ hợp lệ"},
    {"deadline {v} has passed", "thời hạn {v} đã qua"},
}};

constexpr text wrong_side_lower{"target {v} is above the baseline {b} although lower is better",
                                "mục tiêu {v} cao hơn giá trị cơ sở {b} dù chỉ số càng thấp càng tốt"};

// fold_key forms. A name is generic when it is exactly one of these.
constexpr std::string_view generic_names[] = {
    "sales", "sale", "marketing", "lead", "leads", "traffic", "revenue", "customer",
    "customers", "growth", "kpi", "conversion", "conversions", "brand", "awareness",
    "engagement", "profit", "seo", "ads", "social", "social media", "website", "performance",
    "doanh so", "doanh thu", "khach hang", "ban hang", "tang truong", "loi nhuan",
    "luot truy cap", "truy cap", "tiep thi", "thuong hieu", "chuyen doi", "tuong tac",
    "mang xa hoi", "quang cao", "hieu qua", "khach hang tiem nang",
};

std::string format_value(double d) {
    char buf[64];
    if (d == std::floor(d) && std::fabs(d) < 1e15)
        std::snprintf(buf, sizeof buf, "%.0f", d);
    else
        std::snprintf(buf, sizeof buf, "%.6g", d);
    return buf;
}

void replace_all(std::string& s, std::string_view what, std::string_view with) {
    for (std::size_t p = s.find(what); p != std::string::npos; p = s.find(what, p + with.size()))
        s.replace(p, what.size(), with);
}

// A Baseline or Target cell for a sentence: as shown, or as a percentage when the unit is "%" and
// the cell holds a number (0.1 -> "10%", as Calc shows a percent-formatted cell).
std::string value_text(const kpi_register& reg, std::size_t i, column c) {
    const auto col = reg.column_index(c);
    if (col && reg.text(i, column::unit) == "%")
        if (const double* d = reg.source_grid().at(reg[i].grid_row, *col).number())
            return format_value(*d * 100.0) + "%";
    return reg.display(i, c);
}

} // namespace

std::string_view to_string(smart_criterion c) noexcept {
    constexpr std::string_view names[] = {"specific", "measurable", "achievable", "relevant",
                                          "time_bound"};
    return names[static_cast<std::size_t>(c)];
}

text criterion_title(smart_criterion c) noexcept {
    constexpr text titles[] = {{"Specific", "Cụ thể"},
                               {"Measurable", "Đo lường được"},
                               {"Achievable", "Khả thi"},
                               {"Relevant", "Liên quan"},
                               {"Time-bound", "Có thời hạn"}};
    return titles[static_cast<std::size_t>(c)];
}

smart_criterion criterion_of(smart_reason r) noexcept {
    return reason_criterion[static_cast<std::size_t>(r)];
}

std::string_view to_string(smart_reason r) noexcept {
    return reason_names[static_cast<std::size_t>(r)];
}

// The reason bits of each criterion.
constexpr std::array<std::uint32_t, smart_criteria_count> criterion_masks = [] {
    std::array<std::uint32_t, smart_criteria_count> m{};
    for (std::size_t r = 0; r < smart_reason_count; ++r)
        m[static_cast<std::size_t>(reason_criterion[r])] |= 1u << r;
    return m;
}();

bool smart_result::met(smart_criterion c) const noexcept {
    return (reasons & criterion_masks[static_cast<std::size_t>(c)]) == 0;
}

int smart_result::score() const noexcept {
    int n = 0;
    for (std::size_t c = 0; c < smart_criteria_count; ++c) n += met(static_cast<smart_criterion>(c));
    return n;
}

std::vector<smart_reason> smart_result::reason_list() const {
    std::vector<smart_reason> out;
    for (std::size_t r = 0; r < smart_reason_count; ++r)
        if (has(static_cast<smart_reason>(r))) out.push_back(static_cast<smart_reason>(r));
    return out;
}

std::vector<smart_criterion> smart_result::failed() const {
    std::vector<smart_criterion> out;
    for (std::size_t c = 0; c < smart_criteria_count; ++c)
        if (!met(static_cast<smart_criterion>(c))) out.push_back(static_cast<smart_criterion>(c));
    return out;
}

bool is_generic_name(std::string_view name) {
    if (name.size() > 64) return false; // a bare word is short; spare the folding
    thread_local std::string key;
    fold_into(name, key, true);
    for (const auto g : generic_names)
        if (g == key) return true;
    return false;
}

smart_result check_smart(const kpi_register& reg, std::size_t i, link_code link, day_serial today,
                         const smart_options& options) {
    const kpi_row& row = reg[i];
    std::uint32_t bits = 0;
    auto fail = [&](smart_reason r) { bits |= 1u << static_cast<unsigned>(r); };

    // Specific
    if (!reg.has_value(i, column::name))
        fail(smart_reason::name_missing);
    else if (is_generic_name(reg.text(i, column::name)))
        fail(smart_reason::name_generic);
    if (!reg.has_value(i, column::unit)) fail(smart_reason::unit_missing);
    if (row.level == kpi_level::tactical) {
        if (row.group == kpi_group::missing) fail(smart_reason::group_missing);
        if (row.group == kpi_group::unrecognised) fail(smart_reason::group_unrecognised);
    }
    // Measurable
    if (!row.target.present)
        fail(smart_reason::target_missing);
    else if (!row.target.value)
        fail(smart_reason::target_not_numeric);
    if (!reg.has_value(i, column::source)) fail(smart_reason::source_missing);
    // Achievable
    if (!row.target.value) {
        fail(smart_reason::no_numeric_target);
    } else if (!row.baseline.present) {
        fail(smart_reason::baseline_missing);
    } else if (!row.baseline.value) {
        fail(smart_reason::baseline_not_numeric);
    } else if (const double b = *row.baseline.value, t = *row.target.value;
               (row.direction == kpi_direction::higher_is_better && t < b) ||
               (row.direction == kpi_direction::lower_is_better && t > b)) {
        fail(smart_reason::target_wrong_side);
    } else if (b > 0) {
        const bool up = row.direction != kpi_direction::lower_is_better;
        const bool down = row.direction != kpi_direction::higher_is_better;
        if (up && t > b * (1.0 + options.max_improvement))
            fail(smart_reason::target_above_band);
        else if (down && t < b / (1.0 + options.max_improvement))
            fail(smart_reason::target_below_band);
    }
    // Relevant
    if (link != link_code::ok) fail(smart_reason::link_not_ok);
    // Time-bound
    if (!row.deadline.present)
        fail(smart_reason::deadline_missing);
    else if (!row.deadline.value)
        fail(smart_reason::deadline_unparsed);
    else if ((!row.actual.present || row.actual.formula) && has_passed(*row.deadline.value, today))
        fail(smart_reason::deadline_passed);
    return smart_result{bits};
}

std::string describe(smart_reason r, const kpi_register& reg, std::size_t i, link_code link,
                     std::string_view language, const smart_options& options) {
    const kpi_row& row = reg[i];
    std::string s((r == smart_reason::target_wrong_side && row.direction == kpi_direction::lower_is_better
                       ? wrong_side_lower
                       : reason_texts[static_cast<std::size_t>(r)])
                      .in(language));
    std::string v;
    switch (r) {
    case smart_reason::name_generic: v = reg.display(i, column::name); break;
    case smart_reason::group_unrecognised: v = reg.display(i, column::group); break;
    case smart_reason::target_not_numeric:
    case smart_reason::target_above_band:
    case smart_reason::target_below_band: v = reg.display(i, column::target); break;
    case smart_reason::target_wrong_side: v = value_text(reg, i, column::target); break;
    case smart_reason::baseline_not_numeric: v = reg.display(i, column::baseline); break;
    case smart_reason::link_not_ok: v = std::string(link_status_words(link).in(language)); break;
    case smart_reason::deadline_unparsed: v = reg.display(i, column::deadline); break;
    case smart_reason::deadline_passed:
        v = row.deadline.value ? to_string(*row.deadline.value) : reg.display(i, column::deadline);
        break;
    default: break;
    }
    if (r == smart_reason::target_above_band || r == smart_reason::target_below_band) {
        const double b = row.baseline.value.value_or(0.0);
        const double k = options.max_improvement;
        replace_all(s, "{m}", format_value(r == smart_reason::target_above_band ? b * (1.0 + k)
                                                                              : b / (1.0 + k)));
        replace_all(s, "{b}", reg.display(i, column::baseline));
        replace_all(s, "{k}", format_value(k));
    }
    if (r == smart_reason::target_wrong_side) replace_all(s, "{b}", value_text(reg, i, column::baseline));
    replace_all(s, "{v}", v);
    return s;
}

std::string describe_failures(const smart_result& s, const kpi_register& reg, std::size_t i,
                              link_code link, std::string_view language,
                              const smart_options& options) {
    std::string out;
    int current = -1;
    for (const smart_reason r : s.reason_list()) {
        const auto c = criterion_of(r);
        if (static_cast<int>(c) != current) {
            if (!out.empty()) out += "; ";
            out += criterion_title(c).in(language);
            out += ": ";
            current = static_cast<int>(c);
        } else {
            out += ", ";
        }
        out += describe(r, reg, i, link, language, options);
    }
    return out;
}

} // namespace kpi
