// The KPI tree's speed: the core's layout of a 1,000-KPI register (goal < 50 ms), "Draw KPI tree" of a
// 300-KPI register inside Calc (goal < 3 s) and `kpi tree -o tree.svg` of it, office start included
// (goal < 5 s). Prints medians. Not a test: `cmake --build build --target bench_tree` (or `make bench`).
#include "office_session.hpp"

#include <kpi/audit.hpp>
#include <kpi/tree_layout.hpp>

#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/frame/DispatchHelper.hpp>
#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/frame/XDispatchProvider.hpp>
#include <com/sun/star/frame/XFrame.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/util/XCloseable.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>
#include <vector>

namespace fs = std::filesystem;
using css::uno::Reference;
using css::uno::UNO_QUERY_THROW;

namespace {

const char* const groups[] = {"Acquisition &amp; cost", "Digital &amp; SEO",
                              "Customer value &amp; relationship"};

// KPI i of a generated register: a goal every 30 rows; tactical KPIs under the goal or under the
// KPI before them; every 25th tactical KPI unlinked.
struct spec {
    std::string id, parent, level, group;
};
spec kpi_row(int i) {
    spec s;
    const bool strategic = i % 30 == 0;
    s.id = (strategic ? "S" : "T") + std::to_string(i);
    s.level = strategic ? "Strategic" : "Tactical";
    if (!strategic) {
        s.group = groups[i % 3];
        if (i % 25 != 7)
            s.parent = (i % 4 == 0 || (i - 1) % 30 == 0) ? "S" + std::to_string(i / 30 * 30)
                                                         : "T" + std::to_string(i - 1);
    }
    return s;
}

kpi::kpi_register core_register(int rows) {
    std::vector<std::vector<kpi::grid_cell>> g{
        {"ID", "Name", "Level", "Group", "Parent", "Unit", "Direction", "Target", "Actual"}};
    for (int i = 0; i < rows; ++i) {
        auto s = kpi_row(i);
        std::string group = s.group;
        for (std::size_t p; (p = group.find("&amp;")) != std::string::npos;)
            group.replace(p, 5, "&");
        g.push_back({s.id, "Cost per lead of campaign " + std::to_string(i), s.level, group, s.parent, "VND",
                     "Lower is better", 150000.0, static_cast<double>(140000 + (i % 7) * 5000)});
    }
    auto parsed = kpi::parse_register(kpi::grid::from_rows(g));
    if (!parsed)
        std::abort();
    return std::move(parsed).value();
}

void write_register(const fs::path& file, int rows) {
    std::ofstream out(file);
    out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document "
           "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
           "xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" "
           "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" office:version=\"1.3\" "
           "office:mimetype=\"application/"
           "vnd.oasis.opendocument.spreadsheet\"><office:body><office:spreadsheet>"
           "<table:table table:name=\"KPI Register\">\n";
    auto text = [&](const std::string& s) {
        out << "<table:table-cell office:value-type=\"string\"><text:p>" << s
            << "</text:p></table:table-cell>";
    };
    auto number = [&](double v) {
        out << "<table:table-cell office:value-type=\"float\" office:value=\"" << v << "\"/>";
    };
    out << "<table:table-row>";
    for (const char* h : {"ID", "Name", "Level", "Group", "Parent", "Unit", "Direction", "Target", "Actual"})
        text(h);
    out << "</table:table-row>\n";
    for (int i = 0; i < rows; ++i) {
        const auto s = kpi_row(i);
        out << "<table:table-row>";
        text(s.id);
        text("Cost per lead of campaign " + std::to_string(i));
        text(s.level);
        text(s.group);
        text(s.parent);
        text("VND");
        text("Lower is better");
        number(150000);
        number(140000 + (i % 7) * 5000);
        out << "</table:table-row>\n";
    }
    out << "</table:table></office:spreadsheet></office:body></office:document>\n";
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

double seconds_since(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

} // namespace

int main(int argc, char** argv) {
    const int repeats = argc > 1 ? std::max(1, std::atoi(argv[1])) : 5;

    // 1. The core.
    {
        const auto reg = core_register(1000);
        const auto audit = kpi::audit(reg, 46188);
        std::vector<double> layout_ms, svg_ms;
        std::size_t pages = 0;
        for (int r = 0; r < std::max(repeats, 11); ++r) {
            auto t0 = std::chrono::steady_clock::now();
            const auto layout = kpi::layout_tree(audit);
            layout_ms.push_back(seconds_since(t0) * 1000);
            pages = layout.pages.size();
            t0 = std::chrono::steady_clock::now();
            const auto svg = kpi::tree_svg(layout);
            svg_ms.push_back(seconds_since(t0) * 1000);
            if (svg.size() < 1000)
                std::abort();
        }
        std::printf("Core, 1,000 KPIs (%zu pages): layout %.2f ms (goal < 50 ms), SVG %.2f ms (medians)\n",
                    pages, median(layout_ms), median(svg_ms));
    }

    const fs::path work = fs::path(KPI_BENCH_WORK_DIR) / ("run-" + std::to_string(getpid()));
    fs::create_directories(work);
    struct cleanup {
        fs::path dir;
        ~cleanup() {
            std::error_code ec;
            if (!std::getenv("KPI_BENCH_KEEP"))
                fs::remove_all(dir, ec);
        }
    } remove_work{work};
    const auto file = work / "register-300.fods";
    write_register(file, 300);

    // 2. Draw KPI tree inside Calc.
    {
        kpi::office::options opts;
        opts.profile_dir = work / "profile";
        kpi::office::session office(opts);
        office.start();
        office.install_extension(KPI_OXT_PATH);
        office.restart();
        auto helper = css::frame::DispatchHelper::create(office.context());
        css::beans::PropertyValue silent;
        silent.Name = "Silent";
        silent.Value <<= true;
        std::vector<double> draw;
        for (int r = 0; r < repeats; ++r) {
            auto doc = office.open(file);
            auto frame =
                Reference<css::frame::XModel>(doc, UNO_QUERY_THROW)->getCurrentController()->getFrame();
            const auto t0 = std::chrono::steady_clock::now();
            helper->executeDispatch(Reference<css::frame::XDispatchProvider>(frame, UNO_QUERY_THROW),
                                    "org.kpimarketing.command:DrawTree", "", 0,
                                    css::uno::Sequence<css::beans::PropertyValue>(&silent, 1));
            draw.push_back(seconds_since(t0));
            Reference<css::util::XCloseable>(doc, UNO_QUERY_THROW)->close(true);
        }
        std::printf("Draw KPI tree, 300 KPIs, headless Calc: %.3f s (median of %d; goal < 3 s)\n",
                    median(draw), repeats);
    }

    // 3. kpi tree to SVG, as a user runs it (its own office: start, open, read, write, quit).
    {
        const auto profile = work / "cli-profile";
        const std::string base = std::string(KPI_CLI_PATH) + " --profile '" + profile.string() + "' --oxt '" +
                                 KPI_OXT_PATH + "' tree '" + file.string() + "' --force -o '" +
                                 (work / "tree.svg").string() + "' > /dev/null";
        auto t0 = std::chrono::steady_clock::now();
        if (std::system(base.c_str()) != 0)
            std::printf("kpi tree failed\n");
        const double first = seconds_since(t0);
        std::vector<double> runs;
        for (int r = 0; r < repeats; ++r) {
            t0 = std::chrono::steady_clock::now();
            if (std::system(base.c_str()) != 0)
                std::printf("kpi tree failed\n");
            runs.push_back(seconds_since(t0));
        }
        std::printf(
            "kpi tree -o tree.svg, 300 KPIs, office start included: %.2f s (median of %d; goal < 5 s); "
            "first run, installing the extension into a new profile: %.2f s\n",
            median(runs), repeats, first);
    }
    return 0;
}
