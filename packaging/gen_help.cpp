// Writes the help shipped in the .oxt: static HTML pages in English and Vietnamese.
//   gen_help OUTPUT_DIR DOCS_DIR
// OUTPUT_DIR/help.css, OUTPUT_DIR/{en,vi}/index.html, one page per catalog function
// (fn-<NAME>.html: formula, arguments, source, example, errors, all from the catalog) and one page per
// topic (register.html, smart.html, wizard.html, import.html, report.html). A topic's English text is
// taken from sections of docs/*.md, its Vietnamese text from docs/vi/<topic>.md, both converted here
// from the small Markdown subset the docs use. Pages have no script and no external URL.
#include <kpi/catalog.hpp>
#include <kpi/catalog_text.hpp>

#include <array>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace {

namespace fs = std::filesystem;
using kpi::text;

std::string esc(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (char c : s) {
        switch (c) {
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
            out += c;
        }
    }
    return out;
}

// ---- the topics -------------------------------------------------------------------------------

struct topic {
    std::string_view id; // the page: <id>.html
    text title;
    text summary; // one line on the index
    std::string_view en_file;
    std::vector<std::string_view>
        en_sections; // headings that start the sections taken ("#intro": before the first ##)
};

const std::vector<topic>& topics() {
    static const std::vector<topic> list{
        {"register",
         {"The KPI register and the link codes", "Bảng KPI và các mã liên kết"},
         {"The columns of a register, how values are read, and the audit's link codes (OK, UNLINKED, BROKEN, "
          "CYCLE, INVERTED, NOROOT...).",
          "Các cột của bảng KPI, cách đọc giá trị, và các mã liên kết của phép kiểm tra (OK, UNLINKED, "
          "BROKEN, "
          "CYCLE, INVERTED, NOROOT...)."},
         "register.md",
         {"## The table", "### Example", "### Numbers typed as text", "### Deadlines",
          "## Link rules and codes"}},
        {"smart",
         {"The SMART check", "Kiểm tra SMART"},
         {"The five SMART criteria, their reasons and the consistency of definitions.",
          "Năm tiêu chí SMART, các lý do không đạt và tính nhất quán của định nghĩa."},
         "register.md",
         {"## SMART", "## Definition consistency"}},
        {"wizard",
         {"The New KPI workbook wizard", "Trình hướng dẫn tạo sổ KPI mới"},
         {"KPI Marketing > New KPI workbook...: the four steps and the sheets it builds.",
          "KPI Marketing > Sổ KPI mới...: bốn bước và các trang tính được tạo."},
         "workbook.md",
         {"#intro", "### Using the wizard", "## The sheets"}},
        {"import",
         {"Importing channel data", "Nhập dữ liệu kênh"},
         {"KPI Marketing > Import channel data...: the exports it reads (Meta Ads, Google Ads, GA4, Search "
          "Console, TikTok Ads, Zalo OA, plain CSV) and what it writes.",
          "KPI Marketing > Nhập dữ liệu kênh...: các tệp xuất được đọc (Meta Ads, Google Ads, GA4, Search "
          "Console, TikTok Ads, Zalo OA, CSV thường) và những gì được ghi vào sổ."},
         "import.md",
         {"#intro", "## What it does to the workbook", "## Recognised exports", "## Numbers, dates, rows",
          "## Errors"}},
        {"report",
         {"KPI reports and copies for sharing", "Báo cáo KPI và bản sao để chia sẻ"},
         {"KPI Marketing > Export KPI report... and Copy for sharing...: formats, contents, where the "
          "numbers come "
          "from.",
          "KPI Marketing > Xuất báo cáo KPI... và Tạo bản sao để chia sẻ...: định dạng, nội dung, nguồn của "
          "các "
          "con số."},
         "report.md",
         {"#intro", "## From the menu", "## From the command line", "## What the report contains",
          "## Copy for sharing"}},
    };
    return list;
}

// Links between the docs become links between the help pages; any other link keeps only its text.
std::string help_target(std::string_view target) {
    const auto hash = target.find('#');
    const std::string_view file = target.substr(0, hash);
    const std::string_view base =
        file.substr(file.rfind('/') == std::string_view::npos ? 0 : file.rfind('/') + 1);
    if (base == "functions.md")
        return "index.html";
    if (base == "workbook.md")
        return "wizard.html";
    for (const auto& t : topics())
        if (base == std::string(t.id) + ".md")
            return std::string(t.id) + ".html";
    return {};
}

