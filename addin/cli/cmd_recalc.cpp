// kpi recalc WORKBOOK -o DIR: recalculate, write each sheet as CSV.
#include "cli.hpp"

#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/frame/XStorable.hpp>
#include <com/sun/star/sheet/XCalculatable.hpp>

#include <algorithm>
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
    const bool vi = ui_language() == "vi";
    if (!fs::exists(*out_dir)) {
        // The folder itself is created (and said so); a missing parent is refused, not created.
        const auto parent = fs::absolute(*out_dir).lexically_normal().parent_path();
        if (!fs::is_directory(parent))
            throw uno_glue::write_error(uno_glue::write_error::kind::missing_folder, fs::absolute(*out_dir));
        fs::create_directory(*out_dir);
        std::cout << (vi ? "Đã tạo thư mục " : "Created the folder ") << out_dir->string() << "\n";
    } else if (!fs::is_directory(*out_dir)) {
        throw uno_glue::write_error(uno_glue::write_error::kind::not_a_file, *out_dir);
    }
    const fs::path dir = fs::absolute(*out_dir);
    const std::string stem = workbook->stem().string();
    auto doc = open_workbook(env, *workbook);
    std::vector<fs::path> produced;
    {
        // The office writes one CSV per sheet into a temporary folder beside the outputs; each is then
        // renamed over its target once whole (atomic_file.hpp), so a kill leaves old or new files.
        uno_glue::atomic_file staging(dir / (stem + ".csv"));
        fs::create_directory(staging.temporary());
        try {
            Reference<css::sheet::XCalculatable>(doc, UNO_QUERY_THROW)->calculateAll();
            css::uno::Sequence<css::beans::PropertyValue> props(2);
            props.getArray()[0].Name = "FilterName";
            props.getArray()[0].Value <<= OUString("Text - txt - csv (StarCalc)");
            // comma, double quote, UTF-8, from line 1, as shown, all sheets (-1): one file per sheet
            props.getArray()[1].Name = "FilterOptions";
            props.getArray()[1].Value <<= OUString("44,34,76,1,,0,false,true,true,false,false,-1");
            Reference<css::frame::XStorable>(doc, UNO_QUERY_THROW)
                ->storeToURL(ou(office::file_url(staging.temporary() / (stem + ".csv"))), props);
        } catch (const css::uno::Exception& e) {
            close_document(doc);
            staging.fail(u8(e.Message));
        }
        close_document(doc);
        std::vector<fs::path> written;
        for (const auto& entry : fs::directory_iterator(staging.temporary()))
            written.push_back(entry.path());
        std::sort(written.begin(), written.end());
        for (const auto& file : written) {
            const auto target = dir / file.filename();
            uno_glue::check_not_an_input(target, {*workbook});
            uno_glue::atomic_file out(target);
            fs::rename(file, out.temporary());
            out.commit();
            produced.push_back(target);
        }
    }

    std::cout << "Recalculated " << workbook->string() << "\n";
    for (const auto& file : produced)
        std::cout << "  wrote " << file.string() << "\n";
    return exit_ok;
}

} // namespace kpi::cli
