// The KPI report as one self-contained web page (docs/report.md): the same kpi::report the PDF is
// made from, every section, the same figures formatted as the PDF shows them, in the report's
// language. One HTML5 file: styles inline, charts as inline SVG, no script, no external URL or
// font; tables become cards on a phone; a print stylesheet gives A4 landscape pages.
#pragma once

#include "kpi/report.hpp"

#include <filesystem>
#include <string>
#include <string_view>

namespace kpi {

// Text for HTML content and attribute values: & < > " ' as references; C0/C1 control characters
// (but tab and line feed), noncharacters and invalid UTF-8 as U+FFFD. Safe in any context but
// inside <script>/<style> (the page has neither holding user text).
[[nodiscard]] std::string html_escape(std::string_view s);

// `value` as the report's sheets show it with the number format `code` in `language`: the codes the
// report uses ("0.0%", "0%", "#,##0", "#,##0.00", and "+X;-X;X" signed ones from change_format).
// Vietnamese groups thousands with "." and uses "," for decimals (192.175; 30,5%), as Calc does in
// a vi-VN document; English 192,175 and 30.5%.
[[nodiscard]] std::string format_number(double value, std::string_view code, std::string_view language);

// The whole page (UTF-8).
[[nodiscard]] std::string html_report(const report& r);

// Writes `bytes` to `target` atomically: a temporary file beside it (same folder), flushed, then
// renamed over the target, so a reader never sees half a file. Throws std::filesystem::filesystem_error.
void write_file_atomically(const std::filesystem::path& target, std::string_view bytes);

} // namespace kpi
