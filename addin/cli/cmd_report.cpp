// kpi report WORKBOOK... [-o OUT] [--format pdf|xlsx|ods|html] [--lang vi|en] [--period PERIOD] [--force]
// One office for all workbooks; progress on the terminal; docs/report.md.
#include "cli.hpp"
#include "document_files.hpp"
#include "report_writer.hpp"

#include <chrono>
#include <cstdio>
#include <iomanip>
#include <optional>
#include <sstream>

namespace kpi::cli {

namespace fs = std::filesystem;
using css::uno::Reference;
using css::uno::UNO_QUERY;
using uno_glue::report_format;

namespace {

std::string default_language() {
    for (const char* var : {"LC_ALL", "LC_MESSAGES", "LANG"})
        if (const char* v = std::getenv(var); v && *v) return std::string(v).substr(0, 2) == "vi" ? "vi" : "en";
    return "en";
}

void usage() {
    std::cerr
        << "usage: kpi report WORKBOOK... [-o OUT] [--format pdf|xlsx|ods|html] [--lang vi|en] [--period "
           "PERIOD] "
           "[--force]\n"
           "  OUT is the report file for one workbook, or a directory (several workbooks, or ending in /);\n"
           "  without -o each report is written next to its workbook as NAME-report.pdf (or .xlsx, ...).\n"
           "  --period 2026-03 (or 2026-Q2): the period reported on, one of the Trends sheet's; default: "
           "the\n"
           "  last period with data. Without a Trends sheet: the period shown on the cover.\n";
}

} // namespace

int run_report(const environment& env, const std::vector<std::string>& args) {
    std::vector<fs::path> workbooks;
    std::optional<fs::path> out;
    std::optional<report_format> format;
    std::string lang, period;
    bool force = false;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const auto& a = args[i];
        const bool has_value = i + 1 < args.size();
        if (a == "-o" && has_value) out = args[++i];
        else if (a == "--format" && has_value) {
            format = uno_glue::parse_report_format(args[++i]);
            if (!format) {
                std::cerr << "kpi report: --format takes pdf, xlsx, ods or html\n";
                return exit_bad_input;
            }
        } else if (a == "--lang" && has_value) {
            lang = args[++i];
            if (lang != "vi" && lang != "en") {
                std::cerr << "kpi report: --lang takes vi or en\n";
                return exit_bad_input;
            }
        } else if (a == "--period" && has_value) period = args[++i];
        else if (a == "--force") force = true;
        else if (a.rfind("-", 0) == 0) {
            std::cerr << "kpi report: unexpected argument " << a << "\n";
            usage();
            return exit_bad_input;
        } else workbooks.emplace_back(a);
    }
    if (workbooks.empty()) {
        usage();
        return exit_bad_input;
    }
    const bool out_is_dir = out && (workbooks.size() > 1 || fs::is_directory(*out) ||
                                    (!out->empty() && out->string().back() == '/'));
    if (!format) {
        const auto ext = out && !out_is_dir ? out->extension().string() : std::string();
        format = ext.empty() ? report_format::pdf : uno_glue::parse_report_format(ext.substr(1));
        if (!format) {
            std::cerr << "kpi report: cannot tell the format from " << out->string() << " (use --format)\n";
            return exit_bad_input;
        }
    }
    if (out_is_dir && !fs::exists(*out)) {
        // The folder itself is created (and said so); a missing parent is refused, not created.
        const auto folder = fs::absolute(*out).lexically_normal();
        const auto parent =
            folder.filename().empty() ? folder.parent_path().parent_path() : folder.parent_path();
        if (!fs::is_directory(parent))
            throw uno_glue::write_error(uno_glue::write_error::kind::missing_folder, fs::absolute(*out));
        fs::create_directory(*out);
        std::cout << (ui_language() == "vi" ? "Đã tạo thư mục " : "Created the folder ") << out->string()
                  << "\n";
    }
    const std::string language = lang.empty() ? default_language() : lang;

    int status = exit_ok;
    std::size_t written = 0;
    const std::size_t n = workbooks.size();
    for (std::size_t k = 0; k < n; ++k) {
        const auto& workbook = workbooks[k];
        const auto started = std::chrono::steady_clock::now();
        std::cout << "[" << (k + 1) << "/" << n << "] " << workbook.string() << " ... " << std::flush;
        const std::string file_name =
            kpi::report_file_name(workbook.stem().string(), uno_glue::extension(*format));
        const fs::path target = !out ? workbook.parent_path() / file_name : out_is_dir ? *out / file_name : *out;
        auto fail = [&](const std::string& message, int code) {
            std::cout << "failed\n";
            std::cerr << "kpi report: " << workbook.string() << ": " << message << "\n";
            status = std::max(status, code);
        };
        if (std::error_code ec; !fs::is_regular_file(workbook, ec)) {
            fail("no such workbook", exit_bad_input);
            continue;
        }
        Reference<css::lang::XComponent> doc;
        try {
            uno_glue::check_not_an_input(target, workbooks); // first: with or without --force
            if (fs::exists(target) && !force) {
                fail(target.string() + " exists; not overwritten (use --force)", exit_bad_input);
                continue;
            }
            check_output(env, target, workbooks); // folder, permissions, locks
            doc = open_workbook(env, workbook);
        } catch (const uno_glue::write_error& e) {
            fail(uno_glue::describe(e, language), write_error_code(e));
            continue;
        } catch (const unreadable_workbook& e) {
            fail(e.what(), exit_bad_input);
            continue;
        }
        Reference<css::sheet::XSpreadsheetDocument> spreadsheet(doc, css::uno::UNO_QUERY_THROW);
        try {
            uno_glue::bring_values_up_to_date(doc);
            uno_glue::report_request request;
            request.language = lang;
            request.fallback_language = default_language();
            request.source_name = workbook.filename().string();
            request.period = period;
            auto read = uno_glue::read_report(spreadsheet, request);
            close_document(doc);
            doc.clear();
            if (auto* problem = std::get_if<std::string>(&read)) {
                fail(*problem, exit_bad_input);
                continue;
            }
            const auto& report = std::get<kpi::report>(read);
            uno_glue::export_report(env.office.context(), report, office::file_url(fs::absolute(target)),
                                    *format);
        } catch (const uno_glue::write_error& e) {
            if (doc.is())
                close_document(doc);
            throw_if_office_died(env, target);
            fail(uno_glue::describe(e, language), write_error_code(e));
            continue;
        } catch (const css::uno::Exception& e) {
            if (doc.is())
                close_document(doc);
            if (!office_alive(env))
                throw;
            fail("the office could not write the report: " +
                     uno_glue::plain_office_reason(u8(e.Message), language),
                 exit_failure);
            continue;
        } catch (const std::exception& e) {
            if (doc.is()) close_document(doc);
            fail(e.what(), exit_failure);
            continue;
        }
        const double seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        std::ostringstream took;
        took << std::fixed << std::setprecision(1) << seconds;
        std::cout << "wrote " << target.string() << " (" << took.str() << " s)\n";
        ++written;
    }
    std::cout << written << " of " << n << (n == 1 ? " report" : " reports") << " written\n";
    return status;
}

} // namespace kpi::cli
