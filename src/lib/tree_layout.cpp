#include "kpi/utf8.hpp"
#include "kpi/tree_layout.hpp"

#include "kpi/targets.hpp"
#include "kpi/text_fold.hpp"
#include "kpi/xml_escape.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>

namespace kpi {
namespace {

using sv = std::string_view;

bool is_vi(sv language) noexcept {
    return language.substr(0, 2) == "vi";
}

constexpr double mm_per_pt = 25.4 / 72.0;

// ---- UTF-8 ------------------------------------------------------------------------------------

struct code_point {
    std::uint32_t cp = 0;
    std::size_t begin = 0, end = 0; // bytes
};

// The next code point of well-formed UTF-8 at `i`; 0xFFFD for one bad byte.
code_point next_code_point(sv s, std::size_t i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80)
        return {c, i, i + 1};
    const std::size_t len = (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
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
    if (!ok)
        return {0xFFFD, i, i + 1};
    return {cp, i, i + len};
}

// A code point that belongs to the character before it (combining marks, variation selectors,
// emoji modifiers and tags).
bool extends(std::uint32_t cp) noexcept {
    return (cp >= 0x300 && cp <= 0x36F) || (cp >= 0x1AB0 && cp <= 0x1AFF) || (cp >= 0x1DC0 && cp <= 0x1DFF) ||
           (cp >= 0x20D0 && cp <= 0x20FF) || (cp >= 0xFE00 && cp <= 0xFE0F) ||
           (cp >= 0x1F3FB && cp <= 0x1F3FF) || (cp >= 0xE0020 && cp <= 0xE007F) || cp == 0x200D;
}

bool wide(std::uint32_t cp) noexcept {
    return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2600 && cp <= 0x27BF) ||
           (cp >= 0x2E80 && cp <= 0xA4CF) || (cp >= 0xAC00 && cp <= 0xD7A3) ||
           (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFF00 && cp <= 0xFF60) ||
           (cp >= 0x1F000 && cp <= 0x1FAFF) || (cp >= 0x20000 && cp <= 0x3FFFD);
}

// Width of a code point in em, generous for DejaVu Sans (the widest usual sans font).
double em_of(std::uint32_t cp) noexcept {
    if (extends(cp))
        return 0;
    if (cp == ' ')
        return 0.34;
    if (cp < 0x80) {
        const char c = static_cast<char>(cp);
        if (sv("iljtfr.,;:'!|()[]").find(c) != sv::npos)
            return 0.42;
        if (sv("MWmw@%&").find(c) != sv::npos)
            return 1.0;
        if (c >= 'A' && c <= 'Z')
            return 0.78;
        return 0.66;
    }
    if (wide(cp))
        return 1.3;
    return 0.8;
}

// Clusters: a base code point with the code points that extend it (and a ZWJ's next one).
struct cluster {
    std::size_t begin = 0, end = 0;
    double em = 0;
    bool space = false;
};

std::vector<cluster> clusters_of(sv s) {
    std::vector<cluster> out;
    bool joined = false;
    for (std::size_t i = 0; i < s.size();) {
        const code_point p = next_code_point(s, i);
        if (!out.empty() && (extends(p.cp) || joined)) {
            out.back().end = p.end;
            out.back().em += em_of(p.cp); // a joined emoji counts (as text_width_mm does)
            joined = p.cp == 0x200D;
        } else {
            out.push_back({p.begin, p.end, em_of(p.cp), p.cp == ' '});
            joined = false;
        }
        i = p.end;
    }
    return out;
}

double em_width(sv s) {
    double em = 0;
    for (std::size_t i = 0; i < s.size();) {
        const code_point p = next_code_point(s, i);
        em += em_of(p.cp);
        i = p.end;
    }
    return em;
}

constexpr sv ellipsis = "\xE2\x80\xA6"; // …

// ---- numbers ------------------------------------------------------------------------------------

std::string group_digits(std::string digits, char sep) {
    std::string out;
    const std::size_t n = digits.size();
    for (std::size_t i = 0; i < n; ++i) {
        if (i > 0 && (n - i) % 3 == 0)
            out += sep;
        out += digits[i];
    }
    return out;
}

// 12500 -> "12,500" (vi "12.500"); 0.125 -> "0.13"; decimals only below 1000, at most two, trimmed.
std::string format_number(double v, sv lang, int decimals) {
    if (!std::isfinite(v))
        return "—";
    const bool vi = is_vi(lang);
    const bool negative = v < 0;
    double a = std::fabs(v);
    if (a >= 1000)
        decimals = 0;
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, a);
    std::string s = buffer;
    std::string whole = s, frac;
    if (const auto dot = s.find('.'); dot != std::string::npos) {
        whole = s.substr(0, dot);
        frac = s.substr(dot + 1);
        while (!frac.empty() && frac.back() == '0')
            frac.pop_back();
    }
    std::string out = negative && (whole != "0" || !frac.empty()) ? "-" : "";
    out += group_digits(whole, vi ? '.' : ',');
    if (!frac.empty())
        out += (vi ? ',' : '.') + frac;
    return out;
}

