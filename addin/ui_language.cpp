#include "ui_language.hpp"

#include "uno_strings.hpp"

#include <com/sun/star/beans/NamedValue.hpp>
#include <com/sun/star/configuration/theDefaultProvider.hpp>
#include <com/sun/star/container/XNameAccess.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>

namespace kpi::uno_glue {
namespace {

std::string read_setting(const css::uno::Reference<css::uno::XComponentContext>& context, const char* path,
                         const char* name) {
    try {
        auto provider = css::configuration::theDefaultProvider::get(context);
        css::beans::NamedValue node_path{"nodepath", css::uno::Any(OUString::createFromAscii(path))};
        css::uno::Reference<css::container::XNameAccess> access(
            provider->createInstanceWithArguments("com.sun.star.configuration.ConfigurationAccess",
                                                  make_sequence<css::uno::Any>({css::uno::Any(node_path)})),
            css::uno::UNO_QUERY_THROW);
        OUString value;
        access->getByName(OUString::createFromAscii(name)) >>= value;
        return to_utf8(value);
    } catch (const css::uno::Exception&) {
        return {};
    }
}

} // namespace

std::string ui_language(const css::uno::Reference<css::uno::XComponentContext>& context) {
    auto language = read_setting(context, "/org.openoffice.Office.Linguistic/General", "UILocale");
    if (language.empty()) language = read_setting(context, "/org.openoffice.Setup/L10N", "ooLocale");
    return language.empty() ? std::string("en-US") : language;
}

} // namespace kpi::uno_glue
