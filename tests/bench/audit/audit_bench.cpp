// Benchmark: parse and audit generated registers of 10k, 100k and 1M rows; prints the time per
// size and per row, and the per-row time relative to the smallest size (1.0 = linear).
// Usage: kpi_audit_bench [rows...]   (default 10000 100000 1000000)
// The register mixes what real ones have: strategic roots, tactical chains up to depth 5,
// unlinked and broken rows, a loop now and then, text numbers, periods as text and as serials,
// Vietnamese and English values.
#include <kpi/audit.hpp>
#include <kpi/register.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

namespace {

kpi::grid make_grid(std::size_t n) {
    const char* header[] = {"ID", "Tên KPI", "Level", "Nhóm", "KPI cha", "Owner", "Đơn vị",
                            "Chiều", "Baseline", "Mục tiêu", "Thời hạn", "Actual", "Nguồn"};
    kpi::grid g(n + 1, 13);
    for (std::size_t c = 0; c < 13; ++c) g.at(0, c) = header[c];
    std::uint64_t x = 0x9E3779B97F4A7C15ull;
    auto rnd = [&] { // xorshift64: deterministic, fast
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        return x;
    };
    for (std::size_t i = 0; i < n; ++i) {
        const std::size_t r = i + 1;
        const bool strategic = i % 50 == 0;
        g.at(r, 0) = "K" + std::to_string(i);
        g.at(r, 2) = strategic ? (i % 100 == 0 ? "Strategic" : "Chiến lược")
                               : (i % 3 == 0 ? "Tactical" : "Chiến thuật");
        if (strategic) {
            g.at(r, 1) = "Revenue growth of business line " + std::to_string(i / 50);
        } else {
            const auto roll = rnd() % 1000;
            std::string parent;
            if (roll < 5) {
                parent = ""; // unlinked
            } else if (roll < 10) {
                parent = "X" + std::to_string(i); // broken
            } else if (roll < 12) {
                parent = "K" + std::to_string(i); // its own parent
            } else {
                // the previous row (a chain) or the block's strategic root
                parent = "K" + std::to_string(i % 5 == 0 ? i - i % 50 : i - 1);
            }
            g.at(r, 4) = parent;
            g.at(r, 1) = i % 97 == 0 ? "Leads" : "Chi phí mỗi lead kênh " + std::to_string(i % 13);
            g.at(r, 3) = i % 2 ? "Thu hút & chi phí" : "Digital & SEO";
        }
        g.at(r, 5) = "Owner " + std::to_string(i % 7);
        if (i % 40 != 0) g.at(r, 6) = i % 2 ? "VND" : "%";
        g.at(r, 7) = i % 2 ? "Lower is better" : "Cao hơn tốt hơn";
        g.at(r, 8) = i % 4 == 0 ? kpi::grid_cell{"100.000"} : kpi::grid_cell{100000.0};
        g.at(r, 9) = i % 4 == 1 ? kpi::grid_cell{"80,000"} : kpi::grid_cell{80000.0 + static_cast<double>(rnd() % 400000)};
        switch (i % 4) {
        case 0: g.at(r, 10) = "2026-Q4"; break;
        case 1: g.at(r, 10) = "31/12/2026"; break;
        case 2: g.at(r, 10) = 46022.0; break;
        default: g.at(r, 10) = "Tháng 6/2026"; break;
        }
        if (i % 3 == 0) g.at(r, 11) = 90000.0;
        g.at(r, 12) = i % 11 == 0 ? "=KPI.BOUNCE.GA4(B2;C2)" : "=KPI.CPL(B2;C2)";
    }
    return g;
}

double seconds_since(std::chrono::steady_clock::time_point t) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

} // namespace

int main(int argc, char** argv) {
    std::vector<std::size_t> sizes;
    for (int i = 1; i < argc; ++i) sizes.push_back(std::strtoull(argv[i], nullptr, 10));
    if (sizes.empty()) sizes = {10'000, 100'000, 1'000'000};
    constexpr kpi::day_serial today = 46188; // 2026-06-15
    constexpr int repeats = 3;

    std::printf("%10s %12s %12s %12s %12s %10s %9s\n", "rows", "parse [s]", "audit [s]", "total [s]",
                "ns/row", "ratio", "flagged");
    double first_ns = 0;
    for (const std::size_t n : sizes) {
        const kpi::grid g = make_grid(n);
        double best_parse = 1e9, best_audit = 1e9;
        std::size_t flagged = 0;
        for (int k = 0; k < repeats; ++k) {
            kpi::grid copy = g; // the copy is not timed: the glue builds the grid from the range
            auto t0 = std::chrono::steady_clock::now();
            auto reg = kpi::parse_register(std::move(copy));
            const double parse = seconds_since(t0);
            if (!reg.ok()) {
                std::fprintf(stderr, "generated register did not parse\n");
                return 2;
            }
            t0 = std::chrono::steady_clock::now();
            const auto report = kpi::audit(reg.value(), today);
            const double audit = seconds_since(t0);
            flagged = report.flagged_count();
            best_parse = std::min(best_parse, parse);
            best_audit = std::min(best_audit, audit);
        }
        const double total = best_parse + best_audit;
        const double ns = total * 1e9 / static_cast<double>(n);
        if (first_ns == 0) first_ns = ns;
        std::printf("%10zu %12.4f %12.4f %12.4f %12.1f %10.2f %9zu\n", n, best_parse, best_audit, total,
                    ns, ns / first_ns, flagged);
    }
    return 0;
}
