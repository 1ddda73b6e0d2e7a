#include "register_test_util.hpp"

#include <kpi/text_fold.hpp>
#include <kpi/tree_layout.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

using kpi::tree_box_kind;
using kpi::tree_status;
using kpi_test::make_register;
using kpi_test::row_spec;
using kpi_test::strategic;
using kpi_test::tactical;
using kpi_test::today;

namespace {

constexpr double top = 10 + 14; // margin + title lines
const double label_h = 8 * 25.4 / 72.0 * 1.6;

row_spec in_group(row_spec r, std::string group) {
    r.group = std::move(group);
    return r;
}

row_spec with_name(row_spec r, std::string name) {
    r.name = std::move(name);
    return r;
}

bool valid_utf8(const std::string& s) {
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        const std::size_t len = c < 0x80             ? 1
                                : (c & 0xE0) == 0xC0 ? 2
                                : (c & 0xF0) == 0xE0 ? 3
                                : (c & 0xF8) == 0xF0 ? 4
                                                     : 0;
        if (len == 0 || i + len > s.size())
            return false;
        for (std::size_t k = 1; k < len; ++k)
            if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80)
                return false;
        i += len;
    }
    return true;
}

struct segment {
    double x1, y1, x2, y2;
    std::size_t from;
};

// Axis-aligned segments cross when one's interior meets the other's interior, or when collinear
// segments of edges from different parents overlap.
bool cross(const segment& a, const segment& b) {
    const bool av = a.x1 == a.x2, bv = b.x1 == b.x2;
    auto lo = [](double p, double q) { return std::min(p, q); };
    auto hi = [](double p, double q) { return std::max(p, q); };
    constexpr double eps = 1e-6;
    if (av != bv) {
        const segment& v = av ? a : b;
        const segment& h = av ? b : a;
        return v.x1 > lo(h.x1, h.x2) + eps && v.x1 < hi(h.x1, h.x2) - eps && h.y1 > lo(v.y1, v.y2) + eps &&
               h.y1 < hi(v.y1, v.y2) - eps;
    }
    if (a.from == b.from)
        return false; // one parent's trunk, shared
    if (av && std::fabs(a.x1 - b.x1) < eps)
        return hi(lo(a.y1, a.y2), lo(b.y1, b.y2)) < lo(hi(a.y1, a.y2), hi(b.y1, b.y2)) - eps;
    if (!av && std::fabs(a.y1 - b.y1) < eps)
        return hi(lo(a.x1, a.x2), lo(b.x1, b.x2)) < lo(hi(a.x1, a.x2), hi(b.x1, b.x2)) - eps;
    return false;
}

