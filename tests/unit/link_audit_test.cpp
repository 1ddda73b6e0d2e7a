#include "register_test_util.hpp"

#include <kpi/link_audit.hpp>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/strong_components.hpp>
#include <gtest/gtest.h>

#include <random>
#include <set>
#include <string>

using kpi::link_code;
using kpi_test::make_register;
using kpi_test::row_spec;
using kpi_test::strategic;
using kpi_test::tactical;

namespace {

std::vector<link_code> codes(const std::vector<row_spec>& rows) {
    const auto reg = make_register(rows);
    std::vector<link_code> out;
    for (const auto& r : kpi::audit_links(reg)) out.push_back(r.code);
    return out;
}

row_spec with_level(row_spec r, std::string level) {
    r.level = std::move(level);
    return r;
}

} // namespace

TEST(LinkAudit, CodesAreExactlyTheDocumentedWords) {
    EXPECT_EQ(kpi::to_string(link_code::ok), "OK");
    EXPECT_EQ(kpi::to_string(link_code::unlinked), "UNLINKED");
    EXPECT_EQ(kpi::to_string(link_code::broken), "BROKEN");
    EXPECT_EQ(kpi::to_string(link_code::cycle), "CYCLE");
    EXPECT_EQ(kpi::to_string(link_code::inverted), "INVERTED");
    EXPECT_EQ(kpi::to_string(link_code::noroot), "NOROOT");
    EXPECT_EQ(kpi::to_string(link_code::duplicate), "DUPLICATE");
    EXPECT_EQ(kpi::to_string(link_code::nolevel), "NOLEVEL");
    for (const auto c : {link_code::ok, link_code::unlinked, link_code::broken, link_code::cycle,
                         link_code::inverted, link_code::noroot, link_code::duplicate,
                         link_code::nolevel})
        EXPECT_EQ(kpi::link_code_from_string(kpi::to_string(c)), c);
    EXPECT_EQ(kpi::link_code_from_string("ok"), std::nullopt);
}

TEST(LinkAudit, Ok) {
    // strategic alone, strategic under strategic, tactical under strategic, tactical through
    // tactical to strategic
    EXPECT_EQ(codes({strategic("S1"), strategic("S2", "S1"), tactical("T1", "S2"),
                     tactical("T2", "T1"), tactical("T3", "T2")}),
              (std::vector<link_code>(5, link_code::ok)));
}

TEST(LinkAudit, Unlinked) {
    EXPECT_EQ(codes({strategic("S1"), tactical("T1", "")}),
              (std::vector{link_code::ok, link_code::unlinked}));
}

TEST(LinkAudit, Broken) {
    EXPECT_EQ(codes({strategic("S1"), tactical("T1", "S9"), strategic("S2", "X")}),
              (std::vector{link_code::ok, link_code::broken, link_code::broken}));
}

TEST(LinkAudit, Cycle) {
    EXPECT_EQ(codes({strategic("S1"), tactical("T1", "T2"), tactical("T2", "T1"), tactical("T3", "T3"),
                     strategic("S2", "S3"), strategic("S3", "S2")}),
              (std::vector{link_code::ok, link_code::cycle, link_code::cycle, link_code::cycle,
                           link_code::cycle, link_code::cycle}));
}

TEST(LinkAudit, Inverted) {
    EXPECT_EQ(codes({strategic("S1"), tactical("T1", "S1"), strategic("S2", "T1")}),
              (std::vector{link_code::ok, link_code::ok, link_code::inverted}));
}

TEST(LinkAudit, NoRootWithTheBlockingAncestor) {
    const auto reg = make_register({tactical("T1", ""),   // UNLINKED
                                    tactical("T2", "T1"), // NOROOT at T1
                                    tactical("T3", "T2"), // NOROOT at T1
                                    tactical("T4", "X"),  // BROKEN
                                    tactical("T5", "T4")}); // NOROOT at T4
    const auto r = kpi::audit_links(reg);
    EXPECT_EQ(r[0].code, link_code::unlinked);
    EXPECT_EQ(r[1].code, link_code::noroot);
    EXPECT_EQ(r[1].blocker, 0u);
    EXPECT_EQ(r[1].parent, 0u);
    EXPECT_EQ(r[2].code, link_code::noroot);
    EXPECT_EQ(r[2].blocker, 0u);
    EXPECT_EQ(r[3].code, link_code::broken);
    EXPECT_EQ(r[3].blocker, kpi::no_row);
    EXPECT_EQ(r[3].parent, kpi::no_row);
    EXPECT_EQ(r[4].code, link_code::noroot);
    EXPECT_EQ(r[4].blocker, 3u);
}

