// kpi tree WORKBOOK -o tree.svg|pdf|png [--lang vi|en] [--force]: the KPI tree as a picture.
// The layout and the SVG come from the core (kpi/tree_layout.hpp); PDF (one A4 landscape page per
// layout page) and PNG (all pages, one below the other) are the SVG placed as a vector graphic on
// the pages of a hidden Draw document the office exports.
#include "calc_date.hpp"
#include "cli.hpp"
#include "sheet_grid.hpp"

#include <kpi/report.hpp>
#include <kpi/tree_layout.hpp>

#include <com/sun/star/awt/Point.hpp>
#include <com/sun/star/awt/Size.hpp>
#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/drawing/XDrawPage.hpp>
#include <com/sun/star/drawing/XDrawPages.hpp>
#include <com/sun/star/drawing/XDrawPagesSupplier.hpp>
#include <com/sun/star/drawing/XShape.hpp>
#include <com/sun/star/frame/Desktop.hpp>
#include <com/sun/star/frame/XComponentLoader.hpp>
#include <com/sun/star/frame/XStorable.hpp>
#include <com/sun/star/graphic/GraphicProvider.hpp>
#include <com/sun/star/graphic/XGraphicProvider.hpp>
#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>
#include <com/sun/star/sheet/XCalculatable.hpp>
#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>

#include <cstdlib>
#include <fstream>
#include <optional>
#include <unistd.h>

