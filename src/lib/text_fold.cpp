#include "kpi/text_fold.hpp"

#include <cstdint>

namespace kpi {
namespace {

// The base letter of a code point in U+00C0..U+01B0 or U+1EA0..U+1EF9, or 0 when it has none.
char base_letter(std::uint32_t cp) noexcept {
    if (cp >= 0xC0 && cp <= 0xFF) {
        // U+00C0..U+00FF: À..ÿ. '\0' for × ÷ and letters without a plain base (Æ Þ ß).
        static constexpr char latin1[] = "aaaaaa\0ceeeeiiiidnooooo\0ouuuuy\0\0"
                                         "aaaaaa\0ceeeeiiiidnooooo\0ouuuuy\0y";
        return latin1[cp - 0xC0];
    }
    if (cp >= 0x100 && cp <= 0x105) return 'a'; // Ā ā Ă ă Ą ą
    if (cp == 0x110 || cp == 0x111) return 'd'; // Đ đ
    if (cp >= 0x112 && cp <= 0x11B) return 'e';
    if (cp >= 0x128 && cp <= 0x12B) return 'i'; // Ĩ ĩ Ī ī
    if (cp >= 0x14C && cp <= 0x151) return 'o';
    if (cp >= 0x168 && cp <= 0x173) return 'u'; // Ũ ũ Ū ū ...
    if (cp == 0x1A0 || cp == 0x1A1) return 'o'; // Ơ ơ
    if (cp == 0x1AF || cp == 0x1B0) return 'u'; // Ư ư
    if (cp >= 0x1EA0 && cp <= 0x1EB7) return 'a'; // Ạ ạ Ả ả Ấ ấ ... Ặ ặ
    if (cp >= 0x1EB8 && cp <= 0x1EC7) return 'e'; // Ẹ ... ệ
    if (cp >= 0x1EC8 && cp <= 0x1ECB) return 'i'; // Ỉ ỉ Ị ị
    if (cp >= 0x1ECC && cp <= 0x1EE3) return 'o'; // Ọ ... ợ
    if (cp >= 0x1EE4 && cp <= 0x1EF1) return 'u'; // Ụ ... ự
    if (cp >= 0x1EF2 && cp <= 0x1EF9) return 'y'; // Ỳ ... ỹ
    return 0;
}

bool is_space(std::uint32_t cp) noexcept {
    return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\v' || cp == '\f' ||
           cp == 0xA0;
}

// Decodes one well-formed UTF-8 sequence at s[i]; returns its length, 0 when malformed.
std::size_t decode(std::string_view s, std::size_t i, std::uint32_t& cp) noexcept {
    const auto b0 = static_cast<unsigned char>(s[i]);
    if (b0 < 0x80) {
        cp = b0;
        return 1;
    }
    std::size_t len = 0;
    std::uint32_t min = 0;
    if ((b0 & 0xE0) == 0xC0) {
        len = 2, cp = b0 & 0x1Fu, min = 0x80;
    } else if ((b0 & 0xF0) == 0xE0) {
        len = 3, cp = b0 & 0x0Fu, min = 0x800;
    } else if ((b0 & 0xF8) == 0xF0) {
        len = 4, cp = b0 & 0x07u, min = 0x10000;
    } else {
        return 0;
    }
    if (i + len > s.size()) return 0;
    for (std::size_t k = 1; k < len; ++k) {
        const auto b = static_cast<unsigned char>(s[i + k]);
        if ((b & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (b & 0x3Fu);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    return len;
}

} // namespace

void fold_into(std::string_view s, std::string& out, bool key) {
    // The folded text is never longer than the input: write into a buffer of that size.
    out.resize(s.size());
    char* const begin = out.data();
    char* o = begin;
    bool pending_space = false;
    auto put = [&](char c) {
        if (pending_space && o != begin) *o++ = ' ';
        pending_space = false;
        *o++ = c;
    };
    for (std::size_t i = 0; i < s.size();) {
        const char c = s[i];
        if (static_cast<unsigned char>(c) < 0x80) { // ASCII fast path
            if (c >= 'A' && c <= 'Z')
                put(static_cast<char>(c - 'A' + 'a'));
            else if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f')
                pending_space = true;
            else if (!key || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
                put(c);
            else
                pending_space = true; // key: punctuation separates words
            ++i;
            continue;
        }
        std::uint32_t cp = 0;
        const std::size_t len = decode(s, i, cp);
        if (len == 0) { // not UTF-8: keep the byte
            put(c);
            ++i;
            continue;
        }
        if (is_space(cp)) {
            pending_space = true;
        } else if (cp >= 0x300 && cp <= 0x36F) {
            // combining diacritical mark (decomposed input): dropped
        } else if (const char b = base_letter(cp); b != 0) {
            put(b);
        } else {
            for (std::size_t k = 0; k < len; ++k) put(s[i + k]);
        }
        i += len;
    }
    out.resize(static_cast<std::size_t>(o - begin));
}

std::string fold(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    fold_into(s, out, false);
    return out;
}

std::string fold_key(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    fold_into(s, out, true);
    return out;
}

std::string_view trim(std::string_view s) noexcept {
    auto space_at_front = [&](std::size_t& len) {
        if (s.empty()) return false;
        const char c = s.front();
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f') {
            len = 1;
            return true;
        }
        if (s.size() >= 2 && static_cast<unsigned char>(s[0]) == 0xC2 &&
            static_cast<unsigned char>(s[1]) == 0xA0) {
            len = 2;
            return true;
        }
        return false;
    };
    auto space_at_back = [&](std::size_t& len) {
        if (s.empty()) return false;
        const char c = s.back();
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f') {
            len = 1;
            return true;
        }
        if (s.size() >= 2 && static_cast<unsigned char>(s[s.size() - 2]) == 0xC2 &&
            static_cast<unsigned char>(s.back()) == 0xA0) {
            len = 2;
            return true;
        }
        return false;
    };
    std::size_t n = 0;
    while (space_at_front(n)) s.remove_prefix(n);
    while (space_at_back(n)) s.remove_suffix(n);
    return s;
}

} // namespace kpi
