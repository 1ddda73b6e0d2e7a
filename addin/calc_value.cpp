#include "calc_value.hpp"

#include <com/sun/star/uno/Sequence.hxx>

#include <bit>
#include <cmath>
#include <ctime>

using css::uno::Any;
using css::uno::Sequence;

namespace kpi::uno_glue {

double error_value(calc_error code) noexcept {
    constexpr std::uint64_t quiet_nan = 0x7ff8000000000000ULL;
    return std::bit_cast<double>(quiet_nan | static_cast<std::uint64_t>(code));
}

namespace {
calc_error error_for(kpi::errc e) noexcept {
    switch (e) {
    case kpi::errc::div_zero: return calc_error::division_by_zero;
    case kpi::errc::out_of_domain: return calc_error::illegal_fp_operation;
    case kpi::errc::bad_value: return calc_error::no_value;
    case kpi::errc::not_available: return calc_error::not_available;
    }
    return calc_error::no_value;
}

// One element of a range: a number, blank (void or an empty string), or unusable (text).
bool read_element(const Any& element, std::vector<kpi::cell>& out) {
    switch (element.getValueTypeClass()) {
    case css::uno::TypeClass_VOID: out.emplace_back(std::nullopt); return true;
    case css::uno::TypeClass_STRING: // Calc hands the blank cells of a range over as empty strings
        if (!static_cast<const rtl::OUString*>(element.getValue())->isEmpty()) return false;
        out.emplace_back(std::nullopt);
        return true;
    case css::uno::TypeClass_DOUBLE: out.emplace_back(*static_cast<const double*>(element.getValue())); return true;
    case css::uno::TypeClass_BOOLEAN: out.emplace_back(*static_cast<const sal_Bool*>(element.getValue()) ? 1.0 : 0.0); return true;
    default: {
        double number = 0;
        if (element >>= number) { // other numeric types
            out.emplace_back(number);
            return true;
        }
        return false;
    }
    }
}
} // namespace

double to_cell(kpi::result r) noexcept {
    if (!r.ok()) return error_value(error_for(r.error()));
    if (!std::isfinite(r.value())) return error_value(calc_error::illegal_fp_operation);
    return r.value();
}

std::optional<double> optional_number(const Any& argument, double fallback) noexcept {
    if (!argument.hasValue()) return fallback;
    double number = 0.0;
    if (argument >>= number) return number;
    bool flag = false;
    if (argument >>= flag) return flag ? 1.0 : 0.0;
    return std::nullopt;
}

bool read_cells(const Any& argument, std::vector<kpi::cell>& out) {
    out.clear();
    if (argument.getValueTypeClass() == css::uno::TypeClass_SEQUENCE) {
        Sequence<Sequence<Any>> mixed;
        if (argument >>= mixed) {
            for (const auto& row : mixed)
                for (const auto& element : row)
                    if (!read_element(element, out)) return false;
            return true;
        }
        Sequence<Sequence<double>> numbers;
        if (argument >>= numbers) {
            for (const auto& row : numbers)
                for (double v : row) out.emplace_back(v);
            return true;
        }
        return false;
    }
    return read_element(argument, out);
}


} // namespace kpi::uno_glue