bool percent_unit(sv unit) {
    return unit.find('%') != sv::npos;
}

std::string format_value(std::optional<double> v, sv unit, sv lang) {
    if (!v)
        return "—";
    if (percent_unit(unit))
        return format_number(*v * 100, lang, 1) + "%";
    return format_number(*v, lang, 2);
}

// ---- layout -------------------------------------------------------------------------------------

// Children of a goal are grouped: sub-goals, the three tactical groups, no group.
int group_rank(const kpi_row& r) noexcept {
    if (r.level == kpi_level::strategic)
        return 0;
    switch (r.group) {
    case kpi_group::acquisition_cost:
        return 1;
    case kpi_group::digital_seo:
        return 2;
    case kpi_group::customer_value:
        return 3;
    default:
        return 4;
    }
}

text group_rank_title(int rank) noexcept {
    switch (rank) {
    case 0:
        return {"Sub-goals", "Mục tiêu con"};
    case 1:
        return group_title(kpi_group::acquisition_cost);
    case 2:
        return group_title(kpi_group::digital_seo);
    case 3:
        return group_title(kpi_group::customer_value);
    default:
        return {"No group", "Chưa có nhóm"};
    }
}

lane_reason reason_of(link_code c) noexcept {
    switch (c) {
    case link_code::unlinked:
        return lane_reason::unlinked;
    case link_code::broken:
        return lane_reason::broken;
    case link_code::cycle:
        return lane_reason::cycle;
    case link_code::inverted:
        return lane_reason::inverted;
    case link_code::noroot:
        return lane_reason::noroot;
    case link_code::duplicate:
        return lane_reason::duplicate;
    case link_code::nolevel:
        return lane_reason::nolevel;
    case link_code::ok:
        break;
    }
    return lane_reason::outside;
}

// One line of a column before placement: a label or a box.
struct entry {
    bool is_label = false;
    std::string text; // label
    tree_label_kind label_kind = tree_label_kind::group;
    std::size_t row = 0; // box
    int depth = 0;
    std::size_t parent = SIZE_MAX; // index of the parent's entry in the same sequence
    tree_box_kind kind = tree_box_kind::kpi;
    std::optional<lane_reason> reason;
};

class builder {
  public:
    builder(const audit_report& audit, const tree_options& o) : audit_(audit), reg_(audit.reg()), o_(o) {
        lang_ = o_.language;
        top_ = o_.margin + 14;
        bottom_ = o_.page_height - o_.margin;
        content_w_ = o_.page_width - 2 * o_.margin;
        depth_cap_ = std::max(0, static_cast<int>(std::floor((content_w_ - o_.box_width) / o_.indent)));
        label_h_ = o_.font_pt * mm_per_pt * 1.6;
    }

