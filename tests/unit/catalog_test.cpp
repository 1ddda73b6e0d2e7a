#include <kpi/catalog.hpp>

#include <gtest/gtest.h>

#include <set>
#include <string>

TEST(Catalog, NamesAreUniqueAndDisplayNamesCarryThePrefix) {
    std::set<std::string> names, displays;
    for (const auto& f : kpi::catalog()) {
        EXPECT_TRUE(names.insert(std::string(f.name)).second) << f.name;
        EXPECT_TRUE(displays.insert(std::string(f.display)).second) << f.display;
        EXPECT_EQ(f.display.substr(0, 4), "KPI.") << f.display;
    }
}

TEST(Catalog, EveryTextExistsInBothLanguages) {
    for (const auto& f : kpi::catalog()) {
        EXPECT_FALSE(f.description.en.empty()) << f.name;
        EXPECT_FALSE(f.description.vi.empty()) << f.name;
        EXPECT_NE(f.description.en, f.description.vi) << f.name;
        EXPECT_FALSE(f.formula.empty()) << f.name;
        EXPECT_FALSE(f.source.empty()) << f.name;
        EXPECT_FALSE(f.example.empty()) << f.name;
        for (const auto& p : f.params) {
            EXPECT_FALSE(p.name.empty()) << f.name;
            EXPECT_FALSE(p.display.en.empty() || p.display.vi.empty()) << f.name << " " << p.name;
            EXPECT_FALSE(p.description.en.empty() || p.description.vi.empty()) << f.name << " " << p.name;
        }
    }
}

TEST(Catalog, FindsByProgrammaticOrDisplayName) {
    ASSERT_NE(kpi::find_function("CPL"), nullptr);
    EXPECT_EQ(kpi::find_function("kpi.cpl"), kpi::find_function("CPL"));
    EXPECT_EQ(kpi::find_function("KPI.ROMI")->params.size(), 3u);
    EXPECT_EQ(kpi::find_function("NOPE"), nullptr);
}

TEST(Catalog, FirstFunctionsHaveTheirDocumentedArgumentOrder) {
    auto names = [](std::string_view fn) {
        std::string joined;
        for (const auto& p : kpi::find_function(fn)->params) joined += std::string(p.name) + ";";
        return joined;
    };
    EXPECT_EQ(names("CPL"), "spend;leads;");
    EXPECT_EQ(names("CAC"), "cost;newCustomers;");
    EXPECT_EQ(names("CTR"), "clicks;impressions;");
    EXPECT_EQ(names("CONVRATE"), "conversions;visitors;");
    EXPECT_EQ(names("ROMI"), "revenue;spend;grossMargin;");
    EXPECT_EQ(names("REVGROWTH"), "current;previous;");
}

TEST(Catalog, TextPicksTheLanguage) {
    const kpi::text t{"Hello", "Xin chào"};
    EXPECT_EQ(t.in("vi"), "Xin chào");
    EXPECT_EQ(t.in("vi-VN"), "Xin chào");
    EXPECT_EQ(t.in("en"), "Hello");
    EXPECT_EQ(t.in("fr"), "Hello");
}