// ---- Markdown subset to HTML ------------------------------------------------------------------

bool word_char(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || (c & 0x80);
}

std::string inline_md(std::string_view s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        const char prev = i ? s[i - 1] : ' ';
        if (c == '\\' && i + 1 < s.size() && std::ispunct(static_cast<unsigned char>(s[i + 1]))) {
            out += esc(s.substr(++i, 1));
        } else if (c == '`') {
            const auto end = s.find('`', i + 1);
            if (end == std::string_view::npos) {
                out += esc("`");
                continue;
            }
            out += "<code>" + esc(s.substr(i + 1, end - i - 1)) + "</code>";
            i = end;
        } else if (c == '*' && i + 1 < s.size() && s[i + 1] == '*') {
            const auto end = s.find("**", i + 2);
            if (end == std::string_view::npos) {
                out += "**";
                ++i;
                continue;
            }
            out += "<strong>" + inline_md(s.substr(i + 2, end - i - 2)) + "</strong>";
            i = end + 1;
        } else if (c == '*' && !word_char(prev) && prev != '`' && i + 1 < s.size() && s[i + 1] != ' ') {
            std::size_t end = i + 1;
            while ((end = s.find('*', end + 1)) != std::string_view::npos)
                if (s[end - 1] != ' ' && (end + 1 == s.size() || !word_char(s[end + 1])))
                    break;
            if (end == std::string_view::npos) {
                out += "*";
                continue;
            }
            out += "<em>" + inline_md(s.substr(i + 1, end - i - 1)) + "</em>";
            i = end;
        } else if (c == '[') {
            const auto mid = s.find("](", i);
            const auto end = mid == std::string_view::npos ? mid : s.find(')', mid);
            if (end == std::string_view::npos) {
                out += "[";
                continue;
            }
            const std::string label = inline_md(s.substr(i + 1, mid - i - 1));
            const std::string target = help_target(s.substr(mid + 2, end - mid - 2));
            out += target.empty() ? label : "<a href=\"" + esc(target) + "\">" + label + "</a>";
            i = end;
        } else {
            out += esc(s.substr(i, 1));
        }
    }
    return out;
}

std::string trim(std::string_view s) {
    const auto b = s.find_first_not_of(" \t");
    if (b == std::string_view::npos)
        return {};
    return std::string(s.substr(b, s.find_last_not_of(" \t") - b + 1));
}

std::vector<std::string> table_cells(std::string_view line) {
    std::vector<std::string> cells;
    std::string cell;
    const std::string t = trim(line);
    for (std::size_t i = 1; i < t.size(); ++i) {
        if (t[i] == '\\' && i + 1 < t.size() && t[i + 1] == '|') {
            cell += '|';
            ++i;
        } else if (t[i] == '|') {
            cells.push_back(trim(cell));
            cell.clear();
        } else {
            cell += t[i];
        }
    }
    if (!trim(cell).empty())
        cells.push_back(trim(cell));
    return cells;
}

bool list_item(std::string_view line, std::string& rest, bool& numbered) {
    const std::string t = trim(line);
    if (t.size() > 2 && (t[0] == '-' || t[0] == '*') && t[1] == ' ') {
        rest = t.substr(2);
        numbered = false;
        return true;
    }
    std::size_t d = 0;
    while (d < t.size() && std::isdigit(static_cast<unsigned char>(t[d])))
        ++d;
    if (d > 0 && d + 1 < t.size() && t[d] == '.' && t[d + 1] == ' ') {
        rest = t.substr(d + 2);
        numbered = true;
        return true;
    }
    return false;
}

int heading_level(std::string_view line) {
    int level = 0;
    while (level < static_cast<int>(line.size()) && line[static_cast<std::size_t>(level)] == '#')
        ++level;
    return level > 0 && level < 7 && static_cast<std::size_t>(level) < line.size() &&
                   line[static_cast<std::size_t>(level)] == ' '
               ? level
               : 0;
}

