#include <kpi/catalog.hpp>
#include <kpi/example.hpp>
#include <kpi/targets.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <vector>
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

// The signatures of issues 3 and 4, as users see them (display names, argument display names in order).
TEST(Catalog, EveryFunctionHasItsDocumentedSignature) {
    const std::map<std::string, std::string> signatures{
        {"KPI.REVGROWTH", "current;previous"},
        {"KPI.MARKETSHARE", "own_sales;market_sales"},
        {"KPI.RELSHARE", "own_sales;largest_competitor_sales"},
        {"KPI.MKTREVSHARE", "marketing_sourced_revenue;total_revenue"},
        {"KPI.ROMI", "revenue;spend;[gross_margin]"},
        {"KPI.ROAS", "revenue;ad_spend"},
        {"KPI.PROFITMARGIN", "revenue;cost"},
        {"KPI.CPL", "spend;leads"},
        {"KPI.CPA", "spend;conversions"},
        {"KPI.CAC", "cost;new_customers"},
        {"KPI.CPC", "spend;clicks"},
        {"KPI.CPM", "spend;impressions"},
        {"KPI.CTR", "clicks;impressions"},
        {"KPI.CONVRATE", "conversions;visitors"},
        {"KPI.MQLRATE", "mqls;leads"},
        {"KPI.SQLRATE", "sqls;mqls"},
        {"KPI.WINRATE", "customers;sqls"},
        {"KPI.LEADTOCUSTOMER", "customers;leads"},
        {"KPI.COSTPERMQL", "spend;mqls"},
        {"KPI.COSTPERSQL", "spend;sqls"},
        {"KPI.ENGAGEMENTRATE", "engaged_sessions;sessions"},
        {"KPI.BOUNCE.GA4", "engaged_sessions;sessions"},
        {"KPI.BOUNCE.UA", "single_page_sessions;sessions"},
        {"KPI.AVGENGAGEMENT", "engagement_seconds;active_users"},
        {"KPI.AVGSESSION", "session_seconds;sessions"},
        {"KPI.PAGESPERSESSION", "views;sessions"},
        {"KPI.ORGANICSHARE", "organic_sessions;sessions"},
        {"KPI.TOPN", "positions;[n]"},
        {"KPI.RETENTION", "start_customers;end_customers;new_customers"},
        {"KPI.CHURN", "start_customers;lost_customers"},
        {"KPI.REPEATRATE", "repeat_customers;customers"},
        {"KPI.CLV", "avg_order_value;orders_per_year;years;[gross_margin]"},
        {"KPI.CLV.DISCOUNTED", "margin_per_period;retention_rate;discount_rate"},
        {"KPI.LTVCAC", "ltv;cac"},
        {"KPI.PAYBACK", "cac;monthly_revenue_per_customer;[gross_margin]"},
        {"KPI.NPS", "scores"},
        {"KPI.CSAT", "scores;[scale_max]"},
        {"KPI.VARIANCE", "actual;target"},
        {"KPI.ATTAINMENT", "actual;target;[baseline];[lower_is_better]"},
        {"KPI.STATUS", "actual;target;[lower_is_better];[amber]"},
        {"KPI.STATUSTEXT", "actual;target;[lower_is_better];[amber]"},
        {"KPI.PACE", "actual;target;start_date;end_date;[as_of];[baseline]"},
        {"KPI.PROJECTION", "values;periods_ahead;[cumulative]"},
        {"KPI.PACESTATUS", "projection;target;[lower_is_better];[tolerance]"},
        {"KPI.CMGR", "values"},
        {"KPI.ABTEST.P", "conversions_a;visitors_a;conversions_b;visitors_b"},
        {"KPI.EACH", "name;range1;[range2];[range3];[range4];[range5];[range6]"},
        // issue 4: the register audit
        {"KPI.LINKSTATUS", "id;register"},
        {"KPI.SMART", "id;register"},
        {"KPI.SMARTISSUES", "id;register"},
        {"KPI.AUDIT", "register"},
    };
    EXPECT_EQ(kpi::catalog().size(), signatures.size());
    for (const auto& f : kpi::catalog()) {
        std::string joined;
        for (const auto& p : f.params) {
            const bool optional = p.kind == kpi::param_kind::optional_number || p.kind == kpi::param_kind::optional_flag ||
                                  p.kind == kpi::param_kind::optional_date || p.kind == kpi::param_kind::optional_range;
            joined += (joined.empty() ? "" : ";") + (optional ? "[" + std::string(p.display.en) + "]"
                                                              : std::string(p.display.en));
        }
        const auto it = signatures.find(std::string(f.display));
        ASSERT_NE(it, signatures.end()) << f.display;
        EXPECT_EQ(joined, it->second) << f.display;
    }
    EXPECT_DOUBLE_EQ(kpi::find_function("KPI.ROMI")->params[2].default_value, 1.0);
    EXPECT_DOUBLE_EQ(kpi::find_function("KPI.TOPN")->params[1].default_value, 10.0);
    EXPECT_DOUBLE_EQ(kpi::find_function("KPI.CSAT")->params[1].default_value, 5.0);
    EXPECT_DOUBLE_EQ(kpi::find_function("KPI.STATUS")->params[3].default_value, 0.9);
    EXPECT_DOUBLE_EQ(kpi::find_function("KPI.PROJECTION")->params[2].default_value, 0.0);
    EXPECT_DOUBLE_EQ(kpi::find_function("KPI.PACESTATUS")->params[3].default_value, 0.05);
}

