// Channel data import (issue 7, docs/import.md), step 1: the bytes of an export file as UTF-8 text.
// Exports arrive as UTF-8 (with or without a BOM: Google Ads, GA4, Search Console, TikTok CSV) or as
// UTF-16 with a BOM (Excel's "Unicode text", Meta's and TikTok's .xls-like tab-separated exports).
#pragma once

#include "kpi/outcome.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace kpi {

enum class text_encoding : std::uint8_t { utf8, utf8_bom, utf16le, utf16be };
[[nodiscard]] std::string_view to_string(text_encoding e) noexcept; // "UTF-8", "UTF-8 (BOM)", ...

struct decoded_text {
    std::string utf8;
    text_encoding encoding = text_encoding::utf8;
};

struct decode_error {
    std::size_t byte_offset = 0; // of the first byte that is not valid in the detected encoding
    std::size_t line = 1;        // 1-based line of that byte
    text_encoding encoding = text_encoding::utf8;
};

// BOM detection (EF BB BF, FF FE, FE FF); without a BOM, UTF-16LE/BE is recognised by its zero bytes
// (ASCII text in UTF-16 has a zero in every other byte), else the bytes must be valid UTF-8
// (no overlongs, no surrogates, nothing above U+10FFFF). CR LF and lone CR become LF.
[[nodiscard]] outcome<decoded_text, decode_error> decode_text(std::string_view bytes);
// The same, taking the bytes over: UTF-8 (with or without BOM) is checked and normalised in place,
// without a second copy; UTF-16 is converted (the bytes are released once converted).
[[nodiscard]] outcome<decoded_text, decode_error> decode_text_in_place(std::string&& bytes);

} // namespace kpi
