#include "register_functions.hpp"

#include "calc_date.hpp"
#include "calc_value.hpp"
#include "sheet_grid.hpp"
#include "uno_strings.hpp"

#include <kpi/audit.hpp>

#include <cmath>
#include <cstdio>
#include <optional>
#include <string>

using css::uno::Any;

namespace kpi::uno_glue {
namespace {

// The ID argument as text ("T1"; a number as the register shows it: 7 -> "7"); nullopt for an
// empty or error argument (an error value arrives as a NaN carrying its code).
std::optional<std::string> id_text(const Any& id, double& error) {
    error = 0.0;
    OUString text;
    if (id >>= text) return text.isEmpty() ? std::nullopt : std::optional(to_utf8(text));
    double number = 0.0;
    if (id >>= number) {
        if (std::isnan(number)) {
            error = number;
            return std::nullopt;
        }
        // Formatted as the register shows a numeric ID (7 -> "7").
        char buffer[64];
        if (number == static_cast<double>(static_cast<long long>(number)))
            std::snprintf(buffer, sizeof buffer, "%lld", static_cast<long long>(number));
        else
            std::snprintf(buffer, sizeof buffer, "%.15g", number);
        return std::string(buffer);
    }
    return std::nullopt;
}

// One audit of the range, and the row of `id` in it.
struct lookup {
    std::optional<kpi::register_result> parsed;
    std::optional<kpi::audit_report> report;
    std::optional<std::size_t> row;
    double error = 0.0; // the cell value to return when there is no row
};

lookup find_kpi(const Any& id, const register_range& reg) {
    lookup l;
    double id_error = 0.0;
    const auto key = id_text(id, id_error);
    if (id_error != 0.0) {
        l.error = id_error;
        return l;
    }
    l.parsed.emplace(kpi::parse_register(to_grid(reg)));
    if (!l.parsed->ok()) {
        l.error = error_value(calc_error::no_value);
        return l;
    }
    l.report.emplace(kpi::audit(l.parsed->value(), today_serial()));
    if (key) l.row = l.report->find(*key);
    if (!l.row) l.error = error_value(calc_error::not_available);
    return l;
}

} // namespace

Any link_status(const Any& id, const register_range& reg) {
    const auto l = find_kpi(id, reg);
    if (!l.row) return Any(l.error);
    return Any(from_utf8(kpi::to_string(l.report->rows()[*l.row].link.code)));
}

double smart_score(const Any& id, const register_range& reg) {
    const auto l = find_kpi(id, reg);
    if (!l.row) return l.error;
    return static_cast<double>(l.report->rows()[*l.row].smart_score());
}

Any smart_issues(const Any& id, const register_range& reg, std::string_view language) {
    const auto l = find_kpi(id, reg);
    if (!l.row) return Any(l.error);
    return Any(from_utf8(l.report->smart_issues(*l.row, language)));
}

register_range audit_array(const register_range& reg, std::string_view language) {
    const auto parsed = kpi::parse_register(to_grid(reg));
    if (!parsed) {
        register_range out(1);
        out.getArray()[0] = make_sequence<Any>({Any(error_value(calc_error::no_value))});
        return out;
    }
    const auto report = kpi::audit(parsed.value(), today_serial());
    const auto rows = kpi::audit_table(report, language);
    register_range out(static_cast<sal_Int32>(rows.size() + 1));
    auto* out_rows = out.getArray();
    const auto header = kpi::audit_table_header();
    out_rows[0] = make_sequence<Any>({Any(from_utf8(header[0].in(language))), Any(from_utf8(header[1].in(language))),
                                      Any(from_utf8(header[2].in(language))), Any(from_utf8(header[3].in(language)))});
    for (std::size_t i = 0; i < rows.size(); ++i)
        out_rows[i + 1] = make_sequence<Any>({Any(from_utf8(rows[i].id)), Any(from_utf8(rows[i].link)),
                                              Any(static_cast<double>(rows[i].smart)), Any(from_utf8(rows[i].issue))});
    return out;
}

} // namespace kpi::uno_glue