    tree_layout run() {
        tree_layout out;
        out.options = o_;
        out.kpi_count = reg_.size();
        const std::size_t n = reg_.size();
        const auto& rows = audit_.rows();

        // Children of OK rows, in register order; roots: OK strategic rows without a parent row.
        std::vector<std::vector<std::size_t>> children(n);
        std::vector<std::size_t> roots;
        for (std::size_t i = 0; i < n; ++i) {
            const auto& l = rows[i].link;
            if (l.code != link_code::ok)
                continue;
            if (l.parent != no_row && rows[l.parent].link.code == link_code::ok)
                children[l.parent].push_back(i);
            else if (l.parent == no_row && reg_[i].level == kpi_level::strategic)
                roots.push_back(i);
        }
        for (auto& c : children)
            std::stable_sort(c.begin(), c.end(), [&](std::size_t a, std::size_t b) {
                return group_rank(reg_[a]) < group_rank(reg_[b]);
            });
        std::vector<bool> lonely(n, false);
        for (const std::size_t g : goals_without_tactical(audit_))
            lonely[g] = true;
        lonely_ = &lonely;

        std::vector<bool> placed(n, false);
        for (const std::size_t root : roots) {
            std::vector<entry> seq;
            seq.push_back({false, {}, tree_label_kind::group, root, 0, SIZE_MAX, tree_box_kind::goal, {}});
            placed[root] = true;
            // Depth first without recursion: a stack of (row, its entry, next child).
            struct frame {
                std::size_t row, entry, next;
                int depth;
            };
            std::vector<frame> stack{{root, 0, 0, 0}};
            int last_rank = -1;
            while (!stack.empty()) {
                frame& f = stack.back();
                if (f.next >= children[f.row].size()) {
                    stack.pop_back();
                    continue;
                }
                const std::size_t child = children[f.row][f.next++];
                if (placed[child])
                    continue;
                placed[child] = true;
                if (f.depth == 0) {
                    const int rank = group_rank(reg_[child]);
                    if (rank != last_rank) {
                        entry label;
                        label.is_label = true;
                        label.text = std::string(group_rank_title(rank).in(lang_));
                        label.depth = 1;
                        seq.push_back(std::move(label));
                        last_rank = rank;
                    }
                }
                const std::size_t parent_entry = f.entry;
                const int depth = f.depth + 1;
                seq.push_back(
                    {false, {}, tree_label_kind::group, child, depth, parent_entry, tree_box_kind::kpi, {}});
                stack.push_back({child, seq.size() - 1, 0, depth});
            }
            place_sequence(seq, false);
            ++out.goal_count;
        }

        // The lane: every row not placed, by reason, in register order.
        std::array<std::vector<std::size_t>, 8> lane;
        for (std::size_t i = 0; i < n; ++i)
            if (!placed[i])
                lane[static_cast<std::size_t>(reason_of(rows[i].link.code))].push_back(i);
        std::vector<entry> seq;
        for (std::size_t r = 0; r < lane.size(); ++r) {
            if (lane[r].empty())
                continue;
            entry label;
            label.is_label = true;
            label.label_kind = tree_label_kind::lane_section;
            label.text = std::string(lane_reason_title(static_cast<lane_reason>(r)).in(lang_));
            seq.push_back(std::move(label));
            for (const std::size_t i : lane[r]) {
                seq.push_back({false,
                               {},
                               tree_label_kind::group,
                               i,
                               0,
                               SIZE_MAX,
                               tree_box_kind::lane_kpi,
                               static_cast<lane_reason>(r)});
                ++out.lane_count;
            }
        }
        if (!seq.empty())
            place_sequence(seq, true);

        if (pages_.empty())
            pages_.emplace_back();
        // Titles and messages.
        const std::string title =
            o_.title.empty() ? std::string(is_vi(lang_) ? "Cây KPI" : "KPI tree") : o_.title;
        for (std::size_t p = 0; p < pages_.size(); ++p) {
            std::string t = title;
            if (pages_.size() > 1)
                t += is_vi(lang_)
                         ? " — trang " + std::to_string(p + 1) + "/" + std::to_string(pages_.size())
                         : " — page " + std::to_string(p + 1) + " of " + std::to_string(pages_.size());
            pages_[p].labels.insert(pages_[p].labels.begin(),
                                    tree_label{tree_label_kind::title, t, o_.margin, o_.margin + 5, 12});
        }
        std::string message;
        if (n == 0)
            message = is_vi(lang_) ? "Bảng KPI chưa có KPI nào." : "The register has no KPIs.";
        else if (out.goal_count == 0)
            message = is_vi(lang_)
                          ? "Bảng KPI không có mục tiêu chiến lược nào được liên kết đúng: mọi KPI nằm ở làn "
                            "\"chưa liên kết\"."
                          : "The register has no correctly linked strategic goal: every KPI is in the "
                            "\"not linked\" lane.";
        if (!message.empty())
            pages_[0].labels.push_back(
                tree_label{tree_label_kind::message, message, o_.margin, o_.margin + 11, 9});
        out.pages = std::move(pages_);
        return out;
    }

