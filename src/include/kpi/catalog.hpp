// The function catalog: the one table that describes every cell function of the add-in.
// The add-in's XAddIn answers, the generated CalcAddIns.xcu, docs/functions.md, KPI.EACH's dispatch
// and the bad-input matrix test all come from it.
#pragma once

#include "kpi/cells.hpp"
#include "kpi/result.hpp"

#include <span>
#include <string_view>

namespace kpi {

// A UI string in both languages the product ships (UTF-8).
struct text {
    std::string_view en;
    std::string_view vi;

    [[nodiscard]] std::string_view in(std::string_view language) const noexcept {
        return language.substr(0, 2) == "vi" ? vi : en;
    }
};

// How a parameter is declared in the IDL and therefore what Calc hands over.
enum class param_kind {
    number,          // double: one value; text gives #VALUE!, an empty argument Err:502
    optional_number, // any: may be omitted; then `default_value` applies (NaN: "not given")
    optional_flag,   // any: TRUE/FALSE or a number, may be omitted
    optional_date,   // any: a date serial number, may be omitted; then today's date applies
    range,           // any: a cell range (or a single value); blanks are kept as blanks
    name,            // string
    optional_range,  // any: an optional range (or a single value); omitted: not used
    key,             // any: a KPI ID as text or number
    table,           // sequence<sequence<any>>: a whole table (the KPI register), header row first
};

// The values a parameter accepts; the bad-input rules (docs/functions.md) follow from it.
enum class domain {
    real,     // any finite number
    nonzero,  // any finite number; 0 -> #DIV/0!
    amount,   // >= 0 (a count, money, seconds); negative -> #NUM!
    divisor,  // > 0; 0 -> #DIV/0!, negative -> #NUM!
    fraction, // 0..1; outside -> #NUM!
    positive, // > 0 where 0 is meaningless rather than a division (n, scale); 0 or negative -> #NUM!
    score,    // whole scores within the scale; negative -> #NUM!
    flag,     // TRUE/FALSE; any non-zero number is TRUE
    date,     // a date (serial day number)
    periods,  // a whole number of periods >= 0; negative or not whole -> #VALUE!
    other,    // not a number (a name, the rest of the arguments)
};

std::string_view domain_rule(domain d) noexcept; // short English text for the docs

struct param_info {
    std::string_view name; // programmatic name, as in the IDL
    text display;          // shown in the Function Wizard
    text description;
    param_kind kind = param_kind::number;
    double default_value = 0.0;
    domain accepts = domain::amount;
};

// The KPI groups of the product. Calc itself only shows its built-in categories, so add-in
// functions land in "Add-In"; our grouping is kept for the docs and the name prefixes.
enum class function_group { strategic, acquisition, digital, customer, targets, audit, tools };

text group_title(function_group g) noexcept;

// Evaluators: the core computation of one function on plain arguments, in parameter order, with
// omitted optional arguments already replaced by their defaults (NaN for "not given").
// Functions whose first parameter is a range take its cells separately.
using scalar_evaluator = result (*)(std::span<const double> args) noexcept;
using range_evaluator = result (*)(cell_list first, std::span<const double> rest) noexcept;

enum class output_kind { number, status_text, text, array };

struct function_info {
    std::string_view name;    // programmatic name: the IDL method, stored in documents
    std::string_view display; // the display name, the same in every language (KPI.CPL)
    function_group group;
    text description;
    std::span<const param_info> params;
    std::string_view formula; // plain-text formula for docs
    std::string_view source;  // where the definition comes from
    std::string_view example; // "=KPI.X(args) -> result": a formula and its result, checked by tests
    scalar_evaluator scalar = nullptr;    // set for functions of numbers only (KPI.EACH can apply them)
    range_evaluator over_range = nullptr; // set for functions whose first parameter is a range
    output_kind output = output_kind::number;
};

// Every function, in catalog order.
std::span<const function_info> catalog() noexcept;

// By programmatic name (exact) or display name (case-insensitive); nullptr when unknown.
const function_info* find_function(std::string_view name) noexcept;

// By a KPI.EACH name: the display name without its "KPI." prefix, or the display or programmatic
// name, case-insensitive ("cpl", "BOUNCE.GA4", "KPI.CPL"); nullptr when unknown.
const function_info* find_each_function(std::string_view name) noexcept;

// The first catalog function a formula or a text names: by its display name (KPI.CPL, any case) or
// as the office's API and file formats write add-in calls (org.kpimarketing.KpiFunctions.CPL,
// ORG.KPIMARKETING.KPIFUNCTIONS.CPL). skip_tools: KPI.EACH, KPI.AUDIT and the other tool and audit
// functions do not count. nullptr when none.
const function_info* first_function_in(std::string_view text, bool skip_tools) noexcept;

} // namespace kpi
