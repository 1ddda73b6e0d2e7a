#include "kpi/result.hpp"

namespace kpi {

std::string_view to_string(errc e) noexcept {
    switch (e) {
    case errc::div_zero: return "division by zero";
    case errc::out_of_domain: return "input out of domain";
    case errc::bad_value: return "not a number";
    case errc::not_available: return "no data";
    }
    return "unknown error";
}

} // namespace kpi
