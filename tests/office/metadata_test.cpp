// Function Wizard texts: what Calc shows, what the add-in's XAddIn answers and what the packaged
// CalcAddIns.xcu says must all be the catalog, in English and in Vietnamese.
#include "office_test.hpp"

#include <kpi/catalog.hpp>

#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/container/XNameAccess.hpp>
#include <com/sun/star/lang/XMultiComponentFactory.hpp>
#include <com/sun/star/sheet/FunctionArgument.hpp>
#include <com/sun/star/sheet/XAddIn.hpp>

#include <boost/property_tree/ptree.hpp>
#include <boost/property_tree/xml_parser.hpp>

#include <gtest/gtest.h>

#include <map>

using namespace kpi::office_test;
using css::uno::Reference;
using css::uno::Sequence;
using css::uno::UNO_QUERY_THROW;
namespace pt = boost::property_tree;

namespace {

struct wizard_entry {
    std::string description;
    std::vector<std::pair<std::string, std::string>> args; // name, description
};

// What Calc's Function Wizard shows for one function (css.sheet.FunctionDescriptions).
wizard_entry wizard_entry_of(kpi::office::session& office, const std::string& display_name) {
    auto ctx = office.context();
    Reference<css::container::XNameAccess> descriptions(
        ctx->getServiceManager()->createInstanceWithContext("com.sun.star.sheet.FunctionDescriptions", ctx),
        UNO_QUERY_THROW);
    Sequence<css::beans::PropertyValue> props;
    descriptions->getByName(ou(display_name)) >>= props;
    wizard_entry entry;
    for (const auto& p : props) {
        if (p.Name == "Description") entry.description = u8(p.Value.get<OUString>());
        if (p.Name == "Arguments") {
            Sequence<css::sheet::FunctionArgument> args;
            p.Value >>= args;
            for (const auto& a : args) entry.args.emplace_back(u8(a.Name), u8(a.Description));
        }
    }
    return entry;
}

// The localized props of one xcu node: {prop name -> {lang -> value}}.
using localized_props = std::map<std::string, std::map<std::string, std::string>>;

const pt::ptree* child_node(const pt::ptree& parent, const std::string& name) {
    for (const auto& [key, child] : parent)
        if (key == "node" && child.get<std::string>("<xmlattr>.oor:name", "") == name) return &child;
    return nullptr;
}

localized_props props_of(const pt::ptree& node) {
    localized_props out;
    for (const auto& [key, prop] : node) {
        if (key != "prop") continue;
        auto& values = out[prop.get<std::string>("<xmlattr>.oor:name")];
        for (const auto& [vkey, value] : prop)
            if (vkey == "value") values[value.get<std::string>("<xmlattr>.xml:lang", "")] = value.data();
    }
    return out;
}

} // namespace

TEST(Metadata, CalcKnowsEveryCatalogFunctionWithItsArguments) {
    for (const auto& f : kpi::catalog()) {
        SCOPED_TRACE(std::string(f.display));
        const auto entry = wizard_entry_of(office(), std::string(f.display));
        EXPECT_EQ(entry.description, f.description.en);
        // The argument count comes from the IDL (reflection); the names from the catalog.
        ASSERT_EQ(entry.args.size(), f.params.size());
        for (std::size_t i = 0; i < f.params.size(); ++i) {
            EXPECT_EQ(entry.args[i].first, f.params[i].display.en);
            EXPECT_EQ(entry.args[i].second, f.params[i].description.en);
        }
    }
}

TEST(Metadata, XAddInAnswersAndPackagedXcuAgree) {
    pt::ptree xcu;
    pt::read_xml(KPI_XCU_PATH, xcu);
    const auto* info = child_node(xcu.get_child("oor:component-data"), "AddInInfo");
    ASSERT_NE(info, nullptr);
    const auto* service = child_node(*info, "org.kpimarketing.KpiFunctions");
    ASSERT_NE(service, nullptr);
    const auto* functions = child_node(*service, "AddInFunctions");
    ASSERT_NE(functions, nullptr);
    EXPECT_EQ(std::count_if(functions->begin(), functions->end(), [](auto& kv) { return kv.first == "node"; }),
              static_cast<long>(kpi::catalog().size()));

    auto ctx = office().context();
    Reference<css::sheet::XAddIn> addin(
        ctx->getServiceManager()->createInstanceWithContext("org.kpimarketing.KpiFunctions", ctx),
        UNO_QUERY_THROW);
    for (const auto& [lang, xcu_lang] : {std::pair{"en", "en-US"}, std::pair{"vi", "vi"}}) {
        addin->setLocale(css::lang::Locale(ou(lang), "", ""));
        for (const auto& f : kpi::catalog()) {
            const auto name = ou(std::string(f.name));
            SCOPED_TRACE(std::string(f.name) + " " + lang);
            const auto* node = child_node(*functions, std::string(f.name));
            ASSERT_NE(node, nullptr);
            auto props = props_of(*node);
            EXPECT_EQ(u8(addin->getDisplayFunctionName(name)), props["DisplayName"][xcu_lang]);
            EXPECT_EQ(u8(addin->getFunctionDescription(name)), props["Description"][xcu_lang]);
            EXPECT_EQ(u8(addin->getProgrammaticFuntionName(addin->getDisplayFunctionName(name))), f.name);
            const auto* params = child_node(*node, "Parameters");
            ASSERT_NE(params, nullptr);
            for (std::size_t i = 0; i < f.params.size(); ++i) {
                const auto* param = child_node(*params, std::string(f.params[i].name));
                ASSERT_NE(param, nullptr) << f.params[i].name;
                auto pprops = props_of(*param);
                const auto index = static_cast<sal_Int32>(i);
                EXPECT_EQ(u8(addin->getDisplayArgumentName(name, index)), pprops["DisplayName"][xcu_lang]);
                EXPECT_EQ(u8(addin->getArgumentDescription(name, index)), pprops["Description"][xcu_lang]);
            }
        }
    }
}

TEST(Metadata, FunctionWizardIsVietnameseWhenTheUiIsVietnamese) {
    auto vi_office = start_office_with_extension("vi", "vi");
    for (const auto& f : kpi::catalog()) {
        SCOPED_TRACE(std::string(f.display));
        const auto entry = wizard_entry_of(*vi_office, std::string(f.display));
        EXPECT_EQ(entry.description, f.description.vi);
        ASSERT_EQ(entry.args.size(), f.params.size());
        for (std::size_t i = 0; i < f.params.size(); ++i) EXPECT_EQ(entry.args[i].first, f.params[i].display.vi);
    }
}
