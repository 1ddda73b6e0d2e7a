// kpi: the command-line client. It drives a private headless LibreOffice with the extension.
#include "cli.hpp"

#include <cstdlib>

namespace fs = std::filesystem;

namespace {

void usage(std::ostream& out) {
    out << "kpi " KPI_VERSION " - Marketing KPI for LibreOffice Calc\n\n"
           "usage: kpi [--profile DIR] [--oxt FILE] COMMAND ...\n\n"
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
           "  --oxt FILE     the extension to install there (default: next to this program)\n\n"
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

} // namespace

int main(int argc, char** argv) {
    using namespace kpi::cli;
    std::vector<std::string> args(argv + 1, argv + argc);
    kpi::office::options opts;
    opts.profile_dir = default_profile();
    fs::path oxt = default_oxt();
    std::string command;
    std::vector<std::string> rest;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const auto& a = args[i];
        if (!command.empty()) {
            rest.push_back(a);
        } else if (a == "--profile" || a == "--oxt") {
            if (i + 1 >= args.size()) {
                std::cerr << "kpi: " << a << " needs a value\n";
                return exit_bad_input;
            }
            (a == "--profile" ? opts.profile_dir : oxt) = args[++i];
        } else if (a == "-h" || a == "--help") {
            usage(std::cout);
            return exit_ok;
        } else if (a == "--version") {
            std::cout << "kpi " KPI_VERSION "\n";
            return exit_ok;
        } else {
            command = a;
        }
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
