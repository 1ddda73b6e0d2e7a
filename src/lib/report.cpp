#include "kpi/report.hpp"

#include "kpi/targets.hpp"
#include "kpi/text_fold.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace kpi {
namespace {

using sv = std::string_view;

bool is_vi(sv language) noexcept { return language.substr(0, 2) == "vi"; }
std::string str(text t, sv language) { return std::string(t.in(language)); }

std::optional<double> value_of(const number_field& f) { return f.value; }

// ---- building the report ------------------------------------------------------------------------

report_line make_line(const audit_report& audit, std::size_t i, const report_context& ctx) {
    const auto& reg = audit.reg();
    const auto& row = reg[i];
    report_line line;
    line.row = i;
    line.id = row.id;
    line.name = std::string(reg.text(i, column::name));
    line.owner = std::string(reg.text(i, column::owner));
    line.unit = std::string(reg.text(i, column::unit));
    line.parent = row.parent;
    line.deadline = row.deadline.value ? to_string(*row.deadline.value) : reg.display(i, column::deadline);
    line.source = std::string(reg.text(i, column::source));
    line.group = row.group;
    line.direction = row.direction;
    line.baseline = value_of(row.baseline);
    line.target = value_of(row.target);
    line.actual = value_of(row.actual);
    const bool lower = row.direction == kpi_direction::lower_is_better;
    if (line.actual && line.target) {
        if (const auto a = attainment(*line.actual, *line.target, std::nullopt, lower); a.ok())
            line.attainment = a.value();
        if (const auto s = status(*line.actual, *line.target, lower); s.ok())
            line.status = static_cast<int>(s.value());
    }
    const sv formula = i < ctx.actual_formulas.size() ? sv(ctx.actual_formulas[i]) : sv();
    line.function = defining_function(formula, line.source);
    return line;
}

std::size_t group_slot(kpi_group g) noexcept {
    for (std::size_t s = 0; s + 1 < report_groups.size(); ++s)
        if (report_groups[s] == g) return s;
    return report_groups.size() - 1;
}

} // namespace

std::size_t report::tactical_count() const noexcept {
    std::size_t n = 0;
    for (const auto& g : tactical) n += g.size();
    return n;
}

report build_report(const audit_report& audit, report_context context) {
    report r;
    const auto& reg = audit.reg();
    const std::string& lang = context.language;
    for (std::size_t i = 0; i < reg.size(); ++i) {
        auto line = make_line(audit, i, context);
        if (reg[i].level == kpi_level::strategic) r.strategic.push_back(std::move(line));
        else if (reg[i].level == kpi_level::tactical) r.tactical[group_slot(reg[i].group)].push_back(std::move(line));
        else r.tactical.back().push_back(std::move(line)); // no level: shown with the ungrouped ones

        const auto& row_audit = audit.rows()[i];
        if (row_audit.flagged()) {
            report_finding f;
            f.id = reg[i].id;
            f.name = std::string(reg.text(i, column::name));
            f.link = row_audit.link.code;
            f.link_problem = audit.describe_link(i, lang);
            f.smart = row_audit.smart_score();
            f.smart_issues = audit.smart_issues(i, lang);
            r.findings.push_back(std::move(f));
        }
    }
    r.warnings = audit.warning_texts(lang);
    r.kpi_count = audit.kpi_count();
    r.flagged_count = audit.flagged_count();
    r.context = std::move(context);
    return r;
}

// ---- inputs found in a workbook ---------------------------------------------------------------

std::string register_language(const kpi_register& reg) {
    const auto& g = reg.source_grid();
    int en = 0, vi = 0;
    for (std::size_t c = 0; c < g.cols(); ++c) {
        const auto* s = g.at(reg.header_row(), c).string();
        if (!s) continue;
        const auto key = fold_key(*s);
        for (std::size_t k = 0; k < column_count; ++k) {
            const auto title = column_title(static_cast<column>(k));
            const auto en_key = fold_key(title.en), vi_key = fold_key(title.vi);
            if (en_key == vi_key) continue; // "ID": both languages
            vi += key.find(vi_key) != std::string::npos;
            en += key.find(en_key) != std::string::npos;
        }
    }
    return vi > en ? "vi" : en > vi ? "en" : "";
}

