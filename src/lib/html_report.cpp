#include "kpi/utf8.hpp"
#include "kpi/html_report.hpp"

#include "kpi/catalog.hpp"
#include "kpi/link_audit.hpp"
#include "kpi/period.hpp"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <system_error>
#include <unistd.h>

namespace kpi {
namespace {

using sv = std::string_view;

// ---- the page's words, in both languages (the same as the PDF's) ---------------------------------

constexpr text t_report{"Marketing KPI report", "Báo cáo KPI marketing"};
constexpr text t_period{"Period", "Kỳ báo cáo"};
constexpr text t_plan_to_date{"Plan to date", "Lũy kế từ đầu kế hoạch"};
constexpr text t_report_date{"Report date", "Ngày lập"};
constexpr text t_workbook{"Workbook", "Sổ làm việc"};
constexpr text t_register_sheet{"KPI register (sheet)", "Bảng KPI (trang)"};
constexpr text t_glance{"At a glance", "Tổng quan"};
constexpr text t_strategic_kpis{"Strategic KPIs", "KPI chiến lược"};
constexpr text t_tactical_kpis{"Tactical KPIs", "KPI chiến thuật"};
constexpr text t_flagged{"Flagged by the audit", "Cần xem lại (kiểm tra)"};
constexpr text t_of{" of ", " trên "};
constexpr text t_contents{"Contents", "Nội dung"};
constexpr text t_tree{"KPI tree", "Cây KPI"};
constexpr text t_summary{"Executive summary: strategic KPIs", "Tóm tắt điều hành: KPI chiến lược"};
constexpr text t_findings{"Linkage audit and SMART findings", "Kết quả kiểm tra liên kết và SMART"};
constexpr text t_appendix{"Appendix: KPI definitions", "Phụ lục: định nghĩa các KPI"};
constexpr text t_no_group{"Tactical KPIs without a group", "KPI chiến thuật chưa xếp nhóm"};
constexpr text t_no_strategic{"The register has no strategic KPI: set the business goals first.",
                              "Bảng KPI chưa có KPI chiến lược nào: hãy đặt mục tiêu kinh doanh trước."};
constexpr text t_reporting_period{" Reporting period ", " Kỳ báo cáo "};
constexpr text t_from{"; plan to date from ", "; lũy kế từ "};
constexpr text t_supports{"Supports", "Phục vụ mục tiêu"};
constexpr text t_owner{"Owner", "Người phụ trách"};
constexpr text t_unit{"Unit", "Đơn vị"};
constexpr text t_baseline{"Baseline", "Cơ sở"};
constexpr text t_target{"Target", "Mục tiêu"};
constexpr text t_actual{"Actual", "Thực tế"};
constexpr text t_value{"Value ", "Giá trị kỳ "};
constexpr text t_previous{"Previous", "Kỳ trước"};
constexpr text t_change{"Change", "Thay đổi"};
constexpr text t_attainment{"Attainment", "Mức hoàn thành"};
constexpr text t_status{"Status", "Trạng thái"};
constexpr text t_projection{"Projection at deadline", "Dự báo tại thời hạn"};
constexpr text t_pace{"Pace", "Tiến độ"};
constexpr text t_deadline{"Deadline", "Thời hạn"};
constexpr text t_notes{"Notes on the data", "Ghi chú về số liệu"};
constexpr text t_moved{"What moved", "Điểm thay đổi"};
constexpr text t_no_move{"No KPI changed from the previous period (or two periods of data are missing).",
                         "Không KPI nào thay đổi so với kỳ trước (hoặc chưa đủ số liệu hai kỳ)."};
constexpr text t_largest{"Largest changes from the previous period (relative):",
                         "Thay đổi lớn nhất so với kỳ trước (tương đối):"};
constexpr text t_direction{"Direction", "Chiều"};
constexpr text t_better{"Better", "Tốt lên"};
constexpr text t_worse{"Worse", "Xấu đi"};
constexpr text t_none_behind{"No KPI is behind pace for its target.",
                             "Không KPI nào chậm tiến độ so với mục tiêu."};
constexpr text t_behind{"KPIs behind pace (the projection to the deadline misses the target):",
                        "KPI chậm tiến độ (dự báo tại thời hạn không đạt mục tiêu):"};
constexpr text t_goals_served{"Every strategic goal has at least one tactical KPI serving it.",
                              "Mọi mục tiêu chiến lược đều có ít nhất một KPI chiến thuật phục vụ."};
constexpr text t_goals_unserved{"Strategic goals without a tactical KPI:",
                                "Mục tiêu chiến lược chưa có KPI chiến thuật nào phục vụ:"};
constexpr text t_no_trend_chart{"No chart by period: no KPI has both values by period and a target.",
                                "Chưa có biểu đồ theo kỳ: chưa KPI nào có cả giá trị theo kỳ và mục tiêu."};
constexpr text t_trend_title{"Attainment by period (period value against target; 100% = on target)",
                             "Mức hoàn thành theo kỳ (giá trị kỳ so với mục tiêu; 100% = đạt mục tiêu)"};
constexpr text t_trend_data{"Chart data: attainment by period (100% = target)",
                            "Số liệu của biểu đồ: mức hoàn thành theo kỳ (100% = mục tiêu)"};
constexpr text t_period_col{"Period", "Kỳ"};
constexpr text t_target_line{"Target = 100%", "Mục tiêu = 100%"};
constexpr text t_bar_title{"Attainment of target by KPI", "Mức hoàn thành mục tiêu theo KPI"};
constexpr text t_flagged_sentence{" KPIs flagged (a link problem, or fewer than 5 SMART criteria met).",
                                  " KPI cần xem lại (liên kết chưa đúng hoặc chưa đạt đủ 5 tiêu chí SMART)."};
constexpr text t_link{"Link", "Liên kết"};
constexpr text t_link_problem{"Link problem", "Vấn đề liên kết"};
constexpr text t_smart_failed{"SMART criteria not met", "Tiêu chí SMART chưa đạt"};
constexpr text t_none_flagged{
    "No KPI is flagged: every tactical KPI rolls up to a strategic goal and meets all five "
    "SMART criteria.",
    "Không có KPI nào cần xem lại: mọi KPI chiến thuật đều dẫn tới một mục tiêu chiến lược "
    "và đạt đủ 5 tiêu chí SMART."};
constexpr text t_warnings{"Definition warnings", "Cảnh báo về định nghĩa"};
constexpr text t_appendix_intro{
    "Formulas and definition sources come from the KPI function catalog; data sources from "
    "the register's Source column.",
    "Công thức và nguồn định nghĩa lấy từ danh mục hàm KPI; nguồn số liệu lấy từ cột Nguồn "
    "của bảng KPI."};
constexpr text t_level{"Level", "Cấp độ"};
constexpr text t_strategic{"Strategic", "Chiến lược"};
constexpr text t_tactical{"Tactical", "Chiến thuật"};
constexpr text t_function{"Function", "Hàm"};
constexpr text t_formula{"Formula", "Công thức"};
constexpr text t_definition_source{"Definition source", "Nguồn định nghĩa"};
constexpr text t_data_source{"Data source", "Nguồn số liệu"};
constexpr text t_not_catalog{"Not a catalog function", "Không dùng hàm trong danh mục"};
constexpr text t_page{"Page", "Trang"};

// ---- escaping ---------------------------------------------------------------------------------

// Decodes one UTF-8 sequence at `i`; U+FFFD and one byte consumed when it is not valid.
std::uint32_t decode(sv s, std::size_t& i) {
    const auto c = static_cast<unsigned char>(s[i]);
    std::size_t length = 0;
    std::uint32_t cp = 0;
    if (c < 0x80) {
        ++i;
        return c;
    }
    if (c >= 0xC2 && c <= 0xDF)
        length = 2, cp = c & 0x1Fu;
    else if (c >= 0xE0 && c <= 0xEF)
        length = 3, cp = c & 0x0Fu;
    else if (c >= 0xF0 && c <= 0xF4)
        length = 4, cp = c & 0x07u;
    if (length == 0 || i + length > s.size()) {
        ++i;
        return 0xFFFD;
    }
    for (std::size_t k = 1; k < length; ++k) {
        const auto d = static_cast<unsigned char>(s[i + k]);
        if ((d & 0xC0) != 0x80) {
            ++i;
            return 0xFFFD;
        }
        cp = (cp << 6) | (d & 0x3Fu);
    }
    const bool overlong = (length == 3 && cp < 0x800) || (length == 4 && cp < 0x10000);
    if (overlong || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
        ++i;
        return 0xFFFD;
    }
    i += length;
    return cp;
}

bool allowed(std::uint32_t cp) noexcept {
    if (cp == '\t' || cp == '\n')
        return true;
    if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F))
        return false;
    if (cp >= 0xFDD0 && cp <= 0xFDEF)
        return false;
    if ((cp & 0xFFFE) == 0xFFFE)
        return false;
    return true;
}

