#include "kpi/audit.hpp"

#include "kpi/text_fold.hpp"

#include <cstdint>

namespace kpi {
namespace {

void replace_all(std::string& s, std::string_view what, std::string_view with) {
    for (std::size_t p = s.find(what); p != std::string::npos; p = s.find(what, p + with.size()))
        s.replace(p, what.size(), with);
}

std::string fill_in(text t, std::string_view language, std::string_view a, std::string_view b = {}) {
    std::string s(t.in(language));
    replace_all(s, "{a}", a);
    replace_all(s, "{b}", b);
    return s;
}

} // namespace

audit_report::audit_report(const kpi_register& reg, day_serial today, audit_options options,
                           std::vector<row_audit> rows, std::vector<consistency_warning> warnings)
    : reg_(&reg), today_(today), options_(options), rows_(std::move(rows)),
      warnings_(std::move(warnings)) {
    for (const auto& r : rows_) flagged_ += r.flagged();
}

audit_report audit(const kpi_register& reg, day_serial today, const audit_options& options) {
    std::vector<link_result> links = audit_links(reg);
    std::vector<row_audit> rows(reg.size());
    for (std::size_t i = 0; i < reg.size(); ++i) {
        rows[i].link = links[i];
        rows[i].smart = check_smart(reg, i, links[i].code, today, options.smart);
    }
    return audit_report(reg, today, options, std::move(rows), check_consistency(reg));
}

std::optional<std::size_t> audit_report::find(std::string_view id) const {
    const std::string key = fold(id);
    if (key.empty()) return std::nullopt;
    for (std::size_t i = 0; i < reg_->size(); ++i)
        if ((*reg_)[i].id_key == key) return i;
    return std::nullopt;
}

std::string audit_report::describe_link(std::size_t i, std::string_view language) const {
    const kpi_row& row = (*reg_)[i];
    const link_result& l = rows_[i].link;
    switch (l.code) {
    case link_code::ok: return {};
    case link_code::duplicate:
        return fill_in({"ID {a} is used by more than one KPI.", "Mã {a} được dùng cho nhiều KPI."},
                    language, row.id);
    case link_code::nolevel:
        if (row.level == kpi_level::missing)
            return fill_in({"Level is missing: use Strategic or Tactical.",
                         "Thiếu cấp độ: ghi Chiến lược hoặc Chiến thuật."},
                        language, {});
        return fill_in({"Level \"{a}\" is neither Strategic nor Tactical.",
                     "Cấp độ \"{a}\" không phải Chiến lược hay Chiến thuật."},
                    language, reg_->display(i, column::level));
    case link_code::broken:
        return fill_in({"Parent ID {a} is not in the register.", "KPI cha {a} không có trong bảng KPI."},
                    language, row.parent);
    case link_code::cycle:
        return fill_in({"The chain of parents loops back to this KPI.",
                     "Chuỗi KPI cha quay vòng trở lại KPI này."},
                    language, {});
    case link_code::inverted:
        return fill_in({"A strategic KPI cannot support the tactical KPI {a}.",
                     "KPI chiến lược không thể phục vụ KPI chiến thuật {a}."},
                    language, row.parent);
    case link_code::unlinked:
        return fill_in({"Tactical KPI with no parent: link it to the goal it serves.",
                     "KPI chiến thuật chưa có KPI cha: hãy liên kết với mục tiêu mà nó phục vụ."},
                    language, {});
    case link_code::noroot:
        if (l.ambiguous_parent)
            return fill_in({"Parent ID {a} is used by more than one KPI.",
                         "Mã KPI cha {a} được dùng cho nhiều KPI."},
                        language, row.parent);
        if (l.blocker != no_row)
            return fill_in({"The chain of parents stops at {a} ({b}) without reaching a strategic KPI.",
                         "Chuỗi KPI cha dừng ở {a} ({b}) mà không tới KPI chiến lược nào."},
                        language, (*reg_)[l.blocker].id, link_status_words(rows_[l.blocker].link.code).in(language));
        return fill_in({"The chain of parents does not reach a strategic KPI.",
                     "Chuỗi KPI cha không tới KPI chiến lược nào."},
                    language, {});
    }
    return {};
}

std::string audit_report::first_issue(std::size_t i, std::string_view language) const {
    const row_audit& r = rows_[i];
    if (r.link.code != link_code::ok) return describe_link(i, language);
    for (std::size_t k = 0; k < smart_reason_count; ++k) {
        const auto reason = static_cast<smart_reason>(k);
        if (!r.smart.has(reason)) continue;
        std::string s(criterion_title(criterion_of(reason)).in(language));
        s += ": ";
        s += describe(reason, *reg_, i, r.link.code, language, options_.smart);
        return s;
    }
    return {};
}

std::string audit_report::smart_issues(std::size_t i, std::string_view language) const {
    return describe_failures(rows_[i].smart, *reg_, i, rows_[i].link.code, language, options_.smart);
}

std::vector<std::string> audit_report::warning_texts(std::string_view language) const {
    std::vector<std::string> out;
    for (const auto& w : warnings_) out.push_back(describe(w, *reg_, language));
    for (const std::size_t r : rows_without_id())
        out.push_back(fill_in({"Row {a} has data but no ID: it is not audited.",
                            "Dòng {a} có dữ liệu nhưng không có mã: không được kiểm tra."},
                           language, std::to_string(r + 1)));
    return out;
}

std::array<text, 4> audit_table_header() noexcept {
    return {text{"ID", "ID"}, text{"Link", "Liên kết"}, text{"SMART", "SMART"},
            text{"Issue", "Vấn đề"}};
}

std::vector<audit_table_row> audit_table(const audit_report& report, std::string_view language) {
    std::vector<audit_table_row> out;
    out.reserve(report.kpi_count());
    for (std::size_t i = 0; i < report.kpi_count(); ++i) {
        const row_audit& r = report.rows()[i];
        out.push_back({report.reg()[i].id, to_string(r.link.code), r.smart_score(),
                       report.first_issue(i, language)});
    }
    return out;
}

// ---------------------------------------------------------------------------------------------
// JSON (Boost.JSON arrived in Boost 1.75; Debian 12 ships 1.74: a small writer it is)

std::string json_quote(std::string_view s) {
    std::string out;
    out.reserve(s.size() + 2);
    out += '"';
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) {
            switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            case '\b': out += "\\b"; break;
            case '\f': out += "\\f"; break;
            default:
                if (c < 0x20) {
                    static constexpr char hex[] = "0123456789abcdef";
                    out += "\\u00";
                    out += hex[c >> 4];
                    out += hex[c & 15];
                } else {
                    out += static_cast<char>(c);
                }
            }
            ++i;
            continue;
        }
        // Copy a well-formed UTF-8 sequence; anything else becomes U+FFFD.
        std::size_t len = (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
        bool ok = len != 0 && i + len <= s.size();
        std::uint32_t cp = len == 2 ? (c & 0x1Fu) : len == 3 ? (c & 0x0Fu) : (c & 0x07u);
        for (std::size_t k = 1; ok && k < len; ++k) {
            const auto b = static_cast<unsigned char>(s[i + k]);
            ok = (b & 0xC0) == 0x80;
            cp = (cp << 6) | (b & 0x3Fu);
        }
        if (ok) {
            const std::uint32_t min = len == 2 ? 0x80 : len == 3 ? 0x800 : 0x10000;
            ok = cp >= min && cp <= 0x10FFFF && !(cp >= 0xD800 && cp <= 0xDFFF);
        }
        if (ok) {
            out.append(s.substr(i, len));
            i += len;
        } else {
            out += "\xEF\xBF\xBD";
            ++i;
        }
    }
    out += '"';
    return out;
}