// The properties every layout has: boxes inside the page and apart, goals (and continuations) in
// the top row, edges joining existing boxes and not crossing, every KPI once, text never below 8 pt.
void check_invariants(const kpi::tree_layout& layout, std::size_t rows) {
    ASSERT_FALSE(layout.pages.empty());
    EXPECT_GE(layout.options.font_pt, 8.0);
    std::vector<int> seen(rows, 0);
    for (const auto& page : layout.pages) {
        const auto& b = page.boxes;
        for (std::size_t i = 0; i < b.size(); ++i) {
            EXPECT_GE(b[i].x, layout.options.margin - 1e-9);
            EXPECT_GE(b[i].y, layout.options.margin - 1e-9);
            EXPECT_LE(b[i].x + b[i].w, layout.options.page_width - layout.options.margin + 1e-9) << b[i].id;
            EXPECT_LE(b[i].y + b[i].h, layout.options.page_height - layout.options.margin + 1e-9) << b[i].id;
            EXPECT_LE(b[i].label.size(), 2u);
            for (const auto& l : b[i].label) {
                EXPECT_TRUE(valid_utf8(l));
                EXPECT_LE(kpi::text_width_mm(l, layout.options.font_pt), b[i].w - 4 + 1e-9) << l;
            }
            if (b[i].kind == tree_box_kind::goal || b[i].kind == tree_box_kind::continuation) {
                EXPECT_DOUBLE_EQ(b[i].y, top) << b[i].id;
            }
            if (b[i].kind != tree_box_kind::continuation) {
                ASSERT_LT(b[i].row, rows);
                ++seen[b[i].row];
            }
            for (std::size_t j = i + 1; j < b.size(); ++j) {
                const bool apart = b[i].x + b[i].w <= b[j].x + 1e-9 || b[j].x + b[j].w <= b[i].x + 1e-9 ||
                                   b[i].y + b[i].h <= b[j].y + 1e-9 || b[j].y + b[j].h <= b[i].y + 1e-9;
                EXPECT_TRUE(apart) << b[i].id << " overlaps " << b[j].id;
            }
        }
        std::vector<segment> segments;
        for (const auto& e : page.edges) {
            ASSERT_LT(e.from, b.size());
            ASSERT_LT(e.to, b.size());
            ASSERT_GE(e.route.size(), 2u);
            // Starts on the parent's bottom edge, ends on the child's left or top edge.
            EXPECT_NEAR(e.route.front().y, b[e.from].y + b[e.from].h, 1e-9);
            const auto& end = e.route.back();
            EXPECT_TRUE(std::fabs(end.x - b[e.to].x) < 1e-9 || std::fabs(end.y - b[e.to].y) < 1e-9);
            for (std::size_t k = 1; k < e.route.size(); ++k)
                segments.push_back({e.route[k - 1].x, e.route[k - 1].y, e.route[k].x, e.route[k].y, e.from});
        }
        for (std::size_t i = 0; i < segments.size(); ++i)
            for (std::size_t j = i + 1; j < segments.size(); ++j)
                EXPECT_FALSE(cross(segments[i], segments[j])) << "segments " << i << " and " << j << " cross";
        for (const auto& l : page.labels)
            EXPECT_GE(l.pt, 8.0);
    }
    for (std::size_t r = 0; r < rows; ++r)
        EXPECT_EQ(seen[r], 1) << "row " << r;
}

const kpi::tree_box* find_box(const kpi::tree_layout& layout, const std::string& id,
                              tree_box_kind kind = tree_box_kind::kpi) {
    for (const auto& p : layout.pages)
        for (const auto& b : p.boxes)
            if (b.id == id && b.kind == kind)
                return &b;
    return nullptr;
}

// (parent ID, child ID) of every edge.
std::set<std::pair<std::string, std::string>> edges_of(const kpi::tree_layout& layout) {
    std::set<std::pair<std::string, std::string>> out;
    for (const auto& p : layout.pages)
        for (const auto& e : p.edges)
            out.insert({p.boxes[e.from].id, p.boxes[e.to].id});
    return out;
}

std::vector<std::string> label_texts(const kpi::tree_layout& layout, kpi::tree_label_kind kind) {
    std::vector<std::string> out;
    for (const auto& p : layout.pages)
        for (const auto& l : p.labels)
            if (l.kind == kind)
                out.push_back(l.text);
    return out;
}

} // namespace

