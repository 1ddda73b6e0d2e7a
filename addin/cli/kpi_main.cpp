// kpi: the command-line client. It drives a private headless LibreOffice with the extension.
#include "cli.hpp"
#include "office_discovery.hpp"

#include <chrono>
#include <cstdlib>
#include <optional>

namespace fs = std::filesystem;

namespace {

void usage(std::ostream& out) {
    out << "kpi " KPI_VERSION " - Marketing KPI for LibreOffice Calc\n\n"
           "usage: kpi [--office SOFFICE] [--profile DIR] [--oxt FILE] [--start-timeout S] COMMAND ...\n"
           "       kpi --version\n\n"
           "commands:\n"
           "  recalc WORKBOOK -o DIR                 recalculate; write each sheet as CSV into DIR\n"
           "  audit WORKBOOK [--lang vi|en] [--json] check the KPI register: links and SMART criteria\n"
           "  new -o FILE [--industry I] [--lang vi|en] [--channels a,b] [--goals g=t,...] [--force]\n"
           "                                         build a KPI workbook from the template (kpi new "
           "--help)\n"
           "  import WORKBOOK EXPORT... (-o OUT | --in-place) [--force] [--lang vi|en] [--currency CODE]\n"
           "                                         platform exports (CSV, XLSX) into the Data sheet\n"
           "  report WORKBOOK... [-o OUT] [--format pdf|xlsx|ods|html] [--lang vi|en] [--period TEXT] "
           "[--force]\n"
           "                                         formatted KPI report(s); one office for all workbooks\n"
           "  share WORKBOOK -o OUT [--format ods|xlsx] [--force]\n"
           "                                         a copy whose KPI. formulas are replaced by their values\n"
           "  tree WORKBOOK -o OUT.svg|pdf|png [--lang vi|en] [--force]\n"
           "                                         the KPI tree: goals, the KPIs serving them, by status\n\n"
           "options:\n"
           "  --profile DIR  the private office profile to use (default: $KPI_PROFILE, else\n"
           "                 ~/.cache/kpi-marketing/office-profile); never your own LibreOffice profile\n"
           "  --oxt FILE     the extension to install there (default: next to this program)\n"
           "  --office SOFFICE  the LibreOffice program to use (7.4 or later; default: $KPI_OFFICE, else\n"
           "                 soffice or libreoffice on PATH, else the newest "
           "/opt/libreoffice*/program/soffice,\n"
           "                 else /usr/lib/libreoffice/program/soffice)\n"
           "  --start-timeout S  the longest the office may take to start (default 90)\n"
           "  --version      this tool's version and the office's\n\n"
           "exit codes (the same in every command):\n"
           "  0 done (audit: no KPI flagged)   1 audit: KPIs flagged\n"
           "  2 bad input: missing or unreadable file, not a spreadsheet, no register, wrong arguments, an "
           "output\n"
           "    that is an input workbook, an output folder that does not exist, a file that exists (no "
           "--force)\n"
           "  3 the office failed (did not start, stopped while loading or storing)\n"
           "  4 the output could not be written (read-only, open in LibreOffice by someone else, disk "
           "full);\n"
           "    the file was left as it was\n"
           "  5 the office profile stayed in use by another kpi command (KPI_PROFILE_WAIT seconds, default "
           "600)\n";
}

fs::path default_profile() {
    if (const char* p = std::getenv("KPI_PROFILE"); p && *p) return p;
    if (const char* x = std::getenv("XDG_CACHE_HOME"); x && *x) return fs::path(x) / "kpi-marketing/office-profile";
    if (const char* h = std::getenv("HOME"); h && *h) return fs::path(h) / ".cache/kpi-marketing/office-profile";
    return fs::temp_directory_path() / "kpi-marketing-office-profile";
}

fs::path default_oxt() {
    std::error_code ec;
    const auto self = fs::read_symlink("/proc/self/exe", ec);
    return ((ec ? fs::current_path() : self.parent_path()) / ".." / "kpi-marketing.oxt").lexically_normal();
}

// The language of the tool's own messages: Vietnamese when the environment's locale is.
std::string message_language() {
    for (const char* var : {"LC_ALL", "LC_MESSAGES", "LANG"})
        if (const char* v = std::getenv(var); v && *v)
            return std::string(v).substr(0, 2) == "vi" ? "vi" : "en";
    return "en";
}

} // namespace

int main(int argc, char** argv) {
    using namespace kpi::cli;
    std::vector<std::string> args(argv + 1, argv + argc);
    kpi::office::options opts;
    opts.profile_dir = default_profile();
    fs::path oxt = default_oxt();
    std::string command;
    std::vector<std::string> rest;
    std::optional<fs::path> office_path;
    bool version = false;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const auto& a = args[i];
        if (!command.empty()) {
            rest.push_back(a);
        } else if (a == "--profile" || a == "--oxt" || a == "--office" || a == "--start-timeout") {
            if (i + 1 >= args.size()) {
                std::cerr << "kpi: " << a << " needs a value\n";
                return exit_bad_input;
            }
            const std::string& value = args[++i];
            if (a == "--office") {
                office_path = value;
            } else if (a == "--start-timeout") {
                char* end = nullptr;
                const long seconds = std::strtol(value.c_str(), &end, 10);
                if (value.empty() || *end != '\0' || seconds < 1 || seconds > 3600) {
                    std::cerr << "kpi: --start-timeout needs a number of seconds from 1 to 3600\n";
                    return exit_bad_input;
                }
                opts.start_timeout = std::chrono::seconds(seconds);
            } else {
                (a == "--profile" ? opts.profile_dir : oxt) = value;
            }
        } else if (a == "-h" || a == "--help") {
            usage(std::cout);
            return exit_ok;
        } else if (a == "--version") {
            version = true;
        } else {
            command = a;
        }
    }
    const std::string language = message_language();
    kpi::office::found_office found;
    if (version || !command.empty()) {
        try {
            found = kpi::office::discover_office(
                kpi::office::inputs_from_environment(office_path, opts.start_timeout));
        } catch (const kpi::office::discovery_error& e) {
            if (version)
                std::cout << "kpi " KPI_VERSION "\n";
            std::cerr << e.message(language) << "\n";
            return exit_failure;
        }
        opts.soffice = found.soffice;
    }
    if (version) {
        // The full version the office reports (bootstraprc only names major.minor).
        const auto full = kpi::office::version_from_running(found.soffice, opts.start_timeout);
        std::cout << "kpi " KPI_VERSION "\n"
                  << "LibreOffice " << (full ? full->text : found.version.text) << " ("
                  << found.soffice.string() << ")\n";
        return exit_ok;
    }
    if (command.empty()) {
        usage(std::cerr);
        return exit_bad_input;
    }
    try {
        kpi::office::session office(opts);
        const environment env{office, oxt};
        if (command == "recalc") return run_recalc(env, rest);
        if (command == "audit") return run_audit(env, rest);
        if (command == "new") return run_new(env, rest);
        if (command == "import") return run_import(env, rest);
        if (command == "report") return run_report(env, rest);
        if (command == "share") return run_share(env, rest);
        if (command == "tree") return run_tree(env, rest);
        std::cerr << "kpi: unknown command '" << command << "' (see kpi --help)\n";
        return exit_bad_input;
    } catch (...) {
        // Every failure, the file system's included, ends here as a sentence and an exit code.
        return report_exception(command, std::current_exception(), ui_language());
    }
}
