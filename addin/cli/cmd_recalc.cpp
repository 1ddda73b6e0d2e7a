// kpi recalc WORKBOOK -o DIR: recalculate, write each sheet as CSV.
#include "cli.hpp"

#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/frame/XStorable.hpp>
#include <com/sun/star/sheet/XCalculatable.hpp>

#include <optional>

namespace kpi::cli {

namespace fs = std::filesystem;
using css::uno::Reference;
using css::uno::UNO_QUERY_THROW;

int run_recalc(const environment& env, const std::vector<std::string>& args) {
    std::optional<fs::path> out_dir, workbook;
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (args[i] == "-o" && i + 1 < args.size()) out_dir = args[++i];
        else if (!workbook) workbook = args[i];
        else {
            std::cerr << "kpi recalc: unexpected argument " << args[i] << "\n";
            return exit_bad_input;
        }
    }
    if (!workbook || !out_dir) {
        std::cerr << "usage: kpi recalc WORKBOOK -o DIR\n";
        return exit_bad_input;
    }
    if (!fs::is_regular_file(*workbook)) {
        std::cerr << "kpi recalc: no such workbook: " << workbook->string() << "\n";
        return exit_bad_input;
    }
    fs::create_directories(*out_dir);
    auto doc = open_workbook(env, *workbook);
    Reference<css::sheet::XCalculatable>(doc, UNO_QUERY_THROW)->calculateAll();

    css::uno::Sequence<css::beans::PropertyValue> props(2);
    props.getArray()[0].Name = "FilterName";
    props.getArray()[0].Value <<= OUString("Text - txt - csv (StarCalc)");
    // comma, double quote, UTF-8, from line 1, as shown, all sheets (-1): one file per sheet
    props.getArray()[1].Name = "FilterOptions";
    props.getArray()[1].Value <<= OUString("44,34,76,1,,0,false,true,true,false,false,-1");
    const fs::path base = fs::absolute(*out_dir) / (workbook->stem().string() + ".csv");
    Reference<css::frame::XStorable>(doc, UNO_QUERY_THROW)->storeToURL(ou(office::file_url(base)), props);
    close_document(doc);

    std::cout << "Recalculated " << workbook->string() << "\n";
    for (const auto& entry : fs::directory_iterator(*out_dir)) {
        const auto stem = entry.path().stem().string();
        if (entry.path().extension() == ".csv" && stem.rfind(workbook->stem().string() + "-", 0) == 0)
            std::cout << "  wrote " << entry.path().string() << "\n";
    }
    return exit_ok;
}

} // namespace kpi::cli