  private:
    // A new column at least `width` wide: on this page when it fits, else on a new page.
    void new_column(double width) {
        if (pages_.empty() || x_ + width > o_.page_width - o_.margin + 1e-9) {
            pages_.emplace_back();
            x_ = o_.margin;
        }
        col_x_ = x_;
        x_ += width + o_.column_gap;
        y_ = top_;
    }

    double column_width(const std::vector<entry>& seq) const {
        int depth = 0;
        for (const auto& e : seq)
            if (!e.is_label)
                depth = std::max(depth, std::min(e.depth, depth_cap_));
        return o_.box_width + depth * o_.indent;
    }

    // Places a goal's sequence (or the lane's) into as many columns as it needs.
    void place_sequence(const std::vector<entry>& seq, bool lane) {
        const double width = column_width(seq);
        new_column(width);
        std::vector<std::size_t> box_of(seq.size(), SIZE_MAX); // entry -> box index on its page
        std::vector<std::size_t> page_of(seq.size(), SIZE_MAX);
        std::size_t head = SIZE_MAX; // the continuation box of this column, when there is one
        const tree_label lane_title{
            tree_label_kind::lane_title,
            std::string(is_vi(lang_) ? "Chưa liên kết với mục tiêu" : "Not linked to a goal"), 0, 0, 10};
        auto start_column = [&](bool continued) {
            if (continued)
                new_column(width);
            head = SIZE_MAX;
            if (lane) {
                tree_label t = lane_title;
                if (continued)
                    t.text += is_vi(lang_) ? " (tiếp)" : " (continued)";
                t.x = col_x_;
                t.y = y_ + 4;
                pages_.back().labels.push_back(std::move(t));
                y_ += 7;
            } else if (continued) {
                head = add_box(seq[0].row, tree_box_kind::continuation, 0, std::nullopt);
                y_ += o_.box_height + o_.row_gap;
            }
        };
        start_column(false);
        for (std::size_t k = 0; k < seq.size(); ++k) {
            const entry& e = seq[k];
            if (e.is_label) {
                // A label keeps the next box on its column.
                if (y_ + label_h_ + o_.box_height > bottom_ + 1e-9)
                    start_column(true);
                tree_label l{e.label_kind, e.text,
                             col_x_ + (lane ? 0 : std::min(e.depth, depth_cap_) * o_.indent),
                             y_ + label_h_ * 0.75, o_.font_pt};
                pages_.back().labels.push_back(std::move(l));
                y_ += label_h_;
                continue;
            }
            if (y_ + o_.box_height > bottom_ + 1e-9)
                start_column(true);
            const std::size_t b = add_box(e.row, e.kind, e.depth, e.reason);
            box_of[k] = b;
            page_of[k] = pages_.size() - 1;
            if (e.kind == tree_box_kind::goal && (*lonely_)[e.row]) {
                // The mark under a goal no tactical KPI serves.
                const auto lines = fit_text(is_vi(lang_) ? "Chưa có KPI chiến thuật nào phục vụ mục tiêu này"
                                                         : "No tactical KPI serves this goal",
                                            o_.box_width, o_.font_pt, 2);
                double ly = y_ + o_.box_height + label_h_ * 0.75;
                for (const auto& line : lines) {
                    pages_.back().labels.push_back({tree_label_kind::mark, line, col_x_, ly, o_.font_pt});
                    ly += label_h_ * 0.8;
                }
                y_ += label_h_ * 0.8 * static_cast<double>(lines.size()) + 1;
            }
            y_ += o_.box_height + o_.row_gap;
            if (e.parent == SIZE_MAX)
                continue;
            // The edge: from the parent's box when it is in this column, else from the column's head.
            const bool same_column = page_of[e.parent] == pages_.size() - 1 && box_of[e.parent] != SIZE_MAX &&
                                     pages_.back().boxes[box_of[e.parent]].x >= col_x_ - 1e-9 &&
                                     pages_.back().boxes[box_of[e.parent]].x < col_x_ + width;
            const std::size_t from = same_column ? box_of[e.parent] : head;
            if (from == SIZE_MAX)
                continue;
            add_edge(from, b);
        }
    }