std::string markdown_to_html(const std::vector<std::string>& lines) {
    std::ostringstream out;
    std::string paragraph;
    std::vector<std::string> items;
    bool numbered = false; // the list's first item was "1. "
    const auto flush = [&] {
        if (!paragraph.empty()) {
            std::string html = inline_md(paragraph); // the whole paragraph: code spans may cross lines
            for (std::size_t at; (at = html.find('\x01')) != std::string::npos;)
                html.replace(at, 1, "<br>");
            out << "<p>" << html << "</p>\n";
        }
        paragraph.clear();
        if (!items.empty()) {
            out << (numbered ? "<ol>\n" : "<ul>\n");
            for (const auto& item : items)
                out << "<li>" << inline_md(item) << "</li>\n";
            out << (numbered ? "</ol>\n" : "</ul>\n");
        }
        items.clear();
    };
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const std::string& line = lines[i];
        const std::string t = trim(line);
        std::string rest;
        bool item_numbered = false;
        if (t.empty()) {
            flush();
        } else if (t.rfind("<!--", 0) == 0) { // a comment for the docs' maintainers
            while (i < lines.size() && lines[i].find("-->") == std::string::npos)
                ++i;
        } else if (t.rfind("```", 0) == 0) {
            flush();
            out << "<pre><code>";
            while (++i < lines.size() && trim(lines[i]).rfind("```", 0) != 0)
                out << esc(lines[i]) << "\n";
            out << "</code></pre>\n";
        } else if (const int level = heading_level(t)) {
            flush();
            out << "<h" << level << ">" << inline_md(trim(t.substr(static_cast<std::size_t>(level)))) << "</h"
                << level << ">\n";
        } else if (t[0] == '|') {
            flush();
            out << "<div class=\"table\"><table>\n<thead><tr>";
            std::vector<std::string> labels; // a narrow screen shows each row as a card, cells labelled
            for (const auto& cell : table_cells(t)) {
                out << "<th>" << inline_md(cell) << "</th>";
                std::string label;
                for (char c : cell)
                    if (c != '`' && c != '*')
                        label += c;
                labels.push_back(esc(label));
            }
            out << "</tr></thead>\n<tbody>\n";
            if (i + 1 < lines.size() && trim(lines[i + 1]).rfind("|-", 0) == 0)
                ++i;
            while (i + 1 < lines.size() && !trim(lines[i + 1]).empty() && trim(lines[i + 1])[0] == '|') {
                out << "<tr>";
                std::size_t column = 0;
                for (const auto& cell : table_cells(lines[++i])) {
                    out << "<td data-label=\"" << (column < labels.size() ? labels[column] : std::string())
                        << "\">" << inline_md(cell) << "</td>";
                    ++column;
                }
                out << "</tr>\n";
            }
            out << "</tbody></table></div>\n";
        } else if (list_item(line, rest, item_numbered)) {
            if (!paragraph.empty())
                flush();
            if (items.empty())
                numbered = item_numbered;
            items.push_back(rest);
        } else if (!items.empty()) {
            items.back() += " " + t; // a list item's continuation line
        } else {
            if (!paragraph.empty())
                paragraph += lines[i - 1].ends_with("  ") ? "\x01\n" : "\n";
            paragraph += t;
        }
    }
    flush();
    return out.str();
}

std::vector<std::string> read_lines(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in)
        throw std::runtime_error("cannot read " + file.string());
    std::vector<std::string> lines;
    for (std::string line; std::getline(in, line);) {
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        lines.push_back(line);
    }
    return lines;
}

// The lines of the sections of a document that start with the given headings, each up to the next
// heading; "#intro" is the text between the document's title and its first heading. The sections'
// headings are kept (one level up when they are ### under a page whose title is the h1).
std::vector<std::string> sections(const fs::path& file, const std::vector<std::string_view>& starts) {
    const auto lines = read_lines(file);
    std::vector<std::string> out;
    for (const auto start : starts) {
        std::size_t i = 0;
        if (start == "#intro") {
            while (i < lines.size() && heading_level(lines[i]) != 1)
                ++i;
            ++i;
        } else {
            while (i < lines.size() && !(heading_level(lines[i]) && lines[i].rfind(start, 0) == 0))
                ++i;
            if (i == lines.size())
                throw std::runtime_error(file.string() + " has no section \"" + std::string(start) +
                                         "\" (the help page needs it: update packaging/gen_help.cpp)");
            const int level = heading_level(lines[i]);
            out.push_back(std::string(static_cast<std::size_t>(level > 2 ? 2 : level), '#') +
                          lines[i].substr(static_cast<std::size_t>(level)));
            ++i;
        }
        bool fenced = false;
        for (; i < lines.size(); ++i) {
            if (trim(lines[i]).rfind("```", 0) == 0)
                fenced = !fenced;
            if (!fenced && heading_level(lines[i]))
                break;
            out.push_back(lines[i]);
        }
        out.emplace_back();
    }
    return out;
}

// ---- pages --------------------------------------------------------------------------------------

