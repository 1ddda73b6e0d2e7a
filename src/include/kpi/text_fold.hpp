// Folding UTF-8 text for matching: headers, values and generic names are compared after folding.
// fold("  Cấp   ĐỘ ") == "cap do": ASCII lower-cased, Vietnamese (and other Latin-1 / Latin
// Extended) letters stripped of their diacritics, đ/Đ -> d, combining marks (NFD input) dropped,
// runs of white space (incl. U+00A0) collapsed to one space, leading/trailing space trimmed.
// Bytes that are not valid UTF-8 are kept as they are: folding never fails.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace kpi {

[[nodiscard]] std::string fold(std::string_view utf8);

// fold() and then every ASCII character that is not a letter or a digit becomes a space (runs
// collapsed, trimmed): "Acquisition & cost" -> "acquisition cost", "KPI_cha:" -> "kpi cha".
[[nodiscard]] std::string fold_key(std::string_view utf8);

// The same into a caller's buffer (cleared first), to reuse its capacity on hot paths.
// key = false: fold(); key = true: fold_key().
void fold_into(std::string_view utf8, std::string& out, bool key);

// Leading and trailing ASCII white space and U+00A0 removed.
[[nodiscard]] std::string_view trim(std::string_view s) noexcept;

// The number of characters (code points) of UTF-8 text.
[[nodiscard]] constexpr std::size_t utf8_length(std::string_view utf8) noexcept {
    std::size_t n = 0;
    for (const char c : utf8) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return n;
}

} // namespace kpi