TEST(TreeLayout, GoalOnTopTacticalIndentedUnderItGroupedByGroup) {
    // T3 serves T1; T2 (Digital) is listed in the register before T1 (Acquisition) but its group
    // comes second.
    const auto reg = make_register({strategic("S1"), in_group(tactical("T2", "S1"), "Digital & SEO"),
                                    tactical("T1", "S1"), tactical("T3", "T1")});
    const auto audit = kpi::audit(reg, today);
    const auto layout = kpi::layout_tree(audit);
    check_invariants(layout, reg.size());
    ASSERT_EQ(layout.pages.size(), 1u);
    EXPECT_EQ(layout.goal_count, 1u);
    EXPECT_EQ(layout.lane_count, 0u);
    const auto* s1 = find_box(layout, "S1", tree_box_kind::goal);
    const auto* t1 = find_box(layout, "T1");
    const auto* t2 = find_box(layout, "T2");
    const auto* t3 = find_box(layout, "T3");
    ASSERT_TRUE(s1 && t1 && t2 && t3);
    // Column at the margin; one indent (6 mm) per level.
    EXPECT_DOUBLE_EQ(s1->x, 10);
    EXPECT_DOUBLE_EQ(t1->x, 16);
    EXPECT_DOUBLE_EQ(t3->x, 22);
    EXPECT_DOUBLE_EQ(t2->x, 16);
    // Goal box (18) + gap (3), a group label, T1, T3 (18 + 3 each), a label, T2.
    EXPECT_NEAR(t1->y, top + 21 + label_h, 1e-9);
    EXPECT_NEAR(t3->y, top + 42 + label_h, 1e-9);
    EXPECT_NEAR(t2->y, top + 63 + 2 * label_h, 1e-9);
    EXPECT_EQ(edges_of(layout),
              (std::set<std::pair<std::string, std::string>>{{"S1", "T1"}, {"T1", "T3"}, {"S1", "T2"}}));
    EXPECT_EQ(label_texts(layout, kpi::tree_label_kind::group),
              (std::vector<std::string>{"Acquisition & cost", "Digital & SEO"}));
    // The edge S1 -> T2: down S1's trunk (3 mm in from its left) to T2's middle, right into T2.
    for (const auto& e : layout.pages[0].edges)
        if (layout.pages[0].boxes[e.to].id == "T2") {
            ASSERT_EQ(e.route.size(), 3u);
            EXPECT_DOUBLE_EQ(e.route[0].x, 13);
            EXPECT_DOUBLE_EQ(e.route[0].y, top + 18);
            EXPECT_DOUBLE_EQ(e.route[1].y, t2->y + 9);
            EXPECT_DOUBLE_EQ(e.route[2].x, 16);
        }
    // Groups in Vietnamese.
    kpi::tree_options vi;
    vi.language = "vi";
    const auto layout_vi = kpi::layout_tree(audit, vi);
    EXPECT_EQ(label_texts(layout_vi, kpi::tree_label_kind::group),
              (std::vector<std::string>{"Thu hút & chi phí", "Kênh số & SEO"}));
    EXPECT_EQ(label_texts(layout_vi, kpi::tree_label_kind::title), std::vector<std::string>{"Cây KPI"});
}

TEST(TreeLayout, GoalsSideBySideInTheTopRow) {
    const auto reg =
        make_register({strategic("S1"), strategic("S2"), tactical("T1", "S2"), tactical("T2", "S1")});
    const auto layout = kpi::layout_tree(kpi::audit(reg, today));
    check_invariants(layout, reg.size());
    const auto* s1 = find_box(layout, "S1", tree_box_kind::goal);
    const auto* s2 = find_box(layout, "S2", tree_box_kind::goal);
    ASSERT_TRUE(s1 && s2);
    // Each column: box 50 + one indent 6; then the 8 mm gap.
    EXPECT_DOUBLE_EQ(s1->x, 10);
    EXPECT_DOUBLE_EQ(s2->x, 10 + 56 + 8);
    EXPECT_DOUBLE_EQ(find_box(layout, "T2")->x, 16);
    EXPECT_DOUBLE_EQ(find_box(layout, "T1")->x, 80);
}