    std::size_t add_box(std::size_t row, tree_box_kind kind, int depth, std::optional<lane_reason> reason) {
        tree_box box;
        box.kind = kind;
        box.row = row;
        box.grid_row = reg_[row].grid_row;
        box.id = sanitise_text(reg_[row].id);
        box.full_name = sanitise_text(reg_.text(row, column::name));
        const double inner = o_.box_width - 4;
        box.label = fit_text(box.full_name, inner, o_.font_pt, 2);
        const sv unit = reg_.text(row, column::unit);
        std::string detail = format_value(reg_[row].actual.value, unit, lang_) + " / " +
                             format_value(reg_[row].target.value, unit, lang_);
        if (!unit.empty() && !percent_unit(unit))
            detail += " " + sanitise_text(unit);
        const auto fitted = fit_text(detail, inner, o_.font_pt, 1);
        box.detail = fitted.empty() ? std::string() : fitted[0];
        box.status = kpi_tree_status(reg_, row);
        box.link = audit_.rows()[row].link.code;
        box.reason = reason;
        box.no_tactical =
            (kind == tree_box_kind::goal || kind == tree_box_kind::continuation) && (*lonely_)[row];
        box.depth = depth;
        box.x = col_x_ + std::min(depth, depth_cap_) * o_.indent;
        box.y = y_;
        box.w = o_.box_width;
        box.h = o_.box_height;
        pages_.back().boxes.push_back(std::move(box));
        return pages_.back().boxes.size() - 1;
    }

    // Parent's bottom, down its trunk (half an indent in from its left side), right into the child.
    void add_edge(std::size_t from, std::size_t to) {
        auto& page = pages_.back();
        const tree_box& p = page.boxes[from];
        const tree_box& c = page.boxes[to];
        tree_edge e;
        e.from = from;
        e.to = to;
        const double trunk = p.x + o_.indent / 2;
        const double mid = c.y + c.h / 2;
        if (c.x > trunk + 1e-9) {
            e.route = {{trunk, p.y + p.h}, {trunk, mid}, {c.x, mid}};
        } else { // deeper than the page allows to indent: straight down
            e.route = {{c.x + c.w / 2, p.y + p.h}, {c.x + c.w / 2, c.y}};
        }
        page.edges.push_back(std::move(e));
    }

    const audit_report& audit_;
    const kpi_register& reg_;
    tree_options o_;
    std::string lang_;
    const std::vector<bool>* lonely_ = nullptr;
    std::vector<tree_page> pages_;
    double top_ = 0, bottom_ = 0, content_w_ = 0, label_h_ = 0;
    double x_ = 0, y_ = 0, col_x_ = 0;
    int depth_cap_ = 0;
};

// ---- SVG ----------------------------------------------------------------------------------------

std::string hex_colour(std::uint32_t rgb) {
    char buffer[8];
    std::snprintf(buffer, sizeof buffer, "#%06X", static_cast<unsigned>(rgb & 0xFFFFFF));
    return buffer;
}

std::string num(double v) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.2f", v);
    std::string s = buffer;
    while (s.back() == '0')
        s.pop_back();
    if (s.back() == '.')
        s.pop_back();
    return s;
}

// XML text: escaped, and characters XML 1.0 forbids (sanitise_text removed them already) kept out.
std::string esc(sv s) {
    return xml_escape(sanitise_text(s));
}