struct language {
    std::string_view code;  // folder and html lang
    std::string_view other; // the other language's folder
    text other_name;        // the link to the same page in the other language
};
constexpr std::array<language, 2> languages{
    {{"en", "vi", {"Tiếng Việt", "Tiếng Việt"}}, {"vi", "en", {"English", "English"}}}};

const text t_product{"Marketing KPI", "Marketing KPI"};
const text t_help{"Help", "Trợ giúp"};
const text t_index{"Help index", "Mục lục trợ giúp"};
const text t_intro{
    "Marketing KPI for LibreOffice Calc adds marketing KPI functions to the cells, audits a KPI "
    "register (every tactical KPI must serve a strategic goal; every KPI should be SMART), builds a "
    "ready KPI workbook, imports channel data and writes reports. These pages are installed with "
    "the extension and work offline.",
    "Marketing KPI cho LibreOffice Calc thêm các hàm KPI marketing vào ô tính, kiểm tra bảng KPI "
    "(mọi KPI chiến thuật phải phục vụ một mục tiêu chiến lược; mọi KPI nên đạt SMART), tạo sẵn "
    "một sổ KPI, nhập dữ liệu kênh và xuất báo cáo. Các trang này được cài cùng tiện ích mở rộng "
    "và dùng được khi không có mạng."};
const text t_topics{"Topics", "Chủ đề"};
const text t_functions{"Functions", "Hàm"};
const text t_functions_intro{
    "Type them in a cell like any Calc function, e.g. =KPI.CPL(B2;C2). Rates and shares are fractions "
    "(0.05 is 5 %: format the cell as a percentage).",
    "Gõ vào ô như mọi hàm của Calc, ví dụ =KPI.CPL(B2;C2). Các tỷ lệ là phân số (0,05 là 5 %: định dạng ô "
    "theo phần trăm)."};
const text t_formula{"Formula", "Công thức"};
const text t_syntax{"Syntax", "Cú pháp"};
const text t_arguments{"Arguments", "Đối số"};
const text t_no_arguments{"None.", "Không có."};
const text t_kind{"Kind", "Kiểu"};
const text t_default{"Default", "Mặc định"};
const text t_accepts{"Accepts", "Giá trị hợp lệ"};
const text t_source{"Source", "Nguồn"};
const text t_example{"Example", "Ví dụ"};
const text t_gives{"gives", "cho kết quả"};
const text t_errors{"Errors", "Lỗi"};
const text t_group{"Group", "Nhóm"};
const text t_optional_note{"[ ] marks an optional argument.", "[ ] đánh dấu đối số tùy chọn."};

void write_page(const fs::path& dir, const language& lang, std::string_view page, std::string_view title,
                const std::string& body) {
    const std::string_view l = lang.code;
    std::ofstream out(dir / page, std::ios::binary);
    out << "<!DOCTYPE html>\n<html lang=\"" << l << "\">\n<head>\n<meta charset=\"utf-8\">\n"
        << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        << "<title>" << esc(title) << " - " << esc(t_product.in(l)) << " " << esc(t_help.in(l))
        << "</title>\n"
        << "<link rel=\"stylesheet\" href=\"../help.css\">\n</head>\n<body>\n"
        << "<nav><a href=\"index.html\">" << esc(t_index.in(l)) << "</a> <a class=\"lang\" href=\"../"
        << lang.other << "/" << page << "\" hreflang=\"" << lang.other << "\">" << esc(lang.other_name.in(l))
        << "</a></nav>\n"
        << "<main>\n"
        << body << "</main>\n</body>\n</html>\n";
    if (!out)
        throw std::runtime_error("cannot write " + (dir / page).string());
}

constexpr std::array groups{kpi::function_group::strategic, kpi::function_group::acquisition,
                            kpi::function_group::digital,   kpi::function_group::customer,
                            kpi::function_group::targets,   kpi::function_group::audit,
                            kpi::function_group::tools};

std::string group_id(kpi::function_group g) {
    return "group-" + std::to_string(static_cast<int>(g));
}

std::string function_page(const kpi::function_info& f) {
    return "fn-" + std::string(f.name) + ".html";
}

std::string syntax(const kpi::function_info& f, std::string_view l) {
    std::string s = std::string(f.display) + "(";
    bool first = true;
    for (const auto& p : f.params) {
        const bool optional = !kpi::param_default_text(p, l).empty();
        s += (first ? "" : "; ") + std::string(optional ? "[" : "") + std::string(p.display.in(l)) +
             (optional ? "]" : "");
        first = false;
    }
    return s + ")";
}

