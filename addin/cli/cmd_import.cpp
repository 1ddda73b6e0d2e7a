// kpi import WORKBOOK EXPORT... (-o OUT | --in-place) [--force] [--lang vi|en] [--currency CODE] [--rate CODE=R]...:
// platform exports into the workbook's Data sheet (docs/import.md).
#include "cli.hpp"
#include "document_files.hpp"
#include "import_command.hpp"

#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>

#include <cstdlib>
#include <map>
#include <optional>

namespace kpi::cli {

namespace fs = std::filesystem;
using css::uno::Reference;

namespace {

constexpr char usage_text[] =
    "usage: kpi import WORKBOOK EXPORT... (-o OUT | --in-place) [--force] [--lang vi|en] [--currency CODE]\n"
    "                  [--rate CODE=RATE]...   (1 CODE = RATE of the workbook's currency, e.g. --rate USD=25000)\n";

int bad(const std::string& message) {
    std::cerr << "kpi import: " << message << "\n";
    return exit_bad_input;
}

std::string lower_extension(const fs::path& p) {
    std::string ext = p.extension().string();
    for (auto& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return ext;
}

std::string filter_for(const fs::path& file) {
    const auto ext = lower_extension(file);
    if (ext == ".ods") return "calc8";
    if (ext == ".xlsx") return "Calc MS Excel 2007 XML";
    if (ext == ".fods") return "OpenDocument Spreadsheet Flat XML";
    return "";
}

std::string default_language() {
    for (const char* var : {"LC_ALL", "LC_MESSAGES", "LANG"})
        if (const char* v = std::getenv(var); v && *v) return std::string(v).substr(0, 2) == "vi" ? "vi" : "en";
    return "en";
}

} // namespace

int run_import(const environment& env, const std::vector<std::string>& args) {
    std::optional<fs::path> workbook, output;
    std::vector<fs::path> exports;
    bool in_place = false, force = false;
    std::string lang = default_language(), currency;
    std::map<std::string, double> rates;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const auto& a = args[i];
        if (a == "-o" || a == "--output") {
            if (i + 1 >= args.size()) return bad("-o needs a file\n" + std::string(usage_text));
            output = args[++i];
        } else if (a == "--in-place") {
            in_place = true;
        } else if (a == "--force") {
            force = true;
        } else if (a == "--lang" && i + 1 < args.size()) {
            lang = args[++i];
            if (lang != "vi" && lang != "en") return bad("--lang takes vi or en");
        } else if (a == "--currency" && i + 1 < args.size()) {
            currency = args[++i];
            for (auto& c : currency) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        } else if (a == "--rate") {
            const auto rate = i + 1 < args.size() ? kpi::parse_rate(args[i + 1]) : std::nullopt;
            if (!rate)
                return bad(lang == "vi" ? "--rate cần MÃ=TỶ_GIÁ, ví dụ --rate USD=25000 (1 USD = 25.000 theo tiền của sổ tính)"
                                        : "--rate takes CODE=RATE, e.g. --rate USD=25000 (1 USD = 25,000 of the workbook's currency)");
            rates[rate->first] = rate->second;
            ++i;
        } else if (a.rfind("-", 0) == 0 && a.size() > 1) {
            return bad("unexpected argument " + a + "\n" + usage_text);
        } else if (!workbook) {
            workbook = a;
        } else {
            exports.emplace_back(a);
        }
    }
    if (!workbook || exports.empty() || (in_place == output.has_value())) return bad(std::string("\n") + usage_text);
    if (!fs::is_regular_file(*workbook)) return bad("no such workbook: " + workbook->string());
    for (const auto& e : exports)
        if (!fs::is_regular_file(e)) return bad("no such export: " + e.string());
    if (!in_place) {
        std::vector<fs::path> inputs{*workbook};
        inputs.insert(inputs.end(), exports.begin(), exports.end());
        uno_glue::check_not_an_input(*output, inputs); // first: with or without --force
    }
    const fs::path target = in_place ? *workbook : *output;
    const std::string filter = filter_for(target);
    if (filter.empty()) return bad("the output must end in .ods, .xlsx or .fods: " + target.string());
    if (!in_place && fs::exists(*output) && !force)
        return bad(output->string() + " already exists; use --force to overwrite it");

    const bool vi = lang == "vi";
    if (in_place) {
        uno_glue::check_writable(*workbook); // a read-only workbook is refused before any work
        prepare_office(env);                 // holds the profile's lock: a lock file of this profile is stale
        uno_glue::check_not_locked(*workbook, office::file_url(env.office.settings().profile_dir));
    } else {
        std::vector<fs::path> inputs{*workbook};
        inputs.insert(inputs.end(), exports.begin(), exports.end());
        check_output(env, *output, inputs);
    }

    const Reference<css::lang::XComponent> doc = open_workbook(env, *workbook, false);
    auto close = [&] {
        try {
            close_document(doc);
        } catch (const css::uno::Exception&) {
            // The office went away with the document: nothing left to close.
        }
    };
    Reference<css::sheet::XSpreadsheetDocument> spreadsheet(doc, css::uno::UNO_QUERY_THROW);
    uno_glue::import_run run;
    try {
        run = uno_glue::import_files(env.office.context(), spreadsheet, exports, lang, currency, rates);
    } catch (const std::runtime_error& e) {
        close();
        return bad(e.what());
    } catch (...) {
        close();
        throw_if_office_died(env, *workbook);
        throw;
    }
    if (!run.ok) {
        close(); // nothing stored: the workbook is as it was
        std::cerr << "kpi import: " << run.message << "\n";
        return exit_bad_input;
    }
    if (in_place && run.written.cells_changed == 0 && run.written.rows_appended == 0) {
        close(); // nothing to write: the file keeps its bytes and its date
        std::cout << run.message << "\n"
                  << (vi ? "Không ô nào thay đổi: không ghi lại " : "No cell changed: not rewritten: ")
                  << target.string() << "\n";
        return exit_ok;
    }
    bool other_links = false;
    try {
        // A temporary beside the (resolved) target, renamed over it once whole (atomic_file.hpp).
        other_links = uno_glue::store_to_url(doc, office::file_url(fs::absolute(target)), filter);
    } catch (...) {
        close();
        throw_if_office_died(env, target);
        throw;
    }
    close();
    std::cout << run.message << "\n" << (vi ? "Đã ghi " : "Wrote ") << target.string() << "\n";
    if (other_links)
        std::cout << (vi ? "Lưu ý: tệp có liên kết cứng khác; các tên đó vẫn giữ nội dung cũ.\n"
                         : "Note: the file had other hard links; those names keep the previous content.\n");
    return exit_ok;
}

} // namespace kpi::cli