TEST(TreeLayout, EveryLinkProblemInTheLaneLabelledWithItsReason) {
    auto nolevel = tactical("L1", "S1");
    nolevel.level = "";
    const auto reg = make_register({
        strategic("S1"), tactical("T1", "S1"), tactical("U1", ""), // UNLINKED
        tactical("B1", "X9"),                                      // BROKEN
        tactical("C1", "C2"), tactical("C2", "C1"),                // CYCLE
        strategic("S2", "T1"),                                     // INVERTED
        tactical("N1", "U1"),                                      // NOROOT
        tactical("D1", "S1"), tactical("D1", "S1"),                // DUPLICATE
        nolevel,                                                   // NOLEVEL
        tactical("T9", "S2"),                                      // OK, but its goal is in the lane
    });
    const auto audit = kpi::audit(reg, today);
    const auto layout = kpi::layout_tree(audit);
    check_invariants(layout, reg.size());
    EXPECT_EQ(layout.goal_count, 1u);
    EXPECT_EQ(layout.lane_count, 10u);
    const std::map<std::string, kpi::lane_reason> expected{
        {"U1", kpi::lane_reason::unlinked}, {"B1", kpi::lane_reason::broken},
        {"C1", kpi::lane_reason::cycle},    {"C2", kpi::lane_reason::cycle},
        {"S2", kpi::lane_reason::inverted}, {"N1", kpi::lane_reason::noroot},
        {"L1", kpi::lane_reason::nolevel},  {"T9", kpi::lane_reason::outside}};
    for (const auto& [id, reason] : expected) {
        const auto* b = find_box(layout, id, tree_box_kind::lane_kpi);
        ASSERT_TRUE(b) << id;
        ASSERT_TRUE(b->reason);
        EXPECT_EQ(*b->reason, reason) << id;
        EXPECT_EQ(b->depth, 0);
    }
    std::size_t duplicates = 0;
    for (const auto& b : layout.pages[0].boxes)
        duplicates += b.id == "D1" && b.reason == kpi::lane_reason::duplicate;
    EXPECT_EQ(duplicates, 2u);
    EXPECT_EQ(label_texts(layout, kpi::tree_label_kind::lane_section),
              (std::vector<std::string>{"No parent (UNLINKED)", "Parent not found (BROKEN)",
                                        "Loop of parents (CYCLE)", "Strategic under tactical (INVERTED)",
                                        "Does not reach a goal (NOROOT)", "Duplicate ID (DUPLICATE)",
                                        "Level missing (NOLEVEL)", "Parent is not linked"}));
    // 7 + 8 x 4.5 + 10 x 21 mm do not fit one column of 176 mm: the lane continues.
    EXPECT_EQ(label_texts(layout, kpi::tree_label_kind::lane_title),
              (std::vector<std::string>{"Not linked to a goal", "Not linked to a goal (continued)"}));
    // Lane boxes have no edges; the tree's edge is S1 -> T1.
    EXPECT_EQ(edges_of(layout), (std::set<std::pair<std::string, std::string>>{{"S1", "T1"}}));
    // The lane's column comes after the goal's (50 + 6 + 8).
    EXPECT_DOUBLE_EQ(find_box(layout, "U1", tree_box_kind::lane_kpi)->x, 74);

    kpi::tree_options vi;
    vi.language = "vi";
    const auto layout_vi = kpi::layout_tree(audit, vi);
    const auto sections = label_texts(layout_vi, kpi::tree_label_kind::lane_section);
    ASSERT_EQ(sections.size(), 8u);
    EXPECT_EQ(sections[0], "Chưa có KPI cha (UNLINKED)");
    EXPECT_EQ(sections[2], "Vòng lặp KPI cha (CYCLE)");
    EXPECT_EQ(label_texts(layout_vi, kpi::tree_label_kind::lane_title),
              (std::vector<std::string>{"Chưa liên kết với mục tiêu", "Chưa liên kết với mục tiêu (tiếp)"}));
}

TEST(TreeLayout, GoalWithoutTacticalKpiIsMarked) {
    const auto reg = make_register({strategic("S1"), strategic("S2"), tactical("T1", "S2")});
    const auto layout = kpi::layout_tree(kpi::audit(reg, today));
    check_invariants(layout, reg.size());
    EXPECT_TRUE(find_box(layout, "S1", tree_box_kind::goal)->no_tactical);
    EXPECT_FALSE(find_box(layout, "S2", tree_box_kind::goal)->no_tactical);
    // The mark, wrapped within the box's width, under S1 only.
    EXPECT_EQ(label_texts(layout, kpi::tree_label_kind::mark),
              (std::vector<std::string>{"No tactical KPI serves this", "goal"}));
    for (const auto& l : layout.pages[0].labels)
        if (l.kind == kpi::tree_label_kind::mark) {
            EXPECT_DOUBLE_EQ(l.x, 10);
        }
}

