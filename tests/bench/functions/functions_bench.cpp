// Benchmark: median hard-recalc (XCalculatable::calculateAll) times of one column of N formulas over
// two data columns, in a private headless office with the built extension, and ratios to native =A/B.
// A one-method add-in (baseline/, BASELINE.DIVIDE = a/b) is installed next to ours: KPI.CPL over it is
// what our add-in costs beyond LibreOffice's add-in call path.
//   kpi_functions_bench [rows=100000] [repeats=5]
#include "office_session.hpp"

#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/container/XNameContainer.hpp>
#include <com/sun/star/script/XLibraryContainer.hpp>
#include <com/sun/star/sheet/CellFlags.hpp>
#include <com/sun/star/sheet/FillDirection.hpp>
#include <com/sun/star/sheet/XSheetOperation.hpp>
#include <com/sun/star/sheet/XArrayFormulaRange.hpp>
#include <com/sun/star/sheet/XCalculatable.hpp>
#include <com/sun/star/sheet/XCellSeries.hpp>
#include <com/sun/star/sheet/XCellRangeData.hpp>
#include <com/sun/star/sheet/XSpreadsheet.hpp>
#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>
#include <com/sun/star/table/XCell.hpp>
#include <com/sun/star/util/XCloseable.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <string>
#include <unistd.h>
#include <vector>

using css::uno::Any;
using rtl::OUString;
using css::uno::Reference;
using css::uno::Sequence;
using css::uno::UNO_QUERY_THROW;

namespace {

OUString ou(const std::string& s) { return OUString::createFromAscii(s.c_str()); }

struct scenario {
    const char* name;
    std::string formula; // first-row formula (filled down), or the array formula
    bool array;
};

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

} // namespace