namespace kpi::cli {

namespace fs = std::filesystem;
using css::uno::Any;
using css::uno::Reference;
using css::uno::Sequence;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;

namespace {

enum class tree_format { svg, pdf, png };

std::string default_language() {
    for (const char* var : {"LC_ALL", "LC_MESSAGES", "LANG"})
        if (const char* v = std::getenv(var); v && *v)
            return std::string(v).substr(0, 2) == "vi" ? "vi" : "en";
    return "en";
}

void usage() {
    std::cerr
        << "usage: kpi tree WORKBOOK -o OUT.svg|OUT.pdf|OUT.png [--lang vi|en] [--force]\n"
           "  the KPI tree: strategic goals, the tactical KPIs serving them, coloured by status, and the\n"
           "  KPIs whose link is broken in a lane of their own. PDF: one A4 page per tree page; PNG: all\n"
           "  pages in one picture.\n";
}

bool write_file(const fs::path& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << bytes;
    return static_cast<bool>(out.flush());
}

css::beans::PropertyValue property(const char* name, Any value) {
    css::beans::PropertyValue p;
    p.Name = OUString::createFromAscii(name);
    p.Value = std::move(value);
    return p;
}

// The SVG files as pictures on the pages of a hidden Draw document (each page the picture's size in
// mm), exported with `filter`. Temporary files live in `work`.
void export_with_draw(const environment& env,
                      const std::vector<std::pair<std::string, std::pair<double, double>>>& pages,
                      const fs::path& work, const fs::path& target, const char* filter, bool png) {
    auto ctx = env.office.context();
    Reference<css::frame::XComponentLoader> loader(css::frame::Desktop::create(ctx), UNO_QUERY_THROW);
    const css::beans::PropertyValue hidden = property("Hidden", Any(true));
    auto doc = loader->loadComponentFromURL("private:factory/sdraw", "_blank", 0,
                                            Sequence<css::beans::PropertyValue>(&hidden, 1));
    struct closer {
        Reference<css::lang::XComponent> d;
        ~closer() {
            try {
                close_document(d);
            } catch (...) {
            }
        }
    } close_at_end{doc};
    auto draw_pages = Reference<css::drawing::XDrawPagesSupplier>(doc, UNO_QUERY_THROW)->getDrawPages();
    Reference<css::lang::XMultiServiceFactory> factory(doc, UNO_QUERY_THROW);
    auto provider = css::graphic::GraphicProvider::create(ctx);
    for (std::size_t k = 0; k < pages.size(); ++k) {
        const fs::path file = work / ("page-" + std::to_string(k + 1) + ".svg");
        if (!write_file(file, pages[k].first))
            throw office::office_error("cannot write " + file.string());
        if (k > 0)
            draw_pages->insertNewByIndex(static_cast<sal_Int32>(k - 1));
        Reference<css::drawing::XDrawPage> page(draw_pages->getByIndex(static_cast<sal_Int32>(k)),
                                                UNO_QUERY_THROW);
        const auto w = static_cast<sal_Int32>(pages[k].second.first * 100);
        const auto h = static_cast<sal_Int32>(pages[k].second.second * 100);
        Reference<css::beans::XPropertySet> page_props(page, UNO_QUERY_THROW);
        page_props->setPropertyValue("Width", Any(w));
        page_props->setPropertyValue("Height", Any(h));
        for (const char* border : {"BorderLeft", "BorderRight", "BorderTop", "BorderBottom"})
            page_props->setPropertyValue(OUString::createFromAscii(border), Any(sal_Int32(0)));
        const css::beans::PropertyValue url = property("URL", Any(ou(office::file_url(file))));
        auto graphic = provider->queryGraphic(Sequence<css::beans::PropertyValue>(&url, 1));
        Reference<css::drawing::XShape> shape(
            factory->createInstance("com.sun.star.drawing.GraphicObjectShape"), UNO_QUERY_THROW);
        page->add(shape);
        Reference<css::beans::XPropertySet>(shape, UNO_QUERY_THROW)
            ->setPropertyValue("Graphic", Any(graphic));
        shape->setPosition(css::awt::Point(0, 0));
        shape->setSize(css::awt::Size(w, h));
    }
    std::vector<css::beans::PropertyValue> args{
        property("FilterName", Any(OUString::createFromAscii(filter))), property("Overwrite", Any(true))};
    if (png) {
        // About 150 dpi: 8 pt text is 17 pixels high.
        const auto px_w = static_cast<sal_Int32>(pages[0].second.first / 25.4 * 150);
        const auto px_h = static_cast<sal_Int32>(pages[0].second.second / 25.4 * 150);
        std::vector<css::beans::PropertyValue> data{property("PixelWidth", Any(px_w)),
                                                    property("PixelHeight", Any(px_h))};
        args.push_back(property("FilterData", Any(Sequence<css::beans::PropertyValue>(data.data(), 2))));
    }
    Reference<css::frame::XStorable>(doc, UNO_QUERY_THROW)
        ->storeToURL(ou(office::file_url(fs::absolute(target))),
                     Sequence<css::beans::PropertyValue>(args.data(), static_cast<sal_Int32>(args.size())));
}

} // namespace

int run_tree(const environment& env, const std::vector<std::string>& args) {
    std::optional<fs::path> workbook, out;
    std::string lang;
    bool force = false;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const auto& a = args[i];
        const bool has_value = i + 1 < args.size();
        if (a == "-o" && has_value)
            out = args[++i];
        else if (a == "--lang" && has_value) {
            lang = args[++i];
            if (lang != "vi" && lang != "en") {
                std::cerr << "kpi tree: --lang takes vi or en\n";
                return exit_bad_input;
            }
        } else if (a == "--force")
            force = true;
        else if (a.rfind("-", 0) == 0 || workbook) {
            std::cerr << "kpi tree: unexpected argument " << a << "\n";
            usage();
            return exit_bad_input;
        } else
            workbook = a;
    }
    if (!workbook || !out) {
        usage();
        return exit_bad_input;
    }
    std::string ext = out->extension().string();
    for (auto& c : ext)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    std::optional<tree_format> format;
    if (ext == ".svg")
        format = tree_format::svg;
    else if (ext == ".pdf")
        format = tree_format::pdf;
    else if (ext == ".png")
        format = tree_format::png;
    if (!format) {
        std::cerr << "kpi tree: " << out->string() << ": the output must end in .svg, .pdf or .png\n";
        return exit_bad_input;
    }
    if (!fs::is_regular_file(*workbook)) {
        std::cerr << "kpi tree: no such workbook: " << workbook->string() << "\n";
        return exit_bad_input;
    }
    std::error_code ec;
    if (fs::exists(*out) && fs::equivalent(*out, *workbook, ec)) {
        std::cerr << "kpi tree: " << out->string() << " is the workbook itself; not overwritten\n";
        return exit_bad_input;
    }
    if (fs::exists(*out) && !force) {
        std::cerr << "kpi tree: " << out->string() << " exists; not overwritten (use --force)\n";
        return exit_bad_input;
    }
    if (fs::is_directory(*out)) {
        std::cerr << "kpi tree: " << out->string() << " is a directory\n";
        return exit_bad_input;
    }

