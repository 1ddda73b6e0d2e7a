// "Copy for sharing" (issue 6; docs/report.md): a copy of a workbook whose KPI. formulas are replaced
// by their values, for colleagues without the extension or in Excel. Shared by the menu command and
// `kpi share` (over the bridge).
#pragma once

#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>

#include <cstddef>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace kpi::uno_glue {

enum class share_format { ods, xlsx };

// "ods", "XLSX", or a filter name ("calc8", "Calc MS Excel 2007 XML"); nullopt for anything else.
[[nodiscard]] std::optional<share_format> parse_share_format(std::string_view key);

// Why a copy for sharing was not written; the callers word it in the user's language.
class share_error : public std::runtime_error {
public:
    enum class kind {
        target_exists,   // subject: the target's path; only without overwrite
        protected_sheet, // subject: the sheet's name; protected with a password and holding KPI formulas
    };
    share_error(kind reason, const std::string& message, std::string subject);
    [[nodiscard]] kind reason() const noexcept { return reason_; }
    [[nodiscard]] const std::string& subject() const noexcept { return subject_; }

private:
    kind reason_;
    std::string subject_;
};

struct share_result {
    std::size_t cells = 0;  // formula cells replaced (every cell of an array formula counts)
    std::size_t arrays = 0; // array formulas among them (KPI.EACH, KPI.AUDIT)
    std::size_t errors = 0; // cells whose result is an error: kept as a native formula giving it
};

// Replaces, on every sheet of `document`, each formula that calls one of the add-in's functions by
// its current result: a number or a text; an error result becomes the plain formula that gives the
// same error without the extension (=1/0 for #DIV/0!, =1E308*10 for #NUM!, =""+"x" for #VALUE!,
// =NA() for #N/A and for any other error). An array formula is replaced as a whole. Other formulas
// (=SUM(...)) stay. Reads only the formula cells (queryContentCells), a rectangle at a time, and
// writes values in blocks. A sheet protected without a password is unprotected for that and
// protected again (with the default options); one protected with a password that holds KPI formulas
// throws share_error (protected_sheet). Does not recalculate: the caller does. Changes `document`:
// give it a private copy that may be changed (not one loaded read-only: Calc refuses the writes).
share_result replace_kpi_formulas(const css::uno::Reference<css::sheet::XSpreadsheetDocument>& document);

// Stores `document` (unchanged) to a temporary file, loads that copy hidden, recalculates it,
// replaces its KPI formulas, stores it to `target_url` in the format, closes it and deletes the
// temporary file. `document` keeps its contents, its modified state and its location (it may be
// loaded read-only). An existing `target_url` is replaced only with `overwrite`, else share_error
// (target_exists) before any work. Throws share_error, css::uno::Exception or std::exception.
share_result write_shareable_copy(const css::uno::Reference<css::uno::XComponentContext>& context,
                                  const css::uno::Reference<css::sheet::XSpreadsheetDocument>& document,
                                  const std::string& target_url, share_format format, bool overwrite);

// Stores a document to a URL with the format's filter (calc8, Calc MS Excel 2007 XML), overwriting.
void store_as(const css::uno::Reference<css::sheet::XSpreadsheetDocument>& document, const std::string& target_url,
              share_format format);

} // namespace kpi::uno_glue