// A CSS string's content ("..."): quotes, backslashes, '<' and anything not plain as hex escapes.
std::string css_string(sv s) {
    std::string out;
    for (std::size_t i = 0; i < s.size();) {
        const auto cp = decode(s, i);
        if (!allowed(cp) || cp == '"' || cp == '\\' || cp == '<' || cp == '>' || cp == '&' || cp == '\n' ||
            cp == '\t') {
            char buffer[16];
            std::snprintf(buffer, sizeof buffer, "\\%X ", allowed(cp) ? cp : 0xFFFDu);
            out += buffer;
        } else {
            append_utf8(out, cp);
        }
    }
    return out;
}

bool is_vi(sv language) noexcept {
    return language.substr(0, 2) == "vi";
}

// ---- the page ---------------------------------------------------------------------------------

class page {
  public:
    explicit page(const report& r) : r_(r), lang_(is_vi(r.context.language) ? "vi" : "en") {}

    std::string build() {
        head();
        out_ += "<body>\n";
        cover();
        out_ += "<main>\n";
        summary();
        tree();
        for (std::size_t g = 0; g < report_groups.size(); ++g)
            if (!r_.tactical[g].empty())
                group(g);
        findings();
        appendix();
        out_ += "</main>\n<footer class=\"page-footer\"><p>" + esc(company()) + " · " +
                esc(format_iso(r_.context.today)) + "</p></footer>\n</body>\n</html>\n";
        return std::move(out_);
    }

  private:
    const report& r_;
    std::string lang_;
    std::string out_;
    int svg_ids_ = 0;

    [[nodiscard]] std::string w(text t) const { return std::string(t.in(lang_)); }
    static std::string esc(sv s) { return html_escape(s); }
    [[nodiscard]] std::string company() const {
        return r_.context.company.empty() ? r_.context.source_name : r_.context.company;
    }
    [[nodiscard]] std::string num(std::optional<double> v, sv code) const {
        return v ? format_number(*v, code, lang_) : std::string();
    }
    [[nodiscard]] std::string group_name(std::size_t slot) const {
        return report_groups[slot] == kpi_group::missing
                   ? w(t_no_group)
                   : std::string(group_title(report_groups[slot]).in(lang_));
    }

