#include "kpi/report.hpp"

#include "kpi/targets.hpp"
#include "kpi/text_fold.hpp"
#include "kpi/trend.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <map>

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
    if (!line.actual && !row.actual.present)
        for (const auto& [id, value] : ctx.dashboard_actuals)
            if (id == row.id) {
                line.actual = value;
                line.actual_from_dashboard = true;
                break;
            }
    const sv formula = i < ctx.actual_formulas.size() ? sv(ctx.actual_formulas[i]) : sv();
    line.function = defining_function(formula, line.source);
    return line;
}

// Attainment and status of a line's actual against its target; a target of 0 gives neither.
void rate_line(report_line& line, sv lang) {
    line.attainment.reset();
    line.status.reset();
    const bool lower = line.direction == kpi_direction::lower_is_better;
    if (line.target && *line.target == 0) {
        const std::string note = is_vi(lang) ? "Mục tiêu bằng 0: không tính được mức hoàn thành, trạng thái và tiến độ."
                                             : "The target is 0: attainment, status and pace cannot be computed.";
        if (std::find(line.notes.begin(), line.notes.end(), note) == line.notes.end()) line.notes.push_back(note);
        return;
    }
    if (line.actual && line.target) {
        if (const auto a = attainment(*line.actual, *line.target, std::nullopt, lower); a.ok())
            line.attainment = a.value();
        if (const auto s = status(*line.actual, *line.target, lower); s.ok())
            line.status = static_cast<int>(s.value());
    }
}


// ---- KPIs over time ---------------------------------------------------------------------------

// A cell as an ID or label: its text, or a whole number without decimals.
std::string cell_text(const grid_cell& c) {
    if (const auto* t = c.string()) return std::string(trim(*t));
    if (const auto* d = c.number()) {
        char buffer[32];
        std::snprintf(buffer, sizeof buffer, "%.15g", *d);
        return buffer;
    }
    return {};
}

struct trend_header {
    std::size_t row = 0;
    std::vector<period> periods;
    std::vector<std::string> keys;
};

std::optional<trend_header> header_at(const grid& g, std::size_t r) {
    if (g.cols() < 3) return std::nullopt;
    const auto* a = g.at(r, 0).string();
    if (!a || fold_key(*a) != "id") return std::nullopt;
    trend_header h;
    h.row = r;
    for (std::size_t c = 2; c < g.cols(); ++c) {
        const auto* t = g.at(r, c).string();
        const auto p = t ? parse_period(*t) : std::nullopt;
        if (!p || p->kind == period_kind::day) break;
        h.periods.push_back(*p);
        h.keys.push_back(to_string(*p));
    }
    if (h.periods.empty()) return std::nullopt;
    return h;
}

std::vector<trend_row> block_rows(const grid& g, const trend_header& h) {
    std::vector<trend_row> rows;
    for (std::size_t r = h.row + 1; r < g.rows() && !g.at(r, 0).is_empty(); ++r) {
        trend_row row;
        row.id = cell_text(g.at(r, 0));
        row.name = cell_text(g.at(r, 1));
        row.values.resize(h.periods.size());
        for (std::size_t k = 0; k < h.periods.size(); ++k) {
            const auto& c = g.at(r, 2 + k);
            if (const auto* d = c.number()) {
                if (std::isfinite(*d)) row.values[k] = *d;
            } else if (const auto* t = c.string(); t && !trim(*t).empty()) {
                row.texts.emplace_back(k, std::string(trim(*t)));
            }
        }
        rows.push_back(std::move(row));
    }
    return rows;
}

const trend_row* find_row(const std::vector<trend_row>& rows, sv id) noexcept {
    for (const auto& r : rows)
        if (r.id == id) return &r;
    return nullptr;
}

} // namespace

const trend_row* trends_sheet::value_row(std::string_view id) const noexcept { return find_row(period_value, id); }
const trend_row* trends_sheet::plan_row(std::string_view id) const noexcept { return find_row(plan_to_date, id); }
period_kind trends_sheet::granularity() const noexcept {
    return periods.empty() ? period_kind::month : periods.front().kind;
}

std::optional<trends_sheet> read_trends(const grid& sheet) {
    std::vector<trend_header> headers;
    for (std::size_t r = 0; r < sheet.rows() && headers.size() < 2; ++r)
        if (auto h = header_at(sheet, r)) headers.push_back(std::move(*h));
    if (headers.empty()) return std::nullopt;
    trends_sheet t;
    t.periods = headers[0].periods;
    t.keys = headers[0].keys;
    t.period_value = block_rows(sheet, headers[0]);
    if (headers.size() > 1) {
        // Block 2 on block 1's periods, by key (a period block 2 lacks stays blank).
        for (auto& row : block_rows(sheet, headers[1])) {
            trend_row aligned;
            aligned.id = std::move(row.id);
            aligned.name = std::move(row.name);
            aligned.values.resize(t.keys.size());
            for (std::size_t k = 0; k < headers[1].keys.size(); ++k) {
                const auto at = std::find(t.keys.begin(), t.keys.end(), headers[1].keys[k]);
                if (at != t.keys.end()) aligned.values[static_cast<std::size_t>(at - t.keys.begin())] = row.values[k];
            }
            for (auto& [k, text] : row.texts) {
                const auto at = std::find(t.keys.begin(), t.keys.end(), headers[1].keys[k]);
                if (at != t.keys.end()) aligned.texts.emplace_back(static_cast<std::size_t>(at - t.keys.begin()), text);
            }
            t.plan_to_date.push_back(std::move(aligned));
        }
    }
    return t;
}

std::optional<std::size_t> find_trend_period(const trends_sheet& t, std::string_view text) {
    const auto p = parse_period(text);
    if (!p) return std::nullopt;
    for (std::size_t i = 0; i < t.periods.size(); ++i)
        if (t.periods[i] == *p) return i;
    return std::nullopt;
}