const function_info* defining_function(std::string_view formula, std::string_view source_text) {
    if (const auto* f = first_function_in(formula, true)) return f;
    return first_function_in(source_text, true);
}

std::optional<std::string> find_company(const grid& sheet) {
    static const sv labels[] = {"company", "company name", "business", "business name", "cong ty",
                                "ten cong ty", "doanh nghiep", "ten doanh nghiep"};
    const std::size_t rows = std::min<std::size_t>(sheet.rows(), 30);
    for (std::size_t r = 0; r < rows; ++r)
        for (std::size_t c = 0; c + 1 < sheet.cols(); ++c) {
            const auto* s = sheet.at(r, c).string();
            if (!s) continue;
            const auto key = fold_key(*s);
            if (std::find(std::begin(labels), std::end(labels), key) == std::end(labels)) continue;
            if (const auto* v = sheet.at(r, c + 1).string(); v && !trim(*v).empty()) return std::string(trim(*v));
        }
    // The template's dashboard title: "KPI dashboard - NAME" / "Bảng điều khiển KPI - NAME".
    for (std::size_t r = 0; r < std::min<std::size_t>(sheet.rows(), 3); ++r) {
        const auto* s = sheet.cols() > 0 ? sheet.at(r, 0).string() : nullptr;
        if (!s) continue;
        const auto dash = s->find(" - ");
        if (dash == std::string::npos) continue;
        const auto key = fold_key(s->substr(0, dash));
        if ((key == "kpi dashboard" || key == "bang dieu khien kpi") && !trim(s->substr(dash + 3)).empty())
            return std::string(trim(s->substr(dash + 3)));
    }
    return std::nullopt;
}

std::optional<std::string> find_period(const grid& sheet) {
    static const sv labels[] = {"period", "month", "quarter", "ky", "thang", "quy", "ky bao cao"};
    const std::size_t header_rows = std::min<std::size_t>(sheet.rows(), 10);
    for (std::size_t r = 0; r < header_rows; ++r)
        for (std::size_t c = 0; c < sheet.cols(); ++c) {
            const auto* s = sheet.at(r, c).string();
            if (!s || std::find(std::begin(labels), std::end(labels), fold_key(*s)) == std::end(labels)) continue;
            std::optional<period> first, last;
            std::string first_text, last_text;
            for (std::size_t below = r + 1; below < sheet.rows(); ++below) {
                const auto& value = sheet.at(below, c);
                std::optional<period> p;
                std::string shown;
                if (const auto* t = value.string()) {
                    p = parse_period(*t);
                    shown = std::string(trim(*t));
                } else if (const auto* d = value.number()) {
                    p = period_from_number(*d);
                    if (p) shown = to_string(*p);
                }
                if (!p) continue;
                // Only periods with figures: a plan's empty future rows are not reported on.
                bool has_figures = false;
                for (std::size_t other = 0; other < sheet.cols() && !has_figures; ++other)
                    has_figures = other != c && sheet.at(below, other).number() != nullptr;
                if (!has_figures) continue;
                if (!first || p->first < first->first) first = p, first_text = shown;
                if (!last || p->last > last->last) last = p, last_text = shown;
            }
            if (!first) continue;
            if (first == last) return first_text;
            return first_text + " – " + last_text;
        }
    return std::nullopt;
}

std::string report_file_name(std::string_view workbook_stem, std::string_view extension, std::string_view language) {
    const std::string_view suffix = language.substr(0, 2) == "vi" ? "-bao-cao." : "-report.";
    return std::string(workbook_stem) + std::string(suffix) + std::string(extension);
}

// ---- the report as sheets -------------------------------------------------------------------------

