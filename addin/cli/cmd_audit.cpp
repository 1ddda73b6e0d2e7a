// kpi audit WORKBOOK [--lang vi|en] [--json]: the linkage audit and SMART check of the register.
#include "cli.hpp"
#include "calc_date.hpp"
#include "sheet_grid.hpp"

#include <kpi/audit.hpp>
#include <kpi/text_fold.hpp>

#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/container/XNamed.hpp>
#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>

#include <cstdlib>
#include <iomanip>
#include <optional>

namespace kpi::cli {

namespace fs = std::filesystem;
using css::uno::Reference;
using css::uno::UNO_QUERY_THROW;

namespace {

std::string default_language() {
    for (const char* var : {"LC_ALL", "LC_MESSAGES", "LANG"})
        if (const char* v = std::getenv(var); v && *v) return std::string(v).substr(0, 2) == "vi" ? "vi" : "en";
    return "en";
}

// Pads UTF-8 text to a width in characters (code points), for the terminal table.
std::string pad(const std::string& s, std::size_t width) {
    const std::size_t chars = kpi::utf8_length(s);
    return chars >= width ? s + " " : s + std::string(width - chars, ' ');
}

void print_text(const kpi::audit_report& report, const std::string& workbook, const std::string& sheet,
                const std::string& lang) {
    const bool vi = lang == "vi";
    std::cout << (vi ? "Kiểm tra bảng KPI: " : "KPI register audit: ") << workbook << (vi ? ", trang \"" : ", sheet \"")
              << sheet << "\" (" << report.kpi_count() << (vi ? " KPI, " : " KPIs, ") << report.flagged_count()
              << (vi ? " cần xem lại)\n\n" : " flagged)\n\n");
    std::size_t id_width = 4;
    for (const auto& row : report.reg().rows()) id_width = std::max(id_width, row.id.size() + 2);
    std::cout << pad("ID", id_width) << pad(vi ? "Liên kết" : "Link", 11) << pad("SMART", 7)
              << (vi ? "Vấn đề" : "Issue") << "\n";
    for (std::size_t i = 0; i < report.kpi_count(); ++i) {
        const auto& r = report.rows()[i];
        std::cout << pad(report.reg()[i].id, id_width) << pad(std::string(kpi::to_string(r.link.code)), 11)
                  << pad(std::to_string(r.smart_score()) + "/5", 7) << report.first_issue(i, lang) << "\n";
    }
    // Register-level warnings, then the goals no tactical KPI serves (warnings too: no exit status).
    auto warnings = report.warning_texts(lang);
    for (auto& g : kpi::goals_without_tactical_texts(report, lang)) warnings.push_back(std::move(g));
    if (!warnings.empty()) {
        std::cout << "\n" << (vi ? "Cảnh báo:" : "Warnings:") << "\n";
        for (const auto& w : warnings) std::cout << "  - " << w << "\n";
    }
}

} // namespace

int run_audit(const environment& env, const std::vector<std::string>& args) {
    std::optional<fs::path> workbook;
    std::string lang = default_language();
    bool json = false;
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (args[i] == "--json") json = true;
        else if (args[i] == "--lang" && i + 1 < args.size()) {
            lang = args[++i];
            if (lang != "vi" && lang != "en") {
                std::cerr << "kpi audit: --lang takes vi or en\n";
                return exit_bad_input;
            }
        } else if (!workbook && args[i].rfind("--", 0) != 0) workbook = args[i];
        else {
            std::cerr << "kpi audit: unexpected argument " << args[i] << "\n";
            return exit_bad_input;
        }
    }
    if (!workbook) {
        std::cerr << "usage: kpi audit WORKBOOK [--lang vi|en] [--json]\n";
        return exit_bad_input;
    }
    if (!fs::is_regular_file(*workbook)) {
        std::cerr << "kpi audit: no such workbook: " << workbook->string() << "\n";
        return exit_bad_input;
    }
    // Not a spreadsheet: unreadable_workbook (exit 2); the office stopping: office_error (exit 3).
    const Reference<css::lang::XComponent> doc = open_workbook(env, *workbook);
    Reference<css::sheet::XSpreadsheetDocument> spreadsheet(doc, css::uno::UNO_QUERY_THROW);
    Reference<css::container::XIndexAccess> sheets(spreadsheet->getSheets(), UNO_QUERY_THROW);
    std::optional<kpi::register_error> first_error;
    for (sal_Int32 s = 0; s < sheets->getCount(); ++s) {
        Reference<css::sheet::XSpreadsheet> sheet(sheets->getByIndex(s), UNO_QUERY_THROW);
        auto block = uno_glue::read_used_area(sheet);
        kpi::parse_options options;
        options.header_scan_rows = 20;
        auto parsed = kpi::parse_register(std::move(block.cells), options);
        if (!parsed) {
            if (!first_error) first_error = parsed.error();
            continue;
        }
        const std::string sheet_name = u8(Reference<css::container::XNamed>(sheet, UNO_QUERY_THROW)->getName());
        close_document(doc);
        const auto& reg = parsed.value();
        const auto report = kpi::audit(reg, uno_glue::today_serial());
        if (json) std::cout << kpi::to_json(report, lang) << "\n";
        else print_text(report, workbook->string(), sheet_name, lang);
        return report.flagged_count() > 0 ? exit_flagged : exit_ok;
    }
    close_document(doc);
    std::cerr << "kpi audit: " << workbook->string() << ": "
              << (first_error ? kpi::describe(*first_error, lang) : std::string("the workbook has no sheets")) << "\n";
    return exit_bad_input;
}

} // namespace kpi::cli