TEST(TreeLayout, OnlyStrategicKpis) {
    const auto reg = make_register({strategic("S1"), strategic("S2"), strategic("S3")});
    const auto layout = kpi::layout_tree(kpi::audit(reg, today));
    check_invariants(layout, reg.size());
    EXPECT_EQ(layout.goal_count, 3u);
    EXPECT_EQ(layout.edge_count(), 0u);
    for (const char* id : {"S1", "S2", "S3"})
        EXPECT_TRUE(find_box(layout, id, tree_box_kind::goal)->no_tactical);
}

TEST(TreeLayout, NoStrategicKpiEverythingInTheLaneWithAMessage) {
    const auto reg = make_register({tactical("T1", ""), tactical("T2", "T1"), tactical("T3", "")});
    const auto layout = kpi::layout_tree(kpi::audit(reg, today));
    check_invariants(layout, reg.size());
    EXPECT_EQ(layout.goal_count, 0u);
    EXPECT_EQ(layout.lane_count, 3u);
    EXPECT_EQ(layout.edge_count(), 0u);
    const auto messages = label_texts(layout, kpi::tree_label_kind::message);
    ASSERT_EQ(messages.size(), 1u);
    EXPECT_NE(messages[0].find("no correctly linked strategic goal"), std::string::npos);
    EXPECT_EQ(*find_box(layout, "T2", tree_box_kind::lane_kpi)->reason, kpi::lane_reason::noroot);
}

TEST(TreeLayout, OnlyOrphans) {
    const auto reg = make_register({tactical("T1", ""), tactical("T2", ""), tactical("T3", "")});
    const auto layout = kpi::layout_tree(kpi::audit(reg, today));
    check_invariants(layout, reg.size());
    EXPECT_EQ(layout.lane_count, 3u);
    // One section, three boxes below the lane title and the section label, 21 mm apart.
    EXPECT_EQ(label_texts(layout, kpi::tree_label_kind::lane_section),
              std::vector<std::string>{"No parent (UNLINKED)"});
    const auto* t1 = find_box(layout, "T1", tree_box_kind::lane_kpi);
    const auto* t2 = find_box(layout, "T2", tree_box_kind::lane_kpi);
    EXPECT_NEAR(t1->y, top + 7 + label_h, 1e-9);
    EXPECT_NEAR(t2->y - t1->y, 21, 1e-9);
}

TEST(TreeLayout, CycleAndSelfParent) {
    const auto reg = make_register({strategic("S1"), tactical("A", "B"), tactical("B", "A"),
                                    tactical("SELF", "SELF"), tactical("T1", "S1")});
    const auto layout = kpi::layout_tree(kpi::audit(reg, today));
    check_invariants(layout, reg.size());
    for (const char* id : {"A", "B", "SELF"})
        EXPECT_EQ(*find_box(layout, id, tree_box_kind::lane_kpi)->reason, kpi::lane_reason::cycle) << id;
    EXPECT_EQ(edges_of(layout), (std::set<std::pair<std::string, std::string>>{{"S1", "T1"}}));
}

TEST(TreeLayout, DuplicateIdsBothShownInTheLane) {
    const auto reg =
        make_register({strategic("S1"), tactical("T1", "S1"), tactical("T1", "S1"), tactical("T2", "T1")});
    const auto layout = kpi::layout_tree(kpi::audit(reg, today));
    check_invariants(layout, reg.size());
    EXPECT_EQ(layout.lane_count, 3u); // both T1 and T2, whose parent is ambiguous (NOROOT)
    EXPECT_EQ(*find_box(layout, "T2", tree_box_kind::lane_kpi)->reason, kpi::lane_reason::noroot);
    EXPECT_TRUE(find_box(layout, "S1", tree_box_kind::goal)->no_tactical);
}