TEST(LinkAudit, NoRootWhenTheChainRunsIntoALoopOrALevellessKpi) {
    const auto reg = make_register({tactical("T1", "T2"), tactical("T2", "T1"),
                                    tactical("T3", "T2"), // into the loop: not on it
                                    with_level(tactical("X1", "S1"), ""), strategic("S1"),
                                    tactical("T4", "X1")}); // through a row without level
    const auto r = kpi::audit_links(reg);
    EXPECT_EQ(r[0].code, link_code::cycle);
    EXPECT_EQ(r[1].code, link_code::cycle);
    EXPECT_EQ(r[2].code, link_code::noroot);
    EXPECT_TRUE(r[2].blocker == 0u || r[2].blocker == 1u);
    EXPECT_EQ(r[3].code, link_code::nolevel);
    EXPECT_EQ(r[4].code, link_code::ok);
    EXPECT_EQ(r[5].code, link_code::noroot);
    EXPECT_EQ(r[5].blocker, 3u);
}

TEST(LinkAudit, DuplicateAndAmbiguousParents) {
    const auto reg = make_register({strategic("S1"), strategic("s1 "), tactical("T1", "S1"),
                                    tactical("T2", "T1"), strategic("S3", "S1")});
    const auto r = kpi::audit_links(reg);
    EXPECT_EQ(r[0].code, link_code::duplicate);
    EXPECT_EQ(r[1].code, link_code::duplicate); // IDs match case- and space-insensitively
    EXPECT_EQ(r[2].code, link_code::noroot);    // its parent ID names two rows
    EXPECT_TRUE(r[2].ambiguous_parent);
    EXPECT_EQ(r[2].blocker, 2u);
    EXPECT_EQ(r[3].code, link_code::noroot);
    EXPECT_EQ(r[3].blocker, 2u);
    EXPECT_EQ(r[4].code, link_code::ok); // strategic: documented, the duplicates carry the flag
    EXPECT_TRUE(r[4].ambiguous_parent);
}

TEST(LinkAudit, NoLevel) {
    EXPECT_EQ(codes({strategic("S1"), with_level(tactical("T1", "S1"), ""),
                     with_level(tactical("T2", "S1"), "Operational")}),
              (std::vector{link_code::ok, link_code::nolevel, link_code::nolevel}));
}

TEST(LinkAudit, Precedence) {
    // DUPLICATE beats NOLEVEL and BROKEN
    EXPECT_EQ(codes({with_level(tactical("D", "X"), ""), tactical("D", "X")}),
              (std::vector{link_code::duplicate, link_code::duplicate}));
    // NOLEVEL beats BROKEN and CYCLE
    EXPECT_EQ(codes({with_level(tactical("A", "X"), "?"), with_level(tactical("B", "B"), "")}),
              (std::vector{link_code::nolevel, link_code::nolevel}));
    // CYCLE beats INVERTED: a strategic on a loop through a tactical
    EXPECT_EQ(codes({strategic("S1", "T1"), tactical("T1", "S1")}),
              (std::vector{link_code::cycle, link_code::cycle}));
    // A tactical under a strategic that is itself flagged still reaches a strategic KPI
    EXPECT_EQ(codes({strategic("S1", "X"), tactical("T1", "S1")}),
              (std::vector{link_code::broken, link_code::ok}));
}

TEST(LinkAudit, EmptyRegister) {
    EXPECT_TRUE(kpi::audit_links(make_register({})).empty());
}

