// The KPI tree: how every tactical KPI serves a strategic goal, as pages of boxes and edges
// (docs/register.md, "The KPI tree"). UNO-free: the Calc drawing, the `kpi tree` SVG and the
// report page all draw this layout.
//
// Layout rules:
//  - strategic goals (strategic KPIs whose link is OK and that have no parent) head the columns in
//    the top row of a page; under a goal, the KPIs that serve it, its direct children grouped by
//    tactical group (sub-goals first, then Acquisition & cost, Digital & SEO, Customer value &
//    relationship, no group), each subtree depth first and indented one step per level;
//  - KPIs whose link is not OK (UNLINKED, BROKEN, CYCLE, INVERTED, NOROOT, DUPLICATE, NOLEVEL),
//    and OK KPIs whose parent is one of those, stand apart in the "not linked" lane: its own
//    columns after the goals', one section per reason, labelled with the reason's words;
//  - a goal no tactical KPI serves is marked (tree_box::no_tactical);
//  - text is never smaller than min_font_pt: a column longer than a page continues in the next
//    column (headed by a continuation box of its goal), columns that do not fit a page go on the
//    next page; names are wrapped on at most two lines and shortened with "…", the full name
//    stays in tree_box::full_name;
//  - boxes never overlap; edges run from the parent's box down a trunk at the parent's left and
//    right into the child's box: within a goal's subtree no two edges cross;
//  - deterministic: the same register and audit give the same layout, byte for byte.
#pragma once

#include "kpi/audit.hpp"
#include "kpi/catalog.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kpi {

// The status the Dashboard shows (KPI.STATUS of actual against target, by direction).
enum class tree_status : std::uint8_t { none, on_track, at_risk, off_track };

[[nodiscard]] std::string_view to_string(tree_status s) noexcept; // "none", "on_track", ...
[[nodiscard]] text status_title(tree_status s) noexcept; // {"On track", "Đạt"}, {"No status", ...}

// The colours of a status, as the Dashboard's cell styles Good / Neutral / Bad of LibreOffice
// (background and font colour, 0xRRGGBB); grey for no status.
struct status_colours {
    std::uint32_t fill = 0;
    std::uint32_t text = 0;
};
[[nodiscard]] status_colours colours_of(tree_status s) noexcept;

enum class tree_box_kind : std::uint8_t {
    goal,         // a strategic goal heading a column
    kpi,          // a KPI under its goal (tactical, or a strategic sub-goal)
    continuation, // the goal again, at the top of a column that continues its subtree
    lane_kpi,     // a KPI in the "not linked" lane
};

// Why a KPI stands in the lane: its link code, or `outside` for an OK KPI whose parent is in the lane.
enum class lane_reason : std::uint8_t {
    unlinked,
    broken,
    cycle,
    inverted,
    noroot,
    duplicate,
    nolevel,
    outside
};
[[nodiscard]] text lane_reason_title(lane_reason r) noexcept; // "No parent (UNLINKED)" / Vietnamese

struct tree_box {
    tree_box_kind kind = tree_box_kind::kpi;
    std::size_t row = 0;            // index into the register's rows
    std::size_t grid_row = 0;       // the row in the register's grid (kpi_row::grid_row)
    std::string id;                 // as the register shows it
    std::vector<std::string> label; // the short name: 1 or 2 lines, shortened with "…"; may be empty
    std::string full_name;          // the name as the register has it (sanitised: no control characters)
    std::string detail;             // "actual / target unit", "— / 80,000 VND" without actual
    tree_status status = tree_status::none;
    link_code link = link_code::ok;
    std::optional<lane_reason> reason; // lane boxes only
    bool no_tactical = false;          // a goal no tactical KPI serves
    int depth = 0;                     // 0 for goals and lane boxes
    double x = 0, y = 0, w = 0, h = 0; // mm from the page's top left corner
};

// A straight segment of an edge's route, mm.
struct tree_point {
    double x = 0, y = 0;
};

struct tree_edge {
    std::size_t from = 0;          // index into tree_page::boxes: the parent
    std::size_t to = 0;            // the child
    std::vector<tree_point> route; // from the parent's bottom edge to the child's left edge
};

enum class tree_label_kind : std::uint8_t {
    title,
    group,
    lane_title,
    lane_section,
    message,
    mark, // under a goal no tactical KPI serves (one label per line)
};

// A line of text outside the boxes: the page title, a group's name, the lane's title and sections,
// a message (an empty register).
struct tree_label {
    tree_label_kind kind = tree_label_kind::group;
    std::string text;
    double x = 0, y = 0; // baseline start, mm
    double pt = 8;
};

struct tree_page {
    std::vector<tree_box> boxes;
    std::vector<tree_edge> edges;
    std::vector<tree_label> labels;
};

struct tree_options {
    std::string language = "en";
    double page_width = 297, page_height = 210; // mm: A4 landscape
    double margin = 10;
    double box_width = 50, box_height = 18;
    double indent = 6;  // per level under a goal
    double row_gap = 3; // between boxes of a column
    double column_gap = 8;
    double font_pt = 8;     // names and details; IDs are font_pt + 1, bold
    double min_font_pt = 8; // font_pt below this is raised to it
    std::string title;      // the page title; "" -> "KPI tree" / "Cây KPI"
};

struct tree_layout {
    std::vector<tree_page> pages; // at least one
    tree_options options;         // as used (font_pt raised to min_font_pt)
    std::size_t kpi_count = 0;    // register rows
    std::size_t goal_count = 0;
    std::size_t lane_count = 0; // KPIs in the lane

    [[nodiscard]] std::size_t box_count() const noexcept; // every box of every page
    [[nodiscard]] std::size_t edge_count() const noexcept;
};

// The layout of an audited register. O(rows x depth); no allocation per row beyond its box.
[[nodiscard]] tree_layout layout_tree(const audit_report& audit, const tree_options& options = {});

// The status of register row i, as the Dashboard computes it (actual against target, direction).
[[nodiscard]] tree_status kpi_tree_status(const kpi_register& reg, std::size_t i);

// Text fitted into a width at a font size: wrapped at spaces on at most `lines` lines, the last
// one shortened with "…" when the text does not fit; never split inside a character or before a
// combining mark. Control characters become spaces; invalid UTF-8 becomes U+FFFD.
[[nodiscard]] std::vector<std::string> fit_text(std::string_view utf8, double width_mm, double pt,
                                                std::size_t lines, bool bold = false);
// The width of a line of text at `pt`, estimated generously for DejaVu Sans, mm.
[[nodiscard]] double text_width_mm(std::string_view utf8, double pt, bool bold = false);
// Control characters as spaces, invalid UTF-8 as U+FFFD, trimmed.
[[nodiscard]] std::string sanitise_text(std::string_view utf8);

// The layout as one self-contained SVG document (UTF-8): its pages one below the other, each a
// group with the page's frame; boxes with their status colour, a <title> with the full name
// (the tooltip), text escaped.
[[nodiscard]] std::string tree_svg(const tree_layout& layout);
// One page alone, as its own SVG document of the page's size (for PDF and PNG export).
[[nodiscard]] std::string tree_page_svg(const tree_layout& layout, std::size_t page);

} // namespace kpi
