// Reports a register of N KPIs (default 100; a tenth strategic, the rest spread over the three
// tactical groups, every KPI with an actual so every group has its chart) to PDF in a private
// headless office, and prints the times. Baseline of the same run: exporting the workbook itself to
// PDF (the same office, the same filter). Best of 5 after one warm-up. Not a test: it prints figures
// (docs/report.md, "Performance").
#include "office_session.hpp"
#include "report_writer.hpp"
#include "uno_strings.hpp"

#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/frame/XStorable.hpp>
#include <com/sun/star/sheet/XCalculatable.hpp>
#include <com/sun/star/sheet/XCellRangeData.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/sheet/XSpreadsheet.hpp>
#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>
#include <com/sun/star/util/XCloseable.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <unistd.h>

namespace {

using css::uno::Any;
using css::uno::Reference;
using css::uno::UNO_QUERY_THROW;
using kpi::uno_glue::from_utf8;
using clock_type = std::chrono::steady_clock;

double seconds_since(clock_type::time_point t) { return std::chrono::duration<double>(clock_type::now() - t).count(); }

css::uno::Sequence<css::beans::PropertyValue> filter(const char* name) {
    css::beans::PropertyValue p;
    p.Name = "FilterName";
    p.Value <<= rtl::OUString::createFromAscii(name);
    return css::uno::Sequence<css::beans::PropertyValue>(&p, 1);
}

void close(const Reference<css::lang::XComponent>& doc) {
    Reference<css::util::XCloseable>(doc, UNO_QUERY_THROW)->close(true);
}

// The register: ID, Name, Level, Group, Parent, Owner, Unit, Direction, Baseline, Target, Deadline,
// Actual, Source.
std::filesystem::path write_register(kpi::office::session& office, std::size_t kpis, const std::filesystem::path& dir) {
    const char* groups[] = {"Acquisition & cost", "Digital & SEO", "Customer value & relationship"};
    const char* functions[] = {"KPI.CPL", "KPI.CTR", "KPI.RETENTION"};
    const std::size_t strategic = std::max<std::size_t>(1, kpis / 10);
    css::uno::Sequence<css::uno::Sequence<Any>> rows(static_cast<sal_Int32>(kpis + 1));
    auto text = [](const std::string& s) { return Any(from_utf8(s)); };
    rows.getArray()[0] = css::uno::Sequence<Any>(13);
    const char* header[] = {"ID",       "Name",   "Level",    "Group",    "Parent", "Owner", "Unit",
                            "Direction", "Baseline", "Target", "Deadline", "Actual", "Source"};
    for (int c = 0; c < 13; ++c) rows.getArray()[0].getArray()[c] = text(header[c]);
    for (std::size_t i = 0; i < kpis; ++i) {
        const bool is_strategic = i < strategic;
        const std::size_t g = i % 3;
        const std::string id = (is_strategic ? "S" : "T") + std::to_string(i + 1);
        const double target = 1000.0 + 10.0 * static_cast<double>(i);
        const double actual = target * (0.7 + 0.5 * static_cast<double>((i * 37) % 100) / 100.0);
        css::uno::Sequence<Any> row(13);
        auto* r = row.getArray();
        r[0] = text(id);
        r[1] = text((is_strategic ? "Revenue goal " : "Channel KPI ") + std::to_string(i + 1) + " of the plan");
        r[2] = text(is_strategic ? "Strategic" : "Tactical");
        r[3] = text(is_strategic ? "" : groups[g]);
        r[4] = text(is_strategic ? "" : "S" + std::to_string(i % strategic + 1));
        r[5] = text("Owner " + std::to_string(i % 7 + 1));
        r[6] = text("VND");
        r[7] = text("Higher is better");
        r[8] <<= target * 0.8;
        r[9] <<= target;
        r[10] = text("2030-12");
        r[11] <<= actual;
        r[12] = text(std::string(functions[g]) + ", channel exports");
        rows.getArray()[i + 1] = row;
    }
    auto doc = office.new_spreadsheet();
    Reference<css::sheet::XSpreadsheetDocument> spreadsheet(doc, UNO_QUERY_THROW);
    Reference<css::container::XIndexAccess> sheets(spreadsheet->getSheets(), UNO_QUERY_THROW);
    Reference<css::sheet::XSpreadsheet> sheet(sheets->getByIndex(0), UNO_QUERY_THROW);
    Reference<css::sheet::XCellRangeData>(sheet->getCellRangeByPosition(0, 0, 12, static_cast<sal_Int32>(kpis)),
                                          UNO_QUERY_THROW)
        ->setDataArray(rows);
    const auto file = dir / ("register-" + std::to_string(kpis) + ".ods");
    Reference<css::frame::XStorable>(doc, UNO_QUERY_THROW)
        ->storeToURL(from_utf8(kpi::office::file_url(file)), filter("calc8"));
    close(doc);
    return file;
}

} // namespace