    void head() {
        const auto title = w(t_report) + " – " + company();
        out_ +=
            "<!DOCTYPE html>\n<html lang=\"" + lang_ + "\" dir=\"ltr\">\n<head>\n<meta charset=\"utf-8\">\n";
        out_ += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
        // Nothing runs and nothing is fetched, whatever the text holds.
        out_ += "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src "
                "'unsafe-inline'; "
                "img-src data:\">\n";
        out_ += "<meta name=\"generator\" content=\"Marketing KPI for LibreOffice Calc\">\n";
        out_ += "<title>" + esc(title) + "</title>\n<style>\n";
        out_ +=
            R"CSS(:root{color-scheme:light;--ink:#1a1a1a;--muted:#555;--line:#c8c8c8;--head:#eef1f5;--on:#1b7a34;--risk:#9a6700;--off:#b42318;--none:#666}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font-family:"DejaVu Sans","Noto Sans","Segoe UI",Arial,sans-serif;font-size:15px;line-height:1.45;color:var(--ink);background:#fff}
header.cover,main>section,footer.page-footer{max-width:1400px;margin:0 auto;padding:16px 20px}
h1{font-size:1.9em;margin:.2em 0}
h2{font-size:1.4em;margin:.3em 0 .5em;border-bottom:2px solid var(--ink);padding-bottom:.15em}
h3{font-size:1.1em;margin:1.2em 0 .4em}
.company{font-size:1.3em;font-weight:700;margin:.2em 0 .8em}
dl.pairs{display:grid;grid-template-columns:max-content 1fr;gap:.25em 1.2em;margin:.4em 0 1em}
dl.pairs dt{font-weight:700}
dl.pairs dd{margin:0;overflow-wrap:anywhere}
main>section{border-top:1px solid var(--line)}
.table-wrap{overflow-x:auto;margin:.5em 0 1em}
table{border-collapse:collapse;width:100%;font-size:.88em}
caption{text-align:left;font-weight:700;padding:.3em 0}
th,td{border:1px solid var(--line);padding:.3em .45em;vertical-align:top;text-align:left}
thead th{background:var(--head);font-weight:700}
td.num{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
td.id{white-space:nowrap;font-weight:700}
td.date{white-space:nowrap}
td.wrap{overflow-wrap:anywhere}
.status{white-space:nowrap;font-weight:700}
.status .icon{display:inline-block;width:1.3em;text-align:center;font-weight:700}
.s-on{color:var(--on)}.s-risk{color:var(--risk)}.s-off{color:var(--off)}.s-none{color:var(--none)}
ul.notes{padding-left:1.2em}
ul.notes li{margin:.2em 0}
figure.chart{margin:1em 0;break-inside:avoid;page-break-inside:avoid}
figure.chart>svg{width:100%;height:auto;max-width:900px;display:block}
figcaption{font-weight:700;margin:.3em 0}
ul.legend{list-style:none;padding:0;margin:.4em 0;display:flex;flex-wrap:wrap;gap:.3em 1.2em}
ul.legend svg{vertical-align:middle}
nav ol{padding-left:1.4em}
nav a{color:#0b4f9c}
.page-footer{color:var(--muted);font-size:.85em}
div.tree{overflow-x:auto;margin:8px 0}
div.tree svg{display:block;max-width:none}
@media screen and (max-width:700px){
body{font-size:15px}
header.cover,main>section,footer.page-footer{padding:12px}
h1{font-size:1.5em}
dl.pairs{grid-template-columns:1fr}
dl.pairs dd{margin-bottom:.4em}
.table-wrap{overflow-x:visible}
table.cards,table.cards tbody,table.cards tr,table.cards td{display:block;width:100%}
table.cards thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
table.cards tr{border:1px solid var(--line);border-radius:6px;margin:0 0 .8em;padding:.35em .6em}
table.cards td{border:0;display:flex;gap:.8em;justify-content:space-between;padding:.18em 0;text-align:right;white-space:normal;overflow-wrap:anywhere}
table.cards td::before{content:attr(data-label);font-weight:700;text-align:left;flex:0 0 45%;color:var(--muted)}
table.cards td:empty{display:none}
table.cards td.id{font-size:1.1em;border-bottom:1px solid var(--line);margin-bottom:.2em}
}
@media print{
@page{size:A4 landscape;margin:12mm 10mm 14mm 10mm;)CSS";
        out_ +=
            "@bottom-left{content:\"" + css_string(company()) + "\";font-size:9pt;font-family:sans-serif}";
        out_ += "@bottom-right{content:\"" + css_string(w(t_page)) +
                " \" counter(page) \" / \" counter(pages);font-size:9pt;font-family:sans-serif}}\n";
        out_ += R"CSS(body{font-size:9.5pt}
header.cover,main>section{max-width:none;padding:0;border:0}
main>section{break-before:page;page-break-before:always}
.table-wrap{overflow:visible}
thead{display:table-header-group}
tr,figure.chart{break-inside:avoid;page-break-inside:avoid}
figure.chart{break-before:page;page-break-before:always}
a{color:inherit;text-decoration:none}
.page-footer{display:none}
}
</style>
</head>
)CSS";
    }

    void pair(sv label, const std::string& value) {
        out_ += "<dt>" + esc(label) + "</dt><dd>" + esc(value) + "</dd>\n";
    }

    void cover() {
        out_ += "<header class=\"cover\" id=\"cover\">\n<h1>" + esc(w(t_report)) +
                "</h1>\n<p class=\"company\"><bdi>" + esc(company()) + "</bdi></p>\n<dl class=\"pairs\">\n";
        if (!r_.context.period.empty())
            pair(w(t_period), r_.context.period);
        if (r_.as_of)
            pair(w(t_plan_to_date), r_.as_of->keys.front() + " – " + r_.as_of->key);
        pair(w(t_report_date), format_iso(r_.context.today));
        if (!r_.context.source_name.empty())
            pair(w(t_workbook), r_.context.source_name);
        if (!r_.context.register_sheet.empty())
            pair(w(t_register_sheet), r_.context.register_sheet);
        out_ += "</dl>\n<h2>" + esc(w(t_glance)) + "</h2>\n<dl class=\"pairs\">\n";
        std::vector<const report_line*> strategic, tactical;
        for (const auto& l : r_.strategic)
            strategic.push_back(&l);
        for (const auto& g : r_.tactical)
            for (const auto& l : g)
                tactical.push_back(&l);
        pair(w(t_strategic_kpis), status_sentence(strategic, lang_));
        pair(w(t_tactical_kpis), status_sentence(tactical, lang_));
        pair(w(t_flagged),
             std::to_string(r_.flagged_count) + w(t_of) + std::to_string(r_.kpi_count) + " KPI");
        out_ += "</dl>\n<nav aria-labelledby=\"contents-title\"><h2 id=\"contents-title\">" +
                esc(w(t_contents)) + "</h2>\n<ol>\n";
        auto item = [&](const std::string& id, const std::string& title) {
            out_ += "<li><a href=\"#" + id + "\">" + esc(title) + "</a></li>\n";
        };
        item("summary", w(t_summary));
        item("tree", w(t_tree));
        for (std::size_t g = 0; g < report_groups.size(); ++g)
            if (!r_.tactical[g].empty())
                item("group-" + std::to_string(g + 1), group_name(g));
        item("findings", w(t_findings));
        item("appendix", w(t_appendix));
        out_ += "</ol>\n</nav>\n</header>\n";
    }

    // The status: an icon of its own shape plus the words, coloured too (readable without colour).
    std::string status_cell(const report_line& l, const std::string& label) const {
        const char* cls = "s-none";
        const char* icon = "○";
        if (l.status) {
            if (*l.status > 0)
                cls = "s-on", icon = "✔";
            else if (*l.status == 0)
                cls = "s-risk", icon = "▲";
            else
                cls = "s-off", icon = "✖";
        }
        return "<td class=\"status " + std::string(cls) + "\" data-label=\"" + esc(label) +
               "\"><span class=\"sw\"><span class=\"icon\" aria-hidden=\"true\">" + icon + "</span>" +
               esc(status_words(l, lang_)) + "</span></td>";
    }

    struct column {
        std::string title;
        std::string cls; // id, num, wrap or ""
    };

    void table_open(const std::vector<column>& cols, sv extra_class = "") {
        out_ += "<div class=\"table-wrap\"><table class=\"cards";
        if (!extra_class.empty())
            out_ += " " + std::string(extra_class);
        out_ += "\">\n<thead><tr>";
        for (const auto& c : cols)
            out_ += "<th scope=\"col\">" + esc(c.title) + "</th>";
        out_ += "</tr></thead>\n<tbody>\n";
    }
    void table_close() { out_ += "</tbody>\n</table></div>\n"; }
    void td(const column& c, const std::string& content_escaped) {
        out_ += "<td";
        if (!c.cls.empty())
            out_ += " class=\"" + c.cls + "\"";
        out_ += " data-label=\"" + esc(c.title) + "\">" + content_escaped + "</td>";
    }
    void td_text(const column& c, sv s) { td(c, s.empty() ? std::string() : "<bdi>" + esc(s) + "</bdi>"); }

    // The KPI table as the PDF has it (kpi_table in report.cpp), the status and its words in one cell.
    void kpi_table(const std::vector<report_line>& lines, bool with_parent) {
        const auto& as_of = r_.as_of;
        const bool over_time = as_of && std::any_of(lines.begin(), lines.end(),
                                                    [](const report_line& l) { return l.trend.has_value(); });
        std::vector<column> cols{{"ID", "id"}, {"KPI", "wrap"}};
        if (with_parent)
            cols.push_back({w(t_supports), "id"});
        if (!over_time) {
            cols.push_back({w(t_owner), "wrap"});
            cols.push_back({w(t_unit), ""});
            cols.push_back({w(t_baseline), "num"});
            cols.push_back({w(t_target), "num"});
            cols.push_back({w(t_actual), "num"});
        } else {
            cols.push_back({w(t_unit), ""});
            cols.push_back({w(t_target), "num"});
            cols.push_back({w(t_value) + as_of->key, "num"});
            cols.push_back(
                {as_of->previous_key.empty() ? w(t_previous) : w(t_previous) + " " + as_of->previous_key,
                 "num"});
            cols.push_back({w(t_change), "num"});
            cols.push_back({w(t_plan_to_date), "num"});
        }
        cols.push_back({w(t_attainment), "num"});
        cols.push_back({w(t_status), ""});
        if (over_time) {
            cols.push_back({w(t_projection), "num"});
            cols.push_back({w(t_pace), ""});
        }
        cols.push_back({w(t_deadline), "date"});
        table_open(cols, "kpi");
        for (const auto& l : lines) {
            out_ += "<tr data-kpi=\"" + esc(l.id) + "\">";
            std::size_t c = 0;
            td_text(cols[c++], l.id);
            td_text(cols[c++], l.name);
            if (with_parent)
                td_text(cols[c++], l.parent);
            const std::string format = value_format(l);
            if (!over_time) {
                td_text(cols[c++], l.owner);
                td_text(cols[c++], l.unit);
                td(cols[c++], esc(num(l.baseline, format)));
                td(cols[c++], esc(num(l.target, format)));
                td(cols[c++], esc(num(l.actual, format)));
            } else {
                td_text(cols[c++], l.unit);
                td(cols[c++], esc(num(l.target, format)));
                const auto* t = l.trend ? &*l.trend : nullptr;
                td(cols[c++], esc(t ? num(t->value, format) : std::string()));
                td(cols[c++], esc(t ? num(t->previous, format) : std::string()));
                td(cols[c++],
                   esc(t && t->change ? format_number(*t->change, change_format(format, *t->change), lang_)
                                      : std::string()));
                td(cols[c++], esc(num(l.actual, format)));
            }
            td(cols[c++], esc(num(l.attainment, "0.0%")));
            out_ += status_cell(l, cols[c++].title);
            if (over_time) {
                const auto* t = l.trend ? &*l.trend : nullptr;
                td(cols[c++], esc(t ? num(t->projection, format) : std::string()));
                td(cols[c++], esc(t ? pace_words(*t, lang_) : std::string()));
            }
            td_text(cols[c++], l.deadline);
            out_ += "</tr>\n";
        }
        table_close();
    }

    void notes(const std::vector<report_line>& lines) {
        const auto list = data_notes(lines, r_.as_of, lang_);
        if (list.empty())
            return;
        out_ += "<h3>" + esc(w(t_notes)) + "</h3>\n<ul class=\"notes\">\n";
        for (const auto& n : list)
            out_ += "<li>" + esc(n) + "</li>\n";
        out_ += "</ul>\n";
    }

    // The KPI tree: each page of the report's layout as inline SVG (the core's writer), scrolling
    // sideways on a narrow screen.
    void tree() {
        out_ += "<section id=\"tree\">\n<h2>" + esc(w(t_tree)) + "</h2>\n";
        for (std::size_t p = 0; p < r_.tree.pages.size(); ++p) {
            auto svg = tree_page_svg(r_.tree, p);
            if (svg.rfind("<?xml", 0) == 0)
                svg.erase(0, svg.find('\n') + 1);
            // Inline SVG in HTML needs no namespace (and the page names no address).
            constexpr std::string_view ns = " xmlns=\"http://www.w3.org/2000/svg\"";
            if (const auto at = svg.find(ns); at != std::string::npos)
                svg.erase(at, ns.size());
            out_ += "<div class=\"tree\">" + svg + "</div>\n";
        }
        out_ += "</section>\n";
    }

    void summary() {
        out_ += "<section id=\"summary\">\n<h2>" + esc(w(t_summary)) + "</h2>\n";
        std::vector<const report_line*> all;
        for (const auto& l : r_.strategic)
            all.push_back(&l);
        std::string intro = r_.strategic.empty() ? w(t_no_strategic) : status_sentence(all, lang_);
        if (r_.as_of)
            intro += w(t_reporting_period) + r_.as_of->key + w(t_from) + r_.as_of->keys.front() + ".";
        out_ += "<p>" + esc(intro) + "</p>\n";
        if (!r_.strategic.empty())
            kpi_table(r_.strategic, false);
        if (!r_.trend_notes.empty()) {
            out_ += "<ul class=\"notes\">\n";
            for (const auto& n : r_.trend_notes)
                out_ += "<li>" + esc(n) + "</li>\n";
            out_ += "</ul>\n";
        }
        notes(r_.strategic);
        const bool moves = r_.as_of.has_value();
        if (moves || !r_.goals_without_tactical.empty()) {
            out_ += "<h3>" + esc(w(t_moved) + (r_.as_of ? " " + r_.as_of->key : std::string())) + "</h3>\n";
            if (moves) {
                if (r_.moved.empty()) {
                    out_ += "<p>" + esc(w(t_no_move)) + "</p>\n";
                } else {
                    out_ += "<p>" + esc(w(t_largest)) + "</p>\n";
                    const std::vector<column> cols{{"ID", "id"},
                                                   {"KPI", "wrap"},
                                                   {w(t_previous) + " " + r_.as_of->previous_key, "num"},
                                                   {w(t_value) + r_.as_of->key, "num"},
                                                   {w(t_change), "num"},
                                                   {w(t_direction), ""}};
                    table_open(cols, "moved");
                    for (const auto& mv : r_.moved) {
                        report_line probe;
                        probe.unit = mv.unit;
                        probe.actual = std::max(std::fabs(mv.previous), std::fabs(mv.value));
                        const auto format = value_format(probe);
                        out_ += "<tr data-kpi=\"" + esc(mv.id) + "\">";
                        td_text(cols[0], mv.id);
                        td_text(cols[1], mv.name);
                        td(cols[2], esc(format_number(mv.previous, format, lang_)));
                        td(cols[3], esc(format_number(mv.value, format, lang_)));
                        td(cols[4], esc(format_number(mv.relative_change,
                                                      change_format("0.0%", mv.relative_change), lang_)));
                        td(cols[5], esc(w(mv.better ? t_better : t_worse)));
                        out_ += "</tr>\n";
                    }
                    table_close();
                }
                if (r_.behind.empty()) {
                    out_ += "<p>" + esc(w(t_none_behind)) + "</p>\n";
                } else {
                    out_ += "<p>" + esc(w(t_behind)) + "</p>\n";
                    const std::vector<column> cols{{"ID", "id"},
                                                   {"KPI", "wrap"},
                                                   {w(t_projection), "num"},
                                                   {w(t_target), "num"},
                                                   {w(t_deadline), "date"}};
                    table_open(cols, "behind");
                    for (const auto& l : r_.behind) {
                        const auto format = value_format(l);
                        out_ += "<tr data-kpi=\"" + esc(l.id) + "\">";
                        td_text(cols[0], l.id);
                        td_text(cols[1], l.name);
                        td(cols[2], esc(l.trend ? num(l.trend->projection, format) : std::string()));
                        td(cols[3], esc(num(l.target, format)));
                        td_text(cols[4], l.deadline);
                        out_ += "</tr>\n";
                    }
                    table_close();
                }
            }
            if (r_.goals_without_tactical.empty()) {
                out_ += "<p>" + esc(w(t_goals_served)) + "</p>\n";
            } else {
                out_ += "<p>" + esc(w(t_goals_unserved)) + "</p>\n<ul class=\"notes\">\n";
                for (const auto& [id, name] : r_.goals_without_tactical)
                    out_ += "<li><bdi>" + esc(id) + "</bdi> <bdi>" + esc(name) + "</bdi></li>\n";
                out_ += "</ul>\n";
            }
        }
        if (r_.as_of)
            trend_chart(r_.strategic);
        out_ += "</section>\n";
    }

    void group(std::size_t g) {
        const auto& lines = r_.tactical[g];
        out_ += "<section id=\"group-" + std::to_string(g + 1) + "\">\n<h2>" + esc(group_name(g)) + "</h2>\n";
        std::vector<const report_line*> all;
        for (const auto& l : lines)
            all.push_back(&l);
        out_ += "<p>" + esc(status_sentence(all, lang_)) + "</p>\n";
        kpi_table(lines, true);
        notes(lines);
        const bool over_time = r_.as_of && std::any_of(lines.begin(), lines.end(), [](const report_line& l) {
                                   return l.trend.has_value();
                               });
        if (over_time)
            trend_chart(lines);
        else if (std::any_of(lines.begin(), lines.end(),
                             [](const report_line& l) { return l.attainment.has_value(); }))
            bar_chart(lines);
        out_ += "</section>\n";
    }

    // ---- charts -----------------------------------------------------------------------------

    static constexpr const char* palette[] = {"#1f5fa8", "#c2410c", "#15803d", "#7e22ce", "#a16207",
                                              "#0e7490", "#be185d", "#4d7c0f", "#334155", "#b91c1c"};
    static constexpr const char* dashes[] = {"", "8 4", "2 3", "10 3 2 3", "4 4"};

    // A marker of its own shape per series (circle, square, triangle, diamond, cross), centred on (x, y).
    static std::string marker(std::size_t k, double x, double y, const char* colour) {
        char b[320];
        switch (k % 5) {
        case 0:
            std::snprintf(b, sizeof b, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"%s\"/>", x, y, colour);
            break;
        case 1:
            std::snprintf(b, sizeof b, "<rect x=\"%.1f\" y=\"%.1f\" width=\"8\" height=\"8\" fill=\"%s\"/>",
                          x - 4, y - 4, colour);
            break;
        case 2:
            std::snprintf(b, sizeof b, "<path d=\"M%.1f %.1fl5 8.5h-10z\" fill=\"%s\"/>", x, y - 5, colour);
            break;
        case 3:
            std::snprintf(b, sizeof b, "<path d=\"M%.1f %.1fl5 5 -5 5 -5 -5z\" fill=\"%s\"/>", x, y - 5,
                          colour);
            break;
        default:
            std::snprintf(b, sizeof b,
                          "<path d=\"M%.1f %.1fl8 8m0 -8l-8 8\" stroke=\"%s\" stroke-width=\"2.5\"/>", x - 4,
                          y - 4, colour);
            break;
        }
        return b;
    }

    static std::string legend_swatch(std::size_t k, bool target) {
        std::string s = "<svg width=\"34\" height=\"14\" viewBox=\"0 0 34 14\" aria-hidden=\"true\">";
        if (target) {
            s += "<line x1=\"1\" y1=\"7\" x2=\"33\" y2=\"7\" stroke=\"#111\" stroke-width=\"2\" "
                 "stroke-dasharray=\"6 3\"/>";
        } else {
            const char* colour = palette[k % std::size(palette)];
            s += "<line x1=\"1\" y1=\"7\" x2=\"33\" y2=\"7\" stroke=\"" + std::string(colour) +
                 "\" stroke-width=\"2.5\"" + dash_attr(k) + "/>" + marker(k, 17, 7, colour);
        }
        return s + "</svg>";
    }

    static std::string dash_attr(std::size_t k) {
        const char* d = dashes[(k / std::size(palette)) % std::size(dashes)];
        return *d ? " stroke-dasharray=\"" + std::string(d) + "\"" : std::string();
    }

    static std::string fmt(double v) {
        char b[32];
        std::snprintf(b, sizeof b, "%.1f", v);
        return b;
    }

    // Each KPI's attainment by period (the period's value against the target) and the target line at
    // 100 %, as the PDF's trend chart; its data as a table below it.
    void trend_chart(const std::vector<report_line>& lines) {
        const auto& as_of = *r_.as_of;
        std::vector<const report_line*> series;
        for (const auto& l : lines)
            if (l.trend && std::any_of(l.trend->attainment.begin(), l.trend->attainment.end(),
                                       [](const cell& c) { return c.has_value(); }))
                series.push_back(&l);
        if (series.empty()) {
            out_ += "<p>" + esc(w(t_no_trend_chart)) + "</p>\n";
            return;
        }
        const std::size_t n = as_of.keys.size();
        double top = 1.2;
        for (const auto* l : series)
            for (const auto& a : l->trend->attainment)
                if (a && std::isfinite(*a))
                    top = std::max(top, *a);
        top = std::min(std::ceil(top / 0.25) * 0.25, 10.0); // a wild value does not flatten the rest
        const double left = 56, right = 40, upper = 14, lower = 40, width = 800, height = 320;
        const double plot_w = width - left - right, plot_h = height - upper - lower;
        auto x_at = [&](std::size_t k) {
            return left +
                   (n == 1 ? plot_w / 2 : plot_w * static_cast<double>(k) / static_cast<double>(n - 1));
        };
        auto y_at = [&](double v) { return upper + plot_h * (1 - std::clamp(v, 0.0, top) / top); };
        const std::string id = "chart-" + std::to_string(++svg_ids_);
        out_ += "<figure class=\"chart trend\" aria-labelledby=\"" + id + "-cap\">\n<figcaption id=\"" + id +
                "-cap\">" + esc(w(t_trend_title)) + "</figcaption>\n";
        out_ += "<svg viewBox=\"0 0 800 320\" role=\"img\" aria-labelledby=\"" + id + "-title\">";
        out_ += "<title id=\"" + id + "-title\">" + esc(w(t_trend_title)) + "</title>";
        out_ += "<rect x=\"0\" y=\"0\" width=\"800\" height=\"320\" fill=\"#fff\"/>";
        // grid and value axis
        const double step = top <= 1.5 ? 0.25 : top <= 3 ? 0.5 : 1.0;
        for (double v = 0; v <= top + 1e-9; v += step) {
            const auto y = fmt(y_at(v));
            out_ += "<line x1=\"" + fmt(left) + "\" y1=\"" + y + "\" x2=\"" + fmt(width - right) +
                    "\" y2=\"" + y + "\" stroke=\"#ddd\"/>";
            out_ += "<text x=\"" + fmt(left - 6) + "\" y=\"" + fmt(y_at(v) + 4) +
                    "\" font-size=\"12\" text-anchor=\"end\" fill=\"#333\">" +
                    esc(format_number(v, "0%", lang_)) + "</text>";
        }
        // period axis: every label when they fit, else every k-th
        const std::size_t every = std::max<std::size_t>(1, (n + 11) / 12);
        for (std::size_t k = 0; k < n; k += every)
            out_ += "<text x=\"" + fmt(x_at(k)) + "\" y=\"" + fmt(height - lower + 18) +
                    "\" font-size=\"12\" text-anchor=\"middle\" fill=\"#333\">" + esc(as_of.keys[k]) +
                    "</text>";
        out_ += "<line x1=\"" + fmt(left) + "\" y1=\"" + fmt(y_at(0)) + "\" x2=\"" + fmt(width - right) +
                "\" y2=\"" + fmt(y_at(0)) + "\" stroke=\"#333\"/>";
        // the target line
        out_ += "<line x1=\"" + fmt(left) + "\" y1=\"" + fmt(y_at(1)) + "\" x2=\"" + fmt(width - right) +
                "\" y2=\"" + fmt(y_at(1)) +
                "\" stroke=\"#111\" stroke-width=\"2\" stroke-dasharray=\"6 3\"/>";
        for (std::size_t j = 0; j < series.size(); ++j) {
            const char* colour = palette[j % std::size(palette)];
            const auto& att = series[j]->trend->attainment;
            std::string path;
            bool pen = false;
            for (std::size_t k = 0; k < att.size() && k < n; ++k) {
                if (!att[k] || !std::isfinite(*att[k])) {
                    pen = false; // a gap where a period has no value
                    continue;
                }
                path += (pen ? "L" : "M") + fmt(x_at(k)) + " " + fmt(y_at(*att[k]));
                pen = true;
            }
            out_ += "<g><title>" + esc(series[j]->id) + "</title>";
            if (!path.empty())
                out_ += "<path d=\"" + path + "\" fill=\"none\" stroke=\"" + colour +
                        "\" stroke-width=\"2.5\"" + dash_attr(j) + "/>";
            for (std::size_t k = 0; k < att.size() && k < n; ++k)
                if (att[k] && std::isfinite(*att[k]))
                    out_ += marker(j, x_at(k), y_at(*att[k]), colour);
            out_ += "</g>";
        }
        out_ += "</svg>\n<ul class=\"legend\">";
        for (std::size_t j = 0; j < series.size(); ++j)
            out_ += "<li>" + legend_swatch(j, false) + " <bdi>" + esc(series[j]->id) + "</bdi></li>";
        out_ += "<li>" + legend_swatch(0, true) + " " + esc(w(t_target_line)) + "</li></ul>\n";
        // the chart's data
        std::vector<column> cols{{w(t_period_col), "id"}};
        for (const auto* l : series)
            cols.push_back({l->id, "num"});
        cols.push_back({w(t_target_line), "num"});
        out_ += "<h3>" + esc(w(t_trend_data)) + "</h3>\n";
        table_open(cols, "chart-data");
        for (std::size_t k = 0; k < n; ++k) {
            out_ += "<tr>";
            td_text(cols[0], as_of.keys[k]);
            for (std::size_t j = 0; j < series.size(); ++j) {
                const auto& a = series[j]->trend->attainment;
                td(cols[1 + j],
                   k < a.size() && a[k] ? esc(format_number(*a[k], "0%", lang_)) : std::string());
            }
            td(cols.back(), esc(format_number(1.0, "0%", lang_)));
            out_ += "</tr>\n";
        }
        table_close();
        out_ += "</figure>\n";
    }

    // Attainment per KPI as horizontal bars from 0 %, the target at 100 %, each bar labelled.
    void bar_chart(const std::vector<report_line>& lines) {
        double top = 1.2;
        for (const auto& l : lines)
            if (l.attainment && std::isfinite(*l.attainment))
                top = std::max(top, *l.attainment);
        top = std::min(std::ceil(top / 0.25) * 0.25, 10.0);
        const double left = 90, right = 70, row_h = 26, upper = 10;
        const double width = 800, plot_w = width - left - right;
        const double height = upper + row_h * static_cast<double>(lines.size()) + 30;
        auto x_at = [&](double v) { return left + plot_w * std::clamp(v, 0.0, top) / top; };
        const std::string id = "chart-" + std::to_string(++svg_ids_);
        out_ += "<figure class=\"chart bars\" aria-labelledby=\"" + id + "-cap\">\n<figcaption id=\"" + id +
                "-cap\">" + esc(w(t_bar_title)) + "</figcaption>\n";
        out_ += "<svg viewBox=\"0 0 800 " + fmt(height) + "\" role=\"img\" aria-labelledby=\"" + id +
                "-title\"><title id=\"" + id + "-title\">" + esc(w(t_bar_title)) + "</title>";
        const double bottom = upper + row_h * static_cast<double>(lines.size());
        const double step = top <= 1.5 ? 0.25 : top <= 3 ? 0.5 : 1.0;
        for (double v = 0; v <= top + 1e-9; v += step)
            out_ += "<line x1=\"" + fmt(x_at(v)) + "\" y1=\"" + fmt(upper) + "\" x2=\"" + fmt(x_at(v)) +
                    "\" y2=\"" + fmt(bottom) + "\" stroke=\"#ddd\"/><text x=\"" + fmt(x_at(v)) + "\" y=\"" +
                    fmt(bottom + 18) + "\" font-size=\"12\" text-anchor=\"middle\" fill=\"#333\">" +
                    esc(format_number(v, "0%", lang_)) + "</text>";
        for (std::size_t i = 0; i < lines.size(); ++i) {
            const auto& l = lines[i];
            const double y = upper + row_h * static_cast<double>(i);
            out_ += "<text x=\"" + fmt(left - 6) + "\" y=\"" + fmt(y + 17) +
                    "\" font-size=\"12\" text-anchor=\"end\" fill=\"#111\">" + esc(l.id) + "</text>";
            if (!l.attainment)
                continue;
            const char* colour = !l.status        ? "#777"
                                 : *l.status > 0  ? "#1b7a34"
                                 : *l.status == 0 ? "#b07800"
                                                  : "#b42318";
            out_ += "<rect x=\"" + fmt(left) + "\" y=\"" + fmt(y + 5) + "\" width=\"" +
                    fmt(x_at(*l.attainment) - left) + "\" height=\"16\" fill=\"" + colour + "\"><title>" +
                    esc(l.id) + "</title></rect>";
            out_ += "<text x=\"" + fmt(x_at(*l.attainment) + 4) + "\" y=\"" + fmt(y + 17) +
                    "\" font-size=\"12\" fill=\"#111\">" + esc(format_number(*l.attainment, "0.0%", lang_)) +
                    "</text>";
        }
        out_ += "<line x1=\"" + fmt(x_at(1)) + "\" y1=\"" + fmt(upper - 4) + "\" x2=\"" + fmt(x_at(1)) +
                "\" y2=\"" + fmt(bottom) + "\" stroke=\"#111\" stroke-width=\"2\" stroke-dasharray=\"6 3\"/>";
        out_ += "</svg>\n<ul class=\"legend\"><li>" + legend_swatch(0, true) + " " + esc(w(t_target_line)) +
                "</li></ul>\n</figure>\n";
    }

    // ---- findings and appendix ------------------------------------------------------------------

    void findings() {
        out_ += "<section id=\"findings\">\n<h2>" + esc(w(t_findings)) + "</h2>\n";
        out_ += "<p>" +
                esc(std::to_string(r_.flagged_count) + w(t_of) + std::to_string(r_.kpi_count) +
                    w(t_flagged_sentence)) +
                "</p>\n";
        if (r_.findings.empty()) {
            out_ += "<p>" + esc(w(t_none_flagged)) + "</p>\n";
        } else {
            const std::vector<column> cols{{"ID", "id"},     {"KPI", "wrap"},
                                           {w(t_link), ""},  {w(t_link_problem), "wrap"},
                                           {"SMART", "num"}, {w(t_smart_failed), "wrap"}};
            table_open(cols, "findings");
            for (const auto& f : r_.findings) {
                out_ += "<tr data-kpi=\"" + esc(f.id) + "\">";
                td_text(cols[0], f.id);
                td_text(cols[1], f.name);
                td(cols[2], esc(to_string(f.link)));
                td(cols[3], esc(f.link_problem));
                td(cols[4], esc(std::to_string(f.smart) + "/5"));
                td(cols[5], esc(f.smart_issues));
                out_ += "</tr>\n";
            }
            table_close();
        }
        if (!r_.warnings.empty()) {
            out_ += "<h3>" + esc(w(t_warnings)) + "</h3>\n<ul class=\"notes\">\n";
            for (const auto& warning : r_.warnings)
                out_ += "<li>" + esc(warning) + "</li>\n";
            out_ += "</ul>\n";
        }
        out_ += "</section>\n";
    }

    void appendix() {
        out_ += "<section id=\"appendix\">\n<h2>" + esc(w(t_appendix)) + "</h2>\n<p>" +
                esc(w(t_appendix_intro)) + "</p>\n";
        const std::vector<column> cols{{"ID", "id"},
                                       {"KPI", "wrap"},
                                       {w(t_level), ""},
                                       {w(t_unit), ""},
                                       {w(t_function), "id"},
                                       {w(t_formula), "wrap"},
                                       {w(t_definition_source), "wrap"},
                                       {w(t_data_source), "wrap"}};
        if (r_.strategic.empty() && r_.tactical_count() == 0) {
            out_ += "</section>\n";
            return;
        }
        table_open(cols, "appendix");
        auto add = [&](const report_line& l, bool strategic) {
            out_ += "<tr data-kpi=\"" + esc(l.id) + "\">";
            td_text(cols[0], l.id);
            td_text(cols[1], l.name);
            td(cols[2], esc(w(strategic ? t_strategic : t_tactical)));
            td_text(cols[3], l.unit);
            if (l.function) {
                td(cols[4], esc(l.function->display));
                td(cols[5], esc(l.function->formula));
                td(cols[6], esc(l.function->source));
            } else {
                td(cols[4], "—");
                td(cols[5], esc(w(t_not_catalog)));
                td(cols[6], "");
            }
            td_text(cols[7], l.source);
            out_ += "</tr>\n";
        };
        for (const auto& l : r_.strategic)
            add(l, true);
        for (const auto& g : r_.tactical)
            for (const auto& l : g)
                add(l, false);
        table_close();
        out_ += "</section>\n";
    }
};

} // namespace