std::optional<std::size_t> latest_trend_period(const trends_sheet& t) {
    std::optional<std::size_t> last;
    for (const auto& row : t.period_value)
        for (std::size_t k = 0; k < row.values.size(); ++k)
            if (row.values[k] && (!last || k > *last)) last = k;
    return last;
}

std::string selector_period(std::string_view selector_text) {
    const auto p = parse_period(selector_text);
    return p && p->kind != period_kind::day ? std::string(trim(selector_text)) : std::string();
}

std::string period_not_in_trends(const trends_sheet& t, std::string_view requested, std::string_view language) {
    const bool vi = is_vi(language);
    std::string range = t.keys.empty() ? std::string("-") : t.keys.front() + " – " + t.keys.back();
    if (!parse_period(requested))
        return (vi ? "“" : "\"") + std::string(requested) +
               (vi ? "” không phải là một kỳ (ví dụ 2026-03 hoặc 2026-Q2); trang Xu hướng có các kỳ " + range + "."
                   : "\" is not a period (such as 2026-03 or 2026-Q2); the Trends sheet has the periods " + range + ".");
    return (vi ? "Kỳ " : "The period ") + std::string(trim(requested)) +
           (vi ? " không có trên trang Xu hướng (các kỳ " + range + ")."
               : " is not on the Trends sheet (periods " + range + ").");
}

long period_index(day_serial day, period_kind k) noexcept {
    const auto c = to_civil(day);
    switch (k) {
    case period_kind::month: return c.year * 12L + (c.month - 1);
    case period_kind::quarter: return c.year * 4L + (c.month - 1) / 3;
    case period_kind::year: return c.year;
    case period_kind::day: break;
    }
    return day;
}

std::vector<std::pair<std::string, double>> dashboard_actuals(const grid& sheet) {
    std::vector<std::pair<std::string, double>> out;
    for (std::size_t r = 0; r < sheet.rows(); ++r) {
        const auto* a = sheet.cols() > 0 ? sheet.at(r, 0).string() : nullptr;
        if (!a || fold_key(*a) != "id") continue;
        std::optional<std::size_t> actual;
        for (std::size_t c = 1; c < sheet.cols() && !actual; ++c)
            if (const auto* t = sheet.at(r, c).string(); t && (fold_key(*t) == "actual" || fold_key(*t) == "thuc te"))
                actual = c;
        if (!actual) continue;
        for (std::size_t below = r + 1; below < sheet.rows() && !sheet.at(below, 0).is_empty(); ++below)
            if (const auto* d = sheet.at(below, *actual).number(); d && std::isfinite(*d))
                out.emplace_back(cell_text(sheet.at(below, 0)), *d);
        break;
    }
    return out;
}