void svg_text(std::string& o, double x, double y, double pt, sv t, bool bold, std::uint32_t colour) {
    o += "<text x=\"" + num(x) + "\" y=\"" + num(y) + "\" font-size=\"" + num(pt * mm_per_pt) + "\"";
    if (bold)
        o += " font-weight=\"bold\"";
    if (colour != 0)
        o += " fill=\"" + hex_colour(colour) + "\"";
    o += ">" + esc(t) + "</text>\n";
}

void svg_page(std::string& o, const tree_layout& layout, const tree_page& page, double dy) {
    const auto& opt = layout.options;
    const bool vi = is_vi(opt.language);
    o += "<g transform=\"translate(0 " + num(dy) + ")\">\n";
    o += "<rect x=\"0\" y=\"0\" width=\"" + num(opt.page_width) + "\" height=\"" + num(opt.page_height) +
         "\" fill=\"#FFFFFF\" stroke=\"#BBBBBB\" stroke-width=\"0.3\"/>\n";
    for (const auto& e : page.edges) {
        o += "<polyline fill=\"none\" stroke=\"#666666\" stroke-width=\"0.35\" points=\"";
        for (std::size_t k = 0; k < e.route.size(); ++k)
            o += (k ? " " : "") + num(e.route[k].x) + "," + num(e.route[k].y);
        o += "\"/>\n";
    }
    for (const auto& l : page.labels) {
        const bool bold = l.kind == tree_label_kind::title || l.kind == tree_label_kind::lane_title ||
                          l.kind == tree_label_kind::lane_section;
        const std::uint32_t colour =
            l.kind == tree_label_kind::lane_title || l.kind == tree_label_kind::lane_section ? 0xC00000
            : l.kind == tree_label_kind::message || l.kind == tree_label_kind::mark          ? 0x9C5700
                                                                                             : 0x333333;
        svg_text(o, l.x, l.y, l.pt, l.text, bold, colour);
    }
    for (const auto& b : page.boxes) {
        const status_colours c = colours_of(b.status);
        o += "<g class=\"kpi " + std::string(to_string(b.status)) + "\" data-row=\"" +
             std::to_string(b.grid_row + 1) + "\">\n<title>" + esc(b.id) +
             (b.full_name.empty() ? "" : " — " + esc(b.full_name)) + " (" +
             esc(status_title(b.status).in(opt.language)) +
             (b.link != link_code::ok ? ", " + std::string(to_string(b.link)) : std::string()) +
             ")</title>\n";
        const bool lane = b.kind == tree_box_kind::lane_kpi;
        const bool goal = b.kind == tree_box_kind::goal || b.kind == tree_box_kind::continuation;
        o += "<rect x=\"" + num(b.x) + "\" y=\"" + num(b.y) + "\" width=\"" + num(b.w) + "\" height=\"" +
             num(b.h) + "\" rx=\"1.5\" fill=\"" + hex_colour(c.fill) + "\" stroke=\"" +
             (lane            ? "#C00000"
              : b.no_tactical ? "#E46C0A"
                              : "#555555") +
             "\" stroke-width=\"" + (goal ? "0.7" : "0.35") + "\"" +
             (lane || b.no_tactical ? " stroke-dasharray=\"1.5 1\"" : "") + "/>\n";
        const double x = b.x + 2;
        double y = b.y + 2 + (opt.font_pt + 1) * mm_per_pt;
        std::string id_line = b.id;
        if (b.kind == tree_box_kind::continuation)
            id_line += vi ? " (tiếp)" : " (continued)";
        svg_text(o, x, y, opt.font_pt + 1, fit_text(id_line, b.w - 4, opt.font_pt + 1, 1, true).front(), true,
                 c.text);
        const double line = opt.font_pt * mm_per_pt * 1.3;
        for (const auto& l : b.label) {
            y += line;
            svg_text(o, x, y, opt.font_pt, l, false, 0x222222);
        }
        svg_text(o, x, b.y + b.h - 2, opt.font_pt, b.detail, false, c.text);
        o += "</g>\n";
    }
    o += "</g>\n";
}

std::string svg_head(double w, double h) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" "
           "version=\"1.1\" "
           "width=\"" +
           num(w) + "mm\" height=\"" + num(h) + "mm\" viewBox=\"0 0 " + num(w) + " " + num(h) +
           "\" font-family=\"DejaVu Sans, Liberation Sans, Arial, sans-serif\">\n";
}

} // namespace