std::string function_body(const kpi::function_info& f, std::string_view l) {
    std::ostringstream b;
    b << "<h1>" << esc(f.display) << "</h1>\n<p class=\"lead\">" << esc(f.description.in(l)) << "</p>\n";
    b << "<h2>" << esc(t_syntax.in(l)) << "</h2>\n<p class=\"syntax\"><code>" << esc(syntax(f, l))
      << "</code></p>\n";
    b << "<h2>" << esc(t_formula.in(l)) << "</h2>\n<p><code>" << esc(f.formula) << "</code></p>\n";
    b << "<h2>" << esc(t_arguments.in(l)) << "</h2>\n";
    if (f.params.empty())
        b << "<p>" << esc(t_no_arguments.in(l)) << "</p>\n";
    else {
        b << "<dl class=\"args\">\n";
        for (const auto& p : f.params) {
            const std::string def = kpi::param_default_text(p, l);
            b << "<dt><code>" << esc(p.display.in(l)) << "</code></dt>\n<dd><p>" << esc(p.description.in(l))
              << "</p>\n<p class=\"meta\">" << esc(t_kind.in(l)) << ": " << esc(kpi::param_kind_text(p, l))
              << ". " << esc(t_accepts.in(l)) << ": " << esc(kpi::domain_text(p.accepts).in(l)) << "."
              << (def.empty() ? "" : " " + esc(t_default.in(l)) + ": " + esc(def) + ".") << "</p></dd>\n";
        }
        b << "</dl>\n<p class=\"meta\">" << esc(t_optional_note.in(l)) << "</p>\n";
    }
    const auto arrow = f.example.find("->");
    b << "<h2>" << esc(t_example.in(l)) << "</h2>\n<p><code>" << esc(trim(f.example.substr(0, arrow)))
      << "</code> " << esc(t_gives.in(l)) << " <code>"
      << esc(arrow == std::string_view::npos ? std::string() : trim(f.example.substr(arrow + 2)))
      << "</code></p>\n";
    b << "<h2>" << esc(t_errors.in(l)) << "</h2>\n<p>" << esc(kpi::error_cases(f, l)) << "</p>\n";
    b << "<h2>" << esc(t_source.in(l)) << "</h2>\n<p>" << esc(f.source) << "</p>\n";
    b << "<p class=\"meta\">" << esc(t_group.in(l)) << ": <a href=\"index.html#" << group_id(f.group) << "\">"
      << esc(kpi::group_title(f.group).in(l)) << "</a></p>\n";
    return b.str();
}

std::string index_body(std::string_view l) {
    std::ostringstream b;
    b << "<h1>" << esc(t_product.in(l)) << ": " << esc(t_help.in(l)) << "</h1>\n<p class=\"lead\">"
      << esc(t_intro.in(l)) << "</p>\n<h2 id=\"topics\">" << esc(t_topics.in(l))
      << "</h2>\n<ul class=\"topics\">\n";
    for (const auto& t : topics())
        b << "<li><a href=\"" << t.id << ".html\">" << esc(t.title.in(l)) << "</a><br>"
          << esc(t.summary.in(l)) << "</li>\n";
    b << "</ul>\n<h2 id=\"functions\">" << esc(t_functions.in(l)) << "</h2>\n<p>"
      << esc(t_functions_intro.in(l)) << "</p>\n";
    for (auto g : groups) {
        b << "<h3 id=\"" << group_id(g) << "\">" << esc(kpi::group_title(g).in(l))
          << "</h3>\n<ul class=\"functions\">\n";
        for (const auto& f : kpi::catalog())
            if (f.group == g)
                b << "<li><a href=\"" << function_page(f) << "\">" << esc(f.display) << "</a> "
                  << esc(f.description.in(l)) << "</li>\n";
        b << "</ul>\n";
    }
    return b.str();
}

