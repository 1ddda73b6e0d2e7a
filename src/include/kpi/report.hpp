// The KPI report (issue 6; docs/report.md): from an audited register to a plain, UNO-free
// kpi::report, and from that to a workbook_model whose sheets are the report's sections:
// cover, executive summary (strategic KPIs), one section per tactical group (table and chart),
// linkage-audit and SMART findings, and an appendix defining every KPI (formula and source).
// The glue (addin/report_writer.hpp) writes the model into a new Calc document and exports it
// (PDF, ODS, XLSX, HTML); the menu command and `kpi report` both go through it.
#pragma once

#include "kpi/audit.hpp"
#include "kpi/catalog.hpp"
#include "kpi/workbook_template.hpp"

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kpi {

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
    std::size_t kpi_count = 0;
    std::size_t flagged_count = 0;

    [[nodiscard]] std::size_t tactical_count() const noexcept;
};

// Builds the report of an audited register. The audit must be of the register whose rows the
// context's actual_formulas follow. O(rows).
[[nodiscard]] report build_report(const audit_report& audit, report_context context);

// The report as sheets, in the report's language: Cover, Summary, one per non-empty tactical group,
// Findings, Appendix; A4 portrait, title and table-header rows repeated on every page, page numbers
// in the footer, a bar chart of attainment per tactical group and status icons.
[[nodiscard]] workbook_model report_workbook(const report& r);

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