namespace {

cell_rect rect(std::size_t r0, std::size_t c0, std::size_t r1, std::size_t c1) {
    return {static_cast<std::int32_t>(r0), static_cast<std::int32_t>(c0), static_cast<std::int32_t>(r1),
            static_cast<std::int32_t>(c1)};
}

class sheet_writer {
public:
    explicit sheet_writer(sheet_model& s) : s_(s) {}
    model_cell& at(std::size_t r, std::size_t c) {
        if (s_.rows.size() <= r) s_.rows.resize(r + 1);
        if (s_.rows[r].size() <= c) s_.rows[r].resize(c + 1);
        return s_.rows[r][c];
    }
    void text(std::size_t r, std::size_t c, std::string t) {
        if (!t.empty()) at(r, c) = model_cell::of_text(std::move(t));
    }
    void number(std::size_t r, std::size_t c, std::optional<double> v) {
        if (v) at(r, c) = model_cell::of_number(*v);
    }
    void title(std::size_t r, std::string t, float points = 16) {
        text(r, 0, std::move(t));
        range_style st;
        st.area = rect(r, 0, r, 0);
        st.bold = true;
        st.font_height = points;
        s_.styles.push_back(st);
    }
    void header(std::size_t r, const std::vector<std::string>& titles) {
        for (std::size_t c = 0; c < titles.size(); ++c) text(r, c, titles[c]);
        range_style st;
        st.area = rect(r, 0, r, titles.size() - 1);
        st.header = true;
        s_.styles.push_back(st);
    }
    void style(cell_rect area, std::string code) {
        range_style st;
        st.area = area;
        st.number_code = std::move(code);
        s_.styles.push_back(st);
    }
    void wrap(cell_rect area) {
        range_style st;
        st.area = area;
        st.wrap = true;
        s_.styles.push_back(st);
    }
    void widths(std::initializer_list<std::int32_t> w) {
        std::int32_t c = 0;
        for (auto width : w) s_.column_widths.emplace_back(c++, width);
    }
    void finish(std::size_t title_rows) {
        const std::size_t cols = std::max<std::size_t>(s_.cols(), 1);
        std::size_t last_row = s_.rows.empty() ? 0 : s_.rows.size() - 1;
        for (const auto& ch : s_.charts) last_row = std::max<std::size_t>(last_row, static_cast<std::size_t>(ch.anchor.last_row));
        s_.print_area = rect(0, 0, last_row, cols - 1);
        s_.print_title_rows = static_cast<std::int32_t>(title_rows);
        s_.frozen_rows = static_cast<std::int32_t>(title_rows);
    }

private:
    sheet_model& s_;
};

// Number format of a KPI's values: percent for a "%" unit; whole numbers with thousands separators
// from 1000 up (money, counts); else two decimals.
std::string value_format(const report_line& l) {
    if (l.unit.find('%') != std::string::npos) return "0.0%";
    double largest = 0;
    for (const auto& v : {l.baseline, l.target, l.actual})
        if (v) largest = std::max(largest, std::fabs(*v));
    return largest >= 1000 ? "#,##0" : "#,##0.00";
}

std::string status_words(const report_line& l, sv lang) {
    if (l.status) return std::string(status_word(*l.status, lang));
    return is_vi(lang) ? "Chưa có số liệu" : "No data yet";
}

struct status_tally {
    std::size_t on = 0, risk = 0, off = 0, none = 0;
    void add(const report_line& l) {
        if (!l.status) ++none;
        else if (*l.status > 0) ++on;
        else if (*l.status == 0) ++risk;
        else ++off;
    }
    [[nodiscard]] std::string sentence(std::size_t count, sv lang) const {
        const bool vi = is_vi(lang);
        return std::to_string(count) + (vi ? " KPI: " : " KPIs: ") + std::to_string(on) +
               (vi ? " đạt, " : " on track, ") + std::to_string(risk) + (vi ? " có rủi ro, " : " at risk, ") +
               std::to_string(off) + (vi ? " không đạt, " : " off track, ") + std::to_string(none) +
               (vi ? " chưa có số liệu." : " without an actual value yet.");
    }
};

// A KPI table from `header_row` on: the columns given, values formatted, status icons.
// Columns: ID, KPI, [Supports], Owner, Unit, Baseline, Target, Actual, Attainment, Status, Status words,
// Deadline. Returns the last row written.
std::size_t kpi_table(sheet_writer& w, sheet_model& s, std::size_t header_row, const std::vector<report_line>& lines,
                      bool with_parent, sv lang) {
    const bool vi = is_vi(lang);
    std::vector<std::string> titles{"ID", "KPI"};
    if (with_parent) titles.emplace_back(vi ? "Phục vụ mục tiêu" : "Supports");
    for (sv t : {vi ? sv("Người phụ trách") : sv("Owner"), vi ? sv("Đơn vị") : sv("Unit"), vi ? sv("Cơ sở") : sv("Baseline"),
                 vi ? sv("Mục tiêu") : sv("Target"), vi ? sv("Thực tế") : sv("Actual"),
                 vi ? sv("Mức hoàn thành") : sv("Attainment"), vi ? sv("Trạng thái") : sv("Status"),
                 vi ? sv("Diễn giải") : sv("Status in words"), vi ? sv("Thời hạn") : sv("Deadline")})
        titles.emplace_back(t);
    w.header(header_row, titles);
    const std::size_t off = with_parent ? 1 : 0;
    const std::size_t c_owner = 2 + off, c_unit = 3 + off, c_base = 4 + off, c_att = 7 + off, c_status = 8 + off;
    std::size_t r = header_row;
    for (const auto& l : lines) {
        ++r;
        w.text(r, 0, l.id);
        w.text(r, 1, l.name);
        if (with_parent) w.text(r, 2, l.parent);
        w.text(r, c_owner, l.owner);
        w.text(r, c_unit, l.unit);
        w.number(r, c_base, l.baseline);
        w.number(r, c_base + 1, l.target);
        w.number(r, c_base + 2, l.actual);
        w.style(rect(r, c_base, r, c_base + 2), value_format(l));
        w.number(r, c_att, l.attainment);
        if (l.status) w.number(r, c_status, static_cast<double>(*l.status));
        w.text(r, c_status + 1, status_words(l, lang));
        w.text(r, c_status + 2, l.deadline);
    }
    if (r > header_row) {
        w.style(rect(header_row + 1, c_att, r, c_att), "0.0%");
        w.wrap(rect(header_row + 1, 1, r, c_owner));
        s.icon_sets.push_back({rect(header_row + 1, c_status, r, c_status), false});
    }
    return r;
}

sheet_model& add_sheet(workbook_model& m, sheet_role role, std::string name) {
    auto& s = m.sheets.emplace_back();
    s.role = role;
    s.name = std::move(name);
    return s;
}

} // namespace

