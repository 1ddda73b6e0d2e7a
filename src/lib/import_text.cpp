#include "kpi/utf8.hpp"
#include "kpi/import_csv.hpp"
#include "kpi/import_text.hpp"

#include <algorithm>
#include <array>

namespace kpi {

std::string_view to_string(text_encoding e) noexcept {
    switch (e) {
    case text_encoding::utf8: return "UTF-8";
    case text_encoding::utf8_bom: return "UTF-8 (BOM)";
    case text_encoding::utf16le: return "UTF-16LE";
    case text_encoding::utf16be: return "UTF-16BE";
    }
    return "?";
}

namespace {

std::size_t line_of(std::string_view bytes, std::size_t offset) {
    return 1 + static_cast<std::size_t>(std::count(bytes.begin(), bytes.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
}

// CR LF and lone CR to LF, in place.
void normalise_newlines(std::string& s) {
    std::size_t w = 0;
    for (std::size_t r = 0; r < s.size(); ++r) {
        if (s[r] == '\r') {
            s[w++] = '\n';
            if (r + 1 < s.size() && s[r + 1] == '\n') ++r;
        } else {
            s[w++] = s[r];
        }
    }
    s.resize(w);
}

// The offset of the first invalid byte, or npos.
std::size_t first_invalid_utf8(std::string_view s) {
    std::size_t i = 0;
    const std::size_t n = s.size();
    while (i < n) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) {
            ++i;
            continue;
        }
        std::size_t len = 0;
        std::uint32_t cp = 0;
        if (c >= 0xC2 && c <= 0xDF) {
            len = 2;
            cp = c & 0x1Fu;
        } else if (c >= 0xE0 && c <= 0xEF) {
            len = 3;
            cp = c & 0x0Fu;
        } else if (c >= 0xF0 && c <= 0xF4) {
            len = 4;
            cp = c & 0x07u;
        } else {
            return i;
        }
        if (i + len > n) return i;
        for (std::size_t k = 1; k < len; ++k) {
            const auto cc = static_cast<unsigned char>(s[i + k]);
            if ((cc & 0xC0) != 0x80) return i;
            cp = (cp << 6) | (cc & 0x3Fu);
        }
        if ((len == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)))
            return i;
        i += len;
    }
    return std::string_view::npos;
}

outcome<decoded_text, decode_error> decode_utf16(std::string_view bytes, bool little, text_encoding enc, std::size_t skip) {
    decoded_text out;
    out.encoding = enc;
    out.utf8.reserve(bytes.size() / 2 + 16);
    const std::size_t n = bytes.size();
    auto unit = [&](std::size_t i) {
        const auto a = static_cast<unsigned char>(bytes[i]);
        const auto b = static_cast<unsigned char>(bytes[i + 1]);
        return static_cast<std::uint32_t>(little ? (a | (b << 8)) : ((a << 8) | b));
    };
    std::size_t line = 1;
    for (std::size_t i = skip; i < n; i += 2) {
        if (i + 1 >= n) return decode_error{i, line, enc};
        std::uint32_t cp = unit(i);
        if (cp >= 0xD800 && cp <= 0xDBFF) {
            if (i + 3 >= n) return decode_error{i, line, enc};
            const std::uint32_t lo = unit(i + 2);
            if (lo < 0xDC00 || lo > 0xDFFF) return decode_error{i, line, enc};
            cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
            i += 2;
        } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
            return decode_error{i, line, enc};
        }
        if (cp == '\n') ++line;
        append_utf8(out.utf8, cp);
    }
    normalise_newlines(out.utf8);
    return out;
}

} // namespace

