// Channel data import benchmark (docs/import.md, "Performance"): a generated export of N rows
// (Google Ads, Vietnamese: ';' and 1.234,5 numbers, a day per row over two years, 40 campaigns)
// parsed and aggregated in the core (median of 5), then the whole `kpi import` of that file into the
// Data-sheet fixture (office start included), when the kpi tool is given.
//   kpi_import_bench ROWS [KPI_TOOL OXT WORKBOOK WORK_DIR]
// Memory: a generated export of MB megabytes written to DIR, imported by kpi::import_file (what
// `kpi import` and the menu command run for a CSV) in a child process, then by the former pipeline
// (read into a string stream, copied, decoded into a copy, parsed into a grid, imported from the grid)
// in another, and an idle child for the constant: each child's peak RSS (wait4's ru_maxrss).
//   kpi_import_bench --memory MB DIR
#include <kpi/import.hpp>
#include <kpi/import_csv.hpp>

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
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

// Writes rows until the file holds `megabytes` MB, without holding it in memory.
std::size_t write_export(const std::filesystem::path& file, std::size_t megabytes) {
    std::ofstream out(file, std::ios::binary);
    const std::string block = generate(10000);
    const auto header_end = block.find("CTR\r\n") + 5;
    const auto total = block.find("T\xE1\xBB\x95ng:"); // "Tổng:" row
    const std::string_view head(block.data(), header_end), body(block.data() + header_end, total - header_end);
    out << head;
    std::size_t written = head.size(), rows = 0;
    while (written < megabytes * 1000000) {
        out << body;
        written += body.size();
        rows += 10000;
    }
    out << block.substr(total);
    return rows;
}

// Runs `work` in a child process and returns its peak resident set in MB (ru_maxrss is in kB).
template <class F> double child_peak_mb(F work, int& status) {
    std::fflush(stdout);
    const pid_t pid = fork();
    if (pid == 0) _exit(work());
    rusage usage{};
    wait4(pid, &status, 0, &usage);
    return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

int memory_bench(std::size_t megabytes, const std::filesystem::path& dir) {
    std::filesystem::create_directories(dir);
    const auto file = dir / "bench-memory-export.csv";
    const std::size_t rows = write_export(file, megabytes);
    const double size_mb = static_cast<double>(std::filesystem::file_size(file)) / (1024.0 * 1024.0);
    std::printf("export: %s, %zu rows, %.1f MiB\n", file.c_str(), rows, size_mb);
    kpi::import_options options;
    options.workbook_currency = "VND";
    options.source = "bench.csv";
    int status = 0;
    const double idle = child_peak_mb([] { return 0; }, status);
    std::size_t imported = 0;
    const double streaming = child_peak_mb(
        [&] {
            const auto r = kpi::import_file(file, options);
            if (!r) return 1;
            std::printf("  import_file: %zu rows imported into %zu (period, channel) rows\n", r.value().summary.rows_imported,
                        r.value().rows.size());
            std::fflush(stdout);
            return 0;
        },
        status);
    const int streaming_status = status;
    const double former = child_peak_mb(
        [&] {
            // The pipeline before streaming: file -> stringstream -> string copy -> decoded copy -> grid -> rows.
            std::ifstream in(file, std::ios::binary);
            std::ostringstream buffer;
            buffer << in.rdbuf();
            const std::string bytes = buffer.str();
            auto decoded = kpi::decode_text(std::string_view(bytes));
            if (!decoded) return 1;
            const auto table = kpi::parse_csv(decoded.value().utf8);
            const auto r = kpi::import_grid(table.cells, options, table.source_lines, "UTF-8");
            std::fflush(stdout);
            return r ? 0 : 1;
        },
        status);
    (void)imported;
    std::printf("peak RSS: idle child %.1f MiB; kpi::import_file %.1f MiB (%.2fx the file above idle); "
                "former pipeline %.1f MiB (%.2fx)\n",
                idle, streaming, (streaming - idle) / size_mb, former, (former - idle) / size_mb);
    std::filesystem::remove(file);
    const bool ok = streaming_status == 0 && WIFEXITED(status) && WEXITSTATUS(status) == 0;
    const bool within = streaming < 3 * size_mb + idle;
    std::printf("within 3x the file plus the idle constant: %s\n", within ? "yes" : "NO");
    return ok && within ? 0 : 1;
}

} // namespace

int main(int argc, char** argv) {
    if (argc > 3 && std::string(argv[1]) == "--memory")
        return memory_bench(std::strtoul(argv[2], nullptr, 10), argv[3]);
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