TEST(TreeLayout, EmptyRegisterGivesAPageWithAMessage) {
    const auto reg = make_register({});
    const auto layout = kpi::layout_tree(kpi::audit(reg, today));
    ASSERT_EQ(layout.pages.size(), 1u);
    EXPECT_EQ(layout.box_count(), 0u);
    EXPECT_EQ(label_texts(layout, kpi::tree_label_kind::message),
              std::vector<std::string>{"The register has no KPIs."});
    kpi::tree_options vi;
    vi.language = "vi";
    EXPECT_EQ(label_texts(kpi::layout_tree(kpi::audit(reg, today), vi), kpi::tree_label_kind::message),
              std::vector<std::string>{"Bảng KPI chưa có KPI nào."});
    EXPECT_NE(kpi::tree_svg(layout).find("The register has no KPIs."), std::string::npos);
}

TEST(TreeLayout, LongNamesWrappedOnTwoLinesAndShortenedFullNameKept) {
    std::string name;
    while (name.size() < 500)
        name += "Cost per qualified lead from paid social ";
    name.resize(500);
    const auto reg = make_register({strategic("S1"), with_name(tactical("T1", "S1"), name)});
    const auto layout = kpi::layout_tree(kpi::audit(reg, today));
    check_invariants(layout, reg.size());
    const auto* t1 = find_box(layout, "T1");
    ASSERT_EQ(t1->label.size(), 2u);
    EXPECT_EQ(t1->label[0], "Cost per qualified lead from"); // 43.7 mm of 46
    EXPECT_EQ(t1->label[1].substr(t1->label[1].size() - 3), "\xE2\x80\xA6");
    EXPECT_EQ(t1->full_name, std::string(kpi::trim(name)));
    EXPECT_EQ(t1->h, 18);
}

TEST(TreeLayout, EmojiAndVietnameseNeverSplitInsideACharacter) {
    // Precomposed and combining (NFD) diacritics, an emoji with a skin tone and a ZWJ family.
    const std::string nfd = "Chi phi\xCC\x81 mo\xCC\x82\xCC\x83i kha\xCC\x81\x63h ha\xCC\x80ng";
    const std::string name = "Tỷ lệ chuyển đổi 🚀👍🏽 👨‍👩‍👧 khách hàng quay lại mua sắm trực "
                             "tuyến " +
                             nfd;
    const auto reg = make_register({strategic("S1"), with_name(tactical("T1", "S1"), name)});
    const auto layout = kpi::layout_tree(kpi::audit(reg, today));
    check_invariants(layout, reg.size());
    const auto* t1 = find_box(layout, "T1");
    ASSERT_FALSE(t1->label.empty());
    EXPECT_EQ(t1->label[0], "Tỷ lệ chuyển đổi 🚀👍🏽");
    for (const auto& l : t1->label) {
        // No line starts with a combining mark, a modifier or a joiner.
        EXPECT_NE(l.substr(0, 2), "\xCC\x81");
        EXPECT_NE(l.substr(0, 4), "\xF0\x9F\x8F\xBD");
        EXPECT_NE(l.substr(0, 3), "\xE2\x80\x8D");
    }
    // A word of emoji cut between characters keeps whole clusters.
    // A family (three emoji joined: 3.9 em, 11 mm at 8 pt): two and "…" fit 30 mm, a third does not.
    EXPECT_EQ(
        kpi::fit_text(
            "👨‍👩‍👧👨‍👩‍👧👨‍👩‍👧👨‍👩‍👧👨‍👩‍👧", 30,
            8, 1),
        std::vector<std::string>{"👨‍👩‍👧👨‍👩‍👧…"});
}

