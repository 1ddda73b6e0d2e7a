// Channel data import benchmark (docs/import.md, "Performance"): a generated export of N rows
// (Google Ads, Vietnamese: ';' and 1.234,5 numbers, a day per row over two years, 40 campaigns)
// parsed and aggregated in the core (median of 5), then the whole `kpi import` of that file into the
// Data-sheet fixture (office start included), when the kpi tool is given.
//   kpi_import_bench ROWS [KPI_TOOL OXT WORKBOOK WORK_DIR]
#include <kpi/import.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace {

std::string generate(std::size_t rows) {
    std::string out = "\xEF\xBB\xBF" "Báo cáo chiến dịch\r\n1 thg 1, 2025 - 31 thg 12, 2026\r\n"
                      "Ngày;Chiến dịch;Mã đơn vị tiền tệ;Chi phí;Lượt hiển thị;Lượt nhấp;Lượt chuyển đổi;"
                      "Giá trị chuyển đổi;CTR\r\n";
    out.reserve(rows * 90);
    unsigned seed = 12345;
    auto next = [&] { return seed = seed * 1103515245u + 12345u, (seed >> 8) & 0xFFFF; };
    char line[256];
    for (std::size_t i = 0; i < rows; ++i) {
        const int day = static_cast<int>(i % 730);
        const int year = 2025 + day / 365, doy = day % 365;
        static constexpr int month_days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
        int m = 0, d = doy;
        while (d >= month_days[m]) d -= month_days[m++];
        const unsigned cost = 100000 + next() * 30, impr = 1000 + next(), clicks = 10 + next() % 900;
        std::snprintf(line, sizeof line, "%02d/%02d/%04d;Chiến dịch %zu;VND;%u.%03u.%03u,%02u;%u.%03u;%u;%u,50;%u.%03u.%03u,00;%u,%02u%%\r\n",
                      d + 1, m + 1, year, i % 40, cost / 1000000, cost / 1000 % 1000, cost % 1000, next() % 100,
                      impr / 1000, impr % 1000, clicks, next() % 20, cost / 1000000, cost / 1000 % 1000, cost % 1000,
                      clicks * 100 / impr, next() % 100);
        out += line;
    }
    out += "Tổng: Tài khoản;;VND;1.000,00;1;1;1,00;1,00;\r\n";
    return out;
}

} // namespace

int main(int argc, char** argv) {
    const std::size_t rows = argc > 1 ? std::strtoul(argv[1], nullptr, 10) : 100000;
    const std::string bytes = generate(rows);
    std::printf("export: %zu rows, %.1f MB\n", rows, static_cast<double>(bytes.size()) / 1e6);

    kpi::import_options options;
    options.workbook_currency = "VND";
    options.source = "bench.csv";
    std::vector<double> ms;
    std::size_t out_rows = 0, imported = 0;
    for (int run = 0; run < 5; ++run) {
        const auto t0 = std::chrono::steady_clock::now();
        const auto r = kpi::import_bytes(bytes, options);
        const auto t1 = std::chrono::steady_clock::now();
        if (!r) {
            std::fprintf(stderr, "import failed: %s\n", kpi::describe(r.error(), "en").c_str());
            return 1;
        }
        out_rows = r.value().rows.size();
        imported = r.value().summary.rows_imported;
        ms.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
    }
    std::sort(ms.begin(), ms.end());
    std::printf("core (decode + CSV + recognise + parse + aggregate): median %.1f ms, min %.1f, max %.1f over 5 runs; "
                "%zu rows imported into %zu (period, channel) rows\n",
                ms[2], ms[0], ms[4], imported, out_rows);

    if (argc > 5) {
        const std::filesystem::path dir = argv[5];
        std::filesystem::create_directories(dir);
        const auto csv = dir / "bench-export.csv";
        std::ofstream(csv, std::ios::binary) << bytes;
        const auto out = dir / "bench-out.fods";
        const std::string command = std::string("'") + argv[2] + "' --profile '" + (dir / "profile").string() + "' --oxt '" +
                                    argv[3] + "' import '" + argv[4] + "' '" + csv.string() + "' -o '" + out.string() +
                                    "' --force --lang en > '" + (dir / "kpi-import.log").string() + "' 2>&1";
        // The first run installs the extension into the bench profile; the second is what a user waits for.
        for (int run = 0; run < 2; ++run) {
            const auto t0 = std::chrono::steady_clock::now();
            const int rc = std::system(command.c_str());
            const auto t1 = std::chrono::steady_clock::now();
            std::printf("kpi import (%s, office start and store included): %.2f s, exit %d\n",
                        run == 0 ? "first run, installs the extension" : "second run", std::chrono::duration<double>(t1 - t0).count(),
                        rc);
        }
    }
    return 0;
}
