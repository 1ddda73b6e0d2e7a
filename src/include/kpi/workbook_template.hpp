// The KPI workbook template (issue 5): from a workbook_profile to a plain, UNO-free model of the
// sheets "KPI Register", "Data", "Dashboard" and "Guide" (names in the profile's language). The
// glue (addin/workbook_builder.hpp) writes the model into a Calc document; `kpi new` and the
// wizard's Finish button both go through it. docs/workbook.md describes the layout.
//
// Formulas are in Calc's API (English) syntax with `;` separators and the add-in's display names
// (=KPI.CPL(C2;F2)). References to another sheet of the workbook are written as a placeholder,
// {register}, {data}, {dashboard} or {guide}, followed by `.` and the address: the writer knows
// the final sheet names only when it writes (a taken name gets a new one, "Data 2") and replaces
// the placeholder by the quoted absolute sheet name ($'Data 2'). resolve_formula() does that.
#pragma once

#include "kpi/data_sheet.hpp"
#include "kpi/period.hpp"
#include "kpi/register.hpp"
#include "kpi/workbook_profile.hpp"

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace kpi {

// ---- what the wizard's review step shows ------------------------------------------------------

// A tactical KPI the template proposes for a channel, linked to one strategic goal.
struct proposed_kpi {
    std::string id;             // stable: channel code + metric ("FB-CPL", "SEO-ORG")
    std::string name_en;        // "Cost per lead - Facebook Ads"
    std::string name_vi;        // "Chi phí mỗi lead - Quảng cáo Facebook"
    std::string short_name_en;  // the metric's Data column header and the channel: "CPL - Facebook Ads"
    std::string short_name_vi;  // "CPL - Quảng cáo Facebook"
    channel source = channel::facebook_ads;
    std::string metric;         // metric key, see metric_keys(): "cpl", "ctr", ...
    std::string function;       // the cell function it uses: "KPI.CPL"
    kpi_group group = kpi_group::acquisition_cost;
    kpi_direction direction = kpi_direction::lower_is_better;
    strategic_goal goal = strategic_goal::romi; // the goal it supports (its Parent)
    std::string goal_id;        // the strategic KPI's ID in the register ("S-ROMI")
    double baseline = 0;        // proposed baseline and target (money in the profile's currency)
    double target = 0;

    [[nodiscard]] const std::string& name(std::string_view language) const noexcept {
        return language.substr(0, 2) == "vi" ? name_vi : name_en;
    }
    [[nodiscard]] const std::string& short_name(std::string_view language) const noexcept {
        return language.substr(0, 2) == "vi" ? short_name_vi : short_name_en;
    }
};

// The tactical KPIs proposed for the profile's channels and goals, in register order. The review
// step shows them with checkboxes; unticked IDs go to workbook_profile::excluded_kpis (this list
// ignores that field). Goals omitted in the profile are the industry's defaults.
[[nodiscard]] std::vector<proposed_kpi> proposed_kpis(const workbook_profile& profile);

// The strategic goals the workbook will have: the profile's, or the industry's defaults when the
// profile has none (default_goals).
[[nodiscard]] std::vector<goal_target> effective_goals(const workbook_profile& profile);
[[nodiscard]] std::vector<goal_target> default_goals(industry sector);
[[nodiscard]] std::vector<channel> default_channels(industry sector);

// The strategic KPI ID of a goal ("S-REV") and its key for the command line ("revenue_growth").
[[nodiscard]] std::string_view goal_id(strategic_goal g) noexcept;
// Its name in a language ("Revenue growth", "Tăng trưởng doanh thu").
[[nodiscard]] std::string_view goal_name(strategic_goal g, std::string_view language) noexcept;
[[nodiscard]] std::string_view to_string(strategic_goal g) noexcept;
[[nodiscard]] std::optional<strategic_goal> parse_goal(std::string_view key);
[[nodiscard]] std::string_view to_string(industry i) noexcept; // "ecommerce", ...
[[nodiscard]] std::optional<industry> parse_industry(std::string_view key); // also "retail", "b2b"
[[nodiscard]] std::optional<channel> parse_channel_key(std::string_view key); // "facebook", "seo", ...
[[nodiscard]] std::span<const std::string_view> metric_keys() noexcept;

// ---- the model ----------------------------------------------------------------------------------

// The sheets a model can have: the template's four, then the report's (report.hpp).
enum class sheet_role : std::uint8_t {
    kpi_register, data, dashboard, guide, trends,
    report_cover, report_summary, report_acquisition, report_digital, report_customer, report_other,
    report_findings, report_appendix
};
inline constexpr std::size_t template_sheet_count = 5; // kpi_register .. trends
inline constexpr std::size_t sheet_role_count = 13;
[[nodiscard]] std::string_view placeholder(sheet_role r) noexcept; // "{register}", "{data}", ...

struct cell_rect {
    std::int32_t first_row = 0, first_col = 0, last_row = 0, last_col = 0; // 0-based, inclusive
    friend bool operator==(const cell_rect&, const cell_rect&) = default;
};

struct model_cell {
    enum class kind : std::uint8_t { empty, text, number, formula };
    kind type = kind::empty;
    std::string text; // text, or the formula ("=KPI.CPL(C2;F2)")
    double number = 0;

    static model_cell of_text(std::string s) { return {kind::text, std::move(s), 0}; }
    static model_cell of_number(double d) { return {kind::number, {}, d}; }
    static model_cell of_formula(std::string f) { return {kind::formula, std::move(f), 0}; }
};

enum class number_kind : std::uint8_t { currency, percent, integer, decimal, date, seconds };

struct range_style {
    cell_rect area;
    std::optional<number_kind> number;
    bool bold = false;
    bool header = false; // header look: bold, shaded, wrapped text
    bool wrap = false;   // wrap long text
    std::optional<std::string> number_code; // a number format code of its own ("#,##0"), en-US syntax
    float font_height = 0;                  // points; 0 keeps the default
    bool input = false;                     // a cell the user fills in: input look (light yellow)
    bool top = false;                       // vertical alignment at the top
};

// A drop-down list: literal values, or the cells of a range on a sheet of the workbook.
struct validation_rule {
    cell_rect area;
    std::vector<std::string> values;      // literal list, or
    std::optional<sheet_role> source_sheet; // the list is source_range on that sheet
    cell_rect source_range;
};

// Calc's icon set (3 traffic lights on the values -1, 0, 1 of KPI.STATUS).
struct icon_set_rule {
    cell_rect area;
    bool show_value = false;
};

// A formula condition with a cell style ("Good", "Neutral", "Bad" are Calc's built-in styles).
struct style_rule {
    cell_rect area;
    std::string formula; // relative to the top-left cell of area, e.g. "$J5=1"
    std::string style;
};

enum class chart_type : std::uint8_t { column, bar, line };

struct chart_spec {
    std::string name;   // object name, unique in the workbook
    std::string title;
    chart_type type = chart_type::column;
    std::vector<cell_rect> ranges; // on the same sheet: the first column gives the categories
    bool first_row_is_header = true;
    cell_rect anchor;   // the cells the chart covers
    std::optional<double> value_axis_min; // e.g. 0 so that bars compare honestly; unset: automatic
    std::optional<sheet_role> data_sheet; // the ranges are on that sheet of the workbook; unset: this one
    bool series_in_rows = false; // each row of the range is a series (first column: names, first row:
                                 // categories); otherwise each column (first column: categories)
};

struct named_range {
    std::string name; // "KPI_Register"
    sheet_role sheet = sheet_role::kpi_register;
    cell_rect area;
};

struct sheet_model {
    sheet_role role = sheet_role::kpi_register;
    std::string name;                       // in the workbook's language
    std::vector<std::vector<model_cell>> rows; // from A1; ragged rows are fine
    std::vector<std::pair<std::int32_t, std::int32_t>> column_widths; // (col, 1/100 mm)
    std::vector<range_style> styles;
    std::int32_t frozen_rows = 0;
    std::vector<validation_rule> validations;
    std::vector<icon_set_rule> icon_sets;
    std::vector<style_rule> style_rules;
    std::vector<chart_spec> charts;
    std::optional<cell_rect> print_area;
    std::int32_t print_title_rows = 0; // rows repeated on every printed page
    std::vector<std::int32_t> hidden_columns; // helper columns the user does not need to see
    // Rows that start a new printed page (a chart and its data below it: never cut by a page break).
    std::vector<std::int32_t> page_break_before;

    [[nodiscard]] std::size_t cols() const noexcept; // widest row
    [[nodiscard]] const model_cell* at(std::size_t row, std::size_t col) const noexcept;
};

// Printing: one page style for every sheet of the model (reports).
struct page_layout {
    std::string style_name;   // "KPI Report"; a taken name gets " 2", ...
    bool landscape = false;   // A4 either way
    std::string footer_left;  // e.g. the company; the footer's right side shows "Page n / N"
    std::string page_word;    // "Page" / "Trang"
    bool fit_width = true;    // scale each sheet to one page wide
};

struct workbook_model {
    std::string language; // "vi" or "en"
    std::optional<page_layout> page;
    currency money = currency::vnd;
    std::vector<sheet_model> sheets; // register, data, dashboard, guide (in that order)
    std::vector<named_range> names;
    std::size_t strategic_count = 0, tactical_count = 0;

    [[nodiscard]] const sheet_model& sheet(sheet_role r) const;
};

struct template_options {
    // Further tactical KPIs (custom ones, e.g. a second CPL for another campaign); their metric
    // must be one of metric_keys(), their ID unique.
    std::vector<proposed_kpi> extra_kpis;
    // How many periods the Data and Trends sheets hold; 0: one year (12 months or 4 quarters).
    int period_count = 0;
};

// The first month of the plan: the profile's start, or (start_year 0) the first month of the
// period after the one containing `today` (monthly: next month; quarterly: next quarter).
struct plan_month {
    int year = 0, month = 0;
};
[[nodiscard]] plan_month plan_start_month(const workbook_profile& profile, day_serial today);

// The target the wizard proposes for a goal the industry's defaults do not have; it lies on the
// right side of the goal's typical baseline.
[[nodiscard]] double default_target(strategic_goal g) noexcept;

// Builds the model. `today` (a Calc day serial) makes every deadline lie in the future: the end
// of the plan's first year for strategic KPIs, of its first half for tactical ones, moved on by
// whole years (half-years) while that has passed. Throws std::invalid_argument for a profile it
// cannot build (language other than vi/en, month outside 1..12, a year outside 1900..9000,
// duplicate KPI IDs, an unknown metric in extra_kpis).
[[nodiscard]] workbook_model build_template(const workbook_profile& profile, day_serial today,
                                            const template_options& options = {});

// The register sheet's cells as a kpi::grid (formulas as empty cells: their results are not
// known without Calc), for parse_register.
[[nodiscard]] grid to_grid(const sheet_model& sheet);

// Replaces the sheet placeholders by quoted absolute sheet names: "{data}.$C:$C" with names[data]
// = "Dữ liệu" gives "$'Dữ liệu'.$C:$C". `names` is indexed by sheet_role.
[[nodiscard]] std::string resolve_formula(std::string_view formula,
                                          const std::array<std::string, sheet_role_count>& names);
// "$'It''s'" for a sheet name.
[[nodiscard]] std::string quote_sheet(std::string_view name);
// A1-style address of a rect without sheet: "$A$1:$M$20"; column letters of a 0-based column.
[[nodiscard]] std::string absolute_address(const cell_rect& r);
[[nodiscard]] std::string column_letters(std::int32_t col);

} // namespace kpi