std::string to_json(const audit_report& report, std::string_view language) {
    const kpi_register& reg = report.reg();
    std::string o;
    o.reserve(256 + report.kpi_count() * 160);
    o += "{\"today\":";
    o += json_quote(format_iso(report.today()));
    o += ",\"kpis\":" + std::to_string(report.kpi_count());
    o += ",\"flagged\":" + std::to_string(report.flagged_count());
    o += ",\"clean\":";
    o += report.clean() ? "true" : "false";
    o += ",\"rows\":[";
    for (std::size_t i = 0; i < report.kpi_count(); ++i) {
        const kpi_row& row = reg[i];
        const row_audit& r = report.rows()[i];
        if (i > 0) o += ',';
        o += "{\"row\":" + std::to_string(row.grid_row + 1);
        o += ",\"id\":" + json_quote(row.id);
        o += ",\"level\":" + json_quote(to_string(row.level));
        o += ",\"parent\":" + json_quote(row.parent);
        o += ",\"link\":" + json_quote(to_string(r.link.code));
        o += ",\"smart\":" + std::to_string(r.smart_score());
        o += ",\"flagged\":";
        o += r.flagged() ? "true" : "false";
        o += ",\"failed\":[";
        bool first = true;
        for (const auto c : r.smart.failed()) {
            if (!first) o += ',';
            first = false;
            o += json_quote(to_string(c));
        }
        o += "],\"reasons\":[";
        first = true;
        for (const auto reason : r.smart.reason_list()) {
            if (!first) o += ',';
            first = false;
            o += "{\"criterion\":" + json_quote(to_string(criterion_of(reason)));
            o += ",\"reason\":" + json_quote(to_string(reason));
            o += ",\"text\":" +
                 json_quote(describe(reason, reg, i, r.link.code, language, report.options().smart));
            o += '}';
        }
        o += "],\"issue\":" + json_quote(report.first_issue(i, language));
        o += '}';
    }
    o += "],\"warnings\":[";
    bool first = true;
    for (const auto& w : report.warnings()) {
        if (!first) o += ',';
        first = false;
        o += "{\"kind\":\"mixed_definitions\",\"family\":" + json_quote(w.family->id);
        o += ",\"text\":" + json_quote(describe(w, reg, language));
        o += ",\"variants\":[";
        for (std::size_t v = 0; v < w.variants.size(); ++v) {
            if (v > 0) o += ',';
            o += "{\"variant\":" + json_quote(w.variants[v].variant->id) + ",\"ids\":[";
            for (std::size_t k = 0; k < w.variants[v].rows.size(); ++k) {
                if (k > 0) o += ',';
                o += json_quote(reg[w.variants[v].rows[k]].id);
            }
            o += "]}";
        }
        o += "]}";
    }
    const auto texts = report.warning_texts(language);
    std::size_t t = report.warnings().size();
    for (const std::size_t r : report.rows_without_id()) {
        if (!first) o += ',';
        first = false;
        o += "{\"kind\":\"row_without_id\",\"row\":" + std::to_string(r + 1);
        o += ",\"text\":" + json_quote(texts[t++]) + '}';
    }
    o += "],\"goals_without_tactical\":[";
    const auto goals = goals_without_tactical(report);
    const auto goal_texts = goals_without_tactical_texts(report, language);
    for (std::size_t g = 0; g < goals.size(); ++g) {
        if (g > 0) o += ',';
        o += "{\"row\":" + std::to_string(reg[goals[g]].grid_row + 1);
        o += ",\"id\":" + json_quote(reg[goals[g]].id);
        o += ",\"name\":" + json_quote(reg.display(goals[g], column::name));
        o += ",\"text\":" + json_quote(goal_texts[g]) + '}';
    }
    o += "]}";
    return o;
}

} // namespace kpi