std::string html_escape(std::string_view s) {
    std::string out;
    out.reserve(s.size() + s.size() / 8);
    for (std::size_t i = 0; i < s.size();) {
        const auto cp = decode(s, i);
        switch (cp) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        case '\'':
            out += "&#39;";
            break;
        default:
            append_utf8(out, allowed(cp) ? cp : 0xFFFDu);
        }
    }
    return out;
}

std::string format_number(double value, std::string_view code, std::string_view language) {
    if (!std::isfinite(value))
        return "—";
    // Sections "positive;negative;zero": the negative one shows the magnitude.
    std::string_view section = code;
    double v = value;
    if (const auto first = code.find(';'); first != std::string_view::npos) {
        const auto second = code.find(';', first + 1);
        const auto pos = code.substr(0, first);
        const auto neg = code.substr(first + 1, second == std::string_view::npos ? std::string_view::npos
                                                                                 : second - first - 1);
        const auto zero = second == std::string_view::npos ? pos : code.substr(second + 1);
        if (value > 0)
            section = pos;
        else if (value < 0)
            section = neg, v = -value;
        else
            section = zero;
    }
    // A literal prefix before the digits ("+", "-") and the digit pattern.
    const auto digits = section.find_first_of("#0");
    const std::string prefix(section.substr(0, digits == std::string_view::npos ? 0 : digits));
    const auto pattern = digits == std::string_view::npos ? section : section.substr(digits);
    const bool percent = pattern.find('%') != std::string_view::npos;
    const bool grouping = pattern.find(',') != std::string_view::npos;
    std::size_t decimals = 0;
    if (const auto point = pattern.find('.'); point != std::string_view::npos)
        while (point + 1 + decimals < pattern.size() && pattern[point + 1 + decimals] == '0')
            ++decimals;
    if (percent)
        v *= 100;
    bool negative = false;
    if (v < 0 && code.find(';') == std::string_view::npos)
        negative = true, v = -v;
    // Half away from zero, as Calc rounds.
    const double scale = std::pow(10.0, static_cast<double>(decimals));
    const double rounded = std::round(v * scale) / scale;
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", static_cast<int>(decimals), rounded);
    std::string plain = buffer;
    if (negative && rounded == 0)
        negative = false; // no "-0"
    const auto dot = plain.find('.');
    std::string whole = plain.substr(0, dot);
    const std::string fraction = dot == std::string::npos ? std::string() : plain.substr(dot + 1);
    const bool vi = is_vi(language);
    if (grouping && whole.size() > 3) {
        std::string grouped;
        const std::size_t lead = whole.size() % 3 == 0 ? 3 : whole.size() % 3;
        grouped = whole.substr(0, lead);
        for (std::size_t i = lead; i < whole.size(); i += 3)
            grouped += (vi ? "." : ",") + whole.substr(i, 3);
        whole = grouped;
    }
    std::string out = prefix + (negative ? "-" : "") + whole;
    if (!fraction.empty())
        out += (vi ? "," : ".") + fraction;
    if (percent)
        out += "%";
    return out;
}

std::string html_report(const report& r) {
    return page(r).build();
}

void write_file_atomically(const std::filesystem::path& target, std::string_view bytes) {
    namespace fs = std::filesystem;
    const fs::path folder = target.has_parent_path() ? target.parent_path() : fs::path(".");
    const fs::path temp = folder / ("." + target.filename().string() + ".part-" + std::to_string(::getpid()));
    {
        std::ofstream out(temp, std::ios::binary | std::ios::trunc);
        if (!out)
            throw fs::filesystem_error("cannot create the temporary file", temp,
                                       std::error_code(errno ? errno : EIO, std::generic_category()));
        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        out.flush();
        if (!out) {
            std::error_code ignored;
            fs::remove(temp, ignored);
            throw fs::filesystem_error("cannot write the temporary file", temp,
                                       std::error_code(errno ? errno : EIO, std::generic_category()));
        }
    }
    std::error_code ec;
    fs::rename(temp, target, ec);
    if (ec) {
        std::error_code ignored;
        fs::remove(temp, ignored);
        throw fs::filesystem_error("cannot replace the file", temp, target, ec);
    }
}

} // namespace kpi