namespace {

// Over time, for one KPI on the Trends sheet, as of period `at`.
trend_figures trend_of(report_line& line, const kpi_row& reg_row, const trend_row& values, const trend_row* plan,
                       const trends_sheet& t, std::size_t at, sv lang) {
    const bool vi = is_vi(lang);
    trend_figures f;
    const std::string& key = t.keys[at];
    for (const auto& [k, text] : values.texts)
        if (k <= at)
            line.notes.push_back(vi ? "Kỳ " + t.keys[k] + " trên trang Xu hướng chứa chữ “" + text +
                                          "” thay vì một số: coi như không có số liệu."
                                    : t.keys[k] + " on the Trends sheet holds the text \"" + text +
                                          "\" where a number belongs: counted as no data.");
    f.value = values.values[at];
    if (at > 0) f.previous = values.values[at - 1];
    // A missing value here or in the previous period is said once per table for all KPIs (data_notes).
    if (f.value && f.previous) {
        f.change = *f.value - *f.previous;
        if (*f.previous != 0) f.relative_change = *f.change / std::fabs(*f.previous);
    }
    // Plan to date up to the latest period with data only (the Trends sheet carries the latest one's
    // value on to later periods).
    const auto latest = latest_trend_period(t);
    if (plan && latest && at <= *latest) {
        f.plan_to_date = plan->values[at];
        line.actual = f.plan_to_date;
        line.actual_from_dashboard = false;
    }
    rate_line(line, lang);

    const bool lower = line.direction == kpi_direction::lower_is_better;
    const bool zero_target = line.target && *line.target == 0;
    for (std::size_t k = 0; k <= at; ++k) {
        cell a;
        if (values.values[k] && line.target && !zero_target)
            if (const auto r = attainment(*values.values[k], *line.target, std::nullopt, lower); r.ok()) a = r.value();
        f.attainment.push_back(a);
    }

    const auto& deadline = reg_row.deadline.value;
    if (!deadline) {
        line.notes.push_back(vi ? "Bảng KPI chưa có thời hạn: không dự báo được." : "No deadline in the register: no projection.");
        return f;
    }
    const long ahead = period_index(deadline->last, t.granularity()) - period_index(t.periods[at].first, t.granularity());
    if (ahead < 0) {
        f.deadline_passed = true;
        line.notes.push_back(vi ? "Thời hạn " + to_string(*deadline) + " đã qua trước kỳ " + key + ": không dự báo."
                                : "The deadline " + to_string(*deadline) + " passed before " + key + ": no projection.");
        return f;
    }
    const std::vector<cell> upto(values.values.begin(), values.values.begin() + static_cast<std::ptrdiff_t>(at + 1));
    const auto projected = project_to_deadline(upto, static_cast<double>(ahead), projection_kind::rate);
    if (!projected.ok()) {
        if (projected.error() == errc::out_of_domain)
            line.notes.push_back(vi ? "Trang Xu hướng có giá trị âm: không dự báo được."
                                    : "A negative value on the Trends sheet: no projection.");
        else
            f.nothing_to_project = true; // no value up to the period (data_notes)
        return f;
    }
    f.projection = projected.value();
    if (!line.target) {
        line.notes.push_back(vi ? "Chưa có mục tiêu: không đánh giá được tiến độ." : "No target: no pace.");
        return f;
    }
    if (zero_target) return f; // rate_line said why
    if (const auto p = pace_status(*f.projection, *line.target, lower); p.ok()) f.pace = static_cast<int>(p.value());
    else
        line.notes.push_back(vi ? "Mục tiêu âm: không đánh giá được tiến độ." : "A negative target: no pace.");
    return f;
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

tree_options report_tree_options(std::string_view language) {
    tree_options o;
    o.language = language.substr(0, 2) == "vi" ? "vi" : "en";
    o.page_width = report_tree_page_width;
    o.page_height = report_tree_page_height;
    o.margin = 8; // room left of the goals for the connectors Calc routes out to the left
    return o;
}

report build_report(const audit_report& audit, report_context context) {
    report r;
    const auto& reg = audit.reg();
    const std::string& lang = context.language;
    // Over time: the report's period on the Trends sheet.
    const trends_sheet* trends = context.trends ? &*context.trends : nullptr;
    std::optional<std::size_t> at;
    if (trends) {
        if (!context.requested_period.empty()) {
            at = find_trend_period(*trends, context.requested_period);
            if (!at) r.trend_notes.push_back(period_not_in_trends(*trends, context.requested_period, lang));
        }
        if (!at) at = latest_trend_period(*trends);
        if (!at)
            r.trend_notes.push_back(is_vi(lang) ? "Trang Xu hướng chưa có giá trị nào: báo cáo chưa có số liệu theo kỳ."
                                                : "The Trends sheet has no values yet: no figures by period.");
    }
    if (trends && at) {
        report_period p;
        p.index = *at;
        p.key = trends->keys[*at];
        if (*at > 0) p.previous_key = trends->keys[*at - 1];
        p.keys.assign(trends->keys.begin(), trends->keys.begin() + static_cast<std::ptrdiff_t>(*at + 1));
        std::vector<std::string> empty;
        for (std::size_t k = 0; k <= *at; ++k)
            if (std::none_of(trends->period_value.begin(), trends->period_value.end(),
                             [&](const trend_row& row) { return row.values[k].has_value(); }))
                empty.push_back(trends->keys[k]);
        if (!empty.empty()) {
            std::string list;
            for (const auto& k : empty) list += (list.empty() ? "" : ", ") + k;
            r.trend_notes.push_back(is_vi(lang) ? "Chưa KPI nào có giá trị trong kỳ: " + list + "."
                                                : "No KPI has a value in: " + list + ".");
        }
        for (const auto& row : trends->period_value) {
            bool known = false;
            for (std::size_t i = 0; i < reg.size() && !known; ++i) known = reg[i].id == row.id;
            if (!known)
                r.trend_notes.push_back(is_vi(lang) ? "Trang Xu hướng có " + row.id + " nhưng bảng KPI không có: bỏ qua."
                                                    : "The Trends sheet lists " + row.id +
                                                          ", which the register does not: left out.");
        }
        r.as_of = std::move(p);
        context.period = trends->keys[*at];
    }
    for (std::size_t i = 0; i < reg.size(); ++i) {
        auto line = make_line(audit, i, context);
        rate_line(line, lang);
        if (trends && at)
            if (const auto* values = trends->value_row(reg[i].id))
                line.trend = trend_of(line, reg[i], *values, trends->plan_row(reg[i].id), *trends, *at, lang);
        if (line.trend && line.trend->pace && *line.trend->pace < 0) r.behind.push_back(line);
        if (line.trend && line.trend->relative_change) {
            moved_kpi m;
            m.id = line.id;
            m.name = line.name;
            m.unit = line.unit;
            m.previous = *line.trend->previous;
            m.value = *line.trend->value;
            m.relative_change = *line.trend->relative_change;
            const bool lower = line.direction == kpi_direction::lower_is_better;
            m.better = lower ? m.value < m.previous : m.value > m.previous;
            r.moved.push_back(std::move(m));
        }
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
    // The largest relative changes first (ties in register order), at most 5; no change is no move.
    std::erase_if(r.moved, [](const moved_kpi& m) { return m.relative_change == 0; });
    std::stable_sort(r.moved.begin(), r.moved.end(), [](const moved_kpi& a, const moved_kpi& b) {
        return std::fabs(a.relative_change) > std::fabs(b.relative_change);
    });
    if (r.moved.size() > 5) r.moved.resize(5);
    std::stable_partition(r.behind.begin(), r.behind.end(), [&](const report_line& l) {
        return reg[l.row].level == kpi_level::strategic;
    });
    for (const auto g : goals_without_tactical(audit))
        r.goals_without_tactical.emplace_back(reg[g].id, std::string(reg.text(g, column::name)));
    r.warnings = audit.warning_texts(lang);
    r.kpi_count = audit.kpi_count();
    r.flagged_count = audit.flagged_count();
    r.tree = layout_tree(audit, report_tree_options(lang));
    r.context = std::move(context);
    return r;
}

std::vector<std::string> data_notes(const std::vector<report_line>& lines, const std::optional<report_period>& as_of,
                                    std::string_view language) {
    const bool vi = is_vi(language);
    std::vector<std::string> out;
    auto ids = [](const std::vector<const report_line*>& of) {
        std::string list;
        for (const auto* l : of) list += (list.empty() ? "" : ", ") + l->id;
        return list;
    };
    if (as_of) {
        std::vector<const report_line*> no_data, no_value, no_previous;
        for (const auto& l : lines) {
            if (!l.trend) continue;
            if (!l.trend->value) (l.trend->nothing_to_project ? no_data : no_value).push_back(&l);
            else if (!as_of->previous_key.empty() && !l.trend->previous) no_previous.push_back(&l);
        }
        const std::string& key = as_of->key;
        if (!no_data.empty())
            out.push_back(vi ? "Chưa có số liệu cho kỳ " + key +
                                   " (hoặc không có gì để chia, ví dụ có chi phí nhưng chưa có lead): " + ids(no_data) +
                                   " (chưa có số liệu thì chưa dự báo được)."
                             : "No data for " + key + " yet (or nothing to divide by, e.g. spend but no leads): " +
                                   ids(no_data) + " (no projection without data).");
        if (!no_value.empty())
            out.push_back(vi ? "Không có giá trị cho kỳ " + key +
                                   " (chưa có số liệu, hoặc không có gì để chia, ví dụ có chi phí nhưng chưa có lead): " +
                                   ids(no_value) + "."
                             : "No value for " + key + " (no data yet, or nothing to divide by, e.g. spend but no leads): " +
                                   ids(no_value) + ".");
        if (!no_previous.empty())
            out.push_back(vi ? "Kỳ trước (" + as_of->previous_key + ") không có giá trị, nên không tính được thay đổi: " +
                                   ids(no_previous) + "."
                             : "No value for the previous period (" + as_of->previous_key + "), so no change shown: " +
                                   ids(no_previous) + ".");
    }
    // Every other note once, after the KPIs it concerns, in the order first met.
    std::vector<std::pair<std::string, std::vector<const report_line*>>> others;
    for (const auto& l : lines)
        for (const auto& n : l.notes) {
            auto at = std::find_if(others.begin(), others.end(), [&](const auto& o) { return o.first == n; });
            if (at == others.end()) others.emplace_back(n, std::vector<const report_line*>{&l});
            else at->second.push_back(&l);
        }
    for (const auto& [note, of] : others) out.push_back(ids(of) + ": " + note);
    return out;
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

// Advance widths of DejaVu Sans and DejaVu Sans Bold in hundredths of an em (rounded up), for the
// printable ASCII characters ' ' .. '~'.
constexpr std::uint8_t regular_em[95] = {
    32, 41, 46, 84, 64, 96, 78, 28, 40, 40, 50, 84, 32, 37, 32, 34, 64, 64, 64, 64, 64, 64, 64, 64,
    64, 64, 34, 34, 84, 84, 84, 54, 100, 69, 69, 70, 78, 64, 58, 78, 76, 30, 30, 66, 56, 87, 75, 79,
    61, 79, 70, 64, 62, 74, 69, 99, 69, 62, 69, 40, 34, 40, 84, 50, 50, 62, 64, 55, 64, 62, 36, 64,
    64, 28, 28, 58, 28, 98, 64, 62, 64, 64, 42, 53, 40, 64, 60, 82, 60, 60, 53, 64, 34, 64, 84};
constexpr std::uint8_t bold_em[95] = {
    35, 46, 53, 84, 70, 101, 88, 31, 46, 46, 53, 84, 38, 42, 38, 37, 70, 70, 70, 70, 70, 70, 70, 70,
    70, 70, 40, 40, 84, 84, 84, 59, 100, 78, 77, 74, 84, 69, 69, 83, 84, 38, 38, 78, 64, 100, 84, 86,
    74, 86, 78, 73, 69, 82, 78, 111, 78, 73, 73, 46, 37, 46, 84, 50, 50, 68, 72, 60, 72, 68, 44, 72,
    72, 35, 35, 67, 35, 105, 72, 69, 72, 72, 50, 60, 48, 72, 66, 93, 65, 66, 59, 72, 37, 72, 84};

// Capital letters outside ASCII as Vietnamese uses them (Latin-1 capitals, Ă Đ Ơ Ư, and the even
// code points of Latin Extended Additional): as wide as the widest capitals.
bool wide_capital(std::uint32_t cp) noexcept {
    return (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) || cp == 0x102 || cp == 0x110 || cp == 0x1A0 || cp == 0x1AF ||
           (cp >= 0x1E00 && cp <= 0x1EFF && cp % 2 == 0);
}

} // namespace

std::int32_t word_width(std::string_view word, bool bold, float points) {
    double em = 0;
    for (std::size_t i = 0; i < word.size();) {
        const auto c = static_cast<unsigned char>(word[i]);
        if (c < 0x80) {
            em += (c >= 32 && c < 127 ? (bold ? bold_em : regular_em)[c - 32] : 60) / 100.0;
            ++i;
            continue;
        }
        // One UTF-8 sequence: its code point.
        const std::size_t length = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
        std::uint32_t cp = c & (length == 2 ? 0x1Fu : length == 3 ? 0x0Fu : 0x07u);
        for (std::size_t k = 1; k < length && i + k < word.size(); ++k)
            cp = (cp << 6) | (static_cast<unsigned char>(word[i + k]) & 0x3Fu);
        em += wide_capital(cp) ? 0.92 : 0.80;
        i += length;
    }
    // An em is `points` / 72 inch; 10 % more than measured and 1.5 mm for the cell's inner margins.
    const double mm = em * points * 25.4 / 72.0 * 1.1 + 1.5;
    return static_cast<std::int32_t>(std::ceil(mm * 100));
}

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
    // A line of text in column A from `row` on, broken at spaces into lines no wider than the sheet's
    // columns so far (text beyond the printed columns would be cut off); returns the next free row.
    std::size_t paragraph(std::size_t row, const std::string& t) {
        std::int32_t width = 0;
        for (std::int32_t c = 0; c < static_cast<std::int32_t>(std::max<std::size_t>(s_.cols(), 8)); ++c) {
            std::int32_t w = default_column_width;
            for (const auto& [col, cw] : s_.column_widths)
                if (col == c) w = cw;
            width += w;
        }
        std::string line;
        std::int32_t used = 0;
        for (std::size_t at = 0; at <= t.size();) {
            const auto end = std::min(t.find(' ', at), t.size());
            const auto word = t.substr(at, end - at);
            const auto w = word_width(word, false);
            if (!line.empty() && used + w > width) {
                text(row++, 0, line);
                line = "   ";
                used = word_width(line, false);
            }
            line += (line.empty() || line == "   " ? "" : " ") + word;
            used += w;
            at = end + 1;
        }
        if (!line.empty()) text(row++, 0, line);
        return row;
    }
    // A new printed page from `row` on.
    void page_break_before(std::size_t row) { s_.page_break_before.push_back(static_cast<std::int32_t>(row)); }
    void top(cell_rect area) {
        range_style st;
        st.area = area;
        st.top = true;
        s_.styles.push_back(st);
    }
    // Every column as wide as the longest word of its header and wrapped text cells (at most
    // 10 cm: a long link may still break), so that no word breaks inside.
    void fit_words() {
        std::map<std::int32_t, std::int32_t> needed;
        for (const auto& st : s_.styles) {
            if (!st.header && !st.wrap) continue;
            const float points = st.font_height > 0 ? st.font_height : 10;
            for (auto r = st.area.first_row; r <= st.area.last_row; ++r)
                for (auto c = st.area.first_col; c <= st.area.last_col; ++c) {
                    const auto* cell = s_.at(static_cast<std::size_t>(r), static_cast<std::size_t>(c));
                    if (!cell || cell->type != model_cell::kind::text) continue;
                    for (std::size_t at = 0; at < cell->text.size();) {
                        const auto end = std::min(cell->text.find(' ', at), cell->text.size());
                        auto& w = needed[c];
                        w = std::max(w, word_width(sv(cell->text).substr(at, end - at), st.header || st.bold, points));
                        at = end + 1;
                    }
                }
        }
        for (auto [c, w] : needed) {
            w = std::min<std::int32_t>(w, 10000);
            auto at = std::find_if(s_.column_widths.begin(), s_.column_widths.end(),
                                   [c = c](const auto& p) { return p.first == c; });
            if (at == s_.column_widths.end()) {
                if (w > default_column_width) s_.column_widths.emplace_back(c, w);
            } else {
                at->second = std::max(at->second, w);
            }
        }
    }
    void finish(std::size_t title_rows) {
        fit_words();
        const std::size_t cols = std::max<std::size_t>(s_.cols(), 1);
        std::size_t last_row = s_.rows.empty() ? 0 : s_.rows.size() - 1;
        for (const auto& ch : s_.charts) last_row = std::max<std::size_t>(last_row, static_cast<std::size_t>(ch.anchor.last_row));
        s_.print_area = rect(0, 0, last_row, cols - 1);
        s_.print_title_rows = static_cast<std::int32_t>(title_rows);
        s_.frozen_rows = static_cast<std::int32_t>(title_rows);
    }

private:
    static constexpr std::int32_t default_column_width = 2258; // Calc's, 1/100 mm
    sheet_model& s_;
};

} // namespace

// Number format of a KPI's values: percent for a "%" unit; whole numbers with thousands separators
// from 1000 up (money, counts); else two decimals.
std::string value_format(const report_line& l) {
    if (l.unit.find('%') != std::string::npos) return "0.0%";
    double largest = 0;
    for (const auto& v : {l.baseline, l.target, l.actual})
        if (v) largest = std::max(largest, std::fabs(*v));
    if (l.trend)
        for (const auto& v : {l.trend->value, l.trend->previous, l.trend->plan_to_date, l.trend->projection})
            if (v) largest = std::max(largest, std::fabs(*v));
    return largest >= 1000 ? "#,##0" : "#,##0.00";
}

std::string status_words(const report_line& l, sv lang) {
    const bool vi = is_vi(lang);
    if (l.status) return std::string(status_word(*l.status, lang));
    if (!l.actual) return vi ? "Chưa có số liệu" : "No data yet";
    if (!l.target) return vi ? "Chưa có mục tiêu" : "No target";
    if (*l.target == 0) return vi ? "Mục tiêu bằng 0" : "Target is 0";
    return "—";
}

std::string pace_words(const trend_figures& t, sv lang) {
    const bool vi = is_vi(lang);
    if (t.deadline_passed) return vi ? "Đã quá hạn" : "Deadline passed";
    if (!t.pace) return "—";
    if (*t.pace > 0) return vi ? "Vượt tiến độ" : "Ahead of pace";
    if (*t.pace == 0) return vi ? "Đúng tiến độ" : "On pace";
    return vi ? "Chậm tiến độ" : "Behind pace";
}

// "+#,##0;-#,##0;0": a change shows its sign.
static std::string signed_format(const std::string& code) { return "+" + code + ";-" + code + ";" + code; }

// The format of a change `value` shown like `code` ("0.0%", "#,##0", "#,##0.00"), signed, with as many
// more decimals as a change other than 0 needs not to show as 0 (-0.000385 in "0.0%": "-0.04%").
std::string change_format(const std::string& code, double value) {
    const bool percent = code.find('%') != std::string::npos;
    const auto point = code.find('.');
    std::size_t decimals = 0;
    if (point != std::string::npos)
        while (point + 1 + decimals < code.size() && code[point + 1 + decimals] == '0') ++decimals;
    const double shown = std::fabs(value) * (percent ? 100 : 1);
    while (value != 0 && decimals < 9 && std::round(shown * std::pow(10.0, static_cast<double>(decimals))) == 0)
        ++decimals;
    std::string out = percent ? "0" : code.substr(0, code.find_first_of(".%"));
    if (decimals > 0) out += "." + std::string(decimals, '0');
    if (percent) out += "%";
    return signed_format(out);
}

namespace {

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

} // namespace

std::string status_sentence(const std::vector<const report_line*>& lines, std::string_view language) {
    status_tally tally;
    for (const auto* l : lines) tally.add(*l);
    return tally.sentence(lines.size(), language);
}

namespace {

// A KPI table from `header_row` on: the columns given, values formatted, status icons, every cell
// top-aligned (wrapped). Without figures over time: ID, KPI, [Supports], Owner, Unit, Baseline, Target,
// Actual, Attainment, Status, Status words, Deadline. With them (`as_of`): ID, KPI, [Supports], Unit,
// Target, the period's value, the previous period's, Change, Plan to date, Attainment, Status, Status
// words, Projection, Pace, Deadline. Returns the last row written.
std::size_t kpi_table(sheet_writer& w, sheet_model& s, std::size_t header_row, const std::vector<report_line>& lines,
                      bool with_parent, const std::optional<report_period>& as_of, sv lang) {
    const bool vi = is_vi(lang);
    const bool over_time = as_of && std::any_of(lines.begin(), lines.end(), [](const report_line& l) {
                               return l.trend.has_value();
                           });
    std::vector<std::string> titles{"ID", "KPI"};
    if (with_parent) titles.emplace_back(vi ? "Phục vụ mục tiêu" : "Supports");
    const std::size_t c0 = titles.size();
    std::size_t c_att = 0, c_status = 0, c_deadline = 0;
    if (!over_time) {
        for (sv t : {vi ? sv("Người phụ trách") : sv("Owner"), vi ? sv("Đơn vị") : sv("Unit"),
                     vi ? sv("Cơ sở") : sv("Baseline"), vi ? sv("Mục tiêu") : sv("Target"),
                     vi ? sv("Thực tế") : sv("Actual")})
            titles.emplace_back(t);
        c_att = titles.size();
    } else {
        titles.emplace_back(vi ? "Đơn vị" : "Unit");
        titles.emplace_back(vi ? "Mục tiêu" : "Target");
        titles.emplace_back((vi ? "Giá trị kỳ " : "Value ") + as_of->key);
        titles.emplace_back(as_of->previous_key.empty() ? std::string(vi ? "Kỳ trước" : "Previous")
                                                         : (vi ? "Kỳ trước " : "Previous ") + as_of->previous_key);
        titles.emplace_back(vi ? "Thay đổi" : "Change");
        titles.emplace_back(vi ? "Lũy kế từ đầu kế hoạch" : "Plan to date");
        c_att = titles.size();
    }
    titles.emplace_back(vi ? "Mức hoàn thành" : "Attainment");
    c_status = titles.size();
    titles.emplace_back(vi ? "Trạng thái" : "Status");
    titles.emplace_back(vi ? "Diễn giải" : "Status in words");
    if (over_time) {
        titles.emplace_back(vi ? "Dự báo tại thời hạn" : "Projection at deadline");
        titles.emplace_back(vi ? "Tiến độ" : "Pace");
    }
    c_deadline = titles.size();
    titles.emplace_back(vi ? "Thời hạn" : "Deadline");
    w.header(header_row, titles);
    std::size_t r = header_row;
    for (const auto& l : lines) {
        ++r;
        w.text(r, 0, l.id);
        w.text(r, 1, l.name);
        if (with_parent) w.text(r, 2, l.parent);
        const std::string format = value_format(l);
        if (!over_time) {
            w.text(r, c0, l.owner);
            w.text(r, c0 + 1, l.unit);
            w.number(r, c0 + 2, l.baseline);
            w.number(r, c0 + 3, l.target);
            w.number(r, c0 + 4, l.actual);
            w.style(rect(r, c0 + 2, r, c0 + 4), format);
        } else {
            w.text(r, c0, l.unit);
            w.number(r, c0 + 1, l.target);
            w.number(r, c0 + 5, l.actual);
            if (l.trend) {
                w.number(r, c0 + 2, l.trend->value);
                w.number(r, c0 + 3, l.trend->previous);
                w.number(r, c0 + 4, l.trend->change);
                w.number(r, c_deadline - 2, l.trend->projection);
                w.text(r, c_deadline - 1, pace_words(*l.trend, lang));
            }
            w.style(rect(r, c0 + 1, r, c0 + 3), format);
            w.style(rect(r, c0 + 4, r, c0 + 4), change_format(format, l.trend ? l.trend->change.value_or(0) : 0));
            w.style(rect(r, c0 + 5, r, c0 + 5), format);
            w.style(rect(r, c_deadline - 2, r, c_deadline - 2), format);
        }
        w.number(r, c_att, l.attainment);
        if (l.status) w.number(r, c_status, static_cast<double>(*l.status));
        w.text(r, c_status + 1, status_words(l, lang));
        w.text(r, c_deadline, l.deadline);
    }
    if (r > header_row) {
        w.style(rect(header_row + 1, c_att, r, c_att), "0.0%");
        w.wrap(rect(header_row + 1, 0, r, c_deadline)); // wrapped, hence top-aligned, every cell
        // The status as a traffic light on the row's first line: KPI.STATUS (1, 0, -1) shown as a dot
        // coloured by Calc's styles Good / Neutral / Bad. (Calc 7.4 draws an icon set's icon at the
        // bottom of its cell whatever the alignment: below the text of a wrapped row.)
        const auto status_area = rect(header_row + 1, c_status, r, c_status);
        w.style(status_area, "\"●\";\"●\";\"●\"");
        const auto cell = "$" + column_letters(static_cast<std::int32_t>(c_status)) + std::to_string(header_row + 2);
        s.style_rules.push_back({status_area, "AND(ISNUMBER(" + cell + ");" + cell + "=1)", "Good"});
        s.style_rules.push_back({status_area, "AND(ISNUMBER(" + cell + ");" + cell + "=0)", "Neutral"});
        s.style_rules.push_back({status_area, "AND(ISNUMBER(" + cell + ");" + cell + "=-1)", "Bad"});
    }
    if (!over_time) {
        if (with_parent) w.widths({2400, 6000, 2600, 3600, 2200, 2500, 2500, 2500, 2300, 1700, 2900, 2500});
        else w.widths({2400, 7000, 3600, 2200, 2600, 2600, 2600, 2400, 1700, 2900, 2500});
    } else if (with_parent) {
        w.widths({2000, 4800, 2000, 2000, 2400, 2400, 2400, 2400, 2700, 2800, 1400, 2600, 2600, 3000, 2500});
    } else {
        w.widths({2000, 5600, 2000, 2400, 2400, 2400, 2400, 2700, 2800, 1400, 2600, 2600, 3000, 2500});
    }
    return r;
}

// The notes of a table's KPIs (data_notes), one line each ("• ..."), from `row` on; returns the next
// free row.
std::size_t kpi_notes(sheet_writer& w, std::size_t row, const std::vector<report_line>& lines,
                      const std::optional<report_period>& as_of, sv lang) {
    const auto notes = data_notes(lines, as_of, lang);
    if (notes.empty()) return row;
    w.title(row++, is_vi(lang) ? "Ghi chú về số liệu" : "Notes on the data", 11);
    for (const auto& n : notes) row = w.paragraph(row, "• " + n);
    return row + 1;
}

// The trend chart of a section: each KPI's attainment by period (100% = the target line), with its
// data as a table below the chart. Returns the next free row.
std::size_t trend_chart(sheet_writer& w, sheet_model& s, std::size_t row, const std::vector<report_line>& lines,
                        const report_period& as_of, const std::string& chart_name, sv lang) {
    const bool vi = is_vi(lang);
    std::vector<const report_line*> series;
    for (const auto& l : lines)
        if (l.trend && std::any_of(l.trend->attainment.begin(), l.trend->attainment.end(),
                                   [](const cell& c) { return c.has_value(); }))
            series.push_back(&l);
    if (series.empty()) {
        w.text(row++, 0, vi ? "Chưa có biểu đồ theo kỳ: chưa KPI nào có cả giá trị theo kỳ và mục tiêu."
                            : "No chart by period: no KPI has both values by period and a target.");
        return row + 1;
    }
    const std::size_t height = 18;
    const std::size_t chart_top = row;
    const std::size_t data_title = chart_top + height + 1;
    const std::size_t h = data_title + 1;
    w.title(data_title, vi ? "Số liệu của biểu đồ: mức hoàn thành theo kỳ (100% = mục tiêu)"
                           : "Chart data: attainment by period (100% = target)",
            11);
    std::vector<std::string> header{vi ? "Kỳ" : "Period"};
    for (const auto* l : series) header.push_back(l->id);
    header.emplace_back(vi ? "Mục tiêu = 100%" : "Target = 100%");
    w.header(h, header);
    for (std::size_t k = 0; k < as_of.keys.size(); ++k) {
        w.text(h + 1 + k, 0, as_of.keys[k]);
        for (std::size_t j = 0; j < series.size(); ++j) w.number(h + 1 + k, 1 + j, series[j]->trend->attainment[k]);
        w.number(h + 1 + k, 1 + series.size(), 1.0);
    }
    const std::size_t last = h + as_of.keys.size();
    w.style(rect(h + 1, 1, last, 1 + series.size()), "0%");
    chart_spec chart;
    chart.name = chart_name;
    chart.title = vi ? "Mức hoàn thành theo kỳ (giá trị kỳ so với mục tiêu; 100% = đạt mục tiêu)"
                     : "Attainment by period (period value against target; 100% = on target)";
    chart.type = chart_type::line;
    chart.ranges = {rect(h, 0, last, 1 + series.size())};
    chart.anchor = rect(chart_top, 0, chart_top + height - 1, 9);
    chart.value_axis_min = 0.0;
    s.charts.push_back(chart);
    w.page_break_before(chart_top); // the chart and its data on a page of their own: never cut
    return last + 2;
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
        if (r.as_of)
            pair(vi ? "Lũy kế từ đầu kế hoạch" : "Plan to date", r.as_of->keys.front() + " – " + r.as_of->key);
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
        std::vector<std::string> contents{summary_title, vi ? "Cây KPI" : "KPI tree"};
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
        std::string intro = r.strategic.empty()
                                ? std::string(vi ? "Bảng KPI chưa có KPI chiến lược nào: hãy đặt mục tiêu kinh doanh trước."
                                                 : "The register has no strategic KPI: set the business goals first.")
                                : tally.sentence(r.strategic.size(), lang);
        if (r.as_of)
            intro += vi ? " Kỳ báo cáo " + r.as_of->key + "; lũy kế từ " + r.as_of->keys.front() + "."
                        : " Reporting period " + r.as_of->key + "; plan to date from " + r.as_of->keys.front() + ".";
        w.text(1, 0, intro);
        std::size_t row = kpi_table(w, s, 3, r.strategic, false, r.as_of, lang) + 2;
        for (const auto& note : r.trend_notes) row = w.paragraph(row, "• " + note);
        if (!r.trend_notes.empty()) ++row;
        row = kpi_notes(w, row, r.strategic, r.as_of, lang);

        // What moved: the largest changes, the KPIs behind pace, the goals no tactical KPI serves.
        const bool moves = r.as_of.has_value();
        if (moves || !r.goals_without_tactical.empty()) {
            w.title(row++, (vi ? "Điểm thay đổi" : "What moved") + (r.as_of ? " " + r.as_of->key : std::string()), 13);
            if (moves) {
                if (r.moved.empty()) {
                    w.text(row++, 0, vi ? "Không KPI nào thay đổi so với kỳ trước (hoặc chưa đủ số liệu hai kỳ)."
                                        : "No KPI changed from the previous period (or two periods of data are missing).");
                } else {
                    w.text(row++, 0, vi ? "Thay đổi lớn nhất so với kỳ trước (tương đối):"
                                        : "Largest changes from the previous period (relative):");
                    w.header(row, {"ID", "KPI", (vi ? "Kỳ trước " : "Previous ") + r.as_of->previous_key,
                                   (vi ? "Giá trị kỳ " : "Value ") + r.as_of->key, vi ? "Thay đổi" : "Change",
                                   vi ? "Chiều" : "Direction"});
                    const std::size_t first = row + 1;
                    for (const auto& mv : r.moved) {
                        ++row;
                        w.text(row, 0, mv.id);
                        w.text(row, 1, mv.name);
                        w.number(row, 2, mv.previous);
                        w.number(row, 3, mv.value);
                        report_line probe;
                        probe.unit = mv.unit;
                        probe.actual = std::max(std::fabs(mv.previous), std::fabs(mv.value));
                        w.style(rect(row, 2, row, 3), value_format(probe));
                        w.number(row, 4, mv.relative_change);
                        w.style(rect(row, 4, row, 4), change_format("0.0%", mv.relative_change));
                        w.text(row, 5, mv.better ? (vi ? "Tốt lên" : "Better") : (vi ? "Xấu đi" : "Worse"));
                    }
                    w.wrap(rect(first, 0, row, 5));
                    ++row;
                }
                ++row;
                if (r.behind.empty()) {
                    w.text(row++, 0, vi ? "Không KPI nào chậm tiến độ so với mục tiêu."
                                        : "No KPI is behind pace for its target.");
                } else {
                    w.text(row++, 0, vi ? "KPI chậm tiến độ (dự báo tại thời hạn không đạt mục tiêu):"
                                        : "KPIs behind pace (the projection to the deadline misses the target):");
                    w.header(row, {"ID", "KPI", vi ? "Dự báo tại thời hạn" : "Projection at deadline",
                                   vi ? "Mục tiêu" : "Target", vi ? "Thời hạn" : "Deadline"});
                    const std::size_t first = row + 1;
                    for (const auto& l : r.behind) {
                        ++row;
                        w.text(row, 0, l.id);
                        w.text(row, 1, l.name);
                        w.number(row, 2, l.trend->projection);
                        w.number(row, 3, l.target);
                        w.style(rect(row, 2, row, 3), value_format(l));
                        w.text(row, 4, l.deadline);
                    }
                    w.wrap(rect(first, 0, row, 4));
                    ++row;
                }
                ++row;
            }
            if (r.goals_without_tactical.empty()) {
                w.text(row++, 0, vi ? "Mọi mục tiêu chiến lược đều có ít nhất một KPI chiến thuật phục vụ."
                                    : "Every strategic goal has at least one tactical KPI serving it.");
            } else {
                w.text(row++, 0, vi ? "Mục tiêu chiến lược chưa có KPI chiến thuật nào phục vụ:"
                                    : "Strategic goals without a tactical KPI:");
                for (const auto& [id, name] : r.goals_without_tactical) w.text(row++, 0, "• " + id + " " + name);
            }
            ++row;
        }
        if (r.as_of) row = trend_chart(w, s, row, r.strategic, *r.as_of, "KPITrendChart0", lang);
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
        const std::size_t last = kpi_table(w, s, 3, lines, true, r.as_of, lang);
        std::size_t row = kpi_notes(w, last + 2, lines, r.as_of, lang);
        const bool over_time =
            r.as_of && std::any_of(lines.begin(), lines.end(), [](const report_line& l) { return l.trend.has_value(); });
        if (over_time) {
            trend_chart(w, s, row, lines, *r.as_of, "KPITrendChart" + std::to_string(g + 1), lang);
        } else if (std::any_of(lines.begin(), lines.end(),
                               [](const report_line& l) { return l.attainment.has_value(); })) {
            chart_spec chart;
            chart.name = "KPIReportChart" + std::to_string(g + 1);
            chart.title = vi ? "Mức hoàn thành mục tiêu theo KPI" : "Attainment of target by KPI";
            chart.type = chart_type::bar;
            chart.ranges = {rect(3, 0, last, 0), rect(3, 8, last, 8)};
            const std::size_t height = std::clamp<std::size_t>(lines.size() + 8, 14, 30);
            chart.anchor = rect(row, 0, row + height, 8);
            chart.value_axis_min = 0.0;
            s.charts.push_back(chart);
            w.page_break_before(row); // the chart on a page of its own: never cut
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
            w.wrap(rect(4, 0, row, 5));
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
        if (row > 3) w.wrap(rect(4, 0, row, 7)); // wrapped, hence top-aligned, every cell
        // The function column fits the longest name on one line: a name never breaks.
        std::size_t longest = 0;
        for (const auto& l : r.strategic)
            if (l.function) longest = std::max(longest, l.function->display.size());
        for (const auto& g : r.tactical)
            for (const auto& l : g)
                if (l.function) longest = std::max(longest, l.function->display.size());
        const auto function_width = static_cast<std::int32_t>(std::max<std::size_t>(3200, 500 + 260 * longest));
        w.widths({2400, 5000, 2300, 2000, function_width, 6500, 5500, 5500});
        w.finish(4);
    }
    return m;
}

} // namespace kpi
