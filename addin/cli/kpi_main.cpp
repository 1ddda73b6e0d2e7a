// kpi: the command-line client. It drives a private headless LibreOffice with the extension.
#include "office_session.hpp"

#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/frame/XStorable.hpp>
#include <com/sun/star/sheet/XCalculatable.hpp>
#include <com/sun/star/util/XCloseable.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using css::uno::Reference;
using css::uno::UNO_QUERY_THROW;

namespace {

using rtl::OString;
using rtl::OUString;

constexpr int exit_ok = 0;
constexpr int exit_bad_input = 2;
constexpr int exit_failure = 3;

OUString ou(const std::string& s) { return OUString(s.data(), static_cast<sal_Int32>(s.size()), RTL_TEXTENCODING_UTF8); }
std::string u8(const OUString& s) {
    const OString o = OUStringToOString(s, RTL_TEXTENCODING_UTF8);
    return std::string(o.getStr(), static_cast<std::size_t>(o.getLength()));
}

void usage(std::ostream& out) {
    out << "kpi " KPI_VERSION " - Marketing KPI for LibreOffice Calc\n\n"
           "usage: kpi [--profile DIR] [--oxt FILE] COMMAND ...\n\n"
           "commands:\n"
           "  recalc WORKBOOK -o DIR   recalculate a workbook and write each sheet as CSV into DIR\n\n"
           "options:\n"
           "  --profile DIR  the private office profile to use (default: $KPI_PROFILE, else\n"
           "                 ~/.cache/kpi-marketing/office-profile); never your own LibreOffice profile\n"
           "  --oxt FILE     the extension to install there (default: next to this program)\n\n"
           "exit codes: 0 done, 2 bad input (missing file, wrong arguments), 3 office failure\n";
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
    return (ec ? fs::current_path() : self.parent_path()) / ".." / "kpi-marketing.oxt";
}

// Starts the office and makes sure this build of the extension is the one installed in the profile.
void prepare_office(kpi::office::session& office, const fs::path& oxt) {
    if (!fs::exists(oxt)) throw kpi::office::office_error("the extension is missing: " + oxt.string());
    const auto stamp_file = office.settings().profile_dir / "kpi-extension.stamp";
    const std::string stamp = std::string(KPI_VERSION) + " " + std::to_string(fs::file_size(oxt)) + " " +
                              std::to_string(fs::last_write_time(oxt).time_since_epoch().count());
    std::string installed_stamp;
    if (std::ifstream in(stamp_file); in) std::getline(in, installed_stamp);
    office.start();
    if (installed_stamp == stamp && office.installed_version(KPI_EXTENSION_ID) == KPI_VERSION) return;
    office.install_extension(oxt);
    std::ofstream(stamp_file) << stamp << "\n";
    office.restart(); // the add-in and its configuration are live after a restart
}

int recalc(kpi::office::session& office, const fs::path& oxt, const fs::path& workbook, const fs::path& out_dir) {
    if (!fs::is_regular_file(workbook)) {
        std::cerr << "kpi: no such workbook: " << workbook << "\n";
        return exit_bad_input;
    }
    fs::create_directories(out_dir);
    prepare_office(office, oxt);
    auto doc = office.open(workbook, true);
    Reference<css::sheet::XCalculatable>(doc, UNO_QUERY_THROW)->calculateAll();

    css::uno::Sequence<css::beans::PropertyValue> props(2);
    props.getArray()[0].Name = "FilterName";
    props.getArray()[0].Value <<= OUString("Text - txt - csv (StarCalc)");
    // comma, double quote, UTF-8, from line 1, as shown, all sheets (-1): one file per sheet
    props.getArray()[1].Name = "FilterOptions";
    props.getArray()[1].Value <<= OUString("44,34,76,1,,0,false,true,true,false,false,-1");
    const fs::path base = fs::absolute(out_dir) / (workbook.stem().string() + ".csv");
    Reference<css::frame::XStorable>(doc, UNO_QUERY_THROW)->storeToURL(ou(kpi::office::file_url(base)), props);
    Reference<css::util::XCloseable>(doc, UNO_QUERY_THROW)->close(true);

    std::cout << "Recalculated " << workbook.string() << "\n";
    for (const auto& entry : fs::directory_iterator(out_dir))
        if (entry.path().extension() == ".csv" && entry.path().stem().string().rfind(workbook.stem().string(), 0) == 0)
            std::cout << "  wrote " << entry.path().string() << "\n";
    return exit_ok;
}

} // namespace

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    kpi::office::options opts;
    opts.profile_dir = default_profile();
    fs::path oxt = default_oxt();
    std::vector<std::string> rest;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const auto& a = args[i];
        if ((a == "--profile" || a == "--oxt" || a == "-o") && i + 1 >= args.size()) {
            std::cerr << "kpi: " << a << " needs a value\n";
            return exit_bad_input;
        }
        if (a == "--profile") opts.profile_dir = args[++i];
        else if (a == "--oxt") oxt = args[++i];
        else if (a == "-h" || a == "--help") {
            usage(std::cout);
            return exit_ok;
        } else if (a == "--version") {
            std::cout << "kpi " KPI_VERSION "\n";
            return exit_ok;
        } else rest.push_back(a);
    }
    if (rest.empty()) {
        usage(std::cerr);
        return exit_bad_input;
    }
    try {
        kpi::office::session office(opts);
        const std::string command = rest[0];
        if (command == "recalc") {
            std::optional<fs::path> out, workbook;
            for (std::size_t i = 1; i < rest.size(); ++i) {
                if (rest[i] == "-o" && i + 1 < rest.size()) out = rest[++i];
                else if (!workbook) workbook = rest[i];
                else {
                    std::cerr << "kpi recalc: unexpected argument " << rest[i] << "\n";
                    return exit_bad_input;
                }
            }
            if (!workbook || !out) {
                std::cerr << "usage: kpi recalc WORKBOOK -o DIR\n";
                return exit_bad_input;
            }
            return recalc(office, oxt, *workbook, *out);
        }
        std::cerr << "kpi: unknown command '" << command << "' (see kpi --help)\n";
        return exit_bad_input;
    } catch (const kpi::office::office_error& e) {
        std::cerr << "kpi: " << e.what() << "\n";
        return exit_failure;
    } catch (const css::uno::Exception& e) {
        std::cerr << "kpi: office error: " << u8(e.Message) << "\n";
        return exit_failure;
    }
}