outcome<decoded_text, decode_error> decode_text(std::string_view bytes) {
    const auto starts = [&](std::string_view prefix) { return bytes.substr(0, prefix.size()) == prefix; };
    if (starts("\xEF\xBB\xBF")) {
        const auto body = bytes.substr(3);
        if (const auto bad = first_invalid_utf8(body); bad != std::string_view::npos)
            return decode_error{bad + 3, line_of(bytes, bad + 3), text_encoding::utf8_bom};
        decoded_text out{std::string(body), text_encoding::utf8_bom};
        normalise_newlines(out.utf8);
        return out;
    }
    if (starts("\xFF\xFE")) return decode_utf16(bytes, true, text_encoding::utf16le, 2);
    if (starts("\xFE\xFF")) return decode_utf16(bytes, false, text_encoding::utf16be, 2);
    // No BOM: UTF-16 shows as a zero byte in every other position of its (mostly ASCII) text.
    if (bytes.size() >= 4) {
        const std::size_t probe = std::min<std::size_t>(bytes.size() & ~std::size_t{1}, 512);
        std::size_t even_zero = 0, odd_zero = 0;
        for (std::size_t i = 0; i < probe; ++i)
            if (bytes[i] == '\0') (i % 2 == 0 ? even_zero : odd_zero) += 1;
        if (odd_zero * 3 > probe) return decode_utf16(bytes, true, text_encoding::utf16le, 0);
        if (even_zero * 3 > probe) return decode_utf16(bytes, false, text_encoding::utf16be, 0);
    }
    if (const auto bad = first_invalid_utf8(bytes); bad != std::string_view::npos)
        return decode_error{bad, line_of(bytes, bad), text_encoding::utf8};
    if (bytes.find('\0') != std::string_view::npos) {
        const auto at = bytes.find('\0');
        return decode_error{at, line_of(bytes, at), text_encoding::utf8};
    }
    decoded_text out{std::string(bytes), text_encoding::utf8};
    normalise_newlines(out.utf8);
    return out;
}

outcome<decoded_text, decode_error> decode_text_in_place(std::string&& bytes) {
    const std::string_view view = bytes;
    const bool bom = view.substr(0, 3) == "\xEF\xBB\xBF";
    const bool utf16_bom = view.substr(0, 2) == "\xFF\xFE" || view.substr(0, 2) == "\xFE\xFF";
    bool utf16 = utf16_bom;
    if (!bom && !utf16 && view.size() >= 4) {
        const std::size_t probe = std::min<std::size_t>(view.size() & ~std::size_t{1}, 512);
        std::size_t zeros = 0;
        for (std::size_t i = 0; i < probe; ++i) zeros += view[i] == '\0';
        utf16 = zeros * 3 > probe;
    }
    if (utf16) {
        auto r = decode_text(view);
        std::string().swap(bytes);
        return r;
    }
    const std::size_t skip = bom ? 3 : 0;
    if (const auto bad = first_invalid_utf8(view.substr(skip)); bad != std::string_view::npos)
        return decode_error{bad + skip, line_of(view, bad + skip), bom ? text_encoding::utf8_bom : text_encoding::utf8};
    if (!bom)
        if (const auto at = view.find('\0'); at != std::string_view::npos)
            return decode_error{at, line_of(view, at), text_encoding::utf8};
    decoded_text out;
    out.encoding = bom ? text_encoding::utf8_bom : text_encoding::utf8;
    out.utf8 = std::move(bytes);
    if (bom) out.utf8.erase(0, 3);
    normalise_newlines(out.utf8);
    return out;
}

// ---------------------------------------------------------------------------------------------
// CSV