int main(int argc, char** argv) {
    const int rows = argc > 1 ? std::atoi(argv[1]) : 100000;
    const int repeats = argc > 2 ? std::atoi(argv[2]) : 5;
    // KPI.EACH can be measured on fewer rows (third argument); by default on all of them.
    const int each_rows = std::min(rows, argc > 3 ? std::atoi(argv[3]) : rows);
    const std::string last = std::to_string(rows), each_last = std::to_string(each_rows);
    try {
        kpi::office::options opts;
        opts.profile_dir = std::filesystem::path(KPI_BENCH_WORK_DIR) / ("profile-" + std::to_string(getpid()));
        std::filesystem::remove_all(opts.profile_dir);
        kpi::office::session office(opts);
        office.start();
        office.install_extension(KPI_OXT_PATH);
        office.install_extension(KPI_BASELINE_OXT_PATH);
        office.restart(); // add-in functions are listed only by an office started after the installation

        auto doc = office.new_spreadsheet();
        Reference<css::container::XIndexAccess> sheets(
            Reference<css::sheet::XSpreadsheetDocument>(doc, UNO_QUERY_THROW)->getSheets(), UNO_QUERY_THROW);
        Reference<css::sheet::XSpreadsheet> sheet(sheets->getByIndex(0), UNO_QUERY_THROW);
        Reference<css::sheet::XCalculatable> calc(doc, UNO_QUERY_THROW);

        // Data: A = spend, B = leads (never 0), in one call.
        Sequence<Sequence<Any>> data(rows);
        for (int i = 0; i < rows; ++i) {
            Sequence<Any> row(2);
            row.getArray()[0] <<= 100.0 + i % 1000;
            row.getArray()[1] <<= 1.0 + i % 50;
            data.getArray()[i] = row;
        }
        Reference<css::sheet::XCellRangeData>(sheet->getCellRangeByName(ou("A1:B" + last)), UNO_QUERY_THROW)
            ->setDataArray(data);

        // The Basic function, in the application's Standard library ("My Macros": not subject to the
        // document macro security that blocks a document's own macros in a fresh profile).
        auto ctx = office.context();
        Reference<css::script::XLibraryContainer> basic(
            ctx->getServiceManager()->createInstanceWithContext("com.sun.star.script.ApplicationScriptLibraryContainer", ctx),
            UNO_QUERY_THROW);
        if (!basic->hasByName("Standard")) basic->createLibrary("Standard");
        Reference<css::container::XNameContainer> standard(basic->getByName("Standard"), UNO_QUERY_THROW);
        standard->insertByName("Bench", Any(ou("Function CPLB(a, b)\n  CPLB = a / b\nEnd Function\n")));

        const std::vector<scenario> scenarios{
            {"native =A/B per cell", "=A1/B1", false},
            {"native array {=A1:A/B1:B}", "=A1:A" + last + "/B1:B" + last, true},
            {"KPI.CPL per cell", "=KPI.CPL(A1;B1)", false},
            // programmatic name: the service name the add-in reports + "." + the method
            {"one-method add-in a/b per cell", "=ORG.KPIMARKETING.BENCH.BASELINEDIVIDE.DIVIDE(A1;B1)", false},
            {"KPI.EACH(\"CPL\") over the columns", "=KPI.EACH(\"CPL\";A1:A" + each_last + ";B1:B" + each_last + ")", true},
            {"Analysis add-in DELTA per cell", "=DELTA(A1;B1)", false},
            {"Basic function a/b per cell", "=CPLB(A1;B1)", false},
        };
        std::vector<double> medians;
        std::printf("%d rows, hard recalc (calculateAll), median of %d\n", rows, repeats);
        for (const auto& s : scenarios) {
            const bool each = std::string(s.name).find("EACH") != std::string::npos;
            const int scenario_rows = each ? each_rows : rows;
            auto column = sheet->getCellRangeByName(ou("C1:C" + std::to_string(scenario_rows)));
            if (s.array) {
                Reference<css::sheet::XArrayFormulaRange>(column, UNO_QUERY_THROW)->setArrayFormula(ou(s.formula));
            } else {
                sheet->getCellByPosition(2, 0)->setFormula(ou(s.formula));
                Reference<css::sheet::XCellSeries>(column, UNO_QUERY_THROW)->fillAuto(css::sheet::FillDirection_TO_BOTTOM, 1);
            }
            calc->calculateAll(); // warm-up (and the Basic library's first load)
            auto probe = sheet->getCellByPosition(2, scenario_rows - 1);
            const double expected = (100.0 + (scenario_rows - 1) % 1000) / (1.0 + (scenario_rows - 1) % 50);
            const bool delta = std::string(s.name).find("DELTA") != std::string::npos;
            const bool correct = probe->getError() == 0 &&
                                 (delta ? probe->getValue() == 0.0 || probe->getValue() == 1.0
                                        : std::fabs(probe->getValue() - expected) < 1e-9);
            std::vector<double> times;
            for (int r = 0; r < repeats; ++r) {
                const auto t0 = std::chrono::steady_clock::now();
                calc->calculateAll();
                times.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
            }
            medians.push_back(median(times));
            std::printf("  %-36s %9.1f ms  %6.2fx native%s%s\n", s.name, medians.back(), medians.back() / medians[0],
                        each ? (" on " + std::to_string(each_rows) + " rows").c_str() : "",
                        correct ? "" : "  (WRONG RESULT or error in the last row)");
            std::fflush(stdout);
            Reference<css::sheet::XSheetOperation>(column, UNO_QUERY_THROW)
                ->clearContents(css::sheet::CellFlags::FORMULA | css::sheet::CellFlags::VALUE);
        }
        // indexes into medians, in the order of `scenarios`
        enum scenario_row { native_row, native_array_row, kpi_cpl_row, baseline_row, kpi_each_row, delta_row, basic_row };
        std::printf("KPI.CPL / one-method add-in: %.2fx\n", medians[kpi_cpl_row] / medians[baseline_row]);
        std::printf("Goals: KPI.CPL per cell <= 4x native: %.2fx; KPI.EACH <= 1.3x native: %.2fx;\n"
                    "       KPI.CPL faster than DELTA: %.2fx of DELTA; Basic >= 15x KPI.CPL: %.1fx\n",
                    medians[kpi_cpl_row] / medians[native_row], medians[kpi_each_row] / medians[native_row],
                    medians[kpi_cpl_row] / medians[delta_row], medians[basic_row] / medians[kpi_cpl_row]);
        Reference<css::util::XCloseable>(doc, UNO_QUERY_THROW)->close(true);
    } catch (const css::uno::Exception& e) {
        std::cerr << "benchmark failed: " << OUStringToOString(e.Message, RTL_TEXTENCODING_UTF8).getStr() << "\n";
        return 1;
    } catch (const std::exception& e) {
        std::cerr << "benchmark failed: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
