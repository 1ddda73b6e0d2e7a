// The KPI report in the office (issue 6; docs/report.md): read the register and its context from
// an open workbook, write the report as a new hidden Calc document, export it (PDF, ODS, XLSX,
// HTML). Shared by the menu command "Export KPI report..." and `kpi report` (over the bridge).
#pragma once

#include <kpi/report.hpp>

#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <variant>

namespace kpi::uno_glue {

enum class report_format { pdf, ods, xlsx, html };

[[nodiscard]] std::optional<report_format> parse_report_format(std::string_view key); // "pdf", "PDF", ...
[[nodiscard]] std::string_view extension(report_format f) noexcept;                  // "pdf"
[[nodiscard]] std::string_view filter_name(report_format f) noexcept;                // "calc_pdf_Export"

struct report_request {
    std::string language;          // "vi"/"en"; "" -> the register's header language, else fallback
    std::string fallback_language; // the UI language
    std::string source_name;       // the workbook's file name (cover); "" -> the document title
    // The report's period: a period of the Trends sheet ("2026-03"; one it lacks is refused), or ""
    // for the last period with data. Without a Trends sheet it is only the period shown on the cover
    // ("" -> found in the workbook). docs/report.md.
    std::string period;
    // The menu command: when `period` is "", the Dashboard's period selector (named range KPI_Period)
    // when it names a period of the Trends sheet, else the last period with data.
    bool period_from_dashboard = false;
};

// Reads the first sheet holding a register (header in its first 20 rows), the company and the
// period from the document's values as they are now (the caller recalculates first if it wants).
// Also the Trends sheet ("Trends" / "Xu hướng") and, for workbooks of the previous template, the
// Dashboard's actuals. A document without a register, or a requested period the Trends sheet lacks,
// gives the reason in words, in the request's language.
[[nodiscard]] std::variant<kpi::report, std::string>
read_report(const css::uno::Reference<css::sheet::XSpreadsheetDocument>& document, const report_request& request);

// Builds the report document (new, hidden, never shown), stores it to `target_url` with the
// format's filter and closes it; HTML is the core's self-contained web page (kpi::html_report),
// written atomically (a temporary file beside the target, renamed over it). Overwrites
// `target_url`: the caller asks first. Throws css::uno::Exception or std::exception on failure.
void export_report(const css::uno::Reference<css::uno::XComponentContext>& context, const kpi::report& report,
                   const std::string& target_url, report_format format);

} // namespace kpi::uno_glue
