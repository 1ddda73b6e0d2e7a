// Small registers for the register / link / SMART / audit tests.
#pragma once

#include <kpi/register.hpp>

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace kpi_test {

// 2026-06-15 as a Calc day serial.
inline constexpr kpi::day_serial today = 46188;

inline const std::vector<kpi::grid_cell> english_header{
    "ID", "Name", "Level", "Group", "Parent", "Owner", "Unit", "Direction",
    "Baseline", "Target", "Deadline", "Actual", "Source"};

// A complete, SMART-clean row in the English header's column order.
struct row_spec {
    std::string id;
    std::string level = "Tactical";
    std::string parent;
    std::string name = "Cost per lead on Facebook Ads";
    std::string group = "Acquisition & cost";
    std::string unit = "VND";
    std::string direction = "Lower is better";
    kpi::grid_cell baseline = 100000.0;
    kpi::grid_cell target = 80000.0;
    kpi::grid_cell deadline = "2026-Q4";
    kpi::grid_cell actual{};
    bool actual_is_formula = false; // the Actual cell holds a formula (as the glue marks it)
    std::string source = "=KPI.CPL(B2;C2)";
    std::string owner = "Lan";
};

inline row_spec strategic(std::string id, std::string parent = {}) {
    row_spec r;
    r.id = std::move(id);
    r.level = "Strategic";
    r.parent = std::move(parent);
    r.name = "Revenue growth 2026";
    r.group = "";
    r.unit = "%";
    r.direction = "Higher is better";
    r.baseline = 0.10;
    r.target = 0.15;
    r.source = "=KPI.REVGROWTH(B2;C2)";
    return r;
}

inline row_spec tactical(std::string id, std::string parent) {
    row_spec r;
    r.id = std::move(id);
    r.parent = std::move(parent);
    return r;
}

inline std::vector<kpi::grid_cell> cells_of(const row_spec& r) {
    auto text = [](const std::string& s) { return s.empty() ? kpi::grid_cell{} : kpi::grid_cell{s}; };
    return {text(r.id),   text(r.name),      text(r.level), text(r.group), text(r.parent),
            text(r.owner), text(r.unit),     text(r.direction), r.baseline, r.target,
            r.deadline,    r.actual,         text(r.source)};
}

inline kpi::grid make_grid(const std::vector<row_spec>& rows) {
    std::vector<std::vector<kpi::grid_cell>> g{english_header};
    for (const auto& r : rows) g.push_back(cells_of(r));
    auto grid = kpi::grid::from_rows(g);
    for (std::size_t i = 0; i < rows.size(); ++i)
        if (rows[i].actual_is_formula) grid.set_formula(i + 1, 11); // Actual is column 11
    return grid;
}

inline kpi::kpi_register make_register(const std::vector<row_spec>& rows) {
    auto result = kpi::parse_register(make_grid(rows));
    EXPECT_TRUE(result.ok());
    return std::move(result).value();
}

} // namespace kpi_test
