// The KPI report (issue 6; docs/report.md): from an audited register to a plain, UNO-free
// kpi::report, and from that to a workbook_model whose sheets are the report's sections:
// cover, executive summary (strategic KPIs), one section per tactical group (table and chart),
// linkage-audit and SMART findings, and an appendix defining every KPI (formula and source).
// The glue (addin/report_writer.hpp) writes the model into a new Calc document and exports it
// (PDF, ODS, XLSX, HTML); the menu command and `kpi report` both go through it.
#pragma once

#include "kpi/audit.hpp"
#include "kpi/catalog.hpp"
#include "kpi/cells.hpp"
#include "kpi/period.hpp"
#include "kpi/tree_layout.hpp"
#include "kpi/workbook_template.hpp"

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kpi {

// ---- KPIs over time: the workbook's Trends sheet ------------------------------------------------
// Contract (docs/report.md): two blocks, each a header row whose column A is "ID" and whose cells
// from column C on are period keys ("2026-01", "2026-Q2"), consecutive, left to right; below it one
// row per KPI (A = ID, B = name, C.. = a number, or empty / "" for no data) up to the first row whose
// A is empty. Block 1 holds each period's own value, block 2 the plan-to-date value as of it.

struct trend_row {
    std::string id, name;
    std::vector<cell> values; // one per period of the sheet; blank = no data
    // Cells holding text where a number belongs (read as blank): (position, the text).
    std::vector<std::pair<std::size_t, std::string>> texts;
};

struct trends_sheet {
    std::vector<period> periods;    // block 1's header
    std::vector<std::string> keys;  // their canonical keys ("2026-01")
    std::vector<trend_row> period_value; // block 1
    std::vector<trend_row> plan_to_date; // block 2, re-aligned on block 1's periods (by key)

    [[nodiscard]] const trend_row* value_row(std::string_view id) const noexcept;
    [[nodiscard]] const trend_row* plan_row(std::string_view id) const noexcept;
    [[nodiscard]] period_kind granularity() const noexcept; // of the periods (month when none)
};

// The Trends sheet's blocks; nullopt when the sheet has no header row "ID" followed by periods.
[[nodiscard]] std::optional<trends_sheet> read_trends(const grid& sheet);

// The position of `text` ("2026-03", "Q1 2026", "Tháng 3/2026", ...) among the sheet's periods;
// nullopt when it is not a period, or not one of the sheet's (another year, another granularity).
[[nodiscard]] std::optional<std::size_t> find_trend_period(const trends_sheet& t, std::string_view text);
// The last period in which some KPI has a value in block 1; nullopt when there is none.
[[nodiscard]] std::optional<std::size_t> latest_trend_period(const trends_sheet& t);
// The Dashboard's period selector (named range KPI_Period) as a request: its period key, or "" for
// "Latest period" / "Kỳ gần nhất", "Plan to date" / "Từ đầu kế hoạch" and anything else.
[[nodiscard]] std::string selector_period(std::string_view selector_text);
// The sentence when a requested period is not one of the sheet's, in `language`.
[[nodiscard]] std::string period_not_in_trends(const trends_sheet& t, std::string_view requested,
                                               std::string_view language);
// The index of the period of kind `k` that contains `day` (months: year x 12 + month - 1; quarters:
// year x 4 + quarter - 1; years: the year; days: the day). Differences are periods apart.
[[nodiscard]] long period_index(day_serial day, period_kind k) noexcept;

// A workbook made by the previous template: its Dashboard's header row ("ID" in column A, a column
// "Actual" / "Thực tế") and each KPI's actual below it, by ID (numbers only).
[[nodiscard]] std::vector<std::pair<std::string, double>> dashboard_actuals(const grid& sheet);

// What the report says about its workbook, besides the register.
struct report_context {
    std::string language;       // "vi" or "en" (report_language() helps to choose)
    std::string company;        // shown on the cover and in the footer; "" -> source_name
    std::string period;         // the reporting period as shown ("2026-01 – 2026-10"); "" -> not shown
    std::string source_name;    // the workbook's file name
    std::string register_sheet; // the sheet the register was found on
    day_serial today = 0;       // the report's date (Calc day serial)
    // Per register row (same order as kpi_register::rows()), the formula of its Actual cell as the
    // office gives it ("" when the cell holds no formula). Used to find the defining function.
    std::vector<std::string> actual_formulas;
    // The Trends sheet, when the workbook has one, and the period asked for: a text naming one of
    // its periods, or "" for the last period with data in block 1.
    std::optional<trends_sheet> trends;
    std::string requested_period;
    // Actuals of a previous-template workbook's Dashboard, by ID: used for a KPI whose register
    // Actual is empty.
    std::vector<std::pair<std::string, double>> dashboard_actuals;
};

// A KPI over time, as of the report's period (empty optionals: not computable, `notes` say why).
struct trend_figures {
    std::optional<double> value;          // block 1 at the report period
    std::optional<double> previous;       // block 1 at the period before
    std::optional<double> change;         // value - previous, in the KPI's unit
    std::optional<double> relative_change; // change / |previous| (previous not 0)
    std::optional<double> plan_to_date;   // block 2 at the report period
    std::optional<double> projection;     // project_to_deadline(rate) at the deadline
    std::optional<int> pace;              // pace_status: 1 ahead, 0 on pace, -1 behind
    bool deadline_passed = false;         // the deadline lies before the report period
    bool nothing_to_project = false;      // no value up to the report period: no projection
    std::vector<cell> attainment;         // per period up to the report period (value vs target)
};

// One KPI as the report shows it.
struct report_line {
    std::size_t row = 0; // index into the register's rows
    std::string id, name, owner, unit, parent, deadline, source;
    kpi_group group = kpi_group::missing;
    kpi_direction direction = kpi_direction::missing;
    std::optional<double> baseline, target, actual;
    std::optional<double> attainment; // KPI.ATTAINMENT(actual; target; ; lower_is_better)
    std::optional<int> status;        // KPI.STATUS: 1 on track, 0 at risk, -1 off track
    const function_info* function = nullptr; // the catalog function that defines it, when known
    bool actual_from_dashboard = false;       // a previous-template workbook: the Dashboard's Actual
    std::optional<trend_figures> trend;       // the KPI is on the Trends sheet
    std::vector<std::string> notes;           // bad input in words, in the report's language
};

// The report's period on the Trends sheet.
struct report_period {
    std::size_t index = 0;          // into trends_sheet::periods
    std::string key, previous_key;  // "2026-06", "2026-05" ("" for the first period)
    std::vector<std::string> keys;  // the periods from the plan's first up to the report's
};

// A row of "What moved": a KPI's change from the previous period.
struct moved_kpi {
    std::string id, name, unit;
    double previous = 0, value = 0, relative_change = 0;
    bool better = false; // the change goes the KPI's way (down when lower is better)
};

struct report_finding {
    std::string id, name;
    link_code link = link_code::ok;
    std::string link_problem; // the link code in words, "" when OK
    int smart = 0;
    std::string smart_issues; // the failed criteria with reasons, "" when 5/5
};

// The sections of the tactical part, in report order.
inline constexpr std::array<kpi_group, 4> report_groups{kpi_group::acquisition_cost, kpi_group::digital_seo,
                                                        kpi_group::customer_value, kpi_group::missing};

struct report {
    report_context context;
    std::vector<report_line> strategic;
    // Tactical KPIs per report_groups entry; the last one holds those without a recognised group.
    std::array<std::vector<report_line>, report_groups.size()> tactical;
    std::vector<report_finding> findings; // flagged KPIs only, register order
    std::vector<std::string> warnings;    // register-level warnings in words
    // Over time (a workbook with a Trends sheet and a period with data).
    std::optional<report_period> as_of;
    std::vector<std::string> trend_notes;    // sheet-level problems in words (empty periods, ...)
    std::vector<moved_kpi> moved;            // the largest relative changes, at most 5
    std::vector<report_line> behind;         // KPIs behind pace (copies, strategic first)
    std::vector<std::pair<std::string, std::string>> goals_without_tactical; // (ID, name)
    std::size_t kpi_count = 0;
    std::size_t flagged_count = 0;
    // The KPI tree, in the report's language, one layout page per printed page (report_tree_page):
    // the pages that follow the executive summary.
    tree_layout tree;

    [[nodiscard]] std::size_t tactical_count() const noexcept;
};

// A page of the report's KPI tree, mm: the printable area of the report's A4 landscape page (15 mm
// margins, the footer below) less a safety strip, so that the tree prints at 100 % (text never below
// the layout's 8 pt) on exactly one page. The glue gives the tree sheet cells that cover exactly
// report_tree_sheet_width x report_tree_sheet_height.
inline constexpr double report_tree_page_width = 263, report_tree_page_height = 158;
inline constexpr double report_tree_sheet_width = 265, report_tree_sheet_height = 160;
// The tree's options for a report in `language`.
[[nodiscard]] tree_options report_tree_options(std::string_view language);

// Builds the report of an audited register. The audit must be of the register whose rows the
// context's actual_formulas follow. O(rows).
[[nodiscard]] report build_report(const audit_report& audit, report_context context);

// "Notes on the data" of a table's KPIs, in `language`: one sentence per kind of missing value listing
// the KPIs' IDs (no data at all up to the report period, hence no projection; no value at the report
// period; no value in the previous period), then each other note of the lines once, after the IDs
// of the KPIs it concerns ("T2, T3: The target is 0: ...").
[[nodiscard]] std::vector<std::string> data_notes(const std::vector<report_line>& lines,
                                                  const std::optional<report_period>& as_of,
                                                  std::string_view language);

// The printed width, in 1/100 mm, of one word of text at `points` (bold or not), measured
// generously on DejaVu Sans, the widest of the usual sans fonts: a column at least that wide holds
// the word on one line.
[[nodiscard]] std::int32_t word_width(std::string_view word, bool bold, float points = 10);

// The report as sheets, in the report's language: Cover, Summary, one per non-empty tactical group,
// Findings, Appendix; A4 portrait, title and table-header rows repeated on every page, page numbers
// in the footer, a bar chart of attainment per tactical group and status icons. Every column of a
// table is at least as wide as the longest word of its header and wrapped cells (word_width); each
// chart starts a new printed page, its data below it (sheet_model::page_break_before).
[[nodiscard]] workbook_model report_workbook(const report& r);

// ---- how the report shows figures (the sheets' number formats and the web page alike) ----------

// The number format of a KPI's values: "0.0%" for a unit containing "%", "#,##0" when a value
// reaches 1000, else "#,##0.00".
[[nodiscard]] std::string value_format(const report_line& l);
// The signed format of a change shown like `code` ("+#,##0;-#,##0;#,##0"), with as many more decimals
// as a change other than 0 needs not to show as 0.
[[nodiscard]] std::string change_format(const std::string& code, double value);
// The status in words ("On track", "No data yet", "Target is 0", ...), in `language`.
[[nodiscard]] std::string status_words(const report_line& l, std::string_view language);
// The pace in words ("Ahead of pace", "Deadline passed", "—"), in `language`.
[[nodiscard]] std::string pace_words(const trend_figures& t, std::string_view language);
// "4 KPIs: 1 on track, 1 at risk, 1 off track, 1 without an actual value yet.", in `language`.
[[nodiscard]] std::string status_sentence(const std::vector<const report_line*>& lines, std::string_view language);

// ---- finding the inputs in a workbook ---------------------------------------------------------

// The language of a register's header: "vi" when it names more columns by their Vietnamese titles
// than by their English ones, "en" for the opposite, "" when undecided (e.g. only "ID" and "KPI").
[[nodiscard]] std::string register_language(const kpi_register& reg);

// The catalog function a KPI is computed with: the first one named in its Actual cell's formula
// (display name KPI.CPL, or the add-in's programmatic name as the API returns it), else in its Source
// text ("KPI.CPL, Meta Ads Manager"). nullptr when none. Tools (KPI.EACH, KPI.AUDIT...) are skipped.
[[nodiscard]] const function_info* defining_function(std::string_view formula, std::string_view source_text);

// The company named in a sheet: the text right of a label cell "Company", "Business", "Công ty",
// "Doanh nghiệp", "Tên doanh nghiệp" or "Company name" (case- and diacritics-insensitive, a trailing
// colon allowed) in the first 30 rows.
[[nodiscard]] std::optional<std::string> find_company(const grid& sheet);

// The reporting period of a data sheet: a header cell "Period", "Month", "Quarter", "Kỳ", "Tháng" or
// "Quý" in the first 10 rows whose column below holds periods (2026-01, 2026-Q4, ...) or dates; the
// first and last of them ("2026-01 – 2026-10"), or the only one.
[[nodiscard]] std::optional<std::string> find_period(const grid& sheet);

// The report's file name for a workbook: "sales-2026.ods" -> "sales-2026-report.pdf" ("sales-2026-bao-cao.pdf"
// in Vietnamese: the save dialog's proposal in a Vietnamese office; `kpi report` keeps -report).
[[nodiscard]] std::string report_file_name(std::string_view workbook_stem, std::string_view extension,
                                           std::string_view language = "en");

} // namespace kpi