std::string_view to_string(tree_status s) noexcept {
    switch (s) {
    case tree_status::none:
        return "none";
    case tree_status::on_track:
        return "on_track";
    case tree_status::at_risk:
        return "at_risk";
    case tree_status::off_track:
        return "off_track";
    }
    return "";
}

text status_title(tree_status s) noexcept {
    switch (s) {
    case tree_status::on_track:
        return {"On track", "Đạt"};
    case tree_status::at_risk:
        return {"At risk", "Có rủi ro"};
    case tree_status::off_track:
        return {"Off track", "Không đạt"};
    case tree_status::none:
        break;
    }
    return {"No status", "Chưa có trạng thái"};
}

status_colours colours_of(tree_status s) noexcept {
    // LibreOffice's cell styles Good, Neutral and Bad, which the Dashboard's status words use.
    switch (s) {
    case tree_status::on_track:
        return {0xCCFFCC, 0x006600};
    case tree_status::at_risk:
        return {0xFFFFCC, 0x996600};
    case tree_status::off_track:
        return {0xFFCCCC, 0xCC0000};
    case tree_status::none:
        break;
    }
    return {0xEEEEEE, 0x444444};
}

text lane_reason_title(lane_reason r) noexcept {
    switch (r) {
    case lane_reason::unlinked:
        return {"No parent (UNLINKED)", "Chưa có KPI cha (UNLINKED)"};
    case lane_reason::broken:
        return {"Parent not found (BROKEN)", "Không tìm thấy KPI cha (BROKEN)"};
    case lane_reason::cycle:
        return {"Loop of parents (CYCLE)", "Vòng lặp KPI cha (CYCLE)"};
    case lane_reason::inverted:
        return {"Strategic under tactical (INVERTED)", "Chiến lược nằm dưới chiến thuật (INVERTED)"};
    case lane_reason::noroot:
        return {"Does not reach a goal (NOROOT)", "Không tới mục tiêu chiến lược (NOROOT)"};
    case lane_reason::duplicate:
        return {"Duplicate ID (DUPLICATE)", "Mã bị trùng (DUPLICATE)"};
    case lane_reason::nolevel:
        return {"Level missing (NOLEVEL)", "Thiếu cấp độ (NOLEVEL)"};
    case lane_reason::outside:
        return {"Parent is not linked", "KPI cha chưa được liên kết"};
    }
    return {"", ""};
}

std::size_t tree_layout::box_count() const noexcept {
    std::size_t n = 0;
    for (const auto& p : pages)
        n += p.boxes.size();
    return n;
}

std::size_t tree_layout::edge_count() const noexcept {
    std::size_t n = 0;
    for (const auto& p : pages)
        n += p.edges.size();
    return n;
}

tree_status kpi_tree_status(const kpi_register& reg, std::size_t i) {
    const kpi_row& r = reg[i];
    if (!r.actual.value || !r.target.value || *r.target.value == 0)
        return tree_status::none;
    const auto s = status(*r.actual.value, *r.target.value, r.direction == kpi_direction::lower_is_better);
    if (!s.ok())
        return tree_status::none;
    return s.value() > 0    ? tree_status::on_track
           : s.value() == 0 ? tree_status::at_risk
                            : tree_status::off_track;
}

std::string sanitise_text(std::string_view utf8) {
    std::string out;
    out.reserve(utf8.size());
    for (std::size_t i = 0; i < utf8.size();) {
        const code_point p = next_code_point(utf8, i);
        const bool control = p.cp < 0x20 || (p.cp >= 0x7F && p.cp < 0xA0) || p.cp == 0xFFFE || p.cp == 0xFFFF;
        if (control)
            out += ' ';
        else if (p.cp == 0xFFFD && p.end - p.begin == 1 && static_cast<unsigned char>(utf8[i]) >= 0x80)
            append_utf8(out, 0xFFFD);
        else
            out.append(utf8.substr(p.begin, p.end - p.begin));
        i = p.end;
    }
    return std::string(trim(out));
}