workbook_model report_workbook(const report& r) {
    const std::string& lang = r.context.language;
    const bool vi = is_vi(lang);
    workbook_model m;
    m.language = vi ? "vi" : "en";
    const std::string company = r.context.company.empty() ? r.context.source_name : r.context.company;
    page_layout page;
    page.style_name = "KPI Report";
    page.landscape = true;
    page.footer_left = company;
    page.page_word = vi ? "Trang" : "Page";
    m.page = page;

    const std::string summary_title = vi ? "Tóm tắt điều hành: KPI chiến lược" : "Executive summary: strategic KPIs";
    const std::string findings_title = vi ? "Kết quả kiểm tra liên kết và SMART" : "Linkage audit and SMART findings";
    const std::string appendix_title = vi ? "Phụ lục: định nghĩa các KPI" : "Appendix: KPI definitions";
    auto group_name = [&](std::size_t slot) {
        return report_groups[slot] == kpi_group::missing
                   ? std::string(vi ? "KPI chiến thuật chưa xếp nhóm" : "Tactical KPIs without a group")
                   : str(group_title(report_groups[slot]), lang);
    };

    // ---- cover
    {
        auto& s = add_sheet(m, sheet_role::report_cover, vi ? "Trang bìa" : "Cover");
        sheet_writer w{s};
        w.title(0, vi ? "Báo cáo KPI marketing" : "Marketing KPI report", 22);
        w.title(2, company, 16);
        std::size_t row = 4;
        auto pair = [&](sv label, std::string value) {
            w.text(row, 0, std::string(label));
            w.text(row, 1, std::move(value));
            ++row;
        };
        if (!r.context.period.empty()) pair(vi ? "Kỳ báo cáo" : "Period", r.context.period);
        pair(vi ? "Ngày lập" : "Report date", format_iso(r.context.today));
        if (!r.context.source_name.empty()) pair(vi ? "Sổ làm việc" : "Workbook", r.context.source_name);
        if (!r.context.register_sheet.empty()) pair(vi ? "Bảng KPI (trang)" : "KPI register (sheet)", r.context.register_sheet);
        ++row;
        w.title(row++, vi ? "Tổng quan" : "At a glance", 13);
        status_tally strategic, tactical;
        for (const auto& l : r.strategic) strategic.add(l);
        for (const auto& g : r.tactical)
            for (const auto& l : g) tactical.add(l);
        pair(vi ? "KPI chiến lược" : "Strategic KPIs", strategic.sentence(r.strategic.size(), lang));
        pair(vi ? "KPI chiến thuật" : "Tactical KPIs", tactical.sentence(r.tactical_count(), lang));
        pair(vi ? "Cần xem lại (kiểm tra)" : "Flagged by the audit",
             std::to_string(r.flagged_count) + (vi ? " trên " : " of ") + std::to_string(r.kpi_count) + " KPI");
        ++row;
        w.title(row++, vi ? "Nội dung" : "Contents", 13);
        std::vector<std::string> contents{summary_title};
        for (std::size_t g = 0; g < report_groups.size(); ++g)
            if (!r.tactical[g].empty()) contents.push_back(group_name(g));
        contents.push_back(findings_title);
        contents.push_back(appendix_title);
        for (std::size_t i = 0; i < contents.size(); ++i) w.text(row++, 0, std::to_string(i + 1) + ". " + contents[i]);
        w.widths({7000, 18000});
        w.wrap(rect(4, 1, row, 1));
        w.finish(0);
    }

    // ---- executive summary
    {
        auto& s = add_sheet(m, sheet_role::report_summary, vi ? "Tóm tắt" : "Summary");
        sheet_writer w{s};
        w.title(0, summary_title);
        status_tally tally;
        for (const auto& l : r.strategic) tally.add(l);
        w.text(1, 0, r.strategic.empty()
                         ? std::string(vi ? "Bảng KPI chưa có KPI chiến lược nào: hãy đặt mục tiêu kinh doanh trước."
                                          : "The register has no strategic KPI: set the business goals first.")
                         : tally.sentence(r.strategic.size(), lang));
        kpi_table(w, s, 3, r.strategic, false, lang);
        w.widths({2400, 7000, 3600, 2200, 2600, 2600, 2600, 2400, 1700, 2800, 2200});
        w.finish(4);
    }

    // ---- one section per tactical group
    for (std::size_t g = 0; g < report_groups.size(); ++g) {
        const auto& lines = r.tactical[g];
        if (lines.empty()) continue;
        static constexpr sheet_role roles[] = {sheet_role::report_acquisition, sheet_role::report_digital,
                                               sheet_role::report_customer, sheet_role::report_other};
        auto& s = add_sheet(m, roles[g], group_name(g));
        sheet_writer w{s};
        w.title(0, group_name(g));
        status_tally tally;
        for (const auto& l : lines) tally.add(l);
        w.text(1, 0, tally.sentence(lines.size(), lang));
        const std::size_t last = kpi_table(w, s, 3, lines, true, lang);
        w.widths({2400, 6000, 2600, 3600, 2200, 2500, 2500, 2500, 2300, 1700, 2700, 2100});
        const bool any_attainment =
            std::any_of(lines.begin(), lines.end(), [](const report_line& l) { return l.attainment.has_value(); });
        if (any_attainment) {
            chart_spec chart;
            chart.name = "KPIReportChart" + std::to_string(g + 1);
            chart.title = vi ? "Mức hoàn thành mục tiêu theo KPI" : "Attainment of target by KPI";
            chart.type = chart_type::bar;
            chart.ranges = {rect(3, 0, last, 0), rect(3, 8, last, 8)};
            const std::size_t top = last + 2;
            const std::size_t height = std::clamp<std::size_t>(lines.size() + 8, 14, 30);
            chart.anchor = rect(top, 0, top + height, 8);
            chart.value_axis_min = 0.0;
            s.charts.push_back(chart);
        }
        w.finish(4);
    }

    // ---- findings
    {
        auto& s = add_sheet(m, sheet_role::report_findings, vi ? "Kết quả kiểm tra" : "Findings");
        sheet_writer w{s};
        w.title(0, findings_title);
        w.text(1, 0, std::to_string(r.flagged_count) + (vi ? " trên " : " of ") + std::to_string(r.kpi_count) +
                         (vi ? " KPI cần xem lại (liên kết chưa đúng hoặc chưa đạt đủ 5 tiêu chí SMART)."
                             : " KPIs flagged (a link problem, or fewer than 5 SMART criteria met)."));
        w.header(3, {"ID", "KPI", vi ? "Liên kết" : "Link", vi ? "Vấn đề liên kết" : "Link problem", "SMART",
                     vi ? "Tiêu chí SMART chưa đạt" : "SMART criteria not met"});
        std::size_t row = 3;
        for (const auto& f : r.findings) {
            ++row;
            w.text(row, 0, f.id);
            w.text(row, 1, f.name);
            w.text(row, 2, std::string(to_string(f.link)));
            w.text(row, 3, f.link_problem);
            w.text(row, 4, std::to_string(f.smart) + "/5");
            w.text(row, 5, f.smart_issues);
        }
        if (r.findings.empty())
            w.text(++row, 0, vi ? "Không có KPI nào cần xem lại: mọi KPI chiến thuật đều dẫn tới một mục tiêu chiến lược "
                                  "và đạt đủ 5 tiêu chí SMART."
                                : "No KPI is flagged: every tactical KPI rolls up to a strategic goal and meets all five "
                                  "SMART criteria.");
        else
            w.wrap(rect(4, 1, row, 5));
        if (!r.warnings.empty()) {
            row += 2;
            w.title(row, vi ? "Cảnh báo về định nghĩa" : "Definition warnings", 12);
            for (const auto& warning : r.warnings) w.text(++row, 0, "• " + warning);
        }
        w.widths({2400, 6500, 2400, 7000, 1500, 9000});
        w.finish(4);
    }

    // ---- appendix
    {
        auto& s = add_sheet(m, sheet_role::report_appendix, vi ? "Phụ lục" : "Appendix");
        sheet_writer w{s};
        w.title(0, appendix_title);
        w.text(1, 0, vi ? "Công thức và nguồn định nghĩa lấy từ danh mục hàm KPI; nguồn số liệu lấy từ cột Nguồn của bảng KPI."
                        : "Formulas and definition sources come from the KPI function catalog; data sources from the "
                          "register's Source column.");
        w.header(3, {"ID", "KPI", vi ? "Cấp độ" : "Level", vi ? "Đơn vị" : "Unit", vi ? "Hàm" : "Function",
                     vi ? "Công thức" : "Formula", vi ? "Nguồn định nghĩa" : "Definition source",
                     vi ? "Nguồn số liệu" : "Data source"});
        std::size_t row = 3;
        auto add = [&](const report_line& l, bool strategic) {
            ++row;
            w.text(row, 0, l.id);
            w.text(row, 1, l.name);
            w.text(row, 2, strategic ? (vi ? "Chiến lược" : "Strategic") : (vi ? "Chiến thuật" : "Tactical"));
            w.text(row, 3, l.unit);
            if (l.function) {
                w.text(row, 4, std::string(l.function->display));
                w.text(row, 5, std::string(l.function->formula));
                w.text(row, 6, std::string(l.function->source));
            } else {
                w.text(row, 4, "—");
                w.text(row, 5, vi ? "Không dùng hàm trong danh mục" : "Not a catalog function");
            }
            w.text(row, 7, l.source);
        };
        for (const auto& l : r.strategic) add(l, true);
        for (const auto& g : r.tactical)
            for (const auto& l : g) add(l, false);
        if (row > 3) w.wrap(rect(4, 1, row, 7));
        w.widths({2400, 5000, 2300, 2000, 3200, 6500, 5500, 5500});
        w.finish(4);
    }
    return m;
}

} // namespace kpi