// IDL parameter names must be camelCase identifiers (unoidl rejects underscores there).
TEST(Catalog, ProgrammaticNamesAreLegalIdlIdentifiers) {
    for (const auto& f : kpi::catalog()) {
        EXPECT_TRUE(std::all_of(f.name.begin(), f.name.end(), [](char c) { return std::isupper(c) || std::isdigit(c) || c == '_'; }))
            << f.name;
        std::set<std::string> seen;
        for (const auto& p : f.params) {
            EXPECT_TRUE(std::islower(static_cast<unsigned char>(p.name.front()))) << f.name << " " << p.name;
            EXPECT_TRUE(std::all_of(p.name.begin(), p.name.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)); }))
                << f.name << " " << p.name;
            EXPECT_TRUE(seen.insert(std::string(p.name)).second) << f.name << " " << p.name;
        }
    }
}

TEST(Catalog, EveryFunctionButEachHasExactlyOneEvaluator) {
    for (const auto& f : kpi::catalog()) {
        if (!f.scalar && !f.over_range) continue; // computed in the glue (EACH, register functions)
        EXPECT_NE(f.scalar == nullptr, f.over_range == nullptr) << f.name;
        const bool first_is_range = !f.params.empty() && f.params[0].kind == kpi::param_kind::range;
        EXPECT_EQ(first_is_range, f.over_range != nullptr) << f.name;
    }
}

// Each documented example is computed by the core and gives the documented result.
TEST(Catalog, EveryExampleGivesItsDocumentedResult) {
    for (const auto& f : kpi::catalog()) {
        SCOPED_TRACE(std::string(f.example));
        const auto call = kpi::parse_example(f.example);
        ASSERT_TRUE(call.has_value());
        EXPECT_EQ(call->function, f.display);
        if (!f.scalar && !f.over_range) continue; // computed in the glue (EACH, register): tested in Calc
        std::vector<std::vector<kpi::cell>> args;
        for (const auto& a : call->args) {
            const auto cells = kpi::argument_cells(a);
            ASSERT_TRUE(cells.has_value()) << a;
            args.push_back(*cells);
        }
        const auto r = kpi::evaluate_call(f, args, 0.0);
        ASSERT_TRUE(r.ok()) << kpi::to_string(r.error());
        if (f.output == kpi::output_kind::status_text) {
            EXPECT_EQ(kpi::status_word(r.value(), "en"), call->expected);
            continue;
        }
        const auto expected = kpi::parse_expected_number(call->expected);
        ASSERT_TRUE(expected.has_value());
        EXPECT_NEAR(r.value(), expected->value, expected->tolerance);
    }
}