double text_width_mm(std::string_view utf8, double pt, bool bold) {
    return em_width(utf8) * pt * mm_per_pt * (bold ? 1.1 : 1.0);
}

std::vector<std::string> fit_text(std::string_view input, double width_mm, double pt, std::size_t max_lines,
                                  bool bold) {
    std::vector<std::string> lines;
    if (max_lines == 0)
        return lines;
    const std::string s = sanitise_text(input);
    const double scale = pt * mm_per_pt * (bold ? 1.1 : 1.0);
    const double width_em = width_mm / scale;
    const auto cl = clusters_of(s);
    // Greedy wrapping at spaces; a word wider than the line is cut between characters.
    std::string line;
    double used = 0;
    bool more = false; // text left over after max_lines
    std::size_t k = 0;
    while (k < cl.size()) {
        if (cl[k].space) {
            ++k;
            continue;
        }
        std::size_t end = k;
        double word = 0;
        while (end < cl.size() && !cl[end].space)
            word += cl[end++].em;
        const double space = line.empty() ? 0 : em_of(' ');
        if (used + space + word <= width_em + 1e-9) {
            if (!line.empty())
                line += ' ';
            line.append(s, cl[k].begin, cl[end - 1].end - cl[k].begin);
            used += space + word;
            k = end;
            continue;
        }
        if (!line.empty()) { // the word goes on the next line
            lines.push_back(std::move(line));
            line.clear();
            used = 0;
            if (lines.size() == max_lines) {
                more = true;
                break;
            }
            continue;
        }
        // A word alone wider than the line: as many characters as fit.
        while (k < end && used + cl[k].em <= width_em + 1e-9) {
            line.append(s, cl[k].begin, cl[k].end - cl[k].begin);
            used += cl[k].em;
            ++k;
        }
        if (line.empty()) { // not even one character fits: take it anyway
            line.append(s, cl[k].begin, cl[k].end - cl[k].begin);
            ++k;
        }
        lines.push_back(std::move(line));
        line.clear();
        used = 0;
        if (lines.size() == max_lines && k < cl.size()) {
            more = true;
            break;
        }
    }
    if (!more && !line.empty())
        lines.push_back(std::move(line));
    if (more) {
        for (; k < cl.size() && cl[k].space; ++k) {
        }
        more = k < cl.size();
    }
    if (more && !lines.empty()) {
        // Shorten the last line until it holds "…".
        std::string& last = lines.back();
        const double dots = em_width(ellipsis);
        auto lc = clusters_of(last);
        double w = 0;
        for (const auto& c : lc)
            w += c.em;
        while (!lc.empty() && w + dots > width_em + 1e-9) {
            w -= lc.back().em;
            last.erase(lc.back().begin);
            lc.pop_back();
        }
        while (!last.empty() && last.back() == ' ')
            last.pop_back();
        last += ellipsis;
    }
    return lines;
}

tree_layout layout_tree(const audit_report& audit, const tree_options& options) {
    tree_options o = options;
    if (!(o.font_pt >= o.min_font_pt))
        o.font_pt = o.min_font_pt;
    if (o.language.empty())
        o.language = "en";
    return builder(audit, o).run();
}

std::string tree_page_svg(const tree_layout& layout, std::size_t page) {
    const auto& o = layout.options;
    std::string s = svg_head(o.page_width, o.page_height);
    if (page < layout.pages.size())
        svg_page(s, layout, layout.pages[page], 0);
    s += "</svg>\n";
    return s;
}

std::string tree_svg(const tree_layout& layout) {
    const auto& o = layout.options;
    const double gap = 10;
    const std::size_t n = std::max<std::size_t>(layout.pages.size(), 1);
    std::string s =
        svg_head(o.page_width, o.page_height * static_cast<double>(n) + gap * static_cast<double>(n - 1));
    s.reserve(4096 + layout.box_count() * 900);
    for (std::size_t p = 0; p < layout.pages.size(); ++p)
        svg_page(s, layout, layout.pages[p], static_cast<double>(p) * (o.page_height + gap));
    s += "</svg>\n";
    return s;
}

} // namespace kpi
