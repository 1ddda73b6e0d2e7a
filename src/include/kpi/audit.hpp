// The register audit: one call for KPI.AUDIT, KPI.LINKSTATUS, KPI.SMART, KPI.SMARTISSUES, the
// "Audit KPI register" menu command and `kpi audit` (docs/register.md).
//
// A KPI is flagged when its link code is not OK or its SMART score is below 5. Register-level
// warnings (definition variants, rows without ID) do not flag a KPI; report::clean() is true when
// nothing is flagged and there is no warning.
#pragma once

#include "kpi/consistency.hpp"
#include "kpi/link_audit.hpp"
#include "kpi/period.hpp"
#include "kpi/register.hpp"
#include "kpi/smart.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kpi {

struct audit_options {
    smart_options smart;
};

struct row_audit {
    link_result link;
    smart_result smart;
    [[nodiscard]] int smart_score() const noexcept { return smart.score(); }
    [[nodiscard]] bool flagged() const noexcept {
        return link.code != link_code::ok || smart.score() < 5;
    }
};

class audit_report {
public:
    audit_report(const kpi_register& reg, day_serial today, audit_options options,
                 std::vector<row_audit> rows, std::vector<consistency_warning> warnings);

    [[nodiscard]] const kpi_register& reg() const noexcept { return *reg_; }
    [[nodiscard]] day_serial today() const noexcept { return today_; }
    [[nodiscard]] const audit_options& options() const noexcept { return options_; }

    // One per register row, same order as kpi_register::rows().
    [[nodiscard]] const std::vector<row_audit>& rows() const noexcept { return rows_; }
    [[nodiscard]] const std::vector<consistency_warning>& warnings() const noexcept { return warnings_; }
    // Grid rows with content but no ID (from the register).
    [[nodiscard]] std::span<const std::size_t> rows_without_id() const noexcept {
        return reg_->rows_without_id();
    }

    [[nodiscard]] std::size_t kpi_count() const noexcept { return rows_.size(); }
    [[nodiscard]] std::size_t flagged_count() const noexcept { return flagged_; }
    [[nodiscard]] bool clean() const noexcept {
        return flagged_ == 0 && warnings_.empty() && rows_without_id().empty();
    }

    // The register row of an ID (matched like parent IDs: trimmed, case- and diacritics-
    // insensitive); the first one when the ID is a duplicate; nullopt when absent.
    [[nodiscard]] std::optional<std::size_t> find(std::string_view id) const;

    // Words for row i: the first issue (the link problem, else the first failed SMART reason),
    // "" when not flagged. E.g. "Parent ID T9 is not in the register." / Vietnamese.
    [[nodiscard]] std::string first_issue(std::size_t i, std::string_view language) const;
    // The link code in words ("" for OK).
    [[nodiscard]] std::string describe_link(std::size_t i, std::string_view language) const;
    // KPI.SMARTISSUES: "Specific: no unit; Time-bound: deadline 2025-12 has passed".
    [[nodiscard]] std::string smart_issues(std::size_t i, std::string_view language) const;
    // Register-level warnings as sentences.
    [[nodiscard]] std::vector<std::string> warning_texts(std::string_view language) const;

private:
    const kpi_register* reg_;
    day_serial today_;
    audit_options options_;
    std::vector<row_audit> rows_;
    std::vector<consistency_warning> warnings_;
    std::size_t flagged_ = 0;
};

// The report refers to `reg`: keep the register alive while using it. `today` is a Calc day
// serial (the glue passes TODAY(); tests pass fixed days). O(rows).
[[nodiscard]] audit_report audit(const kpi_register& reg, day_serial today,
                                 const audit_options& options = {});
// Not allowed: a report of a temporary register would dangle.
audit_report audit(const kpi_register&& reg, day_serial today, const audit_options& = {}) = delete;

// The strategic KPIs that no tactical KPI serves: register row indices, in register order, of
// strategic rows that are not the root of any tactical KPI whose link is OK (a tactical KPI
// serves the strategic KPI its parent chain reaches). O(rows x depth).
[[nodiscard]] std::vector<std::size_t> goals_without_tactical(const audit_report& report);
// The same as sentences, one per goal, for the audit's warnings (a warning: it flags no KPI and
// leaves clean() and the exit status of `kpi audit` alone): "Strategic goal S-MARGIN (Profit margin
// 2027) has no tactical KPI serving it." / Vietnamese; without a name, no parentheses.
[[nodiscard]] std::vector<std::string> goals_without_tactical_texts(const audit_report& report,
                                                                    std::string_view language);

// The KPI.AUDIT array: a header row then one row per KPI:
// ID, link code, SMART score (0..5), first issue in words.
struct audit_table_row {
    std::string id;
    std::string_view link;
    int smart = 0;
    std::string issue;
};
[[nodiscard]] std::vector<audit_table_row> audit_table(const audit_report& report,
                                                       std::string_view language);
[[nodiscard]] std::array<text, 4> audit_table_header() noexcept;

// The report as JSON (for `kpi audit --json`): UTF-8, one object, schema in docs/register.md.
[[nodiscard]] std::string to_json(const audit_report& report, std::string_view language);
// A JSON string literal with its quotes ("a\"b" -> "\"a\\\"b\""). Invalid UTF-8 becomes U+FFFD.
[[nodiscard]] std::string json_quote(std::string_view s);

} // namespace kpi
