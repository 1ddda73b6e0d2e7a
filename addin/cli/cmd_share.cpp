// kpi share WORKBOOK -o OUT [--format ods|xlsx] [--force]: a copy whose KPI. formulas are replaced by
// their values (docs/report.md, "Copy for sharing"). The workbook is opened read-only and never stored;
// the replacing happens on a private copy (uno_glue::write_shareable_copy, shared with the menu).
#include "cli.hpp"
#include "share_copy.hpp"

#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>

#include <optional>

namespace kpi::cli {

namespace fs = std::filesystem;
using css::uno::Reference;
using css::uno::UNO_QUERY;
using uno_glue::share_format;

int run_share(const environment& env, const std::vector<std::string>& args) {
    std::optional<fs::path> workbook, out;
    std::optional<share_format> format;
    bool force = false;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const auto& a = args[i];
        if (a == "-o" && i + 1 < args.size()) out = args[++i];
        else if (a == "--format" && i + 1 < args.size()) {
            format = uno_glue::parse_share_format(args[++i]);
            if (!format) {
                std::cerr << "kpi share: --format takes ods or xlsx\n";
                return exit_bad_input;
            }
        } else if (a == "--force") force = true;
        else if (!workbook && a.rfind("-", 0) != 0) workbook = a;
        else {
            std::cerr << "kpi share: unexpected argument " << a << "\n";
            return exit_bad_input;
        }
    }
    if (!workbook || !out) {
        std::cerr << "usage: kpi share WORKBOOK -o OUT [--format ods|xlsx] [--force]\n";
        return exit_bad_input;
    }
    if (!format) format = out->extension() == ".xlsx" ? share_format::xlsx : share_format::ods;
    if (!fs::is_regular_file(*workbook)) {
        std::cerr << "kpi share: no such workbook: " << workbook->string() << "\n";
        return exit_bad_input;
    }
    uno_glue::check_not_an_input(*out, {*workbook}); // first: with or without --force
    if (fs::exists(*out) && !force) {
        std::cerr << "kpi share: " << out->string() << " exists; not overwritten (use --force)\n";
        return exit_bad_input;
    }
    check_output(env, *out, {*workbook}); // never over the workbook; folder, permissions, locks
    Reference<css::lang::XComponent> doc = open_workbook(env, *workbook);
    Reference<css::sheet::XSpreadsheetDocument> spreadsheet(doc, css::uno::UNO_QUERY_THROW);
    uno_glue::share_result result;
    try {
        // Opened read-only and never stored: the workbook's file stays as it is. Calc refuses block
        // writes into a read-only document, so the work happens on a private copy, as in the menu.
        result = uno_glue::write_shareable_copy(env.office.context(), spreadsheet,
                                                office::file_url(fs::absolute(*out)), *format, force);
    } catch (const uno_glue::share_error& e) {
        close_document(doc);
        std::cerr << "kpi share: " << e.what() << "\n";
        return exit_bad_input;
    } catch (...) {
        try {
            close_document(doc);
        } catch (const css::uno::Exception&) {
            // The office went away with the document.
        }
        throw_if_office_died(env, *out);
        throw; // write_error, office failures: sentences and exit codes in report_exception
    }
    close_document(doc);
    std::cout << "Wrote " << out->string() << ": " << result.cells << " KPI formula cells replaced by their values ("
              << result.arrays << " array formulas, " << result.errors << " error results kept as plain formulas)\n";
    return exit_ok;
}

} // namespace kpi::cli
