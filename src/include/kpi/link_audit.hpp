// The linkage audit: every KPI's link code, in O(rows) (docs/register.md, "Link rules").
//
// Each KPI row has at most one parent, so the "supports" relation is a functional graph
// (out-degree <= 1). Cycle membership and "does the chain reach a strategic KPI" are both found
// by iterative walks along parent pointers with a three-colour memo: every row is entered once
// and left once, so the whole audit is linear, uses no recursion (a 1M-row chain is fine) and
// needs no general graph machinery. (Boost.Graph's strong_components gives the same cycles and
// is used by the unit tests as an independent cross-check, not here: it would add an adjacency
// list of 1M vertices for a graph whose edges are already an array.)
#pragma once

#include "kpi/register.hpp"

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace kpi {

// Link codes. When several apply, the first one in this order wins:
//   DUPLICATE > NOLEVEL > BROKEN > CYCLE > INVERTED > UNLINKED > NOROOT
enum class link_code : std::uint8_t {
    ok,        // OK: strategic (no parent, or a strategic parent), or tactical reaching a strategic KPI
    duplicate, // DUPLICATE: the ID (folded) is used by more than one row: all those rows
    nolevel,   // NOLEVEL: level missing or not recognised
    broken,    // BROKEN: the parent ID is not in the register
    cycle,     // CYCLE: the KPI is on a loop of parent links (incl. being its own parent)
    inverted,  // INVERTED: a strategic KPI whose parent is tactical
    unlinked,  // UNLINKED: a tactical KPI with no parent
    noroot,    // NOROOT: a tactical KPI whose chain stops before reaching a strategic KPI: at a
               //   tactical KPI without parent or with a broken parent, a KPI without level, an
               //   ambiguous (duplicate) ID, or a loop it is not itself part of
};

// Exactly the code shown in cells: "OK", "UNLINKED", "BROKEN", "CYCLE", "INVERTED", "NOROOT",
// "DUPLICATE", "NOLEVEL".
[[nodiscard]] std::string_view to_string(link_code c) noexcept;
[[nodiscard]] std::optional<link_code> link_code_from_string(std::string_view s) noexcept;
// The link status in words, for people: {"Parent not found", "Không tìm thấy KPI cha"} for BROKEN.
[[nodiscard]] text link_status_words(link_code c) noexcept;

inline constexpr std::uint32_t no_row = 0xFFFFFFFFu;

struct link_result {
    link_code code = link_code::ok;
    // The register row (index into kpi_register::rows()) of the parent, when the parent ID
    // names exactly one row; no_row otherwise.
    std::uint32_t parent = no_row;
    // NOROOT: the row where the chain stops: the first ancestor without a usable parent link
    // (tactical with no parent, a broken or ambiguous parent), an ancestor without level, or the
    // row where the chain enters a loop. It is the row itself when its own parent ID is ambiguous.
    // no_row for the other codes.
    std::uint32_t blocker = no_row;
    bool ambiguous_parent = false; // the parent ID names several rows (they are DUPLICATE)
};

// One result per register row, in register order.
[[nodiscard]] std::vector<link_result> audit_links(const kpi_register& reg);

} // namespace kpi