// A million-row chain: T999999 -> ... -> T1 -> S0. Iterative: no stack overflow.
TEST(LinkAudit, MillionRowChain) {
    constexpr std::size_t n = 1'000'000;
    kpi::grid g(n + 1, 3);
    g.at(0, 0) = "ID";
    g.at(0, 1) = "Level";
    g.at(0, 2) = "Parent";
    g.at(1, 0) = "S0";
    g.at(1, 1) = "Strategic";
    for (std::size_t i = 1; i < n; ++i) {
        g.at(i + 1, 0) = "T" + std::to_string(n - i);      // listed from the leaf end up
        g.at(i + 1, 1) = "Tactical";
        g.at(i + 1, 2) = n - i - 1 == 0 ? std::string("S0") : "T" + std::to_string(n - i - 1);
    }
    auto reg = kpi::parse_register(std::move(g));
    ASSERT_TRUE(reg.ok());
    auto r = kpi::audit_links(reg.value());
    ASSERT_EQ(r.size(), n);
    std::size_t ok = 0;
    for (const auto& x : r) ok += x.code == link_code::ok;
    EXPECT_EQ(ok, n);

    // Close the chain into one big loop: every row is on it.
    kpi::grid g2 = reg.value().source_grid();
    g2.at(1, 2) = "T" + std::to_string(n - 1);
    g2.at(1, 1) = "Tactical";
    auto reg2 = kpi::parse_register(std::move(g2));
    ASSERT_TRUE(reg2.ok());
    r = kpi::audit_links(reg2.value());
    std::size_t cycles = 0;
    for (const auto& x : r) cycles += x.code == link_code::cycle;
    EXPECT_EQ(cycles, n);
}

// Cross-check with Boost.Graph: a row is CYCLE (when it has a level and a unique ID and no broken
// parent) exactly when its strong component has several rows or a self-loop.
TEST(LinkAudit, CyclesAgreeWithBoostStrongComponents) {
    std::mt19937 rng(12345);
    for (int round = 0; round < 200; ++round) {
        const int n = 1 + static_cast<int>(rng() % 40);
        std::vector<row_spec> rows;
        for (int i = 0; i < n; ++i) {
            const auto kind = rng() % 10;
            std::string parent = kind == 0 ? "" : kind == 1 ? "missing" : "K" + std::to_string(rng() % static_cast<unsigned>(n));
            rows.push_back(rng() % 4 == 0 ? strategic("K" + std::to_string(i), parent)
                                          : tactical("K" + std::to_string(i), parent));
        }
        const auto reg = make_register(rows);
        const auto r = kpi::audit_links(reg);

        using graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS>;
        graph gr(static_cast<std::size_t>(n));
        std::vector<bool> self(static_cast<std::size_t>(n), false);
        for (std::size_t i = 0; i < static_cast<std::size_t>(n); ++i) {
            if (r[i].parent == kpi::no_row) continue;
            boost::add_edge(i, r[i].parent, gr);
            if (r[i].parent == i) self[i] = true;
        }
        std::vector<int> comp(static_cast<std::size_t>(n));
        const int count = boost::strong_components(gr, comp.data());
        std::vector<int> size(static_cast<std::size_t>(count), 0);
        for (const int c : comp) ++size[static_cast<std::size_t>(c)];
        for (std::size_t i = 0; i < static_cast<std::size_t>(n); ++i) {
            const bool looped = self[i] || size[static_cast<std::size_t>(comp[i])] > 1;
            EXPECT_EQ(r[i].code == link_code::cycle, looped) << "round " << round << " row " << i;
            // And no tactical OK row may have a chain that fails to reach a strategic one.
            if (r[i].code == link_code::ok && reg[i].level == kpi::kpi_level::tactical) {
                std::size_t j = i, steps = 0;
                while (reg[j].level != kpi::kpi_level::strategic && r[j].parent != kpi::no_row &&
                       steps++ <= static_cast<std::size_t>(n))
                    j = r[j].parent;
                EXPECT_EQ(reg[j].level, kpi::kpi_level::strategic);
            }
        }
    }
}

TEST(LinkAudit, EveryCodeHasWordsInBothLanguages) {
    std::set<std::string> en, vi;
    for (const auto code : {kpi::link_code::ok, kpi::link_code::duplicate, kpi::link_code::nolevel,
                            kpi::link_code::broken, kpi::link_code::cycle, kpi::link_code::inverted,
                            kpi::link_code::unlinked, kpi::link_code::noroot}) {
        const auto words = kpi::link_status_words(code);
        EXPECT_FALSE(words.en.empty());
        EXPECT_TRUE(en.insert(std::string(words.en)).second) << words.en;
        EXPECT_TRUE(vi.insert(std::string(words.vi)).second) << words.vi;
        EXPECT_NE(words.en, kpi::to_string(code));
        EXPECT_NE(words.vi, words.en);
    }
    EXPECT_EQ(kpi::link_status_words(kpi::link_code::broken).in("vi"), "Không tìm thấy KPI cha");
    EXPECT_EQ(kpi::link_status_words(kpi::link_code::unlinked).in("en"), "No parent");
}
