// libFuzzer target: a whole register from bytes, parsed and audited.
// The input is a table: rows split on '\n', cells on '\t'; a cell starting with '#' is the number
// given by the rest (parse_number, else strtod), an empty cell is empty, anything else is text.
// Checked, beyond "no crash, no UB, no leak": one link result and one audit row per KPI, blockers
// and parents are valid rows, scores are 0..5, flagged count is consistent, JSON is produced.
#include <kpi/audit.hpp>
#include <kpi/link_audit.hpp>
#include <kpi/register.hpp>

#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

namespace {

void check(bool ok) {
    if (!ok) std::abort();
}

kpi::grid_cell make_cell(std::string_view s) {
    if (s.empty()) return {};
    if (s.front() == '#') {
        if (const auto n = kpi::parse_number(s.substr(1))) return *n;
        const std::string z(s.substr(1));
        return std::strtod(z.c_str(), nullptr);
    }
    return std::string(s);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size > 1 << 16) return 0;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    std::vector<std::vector<kpi::grid_cell>> rows(1);
    std::size_t start = 0;
    for (std::size_t i = 0; i <= text.size(); ++i) {
        if (i == text.size() || text[i] == '\t' || text[i] == '\n') {
            rows.back().push_back(make_cell(text.substr(start, i - start)));
            if (i < text.size() && text[i] == '\n') rows.emplace_back();
            start = i + 1;
        }
        if (rows.size() > 2000) return 0;
    }
    const auto today = static_cast<kpi::day_serial>(46000 + (size % 1000));
    auto parsed = kpi::parse_register(kpi::grid::from_rows(rows), {.header_scan_rows = 3});
    if (!parsed.ok()) {
        (void)kpi::describe(parsed.error(), "vi");
        return 0;
    }
    const auto& reg = parsed.value();
    const auto links = kpi::audit_links(reg);
    check(links.size() == reg.size());
    for (const auto& l : links) {
        check(l.parent == kpi::no_row || l.parent < reg.size());
        check(l.blocker == kpi::no_row || l.blocker < reg.size());
        // NOROOT always names where the chain stops; no other code names a blocker.
        check((l.code == kpi::link_code::noroot) == (l.blocker != kpi::no_row));
    }
    const auto report = kpi::audit(reg, today);
    check(report.rows().size() == reg.size());
    std::size_t flagged = 0;
    for (std::size_t i = 0; i < reg.size(); ++i) {
        const auto& r = report.rows()[i];
        check(r.link.code == links[i].code);
        check(r.smart_score() >= 0 && r.smart_score() <= 5);
        check((r.smart_score() == 5) == (r.smart.reasons == 0));
        flagged += r.flagged();
        check(r.flagged() == !report.first_issue(i, "en").empty());
        (void)report.smart_issues(i, "vi");
    }
    check(flagged == report.flagged_count());
    (void)report.warning_texts("en");
    (void)kpi::audit_table(report, "vi");
    const std::string json = kpi::to_json(report, "en");
    check(!json.empty() && json.front() == '{' && json.back() == '}');
    return 0;
}