namespace {

bool is_blank(std::string_view line) {
    return std::all_of(line.begin(), line.end(), [](char c) { return c == ' ' || c == '\t' || c == ','  || c == ';'; });
}

bool is_comment(std::string_view line) {
    const auto p = line.find_first_not_of(" \t");
    return p != std::string_view::npos && line[p] == '#';
}

// Splits one record starting at `pos` (quote-aware; a record may span lines). Returns the fields and
// advances pos past the record's line break; `lines` counts the line breaks consumed.
void read_record(std::string_view t, std::size_t& pos, char delim, std::vector<std::string>& fields, std::size_t& lines) {
    fields.clear();
    std::string field;
    bool quoted = false;
    bool field_started_quoted = false;
    const std::size_t n = t.size();
    while (pos < n) {
        const char c = t[pos];
        if (quoted) {
            if (c == '"') {
                if (pos + 1 < n && t[pos + 1] == '"') {
                    field += '"';
                    pos += 2;
                    continue;
                }
                quoted = false;
                ++pos;
                continue;
            }
            if (c == '\n') ++lines;
            field += c;
            ++pos;
            continue;
        }
        if (c == '"' && (field.empty() || std::all_of(field.begin(), field.end(), [](char x) { return x == ' '; })) &&
            !field_started_quoted) {
            field.clear();
            quoted = true;
            field_started_quoted = true;
            ++pos;
            continue;
        }
        if (c == delim) {
            fields.push_back(std::move(field));
            field.clear();
            field_started_quoted = false;
            ++pos;
            continue;
        }
        if (c == '\n') {
            ++pos;
            ++lines;
            fields.push_back(std::move(field));
            return;
        }
        field += c;
        ++pos;
    }
    fields.push_back(std::move(field));
}

std::string_view line_at(std::string_view t, std::size_t pos) {
    const auto end = t.find('\n', pos);
    return t.substr(pos, end == std::string_view::npos ? std::string_view::npos : end - pos);
}

} // namespace

char sniff_delimiter(std::string_view text) {
    constexpr std::array<char, 3> candidates{'\t', ';', ','};
    std::array<std::size_t, 3> best{};
    std::size_t pos = 0;
    std::vector<std::string> fields;
    for (std::size_t i = 0; i < candidates.size(); ++i) {
        pos = 0;
        std::size_t examined = 0;
        while (pos < text.size() && examined < 30) {
            const auto line = line_at(text, pos);
            if (is_comment(line) || line.find_first_not_of(" \t") == std::string_view::npos) {
                pos += line.size() + 1;
                continue;
            }
            std::size_t lines = 0;
            read_record(text, pos, candidates[i], fields, lines);
            best[i] = std::max(best[i], fields.size());
            ++examined;
        }
    }
    std::size_t pick = 0;
    for (std::size_t i = 1; i < candidates.size(); ++i)
        if (best[i] > best[pick]) pick = i;
    return best[pick] <= 1 ? ',' : candidates[pick];
}

csv_table parse_csv(std::string_view text) { return parse_csv(text, sniff_delimiter(text)); }

namespace {

std::size_t csv_records(std::string_view t, char delim,
                        const std::function<bool(std::vector<std::string>& fields, std::size_t line)>& record) {
    std::size_t comments = 0;
    std::vector<std::string> fields;
    std::size_t pos = 0;
    std::size_t line = 1;
    bool data = false;
    while (pos < t.size()) {
        const auto raw = line_at(t, pos);
        if (is_comment(raw)) {
            ++comments;
            if (data) break; // a further GA4 table starts: ours has ended
            pos += raw.size() + 1;
            ++line;
            continue;
        }
        if (is_blank(raw)) {
            pos += raw.size() + 1;
            ++line;
            continue;
        }
        const std::size_t first_line = line;
        std::size_t lines = 0;
        read_record(t, pos, delim, fields, lines);
        line += lines == 0 ? 1 : lines;
        while (!fields.empty() && fields.back().empty()) fields.pop_back();
        data = true;
        if (!record(fields, first_line)) break;
    }
    return comments;
}

} // namespace

void for_each_csv_record(std::string_view t, char delim,
                         const std::function<bool(std::vector<std::string>& fields, std::size_t line)>& record) {
    (void)csv_records(t, delim, record);
}

csv_table parse_csv(std::string_view t, char delim) {
    csv_table table;
    table.delimiter = delim;
    std::vector<std::vector<std::string>> rows;
    std::size_t max_cols = 0;
    table.comment_lines = csv_records(t, delim, [&](std::vector<std::string>& fields, std::size_t line) {
        max_cols = std::max(max_cols, fields.size());
        rows.push_back(std::move(fields));
        table.source_lines.push_back(line);
        return true;
    });
    table.cells = grid(rows.size(), max_cols);
    for (std::size_t r = 0; r < rows.size(); ++r)
        for (std::size_t c = 0; c < rows[r].size(); ++c)
            if (!rows[r][c].empty()) table.cells.at(r, c) = grid_cell(std::move(rows[r][c]));
    return table;
}

} // namespace kpi
