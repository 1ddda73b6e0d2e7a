// Converting between Calc's values and the core's: the one place where errors become cell errors.
#pragma once

#include <kpi/cells.hpp>
#include <kpi/result.hpp>

#include <com/sun/star/uno/Any.hxx>

#include <cstdint>
#include <optional>
#include <vector>

namespace kpi::uno_glue {

// Calc's internal error codes (formula/errorcodes.hxx) for the errors we return.
enum class calc_error : std::uint16_t {
    illegal_fp_operation = 503, // #NUM!
    no_value = 519,             // #VALUE!
    division_by_zero = 532,     // #DIV/0!
    not_available = 0x7fff,     // #N/A
};

// A quiet NaN carrying a Calc error code; Calc shows it as that error in the cell.
double error_value(calc_error code) noexcept;

// A core result as a cell value: the value, or the error the README's table documents.
double to_cell(kpi::result r) noexcept;

// An optional numeric argument declared `any`: missing/void gives `fallback`; a number or boolean
// gives its value; anything else (text, a range) gives nullopt.
std::optional<double> optional_number(const css::uno::Any& argument, double fallback) noexcept;

// A range argument declared `any`: a cell range (sequence<sequence<any>> or <double>) or a single
// value, flattened row by row into `out`; blanks (void) stay blank. False for text or anything else.
bool read_cells(const css::uno::Any& argument, std::vector<kpi::cell>& out);


} // namespace kpi::uno_glue
