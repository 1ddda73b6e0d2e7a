// Texts about the catalog's functions for the docs and the help pages, in both languages:
// what kind of value a parameter takes, its default, the rule of its domain and a function's errors.
// docs/functions.md (English) and the help pages shipped in the .oxt (English and Vietnamese) are
// both written from these, so a rule is worded in one place.
#pragma once

#include "kpi/catalog.hpp"

#include <string>
#include <string_view>

namespace kpi {

// "number", "optional TRUE/FALSE", ... / "số", "TRUE/FALSE, tùy chọn", ...
std::string_view param_kind_text(const param_info& p, std::string_view language) noexcept;

// The default of an optional parameter as text ("1", "0.9", "TRUE", "today", "none"); "" for a
// required parameter. language: "today"/"hôm nay", "none"/"không có".
std::string param_default_text(const param_info& p, std::string_view language);

// The rule of a domain ("> 0; 0 gives #DIV/0!, negative #NUM!").
text domain_text(domain d) noexcept;

// The error cases of one function, worked out from its parameters' domains and kinds.
std::string error_cases(const function_info& f, std::string_view language);

} // namespace kpi