int main(int argc, char** argv) {
    const std::size_t kpis = argc > 1 ? static_cast<std::size_t>(std::atoi(argv[1])) : 100;
    const auto dir = std::filesystem::path(KPI_BENCH_WORK_DIR) / ("run-" + std::to_string(getpid()));
    std::filesystem::create_directories(dir);
    kpi::office::options opts;
    opts.profile_dir = dir / "profile";
    kpi::office::session office(opts);
    office.start();
    office.install_extension(KPI_OXT_PATH);
    office.restart();
    const auto workbook = write_register(office, kpis, dir);

    double best_baseline = 1e9, best_read = 1e9, best_export = 1e9, best_total = 1e9;
    std::size_t pages_bytes = 0, charts = 0;
    for (int run = 0; run < 6; ++run) {
        // Baseline: the workbook itself to PDF.
        const auto t0 = clock_type::now();
        auto doc = office.open(workbook, true);
        Reference<css::frame::XStorable>(doc, UNO_QUERY_THROW)
            ->storeToURL(from_utf8(kpi::office::file_url(dir / "baseline.pdf")), filter("calc_pdf_Export"));
        close(doc);
        const double baseline_s = seconds_since(t0);

        // The report: open, recalculate, read and audit, write and export (what `kpi report` does per workbook).
        const auto t1 = clock_type::now();
        doc = office.open(workbook, true);
        Reference<css::sheet::XCalculatable>(doc, UNO_QUERY_THROW)->calculateAll();
        kpi::uno_glue::report_request request;
        request.language = "en";
        request.source_name = workbook.filename().string();
        auto read = kpi::uno_glue::read_report(Reference<css::sheet::XSpreadsheetDocument>(doc, UNO_QUERY_THROW), request);
        close(doc);
        const double read_s = seconds_since(t1);
        const auto& report = std::get<kpi::report>(read);
        const auto t2 = clock_type::now();
        kpi::uno_glue::export_report(office.context(), report, kpi::office::file_url(dir / "report.pdf"),
                                     kpi::uno_glue::report_format::pdf);
        const double export_s = seconds_since(t2);
        const double total_s = seconds_since(t1);
        pages_bytes = std::filesystem::file_size(dir / "report.pdf");
        charts = 0;
        for (const auto& s : kpi::report_workbook(report).sheets) charts += s.charts.size();
        if (run == 0) continue; // warm-up
        best_baseline = std::min(best_baseline, baseline_s);
        best_read = std::min(best_read, read_s);
        best_export = std::min(best_export, export_s);
        best_total = std::min(best_total, total_s);
    }
    std::printf("KPI report of a %zu-KPI register to PDF (%zu charts, %zu bytes), best of 5 after a warm-up:\n", kpis,
                charts, pages_bytes);
    std::printf("  baseline: the workbook itself to PDF  %8.3f s\n", best_baseline);
    std::printf("  open + recalculate + read + audit     %8.3f s\n", best_read);
    std::printf("  write the report document + PDF       %8.3f s\n", best_export);
    std::printf("  report total                          %8.3f s  (%.1fx the baseline; budget 5 s: %s)\n", best_total,
                best_total / best_baseline, best_total < 5.0 ? "met" : "NOT met");
    std::filesystem::remove_all(dir / "profile");
    return best_total < 5.0 ? 0 : 1;
}