    Reference<css::lang::XComponent> doc;
    try {
        doc = open_workbook(env, *workbook);
    } catch (const office::office_error& e) {
        if (!env.office.running())
            throw;
        std::cerr << "kpi tree: " << e.what() << "\n";
        return exit_bad_input;
    }
    Reference<css::sheet::XSpreadsheetDocument> spreadsheet(doc, UNO_QUERY);
    if (!spreadsheet.is()) {
        close_document(doc);
        std::cerr << "kpi tree: " << workbook->string() << " is not a spreadsheet\n";
        return exit_bad_input;
    }
    Reference<css::sheet::XCalculatable>(doc, UNO_QUERY_THROW)->calculateAll();
    Reference<css::container::XIndexAccess> sheets(spreadsheet->getSheets(), UNO_QUERY_THROW);
    std::optional<kpi::register_result> found;
    std::optional<kpi::register_error> first_error;
    for (sal_Int32 s = 0; s < sheets->getCount() && !found; ++s) {
        Reference<css::sheet::XSpreadsheet> sheet(sheets->getByIndex(s), UNO_QUERY_THROW);
        auto block = uno_glue::read_used_area(sheet);
        kpi::parse_options options;
        options.header_scan_rows = 20;
        auto parsed = kpi::parse_register(std::move(block.cells), options);
        if (parsed)
            found.emplace(std::move(parsed));
        else if (!first_error)
            first_error = parsed.error();
    }
    close_document(doc);
    if (!found) {
        std::cerr << "kpi tree: " << workbook->string() << ": "
                  << (first_error ? kpi::describe(*first_error, lang.empty() ? default_language() : lang)
                                  : std::string("the workbook has no sheets"))
                  << "\n";
        return exit_bad_input;
    }
    const auto& reg = found->value();
    if (lang.empty())
        lang = kpi::register_language(reg);
    if (lang.empty())
        lang = default_language();
    const auto audit = kpi::audit(reg, uno_glue::today_serial());
    kpi::tree_options options;
    options.language = lang;
    const auto layout = kpi::layout_tree(audit, options);

    try {
        if (*format == tree_format::svg) {
            if (!write_file(*out, kpi::tree_svg(layout))) {
                std::cerr << "kpi tree: cannot write " << out->string() << "\n";
                return exit_bad_input;
            }
        } else {
            const fs::path work = fs::temp_directory_path() / ("kpi-tree-" + std::to_string(getpid()));
            fs::create_directories(work);
            std::vector<std::pair<std::string, std::pair<double, double>>> pages;
            const auto& o = layout.options;
            if (*format == tree_format::pdf) {
                for (std::size_t p = 0; p < layout.pages.size(); ++p)
                    pages.push_back({kpi::tree_page_svg(layout, p), {o.page_width, o.page_height}});
            } else {
                const double n = static_cast<double>(layout.pages.size());
                pages.push_back({kpi::tree_svg(layout), {o.page_width, o.page_height * n + 10 * (n - 1)}});
            }
            try {
                export_with_draw(env, pages, work, *out,
                                 *format == tree_format::pdf ? "draw_pdf_Export" : "draw_png_Export",
                                 *format == tree_format::png);
            } catch (const office::office_error& e) {
                fs::remove_all(work, ec);
                std::cerr << "kpi tree: " << e.what() << "\n";
                return exit_failure;
            } catch (...) {
                fs::remove_all(work, ec);
                throw;
            }
            fs::remove_all(work, ec);
        }
    } catch (const css::uno::Exception& e) {
        if (!env.office.running())
            throw;
        std::cerr << "kpi tree: the office could not write " << out->string() << ": " << u8(e.Message)
                  << "\n";
        return exit_failure;
    }
    const bool vi = lang == "vi";
    std::cout << (vi ? "Đã ghi " : "wrote ") << out->string() << " (" << reg.size() << " KPI, "
              << layout.goal_count << (vi ? " mục tiêu, " : " goals, ") << layout.lane_count
              << (vi ? " chưa liên kết, " : " not linked, ") << layout.pages.size()
              << (vi                         ? " trang)\n"
                  : layout.pages.size() == 1 ? " page)\n"
                                             : " pages)\n");
    return exit_ok;
}

} // namespace kpi::cli
