// The register audit inside Calc (issue 4): generated registers of 10k and 100k rows are loaded in a
// private headless office with the extension; timed are the "Audit KPI register" menu command
// (read the sheet, audit, write the "KPI Audit" sheet and the highlight) and a hard recalc of
// {=KPI.AUDIT(register)}. Prints medians, time per row and the ratio between sizes (linearity).
// Not a test: run with `cmake --build build --target bench_audit_calc` (or `make bench`).
#include "office_session.hpp"

#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/frame/DispatchHelper.hpp>
#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/frame/XDispatchProvider.hpp>
#include <com/sun/star/frame/XFrame.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/sheet/XArrayFormulaRange.hpp>
#include <com/sun/star/sheet/XCalculatable.hpp>
#include <com/sun/star/sheet/XSpreadsheet.hpp>
#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>
#include <com/sun/star/util/XCloseable.hpp>
#include <com/sun/star/text/XText.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <string>
#include <unistd.h>
#include <vector>

namespace fs = std::filesystem;
using css::uno::Reference;
using css::uno::UNO_QUERY_THROW;
using rtl::OUString;

namespace {

OUString ou(const std::string& s) { return OUString(s.data(), static_cast<sal_Int32>(s.size()), RTL_TEXTENCODING_UTF8); }

// A register of `rows` KPIs: 1 strategic goal per 50 rows, tactical KPIs linked to a goal or to
// an earlier tactical KPI; every 20th tactical KPI unlinked (flagged).
void write_register(const fs::path& file, int rows) {
    std::ofstream out(file);
    out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document "
           "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
           "xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" "
           "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" office:version=\"1.3\" "
           "office:mimetype=\"application/vnd.oasis.opendocument.spreadsheet\"><office:body><office:spreadsheet>"
           "<table:table table:name=\"KPI Register\">\n";
    auto text = [&](const std::string& s) {
        out << "<table:table-cell office:value-type=\"string\"><text:p>" << s << "</text:p></table:table-cell>";
    };
    auto number = [&](double v) {
        out << "<table:table-cell office:value-type=\"float\" office:value=\"" << v << "\"/>";
    };
    out << "<table:table-row>";
    for (const char* h : {"ID", "Name", "Level", "Group", "Parent", "Owner", "Unit", "Direction", "Baseline", "Target",
                          "Deadline", "Actual", "Source"})
        text(h);
    out << "</table:table-row>\n";
    for (int i = 0; i < rows; ++i) {
        const bool strategic = i % 50 == 0;
        const std::string id = (strategic ? "S" : "T") + std::to_string(i);
        std::string parent;
        if (!strategic && i % 20 != 7) parent = (i % 3 == 0) ? "S" + std::to_string(i / 50 * 50) : "T" + std::to_string(i - 1);
        if (!strategic && i % 3 != 0 && (i - 1) % 50 == 0) parent = "S" + std::to_string(i - 1);
        out << "<table:table-row>";
        text(id);
        text((strategic ? "Revenue growth of unit " : "Cost per lead of campaign ") + std::to_string(i));
        text(strategic ? "Strategic" : "Tactical");
        text(strategic ? "" : "Acquisition &amp; cost");
        text(parent);
        text("Owner " + std::to_string(i % 17));
        text(strategic ? "%" : "VND");
        text(strategic ? "Higher is better" : "Lower is better");
        number(strategic ? 0.1 : 200000);
        number(strategic ? 0.2 : 150000);
        text("2099-12");
        out << "<table:table-cell/>";
        text("CRM export");
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

void close(const Reference<css::lang::XComponent>& doc) {
    Reference<css::util::XCloseable>(doc, UNO_QUERY_THROW)->close(true);
}

} // namespace

int main(int argc, char** argv) {
    const int repeats = argc > 1 ? std::max(1, std::atoi(argv[1])) : 3;
    const std::vector<int> sizes{10000, 100000};
    // A fresh folder per run (no lock file of an interrupted run in the way), removed at the end.
    const fs::path work = fs::path(KPI_BENCH_WORK_DIR) / ("run-" + std::to_string(getpid()));
    fs::create_directories(work);
    struct cleanup {
        fs::path dir;
        ~cleanup() { std::error_code ec; if (!std::getenv("KPI_BENCH_KEEP")) fs::remove_all(dir, ec); }
    } remove_work{work};

    kpi::office::options opts;
    opts.profile_dir = work / "profile";
    setenv("KPI_TIMINGS", "1", 1); // the command logs its phases to the office's log (office.log)
    kpi::office::session office(opts);
    office.start();
    office.install_extension(KPI_OXT_PATH);
    office.restart();
    auto helper = css::frame::DispatchHelper::create(office.context());
    css::beans::PropertyValue silent;
    silent.Name = "Silent";
    silent.Value <<= true;

    std::printf("Register audit inside Calc (headless LibreOffice, medians of %d)\n", repeats);
    std::printf("%8s  %16s  %12s  %22s  %12s\n", "rows", "menu command (s)", "per row (us)", "KPI.AUDIT recalc (s)",
                "per row (us)");
    std::vector<double> per_row_menu;
    for (int rows : sizes) {
        const auto file = work / ("register-" + std::to_string(rows) + ".fods");
        write_register(file, rows);
        std::vector<double> menu, recalc;
        for (int r = 0; r < repeats; ++r) {
            auto doc = office.open(file);
            auto frame = Reference<css::frame::XModel>(doc, UNO_QUERY_THROW)->getCurrentController()->getFrame();
            const auto t0 = std::chrono::steady_clock::now();
            helper->executeDispatch(Reference<css::frame::XDispatchProvider>(frame, UNO_QUERY_THROW),
                                    "org.kpimarketing.command:Audit", "", 0,
                                    css::uno::Sequence<css::beans::PropertyValue>(&silent, 1));
            menu.push_back(seconds_since(t0));
            close(doc);
        }
        {
            auto doc = office.open(file);
            Reference<css::sheet::XSpreadsheetDocument> spreadsheet(doc, UNO_QUERY_THROW);
            Reference<css::container::XIndexAccess> sheets(spreadsheet->getSheets(), UNO_QUERY_THROW);
            Reference<css::sheet::XSpreadsheet> sheet(sheets->getByIndex(0), UNO_QUERY_THROW);
            Reference<css::sheet::XArrayFormulaRange>(sheet->getCellRangeByPosition(14, 0, 17, rows), UNO_QUERY_THROW)
                ->setArrayFormula(ou("=KPI.AUDIT($A$1:$M$" + std::to_string(rows + 1) + ")"));
            for (int r = 0; r < repeats; ++r) {
                const auto t0 = std::chrono::steady_clock::now();
                Reference<css::sheet::XCalculatable>(doc, UNO_QUERY_THROW)->calculateAll();
                recalc.push_back(seconds_since(t0));
            }
            if (Reference<css::text::XText>(sheet->getCellByPosition(14, 1), UNO_QUERY_THROW)->getString() != "S0")
                std::printf("  (unexpected KPI.AUDIT output)\n");
            close(doc);
        }
        // The phases of the last menu run, from the office's log.
        std::map<std::string, double> phase;
        {
            std::ifstream log(opts.profile_dir / "office.log");
            std::string tag, name;
            double seconds = 0;
            while (log >> tag) {
                if (tag != "kpi-timing") { std::getline(log, tag); continue; }
                log >> name >> seconds;
                phase[name] = seconds;
            }
        }
        const double audit_only = phase["audit.read"] + phase["audit.parse"] + phase["audit.audit"];
        std::printf("  phases of the last run: read %.3f s, parse %.3f s, audit %.3f s (together %.3f s); "
                    "findings sheet %.3f s, highlight %.3f s\n",
                    phase["audit.read"], phase["audit.parse"], phase["audit.audit"], audit_only, phase["audit.write"],
                    phase["audit.highlight"]);
        const double m = median(menu), c = median(recalc);
        per_row_menu.push_back(m / rows * 1e6);
        std::printf("%8d  %16.3f  %12.2f  %22.3f  %12.2f\n", rows, m, m / rows * 1e6, c, c / rows * 1e6);
    }
    std::printf("per-row time, 100k against 10k (1.0 = linear): %.2f\n", per_row_menu[1] / per_row_menu[0]);
    std::printf("goal: 100k rows < 0.5 s inside Calc (reading the sheet + parsing + auditing are the audit;\n"
                "the findings sheet and the highlight are its presentation)\n");
    return 0;
}