// The documented domain of each parameter (docs/functions.md) is what the core enforces: in the
// example call, a negative where the domain excludes it gives #NUM!, a zero divisor #DIV/0!.
TEST(Catalog, ParameterDomainsMatchTheCore) {
    int checked = 0;
    for (const auto& f : kpi::catalog()) {
        if (!f.scalar && !f.over_range) continue; // computed in the glue (EACH, register functions)
        const auto call = kpi::parse_example(f.example);
        ASSERT_TRUE(call.has_value());
        std::vector<std::vector<kpi::cell>> args;
        for (const auto& a : call->args) args.push_back(*kpi::argument_cells(a));
        for (std::size_t i = 0; i < f.params.size(); ++i) {
            const auto d = f.params[i].accepts;
            for (double bad : {-1.0, 0.0}) {
                auto changed = args;
                changed.resize(std::max(changed.size(), i + 1));
                changed[i] = {bad};
                const auto r = kpi::evaluate_call(f, changed, 45000.0);
                SCOPED_TRACE(std::string(f.name) + " " + std::string(f.params[i].name) + " = " + std::to_string(bad));
                const bool negative_rejected = d == kpi::domain::amount || d == kpi::domain::divisor ||
                                               d == kpi::domain::fraction || d == kpi::domain::positive ||
                                               d == kpi::domain::score;
                if (bad < 0 && negative_rejected) {
                    EXPECT_EQ(r, kpi::result(kpi::errc::out_of_domain));
                    ++checked;
                }
                if (bad == 0 && (d == kpi::domain::divisor || d == kpi::domain::nonzero)) {
                    EXPECT_EQ(r, kpi::result(kpi::errc::div_zero));
                    ++checked;
                }
                if (bad < 0 && d == kpi::domain::periods) {
                    EXPECT_EQ(r, kpi::result(kpi::errc::bad_value));
                    ++checked;
                }
                if (bad == 0 && d == kpi::domain::positive) {
                    EXPECT_EQ(r, kpi::result(kpi::errc::out_of_domain));
                    ++checked;
                }
            }
        }
    }
    EXPECT_GT(checked, 100);
}

TEST(Catalog, EachFindsFunctionsByShortName) {
    EXPECT_EQ(kpi::find_each_function("CPL"), kpi::find_function("CPL"));
    EXPECT_EQ(kpi::find_each_function("cpl"), kpi::find_function("CPL"));
    EXPECT_EQ(kpi::find_each_function("BOUNCE.GA4"), kpi::find_function("BOUNCE_GA4"));
    EXPECT_EQ(kpi::find_each_function("KPI.ROMI"), kpi::find_function("ROMI"));
    EXPECT_EQ(kpi::find_each_function("NOPE"), nullptr);
    EXPECT_EQ(kpi::find_each_function(""), nullptr);
}

TEST(Catalog, ExamplesParse) {
    const auto call = kpi::parse_example("=KPI.PACE(40;100;DATE(2024;1;1);{1;2|3}) -> 0.8");
    ASSERT_TRUE(call.has_value());
    ASSERT_EQ(call->args.size(), 4u);
    EXPECT_EQ(call->args[2], "DATE(2024;1;1)");
    EXPECT_EQ(kpi::argument_cells(call->args[2])->at(0), 45292.0); // Calc's serial of 2024-01-01
    EXPECT_EQ(kpi::argument_cells(call->args[3])->size(), 3u);
    EXPECT_EQ(kpi::argument_cells("abc"), std::nullopt);
    EXPECT_NEAR(kpi::parse_expected_number("0.01587")->tolerance, 5e-6, 1e-12);
}

TEST(Catalog, TextPicksTheLanguage) {
    const kpi::text t{"Hello", "Xin chào"};
    EXPECT_EQ(t.in("vi"), "Xin chào");
    EXPECT_EQ(t.in("vi-VN"), "Xin chào");
    EXPECT_EQ(t.in("en"), "Hello");
    EXPECT_EQ(t.in("fr"), "Hello");
}
