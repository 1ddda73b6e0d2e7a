// The Calc Add-In: the cell functions and their Function Wizard texts (XAddIn), all from the catalog.
#include "calc_value.hpp"
#include "uno_strings.hpp"

#include <kpi/catalog.hpp>
#include <kpi/metrics.hpp>

#include <com/sun/star/lang/Locale.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/lang/XServiceName.hpp>
#include <com/sun/star/sheet/XAddIn.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <cppuhelper/implbase4.hxx>
#include <cppuhelper/supportsservice.hxx>
#include <org/kpimarketing/XKpiFunctions.hpp>

#include <rtl/ref.hxx>

#include <mutex>
#include <string>

using css::uno::Any;
using css::uno::Sequence;

namespace kpi::uno_glue {
namespace {

constexpr char service_name[] = "org.kpimarketing.KpiFunctions";
constexpr char implementation_name[] = "org.kpimarketing.KpiFunctions.impl";
constexpr char addin_service[] = "com.sun.star.sheet.AddIn";
// Calc only knows its built-in categories; anything else would fall back to this one anyway.
constexpr char calc_category[] = "Add-In";

class kpi_functions
    : public cppu::WeakImplHelper4<org::kpimarketing::XKpiFunctions, css::sheet::XAddIn,
                                   css::lang::XServiceName, css::lang::XServiceInfo> {
public:
    // ---- XKpiFunctions: check inputs, call the core, convert back ----
    double SAL_CALL REVGROWTH(double current, double previous) override {
        return to_cell(kpi::revenue_growth(current, previous));
    }
    double SAL_CALL ROMI(double revenue, double spend, const Any& gross_margin) override {
        const auto margin = optional_number(gross_margin, 1.0);
        if (!margin) return to_cell(kpi::errc::bad_value);
        return to_cell(kpi::return_on_marketing_investment(revenue, spend, *margin));
    }
    double SAL_CALL CPL(double spend, double leads) override { return to_cell(kpi::cost_per_lead(spend, leads)); }
    double SAL_CALL CAC(double cost, double new_customers) override {
        return to_cell(kpi::customer_acquisition_cost(cost, new_customers));
    }
    double SAL_CALL CTR(double clicks, double impressions) override {
        return to_cell(kpi::click_through_rate(clicks, impressions));
    }
    double SAL_CALL CONVRATE(double conversions, double visitors) override {
        return to_cell(kpi::conversion_rate(conversions, visitors));
    }

    // ---- XAddIn: every answer comes from the catalog ----
    OUString SAL_CALL getProgrammaticFuntionName(const OUString& display_name) override {
        const auto* f = kpi::find_function(to_utf8(display_name));
        return f ? from_utf8(f->name) : OUString();
    }
    OUString SAL_CALL getDisplayFunctionName(const OUString& name) override {
        const auto* f = find(name);
        return f ? from_utf8(f->display) : OUString();
    }
    OUString SAL_CALL getFunctionDescription(const OUString& name) override {
        const auto* f = find(name);
        return f ? from_utf8(f->description.in(language())) : OUString();
    }
    OUString SAL_CALL getDisplayArgumentName(const OUString& name, sal_Int32 index) override {
        const auto* p = param(name, index);
        return p ? from_utf8(p->display.in(language())) : OUString();
    }
    OUString SAL_CALL getArgumentDescription(const OUString& name, sal_Int32 index) override {
        const auto* p = param(name, index);
        return p ? from_utf8(p->description.in(language())) : OUString();
    }
    OUString SAL_CALL getProgrammaticCategoryName(const OUString&) override { return calc_category; }
    OUString SAL_CALL getDisplayCategoryName(const OUString&) override { return calc_category; }

    // ---- XLocalizable ----
    void SAL_CALL setLocale(const css::lang::Locale& locale) override {
        std::lock_guard guard(mutex_);
        locale_ = locale;
    }
    css::lang::Locale SAL_CALL getLocale() override {
        std::lock_guard guard(mutex_);
        return locale_;
    }

    // ---- XServiceName, XServiceInfo ----
    OUString SAL_CALL getServiceName() override { return service_name; }
    OUString SAL_CALL getImplementationName() override { return implementation_name; }
    sal_Bool SAL_CALL supportsService(const OUString& name) override { return cppu::supportsService(this, name); }
    Sequence<OUString> SAL_CALL getSupportedServiceNames() override {
        return make_sequence<OUString>({service_name, addin_service});
    }

private:
    static const kpi::function_info* find(const OUString& name) { return kpi::find_function(to_utf8(name)); }
    static const kpi::param_info* param(const OUString& name, sal_Int32 index) {
        const auto* f = find(name);
        if (!f || index < 0 || static_cast<std::size_t>(index) >= f->params.size()) return nullptr;
        return &f->params[static_cast<std::size_t>(index)];
    }
    std::string language() {
        std::lock_guard guard(mutex_);
        return to_utf8(locale_.Language);
    }

    std::mutex mutex_;
    css::lang::Locale locale_{"en", "US", ""};
};

} // namespace
} // namespace kpi::uno_glue

extern "C" SAL_DLLPUBLIC_EXPORT css::uno::XInterface*
org_kpimarketing_KpiFunctions_get_implementation(css::uno::XComponentContext*, const Sequence<Any>&) {
    auto* instance = new kpi::uno_glue::kpi_functions();
    instance->acquire();
    return static_cast<cppu::OWeakObject*>(instance);
}
