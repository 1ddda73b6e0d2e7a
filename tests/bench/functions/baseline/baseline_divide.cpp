// The benchmark's one-method Calc add-in: BASELINE.DIVIDE(a; b) = a / b, with the least Calc needs to
// list an add-in (XAddIn, which includes XLocalizable; XServiceName; XServiceInfo). A floor
// measurement of LibreOffice's add-in call path, not part of the product: no checks, no catalog.
#include <com/sun/star/lang/Locale.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/lang/XServiceName.hpp>
#include <com/sun/star/sheet/XAddIn.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <cppuhelper/implbase4.hxx>
#include <cppuhelper/supportsservice.hxx>
#include <org/kpimarketing/bench/XBaselineDivide.hpp>

using css::uno::Any;
using css::uno::Sequence;
using rtl::OUString;

namespace {

// Calc names the function <service name>.<method>: ORG.KPIMARKETING.BENCH.BASELINEDIVIDE.DIVIDE.
constexpr char service_name[] = "org.kpimarketing.bench.BaselineDivide";
constexpr char implementation_name[] = "org.kpimarketing.bench.BaselineDivide.impl";
constexpr char method_name[] = "DIVIDE";
constexpr char display_name[] = "BASELINE.DIVIDE";

class baseline_divide
    : public cppu::WeakImplHelper4<org::kpimarketing::bench::XBaselineDivide, css::sheet::XAddIn,
                                   css::lang::XServiceName, css::lang::XServiceInfo> {
public:
    // ---- XBaselineDivide ----
    double SAL_CALL DIVIDE(double a, double b) override { return a / b; }

    // ---- XAddIn: one function, programmatic name = method name ----
    OUString SAL_CALL getProgrammaticFuntionName(const OUString& name) override {
        return name == display_name ? OUString(method_name) : OUString();
    }
    OUString SAL_CALL getDisplayFunctionName(const OUString& name) override {
        return name == method_name ? OUString(display_name) : OUString();
    }
    OUString SAL_CALL getFunctionDescription(const OUString&) override {
        return "a / b (benchmark baseline, not part of the product)";
    }
    OUString SAL_CALL getDisplayArgumentName(const OUString&, sal_Int32 index) override {
        return index == 0 ? OUString("a") : index == 1 ? OUString("b") : OUString();
    }
    OUString SAL_CALL getArgumentDescription(const OUString&, sal_Int32 index) override {
        return index == 0 ? OUString("dividend") : index == 1 ? OUString("divisor") : OUString();
    }
    OUString SAL_CALL getProgrammaticCategoryName(const OUString&) override { return "Add-In"; }
    OUString SAL_CALL getDisplayCategoryName(const OUString&) override { return "Add-In"; }

    // ---- XLocalizable (through XAddIn): remembered, not used ----
    void SAL_CALL setLocale(const css::lang::Locale& locale) override { locale_ = locale; }
    css::lang::Locale SAL_CALL getLocale() override { return locale_; }

    // ---- XServiceName, XServiceInfo ----
    OUString SAL_CALL getServiceName() override { return service_name; }
    OUString SAL_CALL getImplementationName() override { return implementation_name; }
    sal_Bool SAL_CALL supportsService(const OUString& name) override { return cppu::supportsService(this, name); }
    Sequence<OUString> SAL_CALL getSupportedServiceNames() override {
        Sequence<OUString> names(2);
        names.getArray()[0] = service_name;
        names.getArray()[1] = "com.sun.star.sheet.AddIn";
        return names;
    }

private:
    css::lang::Locale locale_{"en", "US", ""};
};

} // namespace

extern "C" SAL_DLLPUBLIC_EXPORT css::uno::XInterface*
org_kpimarketing_bench_BaselineDivide_get_implementation(css::uno::XComponentContext*, const Sequence<Any>&) {
    auto* instance = new baseline_divide;
    instance->acquire();
    return static_cast<cppu::OWeakObject*>(instance);
}
