// The catalog's examples ("=KPI.CPL(100;4) -> 25") taken apart, for the tests and the docs generator:
// every example is evaluated by the core in unit tests and by a real Calc in office tests.
#pragma once

#include "kpi/catalog.hpp"
#include "kpi/cells.hpp"
#include "kpi/result.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kpi {

struct example_call {
    std::string function;              // display name, e.g. "KPI.CPL"
    std::vector<std::string> args;     // argument texts, e.g. {"100", "4"}
    std::string expected;              // the text after "->", e.g. "25" or "At risk"
};

// Splits "=NAME(a;b;{c;d}) -> r" at the top-level ';'. nullopt when malformed.
std::optional<example_call> parse_example(std::string_view example);

// The value of one argument text: a number, TRUE/FALSE, DATE(y;m;d) (as a Calc serial day number),
// an inline array {a;b|c} (its cells), an empty text (omitted: no cells). nullopt for anything else.
std::optional<std::vector<cell>> argument_cells(std::string_view arg);

// A number in an example's expected text, with half a unit in its last digit as tolerance.
struct expected_number {
    double value;
    double tolerance;
};
std::optional<expected_number> parse_expected_number(std::string_view text);

// Evaluates a catalog function on argument cells as Calc would hand them over: an omitted argument
// (no cells) takes the parameter's default (today's serial `today` for dates); a required number
// omitted, or several cells for a number, is bad_value. Functions without an evaluator: bad_value.
result evaluate_call(const function_info& f, const std::vector<std::vector<cell>>& args, double today);

// Days since 1899-12-30 (Calc's default null date) for a proleptic Gregorian date.
double date_serial(int year, unsigned month, unsigned day) noexcept;

} // namespace kpi