constexpr std::string_view css =
    R"(/* Marketing KPI help: readable from 360 px phones to wide screens, printable. */
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body { margin: 0; font-family: "Noto Sans", "DejaVu Sans", "Liberation Sans", Arial, sans-serif;
       font-size: 16px; line-height: 1.55; color: #1d1d1f; background: #fff; }
nav { display: flex; flex-wrap: wrap; justify-content: space-between; gap: .5rem 1rem;
      padding: .6rem 1rem; background: #1f4e79; }
nav a { color: #fff; font-weight: bold; text-decoration: none; }
nav a:hover, nav a:focus { text-decoration: underline; }
main { max-width: 56rem; margin: 0 auto; padding: 1rem 1rem 3rem; overflow-wrap: break-word; }
h1 { font-size: 1.7rem; line-height: 1.25; margin: .6rem 0 .8rem; color: #1f4e79; }
h2 { font-size: 1.3rem; margin: 1.8rem 0 .6rem; padding-bottom: .2rem; border-bottom: 1px solid #c9d6e3; }
h3 { font-size: 1.1rem; margin: 1.4rem 0 .5rem; }
a { color: #0b5cad; }
p.lead { font-size: 1.08rem; }
p.meta { color: #4a4a4f; font-size: .92rem; margin: .2rem 0; }
code { font-family: "DejaVu Sans Mono", "Liberation Mono", monospace; font-size: .9em; background: #f1f4f8;
       padding: 0 .2em; border-radius: 3px; overflow-wrap: anywhere; }
pre { background: #f1f4f8; padding: .7rem; border-radius: 4px; white-space: pre-wrap; overflow-wrap: anywhere; }
pre code { background: none; padding: 0; }
/* Common monospace fonts lack precomposed Vietnamese letters (ố, ỳ, ...), which then render apart:
   inline code on Vietnamese pages uses the text font, still marked by its background. */
html:lang(vi) :not(pre) > code { font-family: "Noto Sans", "DejaVu Sans", "Liberation Sans", Arial, sans-serif; }
p.syntax code { font-size: 1.05em; }
ul { padding-left: 1.3rem; }
li { margin: .3rem 0; }
dl.args dt { margin-top: .9rem; font-weight: bold; }
dl.args dd { margin: .2rem 0 0 1rem; }
dl.args dd p { margin: .15rem 0; }
div.table { overflow-x: auto; margin: .8rem 0; }
table { border-collapse: collapse; font-size: .93rem; min-width: 100%; }
th, td { border: 1px solid #c9d6e3; padding: .35rem .5rem; text-align: left; vertical-align: top; }
th { background: #e8eef5; }
@media (min-width: 60rem) {
  /* Wide tables (the register's 13 columns) may use more than the text column, centred on it. */
  div.table { width: min(calc(100vw - 2rem), 80rem); position: relative; left: 50%; transform: translateX(-50%); }
}
@media (max-width: 40rem) {
  main { padding: .8rem .75rem 2rem; }
  h1 { font-size: 1.45rem; }
  /* Tables become one card per row, each cell under its column's name. */
  div.table { overflow-x: visible; }
  div.table table, div.table tbody, div.table tr, div.table td { display: block; width: 100%; min-width: 0; }
  div.table thead { display: none; }
  div.table tr { border: 1px solid #c9d6e3; border-radius: 4px; margin: 0 0 .6rem; padding: .3rem .55rem; }
  div.table td { border: none; padding: .12rem 0; }
  div.table td:empty { display: none; }
  div.table td::before { content: attr(data-label) ": "; font-weight: bold; color: #1f4e79; }
}
@media print {
  nav { display: none; }
  a { color: inherit; text-decoration: none; }
  div.table { overflow: visible; }
}
)";

void generate(const fs::path& out_dir, const fs::path& docs_dir) {
    fs::create_directories(out_dir);
    std::ofstream(out_dir / "help.css", std::ios::binary) << css;
    for (const auto& lang : languages) {
        const std::string_view l = lang.code;
        const fs::path dir = out_dir / std::string(l);
        fs::create_directories(dir);
        write_page(dir, lang, "index.html", t_help.in(l), index_body(l));
        for (const auto& f : kpi::catalog())
            write_page(dir, lang, function_page(f), f.display, function_body(f, l));
        for (const auto& t : topics()) {
            const auto lines = l == "en" ? sections(docs_dir / t.en_file, t.en_sections)
                                         : read_lines(docs_dir / "vi" / (std::string(t.id) + ".md"));
            write_page(dir, lang, std::string(t.id) + ".html", t.title.in(l),
                       "<h1>" + esc(t.title.in(l)) + "</h1>\n" + markdown_to_html(lines));
        }
    }
}

} // namespace

int main(int argc, char** argv) {
    if (argc != 3) {
        std::cerr << "usage: gen_help OUTPUT_DIR DOCS_DIR\n";
        return 2;
    }
    try {
        generate(argv[1], argv[2]);
    } catch (const std::exception& e) {
        std::cerr << "gen_help: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