namespace kpi {

std::vector<std::size_t> goals_without_tactical(const audit_report& report) {
    const kpi_register& reg = report.reg();
    std::vector<bool> served(reg.size(), false);
    for (std::size_t i = 0; i < reg.size(); ++i) {
        if (reg[i].level != kpi_level::tactical || report.rows()[i].link.code != link_code::ok) continue;
        // An OK link's chain reaches a strategic KPI; walk it (bounded by the register's size).
        std::uint32_t at = report.rows()[i].link.parent;
        for (std::size_t steps = 0; at != no_row && steps < reg.size(); ++steps) {
            if (reg[at].level == kpi_level::strategic) {
                served[at] = true;
                break;
            }
            at = report.rows()[at].link.parent;
        }
    }
    std::vector<std::size_t> lonely;
    for (std::size_t i = 0; i < reg.size(); ++i)
        if (reg[i].level == kpi_level::strategic && !served[i]) lonely.push_back(i);
    return lonely;
}

} // namespace kpi

namespace kpi {

std::vector<std::string> goals_without_tactical_texts(const audit_report& report, std::string_view language) {
    const kpi_register& reg = report.reg();
    std::vector<std::string> out;
    for (const std::size_t i : goals_without_tactical(report)) {
        const std::string name = reg.display(i, column::name);
        out.push_back(name.empty()
                          ? fill_in({"Strategic goal {a} has no tactical KPI serving it.",
                                     "Mục tiêu chiến lược {a} chưa có KPI chiến thuật nào phục vụ."},
                                    language, reg[i].id)
                          : fill_in({"Strategic goal {a} ({b}) has no tactical KPI serving it.",
                                     "Mục tiêu chiến lược {a} ({b}) chưa có KPI chiến thuật nào phục vụ."},
                                    language, reg[i].id, name));
    }
    return out;
}

} // namespace kpi
