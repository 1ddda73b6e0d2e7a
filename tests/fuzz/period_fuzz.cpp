// libFuzzer target: the text parsers (periods, numbers, folding, JSON quoting).
// Invariants checked, beyond "no crash, no UB, no leak" (ASan/UBSan):
//  - a parsed period has first <= last, and its canonical text parses back to the same period;
//  - a parsed number is finite;
//  - fold() output has no leading/trailing/double spaces and no ASCII capitals;
//  - json_quote() output is valid UTF-8 in quotes.
#include <kpi/audit.hpp>
#include <kpi/period.hpp>
#include <kpi/register.hpp>
#include <kpi/text_fold.hpp>

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <string_view>

namespace {

void check(bool ok) {
    if (!ok) std::abort();
}

bool valid_utf8(std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        std::size_t len = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
        if (len == 0 || i + len > s.size()) return false;
        for (std::size_t k = 1; k < len; ++k)
            if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
        i += len;
    }
    return true;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);

    if (const auto p = kpi::parse_period(text)) {
        check(p->first <= p->last);
        const auto again = kpi::parse_period(kpi::to_string(*p));
        check(again && *again == *p);
    }
    if (const auto n = kpi::parse_number(text)) check(std::isfinite(*n));
    if (size >= sizeof(double)) {
        double d = 0;
        __builtin_memcpy(&d, data, sizeof d);
        if (const auto p = kpi::period_from_number(d)) {
            check(p->first <= p->last);
            check(kpi::parse_period(kpi::to_string(*p)) == p);
        }
    }

    const std::string f = kpi::fold(text);
    check(f.empty() || (f.front() != ' ' && f.back() != ' '));
    check(f.find("  ") == std::string::npos);
    for (const char c : f) check(!(c >= 'A' && c <= 'Z'));
    (void)kpi::fold_key(text);
    (void)kpi::recognise_header(text);
    (void)kpi::parse_level(text);
    (void)kpi::parse_group(text);
    (void)kpi::parse_direction(text);

    const std::string q = kpi::json_quote(text);
    check(q.size() >= 2 && q.front() == '"' && q.back() == '"' && valid_utf8(q));
    return 0;
}
