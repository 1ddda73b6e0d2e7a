#include "kpi/review_step.hpp"

#include "kpi/text_fold.hpp"
#include "kpi/workbook_template.hpp"

#include <algorithm>
#include <utility>

namespace kpi {


std::vector<review_entry> review_layout(const workbook_profile& profile, std::string_view language) {
    constexpr text no_kpi_note{"No KPI serves this goal yet: choose a channel on step 3",
                               "Chưa có KPI nào phục vụ mục tiêu này: hãy chọn kênh ở bước 3"};
    const auto kpis = proposed_kpis(profile);
    const auto chosen = effective_goals(profile);
    std::vector<std::pair<strategic_goal, std::vector<const proposed_kpi*>>> groups;
    for (std::size_t g = 0; g < strategic_goal_count; ++g) {
        const auto goal = static_cast<strategic_goal>(g);
        std::vector<const proposed_kpi*> serving;
        for (const auto& k : kpis)
            if (k.goal == goal) serving.push_back(&k);
        const bool is_chosen =
            std::any_of(chosen.begin(), chosen.end(), [&](const goal_target& t) { return t.goal == goal; });
        if (!serving.empty() || is_chosen) groups.emplace_back(goal, std::move(serving));
    }
    // Rows of a group: its heading, then its KPIs or the note.
    auto rows_of = [](const auto& group) {
        return 1 + (group.second.empty() ? review_note_rows : group.second.size());
    };

    // Column 1 holds the groups before break_group, when such a boundary fits both columns.
    std::size_t total = 0;
    for (const auto& group : groups) total += rows_of(group);
    std::size_t break_group = groups.size(), tallest = total;
    for (std::size_t b = 0, left = 0; b <= groups.size(); ++b) {
        const std::size_t right = total - left;
        if (left <= review_rows_per_column && right <= review_rows_per_column && std::max(left, right) < tallest) {
            tallest = std::max(left, right);
            break_group = b;
        }
        if (b < groups.size()) left += rows_of(groups[b]);
    }
    const bool split_inside_a_group = total > review_rows_per_column && tallest == total;

    std::vector<review_entry> out;
    std::size_t column = 0, row = 0;
    auto next_column = [&] { column = 1, row = 0; };
    auto heading = [&](strategic_goal goal) {
        out.push_back(
            {review_entry::kind::goal_heading, column, row++, std::string(goal_name(goal, language)), {}, {}, 1});
    };
    for (std::size_t gi = 0; gi < groups.size(); ++gi) {
        const auto& [goal, serving] = groups[gi];
        if (column == 0 && !split_inside_a_group && gi == break_group && gi > 0) next_column();
        // A heading never ends column 1, and a note stays under its heading.
        const std::size_t keep = serving.empty() ? 1 + review_note_rows : 2;
        if (column == 0 && split_inside_a_group && row + keep > review_rows_per_column) next_column();
        heading(goal);
        if (serving.empty()) {
            out.push_back({review_entry::kind::note, column, row, std::string(no_kpi_note.in(language)), {}, {},
                           review_note_rows});
            row += review_note_rows;
            continue;
        }
        for (const auto* k : serving) {
            if (column == 0 && row == review_rows_per_column) {
                next_column();
                heading(goal);
            }
            const auto& name = k->name(language);
            out.push_back({review_entry::kind::kpi, column, row++,
                           utf8_length(name) <= review_label_chars ? name : k->short_name(language), k->id,
                           k->id + ": " + name + " → " + k->goal_id, 1});
        }
    }
    return out;
}

} // namespace kpi
