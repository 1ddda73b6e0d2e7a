// The template wizard's review step (step 4) as a layout, UNO-free: the proposed tactical KPIs as
// checkboxes under a heading per strategic goal they serve, in two columns. The dialog
// (addin/new_workbook_dialog.cpp) makes one control per entry; docs/workbook.md shows it.
#pragma once

#include "kpi/workbook_profile.hpp"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace kpi {

inline constexpr std::size_t review_columns = 2;
inline constexpr std::size_t review_rows_per_column = 16;
// A KPI's name longer than this (in characters) gives way to its short name: a column is 178 dialog
// units wide.
inline constexpr std::size_t review_label_chars = 44;

struct review_entry {
    // note: under the heading of a chosen goal that no proposed KPI serves, "No KPI serves this goal
    // yet: choose a channel on step 3" (it takes review_note_rows rows: the text wraps).
    enum class kind { goal_heading, kpi, note };
    kind what = kind::kpi;
    std::size_t column = 0; // 0 or 1
    std::size_t row = 0;    // from the top of its column
    std::string label;      // the goal's name, the KPI's name (its short name when too long), the note
    std::string kpi_id;     // kpi: "FB-CPL"
    std::string tooltip;    // kpi: "FB-CPL: Cost per lead - Facebook Ads → S-ROMI"
    std::size_t height = 1; // rows taken: 1, review_note_rows for a note
};
inline constexpr std::size_t review_note_rows = 2;

// The entries for the profile's proposed KPIs (proposed_kpis), in `language`: the chosen goals
// (effective_goals) in the order of strategic_goal, each heading followed by the KPIs serving it in
// register order, or by a note when none serves it. The second column
// starts at the goal boundary that balances the two best; when none fits, at the 17th row, the goal's
// heading repeated on top, and a heading never ends the first column.
[[nodiscard]] std::vector<review_entry> review_layout(const workbook_profile& profile, std::string_view language);

} // namespace kpi
