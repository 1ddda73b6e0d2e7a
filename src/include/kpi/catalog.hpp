// The function catalog: the one table that describes every cell function of the add-in.
// The add-in's XAddIn answers, the generated CalcAddIns.xcu and docs/functions.md all come from it.
#pragma once

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
    optional_number, // any: may be omitted; then `default_value` applies
    optional_flag,   // any: TRUE/FALSE or a number, may be omitted
    range,           // any: a cell range (or a single value); blanks are kept as blanks
    name,            // string
    rest,            // sequence<any>: the remaining arguments (varargs)
};

struct param_info {
    std::string_view name; // programmatic name, as in the IDL
    text display;          // shown in the Function Wizard
    text description;
    param_kind kind = param_kind::number;
    double default_value = 0.0;
};

// The KPI groups of the product. Calc itself only shows its built-in categories, so add-in
// functions land in "Add-In"; our grouping is kept for the docs and the name prefixes.
enum class function_group { strategic, acquisition, digital, customer, targets, tools };

text group_title(function_group g) noexcept;

struct function_info {
    std::string_view name;    // programmatic name: the IDL method, stored in documents
    std::string_view display; // the display name, the same in every language (KPI.CPL)
    function_group group;
    text description;
    std::span<const param_info> params;
    std::string_view formula; // plain-text formula for docs
    std::string_view source;  // where the definition comes from
    std::string_view example; // a formula and its result, for docs
};

// Every function, in catalog order.
std::span<const function_info> catalog() noexcept;

// By programmatic name (exact) or display name (case-insensitive); nullptr when unknown.
const function_info* find_function(std::string_view name) noexcept;

} // namespace kpi