TEST(TreeLayout, FitText) {
    EXPECT_EQ(kpi::fit_text("", 40, 8, 2), std::vector<std::string>{});
    EXPECT_EQ(kpi::fit_text("  Leads  ", 40, 8, 2), std::vector<std::string>{"Leads"});
    // "aaaa aaaa": 0.66 em per a, 0.34 the space: 5.62 em; at 8 pt an em is 2.822 mm: 15.86 mm.
    EXPECT_EQ(kpi::fit_text("aaaa aaaa", 16, 8, 2), std::vector<std::string>{"aaaa aaaa"});
    EXPECT_EQ(kpi::fit_text("aaaa aaaa", 15, 8, 2), (std::vector<std::string>{"aaaa", "aaaa"}));
    // One line only: shortened; "aaaa" (2.64 em, 7.45 mm) and "…" (0.8 em) fit 10 mm.
    EXPECT_EQ(kpi::fit_text("aaaa aaaa", 10, 8, 1), std::vector<std::string>{"aaaa\xE2\x80\xA6"});
    // Control characters become spaces, invalid bytes U+FFFD.
    EXPECT_EQ(kpi::sanitise_text("a\tb\x01"
                                 "c\xFF"),
              "a b c\xEF\xBF\xBD");
    EXPECT_DOUBLE_EQ(kpi::text_width_mm("a", 8), 0.66 * 8 * 25.4 / 72);
}

TEST(TreeLayout, LongColumnContinuesUnderAContinuationBoxAndPagesFollow) {
    // 30 tactical KPIs under one goal: a page holds (210 - 10 - 24) mm: the goal, a group label
    // and 7 more boxes of 21 mm (24 + 21 + 4.5 + 8 x 21 = 217.5 > 200): the column continues.
    std::vector<row_spec> rows{strategic("S1")};
    for (int i = 1; i <= 30; ++i)
        rows.push_back(tactical("T" + std::to_string(i), "S1"));
    const auto reg = make_register(rows);
    const auto layout = kpi::layout_tree(kpi::audit(reg, today));
    check_invariants(layout, reg.size());
    const auto* t7 = find_box(layout, "T7");
    const auto* t8 = find_box(layout, "T8");
    ASSERT_TRUE(t7 && t8);
    EXPECT_DOUBLE_EQ(t7->x, 16);
    EXPECT_DOUBLE_EQ(t8->x, 16 + 56 + 8); // the next column, under S1 (continued)
    EXPECT_NEAR(t8->y, top + 21, 1e-9);
    const auto* cont = find_box(layout, "S1", tree_box_kind::continuation);
    ASSERT_TRUE(cont);
    EXPECT_DOUBLE_EQ(cont->x, 74);
    EXPECT_EQ(edges_of(layout).count({"S1", "T8"}), 1u);
    EXPECT_EQ(layout.edge_count(), 30u);
}

TEST(TreeLayout, ThousandKpisOnPagesEveryPropertyHolds) {
    // 10 goals, each with 33 direct tactical KPIs in three groups, each of those with two children:
    // 10 + 10 x 99 = 1,000 KPIs.
    std::vector<row_spec> rows;
    const char* groups[] = {"Acquisition & cost", "Digital & SEO", "Customer value & relationship"};
    for (int g = 0; g < 10; ++g) {
        const std::string goal = "S" + std::to_string(g);
        rows.push_back(strategic(goal));
        for (int k = 0; k < 33; ++k) {
            const std::string id = goal + "-T" + std::to_string(k);
            rows.push_back(in_group(tactical(id, goal), groups[k % 3]));
            rows.push_back(in_group(tactical(id + "a", id), groups[k % 3]));
            rows.push_back(in_group(tactical(id + "b", id), groups[k % 3]));
        }
    }
    const auto reg = make_register(rows);
    ASSERT_EQ(reg.size(), 1000u);
    const auto audit = kpi::audit(reg, today);
    const auto layout = kpi::layout_tree(audit);
    check_invariants(layout, reg.size());
    EXPECT_EQ(layout.goal_count, 10u);
    EXPECT_GT(layout.pages.size(), 5u);
    EXPECT_EQ(layout.options.font_pt, 8);
    // Every KPI's edge from its parent or from its goal's continuation box.
    EXPECT_EQ(layout.edge_count(), 990u);
    // Deterministic: the same input, the same SVG.
    EXPECT_EQ(kpi::tree_svg(layout), kpi::tree_svg(kpi::layout_tree(audit)));
    // Each page titled with its number.
    EXPECT_EQ(label_texts(layout, kpi::tree_label_kind::title)[1],
              "KPI tree — page 2 of " + std::to_string(layout.pages.size()));
}

TEST(TreeLayout, FontNeverBelowEightPoints) {
    const auto reg = make_register({strategic("S1")});
    kpi::tree_options o;
    o.font_pt = 5;
    EXPECT_EQ(kpi::layout_tree(kpi::audit(reg, today), o).options.font_pt, 8);
}

TEST(TreeLayout, StatusAsTheDashboardComputesIt) {
    // Lower is better, target 80,000: 70,000 on track; 85,000 gives 80/85 = 0.94 (at risk, >= 0.9);
    // 90,000 gives 0.89 (off track); no actual: no status.
    auto t1 = tactical("T1", "S1");
    t1.actual = 70000.0;
    auto t2 = tactical("T2", "S1");
    t2.actual = 85000.0;
    auto t3 = tactical("T3", "S1");
    t3.actual = 90000.0;
    const auto reg = make_register({strategic("S1"), t1, t2, t3});
    const auto layout = kpi::layout_tree(kpi::audit(reg, today));
    EXPECT_EQ(find_box(layout, "T1")->status, tree_status::on_track);
    EXPECT_EQ(find_box(layout, "T2")->status, tree_status::at_risk);
    EXPECT_EQ(find_box(layout, "T3")->status, tree_status::off_track);
    EXPECT_EQ(find_box(layout, "S1", tree_box_kind::goal)->status, tree_status::none);
    EXPECT_EQ(find_box(layout, "T1")->detail, "70,000 / 80,000 VND");
    EXPECT_EQ(find_box(layout, "S1", tree_box_kind::goal)->detail, "— / 15%");
    kpi::tree_options vi;
    vi.language = "vi";
    EXPECT_EQ(find_box(kpi::layout_tree(kpi::audit(reg, today), vi), "T2")->detail, "85.000 / 80.000 VND");
    EXPECT_EQ(kpi::colours_of(tree_status::on_track).fill, 0xCCFFCCu);
    EXPECT_EQ(kpi::colours_of(tree_status::off_track).fill, 0xFFCCCCu);
}

TEST(TreeSvg, SelfContainedEscapedColouredByStatus) {
    auto t1 = with_name(tactical("T1", "S1"), "Leads <paid> & \"organic\"");
    t1.actual = 70000.0;
    const auto reg = make_register({strategic("S1"), t1});
    const auto svg = kpi::tree_svg(kpi::layout_tree(kpi::audit(reg, today)));
    EXPECT_EQ(svg.rfind("<?xml", 0), 0u);
    EXPECT_NE(svg.find("Leads &lt;paid&gt; &amp; &quot;organic&quot;"), std::string::npos);
    EXPECT_EQ(svg.find("<paid>"), std::string::npos);
    EXPECT_NE(svg.find("fill=\"#CCFFCC\""), std::string::npos); // T1 on track
    EXPECT_NE(svg.find("fill=\"#EEEEEE\""), std::string::npos); // S1 without actual
    EXPECT_EQ(svg.find("href"), std::string::npos);             // nothing outside the file
    EXPECT_NE(svg.find("<title>T1 — Leads &lt;paid&gt;"), std::string::npos);
    EXPECT_NE(svg.find("</svg>"), std::string::npos);
    // One page alone: A4 landscape.
    EXPECT_NE(kpi::tree_page_svg(kpi::layout_tree(kpi::audit(reg, today)), 0)
                  .find("width=\"297mm\" height=\"210mm\""),
              std::string::npos);
}
